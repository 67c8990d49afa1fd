/*
 * tijdlijn.h -- the timeline of one application, from draft to accounted
 * (issue 18, docs/indiening.md "Tijdlijn"), and the phase it is in, told
 * truthfully: an application that both insurers found good but the board
 * gave nothing, or that NZa refused, says so -- never "positief
 * beoordeeld" alone.
 *
 * Every step of the chain that concerns the application, oldest first:
 * created, each version submitted, each insurer's verdict, the board's
 * decision on its round (what it granted this application, also nothing)
 * [001 "Vervolgproces"], the joint request to NZa drawn up, signed and
 * submitted, the beschikking (upper bound or refusal) [001 §3], each
 * milestone reported and paid [001 §2], each year accounted [001 §5].
 * Who acted is in `door` (the API adds the name).
 */
#ifndef DOORBRAAK_TIJDLIJN_H
#define DOORBRAAK_TIJDLIJN_H

#include <jansson.h>
#include <stdint.h>

#include "store/store.h"
#include "core/toegang/toegang.h"

struct tijdlijn_stap {
	const char *moment;        /* ISO 8601 UTC */
	const char *soort;         /* store_aanvraag_tijdlijn's kinds: "ingediend", "beschikking", ... */
	const char *wat;           /* what happened, in Dutch, with its source where a rule decided */
	const char *door;          /* the actor ("gebruiker:12"); NULL for the system */
	int64_t organisatie_id;    /* the insurer that judged / the party that signed; 0 otherwise */
	int64_t beschikking_id;    /* the decision it belongs to; 0 otherwise */
};

struct tijdlijn {
	const char *fase;          /* concept, ingediend, in_beoordeling, informatie_gevraagd, negatief,
				      positief, niet_toegekend, toegekend, ondertekening, bij_nza,
				      afgewezen, beschikt, in_uitvoering */
	const char *fase_tekst;    /* the phase in one Dutch sentence */
	struct tijdlijn_stap *stappen;
	size_t n;
};

/* The timeline of application `id` for `who` (who may open it, as
 * aanvraagdossier_open decides; otherwise RC_NOT_FOUND, recorded). In the
 * arena. */
rc_t aanvraag_tijdlijn(struct store *s, struct arena *arena, const struct principal *who, int64_t id,
		       struct tijdlijn *out, struct error *e);

/* {"fase", "fase_tekst", "stappen": [{"moment", "soort", "wat", "door", ...}]}. New reference. */
json_t *tijdlijn_json(const struct tijdlijn *t);

#endif
