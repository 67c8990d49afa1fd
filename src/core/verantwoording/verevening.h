/*
 * verevening.h -- the Zorginstituut's settlement in risk equalisation
 * (nacalculatie) per insurer per equalisation year (issue 15;
 * docs/verantwoording.md §7): the fixed costs to compensate are exactly
 * what NZa recognised in its yearly judgement; insurers carry no risk, so
 * the settlement is full [001 §4], [001 §5], [003 §8b]; the
 * macrobeheersinstrument does not apply [001 §6]. Booked in the ledger
 * zorgverzekeringsfonds -> verzekeraar/<uzovi>/verevend.
 */
#ifndef DOORBRAAK_VEREVENING_H
#define DOORBRAAK_VEREVENING_H

#include <jansson.h>

#include "core/basis/klok.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

/* The Zorginstituut settles {"verzekeraar_id", "jaar", "bedrag_cent"?}.
 * Refused, nothing stored: a malformed request (RC_INVALID, every
 * problem); no judgement for the insurer's year ("geen_rechtsoordeel"),
 * an amount above or below what NZa recognised ("boven_rechtsoordeel",
 * "onder_rechtsoordeel": the settlement is full), a year settled before
 * ("al_verevend"): RC_CONFLICT. The ledger entry (when the amount is
 * positive), the settlement and its audit record are one transaction; two
 * servers at once settle once. *out: the settlement (new reference). */
rc_t verevening_maak(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
		     struct arena *arena, json_t **out, struct error *e);

/* The settlements of `jaar` (0: all) who may read (the Zorginstituut, NZa,
 * the auditor: all; an insurer: its own) as {"vereveningen": [...]}. */
rc_t verevening_lijst(struct store *s, const struct principal *who, int64_t jaar, struct arena *arena,
		      json_t **out, struct error *e);

/* The same as CSV (UTF-8, ';', amounts in euros with a decimal comma),
 * one row per insurer and year, in arena. */
rc_t verevening_csv(struct store *s, const struct principal *who, int64_t jaar, struct arena *arena,
		    const char **csv, size_t *len, struct error *e);

/* The same as XLSX (core/basis/werkblad.h): the year and IDs as numbers,
 * the amount exact in cents and shown in euros, the date as a date. */
rc_t verevening_xlsx(struct store *s, const struct principal *who, int64_t jaar, struct arena *arena,
		     const unsigned char **xlsx, size_t *len, struct error *e);

#endif
