/*
 * fuzz_catalogus.c -- the catalogue and modelplan readers (a document the
 * programme office publishes, up to 4 MiB): catalogus_valideer, and the
 * checks' reading of a modelplan's norms against the embedded catalogue.
 *
 *   make fuzz && build-fuzz/fuzz_catalogus -max_total_time=60 fuzz/corpus/catalogus
 */
#include "fuzz_lezer.h"

#include <string.h>

#include "core/aanvraag/toets.h"
#include "core/basis/embedded.h"
#include "core/catalogus/catalogus.h"

static json_t *standaard;

/* The catalogue compiled into the binary, decoded once. */
static json_t *standaard_catalogus(void)
{
	if (standaard)
		return standaard;
	const struct embedded_file *f = embedded_find("catalogus/catalogus.json");
	json_error_t je;
	standaard = f ? json_loadb((const char *)f->data, f->size, 0, &je) : NULL;
	return standaard;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *doc = NULL;
	if (fuzz_object(data, size, 4u << 20, &a, &doc)) {
		struct error e;
		error_clear(&e);
		fuzz_rc(catalogus_valideer(doc, "fuzz.json", &e));
		json_t *cat = standaard_catalogus();
		if (cat) {
			struct modelplan_normen n;
			error_clear(&e);
			fuzz_rc(toets_normen_lees(doc, cat, &n, &e));
			struct toets_ronde r;
			error_clear(&e);
			fuzz_rc(toets_ronde_lees(doc, "B", true, &r, &e));
		}
	}
	arena_release(&a);
	return 0;
}
