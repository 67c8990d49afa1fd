/*
 * bench.h -- what the C benchmarks share: a monotonic clock in seconds and
 * an order for sorting measured times (for medians and the slowest).
 */
#ifndef DOORBRAAK_BENCH_H
#define DOORBRAAK_BENCH_H

#include <time.h>

static inline double nu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static inline int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

#endif
