/*
 * demo_sociaal.c -- demo data of the social-domain track, through the core
 * so that every rule runs (docs/sociaal-domein.md §9): regioscans of four
 * regions and their work agendas in every state --
 *   VR13 Amsterdam-Amstelland  final, signed by all six, assessed positively
 *                              by VNG and ZN, its SPUK paid and partly accounted
 *   VR22 Brabant-Zuidoost      final, signed by all twenty, assessed by the
 *                              VNG only: ZN's assessment is due (demo
 *                              account beoordelaar)
 *   VR09 Utrecht               offered for signing, a motivated deviation,
 *                              signed by Utrecht only
 *   VR01 Groningen             a concept with a deviation not yet motivated
 *                              (demo account gemeente: Groningen is its
 *                              mandaatgemeente; Stadskanaal signs after)
 * -- the SPUK of 2027 allocated by the default key, and progress of 2027-1
 * from three regions. Loaded once (nothing when an agenda exists).
 */
#include "core/demo/demo.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/sociaal/sociaal_intern.h"
#include "core/toegang/organisatie.h"
#include "core/toegang/rol.h"
#include "store/store_sociaal.h"

struct demo_sd {
	struct store *s;
	struct arena *a;
	struct sociaal_catalogus cat;
	json_t *indeling;
};

/* The organisation of municipality `cbs`, made (demo) when missing. */
static rc_t gemeente_org(struct store *s, struct arena *a, const char *cbs, int64_t *id, struct error *e)
{
	struct principal demo = {.actor = "demo"};
	rc_t rc = demo_organisatie_code_id(s, a, NULL, NULL, cbs, id, e);
	if (rc != RC_NOT_FOUND)
		return rc;
	error_clear(e);
	struct organisatie o = {.soort = "gemeente", .cbs_code = cbs};
	return organisatie_maak(s, &demo, &o, true, id, e);
}

static rc_t gemeente(struct demo_sd *d, const char *cbs, struct principal *who, struct error *e)
{
	int64_t id = 0;
	rc_t rc = gemeente_org(d->s, d->a, cbs, &id, e);
	*who = (struct principal){.organisatie_id = id, .roles = ROL_GEMEENTE, .actor = "demo"};
	return rc;
}

static rc_t scan(struct demo_sd *d, const struct principal *pb, const char *regio, struct error *e)
{
	json_t *bf = json_array();
	for (size_t i = 0; i < d->cat.bf_aantal; i++)
		json_array_append_new(bf, json_pack("{s:s, s:I, s:s}", "id", d->cat.bf[i], "niveau", (json_int_t)(i % 3),
						    "advies", i < 3 ? "versnellen" : "niet_versnellen"));
	json_t *body = json_pack("{s:s, s:s, s:o, s:s}", "regio", regio, "meting", "nulmeting", "basisfunctionaliteiten", bf,
				 "gezamenlijk_advies", "VNG, ZN en VWS adviseren sociaal verwijzen, valpreventie en de "
				 "steunpunten EPA versneld op te schalen; de regio heeft daar de meeste ruimte.");
	json_t *uit = NULL;
	rc_t rc = regioscan_voeg_toe(d->s, pb, NULL, body, d->a, &uit, e);
	json_decref(body);
	json_decref(uit);
	return rc;
}

/* An agenda accelerating the first `n` functions; `motiveer` explains a
 * deviation from the scan (which advises the first three). */
static json_t *agenda(struct demo_sd *d, const char *regio, size_t n, bool motiveer)
{
	json_t *bf = json_array();
	for (size_t i = 0; i < d->cat.bf_aantal; i++) {
		json_t *b = i < n ? json_pack("{s:s, s:b, s:s, s:I, s:s, s:[{s:i, s:I}, {s:i, s:I}, {s:i, s:I}]}", "id",
			d->cat.bf[i], "versnellen", 1, "doelen", "Landelijk dekkend in 2030; de helft van de doelgroep bereikt in 2028.",
			"arbeidsbesparing_fte_milli", (json_int_t)(1500 + 250 * i), "activiteiten",
			"Werving en scholing, afspraken met huisartsen en sociaal werk, monitoring.", "begroting",
			"jaar", 2027, "bedrag_cent", (json_int_t)40000000, "jaar", 2028, "bedrag_cent", (json_int_t)30000000,
			"jaar", 2029, "bedrag_cent", (json_int_t)10000000)
			: json_pack("{s:s, s:b}", "id", d->cat.bf[i], "versnellen", 0);
		if (i >= 3 && i < n && motiveer)
			json_object_set_new(b, "motivering_afwijking", json_string("De regio heeft hier een bewezen aanpak "
				"klaarliggen die met weinig middelen landelijk dekkend wordt."));
		json_array_append_new(bf, b);
	}
	return json_pack("{s:s, s:o, s:s}", "regio", regio, "basisfunctionaliteiten", bf, "samenwerking",
			 "De mandaatgemeente trekt; GGD, zorgverzekeraar, huisartsen en sociaal werk zitten aan de regiotafel.");
}

static int64_t id_van(json_t *o) { return json_integer_value(json_object_get(o, "id")); }

