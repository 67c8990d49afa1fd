/* test_store.c -- the storage interface on both backends: connections,
 * migrations, prepared statements, transactions and their retry rule,
 * concurrency, and the pool. */
#include <netinet/in.h>
#include <pthread.h>
#include <sodium.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "testdb.h"

/* ---- helpers -------------------------------------------------------- */

/* Runs a statement and checks that it succeeded; prints why when not. */
static bool sql_ok(struct store *s, const char *text, const struct store_param *params, size_t n)
{
	struct error e;
	rc_t rc = sql(s, STORE_WRITE, text, params, n, NULL, NULL, &e);
	if (rc != RC_OK)
		printf("  (%s: %s)\n", text, e.message);
	return rc == RC_OK;
}

static bool one_line(const char *msg)
{
	return msg[0] != '\0' && strchr(msg, '\n') == NULL && strchr(msg, '\r') == NULL;
}

/* ---- opening and migrations ----------------------------------------- */

DBTEST(open_close)
{
	struct store *s = testdb_open(url);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(store_backend(s) == backend);
	CHECK(strcmp(store_backend_name(s), backend == STORE_SQLITE ? "sqlite" : "postgresql") == 0);
	store_close(s);
	store_close(NULL); /* a no-op */
	/* and once more on the same database */
	s = testdb_open(url);
	CHECK(s != NULL);
	store_close(s);
}

DBTEST(migrate_fresh_and_twice)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	struct error e;
	error_clear(&e);
	int v = -1;
	CHECK(store_schema_version(s, &v, &e) == RC_OK);
	CHECK(v == 0);
	CHECK(store_latest_schema_version() >= 1);
	v = -1;
	CHECK(store_migrate(s, &v, &e) == RC_OK);
	CHECK(v == store_latest_schema_version());
	v = -1;
	CHECK(store_migrate(s, &v, &e) == RC_OK);
	CHECK(v == store_latest_schema_version());
	v = -1;
	CHECK(store_schema_version(s, &v, &e) == RC_OK);
	CHECK(v == store_latest_schema_version());
	/* one schema_versie row per migration, not one per run */
	CHECK(testdb_int(s, "SELECT count(*) FROM schema_versie") == store_latest_schema_version());
	store_close(s);
	/* a new connection sees the same version and migrates nothing */
	s = testdb_open(url);
	if (!s)
		return;
	v = -1;
	CHECK(store_migrate(s, &v, &e) == RC_OK);
	CHECK(v == store_latest_schema_version());
	CHECK(testdb_int(s, "SELECT count(*) FROM schema_versie") == store_latest_schema_version());
	store_close(s);
}

struct migrate_thread {
	const char *url;
	rc_t rc;
	int version;
	char message[ERROR_MESSAGE_MAX];
};

static void *migrate_thread_main(void *arg)
{
	struct migrate_thread *t = arg;
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	t->rc = store_open(t->url, &s, &e);
	if (t->rc == RC_OK) {
		t->rc = store_migrate(s, &t->version, &e);
		store_close(s);
	}
	snprintf(t->message, sizeof t->message, "%s", e.message);
	return NULL;
}

/* store.h: store_migrate is "safe to run concurrently" (several server
 * processes starting at once on one database). */
DBTEST(migrate_concurrently)
{
	enum { N = 4 };
	struct migrate_thread t[N];
	pthread_t th[N];
	for (int i = 0; i < N; i++) {
		t[i] = (struct migrate_thread){.url = url, .rc = RC_INTERNAL};
		CHECK(pthread_create(&th[i], NULL, migrate_thread_main, &t[i]) == 0);
	}
	for (int i = 0; i < N; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < N; i++) {
		if (t[i].rc != RC_OK)
			printf("  (%s: migrator %d: %s)\n", testdb_backend_name(backend), i, t[i].message);
		CHECK(t[i].rc == RC_OK);
		CHECK(t[i].version == store_latest_schema_version());
	}
	struct store *s = testdb_open(url);
	if (!s)
		return;
	CHECK(testdb_int(s, "SELECT count(*) FROM schema_versie") == store_latest_schema_version());
	store_close(s);
}

/* ---- statements ----------------------------------------------------- */

