/*
 * store_bijlage.h -- the SQL of attachments (core/bijlage/bijlage.h;
 * table in migrations/011_bijlage.sql). Inside store_tx(); rows in the
 * caller's arena.
 */
#ifndef DOORBRAAK_STORE_BIJLAGE_H
#define DOORBRAAK_STORE_BIJLAGE_H

#include "store/store.h"

enum store_bijlage_kolom {
	SBL_ID, SBL_OBJECT, SBL_NAAM, SBL_MEDIATYPE, SBL_GROOTTE, SBL_SHA256, SBL_OP, SBL_DOOR,
	SBL_INHOUD,   /* only in store_bijlage_lees */
};

/* Adds an attachment; `inhoud` is its bytes in base64. *id_out. */
rc_t store_bijlage_voeg_toe(struct store *s, const char *object, const char *naam,
			    const char *mediatype, int64_t grootte, const char *sha256,
			    const char *inhoud, const char *op, const char *door, int64_t *id_out,
			    struct error *e);

/* Attachment `id` with its content (SBL_ columns; no rows: none). */
rc_t store_bijlage_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			struct error *e);

/* The attachments of `object`, oldest first, without content. */
rc_t store_bijlage_lijst(struct store *s, const char *object, struct arena *arena,
			 struct store_rows *out, struct error *e);

#endif
