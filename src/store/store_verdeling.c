/*
 * store_verdeling.c -- the SQL of the macro overview, the scenarios, the
 * board's decision and its grants. See store_verdeling.h. Written once for
 * both backends: `?` placeholders, booleans as 0/1 integers.
 */
#include "store/store_verdeling.h"

/* ---- the applications of a round -------------------------------------- */

rc_t store_verdeling_aanvragen(struct store *s, int64_t ronde, const char *const *statussen,
			       size_t n, int64_t na, int64_t limiet, struct arena *arena,
			       struct store_rows *out, struct error *e)
{
	if (n == 0 || n > STORE_VERDELING_STATUSSEN_MAX)
		return error_set(e, RC_INTERNAL, "%zu statussen voor de verdeling.", n);
	const char *st[STORE_VERDELING_STATUSSEN_MAX];
	for (size_t i = 0; i < STORE_VERDELING_STATUSSEN_MAX; i++)
		st[i] = statussen[i < n ? i : 0];   /* unused places repeat the first */
	struct store_param p[] = {SP_I(ronde), SP_T(st[0]), SP_T(st[1]), SP_T(st[2]), SP_T(st[3]),
				  SP_T(st[4]), SP_T(st[5]), SP_I(na), SP_I(limiet)};
	return store_query(s,
		"SELECT a.id, a.status, a.titel, a.regio, a.modelplan, a.modelplan_versie,"
		" a.toepassingsgebied, a.thema, a.versie, a.coordinerend_verzekeraar_id,"
		" a.tweede_verzekeraar_id, v.sha256"
		" FROM aanvraag a JOIN aanvraag_versie v ON v.aanvraag_id = a.id AND v.versie = a.versie"
		" WHERE a.ronde_id = ? AND a.status IN (?, ?, ?, ?, ?, ?) AND a.id > ?"
		" ORDER BY a.id LIMIT ?",
		p, 9, arena, out, e);
}

rc_t store_verdeling_statussen(struct store *s, int64_t ronde, struct arena *arena,
			       struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(ronde)};
	return store_query(s,
		"SELECT status, count(*) FROM aanvraag WHERE ronde_id = ? GROUP BY status ORDER BY status",
		p, 1, arena, out, e);
}

rc_t store_verdeling_met_status(struct store *s, int64_t ronde, const char *status,
				struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(ronde), SP_T(status)};
	return store_query(s,
		"SELECT id FROM aanvraag WHERE ronde_id = ? AND status = ? ORDER BY id",
		p, 2, arena, out, e);
}

/* ---- scenarios -------------------------------------------------------- */

rc_t store_verdeling_scenario_insert(struct store *s, const struct store_scenario *v,
				     int64_t *id_out, struct error *e)
{
	struct store_param p[] = {
		SP_I(v->ronde_id), SP_T(v->naam), SP_T(v->regel), SP_T(v->parameters),
		SP_T(v->resultaat), SP_T(v->invoer_hash), SP_T(v->seed), SP_T(v->regelversie),
		SP_T(v->aangemaakt_op), SP_T(v->aangemaakt_door), SP_T(v->kandidaten),
		SP_T(v->kandidaten_hash), SP_I(v->kandidaat_aantal), SP_I(v->fte_milli),
		SP_I(v->besteed_cent), SP_I(v->demo ? 1 : 0), SP_T(v->positief_ids),
	};
	return store_query_int(s,
		"INSERT INTO verdeelscenario (ronde_id, naam, regel, parameters, resultaat, invoer_hash,"
		" seed, regelversie, aangemaakt_op, aangemaakt_door, kandidaten, kandidaten_hash,"
		" kandidaat_aantal, fte_milli, besteed_cent, demo, positief_ids)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 17, id_out, e);
}

rc_t store_verdeling_scenario_lees(struct store *s, int64_t id, struct arena *arena,
				   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s,
		"SELECT " STORE_SCENARIO_KOLOMMEN ", parameters, resultaat, kandidaten, positief_ids"
		" FROM verdeelscenario WHERE id = ?",
		p, 1, arena, out, e);
}

rc_t store_verdeling_scenario_lijst(struct store *s, int64_t ronde, struct arena *arena,
				    struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(ronde), SP_I(ronde)};
	return store_query(s,
		"SELECT " STORE_SCENARIO_KOLOMMEN " FROM verdeelscenario"
		" WHERE (? = 0 OR ronde_id = ?) ORDER BY id",
		p, 2, arena, out, e);
}