DBTEST(query_params_and_cells)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	CHECK(sql_ok(s, "CREATE TABLE t (id INTEGER PRIMARY KEY, n BIGINT, s TEXT)", NULL, 0));
	const char *tricky = "h\xc3\xa9 'quote' \"dq\" ? $1 ; --";
	struct store_param p1[] = {SP_I(1), SP_I(-42), SP_T(tricky)};
	struct store_param p2[] = {SP_I(2), SP_N(), SP_T(NULL)}; /* SP_T(NULL) is NULL */
	struct store_param p3[] = {SP_I(3), SP_I(INT64_MAX), SP_T("")};
	struct store_param p4[] = {SP_I(4), SP_I(INT64_MIN), SP_T("12x")};
	CHECK(p2[2].type == SP_NULL);
	const char *ins = "INSERT INTO t (id, n, s) VALUES (?, ?, ?)";
	CHECK(sql_ok(s, ins, p1, 3));
	CHECK(sql_ok(s, ins, p2, 3));
	CHECK(sql_ok(s, ins, p3, 3));
	CHECK(sql_ok(s, ins, p4, 3));

	struct arena a;
	arena_init(&a, 1u << 20);
	struct store_rows r;
	struct error e;
	CHECK(sql(s, STORE_READ, "SELECT id, n, s FROM t ORDER BY id", NULL, 0, &a, &r, &e) == RC_OK);
	CHECK(r.nrows == 4);
	CHECK(r.ncols == 3);
	if (r.nrows == 4 && r.ncols == 3) {
		CHECK(store_int(&r, 0, 0, 0) == 1);
		CHECK(store_int(&r, 0, 1, 0) == -42);
		CHECK(store_text(&r, 0, 1) && strcmp(store_text(&r, 0, 1), "-42") == 0);
		CHECK(store_text(&r, 0, 2) && strcmp(store_text(&r, 0, 2), tricky) == 0);
		/* NULL cells */
		CHECK(store_text(&r, 1, 1) == NULL);
		CHECK(store_text(&r, 1, 2) == NULL);
		CHECK(store_int(&r, 1, 1, 77) == 77);
		/* the int64 extremes survive */
		CHECK(store_int(&r, 2, 1, 0) == INT64_MAX);
		CHECK(store_int(&r, 3, 1, 0) == INT64_MIN);
		/* empty text is not NULL; non-numbers give the fallback */
		CHECK(store_text(&r, 2, 2) && store_text(&r, 2, 2)[0] == '\0');
		CHECK(store_int(&r, 2, 2, 5) == 5);
		CHECK(store_int(&r, 3, 2, 6) == 6);
		CHECK(store_int(&r, 0, 2, 7) == 7);
	}
	/* out of range cells are NULL, not a crash */
	CHECK(store_text(&r, 4, 0) == NULL);
	CHECK(store_text(&r, 0, 3) == NULL);
	CHECK(store_int(&r, 99, 99, 8) == 8);

	/* parameters in WHERE, an int and a text, and a NULL comparison */
	struct store_param w[] = {SP_I(0), SP_T(tricky)};
	CHECK(sql(s, STORE_READ, "SELECT id FROM t WHERE n < ? AND s = ?", w, 2, &a, &r, &e) == RC_OK);
	CHECK(r.nrows == 1 && store_int(&r, 0, 0, 0) == 1);
	CHECK(sql(s, STORE_READ, "SELECT id FROM t WHERE n IS NULL", NULL, 0, &a, &r, &e) == RC_OK);
	CHECK(r.nrows == 1 && store_int(&r, 0, 0, 0) == 2);
	/* no rows */
	struct store_param none[] = {SP_I(999)};
	CHECK(sql(s, STORE_READ, "SELECT id, s FROM t WHERE id = ?", none, 1, &a, &r, &e) == RC_OK);
	CHECK(r.nrows == 0);
	CHECK(r.ncols == 2);
	CHECK(store_text(&r, 0, 0) == NULL);
	/* the same statement text again (from the statement cache) */
	struct store_param one[] = {SP_I(1)};
	CHECK(sql(s, STORE_READ, "SELECT id, s FROM t WHERE id = ?", one, 1, &a, &r, &e) == RC_OK);
	CHECK(r.nrows == 1 && store_text(&r, 0, 1) && strcmp(store_text(&r, 0, 1), tricky) == 0);
	arena_release(&a);

	/* a SQL error is RC_STORE with a one-line message */
	CHECK(sql(s, STORE_READ, "SELECT nope FROM t", NULL, 0, NULL, NULL, &e) == RC_STORE);
	CHECK(one_line(e.message));
	/* too many parameters */
	struct store_param many[STORE_PARAMS_MAX + 1];
	for (size_t i = 0; i < STORE_PARAMS_MAX + 1; i++)
		many[i] = SP_I(i);
	CHECK(sql(s, STORE_READ, "SELECT 1", many, STORE_PARAMS_MAX + 1, NULL, NULL, &e) == RC_INTERNAL);
	store_close(s);
}

