/*
 * store_partijen.h -- the SQL of organisations and accounts (see
 * core/organisatie.h and core/gebruiker.h). Every function must run
 * inside store_tx(); rows are copied into the caller's arena.
 */
#ifndef DOORBRAAK_STORE_PARTIJEN_H
#define DOORBRAAK_STORE_PARTIJEN_H

#include "store/store.h"

/* The columns of every organisation row, in this order. */
#define STORE_ORGANISATIE_KOLOMMEN \
	"id, soort, naam, agb_code, kvk_nummer, uzovi_code, concern, cbs_code, peiljaar," \
	" iban, demo, aangemaakt_op, plaats"

enum store_organisatie_kolom {
	SO_ID, SO_SOORT, SO_NAAM, SO_AGB, SO_KVK, SO_UZOVI, SO_CONCERN, SO_CBS, SO_PEILJAAR,
	SO_IBAN, SO_DEMO, SO_AANGEMAAKT_OP, SO_PLAATS,
};

/* Inserts one organisation; writes its new id. NULL text is SQL NULL;
 * peiljaar 0 is NULL. A uniqueness violation is RC_CONFLICT. */
rc_t store_organisatie_insert(struct store *s, const char *soort, const char *naam,
			      const char *agb, const char *kvk, const char *uzovi,
			      const char *concern, const char *cbs, int peiljaar,
			      const char *iban, const char *plaats, bool demo, const char *aangemaakt_op,
			      const char *aangemaakt_door, int64_t *id_out, struct error *e);

/* One organisation by id (0 or 1 rows). */
rc_t store_organisatie_by_id(struct store *s, int64_t id, struct arena *arena,
			     struct store_rows *out, struct error *e);

/* Organisations holding any of the given identifiers (NULL ones are
 * ignored); used to report which identifier is taken. */
rc_t store_organisatie_by_identificatie(struct store *s, const char *agb, const char *uzovi,
					const char *cbs, struct arena *arena,
					struct store_rows *out, struct error *e);

/* The fixed body of a soort ("nza", "programmabureau", ...). */
rc_t store_organisatie_by_soort(struct store *s, const char *soort, struct arena *arena,
				struct store_rows *out, struct error *e);

/* All organisations (organisatie_id 0) or one, ordered by id, at most
 * `limit` rows after id `after`; when `soort` is given only that kind,
 * when `zoek` is given (a LIKE pattern, already lower case and escaped
 * with '\\') only those whose lower-case name matches it or whose AGB,
 * KvK, UZOVI or CBS code equals `code`. */
rc_t store_organisatie_page(struct store *s, int64_t only_id, const char *soort, const char *zoek,
			    const char *code, int64_t after, int64_t limit,
			    struct arena *arena, struct store_rows *out, struct error *e);

/* ---- accounts -------------------------------------------------------- */

#define STORE_GEBRUIKER_KOLOMMEN \
	"id, organisatie_id, gebruikersnaam, email, rollen, actief, demo," \
	" CASE WHEN totp_geheim IS NULL THEN 0 ELSE 1 END, aangemaakt_op, gewijzigd_op," \
	" rollen_voorgesteld, voorgesteld_door, naam, functie, berichten_mailen"

enum store_gebruiker_kolom {
	SG_ID, SG_ORGANISATIE, SG_NAAM, SG_EMAIL, SG_ROLLEN, SG_ACTIEF, SG_DEMO, SG_TOTP,
	SG_AANGEMAAKT_OP, SG_GEWIJZIGD_OP, SG_VOORGESTELD, SG_VOORGESTELD_DOOR, SG_VOLLEDIGE_NAAM,
	SG_FUNCTIE, SG_MAILEN,
};

/* Whether account `id`'s messages also go by mail. */
rc_t store_gebruiker_set_mailen(struct store *s, int64_t id, bool mailen, const char *nu, struct error *e);

/* Sets the person's name and function of account `id` (NULL: none). */
rc_t store_gebruiker_set_persoon(struct store *s, int64_t id, const char *naam, const char *functie,
				 const char *nu, struct error *e);

rc_t store_gebruiker_insert(struct store *s, int64_t organisatie_id, const char *naam,
			    const char *email, unsigned rollen, const char *wachtwoord_hash,
			    const char *totp_geheim, bool demo, const char *nu,
			    int64_t *id_out, struct error *e);

/* One account by id, in the STORE_GEBRUIKER_KOLOMMEN columns. */
rc_t store_gebruiker_by_id(struct store *s, int64_t id, struct arena *arena,
			   struct store_rows *out, struct error *e);

/* Accounts whose name or e-mail equals `naam` or `email` (either may be
 * NULL): used to report a taken name. Columns: id, gebruikersnaam, email. */
rc_t store_gebruiker_bezet(struct store *s, const char *naam, const char *email,
			   struct arena *arena, struct store_rows *out, struct error *e);

/* Page of accounts ordered by id. */
rc_t store_gebruiker_page(struct store *s, int64_t after, int64_t limit, struct arena *arena,
			  struct store_rows *out, struct error *e);

/* What a login needs, found by name or e-mail (lower case): columns id,
 * organisatie_id, gebruikersnaam, rollen, actief, wachtwoord_hash,
 * totp_geheim, totp_laatste_stap. */
rc_t store_gebruiker_login(struct store *s, const char *naam_of_email, struct arena *arena,
			   struct store_rows *out, struct error *e);

rc_t store_gebruiker_set_rollen(struct store *s, int64_t id, unsigned rollen, const char *nu,
				struct error *e);

/* Sets the roles waiting for a second administrator's confirmation and
 * who proposed them (NULL with 0: none). */
rc_t store_gebruiker_set_voorgesteld(struct store *s, int64_t id, unsigned rollen,
				     const char *door, const char *nu, struct error *e);
rc_t store_gebruiker_set_actief(struct store *s, int64_t id, bool actief, const char *nu,
				struct error *e);
rc_t store_gebruiker_set_wachtwoord(struct store *s, int64_t id, const char *hash, const char *nu,
				    struct error *e);

/* Stores `stap` as the last used TOTP step only when it is newer than
 * the stored one; *updated says whether it was (false: a replay raced). */
rc_t store_gebruiker_totp_stap(struct store *s, int64_t id, int64_t stap, bool *updated,
			       struct error *e);

/* Number of active accounts holding all bits of `rollen`. */
rc_t store_gebruiker_tel_rol(struct store *s, unsigned rollen, int64_t *out, struct error *e);

/* ---- names (core/toegang/namen.h) ------------------------------------ */

/* What store_namen looks up; each row is (id, name, function, organisation). */
enum store_naam_soort {
	STORE_NAAM_GEBRUIKER,     /* account: the person's name or else the account name, function, organisation */
	STORE_NAAM_TOKEN,         /* API token: its name, NULL, organisation */
	STORE_NAAM_ORGANISATIE,   /* organisation: its name, NULL, its place */
	STORE_NAAM_AANVRAAG,      /* application: its title (NULL when none), NULL, the lead's name */
};

#define STORE_NAMEN_PER_VRAAG 32   /* ids per query; fewer are padded with 0 */

/* The rows of at most STORE_NAMEN_PER_VRAAG ids of kind `soort`. */
rc_t store_namen(struct store *s, enum store_naam_soort soort, const int64_t *ids, size_t n,
		 struct arena *arena, struct store_rows *out, struct error *e);

#endif
