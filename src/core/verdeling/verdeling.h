/*
 * verdeling.h -- allocation of the Zvw doorbraakmiddelen under
 * over-subscription: scenarios, three rules, explanations, LP export.
 *
 * When the requests per theme exceed what is available, the board steers
 * on quality, spread and societal impact, never on speed [001], [002 §4.2],
 * [001 "Werkwijze"]. A *verdeelscenario* holds the board's parameters
 * (fund, theme budgets and how much may move between them, per-year
 * limits, the impact bar, regional limits, partial funding) and one rule:
 *
 *   pro_rata   every eligible application of a theme gets the same share;
 *   rangorde   fill each theme in order of fte per EUR 1 mln, stop at the
 *              first application that does not fit (the cut-off);
 *   optimaal   the selection that maximises the total fte within every
 *              budget line at once (branch and bound, verdeling_optimaal.c).
 *
 * All money is integer cents, all fte milli-fte, all shares basis points or
 * parts per billion; no floating point anywhere. Ratios are compared by
 * cross-multiplication in 128 bits. Ties are broken by a documented chain
 * that ends in a lot drawn from the published seed (never input order), so
 * the same input gives byte-identical output (docs/verdeling.md).
 *
 * Pure: no HTTP, no argv, no store. Thread-safe. Every result lives in the
 * caller's arena.
 */
#ifndef DOORBRAAK_VERDELING_H
#define DOORBRAAK_VERDELING_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"

/* Version of the rules and of the output format; part of every output. */
#define VERDELING_REGELVERSIE "doorbraak-verdeling/1"

#define VERDELING_JAREN_MAX 4
#define VERDELING_THEMAS_MAX 16
#define VERDELING_ID_MAX 64             /* bytes of an id, without the NUL */
#define VERDELING_SEED_MAX 64
#define VERDELING_KANDIDATEN_MAX 100000
#define VERDELING_REDENEN_MAX 6
#define VERDELING_REDEN_TEKST 256
/* Bounds that keep every sum in int64 and every product in __int128. */
#define VERDELING_BEDRAG_MAX_CENT INT64_C(10000000000000)  /* EUR 100 bn */
#define VERDELING_FTE_MAX_MILLI INT64_C(1000000000)        /* 1 mln fte */
/* The maximum for the Zvw track, 2027 up to and including 2029 [001 §3]. */
#define VERDELING_ZVW_MAX_CENT INT64_C(60000000000)
#define VERDELING_CENT_PER_MILJOEN INT64_C(100000000)
#define VERDELING_KNOPEN_STANDAARD UINT64_C(200000)
/* The node limit also caps the work: at most this many application visits
 * (in bounds and leaves) per allowed node, so large instances stop in
 * bounded time too. Deterministic, never a clock. */
#define VERDELING_WERK_PER_KNOOP UINT64_C(256)
#define VERDELING_DELTA_STANDAARD_CENT INT64_C(100000000)  /* EUR 1 mln */

enum verdeling_regel {
	VERDELING_PRO_RATA = 0,
	VERDELING_RANGORDE,
	VERDELING_OPTIMAAL,
	VERDELING_REGEL__AANTAL
};

/* How per-year limits are tested [003 §8b]: each year on its own, or
 * cumulatively (spent in years <= Y against limits of years <= Y; unused
 * money moves forward, docs/catalogus.md §2.2 and choice K1). */
enum verdeling_jaartoets {
	VERDELING_JAARTOETS_CUMULATIEF = 0,
	VERDELING_JAARTOETS_PER_JAAR,
};

/* The regional minimum, for regions that have eligible applications. */
enum verdeling_minimum {
	VERDELING_MINIMUM_GEEN = 0,
	VERDELING_MINIMUM_CENT,    /* at least this much money */
	VERDELING_MINIMUM_AANTAL,  /* at least this many applications honoured */
};

struct verdeling_thema {
	char id[VERDELING_ID_MAX + 1];
	int64_t budget_cent;             /* richtbedrag or macrobedrag [002 §4.1] */
};

struct verdeling_jaar {
	int64_t jaar;                    /* 2027 ... */
	int64_t limiet_cent;             /* available in this year [003 §8b] */
};

/* The board's parameters. Plain data; verdeling_valideer() says what is
 * wrong with it. `verschuiving_*`: how far a theme may exceed its own
 * budget with money from other themes (at most one of the two non-zero);
 * the fund line keeps the total within the fund. */
