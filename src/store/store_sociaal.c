/*
 * store_sociaal.c -- the SQL of the social-domain track. See
 * store_sociaal.h.
 */
#include "store/store_sociaal.h"

rc_t store_vaststelling_voeg_toe(struct store *s, const char *soort, int64_t versie, const char *document,
				 const char *op, const char *door, struct error *e)
{
	struct store_param p[] = {SP_T(soort), SP_I(versie), SP_T(document), SP_T(op), SP_T(door)};
	return store_query(s, "INSERT INTO sociaal_vaststelling (soort, versie, document, vastgesteld_op,"
			   " vastgesteld_door) VALUES (?, ?, ?, ?, ?)", p, 5, NULL, NULL, e);
}

rc_t store_vaststelling_lees(struct store *s, const char *soort, int64_t versie, struct arena *a,
			     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(soort), SP_I(versie), SP_I(versie)};
	return store_query(s, "SELECT versie, document, vastgesteld_op, vastgesteld_door FROM sociaal_vaststelling"
			   " WHERE soort = ? AND (? = 0 OR versie = ?) ORDER BY versie DESC", p, 3, a, out, e);
}

rc_t store_regioscan_voeg_toe(struct store *s, const char *regio, const char *meting, int64_t versie,
			      int64_t indeling, const char *document, const char *op, const char *door,
			      int64_t *id, struct error *e)
{
	struct store_param p[] = {SP_T(regio), SP_T(meting), SP_I(versie), SP_I(indeling), SP_T(document), SP_T(op),
				  SP_T(door)};
	return store_query_int(s, "INSERT INTO regioscan (regio_code, meting, versie, regioindeling_versie, document,"
			       " ingevoerd_op, ingevoerd_door) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
			       p, 7, id, e);
}

#define SCAN_KOLOMMEN "id, regio_code, meting, versie, regioindeling_versie, document, ingevoerd_op, ingevoerd_door"

rc_t store_regioscan_lijst(struct store *s, const char *regio, const char *meting, bool nieuwste,
			   struct arena *a, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(regio), SP_T(meting), SP_I(nieuwste ? 1 : 0)};
	return store_query(s, "SELECT " SCAN_KOLOMMEN " FROM regioscan r"
			   " WHERE regio_code = coalesce(?, regio_code) AND meting = coalesce(?, meting)"
			   " AND (? = 0 OR versie = (SELECT max(versie) FROM regioscan n"
			   " WHERE n.regio_code = r.regio_code AND n.meting = r.meting))"
			   " ORDER BY regio_code, meting, versie", p, 3, a, out, e);
}

rc_t store_regioscan_lees(struct store *s, int64_t id, struct arena *a, struct store_rows *out,
			  struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " SCAN_KOLOMMEN " FROM regioscan WHERE id = ?", p, 1, a, out, e);
}

#define WERKAGENDA_KOLOMMEN "id, regio_code, versie, regioindeling_versie, regioscan_id, status, document," \
	" begroting_cent, opgesteld_op, opgesteld_door, organisatie_id, ingediend_op, definitief_op"

rc_t store_werkagenda_voeg_toe(struct store *s, const char *regio, int64_t versie, int64_t indeling,
			       int64_t scan_id, const char *document, int64_t begroting_cent, const char *op,
			       const char *door, int64_t organisatie_id, int64_t *id, struct error *e)
{
	struct store_param p[] = {SP_T(regio), SP_I(versie), SP_I(indeling), scan_id ? SP_I(scan_id) : SP_N(),
				  SP_T(document), SP_I(begroting_cent), SP_T(op), SP_T(door), SP_I(organisatie_id)};
	return store_query_int(s, "INSERT INTO werkagenda (regio_code, versie, regioindeling_versie, regioscan_id,"
			       " status, document, begroting_cent, opgesteld_op, opgesteld_door, organisatie_id)"
			       " VALUES (?, ?, ?, ?, 'concept', ?, ?, ?, ?, ?) RETURNING id", p, 9, id, e);
}

