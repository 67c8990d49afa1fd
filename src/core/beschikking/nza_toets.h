/*
 * nza_toets.h -- NZa's checks of a joint request before the beschikking
 * (DOMAIN.md §4 steps 7-9), each as a finding with its source.
 *
 *   a   two-sided request with an upper-bound proposal       [001 §3]
 *   b   the insurers declare the adjustments to the modelplan were
 *       assessed positively                                   [001 §3]
 *   c   the amount fits the available funds, per year        [001 §3], [003 §8b]
 *   d   contract requirement: an agreement insurer-providers  [001 §3]
 *   v1  an impactful transformation                           [001 "Werkwijze"]
 *   v2  (partly) a precondition for Zvw-insured care          [001 "Werkwijze"]
 *   v3  not individual care delivery                          [001 "Werkwijze"]
 *   v4  Zvw providers transforming their own Zvw care         [001 "Werkwijze"]
 *   v5  the tariff causes no state aid                        [001 "Werkwijze"]
 *   v6  safeguards against unintended competitive advantage   [001 "Werkwijze"]
 *   v7  no double funding                                     [001 "Werkwijze"]
 *   v8  no more than needed: upper bound <= grant <= request  [001 "Werkwijze"], [001 §7]
 *
 * The facts are gathered inside a transaction (nza_feiten_tx: the request,
 * its signatures, the assessed version of the application, the board's
 * reservations and the free room of the theme's years); the judgement
 * itself (nza_toets) is a pure function of them. A beschikking is granted
 * only when every finding is voldaan.
 */
#ifndef DOORBRAAK_NZA_TOETS_H
#define DOORBRAAK_NZA_TOETS_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/aanvraag/aanvraag.h"
#include "core/beschikking/nza_aanvraag.h"

#define NZA_BEVINDINGEN 14
#define NZA_TOELICHTING_MAX 400

/* One year of (c): what is proposed, what the board still holds for this
 * application (its open reservation "toekenning/<aanvraag>/<jaar>"), and
 * what else the theme's year can give. */
struct nza_jaar {
	int64_t jaar;
	int64_t voorgesteld_cent;
	int64_t gereserveerd_cent;   /* open reservation, 0 when none or resolved */
	int64_t ruimte_cent;         /* free room of zvw/<thema>/<jaar>; -1: no such account */
};

struct nza_feiten {
	int64_t bovengrens_cent, toegekend_cent, aangevraagd_cent;
	bool ondertekend[2];                      /* by enum nza_aanvraag_partij */
	bool verklaringen[NZA_AANVRAAG_VERKLARING__COUNT];
	const char *contract_datum, *contract_kenmerk;
	size_t afwijkingen, aanpassingen;         /* in the assessed version */
	bool aanvraag_positief;
	const char *modelplan;
	bool penvoerder_zorgaanbieder;
	size_t deelnemers_met_bedrag, niet_zorgaanbieders_met_bedrag;
	bool kennis_kosteloos_delen, geen_dubbele_financiering, geen_eerdere_iza;
	const struct aanvraag_mijlpaal *mijlpalen; /* of the assessed version, in the arena */
	size_t mijlpaal_aantal;
	const char *titel;
	struct nza_jaar jaren[2 * NZA_AANVRAAG_JAREN_MAX]; /* proposed and granted years, ascending */
	size_t jaar_aantal;
};

struct nza_bevinding {
	const char *code;        /* "a" .. "v8" */
	const char *naam;        /* Dutch */
	bool voldaan;
	char toelichting[NZA_TOELICHTING_MAX];
	const char *bron;
};

/* Gathers the facts of request `t` inside a running transaction. */
rc_t nza_feiten_tx(struct store *s, struct arena *arena, const struct nza_aanvraag *t,
		   struct nza_feiten *out, struct error *e);

/* The findings, in the order above; returns their number. Pure. */
size_t nza_toets(const struct nza_feiten *f, struct nza_bevinding out[NZA_BEVINDINGEN]);

/* True when the proposed amounts fit (finding c): per year, the proposed
 * amount minus the open reservation fits the year's free room. When not,
 * and `e` is given, one problem "past_niet" per year that does not fit. */
bool nza_past(const struct nza_feiten *f, struct error *e);

/* True when every finding is voldaan; else each unmet one as a problem
 * (field "/bevindingen/<code>", code "bevinding_<code>", its source). */
bool nza_alles_voldaan(const struct nza_bevinding *b, size_t n, struct error *e);

/* The findings of request `id` now, for `who` (who may see it: nza_aanvraag_open);
 * *t the request. In `arena`. */
rc_t nza_toetsing(struct store *s, struct arena *arena, const struct principal *who, int64_t id,
		  struct nza_aanvraag *t, struct nza_bevinding out[NZA_BEVINDINGEN], size_t *n,
		  struct error *e);


/* [{"code", "naam", "uitkomst": "voldaan"|"niet_voldaan", "toelichting", "bron"}]. */
json_t *nza_bevindingen_json(const struct nza_bevinding *b, size_t n);

#endif
