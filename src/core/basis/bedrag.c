/*
 * bedrag.c -- amounts as Dutch text. See bedrag.h.
 */
#include "core/basis/bedrag.h"

#include <stdio.h>
#include <string.h>

/* Writes |x| with dots every three digits into buf; returns its length. */
static size_t duizendtallen(uint64_t x, char *buf, size_t n)
{
	char rev[32];
	size_t k = 0, len = 0;
	do {
		if (k && k % 3 == 0)
			rev[len++] = '.';
		rev[len++] = (char)('0' + x % 10);
		x /= 10;
		k++;
	} while (x && len < sizeof rev - 1);
	size_t m = len < n - 1 ? len : n - 1;
	for (size_t i = 0; i < m; i++)
		buf[i] = rev[len - 1 - i];
	buf[m] = '\0';
	return m;
}

char *bedrag_tekst(int64_t cent, char *buf, size_t n)
{
	char getal[BEDRAG_TEKST_BYTES];
	bedrag_getal(cent, getal, sizeof getal);
	snprintf(buf, n, "%sEUR %s", cent < 0 ? "-" : "", getal + (cent < 0));
	return buf;
}

char *bedrag_getal(int64_t cent, char *buf, size_t n)
{
	uint64_t abs = cent < 0 ? (uint64_t)0 - (uint64_t)cent : (uint64_t)cent;
	char heel[32];
	duizendtallen(abs / 100, heel, sizeof heel);
	snprintf(buf, n, "%s%s,%02u", cent < 0 ? "-" : "", heel, (unsigned)(abs % 100));
	return buf;
}

char *duizendsten_tekst(int64_t milli, char *buf, size_t n)
{
	uint64_t abs = milli < 0 ? (uint64_t)0 - (uint64_t)milli : (uint64_t)milli;
	char heel[32], fractie[8] = "";
	unsigned rest = (unsigned)(abs % 1000);
	duizendtallen(abs / 1000, heel, sizeof heel);
	if (rest) {
		snprintf(fractie, sizeof fractie, ",%03u", rest);
		for (size_t k = strlen(fractie); fractie[k - 1] == '0'; k--)
			fractie[k - 1] = '\0';
	}
	snprintf(buf, n, "%s%s%s", milli < 0 ? "-" : "", heel, fractie);
	return buf;
}
