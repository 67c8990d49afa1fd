/*
 * store_beschikking.h -- the SQL of the joint request to NZa, the
 * beschikking and the milestones (see core/beschikking/nza_aanvraag.h,
 * core/beschikking.h, core/mijlpaal.h, core/grootboekoverzicht.h; tables
 * in migrations/007_beschikking.sql), and the board's grants it reads
 * (table toekenning of the board's decision).
 *
 * Every function runs inside store_tx(); rows are copied into the
 * caller's arena. Decisions, signatures, reports and payments are only
 * ever added; of a joint request only its status changes.
 */
#ifndef DOORBRAAK_STORE_BESCHIKKING_H
#define DOORBRAAK_STORE_BESCHIKKING_H

#include <stdbool.h>

#include "store/store.h"

/* ---- the board's grants ------------------------------------- */

/* The grants of application `aanvraag_id`, by year: thema, jaar,
 * bedrag_cent. No rows: not granted. */
rc_t store_toekenning_lees(struct store *s, int64_t aanvraag_id, struct arena *arena,
			   struct store_rows *out, struct error *e);

/* ---- joint requests ------------------------------------------------------ */

#define STORE_NZA_KOLOMMEN \
	"n.id, n.aanvraag_id, n.versie, n.thema, n.toegekend_cent, n.bovengrens_cent," \
	" n.jaarverdeling, n.verklaringen, n.contract_datum, n.contract_kenmerk, n.sha256," \
	" n.status, n.ingediend_op, n.aangemaakt_op, n.aangemaakt_door, n.demo," \
	" a.penvoerder_id, a.coordinerend_verzekeraar_id, a.tweede_verzekeraar_id"

enum store_nza_kolom {
	SN_ID, SN_AANVRAAG, SN_VERSIE, SN_THEMA, SN_TOEGEKEND, SN_BOVENGRENS, SN_JAREN,
	SN_VERKLARINGEN, SN_CONTRACT_DATUM, SN_CONTRACT_KENMERK, SN_SHA256, SN_STATUS,
	SN_INGEDIEND_OP, SN_AANGEMAAKT_OP, SN_AANGEMAAKT_DOOR, SN_DEMO, SN_PENVOERDER,
	SN_COORDINEREND, SN_TWEEDE,
};

struct store_nza_aanvraag {
	int64_t aanvraag_id, versie;
	const char *thema;
	int64_t toegekend_cent, bovengrens_cent;
	const char *jaarverdeling, *verklaringen;   /* JSON texts */
	const char *contract_datum, *contract_kenmerk, *sha256;
	const char *aangemaakt_op, *aangemaakt_door;
	bool demo;
};

rc_t store_nza_aanvraag_insert(struct store *s, const struct store_nza_aanvraag *n,
			       int64_t *id_out, struct error *e);
rc_t store_nza_aanvraag_lees(struct store *s, int64_t id, struct arena *arena,
			     struct store_rows *out, struct error *e);
rc_t store_nza_aanvraag_bij_aanvraag(struct store *s, int64_t aanvraag_id, struct arena *arena,
				     struct store_rows *out, struct error *e);

/* Sets the status from `van` to `naar` (and ingediend_op when not NULL);
 * RC_CONFLICT when the request is no longer in status `van`. */
rc_t store_nza_aanvraag_status(struct store *s, int64_t id, const char *van, const char *naar,
			       const char *ingediend_op, struct error *e);

/* Filters of the list (0 / NULL: none). `organisatie`: only requests of
 * applications where it is lead or an insurer; `alleen_ingediend`: not
 * those still awaiting signatures. */
struct store_nza_filter {
	int64_t organisatie;
	bool alleen_ingediend;
	const char *status, *thema;
	int64_t na, limiet;
};
rc_t store_nza_aanvraag_lijst(struct store *s, const struct store_nza_filter *f,
			      struct arena *arena, struct store_rows *out, struct error *e);

/* ---- signatures ------------------------------------------------------------ */

enum store_ondertekening_kolom { SO_PARTIJ, SO_ORGANISATIE, SO_SHA256, SO_DOOR, SO_OP };

rc_t store_ondertekening_insert(struct store *s, int64_t nza_aanvraag_id, const char *partij,
				int64_t organisatie_id, const char *sha256, const char *door,
				const char *op, struct error *e);
rc_t store_ondertekeningen(struct store *s, int64_t nza_aanvraag_id, struct arena *arena,
			   struct store_rows *out, struct error *e);

/* ---- decisions -------------------------------------------------------------- */

#define STORE_BESCHIKKING_KOLOMMEN \
	"b.id, b.nza_aanvraag_id, b.aanvraag_id, b.kenmerk, b.besluit, b.bovengrens_cent," \
	" b.jaarverdeling, b.motivering, b.bevindingen, b.mijlpalen, b.genomen_op, b.genomen_door," \
	" n.thema, a.penvoerder_id, a.coordinerend_verzekeraar_id, a.tweede_verzekeraar_id, a.titel"

