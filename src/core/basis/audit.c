/*
 * audit.c -- hashing, appending and verifying the audit chain. See audit.h.
 *
 * The hash input is a length-prefixed list of the fields ("12:...") so
 * that no choice of field contents can make two records hash alike.
 */
#include "core/basis/audit.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/store_audit.h"
#include "core/basis/klok.h"

#define AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"
#define AUDIT_PAGE 1000

static void hash_field(crypto_hash_sha256_state *st, const char *v)
{
	char prefix[24];
	size_t n = strlen(v);
	int k = snprintf(prefix, sizeof prefix, "%zu:", n);
	crypto_hash_sha256_update(st, (const unsigned char *)prefix, (unsigned long long)k);
	crypto_hash_sha256_update(st, (const unsigned char *)v, n);
}

void audit_hash(int64_t volgnummer, const char *tijdstip, const struct audit_entry *entry,
		const char *vorige_hash, char out[AUDIT_HASH_HEX])
{
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	char num[24];
	snprintf(num, sizeof num, "%" PRId64, volgnummer);
	hash_field(&st, "doorbraak-audit-v1");
	hash_field(&st, num);
	hash_field(&st, tijdstip);
	hash_field(&st, entry->actor);
	hash_field(&st, entry->actie);
	hash_field(&st, entry->object);
	hash_field(&st, entry->resultaat);
	hash_field(&st, entry->detail ? entry->detail : "");
	hash_field(&st, vorige_hash);
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(out, AUDIT_HASH_HEX, digest, sizeof digest);
}

rc_t audit_append(struct store *s, const struct audit_entry *entry, struct error *e)
{
	if (!entry->actor || !entry->actie || !entry->object || !entry->resultaat)
		return error_set(e, RC_INTERNAL, "Auditrecord onvolledig.");
	int64_t last = 0;
	char prev[AUDIT_HASH_HEX];
	rc_t rc = store_audit_last(s, &last, prev, e);
	if (rc != RC_OK)
		return rc;
	if (last == 0)
		snprintf(prev, sizeof prev, "%s", AUDIT_GENESIS);
	char now[40], hash[AUDIT_HASH_HEX];
	klok_nu_tekst(NULL, now, sizeof now);
	audit_hash(last + 1, now, entry, prev, hash);
	rc = store_audit_insert(s, last + 1, now, entry->actor, entry->actie, entry->object,
				entry->resultaat, entry->detail ? entry->detail : "", prev, hash, e);
	/* Two writers that raced for the same link: let store_tx retry. */
	if (rc == RC_CONFLICT)
		rc = error_set(e, RC_RETRY, "Gelijktijdige auditrecords; opnieuw.");
	return rc;
}

static rc_t audit_record_tx(struct store *s, void *ctx, struct error *e)
{
	return audit_append(s, ctx, e);
}

rc_t audit_record(struct store *s, const struct audit_entry *entry, struct error *e)
{
	return store_tx(s, STORE_WRITE, audit_record_tx, (void *)entry, e);
}

/* Checks one page of rows against the running chain state. Returns true
 * while the chain is intact. */
static bool verify_page(const struct store_rows *rows, int64_t *expect,
			char prev[AUDIT_HASH_HEX], struct audit_verify_result *out)
{
	for (size_t r = 0; r < rows->nrows; r++) {
		int64_t nr = store_int(rows, r, 0, -1);
		struct audit_entry en = {
			.actor = store_text(rows, r, 2), .actie = store_text(rows, r, 3),
			.object = store_text(rows, r, 4), .resultaat = store_text(rows, r, 5),
			.detail = store_text(rows, r, 6),
		};
		const char *tijd = store_text(rows, r, 1);
		const char *vorige = store_text(rows, r, 7), *hash = store_text(rows, r, 8);
		out->records++;
		if (nr != *expect) {
			out->broken_at = *expect;
			snprintf(out->reason, sizeof out->reason,
				 "record %" PRId64 " ontbreekt (gevonden: %" PRId64 ")", *expect, nr);
			return false;
		}
		if (!tijd || !en.actor || !en.actie || !en.object || !en.resultaat || !vorige || !hash ||
		    strcmp(vorige, prev) != 0) {
			out->broken_at = nr;
			snprintf(out->reason, sizeof out->reason,
				 "vorige_hash van record %" PRId64 " wijst niet naar record %" PRId64, nr, nr - 1);
			return false;
		}
		char again[AUDIT_HASH_HEX];
		audit_hash(nr, tijd, &en, vorige, again);
		if (strcmp(again, hash) != 0) {
			out->broken_at = nr;
			snprintf(out->reason, sizeof out->reason,
				 "inhoud van record %" PRId64 " klopt niet met zijn hash", nr);
			return false;
		}
		snprintf(prev, AUDIT_HASH_HEX, "%s", hash);
		(*expect)++;
	}
	return true;
}

struct verify_ctx {
	struct audit_verify_result *out;
};

static rc_t audit_verify_tx(struct store *s, void *ctx, struct error *e)
{
	struct audit_verify_result *out = ((struct verify_ctx *)ctx)->out;
	memset(out, 0, sizeof *out);
	int64_t expect = 1;
	char prev[AUDIT_HASH_HEX] = AUDIT_GENESIS;
	for (;;) {
		struct arena a;
		arena_init(&a, ARENA_VERZOEK_BYTES);
		struct store_rows rows;
		rc_t rc = store_audit_page(s, expect - 1, AUDIT_PAGE, &a, &rows, e);
		bool intact = rc == RC_OK && verify_page(&rows, &expect, prev, out);
		size_t n = rc == RC_OK ? rows.nrows : 0;
		arena_release(&a);
		if (rc != RC_OK)
			return rc;
		if (!intact || n < AUDIT_PAGE)
			return RC_OK;
	}
}

rc_t audit_verify(struct store *s, struct audit_verify_result *out, struct error *e)
{
	struct verify_ctx ctx = {out};
	return store_tx(s, STORE_READ, audit_verify_tx, &ctx, e);
}
