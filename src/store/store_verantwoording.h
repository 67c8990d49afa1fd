/*
 * store_verantwoording.h -- the SQL of the accountability
 * (core/verantwoording/verantwoording_dossier.c; tables in
 * migrations/012_verantwoording.sql). Inside store_tx(); rows in the
 * caller's arena.
 */
#ifndef DOORBRAAK_STORE_VERANTWOORDING_H
#define DOORBRAAK_STORE_VERANTWOORDING_H

#include "store/store.h"

enum store_kader_kolom { SVK_JAAR, SVK_TOLERANTIE, SVK_ACCOUNTANT, SVK_DEADLINE, SVK_DEADLINE_US,
			 SVK_OP, SVK_DOOR };

/* Sets the framework of a year (insert or replace). */
rc_t store_verantwoordingskader_zet(struct store *s, int64_t jaar, int64_t tolerantie_bp,
				    int64_t accountant_vanaf_cent, const char *deadline, int64_t deadline_us,
				    const char *op, const char *door, struct error *e);
/* The framework of `jaar` (0 or 1 rows), or every year when jaar is 0. */
rc_t store_verantwoordingskader_lees(struct store *s, int64_t jaar, struct arena *arena,
				     struct store_rows *out, struct error *e);

enum store_verantwoording_kolom {
	SVW_ID, SVW_BESCHIKKING, SVW_JAAR, SVW_VERSIE, SVW_COMPLEET, SVW_TOTAAL, SVW_AANVAARDBAAR,
	SVW_TE_LAAT, SVW_OP, SVW_DOOR, SVW_DOCUMENT, SVW_BEVINDINGEN,
};

struct store_verantwoording {
	int64_t beschikking_id, jaar, versie;
	const char *document, *bevindingen;
	bool compleet, te_laat;
	int64_t totaal_cent, aanvaardbaar_cent;
	const char *op, *door;
};

rc_t store_verantwoording_voeg_toe(struct store *s, const struct store_verantwoording *v, int64_t *id_out,
				   struct error *e);
/* The accountabilities of a beschikking, by year and version. */
rc_t store_verantwoording_lijst(struct store *s, int64_t beschikking_id, struct arena *arena,
				struct store_rows *out, struct error *e);

/* One accountability by id (SVW_ columns; 0 or 1 rows). */
rc_t store_verantwoording_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			       struct error *e);

enum store_plausibiliteit_kolom { SPT_ID, SPT_VERANTWOORDING, SPT_OORDELEN, SPT_PLAUSIBEL, SPT_OP, SPT_DOOR };

rc_t store_plausibiliteit_voeg_toe(struct store *s, int64_t verantwoording_id, const char *oordelen,
				   int64_t plausibel_cent, const char *op, const char *door, int64_t *id_out,
				   struct error *e);
/* The test of an accountability (0 or 1 rows). */
rc_t store_plausibiliteit_lees(struct store *s, int64_t verantwoording_id, struct arena *arena,
			       struct store_rows *out, struct error *e);

/* ---- the request for information on an accountability version ------------ */

enum store_verantwoording_verzoek_kolom { SVZ_VRAAG, SVZ_OP, SVZ_DOOR };
rc_t store_verantwoording_verzoek_voeg_toe(struct store *s, int64_t verantwoording_id, const char *vraag,
					   const char *op, const char *door, struct error *e);
/* The request on version `verantwoording_id` (0 or 1 rows). */
rc_t store_verantwoording_verzoek_lees(struct store *s, int64_t verantwoording_id, struct arena *arena,
				       struct store_rows *out, struct error *e);

/* ---- the insurer's yearly statement -------------------------------------- */

enum store_jaarproject_kolom { SJP_BESCHIKKING, SJP_KENMERK, SJP_AANVRAAG, SJP_BETAALD, SJP_TERUG,
			       SJP_VERANTWOORDING, SJP_PLAUSIBEL, SJP_GETOETST, SJP_JAARVERDELING,
			       SJP_NETTO_TOT, SJP_GECORRIGEERD };

/* Per beschikking granted with insurer `verzekeraar` coordinating: what it
 * paid for milestones in `jaar` (payment rows; SJP_GECORRIGEERD the
 * corrections made in the year, signed), what was reclaimed in `jaar` (ledger entries
 * verantwoording.terugvordering booked in the year), the newest version of
 * the accountability of `jaar` (id or NULL) and its plausible amount (NULL
 * when untested; SJP_GETOETST 1/0), the beschikking's years (its
 * jaarverdeling JSON), and what was paid less reclaimed up to and including
 * `jaar` (SJP_NETTO_TOT). Every granted beschikking of the insurer. */
rc_t store_jaarstaat_projecten(struct store *s, int64_t verzekeraar, int64_t jaar, struct arena *arena,
			       struct store_rows *out, struct error *e);

/* Per beschikking of insurer `verzekeraar` and year up to and including
 * `jaar`: the plausible amount of the year's tested accountability
 * (beschikking_id, jaar, plausibel_cent). */
