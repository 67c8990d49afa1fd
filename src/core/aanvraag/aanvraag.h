/*
 * aanvraag.h -- the application document (aanvraag) of a coalition on one
 * modelplan version: reading and structural validation.
 *
 * An application is a JSON document (format: docs/aanvraag.md). This
 * module turns it into a `struct aanvraag` and refuses only what is
 * *malformed*: wrong types, unknown fields, reals, negative amounts, sums
 * that overflow, lists or texts above their bound, impossible dates,
 * duplicate ids. Such a document cannot be stored. Whatever is merely
 * *missing* is accepted, because a draft (concept) may be incomplete;
 * completeness and consistency are checks of toets.h that block
 * submission, not storage [004 "Opbouw en onderdelen van het modelplan I"].
 *
 * Organisations are referred to by opaque int64 ids (> 0); what the
 * system knows about them (insurer, municipality) is supplied by the
 * caller to toets_aanvraag(), never trusted from the document alone.
 *
 * Pure: no HTTP, no argv, no store. Thread-safe.
 */
#ifndef DOORBRAAK_AANVRAAG_H
#define DOORBRAAK_AANVRAAG_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"

#define AANVRAAG_SCHEMA_VERSIE 1

/* Bounds on every list and text (TigerStyle: a limit on everything). */
#define AANVRAAG_DEELNEMERS_MAX 50
#define AANVRAAG_REGELS_MAX 200
#define AANVRAAG_MIJLPALEN_MAX 30
#define AANVRAAG_ANTWOORDEN_MAX 100
#define AANVRAAG_ZORGPADEN_MAX 16
#define AANVRAAG_EENHEDEN_MAX 20
#define AANVRAAG_AFWIJKINGEN_MAX 100
#define AANVRAAG_AANPASSINGEN_MAX 50
#define AANVRAAG_ID_MAX 64            /* slug ids, as in the catalogue */
#define AANVRAAG_ELEMENT_MAX 120      /* keys of normative elements */
#define AANVRAAG_TITEL_MAX 200
#define AANVRAAG_KORT_MAX 2000        /* omschrijving, meetmethode, onderwerp */
#define AANVRAAG_TEKST_MAX 20000      /* answers and explanations */
#define AANVRAAG_AANTAL_MAX 10000000  /* units (professionals, patients ...) */
#define AANVRAAG_JAAR_MIN 2000
#define AANVRAAG_JAAR_MAX 2100

/* "Not filled in yet" for an integer field of a draft: every amount,
 * count and share is >= 0 when present, so -1 cannot be a value. */
#define AANVRAAG_LEEG (-1)

/* The kinds of organisation an application refers to (organisatie.h
 * names them as strings). ONBEKEND: not in the caller's register;
 * ANDERS: known, but none of these (programme office, NZa, ...). */
enum organisatie_soort {
	ORGANISATIE_ONBEKEND = 0,
	ORGANISATIE_ZORGAANBIEDER,
	ORGANISATIE_GEMEENTE,
	ORGANISATIE_ZORGVERZEKERAAR,
	ORGANISATIE_ANDERS,
};

enum kostensoort { KOSTENSOORT_PERSONEEL = 0, KOSTENSOORT_MATERIEEL };
enum kostenaard { KOSTENAARD_EENMALIG = 0, KOSTENAARD_STRUCTUREEL };

/* What a budget line pays for. Training and change support count for
 * basic requirement 13; the purchase of hulpmiddelen is never fundable
 * [002 §4.1]. */
enum begrotingsdoel {
	DOEL_IMPLEMENTATIE = 0,
	DOEL_TECHNOLOGIE,
	DOEL_KOPPELINGEN,
	DOEL_SCHOLING,
	DOEL_VERANDERKUNDIGE_ONDERSTEUNING,
	DOEL_PROJECTORGANISATIE,
	DOEL_MONITORING,
	DOEL_KENNISDELING,
	DOEL_AANSCHAF_HULPMIDDELEN,
	DOEL_OVERIG,
	DOEL__AANTAL
};

/* A yes/no field of a draft: not answered is different from "no". */
enum janee { JANEE_LEEG = 0, JANEE_NEE, JANEE_JA };

struct aanvraag_deelnemer {
	int64_t organisatie;            /* > 0 */
	enum organisatie_soort soort;   /* zorgaanbieder or gemeente */
	const char *sector;             /* NULL when not given */
	int64_t bedrag_cent;            /* amount for this provider (5.9) */
};

struct aanvraag_coalitie {
	int64_t penvoerder;                 /* 0: not filled in */
	int64_t coordinerend_verzekeraar;   /* 0: not filled in */
	int64_t tweede_verzekeraar;         /* 0: not filled in */
	struct aanvraag_deelnemer *deelnemers;
	size_t deelnemer_aantal;
};

