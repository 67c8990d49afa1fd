/*
 * store_verdeeltaak.c -- the SQL of the board's scenario jobs. See
 * store_verdeeltaak.h.
 */
#include "store/store_verdeeltaak.h"

#define KOLOMMEN "id, ronde_id, naam, verzoek, status, aangemaakt_op, aangemaakt_door," \
		 " gestart_op, verloopt_op_us, klaar_op, scenario_id, knopen, fout"

rc_t store_verdeeltaak_voeg_toe(struct store *s, int64_t ronde, const char *naam, const char *verzoek,
				const char *nu, const char *door, int64_t *id_out, struct error *e)
{
	struct store_param p[] = {SP_I(ronde), SP_T(naam), SP_T(verzoek), SP_T(nu), SP_T(door)};
	return store_query_int(s,
		"INSERT INTO verdeeltaak (ronde_id, naam, verzoek, status, aangemaakt_op, aangemaakt_door)"
		" VALUES (?, ?, ?, 'wachtend', ?, ?) RETURNING id",
		p, 5, id_out, e);
}

rc_t store_verdeeltaak_lees(struct store *s, int64_t id, struct arena *arena,
			    struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " KOLOMMEN " FROM verdeeltaak WHERE id = ?", p, 1, arena, out, e);
}

rc_t store_verdeeltaak_claim(struct store *s, const char *nu, int64_t nu_us, int64_t tot_us,
			     int64_t *id_out, struct error *e)
{
	struct store_param p[] = {SP_T(nu), SP_I(tot_us), SP_I(nu_us), SP_I(nu_us)};
	return store_query_int(s,
		"UPDATE verdeeltaak SET status = CASE WHEN status = 'annuleren' THEN 'annuleren'"
		" ELSE 'bezig' END, gestart_op = ?, verloopt_op_us = ?"
		" WHERE id = (SELECT id FROM verdeeltaak WHERE status = 'wachtend'"
		" OR (status IN ('bezig', 'annuleren') AND verloopt_op_us < ?) ORDER BY id LIMIT 1)"
		" AND (status = 'wachtend' OR (status IN ('bezig', 'annuleren') AND verloopt_op_us < ?))"
		" RETURNING id",
		p, 4, id_out, e);
}

rc_t store_verdeeltaak_te_doen(struct store *s, int64_t nu_us, int64_t *aantal, struct error *e)
{
	struct store_param p[] = {SP_I(nu_us)};
	return store_query_int(s,
		"SELECT count(*) FROM verdeeltaak WHERE status = 'wachtend'"
		" OR (status IN ('bezig', 'annuleren') AND verloopt_op_us < ?)",
		p, 1, aantal, e);
}

rc_t store_verdeeltaak_zet(struct store *s, int64_t id, const char *van, const char *naar,
			   const char *klaar_op, int64_t scenario, int64_t knopen, const char *fout,
			   struct error *e)
{
	struct store_param p[] = {SP_T(naar), SP_T(klaar_op), scenario ? SP_I(scenario) : SP_N(),
				  SP_I(knopen), SP_T(fout), SP_I(id), SP_T(van)};
	int64_t gezet = 0;
	rc_t rc = store_query_int(s,
		"UPDATE verdeeltaak SET status = ?, klaar_op = ?, scenario_id = ?, knopen = ?, fout = ?"
		" WHERE id = ? AND status = ? RETURNING id",
		p, 7, &gezet, e);
	if (rc == RC_NOT_FOUND)
		return error_set(e, RC_CONFLICT, "Verdeeltaak %lld is niet meer %s.", (long long)id, van);
	return rc;
}
