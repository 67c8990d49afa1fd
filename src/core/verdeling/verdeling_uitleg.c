/*
 * verdeling_uitleg.c -- explaining an allocation: per application its
 * status and the reasons with amounts ("Jaarlimiet 2029 bindend, tekort
 * EUR 1.250.000,00"), the binding budget lines and what one more EUR
 * 1 mln on each would buy, the cut-off per theme, and the totals.
 *
 * Reasons are computed against the final allocation: a line blocks an
 * application that did not get its full request when granting the rest
 * would take the line over its capacity; the shortfall is that excess.
 * The marginal value of a binding line is measured, not estimated: the
 * same rule is run again with the line's capacity raised by
 * marginaal_delta_cent, and the difference in fte is reported per EUR
 * 1 mln (exact for the simple rules; for the optimal rule exact when both
 * solves were proven optimal).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/verdeling/verdeling_intern.h"
#include "core/basis/bedrag.h"

/* ---- Dutch number formatting from integers ----------------------------- */

void vd_milli(char *buf, size_t cap, int64_t milli)
{
	uint64_t a = milli < 0 ? (uint64_t)0 - (uint64_t)milli : (uint64_t)milli;
	snprintf(buf, cap, "%s%" PRIu64 ",%03u", milli < 0 ? "-" : "", a / 1000, (unsigned)(a % 1000));
}

/* A share part/geheel as a percentage with two decimals, rounded down. */
static void procent(char *buf, size_t cap, int64_t deel, int64_t geheel)
{
	int64_t bp = geheel > 0 ? (int64_t)((vd_i128)deel * VD_BP / geheel) : 0;
	snprintf(buf, cap, "%" PRId64 ",%02d%%", bp / 100, (int)(bp % 100));
}

void vd_lijn_naam(const struct vd_model *m, int l, char *naam, size_t cap)
{
	const struct vd_lijn *x = &m->lijnen[l];
	const struct verdeling_scenario *s = m->s;
	switch (x->soort) {
	case VERDELING_LIJN_FONDS:
		snprintf(naam, cap, "Fondsplafond");
		break;
	case VERDELING_LIJN_THEMA:
		snprintf(naam, cap, "Themabudget %s", s->themas[x->thema].id);
		break;
	case VERDELING_LIJN_JAAR:
		snprintf(naam, cap, "Jaarlimiet %" PRId64 "%s", s->jaren[x->jaar].jaar,
			 s->jaartoets == VERDELING_JAARTOETS_CUMULATIEF ? " (cumulatief)" : "");
		break;
	case VERDELING_LIJN_REGIO:
		snprintf(naam, cap, "Regio-aandeel %s in %s", m->regios[x->regio], s->themas[x->thema].id);
		break;
	}
}

void vd_lijn_sleutel(const struct vd_model *m, int l, char *buf, size_t cap)
{
	const struct vd_lijn *x = &m->lijnen[l];
	switch (x->soort) {
	case VERDELING_LIJN_FONDS:
		snprintf(buf, cap, "fonds");
		break;
	case VERDELING_LIJN_THEMA:
		snprintf(buf, cap, "thema:%s", m->s->themas[x->thema].id);
		break;
	case VERDELING_LIJN_JAAR:
		snprintf(buf, cap, "jaar:%" PRId64, m->s->jaren[x->jaar].jaar);
		break;
	case VERDELING_LIJN_REGIO:
		snprintf(buf, cap, "regio:%s:%s", m->regios[x->regio], m->s->themas[x->thema].id);
		break;
	}
}

/* ---- reasons ------------------------------------------------------------ */

static void reden(struct verdeling_uitkomst *u, const char *code, int lijn, int64_t tekort,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void reden(struct verdeling_uitkomst *u, const char *code, int lijn, int64_t tekort,
		  const char *fmt, ...)
{
	if (u->reden_aantal >= VERDELING_REDENEN_MAX)
		return;
	struct verdeling_reden *r = &u->redenen[u->reden_aantal++];
	snprintf(r->code, sizeof r->code, "%s", code);
	r->lijn = lijn;
	r->tekort_cent = tekort;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->tekst, sizeof r->tekst, fmt, ap);
	va_end(ap);
}

