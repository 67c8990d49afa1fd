/*
 * fuzz_sociaal.c -- the decoders of the social-domain track: the regioscan
 * CSV (regioscan_csv_lees, an upload of up to 1 MiB) and a region set
 * (regioindeling_valideer, a JSON body of up to 512 KiB, also against
 * itself as the previous version).
 *
 *   make fuzz && build-fuzz/fuzz_sociaal -max_total_time=60 fuzz/corpus/sociaal
 */
#include "fuzz_lezer.h"

#include "core/sociaal/sociaal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	struct error e;
	error_clear(&e);
	json_t *scans = NULL;
	if (size <= (1u << 20)) {
		rc_t rc = regioscan_csv_lees((const char *)data, size, &a, &scans, &e);
		fuzz_rc(rc);
		json_decref(scans);
	}
	json_t *doc = NULL;
	if (fuzz_object(data, size, 512u << 10, &a, &doc)) {
		error_clear(&e);
		fuzz_rc(regioindeling_valideer(doc, doc, &e));
	}
	arena_release(&a);
	return 0;
}
