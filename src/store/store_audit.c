/*
 * store_audit.c -- the SQL of the audit log. See store_audit.h.
 */
#include "store/store_audit.h"

#include <stdio.h>

rc_t store_audit_last(struct store *s, int64_t *volgnummer, char hash[65], struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	rc_t rc = store_query(s, "SELECT volgnummer, hash FROM auditlog ORDER BY volgnummer DESC LIMIT 1",
			      NULL, 0, &a, &rows, e);
	if (rc == RC_OK) {
		*volgnummer = rows.nrows ? store_int(&rows, 0, 0, 0) : 0;
		snprintf(hash, 65, "%s", rows.nrows && store_text(&rows, 0, 1) ? store_text(&rows, 0, 1) : "");
	}
	arena_release(&a);
	return rc;
}

rc_t store_audit_insert(struct store *s, int64_t volgnummer, const char *tijdstip,
			const char *actor, const char *actie, const char *object,
			const char *resultaat, const char *detail,
			const char *vorige_hash, const char *hash, struct error *e)
{
	struct store_param p[] = {
		SP_I(volgnummer), SP_T(tijdstip), SP_T(actor), SP_T(actie), SP_T(object),
		SP_T(resultaat), SP_T(detail), SP_T(vorige_hash), SP_T(hash),
	};
	return store_query(s,
		"INSERT INTO auditlog (volgnummer, tijdstip, actor, actie, object, resultaat,"
		" detail, vorige_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		p, 9, NULL, NULL, e);
}

rc_t store_audit_page(struct store *s, int64_t after, int64_t limit,
		      struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(after), SP_I(limit)};
	return store_query(s,
		"SELECT volgnummer, tijdstip, actor, actie, object, resultaat, detail,"
		" vorige_hash, hash FROM auditlog WHERE volgnummer > ? ORDER BY volgnummer LIMIT ?",
		p, 2, arena, out, e);
}

rc_t store_audit_zoek(struct store *s, int64_t voor, int64_t limit, const char *actor,
		      const char *actie, const char *actie_patroon, const char *object,
		      const char *object_patroon, const char *resultaat,
		      struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {
		SP_I(voor), SP_I(voor), SP_T(actor), SP_T(actor), SP_T(actie), SP_T(actie), SP_T(actie_patroon),
		SP_T(object), SP_T(object), SP_T(object_patroon), SP_T(resultaat), SP_T(resultaat), SP_I(limit),
	};
	return store_query(s,
		"SELECT volgnummer, tijdstip, actor, actie, object, resultaat, detail, vorige_hash, hash"
		" FROM auditlog WHERE (? = 0 OR volgnummer < ?)"
		" AND (CAST(? AS TEXT) IS NULL OR actor = ?)"
		" AND (CAST(? AS TEXT) IS NULL OR actie = ? OR actie LIKE ? ESCAPE '\\')"
		" AND (CAST(? AS TEXT) IS NULL OR object = ? OR object LIKE ? ESCAPE '\\')"
		" AND (CAST(? AS TEXT) IS NULL OR resultaat = ?)"
		" ORDER BY volgnummer DESC LIMIT ?",
		p, 13, arena, out, e);
}
