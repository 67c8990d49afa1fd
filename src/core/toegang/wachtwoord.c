/*
 * wachtwoord.c -- the password rule and argon2id hashing. See wachtwoord.h.
 */
#include "core/toegang/wachtwoord.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The most common passwords of 8 characters or more (from public breach
 * top lists) plus the obvious Dutch and local ones. Compared without
 * regard to case. */
static const char *const veelgebruikt[] = {
	"password", "password1", "password123", "12345678", "123456789", "1234567890",
	"11111111", "00000000", "87654321", "qwertyui", "qwerty123", "qwertyuiop",
	"azerty123", "iloveyou", "abc12345", "abcd1234", "1q2w3e4r", "passw0rd",
	"sunshine", "princess", "football", "baseball", "welcome1", "trustno1",
	"wachtwoord", "wachtwoord1", "wachtwoord123", "welkom01", "welkom123",
	"welkomwelkom", "geheim123", "doorbraak", "doorbraak1", "doorbraak123",
	"zorgverzekeraar", "voorjaar2025", "zomer2025", "winter2025",
};

/* Counts the code points of valid UTF-8; -1 when `s` is not valid UTF-8
 * (overlong forms, surrogates and values above U+10FFFF included). */
static long utf8_tekens(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	long n = 0;
	while (*p) {
		unsigned c = *p, len, min;
		if (c < 0x80) { len = 1; min = 0; }
		else if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; c &= 0x1F; }
		else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; c &= 0x0F; }
		else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; c &= 0x07; }
		else return -1;
		for (unsigned i = 1; i < len; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return -1;
			c = (c << 6) | (p[i] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return -1;
		p += len;
		n++;
	}
	return n;
}

rc_t wachtwoord_controleer(const char *wachtwoord, const char *naam, const char *email,
			   const char *field, struct error *e)
{
	size_t before = e ? e->item_count : 0;
	long tekens = wachtwoord ? utf8_tekens(wachtwoord) : -1;
	if (!wachtwoord || tekens < 0) {
		error_add(e, field, "wachtwoord_utf8", NULL, "Het wachtwoord moet geldige UTF-8-tekst zijn.");
	} else if (tekens < WACHTWOORD_MIN_TEKENS) {
		error_add(e, field, "wachtwoord_te_kort", NULL,
			  "Een wachtwoord heeft minstens %d tekens (dit heeft er %ld); een zin van "
			  "een paar woorden is sterk en goed te onthouden.", WACHTWOORD_MIN_TEKENS, tekens);
	} else if (tekens > WACHTWOORD_MAX_TEKENS) {
		error_add(e, field, "wachtwoord_te_lang", NULL,
			  "Een wachtwoord heeft hoogstens %d tekens (dit heeft er %ld).",
			  WACHTWOORD_MAX_TEKENS, tekens);
	} else {
		for (size_t i = 0; i < sizeof veelgebruikt / sizeof veelgebruikt[0]; i++)
			if (strcasecmp(wachtwoord, veelgebruikt[i]) == 0) {
				error_add(e, field, "wachtwoord_veelgebruikt", NULL,
					  "Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden; kies een ander.");
				break;
			}
		if ((naam && strcasecmp(wachtwoord, naam) == 0) ||
		    (email && strcasecmp(wachtwoord, email) == 0))
			error_add(e, field, "wachtwoord_is_naam", NULL,
				  "Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam of het e-mailadres.");
	}
	return e && e->item_count > before ? RC_INVALID : RC_OK;
}

/* The gate: at most WACHTWOORD_GELIJKTIJDIG hashes at once. A caller
 * waits its turn on its own thread; the memory of argon2id is taken only
 * inside the gate, so the process never holds more than the gate allows. */
static pthread_mutex_t poort_slot = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t poort_vrij = PTHREAD_COND_INITIALIZER;
static unsigned poort_bezet;

static void poort_in(void)
{
	pthread_mutex_lock(&poort_slot);
	while (poort_bezet >= WACHTWOORD_GELIJKTIJDIG)
		pthread_cond_wait(&poort_vrij, &poort_slot);
	poort_bezet++;
	pthread_mutex_unlock(&poort_slot);
}

static void poort_uit(void)
{
	pthread_mutex_lock(&poort_slot);
	poort_bezet--;
	pthread_cond_signal(&poort_vrij);
	pthread_mutex_unlock(&poort_slot);
}

unsigned wachtwoord_bezig(void)
{
	pthread_mutex_lock(&poort_slot);
	unsigned n = poort_bezet;
	pthread_mutex_unlock(&poort_slot);
	return n;
}

rc_t wachtwoord_hash(const char *wachtwoord, char out[WACHTWOORD_HASH_MAX], struct error *e)
{
	_Static_assert(WACHTWOORD_HASH_MAX == crypto_pwhash_STRBYTES, "hash buffer size");
	if (sodium_init() < 0)
		return error_set(e, RC_INTERNAL, "libsodium kon niet starten.");
	poort_in();
	int fout = crypto_pwhash_str_alg(out, wachtwoord, strlen(wachtwoord), WACHTWOORD_OPSLIMIT,
					 WACHTWOORD_MEMLIMIT_BYTES, crypto_pwhash_ALG_ARGON2ID13);
	poort_uit();
	if (fout != 0)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen om het wachtwoord te hashen.");
	return RC_OK;
}

bool wachtwoord_klopt(const char *hash, const char *wachtwoord)
{
	if (!hash || !wachtwoord || sodium_init() < 0)
		return false;
	if (strncmp(hash, "$argon2id$", 10) != 0)
		return false;
	poort_in();
	bool klopt = crypto_pwhash_str_verify(hash, wachtwoord, strlen(wachtwoord)) == 0;
	poort_uit();
	return klopt;
}

/* The hash of a random password nobody knows (thrown away when it was
 * made), with the current parameters; wachtwoord_schijncontrole compares
 * against it. A literal, so that the first unknown name costs no more
 * than later ones; test_wachtwoord checks that its parameters are the
 * current ones. */
const char wachtwoord_schijnhash[] =
	"$argon2id$v=19$m=131072,t=3,p=1$v4wNwkEk+LZ2E2wpanMXdQ$8N42zQ4+5z27znpRDgVaZYGl4HQMwFJNyZ+6l6f4PNo";

void wachtwoord_schijncontrole(const char *wachtwoord)
{
	(void)wachtwoord_klopt(wachtwoord_schijnhash, wachtwoord ? wachtwoord : "");
}

bool wachtwoord_verouderd(const char *hash)
{
	if (!hash || sodium_init() < 0)
		return true;
	return crypto_pwhash_str_needs_rehash(hash, WACHTWOORD_OPSLIMIT, WACHTWOORD_MEMLIMIT_BYTES) != 0;
}
