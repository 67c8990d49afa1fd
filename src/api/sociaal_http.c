/*
 * sociaal_http.c -- the social-domain track over HTTP
 * (docs/sociaal-domein.md):
 *
 *   GET  /regios                          the current regions (public)
 *   GET  /regioindelingen, /regioscanschalen, /beoordelingskaders,
 *        /verdeelsleutels                 every version of the data
 *   POST the same                         a new version (programme office;
 *                                         board; VWS)
 *   GET  /regioscans?regio=&meting=       the newest scans
 *   POST /regioscans                      one scan (programme office)
 *   POST /regioscans/import               scans from CSV (programme office)
 *   GET  /werkagendas?regio=, /werkagendas/{id}
 *   POST /werkagendas                     the mandaatgemeente drafts
 *   PUT  /werkagendas/{id}                ... and changes its concept
 *   POST /werkagendas/{id}/indiening      ... offers it for signing
 *   POST /werkagendas/{id}/bijlagen       a municipality attaches its collegebesluit
 *   POST /werkagendas/{id}/ondertekeningen  a municipality signs
 *   POST /werkagendas/{id}/beoordelingen  VNG or ZN assesses
 *   POST /spuk-toekenningen               VWS allocates a year by the key
 *   GET  /spuk-toekenningen, /spuk-beschikkingen[/{id}]
 *   GET  /spuk-beschikkingen/{id}/document[.pdf]   the decision letter
 *   POST /spuk-beschikkingen/{id}/betaling          VWS pays
 *   POST /spuk-beschikkingen/{id}/verantwoordingen  the municipality accounts
 *   POST /voortgangsrapportages           the mandaatgemeente reports
 *   GET  /voortgangsoverzicht[/export]    per region and nationally (public
 *                                         without the bottlenecks' text)
 *
 * The core checks and stores (core/sociaal/sociaal.h).
 */
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/sociaal/sociaal.h"

/* The kind of versioned data a path names. */
static const char *soort_van(const char *pad)
{
	if (strstr(pad, "/regioindelingen"))
		return "regioindeling";
	if (strstr(pad, "/regioscanschalen"))
		return "regioscanschaal";
	if (strstr(pad, "/beoordelingskaders"))
		return "beoordelingskader";
	return "verdeelsleutel";
}

