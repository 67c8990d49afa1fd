/*
 * bench/verdeling.c -- solve time and gap to the proven bound of the
 * allocation rules for 100, 1,000 and 10,000 applications (bench/verdeling.md).
 *
 *   build/bench_verdeling [SEED [KNOPEN_MAX]]
 *
 * Instances are synthetic but shaped after the catalogue: the EUR 600 mln
 * Zvw pot over three themes (275 / 275 / 50 mln), tranches of 300 mln in
 * 2027 and 2028 tested cumulatively, at most 15 % of a request in 2029,
 * 31 regions, fte per EUR 1 mln between 4 and 45 (bar C = 9), and demand
 * about twice the fund. Each size runs with and without partial funding.
 * Measures; never passes or fails on a number.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/verdeling/verdeling.h"

#define M1 INT64_C(100000000)
#define REGIOS 31

static uint64_t rng;

static uint64_t rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * UINT64_C(2685821657736338717);
}

static int64_t tussen(int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

static const char *const themas[] = {"ai", "digitale-hybride-zorg", "medische-technologie"};

static void scenario(struct verdeling_scenario *s, bool deel, uint64_t knopen)
{
	memset(s, 0, sizeof *s);
	snprintf(s->naam, sizeof s->naam, "bench");
	snprintf(s->seed, sizeof s->seed, "bench-seed");
	s->fonds_cent = 600 * M1;
	s->thema_aantal = 3;
	int64_t budget[] = {275 * M1, 275 * M1, 50 * M1};
	for (size_t t = 0; t < 3; t++) {
		snprintf(s->themas[t].id, sizeof s->themas[t].id, "%s", themas[t]);
		s->themas[t].budget_cent = budget[t];
	}
	s->verschuiving_bp = 1000;
	s->jaartoets = VERDELING_JAARTOETS_CUMULATIEF;
	s->jaar_aantal = 3;
	int64_t limiet[] = {300 * M1, 300 * M1, 0};
	for (size_t y = 0; y < 3; y++) {
		s->jaren[y].jaar = 2027 + (int64_t)y;
		s->jaren[y].limiet_cent = limiet[y];
	}
	snprintf(s->impactlat_id, sizeof s->impactlat_id, "C");
	s->impactlat_milli = 9000;
	s->regio_max_actief = true;
	s->regio_max_aandeel_bp = 1500;
	s->regio_minimum_soort = VERDELING_MINIMUM_AANTAL;
	s->regio_minimum = 1;
	s->deelfinanciering = deel;
	s->knopen_max = knopen;
}

/* n applications asking about twice the fund in total. */
static struct verdeling_kandidaat *kandidaten(size_t n, char (*ids)[32], char (*regio)[8])
{
	struct verdeling_kandidaat *k = calloc(n, sizeof *k);
	int64_t gemiddeld = 1200 * M1 / (int64_t)n;
	static const int64_t vloer[] = {5000, 6000, 7000, 8000};
	for (size_t i = 0; k && i < n; i++) {
		snprintf(ids[i], sizeof ids[i], "aanvraag-%06zu", i);
		snprintf(regio[i], sizeof regio[i], "r%02d", (int)(rnd() % REGIOS));
		int64_t r = gemiddeld * tussen(20, 180) / 100 + tussen(0, 99);
		int64_t y3 = r * tussen(0, 15) / 100;
		int64_t y1 = (r - y3) * tussen(35, 65) / 100;
		int t = (int)(rnd() % 100 < 45 ? 0 : rnd() % 100 < 85 ? 1 : 2);
		k[i].id = ids[i];
		k[i].thema = themas[t];
		k[i].regio = regio[i];
		k[i].toepassingsgebied = "bench";
		k[i].bedrag_cent[0] = y1;
		k[i].bedrag_cent[1] = r - y1 - y3;
		k[i].bedrag_cent[2] = y3;
		__extension__ __int128 fte = (__int128)tussen(4000, 45000) * r / M1;
		k[i].fte_milli = (int64_t)fte;
		k[i].min_aandeel_bp = vloer[rnd() % 4];
	}
	return k;
}

/* Microseconds since t0. */
static int64_t us_sinds(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (int64_t)(t1.tv_sec - t0->tv_sec) * 1000000 + (t1.tv_nsec - t0->tv_nsec) / 1000;
}

