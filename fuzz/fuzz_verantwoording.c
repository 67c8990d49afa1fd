/*
 * fuzz_verantwoording.c -- the readers of the bodies after the payment (a
 * request body of up to 512 KiB): the accountability document
 * (verantwoording_lees), the plausibility test of it (plausibiliteit_lees,
 * with a rule found against every other line) and a correction of a
 * payment (correctie_lees).
 *
 *   make fuzz && build-fuzz/fuzz_verantwoording -max_total_time=60 fuzz/corpus/verantwoording
 */
#include "fuzz_lezer.h"

#include <string.h>

#include "core/betaling/correctie.h"
#include "core/verantwoording/plausibiliteit.h"
#include "core/verantwoording/verantwoording.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *doc = NULL;
	if (fuzz_object(data, size, 512u << 10, &a, &doc)) {
		struct error e;
		error_clear(&e);
		struct verantwoording_invoer in;
		rc_t rc = verantwoording_lees(doc, &a, &in, &e);
		fuzz_rc(rc);
		if (rc == RC_OK) {
			bool *bezwaar = arena_alloc(&a, in.regel_aantal + 1);
			for (size_t i = 0; bezwaar && i < in.regel_aantal; i++)
				bezwaar[i] = i % 2 == 1;
			struct plausibiliteit p;
			error_clear(&e);
			if (bezwaar)
				fuzz_rc(plausibiliteit_lees(doc, &in, bezwaar, &a, &p, &e));
		}
		int64_t bedrag = 0;
		const char *reden = NULL;
		error_clear(&e);
		fuzz_rc(correctie_lees(doc, &bedrag, &reden, &e));
	}
	arena_release(&a);
	return 0;
}
