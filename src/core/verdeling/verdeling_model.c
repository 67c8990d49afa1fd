/*
 * verdeling_model.c -- the canonical model of a scenario: candidates
 * sorted by id, the lot of each (from the published seed), the ranking by
 * the tie-break chain, the regions, the budget lines, and the exact
 * integer helpers every rule uses to grant an amount. Also the input
 * hash. See verdeling_intern.h.
 *
 * Tie-break chain (docs/verdeling.md §4): higher fte per euro, then
 * higher fte, then lower amount, then the lower lot, then the id. The lot
 * is BLAKE2b (crypto_generichash) of the id keyed with a hash of the
 * seed, so nobody can steer it by choosing an id or the moment of
 * submission [001 "Werkwijze"].
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/verdeling/verdeling_intern.h"

/* ---- candidates: copy, sort by id, lots --------------------------------- */

static int kandidaat_op_id(const void *a, const void *b)
{
	const struct verdeling_kandidaat *x = a, *y = b;
	return strcmp(x->id, y->id);
}

/* Copies the candidates and their strings into the arena, sorted by id. */
static struct verdeling_kandidaat *kopieer_kandidaten(const struct verdeling_kandidaat *k,
						      size_t n, struct arena *a)
{
	struct verdeling_kandidaat *c = arena_alloc(a, (n ? n : 1) * sizeof *c);
	if (!c)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		c[i] = k[i];
		c[i].id = arena_strdup(a, k[i].id);
		c[i].thema = arena_strdup(a, k[i].thema);
		c[i].regio = arena_strdup(a, k[i].regio);
		c[i].toepassingsgebied = arena_strdup(a, k[i].toepassingsgebied ? k[i].toepassingsgebied : "");
		if (!c[i].id || !c[i].thema || !c[i].regio || !c[i].toepassingsgebied)
			return NULL;
	}
	qsort(c, n, sizeof *c, kandidaat_op_id);
	return c;
}

/* The lot of `id`: the first 8 bytes of BLAKE2b(id) keyed with
 * BLAKE2b(seed), read big-endian. */
static uint64_t lot(const unsigned char sleutel[32], const char *id)
{
	unsigned char h[16];
	crypto_generichash(h, sizeof h, (const unsigned char *)id, strlen(id), sleutel, 32);
	uint64_t x = 0;
	for (int b = 0; b < 8; b++)
		x = (x << 8) | h[b];
	return x;
}

int vd_vergelijk_rang(const struct vd_model *m, size_t i, size_t j)
{
	const struct vd_kand *a = &m->kand[i], *b = &m->kand[j];
	if (a->boven_lat != b->boven_lat)
		return a->boven_lat ? -1 : 1;
	vd_i128 l = (vd_i128)m->k[i].fte_milli * b->totaal_cent;
	vd_i128 r = (vd_i128)m->k[j].fte_milli * a->totaal_cent;
	if (l != r)
		return l > r ? -1 : 1;
	if (m->k[i].fte_milli != m->k[j].fte_milli)
		return m->k[i].fte_milli > m->k[j].fte_milli ? -1 : 1;
	if (a->totaal_cent != b->totaal_cent)
		return a->totaal_cent < b->totaal_cent ? -1 : 1;
	if (a->lot != b->lot)
		return a->lot < b->lot ? -1 : 1;
	return strcmp(m->k[i].id, m->k[j].id);
}

/* qsort has no context argument; the model is passed through this
 * thread-local pointer for the duration of one sort. */
static _Thread_local const struct vd_model *sorteer_model;

static int rang_cmp(const void *a, const void *b)
{
	return vd_vergelijk_rang(sorteer_model, *(const size_t *)a, *(const size_t *)b);
}

