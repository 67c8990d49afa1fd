/*
 * test_verantwoording.c -- the accountability document and its rules
 * V1-V9 (docs/verantwoording.md): for every rule a document that passes
 * and one that fails, the tolerance at and beyond its boundary, and the
 * reader refusing reals, unknown fields and unknown kinds all at once.
 */
#include <string.h>

#include "harness.h"

#include "core/basis/json.h"
#include "core/verantwoording/plausibiliteit.h"
#include "core/verantwoording/verantwoording.h"

static const int64_t JAREN[] = {2027, 2028};
static const int64_t DEELNEMERS[] = {11, 12};
static const char *const MIJLPALEN[] = {"m1", "m2"};
static const struct aanvraag_regel BEGROTING[] = {
	{.zorgaanbieder = 11, .jaar = 2027, .kostensoort = KOSTENSOORT_PERSONEEL, .aard = KOSTENAARD_EENMALIG,
	 .doel = DOEL_IMPLEMENTATIE, .bedrag_cent = 100000},
	{.zorgaanbieder = 12, .jaar = 2027, .kostensoort = KOSTENSOORT_MATERIEEL, .aard = KOSTENAARD_EENMALIG,
	 .doel = DOEL_TECHNOLOGIE, .bedrag_cent = 50000},
	{.zorgaanbieder = 11, .jaar = 2028, .kostensoort = KOSTENSOORT_PERSONEEL, .aard = KOSTENAARD_EENMALIG,
	 .doel = DOEL_IMPLEMENTATIE, .bedrag_cent = 70000},
};

static const struct verantwoording_project PROJECT = {
	.beschikking_jaar = 2027, .jaren = JAREN, .jaar_aantal = 2, .begroting = BEGROTING,
	.begroting_aantal = 3, .deelnemers = DEELNEMERS, .deelnemer_aantal = 2, .mijlpalen = MIJLPALEN,
	.mijlpaal_aantal = 2,
};
static const struct verantwoording_kader KADER = {
	.jaar = 2027, .tolerantie_bp = 1000, .accountant_vanaf_cent = 1000000, .deadline_us = 2000,
};

struct geval {
	struct verantwoording_regel regels[4];
	const char *mijlpalen[2];
	struct verantwoording_invoer in;
	struct verantwoording_context ctx;
	struct verantwoording_kader kader;
	struct verantwoording_project project;
};

/* A document that passes every rule: both providers within 10 %. */
static void basis(struct geval *g)
{
	memset(g, 0, sizeof *g);
	g->regels[0] = (struct verantwoording_regel){11, KOSTENSOORT_PERSONEEL, KOSTENAARD_EENMALIG,
						     DOEL_IMPLEMENTATIE, 95000, NULL};
	g->regels[1] = (struct verantwoording_regel){12, KOSTENSOORT_MATERIEEL, KOSTENAARD_EENMALIG,
						     DOEL_TECHNOLOGIE, 52000, ""};
	g->mijlpalen[0] = "m1";
	g->in = (struct verantwoording_invoer){.jaar = 2027, .regels = g->regels, .regel_aantal = 2,
					       .mijlpalen = g->mijlpalen, .mijlpaal_aantal = 1,
					       .geen_dubbele_financiering = JANEE_JA};
	g->ctx = (struct verantwoording_context){.ingediend_us = 1000};
	g->kader = KADER;
	g->project = PROJECT;
}

static struct verantwoording_bevindingen uit;

static void toets(struct geval *g)
{
	verantwoording_toets(&g->in, &g->project, &g->kader, &g->ctx, &uit);
}

/* The outcome of the finding `code` at `veld` (NULL: any); -1 when none. */
static int bevinding(const char *code, const char *veld)
{
	for (size_t i = 0; i < uit.aantal; i++)
		if (strcmp(uit.lijst[i].code, code) == 0 && (!veld || strcmp(uit.lijst[i].veld, veld) == 0))
			return (int)uit.lijst[i].uitkomst;
	return -1;
}

TEST(basis_voldoet_aan_alles)
{
	static struct geval g;
	basis(&g);
	toets(&g);
	CHECK(uit.compleet);
	CHECK(uit.aantal == 0);
	CHECK(uit.totaal_cent == 147000 && uit.aanvaardbaar_cent == 147000);
}

