/*
 * store.c -- what both backends share: opening by URL, transactions with
 * the retry rule, typed helpers, migrations and the connection pool.
 * See store.h for the contracts.
 */
#include "store/backend.h"
#include "core/basis/klok.h"
#include "core/basis/storing.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

rc_t store_open(const char *url, struct store **out, struct error *e)
{
	if (!url || !*url)
		return error_set(e, RC_INVALID, "Geen database opgegeven.");
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
		return store_postgres_open(url, out, e);
	return store_sqlite_open(url, out, e);
}

void store_close(struct store *s)
{
	if (s && !s->pool)
		s->ops->close(s);
}

enum store_backend store_backend(const struct store *s) { return s->backend; }
const char *store_backend_name(const struct store *s) { return s->ops->name; }

/* Sleeps a random 1..(2^attempt) milliseconds so that retried
 * transactions of competing processes spread out. */
static void store_backoff(int attempt)
{
	uint32_t max_ms = 1u << (attempt < 8 ? attempt : 8);
	uint32_t ms = 1 + randombytes_uniform(max_ms);
	struct timespec ts = {.tv_sec = 0, .tv_nsec = (long)ms * 1000000L};
	nanosleep(&ts, NULL);
}

/* store_tx on a lease: one connection of the pool for this transaction. */
static rc_t store_tx_geleend(struct store *lease, enum store_tx_mode mode, store_tx_fn fn,
			     void *ctx, struct error *e)
{
	struct store *conn = store_pool_acquire(lease->pool);
	lease->in_tx = true;
	rc_t rc = store_tx(conn, mode, fn, ctx, e);
	lease->in_tx = false;
	store_pool_release(lease->pool, conn);
	return rc;
}

rc_t store_tx(struct store *s, enum store_tx_mode mode, store_tx_fn fn,
	      void *ctx, struct error *e)
{
	if (s->in_tx)
		return error_set(e, RC_INTERNAL, "Geneste transactie.");
	if (s->pool)
		return store_tx_geleend(s, mode, fn, ctx, e);
	rc_t rc = RC_RETRY;
	for (int attempt = 1; attempt <= STORE_TX_ATTEMPTS; attempt++) {
		error_clear(e);
		const char *begin = mode == STORE_WRITE ? s->ops->begin_write : s->ops->begin_read;
		rc = s->ops->exec_script(s, begin, e);
		if (rc == RC_OK) {
			s->in_tx = true;
			rc = fn(s, ctx, e);
			s->in_tx = false;
			if (rc == RC_OK)
				rc = s->ops->exec_script(s, "COMMIT", e);
			if (rc == RC_OK && mode == STORE_WRITE)
				storing_gecommit();
			if (rc != RC_OK) {
				struct error ignored;
				error_clear(&ignored);
				s->ops->exec_script(s, "ROLLBACK", &ignored);
			}
		}
		if (rc != RC_RETRY)
			return rc;
		if (attempt < STORE_TX_ATTEMPTS)
			store_backoff(attempt);
	}
	return error_set(e, RC_RETRY,
			 "De database bleef bezet na %d pogingen; probeer het opnieuw.",
			 STORE_TX_ATTEMPTS);
}

rc_t store_query(struct store *s, const char *sql,
		 const struct store_param *params, size_t n,
		 struct arena *arena, struct store_rows *out, struct error *e)
{
	if (n > STORE_PARAMS_MAX)
		return error_set(e, RC_INTERNAL, "Te veel parameters (%zu).", n);
	if (out && !arena)
		return error_set(e, RC_INTERNAL, "store_query zonder arena.");
	if (s->pool)
		return error_set(e, RC_INTERNAL, "store_query buiten een transactie.");
	if (storing_nu(STORING_STORE))
		return error_set(e, RC_STORE, "De database gaf een fout (storing voor een test).");
	return s->ops->query(s, sql, params, n, arena, out, e);
}

rc_t store_query_int(struct store *s, const char *sql,
		     const struct store_param *params, size_t n,
		     int64_t *out, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	struct store_rows rows;
	rc_t rc = store_query(s, sql, params, n, &a, &rows, e);
	if (rc == RC_OK) {
		if (rows.nrows == 0 || rows.ncols == 0)
			rc = error_set(e, RC_NOT_FOUND, "Geen resultaat.");
		else
			*out = store_int(&rows, 0, 0, 0);
	}
	arena_release(&a);
	return rc;
}

