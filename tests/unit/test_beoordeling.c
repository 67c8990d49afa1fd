/* test_beoordeling.c -- assessment by the two insurers: the two-insurer
 * rule as a table, reading an assessment (every refusal), JSON pointers of
 * information requests and the comparison that reopens only what was
 * asked, and the whole flow on both backends: sealed round, insurers not
 * on the application, one verdict per insurer per version, independence,
 * a request for information answered as a new version, and final
 * decisions. */
#include <sodium.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "testdb.h"
#include "indiening_testdata.h"

/* ---- the two-insurer rule ---------------------------------------------- */

TEST(twee_verzekeraars_regel)
{
	struct beoordeling_stand st = {0};
	CHECK(beoordeling_status(&st) == AANVRAAG_INGEDIEND);
	static const enum beoordeling_oordeel o[] = {OORDEEL_POSITIEF, OORDEEL_NEGATIEF, OORDEEL_MEER_INFORMATIE};
	for (size_t i = 0; i < 3; i++) {
		st = (struct beoordeling_stand){.coordinerend_gegeven = true, .coordinerend = o[i]};
		CHECK(beoordeling_status(&st) == (o[i] == OORDEEL_MEER_INFORMATIE ? AANVRAAG_INFORMATIE_GEVRAAGD
										 : AANVRAAG_IN_BEOORDELING));
		st = (struct beoordeling_stand){.tweede_gegeven = true, .tweede = o[i]};
		CHECK(beoordeling_status(&st) == (o[i] == OORDEEL_MEER_INFORMATIE ? AANVRAAG_INFORMATIE_GEVRAAGD
										 : AANVRAAG_IN_BEOORDELING));
		for (size_t j = 0; j < 3; j++) {
			st = (struct beoordeling_stand){true, true, o[i], o[j]};
			enum aanvraag_status verwacht = AANVRAAG_NEGATIEF;
			if (o[i] == OORDEEL_MEER_INFORMATIE || o[j] == OORDEEL_MEER_INFORMATIE)
				verwacht = AANVRAAG_INFORMATIE_GEVRAAGD;
			else if (o[i] == OORDEEL_POSITIEF && o[j] == OORDEEL_POSITIEF)
				verwacht = AANVRAAG_POSITIEF;
			CHECK(beoordeling_status(&st) == verwacht);
		}
	}
}

/* ---- reading an assessment ---------------------------------------------- */

static json_t *eisen(const char *oordeel)
{
	json_t *l = json_array();
	for (int i = 1; i <= 14; i++)
		json_array_append_new(l, json_pack("{s:i, s:s, s:s}", "volgnummer", i, "oordeel", oordeel,
						    "motivering", "Onderbouwd in het plan."));
	return l;
}

static json_t *beoordeling_body(int64_t versie, const char *oordeel)
{
	json_t *b = json_pack("{s:I, s:b, s:o, s:s, s:s}", "versie", (json_int_t)versie,
			      "geen_belangenconflict", 1, "basiseisen", eisen("voldaan"), "oordeel", oordeel,
			      "motivering", "Alles gewogen.");
	if (strcmp(oordeel, "meer_informatie") == 0)
		json_object_set_new(b, "informatieverzoek",
				    json_pack("{s:[s], s:s}", "velden", "/impact/meetmethode", "vraag",
					      "Beschrijf de nulmeting."));
	return b;
}

static rc_t lees(json_t *body, struct beoordeling_invoer *in, struct error *e)
{
	error_clear(e);
	rc_t rc = beoordeling_lees(body, in, e);
	json_decref(body);
	return rc;
}

