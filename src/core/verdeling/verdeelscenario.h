/*
 * verdeelscenario.h -- the board's allocation scenarios of a round: the
 * board's parameters and one rule (pro rata, ranking, optimal) applied to
 * the positively assessed applications, computed by the solver of
 * verdeling.h, stored for good, and put side by side.
 *
 * A scenario is computed from the round's applications as they stand
 * (both insurers positive, docs/indiening.md §7): the requested amount
 * per year from the frozen document's fundable budget lines, the fte
 * from its impact, the floor for partial funding from its modelplan
 * (min_aandeel_deelfinanciering_bp) and its region. The parameters not
 * given come from the round's catalogue version: the Zvw pot as the fund,
 * the theme budgets (macrobedrag, else richtbedrag), the tranches as
 * per-year limits tested cumulatively, the round's impact bar, partial
 * funding on (docs/bestuur.md §3).
 *
 * What is stored never changes: the parameters as used, the candidates,
 * and the solver's JSON with its input hash, seed and rule version. The
 * same input gives byte-identical output, so every read that recomputes
 * (LP, comparison, decision) checks it against what was stored.
 */
#ifndef DOORBRAAK_VERDEELSCENARIO_H
#define DOORBRAAK_VERDEELSCENARIO_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/basis/klok.h"
#include "core/verdeling/macrooverzicht.h"
#include "core/toegang/toegang.h"
#include "core/verdeling/verdeling.h"

#define VERDEELSCENARIO_VERGELIJK_MAX 8

/* What the board asks for (POST /verdeelscenarios). */
struct verdeelscenario_invoer {
	const char *naam;        /* 1..64 bytes, shown in every comparison */
	int64_t ronde_id;
	const char *regel;       /* "pro_rata", "rangorde", "optimaal" */
	json_t *parameters;      /* the board's parameters (docs/bestuur.md §3); NULL: defaults */
	bool demo;
};

/* Reads {"naam", "indieningsronde_id", "regel", "parameters"?} into *out
 * (strings point into `body`; what is missing stays NULL / 0); every
 * structural problem at once: RC_INVALID, *out still written when `body`
 * is an object, so that verdeelscenario_maak can add the rest. */
rc_t verdeelscenario_invoer_lees(json_t *body, struct verdeelscenario_invoer *out,
				 struct error *e);

/* Builds the scenario document {"scenario": ..., "kandidaten": [...]}
 * (docs/verdeling.md §2) of `in` over the positively assessed applications
 * of `stand` (read with ronde_stand_lees), with the defaults of its
 * catalogue filled in. Problems with the parameters are reported with
 * body pointers ("/parameters/jaren", "/regel"), all at once: RC_INVALID.
 * *doc is a new reference the caller owns, written only on RC_OK. */
rc_t verdeelscenario_document(const struct ronde_stand *stand,
			      const struct verdeelscenario_invoer *in, json_t **doc,
			      struct error *e);

/* Computes and stores a scenario in one transaction with its audit record
 * ("verdeelscenario.maak"). Problems already in `e` (from reading the
 * request) are kept and reported with the ones found here, so that the
 * caller sees all at once. Refused: a malformed request or parameters
 * (RC_INVALID, every problem), an unknown round (RC_INVALID on
 * /indieningsronde_id), a round that has not closed (RC_CONFLICT), the
 * solver's own refusals (RC_CONFLICT when the regional minimums cannot be
 * met). Computed synchronously: docs/bestuur.md §6 on the time it takes.
 * On success writes *id_out. */
rc_t verdeelscenario_maak(struct store *s, const struct principal *who, const struct klok *klok,
			  const struct verdeelscenario_invoer *in, struct arena *arena,
			  int64_t *id_out, struct error *e);

/* How a job computes (verdeeltaak.c): progress and stop for the solver,
 * `gestopt` asked once more after computing (true: nothing is stored,
 * RC_CONFLICT), and `ook`, run inside the storing transaction after the
 * scenario and its audit record with the new scenario's id (an error
 * rolls everything back). Any member may be NULL. */
struct verdeelscenario_hoe {
	struct verdeling_voortgang voortgang;
	bool (*gestopt)(void *ctx);
	rc_t (*ook)(struct store *s, void *ctx, int64_t scenario_id, struct error *e);
	void *ctx;
};

