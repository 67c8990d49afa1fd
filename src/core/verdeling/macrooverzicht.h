/*
 * macrooverzicht.h -- the board's view of a round: the requests per
 * theme, application area, sector, region and year against the theme
 * budgets and the money available per year, over- and under-subscription
 * per line, and the fte pledged against the AZWA ambition.
 *
 * After the assessment the insurers show the board the totals; on over-
 * or under-subscription the board steers on quality, spread and societal
 * impact, never on speed, before anything is final [001 "Vervolgproces"],
 * [002 §4.2]. What counts: the positively assessed applications (both
 * insurers positive) and, shown apart, those still being assessed
 * (ingediend, in_beoordeling, informatie_gevraagd); each with the
 * requested amounts of its newest submitted (frozen) version.
 *
 * This module also reads what the other board modules need: the round's
 * applications reduced to their numbers (ronde_stand_lees) and the frame
 * of the round's catalogue version (verdeelkader_lees): the Zvw pot with
 * its tranches, the themes with their budgets, the impact bars and the
 * ambition. All money is int64 cents, fte milli-fte; no floating point.
 */
#ifndef DOORBRAAK_MACROOVERZICHT_H
#define DOORBRAAK_MACROOVERZICHT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/aanvraag/indieningsronde.h"
#include "core/basis/klok.h"
#include "core/toegang/toegang.h"

#define VERDEELKADER_JAREN_MAX 8
#define VERDEELKADER_THEMAS_MAX 16
#define VERDEELKADER_LATTEN_MAX 8
#define RONDE_AANVRAGEN_MAX 100000     /* applications of one round the board looks at */
#define MACROOVERZICHT_PAGINA_MAX 1000 /* applications per drill-down page */

/* One amount of an application in one year or one sector. */
struct ronde_bedrag {
	int64_t jaar;            /* 0 for a sector amount */
	const char *sector;      /* NULL for a year amount */
	int64_t bedrag_cent;
};

/* One submitted application as the board sees it: the numbers of its
 * newest submitted version. Strings live in the caller's arena. */
struct ronde_aanvraag {
	int64_t id;
	enum aanvraag_status status;
	const char *titel;               /* NULL when none */
	const char *thema, *toepassingsgebied;
	const char *regio;               /* "onbekend" when the application names none */
	int64_t coordinerend, tweede;    /* the insurers' organisation ids */
	int64_t gevraagd_cent;           /* R: the requested (fundable, one-off) budget lines */
	int64_t fte_milli;               /* fte saved at full scale-up; 0 when not given */
	int64_t min_aandeel_bp;          /* the modelplan's floor for partial funding */
	struct ronde_bedrag *jaren;      /* requested per year, ascending, each > 0 */
	size_t jaar_aantal;
	struct ronde_bedrag *sectoren;   /* requested per sector of the provider, by name */
	size_t sector_aantal;
};

/* The frame of one catalogue version that the board works against. */
struct verdeelkader {
	int64_t catalogusversie;
	int64_t fonds_cent;              /* the whole fund (EUR 800 mln) */
	int64_t pot_cent;                /* the Zvw pot: EUR 600 mln [001 §3] */
	int64_t van_jaar, tot_jaar;      /* its spending period [002 §1, §5a] */
	struct { int64_t jaar, bedrag_cent; } tranches[VERDEELKADER_JAREN_MAX];
	size_t tranche_aantal;           /* what becomes available per year [003 §8b] */
	struct {
		char id[65];
		char naam[201];
		int64_t budget_cent;     /* macrobedrag when fixed, else richtbedrag [002 §4.1] */
		bool macrobedrag;
	} themas[VERDEELKADER_THEMAS_MAX];
	size_t thema_aantal;
	struct { char id[8]; int64_t fte_per_miljoen_milli; } latten[VERDEELKADER_LATTEN_MAX];
	size_t lat_aantal;
	char gekozen_lat[8];             /* "" when the board chose none */
	int64_t ambitie_fte_milli;       /* ~27,600 fte [001 Gupta "Samenvatting"] */
	int64_t ambitie_fte_per_miljoen_milli;
	int64_t ambitie_cent;            /* the money the ambition is about (EUR 800 mln) */
};

