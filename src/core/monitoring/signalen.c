/*
 * signalen.c -- signals computed by rules with sources from the granted
 * projects, their milestones and reports (docs/monitoring.md §3), and the
 * coordinating insurer's acknowledgement with a note. A signal is never
 * stored: it is computed on a day; an acknowledgement is stored and never
 * removed.
 */
#include "core/monitoring/monitoring_intern.h"

#include <inttypes.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/basis/bedrag.h"
#include "core/basis/document.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"
#include "core/toegang/rol.h"
#include "core/toegang/toegang.h"
#include "store/store_monitoring.h"

#define BRON_MIJLPAAL "[001 §2], [004 \"Monitoring en bijsturing\"]"
#define BRON_FTE "[001 Gupta \"Aanpak\"], [004 \"Monitoring en bijsturing\"]"
#define BRON_GELD "[003 §9], [004 \"Monitoring en bijsturing\"]"
#define BRON_RAPPORT "[003 \"Kwartaalrapportages\"], [004 \"Monitoring en bijsturing\"]"

bool monitoring_ziet_alles(const struct principal *who)
{
	return who && (who->roles & (ROL_BESTUUR | ROL_PROGRAMMABUREAU | ROL_VWS | ROL_NZA | ROL_ZORGINSTITUUT |
				      ROL_AUDITOR)) != 0;
}

/* Day `dag` as a Dutch date, in the arena. */
static const char *datum(struct arena *a, int64_t dag)
{
	char d[16];
	return document_datum(a, klok_dag_tekst(dag, d, sizeof d));
}

struct lijst {
	struct signaal *s;
	size_t n, cap;
	struct arena *a;
	bool vol;
};

static void voeg(struct lijst *l, const struct monitoring_project *p, const char *code, const char *bron,
		 const char *sleutel, const char *omschrijving)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		struct signaal *n = arena_alloc(l->a, cap * sizeof *n);
		if (!n) {
			l->vol = true;
			return;
		}
		if (l->n)
			memcpy(n, l->s, l->n * sizeof *n);
		l->s = n;
		l->cap = cap;
	}
	if (!sleutel || !omschrijving) {
		l->vol = true;
		return;
	}
	l->s[l->n++] = (struct signaal){.sleutel = sleutel, .code = code, .omschrijving = omschrijving, .bron = bron,
					.p = p};
}

/* Rule 1: a milestone past its target date and not reported reached. */
static void mijlpalen(struct lijst *l, const struct monitoring_project *p, int64_t peildag)
{
	for (size_t k = 0; k < p->mijlpaal_aantal; k++) {
		const struct monitoring_mijlpaal *m = &p->mijlpalen[k];
		if (m->gemeld || m->streefdag <= 0 || m->streefdag >= peildag)
			continue;
		voeg(l, p, "mijlpaal_te_laat", BRON_MIJLPAAL, arena_printf(l->a, "mijlpaal_te_laat/%s", m->id),
		     arena_printf(l->a, "Mijlpaal %s had uiterlijk op %s bereikt moeten zijn en is niet gemeld (%" PRId64
				  " dagen te laat).", m->id, document_datum(l->a, m->streefdatum), peildag - m->streefdag));
	}
}

/* Rule 4: a period of the project whose report is due and missing. */
static void rapporten(struct lijst *l, const struct monitoring_stand *st, const struct monitoring_project *p,
		      int64_t peildag)
{
	int64_t eind = p->volledig_dag;
	for (size_t i = 0; i < p->jaar_aantal; i++) {
		char d[16];
		int64_t dag = 0;
		snprintf(d, sizeof d, "%04" PRId64 "-12-31", p->jaren[i].jaar);
		if (p->jaren[i].bovengrens_cent > 0 && klok_datum_lees(d, &dag) && dag > eind)
			eind = dag;
	}
	for (size_t i = 0; i < st->periode_aantal; i++) {
		const struct monitoring_periode *q = &st->perioden[i];
		if (q->inleveren_voor >= peildag || q->tot < p->start_dag || q->van > eind || p->start_dag == 0)
			continue;
		bool er = false;
		for (size_t k = 0; k < p->rapport_aantal && !er; k++)
			er = strcmp(p->rapporten[k].periode, q->code) == 0;
		if (!er)
			voeg(l, p, "rapportage_ontbreekt", BRON_RAPPORT,
			     arena_printf(l->a, "rapportage_ontbreekt/%s", q->code),
			     arena_printf(l->a, "De voortgangsrapportage over %s had uiterlijk %s ingediend moeten zijn.",
					  q->code, datum(l->a, q->inleveren_voor)));
	}
}

