/* test_beschikking.c -- the joint request to NZa, NZa's checks and the
 * beschikking: reading a request (every refusal), the default split of an
 * upper bound over the years, each finding of the checks (a)-(d) and the
 * formal conditions with its source, amounts in Dutch; and on both
 * backends the whole flow: a request for an application that was not
 * granted, an upper bound above the grant, signatures, granting (the
 * board's reservations posted in one chain, for less: the rest returns),
 * refusing (voided), a request that does not fit, pending requests refused
 * automatically when a grant leaves them no room, the ledger replaying,
 * and the decision document as HTML and PDF. */
#include <sodium.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "testdb.h"
#include "beschikking_testdata.h"
#include "core/basis/bedrag.h"
#include "core/basis/document.h"

/* ---- pure ------------------------------------------------------------------------ */

TEST(standaard_jaren)
{
	struct nza_aanvraag_jaar g[] = {{2027, 300}, {2028, 200}}, uit[NZA_AANVRAAG_JAREN_MAX];
	size_t n = nza_aanvraag_standaard_jaren(g, 2, 500, uit);
	CHECK(n == 2 && uit[0].bedrag_cent == 300 && uit[1].bedrag_cent == 200);
	n = nza_aanvraag_standaard_jaren(g, 2, 400, uit);
	CHECK(n == 2 && uit[0].bedrag_cent == 300 && uit[1].bedrag_cent == 100);
	n = nza_aanvraag_standaard_jaren(g, 2, 250, uit);
	CHECK(n == 1 && uit[0].jaar == 2027 && uit[0].bedrag_cent == 250);
	n = nza_aanvraag_standaard_jaren(g, 2, 1, uit);
	CHECK(n == 1 && uit[0].bedrag_cent == 1);
}

static rc_t lees_tza(const char *tekst, struct nza_aanvraag_invoer *in, struct error *e)
{
	error_clear(e);
	json_t *b = json_loads(tekst, 0, NULL);
	rc_t rc = nza_aanvraag_lees(b, in, e);
	json_decref(b);
	return rc;
}

#define VERKL "\"verklaringen\": {\"aanpassingen_positief_beoordeeld\": true, " \
	"\"randvoorwaardelijk_voor_zvw_zorg\": true, \"geen_individuele_zorgverlening\": true, " \
	"\"eigen_zvw_zorg\": true, \"geen_staatssteun\": true, \"waarborgen_concurrentievoordeel\": true}"

TEST(nza_aanvraag_lezen)
{
	struct nza_aanvraag_invoer in;
	struct error e;
	CHECK(lees_tza("{\"aanvraag_id\": 5, " VERKL ", \"contract\": {\"datum\": \"2026-10-01\", "
		       "\"kenmerk\": \"K\"}}", &in, &e) == RC_OK);
	CHECK(in.aanvraag_id == 5 && !in.bovengrens_gegeven && !in.jaren_gegeven && in.verklaringen[5]);
	CHECK(lees_tza("{}", &in, &e) == RC_INVALID);
	CHECK(heeft_code(&e, "required") && heeft_code(&e, "verklaring_ontbreekt") &&
	      heeft_code(&e, "contract_ontbreekt"));
	CHECK(e.item_count == 1 + NZA_AANVRAAG_VERKLARING__COUNT + 1);
	CHECK(lees_tza("{\"aanvraag_id\": 5, " VERKL ", \"contract\": {\"datum\": \"2026-02-30\", \"kenmerk\": \"K\"},"
		       " \"bovengrens_cent\": 0, \"jaarverdeling\": [{\"jaar\": 2028, \"bedrag_cent\": 1},"
		       " {\"jaar\": 2027, \"bedrag_cent\": -1}]}", &in, &e) == RC_INVALID);
	CHECK(heeft_code(&e, "datum_ongeldig") && heeft_code(&e, "bedrag_niet_positief") &&
	      heeft_code(&e, "jaren_volgorde") && heeft_code(&e, "bedrag_negatief"));
}

