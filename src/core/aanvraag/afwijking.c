/*
 * afwijking.c -- deviations of an application from its modelplan's
 * normative elements and tolerances, and the review route. See
 * afwijking.h; the rules are docs/catalogus.md §5, the keys
 * docs/aanvraag.md §4.
 */
#include "core/aanvraag/afwijking.h"
#include "core/basis/tekst.h"
#include "core/basis/bedrag.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

__extension__ typedef __int128 i128;

_Static_assert(AFWIJKING_MAX >= 1 + 2 * NORMEN_MIJLPALEN_MAX + 1 + AANVRAAG_DEELNEMERS_MAX +
			       NORMEN_EENHEDEN_MAX + NORMEN_JAREN_MAX + NORMEN_SECTOREN_MAX + 1,
	       "every possible deviation fits in the list");

#define BP_HEEL 10000              /* 100 % in basis points */
#define CENT_PER_MILJOEN 100000000 /* EUR 1 mln in cents */

static const char BRON_FTE[] = "[002 §4.2], [004 \"Opbouw en onderdelen van het modelplan II\"]";
static const char BRON_MIJLPAAL[] = "[001 §2], [004 \"Opbouw en onderdelen van het modelplan\"]";
static const char BRON_BEDRAG[] = "[002 §4.2], [004 \"Opbouw en onderdelen van het modelplan II\"]";
static const char BRON_JAAR[] = "[004 \"Opname basiseisen\"], [002 §1], [002 §5a]";
static const char BRON_SECTOR[] = "[004 \"Opname basiseisen\"]";
static const char BRON_VERANDER[] = "[004 \"Opname basiseisen\"]";

/* ---- the norms and the budget sums ------------------------------------ */

bool normen_financierbaar(const struct modelplan_normen *n, enum kostensoort k,
			  enum kostenaard a)
{
	if ((unsigned)k > 1 || (unsigned)a > 1)
		return false;
	return n->financierbaar[k][a];
}

const struct normen_mijlpaal *normen_mijlpaal(const struct modelplan_normen *n,
					      const char *id)
{
	for (size_t i = 0; id && i < n->mijlpaal_aantal; i++)
		if (strcmp(n->mijlpalen[i].id, id) == 0)
			return &n->mijlpalen[i];
	return NULL;
}

const struct normen_jaar *normen_jaar(const struct modelplan_normen *n, int64_t jaar)
{
	for (size_t i = 0; i < n->jaar_aantal; i++)
		if (n->jaren[i].jaar == jaar)
			return &n->jaren[i];
	return NULL;
}

/* Adds a non-negative amount; saturates instead of wrapping. The sum of
 * all lines fits in int64 (aanvraag_lees), so saturation is only a guard
 * for a hand-built struct. */
static int64_t plus(int64_t som, int64_t x)
{
	int64_t r;
	if (x <= 0)
		return som;
	return __builtin_add_overflow(som, x, &r) ? INT64_MAX : r;
}

/* The requested amount of line r (0 when not financierbaar or absent). */
static int64_t gevraagd(const struct modelplan_normen *n, const struct aanvraag_regel *r)
{
	if (r->bedrag_cent <= 0 || !normen_financierbaar(n, r->kostensoort, r->aard))
		return 0;
	return r->bedrag_cent;
}

void afwijking_totalen(const struct aanvraag *a, const struct modelplan_normen *n,
		       struct begroting_totalen *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < a->regel_aantal; i++) {
		const struct aanvraag_regel *r = &a->begroting[i];
		int64_t g = gevraagd(n, r);
		if (g == 0) {
			out->niet_financierbaar_cent = plus(out->niet_financierbaar_cent,
							    r->bedrag_cent);
			continue;
		}
		out->gevraagd_cent = plus(out->gevraagd_cent, g);
		if (r->doel == DOEL_SCHOLING || r->doel == DOEL_VERANDERKUNDIGE_ONDERSTEUNING)
			out->veranderkundig_cent = plus(out->veranderkundig_cent, g);
	}
}

int64_t afwijking_gevraagd_aanbieder(const struct aanvraag *a,
				     const struct modelplan_normen *n, int64_t organisatie)
{
	int64_t som = 0;
	for (size_t i = 0; i < a->regel_aantal; i++)
		if (a->begroting[i].zorgaanbieder == organisatie)
			som = plus(som, gevraagd(n, &a->begroting[i]));
	return som;
}