TEST(v1_alleen_werkelijke_kosten)
{
	static struct geval g;
	basis(&g);
	g.regels[1].bedrag_cent = 0;
	toets(&g);
	CHECK(!uit.compleet && bevinding("werkelijke_kosten", "/regels/1/bedrag_cent") == VB_NIET_VOLDAAN);
	CHECK(uit.aanvaardbaar_cent == 95000);
	basis(&g);
	g.in.regel_aantal = 0;
	toets(&g);
	CHECK(bevinding("werkelijke_kosten", "/regels") == VB_NIET_VOLDAAN);
}

TEST(v2_jaar_binnen_het_project)
{
	static struct geval g;
	basis(&g);
	g.in.jaar = 2029;
	toets(&g);
	CHECK(bevinding("jaar_buiten_project", "/jaar") == VB_NIET_VOLDAAN && uit.aanvaardbaar_cent == 0);
	/* a year of the upper bound, but before the beschikking */
	static const int64_t vroeg[] = {2026, 2027};
	basis(&g);
	g.project.jaren = vroeg;
	g.in.jaar = 2026;
	toets(&g);
	CHECK(bevinding("jaar_buiten_project", "/jaar") == VB_NIET_VOLDAAN);
	basis(&g);
	g.in.jaar = 2028;
	g.in.regel_aantal = 1;
	g.regels[0].bedrag_cent = 70000;
	toets(&g);
	CHECK(bevinding("jaar_buiten_project", NULL) < 0 && uit.compleet);
}

TEST(v3_geen_hulpmiddelen)
{
	static struct geval g;
	basis(&g);
	g.regels[1].doel = DOEL_AANSCHAF_HULPMIDDELEN;
	toets(&g);
	CHECK(bevinding("hulpmiddelen", "/regels/1/doel") == VB_NIET_VOLDAAN);
	CHECK(strcmp(uit.lijst[0].bron, "[002 §4.1]") == 0);
}

TEST(v4_alleen_de_eenmalige_impuls)
{
	static struct geval g;
	basis(&g);
	g.regels[0].aard = KOSTENAARD_STRUCTUREEL;
	toets(&g);
	CHECK(bevinding("structureel", "/regels/0/aard") == VB_NIET_VOLDAAN);
	CHECK(uit.aanvaardbaar_cent == 52000);
}

TEST(v5_niets_dubbel_gefinancierd)
{
	static struct geval g;
	basis(&g);
	g.in.geen_dubbele_financiering = JANEE_LEEG;
	toets(&g);
	CHECK(bevinding("dubbele_financiering", "/geen_dubbele_financiering") == VB_NIET_VOLDAAN);
	basis(&g);
	g.in.elders_gefinancierd_cent = 100;
	toets(&g);
	CHECK(bevinding("dubbele_financiering", "/elders_gefinancierd_cent") == VB_NIET_VOLDAAN);
}

TEST(v6_afwijking_vraagt_toelichting)
{
	static struct geval g;
	basis(&g);
	g.regels[0].bedrag_cent = 110000;   /* exactly 10 %: within the tolerance */
	toets(&g);
	CHECK(bevinding("afwijking_zonder_toelichting", NULL) < 0);
	g.regels[0].bedrag_cent = 110001;   /* beyond it */
	toets(&g);
	CHECK(bevinding("afwijking_zonder_toelichting", "/regels/0/toelichting") == VB_NIET_VOLDAAN);
	g.regels[0].toelichting = "Extra inzet bij de livegang in twee teams.";
	toets(&g);
	CHECK(bevinding("afwijking_zonder_toelichting", "/regels/0/toelichting") == VB_BEOORDELAAR);
	CHECK(uit.compleet);
	/* a line that was not budgeted at all deviates by all of it */
	basis(&g);
	g.regels[1].kostensoort = KOSTENSOORT_PERSONEEL;
	g.regels[1].zorgaanbieder = 12;
	toets(&g);
	CHECK(bevinding("afwijking_zonder_toelichting", "/regels/1/toelichting") == VB_NIET_VOLDAAN);
}

TEST(v7_accountantsverklaring_vanaf_de_drempel)
{
	static struct geval g;
	basis(&g);
	g.kader.accountant_vanaf_cent = 147000;
	toets(&g);
	CHECK(bevinding("accountantsverklaring", "") == VB_NIET_VOLDAAN);
	g.ctx.heeft_accountantsverklaring = true;
	toets(&g);
	CHECK(bevinding("accountantsverklaring", NULL) < 0);
	g.ctx.heeft_accountantsverklaring = false;
	g.kader.accountant_vanaf_cent = 147001;
	toets(&g);
	CHECK(bevinding("accountantsverklaring", NULL) < 0);
}

