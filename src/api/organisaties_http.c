/*
 * organisaties_http.c -- GET/POST /api/v1/organisaties and
 * GET /api/v1/organisaties/{id}; the JSON shapes of toegang_http.h.
 *
 * The register: everyone logged in searches and reads every organisation
 * (?zoek= a part of the name or a whole code, ?soort=); the bank account
 * only their own, beheerder and auditor all. Only beheerder creates.
 */
#include "api/toegang_http.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/json.h"

/* ---- handlers -------------------------------------------------------- */

rc_t organisaties_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t na, limiet;
	struct organisatie_filter f = {.zoek = http_query(rq, "zoek"), .soort = http_query(rq, "soort")};
	rc_t rc = http_pagina(rq, ORGANISATIE_PAGINA_MAX, &na, &limiet, e);
	struct organisatie *lijst = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = organisatie_filter_controleer(&f, e);
	if (rc == RC_OK)
		rc = organisatie_lijst(rq->store, rq->arena, &rq->who, &f, na, limiet, &lijst, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, organisatie_json(&lijst[i], &rq->who));
	json_t *body = json_pack("{s:o}", "organisaties", items ? items : json_array());
	if (body)
		json_object_set_new(body, "volgende_na", (int64_t)n == limiet && n > 0
				    ? json_integer((json_int_t)lijst[n - 1].id) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t organisaties_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	static const char *const velden[] = {"soort", "naam", "agb_code", "kvk_nummer", "uzovi_code",
					     "concern", "cbs_code", "iban", "plaats", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	struct organisatie in = {0};
	json_get_string(rq->body, "soort", false, "", &in.soort, e);
	json_get_string(rq->body, "naam", false, "", &in.naam, e);
	json_get_string(rq->body, "agb_code", false, "", &in.agb_code, e);
	json_get_string(rq->body, "kvk_nummer", false, "", &in.kvk_nummer, e);
	json_get_string(rq->body, "uzovi_code", false, "", &in.uzovi_code, e);
	json_get_string(rq->body, "concern", false, "", &in.concern, e);
	json_get_string(rq->body, "cbs_code", false, "", &in.cbs_code, e);
	json_get_string(rq->body, "iban", false, "", &in.iban, e);
	json_get_string(rq->body, "plaats", false, "", &in.plaats, e);
	int64_t id = 0;
	rc_t rc = organisatie_maak(rq->store, &rq->who, &in, false, &id, e);
	struct organisatie o;
	if (rc == RC_OK)
		rc = organisatie_lees(rq->store, rq->arena, id, &o, e);
	if (rc != RC_OK)
		return rc;
	char *location = arena_printf(rq->arena, API_BASE "/organisaties/%" PRId64, id);
	if (location)
		http_add_header(rq, rs, "Location", location);
	return http_reply_json(rq, rs, 201, organisatie_json(&o, &rq->who), e);
}

rc_t organisaties_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	bool geldig = http_param_id(rq, 0, &id);
	char *object = arena_printf(rq->arena, "organisatie/%s", rq->params[0]);
	if (!geldig)
		return toegang_weiger(rq->store, &rq->who, RC_NOT_FOUND, object ? object : "organisatie",
				      "geen geldige id", e);
	struct organisatie o;
	rc_t rc = organisatie_lees(rq->store, rq->arena, id, &o, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, organisatie_json(&o, &rq->who), e);
}
