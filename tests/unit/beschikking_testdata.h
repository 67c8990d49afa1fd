/*
 * beschikking_testdata.h -- a world for the unit tests of the NZa step: the
 * world of indiening_testdata.h with applications assessed positively by
 * both insurers, the board's grants written as the board's decision contract
 * describes (tests/lib/toekenning_testhulp.h) and joint requests signed by
 * both parties. The clock stands at the round's closing moment
 * (2027-03-01T12:00:00Z) unless a test moves it.
 *
 * Include after harness.h and testdb.h.
 */
#ifndef DOORBRAAK_BESCHIKKING_TESTDATA_H
#define DOORBRAAK_BESCHIKKING_TESTDATA_H

#include "indiening_testdata.h"
#include "../lib/toekenning_testhulp.h"

#include "core/beschikking/beschikking.h"
#include "core/betaling/mijlpaal.h"
#include "core/beschikking/nza_toets.h"
#include "core/beschikking/nza_aanvraag.h"
#include "core/beschikking/ondertekening.h"

#define MLN(x) ((int64_t)((x) * 100000000.0))

static inline rc_t bt_beoordeel(struct wereld *w, const struct principal *who, int64_t id,
				struct error *e)
{
	json_t *l = json_array();
	for (int i = 1; i <= 14; i++)
		json_array_append_new(l, json_pack("{s:i, s:s, s:s}", "volgnummer", i, "oordeel", "voldaan",
						    "motivering", "Onderbouwd."));
	json_t *b = json_pack("{s:i, s:b, s:o, s:s, s:s}", "versie", 1, "geen_belangenconflict", 1,
			      "basiseisen", l, "oordeel", "positief", "motivering", "Positief.");
	struct beoordeling_invoer in;
	enum aanvraag_status st;
	int64_t bid;
	error_clear(e);
	rc_t rc = beoordeling_lees(b, &in, e);
	if (rc == RC_OK)
		rc = beoordeling_maak(w->s, who, &w->klok, id, &in, &bid, &st, e);
	json_decref(b);
	return rc;
}

/* A submitted application assessed positively by both insurers; 0 on failure. */
static inline int64_t bt_positief(struct wereld *w)
{
	struct error e;
	struct ontvangstbewijs b;
	w->nu_us = T_OPENT_US + 10;
	int64_t id = wereld_concept(w, &w->penvoerder, w->ronde, w->doc, &e);
	error_clear(&e);
	if (!id || indiening_dien_in(w->s, &w->penvoerder, &w->klok, id, NULL, &w->a, &b, &e) != RC_OK) {
		printf("  (indienen: %s)\n", e.message);
		return 0;
	}
	w->nu_us = T_SLUIT_US;
	if (bt_beoordeel(w, &w->coordinerend, id, &e) != RC_OK || bt_beoordeel(w, &w->tweede, id, &e) != RC_OK) {
		printf("  (beoordelen: %s)\n", e.message);
		return 0;
	}
	return id;
}

/* The board's decision on the world's round (see toekenning_testhulp.h). */
static inline bool bt_toekennen(struct wereld *w, struct hulp *h)
{
	struct error e;
	error_clear(&e);
	h->ronde = w->ronde;
	rc_t rc = store_tx(w->s, STORE_WRITE, toekenning_testhulp_tx, h, &e);
	if (rc != RC_OK)
		printf("  (toekennen: %s)\n", e.message);
	return rc == RC_OK;
}

static inline void bt_geld(struct hulp *h, const char *thema, int64_t jaar, int64_t cent)
{
	struct jaar_geld *g = &h->geld[h->geld_n++];
	snprintf(g->thema, sizeof g->thema, "%s", thema);
	g->jaar = jaar;
	g->cent = cent;
}

static inline void bt_grant(struct hulp *h, int64_t aanvraag, int64_t jaar, int64_t cent)
{
	struct toekenning *t = &h->t[h->t_n++];
	t->aanvraag = aanvraag;
	snprintf(t->thema, sizeof t->thema, "ai");
	t->jaar = jaar;
	t->cent = cent;
}

/* A joint request for `aanvraag` (with `jaren` when n > 0), signed by both
 * parties; returns its id, 0 on failure (*rc the failing rc). */
static inline int64_t bt_gezamenlijk(struct wereld *w, int64_t aanvraag, int64_t bovengrens,
				     const struct nza_aanvraag_jaar *jaren, size_t n, rc_t *rc_uit,
				     struct error *e)
{
	struct nza_aanvraag_invoer in = {.aanvraag_id = aanvraag, .contract_datum = "2026-10-01",
				.contract_kenmerk = "OVK-1"};
	for (size_t i = 0; i < NZA_AANVRAAG_VERKLARING__COUNT; i++)
		in.verklaringen[i] = true;
	if (bovengrens) {
		in.bovengrens_gegeven = true;
		in.bovengrens_geldig = bovengrens > 0;
		in.bovengrens_cent = bovengrens;
	}
	for (size_t i = 0; i < n; i++)
		in.jaren[i] = jaren[i];
	in.jaar_aantal = n;
	in.jaren_gegeven = n > 0;
	in.jaren_geldig = true;
	int64_t id = 0;
	error_clear(e);
	rc_t rc = nza_aanvraag_maak(w->s, &w->coordinerend, &w->klok, &in, NULL, &id, e);
	struct nza_aanvraag t;
	if (rc == RC_OK)
		rc = nza_aanvraag_open(w->s, &w->a, &w->coordinerend, id, &t, e);
	const char *status;
	if (rc == RC_OK)
		rc = nza_aanvraag_onderteken(w->s, &w->coordinerend, &w->klok, id, t.sha256, &status, e);
	if (rc == RC_OK)
		rc = nza_aanvraag_onderteken(w->s, &w->penvoerder, &w->klok, id, t.sha256, &status, e);
	if (rc_uit)
		*rc_uit = rc;
	return rc == RC_OK ? id : 0;
}

static inline const struct principal *bt_nza(void)
{
	static const struct principal nza = {.account_id = 9, .organisatie_id = 1, .roles = ROL_NZA,
					     .actor = "gebruiker:9"};
	return &nza;
}

/* NZa decides; returns the decision id, 0 on failure. */
static inline int64_t bt_beschik(struct wereld *w, int64_t nza_id, bool verlenen,
				 struct beschikking_uitkomst *u, rc_t *rc_uit, struct error *e)
{
	struct beschikking_invoer in = {.nza_aanvraag_id = nza_id, .verlenen = verlenen,
					.motivering = "Getoetst."};
	struct beschikking_uitkomst lokaal;
	if (!u)
		u = &lokaal;
	error_clear(e);
	rc_t rc = beschikking_neem(w->s, bt_nza(), &w->klok, &in, u, e);
	if (rc_uit)
		*rc_uit = rc;
	return rc == RC_OK ? u->id : 0;
}

/* The four balances of an account, read in a transaction of its own. */
static inline struct rekening bt_saldo(struct wereld *w, const char *code)
{
	struct rekening r;
	memset(&r, 0, sizeof r);
	struct error e;
	error_clear(&e);
	grootboek_saldo(w->s, code, &r, &e);
	return r;
}

static inline bool bt_herspeel(struct wereld *w)
{
	struct grootboek_herspeling h;
	struct error e;
	error_clear(&e);
	if (grootboek_herspeel(w->s, &h, &e) != RC_OK)
		return false;
	if (!h.klopt)
		printf("  (herspeel: %s)\n", h.reden);
	return h.klopt;
}

#endif
