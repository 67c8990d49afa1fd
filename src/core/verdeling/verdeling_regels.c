/*
 * verdeling_regels.c -- the two simple rules: ranking (rangorde) and pro
 * rata. Both work only on applications above the impact bar
 * [001 Gupta "Samenvatting"] and never look at the input order
 * [001 "Werkwijze"]. See docs/verdeling.md §3.
 *
 * Rangorde: first, per region with a minimum, that region's best
 * applications until the minimum is met; then every application in the
 * order of the tie-break chain, in full or (when partial funding is
 * allowed) down to its modelplan floor. A theme closes at the first
 * application that does not fit -- unless only its region's share blocks
 * it -- and everything ranked below it in that theme is refused (the
 * cut-off). Without `strikt` the same loop skips and continues: that is
 * the greedy start of the optimal rule.
 *
 * Pro rata: every application of a theme gets the same share, computed as
 * a fraction in parts per billion (ppb). Region lines cap a region's
 * share first; the theme's share is then the highest level that keeps
 * the theme within its ceiling (water-filling); a common factor scales
 * everything down when the fund or a year line would be exceeded. An
 * application whose share falls below its floor gets nothing, which frees
 * money for the others: the highest floor goes first (ties: lowest rank),
 * and the shares are computed again. Removals are done in proven batches
 * (pro_rata_uitval): the same outcome as one at a time, without O(n^2).
 */
#include <string.h>

#include "core/verdeling/verdeling_intern.h"

#define PPB INT64_C(1000000000)

/* ======================================================================
 * Rangorde
 * ====================================================================== */

/* True when, at its floor amount, only region lines keep i out. */
static bool alleen_regio(const struct vd_model *m, const struct vd_toewijzing *t, size_t i)
{
	int64_t g[VERDELING_JAREN_MAX] = {0};
	vd_bedragen_bij(m, i, vd_vloer_bedrag(m, i), g);
	const struct vd_kand *c = &m->kand[i];
	bool regio = false;
	for (int x = 0; x < c->lijn_aantal; x++) {
		int l = c->lijnen[x];
		if (t->gebruik[l] + vd_lijn_deel(m, l, g) <= m->lijnen[l].capaciteit_cent)
			continue;
		if (m->lijnen[l].soort != VERDELING_LIJN_REGIO)
			return false;
		regio = true;
	}
	return regio;
}

/* Grants i as much as fits (full, or down to its floor); true if any. */
static bool ken_toe(const struct vd_model *m, struct vd_toewijzing *t, size_t i)
{
	int64_t h = vd_max_bedrag(m, i, t->gebruik, vd_vloer_bedrag(m, i));
	if (h <= 0)
		return false;
	vd_zet(m, t, i, h);
	return true;
}

/* Phase 1: the regional minimums, each region's best applications first. */
static void regiominima(const struct vd_model *m, struct vd_toewijzing *t, int64_t *stand)
{
	for (size_t p = 0; p < m->n; p++) {
		size_t i = m->rang[p];
		int r = m->kand[i].regio;
		if (!m->kand[i].boven_lat || stand[r] >= m->regio_min[r])
			continue;
		if (ken_toe(m, t, i)) {
			t->herkomst[i] = VD_H_REGIOMINIMUM;
			stand[r] += vd_regio_bijdrage(m, i, t->totaal[i]);
		}
	}
}

void vd_rangorde(const struct vd_model *m, struct vd_toewijzing *t, bool strikt)
{
	int64_t stand[1];
	int64_t *st = m->regio_aantal ? arena_alloc(m->arena, m->regio_aantal * sizeof *st) : stand;
	size_t gesloten[VERDELING_THEMAS_MAX];
	for (size_t x = 0; x < VERDELING_THEMAS_MAX; x++)
		gesloten[x] = SIZE_MAX;
	if (st && m->s->regio_minimum_soort != VERDELING_MINIMUM_GEEN) {
		memset(st, 0, m->regio_aantal * sizeof *st);
		regiominima(m, t, st);
	}
	for (size_t p = 0; p < m->n; p++) {
		size_t i = m->rang[p];
		int th = m->kand[i].thema;
		if (!m->kand[i].boven_lat || t->totaal[i] > 0)
			continue;
		if (strikt && gesloten[th] != SIZE_MAX) {
			t->herkomst[i] = VD_H_AFKAP;
			t->gesloten_na[i] = gesloten[th];
			continue;
		}
		if (ken_toe(m, t, i))
			t->herkomst[i] = VD_H_RANG;
		else if (strikt && !alleen_regio(m, t, i))
			gesloten[th] = i;
	}
}

