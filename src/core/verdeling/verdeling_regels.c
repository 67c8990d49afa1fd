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
 * and the shares are computed again.
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

struct pro_rata {
	const struct vd_model *m;
	bool *actief;
	int64_t *lijn_niveau;      /* per region line: its own highest share */
	int64_t thema_niveau[VERDELING_THEMAS_MAX];
	int64_t factor;            /* common factor for fund and years */
	size_t *leden;             /* per line: the eligible candidates (CSR) */
	size_t *begin;             /* line l: leden[begin[l] .. begin[l+1]) */
};

/* The target total of i at share s (ppb). */
static int64_t doel(const struct vd_model *m, size_t i, int64_t s)
{
	return (int64_t)((vd_i128)m->kand[i].totaal_cent * s / PPB);
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

/* The share of i before the common factor. */
static int64_t niveau(const struct pro_rata *p, size_t i)
{
	int64_t s = p->thema_niveau[p->m->kand[i].thema];
	int r = regio_lijn(p->m, i);
	if (r != VD_GEEN && p->lijn_niveau[r] < s)
		s = p->lijn_niveau[r];
	return s;
}

/* Usage of line l by its active members when member i gets share
 * min(s, own level) (modus 0: region line on its own; 1: theme) or its
 * level times s/PPB (modus 2: the common factor). */
static int64_t lijn_gebruik(const struct pro_rata *p, int l, int64_t s, int modus)
{
	const struct vd_model *m = p->m;
	int64_t som = 0, g[VERDELING_JAREN_MAX] = {0};
	for (size_t x = p->begin[l]; x < p->begin[l + 1]; x++) {
		size_t i = p->leden[x];
		if (!p->actief[i])
			continue;
		int64_t aandeel = s;
		if (modus == 1) {
			int r = regio_lijn(m, i);
			if (r != VD_GEEN && p->lijn_niveau[r] < aandeel)
				aandeel = p->lijn_niveau[r];
		} else if (modus == 2) {
			aandeel = (int64_t)((vd_i128)niveau(p, i) * s / PPB);
		}
		vd_bedragen_bij(m, i, doel(m, i, aandeel), g);
		som += vd_lijn_deel(m, l, g);
	}
	return som;
}

/* The highest s in [0, PPB] with lijn_gebruik(l, s) within capacity.
 * Usage grows with s, so bisection. Usage is nearly proportional to s
 * (the floors lose less than years + 2 cents per member), so a narrow
 * bracket around the proportional guess is tried first; each end is
 * verified, so the answer is exact either way. At most 31 halvings. */
static int64_t hoogste(const struct pro_rata *p, int l, int modus)
{
	int64_t cap = p->m->lijnen[l].capaciteit_cent;
	int64_t u1 = lijn_gebruik(p, l, PPB, modus);
	if (u1 <= cap)
		return PPB;
	int64_t lo = 0, hi = PPB;
	int64_t leden = (int64_t)(p->begin[l + 1] - p->begin[l]);
	int64_t gok = (int64_t)((vd_i128)cap * PPB / u1);
	int64_t w = (int64_t)((vd_i128)(leden * (VERDELING_JAREN_MAX + 2) + 1) * PPB / u1) + 1;
	if (gok - w > 0 && lijn_gebruik(p, l, gok - w, modus) <= cap)
		lo = gok - w;
	if (gok + w < PPB && lijn_gebruik(p, l, gok + w, modus) > cap)
		hi = gok + w;
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		if (lijn_gebruik(p, l, mid, modus) <= cap)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Recomputes the levels of region line r (or all when r is VD_GEEN),
 * of theme th (or all) and the common factor. */
static void niveaus(struct pro_rata *p, int r, int th)
{
	const struct vd_model *m = p->m;
	for (size_t l = 0; l < m->lijn_aantal; l++) {
		const struct vd_lijn *x = &m->lijnen[l];
		if (x->soort == VERDELING_LIJN_REGIO && (r == VD_GEEN || (int)l == r))
			p->lijn_niveau[l] = hoogste(p, (int)l, 0);
	}
	for (size_t l = 0; l < m->lijn_aantal; l++) {
		const struct vd_lijn *x = &m->lijnen[l];
		if (x->soort == VERDELING_LIJN_THEMA && (th == VD_GEEN || x->thema == th))
			p->thema_niveau[x->thema] = hoogste(p, (int)l, 1);
	}
	int64_t f = PPB;
	for (size_t l = 0; l < m->lijn_aantal; l++) {
		enum verdeling_lijn_soort s = m->lijnen[l].soort;
		if ((s == VERDELING_LIJN_FONDS || s == VERDELING_LIJN_JAAR) &&
		    lijn_gebruik(p, (int)l, f, 2) > m->lijnen[l].capaciteit_cent) {
			int64_t h = hoogste(p, (int)l, 2);
			f = h < f ? h : f;
		}
	}
	p->factor = f;
}

/* The share of i after the common factor. */
static int64_t aandeel(const struct pro_rata *p, size_t i)
{
	return (int64_t)((vd_i128)niveau(p, i) * p->factor / PPB);
}

/* The active candidate below its floor with the highest floor (ties:
 * the lowest rank), or SIZE_MAX when none. */
static size_t onder_vloer(const struct pro_rata *p)
{
	const struct vd_model *m = p->m;
	size_t best = SIZE_MAX;
	int64_t g[VERDELING_JAREN_MAX] = {0};
	for (size_t i = 0; i < m->n; i++) {
		if (!p->actief[i])
			continue;
		int64_t som = vd_bedragen_bij(m, i, doel(m, i, aandeel(p, i)), g);
		if ((vd_i128)som * VD_BP >= (vd_i128)m->kand[i].totaal_cent * m->kand[i].vloer_bp)
			continue;
		if (best == SIZE_MAX || m->kand[i].vloer_bp > m->kand[best].vloer_bp ||
		    (m->kand[i].vloer_bp == m->kand[best].vloer_bp && m->rang_van[i] > m->rang_van[best]))
			best = i;
	}
	return best;
}

/* Builds the member lists of every line (eligible candidates only). */
static bool leden(struct pro_rata *p)
{
	const struct vd_model *m = p->m;
	p->begin = arena_alloc(m->arena, (m->lijn_aantal + 2) * sizeof *p->begin);
	p->leden = arena_alloc(m->arena, (m->n * VD_LIJNEN_PER_KANDIDAAT + 1) * sizeof *p->leden);
	size_t *vul = arena_alloc(m->arena, (m->lijn_aantal + 1) * sizeof *vul);
	if (!p->begin || !p->leden || !vul)
		return false;
	for (size_t i = 0; i < m->n; i++)
		for (int x = 0; m->kand[i].boven_lat && x < m->kand[i].lijn_aantal; x++)
			p->begin[m->kand[i].lijnen[x] + 1]++;
	for (size_t l = 0; l < m->lijn_aantal; l++)
		p->begin[l + 1] += p->begin[l];
	for (size_t i = 0; i < m->n; i++)
		for (int x = 0; m->kand[i].boven_lat && x < m->kand[i].lijn_aantal; x++) {
			int l = m->kand[i].lijnen[x];
			p->leden[p->begin[l] + vul[l]++] = i;
		}
	return true;
}

rc_t vd_pro_rata(const struct vd_model *m, struct vd_toewijzing *t)
{
	struct pro_rata p;
	memset(&p, 0, sizeof p);
	p.m = m;
	p.actief = arena_alloc(m->arena, m->n + 1);
	p.lijn_niveau = arena_alloc(m->arena, (m->lijn_aantal + 1) * sizeof *p.lijn_niveau);
	if (!p.actief || !p.lijn_niveau || !leden(&p))
		return RC_NOMEM;
	for (size_t i = 0; i < m->n; i++)
		p.actief[i] = m->kand[i].boven_lat;
	niveaus(&p, VD_GEEN, VD_GEEN);
	/* Each round drops one candidate, so at most n rounds. */
	for (size_t ronde = 0; ronde < m->n; ronde++) {
		size_t i = onder_vloer(&p);
		if (i == SIZE_MAX)
			break;
		p.actief[i] = false;
		t->herkomst[i] = VD_H_ONDER_VLOER;
		niveaus(&p, regio_lijn(m, i) == VD_GEEN ? -2 : regio_lijn(m, i), m->kand[i].thema);
	}
	for (size_t i = 0; i < m->n; i++) {
		if (!p.actief[i])
			continue;
		vd_zet(m, t, i, doel(m, i, aandeel(&p, i)));
		t->herkomst[i] = VD_H_PRO_RATA;
	}
	return RC_OK;
}