enum store_plausibel_kolom { SPJ_BESCHIKKING, SPJ_JAAR, SPJ_PLAUSIBEL };
rc_t store_plausibel_tot(struct store *s, int64_t verzekeraar, int64_t jaar, struct arena *arena,
			 struct store_rows *out, struct error *e);

/* The ledger's side of the reconciliation of insurer `verzekeraar` with
 * account `rekening` (verzekeraar/<uzovi>/betaald) for `jaar`:
 *   out[0] the ledger amounts of the entries the year's payment and
 *          correction rows name (a mijlpaal.betaling credited to
 *          `rekening` counts +, a mijlpaal.correctie credited + and debited
 *          -, any other entry 0); out[1] the same from the rows' own amounts;
 *   out[2] the ledger amounts of the entries the year's reclaim rows name
 *          (verantwoording.terugvordering debited to `rekening`); out[3]
 *          the rows' own;
 *   out[4] every year: the ledger's net credit of `rekening` by
 *          mijlpaal.betaling and mijlpaal.correctie; out[5] the insurer's
 *          payment and correction rows; out[6] the ledger's debits by
 *          verantwoording.terugvordering; out[7] the insurer's reclaim rows.
 * The statement reconciles when out[0] == out[1], out[2] == out[3],
 * out[4] == out[5] and out[6] == out[7]. */
rc_t store_jaarstaat_grootboek(struct store *s, int64_t verzekeraar, const char *rekening, int64_t jaar,
			       int64_t out[8], struct error *e);

/* The number of years of beschikking `beschikking_id` with a tested
 * accountability. */
rc_t store_getoetste_jaren(struct store *s, int64_t beschikking_id, int64_t *out, struct error *e);

/* Records the reclaim of beschikking `beschikking_id` (docs/verantwoording.md §4). */
rc_t store_terugvordering_voeg_toe(struct store *s, int64_t beschikking_id, int64_t bedrag, int64_t jaar,
				   int64_t verzekeraar, int64_t boeking_id, const char *op, struct error *e);

enum store_jaarstaat_kolom { SJS_ID, SJS_VERZEKERAAR, SJS_JAAR, SJS_REGELS, SJS_BETAALD, SJS_TERUG,
			     SJS_PLAUSIBEL, SJS_OP, SJS_DOOR, SJS_TE_VEREFFENEN, SJS_GECORRIGEERD };

struct store_jaarstaat {
	int64_t verzekeraar, jaar;
	const char *regels;
	int64_t betaald, gecorrigeerd, terug, plausibel, te_vereffenen;
	const char *op, *door;
};
rc_t store_jaarstaat_voeg_toe(struct store *s, const struct store_jaarstaat *j, int64_t *id_out,
			      struct error *e);
/* Statements of `verzekeraar` (0: all) in `jaar` (0: all), by year and insurer. */
rc_t store_jaarstaat_lijst(struct store *s, int64_t verzekeraar, int64_t jaar, struct arena *arena,
			   struct store_rows *out, struct error *e);

/* ---- NZa's yearly judgement ---------------------------------------------- */

/* Statement `id` (SJS_ columns; 0 or 1 rows). */
rc_t store_jaarstaat_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			  struct error *e);

enum store_rechtsoordeel_kolom { SRO_ID, SRO_JAARSTAAT, SRO_OORDEEL, SRO_ERKEND, SRO_MOTIVERING,
				 SRO_BEVINDINGEN, SRO_OP, SRO_DOOR };

rc_t store_rechtsoordeel_voeg_toe(struct store *s, int64_t jaarstaat, const char *oordeel, int64_t erkend,
				  const char *motivering, const char *bevindingen, const char *op,
				  const char *door, int64_t *id_out, struct error *e);
/* The judgement of statement `jaarstaat` (0 or 1 rows). */
rc_t store_rechtsoordeel_lees(struct store *s, int64_t jaarstaat, struct arena *arena, struct store_rows *out,
			      struct error *e);

/* ---- the Zorginstituut's settlement ------------------------------------- */

enum store_verevening_kolom { SVV_ID, SVV_VERZEKERAAR, SVV_JAAR, SVV_OORDEEL, SVV_BEDRAG, SVV_BOEKING, SVV_OP,
			      SVV_DOOR, SVV_UZOVI, SVV_NAAM };

rc_t store_verevening_voeg_toe(struct store *s, int64_t verzekeraar, int64_t jaar, int64_t rechtsoordeel,
			       int64_t bedrag, int64_t boeking, const char *op, const char *door, int64_t *id_out,
			       struct error *e);
/* Settlements of `verzekeraar` (0: all) in `jaar` (0: all), with the
 * insurer's UZOVI code and name, by year and insurer. */
rc_t store_verevening_lijst(struct store *s, int64_t verzekeraar, int64_t jaar, struct arena *arena,
			    struct store_rows *out, struct error *e);

#endif
