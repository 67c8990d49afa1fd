/*
 * store_verdeeltaak.h -- the SQL of the board's scenario jobs
 * (core/verdeling/verdeeltaak.h; table in migrations/010_verdeeltaak.sql).
 * Every function runs inside store_tx(); rows are copied into the
 * caller's arena.
 */
#ifndef DOORBRAAK_STORE_VERDEELTAAK_H
#define DOORBRAAK_STORE_VERDEELTAAK_H

#include "store/store.h"

enum store_verdeeltaak_kolom {
	SVT_ID, SVT_RONDE, SVT_NAAM, SVT_VERZOEK, SVT_STATUS, SVT_AANGEMAAKT_OP, SVT_AANGEMAAKT_DOOR,
	SVT_GESTART_OP, SVT_VERLOOPT_US, SVT_KLAAR_OP, SVT_SCENARIO, SVT_KNOPEN, SVT_FOUT,
};

/* Adds a waiting job; *id_out its id. */
rc_t store_verdeeltaak_voeg_toe(struct store *s, int64_t ronde, const char *naam, const char *verzoek,
				const char *nu, const char *door, int64_t *id_out, struct error *e);

/* Job `id` (SVT_ columns; no rows when there is none). */
rc_t store_verdeeltaak_lees(struct store *s, int64_t id, struct arena *arena,
			    struct store_rows *out, struct error *e);

/* Claims the oldest job that is waiting, or whose claim expired before
 * `nu_us` (a worker that died): status bezig (annuleren stays annuleren),
 * gestart_op `nu`, claimed until `tot_us`. *id_out the job; RC_NOT_FOUND
 * when there is none. Safe with several processes: the row is re-checked
 * under its lock. */
rc_t store_verdeeltaak_claim(struct store *s, const char *nu, int64_t nu_us, int64_t tot_us,
			     int64_t *id_out, struct error *e);

/* *aantal: the jobs a worker could claim at `nu_us` (waiting, or claimed
 * before and expired). A read, so an idle worker takes no write lock. */
rc_t store_verdeeltaak_te_doen(struct store *s, int64_t nu_us, int64_t *aantal, struct error *e);

/* Sets the state of job `id` when it is `van` now: status `naar`,
 * klaar_op (may be NULL), scenario (0: none), knopen and fout (may be
 * NULL). RC_CONFLICT when the job was not in state `van`. */
rc_t store_verdeeltaak_zet(struct store *s, int64_t id, const char *van, const char *naar,
			   const char *klaar_op, int64_t scenario, int64_t knopen, const char *fout,
			   struct error *e);

#endif
