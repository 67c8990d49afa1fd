/*
 * apitokens_http.c -- GET/POST /api/v1/apitokens and DELETE
 * /api/v1/apitokens/{id}: issuing (the token is in the answer once),
 * listing (never the token) and revoking. Beheerder only; auditor reads.
 */
#include "api/toegang_http.h"

#include <inttypes.h>

#include "core/basis/json.h"

rc_t apitokens_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t na, limiet;
	rc_t rc = http_pagina(rq, APITOKEN_PAGINA_MAX, &na, &limiet, e);
	struct apitoken *lijst = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = apitoken_lijst(rq->store, rq->arena, na, limiet, &lijst, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, apitoken_json(&lijst[i]));
	json_t *body = json_pack("{s:o}", "apitokens", items ? items : json_array());
	if (body)
		json_object_set_new(body, "volgende_na", (int64_t)n == limiet && n > 0
				    ? json_integer((json_int_t)lijst[n - 1].id) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t apitokens_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	static const char *const velden[] = {"organisatie_id", "rol", "naam", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	struct apitoken_aanvraag in = {0};
	json_get_int(rq->body, "organisatie_id", false, "", &in.organisatie_id, e);
	json_get_string(rq->body, "rol", false, "", &in.rol, e);
	json_get_string(rq->body, "naam", false, "", &in.naam, e);
	struct apitoken_uitgifte uit;
	rc_t rc = apitoken_maak(rq->store, &rq->who, &in, &uit, e);
	struct apitoken t;
	if (rc == RC_OK)
		rc = apitoken_lees(rq->store, rq->arena, uit.id, &t, e);
	if (rc != RC_OK)
		return rc;
	json_t *body = uit.aangevraagd
		? json_pack("{s:o, s:n, s:s}", "apitoken", apitoken_json(&t), "token",
			    "toelichting", "Aangevraagd. Een rol waarin geld beweegt krijgt pas een token "
					   "als een andere beheerder het goedkeurt (vier ogen); die ziet het "
					   "token één keer.")
		: json_pack("{s:o, s:s, s:s}", "apitoken", apitoken_json(&t), "token", uit.token,
			    "toelichting", "Dit token wordt maar één keer getoond; bewaar het als geheim. "
					   "Gebruik: Authorization: Bearer <token>.");
	char *location = arena_printf(rq->arena, API_BASE "/apitokens/%" PRId64, uit.id);
	if (location)
		http_add_header(rq, rs, "Location", location);
	return http_reply_json(rq, rs, 201, body, e);
}

rc_t apitokens_intrek(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	rc_t rc = apitoken_intrek(rq->store, &rq->who, id, e);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 204, NULL, "", 0);
	return RC_OK;
}

/* POST /apitokens/{id}/goedkeuringen: a second administrator approves a
 * requested token and receives it, once (four eyes, core/apitoken.h). */
rc_t apitokens_keur_goed(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	static const char *const velden[] = {NULL};
	json_reject_unknown(rq->body, velden, "", e);
	if (e->item_count)
		return RC_INVALID;
	struct apitoken_uitgifte uit;
	rc_t rc = apitoken_keur_goed(rq->store, &rq->who, id, &uit, e);
	struct apitoken t;
	if (rc == RC_OK)
		rc = apitoken_lees(rq->store, rq->arena, id, &t, e);
	if (rc != RC_OK)
		return rc;
	json_t *body = json_pack("{s:o, s:s, s:s}", "apitoken", apitoken_json(&t), "token", uit.token,
		"toelichting", "Goedgekeurd. Dit token wordt maar één keer getoond; geef het door aan het "
			       "systeem dat het gebruikt. Gebruik: Authorization: Bearer <token>.");
	return http_reply_json(rq, rs, 201, body, e);
}
