/*
 * test_bestuursbesluit.c -- the board's decision on both
 * backends: adopting a scenario stores the decision, its grants, the
 * ledger tree with its funding and the reservations, and the audit record
 * in one transaction -- or, when any part is refused, nothing at all.
 *
 * Every test starts from a fresh database with the demo data, which holds
 * a closed round with eight positively assessed applications and four
 * scenarios on it (demo_verdeling.c). Failures are provoked on purpose:
 * a reservation key taken before with other fields (the last entries of
 * the transaction), a theme account drained before (the first ledger
 * entries), a round decided before, and four decisions on one round at
 * the same moment from four connections.
 */
#include <inttypes.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "testdb.h"

#include "core/basis/audit.h"
#include "core/verdeling/bestuursbesluit.h"
#include "core/catalogus/catalogus.h"
#include "core/demo/demo.h"
#include "core/geld/grootboek.h"
#include "core/verdeling/verdeelscenario.h"

#define RONDE "Demoronde verdeling 2026 (beoordeeld)"

struct tel_ctx {
	const char *sql;
	int64_t n;
};

static rc_t tel_tx(struct store *s, void *ctx, struct error *e)
{
	struct tel_ctx *c = ctx;
	return store_query_int(s, c->sql, NULL, 0, &c->n, e);
}

/* The single number `sql` answers; -1 on failure. */
static int64_t tel(struct store *s, const char *sql)
{
	struct error e;
	error_clear(&e);
	struct tel_ctx c = {sql, -1};
	if (store_tx(s, STORE_READ, tel_tx, &c, &e) != RC_OK) {
		printf("  (%s: %s)\n", sql, e.message);
		return -1;
	}
	return c.n;
}

/* Everything a refused decision must leave as it was. */
struct stand {
	int64_t besluiten, toekenningen, boekingen, rekeningen, audit, gereserveerd;
};

static struct stand stand_van(struct store *s)
{
	return (struct stand){
		tel(s, "SELECT count(*) FROM bestuursbesluit"),
		tel(s, "SELECT count(*) FROM toekenning"),
		tel(s, "SELECT count(*) FROM grootboek_boeking"),
		tel(s, "SELECT count(*) FROM grootboek_rekening"),
		tel(s, "SELECT count(*) FROM auditlog WHERE resultaat = 'gelukt'"),
		tel(s, "SELECT COALESCE(SUM(debet_gereserveerd_cent), 0) FROM grootboek_rekening"),
	};
}

static bool stand_gelijk(const struct stand *a, const struct stand *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

/* A fresh database with the demo data; *ronde the demo round of the board's step
 * and *scenario its scenario `naam`. */
static struct store *wereld(const char *url, int64_t *ronde, const char *naam, int64_t *scenario)
{
	struct store *s = testdb_open_migrated(url);
	if (!s)
		return NULL;
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, 16u << 20);
	struct indieningsronde r;
	rc_t rc = catalogus_laad_standaard(s, NULL, &e);
	if (rc == RC_OK)
		rc = demo_laad(s, false, &e);
	if (rc == RC_OK)
		rc = indieningsronde_zoek_demo(s, &a, RONDE, &r, &e);
	if (rc == RC_OK)
		rc = verdeelscenario_zoek(s, r.id, naam, scenario, &e);
	if (rc == RC_OK)
		*ronde = r.id;
	arena_release(&a);
	if (rc != RC_OK) {
		printf("  failed: demo data: %s\n", e.message);
		harness_failed_checks++;
		store_close(s);
		return NULL;
	}
	return s;
}

static rc_t neem(struct store *s, int64_t scenario, struct error *e)
{
	struct principal bestuur = {.roles = ROL_BESTUUR, .actor = "test-bestuur"};
	struct bestuursbesluit_invoer in = {scenario, "Meeste fte binnen de budgetten."};
	struct arena a;
	arena_init(&a, 256u << 20);
	int64_t id = 0;
	error_clear(e);
	rc_t rc = bestuursbesluit_neem(s, &bestuur, NULL, &in, &a, &id, e);
	arena_release(&a);
	return rc;
}

