/*
 * totp.h -- time-based one-time passwords (RFC 6238) as second factor.
 *
 * HOTP (RFC 4226) over HMAC-SHA1, a 30-second step, 6 digits, and a
 * window of one step either side for clock skew. A code is accepted once:
 * the caller stores the step of the last accepted code per account and
 * passes it in, and a code for that step or an earlier one is refused as
 * a replay. SHA-1 is implemented here (libsodium has none); in HMAC it
 * remains sound, and it is what every authenticator app speaks.
 *
 * The 20-byte secret is made at enrolment, shown once (base32 and an
 * otpauth:// URI for a QR code) and stored sealed: XChaCha20-Poly1305
 * with a server key and the account name as associated data ("v1:..."),
 * or, when no key was configured, only hex-encoded ("v0:...") -- the
 * server warns about that at start-up. It is never returned afterwards.
 */
#ifndef DOORBRAAK_TOTP_H
#define DOORBRAAK_TOTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/error.h"

#define TOTP_GEHEIM_BYTES 20
#define TOTP_STAP_S 30
#define TOTP_CIJFERS 6
#define TOTP_VENSTER_STAPPEN 1
#define TOTP_SLEUTEL_BYTES 32
#define TOTP_BASE32_MAX 64   /* base32 of the secret and a NUL */
#define TOTP_OPSLAG_MAX 160  /* the sealed form and a NUL */
#define TOTP_URI_MAX 512

/* SHA-1 and HMAC-SHA1 (exposed for the RFC test vectors). */
void totp_sha1(const unsigned char *data, size_t len, unsigned char out[20]);
void totp_hmac_sha1(const unsigned char *key, size_t key_len, const unsigned char *data,
		    size_t len, unsigned char out[20]);

/* HOTP value of `counter` with `digits` digits (6..8). */
uint32_t totp_hotp(const unsigned char *key, size_t key_len, uint64_t counter, unsigned digits);

/* The step of a moment: floor(unix_s / 30). */
int64_t totp_stap(int64_t unix_s);

enum totp_uitkomst {
	TOTP_GOED,        /* accepted; *stap_out is the step to store */
	TOTP_FOUT,        /* not a code of the window (or not 6 digits) */
	TOTP_HERGEBRUIKT, /* a code of the window, but its step was used already */
};

/* Checks `code` against the steps around `nu_unix_s`. A step at or
 * before `laatste_stap` is a replay. Every candidate step is computed and
 * compared in constant time. */
enum totp_uitkomst totp_controleer(const unsigned char geheim[TOTP_GEHEIM_BYTES],
				   const char *code, int64_t nu_unix_s,
				   int64_t laatste_stap, int64_t *stap_out);

/* RFC 4648 base32 without padding; `out` needs 8 * ceil(len / 5) + 1 bytes. */
void totp_base32(const unsigned char *data, size_t len, char *out, size_t out_size);

/* Decodes base32 (upper or lower case, spaces and padding ignored) into
 * `out`; returns the number of bytes, or -1 when malformed or too long. */
long totp_base32_decode(const char *in, unsigned char *out, size_t out_size);

/* Makes a new random secret. */
void totp_geheim_nieuw(unsigned char geheim[TOTP_GEHEIM_BYTES]);

/* The otpauth:// URI for authenticator apps, label "doorbraak:<account>". */
void totp_uri(const unsigned char geheim[TOTP_GEHEIM_BYTES], const char *account,
	      char out[TOTP_URI_MAX]);

/* The process-wide sealing key: set once at start-up (before threads)
 * from the configuration; NULL clears it. */
void totp_sleutel_instellen(const unsigned char sleutel[TOTP_SLEUTEL_BYTES]);
bool totp_sleutel_aanwezig(void);

/* Parses 64 hex digits into a key. RC_INVALID when malformed. */
rc_t totp_sleutel_uit_hex(const char *hex, unsigned char sleutel[TOTP_SLEUTEL_BYTES],
			  struct error *e);

/* Seals a secret for storage, bound to `account` (the account name). */
rc_t totp_geheim_verzegel(const unsigned char geheim[TOTP_GEHEIM_BYTES], const char *account,
			  char out[TOTP_OPSLAG_MAX], struct error *e);

/* Opens a sealed secret. RC_INTERNAL when the key is missing or wrong or
 * the text was altered. `geheim` is written only on success. */
rc_t totp_geheim_open(const char *opgeslagen, const char *account,
		      unsigned char geheim[TOTP_GEHEIM_BYTES], struct error *e);

#endif
