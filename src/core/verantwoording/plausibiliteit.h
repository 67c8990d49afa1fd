/*
 * plausibiliteit.h -- the coordinating insurer's plausibility test of an
 * accountability [001 §5] (issue 15; docs/verantwoording.md §4): every
 * line of actual costs accepted (aanvaard), accepted for a lower amount
 * (lager) or rejected (afgewezen), with a motivation where it is not
 * simply accepted -- and also where a line is accepted in full although a
 * rule found against it. The outcome is the plausible amount of the
 * project's year. Pure reader here; stored by verantwoording_dossier.c.
 */
#ifndef DOORBRAAK_PLAUSIBILITEIT_H
#define DOORBRAAK_PLAUSIBILITEIT_H

#include <jansson.h>
#include <stdbool.h>

#include "core/verantwoording/verantwoording.h"

#define PLAUSIBILITEIT_MOTIVERING_MAX 4000

enum plausibiliteit_oordeel { PO_AANVAARD = 0, PO_LAGER, PO_AFGEWEZEN };

struct plausibiliteit_regel {
	enum plausibiliteit_oordeel oordeel;
	int64_t bedrag_cent;           /* what is plausible of this line */
	const char *motivering;        /* NULL when none */
};

struct plausibiliteit {
	struct plausibiliteit_regel *regels;   /* one per line of the accountability */
	size_t aantal;
	int64_t plausibel_cent;
};

/* Reads {"oordelen": [{"regel", "oordeel", "bedrag_cent"?, "motivering"?}]}
 * against the lines of `in`; `bezwaar[i]` tells whether a rule found
 * against line i (niet_voldaan). Every problem at once (RC_INVALID): every
 * line judged exactly once; "lager" is more than 0 and less than the
 * line; "aanvaard" is the line's amount; a motivation for "lager",
 * "afgewezen" and for accepting a line a rule found against [001 §5]. */
rc_t plausibiliteit_lees(json_t *body, const struct verantwoording_invoer *in, const bool *bezwaar,
			 struct arena *arena, struct plausibiliteit *out, struct error *e);

/* "aanvaard", "lager", "afgewezen". */
const char *plausibiliteit_oordeel_naam(enum plausibiliteit_oordeel o);

/* The judgements as a JSON list [{regel, oordeel, bedrag_cent, motivering}]. */
json_t *plausibiliteit_json(const struct plausibiliteit *p);

#endif
