/*
 * bedrag.h -- arithmetic on money: integer euro cents (int64_t), overflow
 * checked, never floating point (DEVELOPERS.md "Money").
 *
 * Every sum or difference of amounts that can come from outside (a request
 * body, a document, a stored value summed with others) goes through these
 * helpers. On overflow they return false and leave *acc unchanged, so the
 * caller reports a clear problem instead of storing a wrapped number.
 */
#ifndef DOORBRAAK_BEDRAG_H
#define DOORBRAAK_BEDRAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* *som_cent += bedrag_cent; false (and *som_cent unchanged) on overflow. */
static inline bool bedrag_tel_op(int64_t *som_cent, int64_t bedrag_cent)
{
	int64_t r;
	if (__builtin_add_overflow(*som_cent, bedrag_cent, &r))
		return false;
	*som_cent = r;
	return true;
}

/* *rest_cent -= bedrag_cent; false (and *rest_cent unchanged) on overflow. */
static inline bool bedrag_trek_af(int64_t *rest_cent, int64_t bedrag_cent)
{
	int64_t r;
	if (__builtin_sub_overflow(*rest_cent, bedrag_cent, &r))
		return false;
	*rest_cent = r;
	return true;
}

/* cent x bp / 10,000 (rounded toward zero) into *uit_cent: a share in
 * basis points of an amount; false (and *uit_cent unchanged) on overflow. */
static inline bool bedrag_deel_bp(int64_t cent, int64_t bp, int64_t *uit_cent)
{
	int64_t r;
	if (__builtin_mul_overflow(cent, bp, &r))
		return false;
	*uit_cent = r / 10000;
	return true;
}

/* a_cent + b_cent into *uit_cent; false (and *uit_cent unchanged) on overflow. */
static inline bool bedrag_som(int64_t a_cent, int64_t b_cent, int64_t *uit_cent)
{
	int64_t r;
	if (__builtin_add_overflow(a_cent, b_cent, &r))
		return false;
	*uit_cent = r;
	return true;
}

/* Bytes that always hold bedrag_tekst of any int64_t: "-EUR 92.233.720.368.547.758,08". */
#define BEDRAG_TEKST_BYTES 40

/* Cents as Dutch euros, the one formatter for every message and document:
 * 123456789 -> "EUR 1.234.567,89", -5 -> "-EUR 0,05". Integers only;
 * INT64_MIN included. Truncates to n bytes; returns buf. */
char *bedrag_tekst(int64_t cent, char *buf, size_t n);

/* The same without "EUR ": 123456789 -> "1.234.567,89". */
char *bedrag_getal(int64_t cent, char *buf, size_t n);

/* Thousandths as a Dutch number without trailing zeros: 34500 -> "34,5",
 * 1234000 -> "1.234", -1 -> "-0,001". Returns buf. */
char *duizendsten_tekst(int64_t milli, char *buf, size_t n);

#endif