const char *store_text(const struct store_rows *r, size_t row, size_t col)
{
	if (row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->cells[row * r->ncols + col];
}

int64_t store_int(const struct store_rows *r, size_t row, size_t col, int64_t fallback)
{
	const char *t = store_text(r, row, col);
	if (!t || !*t)
		return fallback;
	char *end;
	long long v = strtoll(t, &end, 10);
	return *end ? fallback : (int64_t)v;
}

rc_t store_rows_alloc(struct arena *arena, size_t nrows, size_t ncols,
		      struct store_rows *out, struct error *e)
{
	if (nrows > STORE_ROWS_MAX)
		return error_set(e, RC_TOO_LARGE, "Meer dan %d rijen in het resultaat.", STORE_ROWS_MAX);
	out->nrows = nrows;
	out->ncols = ncols;
	out->cells = NULL;
	if (nrows == 0 || ncols == 0)
		return RC_OK;
	out->cells = arena_alloc(arena, nrows * ncols * sizeof *out->cells);
	if (!out->cells)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het resultaat.");
	return RC_OK;
}

/* ---- migrations ---------------------------------------------------- */

int store_latest_schema_version(void)
{
	return store_migration_count ? store_migrations[store_migration_count - 1].version : 0;
}

/* Returns the part of a migration meant for this backend, with the
 * dialect words substituted, as a malloc'ed string (NULL on OOM).
 * Lines "-- @sqlite", "-- @postgres" and "-- @common" switch sections. */
static char *migration_text(const struct store *s, const char *sql)
{
	size_t cap = strlen(sql) * 2 + 64;
	char *outbuf = malloc(cap);
	if (!outbuf)
		return NULL;
	size_t len = 0;
	const char *want = s->backend == STORE_SQLITE ? "-- @sqlite" : "-- @postgres";
	bool keep = true;
	for (const char *p = sql; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
		if (strncmp(p, "-- @", 4) == 0) {
			keep = strncmp(p, want, strlen(want)) == 0 || strncmp(p, "-- @common", 10) == 0;
		} else if (keep) {
			for (size_t i = 0; i < n && len + 64 < cap; i++) {
				if (strncmp(p + i, "@ID@", 4) == 0) {
					len += (size_t)snprintf(outbuf + len, cap - len, "%s", s->ops->id_column);
					i += 3;
				} else {
					outbuf[len++] = p[i];
				}
			}
		}
		p += n;
	}
	outbuf[len] = '\0';
	return outbuf;
}

struct migrate_step {
	int applied; /* version applied by this step, 0 when none left */
};

static rc_t migrate_one(struct store *s, void *ctx, struct error *e)
{
	struct migrate_step *step = ctx;
	step->applied = 0;
	rc_t rc = s->ops->exec_script(s,
		"CREATE TABLE IF NOT EXISTS schema_versie ("
		" versie INTEGER PRIMARY KEY, naam TEXT NOT NULL, toegepast_op TEXT NOT NULL)", e);
	if (rc != RC_OK)
		return rc;
	int64_t current = 0;
	rc = store_query_int(s, "SELECT COALESCE(MAX(versie), 0) FROM schema_versie", NULL, 0, &current, e);
	if (rc != RC_OK)
		return rc;
	for (size_t i = 0; i < store_migration_count; i++) {
		const struct store_migration *m = &store_migrations[i];
		if (m->version <= current)
			continue;
		char *text = migration_text(s, m->sql);
		if (!text)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor migratie %d.", m->version);
		rc = s->ops->exec_script(s, text, e);
		free(text);
		if (rc != RC_OK) {
			char why[ERROR_MESSAGE_MAX];
			snprintf(why, sizeof why, "%s", e->message);
			return error_set(e, rc, "Migratie %03d (%s) mislukt: %s", m->version, m->name, why);
		}
		char now[KLOK_TEKST_BYTES];
		klok_nu_tekst(NULL, now, sizeof now);
		struct store_param p[] = {SP_I(m->version), SP_T(m->name), SP_T(now)};
		rc = store_query(s, "INSERT INTO schema_versie (versie, naam, toegepast_op) VALUES (?, ?, ?)",
				 p, 3, NULL, NULL, e);
		if (rc == RC_OK)
			step->applied = m->version;
		return rc;
	}
	return RC_OK;
}

static rc_t migrate_all(struct store *s, int *version_out, struct error *e)
{
	for (size_t guard = 0; guard <= store_migration_count; guard++) {
		struct migrate_step step;
		rc_t rc = store_tx(s, STORE_WRITE, migrate_one, &step, e);
		if (rc != RC_OK)
			return rc;
		if (step.applied == 0)
			return store_schema_version(s, version_out, e);
	}
	return error_set(e, RC_INTERNAL, "Migraties kwamen niet tot rust.");
}

/* PostgreSQL: a session-level advisory lock, taken before any migration
 * transaction begins (a SERIALIZABLE snapshot taken before a transaction
 * lock is granted would not see the other migrator's work), serialises
 * the migrators of several server processes starting at once. */
#define MIGRATE_LOCK "1685024626"

rc_t store_migrate(struct store *s, int *version_out, struct error *e)
{
	if (s->backend != STORE_POSTGRES)
		return migrate_all(s, version_out, e);
	rc_t rc = s->ops->exec_script(s, "SELECT pg_advisory_lock(" MIGRATE_LOCK ")", e);
	if (rc != RC_OK)
		return rc;
	rc = migrate_all(s, version_out, e);
	struct error ignored;
	error_clear(&ignored);
	s->ops->exec_script(s, "SELECT pg_advisory_unlock(" MIGRATE_LOCK ")", &ignored);
	return rc;
}

rc_t store_opstart(struct store *s, rc_t (*fn)(struct store *s, void *ctx, struct error *e),
		   void *ctx, struct error *e)
{
	rc_t rc = s->ops->opstart_slot(s, true, e);
	if (rc != RC_OK)
		return rc;
	rc = fn(s, ctx, e);
	struct error ignored;
	error_clear(&ignored);
	s->ops->opstart_slot(s, false, &ignored);
	return rc;
}

static rc_t read_version(struct store *s, void *ctx, struct error *e)
{
	int64_t v = 0;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	const char *sql = s->backend == STORE_SQLITE
		? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_versie'"
		: "SELECT CASE WHEN to_regclass('schema_versie') IS NULL THEN 0 ELSE 1 END";
	rc_t rc = store_query(s, sql, NULL, 0, &a, &rows, e);
	if (rc == RC_OK && store_int(&rows, 0, 0, 0) > 0)
		rc = store_query_int(s, "SELECT COALESCE(MAX(versie), 0) FROM schema_versie", NULL, 0, &v, e);
	arena_release(&a);
	if (rc == RC_OK)
		*(int *)ctx = (int)v;
	return rc;
}

rc_t store_schema_version(struct store *s, int *version_out, struct error *e)
{
	int v = 0;
	rc_t rc = store_tx(s, STORE_READ, read_version, &v, e);
	if (rc == RC_OK)
		*version_out = v;
	return rc;
}

/* ---- pool ---------------------------------------------------------- */

struct store_pool {
	pthread_mutex_t lock;
	pthread_cond_t available;
	size_t size;
	size_t free_count;
	struct store **free_list;
	struct store **all;
};

rc_t store_pool_open(const char *url, size_t size, struct store_pool **out,
		     struct error *e)
{
	struct store_pool *p = calloc(1, sizeof *p);
	if (!p || size == 0)
		return free(p), error_set(e, RC_NOMEM, "Geen pool.");
	p->all = calloc(size, sizeof *p->all);
	p->free_list = calloc(size, sizeof *p->free_list);
	if (!p->all || !p->free_list) {
		free(p->all), free(p->free_list), free(p);
		return error_set(e, RC_NOMEM, "Geen pool.");
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->available, NULL);
	for (size_t i = 0; i < size; i++) {
		rc_t rc = store_open(url, &p->all[i], e);
		if (rc != RC_OK) {
			p->size = i;
			store_pool_close(p);
			return rc;
		}
		p->free_list[i] = p->all[i];
	}
	p->size = size;
	p->free_count = size;
	*out = p;
	return RC_OK;
}

void store_pool_close(struct store_pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->size; i++)
		store_close(p->all[i]);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->available);
	free(p->all);
	free(p->free_list);
	free(p);
}

struct store *store_pool_acquire(struct store_pool *p)
{
	pthread_mutex_lock(&p->lock);
	while (p->free_count == 0)
		pthread_cond_wait(&p->available, &p->lock);
	struct store *s = p->free_list[--p->free_count];
	pthread_mutex_unlock(&p->lock);
	return s;
}

void store_pool_release(struct store_pool *p, struct store *s)
{
	pthread_mutex_lock(&p->lock);
	p->free_list[p->free_count++] = s;
	pthread_cond_signal(&p->available);
	pthread_mutex_unlock(&p->lock);
}

struct store *store_pool_lease(struct store_pool *p, struct arena *arena)
{
	struct store *lease = arena_alloc(arena, sizeof *lease);
	if (!lease)
		return NULL;
	*lease = (struct store){.backend = p->all[0]->backend, .ops = p->all[0]->ops, .pool = p};
	return lease;
}