TEST(beoordeling_lezen)
{
	struct beoordeling_invoer in;
	struct error e;
	CHECK(lees(beoordeling_body(1, "positief"), &in, &e) == RC_OK);
	CHECK(in.versie == 1 && in.oordeel == OORDEEL_POSITIEF && in.geen_belangenconflict &&
	      in.basiseisen[13].oordeel == BASISEIS_VOLDAAN && in.veld_aantal == 0);
	json_t *mi = beoordeling_body(2, "meer_informatie");
	error_clear(&e);
	CHECK(beoordeling_lees(mi, &in, &e) == RC_OK);
	CHECK(in.veld_aantal == 1 && strcmp(in.velden[0], "/impact/meetmethode") == 0 && in.vraag);
	json_decref(mi);
	/* an empty body: every required field named */
	CHECK(lees(json_object(), &in, &e) == RC_INVALID);
	CHECK(heeft_code(&e, "verplicht") && heeft_code(&e, "motivering_ontbreekt"));
	CHECK(e.item_count == 5);
	/* a conflict of interest */
	json_t *b = beoordeling_body(1, "positief");
	json_object_set_new(b, "geen_belangenconflict", json_false());
	CHECK(lees(b, &in, &e) == RC_INVALID && heeft_code(&e, "belangenconflict"));
	/* verdicts without motivation, at both levels */
	b = beoordeling_body(1, "negatief");
	json_object_set_new(b, "motivering", json_string("   "));
	json_object_del(json_array_get(json_object_get(b, "basiseisen"), 3), "motivering");
	CHECK(lees(b, &in, &e) == RC_INVALID && e.item_count == 2);
	CHECK(strcmp(e.items[0].field, "/basiseisen/3/motivering") == 0 && heeft_code(&e, "motivering_ontbreekt"));
	/* requirements missing, twice, unknown; an unknown verdict */
	b = beoordeling_body(1, "prima");
	json_t *l = json_object_get(b, "basiseisen");
	json_array_remove(l, 13);
	json_integer_set(json_object_get(json_array_get(l, 1), "volgnummer"), 1);
	json_array_append_new(l, json_pack("{s:i, s:s, s:s}", "volgnummer", 15, "oordeel", "matig",
					   "motivering", "x"));
	CHECK(lees(b, &in, &e) == RC_INVALID);
	CHECK(heeft_code(&e, "basiseis_dubbel") && heeft_code(&e, "basiseis_onbekend") &&
	      heeft_code(&e, "basiseis_ontbreekt") && heeft_code(&e, "waarde_ongeldig"));
	/* positive while a requirement is not met */
	b = beoordeling_body(1, "positief");
	json_object_set_new(json_array_get(json_object_get(b, "basiseisen"), 8), "oordeel",
			    json_string("niet_voldaan"));
	CHECK(lees(b, &in, &e) == RC_INVALID && heeft_code(&e, "oordeel_strijdig"));
	/* niet_van_toepassing is fine with a motivation */
	b = beoordeling_body(1, "positief");
	json_object_set_new(json_array_get(json_object_get(b, "basiseisen"), 7), "oordeel",
			    json_string("niet_van_toepassing"));
	CHECK(lees(b, &in, &e) == RC_OK && in.basiseisen[7].oordeel == BASISEIS_NIET_VAN_TOEPASSING);
	/* a request needs pointers and a question; only with meer_informatie */
	b = beoordeling_body(1, "meer_informatie");
	json_object_set_new(b, "informatieverzoek", json_pack("{s:[s,s,s], s:s}", "velden", "/modelplan",
							       "impact", "/impact//x", "vraag", ""));
	CHECK(lees(b, &in, &e) == RC_INVALID && heeft_code(&e, "pointer_ongeldig") &&
	      heeft_code(&e, "motivering_ontbreekt"));
	b = beoordeling_body(1, "meer_informatie");
	json_object_del(b, "informatieverzoek");
	CHECK(lees(b, &in, &e) == RC_INVALID && heeft_code(&e, "verplicht"));
	b = beoordeling_body(1, "negatief");
	json_object_set_new(b, "informatieverzoek", json_pack("{s:[s], s:s}", "velden", "/titel", "vraag", "?"));
	CHECK(lees(b, &in, &e) == RC_INVALID && heeft_code(&e, "informatieverzoek_onverwacht"));
	b = beoordeling_body(1, "positief");
	json_object_set_new(b, "extra", json_true());
	CHECK(lees(b, &in, &e) == RC_INVALID && heeft_code(&e, "unknown"));
}

