/*
 * gebruikers_http.c -- accounts: GET/POST /api/v1/gebruikers and
 * GET/PATCH /api/v1/gebruikers/{id}. Beheerder manages, auditor reads;
 * the route table says so and the core enforces the rest (roles that fit
 * the organisation, not blocking oneself).
 */
#include "api/toegang_http.h"

#include <inttypes.h>
#include <string.h>

#include "core/basis/json.h"

rc_t gebruikers_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t na, limiet;
	rc_t rc = http_pagina(rq, GEBRUIKER_PAGINA_MAX, &na, &limiet, e);
	struct gebruiker *lijst = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = gebruiker_lijst(rq->store, rq->arena, na, limiet, &lijst, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, gebruiker_json(&lijst[i]));
	json_t *body = json_pack("{s:o}", "gebruikers", items ? items : json_array());
	if (body)
		json_object_set_new(body, "volgende_na", (int64_t)n == limiet && n > 0
				    ? json_integer((json_int_t)lijst[n - 1].id) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t gebruikers_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	static const char *const velden[] = {"gebruikersnaam", "email", "organisatie_id", "rollen",
					     "wachtwoord", "naam", "functie", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	struct gebruiker_nieuw in = {0};
	json_get_string(rq->body, "gebruikersnaam", false, "", &in.gebruikersnaam, e);
	json_get_string(rq->body, "email", false, "", &in.email, e);
	json_get_int(rq->body, "organisatie_id", false, "", &in.organisatie_id, e);
	json_get_string(rq->body, "wachtwoord", false, "", &in.wachtwoord, e);
	json_get_string(rq->body, "naam", false, "", &in.naam, e);
	json_get_string(rq->body, "functie", false, "", &in.functie, e);
	const char **rollen = NULL;
	http_tekstlijst(rq, rq->body, "rollen", GEBRUIKER_ROLLEN_MAX, &rollen, &in.rol_aantal, e);
	in.rollen = rollen;
	struct gebruiker_inschrijving uit;
	rc_t rc = gebruiker_maak(rq->store, &rq->who, &in, &uit, e);
	struct gebruiker g;
	if (rc == RC_OK)
		rc = gebruiker_lees(rq->store, rq->arena, uit.id, &g, e);
	if (rc != RC_OK)
		return rc;
	json_t *body = json_pack("{s:o, s:{s:s, s:s, s:s}}", "gebruiker", gebruiker_json(&g),
		"tweede_factor", "geheim", uit.totp_geheim, "uri", uit.totp_uri,
		"toelichting", "Dit geheim wordt maar één keer getoond: zet het nu in een authenticator-app "
			       "(TOTP, SHA-1, 6 cijfers, 30 seconden).");
	char *location = arena_printf(rq->arena, API_BASE "/gebruikers/%" PRId64, uit.id);
	if (location)
		http_add_header(rq, rs, "Location", location);
	return http_reply_json(rq, rs, 201, body, e);
}

/* The account of the path; a malformed id answers like a missing one. */
static rc_t gebruiker_van_pad(struct http_request *rq, int64_t *id, struct error *e)
{
	if (http_param_id(rq, 0, id))
		return RC_OK;
	return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
}

rc_t gebruikers_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	struct gebruiker g;
	rc_t rc = gebruiker_van_pad(rq, &id, e);
	if (rc == RC_OK)
		rc = gebruiker_lees(rq->store, rq->arena, id, &g, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, gebruiker_json(&g), e);
}

rc_t gebruikers_wijzig(struct http_request *rq, struct http_response *rs, struct error *e)
{
	static const char *const velden[] = {"rollen", "actief", "naam", "functie", NULL};
	int64_t id = 0;
	rc_t rc = gebruiker_van_pad(rq, &id, e);
	if (rc != RC_OK)
		return rc;
	json_reject_unknown(rq->body, velden, "", e);
	struct gebruiker_wijziging w = {0};
	const char **rollen = NULL;
	w.rollen_gezet = http_tekstlijst(rq, rq->body, "rollen", GEBRUIKER_ROLLEN_MAX, &rollen,
					 &w.rol_aantal, e);
	w.rollen = rollen;
	w.actief_gezet = json_get_bool(rq->body, "actief", false, "", &w.actief, e);
	w.naam_gezet = json_object_get(rq->body, "naam") != NULL;
	json_get_string(rq->body, "naam", false, "", &w.naam, e);
	/* "functie": null takes the function away */
	w.functie_gezet = json_object_get(rq->body, "functie") != NULL;
	if (!json_is_null(json_object_get(rq->body, "functie")))
		json_get_string(rq->body, "functie", false, "", &w.functie, e);
	if (e->item_count == 0 && !w.rollen_gezet && !w.actief_gezet && !w.naam_gezet && !w.functie_gezet)
		error_add(e, "", "leeg", NULL, "Geef 'rollen', 'actief', 'naam' en/of 'functie'.");
	if (rc == RC_OK)
		rc = gebruiker_wijzig(rq->store, &rq->who, id, &w, e);
	struct gebruiker g;
	if (rc == RC_OK)
		rc = gebruiker_lees(rq->store, rq->arena, id, &g, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, gebruiker_json(&g), e);
}

/* POST /gebruikers/{id}/rolbevestigingen: a second administrator confirms
 * the roles another one proposed (four eyes, core/gebruiker.h). */
rc_t gebruikers_bevestig(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	rc_t rc = gebruiker_van_pad(rq, &id, e);
	if (rc != RC_OK)
		return rc;
	static const char *const velden[] = {NULL};
	json_reject_unknown(rq->body, velden, "", e);
	if (e->item_count)
		return RC_INVALID;
	rc = gebruiker_bevestig_rollen(rq->store, &rq->who, id, e);
	struct gebruiker g;
	if (rc == RC_OK)
		rc = gebruiker_lees(rq->store, rq->arena, id, &g, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 201, gebruiker_json(&g), e);
}
