/*
 * store_aanvragen.c -- the SQL of rounds, applications, submitted
 * versions and assessments. See store_aanvragen.h. Written once for both
 * backends: `?` placeholders, booleans as 0/1 integers.
 */
#include "store/store_aanvragen.h"

#include <pthread.h>

static pthread_mutex_t schrijvers = PTHREAD_MUTEX_INITIALIZER;

rc_t store_aanvragen_tx(struct store *s, store_tx_fn fn, void *ctx, struct error *e)
{
	if (store_backend(s) != STORE_SQLITE)
		return store_tx(s, STORE_WRITE, fn, ctx, e);
	pthread_mutex_lock(&schrijvers);
	rc_t rc = store_tx(s, STORE_WRITE, fn, ctx, e);
	pthread_mutex_unlock(&schrijvers);
	return rc;
}

rc_t store_aanvragen_schrijfslot(struct store *s, struct error *e)
{
	if (store_backend(s) != STORE_POSTGRES)
		return RC_OK;
	return store_query(s, "LOCK TABLE auditlog IN SHARE ROW EXCLUSIVE MODE", NULL, 0, NULL,
			   NULL, e);
}

/* ---- rounds ---------------------------------------------------------- */

rc_t store_ronde_insert(struct store *s, const struct store_ronde *r, int64_t *id_out,
			struct error *e)
{
	struct store_param p[] = {
		SP_T(r->naam), SP_I(r->catalogusversie), SP_T(r->impactlat_id),
		SP_I(r->uitloopjaar_toegestaan ? 1 : 0), SP_I(r->opent_op_us), SP_I(r->sluit_op_us),
		SP_T(r->opent_op), SP_T(r->sluit_op), SP_I(r->demo ? 1 : 0), SP_T(r->aangemaakt_op),
		SP_T(r->aangemaakt_door), SP_T(r->beoordeeld_uiterlijk_op),
	};
	return store_query_int(s,
		"INSERT INTO indieningsronde (naam, catalogusversie, impactlat_id,"
		" uitloopjaar_toegestaan, opent_op_us, sluit_op_us, opent_op, sluit_op, demo,"
		" aangemaakt_op, aangemaakt_door, beoordeeld_uiterlijk_op)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 12, id_out, e);
}

rc_t store_ronde_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
		      struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s, "SELECT " STORE_RONDE_KOLOMMEN " FROM indieningsronde WHERE id = ?",
			   p, 1, arena, out, e);
}

rc_t store_ronde_lijst(struct store *s, struct arena *arena, struct store_rows *out,
		       struct error *e)
{
	return store_query(s,
		"SELECT " STORE_RONDE_KOLOMMEN " FROM indieningsronde ORDER BY sluit_op_us DESC, id DESC",
		NULL, 0, arena, out, e);
}

rc_t store_ronde_zoek_naam(struct store *s, const char *naam, struct arena *arena,
			   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(naam)};
	return store_query(s,
		"SELECT " STORE_RONDE_KOLOMMEN " FROM indieningsronde WHERE naam = ? AND demo = 1"
		" ORDER BY id LIMIT 1", p, 1, arena, out, e);
}

/* ---- applications ---------------------------------------------------- */

rc_t store_aanvragen_modelplan_in_catalogus(struct store *s, int64_t catalogusversie,
					    const char *modelplan, int64_t versie, bool *ja,
					    struct error *e)
{
	struct store_param p[] = {SP_I(catalogusversie), SP_T(modelplan), SP_I(versie)};
	int64_t n = 0;
	rc_t rc = store_query_int(s,
		"SELECT count(*) FROM catalogusversie_modelplan WHERE catalogusversie = ?"
		" AND modelplan = ? AND versie = ?", p, 3, &n, e);
	if (rc == RC_OK)
		*ja = n > 0;
	return rc;
}

rc_t store_aanvraag_bestaat(struct store *s, int64_t id, bool *ja, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	int64_t n = 0;
	rc_t rc = store_query_int(s, "SELECT count(*) FROM aanvraag WHERE id = ?", p, 1, &n, e);
	if (rc == RC_OK)
		*ja = n > 0;
	return rc;
}