struct int_ctx {
	const char *sql;
	const struct store_param *params;
	size_t n;
	int64_t value;
};

static rc_t int_tx(struct store *s, void *ctx, struct error *e)
{
	struct int_ctx *c = ctx;
	return store_query_int(s, c->sql, c->params, c->n, &c->value, e);
}

DBTEST(query_int)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	struct error e;
	error_clear(&e);
	CHECK(sql_ok(s, "CREATE TABLE t (id INTEGER PRIMARY KEY, n BIGINT)", NULL, 0));
	struct store_param p[] = {SP_I(41)};
	struct int_ctx c = {"SELECT ? + 1", p, 1, 0};
	CHECK(store_tx(s, STORE_READ, int_tx, &c, &e) == RC_OK);
	CHECK(c.value == 42);
	c = (struct int_ctx){"SELECT n FROM t", NULL, 0, 5};
	CHECK(store_tx(s, STORE_READ, int_tx, &c, &e) == RC_NOT_FOUND);
	CHECK(c.value == 5);
	store_close(s);
}

/* `?` inside quotes is text, not a placeholder (PostgreSQL numbers the
 * others $1, $2, ...; SQLite does this itself). */
DBTEST(placeholders_in_quotes)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	struct arena a;
	arena_init(&a, 1u << 20);
	struct store_rows r;
	struct error e;
	struct store_param p[] = {SP_T("x"), SP_T("y")};
	rc_t rc = sql(s, STORE_READ, "SELECT '?', ?, 'it''s ?', ? AS \"a?b\"", p, 2, &a, &r, &e);
	if (rc != RC_OK)
		printf("  (%s)\n", e.message);
	CHECK(rc == RC_OK);
	CHECK(r.nrows == 1 && r.ncols == 4);
	if (r.nrows == 1 && r.ncols == 4) {
		CHECK(strcmp(store_text(&r, 0, 0), "?") == 0);
		CHECK(strcmp(store_text(&r, 0, 1), "x") == 0);
		CHECK(strcmp(store_text(&r, 0, 2), "it's ?") == 0);
		CHECK(strcmp(store_text(&r, 0, 3), "y") == 0);
	}
	arena_release(&a);
	store_close(s);
}

/* STORE_ROWS_MAX rows are fine, one more is RC_TOO_LARGE. */
DBTEST(rows_max)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	const char *gen = "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < ?)"
			  " SELECT i FROM r";
	struct arena a;
	arena_init(&a, 64u << 20);
	struct store_rows r;
	struct error e;
	struct store_param max[] = {SP_I(STORE_ROWS_MAX)};
	CHECK(sql(s, STORE_READ, gen, max, 1, &a, &r, &e) == RC_OK);
	CHECK(r.nrows == STORE_ROWS_MAX);
	CHECK(store_int(&r, STORE_ROWS_MAX - 1, 0, 0) == STORE_ROWS_MAX);
	arena_release(&a);
	arena_init(&a, 64u << 20);
	struct store_param over[] = {SP_I(STORE_ROWS_MAX + 1)};
	CHECK(sql(s, STORE_READ, gen, over, 1, &a, &r, &e) == RC_TOO_LARGE);
	arena_release(&a);
	store_close(s);
}

/* A connection lives as long as the server; the statement cache must not
 * turn the 257th distinct statement into an error. */
DBTEST(many_distinct_statements)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	int failed_at = 0;
	char why[ERROR_MESSAGE_MAX] = "";
	for (int i = 1; i <= 300 && !failed_at; i++) {
		char text[64];
		snprintf(text, sizeof text, "SELECT %d + ?", i);
		struct store_param p[] = {SP_I(1)};
		struct error e;
		struct int_ctx c = {text, p, 1, 0};
		error_clear(&e);
		if (store_tx(s, STORE_READ, int_tx, &c, &e) != RC_OK || c.value != i + 1) {
			failed_at = i;
			snprintf(why, sizeof why, "%s", e.message);
		}
	}
	if (failed_at)
		printf("  (statement %d failed: %s)\n", failed_at, why);
	CHECK(failed_at == 0);
	store_close(s);
}

