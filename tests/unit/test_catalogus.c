/* test_catalogus.c -- the catalogue: every consistency rule of
 * docs/catalogus.md §4 (the fixtures in catalogus/ongeldig/ and small
 * in-memory mutations of catalogus/catalogus.json), publication and its
 * version rules, and reading, on both backends (run with the repo root
 * as the working directory). */
#include <stdint.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/catalogus/catalogus.h"
#include "core/basis/json.h"
#include "store/store_catalogus.h"
#include "harness.h"
#include "testdb.h"

#define CATALOGUS "catalogus/catalogus.json"
#define MODELPLAN_V2 "catalogus/modelplan-voorbeeld-v2.json"

static json_t *laad(const char *pad)
{
	struct error e;
	error_clear(&e);
	json_t *doc = NULL;
	if (json_read_file(pad, CATALOGUS_MAX_BYTES, NULL, &doc, &e) != RC_OK)
		printf("  (%s: %s)\n", pad, e.message);
	return doc;
}

/* Resolves a JSON pointer ("/a/0/b") to the container and the last key. */
static json_t *ouder(json_t *doc, const char *ptr, char *laatste, size_t n)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", ptr);
	char *slash = strrchr(buf, '/');
	snprintf(laatste, n, "%s", slash + 1);
	*slash = '\0';
	json_t *cur = doc;
	for (char *save = NULL, *tok = strtok_r(buf, "/", &save); tok && cur;
	     tok = strtok_r(NULL, "/", &save))
		cur = json_is_array(cur) ? json_array_get(cur, (size_t)strtoul(tok, NULL, 10))
					 : json_object_get(cur, tok);
	return cur;
}

/* Sets the value at `ptr` (steals `v`). */
static void zet(json_t *doc, const char *ptr, json_t *v)
{
	char k[64];
	json_t *o = ouder(doc, ptr, k, sizeof k);
	if (json_is_array(o))
		json_array_set_new(o, (size_t)strtoul(k, NULL, 10), v);
	else if (json_is_object(o))
		json_object_set_new(o, k, v);
	else
		printf("  (no container for %s)\n", ptr);
}

static void weg(json_t *doc, const char *ptr)
{
	char k[64];
	json_t *o = ouder(doc, ptr, k, sizeof k);
	if (json_is_array(o))
		json_array_remove(o, (size_t)strtoul(k, NULL, 10));
	else
		json_object_del(o, k);
}

/* True when `e` has an item with `code` whose field ends in "#" + ptr
 * (any field when ptr is NULL). */
static bool heeft(const struct error *e, const char *code, const char *ptr)
{
	for (size_t i = 0; i < e->item_count; i++) {
		const char *hekje = strchr(e->items[i].field, '#');
		if (strcmp(e->items[i].code, code) == 0 &&
		    (!ptr || (hekje && strcmp(hekje + 1, ptr) == 0)))
			return true;
	}
	return false;
}

/* True when every item's code is `code` or one of the NULL-terminated
 * `ook` (may be NULL); prints the others. */
static bool alleen(const struct error *e, const char *code, const char *const *ook)
{
	bool ok = true;
	for (size_t i = 0; i < e->item_count; i++) {
		bool goed = strcmp(e->items[i].code, code) == 0;
		for (size_t k = 0; ook && ook[k]; k++)
			goed = goed || strcmp(e->items[i].code, ook[k]) == 0;
		if (!goed) {
			printf("  (unexpected %s at %s: %s)\n", e->items[i].code, e->items[i].field,
			       e->items[i].detail);
			ok = false;
		}
	}
	return ok;
}

static void toon(const struct error *e)
{
	for (size_t i = 0; i < e->item_count; i++)
		printf("  (%s %s)\n", e->items[i].code, e->items[i].field);
}

/* ---- the valid documents ---------------------------------------------- */

TEST(catalogus_geldig)
{
	json_t *doc = laad(CATALOGUS);
	CHECK(doc != NULL);
	struct error e;
	error_clear(&e);
	rc_t rc = catalogus_valideer(doc, CATALOGUS, &e);
	if (rc != RC_OK)
		toon(&e);
	CHECK(rc == RC_OK);
	CHECK(e.item_count == 0);
	json_decref(doc);
}

TEST(modelplan_v2_geldig)
{
	json_t *doc = laad(MODELPLAN_V2);
	CHECK(doc != NULL);
	struct error e;
	error_clear(&e);
	rc_t rc = catalogus_valideer(doc, MODELPLAN_V2, &e);
	if (rc != RC_OK)
		toon(&e);
	CHECK(rc == RC_OK);
	json_decref(doc);
}

/* ---- the fixtures: exactly one code each (docs/catalogus.md §7) ------- */

static const struct {
	const char *bestand, *code, *ptr;
} fixtures[] = {
	{"themabudgetten-ongelijk-aan-pot.json", "thema_som_ongelijk_pot", "/themas"},
	{"mijlpaalaandelen-niet-100-procent.json", "mijlpalen_som_ongelijk_10000",
	 "/modelplannen/0/normen/mijlpalen"},
	{"vraag-verwijst-naar-basiseis-15.json", "basiseis_onbekend",
	 "/modelplanstructuur/secties/2/vragen/3/basiseisen"},
	{"toepassingsgebied-zonder-thema.json", "toepassingsgebied_zonder_thema",
	 "/toepassingsgebieden/4/thema_id"},
	{"dubbele-id.json", "id_dubbel", "/regels/9/id"},
	{"bedrag-als-kommagetal.json", "json_kommagetal", "/potten/1/tranches/0/bedrag_cent"},
	{"onbekende-sector.json", "verwijzing_onbekend", "/toepassingsgebieden/1/sectoren/1"},
	{"structurele-kosten-financierbaar.json", "structurele_kosten_financierbaar",
	 "/modelplannen/2/normen/kostensoorten/3"},
};

TEST(fixtures_een_code)
{
	for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		char pad[256], veld[300];
		snprintf(pad, sizeof pad, "catalogus/ongeldig/%s", fixtures[i].bestand);
		json_t *doc = laad(pad);
		CHECK(doc != NULL);
		struct error e;
		error_clear(&e);
		rc_t rc = catalogus_valideer(doc, pad, &e);
		bool ok = rc == RC_INVALID && e.item_count == 1 && e.items_dropped == 0 &&
			  strcmp(e.items[0].code, fixtures[i].code) == 0;
		snprintf(veld, sizeof veld, "%s#%s", pad, fixtures[i].ptr);
		ok = ok && strcmp(e.items[0].field, veld) == 0 && e.items[0].detail[0];
		if (!ok) {
			printf("  (%s)\n", pad);
			toon(&e);
		}
		CHECK(ok);
		json_decref(doc);
	}
}

