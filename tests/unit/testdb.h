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

#include "store/store.h"

static unsigned testdb_counter;

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
			if (ok)
				snprintf(url_out, n, "%s", line);
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

#endif
