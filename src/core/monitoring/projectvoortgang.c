/*
 * projectvoortgang.c -- a granted project's progress per quarter by its
 * lead: milestones, the modelplan's KPIs with their targets and realised
 * values, realised fte measured with the method the application named,
 * spending, risks and steering [004 "Monitoring en bijsturing"],
 * [003 "Kwartaalrapportages"]. See monitoring.h.
 */
#include "core/monitoring/monitoring_intern.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"
#include "core/beschikking/beschikking.h"
#include "core/toegang/rol.h"
#include "core/toegang/toegang.h"
#include "store/store_aanvragen.h"
#include "store/store_catalogus.h"
#include "store/store_monitoring.h"

static const char *const statussen[] = {"bereikt", "op_schema", "vertraagd", NULL};

/* The plan of a project: the beschikking, the modelplan's milestones with
 * their KPIs, and the application's impact. */
struct plan {
	struct beschikking b;
	json_t *modelplan_mijlpalen;   /* normen.mijlpalen of the application's modelplan version */
	json_t *beschikking_mijlpalen; /* [{"id", "streefdatum", "bedrag_cent"}] */
	const char *meetmethode;
	int64_t fte_toegezegd_milli;
	json_t *aanvraag;              /* the newest submitted version (owns meetmethode) */
};

static void plan_vrij(struct plan *p)
{
	json_decref(p->modelplan_mijlpalen);
	json_decref(p->beschikking_mijlpalen);
	json_decref(p->aanvraag);
	p->modelplan_mijlpalen = p->beschikking_mijlpalen = p->aanvraag = NULL;
}

/* Reads the plan of beschikking `id` inside a transaction. */
static rc_t plan_lees_tx(struct store *s, struct arena *a, int64_t id, struct plan *p, struct error *e)
{
	rc_t rc = beschikking_lees_tx(s, a, id, &p->b, e);
	struct store_rows r, v;
	if (rc == RC_OK)
		rc = store_aanvraag_lees(s, p->b.aanvraag_id, false, a, &r, e);
	if (rc == RC_OK && r.nrows != 1)
		rc = error_set(e, RC_INTERNAL, "De aanvraag van beschikking %" PRId64 " ontbreekt.", id);
	const char *mp = NULL;
	if (rc == RC_OK)
		rc = store_modelplan_document(s, store_text(&r, 0, SA_MODELPLAN), store_int(&r, 0, SA_MODELPLAN_VERSIE, 0),
					      a, &mp, e);
	if (rc == RC_OK)
		rc = store_versie_lees(s, p->b.aanvraag_id, 0, a, &v, e);
	if (rc != RC_OK)
		return rc;
	json_t *plan = json_loads(mp, 0, NULL);
	p->modelplan_mijlpalen = json_incref(json_object_get(json_object_get(plan, "normen"), "mijlpalen"));
	json_decref(plan);
	p->beschikking_mijlpalen = json_loads(p->b.mijlpalen ? p->b.mijlpalen : "[]", 0, NULL);
	p->aanvraag = v.nrows == 1 ? json_loads(store_text(&v, 0, SV_DOCUMENT), 0, NULL) : NULL;
	json_t *impact = json_object_get(p->aanvraag, "impact");
	p->meetmethode = json_string_value(json_object_get(impact, "meetmethode"));
	p->fte_toegezegd_milli = json_integer_value(json_object_get(impact, "fte_besparing_milli"));
	return RC_OK;
}

static json_t *zoek_id(json_t *lijst, const char *id)
{
	size_t i;
	json_t *x;
	json_array_foreach(lijst, i, x) {
		const char *y = json_string_value(json_object_get(x, "id"));
		if (id && y && strcmp(id, y) == 0)
			return x;
	}
	return NULL;
}

