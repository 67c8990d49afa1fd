/*
 * wachtwoordherstel.h -- a forgotten password reset by e-mail
 * (docs/berichten.md §4; ASVS v5 V6.3, V6.4: a reset token is random,
 * single use and short-lived, and the reset does not bypass the second
 * factor).
 *
 * Asking (wachtwoordherstel_vraag) answers the same whether or not the
 * address belongs to an account, so nobody learns which accounts exist.
 * For an active account it makes a token of 32 random bytes, keeps only
 * its SHA-256, and queues a mail with the link /wachtwoord-herstellen#<token>
 * (in the fragment: never sent to a server, never in a log). At most
 * HERSTEL_PER_UUR tokens per account per hour. Using the token
 * (wachtwoordherstel_voltooi) sets the new password (the password rule
 * of wachtwoord.h), ends every open token and every session of the
 * account, and mails the account that its password changed. One client
 * address asks at most HERSTEL_PER_ADRES_PER_UUR resets an hour. The TOTP
 * second factor stays as it was: a login still asks for it.
 */
#ifndef DOORBRAAK_WACHTWOORDHERSTEL_H
#define DOORBRAAK_WACHTWOORDHERSTEL_H

#include <stdint.h>

#include "core/basis/error.h"
#include "store/store.h"

#define HERSTEL_GELDIG_S (30 * 60)
#define HERSTEL_PER_UUR 3
#define HERSTEL_PER_ADRES_PER_UUR 10
#define HERSTEL_TOKEN_HEX 65   /* 64 hex digits and a NUL */

/* Asks a reset for the account with e-mail address `email`; `adres` is
 * the client's address (for the audit record and the throttle),
 * `basis_url` the public URL the link starts with. RC_OK whether or not
 * there is such an account; RC_INVALID for an address that is no address;
 * RC_TOO_MANY when this client address asked HERSTEL_PER_ADRES_PER_UUR
 * times in the last hour, whatever e-mail addresses it typed (the refusal
 * is audited; *opnieuw_na_s, may be NULL, the seconds until it may ask
 * again). */
rc_t wachtwoordherstel_vraag(struct store *s, const char *email, const char *adres, const char *basis_url,
			     int64_t *opnieuw_na_s, struct error *e);

/* Sets the new password with a token from the mail. RC_INVALID with the
 * password rule's problems, or with code "token_ongeldig" for a token that
 * is unknown, used or expired. */
rc_t wachtwoordherstel_voltooi(struct store *s, const char *token, const char *wachtwoord, const char *adres,
			       struct error *e);

#endif
