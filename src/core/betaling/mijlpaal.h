/*
 * mijlpaal.h -- the milestones of a beschikking as prestaties
 * (DOMAIN.md §4 step 10): the lead reports a milestone reached with its
 * evidence; the coordinating insurer verifies it and pays the milestone's
 * tariff (a free tariff [001 §2], by default the amount planned for it in
 * the application). The payment is a ledger entry
 *
 *     project/<aanvraag> -> verzekeraar/<uzovi>/betaald
 *
 * with key "mijlpaal/<aanvraag>/<mijlpaal>/betaling", in the year it is
 * paid (recorded). project/<aanvraag> is a capped account holding exactly
 * the upper bound, so the sum of tariffs can never exceed the upper bound
 * [001 §2, §7]; the key, and the payment's primary key in the database,
 * make a second payment of one milestone impossible.
 */
#ifndef DOORBRAAK_MIJLPAAL_H
#define DOORBRAAK_MIJLPAAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/basis/klok.h"
#include "core/bijlage/bijlage.h"
#include "core/toegang/toegang.h"

#define MIJLPAAL_ID_MAX 64
#define MIJLPAAL_BEWIJS_MAX 20000
#define MIJLPAAL_KENMERK_MAX 200

/* A correction of a milestone's payment: a compensating entry, signed. */
struct mijlpaal_correctie {
	int64_t volgnummer, bedrag_cent, jaar, boeking_id;
	const char *reden, *op, *door;
};

/* One milestone of a beschikking with its report, payment and corrections
 * (gecorrigeerd_cent their sum: what was paid net is betaald_cent plus it). */
struct mijlpaal {
	const char *id, *streefdatum;
	int64_t gepland_cent;
	bool gemeld;
	const char *bewijs, *kenmerk, *gemeld_op, *gemeld_door;
	bool betaald;
	int64_t betaald_cent, jaar, boeking_id;
	const char *betaald_op, *betaald_door;
	int64_t gecorrigeerd_cent;
	struct mijlpaal_correctie *correcties;
	size_t correctie_n;
};

/* The milestones of beschikking `beschikking_id` for `who` (who may read
 * it: beschikking_open), with *bovengrens and what is left of it
 * (*resterend: the room of project/<aanvraag>). */
rc_t mijlpaal_lijst(struct store *s, struct arena *arena, const struct principal *who,
		    int64_t beschikking_id, struct mijlpaal **out, size_t *n,
		    int64_t *bovengrens_cent, int64_t *resterend_cent, struct error *e);

/* True when `id` is a well-formed milestone id ([a-z0-9_-], 1..64). */
bool mijlpaal_id_geldig(const char *id);

/* Reads {"bewijs", "kenmerk"?} of a report; every problem at once. */
rc_t mijlpaal_lees_melding(json_t *body, const char **bewijs, const char **kenmerk,
			   struct error *e);

/* Reads {"bedrag_cent"?} of a payment; *gegeven false when absent. */
rc_t mijlpaal_lees_betaling(json_t *body, bool *gegeven, int64_t *bedrag_cent, struct error *e);

/* The lead (aanvrager of the penvoerder) reports milestone `mijlpaal`
 * reached. Refused: a beschikking the caller may not see or a milestone it
 * does not have (RC_NOT_FOUND); another party (RC_FORBIDDEN); a refused
 * beschikking ("niet_verleend") or a milestone reported before
 * ("al_gemeld"): RC_CONFLICT. One transaction with its audit record. */
rc_t mijlpaal_meld(struct store *s, const struct principal *who, const struct klok *klok,
		   int64_t beschikking_id, const char *mijlpaal, const char *bewijs,
		   const char *kenmerk, struct error *e);

/* The coordinating insurer pays milestone `mijlpaal`: `bedrag_cent` when
 * `gegeven`, else the planned amount. Refused: not reported
 * ("niet_gemeld"), paid before ("al_betaald"), more than is left of the
 * upper bound ("boven_bovengrens", with what is left), every year of the
 * project tested ("project_afgerond"), in a year whose yearly statement the
 * insurer already submitted ("jaarstaat_ingediend"):
 * RC_CONFLICT and the ledger unchanged; a beschikking the caller may not see: RC_NOT_FOUND;
 * another party: RC_FORBIDDEN. Writes the payment to *out. */
rc_t mijlpaal_betaal(struct store *s, const struct principal *who, const struct klok *klok,
		     int64_t beschikking_id, const char *mijlpaal, bool gegeven, int64_t bedrag_cent,
		     struct arena *arena, struct mijlpaal *out, struct error *e);

/* Evidence as files (core/bijlage, docs/bijlagen.md): the lead adds a
 * file to milestone `mijlpaal` while it is not paid; the type is decided
 * by the content first (415 "type_niet_toegestaan", 413, 400
 * "bijlage_leeg"), then access as for a report (RC_NOT_FOUND, the lead
 * only: RC_FORBIDDEN), a refused beschikking ("niet_verleend") or a paid
 * milestone ("al_betaald"): RC_CONFLICT. Stored as an attachment of
 * "mijlpaal/<beschikking>/<mijlpaal>" with its audit record; *out in
 * arena. */
rc_t mijlpaal_bijlage_voeg_toe(struct store *s, const struct principal *who, const struct klok *klok,
			       int64_t beschikking_id, const char *mijlpaal, const char *naam,
			       const void *data, size_t len, struct arena *arena, struct bijlage *out,
			       struct error *e);

/* The files of a milestone, for who may read the beschikking. */
rc_t mijlpaal_bijlagen(struct store *s, struct arena *arena, const struct principal *who,
		       int64_t beschikking_id, const char *mijlpaal, struct bijlage **out, size_t *n,
		       struct error *e);

json_t *mijlpaal_json(const struct mijlpaal *m);

#endif