/* Drafts, offers and has `tekenen` municipalities of the region sign. */
static rc_t agenda_maak(struct demo_sd *d, const char *regio, size_t n, bool motiveer, bool indienen, size_t tekenen,
			int64_t *id, struct error *e)
{
	json_t *r = regio_zoek(d->indeling, regio);
	struct principal m;
	rc_t rc = gemeente(d, json_string_value(json_object_get(r, "mandaatgemeente")), &m, e);
	json_t *body = agenda(d, regio, n, motiveer), *uit = NULL;
	if (rc == RC_OK)
		rc = werkagenda_maak(d->s, &m, NULL, body, d->a, &uit, e);
	json_decref(body);
	*id = id_van(uit);
	json_decref(uit);
	uit = NULL;
	if (rc == RC_OK && indienen)
		rc = werkagenda_indien(d->s, &m, NULL, *id, d->a, &uit, e);
	json_decref(uit);
	size_t i;
	json_t *g;
	json_array_foreach(json_object_get(r, "gemeenten"), i, g) {
		if (rc != RC_OK || i >= tekenen)
			break;
		struct principal w;
		rc = gemeente(d, json_string_value(g), &w, e);
		char kenmerk[48];
		snprintf(kenmerk, sizeof kenmerk, "B&W %s/2026-%zu", json_string_value(g), 100 + i);
		json_t *b = json_pack("{s:s, s:s}", "besluitdatum", "2026-09-22", "kenmerk", kenmerk);
		uit = NULL;
		if (rc == RC_OK)
			rc = werkagenda_onderteken(d->s, &w, NULL, *id, b, d->a, &uit, e);
		json_decref(b);
		json_decref(uit);
	}
	return rc;
}

static rc_t beoordeel(struct demo_sd *d, int64_t id, const struct principal *who, bool positief, struct error *e)
{
	json_t *kader = NULL;
	int64_t kv = 0;
	struct error ne;
	error_clear(&ne);
	rc_t rc = sociaal_vaststellingen(d->s, "beoordelingskader", 0, d->a, &kader, e);
	json_t *crit = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(json_object_get(json_array_get(json_object_get(kader, "versies"), 0), "document"),
					   "criteria"), i, c)
		json_array_append_new(crit, json_pack("{s:O, s:s}", "id", json_object_get(c, "id"), "oordeel",
						      positief || i > 0 ? "voldaan" : "niet_voldaan"));
	(void)kv;
	json_decref(kader);
	json_t *body = json_pack("{s:s, s:s, s:o, s:b}", "oordeel", positief ? "positief" : "negatief", "motivering",
				 positief ? "De werkagenda volgt het advies van de regioscan en onderbouwt de arbeidsbesparing."
					  : "De impact op de arbeidsinzet is onvoldoende onderbouwd.", "criteria", crit,
				 "geen_belangenconflict", 1);
	json_t *uit = NULL;
	if (rc == RC_OK)
		rc = werkagenda_beoordeel(d->s, who, NULL, id, body, d->a, &uit, e);
	json_decref(body);
	json_decref(uit);
	return rc;
}

static rc_t voortgang(struct demo_sd *d, const char *regio, const char *status, int64_t besteed, struct error *e)
{
	json_t *r = regio_zoek(d->indeling, regio);
	struct principal m;
	rc_t rc = gemeente(d, json_string_value(json_object_get(r, "mandaatgemeente")), &m, e);
	json_t *bf = json_array();
	for (size_t i = 0; i < d->cat.bf_aantal; i++)
		json_array_append_new(bf, json_pack("{s:s, s:s, s:I}", "id", d->cat.bf[i], "status",
						    i < 3 ? status : "niet_gestart", "besteed_cent", (json_int_t)(i < 3 ? besteed : 0)));
	json_t *body = json_pack("{s:s, s:s, s:o, s:s}", "regio", regio, "periode", "2027-1", "basisfunctionaliteiten", bf,
				 "knelpunten", "Werving van buurtsportcoaches en sociaal werkers loopt achter.");
	json_t *uit = NULL;
	if (rc == RC_OK)
		rc = voortgang_voeg_toe(d->s, &m, NULL, body, d->a, &uit, e);
	json_decref(body);
	json_decref(uit);
	return rc;
}

struct leeg_ctx { struct arena *a; size_t n; };

static rc_t leeg_tx(struct store *s, void *ctx, struct error *e)
{
	struct leeg_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = store_werkagenda_lijst(s, NULL, c->a, &r, e);
	c->n = rc == RC_OK ? r.nrows : 0;
	return rc;
}

