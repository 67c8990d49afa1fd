/*
 * store_monitoring.c -- the SQL of monitoring (store_monitoring.h).
 */
#include "store/store_monitoring.h"

rc_t store_monitoring_perioden(struct store *s, struct arena *a, struct store_rows *out, struct error *e)
{
	return store_query(s, "SELECT code, van, tot, inleveren_voor FROM monitoring_periode ORDER BY code", NULL, 0, a,
			   out, e);
}

rc_t store_projectvoortgang_voeg_toe(struct store *s, int64_t beschikking_id, const char *periode, int64_t versie,
				     const char *document, int64_t fte_milli, int64_t besteed_cent, const char *op,
				     const char *door, int64_t *id, struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id), SP_T(periode), SP_I(versie), SP_T(document), SP_I(fte_milli),
				  SP_I(besteed_cent), SP_T(op), SP_T(door)};
	return store_query_int(s, "INSERT INTO projectvoortgang (beschikking_id, periode, versie, document,"
			       " fte_gerealiseerd_milli, besteed_cent, ingediend_op, ingediend_door)"
			       " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", p, 8, id, e);
}

rc_t store_projectvoortgang_lijst(struct store *s, int64_t beschikking_id, struct arena *a, struct store_rows *out,
				  struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id)};
	return store_query(s, "SELECT id, beschikking_id, periode, versie, document, fte_gerealiseerd_milli, besteed_cent,"
			   " ingediend_op, ingediend_door FROM projectvoortgang WHERE beschikking_id = ?"
			   " ORDER BY periode, versie", p, 1, a, out, e);
}

rc_t store_monitoring_rapporten(struct store *s, int64_t van, int64_t tot, struct arena *a, struct store_rows *out,
			       struct error *e)
{
	struct store_param p[] = {SP_I(van), SP_I(tot)};
	return store_query(s, "SELECT beschikking_id, periode, versie, fte_gerealiseerd_milli, besteed_cent, ingediend_op"
			   " FROM projectvoortgang WHERE beschikking_id > ? AND beschikking_id <= ?"
			   " ORDER BY beschikking_id, periode, versie", p, 2, a, out, e);
}

rc_t store_projectvoortgang_versie(struct store *s, int64_t beschikking_id, const char *periode, int64_t *versie,
				   struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id), SP_T(periode)};
	return store_query_int(s, "SELECT coalesce(max(versie), 0) FROM projectvoortgang"
			       " WHERE beschikking_id = ? AND periode = ?", p, 2, versie, e);
}

rc_t store_signaal_kennisname_voeg_toe(struct store *s, int64_t beschikking_id, const char *sleutel,
				       const char *notitie, const char *op, const char *door, int64_t *id,
				       struct error *e)
{
	struct store_param p[] = {SP_I(beschikking_id), SP_T(sleutel), SP_T(notitie), SP_T(op), SP_T(door)};
	return store_query_int(s, "INSERT INTO signaal_kennisname (beschikking_id, sleutel, notitie, genomen_op,"
			       " genomen_door) VALUES (?, ?, ?, ?, ?) RETURNING id", p, 5, id, e);
}

rc_t store_signaal_kennisnames(struct store *s, struct arena *a, struct store_rows *out, struct error *e)
{
	return store_query(s, "SELECT id, beschikking_id, sleutel, notitie, genomen_op, genomen_door"
			   " FROM signaal_kennisname ORDER BY id", NULL, 0, a, out, e);
}

