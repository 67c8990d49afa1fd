/*
 * indiening_basis.c -- the baseline of the deadline benchmark: how fast
 * the same database commits a plain durable INSERT of a document of the
 * same size, with the same number of concurrent committers. One row per
 * transaction (store_tx, the same connection settings as the server:
 * SQLite WAL with synchronous=FULL, PostgreSQL SERIALIZABLE with
 * synchronous_commit as the server has it). No checks, no audit chain, no
 * lock on it: the ratio submissions/baseline is the price of everything a
 * submission does besides storing its bytes. Prints one JSON line;
 * measures, never asserts. See bench/indiening.md.
 *
 *   build/bench_indiening_basis URL THREADS SECONDS BYTES
 */
#include <inttypes.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"

#define LATENCIES_MAX 2000000

struct draad {
	const char *url;
	int nummer;
	double einde;
	const char *document;
	size_t n;
	double *latenties;
	size_t fouten;
	int64_t volgende;
	int64_t run;   /* distinct ids when the table already has rows of an earlier run */
};

static double nu_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

struct invoeg {
	int64_t id;
	const char *document;
};

static rc_t invoeg_tx(struct store *s, void *ctx, struct error *e)
{
	struct invoeg *v = ctx;
	struct store_param p[] = {SP_I(v->id), SP_T(v->document)};
	return store_query(s, "INSERT INTO bench_basis (id, document) VALUES (?, ?)", p, 2, NULL, NULL, e);
}

static rc_t maak_tx(struct store *s, void *ctx, struct error *e)
{
	(void)ctx;
	return store_query(s, "CREATE TABLE IF NOT EXISTS bench_basis (id BIGINT PRIMARY KEY,"
			   " document TEXT NOT NULL)", NULL, 0, NULL, NULL, e);
}

static void *loop(void *arg)
{
	struct draad *d = arg;
	struct store *s = NULL;
	struct error e;
	error_clear(&e);
	if (store_open(d->url, &s, &e) != RC_OK) {
		fprintf(stderr, "bench_indiening_basis: %s\n", e.message);
		d->fouten++;
		return NULL;
	}
	while (nu_s() < d->einde && d->n < LATENCIES_MAX / 64) {
		struct invoeg v = {d->run * INT64_C(1000000000000) + (int64_t)d->nummer * INT64_C(1000000000) +
				   d->volgende++, d->document};
		double t0 = nu_s();
		if (store_tx(s, STORE_WRITE, invoeg_tx, &v, &e) != RC_OK) {
			if (d->fouten++ == 0)
				fprintf(stderr, "bench_indiening_basis: %s\n", e.message);
		}
		else
			d->latenties[d->n++] = (nu_s() - t0) * 1000.0;
	}
	store_close(s);
	return NULL;
}

static int vergelijk(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc != 5 || sodium_init() < 0) {
		fprintf(stderr, "gebruik: bench_indiening_basis URL DRADEN SECONDEN BYTES\n");
		return 2;
	}
	int draden = (int)strtol(argv[2], NULL, 10);
	double seconden = strtod(argv[3], NULL);
	size_t bytes = (size_t)strtoul(argv[4], NULL, 10);
	if (draden < 1 || draden > 256 || seconden <= 0 || bytes < 2 || bytes > (16u << 20))
		return 2;
	/* A JSON-like text of the given size, distinct per row only in its id. */
	char *doc = malloc(bytes + 1);
	if (!doc)
		return 1;
	for (size_t i = 0; i < bytes; i++)
		doc[i] = (char)('a' + (i * 7) % 26);
	doc[0] = '{';
	doc[bytes - 1] = '}';
	doc[bytes] = '\0';
	struct store *s = NULL;
	struct error e;
	error_clear(&e);
	if (store_open(argv[1], &s, &e) != RC_OK || store_tx(s, STORE_WRITE, maak_tx, NULL, &e) != RC_OK) {
		fprintf(stderr, "bench_indiening_basis: %s\n", e.message);
		return 1;
	}
	store_close(s);
	struct draad *d = calloc((size_t)draden, sizeof *d);
	pthread_t *t = calloc((size_t)draden, sizeof *t);
	double begin = nu_s(), einde = begin + seconden;
	for (int i = 0; i < draden; i++) {
		d[i] = (struct draad){.url = argv[1], .nummer = i + 1, .einde = einde, .document = doc,
				      .run = (int64_t)(time(NULL) % 1000000)};
		d[i].latenties = malloc(sizeof(double) * (LATENCIES_MAX / 64));
		pthread_create(&t[i], NULL, loop, &d[i]);
	}
	size_t totaal = 0, fouten = 0;
	for (int i = 0; i < draden; i++) {
		pthread_join(t[i], NULL);
		totaal += d[i].n;
		fouten += d[i].fouten;
	}
	double duur = nu_s() - begin;
	double *alle = malloc(sizeof(double) * (totaal + 1));
	size_t k = 0;
	for (int i = 0; i < draden; i++) {
		memcpy(alle + k, d[i].latenties, d[i].n * sizeof(double));
		k += d[i].n;
		free(d[i].latenties);
	}
	qsort(alle, totaal, sizeof(double), vergelijk);
	double p50 = totaal ? alle[(totaal - 1) / 2] : 0, p99 = totaal ? alle[(size_t)((double)(totaal - 1) * 0.99)] : 0;
	printf("{\"draden\":%d,\"seconden\":%.1f,\"document_bytes\":%zu,\"commits\":%zu,\"fouten\":%zu,"
	       "\"commits_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f}\n",
	       draden, duur, bytes, totaal, fouten, (double)totaal / duur, p50, p99);
	free(alle);
	free(d);
	free(t);
	free(doc);
	return 0;
}
