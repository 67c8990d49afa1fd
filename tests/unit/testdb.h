/*
 * testdb.h -- fresh databases for unit tests, on both backends.
 *
 * Include after harness.h. Tests that touch a database are written once,
 * as DBTEST(name) { ... } taking the URL of a fresh, empty database and
 * its backend, and run with RUN_DB(name), which runs the test once per
 * backend and prints one TAP line each:
 *
 *   ok - name [sqlite]
 *   ok - name [postgresql] # SKIP no PostgreSQL
 *
 * SQLite databases are files var/test/unit_<pid>_<n>.db (relative to the
 * repo root, where the tests run). PostgreSQL is used only when
 * DOORBRAAK_TEST_PG names a scripts/pg.sh server directory, e.g.
 *
 *   scripts/pg.sh start var/test-pg
 *   DOORBRAAK_TEST_PG=var/test-pg build/test_store
 *
 * and every database is then `scripts/pg.sh createdb DIR dbk_unit_<pid>_<n>`.
 * At exit the PostgreSQL databases are dropped, and the SQLite files are
 * removed when every test passed (kept for inspection otherwise).
 * With DOORBRAAK_TEST_PG set, a database that cannot be created fails the
 * test; it is never silently skipped. Skipped lines are not counted as
 * passed (the runner counts "# SKIP" lines separately).
 */
#ifndef DOORBRAAK_TESTDB_H
#define DOORBRAAK_TESTDB_H

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "store/store.h"

static unsigned testdb_counter;

/* What this process created, removed again at exit: the SQLite files only
 * when every test passed (else they are kept for a look), the PostgreSQL
 * databases always (each costs several MB on the test server). */
#define TESTDB_TRACK_MAX 256
static char testdb_sqlite_files[TESTDB_TRACK_MAX][512];
static size_t testdb_sqlite_count;
static char testdb_pg_urls[TESTDB_TRACK_MAX][512];
static size_t testdb_pg_count;
static bool testdb_atexit_set;

/* Drops the database named in `url` through a connection to the
 * "postgres" database of the same server. */
static inline void testdb_pg_drop(const char *url)
{
	char admin[600], name[128];
	const char *query = strchr(url, '?');
	size_t end = query ? (size_t)(query - url) : strlen(url);
	const char *slash = NULL;
	for (const char *p = url + strlen("postgresql://"); p < url + end; p++)
		if (*p == '/')
			slash = p;
	if (!slash)
		return;
	snprintf(name, sizeof name, "%.*s", (int)(url + end - slash - 1), slash + 1);
	snprintf(admin, sizeof admin, "%.*s/postgres%s", (int)(slash - url), url, query ? query : "");
	PGconn *c = PQconnectdb(admin);
	if (PQstatus(c) == CONNECTION_OK) {
		char sql[200];
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", name);
		PQclear(PQexec(c, sql));
	}
	PQfinish(c);
}

static void testdb_cleanup(void)
{
	for (size_t i = 0; i < testdb_pg_count; i++)
		testdb_pg_drop(testdb_pg_urls[i]);
	if (harness_tests_failed || harness_failed_checks)
		return;
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < testdb_sqlite_count; i++)
		for (size_t j = 0; j < sizeof suffixes / sizeof suffixes[0]; j++) {
			char p[160];
			snprintf(p, sizeof p, "%.127s%s", testdb_sqlite_files[i], suffixes[j]);
			unlink(p);
		}
}

static inline void testdb_track(bool pg, const char *url)
{
	if (!testdb_atexit_set) {
		atexit(testdb_cleanup);
		testdb_atexit_set = true;
	}
	if (pg && testdb_pg_count < TESTDB_TRACK_MAX)
		snprintf(testdb_pg_urls[testdb_pg_count++], sizeof testdb_pg_urls[0], "%s", url);
	else if (!pg && testdb_sqlite_count < TESTDB_TRACK_MAX)
		snprintf(testdb_sqlite_files[testdb_sqlite_count++], sizeof testdb_sqlite_files[0], "%s", url);
}