/* Rules 2 and 3: the newest report against the plan lines. */
static void afwijkingen(struct lijst *l, const struct monitoring_stand *st, const struct monitoring_project *p,
			int64_t peildag)
{
	const struct monitoring_periode *q;
	const struct monitoring_rapport *r = monitoring_laatste_rapport(st, p, peildag, &q);
	if (!r)
		return;
	int64_t fte_plan = monitoring_fte_plan(p, q->tot + 1);
	char b1[48], b2[48];
	/* fte (< 2^40) x 10,000: no overflow */
	if (fte_plan > 0 && r->fte_milli * 10000 < fte_plan * (10000 - MONITORING_FTE_TOLERANTIE_BP))
		voeg(l, p, "fte_achter", BRON_FTE, arena_printf(l->a, "fte_achter/%s", q->code),
		     arena_printf(l->a, "Gerealiseerd %s fte in %s, volgens plan %s fte: meer dan %d%% achter.",
				  duizendsten_tekst(r->fte_milli, b1, sizeof b1), q->code,
				  duizendsten_tekst(fte_plan, b2, sizeof b2), MONITORING_FTE_TOLERANTIE_BP / 100));
	int64_t geld_plan = monitoring_geld_plan(p, q), ondergrens, bovengrens;
	if (geld_plan <= 0 || !bedrag_deel_bp(geld_plan, 10000 - MONITORING_GELD_TOLERANTIE_BP, &ondergrens) ||
	    !bedrag_deel_bp(geld_plan, 10000 + MONITORING_GELD_TOLERANTIE_BP, &bovengrens))
		return;
	if (r->besteed_cent < ondergrens || r->besteed_cent > bovengrens) {
		bool achter = r->besteed_cent < ondergrens;
		voeg(l, p, achter ? "besteding_achter" : "besteding_voor", BRON_GELD,
		     arena_printf(l->a, "%s/%s", achter ? "besteding_achter" : "besteding_voor", q->code),
		     arena_printf(l->a, "Besteed tot en met %s: %s; volgens de jaarverdeling %s: meer dan %d%% %s.",
				  q->code, document_bedrag(l->a, r->besteed_cent), document_bedrag(l->a, geld_plan),
				  MONITORING_GELD_TOLERANTIE_BP / 100, achter ? "achter" : "voor"));
	}
}

rc_t signalen_bereken(const struct monitoring_stand *st, int64_t peildag, struct arena *a, struct signaal **out,
		      size_t *n, struct error *e)
{
	struct lijst l = {.a = a};
	for (size_t i = 0; i < st->project_aantal && !l.vol; i++) {
		const struct monitoring_project *p = &st->projecten[i];
		mijlpalen(&l, p, peildag);
		rapporten(&l, st, p, peildag);
		afwijkingen(&l, st, p, peildag);
	}
	if (l.vol)
		return error_set(e, RC_NOMEM, "De signalen passen niet in het geheugen.");
	*out = l.s;
	*n = l.n;
	return RC_OK;
}

static bool ziet(const struct principal *who, const struct monitoring_project *p)
{
	return monitoring_ziet_alles(who) ||
	       (who && (who->roles & ROL_BEOORDELAAR) && who->organisatie_id > 0 && who->organisatie_id == p->coordinerend);
}

rc_t signalen_lijst(struct store *s, const struct principal *who, int64_t peildag, bool alleen_open, int64_t na,
		    int64_t limiet, struct arena *a, json_t **out, struct error *e)
{
	struct monitoring_stand st;
	struct signaal *l = NULL;
	size_t n = 0;
	/* an insurer pages through the projects it coordinates; the programme's readers through all */
	int64_t alleen = monitoring_ziet_alles(who) ? 0 : (who && who->organisatie_id > 0 ? who->organisatie_id : -1);
	rc_t rc = monitoring_stand_pagina(s, a, alleen, na, limiet, &st, e);
	if (rc == RC_OK)
		rc = signalen_bereken(&st, peildag, a, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	json_t *lijst = json_array();
	for (size_t i = 0; lijst && i < n; i++) {
		if (!ziet(who, l[i].p))
			continue;
		json_t *kn = json_array();
		for (size_t k = 0; kn && k < st.kennisnames.nrows; k++)
			if (store_int(&st.kennisnames, k, 1, 0) == l[i].p->beschikking_id &&
			    strcmp(store_text(&st.kennisnames, k, 2), l[i].sleutel) == 0)
				json_array_append_new(kn, json_pack("{s:s, s:s, s:s}", "notitie",
					store_text(&st.kennisnames, k, 3), "genomen_op", store_text(&st.kennisnames, k, 4),
					"genomen_door", store_text(&st.kennisnames, k, 5)));
		bool erkend = json_array_size(kn) > 0;
		if (alleen_open && erkend) {
			json_decref(kn);
			continue;
		}
		json_array_append_new(lijst, json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:s, s:b, s:o}",
			"sleutel", l[i].sleutel, "code", l[i].code, "beschikking_id", (json_int_t)l[i].p->beschikking_id,
			"kenmerk", l[i].p->kenmerk, "titel", l[i].p->titel, "omschrijving", l[i].omschrijving,
			"bron", l[i].bron, "erkend", erkend, "kennisnames", kn ? kn : json_array()));
	}
	char d[16];
	bool vol = limiet > 0 && st.project_aantal == (size_t)limiet;
	*out = json_pack("{s:s, s:o, s:o}", "peildatum", klok_dag_tekst(peildag, d, sizeof d), "signalen",
			 lijst ? lijst : json_array(), "volgende_na",
			 vol ? json_integer(st.projecten[st.project_aantal - 1].beschikking_id) : json_null());
	return *out ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