int64_t afwijking_gevraagd_jaar(const struct aanvraag *a, const struct modelplan_normen *n,
				int64_t jaar)
{
	int64_t som = 0;
	for (size_t i = 0; i < a->regel_aantal; i++)
		if (a->begroting[i].jaar == jaar)
			som = plus(som, gevraagd(n, &a->begroting[i]));
	return som;
}

int64_t afwijking_gevraagd_eenheid(const struct aanvraag *a,
				   const struct modelplan_normen *n, const char *eenheid_id)
{
	int64_t som = 0;
	for (size_t i = 0; i < a->regel_aantal; i++) {
		const char *u = a->begroting[i].eenheid_id;
		bool van_deze = u ? strcmp(u, eenheid_id) == 0 : n->eenheid_aantal == 1;
		if (van_deze)
			som = plus(som, gevraagd(n, &a->begroting[i]));
	}
	return som;
}

/* ---- recording a deviation ----------------------------------------------- */

static bool toegelicht(const struct aanvraag *a, const char *element)
{
	for (size_t i = 0; i < a->afwijking_aantal; i++)
		if (a->afwijkingen[i].element && strcmp(a->afwijkingen[i].element, element) == 0)
			return tekst_aanwezig(a->afwijkingen[i].toelichting);
	return false;
}

/* Appends one deviation; `norm` and `waarde` are short Dutch texts. */
static void voeg_toe(struct afwijking_lijst *out, const struct aanvraag *a,
		     enum afwijking_soort soort, const char *bron, const char *element,
		     const char *veld, const char *norm, const char *waarde)
{
	if (out->aantal >= AFWIJKING_MAX) {
		out->weggelaten++;
		return;
	}
	struct afwijking *w = &out->items[out->aantal++];
	w->soort = soort;
	w->bron = bron;
	snprintf(w->element, sizeof w->element, "%s", element);
	snprintf(w->veld, sizeof w->veld, "%s", veld);
	snprintf(w->norm, sizeof w->norm, "%s", norm);
	snprintf(w->waarde, sizeof w->waarde, "%s", waarde);
	w->toegelicht = toegelicht(a, element);
}

/* "25,00 %" for a share in basis points. */
static char *bp_tekst(int64_t bp, char *buf, size_t n)
{
	snprintf(buf, n, "%" PRId64 ",%02" PRId64 " %%", bp / 100, bp % 100);
	return buf;
}

/* x / y rounded down, clamped to int64; 0 when y <= 0. */
static int64_t deel(i128 x, i128 y)
{
	if (y <= 0)
		return 0;
	i128 q = x / y;
	return q > INT64_MAX ? INT64_MAX : (int64_t)q;
}

/* ---- the normative elements, one function each ---------------------------- */

/* fte norm: conform iff A x 10000 >= N x (10000 - tol), with A the
 * application's milli-fte per EUR 1 mln = fte_milli x 10^8 / R; without
 * division: fte_milli x 10^8 x 10000 >= N x (10000 - tol) x R
 * (docs/catalogus.md §5). */
static void fte_norm(const struct aanvraag *a, const struct modelplan_normen *n,
		     int64_t r, struct afwijking_lijst *out)
{
	if (a->fte_besparing_milli < 0 || r <= 0)
		return;
	i128 links = (i128)a->fte_besparing_milli * CENT_PER_MILJOEN * BP_HEEL;
	i128 rechts = (i128)n->min_fte_per_miljoen_milli *
		      (BP_HEEL - n->tolerantie_fte_norm_bp) * r;
	if (links >= rechts)
		return;
	char norm[AFWIJKING_TEKST_BYTES], waarde[AFWIJKING_TEKST_BYTES], x[32], t[32];
	snprintf(norm, sizeof norm, "minimaal %s fte per EUR 1 mln (marge %s)",
		 duizendsten_tekst(n->min_fte_per_miljoen_milli, x, sizeof x),
		 bp_tekst(n->tolerantie_fte_norm_bp, t, sizeof t));
	int64_t per_miljoen = deel((i128)a->fte_besparing_milli * CENT_PER_MILJOEN, r);
	snprintf(waarde, sizeof waarde, "%s fte per EUR 1 mln",
		 duizendsten_tekst(per_miljoen, x, sizeof x));
	voeg_toe(out, a, AFWIJKING_FTE_NORM, BRON_FTE, "normen.min_fte_per_miljoen_milli",
		 "/impact/fte_besparing_milli", norm, waarde);
}