/* Writes the path of a fresh (nonexistent) SQLite file under var/test/. */
static inline bool testdb_sqlite(char *url_out, size_t n)
{
	if (mkdir("var", 0755) != 0 && errno != EEXIST)
		return false;
	if (mkdir("var/test", 0755) != 0 && errno != EEXIST)
		return false;
	int k = snprintf(url_out, n, "var/test/unit_%ld_%u.db", (long)getpid(), ++testdb_counter);
	if (k < 0 || (size_t)k >= n)
		return false;
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char p[600];
		snprintf(p, sizeof p, "%s%s", url_out, suffixes[i]);
		unlink(p);
	}
	testdb_track(false, url_out);
	return true;
}

/* True when DOORBRAAK_TEST_PG is set (PostgreSQL tests must then run). */
static inline bool testdb_postgres_configured(void)
{
	const char *dir = getenv("DOORBRAAK_TEST_PG");
	return dir && *dir;
}

/* Creates a fresh PostgreSQL database and writes its URL. False when
 * DOORBRAAK_TEST_PG is unset, and also (with a "failed:" line and a
 * failed check) when the database could not be created. */
static inline bool testdb_postgres(char *url_out, size_t n)
{
	if (!testdb_postgres_configured())
		return false;
	const char *dir = getenv("DOORBRAAK_TEST_PG");
	if (strchr(dir, '\'')) {
		printf("  failed: DOORBRAAK_TEST_PG must not contain a quote\n");
		harness_failed_checks++;
		return false;
	}
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "scripts/pg.sh createdb '%s' dbk_unit_%ld_%u", dir,
		 (long)getpid(), ++testdb_counter);
	FILE *f = popen(cmd, "r");
	bool ok = false;
	if (f) {
		char line[512] = "";
		if (fgets(line, sizeof line, f)) {
			line[strcspn(line, "\r\n")] = '\0';
			ok = strncmp(line, "postgresql://", 13) == 0 && strlen(line) < n;
			if (ok) {
				snprintf(url_out, n, "%s", line);
				testdb_track(true, url_out);
			}
		}
		if (pclose(f) != 0)
			ok = false;
	}
	if (!ok) {
		printf("  failed: %s did not print a database URL\n", cmd);
		harness_failed_checks++;
	}
	return ok;
}

/* A fresh database of backend `b`; see above for when it is false. */
static inline bool testdb_fresh(enum store_backend b, char *url_out, size_t n)
{
	return b == STORE_SQLITE ? testdb_sqlite(url_out, n) : testdb_postgres(url_out, n);
}

static inline const char *testdb_backend_name(enum store_backend b)
{
	return b == STORE_SQLITE ? "sqlite" : "postgresql";
}

/* Opens `url`; a failure is a failed check (and NULL). */
static inline struct store *testdb_open(const char *url)
{
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	if (store_open(url, &s, &e) != RC_OK) {
		printf("  failed: store_open(%s): %s\n", url, e.message);
		harness_failed_checks++;
		return NULL;
	}
	return s;
}

/* Opens `url` and migrates it to the newest schema; NULL on failure
 * (a failed check). */
static inline struct store *testdb_open_migrated(const char *url)
{
	struct store *s = testdb_open(url);
	if (!s)
		return NULL;
	struct error e;
	error_clear(&e);
	int v = 0;
	if (store_migrate(s, &v, &e) != RC_OK) {
		printf("  failed: store_migrate(%s): %s\n", url, e.message);
		harness_failed_checks++;
		store_close(s);
		return NULL;
	}
	return s;
}

#define TESTDB_URL_MAX 512

#define DBTEST(name)                                                                     \
	static void dbtest_##name(enum store_backend backend __attribute__((unused)),     \
				  const char *url)