/* Adds a "regel_bindend" reason for every line that the rest of i's
 * request would take over its capacity; returns how many. */
static size_t bindende_lijnen(const struct vd_model *m, const struct vd_toewijzing *t,
			      size_t i, struct verdeling_resultaat *r)
{
	int64_t vol[VERDELING_JAREN_MAX];
	vd_bedragen_bij(m, i, m->kand[i].totaal_cent, vol);
	const int64_t *nu = &t->bedrag[i * VERDELING_JAREN_MAX];
	size_t aantal = 0;
	for (int x = 0; x < m->kand[i].lijn_aantal; x++) {
		int l = m->kand[i].lijnen[x];
		int64_t nodig = vd_lijn_deel(m, l, vol) - vd_lijn_deel(m, l, nu);
		int64_t tekort = t->gebruik[l] + nodig - m->lijnen[l].capaciteit_cent;
		if (tekort <= 0)
			continue;
		char naam[160], bedrag[40];
		vd_lijn_naam(m, l, naam, sizeof naam);
		bedrag_tekst(tekort, bedrag, sizeof bedrag);
		reden(&r->uitkomsten[i], "regel_bindend", l, tekort, "%s bindend, tekort %s.", naam, bedrag);
		r->lijnen[l].bindend = true;
		aantal++;
	}
	return aantal;
}

/* The opening reason, from what the rule recorded. */
static void hoofdreden(const struct vd_model *m, const struct vd_toewijzing *t, size_t i,
		       struct verdeling_uitkomst *u)
{
	char a[40], b[40], p[32], v[32];
	bedrag_tekst(u->toegekend_totaal_cent, a, sizeof a);
	bedrag_tekst(u->gevraagd_totaal_cent, b, sizeof b);
	procent(p, sizeof p, u->toegekend_totaal_cent, u->gevraagd_totaal_cent);
	procent(v, sizeof v, m->kand[i].vloer_bp, VD_BP);
	switch (t->herkomst[i]) {
	case VD_H_REGIOMINIMUM:
		reden(u, "regiominimum", VD_GEEN, 0, "Toegekend om het minimum van regio %s te halen.", m->k[i].regio);
		break;
	case VD_H_AFKAP: {
		size_t z = t->gesloten_na[i];
		reden(u, "onder_afkapgrens", VD_GEEN, 0,
		      "Onder de afkapgrens: thema %s is gesloten bij aanvraag %s (rang %zu), de eerste die niet paste.",
		      m->k[i].thema, m->k[z].id, m->rang_van[z] + 1);
		break;
	}
	case VD_H_ONDER_VLOER:
		reden(u, "onder_minimumaandeel", VD_GEEN, 0,
		      "Het pro-rata-aandeel ligt onder het minimumaandeel van %s uit het modelplan; deelfinanciering daaronder is niet toegestaan.", v);
		break;
	case VD_H_AANVULLING:
		reden(u, "aanvulling", VD_GEEN, 0, "Toegekend uit de ruimte die na de optimale selectie overbleef.");
		break;
	default:
		break;
	}
	if (u->status == VERDELING_TOEGEKEND && u->reden_aantal == 0)
		reden(u, "toegekend", VD_GEEN, 0, "Volledig toegekend (%s).", a);
	else if (u->status == VERDELING_VERLAAGD)
		reden(u, t->herkomst[i] == VD_H_PRO_RATA ? "pro_rata" : "deelfinanciering", VD_GEEN, 0,
		      "Verlaagd tot %s van %s (%s); het minimumaandeel van het modelplan is %s.", a, b, p, v);
}

