/* test_sessie.c -- login, sessions, throttling, TOTP replay, CSRF and
 * blocking, against a fresh SQLite database, with the clock passed in. */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/toegang/gebruiker.h"
#include "core/toegang/organisatie.h"
#include "core/toegang/sessie.h"
#include "core/toegang/totp.h"
#include "harness.h"
#include "testdb.h"

static struct store *db;
static struct sessie_instellingen inst;
static const struct principal beheer = {.actor = "test", .roles = ROL_BEHEERDER};
static int64_t pb_id;
static const int64_t T0 = 1900000000; /* a fixed moment, step-aligned below */

/* Creates an account in the programme office; returns its id and writes
 * its TOTP secret (unless demo). */
static int64_t account(const char *naam, const char *rol, bool demo, unsigned char geheim[20])
{
	struct error e;
	error_clear(&e);
	char email[96];
	snprintf(email, sizeof email, "%s@test.example", naam);
	const char *rollen[] = {rol};
	struct gebruiker_nieuw in = {.organisatie_id = pb_id, .gebruikersnaam = naam, .email = email,
				     .wachtwoord = "paard batterij nietje", .rollen = rollen, .naam = "Tessa Test",
				     .rol_aantal = 1, .demo = demo};
	struct gebruiker_inschrijving uit;
	if (gebruiker_maak(db, &beheer, &in, &uit, &e) != RC_OK)
		return 0;
	if (geheim && !demo)
		CHECK(totp_base32_decode(uit.totp_geheim, geheim, 20) == 20);
	return uit.id;
}

static void code_op(const unsigned char geheim[20], int64_t t, char out[8])
{
	snprintf(out, 8, "%06u", (unsigned)totp_hotp(geheim, 20, (uint64_t)totp_stap(t), 6));
}

static rc_t login(const char *naam, const char *wachtwoord, const char *code, const char *adres,
		  int64_t t, struct sessie_nieuw *out, struct error *e)
{
	error_clear(e);
	struct sessie_login in = {naam, wachtwoord, code, adres, t};
	return sessie_login(db, &inst, &in, out, e);
}

static rc_t wie(const char *token, int64_t t, struct principal *who)
{
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, 1u << 16);
	rc_t rc = sessie_identificeer(db, &inst, token, "10.0.0.1", t, &a, who, &e);
	who->actor = NULL; /* lived in the arena */
	arena_release(&a);
	return rc;
}

TEST(login_with_totp_and_replay_refused)
{
	unsigned char g[20];
	int64_t id = account("tessa", "programmabureau", false, g);
	CHECK(id > 0);
	struct sessie_nieuw s;
	struct error e;
	char code[8];
	code_op(g, T0, code);
	CHECK(login("tessa", "paard batterij nietje", NULL, "10.0.0.1", T0, &s, &e) == RC_UNAUTHENTICATED);
	CHECK(strcmp(e.items[0].code, "totp_vereist") == 0);
	CHECK(login("tessa", "paard batterij nietje", code, "10.0.0.1", T0, &s, &e) == RC_OK);
	CHECK(sessie_token_vorm(s.token) && s.gebruiker_id == id);
	CHECK(s.verloopt_unix_s == T0 + inst.absoluut_s);
	/* The same code again: a replay. */
	CHECK(login("tessa", "paard batterij nietje", code, "10.0.0.1", T0 + 5, &s, &e) == RC_UNAUTHENTICATED);
	CHECK(strcmp(e.items[0].code, "totp_hergebruikt") == 0);
	/* An expired code (two steps old). */
	code_op(g, T0 - 60, code);
	CHECK(login("tessa", "paard batterij nietje", code, "10.0.0.1", T0 + 10, &s, &e) == RC_UNAUTHENTICATED);
	CHECK(strcmp(e.items[0].code, "totp_ongeldig") == 0);
	/* The next step works; the e-mail address is a login name too. */
	code_op(g, T0 + 30, code);
	CHECK(login("TESSA@test.example", "paard batterij nietje", code, "10.0.0.1", T0 + 30, &s, &e) == RC_OK);
}