/* A required text member of `o` at `pad`, non-empty and bounded. */
static void tekst(json_t *o, const char *veld, const char *pad, const char *code, const char *melding,
		  struct error *e)
{
	const char *t = json_string_value(json_object_get(o, veld));
	char w[ERROR_FIELD_MAX];
	snprintf(w, sizeof w, "%s/%s", pad, veld);
	if (!t || !tekst_aanwezig(t) || strlen(t) > MONITORING_TEKST_MAX)
		error_add(e, w, code, BRON_MONITORING, "%s (hoogstens %d tekens).",
			  melding, MONITORING_TEKST_MAX);
}

static void lees_mijlpalen(json_t *body, json_t *beschikking_mijlpalen, struct error *e)
{
	static const char *const velden[] = {"id", "status", "toelichting", NULL};
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(body, "mijlpalen"), i, m) {
		char w[48];
		snprintf(w, sizeof w, "/mijlpalen/%zu", i);
		json_reject_unknown(m, velden, w, e);
		const char *id = json_string_value(json_object_get(m, "id"));
		if (!zoek_id(beschikking_mijlpalen, id))
			error_add(e, w, "mijlpaal_onbekend", BRON_MONITORING, "Mijlpaal %s hoort niet bij deze beschikking.",
				  id ? id : "?");
		const char *st = json_string_value(json_object_get(m, "status"));
		bool ok = false;
		for (size_t k = 0; st && statussen[k] && !ok; k++)
			ok = strcmp(st, statussen[k]) == 0;
		if (!ok)
			error_add(e, w, "status_ongeldig", BRON_MONITORING, "De status is bereikt, op_schema of vertraagd.");
		if (ok && strcmp(st, "vertraagd") == 0)
			tekst(m, "toelichting", w, "toelichting_ontbreekt", "Licht een vertraging toe", e);
	}
}

static void lees_kpis(json_t *body, json_t *modelplan_mijlpalen, struct error *e)
{
	static const char *const velden[] = {"kpi", "waarde", "toelichting", NULL};
	size_t i;
	json_t *k;
	json_array_foreach(json_object_get(body, "kpis"), i, k) {
		char w[48];
		snprintf(w, sizeof w, "/kpis/%zu", i);
		json_reject_unknown(k, velden, w, e);
		const char *id = json_string_value(json_object_get(k, "kpi"));
		json_t *m = zoek_id(modelplan_mijlpalen, id);
		if (!m || !json_string_value(json_object_get(m, "kpi")))
			error_add(e, w, "kpi_onbekend", BRON_MONITORING,
				  "KPI %s staat niet in het modelplan; de KPI's zijn die van de mijlpalen van het modelplan.",
				  id ? id : "?");
		tekst(k, "waarde", w, "waarde_ontbreekt", "Geef de gerealiseerde waarde van de KPI", e);
	}
}

static void lees_risicos(json_t *body, struct error *e)
{
	static const char *const velden[] = {"omschrijving", "maatregel", NULL};
	json_t *l = json_object_get(body, "risicos");
	if (json_array_size(l) > MONITORING_RISICO_MAX)
		error_add(e, "/risicos", "te_veel", BRON_MONITORING, "Hoogstens %d risico's.", MONITORING_RISICO_MAX);
	size_t i;
	json_t *r;
	json_array_foreach(l, i, r) {
		char w[48];
		snprintf(w, sizeof w, "/risicos/%zu", i);
		json_reject_unknown(r, velden, w, e);
		tekst(r, "omschrijving", w, "risico_ontbreekt", "Beschrijf het risico", e);
		tekst(r, "maatregel", w, "maatregel_ontbreekt", "Noem de maatregel bij het risico", e);
	}
}

