/*
 * store_toegang.h -- the SQL of sessions, API tokens and failed logins
 * (see core/sessie.h and core/apitoken.h). Only hashes of secrets are
 * stored. Every function must run inside store_tx().
 */
#ifndef DOORBRAAK_STORE_TOEGANG_H
#define DOORBRAAK_STORE_TOEGANG_H

#include "store/store.h"

/* ---- sessions -------------------------------------------------------- */

rc_t store_sessie_insert(struct store *s, const char *token_hash, int64_t gebruiker_id,
			 const char *adres, int64_t nu_unix_s, int64_t verloopt_unix_s,
			 int64_t *id_out, struct error *e);

/* The session of a token hash with its account: columns sessie id,
 * laatst_actief_unix_s, verloopt_unix_s, gebruiker id, organisatie_id,
 * rollen, actief. */
rc_t store_sessie_by_hash(struct store *s, const char *token_hash, struct arena *arena,
			  struct store_rows *out, struct error *e);

rc_t store_sessie_touch(struct store *s, int64_t sessie_id, int64_t nu_unix_s, struct error *e);
rc_t store_sessie_delete(struct store *s, int64_t sessie_id, struct error *e);

/* Ends every session of an account; *count_out is how many there were. */
rc_t store_sessie_delete_gebruiker(struct store *s, int64_t gebruiker_id, int64_t *count_out,
				   struct error *e);

/* Removes the sessions that expired before `nu_unix_s` (absolute end, or
 * idle since before `inactief_voor_unix_s`). */
rc_t store_sessie_opruimen(struct store *s, int64_t nu_unix_s, int64_t inactief_voor_unix_s,
			   struct error *e);

/* ---- failed logins --------------------------------------------------- */

rc_t store_inlogpoging_insert(struct store *s, const char *account, const char *adres,
			      int64_t nu_unix_s, struct error *e);

/* Count and oldest time of the failures since `sinds_unix_s` for one
 * account and for one address: columns count, min(tijdstip). */
rc_t store_inlogpoging_account(struct store *s, const char *account, int64_t sinds_unix_s,
			       struct arena *arena, struct store_rows *out, struct error *e);
rc_t store_inlogpoging_adres(struct store *s, const char *adres, int64_t sinds_unix_s,
			     struct arena *arena, struct store_rows *out, struct error *e);

/* Forgets the failures of an account (after a successful login; NULL:
 * none) and all failures older than `voor_unix_s`. */
rc_t store_inlogpoging_wis(struct store *s, const char *account, int64_t voor_unix_s,
			   struct error *e);

/* ---- API tokens ------------------------------------------------------ */

#define STORE_APITOKEN_KOLOMMEN \
	"id, prefix, organisatie_id, rol, naam, aangemaakt_door, aangemaakt_op," \
	" ingetrokken_op, laatst_gebruikt_op, status, goedgekeurd_door, goedgekeurd_op"

enum store_apitoken_kolom {
	SA_ID, SA_PREFIX, SA_ORGANISATIE, SA_ROL, SA_NAAM, SA_DOOR, SA_AANGEMAAKT_OP,
	SA_INGETROKKEN_OP, SA_LAATST_GEBRUIKT_OP, SA_STATUS, SA_GOEDGEKEURD_DOOR, SA_GOEDGEKEURD_OP,
};

/* Inserts a token with status `status` ("actief" or "aangevraagd"). */
rc_t store_apitoken_insert(struct store *s, const char *token_hash, const char *prefix,
			   int64_t organisatie_id, unsigned rol, const char *naam,
			   const char *door, const char *nu, const char *status, int64_t *id_out,
			   struct error *e);

/* Approves requested token `id`: its real hash and prefix, status
 * "actief", approver and time. Only a requested, unrevoked token changes;
 * *gewijzigd says whether it did (false: it raced another approval). */
rc_t store_apitoken_goedkeuren(struct store *s, int64_t id, const char *token_hash,
			       const char *prefix, const char *door, const char *nu, bool *gewijzigd,
			       struct error *e);

rc_t store_apitoken_by_id(struct store *s, int64_t id, struct arena *arena,
			  struct store_rows *out, struct error *e);

/* The token of a hash, in the STORE_APITOKEN_KOLOMMEN columns. */
rc_t store_apitoken_by_hash(struct store *s, const char *token_hash, struct arena *arena,
			    struct store_rows *out, struct error *e);

rc_t store_apitoken_page(struct store *s, int64_t after, int64_t limit, struct arena *arena,
			 struct store_rows *out, struct error *e);

rc_t store_apitoken_intrekken(struct store *s, int64_t id, const char *nu, struct error *e);
rc_t store_apitoken_gebruikt(struct store *s, int64_t id, const char *nu, struct error *e);

#endif