/* ---- transactions --------------------------------------------------- */

struct insert_then_fail {
	int calls;
	rc_t result;
};

static rc_t insert_then_fail_tx(struct store *s, void *ctx, struct error *e)
{
	struct insert_then_fail *c = ctx;
	c->calls++;
	struct store_param p[] = {SP_I(c->calls)};
	rc_t rc = store_query(s, "INSERT INTO t (id) VALUES (?)", p, 1, NULL, NULL, e);
	if (rc != RC_OK)
		return rc;
	return c->result == RC_OK ? RC_OK : error_set(e, c->result, "opzettelijk");
}

static rc_t insert_then_sql_error_tx(struct store *s, void *ctx, struct error *e)
{
	(void)ctx;
	struct store_param p[] = {SP_I(100)};
	rc_t rc = store_query(s, "INSERT INTO t (id) VALUES (?)", p, 1, NULL, NULL, e);
	if (rc != RC_OK)
		return rc;
	return store_query(s, "INSERT INTO no_such_table VALUES (1)", NULL, 0, NULL, NULL, e);
}

DBTEST(failing_fn_rolls_back)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	CHECK(sql_ok(s, "CREATE TABLE t (id INTEGER PRIMARY KEY)", NULL, 0));
	struct error e;
	error_clear(&e);
	struct insert_then_fail c = {0, RC_INVALID};
	CHECK(store_tx(s, STORE_WRITE, insert_then_fail_tx, &c, &e) == RC_INVALID);
	CHECK(c.calls == 1); /* not retried */
	CHECK(e.rc == RC_INVALID);
	CHECK(strcmp(e.message, "opzettelijk") == 0);
	CHECK(testdb_int(s, "SELECT count(*) FROM t") == 0);
	/* the connection is usable afterwards, and a good fn commits */
	c = (struct insert_then_fail){0, RC_OK};
	CHECK(store_tx(s, STORE_WRITE, insert_then_fail_tx, &c, &e) == RC_OK);
	CHECK(testdb_int(s, "SELECT count(*) FROM t") == 1);
	/* a SQL error inside fn also rolls back everything fn did before it */
	CHECK(store_tx(s, STORE_WRITE, insert_then_sql_error_tx, NULL, &e) == RC_STORE);
	CHECK(testdb_int(s, "SELECT count(*) FROM t") == 1);
	CHECK(testdb_int(s, "SELECT count(*) FROM t WHERE id = 100") == 0);
	store_close(s);
}

static rc_t nested_tx(struct store *s, void *ctx, struct error *e)
{
	rc_t *inner = ctx;
	struct testdb_sql_ctx c = {"SELECT 1", NULL, 0, NULL, NULL};
	*inner = store_tx(s, STORE_READ, testdb_sql_tx, &c, e);
	return RC_OK;
}

DBTEST(nested_tx_refused)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	struct error e;
	error_clear(&e);
	rc_t inner = RC_OK;
	CHECK(store_tx(s, STORE_WRITE, nested_tx, &inner, &e) == RC_OK);
	CHECK(inner == RC_INTERNAL);
	store_close(s);
}

DBTEST(unique_violation_is_conflict)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	CHECK(sql_ok(s, "CREATE TABLE t (id INTEGER PRIMARY KEY, naam TEXT NOT NULL UNIQUE)", NULL, 0));
	struct store_param p1[] = {SP_I(1), SP_T("a")};
	struct store_param p2[] = {SP_I(2), SP_T("a")};
	struct store_param p3[] = {SP_I(1), SP_T("b")};
	struct store_param p4[] = {SP_I(3), SP_N()};
	struct error e;
	CHECK(sql(s, STORE_WRITE, "INSERT INTO t (id, naam) VALUES (?, ?)", p1, 2, NULL, NULL, &e) == RC_OK);
	CHECK(sql(s, STORE_WRITE, "INSERT INTO t (id, naam) VALUES (?, ?)", p2, 2, NULL, NULL, &e) == RC_CONFLICT);
	CHECK(one_line(e.message));
	CHECK(sql(s, STORE_WRITE, "INSERT INTO t (id, naam) VALUES (?, ?)", p3, 2, NULL, NULL, &e) == RC_CONFLICT);
	CHECK(sql(s, STORE_WRITE, "INSERT INTO t (id, naam) VALUES (?, ?)", p4, 2, NULL, NULL, &e) == RC_CONFLICT);
	CHECK(testdb_int(s, "SELECT count(*) FROM t") == 1);
	store_close(s);
}

