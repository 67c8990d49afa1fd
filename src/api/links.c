/*
 * links.c -- the API's links. See links.h.
 */
#include "api/links.h"

#include <stdarg.h>
#include <stdio.h>

#include "api/http.h"

json_t *http_link(json_t *j, const char *key, const char *fmt, ...)
{
	if (!j)
		return NULL;
	char pad[256];
	int n = snprintf(pad, sizeof pad, "%s", API_BASE);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(pad + n, sizeof pad - (size_t)n, fmt, ap);
	va_end(ap);
	json_object_set_new(j, key, json_string(pad));
	return j;
}