/* Milestone i against its template t: date <= uiterlijk_op + tolerance
 * days (earlier is always fine), and |share - template share| <=
 * tolerance, with share = amount / sum of milestone amounts; compared as
 * |b x 10000 - t_bp x M| <= tol x M (docs/catalogus.md §5). */
static void mijlpaal(const struct aanvraag *a, const struct modelplan_normen *n, size_t i,
		     const struct normen_mijlpaal *t, struct afwijking_lijst *out)
{
	const struct aanvraag_mijlpaal *m = &a->mijlpalen[i];
	char element[AANVRAAG_ELEMENT_MAX + 1], veld[ERROR_FIELD_MAX];
	char norm[AFWIJKING_TEKST_BYTES], waarde[AFWIJKING_TEKST_BYTES], x[32];
	if (m->streefdatum && m->streefdag > t->uiterlijk_dag + n->tolerantie_mijlpaal_datum_dagen) {
		snprintf(element, sizeof element, "normen.mijlpalen[%s].uiterlijk_op", t->id);
		snprintf(veld, sizeof veld, "/mijlpalen/%zu/streefdatum", i);
		snprintf(norm, sizeof norm, "uiterlijk %s (marge %" PRId64 " dagen)",
			 t->uiterlijk_op, n->tolerantie_mijlpaal_datum_dagen);
		snprintf(waarde, sizeof waarde, "%s", m->streefdatum);
		voeg_toe(out, a, AFWIJKING_MIJLPAAL_DATUM, BRON_MIJLPAAL, element, veld, norm, waarde);
	}
	int64_t som = a->som_mijlpalen_cent;
	if (m->bedrag_cent < 0 || som <= 0)
		return;
	i128 verschil = (i128)m->bedrag_cent * BP_HEEL - (i128)t->aandeel_bp * som;
	if (verschil < 0)
		verschil = -verschil;
	if (verschil <= (i128)n->tolerantie_mijlpaal_aandeel_bp * som)
		return;
	snprintf(element, sizeof element, "normen.mijlpalen[%s].aandeel_bp", t->id);
	snprintf(veld, sizeof veld, "/mijlpalen/%zu/bedrag_cent", i);
	char y[32];
	snprintf(norm, sizeof norm, "%s van het totaal (marge %s)",
		 bp_tekst(t->aandeel_bp, x, sizeof x),
		 bp_tekst(n->tolerantie_mijlpaal_aandeel_bp, y, sizeof y));
	snprintf(waarde, sizeof waarde, "%s van het totaal",
		 bp_tekst(deel((i128)m->bedrag_cent * BP_HEEL, som), x, sizeof x));
	voeg_toe(out, a, AFWIJKING_MIJLPAAL_AANDEEL, BRON_MIJLPAAL, element, veld, norm, waarde);
}

static void mijlpalen(const struct aanvraag *a, const struct modelplan_normen *n,
		      struct afwijking_lijst *out)
{
	for (size_t k = 0; k < n->mijlpaal_aantal; k++)
		for (size_t i = 0; i < a->mijlpaal_aantal; i++)
			if (a->mijlpalen[i].id && strcmp(a->mijlpalen[i].id, n->mijlpalen[k].id) == 0) {
				mijlpaal(a, n, i, &n->mijlpalen[k], out);
				break;
			}
}

/* amount x 10000 > frame x (10000 + tol): outside the frame. */
static bool boven_kader(int64_t bedrag, i128 kader, int64_t tol_bp)
{
	return (i128)bedrag * BP_HEEL > kader * (BP_HEEL + tol_bp);
}

static void kader_tekst(char *norm, size_t n, i128 kader, int64_t tol_bp)
{
	char x[40], t[32];
	int64_t k = kader > INT64_MAX ? INT64_MAX : (int64_t)kader;
	snprintf(norm, n, "maximaal %s (marge %s)", bedrag_tekst(k, x, sizeof x),
		 bp_tekst(tol_bp, t, sizeof t));
}

