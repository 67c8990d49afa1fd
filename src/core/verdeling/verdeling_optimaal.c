/*
 * verdeling_optimaal.c -- the optimal rule: the selection that maximises
 * the total fte within every budget line at once, by depth-first branch
 * and bound with a proven upper bound in exact integer arithmetic.
 *
 * The problem. Every eligible application i either gets nothing or at
 * least its floor share l_i (1 when partial funding is not allowed), up
 * to its full request R_i. Lines: the fund, each theme, each region x
 * theme are "laminar" (nested, all weighted by the total amount); the
 * year lines weigh the amount in (or up to) one year.
 *
 * The bound (docs/verdeling.md §5). The year lines are moved into the
 * objective with Lagrange multipliers mu_l >= 0 (integers, in milli-fte
 * per cent x D with D = 10^11):
 *
 *   L(mu) = sum_l mu_l C_l / D  +  max { sum_i w_i x_i / D :
 *           laminar lines, x_i in [0,1] (or [l_i,1] when chosen) }
 *   with w_i = fte_i * D - sum_l mu_l a_li.
 *
 * The inner maximum over a laminar family with one weight per item is
 * solved exactly by the greedy in order of w_i / R_i. L(mu) is a valid
 * upper bound for every mu >= 0 and for every node; rounding is always
 * done upwards (ceil for values, floor for consumption, and when partial
 * funding is on every capacity gets a slack of (years + 1) cents per
 * partial-capable application, which covers the rounding of per-year
 * amounts). mu is chosen once at the root by coordinate bisection on the
 * subgradient (capacity - usage) of each year line. With no year line
 * binding, mu = 0 and the bound is the plain LP bound.
 *
 * The search. Applications in order of w_i / R_i (ties: rank); at each
 * node "chosen" (at its floor) before "not chosen"; a node is pruned when
 * floor(L) <= the best value found. The greedy of the ranking rule (skip
 * and continue) is the first incumbent. A deterministic node limit (never
 * a clock, so the output stays byte-identical) ends the search; the
 * proven bound is then the largest bound of any open node. At a leaf the
 * chosen applications get their floor amounts and are then raised, in
 * ranking order, as far as the lines allow (the partial tail); such a
 * leaf is exact only without partial funding.
 */
#include <stdlib.h>
#include <string.h>

#include "core/verdeling/verdeling_intern.h"

#define D INT64_C(100000000000)
#define WINST_MIN ((vd_i128)-1000000000000000000 * 1000000)  /* -1e24: clamp */

struct bb {
	const struct vd_model *m;
	size_t ne;                 /* eligible applications */
	size_t *orde;              /* eligible, by w/R descending */
	vd_i128 *winst;            /* w_i, per candidate */
	int64_t *vloer_h;          /* floor target per candidate */
	int64_t *vloer_g;          /* floor amounts, J per candidate */
	int64_t *vast;             /* floor(R * l) per candidate */
	int lam[VD_LIJNEN_PER_KANDIDAAT];
	int8_t *keuze;             /* 0 open, 1 chosen, -1 not */
	int64_t *gebruik;          /* actual usage of chosen floors, per line */
	int64_t *rest;             /* scratch: laminar capacity left */
	int64_t *potentie;         /* per region: what not-refused items could add */
	int64_t *mu;               /* per line; non-zero only on year lines */
	int64_t slack;
	size_t deel_aantal;        /* partial-capable eligible applications */
	vd_i128 vast_winst;        /* sum of ceil(w l) over chosen */
	vd_i128 vol_winst;         /* the same, but w for chosen items with w > 0 */
	int64_t *vol_gebruik;      /* laminar: R for those, floor(R l) for the rest */
	int64_t vast_fte;          /* sum of fte over chosen (exact without partial) */
	size_t kies_deel;          /* chosen applications with a partial tail */
	int64_t beste;             /* incumbent value, -1: none */
	struct vd_toewijzing *werk, *top;
	int64_t open_grens;        /* largest bound of a node left open */
	uint64_t knopen, knopen_max;
	uint64_t bezocht, bezocht_max;  /* items visited by bounds and leaves */
	bool gestopt;              /* the limit ended the search */
};

