/*
 * monitoring_stand.c -- every granted project as monitoring sees it, read
 * at once (monitoring_intern.h), and the plan lines the signals and the
 * dashboard compare with.
 */
#include "core/monitoring/monitoring_intern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/bedrag.h"
#include "core/aanvraag/indieningsronde.h"
#include "core/verdeling/macrooverzicht.h"
#include "store/store_monitoring.h"

#define JAREN_MAX 16   /* years of one project: the beschikking's and every booked one */

static struct monitoring_project *zoek(const struct monitoring_stand *st, int64_t id)
{
	size_t lo = 0, hi = st->project_aantal;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (st->projecten[mid].beschikking_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < st->project_aantal && st->projecten[lo].beschikking_id == id ? &st->projecten[lo] : NULL;
}

const struct monitoring_periode *monitoring_periode_zoek(const struct monitoring_stand *st, const char *code)
{
	for (size_t i = 0; code && i < st->periode_aantal; i++)
		if (strcmp(st->perioden[i].code, code) == 0)
			return &st->perioden[i];
	return NULL;
}

static rc_t perioden_uit(const struct store_rows *r, struct arena *a, struct monitoring_stand *st, struct error *e)
{
	st->perioden = arena_alloc(a, (r->nrows + 1) * sizeof *st->perioden);
	if (!st->perioden)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < r->nrows; i++) {
		struct monitoring_periode *q = &st->perioden[i];
		q->code = arena_strdup(a, store_text(r, i, 0));
		if (!q->code || !klok_datum_lees(store_text(r, i, 1), &q->van) ||
		    !klok_datum_lees(store_text(r, i, 2), &q->tot) ||
		    !klok_datum_lees(store_text(r, i, 3), &q->inleveren_voor))
			return error_set(e, RC_INTERNAL, "Periode %zu is onleesbaar.", i);
		q->jaar = strtoll(q->code, NULL, 10);
		q->kwartaal = q->code[6] - '0';
	}
	st->periode_aantal = r->nrows;
	return RC_OK;
}

/* The milestones and years of a beschikking from its JSON columns. */
static rc_t project_json(struct monitoring_project *p, const char *mijlpalen, const char *jaren, struct arena *a,
			 struct error *e)
{
	json_t *m = json_loads(mijlpalen ? mijlpalen : "[]", 0, NULL);
	json_t *j = json_loads(jaren ? jaren : "[]", 0, NULL);
	size_t nm = json_array_size(m);
	p->mijlpalen = arena_alloc(a, (nm + 1) * sizeof *p->mijlpalen);
	p->jaren = arena_alloc(a, JAREN_MAX * sizeof *p->jaren);
	rc_t rc = p->mijlpalen && p->jaren ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	size_t i;
	json_t *x;
	json_array_foreach(m, i, x) {
		if (rc != RC_OK)
			break;
		struct monitoring_mijlpaal *q = &p->mijlpalen[p->mijlpaal_aantal++];
		*q = (struct monitoring_mijlpaal){
			.id = arena_strdup(a, json_string_value(json_object_get(x, "id"))),
			.streefdatum = arena_strdup(a, json_string_value(json_object_get(x, "streefdatum"))),
			.bedrag_cent = json_integer_value(json_object_get(x, "bedrag_cent"))};
		if (!q->streefdatum || !klok_datum_lees(q->streefdatum, &q->streefdag))
			q->streefdag = 0;
		if (q->streefdag > p->volledig_dag)
			p->volledig_dag = q->streefdag;
	}
	json_array_foreach(j, i, x) {
		if (rc != RC_OK || p->jaar_aantal >= JAREN_MAX)
			break;
		int64_t jaar = json_integer_value(json_object_get(x, "jaar"));
		p->jaren[p->jaar_aantal++] = (struct monitoring_jaar){
			.jaar = jaar, .bovengrens_cent = json_integer_value(json_object_get(x, "bedrag_cent"))};
		char d[16];
		int64_t dag = 0;
		snprintf(d, sizeof d, "%04lld-01-01", (long long)jaar);
		if (klok_datum_lees(d, &dag) && (p->start_dag == 0 || dag < p->start_dag))
			p->start_dag = dag;
	}
	json_decref(m);
	json_decref(j);
	return rc;
}

