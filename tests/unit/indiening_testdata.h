/*
 * indiening_testdata.h -- a world for the tests of rounds, applications,
 * submission and assessment: a migrated database with the built-in
 * catalogue, three care providers, three insurers and a municipality, the
 * principals of their accounts, a clock the test sets to the microsecond,
 * and the conform example application re-pointed at these organisations.
 *
 * Include after harness.h and testdb.h.
 */
#ifndef DOORBRAAK_INDIENING_TESTDATA_H
#define DOORBRAAK_INDIENING_TESTDATA_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/aanvraag/aanvraagdossier.h"
#include "core/beoordeling/beoordeling.h"
#include "core/catalogus/catalogus.h"
#include "core/aanvraag/indiening.h"
#include "core/aanvraag/indieningsronde.h"
#include "core/basis/json.h"
#include "core/basis/klok.h"
#include "core/toegang/organisatie.h"

#define CONFORM_PAD "voorbeelden/aanvragen/conform-spraakgestuurd-rapporteren.json"

/* 2027-01-01T00:00:00Z, 2027-01-10T09:00:00Z and 2027-03-01T12:00:00Z. */
#define T_BEGIN_US (INT64_C(1798761600) * KLOK_US_PER_S)
#define T_OPENT_US (INT64_C(1799571600) * KLOK_US_PER_S)
#define T_SLUIT_US (INT64_C(1803902400) * KLOK_US_PER_S)

struct wereld {
	struct store *s;
	struct arena a;
	int64_t nu_us;               /* the clock; tests move it */
	struct klok klok;
	int64_t aanbieder[4], verzekeraar[3], gemeente;
	struct principal penvoerder, deelnemer, buitenstaander;   /* aanvragers */
	struct principal coordinerend, tweede, derde;             /* beoordelaars */
	struct principal pb, auditor;
	int64_t ronde;
	json_t *doc;                 /* conform, re-pointed */
};

static inline struct principal wereld_principal(int64_t org, unsigned rollen, const char *actor)
{
	return (struct principal){.account_id = 1, .organisatie_id = org, .roles = rollen, .actor = actor};
}

static inline int64_t wereld_org(struct wereld *w, const char *soort, const char *naam,
				 const char *agb, const char *uzovi, const char *cbs)
{
	struct principal sys = {.actor = "test"};
	struct organisatie o = {.soort = soort, .naam = naam, .agb_code = agb, .kvk_nummer = agb ? agb : NULL,
				.uzovi_code = uzovi, .concern = uzovi ? "Testconcern" : NULL, .cbs_code = cbs};
	if (cbs)
		o.naam = NULL;
	int64_t id = 0;
	struct error e;
	error_clear(&e);
	if (organisatie_maak(w->s, &sys, &o, false, &id, &e) != RC_OK)
		printf("  (organisatie %s: %s)\n", naam ? naam : cbs, e.message);
	return id;
}

/* Replaces every integer `van` in `v` (recursively) by `naar`. */
static inline void wereld_vervang(json_t *v, json_int_t van, json_int_t naar)
{
	if (json_is_object(v)) {
		const char *k;
		json_t *x;
		json_object_foreach(v, k, x) {
			if (json_is_integer(x) && json_integer_value(x) == van)
				json_integer_set(x, naar);
			else
				wereld_vervang(x, van, naar);
		}
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			if (json_is_integer(x) && json_integer_value(x) == van)
				json_integer_set(x, naar);
			else
				wereld_vervang(x, van, naar);
		}
	}
}

/* A round of catalogue version 1 opening at T_OPENT_US and closing at
 * T_SLUIT_US, made with the clock at T_BEGIN_US. */
static inline int64_t wereld_ronde(struct wereld *w, const char *naam, int64_t opent, int64_t sluit)
{
	char o[KLOK_TEKST_BYTES], c[KLOK_TEKST_BYTES];
	struct indieningsronde_invoer in = {
		.naam = naam, .catalogusversie = 1, .impactlat_id = "B", .uitloopjaar_toegestaan = 1,
		.opent_op = klok_tekst(opent, o, sizeof o), .sluit_op = klok_tekst(sluit, c, sizeof c),
	};
	int64_t id = 0, bewaard = w->nu_us;
	struct error e;
	error_clear(&e);
	w->nu_us = T_BEGIN_US;
	if (indieningsronde_maak(w->s, &w->pb, &w->klok, &in, &id, &e) != RC_OK)
		printf("  (ronde: %s)\n", e.message);
	w->nu_us = bewaard;
	return id;
}

