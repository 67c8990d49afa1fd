/*
 * gebruiker_cli.c -- `doorbraak gebruiker ...`: the first administrator
 * and account management from the command line, and the access settings
 * the `serve` and `init` commands read from the environment.
 *
 *   doorbraak gebruiker maak-beheerder NAAM E-MAIL PERSOON [FUNCTIE]
 *       PERSOON is the person's name, FUNCTIE their function;
 *       password from DOORBRAAK_WACHTWOORD or the first line of stdin;
 *       prints the TOTP secret and otpauth:// URI once
 *   doorbraak gebruiker lijst
 *   doorbraak gebruiker rollen ID ROL...
 *   doorbraak gebruiker blokkeer ID
 *   doorbraak gebruiker deblokkeer ID
 *
 * Every change is an audit record with actor "cli".
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "core/demo/demo.h"
#include "core/toegang/gebruiker.h"
#include "core/toegang/organisatie.h"
#include "core/toegang/sessie.h"
#include "core/toegang/totp.h"
#include "core/toegang/wachtwoord.h"
#include "cli/cli.h"

static const struct principal cli_actor = {.actor = "cli"};

#define SLEUTEL_WAARSCHUWING "DOORBRAAK_SLEUTEL is niet gezet; geheimen van de tweede factor " \
	"worden onversleuteld opgeslagen (zie docs/toegang.md)"

int cli_sleutel_laden(enum cli_melding melding)
{
	const char *hex = getenv("DOORBRAAK_SLEUTEL");
	if (!hex || !*hex) {
		if (melding == CLI_TEKST)
			fprintf(stderr, "doorbraak: waarschuwing: " SLEUTEL_WAARSCHUWING "\n");
		else if (melding == CLI_LOGREGEL)
			fprintf(stderr, "{\"bericht\":\"waarschuwing\",\"detail\":\"" SLEUTEL_WAARSCHUWING "\"}\n");
		return 0;
	}
	struct error e;
	error_clear(&e);
	unsigned char sleutel[TOTP_SLEUTEL_BYTES];
	if (sodium_init() < 0 || totp_sleutel_uit_hex(hex, sleutel, &e) != RC_OK) {
		error_set(&e, RC_INVALID, "DOORBRAAK_SLEUTEL moet uit %d hexadecimale tekens bestaan.",
			  2 * TOTP_SLEUTEL_BYTES);
		return cli_fail(&e);
	}
	totp_sleutel_instellen(sleutel);
	sodium_memzero(sleutel, sizeof sleutel);
	return 0;
}

/* Reads a positive number of seconds or attempts from the environment. */
static int omgeving_getal(const char *naam, int64_t *out)
{
	const char *t = getenv(naam);
	if (!t || !*t)
		return 0;
	char *end;
	long long v = strtoll(t, &end, 10);
	if (*end || v < 1 || v > 10LL * 365 * 24 * 3600) {
		fprintf(stderr, "doorbraak: %s moet een positief geheel getal zijn\n", naam);
		return 2;
	}
	*out = (int64_t)v;
	return 0;
}

int cli_sessie_instellingen(struct sessie_instellingen *out)
{
	memset(out, 0, sizeof *out);
	int rc = omgeving_getal("DOORBRAAK_SESSIE_INACTIEF_S", &out->inactief_s);
	if (!rc)
		rc = omgeving_getal("DOORBRAAK_SESSIE_ABSOLUUT_S", &out->absoluut_s);
	if (!rc)
		rc = omgeving_getal("DOORBRAAK_INLOG_VENSTER_S", &out->pogingen_venster_s);
	if (!rc)
		rc = omgeving_getal("DOORBRAAK_INLOG_MAX_ACCOUNT", &out->pogingen_account);
	if (!rc)
		rc = omgeving_getal("DOORBRAAK_INLOG_MAX_ADRES", &out->pogingen_adres);
	return rc;
}

/* DOORBRAAK_DEMO_VERANTWOORDING=0 leaves out the demo chain after the
 * payment, DOORBRAAK_DEMO_SOCIAAL=0 the social domain's (the test suites
 * build their own worlds; docs/verantwoording.md, docs/sociaal-domein.md). */
static rc_t demo_laad_stap(struct store *s, void *ctx, struct error *e)
{
	(void)ctx;
	const char *v = getenv("DOORBRAAK_DEMO_VERANTWOORDING");
	const char *sd = getenv("DOORBRAAK_DEMO_SOCIAAL");
	rc_t rc = demo_laad(s, !v || strcmp(v, "0") != 0, e);
	if (rc == RC_OK && (!sd || strcmp(sd, "0") != 0))
		rc = sociaal_demo_laad(s, e);
	return rc;
}

