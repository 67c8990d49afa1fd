/*
 * sociaal.h -- the social-domain track (DOMAIN.md §5; issue 16;
 * docs/sociaal-domein.md): EUR 2 x 100 mln through municipalities
 * [001 "Transformeren op het snijvlak"], [002 §4.3], [003 D5].
 *
 * The steps, each a function below that takes the caller (`who`), checks
 * the rule of the step with its source, and writes in one transaction with
 * its audit record; JSON in, JSON out (a new reference in *out):
 *
 *   vaststellingen  versioned data published by a body: the region set and
 *                   the regioscan's scale (programme office), the
 *                   assessment framework (board), the distribution key (VWS)
 *   regioscan       per region and measurement (nulmeting, 2027, 2028) the
 *                   level of each basisfunctionaliteit and the joint advice
 *   werkagenda      per region, by the mandaatgemeente: per
 *                   basisfunctionaliteit accelerated or not, goals, labour
 *                   saving, activities, budget per year; deviations from the
 *                   scan's advice need a motivation (pas toe of leg uit);
 *                   every municipality of the region signs; then final
 *   beoordeling     VNG and ZN assess each final agenda as equals, against
 *                   the board's framework (the two-party rule)
 *   SPUK            VWS allocates a year's pot with the key (largest
 *                   remainder, exact to the cent), one decision per
 *                   receiving municipality, pays it once the region's agenda
 *                   is final and positively assessed; the municipality
 *                   accounts per year, the unspent part returns
 *   voortgang       per region per half year; an overview per region and
 *                   nationally
 *
 * Money moves in the ledger (core/geld/grootboek.h): bron/sociaal ->
 * sociaal (the pot, capped) -> sociaal/<jaar> (capped) -> spuk/<jaar>/<cbs>
 * (capped): an allocation reserves, a payment posts, a reclaim returns.
 */
#ifndef DOORBRAAK_SOCIAAL_H
#define DOORBRAAK_SOCIAAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/aanvraag/afwijking.h"
#include "core/basis/arena.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

#define SOCIAAL_TEKST_MAX 8000
#define SOCIAAL_REGIOS_MAX 400
#define SOCIAAL_BF_MAX 16
#define SOCIAAL_PPM 1000000          /* shares of a key in parts per million */
#define SOCIAAL_BRON "[001 \"Transformeren op het snijvlak\"], [003 D5]"

/* ---- versioned data (sociaal_vaststelling.c) ---- */

/* The kinds: "regioindeling", "regioscanschaal", "beoordelingskader",
 * "verdeelsleutel"; who may publish each (a role bit), 0 when unknown. */
unsigned sociaal_vaststelling_rol(const char *soort);

/* Validates a region set (pure): regions with a unique code, a name, at
 * least one municipality; every municipality (4-digit CBS code) in exactly
 * one region; the mandaatgemeente a member of its region [001], [003 D5].
 * For peiljaar 2025 the municipalities are exactly the 342 of the CBS list
 * (data/gemeenten-2025.csv); otherwise, against `vorige` (the previous
 * version, may be NULL), every municipality that disappears or appears is
 * named in a merger (samenvoegingen: opgeheven[] -> nieuw). Every problem
 * at once. */
rc_t regioindeling_valideer(json_t *doc, json_t *vorige, struct error *e);

/* Publishes version N+1 of `soort` after its validation (every problem at
 * once, RC_INVALID), with the audit record "sociaal.vaststelling". Only
 * the role of sociaal_vaststelling_rol (RC_FORBIDDEN otherwise). */
rc_t sociaal_vaststel(struct store *s, const struct principal *who, const struct klok *klok, const char *soort,
		      json_t *body, struct arena *a, json_t **out, struct error *e);

/* Every version of `soort`, newest first: {"versies": [{versie,
 * vastgesteld_op, vastgesteld_door, document}]}; `versie` > 0 picks one. */
rc_t sociaal_vaststellingen(struct store *s, const char *soort, int64_t versie, struct arena *a, json_t **out,
			    struct error *e);

