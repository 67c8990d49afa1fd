/*
 * programma.c -- the programme's dashboard and the quarterly programme
 * report (monitoring.h): fte pledged vs realised vs the AZWA ambition
 * [001 Gupta "Samenvatting"]; money per theme, year, region and sector
 * through every stage; the plans submitted and honoured [003 MTR]; the
 * signals counted. One computation feeds both.
 */
#include "core/monitoring/monitoring_intern.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/aanvraag/indieningsronde.h"
#include "core/basis/antwoordcache.h"
#include "core/basis/bedrag.h"
#include "core/basis/document.h"
#include "core/basis/json.h"
#include "core/verdeling/macrooverzicht.h"
#include "store/store_monitoring.h"

/* The stages of the money, in order. */
enum stadium { GEVRAAGD, TOEGEKEND, BOVENGRENS, BETAALD, VERANTWOORD, VEREVEND, STADIA };
static const char *const stadium_naam[STADIA] = {"gevraagd_cent", "toegekend_cent", "bovengrens_cent",
						  "betaald_cent", "verantwoord_cent", "verevend_cent"};
/* The counts of plans. */
enum telling { INGEDIEND, LOPEND, POSITIEF, NEGATIEF, GEHONOREERD, TELLINGEN };
static const char *const telling_naam[TELLINGEN] = {"ingediend", "in_beoordeling", "positief", "negatief",
						     "gehonoreerd"};

#define BAKKEN_MAX 256

struct bak {
	const char *sleutel;
	int64_t geld[STADIA];
	int64_t tel[TELLINGEN];
};

struct bakken {
	struct bak b[BAKKEN_MAX];
	size_t n;
	bool vol, overloop;
};

static struct bak *bak(struct bakken *k, const char *sleutel)
{
	const char *s = sleutel && *sleutel ? sleutel : "onbekend";
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->b[i].sleutel, s) == 0)
			return &k->b[i];
	if (k->n == BAKKEN_MAX) {
		k->vol = true;
		return NULL;
	}
	k->b[k->n] = (struct bak){.sleutel = s};
	return &k->b[k->n++];
}

static void geld(struct bakken *k, const char *sleutel, enum stadium st, int64_t cent)
{
	struct bak *b = bak(k, sleutel);
	if (b && !bedrag_tel_op(&b->geld[st], cent))
		k->overloop = true;
}

static void tel(struct bakken *k, const char *sleutel, enum telling t, int64_t n)
{
	struct bak *b = bak(k, sleutel);
	if (b)
		b->tel[t] += n;
}

enum dimensie { THEMA, GEBIED, JAAR, REGIO, SECTOR, DIMENSIES };
static const char *const dimensie_naam[DIMENSIES] = {"thema", "toepassingsgebied", "jaar", "regio", "sector"};

struct dashboard {
	struct bakken d[DIMENSIES];
	struct monitoring_stand st;
	struct signaal *signalen;
	size_t signaal_aantal;
	int64_t ambitie_milli;
	int64_t toegezegd_milli, gerealiseerd_milli;   /* fte of every project; realised: its newest report */
	struct store_rows plannen, verevend;
};

struct extra_ctx {
	struct arena *a;
	struct dashboard *d;
};

static rc_t extra_tx(struct store *s, void *ctx, struct error *e)
{
	struct extra_ctx *c = ctx;
	rc_t rc = store_monitoring_plannen(s, c->a, &c->d->plannen, e);
	if (rc == RC_OK)
		rc = store_monitoring_verevend(s, c->a, &c->d->verevend, e);
	return rc;
}

static void jaar_tekst(char *buf, size_t n, int64_t jaar)
{
	snprintf(buf, n, "%" PRId64, jaar);
}

/* Requested money and the plans per sector of every round (positively
 * assessed or still being assessed: what the board's overview counts). */
