/* test_grootboek.c -- the budget ledger on both backends: accounts,
 * direct entries and caps, idempotent retries, reservations posted (in
 * full or for less) or voided exactly once, linked chains, the order of
 * precedence of result codes, immutability, concurrency on one capped
 * account, replay, the hledger export, and the Zvw track end to end.
 * The long random workload is in test_grootboek_invariant.c. */
#include <pthread.h>
#include <sodium.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "testdb.h"

#include "core/basis/audit.h"
#include "core/geld/grootboek.h"

#define EUR(x) ((int64_t)(x) * 100)
#define MLN(x) ((int64_t)(x) * 100000000)

/* ---- helpers -------------------------------------------------------- */

static bool rek(struct store *s, const char *code, enum rekening_soort soort, unsigned vlaggen)
{
	struct error e;
	error_clear(&e);
	int64_t id = 0;
	struct rekening_def def = {.code = code, .naam = code, .soort = soort, .vlaggen = vlaggen};
	rc_t rc = grootboek_rekening_open_apart(s, "test", &def, &id, &e);
	if (rc != RC_OK)
		printf("  (rekening %s: %s)\n", code, e.message);
	return rc == RC_OK && id > 0;
}

/* Books a batch on its own; returns the rc of grootboek_boek_apart. */
static rc_t boek(struct store *s, const struct boeking *b, size_t n, struct boeking_resultaat *r)
{
	struct error e;
	error_clear(&e);
	return grootboek_boek_apart(s, "test", b, n, r, &e);
}

/* Books one entry and returns its result code. */
static enum grootboek_uitkomst boek1(struct store *s, struct boeking b, int64_t *id)
{
	struct boeking_resultaat r;
	rc_t rc = boek(s, &b, 1, &r);
	if (rc != RC_OK && rc != RC_CONFLICT && rc != RC_INVALID) {
		printf("  (boek %s: rc %s)\n", b.sleutel ? b.sleutel : "-", rc_name(rc));
		return GROOTBOEK_UITKOMST__COUNT;
	}
	if (id)
		*id = r.boeking_id;
	return r.uitkomst;
}

static struct boeking direct(const char *sleutel, const char *debet, const char *credit, int64_t bedrag)
{
	return (struct boeking){.sleutel = sleutel, .soort = BOEKING_DIRECT, .debet = debet,
				.credit = credit, .bedrag_cent = bedrag, .code = "test"};
}

static struct boeking reserveer(const char *sleutel, const char *debet, const char *credit, int64_t bedrag)
{
	struct boeking b = direct(sleutel, debet, credit, bedrag);
	b.soort = BOEKING_RESERVERING;
	return b;
}

static struct boeking post(const char *sleutel, const char *reservering, int64_t bedrag)
{
	return (struct boeking){.sleutel = sleutel, .soort = BOEKING_VAN_RESERVERING,
				.reservering = reservering, .bedrag_cent = bedrag, .code = "test"};
}

static struct boeking vrijgave(const char *sleutel, const char *reservering)
{
	return (struct boeking){.sleutel = sleutel, .soort = BOEKING_VRIJGAVE,
				.reservering = reservering, .code = "test"};
}

/* The four balances of `code`, or all -1 when it cannot be read. */
static struct rekening saldo(struct store *s, const char *code)
{
	struct rekening r;
	struct error e;
	error_clear(&e);
	if (grootboek_saldo(s, code, &r, &e) != RC_OK) {
		printf("  (saldo %s: %s)\n", code, e.message);
		memset(&r, 0xff, sizeof r);
	}
	return r;
}

static bool saldi_zijn(struct store *s, const char *code, int64_t dg, int64_t cg, int64_t dr, int64_t cr)
{
	struct rekening r = saldo(s, code);
	bool ok = r.debet_geboekt_cent == dg && r.credit_geboekt_cent == cg &&
		  r.debet_gereserveerd_cent == dr && r.credit_gereserveerd_cent == cr;
	if (!ok)
		printf("  (%s: %lld %lld %lld %lld, verwacht %lld %lld %lld %lld)\n", code,
		       (long long)r.debet_geboekt_cent, (long long)r.credit_geboekt_cent,
		       (long long)r.debet_gereserveerd_cent, (long long)r.credit_gereserveerd_cent,
		       (long long)dg, (long long)cg, (long long)dr, (long long)cr);
	return ok;
}

/* Number of entries in the log; -1 on error. */
static int64_t aantal_boekingen(struct store *s)
{
	struct arena a;
	arena_init(&a, 64u << 20);
	struct boeking_regel *r;
	size_t n = 0;
	int64_t totaal = 0, na = 0;
	struct error e;
	error_clear(&e);
	for (;;) {
		if (grootboek_boekingen(s, na, GROOTBOEK_PAGINA_MAX, &a, &r, &n, &e) != RC_OK)
			return arena_release(&a), -1;
		totaal += (int64_t)n;
		if (n < GROOTBOEK_PAGINA_MAX)
			break;
		na = r[n - 1].id;
	}
	arena_release(&a);
	return totaal;
}

static bool herspeelt(struct store *s)
{
	struct grootboek_herspeling h;
	struct error e;
	error_clear(&e);
	if (grootboek_herspeel(s, &h, &e) != RC_OK) {
		printf("  (herspeel: %s)\n", e.message);
		return false;
	}
	if (!h.klopt)
		printf("  (herspeel: %s)\n", h.reden);
	return h.klopt;
}

/* A fresh migrated store with a funded capped pot "pot" (EUR 1000), an
 * uncapped source "bron" and uncapped sinks "a" and "b". */
static struct store *met_pot(const char *url)
{
	struct store *s = testdb_open_migrated(url);
	if (!s)
		return NULL;
	bool ok = rek(s, "bron", REKENING_BRON, 0) && rek(s, "pot", REKENING_POT, REKENING_DEBET_BEGRENSD) &&
		  rek(s, "a", REKENING_OVERIG, 0) && rek(s, "b", REKENING_OVERIG, 0) &&
		  boek1(s, direct("storting", "bron", "pot", EUR(1000)), NULL) == GROOTBOEK_OK;
	CHECK(ok);
	if (!ok) {
		store_close(s);
		return NULL;
	}
	return s;
}

