/* test_monitoring.c -- the plan lines and the signal rules of monitoring
 * (docs/monitoring.md §3) on stands built by hand: linear fte to full
 * scale-up, spending by the beschikking's years, each rule firing exactly
 * when its condition holds and not a day earlier, and the streamed
 * spreadsheet (one row in memory) against the buffered one. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#include "core/basis/bedrag.h"
#include "core/basis/werkblad.h"
#include "core/monitoring/monitoring_intern.h"

static int64_t dag(const char *d)
{
	int64_t x = 0;
	CHECK(klok_datum_lees(d, &x));
	return x;
}

static struct monitoring_periode perioden[12];
static struct monitoring_mijlpaal mijlpalen[2];
static struct monitoring_jaar jaren[2];
static struct monitoring_rapport rapporten[2];
static struct monitoring_project project;
static struct monitoring_stand stand;
static char codes[12][8];

/* A project of 2027-2028 (EUR 4 mln in 2027, 2 mln in 2028) pledging 100
 * fte at its last milestone on 2028-12-31; reports as given. */
static void bouw(size_t nrapport)
{
	static const char *const van[] = {"01-01", "04-01", "07-01", "10-01"}, *const tot[] = {"03-31", "06-30", "09-30", "12-31"},
			 *const due[] = {"04-30", "07-31", "10-31", "01-31"};
	for (int i = 0; i < 12; i++) {
		int jaar = 2027 + i / 4, k = i % 4;
		char a[16], b[16], c[16];
		snprintf(codes[i], sizeof codes[i], "%d-K%d", jaar, k + 1);
		snprintf(a, sizeof a, "%d-%s", jaar, van[k]);
		snprintf(b, sizeof b, "%d-%s", jaar, tot[k]);
		snprintf(c, sizeof c, "%d-%s", k == 3 ? jaar + 1 : jaar, due[k]);
		perioden[i] = (struct monitoring_periode){.code = codes[i], .van = dag(a), .tot = dag(b),
							  .inleveren_voor = dag(c), .kwartaal = k + 1, .jaar = jaar};
	}
	mijlpalen[0] = (struct monitoring_mijlpaal){.id = "m1", .streefdatum = "2027-06-30", .streefdag = dag("2027-06-30")};
	mijlpalen[1] = (struct monitoring_mijlpaal){.id = "m2", .streefdatum = "2028-12-31", .streefdag = dag("2028-12-31")};
	jaren[0] = (struct monitoring_jaar){.jaar = 2027, .bovengrens_cent = 400000000};
	jaren[1] = (struct monitoring_jaar){.jaar = 2028, .bovengrens_cent = 200000000};
	project = (struct monitoring_project){.beschikking_id = 7, .kenmerk = "K", .titel = "T",
		.fte_toegezegd_milli = 100000, .mijlpalen = mijlpalen, .mijlpaal_aantal = 2, .jaren = jaren,
		.jaar_aantal = 2, .start_dag = dag("2027-01-01"), .volledig_dag = dag("2028-12-31"),
		.rapporten = rapporten, .rapport_aantal = nrapport};
	stand = (struct monitoring_stand){.perioden = perioden, .periode_aantal = 12, .projecten = &project,
					  .project_aantal = 1};
}

static bool heeft(struct signaal *l, size_t n, const char *sleutel)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i].sleutel, sleutel) == 0)
			return true;
	return false;
}

static size_t signalen(const char *peildatum, struct signaal **l, struct arena *a)
{
	size_t n = 0;
	struct error e;
	error_clear(&e);
	CHECK(signalen_bereken(&stand, dag(peildatum), a, l, &n, &e) == RC_OK);
	return n;
}

TEST(fte_plan_lineair_tot_volledige_opschaling)
{
	bouw(0);
	CHECK(monitoring_fte_plan(&project, dag("2026-06-01")) == 0);
	CHECK(monitoring_fte_plan(&project, dag("2027-01-01")) == 0);
	int64_t half = monitoring_fte_plan(&project, dag("2028-01-01"));
	CHECK(half > 49000 && half < 51000);
	CHECK(monitoring_fte_plan(&project, dag("2028-12-31")) == 100000);
	CHECK(monitoring_fte_plan(&project, dag("2031-01-01")) == 100000);
	project.fte_toegezegd_milli = 0;
	CHECK(monitoring_fte_plan(&project, dag("2028-01-01")) == 0);
}

TEST(geld_plan_per_jaar_en_kwartaal)
{
	bouw(0);
	CHECK(monitoring_geld_plan(&project, &perioden[0]) == 100000000);   /* a quarter of 2027 */
	CHECK(monitoring_geld_plan(&project, &perioden[3]) == 400000000);
	CHECK(monitoring_geld_plan(&project, &perioden[5]) == 500000000);   /* 2027 + half of 2028 */
	CHECK(monitoring_geld_plan(&project, &perioden[11]) == 600000000);
}

TEST(mijlpaal_te_laat_pas_na_de_streefdatum)
{
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	bouw(0);
	struct signaal *l;
	size_t n = signalen("2027-06-30", &l, &a);
	CHECK(!heeft(l, n, "mijlpaal_te_laat/m1"));
	n = signalen("2027-07-01", &l, &a);
	CHECK(heeft(l, n, "mijlpaal_te_laat/m1"));
	mijlpalen[0].gemeld = true;
	n = signalen("2027-07-01", &l, &a);
	CHECK(!heeft(l, n, "mijlpaal_te_laat/m1"));
	arena_release(&a);
}

