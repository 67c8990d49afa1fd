/*
 * identificatie.c -- validation of AGB, KvK, UZOVI, IBAN and CBS codes.
 * See identificatie.h.
 *
 * The municipality list is the CSV file data/gemeenten-2025.csv, compiled
 * into the binary by scripts/embed.py and parsed once on first use.
 */
#include "core/toegang/identificatie.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/basis/csv.h"
#include "core/basis/embedded.h"

#define GEMEENTE_MAX 400
#define GEMEENTE_BESTAND "data/gemeenten-2025.csv"
#define CSV_FIELDS_MAX 8
#define CSV_FIELD_BYTES 96

bool identificatie_cijfers(const char *s, size_t digits)
{
	if (!s)
		return false;
	for (size_t i = 0; i < digits; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[digits] == '\0';
}

bool identificatie_agb(const char *s) { return identificatie_cijfers(s, 8); }
bool identificatie_kvk(const char *s) { return identificatie_cijfers(s, 8); }
bool identificatie_uzovi(const char *s) { return identificatie_cijfers(s, 4); }

/* IBAN lengths of the SEPA countries most likely to appear (ISO 13616
 * registry, release 2024). A country not listed only gets 15..34. */
static const struct {
	char land[3];
	unsigned char lengte;
} iban_lengtes[] = {
	{"NL", 18}, {"BE", 16}, {"DE", 22}, {"LU", 20}, {"FR", 27}, {"GB", 22},
	{"IE", 22}, {"ES", 24}, {"IT", 27}, {"AT", 20}, {"CH", 21}, {"DK", 18},
	{"SE", 24}, {"NO", 15}, {"FI", 18}, {"PT", 25}, {"PL", 28},
};

int identificatie_iban_mod97(const char *iban)
{
	size_t n = strlen(iban);
	if (n < 5)
		return -1;
	unsigned rest = 0;
	for (size_t k = 0; k < n; k++) {
		char c = iban[(k + 4) % n]; /* the first four characters go last */
		if (c >= '0' && c <= '9')
			rest = (rest * 10 + (unsigned)(c - '0')) % 97;
		else if (c >= 'A' && c <= 'Z')
			rest = (rest * 100 + (unsigned)(c - 'A' + 10)) % 97;
		else
			return -1;
	}
	return (int)rest;
}

rc_t identificatie_iban(const char *in, char out[IBAN_MAX + 1], const char *field,
			struct error *e)
{
	char buf[IBAN_MAX + 1];
	size_t n = 0;
	for (const char *p = in; p && *p; p++) {
		if (*p == ' ')
			continue;
		if (n >= IBAN_MAX) {
			error_add(e, field, "iban_lengte", NULL, "Een IBAN heeft hoogstens 34 tekens.");
			return RC_INVALID;
		}
		buf[n++] = (char)toupper((unsigned char)*p);
	}
	buf[n] = '\0';
	bool vorm = n >= 15 && isupper((unsigned char)buf[0]) && isupper((unsigned char)buf[1]) &&
		    isdigit((unsigned char)buf[2]) && isdigit((unsigned char)buf[3]);
	for (size_t i = 4; vorm && i < n; i++)
		vorm = isdigit((unsigned char)buf[i]) || isupper((unsigned char)buf[i]);
	if (!vorm) {
		error_add(e, field, "iban_vorm", NULL,
			  "Een IBAN begint met een landcode en twee controlecijfers, gevolgd door "
			  "letters en cijfers (bijvoorbeeld NL91ABNA0417164300).");
		return RC_INVALID;
	}
	for (size_t i = 0; i < sizeof iban_lengtes / sizeof iban_lengtes[0]; i++) {
		if (strncmp(buf, iban_lengtes[i].land, 2) == 0 && n != iban_lengtes[i].lengte) {
			error_add(e, field, "iban_lengte", NULL,
				  "Een IBAN uit %s heeft %u tekens, niet %zu.", iban_lengtes[i].land,
				  (unsigned)iban_lengtes[i].lengte, n);
			return RC_INVALID;
		}
	}
	if (identificatie_iban_mod97(buf) != 1) {
		error_add(e, field, "iban_controle", NULL,
			  "De controlecijfers van dit IBAN kloppen niet (mod-97); controleer op tikfouten.");
		return RC_INVALID;
	}
	memcpy(out, buf, n + 1);
	return RC_OK;
}

/* ---- municipalities ------------------------------------------------- */

static struct gemeente gemeenten[GEMEENTE_MAX];
static size_t gemeente_aantal;
static pthread_once_t gemeenten_once = PTHREAD_ONCE_INIT;

/* Parses the embedded list; header line first, then one line per
 * municipality: gemeentecode,gemeentecode_gm,gemeentenaam,provincie,... */
static void gemeenten_laden(void)
{
	const struct embedded_file *f = embedded_find(GEMEENTE_BESTAND);
	if (!f)
		return;
	const char *p = f->data, *end = f->data + f->size;
	bool header = true;
	char buf[CSV_FIELDS_MAX * CSV_FIELD_BYTES];
	const char *fields[CSV_FIELDS_MAX];
	while (p < end && gemeente_aantal < GEMEENTE_MAX) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t n = csv_regel(p, len, buf, sizeof buf, fields, CSV_FIELDS_MAX);
		p += len + 1;
		if (header) {
			header = false;
			continue;
		}
		if (n < 4 || !identificatie_cijfers(fields[0], 4))
			continue;
		struct gemeente *g = &gemeenten[gemeente_aantal++];
		snprintf(g->cbs_code, sizeof g->cbs_code, "%.4s", fields[0]);
		snprintf(g->naam, sizeof g->naam, "%.63s", fields[2]);
		snprintf(g->provincie, sizeof g->provincie, "%.31s", fields[3]);
		g->inwoners = n > 4 ? strtoll(fields[4], NULL, 10) : 0;
	}
}

const struct gemeente *identificatie_gemeente(const char *cbs_code)
{
	if (!cbs_code)
		return NULL;
	if (strncmp(cbs_code, "GM", 2) == 0)
		cbs_code += 2;
	if (!identificatie_cijfers(cbs_code, 4))
		return NULL;
	pthread_once(&gemeenten_once, gemeenten_laden);
	for (size_t i = 0; i < gemeente_aantal; i++)
		if (strcmp(gemeenten[i].cbs_code, cbs_code) == 0)
			return &gemeenten[i];
	return NULL;
}

size_t identificatie_gemeente_aantal(void)
{
	pthread_once(&gemeenten_once, gemeenten_laden);
	return gemeente_aantal;
}

const struct gemeente *identificatie_gemeente_nr(size_t i)
{
	pthread_once(&gemeenten_once, gemeenten_laden);
	return i < gemeente_aantal ? &gemeenten[i] : NULL;
}
