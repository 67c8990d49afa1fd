/*
 * beschikkingen_http.c -- NZa's decisions over HTTP.
 *
 *   POST /beschikkingen                      NZa grants or refuses a joint request (nza)
 *   GET  /beschikkingen                      the decisions the caller may see
 *   GET  /beschikkingen/{id}                 one decision (JSON)
 *   GET  /beschikkingen/{id}/document        the document: text/html, or application/pdf when
 *                                            the Accept header asks for it
 *   GET  /beschikkingen/{id}/document.pdf    the document as PDF
 *
 * The rules are in core/beschikking.h.
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>


#include "core/beschikking/beschikking.h"

/* A beschikking with its links. */
static json_t *beschikking_link(const struct beschikking *b)
{
	json_t *j = http_link(beschikking_json(b), "self", "/beschikkingen/%" PRId64, b->id);
	return http_link(j, "document", "/beschikkingen/%" PRId64 "/document", b->id);
}

rc_t beschikkingen_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct beschikking_invoer in;
	struct beschikking_uitkomst u;
	rc_t rc = beschikking_lees_invoer(rq->body, &in, e);
	if (rc == RC_OK)
		rc = beschikking_neem(rq->store, &rq->who, NULL, &in, &u, e);
	struct beschikking b;
	if (rc == RC_OK)
		rc = beschikking_open(rq->store, rq->arena, &rq->who, u.id, &b, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/beschikkingen/%" PRId64, u.id);
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	json_t *j = beschikking_link(&b);
	json_t *af = json_array();
	for (size_t i = 0; af && i < u.automatisch_afgewezen; i++)
		json_array_append_new(af, json_integer((json_int_t)u.afgewezen[i]));
	if (j)
		json_object_set_new(j, "afgewezen_nza_aanvragen", af ? af : json_array());
	else
		json_decref(af);
	return http_reply_json(rq, rs, 201, j, e);
}

rc_t beschikkingen_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t na, limiet;
	rc_t rc = http_pagina(rq, BESCHIKKING_PAGINA_MAX, &na, &limiet, e);
	struct beschikking *l = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = beschikking_lijst(rq->store, rq->arena, &rq->who, na, limiet, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, beschikking_link(&l[i]));
	json_t *body = json_pack("{s:o}", "beschikkingen", items ? items : json_array());
	if (body)
		json_object_set_new(body, "volgende_na", (int64_t)n == limiet && n > 0
				    ? json_integer((json_int_t)l[n - 1].id) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

static rc_t open_pad(struct http_request *rq, struct beschikking *b, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	return beschikking_open(rq->store, rq->arena, &rq->who, id, b, e);
}

rc_t beschikkingen_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct beschikking b;
	rc_t rc = open_pad(rq, &b, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, beschikking_link(&b), e);
}

static rc_t pdf(struct http_request *rq, struct http_response *rs, const struct beschikking *b,
		struct error *e)
{
	const unsigned char *data = NULL;
	size_t len = 0;
	rc_t rc = beschikking_document_pdf(rq->store, rq->arena, b, &data, &len, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_document(rq, rs, data, len, true,
				   arena_printf(rq->arena, "beschikking-%" PRId64 ".pdf", b->id));
}

rc_t beschikkingen_document(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct beschikking b;
	rc_t rc = open_pad(rq, &b, e);
	if (rc != RC_OK)
		return rc;
	if (http_wil_pdf(rq))
		return pdf(rq, rs, &b, e);
	const char *html = NULL;
	size_t len = 0;
	rc = beschikking_document_html(rq->store, rq->arena, &b, &html, &len, e);
	return rc != RC_OK ? rc : http_reply_document(rq, rs, html, len, false, NULL);
}

rc_t beschikkingen_document_pdf(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct beschikking b;
	rc_t rc = open_pad(rq, &b, e);
	if (rc != RC_OK)
		return rc;
	return pdf(rq, rs, &b, e);
}