struct erken_ctx {
	const struct principal *who;
	int64_t beschikking_id, id;
	const char *sleutel, *notitie, *nu;
};

static rc_t erken_tx(struct store *s, void *ctx, struct error *e)
{
	struct erken_ctx *c = ctx;
	rc_t rc = store_signaal_kennisname_voeg_toe(s, c->beschikking_id, c->sleutel, c->notitie, c->nu, c->who->actor,
						    &c->id, e);
	if (rc != RC_OK)
		return rc;
	char object[48];
	snprintf(object, sizeof object, "beschikking/%" PRId64, c->beschikking_id);
	json_t *d = json_pack("{s:s, s:I}", "sleutel", c->sleutel, "kennisname", (json_int_t)c->id);
	char *detail = d ? json_dumps(d, JSON_COMPACT) : NULL;
	json_decref(d);
	struct audit_entry ae = {c->who->actor, "signaal.kennisname", object, "gelukt", detail};
	rc = audit_append(s, &ae, e);
	free(detail);
	return rc;
}

rc_t signaal_erken(struct store *s, const struct principal *who, const struct klok *klok, int64_t peildag,
		   json_t *body, struct arena *a, json_t **out, struct error *e)
{
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "Stuur de kennisname als JSON-object.");
	static const char *const velden[] = {"beschikking_id", "sleutel", "notitie", NULL};
	json_reject_unknown(body, velden, "", e);
	struct erken_ctx c = {.who = who};
	json_get_int(body, "beschikking_id", true, "", &c.beschikking_id, e);
	json_get_string(body, "sleutel", true, "", &c.sleutel, e);
	if (json_get_string(body, "notitie", true, "", &c.notitie, e) &&
	    (!tekst_aanwezig(c.notitie) || strlen(c.notitie) > MONITORING_TEKST_MAX))
		error_add(e, "/notitie", "notitie_ontbreekt", BRON_MONITORING,
			  "Schrijf bij de kennisname wat u met het signaal doet (hoogstens %d tekens).",
			  MONITORING_TEKST_MAX);
	if (e->item_count || e->items_dropped)
		return RC_INVALID;
	struct monitoring_stand st;
	struct signaal *l = NULL;
	size_t n = 0;
	/* just this project: the page of one beschikking */
	rc_t rc = c.beschikking_id > 0 ? monitoring_stand_pagina(s, a, 0, c.beschikking_id - 1, 1, &st, e)
				       : error_set(e, RC_NOT_FOUND, "Dit signaal bestaat niet.");
	if (rc == RC_OK && (st.project_aantal != 1 || st.projecten[0].beschikking_id != c.beschikking_id))
		st.project_aantal = 0;
	if (rc == RC_OK)
		rc = signalen_bereken(&st, peildag, a, &l, &n, e);
	if (rc != RC_OK)
		return rc;
	const struct signaal *sg = NULL;
	for (size_t i = 0; i < n && !sg; i++)
		if (l[i].p->beschikking_id == c.beschikking_id && strcmp(l[i].sleutel, c.sleutel) == 0)
			sg = &l[i];
	if (!sg)
		return error_set(e, RC_NOT_FOUND, "Dit signaal bestaat niet (meer) op deze dag.");
	char object[48];
	snprintf(object, sizeof object, "beschikking/%" PRId64, c.beschikking_id);
	if (!ziet(who, sg->p))   /* a refusal is recorded (docs/toegang.md) */
		return toegang_weiger(s, who, RC_NOT_FOUND, object, "signaal van een project dat de verzekeraar niet coördineert", e);
	if (!((who->roles & ROL_BEOORDELAAR) && who->organisatie_id == sg->p->coordinerend)) {
		rc = toegang_weiger(s, who, RC_FORBIDDEN, object, "alleen de coördinerende zorgverzekeraar neemt kennis", e);
		if (rc == RC_FORBIDDEN)
			error_set(e, RC_FORBIDDEN, "Alleen de coördinerende zorgverzekeraar neemt kennis van een signaal %s.",
				  BRON_MONITORING);
		return rc;
	}
	char nu[KLOK_TEKST_BYTES];
	c.nu = klok_nu_tekst(klok, nu, sizeof nu);
	rc = store_tx(s, STORE_WRITE, erken_tx, &c, e);
	if (rc == RC_OK)
		*out = json_pack("{s:I, s:I, s:s, s:s, s:s}", "id", (json_int_t)c.id, "beschikking_id",
				 (json_int_t)c.beschikking_id, "sleutel", c.sleutel, "notitie", c.notitie, "genomen_op", nu);
	return rc;
}
