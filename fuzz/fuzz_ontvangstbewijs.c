/*
 * fuzz_ontvangstbewijs.c -- the receipt reader behind the public
 * POST /ontvangstbewijzen/verificaties: ontvangstbewijs_lees, and writing
 * back what it accepted.
 *
 *   make fuzz && build-fuzz/fuzz_ontvangstbewijs -max_total_time=60 fuzz/corpus/ontvangstbewijs
 */
#include "fuzz_lezer.h"

#include <string.h>

#include "core/aanvraag/indiening.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	json_t *doc = NULL;
	if (fuzz_object(data, size, 4096, &a, &doc)) {
		struct error e;
		error_clear(&e);
		struct ontvangstbewijs b;
		rc_t rc = ontvangstbewijs_lees(doc, &b, &e);
		fuzz_rc(rc);
		if (rc == RC_OK) {
			/* what was accepted is a whole receipt: it writes and reads back the same */
			json_t *terug = ontvangstbewijs_json(&b);
			struct ontvangstbewijs b2;
			error_clear(&e);
			if (!terug || ontvangstbewijs_lees(terug, &b2, &e) != RC_OK ||
			    b2.aanvraag_id != b.aanvraag_id || b2.versie != b.versie ||
			    strcmp(b2.sha256, b.sha256) != 0)
				__builtin_trap();
			json_decref(terug);
		}
	}
	arena_release(&a);
	return 0;
}