rc_t store_monitoring_projecten(struct store *s, int64_t coordinerend, int64_t na, int64_t limiet, struct arena *a,
				struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(na), SP_I(coordinerend), SP_I(coordinerend), SP_I(limiet)};
	return store_query(s,
		"SELECT b.id, b.aanvraag_id, b.kenmerk, b.bovengrens_cent, b.jaarverdeling, b.mijlpalen, b.genomen_op,"
		" coalesce(a.titel, ''), a.thema, a.toepassingsgebied, coalesce(a.regio, ''), a.ronde_id,"
		" coalesce(a.coordinerend_verzekeraar_id, 0), a.penvoerder_id, o.naam,"
		" (SELECT count(*) FROM mijlpaal_melding m WHERE m.beschikking_id = b.id),"
		" (SELECT coalesce(sum(bedrag_cent), 0) FROM mijlpaal_betaling p WHERE p.beschikking_id = b.id),"
		" (SELECT coalesce(sum(bedrag_cent), 0) FROM mijlpaal_correctie c WHERE c.beschikking_id = b.id),"
		" (SELECT coalesce(sum(aanvaardbaar_cent), 0) FROM verantwoording v WHERE v.beschikking_id = b.id"
		"  AND v.versie = (SELECT max(versie) FROM verantwoording w WHERE w.beschikking_id = b.id"
		"  AND w.jaar = v.jaar)),"
		" coalesce(a.tweede_verzekeraar_id, 0)"
		" FROM beschikking b JOIN aanvraag a ON a.id = b.aanvraag_id"
		" JOIN organisatie o ON o.id = a.penvoerder_id"
		" WHERE b.besluit = 'verleend' AND b.id > ? AND (? = 0 OR a.coordinerend_verzekeraar_id = ?)"
		" ORDER BY b.id LIMIT ?", p, 4, a, out, e);
}

rc_t store_monitoring_meldingen(struct store *s, int64_t van, int64_t tot, struct arena *a, struct store_rows *out,
				struct error *e)
{
	struct store_param p[] = {SP_I(van), SP_I(tot)};
	return store_query(s, "SELECT beschikking_id, mijlpaal FROM mijlpaal_melding WHERE beschikking_id > ?"
			   " AND beschikking_id <= ? ORDER BY beschikking_id", p, 2, a, out, e);
}

rc_t store_monitoring_jaargeld(struct store *s, int64_t van, int64_t tot, struct arena *a, struct store_rows *out,
			      struct error *e)
{
	struct store_param p[] = {SP_I(van), SP_I(tot)};
	return store_query(s,
		"SELECT beschikking_id, jaar, sum(betaald), sum(verantwoord) FROM ("
		" SELECT beschikking_id, jaar, bedrag_cent AS betaald, 0 AS verantwoord FROM mijlpaal_betaling"
		" UNION ALL SELECT beschikking_id, jaar, bedrag_cent, 0 FROM mijlpaal_correctie"
		" UNION ALL SELECT beschikking_id, jaar, 0, aanvaardbaar_cent FROM verantwoording v"
		"  WHERE v.versie = (SELECT max(versie) FROM verantwoording w"
		"  WHERE w.beschikking_id = v.beschikking_id AND w.jaar = v.jaar)"
		") x WHERE beschikking_id > ? AND beschikking_id <= ? GROUP BY beschikking_id, jaar"
		" ORDER BY beschikking_id, jaar", p, 2, a, out, e);
}

rc_t store_monitoring_toekenningen(struct store *s, struct arena *a, struct store_rows *out, struct error *e)
{
	return store_query(s, "SELECT t.aanvraag_id, t.jaar, t.bedrag_cent, a.thema, a.toepassingsgebied,"
			   " coalesce(a.regio, '') FROM toekenning t JOIN aanvraag a ON a.id = t.aanvraag_id"
			   " ORDER BY t.aanvraag_id, t.jaar", NULL, 0, a, out, e);
}

rc_t store_monitoring_verevend(struct store *s, struct arena *a, struct store_rows *out, struct error *e)
{
	return store_query(s, "SELECT jaar, sum(bedrag_cent) FROM verevening GROUP BY jaar ORDER BY jaar", NULL, 0, a,
			   out, e);
}

rc_t store_monitoring_plannen(struct store *s, struct arena *a, struct store_rows *out, struct error *e)
{
	return store_query(s,
		"SELECT a.thema, a.toepassingsgebied, coalesce(a.regio, ''), a.status,"
		" CASE WHEN b.besluit = 'verleend' THEN 1 ELSE 0 END, count(*)"
		" FROM aanvraag a LEFT JOIN beschikking b ON b.aanvraag_id = a.id"
		" WHERE a.status <> 'concept' GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5", NULL, 0, a, out, e);
}