/* ======================================================================
 * Pro rata
 * ====================================================================== */

/* One state of the rule: who is still in, and the levels (ppb) that
 * follow from it. Levels are also used on their own as bounds. */
struct pr_stand {
	bool *actief;
	int64_t *regio;            /* per region line: its own highest share */
	int64_t thema[VERDELING_THEMAS_MAX];
	int64_t factor;            /* common factor for fund and years */
};

struct pro_rata {
	const struct vd_model *m;
	size_t *leden;             /* per line: the eligible candidates (CSR) */
	size_t *begin;             /* line l: leden[begin[l] .. begin[l+1]) */
	int *regio_van;            /* per candidate: its region line or VD_GEEN */
	size_t partij_max;         /* most removals tried at once (>= 1) */
};

/* The target total of i at share s (ppb). */
static int64_t doel(const struct vd_model *m, size_t i, int64_t s)
{
	return vd_muldiv(m->kand[i].totaal_cent, s, PPB);
}

/* The region line of i, or VD_GEEN. */
static int regio_lijn(const struct vd_model *m, size_t i)
{
	const struct vd_kand *c = &m->kand[i];
	for (int x = 0; x < c->lijn_aantal; x++)
		if (m->lijnen[c->lijnen[x]].soort == VERDELING_LIJN_REGIO)
			return c->lijnen[x];
	return VD_GEEN;
}

/* The share of i before the common factor, with the levels of `n`. */
static int64_t niveau(const struct pro_rata *p, const struct pr_stand *n, size_t i)
{
	int64_t s = n->thema[p->m->kand[i].thema];
	int r = p->regio_van[i];
	if (r != VD_GEEN && n->regio[r] < s)
		s = n->regio[r];
	return s;
}

/* Usage of line l by the members that are in `in`, with the levels of
 * `n`, when member i gets share s (modus 0: a region line on its own),
 * min(s, its region's level) (modus 1: a theme) or its level times s/PPB
 * (modus 2: the common factor). Grows with s, with the set and with the
 * levels: that is what the bounds below rely on. */
static int64_t lijn_gebruik(const struct pro_rata *p, const bool *in, const struct pr_stand *n,
			    int l, int64_t s, int modus)
{
	const struct vd_model *m = p->m;
	unsigned masker = m->lijnen[l].jaar_masker;   /* as vd_bedragen_bij + vd_lijn_deel */
	int64_t som = 0;
	for (size_t x = p->begin[l]; x < p->begin[l + 1]; x++) {
		size_t i = p->leden[x];
		if (!in[i])
			continue;
		int64_t aandeel = s;
		if (modus == 1) {
			int r = p->regio_van[i];
			if (r != VD_GEEN && n->regio[r] < aandeel)
				aandeel = n->regio[r];
		} else if (modus == 2) {
			aandeel = vd_muldiv(niveau(p, n, i), s, PPB);
		}
		int64_t h = doel(m, i, aandeel), r = m->kand[i].totaal_cent;
		for (size_t y = 0; y < m->jaar_aantal; y++)
			if (masker & (1u << y)) {
				int64_t b = m->k[i].bedrag_cent[y];
				som += h >= r ? b : vd_muldiv(b, h, r);
			}
	}
	return som;
}

/* The highest s in [0, PPB] with lijn_gebruik(l, s) within capacity.
 * Usage grows with s (and is 0 at 0), so the answer stays bracketed by a
 * feasible lo and an infeasible hi until they are adjacent: exact. Usage
 * is nearly proportional to s (the floors lose a few cents per member),
 * so the next probe is interpolated between the ends; every other probe
 * halves instead, so at most 62 probes even when interpolation stalls,
 * and about 4-8 in practice. */
