/*
 * catalogus_http.c -- the catalogue over HTTP: public reads of every
 * collection (each names the catalogue version it shows and takes
 * ?catalogusversie=N), one modelplan with its versions, the catalogue
 * versions themselves, and publishing (programme office only).
 *
 * The handlers only read parameters, call src/core/catalogus/catalogus.h and shape
 * the answer; validation problems come back as problem+json with every
 * problem in `errors` (name "body#<JSON pointer>").
 */
#include "api/http.h"

#include <stdio.h>
#include <string.h>

#include "core/catalogus/catalogus.h"

/* Reads version parameter `naam`: 0 when absent, RC_INVALID when it is
 * not a positive integer. */
static rc_t versie_param(struct http_request *rq, const char *naam, int64_t *out,
			 struct error *e)
{
	const char *tekst = http_query(rq, naam);
	*out = 0;
	if (!tekst)
		return RC_OK;
	if (catalogus_versie_parse(tekst, out))
		return RC_OK;
	error_add(e, naam, "parameter_ongeldig", NULL,
		  "%s is een versienummer: een geheel getal vanaf 1.", naam);
	return e->rc;
}

/* GET of one collection, with the filters the route declares. */
static rc_t lijst(struct http_request *rq, struct http_response *rs, struct error *e,
		  const char *onderdeel)
{
	int64_t versie;
	rc_t rc = versie_param(rq, "catalogusversie", &versie, e);
	if (rc != RC_OK)
		return rc;
	struct catalogus_filter f = {
		.thema = http_query(rq, "thema"), .sector = http_query(rq, "sector"),
		.geldt_voor = http_query(rq, "geldtVoor"),
		.toepassingsgebied = http_query(rq, "toepassingsgebied"),
	};
	if (f.geldt_voor && strcmp(f.geldt_voor, "zvw") != 0 &&
	    strcmp(f.geldt_voor, "sociaal-domein") != 0) {
		error_add(e, "geldtVoor", "parameter_ongeldig", NULL,
			  "geldtVoor is zvw of sociaal-domein.");
		return e->rc;
	}
	json_t *uit = NULL;
	rc = catalogus_lijst(rq->store, versie, onderdeel, &f, &uit, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, uit, e);
}

rc_t catalogus_fondsen(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return lijst(rq, rs, e, "fondsen");
}

rc_t catalogus_themas(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return lijst(rq, rs, e, "themas");
}

rc_t catalogus_toepassingsgebieden(struct http_request *rq, struct http_response *rs,
				   struct error *e)
{
	return lijst(rq, rs, e, "toepassingsgebieden");
}

rc_t catalogus_basiseisen(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return lijst(rq, rs, e, "basiseisen");
}

rc_t catalogus_modelplannen(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return lijst(rq, rs, e, "modelplannen");
}

rc_t catalogus_impactlatten(struct http_request *rq, struct http_response *rs, struct error *e)
{
	return lijst(rq, rs, e, "impactlatten");
}

rc_t catalogus_basisfunctionaliteiten(struct http_request *rq, struct http_response *rs,
				      struct error *e)
{
	return lijst(rq, rs, e, "basisfunctionaliteiten");
}

rc_t catalogus_referentiecijfers(struct http_request *rq, struct http_response *rs,
				 struct error *e)
{
	return lijst(rq, rs, e, "referentiecijfers");
}

/* GET /modelplannen/{id}[?versie=N][&catalogusversie=N] */
rc_t catalogus_modelplan_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t catalogusversie, versie;
	rc_t a = versie_param(rq, "catalogusversie", &catalogusversie, e);
	rc_t b = versie_param(rq, "versie", &versie, e); /* both problems at once */
	if (a != RC_OK || b != RC_OK)
		return e->rc;
	rc_t rc;
	json_t *uit = NULL;
	rc = catalogus_modelplan(rq->store, catalogusversie, rq->params[0], versie, &uit, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, uit, e);
}

rc_t catalogus_versies_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = catalogus_versies(rq->store, &uit, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, uit, e);
}

/* GET /catalogusversies/{versie}: the whole document, as published. */
rc_t catalogus_versie_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t versie;
	if (!catalogus_versie_parse(rq->params[0], &versie)) {
		error_add(e, "versie", "parameter_ongeldig", NULL,
			  "De catalogusversie is een geheel getal vanaf 1.");
		return e->rc;
	}
	const char *tekst = NULL;
	rc_t rc = catalogus_document(rq->store, versie, rq->arena, &tekst, NULL, e);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 200, "application/json", tekst, strlen(tekst));
	return RC_OK;
}

/* Publishes the body; `soort` and `modelplan_id` restrict what is accepted. */
static rc_t publiceer(struct http_request *rq, const char *soort, const char *modelplan_id,
		      struct catalogus_publicatie_resultaat *res, struct error *e)
{
	struct catalogus_publicatie p = {
		.bestand = "body", .actor = rq->who.actor ? rq->who.actor : "anoniem",
		.soort = soort, .modelplan_id = modelplan_id,
	};
	return catalogus_publiceer_met(rq->store, rq->body, &p, res, e);
}

/* POST /catalogusversies */
rc_t catalogus_versie_post(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct catalogus_publicatie_resultaat res;
	rc_t rc = publiceer(rq, "catalogus", NULL, &res, e);
	if (rc != RC_OK)
		return rc;
	char plek[96];
	snprintf(plek, sizeof plek, API_BASE "/catalogusversies/%lld", (long long)res.versie);
	http_add_header(rq, rs, "Location", plek);
	json_t *uit = json_pack("{s:I, s:I, s:s}", "catalogusversie", (json_int_t)res.versie,
				"nieuwe_modelplanversies", (json_int_t)res.nieuwe_modelplanversies,
				"self", plek);
	return http_reply_json(rq, rs, 201, uit, e);
}

/* POST /modelplannen/{id}/versies */
rc_t catalogus_modelplanversie_post(struct http_request *rq, struct http_response *rs,
				    struct error *e)
{
	struct catalogus_publicatie_resultaat res;
	rc_t rc = publiceer(rq, "modelplan", rq->params[0], &res, e);
	if (rc != RC_OK)
		return rc;
	char plek[192];
	snprintf(plek, sizeof plek, API_BASE "/modelplannen/%s?versie=%lld", res.modelplan_id,
		 (long long)res.versie);
	http_add_header(rq, rs, "Location", plek);
	json_t *uit = json_pack("{s:s, s:I, s:I, s:s}", "modelplan", res.modelplan_id,
				"versie", (json_int_t)res.versie,
				"catalogusversie", (json_int_t)res.catalogusversie, "self", plek);
	return http_reply_json(rq, rs, 201, uit, e);
}
