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

/* A thread's budget bounds all arenas made under it together, whatever
 * cap each names; releasing gives the bytes back. */
TEST(budget_bounds_every_arena_of_a_request)
{
	struct arena_budget b = {.cap_bytes = 256u * 1024u};
	struct arena_budget *vorig = arena_budget_zet(&b);
	struct arena a1, a2, buiten;
	arena_init(&a1, 1u << 30);
	arena_init(&a2, 1u << 30);
	arena_budget_zet(vorig);
	arena_init(&buiten, 1u << 30);   /* made after the budget was lifted: not counted */
	CHECK(arena_alloc(&a1, 200u * 1024u) != NULL);
	CHECK(arena_alloc(&a2, 100u * 1024u) == NULL);   /* 200 + 100 > 256 KiB together */
	CHECK(arena_alloc(&buiten, 300u * 1024u) != NULL);
	CHECK(b.used_bytes >= 200u * 1024u && b.used_bytes <= b.cap_bytes);
	arena_release(&a1);
	CHECK(b.used_bytes == 0);
	CHECK(arena_alloc(&a2, 100u * 1024u) != NULL);   /* room again */
	CHECK(b.piek_bytes >= 200u * 1024u);
	arena_release(&a2);
	arena_release(&buiten);
	CHECK(b.used_bytes == 0);
}

int main(void)
{
	RUN(budget_bounds_every_arena_of_a_request);
	RUN(alloc_is_zeroed_and_aligned);
	RUN(cap_gives_null_not_abort);
	RUN(cleanups_run_at_release);
	RUN(strings);
	return HARNESS_END();
}
