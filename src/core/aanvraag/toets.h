/*
 * toets.h -- the automated checks of an application (rules as code).
 *
 * Every check has a stable id ("T05-sommen"), the basic requirement it
 * serves (1..14 [004 "Opname basiseisen"], or 0 for completeness,
 * consistency and the fund's own rules), its source, and gives findings
 * (bevindingen) with a result -- voldaan, niet_voldaan or beoordelaar
 * (for the assessors) -- a JSON pointer and a Dutch message that says
 * what to change. The applicant sees them live while drafting.
 *
 * Submission: a check is *blokkerend* when it guards completeness or
 * consistency; its niet_voldaan findings block submission. Findings on
 * the basic requirements never block: the two insurers decide
 * [002 §4.2], [001 "Vervolgproces"]. The list of checks and the meaning
 * of each is in docs/aanvraag.md §5.
 *
 * Pure: no HTTP, no argv, no store. No floating point: fte per EUR 1 mln
 * is compared in 128-bit integers.
 */
#ifndef DOORBRAAK_TOETS_H
#define BP_HEEL 10000   /* basis points: 100 % */
#define DOORBRAAK_TOETS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/aanvraag/aanvraag.h"
#include "core/aanvraag/afwijking.h"
#include "core/basis/error.h"

#define TOETS_RONDE_JAREN_MAX 8
#define TOETS_BEVINDINGEN_MAX 260  /* 20 checks x (12 + a summary) */
#define TOETS_PER_CHECK_MAX 12     /* findings kept per check; the rest summed up */
#define TOETS_BERICHT_BYTES 384

/* The application round: which impact bar applies and which years money
 * may be spent in. The bar and the extra year are board decisions, so
 * they are data [001 Gupta "Samenvatting"], [002 §1], [002 §5a]. */
struct toets_ronde {
	char impactlat_id[8];                    /* "" when not chosen yet */
	int64_t impactlat_fte_per_miljoen_milli; /* 0 when not chosen yet */
	int64_t jaren[TOETS_RONDE_JAREN_MAX];    /* years always allowed (2027, 2028) */
	size_t jaar_aantal;
	int64_t uitloopjaar;                     /* 2029; 0 when the period has none */
	bool uitloopjaar_toegestaan;             /* may money be spent in it? */
};

/* What the caller knows about an organisation id (from its register). */
struct toets_organisatie {
	int64_t id;
	enum organisatie_soort soort;
};

/* Everything the checks compare the application with. `organisaties`
 * may be NULL: then no register is consulted (the document's own `soort`
 * of its participants is taken as given, and whether the two insurers
 * are insurers is not checked). When it is given, every id in the
 * coalition must be in it. */
struct toets_context {
	const struct modelplan_normen *normen;
	const struct toets_ronde *ronde;
	const struct toets_organisatie *organisaties;
	size_t organisatie_aantal;
};

enum toets_uitkomst {
	TOETS_VOLDAAN = 0,
	TOETS_BEOORDELAAR,   /* cannot be decided by rule: the assessors judge */
	TOETS_NIET_VOLDAAN,
};

/* One check, as data. */
struct toets_check {
	const char *id;          /* stable, e.g. "T05-sommen" */
	int basiseis;            /* 1..14, 0: completeness/consistency/fund rule */
	const char *bron;        /* "[004 \"Opname basiseisen\"]" ... */
	bool blokkerend;         /* niet_voldaan blocks submission */
	const char *naam;        /* Dutch, short */
};

struct toets_bevinding {
	const struct toets_check *check;
	enum toets_uitkomst resultaat;
	char veld[ERROR_FIELD_MAX];          /* JSON pointer into the application */
	char bericht[TOETS_BERICHT_BYTES];   /* Dutch: what to change */
};

/* The outcome of toets_aanvraag(). Large (~220 KB): allocate it from an
 * arena or statically, not on a small thread stack. */
struct toets_resultaat {
	struct toets_bevinding bevindingen[TOETS_BEVINDINGEN_MAX];
	size_t aantal;
	size_t weggelaten;            /* findings beyond the maximum, counted */
	struct afwijking_lijst afwijkingen;
	enum afwijking_route route;
	bool indienbaar;              /* no blocking check niet_voldaan */
	size_t blokkerend_aantal;     /* blocking findings niet_voldaan */
	struct begroting_totalen totalen;
};

/* Reads the normative data of one modelplan version into *out.
 * `modelplan` is an item of catalogus.modelplannen or a standalone
 * modelplan document (docs/catalogus.md §2.8, §3); `catalogus` is the
 * catalogue it refers to (for its questions, areas and sectors). Both
 * are expected to have passed the catalogue validator; anything this
 * reader cannot use is still reported: a problem per field in `e` (may
 * be NULL; pointers relative to the modelplan) and RC_INVALID. *out is written
 * only on RC_OK. Neither document is modified or referenced afterwards. */
rc_t toets_normen_lees(json_t *modelplan, json_t *catalogus,
		       struct modelplan_normen *out, struct error *e);

/* Finds the modelplan (`id`, `versie`) in catalogus.modelplannen;
 * NULL when absent. A borrowed reference. */
json_t *toets_modelplan_zoek(json_t *catalogus, const char *id, int64_t versie);

/* Fills the round from the catalogue: the years of the Zvw pot's tranches
 * (2027, 2028) [004 "Opname basiseisen"] (basic requirement 4), the last
 * year of its spending period as the extra year (2029) [002 §5a], allowed
 * when `uitloopjaar_toegestaan`, and the impact bar `impactlat_id` ("A",
 * "B", "C"), or the catalogue's gekozen_impactlat_id when NULL; when
 * neither names a bar, the bar is left unchosen (0). Returns RC_OK, or
 * RC_INVALID with problems in `e` (e.g. an unknown bar; `e` may be NULL);
 * *out is written only on RC_OK. */
rc_t toets_ronde_lees(json_t *catalogus, const char *impactlat_id,
		      bool uitloopjaar_toegestaan, struct toets_ronde *out,
		      struct error *e);

/* Runs every check of docs/aanvraag.md §5 on `a` against `ctx` and fills
 * *out (cleared first): for each check at least one finding (one
 * voldaan finding when nothing is wrong), the deviations, the route and
 * whether it may be submitted. Returns RC_OK; RC_INTERNAL (and leaves
 * *out cleared) when ctx lacks normen or ronde. */
rc_t toets_aanvraag(const struct aanvraag *a, const struct toets_context *ctx,
		    struct toets_resultaat *out);

/* All checks, in the order they are run; *n receives the count. */
const struct toets_check *toets_checks(size_t *n);

/* The worst result among the findings of check `id` (niet_voldaan >
 * beoordelaar > voldaan) in *out; false when the check gave none. */
bool toets_resultaat_uitkomst(const struct toets_resultaat *r, const char *id,
			      enum toets_uitkomst *out);

/* "voldaan" / "niet_voldaan" / "beoordelaar". */
const char *toets_uitkomst_naam(enum toets_uitkomst u);

/* The result as a new JSON object (caller owns the reference):
 * {indienbaar, route, totalen, bevindingen[], afwijkingen[]} as described
 * in docs/aanvraag.md §6. NULL when jansson runs out of memory. */
json_t *toets_resultaat_json(const struct toets_resultaat *r);

#endif