TEST(rapportage_ontbreekt_na_de_inleverdag)
{
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	bouw(0);
	struct signaal *l;
	size_t n = signalen("2027-04-30", &l, &a);
	CHECK(!heeft(l, n, "rapportage_ontbreekt/2027-K1"));
	n = signalen("2027-05-01", &l, &a);
	CHECK(heeft(l, n, "rapportage_ontbreekt/2027-K1"));
	CHECK(!heeft(l, n, "rapportage_ontbreekt/2027-K2"));
	rapporten[0] = (struct monitoring_rapport){.periode = "2027-K1", .versie = 1, .fte_milli = 20000,
						   .besteed_cent = 100000000};
	project.rapport_aantal = 1;
	n = signalen("2027-05-01", &l, &a);
	CHECK(!heeft(l, n, "rapportage_ontbreekt/2027-K1"));
	n = signalen("2031-01-01", &l, &a);   /* not for periods after the project */
	CHECK(heeft(l, n, "rapportage_ontbreekt/2028-K4"));
	CHECK(!heeft(l, n, "rapportage_ontbreekt/2029-K1"));
	arena_release(&a);
}

TEST(fte_en_besteding_tegen_het_plan_met_tolerantie)
{
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	bouw(1);
	/* plan at 2027-04-01: 100 fte x 90/729 days = 12.345 fte; money EUR 1 mln */
	int64_t plan = monitoring_fte_plan(&project, perioden[0].tot + 1);
	rapporten[0] = (struct monitoring_rapport){.periode = "2027-K1", .versie = 1,
		.fte_milli = (plan * 8 + 9) / 10, .besteed_cent = 75000000};   /* just within both tolerances */
	struct signaal *l;
	size_t n = signalen("2027-05-01", &l, &a);
	CHECK(!heeft(l, n, "fte_achter/2027-K1"));
	CHECK(!heeft(l, n, "besteding_achter/2027-K1"));
	rapporten[0].fte_milli = (plan * 8 + 9) / 10 - 1;
	rapporten[0].besteed_cent = 74999999;
	n = signalen("2027-05-01", &l, &a);
	CHECK(heeft(l, n, "fte_achter/2027-K1"));
	CHECK(heeft(l, n, "besteding_achter/2027-K1"));
	rapporten[0].besteed_cent = 125000001;
	n = signalen("2027-05-01", &l, &a);
	CHECK(heeft(l, n, "besteding_voor/2027-K1"));
	CHECK(!heeft(l, n, "besteding_achter/2027-K1"));
	/* a report of a period not yet ended on the day does not count */
	n = signalen("2027-03-30", &l, &a);
	CHECK(!heeft(l, n, "besteding_voor/2027-K1"));
	for (size_t i = 0; i < n; i++)
		CHECK(l[i].bron && l[i].bron[0] == '[');
	arena_release(&a);
}

TEST(bedrag_deel_bp_exact_en_overloop)
{
	int64_t x = 0;
	CHECK(bedrag_deel_bp(100000000, 7500, &x) && x == 75000000);
	CHECK(bedrag_deel_bp(-1000, 2500, &x) && x == -250);
	x = 5;
	CHECK(!bedrag_deel_bp(INT64_MAX / 2, 12500, &x) && x == 5);
}

TEST(klok_dagen)
{
	char d[16];
	CHECK(strcmp(klok_dag_tekst(dag("2028-02-29"), d, sizeof d), "2028-02-29") == 0);
	CHECK(strcmp(klok_dag_tekst(0, d, sizeof d), "1970-01-01") == 0);
	int64_t t = 1700000000 * KLOK_US_PER_S;
	struct klok k;
	klok_vast(&k, &t);
	CHECK(klok_vandaag(&k) == 1700000000 / 86400);
	t = -1;
	CHECK(klok_vandaag(&k) == -1);
}

TEST(werkblad_gestroomd_gelijk_aan_gebufferd)
{
	struct werkblad_kolom k[] = {{"naam", WERKBLAD_TEKST, 0, 0}, {"bedrag_cent", WERKBLAD_CENT, 0, 0},
				     {"bedrag_euro", WERKBLAD_EURO, 1, 0}, {"op", WERKBLAD_DATUM, 0, 0}};
	struct werkblad_stroom *w;
	struct error e;
	error_clear(&e);
	CHECK(werkblad_stroom_begin("Lijst", k, 4, &w, &e) == RC_OK);
	for (int i = 0; i < 20000; i++) {
		struct werkblad_cel c[] = {{"rij", 0}, {NULL, i * INT64_C(100)}, {NULL, i * INT64_C(100)}, {"2027-01-02", 0}};
		if (i == 7)
			c[1].tekst = c[2].tekst = werkblad_leeg;
		werkblad_stroom_rij(w, c);
	}
	int fd = -1;
	size_t len = 0;
	CHECK(werkblad_stroom_einde(w, &fd, &len, &e) == RC_OK);
	CHECK(fd >= 0 && len > 1000);
	unsigned char kop[4] = {0};
	CHECK(read(fd, kop, 4) == 4 && kop[0] == 'P' && kop[1] == 'K');   /* a zip */
	close(fd);
}

int main(void)
{
	RUN(fte_plan_lineair_tot_volledige_opschaling);
	RUN(geld_plan_per_jaar_en_kwartaal);
	RUN(mijlpaal_te_laat_pas_na_de_streefdatum);
	RUN(rapportage_ontbreekt_na_de_inleverdag);
	RUN(fte_en_besteding_tegen_het_plan_met_tolerantie);
	RUN(bedrag_deel_bp_exact_en_overloop);
	RUN(klok_dagen);
	RUN(werkblad_gestroomd_gelijk_aan_gebufferd);
	return HARNESS_END();
}
