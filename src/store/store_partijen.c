/*
 * store_partijen.c -- the SQL of organisations and accounts. See
 * store_partijen.h. Written once for both backends: `?` placeholders,
 * booleans as 0/1 integers, no backend-specific functions.
 */
#include "store/store_partijen.h"

rc_t store_organisatie_insert(struct store *s, const char *soort, const char *naam,
			      const char *agb, const char *kvk, const char *uzovi,
			      const char *concern, const char *cbs, int peiljaar,
			      const char *iban, const char *plaats, bool demo, const char *aangemaakt_op,
			      const char *aangemaakt_door, int64_t *id_out, struct error *e)
{
	struct store_param p[] = {
		SP_T(soort), SP_T(naam), SP_T(agb), SP_T(kvk), SP_T(uzovi), SP_T(concern), SP_T(cbs),
		peiljaar ? SP_I(peiljaar) : SP_N(), SP_T(iban), SP_T(plaats), SP_I(demo ? 1 : 0),
		SP_T(aangemaakt_op), SP_T(aangemaakt_door),
	};
	return store_query_int(s,
		"INSERT INTO organisatie (soort, naam, agb_code, kvk_nummer, uzovi_code, concern,"
		" cbs_code, peiljaar, iban, plaats, demo, aangemaakt_op, aangemaakt_door)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 13, id_out, e);
}

rc_t store_organisatie_by_id(struct store *s, int64_t id, struct arena *arena,
			     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " STORE_ORGANISATIE_KOLOMMEN " FROM organisatie WHERE id = ?",
			   p, 1, arena, out, e);
}

rc_t store_organisatie_by_identificatie(struct store *s, const char *agb, const char *uzovi,
					const char *cbs, struct arena *arena,
					struct store_rows *out, struct error *e)
{
	/* A NULL parameter compares as unknown, so it matches nothing. */
	struct store_param p[] = {SP_T(agb), SP_T(uzovi), SP_T(cbs)};
	return store_query(s,
		"SELECT " STORE_ORGANISATIE_KOLOMMEN " FROM organisatie"
		" WHERE agb_code = ? OR uzovi_code = ? OR cbs_code = ? ORDER BY id",
		p, 3, arena, out, e);
}

rc_t store_organisatie_by_soort(struct store *s, const char *soort, struct arena *arena,
				struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(soort)};
	return store_query(s,
		"SELECT " STORE_ORGANISATIE_KOLOMMEN " FROM organisatie WHERE soort = ? ORDER BY id",
		p, 1, arena, out, e);
}

rc_t store_organisatie_page(struct store *s, int64_t only_id, const char *soort, const char *zoek,
			    const char *code, int64_t after, int64_t limit,
			    struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {
		SP_I(only_id), SP_I(only_id), SP_T(soort), SP_T(soort), SP_T(zoek), SP_T(zoek),
		SP_T(code), SP_T(code), SP_T(code), SP_T(code), SP_I(after), SP_I(limit),
	};
	return store_query(s,
		"SELECT " STORE_ORGANISATIE_KOLOMMEN " FROM organisatie"
		" WHERE (? = 0 OR id = ?) AND (CAST(? AS TEXT) IS NULL OR soort = ?)"
		" AND (CAST(? AS TEXT) IS NULL OR lower(naam) LIKE ? ESCAPE '\\'"
		" OR agb_code = ? OR kvk_nummer = ? OR uzovi_code = ? OR cbs_code = ?)"
		" AND id > ? ORDER BY id LIMIT ?",
		p, 12, arena, out, e);
}

/* ---- accounts -------------------------------------------------------- */

rc_t store_gebruiker_insert(struct store *s, int64_t organisatie_id, const char *naam,
			    const char *email, unsigned rollen, const char *wachtwoord_hash,
			    const char *totp_geheim, bool demo, const char *nu,
			    int64_t *id_out, struct error *e)
{
	struct store_param p[] = {
		SP_I(organisatie_id), SP_T(naam), SP_T(email), SP_I(rollen), SP_T(wachtwoord_hash),
		SP_T(totp_geheim), SP_I(demo ? 1 : 0), SP_T(nu), SP_T(nu),
	};
	return store_query_int(s,
		"INSERT INTO gebruiker (organisatie_id, gebruikersnaam, email, rollen, wachtwoord_hash,"
		" totp_geheim, demo, aangemaakt_op, gewijzigd_op)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 9, id_out, e);
}

rc_t store_gebruiker_by_id(struct store *s, int64_t id, struct arena *arena,
			   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " STORE_GEBRUIKER_KOLOMMEN " FROM gebruiker WHERE id = ?",
			   p, 1, arena, out, e);
}

rc_t store_gebruiker_bezet(struct store *s, const char *naam, const char *email,
			   struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(naam), SP_T(email)};
	return store_query(s,
		"SELECT id, gebruikersnaam, email FROM gebruiker"
		" WHERE gebruikersnaam = ? OR email = ? ORDER BY id",
		p, 2, arena, out, e);
}

rc_t store_gebruiker_page(struct store *s, int64_t after, int64_t limit, struct arena *arena,
			  struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(after), SP_I(limit)};
	return store_query(s,
		"SELECT " STORE_GEBRUIKER_KOLOMMEN " FROM gebruiker WHERE id > ? ORDER BY id LIMIT ?",
		p, 2, arena, out, e);
}