static int64_t hoogste(const struct pro_rata *p, const bool *in, const struct pr_stand *n,
		       int l, int modus)
{
	int64_t cap = p->m->lijnen[l].capaciteit_cent;
	int64_t lo = 0, hi = PPB, ulo = 0, uhi = lijn_gebruik(p, in, n, l, PPB, modus);
	if (uhi <= cap)
		return PPB;
	for (int stap = 0; hi - lo > 1; stap++) {
		int64_t mid = lo + (hi - lo) / 2;
		if (stap % 2 == 0 && uhi > ulo)
			mid = lo + (int64_t)((vd_i128)(cap - ulo) * (hi - lo) / (uhi - ulo));
		mid = mid <= lo ? lo + 1 : mid >= hi ? hi - 1 : mid;
		int64_t u = lijn_gebruik(p, in, n, l, mid, modus);
		if (u <= cap) {
			lo = mid;
			ulo = u;
		} else {
			hi = mid;
			uhi = u;
		}
	}
	return lo;
}

static bool is_fonds_of_jaar(const struct vd_lijn *x)
{
	return x->soort == VERDELING_LIJN_FONDS || x->soort == VERDELING_LIJN_JAAR;
}

/* Computes every level of `st` from its set: region lines, then themes,
 * then the common factor (the lowest highest level over the fund and
 * year lines). */
static void niveaus(const struct pro_rata *p, struct pr_stand *st)
{
	const struct vd_model *m = p->m;
	for (size_t l = 0; l < m->lijn_aantal; l++)
		if (m->lijnen[l].soort == VERDELING_LIJN_REGIO)
			st->regio[l] = hoogste(p, st->actief, st, (int)l, 0);
	for (size_t l = 0; l < m->lijn_aantal; l++)
		if (m->lijnen[l].soort == VERDELING_LIJN_THEMA)
			st->thema[m->lijnen[l].thema] = hoogste(p, st->actief, st, (int)l, 1);
	int64_t f = PPB;
	for (size_t l = 0; l < m->lijn_aantal; l++)
		if (is_fonds_of_jaar(&m->lijnen[l]) &&
		    lijn_gebruik(p, st->actief, st, (int)l, f, 2) > m->lijnen[l].capaciteit_cent) {
			int64_t h = hoogste(p, st->actief, st, (int)l, 2);
			f = h < f ? h : f;
		}
	st->factor = f;
}

/* The share of i with levels n and factor f. */
static int64_t aandeel_bij(const struct pro_rata *p, const struct pr_stand *n, int64_t f, size_t i)
{
	return vd_muldiv(niveau(p, n, i), f, PPB);
}

/* True when i's amounts at share s fall below its floor. Grows false
 * with s: a higher share never brings an amount below the floor. */
static bool onder(const struct vd_model *m, size_t i, int64_t s)
{
	int64_t g[VERDELING_JAREN_MAX] = {0};
	int64_t som = vd_bedragen_bij(m, i, doel(m, i, s), g);
	return (vd_i128)som * VD_BP < (vd_i128)m->kand[i].totaal_cent * m->kand[i].vloer_bp;
}

/* The order of removal: the highest floor first, ties the lowest rank
 * (the last in the tie-break chain). < 0 when i goes first. */
static int eerder_weg(const struct vd_model *m, size_t i, size_t j)
{
	if (m->kand[i].vloer_bp != m->kand[j].vloer_bp)
		return m->kand[i].vloer_bp > m->kand[j].vloer_bp ? -1 : 1;
	return m->rang_van[i] > m->rang_van[j] ? -1 : (i == j ? 0 : 1);
}

static _Thread_local const struct vd_model *weg_model;

static int weg_cmp(const void *a, const void *b)
{
	return eerder_weg(weg_model, *(const size_t *)a, *(const size_t *)b);
}

/* Writes the active candidates below their floor in `st` into d, in the
 * order of removal; returns how many. */
static size_t onder_vloer(const struct pro_rata *p, const struct pr_stand *st, size_t *d)
{
	const struct vd_model *m = p->m;
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++)
		if (st->actief[i] && onder(m, i, aandeel_bij(p, st, st->factor, i)))
			d[k++] = i;
	weg_model = m;
	qsort(d, k, sizeof *d, weg_cmp);
	return k;
}