static void gevraagd(struct arena *a, struct dashboard *d)
{
	for (size_t i = 0; i < d->st.ronde_aantal; i++) {
		const struct ronde_stand *rs = &d->st.rondes[i];
		if (d->ambitie_milli == 0)
			d->ambitie_milli = rs->kader.ambitie_fte_milli;
		for (size_t k = 0; k < rs->aantal; k++) {
			const struct ronde_aanvraag *x = &rs->aanvragen[k];
			geld(&d->d[THEMA], x->thema, GEVRAAGD, x->gevraagd_cent);
			geld(&d->d[GEBIED], x->toepassingsgebied, GEVRAAGD, x->gevraagd_cent);
			geld(&d->d[REGIO], x->regio, GEVRAAGD, x->gevraagd_cent);
			for (size_t j = 0; j < x->jaar_aantal; j++) {
				char *jt = arena_printf(a, "%" PRId64, x->jaren[j].jaar);
				geld(&d->d[JAAR], jt, GEVRAAGD, x->jaren[j].bedrag_cent);
			}
			for (size_t j = 0; j < x->sector_aantal; j++) {
				geld(&d->d[SECTOR], x->sectoren[j].sector, GEVRAAGD, x->sectoren[j].bedrag_cent);
				tel(&d->d[SECTOR], x->sectoren[j].sector, INGEDIEND, 1);
				tel(&d->d[SECTOR], x->sectoren[j].sector,
				    aanvraag_status_lopend(x->status) ? LOPEND : POSITIEF, 1);
			}
		}
	}
}

/* The later stages from the granted projects. */
static void projecten(struct arena *a, struct dashboard *d)
{
	for (size_t i = 0; i < d->st.project_aantal; i++) {
		const struct monitoring_project *p = &d->st.projecten[i];
		const char *dim[] = {p->thema, p->gebied, p->regio};
		const enum dimensie di[] = {THEMA, GEBIED, REGIO};
		for (size_t k = 0; k < 3; k++) {
			geld(&d->d[di[k]], dim[k], BOVENGRENS, p->bovengrens_cent);
			geld(&d->d[di[k]], dim[k], BETAALD, p->betaald_cent);
			geld(&d->d[di[k]], dim[k], VERANTWOORD, p->verantwoord_cent);
		}
		for (size_t j = 0; j < p->jaar_aantal; j++) {
			const struct monitoring_jaar *y = &p->jaren[j];
			char *jt = arena_printf(a, "%" PRId64, y->jaar);
			geld(&d->d[JAAR], jt, BOVENGRENS, y->bovengrens_cent);
			geld(&d->d[JAAR], jt, BETAALD, y->betaald_cent);
			geld(&d->d[JAAR], jt, VERANTWOORD, y->verantwoord_cent);
		}
	}
	/* the board's grants: of every application it granted, whatever NZa decided */
	const struct store_rows *g = &d->st.toekenningen;
	for (size_t i = 0; i < g->nrows; i++) {
		int64_t c = store_int(g, i, 2, 0);
		geld(&d->d[JAAR], arena_printf(a, "%" PRId64, store_int(g, i, 1, 0)), TOEGEKEND, c);
		geld(&d->d[THEMA], store_text(g, i, 3), TOEGEKEND, c);
		geld(&d->d[GEBIED], store_text(g, i, 4), TOEGEKEND, c);
		geld(&d->d[REGIO], store_text(g, i, 5), TOEGEKEND, c);
	}
	for (size_t i = 0; i < d->verevend.nrows; i++) {
		char jt[16];
		jaar_tekst(jt, sizeof jt, store_int(&d->verevend, i, 0, 0));
		geld(&d->d[JAAR], arena_strdup(a, jt), VEREVEND, store_int(&d->verevend, i, 1, 0));
	}
	for (size_t i = 0; i < d->plannen.nrows; i++) {
		const char *status = store_text(&d->plannen, i, 3);
		int64_t n = store_int(&d->plannen, i, 5, 0);
		bool gehonoreerd = store_int(&d->plannen, i, 4, 0) == 1;
		enum telling t = strcmp(status, "positief") == 0 ? POSITIEF
				 : strcmp(status, "negatief") == 0 ? NEGATIEF : LOPEND;
		const enum dimensie di[] = {THEMA, GEBIED, REGIO};
		for (size_t k = 0; k < 3; k++) {
			const char *sl = store_text(&d->plannen, i, k);
			tel(&d->d[di[k]], sl, INGEDIEND, n);
			tel(&d->d[di[k]], sl, t, n);
			if (gehonoreerd)
				tel(&d->d[di[k]], sl, GEHONOREERD, n);
		}
	}
}

