/*
 * sqlite.c -- the embedded SQLite backend (the default store).
 *
 * One connection per struct store: WAL journal synced at every commit
 * (synchronous=FULL), foreign keys on, a busy timeout, and a small per-connection cache of prepared statements keyed
 * by their SQL text. SQLITE_BUSY past the timeout becomes RC_RETRY, so
 * store_tx() retries the whole transaction.
 */
#include "store/backend.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define SQLITE_BUSY_TIMEOUT_MS 5000
#define SQLITE_STMT_CACHE 128

struct sqlite_impl {
	sqlite3 *db;
	int opstart_fd;   /* the start-up lock's descriptor, -1 when not held */
	bool lezen;       /* in a read transaction: statements that write are refused */
	size_t cached;
	struct {
		char *sql; /* a copy of the statement's text */
		sqlite3_stmt *stmt;
	} cache[SQLITE_STMT_CACHE];
};

static rc_t sqlite_rc(sqlite3 *db, int code, struct error *e)
{
	int primary = code & 0xff;
	if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
		return error_set(e, RC_RETRY, "SQLite bezet: %s", sqlite3_errmsg(db));
	if (primary == SQLITE_CONSTRAINT)
		return error_set(e, RC_CONFLICT, "SQLite: %s", sqlite3_errmsg(db));
	if (primary == SQLITE_NOMEM)
		return error_set(e, RC_NOMEM, "SQLite: onvoldoende geheugen");
	return error_set(e, RC_STORE, "SQLite: %s", sqlite3_errmsg(db));
}

#define BEGIN_LEZEN "BEGIN DEFERRED"
#define BEGIN_SCHRIJVEN "BEGIN IMMEDIATE"

static rc_t sqlite_exec_script(struct store *s, const char *sql, struct error *e)
{
	struct sqlite_impl *im = s->impl;
	/* the kind of transaction store_tx begins (store.c: begin_read,
	 * begin_write); COMMIT and ROLLBACK end it */
	if (strcmp(sql, BEGIN_LEZEN) == 0)
		im->lezen = true;
	else if (strcmp(sql, BEGIN_SCHRIJVEN) == 0 || strcmp(sql, "COMMIT") == 0 ||
		 strcmp(sql, "ROLLBACK") == 0)
		im->lezen = false;
	char *msg = NULL;
	int code = sqlite3_exec(im->db, sql, NULL, NULL, &msg);
	sqlite3_free(msg);
	return code == SQLITE_OK ? RC_OK : sqlite_rc(im->db, code, e);
}

/* Finds or prepares the statement for `sql`, keyed by its text. */
static rc_t sqlite_prepare(struct sqlite_impl *im, const char *sql,
			   sqlite3_stmt **out, struct error *e)
{
	for (size_t i = 0; i < im->cached; i++)
		if (strcmp(im->cache[i].sql, sql) == 0) {
			*out = im->cache[i].stmt;
			return RC_OK;
		}
	sqlite3_stmt *st = NULL;
	unsigned flags = im->cached < SQLITE_STMT_CACHE ? SQLITE_PREPARE_PERSISTENT : 0;
	int code = sqlite3_prepare_v3(im->db, sql, -1, flags, &st, NULL);
	if (code != SQLITE_OK)
		return sqlite_rc(im->db, code, e);
	char *copy = im->cached < SQLITE_STMT_CACHE ? strdup(sql) : NULL;
	if (copy) {
		im->cache[im->cached].sql = copy;
		im->cache[im->cached].stmt = st;
		im->cached++;
	}
	*out = st;
	return RC_OK;
}

static bool sqlite_is_cached(struct sqlite_impl *im, sqlite3_stmt *st)
{
	for (size_t i = 0; i < im->cached; i++)
		if (im->cache[i].stmt == st)
			return true;
	return false;
}

static rc_t sqlite_bind(sqlite3_stmt *st, const struct store_param *params,
			size_t n, sqlite3 *db, struct error *e)
{
	for (size_t i = 0; i < n; i++) {
		int code;
		int idx = (int)i + 1;
		switch (params[i].type) {
		case SP_INT: code = sqlite3_bind_int64(st, idx, params[i].i); break;
		case SP_TEXT: code = sqlite3_bind_text(st, idx, params[i].t, -1, SQLITE_TRANSIENT); break;
		default: code = sqlite3_bind_null(st, idx); break;
		}
		if (code != SQLITE_OK)
			return sqlite_rc(db, code, e);
	}
	return RC_OK;
}

