/*
 * store_audit.h -- the SQL of the audit log (see core/audit.h).
 */
#ifndef DOORBRAAK_STORE_AUDIT_H
#define DOORBRAAK_STORE_AUDIT_H

#include "store/store.h"

/* Reads the newest record's volgnummer and hash; (0, "") when empty. */
rc_t store_audit_last(struct store *s, int64_t *volgnummer, char hash[65], struct error *e);

/* Inserts one record with the given fields. */
rc_t store_audit_insert(struct store *s, int64_t volgnummer, const char *tijdstip,
			const char *actor, const char *actie, const char *object,
			const char *resultaat, const char *detail,
			const char *vorige_hash, const char *hash, struct error *e);

/* Reads up to `limit` records with volgnummer > after, in order; columns:
 * volgnummer, tijdstip, actor, actie, object, resultaat, detail,
 * vorige_hash, hash. */
rc_t store_audit_page(struct store *s, int64_t after, int64_t limit,
		      struct arena *arena, struct store_rows *out, struct error *e);

/* The newest records first: those with volgnummer < voor (0: from the
 * newest), at most `limit`; NULL filters do not filter. `actor` and
 * `resultaat` match whole; `actie` and `object` match whole or as the
 * start of a dotted / slashed name (`actie_patroon` "beschikking.%",
 * `object_patroon` "beschikking/%", escaped with '\\'). Columns as
 * store_audit_page. */
rc_t store_audit_zoek(struct store *s, int64_t voor, int64_t limit, const char *actor,
		      const char *actie, const char *actie_patroon, const char *object,
		      const char *object_patroon, const char *resultaat,
		      struct arena *arena, struct store_rows *out, struct error *e);

#endif