/* ---- accounts ------------------------------------------------------- */

DBTEST(rekening_openen)
{
	struct store *s = testdb_open_migrated(url);
	if (!s)
		return;
	struct error e;
	error_clear(&e);
	int64_t id1 = 0, id2 = 0;
	struct rekening_def def = {"zvw/2027", "Zvw 2027", REKENING_JAAR, REKENING_DEBET_BEGRENSD};
	CHECK(grootboek_rekening_open_apart(s, "test", &def, &id1, &e) == RC_OK && id1 > 0);
	/* idempotent */
	CHECK(grootboek_rekening_open_apart(s, "test", &def, &id2, &e) == RC_OK && id2 == id1);
	/* the same code with other fields */
	struct rekening_def ander = def;
	ander.vlaggen = 0;
	error_clear(&e);
	CHECK(grootboek_rekening_open_apart(s, "test", &ander, &id2, &e) == RC_CONFLICT);
	CHECK(e.item_count == 1 && strcmp(e.items[0].code, "bestaat_met_andere_velden") == 0);
	/* every problem at once */
	struct rekening_def fout = {"Zvw//x", "", REKENING_SOORT__COUNT, 3};
	error_clear(&e);
	CHECK(grootboek_rekening_open_apart(s, "test", &fout, &id2, &e) == RC_INVALID);
	CHECK(e.item_count == 4);
	struct rekening r = saldo(s, "zvw/2027");
	CHECK(r.id == id1 && r.soort == REKENING_JAAR && r.vlaggen == REKENING_DEBET_BEGRENSD);
	CHECK(strcmp(r.naam, "Zvw 2027") == 0 && r.debet_geboekt_cent == 0 && r.credit_geboekt_cent == 0);
	CHECK(rekening_ruimte_cent(&r) == 0);
	error_clear(&e);
	CHECK(grootboek_saldo(s, "bestaat/niet", &r, &e) == RC_NOT_FOUND);
	store_close(s);
}

/* ---- direct entries and caps ---------------------------------------- */

DBTEST(direct_en_begrensd)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	CHECK(saldi_zijn(s, "pot", 0, EUR(1000), 0, 0));
	CHECK(saldi_zijn(s, "bron", EUR(1000), 0, 0, 0));
	int64_t id = 0;
	CHECK(boek1(s, direct("b1", "pot", "a", EUR(600)), &id) == GROOTBOEK_OK && id > 0);
	/* exactly what is left fits; one cent more does not */
	struct boeking_resultaat r;
	struct boeking teveel = direct("b2", "pot", "a", EUR(400) + 1);
	struct error e;
	error_clear(&e);
	CHECK(grootboek_boek_apart(s, "test", &teveel, 1, &r, &e) == RC_CONFLICT);
	CHECK(r.uitkomst == GROOTBOEK_ONVOLDOENDE_SALDO && r.ruimte_cent == EUR(400) && r.boeking_id == 0);
	CHECK(r.rekening_soort == REKENING_POT);
	CHECK(e.item_count == 1 && strcmp(e.items[0].field, "/boekingen/0") == 0);
	CHECK(strcmp(e.items[0].code, "onvoldoende_saldo") == 0);
	CHECK(strcmp(e.items[0].bron, "[001 §3, §7]") == 0);
	CHECK(strstr(e.items[0].detail, "400,00") != NULL);
	CHECK(saldi_zijn(s, "pot", EUR(600), EUR(1000), 0, 0));
	CHECK(boek1(s, direct("b3", "pot", "a", EUR(400)), NULL) == GROOTBOEK_OK);
	CHECK(saldi_zijn(s, "pot", EUR(1000), EUR(1000), 0, 0));
	CHECK(boek1(s, direct("b4", "pot", "a", 1), NULL) == GROOTBOEK_ONVOLDOENDE_SALDO);
	/* an uncapped account may go below zero; money flows back */
	CHECK(boek1(s, direct("b5", "a", "pot", EUR(5)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, direct("b6", "b", "a", EUR(5000)), NULL) == GROOTBOEK_OK);
	CHECK(saldi_zijn(s, "b", EUR(5000), 0, 0, 0));
	CHECK(aantal_boekingen(s) == 5);
	CHECK(herspeelt(s));
	store_close(s);
}