rc_t store_aanvraag_insert(struct store *s, const struct store_aanvraag *a, struct error *e)
{
	struct store_param p[] = {
		SP_I(a->id), SP_I(a->ronde_id), SP_I(a->penvoerder_id), SP_T(a->status),
		SP_T(a->titel), SP_T(a->regio), SP_T(a->modelplan), SP_I(a->modelplan_versie),
		SP_T(a->toepassingsgebied), SP_T(a->thema), SP_T(a->concept_sha256),
		SP_I(a->concept_revisie), SP_I(a->demo ? 1 : 0), SP_T(a->nu), SP_T(a->actor), SP_T(a->nu),
	};
	rc_t rc = store_query(s,
		"INSERT INTO aanvraag (id, ronde_id, penvoerder_id, status, titel, regio, modelplan,"
		" modelplan_versie, toepassingsgebied, thema, concept_sha256, concept_revisie,"
		" demo, aangemaakt_op, aangemaakt_door, gewijzigd_op)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		p, 16, NULL, NULL, e);
	struct store_param c[] = {SP_I(a->id), SP_T(a->concept)};
	if (rc == RC_OK)
		rc = store_query(s, "INSERT INTO aanvraag_concept (aanvraag_id, document) VALUES (?, ?)",
				 c, 2, NULL, NULL, e);
	return rc;
}

rc_t store_aanvraag_concept_update(struct store *s, const struct store_aanvraag *a,
				   struct error *e)
{
	struct store_param p[] = {
		SP_T(a->titel), SP_T(a->regio), SP_T(a->modelplan), SP_I(a->modelplan_versie),
		SP_T(a->toepassingsgebied), SP_T(a->thema), SP_T(a->concept_sha256),
		SP_I(a->concept_revisie), SP_T(a->nu), SP_I(a->id),
	};
	rc_t rc = store_query(s,
		"UPDATE aanvraag SET titel = ?, regio = ?, modelplan = ?, modelplan_versie = ?,"
		" toepassingsgebied = ?, thema = ?, concept_sha256 = ?, concept_revisie = ?,"
		" concept_indienbaar = 0, concept_route = NULL, gewijzigd_op = ? WHERE id = ?",
		p, 10, NULL, NULL, e);
	struct store_param c[] = {SP_T(a->concept), SP_I(a->id)};
	if (rc == RC_OK)
		rc = store_query(s, "UPDATE aanvraag_concept SET document = ? WHERE aanvraag_id = ?",
				 c, 2, NULL, NULL, e);
	return rc;
}

rc_t store_aanvraag_toetsing(struct store *s, int64_t id, bool indienbaar, const char *route,
			     int64_t gevraagd_cent, struct error *e)
{
	struct store_param p[] = {SP_I(indienbaar ? 1 : 0), SP_T(route),
				  gevraagd_cent >= 0 ? SP_I(gevraagd_cent) : SP_N(), SP_I(id)};
	return store_query(s, "UPDATE aanvraag SET concept_indienbaar = ?, concept_route = ?,"
			      " concept_gevraagd_cent = ? WHERE id = ?", p, 4, NULL, NULL, e);
}

rc_t store_aanvraag_lees(struct store *s, int64_t id, bool met_concept, struct arena *arena,
			 struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	if (!met_concept)
		return store_query(s,
			"SELECT " STORE_AANVRAAG_KOLOMMEN ", NULL FROM aanvraag a"
			" JOIN indieningsronde r ON r.id = a.ronde_id WHERE a.id = ?",
			p, 1, arena, out, e);
	return store_query(s,
		"SELECT " STORE_AANVRAAG_KOLOMMEN ", c.document FROM aanvraag a"
		" JOIN indieningsronde r ON r.id = a.ronde_id"
		" JOIN aanvraag_concept c ON c.aanvraag_id = a.id WHERE a.id = ?",
		p, 1, arena, out, e);
}

rc_t store_aanvraag_status(struct store *s, int64_t id, const char *status, int64_t versie,
			   int64_t coordinerend, int64_t tweede, const char *nu, struct error *e)
{
	struct store_param p[] = {
		SP_T(status), SP_I(versie), coordinerend > 0 ? SP_I(coordinerend) : SP_N(),
		tweede > 0 ? SP_I(tweede) : SP_N(), SP_T(nu), SP_I(id),
	};
	return store_query(s,
		"UPDATE aanvraag SET status = ?, versie = ?, coordinerend_verzekeraar_id = ?,"
		" tweede_verzekeraar_id = ?, gewijzigd_op = ? WHERE id = ?",
		p, 6, NULL, NULL, e);
}

rc_t store_aanvraag_gevraagd(struct store *s, int64_t id, int64_t gevraagd_cent, struct error *e)
{
	struct store_param p[] = {gevraagd_cent >= 0 ? SP_I(gevraagd_cent) : SP_N(), SP_I(id)};
	return store_query(s, "UPDATE aanvraag SET gevraagd_cent = coalesce(?, concept_gevraagd_cent) WHERE id = ?",
			   p, 2, NULL, NULL, e);
}

rc_t store_behandelaar_zet(struct store *s, int64_t aanvraag_id, int64_t verzekeraar_id, int64_t gebruiker_id,
			   const char *nu, const char *door, struct error *e)
{
	struct store_param d[] = {SP_I(aanvraag_id), SP_I(verzekeraar_id)};
	rc_t rc = store_query(s, "DELETE FROM aanvraag_behandelaar WHERE aanvraag_id = ? AND verzekeraar_id = ?",
			      d, 2, NULL, NULL, e);
	struct store_param p[] = {SP_I(aanvraag_id), SP_I(verzekeraar_id), SP_I(gebruiker_id), SP_T(nu), SP_T(door)};
	if (rc == RC_OK && gebruiker_id > 0)
		rc = store_query(s, "INSERT INTO aanvraag_behandelaar (aanvraag_id, verzekeraar_id, gebruiker_id,"
				    " toegewezen_op, toegewezen_door) VALUES (?, ?, ?, ?, ?)", p, 5, NULL, NULL, e);
	return rc;
}

rc_t store_behandelaars(struct store *s, int64_t organisatie_id, unsigned rol, struct arena *arena,
			struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(organisatie_id), SP_I(rol)};
	return store_query(s, "SELECT id, coalesce(naam, gebruikersnaam), coalesce(functie, '') FROM gebruiker"
			      " WHERE organisatie_id = ? AND actief = 1 AND (rollen & ?) <> 0 ORDER BY"
			      " coalesce(naam, gebruikersnaam), id", p, 2, arena, out, e);
}

