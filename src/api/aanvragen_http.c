/*
 * aanvragen_http.c -- applications over HTTP: create and save drafts,
 * read, list with filters, the live checks, submit, the receipt, the
 * submitted versions, and the public verification of a receipt.
 *
 *   POST /aanvragen                       a new draft (aanvrager)
 *   GET  /aanvragen                       the applications the caller may see
 *   GET  /aanvragen/{id}                  one, with its document
 *   PUT  /aanvragen/{id}                  save the draft (the lead)
 *   GET  /aanvragen/{id}/toetsing         the checks, live
 *   POST /aanvragen/{id}/indiening        submit (the lead): 201 with the receipt
 *   GET  /aanvragen/{id}/ontvangstbewijs  the receipt (?versie=N)
 *   GET  /aanvragen/{id}/versies          the submitted versions
 *   GET  /aanvragen/{id}/versies/{versie} the exact stored canonical document
 *   POST /ontvangstbewijzen/verificaties  is this receipt true? (public)
 *
 * Access per object is decided by the core (aanvraagdossier_open): an
 * application the caller may not see answers 404, as a missing one.
 */
#include "core/aanvraag/tijdlijn.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/aanvraag/aanvraagdossier.h"
#include "core/beoordeling/beoordeling.h"
#include "core/aanvraag/indiening.h"
#include "core/basis/json.h"
#include "api/links.h"

static const char *toegang_naam(enum aanvraag_toegang t)
{
	switch (t) {
	case AANVRAAG_PENVOERDER: return "penvoerder";
	case AANVRAAG_COALITIE: return "coalitie";
	case AANVRAAG_VERZEKERAAR: return "verzekeraar";
	case AANVRAAG_AUDITOR: return "auditor";
	case AANVRAAG_GEEN: break;
	}
	return "geen";
}

static rc_t opgeslagen_antwoord(struct http_request *rq, struct http_response *rs, int status,
				const struct aanvraagdossier_opgeslagen *o, struct error *e)
{
	struct aanvraagdossier d;
	enum aanvraag_toegang t;
	rc_t rc = aanvraagdossier_open(rq->store, rq->arena, &rq->who, NULL, o->id, &d, &t, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/aanvragen/%" PRId64, o->id);
	if (plek && status == 201)
		http_add_header(rq, rs, "Location", plek);
	json_t *a = http_link(aanvraagdossier_json(&d, true), "self", "/aanvragen/%" PRId64, d.id);
	json_t *body = json_pack("{s:o, s:o}", "aanvraag", a,
				 "toetsing", toets_resultaat_json(o->toetsing));
	return http_reply_json(rq, rs, status, body, e);
}

rc_t aanvragen_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct aanvraagdossier_invoer in;
	aanvraagdossier_lees_invoer(rq->body, true, &in, e);
	struct aanvraagdossier_opgeslagen o;
	rc_t rc = aanvraagdossier_maak(rq->store, &rq->who, NULL, &in, rq->arena, &o, e);
	if (rc != RC_OK)
		return rc;
	return opgeslagen_antwoord(rq, rs, 201, &o, e);
}

rc_t aanvragen_bewaar(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	struct aanvraagdossier_invoer in;
	aanvraagdossier_lees_invoer(rq->body, false, &in, e);
	struct aanvraagdossier_opgeslagen o;
	rc_t rc = aanvraagdossier_bewaar(rq->store, &rq->who, NULL, id, &in, rq->arena, &o, e);
	if (rc != RC_OK)
		return rc;
	return opgeslagen_antwoord(rq, rs, 200, &o, e);
}

/* Opens the application of path parameter 0 for the caller. */
static rc_t open_pad(struct http_request *rq, struct aanvraagdossier *d, enum aanvraag_toegang *t,
		     struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	return aanvraagdossier_open(rq->store, rq->arena, &rq->who, NULL, id, d, t, e);
}

