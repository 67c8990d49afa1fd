/*
 * bericht.c -- from an event to the messages of the people it concerns.
 * See bericht.h; docs/berichten.md lists the events and their texts.
 */
#include "core/berichten/bericht.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "core/basis/bedrag.h"
#include "core/basis/document.h"
#include "core/basis/klok.h"
#include "core/toegang/rol.h"
#include "store/store_beschikking.h"
#include "store/store_berichten.h"

#define ONDERWERP_BYTES 400
#define TEKST_BYTES 2000

/* What one event is about: the application and its parties. */
struct over {
	int64_t aanvraag_id, penvoerder_id, coordinerend_id, tweede_id;
	const char *titel;
};

/* The moment and the transaction all messages of one event share. */
struct gebeurtenis {
	struct store *s;
	const struct audit_entry *ae;
	struct arena *a;
	char nu[KLOK_TEKST_BYTES];
	int64_t nu_s;
};

/* One message to the accounts holding `rollen` in organisation `org` (0:
 * every organisation); nothing when `org` is unknown (-1). */
static rc_t stuur(struct gebeurtenis *g, int64_t org, unsigned rollen, const char *soort, const char *onderwerp,
		  const char *tekst, const char *pad, struct error *e)
{
	if (org < 0)
		return RC_OK;
	return store_bericht_voor(g->s, org, rollen, 0, soort, onderwerp, tekst, pad, g->nu, g->nu_s, NULL, e);
}

/* Reads what object `id` of kind `soort` is about (store_bericht_over):
 * *o from its first row, *r every row with the kind's extra columns. */
static rc_t lees_over(struct gebeurtenis *g, enum store_bericht_object soort, int64_t id, struct over *o,
		      struct store_rows *r, struct error *e)
{
	rc_t rc = store_bericht_over(g->s, soort, id, g->a, r, e);
	if (rc != RC_OK)
		return rc;
	if (r->nrows == 0)
		return error_set(e, RC_INTERNAL, "Het object van een bericht bestaat niet.");
	o->aanvraag_id = store_int(r, 0, SBO_ID, 0);
	o->titel = store_text(r, 0, SBO_TITEL);
	o->penvoerder_id = store_int(r, 0, SBO_PENVOERDER, -1);
	o->coordinerend_id = store_int(r, 0, SBO_COORDINEREND, -1);
	o->tweede_id = store_int(r, 0, SBO_TWEEDE, -1);
	return RC_OK;
}

static const char *org_naam(struct gebeurtenis *g, int64_t id)
{
	const char *naam = NULL, *uzovi = NULL;
	struct error stil;
	error_clear(&stil);
	if (id <= 0 || store_organisatie_naam(g->s, id, g->a, &naam, &uzovi, &stil) != RC_OK || !naam)
		return "een organisatie";
	return naam;
}

/* The text of a detail field (the audit record's JSON), or "". */
static const char *detail_tekst(json_t *d, const char *sleutel)
{
	const char *t = json_string_value(json_object_get(d, sleutel));
	return t ? t : "";
}

/* The application and version of an object "aanvraag/<id>/versie/<n>"
 * with its parties; *gevonden false (RC_OK) for another object. */
static rc_t over_versie(struct gebeurtenis *g, long long *id, int *versie, struct over *o, bool *gevonden,
			struct error *e)
{
	struct store_rows r;
	*gevonden = sscanf(g->ae->object, "aanvraag/%lld/versie/%d", id, versie) == 2;
	return *gevonden ? lees_over(g, SBO_AANVRAAG, *id, o, &r, e) : RC_OK;
}

static rc_t bij_indiening(struct gebeurtenis *g, struct error *e)
{
	long long id = 0;
	int versie = 0;
	bool gevonden = false;
	struct over o;
	rc_t rc = over_versie(g, &id, &versie, &o, &gevonden, e);
	if (rc != RC_OK || !gevonden)
		return rc;
	char onderwerp[ONDERWERP_BYTES], tekst[TEKST_BYTES], pad[64];
	snprintf(onderwerp, sizeof onderwerp, "Nieuwe aanvraag te beoordelen: %.200s", o.titel);
	snprintf(tekst, sizeof tekst, "%s heeft versie %d van de aanvraag \"%.300s\" ingediend. Uw organisatie "
		 "beoordeelt haar als zorgverzekeraar; de twee zorgverzekeraars beoordelen elk afzonderlijk "
		 "[002 §4.2].", org_naam(g, o.penvoerder_id), versie, o.titel);
	snprintf(pad, sizeof pad, "/beoordelingen/%lld", id);
	rc = stuur(g, o.coordinerend_id, ROL_BEOORDELAAR, "aanvraag_ingediend", onderwerp, tekst, pad, e);
	if (rc == RC_OK && o.tweede_id != o.coordinerend_id)
		rc = stuur(g, o.tweede_id, ROL_BEOORDELAAR, "aanvraag_ingediend", onderwerp, tekst, pad, e);
	return rc;
}

