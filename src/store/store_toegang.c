/*
 * store_toegang.c -- the SQL of sessions, API tokens and failed logins.
 * See store_toegang.h.
 */
#include "store/store_toegang.h"

rc_t store_sessie_insert(struct store *s, const char *token_hash, int64_t gebruiker_id,
			 const char *adres, int64_t nu_unix_s, int64_t verloopt_unix_s,
			 int64_t *id_out, struct error *e)
{
	struct store_param p[] = {
		SP_T(token_hash), SP_I(gebruiker_id), SP_T(adres), SP_I(nu_unix_s), SP_I(nu_unix_s),
		SP_I(verloopt_unix_s),
	};
	return store_query_int(s,
		"INSERT INTO sessie (token_hash, gebruiker_id, adres, aangemaakt_unix_s,"
		" laatst_actief_unix_s, verloopt_unix_s) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
		p, 6, id_out, e);
}

rc_t store_sessie_by_hash(struct store *s, const char *token_hash, struct arena *arena,
			  struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(token_hash)};
	return store_query(s,
		"SELECT s.id, s.laatst_actief_unix_s, s.verloopt_unix_s, g.id, g.organisatie_id,"
		" g.rollen, g.actief FROM sessie s JOIN gebruiker g ON g.id = s.gebruiker_id"
		" WHERE s.token_hash = ?",
		p, 1, arena, out, e);
}

rc_t store_sessie_touch(struct store *s, int64_t sessie_id, int64_t nu_unix_s, struct error *e)
{
	struct store_param p[] = {SP_I(nu_unix_s), SP_I(sessie_id)};
	return store_query(s, "UPDATE sessie SET laatst_actief_unix_s = ? WHERE id = ?",
			   p, 2, NULL, NULL, e);
}

rc_t store_sessie_delete(struct store *s, int64_t sessie_id, struct error *e)
{
	struct store_param p[] = {SP_I(sessie_id)};
	return store_query(s, "DELETE FROM sessie WHERE id = ?", p, 1, NULL, NULL, e);
}

rc_t store_sessie_delete_gebruiker(struct store *s, int64_t gebruiker_id, int64_t *count_out,
				   struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	struct store_rows rows;
	struct store_param p[] = {SP_I(gebruiker_id)};
	rc_t rc = store_query(s, "DELETE FROM sessie WHERE gebruiker_id = ? RETURNING id",
			      p, 1, &a, &rows, e);
	if (rc == RC_OK)
		*count_out = (int64_t)rows.nrows;
	arena_release(&a);
	return rc;
}

rc_t store_sessie_opruimen(struct store *s, int64_t nu_unix_s, int64_t inactief_voor_unix_s,
			   struct error *e)
{
	struct store_param p[] = {SP_I(nu_unix_s), SP_I(inactief_voor_unix_s)};
	return store_query(s,
		"DELETE FROM sessie WHERE verloopt_unix_s <= ? OR laatst_actief_unix_s < ?",
		p, 2, NULL, NULL, e);
}

/* ---- failed logins --------------------------------------------------- */

rc_t store_inlogpoging_insert(struct store *s, const char *account, const char *adres,
			      int64_t nu_unix_s, struct error *e)
{
	struct store_param p[] = {SP_T(account), SP_T(adres), SP_I(nu_unix_s)};
	return store_query(s,
		"INSERT INTO inlogpoging (account, adres, tijdstip_unix_s) VALUES (?, ?, ?)",
		p, 3, NULL, NULL, e);
}

rc_t store_inlogpoging_account(struct store *s, const char *account, int64_t sinds_unix_s,
			       struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(account), SP_I(sinds_unix_s)};
	return store_query(s,
		"SELECT count(*), min(tijdstip_unix_s) FROM inlogpoging"
		" WHERE account = ? AND tijdstip_unix_s > ?",
		p, 2, arena, out, e);
}

