/*
 * store_beschikking.c -- the SQL of joint requests, beschikkingen and
 * milestones. See store_beschikking.h. Written once for both backends:
 * `?` placeholders, booleans as 0/1 integers.
 */
#include "store/store_beschikking.h"

/* ---- the board's grants ------------------------------------------------- */

rc_t store_toekenning_lees(struct store *s, int64_t aanvraag_id, struct arena *arena,
			   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(aanvraag_id)};
	return store_query(s,
		"SELECT thema, jaar, bedrag_cent FROM toekenning WHERE aanvraag_id = ? ORDER BY jaar",
		p, 1, arena, out, e);
}

/* ---- joint requests ------------------------------------------------------ */

rc_t store_nza_aanvraag_insert(struct store *s, const struct store_nza_aanvraag *n,
			       int64_t *id_out, struct error *e)
{
	struct store_param p[] = {
		SP_I(n->aanvraag_id), SP_I(n->versie), SP_T(n->thema), SP_I(n->toegekend_cent),
		SP_I(n->bovengrens_cent), SP_T(n->jaarverdeling), SP_T(n->verklaringen),
		SP_T(n->contract_datum), SP_T(n->contract_kenmerk), SP_T(n->sha256),
		SP_T(n->aangemaakt_op), SP_T(n->aangemaakt_door), SP_I(n->demo ? 1 : 0),
	};
	return store_query_int(s,
		"INSERT INTO nza_aanvraag (aanvraag_id, versie, thema, toegekend_cent, bovengrens_cent,"
		" jaarverdeling, verklaringen, contract_datum, contract_kenmerk, sha256, status,"
		" aangemaakt_op, aangemaakt_door, demo)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ondertekening', ?, ?, ?) RETURNING id",
		p, 13, id_out, e);
}

rc_t store_nza_aanvraag_lees(struct store *s, int64_t id, struct arena *arena,
			     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s,
		"SELECT " STORE_NZA_KOLOMMEN " FROM nza_aanvraag n JOIN aanvraag a ON a.id = n.aanvraag_id"
		" WHERE n.id = ?", p, 1, arena, out, e);
}

rc_t store_nza_aanvraag_bij_aanvraag(struct store *s, int64_t aanvraag_id, struct arena *arena,
				     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(aanvraag_id)};
	return store_query(s,
		"SELECT " STORE_NZA_KOLOMMEN " FROM nza_aanvraag n JOIN aanvraag a ON a.id = n.aanvraag_id"
		" WHERE n.aanvraag_id = ?", p, 1, arena, out, e);
}

rc_t store_nza_aanvraag_status(struct store *s, int64_t id, const char *van, const char *naar,
			       const char *ingediend_op, struct error *e)
{
	struct store_param p[] = {SP_T(naar), SP_T(ingediend_op), SP_I(id), SP_T(van)};
	int64_t gevonden = 0;
	rc_t rc = store_query_int(s,
		"UPDATE nza_aanvraag SET status = ?, ingediend_op = COALESCE(CAST(? AS TEXT), ingediend_op)"
		" WHERE id = ? AND status = ? RETURNING id", p, 4, &gevonden, e);
	if (rc == RC_NOT_FOUND)
		return error_set(e, RC_CONFLICT, "De tweezijdige aanvraag is niet meer in status %s.", van);
	return rc;
}

rc_t store_nza_aanvraag_lijst(struct store *s, const struct store_nza_filter *f,
			      struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {
		SP_I(f->na), SP_I(f->organisatie), SP_I(f->organisatie), SP_I(f->organisatie),
		SP_I(f->organisatie), SP_I(f->alleen_ingediend ? 1 : 0), SP_T(f->status),
		SP_T(f->status), SP_T(f->thema), SP_T(f->thema), SP_I(f->limiet),
	};
	return store_query(s,
		"SELECT " STORE_NZA_KOLOMMEN " FROM nza_aanvraag n JOIN aanvraag a ON a.id = n.aanvraag_id"
		" WHERE n.id > ?"
		" AND (CAST(? AS BIGINT) = 0 OR a.penvoerder_id = ? OR a.coordinerend_verzekeraar_id = ?"
		"      OR a.tweede_verzekeraar_id = ?)"
		" AND (CAST(? AS BIGINT) = 0 OR n.status <> 'ondertekening')"
		" AND (CAST(? AS TEXT) IS NULL OR n.status = ?) AND (CAST(? AS TEXT) IS NULL OR n.thema = ?)"
		" ORDER BY n.id LIMIT ?", p, 11, arena, out, e);
}

/* ---- signatures ------------------------------------------------------------ */

