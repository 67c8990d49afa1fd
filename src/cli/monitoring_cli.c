/*
 * monitoring_cli.c -- `doorbraak monitoring ...`: monitoring and open data
 * from the database (docs/monitoring.md):
 *
 *   monitoring signalen [--peildatum D]         every signal on day D (default today), one per line
 *   monitoring opendata                         the open data of every honoured plan as CSV on stdout
 *   monitoring kwartaalrapport [--peildatum D] [--pdf BESTAND]   the quarterly report (HTML on stdout, or PDF)
 *
 * Reading as the auditor does (every project).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/monitoring/monitoring.h"

static const struct principal lezer = {.roles = ROL_AUDITOR, .actor = "cli"};

static int gebruik(void)
{
	fprintf(stderr, "doorbraak: gebruik 'doorbraak monitoring signalen [--peildatum JJJJ-MM-DD] | opendata | "
		"kwartaalrapport [--peildatum JJJJ-MM-DD] [--pdf BESTAND]'\n");
	return 2;
}

static int signalen(struct store *s, struct arena *a, int64_t dag)
{
	struct error e;
	error_clear(&e);
	json_t *o = NULL, *x;
	if (signalen_lijst(s, &lezer, dag, false, 0, 0, a, &o, &e) != RC_OK)
		return cli_fail(&e);
	printf("signalen op %s\n", json_string_value(json_object_get(o, "peildatum")));
	size_t i;
	json_array_foreach(json_object_get(o, "signalen"), i, x)
		printf("%-22s %-28s %-8s %s %s\n", json_string_value(json_object_get(x, "kenmerk")),
		       json_string_value(json_object_get(x, "sleutel")),
		       json_is_true(json_object_get(x, "erkend")) ? "erkend" : "open",
		       json_string_value(json_object_get(x, "omschrijving")), json_string_value(json_object_get(x, "bron")));
	printf("%zu signalen\n", json_array_size(json_object_get(o, "signalen")));
	json_decref(o);
	return 0;
}

static int opendata(struct store *s, struct arena *a)
{
	struct error e;
	error_clear(&e);
	json_t *l = NULL;
	if (opendata_plannen(s, a, &l, &e) != RC_OK)
		return cli_fail(&e);
	opendata_csv(stdout, l);
	json_decref(l);
	return 0;
}

static int kwartaalrapport(struct store *s, struct arena *a, int64_t dag, const char *pdf)
{
	struct error e;
	error_clear(&e);
	const void *data = NULL;
	size_t len = 0;
	if (kwartaalrapport_document(s, dag, pdf != NULL, a, &data, &len, &e) != RC_OK)
		return cli_fail(&e);
	return cli_uitvoer(pdf, data, len, "kwartaalrapportage");
}

int cmd_monitoring(struct cli *c)
{
	const char *wat = c->argc == 1 ? c->argv[0] : "";
	if (strcmp(wat, "signalen") != 0 && strcmp(wat, "opendata") != 0 && strcmp(wat, "kwartaalrapport") != 0)
		return gebruik();
	int64_t dag = klok_vandaag(NULL);
	if (c->peildatum && !klok_datum_lees(c->peildatum, &dag)) {
		fprintf(stderr, "doorbraak: --peildatum is een datum JJJJ-MM-DD, niet '%s'\n", c->peildatum);
		return 2;
	}
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	if (store_open(c->database, &s, &e) != RC_OK)
		return cli_fail(&e);
	struct arena a;
	arena_init(&a, ARENA_REKENEN_BYTES);
	int uit = strcmp(wat, "signalen") == 0 ? signalen(s, &a, dag)
		  : strcmp(wat, "opendata") == 0 ? opendata(s, &a)
		  : kwartaalrapport(s, &a, dag, c->pdf);
	arena_release(&a);
	store_close(s);
	return uit;
}