/* The mirror cap: credits must not exceed debits. */
DBTEST(credit_begrensd)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	CHECK(rek(s, "plafond", REKENING_OVERIG, REKENING_CREDIT_BEGRENSD));
	CHECK(boek1(s, direct("c1", "a", "plafond", 1), NULL) == GROOTBOEK_CREDIT_BOVEN_DEBET);
	CHECK(boek1(s, direct("c2", "plafond", "a", EUR(10)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, reserveer("c3", "a", "plafond", EUR(6)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, direct("c4", "a", "plafond", EUR(5)), NULL) == GROOTBOEK_CREDIT_BOVEN_DEBET);
	CHECK(boek1(s, direct("c5", "a", "plafond", EUR(4)), NULL) == GROOTBOEK_OK);
	CHECK(saldi_zijn(s, "plafond", EUR(10), EUR(4), 0, EUR(6)));
	CHECK(herspeelt(s));
	store_close(s);
}

/* ---- idempotency ------------------------------------------------------ */

DBTEST(idempotent)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	int64_t id = 0, id2 = 0;
	CHECK(boek1(s, direct("beschikking/1/betaling", "pot", "a", EUR(10)), &id) == GROOTBOEK_OK);
	/* a retry books nothing and names the original */
	CHECK(boek1(s, direct("beschikking/1/betaling", "pot", "a", EUR(10)), &id2) == GROOTBOEK_BESTAAT);
	CHECK(id2 == id);
	/* the description is prose and not compared */
	struct boeking anders = direct("beschikking/1/betaling", "pot", "a", EUR(10));
	anders.omschrijving = "opnieuw verstuurd";
	CHECK(boek1(s, anders, NULL) == GROOTBOEK_BESTAAT);
	/* the same key with other fields is refused, the ledger unchanged */
	struct boeking_resultaat r;
	struct boeking ander = direct("beschikking/1/betaling", "pot", "a", EUR(11));
	struct error e;
	error_clear(&e);
	CHECK(grootboek_boek_apart(s, "test", &ander, 1, &r, &e) == RC_CONFLICT);
	CHECK(r.uitkomst == GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN && r.boeking_id == id);
	CHECK(strcmp(e.items[0].code, "bestaat_met_andere_velden") == 0);
	CHECK(boek1(s, direct("beschikking/1/betaling", "pot", "b", EUR(10)), NULL) ==
	      GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN);
	CHECK(boek1(s, reserveer("beschikking/1/betaling", "pot", "a", EUR(10)), NULL) ==
	      GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN);
	/* a retry is `bestaat` even when it would no longer fit */
	CHECK(boek1(s, direct("rest", "pot", "a", EUR(990)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, direct("beschikking/1/betaling", "pot", "a", EUR(10)), NULL) == GROOTBOEK_BESTAAT);
	/* a duplicate inside one batch */
	struct boeking twee[3] = {direct("d1", "a", "b", 7), direct("d1", "a", "b", 7), direct("d1", "a", "b", 8)};
	struct boeking_resultaat rr[3];
	CHECK(boek(s, twee, 3, rr) == RC_CONFLICT);
	CHECK(rr[0].uitkomst == GROOTBOEK_OK && rr[1].uitkomst == GROOTBOEK_BESTAAT);
	CHECK(rr[1].boeking_id == rr[0].boeking_id && rr[0].boeking_id > 0);
	CHECK(rr[2].uitkomst == GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN);
	CHECK(saldi_zijn(s, "b", 0, 7, 0, 0));
	CHECK(aantal_boekingen(s) == 4);
	CHECK(herspeelt(s));
	store_close(s);
}

/* ---- reservations ------------------------------------------------------ */

DBTEST(reservering_boeken_en_vrijgeven)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	CHECK(boek1(s, reserveer("r1", "pot", "a", EUR(300)), NULL) == GROOTBOEK_OK);
	CHECK(saldi_zijn(s, "pot", 0, EUR(1000), EUR(300), 0));
	CHECK(saldi_zijn(s, "a", 0, 0, 0, EUR(300)));
	/* held money is not available: 700 left */
	CHECK(boek1(s, direct("x", "pot", "b", EUR(701)), NULL) == GROOTBOEK_ONVOLDOENDE_SALDO);
	CHECK(boek1(s, reserveer("r2", "pot", "b", EUR(700)), NULL) == GROOTBOEK_OK);
	/* post for less: the rest is released */
	int64_t pid = 0;
	CHECK(boek1(s, post("r1/post", "r1", EUR(250)), &pid) == GROOTBOEK_OK);
	CHECK(saldi_zijn(s, "pot", EUR(250), EUR(1000), EUR(700), 0));
	CHECK(saldi_zijn(s, "a", 0, EUR(250), 0, 0));
	/* exactly once */
	CHECK(boek1(s, post("r1/post2", "r1", EUR(1)), NULL) == GROOTBOEK_RESERVERING_AL_AFGEHANDELD);
	CHECK(boek1(s, vrijgave("r1/void", "r1"), NULL) == GROOTBOEK_RESERVERING_AL_AFGEHANDELD);
	CHECK(boek1(s, post("r1/post", "r1", EUR(250)), NULL) == GROOTBOEK_BESTAAT);
	/* more than reserved, a void with another amount, other accounts */
	CHECK(boek1(s, post("r2/post", "r2", EUR(700) + 1), NULL) == GROOTBOEK_MEER_DAN_GERESERVEERD);
	struct boeking v = vrijgave("r2/void", "r2");
	v.bedrag_cent = 5;
	CHECK(boek1(s, v, NULL) == GROOTBOEK_BEDRAG_WIJKT_AF_VAN_RESERVERING);
	struct boeking p = post("r2/post", "r2", 5);
	p.credit = "a";
	CHECK(boek1(s, p, NULL) == GROOTBOEK_REKENING_WIJKT_AF_VAN_RESERVERING);
	p.credit = "b";
	p.debet = "pot";
	CHECK(boek1(s, p, NULL) == GROOTBOEK_OK); /* the same accounts named */
	CHECK(boek1(s, post("r3/post", "r-onbekend", 5), NULL) == GROOTBOEK_RESERVERING_ONBEKEND);
	CHECK(boek1(s, post("r4/post", "storting", 5), NULL) == GROOTBOEK_GEEN_RESERVERING);
	/* void in full: amount 0 or exactly the reserved amount */
	CHECK(boek1(s, reserveer("r5", "pot", "b", EUR(100)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, reserveer("r6", "pot", "b", EUR(100)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, vrijgave("r5/void", "r5"), NULL) == GROOTBOEK_OK);
	v = vrijgave("r6/void", "r6");
	v.bedrag_cent = EUR(100);
	CHECK(boek1(s, v, NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, vrijgave("r5/void", "r5"), NULL) == GROOTBOEK_BESTAAT);
	CHECK(saldi_zijn(s, "pot", EUR(250) + 5, EUR(1000), 0, 0));
	/* the log says what was resolved */
	struct arena a;
	arena_init(&a, 1u << 20);
	struct boeking_regel g;
	struct error e;
	error_clear(&e);
	CHECK(grootboek_boeking_bij_sleutel(s, "r6/void", &a, &g, &e) == RC_OK);
	CHECK(g.soort == BOEKING_VRIJGAVE && g.bedrag_cent == EUR(100) && strcmp(g.reservering, "r6") == 0);
	CHECK(strcmp(g.debet, "pot") == 0 && strcmp(g.credit, "b") == 0 && g.reservering_id > 0);
	CHECK(grootboek_boeking_bij_sleutel(s, "r1/post2", &a, &g, &e) == RC_NOT_FOUND);
	arena_release(&a);
	CHECK(herspeelt(s));
	store_close(s);
}

/* A reservation and its post in one batch; a post before its reservation. */
DBTEST(reservering_in_een_opdracht)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	struct boeking b[4] = {post("p0", "r", EUR(1)), reserveer("r", "pot", "a", EUR(10)),
			       post("p1", "r", EUR(4)), vrijgave("p2", "r")};
	struct boeking_resultaat r[4];
	CHECK(boek(s, b, 4, r) == RC_CONFLICT);
	CHECK(r[0].uitkomst == GROOTBOEK_RESERVERING_ONBEKEND);
	CHECK(r[1].uitkomst == GROOTBOEK_OK && r[2].uitkomst == GROOTBOEK_OK);
	CHECK(r[3].uitkomst == GROOTBOEK_RESERVERING_AL_AFGEHANDELD);
	CHECK(saldi_zijn(s, "pot", EUR(4), EUR(1000), 0, 0));
	/* a direct entry's key used as a reservation in the same batch */
	struct boeking c[2] = {direct("d", "pot", "a", 1), post("pd", "d", 1)};
	CHECK(boek(s, c, 2, r) == RC_CONFLICT);
	CHECK(r[0].uitkomst == GROOTBOEK_OK && r[1].uitkomst == GROOTBOEK_GEEN_RESERVERING);
	CHECK(herspeelt(s));
	store_close(s);
}

/* ---- linked chains ------------------------------------------------------- */

DBTEST(gekoppeld)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	int64_t voor = aantal_boekingen(s);
	/* all or nothing: the third fails, so none is booked */
	struct boeking k[3] = {direct("k1", "pot", "a", EUR(100)), reserveer("k2", "pot", "b", EUR(100)),
			       direct("k3", "pot", "a", EUR(801))};
	k[0].gekoppeld = k[1].gekoppeld = true;
	struct boeking_resultaat r[4];
	CHECK(boek(s, k, 3, r) == RC_CONFLICT);
	CHECK(r[0].uitkomst == GROOTBOEK_GEKOPPELDE_BOEKING_MISLUKT);
	CHECK(r[1].uitkomst == GROOTBOEK_GEKOPPELDE_BOEKING_MISLUKT);
	CHECK(r[2].uitkomst == GROOTBOEK_ONVOLDOENDE_SALDO && r[2].ruimte_cent == EUR(800));
	CHECK(r[0].boeking_id == 0 && r[1].boeking_id == 0);
	CHECK(aantal_boekingen(s) == voor);
	CHECK(saldi_zijn(s, "pot", 0, EUR(1000), 0, 0));
	struct arena a;
	arena_init(&a, 1u << 16);
	struct boeking_regel g;
	struct error e;
	error_clear(&e);
	CHECK(grootboek_boeking_bij_sleutel(s, "k1", &a, &g, &e) == RC_NOT_FOUND);
	/* the keys are free again: the corrected chain books */
	k[2].bedrag_cent = EUR(800);
	CHECK(boek(s, k, 3, r) == RC_OK);
	CHECK(r[0].uitkomst == GROOTBOEK_OK && r[1].uitkomst == GROOTBOEK_OK && r[2].uitkomst == GROOTBOEK_OK);
	CHECK(grootboek_boeking_bij_sleutel(s, "k2", &a, &g, &e) == RC_OK);
	CHECK(g.keten && strcmp(g.keten, "k1") == 0);
	arena_release(&a);
	CHECK(saldi_zijn(s, "pot", EUR(900), EUR(1000), EUR(100), 0));
	/* a retried chain exists */
	CHECK(boek(s, k, 3, r) == RC_OK);
	CHECK(r[0].uitkomst == GROOTBOEK_BESTAAT && r[2].uitkomst == GROOTBOEK_BESTAAT);
	/* a chain left open at the end of the batch */
	struct boeking open[2] = {direct("o1", "a", "b", 1), direct("o2", "a", "b", 1)};
	open[0].gekoppeld = open[1].gekoppeld = true;
	CHECK(boek(s, open, 2, r) == RC_INVALID);
	CHECK(r[0].uitkomst == GROOTBOEK_GEKOPPELDE_BOEKING_MISLUKT);
	CHECK(r[1].uitkomst == GROOTBOEK_KETEN_NIET_GESLOTEN);
	/* independent entries around a failed chain still book */
	struct boeking mix[4] = {direct("m1", "a", "b", 1), direct("m2", "a", "b", 1),
				 direct("m3", "a", "a", 1), direct("m4", "a", "b", 1)};
	mix[1].gekoppeld = true;
	CHECK(boek(s, mix, 4, r) == RC_INVALID);
	CHECK(r[0].uitkomst == GROOTBOEK_OK && r[1].uitkomst == GROOTBOEK_GEKOPPELDE_BOEKING_MISLUKT);
	CHECK(r[2].uitkomst == GROOTBOEK_REKENINGEN_GELIJK && r[3].uitkomst == GROOTBOEK_OK);
	CHECK(herspeelt(s));
	store_close(s);
}

