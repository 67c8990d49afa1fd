/*
 * gebruiker.h -- accounts: a person of one organisation with roles.
 *
 * Administrators create accounts (there is no self-registration): a
 * name (3..64 of a-z 0-9 . _ -, stored in lower case), an e-mail address
 * (also a login name), the organisation, the roles (each must fit the
 * organisation's kind, see organisatie_rol_past) and a first password
 * (wachtwoord.h). Every interactive account gets a TOTP secret at
 * creation; it is returned once, here, and never again. Only demo
 * accounts (demo.c) are made without one, and they can log in only
 * while the server runs in demo mode.
 *
 * Changing roles and blocking are audited; blocking ends every session of
 * the account in the same transaction. An administrator cannot block
 * their own account or take away their own beheerder role.
 *
 * Four eyes where money moves (rol.h ROL_GELD) [BIO 6.1.2]: a role of
 * ROL_GELD that an administrator gives (at creation or by a change) is
 * only proposed ("rollen_voorgesteld"); it counts once a second
 * administrator confirmed it (gebruiker_bevestig_rollen). Taking a role
 * away counts at once. The command line (the server's operator) and demo
 * data grant at once.
 */
#ifndef DOORBRAAK_GEBRUIKER_H
#define DOORBRAAK_GEBRUIKER_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/toegang/toegang.h"
#include "core/toegang/totp.h"

#define GEBRUIKER_NAAM_MIN 3
#define GEBRUIKER_NAAM_MAX 64
#define GEBRUIKER_EMAIL_MAX 254
#define GEBRUIKER_ROLLEN_MAX 16
#define GEBRUIKER_PAGINA_MAX 1000
#define GEBRUIKER_PERSOON_MAX 200   /* the person's name, the function */

struct gebruiker {
	int64_t id;
	int64_t organisatie_id;
	const char *gebruikersnaam;
	const char *email;
	unsigned rollen;
	bool actief;
	bool tweede_factor;   /* has a TOTP secret */
	bool demo;
	const char *aangemaakt_op;
	const char *gewijzigd_op;
	unsigned rollen_voorgesteld;   /* ROL_GELD roles waiting for a second administrator */
	const char *voorgesteld_door;  /* who proposed them; NULL when none */
	const char *naam;              /* the person ("E. de Groot"); NULL for older accounts */
	const char *functie;           /* their function ("directeur Zorgmarkten"); NULL when none */
	bool berichten_mailen;         /* their messages also by mail (docs/berichten.md §2) */
};

struct gebruiker_nieuw {
	int64_t organisatie_id;
	const char *gebruikersnaam;
	const char *email;
	const char *wachtwoord;
	const char *const *rollen;  /* role names, as the API and CLI give them */
	size_t rol_aantal;
	bool demo;                  /* demo account: no second factor */
	const char *naam;           /* the person's name, required (1..GEBRUIKER_PERSOON_MAX) */
	const char *functie;        /* their function, optional (1..GEBRUIKER_PERSOON_MAX) */
};

/* What the new account's holder needs once: the id and, unless demo,
 * the TOTP secret in base32 and as otpauth:// URI. */
struct gebruiker_inschrijving {
	int64_t id;
	char totp_geheim[TOTP_BASE32_MAX];
	char totp_uri[TOTP_URI_MAX];
};

/* Turns role names into bits; every unknown name is a problem for field
 * "<veld>/<index>". An empty list is a problem too. */
rc_t gebruiker_rollen_uit_namen(const char *const *namen, size_t n, const char *veld,
				unsigned *out, struct error *e);

/* Writes the names of the bits of `rollen` into `out` (at most `max`),
 * in the order of rol.h; returns how many. */
size_t gebruiker_rolnamen(unsigned rollen, const char **out, size_t max);

/* The names of the role bits as a JSON list (new reference; NULL on OOM):
 * the one shape of roles in the API, the audit log and the CLI. */
json_t *gebruiker_rollen_json(unsigned rollen);

/* Validates (all problems at once), hashes the password and, in one
 * transaction with its audit record, creates the account. The refusal
 * (RC_INVALID, RC_CONFLICT for a taken name or e-mail) is an audit
 * record and leaves nothing behind. */
rc_t gebruiker_maak(struct store *s, const struct principal *who, const struct gebruiker_nieuw *in,
		    struct gebruiker_inschrijving *out, struct error *e);

/* One account; RC_NOT_FOUND (TOEGANG_NIET_GEVONDEN) when there is none. */
rc_t gebruiker_lees(struct store *s, struct arena *arena, int64_t id, struct gebruiker *out,
		    struct error *e);

/* Finds an account by name or e-mail; RC_NOT_FOUND when none. */
rc_t gebruiker_zoek(struct store *s, struct arena *arena, const char *naam_of_email,
		    struct gebruiker *out, struct error *e);

/* Accounts ordered by id, at most `limiet` after id `na`. */
rc_t gebruiker_lijst(struct store *s, struct arena *arena, int64_t na, int64_t limiet,
		     struct gebruiker **out, size_t *n, struct error *e);

/* A change: new roles, the active flag, the person's name and function
 * (functie_gezet with NULL removes the function). */
struct gebruiker_wijziging {
	bool rollen_gezet;
	const char *const *rollen;
	size_t rol_aantal;
	bool actief_gezet;
	bool actief;
	bool naam_gezet;
	const char *naam;
	bool functie_gezet;
	const char *functie;
};

/* Applies `w` to account `id` in one transaction with its audit records
 * ("gebruiker.rollen", "gebruiker.blokkeer", "gebruiker.deblokkeer",
 * "gebruiker.persoon").
 * Blocking deletes every session of the account. RC_NOT_FOUND,
 * RC_INVALID (unknown role, role not fitting the organisation),
 * RC_CONFLICT (own account) are refusals with an audit record. */
/* Whether the caller's messages also come by mail, into *mailen. Only a
 * person with an account: an API token is RC_FORBIDDEN, the refusal
 * audited. */
rc_t gebruiker_mailen(struct store *s, const struct principal *who, struct arena *arena, bool *mailen,
		      struct error *e);

/* The caller's own choice from body {"mailen": true|false}: a token is
 * refused (audited) before the body is read; every problem of the body at
 * once (RC_INVALID); stored with its audit record
 * ("gebruiker.berichten_mailen"). *mailen the choice stored. */
rc_t gebruiker_zet_mailen(struct store *s, const struct principal *who, json_t *body, bool *mailen,
			  struct error *e);

rc_t gebruiker_wijzig(struct store *s, const struct principal *who, int64_t id,
		      const struct gebruiker_wijziging *w, struct error *e);

/* A second administrator confirms the roles proposed for account `id`:
 * they join its roles ("gebruiker.rollen_bevestigd", with who proposed
 * them). Refused with an audit record: RC_NOT_FOUND; RC_CONFLICT
 * "geen_voorstel" (nothing proposed), "eigen_voorstel" (the one who
 * proposed), "eigen_account" (one's own account). */
rc_t gebruiker_bevestig_rollen(struct store *s, const struct principal *who, int64_t id,
			       struct error *e);

/* An account as the API shows it, never its password hash or TOTP
 * secret. New reference; NULL on OOM. */
json_t *gebruiker_json(const struct gebruiker *g);

#endif