/* Bounds on the levels of every state between `van` (before removing a
 * batch) and `naar` (after): a set in between uses at most what `van`'s
 * set uses at the higher levels, and at least what `naar`'s set uses at
 * the lower ones, so its levels lie between lo and hi (region levels
 * depend on their own members only and grow as members leave). */
static void grenzen(const struct pro_rata *p, const struct pr_stand *van,
		    const struct pr_stand *naar, struct pr_stand *lo, struct pr_stand *hi)
{
	const struct vd_model *m = p->m;
	memcpy(lo->regio, van->regio, m->lijn_aantal * sizeof *lo->regio);
	memcpy(hi->regio, naar->regio, m->lijn_aantal * sizeof *hi->regio);
	for (size_t l = 0; l < m->lijn_aantal; l++)
		if (m->lijnen[l].soort == VERDELING_LIJN_THEMA) {
			int th = m->lijnen[l].thema;
			lo->thema[th] = hoogste(p, van->actief, hi, (int)l, 1);
			hi->thema[th] = hoogste(p, naar->actief, lo, (int)l, 1);
		}
	lo->factor = hi->factor = PPB;
	for (size_t l = 0; l < m->lijn_aantal; l++)
		if (is_fonds_of_jaar(&m->lijnen[l])) {
			int64_t a = hoogste(p, van->actief, hi, (int)l, 2);
			int64_t b = hoogste(p, naar->actief, lo, (int)l, 2);
			lo->factor = a < lo->factor ? a : lo->factor;
			hi->factor = b < hi->factor ? b : hi->factor;
		}
}

/* How many of d[0..k) can be removed at once exactly as removing them one
 * at a time would: in every state in between, each of them must still be
 * below its floor (at the highest share it could have there), and no
 * other active candidate that comes before d[k-1] in the order of removal
 * may be (at the lowest). Returns k when the whole batch is proven, else
 * the length of the prefix the bounds do not refute (a smaller batch has
 * tighter bounds, so that prefix is the next one to try). */
static size_t partij_klopt(const struct pro_rata *p, const struct pr_stand *van,
			   const struct pr_stand *naar, const size_t *d, size_t k,
			   struct pr_stand *lo, struct pr_stand *hi)
{
	const struct vd_model *m = p->m;
	grenzen(p, van, naar, lo, hi);
	size_t goed = k;
	for (size_t x = 0; x < goed; x++)
		if (!onder(m, d[x], aandeel_bij(p, hi, hi->factor, d[x])))
			goed = x;
	for (size_t i = 0; i < m->n; i++) {
		if (!naar->actief[i] || !p->m->kand[i].boven_lat || eerder_weg(m, i, d[k - 1]) > 0 ||
		    !onder(m, i, aandeel_bij(p, lo, lo->factor, i)))
			continue;
		size_t a = 0, b = goed;   /* the d's that come before i */
		while (a < b) {
			size_t mid = a + (b - a) / 2;
			if (eerder_weg(m, d[mid], i) < 0)
				a = mid + 1;
			else
				b = mid;
		}
		goed = a;
	}
	return goed;
}

/* Builds the member lists of every line (eligible candidates only) and
 * each candidate's region line. */
static bool leden(struct pro_rata *p)
{
	const struct vd_model *m = p->m;
	p->begin = arena_alloc(m->arena, (m->lijn_aantal + 2) * sizeof *p->begin);
	p->leden = arena_alloc(m->arena, (m->n * VD_LIJNEN_PER_KANDIDAAT + 1) * sizeof *p->leden);
	p->regio_van = arena_alloc(m->arena, (m->n + 1) * sizeof *p->regio_van);
	size_t *vul = arena_alloc(m->arena, (m->lijn_aantal + 1) * sizeof *vul);
	if (!p->begin || !p->leden || !p->regio_van || !vul)
		return false;
	for (size_t i = 0; i < m->n; i++) {
		p->regio_van[i] = regio_lijn(m, i);
		for (int x = 0; m->kand[i].boven_lat && x < m->kand[i].lijn_aantal; x++)
			p->begin[m->kand[i].lijnen[x] + 1]++;
	}
	for (size_t l = 0; l < m->lijn_aantal; l++)
		p->begin[l + 1] += p->begin[l];
	for (size_t i = 0; i < m->n; i++)
		for (int x = 0; m->kand[i].boven_lat && x < m->kand[i].lijn_aantal; x++) {
			int l = m->kand[i].lijnen[x];
			p->leden[p->begin[l] + vul[l]++] = i;
		}
	return true;
}