static int op_sleutel(const void *x, const void *y)
{
	return strcmp(((const struct bak *)x)->sleutel, ((const struct bak *)y)->sleutel);
}

static json_t *bakken_json(const struct bakken *k, bool met_geld, bool met_tel)
{
	json_t *l = json_array();
	for (size_t i = 0; l && i < k->n; i++) {
		json_t *o = json_pack("{s:s}", "sleutel", k->b[i].sleutel);
		for (int s = 0; o && met_geld && s < STADIA; s++)
			json_object_set_new(o, stadium_naam[s], json_integer(k->b[i].geld[s]));
		for (int t = 0; o && met_tel && t < TELLINGEN; t++)
			json_object_set_new(o, telling_naam[t], json_integer(k->b[i].tel[t]));
		json_array_append_new(l, o);
	}
	return l;
}

/* fte per period: pledged by the projects granted by its end, planned by
 * their plan lines, realised by their newest report up to it. */
static json_t *fte_reeks(const struct dashboard *d, int64_t peildag)
{
	json_t *l = json_array();
	const struct monitoring_stand *st = &d->st;
	for (size_t k = 0; l && k < st->periode_aantal; k++) {
		const struct monitoring_periode *q = &st->perioden[k];
		int64_t t = 0, g = 0, r = 0;
		for (size_t i = 0; i < st->project_aantal; i++) {
			const struct monitoring_project *p = &st->projecten[i];
			int64_t dag = 0;
			char d10[11];
			snprintf(d10, sizeof d10, "%.10s", p->genomen_op ? p->genomen_op : "");
			if (klok_datum_lees(d10, &dag) && dag <= q->tot)
				t += p->fte_toegezegd_milli;
			g += monitoring_fte_plan(p, q->tot + 1);
			const struct monitoring_periode *x;
			const struct monitoring_rapport *rp = monitoring_laatste_rapport(st, p, q->tot, &x);
			r += rp ? rp->fte_milli : 0;
		}
		json_t *o = json_pack("{s:s, s:I, s:I, s:I}", "periode", q->code, "toegezegd_milli", (json_int_t)t,
				      "gepland_milli", (json_int_t)g, "ambitie_milli", (json_int_t)d->ambitie_milli);
		json_object_set_new(o, "gerealiseerd_milli", q->tot <= peildag ? json_integer(r) : json_null());
		json_array_append_new(l, o);
	}
	return l;
}

/* Everything the dashboard and the quarterly report show, in *uit (arena). */
static rc_t bereken(struct store *s, int64_t peildag, struct arena *a, struct dashboard **uit, struct error *e)
{
	struct dashboard *d = *uit = arena_alloc(a, sizeof *d);
	if (!d)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	memset(d, 0, sizeof *d);
	rc_t rc = monitoring_stand_lees(s, a, &d->st, e);
	struct extra_ctx c = {.a = a, .d = d};
	if (rc == RC_OK)
		rc = store_tx(s, STORE_READ, extra_tx, &c, e);
	if (rc == RC_OK) {
		gevraagd(a, d);
		projecten(a, d);
	}
	if (rc == RC_OK)
		rc = signalen_bereken(&d->st, peildag, a, &d->signalen, &d->signaal_aantal, e);
	for (size_t i = 0; rc == RC_OK && i < d->st.project_aantal; i++) {
		const struct monitoring_periode *q;
		const struct monitoring_rapport *r = monitoring_laatste_rapport(&d->st, &d->st.projecten[i], peildag, &q);
		d->toegezegd_milli += d->st.projecten[i].fte_toegezegd_milli;
		d->gerealiseerd_milli += r ? r->fte_milli : 0;
	}
	for (int k = 0; rc == RC_OK && k < DIMENSIES; k++)
		qsort(d->d[k].b, d->d[k].n, sizeof d->d[k].b[0], op_sleutel);
	for (int k = 0; rc == RC_OK && k < DIMENSIES; k++)
		if (d->d[k].vol || d->d[k].overloop)
			rc = error_set(e, RC_TOO_LARGE, "Het overzicht per %s past niet (meer dan %d waarden of een "
					"te groot bedrag).", dimensie_naam[k], BAKKEN_MAX);
	return rc;
}

