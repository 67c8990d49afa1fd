/* test_geldleven.c -- the whole life of the money under a seeded random
 * workload, against a small reference model (a sibling of
 * test_grootboek_invariant, one level up: the domain, not the ledger).
 *
 * A world with NPROJ granted projects (years 2027 and 2028, one
 * coordinating insurer) lives from March 2027 into 2030 while the clock
 * moves on by random days. Each step takes one action of one party, chosen
 * at random -- report and pay a milestone, correct a payment, account for a
 * year, ask for information, test for plausibility (and, when a project's
 * years are complete, reclaim), submit the insurer's yearly statement,
 * judge it (NZa), settle it (Zorginstituut) -- and then asserts:
 *   - the outcome (accepted, or refused with the rule's code) is the
 *     model's, and a refusal changes nothing;
 *   - the ledger is the model: per project what was paid less reclaimed,
 *     the insurer's paid and settled accounts;
 *   - per project 0 <= paid - reclaimed <= upper bound; a reclaim is
 *     exactly max(0, paid - plausible) once the years are complete;
 *   - the pot holds at most EUR 600 mln and no account of the Zvw tree
 *     (pot, theme, year) has more posted and reserved than it holds;
 *   - per statement te_vereffenen is the model's (cumulative
 *     min(plausible, paid - reclaimed) per project, less the previous
 *     statement's), and settled <= judged <= te_vereffenen, per year and
 *     in total;
 * and every 50 steps and at the end that the ledger replays
 * (grootboek_herspeel) and at the end that `hledger check -s` accepts the
 * exported journal (when hledger is installed).
 *
 *   DOORBRAAK_SEED=n      the seed (default: the time); printed at the start
 *   DOORBRAAK_STAPPEN=n   steps per backend (default 1000 on SQLite, 500 on
 *                         PostgreSQL)
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation"
#include "testdb.h"
#pragma GCC diagnostic pop
#include "invariant.h"
#include "beschikking_testdata.h"

#include "core/betaling/correctie.h"
#include "core/verantwoording/jaarstaat.h"
#include "core/verantwoording/verantwoording_dossier.h"
#include "core/verantwoording/verevening.h"

#define NPROJ 8
#define NMIJL 5
#define NJAAR 4                      /* 2027 .. 2030: index jaar - 2027 */
#define DAG_US (INT64_C(86400) * KLOK_US_PER_S)
#define EIND_US (INT64_C(1924905600) * KLOK_US_PER_S)   /* 2031-01-01 */

/* ---- random numbers (splitmix64) ------------------------------------ */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int64_t rnd_tot(int64_t n) { return n > 0 ? (int64_t)(rnd() % (uint64_t)n) : 0; } /* [0, n) */

/* ---- the reference model ------------------------------------------------- */

struct m_project {
	int64_t b, aanvraag, bovengrens;
	bool gemeld[NMIJL], betaald[NMIJL];
	int64_t mijlpaal_netto[NMIJL];
	int64_t netto_jaar[NJAAR];        /* payments and corrections, per year made */
	int64_t terug, terug_jaar;        /* the reclaim and its year (0: none) */
	bool ingediend[2], getoetst[2], gevraagd[2];
	int64_t vid[2], plausibel[2];
	int64_t f_vorig;                  /* vereffenbaar_tot of the last statement */
};

struct m_staat {
	bool ingediend, geoordeeld, verevend;
	int64_t id, te_vereffenen, erkend;
};

struct lopend {
	struct wereld w;
	struct principal zi;
	struct m_project p[NPROJ];
	struct m_staat staat[NJAAR];
	unsigned long long seed;
	int stap;
	bool mis;
	size_t gedaan[10], geweigerd[10];
};

static const char *const MIJL[NMIJL] = {"m1", "m2", "m3", "m4", "m5"};

static void meld(struct lopend *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("  FOUT stap %d (seed %llu): ", l->stap, l->seed);
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	l->mis = true;
	CHECK(false);
}

static int64_t nu_jaar(const struct lopend *l)
{
	return klok_jaar(&l->w.klok);
}

static int64_t m_netto(const struct m_project *p, int64_t tot_jaar)
{
	int64_t n = 0;
	for (int j = 0; j < NJAAR && 2027 + j <= tot_jaar; j++)
		n += p->netto_jaar[j];
	return n;
}

