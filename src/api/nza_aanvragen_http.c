/*
 * nza_aanvragen_http.c -- the joint request to NZa over HTTP.
 *
 *   POST /nza-aanvragen                        the coordinating insurer makes one (beoordelaar)
 *   GET  /nza-aanvragen                        the requests the caller may see
 *   GET  /nza-aanvragen/{id}                   one, with its signatures
 *   POST /nza-aanvragen/{id}/ondertekeningen   the insurer or the lead signs {"sha256"}
 *   GET  /nza-aanvragen/{id}/toetsing          NZa's checks (a)-(d) and the formal conditions
 *
 * The rules are in core/beschikking/nza_aanvraag.h and core/beschikking/nza_toets.h.
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/beschikking/nza_toets.h"
#include "core/beschikking/nza_aanvraag.h"
#include "core/beschikking/ondertekening.h"

/* A joint request with its link. */
static json_t *nza_aanvraag_link(const struct nza_aanvraag *t)
{
	return http_link(nza_aanvraag_json(t), "self", "/nza-aanvragen/%" PRId64, t->id);
}

rc_t nza_aanvragen_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct nza_aanvraag_invoer in;
	struct error *lees = arena_alloc(rq->arena, sizeof *lees);
	if (!lees)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	error_clear(lees);
	rc_t rc = nza_aanvraag_lees(rq->body, &in, lees);
	if (rc != RC_OK && in.aanvraag_id <= 0) {
		*e = *lees;   /* without an application there is nothing more to check */
		return rc;
	}
	int64_t id = 0;
	rc = nza_aanvraag_maak(rq->store, &rq->who, NULL, &in, rc == RC_OK ? NULL : lees, &id, e);
	struct nza_aanvraag t;
	if (rc == RC_OK)
		rc = nza_aanvraag_open(rq->store, rq->arena, &rq->who, id, &t, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/nza-aanvragen/%" PRId64, id);
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	return http_reply_json(rq, rs, 201, nza_aanvraag_link(&t), e);
}

rc_t nza_aanvragen_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t na, limiet;
	rc_t rc = http_pagina(rq, NZA_AANVRAAG_PAGINA_MAX, &na, &limiet, e);
	struct nza_aanvraag *l = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = nza_aanvraag_lijst(rq->store, rq->arena, &rq->who, http_query(rq, "status"), na, limiet, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, nza_aanvraag_link(&l[i]));
	json_t *body = json_pack("{s:o}", "nza_aanvragen", items ? items : json_array());
	if (body)
		json_object_set_new(body, "volgende_na", (int64_t)n == limiet && n > 0
				    ? json_integer((json_int_t)l[n - 1].id) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t nza_aanvragen_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	struct nza_aanvraag t;
	rc_t rc = nza_aanvraag_open(rq->store, rq->arena, &rq->who, id, &t, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, nza_aanvraag_link(&t), e);
}

rc_t nza_aanvragen_onderteken(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	static const char *const velden[] = {"sha256", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	const char *sha = NULL;
	json_get_string(rq->body, "sha256", true, "", &sha, e);
	if (e->item_count)
		return RC_INVALID;
	const char *status = NULL;
	rc_t rc = nza_aanvraag_onderteken(rq->store, &rq->who, NULL, id, sha, &status, e);
	struct nza_aanvraag t;
	if (rc == RC_OK)
		rc = nza_aanvraag_open(rq->store, rq->arena, &rq->who, id, &t, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 201, nza_aanvraag_link(&t), e);
}

rc_t nza_aanvragen_toetsing(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	struct nza_aanvraag t;
	struct nza_bevinding b[NZA_BEVINDINGEN];
	size_t n = 0;
	rc_t rc = nza_toetsing(rq->store, rq->arena, &rq->who, id, &t, b, &n, e);
	if (rc != RC_OK)
		return rc;
	bool alles = nza_alles_voldaan(b, n, NULL);
	json_t *body = json_pack("{s:I, s:s, s:b, s:o}", "nza_aanvraag_id", (json_int_t)t.id,
				 "status", t.status, "alles_voldaan", alles,
				 "bevindingen", nza_bevindingen_json(b, n));
	return http_reply_json(rq, rs, 200, body, e);
}

