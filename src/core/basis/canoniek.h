/*
 * canoniek.h -- the canonical form of a JSON document and its SHA-256.
 *
 * The canonical document (docs/indiening.md §3): the document re-serialised
 * by jansson with JSON_COMPACT | JSON_SORT_KEYS -- object members sorted
 * by the bytes of their UTF-8 keys, no white space, strings in UTF-8 with
 * only '"', '\\' and control characters escaped (\b \f \n \r \t, others as
 * \u00XX with upper-case hex), integers in decimal. The receipt's sha256 is
 * the lower-case hex SHA-256 of exactly those bytes.
 */
#ifndef DOORBRAAK_CANONIEK_H
#define DOORBRAAK_CANONIEK_H

#include <jansson.h>
#include <stddef.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"

#define CANONIEK_SHA_HEX 65

/* Lower-case hex SHA-256 of data[0..n). */
void canoniek_sha256(const char *data, size_t n, char out[CANONIEK_SHA_HEX]);

/* The canonical form of `doc` (see above) into the arena: *tekst (NUL-
 * terminated), *lengte (may be NULL) and its hex SHA-256 in sha. RC_NOMEM
 * when memory runs out. */
rc_t canoniek_json(json_t *doc, struct arena *arena, const char **tekst, size_t *lengte,
			char sha[CANONIEK_SHA_HEX], struct error *e);

#endif