/* Paid less reclaimed up to and including `tot_jaar`. */
static int64_t m_netto_tot(const struct m_project *p, int64_t tot_jaar)
{
	return m_netto(p, tot_jaar) - (p->terug_jaar && p->terug_jaar <= tot_jaar ? p->terug : 0);
}

static int64_t m_plausibel_tot(const struct m_project *p, int64_t tot_jaar)
{
	int64_t s = 0;
	for (int j = 0; j < 2 && 2027 + j <= tot_jaar; j++)
		s += p->getoetst[j] ? p->plausibel[j] : 0;
	return s;
}

/* Every year tested: the project's money is final. */
static bool compleet(const struct m_project *p) { return p->getoetst[0] && p->getoetst[1]; }

/* Expects rc to be RC_OK when code is NULL, else a refusal naming code. */
static bool verwacht(struct lopend *l, const char *wat, rc_t rc, const struct error *e, const char *code)
{
	if (!code && rc != RC_OK)
		meld(l, "%s geweigerd (%d): %s %s", wat, rc, e->message, e->item_count ? e->items[0].detail : "");
	else if (code && (rc == RC_OK || !heeft_code(e, code)))
		meld(l, "%s: verwacht %s, kreeg rc %d (%s %s)", wat, code, rc, e->message,
		     e->item_count ? e->items[0].code : "");
	return !l->mis && rc == RC_OK;
}

/* ---- the actions ------------------------------------------------------------ */

static void betaal(struct lopend *l)
{
	struct m_project *p = &l->p[rnd_tot(NPROJ)];
	int k = (int)rnd_tot(NMIJL);
	struct error e;
	error_clear(&e);
	if (!p->gemeld[k]) {
		rc_t rc = mijlpaal_meld(l->w.s, &l->w.penvoerder, &l->w.klok, p->b, MIJL[k], "Verslag.", NULL, &e);
		if (!verwacht(l, "melden", rc, &e, NULL))
			return;
		p->gemeld[k] = true;
	}
	if (p->betaald[k])
		return;
	int64_t bedrag = 1 + rnd_tot(p->bovengrens / 2), jaar = nu_jaar(l);
	int64_t ruimte = p->bovengrens - (m_netto(p, 9999) - p->terug);
	const char *code = compleet(p) ? "project_afgerond" : jaar > 2029 ? "buiten_fondsjaren"   /* [003 §8b] */
			   : l->staat[jaar - 2027].ingediend ? "jaarstaat_ingediend"
			   : bedrag > ruimte ? "boven_bovengrens" : NULL;
	struct mijlpaal uit;
	error_clear(&e);
	rc_t rc = mijlpaal_betaal(l->w.s, &l->w.coordinerend, &l->w.klok, p->b, MIJL[k], true, bedrag, &l->w.a,
				  &uit, &e);
	if (verwacht(l, "betalen", rc, &e, code)) {
		p->betaald[k] = true;
		p->mijlpaal_netto[k] = bedrag;
		p->netto_jaar[jaar - 2027] += bedrag;
		l->gedaan[0]++;
	} else
		l->geweigerd[0]++;
}

static void corrigeer(struct lopend *l)
{
	struct m_project *p = &l->p[rnd_tot(NPROJ)];
	int k = (int)rnd_tot(NMIJL);
	int64_t jaar = nu_jaar(l), netto = p->mijlpaal_netto[k];
	int64_t bedrag = rnd_tot(3) == 0 ? 1 + rnd_tot(p->bovengrens / 10) : -(1 + rnd_tot(netto + netto / 4 + 1));
	int64_t ruimte = p->bovengrens - (m_netto(p, 9999) - p->terug);
	const char *code = !p->betaald[k] ? "niet_betaald"
			   : bedrag < 0 && netto + bedrag < 0 ? "onder_nul"
			   : compleet(p) ? "project_afgerond"
			   : jaar > 2029 ? "buiten_fondsjaren"
			   : l->staat[jaar - 2027].ingediend ? "jaarstaat_ingediend"
			   : bedrag > ruimte ? "boven_bovengrens" : NULL;
	struct mijlpaal uit;
	struct error e;
	error_clear(&e);
	rc_t rc = mijlpaal_corrigeer(l->w.s, &l->w.coordinerend, &l->w.klok, p->b, MIJL[k], bedrag,
				     "Tarief verkeerd overgenomen.", &l->w.a, &uit, &e);
	if (verwacht(l, "corrigeren", rc, &e, code)) {
		p->mijlpaal_netto[k] += bedrag;
		p->netto_jaar[jaar - 2027] += bedrag;
		if (uit.betaald_cent + uit.gecorrigeerd_cent != p->mijlpaal_netto[k])
			meld(l, "netto van %s: %" PRId64 ", model %" PRId64, MIJL[k],
			     uit.betaald_cent + uit.gecorrigeerd_cent, p->mijlpaal_netto[k]);
		l->gedaan[1]++;
	} else
		l->geweigerd[1]++;
}

