/*
 * backend.h -- what a storage backend provides to store.c (internal).
 *
 * sqlite.c and postgres.c each fill a `struct store_ops`; store.c holds
 * everything that is the same for both (transactions and their retry
 * rule, migrations, the pool).
 */
#ifndef DOORBRAAK_STORE_BACKEND_H
#define DOORBRAAK_STORE_BACKEND_H

#include "store/store.h"

struct store_ops {
	const char *name;
	/* Runs trusted SQL text that may hold several statements (BEGIN,
	 * COMMIT, migration scripts). Never user data. */
	rc_t (*exec_script)(struct store *s, const char *sql, struct error *e);
	/* Prepared statement with parameters; see store_query(). */
	rc_t (*query)(struct store *s, const char *sql,
		      const struct store_param *params, size_t n,
		      struct arena *arena, struct store_rows *out, struct error *e);
	void (*close)(struct store *s);
	/* Takes (neem) or gives back the start-up lock that serialises the
	 * start-up steps of several processes on one database: a session
	 * advisory lock on PostgreSQL, an flock(2) on the database file on
	 * SQLite (independent of SQLite's own fcntl locks). */
	rc_t (*opstart_slot)(struct store *s, bool neem, struct error *e);
	const char *begin_read;
	const char *begin_write;
	/* Dialect words substituted in migrations: @ID@, @BLOB@. */
	const char *id_column;
};

struct store {
	enum store_backend backend;
	const struct store_ops *ops;
	void *impl;
	bool in_tx;
	/* A lease (store_pool_lease): no connection of its own; each
	 * store_tx borrows one of this pool for the transaction only. */
	struct store_pool *pool;
};

rc_t store_sqlite_open(const char *path, struct store **out, struct error *e);
rc_t store_postgres_open(const char *url, struct store **out, struct error *e);

/* Copies a backend's rows into the arena; shared by both backends. */
rc_t store_rows_alloc(struct arena *arena, size_t nrows, size_t ncols,
		      struct store_rows *out, struct error *e);

/* The migrations compiled into the binary (generated from
 * src/store/migrations/NNN_name.sql by scripts/embed.py). */
struct store_migration {
	int version;
	const char *name;
	const char *sql;
};
extern const struct store_migration store_migrations[];
extern const size_t store_migration_count;

#endif
