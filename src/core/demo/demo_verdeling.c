/*
 * demo_verdeling.c -- demo data of the board's step, for
 * `serve --demo`; declared in verdeelscenario.h, called from demo.c.
 *
 * A round of its own, "Demoronde verdeling 2026 (beoordeeld)", made,
 * submitted and assessed with the clock set back (opened 2026-03-10,
 * closed 2026-04-15), through the same core functions as everything else:
 * eight applications, all positive with both insurers -- six on
 * spraakgestuurd rapporteren (EUR 5 mln each, 12 to 48 fte per EUR 1
 * mln, in six regions) and two on digitale en hybride zorgpaden (EUR 6
 * mln each). Then, for every closed demo round, four scenarios: the
 * optimal rule within the catalogue's theme budgets, and a tight budget
 * (AI EUR 15 mln, digitale en hybride zorg EUR 9 mln) under each rule, so
 * that the board sees over-subscription and the rules side by side.
 * No decision: adopting one is the board's demo. Loading twice changes
 * nothing (rounds, applications and scenarios are found by name).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/store_verdeling.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/demo/demo.h"
#include "core/beoordeling/beoordeling.h"
#include "core/basis/embedded.h"
#include "core/aanvraag/indiening.h"
#include "core/toegang/organisatie.h"
#include "core/verdeling/verdeelscenario.h"

#define DEMO_RONDE "Demoronde verdeling 2026 (beoordeeld)"
#define DOC_AI "voorbeelden/aanvragen/conform-spraakgestuurd-rapporteren.json"
#define DOC_DHZ "voorbeelden/aanvragen/afwijkingen-toegelicht-hybride-zorgpaden.json"
#define DAG_US (INT64_C(86400) * KLOK_US_PER_S)
/* 2026-03-10T08:00:00Z and 2026-04-15T12:00:00Z */
#define OPENT_US (INT64_C(1773129600) * KLOK_US_PER_S)
#define SLUIT_US (INT64_C(1776254400) * KLOK_US_PER_S)

static const struct demo_aanvraag_spec demo_aanvragen[] = {
	{"Demo verdeling: spraakgestuurd rapporteren Noord-Holland Noord", "Noord-Holland Noord", DOC_AI, 190000, false},
	{"Demo verdeling: spraakgestuurd rapporteren Twente", "Twente", DOC_AI, 240000, false},
	{"Demo verdeling: spraakgestuurd rapporteren Rivierenland", "Rivierenland", DOC_AI, 120000, false},
	{"Demo verdeling: spraakgestuurd rapporteren Utrecht", "Utrecht", DOC_AI, 90000, false},
	{"Demo verdeling: spraakgestuurd rapporteren Zuidoost-Brabant", "Zuidoost-Brabant", DOC_AI, 60000, false},
	{"Demo verdeling: spraakgestuurd rapporteren Groningen", "Groningen", DOC_AI, 175000, false},
	{"Demo verdeling: hybride zorgpaden COPD en hartfalen Noord", "Noord-Holland Noord", DOC_DHZ, 110000, false},
	{"Demo verdeling: hybride zorgpaden Zuidoost-Brabant", "Zuidoost-Brabant", DOC_DHZ, 150000, false},
};
#define DEMO_AANTAL (sizeof demo_aanvragen / sizeof demo_aanvragen[0])

struct wereld {
	struct store *s;
	struct arena *a;
	int64_t nu_us;
	struct klok klok;
	int64_t ziekenhuis, vvt, ggz, huisartsen, groningen, noord, zuid;
	struct principal penvoerder, coordinerend, tweede, systeem, bestuur;
	int64_t ronde;
};



/* The example document with the demo organisations, a title and an fte
 * figure; below the modelplan's fte norm the deviation is explained. */
static json_t *document(const struct wereld *w, const struct demo_aanvraag_spec *spec)
{
	const struct embedded_file *f = embedded_find(spec->document);
	json_t *d = f ? json_loadb(f->data, f->size, JSON_REJECT_DUPLICATES, NULL) : NULL;
	if (!d)
		return NULL;
	const json_int_t van[] = {1001, 1002, 1003, 2001, 2002, 1101, 1102, 1103, 3001, 2003, 2004};
	const int64_t naar[] = {w->ziekenhuis, w->vvt, w->ggz, w->noord, w->zuid, w->ziekenhuis, w->vvt,
				w->huisartsen, w->groningen, w->noord, w->zuid};
	for (size_t k = 0; k < sizeof van / sizeof van[0]; k++)
		demo_vervang_getal(d, van[k], naar[k]);
	json_object_set_new(d, "titel", json_string(spec->titel));
	json_t *impact = json_object_get(d, "impact");
	json_object_set_new(impact, "fte_besparing_milli", json_integer(spec->fte_milli));
	if (spec->zuid_coordineert) {
		json_t *c = json_object_get(d, "coalitie");
		json_object_set_new(c, "coordinerend_verzekeraar", json_integer(w->zuid));
		json_object_set_new(c, "tweede_verzekeraar", json_integer(w->noord));
	}
	bool ai = strcmp(spec->document, DOC_AI) == 0;
	if (ai) {
		json_t *dl = json_object_get(json_object_get(d, "coalitie"), "deelnemers");
		json_object_set_new(json_array_get(dl, 0), "sector", json_string("msz"));
		json_object_set_new(json_array_get(dl, 2), "sector", json_string("ggz"));
	}
	/* 31,5 fte per EUR 1 mln: the norm of 35 less the tolerance of 10 % */
	if (ai && spec->fte_milli * 100000000 / json_integer_value(json_object_get(d, "totaal_bedrag_cent")) < 31500)
		json_array_append_new(json_object_get(d, "afwijkingen"), json_pack("{s:s, s:s}",
			"element", "normen.min_fte_per_miljoen_milli", "toelichting",
			"De regio start met een kleinere groep teams; de besparing groeit na de opschaling."));
	return d;
}