/* ---- information requests ------------------------------------------------ */

TEST(pointers)
{
	CHECK(informatieverzoek_pointer_geldig("/impact/meetmethode"));
	CHECK(informatieverzoek_pointer_geldig("/begroting/3"));
	CHECK(informatieverzoek_pointer_geldig("/antwoorden/0/tekst"));
	CHECK(informatieverzoek_pointer_geldig("/titel"));
	CHECK(!informatieverzoek_pointer_geldig(""));
	CHECK(!informatieverzoek_pointer_geldig("/"));
	CHECK(!informatieverzoek_pointer_geldig("titel"));
	CHECK(!informatieverzoek_pointer_geldig("/modelplan/versie"));
	CHECK(!informatieverzoek_pointer_geldig("/soort"));
	CHECK(!informatieverzoek_pointer_geldig("/catalogus_versie"));
	CHECK(!informatieverzoek_pointer_geldig("/onbekend"));
	CHECK(!informatieverzoek_pointer_geldig("/impact//x"));
	CHECK(!informatieverzoek_pointer_geldig("/impact/"));
	CHECK(!informatieverzoek_pointer_geldig("/impact/a~2b"));
	CHECK(informatieverzoek_pointer_geldig("/impact/a~1b~0"));
	CHECK(!informatieverzoek_pointer_geldig(NULL));
}

static size_t wijzigingen(const char *oud, const char *nieuw, const char *const *velden, size_t n,
			  struct error *e)
{
	json_t *a = json_loads(oud, 0, NULL), *b = json_loads(nieuw, 0, NULL);
	error_clear(e);
	size_t k = informatieverzoek_wijzigingen(a, b, velden, n, e);
	json_decref(a);
	json_decref(b);
	return k;
}