/* Reads the frame from a catalogue document (as published, so already
 * valid). RC_INTERNAL when the Zvw pot or a theme is missing. */
rc_t verdeelkader_lees(json_t *catalogus, int64_t catalogusversie, struct verdeelkader *out,
		       struct error *e);

/* The impact bar `id` of the frame: true and *milli when known. */
bool verdeelkader_lat(const struct verdeelkader *k, const char *id, int64_t *milli);

/* Reads round `ronde_id` and the frame of its catalogue version, inside a
 * running store_tx(). RC_NOT_FOUND for an unknown round. */
rc_t ronde_kader_lees_tx(struct store *s, struct arena *arena, int64_t ronde_id,
			 struct indieningsronde *ronde, struct verdeelkader *kader, struct error *e);

/* A round and its submitted applications, read in one transaction. */
struct ronde_stand {
	struct indieningsronde ronde;
	struct verdeelkader kader;
	struct ronde_aanvraag *aanvragen;   /* by id */
	size_t aantal;
	int64_t per_status[AANVRAAG_NEGATIEF + 1];  /* every application of the round, by status */
};

/* Reads round `ronde_id`, its catalogue frame, the number of its
 * applications per status and its submitted applications: positief only,
 * or also the pending ones when `met_lopend`. In one read transaction of
 * its own; every string and array in `arena`. RC_NOT_FOUND for an unknown
 * round; RC_TOO_LARGE above RONDE_AANVRAGEN_MAX applications. *out is
 * written only on RC_OK. */
rc_t ronde_stand_lees(struct store *s, struct arena *arena, int64_t ronde_id, bool met_lopend,
		      struct ronde_stand *out, struct error *e);

/* Filters and the drill-down of the overview. Filters select
 * applications; every total is computed over the selected ones. NULL / 0:
 * no filter. */
struct macrooverzicht_filter {
	const char *thema, *toepassingsgebied, *sector, *regio;  /* regio case-insensitive */
	int64_t jaar;                 /* applications that request money in this year */
	bool aanvragen;               /* include the applications themselves (drill-down) */
	int64_t na, limiet;           /* drill-down paging: ids above `na`, at most `limiet` */
};

/* Who sees what: the board, the programme office and the auditor see
 * everything; an insurer every total, and in the drill-down only the
 * applications it assesses; anyone else (also without login) the totals
 * per theme and year and the fte, without filters or applications. */
enum macrooverzicht_zicht {
	MACRO_PUBLIEK = 0,
	MACRO_VERZEKERAAR,
	MACRO_VOLLEDIG,
};

enum macrooverzicht_zicht macrooverzicht_zicht(const struct principal *who);

/* Builds the overview of round `ronde_id` for `who` (format:
 * docs/bestuur.md §2). Refused: an unknown round (RC_NOT_FOUND), a round
 * that has not closed (RC_CONFLICT "ronde_niet_gesloten": its totals are
 * sealed like its applications), a filter or drill-down asked by a
 * caller who sees only the public totals (RC_FORBIDDEN, recorded as a
 * refusal), a bad filter (RC_INVALID). *out is a new reference the
 * caller owns, written only on RC_OK, with the round's closing moment in
 * *sluit_us (may be NULL). */
rc_t macrooverzicht_maak(struct store *s, struct arena *arena, const struct principal *who,
			 const struct klok *klok, int64_t ronde_id,
			 const struct macrooverzicht_filter *f, json_t **out, int64_t *sluit_us,
			 struct error *e);

/* The same overview as compact JSON text in `arena` (*tekst, *lengte),
 * answered from memory while the database is unchanged
 * (macrooverzicht_antwoord.c): an answer is kept under the round, the
 * view, the insurer, the filter and the last audit record (number and
 * hash; every write adds one). Refusals as macrooverzicht_maak; they are
 * never kept. */
rc_t macrooverzicht_tekst(struct store *s, struct arena *arena, const struct principal *who,
			  const struct klok *klok, int64_t ronde_id,
			  const struct macrooverzicht_filter *f, const char **tekst, size_t *lengte,
			  struct error *e);

/* fte per EUR 1 mln (milli), rounded down: fte_milli * 10^8 / cent; 0
 * when cent is 0. */
int64_t macro_fte_per_miljoen(int64_t fte_milli, int64_t cent);

#endif