rc_t sociaal_regios_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = sociaal_regios(rq->store, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t sociaal_vaststellingen_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = sociaal_vaststellingen(rq->store, soort_van(rq->path), 0, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t sociaal_vaststellingen_post(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = sociaal_vaststel(rq->store, &rq->who, NULL, soort_van(rq->path), rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t regioscans_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = regioscan_lijst(rq->store, http_query(rq, "regio"), http_query(rq, "meting"), rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t regioscans_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = regioscan_voeg_toe(rq->store, &rq->who, NULL, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t regioscans_import(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	if (!rq->ruw)
		return error_set(e, RC_INVALID, "Stuur het CSV-bestand als inhoud van het verzoek.");
	rc_t rc = regioscan_importeer(rq->store, &rq->who, NULL, rq->ruw, rq->ruw_len, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t werkagendas_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = werkagenda_lijst(rq->store, &rq->who, http_query(rq, "regio"), rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

/* Location of a new agenda; the answer. */
static rc_t agenda_antwoord(struct http_request *rq, struct http_response *rs, int status, json_t *uit,
			    struct error *e)
{
	if (status == 201) {
		char *plek = arena_printf(rq->arena, API_BASE "/werkagendas/%" JSON_INTEGER_FORMAT,
					  json_integer_value(json_object_get(uit, "id")));
		if (plek)
			http_add_header(rq, rs, "Location", plek);
	}
	return http_reply_json(rq, rs, status, uit, e);
}

rc_t werkagendas_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = werkagenda_maak(rq->store, &rq->who, NULL, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? agenda_antwoord(rq, rs, 201, uit, e) : rc;
}

rc_t werkagendas_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze werkagenda bestaat niet.");
	json_t *uit = NULL;
	rc_t rc = werkagenda_lees(rq->store, &rq->who, id, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

/* The agenda id of the path, or a not-found problem. */
static bool agenda_id(struct http_request *rq, int64_t *id, struct error *e)
{
	if (http_param_id(rq, 0, id))
		return true;
	error_set(e, RC_NOT_FOUND, "Deze werkagenda bestaat niet.");
	return false;
}

rc_t werkagendas_wijzig(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	json_t *uit = NULL;
	if (!agenda_id(rq, &id, e))
		return RC_NOT_FOUND;
	rc_t rc = werkagenda_wijzig(rq->store, &rq->who, NULL, id, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t werkagendas_indiening(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	json_t *uit = NULL;
	if (!agenda_id(rq, &id, e))
		return RC_NOT_FOUND;
	rc_t rc = werkagenda_indien(rq->store, &rq->who, NULL, id, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t werkagendas_ondertekening(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	json_t *uit = NULL;
	if (!agenda_id(rq, &id, e))
		return RC_NOT_FOUND;
	rc_t rc = werkagenda_onderteken(rq->store, &rq->who, NULL, id, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t werkagendas_beoordeling(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	json_t *uit = NULL;
	if (!agenda_id(rq, &id, e))
		return RC_NOT_FOUND;
	rc_t rc = werkagenda_beoordeel(rq->store, &rq->who, NULL, id, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t werkagendas_bijlage(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze werkagenda bestaat niet.");
	json_t *uit = NULL;
	rc_t rc = werkagenda_bijlage(rq->store, &rq->who, NULL, id, http_query(rq, "naam"), rq->ruw ? rq->ruw : "",
				     rq->ruw_len, rq->arena, &uit, e);
	if (rc != RC_OK)
		return rc;
	char *plek = arena_printf(rq->arena, API_BASE "/bijlagen/%" JSON_INTEGER_FORMAT,
				  json_integer_value(json_object_get(uit, "id")));
	if (plek)
		http_add_header(rq, rs, "Location", plek);
	return http_reply_json(rq, rs, 201, uit, e);
}

/* ---- the SPUK ---- */

rc_t spuk_toekenningen_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = spuk_toeken(rq->store, &rq->who, NULL, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t spuk_toekenningen_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = spuk_toekenningen(rq->store, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t spuk_beschikkingen_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = spuk_beschikkingen(rq->store, &rq->who, 0, http_query_getal(rq, "jaar"), rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t spuk_beschikkingen_lees(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze SPUK-beschikking bestaat niet.");
	json_t *uit = NULL;
	rc_t rc = spuk_beschikkingen(rq->store, &rq->who, id, 0, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, uit, e) : rc;
}

rc_t spuk_beschikkingen_betaling(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze SPUK-beschikking bestaat niet.");
	json_t *uit = NULL;
	rc_t rc = spuk_betaal(rq->store, &rq->who, NULL, id, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t spuk_beschikkingen_verantwoording(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze SPUK-beschikking bestaat niet.");
	json_t *uit = NULL;
	rc_t rc = spuk_verantwoord(rq->store, &rq->who, NULL, id, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

rc_t spuk_beschikkingen_document(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Deze SPUK-beschikking bestaat niet.");
	bool pdf = strstr(rq->path, ".pdf") || http_wil_pdf(rq);
	const void *data = NULL;
	size_t len = 0;
	rc_t rc = spuk_document(rq->store, &rq->who, id, pdf, rq->arena, &data, &len, e);
	char *naam = arena_printf(rq->arena, "spuk-beschikking-%" PRId64, id);
	return rc == RC_OK ? http_reply_document(rq, rs, data, len, pdf, naam) : rc;
}

/* ---- progress ---- */

rc_t voortgangsrapportages_maak(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = voortgang_voeg_toe(rq->store, &rq->who, NULL, rq->body, rq->arena, &uit, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 201, uit, e) : rc;
}

/* The overview is public (the regions' progress per function); the
 * bottlenecks' text only for the parties of the track. */
rc_t voortgangsoverzicht_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	json_t *uit = NULL;
	rc_t rc = voortgang_overzicht(rq->store, http_query(rq, "periode"), rq->arena, &uit, e);
	if (rc != RC_OK)
		return rc;
	if (!(rq->who.roles & (ROL_GEMEENTE | ROL_BEOORDELAAR | ROL_VWS | ROL_PROGRAMMABUREAU | ROL_BESTUUR |
			       ROL_AUDITOR))) {
		size_t i;
		json_t *r;
		json_array_foreach(json_object_get(uit, "regios"), i, r)
			json_object_del(r, "knelpunten");
	}
	return http_reply_json(rq, rs, 200, uit, e);
}

rc_t voortgangsoverzicht_export(struct http_request *rq, struct http_response *rs, struct error *e)
{
	bool xlsx = false;
	rc_t rc = http_export_formaat(rq, &xlsx, e);
	const char *data = NULL;
	size_t len = 0;
	if (rc == RC_OK)
		rc = voortgang_export(rq->store, http_query(rq, "periode"), xlsx, rq->arena, &data, &len, e);
	if (rc == RC_OK)
		http_reply_export(rq, rs, data, len, xlsx, "voortgang-sociaal-domein");
	return rc;
}
