/*
 * identificatie.h -- the identifiers of the parties, validated.
 *
 * Care providers carry an AGB code and a KvK number (8 digits each),
 * health insurers a UZOVI code (4 digits), municipalities their CBS code
 * (4 digits, checked against the municipality list of the reference year
 * shipped in data/gemeenten-2025.csv and compiled into the binary), and
 * every party may give a bank account as IBAN (ISO 13616: country
 * length and the mod-97 check). None of these registers publishes a check
 * digit for AGB, KvK or UZOVI, so for those the form is all that can be
 * checked here; uniqueness is the store's job.
 *
 * The functions are pure (no store, no HTTP) and thread-safe.
 */
#ifndef DOORBRAAK_IDENTIFICATIE_H
#define DOORBRAAK_IDENTIFICATIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/error.h"

#define IDENTIFICATIE_GEMEENTE_PEILJAAR 2025
#define IBAN_MAX 34

/* True when `s` is exactly `digits` ASCII digits. */
bool identificatie_cijfers(const char *s, size_t digits);

/* AGB code: 8 digits. */
bool identificatie_agb(const char *s);

/* KvK number: 8 digits. */
bool identificatie_kvk(const char *s);

/* UZOVI code: 4 digits. */
bool identificatie_uzovi(const char *s);

/* Normalises an IBAN as people write it (spaces allowed, any case) into
 * `out` (IBAN_MAX + 1 bytes): upper case, no spaces. Then checks the
 * characters, the length of its country (when the country is in the
 * table; others 15..34) and the mod-97 check (remainder 1). Returns
 * RC_OK, or RC_INVALID with a problem for `field` added to `e`; `out`
 * is written only on success. */
rc_t identificatie_iban(const char *in, char out[IBAN_MAX + 1], const char *field,
			struct error *e);

/* The remainder mod 97 of an IBAN in normalised form after moving the
 * first four characters to the end and letters to numbers (A=10 ...);
 * -1 when a character is not a digit or capital letter. Exposed for tests. */
int identificatie_iban_mod97(const char *normalised);

/* One municipality of the reference list. */
struct gemeente {
	char cbs_code[5];     /* "0014" */
	char naam[64];        /* "Groningen" */
	char provincie[32];
	int64_t inwoners;     /* as the list gives them (data/README.md) */
};

/* Finds a municipality by its 4-digit CBS code ("0014"; "GM0014" is
 * accepted too). NULL when the code is not in the list of the reference
 * year or malformed. */
const struct gemeente *identificatie_gemeente(const char *cbs_code);

/* The number of municipalities in the reference list (342 for 2025);
 * 0 when the shipped list could not be read (a build error). */
size_t identificatie_gemeente_aantal(void);

/* The i-th municipality of the list, in file order; NULL past the end. */
const struct gemeente *identificatie_gemeente_nr(size_t i);

#endif