/* Steps through all rows, copying them into the arena when `out` is set.
 * Rows are gathered in a growing heap array first since SQLite does not
 * tell the row count up front. */
static rc_t sqlite_collect(sqlite3_stmt *st, sqlite3 *db, struct arena *arena,
			   struct store_rows *out, struct error *e)
{
	size_t ncols = (size_t)sqlite3_column_count(st);
	size_t nrows = 0, cap = 0;
	const char **cells = NULL;
	rc_t rc = RC_OK;
	for (;;) {
		int code = sqlite3_step(st);
		if (code == SQLITE_DONE)
			break;
		if (code != SQLITE_ROW) {
			rc = sqlite_rc(db, code, e);
			break;
		}
		if (!out)
			continue;
		if (nrows >= STORE_ROWS_MAX) {
			rc = error_set(e, RC_TOO_LARGE, "Meer dan %d rijen.", STORE_ROWS_MAX);
			break;
		}
		if ((nrows + 1) * ncols > cap) {
			size_t ncap = cap ? cap * 2 : 16 * (ncols ? ncols : 1);
			const char **n = realloc(cells, ncap * sizeof *cells);
			if (!n) {
				rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
				break;
			}
			cells = n;
			cap = ncap;
		}
		for (size_t c = 0; c < ncols; c++) {
			const unsigned char *t = sqlite3_column_text(st, (int)c);
			const char *copy = NULL;
			if (t) {
				copy = arena_strndup(arena, (const char *)t,
						     (size_t)sqlite3_column_bytes(st, (int)c));
				if (!copy) {
					rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
					break;
				}
			}
			cells[nrows * ncols + c] = copy;
		}
		if (rc != RC_OK)
			break;
		nrows++;
	}
	if (rc == RC_OK && out) {
		rc = store_rows_alloc(arena, nrows, ncols, out, e);
		if (rc == RC_OK && nrows > 0 && ncols > 0)
			memcpy(out->cells, cells, nrows * ncols * sizeof *cells);
	}
	free(cells);
	return rc;
}

static rc_t sqlite_query(struct store *s, const char *sql,
			 const struct store_param *params, size_t n,
			 struct arena *arena, struct store_rows *out, struct error *e)
{
	struct sqlite_impl *im = s->impl;
	sqlite3_stmt *st = NULL;
	rc_t rc = sqlite_prepare(im, sql, &st, e);
	if (rc != RC_OK)
		return rc;
	if (im->lezen && !sqlite3_stmt_readonly(st)) {
		if (!sqlite_is_cached(im, st))
			sqlite3_finalize(st);
		return error_set(e, RC_INTERNAL, "Een schrijfopdracht in een leestransactie: %.80s", sql);
	}
	rc = sqlite_bind(st, params, n, im->db, e);
	if (rc == RC_OK)
		rc = sqlite_collect(st, im->db, arena, out, e);
	if (sqlite_is_cached(im, st)) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	} else {
		sqlite3_finalize(st);
	}
	return rc;
}

static void sqlite_close(struct store *s)
{
	struct sqlite_impl *im = s->impl;
	for (size_t i = 0; i < im->cached; i++) {
		sqlite3_finalize(im->cache[i].stmt);
		free(im->cache[i].sql);
	}
	if (im->opstart_fd >= 0)
		close(im->opstart_fd);
	sqlite3_close(im->db);
	free(im);
	free(s);
}

/* The start-up lock (backend.h): an flock on the database file, held by
 * a descriptor of its own (so SQLite's fcntl locks are untouched). */
static rc_t sqlite_opstart_slot(struct store *s, bool neem, struct error *e)
{
	struct sqlite_impl *im = s->impl;
	if (!neem) {
		if (im->opstart_fd >= 0)
			close(im->opstart_fd);
		im->opstart_fd = -1;
		return RC_OK;
	}
	const char *pad = sqlite3_db_filename(im->db, "main");
	if (!pad || !*pad)
		return RC_OK;   /* an in-memory database has one process */
	int fd = open(pad, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(e, RC_IO, "Kan %s niet openen om de opstart te vergrendelen.", pad);
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			close(fd);
			return error_set(e, RC_IO, "Kan de opstart van %s niet vergrendelen.", pad);
		}
	}
	im->opstart_fd = fd;
	return RC_OK;
}

