/*
 * ondertekening.h -- both parties sign the joint request to NZa; the
 * second signature submits it, only when the money still fits [001 §3],
 * [003 §8b] (nza_toets.h: nza_past). See nza_aanvraag.h for the request.
 */
#ifndef DOORBRAAK_ONDERTEKENING_H
#define DOORBRAAK_ONDERTEKENING_H

#include "core/basis/klok.h"
#include "core/beschikking/nza_aanvraag.h"

/* Signs request `id` for the caller's party with `sha256` (must be the
 * request's hash: else "inhoud_anders", RC_CONFLICT). The coordinating
 * insurer signs as verzekeraar, the lead as penvoerder; any other party
 * that may see it gets RC_FORBIDDEN, one that may not RC_NOT_FOUND. A
 * party twice: "al_ondertekend"; after submission: "al_ingediend" (both
 * RC_CONFLICT). The second signature submits the request: then the money
 * must fit (see above), or nothing is stored ("past_niet"). One
 * transaction with its audit records. Writes the new status to *status
 * (a static string). */
rc_t nza_aanvraag_onderteken(struct store *s, const struct principal *who, const struct klok *klok,
		    int64_t id, const char *sha256, const char **status, struct error *e);

#endif
