/*
 * jaarstaat.h -- the insurer's yearly statement to NZa (issue 15;
 * docs/verantwoording.md §5): per insurer per year, every project it
 * coordinates with what it paid for milestones in the year, what was
 * reclaimed in the year and what it judged plausible of the year's
 * accountability [001 §5]. It is submitted only when every project year
 * is tested and its totals reconcile with the ledger to the cent; then it
 * is the input of NZa's yearly judgement (jaarstaat_rechtsoordeel). One
 * per insurer and year.
 */
#ifndef DOORBRAAK_JAARSTAAT_H
#define DOORBRAAK_JAARSTAAT_H

#include <jansson.h>

#include "core/basis/klok.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

/* The insurer of `who` (an insurer's assessor) submits its statement of
 * `jaar`. Refused with every problem at once: a year out of range
 * (RC_INVALID); a project year not tested ("niet_getoetst", per project),
 * rows that do not reconcile with the ledger ("sluit_niet_aan"), a year
 * submitted before ("al_ingediend"), a later year already stated
 * ("latere_jaarstaat"), a negative amount for risk equalisation
 * ("negatief"): RC_CONFLICT, nothing stored. te_vereffenen_cent: per
 * project cumulatively max(0, min(plausible, paid - reclaimed)) up to the
 * year, less the previous statement's (docs/verantwoording.md §5). One
 * transaction with its audit record. *out: the statement (new reference). */
rc_t jaarstaat_dien_in(struct store *s, const struct principal *who, const struct klok *klok, int64_t jaar,
		       struct arena *arena, json_t **out, struct error *e);

/* Who reads statements, judgements and settlements (docs/verantwoording.md):
 * NZa, the Zorginstituut, the auditor, the board and the programme office
 * every insurer's (*verzekeraar 0); an insurer's assessor its own
 * (*verzekeraar its organisation); anyone else RC_FORBIDDEN. */
rc_t jaarstaat_lezer(const struct principal *who, int64_t *verzekeraar, struct error *e);

/* The statements `who` may read (NZa, the Zorginstituut, the auditor:
 * all; an insurer: its own) of `jaar` (0: every year), as
 * {"jaarstaten": [...]} (new reference). */
rc_t jaarstaat_lijst(struct store *s, const struct principal *who, int64_t jaar, struct arena *arena,
		     json_t **out, struct error *e);

/* NZa gives its yearly administrative judgement on statement
 * `jaarstaat_id` [001 §5], [001 §7] from {"oordeel": "plausibel" | "lager" |
 * "niet_plausibel", "erkend_cent"?, "motivering", "bevindingen"?:
 * [{"code", "bron", "tekst"}]}: plausible recognises the statement's
 * te_vereffenen_cent, lower a smaller positive amount, not plausible
 * nothing; lower and not plausible name at least one finding with its
 * source. Only the recognised amount (erkend_cent) may go into risk
 * equalisation. Every problem at once (RC_INVALID); an unknown statement
 * RC_NOT_FOUND; judged before ("al_geoordeeld") RC_CONFLICT. One
 * transaction with its audit record ("rechtsoordeel.geef"). *out: the
 * statement with its judgement. */
rc_t jaarstaat_rechtsoordeel(struct store *s, const struct principal *who, const struct klok *klok,
			     int64_t jaarstaat_id, json_t *body, struct arena *arena, json_t **out,
			     struct error *e);

#endif
