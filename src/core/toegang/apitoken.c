/*
 * apitoken.c -- issuing, revoking and identifying API tokens. See apitoken.h.
 */
#include "core/toegang/apitoken.h"

#include <inttypes.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_partijen.h"
#include "store/store_toegang.h"
#include "core/basis/audit.h"
#include "core/toegang/organisatie.h"
#include "core/basis/tekst.h"
#include "core/basis/klok.h"
#include "core/basis/json.h"

static void token_hash(const char *token, char out[65])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(d, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, d, sizeof d);
}

static bool token_vorm(const char *t)
{
	if (!t || strlen(t) != APITOKEN_TEKST - 1 || strncmp(t, APITOKEN_VOORVOEGSEL, 4) != 0)
		return false;
	for (const char *p = t + 4; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

static rc_t audit_in_tx(struct store *s, const char *actor, const char *actie, const char *object,
			const char *resultaat, json_t *d, struct error *e)
{
	char *detail = d ? json_dumps(d, JSON_COMPACT) : NULL;
	json_decref(d);
	struct audit_entry entry = {actor, actie, object, resultaat, detail};
	rc_t rc = detail ? audit_append(s, &entry, e) : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	free(detail);
	return rc;
}

/* ---- issue ----------------------------------------------------------- */

struct maak_opdracht {
	const struct apitoken_aanvraag *in;
	const char *actor;
	unsigned rol;
	bool vier_ogen;        /* a role where money moves, asked by a person */
	struct apitoken_uitgifte *out;
};

/* A fresh token into out->token and its prefix. */
static void token_nieuw(struct apitoken_uitgifte *out)
{
	unsigned char ruw[APITOKEN_BYTES];
	randombytes_buf(ruw, sizeof ruw);
	memcpy(out->token, APITOKEN_VOORVOEGSEL, 4);
	sodium_bin2hex(out->token + 4, APITOKEN_TEKST - 4, ruw, sizeof ruw);
	sodium_memzero(ruw, sizeof ruw);
	snprintf(out->prefix, sizeof out->prefix, "%.*s", APITOKEN_PREFIX_LENGTE, out->token);
}

/* The organisation exists and the role fits its kind: problems to `e`,
 * RC_INVALID. Inside a transaction. */
static rc_t organisatie_controle(struct store *s, const struct maak_opdracht *m, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	rc_t rc = store_organisatie_by_id(s, m->in->organisatie_id, &a, &rows, e);
	if (rc == RC_OK && rows.nrows == 0) {
		error_add(e, "/organisatie_id", "onbekend", NULL, "Organisatie %" PRId64 " bestaat niet.",
			  m->in->organisatie_id);
		rc = RC_INVALID;
	}
	if (rc == RC_OK && m->rol && !organisatie_rol_past(store_text(&rows, 0, SO_SOORT), m->rol)) {
		error_add(e, "/rol", "rol_past_niet", NULL, "De rol %s past niet bij een organisatie van soort %s.",
			  rol_naam(m->rol), store_text(&rows, 0, SO_SOORT));
		rc = RC_INVALID;
	}
	arena_release(&a);
	return rc;
}

/* The same as a read transaction of its own: for a request with other
 * problems too, so that every problem is reported at once. */
static rc_t organisatie_controle_tx(struct store *s, void *ctx, struct error *e)
{
	rc_t rc = organisatie_controle(s, ctx, e);
	return rc == RC_INVALID ? RC_OK : rc;   /* the problems are in e; nothing to roll back */
}

static rc_t maak_tx(struct store *s, void *ctx, struct error *e)
{
	struct maak_opdracht *m = ctx;
	rc_t rc = organisatie_controle(s, m, e);
	/* A request gets the hash of a token nobody sees: it can never be used. */
	token_nieuw(m->out);
	char hash[65], nu[32];
	token_hash(m->out->token, hash);
	klok_nu_tekst(NULL, nu, sizeof nu);
	m->out->aangevraagd = m->vier_ogen;
	if (m->vier_ogen) {
		sodium_memzero(m->out->token, sizeof m->out->token);
		m->out->prefix[0] = '\0';
	}
	if (rc == RC_OK)
		rc = store_apitoken_insert(s, hash, m->out->prefix, m->in->organisatie_id, m->rol,
					   m->in->naam, m->actor, nu, m->vier_ogen ? "aangevraagd" : "actief",
					   &m->out->id, e);
	if (rc == RC_OK) {
		char object[48];
		snprintf(object, sizeof object, "apitoken/%" PRId64, m->out->id);
		rc = audit_in_tx(s, m->actor, m->vier_ogen ? "apitoken.aanvraag" : "apitoken.maak", object,
				 "gelukt",
				 json_pack("{s:I, s:s, s:s, s:s}", "organisatie_id",
					   (json_int_t)m->in->organisatie_id, "rol", rol_naam(m->rol),
					   "naam", m->in->naam, "prefix", m->out->prefix), e);
	}
	return rc;
}

rc_t apitoken_maak(struct store *s, const struct principal *who, const struct apitoken_aanvraag *in,
		   struct apitoken_uitgifte *out, struct error *e)
{
	struct maak_opdracht m = {.in = in, .actor = who && who->actor ? who->actor : "systeem", .out = out};
	if (in->organisatie_id <= 0)
		toegang_verplicht(e, "/organisatie_id", "Geef de organisatie (een id).");
	if (!in->rol) {
		toegang_verplicht(e, "/rol", "Geef de rol van het token.");
	} else if (!(m.rol = rol_uit_naam(in->rol))) {
		error_add(e, "/rol", "rol_onbekend", NULL, "Onbekende rol '%.40s'.", in->rol);
	} else if (m.rol == ROL_BEHEERDER) {
		error_add(e, "/rol", "rol_niet_voor_token", NULL,
			  "Een API-token kan geen beheerder zijn; beheer gebeurt door mensen met een tweede factor.");
	}
	if (!tekst_aanwezig(in->naam) || strlen(in->naam) > APITOKEN_NAAM_MAX)
		toegang_verplicht(e, "/naam", "Geef een naam (1 tot 100 tekens) die zegt waarvoor het token is.");
	/* [BIO 6.1.2] a person asking for a token where money moves needs a second one */
	m.vier_ogen = who && who->account_id > 0 && (m.rol & ROL_GELD);
	rc_t rc = e->rc != RC_OK || e->item_count > 0 ? RC_INVALID : RC_OK;
	if (rc == RC_INVALID && in->organisatie_id > 0) {
		struct error lokaal;   /* the organisation's problems beside the others */
		error_clear(&lokaal);
		if (store_tx(s, STORE_READ, organisatie_controle_tx, &m, &lokaal) == RC_OK)
			error_items_over(e, &lokaal);
	}
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, maak_tx, &m, e);
	if (rc != RC_OK) {
		if (e->rc == RC_OK)
			e->rc = rc;
		sodium_memzero(out->token, sizeof out->token);
		if (rc == RC_INVALID)
			toegang_weigering_vastleggen(s, m.actor, "apitoken.maak", "", e);
	}
	return rc;
}

/* The row of token `id` (STORE_APITOKEN_KOLOMMEN); RC_NOT_FOUND when
 * there is none. */
static rc_t token_rij(struct store *s, struct arena *a, int64_t id, struct store_rows *rows,
		      struct error *e)
{
	rc_t rc = store_apitoken_by_id(s, id, a, rows, e);
	if (rc == RC_OK && rows->nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	return rc;
}

/* ---- approve (four eyes) ---------------------------------------------- */

struct goedkeur_opdracht {
	const char *actor;
	int64_t id;
	struct apitoken_uitgifte *out;
};

static rc_t goedkeur_tx(struct store *s, void *ctx, struct error *e)
{
	struct goedkeur_opdracht *o = ctx;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	rc_t rc = token_rij(s, &a, o->id, &rows, e);
	if (rc == RC_OK && store_text(&rows, 0, SA_INGETROKKEN_OP)) {
		error_add(e, "", "ingetrokken", NULL, "Dit token is ingetrokken.");
		rc = RC_CONFLICT;
	} else if (rc == RC_OK && strcmp(store_text(&rows, 0, SA_STATUS), "aangevraagd") != 0) {
		error_add(e, "", "niet_aangevraagd", NULL, "Dit token is al uitgegeven; er is niets goed te keuren.");
		rc = RC_CONFLICT;
	} else if (rc == RC_OK && strcmp(store_text(&rows, 0, SA_DOOR), o->actor) == 0) {
		error_add(e, "", "eigen_aanvraag", "[BIO 6.1.2]",
			  "U vroeg dit token zelf aan; een andere beheerder keurt het goed (vier ogen).");
		rc = RC_CONFLICT;
	}
	char hash[65], nu[32];
	klok_nu_tekst(NULL, nu, sizeof nu);
	bool gewijzigd = false;
	if (rc == RC_OK) {
		token_nieuw(o->out);
		token_hash(o->out->token, hash);
		rc = store_apitoken_goedkeuren(s, o->id, hash, o->out->prefix, o->actor, nu, &gewijzigd, e);
	}
	if (rc == RC_OK && !gewijzigd)
		rc = error_set(e, RC_CONFLICT, "Het token veranderde tegelijk; probeer het opnieuw.");
	if (rc == RC_OK) {
		char object[48];
		snprintf(object, sizeof object, "apitoken/%" PRId64, o->id);
		rc = audit_in_tx(s, o->actor, "apitoken.goedkeuring", object, "gelukt",
				 json_pack("{s:s, s:s}", "aangevraagd_door", store_text(&rows, 0, SA_DOOR),
					   "prefix", o->out->prefix), e);
	}
	arena_release(&a);
	return rc;
}

rc_t apitoken_keur_goed(struct store *s, const struct principal *who, int64_t id,
			struct apitoken_uitgifte *out, struct error *e)
{
	memset(out, 0, sizeof *out);
	out->id = id;
	struct goedkeur_opdracht o = {who && who->actor ? who->actor : "systeem", id, out};
	rc_t rc = store_tx(s, STORE_WRITE, goedkeur_tx, &o, e);
	if (rc != RC_OK) {
		sodium_memzero(out->token, sizeof out->token);
		char object[48];
		snprintf(object, sizeof object, "apitoken/%" PRId64, id);
		if (rc == RC_NOT_FOUND || rc == RC_CONFLICT) {
			e->rc = rc;
			toegang_weigering_vastleggen(s, o.actor, "apitoken.goedkeuring", object, e);
		}
	}
	return rc;
}

/* ---- revoke, read ---------------------------------------------------- */

struct intrek_opdracht {
	const char *actor;
	int64_t id;
};

static rc_t intrek_tx(struct store *s, void *ctx, struct error *e)
{
	struct intrek_opdracht *o = ctx;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	rc_t rc = token_rij(s, &a, o->id, &rows, e);
	bool al = rc == RC_OK && store_text(&rows, 0, SA_INGETROKKEN_OP) != NULL;
	char nu[32];
	klok_nu_tekst(NULL, nu, sizeof nu);
	if (rc == RC_OK && !al)
		rc = store_apitoken_intrekken(s, o->id, nu, e);
	if (rc == RC_OK) {
		char object[48];
		snprintf(object, sizeof object, "apitoken/%" PRId64, o->id);
		rc = audit_in_tx(s, o->actor, "apitoken.intrek", object, "gelukt",
				 json_pack("{s:b}", "al_ingetrokken", al), e);
	}
	arena_release(&a);
	return rc;
}

rc_t apitoken_intrek(struct store *s, const struct principal *who, int64_t id, struct error *e)
{
	struct intrek_opdracht o = {who && who->actor ? who->actor : "systeem", id};
	rc_t rc = store_tx(s, STORE_WRITE, intrek_tx, &o, e);
	if (rc == RC_NOT_FOUND) {
		char object[48];
		snprintf(object, sizeof object, "apitoken/%" PRId64, id);
		toegang_weigering_vastleggen(s, o.actor, "apitoken.intrek", object, e);
	}
	return rc;
}

static bool token_uit_rij(struct arena *a, const struct store_rows *r, size_t i, struct apitoken *out)
{
	const char *ingetrokken = store_text(r, i, SA_INGETROKKEN_OP);
	const char *gebruikt = store_text(r, i, SA_LAATST_GEBRUIKT_OP);
	*out = (struct apitoken){
		.id = store_int(r, i, SA_ID, 0),
		.organisatie_id = store_int(r, i, SA_ORGANISATIE, 0),
		.rol = (unsigned)store_int(r, i, SA_ROL, 0),
		.naam = arena_strdup(a, store_text(r, i, SA_NAAM)),
		.prefix = arena_strdup(a, store_text(r, i, SA_PREFIX)),
		.aangemaakt_door = arena_strdup(a, store_text(r, i, SA_DOOR)),
		.aangemaakt_op = arena_strdup(a, store_text(r, i, SA_AANGEMAAKT_OP)),
		.ingetrokken_op = ingetrokken ? arena_strdup(a, ingetrokken) : NULL,
		.laatst_gebruikt_op = gebruikt ? arena_strdup(a, gebruikt) : NULL,
		.status = strcmp(store_text(r, i, SA_STATUS) ? store_text(r, i, SA_STATUS) : "", "aangevraagd") == 0
			  ? "aangevraagd" : "actief",
	};
	const char *door = store_text(r, i, SA_GOEDGEKEURD_DOOR), *op = store_text(r, i, SA_GOEDGEKEURD_OP);
	out->goedgekeurd_door = door ? arena_strdup(a, door) : NULL;
	out->goedgekeurd_op = op ? arena_strdup(a, op) : NULL;
	return out->naam && out->prefix && out->aangemaakt_door && out->aangemaakt_op &&
	       (!ingetrokken || out->ingetrokken_op) && (!gebruikt || out->laatst_gebruikt_op) &&
	       (!door || out->goedgekeurd_door) && (!op || out->goedgekeurd_op);
}

struct lees_opdracht {
	struct arena *arena;
	int64_t id, na, limiet;
	struct store_rows rows;
};

static rc_t lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_opdracht *o = ctx;
	if (o->limiet > 0)
		return store_apitoken_page(s, o->na, o->limiet, o->arena, &o->rows, e);
	return store_apitoken_by_id(s, o->id, o->arena, &o->rows, e);
}

rc_t apitoken_lees(struct store *s, struct arena *arena, int64_t id, struct apitoken *out,
		   struct error *e)
{
	struct lees_opdracht o = {.arena = arena, .id = id};
	rc_t rc = store_tx(s, STORE_READ, lees_tx, &o, e);
	if (rc == RC_OK && o.rows.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	if (rc == RC_OK && !token_uit_rij(arena, &o.rows, 0, out))
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	return rc;
}

rc_t apitoken_lijst(struct store *s, struct arena *arena, int64_t na, int64_t limiet,
		    struct apitoken **out, size_t *n, struct error *e)
{
	if (limiet < 1 || limiet > APITOKEN_PAGINA_MAX)
		return error_set(e, RC_INTERNAL, "Paginagrootte buiten 1..%d.", APITOKEN_PAGINA_MAX);
	struct lees_opdracht o = {.arena = arena, .na = na, .limiet = limiet};
	rc_t rc = store_tx(s, STORE_READ, lees_tx, &o, e);
	if (rc != RC_OK)
		return rc;
	struct apitoken *lijst = o.rows.nrows ? arena_alloc(arena, o.rows.nrows * sizeof *lijst) : NULL;
	if (o.rows.nrows && !lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < o.rows.nrows; i++)
		if (!token_uit_rij(arena, &o.rows, i, &lijst[i]))
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	*out = lijst;
	*n = o.rows.nrows;
	return RC_OK;
}

/* ---- use ------------------------------------------------------------- */

struct gebruik_opdracht {
	const char *hash;
	const char *gebruik;
	const char *adres;
	struct arena arena;
	struct store_rows rows;
	bool geldig;
	char actor[96];
};

/* Looks the token up and records its use or its refusal, in one
 * transaction: a used token always leaves a trace. */
static rc_t gebruik_tx(struct store *s, void *ctx, struct error *e)
{
	struct gebruik_opdracht *o = ctx;
	rc_t rc = RC_OK;
	o->rows = (struct store_rows){0};
	if (o->hash[0])
		rc = store_apitoken_by_hash(s, o->hash, &o->arena, &o->rows, e);
	if (rc != RC_OK)
		return rc;
	bool bekend = o->rows.nrows == 1;
	const char *status = bekend ? store_text(&o->rows, 0, SA_STATUS) : NULL;
	o->geldig = bekend && store_text(&o->rows, 0, SA_INGETROKKEN_OP) == NULL &&
		    status && strcmp(status, "actief") == 0;
	char object[48] = "", nu[32];
	klok_nu_tekst(NULL, nu, sizeof nu);
	if (bekend)
		snprintf(object, sizeof object, "apitoken/%" PRId64, store_int(&o->rows, 0, SA_ID, 0));
	if (o->geldig) {
		rc = store_apitoken_gebruikt(s, store_int(&o->rows, 0, SA_ID, 0), nu, e);
		char actor[48];
		snprintf(actor, sizeof actor, "token:%" PRId64, store_int(&o->rows, 0, SA_ID, 0));
		if (rc == RC_OK)
			rc = audit_in_tx(s, actor, "apitoken.gebruik", object, "gelukt",
					 json_pack("{s:s, s:s}", "verzoek", o->gebruik, "adres", o->adres), e);
		return rc;
	}
	return audit_in_tx(s, o->actor, "apitoken.gebruik", object, "geweigerd",
			   json_pack("{s:s, s:s, s:s}", "reden", bekend ? "ingetrokken" : "onbekend",
				     "verzoek", o->gebruik, "adres", o->adres), e);
}

rc_t apitoken_identificeer(struct store *s, const char *token, const char *gebruik,
			   const char *adres, struct arena *arena, struct principal *who,
			   struct error *e)
{
	char hash[65] = "";
	if (token_vorm(token))
		token_hash(token, hash);
	struct gebruik_opdracht o = {.hash = hash, .gebruik = gebruik ? gebruik : "",
				     .adres = adres ? adres : "?"};
	snprintf(o.actor, sizeof o.actor, "anoniem@%s", o.adres);
	arena_init(&o.arena, ARENA_RIJ_BYTES);
	rc_t rc = store_tx(s, STORE_WRITE, gebruik_tx, &o, e);
	if (rc == RC_OK && !o.geldig)
		rc = error_set(e, RC_UNAUTHENTICATED, "Dit API-token is onbekend of ingetrokken.");
	if (rc == RC_OK) {
		int64_t id = store_int(&o.rows, 0, SA_ID, 0);
		*who = (struct principal){
			.organisatie_id = store_int(&o.rows, 0, SA_ORGANISATIE, 0),
			.roles = (unsigned)store_int(&o.rows, 0, SA_ROL, 0),
			.actor = arena_printf(arena, "token:%" PRId64, id),
			.via_token = true,
			.token_id = id,
		};
		if (!who->actor)
			rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	arena_release(&o.arena);
	return rc;
}

json_t *apitoken_json(const struct apitoken *t)
{
	json_t *j = json_pack("{s:I, s:s, s:I, s:s, s:s, s:s, s:s}",
		"id", (json_int_t)t->id, "naam", t->naam, "organisatie_id", (json_int_t)t->organisatie_id,
		"rol", rol_naam(t->rol) ? rol_naam(t->rol) : "", "prefix", t->prefix,
		"aangemaakt_door", t->aangemaakt_door, "aangemaakt_op", t->aangemaakt_op);
	if (!j)
		return NULL;
	json_object_set_new(j, "ingetrokken", json_boolean(t->ingetrokken_op != NULL));
	json_zet_tekst(j, "ingetrokken_op", t->ingetrokken_op);
	json_zet_tekst(j, "laatst_gebruikt_op", t->laatst_gebruikt_op);
	json_object_set_new(j, "status", json_string(t->status ? t->status : "actief"));
	json_zet_tekst(j, "goedgekeurd_door", t->goedgekeurd_door);
	json_zet_tekst(j, "goedgekeurd_op", t->goedgekeurd_op);
	return j;
}
