/*
 * status_http.c -- GET /api/v1/status: is the service up, on which store
 * and schema version. Public; reveals nothing sensitive.
 */
#include "api/http.h"

#include "core/basis/version.h"

rc_t status_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int schema = 0;
	rc_t rc = store_schema_version(rq->store, &schema, e);
	if (rc != RC_OK)
		return rc;
	json_t *body = json_pack("{s:s, s:s, s:s, s:i, s:i, s:s}",
		"naam", "doorbraak",
		"versie", DOORBRAAK_VERSION,
		"opslag", server_backend_name(rq->server),
		"schemaversie", schema,
		"schemaversie_verwacht", store_latest_schema_version(),
		"api_versie", API_VERSION);
	return http_reply_json(rq, rs, 200, body, e);
}
