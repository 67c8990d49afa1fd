/*
 * sessie.c -- login, sessions, CSRF tokens and throttling. See sessie.h.
 */
#include "core/toegang/sessie.h"

#include <ctype.h>
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
#include "core/toegang/totp.h"
#include "core/toegang/wachtwoord.h"
#include "core/basis/klok.h"

#define LOGIN_MISLUKT "Gebruikersnaam, wachtwoord of code klopt niet."

void sessie_instellingen_standaard(struct sessie_instellingen *out)
{
	*out = (struct sessie_instellingen){
		.inactief_s = 30 * 60,
		.absoluut_s = 12 * 60 * 60,
		.pogingen_venster_s = 15 * 60,
		.pogingen_account = 5,
		.pogingen_adres = 20,
		.demo = false,
	};
}

bool sessie_token_vorm(const char *token)
{
	if (!token || strlen(token) != 2 * SESSIE_TOKEN_BYTES)
		return false;
	for (const char *p = token; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

/* SHA-256 of the token as hex: what the store keeps. */
static void token_hash(const char *token, char out[65])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(d, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, d, sizeof d);
}

void sessie_csrf(const char *token, char out[SESSIE_CSRF_HEX])
{
	static const char doel[] = "doorbraak-csrf-v1";
	unsigned char d[32];
	crypto_generichash(d, sizeof d, (const unsigned char *)doel, sizeof doel - 1,
			   (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, SESSIE_CSRF_HEX, d, sizeof d);
}

bool sessie_csrf_klopt(const char *token, const char *gegeven)
{
	if (!sessie_token_vorm(token) || !gegeven || strlen(gegeven) != SESSIE_CSRF_HEX - 1)
		return false;
	char verwacht[SESSIE_CSRF_HEX];
	sessie_csrf(token, verwacht);
	return sodium_memcmp(verwacht, gegeven, SESSIE_CSRF_HEX - 1) == 0;
}

static char *json_tekst(json_t *d)
{
	char *t = d ? json_dumps(d, JSON_COMPACT) : NULL;
	json_decref(d);
	return t;
}

/* Appends an audit record inside the current transaction. */
static rc_t audit_in_tx(struct store *s, const char *actor, const char *actie, const char *object,
			const char *resultaat, json_t *d, struct error *e)
{
	char *detail = json_tekst(d);
	struct audit_entry entry = {actor, actie, object, resultaat, detail};
	rc_t rc = detail ? audit_append(s, &entry, e) : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	free(detail);
	return rc;
}

/* ---- login ----------------------------------------------------------- */

struct login_opdracht {
	const struct sessie_instellingen *inst;
	const struct sessie_login *in;
	char naam[SESSIE_NAAM_MAX + 1];
	char actor[SESSIE_NAAM_MAX + 48];
	/* read */
	struct arena arena;
	bool gevonden;
	int64_t gebruiker_id;
	bool actief;
	const char *hash;
	const char *totp_opslag;
	const char *gebruikersnaam;
	int64_t laatste_stap;
	char account[SESSIE_NAAM_MAX + 16]; /* throttling key */
	int64_t pogingen_account, pogingen_adres, oudste_account, oudste_adres;
	/* decided */
	const char *reden;       /* NULL on success */
	const char *item_code;
	int64_t stap;            /* accepted TOTP step, -1 when none */
	bool stap_race;          /* a parallel login used the same step first */
	char nieuwe_hash[WACHTWOORD_HASH_MAX];
	struct sessie_nieuw *out;
};

/* Reads the account and the failures in the window and, unless the login
 * is throttled, reserves this attempt: it is stored as a failure now and
 * forgotten only when the login succeeds. Counting and reserving in one
 * write transaction keeps parallel guesses within the limit. */
static rc_t login_lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct login_opdracht *o = ctx;
	struct store_rows rows, tel;
	/* Failures older than a day are of no use any more. */
	rc_t rc = store_inlogpoging_wis(s, NULL, o->in->nu_unix_s - 24 * 60 * 60, e);
	if (rc == RC_OK)
		rc = store_gebruiker_login(s, o->naam, &o->arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	o->gevonden = rows.nrows == 1;
	if (o->gevonden) {
		o->gebruiker_id = store_int(&rows, 0, 0, 0);
		o->gebruikersnaam = store_text(&rows, 0, 2);
		o->actief = store_int(&rows, 0, 4, 0) == 1;
		o->hash = store_text(&rows, 0, 5);
		o->totp_opslag = store_text(&rows, 0, 6);
		o->laatste_stap = store_int(&rows, 0, 7, 0);
		snprintf(o->account, sizeof o->account, "gebruiker:%" PRId64, o->gebruiker_id);
	} else {
		snprintf(o->account, sizeof o->account, "naam:%s", o->naam);
	}
	int64_t sinds = o->in->nu_unix_s - o->inst->pogingen_venster_s;
	rc = store_inlogpoging_account(s, o->account, sinds, &o->arena, &tel, e);
	if (rc != RC_OK)
		return rc;
	o->pogingen_account = store_int(&tel, 0, 0, 0);
	o->oudste_account = store_int(&tel, 0, 1, o->in->nu_unix_s);
	rc = store_inlogpoging_adres(s, o->in->adres, sinds, &o->arena, &tel, e);
	if (rc != RC_OK)
		return rc;
	o->pogingen_adres = store_int(&tel, 0, 0, 0);
	o->oudste_adres = store_int(&tel, 0, 1, o->in->nu_unix_s);
	if (o->pogingen_account >= o->inst->pogingen_account || o->pogingen_adres >= o->inst->pogingen_adres)
		return RC_OK;
	return store_inlogpoging_insert(s, o->account, o->in->adres, o->in->nu_unix_s, e);
}

static const char *login_object(const struct login_opdracht *o, char *buf, size_t size)
{
	if (!o->gevonden)
		return "";
	snprintf(buf, size, "gebruiker/%" PRId64, o->gebruiker_id);
	return buf;
}

/* A failure (already counted by its reservation) is audited. */
static rc_t login_mislukt_tx(struct store *s, void *ctx, struct error *e)
{
	struct login_opdracht *o = ctx;
	char object[48];
	return audit_in_tx(s, o->actor, "sessie.login", login_object(o, object, sizeof object),
			   "geweigerd", json_pack("{s:s, s:s}", "reden", o->reden, "adres", o->in->adres), e);
}

static rc_t login_gelukt_tx(struct store *s, void *ctx, struct error *e)
{
	struct login_opdracht *o = ctx;
	rc_t rc = RC_OK;
	if (o->stap >= 0) {
		bool bijgewerkt = false;
		rc = store_gebruiker_totp_stap(s, o->gebruiker_id, o->stap, &bijgewerkt, e);
		if (rc == RC_OK && !bijgewerkt) {
			o->stap_race = true;
			return error_set(e, RC_CONFLICT, "De code is zojuist al gebruikt.");
		}
	}
	struct sessie_nieuw *n = o->out;
	unsigned char ruw[SESSIE_TOKEN_BYTES];
	randombytes_buf(ruw, sizeof ruw);
	sodium_bin2hex(n->token, sizeof n->token, ruw, sizeof ruw);
	sodium_memzero(ruw, sizeof ruw);
	char hash[65];
	token_hash(n->token, hash);
	int64_t nu = o->in->nu_unix_s;
	n->verloopt_unix_s = nu + o->inst->absoluut_s;
	n->gebruiker_id = o->gebruiker_id;
	if (rc == RC_OK)
		rc = store_sessie_opruimen(s, nu, nu - o->inst->inactief_s, e);
	if (rc == RC_OK)
		rc = store_sessie_insert(s, hash, o->gebruiker_id, o->in->adres, nu, n->verloopt_unix_s,
					 &n->sessie_id, e);
	if (rc == RC_OK)
		rc = store_inlogpoging_wis(s, o->account, nu - 24 * 60 * 60, e);
	if (rc == RC_OK && o->nieuwe_hash[0]) {
		char tijd[KLOK_TEKST_BYTES];
		klok_tekst(nu * 1000000, tijd, sizeof tijd);
		rc = store_gebruiker_set_wachtwoord(s, o->gebruiker_id, o->nieuwe_hash, tijd, e);
	}
	char object[48];
	if (rc == RC_OK)
		rc = audit_in_tx(s, o->actor, "sessie.login", login_object(o, object, sizeof object), "gelukt",
				 json_pack("{s:I, s:s, s:b}", "sessie_id", (json_int_t)n->sessie_id,
					   "adres", o->in->adres, "tweede_factor", o->stap >= 0), e);
	return rc;
}

/* Decides the outcome once the password is known to match. */
static rc_t login_tweede_factor(struct login_opdracht *o, struct error *e)
{
	o->stap = -1;
	if (!o->totp_opslag) {
		if (o->inst->demo)
			return RC_OK;
		o->reden = "geen_tweede_factor";
		o->item_code = "tweede_factor_ontbreekt";
		return RC_OK;
	}
	if (!o->in->totp_code || !o->in->totp_code[0]) {
		o->reden = "totp_ontbreekt";
		o->item_code = "totp_vereist";
		return RC_OK;
	}
	unsigned char geheim[TOTP_GEHEIM_BYTES];
	rc_t rc = totp_geheim_open(o->totp_opslag, o->gebruikersnaam, geheim, e);
	if (rc != RC_OK)
		return rc;
	enum totp_uitkomst u = totp_controleer(geheim, o->in->totp_code, o->in->nu_unix_s,
					       o->laatste_stap, &o->stap);
	sodium_memzero(geheim, sizeof geheim);
	if (u == TOTP_FOUT) {
		o->stap = -1;
		o->reden = "totp_fout";
		o->item_code = "totp_ongeldig";
	} else if (u == TOTP_HERGEBRUIKT) {
		o->stap = -1;
		o->reden = "totp_hergebruikt";
		o->item_code = "totp_hergebruikt";
	}
	return RC_OK;
}

static rc_t login_weiger(struct store *s, struct login_opdracht *o, struct error *e)
{
	struct error ae;
	error_clear(&ae);
	rc_t rc = store_tx(s, STORE_WRITE, login_mislukt_tx, o, &ae);
	if (rc != RC_OK) {
		*e = ae;
		return rc;
	}
	const char *boodschap = LOGIN_MISLUKT;
	if (strcmp(o->item_code, "totp_vereist") == 0)
		boodschap = "Geef ook de code van uw authenticator-app (tweede factor).";
	else if (strcmp(o->item_code, "totp_ongeldig") == 0)
		boodschap = "De code van de tweede factor klopt niet of is verlopen.";
	else if (strcmp(o->item_code, "totp_hergebruikt") == 0)
		boodschap = "Deze code is al gebruikt; wacht op de volgende code van uw authenticator-app.";
	else if (strcmp(o->item_code, "tweede_factor_ontbreekt") == 0)
		boodschap = "Voor dit account is geen tweede factor ingesteld; buiten de demomodus is die "
			    "verplicht. Vraag de beheerder om een nieuw account.";
	error_set(e, RC_UNAUTHENTICATED, "%s", boodschap);
	error_add(e, strncmp(o->item_code, "totp", 4) == 0 ? "/totp" : "", o->item_code, NULL,
		  "%s", boodschap);
	return RC_UNAUTHENTICATED;
}

/* Seconds until the oldest failure in the window leaves it: a failure at
 * t counts while t > nu - venster (store_inlogpoging_*), so it leaves at
 * nu = t + venster; never more than the window, never less than 1. */
static int64_t wachttijd(int64_t oudste, int64_t nu, int64_t venster)
{
	int64_t w = oudste + venster - nu;
	return w < 1 ? 1 : w;
}

static rc_t login_afgeremd(struct store *s, struct login_opdracht *o, struct error *e)
{
	const struct sessie_instellingen *inst = o->inst;
	bool per_account = o->pogingen_account >= inst->pogingen_account;
	int64_t nu = o->in->nu_unix_s;
	o->out->opnieuw_na_s = per_account
		? wachttijd(o->oudste_account, nu, inst->pogingen_venster_s)
		: wachttijd(o->oudste_adres, nu, inst->pogingen_venster_s);
	char object[48];
	json_t *d = json_pack("{s:s, s:s, s:s, s:I}", "reden", "afgeremd",
			      "per", per_account ? "account" : "adres", "adres", o->in->adres,
			      "opnieuw_na_s", (json_int_t)o->out->opnieuw_na_s);
	char *detail = json_tekst(d);
	struct audit_entry entry = {o->actor, "sessie.login", login_object(o, object, sizeof object),
				    "geweigerd", detail ? detail : ""};
	struct error ae;
	error_clear(&ae);
	rc_t rc = audit_record(s, &entry, &ae);
	free(detail);
	if (rc != RC_OK) {
		*e = ae;
		return rc;
	}
	return error_set(e, RC_TOO_MANY,
			 "Te veel mislukte inlogpogingen %s; probeer het over %" PRId64 " seconden opnieuw.",
			 per_account ? "voor dit account" : "vanaf dit adres", o->out->opnieuw_na_s);
}

rc_t sessie_login(struct store *s, const struct sessie_instellingen *inst,
		  const struct sessie_login *in, struct sessie_nieuw *out, struct error *e)
{
	memset(out, 0, sizeof *out);
	if (!in->naam || !in->naam[0])
		toegang_verplicht(e, "/gebruikersnaam", "Geef uw gebruikersnaam of e-mailadres.");
	else if (strlen(in->naam) > SESSIE_NAAM_MAX)
		error_add(e, "/gebruikersnaam", "te_lang", NULL, "Hoogstens %d tekens.", SESSIE_NAAM_MAX);
	if (!in->wachtwoord || !in->wachtwoord[0])
		toegang_verplicht(e, "/wachtwoord", "Geef uw wachtwoord.");
	else if (strlen(in->wachtwoord) > SESSIE_WACHTWOORD_BYTES_MAX)
		error_add(e, "/wachtwoord", "te_lang", NULL, "Een wachtwoord heeft hoogstens %d tekens.",
			  WACHTWOORD_MAX_TEKENS);
	char actor[96];
	snprintf(actor, sizeof actor, "anoniem@%s", in->adres ? in->adres : "?");
	if (e->rc != RC_OK || e->item_count > 0) {
		if (e->rc == RC_OK)
			e->rc = RC_INVALID;
		toegang_weigering_vastleggen(s, actor, "sessie.login", "", e);
		return e->rc;
	}
	struct login_opdracht *o = calloc(1, sizeof *o);
	if (!o)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	o->inst = inst;
	o->in = in;
	o->out = out;
	o->stap = -1;
	snprintf(o->actor, sizeof o->actor, "%s", actor);
	for (size_t i = 0; in->naam[i] && i < SESSIE_NAAM_MAX; i++)
		o->naam[i] = (char)tolower((unsigned char)in->naam[i]);
	arena_init(&o->arena, ARENA_TABEL_BYTES);
	rc_t rc = store_tx(s, STORE_WRITE, login_lees_tx, o, e);
	if (rc == RC_OK && (o->pogingen_account >= inst->pogingen_account ||
			    o->pogingen_adres >= inst->pogingen_adres)) {
		rc = login_afgeremd(s, o, e);
	} else if (rc == RC_OK) {
		bool klopt = false;
		if (o->gevonden)
			klopt = wachtwoord_klopt(o->hash, in->wachtwoord);
		else
			wachtwoord_schijncontrole(in->wachtwoord);
		if (!klopt) {
			o->reden = o->gevonden ? "wachtwoord" : "onbekend";
			o->item_code = "inlog_mislukt";
		} else if (!o->actief) {
			o->reden = "geblokkeerd";
			o->item_code = "inlog_mislukt";
		} else {
			rc = login_tweede_factor(o, e);
		}
		if (rc == RC_OK && !o->reden && wachtwoord_verouderd(o->hash))
			rc = wachtwoord_hash(in->wachtwoord, o->nieuwe_hash, e);
		if (rc == RC_OK && !o->reden) {
			rc = store_tx(s, STORE_WRITE, login_gelukt_tx, o, e);
			if (rc == RC_CONFLICT && o->stap_race) {
				error_clear(e);
				o->reden = "totp_hergebruikt";
				o->item_code = "totp_hergebruikt";
			} else if (rc == RC_OK) {
				sessie_csrf(out->token, out->csrf);
			}
		}
		if (o->reden)
			rc = login_weiger(s, o, e);
	}
	if (rc != RC_OK && rc != RC_TOO_MANY)
		sodium_memzero(out->token, sizeof out->token);
	sodium_memzero(o->nieuwe_hash, sizeof o->nieuwe_hash);
	arena_release(&o->arena);
	free(o);
	return rc;
}

/* ---- sessions -------------------------------------------------------- */

struct identificeer_opdracht {
	const struct sessie_instellingen *inst;
	const char *hash;
	const char *adres;
	int64_t nu;
	struct arena arena;
	struct store_rows rows;
	const char *verlopen;   /* reason, or NULL */
	char actor[96];
};

static rc_t identificeer_lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct identificeer_opdracht *o = ctx;
	return store_sessie_by_hash(s, o->hash, &o->arena, &o->rows, e);
}

/* Deletes an expired session (or records an unknown one) with its audit
 * record. */
static rc_t identificeer_weiger_tx(struct store *s, void *ctx, struct error *e)
{
	struct identificeer_opdracht *o = ctx;
	rc_t rc = RC_OK;
	char object[48] = "";
	if (o->rows.nrows == 1) {
		int64_t id = store_int(&o->rows, 0, 0, 0);
		snprintf(object, sizeof object, "sessie/%" PRId64, id);
		rc = store_sessie_delete(s, id, e);
	}
	if (rc == RC_OK)
		rc = audit_in_tx(s, o->actor, o->rows.nrows == 1 ? "sessie.verlopen" : "sessie.onbekend",
				 object, "geweigerd", json_pack("{s:s}", "reden", o->verlopen), e);
	return rc;
}

static rc_t identificeer_aanraken_tx(struct store *s, void *ctx, struct error *e)
{
	struct identificeer_opdracht *o = ctx;
	return store_sessie_touch(s, store_int(&o->rows, 0, 0, 0), o->nu, e);
}

rc_t sessie_identificeer(struct store *s, const struct sessie_instellingen *inst,
			 const char *token, const char *adres, int64_t nu_unix_s,
			 struct arena *arena, struct principal *who, struct error *e)
{
	char hash[65] = "";
	struct identificeer_opdracht o = {.inst = inst, .hash = hash, .adres = adres, .nu = nu_unix_s};
	snprintf(o.actor, sizeof o.actor, "anoniem@%s", adres ? adres : "?");
	arena_init(&o.arena, ARENA_RIJ_BYTES);
	rc_t rc = RC_OK;
	if (sessie_token_vorm(token)) {
		token_hash(token, hash);
		rc = store_tx(s, STORE_READ, identificeer_lees_tx, &o, e);
	}
	if (rc == RC_OK) {
		int64_t laatst = store_int(&o.rows, 0, 1, 0), verloopt = store_int(&o.rows, 0, 2, 0);
		if (o.rows.nrows != 1)
			o.verlopen = "onbekend";
		else if (store_int(&o.rows, 0, 6, 0) != 1)
			o.verlopen = "geblokkeerd";
		else if (nu_unix_s >= verloopt)
			o.verlopen = "absoluut";
		else if (nu_unix_s - laatst >= inst->inactief_s)
			o.verlopen = "inactief";
	}
	if (rc == RC_OK && o.verlopen) {
		struct error ae;
		error_clear(&ae);
		rc = store_tx(s, STORE_WRITE, identificeer_weiger_tx, &o, &ae);
		if (rc != RC_OK)
			*e = ae;
		else
			rc = error_set(e, RC_UNAUTHENTICATED, o.rows.nrows == 1
				       ? "Uw sessie is verlopen; log opnieuw in."
				       : "Deze sessie bestaat niet (meer); log opnieuw in.");
	} else if (rc == RC_OK) {
		/* Written at most once a minute (or every half idle time when
		 * that is shorter), so a session ends between inactief_s minus
		 * that interval and inactief_s after its last use. */
		int64_t interval = inst->inactief_s < 2 * SESSIE_AANRAKEN_S ? inst->inactief_s / 2
									    : SESSIE_AANRAKEN_S;
		if (nu_unix_s - store_int(&o.rows, 0, 1, 0) >= interval)
			rc = store_tx(s, STORE_WRITE, identificeer_aanraken_tx, &o, e);
		int64_t gebruiker = store_int(&o.rows, 0, 3, 0);
		*who = (struct principal){
			.account_id = gebruiker,
			.organisatie_id = store_int(&o.rows, 0, 4, 0),
			.roles = (unsigned)store_int(&o.rows, 0, 5, 0),
			.actor = arena_printf(arena, "gebruiker:%" PRId64, gebruiker),
			.via_cookie = true,
			.sessie_id = store_int(&o.rows, 0, 0, 0),
		};
		if (rc == RC_OK && !who->actor)
			rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	arena_release(&o.arena);
	return rc;
}

struct beeindig_opdracht {
	const struct principal *who;
};

static rc_t beeindig_tx(struct store *s, void *ctx, struct error *e)
{
	const struct principal *who = ((struct beeindig_opdracht *)ctx)->who;
	rc_t rc = store_sessie_delete(s, who->sessie_id, e);
	char object[48];
	snprintf(object, sizeof object, "sessie/%" PRId64, who->sessie_id);
	if (rc == RC_OK)
		rc = audit_in_tx(s, who->actor, "sessie.logout", object, "gelukt", json_object(), e);
	return rc;
}

rc_t sessie_beeindig(struct store *s, const struct principal *who, struct error *e)
{
	if (!who->via_cookie || who->sessie_id <= 0)
		return error_set(e, RC_FORBIDDEN,
				 "Alleen een sessie kan worden beëindigd; een API-token trekt de beheerder in.");
	struct beeindig_opdracht o = {who};
	return store_tx(s, STORE_WRITE, beeindig_tx, &o, e);
}