/* Every fixture defect also fails when it comes with others: all are
 * reported at once. */
TEST(alle_problemen_tegelijk)
{
	json_t *doc = laad(CATALOGUS);
	zet(doc, "/themas/0/richtbedrag_cent", json_integer(30000000000));
	zet(doc, "/regels/9/id", json_string("budgetplafond-zvw"));
	zet(doc, "/potten/1/tranches/0/bedrag_cent", json_real(10000000000.0));
	zet(doc, "/modelplannen/2/normen/kostensoorten/3/financierbaar", json_true());
	weg(doc, "/toepassingsgebieden/4/thema_id");
	struct error e;
	error_clear(&e);
	CHECK(catalogus_valideer(doc, "c.json", &e) == RC_INVALID);
	CHECK(e.item_count == 5);
	CHECK(heeft(&e, "thema_som_ongelijk_pot", "/themas"));
	CHECK(heeft(&e, "id_dubbel", "/regels/9/id"));
	CHECK(heeft(&e, "json_kommagetal", "/potten/1/tranches/0/bedrag_cent"));
	CHECK(heeft(&e, "structurele_kosten_financierbaar", "/modelplannen/2/normen/kostensoorten/3"));
	CHECK(heeft(&e, "toepassingsgebied_zonder_thema", "/toepassingsgebieden/4/thema_id"));
	CHECK(strstr(e.message, "5 problemen") != NULL);
	/* domain rules carry their source */
	for (size_t i = 0; i < e.item_count; i++)
		if (strcmp(e.items[i].code, "thema_som_ongelijk_pot") == 0)
			CHECK(strcmp(e.items[i].bron, "[002 §4.1]") == 0);
	json_decref(doc);
}

/* ---- every other rule: one small change to a valid document ----------- */

struct zetting {
	const char *ptr;
	const char *waarde; /* JSON text; NULL: remove the member */
};

