/*
 * beoordeling.h -- assessment of a submitted application by the
 * coordinating and the second insurer, each on its own, and requests for
 * information.
 *
 * Each insurer gives, per basic requirement 1..14, voldaan / niet_voldaan
 * / niet_van_toepassing with a motivation, and an overall verdict
 * positief / negatief / meer_informatie with a motivation, and declares
 * that it has no conflict of interest [002 §4.2], [001 "Vervolgproces"],
 * [004 "Opname basiseisen"]. An application is positive only when both
 * insurers are positive on the same version (the two-insurer rule).
 *
 * A request for information (verdict meer_informatie) names the fields
 * it asks about as JSON pointers into the document. It reopens exactly
 * those: the lead may change only what lies at or below an asked pointer,
 * and re-submits; that is a new version with the old one kept, and both
 * insurers assess the new version. An insurer sees the other insurer's
 * assessment of a version only after giving its own (or once both are
 * in), so the two judgements stay independent.
 */
#ifndef DOORBRAAK_BEOORDELING_H
#define DOORBRAAK_BEOORDELING_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/aanvraag/informatieverzoek.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"

#define BEOORDELING_BASISEISEN 14
#define BEOORDELING_TEKST_MAX 20000

enum beoordeling_oordeel {
	OORDEEL_POSITIEF = 0,
	OORDEEL_NEGATIEF,
	OORDEEL_MEER_INFORMATIE,
};

enum basiseis_oordeel {
	BASISEIS_VOLDAAN = 0,
	BASISEIS_NIET_VOLDAAN,
	BASISEIS_NIET_VAN_TOEPASSING,
};

const char *beoordeling_oordeel_naam(enum beoordeling_oordeel o);
bool beoordeling_oordeel_uit_naam(const char *naam, enum beoordeling_oordeel *out);
const char *basiseis_oordeel_naam(enum basiseis_oordeel o);

/* One assessment as given (pointers into the request's JSON). */
struct beoordeling_invoer {
	int64_t versie;                       /* the version assessed: must be the newest */
	bool geen_belangenconflict;
	enum beoordeling_oordeel oordeel;
	const char *motivering;
	struct {
		enum basiseis_oordeel oordeel;
		const char *motivering;
	} basiseisen[BEOORDELING_BASISEISEN]; /* index: volgnummer - 1 */
	const char *velden[INFORMATIEVERZOEK_VELDEN_MAX];  /* meer_informatie: the asked pointers */
	size_t veld_aantal;
	const char *vraag;                    /* meer_informatie: what is asked */
};

/* Reads and validates an assessment (docs/indiening.md §6); every problem
 * at once (fields as JSON pointers into `body`): unknown fields, a
 * missing or false conflict-of-interest declaration, a basic requirement
 * missing, twice or unknown, a verdict or motivation missing or blank,
 * positief while a basic requirement is niet_voldaan, meer_informatie
 * without valid pointers and a question, a request with another verdict.
 * *out is written only on RC_OK; strings point into `body`. */
rc_t beoordeling_lees(json_t *body, struct beoordeling_invoer *out, struct error *e);

/* The state of a version's assessments. */
struct beoordeling_stand {
	bool coordinerend_gegeven, tweede_gegeven;
	enum beoordeling_oordeel coordinerend, tweede;
};

/* The two-insurer rule: any meer_informatie -> informatie_gevraagd; both
 * given -> positief when both are positief, else negatief; one given ->
 * in_beoordeling; none -> ingediend. Pure. */
enum aanvraag_status beoordeling_status(const struct beoordeling_stand *st);

/* Stores the assessment of `who` (an assessor of the coordinating or the
 * second insurer of the newest version, after the round closed) in one
 * transaction with the new state and the audit record
 * ("beoordeling.maak"). Refused: an insurer not on the application or a
 * round not yet closed (RC_NOT_FOUND, recorded as a refusal: to such a
 * caller the application does not exist); a verdict on an older version
 * ("versie_verouderd"), a second verdict of the same insurer on a version
 * ("al_beoordeeld"), an application already decided ("afgerond"): all
 * RC_CONFLICT. On success *id_out and *status_out. */
rc_t beoordeling_maak(struct store *s, const struct principal *who, const struct klok *klok,
		      int64_t aanvraag_id, const struct beoordeling_invoer *in, int64_t *id_out,
		      enum aanvraag_status *status_out, struct error *e);

/* One stored assessment. */
struct beoordeling {
	int64_t id, aanvraag_id, versie, verzekeraar_id;
	const char *verzekeraar_rol;      /* "coordinerend" / "tweede" */
	const char *oordeel, *motivering;
	const char *basiseisen;           /* JSON list as stored */
	const char *informatieverzoek;    /* JSON object {velden, vraag}, or NULL */
	const char *beoordeeld_door, *beoordeeld_op;
};

/* The assessments of an application that `toegang` (for `who`) may see:
 * everything for the auditor; for an insurer its own and, per version,
 * the other's once its own is in or both are; for the coalition those of
 * a version once both are in or one asks for information. */
rc_t beoordeling_lijst(struct store *s, struct arena *arena, const struct principal *who,
		       enum aanvraag_toegang toegang, int64_t aanvraag_id,
		       struct beoordeling **out, size_t *n, struct error *e);

/* The fields open for `who` while the insurers wait for more information
 * (status informatie_gevraagd): the union of the pointers asked on the
 * current version in the assessments who may see (beoordeling_lijst), as
 * a JSON list in *out (new reference). Any other status: *out = NULL.
 * A failure to read is returned, never an empty list. */
rc_t beoordeling_open_velden_zichtbaar(struct store *s, struct arena *arena,
				       const struct principal *who, enum aanvraag_toegang toegang,
				       const struct aanvraagdossier *d, json_t **out,
				       struct error *e);

/* One assessment as the API shows it. New reference. */
json_t *beoordeling_json(const struct beoordeling *b);

#endif