/* The year line of `p` for `jaar`, added when it has none. */
static struct monitoring_jaar *jaar_van(struct monitoring_project *p, int64_t jaar)
{
	for (size_t i = 0; i < p->jaar_aantal; i++)
		if (p->jaren[i].jaar == jaar)
			return &p->jaren[i];
	if (p->jaar_aantal >= JAREN_MAX)
		return NULL;
	p->jaren[p->jaar_aantal] = (struct monitoring_jaar){.jaar = jaar};
	return &p->jaren[p->jaar_aantal++];
}

struct stand_ctx {
	struct arena *a;
	int64_t na, limiet;   /* the page of projects: ids above na, at most limiet (0: all) */
	int64_t tot;          /* the last id of the page read */
	int64_t coordinerend; /* only this insurer's projects; 0: all */
	struct monitoring_stand *st;
	struct store_rows perioden, meldingen, jaargeld, rapporten;
	struct store_rows *paginas;
	size_t pagina_aantal, pagina_cap;
};

static rc_t stand_tx(struct store *s, void *ctx, struct error *e)
{
	struct stand_ctx *c = ctx;
	c->pagina_aantal = 0;
	rc_t rc = store_monitoring_perioden(s, c->a, &c->perioden, e);
	int64_t na = c->na, over = c->limiet > 0 ? c->limiet : INT64_MAX;
	while (rc == RC_OK && over > 0) {
		if (c->pagina_aantal == c->pagina_cap) {
			size_t cap = c->pagina_cap ? 2 * c->pagina_cap : 8;
			struct store_rows *n = arena_alloc(c->a, cap * sizeof *n);
			if (!n)
				return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
			if (c->pagina_aantal)
				memcpy(n, c->paginas, c->pagina_aantal * sizeof *n);
			c->paginas = n;
			c->pagina_cap = cap;
		}
		struct store_rows *r = &c->paginas[c->pagina_aantal];
		int64_t stuk = over < MONITORING_PAGINA ? over : MONITORING_PAGINA;
		rc = store_monitoring_projecten(s, c->coordinerend, na, stuk, c->a, r, e);
		if (rc != RC_OK || r->nrows == 0)
			break;
		c->pagina_aantal++;
		na = store_int(r, r->nrows - 1, PR_BESCHIKKING, 0);
		over -= (int64_t)r->nrows;
		if ((int64_t)r->nrows < stuk)
			break;
	}
	/* the rows of the projects read: ids above c->na up to the last (all when no limit) */
	int64_t tot = c->limiet > 0 ? na : INT64_MAX;
	c->tot = tot;
	if (rc == RC_OK)
		rc = store_monitoring_meldingen(s, c->na, tot, c->a, &c->meldingen, e);
	if (rc == RC_OK)
		rc = store_monitoring_jaargeld(s, c->na, tot, c->a, &c->jaargeld, e);
	if (rc == RC_OK)
		rc = store_monitoring_toekenningen(s, c->a, &c->st->toekenningen, e);
	if (rc == RC_OK)
		rc = store_monitoring_rapporten(s, c->na, tot, c->a, &c->rapporten, e);
	if (rc == RC_OK)
		rc = store_signaal_kennisnames(s, c->a, &c->st->kennisnames, e);
	return rc;
}

