/*
 * store_verantwoording.c -- the SQL of the accountability. See
 * store_verantwoording.h.
 */
#include "store/store_verantwoording.h"

/* The SVW_ columns, in their order. */
#define VERANTWOORDING_KOLOMMEN "id, beschikking_id, jaar, versie, compleet, totaal_cent, aanvaardbaar_cent," \
				" te_laat, ingediend_op, ingediend_door, document, bevindingen"

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
		"SELECT " VERANTWOORDING_KOLOMMEN " FROM verantwoording"
		" WHERE beschikking_id = ? ORDER BY jaar, versie",
		p, 1, arena, out, e);
}

rc_t store_verantwoording_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			       struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s,
		"SELECT " VERANTWOORDING_KOLOMMEN " FROM verantwoording WHERE id = ?",
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

rc_t store_verantwoording_verzoek_voeg_toe(struct store *s, int64_t verantwoording_id, const char *vraag,
					   const char *op, const char *door, struct error *e)
{
	struct store_param p[] = {SP_I(verantwoording_id), SP_T(vraag), SP_T(op), SP_T(door)};
	return store_query(s,
		"INSERT INTO verantwoording_verzoek (verantwoording_id, vraag, gevraagd_op, gevraagd_door)"
		" VALUES (?, ?, ?, ?)", p, 4, NULL, NULL, e);
}

rc_t store_verantwoording_verzoek_lees(struct store *s, int64_t verantwoording_id, struct arena *arena,
				       struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(verantwoording_id)};
	return store_query(s,
		"SELECT vraag, gevraagd_op, gevraagd_door FROM verantwoording_verzoek WHERE verantwoording_id = ?",
		p, 1, arena, out, e);
}

rc_t store_jaarstaat_projecten(struct store *s, int64_t verzekeraar, int64_t jaar, struct arena *arena,
			       struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(jaar), SP_I(jaar), SP_I(jaar), SP_I(jaar), SP_I(jaar), SP_I(jaar), SP_I(jaar),
				  SP_I(verzekeraar)};   /* in the order of the ?s below */
	return store_query(s,
		"SELECT b.id, b.kenmerk, b.aanvraag_id,"
		" (SELECT COALESCE(SUM(m.bedrag_cent), 0) FROM mijlpaal_betaling m"
		"   WHERE m.beschikking_id = b.id AND m.jaar = ?),"
		" (SELECT COALESCE(SUM(tv.bedrag_cent), 0) FROM terugvordering tv"
		"   WHERE tv.beschikking_id = b.id AND tv.jaar = ?),"
		" v.id, t.plausibel_cent, CASE WHEN t.id IS NULL THEN 0 ELSE 1 END, b.jaarverdeling,"
		" (SELECT COALESCE(SUM(m.bedrag_cent), 0) FROM mijlpaal_betaling m"
		"   WHERE m.beschikking_id = b.id AND m.jaar <= ?)"
		" + (SELECT COALESCE(SUM(c.bedrag_cent), 0) FROM mijlpaal_correctie c"
		"   WHERE c.beschikking_id = b.id AND c.jaar <= ?)"
		" - (SELECT COALESCE(SUM(tv.bedrag_cent), 0) FROM terugvordering tv"
		"   WHERE tv.beschikking_id = b.id AND tv.jaar <= ?),"
		" (SELECT COALESCE(SUM(c.bedrag_cent), 0) FROM mijlpaal_correctie c"
		"   WHERE c.beschikking_id = b.id AND c.jaar = ?)"
		" FROM beschikking b JOIN aanvraag a ON a.id = b.aanvraag_id"
		" LEFT JOIN verantwoording v ON v.beschikking_id = b.id AND v.jaar = ? AND v.versie ="
		"   (SELECT MAX(w.versie) FROM verantwoording w WHERE w.beschikking_id = b.id AND w.jaar = v.jaar)"
		" LEFT JOIN plausibiliteitstoets t ON t.verantwoording_id = v.id"
		" WHERE b.besluit = 'verleend' AND a.coordinerend_verzekeraar_id = ?"
		" ORDER BY b.id",
		p, 8, arena, out, e);
}