static const struct mutatie {
	bool modelplan;        /* change the v2 modelplan document, not the catalogue */
	struct zetting z[4];
	const char *code, *ptr;
	const char *ook[4];    /* other codes the change may also cause */
} mutaties[] = {
	/* G */
	{false, {{"/fonds/naam", NULL}}, "veld_ontbreekt", "/fonds/naam", {NULL}},
	{false, {{"/themas/0/naam", "5"}}, "veld_ontbreekt", "/themas/0/naam", {NULL}},
	{false, {{"/termijnen/1/datum", "null"}}, NULL, NULL, {NULL}}, /* nullable: fine */
	{false, {{"/modelplannen/0/vastgesteld_op", "\"2027-02-29\""}}, "datum_ongeldig",
	 "/modelplannen/0/vastgesteld_op", {NULL}},
	{false, {{"/themas/0/kleur", "\"rood\""}}, "veld_onbekend", "/themas/0/kleur", {NULL}},
	{false, {{"/soort", "\"lijst\""}}, "soort_onjuist", "/soort", {NULL}},
	{false, {{"/vorige_versie", "3"}}, "versie_ongeldig", "/vorige_versie", {NULL}},
	{false, {{"/versie", "0"}}, "versie_ongeldig", "/versie", {NULL}},
	{false, {{"/versie", "2"}}, "versie_ongeldig", "/vorige_versie", {NULL}},
	{false, {{"/schema_versie", "2"}}, "versie_ongeldig", "/schema_versie", {NULL}},
	{false, {{"/gepubliceerd_op", "\"2026-02-30\""}}, "datum_ongeldig", "/gepubliceerd_op", {NULL}},
	{false, {{"/valuta", "\"USD\""}}, "valuta_onjuist", "/valuta", {NULL}},
	{false, {{"/themas/0/bron", "\"[005 §1]\""}}, "bron_ongeldig", "/themas/0/bron", {NULL}},
	{false, {{"/modelplannen/0/normen/fte_norm_bron", "\"Gupta\""}}, "bron_ongeldig",
	 "/modelplannen/0/normen/fte_norm_bron", {NULL}},
	{false, {{"/basisfunctionaliteiten/0/id", "\"Laag_Drempel\""}}, "id_ongeldig",
	 "/basisfunctionaliteiten/0/id", {NULL}},
	{false, {{"/impactlatten/2/id", "\"CC\""}}, "id_ongeldig", "/impactlatten/2/id", {NULL}},
	{false, {{"/toepassingsgebieden/3/zorgpaden/1/id", "\"copd\""}}, "id_dubbel",
	 "/toepassingsgebieden/3/zorgpaden/1/id", {NULL}},
	{false, {{"/toepassingsgebieden/0/sectoren/1", "\"msz\""}}, "id_dubbel",
	 "/toepassingsgebieden/0/sectoren/1", {NULL}},
	{false, {{"/modelplannen/0/normen/mijlpalen/1/id", "\"m1\""}}, "id_dubbel",
	 "/modelplannen/0/normen/mijlpalen/1/id", {NULL}},
	{false, {{"/regels/0/geldt_voor_potten/0", "\"rijk\""}}, "verwijzing_onbekend",
	 "/regels/0/geldt_voor_potten/0", {NULL}},
	{false, {{"/gekozen_impactlat_id", "\"D\""}}, "verwijzing_onbekend", "/gekozen_impactlat_id", {NULL}},
	{false, {{"/modelplannen/0/modelplanstructuur_versie", "2"}}, "verwijzing_onbekend",
	 "/modelplannen/0/modelplanstructuur_versie", {NULL}},
	{false, {{"/potten/0/kanaal", "\"post\""}}, "waarde_ongeldig", "/potten/0/kanaal", {NULL}},
	{false, {{"/modelplanstructuur/secties/0/vragen/0/gegevens", "[\"alles\"]"}}, "waarde_ongeldig",
	 "/modelplanstructuur/secties/0/vragen/0/gegevens/0", {NULL}},
	{false, {{"/referentiecijfers/transformatieplannen/plannen/0/investering_cent", "-1"}},
	 "bedrag_negatief", "/referentiecijfers/transformatieplannen/plannen/0/investering_cent", {NULL}},
	{false, {{"/modelplannen/0/normen/min_aandeel_deelfinanciering_bp", "10001"}},
	 "bp_buiten_bereik", "/modelplannen/0/normen/min_aandeel_deelfinanciering_bp", {NULL}},
	{false, {{"/impactlatten/0/fte_per_miljoen_milli", "-1"}}, "milli_negatief",
	 "/impactlatten/0/fte_per_miljoen_milli", {NULL}},
	{false, {{"/ambitie/doorbraakmiddelen_cent", "1e3"}}, "json_kommagetal",
	 "/ambitie/doorbraakmiddelen_cent", {NULL}},
	/* M */
	{false, {{"/fonds/tranches/0/bedrag_cent", "1"}}, "fonds_tranches_som", "/fonds/tranches",
	 {"jaar_tranches_ongelijk_fonds", NULL}},
	{false, {{"/potten/1/bedrag_cent", "30000000000"}}, "potten_som_ongelijk_fonds", "/potten",
	 {"pot_tranches_som", NULL}},
	{false, {{"/potten/1/tranches/0/bedrag_cent", "5"}}, "pot_tranches_som", "/potten/1/tranches",
	 {"jaar_tranches_ongelijk_fonds", NULL}},
	{false, {{"/potten/0/bestedingsperiode/tot_en_met_jaar", "2030"}}, "pot_periode_buiten_fonds",
	 "/potten/0/bestedingsperiode", {NULL}},
	{false, {{"/potten/1/bestedingsperiode/van_jaar", "2028"}}, "pot_tranche_jaar_buiten_periode",
	 "/potten/1/tranches/0/jaar", {NULL}},
	{false, {{"/potten/1/tranches/1/jaar", "2029"}}, "jaar_tranches_ongelijk_fonds",
	 "/potten/1/tranches/1/jaar", {NULL}},
	{false, {{"/themas/0/macrobedrag_cent", "30000000000"}, {"/themas/1/macrobedrag_cent", "30000000000"},
		 {"/themas/2/macrobedrag_cent", "1"}}, "macrobedrag_som_boven_pot", "/themas", {NULL}},
	{false, {{"/basisfunctionaliteiten/0/pot_id", "\"zvw\""}}, "pot_verdeling_inconsistent",
	 "/basisfunctionaliteiten/0/pot_id", {NULL}},
	/* R */
	{false, {{"/regels/0/soort", "\"wens\""}}, "regel_soort_ongeldig", "/regels/0/soort", {NULL}},
	{false, {{"/regels/0/geldt_voor_potten", "[]"}}, "regel_zonder_pot", "/regels/0/geldt_voor_potten", {NULL}},
	/* T */
	{false, {{"/toepassingsgebieden/4/thema_id", "null"}}, "toepassingsgebied_zonder_thema",
	 "/toepassingsgebieden/4/thema_id", {NULL}},
	{false, {{"/toepassingsgebieden/0/sectoren", "[]"}}, "sectoren_leeg", "/toepassingsgebieden/0/sectoren", {NULL}},
	{false, {{"/toepassingsgebieden/2/onderdeel_van", "\"mentaal-schakelpunt\""}}, "onderdeel_van_ongeldig",
	 "/toepassingsgebieden/2/onderdeel_van", {NULL}},
	{false, {{"/toepassingsgebieden/2/onderdeel_van", "\"digitale-emdr\""}}, "onderdeel_van_ongeldig",
	 "/toepassingsgebieden/2/onderdeel_van", {NULL}},
	{false, {{"/toepassingsgebieden/1/onderdeel_van", "\"mentaal-schakelpunt\""}}, "onderdeel_van_ongeldig",
	 "/toepassingsgebieden/1/onderdeel_van", {NULL}},
	{false, {{"/toepassingsgebieden/8/aanschaf_hulpmiddelen_uitgesloten", "false"}},
	 "hulpmiddelen_vlag_ontbreekt", "/toepassingsgebieden/8/aanschaf_hulpmiddelen_uitgesloten", {NULL}},
	{false, {{"/toepassingsgebieden/0/aanschaf_hulpmiddelen_uitgesloten", "true"}},
	 "hulpmiddelen_regel_inconsistent", "/toepassingsgebieden/0/regel_ids", {NULL}},
	{false, {{"/modelplannen/10", NULL}}, "modelplan_per_gebied", "/toepassingsgebieden/10", {NULL}},
	/* B */
	{false, {{"/basiseisen/13", NULL}}, "basiseisen_volgnummers", "/basiseisen", {"basiseis_onbekend", NULL}},
	{false, {{"/basiseisen/13/volgnummer", "15"}}, "basiseisen_volgnummers", "/basiseisen/13/volgnummer",
	 {"basiseis_onbekend", "basiseis_niet_gedekt", NULL}},
	{false, {{"/basiseisen/7/geldt_voor_sociaal_domein", "true"}}, "basiseis_8_sociaal_domein",
	 "/basiseisen/7/geldt_voor_sociaal_domein", {NULL}},
	/* S */
	{false, {{"/modelplanstructuur/secties/1/volgnummer", "5"}}, "sectie_volgorde",
	 "/modelplanstructuur/secties/1/volgnummer", {NULL}},
	{false, {{"/modelplanstructuur/secties/1/vragen", "[]"}}, "sectie_zonder_vragen",
	 "/modelplanstructuur/secties/1/vragen", {"verwijzing_onbekend", "basiseis_niet_gedekt", NULL}},
	{false, {{"/modelplanstructuur/secties/0/vragen/0/id", "\"1.9\""}}, "vraag_id_ongeldig",
	 "/modelplanstructuur/secties/0/vragen/0/id", {"verwijzing_onbekend", "modelplan_vragen_onvolledig",
	 "modeltekst_vraag_onbekend", NULL}},
	{false, {{"/modelplanstructuur/secties/4/vragen/4/basiseisen", "[]"}}, "basiseis_niet_gedekt",
	 "/basiseisen/7", {NULL}},
	{false, {{"/modelplanstructuur/secties/0/vragen/1/regiocontext", "true"}}, "regiocontext_inconsistent",
	 "/modelplanstructuur/secties/0/vragen/1/regiocontext", {NULL}},
	/* P */
	{false, {{"/modelplannen/0/status", "\"klaar\""}}, "modelplan_status_ongeldig", "/modelplannen/0/status", {NULL}},
	{false, {{"/modelplannen/0/vraag_ids/42", NULL}}, "modelplan_vragen_onvolledig",
	 "/modelplannen/0/vraag_ids", {NULL}},
	{false, {{"/modelplannen/0/vraag_ids/42", "\"1.1\""}}, "modelplan_vragen_onvolledig",
	 "/modelplannen/0/vraag_ids/42", {NULL}},
	{false, {{"/modelplannen/0/modelteksten/1/vraag_id", "\"1.1\""}}, "modeltekst_vraag_onbekend",
	 "/modelplannen/0/modelteksten/1/vraag_id", {NULL}},
	{false, {{"/modelplannen/0/normen/min_fte_per_miljoen_milli", "0"}}, "fte_norm_ongeldig",
	 "/modelplannen/0/normen/min_fte_per_miljoen_milli", {NULL}},
	{false, {{"/modelplannen/0/normen/begrotingsjaren/2/jaar", "2030"}}, "begrotingsjaar_buiten_periode",
	 "/modelplannen/0/normen/begrotingsjaren/2/jaar", {"mijlpaal_jaar_niet_toegestaan", NULL}},
	{false, {{"/modelplannen/0/normen/begrotingsjaren/0/max_aandeel_bp", "0"}}, "bp_buiten_bereik",
	 "/modelplannen/0/normen/begrotingsjaren/0/max_aandeel_bp", {"mijlpaal_jaaraandeel_boven_max", NULL}},
	{false, {{"/modelplannen/0/normen/begrotingsjaren/0/max_aandeel_bp", "4000"},
		 {"/modelplannen/0/normen/begrotingsjaren/1/max_aandeel_bp", "4000"}},
	 "begrotingsjaren_max_te_laag", "/modelplannen/0/normen/begrotingsjaren",
	 {"mijlpaal_jaaraandeel_boven_max", NULL}},
	{false, {{"/modelplannen/0/normen/mijlpalen/4/aandeel_bp", "0"},
		 {"/modelplannen/0/normen/mijlpalen/3/aandeel_bp", "3000"}},
	 "mijlpaal_aandeel_ongeldig", "/modelplannen/0/normen/mijlpalen/4/aandeel_bp", {NULL}},
	{false, {{"/modelplannen/0/normen/mijlpalen", "[]"}}, "mijlpalen_som_ongelijk_10000",
	 "/modelplannen/0/normen/mijlpalen", {NULL}},
	{false, {{"/modelplannen/0/normen/mijlpalen/1/uiterlijk_op", "\"2027-06-01\""}},
	 "mijlpaal_datum_volgorde", "/modelplannen/0/normen/mijlpalen/1/uiterlijk_op", {NULL}},
	{false, {{"/modelplannen/0/normen/mijlpalen/4/uiterlijk_op", "\"2030-06-30\""}},
	 "mijlpaal_jaar_niet_toegestaan", "/modelplannen/0/normen/mijlpalen/4/uiterlijk_op", {NULL}},
	{false, {{"/modelplannen/0/normen/begrotingsjaren/2/max_aandeel_bp", "500"}},
	 "mijlpaal_jaaraandeel_boven_max", "/modelplannen/0/normen/mijlpalen", {NULL}},
	{false, {{"/modelplannen/0/normen/kostensoorten/1/kostensoort", "\"personeel\""}},
	 "kostensoorten_onvolledig", "/modelplannen/0/normen/kostensoorten/1", {NULL}},
	{false, {{"/modelplannen/0/normen/kostensoorten/1/aard", "\"soms\""}},
	 "kostensoorten_onvolledig", "/modelplannen/0/normen/kostensoorten/1/aard", {NULL}},
	{false, {{"/modelplannen/0/normen/kostensoorten/0/financierbaar", "false"},
		 {"/modelplannen/0/normen/kostensoorten/1/financierbaar", "false"}},
	 "geen_financierbare_kostensoort", "/modelplannen/0/normen/kostensoorten", {NULL}},
	{false, {{"/modelplannen/0/normen/bedragkaders/max_per_zorgaanbieder_cent", "2000000000"}},
	 "bedragkader_ongeldig", "/modelplannen/0/normen/bedragkaders/max_per_zorgaanbieder_cent", {NULL}},
	{false, {{"/modelplannen/0/normen/bedragkaders/per_eenheid/0/max_bedrag_cent", "0"}},
	 "bedragkader_ongeldig", "/modelplannen/0/normen/bedragkaders/per_eenheid/0/max_bedrag_cent", {NULL}},
	{false, {{"/modelplannen/0/normen/bedragkaders/max_per_aanvraag_cent", "30000000000"}},
	 "bedragkader_boven_richtbedrag", "/modelplannen/0/normen/bedragkaders/max_per_aanvraag_cent", {NULL}},
	{false, {{"/modelplannen/0/normen/aanvraagvorm/min_aantal_zorgaanbieders", "1"}},
	 "aanvraagvorm_inconsistent", "/modelplannen/0/normen/aanvraagvorm/min_aantal_zorgaanbieders", {NULL}},
	{false, {{"/modelplannen/0/normen/aanvraagvorm/individuele_aanvraag_toegestaan", "true"}},
	 "aanvraagvorm_inconsistent", "/modelplannen/0/normen/aanvraagvorm/individuele_aanvraag_motivering", {NULL}},
	{false, {{"/modelplannen/2/normen/aanvraagvorm/vereiste_sectoren/1", "\"msz\""}},
	 "vereiste_sector_buiten_gebied", "/modelplannen/2/normen/aanvraagvorm/vereiste_sectoren/1", {NULL}},
	{false, {{"/modelplannen/0/normen/aanvraagvorm/zorgpadkeuze_verplicht", "true"}},
	 "zorgpadkeuze_inconsistent", "/modelplannen/0/normen/aanvraagvorm/zorgpadkeuze_verplicht", {NULL}},
	{false, {{"/modelplannen/0/normen/veranderkundige_ondersteuning/scholing_verplicht", "false"}},
	 "veranderkundige_ondersteuning_ontbreekt",
	 "/modelplannen/0/normen/veranderkundige_ondersteuning/scholing_verplicht", {NULL}},
	{false, {{"/modelplannen/0/normen/veranderkundige_ondersteuning/eisen", "[]"}},
	 "veranderkundige_ondersteuning_ontbreekt", "/modelplannen/0/normen/veranderkundige_ondersteuning/eisen", {NULL}},
	{false, {{"/modelplannen/0/normen/volledige_opschaling/niveau", "\"regio\""}},
	 "volledige_opschaling_ongeldig", "/modelplannen/0/normen/volledige_opschaling/niveau", {NULL}},
	{false, {{"/modelplannen/0/normen/toleranties/mijlpaal_datum_dagen", "400"}},
	 "tolerantie_ongeldig", "/modelplannen/0/normen/toleranties/mijlpaal_datum_dagen", {NULL}},
	{false, {{"/modelplannen/0/normen/min_aandeel_deelfinanciering_bp", "0"}},
	 "deelfinanciering_ongeldig", "/modelplannen/0/normen/min_aandeel_deelfinanciering_bp", {NULL}},
	/* O */
	{false, {{"/impactlatten/0/fte_per_miljoen_milli", "0"}}, "impactlat_ongeldig",
	 "/impactlatten/0/fte_per_miljoen_milli", {NULL}},
	{false, {{"/ambitie/fte_per_miljoen_milli", "34000"}}, "ambitie_inconsistent",
	 "/ambitie/fte_per_miljoen_milli", {NULL}},
	{false, {{"/referentiecijfers/transformatieplannen/aantal_opgenomen", "14"}},
	 "referentiecijfer_inconsistent", "/referentiecijfers/transformatieplannen/aantal_opgenomen", {NULL}},
	{false, {{"/referentiecijfers/gupta_themas/0/investering_eenmalig_landelijk/min_cent", "99000000000"}},
	 "referentiecijfer_inconsistent", "/referentiecijfers/gupta_themas/0/investering_eenmalig_landelijk", {NULL}},
	{false, {{"/referentiecijfers/gupta_themas/0/route", "8"}}, "waarde_ongeldig",
	 "/referentiecijfers/gupta_themas/0/route", {NULL}},
	/* D: the standalone modelplan document, against the built-in catalogue */
	{true, {{"/catalogus_versie", "7"}}, "modelplan_catalogus_onbekend", "/catalogus_versie", {NULL}},
	{true, {{"/id", "\"mp-onbekend\""}}, "verwijzing_onbekend", "/id", {NULL}},
	{true, {{"/vorige_versie", "2"}}, "modelplan_versie_volgorde", "/vorige_versie", {NULL}},
	{true, {{"/toepassingsgebied_id", "\"capaciteitsplanning\""}}, "modelplan_versie_volgorde",
	 "/toepassingsgebied_id", {NULL}},
	{true, {{"/wijzigingen", "[]"}}, "wijzigingen_leeg", "/wijzigingen", {NULL}},
	{true, {{"/wijzigingen/0/pad", "\"\""}}, "wijzigingen_leeg", "/wijzigingen/0/pad", {NULL}},
	{true, {{"/normen/mijlpalen/4/aandeel_bp", "1000"}}, "mijlpalen_som_ongelijk_10000",
	 "/normen/mijlpalen", {NULL}},
	{true, {{"/soort", "\"modelplannen\""}}, "soort_onjuist", "/soort", {NULL}},
	{true, {{"/extra", "1"}}, "veld_onbekend", "/extra", {NULL}},
};

