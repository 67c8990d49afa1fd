/*
 * fuzz_bijlage.c -- the decoders of an uploaded file (core/bijlage): the
 * type read from the content by libmagic against the allow-list, and the
 * cleaning of the file name. Whatever the bytes: a type on the list or a
 * refusal with its code; a cleaned name without path, quotes or control
 * characters, within its length, never empty.
 *
 *   make fuzz && build-fuzz/fuzz_bijlage -max_total_time=60 fuzz/corpus/bijlage
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/bijlage/bijlage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error e;
	error_clear(&e);
	const struct bijlage_type *t = NULL;
	rc_t rc = bijlage_type_bepaal(data, size, &t, &e);
	if (rc == RC_OK) {
		size_t n;
		const struct bijlage_type *lijst = bijlage_toegestaan(&n);
		if (t < lijst || t >= lijst + n)
			abort();
	} else if (e.item_count != 1 || !e.items[0].code[0]) {
		abort();
	}
	if (size > 1024)
		return 0;
	char naam[1025];
	memcpy(naam, data, size);
	naam[size] = '\0';
	struct arena a;
	arena_init(&a, 1u << 20);
	const char *s = bijlage_naam_schoon(&a, naam);
	if (!s || !*s || strlen(s) > BIJLAGE_NAAM_MAX || strpbrk(s, "/\\\"'"))
		abort();
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			abort();
	arena_release(&a);
	return 0;
}