rc_t store_plausibel_tot(struct store *s, int64_t verzekeraar, int64_t jaar, struct arena *arena,
			 struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(verzekeraar), SP_I(jaar)};
	return store_query(s,
		"SELECT b.id, v.jaar, t.plausibel_cent FROM beschikking b JOIN aanvraag a ON a.id = b.aanvraag_id"
		" JOIN verantwoording v ON v.beschikking_id = b.id"
		" JOIN plausibiliteitstoets t ON t.verantwoording_id = v.id"
		" WHERE b.besluit = 'verleend' AND a.coordinerend_verzekeraar_id = ? AND v.jaar <= ?"
		" ORDER BY b.id, v.jaar",
		p, 2, arena, out, e);
}

rc_t store_jaarstaat_grootboek(struct store *s, int64_t verzekeraar, const char *rekening, int64_t jaar,
			       int64_t out[8], struct error *e)
{
	/* the ledger amount of the entry a row names, signed as it moves money
	 * to `rekening` (whose id is looked up once: a plain join, so the
	 * planner needs no statistics to keep it linear) */
#define GETEKEND(codes) \
	" SUM(CASE WHEN g.code IN " codes " AND g.credit_rekening = k.id THEN g.bedrag_cent" \
	"  WHEN g.code = 'mijlpaal.correctie' AND g.debet_rekening = k.id THEN -g.bedrag_cent ELSE 0 END)"
#define REKENING " CROSS JOIN (SELECT id FROM grootboek_rekening WHERE code = ?) k"
	struct store_param p[] = {SP_T(rekening), SP_I(jaar), SP_I(verzekeraar), SP_T(rekening), SP_I(jaar),
				  SP_I(verzekeraar)};
	rc_t rc = store_query_int(s,
		"SELECT COALESCE((SELECT" GETEKEND("('mijlpaal.betaling')") " FROM mijlpaal_betaling x" REKENING
		"  LEFT JOIN grootboek_boeking g ON g.id = x.boeking_id WHERE x.jaar = ? AND x.verzekeraar_id = ?), 0)"
		" + COALESCE((SELECT" GETEKEND("('mijlpaal.correctie')") " FROM mijlpaal_correctie x" REKENING
		"  LEFT JOIN grootboek_boeking g ON g.id = x.boeking_id WHERE x.jaar = ? AND x.verzekeraar_id = ?), 0)",
		p, 6, &out[0], e);
#undef GETEKEND
	struct store_param q[] = {SP_I(jaar), SP_I(verzekeraar), SP_I(jaar), SP_I(verzekeraar)};
	if (rc == RC_OK)
		rc = store_query_int(s,
			"SELECT COALESCE((SELECT SUM(bedrag_cent) FROM mijlpaal_betaling WHERE jaar = ? AND verzekeraar_id = ?), 0)"
			" + COALESCE((SELECT SUM(bedrag_cent) FROM mijlpaal_correctie WHERE jaar = ? AND verzekeraar_id = ?), 0)",
			q, 4, &out[1], e);
	struct store_param t[] = {SP_T(rekening), SP_I(jaar), SP_I(verzekeraar)};
	if (rc == RC_OK)
		rc = store_query_int(s,
			"SELECT COALESCE(SUM(CASE WHEN g.code = 'verantwoording.terugvordering' AND g.debet_rekening = k.id"
			" THEN g.bedrag_cent ELSE 0 END), 0) FROM terugvordering x" REKENING
			" LEFT JOIN grootboek_boeking g ON g.id = x.boeking_id WHERE x.jaar = ? AND x.verzekeraar_id = ?",
			t, 3, &out[2], e);
#undef REKENING
	if (rc == RC_OK)
		rc = store_query_int(s, "SELECT COALESCE(SUM(bedrag_cent), 0) FROM terugvordering WHERE jaar = ?"
				     " AND verzekeraar_id = ?", q, 2, &out[3], e);
	struct store_param r[] = {SP_T(rekening), SP_T(rekening)};
	if (rc == RC_OK)
		rc = store_query_int(s,
			"SELECT COALESCE((SELECT SUM(g.bedrag_cent) FROM grootboek_boeking g JOIN grootboek_rekening r"
			" ON r.id = g.credit_rekening WHERE r.code = ? AND g.code IN ('mijlpaal.betaling', 'mijlpaal.correctie')), 0)"
			" - COALESCE((SELECT SUM(g.bedrag_cent) FROM grootboek_boeking g JOIN grootboek_rekening r"
			" ON r.id = g.debet_rekening WHERE r.code = ? AND g.code = 'mijlpaal.correctie'), 0)", r, 2, &out[4], e);
	struct store_param v[] = {SP_I(verzekeraar), SP_I(verzekeraar)};
	if (rc == RC_OK)
		rc = store_query_int(s,
			"SELECT COALESCE((SELECT SUM(bedrag_cent) FROM mijlpaal_betaling WHERE verzekeraar_id = ?), 0)"
			" + COALESCE((SELECT SUM(bedrag_cent) FROM mijlpaal_correctie WHERE verzekeraar_id = ?), 0)",
			v, 2, &out[5], e);
	if (rc == RC_OK)
		rc = store_query_int(s,
			"SELECT COALESCE(SUM(g.bedrag_cent), 0) FROM grootboek_boeking g JOIN grootboek_rekening r"
			" ON r.id = g.debet_rekening WHERE r.code = ? AND g.code = 'verantwoording.terugvordering'",
			r, 1, &out[6], e);
	if (rc == RC_OK)
		rc = store_query_int(s, "SELECT COALESCE(SUM(bedrag_cent), 0) FROM terugvordering WHERE verzekeraar_id = ?",
				     v, 1, &out[7], e);
	return rc;
}

