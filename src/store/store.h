/*
 * store.h -- the one storage interface, with two backends.
 *
 * A `struct store` is one connection to either SQLite (a file path, the
 * embedded default) or PostgreSQL (a postgresql:// URL). Domain code
 * talks to it through store_<concept>.c files, which hold all SQL; the
 * SQL is written once in a common dialect with `?` placeholders (the
 * PostgreSQL backend numbers them) and always runs as a prepared
 * statement, cached per connection.
 *
 * Transactions: store_tx() runs a function inside one transaction and
 * commits when it returns RC_OK, rolls back otherwise. The retry rule:
 * when the backend reports a serialization failure or deadlock
 * (PostgreSQL SQLSTATE 40001/40P01) or stays busy past its timeout
 * (SQLite SQLITE_BUSY), the whole function is run again, at most
 * STORE_TX_ATTEMPTS times with a growing random pause; the function must
 * therefore have no effects outside the transaction. PostgreSQL runs
 * every transaction SERIALIZABLE; SQLite takes the write lock up front
 * (BEGIN IMMEDIATE) for write transactions.
 *
 * A pool hands out connections (see store_pool_*); a request holds a
 * lease on the pool and has a connection only during each transaction.
 */
#ifndef DOORBRAAK_STORE_H
#define DOORBRAAK_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"

#define STORE_TX_ATTEMPTS 8
#define STORE_PARAMS_MAX 32
#define STORE_ROWS_MAX 100000

enum store_backend { STORE_SQLITE, STORE_POSTGRES };
enum store_tx_mode { STORE_READ, STORE_WRITE };

struct store;

enum store_param_type { SP_NULL, SP_INT, SP_TEXT };

/* One bound parameter. Build them with SP_I(), SP_T(), SP_N(). */
struct store_param {
	enum store_param_type type;
	int64_t i;
	const char *t;
};

static inline struct store_param store_param_text(const char *v)
{
	return (struct store_param){.type = v ? SP_TEXT : SP_NULL, .t = v};
}

#define SP_I(v) ((struct store_param){.type = SP_INT, .i = (int64_t)(v)})
#define SP_T(v) store_param_text(v)
#define SP_N() ((struct store_param){.type = SP_NULL})

/* A result set copied into an arena: cells[row * ncols + col] is the
 * value as text, or NULL for SQL NULL. Integers come back as decimal
 * text; read them with store_int(). */
struct store_rows {
	size_t nrows;
	size_t ncols;
	const char **cells;
};

/* Opens a connection. `url` starting with postgresql:// or postgres://
 * selects PostgreSQL, anything else is a SQLite file path (the parent
 * directory is created when missing). On failure *out is untouched and
 * e says why in one line. */
rc_t store_open(const char *url, struct store **out, struct error *e);

/* Closes the connection and frees it; NULL is a no-op. */
void store_close(struct store *s);

enum store_backend store_backend(const struct store *s);
const char *store_backend_name(const struct store *s); /* "sqlite" / "postgresql" */

/* Runs fn(s, ctx, e) in one transaction, with the retry rule above.
 * Returns fn's rc, or the store's when begin/commit fails. */
typedef rc_t (*store_tx_fn)(struct store *s, void *ctx, struct error *e);
rc_t store_tx(struct store *s, enum store_tx_mode mode, store_tx_fn fn,
	      void *ctx, struct error *e);

/* Runs fn(s, ctx, e) inside the running transaction of s in a savepoint:
 * when fn fails, what it wrote is undone and the transaction goes on.
 * Returns fn's rc; RC_RETRY when the savepoint could not be undone (then
 * the whole transaction must be retried). RC_INTERNAL outside store_tx. */
rc_t store_savepoint(struct store *s, store_tx_fn fn, void *ctx, struct error *e);

