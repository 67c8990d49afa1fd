/* test_toets.c -- the automated checks of an application and pas toe of
 * leg uit, against the real catalogue (catalogus/catalogus.json): every
 * check with a passing and a failing case, the route choice, the
 * tolerance boundaries, exact integer arithmetic, and the readers of the
 * norms and the round. The examples in voorbeelden/aanvragen are the
 * starting points; each case changes one thing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/aanvraag/aanvraag.h"
#include "core/aanvraag/afwijking.h"
#include "core/basis/json.h"
#include "core/aanvraag/toets.h"
#include "harness.h"

#define CONFORM "voorbeelden/aanvragen/conform-spraakgestuurd-rapporteren.json"
#define TOEGELICHT "voorbeelden/aanvragen/afwijkingen-toegelicht-hybride-zorgpaden.json"
#define FOUTEN "voorbeelden/aanvragen/fouten-slim-incontinentiemateriaal.json"

static json_t *catalogus;
static struct toets_resultaat res;   /* large: static, not on the stack */

/* ---- helpers ---------------------------------------------------------- */

static json_t *laad(const char *pad)
{
	json_error_t je;
	json_t *doc = json_load_file(pad, JSON_REJECT_DUPLICATES, &je);
	if (!doc)
		printf("  kan %s niet laden: %s\n", pad, je.text);
	return doc;
}

static struct toets_ronde ronde(const char *lat, bool uitloop)
{
	struct toets_ronde r;
	struct error e;
	memset(&r, 0, sizeof r);
	error_clear(&e);
	if (toets_ronde_lees(catalogus, lat, uitloop, &r, &e) != RC_OK)
		printf("  ronde niet gelezen\n");
	return r;
}

/* Reads `doc`, finds its modelplan in the catalogue and runs every check
 * into `res` with the round and register given. */
static rc_t toets_met(json_t *doc, const struct toets_ronde *r,
		      const struct toets_organisatie *org, size_t n_org)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	struct modelplan_normen n;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	error_clear(&e);
	rc_t rc = aanvraag_lees(doc, &ar, &a, &e);
	json_t *mp = rc == RC_OK ? toets_modelplan_zoek(catalogus, a.modelplan_id, a.modelplan_versie)
				 : NULL;
	if (rc == RC_OK && !mp)
		rc = RC_NOT_FOUND;
	if (rc == RC_OK)
		rc = toets_normen_lees(mp, catalogus, &n, &e);
	if (rc == RC_OK) {
		struct toets_context ctx = {&n, r, org, n_org};
		rc = toets_aanvraag(&a, &ctx, &res);
	}
	for (size_t i = 0; rc != RC_OK && i < e.item_count; i++)
		printf("  %s: %s\n", e.items[i].field, e.items[i].detail);
	arena_release(&ar);
	return rc;
}

static rc_t toets_doc(json_t *doc)
{
	struct toets_ronde r = ronde("A", true);
	return toets_met(doc, &r, NULL, 0);
}

static enum toets_uitkomst uitkomst(const char *id)
{
	enum toets_uitkomst u = TOETS_VOLDAAN;
	if (!toets_resultaat_uitkomst(&res, id, &u)) {
		printf("  geen bevinding voor %s\n", id);
		return (enum toets_uitkomst)99;
	}
	return u;
}

/* Prints the findings that are not voldaan (for a failing CHECK). */
static void toon(void)
{
	for (size_t i = 0; i < res.aantal; i++)
		if (res.bevindingen[i].resultaat != TOETS_VOLDAAN)
			printf("    %s %s %s: %s\n", res.bevindingen[i].check->id,
			       toets_uitkomst_naam(res.bevindingen[i].resultaat),
			       res.bevindingen[i].veld, res.bevindingen[i].bericht);
}

/* True when check `id` has a finding with this result at this field. */
static bool bevinding(const char *id, enum toets_uitkomst u, const char *veld)
{
	for (size_t i = 0; i < res.aantal; i++) {
		const struct toets_bevinding *b = &res.bevindingen[i];
		if (strcmp(b->check->id, id) == 0 && b->resultaat == u &&
		    (!veld || strcmp(b->veld, veld) == 0))
			return true;
	}
	return false;
}

/* True when the deviations include `element`. */
static bool afwijking(const char *element)
{
	for (size_t i = 0; i < res.afwijkingen.aantal; i++)
		if (strcmp(res.afwijkingen.items[i].element, element) == 0)
			return true;
	return false;
}

/* Number of checks whose worst result is not voldaan. */
static size_t niet_alles_voldaan(void)
{
	size_t n, k = 0;
	const struct toets_check *c = toets_checks(&n);
	for (size_t i = 0; i < n; i++)
		k += uitkomst(c[i].id) != TOETS_VOLDAAN;
	return k;
}

/* The parent of the member a JSON pointer names, and its last token. */
static json_t *ouder(json_t *doc, const char *pointer, char *laatste, size_t cap)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", pointer);
	json_t *v = doc;
	char *tok = buf + 1, *slash;
	while ((slash = strchr(tok, '/'))) {
		*slash = '\0';
		v = json_is_array(v) ? json_array_get(v, strtoul(tok, NULL, 10)) : json_object_get(v, tok);
		tok = slash + 1;
	}
	if (snprintf(laatste, cap, "%s", tok) >= (int)cap)
		return NULL;
	return v;
}

/* Sets the member at `pointer` to `w` (a new reference, stolen). */
static void zet(json_t *doc, const char *pointer, json_t *w)
{
	char k[64];
	json_t *p = ouder(doc, pointer, k, sizeof k);
	if (json_is_array(p)) {
		size_t i = strtoul(k, NULL, 10);
		if (i == json_array_size(p))
			json_array_append_new(p, w);
		else
			json_array_set_new(p, i, w);
	} else {
		json_object_set_new(p, k, w);
	}
}

static void weg(json_t *doc, const char *pointer)
{
	char k[64];
	json_t *p = ouder(doc, pointer, k, sizeof k);
	if (json_is_array(p))
		json_array_remove(p, strtoul(k, NULL, 10));
	else
		json_object_del(p, k);
}

static json_t *haal(json_t *doc, const char *pointer)
{
	char k[64];
	json_t *p = ouder(doc, pointer, k, sizeof k);
	return json_is_array(p) ? json_array_get(p, strtoul(k, NULL, 10)) : json_object_get(p, k);
}

/* Index of the answer to question `id` in the example. */
static size_t antwoord_index(json_t *doc, const char *id)
{
	json_t *l = json_object_get(doc, "antwoorden");
	for (size_t i = 0; i < json_array_size(l); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(l, i), "vraag_id")), id) == 0)
			return i;
	return (size_t)-1;
}

