/*
 * store_berichten.c -- the SQL of messages, the mail queue and password
 * reset tokens. See store_berichten.h.
 */
#include "store/store_berichten.h"

#include <stdio.h>

#include <string.h>

#define OVER_KOLOMMEN \
	"a.id, coalesce(a.titel, 'zonder titel'), a.penvoerder_id, coalesce(a.coordinerend_verzekeraar_id, -1)," \
	" coalesce(a.tweede_verzekeraar_id, -1)"

rc_t store_bericht_over(struct store *s, enum store_bericht_object soort, int64_t id, struct arena *arena,
			struct store_rows *out, struct error *e)
{
	static const char *const sql[] = {
		[SBO_AANVRAAG] = "SELECT " OVER_KOLOMMEN ", r.beoordeeld_uiterlijk_op FROM aanvraag a"
				 " JOIN indieningsronde r ON r.id = a.ronde_id WHERE a.id = ?",
		[SBO_NZA_AANVRAAG] = "SELECT " OVER_KOLOMMEN " FROM nza_aanvraag n JOIN aanvraag a ON a.id = n.aanvraag_id"
				     " WHERE n.id = ?",
		[SBO_BESCHIKKING] = "SELECT " OVER_KOLOMMEN ", b.kenmerk, b.besluit, b.bovengrens_cent FROM beschikking b"
				    " JOIN aanvraag a ON a.id = b.aanvraag_id WHERE b.id = ?",
		[SBO_VERANTWOORDING] = "SELECT " OVER_KOLOMMEN ", v.beschikking_id, v.jaar FROM verantwoording v"
				       " JOIN beschikking b ON b.id = v.beschikking_id"
				       " JOIN aanvraag a ON a.id = b.aanvraag_id WHERE v.id = ?",
		[SBO_BESTUURSBESLUIT] = "SELECT " OVER_KOLOMMEN ", coalesce(sum(t.bedrag_cent), 0) FROM aanvraag a"
					" JOIN bestuursbesluit b ON b.id = ? AND a.ronde_id = b.ronde_id"
					" LEFT JOIN toekenning t ON t.aanvraag_id = a.id AND t.besluit_id = ?"
					" WHERE a.status = 'positief' GROUP BY a.id, a.titel, a.penvoerder_id,"
					" a.coordinerend_verzekeraar_id, a.tweede_verzekeraar_id ORDER BY a.id",
	};
	struct store_param p[] = {SP_I(id), SP_I(id)};   /* the board's decision takes it twice */
	return store_query(s, sql[soort], p, soort == SBO_BESTUURSBESLUIT ? 2 : 1, arena, out, e);
}

rc_t store_bericht_voor(struct store *s, int64_t org_id, unsigned rollen, int64_t gebruiker_id, const char *soort,
			const char *onderwerp, const char *tekst, const char *pad, const char *nu,
			int64_t nu_s, int64_t *aantal, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	struct store_rows r;
	struct store_param p[] = {SP_T(soort), SP_T(onderwerp), SP_T(tekst), SP_T(pad), SP_T(nu),
				  SP_I(gebruiker_id), SP_I(gebruiker_id), SP_I(rollen), SP_I(org_id), SP_I(org_id)};
	rc_t rc = store_query(s,
		"INSERT INTO bericht (gebruiker_id, soort, onderwerp, tekst, pad, aangemaakt_op)"
		" SELECT id, ?, ?, ?, ?, ? FROM gebruiker WHERE actief = 1"
		" AND (CASE WHEN ? > 0 THEN id = ? ELSE (rollen & ?) <> 0 AND (? = 0 OR organisatie_id = ?) END)"
		" ORDER BY id RETURNING id, gebruiker_id",
		p, 10, &a, &r, e);
	/* one mail per message whose reader wants mail (gebruiker.berichten_mailen),
	 * STORE_MAIL_PER_INSERT messages per statement */
	for (size_t i = 0; rc == RC_OK && i < r.nrows; i += STORE_MAIL_PER_INSERT) {
		size_t n = r.nrows - i < STORE_MAIL_PER_INSERT ? r.nrows - i : STORE_MAIL_PER_INSERT;
		struct store_param m[2 + STORE_MAIL_PER_INSERT];
		char sql[512 + 3 * STORE_MAIL_PER_INSERT];
		int k = snprintf(sql, sizeof sql, "INSERT INTO mail (gebruiker_id, bericht_id, soort, status,"
				 " volgende_poging_unix_s, aangemaakt_op) SELECT b.gebruiker_id, b.id, b.soort, 'wachtend',"
				 " ?, ? FROM bericht b JOIN gebruiker g ON g.id = b.gebruiker_id"
				 " WHERE g.berichten_mailen = 1 AND b.id IN (");
		m[0] = SP_I(nu_s);
		m[1] = SP_T(nu);
		for (size_t j = 0; j < n; j++) {
			m[2 + j] = SP_I(store_int(&r, i + j, 0, 0));
			k += snprintf(sql + k, sizeof sql - (size_t)k, j ? ", ?" : "?");
		}
		snprintf(sql + k, sizeof sql - (size_t)k, ") ORDER BY b.id");
		rc = store_query(s, sql, m, 2 + n, NULL, NULL, e);
	}
	if (rc == RC_OK && aantal)
		*aantal = (int64_t)r.nrows;
	arena_release(&a);
	return rc;
}

