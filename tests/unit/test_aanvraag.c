/* test_aanvraag.c -- reading an application document: what a draft may
 * leave out, and every structural refusal (reals, unknown fields,
 * negative and overflowing amounts, bounds, dates, duplicates, types). */
#include <stdint.h>
#include <string.h>

#include "core/aanvraag/aanvraag.h"
#include "core/basis/klok.h"
#include "core/basis/json.h"
#include "harness.h"
#include "core/basis/tekst.h"
#include "core/basis/bedrag.h"

#define VOORBEELD_CONFORM "voorbeelden/aanvragen/conform-spraakgestuurd-rapporteren.json"
#define VOORBEELD_ONGELDIG "voorbeelden/aanvragen/ongeldig-structuur.json"

static const char KOP[] = "\"soort\": \"aanvraag\", \"schema_versie\": 1, \"catalogus_versie\": 1, "
			  "\"modelplan\": {\"id\": \"mp-spraakgestuurd-rapporteren\", \"versie\": 1}";

/* Parses `text` (a JSON object) and reads it as an application. */
static rc_t lees_tekst(const char *text, struct arena *ar, struct aanvraag *a, struct error *e)
{
	json_t *doc = NULL;
	error_clear(e);
	if (json_decode_object(text, strlen(text), 1u << 20, ar, &doc, e) != RC_OK)
		return RC_BAD_JSON;
	return aanvraag_lees(doc, ar, a, e);
}

/* Reads the header plus `rest` (members, without braces). */
static rc_t lees_met(const char *rest, struct arena *ar, struct aanvraag *a, struct error *e)
{
	char buf[8192];
	snprintf(buf, sizeof buf, "{%s%s%s}", KOP, rest[0] ? ", " : "", rest);
	return lees_tekst(buf, ar, a, e);
}

/* True when `e` holds a problem with this code at this field. */
static bool heeft(const struct error *e, const char *field, const char *code)
{
	for (size_t i = 0; i < e->item_count; i++)
		if (strcmp(e->items[i].field, field) == 0 && strcmp(e->items[i].code, code) == 0)
			return true;
	return false;
}

TEST(leest_conform_voorbeeld)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	json_t *doc = NULL;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	error_clear(&e);
	CHECK(json_read_file(VOORBEELD_CONFORM, 1u << 20, &ar, &doc, &e) == RC_OK);
	CHECK(aanvraag_lees(doc, &ar, &a, &e) == RC_OK);
	CHECK(e.item_count == 0);
	CHECK(strcmp(a.modelplan_id, "mp-spraakgestuurd-rapporteren") == 0);
	CHECK(a.modelplan_versie == 1 && a.catalogus_versie == 1);
	CHECK(a.coalitie.penvoerder == 1001 && a.coalitie.deelnemer_aantal == 3);
	CHECK(a.coalitie.coordinerend_verzekeraar == 2001 && a.coalitie.tweede_verzekeraar == 2002);
	CHECK(a.antwoord_aantal == 43 && a.mijlpaal_aantal == 5 && a.regel_aantal == 19);
	CHECK(a.totaal_bedrag_cent == 500000000);
	CHECK(a.som_mijlpalen_cent == 500000000 && a.som_deelnemers_cent == 500000000);
	CHECK(a.som_regels_cent == 515000000); /* with the structural line */
	CHECK(a.begroting[6].aard == KOSTENAARD_STRUCTUREEL);
	CHECK(a.begroting[2].doel == DOEL_SCHOLING);
	CHECK(a.fte_besparing_milli == 190000);
	CHECK(a.geen_dubbele_financiering == JANEE_JA && a.kennis_kosteloos_delen == JANEE_JA);
	int64_t dag;
	CHECK(klok_datum_lees("2027-06-30", &dag) && a.mijlpalen[0].streefdag == dag);
	arena_release(&ar);
}

