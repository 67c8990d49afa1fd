/*
 * json.h -- decoding untrusted JSON with limits, and small typed readers.
 *
 * All JSON goes through jansson. Decoding rejects duplicate keys, bodies
 * above a size limit and nesting deeper than a depth limit, and reports
 * the position of a syntax error in Dutch. The readers collect every
 * problem into a `struct error` so a caller can report them all at once.
 */
#ifndef DOORBRAAK_JSON_H
#define DOORBRAAK_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"

#define JSON_MAX_DEPTH 32
#define JSON_MAX_BYTES_DEFAULT (1024u * 1024u)

/* Returns the maximum nesting depth of arrays/objects in buf[0..len),
 * counting brackets outside strings; stops early and returns a value
 * above `limit` once `limit` is exceeded. Does not validate syntax. */
size_t json_depth(const char *buf, size_t len, size_t limit);

/* Decodes buf[0..len) into *out (a new reference the caller owns; when
 * `arena` is not NULL it is released with the arena). Refuses: more than
 * max_bytes (RC_TOO_LARGE), depth above max_depth, invalid UTF-8,
 * syntax errors and duplicate keys (RC_BAD_JSON, message in Dutch with
 * line and column). *out is written only on success. */
rc_t json_decode(const char *buf, size_t len, size_t max_bytes,
		 size_t max_depth, struct arena *arena, json_t **out,
		 struct error *e);

/* Like json_decode but the document must be a JSON object. */
rc_t json_decode_object(const char *buf, size_t len, size_t max_bytes,
			struct arena *arena, json_t **out, struct error *e);

/* Reads a whole file (at most max_bytes) and decodes it; RC_IO when it
 * cannot be read. */
rc_t json_read_file(const char *path, size_t max_bytes, struct arena *arena,
		    json_t **out, struct error *e);

/* Typed readers for a member of `obj`. Each returns true when the member
 * is present with the right type (and writes *out); otherwise, when
 * `required` is true or the member has the wrong type, it adds a problem
 * for field `where/key` to `e` and returns false. */
bool json_get_string(json_t *obj, const char *key, bool required,
		     const char *where, const char **out, struct error *e);
bool json_get_int(json_t *obj, const char *key, bool required,
		  const char *where, int64_t *out, struct error *e);
bool json_get_bool(json_t *obj, const char *key, bool required,
		   const char *where, bool *out, struct error *e);
bool json_get_array(json_t *obj, const char *key, bool required,
		    const char *where, json_t **out, struct error *e);
bool json_get_object(json_t *obj, const char *key, bool required,
		     const char *where, json_t **out, struct error *e);

/* Adds a problem for every member of `obj` not named in the
 * NULL-terminated `allowed` list (unknown fields are rejected). */
void json_reject_unknown(json_t *obj, const char *const *allowed,
			 const char *where, struct error *e);

/* Serialises compactly into the arena; NULL on exhaustion. Key order is
 * insertion order, so equal input gives byte-identical output. */
char *json_encode(struct arena *arena, const json_t *value);

/* Appends "/" + token to the JSON pointer pad[0..len) (RFC 6901: '~' as
 * "~0", '/' as "~1"), NUL-terminated within cap bytes; an escape is never
 * split. Returns the new length. The one pointer writer of the system. */
size_t json_pointer_erbij(char *pad, size_t len, size_t cap, const char *token);

/* Sets o[key] to the string v; omits the member when v is NULL. */
void json_zet_tekst(json_t *o, const char *key, const char *v);

/* Sets o[key] to the string v, or to null when v is NULL. */
void json_zet_tekst_of_null(json_t *o, const char *key, const char *v);

/* Sets o[key] to the id, or to null when it is not positive. */
void json_zet_id_of_null(json_t *o, const char *key, int64_t id);

/* The problem (RFC 9457) of `e` as a new JSON object without "instance":
 * type, title, status, detail, code, and `errors` (every validation
 * problem: name, code, detail, bron) with errors_weggelaten. An RC_OK
 * error counts as RC_INTERNAL. NULL when jansson runs out of memory. */
json_t *error_probleem_json(const struct error *e);

#endif
