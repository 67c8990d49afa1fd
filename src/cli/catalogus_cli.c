/*
 * catalogus_cli.c -- `doorbraak catalogus ...`: show, validate and
 * publish the catalogue from the command line.
 *
 *   doorbraak catalogus toon [ONDERDEEL] [--versie N]
 *       ONDERDEEL: fondsen, themas, toepassingsgebieden, basiseisen,
 *       modelplannen, impactlatten, basisfunctionaliteiten,
 *       referentiecijfers; without it an overview. --versie names the
 *       catalogue version (default the newest).
 *   doorbraak catalogus valideer BESTAND
 *       exit 0 and "geldig", or a one-line summary and every problem as
 *       "bestand#pointer: detail [bron] (code)" on stderr, exit 2
 *   doorbraak catalogus publiceer BESTAND
 *       a catalogue or modelplan document (by its "soort"); prints the
 *       new version; the audit actor is "cli"
 */
#include <stdio.h>
#include <string.h>

#include "core/basis/bedrag.h"
#include "core/catalogus/catalogus.h"
#include "core/basis/json.h"
#include "cli/cli.h"

/* Prints a refusal: the summary, then one line per problem. Returns the
 * exit code; a document with problems always exits 2 when `twee`. */
static int problemen(const struct error *e, bool twee)
{
	fprintf(stderr, "doorbraak: %s\n", e->message[0] ? e->message : rc_title(e->rc));
	for (size_t i = 0; i < e->item_count; i++) {
		const struct error_item *it = &e->items[i];
		fprintf(stderr, "%s: %s%s%s (%s)\n", it->field, it->detail, it->bron[0] ? " " : "",
			it->bron, it->code);
	}
	if (e->items_dropped)
		fprintf(stderr, "(en nog %zu problemen)\n", e->items_dropped);
	if (twee && e->item_count > 0)
		return 2;
	return rc_exit_code(e->rc == RC_OK ? RC_INTERNAL : e->rc);
}

static rc_t lees_bestand(const char *pad, json_t **doc, struct error *e)
{
	return json_read_file(pad, CATALOGUS_MAX_BYTES, NULL, doc, e);
}

static int valideer(const char *pad)
{
	struct error e;
	error_clear(&e);
	json_t *doc = NULL;
	if (lees_bestand(pad, &doc, &e) != RC_OK)
		return problemen(&e, true);
	rc_t rc = catalogus_valideer(doc, pad, &e);
	json_decref(doc);
	if (rc != RC_OK)
		return problemen(&e, true);
	printf("%s: geldig\n", pad);
	return 0;
}

static int publiceer(struct cli *c, const char *pad)
{
	struct error e;
	error_clear(&e);
	json_t *doc = NULL;
	if (lees_bestand(pad, &doc, &e) != RC_OK)
		return problemen(&e, true);
	struct store *s = NULL;
	int schema = 0;
	struct catalogus_publicatie p = {.bestand = pad, .actor = "cli"};
	struct catalogus_publicatie_resultaat res;
	rc_t rc = store_open(c->database, &s, &e);
	if (rc == RC_OK)
		rc = store_migrate(s, &schema, &e);
	if (rc == RC_OK)
		rc = catalogus_publiceer_met(s, doc, &p, &res, &e);
	store_close(s);
	json_decref(doc);
	if (rc != RC_OK)
		return e.item_count ? problemen(&e, false) : cli_fail(&e);
	if (strcmp(res.soort, "modelplan") == 0)
		printf("modelplan %s versie %lld gepubliceerd (bij catalogusversie %lld)\n",
		       res.modelplan_id, (long long)res.versie, (long long)res.catalogusversie);
	else
		printf("catalogusversie %lld gepubliceerd (%lld nieuwe modelplanversies)\n",
		       (long long)res.versie, (long long)res.nieuwe_modelplanversies);
	return 0;
}

/* ---- toon ------------------------------------------------------------- */

