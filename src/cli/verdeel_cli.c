/*
 * verdeel_cli.c -- `doorbraak verdeel`: a scenario computed on the command
 * line, so that anyone can check the board's numbers independently.
 *
 *   doorbraak verdeel BESTAND [--regel pro-rata|rangorde|optimaal] [--lp UIT] [--json]
 *       reads a scenario document {"scenario", "kandidaten"}
 *       (docs/verdeling.md §2; the "invoer" of GET /verdeelscenarios/{id}),
 *       without a database; --regel replaces the document's rule. Prints
 *       the totals, the budget lines and every application with its
 *       reasons; --json prints the solver's JSON instead, byte for byte
 *       what the API stored for the same input. --lp writes the model in
 *       CPLEX LP format to UIT, for any solver (cbc UIT solve).
 *   doorbraak verdeel --ronde ID [--regel ...] [--seed TEKST] [--lp UIT] [--json]
 *       the same over the positively assessed applications of round ID in
 *       the database, with the parameters of its catalogue (docs/bestuur.md §3).
 *
 * Exit 0 on success; 2 for an unreadable or invalid document (every
 * problem on stderr); 4 when the regional minimums cannot be met.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/aanvraag/aanvraag.h"
#include "core/catalogus/catalogus.h"
#include "core/basis/json.h"
#include "core/verdeling/macrooverzicht.h"
#include "core/verdeling/verdeelscenario.h"
#include "core/verdeling/verdeling.h"
#include "cli/cli.h"
#include "core/basis/bedrag.h"

#define BESTAND_MAX_BYTES (256u * 1024u * 1024u)

static int gebruik(void)
{
	fprintf(stderr, "doorbraak: gebruik 'doorbraak verdeel BESTAND [--regel pro-rata|rangorde|optimaal] "
		"[--lp UIT] [--json]' of 'doorbraak verdeel --ronde ID [--regel ...] [--seed TEKST] "
		"[--lp UIT] [--json]'\n");
	return 2;
}

/* "pro-rata" is the command line's spelling of the rule pro_rata. */
static const char *regel_naam(const char *r)
{
	return r && strcmp(r, "pro-rata") == 0 ? "pro_rata" : r;
}

static void toon_lijnen(const struct verdeling_resultaat *r)
{
	char a[40], b[40];
	printf("Budgetlijnen:\n");
	for (size_t i = 0; i < r->lijn_aantal; i++) {
		const struct verdeling_lijn *l = &r->lijnen[i];
		printf("  %-40s %s van %s%s", l->sleutel, bedrag_tekst(l->gebruikt_cent, a, sizeof a),
		       bedrag_tekst(l->capaciteit_cent, b, sizeof b), l->bindend ? "  [bindend]" : "");
		if (l->marginaal_bekend) {
			char m[32];
			printf("  marginaal %s fte per EUR 1 mln%s",
			       duizendsten_tekst(l->marginaal_milli_per_miljoen, m, sizeof m),
			       l->marginaal_exact ? "" : " (niet bewezen)");
		}
		printf("\n");
	}
}

static void toon_aanvragen(const struct verdeling_resultaat *r)
{
	static const char *const status[] = {"toegekend", "verlaagd", "afgewezen"};
	char a[40], b[40], f[32];
	printf("Aanvragen, in rangorde:\n");
	for (size_t q = 0; q < r->kandidaat_aantal; q++) {
		size_t i = r->rangorde[q];
		const struct verdeling_kandidaat *k = &r->kandidaten[i];
		const struct verdeling_uitkomst *u = &r->uitkomsten[i];
		printf("  %3zu. %s (%s, %s): %s, %s van %s, %s fte\n", u->rang, k->id, k->thema, k->regio,
		       status[u->status], bedrag_tekst(u->toegekend_totaal_cent, a, sizeof a),
		       bedrag_tekst(u->gevraagd_totaal_cent, b, sizeof b),
		       duizendsten_tekst(u->fte_milli, f, sizeof f));
		for (size_t j = 0; j < u->reden_aantal; j++)
			printf("       - %s\n", u->redenen[j].tekst);
	}
}

