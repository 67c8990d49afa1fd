/*
 * csv.c -- CSV fields. See csv.h.
 */
#include "core/basis/csv.h"

#include <stdbool.h>
#include <string.h>

void csv_veld(FILE *f, const char *t)
{
	if (!t)
		return;
	bool formule = t[0] != '\0' && strchr("=+-@\t\r", t[0]) != NULL;
	bool quotes = strpbrk(t, ";\"\r\n") != NULL;
	if (quotes)
		fputc('"', f);
	if (formule)
		fputc('\'', f);
	for (; *t; t++) {
		if (quotes && *t == '"')
			fputc('"', f);
		fputc(*t, f);
	}
	if (quotes)
		fputc('"', f);
}
