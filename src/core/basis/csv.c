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

size_t csv_regel(const char *line, size_t len, char *buf, size_t cap, const char **velden, size_t max)
{
	size_t count = 0, pos = 0;
	bool quoted = false;
	if (cap == 0 || max == 0)
		return 0;
	buf[0] = '\0';
	velden[0] = buf;
	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if (quoted && c == '"' && i + 1 < len && line[i + 1] == '"') {
			i++;
		} else if (c == '"') {
			quoted = !quoted;
			continue;
		} else if (c == ',' && !quoted) {
			count++;
			if (pos + 1 < cap)
				pos++;   /* past the field's NUL */
			buf[pos] = '\0';
			if (count < max)
				velden[count] = buf + pos;
			continue;
		} else if (c == '\r') {
			continue;
		}
		if (count < max && pos + 1 < cap) {
			buf[pos++] = c;
			buf[pos] = '\0';
		}
	}
	return count + 1;
}
