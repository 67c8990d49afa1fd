/*
 * bench_grootboek.c -- postings per second of the budget ledger, on SQLite
 * and (when DOORBRAAK_BENCH_PG names a scripts/pg.sh directory) PostgreSQL.
 * Numbers are printed, never asserted; the program fails only when it
 * cannot measure. See docs/grootboek.md §8.
 *
 *   build/bench_grootboek
 *   DOORBRAAK_BENCH_PG=var/bench-pg build/bench_grootboek
 *
 * Scenarios, each on a fresh database with a funded capped account:
 *   1 per tx           one direct entry per store_tx (grootboek_boek)
 *   1 per tx + audit   the same through grootboek_boek_apart (audit record)
 *   reserve+post       a linked reservation and its post, one tx each pair
 *   100 per tx         batches of 100 direct entries per store_tx
 *
 * Each scenario runs three times; the fastest run is printed.
 * Environment: BENCH_ENKEL (entries for the per-tx scenarios, default
 * 2000), BENCH_BATCHES (batches of 100, default 50).
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/geld/grootboek.h"

#define PER_BATCH 100
#define RONDES 3

static double nu_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int envint(const char *naam, int standaard)
{
	const char *v = getenv(naam);
	return v && atoi(v) > 0 ? atoi(v) : standaard;
}

static void stop(const char *wat, const struct error *e)
{
	fprintf(stderr, "bench_grootboek: %s: %s\n", wat, e->message);
	exit(1);
}

struct batch_ctx {
	struct boeking *b;
	size_t n;
	struct boeking_resultaat *r;
};

static rc_t batch_tx(struct store *s, void *ctx, struct error *e)
{
	struct batch_ctx *c = ctx;
	rc_t rc = grootboek_boek(s, c->b, c->n, c->r, e);
	return rc == RC_OK ? grootboek_weigeringen(c->b, c->r, c->n, e) : rc;
}

/* A fresh store with bron, a capped pot holding plenty, and ten sinks. */
static struct store *opzet(const char *url)
{
	struct store *s = NULL;
	struct error e;
	error_clear(&e);
	int v = 0;
	if (store_open(url, &s, &e) != RC_OK || store_migrate(s, &v, &e) != RC_OK)
		stop("openen", &e);
	const char *codes[] = {"bron", "pot", "doel/0", "doel/1", "doel/2", "doel/3", "doel/4",
			       "doel/5", "doel/6", "doel/7", "doel/8", "doel/9"};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		struct rekening_def d = {codes[i], codes[i], i == 1 ? REKENING_POT : REKENING_OVERIG,
					 i == 1 ? REKENING_DEBET_BEGRENSD : 0};
		int64_t id;
		if (grootboek_rekening_open_apart(s, "bench", &d, &id, &e) != RC_OK)
			stop("rekening", &e);
	}
	struct boeking b = {.sleutel = "storting", .soort = BOEKING_DIRECT, .debet = "bron",
			    .credit = "pot", .bedrag_cent = INT64_MAX / 2};
	struct boeking_resultaat r;
	if (grootboek_boek_apart(s, "bench", &b, 1, &r, &e) != RC_OK)
		stop("storting", &e);
	return s;
}

/* Books `n` batches of `per` entries built by `vul`; returns postings/s. */
static double meet(struct store *s, int n, size_t per, bool audit,
		   void (*vul)(struct boeking *b, char (*sl)[48], size_t per, int i))
{
	struct boeking b[PER_BATCH];
	struct boeking_resultaat r[PER_BATCH];
	char sleutels[PER_BATCH][48];
	struct error e;
	double t0 = nu_s();
	for (int i = 0; i < n; i++) {
		vul(b, sleutels, per, i);
		error_clear(&e);
		rc_t rc;
		if (audit) {
			rc = grootboek_boek_apart(s, "bench", b, per, r, &e);
		} else {
			struct batch_ctx c = {b, per, r};
			rc = store_tx(s, STORE_WRITE, batch_tx, &c, &e);
		}
		if (rc != RC_OK)
			stop("boeken", &e);
	}
	double dt = nu_s() - t0;
	return (double)n * (double)per / dt;
}

static unsigned reeks;