static bool heeft_code(const struct error *e, const char *code)
{
	for (size_t i = 0; i < e->item_count; i++)
		if (strcmp(e->items[i].code, code) == 0)
			return true;
	return false;
}

/* The first application the scenario grants money to, and a year. */
static bool eerste_toekenning(struct store *s, int64_t scenario, char *id, size_t n, int64_t *jaar)
{
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, 256u << 20);
	struct verdeelscenario v;
	struct verdeling_resultaat *r = NULL;
	bool ok = verdeelscenario_open(s, &a, scenario, &v, &e) == RC_OK &&
		  verdeelscenario_herbereken(&v, &a, &r, &e) == RC_OK;
	bool gevonden = false;
	for (size_t i = 0; ok && !gevonden && i < r->kandidaat_aantal; i++)
		for (size_t y = r->scenario.jaar_aantal; !gevonden && y-- > 0;)
			if (r->uitkomsten[i].toegekend_cent[y] > 0) {
				snprintf(id, n, "%s", r->kandidaten[i].id);
				*jaar = r->scenario.jaren[y].jaar;
				gevonden = true;
			}
	arena_release(&a);
	return gevonden;
}

/* The last reservation of the transaction cannot be booked: its key was
 * used before with other fields. Everything before it -- the decision,
 * the grants, the accounts, the funding, the other chains -- is gone too. */
DBTEST(weigering_als_laatste_boeking)
{
	int64_t ronde = 0, scenario = 0;
	struct store *s = wereld(url, &ronde, "Demo: krap budget, optimaal", &scenario);
	if (!s)
		return;
	char id[32];
	int64_t jaar = 0;
	CHECK(eerste_toekenning(s, scenario, id, sizeof id, &jaar));
	char sleutel[64];
	snprintf(sleutel, sizeof sleutel, "toekenning/%s/%" PRId64, id, jaar);
	struct error e;
	error_clear(&e);
	struct rekening_def bron = {"test/bron", "Testbron", REKENING_BRON, 0};
	struct rekening_def doel = {"test/doel", "Testdoel", REKENING_OVERIG, 0};
	int64_t rid;
	CHECK(grootboek_rekening_open_apart(s, "test", &bron, &rid, &e) == RC_OK);
	CHECK(grootboek_rekening_open_apart(s, "test", &doel, &rid, &e) == RC_OK);
	struct boeking bezet = {sleutel, BOEKING_DIRECT, "test/bron", "test/doel", 1, NULL, NULL, NULL, false};
	struct boeking_resultaat res;
	CHECK(grootboek_boek_apart(s, "test", &bezet, 1, &res, &e) == RC_OK);
	struct stand voor = stand_van(s);
	rc_t rc = neem(s, scenario, &e);
	CHECK(rc == RC_CONFLICT);
	CHECK(heeft_code(&e, "bestaat_met_andere_velden"));
	struct stand na = stand_van(s);
	CHECK(stand_gelijk(&voor, &na));
	CHECK(tel(s, "SELECT count(*) FROM grootboek_rekening WHERE code LIKE 'project/%'") == 0);
	CHECK(tel(s, "SELECT count(*) FROM auditlog WHERE actie = 'bestuursbesluit.neem' AND resultaat = 'geweigerd'") == 1);
	struct audit_verify_result av;
	CHECK(audit_verify(s, &av, &e) == RC_OK && av.broken_at == 0);
	store_close(s);
}

/* The theme's money went elsewhere before: the funding of the first year
 * account is refused (a cap [002 §4.1]) and nothing is stored. */
