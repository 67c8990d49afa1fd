/*
 * grootboek_http.c -- the budget ledger over HTTP (read only).
 *
 *   GET /grootboek/rekeningen   per pot, theme, year, insurer and project: available,
 *                               reserved, granted, paid
 *   GET /grootboek/boekingen    the entries, paged (?na=&limiet=)
 *   GET /grootboek/journaal     the whole ledger as an hledger journal (text/plain)
 *
 * NZa, the programme office, the board, the Zorginstituut and the auditor
 * see everything; an insurer sees the aggregates and its own projects.
 */
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/geld/grootboek.h"
#include "core/geld/grootboekoverzicht.h"

rc_t grootboek_rekeningen_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	struct grootboekoverzicht o;
	rc_t rc = grootboekoverzicht_maak(rq->store, rq->arena, &rq->who, &o, e);
	if (rc != RC_OK)
		return rc;
	return http_reply_json(rq, rs, 200, grootboekoverzicht_json(&o), e);
}

rc_t grootboek_boekingen_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t na, limiet;
	rc_t rc = http_pagina(rq, 1000, &na, &limiet, e);
	struct grootboek_zicht z;
	if (rc == RC_OK)
		rc = grootboek_zicht_van(rq->store, rq->arena, &rq->who, &z, e);
	struct boeking_regel *l = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = grootboek_boekingen(rq->store, na, (size_t)limiet, rq->arena, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		if (grootboek_zicht_mag(&z, l[i].debet) || grootboek_zicht_mag(&z, l[i].credit))
			json_array_append_new(items, boeking_json(&l[i]));
	json_t *body = json_pack("{s:o}", "boekingen", items ? items : json_array());
	if (body)
		json_object_set_new(body, "volgende_na", (int64_t)n == limiet && n > 0
				    ? json_integer((json_int_t)l[n - 1].id) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t grootboek_journaal_get(struct http_request *rq, struct http_response *rs, struct error *e)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc_t rc = grootboek_hledger(rq->store, f, e);
	fclose(f);
	char *kopie = rc == RC_OK && buf ? arena_strndup(rq->arena, buf, n) : NULL;
	free(buf);
	if (rc != RC_OK)
		return rc;
	if (!kopie)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	http_add_header(rq, rs, "Content-Disposition", "inline; filename=\"grootboek.journal\"");
	http_reply_raw(rs, 200, "text/plain; charset=utf-8", kopie, n);
	return RC_OK;
}