/* The newest version of `soort` inside the caller's transaction: its
 * number and document (new reference). RC_NOT_FOUND when none. */
rc_t sociaal_vaststelling_huidig_tx(struct store *s, const char *soort, struct arena *a, int64_t *versie,
				    json_t **doc, struct error *e);

/* Publishes the shipped defaults of every kind that has no version yet
 * (actor "systeem"): the region set of data/regioindeling-2025.json, the
 * scale, the framework from the catalogue's basic requirements that apply
 * to the social domain [004], the key "share of inhabitants". Idempotent. */
rc_t sociaal_laad_standaard(struct store *s, struct error *e);

/* The region of `code` in a region set, or NULL; the region of a
 * municipality, or NULL. */
json_t *regio_zoek(json_t *indeling, const char *code);
json_t *regio_van_gemeente(json_t *indeling, const char *cbs);

/* The current regions for everyone: {"regioindeling_versie", "regios":
 * [{code, naam, mandaatgemeente{cbs_code, naam}, inwoners, gemeenten:
 * [{cbs_code, naam, inwoners}]}]}. */
rc_t sociaal_regios(struct store *s, struct arena *a, json_t **out, struct error *e);

/* ---- regioscan (regioscan.c) ---- */

/* Records one scan (body: regio, meting, basisfunctionaliteiten[{id,
 * niveau, advies}], gezamenlijk_advies) as the next version of its region
 * and measurement. Programme office. */
rc_t regioscan_voeg_toe(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
			struct arena *a, json_t **out, struct error *e);

/* Imports scans from CSV (header regio,meting,basisfunctionaliteit,niveau,
 * advies,gezamenlijk_advies; one row per region x function): every bad row
 * reported at once ("/regels/<n>/<kolom>"), nothing stored unless all are
 * good; then one new version per region and measurement, one transaction. */
rc_t regioscan_importeer(struct store *s, const struct principal *who, const struct klok *klok, const char *csv,
			 size_t len, struct arena *a, json_t **out, struct error *e);

/* Reads the CSV of regioscan_importeer into scan documents (pure; the
 * decoder of untrusted input, fuzzed by fuzz/fuzz_sociaal.c): every bad
 * row at once, RC_INVALID; *out a new array on RC_OK. */
rc_t regioscan_csv_lees(const char *csv, size_t len, struct arena *a, json_t **out, struct error *e);

/* The newest scans, filtered by region / measurement (NULL: all). */
rc_t regioscan_lijst(struct store *s, const char *regio, const char *meting, struct arena *a, json_t **out,
		     struct error *e);

/* ---- werkagenda (werkagenda.c) ---- */

/* The deviations of a work agenda from its scan's advice (pure): for every
 * basisfunctionaliteit whose acceleration differs from the advice, one
 * AFWIJKING_REGIOSCAN_ADVIES item, toegelicht when the agenda motivates
 * it [001 "Transformeren op het snijvlak"]. `scan` may be NULL (none). */
void werkagenda_afwijkingen(json_t *agenda, json_t *scan, struct afwijking_lijst *out);

/* Creates a concept (or the next version of the region's agenda) from
 * body {regio, basisfunctionaliteiten[...], samenwerking}: only a
 * municipal official of the region's mandaatgemeente. */
rc_t werkagenda_maak(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
		     struct arena *a, json_t **out, struct error *e);

/* Replaces a concept's document (same rules). */
rc_t werkagenda_wijzig(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
		       json_t *body, struct arena *a, json_t **out, struct error *e);

/* concept -> ter_ondertekening: refused while a deviation lacks its
 * motivation or there is no scan. */
rc_t werkagenda_indien(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
		       struct arena *a, json_t **out, struct error *e);

/* A municipality of the region signs with its collegebesluit (body:
 * besluitdatum, kenmerk, bijlage_id optional: its own attachment); the last signature makes the
 * agenda final and the previous final version vervangen [001]. */