TEST(alleen_gevraagde_velden)
{
	struct error e;
	const char *oud = "{\"titel\":\"T\",\"impact\":{\"fte\":1,\"meetmethode\":\"x\"},"
			  "\"begroting\":[{\"b\":1},{\"b\":2}],\"verklaringen\":{\"a\":true}}";
	const char *v1[] = {"/impact/meetmethode"};
	CHECK(wijzigingen(oud, oud, v1, 1, &e) == 0);
	CHECK(wijzigingen(oud, "{\"titel\":\"T\",\"impact\":{\"fte\":1,\"meetmethode\":\"nieuw\"},"
			  "\"begroting\":[{\"b\":1},{\"b\":2}],\"verklaringen\":{\"a\":true}}", v1, 1, &e) == 0);
	/* another field too: one problem, named by its pointer */
	CHECK(wijzigingen(oud, "{\"titel\":\"U\",\"impact\":{\"fte\":2,\"meetmethode\":\"nieuw\"},"
			  "\"begroting\":[{\"b\":1},{\"b\":2}],\"verklaringen\":{\"a\":true}}", v1, 1, &e) == 2);
	CHECK(strcmp(e.items[0].field, "/titel") == 0 && strcmp(e.items[1].field, "/impact/fte") == 0);
	CHECK(heeft_code(&e, "niet_gevraagd"));
	/* an asked array element; a line added changes the array itself */
	const char *v2[] = {"/begroting/1"};
	CHECK(wijzigingen(oud, "{\"titel\":\"T\",\"impact\":{\"fte\":1,\"meetmethode\":\"x\"},"
			  "\"begroting\":[{\"b\":1},{\"b\":9,\"c\":3}],\"verklaringen\":{\"a\":true}}", v2, 1, &e) == 0);
	CHECK(wijzigingen(oud, "{\"titel\":\"T\",\"impact\":{\"fte\":1,\"meetmethode\":\"x\"},"
			  "\"begroting\":[{\"b\":1},{\"b\":2},{\"b\":3}],\"verklaringen\":{\"a\":true}}", v2, 1, &e) == 1);
	CHECK(strcmp(e.items[0].field, "/begroting") == 0);
	const char *v3[] = {"/begroting"};
	CHECK(wijzigingen(oud, "{\"titel\":\"T\",\"impact\":{\"fte\":1,\"meetmethode\":\"x\"},"
			  "\"begroting\":[],\"verklaringen\":{\"a\":true}}", v3, 1, &e) == 0);
	/* a field added or removed outside the asked ones */
	CHECK(wijzigingen(oud, "{\"titel\":\"T\",\"impact\":{\"fte\":1,\"meetmethode\":\"x\"},"
			  "\"begroting\":[{\"b\":1},{\"b\":2}],\"verklaringen\":{\"a\":true},\"zorgpaden\":[]}",
			  v1, 1, &e) == 1 && strcmp(e.items[0].field, "/zorgpaden") == 0);
	CHECK(wijzigingen(oud, "{\"titel\":\"T\",\"begroting\":[{\"b\":1},{\"b\":2}],"
			  "\"verklaringen\":{\"a\":true}}", v1, 1, &e) == 1 && strcmp(e.items[0].field, "/impact/fte") == 0);
	/* asked about a field that was absent: it may be added */
	const char *v4[] = {"/eenmalige_impuls/borging"};
	CHECK(wijzigingen(oud, "{\"titel\":\"T\",\"impact\":{\"fte\":1,\"meetmethode\":\"x\"},"
			  "\"begroting\":[{\"b\":1},{\"b\":2}],\"verklaringen\":{\"a\":true},"
			  "\"eenmalige_impuls\":{\"borging\":\"b\"}}", v4, 1, &e) == 0);
	/* nothing asked: nothing may change */
	CHECK(wijzigingen(oud, "{}", NULL, 0, &e) == 1 && strcmp(e.items[0].field, "/") == 0);
}

/* ---- the whole flow, on both backends ----------------------------------- */

/* Submits a fresh draft of the world's document at the opening moment and
 * moves the clock past the closing moment. */
static int64_t ingediend(struct wereld *w)
{
	struct error e;
	struct ontvangstbewijs b;
	w->nu_us = T_OPENT_US + 10;
	int64_t id = wereld_concept(w, &w->penvoerder, w->ronde, w->doc, &e);
	error_clear(&e);
	if (!id || indiening_dien_in(w->s, &w->penvoerder, &w->klok, id, NULL, &w->a, &b, &e) != RC_OK) {
		printf("  (indienen: %s)\n", e.message);
		return 0;
	}
	w->nu_us = T_SLUIT_US;
	return id;
}

static rc_t beoordeel(struct wereld *w, const struct principal *who, int64_t id, int64_t versie,
		      const char *oordeel, enum aanvraag_status *status, struct error *e)
{
	struct beoordeling_invoer in;
	json_t *body = beoordeling_body(versie, oordeel);
	error_clear(e);
	rc_t rc = beoordeling_lees(body, &in, e);
	int64_t bid = 0;
	if (rc == RC_OK)
		rc = beoordeling_maak(w->s, who, &w->klok, id, &in, &bid, status, e);
	json_decref(body);
	return rc;
}

