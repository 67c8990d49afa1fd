/*
 * problem.c -- errors as application/problem+json (RFC 9457, NLGov ADR).
 *
 * status, title and detail come from the one rc table in core/error.c
 * (error_probleem_json, core/basis/json.c); `errors` lists every validation problem at once, each with the field
 * (a JSON pointer or parameter name), a stable code, the Dutch detail and
 * the rule's source where a domain rule was broken.
 */
#include "api/http.h"

#include <string.h>

#include "core/basis/json.h"

void http_problem(struct http_request *rq, struct http_response *rs,
		  const struct error *e)
{
	rc_t rc = e->rc == RC_OK ? RC_INTERNAL : e->rc;
	int status = rc_http_status(rc);
	json_t *body = error_probleem_json(e);
	if (body && rq->path)
		json_object_set_new(body, "instance", json_string(rq->path));
	char *text = body ? json_encode(rq->arena, body) : NULL;
	json_decref(body);
	static const char fallback[] =
		"{\"type\":\"about:blank\",\"title\":\"Interne fout\",\"status\":500}";
	if (!text) {
		status = 500;
		text = (char *)fallback;
	}
	http_reply_raw(rs, status, "application/problem+json", text, strlen(text));
}
