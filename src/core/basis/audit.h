/*
 * audit.h -- the append-only audit log with a SHA-256 hash chain.
 *
 * Every write of doorbraak calls audit_append() inside its own store
 * transaction, so the record exists exactly when the write does. Each
 * record's hash covers its fields and the previous record's hash;
 * audit_verify() recomputes the chain and names the first broken link,
 * so a record altered or removed directly in the database is detected.
 * A successful record is offered to core/berichten (bericht.h), which
 * turns the events that concern somebody into messages and mails in the
 * same transaction.
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

/* ---- reading the log (the auditor's screen) ---------------------------- */

#define AUDIT_PAGINA_MAX 1000
#define AUDIT_FILTER_MAX 200     /* longest filter text */

/* One record as read; strings in the caller's arena. */
struct audit_record {
	int64_t volgnummer;
	const char *tijdstip, *actor, *actie, *object, *resultaat, *detail, *vorige_hash, *hash;
};

/* What to look for; NULL does not filter. `actie` matches an action
 * whole or as its start up to a dot ("beschikking" finds
 * "beschikking.neem"); `object` whole or up to a slash ("beschikking"
 * finds "beschikking/7"); `actor` ("gebruiker:12") and `resultaat`
 * ("gelukt", "geweigerd", "mislukt") whole. */
struct audit_filter {
	const char *actor, *actie, *object, *resultaat;
};

/* Checks a filter: every text 1..AUDIT_FILTER_MAX characters, resultaat
 * one of the three. Every problem at once, RC_INVALID. */
rc_t audit_filter_controleer(const struct audit_filter *f, struct error *e);

/* The newest records first, those before volgnummer `voor` (0: from the
 * newest), at most `limiet` (1..AUDIT_PAGINA_MAX). *out is an arena array
 * of *n. */
rc_t audit_lijst(struct store *s, struct arena *arena, const struct audit_filter *f, int64_t voor,
		 int64_t limiet, struct audit_record **out, size_t *n, struct error *e);

/* Computes the hex hash of a record (exposed for tests). */
void audit_hash(int64_t volgnummer, const char *tijdstip, const struct audit_entry *entry,
		const char *vorige_hash, char out[AUDIT_HASH_HEX]);

#endif