static bool stand_nieuw(const struct vd_model *m, struct pr_stand *st, bool met_set)
{
	memset(st, 0, sizeof *st);
	st->regio = arena_alloc(m->arena, (m->lijn_aantal + 1) * sizeof *st->regio);
	st->actief = met_set ? arena_alloc(m->arena, m->n + 1) : NULL;
	return st->regio && (!met_set || st->actief);
}

static void stand_kopieer(const struct vd_model *m, struct pr_stand *dst, const struct pr_stand *src)
{
	memcpy(dst->actief, src->actief, m->n);
	memcpy(dst->regio, src->regio, m->lijn_aantal * sizeof *dst->regio);
	memcpy(dst->thema, src->thema, sizeof dst->thema);
	dst->factor = src->factor;
}

/* The rule as defined: while an active candidate is below its floor, the
 * first in the order of removal leaves and the levels are computed again.
 * Removing one at a time costs O(n) per removal, so a batch of the first
 * k is removed at once when partij_klopt proves that one at a time would
 * remove exactly those (the outcome is the same); otherwise k halves,
 * down to 1, which needs no proof. After a proven batch k doubles. */
static rc_t pro_rata_uitval(const struct pro_rata *p, struct pr_stand *st, struct vd_toewijzing *t)
{
	const struct vd_model *m = p->m;
	struct pr_stand naar, lo, hi;
	size_t *d = arena_alloc(m->arena, (m->n + 1) * sizeof *d);
	if (!d || !stand_nieuw(m, &naar, true) || !stand_nieuw(m, &lo, false) ||
	    !stand_nieuw(m, &hi, false))
		return RC_NOMEM;
	size_t k = p->partij_max;
	for (;;) {
		size_t aantal = onder_vloer(p, st, d);
		if (aantal == 0)
			return RC_OK;
		k = k < aantal ? k : aantal;
		for (;;) {
			stand_kopieer(m, &naar, st);
			for (size_t x = 0; x < k; x++)
				naar.actief[d[x]] = false;
			niveaus(p, &naar);
			size_t goed = k == 1 ? 1 : partij_klopt(p, st, &naar, d, k, &lo, &hi);
			if (goed == k)
				break;
			k = goed > k / 2 ? goed : k / 2;
			k = k > 0 ? k : 1;
		}
		for (size_t x = 0; x < k; x++)
			t->herkomst[d[x]] = VD_H_ONDER_VLOER;
		stand_kopieer(m, st, &naar);
		k = k * 2 < p->partij_max ? k * 2 : p->partij_max;
	}
}

size_t vd_pro_rata_partij_max = SIZE_MAX;

rc_t vd_pro_rata(const struct vd_model *m, struct vd_toewijzing *t)
{
	struct pro_rata p;
	struct pr_stand st;
	memset(&p, 0, sizeof p);
	p.m = m;
	p.partij_max = vd_pro_rata_partij_max ? vd_pro_rata_partij_max : 1;
	if (!leden(&p) || !stand_nieuw(m, &st, true))
		return RC_NOMEM;
	for (size_t i = 0; i < m->n; i++)
		st.actief[i] = m->kand[i].boven_lat;
	niveaus(&p, &st);
	rc_t rc = pro_rata_uitval(&p, &st, t);
	if (rc != RC_OK)
		return rc;
	for (size_t i = 0; i < m->n; i++) {
		if (!st.actief[i])
			continue;
		vd_zet(m, t, i, doel(m, i, aandeel_bij(&p, &st, st.factor, i)));
		t->herkomst[i] = VD_H_PRO_RATA;
	}
	return RC_OK;
}