TEST(concept_mag_onvolledig_zijn)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	CHECK(lees_met("", &ar, &a, &e) == RC_OK);
	CHECK(a.totaal_bedrag_cent == AANVRAAG_LEEG && a.fte_besparing_milli == AANVRAAG_LEEG);
	CHECK(a.structurele_kosten_per_jaar_cent == AANVRAAG_LEEG);
	CHECK(!a.heeft_coalitie && a.coalitie.penvoerder == 0 && a.regel_aantal == 0);
	CHECK(a.meetmethode == NULL && a.geen_dubbele_financiering == JANEE_LEEG);
	/* null is "not filled in" as well, and an empty answer text is kept */
	CHECK(lees_met("\"totaal_bedrag_cent\": null, \"impact\": {\"fte_besparing_milli\": null}, "
		       "\"antwoorden\": [{\"vraag_id\": \"1.1\", \"tekst\": \"\"}], "
		       "\"coalitie\": {\"penvoerder\": 5}", &ar, &a, &e) == RC_OK);
	CHECK(a.totaal_bedrag_cent == AANVRAAG_LEEG && a.fte_besparing_milli == AANVRAAG_LEEG);
	CHECK(a.antwoord_aantal == 1 && strcmp(a.antwoorden[0].tekst, "") == 0);
	CHECK(a.antwoorden[0].regiocontext == NULL);
	CHECK(a.coalitie.penvoerder == 5 && a.coalitie.tweede_verzekeraar == 0);
	arena_release(&ar);
}