DBTEST(weigering_als_eerste_boeking)
{
	int64_t ronde = 0, scenario = 0;
	struct store *s = wereld(url, &ronde, "Demo: optimaal binnen de richtbedragen", &scenario);
	if (!s)
		return;
	struct error e;
	error_clear(&e);
	int64_t rid;
	struct rekening_def defs[] = {
		{"bron/zvw", "Bron van de Zvw-doorbraakmiddelen", REKENING_BRON, 0},
		{"zvw", "Zvw-macrokader 2027-2029", REKENING_POT, REKENING_DEBET_BEGRENSD},
		{"zvw/ai", "Zvw-thema ai", REKENING_THEMA, REKENING_DEBET_BEGRENSD},
		{"elders", "Elders", REKENING_OVERIG, 0},
	};
	for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
		CHECK(grootboek_rekening_open_apart(s, "test", &defs[i], &rid, &e) == RC_OK);
	struct boeking b[] = {
		{"macrokader/zvw/1", BOEKING_DIRECT, "bron/zvw", "zvw", INT64_C(60000000000), NULL,
		 "macrokader", "Het Zvw-macrokader 2027-2029 [001 §3]", false},
		{"thema/ai/richtbedrag/1", BOEKING_DIRECT, "zvw", "zvw/ai", INT64_C(27500000000), NULL,
		 "richtbedrag", "Themabudget ai, catalogusversie 1 [002 §4.1]", false},
		{"test/weg", BOEKING_DIRECT, "zvw/ai", "elders", INT64_C(27500000000) - 100, NULL, NULL, NULL, false},
	};
	struct boeking_resultaat res[3];
	CHECK(grootboek_boek_apart(s, "test", b, 3, res, &e) == RC_OK);
	struct stand voor = stand_van(s);
	rc_t rc = neem(s, scenario, &e);
	CHECK(rc == RC_CONFLICT);
	CHECK(heeft_code(&e, "onvoldoende_saldo"));
	bool bron = false;
	for (size_t i = 0; i < e.item_count; i++)
		bron = bron || (strcmp(e.items[i].code, "onvoldoende_saldo") == 0 &&
				strncmp(e.items[i].field, "thema/ai/", 9) == 0 && strstr(e.items[i].bron, "[002 §4.1]"));
	CHECK(bron);
	struct stand na = stand_van(s);
	CHECK(stand_gelijk(&voor, &na));
	store_close(s);
}

/* The decision is adopted: the grants equal the reservations, the ledger
 * replays, the chain is intact; a second decision is refused and changes
 * nothing; the rows never change. */
DBTEST(besluit_genomen)
{
	int64_t ronde = 0, scenario = 0, ander = 0;
	struct store *s = wereld(url, &ronde, "Demo: krap budget, optimaal", &scenario);
	if (!s)
		return;
	struct error e;
	CHECK(neem(s, scenario, &e) == RC_OK);
	CHECK(tel(s, "SELECT count(*) FROM bestuursbesluit") == 1);
	CHECK(tel(s, "SELECT COALESCE(SUM(bedrag_cent), 0) FROM toekenning") ==
	      tel(s, "SELECT COALESCE(SUM(bedrag_cent), 0) FROM grootboek_boeking WHERE soort = 'reservering'"));
	CHECK(tel(s, "SELECT count(*) FROM toekenning") ==
	      tel(s, "SELECT count(*) FROM grootboek_boeking WHERE sleutel LIKE 'toekenning/%'"));
	CHECK(tel(s, "SELECT COALESCE(SUM(bedrag_cent), 0) FROM toekenning") ==
	      tel(s, "SELECT toegekend_cent FROM bestuursbesluit"));
	/* every year account holds exactly what it reserved */
	CHECK(tel(s, "SELECT count(*) FROM grootboek_rekening WHERE soort = 'jaar'"
		     " AND credit_geboekt_cent <> debet_gereserveerd_cent") == 0);
	CHECK(tel(s, "SELECT count(*) FROM auditlog WHERE actie = 'bestuursbesluit.neem' AND resultaat = 'gelukt'") == 1);
	struct grootboek_herspeling h;
	CHECK(grootboek_herspeel(s, &h, &e) == RC_OK && h.klopt);
	struct audit_verify_result av;
	CHECK(audit_verify(s, &av, &e) == RC_OK && av.broken_at == 0);
	struct stand voor = stand_van(s);
	CHECK(verdeelscenario_zoek(s, ronde, "Demo: krap budget, rangorde", &ander, &e) == RC_OK);
	CHECK(neem(s, ander, &e) == RC_CONFLICT && heeft_code(&e, "besluit_bestaat"));
	struct stand na = stand_van(s);
	CHECK(stand_gelijk(&voor, &na));
	/* immutable, also for a direct UPDATE or DELETE */
	struct tel_ctx c = {"UPDATE toekenning SET bedrag_cent = 1 RETURNING 1", 0};
	CHECK(store_tx(s, STORE_WRITE, tel_tx, &c, &e) != RC_OK);
	c.sql = "DELETE FROM bestuursbesluit RETURNING 1";
	CHECK(store_tx(s, STORE_WRITE, tel_tx, &c, &e) != RC_OK);
	c.sql = "UPDATE verdeelscenario SET naam = 'x' RETURNING 1";
	CHECK(store_tx(s, STORE_WRITE, tel_tx, &c, &e) != RC_OK);
	CHECK(tel(s, "SELECT count(*) FROM bestuursbesluit") == 1);
	store_close(s);
}