/* ---- regions ------------------------------------------------------------ */

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Collects the distinct regions (sorted) and each candidate's index. */
static bool bouw_regios(struct vd_model *m)
{
	const char **r = arena_alloc(m->arena, (m->n ? m->n : 1) * sizeof *r);
	if (!r)
		return false;
	for (size_t i = 0; i < m->n; i++)
		r[i] = m->k[i].regio;
	qsort(r, m->n, sizeof *r, str_cmp);
	size_t u = 0;
	for (size_t i = 0; i < m->n; i++)
		if (u == 0 || strcmp(r[i], r[u - 1]) != 0)
			r[u++] = r[i];
	m->regios = r;
	m->regio_aantal = u;
	for (size_t i = 0; i < m->n; i++) {
		const char *key = m->k[i].regio;
		const char **hit = bsearch(&key, r, u, sizeof *r, str_cmp);
		m->kand[i].regio = (int)(hit - r);
	}
	m->regio_min = arena_alloc(m->arena, (u ? u : 1) * sizeof *m->regio_min);
	return m->regio_min != NULL;
}

/* True when i's floor amounts fit every one of its lines on their own. */
static bool past_alleen(const struct vd_model *m, size_t i)
{
	int64_t g[VERDELING_JAREN_MAX] = {0};
	vd_bedragen_bij(m, i, vd_vloer_bedrag(m, i), g);
	for (int x = 0; x < m->kand[i].lijn_aantal; x++) {
		int l = m->kand[i].lijnen[x];
		if (vd_lijn_deel(m, l, g) > m->lijnen[l].capaciteit_cent)
			return false;
	}
	return true;
}

/* The effective minimum per region: only for regions with eligible
 * applications that could be honoured on their own (an application that
 * alone exceeds a line can never count), and never more than those
 * applications ask for (docs/verdeling.md §3.5). */
static void bouw_regiominima(struct vd_model *m)
{
	const struct verdeling_scenario *s = m->s;
	for (size_t i = 0; i < m->n; i++) {
		if (!m->kand[i].boven_lat || s->regio_minimum_soort == VERDELING_MINIMUM_GEEN ||
		    !past_alleen(m, i))
			continue;
		m->regio_min[m->kand[i].regio] += vd_regio_bijdrage(m, i, m->kand[i].totaal_cent);
	}
	for (size_t r = 0; r < m->regio_aantal; r++)
		if (m->regio_min[r] > s->regio_minimum)
			m->regio_min[r] = s->regio_minimum;
}

/* ---- budget lines ------------------------------------------------------- */

static int nieuwe_lijn(struct vd_model *m, enum verdeling_lijn_soort soort, int thema,
		       int regio, int jaar, unsigned masker, int64_t cap)
{
	struct vd_lijn *l = &m->lijnen[m->lijn_aantal];
	l->soort = soort;
	l->thema = thema;
	l->regio = regio;
	l->jaar = jaar;
	l->jaar_masker = masker;
	l->capaciteit_cent = cap;
	return (int)m->lijn_aantal++;
}

/* The ceiling of theme t: its budget plus the allowed shift. */
static int64_t thema_plafond(const struct verdeling_scenario *s, size_t t)
{
	int64_t b = s->themas[t].budget_cent;
	return b + s->verschuiving_cent + (int64_t)((vd_i128)b * s->verschuiving_bp / VD_BP);
}

/* Fund, themes, years, and (when active) one line per region and theme
 * with eligible candidates. Each candidate learns its lines. */