static void licht_toe(json_t *doc, const char *element)
{
	json_array_append_new(json_object_get(doc, "afwijkingen"),
			      json_pack("{s:s, s:s}", "element", element, "toelichting",
					"Regionaal onderbouwd; zie bijlage."));
}

/* ---- the three examples ------------------------------------------------ */

TEST(conform_voorbeeld_alles_voldaan_route_licht)
{
	json_t *doc = laad(CONFORM);
	CHECK(toets_doc(doc) == RC_OK);
	size_t n;
	toets_checks(&n);
	CHECK(n == 20);
	CHECK(res.aantal == n); /* one voldaan finding per check */
	CHECK(niet_alles_voldaan() == 0);
	CHECK(res.indienbaar && res.blokkerend_aantal == 0);
	CHECK(res.route == ROUTE_LICHT && res.afwijkingen.aantal == 0);
	CHECK(res.totalen.gevraagd_cent == 500000000);
	CHECK(res.totalen.niet_financierbaar_cent == 15000000);
	CHECK(res.totalen.veranderkundig_cent == 100000000);
	/* every bar of the catalogue is met */
	struct toets_ronde b = ronde("B", true), c = ronde("C", true);
	CHECK(toets_met(doc, &b, NULL, 0) == RC_OK && niet_alles_voldaan() == 0);
	CHECK(toets_met(doc, &c, NULL, 0) == RC_OK && niet_alles_voldaan() == 0);
	if (niet_alles_voldaan())
		toon();
	json_decref(doc);
}

TEST(zonder_gekozen_impactlat_beslist_de_beoordelaar)
{
	json_t *doc = laad(CONFORM);
	struct toets_ronde r = ronde(NULL, true); /* gekozen_impactlat_id is null in v1 */
	CHECK(r.impactlat_fte_per_miljoen_milli == 0);
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK);
	CHECK(uitkomst("T12-impactlat") == TOETS_BEOORDELAAR);
	CHECK(niet_alles_voldaan() == 1 && res.indienbaar && res.route == ROUTE_LICHT);
	json_decref(doc);
}

TEST(toegelichte_afwijkingen_route_verdiept)
{
	json_t *doc = laad(TOEGELICHT);
	struct toets_ronde r = ronde("B", true);
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK);
	CHECK(res.route == ROUTE_VERDIEPT && res.indienbaar);
	CHECK(res.afwijkingen.aantal == 2);
	CHECK(afwijking_zonder_toelichting(&res.afwijkingen) == 0);
	CHECK(strcmp(res.afwijkingen.items[0].element, "normen.mijlpalen[m4].uiterlijk_op") == 0);
	CHECK(strcmp(res.afwijkingen.items[0].veld, "/mijlpalen/3/streefdatum") == 0);
	CHECK(strcmp(res.afwijkingen.items[1].element,
		     "normen.bedragkaders.max_per_zorgaanbieder_cent") == 0);
	CHECK(strcmp(res.afwijkingen.items[1].veld, "/coalitie/deelnemers/0/bedrag_cent") == 0);
	CHECK(uitkomst("T11-afwijkingen") == TOETS_BEOORDELAAR);
	CHECK(uitkomst("T19-bedragkader") == TOETS_BEOORDELAAR);
	CHECK(niet_alles_voldaan() == 2);
	/* the municipality takes part without money and without blocking */
	CHECK(uitkomst("T07-coalitie") == TOETS_VOLDAAN);
	CHECK(uitkomst("T03-zorgpaden") == TOETS_VOLDAAN);
	if (niet_alles_voldaan() != 2)
		toon();
	json_decref(doc);
}

TEST(foutenvoorbeeld_blokkeert_en_noemt_alles)
{
	json_t *doc = laad(FOUTEN);
	struct toets_ronde r = ronde("B", true);
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK);
	CHECK(!res.indienbaar && res.route == ROUTE_VERDIEPT);
	static const char *const niet[] = {
		"T01-antwoorden", "T02-regiocontext", "T05-sommen", "T06-mijlpalen",
		"T08-verzekeraars", "T09-verklaringen", "T10-hulpmiddelen", "T11-afwijkingen",
		"T12-impactlat", "T13-fte-norm", "T14-jaren", "T15-eenmalige-impuls",
		"T16-structureel", "T17-gezamenlijk", "T18-veranderkundig", "T19-bedragkader",
	};
	for (size_t i = 0; i < sizeof niet / sizeof niet[0]; i++)
		CHECK(uitkomst(niet[i]) == TOETS_NIET_VOLDAAN);
	CHECK(niet_alles_voldaan() == sizeof niet / sizeof niet[0]);
	CHECK(bevinding("T10-hulpmiddelen", TOETS_NIET_VOLDAAN, "/begroting/1/doel"));
	CHECK(bevinding("T14-jaren", TOETS_NIET_VOLDAAN, "/begroting/3/jaar"));
	CHECK(bevinding("T08-verzekeraars", TOETS_NIET_VOLDAAN, "/coalitie/tweede_verzekeraar"));
	CHECK(afwijking_zonder_toelichting(&res.afwijkingen) == 3);
	json_decref(doc);
}

/* ---- completeness and consistency: blocking ----------------------------- */

/* Runs the example after `wijzig`, and expects check `id` to end in `u`;
 * `indienbaar` is what submission should say. */
#define VERWACHT(doc, id, u, indienbaar_verwacht)                                   \
	do {                                                                         \
		CHECK(toets_doc(doc) == RC_OK);                                      \
		CHECK(uitkomst(id) == (u));                                          \
		CHECK(res.indienbaar == (indienbaar_verwacht));                      \
		if (uitkomst(id) != (u) || res.indienbaar != (indienbaar_verwacht))  \
			toon();                                                      \
	} while (0)

/* Every check names its source, whole: a refusal copies it into a problem
 * item (error_item.bron), so it must fit there and survive the copy. */
TEST(elke_check_noemt_zijn_bron_volledig)
{
	size_t n = 0;
	const struct toets_check *c = toets_checks(&n);
	CHECK(n > 0);
	for (size_t i = 0; i < n; i++) {
		const char *b = c[i].bron;
		CHECK(b && b[0] == '[' && strncmp(b, "[00", 3) == 0 && strchr(b, ']'));
		CHECK(b && strlen(b) < ERROR_BRON_MAX);
		struct error e;
		error_clear(&e);
		error_add(&e, "/", c[i].id, b, "x");
		CHECK(b && strcmp(e.items[0].bron, b) == 0);
	}
}

TEST(t00_modelplanversie)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T00-modelplan", TOETS_VOLDAAN, true);
	zet(doc, "/catalogus_versie", json_integer(2));
	VERWACHT(doc, "T00-modelplan", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T00-modelplan", TOETS_NIET_VOLDAAN, "/catalogus_versie"));
	json_decref(doc);
}

