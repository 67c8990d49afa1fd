/*
 * grootboek.h -- the budget ledger: double entry, in the database,
 * immutable entries.
 *
 * Modelled on TigerBeetle's accounts, two-phase transfers and linked
 * events. An account (*rekening*) has a stable code ("zvw/ai/2027") and
 * four balances in euro cents: debet/credit geboekt (posted) and debet/
 * credit gereserveerd (pending). An entry (*boeking*) moves an amount from
 * its debit account to its credit account and is never changed or removed;
 * a correction is a new entry. Kinds of entry:
 *
 *   direct                     posted at once
 *   reservering                pending: the amount is held in the pending
 *                              balances of both accounts
 *   boeking_van_reservering    posts a reservation, in full or for less
 *                              (the rest is released)
 *   vrijgave_van_reservering   voids a reservation (releases it all)
 *
 * A reservation is posted or voided exactly once. A capped account
 * (REKENING_DEBET_BEGRENSD) refuses a debit or reservation that would take
 * debet geboekt + debet gereserveerd above credit geboekt: its balance
 * never goes below zero. Entries marked `gekoppeld` form a chain with the
 * entry after them: all succeed or none does.
 *
 * Every entry carries an idempotency key (*sleutel*) derived from the
 * business event ("beschikking/12/reservering"). A request whose key is
 * already booked with the same fields books nothing and reports `bestaat`
 * with the original entry's id; the same key with other fields is refused
 * (`bestaat_met_andere_velden`). See docs/grootboek.md.
 */
#ifndef DOORBRAAK_GROOTBOEK_H
#define DOORBRAAK_GROOTBOEK_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "store/store.h"

#define GROOTBOEK_CODE_MAX 64          /* account code, [a-z0-9_.-] parts joined by '/' */
#define GROOTBOEK_NAAM_MAX 200
#define GROOTBOEK_SLEUTEL_MAX 200      /* idempotency key */
#define GROOTBOEK_BOEKCODE_MAX 64      /* the business event's code, e.g. "beschikking" */
#define GROOTBOEK_OMSCHRIJVING_MAX 500
#define GROOTBOEK_BATCH_MAX 1000       /* entries per grootboek_boek call */
#define GROOTBOEK_REKENINGEN_MAX 50000
#define GROOTBOEK_PAGINA_MAX 10000     /* entries per grootboek_boekingen page */

enum rekening_soort {
	REKENING_BRON,        /* where money enters the ledger (uncapped) */
	REKENING_POT,         /* a pot: the EUR 600M Zvw macrokader [001 §3, §7] */
	REKENING_THEMA,       /* a theme budget [002 §4.1] */
	REKENING_JAAR,        /* what a pot or theme makes available in one year [003 §8b] */
	REKENING_PROJECT,     /* a beschikking's upper bound [001 §3, §7] */
	REKENING_VERZEKERAAR, /* what an insurer paid out [001 §2, §7] */
	REKENING_OVERIG,
	REKENING_SOORT__COUNT
};

/* Account flags (mutually exclusive, as in TigerBeetle). */
#define REKENING_DEBET_BEGRENSD 1u  /* debits must not exceed credits: never below zero */
#define REKENING_CREDIT_BEGRENSD 2u /* credits must not exceed debits */

/* An account as stored. */
struct rekening {
	int64_t id;
	char code[GROOTBOEK_CODE_MAX + 1];
	char naam[GROOTBOEK_NAAM_MAX + 1];
	enum rekening_soort soort;
	unsigned vlaggen;
	int64_t debet_geboekt_cent;
	int64_t credit_geboekt_cent;
	int64_t debet_gereserveerd_cent;
	int64_t credit_gereserveerd_cent;
};

/* What grootboek_rekening_open needs. */
struct rekening_def {
	const char *code;
	const char *naam;
	enum rekening_soort soort;
	unsigned vlaggen;
};

enum boeking_soort {
	BOEKING_DIRECT,
	BOEKING_RESERVERING,
	BOEKING_VAN_RESERVERING,   /* post a reservation */
	BOEKING_VRIJGAVE,          /* void a reservation */
	BOEKING_SOORT__COUNT
};

/* One requested entry. For BOEKING_VAN_RESERVERING and BOEKING_VRIJGAVE
 * the accounts may be NULL (then the reservation's are used) or must equal
 * the reservation's; `bedrag_cent` is the amount to post (> 0, at most the
 * reserved amount), or for a void 0 or exactly the reserved amount. */
struct boeking {
	const char *sleutel;       /* idempotency key, 1..200 of [A-Za-z0-9/_.:-] */
	enum boeking_soort soort;
	const char *debet;         /* account code */
	const char *credit;        /* account code */
	int64_t bedrag_cent;
	const char *reservering;   /* the reservation's key; only for post and void */
	const char *code;          /* business event code, [a-z0-9_.-]; NULL = "" */
	const char *omschrijving;  /* free text, no control characters; NULL = "" */
	bool gekoppeld;            /* linked to the next entry of the batch */
};