rc_t store_inlogpoging_adres(struct store *s, const char *adres, int64_t sinds_unix_s,
			     struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(adres), SP_I(sinds_unix_s)};
	return store_query(s,
		"SELECT count(*), min(tijdstip_unix_s) FROM inlogpoging"
		" WHERE adres = ? AND tijdstip_unix_s > ?",
		p, 2, arena, out, e);
}

rc_t store_inlogpoging_wis(struct store *s, const char *account, int64_t voor_unix_s,
			   struct error *e)
{
	struct store_param p[] = {SP_T(account), SP_I(voor_unix_s)};
	return store_query(s, "DELETE FROM inlogpoging WHERE account = ? OR tijdstip_unix_s < ?",
			   p, 2, NULL, NULL, e);
}

/* ---- API tokens ------------------------------------------------------ */

rc_t store_apitoken_insert(struct store *s, const char *token_hash, const char *prefix,
			   int64_t organisatie_id, unsigned rol, const char *naam,
			   const char *door, const char *nu, const char *status, int64_t *id_out,
			   struct error *e)
{
	struct store_param p[] = {
		SP_T(token_hash), SP_T(prefix), SP_I(organisatie_id), SP_I(rol), SP_T(naam),
		SP_T(door), SP_T(nu), SP_T(status),
	};
	return store_query_int(s,
		"INSERT INTO apitoken (token_hash, prefix, organisatie_id, rol, naam, aangemaakt_door,"
		" aangemaakt_op, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 8, id_out, e);
}

rc_t store_apitoken_goedkeuren(struct store *s, int64_t id, const char *token_hash,
			       const char *prefix, const char *door, const char *nu, bool *gewijzigd,
			       struct error *e)
{
	struct store_param p[] = {SP_T(token_hash), SP_T(prefix), SP_T(door), SP_T(nu), SP_I(id)};
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows r;
	rc_t rc = store_query(s,
		"UPDATE apitoken SET token_hash = ?, prefix = ?, status = 'actief', goedgekeurd_door = ?,"
		" goedgekeurd_op = ? WHERE id = ? AND status = 'aangevraagd' AND ingetrokken_op IS NULL"
		" RETURNING id", p, 5, &a, &r, e);
	*gewijzigd = rc == RC_OK && r.nrows == 1;
	arena_release(&a);
	return rc;
}

rc_t store_apitoken_by_id(struct store *s, int64_t id, struct arena *arena,
			  struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " STORE_APITOKEN_KOLOMMEN " FROM apitoken WHERE id = ?",
			   p, 1, arena, out, e);
}

rc_t store_apitoken_by_hash(struct store *s, const char *token_hash, struct arena *arena,
			    struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(token_hash)};
	return store_query(s, "SELECT " STORE_APITOKEN_KOLOMMEN " FROM apitoken WHERE token_hash = ?",
			   p, 1, arena, out, e);
}

rc_t store_apitoken_page(struct store *s, int64_t after, int64_t limit, struct arena *arena,
			 struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(after), SP_I(limit)};
	return store_query(s,
		"SELECT " STORE_APITOKEN_KOLOMMEN " FROM apitoken WHERE id > ? ORDER BY id LIMIT ?",
		p, 2, arena, out, e);
}

rc_t store_apitoken_intrekken(struct store *s, int64_t id, const char *nu, struct error *e)
{
	struct store_param p[] = {SP_T(nu), SP_I(id)};
	return store_query(s,
		"UPDATE apitoken SET ingetrokken_op = ? WHERE id = ? AND ingetrokken_op IS NULL",
		p, 2, NULL, NULL, e);
}

rc_t store_apitoken_gebruikt(struct store *s, int64_t id, const char *nu, struct error *e)
{
	struct store_param p[] = {SP_T(nu), SP_I(id)};
	return store_query(s, "UPDATE apitoken SET laatst_gebruikt_op = ? WHERE id = ?",
			   p, 2, NULL, NULL, e);
}
