/*
 * store_sociaal.h -- the SQL of the social-domain track (migration 019;
 * docs/sociaal-domein.md). Every function runs inside the caller's
 * store_tx(); rows are copied into the caller's arena. Columns come back
 * in the order of the *_KOLOMMEN comment of each function.
 */
#ifndef DOORBRAAK_STORE_SOCIAAL_H
#define DOORBRAAK_STORE_SOCIAAL_H

#include "store/store.h"

/* ---- versioned data: regioindeling, beoordelingskader, verdeelsleutel ---- */

/* Stores version `versie` of `soort`; RC_CONFLICT (via the UNIQUE key) is
 * the store's error when a concurrent writer took the number. */
rc_t store_vaststelling_voeg_toe(struct store *s, const char *soort, int64_t versie, const char *document,
				 const char *op, const char *door, struct error *e);

/* Versions of `soort` (versie 0: all, newest first; else that one):
 * versie, document, vastgesteld_op, vastgesteld_door. */
rc_t store_vaststelling_lees(struct store *s, const char *soort, int64_t versie, struct arena *a,
			     struct store_rows *out, struct error *e);

/* ---- regioscan ---- */

rc_t store_regioscan_voeg_toe(struct store *s, const char *regio, const char *meting, int64_t versie,
			      int64_t indeling, const char *document, const char *op, const char *door,
			      int64_t *id, struct error *e);

/* Scans, newest version per region and measurement only when `nieuwste`;
 * filtered by region and/or measurement when not NULL: id, regio_code,
 * meting, versie, regioindeling_versie, document, ingevoerd_op,
 * ingevoerd_door. Ordered by region, measurement, version. */
rc_t store_regioscan_lijst(struct store *s, const char *regio, const char *meting, bool nieuwste,
			   struct arena *a, struct store_rows *out, struct error *e);

/* One scan by id (same columns). */
rc_t store_regioscan_lees(struct store *s, int64_t id, struct arena *a, struct store_rows *out,
			  struct error *e);

/* ---- werkagenda ---- */

/* WERKAGENDA_KOLOMMEN: id, regio_code, versie, regioindeling_versie,
 * regioscan_id, status, document, begroting_cent, opgesteld_op,
 * opgesteld_door, organisatie_id, ingediend_op, definitief_op. */
enum { SW_ID, SW_REGIO, SW_VERSIE, SW_INDELING, SW_SCAN, SW_STATUS, SW_DOCUMENT, SW_BEGROTING,
       SW_OPGESTELD_OP, SW_OPGESTELD_DOOR, SW_ORGANISATIE, SW_INGEDIEND_OP, SW_DEFINITIEF_OP };

rc_t store_werkagenda_voeg_toe(struct store *s, const char *regio, int64_t versie, int64_t indeling,
			       int64_t scan_id, const char *document, int64_t begroting_cent, const char *op,
			       const char *door, int64_t organisatie_id, int64_t *id, struct error *e);

/* Replaces the document of a concept. */
rc_t store_werkagenda_wijzig(struct store *s, int64_t id, int64_t indeling, int64_t scan_id,
			     const char *document, int64_t begroting_cent, const char *op, const char *door,
			     struct error *e);

/* Sets the status; `moment` goes to ingediend_op (ter_ondertekening) or
 * definitief_op (definitief). */
rc_t store_werkagenda_status(struct store *s, int64_t id, const char *status, const char *moment,
			     struct error *e);

rc_t store_werkagenda_lees(struct store *s, int64_t id, struct arena *a, struct store_rows *out,
			   struct error *e);

/* Versions of a region (NULL: all regions), newest version first per region. */
rc_t store_werkagenda_lijst(struct store *s, const char *regio, struct arena *a, struct store_rows *out,
			    struct error *e);

/* ---- signatures and assessments ---- */

rc_t store_ondertekening_voeg_toe(struct store *s, int64_t werkagenda_id, const char *cbs, int64_t organisatie_id,
				  const char *besluitdatum, const char *kenmerk, int64_t bijlage_id, const char *op,
				  const char *door, struct error *e);

/* cbs_code, organisatie_id, besluitdatum, kenmerk, bijlage_id,
 * ondertekend_op, ondertekend_door; by municipality. */
