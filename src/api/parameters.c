/*
 * parameters.c -- path and query parameters. See parameters.h.
 */
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"

#define PARAMETER_CIJFERS_MAX 18

bool parameter_getal(const char *t, bool nul_mag, int64_t *out)
{
	size_t n = t ? strlen(t) : 0;
	if (n == 0 || n > PARAMETER_CIJFERS_MAX || strspn(t, "0123456789") != n)
		return false;
	if (t[0] == '0' && !(nul_mag && n == 1))
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (t[i] - '0');
	*out = v;
	return true;
}

/* The ids of `t` ("1,2,3") into ids[0..max); the count, or SIZE_MAX when
 * `t` is not such a list or holds more than max. ids may be NULL. */
static size_t ids_lees(const char *t, int64_t *ids, size_t max)
{
	size_t n = 0;
	if (!t || !*t)
		return SIZE_MAX;
	for (const char *p = t;;) {
		size_t len = strcspn(p, ",");
		char stuk[PARAMETER_CIJFERS_MAX + 1];
		int64_t v;
		if (len == 0 || len > PARAMETER_CIJFERS_MAX || n >= max)
			return SIZE_MAX;
		memcpy(stuk, p, len);
		stuk[len] = '\0';
		if (!parameter_getal(stuk, false, &v))
			return SIZE_MAX;
		if (ids)
			ids[n] = v;
		n++;
		if (!p[len])
			return n;
		p += len + 1;
		if (!*p)
			return SIZE_MAX;   /* a trailing comma */
	}
}

/* The declared kind of `naam` in the route's list: "" for text, NULL when
 * the route does not declare it. Writes the kind into soort[0..n). */
static const char *soort_van(const struct route *route, const char *naam, char *soort, size_t n)
{
	size_t klen = strlen(naam);
	for (const char *p = route ? route->query_params : NULL; p && *p;) {
		size_t len = strcspn(p, ","), naamlen = strcspn(p, ",:");
		if (naamlen > len)
			naamlen = len;
		if (naamlen == klen && strncmp(p, naam, klen) == 0) {
			size_t s = naamlen < len ? len - naamlen - 1 : 0;
			snprintf(soort, n, "%.*s", (int)s, p + naamlen + 1);
			if (!s)
				soort[0] = '\0';
			return soort;
		}
		p += len + (p[len] == ',');
	}
	return NULL;
}

rc_t parameter_controleer(const struct route *route, const char *naam, const char *waarde,
			  struct error *e)
{
	char soort[16];
	if (!soort_van(route, naam, soort, sizeof soort))
		return RC_NOT_FOUND;
	int64_t v;
	const char *uitleg = NULL;
	if (strcmp(soort, "id") == 0 && !parameter_getal(waarde, false, &v))
		uitleg = "'%s' is een id: een geheel getal vanaf 1, zonder teken, spaties of voorloopnullen.";
	else if (strcmp(soort, "getal") == 0 && !parameter_getal(waarde, true, &v))
		uitleg = "'%s' is een geheel getal vanaf 0, zonder teken, spaties of voorloopnullen.";
	else if (strcmp(soort, "ids") == 0 && ids_lees(waarde, NULL, SIZE_MAX - 1) == SIZE_MAX)
		uitleg = "'%s' is een lijst van id's gescheiden door komma's, bijvoorbeeld 1,2,3.";
	else if (strcmp(soort, "janee") == 0 && (!waarde || (strcmp(waarde, "true") != 0 &&
							     strcmp(waarde, "false") != 0)))
		uitleg = "'%s' is true of false.";
	if (!uitleg)
		return RC_OK;
	error_add(e, naam, "parameter_ongeldig", NULL, uitleg, naam);
	return RC_INVALID;
}

bool http_param_id(const struct http_request *rq, size_t i, int64_t *out)
{
	return i < rq->param_count && parameter_getal(rq->params[i], false, out);
}

int64_t http_query_getal(struct http_request *rq, const char *naam)
{
	int64_t v = 0;
	return parameter_getal(http_query(rq, naam), true, &v) ? v : 0;
}

bool http_query_janee(struct http_request *rq, const char *naam)
{
	const char *t = http_query(rq, naam);
	return t && strcmp(t, "true") == 0;
}

size_t http_query_ids(struct http_request *rq, const char *naam, int64_t *ids, size_t max)
{
	const char *t = http_query(rq, naam);
	return t ? ids_lees(t, ids, max) : 0;
}

rc_t http_pagina(struct http_request *rq, int64_t max, int64_t *na, int64_t *limiet,
		 struct error *e)
{
	*na = http_query_getal(rq, "na");
	*limiet = PAGINA_STANDAARD < max ? PAGINA_STANDAARD : max;
	if (rq->export_pagina)   /* a download reads the list in the largest pages unless told (export_http.c) */
		*limiet = max;
	int64_t l = http_query_getal(rq, "limiet");
	if (l > max)
		error_add(e, "limiet", "parameter_ongeldig", NULL, "'limiet' ligt tussen 1 en %" PRId64 ".",
			  max);
	else if (l > 0)
		*limiet = l;
	return e->item_count ? RC_INVALID : RC_OK;
}

bool http_tekstlijst(struct http_request *rq, json_t *body, const char *key, size_t max,
		     const char ***out, size_t *n, struct error *e)
{
	json_t *a;
	if (!json_get_array(body, key, false, "", &a, e))
		return false;
	size_t count = json_array_size(a);
	if (count > max) {
		char field[ERROR_FIELD_MAX];
		snprintf(field, sizeof field, "/%s", key);
		error_add(e, field, "te_veel", NULL, "Hoogstens %zu waarden.", max);
		return false;
	}
	const char **lijst = arena_alloc(rq->arena, (count + 1) * sizeof *lijst);
	if (!lijst) {
		error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		return false;
	}
	for (size_t i = 0; i < count; i++) {
		json_t *v = json_array_get(a, i);
		if (!json_is_string(v)) {
			char field[ERROR_FIELD_MAX];
			snprintf(field, sizeof field, "/%s/%zu", key, i);
			error_add(e, field, "type", NULL, "Elke waarde van '%s' is tekst.", key);
			return false;
		}
		lijst[i] = json_string_value(v);
	}
	*out = lijst;
	*n = count;
	return true;
}