TEST(t01_alle_vragen_beantwoord)
{
	json_t *doc = laad(CONFORM);
	char p[64];
	VERWACHT(doc, "T01-antwoorden", TOETS_VOLDAAN, true);
	snprintf(p, sizeof p, "/antwoorden/%zu/tekst", antwoord_index(doc, "4.8"));
	zet(doc, p, json_string(" "));
	VERWACHT(doc, "T01-antwoorden", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T01-antwoorden", TOETS_NIET_VOLDAAN, p));
	json_decref(doc);

	doc = laad(CONFORM);
	weg(doc, "/antwoorden/0");
	VERWACHT(doc, "T01-antwoorden", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T01-antwoorden", TOETS_NIET_VOLDAAN, "/antwoorden"));
	json_decref(doc);

	doc = laad(CONFORM);
	json_array_append_new(json_object_get(doc, "antwoorden"),
			      json_pack("{s:s, s:s}", "vraag_id", "8.1", "tekst", "x"));
	VERWACHT(doc, "T01-antwoorden", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T01-antwoorden", TOETS_NIET_VOLDAAN, "/antwoorden/43/vraag_id"));
	json_decref(doc);
}

TEST(t01_voorwaardelijke_vragen)
{
	/* 4.3 (9) only with structural costs; 5.7 only with several providers;
	 * 7.8 never required */
	json_t *doc = laad(CONFORM);
	weg(doc, "/antwoorden/42"); /* 7.8 */
	VERWACHT(doc, "T01-antwoorden", TOETS_VOLDAAN, true);
	weg(doc, "/antwoorden/15"); /* 4.3 */
	CHECK(strcmp(json_string_value(haal(doc, "/antwoorden/15/vraag_id")), "4.4") == 0);
	VERWACHT(doc, "T01-antwoorden", TOETS_NIET_VOLDAAN, false);
	zet(doc, "/structureel/kosten_per_jaar_cent", json_integer(0));
	weg(doc, "/begroting/6"); /* the structural line */
	VERWACHT(doc, "T01-antwoorden", TOETS_VOLDAAN, true);
	json_decref(doc);
}

TEST(t02_regiocontext)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T02-regiocontext", TOETS_VOLDAAN, true);
	zet(doc, "/antwoorden/6/regiocontext", json_string("\n"));  /* 3.2 */
	weg(doc, "/antwoorden/0/regiocontext");                      /* 1.1 */
	VERWACHT(doc, "T02-regiocontext", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T02-regiocontext", TOETS_NIET_VOLDAAN, "/antwoorden/6/regiocontext"));
	CHECK(bevinding("T02-regiocontext", TOETS_NIET_VOLDAAN, "/antwoorden/0/regiocontext"));
	/* a question without the marker needs none */
	zet(doc, "/antwoorden/6/regiocontext", json_string("Twente"));
	zet(doc, "/antwoorden/0/regiocontext", json_string("Twente"));
	zet(doc, "/antwoorden/1/regiocontext", json_null());
	VERWACHT(doc, "T02-regiocontext", TOETS_VOLDAAN, true);
	json_decref(doc);
}

TEST(t03_zorgpaden)
{
	struct toets_ronde r = ronde("B", true);
	json_t *doc = laad(TOEGELICHT);
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && uitkomst("T03-zorgpaden") == TOETS_VOLDAAN);
	zet(doc, "/zorgpaden", json_array());
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK);
	CHECK(uitkomst("T03-zorgpaden") == TOETS_NIET_VOLDAAN && !res.indienbaar);
	zet(doc, "/zorgpaden", json_pack("[s]", "longkanker"));
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK);
	CHECK(bevinding("T03-zorgpaden", TOETS_NIET_VOLDAAN, "/zorgpaden/0"));
	json_decref(doc);
	/* an area without care pathways takes none */
	doc = laad(CONFORM);
	VERWACHT(doc, "T03-zorgpaden", TOETS_VOLDAAN, true);
	zet(doc, "/zorgpaden", json_pack("[s]", "copd"));
	VERWACHT(doc, "T03-zorgpaden", TOETS_NIET_VOLDAAN, false);
	json_decref(doc);
}

TEST(t04_gegevens_volledig)
{
	static const char *const weglaten[] = {
		"/impact/meetmethode", "/eenheden", "/totaal_bedrag_cent", "/coalitie/penvoerder",
		"/structureel/besparing_per_jaar_cent", "/impact/fte_besparing_milli",
	};
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T04-gegevens", TOETS_VOLDAAN, true);
	json_decref(doc);
	for (size_t i = 0; i < sizeof weglaten / sizeof weglaten[0]; i++) {
		doc = laad(CONFORM);
		weg(doc, weglaten[i]);
		VERWACHT(doc, "T04-gegevens", TOETS_NIET_VOLDAAN, false);
		CHECK(bevinding("T04-gegevens", TOETS_NIET_VOLDAAN,
				strcmp(weglaten[i], "/eenheden") ? weglaten[i] : "/eenheden"));
		json_decref(doc);
	}
}