rc_t store_getoetste_jaren(struct store *s, int64_t beschikking_id, int64_t *out, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id)};
	return store_query_int(s,
		"SELECT COUNT(DISTINCT v.jaar) FROM verantwoording v JOIN plausibiliteitstoets t"
		" ON t.verantwoording_id = v.id WHERE v.beschikking_id = ?", p, 1, out, e);
}

rc_t store_terugvordering_voeg_toe(struct store *s, int64_t beschikking_id, int64_t bedrag, int64_t jaar,
				   int64_t verzekeraar, int64_t boeking_id, const char *op, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id), SP_I(bedrag), SP_I(jaar), SP_I(verzekeraar), SP_I(boeking_id),
				  SP_T(op)};
	return store_query(s,
		"INSERT INTO terugvordering (beschikking_id, bedrag_cent, jaar, verzekeraar_id, boeking_id,"
		" teruggevorderd_op) VALUES (?, ?, ?, ?, ?, ?)", p, 6, NULL, NULL, e);
}

rc_t store_jaarstaat_voeg_toe(struct store *s, const struct store_jaarstaat *j, int64_t *id_out,
			      struct error *e)
{
	struct store_param p[] = {SP_I(j->verzekeraar), SP_I(j->jaar), SP_T(j->regels), SP_I(j->betaald),
				  SP_I(j->terug), SP_I(j->plausibel), SP_I(j->te_vereffenen), SP_T(j->op),
				  SP_T(j->door), SP_I(j->gecorrigeerd)};
	return store_query_int(s,
		"INSERT INTO jaarstaat (verzekeraar_id, jaar, regels, betaald_cent, teruggevorderd_cent,"
		" plausibel_cent, te_vereffenen_cent, ingediend_op, ingediend_door, gecorrigeerd_cent)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 10, id_out, e);
}

rc_t store_jaarstaat_lijst(struct store *s, int64_t verzekeraar, int64_t jaar, struct arena *arena,
			   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(verzekeraar), SP_I(verzekeraar), SP_I(jaar), SP_I(jaar)};
	return store_query(s,
		"SELECT id, verzekeraar_id, jaar, regels, betaald_cent, teruggevorderd_cent, plausibel_cent,"
		" ingediend_op, ingediend_door, te_vereffenen_cent, gecorrigeerd_cent FROM jaarstaat WHERE (? = 0 OR verzekeraar_id = ?)"
		" AND (? = 0 OR jaar = ?) ORDER BY jaar, verzekeraar_id",
		p, 4, arena, out, e);
}