rc_t aanvragen_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct aanvraagdossier d;
	enum aanvraag_toegang t;
	const char *tekst = NULL;
	rc_t rc = open_pad(rq, &d, &t, e);
	if (rc == RC_OK)
		rc = indiening_zichtbaar_document(rq->store, rq->arena, &d, t, &tekst, e);
	json_t *open = NULL;
	if (rc == RC_OK)
		rc = beoordeling_open_velden_zichtbaar(rq->store, rq->arena, &rq->who, t, &d, &open, e);
	if (rc != RC_OK)
		return rc;
	json_t *j = http_link(aanvraagdossier_json(&d, t != AANVRAAG_VERZEKERAAR), "self",
			      "/aanvragen/%" PRId64, d.id);
	json_t *doc = tekst ? json_loads(tekst, 0, NULL) : NULL;
	if (j && t == AANVRAAG_VERZEKERAAR)
		aanvraagdossier_behandelaar_json(j, &d, rq->who.organisatie_id);
	if (j) {
		json_object_set_new(j, "toegang", json_string(toegang_naam(t)));
		json_object_set_new(j, "document", doc ? doc : json_null());
		json_object_set_new(j, "open_velden", open ? open : json_null());
	} else {
		json_decref(doc);
		json_decref(open);
	}
	return http_reply_json(rq, rs, 200, j, e);
}