/* Status and reasons of candidate i. */
static void uitkomst(const struct vd_model *m, const struct vd_toewijzing *t, size_t i,
		     struct verdeling_resultaat *r)
{
	struct verdeling_uitkomst *u = &r->uitkomsten[i];
	memcpy(u->toegekend_cent, &t->bedrag[i * VERDELING_JAREN_MAX], sizeof u->toegekend_cent);
	u->toegekend_totaal_cent = t->totaal[i];
	u->gevraagd_totaal_cent = m->kand[i].totaal_cent;
	u->fte_milli = vd_fte_bij(m, i, t->totaal[i]);
	u->fte_per_miljoen_milli = vd_ratio_milli(m, i);
	u->boven_impactlat = m->kand[i].boven_lat;
	u->rang = m->rang_van[i] + 1;
	u->status = t->totaal[i] == 0 ? VERDELING_AFGEWEZEN
		    : t->totaal[i] < m->kand[i].totaal_cent ? VERDELING_VERLAAGD : VERDELING_TOEGEKEND;
	if (!u->boven_impactlat) {
		char x[24], lat[24];
		vd_milli(x, sizeof x, u->fte_per_miljoen_milli);
		vd_milli(lat, sizeof lat, m->s->impactlat_milli);
		reden(u, "onder_impactlat", VD_GEEN, 0,
		      "Onder de impactlat%s%s: %s fte per EUR 1 mln, de lat is %s.",
		      m->s->impactlat_id[0] ? " " : "", m->s->impactlat_id, x, lat);
		return;
	}
	hoofdreden(m, t, i, u);
	if (u->status == VERDELING_TOEGEKEND)
		return;
	size_t b = bindende_lijnen(m, t, i, r);
	if (b == 0 && u->status == VERDELING_AFGEWEZEN && t->herkomst[i] == VD_H_AFKAP)
		reden(u, "past_wel", VD_GEEN, 0,
		      "Zou binnen alle budgetregels passen; de rangorde stopt bij de afkapgrens.");
	else if (b == 0 && u->status == VERDELING_AFGEWEZEN && t->herkomst[i] != VD_H_ONDER_VLOER)
		reden(u, "niet_gekozen", VD_GEEN, 0,
		      "Niet in de gekozen selectie: met deze aanvraag zou het totaal aan fte niet hoger worden.");
}

/* ---- lines, totals, regions, cut-offs ----------------------------------- */

static void lijnen(const struct vd_model *m, const struct vd_toewijzing *t,
		   struct verdeling_resultaat *r)
{
	for (size_t l = 0; l < m->lijn_aantal; l++) {
		struct verdeling_lijn *x = &r->lijnen[l];
		x->soort = m->lijnen[l].soort;
		vd_lijn_naam(m, (int)l, x->naam, sizeof x->naam);
		vd_lijn_sleutel(m, (int)l, x->sleutel, sizeof x->sleutel);
		x->capaciteit_cent = m->lijnen[l].capaciteit_cent;
		x->gebruikt_cent = t->gebruik[l];
	}
}

static void totalen(const struct vd_model *m, const struct vd_toewijzing *t,
		    struct verdeling_resultaat *r)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct verdeling_uitkomst *u = &r->uitkomsten[i];
		r->besteed_cent += u->toegekend_totaal_cent;
		for (size_t y = 0; y < m->jaar_aantal; y++)
			r->besteed_jaar_cent[y] += u->toegekend_cent[y];
		r->toegekend += u->status == VERDELING_TOEGEKEND;
		r->verlaagd += u->status == VERDELING_VERLAAGD;
		r->afgewezen += u->status == VERDELING_AFGEWEZEN;
		r->onder_impactlat += !u->boven_impactlat;
	}
	r->fte_milli = t->fte_milli;
	r->onbesteed_cent = m->s->fonds_cent - r->besteed_cent;
}

static void regios(const struct vd_model *m, const struct vd_toewijzing *t,
		   struct verdeling_resultaat *r, int64_t *stand)
{
	vd_regio_standen(m, t, stand);
	r->regiominima_gehaald = true;
	for (size_t g = 0; g < m->regio_aantal; g++) {
		struct verdeling_regio *x = &r->regios[g];
		x->naam = m->regios[g];
		x->minimum = m->regio_min[g];
		x->minimum_gehaald = stand[g] >= m->regio_min[g];
		r->regiominima_gehaald = r->regiominima_gehaald && x->minimum_gehaald;
	}
	for (size_t i = 0; i < m->n; i++) {
		struct verdeling_regio *x = &r->regios[m->kand[i].regio];
		x->besteed_cent += t->totaal[i];
		x->gehonoreerd += t->totaal[i] > 0;
		x->verkiesbaar += m->kand[i].boven_lat;
	}
}

