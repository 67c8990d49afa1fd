/*
 * wachtwoord.c -- how long one password verification (one login) takes with
 * the argon2id parameters of src/core/toegang/wachtwoord.h, and the dummy
 * verification of an unknown account beside it. Printed, never asserted
 * (docs/toegang.md "Passwords").
 *
 *   build/bench_wachtwoord [N]      N verifications (default 5)
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/toegang/wachtwoord.h"

static double nu_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 5;
	if (n < 1 || n > 1000 || sodium_init() < 0) {
		fprintf(stderr, "gebruik: bench_wachtwoord [1..1000]\n");
		return 2;
	}
	struct error e;
	error_clear(&e);
	char hash[WACHTWOORD_HASH_MAX];
	if (wachtwoord_hash("paard batterij nietje", hash, &e) != RC_OK) {
		fprintf(stderr, "hashen mislukt: %s\n", e.message);
		return 1;
	}
	double beste = 1e9, som = 0;
	for (int i = 0; i < n; i++) {
		double t0 = nu_s();
		if (!wachtwoord_klopt(hash, "paard batterij nietje"))
			return 1;
		double d = nu_s() - t0;
		som += d;
		beste = d < beste ? d : beste;
	}
	double t0 = nu_s();
	wachtwoord_schijncontrole("iets anders");
	double schijn = nu_s() - t0;
	printf("argon2id t=%u m=%u MiB: verificatie min %.0f ms, gemiddeld %.0f ms (%d keer); "
	       "onbekend account %.0f ms\n",
	       WACHTWOORD_OPSLIMIT, WACHTWOORD_MEMLIMIT_BYTES / (1024u * 1024u), beste * 1000.0,
	       som / n * 1000.0, n, schijn * 1000.0);
	return 0;
}
