/*
 * fuzz_klok.c -- the readers of times, dates and numbers in text: klok_lees
 * (ISO 8601 UTC moments of rounds and requests), klok_datum_lees (calendar
 * dates), catalogus_versie_parse. What a reader accepts must write back
 * and read again to the same value.
 *
 *   make fuzz && build-fuzz/fuzz_klok -max_total_time=60 fuzz/corpus/klok
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/klok.h"
#include "core/catalogus/catalogus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 256)
		return 0;
	char tekst[257];
	memcpy(tekst, data, size);
	tekst[size] = '\0';
	int64_t us = 0, dag = 0, versie = 0;
	if (klok_lees(tekst, &us)) {
		char terug[KLOK_TEKST_BYTES];
		int64_t us2 = -1;
		klok_tekst(us, terug, sizeof terug);
		if (!klok_lees(terug, &us2) || us2 != us)
			__builtin_trap();
	}
	if (klok_datum_lees(tekst, &dag) && (dag < -719162 || dag > 2932896))
		__builtin_trap();   /* outside 0001-01-01 .. 9999-12-31 */
	if (catalogus_versie_parse(tekst, &versie) && (versie < 1 || versie > INT32_MAX))
		__builtin_trap();
	return 0;
}