static void verantwoord(struct lopend *l)
{
	struct m_project *p = &l->p[rnd_tot(NPROJ)];
	int j = (int)rnd_tot(2);
	bool mag = !p->ingediend[j] || p->gevraagd[j];
	json_t *regels = json_array();
	int n = 1 + (int)rnd_tot(3);
	for (int i = 0; i < n; i++)
		json_array_append_new(regels, json_pack("{s:I, s:s, s:s, s:s, s:I, s:s}", "zorgaanbieder",
					(json_int_t)l->w.aanbieder[0], "kostensoort", i % 2 ? "materieel" : "personeel",
					"aard", "eenmalig", "doel", "implementatie", "bedrag_cent",
					(json_int_t)(1 + rnd_tot(p->bovengrens / 3)), "toelichting", "Zie urenregistratie."));
	json_t *doc = json_pack("{s:I, s:o, s:[], s:b}", "jaar", (json_int_t)(2027 + j), "regels", regels,
				"mijlpalen", "geen_dubbele_financiering", 1);
	json_t *uit = NULL;
	struct error e;
	error_clear(&e);
	rc_t rc = verantwoording_dien_in(l->w.s, &l->w.penvoerder, &l->w.klok, p->b, doc, &l->w.a, &uit, &e);
	if (verwacht(l, "verantwoorden", rc, &e, mag ? NULL : "al_ingediend")) {
		p->ingediend[j] = true;
		p->gevraagd[j] = false;
		p->vid[j] = json_integer_value(json_object_get(uit, "id"));
		l->gedaan[2]++;
	} else
		l->geweigerd[2]++;
	json_decref(uit);
	json_decref(doc);
}

/* The accountability version `vid` as stored (its lines). */
static json_t *versie_lees(struct lopend *l, const struct m_project *p, int64_t vid)
{
	json_t *lijst = NULL, *x, *gevonden = NULL;
	struct error e;
	error_clear(&e);
	if (verantwoording_lijst(l->w.s, &l->w.a, &l->w.coordinerend, p->b, &lijst, &e) != RC_OK)
		return NULL;
	size_t i;
	json_array_foreach(json_object_get(lijst, "verantwoordingen"), i, x)
		if (json_integer_value(json_object_get(x, "id")) == vid)
			gevonden = json_incref(json_object_get(x, "document"));
	json_decref(lijst);
	return gevonden;
}

