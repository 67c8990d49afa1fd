/*
 * sociaal_cli.c -- `doorbraak sociaal ...`: the social-domain track from
 * the database (docs/sociaal-domein.md):
 *
 *   sociaal regios                          the current regions
 *   sociaal beschikkingen [--jaar N]         every SPUK decision, with the total
 *   sociaal beschikking ID [--pdf BESTAND]   one decision letter (HTML or PDF)
 *   sociaal voortgang [--periode P] [--xlsx BESTAND]   the progress overview (CSV on stdout)
 *   sociaal regioscan-import BESTAND         import regioscans from CSV (as the programme office)
 *
 * Reading is as the auditor does; the import acts as the programme office
 * with actor "cli" in the audit log.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/basis/bedrag.h"
#include "core/sociaal/sociaal.h"

static const struct principal lezer = {.roles = ROL_AUDITOR, .actor = "cli"};
static const struct principal invoerder = {.roles = ROL_PROGRAMMABUREAU, .actor = "cli"};

static int gebruik(void)
{
	fprintf(stderr, "doorbraak: gebruik 'doorbraak sociaal regios | beschikkingen [--jaar N] | beschikking ID "
		"[--pdf BESTAND] | voortgang [--periode P] [--xlsx BESTAND] | regioscan-import BESTAND'\n");
	return 2;
}


static int regios(struct store *s, struct arena *a)
{
	struct error e;
	error_clear(&e);
	json_t *o = NULL, *r;
	if (sociaal_regios(s, a, &o, &e) != RC_OK)
		return cli_fail(&e);
	printf("regio-indeling versie %" JSON_INTEGER_FORMAT "\n", json_integer_value(json_object_get(o, "regioindeling_versie")));
	printf("%-6s %-32s %-24s %10s %9s\n", "code", "regio", "mandaatgemeente", "inwoners", "gemeenten");
	size_t i;
	json_array_foreach(json_object_get(o, "regios"), i, r)
		printf("%-6s %-32s %-24s %10" JSON_INTEGER_FORMAT " %9zu\n", json_string_value(json_object_get(r, "code")),
		       json_string_value(json_object_get(r, "naam")),
		       json_string_value(json_object_get(json_object_get(r, "mandaatgemeente"), "naam")) ?: "-",
		       json_integer_value(json_object_get(r, "inwoners")), json_array_size(json_object_get(r, "gemeenten")));
	json_decref(o);
	return 0;
}

static int beschikkingen(struct store *s, struct arena *a, int64_t jaar)
{
	struct error e;
	error_clear(&e);
	json_t *o = NULL, *b;
	if (spuk_beschikkingen(s, &lezer, 0, jaar, a, &o, &e) != RC_OK)
		return cli_fail(&e);
	printf("%-6s %-20s %-24s %-6s %18s %18s %18s\n", "id", "kenmerk", "gemeente", "regio", "bedrag", "betaald",
	       "besteed");
	size_t i;
	json_array_foreach(json_object_get(o, "beschikkingen"), i, b) {
		char x[BEDRAG_TEKST_BYTES], y[BEDRAG_TEKST_BYTES], z[BEDRAG_TEKST_BYTES];
		printf("%-6" JSON_INTEGER_FORMAT " %-20s %-24s %-6s %18s %18s %18s\n", json_integer_value(json_object_get(b, "id")),
		       json_string_value(json_object_get(b, "kenmerk")), json_string_value(json_object_get(b, "gemeente")) ?: "-",
		       json_string_value(json_object_get(b, "regio")) ?: "-",
		       bedrag_tekst(json_integer_value(json_object_get(b, "bedrag_cent")), x, sizeof x),
		       bedrag_tekst(json_integer_value(json_object_get(b, "betaald_cent")), y, sizeof y),
		       bedrag_tekst(json_integer_value(json_object_get(b, "besteed_cent")), z, sizeof z));
	}
	char t[BEDRAG_TEKST_BYTES];
	printf("totaal %s\n", bedrag_tekst(json_integer_value(json_object_get(o, "totaal_cent")), t, sizeof t));
	json_decref(o);
	return 0;
}

static int beschikking(struct store *s, struct arena *a, const char *arg, const char *pdf)
{
	char *eind = NULL;
	long long id = strtoll(arg, &eind, 10);
	if (!eind || *eind || id <= 0)
		return gebruik();
	struct error e;
	error_clear(&e);
	const void *data = NULL;
	size_t len = 0;
	if (spuk_document(s, &lezer, id, pdf != NULL, a, &data, &len, &e) != RC_OK)
		return cli_fail(&e);
	char wat[48];
	snprintf(wat, sizeof wat, "SPUK-beschikking %lld", id);
	return cli_uitvoer(pdf, data, len, wat);
}

static int voortgang(struct store *s, struct arena *a, const char *periode, const char *xlsx)
{
	struct error e;
	error_clear(&e);
	const char *data = NULL;
	size_t len = 0;
	if (voortgang_export(s, periode, xlsx != NULL, a, &data, &len, &e) != RC_OK)
		return cli_fail(&e);
	return cli_uitvoer(xlsx, data, len, "voortgang");
}

static int importeer(struct store *s, struct arena *a, const char *pad)
{
	struct error e;
	error_clear(&e);
	FILE *f = fopen(pad, "rb");
	if (!f) {
		fprintf(stderr, "doorbraak: kan %s niet lezen\n", pad);
		return rc_exit_code(RC_IO);
	}
	char *buf = arena_alloc(a, (1u << 20) + 1);
	size_t len = buf ? fread(buf, 1, 1u << 20, f) : 0;
	bool te_groot = buf && len == (1u << 20) && fgetc(f) != EOF;
	fclose(f);
	if (!buf || te_groot) {
		fprintf(stderr, "doorbraak: %s is groter dan 1 MiB\n", pad);
		return rc_exit_code(RC_TOO_LARGE);
	}
	json_t *o = NULL;
	if (regioscan_importeer(s, &invoerder, NULL, buf, len, a, &o, &e) != RC_OK)
		return cli_fail(&e);
	printf("%" JSON_INTEGER_FORMAT " regioscans ingevoerd\n", json_integer_value(json_object_get(o, "aantal")));
	json_decref(o);
	return 0;
}

int cmd_sociaal(struct cli *c)
{
	const char *wat = c->argc > 0 ? c->argv[0] : "";
	int64_t jaar = 0;
	if (!cli_jaar(c, &jaar))
		return 2;
	bool met_arg = strcmp(wat, "beschikking") == 0 || strcmp(wat, "regioscan-import") == 0;
	bool zonder = strcmp(wat, "regios") == 0 || strcmp(wat, "beschikkingen") == 0 || strcmp(wat, "voortgang") == 0;
	if (!(met_arg && c->argc == 2) && !(zonder && c->argc == 1))
		return gebruik();
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	if (store_open(c->database, &s, &e) != RC_OK)
		return cli_fail(&e);
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	int uit = strcmp(wat, "regios") == 0 ? regios(s, &a)
		  : strcmp(wat, "beschikkingen") == 0 ? beschikkingen(s, &a, jaar)
		  : strcmp(wat, "voortgang") == 0 ? voortgang(s, &a, c->periode, c->xlsx)
		  : strcmp(wat, "beschikking") == 0 ? beschikking(s, &a, c->argv[1], c->pdf)
		  : importeer(s, &a, c->argv[1]);
	arena_release(&a);
	store_close(s);
	return uit;
}