static rc_t bij_beoordeling(struct gebeurtenis *g, struct error *e)
{
	long long id = 0;
	int versie = 0;
	bool gevonden = false;
	struct over o;
	rc_t rc = over_versie(g, &id, &versie, &o, &gevonden, e);
	if (rc != RC_OK || !gevonden)
		return rc;
	json_t *d = json_loads(g->ae->detail ? g->ae->detail : "", 0, NULL);
	const char *oordeel = detail_tekst(d, "oordeel");
	const char *wie = org_naam(g, (int64_t)json_integer_value(json_object_get(d, "verzekeraar")));
	const char *als = strcmp(detail_tekst(d, "rol"), "coordinerend") == 0 ? "coördinerende" : "tweede";
	bool vraag = strcmp(oordeel, "meer_informatie") == 0;
	char onderwerp[ONDERWERP_BYTES], tekst[TEKST_BYTES], pad[64];
	if (vraag) {
		snprintf(onderwerp, sizeof onderwerp, "Informatie gevraagd over uw aanvraag: %.200s", o.titel);
		snprintf(tekst, sizeof tekst, "%s (%s zorgverzekeraar) vraagt om aanvullende informatie over versie %d "
			 "van uw aanvraag \"%.300s\". U leest de vraag bij de aanvraag en beantwoordt haar met een nieuwe "
			 "versie [002 §4.2].", wie, als, versie, o.titel);
	} else {
		snprintf(onderwerp, sizeof onderwerp, "Uw aanvraag is beoordeeld: %.200s", o.titel);
		snprintf(tekst, sizeof tekst, "%s (%s zorgverzekeraar) beoordeelde versie %d van uw aanvraag \"%.300s\": "
			 "%s [002 §4.2].", wie, als, versie, o.titel, strcmp(oordeel, "positief") == 0 ? "positief"
			 : "negatief");
	}
	json_decref(d);
	snprintf(pad, sizeof pad, "/aanvragen/%lld", id);
	return stuur(g, o.penvoerder_id, ROL_AANVRAGER, vraag ? "informatie_gevraagd" : "beoordeeld", onderwerp,
		     tekst, pad, e);
}

/* The board's decision: every positively assessed application of the
 * round hears whether and how much [001 "Vervolgproces"]. */
static rc_t bij_bestuursbesluit(struct gebeurtenis *g, struct error *e)
{
	long long id = 0;
	if (sscanf(g->ae->object, "bestuursbesluit/%lld", &id) != 1)
		return RC_OK;
	struct store_rows r;
	rc_t rc = store_bericht_over(g->s, SBO_BESTUURSBESLUIT, id, g->a, &r, e);
	for (size_t i = 0; rc == RC_OK && i < r.nrows; i++) {
		const char *titel = store_text(&r, i, SBO_TITEL);
		int64_t bedrag = store_int(&r, i, SBO_EXTRA, 0);
		char onderwerp[ONDERWERP_BYTES], tekst[TEKST_BYTES], pad[64], bt[BEDRAG_TEKST_BYTES];
		bedrag_tekst(bedrag, bt, sizeof bt);
		snprintf(pad, sizeof pad, "/aanvragen/%" PRId64, store_int(&r, i, SBO_ID, 0));
		if (bedrag > 0) {
			snprintf(onderwerp, sizeof onderwerp, "Toegekend door het Bestuurlijk Overleg: %.200s", titel);
			snprintf(tekst, sizeof tekst, "Het Bestuurlijk Overleg heeft %s toegekend aan de aanvraag \"%.300s\" "
				 "[001 \"Vervolgproces\"]. De coördinerende zorgverzekeraar vraagt nu samen met u de "
				 "beschikking aan bij de NZa [001 §3].", bt, titel);
		} else {
			snprintf(onderwerp, sizeof onderwerp, "Niet toegekend door het Bestuurlijk Overleg: %.200s", titel);
			snprintf(tekst, sizeof tekst, "Het Bestuurlijk Overleg heeft de aanvraag \"%.300s\" niet toegekend "
				 "[001 \"Vervolgproces\"]. De motivering staat in het besluit; de tijdlijn van de aanvraag "
				 "toont het.", titel);
		}
		rc = stuur(g, store_int(&r, i, SBO_PENVOERDER, -1), ROL_AANVRAGER, bedrag > 0 ? "toegekend" : "niet_toegekend",
			   onderwerp, tekst, pad, e);
		if (rc == RC_OK && bedrag > 0) {
			snprintf(onderwerp, sizeof onderwerp, "Stel de tweezijdige aanvraag op: %.200s", titel);
			snprintf(tekst, sizeof tekst, "Het Bestuurlijk Overleg heeft %s toegekend aan \"%.300s\". Als "
				 "coördinerende zorgverzekeraar stelt u met de penvoerder de tweezijdige aanvraag bij de NZa "
				 "op [001 §3].", bt, titel);
			rc = stuur(g, store_int(&r, i, SBO_COORDINEREND, -1), ROL_BEOORDELAAR, "nza_aanvraag_opstellen", onderwerp, tekst,
				   "/nza-aanvragen", e);
		}
	}
	return rc;
}