TEST(no_second_factor_only_in_demo_mode)
{
	CHECK(account("demo1", "bestuur", true, NULL) == 0); /* bestuur does not fit the programme office */
	int64_t id = account("demo2", "programmabureau", true, NULL);
	CHECK(id > 0);
	struct sessie_nieuw s;
	struct error e;
	inst.demo = false;
	CHECK(login("demo2", "paard batterij nietje", NULL, "10.0.0.2", T0, &s, &e) == RC_UNAUTHENTICATED);
	CHECK(strcmp(e.items[0].code, "tweede_factor_ontbreekt") == 0);
	inst.demo = true;
	CHECK(login("demo2", "paard batterij nietje", NULL, "10.0.0.2", T0, &s, &e) == RC_OK);
	inst.demo = false;
}

TEST(wrong_password_and_unknown_name_alike)
{
	struct sessie_nieuw s;
	struct error e1, e2;
	CHECK(login("tessa", "fout wachtwoord", NULL, "10.0.0.3", T0, &s, &e1) == RC_UNAUTHENTICATED);
	CHECK(login("niemand", "fout wachtwoord", NULL, "10.0.0.3", T0, &s, &e2) == RC_UNAUTHENTICATED);
	CHECK(strcmp(e1.message, e2.message) == 0);
	CHECK(strcmp(e1.items[0].code, "inlog_mislukt") == 0 && strcmp(e2.items[0].code, "inlog_mislukt") == 0);
	CHECK(login("", "x", NULL, "10.0.0.3", T0, &s, &e1) == RC_INVALID);
}

TEST(throttled_per_account_then_window_passes)
{
	unsigned char g[20];
	CHECK(account("rob", "programmabureau", false, g) > 0);
	struct sessie_nieuw s;
	struct error e;
	for (int i = 0; i < 5; i++)
		CHECK(login("rob", "fout", NULL, "10.0.1.1", T0 + i, &s, &e) == RC_UNAUTHENTICATED);
	char code[8];
	code_op(g, T0 + 10, code);
	/* Even the right password and code are refused now. */
	CHECK(login("rob", "paard batterij nietje", code, "10.0.1.2", T0 + 10, &s, &e) == RC_TOO_MANY);
	/* Exactly until the oldest failure (T0) leaves the window: T0 + window - (T0 + 10). */
	CHECK(s.opnieuw_na_s == inst.pogingen_venster_s - 10);
	/* The e-mail address is the same account. */
	CHECK(login("rob@test.example", "fout", NULL, "10.0.1.3", T0 + 11, &s, &e) == RC_TOO_MANY);
	/* After the window the right credentials work again. */
	int64_t later = T0 + inst.pogingen_venster_s + 30;
	code_op(g, later, code);
	CHECK(login("rob", "paard batterij nietje", code, "10.0.1.2", later, &s, &e) == RC_OK);
}

TEST(throttled_per_address)
{
	struct sessie_nieuw s;
	struct error e;
	inst.pogingen_adres = 4;
	for (int i = 0; i < 4; i++) {
		char naam[32];
		snprintf(naam, sizeof naam, "onbekend%d", i);
		CHECK(login(naam, "fout", NULL, "10.9.9.9", T0 + i, &s, &e) == RC_UNAUTHENTICATED);
	}
	CHECK(login("tessa", "paard batterij nietje", "000000", "10.9.9.9", T0 + 5, &s, &e) == RC_TOO_MANY);
	CHECK(strstr(e.message, "adres") != NULL);
	inst.pogingen_adres = 20;
}