/* ---- order of precedence ------------------------------------------------- */

DBTEST(volgorde_van_uitkomsten)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	CHECK(boek1(s, direct("", "pot", "a", 0), NULL) == GROOTBOEK_SLEUTEL_ONGELDIG);
	CHECK(boek1(s, direct("met spatie", "pot", "a", 1), NULL) == GROOTBOEK_SLEUTEL_ONGELDIG);
	/* an existing key wins over every other problem of the request */
	CHECK(boek1(s, direct("storting", "pot", "a", 0), NULL) == GROOTBOEK_BESTAAT_MET_ANDERE_VELDEN);
	struct boeking b = direct("s1", "pot", "a", 0);
	b.soort = BOEKING_SOORT__COUNT;
	CHECK(boek1(s, b, NULL) == GROOTBOEK_SOORT_ONGELDIG);
	b = direct("s1", "onbekend", "onbekend", 0);
	b.omschrijving = "regel\neinde";
	CHECK(boek1(s, b, NULL) == GROOTBOEK_TEKST_ONGELDIG);
	b.omschrijving = "ongeldig \xc3\x28 utf-8";
	CHECK(boek1(s, b, NULL) == GROOTBOEK_TEKST_ONGELDIG);
	b.omschrijving = "geldig: \xc3\xa9\xe2\x82\xac";
	b.code = "Hoofdletter";
	CHECK(boek1(s, b, NULL) == GROOTBOEK_TEKST_ONGELDIG);
	b.code = "ok";
	CHECK(boek1(s, b, NULL) == GROOTBOEK_BEDRAG_NIET_POSITIEF);
	b.bedrag_cent = -5;
	CHECK(boek1(s, b, NULL) == GROOTBOEK_BEDRAG_NIET_POSITIEF);
	b.bedrag_cent = 5;
	b.reservering = "r";
	CHECK(boek1(s, b, NULL) == GROOTBOEK_RESERVERING_NIET_TOEGESTAAN);
	CHECK(boek1(s, post("s1", NULL, 5), NULL) == GROOTBOEK_RESERVERING_ONTBREEKT);
	CHECK(boek1(s, direct("s1", NULL, "a", 5), NULL) == GROOTBOEK_REKENING_ONTBREEKT);
	CHECK(boek1(s, direct("s1", "onbekend", "onbekend", 5), NULL) == GROOTBOEK_REKENINGEN_GELIJK);
	CHECK(boek1(s, direct("s1", "onbekend", "nergens", 5), NULL) == GROOTBOEK_DEBETREKENING_ONBEKEND);
	CHECK(boek1(s, direct("s1", "pot", "nergens", 5), NULL) == GROOTBOEK_CREDITREKENING_ONBEKEND);
	CHECK(boek1(s, direct("s1", "pot", "NIET/geldig", 5), NULL) == GROOTBOEK_CREDITREKENING_ONBEKEND);
	struct boeking p = post("s1", "onbekend", EUR(99999));
	p.debet = "nergens";
	CHECK(boek1(s, p, NULL) == GROOTBOEK_DEBETREKENING_ONBEKEND);
	/* overflow before the cap */
	CHECK(boek1(s, direct("s2", "bron", "a", INT64_MAX), NULL) == GROOTBOEK_OVERLOOP);
	CHECK(boek1(s, direct("s2", "pot", "a", INT64_MAX), NULL) == GROOTBOEK_ONVOLDOENDE_SALDO);
	CHECK(boek1(s, direct("s3", "b", "a", INT64_MAX), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, direct("s4", "b", "a", 1), NULL) == GROOTBOEK_OVERLOOP);
	CHECK(aantal_boekingen(s) == 2);
	/* the problem lists every refused entry */
	struct boeking veel[3] = {direct("v1", "pot", "a", 0), direct("v2", "a", "b", 1),
				  direct("v3", "x", "a", 1)};
	struct boeking_resultaat r[3];
	struct error e;
	error_clear(&e);
	CHECK(grootboek_boek_apart(s, "test", veel, 3, r, &e) == RC_INVALID);
	CHECK(e.item_count == 2 && strcmp(e.items[1].field, "/boekingen/2") == 0);
	CHECK(strcmp(e.items[1].code, "debetrekening_onbekend") == 0);
	error_clear(&e);
	CHECK(grootboek_boek_apart(s, "test", veel, 0, r, &e) == RC_INVALID);
	CHECK(herspeelt(s));
	store_close(s);
}