/* Applies the changes of `m` to a copy of `basis`. */
static json_t *gemuteerd(json_t *basis, const struct mutatie *m)
{
	json_t *doc = json_deep_copy(basis);
	for (size_t k = 0; k < 4 && m->z[k].ptr; k++) {
		if (!m->z[k].waarde) {
			weg(doc, m->z[k].ptr);
			continue;
		}
		json_error_t err;
		json_t *v = json_loads(m->z[k].waarde, JSON_DECODE_ANY, &err);
		if (!v)
			printf("  (bad test value %s)\n", m->z[k].waarde);
		zet(doc, m->z[k].ptr, v);
	}
	return doc;
}

TEST(elke_regel)
{
	json_t *cat = laad(CATALOGUS), *mp = laad(MODELPLAN_V2);
	CHECK(cat && mp);
	for (size_t i = 0; cat && mp && i < sizeof mutaties / sizeof mutaties[0]; i++) {
		const struct mutatie *m = &mutaties[i];
		json_t *doc = gemuteerd(m->modelplan ? mp : cat, m);
		struct error e;
		error_clear(&e);
		rc_t rc = catalogus_valideer(doc, "t.json", &e);
		bool ok = m->code ? rc != RC_OK && heeft(&e, m->code, m->ptr) && alleen(&e, m->code, m->ook)
				  : rc == RC_OK;
		if (!ok) {
			printf("  (mutation %zu: %s at %s, rc %s)\n", i, m->code ? m->code : "none",
			       m->z[0].ptr, rc_name(rc));
			toon(&e);
		}
		CHECK(ok);
		for (size_t k = 0; k < e.item_count; k++)
			CHECK(e.items[k].detail[0] != '\0' && strncmp(e.items[k].field, "t.json#", 7) == 0);
		json_decref(doc);
	}
	json_decref(cat);
	json_decref(mp);
}