/* What a handler that wrongly writes in a read transaction gets must not
 * depend on the backend: PostgreSQL runs STORE_READ as READ ONLY. */
DBTEST(read_tx_refuses_writes)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	CHECK(sql_ok(s, "CREATE TABLE t (id INTEGER PRIMARY KEY)", NULL, 0));
	struct store_param p[] = {SP_I(1)};
	struct error e;
	rc_t rc = sql(s, STORE_READ, "INSERT INTO t (id) VALUES (?)", p, 1, NULL, NULL, &e);
	CHECK(rc != RC_OK);
	CHECK(testdb_int(s, "SELECT count(*) FROM t") == 0);
	/* a write transaction afterwards still writes */
	CHECK(sql_ok(s, "INSERT INTO t (id) VALUES (?)", p, 1));
	CHECK(testdb_int(s, "SELECT count(*) FROM t") == 1);
	store_close(s);
}

struct retry_ctx {
	int calls;
	int retries_before_ok; /* < 0: always RC_RETRY */
};

static rc_t retry_tx(struct store *s, void *ctx, struct error *e)
{
	struct retry_ctx *c = ctx;
	c->calls++;
	struct store_param p[] = {SP_I(c->calls)};
	rc_t rc = store_query(s, "INSERT INTO t (id) VALUES (?)", p, 1, NULL, NULL, e);
	if (rc != RC_OK)
		return rc;
	if (c->retries_before_ok < 0 || c->calls <= c->retries_before_ok)
		return error_set(e, RC_RETRY, "nog eens");
	return RC_OK;
}

DBTEST(retry_then_commit_once)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	CHECK(sql_ok(s, "CREATE TABLE t (id INTEGER PRIMARY KEY)", NULL, 0));
	struct error e;
	error_clear(&e);
	struct retry_ctx c = {0, 2};
	CHECK(store_tx(s, STORE_WRITE, retry_tx, &c, &e) == RC_OK);
	CHECK(c.calls == 3);
	/* only the third attempt's row is there */
	CHECK(testdb_int(s, "SELECT count(*) FROM t") == 1);
	CHECK(testdb_int(s, "SELECT count(*) FROM t WHERE id = 3") == 1);
	store_close(s);
}

DBTEST(retry_gives_up)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	CHECK(sql_ok(s, "CREATE TABLE t (id INTEGER PRIMARY KEY)", NULL, 0));
	struct error e;
	error_clear(&e);
	struct retry_ctx c = {0, -1};
	CHECK(store_tx(s, STORE_WRITE, retry_tx, &c, &e) == RC_RETRY);
	CHECK(c.calls == STORE_TX_ATTEMPTS);
	CHECK(e.rc == RC_RETRY);
	CHECK(one_line(e.message));
	CHECK(testdb_int(s, "SELECT count(*) FROM t") == 0);
	store_close(s);
}

/* ---- concurrency ---------------------------------------------------- */

enum { INCREMENTS = 200 };

struct counter_thread {
	const char *url;
	int committed;
	int attempts; /* fn calls: attempts - committed were retried */
	int failures;
	char message[ERROR_MESSAGE_MAX];
};

static rc_t increment_tx(struct store *s, void *ctx, struct error *e)
{
	struct counter_thread *t = ctx;
	t->attempts++;
	struct store_param p[] = {SP_I(1)};
	return store_query(s, "UPDATE counter SET v = v + 1 WHERE id = ?", p, 1, NULL, NULL, e);
}

static void *counter_thread_main(void *arg)
{
	struct counter_thread *t = arg;
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	if (store_open(t->url, &s, &e) != RC_OK) {
		t->failures = INCREMENTS;
		snprintf(t->message, sizeof t->message, "%s", e.message);
		return NULL;
	}
	for (int i = 0; i < INCREMENTS; i++) {
		if (store_tx(s, STORE_WRITE, increment_tx, t, &e) == RC_OK) {
			t->committed++;
		} else {
			t->failures++;
			snprintf(t->message, sizeof t->message, "%s", e.message);
		}
	}
	store_close(s);
	return NULL;
}