static bool bouw_lijnen(struct vd_model *m)
{
	const struct verdeling_scenario *s = m->s;
	size_t max = 1 + s->thema_aantal + s->jaar_aantal +
		     (s->regio_max_actief ? m->regio_aantal * s->thema_aantal : 0);
	m->lijnen = arena_alloc(m->arena, max * sizeof *m->lijnen);
	int *rt = arena_alloc(m->arena, (m->regio_aantal * s->thema_aantal + 1) * sizeof *rt);
	if (!m->lijnen || !rt)
		return false;
	unsigned alle = (1u << s->jaar_aantal) - 1u;
	int fonds = nieuwe_lijn(m, VERDELING_LIJN_FONDS, VD_GEEN, VD_GEEN, VD_GEEN, alle, s->fonds_cent);
	for (size_t t = 0; t < s->thema_aantal; t++)
		nieuwe_lijn(m, VERDELING_LIJN_THEMA, (int)t, VD_GEEN, VD_GEEN, alle, thema_plafond(s, t));
	int64_t cum = 0;
	for (size_t y = 0; y < s->jaar_aantal; y++) {
		cum += s->jaren[y].limiet_cent;
		bool c = s->jaartoets == VERDELING_JAARTOETS_CUMULATIEF;
		nieuwe_lijn(m, VERDELING_LIJN_JAAR, VD_GEEN, VD_GEEN, (int)y,
			    c ? (2u << y) - 1u : 1u << y, c ? cum : s->jaren[y].limiet_cent);
	}
	for (size_t x = 0; x < m->regio_aantal * s->thema_aantal; x++)
		rt[x] = VD_GEEN;
	for (size_t i = 0; s->regio_max_actief && i < m->n; i++) {
		size_t x = (size_t)m->kand[i].regio * s->thema_aantal + (size_t)m->kand[i].thema;
		if (m->kand[i].boven_lat && rt[x] == VD_GEEN)
			rt[x] = 0;
	}
	for (size_t x = 0; x < m->regio_aantal * s->thema_aantal; x++) {
		size_t t = x % s->thema_aantal;
		if (rt[x] == 0)
			rt[x] = nieuwe_lijn(m, VERDELING_LIJN_REGIO, (int)t, (int)(x / s->thema_aantal), VD_GEEN,
					    alle, (int64_t)((vd_i128)s->themas[t].budget_cent *
							    s->regio_max_aandeel_bp / VD_BP));
	}
	for (size_t i = 0; i < m->n; i++) {
		struct vd_kand *c = &m->kand[i];
		c->lijnen[c->lijn_aantal++] = fonds;
		c->lijnen[c->lijn_aantal++] = 1 + c->thema;
		for (size_t y = 0; y < s->jaar_aantal; y++)
			c->lijnen[c->lijn_aantal++] = (int)(1 + s->thema_aantal + y);
		int x = rt[(size_t)c->regio * s->thema_aantal + (size_t)c->thema];
		if (x != VD_GEEN)
			c->lijnen[c->lijn_aantal++] = x;
	}
	return true;
}

/* Per candidate: theme, total, floor, eligibility (exact: fte * 1e8 >=
 * bar * R, in 128 bits), lot. */
static void bouw_kandidaten(struct vd_model *m, const unsigned char sleutel[32])
{
	const struct verdeling_scenario *s = m->s;
	for (size_t i = 0; i < m->n; i++) {
		struct vd_kand *c = &m->kand[i];
		const struct verdeling_kandidaat *k = &m->k[i];
		for (size_t t = 0; t < s->thema_aantal; t++)
			if (strcmp(k->thema, s->themas[t].id) == 0)
				c->thema = (int)t;
		for (size_t y = 0; y < s->jaar_aantal; y++)
			c->totaal_cent += k->bedrag_cent[y];
		c->vloer_bp = (s->deelfinanciering && k->min_aandeel_bp > 0) ? k->min_aandeel_bp : VD_BP;
		c->boven_lat = (vd_i128)k->fte_milli * VERDELING_CENT_PER_MILJOEN >=
			       (vd_i128)s->impactlat_milli * c->totaal_cent;
		c->lot = lot(sleutel, k->id);
	}
}