/* Runs dbtest_name once per backend, each on a fresh database. */
#define RUN_DB(name)                                                                     \
	do {                                                                             \
		static const enum store_backend testdb_all[] = {STORE_SQLITE, STORE_POSTGRES}; \
		for (size_t testdb_i = 0; testdb_i < 2; testdb_i++) {                    \
			enum store_backend testdb_b = testdb_all[testdb_i];              \
			const char *testdb_bn = testdb_backend_name(testdb_b);           \
			if (testdb_b == STORE_POSTGRES && !testdb_postgres_configured()) { \
				printf("ok - %s [%s] # SKIP no PostgreSQL (set DOORBRAAK_TEST_PG)\n", \
				       #name, testdb_bn);                                \
				fflush(stdout);                                          \
				continue;                                                \
			}                                                                \
			int testdb_before = harness_failed_checks;                       \
			char testdb_url[TESTDB_URL_MAX];                                 \
			if (testdb_fresh(testdb_b, testdb_url, sizeof testdb_url))       \
				dbtest_##name(testdb_b, testdb_url);                     \
			else if (harness_failed_checks == testdb_before) {               \
				printf("  failed: no fresh %s database\n", testdb_bn);   \
				harness_failed_checks++;                                 \
			}                                                                \
			if (harness_failed_checks == testdb_before) {                    \
				harness_tests_passed++;                                  \
				printf("ok - %s [%s]\n", #name, testdb_bn);              \
			} else {                                                         \
				harness_tests_failed++;                                  \
				printf("not ok - %s [%s]\n", #name, testdb_bn);          \
			}                                                                \
			fflush(stdout);                                                  \
		}                                                                        \
	} while (0)

/* ---- one statement in a transaction of its own ---------------------- */

struct testdb_sql_ctx {
	const char *sql;
	const struct store_param *params;
	size_t n;
	struct arena *arena;
	struct store_rows *rows;
};

static inline rc_t testdb_sql_tx(struct store *s, void *ctx, struct error *e)
{
	struct testdb_sql_ctx *c = ctx;
	return store_query(s, c->sql, c->params, c->n, c->arena, c->rows, e);
}

/* Runs one statement in a transaction of its own (rows into `arena` when
 * `rows` is not NULL); e is cleared first. */
static inline rc_t sql(struct store *s, enum store_tx_mode mode, const char *text,
		       const struct store_param *params, size_t n, struct arena *arena,
		       struct store_rows *rows, struct error *e)
{
	struct testdb_sql_ctx c = {text, params, n, arena, rows};
	error_clear(e);
	return store_tx(s, mode, testdb_sql_tx, &c, e);
}

/* The integer in the first cell of a query run in a read transaction of
 * its own (e.g. SELECT count(*) ...); -1 on error, with the reason printed. */
static inline int64_t testdb_int(struct store *s, const char *text)
{
	struct arena a;
	arena_init(&a, 1u << 20);
	struct store_rows rows;
	struct error e;
	rc_t rc = sql(s, STORE_READ, text, NULL, 0, &a, &rows, &e);
	int64_t v = rc == RC_OK ? store_int(&rows, 0, 0, -1) : -1;
	if (rc != RC_OK)
		printf("  (%s: %s)\n", text, e.message);
	arena_release(&a);
	return v;
}

/* A fresh, migrated SQLite database in /tmp for a test that keeps one
 * database for all its cases (path into pad[n]); NULL with a "not ok -
 * setup" line printed when it cannot be made. */
static inline struct store *testdb_tijdelijk(const char *naam, char *pad, size_t n)
{
	struct error e;
	error_clear(&e);
	snprintf(pad, n, "/tmp/doorbraak_%s_%d.db", naam, (int)getpid());
	struct store *db = NULL;
	int versie = 0;
	if (store_open(pad, &db, &e) != RC_OK || store_migrate(db, &versie, &e) != RC_OK) {
		printf("not ok - setup: %s\n", e.message);
		return NULL;
	}
	return db;
}

#endif