static void toon(const struct verdeling_resultaat *r)
{
	const struct verdeling_scenario *s = &r->scenario;
	char a[40], b[40], c[40], f[32];
	printf("Verdeelscenario '%s': regel %s, %s\n", s->naam, verdeling_regel_naam(s->regel),
	       VERDELING_REGELVERSIE);
	printf("invoer_hash %s, kandidaten_hash %s, seed '%s'\n", r->invoer_hash, r->kandidaten_hash, s->seed);
	printf("Besteed %s van %s (onbesteed %s); %s fte\n", bedrag_tekst(r->besteed_cent, a, sizeof a),
	       bedrag_tekst(s->fonds_cent, b, sizeof b),
	       bedrag_tekst(r->onbesteed_cent, c, sizeof c), duizendsten_tekst(r->fte_milli, f, sizeof f));
	printf("Aanvragen: %zu toegekend, %zu verlaagd, %zu afgewezen (%zu onder de impactlat)\n", r->toegekend,
	       r->verlaagd, r->afgewezen, r->onder_impactlat);
	for (size_t y = 0; y < s->jaar_aantal; y++)
		printf("  %" PRId64 ": %s\n", s->jaren[y].jaar, bedrag_tekst(r->besteed_jaar_cent[y], a, sizeof a));
	if (s->regel == VERDELING_OPTIMAAL)
		printf("Solver: %s, %" PRIu64 " knopen, bovengrens %s fte, gap %" PRId64 " bp\n",
		       r->solver.bewezen_optimaal ? "bewezen optimaal" : "niet bewezen optimaal", r->solver.knopen,
		       duizendsten_tekst(r->solver.bovengrens_milli, f, sizeof f), r->solver.gap_bp);
	toon_lijnen(r);
	toon_aanvragen(r);
}

/* The document of --ronde ID: the round's positive applications and its
 * catalogue's parameters. */
static int document_uit_database(struct cli *c, struct arena *a, json_t **doc, struct error *e)
{
	int64_t ronde = 0;
	if (!catalogus_versie_parse(c->ronde, &ronde)) {
		fprintf(stderr, "doorbraak: --ronde verwacht het nummer van een indieningsronde\n");
		return 2;
	}
	struct store *s = NULL;
	rc_t rc = store_open(c->database, &s, e);
	struct ronde_stand st;
	if (rc == RC_OK)
		rc = ronde_stand_lees(s, a, ronde, false, &st, e);
	json_t *p = json_pack("{s:s}", "seed", c->seed ? c->seed : "doorbraak-verdeel");
	struct verdeelscenario_invoer in = {.naam = "cli", .ronde_id = ronde,
					    .regel = c->regel ? regel_naam(c->regel) : "optimaal", .parameters = p};
	if (rc == RC_OK)
		rc = verdeelscenario_document(&st, &in, doc, e);
	json_decref(p);
	store_close(s);
	return rc == RC_OK ? 0 : cli_fail(e);
}

static int schrijf_lp(const char *pad, const struct verdeling_scenario *s,
		      const struct verdeling_kandidaat *k, size_t n, struct arena *a, struct error *e)
{
	char *lp = NULL;
	rc_t rc = verdeling_lp(s, k, n, a, &lp, e);
	if (rc != RC_OK)
		return cli_fail(e);
	FILE *f = strcmp(pad, "-") == 0 ? stdout : fopen(pad, "w");
	size_t len = strlen(lp);
	bool ok = f && fwrite(lp, 1, len, f) == len;
	if (f && f != stdout)
		ok = fclose(f) == 0 && ok;
	if (!ok) {
		fprintf(stderr, "doorbraak: %s kan niet worden geschreven\n", pad);
		return 1;
	}
	return 0;
}

static int rekenen(struct cli *c, json_t *doc, struct arena *a, struct error *e)
{
	if (c->regel && json_is_object(json_object_get(doc, "scenario")))
		json_object_set_new(json_object_get(doc, "scenario"), "regel", json_string(regel_naam(c->regel)));
	struct verdeling_scenario s;
	struct verdeling_kandidaat *k = NULL;
	size_t n = 0;
	rc_t rc = verdeling_lees(doc, a, &s, &k, &n, e);
	if (rc != RC_OK)
		return cli_fail(e);
	if (c->lp) {
		int x = schrijf_lp(c->lp, &s, k, n, a, e);
		if (x != 0 || strcmp(c->lp, "-") == 0)
			return x;
	}
	struct verdeling_resultaat *r = NULL;
	rc = verdeling_bereken(&s, k, n, a, &r, e);
	if (rc != RC_OK)
		return cli_fail(e);
	if (c->json) {
		json_t *j = verdeling_json(r);
		const char *t = j ? json_encode(a, j) : NULL;
		json_decref(j);
		if (!t)
			return cli_fail(&(struct error){.rc = RC_NOMEM});
		printf("%s\n", t);
	} else {
		toon(r);
	}
	return 0;
}

int cmd_verdeel(struct cli *c)
{
	if ((c->ronde && c->argc != 0) || (!c->ronde && c->argc != 1))
		return gebruik();
	struct error e;
	error_clear(&e);
	struct arena a;
	arena_init(&a, ARENA_REKENEN_BYTES);
	json_t *doc = NULL;
	int x = 0;
	if (c->ronde) {
		x = document_uit_database(c, &a, &doc, &e);
	} else if (json_read_file(c->argv[0], BESTAND_MAX_BYTES, NULL, &doc, &e) != RC_OK) {
		x = cli_fail(&e);
	}
	if (x == 0)
		x = rekenen(c, doc, &a, &e);
	json_decref(doc);
	arena_release(&a);
	return x;
}
