/*
 * verdeeltaken_http.c -- the board's scenarios as jobs over HTTP
 * (docs/bestuur.md §3.1):
 *
 *   POST /verdeeltaken                    place a job (bestuur): 202 + Location
 *   GET  /verdeeltaken/{id}               its state and progress
 *   POST /verdeeltaken/{id}/annulering    cancel it (bestuur): 202
 *
 * The core checks, stores and computes (core/verdeling/verdeeltaak.h).
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>

#include "core/verdeling/verdeeltaak.h"

/* Answers with job `id` and its links. */
static rc_t taak_antwoord(struct http_request *rq, struct http_response *rs, int status, int64_t id,
			  struct error *e)
{
	struct verdeeltaak t;
	rc_t rc = verdeeltaak_lees(rq->store, rq->arena, id, &t, e);
	if (rc != RC_OK)
		return rc;
	json_t *j = http_link(verdeeltaak_json(&t), "self", "/verdeeltaken/%" PRId64, id);
	j = http_link(j, "annulering", "/verdeeltaken/%" PRId64 "/annulering", id);
	if (t.scenario_id)
		j = http_link(j, "verdeelscenario", "/verdeelscenarios/%" PRId64, t.scenario_id);
	if (status == 202) {
		char *plek = arena_printf(rq->arena, API_BASE "/verdeeltaken/%" PRId64, id);
		if (plek)
			http_add_header(rq, rs, "Location", plek);
	}
	return http_reply_json(rq, rs, status, j, e);
}

rc_t verdeeltaken_plaats(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	rc_t rc = verdeeltaak_plaats(rq->store, &rq->who, NULL, rq->body, rq->arena, &id, e);
	if (rc != RC_OK)
		return rc;
	return taak_antwoord(rq, rs, 202, id, e);
}

rc_t verdeeltaken_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze verdeeltaak bestaat niet.");
	return taak_antwoord(rq, rs, 200, id, e);
}

rc_t verdeeltaken_annuleer(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze verdeeltaak bestaat niet.");
	rc_t rc = verdeeltaak_annuleer(rq->store, &rq->who, NULL, id, e);
	if (rc != RC_OK)
		return rc;
	return taak_antwoord(rq, rs, 202, id, e);
}
