/*
 * bench/toetsen.c -- automated checks per second on one core (issue 14).
 *
 *     make build && build/bench_toetsen [SECONDS_PER_ROW]
 *
 * Measures, never passes or fails. On the conform example application
 * (voorbeelden/aanvragen, 14.6 KB) against the real catalogue, one thread,
 * each stage timed on its own for SECONDS_PER_ROW (default 2) seconds:
 *
 *   parse     json_loadb of the document text (the reference: what jansson
 *             alone costs)
 *   read      parse + aanvraag_lees (the typed form the checks use)
 *   checks    toets_aanvraag on the typed form that is already read (what
 *             the server does when it keeps the parsed form)
 *   full      parse + read + checks + the findings as JSON text (what a
 *             draft save costs the checks today)
 *
 * The modelplan's norms are read once, as the server caches them per
 * (catalogue version, modelplan, version).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/aanvraag/aanvraag.h"
#include "core/aanvraag/toets.h"
#include "core/basis/arena.h"

#define DOC "voorbeelden/aanvragen/conform-spraakgestuurd-rapporteren.json"
#define CAT "catalogus/catalogus.json"

static double nu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *lees_bestand(const char *pad, size_t *n)
{
	FILE *f = fopen(pad, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)len + 1);
	if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
		free(b);
		b = NULL;
	}
	fclose(f);
	if (b) {
		b[len] = '\0';
		*n = (size_t)len;
	}
	return b;
}

struct werk {
	const char *tekst;
	size_t lengte;
	const struct toets_context *ctx;
	const struct aanvraag *gelezen;
	struct toets_resultaat *res;
};

enum fase { PARSE, LEES, TOETS, VOL };

/* One application through stage f; false on any failure. */
static bool een(const struct werk *w, enum fase f)
{
	if (f == TOETS)
		return toets_aanvraag(w->gelezen, w->ctx, w->res) == RC_OK;
	json_t *doc = json_loadb(w->tekst, w->lengte, JSON_REJECT_DUPLICATES, NULL);
	if (!doc)
		return false;
	bool ok = true;
	if (f != PARSE) {
		struct arena a;
		struct aanvraag x;
		arena_init(&a, ARENA_DEFAULT_CAP_BYTES);
		ok = aanvraag_lees(doc, &a, &x, NULL) == RC_OK;
		if (ok && f == VOL) {
			ok = toets_aanvraag(&x, w->ctx, w->res) == RC_OK;
			json_t *j = ok ? toets_resultaat_json(w->res) : NULL;
			char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
			ok = s != NULL;
			free(s);
			json_decref(j);
		}
		arena_release(&a);
	}
	json_decref(doc);
	return ok;
}

static void meet(const struct werk *w, enum fase f, const char *naam, double duur)
{
	size_t n = 0;
	double t0 = nu(), t;
	do {
		for (int i = 0; i < 50; i++)
			if (!een(w, f)) {
				fprintf(stderr, "bench_toetsen: %s mislukt\n", naam);
				exit(1);
			}
		n += 50;
		t = nu();
	} while (t - t0 < duur);
	double per_s = (double)n / (t - t0);
	printf("| %-8s | %9.0f | %8.1f |\n", naam, per_s, 1e6 / per_s);
}

int main(int argc, char **argv)
{
	double duur = argc > 1 ? atof(argv[1]) : 2.0;
	size_t lengte = 0, catlen = 0;
	char *tekst = lees_bestand(DOC, &lengte), *cattekst = lees_bestand(CAT, &catlen);
	json_t *cat = cattekst ? json_loads(cattekst, 0, NULL) : NULL;
	json_t *doc = tekst ? json_loadb(tekst, lengte, 0, NULL) : NULL;
	if (!cat || !doc) {
		fprintf(stderr, "bench_toetsen: run from the repository root (%s, %s)\n", DOC, CAT);
		return 1;
	}
	static struct aanvraag a;
	static struct modelplan_normen normen;
	static struct toets_resultaat res;
	struct toets_ronde ronde;
	struct arena ar;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	json_t *mp = NULL;
	if (aanvraag_lees(doc, &ar, &a, NULL) != RC_OK ||
	    !(mp = toets_modelplan_zoek(cat, a.modelplan_id, a.modelplan_versie)) ||
	    toets_normen_lees(mp, cat, &normen, NULL) != RC_OK ||
	    toets_ronde_lees(cat, "A", true, &ronde, NULL) != RC_OK) {
		fprintf(stderr, "bench_toetsen: the example does not read\n");
		return 1;
	}
	struct toets_context ctx = {&normen, &ronde, NULL, 0};
	struct werk w = {tekst, lengte, &ctx, &a, &res};
	printf("bench_toetsen: %s (%zu bytes), one thread, %.1f s per row\n\n", DOC, lengte, duur);
	printf("| stage    | per s     | us each  |\n|----------|-----------|----------|\n");
	meet(&w, PARSE, "parse", duur);
	meet(&w, LEES, "read", duur);
	meet(&w, TOETS, "checks", duur);
	meet(&w, VOL, "full", duur);
	arena_release(&ar);
	json_decref(doc);
	json_decref(cat);
	free(tekst);
	free(cattekst);
	return 0;
}
