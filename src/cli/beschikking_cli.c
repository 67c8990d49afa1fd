/*
 * beschikking_cli.c -- `doorbraak beschikking document ID [--pdf BESTAND]`:
 * the decision document as HTML on stdout, or as PDF into a file.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/beschikking/beschikking.h"
#include "cli/cli.h"

int cmd_beschikking(struct cli *c)
{
	struct error e;
	error_clear(&e);
	char *eind = NULL;
	long long id = c->argc == 2 ? strtoll(c->argv[1], &eind, 10) : 0;
	if (c->argc != 2 || strcmp(c->argv[0], "document") != 0 || !eind || *eind || id <= 0) {
		fprintf(stderr, "doorbraak: gebruik 'doorbraak beschikking document ID [--pdf BESTAND]'\n");
		return 2;
	}
	struct store *s = NULL;
	if (store_open(c->database, &s, &e) != RC_OK)
		return cli_fail(&e);
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	struct beschikking b;
	rc_t rc = beschikking_lees(s, &a, id, &b, &e);
	if (rc == RC_NOT_FOUND)
		error_set(&e, RC_NOT_FOUND, "Beschikking %lld bestaat niet.", id);
	const char *html = NULL;
	const unsigned char *pdf = NULL;
	size_t len = 0;
	if (rc == RC_OK && c->pdf)
		rc = beschikking_document_pdf(s, &a, &b, &pdf, &len, &e);
	else if (rc == RC_OK)
		rc = beschikking_document_html(s, &a, &b, &html, &len, &e);
	store_close(s);
	int uit = 0;
	if (rc != RC_OK) {
		uit = cli_fail(&e);
	} else {
		char wat[96];
		snprintf(wat, sizeof wat, "beschikking %s", b.kenmerk);
		uit = cli_uitvoer(c->pdf, c->pdf ? (const void *)pdf : (const void *)html, len, wat);
	}
	arena_release(&a);
	return uit;
}
