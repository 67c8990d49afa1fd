/*
 * verantwoording_document.c -- the judgement and the settlement as
 * documents. See verantwoording_document.h.
 */
#include "core/verantwoording/verantwoording_document.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/besluitbrief.h"
#include "core/basis/document.h"
#include "core/toegang/namen.h"

#define NZA "Nederlandse Zorgautoriteit (NZa)"
#define ZINL "Zorginstituut Nederland"
#include "core/verantwoording/jaarstaat.h"
#include "store/store_beschikking.h"
#include "store/store_verantwoording.h"

static const float KOLOM_2[] = {150, 345};
static const float KOLOM_PROJECTEN[] = {95, 80, 80, 80, 80, 80};
static const float KOLOM_BEVINDINGEN[] = {110, 70, 315};

/* Who may read the document of insurer `verzekeraar` (jaarstaat_lezer):
 * another insurer's is not found. */
static rc_t mag_lezen(const struct principal *who, int64_t verzekeraar, struct error *e)
{
	int64_t eigen = 0;
	rc_t rc = jaarstaat_lezer(who, &eigen, e);
	if (rc == RC_OK && eigen != 0 && eigen != verzekeraar)
		rc = error_set(e, RC_NOT_FOUND, "Dit document bestaat niet.");
	return rc;
}

static rc_t uitvoer(const struct document *d, const char *titel, const char *auteur, bool pdf, const void **data,
		    size_t *len, struct error *e)
{
	if (pdf) {
		const unsigned char *p = NULL;
		rc_t rc = document_pdf(d, titel, auteur, &p, len, e);
		*data = p;
		return rc;
	}
	const char *h = NULL;
	rc_t rc = document_html(d, titel, &h, len, e);
	*data = h;
	return rc;
}

/* ---- the judgement ---------------------------------------------------------- */

struct oordeel_ctx {
	struct arena *a;
	int64_t id;
	struct store_rows js, ro;
	const char *naam, *uzovi;
};

static rc_t oordeel_lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct oordeel_ctx *c = ctx;
	rc_t rc = store_jaarstaat_lees(s, c->id, c->a, &c->js, e);
	if (rc == RC_OK && c->js.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "Jaarstaat %" PRId64 " bestaat niet.", c->id);
	if (rc == RC_OK)
		rc = store_rechtsoordeel_lees(s, c->id, c->a, &c->ro, e);
	if (rc == RC_OK)
		rc = store_organisatie_naam(s, store_int(&c->js, 0, SJS_VERZEKERAAR, 0), c->a, &c->naam, &c->uzovi, e);
	return rc;
}

static const char *oordeel_tekst(const char *o)
{
	return strcmp(o, "plausibel") == 0 ? "plausibel" : strcmp(o, "lager") == 0
	       ? "plausibel voor een lager bedrag" : "niet plausibel";
}

/* The text of member `naam` of `x`, copied into the arena (the blocks
 * outlive the JSON they come from). */
static const char *veld(struct document *d, json_t *x, const char *naam)
{
	const char *t = json_string_value(json_object_get(x, naam));
	return t ? arena_strdup(d->a, t) : "";
}

static void projecten(struct document *d, const char *regels)
{
	json_t *l = json_loads(regels, 0, NULL), *x;
	size_t i;
	document_voeg(d, BLOK_KOP, NULL, 1, "Projecten");
	document_voeg(d, BLOK_KOPRIJ, KOLOM_PROJECTEN, 6, "Beschikking", "Betaald", "Gecorrigeerd", "Teruggevorderd",
		      "Plausibel", "Te vereffenen");
	json_array_foreach(l, i, x) {
		json_t *p = json_object_get(x, "plausibel_cent");
		document_voeg(d, BLOK_RIJ, KOLOM_PROJECTEN, 6, veld(d, x, "kenmerk"),
			      document_bedrag(d->a, json_integer_value(json_object_get(x, "betaald_cent"))),
			      document_bedrag(d->a, json_integer_value(json_object_get(x, "gecorrigeerd_cent"))),
			      document_bedrag(d->a, json_integer_value(json_object_get(x, "teruggevorderd_cent"))),
			      json_is_integer(p) ? document_bedrag(d->a, json_integer_value(p)) : "geen projectjaar",
			      document_bedrag(d->a, json_integer_value(json_object_get(x, "te_vereffenen_cent"))));
	}
	json_decref(l);
}