static inline bool wereld_open(struct wereld *w, const char *url)
{
	memset(w, 0, sizeof *w);
	arena_init(&w->a, 256u << 20);
	w->s = testdb_open_migrated(url);
	if (!w->s)
		return false;
	struct error e;
	error_clear(&e);
	int64_t v = 0;
	if (catalogus_laad_standaard(w->s, &v, &e) != RC_OK) {
		printf("  (catalogus: %s)\n", e.message);
		return false;
	}
	klok_vast(&w->klok, &w->nu_us);
	w->nu_us = T_BEGIN_US;
	w->aanbieder[0] = wereld_org(w, "zorgaanbieder", "Test GGZ", "98000001", NULL, NULL);
	w->aanbieder[1] = wereld_org(w, "zorgaanbieder", "Test VVT", "98000002", NULL, NULL);
	w->aanbieder[2] = wereld_org(w, "zorgaanbieder", "Test Ziekenhuis", "98000003", NULL, NULL);
	w->aanbieder[3] = wereld_org(w, "zorgaanbieder", "Test Buiten", "98000004", NULL, NULL);
	w->verzekeraar[0] = wereld_org(w, "zorgverzekeraar", "Test Verzekeraar A", NULL, "9801", NULL);
	w->verzekeraar[1] = wereld_org(w, "zorgverzekeraar", "Test Verzekeraar B", NULL, "9802", NULL);
	w->verzekeraar[2] = wereld_org(w, "zorgverzekeraar", "Test Verzekeraar C", NULL, "9803", NULL);
	w->gemeente = wereld_org(w, "gemeente", NULL, NULL, NULL, "0014");
	w->penvoerder = wereld_principal(w->aanbieder[0], ROL_AANVRAGER, "gebruiker:1");
	w->deelnemer = wereld_principal(w->aanbieder[1], ROL_AANVRAGER, "gebruiker:2");
	w->buitenstaander = wereld_principal(w->aanbieder[3], ROL_AANVRAGER, "gebruiker:3");
	w->coordinerend = wereld_principal(w->verzekeraar[0], ROL_BEOORDELAAR, "gebruiker:4");
	w->tweede = wereld_principal(w->verzekeraar[1], ROL_BEOORDELAAR, "gebruiker:5");
	w->derde = wereld_principal(w->verzekeraar[2], ROL_BEOORDELAAR, "gebruiker:6");
	w->pb = wereld_principal(1, ROL_PROGRAMMABUREAU, "gebruiker:7");
	w->auditor = wereld_principal(1, ROL_AUDITOR, "gebruiker:8");
	w->ronde = wereld_ronde(w, "Testronde", T_OPENT_US, T_SLUIT_US);
	json_error_t je;
	w->doc = json_load_file(CONFORM_PAD, JSON_REJECT_DUPLICATES, &je);
	if (!w->doc)
		return false;
	/* The example's coalition: 1001 (lead), 1002, 1003; insurers 2001, 2002.
	 * The fourth provider stays out of the coalition: it is the outsider. */
	wereld_vervang(w->doc, 1001, w->aanbieder[0]);
	wereld_vervang(w->doc, 1002, w->aanbieder[1]);
	wereld_vervang(w->doc, 1003, w->aanbieder[2]);
	wereld_vervang(w->doc, 2001, w->verzekeraar[0]);
	wereld_vervang(w->doc, 2002, w->verzekeraar[1]);
	return w->aanbieder[0] > 0 && w->verzekeraar[2] > 0 && w->ronde > 0;
}

static inline void wereld_sluit(struct wereld *w)
{
	json_decref(w->doc);
	store_close(w->s);
	arena_release(&w->a);
}

/* Creates a draft of `doc` for `who` in round `ronde`; 0 on failure. */
static inline int64_t wereld_concept(struct wereld *w, const struct principal *who, int64_t ronde,
				     json_t *doc, struct error *e)
{
	struct aanvraagdossier_invoer in = {.ronde_id = ronde, .document = doc};
	struct aanvraagdossier_opgeslagen o;
	error_clear(e);
	if (aanvraagdossier_maak(w->s, who, &w->klok, &in, &w->a, &o, e) != RC_OK)
		return 0;
	return o.id;
}

/* SELECT count(*) on the world's database; -1 on error. */
struct wereld_telling {
	const char *sql;
	int64_t n;
};

static inline rc_t wereld_tel_tx(struct store *s, void *ctx, struct error *e)
{
	struct wereld_telling *t = ctx;
	return store_query_int(s, t->sql, NULL, 0, &t->n, e);
}

static inline int64_t wereld_tel(struct wereld *w, const char *sql)
{
	struct wereld_telling t = {sql, -1};
	struct error e;
	error_clear(&e);
	if (store_tx(w->s, STORE_READ, wereld_tel_tx, &t, &e) != RC_OK)
		printf("  (%s: %s)\n", sql, e.message);
	return t.n;
}

/* True when `e` has a problem with this code. */
static inline bool heeft_code(const struct error *e, const char *code)
{
	for (size_t i = 0; i < e->item_count; i++)
		if (strcmp(e->items[i].code, code) == 0)
			return true;
	return false;
}

#endif
