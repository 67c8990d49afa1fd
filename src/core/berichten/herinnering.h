/*
 * herinnering.h -- reminders on a date (docs/berichten.md §2a, issue 18:
 * "report due").
 *
 * The mail worker of every server process runs herinnering_ronde on each
 * of its rounds. A reminder is an event of its own: it is recorded once
 * (table herinnering, whatever the number of processes) with its audit
 * record (actor "systeem"), and the audit log's hook makes the message and
 * the mail (bericht.h), as for any event. Today one kind:
 *
 *   herinnering.verantwoording  the lead's applicants: the accountability
 *       of a project year is due within HERINNERING_VOORAF_DAGEN days, or
 *       its deadline passed without it [001 §5]. Only years of the
 *       project (the beschikking's split, not before its year) and only
 *       while nothing of that year was submitted.
 */
#ifndef DOORBRAAK_HERINNERING_H
#define DOORBRAAK_HERINNERING_H

#include "core/basis/error.h"
#include "core/basis/klok.h"
#include "store/store.h"

#define HERINNERING_VOORAF_DAGEN 14
#define HERINNERING_PER_RONDE 200

/* One round: considers what is due by klok (NULL: the real clock) in one
 * write transaction; *verstuurd the number of reminders sent. */
rc_t herinnering_ronde(struct store *s, const struct klok *klok, int *verstuurd, struct error *e);

#endif