static void bevindingen(struct document *d, const char *tekst)
{
	json_t *l = json_loads(tekst, 0, NULL), *x;
	size_t i;
	if (json_array_size(l) == 0) {
		json_decref(l);
		return;
	}
	document_voeg(d, BLOK_KOP, NULL, 1, "Bevindingen");
	document_voeg(d, BLOK_KOPRIJ, KOLOM_BEVINDINGEN, 3, "Bevinding", "Bron", "Toelichting");
	json_array_foreach(l, i, x)
		document_voeg(d, BLOK_RIJ, KOLOM_BEVINDINGEN, 3, veld(d, x, "code"), veld(d, x, "bron"), veld(d, x, "tekst"));
	json_decref(l);
}

rc_t rechtsoordeel_document(struct store *s, const struct principal *who, int64_t jaarstaat_id, bool pdf,
			    struct arena *arena, const void **data, size_t *len, const char **naam,
			    struct error *e)
{
	struct oordeel_ctx c = {.a = arena, .id = jaarstaat_id};
	rc_t rc = store_tx(s, STORE_READ, oordeel_lees_tx, &c, e);
	if (rc == RC_OK)
		rc = mag_lezen(who, store_int(&c.js, 0, SJS_VERZEKERAAR, 0), e);
	if (rc == RC_OK && c.ro.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Over jaarstaat %" PRId64 " heeft de NZa nog niet geoordeeld.", jaarstaat_id);
	if (rc != RC_OK)
		return rc;
	int64_t jaar = store_int(&c.js, 0, SJS_JAAR, 0);
	struct document d;
	size_t n = 64;   /* the fixed blocks, then a row per project and finding */
	json_t *r = json_loads(store_text(&c.js, 0, SJS_REGELS), 0, NULL);
	n += json_array_size(r);
	json_decref(r);
	r = json_loads(store_text(&c.ro, 0, SRO_BEVINDINGEN), 0, NULL);
	n += json_array_size(r);
	json_decref(r);
	if (!document_begin(&d, arena, n))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	const char *titel = arena_printf(arena, "Bestuurlijk rechtsoordeel %" PRId64 " %s", jaar, c.naam ? c.naam : "");
	const char *door = store_text(&c.ro, 0, SRO_DOOR), *persoon = NULL, *functie = NULL;
	rc = namen_persoon(s, arena, door, &persoon, &functie, e);
	if (rc != RC_OK)
		return rc;
	document_voeg(&d, BLOK_TITEL, NULL, 1, arena_printf(arena, "Bestuurlijk rechtsoordeel doorbraakmiddelen %" PRId64, jaar));
	besluitbrief_kop(&d, &(struct besluitbrief_kop){
		.afzender = NZA, .afzender_plaats = "Utrecht",
		.aan = arena_printf(arena, "%s (UZOVI %s)", c.naam ? c.naam : "-", c.uzovi ? c.uzovi : "-"),
		.aan_rol = "coördinerend zorgverzekeraar", .moment = store_text(&c.ro, 0, SRO_OP),
		.kenmerk = arena_printf(arena, "Jaarstaat %" PRId64 " over %" PRId64, jaarstaat_id, jaar),
		.onderwerp = arena_printf(arena, "Bestuurlijk rechtsoordeel over de doorbraakmiddelen %" PRId64
					  " (jaarstaat ingediend op %s)", jaar,
					  document_datum(arena, store_text(&c.js, 0, SJS_OP))),
	});
	document_voeg(&d, BLOK_KOP, NULL, 1, "Oordeel");
	document_voeg(&d, BLOK_ALINEA, NULL, 1, arena_printf(arena, "De NZa oordeelt de kosten van de "
		      "doorbraakmiddelen die %s over %" PRId64 " heeft verantwoord %s. Zij erkent %s als vaste kosten "
		      "die in de risicoverevening mogen worden nagecalculeerd.", c.naam ? c.naam : "de zorgverzekeraar",
		      jaar, oordeel_tekst(store_text(&c.ro, 0, SRO_OORDEEL)),
		      document_bedrag(arena, store_int(&c.ro, 0, SRO_ERKEND, 0))));
	document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Betaald per mijlpaal", document_bedrag(arena, store_int(&c.js, 0, SJS_BETAALD, 0)));
	document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Gecorrigeerd", document_bedrag(arena, store_int(&c.js, 0, SJS_GECORRIGEERD, 0)));
	document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Teruggevorderd", document_bedrag(arena, store_int(&c.js, 0, SJS_TERUG, 0)));
	document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Plausibel (verzekeraar)", document_bedrag(arena, store_int(&c.js, 0, SJS_PLAUSIBEL, 0)));
	document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Te vereffenen (jaarstaat)", document_bedrag(arena, store_int(&c.js, 0, SJS_TE_VEREFFENEN, 0)));
	document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Erkend (NZa)", document_bedrag(arena, store_int(&c.ro, 0, SRO_ERKEND, 0)));
	bevindingen(&d, store_text(&c.ro, 0, SRO_BEVINDINGEN));
	document_voeg(&d, BLOK_KOP, NULL, 1, "Motivering");
	document_voeg(&d, BLOK_ALINEA, NULL, 1, store_text(&c.ro, 0, SRO_MOTIVERING));
	projecten(&d, store_text(&c.js, 0, SJS_REGELS));
	document_voeg(&d, BLOK_KOP, NULL, 1, "Grondslag");
	document_voeg(&d, BLOK_ALINEA, NULL, 1, "[001] Voorhangbrief prestatie doorbraakmiddelen (28 mei 2026): §5 "
		      "(alleen werkelijke kosten; de coördinerende zorgverzekeraar toetst op plausibiliteit; de NZa geeft "
		      "jaarlijks per zorgverzekeraar een bestuurlijk rechtsoordeel), §4 (nacalculatie in de "
		      "risicoverevening als vaste kosten). [003] Aanvullend Zorg- en Welzijnsakkoord §8b.");
	besluitbrief_ondertekening(&d, NZA, persoon, functie, door);
	besluitbrief_bezwaar(&d, "de Nederlandse Zorgautoriteit (NZa)", "Utrecht");
	*naam = arena_printf(arena, "rechtsoordeel-%" PRId64 "-%s.%s", jaar, c.uzovi ? c.uzovi : "onbekend",
			     pdf ? "pdf" : "html");
	return uitvoer(&d, titel, "Nederlandse Zorgautoriteit (doorbraak)", pdf, data, len, e);
}

/* ---- the settlement ----------------------------------------------------------- */

struct verevening_ctx {
	struct arena *a;
	int64_t id;
	struct store_rows v, ro, js;
	size_t rij;
	bool gevonden;
};

static rc_t verevening_lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct verevening_ctx *c = ctx;
	rc_t rc = store_verevening_lijst(s, 0, 0, c->a, &c->v, e);
	for (size_t i = 0; rc == RC_OK && i < c->v.nrows; i++)
		if (store_int(&c->v, i, SVV_ID, 0) == c->id) {
			c->rij = i;
			c->gevonden = true;
		}
	if (rc == RC_OK && !c->gevonden)
		return error_set(e, RC_NOT_FOUND, "Verevening %" PRId64 " bestaat niet.", c->id);
	struct store_rows lijst;
	if (rc == RC_OK)   /* the statement of the insurer's year, and its judgement */
		rc = store_jaarstaat_lijst(s, store_int(&c->v, c->rij, SVV_VERZEKERAAR, 0),
					   store_int(&c->v, c->rij, SVV_JAAR, 0), c->a, &lijst, e);
	if (rc == RC_OK && lijst.nrows == 1) {
		c->js = lijst;
		rc = store_rechtsoordeel_lees(s, store_int(&lijst, 0, SJS_ID, 0), c->a, &c->ro, e);
	}
	return rc;
}

