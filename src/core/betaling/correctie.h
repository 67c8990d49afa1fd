/*
 * correctie.h -- correcting a wrong milestone payment (issue 15;
 * docs/verantwoording.md §9). A payment is never edited: the coordinating
 * insurer books a compensating entry with a reason, audited [001 §2],
 * [001 §5]. A negative amount goes back from verzekeraar/<uzovi>/betaald
 * to project/<aanvraag> (never below zero for the milestone); a positive
 * one is paid on top, within what is left of the upper bound [001 §7].
 * Booked in the year it is made, under the key
 * "mijlpaal/<aanvraag>/<mijlpaal>/correctie/<n>"; the insurer's yearly
 * statement counts it with the payments of that year.
 */
#ifndef DOORBRAAK_CORRECTIE_H
#define DOORBRAAK_CORRECTIE_H

#include <jansson.h>

#include "core/basis/arena.h"
#include "core/basis/klok.h"
#include "core/betaling/mijlpaal.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

#define CORRECTIE_REDEN_MAX 2000

/* Reads {"bedrag_cent": signed integer, not 0, "reden": text}; every
 * problem at once (RC_INVALID): a real or missing amount, 0, no reason. */
rc_t correctie_lees(json_t *body, int64_t *bedrag_cent, const char **reden, struct error *e);

/* The coordinating insurer corrects the payment of milestone `mijlpaal`.
 * Refused with RC_CONFLICT and nothing booked: not paid ("niet_betaald"),
 * below zero for the milestone ("onder_nul"), every year of the project
 * tested ("project_afgerond": the reclaim is final), the insurer's yearly
 * statement of the year already submitted ("jaarstaat_ingediend": correct
 * in the next year), above what is left of the upper bound
 * ("boven_bovengrens"); access as for a payment (RC_NOT_FOUND, RC_FORBIDDEN). One
 * transaction with the ledger entry and its audit record
 * (mijlpaal.corrigeer); *out the milestone afterwards, in arena. */
rc_t mijlpaal_corrigeer(struct store *s, const struct principal *who, const struct klok *klok,
			int64_t beschikking_id, const char *mijlpaal, int64_t bedrag_cent, const char *reden,
			struct arena *arena, struct mijlpaal *out, struct error *e);

#endif
