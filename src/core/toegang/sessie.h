/*
 * sessie.h -- logging in, sessions and the throttling of failed logins.
 *
 * Login: a name (gebruikersnaam or e-mail), the password and, for every
 * account with a second factor, a TOTP code (totp.h; a code is accepted
 * once). Outside demo mode an account without a second factor cannot log
 * in at all. Each login makes a new session: a random 128-bit token (32
 * hex digits) of which only the SHA-256 hash is stored. A session ends
 * at logout, after `inactief_s` without use, `absoluut_s` after login,
 * and when its account is blocked.
 *
 * CSRF: cookie-authenticated writes must carry a token derived from the
 * session token (keyed BLAKE2b), so it needs no storage and changes with
 * every session; compared in constant time.
 *
 * Throttling: a login is refused with RC_TOO_MANY while the account has
 * `pogingen_account` or its address `pogingen_adres` failures within the
 * last `pogingen_venster_s` seconds; then nothing is verified. Every
 * other attempt is counted as a failure before it is verified (counting
 * and reserving in one write transaction, so parallel guesses stay within
 * the limit); a successful login forgets the account's failures.
 *
 * Every outcome is an audit record: sessie.login (gelukt / geweigerd with
 * the reason), sessie.logout, sessie.verlopen, sessie.onbekend.
 */
#ifndef DOORBRAAK_SESSIE_H
#define DOORBRAAK_SESSIE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/toegang/toegang.h"

#define SESSIE_TOKEN_BYTES 16
#define SESSIE_TOKEN_HEX (2 * SESSIE_TOKEN_BYTES + 1)
#define SESSIE_CSRF_HEX 65
#define SESSIE_COOKIE "__Host-doorbraak"
#define SESSIE_NAAM_MAX 254
#define SESSIE_WACHTWOORD_BYTES_MAX 1024
#define SESSIE_AANRAKEN_S 60 /* last use is written at most once a minute */

struct sessie_instellingen {
	int64_t inactief_s;          /* idle timeout; default 30 minutes */
	int64_t absoluut_s;          /* absolute timeout; default 12 hours */
	int64_t pogingen_venster_s;  /* throttling window; default 15 minutes */
	int64_t pogingen_account;    /* failures per account in the window; default 5 */
	int64_t pogingen_adres;      /* failures per address in the window; default 20 */
	bool demo;                   /* demo mode: accounts without second factor may log in */
};

/* Fills the defaults above (not demo mode). */
void sessie_instellingen_standaard(struct sessie_instellingen *out);

struct sessie_login {
	const char *naam;        /* gebruikersnaam or e-mail address */
	const char *wachtwoord;
	const char *totp_code;   /* NULL when none was given */
	const char *adres;       /* the client address, for throttling and audit */
	int64_t nu_unix_s;
};

struct sessie_nieuw {
	char token[SESSIE_TOKEN_HEX];  /* goes into the cookie, never stored */
	char csrf[SESSIE_CSRF_HEX];
	int64_t sessie_id;
	int64_t gebruiker_id;
	int64_t verloopt_unix_s;       /* absolute end */
	int64_t opnieuw_na_s;          /* with RC_TOO_MANY: seconds until a new attempt */
};

/* Logs in. RC_OK fills *out. Refusals: RC_INVALID (name or password
 * missing), RC_UNAUTHENTICATED (wrong name, password or code, replayed
 * code, blocked account, no second factor outside demo mode: the message
 * does not say whether the name exists), RC_TOO_MANY (throttled; sets
 * out->opnieuw_na_s). Every refusal is an audit record; failures count
 * towards throttling. */
rc_t sessie_login(struct store *s, const struct sessie_instellingen *inst,
		  const struct sessie_login *in, struct sessie_nieuw *out, struct error *e);

/* Finds the session of `token` and fills *who (actor in `arena`). An
 * unknown, ended or expired session is RC_UNAUTHENTICATED with an audit
 * record; an expired one is deleted. Records the use at most once per
 * SESSIE_AANRAKEN_S. */
rc_t sessie_identificeer(struct store *s, const struct sessie_instellingen *inst,
			 const char *token, const char *adres, int64_t nu_unix_s,
			 struct arena *arena, struct principal *who, struct error *e);

/* Ends the session of `who` (logout), with its audit record. */
rc_t sessie_beeindig(struct store *s, const struct principal *who, struct error *e);

/* The CSRF token of a session token. */
void sessie_csrf(const char *token, char out[SESSIE_CSRF_HEX]);

/* True when `gegeven` is the CSRF token of `token` (constant time). */
bool sessie_csrf_klopt(const char *token, const char *gegeven);

/* True when `token` has the form of a session token (32 lower-case hex). */
bool sessie_token_vorm(const char *token);

#endif
