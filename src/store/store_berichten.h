/*
 * store_berichten.h -- the SQL of messages, the mail queue and password
 * reset tokens (migration 022; docs/berichten.md).
 */
#ifndef DOORBRAAK_STORE_BERICHTEN_H
#define DOORBRAAK_STORE_BERICHTEN_H

#define STORE_MAIL_PER_INSERT 64   /* messages whose mails one statement queues */

#include "store/store.h"

/* ---- messages ---------------------------------------------------------- */

/* What an event is about, by the kind of its object: the application with
 * its parties (columns SBO_ID..SBO_TWEEDE; a missing party -1, a missing
 * title "zonder titel"), then per kind from SBO_EXTRA on:
 *   SBO_AANVRAAG        its round's beoordeeld_uiterlijk_op
 *   SBO_NZA_AANVRAAG    -
 *   SBO_BESCHIKKING     kenmerk, besluit, bovengrens_cent
 *   SBO_VERANTWOORDING  beschikking_id, jaar
 *   SBO_BESTUURSBESLUIT one row per positively assessed application of the
 *                       decision's round: the amount granted to it (0: none)
 * No rows when the object does not exist. */
enum store_bericht_object { SBO_AANVRAAG, SBO_NZA_AANVRAAG, SBO_BESCHIKKING, SBO_VERANTWOORDING,
			    SBO_BESTUURSBESLUIT };
enum { SBO_ID, SBO_TITEL, SBO_PENVOERDER, SBO_COORDINEREND, SBO_TWEEDE, SBO_EXTRA };
rc_t store_bericht_over(struct store *s, enum store_bericht_object soort, int64_t id, struct arena *arena,
			struct store_rows *out, struct error *e);

/* Makes one message for every active account of organisation `org_id`
 * (0: of every organisation) holding any of the role bits `rollen` -- or,
 * when `gebruiker_id` > 0, for that one active account only -- and queues
 * one mail per message (due at `nu_s`). *aantal (may be NULL): messages made. */
rc_t store_bericht_voor(struct store *s, int64_t org_id, unsigned rollen, int64_t gebruiker_id, const char *soort,
			const char *onderwerp, const char *tekst, const char *pad, const char *nu,
			int64_t nu_s, int64_t *aantal, struct error *e);

/* The messages of account `gebruiker_id`, newest first, with id below `voor`
 * (0: from the newest), at most `limiet`; only unread ones when
 * `ongelezen`. Columns SBR_*. */
enum { SBR_ID, SBR_SOORT, SBR_ONDERWERP, SBR_TEKST, SBR_PAD, SBR_AANGEMAAKT_OP, SBR_GELEZEN_OP };
rc_t store_bericht_lijst(struct store *s, int64_t gebruiker_id, int64_t voor, int64_t limiet,
			 bool ongelezen, struct arena *arena, struct store_rows *out, struct error *e);

/* Number of unread messages of `gebruiker_id`. */
rc_t store_bericht_ongelezen(struct store *s, int64_t gebruiker_id, int64_t *out, struct error *e);

/* Marks message `id` of `gebruiker_id` read at `gelezen_op` (NULL: unread).
 * RC_NOT_FOUND when the account has no such message. */
rc_t store_bericht_markeer(struct store *s, int64_t id, int64_t gebruiker_id, const char *gelezen_op,
			   struct error *e);

/* ---- the mail queue ------------------------------------------------------ */

/* Queues a mail with its own text (a reset link) for `gebruiker_id`. */
rc_t store_mail_eigen(struct store *s, int64_t gebruiker_id, const char *soort, const char *onderwerp,
		      const char *tekst, const char *nu, int64_t nu_s, struct error *e);

/* Up to `limiet` mails due at `nu_s`, oldest first. Columns SML_*. */
enum { SML_ID, SML_AAN, SML_NAAM, SML_ONDERWERP, SML_TEKST, SML_PAD, SML_POGINGEN, SML_VOLGENDE };
rc_t store_mail_te_verzenden(struct store *s, int64_t nu_s, int64_t limiet, struct arena *arena,
			     struct store_rows *out, struct error *e);

/* Claims mail `id` for sending by moving its next attempt from `was_s` to
 * `tot_s`; *geclaimd false when another process was first. */
rc_t store_mail_claim(struct store *s, int64_t id, int64_t was_s, int64_t tot_s, bool *geclaimd,
		      struct error *e);