static const struct store_ops sqlite_ops = {
	.name = "sqlite",
	.exec_script = sqlite_exec_script,
	.query = sqlite_query,
	.close = sqlite_close,
	.opstart_slot = sqlite_opstart_slot,
	/* A read transaction refuses statements that write
	 * (sqlite3_stmt_readonly in sqlite_query), as PostgreSQL's READ ONLY
	 * does, so a wrongly writing handler fails on both. Not PRAGMA
	 * query_only: toggling it expires every prepared statement, so each
	 * transaction re-prepared its statements (17 % of the server's time
	 * in the deadline benchmark). */
	.begin_read = BEGIN_LEZEN,
	.begin_write = BEGIN_SCHRIJVEN,
	.id_column = "INTEGER PRIMARY KEY AUTOINCREMENT",
};

/* Creates the parent directory of `path` when it is missing (one level,
 * as for the default var/doorbraak.db). */
static void ensure_parent_dir(const char *path)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return;
	*slash = '\0';
	mkdir(dir, 0750);
}

/* Process-wide settings, before SQLite is first used: no memory
 * statistics (they take one global mutex on every allocation, which the
 * deadline benchmark showed as contention between connections; nothing
 * here reads them). */
static void sqlite_instellen(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_initialize();
}

rc_t store_sqlite_open(const char *path, struct store **out, struct error *e)
{
	static pthread_once_t eenmaal = PTHREAD_ONCE_INIT;
	pthread_once(&eenmaal, sqlite_instellen);
	if (strncmp(path, "file:", 5) != 0 && strlen(path) >= 1024)
		return error_set(e, RC_INVALID, "Databasepad te lang.");
	ensure_parent_dir(path);
	sqlite3 *db = NULL;
	int code = sqlite3_open_v2(path, &db,
				   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				   SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
	if (code != SQLITE_OK) {
		error_set(e, RC_STORE, "Kan SQLite-database %s niet openen: %s", path,
			  db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
		sqlite3_close(db);
		return RC_STORE;
	}
	sqlite3_busy_timeout(db, SQLITE_BUSY_TIMEOUT_MS);
	char *msg = NULL;
	/* synchronous=FULL: every commit syncs the WAL before it returns, so
	 * a committed write -- a submission with its receipt, a posting --
	 * survives a power loss too. NORMAL would sync only at checkpoints
	 * and could lose the last commits (docs/indiening.md §8, measured in
	 * bench/indiening.md). */
	/* Switching a fresh file to WAL while other connections open it at
	 * the same moment can answer SQLITE_BUSY without calling the busy
	 * handler (SQLite avoids a lock upgrade deadlock): retried here, within
	 * the same bound as the busy timeout. */
	for (int poging = 0;; poging++) {
		code = sqlite3_exec(db,
				    "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
				    " PRAGMA synchronous=FULL; SELECT count(*) FROM sqlite_master;",
				    NULL, NULL, &msg);
		if ((code & 0xff) != SQLITE_BUSY || poging >= SQLITE_BUSY_TIMEOUT_MS / 10)
			break;
		sqlite3_free(msg);
		msg = NULL;
		usleep(10 * 1000);
	}
	if (code != SQLITE_OK) {
		error_set(e, RC_STORE, "Kan SQLite-database %s niet gebruiken: %s", path,
			  msg ? msg : sqlite3_errstr(code));
		sqlite3_free(msg);
		sqlite3_close(db);
		return RC_STORE;
	}
	struct store *s = calloc(1, sizeof *s);
	struct sqlite_impl *im = calloc(1, sizeof *im);
	if (!s || !im) {
		free(s), free(im);
		sqlite3_close(db);
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	im->db = db;
	im->opstart_fd = -1;
	s->backend = STORE_SQLITE;
	s->ops = &sqlite_ops;
	s->impl = im;
	*out = s;
	return RC_OK;
}
