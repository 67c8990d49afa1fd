/*
 * klok.h -- the server's clock, in microseconds UTC, and injectable.
 *
 * Every moment that decides something (a submission inside its round, an
 * assessment after the closing moment) is read from the server's clock,
 * never from the client [001 "Vervolgproces"]: one submission moment,
 * nothing accepted after it. A `struct klok` is that clock; NULL means
 * the real time (CLOCK_REALTIME). Tests pass a clock of their own to
 * play the last microsecond before a closing moment exactly.
 *
 * Moments are int64 microseconds since 1970-01-01T00:00:00Z (no leap
 * seconds, as POSIX), written as ISO 8601 with six decimals and "Z":
 * 2027-03-01T12:00:00.000000Z.
 */
#ifndef DOORBRAAK_KLOK_H
#define DOORBRAAK_KLOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KLOK_TEKST_BYTES 32   /* "2027-03-01T12:00:00.000000Z" and a NUL */
#define KLOK_US_PER_S INT64_C(1000000)

struct klok {
	/* Returns the time now in microseconds UTC; `ctx` is the clock's own. */
	int64_t (*nu_us)(void *ctx);
	void *ctx;
};

/* The time now of `k` (NULL: the real clock). */
int64_t klok_nu_us(const struct klok *k);

/* The time now of `k` as ISO 8601 UTC with microseconds into out (at
 * least KLOK_TEKST_BYTES): the one way the system writes "now". */
char *klok_nu_tekst(const struct klok *k, char *out, size_t n);

/* The calendar year (UTC) of now of `k`: the year a payment, correction
 * or reclaim is booked in. */
int64_t klok_jaar(const struct klok *k);

/* The time now of `k` in whole seconds since 1970 (sessions, throttling). */
int64_t klok_nu_s(const struct klok *k);

/* Writes `us` as ISO 8601 UTC with microseconds into out (at least
 * KLOK_TEKST_BYTES); returns out. Years outside 1..9999 are clamped. */
char *klok_tekst(int64_t us, char *out, size_t n);

/* Parses an ISO date "YYYY-MM-DD" that must be a real calendar date
 * (proleptic Gregorian, years 1..9999) into days since 1970-01-01.
 * Returns false (and leaves *dag untouched) for anything else. */
bool klok_datum_lees(const char *s, int64_t *dag);

/* Parses "YYYY-MM-DDTHH:MM:SSZ" or with a fraction of 1..6 digits
 * ("...:SS.123456Z"); only UTC ("Z") is accepted, no offsets. Returns
 * false for anything else, leaving *us untouched. */
bool klok_lees(const char *tekst, int64_t *us);

/* Writes day `dag` (days since 1970-01-01) as "YYYY-MM-DD" into out (at
 * least 11 bytes); returns out. */
char *klok_dag_tekst(int64_t dag, char *out, size_t n);

/* Today (UTC) of `k` in days since 1970-01-01. */
int64_t klok_vandaag(const struct klok *k);

/* A fixed clock for tests: klok_vast(&k, &t) makes k read *t. */
void klok_vast(struct klok *k, int64_t *tijd_us);

/* A clock that runs at the real pace, *verschil_us ahead of (or behind)
 * the real clock: klok_verschoven(&k, &d). The server's booking clock in a
 * training or acceptance environment (DOORBRAAK_BOEKKLOK, docs/betaling.md). */
void klok_verschoven(struct klok *k, int64_t *verschil_us);

#endif