static json_t *dashboard_json(const struct dashboard *d, int64_t peildag)
{
	json_t *reeks = fte_reeks(d, peildag);
	json_t *geld = json_object(), *plannen = json_object(), *sig = json_object();
	for (int k = 0; k < DIMENSIES; k++) {
		char naam[40];
		snprintf(naam, sizeof naam, "per_%s", dimensie_naam[k]);
		json_object_set_new(geld, naam, bakken_json(&d->d[k], true, false));
		if (k != JAAR)
			json_object_set_new(plannen, naam, bakken_json(&d->d[k], false, true));
	}
	for (size_t i = 0; i < d->signaal_aantal; i++) {
		json_t *n = json_object_get(sig, d->signalen[i].code);
		json_object_set_new(sig, d->signalen[i].code, json_integer(json_integer_value(n) + 1));
	}
	char pd[16];
	return json_pack("{s:s, s:{s:I, s:I, s:I, s:o}, s:o, s:o, s:o, s:I}", "peildatum",
			 klok_dag_tekst(peildag, pd, sizeof pd), "fte", "ambitie_milli", (json_int_t)d->ambitie_milli,
			 "toegezegd_milli", (json_int_t)d->toegezegd_milli, "gerealiseerd_milli", (json_int_t)d->gerealiseerd_milli,
			 "reeks", reeks, "geld", geld, "plannen", plannen, "signalen", sig, "projecten",
			 (json_int_t)d->st.project_aantal);
}

