/*
 * behandeling.h -- within an insurer, who handles an application
 * (docs/indiening.md §5a, issue 18).
 *
 * Each of the two insurers [002 §4.2] assigns one of its own assessors to
 * an application it assesses; a new assignment replaces the former (the
 * audit log keeps every one, "aanvraag.behandelaar"), and the assessor
 * gets a message (core/berichten). The queue shows who handles what.
 */
#ifndef DOORBRAAK_BEHANDELING_H
#define DOORBRAAK_BEHANDELING_H

#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

struct behandelaar {
	int64_t id;
	const char *naam, *functie;
};

/* The active assessors of the caller's own insurer, by name (the choices
 * for an assignment). Strings in `arena`. */
rc_t behandeling_behandelaars(struct store *s, const struct principal *who, struct arena *arena,
			      struct behandelaar **out, size_t *n, struct error *e);

/* Assigns assessor `gebruiker_id` (0: nobody any more) of the caller's
 * insurer to application `aanvraag_id`. RC_NOT_FOUND when the caller's
 * insurer does not assess it (as reading would); RC_INVALID with code
 * "geen_behandelaar" at /gebruiker_id when that account is not an active
 * assessor of the same insurer. One transaction with its audit record. */
rc_t behandeling_wijs_toe(struct store *s, const struct principal *who, int64_t aanvraag_id,
			  int64_t gebruiker_id, struct error *e);

#endif
