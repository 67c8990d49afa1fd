/*
 * mijlpalen_http.c -- the milestones of a beschikking over HTTP.
 *
 *   GET  /beschikkingen/{id}/mijlpalen                          planned, reported, paid; what is left
 *   POST /beschikkingen/{id}/mijlpalen/{mijlpaal}/meldingen     the lead reports it reached (aanvrager)
 *   POST /beschikkingen/{id}/mijlpalen/{mijlpaal}/betalingen    the insurer pays it (beoordelaar)
 *   POST /beschikkingen/{id}/mijlpalen/{mijlpaal}/correcties    the insurer corrects the payment
 *
 * The rules are in core/mijlpaal.h.
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/betaling/correctie.h"
#include "core/betaling/mijlpaal.h"

rc_t mijlpalen_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	struct mijlpaal *l = NULL;
	size_t n = 0;
	int64_t bovengrens = 0, resterend = 0;
	rc_t rc = mijlpaal_lijst(rq->store, rq->arena, &rq->who, id, &l, &n, &bovengrens, &resterend, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, mijlpaal_json(&l[i]));
	return http_reply_json(rq, rs, 200, json_pack("{s:I, s:I, s:I, s:o}", "beschikking_id", (json_int_t)id,
			       "bovengrens_cent", (json_int_t)bovengrens, "resterend_cent", (json_int_t)resterend,
			       "mijlpalen", items ? items : json_array()), e);
}

rc_t mijlpalen_meld(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	const char *bewijs = NULL, *kenmerk = NULL;
	rc_t rc = mijlpaal_lees_melding(rq->body, &bewijs, &kenmerk, e);
	if (rc == RC_OK)
		rc = mijlpaal_meld(rq->store, &rq->who, NULL, id, rq->params[1], bewijs, kenmerk, e);
	if (rc != RC_OK)
		return rc;
	return mijlpalen_lijst(rq, rs, e) == RC_OK ? (rs->status = 201, RC_OK) : e->rc;
}

rc_t mijlpalen_betaal(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	bool gegeven = false;
	int64_t bedrag = 0;
	rc_t rc = mijlpaal_lees_betaling(rq->body, &gegeven, &bedrag, e);
	struct mijlpaal m;
	if (rc == RC_OK)
		rc = mijlpaal_betaal(rq->store, &rq->who, server_config_of(rq->server)->boekklok, id,
				     rq->params[1], gegeven, bedrag, rq->arena, &m, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 201, json_pack("{s:I, s:o}", "beschikking_id", (json_int_t)id,
			       "mijlpaal", mijlpaal_json(&m)), e);
}

rc_t mijlpalen_corrigeer(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	int64_t bedrag = 0;
	const char *reden = NULL;
	rc_t rc = correctie_lees(rq->body, &bedrag, &reden, e);
	struct mijlpaal m;
	if (rc == RC_OK)
		rc = mijlpaal_corrigeer(rq->store, &rq->who, server_config_of(rq->server)->boekklok, id,
					rq->params[1], bedrag, reden, rq->arena, &m, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 201, json_pack("{s:I, s:o}", "beschikking_id", (json_int_t)id,
			       "mijlpaal", mijlpaal_json(&m)), e);
}

/* ---- evidence as files (docs/bijlagen.md) ---------------------------------------- */

/* An attachment with its download link. */
static json_t *bijlage_met_link(const struct bijlage *b)
{
	return http_link(bijlage_json(b), "download", "/bijlagen/%" PRId64, b->id);
}

rc_t mijlpalen_bijlage_voeg_toe(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	const char *naam = http_query(rq, "naam");
	struct bijlage b;
	rc_t rc = mijlpaal_bijlage_voeg_toe(rq->store, &rq->who, NULL, id, rq->params[1], naam,
					    rq->ruw ? rq->ruw : "", rq->ruw_len, rq->arena, &b, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/bijlagen/%" PRId64, b.id);
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	return http_reply_json(rq, rs, 201, bijlage_met_link(&b), e);
}

rc_t mijlpalen_bijlagen(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	struct bijlage *l = NULL;
	size_t n = 0;
	rc_t rc = mijlpaal_bijlagen(rq->store, rq->arena, &rq->who, id, rq->params[1], &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *lijst = json_array();
	for (size_t i = 0; lijst && i < n; i++)
		json_array_append_new(lijst, bijlage_met_link(&l[i]));
	return http_reply_json(rq, rs, 200, json_pack("{s:o}", "bijlagen", lijst), e);
}
