/*
 * verdeling_intern.h -- the model shared by the files of the allocation
 * (verdeling*.c); not part of the public API.
 *
 * The model is the validated input in a canonical form: candidates sorted
 * by id, regions sorted by name, the ranking (tie-break chain), and the
 * budget lines with, per candidate, the lines it counts in. An allocation
 * (struct vd_toewijzing) holds per candidate per year the cents granted;
 * every rule produces one, and verdeling_uitleg.c explains it.
 */
#ifndef DOORBRAAK_VERDELING_INTERN_H
#define DOORBRAAK_VERDELING_INTERN_H

#include "core/verdeling/verdeling.h"

__extension__ typedef __int128 vd_i128;

/* floor(a * b / c) for a, b >= 0 and c > 0 with a result that fits:
 * 64-bit when the product fits (nearly always: amounts are cents), else
 * 128-bit. Exact either way. */
static inline int64_t vd_muldiv(int64_t a, int64_t b, int64_t c)
{
	int64_t p;
	if (!__builtin_mul_overflow(a, b, &p))
		return p / c;
	return (int64_t)((vd_i128)a * b / c);
}

#define VD_BP 10000
#define VD_LIJNEN_PER_KANDIDAAT 8   /* fund, theme, region, years */
#define VD_GEEN (-1)

struct vd_lijn {
	enum verdeling_lijn_soort soort;
	int thema;                       /* THEMA, REGIO; else VD_GEEN */
	int regio;                       /* REGIO; else VD_GEEN */
	int jaar;                        /* JAAR: index; else VD_GEEN */
	unsigned jaar_masker;            /* bit y: year y counts in this line */
	int64_t capaciteit_cent;
};

struct vd_kand {
	int thema;
	int regio;
	int64_t totaal_cent;             /* R: the full request */
	int64_t vloer_bp;                /* effective floor: 10000 when no partial */
	bool boven_lat;
	uint64_t lot;
	int lijnen[VD_LIJNEN_PER_KANDIDAAT];
	int lijn_aantal;
};

struct vd_model {
	const struct verdeling_scenario *s;
	size_t n;
	const struct verdeling_kandidaat *k;    /* sorted by id */
	struct vd_kand *kand;                   /* parallel to k */
	size_t *rang;                           /* all candidates, chain order */
	size_t *rang_van;                       /* candidate -> place in rang */
	size_t regio_aantal;
	const char **regios;                    /* sorted */
	int64_t *regio_min;                     /* effective minimum per region */
	struct vd_lijn *lijnen;
	size_t lijn_aantal;
	size_t jaar_aantal;
	struct arena *arena;
	const struct verdeling_voortgang *voortgang;   /* may be NULL */
};

/* An allocation: bedrag[i * VERDELING_JAREN_MAX + y]. */
struct vd_toewijzing {
	int64_t *bedrag;
	int64_t *totaal;                 /* per candidate */
	int64_t *gebruik;                /* per line */
	int64_t fte_milli;
	/* why a candidate got what it got, filled by the rule */
	uint8_t *herkomst;
	size_t *gesloten_na;             /* rangorde: theme closed after (or SIZE_MAX) */
};

enum vd_herkomst {
	VD_H_GEEN = 0,
	VD_H_RANG,                       /* in ranking order */
	VD_H_REGIOMINIMUM,               /* to meet a regional minimum */
	VD_H_AFKAP,                      /* rangorde: below the cut-off */
	VD_H_PRO_RATA,
	VD_H_ONDER_VLOER,                /* pro rata share below the floor */
	VD_H_OPTIMAAL,
	VD_H_AANVULLING,                 /* partial tail after the selection */
};

/* ---- verdeling_model.c ------------------------------------------------ */

/* Builds the model from validated input into `a`: copies and sorts the
 * candidates, draws the lots, ranks, builds the lines. RC_NOMEM. */
rc_t vd_model_bouw(const struct verdeling_scenario *s,
		   const struct verdeling_kandidaat *k, size_t n,
		   struct arena *a, struct vd_model *m, struct error *e);

/* Compares candidates i and j by the tie-break chain: < 0 when i ranks
 * first. Never 0 for i != j. */
int vd_vergelijk_rang(const struct vd_model *m, size_t i, size_t j);

/* Allocates an empty allocation for the model; NULL on exhaustion. */
struct vd_toewijzing *vd_toewijzing_nieuw(const struct vd_model *m);