TEST(t05_sommen)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T05-sommen", TOETS_VOLDAAN, true);
	zet(doc, "/totaal_bedrag_cent", json_integer(500000001));
	VERWACHT(doc, "T05-sommen", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T05-sommen", TOETS_NIET_VOLDAAN, "/totaal_bedrag_cent"));
	/* counting the structural costs in the total is named as such */
	zet(doc, "/totaal_bedrag_cent", json_integer(515000000));
	VERWACHT(doc, "T05-sommen", TOETS_NIET_VOLDAAN, false);
	CHECK(strstr(res.bevindingen[5].bericht, "structurele kosten") != NULL);
	json_decref(doc);

	doc = laad(CONFORM);
	zet(doc, "/coalitie/deelnemers/1/bedrag_cent", json_integer(175000100));
	VERWACHT(doc, "T05-sommen", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T05-sommen", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers/1/bedrag_cent"));
	CHECK(bevinding("T05-sommen", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers"));
	json_decref(doc);

	doc = laad(CONFORM);
	zet(doc, "/mijlpalen/4/bedrag_cent", json_integer(50000100));
	VERWACHT(doc, "T05-sommen", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T05-sommen", TOETS_NIET_VOLDAAN, "/mijlpalen"));
	json_decref(doc);

	doc = laad(CONFORM);
	zet(doc, "/begroting/0/eenheid_id", json_string("bed"));
	VERWACHT(doc, "T05-sommen", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T05-sommen", TOETS_NIET_VOLDAAN, "/begroting/0/eenheid_id"));
	json_decref(doc);
}

TEST(t06_mijlpalen_volgens_sjabloon)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T06-mijlpalen", TOETS_VOLDAAN, true);
	zet(doc, "/mijlpalen/2/streefdatum", json_string("2027-11-30")); /* m3 before m2 */
	VERWACHT(doc, "T06-mijlpalen", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T06-mijlpalen", TOETS_NIET_VOLDAAN, "/mijlpalen/2/streefdatum"));
	json_decref(doc);

	doc = laad(CONFORM);
	zet(doc, "/mijlpalen/4/id", json_string("m9"));
	VERWACHT(doc, "T06-mijlpalen", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T06-mijlpalen", TOETS_NIET_VOLDAAN, "/mijlpalen/4/id"));
	CHECK(bevinding("T06-mijlpalen", TOETS_NIET_VOLDAAN, "/mijlpalen")); /* m5 missing */
	json_decref(doc);
}

TEST(t07_coalitie_en_gemeenten)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T07-coalitie", TOETS_VOLDAAN, true);
	zet(doc, "/coalitie/penvoerder", json_integer(4242));
	VERWACHT(doc, "T07-coalitie", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/coalitie/penvoerder"));
	json_decref(doc);

	/* a municipality as lead, with money and budget lines */
	doc = laad(CONFORM);
	zet(doc, "/coalitie/deelnemers/0/soort", json_string("gemeente"));
	VERWACHT(doc, "T07-coalitie", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/coalitie/penvoerder"));
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers/0/bedrag_cent"));
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/begroting/0/zorgaanbieder"));
	json_decref(doc);

	/* municipalities never apply alone */
	doc = laad(CONFORM);
	for (int i = 0; i < 3; i++) {
		char p[64];
		snprintf(p, sizeof p, "/coalitie/deelnemers/%d/soort", i);
		zet(doc, p, json_string("gemeente"));
	}
	VERWACHT(doc, "T07-coalitie", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers"));
	json_decref(doc);

	doc = laad(CONFORM);
	zet(doc, "/coalitie/deelnemers/2/sector", json_string("tandartszorg"));
	weg(doc, "/coalitie/deelnemers/1/sector");
	VERWACHT(doc, "T07-coalitie", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers/2/sector"));
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers/1/sector"));
	json_decref(doc);
}

static const struct toets_organisatie REGISTER[] = {
	{1001, ORGANISATIE_ZORGAANBIEDER}, {1002, ORGANISATIE_ZORGAANBIEDER},
	{1003, ORGANISATIE_ZORGAANBIEDER}, {2001, ORGANISATIE_ZORGVERZEKERAAR},
	{2002, ORGANISATIE_ZORGVERZEKERAAR}, {3001, ORGANISATIE_GEMEENTE},
	{9001, ORGANISATIE_ANDERS},
};
#define REGISTER_AANTAL (sizeof REGISTER / sizeof REGISTER[0])

TEST(t07_t08_met_register)
{
	struct toets_ronde r = ronde("A", true);
	json_t *doc = laad(CONFORM);
	CHECK(toets_met(doc, &r, REGISTER, REGISTER_AANTAL) == RC_OK);
	CHECK(niet_alles_voldaan() == 0);
	/* the register knows better than the document */
	struct toets_organisatie reg[REGISTER_AANTAL];
	memcpy(reg, REGISTER, sizeof reg);
	reg[1].soort = ORGANISATIE_GEMEENTE;     /* 1002 */
	reg[4].soort = ORGANISATIE_ZORGAANBIEDER; /* 2002 */
	CHECK(toets_met(doc, &r, reg, REGISTER_AANTAL) == RC_OK);
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers/1/organisatie"));
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/begroting/7/zorgaanbieder"));
	CHECK(bevinding("T08-verzekeraars", TOETS_NIET_VOLDAAN, "/coalitie/tweede_verzekeraar"));
	CHECK(!res.indienbaar);
	/* an id the register does not know */
	CHECK(toets_met(doc, &r, REGISTER, 2) == RC_OK);
	CHECK(bevinding("T07-coalitie", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers/2/organisatie"));
	CHECK(bevinding("T08-verzekeraars", TOETS_NIET_VOLDAAN,
			"/coalitie/coordinerend_verzekeraar"));
	/* a fixed body is no insurer either */
	zet(doc, "/coalitie/tweede_verzekeraar", json_integer(9001));
	CHECK(toets_met(doc, &r, REGISTER, REGISTER_AANTAL) == RC_OK);
	CHECK(bevinding("T08-verzekeraars", TOETS_NIET_VOLDAAN, "/coalitie/tweede_verzekeraar"));
	json_decref(doc);
}

TEST(t08_twee_verschillende_verzekeraars)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T08-verzekeraars", TOETS_VOLDAAN, true);
	zet(doc, "/coalitie/tweede_verzekeraar", json_integer(2001));
	VERWACHT(doc, "T08-verzekeraars", TOETS_NIET_VOLDAAN, false);
	weg(doc, "/coalitie/coordinerend_verzekeraar");
	VERWACHT(doc, "T08-verzekeraars", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T08-verzekeraars", TOETS_NIET_VOLDAAN, "/coalitie/coordinerend_verzekeraar"));
	json_decref(doc);
	/* an insurer is no participant */
	doc = laad(CONFORM);
	zet(doc, "/coalitie/tweede_verzekeraar", json_integer(1003));
	VERWACHT(doc, "T08-verzekeraars", TOETS_NIET_VOLDAAN, false);
	json_decref(doc);
}

TEST(t09_verklaringen)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T09-verklaringen", TOETS_VOLDAAN, true);
	zet(doc, "/verklaringen/geen_eerdere_iza_transformatiemiddelen", json_false());
	weg(doc, "/verklaringen/kennis_kosteloos_delen");
	VERWACHT(doc, "T09-verklaringen", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T09-verklaringen", TOETS_NIET_VOLDAAN,
			"/verklaringen/geen_eerdere_iza_transformatiemiddelen"));
	CHECK(bevinding("T09-verklaringen", TOETS_NIET_VOLDAAN, "/verklaringen/kennis_kosteloos_delen"));
	json_decref(doc);
}

TEST(t10_geen_aanschaf_hulpmiddelen)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T10-hulpmiddelen", TOETS_VOLDAAN, true);
	/* reported, not requested (structural): allowed */
	zet(doc, "/begroting/6/doel", json_string("aanschaf_hulpmiddelen"));
	VERWACHT(doc, "T10-hulpmiddelen", TOETS_VOLDAAN, true);
	zet(doc, "/begroting/1/doel", json_string("aanschaf_hulpmiddelen"));
	VERWACHT(doc, "T10-hulpmiddelen", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T10-hulpmiddelen", TOETS_NIET_VOLDAAN, "/begroting/1/doel"));
	json_decref(doc);
}

TEST(t11_afwijking_zonder_toelichting_blokkeert)
{
	json_t *doc = laad(TOEGELICHT);
	struct toets_ronde r = ronde("B", true);
	weg(doc, "/afwijkingen/0");
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK);
	CHECK(uitkomst("T11-afwijkingen") == TOETS_NIET_VOLDAAN && !res.indienbaar);
	CHECK(bevinding("T11-afwijkingen", TOETS_NIET_VOLDAAN, "/mijlpalen/3/streefdatum"));
	CHECK(res.blokkerend_aantal == 1);
	/* an empty explanation is no explanation */
	licht_toe(doc, "normen.mijlpalen[m4].uiterlijk_op");
	zet(doc, "/afwijkingen/1/toelichting", json_string("  "));
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && !res.indienbaar);
	zet(doc, "/afwijkingen/1/toelichting", json_string("Aansluiting huisartsen later."));
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && res.indienbaar);
	/* a regional adjustment needs its explanation too */
	zet(doc, "/regionale_aanpassingen/0/toelichting", json_string(""));
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && !res.indienbaar);
	CHECK(bevinding("T11-afwijkingen", TOETS_NIET_VOLDAAN,
			"/regionale_aanpassingen/0/toelichting"));
	json_decref(doc);
}

/* ---- basic requirements: never blocking -------------------------------- */

TEST(t12_impactlat_exact)
{
	json_t *doc = laad(CONFORM);
	/* 190 fte for EUR 5 mln is exactly 38 fte per EUR 1 mln */
	struct toets_ronde r = ronde("A", true);
	r.impactlat_fte_per_miljoen_milli = 38000;
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && uitkomst("T12-impactlat") == TOETS_VOLDAAN);
	r.impactlat_fte_per_miljoen_milli = 38001;
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK);
	CHECK(uitkomst("T12-impactlat") == TOETS_NIET_VOLDAAN && res.indienbaar);
	CHECK(niet_alles_voldaan() == 1);
	r.impactlat_fte_per_miljoen_milli = 38000;
	zet(doc, "/impact/fte_besparing_milli", json_integer(189999));
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && uitkomst("T12-impactlat") == TOETS_NIET_VOLDAAN);
	/* the largest values cannot overflow the comparison */
	zet(doc, "/impact/fte_besparing_milli", json_integer(INT64_MAX));
	r.impactlat_fte_per_miljoen_milli = NORMEN_FTE_MAX_MILLI;
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && uitkomst("T12-impactlat") == TOETS_VOLDAAN);
	json_decref(doc);
}

