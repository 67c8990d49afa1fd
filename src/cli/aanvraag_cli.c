/*
 * aanvraag_cli.c -- `doorbraak aanvraag ...`: the checks of an
 * application document offline, the applications in a database, and
 * verifying a receipt.
 *
 *   doorbraak aanvraag toets BESTAND [--impactlat A|B|C]
 *       runs every check (docs/aanvraag.md §5) against the catalogue
 *       compiled into the binary, without a database; prints every
 *       finding, the deviations, the route and whether the document can
 *       be submitted. Exit 0: submittable; 1: blocking findings; 2: the
 *       file cannot be read or is structurally invalid (every problem on
 *       stderr). Without
 *       --impactlat the catalogue's chosen bar (none in version 1: T12 is
 *       then for the assessors). Offline there is no register of
 *       organisations: the document's own kinds are taken as given.
 *   doorbraak aanvraag lijst
 *       every application in the database with its state (as the auditor)
 *   doorbraak aanvraag verifieer ONTVANGSTBEWIJS.json
 *       verifies a receipt against the stored version; exit 0 valid, 1 not
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/aanvraag/aanvraag.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/catalogus/catalogus.h"
#include "core/basis/embedded.h"
#include "core/aanvraag/indiening.h"
#include "core/basis/json.h"
#include "core/aanvraag/toets.h"
#include "cli/cli.h"
#include "core/basis/bedrag.h"

#define BESTAND_MAX_BYTES (4u * 1024u * 1024u)

static int gebruik(void)
{
	fprintf(stderr, "doorbraak: gebruik 'doorbraak aanvraag toets BESTAND [--impactlat A|B|C]', "
		"'doorbraak aanvraag lijst' of 'doorbraak aanvraag verifieer ONTVANGSTBEWIJS.json'\n");
	return 2;
}

/* Structural problems: one line each, "BESTAND#pointer: detail (code)". */
static int ongeldig(const char *pad, const struct error *e)
{
	fprintf(stderr, "doorbraak: %s is geen geldig aanvraagdocument (%zu problemen); niets getoetst\n",
		pad, e->item_count + e->items_dropped);
	for (size_t i = 0; i < e->item_count; i++)
		fprintf(stderr, "%s#%s: %s (%s)\n", pad, e->items[i].field, e->items[i].detail, e->items[i].code);
	return 2;
}

static void toon(const char *pad, const struct toets_resultaat *r, const char *lat)
{
	char a[40], b[40];
	printf("%s: %zu bevindingen, impactlat %s\n", pad, r->aantal, lat && *lat ? lat : "niet gekozen");
	for (size_t i = 0; i < r->aantal; i++) {
		const struct toets_bevinding *f = &r->bevindingen[i];
		printf("  %-22s %-13s %s %s%s%s\n", f->check->id, toets_uitkomst_naam(f->resultaat),
		       f->check->blokkerend ? "[blokkerend]" : "            ", f->veld, f->veld[0] ? ": " : "",
		       f->bericht);
	}
	if (r->weggelaten)
		printf("  (en nog %zu bevindingen)\n", r->weggelaten);
	for (size_t i = 0; i < r->afwijkingen.aantal; i++) {
		const struct afwijking *x = &r->afwijkingen.items[i];
		printf("  afwijking %s (%s): %s tegenover norm %s -- %s\n", x->element, x->veld, x->waarde,
		       x->norm, x->toegelicht ? "toegelicht" : "NIET toegelicht");
	}
	printf("gevraagd %s, waarvan scholing en veranderkundige ondersteuning %s\n",
	       bedrag_tekst(r->totalen.gevraagd_cent, a, sizeof a),
	       bedrag_tekst(r->totalen.veranderkundig_cent, b, sizeof b));
	printf("route: %s; %s (%zu blokkerende bevindingen)\n", afwijking_route_naam(r->route),
	       r->indienbaar ? "indienbaar" : "NIET indienbaar", r->blokkerend_aantal);
}

