/* jaarstaat.c -- how long the insurer's yearly statement takes for an
 * insurer that coordinates many projects (issue 15; bench/README.md).
 * Not a test: it measures and prints, it asserts nothing.
 *
 *   build/bench_jaarstaat [URL] [PROJECTEN]
 *
 * URL: a SQLite file (default var/bench/jaarstaat.db, removed first) or an
 * empty PostgreSQL database; PROJECTEN default 1000. Builds, through the
 * core as the parties would: PROJECTEN applications assessed positively
 * by both insurers, the board's grants (tests/lib/toekenning_testhulp.h),
 * joint requests and beschikkingen, the year's framework, in 2027 per
 * project (one year, 2027) one milestone reported and paid, the accountability of 2027
 * submitted and tested. Then, at 2028-02-01, times the statement of 2027
 * (every project's rows, the cumulative amounts and the reconciliation
 * with the ledger, stored with its audit record) and the list of
 * statements read back (20 times: median and slowest).
 */
#define MAX 1010   /* one grant per project: the ledger takes 1,000 entries per call */
#include <sodium.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "../tests/unit/harness.h"
#include "../tests/unit/testdb.h"
#include "../tests/unit/beschikking_testdata.h"

#include "core/verantwoording/jaarstaat.h"
#include "core/verantwoording/verantwoording_dossier.h"

static bool fout(const char *wat, const struct error *e)
{
	fprintf(stderr, "bench_jaarstaat: %s: %s %s\n", wat, e->message, e->item_count ? e->items[0].detail : "");
	return false;
}

