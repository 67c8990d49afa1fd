/*
 * store_verdeling.h -- the SQL of the board's step: the
 * applications of a round as the macro overview and the scenarios read
 * them, the scenarios (verdeelscenario), the board's decision
 * (bestuursbesluit) and its grants (toekenning). See
 * core/macrooverzicht.h, core/verdeelscenario.h, core/bestuursbesluit.h;
 * tables in migrations/006_verdeling.sql.
 *
 * Every function runs inside store_tx(); rows are copied into the
 * caller's arena. Scenarios, decisions and grants are only ever added:
 * the database refuses UPDATE and DELETE on them.
 */
#ifndef DOORBRAAK_STORE_VERDELING_H
#define DOORBRAAK_STORE_VERDELING_H

#include <stdbool.h>

#include "store/store.h"

/* ---- the applications of a round -------------------------------------- */

enum store_verdeling_aanvraag_kolom {
	SVA_ID, SVA_STATUS, SVA_TITEL, SVA_REGIO, SVA_MODELPLAN, SVA_MODELPLAN_VERSIE,
	SVA_GEBIED, SVA_THEMA, SVA_VERSIE, SVA_COORDINEREND, SVA_TWEEDE, SVA_SHA,
};

/* The applications of round `ronde` whose status is one of
 * statussen[0..n) (1..STORE_VERDELING_STATUSSEN_MAX; the core's rule,
 * aanvraag_statussen_voor_verdeling) with id > `na`, by id, at most
 * `limiet` (SVA_ columns; SVA_VERSIE is the newest submitted version,
 * SVA_SHA its document's SHA-256; store_versie_lees reads the document). Paged on the index
 * (ronde_id, id). */
#define STORE_VERDELING_STATUSSEN_MAX 6
rc_t store_verdeling_aanvragen(struct store *s, int64_t ronde, const char *const *statussen,
			       size_t n, int64_t na, int64_t limiet, struct arena *arena,
			       struct store_rows *out, struct error *e);

/* The number of applications of round `ronde` per status: rows
 * (status, aantal). */
rc_t store_verdeling_statussen(struct store *s, int64_t ronde, struct arena *arena,
			       struct store_rows *out, struct error *e);

/* The ids of the applications of round `ronde` with status `status`, by id. */
rc_t store_verdeling_met_status(struct store *s, int64_t ronde, const char *status,
				struct arena *arena, struct store_rows *out, struct error *e);

/* ---- scenarios -------------------------------------------------------- */

#define STORE_SCENARIO_KOLOMMEN \
	"id, ronde_id, naam, regel, invoer_hash, seed, regelversie, aangemaakt_op," \
	" aangemaakt_door, kandidaten_hash, kandidaat_aantal, fte_milli, besteed_cent, demo"

enum store_scenario_kolom {
	SVS_ID, SVS_RONDE, SVS_NAAM, SVS_REGEL, SVS_INVOER_HASH, SVS_SEED, SVS_REGELVERSIE,
	SVS_AANGEMAAKT_OP, SVS_AANGEMAAKT_DOOR, SVS_KANDIDATEN_HASH, SVS_KANDIDAAT_AANTAL,
	SVS_FTE, SVS_BESTEED, SVS_DEMO,
	/* only in store_verdeling_scenario_lees: */
	SVS_PARAMETERS, SVS_RESULTAAT, SVS_KANDIDATEN, SVS_POSITIEF_IDS,
};

struct store_scenario {
	int64_t ronde_id;
	const char *naam, *regel, *parameters, *resultaat, *invoer_hash, *seed, *regelversie;
	const char *aangemaakt_op, *aangemaakt_door, *kandidaten, *kandidaten_hash;
	int64_t kandidaat_aantal, fte_milli, besteed_cent;
	bool demo;
	const char *positief_ids;   /* JSON list of every positively assessed application's id */
};

rc_t store_verdeling_scenario_insert(struct store *s, const struct store_scenario *v,
				     int64_t *id_out, struct error *e);