TEST(v8_te_laat_is_zichtbaar)
{
	static struct geval g;
	basis(&g);
	g.ctx.ingediend_us = 2001;
	toets(&g);
	CHECK(bevinding("te_laat", "") == VB_BEOORDELAAR && uit.compleet);
	g.ctx.ingediend_us = 2000;
	toets(&g);
	CHECK(bevinding("te_laat", NULL) < 0);
}

TEST(v9_alleen_deelnemers_en_eigen_mijlpalen)
{
	static struct geval g;
	basis(&g);
	g.regels[1].zorgaanbieder = 99;
	g.mijlpalen[0] = "m9";
	toets(&g);
	CHECK(bevinding("geen_deelnemer", "/regels/1/zorgaanbieder") == VB_NIET_VOLDAAN);
	CHECK(bevinding("onbekende_mijlpaal", "/mijlpalen/0") == VB_NIET_VOLDAAN);
}

TEST(lezen_alle_fouten_tegelijk)
{
	struct arena a;
	arena_init(&a, 1u << 20);
	struct error e;
	error_clear(&e);
	json_t *doc = json_loads("{\"jaar\":2027,\"regels\":[{\"zorgaanbieder\":11,\"kostensoort\":\"personeel\","
				 "\"aard\":\"eenmalig\",\"bedrag_cent\":1.5},{\"zorgaanbieder\":12,\"kostensoort\":\"reizen\","
				 "\"aard\":\"eenmalig\",\"bedrag_cent\":100,\"extra\":1}],\"mijlpalen\":[3],\"onbekend\":true}",
				 0, NULL);
	struct verantwoording_invoer in;
	CHECK(doc && verantwoording_lees(doc, &a, &in, &e) == RC_INVALID);
	CHECK(e.item_count >= 5);
	bool bedrag = false, soort = false, extra = false, mijlpaal = false, onbekend = false;
	for (size_t i = 0; i < e.item_count; i++) {
		bedrag = bedrag || strcmp(e.items[i].field, "/regels/0/bedrag_cent") == 0;
		soort = soort || strcmp(e.items[i].field, "/regels/1/kostensoort") == 0;
		extra = extra || strcmp(e.items[i].field, "/regels/1/extra") == 0;
		mijlpaal = mijlpaal || strcmp(e.items[i].field, "/mijlpalen/0") == 0;
		onbekend = onbekend || strcmp(e.items[i].field, "/onbekend") == 0;
	}
	CHECK(bedrag && soort && extra && mijlpaal && onbekend);
	json_decref(doc);
	error_clear(&e);
	doc = json_loads("{\"jaar\":2027,\"regels\":[{\"zorgaanbieder\":11,\"kostensoort\":\"materieel\","
			 "\"aard\":\"structureel\",\"doel\":\"aanschaf_hulpmiddelen\",\"bedrag_cent\":500,"
			 "\"toelichting\":\"x\"}],\"mijlpalen\":[\"m1\"],\"geen_dubbele_financiering\":true}", 0, NULL);
	CHECK(doc && verantwoording_lees(doc, &a, &in, &e) == RC_OK);
	CHECK(in.regel_aantal == 1 && in.regels[0].kostensoort == KOSTENSOORT_MATERIEEL &&
	      in.regels[0].aard == KOSTENAARD_STRUCTUREEL && in.regels[0].doel == DOEL_AANSCHAF_HULPMIDDELEN &&
	      in.regels[0].bedrag_cent == 500 && in.geen_dubbele_financiering == JANEE_JA &&
	      in.mijlpaal_aantal == 1);
	json_decref(doc);
	arena_release(&a);
}

/* The insurer's judgement of the base document's two lines (95000, 52000). */
static rc_t oordeel(const char *json, const bool *bezwaar, struct plausibiliteit *p, struct error *e)
{
	static struct geval g;
	static struct arena a;
	static bool klaar;
	if (!klaar)
		arena_init(&a, 1u << 20), klaar = true;
	basis(&g);
	error_clear(e);
	json_t *body = json_loads(json, 0, NULL);
	rc_t rc = body ? plausibiliteit_lees(body, &g.in, bezwaar, &a, p, e) : RC_BAD_JSON;
	json_decref(body);
	return rc;
}