DBTEST(concurrent_increments)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	CHECK(sql_ok(s, "CREATE TABLE counter (id INTEGER PRIMARY KEY, v BIGINT NOT NULL)", NULL, 0));
	CHECK(sql_ok(s, "INSERT INTO counter (id, v) VALUES (1, 0)", NULL, 0));
	struct counter_thread t[2] = {{.url = url}, {.url = url}};
	pthread_t th[2];
	for (int i = 0; i < 2; i++)
		CHECK(pthread_create(&th[i], NULL, counter_thread_main, &t[i]) == 0);
	for (int i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	int retried = 0;
	for (int i = 0; i < 2; i++) {
		if (t[i].failures)
			printf("  (%s thread %d: %d increments failed, last: %s)\n",
			       testdb_backend_name(backend), i, t[i].failures, t[i].message);
		CHECK(t[i].failures == 0);
		CHECK(t[i].committed == INCREMENTS);
		retried += t[i].attempts - t[i].committed - t[i].failures;
	}
	printf("# %s: %d attempts retried\n", testdb_backend_name(backend), retried);
	CHECK(testdb_int(s, "SELECT v FROM counter WHERE id = 1") == 2 * INCREMENTS);
	store_close(s);
}

/* ---- group commit --------------------------------------------------- */

enum { GROEP_TAKEN = 8, GROEP_FOUT = 3 };

struct groep_werker {
	struct store_pool *pool;
	int n;
	rc_t rc;
};

static _Atomic int groep_leider_binnen;

/* Task n inserts n; the first waits inside its transaction until all the
 * others have queued behind it; task GROEP_FOUT fails after its insert. */
static rc_t groep_taak_tx(struct store *s, void *ctx, struct error *e)
{
	struct groep_werker *w = ctx;
	struct store_param p[] = {SP_I(w->n)};
	rc_t rc = store_query(s, "INSERT INTO groep (n) VALUES (?)", p, 1, NULL, NULL, e);
	if (rc == RC_OK && w->n == 0) {
		groep_leider_binnen = 1;
		for (int i = 0; i < 10000 && store_groep_wachtend() < GROEP_TAKEN - 1; i++) {
			struct timespec ts = {0, 1000000L};
			nanosleep(&ts, NULL);
		}
	}
	if (rc == RC_OK && w->n == GROEP_FOUT)
		return error_set(e, RC_CONFLICT, "Taak %d weigert.", w->n);
	return rc;
}

static void *groep_werker_main(void *arg)
{
	struct groep_werker *w = arg;
	struct arena a;
	arena_init(&a, 1u << 20);
	struct error e;
	error_clear(&e);
	struct store *lease = store_pool_lease(w->pool, &a);
	w->rc = lease ? store_groepscommit(lease, groep_taak_tx, w, &e) : RC_NOMEM;
	arena_release(&a);
	return NULL;
}

/* Eight writers at once: the first leads a batch of its own while the
 * seven others queue; they are then written together in one transaction
 * (two batches in all), the failing task is undone alone, every other
 * task's row is there when its call returns. */
DBTEST(group_commit_shares_one_transaction)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	CHECK(sql_ok(s, "CREATE TABLE groep (n BIGINT NOT NULL)", NULL, 0));
	struct error e;
	error_clear(&e);
	struct store_pool *p = NULL;
	CHECK(store_pool_open(url, GROEP_TAKEN, &p, &e) == RC_OK);
	if (!p) {
		store_close(s);
		return;
	}
	unsigned long long b0, t0, b1, t1;
	store_groep_teller(&b0, &t0);
	groep_leider_binnen = 0;
	struct groep_werker w[GROEP_TAKEN];
	pthread_t th[GROEP_TAKEN];
	for (int i = 0; i < GROEP_TAKEN; i++) {
		w[i] = (struct groep_werker){.pool = p, .n = i};
		CHECK(pthread_create(&th[i], NULL, groep_werker_main, &w[i]) == 0);
		while (i == 0 && !groep_leider_binnen) {
			struct timespec ts = {0, 1000000L};
			nanosleep(&ts, NULL);
		}
	}
	for (int i = 0; i < GROEP_TAKEN; i++)
		pthread_join(th[i], NULL);
	store_groep_teller(&b1, &t1);
	CHECK(t1 - t0 == GROEP_TAKEN);
	CHECK(b1 - b0 == 2);
	for (int i = 0; i < GROEP_TAKEN; i++)
		CHECK(w[i].rc == (i == GROEP_FOUT ? RC_CONFLICT : RC_OK));
	CHECK(testdb_int(s, "SELECT count(*) FROM groep") == GROEP_TAKEN - 1);
	CHECK(testdb_int(s, "SELECT count(*) FROM groep WHERE n = 3") == 0);
	CHECK(testdb_int(s, "SELECT sum(n) FROM groep") == 0 + 1 + 2 + 4 + 5 + 6 + 7);
	store_pool_close(p);
	store_close(s);
}

