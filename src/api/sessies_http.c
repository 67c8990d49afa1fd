/*
 * sessies_http.c -- logging in and out: POST /api/v1/sessies,
 * GET and DELETE /api/v1/sessies/huidig.
 *
 * The session token travels only in the cookie
 *   __Host-doorbraak=<token>; Path=/; Secure; HttpOnly; SameSite=Strict
 * (no Domain, so the __Host- prefix rules hold); the CSRF token is in
 * the body of the login answer and of GET /sessies/huidig, and must come
 * back in the X-CSRF-Token header of every cookie-authenticated write.
 */
#include "api/toegang_http.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/basis/json.h"
#include "core/basis/klok.h"
#include "core/toegang/sessie.h"

#define COOKIE_ATTRIBUTEN "; Path=/; Secure; HttpOnly; SameSite=Strict"

/* The body of GET /sessies/huidig and of the login answer. */
static rc_t wie_json(struct http_request *rq, int64_t gebruiker_id, const char *csrf,
		     json_t **out, struct error *e)
{
	struct gebruiker g;
	rc_t rc = gebruiker_lees(rq->store, rq->arena, gebruiker_id, &g, e);
	struct organisatie o;
	if (rc == RC_OK)
		rc = organisatie_lees(rq->store, rq->arena, g.organisatie_id, &o, e);
	if (rc != RC_OK)
		return rc;
	*out = json_pack("{s:s, s:o, s:{s:I, s:s, s:s}}", "soort", "sessie",
		"gebruiker", gebruiker_json(&g),
		"organisatie", "id", (json_int_t)o.id, "soort", o.soort, "naam", o.naam);
	if (*out && csrf)
		json_object_set_new(*out, "csrf_token", json_string(csrf));
	return *out ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

rc_t sessies_login(struct http_request *rq, struct http_response *rs, struct error *e)
{
	static const char *const velden[] = {"gebruikersnaam", "wachtwoord", "totp", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	struct sessie_login in = {.adres = rq->remote_addr ? rq->remote_addr : "?",
				  .nu_unix_s = klok_nu_s(NULL)};
	json_get_string(rq->body, "gebruikersnaam", false, "", &in.naam, e);
	json_get_string(rq->body, "wachtwoord", false, "", &in.wachtwoord, e);
	json_get_string(rq->body, "totp", false, "", &in.totp_code, e);
	struct sessie_instellingen inst;
	auth_instellingen(rq->server, &inst);
	struct sessie_nieuw nieuw;
	rc_t rc = sessie_login(rq->store, &inst, &in, &nieuw, e);
	if (rc == RC_TOO_MANY) {
		/* Answered here, so that Retry-After survives (RFC 6585 §4). */
		http_problem(rq, rs, e);
		char na[24];
		snprintf(na, sizeof na, "%" PRId64, nieuw.opnieuw_na_s);
		http_add_header(rq, rs, "Retry-After", na);
		return RC_OK;
	}
	if (rc != RC_OK)
		return rc;
	/* A new token at every login; the session the caller came with ends. */
	if (rq->who.via_cookie && rq->who.sessie_id > 0) {
		struct error ignored;
		error_clear(&ignored);
		(void)sessie_beeindig(rq->store, &rq->who, &ignored);
	}
	char *cookie = arena_printf(rq->arena, SESSIE_COOKIE "=%s" COOKIE_ATTRIBUTEN, nieuw.token);
	if (!cookie)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	http_add_header(rq, rs, "Set-Cookie", cookie);
	json_t *body = NULL;
	rc = wie_json(rq, nieuw.gebruiker_id, nieuw.csrf, &body, e);
	if (rc != RC_OK)
		return rc;
	char verloopt[32];
	klok_tekst((nieuw.verloopt_unix_s) * 1000000, verloopt, sizeof verloopt);
	json_object_set_new(body, "verloopt_op", json_string(verloopt));
	json_object_set_new(body, "inactief_na_s", json_integer((json_int_t)inst.inactief_s));
	http_add_header(rq, rs, "Location", API_BASE "/sessies/huidig");
	return http_reply_json(rq, rs, 201, body, e);
}

rc_t sessies_huidig(struct http_request *rq, struct http_response *rs, struct error *e)
{
	if (rq->who.via_token) {
		struct organisatie o;
		rc_t rc = organisatie_lees(rq->store, rq->arena, rq->who.organisatie_id, &o, e);
		if (rc != RC_OK)
			return rc;
		json_t *body = json_pack("{s:s, s:{s:I, s:o}, s:{s:I, s:s, s:s}}", "soort", "apitoken",
			"apitoken", "id", (json_int_t)rq->who.token_id, "rollen", gebruiker_rollen_json(rq->who.roles),
			"organisatie", "id", (json_int_t)o.id, "soort", o.soort, "naam", o.naam);
		return http_reply_json(rq, rs, 200, body, e);
	}
	char csrf[SESSIE_CSRF_HEX];
	sessie_csrf(auth_cookie_token(rq), csrf);
	json_t *body = NULL;
	rc_t rc = wie_json(rq, rq->who.account_id, csrf, &body, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t sessies_logout(struct http_request *rq, struct http_response *rs, struct error *e)
{
	if (!rq->who.via_cookie)
		return toegang_weiger(rq->store, &rq->who, RC_FORBIDDEN, "sessie",
				      "Met een API-token is er geen sessie om te beëindigen; "
				      "de beheerder trekt tokens in.", e);
	rc_t rc = sessie_beeindig(rq->store, &rq->who, e);
	if (rc != RC_OK)
		return rc;
	http_add_header(rq, rs, "Set-Cookie", SESSIE_COOKIE "=" COOKIE_ATTRIBUTEN "; Max-Age=0");
	http_reply_raw(rs, 204, NULL, "", 0);
	return RC_OK;
}