rc_t store_gebruiker_login(struct store *s, const char *naam_of_email, struct arena *arena,
			   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(naam_of_email), SP_T(naam_of_email)};
	return store_query(s,
		"SELECT id, organisatie_id, gebruikersnaam, rollen, actief, wachtwoord_hash,"
		" totp_geheim, totp_laatste_stap FROM gebruiker"
		" WHERE gebruikersnaam = ? OR email = ? ORDER BY id LIMIT 1",
		p, 2, arena, out, e);
}

rc_t store_gebruiker_set_voorgesteld(struct store *s, int64_t id, unsigned rollen,
				     const char *door, const char *nu, struct error *e)
{
	struct store_param p[] = {SP_I(rollen), SP_T(door), SP_T(nu), SP_I(id)};
	return store_query(s, "UPDATE gebruiker SET rollen_voorgesteld = ?, voorgesteld_door = ?,"
			   " gewijzigd_op = ? WHERE id = ?", p, 4, NULL, NULL, e);
}

rc_t store_gebruiker_set_persoon(struct store *s, int64_t id, const char *naam, const char *functie,
				 const char *nu, struct error *e)
{
	struct store_param p[] = {SP_T(naam), SP_T(functie), SP_T(nu), SP_I(id)};
	return store_query(s, "UPDATE gebruiker SET naam = ?, functie = ?, gewijzigd_op = ? WHERE id = ?",
			   p, 4, NULL, NULL, e);
}

rc_t store_gebruiker_set_mailen(struct store *s, int64_t id, bool mailen, const char *nu, struct error *e)
{
	struct store_param p[] = {SP_I(mailen ? 1 : 0), SP_T(nu), SP_I(id)};
	return store_query(s, "UPDATE gebruiker SET berichten_mailen = ?, gewijzigd_op = ? WHERE id = ?",
			   p, 3, NULL, NULL, e);
}

rc_t store_gebruiker_set_rollen(struct store *s, int64_t id, unsigned rollen, const char *nu,
				struct error *e)
{
	struct store_param p[] = {SP_I(rollen), SP_T(nu), SP_I(id)};
	return store_query(s, "UPDATE gebruiker SET rollen = ?, gewijzigd_op = ? WHERE id = ?",
			   p, 3, NULL, NULL, e);
}

rc_t store_gebruiker_set_actief(struct store *s, int64_t id, bool actief, const char *nu,
				struct error *e)
{
	struct store_param p[] = {SP_I(actief ? 1 : 0), SP_T(nu), SP_I(id)};
	return store_query(s, "UPDATE gebruiker SET actief = ?, gewijzigd_op = ? WHERE id = ?",
			   p, 3, NULL, NULL, e);
}

rc_t store_gebruiker_set_wachtwoord(struct store *s, int64_t id, const char *hash, const char *nu,
				    struct error *e)
{
	struct store_param p[] = {SP_T(hash), SP_T(nu), SP_I(id)};
	return store_query(s, "UPDATE gebruiker SET wachtwoord_hash = ?, gewijzigd_op = ? WHERE id = ?",
			   p, 3, NULL, NULL, e);
}

rc_t store_gebruiker_totp_stap(struct store *s, int64_t id, int64_t stap, bool *updated,
			       struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	struct store_param p[] = {SP_I(stap), SP_I(id), SP_I(stap)};
	rc_t rc = store_query(s,
		"UPDATE gebruiker SET totp_laatste_stap = ? WHERE id = ? AND totp_laatste_stap < ?"
		" RETURNING id", p, 3, &a, &rows, e);
	if (rc == RC_OK)
		*updated = rows.nrows == 1;
	arena_release(&a);
	return rc;
}

rc_t store_gebruiker_tel_rol(struct store *s, unsigned rollen, int64_t *out, struct error *e)
{
	struct store_param p[] = {SP_I(rollen), SP_I(rollen)};
	return store_query_int(s,
		"SELECT count(*) FROM gebruiker WHERE actief = 1 AND (rollen & ?) = ?", p, 2, out, e);
}

/* ---- names ------------------------------------------------------------ */

#define IN_32 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

rc_t store_namen(struct store *s, enum store_naam_soort soort, const int64_t *ids, size_t n,
		 struct arena *arena, struct store_rows *out, struct error *e)
{
	_Static_assert(STORE_NAMEN_PER_VRAAG == 32 && STORE_NAMEN_PER_VRAAG <= STORE_PARAMS_MAX, "IN_32");
	static const char *const sql[] = {
		[STORE_NAAM_GEBRUIKER] = "SELECT g.id, COALESCE(g.naam, g.gebruikersnaam), g.functie, o.naam"
			" FROM gebruiker g JOIN organisatie o ON o.id = g.organisatie_id WHERE g.id IN " IN_32,
		[STORE_NAAM_TOKEN] = "SELECT t.id, t.naam, NULL, o.naam"
			" FROM apitoken t JOIN organisatie o ON o.id = t.organisatie_id WHERE t.id IN " IN_32,
		[STORE_NAAM_ORGANISATIE] = "SELECT id, naam, NULL, plaats FROM organisatie WHERE id IN " IN_32,
		[STORE_NAAM_AANVRAAG] = "SELECT a.id, a.titel, NULL, o.naam"
			" FROM aanvraag a JOIN organisatie o ON o.id = a.penvoerder_id WHERE a.id IN " IN_32,
	};
	struct store_param p[STORE_NAMEN_PER_VRAAG];
	for (size_t i = 0; i < STORE_NAMEN_PER_VRAAG; i++)
		p[i] = SP_I(i < n ? ids[i] : 0);
	return store_query(s, sql[soort], p, STORE_NAMEN_PER_VRAAG, arena, out, e);
}