/* ---- inside a caller's transaction ---------------------------------------- */

struct zaak_ctx {
	struct boeking b[2];
	struct boeking_resultaat r[2];
};

/* A business write: ledger entries and the audit record in one
 * transaction, all or nothing through grootboek_weigeringen. */
static rc_t zaak_tx(struct store *s, void *ctx, struct error *e)
{
	struct zaak_ctx *c = ctx;
	rc_t rc = grootboek_boek(s, c->b, 2, c->r, e);
	if (rc == RC_OK)
		rc = grootboek_weigeringen(c->b, c->r, 2, e);
	struct audit_entry ae = {.actor = "test", .actie = "zaak.besluit", .object = "zaak/1",
				 .resultaat = "gelukt"};
	return rc == RC_OK ? audit_append(s, &ae, e) : rc;
}

DBTEST(in_transactie_van_aanroeper)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	int64_t voor = aantal_boekingen(s);
	struct zaak_ctx c = {.b = {direct("z1", "pot", "a", EUR(1)), direct("z2", "pot", "a", EUR(2000))}};
	struct error e;
	error_clear(&e);
	CHECK(store_tx(s, STORE_WRITE, zaak_tx, &c, &e) == RC_CONFLICT);
	CHECK(c.r[0].uitkomst == GROOTBOEK_OK && c.r[1].uitkomst == GROOTBOEK_ONVOLDOENDE_SALDO);
	/* rolled back: z1 is not there either */
	CHECK(aantal_boekingen(s) == voor);
	CHECK(saldi_zijn(s, "pot", 0, EUR(1000), 0, 0));
	c.b[1].bedrag_cent = EUR(2);
	error_clear(&e);
	CHECK(store_tx(s, STORE_WRITE, zaak_tx, &c, &e) == RC_OK);
	CHECK(aantal_boekingen(s) == voor + 2);
	struct audit_verify_result v;
	CHECK(audit_verify(s, &v, &e) == RC_OK && v.broken_at == 0 && v.records >= 6);
	store_close(s);
}

/* ---- immutability --------------------------------------------------------- */

