/*
 * harness.h -- a tiny unit-test harness (after Redis' testhelp.h).
 *
 * TEST(name) { ... CHECK(cond); ... } and RUN(name) in main(). Every
 * CHECK prints nothing when it holds and "  failed: file:line: cond"
 * otherwise; every test prints "ok - name" or "not ok - name", which
 * scripts/test.sh counts. main() returns non-zero when any test failed.
 */
#ifndef DOORBRAAK_HARNESS_H
#define DOORBRAAK_HARNESS_H

#include <stdio.h>
#include <stdlib.h>

static int harness_failed_checks;
static int harness_tests_failed;
static int harness_tests_passed;

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (!(cond)) {                                                   \
			harness_failed_checks++;                                 \
			fprintf(stdout, "  failed: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                \
	} while (0)

#define TEST(name) static void test_##name(void)

#define RUN(name)                                                                \
	do {                                                                     \
		int before = harness_failed_checks;                              \
		test_##name();                                                   \
		if (harness_failed_checks == before) {                           \
			harness_tests_passed++;                                  \
			printf("ok - %s\n", #name);                              \
		} else {                                                         \
			harness_tests_failed++;                                  \
			printf("not ok - %s\n", #name);                          \
		}                                                                \
		fflush(stdout);                                                  \
	} while (0)

#define HARNESS_END() (harness_tests_failed ? 1 : 0)

#endif
