/*
 * postgres.c -- the PostgreSQL backend (libpq), for when several
 * stateless server processes share one database.
 *
 * The common SQL dialect's `?` placeholders are numbered $1..$n here;
 * each distinct statement is prepared once per connection (PQprepare)
 * and run with PQexecPrepared, parameters always sent separately from the
 * SQL. Every transaction is SERIALIZABLE; SQLSTATE 40001 and 40P01
 * become RC_RETRY so that store_tx() re-runs the transaction.
 */
#include "store/backend.h"

#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PG_STMT_CACHE 256

struct pg_impl {
	PGconn *conn;
	size_t cached;
	struct {
		char *sql;
		char name[16];
	} cache[PG_STMT_CACHE];
};

/* Maps a failed result to an rc, with the server's message. */
static rc_t pg_result_rc(PGconn *conn, PGresult *res, struct error *e)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
	char line[ERROR_MESSAGE_MAX];
	snprintf(line, sizeof line, "%s", msg ? msg : "onbekende fout");
	line[strcspn(line, "\n")] = '\0';
	if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0))
		return error_set(e, RC_RETRY, "PostgreSQL: %s", line);
	if (state && strncmp(state, "23", 2) == 0)
		return error_set(e, RC_CONFLICT, "PostgreSQL: %s", line);
	return error_set(e, RC_STORE, "PostgreSQL: %s", line);
}

static rc_t pg_exec_script(struct store *s, const char *sql, struct error *e)
{
	struct pg_impl *im = s->impl;
	PGresult *res = PQexec(im->conn, sql);
	ExecStatusType st = PQresultStatus(res);
	rc_t rc = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? RC_OK
		  : pg_result_rc(im->conn, res, e);
	PQclear(res);
	return rc;
}

/* Rewrites `?` outside quotes into $1, $2, ...; malloc'ed, NULL on OOM. */
static char *pg_number_placeholders(const char *sql)
{
	size_t len = strlen(sql);
	char *out = malloc(len * 4 + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	int n = 0;
	char quote = 0;
	for (size_t i = 0; i < len; i++) {
		char c = sql[i];
		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '\'' || c == '"') {
			quote = c;
		} else if (c == '?') {
			o += (size_t)sprintf(out + o, "$%d", ++n);
			continue;
		}
		out[o++] = c;
	}
	out[o] = '\0';
	return out;
}

/* Returns the name of the prepared statement for `sql`, preparing it on
 * first use. */