/* Result codes, in descending order of precedence: when several apply,
 * the first listed is reported (as TigerBeetle's create_transfers). Only
 * GROOTBOEK_OK books anything; GROOTBOEK_BESTAAT is a successful retry. */
enum grootboek_uitkomst {
	GROOTBOEK_OK = 0,
	GROOTBOEK_GEKOPPELDE_BOEKING_MISLUKT,   /* another entry of the chain failed */
	GROOTBOEK_KETEN_NIET_GESLOTEN,          /* the batch's last entry is gekoppeld */
	GROOTBOEK_SLEUTEL_ONGELDIG,
	GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN,    /* key booked before with other fields */
	GROOTBOEK_BESTAAT,                      /* key booked before with these fields */
	GROOTBOEK_SOORT_ONGELDIG,
	GROOTBOEK_TEKST_ONGELDIG,               /* code or omschrijving */
	GROOTBOEK_BEDRAG_NIET_POSITIEF,
	GROOTBOEK_RESERVERING_ONTBREEKT,        /* post/void without a reservation key */
	GROOTBOEK_RESERVERING_NIET_TOEGESTAAN,  /* direct/reservering with one */
	GROOTBOEK_REKENING_ONTBREEKT,
	GROOTBOEK_REKENINGEN_GELIJK,
	GROOTBOEK_DEBETREKENING_ONBEKEND,
	GROOTBOEK_CREDITREKENING_ONBEKEND,
	GROOTBOEK_RESERVERING_ONBEKEND,
	GROOTBOEK_GEEN_RESERVERING,             /* the key names an entry of another kind */
	GROOTBOEK_REKENING_WIJKT_AF_VAN_RESERVERING,
	GROOTBOEK_MEER_DAN_GERESERVEERD,
	GROOTBOEK_BEDRAG_WIJKT_AF_VAN_RESERVERING,
	GROOTBOEK_RESERVERING_AL_AFGEHANDELD,   /* posted or voided before */
	GROOTBOEK_OVERLOOP,                     /* a balance would overflow int64 */
	GROOTBOEK_ONVOLDOENDE_SALDO,            /* capped debit account would go below zero */
	GROOTBOEK_CREDIT_BOVEN_DEBET,           /* credit-capped account would exceed its debits */
	GROOTBOEK_UITKOMST__COUNT
};

/* The result of one requested entry. */
struct boeking_resultaat {
	enum grootboek_uitkomst uitkomst;
	int64_t boeking_id;     /* the new entry (OK), the original one (BESTAAT, and
				 * BESTAAT_MET_ANDERE_VELDEN when it was stored before
				 * this batch); else 0 */
	int64_t ruimte_cent;    /* ONVOLDOENDE_SALDO / CREDIT_BOVEN_DEBET: room that was left */
	enum rekening_soort rekening_soort; /* ... on an account of this kind */
};

/* One entry of the log, as read back; strings live in the caller's arena. */
struct boeking_regel {
	int64_t id;
	const char *sleutel;
	enum boeking_soort soort;
	const char *debet;
	const char *credit;
	int64_t bedrag_cent;        /* posted or reserved; for a void the released amount */
	int64_t reservering_id;     /* post/void: the reservation's id, else 0 */
	const char *reservering;    /* its key, else NULL */
	const char *code;
	const char *omschrijving;
	const char *tijdstip;       /* UTC, ISO 8601 with microseconds */
	const char *keten;          /* key of the chain's first entry, NULL when not linked */
};

/* The outcome of grootboek_herspeel. */
struct grootboek_herspeling {
	int64_t boekingen;          /* entries replayed */
	int64_t rekeningen;         /* accounts compared */
	bool klopt;                 /* everything below held */
	int64_t boeking_id;         /* first entry that breaks a rule, 0 when none */
	char rekening[GROOTBOEK_CODE_MAX + 1]; /* first account that differs, "" when none */
	char reden[256];            /* Dutch, why it does not hold */
};

/* ---- names --------------------------------------------------------- */

const char *rekening_soort_naam(enum rekening_soort soort);     /* "pot" */
const char *boeking_soort_naam(enum boeking_soort soort);       /* "reservering" */
const char *grootboek_uitkomst_naam(enum grootboek_uitkomst u); /* "onvoldoende_saldo" */

/* Parses a name back; false when unknown (then *out is untouched). */
bool rekening_soort_lees(const char *naam, enum rekening_soort *out);
bool boeking_soort_lees(const char *naam, enum boeking_soort *out);

/* What a capped account can still give: credit geboekt - debet geboekt -
 * debet gereserveerd (for REKENING_CREDIT_BEGRENSD the mirror image);
 * INT64_MAX for an uncapped account. */