DBTEST(twee_verzekeraars)
{
	struct wereld w;
	if (!wereld_open(&w, url)) {
		CHECK(false);
		wereld_sluit(&w);
		return;
	}
	struct error e;
	enum aanvraag_status st;
	int64_t a = ingediend(&w), b = ingediend(&w), c = ingediend(&w);
	CHECK(a && b && c);
	/* before the closing moment: as if it did not exist */
	w.nu_us = T_SLUIT_US - 1;
	CHECK(beoordeel(&w, &w.coordinerend, a, 1, "positief", &st, &e) == RC_NOT_FOUND);
	w.nu_us = T_SLUIT_US;
	/* an insurer that is not on the application; a care provider */
	CHECK(beoordeel(&w, &w.derde, a, 1, "positief", &st, &e) == RC_NOT_FOUND);
	CHECK(beoordeel(&w, &w.penvoerder, a, 1, "positief", &st, &e) == RC_NOT_FOUND);
	/* positive only when both are positive */
	CHECK(beoordeel(&w, &w.coordinerend, a, 1, "positief", &st, &e) == RC_OK && st == AANVRAAG_IN_BEOORDELING);
	CHECK(beoordeel(&w, &w.coordinerend, a, 1, "negatief", &st, &e) == RC_CONFLICT &&
	      heeft_code(&e, "al_beoordeeld"));
	CHECK(beoordeel(&w, &w.tweede, a, 2, "positief", &st, &e) == RC_CONFLICT &&
	      heeft_code(&e, "versie_verouderd"));
	CHECK(beoordeel(&w, &w.tweede, a, 1, "positief", &st, &e) == RC_OK && st == AANVRAAG_POSITIEF);
	CHECK(beoordeel(&w, &w.tweede, a, 1, "positief", &st, &e) == RC_CONFLICT && heeft_code(&e, "afgerond"));
	CHECK(beoordeel(&w, &w.coordinerend, b, 1, "positief", &st, &e) == RC_OK);
	CHECK(beoordeel(&w, &w.tweede, b, 1, "negatief", &st, &e) == RC_OK && st == AANVRAAG_NEGATIEF);
	CHECK(beoordeel(&w, &w.tweede, c, 1, "negatief", &st, &e) == RC_OK && st == AANVRAAG_IN_BEOORDELING);
	CHECK(beoordeel(&w, &w.coordinerend, c, 1, "negatief", &st, &e) == RC_OK && st == AANVRAAG_NEGATIEF);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM aanvraag WHERE status = 'positief'") == 1);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM aanvraag WHERE status = 'negatief'") == 2);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM beoordeling") == 6);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM auditlog WHERE actie = 'beoordeling.maak'"
			     " AND resultaat = 'gelukt'") == 6);
	wereld_sluit(&w);
}

DBTEST(onafhankelijk_oordeel)
{
	struct wereld w;
	if (!wereld_open(&w, url)) {
		CHECK(false);
		wereld_sluit(&w);
		return;
	}
	struct error e;
	enum aanvraag_status st;
	int64_t id = ingediend(&w);
	struct beoordeling *l = NULL;
	size_t n = 9;
	CHECK(beoordeel(&w, &w.coordinerend, id, 1, "negatief", &st, &e) == RC_OK);
	/* the second insurer does not see the first one's verdict before giving its own */
	CHECK(beoordeling_lijst(w.s, &w.a, &w.tweede, AANVRAAG_VERZEKERAAR, id, &l, &n, &e) == RC_OK && n == 0);
	CHECK(beoordeling_lijst(w.s, &w.a, &w.coordinerend, AANVRAAG_VERZEKERAAR, id, &l, &n, &e) == RC_OK && n == 1);
	CHECK(beoordeling_lijst(w.s, &w.a, &w.penvoerder, AANVRAAG_PENVOERDER, id, &l, &n, &e) == RC_OK && n == 0);
	CHECK(beoordeling_lijst(w.s, &w.a, &w.auditor, AANVRAAG_AUDITOR, id, &l, &n, &e) == RC_OK && n == 1);
	CHECK(beoordeel(&w, &w.tweede, id, 1, "positief", &st, &e) == RC_OK && st == AANVRAAG_NEGATIEF);
	CHECK(beoordeling_lijst(w.s, &w.a, &w.tweede, AANVRAAG_VERZEKERAAR, id, &l, &n, &e) == RC_OK && n == 2);
	CHECK(beoordeling_lijst(w.s, &w.a, &w.penvoerder, AANVRAAG_PENVOERDER, id, &l, &n, &e) == RC_OK && n == 2);
	CHECK(n == 2 && strcmp(l[0].oordeel, "negatief") == 0 && strcmp(l[0].verzekeraar_rol, "coordinerend") == 0);
	wereld_sluit(&w);
}