rc_t verevening_document(struct store *s, const struct principal *who, int64_t verevening_id, bool pdf,
			 struct arena *arena, const void **data, size_t *len, const char **naam, struct error *e)
{
	struct verevening_ctx c = {.a = arena, .id = verevening_id};
	rc_t rc = store_tx(s, STORE_READ, verevening_lees_tx, &c, e);
	if (rc == RC_OK)
		rc = mag_lezen(who, store_int(&c.v, c.rij, SVV_VERZEKERAAR, 0), e);
	if (rc != RC_OK)
		return rc;
	size_t i = c.rij;
	int64_t jaar = store_int(&c.v, i, SVV_JAAR, 0), bedrag = store_int(&c.v, i, SVV_BEDRAG, 0);
	const char *verzekeraar = store_text(&c.v, i, SVV_NAAM), *uzovi = store_text(&c.v, i, SVV_UZOVI);
	struct document d;
	if (!document_begin(&d, arena, 48))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	const char *titel = arena_printf(arena, "Nacalculatie %" PRId64 " %s", jaar, verzekeraar ? verzekeraar : "");
	const char *door = store_text(&c.v, i, SVV_DOOR), *persoon = NULL, *functie = NULL;
	rc = namen_persoon(s, arena, door, &persoon, &functie, e);
	if (rc != RC_OK)
		return rc;
	document_voeg(&d, BLOK_TITEL, NULL, 1, arena_printf(arena, "Nacalculatie doorbraakmiddelen %" PRId64, jaar));
	besluitbrief_kop(&d, &(struct besluitbrief_kop){
		.afzender = ZINL, .afzender_plaats = "Diemen",
		.aan = arena_printf(arena, "%s (UZOVI %s)", verzekeraar ? verzekeraar : "-", uzovi ? uzovi : "-"),
		.moment = store_text(&c.v, i, SVV_OP), .kenmerk = arena_printf(arena, "Verevening %" PRId64, verevening_id),
		.onderwerp = arena_printf(arena, "Nacalculatie van de doorbraakmiddelen in de risicoverevening %" PRId64, jaar),
	});
	document_voeg(&d, BLOK_KOP, NULL, 1, "Besluit");
	document_voeg(&d, BLOK_ALINEA, NULL, 1, arena_printf(arena, "Het Zorginstituut neemt %s op als vaste kosten "
		      "van %s in de nacalculatie van de risicoverevening over %" PRId64 ". Dat is precies het bedrag dat de "
		      "NZa in haar bestuurlijk rechtsoordeel heeft erkend: de zorgverzekeraar loopt over de "
		      "doorbraakmiddelen geen risico, en het macrobeheersinstrument is niet van toepassing.",
		      document_bedrag(arena, bedrag), verzekeraar ? verzekeraar : "de zorgverzekeraar", jaar));
	document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Nagecalculeerd", document_bedrag(arena, bedrag));
	if (c.ro.nrows == 1) {
		document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Rechtsoordeel NZa", arena_printf(arena, "%s, gegeven op %s",
			      oordeel_tekst(store_text(&c.ro, 0, SRO_OORDEEL)), document_datum(arena, store_text(&c.ro, 0, SRO_OP))));
		document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Erkend", document_bedrag(arena, store_int(&c.ro, 0, SRO_ERKEND, 0)));
	}
	if (c.js.nrows == 1)
		document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Jaarstaat", arena_printf(arena, "%" PRId64 ", ingediend op %s",
			      store_int(&c.js, 0, SJS_ID, 0), document_datum(arena, store_text(&c.js, 0, SJS_OP))));
	const char *boeking = store_text(&c.v, i, SVV_BOEKING);
	document_voeg(&d, BLOK_RIJ, KOLOM_2, 2, "Boeking", boeking ? arena_printf(arena, "%s (zorgverzekeringsfonds -> "
		      "verzekeraar/%s/verevend)", boeking, uzovi ? uzovi : "?") : "geen (nul)");
	document_voeg(&d, BLOK_KOP, NULL, 1, "Grondslag");
	document_voeg(&d, BLOK_ALINEA, NULL, 1, "[001] Voorhangbrief prestatie doorbraakmiddelen (28 mei 2026): §4 "
		      "(de kosten worden als vaste kosten nagecalculeerd in de risicoverevening), §5 (alleen wat de NZa "
		      "plausibel oordeelde), §6 (het macrobeheersinstrument is niet van toepassing). [003] Aanvullend "
		      "Zorg- en Welzijnsakkoord §8b.");
	besluitbrief_ondertekening(&d, ZINL, persoon, functie, door);
	besluitbrief_bezwaar(&d, "Zorginstituut Nederland", "Diemen");
	*naam = arena_printf(arena, "nacalculatie-%" PRId64 "-%s.%s", jaar, uzovi ? uzovi : "onbekend", pdf ? "pdf" : "html");
	return uitvoer(&d, titel, "Zorginstituut Nederland (doorbraak)", pdf, data, len, e);
}