static rc_t bij_nza_aanvraag(struct gebeurtenis *g, struct error *e)
{
	long long id = 0;
	if (sscanf(g->ae->object, "nza_aanvraag/%lld", &id) != 1)
		return RC_OK;
	struct over o;
	struct store_rows r;
	rc_t rc = lees_over(g, SBO_NZA_AANVRAAG, id, &o, &r, e);
	if (rc != RC_OK)
		return rc;
	char onderwerp[ONDERWERP_BYTES], tekst[TEKST_BYTES], pad[64];
	snprintf(onderwerp, sizeof onderwerp, "Verzoek om een beschikking: %.200s", o.titel);
	snprintf(tekst, sizeof tekst, "%s en %s hebben de tweezijdige aanvraag voor \"%.300s\" ingediend. De NZa "
		 "toetst haar en beslist [001 §3].", org_naam(g, o.coordinerend_id), org_naam(g, o.penvoerder_id),
		 o.titel);
	snprintf(pad, sizeof pad, "/nza/verzoeken/%lld", id);
	return stuur(g, 0, ROL_NZA, "nza_aanvraag_ingediend", onderwerp, tekst, pad, e);
}

static rc_t bij_beschikking(struct gebeurtenis *g, struct error *e)
{
	long long id = 0;
	if (sscanf(g->ae->object, "beschikking/%lld", &id) != 1)
		return RC_OK;
	struct over o;
	struct store_rows r;
	rc_t rc = lees_over(g, SBO_BESCHIKKING, id, &o, &r, e);
	if (rc != RC_OK)
		return rc;
	const char *titel = o.titel, *kenmerk = store_text(&r, 0, SBO_EXTRA);
	bool verleend = strcmp(store_text(&r, 0, SBO_EXTRA + 1), "verleend") == 0;
	char onderwerp[ONDERWERP_BYTES], tekst[TEKST_BYTES], pad[64], bt[BEDRAG_TEKST_BYTES];
	bedrag_tekst(store_int(&r, 0, SBO_EXTRA + 2, 0), bt, sizeof bt);
	snprintf(onderwerp, sizeof onderwerp, "De NZa heeft beschikt: %.200s", titel);
	if (verleend)
		snprintf(tekst, sizeof tekst, "De NZa heeft over \"%.300s\" de beschikking %s genomen: een bovengrens van "
			 "%s [001 §3]. Wie het er niet mee eens is, kan binnen zes weken bezwaar maken (Awb art. 6:7).",
			 titel, kenmerk, bt);
	else
		snprintf(tekst, sizeof tekst, "De NZa heeft de aanvraag \"%.300s\" afgewezen (beschikking %s) [001 §3]. "
			 "Wie het er niet mee eens is, kan binnen zes weken bezwaar maken (Awb art. 6:7).", titel, kenmerk);
	snprintf(pad, sizeof pad, "/beschikkingen/%lld", id);
	rc = stuur(g, o.penvoerder_id, ROL_AANVRAGER, "beschikt", onderwerp, tekst, pad, e);
	if (rc == RC_OK)
		rc = stuur(g, o.coordinerend_id, ROL_BEOORDELAAR, "beschikt", onderwerp, tekst, pad, e);
	return rc;
}