/* One write statement in a transaction of its own (testdb.h's sql()). */
static rc_t schrijf(struct store *s, const char *text)
{
	struct error e;
	return sql(s, STORE_WRITE, text, NULL, 0, NULL, NULL, &e);
}

DBTEST(onveranderlijk)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	CHECK(schrijf(s, "UPDATE grootboek_boeking SET bedrag_cent = 1") != RC_OK);
	CHECK(schrijf(s, "DELETE FROM grootboek_boeking") != RC_OK);
	CHECK(schrijf(s, "UPDATE grootboek_rekening SET code = 'x' WHERE code = 'a'") != RC_OK);
	CHECK(schrijf(s, "UPDATE grootboek_rekening SET vlaggen = 0 WHERE code = 'pot'") != RC_OK);
	CHECK(schrijf(s, "DELETE FROM grootboek_rekening WHERE code = 'b'") != RC_OK);
	if (backend == STORE_POSTGRES)
		CHECK(schrijf(s, "TRUNCATE grootboek_boeking") != RC_OK);
	/* the database itself refuses a capped account below zero */
	CHECK(schrijf(s, "UPDATE grootboek_rekening SET debet_geboekt_cent = 100001 WHERE code = 'pot'") != RC_OK);
	/* a second resolution of one reservation, past the code */
	CHECK(boek1(s, reserveer("r", "pot", "a", 5), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, vrijgave("r/v", "r"), NULL) == GROOTBOEK_OK);
	CHECK(schrijf(s, "INSERT INTO grootboek_boeking (sleutel, soort, debet_rekening, credit_rekening,"
		     " bedrag_cent, reservering_id, code, omschrijving, tijdstip)"
		     " SELECT 'r/v2', soort, debet_rekening, credit_rekening, bedrag_cent,"
		     " reservering_id, code, omschrijving, tijdstip FROM grootboek_boeking"
		     " WHERE sleutel = 'r/v'") == RC_CONFLICT);
	CHECK(saldi_zijn(s, "pot", 0, EUR(1000), 0, 0));
	/* balances changed behind the ledger's back: replay says so */
	CHECK(herspeelt(s));
	CHECK(schrijf(s, "UPDATE grootboek_rekening SET credit_geboekt_cent = credit_geboekt_cent + 1"
		     " WHERE code = 'a'") == RC_OK);
	struct grootboek_herspeling h;
	struct error e;
	error_clear(&e);
	CHECK(grootboek_herspeel(s, &h, &e) == RC_OK);
	CHECK(!h.klopt && strcmp(h.rekening, "a") == 0 && h.boekingen == 3);
	store_close(s);
}

/* ---- concurrency ------------------------------------------------------------ */

enum { DRADEN = 4, POGINGEN = 40, STUK = EUR(7) };

struct draad {
	const char *url;
	int nummer;
	int64_t geaccepteerd;
	int geweigerd, fout;
};

/* Debits the capped pot POGINGEN times on a connection of its own; a
 * transaction that stays busy past store_tx's attempts is tried again. */
static void *draad_main(void *arg)
{
	struct draad *d = arg;
	struct store *s = NULL;
	struct error e;
	error_clear(&e);
	if (store_open(d->url, &s, &e) != RC_OK) {
		d->fout++;
		return NULL;
	}
	for (int i = 0; i < POGINGEN; i++) {
		char sleutel[64];
		snprintf(sleutel, sizeof sleutel, "draad/%d/%d", d->nummer, i);
		struct boeking b = direct(sleutel, "pot", "a", STUK);
		struct boeking_resultaat r;
		rc_t rc = RC_RETRY;
		for (int poging = 0; poging < 20 && rc == RC_RETRY; poging++) {
			error_clear(&e);
			rc = grootboek_boek_apart(s, "test", &b, 1, &r, &e);
		}
		if (rc == RC_OK && r.uitkomst == GROOTBOEK_OK)
			d->geaccepteerd += STUK;
		else if (rc == RC_CONFLICT && r.uitkomst == GROOTBOEK_ONVOLDOENDE_SALDO)
			d->geweigerd++;
		else
			d->fout++;
	}
	store_close(s);
	return NULL;
}

DBTEST(gelijktijdig_op_een_begrensde_rekening)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	struct draad d[DRADEN];
	pthread_t th[DRADEN];
	for (int i = 0; i < DRADEN; i++) {
		d[i] = (struct draad){.url = url, .nummer = i};
		CHECK(pthread_create(&th[i], NULL, draad_main, &d[i]) == 0);
	}
	int64_t geaccepteerd = 0;
	int geweigerd = 0;
	for (int i = 0; i < DRADEN; i++) {
		pthread_join(th[i], NULL);
		CHECK(d[i].fout == 0);
		geaccepteerd += d[i].geaccepteerd;
		geweigerd += d[i].geweigerd;
	}
	/* 4 x 40 x EUR 7 = EUR 1120 asked of EUR 1000: exactly what fits */
	CHECK(geaccepteerd == (EUR(1000) / STUK) * STUK);
	CHECK(geweigerd == DRADEN * POGINGEN - (int)(EUR(1000) / STUK));
	CHECK(saldi_zijn(s, "pot", geaccepteerd, EUR(1000), 0, 0));
	CHECK(rekening_ruimte_cent(&(struct rekening){.vlaggen = REKENING_DEBET_BEGRENSD,
			.debet_geboekt_cent = geaccepteerd, .credit_geboekt_cent = EUR(1000)}) < STUK);
	CHECK(herspeelt(s));
	store_close(s);
}

enum { RESERVERINGEN = 30 };

struct afhandelaar {
	const char *url;
	int nummer;
	int gewonnen[RESERVERINGEN];
	int64_t id[RESERVERINGEN];   /* of the shared-key entry, as each thread saw it */
	int nieuw[RESERVERINGEN];    /* ... booked by this thread */
	int fout;
};

/* Books the entry with key "gedeeld/<i>", the same request in every
 * thread (a retry racing the original). */