rc_t store_bericht_lijst(struct store *s, int64_t gebruiker_id, int64_t voor, int64_t limiet,
			 bool ongelezen, struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(gebruiker_id), SP_I(voor), SP_I(voor), SP_I(ongelezen ? 1 : 0),
				  SP_I(limiet)};
	return store_query(s,
		"SELECT id, soort, onderwerp, tekst, pad, aangemaakt_op, gelezen_op FROM bericht"
		" WHERE gebruiker_id = ? AND (? = 0 OR id < ?) AND (? = 0 OR gelezen_op IS NULL)"
		" ORDER BY id DESC LIMIT ?", p, 5, arena, out, e);
}

rc_t store_bericht_ongelezen(struct store *s, int64_t gebruiker_id, int64_t *out, struct error *e)
{
	struct store_param p[] = {SP_I(gebruiker_id)};
	return store_query_int(s, "SELECT count(*) FROM bericht WHERE gebruiker_id = ? AND gelezen_op IS NULL",
			       p, 1, out, e);
}

rc_t store_bericht_markeer(struct store *s, int64_t id, int64_t gebruiker_id, const char *gelezen_op,
			   struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows r;
	struct store_param p[] = {SP_T(gelezen_op), SP_I(id), SP_I(gebruiker_id)};
	rc_t rc = store_query(s, "UPDATE bericht SET gelezen_op = ? WHERE id = ? AND gebruiker_id = ? RETURNING id",
			      p, 3, &a, &r, e);
	if (rc == RC_OK && r.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "U hebt geen bericht %lld.", (long long)id);
	arena_release(&a);
	return rc;
}

rc_t store_mail_eigen(struct store *s, int64_t gebruiker_id, const char *soort, const char *onderwerp,
		      const char *tekst, const char *nu, int64_t nu_s, struct error *e)
{
	struct store_param p[] = {SP_I(gebruiker_id), SP_T(soort), SP_T(onderwerp), SP_T(tekst), SP_I(nu_s),
				  SP_T(nu)};
	return store_query(s,
		"INSERT INTO mail (gebruiker_id, soort, onderwerp, tekst, status, volgende_poging_unix_s,"
		" aangemaakt_op) VALUES (?, ?, ?, ?, 'wachtend', ?, ?)", p, 6, NULL, NULL, e);
}

rc_t store_mail_te_verzenden(struct store *s, int64_t nu_s, int64_t limiet, struct arena *arena,
			     struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(nu_s), SP_I(limiet)};
	return store_query(s,
		"SELECT m.id, g.email, coalesce(g.naam, g.gebruikersnaam), coalesce(m.onderwerp, b.onderwerp),"
		" coalesce(m.tekst, b.tekst), coalesce(b.pad, ''), m.pogingen, m.volgende_poging_unix_s"
		" FROM mail m JOIN gebruiker g ON g.id = m.gebruiker_id LEFT JOIN bericht b ON b.id = m.bericht_id"
		" WHERE m.status = 'wachtend' AND m.volgende_poging_unix_s <= ? ORDER BY m.id LIMIT ?",
		p, 2, arena, out, e);
}

rc_t store_mail_claim(struct store *s, int64_t id, int64_t was_s, int64_t tot_s, bool *geclaimd,
		      struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows r;
	struct store_param p[] = {SP_I(tot_s), SP_I(id), SP_I(was_s)};
	rc_t rc = store_query(s,
		"UPDATE mail SET volgende_poging_unix_s = ? WHERE id = ? AND status = 'wachtend'"
		" AND volgende_poging_unix_s = ? RETURNING id", p, 3, &a, &r, e);
	if (rc == RC_OK)
		*geclaimd = r.nrows == 1;
	arena_release(&a);
	return rc;
}

