/*
 * mijlpaal_intern.h -- what the milestone files share (mijlpaal.c,
 * correctie.c): the milestones' state read in a transaction and the access
 * rule of an action on one milestone. Not for other modules.
 */
#ifndef DOORBRAAK_MIJLPAAL_INTERN_H
#define DOORBRAAK_MIJLPAAL_INTERN_H

#include "core/basis/arena.h"
#include "core/beschikking/beschikking.h"
#include "core/betaling/mijlpaal.h"

struct stand_ctx {
	struct arena *arena;
	const struct beschikking *b;
	struct mijlpaal *lijst;
	size_t n;
	int64_t resterend;
};

struct meld_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t beschikking_id;
	const char *mijlpaal, *bewijs, *kenmerk, *actor;
	bool betalen, gegeven;
	/* an attachment of evidence (mijlpaal_bijlage_voeg_toe) */
	bool bijlage;
	const char *naam;
	const void *data;
	size_t len;
	struct bijlage *bijlage_uit;
	int64_t bedrag;
	struct arena *arena;
	struct mijlpaal *out;
	rc_t weiger;
	/* a correction (correctie.c): its reason, and the transaction to run
	 * instead of report, payment or attachment */
	const char *reden;
	rc_t (*tx)(struct store *s, void *ctx, struct error *e);
};

/* Reads the planned milestones, the reports, the payments with their
 * corrections, and what is left of the upper bound (ctx: struct stand_ctx
 * with arena and b set); inside a transaction. */
rc_t mijlpaal_stand_tx(struct store *s, void *ctx, struct error *e);

/* In a write transaction: the beschikking and milestone c->mijlpaal, with
 * the access rule of the action (c->betalen: the coordinating insurer,
 * else the lead). A party without the right: c->weiger RC_FORBIDDEN, no
 * party: RC_NOT_FOUND; a refused beschikking "niet_verleend" RC_CONFLICT. */
rc_t mijlpaal_voorbereiden(struct store *s, struct meld_ctx *c, struct arena *a, struct beschikking *b,
			   struct stand_ctx *st, struct mijlpaal **m, struct error *e);

/* Whether the money of beschikking `b` may still move in `jaar` (the
 * booking clock's year): only in the fund's years, the Zvw pot's spending
 * period in the catalogue ("buiten_fondsjaren" [003 §8b], [002 §1]: no
 * payment in 2026 is booked before the fund exists); not once every year of the project is tested
 * ("project_afgerond": the reclaim is final [001 §5]), not in a year whose
 * yearly statement the insurer submitted ("jaarstaat_ingediend": it would
 * fall outside it). RC_CONFLICT with the finding; inside a transaction. */
rc_t mijlpaal_geld_open(struct store *s, const struct beschikking *b, int64_t jaar, struct arena *a,
			struct error *e);

/* Runs c's action in one transaction (c->tx, or the attachment, payment or
 * report); records a refusal of access or a conflict as `actie` in the
 * audit log. */
rc_t mijlpaal_uitvoeren(struct store *s, struct meld_ctx *c, const char *actie, struct error *e);

#endif