rc_t werkagenda_onderteken(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
			   json_t *body, struct arena *a, json_t **out, struct error *e);

/* A municipality of the region attaches its collegebesluit (a file,
 * core/bijlage) to an agenda offered for signing; the signature names it
 * by bijlage_id. Object "werkagenda/<id>/<cbs>". */
rc_t werkagenda_bijlage(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
			const char *naam, const void *data, size_t len, struct arena *a, json_t **out,
			struct error *e);

/* Attachment `id` of a work agenda with its bytes, for who may read that
 * agenda (else RC_NOT_FOUND). */
struct bijlage;
rc_t werkagenda_bijlage_open(struct store *s, struct arena *a, const struct principal *who, int64_t id,
			     struct bijlage *out, const unsigned char **data, size_t *len, struct error *e);

/* VNG (a municipal assessor) or ZN (an insurer's assessor) assesses a
 * final agenda against the newest framework (body: oordeel, motivering,
 * criteria[{id, oordeel, motivering}], geen_belangenconflict). */
rc_t werkagenda_beoordeel(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
			  json_t *body, struct arena *a, json_t **out, struct error *e);

/* One agenda with its deviations, signatures and assessments; the list
 * (optionally of one region). Concepts only for the region's
 * municipalities. */
rc_t werkagenda_lees(struct store *s, const struct principal *who, int64_t id, struct arena *a, json_t **out,
		     struct error *e);
rc_t werkagenda_lijst(struct store *s, const struct principal *who, const char *regio, struct arena *a,
		      json_t **out, struct error *e);

/* ---- SPUK (spuk.c) ---- */

/* VWS allocates year `jaar` (body: jaar, bedrag_cent optional = the year's
 * tranche): one decision per recipient by the newest key, reserved in the
 * ledger; a second allocation of a year, a year without tranche, an amount
 * above the pot: refused. */
rc_t spuk_toeken(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
		 struct arena *a, json_t **out, struct error *e);

rc_t spuk_toekenningen(struct store *s, struct arena *a, json_t **out, struct error *e);

/* Decisions: VWS, programme office, board, auditor all; a municipality its
 * own. `id` > 0: one. */
rc_t spuk_beschikkingen(struct store *s, const struct principal *who, int64_t id, int64_t jaar, struct arena *a,
			json_t **out, struct error *e);

/* VWS pays a decision: posts its reservation; refused until the region's
 * agenda is final and positively assessed by VNG and ZN. */
rc_t spuk_betaal(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
		 struct arena *a, json_t **out, struct error *e);

/* The receiving municipality accounts for a year (body: jaar, besteed_cent,
 * per basisfunctionaliteit, eindverantwoording); the final one returns the
 * unspent part to the pot [001 §5]. */
rc_t spuk_verantwoord(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
		      json_t *body, struct arena *a, json_t **out, struct error *e);

/* The SPUK decision as HTML or PDF (core/basis/document.h). */
rc_t spuk_document(struct store *s, const struct principal *who, int64_t id, bool pdf, struct arena *a,
		   const void **data, size_t *len, struct error *e);

/* ---- progress (voortgang.c) ---- */

/* The mandaatgemeente reports on a half year (body: regio, periode
 * "2027-1", basisfunctionaliteiten[{id, status, besteed_cent}],
 * knelpunten); a second report for the same period is its next version. */
rc_t voortgang_voeg_toe(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
			struct arena *a, json_t **out, struct error *e);

/* The newest reports of a period (NULL: all) with per region and
 * nationally per basisfunctionaliteit the count per status and the
 * spending. */
rc_t voortgang_overzicht(struct store *s, const char *periode, struct arena *a, json_t **out, struct error *e);

/* The overview as rows (period, region, function, status, spent, bottlenecks)
 * in CSV (semicolons, formula-safe fields) or XLSX (amounts exact in cents). */
rc_t voortgang_export(struct store *s, const char *periode, bool xlsx, struct arena *a, const char **data,
		      size_t *len, struct error *e);

#endif