static bool laminair(const struct vd_model *m, int l)
{
	return m->lijnen[l].soort != VERDELING_LIJN_JAAR;
}

static vd_i128 ceil_div(vd_i128 a, vd_i128 b)
{
	return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

static int64_t floor_div(vd_i128 a, vd_i128 b)
{
	return (int64_t)(a >= 0 ? a / b : -((-a + b - 1) / b));
}

/* ---- reduced profits and the density order ----------------------------- */

/* w_i for every eligible candidate under bb->mu, clamped below. */
static void winsten(struct bb *b)
{
	const struct vd_model *m = b->m;
	int64_t g[VERDELING_JAREN_MAX] = {0};
	for (size_t x = 0; x < b->ne; x++) {
		size_t i = b->orde[x];
		vd_i128 w = (vd_i128)m->k[i].fte_milli * D;
		vd_bedragen_bij(m, i, m->kand[i].totaal_cent, g);
		for (int y = 0; y < m->kand[i].lijn_aantal; y++) {
			int l = m->kand[i].lijnen[y];
			if (b->mu[l])
				w -= (vd_i128)b->mu[l] * vd_lijn_deel(m, l, g);
		}
		b->winst[i] = w < WINST_MIN ? WINST_MIN : w;
	}
}

static _Thread_local const struct bb *sorteer_bb;

static int dichtheid_cmp(const void *pa, const void *pb)
{
	const struct bb *b = sorteer_bb;
	size_t i = *(const size_t *)pa, j = *(const size_t *)pb;
	vd_i128 l = b->winst[i] * b->m->kand[j].totaal_cent;
	vd_i128 r = b->winst[j] * b->m->kand[i].totaal_cent;
	if (l != r)
		return l > r ? -1 : 1;
	return b->m->rang_van[i] < b->m->rang_van[j] ? -1 : 1;
}

static void sorteer(struct bb *b)
{
	sorteer_bb = b;
	qsort(b->orde, b->ne, sizeof *b->orde, dichtheid_cmp);
	sorteer_bb = NULL;
}

/* ---- the bound ---------------------------------------------------------- */

/* Takes as much of item i as the laminar lines allow, up to `omvang`. */
static int64_t neem(struct bb *b, size_t i, int64_t omvang)
{
	const struct vd_kand *c = &b->m->kand[i];
	int64_t t = omvang;
	for (int x = 0; x < c->lijn_aantal; x++)
		if (laminair(b->m, c->lijnen[x]) && b->rest[c->lijnen[x]] < t)
			t = b->rest[c->lijnen[x]];
	if (t <= 0)
		return 0;
	for (int x = 0; x < c->lijn_aantal; x++)
		if (laminair(b->m, c->lijnen[x]))
			b->rest[c->lijnen[x]] -= t;
	return t;
}

/* With partial funding the chosen items' free parts come first in the
 * greedy (they precede every open item in the order). When the laminar
 * lines can hold all of them, the greedy takes them whole: then the
 * prefix is summed up front (b->vol_*) and the scan can start at the
 * depth. Sets rest and *tot for that case and returns true; false
 * (nothing changed) when they do not all fit. */
static bool vol_past(struct bb *b, vd_i128 *tot)
{
	const struct vd_model *m = b->m;
	for (size_t l = 0; l < m->lijn_aantal; l++)
		if (laminair(m, (int)l) &&
		    b->vol_gebruik[l] > m->lijnen[l].capaciteit_cent + b->slack)
			return false;
	for (size_t l = 0; l < m->lijn_aantal; l++)
		if (laminair(m, (int)l))
			b->rest[l] = m->lijnen[l].capaciteit_cent + b->slack - b->vol_gebruik[l];
	*tot += b->vol_winst - b->vast_winst;
	return true;
}

/* L(mu) at the current node, as D x milli-fte (not yet divided). With
 * `jaar_gebruik` (root only), also the usage of each year line by the
 * relaxed solution, for the subgradient. Items before `start` in the
 * order are all decided. */
static vd_i128 grens_ruw(struct bb *b, size_t start, vd_i128 *jaar_gebruik)
{
	const struct vd_model *m = b->m;
	vd_i128 tot = b->vast_winst;
	for (size_t l = 0; l < m->lijn_aantal; l++) {
		int64_t cap = m->lijnen[l].capaciteit_cent + b->slack;
		if (laminair(m, (int)l))
			b->rest[l] = cap - (b->gebruik[l] > 0 ? b->gebruik[l] : 0);
		else
			tot += (vd_i128)b->mu[l] * cap;
	}
	if (b->kies_deel > 0 && !vol_past(b, &tot))
		start = 0;
	int64_t g[VERDELING_JAREN_MAX] = {0};
	for (size_t x = start; x < b->ne && b->rest[0] > 0; x++) {
		size_t i = b->orde[x];
		b->bezocht++;
		if (b->winst[i] <= 0)
			break;
		if (b->keuze[i] < 0)
			continue;
		int64_t omvang = m->kand[i].totaal_cent - (b->keuze[i] > 0 ? b->vast[i] : 0);
		int64_t t = omvang > 0 ? neem(b, i, omvang) : 0;
		if (t == 0)
			continue;
		tot += ceil_div(b->winst[i] * t, m->kand[i].totaal_cent);
		if (!jaar_gebruik)
			continue;
		vd_bedragen_bij(m, i, t, g);
		for (size_t l = 0; l < m->lijn_aantal; l++)
			if (!laminair(m, (int)l))
				jaar_gebruik[l] += vd_lijn_deel(m, (int)l, g);
	}
	return tot;
}

static int64_t grens(struct bb *b, size_t start)
{
	return floor_div(grens_ruw(b, start, NULL), D);
}

/* ---- choosing mu at the root -------------------------------------------- */

/* Root bound under the current mu; usage per year line into u. */
static vd_i128 wortel(struct bb *b, vd_i128 *u)
{
	winsten(b);
	sorteer(b);
	memset(u, 0, b->m->lijn_aantal * sizeof *u);
	return grens_ruw(b, 0, u);
}

/* The largest useful multiplier of year line l: above the highest
 * fte-per-cent ratio every item's profit on this line is negative. */
static int64_t mu_max(const struct bb *b, int l)
{
	const struct vd_model *m = b->m;
	int64_t g[VERDELING_JAREN_MAX] = {0};
	vd_i128 best = 0;
	for (size_t x = 0; x < b->ne; x++) {
		size_t i = b->orde[x];
		vd_bedragen_bij(m, i, m->kand[i].totaal_cent, g);
		int64_t a = vd_lijn_deel(m, l, g);
		if (a > 0 && (vd_i128)m->k[i].fte_milli * D / a + 1 > best)
			best = (vd_i128)m->k[i].fte_milli * D / a + 1;
	}
	return (int64_t)best;
}

/* Bisection on the subgradient of one multiplier; keeps the best mu. */
static void zoek_mu(struct bb *b, int l, vd_i128 *u, vd_i128 *beste)
{
	int64_t cap = b->m->lijnen[l].capaciteit_cent + b->slack;
	int64_t lo = 0, hi = mu_max(b, l), oud = b->mu[l], keus = oud;
	/* At most 64 halvings of a range below 2^63. */
	for (int stap = 0; stap < 64 && hi - lo > 1; stap++) {
		b->mu[l] = lo + (hi - lo) / 2;
		vd_i128 v = wortel(b, u);
		if (v < *beste) {
			*beste = v;
			keus = b->mu[l];
		}
		if (u[l] > cap)
			lo = b->mu[l];
		else
			hi = b->mu[l];
	}
	b->mu[l] = keus;
}

/* Chooses mu (two rounds over the year lines), then fixes the order. */
static void kies_mu(struct bb *b, vd_i128 *u)
{
	vd_i128 beste = wortel(b, u);
	bool bindt = false;
	for (size_t l = 0; l < b->m->lijn_aantal; l++)
		if (!laminair(b->m, (int)l) && u[l] > b->m->lijnen[l].capaciteit_cent + b->slack)
			bindt = true;
	for (int ronde = 0; bindt && ronde < 2; ronde++)
		for (size_t l = 0; l < b->m->lijn_aantal; l++)
			if (!laminair(b->m, (int)l))
				zoek_mu(b, (int)l, u, &beste);
	winsten(b);
	sorteer(b);
}

/* ---- decisions ---------------------------------------------------------- */

/* Adds (teken 1) or removes (-1) chosen item i in the vol_* sums. */
static void vol(struct bb *b, size_t i, int teken)
{
	const struct vd_kand *c = &b->m->kand[i];
	bool heel = b->winst[i] > 0 || c->vloer_bp >= VD_BP;
	vd_i128 w = heel ? b->winst[i] : ceil_div(b->winst[i] * c->vloer_bp, VD_BP);
	int64_t r = heel ? c->totaal_cent : b->vast[i];
	b->vol_winst += teken * w;
	for (int x = 0; x < c->lijn_aantal; x++)
		if (laminair(b->m, c->lijnen[x]))
			b->vol_gebruik[c->lijnen[x]] += teken * r;
}

/* Chooses i at its floor when it fits; false (nothing changed) if not. */
static bool kies(struct bb *b, size_t i)
{
	const struct vd_model *m = b->m;
	const struct vd_kand *c = &m->kand[i];
	const int64_t *g = &b->vloer_g[i * VERDELING_JAREN_MAX];
	for (int x = 0; x < c->lijn_aantal; x++)
		if (b->gebruik[c->lijnen[x]] + vd_lijn_deel(m, c->lijnen[x], g) >
		    m->lijnen[c->lijnen[x]].capaciteit_cent)
			return false;
	for (int x = 0; x < c->lijn_aantal; x++)
		b->gebruik[c->lijnen[x]] += vd_lijn_deel(m, c->lijnen[x], g);
	b->keuze[i] = 1;
	vol(b, i, 1);
	b->vast_winst += c->vloer_bp >= VD_BP ? b->winst[i]
					      : ceil_div(b->winst[i] * c->vloer_bp, VD_BP);
	b->vast_fte += m->k[i].fte_milli;
	b->kies_deel += c->vloer_bp < VD_BP;
	return true;
}

/* Refuses i; false when its region can then no longer meet its minimum. */
static bool weiger(struct bb *b, size_t i)
{
	const struct vd_model *m = b->m;
	int r = m->kand[i].regio;
	b->keuze[i] = -1;
	b->potentie[r] -= vd_regio_bijdrage(m, i, m->kand[i].totaal_cent);
	return b->potentie[r] >= m->regio_min[r];
}

/* Undoes the decision on i. */
static void herstel(struct bb *b, size_t i)
{
	const struct vd_model *m = b->m;
	const struct vd_kand *c = &m->kand[i];
	if (b->keuze[i] > 0) {
		const int64_t *g = &b->vloer_g[i * VERDELING_JAREN_MAX];
		for (int x = 0; x < c->lijn_aantal; x++)
			b->gebruik[c->lijnen[x]] -= vd_lijn_deel(m, c->lijnen[x], g);
		vol(b, i, -1);
		b->vast_winst -= c->vloer_bp >= VD_BP ? b->winst[i]
						      : ceil_div(b->winst[i] * c->vloer_bp, VD_BP);
		b->vast_fte -= m->k[i].fte_milli;
		b->kies_deel -= c->vloer_bp < VD_BP;
	} else if (b->keuze[i] < 0) {
		b->potentie[c->regio] += vd_regio_bijdrage(m, i, c->totaal_cent);
	}
	b->keuze[i] = 0;
}

/* ---- leaves ------------------------------------------------------------- */

/* Builds the allocation of the current leaf in b->werk: chosen items at
 * their floor, then each raised in ranking order as far as the lines
 * allow. Returns its fte, or -1 when a regional minimum is not met. */
static int64_t blad(struct bb *b, int64_t *stand)
{
	const struct vd_model *m = b->m;
	struct vd_toewijzing *w = b->werk;
	memset(w->bedrag, 0, m->n * VERDELING_JAREN_MAX * sizeof *w->bedrag);
	memset(w->totaal, 0, m->n * sizeof *w->totaal);
	memcpy(w->gebruik, b->gebruik, m->lijn_aantal * sizeof *w->gebruik);
	w->fte_milli = 0;
	for (size_t x = 0; x < b->ne; x++) {
		size_t i = b->orde[x];
		if (b->keuze[i] <= 0)
			continue;
		int64_t *g = &w->bedrag[i * VERDELING_JAREN_MAX];
		memcpy(g, &b->vloer_g[i * VERDELING_JAREN_MAX], VERDELING_JAREN_MAX * sizeof *g);
		for (size_t y = 0; y < m->jaar_aantal; y++)
			w->totaal[i] += g[y];
		w->fte_milli += vd_fte_bij(m, i, w->totaal[i]);
	}
	for (size_t p = 0; b->kies_deel > 0 && p < m->n; p++) {
		size_t i = m->rang[p];
		if (!m->kand[i].boven_lat || b->keuze[i] <= 0 || w->totaal[i] >= m->kand[i].totaal_cent)
			continue;
		int64_t h = b->vloer_h[i];
		vd_zet(m, w, i, 0);
		int64_t max = vd_max_bedrag(m, i, w->gebruik, h);
		vd_zet(m, w, i, max > h ? max : h);
	}
	if (m->s->regio_minimum_soort != VERDELING_MINIMUM_GEEN) {
		vd_regio_standen(m, w, stand);
		if (!vd_regiominima_gehaald(m, stand))
			return -1;
	}
	return w->fte_milli;
}

/* ---- the search --------------------------------------------------------- */

struct stap {
	size_t diepte;             /* position in orde chosen here */
	int64_t grens;             /* bound of the node before the choice */
};

/* Evaluates a leaf: new incumbent, and an inexact leaf keeps its bound open. */
static void evalueer_blad(struct bb *b, int64_t g, int64_t *stand)
{
	if (b->kies_deel == 0 && b->vast_fte <= b->beste)
		return;
	int64_t v = blad(b, stand);
	b->bezocht += b->m->n;
	if (v > b->beste) {
		b->beste = v;
		vd_toewijzing_kopieer(b->m, b->top, b->werk);
	}
	if (b->kies_deel > 0 && g > b->open_grens)
		b->open_grens = g;
}

/* Goes back to the most recent choice whose "not chosen" branch is still
 * open and takes it. Returns the new depth, or SIZE_MAX when the tree is
 * exhausted. */
static size_t terug(struct bb *b, struct stap *stapel, size_t *hoogte, size_t d)
{
	while (*hoogte > 0) {
		struct stap s = stapel[--*hoogte];
		while (d > s.diepte)
			herstel(b, b->orde[--d]);
		if (s.grens <= b->beste)
			continue;
		if (weiger(b, b->orde[d]))
			return d + 1;
		herstel(b, b->orde[d]);
	}
	return SIZE_MAX;
}

/* Reports progress to the caller's hook, if any; false when it asks to
 * stop. */
static bool voortgang_meld(const struct bb *b)
{
	const struct verdeling_voortgang *v = b->m->voortgang;
	return !v || !v->melding || v->melding(v->ctx, b->knopen, b->beste);
}

/* Depth-first branch and bound from the root; sets b->open_grens to the
 * largest bound left unexplored when the node limit ends the search. */
static void zoek(struct bb *b, struct stap *stapel, int64_t *stand)
{
	size_t d = 0, hoogte = 0;
	while (d != SIZE_MAX) {
		int64_t g = grens(b, d);
		if (b->knopen >= b->knopen_max || b->bezocht >= b->bezocht_max) {
			b->gestopt = true;
			for (size_t x = 0; x < hoogte; x++)
				if (stapel[x].grens > b->open_grens)
					b->open_grens = stapel[x].grens;
			if (g > b->open_grens)
				b->open_grens = g;
			return;
		}
		b->knopen++;
		if (b->knopen % VERDELING_VOORTGANG_KNOPEN == 0 && !voortgang_meld(b)) {
			b->gestopt = true;
			b->open_grens = g > b->open_grens ? g : b->open_grens;
			for (size_t x = 0; x < hoogte; x++)
				if (stapel[x].grens > b->open_grens)
					b->open_grens = stapel[x].grens;
			return;
		}
		if (g <= b->beste) {
			d = terug(b, stapel, &hoogte, d);
			continue;
		}
		if (d == b->ne) {
			evalueer_blad(b, g, stand);
			d = terug(b, stapel, &hoogte, d);
			continue;
		}
		size_t i = b->orde[d];
		if (kies(b, i)) {
			stapel[hoogte].diepte = d;
			stapel[hoogte++].grens = g;
			d++;
		} else if (weiger(b, i)) {
			d++;
		} else {
			herstel(b, i);
			d = terug(b, stapel, &hoogte, d);
		}
	}
}

/* ---- set-up and the rule ------------------------------------------------ */

/* Allocates the search state; false on exhaustion. */
static bool bb_init(struct bb *b, const struct vd_model *m)
{
	struct arena *a = m->arena;
	size_t n = m->n ? m->n : 1, k = m->lijn_aantal + 1;
	memset(b, 0, sizeof *b);
	b->m = m;
	b->orde = arena_alloc(a, n * sizeof *b->orde);
	b->winst = arena_alloc(a, n * sizeof *b->winst);
	b->vloer_h = arena_alloc(a, n * sizeof *b->vloer_h);
	b->vloer_g = arena_alloc(a, n * VERDELING_JAREN_MAX * sizeof *b->vloer_g);
	b->vast = arena_alloc(a, n * sizeof *b->vast);
	b->keuze = arena_alloc(a, n);
	b->gebruik = arena_alloc(a, k * sizeof *b->gebruik);
	b->rest = arena_alloc(a, k * sizeof *b->rest);
	b->mu = arena_alloc(a, k * sizeof *b->mu);
	b->vol_gebruik = arena_alloc(a, k * sizeof *b->vol_gebruik);
	b->potentie = arena_alloc(a, (m->regio_aantal + 1) * sizeof *b->potentie);
	b->werk = vd_toewijzing_nieuw(m);
	b->top = vd_toewijzing_nieuw(m);
	if (!b->orde || !b->winst || !b->vloer_h || !b->vloer_g || !b->vast || !b->keuze ||
	    !b->gebruik || !b->rest || !b->mu || !b->vol_gebruik || !b->potentie || !b->werk || !b->top)
		return false;
	for (size_t i = 0; i < m->n; i++) {
		const struct vd_kand *c = &m->kand[i];
		if (!c->boven_lat)
			continue;
		b->orde[b->ne++] = i;
		b->vloer_h[i] = vd_vloer_bedrag(m, i);
		vd_bedragen_bij(m, i, b->vloer_h[i], &b->vloer_g[i * VERDELING_JAREN_MAX]);
		b->vast[i] = (int64_t)((vd_i128)c->totaal_cent * c->vloer_bp / VD_BP);
		b->deel_aantal += c->vloer_bp < VD_BP;
		b->potentie[c->regio] += vd_regio_bijdrage(m, i, c->totaal_cent);
	}
	b->slack = (int64_t)b->deel_aantal * (int64_t)(m->jaar_aantal + 3);
	b->knopen_max = m->s->knopen_max ? m->s->knopen_max : VERDELING_KNOPEN_STANDAARD;
	b->bezocht_max = b->knopen_max * VERDELING_WERK_PER_KNOOP;
	return true;
}

/* Raises every eligible application that is not fully funded, in
 * ranking order, as far as the lines allow (never below its floor). */
static void aanvullen(const struct vd_model *m, struct vd_toewijzing *t)
{
	for (size_t p = 0; p < m->n; p++) {
		size_t i = m->rang[p];
		if (!m->kand[i].boven_lat || t->totaal[i] >= m->kand[i].totaal_cent)
			continue;
		int64_t oud = t->totaal[i], g[VERDELING_JAREN_MAX] = {0};
		memcpy(g, &t->bedrag[i * VERDELING_JAREN_MAX], sizeof g);
		vd_zet(m, t, i, 0);
		int64_t h = vd_max_bedrag(m, i, t->gebruik, oud > 0 ? oud : vd_vloer_bedrag(m, i));
		if (h > 0)
			vd_zet(m, t, i, h);
		if (t->totaal[i] <= oud)
			vd_zet_g(m, t, i, g);
		else if (oud == 0)
			t->herkomst[i] = VD_H_AANVULLING;
	}
}

/* Fills the solver report from the final value and the proven bound. */
static void rapport(const struct bb *b, int64_t waarde, int64_t open, bool volledig,
		    struct verdeling_solver *s)
{
	memset(s, 0, sizeof *s);
	s->knopen = b->knopen;
	s->knopen_max = b->knopen_max;
	s->limiet_bereikt = !volledig;
	s->bovengrens_milli = open > waarde ? open : waarde;
	s->gap_milli = s->bovengrens_milli - waarde;
	s->bewezen_optimaal = s->gap_milli == 0;
	if (s->bovengrens_milli > 0)
		s->gap_bp = (int64_t)(((vd_i128)s->gap_milli * VD_BP + s->bovengrens_milli - 1) /
				      s->bovengrens_milli);
}

rc_t vd_optimaal(const struct vd_model *m, struct vd_toewijzing *t,
		 struct verdeling_solver *solver, struct error *e)
{
	struct bb b;
	if (!bb_init(&b, m))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de optimalisatie.");
	vd_i128 *u = arena_alloc(m->arena, (m->lijn_aantal + 1) * sizeof *u);
	struct stap *stapel = arena_alloc(m->arena, (b.ne + 1) * sizeof *stapel);
	int64_t *stand = arena_alloc(m->arena, (m->regio_aantal + 1) * sizeof *stand);
	if (!u || !stapel || !stand)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de optimalisatie.");
	b.beste = -1;
	vd_rangorde(m, b.top, false);
	vd_regio_standen(m, b.top, stand);
	if (vd_regiominima_gehaald(m, stand))
		b.beste = b.top->fte_milli;
	kies_mu(&b, u);
	b.open_grens = -1;
	bool haalbaar = true;
	for (size_t r = 0; r < m->regio_aantal; r++)
		haalbaar = haalbaar && b.potentie[r] >= m->regio_min[r];
	if (haalbaar)
		zoek(&b, stapel, stand);
	if (b.beste < 0)
		return error_set(e, RC_CONFLICT, b.gestopt
			? "Binnen de knopenlimiet is geen verdeling gevonden die alle regionale minima haalt."
			: "De regionale minima zijn niet tegelijk haalbaar binnen de budgetregels.");
	vd_toewijzing_kopieer(m, t, b.top);
	for (size_t i = 0; i < m->n; i++)
		t->herkomst[i] = t->totaal[i] > 0 ? VD_H_OPTIMAAL : VD_H_GEEN;
	aanvullen(m, t);
	rapport(&b, t->fte_milli, b.open_grens, !b.gestopt, solver);
	return RC_OK;
}
