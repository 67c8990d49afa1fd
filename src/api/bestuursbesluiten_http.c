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
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/verdeling/bestuursbesluit.h"

static json_t *besluit_json(const struct bestuursbesluit *b)
{
	char self[64], scenario[64];
	snprintf(self, sizeof self, API_BASE "/bestuursbesluiten/%" PRId64, b->id);
	snprintf(scenario, sizeof scenario, API_BASE "/verdeelscenarios/%" PRId64, b->scenario_id);
	json_t *j = json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:I, s:I, s:s, s:s}",
		"id", (json_int_t)b->id, "indieningsronde_id", (json_int_t)b->ronde_id,
		"verdeelscenario_id", (json_int_t)b->scenario_id, "motivering", b->motivering,
		"genomen_op", b->genomen_op, "genomen_door", b->genomen_door,
		"toegekend_cent", (json_int_t)b->toegekend_cent, "aanvraag_aantal",
		(json_int_t)b->aanvraag_aantal, "self", self, "verdeelscenario", scenario);
	if (!j || !b->toekenningen)
		return j;
	json_t *t = json_array();
	for (size_t i = 0; t && i < b->toekenning_aantal; i++) {
		const struct besluit_toekenning *x = &b->toekenningen[i];
		char sleutel[64];
		bestuursbesluit_sleutel(x->aanvraag_id, x->jaar, sleutel, sizeof sleutel);
		json_array_append_new(t, json_pack("{s:I, s:s, s:I, s:I, s:s}", "aanvraag_id",
			(json_int_t)x->aanvraag_id, "thema", x->thema, "jaar", (json_int_t)x->jaar,
			"bedrag_cent", (json_int_t)x->bedrag_cent, "reservering", sleutel));
	}
	json_object_set_new(j, "toekenningen", t);
	return j;
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
