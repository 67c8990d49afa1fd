/*
 * verdeelscenarios_http.c -- the board's allocation scenarios over HTTP
 * (docs/bestuur.md §3):
 *
 *   POST /verdeelscenarios                   compute and store (bestuur): 201
 *   GET  /verdeelscenarios?indieningsronde=  the scenarios, without their results
 *   GET  /verdeelscenarios/{id}              one, with its input and the solver's output
 *   GET  /verdeelscenarios/{id}/lp           its model in CPLEX LP format (text/plain)
 *   GET  /verdeelscenarios/vergelijking?ids= scenarios side by side
 *
 * The board makes them; the board, the programme office and the auditor
 * read them. Computing is synchronous (docs/bestuur.md §6).
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/verdeling/verdeelscenario.h"

/* The summary of a scenario with its links, as in lists. */
static json_t *samenvatting_json(const struct verdeelscenario *v)
{
	json_t *j = http_link(verdeelscenario_samenvatting_json(v), "self", "/verdeelscenarios/%" PRId64,
			      v->id);
	return http_link(j, "lp", "/verdeelscenarios/%" PRId64 "/lp", v->id);
}

/* One scenario in full: the summary, its input and the solver's output. */
static rc_t scenario_antwoord(struct http_request *rq, struct http_response *rs, int status,
			      int64_t id, struct error *e)
{
	struct verdeelscenario v;
	rc_t rc = verdeelscenario_open(rq->store, rq->arena, id, &v, e);
	if (rc != RC_OK)
		return rc;
	json_t *invoer = NULL;
	rc = verdeelscenario_invoer_document(&v, &invoer, e);
	json_t *resultaat = rc == RC_OK ? json_loads(v.resultaat, 0, NULL) : NULL;
	if (rc == RC_OK && !resultaat) {
		json_decref(invoer);
		return error_set(e, RC_INTERNAL, "Het resultaat van verdeelscenario %" PRId64 " is onleesbaar.", id);
	}
	if (rc != RC_OK)
		return rc;
	json_t *j = samenvatting_json(&v);
	json_object_set_new(j, "invoer", invoer);
	json_object_set_new(j, "resultaat", resultaat);
	if (status == 201) {
		char *plek = arena_printf(rq->arena, API_BASE "/verdeelscenarios/%" PRId64, id);
		if (plek)
			http_add_header(rq, rs, "Location", plek);
	}
	return http_reply_json(rq, rs, status, j, e);
}

rc_t verdeelscenarios_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct verdeelscenario_invoer in;
	memset(&in, 0, sizeof in);
	/* the request's own problems are reported together with the parameters' */
	rc_t rc = verdeelscenario_invoer_lees(rq->body, &in, e);
	int64_t id = 0;
	if (rc == RC_OK || rc == RC_INVALID)
		rc = verdeelscenario_maak(rq->store, &rq->who, NULL, &in, rq->arena, &id, e);
	if (rc != RC_OK)
		return rc;
	return scenario_antwoord(rq, rs, 201, id, e);
}

rc_t verdeelscenarios_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Dit verdeelscenario bestaat niet.");
	return scenario_antwoord(rq, rs, 200, id, e);
}

rc_t verdeelscenarios_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t ronde = 0;
	ronde = http_query_getal(rq, "indieningsronde");
	struct verdeelscenario *l = NULL;
	size_t n = 0;
	rc_t rc = verdeelscenario_lijst(rq->store, rq->arena, ronde, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, samenvatting_json(&l[i]));
	return http_reply_json(rq, rs, 200, json_pack("{s:o}", "verdeelscenarios", items ? items : json_array()), e);
}

rc_t verdeelscenarios_lp(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Dit verdeelscenario bestaat niet.");
	struct verdeelscenario v;
	rc_t rc = verdeelscenario_open(rq->store, rq->arena, id, &v, e);
	char *lp = NULL;
	if (rc == RC_OK)
		rc = verdeelscenario_lp(&v, rq->arena, &lp, e);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 200, "text/plain; charset=utf-8", lp, strlen(lp));
	return RC_OK;
}

rc_t verdeelscenarios_vergelijking(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t ids[VERDEELSCENARIO_VERGELIJK_MAX];
	size_t n = http_query_ids(rq, "ids", ids, VERDEELSCENARIO_VERGELIJK_MAX);
	rc_t rc = RC_OK;
	if (n == 0 || n == SIZE_MAX) {
		error_add(e, "ids", "parameter_ongeldig", NULL, "ids is een lijst van 1 tot %d "
			  "scenarionummers, gescheiden door komma's: ?ids=1,2,3.",
			  VERDEELSCENARIO_VERGELIJK_MAX);
		rc = RC_INVALID;
	}
	json_t *uit = NULL;
	if (rc == RC_OK)
		rc = verdeelscenario_vergelijk(rq->store, rq->arena, ids, n, &uit, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, uit, e);
}