static void vraag_of_toets(struct lopend *l)
{
	struct m_project *p = &l->p[rnd_tot(NPROJ)];
	int j = (int)rnd_tot(2);
	if (!p->ingediend[j] || p->getoetst[j] || p->gevraagd[j])
		return;
	struct error e;
	error_clear(&e);
	json_t *uit = NULL;
	if (rnd_tot(4) == 0) {
		json_t *b = json_pack("{s:s}", "vraag", "Stuur de facturen.");
		rc_t rc = verantwoording_vraag_informatie(l->w.s, &l->w.coordinerend, &l->w.klok, p->vid[j], b,
							  &l->w.a, &uit, &e);
		if (verwacht(l, "informatie vragen", rc, &e, NULL))
			p->gevraagd[j] = true;
		json_decref(b);
		json_decref(uit);
		l->gedaan[3]++;
		return;
	}
	json_t *doc = versie_lees(l, p, p->vid[j]);
	json_t *oordelen = json_array(), *x;
	int64_t plausibel = 0;
	size_t i;
	json_array_foreach(json_object_get(doc, "regels"), i, x) {
		int64_t bedrag = json_integer_value(json_object_get(x, "bedrag_cent"));
		int soort = (int)rnd_tot(3);
		if (soort == 0) {
			json_array_append_new(oordelen, json_pack("{s:I, s:s, s:s}", "regel", (json_int_t)i, "oordeel",
								  "aanvaard", "motivering", "Onderbouwd."));
			plausibel += bedrag;
		} else if (soort == 1) {
			int64_t lager = rnd_tot(bedrag);
			json_array_append_new(oordelen, json_pack("{s:I, s:s, s:I, s:s}", "regel", (json_int_t)i, "oordeel",
								  "lager", "bedrag_cent", (json_int_t)lager,
								  "motivering", "Deels onderbouwd."));
			plausibel += lager;
		} else
			json_array_append_new(oordelen, json_pack("{s:I, s:s, s:s}", "regel", (json_int_t)i, "oordeel",
								  "afgewezen", "motivering", "Geen facturen."));
	}
	json_t *b = json_pack("{s:o}", "oordelen", oordelen);
	rc_t rc = verantwoording_plausibiliteit(l->w.s, &l->w.coordinerend, &l->w.klok, p->vid[j], b, &l->w.a,
						&uit, &e);
	if (verwacht(l, "toetsen", rc, &e, NULL)) {
		p->getoetst[j] = true;
		p->plausibel[j] = plausibel;
		int64_t terug = 0;
		if (p->getoetst[0] && p->getoetst[1] && !p->terug_jaar) {
			int64_t netto = m_netto(p, 9999), ptot = p->plausibel[0] + p->plausibel[1];
			terug = netto > ptot ? netto - ptot : 0;
			if (terug > 0) {
				p->terug = terug;
				p->terug_jaar = nu_jaar(l);
			}
		}
		int64_t gekregen = json_integer_value(json_object_get(uit, "terugvordering_cent"));
		if (gekregen != terug)
			meld(l, "terugvordering %" PRId64 ", model %" PRId64, gekregen, terug);
		l->gedaan[4]++;
	}
	json_decref(b);
	json_decref(doc);
	json_decref(uit);
}

static void jaarstaat(struct lopend *l)
{
	/* mostly the first year not yet stated, now and then any year */
	int64_t jaar = 2027;
	while (jaar < nu_jaar(l) && l->staat[jaar - 2027].ingediend)
		jaar++;
	if (rnd_tot(5) == 0)
		jaar = 2027 + rnd_tot(nu_jaar(l) - 2027 + 1);
	struct m_staat *st = &l->staat[jaar - 2027];
	bool later = false, open = false;
	for (int j = (int)(jaar - 2027) + 1; j < NJAAR; j++)
		later = later || l->staat[j].ingediend;
	int64_t totaal = 0, f[NPROJ];
	for (int i = 0; i < NPROJ; i++) {
		const struct m_project *p = &l->p[i];
		if (jaar <= 2028 && !p->getoetst[jaar - 2027])
			open = true;
		int64_t pt = m_plausibel_tot(p, jaar), n = m_netto_tot(p, jaar);
		f[i] = pt < n ? pt : n;
		if (f[i] < 0)
			f[i] = 0;
		totaal += f[i] - p->f_vorig;
	}
	const char *code = st->ingediend ? "al_ingediend" : later ? "latere_jaarstaat" : open ? "niet_getoetst"
			   : totaal < 0 ? "negatief" : NULL;
	json_t *uit = NULL;
	struct error e;
	error_clear(&e);
	rc_t rc = jaarstaat_dien_in(l->w.s, &l->w.coordinerend, &l->w.klok, jaar, &l->w.a, &uit, &e);
	if (verwacht(l, "jaarstaat", rc, &e, code)) {
		int64_t tv = json_integer_value(json_object_get(uit, "te_vereffenen_cent"));
		if (tv != totaal)
			meld(l, "jaarstaat %" PRId64 ": te vereffenen %" PRId64 ", model %" PRId64, jaar, tv, totaal);
		*st = (struct m_staat){.ingediend = true, .id = json_integer_value(json_object_get(uit, "id")),
				       .te_vereffenen = tv};
		for (int i = 0; i < NPROJ; i++)
			l->p[i].f_vorig = f[i];
		l->gedaan[5]++;
	} else
		l->geweigerd[5]++;
	json_decref(uit);
}