rc_t store_verdeling_scenario_zoek(struct store *s, int64_t ronde, const char *naam,
				   int64_t *id_out, struct error *e)
{
	struct store_param p[] = {SP_I(ronde), SP_T(naam)};
	return store_query_int(s,
		"SELECT id FROM verdeelscenario WHERE ronde_id = ? AND naam = ? ORDER BY id LIMIT 1",
		p, 2, id_out, e);
}

/* ---- decisions and grants --------------------------------------------- */

rc_t store_verdeling_besluit_insert(struct store *s, const struct store_besluit *b,
				    int64_t *id_out, struct error *e)
{
	struct store_param p[] = {
		SP_I(b->ronde_id), SP_I(b->scenario_id), SP_T(b->motivering), SP_T(b->genomen_op),
		SP_T(b->genomen_door), SP_I(b->toegekend_cent), SP_I(b->aanvraag_aantal),
	};
	return store_query_int(s,
		"INSERT INTO bestuursbesluit (ronde_id, scenario_id, motivering, genomen_op,"
		" genomen_door, toegekend_cent, aanvraag_aantal) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 7, id_out, e);
}

rc_t store_verdeling_besluit_lees(struct store *s, int64_t id, struct arena *arena,
				  struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " STORE_BESLUIT_KOLOMMEN " FROM bestuursbesluit WHERE id = ?",
			   p, 1, arena, out, e);
}

rc_t store_verdeling_besluit_van_ronde(struct store *s, int64_t ronde, struct arena *arena,
				       struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(ronde)};
	return store_query(s,
		"SELECT " STORE_BESLUIT_KOLOMMEN " FROM bestuursbesluit WHERE ronde_id = ?",
		p, 1, arena, out, e);
}

rc_t store_verdeling_besluit_lijst(struct store *s, int64_t ronde, struct arena *arena,
				   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(ronde), SP_I(ronde)};
	return store_query(s,
		"SELECT " STORE_BESLUIT_KOLOMMEN " FROM bestuursbesluit"
		" WHERE (? = 0 OR ronde_id = ?) ORDER BY id",
		p, 2, arena, out, e);
}

rc_t store_verdeling_toekenning_insert(struct store *s, int64_t besluit, int64_t aanvraag,
				       const char *thema, int64_t jaar, int64_t bedrag_cent,
				       struct error *e)
{
	struct store_param p[] = {SP_I(besluit), SP_I(aanvraag), SP_T(thema), SP_I(jaar),
				  SP_I(bedrag_cent)};
	return store_query(s,
		"INSERT INTO toekenning (besluit_id, aanvraag_id, thema, jaar, bedrag_cent)"
		" VALUES (?, ?, ?, ?, ?)",
		p, 5, NULL, NULL, e);
}

rc_t store_verdeling_toekenningen(struct store *s, int64_t besluit, struct arena *arena,
				  struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(besluit)};
	return store_query(s,
		"SELECT aanvraag_id, thema, jaar, bedrag_cent FROM toekenning WHERE besluit_id = ?"
		" ORDER BY aanvraag_id, jaar",
		p, 1, arena, out, e);
}

rc_t store_kaderbesluit_insert(struct store *s, const struct store_kaderbesluit *k,
			       int64_t *id_out, struct error *e)
{
	struct store_param p[] = {
		SP_T(k->themas), SP_T(k->impactlat_id), SP_T(k->motivering), SP_T(k->genomen_op),
		SP_T(k->genomen_door), SP_I(k->catalogusversie),
	};
	return store_query_int(s,
		"INSERT INTO kaderbesluit (themas, impactlat_id, motivering, genomen_op, genomen_door,"
		" catalogusversie) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
		p, 6, id_out, e);
}

rc_t store_kaderbesluit_lees(struct store *s, int64_t id, struct arena *arena,
			     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id), SP_I(id)};
	return store_query(s,
		"SELECT " STORE_KADERBESLUIT_KOLOMMEN " FROM kaderbesluit"
		" WHERE (? = 0 OR id = ?) ORDER BY id DESC LIMIT 1",
		p, 2, arena, out, e);
}

rc_t store_kaderbesluit_lijst(struct store *s, struct arena *arena, struct store_rows *out,
			      struct error *e)
{
	return store_query(s, "SELECT " STORE_KADERBESLUIT_KOLOMMEN " FROM kaderbesluit ORDER BY id DESC",
			   NULL, 0, arena, out, e);
}