rc_t monitoring_dashboard(struct store *s, int64_t peildag, struct arena *a, json_t **out, struct error *e)
{
	struct dashboard *d = NULL;
	rc_t rc = bereken(s, peildag, a, &d, e);
	if (rc != RC_OK)
		return rc;
	*out = dashboard_json(d, peildag);
	return *out ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

/* The rendered dashboards, kept while the database does not change. */
static struct antwoordcache dashboards = ANTWOORDCACHE(512u * 1024u);

struct dashboard_vraag {
	struct store *s;
	int64_t peildag;
};

static rc_t dashboard_maak(void *ctx, struct arena *a, json_t **uit, int64_t *vanaf_us, struct error *e)
{
	struct dashboard_vraag *v = ctx;
	*vanaf_us = 0;
	return monitoring_dashboard(v->s, v->peildag, a, uit, e);
}

rc_t monitoring_dashboard_tekst(struct store *s, int64_t peildag, struct arena *a, const char **tekst, size_t *lengte,
				struct error *e)
{
	char sleutel[64];
	snprintf(sleutel, sizeof sleutel, "programmamonitor|%" PRId64, peildag);
	struct dashboard_vraag v = {.s = s, .peildag = peildag};
	return antwoordcache_antwoord(&dashboards, s, sleutel, 0, dashboard_maak, &v, "De programmamonitor", a, tekst,
				      lengte, e);
}

/* ---- the quarterly programme report ---- */

static const char *fte(struct arena *a, int64_t milli)
{
	char b[48];
	return arena_printf(a, "%s fte", duizendsten_tekst(milli, b, sizeof b));
}

static void geld_tabel(struct document *d, struct arena *a, struct bakken *k, const char *kop)
{
	static const float br[] = {135, 90, 90, 90, 90};
	document_voeg(d, BLOK_KOPRIJ, br, 5, kop, "Gevraagd", "Bovengrens", "Betaald", "Verantwoord");
	for (size_t i = 0; i < k->n; i++)
		document_voeg(d, BLOK_RIJ, br, 5, k->b[i].sleutel, document_bedrag(a, k->b[i].geld[GEVRAAGD]),
			      document_bedrag(a, k->b[i].geld[BOVENGRENS]), document_bedrag(a, k->b[i].geld[BETAALD]),
			      document_bedrag(a, k->b[i].geld[VERANTWOORD]));
}

rc_t kwartaalrapport_document(struct store *s, int64_t peildag, bool pdf, struct arena *a, const void **data,
			      size_t *len, struct error *e)
{
	struct dashboard *d = NULL;
	rc_t rc = bereken(s, peildag, a, &d, e);
	if (rc != RC_OK)
		return rc;
	struct document doc;
	if (!document_begin(&doc, a, 64 + 4 * BAKKEN_MAX))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	char pd[16];
	const char *datum = document_datum(a, klok_dag_tekst(peildag, pd, sizeof pd));
	static const float br2[] = {295, 200};
	document_voeg(&doc, BLOK_TITEL, NULL, 1, "Kwartaalrapportage doorbraakmiddelen");
	document_voeg(&doc, BLOK_ALINEA, NULL, 1, arena_printf(a, "Stand op %s, voor het Bestuurlijk Overleg IZA/AZWA "
				"en via het bestuur het parlement. De voortgang wordt elk kwartaal besproken %s; "
				"de mid-term review vraagt welke plannen zijn ingediend en gehonoreerd en de "
				"financiële realisatie %s.", datum, BRON_KWARTAAL, BRON_MTR));
	document_voeg(&doc, BLOK_KOP, NULL, 1, "Arbeidsbesparing");
	document_voeg(&doc, BLOK_KOPRIJ, br2, 2, "Maat", "Waarde");
	document_voeg(&doc, BLOK_RIJ, br2, 2, "AZWA-ambitie [001 Gupta \"Samenvatting\"]", fte(a, d->ambitie_milli));
	document_voeg(&doc, BLOK_RIJ, br2, 2, "Toegezegd in gehonoreerde plannen", fte(a, d->toegezegd_milli));
	document_voeg(&doc, BLOK_RIJ, br2, 2, "Gerealiseerd (laatste rapportages)", fte(a, d->gerealiseerd_milli));
	document_voeg(&doc, BLOK_RIJ, br2, 2, "Gehonoreerde projecten", arena_printf(a, "%zu", d->st.project_aantal));
	document_voeg(&doc, BLOK_KOP, NULL, 1, "Geld per thema");
	geld_tabel(&doc, a, &d->d[THEMA], "Thema");
	document_voeg(&doc, BLOK_KOP, NULL, 1, "Geld per jaar");
	geld_tabel(&doc, a, &d->d[JAAR], "Jaar");
	document_voeg(&doc, BLOK_KOP, NULL, 1, "Plannen per thema");
	static const float br4[] = {195, 100, 100, 100};
	document_voeg(&doc, BLOK_KOPRIJ, br4, 4, "Thema", "Ingediend", "Positief", "Gehonoreerd");
	for (size_t i = 0; i < d->d[THEMA].n; i++) {
		const struct bak *b = &d->d[THEMA].b[i];
		document_voeg(&doc, BLOK_RIJ, br4, 4, b->sleutel, arena_printf(a, "%" PRId64, b->tel[INGEDIEND]),
			      arena_printf(a, "%" PRId64, b->tel[POSITIEF]), arena_printf(a, "%" PRId64, b->tel[GEHONOREERD]));
	}
	document_voeg(&doc, BLOK_KOP, NULL, 1, "Signalen");
	document_voeg(&doc, BLOK_ALINEA, NULL, 1, arena_printf(a, "Op %s staan %zu signalen open of erkend: mijlpalen "
				"over hun streefdatum, achterstand in fte of besteding en ontbrekende rapportages %s.",
				datum, d->signaal_aantal, BRON_MONITORING));
	if (doc.vol)
		return error_set(e, RC_TOO_LARGE, "De kwartaalrapportage is te groot.");
	const char *titel = "Kwartaalrapportage doorbraakmiddelen";
	if (pdf)
		return document_pdf(&doc, titel, "doorbraak", (const unsigned char **)data, len, e);
	return document_html(&doc, titel, (const char **)data, len, e);
}
