/*
 * fuzz_monitoring.c -- the decoder of a project's progress report
 * (projectvoortgang_lees, a JSON body of up to 64 KiB) against a fixed plan:
 * five milestones with KPIs and the twelve quarters.
 *
 *   make fuzz && build-fuzz/fuzz_monitoring -max_total_time=60 fuzz/corpus/monitoring
 */
#include "fuzz_lezer.h"

#include "core/monitoring/monitoring_intern.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const codes[] = {"2027-K1", "2027-K2", "2027-K3", "2027-K4", "2028-K1", "2028-K2",
					    "2028-K3", "2028-K4", "2029-K1", "2029-K2", "2029-K3", "2029-K4"};
	struct monitoring_periode perioden[12];
	for (int i = 0; i < 12; i++)
		perioden[i] = (struct monitoring_periode){.code = codes[i]};
	struct monitoring_stand st = {.perioden = perioden, .periode_aantal = 12};
	json_t *modelplan = json_loads("[{\"id\":\"m1\",\"naam\":\"Start\",\"kpi\":\"Meetplan\"},"
				       "{\"id\":\"m2\",\"kpi\":\"Gebruik\"},{\"id\":\"m3\"}]", 0, NULL);
	json_t *beschikking = json_loads("[{\"id\":\"m1\",\"streefdatum\":\"2027-06-30\"},{\"id\":\"m2\"}]", 0, NULL);
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *doc = NULL;
	if (fuzz_object(data, size, 64u << 10, &a, &doc)) {
		struct error e;
		error_clear(&e);
		projectvoortgang_lees(doc, modelplan, beschikking, &st, &e);
		fuzz_rc(e.item_count || e.items_dropped ? RC_INVALID : RC_OK);
	}
	arena_release(&a);
	json_decref(modelplan);
	json_decref(beschikking);
	return 0;
}