/* verdeelscenario_maak as a job computes it (see struct verdeelscenario_hoe). */
rc_t verdeelscenario_maak_met(struct store *s, const struct principal *who, const struct klok *klok,
			      const struct verdeelscenario_invoer *in,
			      const struct verdeelscenario_hoe *hoe, struct arena *arena,
			      int64_t *id_out, struct error *e);

/* Every check of verdeelscenario_maak without computing or storing: the
 * request, the round (known, closed) and the parameters against its
 * catalogue, all problems at once; refusals recorded. RC_OK when a job
 * with this request may be placed. */
rc_t verdeelscenario_controleer(struct store *s, const struct principal *who,
				const struct klok *klok, const struct verdeelscenario_invoer *in,
				struct arena *arena, struct error *e);

/* One stored scenario. The texts are NULL in lists. */
struct verdeelscenario {
	int64_t id, ronde_id;
	const char *naam, *regel, *invoer_hash, *seed, *regelversie;
	const char *aangemaakt_op, *aangemaakt_door, *kandidaten_hash;
	int64_t kandidaat_aantal, fte_milli, besteed_cent;
	bool demo;
	const char *parameters;   /* the scenario object as used (JSON) */
	const char *resultaat;    /* the solver's JSON, exactly as computed */
	const char *kandidaten;   /* the candidates (JSON) */
	const char *positief_ids; /* every positively assessed application then (JSON list of ids) */
};

/* Reads scenario `id` with its texts (in `arena`); RC_NOT_FOUND. Inside
 * a transaction of its own. */
rc_t verdeelscenario_open(struct store *s, struct arena *arena, int64_t id,
			  struct verdeelscenario *out, struct error *e);

/* The same inside a running store_tx(). */
rc_t verdeelscenario_open_tx(struct store *s, struct arena *arena, int64_t id,
			     struct verdeelscenario *out, struct error *e);

/* The id of the oldest scenario of round `ronde_id` called `naam`;
 * RC_NOT_FOUND when there is none. */
rc_t verdeelscenario_zoek(struct store *s, int64_t ronde_id, const char *naam, int64_t *id_out,
			  struct error *e);

/* The scenarios of round `ronde_id` (0: of every round), oldest first,
 * without their texts; *out an arena array of *n. */
rc_t verdeelscenario_lijst(struct store *s, struct arena *arena, int64_t ronde_id,
			   struct verdeelscenario **out, size_t *n, struct error *e);

/* The stored input as a document {"scenario", "kandidaten"}: what anyone
 * can give to `doorbraak verdeel` to recompute the scenario. New
 * reference; RC_INTERNAL when the stored texts are not JSON. */
rc_t verdeelscenario_invoer_document(const struct verdeelscenario *v, json_t **out,
				     struct error *e);

/* Recomputes the scenario from its stored input and checks that the
 * output is byte for byte the stored one (RC_INTERNAL when not; RC_CONFLICT
 * when it was computed by another rule version). *out in `arena`. */
rc_t verdeelscenario_herbereken(const struct verdeelscenario *v, struct arena *arena,
				struct verdeling_resultaat **out, struct error *e);

/* The scenario's model in CPLEX LP format (verdeling_lp), in `arena`. */
rc_t verdeelscenario_lp(const struct verdeelscenario *v, struct arena *arena, char **out,
			struct error *e);

/* Scenarios ids[0..n) (1 <= n <= VERDEELSCENARIO_VERGELIJK_MAX) side by
 * side (verdeling_vergelijk) with their names and ids. RC_NOT_FOUND for an
 * unknown id; RC_CONFLICT when they are not over the same candidates.
 * *out is a new reference the caller owns. */
rc_t verdeelscenario_vergelijk(struct store *s, struct arena *arena, const int64_t *ids,
			       size_t n, json_t **out, struct error *e);

/* Loads the demo scenarios for the demo rounds (demo data of the board's step):
 * idempotent, by name. */
rc_t verdeling_demo_laad(struct store *s, struct error *e);

/* The summary of a stored scenario as the API shows it. New reference. */
json_t *verdeelscenario_samenvatting_json(const struct verdeelscenario *v);

#endif