/* Amount frames per application, per provider and per unit. */
static void bedragkaders(const struct aanvraag *a, const struct modelplan_normen *n,
			 int64_t r, struct afwijking_lijst *out)
{
	char norm[AFWIJKING_TEKST_BYTES], waarde[AFWIJKING_TEKST_BYTES], veld[ERROR_FIELD_MAX];
	char element[AANVRAAG_ELEMENT_MAX + 1];
	int64_t tol = n->tolerantie_bedragkader_bp;
	if (n->max_per_aanvraag_cent >= 0 && boven_kader(r, n->max_per_aanvraag_cent, tol)) {
		kader_tekst(norm, sizeof norm, n->max_per_aanvraag_cent, tol);
		bedrag_tekst(r, waarde, sizeof waarde);
		voeg_toe(out, a, AFWIJKING_BEDRAG_AANVRAAG, BRON_BEDRAG,
			 "normen.bedragkaders.max_per_aanvraag_cent", "/totaal_bedrag_cent", norm, waarde);
	}
	for (size_t i = 0; n->max_per_zorgaanbieder_cent >= 0 && i < a->coalitie.deelnemer_aantal; i++) {
		int64_t p = afwijking_gevraagd_aanbieder(a, n, a->coalitie.deelnemers[i].organisatie);
		if (!boven_kader(p, n->max_per_zorgaanbieder_cent, tol))
			continue;
		kader_tekst(norm, sizeof norm, n->max_per_zorgaanbieder_cent, tol);
		bedrag_tekst(p, waarde, sizeof waarde);
		snprintf(veld, sizeof veld, "/coalitie/deelnemers/%zu/bedrag_cent", i);
		voeg_toe(out, a, AFWIJKING_BEDRAG_ZORGAANBIEDER, BRON_BEDRAG,
			 "normen.bedragkaders.max_per_zorgaanbieder_cent", veld, norm, waarde);
	}
	for (size_t k = 0; k < n->eenheid_aantal; k++) {
		const struct normen_eenheid *u = &n->eenheden[k];
		for (size_t i = 0; i < a->eenheid_aantal; i++) {
			const struct aanvraag_eenheid *e = &a->eenheden[i];
			if (!e->id || strcmp(e->id, u->id) != 0 || e->aantal < 0)
				continue;
			i128 kader = (i128)e->aantal * u->max_bedrag_cent;
			int64_t bedrag = afwijking_gevraagd_eenheid(a, n, u->id);
			if (!boven_kader(bedrag, kader, tol))
				break;
			kader_tekst(norm, sizeof norm, kader, tol);
			bedrag_tekst(bedrag, waarde, sizeof waarde);
			snprintf(element, sizeof element,
				 "normen.bedragkaders.per_eenheid[%s].max_bedrag_cent", u->id);
			snprintf(veld, sizeof veld, "/eenheden/%zu/aantal", i);
			voeg_toe(out, a, AFWIJKING_BEDRAG_EENHEID, BRON_BEDRAG, element, veld, norm, waarde);
			break;
		}
	}
}

/* The share of R in year Y may not exceed that year's maximum:
 * R_Y x 10000 <= R x max (docs/catalogus.md §5, choice K2). */
static void jaaraandelen(const struct aanvraag *a, const struct modelplan_normen *n,
			 int64_t r, struct afwijking_lijst *out)
{
	char norm[AFWIJKING_TEKST_BYTES], waarde[AFWIJKING_TEKST_BYTES], veld[ERROR_FIELD_MAX];
	char element[AANVRAAG_ELEMENT_MAX + 1], x[32];
	for (size_t k = 0; r > 0 && k < n->jaar_aantal; k++) {
		const struct normen_jaar *j = &n->jaren[k];
		int64_t ry = afwijking_gevraagd_jaar(a, n, j->jaar);
		if ((i128)ry * BP_HEEL <= (i128)r * j->max_aandeel_bp)
			continue;
		size_t eerste = 0;
		while (eerste < a->regel_aantal && a->begroting[eerste].jaar != j->jaar)
			eerste++;
		snprintf(element, sizeof element, "normen.begrotingsjaren[%" PRId64 "].max_aandeel_bp",
			 j->jaar);
		snprintf(veld, sizeof veld, "/begroting/%zu/jaar", eerste);
		snprintf(norm, sizeof norm, "in %" PRId64 " maximaal %s van het gevraagde bedrag",
			 j->jaar, bp_tekst(j->max_aandeel_bp, x, sizeof x));
		snprintf(waarde, sizeof waarde, "%s",
			 bp_tekst(deel((i128)ry * BP_HEEL, r), x, sizeof x));
		voeg_toe(out, a, AFWIJKING_JAARAANDEEL, BRON_JAAR, element, veld, norm, waarde);
	}
}

