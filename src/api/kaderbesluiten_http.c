/*
 * kaderbesluiten_http.c -- the board's framework decisions over HTTP
 * (docs/bestuur.md §4a):
 *
 *   POST /kaderbesluiten        the board fixes the macrobedrag per theme and
 *                               chooses the impact bar: 201 with the decision
 *                               and the catalogue version that carries it out
 *   GET  /kaderbesluiten        every decision, the one in force first
 *   GET  /kaderbesluiten/{id}   one
 *
 * The board decides; every logged-in party reads (the amounts are public
 * in the catalogue; the decision names its maker).
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>

#include "core/verdeling/kaderbesluit.h"

/* Adds self and catalogue links to one decision. */
static json_t *met_links(json_t *b)
{
	json_int_t id = json_integer_value(json_object_get(b, "id"));
	json_int_t cv = json_integer_value(json_object_get(b, "catalogusversie"));
	b = http_link(b, "self", "/kaderbesluiten/%" JSON_INTEGER_FORMAT, id);
	return http_link(b, "catalogus", "/catalogusversies/%" JSON_INTEGER_FORMAT, cv);
}

rc_t kaderbesluiten_neem(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct kaderbesluit_invoer in;
	int64_t id = 0, versie = 0;
	rc_t rc = kaderbesluit_invoer_lees(rq->body, &in, e);
	if (rc == RC_OK)
		rc = kaderbesluit_neem(rq->store, &rq->who, NULL, &in, &id, &versie, e);
	json_t *b = NULL;
	if (rc == RC_OK)
		rc = kaderbesluit_lees(rq->store, id, &b, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/kaderbesluiten/%" PRId64, id);
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	return http_reply_json(rq, rs, 201, met_links(b), e);
}

rc_t kaderbesluiten_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Dit kaderbesluit bestaat niet.");
	json_t *b = NULL;
	rc_t rc = kaderbesluit_lees(rq->store, id, &b, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, met_links(b), e) : rc;
}

rc_t kaderbesluiten_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL, *b;
	size_t i;
	rc_t rc = kaderbesluit_lijst(rq->store, &uit, e);
	if (rc != RC_OK)
		return rc;
	json_t *lijst = json_object_get(uit, "kaderbesluiten");
	json_array_foreach(lijst, i, b)
		met_links(b);   /* in place */
	return http_reply_json(rq, rs, 200, uit, e);
}