rc_t store_ondertekening_insert(struct store *s, int64_t nza_aanvraag_id, const char *partij,
				int64_t organisatie_id, const char *sha256, const char *door,
				const char *op, struct error *e)
{
	struct store_param p[] = {SP_I(nza_aanvraag_id), SP_T(partij), SP_I(organisatie_id),
				  SP_T(sha256), SP_T(door), SP_T(op)};
	return store_query(s,
		"INSERT INTO nza_ondertekening (nza_aanvraag_id, partij, organisatie_id, sha256,"
		" ondertekend_door, ondertekend_op) VALUES (?, ?, ?, ?, ?, ?)", p, 6, NULL, NULL, e);
}

rc_t store_ondertekeningen(struct store *s, int64_t nza_aanvraag_id, struct arena *arena,
			   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(nza_aanvraag_id)};
	return store_query(s,
		"SELECT partij, organisatie_id, sha256, ondertekend_door, ondertekend_op"
		" FROM nza_ondertekening WHERE nza_aanvraag_id = ? ORDER BY partij", p, 1, arena, out, e);
}

/* ---- decisions -------------------------------------------------------------- */

rc_t store_beschikking_insert(struct store *s, const struct store_beschikking *b,
			      int64_t *id_out, struct error *e)
{
	struct store_param p[] = {
		SP_I(b->nza_aanvraag_id), SP_I(b->aanvraag_id), SP_T(b->kenmerk), SP_T(b->besluit),
		SP_I(b->bovengrens_cent), SP_T(b->jaarverdeling), SP_T(b->motivering),
		SP_T(b->bevindingen), SP_T(b->mijlpalen), SP_T(b->genomen_op), SP_T(b->genomen_door),
	};
	return store_query_int(s,
		"INSERT INTO beschikking (nza_aanvraag_id, aanvraag_id, kenmerk, besluit, bovengrens_cent,"
		" jaarverdeling, motivering, bevindingen, mijlpalen, genomen_op, genomen_door)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", p, 11, id_out, e);
}

#define BESCHIKKING_VAN \
	" FROM beschikking b JOIN nza_aanvraag n ON n.id = b.nza_aanvraag_id" \
	" JOIN aanvraag a ON a.id = b.aanvraag_id"

rc_t store_beschikking_lees(struct store *s, int64_t id, struct arena *arena,
			    struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " STORE_BESCHIKKING_KOLOMMEN BESCHIKKING_VAN " WHERE b.id = ?",
			   p, 1, arena, out, e);
}

rc_t store_beschikking_lijst(struct store *s, int64_t organisatie, int64_t na, int64_t limiet,
			     struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(na), SP_I(organisatie), SP_I(organisatie), SP_I(organisatie),
				  SP_I(organisatie), SP_I(limiet)};
	return store_query(s,
		"SELECT " STORE_BESCHIKKING_KOLOMMEN BESCHIKKING_VAN " WHERE b.id > ?"
		" AND (CAST(? AS BIGINT) = 0 OR a.coordinerend_verzekeraar_id = ? OR a.tweede_verzekeraar_id = ?"
		"      OR EXISTS (SELECT 1 FROM aanvraag_partij ap WHERE ap.aanvraag_id = a.id"
		"                 AND ap.organisatie_id = ? AND ap.rol IN ('penvoerder', 'deelnemer')))"
		" ORDER BY b.id LIMIT ?", p, 6, arena, out, e);
}

/* ---- milestones ------------------------------------------------------------- */

rc_t store_melding_insert(struct store *s, int64_t beschikking_id, const char *mijlpaal,
			  const char *bewijs, const char *kenmerk, const char *op,
			  const char *door, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id), SP_T(mijlpaal), SP_T(bewijs), SP_T(kenmerk),
				  SP_T(op), SP_T(door)};
	return store_query(s,
		"INSERT INTO mijlpaal_melding (beschikking_id, mijlpaal, bewijs, kenmerk, gemeld_op,"
		" gemeld_door) VALUES (?, ?, ?, ?, ?, ?)", p, 6, NULL, NULL, e);
}

rc_t store_meldingen(struct store *s, int64_t beschikking_id, struct arena *arena,
		     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id)};
	return store_query(s,
		"SELECT mijlpaal, bewijs, kenmerk, gemeld_op, gemeld_door FROM mijlpaal_melding"
		" WHERE beschikking_id = ? ORDER BY mijlpaal", p, 1, arena, out, e);
}

rc_t store_betaling_insert(struct store *s, int64_t beschikking_id, const char *mijlpaal,
			   int64_t bedrag_cent, int64_t jaar, int64_t verzekeraar_id,
			   int64_t boeking_id, const char *op, const char *door, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id), SP_T(mijlpaal), SP_I(bedrag_cent),
				  SP_I(jaar), SP_I(verzekeraar_id), SP_I(boeking_id), SP_T(op),
				  SP_T(door)};
	return store_query(s,
		"INSERT INTO mijlpaal_betaling (beschikking_id, mijlpaal, bedrag_cent, jaar,"
		" verzekeraar_id, boeking_id, betaald_op, betaald_door) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		p, 8, NULL, NULL, e);
}