static rc_t pg_prepare(struct pg_impl *im, const char *sql, const char **name,
		       struct error *e)
{
	for (size_t i = 0; i < im->cached; i++)
		if (strcmp(im->cache[i].sql, sql) == 0) {
			*name = im->cache[i].name;
			return RC_OK;
		}
	if (im->cached >= PG_STMT_CACHE) {
		*name = NULL; /* cache full: run unnamed, see pg_query */
		return RC_OK;
	}
	char *numbered = pg_number_placeholders(sql);
	char *copy = strdup(sql);
	if (!numbered || !copy) {
		free(numbered), free(copy);
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	size_t slot = im->cached;
	snprintf(im->cache[slot].name, sizeof im->cache[slot].name, "dbk%zu", slot);
	PGresult *res = PQprepare(im->conn, im->cache[slot].name, numbered, 0, NULL);
	free(numbered);
	rc_t rc = PQresultStatus(res) == PGRES_COMMAND_OK ? RC_OK : pg_result_rc(im->conn, res, e);
	PQclear(res);
	if (rc != RC_OK) {
		free(copy);
		return rc;
	}
	im->cache[slot].sql = copy;
	im->cached++;
	*name = im->cache[slot].name;
	return RC_OK;
}

static rc_t pg_copy_rows(PGresult *res, struct arena *arena,
			 struct store_rows *out, struct error *e)
{
	size_t nrows = (size_t)PQntuples(res), ncols = (size_t)PQnfields(res);
	rc_t rc = store_rows_alloc(arena, nrows, ncols, out, e);
	for (size_t r = 0; rc == RC_OK && r < nrows; r++)
		for (size_t c = 0; c < ncols; c++) {
			const char *v = NULL;
			if (!PQgetisnull(res, (int)r, (int)c)) {
				v = arena_strndup(arena, PQgetvalue(res, (int)r, (int)c),
						  (size_t)PQgetlength(res, (int)r, (int)c));
				if (!v) {
					rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
					break;
				}
			}
			out->cells[r * ncols + c] = v;
		}
	return rc;
}

static rc_t pg_query(struct store *s, const char *sql,
		     const struct store_param *params, size_t n,
		     struct arena *arena, struct store_rows *out, struct error *e)
{
	struct pg_impl *im = s->impl;
	const char *name = NULL;
	rc_t rc = pg_prepare(im, sql, &name, e);
	if (rc != RC_OK)
		return rc;
	const char *values[STORE_PARAMS_MAX];
	char ints[STORE_PARAMS_MAX][24];
	for (size_t i = 0; i < n; i++) {
		if (params[i].type == SP_INT) {
			snprintf(ints[i], sizeof ints[i], "%" PRId64, params[i].i);
			values[i] = ints[i];
		} else {
			values[i] = params[i].type == SP_TEXT ? params[i].t : NULL;
		}
	}
	PGresult *res;
	if (name) {
		res = PQexecPrepared(im->conn, name, (int)n, values, NULL, NULL, 0);
	} else {
		char *numbered = pg_number_placeholders(sql);
		if (!numbered)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		res = PQexecParams(im->conn, numbered, (int)n, NULL, values, NULL, NULL, 0);
		free(numbered);
	}
	ExecStatusType st = PQresultStatus(res);
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
		rc = out ? pg_copy_rows(res, arena, out, e) : RC_OK;
	else
		rc = pg_result_rc(im->conn, res, e);
	PQclear(res);
	return rc;
}

static void pg_close(struct store *s)
{
	struct pg_impl *im = s->impl;
	for (size_t i = 0; i < im->cached; i++)
		free(im->cache[i].sql);
	PQfinish(im->conn);
	free(im);
	free(s);
}

static void pg_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The start-up lock (backend.h): a session advisory lock of its own key,
 * apart from the migrations' one (store.c), so start-up may migrate while
 * holding it. */
#define OPSTART_LOCK "1685024627"

static rc_t pg_opstart_slot(struct store *s, bool neem, struct error *e)
{
	return pg_exec_script(s, neem ? "SELECT pg_advisory_lock(" OPSTART_LOCK ")"
				      : "SELECT pg_advisory_unlock(" OPSTART_LOCK ")", e);
}

static const struct store_ops pg_ops = {
	.name = "postgresql",
	.exec_script = pg_exec_script,
	.query = pg_query,
	.close = pg_close,
	.opstart_slot = pg_opstart_slot,
	.begin_read = "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY",
	.begin_write = "BEGIN ISOLATION LEVEL SERIALIZABLE",
	.id_column = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
};

rc_t store_postgres_open(const char *url, struct store **out, struct error *e)
{
	/* connect_timeout first, so a value in the URL wins. */
	const char *const keys[] = {"connect_timeout", "dbname", NULL};
	const char *const values[] = {"10", url, NULL};
	PGconn *conn = PQconnectdbParams(keys, values, 1);
	if (PQstatus(conn) != CONNECTION_OK) {
		char line[ERROR_MESSAGE_MAX];
		snprintf(line, sizeof line, "%s", PQerrorMessage(conn));
		line[strcspn(line, "\n")] = '\0';
		PQfinish(conn);
		return error_set(e, RC_STORE, "Kan PostgreSQL niet bereiken: %s", line);
	}
	PQsetNoticeProcessor(conn, pg_quiet, NULL);
	PGresult *res = PQexec(conn, "SET TIME ZONE 'UTC'; SET client_min_messages = warning");
	PQclear(res);
	struct store *s = calloc(1, sizeof *s);
	struct pg_impl *im = calloc(1, sizeof *im);
	if (!s || !im) {
		free(s), free(im);
		PQfinish(conn);
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	im->conn = conn;
	s->backend = STORE_POSTGRES;
	s->ops = &pg_ops;
	s->impl = im;
	*out = s;
	return RC_OK;
}
