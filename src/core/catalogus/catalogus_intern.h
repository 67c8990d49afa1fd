/*
 * catalogus_intern.h -- what the catalogue's validation files share
 * (internal to src/core/catalogus*.c).
 *
 * A validation runs with one `struct cv`: the document, the catalogue
 * its references resolve against, lookup tables (id -> item) and the
 * error list. Rules never read a value that is absent, of the wrong
 * type or a JSON real: the structural pass has already reported it, so
 * a rule that depends on it is skipped (one defect, one code).
 */
#ifndef DOORBRAAK_CATALOGUS_INTERN_H
#define DOORBRAAK_CATALOGUS_INTERN_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/catalogus/catalogus.h"

#define CV_PTR_MAX 256

/* Sources of the rules, as reported in error items. */
#define BRON_GELD "[002 §1], [001 §3]"
#define BRON_THEMA "[002 §4.1]"
#define BRON_GEBIED "[002 §4.1], [001 \"Van voorbereiding naar praktijk\"]"
#define BRON_BASISEIS "[004 \"Opname basiseisen\"]"
#define BRON_STRUCTUUR "[004 \"Opbouw en onderdelen van het modelplan\"]"
#define BRON_MODELPLAN "[002 §4.2], [004 \"Opbouw en onderdelen van het modelplan\"]"
#define BRON_MIJLPAAL "[001 §2], [004 \"Opbouw en onderdelen van het modelplan\"]"
#define BRON_KOSTEN "[001 Gupta \"Aanpak\"], [004 \"Opname basiseisen\"]"
#define BRON_IMPACT "[001 Gupta \"Samenvatting\"]"
#define BRON_PERIODE "[002 §1], [002 §5a], [003 §8b]"

struct cv {
	struct error *e;
	const char *bestand;
	size_t conflicten;        /* problems that are version conflicts */
	json_t *doc;              /* the document under validation */
	json_t *cat;              /* the catalogue references resolve against; NULL: none */
	bool is_catalogus;        /* doc is a catalogue (then cat == doc) */
	/* lookup tables of `cat`: id -> item (borrowed), first occurrence */
	json_t *potten, *themas, *sectoren, *gebieden, *regels, *termijnen;
	json_t *gupta, *impactlatten, *vragen, *modelplannen, *basiseisen;
	bool structuur_ok;        /* modelplanstructuur.versie was read */
	int64_t structuur_versie;
	const char *regiomarkering;
};

/* ---- reporting (catalogus_validatie.c) ------------------------------- */

/* Adds a problem at JSON pointer `ptr` of the document. */
void cv_fout(struct cv *c, const char *ptr, const char *code, const char *bron,
	     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Same, counted as a version conflict. */
void cv_conflict(struct cv *c, const char *ptr, const char *code, const char *bron,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Writes base + "/" + key (escaped per RFC 6901) or base + "/" + index. */
const char *cv_pad(char out[CV_PTR_MAX], const char *base, const char *key);
const char *cv_pad_i(char out[CV_PTR_MAX], const char *base, size_t i);

/* ---- typed reads that never report ----------------------------------- */

const char *cv_tekst(json_t *o, const char *key);            /* string or NULL */
bool cv_geheel(json_t *o, const char *key, int64_t *out);     /* JSON integer */
bool cv_bool(json_t *o, const char *key, bool *out);
json_t *cv_lijst(json_t *o, const char *key);                 /* array or NULL */
json_t *cv_object(json_t *o, const char *key);                /* object or NULL */
bool cv_is_slug(const char *s);
bool cv_datum(const char *s, int *jaar);                      /* valid YYYY-MM-DD */
bool cv_in(const char *s, const char *const *allowed);        /* NULL-terminated */

/* Sums `key` over the objects of `arr` (overflow-checked). False when a
 * value is not an integer or the sum overflows (*overloop then true). */
bool cv_som(json_t *arr, const char *key, int64_t *out, bool *overloop);

/* Checks a reference `key` of `holder` against `index`: reports
 * verwijzing_onbekend when it is a string that names nothing. Returns
 * the item, or NULL (absent, wrong type or unknown). */
json_t *cv_verwijzing(struct cv *c, json_t *index, json_t *holder, const char *key,
		      const char *ptr, const char *wat);

/* Reports verwijzing_onbekend for every string of list `arr` (at `ptr`)
 * that names nothing in `index`. */
void cv_verwijzingen(struct cv *c, json_t *index, json_t *arr, const char *ptr, const char *wat);

/* G11: reports `key` of `o` (at `ptr`) when it is a string outside
 * the NULL-terminated `allowed`. */
void cv_enum_veld(struct cv *c, json_t *o, const char *key, const char *const *allowed,
		  const char *ptr);

/* G8, G9 for a plan's own lists: slug ids (member "id") unique within
 * `arr`; and integers (member `key`) unique within `arr`. */
void cv_ids_slug(struct cv *c, json_t *arr, const char *ptr);
void cv_dubbele_getallen(struct cv *c, json_t *arr, const char *key, const char *ptr,
			 const char *wat);


/* The modelplan fields (docs/catalogus.md §2.8) of a plan or of a
 * standalone modelplan document, as a new object (NULL on exhaustion). */
json_t *cv_modelplan_inhoud(json_t *doc);

/* ---- the passes --------------------------------------------------------- */

/* catalogus_schema.c: G2 (fields and types), G15 (unknown fields) and
 * the value walk G1, G5, G7, G12, G13, G14. */
void cv_schema_catalogus(struct cv *c);
void cv_schema_modelplandocument(struct cv *c);
void cv_waarden(struct cv *c, json_t *v, const char *key, const char *ptr);

/* catalogus_validatie.c: ids (G8, G9) and lookup tables; `melden` false
 * builds the tables of a trusted catalogue without reporting. */
void cv_indexen(struct cv *c, bool melden);
void cv_indexen_vrij(struct cv *c);

/* catalogus_regels.c: the rules of a whole catalogue (G3-G6, G10, G11,
 * M, R, T, B, S, O). */
void cv_regels_catalogus(struct cv *c);

/* catalogus_gebieden.c: T (areas), B (basic requirements) and S (the
 * modelplan structure); catalogus_cijfers.c: O (impact bars, ambition,
 * reference figures). */
void cv_regels_gebieden(struct cv *c);
void cv_regels_structuur(struct cv *c);
void cv_regels_overig(struct cv *c);

/* catalogus_modelplan.c: the P-rules for one plan at `ptr`, references
 * resolved against c->cat; and the D-rules of a standalone document. */
void cv_modelplan(struct cv *c, json_t *mp, const char *ptr);
void cv_modelplandocument(struct cv *c, const struct catalogus_bekend *bekend);

#endif