void projectvoortgang_lees(json_t *body, json_t *modelplan_mijlpalen, json_t *beschikking_mijlpalen,
			   const struct monitoring_stand *st, struct error *e)
{
	static const char *const velden[] = {"periode", "mijlpalen", "kpis", "fte_gerealiseerd_milli",
		"meetmethode_gevolgd", "meetmethode_toelichting", "besteed_cent", "risicos", "bijsturing", NULL};
	json_reject_unknown(body, velden, "", e);
	const char *periode = json_string_value(json_object_get(body, "periode"));
	if (!monitoring_periode_zoek(st, periode))
		error_add(e, "/periode", "periode_onbekend", BRON_KWARTAAL,
			  "Periode %s bestaat niet: een kwartaal van 2027 tot en met 2029, zoals '2027-K1'.",
			  periode ? periode : "?");
	json_t *l;
	json_get_array(body, "mijlpalen", true, "", &l, e);
	json_get_array(body, "kpis", true, "", &l, e);
	json_get_array(body, "risicos", true, "", &l, e);
	lees_mijlpalen(body, beschikking_mijlpalen, e);
	lees_kpis(body, modelplan_mijlpalen, e);
	lees_risicos(body, e);
	int64_t x = -1;
	if (json_get_int(body, "fte_gerealiseerd_milli", true, "", &x, e) && (x < 0 || x > INT64_C(1) << 40))
		error_add(e, "/fte_gerealiseerd_milli", "fte_ongeldig", BRON_MONITORING,
			  "Gerealiseerde fte in duizendsten, niet negatief.");
	if (json_get_int(body, "besteed_cent", true, "", &x, e) && x < 0)
		error_add(e, "/besteed_cent", "bedrag_ongeldig", BRON_MONITORING, "Besteed is een bedrag, niet negatief.");
	bool gevolgd = true;
	if (json_get_bool(body, "meetmethode_gevolgd", true, "", &gevolgd, e) && !gevolgd)
		tekst(body, "meetmethode_toelichting", "", "toelichting_ontbreekt",
		      "Licht toe waarom u anders mat dan de aanvraag noemt", e);
	tekst(body, "bijsturing", "", "bijsturing_ontbreekt",
	      "Beschrijf de bijsturing (of dat die niet nodig is)", e);
}

struct voeg_ctx {
	const struct principal *who;
	const struct klok *klok;
	json_t *body;
	struct arena *a;
	int64_t beschikking_id, id, versie;
	rc_t weiger;
};

