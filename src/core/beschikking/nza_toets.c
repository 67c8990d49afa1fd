/*
 * nza_toets.c -- NZa's checks (a)-(d) and the cumulative formal
 * conditions, as findings with their sources. See nza_toets.h.
 */
#include "core/beschikking/nza_toets.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_grootboek.h"
#include "core/aanvraag/aanvraag.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/geld/grootboek.h"
#include "core/basis/bedrag.h"

#define BRON_001_3 "[001 §3]"
#define BRON_WERKWIJZE "[001 \"Werkwijze\"]"

/* ---- the facts --------------------------------------------------------------- */

static struct nza_jaar *jaar_van(struct nza_feiten *f, int64_t jaar)
{
	for (size_t i = 0; i < f->jaar_aantal; i++)
		if (f->jaren[i].jaar == jaar)
			return &f->jaren[i];
	if (f->jaar_aantal >= sizeof f->jaren / sizeof f->jaren[0])
		return NULL;
	size_t p = f->jaar_aantal;
	while (p > 0 && f->jaren[p - 1].jaar > jaar) {
		f->jaren[p] = f->jaren[p - 1];
		p--;
	}
	f->jaren[p] = (struct nza_jaar){.jaar = jaar, .ruimte_cent = -1};
	f->jaar_aantal++;
	return &f->jaren[p];
}

/* The open amount of reservation `sleutel`: 0 when it does not exist or
 * was posted or voided. */
static rc_t open_reservering(struct store *s, struct arena *a, const char *sleutel, int64_t *uit,
			     struct error *e)
{
	struct store_rows r;
	rc_t rc = store_gb_boeking_by_sleutel(s, sleutel, a, &r, e);
	*uit = 0;
	if (rc == RC_OK && r.nrows == 1 && strcmp(store_text(&r, 0, SGB_SOORT), "reservering") == 0 &&
	    store_text(&r, 0, SGB_AFGEHANDELD_DOOR) == NULL)
		*uit = store_int(&r, 0, SGB_BEDRAG, 0);
	return rc;
}

/* The free room of account `code`; -1 when there is no such account. */
static rc_t ruimte(struct store *s, struct arena *a, const char *code, int64_t *uit, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_gb_rekening_by_code(s, code, a, &r, e);
	*uit = -1;
	if (rc != RC_OK || r.nrows == 0)
		return rc;
	struct rekening k = {
		.vlaggen = (unsigned)store_int(&r, 0, SGR_VLAGGEN, 0),
		.debet_geboekt_cent = store_int(&r, 0, SGR_DEBET_GEBOEKT, 0),
		.credit_geboekt_cent = store_int(&r, 0, SGR_CREDIT_GEBOEKT, 0),
		.debet_gereserveerd_cent = store_int(&r, 0, SGR_DEBET_GERESERVEERD, 0),
		.credit_gereserveerd_cent = store_int(&r, 0, SGR_CREDIT_GERESERVEERD, 0),
	};
	*uit = rekening_ruimte_cent(&k);
	return RC_OK;
}

/* The assessed version's document facts. */
static rc_t document_feiten(struct store *s, struct arena *a, const struct nza_aanvraag *t,
			    struct nza_feiten *f, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_versie_lees(s, t->aanvraag_id, t->versie, a, &r, e);
	if (rc != RC_OK)
		return rc;
	if (r.nrows == 0)
		return error_set(e, RC_INTERNAL, "Versie %" PRId64 " van aanvraag %" PRId64 " ontbreekt.",
				 t->versie, t->aanvraag_id);
	json_t *doc = json_loads(store_text(&r, 0, SV_DOCUMENT), 0, NULL);
	struct aanvraag av;
	rc = doc ? aanvraag_lees(doc, a, &av, NULL) : RC_INTERNAL;
	json_decref(doc);
	if (rc != RC_OK)
		return error_set(e, RC_INTERNAL, "De ingediende versie is niet te lezen.");
	f->afwijkingen = av.afwijking_aantal;
	f->aanpassingen = av.aanpassing_aantal;
	f->aangevraagd_cent = av.totaal_bedrag_cent;
	f->kennis_kosteloos_delen = av.kennis_kosteloos_delen == JANEE_JA;
	f->geen_dubbele_financiering = av.geen_dubbele_financiering == JANEE_JA;
	f->geen_eerdere_iza = av.geen_eerdere_iza_transformatiemiddelen == JANEE_JA;
	f->modelplan = av.modelplan_id;
	f->mijlpalen = av.mijlpalen;
	f->mijlpaal_aantal = av.mijlpaal_aantal;
	f->titel = av.titel;
	for (size_t i = 0; i < av.coalitie.deelnemer_aantal; i++) {
		const struct aanvraag_deelnemer *d = &av.coalitie.deelnemers[i];
		if (d->organisatie == av.coalitie.penvoerder && d->soort == ORGANISATIE_ZORGAANBIEDER)
			f->penvoerder_zorgaanbieder = true;
		if (d->bedrag_cent > 0) {
			f->deelnemers_met_bedrag++;
			if (d->soort != ORGANISATIE_ZORGAANBIEDER)
				f->niet_zorgaanbieders_met_bedrag++;
		}
	}
	return RC_OK;
}