static rc_t projecten_uit(struct stand_ctx *c, struct error *e)
{
	struct monitoring_stand *st = c->st;
	size_t n = 0;
	for (size_t k = 0; k < c->pagina_aantal; k++)
		n += c->paginas[k].nrows;
	st->projecten = arena_alloc(c->a, (n + 1) * sizeof *st->projecten);
	if (!st->projecten)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t k = 0; k < c->pagina_aantal; k++) {
		const struct store_rows *r = &c->paginas[k];
		for (size_t i = 0; i < r->nrows; i++) {
			struct monitoring_project *p = &st->projecten[st->project_aantal++];
			*p = (struct monitoring_project){
				.beschikking_id = store_int(r, i, PR_BESCHIKKING, 0),
				.aanvraag_id = store_int(r, i, PR_AANVRAAG, 0),
				.ronde_id = store_int(r, i, PR_RONDE, 0),
				.coordinerend = store_int(r, i, PR_COORDINEREND, 0),
				.tweede = store_int(r, i, PR_TWEEDE, 0),
				.penvoerder_id = store_int(r, i, PR_PENVOERDER, 0),
				.kenmerk = store_text(r, i, PR_KENMERK), .titel = store_text(r, i, PR_TITEL),
				.thema = store_text(r, i, PR_THEMA), .gebied = store_text(r, i, PR_GEBIED),
				.regio = store_text(r, i, PR_REGIO), .penvoerder_naam = store_text(r, i, PR_PENVOERDER_NAAM),
				.genomen_op = store_text(r, i, PR_GENOMEN_OP),
				.bovengrens_cent = store_int(r, i, PR_BOVENGRENS, 0),
				.betaald_cent = store_int(r, i, PR_BETAALD, 0) + store_int(r, i, PR_GECORRIGEERD, 0),
				.verantwoord_cent = store_int(r, i, PR_VERANTWOORD, 0),
				.bereikt = store_int(r, i, PR_BEREIKT, 0)};
			rc_t rc = project_json(p, store_text(r, i, PR_MIJLPALEN), store_text(r, i, PR_JAREN), c->a, e);
			if (rc != RC_OK)
				return rc;
		}
	}
	return RC_OK;
}

/* Milestones reported, money per year and the newest reports onto their
 * projects. */
static rc_t koppel(struct stand_ctx *c, struct error *e)
{
	struct monitoring_stand *st = c->st;
	for (size_t i = 0; i < c->meldingen.nrows; i++) {
		struct monitoring_project *p = zoek(st, store_int(&c->meldingen, i, 0, 0));
		const char *m = store_text(&c->meldingen, i, 1);
		for (size_t k = 0; p && m && k < p->mijlpaal_aantal; k++)
			if (p->mijlpalen[k].id && strcmp(p->mijlpalen[k].id, m) == 0)
				p->mijlpalen[k].gemeld = true;
	}
	for (size_t i = 0; i < c->jaargeld.nrows; i++) {
		struct monitoring_project *p = zoek(st, store_int(&c->jaargeld, i, 0, 0));
		struct monitoring_jaar *j = p ? jaar_van(p, store_int(&c->jaargeld, i, 1, 0)) : NULL;
		if (j) {
			j->betaald_cent += store_int(&c->jaargeld, i, 2, 0);
			j->verantwoord_cent += store_int(&c->jaargeld, i, 3, 0);
		}
	}
	size_t nr = c->rapporten.nrows;
	struct monitoring_rapport *alle = arena_alloc(c->a, (nr + 1) * sizeof *alle);
	if (!alle)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	const struct store_rows *r = &c->rapporten;
	for (size_t i = 0; i < nr; i++) {
		struct monitoring_project *p = zoek(st, store_int(r, i, 0, 0));
		if (!p)
			continue;
		if (!p->rapporten)
			p->rapporten = &alle[i];
		const char *periode = store_text(r, i, 1);
		/* versions of a period come in order: the newest replaces the one before */
		if (p->rapport_aantal && strcmp(p->rapporten[p->rapport_aantal - 1].periode, periode) == 0)
			p->rapport_aantal--;
		p->rapporten[p->rapport_aantal++] = (struct monitoring_rapport){
			.periode = periode, .versie = store_int(r, i, 2, 0), .fte_milli = store_int(r, i, 3, 0),
			.besteed_cent = store_int(r, i, 4, 0), .ingediend_op = store_text(r, i, 5)};
	}
	return RC_OK;
}

/* Every round's submitted applications (ronde_stand_lees, cached by
 * version; positively assessed and still being assessed), kept in the
 * stand for the dashboard, and from them the fte each project pledged. */
