/*
 * grootboek_cli.c -- `doorbraak grootboek toon|export|herspeel`: the
 * ledger per pot, theme, year, insurer and project; the hledger journal
 * (for `hledger check -s`, the independent auditor of CI); the replay
 * check (exit 1 when the stored balances do not follow from the log).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/geld/grootboek.h"
#include "core/geld/grootboekoverzicht.h"
#include "cli/cli.h"

static int gebruik(void)
{
	fprintf(stderr, "doorbraak: gebruik 'doorbraak grootboek toon|export BESTAND|herspeel'\n");
	return 2;
}

static int toon(struct store *s, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	struct grootboekoverzicht o;
	rc_t rc = grootboekoverzicht_maak(s, &a, NULL, &o, e);
	if (rc == RC_OK)
		grootboekoverzicht_druk(stdout, &o);
	arena_release(&a);
	return rc == RC_OK ? 0 : cli_fail(e);
}

static int exporteer(struct store *s, const char *pad, struct error *e)
{
	bool stdout_ = strcmp(pad, "-") == 0;
	FILE *f = stdout_ ? stdout : fopen(pad, "w");
	if (!f) {
		fprintf(stderr, "doorbraak: kan %s niet schrijven\n", pad);
		return rc_exit_code(RC_IO);
	}
	rc_t rc = grootboek_hledger(s, f, e);
	if (!stdout_ && fclose(f) != 0 && rc == RC_OK)
		rc = error_set(e, RC_IO, "Kan %s niet schrijven.", pad);
	if (rc != RC_OK)
		return cli_fail(e);
	if (!stdout_)
		printf("grootboek geschreven naar %s (controleer met: hledger check -s -f %s)\n", pad, pad);
	return 0;
}

static int herspeel(struct store *s, struct error *e)
{
	struct grootboek_herspeling h;
	if (grootboek_herspeel(s, &h, e) != RC_OK)
		return cli_fail(e);
	if (!h.klopt) {
		fprintf(stderr, "doorbraak: grootboek klopt niet: %s (boeking %" PRId64 ", rekening %s)\n",
			h.reden, h.boeking_id, h.rekening[0] ? h.rekening : "-");
		return 1;
	}
	printf("grootboek klopt: %" PRId64 " boekingen opnieuw afgespeeld, %" PRId64
	       " rekeningen vergeleken\n", h.boekingen, h.rekeningen);
	return 0;
}

int cmd_grootboek(struct cli *c)
{
	struct error e;
	error_clear(&e);
	if (c->argc < 1)
		return gebruik();
	const char *sub = c->argv[0];
	if (!((strcmp(sub, "toon") == 0 && c->argc == 1) || (strcmp(sub, "export") == 0 && c->argc == 2) ||
	      (strcmp(sub, "herspeel") == 0 && c->argc == 1)))
		return gebruik();
	struct store *s = NULL;
	if (store_open(c->database, &s, &e) != RC_OK)
		return cli_fail(&e);
	int uit = strcmp(sub, "toon") == 0 ? toon(s, &e)
		  : strcmp(sub, "export") == 0 ? exporteer(s, c->argv[1], &e) : herspeel(s, &e);
	store_close(s);
	return uit;
}