static void vul_direct(struct boeking *b, char (*sl)[48], size_t per, int i)
{
	for (size_t k = 0; k < per; k++) {
		snprintf(sl[k], 48, "bench/%u/%d/%zu", reeks, i, k);
		static const char *doelen[] = {"doel/0", "doel/1", "doel/2", "doel/3", "doel/4",
					       "doel/5", "doel/6", "doel/7", "doel/8", "doel/9"};
		b[k] = (struct boeking){.sleutel = sl[k], .soort = BOEKING_DIRECT, .debet = "pot",
					.credit = doelen[(size_t)i % 10], .bedrag_cent = 100 + (int64_t)k,
					.code = "bench"};
	}
}

static void vul_twee_fasen(struct boeking *b, char (*sl)[48], size_t per, int i)
{
	(void)per;
	snprintf(sl[0], 48, "bench/%u/%d/r", reeks, i);
	snprintf(sl[1], 48, "bench/%u/%d/p", reeks, i);
	b[0] = (struct boeking){.sleutel = sl[0], .soort = BOEKING_RESERVERING, .debet = "pot",
				.credit = "doel/0", .bedrag_cent = 1000, .code = "bench", .gekoppeld = true};
	b[1] = (struct boeking){.sleutel = sl[1], .soort = BOEKING_VAN_RESERVERING,
				.reservering = sl[0], .bedrag_cent = 900, .code = "bench"};
}

/* The best of RONDES runs: the machine's other work only ever slows a run
 * down, so the fastest is the closest to what the ledger itself costs. */
static double beste(struct store *s, int n, size_t per, bool audit,
		    void (*vul)(struct boeking *b, char (*sl)[48], size_t per, int i))
{
	double best = 0;
	for (int ronde = 0; ronde < RONDES; ronde++) {
		reeks++;
		double v = meet(s, n, per, audit, vul);
		best = v > best ? v : best;
	}
	return best;
}

static void run(const char *naam, const char *url)
{
	int enkel = envint("BENCH_ENKEL", 2000), batches = envint("BENCH_BATCHES", 50);
	struct store *s = opzet(url);
	double een = beste(s, enkel, 1, false, vul_direct);
	double audit = beste(s, enkel, 1, true, vul_direct);
	double twee = beste(s, enkel / 2, 2, false, vul_twee_fasen);
	double honderd = beste(s, batches, PER_BATCH, false, vul_direct);
	struct grootboek_herspeling h;
	struct error e;
	error_clear(&e);
	if (grootboek_herspeel(s, &h, &e) != RC_OK || !h.klopt)
		stop("herspeel", &e);
	printf("%-11s %-26s %10.0f boekingen/s  (%d)\n", naam, "1 per transactie", een, enkel);
	printf("%-11s %-26s %10.0f boekingen/s  (%d)\n", naam, "1 per transactie + audit", audit, enkel);
	printf("%-11s %-26s %10.0f boekingen/s  (%d paren)\n", naam, "reservering+boeking", twee, enkel / 2);
	printf("%-11s %-26s %10.0f boekingen/s  (%d x %d)\n", naam, "100 per transactie", honderd,
	       batches, PER_BATCH);
	printf("%-11s herspeeld: %" PRId64 " boekingen klopten\n", naam, h.boekingen);
	fflush(stdout);
	store_close(s);
}

/* The URL of a fresh PostgreSQL database on the pg.sh server in `dir`. */
static bool pg_url(const char *dir, char *url, size_t n)
{
	if (strchr(dir, '\''))
		return false;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "scripts/pg.sh createdb '%s' dbk_bench_grootboek", dir);
	FILE *f = popen(cmd, "r");
	if (!f)
		return false;
	bool ok = fgets(url, (int)n, f) != NULL && strncmp(url, "postgresql://", 13) == 0;
	url[strcspn(url, "\r\n")] = '\0';
	return pclose(f) == 0 && ok;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	mkdir("var", 0755);
	mkdir("var/bench", 0755);
	char pad[128];
	snprintf(pad, sizeof pad, "var/bench/grootboek_%ld.db", (long)getpid());
	printf("# bench_grootboek: euro-boekingen per seconde (gemeten, niet getoetst)\n");
	run("sqlite", pad);
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char p[160];
		snprintf(p, sizeof p, "%s%s", pad, suffixes[i]);
		unlink(p);
	}
	const char *dir = getenv("DOORBRAAK_BENCH_PG");
	char url[512];
	if (dir && *dir) {
		if (!pg_url(dir, url, sizeof url)) {
			fprintf(stderr, "bench_grootboek: geen PostgreSQL-database in %s\n", dir);
			return 1;
		}
		run("postgresql", url);
	} else {
		printf("# postgresql: overgeslagen (zet DOORBRAAK_BENCH_PG=var/bench-pg)\n");
	}
	return 0;
}