enum store_beschikking_kolom {
	SBK_ID, SBK_NZA, SBK_AANVRAAG, SBK_KENMERK, SBK_BESLUIT, SBK_BOVENGRENS, SBK_JAREN,
	SBK_MOTIVERING, SBK_BEVINDINGEN, SBK_MIJLPALEN, SBK_GENOMEN_OP, SBK_GENOMEN_DOOR,
	SBK_THEMA, SBK_PENVOERDER, SBK_COORDINEREND, SBK_TWEEDE, SBK_TITEL,
};

struct store_beschikking {
	int64_t nza_aanvraag_id, aanvraag_id;
	const char *kenmerk, *besluit;
	int64_t bovengrens_cent;
	const char *jaarverdeling, *motivering, *bevindingen, *mijlpalen;  /* JSON / text */
	const char *genomen_op, *genomen_door;
};

rc_t store_beschikking_insert(struct store *s, const struct store_beschikking *b,
			      int64_t *id_out, struct error *e);
rc_t store_beschikking_lees(struct store *s, int64_t id, struct arena *arena,
			    struct store_rows *out, struct error *e);
/* By id after `na`, at most `limiet`; `organisatie` > 0: only those of
 * applications where it is lead, participant or an insurer. */
rc_t store_beschikking_lijst(struct store *s, int64_t organisatie, int64_t na, int64_t limiet,
			     struct arena *arena, struct store_rows *out, struct error *e);

/* ---- milestones ------------------------------------------------------------- */

enum store_melding_kolom { SM_MIJLPAAL, SM_BEWIJS, SM_KENMERK, SM_OP, SM_DOOR };
enum store_betaling_kolom {
	SBT_MIJLPAAL, SBT_BEDRAG, SBT_JAAR, SBT_VERZEKERAAR, SBT_BOEKING, SBT_OP, SBT_DOOR,
};

rc_t store_melding_insert(struct store *s, int64_t beschikking_id, const char *mijlpaal,
			  const char *bewijs, const char *kenmerk, const char *op,
			  const char *door, struct error *e);
rc_t store_meldingen(struct store *s, int64_t beschikking_id, struct arena *arena,
		     struct store_rows *out, struct error *e);
rc_t store_betaling_insert(struct store *s, int64_t beschikking_id, const char *mijlpaal,
			   int64_t bedrag_cent, int64_t jaar, int64_t verzekeraar_id,
			   int64_t boeking_id, const char *op, const char *door, struct error *e);
rc_t store_betalingen(struct store *s, int64_t beschikking_id, struct arena *arena,
		      struct store_rows *out, struct error *e);

/* Corrections of payments (compensating entries, signed amounts), per
 * milestone in the order they were made. */
enum store_correctie_kolom {
	SCO_MIJLPAAL, SCO_VOLGNUMMER, SCO_BEDRAG, SCO_JAAR, SCO_BOEKING, SCO_REDEN, SCO_OP, SCO_DOOR,
};
struct store_correctie {
	int64_t beschikking_id;
	const char *mijlpaal;
	int64_t volgnummer, bedrag_cent, jaar, verzekeraar_id, boeking_id;
	const char *reden, *op, *door;
};
rc_t store_correctie_insert(struct store *s, const struct store_correctie *c, struct error *e);
rc_t store_correcties(struct store *s, int64_t beschikking_id, struct arena *arena,
		      struct store_rows *out, struct error *e);

/* What was paid for the milestones of beschikking `beschikking_id`, corrections
 * included (net, in cents). */
rc_t store_betaald_netto(struct store *s, int64_t beschikking_id, int64_t *out, struct error *e);

/* ---- the overview ------------------------------------------------------------ */

/* Every application with a grant or a joint request: id, thema,
 * coordinating and second insurer, the coordinating insurer's UZOVI code
 * and name, the lead. */
enum store_project_kolom {
	SPR_AANVRAAG, SPR_THEMA, SPR_COORDINEREND, SPR_TWEEDE, SPR_UZOVI, SPR_VERZEKERAAR_NAAM,
	SPR_PENVOERDER,
};
rc_t store_projecten(struct store *s, struct arena *arena, struct store_rows *out,
		     struct error *e);

/* Payments summed per application and year, corrections included:
 * aanvraag_id, jaar, bedrag_cent. */
rc_t store_betalingen_per_jaar(struct store *s, struct arena *arena, struct store_rows *out,
			       struct error *e);

/* The parties of an application with their names: rol, naam, organisatie_id, plaats
 * (penvoerder, deelnemer, coordinerend_verzekeraar, tweede_verzekeraar). */
rc_t store_beschikking_partijen(struct store *s, int64_t aanvraag_id, struct arena *arena,
				struct store_rows *out, struct error *e);

/* An organisation's name and UZOVI code (NULL when it has none). */
rc_t store_organisatie_naam(struct store *s, int64_t id, struct arena *arena,
			    const char **naam, const char **uzovi, struct error *e);

#endif