/* A savepoint belongs inside a transaction. */
DBTEST(savepoint_outside_a_transaction_refused)
{
	struct store *s = testdb_open(url);
	if (!s)
		return;
	struct error e;
	error_clear(&e);
	struct testdb_sql_ctx q = {"SELECT 1", NULL, 0, NULL, NULL};
	CHECK(store_savepoint(s, testdb_sql_tx, &q, &e) == RC_INTERNAL);
	store_close(s);
}

/* ---- failures to open ----------------------------------------------- */

/* A TCP port on 127.0.0.1 that nothing listens on (just released). */
static int closed_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return 1;
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof sa;
	int port = 1;
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
	    getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
		port = ntohs(sa.sin_port);
	close(fd);
	return port;
}

TEST(open_failures)
{
	static int marker;
	struct store *const sentinel = (struct store *)&marker;
	struct store *s = sentinel;
	struct error e;
	error_clear(&e);
	CHECK(store_open("/proc/nope/x.db", &s, &e) == RC_STORE);
	CHECK(s == sentinel); /* *out untouched */
	CHECK(e.rc == RC_STORE);
	CHECK(one_line(e.message));

	char pg[200];
	snprintf(pg, sizeof pg, "postgresql://doorbraak@127.0.0.1:%d/postgres?connect_timeout=5",
		 closed_port());
	error_clear(&e);
	CHECK(store_open(pg, &s, &e) == RC_STORE);
	CHECK(s == sentinel);
	CHECK(one_line(e.message));
	CHECK(strstr(e.message, "PostgreSQL") != NULL);

	error_clear(&e);
	CHECK(store_open("postgres://[nonsense", &s, &e) == RC_STORE);
	CHECK(s == sentinel);
	CHECK(one_line(e.message));

	error_clear(&e);
	CHECK(store_open("", &s, &e) == RC_INVALID);
	CHECK(store_open(NULL, &s, &e) == RC_INVALID);
	CHECK(s == sentinel);

	struct store_pool *p = NULL;
	error_clear(&e);
	CHECK(store_pool_open("/proc/nope/x.db", 2, &p, &e) == RC_STORE);
	CHECK(p == NULL);
}

/* ---- the pool ------------------------------------------------------- */

struct waiter {
	struct store_pool *pool;
	struct store *got;
	volatile int done;
};