rc_t store_werkagenda_wijzig(struct store *s, int64_t id, int64_t indeling, int64_t scan_id,
			     const char *document, int64_t begroting_cent, const char *op, const char *door,
			     struct error *e)
{
	struct store_param p[] = {SP_I(indeling), scan_id ? SP_I(scan_id) : SP_N(), SP_T(document),
				  SP_I(begroting_cent), SP_T(op), SP_T(door), SP_I(id)};
	return store_query(s, "UPDATE werkagenda SET regioindeling_versie = ?, regioscan_id = ?, document = ?,"
			   " begroting_cent = ?, opgesteld_op = ?, opgesteld_door = ? WHERE id = ? AND status = 'concept'",
			   p, 7, NULL, NULL, e);
}

rc_t store_werkagenda_status(struct store *s, int64_t id, const char *status, const char *moment,
			     struct error *e)
{
	struct store_param p[] = {SP_T(status), SP_T(status), SP_T(moment), SP_T(status), SP_T(moment), SP_I(id)};
	return store_query(s, "UPDATE werkagenda SET status = ?,"
			   " ingediend_op = CASE WHEN ? = 'ter_ondertekening' THEN ? ELSE ingediend_op END,"
			   " definitief_op = CASE WHEN ? = 'definitief' THEN ? ELSE definitief_op END WHERE id = ?",
			   p, 6, NULL, NULL, e);
}

rc_t store_werkagenda_lees(struct store *s, int64_t id, struct arena *a, struct store_rows *out,
			   struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " WERKAGENDA_KOLOMMEN " FROM werkagenda WHERE id = ?", p, 1, a, out, e);
}

rc_t store_werkagenda_lijst(struct store *s, const char *regio, struct arena *a, struct store_rows *out,
			    struct error *e)
{
	struct store_param p[] = {SP_T(regio)};
	return store_query(s, "SELECT " WERKAGENDA_KOLOMMEN " FROM werkagenda WHERE regio_code = coalesce(?, regio_code)"
			   " ORDER BY regio_code, versie DESC", p, 1, a, out, e);
}

rc_t store_ondertekening_voeg_toe(struct store *s, int64_t werkagenda_id, const char *cbs, int64_t organisatie_id,
				  const char *besluitdatum, const char *kenmerk, int64_t bijlage_id, const char *op,
				  const char *door, struct error *e)
{
	struct store_param p[] = {SP_I(werkagenda_id), SP_T(cbs), SP_I(organisatie_id), SP_T(besluitdatum),
				  SP_T(kenmerk), bijlage_id ? SP_I(bijlage_id) : SP_N(), SP_T(op), SP_T(door)};
	return store_query(s, "INSERT INTO werkagenda_ondertekening (werkagenda_id, cbs_code, organisatie_id,"
			   " besluitdatum, kenmerk, bijlage_id, ondertekend_op, ondertekend_door)"
			   " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", p, 8, NULL, NULL, e);
}

rc_t store_ondertekening_lijst(struct store *s, int64_t werkagenda_id, struct arena *a, struct store_rows *out,
			       struct error *e)
{
	struct store_param p[] = {SP_I(werkagenda_id)};
	return store_query(s, "SELECT cbs_code, organisatie_id, besluitdatum, kenmerk, bijlage_id, ondertekend_op,"
			   " ondertekend_door FROM werkagenda_ondertekening WHERE werkagenda_id = ? ORDER BY cbs_code",
			   p, 1, a, out, e);
}