/* Version conflicts of a modelplan document against the catalogue: the
 * same (id, versie) with other content, or a version out of sequence. */
TEST(modelplan_versie_conflict)
{
	json_t *mp = laad(MODELPLAN_V2);
	struct error e;
	error_clear(&e);
	zet(mp, "/versie", json_integer(1));
	zet(mp, "/vorige_versie", json_integer(0));
	CHECK(catalogus_valideer(mp, "m.json", &e) == RC_CONFLICT);
	CHECK(e.item_count == 1 && heeft(&e, "modelplanversie_gewijzigd", "/versie"));
	error_clear(&e);
	zet(mp, "/versie", json_integer(3));
	zet(mp, "/vorige_versie", json_integer(2));
	CHECK(catalogus_valideer(mp, "m.json", &e) == RC_CONFLICT);
	CHECK(e.item_count == 1 && heeft(&e, "modelplan_versie_volgorde", "/versie"));
	json_decref(mp);
}

/* Sums near INT64_MAX are refused, never wrapped (UBSan watches). */
TEST(overloop)
{
	json_t *cat = laad(CATALOGUS);
	zet(cat, "/potten/0/tranches/0/bedrag_cent", json_integer(INT64_MAX));
	zet(cat, "/potten/0/tranches/1/bedrag_cent", json_integer(INT64_MAX));
	zet(cat, "/modelplannen/0/normen/mijlpalen/0/aandeel_bp", json_integer(INT64_MAX));
	zet(cat, "/ambitie/arbeidsbesparing_fte", json_integer(INT64_MAX));
	struct error e;
	error_clear(&e);
	CHECK(catalogus_valideer(cat, "o.json", &e) == RC_INVALID);
	CHECK(heeft(&e, "pot_tranches_som", "/potten/0/tranches"));
	CHECK(heeft(&e, "bp_buiten_bereik", "/modelplannen/0/normen/mijlpalen/0/aandeel_bp"));
	CHECK(heeft(&e, "mijlpalen_som_ongelijk_10000", "/modelplannen/0/normen/mijlpalen"));
	CHECK(heeft(&e, "ambitie_inconsistent", "/ambitie/fte_per_miljoen_milli"));
	json_decref(cat);
}