/* One scenario with its texts (0 or 1 rows). */
rc_t store_verdeling_scenario_lees(struct store *s, int64_t id, struct arena *arena,
				   struct store_rows *out, struct error *e);
/* The scenarios of round `ronde` (0: of every round), by id, without
 * their texts. */
rc_t store_verdeling_scenario_lijst(struct store *s, int64_t ronde, struct arena *arena,
				    struct store_rows *out, struct error *e);
/* The id of the scenario of round `ronde` called `naam` (the oldest);
 * RC_NOT_FOUND when there is none. */
rc_t store_verdeling_scenario_zoek(struct store *s, int64_t ronde, const char *naam,
				   int64_t *id_out, struct error *e);

/* ---- decisions and grants --------------------------------------------- */

#define STORE_BESLUIT_KOLOMMEN \
	"id, ronde_id, scenario_id, motivering, genomen_op, genomen_door, toegekend_cent," \
	" aanvraag_aantal"

enum store_besluit_kolom {
	SBB_ID, SBB_RONDE, SBB_SCENARIO, SBB_MOTIVERING, SBB_GENOMEN_OP, SBB_GENOMEN_DOOR,
	SBB_TOEGEKEND, SBB_AANVRAGEN,
};

struct store_besluit {
	int64_t ronde_id, scenario_id;
	const char *motivering, *genomen_op, *genomen_door;
	int64_t toegekend_cent, aanvraag_aantal;
};

/* Inserts the decision; a round that has one already is RC_CONFLICT. */
rc_t store_verdeling_besluit_insert(struct store *s, const struct store_besluit *b,
				    int64_t *id_out, struct error *e);
rc_t store_verdeling_besluit_lees(struct store *s, int64_t id, struct arena *arena,
				  struct store_rows *out, struct error *e);
/* The decision of round `ronde` (0 or 1 rows). */
rc_t store_verdeling_besluit_van_ronde(struct store *s, int64_t ronde, struct arena *arena,
				       struct store_rows *out, struct error *e);
/* Every decision (of round `ronde`, 0: all), by id. */
rc_t store_verdeling_besluit_lijst(struct store *s, int64_t ronde, struct arena *arena,
				   struct store_rows *out, struct error *e);

rc_t store_verdeling_toekenning_insert(struct store *s, int64_t besluit, int64_t aanvraag,
				       const char *thema, int64_t jaar, int64_t bedrag_cent,
				       struct error *e);
/* The grants of decision `besluit`: rows (aanvraag_id, thema, jaar,
 * bedrag_cent) by application and year. */
rc_t store_verdeling_toekenningen(struct store *s, int64_t besluit, struct arena *arena,
				  struct store_rows *out, struct error *e);


/* ---- the board's framework decisions (core/verdeling/kaderbesluit.h) ---- */

#define STORE_KADERBESLUIT_KOLOMMEN \
	"id, themas, impactlat_id, motivering, genomen_op, genomen_door, catalogusversie"

enum store_kaderbesluit_kolom {
	SKB_ID, SKB_THEMAS, SKB_IMPACTLAT, SKB_MOTIVERING, SKB_GENOMEN_OP, SKB_GENOMEN_DOOR,
	SKB_CATALOGUSVERSIE,
};

struct store_kaderbesluit {
	const char *themas;          /* JSON [{"thema_id", "macrobedrag_cent"}] */
	const char *impactlat_id, *motivering, *genomen_op, *genomen_door;
	int64_t catalogusversie;
};

/* Inserts a framework decision; writes its id. */
rc_t store_kaderbesluit_insert(struct store *s, const struct store_kaderbesluit *k,
			       int64_t *id_out, struct error *e);
/* Decision `id` (0: the newest), 0 or 1 rows. */
rc_t store_kaderbesluit_lees(struct store *s, int64_t id, struct arena *arena,
			     struct store_rows *out, struct error *e);
/* Every framework decision, newest first. */
rc_t store_kaderbesluit_lijst(struct store *s, struct arena *arena, struct store_rows *out,
			      struct error *e);

#endif