rc_t aanvragen_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t na, limiet;
	rc_t rc = http_pagina(rq, AANVRAAG_PAGINA_MAX, &na, &limiet, e);
	int64_t verzekeraar = http_query_getal(rq, "verzekeraar");
	int64_t ronde = http_query_getal(rq, "indieningsronde");
	struct aanvraagdossier_filter f = {
		.status = http_query(rq, "status"), .thema = http_query(rq, "thema"),
		.toepassingsgebied = http_query(rq, "toepassingsgebied"), .regio = http_query(rq, "regio"),
	};
	if (rc != RC_OK)
		return rc;
	f.verzekeraar = verzekeraar;
	f.ronde = ronde;
	f.na = na;
	f.limiet = limiet;
	struct aanvraagdossier *l = NULL;
	size_t n = 0;
	rc = aanvraagdossier_lijst(rq->store, rq->arena, &rq->who, NULL, &f, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	bool verzekeraar_rol = aanvraag_zicht(&rq->who) == AANVRAAG_ZICHT_VERZEKERAAR;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++) {
		json_t *a = aanvraagdossier_json(&l[i], !verzekeraar_rol);
		if (a && verzekeraar_rol)   /* who handles it within the caller's insurer */
			aanvraagdossier_behandelaar_json(a, &l[i], rq->who.organisatie_id);
		json_array_append_new(items, http_link(a, "self", "/aanvragen/%" PRId64, l[i].id));
	}
	json_t *body = json_pack("{s:o}", "aanvragen", items ? items : json_array());
	if (body)
		json_object_set_new(body, "volgende_na", (int64_t)n == limiet && n > 0
				    ? json_integer((json_int_t)l[n - 1].id) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t aanvragen_toetsing(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct aanvraagdossier d;
	enum aanvraag_toegang t;
	const char *tekst = NULL;
	struct indieningsronde r;
	struct toets_resultaat *res = NULL;
	rc_t rc = open_pad(rq, &d, &t, e);
	if (rc == RC_OK)
		rc = indiening_zichtbaar_document(rq->store, rq->arena, &d, t, &tekst, e);
	if (rc == RC_OK)
		rc = indieningsronde_lees(rq->store, rq->arena, d.ronde_id, &r, e);
	if (rc == RC_OK)
		rc = aanvraagdossier_toets(rq->store, rq->arena, d.id, &r, tekst, &res, e);
	if (rc != RC_OK)
		return rc;
	json_t *body = json_pack("{s:I, s:s, s:o}", "aanvraag_id", (json_int_t)d.id,
				 "document", t == AANVRAAG_VERZEKERAAR ? "ingediende_versie" : "concept",
				 "toetsing", toets_resultaat_json(res));
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t aanvragen_indien(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	static const char *const velden[] = {"concept_sha256", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	const char *sha = NULL;
	json_get_string(rq->body, "concept_sha256", false, "", &sha, e);
	if (e->item_count)
		return RC_INVALID;
	struct ontvangstbewijs b;
	rc_t rc = indiening_dien_in(rq->store, &rq->who, NULL, id, sha, rq->arena, &b, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/aanvragen/%" PRId64 "/versies/%" PRId64, id, b.versie);
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	json_t *body = json_pack("{s:o, s:s?}", "ontvangstbewijs", ontvangstbewijs_json(&b), "self", plek);
	return http_reply_json(rq, rs, 201, body, e);
}

rc_t aanvragen_ontvangstbewijs(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t versie = http_query_getal(rq, "versie");
	struct aanvraagdossier d;
	enum aanvraag_toegang t;
	struct indiening_versie v;
	rc_t rc = open_pad(rq, &d, &t, e);
	if (rc == RC_OK)
		rc = indiening_versie(rq->store, rq->arena, d.id, versie, &v, e);
	if (rc != RC_OK)
		return rc;
	struct ontvangstbewijs b;
	indiening_ontvangstbewijs(&v, &b);
	return http_reply_json(rq, rs, 200, json_pack("{s:o}", "ontvangstbewijs", ontvangstbewijs_json(&b)), e);
}

rc_t aanvragen_ontvangstbewijs_pdf(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t versie = http_query_getal(rq, "versie");
	struct aanvraagdossier d;
	enum aanvraag_toegang t;
	struct indiening_versie v;
	const unsigned char *pdf = NULL;
	size_t len = 0;
	rc_t rc = open_pad(rq, &d, &t, e);
	if (rc == RC_OK)
		rc = indiening_versie(rq->store, rq->arena, d.id, versie, &v, e);
	if (rc == RC_OK)
		rc = ontvangstbewijs_pdf(rq->store, rq->arena, &d, &v, &pdf, &len, e);
	if (rc != RC_OK)
		return rc;
	char *naam = arena_printf(rq->arena, "attachment; filename=\"ontvangstbewijs-%" PRId64 "-versie-%" PRId64 ".pdf\"",
				  d.id, v.versie);
	if (naam)
		http_add_header(rq, rs, "Content-Disposition", naam);
	http_reply_raw(rs, 200, "application/pdf", (const char *)pdf, len);
	return RC_OK;
}

rc_t aanvragen_tijdlijn(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	struct tijdlijn t;
	rc_t rc = aanvraag_tijdlijn(rq->store, rq->arena, &rq->who, id, &t, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, tijdlijn_json(&t), e);
}

rc_t aanvragen_versies(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct aanvraagdossier d;
	enum aanvraag_toegang t;
	struct indiening_versie *l = NULL;
	size_t n = 0;
	rc_t rc = open_pad(rq, &d, &t, e);
	if (rc == RC_OK)
		rc = indiening_versies(rq->store, rq->arena, d.id, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, http_link(indiening_versie_json(&l[i]), "self",
						       "/aanvragen/%" PRId64 "/versies/%" PRId64,
						       l[i].aanvraag_id, l[i].versie));
	return http_reply_json(rq, rs, 200, json_pack("{s:I, s:o}", "aanvraag_id", (json_int_t)d.id,
			       "versies", items ? items : json_array()), e);
}

/* The stored canonical document, byte for byte: its SHA-256 is the
 * receipt's. */
rc_t aanvragen_versie(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t versie = 0;
	struct aanvraagdossier d;
	enum aanvraag_toegang t;
	struct indiening_versie v;
	rc_t rc = open_pad(rq, &d, &t, e);
	if (rc == RC_OK && !http_param_id(rq, 1, &versie))
		rc = error_set(e, RC_NOT_FOUND, "Deze versie is niet ingediend.");
	if (rc == RC_OK)
		rc = indiening_versie(rq->store, rq->arena, d.id, versie, &v, e);
	if (rc != RC_OK)
		return rc;
	const char *etag = arena_printf(rq->arena, "\"%s\"", v.sha256);
	if (etag)
		http_add_header(rq, rs, "ETag", etag);
	http_reply_raw(rs, 200, "application/json", v.document, strlen(v.document));
	return RC_OK;
}

rc_t ontvangstbewijzen_verifieer(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct ontvangstbewijs b;
	bool geldig = false;
	rc_t rc = ontvangstbewijs_lees(rq->body, &b, e);
	if (rc == RC_OK)
		rc = indiening_verifieer(rq->store, &b, &geldig, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, json_pack("{s:b}", "geldig", geldig), e);
}