/* More problems than an error holds: 64 kept, the rest counted. */
TEST(veel_problemen)
{
	json_t *cat = laad(CATALOGUS);
	json_t *regels = json_object_get(cat, "regels");
	size_t i;
	json_t *r;
	json_array_foreach(regels, i, r)
		json_object_set_new(r, "soort", json_string("x"));
	json_array_foreach(json_object_get(cat, "basiseisen"), i, r)
		json_object_set_new(r, "bron", json_string("geen"));
	json_array_foreach(json_object_get(cat, "modelplannen"), i, r)
		json_object_set_new(r, "status", json_string("x"));
	json_t *ref = json_object_get(cat, "referentiecijfers");
	json_array_foreach(json_object_get(ref, "gupta_themas"), i, r)
		json_object_set_new(r, "bron", json_string("geen"));
	json_array_foreach(json_object_get(json_object_get(ref, "transformatieplannen"), "plannen"), i, r)
		json_object_set_new(r, "bron", json_string("geen"));
	struct error e;
	error_clear(&e);
	CHECK(catalogus_valideer(cat, "v.json", &e) == RC_INVALID);
	CHECK(e.item_count == ERROR_ITEMS_MAX);
	CHECK(e.item_count + e.items_dropped == 20 + 14 + 11 + 15 + 15);
	json_decref(cat);
}

TEST(geen_object)
{
	json_t *v = json_array();
	struct error e;
	error_clear(&e);
	CHECK(catalogus_valideer(v, "a.json", &e) == RC_INVALID);
	CHECK(heeft(&e, "soort_onjuist", ""));
	json_decref(v);
}

TEST(versie_parse)
{
	int64_t v = 0;
	CHECK(catalogus_versie_parse("1", &v) && v == 1);
	CHECK(catalogus_versie_parse("2147483647", &v) && v == 2147483647);
	CHECK(!catalogus_versie_parse("2147483648", &v));
	CHECK(!catalogus_versie_parse("0", &v));
	CHECK(!catalogus_versie_parse("01", &v));
	CHECK(!catalogus_versie_parse("-1", &v));
	CHECK(!catalogus_versie_parse("+1", &v));
	CHECK(!catalogus_versie_parse("1a", &v));
	CHECK(!catalogus_versie_parse("", &v));
	CHECK(!catalogus_versie_parse(NULL, &v));
}

/* ---- publication and reading, on both backends ------------------------- */

struct aantallen {
	int64_t catalogusversies, modelplanversies, koppelingen, audit;
};

static rc_t tel_tx(struct store *s, void *ctx, struct error *e)
{
	struct aantallen *a = ctx;
	return store_catalogus_aantallen(s, &a->catalogusversies, &a->modelplanversies,
					 &a->koppelingen, e);
}

static struct aantallen tel(struct store *s)
{
	struct aantallen a = {-1, -1, -1, -1};
	struct error e;
	error_clear(&e);
	CHECK(store_tx(s, STORE_READ, tel_tx, &a, &e) == RC_OK);
	struct audit_verify_result r;
	CHECK(audit_verify(s, &r, &e) == RC_OK);
	CHECK(r.broken_at == 0);
	a.audit = r.records;
	return a;
}

static bool zelfde_aantallen(struct aantallen a, struct aantallen b)
{
	return a.catalogusversies == b.catalogusversies && a.modelplanversies == b.modelplanversies &&
	       a.koppelingen == b.koppelingen && a.audit == b.audit;
}

/* A store with the built-in catalogue as version 1. */
static struct store *met_catalogus(const char *url)
{
	struct store *s = testdb_open_migrated(url);
	struct error e;
	error_clear(&e);
	int64_t versie = -1;
	CHECK(s && catalogus_laad_standaard(s, &versie, &e) == RC_OK);
	CHECK(versie == 1);
	return s;
}

static rc_t publiceer(struct store *s, const char *pad, json_t *doc,
		      struct catalogus_publicatie_resultaat *res, struct error *e)
{
	struct catalogus_publicatie p = {.bestand = pad, .actor = "test"};
	error_clear(e);
	return catalogus_publiceer_met(s, doc, &p, res, e);
}

DBTEST(laad_standaard_eenmalig)
{
	struct store *s = met_catalogus(url);
	if (!s)
		return;
	struct error e;
	error_clear(&e);
	int64_t versie = -1;
	CHECK(catalogus_laad_standaard(s, &versie, &e) == RC_OK);
	CHECK(versie == 0); /* the second time does nothing */
	struct aantallen a = tel(s);
	CHECK(a.catalogusversies == 1 && a.modelplanversies == 11 && a.koppelingen == 11);
	CHECK(a.audit == 1);
	store_close(s);
}

/* The served numbers equal the seeds (DOMAIN.md §2-§3). */
DBTEST(getallen_gelijk_aan_bronnen)
{
	struct store *s = met_catalogus(url);
	if (!s)
		return;
	struct error e;
	error_clear(&e);
	json_t *uit = NULL;
	CHECK(catalogus_lijst(s, 0, "themas", NULL, &uit, &e) == RC_OK);
	json_t *themas = json_object_get(uit, "themas");
	CHECK(json_integer_value(json_object_get(uit, "catalogusversie")) == 1);
	CHECK(json_array_size(themas) == 3);
	CHECK(json_integer_value(json_object_get(json_array_get(themas, 0), "richtbedrag_cent")) == 27500000000);
	CHECK(json_integer_value(json_object_get(json_array_get(themas, 1), "richtbedrag_cent")) == 27500000000);
	CHECK(json_integer_value(json_object_get(json_array_get(themas, 2), "richtbedrag_cent")) == 5000000000);
	json_decref(uit);
	CHECK(catalogus_lijst(s, 1, "fondsen", NULL, &uit, &e) == RC_OK);
	json_t *fonds = json_array_get(json_object_get(uit, "fondsen"), 0);
	CHECK(json_integer_value(json_object_get(fonds, "totaal_bedrag_cent")) == 80000000000);
	json_t *potten = json_object_get(fonds, "potten");
	CHECK(json_integer_value(json_object_get(json_array_get(potten, 0), "bedrag_cent")) == 60000000000);
	json_decref(uit);
	struct catalogus_filter f = {.geldt_voor = "sociaal-domein"};
	CHECK(catalogus_lijst(s, 0, "basiseisen", &f, &uit, &e) == RC_OK);
	CHECK(json_array_size(json_object_get(uit, "basiseisen")) == 13);
	json_decref(uit);
	struct catalogus_filter g = {.thema = "digitale-hybride-zorg", .sector = "msz"};
	CHECK(catalogus_lijst(s, 0, "toepassingsgebieden", &g, &uit, &e) == RC_OK);
	json_t *gebieden = json_object_get(uit, "toepassingsgebieden");
	CHECK(json_array_size(gebieden) == 1);
	CHECK(strcmp(json_string_value(json_object_get(json_array_get(gebieden, 0), "id")),
		     "digitale-hybride-zorgpaden") == 0);
	CHECK(json_array_size(json_object_get(json_array_get(gebieden, 0), "zorgpaden")) == 6);
	json_decref(uit);
	struct catalogus_filter ai = {.thema = "ai", .sector = "ggz"};
	CHECK(catalogus_lijst(s, 0, "toepassingsgebieden", &ai, &uit, &e) == RC_OK);
	CHECK(json_array_size(json_object_get(uit, "toepassingsgebieden")) == 2);
	json_decref(uit);
	struct catalogus_filter h = {.geldt_voor = "iedereen"};
	CHECK(catalogus_lijst(s, 0, "basiseisen", &h, &uit, &e) == RC_INVALID);
	error_clear(&e);
	CHECK(catalogus_lijst(s, 99, "themas", NULL, &uit, &e) == RC_NOT_FOUND);
	error_clear(&e);
	CHECK(catalogus_lijst(s, 0, "geheimen", NULL, &uit, &e) == RC_NOT_FOUND);
	store_close(s);
}