TEST(idle_and_absolute_timeouts_and_logout)
{
	int64_t id = account("ida", "programmabureau", true, NULL);
	struct sessie_nieuw s;
	struct error e;
	struct principal who;
	inst.demo = true;
	CHECK(login("ida", "paard batterij nietje", NULL, "10.0.2.1", T0, &s, &e) == RC_OK);
	CHECK(wie(s.token, T0 + 10, &who) == RC_OK && who.account_id == id && who.via_cookie);
	CHECK(who.organisatie_id == pb_id && who.roles == ROL_PROGRAMMABUREAU);
	/* Used within the idle time, again and again: still valid. */
	CHECK(wie(s.token, T0 + inst.inactief_s - 1, &who) == RC_OK);
	CHECK(wie(s.token, T0 + 2 * inst.inactief_s - 2, &who) == RC_OK);
	/* Idle too long: gone, and stays gone. */
	CHECK(wie(s.token, T0 + 3 * inst.inactief_s, &who) == RC_UNAUTHENTICATED);
	CHECK(wie(s.token, T0 + 3 * inst.inactief_s + 1, &who) == RC_UNAUTHENTICATED);
	/* Absolute: active all the time, still ends after absoluut_s. */
	CHECK(login("ida", "paard batterij nietje", NULL, "10.0.2.1", T0, &s, &e) == RC_OK);
	int64_t t = T0;
	for (int i = 0; i < 100 && t + inst.inactief_s / 2 < T0 + inst.absoluut_s; i++) {
		t += inst.inactief_s / 2;
		CHECK(wie(s.token, t, &who) == RC_OK);
	}
	CHECK(wie(s.token, T0 + inst.absoluut_s, &who) == RC_UNAUTHENTICATED);
	/* Logout ends the session on the server. */
	CHECK(login("ida", "paard batterij nietje", NULL, "10.0.2.1", T0, &s, &e) == RC_OK);
	CHECK(wie(s.token, T0 + 1, &who) == RC_OK);
	who.actor = "test";
	error_clear(&e);
	CHECK(sessie_beeindig(db, &who, &e) == RC_OK);
	CHECK(wie(s.token, T0 + 2, &who) == RC_UNAUTHENTICATED);
	/* Garbage is no session. */
	CHECK(wie("not-a-token", T0, &who) == RC_UNAUTHENTICATED);
	CHECK(wie(NULL, T0, &who) == RC_UNAUTHENTICATED);
	inst.demo = false;
}

TEST(new_token_every_login)
{
	struct sessie_nieuw a, b;
	struct error e;
	inst.demo = true;
	CHECK(login("ida", "paard batterij nietje", NULL, "10.0.2.1", T0, &a, &e) == RC_OK);
	CHECK(login("ida", "paard batterij nietje", NULL, "10.0.2.1", T0, &b, &e) == RC_OK);
	CHECK(strcmp(a.token, b.token) != 0 && strcmp(a.csrf, b.csrf) != 0);
	inst.demo = false;
}

TEST(blocking_ends_every_session)
{
	int64_t id = account("bas", "programmabureau", true, NULL);
	struct sessie_nieuw a, b;
	struct error e;
	struct principal who;
	inst.demo = true;
	CHECK(login("bas", "paard batterij nietje", NULL, "10.0.3.1", T0, &a, &e) == RC_OK);
	CHECK(login("bas", "paard batterij nietje", NULL, "10.0.3.2", T0, &b, &e) == RC_OK);
	CHECK(wie(a.token, T0 + 1, &who) == RC_OK && wie(b.token, T0 + 1, &who) == RC_OK);
	struct gebruiker_wijziging w = {.actief_gezet = true, .actief = false};
	error_clear(&e);
	CHECK(gebruiker_wijzig(db, &beheer, id, &w, &e) == RC_OK);
	CHECK(wie(a.token, T0 + 2, &who) == RC_UNAUTHENTICATED);
	CHECK(wie(b.token, T0 + 2, &who) == RC_UNAUTHENTICATED);
	CHECK(login("bas", "paard batterij nietje", NULL, "10.0.3.1", T0 + 3, &a, &e) == RC_UNAUTHENTICATED);
	/* An administrator cannot block themselves. */
	struct principal zelf = {.actor = "test", .account_id = id, .roles = ROL_BEHEERDER};
	w.actief = true;
	error_clear(&e);
	CHECK(gebruiker_wijzig(db, &beheer, id, &w, &e) == RC_OK);
	w.actief = false;
	error_clear(&e);
	CHECK(gebruiker_wijzig(db, &zelf, id, &w, &e) == RC_CONFLICT);
	inst.demo = false;
}

