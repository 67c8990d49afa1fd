/*
 * bestuursbesluiten_http.c -- the board's decision over HTTP
 * (docs/bestuur.md §4):
 *
 *   POST /bestuursbesluiten                  adopt a scenario (bestuur): 201;
 *                                            409 when the round has a decision
 *   GET  /bestuursbesluiten?indieningsronde= the decisions
 *   GET  /bestuursbesluiten/{id}             one, with its grants and their
 *                                            ledger reservations
 *
 * The board decides; the board, the programme office, the auditor and
 * NZa (which checks the joint requests against it) read.
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/verdeling/bestuursbesluit.h"

/* The decision with its links. */
static json_t *besluit_json(const struct bestuursbesluit *b)
{
	json_t *j = http_link(bestuursbesluit_json(b), "self", "/bestuursbesluiten/%" PRId64, b->id);
	return http_link(j, "verdeelscenario", "/verdeelscenarios/%" PRId64, b->scenario_id);
}

static rc_t besluit_antwoord(struct http_request *rq, struct http_response *rs, int status,
			     int64_t id, struct error *e)
{
	struct bestuursbesluit b;
	rc_t rc = bestuursbesluit_open(rq->store, rq->arena, id, &b, e);
	if (rc != RC_OK)
		return rc;
	if (status == 201) {
		char *plek = arena_printf(rq->arena, API_BASE "/bestuursbesluiten/%" PRId64, id);
		if (plek)
			http_add_header(rq, rs, "Location", plek);
	}
	return http_reply_json(rq, rs, status, besluit_json(&b), e);
}

rc_t bestuursbesluiten_neem(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct bestuursbesluit_invoer in;
	rc_t rc = bestuursbesluit_invoer_lees(rq->body, &in, e);
	int64_t id = 0;
	if (rc == RC_OK)
		rc = bestuursbesluit_neem(rq->store, &rq->who, NULL, &in, rq->arena, &id, e);
	if (rc != RC_OK)
		return rc;
	return besluit_antwoord(rq, rs, 201, id, e);
}

rc_t bestuursbesluiten_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Dit bestuursbesluit bestaat niet.");
	return besluit_antwoord(rq, rs, 200, id, e);
}

rc_t bestuursbesluiten_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t ronde = http_query_getal(rq, "indieningsronde");
	struct bestuursbesluit *l = NULL;
	size_t n = 0;
	rc_t rc = bestuursbesluit_lijst(rq->store, rq->arena, ronde, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, besluit_json(&l[i]));
	return http_reply_json(rq, rs, 200, json_pack("{s:o}", "bestuursbesluiten", items ? items : json_array()), e);
}