static rc_t bij_mijlpaal(struct gebeurtenis *g, bool betaald, struct error *e)
{
	long long id = 0;
	char mijlpaal[33] = "";
	if (sscanf(g->ae->object, "beschikking/%lld/mijlpaal/%32s", &id, mijlpaal) != 2)
		return RC_OK;
	struct over o;
	struct store_rows r;
	rc_t rc = lees_over(g, SBO_BESCHIKKING, id, &o, &r, e);
	if (rc != RC_OK)
		return rc;
	char onderwerp[ONDERWERP_BYTES], tekst[TEKST_BYTES], pad[64];
	snprintf(pad, sizeof pad, "/beschikkingen/%lld", id);
	if (!betaald) {
		snprintf(onderwerp, sizeof onderwerp, "Mijlpaal %s gemeld als bereikt: %.200s", mijlpaal, o.titel);
		snprintf(tekst, sizeof tekst, "%s meldt mijlpaal %s van \"%.300s\" als bereikt. U beoordeelt het bewijs; "
			 "de verzekeraar betaalt per bereikte mijlpaal [001 §2].", org_naam(g, o.penvoerder_id), mijlpaal,
			 o.titel);
		return stuur(g, o.coordinerend_id, ROL_BEOORDELAAR, "mijlpaal_gemeld", onderwerp, tekst, pad, e);
	}
	json_t *d = json_loads(g->ae->detail ? g->ae->detail : "", 0, NULL);
	char bt[BEDRAG_TEKST_BYTES];
	bedrag_tekst((int64_t)json_integer_value(json_object_get(d, "bedrag_cent")), bt, sizeof bt);
	json_decref(d);
	snprintf(onderwerp, sizeof onderwerp, "Mijlpaal %s betaald: %.200s", mijlpaal, o.titel);
	snprintf(tekst, sizeof tekst, "%s heeft voor mijlpaal %s van \"%.300s\" %s betaald [001 §2].",
		 org_naam(g, o.coordinerend_id), mijlpaal, o.titel, bt);
	return stuur(g, o.penvoerder_id, ROL_AANVRAGER, "betaald", onderwerp, tekst, pad, e);
}

static rc_t bij_verantwoordingsvraag(struct gebeurtenis *g, struct error *e)
{
	long long id = 0;
	if (sscanf(g->ae->object, "verantwoording/%lld", &id) != 1)
		return RC_OK;
	struct over o;
	struct store_rows r;
	rc_t rc = lees_over(g, SBO_VERANTWOORDING, id, &o, &r, e);
	if (rc != RC_OK)
		return rc;
	const char *titel = o.titel;
	int64_t jaar = store_int(&r, 0, SBO_EXTRA + 1, 0);
	char onderwerp[ONDERWERP_BYTES], tekst[TEKST_BYTES], pad[80];
	snprintf(onderwerp, sizeof onderwerp, "Informatie gevraagd over uw verantwoording %" PRId64 ": %.200s", jaar,
		 titel);
	snprintf(tekst, sizeof tekst, "De coördinerende zorgverzekeraar vraagt om aanvullende informatie over de "
		 "verantwoording over %" PRId64 " van \"%.300s\" [001 §5]. U leest de vraag bij de verantwoording en "
		 "beantwoordt haar met een nieuwe versie.", jaar, titel);
	snprintf(pad, sizeof pad, "/beschikkingen/%" PRId64 "/verantwoording", store_int(&r, 0, SBO_EXTRA, 0));
	return stuur(g, o.penvoerder_id, ROL_AANVRAGER, "informatie_gevraagd", onderwerp, tekst, pad, e);
}