rc_t store_sociaal_beoordeling_voeg_toe(struct store *s, int64_t werkagenda_id, const char *partij,
					int64_t organisatie_id, int64_t kader_versie, const char *oordeel,
					const char *document, const char *op, const char *door, struct error *e)
{
	struct store_param p[] = {SP_I(werkagenda_id), SP_T(partij), SP_I(organisatie_id), SP_I(kader_versie),
				  SP_T(oordeel), SP_T(document), SP_T(op), SP_T(door)};
	return store_query(s, "INSERT INTO werkagenda_beoordeling (werkagenda_id, partij, organisatie_id, kader_versie,"
			   " oordeel, document, beoordeeld_op, beoordeeld_door) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			   p, 8, NULL, NULL, e);
}

rc_t store_sociaal_beoordeling_lijst(struct store *s, int64_t werkagenda_id, struct arena *a,
				     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(werkagenda_id)};
	return store_query(s, "SELECT partij, organisatie_id, kader_versie, oordeel, document, beoordeeld_op,"
			   " beoordeeld_door FROM werkagenda_beoordeling WHERE werkagenda_id = ? ORDER BY partij DESC",
			   p, 1, a, out, e);
}

rc_t store_spuk_toekenning_voeg_toe(struct store *s, int64_t jaar, const char *niveau, int64_t sleutel_versie,
				    int64_t indeling, int64_t pot_cent, const char *document, const char *op,
				    const char *door, int64_t *id, struct error *e)
{
	struct store_param p[] = {SP_I(jaar), SP_T(niveau), SP_I(sleutel_versie), SP_I(indeling), SP_I(pot_cent),
				  SP_T(document), SP_T(op), SP_T(door)};
	return store_query_int(s, "INSERT INTO spuk_toekenning (jaar, niveau, sleutel_versie, regioindeling_versie,"
			       " pot_cent, document, toegekend_op, toegekend_door) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
			       " RETURNING id", p, 8, id, e);
}

rc_t store_spuk_toekenning_lijst(struct store *s, int64_t jaar, struct arena *a, struct store_rows *out,
				 struct error *e)
{
	struct store_param p[] = {SP_I(jaar), SP_I(jaar)};
	return store_query(s, "SELECT id, jaar, niveau, sleutel_versie, regioindeling_versie, pot_cent, document,"
			   " toegekend_op, toegekend_door FROM spuk_toekenning WHERE ? = 0 OR jaar = ? ORDER BY jaar",
			   p, 2, a, out, e);
}

rc_t store_spuk_beschikking_voeg_toe(struct store *s, int64_t toekenning_id, int64_t jaar, const char *kenmerk,
				     const char *cbs, const char *regio, int64_t organisatie_id, int64_t bedrag_cent,
				     int64_t reservering_id, int64_t *id, struct error *e)
{
	struct store_param p[] = {SP_I(toekenning_id), SP_I(jaar), SP_T(kenmerk), SP_T(cbs), SP_T(regio),
				  organisatie_id ? SP_I(organisatie_id) : SP_N(), SP_I(bedrag_cent),
				  reservering_id ? SP_I(reservering_id) : SP_N()};
	return store_query_int(s, "INSERT INTO spuk_beschikking (toekenning_id, jaar, kenmerk, cbs_code, regio_code,"
			       " organisatie_id, bedrag_cent, reservering_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
			       p, 8, id, e);
}

rc_t store_spuk_beschikking_lijst(struct store *s, int64_t id, const char *cbs, int64_t jaar, struct arena *a,
				  struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id ? 1 : 0), SP_I(id), SP_T(cbs), SP_I(jaar), SP_I(jaar)};
	return store_query(s, "SELECT b.id, b.toekenning_id, b.jaar, b.kenmerk, b.cbs_code, b.regio_code,"
			   " b.organisatie_id, b.bedrag_cent, b.reservering_id, t.niveau, t.toegekend_op,"
			   " t.sleutel_versie, p.bedrag_cent, p.betaald_op,"
			   " (SELECT coalesce(sum(besteed_cent), 0) FROM spuk_verantwoording v WHERE v.beschikking_id = b.id),"
			   " (SELECT coalesce(sum(teruggevorderd_cent), 0) FROM spuk_verantwoording v"
			   " WHERE v.beschikking_id = b.id),"
			   " (SELECT coalesce(max(eind), 0) FROM spuk_verantwoording v WHERE v.beschikking_id = b.id),"
			   " t.toegekend_door"
			   " FROM spuk_beschikking b JOIN spuk_toekenning t ON t.id = b.toekenning_id"
			   " LEFT JOIN spuk_betaling p ON p.beschikking_id = b.id"
			   " WHERE (? = 0 OR b.id = ?) AND b.cbs_code = coalesce(?, b.cbs_code) AND (? = 0 OR b.jaar = ?)"
			   " ORDER BY b.jaar, b.cbs_code", p, 5, a, out, e);
}

