/*
 * store_grootboek.h -- the SQL of the budget ledger (see core/grootboek.h).
 * Every function must run inside store_tx(); rows are copied into the
 * caller's arena. Amounts are int64 cents; the caller checks overflow.
 */
#ifndef DOORBRAAK_STORE_GROOTBOEK_H
#define DOORBRAAK_STORE_GROOTBOEK_H

#include "store/store.h"

/* The columns of every account row, in this order. */
#define STORE_GB_REKENING_KOLOMMEN \
	"id, code, naam, soort, vlaggen, debet_geboekt_cent, credit_geboekt_cent," \
	" debet_gereserveerd_cent, credit_gereserveerd_cent"

enum store_gb_rekening_kolom {
	SGR_ID, SGR_CODE, SGR_NAAM, SGR_SOORT, SGR_VLAGGEN, SGR_DEBET_GEBOEKT, SGR_CREDIT_GEBOEKT,
	SGR_DEBET_GERESERVEERD, SGR_CREDIT_GERESERVEERD,
};

/* The columns of every entry row, in this order: the accounts as codes,
 * the reservation (for post and void) by id, key, amount and accounts. */
enum store_gb_boeking_kolom {
	SGB_ID, SGB_SLEUTEL, SGB_SOORT, SGB_DEBET, SGB_CREDIT, SGB_BEDRAG, SGB_RESERVERING_ID,
	SGB_RESERVERING, SGB_CODE, SGB_OMSCHRIJVING, SGB_TIJDSTIP, SGB_KETEN,
	SGB_DEBET_ID, SGB_CREDIT_ID, SGB_RESERVERING_SOORT, SGB_RESERVERING_BEDRAG,
	SGB_RESERVERING_DEBET_ID, SGB_RESERVERING_CREDIT_ID,
	SGB_AFGEHANDELD_DOOR, /* by_sleutel(s) only: the entry that posted or voided it */
};

/* Values per IN list of the *_by_codes / *_by_sleutels lookups. */
#define STORE_GB_IN_MAX 32

/* The four balances of an account. */
struct store_gb_saldi {
	int64_t debet_geboekt, credit_geboekt, debet_gereserveerd, credit_gereserveerd;
};

/* Inserts an account with zero balances; writes its id. A taken code is
 * RC_CONFLICT. */
rc_t store_gb_rekening_insert(struct store *s, const char *code, const char *naam,
			      const char *soort, unsigned vlaggen, const char *aangemaakt_op,
			      int64_t *id_out, struct error *e);

/* The account with `code` (0 or 1 rows). */
rc_t store_gb_rekening_by_code(struct store *s, const char *code, struct arena *arena,
			       struct store_rows *out, struct error *e);

/* The accounts with any of codes[0..n), n <= STORE_GB_IN_MAX. */
rc_t store_gb_rekening_by_codes(struct store *s, const char *const *codes, size_t n,
				struct arena *arena, struct store_rows *out, struct error *e);

/* Accounts with id > after, ordered by id, at most `limit`. */
rc_t store_gb_rekening_page(struct store *s, int64_t after, int64_t limit,
			    struct arena *arena, struct store_rows *out, struct error *e);

/* Writes the balances `nieuw` of account `id` only if they still are
 * `oud` (a pair assertion: the row read earlier in this transaction is the
 * row written). RC_INTERNAL when they are not. */
rc_t store_gb_rekening_saldi_zet(struct store *s, int64_t id, const struct store_gb_saldi *oud,
				 const struct store_gb_saldi *nieuw, struct error *e);

/* Inserts one entry; reservering_id 0 and keten NULL are SQL NULL. Writes
 * its id. A taken key or a second resolution is RC_CONFLICT. */
rc_t store_gb_boeking_insert(struct store *s, const char *sleutel, const char *soort,
			     int64_t debet_id, int64_t credit_id, int64_t bedrag_cent,
			     int64_t reservering_id, const char *code, const char *omschrijving,
			     const char *tijdstip, const char *keten, int64_t *id_out,
			     struct error *e);

/* The entry with key `sleutel` (0 or 1 rows), in the SGB_ columns up to
 * SGB_AFGEHANDELD_DOOR (NULL when it is no resolved reservation). */
rc_t store_gb_boeking_by_sleutel(struct store *s, const char *sleutel, struct arena *arena,
				 struct store_rows *out, struct error *e);

/* The entries with any of sleutels[0..n), n <= STORE_GB_IN_MAX, in the
 * same columns. */
rc_t store_gb_boeking_by_sleutels(struct store *s, const char *const *sleutels, size_t n,
				  struct arena *arena, struct store_rows *out, struct error *e);

/* Entries with id > after in log order, at most `limit`, in the SGB_ columns
 * before SGB_AFGEHANDELD_DOOR. */
rc_t store_gb_boeking_page(struct store *s, int64_t after, int64_t limit, struct arena *arena,
			   struct store_rows *out, struct error *e);

#endif
