/*
 * toegang_http.h -- what the handlers of parties and access share
 * (organisaties, gebruikers, sessies, apitokens): the JSON shapes of the
 * core structs and the session settings and cookie.
 */
#ifndef DOORBRAAK_TOEGANG_HTTP_H
#define DOORBRAAK_TOEGANG_HTTP_H

#include "api/http.h"
#include "api/parameters.h"

#include "core/toegang/apitoken.h"
#include "core/toegang/gebruiker.h"
#include "core/toegang/organisatie.h"

/* The session settings of this server: the configured ones (or the
 * defaults where none were set), with the server's demo flag. */
void auth_instellingen(const struct server *srv, struct sessie_instellingen *out);

/* The session token of the request's __Host-doorbraak cookie (in the
 * arena), or NULL. */
const char *auth_cookie_token(struct http_request *rq);

#endif