rc_t nza_feiten_tx(struct store *s, struct arena *arena, const struct nza_aanvraag *t,
		   struct nza_feiten *f, struct error *e)
{
	memset(f, 0, sizeof *f);
	f->bovengrens_cent = t->bovengrens_cent;
	f->toegekend_cent = t->toegekend_cent;
	f->ondertekend[0] = t->ondertekening[0].getekend;
	f->ondertekend[1] = t->ondertekening[1].getekend;
	memcpy(f->verklaringen, t->verklaringen, sizeof f->verklaringen);
	f->contract_datum = t->contract_datum;
	f->contract_kenmerk = t->contract_kenmerk;
	struct aanvraagdossier d;
	bool coalitie;
	rc_t rc = aanvraagdossier_lees_tx(s, arena, t->aanvraag_id, false, 0, &d, &coalitie, e);
	if (rc == RC_OK) {
		f->aanvraag_positief = d.status == AANVRAAG_POSITIEF;
		rc = document_feiten(s, arena, t, f, e);
	}
	struct nza_aanvraag_jaar toegekend[NZA_AANVRAAG_JAREN_MAX];
	size_t tn = 0;
	const char *thema = NULL;
	if (rc == RC_OK)
		rc = nza_aanvraag_toekenning_tx(s, arena, t->aanvraag_id, toegekend, &tn, &thema, e);
	for (size_t i = 0; rc == RC_OK && i < t->jaar_aantal; i++) {
		struct nza_jaar *j = jaar_van(f, t->jaren[i].jaar);
		if (j)
			j->voorgesteld_cent = t->jaren[i].bedrag_cent;
	}
	for (size_t i = 0; rc == RC_OK && i < tn; i++)
		(void)jaar_van(f, toegekend[i].jaar);
	for (size_t i = 0; rc == RC_OK && i < f->jaar_aantal; i++) {
		struct nza_jaar *j = &f->jaren[i];
		char sleutel[GROOTBOEK_SLEUTEL_MAX + 1], code[GROOTBOEK_CODE_MAX + 1];
		snprintf(sleutel, sizeof sleutel, "toekenning/%" PRId64 "/%" PRId64, t->aanvraag_id, j->jaar);
		snprintf(code, sizeof code, "zvw/%s/%" PRId64, t->thema, j->jaar);
		rc = open_reservering(s, arena, sleutel, &j->gereserveerd_cent, e);
		if (rc == RC_OK)
			rc = ruimte(s, arena, code, &j->ruimte_cent, e);
	}
	return rc;
}

/* ---- the judgement --------------------------------------------------------------- */

bool nza_past(const struct nza_feiten *f, struct error *e)
{
	bool past = true;
	for (size_t i = 0; i < f->jaar_aantal; i++) {
		const struct nza_jaar *j = &f->jaren[i];
		int64_t uit_reservering = j->voorgesteld_cent < j->gereserveerd_cent ? j->voorgesteld_cent
										      : j->gereserveerd_cent;
		int64_t extra = j->voorgesteld_cent - uit_reservering;
		if (extra <= 0 || (j->ruimte_cent >= 0 && extra <= j->ruimte_cent))
			continue;
		past = false;
		if (!e)
			continue;
		char nodig[48], vrij[48];
		bedrag_tekst(extra, nodig, sizeof nodig);
		bedrag_tekst(j->ruimte_cent < 0 ? 0 : j->ruimte_cent, vrij, sizeof vrij);
		char waar[48];
		snprintf(waar, sizeof waar, "/jaarverdeling/%" PRId64, j->jaar);
		error_add(e, waar, "past_niet", "[001 §3], [003 §8b]",
			  "In %" PRId64 " is %s nodig boven de reservering van het Bestuurlijk Overleg; "
			  "er is nog %s beschikbaar. De NZa neemt de aanvraag niet in behandeling of wijst "
			  "haar af.", j->jaar, nodig, vrij);
	}
	return past;
}