/* Group commit. Runs fn(conn, ctx, e) as one task of a write transaction
 * that concurrent callers share (at most STORE_GROEP_MAX tasks), each task
 * in a savepoint of its own (store_savepoint), and returns fn's rc only
 * after that transaction committed: on RC_OK the task's writes are
 * durable. One caller leads a batch on its own connection (s may be a
 * lease), the others wait; a task that fails is undone alone. fn must
 * have no effects outside the transaction and may run more than once (the
 * batch is retried as a whole, store_tx's rule). The transaction is taken
 * as store_aanvragen_tx takes it (the writers' turn on SQLite). For writes
 * that chain to the audit log one after another anyway: many submissions
 * at a deadline pay one commit between them instead of one each. */
#define STORE_GROEP_MAX 64
rc_t store_groepscommit(struct store *s, store_tx_fn fn, void *ctx, struct error *e);

/* Batches and tasks written by store_groepscommit since the start (bench,
 * tests). */
void store_groep_teller(unsigned long long *batch_aantal, unsigned long long *taak_aantal);

/* Tasks queued for the next batch now (tests). */
size_t store_groep_wachtend(void);

/* Runs one prepared statement with `n` parameters. When `out` is not NULL
 * the rows are copied into `arena` (at most STORE_ROWS_MAX, else
 * RC_TOO_LARGE). Must be called inside store_tx(). */
rc_t store_query(struct store *s, const char *sql,
		 const struct store_param *params, size_t n,
		 struct arena *arena, struct store_rows *out, struct error *e);

/* Runs a statement and returns the single integer of its first row
 * (e.g. INSERT ... RETURNING id, SELECT count(*)). RC_NOT_FOUND when
 * there is no row. */
rc_t store_query_int(struct store *s, const char *sql,
		     const struct store_param *params, size_t n,
		     int64_t *out, struct error *e);

/* Cell accessors; the int one returns `fallback` for NULL or non-numbers. */
const char *store_text(const struct store_rows *r, size_t row, size_t col);
int64_t store_int(const struct store_rows *r, size_t row, size_t col, int64_t fallback);

/* Applies every migration newer than the database's schema version, each
 * in its own transaction with its schema_versie row; safe to run
 * concurrently and repeatedly. Writes the resulting version. */
rc_t store_migrate(struct store *s, int *version_out, struct error *e);

/* Runs fn(s, ctx, e) holding the start-up lock of the database, so that
 * the start-up steps (migrations, the built-in catalogue, demo data) of
 * several processes starting at once on one database run one after the
 * other, each seeing what the one before wrote. fn runs its own
 * transactions on `s`. Returns fn's rc, or the lock's error. */
rc_t store_opstart(struct store *s, rc_t (*fn)(struct store *s, void *ctx, struct error *e),
		   void *ctx, struct error *e);

/* Reads the current schema version (0 for an empty database). */
rc_t store_schema_version(struct store *s, int *version_out, struct error *e);

/* The newest migration this binary knows. */
int store_latest_schema_version(void);

/* ---- connection pool ---------------------------------------------- */

struct store_pool;

/* Opens `size` connections to `url`. */
rc_t store_pool_open(const char *url, size_t size, struct store_pool **out,
		     struct error *e);
void store_pool_close(struct store_pool *p);

/* Takes a free connection, waiting when all are in use. Never NULL. */
struct store *store_pool_acquire(struct store_pool *p);
void store_pool_release(struct store_pool *p, struct store *s);

/* A store for one request (or thread) in `arena` that holds no
 * connection: every store_tx on it takes a free connection of `p` for
 * that transaction alone (waiting when all are in use) and gives it back
 * at commit or rollback, so a request that works outside a transaction
 * (a login's password hash, encoding a large answer) keeps no connection
 * from others. fn receives the borrowed connection. store_query on the
 * lease itself (outside store_tx) is RC_INTERNAL. NULL when the arena is
 * full. */
struct store *store_pool_lease(struct store_pool *p, struct arena *arena);

#endif