rc_t store_betalingen(struct store *s, int64_t beschikking_id, struct arena *arena,
		      struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id)};
	return store_query(s,
		"SELECT mijlpaal, bedrag_cent, jaar, verzekeraar_id, boeking_id, betaald_op, betaald_door"
		" FROM mijlpaal_betaling WHERE beschikking_id = ? ORDER BY mijlpaal", p, 1, arena, out, e);
}

rc_t store_correctie_insert(struct store *s, const struct store_correctie *c, struct error *e)
{
	struct store_param p[] = {SP_I(c->beschikking_id), SP_T(c->mijlpaal), SP_I(c->volgnummer),
				  SP_I(c->bedrag_cent), SP_I(c->jaar), SP_I(c->verzekeraar_id), SP_I(c->boeking_id),
				  SP_T(c->reden), SP_T(c->op), SP_T(c->door)};
	return store_query(s,
		"INSERT INTO mijlpaal_correctie (beschikking_id, mijlpaal, volgnummer, bedrag_cent, jaar,"
		" verzekeraar_id, boeking_id, reden, gecorrigeerd_op, gecorrigeerd_door)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 10, NULL, NULL, e);
}

rc_t store_correcties(struct store *s, int64_t beschikking_id, struct arena *arena,
		      struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id)};
	return store_query(s,
		"SELECT mijlpaal, volgnummer, bedrag_cent, jaar, boeking_id, reden, gecorrigeerd_op,"
		" gecorrigeerd_door FROM mijlpaal_correctie WHERE beschikking_id = ?"
		" ORDER BY mijlpaal, volgnummer", p, 1, arena, out, e);
}

rc_t store_betaald_netto(struct store *s, int64_t beschikking_id, int64_t *out, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id), SP_I(beschikking_id)};
	return store_query_int(s,
		"SELECT (SELECT COALESCE(SUM(bedrag_cent), 0) FROM mijlpaal_betaling WHERE beschikking_id = ?)"
		" + (SELECT COALESCE(SUM(bedrag_cent), 0) FROM mijlpaal_correctie WHERE beschikking_id = ?)",
		p, 2, out, e);
}

/* ---- the overview ------------------------------------------------------------ */

rc_t store_projecten(struct store *s, struct arena *arena, struct store_rows *out,
		     struct error *e)
{
	return store_query(s,
		"SELECT a.id, a.thema, a.coordinerend_verzekeraar_id, a.tweede_verzekeraar_id,"
		" o.uzovi_code, o.naam, a.penvoerder_id FROM aanvraag a"
		" LEFT JOIN organisatie o ON o.id = a.coordinerend_verzekeraar_id"
		" WHERE EXISTS (SELECT 1 FROM toekenning t WHERE t.aanvraag_id = a.id)"
		" OR EXISTS (SELECT 1 FROM nza_aanvraag n WHERE n.aanvraag_id = a.id)"
		" ORDER BY a.id", NULL, 0, arena, out, e);
}

rc_t store_betalingen_per_jaar(struct store *s, struct arena *arena, struct store_rows *out,
			       struct error *e)
{
	return store_query(s,
		"SELECT b.aanvraag_id, p.jaar, SUM(p.bedrag_cent) FROM (SELECT beschikking_id, jaar,"
		" bedrag_cent FROM mijlpaal_betaling UNION ALL SELECT beschikking_id, jaar, bedrag_cent"
		" FROM mijlpaal_correctie) p JOIN beschikking b ON b.id = p.beschikking_id"
		" GROUP BY b.aanvraag_id, p.jaar ORDER BY b.aanvraag_id, p.jaar", NULL, 0, arena, out, e);
}

rc_t store_beschikking_partijen(struct store *s, int64_t aanvraag_id, struct arena *arena,
				struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(aanvraag_id)};
	return store_query(s,
		"SELECT ap.rol, o.naam, o.id, o.plaats FROM aanvraag_partij ap JOIN organisatie o"
		" ON o.id = ap.organisatie_id WHERE ap.aanvraag_id = ? ORDER BY ap.rol, o.naam",
		p, 1, arena, out, e);
}

rc_t store_organisatie_naam(struct store *s, int64_t id, struct arena *arena,
			    const char **naam, const char **uzovi, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	struct store_rows r;
	rc_t rc = store_query(s, "SELECT naam, uzovi_code FROM organisatie WHERE id = ?", p, 1, arena,
			      &r, e);
	if (rc == RC_OK && r.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "Organisatie %lld bestaat niet.", (long long)id);
	if (rc == RC_OK) {
		*naam = store_text(&r, 0, 0);
		*uzovi = store_text(&r, 0, 1);
	}
	return rc;
}
