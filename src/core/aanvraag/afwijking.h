/*
 * afwijking.h -- pas toe of leg uit: comparing an application with the
 * normative elements of its modelplan version.
 *
 * A modelplan holds normative elements as far as possible (business case,
 * milestones, financial frames) [002 §4.2]. An application that stays
 * within every norm and tolerance is *conform* and gets a limited review
 * (route licht); any deviation (afwijking) or regional adjustment is
 * allowed but must be explained and gets a deeper review (route verdiept)
 * [001 "Vervolgproces"], [002 §4.2]. The rules of conformity and their
 * integer arithmetic are those of docs/catalogus.md §5.
 *
 * This module also holds `struct modelplan_normen`, the normative data of
 * one modelplan version as the checks need it (filled by
 * toets_normen_lees() in toets.h), and the budget sums derived from it.
 *
 * Pure: no HTTP, no store. All arithmetic is integer; products are
 * taken in 128 bits, so no input can overflow them.
 */
#ifndef DOORBRAAK_AFWIJKING_H
#define DOORBRAAK_AFWIJKING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/aanvraag/aanvraag.h"

#define NORMEN_VRAGEN_MAX 64
#define NORMEN_MIJLPALEN_MAX 30
#define NORMEN_JAREN_MAX 8
#define NORMEN_EENHEDEN_MAX 8
#define NORMEN_ZORGPADEN_MAX 16
#define NORMEN_SECTOREN_MAX 16
#define NORMEN_ID_BYTES (AANVRAAG_ID_MAX + 1)
#define NORMEN_LABEL_BYTES 96
#define NORMEN_FTE_MAX_MILLI 1000000000LL  /* 1 mln fte per EUR 1 mln: never real */

/* When a conditional question (voorwaardelijk) must be answered. */
enum vraag_voorwaarde {
	VOORWAARDE_ALTIJD = 0,          /* not conditional */
	VOORWAARDE_STRUCTURELE_KOSTEN,  /* 4.3: only with structural costs */
	VOORWAARDE_MEERDERE_AANBIEDERS, /* 5.7: only with several providers */
	VOORWAARDE_ONBEPAALD,           /* 4.5, 7.8: the applicant judges */
};

struct normen_vraag {
	char id[8];
	char label[NORMEN_LABEL_BYTES];
	bool regiocontext;
	enum vraag_voorwaarde voorwaarde;
};

struct normen_mijlpaal {
	char id[NORMEN_ID_BYTES];
	char naam[NORMEN_LABEL_BYTES];
	int64_t aandeel_bp;
	char uiterlijk_op[11];
	int64_t uiterlijk_dag;   /* days since 1970-01-01 */
};

struct normen_jaar {
	int64_t jaar;
	int64_t max_aandeel_bp;
};

struct normen_eenheid {
	char id[NORMEN_ID_BYTES];
	int64_t max_bedrag_cent;
};

/* The normative data of one modelplan version (docs/catalogus.md §2.8),
 * plus what the checks need from the catalogue around it. Self-contained:
 * it holds copies, no pointers into JSON. */
struct modelplan_normen {
	char modelplan_id[NORMEN_ID_BYTES];
	int64_t modelplan_versie;
	int64_t catalogus_versie;
	struct normen_vraag vragen[NORMEN_VRAGEN_MAX];
	size_t vraag_aantal;
	char zorgpaden[NORMEN_ZORGPADEN_MAX][NORMEN_ID_BYTES];  /* of the area */
	size_t zorgpad_aantal;
	char sectoren[NORMEN_SECTOREN_MAX][NORMEN_ID_BYTES];    /* of the catalogue */
	size_t sector_aantal;
	bool aanschaf_hulpmiddelen_uitgesloten;                 /* area flag */
	int64_t min_fte_per_miljoen_milli;
	int64_t max_per_aanvraag_cent;       /* AANVRAAG_LEEG: no frame (null) */
	int64_t max_per_zorgaanbieder_cent;  /* AANVRAAG_LEEG: no frame (null) */
	struct normen_eenheid eenheden[NORMEN_EENHEDEN_MAX];
	size_t eenheid_aantal;
	bool financierbaar[2][2];            /* [kostensoort][aard] */
	struct normen_jaar jaren[NORMEN_JAREN_MAX];
	size_t jaar_aantal;
	struct normen_mijlpaal mijlpalen[NORMEN_MIJLPALEN_MAX];
	size_t mijlpaal_aantal;
	bool individuele_aanvraag_toegestaan;
	int64_t min_aantal_zorgaanbieders;
	char vereiste_sectoren[NORMEN_SECTOREN_MAX][NORMEN_ID_BYTES];
	size_t vereiste_sector_aantal;
	bool zorgpadkeuze_verplicht;
	int64_t min_aandeel_veranderkundig_bp;
	int64_t tolerantie_fte_norm_bp;
	int64_t tolerantie_mijlpaal_datum_dagen;
	int64_t tolerantie_mijlpaal_aandeel_bp;
	int64_t tolerantie_bedragkader_bp;
};

