/*
 * openapi_http.c -- GET /api/v1/openapi.json: the OpenAPI 3 document,
 * compiled into the binary from api/openapi.json. Public.
 */
#include "api/http.h"

#include "core/basis/embedded.h"

rc_t openapi_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	const struct embedded_file *f = embedded_find("api/openapi.json");
	if (!f)
		return error_set(e, RC_INTERNAL, "Het OpenAPI-document ontbreekt in deze build.");
	http_reply_raw(rs, 200, "application/json", f->data, f->size);
	/* NLGov ADR: the OpenAPI document may be read from any origin. */
	http_add_header(rq, rs, "Access-Control-Allow-Origin", "*");
	return RC_OK;
}