static rc_t rondes_lees(struct store *s, struct arena *a, struct monitoring_stand *st, struct error *e)
{
	struct indieningsronde *rondes = NULL;
	size_t n = 0;
	rc_t rc = indieningsronde_lijst(s, a, &rondes, &n, e);
	st->rondes = rc == RC_OK ? arena_alloc(a, (n + 1) * sizeof *st->rondes) : NULL;
	if (rc == RC_OK && !st->rondes)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; rc == RC_OK && i < n; i++) {
		struct ronde_stand *rs = &st->rondes[st->ronde_aantal];
		rc = ronde_stand_lees(s, a, rondes[i].id, true, rs, e);
		if (rc == RC_OK)
			st->ronde_aantal++;
	}
	for (size_t k = 0; rc == RC_OK && k < st->project_aantal; k++) {
		struct monitoring_project *p = &st->projecten[k];
		for (size_t i = 0; i < st->ronde_aantal; i++) {
			const struct ronde_stand *rs = &st->rondes[i];
			if (rs->ronde.id != p->ronde_id)
				continue;
			size_t lo = 0, hi = rs->aantal;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (rs->aanvragen[mid].id < p->aanvraag_id)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < rs->aantal && rs->aanvragen[lo].id == p->aanvraag_id)
				p->fte_toegezegd_milli = rs->aanvragen[lo].fte_milli;
		}
	}
	return rc;
}

rc_t monitoring_stand_lees(struct store *s, struct arena *a, struct monitoring_stand *out, struct error *e)
{
	return monitoring_stand_pagina(s, a, 0, 0, 0, out, e);
}

rc_t monitoring_stand_pagina(struct store *s, struct arena *a, int64_t coordinerend, int64_t na, int64_t limiet,
			     struct monitoring_stand *out, struct error *e)
{
	*out = (struct monitoring_stand){0};
	struct stand_ctx c = {.a = a, .st = out, .na = na, .limiet = limiet, .coordinerend = coordinerend};
	rc_t rc = store_tx(s, STORE_READ, stand_tx, &c, e);
	if (rc == RC_OK)
		rc = perioden_uit(&c.perioden, a, out, e);
	if (rc == RC_OK)
		rc = projecten_uit(&c, e);
	if (rc == RC_OK)
		rc = koppel(&c, e);
	if (rc == RC_OK)
		rc = rondes_lees(s, a, out, e);
	return rc;
}

int64_t monitoring_fte_plan(const struct monitoring_project *p, int64_t dag)
{
	if (p->fte_toegezegd_milli <= 0 || dag <= p->start_dag)
		return 0;
	if (dag >= p->volledig_dag || p->volledig_dag <= p->start_dag)
		return p->fte_toegezegd_milli;
	/* fte (< 2^40 milli) x days (< 2^15): no overflow */
	return p->fte_toegezegd_milli * (dag - p->start_dag) / (p->volledig_dag - p->start_dag);
}

int64_t monitoring_geld_plan(const struct monitoring_project *p, const struct monitoring_periode *q)
{
	int64_t plan = 0;
	for (size_t i = 0; i < p->jaar_aantal; i++) {
		const struct monitoring_jaar *j = &p->jaren[i];
		if (j->jaar < q->jaar)
			bedrag_tel_op(&plan, j->bovengrens_cent);
		else if (j->jaar == q->jaar)
			bedrag_tel_op(&plan, j->bovengrens_cent / 4 * q->kwartaal);
	}
	return plan;
}

const struct monitoring_rapport *monitoring_laatste_rapport(const struct monitoring_stand *st,
							    const struct monitoring_project *p, int64_t peildag,
							    const struct monitoring_periode **q)
{
	for (size_t i = p->rapport_aantal; i-- > 0;) {
		const struct monitoring_periode *x = monitoring_periode_zoek(st, p->rapporten[i].periode);
		if (x && x->tot <= peildag) {
			*q = x;
			return &p->rapporten[i];
		}
	}
	*q = NULL;
	return NULL;
}
