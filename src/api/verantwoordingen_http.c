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
 *   GET  /vereveningen[/export]?jaar=                  the settlements (the export: CSV)
 *
 * The core checks and stores (core/verantwoording/verantwoording_dossier.h).
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/basis/json.h"

#include "core/verantwoording/jaarstaat.h"
#include "core/verantwoording/verantwoording_dossier.h"
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
	rc_t rc = verantwoording_plausibiliteit(rq->store, &rq->who, NULL, id, rq->body, rq->arena, &uit, e);
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
	const char *csv = NULL;
	size_t len = 0;
	int64_t jaar = http_query_getal(rq, "jaar");
	rc_t rc = verevening_csv(rq->store, &rq->who, jaar, rq->arena, &csv, &len, e);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 200, "text/csv; charset=utf-8", csv, len);
	char *cd = jaar ? arena_printf(rq->arena, "attachment; filename=\"vereveningen-%lld.csv\"", (long long)jaar)
			: "attachment; filename=\"vereveningen.csv\"";
	if (cd)
		http_add_header(rq, rs, "Content-Disposition", cd);
	return RC_OK;
}
