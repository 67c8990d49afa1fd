/*
 * verantwoording_document.h -- the documents after the payment, as HTML
 * and PDF (core/basis/document.h) and the settlements as XLSX
 * (docs/verantwoording.md §6, §7):
 *   - NZa's yearly judgement (bestuurlijk rechtsoordeel) on an insurer's
 *     statement [001 §5]: addressee, year, judgement, recognised amount,
 *     the statement's totals and projects, findings with their sources,
 *     motivation, legal sources;
 *   - the Zorginstituut's settlement (nacalculatie) of an insurer's year
 *     [001 §4], [003 §8b]: addressee, year, the amount settled as fixed
 *     costs, the judgement it follows, its ledger entry, legal sources.
 * Read by who may read the statement or settlement (NZa, the
 * Zorginstituut, the auditor: all; an insurer: its own; others
 * RC_FORBIDDEN, an unknown or other insurer's one RC_NOT_FOUND).
 */
#ifndef DOORBRAAK_VERANTWOORDING_DOCUMENT_H
#define DOORBRAAK_VERANTWOORDING_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

/* The judgement on statement `jaarstaat_id` as HTML (pdf false) or PDF;
 * RC_NOT_FOUND too while NZa has not judged it. *naam a file name. */
rc_t rechtsoordeel_document(struct store *s, const struct principal *who, int64_t jaarstaat_id, bool pdf,
			    struct arena *arena, const void **data, size_t *len, const char **naam,
			    struct error *e);

/* Settlement `verevening_id` as HTML or PDF. */
rc_t verevening_document(struct store *s, const struct principal *who, int64_t verevening_id, bool pdf,
			 struct arena *arena, const void **data, size_t *len, const char **naam, struct error *e);

#endif
