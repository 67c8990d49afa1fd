/*
 * indieningsronde.h -- the submission round: one opening and one closing
 * moment in UTC, the catalogue version and the impact bar in force; set by
 * the programme office.
 *
 * There is one submission moment and no queue: whatever arrives before
 * the closing moment (by the server's clock) counts the same, nothing
 * after it is accepted, and being early gives no advantage
 * [001 "Vervolgproces"], [002 §4.2], [000]. Insurers see the submitted
 * applications of a round only after it closed (a sealed round). A round
 * never changes once made.
 */
#ifndef DOORBRAAK_INDIENINGSRONDE_H
#define DOORBRAAK_INDIENINGSRONDE_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"

#define INDIENINGSRONDE_NAAM_MAX 200

struct indieningsronde {
	int64_t id;
	const char *naam;
	int64_t catalogusversie;
	const char *impactlat_id;        /* NULL: the catalogue's chosen bar, if any */
	bool uitloopjaar_toegestaan;     /* may money be spent in 2029 [002 §5a] */
	int64_t opent_op_us, sluit_op_us;
	const char *opent_op, *sluit_op; /* ISO 8601 UTC with microseconds */
	bool demo;
	const char *aangemaakt_op, *aangemaakt_door;
	const char *beoordeeld_uiterlijk_op;  /* the insurers' verdicts by this date (YYYY-MM-DD); NULL: none */
};

enum ronde_fase {
	RONDE_GEPLAND = 0,   /* before the opening moment */
	RONDE_OPEN,          /* opent_op <= now < sluit_op */
	RONDE_GESLOTEN,      /* now >= sluit_op: the closing moment itself is closed */
};

/* The phase of `r` at `nu_us`. */
enum ronde_fase indieningsronde_fase(const struct indieningsronde *r, int64_t nu_us);

/* "gepland" / "open" / "gesloten". */
const char *indieningsronde_fase_naam(enum ronde_fase f);

/* What the programme office gives for a new round (NULL / 0: absent). */
struct indieningsronde_invoer {
	const char *naam;
	int64_t catalogusversie;        /* 0: absent */
	const char *impactlat_id;       /* NULL: the catalogue's choice */
	int uitloopjaar_toegestaan;     /* -1: absent, 0, 1 */
	const char *opent_op, *sluit_op;
	const char *beoordeeld_uiterlijk_op;  /* NULL: none; a date after the closing day */
	bool demo;
};

/* Validates `in` (every problem at once, fields as JSON pointers) and
 * stores the round in one transaction with its audit record
 * ("indieningsronde.maak"). Refused: a missing or blank name, an unknown
 * catalogue version or impact bar, times that are not UTC ISO 8601, a
 * closing moment not after the opening moment or not in the future of
 * `klok`. On success writes *id_out; nothing is stored otherwise. */
rc_t indieningsronde_maak(struct store *s, const struct principal *who, const struct klok *klok,
			  const struct indieningsronde_invoer *in, int64_t *id_out, struct error *e);

/* Reads one round into *out (strings in `arena`); RC_NOT_FOUND when none.
 * Inside or outside a transaction (it makes its own when outside). */
rc_t indieningsronde_lees(struct store *s, struct arena *arena, int64_t id,
			  struct indieningsronde *out, struct error *e);

/* The same, for use inside a running store_tx(). */
rc_t indieningsronde_lees_tx(struct store *s, struct arena *arena, int64_t id,
			     struct indieningsronde *out, struct error *e);

/* Every round, newest closing moment first; *out an arena array of *n. */
rc_t indieningsronde_lijst(struct store *s, struct arena *arena, struct indieningsronde **out,
			   size_t *n, struct error *e);

/* The demo round called `naam`, RC_NOT_FOUND when there is none. */
rc_t indieningsronde_zoek_demo(struct store *s, struct arena *arena, const char *naam,
			       struct indieningsronde *out, struct error *e);

/* A round as the API shows it, with its phase at `nu_us`. New reference. */
json_t *indieningsronde_json(const struct indieningsronde *r, int64_t nu_us);

#endif
