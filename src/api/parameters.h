/*
 * parameters.h -- path and query parameters: one syntax, one parser (and
 * http_tekstlijst, the reader of a list of names in a request body).
 *
 * A route declares its query parameters in the route table (routes.c) as
 * "name" (free text) or "name:soort" with soort one of
 *   id     a positive whole number: decimal digits, no sign, no spaces,
 *          no leading zero, at most 18 digits ("7", never "+7", " 7", "07")
 *   getal  the same or "0"
 *   ids    ids separated by single commas ("1,2,3")
 *   janee  true or false
 * The server checks every parameter against its declaration before the
 * handler runs and refuses the request with all problems at once (400,
 * code parameter_ongeldig). Handlers then read the value with
 * http_query_getal / http_query_ids / http_query_janee.
 */
#ifndef DOORBRAAK_PARAMETERS_H
#define DOORBRAAK_PARAMETERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/http.h"

#define PAGINA_STANDAARD 100

/* Parses `t` as a whole number of the syntax above into *out; false for
 * anything else (then *out is untouched). `nul_mag`: "0" is allowed. */
bool parameter_getal(const char *t, bool nul_mag, int64_t *out);

/* Checks `waarde` of query parameter `naam` against the declaration of
 * `route`: RC_OK, RC_NOT_FOUND when the route does not declare the name,
 * RC_INVALID (with a problem in `e`) when the value breaks its kind. */
rc_t parameter_controleer(const struct route *route, const char *naam, const char *waarde,
			  struct error *e);

/* Path parameter `i` as a positive id; false when it is not one (the
 * caller answers as if the object did not exist). */
bool http_param_id(const struct http_request *rq, size_t i, int64_t *out);

/* A declared id/getal query parameter: its value, 0 when absent. */
int64_t http_query_getal(struct http_request *rq, const char *naam);

/* A declared janee query parameter: true only for "true". */
bool http_query_janee(struct http_request *rq, const char *naam);

/* A declared ids query parameter into ids[0..max): the number read, or
 * SIZE_MAX when there are more than max (or it is absent: 0). */
size_t http_query_ids(struct http_request *rq, const char *naam, int64_t *ids, size_t max);

/* ?na= (after id, default 0) and ?limiet= (1..max, default
 * PAGINA_STANDAARD); a limiet above max goes to `e` as RC_INVALID. */
rc_t http_pagina(struct http_request *rq, int64_t max, int64_t *na, int64_t *limiet,
		 struct error *e);

/* Reads a JSON array of strings of the body (e.g. role names) into an
 * arena array. Problems (not an array, a non-string member, too many) go
 * to `e`. */
bool http_tekstlijst(struct http_request *rq, json_t *body, const char *key, size_t max,
		     const char ***out, size_t *n, struct error *e);

#endif
