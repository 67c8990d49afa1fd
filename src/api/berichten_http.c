/*
 * berichten_http.c -- messages, the mail queue and password reset
 * (docs/berichten.md, issue 18).
 *
 *   GET   /berichten                          the caller's own messages, newest
 *                                             first (?ongelezen=true, ?na=)
 *   PATCH /berichten/{id}                     {"gelezen": true|false}
 *   GET   /mailwachtrij                       the outgoing mail (administrator)
 *   POST  /mailwachtrij/{id}/verzendpogingen  try a mail again now
 *   POST  /wachtwoordherstelverzoeken         {"email"}: a reset link by mail;
 *                                             202 whether or not there is such
 *                                             an account
 *   POST  /wachtwoordherstelverzoeken/voltooiingen  {"token", "wachtwoord"}
 */
#include "api/parameters.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/basis/klok.h"
#include "core/berichten/bericht.h"
#include "core/berichten/mail.h"
#include "core/toegang/gebruiker.h"
#include "core/toegang/wachtwoordherstel.h"

static json_t *tekst_of_null(const char *t)
{
	return t ? json_string(t) : json_null();
}

static json_t *bericht_json(const struct bericht *b)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o, s:b}", "id", (json_int_t)b->id, "soort", b->soort,
			 "onderwerp", b->onderwerp, "tekst", b->tekst, "pad", b->pad, "aangemaakt_op", b->aangemaakt_op,
			 "gelezen_op", tekst_of_null(b->gelezen_op), "gelezen", b->gelezen_op != NULL);
}

rc_t berichten_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t na, limiet;
	rc_t rc = http_pagina(rq, BERICHT_PAGINA_MAX, &na, &limiet, e);
	struct bericht *l = NULL;
	size_t n = 0;
	int64_t ongelezen = 0;
	if (rc == RC_OK)
		rc = bericht_lijst(rq->store, &rq->who, na, limiet, http_query_janee(rq, "ongelezen"), rq->arena, &l, &n,
				   &ongelezen, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++)
		json_array_append_new(items, bericht_json(&l[i]));
	json_t *body = json_pack("{s:o, s:I, s:o}", "berichten", items ? items : json_array(), "ongelezen",
				 (json_int_t)ongelezen, "volgende_na",
				 (int64_t)n == limiet && n > 0 ? json_integer((json_int_t)l[n - 1].id) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t berichten_wijzig(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "U hebt geen bericht met dit nummer.");
	static const char *const velden[] = {"gelezen", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	bool gelezen = true;
	json_get_bool(rq->body, "gelezen", true, "", &gelezen, e);
	if (e->item_count)
		return RC_INVALID;
	rc_t rc = bericht_markeer(rq->store, &rq->who, id, gelezen, e);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 204, NULL, "", 0);
	return RC_OK;
}

/* GET /berichten/instellingen: whether the caller's messages also come by
 * mail (gebruiker.h: a token is refused). */
rc_t berichten_instellingen(struct http_request *rq, struct http_response *rs, struct error *e)
{
	bool mailen = true;
	rc_t rc = gebruiker_mailen(rq->store, &rq->who, rq->arena, &mailen, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, json_pack("{s:b}", "mailen", mailen), e) : rc;
}

/* PUT /berichten/instellingen {"mailen": true|false}: the caller's own choice. */
rc_t berichten_instellingen_zet(struct http_request *rq, struct http_response *rs, struct error *e)
{
	bool mailen = true;
	rc_t rc = gebruiker_zet_mailen(rq->store, &rq->who, rq->body, &mailen, e);
	return rc == RC_OK ? http_reply_json(rq, rs, 200, json_pack("{s:b}", "mailen", mailen), e) : rc;
}

static json_t *mail_json(const struct mail_regel *m)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:I, s:o, s:o, s:s, s:o}", "id", (json_int_t)m->id,
			 "gebruiker_id", (json_int_t)m->gebruiker_id, "aan", m->aan, "soort", m->soort, "onderwerp",
			 m->onderwerp ? m->onderwerp : "", "status", m->status, "pogingen", (json_int_t)m->pogingen,
			 "volgende_poging_op", strcmp(m->status, "wachtend") == 0
				 ? json_integer((json_int_t)m->volgende_poging_unix_s) : json_null(),
			 "laatste_fout", tekst_of_null(m->laatste_fout), "aangemaakt_op", m->aangemaakt_op,
			 "verzonden_op", tekst_of_null(m->verzonden_op));
}

