/*
 * toekenning_testhulp.h -- test helper (build/toekenning_testhulp and the unit
 * tests of the NZa step): writes a
 * board's decision on a round the way the board's decision contract describes it
 * (docs/beschikking.md §7), so that the tests of the NZa step can choose the
 * money of each theme and year themselves:
 *
 *   toekenning_testhulp DB RONDE [--jaar THEMA/JAAR=CENT]... AANVRAAG:THEMA:JAAR=CENT[,JAAR=CENT]...
 *
 * In ONE transaction: the Zvw tree of docs/grootboek.md §2 (bron/zvw ->
 * zvw EUR 600M, zvw -> zvw/<thema> its catalogue richtbedrag, zvw/<thema>
 * -> zvw/<thema>/<jaar> the amounts of --jaar), a verdeelscenario and a
 * bestuursbesluit row for the round, a toekenning row per application and
 * year, and per application one linked chain of reservations
 * zvw/<thema>/<jaar> => project/<aanvraag> with keys
 * toekenning/<aanvraag>/<jaar> -- the same rows and entries as
 * bestuursbesluit_neem() writes, without a scenario computation. Prints
 * the decision's id. Exit 1 with the ledger's reasons when it does not fit.
 * Test code only: never linked into doorbraak.
 */
#ifndef DOORBRAAK_TOEKENNING_TESTHULP_H
#define DOORBRAAK_TOEKENNING_TESTHULP_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/geld/grootboek.h"
#include "store/store.h"

#ifndef MAX
#define MAX 64   /* grants per decision; a benchmark may define more */
#endif

struct jaar_geld { char thema[64]; int64_t jaar, cent; };
struct toekenning { int64_t aanvraag; char thema[64]; int64_t jaar, cent; };

struct hulp {
	int64_t ronde;
	struct jaar_geld geld[MAX];
	size_t geld_n;
	struct toekenning t[MAX];
	size_t t_n;
	int64_t besluit;
};

static inline int64_t richtbedrag(const char *thema)
{
	if (strcmp(thema, "medische-technologie") == 0)
		return INT64_C(5000000000);
	return INT64_C(27500000000);   /* ai, digitale-hybride-zorg [002 §4.1] */
}

static inline rc_t open_rekening(struct store *s, const char *code, enum rekening_soort soort, unsigned vl,
			  struct error *e)
{
	struct rekening_def d = {code, code, soort, vl};
	int64_t id;
	return grootboek_rekening_open(s, &d, &id, e);
}

static inline rc_t boek(struct store *s, struct boeking *b, size_t n, struct error *e)
{
	struct boeking_resultaat r[MAX * 2];
	rc_t rc = grootboek_boek(s, b, n, r, e);
	return rc == RC_OK ? grootboek_weigeringen(b, r, n, e) : rc;
}

static inline rc_t boom(struct store *s, struct hulp *h, struct error *e)
{
	rc_t rc = open_rekening(s, "bron/zvw", REKENING_BRON, 0, e);
	if (rc == RC_OK)
		rc = open_rekening(s, "zvw", REKENING_POT, REKENING_DEBET_BEGRENSD, e);
	struct boeking macro = {.sleutel = "macrokader/zvw/1", .soort = BOEKING_DIRECT, .debet = "bron/zvw",
				.credit = "zvw", .bedrag_cent = INT64_C(60000000000), .code = "macrokader"};
	if (rc == RC_OK)
		rc = boek(s, &macro, 1, e);
	char code[3][80], sleutel[2][120];
	for (size_t i = 0; rc == RC_OK && i < h->geld_n + h->t_n; i++) {
		const char *thema = i < h->geld_n ? h->geld[i].thema : h->t[i - h->geld_n].thema;
		int64_t jaar = i < h->geld_n ? h->geld[i].jaar : h->t[i - h->geld_n].jaar;
		snprintf(code[0], sizeof code[0], "zvw/%s", thema);
		snprintf(code[1], sizeof code[1], "zvw/%s/%" PRId64, thema, jaar);
		snprintf(sleutel[0], sizeof sleutel[0], "thema/%s/richtbedrag/1", thema);
		rc = open_rekening(s, code[0], REKENING_THEMA, REKENING_DEBET_BEGRENSD, e);
		if (rc == RC_OK)
			rc = open_rekening(s, code[1], REKENING_JAAR, REKENING_DEBET_BEGRENSD, e);
		struct boeking tb = {.sleutel = sleutel[0], .soort = BOEKING_DIRECT, .debet = "zvw",
				     .credit = code[0], .bedrag_cent = richtbedrag(thema), .code = "richtbedrag"};
		if (rc == RC_OK)
			rc = boek(s, &tb, 1, e);
		if (rc != RC_OK || i >= h->geld_n)
			continue;
		snprintf(sleutel[1], sizeof sleutel[1], "thema/%s/%" PRId64 "/test%" PRId64, thema, jaar, h->ronde);
		struct boeking jb = {.sleutel = sleutel[1], .soort = BOEKING_DIRECT, .debet = code[0],
				     .credit = code[1], .bedrag_cent = h->geld[i].cent, .code = "jaar"};
		rc = boek(s, &jb, 1, e);
	}
	return rc;
}