TEST(kop_is_verplicht)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	memset(&a, 0x5a, sizeof a);
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	CHECK(lees_tekst("{\"titel\": \"x\"}", &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/soort", "required"));
	CHECK(heeft(&e, "/schema_versie", "required"));
	CHECK(heeft(&e, "/catalogus_versie", "required"));
	CHECK(heeft(&e, "/modelplan", "required"));
	CHECK(a.totaal_bedrag_cent == (int64_t)0x5a5a5a5a5a5a5a5aLL); /* out untouched */
	CHECK(lees_tekst("{\"soort\": \"catalogus\", \"schema_versie\": 2, \"catalogus_versie\": 1, "
			 "\"modelplan\": {\"id\": \"MP 1\", \"versie\": 0}}", &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/soort", "soort_onjuist"));
	CHECK(heeft(&e, "/schema_versie", "versie_ongeldig"));
	CHECK(heeft(&e, "/modelplan/id", "id_ongeldig"));
	CHECK(heeft(&e, "/modelplan/versie", "buiten_bereik"));
	CHECK(lees_tekst("[1]", &ar, &a, &e) == RC_BAD_JSON);
	arena_release(&ar);
}

TEST(weigert_kommagetallen_overal)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	CHECK(lees_met("\"totaal_bedrag_cent\": 100.0, \"impact\": {\"fte_besparing_milli\": 1e3}, "
		       "\"mijlpalen\": [{\"id\": \"m1\", \"streefdatum\": \"2027-06-30\", "
		       "\"bedrag_cent\": 2.5}]", &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/totaal_bedrag_cent", "json_kommagetal"));
	CHECK(heeft(&e, "/impact/fte_besparing_milli", "json_kommagetal"));
	CHECK(heeft(&e, "/mijlpalen/0/bedrag_cent", "json_kommagetal"));
	CHECK(e.item_count == 3); /* each real once, not also as a type error */
	/* a real inside an unknown field is a real too */
	CHECK(lees_met("\"x~y/z\": [0.5]", &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/x~0y~1z/0", "json_kommagetal"));
	CHECK(heeft(&e, "/x~y/z", "unknown"));
	arena_release(&ar);
}

TEST(weigert_onbekende_velden)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	CHECK(lees_met("\"prioriteit\": 1, \"impact\": {\"fte\": 1}, \"verklaringen\": "
		       "{\"alles_goed\": true}, \"begroting\": [{\"zorgaanbieder\": 1, \"jaar\": 2027, "
		       "\"kostensoort\": \"personeel\", \"aard\": \"eenmalig\", \"doel\": \"overig\", "
		       "\"bedrag_cent\": 1, \"btw\": 0}]", &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/prioriteit", "unknown"));
	CHECK(heeft(&e, "/impact/fte", "unknown"));
	CHECK(heeft(&e, "/verklaringen/alles_goed", "unknown"));
	CHECK(heeft(&e, "/begroting/0/btw", "unknown"));
	CHECK(e.item_count == 4);
	arena_release(&ar);
}

TEST(weigert_negatieve_bedragen)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	CHECK(lees_met("\"totaal_bedrag_cent\": -1, \"impact\": {\"fte_besparing_milli\": -5}, "
		       "\"structureel\": {\"kosten_per_jaar_cent\": -100, \"besparing_per_jaar_cent\": 0}, "
		       "\"coalitie\": {\"penvoerder\": -3, \"deelnemers\": [{\"organisatie\": 0, "
		       "\"soort\": \"zorgaanbieder\", \"bedrag_cent\": -7}]}, "
		       "\"eenheden\": [{\"id\": \"patient\", \"aantal\": -1}]", &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/totaal_bedrag_cent", "bedrag_negatief"));
	CHECK(heeft(&e, "/impact/fte_besparing_milli", "negatief"));
	CHECK(heeft(&e, "/structureel/kosten_per_jaar_cent", "bedrag_negatief"));
	CHECK(heeft(&e, "/coalitie/penvoerder", "negatief"));
	CHECK(heeft(&e, "/coalitie/deelnemers/0/organisatie", "buiten_bereik"));
	CHECK(heeft(&e, "/coalitie/deelnemers/0/bedrag_cent", "bedrag_negatief"));
	CHECK(heeft(&e, "/eenheden/0/aantal", "negatief"));
	arena_release(&ar);
}

TEST(weigert_overlopende_sommen)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	char buf[2048];
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	/* each amount fits in int64, their sums do not */
	snprintf(buf, sizeof buf,
		 "\"begroting\": ["
		 "{\"zorgaanbieder\": 1, \"jaar\": 2027, \"kostensoort\": \"personeel\", \"aard\": "
		 "\"eenmalig\", \"doel\": \"overig\", \"bedrag_cent\": %lld},"
		 "{\"zorgaanbieder\": 1, \"jaar\": 2028, \"kostensoort\": \"personeel\", \"aard\": "
		 "\"eenmalig\", \"doel\": \"overig\", \"bedrag_cent\": %lld}],"
		 "\"mijlpalen\": [{\"id\": \"m1\", \"streefdatum\": \"2027-06-30\", \"bedrag_cent\": %lld},"
		 "{\"id\": \"m2\", \"streefdatum\": \"2027-12-31\", \"bedrag_cent\": 1}],"
		 "\"coalitie\": {\"deelnemers\": [{\"organisatie\": 1, \"soort\": \"zorgaanbieder\", "
		 "\"bedrag_cent\": %lld}, {\"organisatie\": 2, \"soort\": \"zorgaanbieder\", "
		 "\"bedrag_cent\": %lld}]}",
		 (long long)INT64_MAX, 1LL, (long long)INT64_MAX, (long long)INT64_MAX / 2 + 1,
		 (long long)INT64_MAX / 2 + 1);
	CHECK(lees_met(buf, &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/begroting/1", "som_overloop"));
	CHECK(heeft(&e, "/mijlpalen/1", "som_overloop"));
	CHECK(heeft(&e, "/coalitie/deelnemers/1", "som_overloop"));
	CHECK(e.item_count == 3);
	/* right at the limit is fine */
	snprintf(buf, sizeof buf, "\"totaal_bedrag_cent\": %lld, \"mijlpalen\": [{\"id\": \"m1\", "
		 "\"streefdatum\": \"2027-06-30\", \"bedrag_cent\": %lld}, {\"id\": \"m2\", "
		 "\"streefdatum\": \"2027-12-31\", \"bedrag_cent\": 1}]",
		 (long long)INT64_MAX, (long long)INT64_MAX - 1);
	CHECK(lees_met(buf, &ar, &a, &e) == RC_OK);
	CHECK(a.som_mijlpalen_cent == INT64_MAX);
	/* a number beyond int64 is not JSON we accept */
	CHECK(lees_met("\"totaal_bedrag_cent\": 99999999999999999999", &ar, &a, &e) == RC_BAD_JSON);
	arena_release(&ar);
}

TEST(lijsten_en_teksten_zijn_begrensd)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	static char buf[64 * 1024];
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	size_t n = (size_t)snprintf(buf, sizeof buf, "{%s, \"zorgpaden\": [", KOP);
	for (int i = 0; i <= AANVRAAG_ZORGPADEN_MAX; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s\"z%d\"", i ? "," : "", i);
	n += (size_t)snprintf(buf + n, sizeof buf - n, "], \"titel\": \"");
	memset(buf + n, 'x', AANVRAAG_TITEL_MAX + 1);
	n += AANVRAAG_TITEL_MAX + 1;
	snprintf(buf + n, sizeof buf - n, "\"}");
	CHECK(lees_tekst(buf, &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/zorgpaden", "te_veel"));
	CHECK(heeft(&e, "/titel", "te_lang"));
	/* the maximum itself is accepted */
	n = (size_t)snprintf(buf, sizeof buf, "{%s, \"zorgpaden\": [", KOP);
	for (int i = 0; i < AANVRAAG_ZORGPADEN_MAX; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s\"z%d\"", i ? "," : "", i);
	snprintf(buf + n, sizeof buf - n, "]}");
	CHECK(lees_tekst(buf, &ar, &a, &e) == RC_OK);
	CHECK(a.zorgpad_aantal == AANVRAAG_ZORGPADEN_MAX);
	arena_release(&ar);
}

TEST(datums)
{
	int64_t d = 42;
	CHECK(klok_datum_lees("1970-01-01", &d) && d == 0);
	CHECK(klok_datum_lees("2000-02-29", &d));
	CHECK(klok_datum_lees("2028-02-29", &d));
	int64_t a = 0, b = 0;
	CHECK(klok_datum_lees("2027-12-31", &a) && klok_datum_lees("2028-01-30", &b));
	CHECK(b - a == 30);
	CHECK(klok_datum_lees("2028-12-31", &a) && klok_datum_lees("2029-12-31", &b));
	CHECK(b - a == 365);
	d = 42;
	CHECK(!klok_datum_lees("2027-02-29", &d) && d == 42);
	CHECK(!klok_datum_lees("2100-02-29", &d));
	CHECK(!klok_datum_lees("2027-13-01", &d));
	CHECK(!klok_datum_lees("2027-04-31", &d));
	CHECK(!klok_datum_lees("2027-6-30", &d));
	CHECK(!klok_datum_lees("2027-06-30T00", &d));
	CHECK(!klok_datum_lees("0000-01-01", &d));
	CHECK(!klok_datum_lees(NULL, &d));

	struct arena ar;
	struct error e;
	struct aanvraag ap;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	CHECK(lees_met("\"mijlpalen\": [{\"id\": \"m1\", \"streefdatum\": \"30-06-2027\", "
		       "\"bedrag_cent\": 1}]", &ar, &ap, &e) == RC_INVALID);
	CHECK(heeft(&e, "/mijlpalen/0/streefdatum", "datum_ongeldig"));
	arena_release(&ar);
}

TEST(weigert_dubbele_ids)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	CHECK(lees_met("\"coalitie\": {\"deelnemers\": [{\"organisatie\": 7, \"soort\": \"zorgaanbieder\", "
		       "\"bedrag_cent\": 0}, {\"organisatie\": 7, \"soort\": \"gemeente\", "
		       "\"bedrag_cent\": 0}]}, \"antwoorden\": [{\"vraag_id\": \"1.1\", \"tekst\": \"a\"}, "
		       "{\"vraag_id\": \"1.1\", \"tekst\": \"b\"}], \"zorgpaden\": [\"copd\", \"copd\"], "
		       "\"mijlpalen\": [{\"id\": \"m1\", \"streefdatum\": \"2027-06-30\", \"bedrag_cent\": 1}, "
		       "{\"id\": \"m1\", \"streefdatum\": \"2027-06-30\", \"bedrag_cent\": 1}], "
		       "\"afwijkingen\": [{\"element\": \"normen.min_fte_per_miljoen_milli\", "
		       "\"toelichting\": \"a\"}, {\"element\": \"normen.min_fte_per_miljoen_milli\", "
		       "\"toelichting\": \"b\"}], \"eenheden\": [{\"id\": \"patient\", \"aantal\": 1}, "
		       "{\"id\": \"patient\", \"aantal\": 2}]", &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/coalitie/deelnemers/1", "id_dubbel"));
	CHECK(heeft(&e, "/antwoorden/1", "id_dubbel"));
	CHECK(heeft(&e, "/zorgpaden/1", "id_dubbel"));
	CHECK(heeft(&e, "/mijlpalen/1", "id_dubbel"));
	CHECK(heeft(&e, "/afwijkingen/1", "id_dubbel"));
	CHECK(heeft(&e, "/eenheden/1", "id_dubbel"));
	CHECK(e.item_count == 6);
	arena_release(&ar);
}

TEST(weigert_verkeerde_typen_en_waarden)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	CHECK(lees_met("\"titel\": 5, \"coalitie\": [], \"zorgpaden\": \"copd\", "
		       "\"verklaringen\": {\"geen_dubbele_financiering\": \"ja\"}, "
		       "\"antwoorden\": [{\"vraag_id\": \"a.1\", \"tekst\": \"x\"}, 3], "
		       "\"begroting\": [{\"zorgaanbieder\": 1, \"jaar\": 1999, \"kostensoort\": \"reis\", "
		       "\"aard\": \"jaarlijks\", \"doel\": \"feest\", \"bedrag_cent\": \"10\", "
		       "\"eenheid_id\": \"Patiënt\"}], "
		       "\"afwijkingen\": [{\"element\": \"mijlpalen/m2/uiterlijk_op\", \"toelichting\": \"x\"}], "
		       "\"regionale_aanpassingen\": [{\"onderwerp\": \"x\"}]", &ar, &a, &e) == RC_INVALID);
	CHECK(heeft(&e, "/titel", "type"));
	CHECK(heeft(&e, "/coalitie", "type"));
	CHECK(heeft(&e, "/zorgpaden", "type"));
	CHECK(heeft(&e, "/verklaringen/geen_dubbele_financiering", "type"));
	CHECK(heeft(&e, "/antwoorden/0/vraag_id", "id_ongeldig"));
	CHECK(heeft(&e, "/antwoorden/1", "type"));
	CHECK(heeft(&e, "/begroting/0/jaar", "buiten_bereik"));
	CHECK(heeft(&e, "/begroting/0/kostensoort", "waarde_ongeldig"));
	CHECK(heeft(&e, "/begroting/0/aard", "waarde_ongeldig"));
	CHECK(heeft(&e, "/begroting/0/doel", "waarde_ongeldig"));
	CHECK(heeft(&e, "/begroting/0/bedrag_cent", "type"));
	CHECK(heeft(&e, "/begroting/0/eenheid_id", "id_ongeldig"));
	CHECK(heeft(&e, "/afwijkingen/0/element", "element_ongeldig"));
	CHECK(heeft(&e, "/regionale_aanpassingen/0/toelichting", "required"));
	CHECK(e.item_count == 14);
	arena_release(&ar);
}

TEST(ongeldig_voorbeeld_geeft_elk_probleem)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	json_t *doc = NULL;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	error_clear(&e);
	CHECK(json_read_file(VOORBEELD_ONGELDIG, 1u << 20, &ar, &doc, &e) == RC_OK);
	CHECK(aanvraag_lees(doc, &ar, &a, &e) == RC_INVALID);
	CHECK(e.rc == RC_INVALID);
	CHECK(heeft(&e, "/begroting/0/bedrag_cent", "json_kommagetal"));
	CHECK(heeft(&e, "/impact/fte_besparing_milli", "json_kommagetal"));
	CHECK(heeft(&e, "/begroting/1/bedrag_cent", "bedrag_negatief"));
	CHECK(heeft(&e, "/coalitie/deelnemers/0/soort", "waarde_ongeldig"));
	CHECK(heeft(&e, "/mijlpalen/0/streefdatum", "datum_ongeldig"));
	CHECK(heeft(&e, "/prioriteit", "unknown"));
	CHECK(e.item_count == 6);
	/* and without an error context the answer is the same */
	CHECK(aanvraag_lees(doc, &ar, &a, NULL) == RC_INVALID);
	arena_release(&ar);
}

TEST(arena_vol_is_nomem)
{
	struct arena ar;
	struct error e;
	struct aanvraag a;
	json_t *doc = NULL;
	arena_init(&ar, ARENA_DEFAULT_CAP_BYTES);
	error_clear(&e);
	CHECK(json_read_file(VOORBEELD_CONFORM, 1u << 20, &ar, &doc, &e) == RC_OK);
	struct arena klein;
	arena_init(&klein, 8192);
	error_clear(&e);
	CHECK(aanvraag_lees(doc, &klein, &a, &e) == RC_NOMEM);
	CHECK(e.rc == RC_NOMEM);
	arena_release(&klein);
	arena_release(&ar);
}

TEST(bedragen_en_aantallen_als_tekst)
{
	char buf[40];
	CHECK(strcmp(bedrag_tekst(0, buf, sizeof buf), "EUR 0,00") == 0);
	CHECK(strcmp(bedrag_tekst(123456789, buf, sizeof buf), "EUR 1.234.567,89") == 0);
	CHECK(strcmp(bedrag_tekst(-5, buf, sizeof buf), "-EUR 0,05") == 0);
	CHECK(strcmp(bedrag_tekst(INT64_MIN, buf, sizeof buf),
		     "-EUR 92.233.720.368.547.758,08") == 0);
	CHECK(strcmp(duizendsten_tekst(38000, buf, sizeof buf), "38") == 0);
	CHECK(strcmp(duizendsten_tekst(12500, buf, sizeof buf), "12,5") == 0);
	CHECK(strcmp(duizendsten_tekst(1234567, buf, sizeof buf), "1.234,567") == 0);
	CHECK(strcmp(duizendsten_tekst(5, buf, sizeof buf), "0,005") == 0);
	CHECK(aanvraag_organisatie_soort("zorgverzekeraar") == ORGANISATIE_ZORGVERZEKERAAR);
	CHECK(aanvraag_organisatie_soort("nza") == ORGANISATIE_ANDERS);
	CHECK(aanvraag_organisatie_soort(NULL) == ORGANISATIE_ONBEKEND);
	CHECK(tekst_aanwezig(" x") && !tekst_aanwezig(" \n\t") && !tekst_aanwezig(NULL));
}

int main(void)
{
	RUN(leest_conform_voorbeeld);
	RUN(concept_mag_onvolledig_zijn);
	RUN(kop_is_verplicht);
	RUN(weigert_kommagetallen_overal);
	RUN(weigert_onbekende_velden);
	RUN(weigert_negatieve_bedragen);
	RUN(weigert_overlopende_sommen);
	RUN(lijsten_en_teksten_zijn_begrensd);
	RUN(datums);
	RUN(weigert_dubbele_ids);
	RUN(weigert_verkeerde_typen_en_waarden);
	RUN(ongeldig_voorbeeld_geeft_elk_probleem);
	RUN(arena_vol_is_nomem);
	RUN(bedragen_en_aantallen_als_tekst);
	return HARNESS_END();
}