rc_t store_mail_verzonden(struct store *s, int64_t id, const char *nu, struct error *e)
{
	struct store_param p[] = {SP_T(nu), SP_I(id)};
	return store_query(s,
		"UPDATE mail SET status = 'verzonden', verzonden_op = ?, pogingen = pogingen + 1, tekst = NULL,"
		" laatste_fout = NULL WHERE id = ?", p, 2, NULL, NULL, e);
}

rc_t store_mail_mislukt(struct store *s, int64_t id, const char *fout, int64_t volgende_s, bool opgegeven,
			struct error *e)
{
	struct store_param p[] = {SP_T(fout), SP_I(volgende_s), SP_T(opgegeven ? "mislukt" : "wachtend"), SP_I(id)};
	return store_query(s,
		"UPDATE mail SET laatste_fout = ?, volgende_poging_unix_s = ?, status = ?,"
		" pogingen = pogingen + 1 WHERE id = ?", p, 4, NULL, NULL, e);
}

rc_t store_mail_lijst(struct store *s, const char *status, int64_t voor, int64_t limiet, struct arena *arena,
		      struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(status), SP_I(voor), SP_I(voor), SP_I(limiet)};
	return store_query(s,
		"SELECT m.id, m.gebruiker_id, g.email, m.soort, coalesce(m.onderwerp, b.onderwerp), m.status,"
		" m.pogingen, m.volgende_poging_unix_s, m.laatste_fout, m.aangemaakt_op, m.verzonden_op"
		" FROM mail m JOIN gebruiker g ON g.id = m.gebruiker_id LEFT JOIN bericht b ON b.id = m.bericht_id"
		" WHERE m.status = coalesce(?, m.status) AND (? = 0 OR m.id < ?) ORDER BY m.id DESC LIMIT ?",
		p, 4, arena, out, e);
}

rc_t store_mail_opnieuw(struct store *s, int64_t id, int64_t nu_s, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows r;
	struct store_param p[] = {SP_I(id)};
	rc_t rc = store_query(s, "SELECT status FROM mail WHERE id = ?", p, 1, &a, &r, e);
	if (rc == RC_OK && r.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Er is geen mail %lld.", (long long)id);
	if (rc == RC_OK && strcmp(store_text(&r, 0, 0), "verzonden") == 0) {
		error_add(e, "", "al_verzonden", NULL, "Deze mail is al verzonden.");
		rc = RC_CONFLICT;
	}
	if (rc == RC_OK) {
		struct store_param q[] = {SP_I(nu_s), SP_I(id)};
		rc = store_query(s, "UPDATE mail SET status = 'wachtend', pogingen = 0, volgende_poging_unix_s = ?"
				    " WHERE id = ?", q, 2, NULL, NULL, e);
	}
	arena_release(&a);
	return rc;
}

rc_t store_herstel_insert(struct store *s, int64_t gebruiker_id, const char *token_hash, int64_t nu_s,
			  int64_t verloopt_s, struct error *e)
{
	struct store_param p[] = {SP_I(gebruiker_id), SP_T(token_hash), SP_I(nu_s), SP_I(verloopt_s)};
	return store_query(s,
		"INSERT INTO wachtwoordherstel (gebruiker_id, token_hash, aangemaakt_unix_s, verloopt_unix_s)"
		" VALUES (?, ?, ?, ?)", p, 4, NULL, NULL, e);
}

rc_t store_herstel_geldig(struct store *s, const char *token_hash, int64_t nu_s, struct arena *arena,
			  struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(token_hash), SP_I(nu_s)};
	return store_query(s,
		"SELECT h.id, g.id, coalesce(g.naam, ''), g.email, g.gebruikersnaam FROM wachtwoordherstel h"
		" JOIN gebruiker g ON g.id = h.gebruiker_id WHERE h.token_hash = ? AND h.gebruikt_unix_s IS NULL"
		" AND h.verloopt_unix_s > ? AND g.actief = 1", p, 2, arena, out, e);
}

rc_t store_herstel_gebruik(struct store *s, int64_t gebruiker_id, int64_t nu_s, struct error *e)
{
	struct store_param p[] = {SP_I(nu_s), SP_I(gebruiker_id)};
	return store_query(s, "UPDATE wachtwoordherstel SET gebruikt_unix_s = ? WHERE gebruiker_id = ?"
			      " AND gebruikt_unix_s IS NULL", p, 2, NULL, NULL, e);
}