rc_t vd_model_bouw(const struct verdeling_scenario *s,
		   const struct verdeling_kandidaat *k, size_t n,
		   struct arena *a, struct vd_model *m, struct error *e)
{
	memset(m, 0, sizeof *m);
	m->s = s;
	m->n = n;
	m->arena = a;
	m->jaar_aantal = s->jaar_aantal;
	m->k = kopieer_kandidaten(k, n, a);
	m->kand = arena_alloc(a, (n ? n : 1) * sizeof *m->kand);
	m->rang = arena_alloc(a, (n ? n : 1) * sizeof *m->rang);
	m->rang_van = arena_alloc(a, (n ? n : 1) * sizeof *m->rang_van);
	if (!m->k || !m->kand || !m->rang || !m->rang_van)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het verdeelmodel.");
	unsigned char sleutel[32];
	crypto_generichash(sleutel, sizeof sleutel, (const unsigned char *)s->seed,
			   strlen(s->seed), NULL, 0);
	bouw_kandidaten(m, sleutel);
	if (!bouw_regios(m) || !bouw_lijnen(m))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het verdeelmodel.");
	bouw_regiominima(m);
	for (size_t i = 0; i < n; i++)
		m->rang[i] = i;
	sorteer_model = m;
	qsort(m->rang, n, sizeof *m->rang, rang_cmp);
	sorteer_model = NULL;
	for (size_t p = 0; p < n; p++)
		m->rang_van[m->rang[p]] = p;
	return RC_OK;
}

/* ---- allocations and exact amounts -------------------------------------- */

struct vd_toewijzing *vd_toewijzing_nieuw(const struct vd_model *m)
{
	size_t n = m->n ? m->n : 1;
	struct vd_toewijzing *t = arena_alloc(m->arena, sizeof *t);
	if (!t)
		return NULL;
	t->bedrag = arena_alloc(m->arena, n * VERDELING_JAREN_MAX * sizeof *t->bedrag);
	t->totaal = arena_alloc(m->arena, n * sizeof *t->totaal);
	t->gebruik = arena_alloc(m->arena, (m->lijn_aantal + 1) * sizeof *t->gebruik);
	t->herkomst = arena_alloc(m->arena, n);
	t->gesloten_na = arena_alloc(m->arena, n * sizeof *t->gesloten_na);
	if (!t->bedrag || !t->totaal || !t->gebruik || !t->herkomst || !t->gesloten_na)
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		t->gesloten_na[i] = SIZE_MAX;
	return t;
}

void vd_toewijzing_kopieer(const struct vd_model *m, struct vd_toewijzing *dst,
			   const struct vd_toewijzing *src)
{
	memcpy(dst->bedrag, src->bedrag, m->n * VERDELING_JAREN_MAX * sizeof *dst->bedrag);
	memcpy(dst->totaal, src->totaal, m->n * sizeof *dst->totaal);
	memcpy(dst->gebruik, src->gebruik, m->lijn_aantal * sizeof *dst->gebruik);
	memcpy(dst->herkomst, src->herkomst, m->n);
	memcpy(dst->gesloten_na, src->gesloten_na, m->n * sizeof *dst->gesloten_na);
	dst->fte_milli = src->fte_milli;
}

int64_t vd_bedragen_bij(const struct vd_model *m, size_t i, int64_t h, int64_t *g)
{
	int64_t r = m->kand[i].totaal_cent, som = 0;
	for (size_t y = 0; y < m->jaar_aantal; y++) {
		int64_t b = m->k[i].bedrag_cent[y];
		g[y] = h >= r ? b : vd_muldiv(b, h, r);
		som += g[y];
	}
	return som;
}

int64_t vd_lijn_deel(const struct vd_model *m, int l, const int64_t *g)
{
	unsigned masker = m->lijnen[l].jaar_masker;
	int64_t som = 0;
	for (size_t y = 0; y < m->jaar_aantal; y++)
		if (masker & (1u << y))
			som += g[y];
	return som;
}

/* True when the amounts g fit every line of i on top of gebruik. */
static bool past(const struct vd_model *m, size_t i, const int64_t *gebruik, const int64_t *g)
{
	const struct vd_kand *c = &m->kand[i];
	for (int x = 0; x < c->lijn_aantal; x++) {
		int l = c->lijnen[x];
		if (gebruik[l] + vd_lijn_deel(m, l, g) > m->lijnen[l].capaciteit_cent)
			return false;
	}
	return true;
}