struct gelijktijdig {
	const char *url;
	int64_t scenario;
	rc_t rc;
	char code[48];
};

static void *gelijktijdig_neem(void *arg)
{
	struct gelijktijdig *g = arg;
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	g->rc = store_open(g->url, &s, &e);
	if (g->rc == RC_OK)
		g->rc = neem(s, g->scenario, &e);
	snprintf(g->code, sizeof g->code, "%s", e.item_count ? e.items[0].code : "");
	store_close(s);
	return NULL;
}

/* Four decisions on one round at once, each on its own connection:
 * exactly one is taken, the others are refused "besluit_bestaat". */
DBTEST(gelijktijdig_een_besluit)
{
	int64_t ronde = 0, scenario = 0;
	struct store *s = wereld(url, &ronde, "Demo: krap budget, optimaal", &scenario);
	if (!s)
		return;
	static const char *const namen[] = {"Demo: optimaal binnen de richtbedragen", "Demo: krap budget, rangorde",
					    "Demo: krap budget, pro rata", "Demo: krap budget, optimaal"};
	struct gelijktijdig g[4];
	pthread_t t[4];
	struct error e;
	error_clear(&e);
	for (size_t i = 0; i < 4; i++) {
		g[i] = (struct gelijktijdig){.url = url};
		CHECK(verdeelscenario_zoek(s, ronde, namen[i], &g[i].scenario, &e) == RC_OK);
	}
	for (size_t i = 0; i < 4; i++)
		CHECK(pthread_create(&t[i], NULL, gelijktijdig_neem, &g[i]) == 0);
	int genomen = 0, geweigerd = 0;
	for (size_t i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		genomen += g[i].rc == RC_OK;
		geweigerd += g[i].rc == RC_CONFLICT && strcmp(g[i].code, "besluit_bestaat") == 0;
	}
	CHECK(genomen == 1);
	CHECK(geweigerd == 3);
	CHECK(tel(s, "SELECT count(*) FROM bestuursbesluit") == 1);
	CHECK(tel(s, "SELECT COALESCE(SUM(bedrag_cent), 0) FROM toekenning") ==
	      tel(s, "SELECT COALESCE(SUM(debet_gereserveerd_cent), 0) FROM grootboek_rekening"));
	struct grootboek_herspeling h;
	CHECK(grootboek_herspeel(s, &h, &e) == RC_OK && h.klopt);
	store_close(s);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN_DB(weigering_als_laatste_boeking);
	RUN_DB(weigering_als_eerste_boeking);
	RUN_DB(besluit_genomen);
	RUN_DB(gelijktijdig_een_besluit);
	return HARNESS_END();
}