/* A new modelplan version while the old one stays readable, unchanged. */
DBTEST(modelplan_nieuwe_versie)
{
	struct store *s = met_catalogus(url);
	json_t *mp = laad(MODELPLAN_V2), *cat = laad(CATALOGUS);
	if (!s || !mp || !cat)
		return;
	struct error e;
	struct catalogus_publicatie_resultaat res;
	CHECK(publiceer(s, MODELPLAN_V2, mp, &res, &e) == RC_OK);
	CHECK(strcmp(res.soort, "modelplan") == 0 && res.versie == 2 && res.catalogusversie == 1);
	CHECK(strcmp(res.modelplan_id, "mp-spraakgestuurd-rapporteren") == 0);
	json_t *uit = NULL;
	CHECK(catalogus_modelplan(s, 0, "mp-spraakgestuurd-rapporteren", 0, &uit, &e) == RC_OK);
	json_t *versies = json_object_get(uit, "versies");
	CHECK(json_array_size(versies) == 2);
	CHECK(json_integer_value(json_object_get(json_array_get(versies, 1), "versie")) == 2);
	CHECK(json_integer_value(json_object_get(json_object_get(uit, "modelplan"), "versie")) == 2);
	json_decref(uit);
	CHECK(catalogus_modelplan(s, 0, "mp-spraakgestuurd-rapporteren", 1, &uit, &e) == RC_OK);
	json_t *v1 = json_object_get(uit, "modelplan");
	CHECK(json_equal(v1, json_array_get(json_object_get(cat, "modelplannen"), 0)));
	json_decref(uit);
	CHECK(catalogus_modelplan(s, 0, "mp-spraakgestuurd-rapporteren", 3, &uit, &e) == RC_NOT_FOUND);
	CHECK(catalogus_modelplan(s, 0, "mp-bestaat-niet", 0, &uit, &e) == RC_NOT_FOUND);
	struct catalogus_filter f = {.toepassingsgebied = "spraakgestuurd-rapporteren"};
	CHECK(catalogus_lijst(s, 0, "modelplannen", &f, &uit, &e) == RC_OK);
	json_t *lijst = json_object_get(uit, "modelplannen");
	CHECK(json_array_size(lijst) == 1);
	CHECK(json_integer_value(json_object_get(json_array_get(lijst, 0), "versie")) == 2);
	json_decref(uit);
	struct aantallen voor = tel(s);
	CHECK(voor.modelplanversies == 12 && voor.audit == 2);
	/* the same document again is refused: version 2 exists */
	CHECK(publiceer(s, MODELPLAN_V2, mp, &res, &e) == RC_CONFLICT);
	CHECK(heeft(&e, "modelplan_versie_volgorde", "/versie") && e.item_count == 1);
	CHECK(zelfde_aantallen(voor, tel(s)));
	/* version 2 with other content is a change to a published version */
	zet(mp, "/naam", json_string("Modelplan Spraakgestuurd rapporteren (gewijzigd)"));
	CHECK(publiceer(s, MODELPLAN_V2, mp, &res, &e) == RC_CONFLICT);
	CHECK(heeft(&e, "modelplanversie_gewijzigd", "/versie") && e.item_count == 1);
	CHECK(zelfde_aantallen(voor, tel(s)));
	json_decref(mp);
	json_decref(cat);
	store_close(s);
}

/* Every fixture is refused with its code and nothing changes. */
DBTEST(ongeldig_niets_opgeslagen)
{
	struct store *s = met_catalogus(url);
	if (!s)
		return;
	struct aantallen voor = tel(s);
	for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		char pad[256];
		snprintf(pad, sizeof pad, "catalogus/ongeldig/%s", fixtures[i].bestand);
		json_t *doc = laad(pad);
		zet(doc, "/versie", json_integer(2));
		zet(doc, "/vorige_versie", json_integer(1));
		struct error e;
		struct catalogus_publicatie_resultaat res;
		CHECK(publiceer(s, pad, doc, &res, &e) == RC_INVALID);
		/* a fixture that changes a modelplan also changes published version 1 */
		static const char *const ook[] = {"modelplanversie_gewijzigd", NULL};
		CHECK(heeft(&e, fixtures[i].code, fixtures[i].ptr));
		CHECK(alleen(&e, fixtures[i].code, ook));
		CHECK(zelfde_aantallen(voor, tel(s)));
		json_decref(doc);
	}
	store_close(s);
}

/* Catalogue versions: exactly newest + 1; identical modelplan versions
 * are reused, new ones added, changed ones refused. */
