/*
 * verdeling_lp.c -- the optimisation model of a scenario in CPLEX LP
 * format, so that any MILP solver (CBC, HiGHS, GLPK, CPLEX, ...) can check
 * the optimal rule independently (docs/verdeling.md §6).
 *
 * Variables: per eligible application (above the impact bar) a binary
 * x<n>_<id> = 1 when it is honoured in full. With partial funding and a
 * floor below 100 %, a binary y<n>_<id> (chosen) and a continuous share
 * s<n>_<id> in [0, 1] with floor*y <= 10000*s and s <= y. Coefficients are
 * integers: fte_milli in the objective, cents in the constraints, one
 * constraint per budget line (fund, theme ceilings, years, region shares)
 * plus one ">=" per regional minimum. The integer rounding of per-year
 * amounts in partial funding is not modelled, so with partial funding
 * the LP optimum may exceed ours by a few milli-fte; without it the two
 * optima are equal.
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/verdeling/verdeling_intern.h"

#define TERMEN_PER_REGEL 6

struct lp {
	FILE *f;
	const struct vd_model *m;
	char **naam;               /* variable base name per candidate, "<n>_<id>" */
	size_t termen;             /* terms on the current output line */
};

/* Letters, digits and '_' stay; everything else becomes '_'. */
static void schoon(char *dst, size_t cap, const char *src)
{
	size_t o = 0;
	for (const char *p = src; *p && o + 1 < cap; p++) {
		char c = *p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		dst[o++] = ok ? c : '_';
	}
	dst[o] = '\0';
}

static bool deel(const struct vd_model *m, size_t i)
{
	return m->kand[i].vloer_bp < VD_BP;
}

/* Writes "+ coef var" (var = prefix + base name), wrapping lines. */
static void term(struct lp *p, int64_t coef, char prefix, size_t i)
{
	if (coef == 0)
		return;
	if (p->termen > 0 && p->termen % TERMEN_PER_REGEL == 0)
		fputs("\n  ", p->f);
	fprintf(p->f, " %s %" PRId64 " %c%s", p->termen ? "+" : "", coef, prefix, p->naam[i]);
	p->termen++;
}

/* The variable that carries the amount of i: its share or its binary. */
static char draagt(const struct vd_model *m, size_t i)
{
	return deel(m, i) ? 's' : 'x';
}

static void doel(struct lp *p)
{
	const struct vd_model *m = p->m;
	fputs("Maximize\n fte:", p->f);
	p->termen = 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->kand[i].boven_lat)
			term(p, m->k[i].fte_milli, draagt(m, i), i);
	if (p->termen == 0)
		fputs(" 0 geen", p->f);
	fputc('\n', p->f);
}

/* True when line l has an eligible member with a non-zero coefficient. */
static bool heeft_leden(const struct vd_model *m, size_t l)
{
	int64_t g[VERDELING_JAREN_MAX] = {0};
	for (size_t i = 0; i < m->n; i++) {
		const struct vd_kand *c = &m->kand[i];
		for (int x = 0; c->boven_lat && x < c->lijn_aantal; x++) {
			if (c->lijnen[x] != (int)l)
				continue;
			vd_bedragen_bij(m, i, c->totaal_cent, g);
			if (vd_lijn_deel(m, (int)l, g) != 0)
				return true;
		}
	}
	return false;
}

/* One "<=" constraint per budget line with at least one member. */
static void lijnen(struct lp *p)
{
	const struct vd_model *m = p->m;
	int64_t g[VERDELING_JAREN_MAX] = {0};
	for (size_t l = 0; l < m->lijn_aantal; l++) {
		if (!heeft_leden(m, l))
			continue;
		char sleutel[160], naam[200];
		vd_lijn_sleutel(m, (int)l, sleutel, sizeof sleutel);
		schoon(naam, sizeof naam, sleutel);
		fprintf(p->f, " l%zu_%s:", l, naam);
		p->termen = 0;
		for (size_t i = 0; i < m->n; i++) {
			const struct vd_kand *c = &m->kand[i];
			for (int x = 0; c->boven_lat && x < c->lijn_aantal; x++)
				if (c->lijnen[x] == (int)l) {
					vd_bedragen_bij(m, i, c->totaal_cent, g);
					term(p, vd_lijn_deel(m, (int)l, g), draagt(m, i), i);
				}
		}
		fprintf(p->f, " <= %" PRId64 "\n", m->lijnen[l].capaciteit_cent);
	}
}

