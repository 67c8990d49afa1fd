/*
 * beschikking_bijlage.h -- reading an attachment that belongs to a
 * beschikking: the evidence of one of its milestones
 * ("mijlpaal/<beschikking>/<mijlpaal>") or a document of one of its
 * accountabilities ("verantwoording/<beschikking>/<jaar>"). Whoever may
 * read the beschikking may read its attachments (docs/bijlagen.md).
 */
#ifndef DOORBRAAK_BESCHIKKING_BIJLAGE_H
#define DOORBRAAK_BESCHIKKING_BIJLAGE_H

#include "core/bijlage/bijlage.h"

/* The beschikking an attachment's object belongs to; 0 when none. */
int64_t beschikking_bijlage_object(const char *object);

/* Attachment `id` with its bytes, for who may read its beschikking;
 * RC_NOT_FOUND otherwise (also for those who may not see it). */
rc_t beschikking_bijlage_open(struct store *s, struct arena *arena, const struct principal *who,
			      int64_t id, struct bijlage *out, const unsigned char **data, size_t *len,
			      struct error *e);

#endif