static void zet(struct nza_bevinding *b, const char *code, const char *naam, bool voldaan,
		const char *bron, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void zet(struct nza_bevinding *b, const char *code, const char *naam, bool voldaan,
		const char *bron, const char *fmt, ...)
{
	b->code = code;
	b->naam = naam;
	b->voldaan = voldaan;
	b->bron = bron;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b->toelichting, sizeof b->toelichting, fmt, ap);
	va_end(ap);
}

static void toets_c(const struct nza_feiten *f, struct nza_bevinding *b)
{
	char tekst[NZA_TOELICHTING_MAX] = "";
	size_t k = 0;
	for (size_t i = 0; i < f->jaar_aantal && k < sizeof tekst; i++) {
		const struct nza_jaar *j = &f->jaren[i];
		char voorgesteld[40], gereserveerd[40];
		bedrag_tekst(j->voorgesteld_cent, voorgesteld, sizeof voorgesteld);
		bedrag_tekst(j->gereserveerd_cent, gereserveerd, sizeof gereserveerd);
		int w = snprintf(tekst + k, sizeof tekst - k, "%s%" PRId64 ": %s gevraagd, %s gereserveerd",
				 k ? "; " : "", j->jaar, voorgesteld, gereserveerd);
		k += w > 0 ? (size_t)w : 0;
	}
	bool past = nza_past(f, NULL);
	zet(b, "c", "Het bedrag past binnen de beschikbare middelen (per jaar)", past,
	    "[001 §3], [003 §8b]", "%s%s", past ? "Past. " : "Past niet binnen wat het jaar nog beschikbaar "
	    "heeft. ", tekst);
}

size_t nza_toets(const struct nza_feiten *f, struct nza_bevinding out[NZA_BEVINDINGEN])
{
	size_t n = 0;
	char bg[40], tk[40], av[40];
	bedrag_tekst(f->bovengrens_cent, bg, sizeof bg);
	bedrag_tekst(f->toegekend_cent, tk, sizeof tk);
	bedrag_tekst(f->aangevraagd_cent, av, sizeof av);
	bool beide = f->ondertekend[NZA_AANVRAAG_VERZEKERAAR] && f->ondertekend[NZA_AANVRAAG_PENVOERDER];
	zet(&out[n++], "a", "Tweezijdige aanvraag met voorstel voor een bovengrens",
	    beide && f->bovengrens_cent > 0, BRON_001_3,
	    "Ondertekend door de coördinerende zorgverzekeraar: %s; door de penvoerder namens de "
	    "zorgaanbieders: %s. Voorgestelde bovengrens %s.", f->ondertekend[NZA_AANVRAAG_VERZEKERAAR] ? "ja" : "nee",
	    f->ondertekend[NZA_AANVRAAG_PENVOERDER] ? "ja" : "nee", bg);
	zet(&out[n++], "b", "Verklaring dat aanpassingen op het modelplan positief zijn beoordeeld",
	    f->verklaringen[NZA_AANVRAAG_AANPASSINGEN_POSITIEF], BRON_001_3,
	    "De verzekeraars verklaren dit; de ingediende versie heeft %zu afwijking(en) en %zu regionale "
	    "aanpassing(en) van het modelplan.", f->afwijkingen, f->aanpassingen);
	toets_c(f, &out[n++]);
	bool contract = f->contract_datum && f->contract_kenmerk && f->contract_kenmerk[0];
	zet(&out[n++], "d", "Contractvereiste: overeenkomst tussen verzekeraar en zorgaanbieders",
	    contract, BRON_001_3, "Overeenkomst %s van %s.", contract ? f->contract_kenmerk : "-",
	    f->contract_datum ? f->contract_datum : "-");
	zet(&out[n++], "v1", "Het is een impactvolle transformatie", f->aanvraag_positief && f->modelplan,
	    BRON_WERKWIJZE, "Aanvraag op modelplan %s, door beide zorgverzekeraars positief beoordeeld: %s.",
	    f->modelplan ? f->modelplan : "-", f->aanvraag_positief ? "ja" : "nee");
	zet(&out[n++], "v2", "Geheel of gedeeltelijk randvoorwaardelijk voor Zvw-verzekerde zorg",
	    f->verklaringen[NZA_AANVRAAG_RANDVOORWAARDELIJK], BRON_WERKWIJZE, "Verklaard door de verzekeraars.");
	zet(&out[n++], "v3", "Geen individuele levering van Zvw-verzekerde zorg",
	    f->verklaringen[NZA_AANVRAAG_GEEN_INDIVIDUELE_ZORG], BRON_WERKWIJZE, "Verklaard door de verzekeraars.");
	bool eigen = f->verklaringen[NZA_AANVRAAG_EIGEN_ZVW_ZORG] && f->penvoerder_zorgaanbieder &&
		     f->niet_zorgaanbieders_met_bedrag == 0;
	zet(&out[n++], "v4", "Zvw-zorgaanbieders transformeren hun eigen Zvw-zorg", eigen, BRON_WERKWIJZE,
	    "Penvoerder is zorgaanbieder: %s; %zu deelnemer(s) met een bedrag, waarvan %zu geen "
	    "zorgaanbieder; verklaard door de verzekeraars: %s.", f->penvoerder_zorgaanbieder ? "ja" : "nee",
	    f->deelnemers_met_bedrag, f->niet_zorgaanbieders_met_bedrag,
	    f->verklaringen[NZA_AANVRAAG_EIGEN_ZVW_ZORG] ? "ja" : "nee");
	zet(&out[n++], "v5", "Het tarief leidt niet tot staatssteun", f->verklaringen[NZA_AANVRAAG_GEEN_STAATSSTEUN],
	    BRON_WERKWIJZE, "Verklaard door de verzekeraars; de som van de tarieven blijft onder de "
	    "bovengrens (grootboek).");
	bool waarborg = f->verklaringen[NZA_AANVRAAG_WAARBORGEN_CONCURRENTIE] && f->kennis_kosteloos_delen;
	zet(&out[n++], "v6", "Waarborgen tegen onbedoelde concurrentievoordelen", waarborg, BRON_WERKWIJZE,
	    "Kennis uit het project kosteloos beschikbaar (aanvraag): %s; waarborgen in de overeenkomst "
	    "verklaard: %s.", f->kennis_kosteloos_delen ? "ja" : "nee",
	    f->verklaringen[NZA_AANVRAAG_WAARBORGEN_CONCURRENTIE] ? "ja" : "nee");
	zet(&out[n++], "v7", "Geen dubbele financiering", f->geen_dubbele_financiering && f->geen_eerdere_iza,
	    BRON_WERKWIJZE, "Verklaringen in de aanvraag: geen dubbele financiering %s, geen eerdere "
	    "IZA-transformatiemiddelen %s.", f->geen_dubbele_financiering ? "ja" : "nee",
	    f->geen_eerdere_iza ? "ja" : "nee");
	bool nodig = f->bovengrens_cent <= f->toegekend_cent && f->toegekend_cent <= f->aangevraagd_cent;
	zet(&out[n++], "v8", "Niet meer dan nodig", nodig, "[001 \"Werkwijze\"], [001 §7]",
	    "Bovengrens %s, toegekend %s, aangevraagd %s.", bg, tk, av);
	return n;
}