struct aanvraag_antwoord {
	const char *vraag_id;
	const char *tekst;          /* "" when not answered yet */
	const char *regiocontext;   /* NULL when not given */
};

struct aanvraag_regel {
	int64_t zorgaanbieder;
	int64_t jaar;
	enum kostensoort kostensoort;
	enum kostenaard aard;
	enum begrotingsdoel doel;
	int64_t bedrag_cent;
	const char *omschrijving;   /* may be "" */
	const char *eenheid_id;     /* NULL: not tied to a unit */
};

struct aanvraag_eenheid {
	const char *id;       /* a bedragkaders.per_eenheid id of the modelplan */
	int64_t aantal;
};

struct aanvraag_mijlpaal {
	const char *id;           /* a mijlpalen id of the modelplan template */
	const char *streefdatum;  /* ISO date */
	int64_t streefdag;        /* days since 1970-01-01 */
	int64_t bedrag_cent;
};

struct aanvraag_afwijking {
	const char *element;      /* e.g. "normen.mijlpalen[m2].uiterlijk_op" */
	const char *toelichting;
};

struct aanvraag_aanpassing {
	const char *onderwerp;
	const char *toelichting;
};

/* The parsed document. Every pointer points into the arena given to
 * aanvraag_lees(). Absent integers are AANVRAAG_LEEG, absent texts NULL. */
struct aanvraag {
	int64_t schema_versie;
	int64_t catalogus_versie;
	const char *modelplan_id;
	int64_t modelplan_versie;
	const char *titel;
	bool heeft_coalitie;
	struct aanvraag_coalitie coalitie;
	const char **zorgpaden;
	size_t zorgpad_aantal;
	struct aanvraag_antwoord *antwoorden;
	size_t antwoord_aantal;
	struct aanvraag_regel *begroting;
	size_t regel_aantal;
	struct aanvraag_eenheid *eenheden;
	size_t eenheid_aantal;
	int64_t totaal_bedrag_cent;
	int64_t fte_besparing_milli;
	const char *meetmethode;
	int64_t structurele_kosten_per_jaar_cent;
	int64_t structurele_besparing_per_jaar_cent;
	const char *structureel_toelichting;
	const char *impuls_toelichting;   /* why it needs a one-off impulse (8) */
	const char *impuls_borging;       /* how it is secured afterwards (8) */
	struct aanvraag_mijlpaal *mijlpalen;
	size_t mijlpaal_aantal;
	struct aanvraag_afwijking *afwijkingen;
	size_t afwijking_aantal;
	struct aanvraag_aanpassing *aanpassingen;
	size_t aanpassing_aantal;
	enum janee geen_dubbele_financiering;
	enum janee geen_eerdere_iza_transformatiemiddelen;
	enum janee kennis_kosteloos_delen;
	/* Derived on reading; each sum is known to fit in int64, so every
	 * partial sum of the same list does too. */
	int64_t som_regels_cent;
	int64_t som_mijlpalen_cent;
	int64_t som_deelnemers_cent;
};

/* Reads and structurally validates `doc` into *out, allocating from
 * `arena`. Adds a problem to `e` for EVERY malformed field (JSON pointer,
 * stable code, Dutch detail; at most ERROR_ITEMS_MAX kept, the rest
 * counted) and returns RC_INVALID; returns RC_NOMEM when the arena is
 * exhausted; RC_OK otherwise. Missing data is not a problem here: see
 * docs/aanvraag.md §2-3 for what a draft may leave out. `e` may be NULL
 * (the rc still tells). *out is written only on RC_OK. `doc` is not
 * modified and need not outlive *out. */
rc_t aanvraag_lees(json_t *doc, struct arena *arena, struct aanvraag *out,
		   struct error *e);


/* Adds a problem "json_kommagetal" for every real number in `v` (at any
 * depth, pointer prefix `where`) and returns how many were found.
 * Nesting deeper than JSON_MAX_DEPTH is reported as "te_diep". */
size_t aanvraag_kommagetallen(json_t *v, const char *where, struct error *e);



/* Maps an organisation kind as organisatie.h spells it ("zorgaanbieder",
 * "zorgverzekeraar", "gemeente"; any other known kind gives
 * ORGANISATIE_ANDERS, NULL gives ORGANISATIE_ONBEKEND). */
enum organisatie_soort aanvraag_organisatie_soort(const char *soort);

/* "zorgaanbieder", "gemeente", "zorgverzekeraar", "andere organisatie",
 * "onbekend". */
const char *aanvraag_organisatie_soort_naam(enum organisatie_soort s);

/* Names of the enums as they appear in the document. */
const char *aanvraag_kostensoort_naam(enum kostensoort k);
const char *aanvraag_aard_naam(enum kostenaard a);
const char *aanvraag_doel_naam(enum begrotingsdoel d);


#endif
