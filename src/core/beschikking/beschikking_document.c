/*
 * beschikking_document.c -- the decision document, as HTML and as PDF. See
 * beschikking.h; the rendering is core/basis/document.c.
 *
 * The content: reference, date, parties, decision, upper bound and its
 * years, prestaties, the findings with their sources, motivation and the
 * sources of law.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_beschikking.h"
#include "core/beschikking/beschikking.h"
#include "core/beschikking/nza_toets.h"
#include "core/basis/bedrag.h"
#include "core/basis/document.h"

struct partijen_ctx {
	struct arena *a;
	int64_t aanvraag_id;
	struct store_rows r;
};

static rc_t partijen_tx(struct store *s, void *ctx, struct error *e)
{
	struct partijen_ctx *c = ctx;
	return store_beschikking_partijen(s, c->aanvraag_id, c->a, &c->r, e);
}

static const float KOLOM_2[] = {150, 345};
static const float KOLOM_3[] = {70, 110, 315};
static const float KOLOM_TOETS[] = {30, 150, 75, 240};

static void partijen(struct document *d, const struct store_rows *r)
{
	static const struct { const char *rol, *naam; } rollen[] = {
		{"penvoerder", "Penvoerder (namens de zorgaanbieders)"},
		{"deelnemer", "Zorgaanbieder in de coalitie"},
		{"coordinerend_verzekeraar", "Coördinerend zorgverzekeraar"},
		{"tweede_verzekeraar", "Tweede zorgverzekeraar"},
	};
	document_voeg(d, BLOK_KOP, NULL, 1, "Partijen");
	for (size_t k = 0; k < sizeof rollen / sizeof rollen[0]; k++)
		for (size_t i = 0; i < r->nrows; i++)
			if (strcmp(store_text(r, i, 0), rollen[k].rol) == 0)
				document_voeg(d, BLOK_RIJ, KOLOM_2, 2, rollen[k].naam, store_text(r, i, 1));
}

static void besluit(struct document *d, const struct beschikking *b)
{
	bool verleend = strcmp(b->besluit, "verleend") == 0;
	document_voeg(d, BLOK_KOP, NULL, 1, "Besluit");
	if (!verleend) {
		document_voeg(d, BLOK_ALINEA, NULL, 1, "De Nederlandse Zorgautoriteit wijst de tweezijdige aanvraag af. "
		     "De reserveringen voor deze aanvraag zijn vrijgegeven; het geld keert terug naar het "
		     "thema en het jaar waaruit het kwam. De redenen staan hieronder.");
		return;
	}
	document_voeg(d, BLOK_ALINEA, NULL, 1, arena_printf(d->a,
	     "De Nederlandse Zorgautoriteit stelt voor deze impactvolle transformatie één individuele "
	     "bovengrens vast voor alle betrokken zorgaanbieders van %s, gelijk aan de totale "
	     "(meerjarige) aanvraag [001 §3], [001 §7]. De som van de tarieven van de prestaties blijft "
	     "binnen deze bovengrens; de zorgverzekeraar betaalt per bereikte mijlpaal [001 §2].",
	     document_bedrag(d->a, b->bovengrens_cent)));
	document_voeg(d, BLOK_KOPRIJ, KOLOM_3, 3, "Jaar", "Bedrag", "");
	for (size_t i = 0; i < b->jaar_aantal; i++)
		document_voeg(d, BLOK_RIJ, KOLOM_3, 3, arena_printf(d->a, "%" PRId64, b->jaren[i].jaar),
		     document_bedrag(d->a, b->jaren[i].bedrag_cent), "");
	document_voeg(d, BLOK_RIJ, KOLOM_3, 3, "Totaal", document_bedrag(d->a, b->bovengrens_cent), "");
}

static void prestaties(struct document *d, const struct beschikking *b)
{
	if (strcmp(b->besluit, "verleend") != 0)
		return;
	document_voeg(d, BLOK_KOP, NULL, 1, "Prestaties (mijlpalen)");
	document_voeg(d, BLOK_ALINEA, NULL, 1, "De aparte prestaties zijn de mijlpalen van de transformatie; het "
	     "tarief is vrij en is standaard het geplande bedrag [001 §2], [001 §7].");
	document_voeg(d, BLOK_KOPRIJ, KOLOM_3, 3, "Mijlpaal", "Streefdatum", "Gepland bedrag");
	json_t *l = b->mijlpalen ? json_loads(b->mijlpalen, 0, NULL) : NULL;
	size_t i;
	json_t *m;
	json_array_foreach(l, i, m) {
		const char *sd = json_string_value(json_object_get(m, "streefdatum"));
		document_voeg(d, BLOK_RIJ, KOLOM_3, 3, arena_strdup(d->a, json_string_value(json_object_get(m, "id"))),
		     sd ? arena_strdup(d->a, sd) : "-",
		     document_bedrag(d->a, json_integer_value(json_object_get(m, "bedrag_cent"))));
	}
	json_decref(l);
}

static void toetsing(struct document *d, const struct beschikking *b)
{
	document_voeg(d, BLOK_KOP, NULL, 1, "Toetsing door de NZa");
	document_voeg(d, BLOK_KOPRIJ, KOLOM_TOETS, 4, "", "Toetspunt", "Uitkomst", "Toelichting en bron");
	json_t *l = b->bevindingen ? json_loads(b->bevindingen, 0, NULL) : NULL;
	size_t i;
	json_t *v;
	json_array_foreach(l, i, v) {
		const char *u = json_string_value(json_object_get(v, "uitkomst"));
		document_voeg(d, BLOK_RIJ, KOLOM_TOETS, 4, arena_strdup(d->a, json_string_value(json_object_get(v, "code"))),
		     arena_strdup(d->a, json_string_value(json_object_get(v, "naam"))),
		     u && strcmp(u, "voldaan") == 0 ? "voldaan" : "niet voldaan",
		     arena_printf(d->a, "%s %s", json_string_value(json_object_get(v, "toelichting")),
				  json_string_value(json_object_get(v, "bron"))));
	}
	json_decref(l);
}

/* Builds the blocks of decision `b`. */
static rc_t opbouwen(struct store *s, struct arena *a, const struct beschikking *b,
		     struct document *d, struct error *e)
{
	struct partijen_ctx pc = {.a = a, .aanvraag_id = b->aanvraag_id};
	rc_t rc = store_tx(s, STORE_READ, partijen_tx, &pc, e);
	if (rc != RC_OK)
		return rc;
	if (!document_begin(d, a, 256))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	document_voeg(d, BLOK_TITEL, NULL, 1, "Beschikking prestatie doorbraakmiddelen");
	document_voeg(d, BLOK_ALINEA, NULL, 1, "Nederlandse Zorgautoriteit (NZa)");
	document_voeg(d, BLOK_RIJ, KOLOM_2, 2, "Kenmerk", b->kenmerk);
	document_voeg(d, BLOK_RIJ, KOLOM_2, 2, "Datum", b->genomen_op);
	document_voeg(d, BLOK_RIJ, KOLOM_2, 2, "Besluit", strcmp(b->besluit, "verleend") == 0
	     ? "bovengrens vastgesteld" : "afgewezen");
	document_voeg(d, BLOK_RIJ, KOLOM_2, 2, "Aanvraag", arena_printf(a, "%s (aanvraag %" PRId64 ", tweezijdige "
	     "aanvraag %" PRId64 ")", b->titel ? b->titel : "-", b->aanvraag_id, b->nza_aanvraag_id));
	document_voeg(d, BLOK_RIJ, KOLOM_2, 2, "Thema", b->thema);
	partijen(d, &pc.r);
	besluit(d, b);
	prestaties(d, b);
	toetsing(d, b);
	document_voeg(d, BLOK_KOP, NULL, 1, "Motivering");
	document_voeg(d, BLOK_ALINEA, NULL, 1, b->motivering);
	document_voeg(d, BLOK_KOP, NULL, 1, "Bronnen");
	document_voeg(d, BLOK_ALINEA, NULL, 1, "[001] Voorhangbrief prestatie doorbraakmiddelen (28 mei 2026): §2 "
	     "(prestaties per mijlpaal, vrij tarief), §3 (toetspunten a-d, bovengrens, maximaal EUR 600 mln), "
	     "§7 (één bovengrens per transformatie), \"Werkwijze\" (cumulatieve formele voorwaarden).");
	document_voeg(d, BLOK_ALINEA, NULL, 1, "[003] Aanvullend Zorg- en Welzijnsakkoord §8b (toets op het per jaar "
	     "beschikbare bedrag). [002] Nota ter beslissing §4.2 (beoordeling en bijsturing vóór de "
	     "beschikking).");
	document_voeg(d, BLOK_ALINEA, NULL, 1, arena_printf(a, "Genomen op %s door %s.", b->genomen_op, b->genomen_door));
	return d->vol ? error_set(e, RC_INTERNAL, "Het document heeft te veel onderdelen.") : RC_OK;
}

rc_t beschikking_document_html(struct store *s, struct arena *arena, const struct beschikking *b,
			       const char **html, size_t *len, struct error *e)
{
	struct document d;
	rc_t rc = opbouwen(s, arena, b, &d, e);
	return rc != RC_OK ? rc : document_html(&d, arena_printf(arena, "Beschikking %s", b->kenmerk), html, len, e);
}

rc_t beschikking_document_pdf(struct store *s, struct arena *arena, const struct beschikking *b,
			      const unsigned char **pdf, size_t *len, struct error *e)
{
	struct document d;
	rc_t rc = opbouwen(s, arena, b, &d, e);
	return rc != RC_OK ? rc : document_pdf(&d, arena_printf(arena, "Beschikking %s", b->kenmerk),
					       "Nederlandse Zorgautoriteit (doorbraak)", pdf, len, e);
}