int cli_demo_laden(const char *database)
{
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	rc_t rc = store_open(database, &s, &e);
	if (rc == RC_OK) /* several servers starting at once load it one after the other */
		rc = store_opstart(s, demo_laad_stap, NULL, &e);
	store_close(s);
	return rc == RC_OK ? 0 : cli_fail(&e);
}

void cli_demo_afdrukken(void)
{
	printf("demomodus: tweede factor niet verplicht voor de demo-accounts; wachtwoord van elk "
	       "demo-account: %s\n", DEMO_WACHTWOORD);
	for (size_t i = 0; i < demo_account_aantal; i++)
		printf("  %-16s rol %-16s %s\n", demo_accounts[i].gebruikersnaam, demo_accounts[i].rol,
		       demo_accounts[i].organisatie);
	printf("demozorgverzekeraars hebben UZOVI-codes 9001-9003 en demo-AGB-codes beginnen met 99: "
	       "verzonnen, niet echt\n");
	fflush(stdout);
}

/* ---- the gebruiker command ------------------------------------------- */

static int gebruik(void)
{
	fprintf(stderr, "doorbraak: gebruik 'doorbraak gebruiker maak-beheerder NAAM E-MAIL PERSOON [FUNCTIE]', "
		"'gebruiker lijst', 'gebruiker rollen ID ROL...', 'gebruiker blokkeer ID' of "
		"'gebruiker deblokkeer ID'\n");
	return 2;
}

/* The password: DOORBRAAK_WACHTWOORD, else the first line of stdin
 * (asked for without echo when stdin is a terminal). */
static bool wachtwoord_lezen(char *buf, size_t size)
{
	const char *env = getenv("DOORBRAAK_WACHTWOORD");
	if (env) {
		snprintf(buf, size, "%s", env);
		return strlen(env) < size;
	}
	struct termios oud, stil;
	bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &oud) == 0;
	if (terminal) {
		fprintf(stderr, "wachtwoord (8 tot 128 tekens): ");
		stil = oud;
		stil.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &stil);
	}
	char *gelezen = fgets(buf, (int)size, stdin);
	if (terminal) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &oud);
		fprintf(stderr, "\n");
	}
	if (!gelezen)
		return false;
	size_t n = strlen(buf);
	if (n > 0 && buf[n - 1] != '\n' && !feof(stdin))
		return false; /* longer than the buffer */
	buf[strcspn(buf, "\r\n")] = '\0';
	return true;
}

static int maak_beheerder(struct store *s, const char *naam, const char *email, const char *persoon,
			  const char *functie)
{
	struct error e;
	error_clear(&e);
	char wachtwoord[4 * WACHTWOORD_MAX_TEKENS + 8];
	if (!wachtwoord_lezen(wachtwoord, sizeof wachtwoord)) {
		fprintf(stderr, "doorbraak: geef het wachtwoord in DOORBRAAK_WACHTWOORD of op stdin "
			"(hoogstens %d tekens)\n", WACHTWOORD_MAX_TEKENS);
		return 2;
	}
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	struct organisatie pb;
	rc_t rc = organisatie_vast_orgaan(s, &a, "programmabureau", &pb, &e);
	const char *rollen[] = {"beheerder"};
	struct gebruiker_nieuw in = {
		.organisatie_id = pb.id, .gebruikersnaam = naam, .email = email,
		.wachtwoord = wachtwoord, .rollen = rollen, .rol_aantal = 1, .naam = persoon, .functie = functie,
	};
	struct gebruiker_inschrijving uit;
	if (rc == RC_OK)
		rc = gebruiker_maak(s, &cli_actor, &in, &uit, &e);
	sodium_memzero(wachtwoord, sizeof wachtwoord);
	arena_release(&a);
	if (rc != RC_OK)
		return cli_fail(&e);
	printf("beheerder %s aangemaakt (id %" PRId64 ", organisatie %s)\n", naam, uit.id, "programmabureau");
	printf("tweede factor (wordt maar één keer getoond; zet dit nu in een authenticator-app):\n");
	printf("  geheim: %s\n  uri:    %s\n", uit.totp_geheim, uit.totp_uri);
	return 0;
}

