/* test_verdeelsleutel.c -- the largest-remainder apportionment of a pot
 * over a distribution key (docs/sociaal-domein.md §1): exact sums, every
 * part within a cent of its quota, deterministic ties, order independence,
 * the 342 municipalities of 2025 by inhabitants, and every refusal at once. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#include "core/sociaal/verdeelsleutel.h"
#include "gemeenten_testdata.h"

static uint64_t rng = 20270101;

static uint64_t rnd(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static bool heeft(const struct error *e, const char *code)
{
	for (size_t i = 0; i < e->item_count; i++)
		if (strcmp(e->items[i].code, code) == 0)
			return true;
	return false;
}

TEST(gelijke_gewichten_gelijke_resten)
{
	struct verdeelsleutel_deel d[] = {{"c", 1}, {"a", 1}, {"b", 1}};
	int64_t uit[3];
	struct error e;
	error_clear(&e);
	CHECK(verdeelsleutel_verdeel(100, d, 3, uit, &e) == RC_OK);
	/* 33 each, the one cent left to the first id */
	CHECK(uit[0] == 33 && uit[1] == 34 && uit[2] == 33);
	struct verdeelsleutel_deel w[] = {{"x", 2}, {"y", 1}, {"z", 1}};
	error_clear(&e);
	CHECK(verdeelsleutel_verdeel(5, w, 3, uit, &e) == RC_OK);
	/* quotas 2.5, 1.25, 1.25: 2, 1, 1 and the cent to the largest remainder */
	CHECK(uit[0] == 3 && uit[1] == 1 && uit[2] == 1);
	/* a weight of 0 gets nothing; a pot of 0 nothing at all */
	struct verdeelsleutel_deel n[] = {{"p", 0}, {"q", 7}};
	error_clear(&e);
	CHECK(verdeelsleutel_verdeel(10, n, 2, uit, &e) == RC_OK && uit[0] == 0 && uit[1] == 10);
	error_clear(&e);
	CHECK(verdeelsleutel_verdeel(0, n, 2, uit, &e) == RC_OK && uit[0] == 0 && uit[1] == 0);
}

/* Random keys: the parts sum to the pot exactly, each within one cent of
 * its exact quota, and the same parts per id whatever the order. */
TEST(willekeurige_sleutels)
{
	enum { N = 60 };
	static char ids[N][8];
	for (int t = 0; t < 500; t++) {
		size_t n = 1 + rnd() % N;
		struct verdeelsleutel_deel d[N], omgekeerd[N];
		int64_t uit[N], uit2[N], totaal = 0;
		int64_t pot = (int64_t)(rnd() % 2 ? rnd() % 100000 : rnd() % INT64_C(20000000000));
		for (size_t i = 0; i < n; i++) {
			snprintf(ids[i], sizeof ids[i], "%04zu", (i * 7919) % 10000);
			int64_t g = (int64_t)(rnd() % 4 == 0 ? rnd() % 3 : rnd() % 1000000);
			if (i == 0 && g == 0)
				g = 1;
			d[i] = (struct verdeelsleutel_deel){ids[i], g};
			omgekeerd[n - 1 - i] = d[i];
			totaal += g;
		}
		struct error e;
		error_clear(&e);
		CHECK(verdeelsleutel_verdeel(pot, d, n, uit, &e) == RC_OK);
		error_clear(&e);
		CHECK(verdeelsleutel_verdeel(pot, omgekeerd, n, uit2, &e) == RC_OK);
		int64_t som = 0;
		bool binnen = true, zelfde = true;
		for (size_t i = 0; i < n; i++) {
			som += uit[i];
			__int128 quotum_x_totaal = (__int128)pot * d[i].gewicht, deel_x_totaal = (__int128)uit[i] * totaal;
			__int128 verschil = deel_x_totaal - quotum_x_totaal;
			binnen = binnen && verschil > -(__int128)totaal && verschil < (__int128)totaal;
			zelfde = zelfde && uit[i] == uit2[n - 1 - i];
		}
		CHECK(som == pot);
		CHECK(binnen);
		CHECK(zelfde);
	}
}

/* The 342 municipalities of 2025 (data/gemeenten-2025.csv) by inhabitants:
 * EUR 100 mln to the cent. */
TEST(gemeenten_2025)
{
	static char codes[400][GEMEENTE_CODE_BYTES];
	static struct verdeelsleutel_deel d[400];
	static int64_t uit[400];
	size_t n = gemeenten_lees("data/gemeenten-2025.csv", codes, d, 400);
	int64_t inwoners = 0;
	for (size_t i = 0; i < n; i++)
		inwoners += d[i].gewicht;
	CHECK(n == 342);
	struct error e;
	error_clear(&e);
	const int64_t POT = INT64_C(10000000000);   /* EUR 100 mln */
	CHECK(verdeelsleutel_verdeel(POT, d, n, uit, &e) == RC_OK);
	int64_t som = 0;
	for (size_t i = 0; i < n; i++)
		som += uit[i];
	CHECK(som == POT);
	/* Groningen (0014, 244,829 inhabitants) gets its share to within a cent */
	CHECK(strcmp(d[0].id, "0014") == 0);
	__int128 verschil = (__int128)uit[0] * inwoners - (__int128)POT * d[0].gewicht;
	CHECK(verschil > -(__int128)inwoners && verschil < (__int128)inwoners);
	printf("  (342 gemeenten, %" PRId64 " inwoners: som %" PRId64 " cent = pot; Groningen %" PRId64 " cent)\n",
	       inwoners, som, uit[0]);
}

TEST(weigeringen_allemaal_tegelijk)
{
	struct verdeelsleutel_deel d[] = {{"a", -1}, {"b", 2}, {"b", 3}, {"", 1}};
	int64_t uit[4] = {7, 7, 7, 7};
	struct error e;
	error_clear(&e);
	CHECK(verdeelsleutel_verdeel(-5, d, 4, uit, &e) == RC_INVALID);
	CHECK(heeft(&e, "negatief") && heeft(&e, "gewicht_negatief") && heeft(&e, "dubbel") && heeft(&e, "id_ontbreekt"));
	CHECK(uit[0] == 7 && uit[3] == 7);   /* nothing written */
	struct verdeelsleutel_deel nul[] = {{"a", 0}, {"b", 0}};
	error_clear(&e);
	CHECK(verdeelsleutel_verdeel(100, nul, 2, uit, &e) == RC_INVALID && heeft(&e, "gewichten_nul"));
	error_clear(&e);
	CHECK(verdeelsleutel_verdeel(100, NULL, 0, uit, &e) == RC_INVALID && heeft(&e, "geen_ontvangers"));
	struct verdeelsleutel_deel groot[] = {{"a", INT64_MAX}, {"b", INT64_MAX}};
	error_clear(&e);
	CHECK(verdeelsleutel_verdeel(100, groot, 2, uit, &e) == RC_INVALID && heeft(&e, "te_groot"));
	/* the largest pot and weight that fit: no overflow in the products */
	struct verdeelsleutel_deel max[] = {{"a", INT64_MAX - 1}, {"b", 1}};
	error_clear(&e);
	CHECK(verdeelsleutel_verdeel(INT64_MAX, max, 2, uit, &e) == RC_OK && uit[0] + uit[1] == INT64_MAX);
}

int main(void)
{
	RUN(gelijke_gewichten_gelijke_resten);
	RUN(willekeurige_sleutels);
	RUN(gemeenten_2025);
	RUN(weigeringen_allemaal_tegelijk);
	return HARNESS_END();
}
