/*
 * wachtwoord.h -- the password rule and password hashing.
 *
 * The rule (NIST SP 800-63B, no composition rules): at least 8 and at
 * most 128 characters (Unicode code points of valid UTF-8), not one of a
 * short list of the most common passwords, and not the account's own
 * name or e-mail address.
 *
 * Hashing: argon2id through libsodium's crypto_pwhash_str_alg, which
 * stores the algorithm, its parameters and a random 16-byte salt in the
 * encoded string ("$argon2id$v=19$m=131072,t=3,p=1$..."). The parameters
 * below were chosen so that one verification takes well under half a
 * second on the development machine (see docs/toegang.md for the
 * measurement); a stored hash with weaker parameters is upgraded at the
 * next successful login.
 *
 * Concurrency: every hash and verification passes one gate that lets at
 * most WACHTWOORD_GELIJKTIJDIG run at once; the rest wait their turn on
 * their own thread. So the memory argon2id takes is bounded (gate x 128
 * MiB) however many people log in in the same second, and the CPUs are
 * not all spent on hashing while other requests wait. Callers hash
 * outside any store transaction, so a waiting login holds no database
 * connection (store_pool_lease).
 */
#ifndef DOORBRAAK_WACHTWOORD_H
#define DOORBRAAK_WACHTWOORD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/basis/error.h"

#define WACHTWOORD_MIN_TEKENS 8
#define WACHTWOORD_MAX_TEKENS 128
#define WACHTWOORD_OPSLIMIT 3u                      /* argon2id passes (t) */
#define WACHTWOORD_MEMLIMIT_BYTES (128u * 1024u * 1024u) /* argon2id memory (m) */
#define WACHTWOORD_HASH_MAX 128                     /* crypto_pwhash_STRBYTES */
#define WACHTWOORD_GELIJKTIJDIG 2u                  /* hashes at once (the gate) */

/* How many hashes or verifications are inside the gate now (tests). */
unsigned wachtwoord_bezig(void);

/* Checks the rule; adds every problem for `field` to `e` and returns
 * RC_INVALID, or RC_OK. `naam` and `email` may be NULL. */
rc_t wachtwoord_controleer(const char *wachtwoord, const char *naam, const char *email,
			   const char *field, struct error *e);

/* Hashes `wachtwoord` with argon2id and the parameters above into `out`.
 * RC_NOMEM when the memory for argon2 could not be had. */
rc_t wachtwoord_hash(const char *wachtwoord, char out[WACHTWOORD_HASH_MAX], struct error *e);

/* True when `wachtwoord` matches the encoded hash (constant time with
 * respect to the password). False for a malformed hash. */
bool wachtwoord_klopt(const char *hash, const char *wachtwoord);

/* Spends the same time as a verification without a hash to compare
 * with, so that an unknown account name cannot be told from a wrong
 * password by the time the answer takes. */
void wachtwoord_schijncontrole(const char *wachtwoord);

/* The hash wachtwoord_schijncontrole compares with (exposed for tests). */
extern const char wachtwoord_schijnhash[];

/* True when `hash` was made with other parameters than the current ones
 * and should be replaced after a successful login. */
bool wachtwoord_verouderd(const char *hash);

#endif
