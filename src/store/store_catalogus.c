/*
 * store_catalogus.c -- the SQL of published catalogue and modelplan
 * versions. See store_catalogus.h.
 */
#include "store/store_catalogus.h"

rc_t store_catalogus_nieuwste(struct store *s, int64_t *versie, struct error *e)
{
	return store_query_int(s, "SELECT COALESCE(MAX(versie), 0) FROM catalogusversie", NULL, 0,
			       versie, e);
}

/* Reads the single text cell of a one-row, one-column query. */
static rc_t enkele_tekst(struct store *s, const char *sql, const struct store_param *p,
			 size_t n, struct arena *arena, const char **out, struct error *e)
{
	struct store_rows rows;
	rc_t rc = store_query(s, sql, p, n, arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	if (rows.nrows == 0 || !store_text(&rows, 0, 0))
		return error_set(e, RC_NOT_FOUND, "Niet gevonden.");
	*out = store_text(&rows, 0, 0);
	return RC_OK;
}

rc_t store_catalogus_document(struct store *s, int64_t versie, struct arena *arena,
			      const char **document, struct error *e)
{
	struct store_param p[] = {SP_I(versie)};
	return enkele_tekst(s, "SELECT document FROM catalogusversie WHERE versie = ?", p, 1,
			    arena, document, e);
}

rc_t store_catalogus_sha256(struct store *s, int64_t versie, struct arena *arena,
			    const char **sha256, struct error *e)
{
	struct store_param p[] = {SP_I(versie)};
	return enkele_tekst(s, "SELECT sha256 FROM catalogusversie WHERE versie = ?", p, 1,
			    arena, sha256, e);
}

rc_t store_catalogus_versies(struct store *s, struct arena *arena, struct store_rows *out,
			     struct error *e)
{
	return store_query(s,
		"SELECT versie, gepubliceerd_op, opgeslagen_op, gepubliceerd_door, bron, sha256"
		" FROM catalogusversie ORDER BY versie DESC", NULL, 0, arena, out, e);
}

rc_t store_catalogus_voeg_toe(struct store *s, const struct store_catalogusversie *v,
			      struct error *e)
{
	struct store_param p[] = {
		SP_I(v->versie), SP_T(v->gepubliceerd_op), SP_T(v->opgeslagen_op),
		SP_T(v->gepubliceerd_door), SP_T(v->bron), SP_T(v->document), SP_T(v->sha256),
	};
	return store_query(s,
		"INSERT INTO catalogusversie (versie, gepubliceerd_op, opgeslagen_op,"
		" gepubliceerd_door, bron, document, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
		p, 7, NULL, NULL, e);
}

rc_t store_modelplan_versies(struct store *s, const char *modelplan, struct arena *arena,
			     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(modelplan)};
	return store_query(s,
		"SELECT versie, catalogusversie, toepassingsgebied, status, gepubliceerd_op,"
		" opgeslagen_op, gepubliceerd_door, wijzigingen, sha256, bron"
		" FROM modelplanversie WHERE modelplan = ? ORDER BY versie", p, 1, arena, out, e);
}

rc_t store_modelplan_document(struct store *s, const char *modelplan, int64_t versie,
			      struct arena *arena, const char **document, struct error *e)
{
	struct store_param p[] = {SP_T(modelplan), SP_I(versie)};
	return enkele_tekst(s, "SELECT document FROM modelplanversie WHERE modelplan = ? AND versie = ?",
			    p, 2, arena, document, e);
}

rc_t store_modelplan_voeg_toe(struct store *s, const struct store_modelplanversie *m,
			      struct error *e)
{
	struct store_param p[] = {
		SP_T(m->modelplan), SP_I(m->versie), SP_I(m->catalogusversie),
		SP_T(m->toepassingsgebied), SP_T(m->status), SP_T(m->gepubliceerd_op),
		SP_T(m->opgeslagen_op), SP_T(m->gepubliceerd_door), SP_T(m->wijzigingen),
		SP_T(m->bron), SP_T(m->document), SP_T(m->sha256),
	};
	return store_query(s,
		"INSERT INTO modelplanversie (modelplan, versie, catalogusversie, toepassingsgebied,"
		" status, gepubliceerd_op, opgeslagen_op, gepubliceerd_door, wijzigingen, bron,"
		" document, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 12, NULL, NULL, e);
}

rc_t store_catalogus_koppel(struct store *s, int64_t catalogusversie, const char *modelplan,
			    int64_t versie, struct error *e)
{
	struct store_param p[] = {SP_I(catalogusversie), SP_T(modelplan), SP_I(versie)};
	return store_query(s,
		"INSERT INTO catalogusversie_modelplan (catalogusversie, modelplan, versie)"
		" VALUES (?, ?, ?)", p, 3, NULL, NULL, e);
}

rc_t store_catalogus_modelplannen(struct store *s, int64_t catalogusversie,
				  struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(catalogusversie)};
	return store_query(s,
		"SELECT m.modelplan, m.versie, m.document"
		" FROM catalogusversie_modelplan k"
		" JOIN modelplanversie m ON m.modelplan = k.modelplan AND m.versie = k.versie"
		" WHERE k.catalogusversie = ? AND k.versie = (SELECT MAX(k2.versie)"
		"  FROM catalogusversie_modelplan k2"
		"  WHERE k2.catalogusversie = k.catalogusversie AND k2.modelplan = k.modelplan)"
		" ORDER BY m.modelplan", p, 1, arena, out, e);
}

rc_t store_catalogus_aantallen(struct store *s, int64_t *catalogusversies,
			       int64_t *modelplanversies, int64_t *koppelingen, struct error *e)
{
	rc_t rc = store_query_int(s, "SELECT COUNT(*) FROM catalogusversie", NULL, 0,
				  catalogusversies, e);
	if (rc == RC_OK)
		rc = store_query_int(s, "SELECT COUNT(*) FROM modelplanversie", NULL, 0,
				     modelplanversies, e);
	if (rc == RC_OK)
		rc = store_query_int(s, "SELECT COUNT(*) FROM catalogusversie_modelplan", NULL, 0,
				     koppelingen, e);
	return rc;
}
