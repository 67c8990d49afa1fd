/*
 * bestuursbesluit.h -- the board's decision on a round's total: adopting
 * one scenario, before anything is final.
 *
 * The board (BO IZA/AZWA) decides once per round, after the assessment:
 * which applications get how much in which year [001 "Vervolgproces"],
 * [002 §4.2]. Adopting a scenario stores, in ONE transaction with its
 * audit record, the decision, a grant (toekenning) per application and
 * year, and in the ledger (grootboek.h) the Zvw tree of docs/grootboek.md
 * §2 with its funding and one linked chain of reservations per
 * application (docs/bestuur.md §4):
 *
 *   bron/zvw -> zvw                    macrokader/zvw/1
 *   zvw -> zvw/<thema>                 thema/<thema>/richtbedrag/<catalogusversie>
 *   zvw/<a> -> zvw/<b>                 verschuiving/<besluit>/<a>/<b> (when the scenario shifts)
 *   zvw/<thema> -> zvw/<thema>/<jaar>  thema/<thema>/<jaar>/<besluit>
 *   zvw/<thema>/<jaar> => project/<aanvraag>   reservation toekenning/<aanvraag>/<jaar>
 *
 * A decision whose entries do not fit (a cap would go below zero) is
 * refused as a whole: nothing is stored. NZa's beschikking later posts or
 * voids the reservations.
 */
#ifndef DOORBRAAK_BESTUURSBESLUIT_H
#define DOORBRAAK_BESTUURSBESLUIT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"

#define BESTUURSBESLUIT_MOTIVERING_MAX 20000

struct bestuursbesluit_invoer {
	int64_t scenario_id;
	const char *motivering;     /* why this scenario: quality, spread, impact [002 §4.2] */
};

/* Reads {"verdeelscenario_id", "motivering"} (strings point into `body`);
 * every problem at once. RC_INVALID. */
rc_t bestuursbesluit_invoer_lees(json_t *body, struct bestuursbesluit_invoer *out,
				 struct error *e);

/* Adopts scenario `in->scenario_id` as the decision on its round (only the
 * board's role reaches this; the route checks it). Refused, nothing
 * stored:
 *   RC_INVALID   a missing motivation, an unknown scenario;
 *   RC_CONFLICT  the round has a decision already ("besluit_bestaat"),
 *                applications are still being assessed
 *                ("beoordeling_loopt"), the positively assessed
 *                applications are no longer the scenario's
 *                ("scenario_verouderd"), or the ledger refuses an entry
 *                (one problem per refused entry, named by its key, with
 *                the rule's source: "onvoldoende_saldo", ...).
 * The refusal is an audit record of its own. On success writes *id_out. */
rc_t bestuursbesluit_neem(struct store *s, const struct principal *who, const struct klok *klok,
			  const struct bestuursbesluit_invoer *in, struct arena *arena,
			  int64_t *id_out, struct error *e);

/* One grant: what the decision gives an application in one year. */
struct besluit_toekenning {
	int64_t aanvraag_id;
	const char *thema;
	int64_t jaar;
	int64_t bedrag_cent;
};

struct bestuursbesluit {
	int64_t id, ronde_id, scenario_id;
	const char *motivering, *genomen_op, *genomen_door;
	int64_t toegekend_cent, aanvraag_aantal;
	struct besluit_toekenning *toekenningen;  /* by application and year; NULL in lists */
	size_t toekenning_aantal;
};

/* Reads decision `id` with its grants (in `arena`); RC_NOT_FOUND. */
rc_t bestuursbesluit_open(struct store *s, struct arena *arena, int64_t id,
			  struct bestuursbesluit *out, struct error *e);

/* The decisions (of round `ronde_id`, 0: of every round), without grants. */
rc_t bestuursbesluit_lijst(struct store *s, struct arena *arena, int64_t ronde_id,
			   struct bestuursbesluit **out, size_t *n, struct error *e);

/* The reservation key of a grant: "toekenning/<aanvraag>/<jaar>". */
void bestuursbesluit_sleutel(int64_t aanvraag_id, int64_t jaar, char *buf, size_t n);

/* The board's decision with its grants as the API shows it. New reference. */
json_t *bestuursbesluit_json(const struct bestuursbesluit *b);

#endif