struct verdeling_scenario {
	char naam[VERDELING_ID_MAX + 1];
	enum verdeling_regel regel;
	char seed[VERDELING_SEED_MAX + 1];   /* published with the scenario */
	int64_t fonds_cent;                  /* <= EUR 600 mln [001 §3] */
	struct verdeling_thema themas[VERDELING_THEMAS_MAX];
	size_t thema_aantal;
	int64_t verschuiving_cent;
	int64_t verschuiving_bp;             /* of the theme's own budget */
	enum verdeling_jaartoets jaartoets;
	struct verdeling_jaar jaren[VERDELING_JAREN_MAX];   /* ascending */
	size_t jaar_aantal;
	char impactlat_id[8];                /* "A", "B", "C" or "" */
	int64_t impactlat_milli;             /* milli-fte per EUR 1 mln [001 Gupta "Samenvatting"] */
	bool regio_max_actief;
	int64_t regio_max_aandeel_bp;        /* of a theme's budget, per region */
	enum verdeling_minimum regio_minimum_soort;
	int64_t regio_minimum;               /* cents or count */
	bool deelfinanciering;               /* partial funding allowed */
	int64_t marginaal_delta_cent;        /* 0: no marginal values */
	uint64_t knopen_max;                 /* branch-and-bound node limit (and work limit,
	                                        see VERDELING_WERK_PER_KNOOP); 0: default */
};

/* One application as the allocation sees it. Strings are borrowed. */
struct verdeling_kandidaat {
	const char *id;
	const char *thema;                   /* a scenario theme id */
	const char *regio;
	const char *toepassingsgebied;
	int64_t bedrag_cent[VERDELING_JAREN_MAX];  /* per scenario year index */
	int64_t fte_milli;                   /* fte saved by the full request */
	int64_t min_aandeel_bp;              /* modelplan floor; 0: no partial funding */
};

enum verdeling_status {
	VERDELING_TOEGEKEND = 0,   /* in full */
	VERDELING_VERLAAGD,        /* part of the request */
	VERDELING_AFGEWEZEN,       /* nothing */
};

struct verdeling_reden {
	char code[32];                       /* stable, e.g. "regel_bindend" */
	char tekst[VERDELING_REDEN_TEKST];   /* Dutch, with amounts */
	int lijn;                            /* index in lijnen, or -1 */
	int64_t tekort_cent;                 /* shortfall on that line, or 0 */
};

struct verdeling_uitkomst {
	int64_t toegekend_cent[VERDELING_JAREN_MAX];
	int64_t toegekend_totaal_cent;
	int64_t gevraagd_totaal_cent;
	int64_t fte_milli;                   /* realised: scaled with the share, rounded down */
	int64_t fte_per_miljoen_milli;       /* of the request, rounded down (display only) */
	bool boven_impactlat;
	size_t rang;                         /* 1-based place in the tie-break chain */
	enum verdeling_status status;
	struct verdeling_reden redenen[VERDELING_REDENEN_MAX];
	size_t reden_aantal;
};

enum verdeling_lijn_soort {
	VERDELING_LIJN_FONDS = 0,
	VERDELING_LIJN_THEMA,
	VERDELING_LIJN_JAAR,
	VERDELING_LIJN_REGIO,     /* maximum share of a theme for one region */
};

/* One budget line: a ceiling every allocation respects. */
struct verdeling_lijn {
	enum verdeling_lijn_soort soort;
	char naam[160];                      /* Dutch, for reasons */
	char sleutel[160];                   /* stable, e.g. "jaar:2029" */
	int64_t capaciteit_cent;
	int64_t gebruikt_cent;
	bool bindend;                        /* blocks a not fully honoured application */
	bool marginaal_bekend;
	bool marginaal_exact;                /* both solves proven optimal */
	int64_t marginaal_milli_per_miljoen; /* extra fte (milli) per extra EUR 1 mln */
};

struct verdeling_regio {
	const char *naam;
	int64_t besteed_cent;
	size_t gehonoreerd;                  /* applications with money */
	size_t verkiesbaar;                  /* applications above the bar */
	int64_t minimum;                     /* effective minimum (cents or count), 0: none */
	bool minimum_gehaald;
};

/* Per theme: where the cut-off fell, as fte per EUR 1 mln (milli). */
struct verdeling_afkap {
	int64_t besteed_cent;
	int64_t plafond_cent;                /* budget plus allowed shift */
	bool heeft_gehonoreerd, heeft_afgewezen;
	int64_t laagst_gehonoreerd_milli;    /* lowest ratio that got money */
	int64_t hoogst_afgewezen_milli;      /* highest eligible ratio without money */
};

struct verdeling_solver {
	bool bewezen_optimaal;
	bool limiet_bereikt;                 /* node or work limit ended the search */
	uint64_t knopen;
	uint64_t knopen_max;
	int64_t bovengrens_milli;            /* proven upper bound on total fte */
	int64_t gap_milli;                   /* bovengrens - realised */
	int64_t gap_bp;                      /* gap / bovengrens, rounded up */
};