TEST(csrf_token_bound_to_session)
{
	char t1[SESSIE_TOKEN_HEX] = "00112233445566778899aabbccddeeff";
	char t2[SESSIE_TOKEN_HEX] = "00112233445566778899aabbccddeefe";
	char c1[SESSIE_CSRF_HEX], c2[SESSIE_CSRF_HEX];
	sessie_csrf(t1, c1);
	sessie_csrf(t2, c2);
	CHECK(strlen(c1) == 64 && strcmp(c1, c2) != 0);
	CHECK(sessie_csrf_klopt(t1, c1));
	CHECK(!sessie_csrf_klopt(t1, c2));
	CHECK(!sessie_csrf_klopt(t1, NULL));
	CHECK(!sessie_csrf_klopt(t1, ""));
	CHECK(!sessie_csrf_klopt(NULL, c1));
	c1[63] = c1[63] == '0' ? '1' : '0';
	CHECK(!sessie_csrf_klopt(t1, c1));
}

TEST(object_checks_deny_by_default)
{
	struct principal anoniem = {.roles = ROL_PUBLIEK};
	struct principal aanvrager = {.account_id = 5, .organisatie_id = 8, .roles = ROL_AANVRAGER};
	struct principal auditor = {.account_id = 6, .organisatie_id = 1, .roles = ROL_AUDITOR};
	struct principal token = {.organisatie_id = 9, .roles = ROL_BEOORDELAAR, .via_token = true};
	CHECK(!toegang_mag_organisatie(&anoniem, 8));
	CHECK(!toegang_mag_organisatie(NULL, 8));
	CHECK(toegang_mag_organisatie(&aanvrager, 8));
	CHECK(!toegang_mag_organisatie(&aanvrager, 9));
	CHECK(!toegang_mag_organisatie(&aanvrager, 0));
	CHECK(toegang_mag_organisatie(&auditor, 9));
	CHECK(toegang_mag_organisatie(&token, 9) && !toegang_mag_organisatie(&token, 8));
	const int64_t partijen[] = {3, 9, 12};
	CHECK(toegang_mag_een_van(&token, partijen, 3));
	CHECK(!toegang_mag_een_van(&aanvrager, partijen, 3));
	CHECK(!toegang_mag_een_van(&token, NULL, 0));
}

TEST(roles_must_fit_the_organisation)
{
	CHECK(organisatie_rol_past("zorgaanbieder", ROL_AANVRAGER));
	CHECK(!organisatie_rol_past("zorgaanbieder", ROL_BEOORDELAAR));
	CHECK(organisatie_rol_past("zorgverzekeraar", ROL_BEOORDELAAR));
	CHECK(organisatie_rol_past("programmabureau", ROL_BEHEERDER));
	CHECK(!organisatie_rol_past("zorgverzekeraar", ROL_BEHEERDER));
	CHECK(organisatie_rol_past("nza", ROL_AUDITOR));
	CHECK(!organisatie_rol_past("gemeente", ROL_AUDITOR));
	CHECK(!organisatie_rol_past("onbekend", ROL_AANVRAGER));
	CHECK(!organisatie_rol_past("gemeente", 0));
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	char pad[128];
	if (!(db = testdb_tijdelijk("test_sessie", pad, sizeof pad)))
		return 1;
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, 1u << 16);
	struct organisatie pb;
	if (organisatie_vast_orgaan(db, &a, "programmabureau", &pb, &e) != RC_OK) {
		printf("not ok - setup: %s\n", e.message);
		return 1;
	}
	pb_id = pb.id;
	arena_release(&a);
	sessie_instellingen_standaard(&inst);
	RUN(login_with_totp_and_replay_refused);
	RUN(no_second_factor_only_in_demo_mode);
	RUN(wrong_password_and_unknown_name_alike);
	RUN(throttled_per_account_then_window_passes);
	RUN(throttled_per_address);
	RUN(idle_and_absolute_timeouts_and_logout);
	RUN(new_token_every_login);
	RUN(blocking_ends_every_session);
	RUN(csrf_token_bound_to_session);
	RUN(object_checks_deny_by_default);
	RUN(roles_must_fit_the_organisation);
	store_close(db);
	for (const char *suffix = ""; suffix;) {
		char f[160];
		snprintf(f, sizeof f, "%s%s", pad, suffix);
		unlink(f);
		suffix = strcmp(suffix, "") == 0 ? "-wal" : strcmp(suffix, "-wal") == 0 ? "-shm" : NULL;
	}
	return HARNESS_END();
}