rc_t sociaal_demo_laad(struct store *s, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	struct leeg_ctx lc = {&a, 0};
	struct demo_sd *d = arena_alloc(&a, sizeof *d);
	rc_t rc = d ? store_tx(s, STORE_READ, leeg_tx, &lc, e) : error_set(e, RC_NOMEM, "Geen geheugen.");
	if (rc != RC_OK || lc.n > 0) {
		arena_release(&a);
		return rc;
	}
	*d = (struct demo_sd){.s = s, .a = &a};
	json_t *regios = NULL;
	rc = sociaal_catalogus_lees(s, &d->cat, e);
	if (rc == RC_OK)
		rc = sociaal_vaststellingen(s, "regioindeling", 0, &a, &regios, e);
	d->indeling = json_incref(json_object_get(json_array_get(json_object_get(regios, "versies"), 0), "document"));
	json_decref(regios);
	int64_t pb = 0, noord = 0, utrecht = 0;
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(s, &a, NULL, "9001", NULL, &noord, e);
	if (rc == RC_OK)
		rc = gemeente_org(s, &a, "0344", &utrecht, e);
	struct organisatie vast;
	if (rc == RC_OK)
		rc = organisatie_vast_orgaan(s, &a, "programmabureau", &vast, e);
	pb = rc == RC_OK ? vast.id : 0;
	struct principal prog = {.organisatie_id = pb, .roles = ROL_PROGRAMMABUREAU,
				 .actor = demo_actor(s, &a, "programmabureau")};
	struct principal vws = {.organisatie_id = pb, .roles = ROL_VWS, .actor = demo_actor(s, &a, "vws")};
	struct principal vng = {.organisatie_id = utrecht, .roles = ROL_BEOORDELAAR,
				.actor = demo_actor(s, &a, "beoordelaar-vng")};
	struct principal zn = {.organisatie_id = noord, .roles = ROL_BEOORDELAAR, .actor = demo_actor(s, &a, "beoordelaar")};
	static const char *const scans[] = {"VR01", "VR09", "VR13", "VR22"};
	for (size_t i = 0; rc == RC_OK && i < 4; i++)
		rc = scan(d, &prog, scans[i], e);
	int64_t vr13 = 0, vr22 = 0, vr01 = 0, vr09 = 0;
	if (rc == RC_OK)
		rc = agenda_maak(d, "VR13", 3, false, true, 1000, &vr13, e);
	if (rc == RC_OK)
		rc = beoordeel(d, vr13, &vng, true, e);
	if (rc == RC_OK)
		rc = beoordeel(d, vr13, &zn, true, e);
	if (rc == RC_OK)
		rc = agenda_maak(d, "VR22", 3, false, true, 1000, &vr22, e);
	if (rc == RC_OK)
		rc = beoordeel(d, vr22, &vng, true, e);
	if (rc == RC_OK)
		rc = agenda_maak(d, "VR09", 4, true, true, 1, &vr09, e);
	if (rc == RC_OK)
		rc = agenda_maak(d, "VR01", 4, false, false, 0, &vr01, e);
	/* the SPUK of 2027: allocated by the default key, Amsterdam-Amstelland paid and partly accounted */
	json_t *uit = NULL, *body = json_pack("{s:i}", "jaar", 2027);
	if (rc == RC_OK)
		rc = spuk_toeken(s, &vws, NULL, body, &a, &uit, e);
	json_decref(body);
	int64_t ams = 0;
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(uit, "delen"), i, x)
		if (strcmp(json_string_value(json_object_get(x, "regio")), "VR13") == 0)
			ams = json_integer_value(json_object_get(x, "bedrag_cent"));
	json_decref(uit);
	uit = NULL;
	json_t *lijst = NULL;
	if (rc == RC_OK)
		rc = spuk_beschikkingen(s, &vws, 0, 2027, &a, &lijst, e);
	int64_t bid = 0;
	json_array_foreach(json_object_get(lijst, "beschikkingen"), i, x)
		if (strcmp(json_string_value(json_object_get(x, "regio")), "VR13") == 0)
			bid = json_integer_value(json_object_get(x, "id"));
	json_decref(lijst);
	if (rc == RC_OK)
		rc = spuk_betaal(s, &vws, NULL, bid, &a, &uit, e);
	json_decref(uit);
	uit = NULL;
	struct principal amsterdam;
	if (rc == RC_OK)
		rc = gemeente(d, "0363", &amsterdam, e);
	int64_t deel = ams / 3 / 3 * 3;
	body = json_pack("{s:i, s:I, s:[{s:s, s:I}, {s:s, s:I}, {s:s, s:I}], s:s}", "jaar", 2027, "besteed_cent",
			 (json_int_t)deel, "basisfunctionaliteiten", "id", d->cat.bf[0], "besteed_cent", (json_int_t)(deel / 3),
			 "id", d->cat.bf[1], "besteed_cent", (json_int_t)(deel / 3), "id", d->cat.bf[2], "besteed_cent",
			 (json_int_t)(deel / 3), "toelichting", "Eerste jaar: opbouw van de steunpunten en de valpreventieketen.");
	if (rc == RC_OK)
		rc = spuk_verantwoord(s, &amsterdam, NULL, bid, body, &a, &uit, e);
	json_decref(body);
	json_decref(uit);
	if (rc == RC_OK)
		rc = voortgang(d, "VR13", "in_uitvoering", 2500000, e);
	if (rc == RC_OK)
		rc = voortgang(d, "VR22", "in_voorbereiding", 0, e);
	if (rc == RC_OK)
		rc = voortgang(d, "VR01", "in_voorbereiding", 0, e);
	json_decref(d->indeling);
	arena_release(&a);
	return rc;
}
