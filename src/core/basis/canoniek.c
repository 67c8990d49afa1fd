/*
 * canoniek.c -- the canonical form of a JSON document and its SHA-256.
 * See canoniek.h.
 */
#include "core/basis/canoniek.h"

#include <sodium.h>

void canoniek_sha256(const char *data, size_t n, char out[CANONIEK_SHA_HEX])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)data, (unsigned long long)n);
	sodium_bin2hex(out, CANONIEK_SHA_HEX, digest, sizeof digest);
}

rc_t canoniek_json(json_t *doc, struct arena *arena, const char **tekst, size_t *lengte,
			char sha[CANONIEK_SHA_HEX], struct error *e)
{
	const size_t vlaggen = JSON_COMPACT | JSON_SORT_KEYS;
	size_t n = json_dumpb(doc, NULL, 0, vlaggen);
	char *p = n ? arena_alloc(arena, n + 1) : NULL;
	if (!p)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het document.");
	if (json_dumpb(doc, p, n, vlaggen) != n)
		return error_set(e, RC_INTERNAL, "Het document veranderde tijdens het schrijven.");
	p[n] = '\0';
	canoniek_sha256(p, n, sha);
	*tekst = p;
	if (lengte)
		*lengte = n;
	return RC_OK;
}
