/* test_wachtwoord.c -- the password rule and argon2id hashing with its
 * parameters (the time a verification takes is measured in
 * bench/wachtwoord.c). */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "core/toegang/wachtwoord.h"
#include "harness.h"

static const char *first_code(const char *w, const char *naam, const char *email)
{
	static struct error e;
	error_clear(&e);
	if (wachtwoord_controleer(w, naam, email, "/wachtwoord", &e) == RC_OK)
		return "ok";
	return e.items[0].code;
}

TEST(length_from_8_to_128_characters)
{
	CHECK(strcmp(first_code("kort123", NULL, NULL), "wachtwoord_te_kort") == 0);
	CHECK(strcmp(first_code("", NULL, NULL), "wachtwoord_te_kort") == 0);
	CHECK(strcmp(first_code("paard batterij", NULL, NULL), "ok") == 0);
	CHECK(strcmp(first_code("abcdefgh", NULL, NULL), "ok") == 0); /* no composition rules */
	char lang[400];
	memset(lang, 'x', 128);
	lang[128] = '\0';
	CHECK(strcmp(first_code(lang, NULL, NULL), "ok") == 0);
	lang[128] = 'x';
	lang[129] = '\0';
	CHECK(strcmp(first_code(lang, NULL, NULL), "wachtwoord_te_lang") == 0);
	/* Characters, not bytes: 8 two-byte characters are 8 characters. */
	CHECK(strcmp(first_code("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", NULL, NULL), "ok") == 0);
	CHECK(strcmp(first_code("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", NULL, NULL), "wachtwoord_te_kort") == 0);
	/* 128 three-byte characters are allowed, 129 are not. */
	for (int i = 0; i < 129; i++)
		memcpy(lang + 3 * i, "\xe2\x82\xac", 3);
	lang[3 * 128] = '\0';
	CHECK(strcmp(first_code(lang, NULL, NULL), "ok") == 0);
	lang[3 * 128] = '\xe2';
	lang[3 * 129] = '\0';
	CHECK(strcmp(first_code(lang, NULL, NULL), "wachtwoord_te_lang") == 0);
}

TEST(invalid_utf8_common_and_own_name_refused)
{
	CHECK(strcmp(first_code("abc\xff" "defgh", NULL, NULL), "wachtwoord_utf8") == 0);
	CHECK(strcmp(first_code("\xc0\xafxxxxxxxx", NULL, NULL), "wachtwoord_utf8") == 0); /* overlong */
	CHECK(strcmp(first_code("Wachtwoord", NULL, NULL), "wachtwoord_veelgebruikt") == 0);
	CHECK(strcmp(first_code("12345678", NULL, NULL), "wachtwoord_veelgebruikt") == 0);
	CHECK(strcmp(first_code("jansen.piet", "jansen.piet", NULL), "wachtwoord_is_naam") == 0);
	CHECK(strcmp(first_code("piet@example.org", "piet", "Piet@example.org"), "wachtwoord_is_naam") == 0);
}

TEST(hash_verify_and_parameters)
{
	struct error e;
	error_clear(&e);
	char hash[WACHTWOORD_HASH_MAX], hash2[WACHTWOORD_HASH_MAX];
	CHECK(wachtwoord_hash("paard batterij nietje", hash, &e) == RC_OK);
	CHECK(strncmp(hash, "$argon2id$v=19$m=131072,t=3,p=1$", 32) == 0);
	CHECK(wachtwoord_hash("paard batterij nietje", hash2, &e) == RC_OK);
	CHECK(strcmp(hash, hash2) != 0); /* a fresh salt each time */
	CHECK(wachtwoord_klopt(hash, "paard batterij nietje"));
	CHECK(!wachtwoord_klopt(hash, "paard batterij nietjes"));
	CHECK(!wachtwoord_klopt("$2y$10$geen-argon", "x"));
	CHECK(!wachtwoord_klopt(NULL, "x"));
	CHECK(!wachtwoord_verouderd(hash));
	CHECK(!wachtwoord_verouderd(wachtwoord_schijnhash)); /* same parameters as real hashes */
	CHECK(wachtwoord_verouderd("$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
				   "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"));
}

/* One login costs one verification, and an unknown account costs the same:
 * the dummy hash carries exactly the parameters of a real one, and the
 * dummy check really verifies against it (it refuses even the empty
 * password, so it is not a shortcut). How long a verification takes is a
 * number for bench/wachtwoord.c, never an assertion here. */
TEST(unknown_account_costs_one_real_verification)
{
	struct error e;
	error_clear(&e);
	char hash[WACHTWOORD_HASH_MAX];
	CHECK(wachtwoord_hash("paard batterij nietje", hash, &e) == RC_OK);
	const char *prefix = "$argon2id$v=19$m=131072,t=3,p=1$";
	CHECK(strncmp(wachtwoord_schijnhash, prefix, strlen(prefix)) == 0);
	CHECK(strncmp(hash, prefix, strlen(prefix)) == 0);
	CHECK(strlen(wachtwoord_schijnhash) == strlen(hash)); /* same salt and output lengths */
	CHECK(!wachtwoord_klopt(wachtwoord_schijnhash, ""));
	CHECK(!wachtwoord_klopt(wachtwoord_schijnhash, "paard batterij nietje"));
	CHECK(WACHTWOORD_OPSLIMIT == 3u && WACHTWOORD_MEMLIMIT_BYTES == 128u * 1024u * 1024u);
}

/* Six verifications started at once: never more than the gate's number
 * are inside it together (each holds 128 MiB), and the gate is really used
 * to its width (two at a time, not one after another). Every waiting
 * verification still finishes with the right answer. */
static const char *gate_hash;
static _Atomic unsigned gate_klopt;

static void *gate_verifieer(void *arg)
{
	(void)arg;
	if (wachtwoord_klopt(gate_hash, "paard batterij nietje"))
		gate_klopt++;
	return NULL;
}

TEST(at_most_the_gate_hashes_at_once)
{
	struct error e;
	error_clear(&e);
	static char hash[WACHTWOORD_HASH_MAX];
	CHECK(wachtwoord_hash("paard batterij nietje", hash, &e) == RC_OK);
	gate_hash = hash;
	gate_klopt = 0;
	pthread_t t[6];
	for (size_t i = 0; i < 6; i++)
		CHECK(pthread_create(&t[i], NULL, gate_verifieer, NULL) == 0);
	unsigned hoogst = 0;
	for (int ronde = 0; ronde < 4000 && gate_klopt < 6; ronde++) {
		unsigned nu = wachtwoord_bezig();
		if (nu > hoogst)
			hoogst = nu;
		struct timespec ts = {0, 500000};
		nanosleep(&ts, NULL);
	}
	for (size_t i = 0; i < 6; i++)
		pthread_join(t[i], NULL);
	CHECK(gate_klopt == 6);
	CHECK(hoogst == WACHTWOORD_GELIJKTIJDIG);
	CHECK(wachtwoord_bezig() == 0);
}

int main(void)
{
	RUN(length_from_8_to_128_characters);
	RUN(invalid_utf8_common_and_own_name_refused);
	RUN(hash_verify_and_parameters);
	RUN(unknown_account_costs_one_real_verification);
	RUN(at_most_the_gate_hashes_at_once);
	return HARNESS_END();
}
