/*
 * nza_aanvraag.h -- the joint request to NZa (DOMAIN.md
 * §4 step 6): insurer and providers together ask NZa for a beschikking
 * with an upper bound for one application that both insurers assessed
 * positively and the board granted [001 §3], [002 §4.2].
 *
 * The coordinating insurer makes it (role beoordelaar of the application's
 * coordinating insurer): the proposed upper bound (at most the granted
 * multi-year amount, default equal to it) and its split over the years,
 * the insurers' declarations (the adjustments to the modelplan were
 * assessed positively [001 §3] (b), and the formal conditions of
 * [001 "Werkwijze"] that only they can declare), and the contract record
 * (the agreement between insurer and providers: date and reference,
 * [001 §3] (d)). Its content is fixed at creation and hashed (SHA-256 of
 * its canonical JSON); it never changes.
 *
 * Then both parties sign that hash: the coordinating insurer and the
 * coalition's lead (role aanvrager of the penvoerder). The second
 * signature submits the request to NZa -- if it fits the money still
 * available: a request whose proposed per-year amounts need more than the
 * board reserved for it and the free room of its theme's years can take
 * is not taken into treatment (the signature is refused, RC_CONFLICT
 * "past_niet", [001 §3], [003 §8b]). NZa sees only submitted requests.
 *
 * Statuses: ondertekening (awaiting signatures) -> in_behandeling (with
 * NZa) -> beschikt | afgewezen (beschikking.h).
 */
#ifndef DOORBRAAK_NZA_AANVRAAG_H
#define DOORBRAAK_NZA_AANVRAAG_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"

#define NZA_AANVRAAG_JAREN_MAX 4
#define NZA_AANVRAAG_KENMERK_MAX 200
#define NZA_AANVRAAG_PAGINA_MAX 1000

/* The declarations of the insurers, in this order; the JSON keys are
 * nza_aanvraag_verklaring_namen[]. */
enum nza_aanvraag_verklaring {
	NZA_AANVRAAG_AANPASSINGEN_POSITIEF = 0,  /* (b) adjustments assessed positively [001 §3] */
	NZA_AANVRAAG_RANDVOORWAARDELIJK,         /* precondition for Zvw-insured care [001 "Werkwijze"] */
	NZA_AANVRAAG_GEEN_INDIVIDUELE_ZORG,      /* not individual care delivery [001 "Werkwijze"] */
	NZA_AANVRAAG_EIGEN_ZVW_ZORG,             /* Zvw providers transforming their own care [001 "Werkwijze"] */
	NZA_AANVRAAG_GEEN_STAATSSTEUN,           /* the tariff causes no state aid [001 "Werkwijze"] */
	NZA_AANVRAAG_WAARBORGEN_CONCURRENTIE,    /* safeguards against competitive advantage [001 "Werkwijze"] */
	NZA_AANVRAAG_VERKLARING__COUNT
};
extern const char *const nza_aanvraag_verklaring_namen[NZA_AANVRAAG_VERKLARING__COUNT];

/* One year's amount. */
struct nza_aanvraag_jaar {
	int64_t jaar;
	int64_t bedrag_cent;
};

enum nza_aanvraag_partij { NZA_AANVRAAG_VERZEKERAAR = 0, NZA_AANVRAAG_PENVOERDER = 1 };

/* A joint request as stored; strings in the caller's arena. */
struct nza_aanvraag {
	int64_t id, aanvraag_id, versie;
	const char *thema;
	int64_t toegekend_cent;          /* the board's grant, all years */
	int64_t bovengrens_cent;         /* proposed upper bound */
	struct nza_aanvraag_jaar jaren[NZA_AANVRAAG_JAREN_MAX];  /* proposed split, ascending years */
	size_t jaar_aantal;
	bool verklaringen[NZA_AANVRAAG_VERKLARING__COUNT];
	const char *contract_datum, *contract_kenmerk;
	const char *sha256;              /* of the canonical content: what is signed */
	const char *status;              /* ondertekening, in_behandeling, beschikt, afgewezen */
	const char *ingediend_op;        /* NULL until both signed */
	const char *aangemaakt_op, *aangemaakt_door;
	int64_t penvoerder_id, coordinerend_verzekeraar_id, tweede_verzekeraar_id;
	struct {
		bool getekend;
		int64_t organisatie_id;
		const char *door, *op;
	} ondertekening[2];              /* by enum nza_aanvraag_partij */
};

/* What the coordinating insurer sends. */
struct nza_aanvraag_invoer {
	int64_t aanvraag_id;           /* 0 when missing or not a number */
	bool bovengrens_gegeven;       /* the member is there (not null) */
	bool bovengrens_geldig;        /* ... and a positive integer */
	int64_t bovengrens_cent;
	bool jaren_gegeven;            /* the member is there (not null) */
	bool jaren_geldig;             /* ... and every year in it is well formed */
	struct nza_aanvraag_jaar jaren[NZA_AANVRAAG_JAREN_MAX];
	size_t jaar_aantal;
	bool verklaringen[NZA_AANVRAAG_VERKLARING__COUNT];
	const char *contract_datum;    /* NULL unless a valid YYYY-MM-DD */
	const char *contract_kenmerk;  /* NULL unless filled in (tekst_aanwezig) */
};

