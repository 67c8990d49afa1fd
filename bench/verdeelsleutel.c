/* verdeelsleutel.c -- the SPUK allocation's apportionment for all 342
 * municipalities of 2025 by inhabitants (issue 16; bench/README.md):
 * time per allocation (median and slowest of 10,000) and the process's
 * peak memory; shows that the parts sum to the pot exactly. Not a test:
 * it measures and prints, it asserts nothing.
 *
 *   build/bench_verdeelsleutel [data/gemeenten-2025.csv]
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench.h"
#include "core/sociaal/verdeelsleutel.h"
#include "../tests/unit/gemeenten_testdata.h"

#define RONDES 10000

int main(int argc, char **argv)
{
	const char *pad = argc > 1 ? argv[1] : "data/gemeenten-2025.csv";
	static char codes[512][GEMEENTE_CODE_BYTES];
	static struct verdeelsleutel_deel d[512];
	static int64_t uit[512];
	static double tijd[RONDES];
	size_t n = gemeenten_lees(pad, codes, d, 512);
	if (n == 0) {
		fprintf(stderr, "bench_verdeelsleutel: kan %s niet lezen\n", pad);
		return 1;
	}
	const int64_t pot = INT64_C(10000000000);   /* EUR 100 mln */
	for (int r = 0; r < RONDES; r++) {
		struct error e;
		error_clear(&e);
		double t0 = nu();
		if (verdeelsleutel_verdeel(pot, d, n, uit, &e) != RC_OK) {
			fprintf(stderr, "bench_verdeelsleutel: %s\n", e.message);
			return 1;
		}
		tijd[r] = nu() - t0;
	}
	int64_t som = 0;
	for (size_t i = 0; i < n; i++)
		som += uit[i];
	qsort(tijd, RONDES, sizeof tijd[0], cmp);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("bench_verdeelsleutel: %zu gemeenten, pot %" PRId64 " cent, som van de delen %" PRId64 " cent (%s)\n", n,
	       pot, som, som == pot ? "precies de pot" : "NIET GELIJK");
	printf("  per verdeling: mediaan %.1f us, traagst %.1f us (%d keer); piekgeheugen van het proces %ld KiB\n",
	       tijd[RONDES / 2] * 1e6, tijd[RONDES - 1] * 1e6, RONDES, ru.ru_maxrss);
	return 0;
}