/* An assessor assigned to an application within an insurer. */
static rc_t bij_behandelaar(struct gebeurtenis *g, struct error *e)
{
	long long id = 0;
	if (sscanf(g->ae->object, "aanvraag/%lld", &id) != 1)
		return RC_OK;
	json_t *d = json_loads(g->ae->detail ? g->ae->detail : "", 0, NULL);
	int64_t gebruiker = (int64_t)json_integer_value(json_object_get(d, "gebruiker"));
	json_decref(d);
	char zelf[40];
	snprintf(zelf, sizeof zelf, "gebruiker:%" PRId64, gebruiker);
	if (gebruiker <= 0 || strcmp(zelf, g->ae->actor) == 0)   /* nobody, or who took it on themselves */
		return RC_OK;
	struct over o;
	struct store_rows r;
	rc_t rc = lees_over(g, SBO_AANVRAAG, id, &o, &r, e);
	if (rc != RC_OK)
		return rc;
	const char *titel = o.titel, *uiterlijk = store_text(&r, 0, SBO_EXTRA);
	char onderwerp[ONDERWERP_BYTES], tekst[TEKST_BYTES], pad[64], termijn[80] = "";
	if (uiterlijk)   /* in Dutch: "30 april 2027" */
		snprintf(termijn, sizeof termijn, " Het oordeel wordt verwacht uiterlijk %s.", document_datum(g->a, uiterlijk));
	snprintf(onderwerp, sizeof onderwerp, "U behandelt de aanvraag: %.200s", titel);
	snprintf(tekst, sizeof tekst, "U bent binnen uw zorgverzekeraar de behandelaar van de aanvraag \"%.300s\" "
		 "[002 §4.2].%s", titel, termijn);
	snprintf(pad, sizeof pad, "/beoordelingen/%lld", id);
	return store_bericht_voor(g->s, 0, 0, gebruiker, "toegewezen", onderwerp, tekst, pad, g->nu, g->nu_s, NULL, e);
}

/* A reminder (herinnering.h): the accountability of a project year is due,
 * or its deadline passed without it [001 §5]. */
static rc_t bij_herinnering(struct gebeurtenis *g, struct error *e)
{
	long long id = 0, jaar = 0;
	if (sscanf(g->ae->object, "beschikking/%lld/verantwoording/%lld", &id, &jaar) != 2)
		return RC_OK;
	struct over o;
	struct store_rows r;
	rc_t rc = lees_over(g, SBO_BESCHIKKING, id, &o, &r, e);
	if (rc != RC_OK)
		return rc;
	json_t *d = json_loads(g->ae->detail ? g->ae->detail : "", 0, NULL);
	const char *datum = document_datum(g->a, json_string_value(json_object_get(d, "deadline")));
	bool verstreken = json_is_true(json_object_get(d, "verstreken"));
	const char *titel = o.titel;
	char onderwerp[ONDERWERP_BYTES], tekst[TEKST_BYTES], pad[80];
	if (verstreken) {
		snprintf(onderwerp, sizeof onderwerp, "De termijn van uw verantwoording over %lld is verstreken: %.200s",
			 jaar, titel);
		snprintf(tekst, sizeof tekst, "De verantwoording over %lld van \"%.300s\" moest uiterlijk %s zijn "
			 "ingediend [001 §5]. Dien haar zo snel mogelijk in bij de beschikking, met de werkelijke kosten "
			 "per regel; zij wordt als te laat aangemerkt.", jaar, titel, datum);
	} else {
		snprintf(onderwerp, sizeof onderwerp, "Herinnering: uw verantwoording over %lld, uiterlijk %s: %.200s",
			 jaar, datum, titel);
		snprintf(tekst, sizeof tekst, "De verantwoording over %lld van \"%.300s\" moet uiterlijk %s zijn "
			 "ingediend [001 §5]. U dient haar in bij de beschikking, met de werkelijke kosten per regel.",
			 jaar, titel, datum);
	}
	json_decref(d);
	snprintf(pad, sizeof pad, "/beschikkingen/%lld/verantwoording", id);
	return stuur(g, o.penvoerder_id, ROL_AANVRAGER, "verantwoording_termijn", onderwerp, tekst, pad, e);
}