DBTEST(catalogusversies)
{
	struct store *s = met_catalogus(url);
	json_t *cat = laad(CATALOGUS);
	if (!s || !cat)
		return;
	struct error e;
	struct catalogus_publicatie_resultaat res;
	struct aantallen voor = tel(s);
	CHECK(publiceer(s, CATALOGUS, cat, &res, &e) == RC_CONFLICT); /* version 1 exists */
	CHECK(heeft(&e, "catalogusversie_volgorde", "/versie") && e.item_count == 1);
	zet(cat, "/versie", json_integer(3));
	zet(cat, "/vorige_versie", json_integer(2));
	CHECK(publiceer(s, CATALOGUS, cat, &res, &e) == RC_CONFLICT); /* skips 2 */
	CHECK(zelfde_aantallen(voor, tel(s)));
	zet(cat, "/versie", json_integer(2));
	zet(cat, "/vorige_versie", json_integer(1));
	zet(cat, "/modelplannen/0/naam", json_string("Gewijzigd"));
	CHECK(publiceer(s, CATALOGUS, cat, &res, &e) == RC_CONFLICT);
	CHECK(heeft(&e, "modelplanversie_gewijzigd", "/modelplannen/0/versie") && e.item_count == 1);
	CHECK(zelfde_aantallen(voor, tel(s)));
	zet(cat, "/modelplannen/0/versie", json_integer(2));
	zet(cat, "/themas/0/macrobedrag_cent", json_integer(27000000000));
	zet(cat, "/gekozen_impactlat_id", json_string("B"));
	/* the macrobedrag and the impact bar are the board's [001 "Vervolgproces"] */
	CHECK(publiceer(s, CATALOGUS, cat, &res, &e) == RC_CONFLICT);
	CHECK(heeft(&e, "kader_van_bestuur", "/themas/0/macrobedrag_cent") &&
	      heeft(&e, "kader_van_bestuur", "/gekozen_impactlat_id") && e.item_count == 2);
	CHECK(zelfde_aantallen(voor, tel(s)));
	struct catalogus_publicatie bestuur = {.bestand = CATALOGUS, .actor = "test", .door_kaderbesluit = true};
	error_clear(&e);
	CHECK(catalogus_publiceer_met(s, cat, &bestuur, &res, &e) == RC_OK);
	CHECK(res.versie == 2 && res.nieuwe_modelplanversies == 1);
	struct aantallen na = tel(s);
	CHECK(na.catalogusversies == 2 && na.modelplanversies == 12 && na.koppelingen == 22);
	CHECK(na.audit == voor.audit + 1);
	json_t *uit = NULL;
	CHECK(catalogus_lijst(s, 1, "themas", NULL, &uit, &e) == RC_OK);
	CHECK(json_is_null(json_object_get(json_array_get(json_object_get(uit, "themas"), 0),
					   "macrobedrag_cent")));
	json_decref(uit);
	CHECK(catalogus_lijst(s, 0, "themas", NULL, &uit, &e) == RC_OK);
	CHECK(json_integer_value(json_object_get(uit, "catalogusversie")) == 2);
	json_decref(uit);
	CHECK(catalogus_versies(s, &uit, &e) == RC_OK);
	CHECK(json_array_size(json_object_get(uit, "catalogusversies")) == 2);
	json_decref(uit);
	json_decref(cat);
	store_close(s);
}

static rc_t wijzig_tx(struct store *s, void *ctx, struct error *e)
{
	return store_query(s, (const char *)ctx, NULL, 0, NULL, NULL, e);
}

/* The database itself refuses to change or remove a published version. */
DBTEST(onveranderlijk)
{
	struct store *s = met_catalogus(url);
	if (!s)
		return;
	static const char *const sql[] = {
		"UPDATE catalogusversie SET bron = 'x'",
		"DELETE FROM catalogusversie",
		"UPDATE modelplanversie SET status = 'ingetrokken'",
		"DELETE FROM modelplanversie",
		"DELETE FROM catalogusversie_modelplan",
		"UPDATE catalogusversie_modelplan SET versie = 2",
	};
	struct aantallen voor = tel(s);
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		struct error e;
		error_clear(&e);
		CHECK(store_tx(s, STORE_WRITE, wijzig_tx, (void *)sql[i], &e) != RC_OK);
	}
	CHECK(zelfde_aantallen(voor, tel(s)));
	store_close(s);
}

/* What the API path and route demand: the plan id and the kind. */
DBTEST(publicatie_beperkingen)
{
	struct store *s = met_catalogus(url);
	json_t *mp = laad(MODELPLAN_V2);
	if (!s || !mp)
		return;
	struct error e;
	error_clear(&e);
	struct catalogus_publicatie_resultaat res;
	struct catalogus_publicatie p = {.bestand = "body", .actor = "test", .soort = "modelplan",
					 .modelplan_id = "mp-capaciteitsplanning"};
	CHECK(catalogus_publiceer_met(s, mp, &p, &res, &e) == RC_INVALID);
	CHECK(heeft(&e, "modelplan_id_ongelijk", "/id"));
	CHECK(strncmp(e.items[0].field, "body#", 5) == 0);
	error_clear(&e);
	p.soort = "catalogus";
	p.modelplan_id = NULL;
	CHECK(catalogus_publiceer_met(s, mp, &p, &res, &e) == RC_INVALID);
	CHECK(heeft(&e, "soort_onjuist", "/soort"));
	/* a modelplan naming an unpublished catalogue version */
	error_clear(&e);
	p.soort = NULL;
	zet(mp, "/catalogus_versie", json_integer(5));
	CHECK(catalogus_publiceer_met(s, mp, &p, &res, &e) == RC_INVALID);
	CHECK(heeft(&e, "modelplan_catalogus_onbekend", "/catalogus_versie"));
	json_decref(mp);
	store_close(s);
}

/* Without any catalogue nothing can be read. */
DBTEST(leeg)
{
	struct store *s = testdb_open_migrated(url);
	if (!s)
		return;
	struct error e;
	error_clear(&e);
	json_t *uit = NULL;
	CHECK(catalogus_lijst(s, 0, "themas", NULL, &uit, &e) == RC_NOT_FOUND);
	struct arena a;
	arena_init(&a, 1u << 20);
	const char *t;
	error_clear(&e);
	CHECK(catalogus_document(s, 0, &a, &t, NULL, &e) == RC_NOT_FOUND);
	arena_release(&a);
	store_close(s);
}

int main(void)
{
	RUN(catalogus_geldig);
	RUN(modelplan_v2_geldig);
	RUN(fixtures_een_code);
	RUN(alle_problemen_tegelijk);
	RUN(elke_regel);
	RUN(modelplan_versie_conflict);
	RUN(overloop);
	RUN(veel_problemen);
	RUN(geen_object);
	RUN(versie_parse);
	RUN_DB(laad_standaard_eenmalig);
	RUN_DB(getallen_gelijk_aan_bronnen);
	RUN_DB(modelplan_nieuwe_versie);
	RUN_DB(ongeldig_niets_opgeslagen);
	RUN_DB(catalogusversies);
	RUN_DB(onveranderlijk);
	RUN_DB(publicatie_beperkingen);
	RUN_DB(leeg);
	return HARNESS_END();
}
