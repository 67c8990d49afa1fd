/*
 * verdeeltaak.h -- the board's scenarios as jobs (issue 14; docs/bestuur.md
 * §3.1): placed at once, computed by a worker of some server process,
 * with progress, and a real cancel.
 *
 * Placing checks everything verdeelscenario_maak checks (the request, the
 * round known and closed, the parameters against its catalogue) and
 * answers at once with every problem, or stores the job as `wachtend`.
 * A worker (verdeeltaak_werker_start; every server process runs one unless
 * told not to) claims the oldest waiting job until now + VERDEELTAAK_CLAIM_US
 * -- a job whose worker died is taken over after that -- and computes it
 * with the round as it stands then. The scenario and the job's `klaar`
 * are stored in one transaction. Cancelling a waiting job ends it at once;
 * a running one is asked to stop (`annuleren`): the worker sees it within
 * VERDEELTAAK_KIJK_US at its next progress report, stops the search, and
 * stores nothing. Every change of state is one transaction with its audit
 * record. Progress (nodes, best fte so far) lives in the memory of the
 * process that computes; other processes show the state in the database.
 */
#ifndef DOORBRAAK_VERDEELTAAK_H
#define DOORBRAAK_VERDEELTAAK_H

#include <jansson.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

#define VERDEELTAAK_CLAIM_US (INT64_C(15) * 60 * 1000000)   /* 15 minutes */
#define VERDEELTAAK_KIJK_US INT64_C(250000)                 /* a look at the database */
#define VERDEELTAAK_VERZOEK_MAX_BYTES (64u * 1024u)

struct verdeeltaak {
	int64_t id, ronde_id;
	const char *naam;
	const char *status;          /* wachtend, bezig, annuleren, geannuleerd, klaar, mislukt */
	const char *aangemaakt_op, *aangemaakt_door, *gestart_op, *klaar_op;
	int64_t scenario_id;         /* klaar: the scenario; else 0 */
	const char *fout;            /* mislukt: the problem as JSON; else NULL */
	int64_t knopen;              /* search nodes: live while bezig here, else as ended */
	int64_t beste_fte_milli;     /* best total fte found so far; -1 when unknown */
	bool live;                   /* computed by this process right now */
};

/* Places a job for the request `body` ({"naam", "indieningsronde_id",
 * "regel", "parameters"?}, as POST /verdeelscenarios) by `who`. Refused as
 * verdeelscenario_maak refuses (RC_INVALID with every problem,
 * RC_CONFLICT for a round still open), recorded; else stored with its
 * audit record ("verdeeltaak.plaats") and *id_out written. Wakes this
 * process's worker. */
rc_t verdeeltaak_plaats(struct store *s, const struct principal *who, const struct klok *klok,
			json_t *body, struct arena *arena, int64_t *id_out, struct error *e);

/* Reads job `id` into *out (strings in arena), with live progress when
 * this process computes it. RC_NOT_FOUND. */
rc_t verdeeltaak_lees(struct store *s, struct arena *arena, int64_t id, struct verdeeltaak *out,
		      struct error *e);

/* Cancels job `id`: a waiting one becomes geannuleerd, a running one
 * annuleren (the worker ends it). RC_CONFLICT (code "taak_afgelopen") for
 * one that ended already; RC_NOT_FOUND. Audit "verdeeltaak.annuleer". */
rc_t verdeeltaak_annuleer(struct store *s, const struct principal *who, const struct klok *klok,
			  int64_t id, struct error *e);

/* Claims and computes one job, if any: *gedaan tells whether there was
 * one. The job ends klaar, mislukt or geannuleerd; RC_OK unless the
 * database failed. `stop` (may be NULL) is an extra stop asked by the
 * caller (checked with the database's `annuleren`). */
rc_t verdeeltaak_werk_een(struct store *s, const struct klok *klok, const atomic_bool *stop,
			  bool *gedaan, struct error *e);

/* The job as JSON (docs/bestuur.md §3.1). New reference. */
json_t *verdeeltaak_json(const struct verdeeltaak *t);

/* A thread that runs verdeeltaak_werk_een until stopped, waking when this
 * process places a job and otherwise every second (jobs placed by other
 * processes). Takes a connection of `pool` only while it works. */
struct verdeeltaak_werker;
rc_t verdeeltaak_werker_start(struct store_pool *pool, const struct klok *klok,
			      struct verdeeltaak_werker **out, struct error *e);
/* Stops the worker: a running job is stopped as a cancel would (it stays
 * claimed and is taken over after its claim expires), then joins. */
void verdeeltaak_werker_stop(struct verdeeltaak_werker *w);

#endif
