/*
 * routes.c -- the route table, as data, and path matching.
 *
 * Every route of the API is one row here: method, path pattern, handler,
 * the roles allowed, the largest body accepted and the query parameters
 * accepted (anything else is refused). The OpenAPI document in
 * api/openapi.json must describe exactly these routes; a unit test
 * checks that.
 */
#include "http.h"

#include <stdio.h>
#include <string.h>

#define KIB 1024u

const struct route routes[] = {
	{"GET", API_BASE "/status", status_get, ROL_PUBLIEK, 0, NULL},
	{"GET", API_BASE "/openapi.json", openapi_get, ROL_PUBLIEK, 0, NULL},
	/* The catalogue (issue 3, docs/catalogus.md): public reads, publishing by the programme office. */
	{"GET", API_BASE "/fondsen", catalogus_fondsen, ROL_PUBLIEK, 0, "catalogusversie"},
	{"GET", API_BASE "/themas", catalogus_themas, ROL_PUBLIEK, 0, "catalogusversie"},
	{"GET", API_BASE "/toepassingsgebieden", catalogus_toepassingsgebieden, ROL_PUBLIEK, 0,
	 "catalogusversie,thema,sector"},
	{"GET", API_BASE "/basiseisen", catalogus_basiseisen, ROL_PUBLIEK, 0, "catalogusversie,geldtVoor"},
	{"GET", API_BASE "/modelplannen", catalogus_modelplannen, ROL_PUBLIEK, 0,
	 "catalogusversie,toepassingsgebied"},
	{"GET", API_BASE "/modelplannen/{id}", catalogus_modelplan_get, ROL_PUBLIEK, 0,
	 "catalogusversie,versie"},
	{"POST", API_BASE "/modelplannen/{id}/versies", catalogus_modelplanversie_post,
	 ROL_PROGRAMMABUREAU, 4096 * KIB, NULL},
	{"GET", API_BASE "/impactlatten", catalogus_impactlatten, ROL_PUBLIEK, 0, "catalogusversie"},
	{"GET", API_BASE "/basisfunctionaliteiten", catalogus_basisfunctionaliteiten, ROL_PUBLIEK, 0,
	 "catalogusversie"},
	{"GET", API_BASE "/referentiecijfers", catalogus_referentiecijfers, ROL_PUBLIEK, 0,
	 "catalogusversie"},
	{"GET", API_BASE "/catalogusversies", catalogus_versies_get, ROL_PUBLIEK, 0, NULL},
	{"POST", API_BASE "/catalogusversies", catalogus_versie_post, ROL_PROGRAMMABUREAU, 4096 * KIB,
	 NULL},
	{"GET", API_BASE "/catalogusversies/{versie}", catalogus_versie_get, ROL_PUBLIEK, 0, NULL},
	/* Parties, accounts and access (issue 4, docs/toegang.md). */
	{"POST", API_BASE "/sessies", sessies_login, ROL_PUBLIEK, 4 * KIB, NULL},
	{"GET", API_BASE "/sessies/huidig", sessies_huidig, ROL_INGELOGD, 0, NULL},
	{"DELETE", API_BASE "/sessies/huidig", sessies_logout, ROL_INGELOGD, 0, NULL},
	{"GET", API_BASE "/organisaties", organisaties_lijst, ROL_INGELOGD, 0, "na,limiet"},
	{"POST", API_BASE "/organisaties", organisaties_maak, ROL_BEHEERDER, 8 * KIB, NULL},
	{"GET", API_BASE "/organisaties/{id}", organisaties_lees, ROL_INGELOGD, 0, NULL},
	{"GET", API_BASE "/gebruikers", gebruikers_lijst, ROL_BEHEERDER | ROL_AUDITOR, 0, "na,limiet"},
	{"POST", API_BASE "/gebruikers", gebruikers_maak, ROL_BEHEERDER, 8 * KIB, NULL},
	{"GET", API_BASE "/gebruikers/{id}", gebruikers_lees, ROL_BEHEERDER | ROL_AUDITOR, 0, NULL},
	{"PATCH", API_BASE "/gebruikers/{id}", gebruikers_wijzig, ROL_BEHEERDER, 4 * KIB, NULL},
	{"GET", API_BASE "/apitokens", apitokens_lijst, ROL_BEHEERDER | ROL_AUDITOR, 0, "na,limiet"},
	{"POST", API_BASE "/apitokens", apitokens_maak, ROL_BEHEERDER, 4 * KIB, NULL},
	{"DELETE", API_BASE "/apitokens/{id}", apitokens_intrek, ROL_BEHEERDER, 0, NULL},
};
const size_t route_count = sizeof routes / sizeof routes[0];

/* Compares one pattern with a path segment by segment; `{x}` matches
 * any non-empty segment. Writes the captured segments on a match. */
static bool pattern_match(const char *pattern, const char *path, const char **params,
			  size_t *count, struct arena *arena)
{
	size_t n = 0;
	const char *p = pattern, *q = path;
	while (*p && *q) {
		if (*p != '/' || *q != '/')
			return false;
		p++, q++;
		size_t plen = strcspn(p, "/"), qlen = strcspn(q, "/");
		if (qlen == 0)
			return false; /* empty segment, e.g. a trailing slash */
		if (plen >= 2 && p[0] == '{' && p[plen - 1] == '}') {
			if (n >= ROUTE_PARAMS_MAX)
				return false;
			if (params) {
				params[n] = arena_strndup(arena, q, qlen);
				if (!params[n])
					return false;
			}
			n++;
		} else if (plen != qlen || strncmp(p, q, plen) != 0) {
			return false;
		}
		p += plen, q += qlen;
	}
	if (*p || *q)
		return false;
	if (count)
		*count = n;
	return true;
}

rc_t route_match(const char *method, const char *path, const struct route **route,
		 const char **params, size_t *param_count, struct arena *arena,
		 char *allow, size_t allow_size)
{
	bool path_known = false;
	size_t used = 0;
	if (allow_size)
		allow[0] = '\0';
	for (size_t i = 0; i < route_count; i++) {
		const struct route *r = &routes[i];
		if (!pattern_match(r->pattern, path, NULL, NULL, NULL))
			continue;
		if (strcmp(r->method, method) == 0) {
			if (!pattern_match(r->pattern, path, params, param_count, arena))
				return RC_NOMEM;
			*route = r;
			return RC_OK;
		}
		path_known = true;
		if (used < allow_size)
			used += (size_t)snprintf(allow + used, allow_size - used, "%s%s",
						 used ? ", " : "", r->method);
	}
	return path_known ? RC_METHOD : RC_NOT_FOUND;
}
