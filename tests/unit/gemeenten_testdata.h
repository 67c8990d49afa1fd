/*
 * gemeenten_testdata.h -- the 342 municipalities of 2025 with their
 * inhabitants (data/gemeenten-2025.csv: gemeentecode,gemeentecode_gm,
 * gemeentenaam,provincie,inwoners,...) as the weights of a distribution key,
 * for the tests and the benchmark of core/sociaal/verdeelsleutel.
 */
#ifndef DOORBRAAK_GEMEENTEN_TESTDATA_H
#define DOORBRAAK_GEMEENTEN_TESTDATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sociaal/verdeelsleutel.h"

#define GEMEENTE_CODE_BYTES 8

/* Reads at most `max` municipalities from `pad` into d[] (ids copied into
 * codes[]); returns how many, 0 when the file cannot be read. */
static inline size_t gemeenten_lees(const char *pad, char (*codes)[GEMEENTE_CODE_BYTES],
				    struct verdeelsleutel_deel *d, size_t max)
{
	FILE *f = fopen(pad, "r");
	char regel[512];
	size_t n = 0;
	if (!f)
		return 0;
	if (!fgets(regel, sizeof regel, f)) {   /* the header */
		fclose(f);
		return 0;
	}
	while (n < max && fgets(regel, sizeof regel, f)) {
		char *code = strtok(regel, ","), *x = NULL;
		for (int k = 0; k < 4; k++)
			x = strtok(NULL, ",");
		if (!code || !x)
			continue;
		snprintf(codes[n], GEMEENTE_CODE_BYTES, "%s", code);
		d[n] = (struct verdeelsleutel_deel){codes[n], strtoll(x, NULL, 10)};
		n++;
	}
	fclose(f);
	return n;
}

#endif
