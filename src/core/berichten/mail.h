/*
 * mail.h -- the outgoing mail: a queue in the database, sent by a worker
 * over SMTP with libcurl (docs/berichten.md).
 *
 * A mail is queued in the transaction of the event it tells of
 * (bericht.h) or of the password reset it carries (wachtwoordherstel.h);
 * the worker sends it afterwards. Sending never blocks or undoes the
 * event: a failure is kept on the mail (its error, its attempts) and
 * tried again after a pause that doubles (1 minute, 2, 4 ... at most an
 * hour); after MAIL_POGINGEN_MAX attempts it is 'mislukt' and waits for
 * the administrator (GET /mailwachtrij, "opnieuw"). Several processes on
 * one PostgreSQL share the queue: a mail is claimed before it is sent.
 */
#ifndef DOORBRAAK_MAIL_H
#define DOORBRAAK_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/basis/arena.h"
#include "core/basis/error.h"
#include "core/toegang/toegang.h"
#include "store/store.h"

#define MAIL_POGINGEN_MAX 8
#define MAIL_RONDE_MAX 20          /* mails sent per round of the worker */
#define MAIL_CLAIM_S 300           /* a claimed mail is another's again after this */
#define MAIL_PAGINA_MAX 500

struct mail_instellingen {
	const char *smtp_url;      /* "smtp://host:25", "smtps://host:465"; NULL: no mail is sent */
	const char *gebruiker;     /* SMTP login, NULL: none */
	const char *wachtwoord;
	const char *afzender;      /* the From address */
	const char *publieke_url;  /* "https://doorbraak.example.nl": links in the mails */
	bool zonder_tls;           /* DOORBRAAK_SMTP_TLS=geen: plain SMTP (tests on loopback);
				    * otherwise TLS is required (smtps:// or STARTTLS) */
	unsigned interval_s;       /* the worker looks this often; 0: 5 */
};

/* Reads DOORBRAAK_SMTP_URL, DOORBRAAK_SMTP_GEBRUIKER,
 * DOORBRAAK_SMTP_WACHTWOORD, DOORBRAAK_MAIL_AFZENDER,
 * DOORBRAAK_PUBLIEKE_URL, DOORBRAAK_SMTP_TLS and DOORBRAAK_MAIL_INTERVAL_S; `standaard_url`
 * is the public URL when none is set. */
void mail_instellingen_uit_omgeving(struct mail_instellingen *out, const char *standaard_url);

/* The pause before attempt `poging` + 1 after `poging` failed ones. */
int64_t mail_pauze_s(int64_t poging);

/* Writes the RFC 5322 message (headers, a plain UTF-8 text wrapped at 76
 * columns, CRLF) into `arena`; NULL when it does not fit. */
char *mail_bericht_opmaak(struct arena *arena, const struct mail_instellingen *in, int64_t id,
			  const char *aan, const char *naam, const char *onderwerp, const char *tekst,
			  const char *pad, int64_t nu_s);

/* One round: sends the mails due now (at most MAIL_RONDE_MAX). *verzonden
 * and *mislukt count this round's outcomes. RC_OK also when sending failed
 * (the failure is on the mail); an error only when the database failed. */
rc_t mail_ronde(struct store *s, const struct mail_instellingen *in, int *verzonden, int *mislukt,
		struct error *e);

/* Gives up every waiting reset mail older than the link's life
 * (HERSTEL_GELDIG_S): status "mislukt", its text (with the link) wiped,
 * audited. *aantal how many. */
rc_t mail_herstel_verlopen(struct store *s, int *aantal, struct error *e);

/* The worker thread, every interval_s: the reminders due (herinnering.h),
 * reset mails whose link expired before they could be sent given up with
 * their text wiped, and -- only with smtp_url -- a mail round. */
struct mail_werker;
rc_t mail_werker_start(struct store_pool *pool, const struct mail_instellingen *in, struct mail_werker **out,
		       struct error *e);
void mail_werker_stop(struct mail_werker *w);

/* The queue for the administrator (newest first, below `voor`). */
struct mail_regel {
	int64_t id, gebruiker_id, pogingen, volgende_poging_unix_s;
	const char *aan, *soort, *onderwerp, *status, *laatste_fout, *aangemaakt_op, *verzonden_op;
};
rc_t mail_lijst(struct store *s, const char *status, int64_t voor, int64_t limiet, struct arena *arena,
		struct mail_regel **out, size_t *n, struct error *e);

/* Puts mail `id` back in the queue now (administrator; audited). */
rc_t mail_opnieuw(struct store *s, const struct principal *who, int64_t id, struct error *e);

#endif