rc_t store_aanvraag_lijst(struct store *s, const struct store_aanvraag_filter *f,
			  struct arena *arena, struct store_rows *out, struct error *e)
{
	int64_t zicht = f->zicht;
	struct store_param p[] = {
		SP_I(zicht), SP_I(zicht), SP_I(f->organisatie),
		SP_I(zicht), SP_I(f->organisatie), SP_I(f->organisatie), SP_I(f->nu_us),
		SP_T(f->status), SP_T(f->status), SP_T(f->thema), SP_T(f->thema),
		SP_T(f->toepassingsgebied), SP_T(f->toepassingsgebied), SP_T(f->regio), SP_T(f->regio),
		SP_I(f->verzekeraar), SP_I(f->verzekeraar), SP_I(f->verzekeraar),
		SP_I(f->ronde), SP_I(f->ronde), SP_I(f->na), SP_I(f->limiet),
	};
	return store_query(s,
		"SELECT " STORE_AANVRAAG_KOLOMMEN " FROM aanvraag a"
		" JOIN indieningsronde r ON r.id = a.ronde_id WHERE"
		" (? = 0"
		"  OR (? = 1 AND EXISTS (SELECT 1 FROM aanvraag_partij p WHERE p.aanvraag_id = a.id"
		"      AND p.organisatie_id = ? AND p.rol IN ('penvoerder', 'deelnemer')))"
		"  OR (? = 2 AND a.versie > 0 AND (a.coordinerend_verzekeraar_id = ?"
		"      OR a.tweede_verzekeraar_id = ?) AND r.sluit_op_us <= ?))"
		" AND (CAST(? AS TEXT) IS NULL OR a.status = ?) AND (CAST(? AS TEXT) IS NULL OR a.thema = ?)"
		" AND (CAST(? AS TEXT) IS NULL OR a.toepassingsgebied = ?) AND (CAST(? AS TEXT) IS NULL OR lower(a.regio) = lower(?))"
		" AND (? = 0 OR a.coordinerend_verzekeraar_id = ? OR a.tweede_verzekeraar_id = ?)"
		" AND (? = 0 OR a.ronde_id = ?) AND a.id > ? ORDER BY a.id LIMIT ?",
		p, 22, arena, out, e);
}

rc_t store_aanvraag_partijen(struct store *s, int64_t id, const struct store_partij *p,
			     size_t n, struct error *e)
{
	struct store_param d[] = {SP_I(id)};
	rc_t rc = store_query(s, "DELETE FROM aanvraag_partij WHERE aanvraag_id = ?", d, 1, NULL,
			      NULL, e);
	for (size_t i = 0; rc == RC_OK && i < n; i++) {
		struct store_param q[] = {SP_I(id), SP_I(p[i].organisatie), SP_T(p[i].rol)};
		rc = store_query(s,
			"INSERT INTO aanvraag_partij (aanvraag_id, organisatie_id, rol) VALUES (?, ?, ?)",
			q, 3, NULL, NULL, e);
	}
	return rc;
}

