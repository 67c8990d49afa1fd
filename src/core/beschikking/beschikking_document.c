/*
 * beschikking_document.c -- the decision document, as HTML and as PDF. See
 * beschikking.h; the rendering is core/basis/document.c.
 *
 * The content, fit to send (issue 18, docs/documenten.md): the head
 * (NZa and its place, the lead as addressee, the insurers in copy, the
 * date in Dutch, reference and subject), the request it answers, the
 * decision, upper bound and its years, the prestaties as the modelplan
 * describes its milestones, the findings with their sources, motivation,
 * the legal basis [001 §7], the signing by the named official who took it
 * and the objection clause (Awb art. 6:7).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_beschikking.h"
#include "core/beschikking/beschikking.h"
#include "core/beschikking/nza_toets.h"
#include "store/store_aanvragen.h"
#include "store/store_catalogus.h"
#include "store/store_partijen.h"
#include "core/basis/bedrag.h"
#include "core/basis/besluitbrief.h"
#include "core/basis/document.h"
#include "core/catalogus/catalogus.h"
#include "core/toegang/namen.h"

/* What the document needs besides the decision, read in one transaction. */
struct partijen_ctx {
	struct arena *a;
	const struct beschikking *b;
	struct store_rows r;               /* rol, naam, id, plaats */
	const char *nza_plaats;
	const char *naam, *functie;        /* the official who took it */
	const char *ingediend_op;          /* the joint request, fully signed */
	json_t *mijlpalen;                 /* the modelplan's milestones: id, naam, omschrijving, kpi */
};

static rc_t partijen_tx(struct store *s, void *ctx, struct error *e)
{
	struct partijen_ctx *c = ctx;
	struct store_rows nza, aanvraag;
	struct nza_aanvraag t;
	const char *mp = NULL;
	rc_t rc = store_beschikking_partijen(s, c->b->aanvraag_id, c->a, &c->r, e);
	if (rc == RC_OK)
		rc = store_organisatie_by_soort(s, "nza", c->a, &nza, e);
	if (rc == RC_OK && nza.nrows == 1)
		c->nza_plaats = store_text(&nza, 0, SO_PLAATS);
	if (rc == RC_OK)
		rc = namen_persoon_tx(s, c->a, c->b->genomen_door, &c->naam, &c->functie, e);
	if (rc == RC_OK)
		rc = nza_aanvraag_lees_tx(s, c->a, c->b->nza_aanvraag_id, 0, &t, e);
	if (rc == RC_OK)
		c->ingediend_op = t.ingediend_op;
	if (rc == RC_OK)
		rc = store_aanvraag_lees(s, c->b->aanvraag_id, false, c->a, &aanvraag, e);
	if (rc == RC_OK && aanvraag.nrows == 1)
		rc = store_modelplan_document(s, store_text(&aanvraag, 0, SA_MODELPLAN),
					      store_int(&aanvraag, 0, SA_MODELPLAN_VERSIE, 0), c->a, &mp, e);
	if (rc == RC_OK && mp) {
		json_t *plan = json_loads(mp, 0, NULL);
		json_decref(c->mijlpalen);
		c->mijlpalen = json_incref(json_object_get(json_object_get(plan, "normen"), "mijlpalen"));
		json_decref(plan);
	}
	return rc;
}

/* The modelplan's milestone `id`, or NULL. */
static json_t *plan_mijlpaal(json_t *mijlpalen, const char *id)
{
	size_t i;
	json_t *m;
	json_array_foreach(mijlpalen, i, m)
		if (id && strcmp(json_string_value(json_object_get(m, "id")) ? json_string_value(json_object_get(m, "id")) : "", id) == 0)
			return m;
	return NULL;
}

/* The name of party `rol` (the first), or NULL; its place in *plaats. */
static const char *partij(const struct store_rows *r, const char *rol, const char **plaats)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (strcmp(store_text(r, i, 0), rol) == 0) {
			if (plaats)
				*plaats = store_text(r, i, 3);
			return store_text(r, i, 1);
		}
	return NULL;
}

static const float KOLOM_2[] = {150, 345};
static const float KOLOM_3[] = {70, 110, 315};
static const float KOLOM_MIJLPAAL[] = {105, 225, 75, 90};
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