bool nza_alles_voldaan(const struct nza_bevinding *b, size_t n, struct error *e)
{
	bool alles = true;
	for (size_t i = 0; i < n; i++) {
		if (b[i].voldaan)
			continue;
		alles = false;
		if (!e)
			continue;
		char waar[32], code[32];
		snprintf(waar, sizeof waar, "/bevindingen/%s", b[i].code);
		snprintf(code, sizeof code, "bevinding_%s", b[i].code);
		error_add(e, waar, code, b[i].bron, "%s: niet voldaan. %s", b[i].naam, b[i].toelichting);
	}
	return alles;
}

json_t *nza_bevindingen_json(const struct nza_bevinding *b, size_t n)
{
	json_t *l = json_array();
	for (size_t i = 0; l && i < n; i++)
		json_array_append_new(l, json_pack("{s:s, s:s, s:s, s:s, s:s}", "code", b[i].code,
			"naam", b[i].naam, "uitkomst", b[i].voldaan ? "voldaan" : "niet_voldaan",
			"toelichting", b[i].toelichting, "bron", b[i].bron));
	return l;
}

struct toetsing_ctx {
	struct arena *arena;
	const struct nza_aanvraag *t;
	struct nza_feiten f;
};

static rc_t toetsing_tx(struct store *s, void *ctx, struct error *e)
{
	struct toetsing_ctx *c = ctx;
	return nza_feiten_tx(s, c->arena, c->t, &c->f, e);
}

rc_t nza_toetsing(struct store *s, struct arena *arena, const struct principal *who, int64_t id,
		  struct nza_aanvraag *t, struct nza_bevinding out[NZA_BEVINDINGEN], size_t *n,
		  struct error *e)
{
	rc_t rc = nza_aanvraag_open(s, arena, who, id, t, e);
	if (rc != RC_OK)
		return rc;
	struct toetsing_ctx c = {.arena = arena, .t = t};
	rc = store_tx(s, STORE_READ, toetsing_tx, &c, e);
	if (rc == RC_OK)
		*n = nza_toets(&c.f, out);
	return rc;
}
