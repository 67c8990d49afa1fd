/*
 * audit.c -- hashing, appending and verifying the audit chain. See audit.h.
 *
 * The hash input is a length-prefixed list of the fields ("12:...") so
 * that no choice of field contents can make two records hash alike.
 */
#include "core/basis/audit.h"
#include "core/berichten/bericht.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/store_audit.h"
#include "core/basis/klok.h"
#include "core/basis/tekst.h"

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
	/* The people the event concerns hear of it, in this transaction. */
	if (rc == RC_OK)
		rc = bericht_bij_gebeurtenis(s, entry, e);
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

/* ---- reading the log ------------------------------------------------------ */

rc_t audit_filter_controleer(const struct audit_filter *f, struct error *e)
{
	const struct { const char *v, *veld; } t[] = {
		{f->actor, "/actor"}, {f->actie, "/actie"}, {f->object, "/object"}, {f->resultaat, "/resultaat"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i].v && (!*t[i].v || strlen(t[i].v) > AUDIT_FILTER_MAX))
			error_add(e, t[i].veld, "lengte", NULL, "Zoek met 1 tot %d tekens.", AUDIT_FILTER_MAX);
	if (f->resultaat && strcmp(f->resultaat, "gelukt") != 0 && strcmp(f->resultaat, "geweigerd") != 0 &&
	    strcmp(f->resultaat, "mislukt") != 0)
		error_add(e, "/resultaat", "onbekend", NULL, "Het resultaat is gelukt, geweigerd of mislukt.");
	return e->item_count > 0 ? error_set(e, RC_INVALID, "De zoekvraag is niet geldig.") : RC_OK;
}

struct lijst_ctx {
	struct arena *a;
	const struct audit_filter *f;
	const char *actie_patroon, *object_patroon;
	int64_t voor, limiet;
	struct store_rows r;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	return store_audit_zoek(s, c->voor, c->limiet, c->f->actor, c->f->actie, c->actie_patroon, c->f->object,
				c->object_patroon, c->f->resultaat, c->a, &c->r, e);
}

rc_t audit_lijst(struct store *s, struct arena *arena, const struct audit_filter *f, int64_t voor,
		 int64_t limiet, struct audit_record **out, size_t *n, struct error *e)
{
	if (limiet < 1 || limiet > AUDIT_PAGINA_MAX)
		return error_set(e, RC_INTERNAL, "Paginagrootte buiten 1..%d.", AUDIT_PAGINA_MAX);
	struct lijst_ctx c = {.a = arena, .f = f, .voor = voor, .limiet = limiet};
	if ((f->actie && !(c.actie_patroon = tekst_like_patroon(arena, f->actie, "", ".%", false))) ||
	    (f->object && !(c.object_patroon = tekst_like_patroon(arena, f->object, "", "/%", false))))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	struct audit_record *l = arena_alloc(arena, (c.r.nrows + 1) * sizeof *l);
	if (!l)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < c.r.nrows; i++)
		l[i] = (struct audit_record){
			.volgnummer = store_int(&c.r, i, 0, 0), .tijdstip = store_text(&c.r, i, 1),
			.actor = store_text(&c.r, i, 2), .actie = store_text(&c.r, i, 3),
			.object = store_text(&c.r, i, 4), .resultaat = store_text(&c.r, i, 5),
			.detail = store_text(&c.r, i, 6), .vorige_hash = store_text(&c.r, i, 7),
			.hash = store_text(&c.r, i, 8),
		};
	*out = l;
	*n = c.r.nrows;
	return RC_OK;
}