/* Every required sector has a care provider in the coalition. */
static void sectoren(const struct aanvraag *a, const struct modelplan_normen *n,
		     struct afwijking_lijst *out)
{
	char element[AANVRAAG_ELEMENT_MAX + 1], norm[AFWIJKING_TEKST_BYTES];
	if (a->coalitie.deelnemer_aantal == 0)
		return;
	for (size_t k = 0; k < n->vereiste_sector_aantal; k++) {
		const char *s = n->vereiste_sectoren[k];
		bool gedekt = false;
		for (size_t i = 0; i < a->coalitie.deelnemer_aantal && !gedekt; i++) {
			const struct aanvraag_deelnemer *d = &a->coalitie.deelnemers[i];
			gedekt = d->soort == ORGANISATIE_ZORGAANBIEDER && d->sector &&
				 strcmp(d->sector, s) == 0;
		}
		if (gedekt)
			continue;
		snprintf(element, sizeof element, "normen.aanvraagvorm.vereiste_sectoren[%s]", s);
		snprintf(norm, sizeof norm, "een zorgaanbieder uit de sector %s", s);
		voeg_toe(out, a, AFWIJKING_VEREISTE_SECTOR, BRON_SECTOR, element,
			 "/coalitie/deelnemers", norm, "geen");
	}
}

/* Training and change support: at least min_aandeel_begroting_bp of R
 * (basic requirement 13; choice K11). */
static void veranderkundig(const struct aanvraag *a, const struct modelplan_normen *n,
			   const struct begroting_totalen *t, struct afwijking_lijst *out)
{
	char norm[AFWIJKING_TEKST_BYTES], waarde[AFWIJKING_TEKST_BYTES], x[32];
	int64_t r = t->gevraagd_cent;
	if (r <= 0 ||
	    (i128)t->veranderkundig_cent * BP_HEEL >= (i128)r * n->min_aandeel_veranderkundig_bp)
		return;
	snprintf(norm, sizeof norm, "minimaal %s van het gevraagde bedrag",
		 bp_tekst(n->min_aandeel_veranderkundig_bp, x, sizeof x));
	snprintf(waarde, sizeof waarde, "%s",
		 bp_tekst(deel((i128)t->veranderkundig_cent * BP_HEEL, r), x, sizeof x));
	voeg_toe(out, a, AFWIJKING_VERANDERKUNDIG, BRON_VERANDER,
		 "normen.veranderkundige_ondersteuning.min_aandeel_begroting_bp", "/begroting",
		 norm, waarde);
}

void afwijking_bepaal(const struct aanvraag *a, const struct modelplan_normen *n,
		      struct afwijking_lijst *out)
{
	struct begroting_totalen t;
	out->aantal = 0;
	out->weggelaten = 0;
	afwijking_totalen(a, n, &t);
	fte_norm(a, n, t.gevraagd_cent, out);
	mijlpalen(a, n, out);
	bedragkaders(a, n, t.gevraagd_cent, out);
	jaaraandelen(a, n, t.gevraagd_cent, out);
	sectoren(a, n, out);
	veranderkundig(a, n, &t, out);
}

enum afwijking_route afwijking_route(const struct aanvraag *a,
				     const struct afwijking_lijst *l)
{
	if (l->aantal + l->weggelaten > 0 || a->aanpassing_aantal > 0)
		return ROUTE_VERDIEPT;
	return ROUTE_LICHT;
}

const char *afwijking_route_naam(enum afwijking_route r)
{
	return r == ROUTE_LICHT ? "licht" : "verdiept";
}

size_t afwijking_zonder_toelichting(const struct afwijking_lijst *l)
{
	size_t n = 0;
	for (size_t i = 0; i < l->aantal; i++)
		n += !l->items[i].toegelicht;
	return n;
}
