/*
 * wachtwoordherstel.c -- reset a forgotten password by e-mail. See
 * wachtwoordherstel.h.
 */
#include "core/toegang/wachtwoordherstel.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/basis/audit.h"
#include "core/basis/klok.h"
#include "core/toegang/gebruiker.h"
#include "core/toegang/wachtwoord.h"
#include "store/store_berichten.h"
#include "store/store_partijen.h"
#include "store/store_toegang.h"

/* SHA-256 of the token as hex: what the store keeps. */
static void token_hash(const char *token, char out[65])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(d, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, d, sizeof d);
}

struct vraag_ctx {
	char email[GEBRUIKER_EMAIL_MAX + 1];
	const char *adres, *basis_url;
	char token[HERSTEL_TOKEN_HEX];
	int64_t opnieuw_na_s;   /* > 0: this address asked too often */
};

static rc_t vraag_tx(struct store *s, void *ctx, struct error *e)
{
	struct vraag_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows r;
	char actor[96], object[48] = "", hash[65];
	snprintf(actor, sizeof actor, "anoniem@%s", c->adres ? c->adres : "?");
	int64_t nu_s = klok_nu_s(NULL), gebruiker = 0, eerder = 0, van_adres = 0, oudste = 0;
	c->opnieuw_na_s = 0;
	const char *adres = c->adres ? c->adres : "?";
	rc_t rc = store_herstelverzoek_aantal(s, adres, nu_s - 3600, &van_adres, &oudste, e);
	if (rc == RC_OK && van_adres >= HERSTEL_PER_ADRES_PER_UUR) {   /* the address, whatever it types */
		c->opnieuw_na_s = oudste + 3600 - nu_s > 0 ? oudste + 3600 - nu_s : 1;
		struct audit_entry ae = {actor, "wachtwoord.herstel_gevraagd", "", "geweigerd",
					 "te veel verzoeken van dit adres in het afgelopen uur"};
		rc = audit_append(s, &ae, e);
		arena_release(&a);
		return rc;
	}
	if (rc == RC_OK)
		rc = store_herstelverzoek_voeg_toe(s, adres, nu_s, nu_s - 3600, e);
	if (rc == RC_OK)
		rc = store_gebruiker_login(s, c->email, &a, &r, e);
	bool bekend = rc == RC_OK && r.nrows == 1 && store_int(&r, 0, 4, 0) == 1 &&
		      strcmp(store_text(&r, 0, 2), c->email) != 0;   /* found by its address, not its name */
	if (bekend) {
		gebruiker = store_int(&r, 0, 0, 0);
		snprintf(object, sizeof object, "gebruiker/%" PRId64, gebruiker);
		rc = store_herstel_aantal(s, gebruiker, nu_s - 3600, &eerder, e);
	}
	const char *waarom = !bekend ? "geen actief account met dit adres" : eerder >= HERSTEL_PER_UUR
				     ? "te vaak gevraagd in het afgelopen uur" : NULL;
	if (rc == RC_OK && !waarom) {
		token_hash(c->token, hash);
		rc = store_herstel_insert(s, gebruiker, hash, nu_s, nu_s + HERSTEL_GELDIG_S, e);
		char tekst[1200], nu[KLOK_TEKST_BYTES];
		klok_nu_tekst(NULL, nu, sizeof nu);
		snprintf(tekst, sizeof tekst, "U (of iemand anders) vroeg een nieuw wachtwoord aan voor uw account bij "
			 "Doorbraakmiddelen. Kies een nieuw wachtwoord via deze link; hij werkt één keer en een half "
			 "uur lang:\n%s/wachtwoord-herstellen#%s\n\nVroeg u dit niet aan? Dan hoeft u niets te doen: uw "
			 "wachtwoord blijft zoals het is. Bij het inloggen blijft uw tweede factor nodig.",
			 c->basis_url, c->token);
		if (rc == RC_OK)
			rc = store_mail_eigen(s, gebruiker, "wachtwoordherstel", "Nieuw wachtwoord voor Doorbraakmiddelen",
					      tekst, nu, nu_s, e);
		sodium_memzero(tekst, sizeof tekst);
	}
	char detail[96];
	snprintf(detail, sizeof detail, "%s", waarom ? waarom : "link verstuurd");
	struct audit_entry ae = {actor, "wachtwoord.herstel_gevraagd", object, waarom ? "geweigerd" : "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	arena_release(&a);
	return rc;
}

rc_t wachtwoordherstel_vraag(struct store *s, const char *email, const char *adres, const char *basis_url,
			     int64_t *opnieuw_na_s, struct error *e)
{
	struct vraag_ctx c = {.adres = adres, .basis_url = basis_url};
	size_t n = email ? strlen(email) : 0;
	if (n < 3 || n > GEBRUIKER_EMAIL_MAX || !strchr(email, '@')) {
		error_add(e, "/email", "ongeldig", NULL, "Vul het e-mailadres van uw account in.");
		return RC_INVALID;
	}
	for (size_t i = 0; i <= n; i++)
		c.email[i] = (char)tolower((unsigned char)email[i]);
	unsigned char ruw[32];
	randombytes_buf(ruw, sizeof ruw);
	sodium_bin2hex(c.token, sizeof c.token, ruw, sizeof ruw);
	sodium_memzero(ruw, sizeof ruw);
	rc_t rc = store_tx(s, STORE_WRITE, vraag_tx, &c, e);
	sodium_memzero(c.token, sizeof c.token);
	if (rc == RC_OK && c.opnieuw_na_s > 0) {
		if (opnieuw_na_s)
			*opnieuw_na_s = c.opnieuw_na_s;
		return error_set(e, RC_TOO_MANY, "Vanaf dit adres is het afgelopen uur te vaak een nieuw wachtwoord "
				 "gevraagd. Probeer het over %lld minuten opnieuw.", (long long)(c.opnieuw_na_s + 59) / 60);
	}
	return rc;
}

struct voltooi_ctx {
	char hash[65];
	const char *adres;
	char nieuwe_hash[WACHTWOORD_HASH_MAX];
	int64_t gebruiker;
	const char *naam, *email, *gebruikersnaam;
	struct arena *a;
};

static rc_t geldig(struct store *s, struct voltooi_ctx *c, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_herstel_geldig(s, c->hash, klok_nu_s(NULL), c->a, &r, e);
	if (rc == RC_OK && (r.nrows == 0 || (c->gebruiker && store_int(&r, 0, SHS_GEBRUIKER, 0) != c->gebruiker))) {
		error_add(e, "/token", "token_ongeldig", NULL, "Deze link is ongeldig, al gebruikt of verlopen. Vraag "
			  "een nieuwe aan via \"Wachtwoord vergeten\".");
		return RC_INVALID;
	}
	if (rc == RC_OK) {
		c->gebruiker = store_int(&r, 0, SHS_GEBRUIKER, 0);
		c->naam = store_text(&r, 0, SHS_NAAM);
		c->email = store_text(&r, 0, SHS_EMAIL);
		c->gebruikersnaam = store_text(&r, 0, SHS_GEBRUIKERSNAAM);
	}
	return rc;
}

static rc_t geldig_tx(struct store *s, void *ctx, struct error *e)
{
	return geldig(s, ctx, e);
}

static rc_t voltooi_tx(struct store *s, void *ctx, struct error *e)
{
	struct voltooi_ctx *c = ctx;
	char nu[KLOK_TEKST_BYTES], object[48], actor[96];
	klok_nu_tekst(NULL, nu, sizeof nu);
	int64_t nu_s = klok_nu_s(NULL), sessies = 0;
	rc_t rc = geldig(s, c, e);   /* again: a second use may have raced */
	if (rc == RC_OK)
		rc = store_gebruiker_set_wachtwoord(s, c->gebruiker, c->nieuwe_hash, nu, e);
	if (rc == RC_OK)
		rc = store_herstel_gebruik(s, c->gebruiker, nu_s, e);
	if (rc == RC_OK)
		rc = store_sessie_delete_gebruiker(s, c->gebruiker, &sessies, e);
	if (rc == RC_OK)
		rc = store_mail_eigen(s, c->gebruiker, "wachtwoord_gewijzigd", "Uw wachtwoord is gewijzigd",
				      "Het wachtwoord van uw account bij Doorbraakmiddelen is zojuist gewijzigd met een "
				      "link uit een herstelmail. Uw open sessies zijn beëindigd. Deed u dit niet zelf? "
				      "Neem dan direct contact op met de beheerder van uw organisatie.", nu, nu_s, e);
	snprintf(object, sizeof object, "gebruiker/%" PRId64, c->gebruiker);
	snprintf(actor, sizeof actor, "anoniem@%s", c->adres ? c->adres : "?");
	char detail[64];
	snprintf(detail, sizeof detail, "{\"sessies_beeindigd\":%" PRId64 "}", sessies);
	struct audit_entry ae = {actor, "wachtwoord.hersteld", object, "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	return rc;
}

rc_t wachtwoordherstel_voltooi(struct store *s, const char *token, const char *wachtwoord, const char *adres,
			       struct error *e)
{
	bool vorm = token && strlen(token) == HERSTEL_TOKEN_HEX - 1;
	for (size_t i = 0; vorm && token[i]; i++)
		vorm = isxdigit((unsigned char)token[i]) && !isupper((unsigned char)token[i]);
	if (!vorm) {
		error_add(e, "/token", "token_ongeldig", NULL, "Deze link is ongeldig, al gebruikt of verlopen. Vraag een "
			  "nieuwe aan via \"Wachtwoord vergeten\".");
		return RC_INVALID;
	}
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct voltooi_ctx c = {.adres = adres, .a = &a};
	token_hash(token, c.hash);
	rc_t rc = store_tx(s, STORE_READ, geldig_tx, &c, e);
	if (rc == RC_OK)
		rc = wachtwoord_controleer(wachtwoord, c.gebruikersnaam, c.email, "/wachtwoord", e);
	if (rc == RC_OK)
		rc = wachtwoord_hash(wachtwoord, c.nieuwe_hash, e);
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, voltooi_tx, &c, e);
	sodium_memzero(c.nieuwe_hash, sizeof c.nieuwe_hash);
	arena_release(&a);
	return rc;
}