static int toets(struct cli *c, const char *pad)
{
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *doc = NULL, *cat = NULL;
	struct aanvraag aanvraag;
	int uit = 0;
	const struct embedded_file *f = embedded_find(CATALOGUS_STANDAARD);
	struct toets_resultaat *res = arena_alloc(&a, sizeof *res);
	struct modelplan_normen *n = arena_alloc(&a, sizeof *n);
	struct toets_ronde ronde;
	if (json_read_file(pad, BESTAND_MAX_BYTES, &a, &doc, &e) != RC_OK) {
		cli_fail(&e);
		uit = 2;   /* 1 means: blocking findings */
	} else if (aanvraag_lees(doc, &a, &aanvraag, &e) != RC_OK) {
		uit = e.item_count ? ongeldig(pad, &e) : cli_fail(&e);
	} else if (!f || !res || !n || !(cat = json_loadb(f->data, f->size, 0, NULL))) {
		uit = cli_fail(&(struct error){.rc = RC_INTERNAL, .message = "De ingebouwde catalogus ontbreekt."});
	} else if (toets_ronde_lees(cat, c->impactlat, true, &ronde, &e) != RC_OK) {
		fprintf(stderr, "doorbraak: impactlat '%s' bestaat niet; kies A, B of C\n",
			c->impactlat ? c->impactlat : "");
		uit = 2;
	} else {
		json_t *mp = toets_modelplan_zoek(cat, aanvraag.modelplan_id, aanvraag.modelplan_versie);
		if (!mp) {
			fprintf(stderr, "doorbraak: %s: modelplan %s versie %" PRId64 " staat niet in de "
				"ingebouwde catalogus (versie 1)\n", pad, aanvraag.modelplan_id,
				aanvraag.modelplan_versie);
			uit = 2;
		} else if (toets_normen_lees(mp, cat, n, &e) != RC_OK) {
			uit = cli_fail(&e);
		} else {
			struct toets_context ctx = {n, &ronde, NULL, 0};
			if (toets_aanvraag(&aanvraag, &ctx, res) != RC_OK)
				uit = cli_fail(&(struct error){.rc = RC_INTERNAL, .message = "Toetsen mislukt."});
			else {
				toon(pad, res, ronde.impactlat_id);
				uit = res->indienbaar ? 0 : 1;
			}
		}
	}
	json_decref(cat);
	arena_release(&a);
	return uit;
}

static int lijst(struct cli *c)
{
	struct error e;
	error_clear(&e);
	struct store *s = NULL;
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	struct principal auditor = {.roles = ROL_AUDITOR, .actor = "cli"};
	struct aanvraagdossier_filter f = {.limiet = AANVRAAG_PAGINA_MAX};
	struct aanvraagdossier *l = NULL;
	size_t n = 0;
	int uit = 0;
	size_t totaal = 0;
	if (store_open(c->database, &s, &e) != RC_OK)
		uit = cli_fail(&e);
	/* page by page, at most AANVRAAG_PAGINA_MAX at a time */
	for (size_t pagina = 0; uit == 0 && pagina < 1000000; pagina++) {
		if (aanvraagdossier_lijst(s, &a, &auditor, NULL, &f, &l, &n, &e) != RC_OK) {
			uit = cli_fail(&e);
			break;
		}
		for (size_t i = 0; i < n; i++)
			printf("%-17" PRId64 " %-20s ronde %-4" PRId64 " versie %-3" PRId64 " %-28s %s\n", l[i].id,
			       aanvraag_status_naam(l[i].status), l[i].ronde_id, l[i].versie, l[i].toepassingsgebied,
			       l[i].titel ? l[i].titel : "(zonder titel)");
		totaal += n;
		if (n < (size_t)f.limiet)
			break;
		f.na = l[n - 1].id;
		arena_release(&a);
		arena_init(&a, ARENA_VERZOEK_BYTES);
	}
	if (uit == 0)
		printf("%zu aanvragen\n", totaal);
	store_close(s);
	arena_release(&a);
	return uit;
}

static int verifieer(struct cli *c, const char *pad)
{
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	json_t *v = NULL;
	struct ontvangstbewijs b;
	struct store *s = NULL;
	bool geldig = false;
	int uit;
	if (json_read_file(pad, 64u * 1024u, &a, &v, &e) != RC_OK || ontvangstbewijs_lees(v, &b, &e) != RC_OK ||
	    store_open(c->database, &s, &e) != RC_OK || indiening_verifieer(s, &b, &geldig, &e) != RC_OK) {
		uit = cli_fail(&e);
	} else {
		printf("%s: %s\n", pad, geldig ? "geldig: deze versie is zo ingediend en opgeslagen"
					      : "ONGELDIG: geen opgeslagen versie met precies deze gegevens");
		uit = geldig ? 0 : 1;
	}
	store_close(s);
	arena_release(&a);
	return uit;
}

int cmd_aanvraag(struct cli *c)
{
	if (c->argc == 2 && strcmp(c->argv[0], "toets") == 0)
		return toets(c, c->argv[1]);
	if (c->argc == 1 && strcmp(c->argv[0], "lijst") == 0)
		return lijst(c);
	if (c->argc == 2 && strcmp(c->argv[0], "verifieer") == 0)
		return verifieer(c, c->argv[1]);
	return gebruik();
}