rc_t store_ondertekening_lijst(struct store *s, int64_t werkagenda_id, struct arena *a, struct store_rows *out,
			       struct error *e);

rc_t store_sociaal_beoordeling_voeg_toe(struct store *s, int64_t werkagenda_id, const char *partij,
					int64_t organisatie_id, int64_t kader_versie, const char *oordeel,
					const char *document, const char *op, const char *door, struct error *e);

/* partij, organisatie_id, kader_versie, oordeel, document, beoordeeld_op,
 * beoordeeld_door; vng first. */
rc_t store_sociaal_beoordeling_lijst(struct store *s, int64_t werkagenda_id, struct arena *a,
				     struct store_rows *out, struct error *e);

/* ---- SPUK ---- */

rc_t store_spuk_toekenning_voeg_toe(struct store *s, int64_t jaar, const char *niveau, int64_t sleutel_versie,
				    int64_t indeling, int64_t pot_cent, const char *document, const char *op,
				    const char *door, int64_t *id, struct error *e);

/* id, jaar, niveau, sleutel_versie, regioindeling_versie, pot_cent,
 * document, toegekend_op, toegekend_door; jaar 0: all, by year. */
rc_t store_spuk_toekenning_lijst(struct store *s, int64_t jaar, struct arena *a, struct store_rows *out,
				 struct error *e);

rc_t store_spuk_beschikking_voeg_toe(struct store *s, int64_t toekenning_id, int64_t jaar, const char *kenmerk,
				     const char *cbs, const char *regio, int64_t organisatie_id, int64_t bedrag_cent,
				     int64_t reservering_id, int64_t *id, struct error *e);

/* SPUK_KOLOMMEN: b.id, toekenning_id, jaar, kenmerk, cbs_code, regio_code,
 * organisatie_id, bedrag_cent, reservering_id, t.niveau, t.toegekend_op,
 * t.sleutel_versie, betaling bedrag_cent, betaald_op, besteed (sum),
 * teruggevorderd (sum), eind (max), t.toegekend_door. Filters: id (0: any), cbs (NULL: any),
 * jaar (0: any). */
enum { SB_ID, SB_TOEKENNING, SB_JAAR, SB_KENMERK, SB_CBS, SB_REGIO, SB_ORGANISATIE, SB_BEDRAG, SB_RESERVERING,
       SB_NIVEAU, SB_TOEGEKEND_OP, SB_SLEUTEL, SB_BETAALD, SB_BETAALD_OP, SB_BESTEED, SB_TERUG, SB_EIND,
       SB_TOEGEKEND_DOOR };
rc_t store_spuk_beschikking_lijst(struct store *s, int64_t id, const char *cbs, int64_t jaar, struct arena *a,
				  struct store_rows *out, struct error *e);

rc_t store_spuk_betaling_voeg_toe(struct store *s, int64_t beschikking_id, int64_t bedrag_cent, int64_t boeking_id,
				  const char *op, const char *door, struct error *e);

rc_t store_spuk_verantwoording_voeg_toe(struct store *s, int64_t beschikking_id, int64_t jaar, int64_t besteed_cent,
					bool eind, int64_t terug_cent, int64_t boeking_id, const char *document,
					const char *op, const char *door, struct error *e);

/* jaar, besteed_cent, eind, teruggevorderd_cent, boeking_id, document,
 * ingediend_op, ingediend_door; by year. */
rc_t store_spuk_verantwoording_lijst(struct store *s, int64_t beschikking_id, struct arena *a,
				     struct store_rows *out, struct error *e);

/* ---- progress ---- */

rc_t store_voortgang_voeg_toe(struct store *s, const char *regio, const char *periode, int64_t versie,
			      const char *document, int64_t besteed_cent, const char *op, const char *door,
			      int64_t *id, struct error *e);

/* id, regio_code, periode, versie, document, besteed_cent, ingediend_op,
 * ingediend_door; the newest version per region and period only when
 * `nieuwste`; filtered by region/period when not NULL. */
rc_t store_voortgang_lijst(struct store *s, const char *regio, const char *periode, bool nieuwste,
			   struct arena *a, struct store_rows *out, struct error *e);

#endif