rc_t bericht_bij_gebeurtenis(struct store *s, const struct audit_entry *ae, struct error *e)
{
	if (strcmp(ae->resultaat, "gelukt") != 0)
		return RC_OK;
	static const char *const acties[] = {"aanvraag.indien", "beoordeling.maak", "bestuursbesluit.neem",
					     "nza_aanvraag.indien", "beschikking.verleen", "beschikking.afwijs",
					     "mijlpaal.meld", "mijlpaal.betaal", "verantwoording.informatieverzoek",
					     "aanvraag.behandelaar", "herinnering.verantwoording"};
	size_t k = 0;
	while (k < sizeof acties / sizeof *acties && strcmp(ae->actie, acties[k]) != 0)
		k++;
	if (k == sizeof acties / sizeof *acties)
		return RC_OK;
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct gebeurtenis g = {.s = s, .ae = ae, .a = &a};
	int64_t nu_us = klok_nu_us(NULL);
	klok_tekst(nu_us, g.nu, sizeof g.nu);
	g.nu_s = nu_us / KLOK_US_PER_S;
	rc_t rc;
	switch (k) {
	case 0: rc = bij_indiening(&g, e); break;
	case 1: rc = bij_beoordeling(&g, e); break;
	case 2: rc = bij_bestuursbesluit(&g, e); break;
	case 3: rc = bij_nza_aanvraag(&g, e); break;
	case 4: case 5: rc = bij_beschikking(&g, e); break;
	case 6: rc = bij_mijlpaal(&g, false, e); break;
	case 7: rc = bij_mijlpaal(&g, true, e); break;
	case 8: rc = bij_verantwoordingsvraag(&g, e); break;
	case 9: rc = bij_behandelaar(&g, e); break;
	default: rc = bij_herinnering(&g, e); break;
	}
	arena_release(&a);
	return rc;
}

struct lijst_ctx {
	const struct principal *who;
	int64_t voor, limiet;
	bool ongelezen;
	struct arena *arena;
	struct store_rows r;
	int64_t ongelezen_aantal;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	rc_t rc = store_bericht_lijst(s, c->who->account_id, c->voor, c->limiet, c->ongelezen, c->arena, &c->r, e);
	if (rc == RC_OK)
		rc = store_bericht_ongelezen(s, c->who->account_id, &c->ongelezen_aantal, e);
	return rc;
}

rc_t bericht_lijst(struct store *s, const struct principal *who, int64_t voor, int64_t limiet,
		   bool ongelezen, struct arena *arena, struct bericht **out, size_t *n,
		   int64_t *ongelezen_aantal, struct error *e)
{
	*out = NULL;
	*n = 0;
	*ongelezen_aantal = 0;
	if (who->account_id <= 0)   /* an API token: nobody to write to */
		return RC_OK;
	if (limiet < 1 || limiet > BERICHT_PAGINA_MAX || voor < 0)
		return error_set(e, RC_INTERNAL, "Ongeldige pagina.");
	struct lijst_ctx c = {.who = who, .voor = voor, .limiet = limiet, .ongelezen = ongelezen, .arena = arena};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	*ongelezen_aantal = c.ongelezen_aantal;
	if (c.r.nrows == 0)
		return RC_OK;
	struct store_rows *r = &c.r;
	struct bericht *l = arena_alloc(arena, r->nrows * sizeof *l);
	if (!l)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de berichten.");
	for (size_t i = 0; i < r->nrows; i++)
		l[i] = (struct bericht){.id = store_int(r, i, SBR_ID, 0), .soort = store_text(r, i, SBR_SOORT),
					.onderwerp = store_text(r, i, SBR_ONDERWERP), .tekst = store_text(r, i, SBR_TEKST),
					.pad = store_text(r, i, SBR_PAD), .aangemaakt_op = store_text(r, i, SBR_AANGEMAAKT_OP),
					.gelezen_op = store_text(r, i, SBR_GELEZEN_OP)};
	*out = l;
	*n = r->nrows;
	return RC_OK;
}

struct markeer_ctx {
	const struct principal *who;
	int64_t id;
	bool gelezen;
};

static rc_t markeer_tx(struct store *s, void *ctx, struct error *e)
{
	struct markeer_ctx *c = ctx;
	char nu[KLOK_TEKST_BYTES], object[48];
	klok_nu_tekst(NULL, nu, sizeof nu);
	rc_t rc = store_bericht_markeer(s, c->id, c->who->account_id, c->gelezen ? nu : NULL, e);
	snprintf(object, sizeof object, "bericht/%" PRId64, c->id);
	struct audit_entry ae = {c->who->actor, c->gelezen ? "bericht.gelezen" : "bericht.ongelezen", object, "gelukt",
				 NULL};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	return rc;
}

rc_t bericht_markeer(struct store *s, const struct principal *who, int64_t id, bool gelezen, struct error *e)
{
	struct markeer_ctx c = {.who = who, .id = id, .gelezen = gelezen};
	return store_tx(s, STORE_WRITE, markeer_tx, &c, e);
}