int64_t vd_vloer_bedrag(const struct vd_model *m, size_t i)
{
	const struct vd_kand *c = &m->kand[i];
	if (c->vloer_bp >= VD_BP)
		return c->totaal_cent;
	vd_i128 doel = (vd_i128)c->totaal_cent * c->vloer_bp;
	int64_t h = (int64_t)((doel + VD_BP - 1) / VD_BP);
	int64_t g[VERDELING_JAREN_MAX] = {0};
	/* The floors lose less than one cent a year, so a few steps suffice. */
	for (int stap = 0; stap <= VERDELING_JAREN_MAX + 1 && h < c->totaal_cent; stap++, h++)
		if ((vd_i128)vd_bedragen_bij(m, i, h, g) * VD_BP >= doel)
			return h;
	return c->totaal_cent;
}

int64_t vd_max_bedrag(const struct vd_model *m, size_t i, const int64_t *gebruik, int64_t lo)
{
	int64_t g[VERDELING_JAREN_MAX] = {0};
	int64_t hi = m->kand[i].totaal_cent;
	vd_bedragen_bij(m, i, hi, g);
	if (past(m, i, gebruik, g))
		return hi;
	vd_bedragen_bij(m, i, lo, g);
	if (lo > hi || !past(m, i, gebruik, g))
		return -1;
	/* Invariant: lo fits, hi does not; at most 64 halvings. */
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		vd_bedragen_bij(m, i, mid, g);
		if (past(m, i, gebruik, g))
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int64_t vd_fte_bij(const struct vd_model *m, size_t i, int64_t totaal)
{
	int64_t r = m->kand[i].totaal_cent;
	if (totaal >= r)
		return m->k[i].fte_milli;
	return (int64_t)((vd_i128)m->k[i].fte_milli * totaal / r);
}

void vd_zet_g(const struct vd_model *m, struct vd_toewijzing *t, size_t i, const int64_t *g)
{
	const struct vd_kand *c = &m->kand[i];
	int64_t *oud = &t->bedrag[i * VERDELING_JAREN_MAX];
	int64_t som = 0;
	for (size_t y = 0; y < m->jaar_aantal; y++)
		som += g[y];
	for (int x = 0; x < c->lijn_aantal; x++) {
		int l = c->lijnen[x];
		t->gebruik[l] += vd_lijn_deel(m, l, g) - vd_lijn_deel(m, l, oud);
	}
	t->fte_milli += vd_fte_bij(m, i, som) - vd_fte_bij(m, i, t->totaal[i]);
	for (size_t y = 0; y < m->jaar_aantal; y++)
		oud[y] = g[y];
	t->totaal[i] = som;
}

void vd_zet(const struct vd_model *m, struct vd_toewijzing *t, size_t i, int64_t h)
{
	int64_t g[VERDELING_JAREN_MAX] = {0};
	if (h > 0)
		vd_bedragen_bij(m, i, h, g);
	vd_zet_g(m, t, i, g);
}

int64_t vd_ratio_milli(const struct vd_model *m, size_t i)
{
	return (int64_t)((vd_i128)m->k[i].fte_milli * VERDELING_CENT_PER_MILJOEN /
			 m->kand[i].totaal_cent);
}

int64_t vd_regio_bijdrage(const struct vd_model *m, size_t i, int64_t totaal)
{
	if (m->s->regio_minimum_soort == VERDELING_MINIMUM_AANTAL)
		return totaal > 0 ? 1 : 0;
	(void)i;
	return totaal;
}

void vd_regio_standen(const struct vd_model *m, const struct vd_toewijzing *t, int64_t *stand)
{
	memset(stand, 0, m->regio_aantal * sizeof *stand);
	for (size_t i = 0; i < m->n; i++)
		stand[m->kand[i].regio] += vd_regio_bijdrage(m, i, t->totaal[i]);
}

bool vd_regiominima_gehaald(const struct vd_model *m, const int64_t *stand)
{
	for (size_t r = 0; r < m->regio_aantal; r++)
		if (stand[r] < m->regio_min[r])
			return false;
	return true;
}

/* ---- the input hash ----------------------------------------------------- */

static void h_tekst(crypto_hash_sha256_state *st, const char *key, const char *v)
{
	char kop[96];
	int len = snprintf(kop, sizeof kop, "%s=%zu:", key, strlen(v));
	crypto_hash_sha256_update(st, (const unsigned char *)kop, (unsigned long long)len);
	crypto_hash_sha256_update(st, (const unsigned char *)v, strlen(v));
	crypto_hash_sha256_update(st, (const unsigned char *)"\n", 1);
}

static void h_getal(crypto_hash_sha256_state *st, const char *key, int64_t v)
{
	char buf[96];
	int len = snprintf(buf, sizeof buf, "%s=%lld\n", key, (long long)v);
	crypto_hash_sha256_update(st, (const unsigned char *)buf, (unsigned long long)len);
}

static void h_hex(crypto_hash_sha256_state *st, char out[65])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(st, d);
	sodium_bin2hex(out, 65, d, sizeof d);
}

