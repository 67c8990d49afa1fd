/*
 * fuzz_lezer.h -- what the fuzz targets of the core's readers share: the
 * bytes go through the same bounded JSON decoder a request body goes
 * through (json_decode_object), then to one reader. Any crash, sanitizer
 * report or leak is a bug; a refusal is a correct answer.
 */
#ifndef DOORBRAAK_FUZZ_LEZER_H
#define DOORBRAAK_FUZZ_LEZER_H

#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "core/basis/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decodes data[0..size) as a JSON object into *doc (released with the
 * arena); false when the decoder refuses it. */
static inline bool fuzz_object(const uint8_t *data, size_t size, size_t max_bytes,
			       struct arena *a, json_t **doc)
{
	struct error e;
	error_clear(&e);
	return json_decode_object((const char *)data, size, max_bytes, a, doc, &e) == RC_OK;
}

/* A rc a reader may answer with on any input: never RC_INTERNAL. */
static inline void fuzz_rc(rc_t rc)
{
	if (rc == RC_INTERNAL)
		__builtin_trap();
}

#endif