/* The outcome of one attempt: sent (status 'verzonden', its own text wiped),
 * or failed with `fout` and the next attempt at `volgende_s` (status
 * 'mislukt' when `opgegeven`). */
rc_t store_mail_verzonden(struct store *s, int64_t id, const char *nu, struct error *e);
rc_t store_mail_mislukt(struct store *s, int64_t id, const char *fout, int64_t volgende_s, bool opgegeven,
			struct error *e);

/* The queue for the administrator: newest first, below id `voor`, of one
 * status (NULL: all). Never the mail's own text. Columns SMQ_*. */
enum { SMQ_ID, SMQ_GEBRUIKER, SMQ_AAN, SMQ_SOORT, SMQ_ONDERWERP, SMQ_STATUS, SMQ_POGINGEN, SMQ_VOLGENDE,
       SMQ_FOUT, SMQ_AANGEMAAKT_OP, SMQ_VERZONDEN_OP };
rc_t store_mail_lijst(struct store *s, const char *status, int64_t voor, int64_t limiet, struct arena *arena,
		      struct store_rows *out, struct error *e);

/* Puts a mail that is not sent back in the queue, due at `nu_s`, attempts
 * from zero. RC_NOT_FOUND when there is none; RC_CONFLICT when sent. */
rc_t store_mail_opnieuw(struct store *s, int64_t id, int64_t nu_s, struct error *e);

/* ---- password reset --------------------------------------------------- */

rc_t store_herstel_insert(struct store *s, int64_t gebruiker_id, const char *token_hash, int64_t nu_s,
			  int64_t verloopt_s, struct error *e);

/* The token with this hash that is unused and not expired at `nu_s`:
 * columns SHS_*; no rows when none. */
enum { SHS_ID, SHS_GEBRUIKER, SHS_NAAM, SHS_EMAIL, SHS_GEBRUIKERSNAAM };
rc_t store_herstel_geldig(struct store *s, const char *token_hash, int64_t nu_s, struct arena *arena,
			  struct store_rows *out, struct error *e);

/* Uses every open token of `gebruiker_id` at `nu_s` (one reset ends them all). */
rc_t store_herstel_gebruik(struct store *s, int64_t gebruiker_id, int64_t nu_s, struct error *e);

/* Tokens asked for `gebruiker_id` since `sinds_s` (throttling). */
rc_t store_herstel_aantal(struct store *s, int64_t gebruiker_id, int64_t sinds_s, int64_t *out,
			  struct error *e);


/* ---- reminders on a date (core/berichten/herinnering.h) ---- */

/* Accountability reminders to consider: every granted beschikking x
 * framework year whose deadline_us <= grens_us, without an accountability
 * of that year and without a reminder considered; at most `limiet`, by
 * beschikking and year. Columns: */
enum { SHR_BESCHIKKING, SHR_JAARVERDELING, SHR_GENOMEN_OP, SHR_JAAR, SHR_DEADLINE, SHR_DEADLINE_US };
rc_t store_herinnering_verantwoording_open(struct store *s, int64_t grens_us, int64_t limiet, struct arena *arena,
					   struct store_rows *out, struct error *e);
/* Records that reminder (soort, beschikking, jaar) was considered. */
rc_t store_herinnering_voeg_toe(struct store *s, const char *soort, int64_t beschikking_id, int64_t jaar,
				const char *nu, bool verstuurd, struct error *e);


/* ---- reset requests per client address (core/toegang/wachtwoordherstel.h) ---- */

/* The requests of `adres` since `sinds_s` into *aantal, and the oldest of
 * them into *oudste_s (0 when none). */
rc_t store_herstelverzoek_aantal(struct store *s, const char *adres, int64_t sinds_s, int64_t *aantal,
				 int64_t *oudste_s, struct error *e);
/* Records a request of `adres` at `nu_s` and forgets every request before
 * `vergeet_voor_s`. */
rc_t store_herstelverzoek_voeg_toe(struct store *s, const char *adres, int64_t nu_s, int64_t vergeet_voor_s,
				   struct error *e);


/* Gives up every waiting reset mail created before `grens` (ISO moment):
 * status "mislukt" with `fout`, its text wiped; *aantal how many. With
 * `fout` NULL only counts them (a read). */
rc_t store_mail_herstel_verlopen(struct store *s, const char *grens, const char *fout, int64_t *aantal,
				 struct error *e);

#endif
