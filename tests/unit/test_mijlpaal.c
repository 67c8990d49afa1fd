/* test_mijlpaal.c -- milestones as prestaties: ids and bodies; and on both
 * backends reporting and paying: only a reported milestone, once, the
 * planned amount by default, never above what is left of the upper bound
 * -- also under a seeded random sequence of payments against a reference
 * sum -- with the ledger unchanged by every refusal and replaying. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "testdb.h"
#include "beschikking_testdata.h"

TEST(mijlpaal_ids_en_bodies)
{
	CHECK(mijlpaal_id_geldig("m1") && mijlpaal_id_geldig("livegang_2027-q3"));
	CHECK(!mijlpaal_id_geldig("") && !mijlpaal_id_geldig("M1") && !mijlpaal_id_geldig("m/1") &&
	      !mijlpaal_id_geldig("m 1") && !mijlpaal_id_geldig(NULL));
	char lang[80];
	memset(lang, 'a', 65);
	lang[65] = '\0';
	CHECK(!mijlpaal_id_geldig(lang));
	struct error e;
	error_clear(&e);
	const char *bewijs, *kenmerk;
	json_t *b = json_pack("{s:s}", "bewijs", "  ");
	CHECK(mijlpaal_lees_melding(b, &bewijs, &kenmerk, &e) == RC_INVALID && heeft_code(&e, "bewijs_ontbreekt"));
	json_decref(b);
	error_clear(&e);
	b = json_pack("{s:s, s:s}", "bewijs", "Verslag", "kenmerk", "K-1");
	CHECK(mijlpaal_lees_melding(b, &bewijs, &kenmerk, &e) == RC_OK && strcmp(kenmerk, "K-1") == 0);
	json_decref(b);
	bool gegeven;
	int64_t bedrag;
	error_clear(&e);
	b = json_pack("{s:i}", "bedrag_cent", -3);
	CHECK(mijlpaal_lees_betaling(b, &gegeven, &bedrag, &e) == RC_INVALID);
	json_decref(b);
	error_clear(&e);
	b = json_object();
	CHECK(mijlpaal_lees_betaling(b, &gegeven, &bedrag, &e) == RC_OK && !gegeven);
	json_decref(b);
}

/* A granted beschikking for a new application with upper bound `bovengrens`. */
static int64_t verleend(struct wereld *w, int64_t bovengrens, int64_t *aanvraag)
{
	struct error e;
	rc_t rc;
	*aanvraag = bt_positief(w);
	static struct hulp h;
	memset(&h, 0, sizeof h);
	bt_geld(&h, "ai", 2027, MLN(5));
	bt_grant(&h, *aanvraag, 2027, MLN(5));
	if (!*aanvraag || !bt_toekennen(w, &h))
		return 0;
	int64_t t = bt_gezamenlijk(w, *aanvraag, bovengrens, NULL, 0, &rc, &e);
	return t ? bt_beschik(w, t, true, NULL, &rc, &e) : 0;
}

static rc_t betaal(struct wereld *w, const struct principal *who, int64_t b, const char *m, int64_t bedrag,
		   struct error *e)
{
	struct mijlpaal uit;
	error_clear(e);
	return mijlpaal_betaal(w->s, who, &w->klok, b, m, bedrag > 0, bedrag, &w->a, &uit, e);
}

static rc_t meld(struct wereld *w, const struct principal *who, int64_t b, const char *m, struct error *e)
{
	error_clear(e);
	return mijlpaal_meld(w->s, who, &w->klok, b, m, "Bewijs: verslag.", NULL, e);
}

