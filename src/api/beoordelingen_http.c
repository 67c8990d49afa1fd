/*
 * beoordelingen_http.c -- assessments and requests for information.
 *
 *   POST /aanvragen/{id}/beoordelingen       an insurer's assessment (beoordelaar)
 *   GET  /aanvragen/{id}/beoordelingen       the assessments the caller may see
 *   GET  /aanvragen/{id}/informatieverzoeken the requests for information
 *
 * The rules (who, when, the two-insurer rule, independence) are in
 * core/beoordeling.h; this file reads the body and shapes the answers.
 */
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/aanvraag/aanvraagdossier.h"
#include "core/beoordeling/beoordeling.h"
#include "core/beoordeling/behandeling.h"
#include "core/basis/json.h"

rc_t beoordelingen_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	struct beoordeling_invoer in;
	rc_t rc = beoordeling_lees(rq->body, &in, e);
	if (rc != RC_OK)
		return rc;
	int64_t bid = 0;
	enum aanvraag_status status;
	rc = beoordeling_maak(rq->store, &rq->who, NULL, id, &in, &bid, &status, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/aanvragen/%" PRId64 "/beoordelingen", id);
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	json_t *body = json_pack("{s:{s:I, s:I, s:s}, s:s}",
		"beoordeling", "id", (json_int_t)bid, "versie", (json_int_t)in.versie,
		"oordeel", beoordeling_oordeel_naam(in.oordeel), "status", aanvraag_status_naam(status));
	return http_reply_json(rq, rs, 201, body, e);
}

/* Opens the application and lists the assessments the caller may see. */
static rc_t zichtbare(struct http_request *rq, struct aanvraagdossier *d, struct beoordeling **l,
		      size_t *n, struct error *e)
{
	int64_t id = 0;
	enum aanvraag_toegang t;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	rc_t rc = aanvraagdossier_open(rq->store, rq->arena, &rq->who, NULL, id, d, &t, e);
	if (rc == RC_OK)
		rc = beoordeling_lijst(rq->store, rq->arena, &rq->who, t, id, l, n, e);
	return rc;
}

rc_t beoordelingen_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct aanvraagdossier d;
	struct beoordeling *l = NULL;
	size_t n = 0;
	rc_t rc = zichtbare(rq, &d, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, beoordeling_json(&l[i]));
	return http_reply_json(rq, rs, 200, json_pack("{s:I, s:s, s:o}", "aanvraag_id", (json_int_t)d.id,
			       "status", aanvraag_status_naam(d.status),
			       "beoordelingen", items ? items : json_array()), e);
}

rc_t informatieverzoeken_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct aanvraagdossier d;
	struct beoordeling *l = NULL;
	size_t n = 0;
	rc_t rc = zichtbare(rq, &d, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++) {
		json_t *iv = l[i].informatieverzoek ? json_loads(l[i].informatieverzoek, 0, NULL) : NULL;
		if (!iv)
			continue;
		bool beantwoord = l[i].versie < d.versie;
		json_t *item = json_pack("{s:I, s:I, s:s, s:O, s:O, s:s, s:b}",
			"versie", (json_int_t)l[i].versie, "verzekeraar_id", (json_int_t)l[i].verzekeraar_id,
			"verzekeraar_rol", l[i].verzekeraar_rol, "velden", json_object_get(iv, "velden"),
			"vraag", json_object_get(iv, "vraag"), "gevraagd_op", l[i].beoordeeld_op,
			"beantwoord", beantwoord);
		if (item)
			json_object_set_new(item, "beantwoord_in_versie",
					    beantwoord ? json_integer((json_int_t)(l[i].versie + 1)) : json_null());
		json_array_append_new(items, item);
		json_decref(iv);
	}
	return http_reply_json(rq, rs, 200, json_pack("{s:I, s:s, s:o}", "aanvraag_id", (json_int_t)d.id,
			       "status", aanvraag_status_naam(d.status),
			       "informatieverzoeken", items ? items : json_array()), e);
}

/* ---- who handles it within the insurer (core/beoordeling/behandeling.h) ---- */

rc_t behandelaars_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct behandelaar *l = NULL;
	size_t n = 0;
	rc_t rc = behandeling_behandelaars(rq->store, &rq->who, rq->arena, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:o}", "id", (json_int_t)l[i].id, "naam", l[i].naam,
						       "functie", *l[i].functie ? json_string(l[i].functie) : json_null()));
	return http_reply_json(rq, rs, 200, json_pack("{s:o}", "behandelaars", items ? items : json_array()), e);
}

rc_t aanvragen_behandelaar_zet(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0, gebruiker = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	static const char *const velden[] = {"gebruiker_id", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	json_t *g = json_object_get(rq->body, "gebruiker_id");
	if (!g)
		error_add(e, "/gebruiker_id", "verplicht", NULL, "Kies een beoordelaar, of null voor niemand.");
	else if (!json_is_null(g) && (!json_is_integer(g) || json_integer_value(g) <= 0))
		error_add(e, "/gebruiker_id", "type", NULL, "Het nummer van een account, of null.");
	else if (!json_is_null(g))
		gebruiker = (int64_t)json_integer_value(g);
	if (e->item_count)
		return RC_INVALID;
	rc_t rc = behandeling_wijs_toe(rq->store, &rq->who, id, gebruiker, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, json_pack("{s:I, s:o}", "aanvraag_id", (json_int_t)id, "behandelaar_id",
						      gebruiker > 0 ? json_integer((json_int_t)gebruiker) : json_null()), e);
}