static void oordeel_en_verevening(struct lopend *l)
{
	struct m_staat *st = &l->staat[rnd_tot(NJAAR)];
	int64_t jaar = 2027 + (st - l->staat);
	json_t *uit = NULL, *b = NULL;
	struct error e;
	error_clear(&e);
	if (st->ingediend && !st->geoordeeld) {
		int soort = (int)rnd_tot(3);
		if (soort == 1 && st->te_vereffenen < 2)
			soort = 0;
		int64_t erkend = soort == 0 ? st->te_vereffenen : soort == 1 ? 1 + rnd_tot(st->te_vereffenen - 1) : 0;
		b = soort == 0 ? json_pack("{s:s, s:s}", "oordeel", "plausibel", "motivering", "Plausibel.")
		    : json_pack("{s:s, s:I, s:s, s:[{s:s, s:s, s:s}]}", "oordeel", soort == 1 ? "lager" : "niet_plausibel",
				"erkend_cent", (json_int_t)erkend, "motivering", "Deels niet onderbouwd.", "bevindingen",
				"code", "onderbouwing", "bron", "[001 §5]", "tekst", "Urenregistratie ontbreekt.");
		rc_t rc = jaarstaat_rechtsoordeel(l->w.s, bt_nza(), &l->w.klok, st->id, b, &l->w.a, &uit, &e);
		if (verwacht(l, "rechtsoordeel", rc, &e, NULL)) {
			st->geoordeeld = true;
			st->erkend = erkend;
			l->gedaan[6]++;
		}
	} else if (st->geoordeeld && !st->verevend) {
		b = json_pack("{s:I, s:I}", "verzekeraar_id", (json_int_t)l->w.verzekeraar[0], "jaar", (json_int_t)jaar);
		rc_t rc = verevening_maak(l->w.s, &l->zi, &l->w.klok, b, &l->w.a, &uit, &e);
		if (verwacht(l, "verevening", rc, &e, NULL)) {
			st->verevend = true;
			if (json_integer_value(json_object_get(uit, "bedrag_cent")) != st->erkend)
				meld(l, "verevening %" PRId64 ": niet het erkende bedrag", jaar);
			l->gedaan[7]++;
		}
	} else if (st->verevend) {
		b = json_pack("{s:I, s:I}", "verzekeraar_id", (json_int_t)l->w.verzekeraar[0], "jaar", (json_int_t)jaar);
		rc_t rc = verevening_maak(l->w.s, &l->zi, &l->w.klok, b, &l->w.a, &uit, &e);
		verwacht(l, "tweede verevening", rc, &e, "al_verevend");
		l->geweigerd[7]++;
	}
	json_decref(b);
	json_decref(uit);
}

/* ---- the invariants ----------------------------------------------------------- */

