/*
 * verantwoording.h -- the accountability of a project per calendar year
 * (DOMAIN.md §4 step 11; issue 15; docs/verantwoording.md): the lead
 * accounts, on behalf of the coalition, for the actual costs of the year
 * per provider x personnel/material x one-off/structural against the
 * budget lines of the granted version, the milestones reached, an
 * explanation for every line that deviates from its budget beyond a
 * tolerance, and a declaration that nothing was financed twice [001 §5].
 *
 * This file is the document and its rules as code (pure: no store, no
 * HTTP). Each rule has a passing and a failing unit test
 * (tests/unit/test_verantwoording.c) and names its source:
 *
 *   V1 werkelijke_kosten       only actual costs: every line a positive
 *                              amount [001 §5]
 *   V2 jaar_buiten_project     the year within the beschikking's years and
 *                              not before the beschikking [001 §5], [001 §2]
 *   V3 hulpmiddelen            no purchase of hulpmiddelen [002 §4.1]
 *   V4 structureel             only the one-off impulse: structural costs
 *                              are not financed [004 BE8]
 *   V5 dubbele_financiering    the declaration, and nothing financed
 *                              elsewhere [001 §5]
 *   V6 afwijking_zonder_toelichting  a line (provider x kind x nature)
 *                              beyond the tolerance from its budget needs an
 *                              explanation [001 §5]
 *   V7 accountantsverklaring   from the year's threshold on, an
 *                              accountant's statement is attached [001 §5]
 *   V8 te_laat                 submitted after the year's deadline: shown,
 *                              the insurer judges [001 §5]
 *   V9 geen_deelnemer          a provider that is not in the coalition
 *                              [001 §5]
 *
 * The tolerance, the threshold and the deadline are data per year
 * (struct verantwoording_kader), set by the programme office.
 */
#ifndef DOORBRAAK_VERANTWOORDING_H
#define DOORBRAAK_VERANTWOORDING_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/aanvraag/aanvraag.h"
#include "core/basis/arena.h"
#include "core/basis/error.h"

#define VERANTWOORDING_REGELS_MAX 500
#define VERANTWOORDING_TOELICHTING_MAX 4000
#define VERANTWOORDING_BEVINDINGEN_MAX 200
#define VERANTWOORDING_BERICHT_BYTES 384

/* One line of actual costs. */
struct verantwoording_regel {
	int64_t zorgaanbieder;
	enum kostensoort kostensoort;
	enum kostenaard aard;
	enum begrotingsdoel doel;
	int64_t bedrag_cent;
	const char *toelichting;     /* NULL or "": none */
};

/* The document the lead submits for one year. */
struct verantwoording_invoer {
	int64_t jaar;
	struct verantwoording_regel *regels;
	size_t regel_aantal;
	const char **mijlpalen;      /* the milestones reached in the year (ids) */
	size_t mijlpaal_aantal;
	enum janee geen_dubbele_financiering;
	int64_t elders_gefinancierd_cent;   /* costs of the project financed elsewhere */
};

/* What the project is: the beschikking and the granted version. */
struct verantwoording_project {
	int64_t beschikking_jaar;            /* year of the beschikking */
	const int64_t *jaren;                /* the years of its upper bound */
	size_t jaar_aantal;
	const struct aanvraag_regel *begroting;   /* budget lines of the granted version */
	size_t begroting_aantal;
	const int64_t *deelnemers;           /* the coalition's providers */
	size_t deelnemer_aantal;
	const char *const *mijlpalen;        /* its milestones (ids) */
	size_t mijlpaal_aantal;
};

/* The rules' data for one year (set by the programme office). */
struct verantwoording_kader {
	int64_t jaar;
	int64_t tolerantie_bp;               /* deviation allowed without explanation */
	int64_t accountant_vanaf_cent;       /* total from which a statement is required */
	int64_t deadline_us;                 /* 0: none */
};

/* What the submission brings besides the document. */
struct verantwoording_context {
	int64_t ingediend_us;
	bool heeft_accountantsverklaring;    /* an attachment marked as such */
};

enum verantwoording_uitkomst { VB_VOLDAAN = 0, VB_BEOORDELAAR, VB_NIET_VOLDAAN };

struct verantwoording_bevinding {
	const char *code;                    /* "werkelijke_kosten", ... (static) */
	const char *bron;                    /* "[001 §5]" (static) */
	enum verantwoording_uitkomst uitkomst;
	char veld[96];                       /* JSON pointer, "" for the whole */
	char bericht[VERANTWOORDING_BERICHT_BYTES];
};

struct verantwoording_bevindingen {
	struct verantwoording_bevinding lijst[VERANTWOORDING_BEVINDINGEN_MAX];
	size_t aantal, weggelaten;
	int64_t totaal_cent;                 /* sum of the lines (saturating; overflow is V1) */
	int64_t aanvaardbaar_cent;           /* the lines no rule refused */
	bool compleet;                       /* no niet_voldaan */
};

/* Reads {"jaar", "regels": [{zorgaanbieder, kostensoort, aard, doel,
 * bedrag_cent, toelichting?}], "mijlpalen": [ids], "geen_dubbele_financiering",
 * "elders_gefinancierd_cent"?} into *out (strings point into doc; arrays in
 * arena). Every structural problem at once (RC_INVALID with pointers);
 * amounts must be JSON integers (a real is refused: money is cents). */
rc_t verantwoording_lees(json_t *doc, struct arena *arena, struct verantwoording_invoer *out,
			 struct error *e);

/* Runs V1-V9 on `in` for `project` under `kader` and fills *out (cleared
 * first). Pure. */
void verantwoording_toets(const struct verantwoording_invoer *in,
			  const struct verantwoording_project *project,
			  const struct verantwoording_kader *kader,
			  const struct verantwoording_context *ctx,
			  struct verantwoording_bevindingen *out);

/* The findings as JSON: {compleet, totaal_cent, aanvaardbaar_cent,
 * bevindingen: [{code, bron, uitkomst, veld, bericht}]}. New reference. */
json_t *verantwoording_bevindingen_json(const struct verantwoording_bevindingen *b);

#endif
