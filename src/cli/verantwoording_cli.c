/*
 * verantwoording_cli.c -- `doorbraak verantwoording ...`: what follows the
 * payment, read from the database (docs/verantwoording.md):
 *
 *   verantwoording jaarstaten [--jaar N]              every statement with its judgement
 *   verantwoording rechtsoordeel ID [--pdf BESTAND]   NZa's judgement on statement ID (HTML or PDF)
 *   verantwoording nacalculatie ID [--pdf BESTAND]    the settlement ID as a document
 *   verantwoording export [--jaar N] [--xlsx BESTAND] the settlements as CSV on stdout, or XLSX
 *
 * The CLI reads as the auditor does: everything, nothing written.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/basis/bedrag.h"
#include "core/verantwoording/jaarstaat.h"
#include "core/verantwoording/verantwoording_document.h"
#include "core/verantwoording/verevening.h"

static const struct principal lezer = {.roles = ROL_AUDITOR, .actor = "cli"};

static int gebruik(void)
{
	fprintf(stderr, "doorbraak: gebruik 'doorbraak verantwoording jaarstaten [--jaar N] | rechtsoordeel ID [--pdf BESTAND] "
		"| nacalculatie ID [--pdf BESTAND] | export [--jaar N] [--xlsx BESTAND]'\n");
	return 2;
}


static int jaarstaten(struct store *s, struct arena *a, int64_t jaar)
{
	struct error e;
	error_clear(&e);
	json_t *l = NULL, *x;
	if (jaarstaat_lijst(s, &lezer, jaar, a, &l, &e) != RC_OK)
		return cli_fail(&e);
	size_t i;
	printf("%-6s %-8s %-32s %18s %18s %18s  %s\n", "id", "jaar", "zorgverzekeraar", "betaald", "te vereffenen",
	       "erkend", "rechtsoordeel");
	json_array_foreach(json_object_get(l, "jaarstaten"), i, x) {
		char b[BEDRAG_TEKST_BYTES], t[BEDRAG_TEKST_BYTES], k[BEDRAG_TEKST_BYTES];
		json_t *o = json_object_get(x, "rechtsoordeel");
		printf("%-6" JSON_INTEGER_FORMAT " %-8" JSON_INTEGER_FORMAT " %-32s %18s %18s %18s  %s\n",
		       json_integer_value(json_object_get(x, "id")), json_integer_value(json_object_get(x, "jaar")),
		       json_string_value(json_object_get(x, "verzekeraar_naam")) ? json_string_value(json_object_get(x, "verzekeraar_naam")) : "-",
		       bedrag_tekst(json_integer_value(json_object_get(x, "betaald_cent")), b, sizeof b),
		       bedrag_tekst(json_integer_value(json_object_get(x, "te_vereffenen_cent")), t, sizeof t),
		       o ? bedrag_tekst(json_integer_value(json_object_get(o, "erkend_cent")), k, sizeof k) : "-",
		       o ? json_string_value(json_object_get(o, "oordeel")) : "nog niet geoordeeld");
	}
	json_decref(l);
	return 0;
}

static int document(struct store *s, struct arena *a, bool oordeel, const char *arg, const char *pdf)
{
	char *eind = NULL;
	long long id = strtoll(arg, &eind, 10);
	if (!eind || *eind || id <= 0)
		return gebruik();
	struct error e;
	error_clear(&e);
	const void *data = NULL;
	size_t len = 0;
	const char *naam = NULL;
	rc_t rc = oordeel ? rechtsoordeel_document(s, &lezer, id, pdf != NULL, a, &data, &len, &naam, &e)
			  : verevening_document(s, &lezer, id, pdf != NULL, a, &data, &len, &naam, &e);
	if (rc != RC_OK)
		return cli_fail(&e);
	return cli_uitvoer(pdf, data, len, naam);
}

static int exporteer(struct store *s, struct arena *a, int64_t jaar, const char *xlsx)
{
	struct error e;
	error_clear(&e);
	if (!xlsx) {
		const char *csv = NULL;
		size_t len = 0;
		if (verevening_csv(s, &lezer, jaar, a, &csv, &len, &e) != RC_OK)
			return cli_fail(&e);
		fwrite(csv, 1, len, stdout);
		return 0;
	}
	const unsigned char *data = NULL;
	size_t len = 0;
	if (verevening_xlsx(s, &lezer, jaar, a, &data, &len, &e) != RC_OK)
		return cli_fail(&e);
	return cli_uitvoer(xlsx, data, len, "vereveningen");
}

int cmd_verantwoording(struct cli *c)
{
	const char *wat = c->argc > 0 ? c->argv[0] : "";
	int64_t jaar = 0;
	if (!cli_jaar(c, &jaar))
		return 2;
	bool met_id = strcmp(wat, "rechtsoordeel") == 0 || strcmp(wat, "nacalculatie") == 0;
	bool zonder = strcmp(wat, "jaarstaten") == 0 || strcmp(wat, "export") == 0;
	if (!(met_id && c->argc == 2) && !(zonder && c->argc == 1))
		return gebruik();
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	if (store_open(c->database, &s, &e) != RC_OK)
		return cli_fail(&e);
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	int uit = strcmp(wat, "jaarstaten") == 0 ? jaarstaten(s, &a, jaar)
		  : strcmp(wat, "export") == 0 ? exporteer(s, &a, jaar, c->xlsx)
		  : document(s, &a, strcmp(wat, "rechtsoordeel") == 0, c->argv[1], c->pdf);
	arena_release(&a);
	store_close(s);
	return uit;
}
