/*
 * grootboekoverzicht.h -- the ledger seen per pot, theme, year, insurer
 * and project: what is available, reserved, granted and paid,
 * computed from the accounts of docs/grootboek.md §2 in one read
 * transaction.
 *
 *   year  zvw/<t>/<j>   beschikbaar = its free room; gereserveerd = held for
 *                       the board's grants; toegekend = posted to projects
 *                       (upper bounds); betaald = milestone payments of the
 *                       theme's projects in that year (by the year paid)
 *   theme zvw/<t>       the sums of its years, plus what the theme has not
 *                       yet given to a year (in beschikbaar)
 *   pot   zvw           the sums of its themes, plus its own undistributed room
 *   project project/<a> toegekend = the upper bound; gereserveerd = the
 *                       board's reservations not yet decided; betaald = paid
 *                       out; beschikbaar = what is left of the upper bound
 *   insurer             the sums of the projects it coordinates; betaald is
 *                       verzekeraar/<uzovi>/betaald
 *
 * An insurer (beoordelaar) sees the pot, themes and years, and only its
 * own projects and its own row.
 */
#ifndef DOORBRAAK_GROOTBOEKOVERZICHT_H
#define DOORBRAAK_GROOTBOEKOVERZICHT_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "store/store.h"
#include "core/toegang/toegang.h"

struct overzicht_regel {
	const char *code;        /* the account ("zvw/ai/2027"), or "verzekeraar/<uzovi>" */
	const char *thema;       /* NULL for the pot and insurers */
	int64_t jaar;            /* 0 when not a year row */
	int64_t aanvraag_id;     /* projects */
	const char *uzovi;       /* projects and insurers */
	const char *naam;        /* insurers */
	int64_t beschikbaar_cent, gereserveerd_cent, toegekend_cent, betaald_cent;
};

struct grootboekoverzicht {
	struct overzicht_regel pot;
	struct overzicht_regel *themas, *jaren, *verzekeraars, *projecten;
	size_t thema_aantal, jaar_aantal, verzekeraar_aantal, project_aantal;
	int64_t rekening_aantal;
};

/* Builds the overview for `who` (NULL: everything, for the CLI); in `arena`. */
rc_t grootboekoverzicht_maak(struct store *s, struct arena *arena, const struct principal *who,
			     struct grootboekoverzicht *out, struct error *e);

json_t *grootboekoverzicht_json(const struct grootboekoverzicht *o);

/* A plain-text table for `doorbraak grootboek toon`. */
void grootboekoverzicht_druk(FILE *uit, const struct grootboekoverzicht *o);

/* True when `who` may see the entries touching account `code`: everything
 * for NZa, the programme office, the Zorginstituut and the auditor; for an
 * insurer its own projects (set in `eigen`, a sorted list of application
 * ids) and its own verzekeraar account. */
struct grootboek_zicht {
	int64_t *projecten;
	size_t project_aantal;
	const char *uzovi;
	int alles;
};
rc_t grootboek_zicht_van(struct store *s, struct arena *arena, const struct principal *who,
			 struct grootboek_zicht *out, struct error *e);
int grootboek_zicht_mag(const struct grootboek_zicht *z, const char *code);

#endif