rc_t store_aanvraag_verzekeraars(struct store *s, int64_t id, int64_t *coordinerend,
				 int64_t *tweede, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	struct store_param p[] = {SP_I(id)};
	rc_t rc = store_query(s,
		"SELECT organisatie_id, rol FROM aanvraag_partij WHERE aanvraag_id = ?"
		" AND rol IN ('coordinerend_verzekeraar', 'tweede_verzekeraar')", p, 1, &a, &rows, e);
	*coordinerend = *tweede = 0;
	for (size_t i = 0; rc == RC_OK && i < rows.nrows; i++) {
		const char *rol = store_text(&rows, i, 1);
		int64_t org = store_int(&rows, i, 0, 0);
		if (rol && rol[0] == 'c')
			*coordinerend = org;
		else
			*tweede = org;
	}
	arena_release(&a);
	return rc;
}

rc_t store_aanvraag_is_coalitie(struct store *s, int64_t id, int64_t organisatie, bool *ja,
				struct error *e)
{
	struct store_param p[] = {SP_I(id), SP_I(organisatie)};
	int64_t n = 0;
	rc_t rc = store_query_int(s,
		"SELECT count(*) FROM aanvraag_partij WHERE aanvraag_id = ? AND organisatie_id = ?"
		" AND rol IN ('penvoerder', 'deelnemer')", p, 2, &n, e);
	if (rc == RC_OK)
		*ja = n > 0;
	return rc;
}

rc_t store_aanvraag_register(struct store *s, int64_t id, struct arena *arena,
			     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(id)};
	return store_query(s,
		"SELECT DISTINCT p.organisatie_id, o.soort FROM aanvraag_partij p"
		" LEFT JOIN organisatie o ON o.id = p.organisatie_id WHERE p.aanvraag_id = ?"
		" ORDER BY p.organisatie_id", p, 1, arena, out, e);
}

/* ---- submitted versions ---------------------------------------------- */

rc_t store_versie_insert(struct store *s, const struct store_versie *v, struct error *e)
{
	struct store_param p[] = {
		SP_I(v->aanvraag_id), SP_I(v->versie), SP_I(v->ronde_id), SP_T(v->document),
		SP_T(v->sha256), SP_I(v->grootte_bytes), SP_I(v->ingediend_op_us), SP_T(v->ingediend_op),
		SP_T(v->ingediend_door), SP_T(v->route), SP_T(v->open_velden),
	};
	return store_query(s,
		"INSERT INTO aanvraag_versie (aanvraag_id, versie, ronde_id, document, sha256,"
		" grootte_bytes, ingediend_op_us, ingediend_op, ingediend_door, route, open_velden)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		p, 11, NULL, NULL, e);
}

rc_t store_versie_lees(struct store *s, int64_t aanvraag_id, int64_t versie,
		       struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(aanvraag_id), SP_I(versie), SP_I(versie)};
	return store_query(s,
		"SELECT " STORE_VERSIE_KOLOMMEN ", document FROM aanvraag_versie WHERE aanvraag_id = ?"
		" AND (? = 0 OR versie = ?) ORDER BY versie DESC LIMIT 1",
		p, 3, arena, out, e);
}

rc_t store_versie_lijst(struct store *s, int64_t aanvraag_id, struct arena *arena,
			struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(aanvraag_id)};
	return store_query(s,
		"SELECT " STORE_VERSIE_KOLOMMEN " FROM aanvraag_versie WHERE aanvraag_id = ?"
		" ORDER BY versie", p, 1, arena, out, e);
}

/* ---- assessments ----------------------------------------------------- */

rc_t store_beoordeling_insert(struct store *s, const struct store_beoordeling *b,
			      int64_t *id_out, struct error *e)
{
	struct store_param p[] = {
		SP_I(b->aanvraag_id), SP_I(b->versie), SP_I(b->verzekeraar_id), SP_T(b->verzekeraar_rol),
		SP_T(b->oordeel), SP_T(b->motivering), SP_T(b->basiseisen), SP_T(b->informatieverzoek),
		SP_T(b->beoordeeld_door), SP_I(b->beoordeeld_op_us), SP_T(b->beoordeeld_op),
	};
	return store_query_int(s,
		"INSERT INTO beoordeling (aanvraag_id, versie, verzekeraar_id, verzekeraar_rol,"
		" oordeel, motivering, basiseisen, informatieverzoek, geen_belangenconflict,"
		" beoordeeld_door, beoordeeld_op_us, beoordeeld_op)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
		p, 11, id_out, e);
}

