/*
 * indieningsrondes_http.c -- GET/POST /api/v1/indieningsrondes and
 * GET /api/v1/indieningsrondes/{id}.
 *
 * The rounds are public: everyone may know the one submission moment.
 * The programme office makes them; a round never changes afterwards. Each
 * answer carries the server's time, the clock that decides.
 */
#include "api/links.h"
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/aanvraag/indieningsronde.h"
#include "core/basis/json.h"

/* A round with its link. */
static json_t *ronde_json(const struct indieningsronde *r, int64_t nu_us)
{
	return http_link(indieningsronde_json(r, nu_us), "self", "/indieningsrondes/%" PRId64, r->id);
}

static json_t *server_tijd(int64_t nu_us)
{
	char t[KLOK_TEKST_BYTES];
	return json_string(klok_tekst(nu_us, t, sizeof t));
}

rc_t indieningsrondes_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct indieningsronde *l = NULL;
	size_t n = 0;
	rc_t rc = indieningsronde_lijst(rq->store, rq->arena, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	int64_t nu = klok_nu_us(NULL);
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, ronde_json(&l[i], nu));
	return http_reply_json(rq, rs, 200, json_pack("{s:o, s:o}", "indieningsrondes",
			       items ? items : json_array(), "server_tijd", server_tijd(nu)), e);
}

rc_t indieningsrondes_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze indieningsronde bestaat niet.");
	struct indieningsronde r;
	rc_t rc = indieningsronde_lees(rq->store, rq->arena, id, &r, e);
	if (rc != RC_OK)
		return rc;
	int64_t nu = klok_nu_us(NULL);
	json_t *j = ronde_json(&r, nu);
	if (j)
		json_object_set_new(j, "server_tijd", server_tijd(nu));
	return http_reply_json(rq, rs, 200, j, e);
}

rc_t indieningsrondes_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	static const char *const velden[] = {"naam", "catalogusversie", "impactlat_id",
					     "uitloopjaar_toegestaan", "opent_op", "sluit_op",
					     "beoordeeld_uiterlijk_op", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	struct indieningsronde_invoer in = {.uitloopjaar_toegestaan = -1};
	bool uitloop = false;
	json_get_string(rq->body, "naam", false, "", &in.naam, e);
	json_get_int(rq->body, "catalogusversie", false, "", &in.catalogusversie, e);
	json_t *lat = json_object_get(rq->body, "impactlat_id");
	if (lat && !json_is_null(lat))
		json_get_string(rq->body, "impactlat_id", false, "", &in.impactlat_id, e);
	if (json_get_bool(rq->body, "uitloopjaar_toegestaan", false, "", &uitloop, e))
		in.uitloopjaar_toegestaan = uitloop ? 1 : 0;
	json_get_string(rq->body, "opent_op", false, "", &in.opent_op, e);
	json_get_string(rq->body, "sluit_op", false, "", &in.sluit_op, e);
	json_t *uiterlijk = json_object_get(rq->body, "beoordeeld_uiterlijk_op");
	if (uiterlijk && !json_is_null(uiterlijk))
		json_get_string(rq->body, "beoordeeld_uiterlijk_op", false, "", &in.beoordeeld_uiterlijk_op, e);
	int64_t id = 0;
	rc_t rc = indieningsronde_maak(rq->store, &rq->who, NULL, &in, &id, e);
	struct indieningsronde r;
	if (rc == RC_OK)
		rc = indieningsronde_lees(rq->store, rq->arena, id, &r, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/indieningsrondes/%" PRId64, id);
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	return http_reply_json(rq, rs, 201, ronde_json(&r, klok_nu_us(NULL)), e);
}