static inline rc_t besluit(struct store *s, struct hulp *h, struct error *e)
{
	const char *nul = "0000000000000000000000000000000000000000000000000000000000000000";
	struct store_param p[] = {SP_I(h->ronde), SP_T(nul), SP_T(nul)};
	int64_t scenario = 0;
	rc_t rc = store_query_int(s,
		"INSERT INTO verdeelscenario (ronde_id, naam, regel, parameters, resultaat, invoer_hash, seed,"
		" regelversie, aangemaakt_op, aangemaakt_door, kandidaten, kandidaten_hash,"
		" kandidaat_aantal, fte_milli, besteed_cent) VALUES (?, 'testhulp', 'optimaal', '{}', '{}',"
		" ?, 'test', 'test', '2027-01-01T00:00:00.000000Z', 'testhulp', '[]', ?, 0, 0, 0)"
		" RETURNING id", p, 3, &scenario, e);
	struct store_param q[] = {SP_I(h->ronde), SP_I(scenario)};
	if (rc == RC_OK)
		rc = store_query_int(s,
			"INSERT INTO bestuursbesluit (ronde_id, scenario_id, motivering, genomen_op,"
			" genomen_door) VALUES (?, ?, 'Testhulp: besluit volgens het contract van issue 6.',"
			" '2027-01-01T00:00:00.000000Z', 'testhulp') RETURNING id", q, 2, &h->besluit, e);
	return rc;
}

static inline rc_t toekennen(struct store *s, struct hulp *h, struct error *e)
{
	struct boeking b[MAX];
	char sleutel[MAX][80], debet[MAX][80], credit[MAX][80];
	size_t n = 0;
	rc_t rc = RC_OK;
	for (size_t i = 0; rc == RC_OK && i < h->t_n; i++) {
		const struct toekenning *t = &h->t[i];
		struct store_param p[] = {SP_I(h->besluit), SP_I(t->aanvraag), SP_T(t->thema), SP_I(t->jaar),
					  SP_I(t->cent)};
		rc = store_query(s, "INSERT INTO toekenning (besluit_id, aanvraag_id, thema, jaar, bedrag_cent)"
				 " VALUES (?, ?, ?, ?, ?)", p, 5, NULL, NULL, e);
		snprintf(sleutel[n], sizeof sleutel[n], "toekenning/%" PRId64 "/%" PRId64, t->aanvraag, t->jaar);
		snprintf(debet[n], sizeof debet[n], "zvw/%s/%" PRId64, t->thema, t->jaar);
		snprintf(credit[n], sizeof credit[n], "project/%" PRId64, t->aanvraag);
		char naam[80];
		snprintf(naam, sizeof naam, "Project van aanvraag %" PRId64, t->aanvraag);
		struct rekening_def pd = {credit[n], naam, REKENING_PROJECT, REKENING_DEBET_BEGRENSD};
		int64_t pid;
		if (rc == RC_OK)
			rc = grootboek_rekening_open(s, &pd, &pid, e);
		bool volgende_zelfde = i + 1 < h->t_n && h->t[i + 1].aanvraag == t->aanvraag;
		b[n] = (struct boeking){.sleutel = sleutel[n], .soort = BOEKING_RESERVERING, .debet = debet[n],
					.credit = credit[n], .bedrag_cent = t->cent, .code = "toekenning",
					.gekoppeld = volgende_zelfde};
		n++;
	}
	if (rc == RC_OK && n)
		rc = boek(s, b, n, e);
	return rc;
}

static inline rc_t toekenning_testhulp_tx(struct store *s, void *ctx, struct error *e)
{
	struct hulp *h = ctx;
	rc_t rc = boom(s, h, e);
	if (rc == RC_OK)
		rc = besluit(s, h, e);
	if (rc == RC_OK)
		rc = toekennen(s, h, e);
	struct audit_entry a = {"testhulp", "bestuursbesluit.neem", "testhulp", "gelukt", NULL};
	if (rc == RC_OK)
		rc = audit_append(s, &a, e);
	return rc;
}

#endif