static struct nza_feiten feiten_goed(void)
{
	struct nza_feiten f;
	memset(&f, 0, sizeof f);
	f.bovengrens_cent = 500;
	f.toegekend_cent = 500;
	f.aangevraagd_cent = 600;
	f.ondertekend[0] = f.ondertekend[1] = true;
	for (size_t i = 0; i < NZA_AANVRAAG_VERKLARING__COUNT; i++)
		f.verklaringen[i] = true;
	f.contract_datum = "2026-10-01";
	f.contract_kenmerk = "K";
	f.aanvraag_positief = true;
	f.modelplan = "mp";
	f.penvoerder_zorgaanbieder = true;
	f.deelnemers_met_bedrag = 3;
	f.kennis_kosteloos_delen = f.geen_dubbele_financiering = f.geen_eerdere_iza = true;
	f.jaren[0] = (struct nza_jaar){2027, 300, 300, 0};
	f.jaren[1] = (struct nza_jaar){2028, 200, 100, 100};
	f.jaar_aantal = 2;
	return f;
}

static const struct nza_bevinding *bevinding(const struct nza_bevinding *b, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(b[i].code, code) == 0)
			return &b[i];
	return NULL;
}

TEST(toetspunten)
{
	struct nza_bevinding b[NZA_BEVINDINGEN];
	struct nza_feiten f = feiten_goed();
	size_t n = nza_toets(&f, b);
	CHECK(n == 12 && nza_alles_voldaan(b, n, NULL));
	for (size_t i = 0; i < n; i++)
		CHECK(strstr(b[i].bron, "[001 ") != NULL);
	CHECK(strstr(bevinding(b, n, "c")->bron, "[003 §8b]") != NULL);
	/* each condition fails on its own fact */
	static const struct {
		const char *code;
		void (*zet)(struct nza_feiten *);
	} gevallen[] = {
		{"a", NULL}, {"b", NULL}, {"c", NULL}, {"d", NULL}, {"v1", NULL}, {"v4", NULL},
		{"v6", NULL}, {"v7", NULL}, {"v8", NULL},
	};
	for (size_t k = 0; k < sizeof gevallen / sizeof gevallen[0]; k++) {
		f = feiten_goed();
		const char *c = gevallen[k].code;
		if (strcmp(c, "a") == 0) f.ondertekend[1] = false;
		if (strcmp(c, "b") == 0) f.verklaringen[NZA_AANVRAAG_AANPASSINGEN_POSITIEF] = false;
		if (strcmp(c, "c") == 0) f.jaren[1].ruimte_cent = 99;
		if (strcmp(c, "d") == 0) f.contract_kenmerk = NULL;
		if (strcmp(c, "v1") == 0) f.aanvraag_positief = false;
		if (strcmp(c, "v4") == 0) f.niet_zorgaanbieders_met_bedrag = 1;
		if (strcmp(c, "v6") == 0) f.kennis_kosteloos_delen = false;
		if (strcmp(c, "v7") == 0) f.geen_eerdere_iza = false;
		if (strcmp(c, "v8") == 0) f.toegekend_cent = 700;
		n = nza_toets(&f, b);
		struct error e;
		error_clear(&e);
		CHECK(!nza_alles_voldaan(b, n, &e));
		CHECK(!bevinding(b, n, c)->voldaan);
		char code[32];
		snprintf(code, sizeof code, "bevinding_%s", c);
		CHECK(e.item_count == 1 && heeft_code(&e, code));
	}
	/* (c): exactly the free room fits, one cent more does not */
	f = feiten_goed();
	f.jaren[1].ruimte_cent = 100;
	CHECK(nza_past(&f, NULL));
	f.jaren[1].ruimte_cent = 99;
	struct error e;
	error_clear(&e);
	CHECK(!nza_past(&f, &e) && heeft_code(&e, "past_niet"));
	f.jaren[1].ruimte_cent = -1;   /* no such year */
	CHECK(!nza_past(&f, NULL));
}

TEST(bedragen_in_woorden)
{
	char t[48];
	bedrag_tekst(0, t, sizeof t);
	CHECK(strcmp(t, "EUR 0,00") == 0);
	bedrag_tekst(123456789, t, sizeof t);
	CHECK(strcmp(t, "EUR 1.234.567,89") == 0);
	bedrag_tekst(INT64_C(60000000000), t, sizeof t);
	CHECK(strcmp(t, "EUR 600.000.000,00") == 0);
	bedrag_tekst(-5, t, sizeof t);
	CHECK(strcmp(t, "-EUR 0,05") == 0);
}

/* Dates and moments in documents in Dutch, in Dutch time: winter UTC+1,
 * summer UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday
 * of October 01:00 UTC (issue 18). */
