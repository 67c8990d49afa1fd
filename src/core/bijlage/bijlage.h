/*
 * bijlage.h -- attachments (bijlagen): files that support an object, such
 * as the evidence of a milestone reached [001 §2] or the accountant's
 * statement of an accountability [001 §5] (issue 15; docs/bijlagen.md).
 *
 * The type is decided by the content, never by the name or the declared
 * Content-Type: libmagic (Debian's file 5.44) reads the bytes and the
 * result must be on the allow-list (PDF, PNG, JPEG, CSV, XLSX). The
 * attachment is stored with its SHA-256 and never changes; it is served
 * only to those who may read the object it belongs to (the caller of
 * bijlage_lees decides that first) as a download.
 */
#ifndef DOORBRAAK_BIJLAGE_H
#define DOORBRAAK_BIJLAGE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

#define BIJLAGE_MAX_BYTES (10u * 1024u * 1024u)   /* one file, as uploaded */
#define BIJLAGE_NAAM_MAX 200
#define BIJLAGE_OBJECT_MAX 200

/* One allowed type: its media type and the extension a download gets. */
struct bijlage_type {
	const char *mediatype;
	const char *extensie;
	const char *omschrijving;   /* Dutch, for messages */
};

/* The allow-list, in the order messages name it; *n its length. */
const struct bijlage_type *bijlage_toegestaan(size_t *n);

/* Decides the type of data[0..len) by its content. RC_OK with *type on
 * the allow-list; else every problem in `e`: empty (RC_INVALID
 * "bijlage_leeg"), above BIJLAGE_MAX_BYTES (RC_TOO_LARGE
 * "bijlage_te_groot"), a type not allowed (RC_MEDIA_TYPE
 * "type_niet_toegestaan", naming what it is and what is allowed).
 * Thread-safe. */
rc_t bijlage_type_bepaal(const void *data, size_t len, const struct bijlage_type **type,
			 struct error *e);

/* An attachment as stored (strings in an arena). */
struct bijlage {
	int64_t id;
	const char *object, *naam, *mediatype, *sha256, *geupload_op, *geupload_door;
	int64_t grootte;
};

/* A file name fit to keep and to send back: the last path segment of
 * `naam`, control characters, quotes, slashes and backslashes replaced
 * by '_', at most BIJLAGE_NAAM_MAX bytes at a character boundary; "bijlage"
 * when nothing is left. In `arena`; NULL when it is full. */
char *bijlage_naam_schoon(struct arena *arena, const char *naam);

/* Checks and stores data[0..len) as an attachment of `object`, named
 * `naam` (cleaned), inside the caller's write transaction, with its audit
 * record ("bijlage.voeg_toe" on bijlage/<id>, detail: object, type, size,
 * SHA-256). Refused as bijlage_type_bepaal refuses; *out filled on RC_OK. */
rc_t bijlage_voeg_toe_tx(struct store *s, const struct principal *who, const char *object,
			 const char *naam, const void *data, size_t len, const char *nu,
			 struct arena *arena, struct bijlage *out, struct error *e);

/* Attachment `id` with its bytes (*data, *len in arena), inside the
 * caller's transaction. RC_NOT_FOUND. */
rc_t bijlage_lees_tx(struct store *s, struct arena *arena, int64_t id, struct bijlage *out,
		     const unsigned char **data, size_t *len, struct error *e);

/* The same in a read transaction of its own (no access check: the
 * caller checks the object it belongs to). */
rc_t bijlage_lees(struct store *s, struct arena *arena, int64_t id, struct bijlage *out,
		  const unsigned char **data, size_t *len, struct error *e);

/* The attachments of `object`, oldest first, without bytes. */
rc_t bijlage_lijst_tx(struct store *s, struct arena *arena, const char *object,
		      struct bijlage **out, size_t *n, struct error *e);

json_t *bijlage_json(const struct bijlage *b);

#endif