static void positief(struct beoordeling_invoer *in)
{
	memset(in, 0, sizeof *in);
	in->versie = 1;
	in->geen_belangenconflict = true;
	in->oordeel = OORDEEL_POSITIEF;
	in->motivering = "Voldoet aan het modelplan; de business case en de mijlpalen zijn overtuigend.";
	for (int k = 0; k < BEOORDELING_BASISEISEN; k++) {
		in->basiseisen[k].oordeel = BASISEIS_VOLDAAN;
		in->basiseisen[k].motivering = "Voldoende onderbouwd.";
	}
}

/* The id of the application titled `titel` in the world's round, 0 when none. */
static int64_t bestaat(struct wereld *w, const char *titel, struct error *e)
{
	struct principal auditor = {.roles = ROL_AUDITOR, .actor = "demo"};
	struct aanvraagdossier_filter f = {.ronde = w->ronde, .limiet = 1000};
	struct aanvraagdossier *l = NULL;
	size_t n = 0;
	if (aanvraagdossier_lijst(w->s, w->a, &auditor, &w->klok, &f, &l, &n, e) != RC_OK)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (l[i].titel && strcmp(l[i].titel, titel) == 0)
			return l[i].id;
	return 0;
}

/* Makes, submits and assesses positively (both insurers) application
 * number `i` of `spec` in the world's round, unless it exists; *id its id. */
static rc_t aanvraag(struct wereld *w, const struct demo_aanvraag_spec *spec, size_t i, int64_t opent_us,
		     int64_t sluit_us, int64_t *id, struct error *e)
{
	*id = bestaat(w, spec->titel, e);
	if (*id)
		return RC_OK;
	if (e->rc != RC_OK)
		return e->rc;
	w->nu_us = opent_us + (int64_t)(i + 1) * DAG_US;
	json_t *doc = document(w, spec);
	if (!doc)
		return error_set(e, RC_INTERNAL, "Het demodocument %s ontbreekt.", spec->document);
	struct aanvraagdossier_invoer in = {.ronde_id = w->ronde, .regio = spec->regio, .document = doc, .demo = true};
	struct aanvraagdossier_opgeslagen o;
	rc_t rc = aanvraagdossier_maak(w->s, &w->penvoerder, &w->klok, &in, w->a, &o, e);
	json_decref(doc);
	struct ontvangstbewijs b;
	if (rc == RC_OK)
		rc = indiening_dien_in(w->s, &w->penvoerder, &w->klok, o.id, NULL, w->a, &b, e);
	for (int k = 0; rc == RC_OK && k < 2; k++) {
		w->nu_us = sluit_us + (int64_t)(k + 1) * DAG_US;
		struct beoordeling_invoer bi;
		positief(&bi);
		int64_t bid;
		enum aanvraag_status st;
		rc = beoordeling_maak(w->s, k == 0 ? &w->coordinerend : &w->tweede, &w->klok, o.id, &bi, &bid,
				      &st, e);
	}
	if (rc == RC_OK)
		*id = o.id;
	return rc;
}

static rc_t ronde(struct wereld *w, const char *naam, int64_t opent_us, int64_t sluit_us, struct error *e)
{
	struct indieningsronde r;
	rc_t rc = indieningsronde_zoek_demo(w->s, w->a, naam, &r, e);
	if (rc == RC_OK) {
		w->ronde = r.id;
		return RC_OK;
	}
	if (rc != RC_NOT_FOUND)
		return rc;
	error_clear(e);
	char o[KLOK_TEKST_BYTES], c[KLOK_TEKST_BYTES], b[16];
	struct indieningsronde_invoer in = {
		.naam = naam, .catalogusversie = 1, .impactlat_id = "B", .uitloopjaar_toegestaan = 1,
		.opent_op = klok_tekst(opent_us, o, sizeof o), .sluit_op = klok_tekst(sluit_us, c, sizeof c),
		.beoordeeld_uiterlijk_op = klok_dag_tekst(sluit_us / (86400 * KLOK_US_PER_S) + 42, b, sizeof b),
		.demo = true,
	};
	w->nu_us = opent_us - DAG_US;
	return indieningsronde_maak(w->s, &w->systeem, &w->klok, &in, &w->ronde, e);
}