rc_t mailwachtrij_lijst(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t na, limiet;
	rc_t rc = http_pagina(rq, MAIL_PAGINA_MAX, &na, &limiet, e);
	struct mail_regel *l = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = mail_lijst(rq->store, http_query(rq, "status"), na, limiet, rq->arena, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; items && i < n; i++) {
		json_t *m = mail_json(&l[i]);
		/* a moment for people: the unix second as ISO text */
		json_t *v = json_object_get(m, "volgende_poging_op");
		if (json_is_integer(v)) {
			char t[40];
			klok_tekst((int64_t)json_integer_value(v) * KLOK_US_PER_S, t, sizeof t);
			json_object_set_new(m, "volgende_poging_op", json_string(t));
		}
		json_array_append_new(items, m);
	}
	const struct server_config *c = server_config_of(rq->server);
	json_t *body = json_pack("{s:o, s:b, s:o}", "mails", items ? items : json_array(), "smtp_ingesteld",
				 c->mail.smtp_url != NULL, "volgende_na",
				 (int64_t)n == limiet && n > 0 ? json_integer((json_int_t)l[n - 1].id) : json_null());
	return http_reply_json(rq, rs, 200, body, e);
}

rc_t mailwachtrij_opnieuw(struct http_request *rq, struct http_response *rs, struct error *e)
{
	int64_t id = 0;
	if (!http_param_id(rq, 0, &id))
		return error_set(e, RC_NOT_FOUND, "Er is geen mail met dit nummer.");
	rc_t rc = mail_opnieuw(rq->store, &rq->who, id, e);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 204, NULL, "", 0);
	return RC_OK;
}

rc_t wachtwoordherstel_verzoek(struct http_request *rq, struct http_response *rs, struct error *e)
{
	static const char *const velden[] = {"email", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	const char *email = NULL;
	json_get_string(rq->body, "email", true, "", &email, e);
	if (e->item_count)
		return RC_INVALID;
	int64_t opnieuw_na_s = 0;
	rc_t rc = wachtwoordherstel_vraag(rq->store, email, rq->remote_addr ? rq->remote_addr : "?",
					  server_config_of(rq->server)->mail.publieke_url, &opnieuw_na_s, e);
	if (rc == RC_TOO_MANY) {
		/* Answered here, so that Retry-After survives (RFC 6585 §4). */
		http_problem(rq, rs, e);
		char na[24];
		snprintf(na, sizeof na, "%" PRId64, opnieuw_na_s);
		http_add_header(rq, rs, "Retry-After", na);
		return RC_OK;
	}
	if (rc != RC_OK)
		return rc;
	json_t *body = json_pack("{s:s}", "bericht", "Als er een actief account met dit e-mailadres is, ontvangt "
				 "het binnen enkele minuten een mail met een link om een nieuw wachtwoord te kiezen. De "
				 "link werkt één keer en een half uur lang.");
	return http_reply_json(rq, rs, 202, body, e);
}

rc_t wachtwoordherstel_voltooiing(struct http_request *rq, struct http_response *rs, struct error *e)
{
	static const char *const velden[] = {"token", "wachtwoord", NULL};
	json_reject_unknown(rq->body, velden, "", e);
	const char *token = NULL, *wachtwoord = NULL;
	json_get_string(rq->body, "token", true, "", &token, e);
	json_get_string(rq->body, "wachtwoord", true, "", &wachtwoord, e);
	if (e->item_count)
		return RC_INVALID;
	rc_t rc = wachtwoordherstel_voltooi(rq->store, token, wachtwoord, rq->remote_addr ? rq->remote_addr : "?", e);
	if (rc != RC_OK)
		return rc;
	http_reply_raw(rs, 204, NULL, "", 0);
	return RC_OK;
}