/* Reads the body of POST /nza-aanvragen: {"aanvraag_id", "bovengrens_cent"?,
 * "jaarverdeling"? [{"jaar", "bedrag_cent"}], "verklaringen" {...all six
 * true}, "contract" {"datum": "YYYY-MM-DD", "kenmerk"}}. Every problem of
 * the body at once (RC_INVALID): unknown fields, wrong types, a
 * declaration missing or false ("verklaring_ontbreekt"), no contract or a
 * contract without date or reference ("contract_ontbreekt"), a date that
 * is no date, an amount not positive, years twice or out of order, more
 * than NZA_AANVRAAG_JAREN_MAX. *out is always written, also on RC_INVALID: with
 * what could be read, and the validity flags above, so that nza_aanvraag_maak can
 * add the problems that need the stored application (all at once, NLGov
 * ADR). Strings point into `body`. */
rc_t nza_aanvraag_lees(json_t *body, struct nza_aanvraag_invoer *out, struct error *e);

size_t nza_aanvraag_standaard_jaren(const struct nza_aanvraag_jaar *toegekend, size_t n, int64_t bovengrens_cent,
			   struct nza_aanvraag_jaar out[NZA_AANVRAAG_JAREN_MAX]);

/* Makes the joint request in one transaction with its audit record
 * ("nza_aanvraag.maak"). Refused: an application the caller may not see,
 * or whose coordinating insurer is not the caller's organisation
 * (RC_NOT_FOUND, recorded as a refusal); not assessed positively
 * ("niet_positief") or not granted by the board ("niet_toegekend"), a
 * request that exists already ("bestaat_al"): RC_CONFLICT; an upper bound
 * above the grant ("boven_toekenning"), a split that does not add up
 * ("som_ongelijk") or names a year without budget ("jaar_zonder_budget"),
 * a contract dated in the future ("contract_toekomst"): RC_INVALID.
 * `lees_fouten` (may be NULL) are the problems nza_aanvraag_lees found in the body:
 * they are reported together with these, every one at once, and nothing is
 * stored; RC_CONFLICT when any of the conflicts above is among them, else
 * RC_INVALID. Writes *id_out. */
rc_t nza_aanvraag_maak(struct store *s, const struct principal *who, const struct klok *klok,
	      const struct nza_aanvraag_invoer *in, const struct error *lees_fouten, int64_t *id_out,
	      struct error *e);

/* What the caller may do with a request. */
enum nza_aanvraag_toegang {
	NZA_AANVRAAG_GEEN = 0,
	NZA_AANVRAAG_ALS_VERZEKERAAR,   /* the coordinating insurer */
	NZA_AANVRAAG_ALS_TWEEDE,        /* the second insurer: reads */
	NZA_AANVRAAG_ALS_PENVOERDER,    /* the lead */
	NZA_AANVRAAG_ALS_NZA,           /* NZa: only submitted requests */
	NZA_AANVRAAG_ALS_LEZER,       /* auditor, board, programme office: read everything */
};

/* The access rule. Pure. */
enum nza_aanvraag_toegang nza_aanvraag_toegang(const struct principal *who, const struct nza_aanvraag *t);

/* Reads request `id` for `who`; a missing one and one who may not see are
 * both RC_NOT_FOUND (the latter recorded as a refusal). */
rc_t nza_aanvraag_open(struct store *s, struct arena *arena, const struct principal *who, int64_t id,
	      struct nza_aanvraag *out, struct error *e);

/* The requests `who` may see, by id after `na`, at most `limiet`;
 * `status` filters (NULL: all; an unknown one is RC_INVALID). */
rc_t nza_aanvraag_lijst(struct store *s, struct arena *arena, const struct principal *who,
	       const char *status, int64_t na, int64_t limiet,
	       struct nza_aanvraag **out, size_t *n, struct error *e);

/* Inside a running transaction: request `id` (RC_NOT_FOUND when missing),
 * or the request of application `aanvraag_id` when id is 0. */
rc_t nza_aanvraag_lees_tx(struct store *s, struct arena *arena, int64_t id, int64_t aanvraag_id,
		 struct nza_aanvraag *out, struct error *e);

/* The grant of an application by year, inside a transaction: *n years
 * (0: not granted), *thema the theme of the grant. */
rc_t nza_aanvraag_toekenning_tx(struct store *s, struct arena *arena, int64_t aanvraag_id,
		       struct nza_aanvraag_jaar out[NZA_AANVRAAG_JAREN_MAX], size_t *n, const char **thema,
		       struct error *e);

/* The request as JSON (with its signatures and links). */
json_t *nza_aanvraag_json(const struct nza_aanvraag *t);

/* Reads a row of store_nza_aanvraag_* into *out (no signatures). */
struct store_rows;
void nza_aanvraag_uit_rij(const struct store_rows *r, size_t i, struct nza_aanvraag *out);

/* A JSON list [{"jaar", "bedrag_cent"}] of n years. */
json_t *nza_aanvraag_jaren_json(const struct nza_aanvraag_jaar *jaren, size_t n);

/* Parses such a list (as stored); false when it is not one. */
bool nza_aanvraag_jaren_uit_tekst(const char *tekst, struct nza_aanvraag_jaar out[NZA_AANVRAAG_JAREN_MAX], size_t *n);

#endif