rc_t store_herstel_aantal(struct store *s, int64_t gebruiker_id, int64_t sinds_s, int64_t *out,
			  struct error *e)
{
	struct store_param p[] = {SP_I(gebruiker_id), SP_I(sinds_s)};
	return store_query_int(s, "SELECT count(*) FROM wachtwoordherstel WHERE gebruiker_id = ?"
				  " AND aangemaakt_unix_s >= ?", p, 2, out, e);
}

rc_t store_herinnering_verantwoording_open(struct store *s, int64_t grens_us, int64_t limiet, struct arena *arena,
					   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(grens_us), SP_I(limiet)};
	return store_query(s,
		"SELECT b.id, b.jaarverdeling, b.genomen_op, k.jaar, k.deadline, k.deadline_us"
		" FROM beschikking b CROSS JOIN verantwoordingskader k"
		" WHERE b.besluit = 'verleend' AND k.deadline_us <= ?"
		" AND NOT EXISTS (SELECT 1 FROM verantwoording v WHERE v.beschikking_id = b.id AND v.jaar = k.jaar)"
		" AND NOT EXISTS (SELECT 1 FROM herinnering h WHERE h.soort = 'verantwoording'"
		" AND h.beschikking_id = b.id AND h.jaar = k.jaar)"
		" ORDER BY b.id, k.jaar LIMIT ?",
		p, 2, arena, out, e);
}

rc_t store_herinnering_voeg_toe(struct store *s, const char *soort, int64_t beschikking_id, int64_t jaar,
				const char *nu, bool verstuurd, struct error *e)
{
	struct store_param p[] = {SP_T(soort), SP_I(beschikking_id), SP_I(jaar), SP_T(nu), SP_I(verstuurd ? 1 : 0)};
	return store_query(s,
		"INSERT INTO herinnering (soort, beschikking_id, jaar, gemaakt_op, verstuurd) VALUES (?, ?, ?, ?, ?)",
		p, 5, NULL, NULL, e);
}

rc_t store_herstelverzoek_aantal(struct store *s, const char *adres, int64_t sinds_s, int64_t *aantal,
				 int64_t *oudste_s, struct error *e)
{
	struct store_param p[] = {SP_T(adres), SP_I(sinds_s)};
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows r;
	rc_t rc = store_query(s, "SELECT count(*), COALESCE(min(tijdstip), 0) FROM herstelverzoek"
			      " WHERE adres = ? AND tijdstip >= ?", p, 2, &a, &r, e);
	if (rc == RC_OK) {
		*aantal = r.nrows ? store_int(&r, 0, 0, 0) : 0;
		*oudste_s = r.nrows ? store_int(&r, 0, 1, 0) : 0;
	}
	arena_release(&a);
	return rc;
}

rc_t store_herstelverzoek_voeg_toe(struct store *s, const char *adres, int64_t nu_s, int64_t vergeet_voor_s,
				   struct error *e)
{
	struct store_param weg[] = {SP_I(vergeet_voor_s)};
	rc_t rc = store_query(s, "DELETE FROM herstelverzoek WHERE tijdstip < ?", weg, 1, NULL, NULL, e);
	struct store_param p[] = {SP_T(adres), SP_I(nu_s)};
	return rc == RC_OK ? store_query(s, "INSERT INTO herstelverzoek (adres, tijdstip) VALUES (?, ?)", p, 2,
					 NULL, NULL, e) : rc;
}

rc_t store_mail_herstel_verlopen(struct store *s, const char *grens, const char *fout, int64_t *aantal,
				 struct error *e)
{
	struct store_param p[] = {SP_T(grens)};
	*aantal = 0;
	rc_t rc = store_query_int(s, "SELECT count(*) FROM mail WHERE soort = 'wachtwoordherstel' AND status = 'wachtend'"
				  " AND aangemaakt_op < ?", p, 1, aantal, e);
	if (rc != RC_OK || *aantal == 0 || !fout)
		return rc;
	struct store_param q[] = {SP_T(fout), SP_T(grens)};
	return store_query(s, "UPDATE mail SET status = 'mislukt', tekst = NULL, laatste_fout = ?"
			   " WHERE soort = 'wachtwoordherstel' AND status = 'wachtend' AND aangemaakt_op < ?",
			   q, 2, NULL, NULL, e);
}