/* "EUR 275.000.000,00" from cents (bedrag_tekst), or "nog niet vastgesteld". */
static const char *euro(char out[40], json_t *v)
{
	if (!json_is_integer(v)) {
		snprintf(out, 40, "nog niet vastgesteld");
		return out;
	}
	return bedrag_tekst((int64_t)json_integer_value(v), out, 40);
}

/* "35" or "34,5" from thousandths (duizendsten_tekst), or "onbekend". */
static const char *milli(char out[32], json_t *v)
{
	if (!json_is_integer(v)) {
		snprintf(out, 32, "onbekend");
		return out;
	}
	return duizendsten_tekst((int64_t)json_integer_value(v), out, 32);
}

static const char *tekst(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static long long geheel(json_t *o, const char *k) { return (long long)json_integer_value(json_object_get(o, k)); }

static void lijst_tekst(json_t *arr, char *out, size_t n)
{
	size_t o = 0, i;
	json_t *v;
	out[0] = '\0';
	json_array_foreach(arr, i, v)
		if (o < n)
			o += (size_t)snprintf(out + o, n - o, "%s%s", i ? ", " : "", json_string_value(v));
}

static void toon_tranches(json_t *houder, const char *inspring)
{
	size_t i;
	json_t *t;
	char a[40];
	json_array_foreach(json_object_get(houder, "tranches"), i, t)
		printf("%stranche %lld: %s\n", inspring, geheel(t, "jaar"), euro(a, json_object_get(t, "bedrag_cent")));
	json_t *p = json_object_get(houder, "bestedingsperiode");
	printf("%sbestedingsperiode %lld t/m %lld\n", inspring, geheel(p, "van_jaar"), geheel(p, "tot_en_met_jaar"));
}

static void toon_fondsen(json_t *lijst)
{
	size_t i, j;
	json_t *f, *pot;
	char a[40];
	json_array_foreach(lijst, i, f) {
		printf("%s (%s): %s %s\n", tekst(f, "naam"), tekst(f, "id"),
		       euro(a, json_object_get(f, "totaal_bedrag_cent")), tekst(f, "bron"));
		toon_tranches(f, "  ");
		json_array_foreach(json_object_get(f, "potten"), j, pot) {
			printf("  pot %s -- %s: %s, verdeeld via %s %s\n", tekst(pot, "id"), tekst(pot, "naam"),
			       euro(a, json_object_get(pot, "bedrag_cent")), tekst(pot, "verdeling_via"),
			       tekst(pot, "bron"));
			toon_tranches(pot, "    ");
		}
	}
}

static void toon_item(const char *onderdeel, json_t *it)
{
	char a[40], b[40], m[32], l[512];
	if (strcmp(onderdeel, "themas") == 0) {
		printf("%s -- %s: richtbedrag %s, macrobedrag %s (pot %s) %s\n", tekst(it, "id"),
		       tekst(it, "naam"), euro(a, json_object_get(it, "richtbedrag_cent")),
		       euro(b, json_object_get(it, "macrobedrag_cent")), tekst(it, "pot_id"), tekst(it, "bron"));
	} else if (strcmp(onderdeel, "toepassingsgebieden") == 0) {
		lijst_tekst(json_object_get(it, "sectoren"), l, sizeof l);
		printf("%s -- %s (thema %s; sectoren %s) %s\n", tekst(it, "id"), tekst(it, "naam"),
		       tekst(it, "thema_id"), l, tekst(it, "bron"));
		size_t i;
		json_t *z;
		json_array_foreach(json_object_get(it, "zorgpaden"), i, z)
			printf("  zorgpad %s -- %s\n", tekst(z, "id"), tekst(z, "naam"));
	} else if (strcmp(onderdeel, "basiseisen") == 0) {
		printf("%2lld. %s (Zvw: %s, sociaal domein: %s) %s\n", geheel(it, "volgnummer"),
		       tekst(it, "titel"), json_is_true(json_object_get(it, "geldt_voor_zvw")) ? "ja" : "nee",
		       json_is_true(json_object_get(it, "geldt_voor_sociaal_domein")) ? "ja" : "nee",
		       tekst(it, "bron"));
	} else if (strcmp(onderdeel, "modelplannen") == 0) {
		json_t *n = json_object_get(it, "normen");
		printf("%s versie %lld (%s) -- gebied %s; fte-norm %s per EUR 1 mln; max per aanvraag %s %s\n",
		       tekst(it, "id"), geheel(it, "versie"), tekst(it, "status"),
		       tekst(it, "toepassingsgebied_id"), milli(m, json_object_get(n, "min_fte_per_miljoen_milli")),
		       euro(a, json_object_get(json_object_get(n, "bedragkaders"), "max_per_aanvraag_cent")),
		       tekst(it, "bron"));
	} else if (strcmp(onderdeel, "impactlatten") == 0) {
		printf("%s -- %s: %s fte per EUR 1 mln %s\n", tekst(it, "id"), tekst(it, "naam"),
		       milli(m, json_object_get(it, "fte_per_miljoen_milli")), tekst(it, "bron"));
	} else {
		printf("%s -- %s (pot %s) %s\n", tekst(it, "id"), tekst(it, "naam"), tekst(it, "pot_id"),
		       tekst(it, "bron"));
	}
}

static void toon_referentiecijfers(json_t *r)
{
	size_t i;
	json_t *t;
	char m[32], a[40];
	printf("Gupta-thema's:\n");
	json_array_foreach(json_object_get(r, "gupta_themas"), i, t) {
		json_t *fte = json_object_get(t, "fte_per_miljoen");
		printf("  %s -- %s (%s): fte per EUR 1 mln %s %s\n", tekst(t, "id"), tekst(t, "naam"),
		       tekst(t, "categorie"), json_is_string(json_object_get(fte, "waarde_tekst")) ?
		       tekst(fte, "waarde_tekst") : "onbekend", tekst(t, "bron"));
	}
	json_t *tfp = json_object_get(r, "transformatieplannen");
	printf("Transformatieplannen (%lld opgenomen van %lld genoemd):\n", geheel(tfp, "aantal_opgenomen"),
	       geheel(tfp, "aantal_genoemd"));
	json_array_foreach(json_object_get(tfp, "plannen"), i, t)
		printf("  %s %s (%s): fte per EUR 1 mln %s, investering %s\n", tekst(t, "tfp_nummer"),
		       tekst(t, "naam"), tekst(t, "regio"), milli(m, json_object_get(t, "fte_per_miljoen_milli")),
		       euro(a, json_object_get(t, "investering_cent")));
	printf("Overige cijfers:\n");
	json_array_foreach(json_object_get(r, "overige_cijfers"), i, t)
		printf("  %s %s\n", tekst(t, "id"), tekst(t, "bron"));
	printf("%s\n", tekst(r, "bron"));
}

static void toon_onderdeel(const char *onderdeel, json_t *uit)
{
	json_t *items = json_object_get(uit, onderdeel);
	printf("Catalogusversie %lld -- %s\n", geheel(uit, "catalogusversie"), onderdeel);
	if (strcmp(onderdeel, "fondsen") == 0) {
		toon_fondsen(items);
		return;
	}
	if (strcmp(onderdeel, "referentiecijfers") == 0) {
		toon_referentiecijfers(items);
		return;
	}
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
		toon_item(onderdeel, it);
	json_t *amb = json_object_get(uit, "ambitie");
	if (amb) {
		const char *gekozen = json_string_value(json_object_get(uit, "gekozen_impactlat_id"));
		printf("gekozen impactlat: %s\n", gekozen ? gekozen : "nog niet gekozen");
		printf("ambitie: %s%lld personen, %s%lld fte %s\n",
		       json_is_true(json_object_get(amb, "arbeidsbesparing_personen_is_minimum")) ? "minimaal " : "",
		       geheel(amb, "arbeidsbesparing_personen"),
		       json_is_true(json_object_get(amb, "arbeidsbesparing_fte_is_benadering")) ? "ca. " : "",
		       geheel(amb, "arbeidsbesparing_fte"), tekst(amb, "bron"));
	}
}

/* The overview: one line per collection with its size. */
static int toon_overzicht(struct store *s, int64_t versie, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	const char *text = NULL;
	int64_t gelezen = 0;
	rc_t rc = catalogus_document(s, versie, &a, &text, &gelezen, e);
	json_t *doc = rc == RC_OK ? json_loads(text, 0, NULL) : NULL;
	arena_release(&a);
	if (!doc)
		return rc == RC_OK ? (error_set(e, RC_INTERNAL, "Onleesbare catalogus."), -1) : -1;
	char b[40];
	json_t *fonds = json_object_get(doc, "fonds");
	printf("Catalogusversie %lld, gepubliceerd op %s %s\n", (long long)gelezen,
	       tekst(doc, "gepubliceerd_op"), tekst(doc, "bron"));
	printf("  fonds: %s, %s\n", tekst(fonds, "naam"), euro(b, json_object_get(fonds, "totaal_bedrag_cent")));
	static const char *const delen[] = {"potten", "themas", "sectoren", "toepassingsgebieden",
		"regels", "basiseisen", "modelplannen", "impactlatten", "basisfunctionaliteiten",
		"termijnen", NULL};
	for (size_t i = 0; delen[i]; i++)
		printf("  %s: %zu\n", delen[i], json_array_size(json_object_get(doc, delen[i])));
	printf("Toon een onderdeel met 'doorbraak catalogus toon ONDERDEEL'.\n");
	json_decref(doc);
	return 0;
}

static int catalogus_toon(struct cli *c, const char *onderdeel)
{
	struct error e;
	error_clear(&e);
	int64_t versie = 0;
	if (c->versie && !catalogus_versie_parse(c->versie, &versie)) {
		fprintf(stderr, "doorbraak: --versie verwacht een catalogusversie (1, 2, ...), niet '%s'\n",
			c->versie);
		return 2;
	}
	bool bekend = !onderdeel;
	for (size_t i = 0; onderdeel && catalogus_onderdelen[i]; i++)
		bekend = bekend || strcmp(onderdeel, catalogus_onderdelen[i]) == 0;
	if (!bekend) {
		fprintf(stderr, "doorbraak: onbekend onderdeel '%s'; kies fondsen, themas, "
			"toepassingsgebieden, basiseisen, modelplannen, impactlatten, "
			"basisfunctionaliteiten of referentiecijfers\n", onderdeel);
		return 2;
	}
	struct store *s = NULL;
	int schema = 0;
	rc_t rc = store_open(c->database, &s, &e);
	if (rc == RC_OK)
		rc = store_schema_version(s, &schema, &e);
	if (rc == RC_OK && schema < store_latest_schema_version())
		rc = error_set(&e, RC_NOT_FOUND, "De database %s is niet bijgewerkt; draai eerst "
			       "'doorbraak init'.", c->database);
	json_t *uit = NULL;
	int fout = 0;
	if (rc == RC_OK && !onderdeel)
		fout = toon_overzicht(s, versie, &e);
	else if (rc == RC_OK)
		rc = catalogus_lijst(s, versie, onderdeel, NULL, &uit, &e);
	store_close(s);
	if (rc != RC_OK || fout)
		return cli_fail(&e);
	if (uit)
		toon_onderdeel(onderdeel, uit);
	json_decref(uit);
	return 0;
}

int cmd_catalogus(struct cli *c)
{
	const char *sub = c->argc > 0 ? c->argv[0] : "";
	if (strcmp(sub, "toon") == 0 && c->argc <= 2)
		return catalogus_toon(c, c->argc == 2 ? c->argv[1] : NULL);
	if (strcmp(sub, "valideer") == 0 && c->argc == 2)
		return valideer(c->argv[1]);
	if (strcmp(sub, "publiceer") == 0 && c->argc == 2)
		return publiceer(c, c->argv[1]);
	fprintf(stderr, "doorbraak: gebruik 'doorbraak catalogus toon [ONDERDEEL] [--versie N]', "
		"'doorbraak catalogus valideer BESTAND' of 'doorbraak catalogus publiceer BESTAND'\n");
	return 2;
}