/* "12.345" from 12345 thousandths (no floating point, as in the core). */
static const char *duizendsten(char *buf, size_t cap, int64_t x)
{
	snprintf(buf, cap, "%s%" PRId64 ".%03" PRId64, x < 0 ? "-" : "", (x < 0 ? -x : x) / 1000,
		 (x < 0 ? -x : x) % 1000);
	return buf;
}

static void meet(size_t n, bool deel, enum verdeling_regel regel, uint64_t knopen,
		 const struct verdeling_kandidaat *k)
{
	struct verdeling_scenario s;
	scenario(&s, deel, knopen);
	s.regel = regel;
	struct arena a;
	struct error e;
	struct verdeling_resultaat *r = NULL;
	arena_init(&a, (size_t)1 << 31);
	error_clear(&e);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc_t rc = verdeling_bereken(&s, k, n, &a, &r, &e);
	int64_t us = us_sinds(&t0);
	char t[32], f[32], g[32], o[32];
	if (rc != RC_OK) {
		printf("| %6zu | %-5s | %-8s | fout: %s |\n", n, deel ? "ja" : "nee",
		       verdeling_regel_naam(regel), e.message);
	} else if (regel == VERDELING_OPTIMAAL) {
		const struct verdeling_solver *v = &r->solver;
		printf("| %6zu | %-5s | %-8s | %9s | %11s | %11s | %8" PRId64 " | %5" PRId64 " | %7" PRIu64 " | %-3s | %12s |\n",
		       n, deel ? "ja" : "nee", verdeling_regel_naam(regel), duizendsten(t, sizeof t, us),
		       duizendsten(f, sizeof f, r->fte_milli), duizendsten(g, sizeof g, v->bovengrens_milli),
		       v->gap_milli, v->gap_bp, v->knopen, v->bewezen_optimaal ? "ja" : "nee",
		       duizendsten(o, sizeof o, r->onbesteed_cent / 100 * 1000 / 1000000));
	} else {
		printf("| %6zu | %-5s | %-8s | %9s | %11s | %11s | %8s | %5s | %7s | %-3s | %12s |\n",
		       n, deel ? "ja" : "nee", verdeling_regel_naam(regel), duizendsten(t, sizeof t, us),
		       duizendsten(f, sizeof f, r->fte_milli), "-", "-", "-", "-", "-",
		       duizendsten(o, sizeof o, r->onbesteed_cent / 100 * 1000 / 1000000));
	}
	fflush(stdout);
	arena_release(&a);
}

int main(int argc, char **argv)
{
	uint64_t seed = argc > 1 ? strtoull(argv[1], NULL, 10) : 20270101;
	uint64_t knopen = argc > 2 ? strtoull(argv[2], NULL, 10) : VERDELING_KNOPEN_STANDAARD;
	static const size_t maten[] = {100, 1000, 10000};
	printf("bench_verdeling: seed %" PRIu64 ", knopen_max %" PRIu64 "\n\n",
	       seed, knopen);
	printf("| n      | deel  | regel    | tijd (ms) | fte         | bovengrens  | gap milli| gapbp | knopen  | opt | onbesteed EUR mln |\n");
	printf("|--------|-------|----------|-----------|-------------|-------------|----------|-------|---------|-----|-------------------|\n");
	for (size_t m = 0; m < 3; m++) {
		size_t n = maten[m];
		char (*ids)[32] = calloc(n, sizeof *ids);
		char (*regio)[8] = calloc(n, sizeof *regio);
		rng = seed + n;
		struct verdeling_kandidaat *k = ids && regio ? kandidaten(n, ids, regio) : NULL;
		if (!k) {
			fprintf(stderr, "bench_verdeling: geen geheugen\n");
			return 1;
		}
		for (int deel = 0; deel < 2; deel++) {
			if (deel)
				meet(n, true, VERDELING_PRO_RATA, knopen, k);
			meet(n, deel, VERDELING_RANGORDE, knopen, k);
			meet(n, deel, VERDELING_OPTIMAAL, knopen, k);
		}
		free(k);
		free(ids);
		free(regio);
	}
	return 0;
}
