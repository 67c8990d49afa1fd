/*
 * storing.h -- fault injection for tests, in the style of SQLite's fault
 * tests and curl's torture tests: make the Nth arena block allocation, or
 * the Nth store statement, of one request fail, and see that the system
 * answers with a clean error, leaks nothing and writes nothing half.
 *
 * Only a build with -DDOORBRAAK_STORINGEN (the sanitizer build: meson
 * option `storingen`, `make asan`) has it; in every other build
 * storing_nu() is a constant false and nothing can arm it. The server
 * arms it per request from the header "Doorbraak-Storing: arena:N" or
 * "store:N" (N >= 1), for the thread serving that request only. See
 * tests/storing/ and scripts/test.sh.
 */
#ifndef DOORBRAAK_STORING_H
#define DOORBRAAK_STORING_H

#include <stdbool.h>

enum storing_soort {
	STORING_ARENA,   /* a new block of an arena */
	STORING_STORE,   /* a statement of the store */
};

#ifdef DOORBRAAK_STORINGEN
/* True exactly once on this thread: on the Nth call for the armed kind. */
bool storing_nu(enum storing_soort soort);

/* Arms this thread from a header value ("arena:N" / "store:N"); false
 * (and disarmed) for anything else. NULL disarms. */
bool storing_wapen(const char *waarde);

/* A write transaction committed on this thread. */
void storing_gecommit(void);

/* "" when no fault happened on this thread since arming; "1" when it did;
 * "na-commit" when it did after a write transaction had committed (the
 * request then wrote whole transactions before it failed). */
const char *storing_gebeurd(void);
#else
static inline void storing_gecommit(void) {}
static inline bool storing_nu(enum storing_soort soort) { (void)soort; return false; }
static inline bool storing_wapen(const char *waarde) { (void)waarde; return false; }
static inline const char *storing_gebeurd(void) { return ""; }
#endif

#endif