static bool heeft(const struct error *e, const char *veld, const char *code)
{
	for (size_t i = 0; i < e->item_count; i++)
		if (strcmp(e->items[i].field, veld) == 0 && strcmp(e->items[i].code, code) == 0)
			return true;
	return false;
}

TEST(plausibiliteit_elke_regel_een_oordeel)
{
	struct plausibiliteit p;
	struct error e;
	bool geen[2] = {false, false}, tegen[2] = {true, false};
	CHECK(oordeel("{\"oordelen\":[{\"regel\":0,\"oordeel\":\"aanvaard\"},"
		      "{\"regel\":1,\"oordeel\":\"lager\",\"bedrag_cent\":40000,\"motivering\":\"Offerte lager.\"}]}",
		      geen, &p, &e) == RC_OK);
	CHECK(p.plausibel_cent == 95000 + 40000 && p.regels[1].oordeel == PO_LAGER);
	/* everything wrong at once */
	CHECK(oordeel("{\"oordelen\":[{\"regel\":0,\"oordeel\":\"lager\",\"bedrag_cent\":95000},"
		      "{\"regel\":0,\"oordeel\":\"aanvaard\"},{\"regel\":7,\"oordeel\":\"aanvaard\"},"
		      "{\"regel\":1,\"oordeel\":\"misschien\"}]}", geen, &p, &e) == RC_INVALID);
	CHECK(heeft(&e, "/oordelen/0/bedrag_cent", "bedrag_niet_lager"));
	CHECK(heeft(&e, "/oordelen/0/motivering", "motivering_ontbreekt"));
	CHECK(heeft(&e, "/oordelen/1/regel", "dubbel"));
	CHECK(heeft(&e, "/oordelen/2/regel", "onbekende_regel"));
	CHECK(heeft(&e, "/oordelen/3/oordeel", "onbekend"));
	CHECK(heeft(&e, "/oordelen", "regel_zonder_oordeel"));
	/* accepted in full is the line's amount; rejected is 0 with a reason */
	CHECK(oordeel("{\"oordelen\":[{\"regel\":0,\"oordeel\":\"aanvaard\",\"bedrag_cent\":1},"
		      "{\"regel\":1,\"oordeel\":\"afgewezen\"}]}", geen, &p, &e) == RC_INVALID);
	CHECK(heeft(&e, "/oordelen/0/bedrag_cent", "bedrag_niet_gelijk"));
	CHECK(heeft(&e, "/oordelen/1/motivering", "motivering_ontbreekt"));
	/* a line a rule found against is accepted only with a motivation */
	CHECK(oordeel("{\"oordelen\":[{\"regel\":0,\"oordeel\":\"aanvaard\"},{\"regel\":1,\"oordeel\":\"aanvaard\"}]}",
		      tegen, &p, &e) == RC_INVALID);
	CHECK(heeft(&e, "/oordelen/0/motivering", "motivering_ontbreekt") && e.item_count == 1);
	CHECK(oordeel("{\"oordelen\":[{\"regel\":0,\"oordeel\":\"aanvaard\",\"motivering\":\"Toegelicht in het verslag.\"},"
		      "{\"regel\":1,\"oordeel\":\"afgewezen\",\"motivering\":\"Geen factuur.\"}]}", tegen, &p, &e) == RC_OK);
	CHECK(p.plausibel_cent == 95000);
}

int main(void)
{
	RUN(basis_voldoet_aan_alles);
	RUN(v1_alleen_werkelijke_kosten);
	RUN(v2_jaar_binnen_het_project);
	RUN(v3_geen_hulpmiddelen);
	RUN(v4_alleen_de_eenmalige_impuls);
	RUN(v5_niets_dubbel_gefinancierd);
	RUN(v6_afwijking_vraagt_toelichting);
	RUN(v7_accountantsverklaring_vanaf_de_drempel);
	RUN(v8_te_laat_is_zichtbaar);
	RUN(v9_alleen_deelnemers_en_eigen_mijlpalen);
	RUN(lezen_alle_fouten_tegelijk);
	RUN(plausibiliteit_elke_regel_een_oordeel);
	return HARNESS_END();
}