static void prestaties(struct document *d, const struct beschikking *b, json_t *plan)
{
	if (strcmp(b->besluit, "verleend") != 0)
		return;
	document_voeg(d, BLOK_KOP, NULL, 1, "Prestaties (mijlpalen)");
	document_voeg(d, BLOK_ALINEA, NULL, 1, "De aparte prestaties zijn de mijlpalen van de transformatie; het "
	     "tarief is vrij en is standaard het geplande bedrag [001 §2], [001 §7].");
	document_voeg(d, BLOK_KOPRIJ, KOLOM_MIJLPAAL, 4, "Mijlpaal", "Wat bereikt is (en hoe dat blijkt)",
		      "Streefdatum", "Gepland bedrag");
	json_t *l = b->mijlpalen ? json_loads(b->mijlpalen, 0, NULL) : NULL;
	size_t i;
	json_t *m;
	json_array_foreach(l, i, m) {
		const char *id = json_string_value(json_object_get(m, "id"));
		const char *sd = json_string_value(json_object_get(m, "streefdatum"));
		json_t *p = plan_mijlpaal(plan, id);
		const char *naam = json_string_value(json_object_get(p, "naam"));
		const char *omschrijving = json_string_value(json_object_get(p, "omschrijving"));
		const char *kpi = json_string_value(json_object_get(p, "kpi"));
		document_voeg(d, BLOK_RIJ, KOLOM_MIJLPAAL, 4,
		     naam ? arena_printf(d->a, "%s. %s", id, naam) : arena_strdup(d->a, id ? id : "-"),
		     omschrijving ? arena_printf(d->a, "%s%s%s", omschrijving, kpi ? " Blijkt uit: " : "", kpi ? kpi : "")
				  : "Zoals beschreven in het modelplan.",
		     sd ? document_datum(d->a, sd) : "-",
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
	static const char nza[] = "Nederlandse Zorgautoriteit (NZa)";
	struct partijen_ctx pc = {.a = a, .b = b};
	rc_t rc = store_tx(s, STORE_READ, partijen_tx, &pc, e);
	if (rc != RC_OK) {
		json_decref(pc.mijlpalen);
		return rc;
	}
	if (!document_begin(d, a, 256)) {
		json_decref(pc.mijlpalen);
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	bool verleend = strcmp(b->besluit, "verleend") == 0;
	const char *aan_plaats = NULL, *penvoerder = partij(&pc.r, "penvoerder", &aan_plaats);
	const char *coord = partij(&pc.r, "coordinerend_verzekeraar", NULL);
	const char *tweede = partij(&pc.r, "tweede_verzekeraar", NULL);
	const char *titel = b->titel ? b->titel : "uw transformatieplan";
	document_voeg(d, BLOK_TITEL, NULL, 1, "Beschikking prestatie doorbraakmiddelen");
	besluitbrief_kop(d, &(struct besluitbrief_kop){
		.afzender = nza, .afzender_plaats = pc.nza_plaats, .aan = penvoerder ? penvoerder : "de penvoerder",
		.aan_plaats = aan_plaats, .aan_rol = "penvoerder namens de zorgaanbieders van de coalitie",
		.afschrift = coord && tweede ? arena_printf(a, "%s (coördinerend zorgverzekeraar) en %s (tweede "
			"zorgverzekeraar)", coord, tweede) : coord,
		.moment = b->genomen_op, .kenmerk = b->kenmerk,
		.onderwerp = arena_printf(a, "%s bovengrens prestatie doorbraakmiddelen: %s",
					  verleend ? "Vaststelling" : "Afwijzing", titel),
	});
	document_voeg(d, BLOK_ALINEA, NULL, 1, arena_printf(a, "%s ontving de NZa de tweezijdige aanvraag van "
	     "u en uw zorgverzekeraar%s voor de impactvolle transformatie \"%s\" (thema %s). Met deze "
	     "beschikking beslist de NZa op die aanvraag [001 §3].",
	     pc.ingediend_op ? arena_printf(a, "Op %s", document_datum(a, pc.ingediend_op)) : "Onlangs",
	     tweede ? "s" : "", titel, catalogus_thema_naam(s, a, b->thema)));
	partijen(d, &pc.r);
	besluit(d, b);
	prestaties(d, b, pc.mijlpalen);
	toetsing(d, b);
	document_voeg(d, BLOK_KOP, NULL, 1, "Motivering");
	document_voeg(d, BLOK_ALINEA, NULL, 1, b->motivering);
	document_voeg(d, BLOK_KOP, NULL, 1, "Wettelijke grondslag");
	document_voeg(d, BLOK_ALINEA, NULL, 1, "Dit besluit berust op artikel 50, tweede lid, aanhef en onder c, van de Wet "
	     "marktordening gezondheidszorg (Wmg): de NZa stelt voor elke impactvolle transformatie voor alle "
	     "betrokken zorgaanbieders één individuele bovengrens vast ter hoogte van de totale (meerjarige) "
	     "aanvraag, op tweezijdige aanvraag van zorgverzekeraars en zorgaanbieders die een overeenkomst voor "
	     "de prestatie hebben gesloten; en op de beleidsregel(s) en regels die de NZa daarvoor vaststelt op "
	     "aanwijzing van de minister van VWS (artikelen 7 en 8 Wmg), voor zorg als bedoeld in artikel 11, "
	     "eerste lid, onderdeel a, van de Zorgverzekeringswet [001 §7].");
	document_voeg(d, BLOK_ALINEA, NULL, 1, "Bronnen: [001] Voorhangbrief prestatie doorbraakmiddelen (28 mei 2026): §2 "
	     "(prestaties per mijlpaal, vrij tarief), §3 (toetspunten a-d, bovengrens, maximaal EUR 600 mln), "
	     "§7 (één bovengrens per transformatie), \"Werkwijze\" (cumulatieve formele voorwaarden). [003] "
	     "Aanvullend Zorg- en Welzijnsakkoord §8b (toets op het per jaar beschikbare bedrag). [002] Nota ter "
	     "beslissing §4.2 (beoordeling en bijsturing vóór de beschikking).");
	besluitbrief_ondertekening(d, nza, pc.naam, pc.functie, b->genomen_door);
	besluitbrief_bezwaar(d, "de Nederlandse Zorgautoriteit (NZa)", pc.nza_plaats);
	json_decref(pc.mijlpalen);
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