TEST(datums_in_het_nederlands)
{
	struct arena a;
	arena_init(&a, 1u << 16);
	CHECK(strcmp(document_datum(&a, "2026-03-23T09:00:00.000000Z"), "23 maart 2026") == 0);
	CHECK(strcmp(document_moment(&a, "2026-12-07T10:15:30.123456Z"), "7 december 2026 om 11:15:30 uur") == 0);
	CHECK(strcmp(document_moment(&a, "2026-07-01T22:30:00Z"), "2 juli 2026 om 00:30:00 uur") == 0);
	/* 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC */
	CHECK(strcmp(document_moment(&a, "2026-03-29T00:59:59Z"), "29 maart 2026 om 01:59:59 uur") == 0);
	CHECK(strcmp(document_moment(&a, "2026-03-29T01:00:00Z"), "29 maart 2026 om 03:00:00 uur") == 0);
	CHECK(strcmp(document_moment(&a, "2026-10-25T00:59:59Z"), "25 oktober 2026 om 02:59:59 uur") == 0);
	CHECK(strcmp(document_moment(&a, "2026-10-25T01:00:00Z"), "25 oktober 2026 om 02:00:00 uur") == 0);
	CHECK(strcmp(document_moment(&a, "2027-12-31T23:30:00Z"), "1 januari 2028 om 00:30:00 uur") == 0);
	CHECK(strcmp(document_moment(&a, "geen moment"), "geen moment") == 0);
	arena_release(&a);
}

/* ---- the flow on both backends -------------------------------------------------------- */

DBTEST(beschikking_verlenen_en_afwijzen)
{
	struct wereld w;
	if (!wereld_open(&w, url)) {
		CHECK(false);
		wereld_sluit(&w);
		return;
	}
	struct error e;
	rc_t rc;
	int64_t a = bt_positief(&w), b = bt_positief(&w), c = bt_positief(&w), x = bt_positief(&w);
	CHECK(a && b && c && x);
	static struct hulp h;
	memset(&h, 0, sizeof h);
	bt_geld(&h, "ai", 2027, MLN(10));
	bt_geld(&h, "ai", 2028, MLN(4));
	bt_grant(&h, a, 2027, MLN(3));
	bt_grant(&h, a, 2028, MLN(2));
	bt_grant(&h, b, 2027, MLN(3));
	bt_grant(&h, b, 2028, MLN(2));
	bt_grant(&h, c, 2027, MLN(3));
	CHECK(bt_toekennen(&w, &h));
	/* not granted; above the grant; not the coordinating insurer */
	CHECK(bt_gezamenlijk(&w, x, 0, NULL, 0, &rc, &e) == 0 && rc == RC_CONFLICT && heeft_code(&e, "niet_toegekend"));
	CHECK(bt_gezamenlijk(&w, a, MLN(5) + 1, NULL, 0, &rc, &e) == 0 && rc == RC_INVALID &&
	      heeft_code(&e, "boven_toekenning"));
	CHECK(wereld_tel(&w, "SELECT count(*) FROM nza_aanvraag") == 0);
	/* granted in full */
	struct rekening jaar27 = bt_saldo(&w, "zvw/ai/2027");
	int64_t ta = bt_gezamenlijk(&w, a, 0, NULL, 0, &rc, &e);
	CHECK(ta > 0);
	struct beschikking_uitkomst u;
	int64_t ba = bt_beschik(&w, ta, true, &u, &rc, &e);
	CHECK(ba > 0 && u.automatisch_afgewezen == 0);
	char code[64];
	snprintf(code, sizeof code, "project/%" PRId64, a);
	struct rekening p = bt_saldo(&w, code);
	CHECK(p.credit_geboekt_cent == MLN(5) && p.credit_gereserveerd_cent == 0);
	struct rekening na27 = bt_saldo(&w, "zvw/ai/2027");
	CHECK(na27.debet_geboekt_cent - jaar27.debet_geboekt_cent == MLN(3));
	CHECK(rekening_ruimte_cent(&na27) == rekening_ruimte_cent(&jaar27));
	CHECK(bt_beschik(&w, ta, false, NULL, &rc, &e) == 0 && rc == RC_CONFLICT && heeft_code(&e, "al_beschikt"));
	/* b for less: EUR 1 mln returns to 2028 */
	struct rekening j28 = bt_saldo(&w, "zvw/ai/2028");
	int64_t tb = bt_gezamenlijk(&w, b, MLN(4), NULL, 0, &rc, &e);
	CHECK(tb > 0 && bt_beschik(&w, tb, true, NULL, &rc, &e) > 0);
	struct rekening n28 = bt_saldo(&w, "zvw/ai/2028");
	CHECK(rekening_ruimte_cent(&n28) - rekening_ruimte_cent(&j28) == MLN(1));
	/* c refused: its reservation is voided */
	int64_t tc = bt_gezamenlijk(&w, c, 0, NULL, 0, &rc, &e);
	struct rekening v27 = bt_saldo(&w, "zvw/ai/2027");
	CHECK(tc > 0 && bt_beschik(&w, tc, false, NULL, &rc, &e) > 0);
	struct rekening z27 = bt_saldo(&w, "zvw/ai/2027");
	CHECK(rekening_ruimte_cent(&z27) - rekening_ruimte_cent(&v27) == MLN(3));
	CHECK(wereld_tel(&w, "SELECT count(*) FROM beschikking WHERE besluit = 'verleend'") == 2);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM beschikking WHERE besluit = 'afgewezen'") == 1);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM auditlog WHERE actie = 'beschikking.verleen'") == 2);
	CHECK(bt_herspeel(&w));
	/* the document */
	struct beschikking bs;
	CHECK(beschikking_lees(w.s, &w.a, ba, &bs, &e) == RC_OK);
	const char *html = NULL;
	const unsigned char *pdf = NULL;
	size_t len = 0;
	CHECK(beschikking_document_html(w.s, &w.a, &bs, &html, &len, &e) == RC_OK);
	CHECK(html && strstr(html, bs.kenmerk) && strstr(html, "EUR 5.000.000,00") && strstr(html, "Test GGZ"));
	CHECK(beschikking_document_pdf(w.s, &w.a, &bs, &pdf, &len, &e) == RC_OK);
	CHECK(pdf && len > 1000 && memcmp(pdf, "%PDF-", 5) == 0);
	wereld_sluit(&w);
}

