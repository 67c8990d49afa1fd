/*
 * bericht.h -- the messages a person gets of the events that concern them
 * (docs/berichten.md, issue 18).
 *
 * Every successful write records itself in the audit log (audit.h); the
 * log offers each record to bericht_bij_gebeurtenis in the same
 * transaction. The events that concern somebody else than the actor
 * become one message per account that must act or know, and one queued
 * mail per message (mail.h): made with the event or not at all, never
 * lost, never half. Which events and to whom is the table in bericht.c:
 *
 *   aanvraag.indien          both insurers' assessors: a new application
 *   beoordeling.maak         the lead's applicants: assessed, or
 *                            information requested [002 §4.2]
 *   bestuursbesluit.neem     each lead of the round: granted with its
 *                            amount or not; the coordinating insurer's
 *                            assessors: draw up the joint request
 *                            [001 "Vervolgproces"]
 *   nza_aanvraag.indien      NZa: a joint request to decide on [001 §3]
 *   beschikking.verleen/afwijs  the lead and the coordinating insurer [001 §3]
 *   mijlpaal.meld            the coordinating insurer: a milestone to pay [001 §2]
 *   mijlpaal.betaal          the lead: paid, with the amount [001 §2]
 *   verantwoording.informatieverzoek  the lead: information asked on the
 *                            accounting [001 §5]
 *   aanvraag.behandelaar     the assessor assigned within an insurer (not
 *                            when they took it on themselves)
 *   herinnering.verantwoording  the lead's applicants: the accountability
 *                            of a year is due, or late (herinnering.h) [001 §5]
 */
#ifndef DOORBRAAK_BERICHT_H
#define DOORBRAAK_BERICHT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/audit.h"
#include "core/basis/error.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

#define BERICHT_PAGINA_MAX 200

/* Makes the messages of one successful event; does nothing for events
 * nobody needs to hear of. Runs inside the event's own transaction; its
 * failure is the transaction's (store_tx retries or rolls back). */
rc_t bericht_bij_gebeurtenis(struct store *s, const struct audit_entry *ae, struct error *e);

struct bericht {
	int64_t id;
	const char *soort, *onderwerp, *tekst, *pad, *aangemaakt_op, *gelezen_op;
};

/* The caller's own messages, newest first, below id `voor` (0: from the
 * newest), at most `limiet` (1..BERICHT_PAGINA_MAX); only the unread when
 * `ongelezen`. *ongelezen_aantal: all unread ones. Strings in `arena`. */
rc_t bericht_lijst(struct store *s, const struct principal *who, int64_t voor, int64_t limiet,
		   bool ongelezen, struct arena *arena, struct bericht **out, size_t *n,
		   int64_t *ongelezen_aantal, struct error *e);

/* Marks the caller's message `id` read (or unread again). RC_NOT_FOUND
 * when it is not theirs. Audited like every write. */
rc_t bericht_markeer(struct store *s, const struct principal *who, int64_t id, bool gelezen,
		     struct error *e);

#endif