DBTEST(informatieverzoek_nieuwe_versie)
{
	struct wereld w;
	if (!wereld_open(&w, url)) {
		CHECK(false);
		wereld_sluit(&w);
		return;
	}
	struct error e;
	enum aanvraag_status st;
	int64_t id = ingediend(&w);
	CHECK(beoordeel(&w, &w.tweede, id, 1, "meer_informatie", &st, &e) == RC_OK &&
	      st == AANVRAAG_INFORMATIE_GEVRAAGD);
	/* the other insurer may still give its verdict on version 1 */
	CHECK(beoordeel(&w, &w.coordinerend, id, 1, "positief", &st, &e) == RC_OK &&
	      st == AANVRAAG_INFORMATIE_GEVRAAGD);
	/* only the asked field may change -- long after the closing moment */
	w.nu_us = T_SLUIT_US + INT64_C(86400) * 30 * KLOK_US_PER_S;
	json_t *doc = json_deep_copy(w.doc);
	json_object_set_new(json_object_get(doc, "impact"), "meetmethode",
			    json_string("Nulmeting in maart 2027 per team, met tijdregistratie."));
	json_object_set_new(doc, "titel", json_string("Stiekem een andere titel"));
	struct aanvraagdossier_invoer in = {.document = doc};
	struct aanvraagdossier_opgeslagen o;
	error_clear(&e);
	CHECK(aanvraagdossier_bewaar(w.s, &w.penvoerder, &w.klok, id, &in, &w.a, &o, &e) == RC_INVALID);
	CHECK(e.item_count == 1 && strcmp(e.items[0].field, "/titel") == 0 && heeft_code(&e, "niet_gevraagd"));
	json_object_set(doc, "titel", json_object_get(w.doc, "titel"));
	error_clear(&e);
	CHECK(aanvraagdossier_bewaar(w.s, &w.penvoerder, &w.klok, id, &in, &w.a, &o, &e) == RC_OK);
	struct ontvangstbewijs b;
	error_clear(&e);
	CHECK(indiening_dien_in(w.s, &w.penvoerder, &w.klok, id, NULL, &w.a, &b, &e) == RC_OK && b.versie == 2);
	struct indiening_versie v1, v2;
	CHECK(indiening_versie(w.s, &w.a, id, 1, &v1, &e) == RC_OK && indiening_versie(w.s, &w.a, id, 2, &v2, &e) == RC_OK);
	CHECK(strcmp(v1.sha256, v2.sha256) != 0 && !v1.open_velden);
	CHECK(v2.open_velden && strcmp(v2.open_velden, "[\"/impact/meetmethode\"]") == 0);
	CHECK(strstr(v2.document, "Nulmeting in maart 2027") && !strstr(v1.document, "Nulmeting in maart 2027"));
	/* both insurers assess the new version anew */
	CHECK(beoordeel(&w, &w.coordinerend, id, 2, "positief", &st, &e) == RC_OK && st == AANVRAAG_IN_BEOORDELING);
	CHECK(beoordeel(&w, &w.tweede, id, 2, "positief", &st, &e) == RC_OK && st == AANVRAAG_POSITIEF);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM aanvraag_versie") == 2);
	json_decref(doc);
	wereld_sluit(&w);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN(twee_verzekeraars_regel);
	RUN(beoordeling_lezen);
	RUN(pointers);
	RUN(alleen_gevraagde_velden);
	RUN_DB(twee_verzekeraars);
	RUN_DB(onafhankelijk_oordeel);
	RUN_DB(informatieverzoek_nieuwe_versie);
	return HARNESS_END();
}