/* Copies src into dst (same model). */
void vd_toewijzing_kopieer(const struct vd_model *m, struct vd_toewijzing *dst,
			   const struct vd_toewijzing *src);

/* The per-year amounts of candidate i at target total h (0 <= h <= R):
 * floor(b_y * h / R), exact when h == R. Writes g[jaar_aantal] and
 * returns their sum. */
int64_t vd_bedragen_bij(const struct vd_model *m, size_t i, int64_t h, int64_t *g);

/* Cents of amounts g[] that count in line l. */
int64_t vd_lijn_deel(const struct vd_model *m, int l, const int64_t *g);

/* The smallest target h whose amounts meet candidate i's floor
 * (sum * 10000 >= R * floor). */
int64_t vd_vloer_bedrag(const struct vd_model *m, size_t i);

/* The largest target h in [lo, R] whose amounts fit every line of i on
 * top of `gebruik` (which must not include i); -1 when even lo does not fit. */
int64_t vd_max_bedrag(const struct vd_model *m, size_t i, const int64_t *gebruik,
		      int64_t lo);

/* Sets candidate i's amounts to target h (replacing what it had) and
 * updates the line usage and the realised fte. */
void vd_zet(const struct vd_model *m, struct vd_toewijzing *t, size_t i, int64_t h);

/* Sets candidate i's per-year amounts to g[] exactly (same bookkeeping). */
void vd_zet_g(const struct vd_model *m, struct vd_toewijzing *t, size_t i, const int64_t *g);

/* Realised fte (milli) of candidate i with total granted `totaal`. */
int64_t vd_fte_bij(const struct vd_model *m, size_t i, int64_t totaal);

/* fte per EUR 1 mln of the full request (milli, rounded down). */
int64_t vd_ratio_milli(const struct vd_model *m, size_t i);

/* Writes per region the cents (or, for a minimum in applications, the
 * count) granted in t into stand[regio_aantal]. */
void vd_regio_standen(const struct vd_model *m, const struct vd_toewijzing *t, int64_t *stand);

/* What candidate i adds to its region's standing when granted `totaal`. */
int64_t vd_regio_bijdrage(const struct vd_model *m, size_t i, int64_t totaal);

/* True when every regional minimum is met by the standings `stand`. */
bool vd_regiominima_gehaald(const struct vd_model *m, const int64_t *stand);

/* ---- rules ------------------------------------------------------------ */

/* Greedy in ranking order: regional minimums first, then every candidate
 * that fits (fully, or partially down to its floor). With `strikt`, a
 * theme closes at the first candidate that does not fit for a reason
 * other than its region's share (the rangorde rule). */
void vd_rangorde(const struct vd_model *m, struct vd_toewijzing *t, bool strikt);

/* The pro rata rule (verdeling_regels.c). RC_NOMEM. */
rc_t vd_pro_rata(const struct vd_model *m, struct vd_toewijzing *t);

/* The most removals pro rata tries at once (default SIZE_MAX; 1 removes
 * one at a time, as the rule is defined). Only tests change it, to show
 * that both give the same allocation. */
extern size_t vd_pro_rata_partij_max;

/* The optimal rule (verdeling_optimaal.c). RC_NOMEM, or RC_CONFLICT when
 * no allocation meets the regional minimums. */
rc_t vd_optimaal(const struct vd_model *m, struct vd_toewijzing *t,
		 struct verdeling_solver *solver, struct error *e);

/* Runs the scenario's rule into t (solver may be NULL). */
rc_t vd_pas_regel_toe(const struct vd_model *m, struct vd_toewijzing *t,
		      struct verdeling_solver *solver, struct error *e);

/* ---- verdeling_uitleg.c ----------------------------------------------- */

/* Fills the result (statuses, reasons, lines, totals, cut-offs, marginal
 * values) from the model and its allocation. RC_NOMEM. */
rc_t vd_uitleg(const struct vd_model *m, const struct vd_toewijzing *t,
	       struct verdeling_resultaat *r, struct error *e);


/* Dutch milli as a decimal "12,345" into buf. */
void vd_milli(char *buf, size_t cap, int64_t milli);

/* The name (Dutch) and key of line l. */
void vd_lijn_naam(const struct vd_model *m, int l, char *naam, size_t cap);
void vd_lijn_sleutel(const struct vd_model *m, int l, char *buf, size_t cap);

/* ---- hashing (verdeling_model.c) -------------------------------------- */

void vd_hashes(const struct vd_model *m, char invoer[65], char kandidaten[65]);

#endif
