/*
 * test_verdeeltaak.c -- the board's scenario jobs on both backends
 * (docs/bestuur.md §3.1), from a fresh database with the demo data (a
 * closed round with eight positively assessed applications):
 *
 * - placed, claimed and computed: klaar with a scenario, stored in one
 *   transaction with the job's state and audit records;
 * - a job whose request fails when computed ends mislukt with the problem
 *   as JSON, nothing stored;
 * - a stop asked while computing (the worker's, as at shutdown) hands the
 *   job back as wachtend; a cancel asked in the database ends it
 *   geannuleerd; neither stores a scenario;
 * - a job claimed by a worker that died is taken over once its claim
 *   expired, not before.
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "testdb.h"

#include "core/basis/json.h"
#include "core/catalogus/catalogus.h"
#include "core/demo/demo.h"
#include "core/verdeling/verdeelscenario.h"
#include "core/verdeling/verdeeltaak.h"
#include "store/store_verdeeltaak.h"

#define RONDE "Demoronde verdeling 2026 (beoordeeld)"

struct tel_ctx {
	const char *sql;
	int64_t n;
};

static rc_t tel_tx(struct store *s, void *ctx, struct error *e)
{
	struct tel_ctx *c = ctx;
	return store_query_int(s, c->sql, NULL, 0, &c->n, e);
}

static int64_t tel(struct store *s, const char *sql)
{
	struct error e;
	error_clear(&e);
	struct tel_ctx c = {sql, -1};
	if (store_tx(s, STORE_READ, tel_tx, &c, &e) != RC_OK)
		printf("  (%s: %s)\n", sql, e.message);
	return c.n;
}

/* Runs an UPDATE ... RETURNING id of the test's own making (what another
 * process or a worker that died would have left) in a write transaction. */
static int64_t schrijf(struct store *s, const char *sql)
{
	struct error e;
	error_clear(&e);
	struct tel_ctx c = {sql, -1};
	if (store_tx(s, STORE_WRITE, tel_tx, &c, &e) != RC_OK)
		printf("  (%s: %s)\n", sql, e.message);
	return c.n;
}

static struct store *wereld(const char *url, int64_t *ronde)
{
	struct store *s = testdb_open_migrated(url);
	if (!s)
		return NULL;
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, 16u << 20);
	struct indieningsronde r;
	rc_t rc = catalogus_laad_standaard(s, NULL, &e);
	if (rc == RC_OK)
		rc = demo_laad(s, false, &e);
	if (rc == RC_OK)
		rc = indieningsronde_zoek_demo(s, &a, RONDE, &r, &e);
	if (rc == RC_OK)
		*ronde = r.id;
	arena_release(&a);
	if (rc != RC_OK) {
		printf("  failed: demo data: %s\n", e.message);
		harness_failed_checks++;
		store_close(s);
		return NULL;
	}
	return s;
}

static const struct principal bestuur = {.roles = ROL_BESTUUR, .actor = "test-bestuur"};

/* Places a job for an optimal scenario named `naam`; 0 on failure. */
static int64_t plaats(struct store *s, int64_t ronde, const char *naam)
{
	json_t *body = json_pack("{s:s, s:I, s:s, s:{s:s}}", "naam", naam, "indieningsronde_id",
				 (json_int_t)ronde, "regel", "optimaal", "parameters", "seed", "t");
	struct arena a;
	arena_init(&a, 64u << 20);
	struct error e;
	error_clear(&e);
	int64_t id = 0;
	if (verdeeltaak_plaats(s, &bestuur, NULL, body, &a, &id, &e) != RC_OK)
		printf("  plaats: %s\n", e.message);
	json_decref(body);
	arena_release(&a);
	return id;
}

/* The status of job id, copied into buf. */
static const char *status(struct store *s, int64_t id, char *buf, size_t n)
{
	struct arena a;
	arena_init(&a, 1u << 20);
	struct error e;
	error_clear(&e);
	struct verdeeltaak t;
	snprintf(buf, n, "%s", verdeeltaak_lees(s, &a, id, &t, &e) == RC_OK ? t.status : "?");
	arena_release(&a);
	return buf;
}

static bool werk(struct store *s, const atomic_bool *stop)
{
	struct error e;
	error_clear(&e);
	bool gedaan = false;
	rc_t rc = verdeeltaak_werk_een(s, NULL, stop, &gedaan, &e);
	if (rc != RC_OK)
		printf("  werk: %s\n", e.message);
	return rc == RC_OK && gedaan;
}

DBTEST(geplaatst_berekend_klaar)
{
	(void)backend;
	int64_t ronde = 0;
	struct store *s = wereld(url, &ronde);
	if (!s)
		return;
	char b[32];
	int64_t scenarios = tel(s, "SELECT count(*) FROM verdeelscenario");
	int64_t id = plaats(s, ronde, "Taak klaar");
	CHECK(id > 0);
	CHECK(strcmp(status(s, id, b, sizeof b), "wachtend") == 0);
	CHECK(werk(s, NULL));
	CHECK(strcmp(status(s, id, b, sizeof b), "klaar") == 0);
	CHECK(tel(s, "SELECT count(*) FROM verdeelscenario") == scenarios + 1);
	CHECK(tel(s, "SELECT count(*) FROM verdeeltaak t JOIN verdeelscenario v ON v.id = t.scenario_id"
		     " WHERE v.naam = 'Taak klaar' AND t.status = 'klaar'") == 1);
	CHECK(tel(s, "SELECT count(*) FROM auditlog WHERE actie IN ('verdeeltaak.plaats',"
		     " 'verdeeltaak.start', 'verdeeltaak.klaar', 'verdeelscenario.maak')"
		     " AND resultaat = 'gelukt'") >= 4);
	CHECK(!werk(s, NULL));   /* nothing left */
	store_close(s);
}