TEST(t13_fte_norm_van_het_modelplan)
{
	/* norm 35 fte per EUR 1 mln, tolerance 1000 bp: conform from 31.5 */
	json_t *doc = laad(CONFORM);
	struct toets_ronde r = ronde("C", true);
	zet(doc, "/impact/fte_besparing_milli", json_integer(157500)); /* 31.5 per mln */
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && uitkomst("T13-fte-norm") == TOETS_VOLDAAN);
	CHECK(res.route == ROUTE_LICHT);
	zet(doc, "/impact/fte_besparing_milli", json_integer(157499));
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && uitkomst("T13-fte-norm") == TOETS_NIET_VOLDAAN);
	CHECK(res.route == ROUTE_VERDIEPT && !res.indienbaar); /* via T11 */
	CHECK(strcmp(res.afwijkingen.items[0].element, "normen.min_fte_per_miljoen_milli") == 0);
	licht_toe(doc, "normen.min_fte_per_miljoen_milli");
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && uitkomst("T13-fte-norm") == TOETS_BEOORDELAAR);
	CHECK(res.indienbaar && res.route == ROUTE_VERDIEPT);
	json_decref(doc);
}

TEST(t14_toegestane_jaren)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T14-jaren", TOETS_VOLDAAN, true);
	zet(doc, "/begroting/0/jaar", json_integer(2030));
	VERWACHT(doc, "T14-jaren", TOETS_NIET_VOLDAAN, true);
	CHECK(bevinding("T14-jaren", TOETS_NIET_VOLDAAN, "/begroting/0/jaar"));
	json_decref(doc);
	/* a round without 2029: the borging line and m5 must move */
	doc = laad(CONFORM);
	struct toets_ronde r = ronde("A", false);
	CHECK(r.uitloopjaar == 2029 && !r.uitloopjaar_toegestaan && r.jaar_aantal == 2);
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK && uitkomst("T14-jaren") == TOETS_NIET_VOLDAAN);
	CHECK(bevinding("T14-jaren", TOETS_NIET_VOLDAAN, "/begroting/5/jaar"));
	CHECK(bevinding("T14-jaren", TOETS_NIET_VOLDAAN, "/mijlpalen/4/streefdatum"));
	CHECK(res.indienbaar);
	json_decref(doc);
}

TEST(t14_aandeel_per_jaar_grens)
{
	/* 2029 may hold at most 1500 bp of EUR 5 mln = EUR 750.000; the example
	 * has 500.000 there. Move 250.000 from 2027 to 2029: exactly the max. */
	json_t *doc = laad(CONFORM);
	zet(doc, "/begroting/0/bedrag_cent", json_integer(25000000));
	zet(doc, "/begroting/5/bedrag_cent", json_integer(45000000));
	VERWACHT(doc, "T14-jaren", TOETS_VOLDAAN, true);
	zet(doc, "/begroting/0/bedrag_cent", json_integer(24999999));
	zet(doc, "/begroting/5/bedrag_cent", json_integer(45000001));
	VERWACHT(doc, "T14-jaren", TOETS_NIET_VOLDAAN, false);
	CHECK(strcmp(res.afwijkingen.items[0].element, "normen.begrotingsjaren[2029].max_aandeel_bp") == 0);
	CHECK(strcmp(res.afwijkingen.items[0].veld, "/begroting/5/jaar") == 0);
	json_decref(doc);
}

TEST(t15_eenmalige_impuls)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T15-eenmalige-impuls", TOETS_VOLDAAN, true);
	weg(doc, "/eenmalige_impuls/borging");
	VERWACHT(doc, "T15-eenmalige-impuls", TOETS_NIET_VOLDAAN, true);
	CHECK(bevinding("T15-eenmalige-impuls", TOETS_NIET_VOLDAAN, "/eenmalige_impuls/borging"));
	weg(doc, "/eenmalige_impuls");
	VERWACHT(doc, "T15-eenmalige-impuls", TOETS_NIET_VOLDAAN, true);
	CHECK(bevinding("T15-eenmalige-impuls", TOETS_NIET_VOLDAAN, "/eenmalige_impuls/toelichting"));
	json_decref(doc);
}

