/*
 * grootboek_intern.h -- what the ledger's own files share: booking
 * (grootboek.c), replaying the log (grootboek_herspeling.c) and the
 * hledger export (grootboek_hledger.c). Not for other modules.
 */
#ifndef DOORBRAAK_GROOTBOEK_INTERN_H
#define DOORBRAAK_GROOTBOEK_INTERN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/geld/grootboek.h"
#include "store/store_grootboek.h"

#define GEEN SIZE_MAX                 /* "no index" in the working set */
#define WERK_ARENA_BYTES (64u << 20)  /* one batch, one replay page (named limit) */
#define LEES_PAGINA 1000              /* entries per page when replaying */

/* NULL and "" are both empty; two texts are equal when both are. */
bool gb_leeg(const char *s);
bool gb_gelijk(const char *a, const char *b);

/* Adds `bedrag` to *v; true on overflow (then *v is unspecified). */
bool gb_optel(int64_t *v, int64_t bedrag);

/* The current UTC time with microseconds, ISO 8601, from the clock. */
void gb_tijdstip_nu(char out[40]);

/* All accounts ordered by id into `arena` (inside a transaction). */
rc_t gb_rekeningen_lees(struct store *s, struct arena *arena, struct rekening **out,
			size_t *n_out, struct error *e);

/* Replay state: the stored accounts and their balances recomputed from
 * zero, entry by entry. */
struct afspeel {
	struct rekening *rek;        /* as stored, ordered by id */
	size_t nrek;
	struct store_gb_saldi *her;  /* recomputed, by the index of rek */
	uint8_t *afgehandeld;        /* per reservation id: posted or voided (heap) */
	size_t capafgehandeld;
	int64_t boekingen;
	int64_t breuk_id;            /* first entry that breaks a rule, 0 when none */
	char reden[256];
};

typedef rc_t (*afspeel_fn)(void *arg, const struct afspeel *sp, const struct store_rows *rows,
			   size_t r, size_t d, size_t c, struct error *e);

/* Reads the stored accounts and sets their recomputed balances to zero. */
rc_t afspeel_begin(struct store *s, struct arena *arena, struct afspeel *sp, struct error *e);

/* Replays the whole log in pages, calling fn (may be NULL) after each
 * entry; stops at the first breach (sp->breuk_id). */
rc_t afspeel_log(struct store *s, struct afspeel *sp, afspeel_fn fn, void *arg,
			struct error *e);

#endif
