/*
 * links.h -- the API's links. The core shapes a domain object as JSON
 * (<concept>_json) without knowing where the API serves it; a handler adds
 * the links ("self", "document", ...) under /api/v1 with http_link.
 */
#ifndef DOORBRAAK_LINKS_H
#define DOORBRAAK_LINKS_H

#include <jansson.h>

/* Sets j[key] to API_BASE + the printf-formatted path; returns j (NULL
 * stays NULL). */
json_t *http_link(json_t *j, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