struct verdeling_resultaat {
	struct verdeling_scenario scenario;
	char invoer_hash[65];                /* SHA-256 of scenario + candidates */
	char kandidaten_hash[65];            /* SHA-256 of the candidates alone */
	size_t kandidaat_aantal;
	const struct verdeling_kandidaat *kandidaten;  /* sorted by id */
	struct verdeling_uitkomst *uitkomsten;         /* parallel to kandidaten */
	size_t *rangorde;                    /* indices, in tie-break order */
	struct verdeling_lijn *lijnen;
	size_t lijn_aantal;
	struct verdeling_regio *regios;      /* sorted by name */
	size_t regio_aantal;
	struct verdeling_afkap afkap[VERDELING_THEMAS_MAX];
	int64_t besteed_jaar_cent[VERDELING_JAREN_MAX];
	int64_t fte_milli;
	int64_t besteed_cent;
	int64_t onbesteed_cent;              /* fund - spent */
	size_t toegekend, verlaagd, afgewezen, onder_impactlat;
	bool regiominima_gehaald;
	struct verdeling_solver solver;      /* filled for the optimal rule */
};

/* Returns the rule's stable name ("pro_rata", "rangorde", "optimaal"). */
const char *verdeling_regel_naam(enum verdeling_regel r);

/* Parses a rule name; false when unknown. */
bool verdeling_regel_lees(const char *naam, enum verdeling_regel *out);

/* Checks the scenario and the candidates and adds every problem to `e`
 * (field, stable code, source, Dutch text): budgets above the fund,
 * negative limits, unknown rule, unknown theme, duplicate ids, amounts
 * beyond the bounds above, ... Returns RC_OK or RC_INVALID. */
rc_t verdeling_valideer(const struct verdeling_scenario *s,
			const struct verdeling_kandidaat *k, size_t n,
			struct error *e);

/* Validates, then allocates with the scenario's rule. On RC_OK *out
 * points to a result in `arena` (copies of everything it refers to). The
 * input order of `k` never matters. RC_INVALID with every problem in `e`;
 * RC_CONFLICT when the regional minimums cannot all be met at once;
 * RC_NOMEM when the arena is exhausted. *out is written only on RC_OK. */
rc_t verdeling_bereken(const struct verdeling_scenario *s,
		       const struct verdeling_kandidaat *k, size_t n,
		       struct arena *arena, struct verdeling_resultaat **out,
		       struct error *e);

/* Progress of a long computation and a way to stop it (verdeeltaak.c).
 * `melding` is called every VERDELING_VOORTGANG_KNOPEN nodes of the
 * optimal rule's search with the nodes so far and the best total fte found
 * (milli, -1 while none); returning false ends the search as its node
 * limit would (the answer is then not proven; a caller that stops because
 * it was cancelled discards it). The other rules take < 0.1 s at 10,000
 * applications and are not interrupted. */
#define VERDELING_VOORTGANG_KNOPEN UINT64_C(4096)
struct verdeling_voortgang {
	bool (*melding)(void *ctx, uint64_t knopen, int64_t beste_fte_milli);
	void *ctx;
};

/* verdeling_bereken with progress reports and a stop (v may be NULL). */
rc_t verdeling_bereken_met(const struct verdeling_scenario *s,
			   const struct verdeling_kandidaat *k, size_t n,
			   const struct verdeling_voortgang *v, struct arena *arena,
			   struct verdeling_resultaat **out, struct error *e);

/* The result as a JSON object (insertion order, integers only; equal
 * input gives byte-identical encoding). Returns a new reference the
 * caller owns, or NULL when out of memory. */
json_t *verdeling_json(const struct verdeling_resultaat *r);

/* Scenarios side by side: totals per scenario and, per application, the
 * status and amount in each. All results must be over the same
 * candidates (equal kandidaten_hash): otherwise RC_CONFLICT. On RC_OK
 * *out is a new reference the caller owns. */
rc_t verdeling_vergelijk(const struct verdeling_resultaat *const *r, size_t n,
			 json_t **out, struct error *e);

/* Writes the optimisation model of the scenario in CPLEX LP format
 * (integer coefficients: fte_milli and cents; one constraint per budget
 * line; binaries, or with partial funding a binary and a continuous share
 * per application) into `arena`. Validates first, like verdeling_bereken.
 * *out (NUL-terminated) is written only on RC_OK. */
rc_t verdeling_lp(const struct verdeling_scenario *s,
		  const struct verdeling_kandidaat *k, size_t n,
		  struct arena *arena, char **out, struct error *e);

/* Reads a scenario document {"scenario": {...}, "kandidaten": [...]}
 * (format: docs/verdeling.md §2) into *s and an arena array of
 * candidates whose strings live in `arena`. Reports every structural
 * problem (unknown field, wrong type, missing field); when there is none,
 * runs verdeling_valideer() too, so every problem is reported at once.
 * RC_INVALID, RC_TOO_LARGE, RC_NOMEM. *s, *k, *n are written only on RC_OK. */
rc_t verdeling_lees(json_t *doc, struct arena *arena,
		    struct verdeling_scenario *s, struct verdeling_kandidaat **k,
		    size_t *n, struct error *e);

#endif