static void afkap(const struct vd_model *m, const struct vd_toewijzing *t,
		  struct verdeling_resultaat *r)
{
	for (size_t th = 0; th < m->s->thema_aantal; th++) {
		r->afkap[th].besteed_cent = t->gebruik[1 + th];
		r->afkap[th].plafond_cent = m->lijnen[1 + th].capaciteit_cent;
	}
	for (size_t i = 0; i < m->n; i++) {
		struct verdeling_afkap *a = &r->afkap[m->kand[i].thema];
		int64_t q = vd_ratio_milli(m, i);
		if (!m->kand[i].boven_lat)
			continue;
		if (t->totaal[i] > 0 && (!a->heeft_gehonoreerd || q < a->laagst_gehonoreerd_milli)) {
			a->heeft_gehonoreerd = true;
			a->laagst_gehonoreerd_milli = q;
		}
		if (t->totaal[i] == 0 && (!a->heeft_afgewezen || q > a->hoogst_afgewezen_milli)) {
			a->heeft_afgewezen = true;
			a->hoogst_afgewezen_milli = q;
		}
	}
}

/* ---- marginal values ---------------------------------------------------- */

/* Runs the rule again with line l raised by delta; writes the result. */
static void marginaal(const struct vd_model *m, const struct vd_toewijzing *t, int l,
		      const struct verdeling_solver *basis, struct verdeling_lijn *x)
{
	int64_t delta = m->s->marginaal_delta_cent;
	struct vd_model m2 = *m;
	m2.lijnen = arena_alloc(m->arena, m->lijn_aantal * sizeof *m2.lijnen);
	struct vd_toewijzing *t2 = m2.lijnen ? vd_toewijzing_nieuw(&m2) : NULL;
	if (!t2)
		return;
	memcpy(m2.lijnen, m->lijnen, m->lijn_aantal * sizeof *m2.lijnen);
	m2.lijnen[l].capaciteit_cent += delta;
	struct verdeling_solver s2;
	struct error e2;
	memset(&s2, 0, sizeof s2);
	error_clear(&e2);
	if (vd_pas_regel_toe(&m2, t2, &s2, &e2) != RC_OK)
		return;
	x->marginaal_bekend = true;
	x->marginaal_milli_per_miljoen = (int64_t)((vd_i128)(t2->fte_milli - t->fte_milli) *
						   VERDELING_CENT_PER_MILJOEN / delta);
	x->marginaal_exact = m->s->regel != VERDELING_OPTIMAAL ||
			     (basis->bewezen_optimaal && s2.bewezen_optimaal);
}

rc_t vd_uitleg(const struct vd_model *m, const struct vd_toewijzing *t,
	       struct verdeling_resultaat *r, struct error *e)
{
	r->uitkomsten = arena_alloc(m->arena, (m->n ? m->n : 1) * sizeof *r->uitkomsten);
	r->lijnen = arena_alloc(m->arena, (m->lijn_aantal + 1) * sizeof *r->lijnen);
	r->regios = arena_alloc(m->arena, (m->regio_aantal + 1) * sizeof *r->regios);
	int64_t *stand = arena_alloc(m->arena, (m->regio_aantal + 1) * sizeof *stand);
	if (!r->uitkomsten || !r->lijnen || !r->regios || !stand)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de uitleg.");
	r->lijn_aantal = m->lijn_aantal;
	r->regio_aantal = m->regio_aantal;
	lijnen(m, t, r);
	for (size_t i = 0; i < m->n; i++)
		uitkomst(m, t, i, r);
	totalen(m, t, r);
	regios(m, t, r, stand);
	afkap(m, t, r);
	for (size_t l = 0; m->s->marginaal_delta_cent > 0 && l < m->lijn_aantal; l++)
		if (r->lijnen[l].bindend)
			marginaal(m, t, (int)l, &r->solver, &r->lijnen[l]);
	return RC_OK;
}
