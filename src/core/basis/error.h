/*
 * error.h -- the one error enum of doorbraak and its context.
 *
 * Every fallible function returns an `rc_t`. The detail travels in a
 * `struct error`: a one-line message plus, for validation failures, the
 * list of every problem found (NLGov ADR: return all validation errors at
 * once). Exactly one table (error.c) maps an rc to an HTTP status, a
 * problem title and a CLI exit code.
 */
#ifndef DOORBRAAK_ERROR_H
#define DOORBRAAK_ERROR_H

#include <stddef.h>

typedef enum rc {
	RC_OK = 0,
	RC_INVALID,          /* user input failed validation; see error.items */
	RC_BAD_JSON,         /* body is not acceptable JSON (syntax, duplicate key, depth) */
	RC_NOT_FOUND,        /* object or path does not exist (or may not be seen) */
	RC_METHOD,           /* path exists, method does not */
	RC_CONFLICT,         /* state does not allow this (already exists, frozen, ...) */
	RC_UNAUTHENTICATED,  /* no valid session or token */
	RC_FORBIDDEN,        /* authenticated, not allowed */
	RC_TOO_LARGE,        /* body or result above its limit */
	RC_MEDIA_TYPE,       /* wrong Content-Type */
	RC_TOO_MANY,         /* too many attempts: throttled until a window passes */
	RC_RETRY,            /* serialization failure: the transaction may be retried */
	RC_STORE,            /* database error that is not the caller's fault */
	RC_NOMEM,            /* arena or heap exhausted */
	RC_IO,               /* file could not be read or written */
	RC_INTERNAL,         /* programmer error caught at run time */
	RC__COUNT
} rc_t;

#define ERROR_MESSAGE_MAX 256
#define ERROR_ITEMS_MAX 64
#define ERROR_FIELD_MAX 128
#define ERROR_BRON_MAX 256   /* the longest rule source of any check table fits (test_toets) */

/* One validation problem: where (a JSON pointer, file or field name),
 * a stable machine code, a Dutch sentence saying what to change, and the
 * rule's source ("[004 §3.2]") when a domain rule was broken. */
struct error_item {
	char field[ERROR_FIELD_MAX];
	char code[48];
	char detail[ERROR_MESSAGE_MAX];
	char bron[ERROR_BRON_MAX];
};

struct error {
	rc_t rc;
	char message[ERROR_MESSAGE_MAX];
	size_t item_count;
	size_t items_dropped; /* problems beyond ERROR_ITEMS_MAX, counted not kept */
	struct error_item items[ERROR_ITEMS_MAX];
};

/* Appends the validation items of `van` (and its dropped count) to `naar`,
 * as error_add does: the first item makes `naar` RC_INVALID. `van` may be
 * NULL (nothing happens). */
void error_items_over(struct error *naar, const struct error *van);

/* Resets `e` to RC_OK with no message and no items. */
void error_clear(struct error *e);

/* Sets rc and a printf-style message; returns rc so callers can
 * `return error_set(e, RC_X, "...")`. A NULL `e` is allowed. */
rc_t error_set(struct error *e, rc_t rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends one validation problem and sets e->rc to RC_INVALID unless it
 * already holds another error. `bron` may be NULL. Never fails: beyond
 * ERROR_ITEMS_MAX items they are counted in items_dropped. */
void error_add(struct error *e, const char *field, const char *code,
	       const char *bron, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The mapping table. */
int rc_http_status(rc_t rc);
const char *rc_title(rc_t rc);   /* Dutch problem title */
const char *rc_name(rc_t rc);    /* stable English code, e.g. "invalid" */
int rc_exit_code(rc_t rc);       /* CLI exit status, 0 only for RC_OK */

#endif