int64_t rekening_ruimte_cent(const struct rekening *r);

/* ---- accounts ------------------------------------------------------ */

/* Opens an account; must run inside store_tx(STORE_WRITE). Idempotent: an
 * account with the same code and the same name, kind and flags gives its
 * id again. Writes *id_out on success. RC_INVALID (with every problem as
 * an item) for a malformed definition, RC_CONFLICT when the code exists
 * with other fields. */
rc_t grootboek_rekening_open(struct store *s, const struct rekening_def *def,
			     int64_t *id_out, struct error *e);

/* The same in a transaction of its own, with an audit record by `actor`. */
rc_t grootboek_rekening_open_apart(struct store *s, const char *actor,
				   const struct rekening_def *def, int64_t *id_out,
				   struct error *e);

/* ---- booking ------------------------------------------------------- */

/* Books batch[0..n), 1 <= n <= GROOTBOEK_BATCH_MAX, in order; must run
 * inside the caller's store_tx(STORE_WRITE), so that a business write, its
 * entries and its audit record are one transaction. Each entry sees the
 * effects of the entries before it. results[i] is always written for every
 * i when this returns RC_OK; a refused entry is not an error of this
 * function (it books nothing and its result says why; see
 * grootboek_weigeringen). Returns RC_INVALID when n is out of range, or
 * the store's error -- then the caller's transaction must roll back
 * (store_tx does) and results are unspecified. */
rc_t grootboek_boek(struct store *s, const struct boeking *batch, size_t n,
		    struct boeking_resultaat *results, struct error *e);

/* Turns the refused entries of a batch into one problem: RC_OK when every
 * result is OK or BESTAAT; otherwise one item per refused entry (field
 * "/boekingen/<i>", the result code, a Dutch sentence and the rule's
 * source) and RC_CONFLICT when any refusal depends on the ledger's state,
 * else RC_INVALID. A caller that wants all-or-nothing returns this rc from
 * its store_tx function. */
rc_t grootboek_weigeringen(const struct boeking *batch, const struct boeking_resultaat *results,
			   size_t n, struct error *e);

/* Books in a transaction of its own with an audit record by `actor`
 * ("grootboek.boek", resultaat "gelukt" or "geweigerd"). Entries that
 * succeed are committed (as TigerBeetle: only linked entries depend on
 * each other). Returns RC_OK when all were OK or BESTAAT, else
 * grootboek_weigeringen' problem; results are written whenever the
 * transaction ran. */
rc_t grootboek_boek_apart(struct store *s, const char *actor, const struct boeking *batch,
			  size_t n, struct boeking_resultaat *results, struct error *e);

/* ---- reading (each in a read transaction of its own) --------------- */

/* The account with `code`; RC_NOT_FOUND when there is none. */
rc_t grootboek_saldo(struct store *s, const char *code, struct rekening *out, struct error *e);

/* All accounts ordered by id, in `arena`; at most GROOTBOEK_REKENINGEN_MAX. */
rc_t grootboek_rekeningen(struct store *s, struct arena *arena, struct rekening **out,
			  size_t *n_out, struct error *e);

/* The log in order: at most `limit` (1..GROOTBOEK_PAGINA_MAX) entries with
 * id > after_id, strings in `arena`. */
rc_t grootboek_boekingen(struct store *s, int64_t after_id, size_t limit, struct arena *arena,
			 struct boeking_regel **out, size_t *n_out, struct error *e);

/* The entry with key `sleutel`; RC_NOT_FOUND when there is none. */
rc_t grootboek_boeking_bij_sleutel(struct store *s, const char *sleutel, struct arena *arena,
				   struct boeking_regel *out, struct error *e);

/* Replays the whole log from zero in one read transaction and compares
 * the recomputed balances with the stored ones. Also checks, at every
 * step, that amounts are positive, no capped account goes below zero,
 * every post or void refers to an earlier reservation with its accounts,
 * posts at most the reserved amount and no reservation is resolved twice;
 * and at the end that debits equal credits (posted and pending). *out is
 * always written on RC_OK; out->klopt says whether it held. */
rc_t grootboek_herspeel(struct store *s, struct grootboek_herspeling *out, struct error *e);

/* Writes the ledger as an hledger journal (for `hledger check`): account
 * and commodity declarations, one transaction per entry with a balance
 * assertion on every posting (pending amounts on "gereserveerd:<code>"),
 * and a closing transaction asserting every stored balance. Built in
 * memory inside one read transaction and written to `out` after it, so a
 * retried transaction never writes twice. RC_IO when writing fails. */
rc_t grootboek_hledger(struct store *s, FILE *out, struct error *e);

/* One ledger entry as the API shows it. New reference. */
json_t *boeking_json(const struct boeking_regel *b);

#endif
