/*
 * fuzz_verdeling.c -- the allocation input (a scenario document, from the
 * CLI and the board's API): verdeling_lees with its validation; and the
 * board's framework decision (kaderbesluit_invoer_lees) on the same bytes.
 *
 *   make fuzz && build-fuzz/fuzz_verdeling -max_total_time=60 fuzz/corpus/verdeling
 */
#include "fuzz_lezer.h"

#include "core/verdeling/kaderbesluit.h"
#include "core/verdeling/verdeling.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *doc = NULL;
	if (fuzz_object(data, size, 1u << 20, &a, &doc)) {
		struct error e;
		error_clear(&e);
		struct verdeling_scenario s;
		struct verdeling_kandidaat *k = NULL;
		size_t n = 0;
		fuzz_rc(verdeling_lees(doc, &a, &s, &k, &n, &e));
		struct kaderbesluit_invoer kb;
		error_clear(&e);
		fuzz_rc(kaderbesluit_invoer_lees(doc, &kb, &e));
	}
	arena_release(&a);
	return 0;
}
