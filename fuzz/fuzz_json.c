/*
 * fuzz_json.c -- libFuzzer target for the bounded JSON decoder.
 *
 * Feeds arbitrary bytes to json_depth() and json_decode_object() with the
 * limits a request body gets (a small byte cap so the size check is hit
 * too, JSON_MAX_DEPTH), both with and without a request arena, and then
 * exercises the typed readers and the encoder on whatever decoded. Any
 * crash, sanitizer report or leak is a bug.
 *
 *   make fuzz && build-fuzz/fuzz_json -max_total_time=60 fuzz/corpus/json
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "core/basis/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Below libFuzzer's default -max_len (4096), so the size limit is hit. */
#define FUZZ_MAX_BYTES 2048u

static void check_depth(const char *buf, size_t len)
{
	size_t limited = json_depth(buf, len, JSON_MAX_DEPTH);
	size_t full = json_depth(buf, len, (size_t)-1);
	/* The limited scan stops early but never under-reports. */
	if (full > JSON_MAX_DEPTH && limited <= JSON_MAX_DEPTH)
		abort();
	if (full <= JSON_MAX_DEPTH && limited != full)
		abort();
}

static void use_object(json_t *obj, struct arena *arena)
{
	struct error e;
	error_clear(&e);
	const char *s;
	int64_t i;
	bool b;
	json_t *sub;
	json_get_string(obj, "naam", false, "", &s, &e);
	json_get_int(obj, "bedrag", false, "", &i, &e);
	json_get_bool(obj, "actief", false, "", &b, &e);
	json_get_array(obj, "regels", false, "", &sub, &e);
	json_get_object(obj, "meta", false, "", &sub, &e);
	static const char *const allowed[] = {"naam", "bedrag", NULL};
	json_reject_unknown(obj, allowed, "", &e);
	if (arena)
		(void)json_encode(arena, obj);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The server hands the decoder a NUL-terminated heap copy; a copy of
	 * exactly `size` bytes also catches reads past the end. */
	char *buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	if (size)
		memcpy(buf, data, size);

	check_depth(buf, size);

	/* With a request arena: the arena owns the decoded value. */
	struct arena arena;
	arena_init(&arena, 1u << 20);
	struct error e;
	error_clear(&e);
	json_t *obj = NULL;
	rc_t rc = json_decode_object(buf, size, FUZZ_MAX_BYTES, &arena, &obj, &e);
	if (rc == RC_OK) {
		if (!json_is_object(obj))
			abort();
		use_object(obj, &arena);
	} else if (e.rc != rc || obj != NULL) {
		abort();
	}
	arena_release(&arena);

	/* Without an arena: the caller owns the value. */
	error_clear(&e);
	obj = NULL;
	rc = json_decode_object(buf, size, FUZZ_MAX_BYTES, NULL, &obj, &e);
	if (rc == RC_OK) {
		use_object(obj, NULL);
		json_decref(obj);
	}

	/* Any JSON value, with a tight depth limit. */
	error_clear(&e);
	json_t *any = NULL;
	if (json_decode(buf, size, FUZZ_MAX_BYTES, 4, NULL, &any, &e) == RC_OK)
		json_decref(any);

	free(buf);
	return 0;
}