/* The regional minimums and the links between share and choice. */
static void minima_en_koppeling(struct lp *p)
{
	const struct vd_model *m = p->m;
	bool aantal = m->s->regio_minimum_soort == VERDELING_MINIMUM_AANTAL;
	for (size_t r = 0; r < m->regio_aantal; r++) {
		if (m->regio_min[r] <= 0)
			continue;
		char naam[200];
		schoon(naam, sizeof naam, m->regios[r]);
		fprintf(p->f, " min%zu_%s:", r, naam);
		p->termen = 0;
		for (size_t i = 0; i < m->n; i++)
			if (m->kand[i].boven_lat && m->kand[i].regio == (int)r)
				term(p, aantal ? 1 : m->kand[i].totaal_cent,
				     aantal ? (deel(m, i) ? 'y' : 'x') : draagt(m, i), i);
		fprintf(p->f, " >= %" PRId64 "\n", m->regio_min[r]);
	}
	for (size_t i = 0; i < m->n; i++) {
		if (!m->kand[i].boven_lat || !deel(m, i))
			continue;
		fprintf(p->f, " boven%zu: s%s - y%s <= 0\n", i + 1, p->naam[i], p->naam[i]);
		fprintf(p->f, " vloer%zu: 10000 s%s - %" PRId64 " y%s >= 0\n", i + 1, p->naam[i],
			m->kand[i].vloer_bp, p->naam[i]);
	}
}

static void grenzen_en_typen(struct lp *p)
{
	const struct vd_model *m = p->m;
	fputs("Bounds\n", p->f);
	size_t geschikt = 0;
	for (size_t i = 0; i < m->n; i++) {
		geschikt += m->kand[i].boven_lat;
		if (m->kand[i].boven_lat && deel(m, i))
			fprintf(p->f, " 0 <= s%s <= 1\n", p->naam[i]);
	}
	if (geschikt == 0)
		fputs(" geen = 0\n", p->f);
	fputs("Binary\n", p->f);
	for (size_t i = 0; i < m->n; i++)
		if (m->kand[i].boven_lat)
			fprintf(p->f, " %c%s\n", deel(m, i) ? 'y' : 'x', p->naam[i]);
	fputs("End\n", p->f);
}

static void kop(struct lp *p)
{
	const struct vd_model *m = p->m;
	char invoer[65], kand[65];
	vd_hashes(m, invoer, kand);
	size_t onder = 0;
	for (size_t i = 0; i < m->n; i++)
		onder += !m->kand[i].boven_lat;
	fprintf(p->f, "\\ doorbraak verdeelmodel (CPLEX LP)\n\\ regelversie: %s\n\\ invoer_hash: %s\n"
		"\\ kandidaten_hash: %s\n\\ eenheden: doel in milli-fte, beperkingen in centen\n"
		"\\ aanvragen onder de impactlat (weggelaten): %zu\n",
		VERDELING_REGELVERSIE, invoer, kand, onder);
}

rc_t verdeling_lp(const struct verdeling_scenario *s,
		  const struct verdeling_kandidaat *k, size_t n,
		  struct arena *arena, char **out, struct error *e)
{
	if (sodium_init() < 0)
		return error_set(e, RC_INTERNAL, "libsodium kon niet starten");
	rc_t rc = verdeling_valideer(s, k, n, e);
	if (rc != RC_OK)
		return rc;
	struct vd_model m;
	if ((rc = vd_model_bouw(s, k, n, arena, &m, e)) != RC_OK)
		return rc;
	struct lp p = {.m = &m};
	p.naam = arena_alloc(arena, (n ? n : 1) * sizeof *p.naam);
	for (size_t i = 0; p.naam && i < n; i++) {
		char id[48];
		schoon(id, sizeof id, m.k[i].id);
		if (!(p.naam[i] = arena_printf(arena, "%zu_%s", i + 1, id)))
			p.naam = NULL;
	}
	char *buf = NULL;
	size_t len = 0;
	p.f = p.naam ? open_memstream(&buf, &len) : NULL;
	if (!p.f)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het LP-bestand.");
	kop(&p);
	doel(&p);
	fputs("Subject To\n", p.f);
	lijnen(&p);
	minima_en_koppeling(&p);
	grenzen_en_typen(&p);
	bool fout = ferror(p.f) != 0;
	fclose(p.f);
	char *kopie = fout || !buf ? NULL : arena_strndup(arena, buf, len);
	free(buf);
	if (!kopie)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het LP-bestand.");
	*out = kopie;
	return RC_OK;
}