static void gedeeld(struct store *s, struct afhandelaar *d, int i)
{
	char sleutel[32];
	snprintf(sleutel, sizeof sleutel, "gedeeld/%d", i);
	struct boeking b = direct(sleutel, "pot", "b", EUR(1));
	struct boeking_resultaat r;
	struct error e;
	rc_t rc = RC_RETRY;
	for (int poging = 0; poging < 20 && rc == RC_RETRY; poging++) {
		error_clear(&e);
		rc = grootboek_boek_apart(s, "test", &b, 1, &r, &e);
	}
	if (rc != RC_OK || (r.uitkomst != GROOTBOEK_OK && r.uitkomst != GROOTBOEK_BESTAAT))
		d->fout++;
	d->nieuw[i] = rc == RC_OK && r.uitkomst == GROOTBOEK_OK;
	d->id[i] = r.boeking_id;
}

/* Tries to post (even threads) or void (odd ones) every reservation, each
 * under a key of its own: only one resolution per reservation may win;
 * and books the shared-key entry of each. */
static void *afhandelaar_main(void *arg)
{
	struct afhandelaar *d = arg;
	struct store *s = NULL;
	struct error e;
	error_clear(&e);
	if (store_open(d->url, &s, &e) != RC_OK) {
		d->fout++;
		return NULL;
	}
	for (int i = 0; i < RESERVERINGEN; i++) {
		char sleutel[64], res[32];
		snprintf(sleutel, sizeof sleutel, "afhandeling/%d/%d", i, d->nummer);
		snprintf(res, sizeof res, "res/%d", i);
		struct boeking b = d->nummer % 2 ? vrijgave(sleutel, res) : post(sleutel, res, EUR(1));
		struct boeking_resultaat r;
		rc_t rc = RC_RETRY;
		for (int poging = 0; poging < 20 && rc == RC_RETRY; poging++) {
			error_clear(&e);
			rc = grootboek_boek_apart(s, "test", &b, 1, &r, &e);
		}
		if (rc == RC_OK && r.uitkomst == GROOTBOEK_OK)
			d->gewonnen[i]++;
		else if (!(rc == RC_CONFLICT && r.uitkomst == GROOTBOEK_RESERVERING_AL_AFGEHANDELD))
			d->fout++;
		gedeeld(s, d, i);
	}
	store_close(s);
	return NULL;
}

DBTEST(gelijktijdig_precies_een_keer_afgehandeld)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	for (int i = 0; i < RESERVERINGEN; i++) {
		char sleutel[32];
		snprintf(sleutel, sizeof sleutel, "res/%d", i);
		CHECK(boek1(s, reserveer(sleutel, "pot", "a", EUR(2)), NULL) == GROOTBOEK_OK);
	}
	struct afhandelaar d[DRADEN];
	pthread_t th[DRADEN];
	for (int t = 0; t < DRADEN; t++) {
		d[t] = (struct afhandelaar){.url = url, .nummer = t};
		CHECK(pthread_create(&th[t], NULL, afhandelaar_main, &d[t]) == 0);
	}
	for (int t = 0; t < DRADEN; t++) {
		pthread_join(th[t], NULL);
		CHECK(d[t].fout == 0);
	}
	int64_t geboekt = 0;
	for (int i = 0; i < RESERVERINGEN; i++) {
		int winnaars = 0, nieuw = 0;
		for (int t = 0; t < DRADEN; t++) {
			winnaars += d[t].gewonnen[i];
			nieuw += d[t].nieuw[i];
			geboekt += t % 2 ? 0 : d[t].gewonnen[i] * EUR(1);
			CHECK(d[t].id[i] > 0 && d[t].id[i] == d[0].id[i]);
		}
		CHECK(winnaars == 1);
		CHECK(nieuw == 1); /* the shared key booked once, the others saw `bestaat` */
	}
	geboekt += RESERVERINGEN * EUR(1);
	CHECK(saldi_zijn(s, "pot", geboekt, EUR(1000), 0, 0));
	CHECK(saldi_zijn(s, "b", 0, RESERVERINGEN * EUR(1), 0, 0));
	CHECK(aantal_boekingen(s) == 1 + 3 * RESERVERINGEN);
	CHECK(herspeelt(s));
	store_close(s);
}

/* ---- hledger ------------------------------------------------------------------ */

static bool hledger_aanwezig(void)
{
	return system("hledger --version >/dev/null 2>&1") == 0;
}

/* Exports to `pad` and runs `hledger check -s` on it; the exit status. */
static int hledger_check(struct store *s, const char *pad)
{
	FILE *f = fopen(pad, "w");
	if (!f)
		return -1;
	struct error e;
	error_clear(&e);
	rc_t rc = grootboek_hledger(s, f, &e);
	fclose(f);
	if (rc != RC_OK) {
		printf("  (hledger-export: %s)\n", e.message);
		return -1;
	}
	char cmd[600];
	/* hledger reads the journal in the locale's encoding: UTF-8 whatever the
	 * caller's locale (a fresh machine has none set) */
	snprintf(cmd, sizeof cmd, "LC_ALL=C.UTF-8 hledger -f '%s' check -s >/dev/null 2>&1", pad);
	return system(cmd);
}