/* What kind of normative element a deviation concerns; toets.h maps each
 * kind to the check that mirrors it. */
enum afwijking_soort {
	AFWIJKING_FTE_NORM = 0,
	AFWIJKING_MIJLPAAL_DATUM,
	AFWIJKING_MIJLPAAL_AANDEEL,
	AFWIJKING_BEDRAG_AANVRAAG,
	AFWIJKING_BEDRAG_ZORGAANBIEDER,
	AFWIJKING_BEDRAG_EENHEID,
	AFWIJKING_JAARAANDEEL,
	AFWIJKING_VEREISTE_SECTOR,
	AFWIJKING_VERANDERKUNDIG,
	AFWIJKING_REGIOSCAN_ADVIES,   /* social domain: a work agenda against its regioscan's advice */
	AFWIJKING__AANTAL
};

/* Enough for every element the bounds allow: the fte norm, two per
 * milestone, one per application, provider, unit, year and required
 * sector, and change support (checked in afwijking.c). */
#define AFWIJKING_MAX 160
#define AFWIJKING_TEKST_BYTES 128

/* One deviation: the element's stable key (docs/aanvraag.md §4), where in
 * the application it shows, the norm and the application's value as
 * Dutch text, and whether the application explains it. */
struct afwijking {
	enum afwijking_soort soort;
	char element[AANVRAAG_ELEMENT_MAX + 1];
	char veld[ERROR_FIELD_MAX];
	char norm[AFWIJKING_TEKST_BYTES];
	char waarde[AFWIJKING_TEKST_BYTES];
	bool toegelicht;
	const char *bron;   /* static text */
};

struct afwijking_lijst {
	struct afwijking items[AFWIJKING_MAX];
	size_t aantal;
	size_t weggelaten;  /* deviations beyond AFWIJKING_MAX, counted */
};

enum afwijking_route { ROUTE_LICHT = 0, ROUTE_VERDIEPT };

/* Sums of the budget that the norms are applied to. "Gevraagd" (R) is
 * the sum of the lines of a financierbaar cost type only; lines of other
 * types (structural costs) are reported but never requested
 * [001 Gupta "Aanpak"]. */
struct begroting_totalen {
	int64_t gevraagd_cent;
	int64_t niet_financierbaar_cent;
	int64_t veranderkundig_cent;  /* gevraagd, doel scholing or change support */
};

/* True when lines of this cost type may be requested in this modelplan. */
bool normen_financierbaar(const struct modelplan_normen *n, enum kostensoort k,
			  enum kostenaard a);

/* The modelplan's template milestone with this id, or NULL. */
const struct normen_mijlpaal *normen_mijlpaal(const struct modelplan_normen *n,
					      const char *id);

/* The modelplan's budget year entry for `jaar`, or NULL. */
const struct normen_jaar *normen_jaar(const struct modelplan_normen *n, int64_t jaar);

/* Computes the budget sums of `a` under `n`. Lines with an absent amount
 * count as 0. Never fails: aanvraag_lees() guarantees the sums fit. */
void afwijking_totalen(const struct aanvraag *a, const struct modelplan_normen *n,
		       struct begroting_totalen *out);

/* Requested amount (financierbare lines) of provider `organisatie`, of
 * year `jaar`, and attributed to unit `eenheid_id` (lines that name it,
 * plus lines without a unit when the modelplan has exactly one unit). */
int64_t afwijking_gevraagd_aanbieder(const struct aanvraag *a,
				     const struct modelplan_normen *n, int64_t organisatie);
int64_t afwijking_gevraagd_jaar(const struct aanvraag *a, const struct modelplan_normen *n,
				int64_t jaar);
int64_t afwijking_gevraagd_eenheid(const struct aanvraag *a,
				   const struct modelplan_normen *n, const char *eenheid_id);

/* Lists every deviation of `a` from the normative elements of `n` into
 * *out (which it clears first), in a fixed order: fte norm, milestones
 * (template order; date, then share), amount per application, per
 * provider, per unit, year shares, required sectors, change support.
 * Elements whose data the draft lacks are skipped (completeness is a
 * check of its own). Each deviation is marked `toegelicht` when `a` has
 * an afwijkingen entry with the same element key and a non-empty
 * explanation. */
void afwijking_bepaal(const struct aanvraag *a, const struct modelplan_normen *n,
		      struct afwijking_lijst *out);

/* The review route: ROUTE_LICHT when there is no deviation and no
 * regional adjustment, else ROUTE_VERDIEPT [001 "Vervolgproces"],
 * [002 §4.2]. */
enum afwijking_route afwijking_route(const struct aanvraag *a,
				     const struct afwijking_lijst *l);

/* "licht" / "verdiept". */
const char *afwijking_route_naam(enum afwijking_route r);

/* Number of deviations without an explanation. */
size_t afwijking_zonder_toelichting(const struct afwijking_lijst *l);

#endif