rc_t store_spuk_betaling_voeg_toe(struct store *s, int64_t beschikking_id, int64_t bedrag_cent, int64_t boeking_id,
				  const char *op, const char *door, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id), SP_I(bedrag_cent), boeking_id ? SP_I(boeking_id) : SP_N(),
				  SP_T(op), SP_T(door)};
	return store_query(s, "INSERT INTO spuk_betaling (beschikking_id, bedrag_cent, boeking_id, betaald_op,"
			   " betaald_door) VALUES (?, ?, ?, ?, ?)", p, 5, NULL, NULL, e);
}

rc_t store_spuk_verantwoording_voeg_toe(struct store *s, int64_t beschikking_id, int64_t jaar, int64_t besteed_cent,
					bool eind, int64_t terug_cent, int64_t boeking_id, const char *document,
					const char *op, const char *door, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id), SP_I(jaar), SP_I(besteed_cent), SP_I(eind ? 1 : 0),
				  SP_I(terug_cent), boeking_id ? SP_I(boeking_id) : SP_N(), SP_T(document), SP_T(op),
				  SP_T(door)};
	return store_query(s, "INSERT INTO spuk_verantwoording (beschikking_id, jaar, besteed_cent, eind,"
			   " teruggevorderd_cent, boeking_id, document, ingediend_op, ingediend_door)"
			   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p, 9, NULL, NULL, e);
}

rc_t store_spuk_verantwoording_lijst(struct store *s, int64_t beschikking_id, struct arena *a,
				     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id)};
	return store_query(s, "SELECT jaar, besteed_cent, eind, teruggevorderd_cent, boeking_id, document, ingediend_op,"
			   " ingediend_door FROM spuk_verantwoording WHERE beschikking_id = ? ORDER BY jaar",
			   p, 1, a, out, e);
}

rc_t store_voortgang_voeg_toe(struct store *s, const char *regio, const char *periode, int64_t versie,
			      const char *document, int64_t besteed_cent, const char *op, const char *door,
			      int64_t *id, struct error *e)
{
	struct store_param p[] = {SP_T(regio), SP_T(periode), SP_I(versie), SP_T(document), SP_I(besteed_cent),
				  SP_T(op), SP_T(door)};
	return store_query_int(s, "INSERT INTO sociaal_voortgang (regio_code, periode, versie, document, besteed_cent,"
			       " ingediend_op, ingediend_door) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", p, 7, id, e);
}

rc_t store_voortgang_lijst(struct store *s, const char *regio, const char *periode, bool nieuwste,
			   struct arena *a, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(regio), SP_T(periode), SP_I(nieuwste ? 1 : 0)};
	return store_query(s, "SELECT id, regio_code, periode, versie, document, besteed_cent, ingediend_op,"
			   " ingediend_door FROM sociaal_voortgang v"
			   " WHERE regio_code = coalesce(?, regio_code) AND periode = coalesce(?, periode)"
			   " AND (? = 0 OR versie = (SELECT max(versie) FROM sociaal_voortgang n"
			   " WHERE n.regio_code = v.regio_code AND n.periode = v.periode))"
			   " ORDER BY periode, regio_code, versie", p, 3, a, out, e);
}
