/* test_arena.c -- the capped per-request arena. */
#include <stdint.h>
#include <string.h>

#include "core/basis/arena.h"
#include "harness.h"

TEST(alloc_is_zeroed_and_aligned)
{
	struct arena a;
	arena_init(&a, 1u << 20);
	for (int i = 1; i < 100; i++) {
		unsigned char *p = arena_alloc(&a, (size_t)i);
		CHECK(p != NULL);
		CHECK(((uintptr_t)p % 16) == 0);
		CHECK(p[i - 1] == 0);
		memset(p, 0xff, (size_t)i);
	}
	arena_release(&a);
	CHECK(a.used_bytes == 0);
}

TEST(cap_gives_null_not_abort)
{
	struct arena a;
	arena_init(&a, 64 * 1024);
	CHECK(arena_alloc(&a, 60 * 1024) != NULL);
	CHECK(arena_alloc(&a, 60 * 1024) == NULL);
	CHECK(arena_alloc(&a, SIZE_MAX) == NULL);
	arena_release(&a);
}

static int cleaned;
static void count_cleanup(void *p) { cleaned += *(int *)p; }

TEST(cleanups_run_at_release)
{
	struct arena a;
	arena_init(&a, 1u << 20);
	static int one = 1, two = 2;
	cleaned = 0;
	CHECK(arena_on_release(&a, count_cleanup, &one) == 0);
	CHECK(arena_on_release(&a, count_cleanup, &two) == 0);
	CHECK(cleaned == 0);
	arena_release(&a);
	CHECK(cleaned == 3);
}

TEST(strings)
{
	struct arena a;
	arena_init(&a, 1u << 20);
	CHECK(strcmp(arena_strdup(&a, "grootboek"), "grootboek") == 0);
	CHECK(strcmp(arena_strndup(&a, "mijlpaal", 4), "mijl") == 0);
	CHECK(strcmp(arena_printf(&a, "%d-%s", 42, "x"), "42-x") == 0);
	arena_release(&a);
}

int main(void)
{
	RUN(alloc_is_zeroed_and_aligned);
	RUN(cap_gives_null_not_abort);
	RUN(cleanups_run_at_release);
	RUN(strings);
	return HARNESS_END();
}
