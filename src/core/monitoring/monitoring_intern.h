/*
 * monitoring_intern.h -- what the monitoring modules share: every granted
 * project with its milestones, money and newest reports, read at once
 * (monitoring_stand.c), and the signal rules (signalen.c).
 */
#ifndef DOORBRAAK_MONITORING_INTERN_H
#define DOORBRAAK_MONITORING_INTERN_H

#include "core/monitoring/monitoring.h"
#include "core/beschikking/nza_aanvraag.h"
#include "core/verdeling/macrooverzicht.h"

struct monitoring_periode {
	const char *code;
	int64_t van, tot, inleveren_voor;   /* days since 1970 */
	int kwartaal;                       /* 1..4 */
	int64_t jaar;
};

struct monitoring_mijlpaal {
	const char *id, *streefdatum;
	int64_t streefdag, bedrag_cent;
	bool gemeld;
};

struct monitoring_rapport {
	const char *periode, *ingediend_op;
	int64_t versie, fte_milli, besteed_cent;
};

struct monitoring_jaar {
	int64_t jaar, betaald_cent, verantwoord_cent, bovengrens_cent;
};

struct monitoring_project {
	int64_t beschikking_id, aanvraag_id, ronde_id, coordinerend, tweede, penvoerder_id;
	const char *kenmerk, *titel, *thema, *gebied, *regio, *penvoerder_naam, *genomen_op;
	int64_t bovengrens_cent, betaald_cent, verantwoord_cent, bereikt;
	int64_t fte_toegezegd_milli;              /* 0 when the application named none */
	struct monitoring_mijlpaal *mijlpalen;
	size_t mijlpaal_aantal;
	struct monitoring_rapport *rapporten;     /* newest version per period, by period */
	size_t rapport_aantal;
	struct monitoring_jaar *jaren;            /* per year of the beschikking and every paid year */
	size_t jaar_aantal;
	int64_t start_dag, volledig_dag;          /* first day of its first year; its last milestone */
};

struct monitoring_stand {
	struct monitoring_periode *perioden;
	size_t periode_aantal;
	struct monitoring_project *projecten;     /* by beschikking id */
	size_t project_aantal;
	struct store_rows kennisnames;            /* store_signaal_kennisnames */
	struct store_rows toekenningen;           /* store_monitoring_toekenningen: every board grant */
	struct ronde_stand *rondes;               /* every round's submitted applications */
	size_t ronde_aantal;
};

/* Reads the periods, every granted project (paged) with its milestones,
 * money per year and newest reports, and the acknowledgements, in one
 * read transaction; fte pledged from the applications' newest submitted
 * versions. Everything in `a`. */
rc_t monitoring_stand_lees(struct store *s, struct arena *a, struct monitoring_stand *out, struct error *e);

/* The same for one page of projects: beschikking ids above `na`, at most
 * `limiet` of them (0: all); only insurer `coordinerend`'s when not 0. */
rc_t monitoring_stand_pagina(struct store *s, struct arena *a, int64_t coordinerend, int64_t na, int64_t limiet,
			     struct monitoring_stand *out, struct error *e);

/* The period `code`, or NULL. */
const struct monitoring_periode *monitoring_periode_zoek(const struct monitoring_stand *st, const char *code);

/* Planned fte of project `p` at day `dag`: linear from its start to full
 * scale-up at its last milestone [004 "Monitoring en bijsturing"]. */
int64_t monitoring_fte_plan(const struct monitoring_project *p, int64_t dag);

/* Planned spending of `p` by the end of period `q`: the beschikking's
 * years before it and the part of its own year. */
int64_t monitoring_geld_plan(const struct monitoring_project *p, const struct monitoring_periode *q);

/* Every problem of a progress report `body` at once into `e` (nothing
 * stored): against the modelplan's milestones (their KPIs), the
 * beschikking's milestones and the periods of `st` (only .perioden used).
 * The decoder of untrusted input that fuzz_monitoring exercises. */
void projectvoortgang_lees(json_t *body, json_t *modelplan_mijlpalen, json_t *beschikking_mijlpalen,
			   const struct monitoring_stand *st, struct error *e);

/* One signal. */
struct signaal {
	const char *sleutel, *code, *omschrijving, *bron;
	const struct monitoring_project *p;
};

/* Every signal of the projects on `peildag` (arena array). */
rc_t signalen_bereken(const struct monitoring_stand *st, int64_t peildag, struct arena *a, struct signaal **out,
		      size_t *n, struct error *e);

/* The newest report of `p` of a period ending on or before `peildag`; NULL
 * when none. *q its period. */
const struct monitoring_rapport *monitoring_laatste_rapport(const struct monitoring_stand *st,
							    const struct monitoring_project *p, int64_t peildag,
							    const struct monitoring_periode **q);

#endif