/* The candidates in canonical form (sorted by id, every field). */
static void h_kandidaten(const struct vd_model *m, crypto_hash_sha256_state *st)
{
	h_getal(st, "kandidaten", (int64_t)m->n);
	for (size_t i = 0; i < m->n; i++) {
		const struct verdeling_kandidaat *k = &m->k[i];
		h_tekst(st, "id", k->id);
		h_tekst(st, "thema", k->thema);
		h_tekst(st, "regio", k->regio);
		h_tekst(st, "toepassingsgebied", k->toepassingsgebied);
		for (size_t y = 0; y < m->jaar_aantal; y++) {
			h_getal(st, "jaar", m->s->jaren[y].jaar);
			h_getal(st, "bedrag_cent", k->bedrag_cent[y]);
		}
		h_getal(st, "fte_milli", k->fte_milli);
		h_getal(st, "min_aandeel_bp", k->min_aandeel_bp);
	}
}

/* The scenario in canonical form: every parameter that changes the output. */
static void h_scenario(const struct verdeling_scenario *s, crypto_hash_sha256_state *st)
{
	h_tekst(st, "regelversie", VERDELING_REGELVERSIE);
	h_tekst(st, "naam", s->naam);
	h_tekst(st, "regel", verdeling_regel_naam(s->regel));
	h_tekst(st, "seed", s->seed);
	h_getal(st, "fonds_cent", s->fonds_cent);
	for (size_t t = 0; t < s->thema_aantal; t++) {
		h_tekst(st, "thema", s->themas[t].id);
		h_getal(st, "budget_cent", s->themas[t].budget_cent);
	}
	h_getal(st, "verschuiving_cent", s->verschuiving_cent);
	h_getal(st, "verschuiving_bp", s->verschuiving_bp);
	h_getal(st, "jaartoets", (int64_t)s->jaartoets);
	for (size_t y = 0; y < s->jaar_aantal; y++) {
		h_getal(st, "jaar", s->jaren[y].jaar);
		h_getal(st, "limiet_cent", s->jaren[y].limiet_cent);
	}
	h_tekst(st, "impactlat_id", s->impactlat_id);
	h_getal(st, "impactlat_milli", s->impactlat_milli);
	h_getal(st, "regio_max_aandeel_bp", s->regio_max_actief ? s->regio_max_aandeel_bp : -1);
	h_getal(st, "regio_minimum_soort", (int64_t)s->regio_minimum_soort);
	h_getal(st, "regio_minimum", s->regio_minimum);
	h_getal(st, "deelfinanciering", s->deelfinanciering);
	h_getal(st, "marginaal_delta_cent", s->marginaal_delta_cent);
	h_getal(st, "knopen_max", (int64_t)(s->knopen_max ? s->knopen_max : VERDELING_KNOPEN_STANDAARD));
}

void vd_hashes(const struct vd_model *m, char invoer[65], char kandidaten[65])
{
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	h_kandidaten(m, &st);
	h_hex(&st, kandidaten);
	crypto_hash_sha256_init(&st);
	h_scenario(m->s, &st);
	h_kandidaten(m, &st);
	h_hex(&st, invoer);
}
