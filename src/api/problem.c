/*
 * problem.c -- errors as application/problem+json (RFC 9457, NLGov ADR).
 *
 * status, title and detail come from the one rc table in core/error.c;
 * `errors` lists every validation problem at once, each with the field
 * (a JSON pointer or parameter name), a stable code, the Dutch detail and
 * the rule's source where a domain rule was broken.
 */
#include "api/http.h"

#include <string.h>

#include "core/basis/json.h"

static json_t *problem_errors(const struct error *e)
{
	json_t *list = json_array();
	for (size_t i = 0; list && i < e->item_count; i++) {
		const struct error_item *it = &e->items[i];
		json_t *o = json_pack("{s:s, s:s, s:s}", "name", it->field, "code", it->code,
				      "detail", it->detail);
		if (o && it->bron[0])
			json_object_set_new(o, "bron", json_string(it->bron));
		json_array_append_new(list, o);
	}
	return list;
}

void http_problem(struct http_request *rq, struct http_response *rs,
		  const struct error *e)
{
	rc_t rc = e->rc == RC_OK ? RC_INTERNAL : e->rc;
	int status = rc_http_status(rc);
	json_t *body = json_pack("{s:s, s:s, s:i, s:s, s:s}",
		"type", "about:blank",
		"title", rc_title(rc),
		"status", status,
		"detail", e->message[0] ? e->message : rc_title(rc),
		"code", rc_name(rc));
	if (body && rq->path)
		json_object_set_new(body, "instance", json_string(rq->path));
	if (body && (e->item_count > 0 || rc == RC_INVALID))
		json_object_set_new(body, "errors", problem_errors(e));
	if (body && e->items_dropped > 0)
		json_object_set_new(body, "errors_weggelaten", json_integer((json_int_t)e->items_dropped));
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