TEST(t16_besparing_minstens_structurele_kosten)
{
	json_t *doc = laad(CONFORM);
	zet(doc, "/structureel/kosten_per_jaar_cent", json_integer(250000000)); /* equal */
	VERWACHT(doc, "T16-structureel", TOETS_VOLDAAN, true);
	zet(doc, "/structureel/kosten_per_jaar_cent", json_integer(250000001));
	VERWACHT(doc, "T16-structureel", TOETS_NIET_VOLDAAN, true);
	CHECK(bevinding("T16-structureel", TOETS_NIET_VOLDAAN, "/structureel/besparing_per_jaar_cent"));
	/* structural costs in the budget but none per year */
	zet(doc, "/structureel/kosten_per_jaar_cent", json_integer(0));
	VERWACHT(doc, "T16-structureel", TOETS_NIET_VOLDAAN, true);
	CHECK(bevinding("T16-structureel", TOETS_NIET_VOLDAAN, "/structureel/kosten_per_jaar_cent"));
	json_decref(doc);
}

/* Makes the example a single-provider application of 1001. */
static void een_aanbieder(json_t *doc)
{
	json_t *b = json_object_get(doc, "begroting");
	for (size_t i = 0; i < json_array_size(b); i++)
		json_object_set_new(json_array_get(b, i), "zorgaanbieder", json_integer(1001));
	weg(doc, "/coalitie/deelnemers/2");
	weg(doc, "/coalitie/deelnemers/1");
	zet(doc, "/coalitie/deelnemers/0/bedrag_cent", json_integer(500000000));
	licht_toe(doc, "normen.bedragkaders.max_per_zorgaanbieder_cent");
}