static void controleer(struct lopend *l)
{
	int64_t betaald = 0, terug = 0;
	for (int i = 0; i < NPROJ && !l->mis; i++) {
		const struct m_project *p = &l->p[i];
		char code[64];
		snprintf(code, sizeof code, "project/%" PRId64, p->aanvraag);
		struct rekening r = bt_saldo(&l->w, code);
		int64_t netto = m_netto(p, 9999) - p->terug;
		/* the project holds the upper bound; what left it is paid less reclaimed */
		if (r.debet_geboekt_cent - (r.credit_geboekt_cent - p->bovengrens) != netto)
			meld(l, "%s: betaald min teruggevorderd %" PRId64 ", model %" PRId64, code,
			     r.debet_geboekt_cent - (r.credit_geboekt_cent - p->bovengrens), netto);
		if (netto < 0 || netto > p->bovengrens || r.debet_geboekt_cent > r.credit_geboekt_cent)
			meld(l, "%s: %" PRId64 " buiten [0, bovengrens %" PRId64 "]", code, netto, p->bovengrens);
		if (p->terug > 0 && !(p->getoetst[0] && p->getoetst[1]))
			meld(l, "%s: teruggevorderd voordat elk jaar getoetst is", code);
		betaald += m_netto(p, 9999);
		terug += p->terug;
	}
	struct rekening v = bt_saldo(&l->w, "verzekeraar/9801/betaald");
	if (!l->mis && v.credit_geboekt_cent - v.debet_geboekt_cent != betaald - terug)
		meld(l, "verzekeraar/9801/betaald: %" PRId64 ", model %" PRId64, v.credit_geboekt_cent - v.debet_geboekt_cent,
		     betaald - terug);
	int64_t verevend = 0, erkend = 0, vereffenen = 0;
	for (int j = 0; j < NJAAR && !l->mis; j++) {
		const struct m_staat *st = &l->staat[j];
		if (st->geoordeeld && (st->erkend < 0 || st->erkend > st->te_vereffenen))
			meld(l, "jaar %d: erkend %" PRId64 " buiten [0, %" PRId64 "]", 2027 + j, st->erkend, st->te_vereffenen);
		verevend += st->verevend ? st->erkend : 0;
		erkend += st->geoordeeld ? st->erkend : 0;
		vereffenen += st->ingediend ? st->te_vereffenen : 0;
	}
	/* the sum of upper bounds within the fund and each year's budget: no
	 * capped account of the Zvw tree below zero */
	static const char *const bomen[] = {"zvw", "zvw/ai", "zvw/ai/2027", "zvw/ai/2028"};
	for (size_t i = 0; !l->mis && i < sizeof bomen / sizeof bomen[0]; i++) {
		struct rekening r = bt_saldo(&l->w, bomen[i]);
		if (r.debet_geboekt_cent + r.debet_gereserveerd_cent > r.credit_geboekt_cent)
			meld(l, "%s: meer toegekend dan er is (%" PRId64 " > %" PRId64 ")", bomen[i],
			     r.debet_geboekt_cent + r.debet_gereserveerd_cent, r.credit_geboekt_cent);
	}
	struct rekening pot = bt_saldo(&l->w, "zvw");
	if (!l->mis && pot.credit_geboekt_cent > INT64_C(60000000000))
		meld(l, "de Zvw-pot houdt meer dan EUR 600 mln");
	struct rekening zv = bt_saldo(&l->w, "verzekeraar/9801/verevend");
	if (!l->mis && zv.credit_geboekt_cent != verevend)
		meld(l, "verzekeraar/9801/verevend: %" PRId64 ", model %" PRId64, zv.credit_geboekt_cent, verevend);
	if (!l->mis && !(verevend <= erkend && erkend <= vereffenen))
		meld(l, "verevend %" PRId64 " <= erkend %" PRId64 " <= te vereffenen %" PRId64 " geldt niet", verevend, erkend,
		     vereffenen);
}

static void stap(struct lopend *l)
{
	l->w.nu_us += rnd_tot(3) * DAG_US + rnd_tot(DAG_US);
	if (l->w.nu_us >= EIND_US)
		l->w.nu_us = EIND_US - DAG_US;
	switch (rnd_tot(10)) {
	case 0: case 1: case 2: betaal(l); break;
	case 3: corrigeer(l); break;
	case 4: case 5: verantwoord(l); break;
	case 6: vraag_of_toets(l); break;
	case 7: vraag_of_toets(l); break;
	case 8: jaarstaat(l); break;
	default: oordeel_en_verevening(l); break;
	}
	arena_release(&l->w.a);
	arena_init(&l->w.a, 256u << 20);
	if (!l->mis)
		controleer(l);
	if (!l->mis && l->stap % 50 == 49 && !bt_herspeel(&l->w))
		meld(l, "het grootboek herspeelt niet");
}

/* ---- the world ----------------------------------------------------------------- */