DBTEST(lopende_aanvragen_die_niet_meer_passen)
{
	struct wereld w;
	if (!wereld_open(&w, url)) {
		CHECK(false);
		wereld_sluit(&w);
		return;
	}
	struct error e;
	rc_t rc;
	int64_t id[3] = {bt_positief(&w), bt_positief(&w), bt_positief(&w)};
	CHECK(id[0] && id[1] && id[2]);
	static struct hulp h;
	memset(&h, 0, sizeof h);
	bt_geld(&h, "ai", 2027, MLN(3));
	bt_geld(&h, "ai", 2028, MLN(1.5));
	for (int i = 0; i < 3; i++)
		bt_grant(&h, id[i], 2027, MLN(1));
	CHECK(bt_toekennen(&w, &h));
	/* each moves its money to 2028: each fits alone, two together do not */
	struct nza_aanvraag_jaar verschuif[] = {{2027, 0}, {2028, MLN(1)}};
	int64_t t[3];
	for (int i = 0; i < 3; i++)
		CHECK((t[i] = bt_gezamenlijk(&w, id[i], 0, verschuif, 2, &rc, &e)) > 0);
	struct beschikking_uitkomst u;
	CHECK(bt_beschik(&w, t[0], true, &u, &rc, &e) > 0);
	CHECK(u.automatisch_afgewezen == 2 && u.afgewezen[0] == t[1] && u.afgewezen[1] == t[2]);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM nza_aanvraag WHERE status = 'afgewezen'") == 2);
	CHECK(bt_beschik(&w, t[1], true, NULL, &rc, &e) == 0 && rc == RC_CONFLICT && heeft_code(&e, "al_beschikt"));
	/* the losers' reservations are voided, 2027 has their money back */
	struct rekening r27 = bt_saldo(&w, "zvw/ai/2027"), r28 = bt_saldo(&w, "zvw/ai/2028");
	CHECK(r27.debet_gereserveerd_cent == 0 && rekening_ruimte_cent(&r27) == MLN(3));
	CHECK(rekening_ruimte_cent(&r28) == MLN(0.5));
	CHECK(bt_herspeel(&w));
	wereld_sluit(&w);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN(standaard_jaren);
	RUN(nza_aanvraag_lezen);
	RUN(toetspunten);
	RUN(bedragen_in_woorden);
	RUN(datums_in_het_nederlands);
	RUN_DB(beschikking_verlenen_en_afwijzen);
	RUN_DB(lopende_aanvragen_die_niet_meer_passen);
	return HARNESS_END();
}
