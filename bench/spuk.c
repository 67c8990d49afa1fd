/* spuk.c -- the SPUK allocation over all 342 municipalities through the
 * core and the store (issue 16; bench/README.md): the key, the parts in
 * whole cents, one decision and one ledger reservation per municipality,
 * the audit record, in one transaction; then the decisions read back.
 * Not a test: it measures and prints, it asserts nothing -- except that it
 * prints whether the parts sum exactly to the pot.
 *
 *   build/bench_spuk [URL]
 *
 * URL: a SQLite file (default var/bench/spuk.db, removed first) or an empty
 * PostgreSQL database. One allocation per year is the rule, so each round
 * uses a fresh database (SQLite, 5 rounds); on PostgreSQL one round.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench.h"
#include "core/catalogus/catalogus.h"
#include "core/sociaal/sociaal.h"
#include "core/toegang/rol.h"

#define RONDES 5

static int ronde(const char *url, double *toeken, double *lees, int64_t *som, size_t *n)
{
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	int v = 0;
	if (store_open(url, &s, &e) != RC_OK || store_migrate(s, &v, &e) != RC_OK ||
	    catalogus_laad_standaard(s, NULL, &e) != RC_OK || sociaal_laad_standaard(s, &e) != RC_OK) {
		fprintf(stderr, "bench_spuk: %s\n", e.message);
		store_close(s);
		return 1;
	}
	struct principal vws = {.organisatie_id = 1, .roles = ROL_VWS, .actor = "bench"};
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *sleutel = json_pack("{s:s, s:s, s:s}", "naam", "Aandeel inwoners per gemeente", "niveau", "gemeente",
				    "grondslag", "inwoners"), *uit = NULL;
	rc_t rc = sociaal_vaststel(s, &vws, NULL, "verdeelsleutel", sleutel, &a, &uit, &e);
	json_decref(sleutel);
	json_decref(uit);
	json_t *body = json_pack("{s:i}", "jaar", 2027);
	double t0 = nu();
	if (rc == RC_OK)
		rc = spuk_toeken(s, &vws, NULL, body, &a, &uit, &e);
	*toeken = nu() - t0;
	json_decref(body);
	json_decref(uit);
	json_t *lijst = NULL;
	t0 = nu();
	if (rc == RC_OK)
		rc = spuk_beschikkingen(s, &vws, 0, 2027, &a, &lijst, &e);
	*lees = nu() - t0;
	*som = json_integer_value(json_object_get(lijst, "totaal_cent"));
	*n = json_array_size(json_object_get(lijst, "beschikkingen"));
	json_decref(lijst);
	arena_release(&a);
	store_close(s);
	if (rc != RC_OK)
		fprintf(stderr, "bench_spuk: %s\n", e.message);
	return rc != RC_OK;
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0)
		return 1;
	const char *url = argc > 1 ? argv[1] : "var/bench/spuk.db";
	bool pg = strncmp(url, "postgres", 8) == 0;
	int rondes = pg ? 1 : RONDES;
	double toeken[RONDES], lees[RONDES];
	int64_t som = 0;
	size_t n = 0;
	for (int i = 0; i < rondes; i++) {
		if (!pg) {
			char wal[600];
			unlink(url);
			snprintf(wal, sizeof wal, "%s-wal", url);
			unlink(wal);
			snprintf(wal, sizeof wal, "%s-shm", url);
			unlink(wal);
		}
		if (ronde(url, &toeken[i], &lees[i], &som, &n))
			return 1;
	}
	qsort(toeken, (size_t)rondes, sizeof toeken[0], cmp);
	qsort(lees, (size_t)rondes, sizeof lees[0], cmp);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("SPUK 2027 over %zu gemeenten (%s): toekennen mediaan %.1f ms, traagste %.1f ms; beschikkingen lezen "
	       "mediaan %.1f ms; som van de delen %lld cent (%s de pot van 10000000000); %d rondes; piekgeheugen %ld KiB\n",
	       n, pg ? "PostgreSQL" : "SQLite", toeken[rondes / 2] * 1e3, toeken[rondes - 1] * 1e3, lees[rondes / 2] * 1e3,
	       (long long)som, som == INT64_C(10000000000) ? "precies" : "NIET", rondes, ru.ru_maxrss);
	return 0;
}