DBTEST(hledger_journaal)
{
	struct store *s = met_pot(url);
	if (!s)
		return;
	CHECK(boek1(s, reserveer("r1", "pot", "a", EUR(300)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, post("r1/p", "r1", EUR(120)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, reserveer("r2", "pot", "b", EUR(50)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, reserveer("r3", "pot", "b", EUR(51)), NULL) == GROOTBOEK_OK);
	CHECK(boek1(s, vrijgave("r3/v", "r3"), NULL) == GROOTBOEK_OK);
	struct boeking d = direct("d1", "a", "b", 12345);
	d.omschrijving = "puntkomma; en | streep, \xc3\xa9";
	CHECK(boek1(s, d, NULL) == GROOTBOEK_OK);
	char pad[128];
	snprintf(pad, sizeof pad, "var/test/grootboek_%ld_%s.journal", (long)getpid(),
		 testdb_backend_name(backend));
	CHECK(hledger_check(s, pad) == 0);
	/* a stored balance that the log does not explain fails the check */
	CHECK(schrijf(s, "UPDATE grootboek_rekening SET debet_geboekt_cent = debet_geboekt_cent + 1"
		     " WHERE code = 'b'") == RC_OK);
	CHECK(hledger_check(s, pad) != 0);
	if (!harness_failed_checks)
		unlink(pad);
	store_close(s);
}

/* ---- the Zvw track end to end (docs/grootboek.md §3) --------------------------- */

DBTEST(zvw_spoor)
{
	struct store *s = testdb_open_migrated(url);
	if (!s)
		return;
	const unsigned B = REKENING_DEBET_BEGRENSD;
	CHECK(rek(s, "bron/zvw", REKENING_BRON, 0) && rek(s, "zvw", REKENING_POT, B) &&
	      rek(s, "zvw/ai", REKENING_THEMA, B) && rek(s, "zvw/ai/2027", REKENING_JAAR, B) &&
	      rek(s, "zvw/ai/2028", REKENING_JAAR, B) && rek(s, "project/17", REKENING_PROJECT, B) &&
	      rek(s, "verzekeraar/3311/betaald", REKENING_VERZEKERAAR, 0));
	/* [001 §3, §7] the macrokader, [002 §4.1] the theme, [003 §8b] per year */
	struct boeking opzet[4] = {
		direct("macrokader/zvw", "bron/zvw", "zvw", MLN(600)),
		direct("thema/ai/richtbedrag/1", "zvw", "zvw/ai", MLN(275)),
		direct("thema/ai/2027/1", "zvw/ai", "zvw/ai/2027", MLN(150)),
		direct("thema/ai/2028/1", "zvw/ai", "zvw/ai/2028", MLN(125)),
	};
	struct boeking_resultaat r[4];
	CHECK(boek(s, opzet, 4, r) == RC_OK);
	/* the joint request to NZa: the proposed upper bound reserved per year,
	 * linked; 2028 does not have enough, so nothing is reserved */
	struct boeking aanvraag[2] = {
		reserveer("aanvraag/17/reservering/2027", "zvw/ai/2027", "project/17", MLN(100)),
		reserveer("aanvraag/17/reservering/2028", "zvw/ai/2028", "project/17", MLN(130)),
	};
	aanvraag[0].gekoppeld = true;
	CHECK(boek(s, aanvraag, 2, r) == RC_CONFLICT);
	CHECK(r[1].uitkomst == GROOTBOEK_ONVOLDOENDE_SALDO && r[1].rekening_soort == REKENING_JAAR);
	aanvraag[1].bedrag_cent = MLN(20);
	CHECK(boek(s, aanvraag, 2, r) == RC_OK);
	/* the beschikking: upper bound EUR 90M + EUR 20M; the rest of 2027 is released */
	struct boeking beschikking[2] = {
		post("beschikking/17/2027", "aanvraag/17/reservering/2027", MLN(90)),
		post("beschikking/17/2028", "aanvraag/17/reservering/2028", MLN(20)),
	};
	beschikking[0].gekoppeld = true;
	CHECK(boek(s, beschikking, 2, r) == RC_OK);
	CHECK(saldi_zijn(s, "project/17", 0, MLN(110), 0, 0));
	CHECK(saldi_zijn(s, "zvw/ai/2027", MLN(90), MLN(150), 0, 0));
	/* payments per milestone, never above the upper bound [001 §2, §7] */
	CHECK(boek1(s, direct("mijlpaal/17/1/betaling", "project/17", "verzekeraar/3311/betaald", MLN(60)),
		    NULL) == GROOTBOEK_OK);
	struct boeking teveel = direct("mijlpaal/17/2/betaling", "project/17", "verzekeraar/3311/betaald",
				       MLN(50) + 1);
	struct error e;
	error_clear(&e);
	CHECK(grootboek_boek_apart(s, "test", &teveel, 1, r, &e) == RC_CONFLICT);
	CHECK(r[0].uitkomst == GROOTBOEK_ONVOLDOENDE_SALDO && r[0].ruimte_cent == MLN(50));
	CHECK(strcmp(e.items[0].bron, "[001 §2, §7]") == 0);
	CHECK(saldi_zijn(s, "project/17", MLN(60), MLN(110), 0, 0));
	/* the pot can never give more than EUR 600M [001 §3] */
	CHECK(boek1(s, direct("thema/dhz/richtbedrag/1", "zvw", "zvw/ai", MLN(325) + 1), NULL) ==
	      GROOTBOEK_ONVOLDOENDE_SALDO);
	CHECK(herspeelt(s));
	store_close(s);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN_DB(rekening_openen);
	RUN_DB(direct_en_begrensd);
	RUN_DB(credit_begrensd);
	RUN_DB(idempotent);
	RUN_DB(reservering_boeken_en_vrijgeven);
	RUN_DB(reservering_in_een_opdracht);
	RUN_DB(gekoppeld);
	RUN_DB(volgorde_van_uitkomsten);
	RUN_DB(in_transactie_van_aanroeper);
	RUN_DB(onveranderlijk);
	RUN_DB(gelijktijdig_op_een_begrensde_rekening);
	RUN_DB(gelijktijdig_precies_een_keer_afgehandeld);
	if (hledger_aanwezig()) {
		RUN_DB(hledger_journaal);
	} else {
		printf("ok - hledger_journaal [sqlite] # SKIP hledger ontbreekt (Debian-pakket hledger)\n");
		printf("ok - hledger_journaal [postgresql] # SKIP hledger ontbreekt (Debian-pakket hledger)\n");
	}
	RUN_DB(zvw_spoor);
	return HARNESS_END();
}