/* The board's four demo scenarios of one round. */
static rc_t scenarios(struct wereld *w, int64_t ronde_id, struct error *e)
{
	static const char *const krap = "{\"seed\": \"demo-bo-2026\", \"themas\": ["
		"{\"id\": \"ai\", \"budget_cent\": 1500000000},"
		"{\"id\": \"digitale-hybride-zorg\", \"budget_cent\": 900000000},"
		"{\"id\": \"medische-technologie\", \"budget_cent\": 5000000000}]}";
	static const struct {
		const char *naam, *regel;
		bool krap;
	} spec[] = {
		{"Demo: optimaal binnen de richtbedragen", "optimaal", false},
		{"Demo: krap budget, rangorde", "rangorde", true},
		{"Demo: krap budget, pro rata", "pro_rata", true},
		{"Demo: krap budget, optimaal", "optimaal", true},
	};
	rc_t rc = RC_OK;
	for (size_t i = 0; rc == RC_OK && i < sizeof spec / sizeof spec[0]; i++) {
		int64_t id = 0;
		rc = verdeelscenario_zoek(w->s, ronde_id, spec[i].naam, &id, e);
		if (rc == RC_OK)
			continue;
		if (rc != RC_NOT_FOUND)
			return rc;
		error_clear(e);
		json_t *p = json_loads(spec[i].krap ? krap : "{\"seed\": \"demo-bo-2026\"}", 0, NULL);
		struct verdeelscenario_invoer in = {.naam = spec[i].naam, .ronde_id = ronde_id,
						    .regel = spec[i].regel, .parameters = p, .demo = true};
		rc = verdeelscenario_maak(w->s, &w->bestuur, NULL, &in, w->a, &id, e);
		json_decref(p);
	}
	return rc;
}

static rc_t wereld_vul(struct wereld *w, struct error *e)
{
	rc_t rc = demo_organisatie_code_id(w->s, w->a, "99000001", NULL, NULL, &w->ziekenhuis, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w->s, w->a, "99000002", NULL, NULL, &w->vvt, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w->s, w->a, "99000003", NULL, NULL, &w->ggz, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w->s, w->a, "99000004", NULL, NULL, &w->huisartsen, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w->s, w->a, NULL, NULL, "0014", &w->groningen, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w->s, w->a, NULL, "9001", NULL, &w->noord, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w->s, w->a, NULL, "9002", NULL, &w->zuid, e);
	w->penvoerder = (struct principal){.organisatie_id = w->ziekenhuis, .roles = ROL_AANVRAGER,
					   .actor = demo_actor(w->s, w->a, "aanvrager")};
	w->coordinerend = (struct principal){.organisatie_id = w->noord, .roles = ROL_BEOORDELAAR,
					     .actor = demo_actor(w->s, w->a, "beoordelaar")};
	w->tweede = (struct principal){.organisatie_id = w->zuid, .roles = ROL_BEOORDELAAR,
				       .actor = demo_actor(w->s, w->a, "beoordelaar-zuid")};
	w->systeem = (struct principal){.roles = ROL_PROGRAMMABUREAU, .actor = demo_actor(w->s, w->a, "programmabureau")};
	w->bestuur = (struct principal){.roles = ROL_BESTUUR, .actor = demo_actor(w->s, w->a, "bestuur")};
	return rc;
}

rc_t verdeling_demo_laad(struct store *s, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_REKENEN_BYTES);
	struct wereld w = {.s = s, .a = &a};
	klok_vast(&w.klok, &w.nu_us);
	rc_t rc = wereld_vul(&w, e);
	if (rc == RC_OK)
		rc = ronde(&w, DEMO_RONDE, OPENT_US, SLUIT_US, e);
	for (size_t i = 0; rc == RC_OK && i < DEMO_AANTAL; i++) {
		int64_t id;
		rc = aanvraag(&w, &demo_aanvragen[i], i, OPENT_US, SLUIT_US, &id, e);
	}
	/* scenarios for every demo round that has closed */
	struct indieningsronde *rondes = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = indieningsronde_lijst(s, &a, &rondes, &n, e);
	int64_t nu = klok_nu_us(NULL);
	for (size_t i = 0; rc == RC_OK && i < n; i++)
		if (rondes[i].demo && indieningsronde_fase(&rondes[i], nu) == RONDE_GESLOTEN)
			rc = scenarios(&w, rondes[i].id, e);
	arena_release(&a);
	return rc;
}

rc_t demo_beoordeelde_ronde(struct store *s, struct arena *a, const char *naam, int64_t opent_us, int64_t sluit_us,
			    const struct demo_aanvraag_spec *spec, size_t n, int64_t *ronde_id, int64_t *ids,
			    struct error *e)
{
	struct wereld w = {.s = s, .a = a};
	klok_vast(&w.klok, &w.nu_us);
	rc_t rc = wereld_vul(&w, e);
	if (rc == RC_OK)
		rc = ronde(&w, naam, opent_us, sluit_us, e);
	for (size_t i = 0; rc == RC_OK && i < n; i++)
		rc = aanvraag(&w, &spec[i], i, opent_us, sluit_us, &ids[i], e);
	*ronde_id = w.ronde;
	return rc;
}
