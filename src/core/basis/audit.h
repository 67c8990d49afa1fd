/*
 * audit.h -- the append-only audit log with a SHA-256 hash chain.
 *
 * Every write of doorbraak calls audit_append() inside its own store
 * transaction, so the record exists exactly when the write does. Each
 * record's hash covers its fields and the previous record's hash;
 * audit_verify() recomputes the chain and names the first broken link,
 * so a record altered or removed directly in the database is detected.
 */
#ifndef DOORBRAAK_AUDIT_H
#define DOORBRAAK_AUDIT_H

#include <stdint.h>

#include "store/store.h"

#define AUDIT_HASH_HEX 65 /* 64 hex digits and a NUL */

/* What happened. All fields are required except detail ("" when NULL). */
struct audit_entry {
	const char *actor;     /* who: "gebruiker:12", "cli", "systeem", "anoniem@1.2.3.4" */
	const char *actie;     /* what: "catalogus.publiceer", "sessie.login" */
	const char *object;    /* on what: "catalogus/2", "" when none */
	const char *resultaat; /* "gelukt", "geweigerd" or "mislukt" */
	const char *detail;    /* optional short JSON or text, never secrets */
};

/* Appends one record; must run inside store_tx(STORE_WRITE). The UTC
 * time is taken now. Returns RC_OK or the store's error. */
rc_t audit_append(struct store *s, const struct audit_entry *entry, struct error *e);

/* Convenience: runs audit_append in a transaction of its own (for events
 * that are not part of another write, such as a refused request). */
rc_t audit_record(struct store *s, const struct audit_entry *entry, struct error *e);

struct audit_verify_result {
	int64_t records;       /* records checked */
	int64_t broken_at;     /* volgnummer of the first broken link, 0 when intact */
	char reason[160];      /* Dutch: why that link is broken */
};

/* Recomputes the whole chain in pages; *out is always written on RC_OK. */
rc_t audit_verify(struct store *s, struct audit_verify_result *out, struct error *e);

/* Computes the hex hash of a record (exposed for tests). */
void audit_hash(int64_t volgnummer, const char *tijdstip, const struct audit_entry *entry,
		const char *vorige_hash, char out[AUDIT_HASH_HEX]);

#endif
