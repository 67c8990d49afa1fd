/*
 * verantwoordingen_http.c -- the accountability over HTTP
 * (docs/verantwoording.md §3):
 *
 *   GET  /verantwoordingskaders                        every year's framework
 *   PUT  /verantwoordingskaders/{jaar}                 set one (programmabureau)
 *   POST /beschikkingen/{id}/verantwoordingen          the lead submits a year
 *   GET  /beschikkingen/{id}/verantwoordingen          who may read the beschikking
 *   POST /beschikkingen/{id}/verantwoordingen/{jaar}/bijlagen   the lead adds a document
 *   POST /verantwoordingen/{id}/plausibiliteitstoets    the coordinating insurer judges every line
 *   POST /verantwoordingen/{id}/informatieverzoeken     ... or asks for information (a new version follows)
 *   POST /jaarstaten                                   an insurer submits its yearly statement
 *   GET  /jaarstaten?jaar=                             NZa, Zorginstituut, auditor: all; an insurer its own
 *   POST /jaarstaten/{id}/rechtsoordeel                NZa's yearly judgement
 *   POST /vereveningen                                 the Zorginstituut settles an insurer's year
 *   GET  /vereveningen[/export]?jaar=[&formaat=xlsx]   the settlements (the export: CSV or XLSX)
 *   GET  /jaarstaten/{id}/rechtsoordeel/document[.pdf] NZa's judgement as HTML or PDF
 *   GET  /vereveningen/{id}/document[.pdf]             the settlement as HTML or PDF
 *
 * The core checks and stores (core/verantwoording/verantwoording_dossier.h).
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/json.h"

#include "core/verantwoording/jaarstaat.h"
#include "core/verantwoording/verantwoording_dossier.h"
#include "core/verantwoording/verantwoording_document.h"
#include "core/verantwoording/verevening.h"

/* The year in path segment i; false when it is no year. */
static bool jaar_param(struct http_request *rq, size_t i, int64_t *jaar)
{
	const char *t = rq->params[i];
	char *eind = NULL;
	long long v = t ? strtoll(t, &eind, 10) : 0;
	if (!t || eind == t || *eind || v < 2000 || v > 2100)
		return false;
	*jaar = v;
	return true;
}

rc_t verantwoordingskaders_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = verantwoordingskaders(rq->store, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t verantwoordingskaders_zet(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t jaar = 0;
	if (!jaar_param(rq, 0, &jaar))
		return error_set(e, RC_NOT_FOUND, "Geef een jaar tussen 2000 en 2100.");
	json_t *uit = NULL;
	rc_t rc = verantwoordingskader_zet(rq->store, &rq->who, NULL, jaar, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t verantwoordingen_dien_in(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze beschikking bestaat niet.");
	json_t *uit = NULL;
	rc_t rc = verantwoording_dien_in(rq->store, &rq->who, NULL, id, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t verantwoordingen_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze beschikking bestaat niet.");
	json_t *uit = NULL;
	rc_t rc = verantwoording_lijst(rq->store, rq->arena, &rq->who, id, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t verantwoordingen_bijlage(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0, jaar = 0;
	if (!http_param_id(rq, 0, &id) || !jaar_param(rq, 1, &jaar))
		return error_set(e, RC_NOT_FOUND, "Deze beschikking of dit jaar bestaat niet.");
	struct bijlage b;
	rc_t rc = verantwoording_bijlage_voeg_toe(rq->store, &rq->who, NULL, id, jaar, http_query(rq, "naam"),
						  rq->ruw ? rq->ruw : "", rq->ruw_len, rq->arena, &b, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/bijlagen/%" PRId64, b.id);
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	return http_reply_json(rq, rs, 201, http_link(bijlage_json(&b), "download", "/bijlagen/%" PRId64, b.id), e);
}

rc_t verantwoordingen_plausibiliteit(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze verantwoording bestaat niet.");
	json_t *uit = NULL;
	/* the judgement books a reclaim: on the booking clock, as payments */
	rc_t rc = verantwoording_plausibiliteit(rq->store, &rq->who, server_config_of(rq->server)->boekklok,
						id, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t verantwoordingen_vraag_informatie(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze verantwoording bestaat niet.");
	json_t *uit = NULL;
	rc_t rc = verantwoording_vraag_informatie(rq->store, &rq->who, NULL, id, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t jaarstaten_dien_in(struct http_request *rq, struct http_response *rs, struct error *e)
{
	static const char *const velden[] = {"jaar", NULL};
	int64_t jaar = 0;
	json_reject_unknown(rq->body, velden, "", e);
	json_get_int(rq->body, "jaar", true, "", &jaar, e);
	if (e->item_count > 0)
		return RC_INVALID;
	json_t *uit = NULL;
	rc_t rc = jaarstaat_dien_in(rq->store, &rq->who, NULL, jaar, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t jaarstaten_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = jaarstaat_lijst(rq->store, &rq->who, http_query_getal(rq, "jaar"), rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t jaarstaten_rechtsoordeel(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze jaarstaat bestaat niet.");
	json_t *uit = NULL;
	rc_t rc = jaarstaat_rechtsoordeel(rq->store, &rq->who, NULL, id, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t vereveningen_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = verevening_maak(rq->store, &rq->who, NULL, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t vereveningen_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = verevening_lijst(rq->store, &rq->who, http_query_getal(rq, "jaar"), rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t vereveningen_csv(struct http_request *rq, struct http_response *rs, struct error *e)
{
	bool xlsx = false;
	rc_t rc = http_export_formaat(rq, &xlsx, e);
	const char *data = NULL;
	size_t len = 0;
	int64_t jaar = http_query_getal(rq, "jaar");
	if (rc == RC_OK)
		rc = xlsx ? verevening_xlsx(rq->store, &rq->who, jaar, rq->arena, (const unsigned char **)&data, &len, e)
			  : verevening_csv(rq->store, &rq->who, jaar, rq->arena, &data, &len, e);
	if (rc != RC_OK)
		return rc;
	http_reply_export(rq, rs, data, len, xlsx,
			  jaar ? arena_printf(rq->arena, "vereveningen-%lld", (long long)jaar) : "vereveningen");
	return RC_OK;
}

/* A document after the payment for path id {id}: the judgement on a
 * statement or a settlement (.../document: HTML, or PDF when Accept asks
 * for it; .../document.pdf: PDF). */
typedef rc_t (*document_fn)(struct store *s, const struct principal *who, int64_t id, bool pdf,
			    struct arena *arena, const void **data, size_t *len, const char **naam,
			    struct error *e);

static rc_t document_antwoord(struct http_request *rq, struct http_response *rs, document_fn maak, bool pdf,
			      struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Dit document bestaat niet.");
	const void *data = NULL;
	size_t len = 0;
	const char *naam = NULL;
	rc_t rc = maak(rq->store, &rq->who, id, pdf, rq->arena, &data, &len, &naam, e);
	return rc != RC_OK ? rc : http_reply_document(rq, rs, data, len, pdf, naam);
}

rc_t jaarstaten_rechtsoordeel_document(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return document_antwoord(rq, rs, rechtsoordeel_document, http_wil_pdf(rq), e);
}

rc_t jaarstaten_rechtsoordeel_pdf(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return document_antwoord(rq, rs, rechtsoordeel_document, true, e);
}

rc_t vereveningen_document(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return document_antwoord(rq, rs, verevening_document, http_wil_pdf(rq), e);
}

rc_t vereveningen_document_pdf(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return document_antwoord(rq, rs, verevening_document, true, e);
}