/* One project through payment, accountability and test. */
static bool project(struct wereld *w, int64_t b)
{
	struct error e;
	error_clear(&e);
	struct mijlpaal m;
	if (mijlpaal_meld(w->s, &w->penvoerder, &w->klok, b, "m1", "Verslag.", NULL, &e) != RC_OK)
		return fout("melden", &e);
	if (mijlpaal_betaal(w->s, &w->coordinerend, &w->klok, b, "m1", true, MLN(0.05), &w->a, &m, &e) != RC_OK)
		return fout("betalen", &e);
	json_t *doc = json_pack("{s:i, s:[{s:I, s:s, s:s, s:s, s:I}], s:[], s:b}", "jaar", 2027, "regels",
				"zorgaanbieder", (json_int_t)w->aanbieder[0], "kostensoort", "personeel", "aard",
				"eenmalig", "doel", "implementatie", "bedrag_cent", (json_int_t)MLN(0.04), "mijlpalen",
				"geen_dubbele_financiering", 1), *uit = NULL;
	rc_t rc = verantwoording_dien_in(w->s, &w->penvoerder, &w->klok, b, doc, &w->a, &uit, &e);
	json_decref(doc);
	int64_t vid = rc == RC_OK ? json_integer_value(json_object_get(uit, "id")) : 0;
	json_decref(uit);
	if (rc != RC_OK)
		return fout("verantwoorden", &e);
	json_t *oordeel = json_pack("{s:[{s:i, s:s, s:s}]}", "oordelen", "regel", 0, "oordeel", "aanvaard",
				    "motivering", "Onderbouwd.");
	rc = verantwoording_plausibiliteit(w->s, &w->coordinerend, &w->klok, vid, oordeel, &w->a, &uit, &e);
	json_decref(oordeel);
	json_decref(uit);
	return rc == RC_OK || fout("toetsen", &e);
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0)
		return 1;
	const char *url = argc > 1 ? argv[1] : "var/bench/jaarstaat.db";
	int n = argc > 2 ? atoi(argv[2]) : 1000;
	if (n < 1 || n > MAX - 10) {
		fprintf(stderr, "bench_jaarstaat: PROJECTEN tussen 1 en %d\n", MAX - 10);
		return 2;
	}
	if (strncmp(url, "postgres", 8) != 0) {
		(void)system("mkdir -p var/bench");
		unlink(url);
	}
	static struct wereld w;
	if (!wereld_open(&w, url))
		return 1;
	double t0 = nu();
	static struct hulp h;
	static int64_t aanvraag[MAX], beschikking[MAX];
	for (int i = 0; i < n; i++) {
		aanvraag[i] = bt_positief(&w);
		if (!aanvraag[i])
			return fprintf(stderr, "bench_jaarstaat: aanvraag %d\n", i), 1;
		if (i % 64 == 63) {   /* the world's arena is the caller's: free it now and then */
			arena_release(&w.a);
			arena_init(&w.a, 256u << 20);
		}
		bt_grant(&h, aanvraag[i], 2027, MLN(0.15));   /* 1,000 x EUR 150,000 fits the theme */
	}
	bt_geld(&h, "ai", 2027, MLN(0.15) * n);
	if (!bt_toekennen(&w, &h))
		return 1;
	for (int i = 0; i < n; i++) {
		struct error e;
		rc_t rc;
		int64_t t = bt_gezamenlijk(&w, aanvraag[i], MLN(0.15), NULL, 0, &rc, &e);
		beschikking[i] = t ? bt_beschik(&w, t, true, NULL, &rc, &e) : 0;
		if (!beschikking[i])
			return fout("beschikking", &e), 1;
		if (i % 64 == 63) {
			arena_release(&w.a);
			arena_init(&w.a, 256u << 20);
		}
	}
	json_t *k = json_pack("{s:i, s:I, s:s}", "tolerantie_bp", 1000, "accountant_vanaf_cent", (json_int_t)MLN(100),
			      "deadline", "2099-01-01T00:00:00Z"), *uit = NULL;
	struct error e;
	error_clear(&e);
	if (verantwoordingskader_zet(w.s, &w.pb, &w.klok, 2027, k, &w.a, &uit, &e) != RC_OK)
		return fout("kader", &e), 1;
	json_decref(k);
	json_decref(uit);
	w.nu_us = T_SLUIT_US + 90 * 86400 * KLOK_US_PER_S;   /* June 2027 */
	for (int i = 0; i < n; i++) {
		if (!project(&w, beschikking[i]))
			return 1;
		if (i % 64 == 63) {
			arena_release(&w.a);
			arena_init(&w.a, 256u << 20);
		}
	}
	double t1 = nu();
	w.nu_us = INT64_C(1801440000) * KLOK_US_PER_S;   /* 2028-02-01 */
	error_clear(&e);
	double s0 = nu();
	rc_t rc = jaarstaat_dien_in(w.s, &w.coordinerend, &w.klok, 2027, &w.a, &uit, &e);
	double s1 = nu();
	if (rc != RC_OK)
		return fout("jaarstaat", &e), 1;
	size_t regels = json_array_size(json_object_get(uit, "projecten"));
	int64_t tv = json_integer_value(json_object_get(uit, "te_vereffenen_cent"));
	json_decref(uit);
	double lees[20];
	for (int i = 0; i < 20; i++) {
		double r0 = nu();
		json_t *l = NULL;
		if (jaarstaat_lijst(w.s, bt_nza(), 2027, &w.a, &l, &e) != RC_OK)
			return fout("lijst", &e), 1;
		lees[i] = nu() - r0;
		json_decref(l);
	}
	qsort(lees, 20, sizeof lees[0], cmp);
	printf("bench_jaarstaat %s: %d projecten (opbouw %.1f s)\n", testdb_backend_name(strncmp(url, "postgres", 8) == 0
	       ? STORE_POSTGRES : STORE_SQLITE), n, t1 - t0);
	printf("  jaarstaat 2027 indienen: %.1f ms (%zu projectregels, te vereffenen %" PRId64 " cent)\n",
	       (s1 - s0) * 1e3, regels, tv);
	printf("  jaarstaten lezen: mediaan %.1f ms, traagst %.1f ms (20 keer)\n", lees[10] * 1e3, lees[19] * 1e3);
	wereld_sluit(&w);
	(void)harness_tests_passed;
	return 0;
}