DBTEST(mislukt_met_het_probleem)
{
	(void)backend;
	int64_t ronde = 0;
	struct store *s = wereld(url, &ronde);
	if (!s)
		return;
	int64_t id = plaats(s, ronde, "Taak mislukt");
	/* the round disappears from under the request: the job fails when computed */
	struct error e;
	error_clear(&e);
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE verdeeltaak SET verzoek = '{\"naam\":\"x\",\"indieningsronde_id\":999999,"
		 "\"regel\":\"optimaal\"}' WHERE id = %" PRId64 " RETURNING id", id);
	CHECK(schrijf(s, sql) == id);
	int64_t scenarios = tel(s, "SELECT count(*) FROM verdeelscenario");
	CHECK(werk(s, NULL));
	char b[32];
	CHECK(strcmp(status(s, id, b, sizeof b), "mislukt") == 0);
	CHECK(tel(s, "SELECT count(*) FROM verdeelscenario") == scenarios);
	struct arena a;
	arena_init(&a, 1u << 20);
	struct verdeeltaak t;
	CHECK(verdeeltaak_lees(s, &a, id, &t, &e) == RC_OK && t.fout);
	json_t *f = t.fout ? json_loads(t.fout, 0, NULL) : NULL;
	CHECK(f && json_integer_value(json_object_get(f, "status")) == 400);
	CHECK(f && json_array_size(json_object_get(f, "errors")) >= 1);
	json_decref(f);
	arena_release(&a);
	CHECK(tel(s, "SELECT count(*) FROM auditlog WHERE actie = 'verdeeltaak.mislukt'") == 1);
	store_close(s);
}

DBTEST(gestopt_terug_of_geannuleerd)
{
	(void)backend;
	int64_t ronde = 0;
	struct store *s = wereld(url, &ronde);
	if (!s)
		return;
	int64_t scenarios = tel(s, "SELECT count(*) FROM verdeelscenario");
	char b[32];
	/* the worker stops (shutdown): the job goes back to waiting */
	atomic_bool stop;
	atomic_init(&stop, true);
	int64_t id = plaats(s, ronde, "Taak gestopt");
	CHECK(werk(s, &stop));
	CHECK(strcmp(status(s, id, b, sizeof b), "wachtend") == 0);
	CHECK(tel(s, "SELECT count(*) FROM auditlog WHERE actie = 'verdeeltaak.terug'") == 1);
	/* cancelled in the database while computing: the worker ends it */
	struct error e;
	error_clear(&e);
	CHECK(werk(s, &stop));   /* claims it again, hands it back again */
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE verdeeltaak SET status = 'annuleren', verloopt_op_us = 0"
		 " WHERE id = %" PRId64 " RETURNING id", id);
	CHECK(schrijf(s, sql) == id);   /* as a cancel while bezig, by a worker that died */
	CHECK(werk(s, NULL));
	CHECK(strcmp(status(s, id, b, sizeof b), "geannuleerd") == 0);
	CHECK(tel(s, "SELECT count(*) FROM verdeelscenario") == scenarios);
	/* a cancel of an ended job is refused with its code */
	error_clear(&e);
	CHECK(verdeeltaak_annuleer(s, &bestuur, NULL, id, &e) == RC_CONFLICT);
	CHECK(e.item_count == 1 && strcmp(e.items[0].code, "taak_afgelopen") == 0);
	store_close(s);
}

DBTEST(overname_na_verlopen_claim)
{
	(void)backend;
	int64_t ronde = 0;
	struct store *s = wereld(url, &ronde);
	if (!s)
		return;
	int64_t id = plaats(s, ronde, "Taak overgenomen");
	char sql[128], b[32];
	/* claimed by a worker that died: not taken over before its claim expires */
	snprintf(sql, sizeof sql, "UPDATE verdeeltaak SET status = 'bezig', verloopt_op_us = %" PRId64
		 " WHERE id = %" PRId64 " RETURNING id", INT64_MAX / 2, id);
	CHECK(schrijf(s, sql) == id);
	CHECK(!werk(s, NULL));
	CHECK(strcmp(status(s, id, b, sizeof b), "bezig") == 0);
	snprintf(sql, sizeof sql, "UPDATE verdeeltaak SET verloopt_op_us = 1 WHERE id = %" PRId64 " RETURNING id", id);
	CHECK(schrijf(s, sql) == id);
	CHECK(werk(s, NULL));
	CHECK(strcmp(status(s, id, b, sizeof b), "klaar") == 0);
	store_close(s);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN_DB(geplaatst_berekend_klaar);
	RUN_DB(mislukt_met_het_probleem);
	RUN_DB(gestopt_terug_of_geannuleerd);
	RUN_DB(overname_na_verlopen_claim);
	return HARNESS_END();
}
