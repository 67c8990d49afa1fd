/*
 * toegang_http.h -- helpers shared by the handlers of issue 4
 * (organisaties, gebruikers, sessies, apitokens): JSON shapes of the
 * core structs, path and paging parameters, body refusals.
 */
#ifndef DOORBRAAK_TOEGANG_HTTP_H
#define DOORBRAAK_TOEGANG_HTTP_H

#include "api/http.h"

#include "core/toegang/apitoken.h"
#include "core/toegang/gebruiker.h"
#include "core/toegang/organisatie.h"

#define PAGINA_STANDAARD 100

json_t *organisatie_json(const struct organisatie *o);
json_t *gebruiker_json(const struct gebruiker *g);
json_t *apitoken_json(const struct apitoken *t);
json_t *rollen_naar_json(unsigned rollen);

/* Parses path parameter `i` as a positive id; false when it is not one
 * (the caller answers as if the object did not exist). */
bool http_param_id(const struct http_request *rq, size_t i, int64_t *out);

/* Reads ?na= (after id, default 0) and ?limiet= (1..max, default
 * PAGINA_STANDAARD); problems go to `e` as RC_INVALID. */
rc_t http_pagina(struct http_request *rq, int64_t max, int64_t *na, int64_t *limiet,
		 struct error *e);

/* Reads a JSON array of strings (role names) into an arena array.
 * Problems (not an array, a non-string member, too many) go to `e`. */
bool http_tekstlijst(struct http_request *rq, json_t *body, const char *key, size_t max,
		     const char ***out, size_t *n, struct error *e);

/* The session settings of this server: the configured ones (or the
 * defaults where none were set), with the server's demo flag. */
void auth_instellingen(const struct server *srv, struct sessie_instellingen *out);

/* The session token of the request's __Host-doorbraak cookie (in the
 * arena), or NULL. */
const char *auth_cookie_token(struct http_request *rq);

#endif