static bool opzetten(struct lopend *l, const char *url)
{
	struct wereld *w = &l->w;
	if (!wereld_open(w, url))
		return false;
	l->zi = wereld_principal(1, ROL_ZORGINSTITUUT, "gebruiker:11");
	static struct hulp h;
	memset(&h, 0, sizeof h);
	int64_t g[NPROJ][2];
	for (int i = 0; i < NPROJ; i++) {
		l->p[i].aanvraag = bt_positief(w);
		if (!l->p[i].aanvraag)
			return false;
		g[i][0] = MLN(1) + rnd_tot(MLN(1.5));   /* the application asks EUR 5 mln in all */
		g[i][1] = MLN(1) + rnd_tot(MLN(1.5));
		bt_grant(&h, l->p[i].aanvraag, 2027, g[i][0]);
		bt_grant(&h, l->p[i].aanvraag, 2028, g[i][1]);
	}
	bt_geld(&h, "ai", 2027, MLN(20));
	bt_geld(&h, "ai", 2028, MLN(20));
	if (!bt_toekennen(w, &h))
		return false;
	for (int i = 0; i < NPROJ; i++) {
		struct error e;
		rc_t rc;
		l->p[i].bovengrens = g[i][0] + g[i][1];
		int64_t t = bt_gezamenlijk(w, l->p[i].aanvraag, l->p[i].bovengrens, NULL, 0, &rc, &e);
		l->p[i].b = t ? bt_beschik(w, t, true, NULL, &rc, &e) : 0;
		if (!l->p[i].b) {
			printf("  (beschikking: %s %s)\n", e.message, e.item_count ? e.items[0].detail : "");
			return false;
		}
	}
	for (int64_t jaar = 2027; jaar <= 2028; jaar++) {
		json_t *k = json_pack("{s:i, s:I, s:s}", "tolerantie_bp", 1000, "accountant_vanaf_cent",
				      (json_int_t)MLN(100), "deadline", "2099-01-01T00:00:00Z"), *uit = NULL;
		struct error e;
		error_clear(&e);
		rc_t rc = verantwoordingskader_zet(w->s, &w->pb, &w->klok, jaar, k, &w->a, &uit, &e);
		json_decref(k);
		json_decref(uit);
		if (rc != RC_OK) {
			printf("  (kader: %s)\n", e.message);
			return false;
		}
	}
	return true;
}

static void hledger_controle(struct lopend *l, enum store_backend backend)
{
	const char *fout = invariant_hledger(l->w.s, "geldleven", backend);
	if (fout)
		meld(l, "%s", fout);
}

static unsigned long long seed_van_proces;

DBTEST(geldleven)
{
	static struct lopend l;
	memset(&l, 0, sizeof l);
	l.seed = seed_van_proces;
	rng_state = l.seed;
	if (!opzetten(&l, url)) {
		CHECK(false);
		wereld_sluit(&l.w);
		return;
	}
	l.w.nu_us = T_SLUIT_US + DAG_US;
	int stappen = invariant_stappen(backend, 1000, 500);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (l.stap = 0; l.stap < stappen && !l.mis; l.stap++)
		stap(&l);
	if (!l.mis && !bt_herspeel(&l.w))
		meld(&l, "het grootboek herspeelt niet");
	if (!l.mis)
		hledger_controle(&l, backend);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	char t[KLOK_TEKST_BYTES];
	klok_tekst(l.w.nu_us, t, sizeof t);
	printf("# %s: %d stappen in %.1f s tot %.10s, seed %llu: betaald %zu (%zu geweigerd), gecorrigeerd %zu "
	       "(%zu), verantwoord %zu (%zu), informatie gevraagd %zu, getoetst %zu, jaarstaten %zu (%zu), "
	       "rechtsoordelen %zu, vereveningen %zu (%zu)\n", testdb_backend_name(backend), l.stap,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, t, l.seed, l.gedaan[0],
	       l.geweigerd[0], l.gedaan[1], l.geweigerd[1], l.gedaan[2], l.geweigerd[2], l.gedaan[3], l.gedaan[4],
	       l.gedaan[5], l.geweigerd[5], l.gedaan[6], l.gedaan[7], l.geweigerd[7]);
	CHECK(l.gedaan[0] > 0 && l.gedaan[4] > 0);   /* the workload did pay and test */
	wereld_sluit(&l.w);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const char *s = getenv("DOORBRAAK_SEED");
	seed_van_proces = s && *s ? strtoull(s, NULL, 10) : (unsigned long long)time(NULL);
	printf("# geldleven: DOORBRAAK_SEED=%llu\n", seed_van_proces);
	RUN_DB(geldleven);
	return HARNESS_END();
}
