/*
 * coalitie.h -- the coalition (samenwerkingscoalitie) behind an
 * application: care providers with one lead (penvoerder), the
 * coordinating and the second insurer.
 *
 * Most coalition rules are checks of toets.h, because a draft may be
 * incomplete: the lead is a care provider of the coalition and
 * municipalities never apply alone (T07), two different insurers that are
 * not participants (T08), a single provider only where the modelplan
 * allows it (T17, basic requirement 12) [003 D5], [002 §4.2], [004
 * "Opname basiseisen"]. What this module adds is who the coalition is in
 * the system: the organisation that makes an application is its lead, for
 * good (only the lead edits and submits); every organisation the working
 * document names gets a part, which decides who may read the application
 * and is the register the checks consult.
 *
 * Pure: no store, no HTTP.
 */
#ifndef DOORBRAAK_COALITIE_H
#define DOORBRAAK_COALITIE_H

#include <stddef.h>
#include <stdint.h>

#include "core/aanvraag/aanvraag.h"
#include "core/basis/error.h"

enum coalitie_rol {
	COALITIE_PENVOERDER = 0,
	COALITIE_DEELNEMER,
	COALITIE_COORDINEREND_VERZEKERAAR,
	COALITIE_TWEEDE_VERZEKERAAR,
};

/* Every organisation id of a document, with its part, once per (id, part). */
#define COALITIE_PARTIJEN_MAX (AANVRAAG_DEELNEMERS_MAX + 3)

struct coalitie_partij {
	int64_t organisatie;
	enum coalitie_rol rol;
};

/* "penvoerder", "deelnemer", "coordinerend_verzekeraar", "tweede_verzekeraar". */
const char *coalitie_rol_naam(enum coalitie_rol r);

/* Lists the parties of `a` into out[COALITIE_PARTIJEN_MAX]: the lead
 * `penvoerder` (the organisation that made the application) always, then
 * each participant and the two insurers as far as the document names
 * them. Returns the count. */
size_t coalitie_partijen(const struct aanvraag *a, int64_t penvoerder,
			 struct coalitie_partij out[COALITIE_PARTIJEN_MAX]);

/* The rule of a stored application: the document's lead, when it names
 * one, is the organisation `penvoerder` that made the application.
 * Adds a problem to `e` (field /coalitie/penvoerder, code
 * "penvoerder_ongelijk") when it is not. */
void coalitie_controleer(const struct aanvraag *a, int64_t penvoerder, struct error *e);

#endif
