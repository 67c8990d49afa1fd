/*
 * store_verantwoording.c -- the SQL of the accountability. See
 * store_verantwoording.h.
 */
#include "store/store_verantwoording.h"

rc_t store_verantwoordingskader_zet(struct store *s, int64_t jaar, int64_t tolerantie_bp,
				    int64_t accountant_vanaf_cent, const char *deadline, int64_t deadline_us,
				    const char *op, const char *door, struct error *e)
{
	struct store_param p[] = {SP_I(jaar), SP_I(tolerantie_bp), SP_I(accountant_vanaf_cent), SP_T(deadline),
				  SP_I(deadline_us), SP_T(op), SP_T(door)};
	return store_query(s,
		"INSERT INTO verantwoordingskader (jaar, tolerantie_bp, accountant_vanaf_cent, deadline,"
		" deadline_us, vastgesteld_op, vastgesteld_door) VALUES (?, ?, ?, ?, ?, ?, ?)"
		" ON CONFLICT (jaar) DO UPDATE SET tolerantie_bp = excluded.tolerantie_bp,"
		" accountant_vanaf_cent = excluded.accountant_vanaf_cent, deadline = excluded.deadline,"
		" deadline_us = excluded.deadline_us, vastgesteld_op = excluded.vastgesteld_op,"
		" vastgesteld_door = excluded.vastgesteld_door",
		p, 7, NULL, NULL, e);
}

rc_t store_verantwoordingskader_lees(struct store *s, int64_t jaar, struct arena *arena,
				     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(jaar), SP_I(jaar)};
	return store_query(s,
		"SELECT jaar, tolerantie_bp, accountant_vanaf_cent, deadline, deadline_us, vastgesteld_op,"
		" vastgesteld_door FROM verantwoordingskader WHERE ? = 0 OR jaar = ? ORDER BY jaar",
		p, 2, arena, out, e);
}

rc_t store_verantwoording_voeg_toe(struct store *s, const struct store_verantwoording *v, int64_t *id_out,
				   struct error *e)
{
	struct store_param p[] = {SP_I(v->beschikking_id), SP_I(v->jaar), SP_I(v->versie), SP_T(v->document),
				  SP_T(v->bevindingen), SP_I(v->compleet ? 1 : 0), SP_I(v->totaal_cent),
				  SP_I(v->aanvaardbaar_cent), SP_I(v->te_laat ? 1 : 0), SP_T(v->op), SP_T(v->door)};
	return store_query_int(s,
		"INSERT INTO verantwoording (beschikking_id, jaar, versie, document, bevindingen, compleet,"
		" totaal_cent, aanvaardbaar_cent, te_laat, ingediend_op, ingediend_door)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 11, id_out, e);
}

rc_t store_verantwoording_lijst(struct store *s, int64_t beschikking_id, struct arena *arena,
				struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id)};
	return store_query(s,
		"SELECT id, beschikking_id, jaar, versie, compleet, totaal_cent, aanvaardbaar_cent, te_laat,"
		" ingediend_op, ingediend_door, document, bevindingen FROM verantwoording"
		" WHERE beschikking_id = ? ORDER BY jaar, versie",
		p, 1, arena, out, e);
}

rc_t store_verantwoording_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			       struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s,
		"SELECT id, beschikking_id, jaar, versie, compleet, totaal_cent, aanvaardbaar_cent, te_laat,"
		" ingediend_op, ingediend_door, document, bevindingen FROM verantwoording WHERE id = ?",
		p, 1, arena, out, e);
}

rc_t store_plausibiliteit_voeg_toe(struct store *s, int64_t verantwoording_id, const char *oordelen,
				   int64_t plausibel_cent, const char *op, const char *door, int64_t *id_out,
				   struct error *e)
{
	struct store_param p[] = {SP_I(verantwoording_id), SP_T(oordelen), SP_I(plausibel_cent), SP_T(op), SP_T(door)};
	return store_query_int(s,
		"INSERT INTO plausibiliteitstoets (verantwoording_id, oordelen, plausibel_cent, getoetst_op,"
		" getoetst_door) VALUES (?, ?, ?, ?, ?) RETURNING id",
		p, 5, id_out, e);
}

rc_t store_plausibiliteit_lees(struct store *s, int64_t verantwoording_id, struct arena *arena,
			       struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(verantwoording_id)};
	return store_query(s,
		"SELECT id, verantwoording_id, oordelen, plausibel_cent, getoetst_op, getoetst_door"
		" FROM plausibiliteitstoets WHERE verantwoording_id = ?",
		p, 1, arena, out, e);
}