static rc_t voeg_tx(struct store *s, void *ctx, struct error *e)
{
	struct voeg_ctx *c = ctx;
	struct plan p = {0};
	struct monitoring_stand st = {0};
	struct store_rows pr;
	rc_t rc = plan_lees_tx(s, c->a, c->beschikking_id, &p, e);
	bool partij = false;
	if (rc == RC_OK)
		rc = beschikking_partij_tx(s, c->who, &p.b, &partij, e);
	if (rc == RC_OK && !partij)
		rc = c->weiger = RC_NOT_FOUND;
	else if (rc == RC_OK && !((c->who->roles & ROL_AANVRAGER) && c->who->organisatie_id == p.b.penvoerder_id))
		rc = c->weiger = RC_FORBIDDEN;
	if (rc == RC_OK && strcmp(p.b.besluit, "verleend") != 0) {
		error_add(e, "", "niet_verleend", BRON_MONITORING, "Over een afgewezen aanvraag wordt geen voortgang gerapporteerd.");
		e->rc = rc = RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = store_monitoring_perioden(s, c->a, &pr, e);
	if (rc == RC_OK) {
		st.perioden = arena_alloc(c->a, (pr.nrows + 1) * sizeof *st.perioden);
		for (size_t i = 0; st.perioden && i < pr.nrows; i++)
			st.perioden[st.periode_aantal++] = (struct monitoring_periode){.code = store_text(&pr, i, 0)};
		projectvoortgang_lees(c->body, p.modelplan_mijlpalen, p.beschikking_mijlpalen, &st, e);
		if (e->item_count || e->items_dropped)
			rc = RC_INVALID;
	}
	const char *periode = json_string_value(json_object_get(c->body, "periode"));
	if (rc == RC_OK)
		rc = store_projectvoortgang_versie(s, c->beschikking_id, periode, &c->versie, e);
	c->versie++;
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	const char *doc = rc == RC_OK ? json_encode(c->a, c->body) : NULL;
	if (rc == RC_OK && !doc)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (rc == RC_OK)
		rc = store_projectvoortgang_voeg_toe(s, c->beschikking_id, periode, c->versie, doc,
			json_integer_value(json_object_get(c->body, "fte_gerealiseerd_milli")),
			json_integer_value(json_object_get(c->body, "besteed_cent")), nu, c->who->actor, &c->id, e);
	if (rc == RC_OK) {
		char object[48], detail[96];
		snprintf(object, sizeof object, "beschikking/%" PRId64, c->beschikking_id);
		snprintf(detail, sizeof detail, "{\"periode\":\"%s\",\"versie\":%" PRId64 ",\"rapportage\":%" PRId64 "}",
			 periode, c->versie, c->id);
		struct audit_entry ae = {c->who->actor, "projectvoortgang.voeg_toe", object, "gelukt", detail};
		rc = audit_append(s, &ae, e);
	}
	plan_vrij(&p);
	return rc;
}

rc_t projectvoortgang_voeg_toe(struct store *s, const struct principal *who, const struct klok *klok,
			       int64_t beschikking_id, json_t *body, struct arena *a, json_t **out, struct error *e)
{
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "Stuur de voortgangsrapportage als JSON-object.");
	struct voeg_ctx c = {.who = who, .klok = klok, .body = body, .a = a, .beschikking_id = beschikking_id};
	char object[48];
	snprintf(object, sizeof object, "beschikking/%" PRId64, beschikking_id);
	rc_t rc = store_tx(s, STORE_WRITE, voeg_tx, &c, e);
	if (rc != RC_OK && c.weiger != RC_OK) {   /* a refusal is recorded (docs/toegang.md) */
		error_clear(e);
		rc = toegang_weiger(s, who, c.weiger, object, c.weiger == RC_FORBIDDEN
				    ? "alleen de penvoerder rapporteert de voortgang" : "geen partij bij de beschikking", e);
		if (rc == RC_FORBIDDEN)
			error_set(e, RC_FORBIDDEN, "Alleen de penvoerder rapporteert de voortgang %s.", BRON_MONITORING);
		return rc;
	}
	if (rc == RC_CONFLICT || rc == RC_INVALID) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, who->actor, "projectvoortgang.voeg_toe", object, e);
	}
	if (rc == RC_OK)
		*out = json_pack("{s:I, s:I, s:O, s:I}", "id", (json_int_t)c.id, "beschikking_id",
				 (json_int_t)beschikking_id, "periode", json_object_get(body, "periode"), "versie",
				 (json_int_t)c.versie);
	return rc;
}

/* ---- reading ---- */

struct lijst_ctx {
	const struct principal *who;
	struct arena *a;
	int64_t id;
	struct plan p;
	struct store_rows rapporten, perioden;
	bool partij;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	rc_t rc = plan_lees_tx(s, c->a, c->id, &c->p, e);
	if (rc == RC_OK)
		rc = beschikking_partij_tx(s, c->who, &c->p.b, &c->partij, e);
	if (rc == RC_OK)
		rc = store_projectvoortgang_lijst(s, c->id, c->a, &c->rapporten, e);
	if (rc == RC_OK)
		rc = store_monitoring_perioden(s, c->a, &c->perioden, e);
	return rc;
}

/* The plan as the report screen needs it. */
static json_t *plan_json(const struct plan *p)
{
	json_t *kpis = json_array();
	size_t i;
	json_t *m;
	json_array_foreach(p->modelplan_mijlpalen, i, m) {
		json_t *bm = zoek_id(p->beschikking_mijlpalen, json_string_value(json_object_get(m, "id")));
		json_array_append_new(kpis, json_pack("{s:O, s:O, s:O, s:O}", "kpi", json_object_get(m, "id"),
			"mijlpaal", json_object_get(m, "naam"), "omschrijving", json_object_get(m, "kpi"), "streefdatum",
			bm ? json_object_get(bm, "streefdatum") : json_object_get(m, "uiterlijk_op")));
	}
	json_t *o = json_pack("{s:o, s:O, s:I}", "kpis", kpis, "mijlpalen", p->beschikking_mijlpalen,
			      "fte_toegezegd_milli", (json_int_t)p->fte_toegezegd_milli);
	json_zet_tekst_of_null(o, "meetmethode", p->meetmethode);
	return o;
}