rc_t store_beoordeling_lijst(struct store *s, int64_t aanvraag_id, int64_t versie,
			     struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(aanvraag_id), SP_I(versie), SP_I(versie)};
	return store_query(s,
		"SELECT " STORE_BEOORDELING_KOLOMMEN " FROM beoordeling WHERE aanvraag_id = ?"
		" AND (? = 0 OR versie = ?) ORDER BY versie, id", p, 3, arena, out, e);
}

rc_t store_aanvragen_tellingen(struct store *s, int64_t *versies, int64_t *zonder_audit,
			       struct error *e)
{
	rc_t rc = store_query_int(s, "SELECT count(*) FROM aanvraag_versie", NULL, 0, versies, e);
	if (rc == RC_OK)
		rc = store_query_int(s,
			"SELECT count(*) FROM aanvraag_versie v WHERE NOT EXISTS (SELECT 1 FROM auditlog l"
			" WHERE l.actie = 'aanvraag.indien' AND l.resultaat = 'gelukt'"
			" AND l.object = 'aanvraag/' || v.aanvraag_id || '/versie/' || v.versie"
			" AND l.detail LIKE '%' || v.sha256 || '%')",
			NULL, 0, zonder_audit, e);
	return rc;
}

rc_t store_aanvraag_tijdlijn(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			     struct error *e)
{
	struct store_param p[13];
	for (size_t i = 0; i < 13; i++)
		p[i] = SP_I(id);
	return store_query(s,
		"SELECT aangemaakt_op, 1, 'aangemaakt', aangemaakt_door, CAST(NULL AS BIGINT), CAST(NULL AS TEXT),"
		" CAST(NULL AS TEXT), CAST(NULL AS BIGINT) FROM aanvraag WHERE id = ?"
		" UNION ALL SELECT ingediend_op, 2, 'ingediend', ingediend_door, versie, route, NULL, NULL"
		" FROM aanvraag_versie WHERE aanvraag_id = ?"
		" UNION ALL SELECT beoordeeld_op, 3, 'beoordeeld', beoordeeld_door, versie, oordeel, verzekeraar_rol, verzekeraar_id"
		" FROM beoordeling WHERE aanvraag_id = ?"
		" UNION ALL SELECT bb.genomen_op, 4, 'bestuursbesluit', bb.genomen_door,"
		" (SELECT coalesce(sum(t.bedrag_cent), 0) FROM toekenning t WHERE t.besluit_id = bb.id AND t.aanvraag_id = ?),"
		" NULL, NULL, bb.id FROM bestuursbesluit bb JOIN aanvraag a ON a.ronde_id = bb.ronde_id"
		" WHERE a.id = ? AND a.status = 'positief'"
		" UNION ALL SELECT aangemaakt_op, 5, 'nza_opgesteld', aangemaakt_door, bovengrens_cent, NULL, NULL, id"
		" FROM nza_aanvraag WHERE aanvraag_id = ?"
		" UNION ALL SELECT o.ondertekend_op, 6, 'ondertekend', o.ondertekend_door, NULL, o.partij, NULL, o.organisatie_id"
		" FROM nza_ondertekening o JOIN nza_aanvraag n ON n.id = o.nza_aanvraag_id WHERE n.aanvraag_id = ?"
		" UNION ALL SELECT ingediend_op, 7, 'nza_ingediend', NULL, NULL, NULL, NULL, id FROM nza_aanvraag"
		" WHERE aanvraag_id = ? AND ingediend_op IS NOT NULL"
		" UNION ALL SELECT genomen_op, 8, 'beschikking', genomen_door, bovengrens_cent, besluit, kenmerk, id"
		" FROM beschikking WHERE aanvraag_id = ?"
		" UNION ALL SELECT m.gemeld_op, 9, 'mijlpaal_gemeld', m.gemeld_door, NULL, m.mijlpaal, NULL, m.beschikking_id"
		" FROM mijlpaal_melding m JOIN beschikking b ON b.id = m.beschikking_id WHERE b.aanvraag_id = ?"
		" UNION ALL SELECT p.betaald_op, 10, 'mijlpaal_betaald', p.betaald_door, p.bedrag_cent, p.mijlpaal, NULL,"
		" p.beschikking_id FROM mijlpaal_betaling p JOIN beschikking b ON b.id = p.beschikking_id WHERE b.aanvraag_id = ?"
		" UNION ALL SELECT v.ingediend_op, 11, 'verantwoord', v.ingediend_door, v.totaal_cent, NULL, NULL, v.jaar"
		" FROM verantwoording v JOIN beschikking b ON b.id = v.beschikking_id WHERE b.aanvraag_id = ?"
		" ORDER BY 1, 2",
		p, 12, arena, out, e);
}