rc_t store_jaarstaat_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			  struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s,
		"SELECT id, verzekeraar_id, jaar, regels, betaald_cent, teruggevorderd_cent, plausibel_cent,"
		" ingediend_op, ingediend_door, te_vereffenen_cent, gecorrigeerd_cent FROM jaarstaat WHERE id = ?",
		p, 1, arena, out, e);
}

rc_t store_rechtsoordeel_voeg_toe(struct store *s, int64_t jaarstaat, const char *oordeel, int64_t erkend,
				  const char *motivering, const char *bevindingen, const char *op,
				  const char *door, int64_t *id_out, struct error *e)
{
	struct store_param p[] = {SP_I(jaarstaat), SP_T(oordeel), SP_I(erkend), SP_T(motivering),
				  SP_T(bevindingen), SP_T(op), SP_T(door)};
	return store_query_int(s,
		"INSERT INTO rechtsoordeel (jaarstaat_id, oordeel, erkend_cent, motivering, bevindingen,"
		" gegeven_op, gegeven_door) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 7, id_out, e);
}

rc_t store_rechtsoordeel_lees(struct store *s, int64_t jaarstaat, struct arena *arena, struct store_rows *out,
			      struct error *e)
{
	struct store_param p[] = {SP_I(jaarstaat)};
	return store_query(s,
		"SELECT id, jaarstaat_id, oordeel, erkend_cent, motivering, bevindingen, gegeven_op, gegeven_door"
		" FROM rechtsoordeel WHERE jaarstaat_id = ?",
		p, 1, arena, out, e);
}

rc_t store_verevening_voeg_toe(struct store *s, int64_t verzekeraar, int64_t jaar, int64_t rechtsoordeel,
			       int64_t bedrag, int64_t boeking, const char *op, const char *door, int64_t *id_out,
			       struct error *e)
{
	struct store_param p[] = {SP_I(verzekeraar), SP_I(jaar), SP_I(rechtsoordeel), SP_I(bedrag),
				  boeking ? SP_I(boeking) : SP_N(), SP_T(op), SP_T(door)};
	return store_query_int(s,
		"INSERT INTO verevening (verzekeraar_id, jaar, rechtsoordeel_id, bedrag_cent, boeking_id, verevend_op,"
		" verevend_door) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 7, id_out, e);
}

rc_t store_verevening_lijst(struct store *s, int64_t verzekeraar, int64_t jaar, struct arena *arena,
			    struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(verzekeraar), SP_I(verzekeraar), SP_I(jaar), SP_I(jaar)};
	return store_query(s,
		"SELECT v.id, v.verzekeraar_id, v.jaar, v.rechtsoordeel_id, v.bedrag_cent, v.boeking_id, v.verevend_op,"
		" v.verevend_door, o.uzovi_code, o.naam FROM verevening v JOIN organisatie o ON o.id = v.verzekeraar_id"
		" WHERE (? = 0 OR v.verzekeraar_id = ?) AND (? = 0 OR v.jaar = ?) ORDER BY v.jaar, v.verzekeraar_id",
		p, 4, arena, out, e);
}
