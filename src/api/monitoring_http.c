/*
 * monitoring_http.c -- monitoring and transparency over HTTP
 * (docs/monitoring.md). The rules are in core/monitoring/monitoring.h.
 *
 *   GET  /rapportageperiodes                              the reporting periods
 *   GET  /beschikkingen/{id}/voortgangsrapportages        a project's plan and reports
 *   POST /beschikkingen/{id}/voortgangsrapportages        the lead reports a quarter
 *   GET  /signalen                                        signals on ?peildatum
 *   POST /signalen/kennisnames                            the coordinating insurer acknowledges
 *   GET  /programmamonitor                                the programme's dashboard
 *   GET  /programmamonitor/kwartaalrapportage[.pdf]       the quarterly report
 *   GET  /open-data/plannen[.csv], /open-data/plannen/beschrijving   open data (public)
 *
 * ?peildatum=YYYY-MM-DD is the day the signals and the dashboard are
 * computed for: by default today, on a demo server the demo's day
 * (DEMO_PEILDATUM: the demo data lives in 2027-2028).
 */
#include "api/http.h"
#include "api/parameters.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/demo/demo.h"
#include "core/monitoring/monitoring.h"

/* ?peildatum= as days since 1970. */
static rc_t peildag(struct http_request *rq, int64_t *dag, struct error *e)
{
	const char *t = http_query(rq, "peildatum");
	if (!t) {
		if (server_config_of(rq->server)->demo && klok_datum_lees(DEMO_PEILDATUM, dag))
			return RC_OK;
		*dag = klok_vandaag(NULL);
		return RC_OK;
	}
	if (klok_datum_lees(t, dag))
		return RC_OK;
	error_add(e, "peildatum", "parameter_ongeldig", NULL, "De peildatum is een datum JJJJ-MM-DD.");
	return RC_INVALID;
}

rc_t rapportageperiodes_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *out = NULL;
	rc_t rc = monitoring_perioden(rq->store, rq->arena, &out, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, out, e) : rc;
}

rc_t projectrapportages_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze beschikking bestaat niet.");
	json_t *out = NULL;
	rc_t rc = projectvoortgang_lijst(rq->store, &rq->who, id, rq->arena, &out, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, out, e) : rc;
}

rc_t projectrapportages_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze beschikking bestaat niet.");
	json_t *out = NULL;
	rc_t rc = projectvoortgang_voeg_toe(rq->store, &rq->who, NULL, id, rq->body, rq->arena, &out, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/beschikkingen/%lld/voortgangsrapportages", (long long)id);
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	return http_reply_json(rq, rs, 201, out, e);
}

rc_t signalen_lijst_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t dag = 0, na = 0, limiet = 0;
	rc_t rc = peildag(rq, &dag, e);
	if (rc == RC_OK)
		rc = http_pagina(rq, SIGNALEN_PAGINA_MAX, &na, &limiet, e);
	json_t *out = NULL;
	if (rc == RC_OK)
		rc = signalen_lijst(rq->store, &rq->who, dag, http_query_janee(rq, "open"), na, limiet, rq->arena, &out, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, out, e) : rc;
}

rc_t signalen_kennisname(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t dag = 0;
	rc_t rc = peildag(rq, &dag, e);
	json_t *out = NULL;
	if (rc == RC_OK)
		rc = signaal_erken(rq->store, &rq->who, NULL, dag, rq->body, rq->arena, &out, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, out, e) : rc;
}

rc_t programmamonitor_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t dag = 0;
	rc_t rc = peildag(rq, &dag, e);
	const char *tekst = NULL;
	size_t len = 0;
	if (rc == RC_OK)
		rc = monitoring_dashboard_tekst(rq->store, dag, rq->arena, &tekst, &len, e);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 200, "application/json", tekst, len);
	http_reply_etag(rq, rs);
	return RC_OK;
}

static rc_t kwartaalrapportage(struct http_request *rq, struct http_response *rs, bool pdf, struct error *e)
{
	int64_t dag = 0;
	rc_t rc = peildag(rq, &dag, e);
	const void *data = NULL;
	size_t len = 0;
	if (rc == RC_OK)
		rc = kwartaalrapport_document(rq->store, dag, pdf, rq->arena, &data, &len, e);
	return rc == RC_OK ? http_reply_document(rq, rs, data, len, pdf, pdf ? "kwartaalrapportage.pdf"
									  : "kwartaalrapportage.html") : rc;
}

rc_t kwartaalrapportage_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return kwartaalrapportage(rq, rs, http_wil_pdf(rq), e);
}

rc_t kwartaalrapportage_pdf(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return kwartaalrapportage(rq, rs, true, e);
}

rc_t opendata_plannen_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	const char *tekst = NULL;
	size_t len = 0;
	rc_t rc = opendata_plannen_tekst(rq->store, rq->arena, &tekst, &len, e);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 200, "application/json", tekst, len);
	http_add_header(rq, rs, "Link", "</api/v1/open-data/plannen/beschrijving>; rel=\"describedby\"");
	http_reply_etag(rq, rs);
	return RC_OK;
}

rc_t opendata_plannen_csv(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *l = NULL;
	rc_t rc = opendata_plannen(rq->store, rq->arena, &l, e);
	if (rc != RC_OK)
		return rc;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f) {
		json_decref(l);
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	opendata_csv(f, l);
	fclose(f);
	json_decref(l);
	char *uit = buf ? arena_strndup(rq->arena, buf, len) : NULL;
	free(buf);
	if (!uit)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	http_reply_raw(rs, 200, "text/csv; charset=utf-8", uit, len);
	http_add_header(rq, rs, "Content-Disposition", "inline; filename=\"plannen.csv\"");
	http_add_header(rq, rs, "Link", "</api/v1/open-data/plannen/beschrijving>; rel=\"describedby\"");
	return RC_OK;
}

rc_t opendata_beschrijving_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return http_reply_json(rq, rs, 200, opendata_beschrijving(), e);
}