static void *waiter_main(void *arg)
{
	struct waiter *w = arg;
	w->got = store_pool_acquire(w->pool);
	__atomic_store_n(&w->done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

DBTEST(pool_hands_distinct_connections)
{
	enum { SIZE = 3 };
	struct error e;
	error_clear(&e);
	struct store_pool *p = NULL;
	CHECK(store_pool_open(url, SIZE, &p, &e) == RC_OK);
	if (!p)
		return;
	struct store *got[SIZE];
	for (int i = 0; i < SIZE; i++) {
		got[i] = store_pool_acquire(p);
		CHECK(got[i] != NULL);
		CHECK(store_backend(got[i]) == backend);
		for (int j = 0; j < i; j++)
			CHECK(got[i] != got[j]);
	}
	/* they are really separate connections: a transaction on each at once */
	for (int i = 0; i < SIZE; i++) {
		struct testdb_sql_ctx c = {"SELECT 1", NULL, 0, NULL, NULL};
		CHECK(store_tx(got[i], STORE_READ, testdb_sql_tx, &c, &e) == RC_OK);
	}
	/* a fourth acquire waits until one is released */
	struct waiter w = {.pool = p};
	pthread_t th;
	CHECK(pthread_create(&th, NULL, waiter_main, &w) == 0);
	struct timespec ts = {0, 100 * 1000000L};
	nanosleep(&ts, NULL);
	CHECK(__atomic_load_n(&w.done, __ATOMIC_SEQ_CST) == 0);
	store_pool_release(p, got[1]);
	pthread_join(th, NULL);
	CHECK(w.got == got[1]);
	store_pool_release(p, w.got);
	store_pool_release(p, got[0]);
	store_pool_release(p, got[2]);
	/* all back: SIZE distinct again */
	for (int i = 0; i < SIZE; i++) {
		got[i] = store_pool_acquire(p);
		for (int j = 0; j < i; j++)
			CHECK(got[i] != got[j]);
	}
	for (int i = 0; i < SIZE; i++)
		store_pool_release(p, got[i]);
	store_pool_close(p);
	store_pool_close(NULL);
}

/* Inside a transaction on a lease: the borrowed connection is not the
 * lease, a nested store_tx on the lease is refused, and the pool's only
 * connection is taken. */
struct lease_ctx {
	struct store *lease;
	struct store *seen;
	rc_t nested;
};

static rc_t lease_tx(struct store *s, void *ctx, struct error *e)
{
	struct lease_ctx *c = ctx;
	c->seen = s;
	struct error inner;
	error_clear(&inner);
	struct testdb_sql_ctx q = {"SELECT 1", NULL, 0, NULL, NULL};
	c->nested = store_tx(c->lease, STORE_READ, testdb_sql_tx, &q, &inner);
	struct testdb_sql_ctx sel = {"SELECT 1", NULL, 0, NULL, NULL};
	return testdb_sql_tx(s, &sel, e);
}

/* A lease holds a connection only during a transaction: with a pool of
 * one, a plain acquire succeeds between the lease's transactions, and the
 * lease cannot be queried outside one. */
DBTEST(lease_holds_a_connection_only_in_a_transaction)
{
	struct error e;
	error_clear(&e);
	struct store_pool *p = NULL;
	CHECK(store_pool_open(url, 1, &p, &e) == RC_OK);
	if (!p)
		return;
	struct arena a;
	arena_init(&a, 1u << 20);
	struct store *lease = store_pool_lease(p, &a);
	CHECK(lease != NULL);
	if (!lease)
		return;
	CHECK(store_backend(lease) == backend);
	struct lease_ctx c = {.lease = lease};
	CHECK(store_tx(lease, STORE_READ, lease_tx, &c, &e) == RC_OK);
	CHECK(c.seen != NULL && c.seen != lease);
	CHECK(c.nested == RC_INTERNAL);
	struct store *direct = store_pool_acquire(p);   /* would wait for ever if still held */
	CHECK(direct == c.seen);
	store_pool_release(p, direct);
	CHECK(store_query(lease, "SELECT 1", NULL, 0, NULL, NULL, &e) == RC_INTERNAL);
	error_clear(&e);
	CHECK(store_tx(lease, STORE_READ, lease_tx, &c, &e) == RC_OK);   /* again after */
	store_close(lease);   /* a lease closes nothing */
	direct = store_pool_acquire(p);
	CHECK(direct == c.seen);
	store_pool_release(p, direct);
	arena_release(&a);
	store_pool_close(p);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN_DB(open_close);
	RUN_DB(migrate_fresh_and_twice);
	RUN_DB(migrate_concurrently);
	RUN_DB(query_params_and_cells);
	RUN_DB(query_int);
	RUN_DB(placeholders_in_quotes);
	RUN_DB(rows_max);
	RUN_DB(many_distinct_statements);
	RUN_DB(failing_fn_rolls_back);
	RUN_DB(nested_tx_refused);
	RUN_DB(unique_violation_is_conflict);
	RUN_DB(read_tx_refuses_writes);
	RUN_DB(retry_then_commit_once);
	RUN_DB(retry_gives_up);
	RUN_DB(concurrent_increments);
	RUN(open_failures);
	RUN_DB(pool_hands_distinct_connections);
	RUN_DB(lease_holds_a_connection_only_in_a_transaction);
	RUN_DB(group_commit_shares_one_transaction);
	RUN_DB(savepoint_outside_a_transaction_refused);
	return HARNESS_END();
}
