/*
 * kaderbesluit.h -- the board's framework decision: the macrobedrag per
 * theme and the chosen impact bar, as versions of their own.
 *
 * After the modelplans are finished the board (BO IZA/AZWA) fixes a
 * macrobedrag per theme of the Zvw pot and chooses the impact bar the
 * assessment uses [001 "Vervolgproces"], [002 §4.1]. Each decision is a
 * version: numbered, motivated, dated, signed by its maker, never changed;
 * the newest is in force and a new one replaces it. In ONE transaction
 * with its audit record the decision is stored and carried out: the next
 * catalogue version (catalogus_volgende_tx) with these amounts and this
 * bar is published, and the decision names it. Nobody else changes
 * them: a catalogue version from the programme office keeps them
 * (catalogus.h "kader_van_bestuur"). See docs/bestuur.md §4a.
 */
#ifndef DOORBRAAK_KADERBESLUIT_H
#define DOORBRAAK_KADERBESLUIT_H

#include <jansson.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

#define KADERBESLUIT_THEMAS_MAX 32
#define KADERBESLUIT_MOTIVERING_MAX 20000

struct kaderbesluit_thema {
	const char *thema_id;
	int64_t macrobedrag_cent;
};

struct kaderbesluit_invoer {
	struct kaderbesluit_thema themas[KADERBESLUIT_THEMAS_MAX];
	size_t thema_aantal;
	const char *impactlat_id;
	const char *motivering;
};

/* Reads {"themas": [{"thema_id", "macrobedrag_cent"}], "impactlat_id",
 * "motivering"} (strings point into `body`): every problem at once
 * (unknown fields, types, a negative amount, a theme twice, no
 * motivation). RC_INVALID. */
rc_t kaderbesluit_invoer_lees(json_t *body, struct kaderbesluit_invoer *out, struct error *e);

/* Takes the decision `in` as board member `who` (the route checks the
 * role). Against the newest catalogue, every problem at once, nothing
 * stored (RC_INVALID): a theme that is not one of the Zvw pot's
 * ("thema_onbekend"), a theme of the pot left out ("thema_ontbreekt"), an
 * unknown bar ("impactlat_onbekend"), amounts above the pot together
 * ("som_boven_pot" [001 "Vervolgproces"], [001 §3]). A refusal is an
 * audit record of its own. On success *id_out and *catalogusversie_out. */
rc_t kaderbesluit_neem(struct store *s, const struct principal *who, const struct klok *klok,
		       const struct kaderbesluit_invoer *in, int64_t *id_out,
		       int64_t *catalogusversie_out, struct error *e);

/* Decision `id` as JSON {"id", "themas": [{"thema_id", "thema_naam",
 * "macrobedrag_cent"}], "impactlat_id", "motivering", "genomen_op",
 * "genomen_door", "catalogusversie", "van_kracht"}; RC_NOT_FOUND. A new
 * reference in *out. */
rc_t kaderbesluit_lees(struct store *s, int64_t id, json_t **out, struct error *e);

/* {"kaderbesluiten": [...]}: every decision, newest (in force) first. */
rc_t kaderbesluit_lijst(struct store *s, json_t **out, struct error *e);

#endif
