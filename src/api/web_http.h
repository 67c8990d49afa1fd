/*
 * web_http.h -- serving the browser client (web/), compiled into the binary.
 * See web_http.c and docs/web.md.
 */
#ifndef DOORBRAAK_WEB_HTTP_H
#define DOORBRAAK_WEB_HTTP_H

#include <stdbool.h>

#include "api/http.h"

/* True for every path the web client answers: all paths outside /api
 * ("/api" itself and everything under "/api/" stay with the route table). */
bool web_is_client_path(const char *path);

/* Answers one request for the web client into rs (never fails: a missing
 * file is a 404, a method other than GET or HEAD a 405). Only rq->method,
 * rq->path, rq->arena and rq->connection are used; no store connection and
 * no session lookup, so static files cost no database work. */
void web_serve(struct http_request *rq, struct http_response *rs);

#endif