rc_t projectvoortgang_lijst(struct store *s, const struct principal *who, int64_t beschikking_id, struct arena *a,
			    json_t **out, struct error *e)
{
	struct lijst_ctx c = {.who = who, .a = a, .id = beschikking_id};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc == RC_OK && !c.partij && !monitoring_ziet_alles(who)) {   /* a refusal is recorded */
		char object[48];
		snprintf(object, sizeof object, "beschikking/%" PRId64, beschikking_id);
		rc = toegang_weiger(s, who, RC_NOT_FOUND, object, "geen partij bij de beschikking", e);
	}
	if (rc != RC_OK) {
		plan_vrij(&c.p);
		return rc;
	}
	json_t *l = json_array();
	for (size_t i = 0; l && i < c.rapporten.nrows; i++) {
		const char *per = store_text(&c.rapporten, i, 2);
		bool nieuwste = i + 1 == c.rapporten.nrows || strcmp(store_text(&c.rapporten, i + 1, 2), per) != 0;
		json_t *doc = json_loads(store_text(&c.rapporten, i, 4), 0, NULL);
		json_t *o = json_pack("{s:I, s:s, s:I, s:b, s:s, s:s}", "id", (json_int_t)store_int(&c.rapporten, i, 0, 0),
			"periode", per, "versie", (json_int_t)store_int(&c.rapporten, i, 3, 0), "nieuwste", nieuwste,
			"ingediend_op", store_text(&c.rapporten, i, 7), "ingediend_door", store_text(&c.rapporten, i, 8));
		if (o && doc)
			json_object_update_missing(o, doc);
		json_decref(doc);
		json_array_append_new(l, o);
	}
	json_t *per = json_array();
	for (size_t i = 0; per && i < c.perioden.nrows; i++)
		json_array_append_new(per, json_pack("{s:s, s:s, s:s, s:s}", "code", store_text(&c.perioden, i, 0), "van",
			store_text(&c.perioden, i, 1), "tot", store_text(&c.perioden, i, 2), "inleveren_voor",
			store_text(&c.perioden, i, 3)));
	*out = json_pack("{s:I, s:s, s:s, s:o, s:o, s:o}", "beschikking_id", (json_int_t)beschikking_id, "kenmerk",
			 c.p.b.kenmerk, "besluit", c.p.b.besluit, "plan", plan_json(&c.p), "perioden",
			 per ? per : json_array(), "rapportages", l ? l : json_array());
	plan_vrij(&c.p);
	return *out ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

struct perioden_ctx {
	struct arena *a;
	struct store_rows r;
};

static rc_t perioden_tx(struct store *s, void *ctx, struct error *e)
{
	struct perioden_ctx *c = ctx;
	return store_monitoring_perioden(s, c->a, &c->r, e);
}

rc_t monitoring_perioden(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	struct perioden_ctx c = {.a = a};
	rc_t rc = store_tx(s, STORE_READ, perioden_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	json_t *l = json_array();
	for (size_t i = 0; l && i < c.r.nrows; i++)
		json_array_append_new(l, json_pack("{s:s, s:s, s:s, s:s}", "code", store_text(&c.r, i, 0), "van",
			store_text(&c.r, i, 1), "tot", store_text(&c.r, i, 2), "inleveren_voor", store_text(&c.r, i, 3)));
	*out = json_pack("{s:o}", "perioden", l ? l : json_array());
	return *out ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}