DBTEST(melden_en_betalen)
{
	struct wereld w;
	if (!wereld_open(&w, url)) {
		CHECK(false);
		wereld_sluit(&w);
		return;
	}
	struct error e;
	int64_t aanvraag = 0, b = verleend(&w, MLN(4), &aanvraag);
	CHECK(b > 0);
	char project[64];
	snprintf(project, sizeof project, "project/%" PRId64, aanvraag);
	CHECK(betaal(&w, &w.coordinerend, b, "m1", 0, &e) == RC_CONFLICT && heeft_code(&e, "niet_gemeld"));
	CHECK(meld(&w, &w.coordinerend, b, "m1", &e) == RC_FORBIDDEN);
	CHECK(meld(&w, &w.derde, b, "m1", &e) == RC_NOT_FOUND);
	CHECK(meld(&w, &w.penvoerder, b, "m9", &e) == RC_NOT_FOUND);
	for (const char *m = "12345"; *m; m++) {
		char id[4] = {'m', *m, 0};
		CHECK(meld(&w, &w.penvoerder, b, id, &e) == RC_OK);
	}
	CHECK(meld(&w, &w.penvoerder, b, "m1", &e) == RC_CONFLICT && heeft_code(&e, "al_gemeld"));
	CHECK(betaal(&w, &w.penvoerder, b, "m1", 0, &e) == RC_FORBIDDEN);
	CHECK(betaal(&w, &w.tweede, b, "m1", 0, &e) == RC_FORBIDDEN);
	/* the fund's years [003 §8b]: not before 2027, not after 2029; nothing booked */
	int64_t nu = w.nu_us, buiten;
	CHECK(klok_lees("2026-12-31T23:59:59.999999Z", &buiten));
	w.nu_us = buiten;
	CHECK(betaal(&w, &w.coordinerend, b, "m1", 0, &e) == RC_CONFLICT && heeft_code(&e, "buiten_fondsjaren"));
	CHECK(e.item_count == 1 && strstr(e.items[0].detail, "vanaf 1 januari 2027") &&
	      strcmp(e.items[0].bron, "[003 §8b], [002 §1]") == 0);
	CHECK(klok_lees("2030-01-01T00:00:00Z", &buiten));
	w.nu_us = buiten;
	CHECK(betaal(&w, &w.coordinerend, b, "m1", 0, &e) == RC_CONFLICT && heeft_code(&e, "buiten_fondsjaren"));
	CHECK(wereld_tel(&w, "SELECT count(*) FROM mijlpaal_betaling") == 0);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM auditlog WHERE actie = 'mijlpaal.betaal' AND detail LIKE '%buiten_fondsjaren%'") == 2);
	w.nu_us = nu;
	CHECK(betaal(&w, &w.coordinerend, b, "m1", 0, &e) == RC_OK);          /* 1.00 planned */
	CHECK(bt_saldo(&w, project).debet_geboekt_cent == MLN(1));
	CHECK(bt_saldo(&w, "verzekeraar/9801/betaald").credit_geboekt_cent == MLN(1));
	CHECK(betaal(&w, &w.coordinerend, b, "m1", 0, &e) == RC_CONFLICT && heeft_code(&e, "al_betaald"));
	CHECK(betaal(&w, &w.coordinerend, b, "m1", 5, &e) == RC_CONFLICT && heeft_code(&e, "al_betaald"));
	CHECK(betaal(&w, &w.coordinerend, b, "m2", MLN(3) + 1, &e) == RC_CONFLICT &&
	      heeft_code(&e, "boven_bovengrens"));
	CHECK(bt_saldo(&w, project).debet_geboekt_cent == MLN(1));
	CHECK(betaal(&w, &w.coordinerend, b, "m2", MLN(3), &e) == RC_OK);      /* exactly what is left */
	CHECK(betaal(&w, &w.coordinerend, b, "m3", 1, &e) == RC_CONFLICT && heeft_code(&e, "boven_bovengrens"));
	CHECK(bt_saldo(&w, project).debet_geboekt_cent == MLN(4));
	CHECK(wereld_tel(&w, "SELECT count(*) FROM mijlpaal_betaling WHERE jaar = 2027") == 2);
	CHECK(wereld_tel(&w, "SELECT count(*) FROM auditlog WHERE actie = 'mijlpaal.betaal' AND resultaat = 'gelukt'") == 2);
	CHECK(bt_herspeel(&w));
	wereld_sluit(&w);
}

/* Random tariffs against a reference sum: a payment is accepted exactly
 * when it fits what is left, and the total never exceeds the upper bound. */
DBTEST(willekeurige_tarieven)
{
	struct wereld w;
	if (!wereld_open(&w, url)) {
		CHECK(false);
		wereld_sluit(&w);
		return;
	}
	const char *env = getenv("DOORBRAAK_SEED");
	unsigned seed = env ? (unsigned)strtoul(env, NULL, 10) : (unsigned)time(NULL);
	printf("  (seed %u)\n", seed);
	srand(seed);
	struct error e;
	int64_t aanvraag, b = verleend(&w, MLN(2.5), &aanvraag);
	CHECK(b > 0);
	int64_t betaald = 0;
	static const char *const ids[] = {"m1", "m2", "m3", "m4", "m5"};
	for (size_t i = 0; i < 5; i++) {
		CHECK(meld(&w, &w.penvoerder, b, ids[i], &e) == RC_OK);
		int64_t bedrag = 1 + (int64_t)(rand() % 120) * MLN(0.01);
		rc_t rc = betaal(&w, &w.coordinerend, b, ids[i], bedrag, &e);
		bool past = betaald + bedrag <= MLN(2.5);
		CHECK(past ? rc == RC_OK : (rc == RC_CONFLICT && heeft_code(&e, "boven_bovengrens")));
		if (rc == RC_OK)
			betaald += bedrag;
	}
	char project[64];
	snprintf(project, sizeof project, "project/%" PRId64, aanvraag);
	struct rekening p = bt_saldo(&w, project);
	CHECK(p.debet_geboekt_cent == betaald && betaald <= p.credit_geboekt_cent);
	CHECK(bt_herspeel(&w));
	wereld_sluit(&w);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN(mijlpaal_ids_en_bodies);
	RUN_DB(melden_en_betalen);
	RUN_DB(willekeurige_tarieven);
	return HARNESS_END();
}