TEST(t17_gezamenlijke_aanvraag)
{
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T17-gezamenlijk", TOETS_VOLDAAN, true);
	een_aanbieder(doc);
	VERWACHT(doc, "T17-gezamenlijk", TOETS_NIET_VOLDAAN, true);
	CHECK(bevinding("T17-gezamenlijk", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers"));
	/* capaciteitsplanning allows an individual application (K10) */
	zet(doc, "/modelplan/id", json_string("mp-capaciteitsplanning"));
	CHECK(toets_doc(doc) == RC_OK && uitkomst("T17-gezamenlijk") == TOETS_VOLDAAN);
	json_decref(doc);
	/* mentaal schakelpunt requires ggz and huisartsenzorg */
	doc = laad(CONFORM);
	zet(doc, "/modelplan/id", json_string("mp-mentaal-schakelpunt"));
	CHECK(toets_doc(doc) == RC_OK && uitkomst("T17-gezamenlijk") == TOETS_NIET_VOLDAAN);
	CHECK(afwijking("normen.aanvraagvorm.vereiste_sectoren[huisartsenzorg]"));
	CHECK(!afwijking("normen.aanvraagvorm.vereiste_sectoren[ggz]"));
	zet(doc, "/coalitie/deelnemers/2/sector", json_string("huisartsenzorg"));
	CHECK(toets_doc(doc) == RC_OK);
	CHECK(!bevinding("T17-gezamenlijk", TOETS_NIET_VOLDAAN, NULL));
	CHECK(!afwijking("normen.aanvraagvorm.vereiste_sectoren[huisartsenzorg]"));
	json_decref(doc);
}

TEST(t18_veranderkundige_ondersteuning)
{
	/* at least 500 bp of EUR 5 mln = EUR 250.000; the example has 1 mln */
	static const int regels[] = {2, 3, 9, 11, 15, 16};
	json_t *doc = laad(CONFORM);
	VERWACHT(doc, "T18-veranderkundig", TOETS_VOLDAAN, true);
	for (size_t i = 0; i < 6; i++) {
		char p[64];
		snprintf(p, sizeof p, "/begroting/%d/doel", regels[i]);
		zet(doc, p, json_string("implementatie"));
	}
	VERWACHT(doc, "T18-veranderkundig", TOETS_NIET_VOLDAAN, false);
	zet(doc, "/begroting/2/doel", json_string("scholing")); /* EUR 300.000 */
	VERWACHT(doc, "T18-veranderkundig", TOETS_VOLDAAN, true);
	json_decref(doc);
}

TEST(t19_bedragkaders_per_eenheid_aanbieder_aanvraag)
{
	/* EUR 1.500 per professional: 3334 cover EUR 5 mln, 3333 do not */
	json_t *doc = laad(CONFORM);
	zet(doc, "/eenheden/0/aantal", json_integer(3334));
	VERWACHT(doc, "T19-bedragkader", TOETS_VOLDAAN, true);
	zet(doc, "/eenheden/0/aantal", json_integer(3333));
	VERWACHT(doc, "T19-bedragkader", TOETS_NIET_VOLDAAN, false);
	CHECK(bevinding("T19-bedragkader", TOETS_NIET_VOLDAAN, "/eenheden/0/aantal"));
	licht_toe(doc, "normen.bedragkaders.per_eenheid[zorgprofessional].max_bedrag_cent");
	VERWACHT(doc, "T19-bedragkader", TOETS_BEOORDELAAR, true);
	json_decref(doc);
	/* EUR 2 mln per provider is the frame: one cent more deviates */
	doc = laad(CONFORM);
	zet(doc, "/begroting/0/bedrag_cent", json_integer(50000001));
	zet(doc, "/begroting/7/bedrag_cent", json_integer(39999999));
	zet(doc, "/coalitie/deelnemers/0/bedrag_cent", json_integer(200000001));
	zet(doc, "/coalitie/deelnemers/1/bedrag_cent", json_integer(174999999));
	VERWACHT(doc, "T19-bedragkader", TOETS_NIET_VOLDAAN, false);
	CHECK(res.afwijkingen.aantal == 1);
	CHECK(bevinding("T19-bedragkader", TOETS_NIET_VOLDAAN, "/coalitie/deelnemers/0/bedrag_cent"));
	json_decref(doc);
}

/* ---- pas toe of leg uit: tolerances and route ---------------------------- */

TEST(mijlpaal_datum_en_aandeel_binnen_marge)
{
	json_t *doc = laad(CONFORM);
	zet(doc, "/mijlpalen/0/streefdatum", json_string("2027-07-30")); /* +30 days */
	CHECK(toets_doc(doc) == RC_OK && res.route == ROUTE_LICHT);
	zet(doc, "/mijlpalen/0/streefdatum", json_string("2027-07-31")); /* +31 */
	CHECK(toets_doc(doc) == RC_OK && res.route == ROUTE_VERDIEPT && !res.indienbaar);
	CHECK(strcmp(res.afwijkingen.items[0].element, "normen.mijlpalen[m1].uiterlijk_op") == 0);
	zet(doc, "/mijlpalen/0/streefdatum", json_string("2026-01-01")); /* earlier: fine */
	CHECK(toets_doc(doc) == RC_OK && res.route == ROUTE_LICHT);
	/* m1 2000 bp and m2 2500 bp, each +-500 bp */
	zet(doc, "/mijlpalen/0/bedrag_cent", json_integer(125000000));
	zet(doc, "/mijlpalen/1/bedrag_cent", json_integer(100000000));
	CHECK(toets_doc(doc) == RC_OK && res.route == ROUTE_LICHT && res.indienbaar);
	zet(doc, "/mijlpalen/0/bedrag_cent", json_integer(125000001));
	zet(doc, "/mijlpalen/1/bedrag_cent", json_integer(99999999));
	CHECK(toets_doc(doc) == RC_OK && res.afwijkingen.aantal == 2);
	CHECK(strcmp(res.afwijkingen.items[0].element, "normen.mijlpalen[m1].aandeel_bp") == 0);
	CHECK(strcmp(res.afwijkingen.items[1].element, "normen.mijlpalen[m2].aandeel_bp") == 0);
	CHECK(uitkomst("T11-afwijkingen") == TOETS_NIET_VOLDAAN);
	json_decref(doc);
}

TEST(route_licht_en_verdiept)
{
	json_t *doc = laad(CONFORM);
	CHECK(toets_doc(doc) == RC_OK && res.route == ROUTE_LICHT);
	CHECK(strcmp(afwijking_route_naam(res.route), "licht") == 0);
	/* a regional adjustment alone: deeper review, still submittable */
	json_array_append_new(json_object_get(doc, "regionale_aanpassingen"),
			      json_pack("{s:s, s:s}", "onderwerp", "Extra regio", "toelichting",
					"Twente werkt met één gezamenlijke leverancier."));
	CHECK(toets_doc(doc) == RC_OK && res.route == ROUTE_VERDIEPT && res.indienbaar);
	CHECK(strcmp(afwijking_route_naam(res.route), "verdiept") == 0);
	CHECK(uitkomst("T11-afwijkingen") == TOETS_BEOORDELAAR);
	json_decref(doc);
	/* an explanation for an element that does not deviate changes nothing */
	doc = laad(CONFORM);
	licht_toe(doc, "normen.mijlpalen[m2].uiterlijk_op");
	CHECK(toets_doc(doc) == RC_OK && res.route == ROUTE_LICHT && niet_alles_voldaan() == 0);
	json_decref(doc);
}

TEST(leeg_concept_geeft_geen_afwijkingen_maar_blokkeert)
{
	json_t *doc = json_pack("{s:s, s:i, s:i, s:{s:s, s:i}}", "soort", "aanvraag",
				"schema_versie", 1, "catalogus_versie", 1, "modelplan", "id",
				"mp-digitale-triage", "versie", 1);
	struct toets_ronde r = ronde(NULL, true);
	CHECK(toets_met(doc, &r, NULL, 0) == RC_OK);
	CHECK(!res.indienbaar && res.route == ROUTE_LICHT && res.afwijkingen.aantal == 0);
	CHECK(uitkomst("T01-antwoorden") == TOETS_NIET_VOLDAAN);
	CHECK(uitkomst("T04-gegevens") == TOETS_NIET_VOLDAAN);
	/* 43 missing answers: 12 kept, the rest summed up in one finding */
	size_t t01 = 0;
	for (size_t i = 0; i < res.aantal; i++)
		t01 += strcmp(res.bevindingen[i].check->id, "T01-antwoorden") == 0;
	CHECK(t01 == TOETS_PER_CHECK_MAX + 1);
	CHECK(res.weggelaten == 0);
	json_decref(doc);
}

/* ---- readers, table and JSON ------------------------------------------- */

TEST(normen_van_alle_modelplannen)
{
	json_t *lijst = json_object_get(catalogus, "modelplannen");
	CHECK(json_array_size(lijst) == 11);
	for (size_t i = 0; i < json_array_size(lijst); i++) {
		struct modelplan_normen n;
		struct error e;
		error_clear(&e);
		CHECK(toets_normen_lees(json_array_get(lijst, i), catalogus, &n, &e) == RC_OK);
		CHECK(n.vraag_aantal == 43 && n.mijlpaal_aantal == 5 && n.jaar_aantal == 3);
		CHECK(n.financierbaar[KOSTENSOORT_PERSONEEL][KOSTENAARD_EENMALIG]);
		CHECK(!n.financierbaar[KOSTENSOORT_MATERIEEL][KOSTENAARD_STRUCTUREEL]);
		CHECK(n.tolerantie_mijlpaal_datum_dagen == 30 && n.tolerantie_fte_norm_bp == 1000);
		CHECK(n.sector_aantal == 4 && n.eenheid_aantal == 1);
	}
	struct modelplan_normen n;
	struct error e;
	error_clear(&e);
	CHECK(toets_normen_lees(toets_modelplan_zoek(catalogus, "mp-digitale-hybride-zorgpaden", 1),
				catalogus, &n, &e) == RC_OK);
	CHECK(n.zorgpadkeuze_verplicht && n.zorgpad_aantal == 6);
	CHECK(n.vragen[15].voorwaarde == VOORWAARDE_STRUCTURELE_KOSTEN); /* 4.3 */
	CHECK(n.vragen[0].regiocontext && !n.vragen[1].regiocontext);
	CHECK(toets_modelplan_zoek(catalogus, "mp-digitale-hybride-zorgpaden", 2) == NULL);
}

TEST(normen_van_een_nieuwe_modelplanversie)
{
	json_t *v2 = laad("catalogus/modelplan-voorbeeld-v2.json");
	struct modelplan_normen n;
	struct error e;
	error_clear(&e);
	CHECK(toets_normen_lees(v2, catalogus, &n, &e) == RC_OK);
	CHECK(n.modelplan_versie == 2 && n.min_aandeel_veranderkundig_bp == 750);
	CHECK(normen_mijlpaal(&n, "m3")->aandeel_bp == 2000);
	CHECK(normen_mijlpaal(&n, "m5")->aandeel_bp == 1500);
	/* the v1 example on v2: shares now deviate (m3 2500 vs 2000 +-500 is fine,
	 * m5 1000 vs 1500 +-500 too), so only the version is wrong */
	json_decref(v2);
}

TEST(normen_met_gebreken_worden_gemeld)
{
	json_t *mp = json_deep_copy(toets_modelplan_zoek(catalogus, "mp-digitale-emdr", 1));
	json_t *normen = json_object_get(mp, "normen");
	json_object_del(normen, "toleranties");
	json_object_set_new(json_array_get(json_object_get(normen, "mijlpalen"), 1), "uiterlijk_op",
			    json_string("2027-02-30"));
	json_object_set_new(normen, "min_fte_per_miljoen_milli", json_integer(0));
	json_array_append_new(json_object_get(mp, "vraag_ids"), json_string("9.9"));
	struct modelplan_normen n;
	memset(&n, 0x11, sizeof n);
	struct error e;
	error_clear(&e);
	CHECK(toets_normen_lees(mp, catalogus, &n, &e) == RC_INVALID);
	CHECK(e.item_count == 4);
	CHECK(n.modelplan_versie == 0x1111111111111111LL); /* untouched */
	json_decref(mp);
}

TEST(ronde_uit_de_catalogus)
{
	struct toets_ronde r;
	struct error e;
	error_clear(&e);
	CHECK(toets_ronde_lees(catalogus, "B", true, &r, &e) == RC_OK);
	CHECK(r.impactlat_fte_per_miljoen_milli == 17000 && strcmp(r.impactlat_id, "B") == 0);
	CHECK(r.jaar_aantal == 2 && r.jaren[0] == 2027 && r.jaren[1] == 2028);
	CHECK(r.uitloopjaar == 2029 && r.uitloopjaar_toegestaan);
	CHECK(toets_ronde_lees(catalogus, NULL, true, &r, &e) == RC_OK);
	CHECK(r.impactlat_fte_per_miljoen_milli == 0 && r.impactlat_id[0] == '\0');
	error_clear(&e);
	CHECK(toets_ronde_lees(catalogus, "Z", true, &r, &e) == RC_INVALID);
	CHECK(e.item_count == 1 && strcmp(e.items[0].field, "/impactlat") == 0);
}

TEST(checks_als_gegevens)
{
	size_t n;
	const struct toets_check *c = toets_checks(&n);
	for (size_t i = 0; i < n; i++) {
		CHECK(c[i].id && c[i].bron && c[i].naam);
		CHECK(c[i].id[0] == 'T' && strncmp(c[i].bron, "[00", 3) == 0);
		CHECK(c[i].basiseis >= 0 && c[i].basiseis <= 14);
		CHECK(!c[i].blokkerend || c[i].basiseis == 0); /* requirements never block */
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(c[i].id, c[j].id) != 0);
	}
	static const struct {
		const char *id;
		int basiseis;
	} verwacht[] = {{"T12-impactlat", 1}, {"T13-fte-norm", 1}, {"T14-jaren", 4},
			{"T15-eenmalige-impuls", 8}, {"T16-structureel", 9},
			{"T17-gezamenlijk", 12}, {"T18-veranderkundig", 13}};
	for (size_t k = 0; k < sizeof verwacht / sizeof verwacht[0]; k++)
		for (size_t i = 0; i < n; i++)
			if (strcmp(c[i].id, verwacht[k].id) == 0)
				CHECK(c[i].basiseis == verwacht[k].basiseis && !c[i].blokkerend);
}

TEST(resultaat_als_json)
{
	json_t *doc = laad(TOEGELICHT);
	CHECK(toets_doc(doc) == RC_OK);
	json_t *j = toets_resultaat_json(&res);
	CHECK(j != NULL);
	CHECK(json_is_true(json_object_get(j, "indienbaar")));
	CHECK(strcmp(json_string_value(json_object_get(j, "route")), "verdiept") == 0);
	CHECK(json_array_size(json_object_get(j, "bevindingen")) == res.aantal);
	CHECK(json_array_size(json_object_get(j, "afwijkingen")) == 2);
	json_t *b = json_array_get(json_object_get(j, "bevindingen"), 0);
	CHECK(strcmp(json_string_value(json_object_get(b, "id")), "T00-modelplan") == 0);
	CHECK(json_is_integer(json_object_get(b, "basiseis")));
	CHECK(json_is_true(json_object_get(b, "blokkerend")));
	CHECK(json_integer_value(json_object_get(json_object_get(j, "totalen"), "gevraagd_cent")) ==
	      600000000);
	/* no reals in what we produce either */
	struct error e;
	error_clear(&e);
	CHECK(aanvraag_kommagetallen(j, "", &e) == 0);
	json_decref(j);
	json_decref(doc);
}

TEST(context_zonder_normen_is_programmeerfout)
{
	struct aanvraag a;
	memset(&a, 0, sizeof a);
	struct toets_context ctx = {NULL, NULL, NULL, 0};
	CHECK(toets_aanvraag(&a, &ctx, &res) == RC_INTERNAL);
	CHECK(res.aantal == 0);
}

int main(void)
{
	catalogus = laad("catalogus/catalogus.json");
	if (!catalogus)
		return 1;
	RUN(conform_voorbeeld_alles_voldaan_route_licht);
	RUN(zonder_gekozen_impactlat_beslist_de_beoordelaar);
	RUN(toegelichte_afwijkingen_route_verdiept);
	RUN(foutenvoorbeeld_blokkeert_en_noemt_alles);
	RUN(elke_check_noemt_zijn_bron_volledig);
	RUN(t00_modelplanversie);
	RUN(t01_alle_vragen_beantwoord);
	RUN(t01_voorwaardelijke_vragen);
	RUN(t02_regiocontext);
	RUN(t03_zorgpaden);
	RUN(t04_gegevens_volledig);
	RUN(t05_sommen);
	RUN(t06_mijlpalen_volgens_sjabloon);
	RUN(t07_coalitie_en_gemeenten);
	RUN(t07_t08_met_register);
	RUN(t08_twee_verschillende_verzekeraars);
	RUN(t09_verklaringen);
	RUN(t10_geen_aanschaf_hulpmiddelen);
	RUN(t11_afwijking_zonder_toelichting_blokkeert);
	RUN(t12_impactlat_exact);
	RUN(t13_fte_norm_van_het_modelplan);
	RUN(t14_toegestane_jaren);
	RUN(t14_aandeel_per_jaar_grens);
	RUN(t15_eenmalige_impuls);
	RUN(t16_besparing_minstens_structurele_kosten);
	RUN(t17_gezamenlijke_aanvraag);
	RUN(t18_veranderkundige_ondersteuning);
	RUN(t19_bedragkaders_per_eenheid_aanbieder_aanvraag);
	RUN(mijlpaal_datum_en_aandeel_binnen_marge);
	RUN(route_licht_en_verdiept);
	RUN(leeg_concept_geeft_geen_afwijkingen_maar_blokkeert);
	RUN(normen_van_alle_modelplannen);
	RUN(normen_van_een_nieuwe_modelplanversie);
	RUN(normen_met_gebreken_worden_gemeld);
	RUN(ronde_uit_de_catalogus);
	RUN(checks_als_gegevens);
	RUN(resultaat_als_json);
	RUN(context_zonder_normen_is_programmeerfout);
	json_decref(catalogus);
	return HARNESS_END();
}
