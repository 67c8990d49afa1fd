/*
 * apitoken.h -- API tokens for system-to-system clients (an insurer's
 * back office).
 *
 * An administrator issues a token for one organisation and one role
 * (which must fit the organisation's kind; never beheerder). The token
 * is "dbk_" and 64 hex digits (256 random bits); it is shown once, at
 * issue, and only its SHA-256 hash is stored, with a short prefix to
 * recognise it in listings. A client sends it as "Authorization: Bearer
 * dbk_..."; it needs no CSRF token. Every use is an audit record
 * ("apitoken.gebruik"); a revoked or unknown token is refused and
 * audited. Revocation is immediate and final.
 */
#ifndef DOORBRAAK_APITOKEN_H
#define DOORBRAAK_APITOKEN_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "core/toegang/toegang.h"

#define APITOKEN_VOORVOEGSEL "dbk_"
#define APITOKEN_BYTES 32
#define APITOKEN_TEKST (4 + 2 * APITOKEN_BYTES + 1)
#define APITOKEN_PREFIX_LENGTE 12
#define APITOKEN_NAAM_MAX 100
#define APITOKEN_PAGINA_MAX 1000

struct apitoken {
	int64_t id;
	int64_t organisatie_id;
	unsigned rol;
	const char *naam;
	const char *prefix;
	const char *aangemaakt_door;
	const char *aangemaakt_op;
	const char *ingetrokken_op;      /* NULL while valid */
	const char *laatst_gebruikt_op;  /* NULL when never used */
	const char *status;              /* "actief" or "aangevraagd" */
	const char *goedgekeurd_door;    /* the second administrator, NULL when none */
	const char *goedgekeurd_op;
};

struct apitoken_aanvraag {
	int64_t organisatie_id;
	const char *rol;     /* role name */
	const char *naam;    /* what the token is for, 1..100 characters */
};

struct apitoken_uitgifte {
	int64_t id;
	bool aangevraagd;                        /* waits for a second administrator: no token */
	char token[APITOKEN_TEKST];              /* shown once; "" while requested */
	char prefix[APITOKEN_PREFIX_LENGTE + 1];
};

/* Validates and issues a token in one transaction with its audit record;
 * refusals (RC_INVALID) are audit records too. A person (who->account_id
 * > 0) asking for a role of ROL_GELD gets a request instead: out->aangevraagd,
 * no token ("apitoken.aanvraag"). */
rc_t apitoken_maak(struct store *s, const struct principal *who, const struct apitoken_aanvraag *in,
		   struct apitoken_uitgifte *out, struct error *e);

/* A second administrator approves requested token `id` and receives it in
 * *out, once ("apitoken.goedkeuring"). Refused with an audit record:
 * RC_NOT_FOUND; RC_CONFLICT "eigen_aanvraag" (the one who asked),
 * "niet_aangevraagd" (active already) or "ingetrokken". */
rc_t apitoken_keur_goed(struct store *s, const struct principal *who, int64_t id,
			struct apitoken_uitgifte *out, struct error *e);

/* Revokes token `id` (already revoked: no change, RC_OK). RC_NOT_FOUND
 * when there is none. Audited. */
rc_t apitoken_intrek(struct store *s, const struct principal *who, int64_t id, struct error *e);

rc_t apitoken_lees(struct store *s, struct arena *arena, int64_t id, struct apitoken *out,
		   struct error *e);

rc_t apitoken_lijst(struct store *s, struct arena *arena, int64_t na, int64_t limiet,
		    struct apitoken **out, size_t *n, struct error *e);

/* Identifies a bearer token and fills *who (actor "token:<id>", roles the
 * token's one role, account_id 0). `gebruik` says what it is used for
 * ("GET /api/v1/organisaties/3") in the audit record of the use.
 * RC_UNAUTHENTICATED for an unknown or revoked token (audited). */
rc_t apitoken_identificeer(struct store *s, const char *token, const char *gebruik,
			   const char *adres, struct arena *arena, struct principal *who,
			   struct error *e);

/* A token as the API shows it: its prefix, never the token or its hash.
 * New reference; NULL on OOM. */
json_t *apitoken_json(const struct apitoken *t);

#endif
