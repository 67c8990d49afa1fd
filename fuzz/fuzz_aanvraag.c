/*
 * fuzz_aanvraag.c -- the application document reader (a request body of
 * up to 4 MiB): aanvraag_lees and the search for real numbers.
 *
 *   make fuzz && build-fuzz/fuzz_aanvraag -max_total_time=60 fuzz/corpus/aanvraag
 */
#include "fuzz_lezer.h"

#include "core/aanvraag/aanvraag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *doc = NULL;
	if (fuzz_object(data, size, 4u << 20, &a, &doc)) {
		struct error e;
		error_clear(&e);
		aanvraag_kommagetallen(doc, "", &e);
		struct aanvraag uit;
		error_clear(&e);
		fuzz_rc(aanvraag_lees(doc, &a, &uit, &e));
		fuzz_rc(aanvraag_lees(doc, &a, &uit, NULL));
	}
	arena_release(&a);
	return 0;
}
