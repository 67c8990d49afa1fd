/*
 * auth_http.c -- who is asking, and may they use this route.
 *
 * auth_identify: an "Authorization: Bearer dbk_..." header is an API
 * token (core/apitoken.h); otherwise the __Host-doorbraak cookie is a
 * session (core/sessie.h); otherwise the caller is anonymous. A bad
 * token is always 401; a stale cookie is 401 on every route but the
 * public ones, where the caller simply counts as anonymous (so an old
 * cookie never blocks logging in again).
 *
 * auth_authorize, deny by default, in this order:
 *   1. a route whose roles include ROL_PUBLIEK is served;
 *   2. an anonymous caller gets 401;
 *   3. a cookie-authenticated POST/PUT/PATCH/DELETE without the right
 *      X-CSRF-Token gets 403;
 *   4. a caller holding none of the route's roles gets 403 (routes are
 *      public knowledge, so this leaks nothing; objects are checked by
 *      the handlers, which answer 404 for another organisation's).
 * Every refusal is an audit record (toegang.geweigerd).
 */
#include "api/toegang_http.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/toegang/apitoken.h"
#include "core/toegang/sessie.h"
#include "core/basis/klok.h"

void auth_instellingen(const struct server *srv, struct sessie_instellingen *out)
{
	const struct server_config *c = server_config_of(srv);
	sessie_instellingen_standaard(out);
	if (c->sessie.inactief_s > 0)
		out->inactief_s = c->sessie.inactief_s;
	if (c->sessie.absoluut_s > 0)
		out->absoluut_s = c->sessie.absoluut_s;
	if (c->sessie.pogingen_venster_s > 0)
		out->pogingen_venster_s = c->sessie.pogingen_venster_s;
	if (c->sessie.pogingen_account > 0)
		out->pogingen_account = c->sessie.pogingen_account;
	if (c->sessie.pogingen_adres > 0)
		out->pogingen_adres = c->sessie.pogingen_adres;
	out->demo = c->demo;
}

const char *auth_cookie_token(struct http_request *rq)
{
	const char *h = http_header(rq, "Cookie");
	size_t naam = strlen(SESSIE_COOKIE);
	for (const char *p = h; p && *p;) {
		p += strspn(p, " ;");
		if (strncmp(p, SESSIE_COOKIE, naam) == 0 && p[naam] == '=') {
			const char *v = p + naam + 1;
			return arena_strndup(rq->arena, v, strcspn(v, ";"));
		}
		p += strcspn(p, ";");
	}
	return NULL;
}

rc_t auth_identify(struct http_request *rq, struct error *e)
{
	const char *adres = rq->remote_addr ? rq->remote_addr : "?";
	const char *anoniem = arena_printf(rq->arena, "anoniem@%s", adres);
	rq->who = (struct principal){.roles = ROL_PUBLIEK, .actor = anoniem ? anoniem : "anoniem"};
	const char *authorization = http_header(rq, "Authorization");
	if (authorization) {
		const char *token = strncasecmp(authorization, "Bearer ", 7) == 0 ? authorization + 7 : NULL;
		const char *gebruik = arena_printf(rq->arena, "%s %.200s", rq->method, rq->path);
		return apitoken_identificeer(rq->store, token, gebruik, adres, rq->arena, &rq->who, e);
	}
	const char *token = auth_cookie_token(rq);
	if (!token)
		return RC_OK;
	struct sessie_instellingen inst;
	auth_instellingen(rq->server, &inst);
	rc_t rc = sessie_identificeer(rq->store, &inst, token, adres, klok_nu_s(NULL), rq->arena,
				      &rq->who, e);
	if (rc == RC_UNAUTHENTICATED && (rq->route->roles & ROL_PUBLIEK)) {
		error_clear(e);
		rq->who = (struct principal){.roles = ROL_PUBLIEK, .actor = anoniem ? anoniem : "anoniem"};
		return RC_OK;
	}
	return rc;
}

static bool schrijvend(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 &&
	       strcmp(method, "OPTIONS") != 0;
}

rc_t auth_authorize(struct http_request *rq, struct error *e)
{
	unsigned allowed = rq->route->roles;
	if (allowed & ROL_PUBLIEK)
		return RC_OK;
	char object[160];
	snprintf(object, sizeof object, "%s %s", rq->method, rq->route->pattern);
	if (rq->who.account_id == 0 && !rq->who.via_token)
		return toegang_weiger(rq->store, &rq->who, RC_UNAUTHENTICATED, object,
				      "Log eerst in (of gebruik een API-token).", e);
	if (rq->who.via_cookie && schrijvend(rq->method) &&
	    !sessie_csrf_klopt(auth_cookie_token(rq), http_header(rq, "X-CSRF-Token")))
		return toegang_weiger(rq->store, &rq->who, RC_FORBIDDEN, object,
				      http_header(rq, "X-CSRF-Token")
				      ? "De X-CSRF-Token-header klopt niet bij deze sessie."
				      : "Een wijziging met een sessiecookie vraagt de X-CSRF-Token-header "
					"(de csrf_token uit het antwoord op het inloggen).", e);
	if (allowed & rq->who.roles)
		return RC_OK;
	return toegang_weiger(rq->store, &rq->who, RC_FORBIDDEN, object,
			      "Uw rol geeft geen toegang tot deze resource.", e);
}
