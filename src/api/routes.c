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