static int lijst(struct store *s)
{
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	int64_t na = 0;
	printf("%-6s %-24s %-32s %-6s %-8s %-4s %s\n", "id", "gebruikersnaam", "e-mail", "org", "actief",
	       "2fa", "rollen");
	for (int pagina = 0; pagina < 1000; pagina++) {
		struct gebruiker *g = NULL;
		size_t n = 0;
		if (gebruiker_lijst(s, &a, na, GEBRUIKER_PAGINA_MAX, &g, &n, &e) != RC_OK) {
			arena_release(&a);
			return cli_fail(&e);
		}
		for (size_t i = 0; i < n; i++) {
			const char *namen[GEBRUIKER_ROLLEN_MAX];
			size_t k = gebruiker_rolnamen(g[i].rollen, namen, GEBRUIKER_ROLLEN_MAX);
			printf("%-6" PRId64 " %-24s %-32s %-6" PRId64 " %-8s %-4s", g[i].id, g[i].gebruikersnaam,
			       g[i].email, g[i].organisatie_id, g[i].actief ? "ja" : "nee",
			       g[i].tweede_factor ? "ja" : "nee");
			for (size_t j = 0; j < k; j++)
				printf("%s%s", j ? "," : " ", namen[j]);
			printf("\n");
		}
		if (n < GEBRUIKER_PAGINA_MAX)
			break;
		na = g[n - 1].id;
	}
	arena_release(&a);
	return 0;
}

static bool id_lezen(const char *t, int64_t *out)
{
	char *end;
	long long v = t ? strtoll(t, &end, 10) : 0;
	if (!t || !*t || *end || v < 1) {
		fprintf(stderr, "doorbraak: '%s' is geen account-id\n", t ? t : "");
		return false;
	}
	*out = (int64_t)v;
	return true;
}

static int wijzig(struct store *s, const char *id_tekst, const struct gebruiker_wijziging *w)
{
	struct error e;
	error_clear(&e);
	int64_t id;
	if (!id_lezen(id_tekst, &id))
		return 2;
	if (gebruiker_wijzig(s, &cli_actor, id, w, &e) != RC_OK) {
		if (e.rc == RC_NOT_FOUND)
			error_set(&e, RC_NOT_FOUND, "Account %" PRId64 " bestaat niet.", id);
		return cli_fail(&e);
	}
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct gebruiker g;
	if (gebruiker_lees(s, &a, id, &g, &e) != RC_OK) {
		arena_release(&a);
		return cli_fail(&e);
	}
	const char *namen[GEBRUIKER_ROLLEN_MAX];
	size_t k = gebruiker_rolnamen(g.rollen, namen, GEBRUIKER_ROLLEN_MAX);
	printf("account %" PRId64 " (%s): %s, rollen", g.id, g.gebruikersnaam,
	       g.actief ? "actief" : "geblokkeerd, alle sessies beëindigd");
	for (size_t j = 0; j < k; j++)
		printf("%s%s", j ? "," : " ", namen[j]);
	printf("\n");
	arena_release(&a);
	return 0;
}

int cmd_gebruiker(struct cli *c)
{
	if (c->argc < 1)
		return gebruik();
	const char *sub = c->argv[0];
	bool maak = strcmp(sub, "maak-beheerder") == 0, toon = strcmp(sub, "lijst") == 0;
	bool rollen = strcmp(sub, "rollen") == 0, blokkeer = strcmp(sub, "blokkeer") == 0;
	bool deblokkeer = strcmp(sub, "deblokkeer") == 0;
	if (!((maak && (c->argc == 4 || c->argc == 5)) || (toon && c->argc == 1) || (rollen && c->argc >= 3) ||
	      ((blokkeer || deblokkeer) && c->argc == 2)))
		return gebruik();
	int fout = cli_sleutel_laden(maak ? CLI_TEKST : CLI_STIL);
	if (fout)
		return fout;
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	int versie = 0;
	if (store_open(c->database, &s, &e) != RC_OK || store_migrate(s, &versie, &e) != RC_OK) {
		store_close(s);
		return cli_fail(&e);
	}
	int uitkomst;
	if (maak) {
		uitkomst = maak_beheerder(s, c->argv[1], c->argv[2], c->argv[3], c->argc == 5 ? c->argv[4] : NULL);
	} else if (toon) {
		uitkomst = lijst(s);
	} else if (rollen) {
		struct gebruiker_wijziging w = {.rollen_gezet = true, .rollen = &c->argv[2],
						.rol_aantal = (size_t)(c->argc - 2)};
		uitkomst = wijzig(s, c->argv[1], &w);
	} else {
		struct gebruiker_wijziging w = {.actief_gezet = true, .actief = deblokkeer};
		uitkomst = wijzig(s, c->argv[1], &w);
	}
	store_close(s);
	return uitkomst;
}
