/*
 * demo_aanvragen.c -- demo rounds and applications in every state, for
 * `serve --demo` (see demo.h; declared in aanvraagdossier.h).
 *
 * Two rounds: one that closed on 2026-03-02 (made, submitted and assessed
 * with the clock set back to those days, through the same core functions
 * as everything else) and one that is open for 90 days from the first
 * load. The applications are the conform example (voorbeelden/aanvragen/)
 * with the demo organisations: Demo Ziekenhuis Noorderkwartier leads (the
 * demo account "aanvrager"), Demo Thuiszorg Eemland and Demo GGZ
 * Rivierenland take part, Demo Zorgverzekeraar Noord coordinates (the demo
 * account "beoordelaar") and Zuid is the second insurer. States: concept,
 * ingediend, in_beoordeling, informatie_gevraagd, positief, negatief, and
 * one submitted in the open round (sealed: the insurers do not see it
 * yet). Everything is marked demo; loading twice changes nothing.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/aanvraag/aanvraagdossier.h"
#include "core/demo/demo.h"
#include "core/beoordeling/beoordeling.h"
#include "core/basis/embedded.h"
#include "core/aanvraag/indiening.h"
#include "core/toegang/organisatie.h"

#define DEMO_DOCUMENT "voorbeelden/aanvragen/conform-spraakgestuurd-rapporteren.json"
#define DEMO_RONDE_GESLOTEN "Demoronde voorjaar 2026 (gesloten)"
#define DEMO_RONDE_OPEN "Demoronde (open)"
#define DAG_US (INT64_C(86400) * KLOK_US_PER_S)

/* 2026-01-01T00:00:00Z and the closed round's moments. */
#define DEMO_BEGIN_US (INT64_C(1767225600) * KLOK_US_PER_S)
#define DEMO_OPENT_US (DEMO_BEGIN_US + 4 * DAG_US + 8 * INT64_C(3600) * KLOK_US_PER_S)
#define DEMO_SLUIT_US (DEMO_BEGIN_US + 60 * DAG_US + 12 * INT64_C(3600) * KLOK_US_PER_S)

enum demo_wie { NIEMAND = 0, NOORD, ZUID };

static const struct {
	const char *titel;
	bool open_ronde;
	bool indienen;
	struct {
		enum demo_wie wie;
		enum beoordeling_oordeel oordeel;
	} oordelen[2];
} demo_specs[] = {
	{"Demo: concept -- spraakgestuurd rapporteren Noorderkwartier", true, false, {{0}}},
	{"Demo: ingediend in de open ronde (verzegeld)", true, true, {{0}}},
	{"Demo: ingediend, wacht op beoordeling", false, true, {{0}}},
	{"Demo: in beoordeling", false, true, {{NOORD, OORDEEL_POSITIEF}}},
	{"Demo: informatie gevraagd", false, true, {{ZUID, OORDEEL_MEER_INFORMATIE}}},
	{"Demo: positief beoordeeld", false, true, {{NOORD, OORDEEL_POSITIEF}, {ZUID, OORDEEL_POSITIEF}}},
	{"Demo: negatief beoordeeld", false, true, {{NOORD, OORDEEL_NEGATIEF}, {ZUID, OORDEEL_POSITIEF}}},
};
#define DEMO_AANTAL (sizeof demo_specs / sizeof demo_specs[0])

struct demo_wereld {
	struct store *s;
	struct arena *a;
	int64_t nu_us;
	struct klok klok;
	int64_t ziekenhuis, vvt, ggz, noord, zuid;
	struct principal penvoerder, coordinerend, tweede, systeem;
	int64_t gesloten, open;
};



/* The example document with the demo organisations and a title. */
static json_t *demo_document(const struct demo_wereld *w, const char *titel)
{
	const struct embedded_file *f = embedded_find(DEMO_DOCUMENT);
	json_t *d = f ? json_loadb(f->data, f->size, JSON_REJECT_DUPLICATES, NULL) : NULL;
	if (!d)
		return NULL;
	demo_vervang_getal(d, 1001, w->ziekenhuis);
	demo_vervang_getal(d, 1002, w->vvt);
	demo_vervang_getal(d, 1003, w->ggz);
	demo_vervang_getal(d, 2001, w->noord);
	demo_vervang_getal(d, 2002, w->zuid);
	json_object_set_new(d, "titel", json_string(titel));
	/* the lead is a hospital in the demo: its sector is msz */
	json_t *dl = json_object_get(json_object_get(d, "coalitie"), "deelnemers");
	json_object_set_new(json_array_get(dl, 0), "sector", json_string("msz"));
	json_object_set_new(json_array_get(dl, 2), "sector", json_string("ggz"));
	return d;
}

/* Finds or makes a demo round. */
static rc_t demo_ronde(struct demo_wereld *w, const char *naam, int64_t opent, int64_t sluit,
		       int64_t *id, struct error *e)
{
	struct indieningsronde r;
	rc_t rc = indieningsronde_zoek_demo(w->s, w->a, naam, &r, e);
	if (rc == RC_OK) {
		*id = r.id;
		return RC_OK;
	}
	if (rc != RC_NOT_FOUND)
		return rc;
	error_clear(e);
	char o[KLOK_TEKST_BYTES], c[KLOK_TEKST_BYTES], b[16];
	struct indieningsronde_invoer in = {
		.naam = naam, .catalogusversie = 1, .impactlat_id = "B", .uitloopjaar_toegestaan = 1,
		.opent_op = klok_tekst(opent, o, sizeof o), .sluit_op = klok_tekst(sluit, c, sizeof c),
		/* the demo programme gives the insurers six weeks after the closing day */
		.beoordeeld_uiterlijk_op = klok_dag_tekst(sluit / (86400 * KLOK_US_PER_S) + 42, b, sizeof b),
		.demo = true,
	};
	return indieningsronde_maak(w->s, &w->systeem, &w->klok, &in, id, e);
}

static bool titel_bestaat(struct demo_wereld *w, int64_t ronde, const char *titel, struct error *e)
{
	struct principal auditor = {.roles = ROL_AUDITOR, .actor = "demo"};
	struct aanvraagdossier_filter f = {.ronde = ronde, .limiet = 1000};
	struct aanvraagdossier *l = NULL;
	size_t n = 0;
	if (aanvraagdossier_lijst(w->s, w->a, &auditor, &w->klok, &f, &l, &n, e) != RC_OK)
		return false;
	for (size_t i = 0; i < n; i++)
		if (l[i].titel && strcmp(l[i].titel, titel) == 0 && l[i].demo)
			return true;
	return false;
}

static void demo_oordeel(struct beoordeling_invoer *in, enum beoordeling_oordeel o, int64_t versie)
{
	memset(in, 0, sizeof *in);
	in->versie = versie;
	in->geen_belangenconflict = true;
	in->oordeel = o;
	for (int k = 0; k < BEOORDELING_BASISEISEN; k++) {
		in->basiseisen[k].oordeel = BASISEIS_VOLDAAN;
		in->basiseisen[k].motivering = "Voldoende onderbouwd in het modelplan en de regionale context.";
	}
	switch (o) {
	case OORDEEL_POSITIEF:
		in->motivering = "Conform het modelplan; de business case en de mijlpalen zijn overtuigend.";
		break;
	case OORDEEL_NEGATIEF:
		in->basiseisen[8].oordeel = BASISEIS_NIET_VOLDAAN;
		in->basiseisen[8].motivering = "De besparing is niet onderbouwd met een nulmeting.";
		in->motivering = "Basiseis 9 is niet voldaan: de structurele kosten zijn niet gedekt.";
		break;
	case OORDEEL_MEER_INFORMATIE:
		in->motivering = "De meetmethode is te globaal om de fte-besparing te kunnen volgen.";
		in->velden[0] = "/impact/meetmethode";
		in->veld_aantal = 1;
		in->vraag = "Beschrijf de nulmeting per team en hoe de tijdwinst wordt omgerekend naar fte.";
		break;
	}
}

/* Makes one demo application in its state: draft, submitted, assessed. */
static rc_t demo_aanvraag(struct demo_wereld *w, size_t i, struct error *e)
{
	int64_t ronde = demo_specs[i].open_ronde ? w->open : w->gesloten;
	if (titel_bestaat(w, ronde, demo_specs[i].titel, e))
		return RC_OK;
	if (e->rc != RC_OK)
		return e->rc;
	bool oud = !demo_specs[i].open_ronde;
	w->nu_us = oud ? DEMO_OPENT_US + (int64_t)(i + 1) * DAG_US : klok_nu_us(NULL);
	json_t *doc = demo_document(w, demo_specs[i].titel);
	if (!doc)
		return error_set(e, RC_INTERNAL, "Het demodocument %s ontbreekt.", DEMO_DOCUMENT);
	struct aanvraagdossier_invoer in = {.ronde_id = ronde, .regio = "Noord-Holland Noord",
					    .document = doc, .demo = true};
	struct aanvraagdossier_opgeslagen o;
	rc_t rc = aanvraagdossier_maak(w->s, &w->penvoerder, &w->klok, &in, w->a, &o, e);
	json_decref(doc);
	struct ontvangstbewijs b;
	if (rc == RC_OK && demo_specs[i].indienen)
		rc = indiening_dien_in(w->s, &w->penvoerder, &w->klok, o.id, NULL, w->a, &b, e);
	for (size_t k = 0; rc == RC_OK && k < 2 && demo_specs[i].oordelen[k].wie != NIEMAND; k++) {
		w->nu_us = DEMO_SLUIT_US + (int64_t)(k + 1) * DAG_US;
		struct beoordeling_invoer bi;
		demo_oordeel(&bi, demo_specs[i].oordelen[k].oordeel, 1);
		int64_t bid;
		enum aanvraag_status st;
		rc = beoordeling_maak(w->s, demo_specs[i].oordelen[k].wie == NOORD ? &w->coordinerend : &w->tweede,
				      &w->klok, o.id, &bi, &bid, &st, e);
	}
	return rc;
}

rc_t aanvraag_demo_laad(struct store *s, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	struct demo_wereld w = {.s = s, .a = &a};
	klok_vast(&w.klok, &w.nu_us);
	rc_t rc = demo_organisatie_code_id(w.s, w.a, "99000001", NULL, NULL, &w.ziekenhuis, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w.s, w.a, "99000002", NULL, NULL, &w.vvt, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w.s, w.a, "99000003", NULL, NULL, &w.ggz, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w.s, w.a, NULL, "9001", NULL, &w.noord, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(w.s, w.a, NULL, "9002", NULL, &w.zuid, e);
	w.penvoerder = (struct principal){.organisatie_id = w.ziekenhuis, .roles = ROL_AANVRAGER,
					  .actor = demo_actor(w.s, w.a, "aanvrager")};
	w.coordinerend = (struct principal){.organisatie_id = w.noord, .roles = ROL_BEOORDELAAR,
					    .actor = demo_actor(w.s, w.a, "beoordelaar")};
	w.tweede = (struct principal){.organisatie_id = w.zuid, .roles = ROL_BEOORDELAAR,
				      .actor = demo_actor(w.s, w.a, "beoordelaar-zuid")};
	w.systeem = (struct principal){.roles = ROL_PROGRAMMABUREAU, .actor = demo_actor(w.s, w.a, "programmabureau")};
	w.nu_us = DEMO_BEGIN_US;
	if (rc == RC_OK)
		rc = demo_ronde(&w, DEMO_RONDE_GESLOTEN, DEMO_OPENT_US, DEMO_SLUIT_US, &w.gesloten, e);
	int64_t nu = klok_nu_us(NULL);
	w.nu_us = nu;
	if (rc == RC_OK)
		rc = demo_ronde(&w, DEMO_RONDE_OPEN, nu - nu % DAG_US - DAG_US, nu - nu % DAG_US + 90 * DAG_US,
				&w.open, e);
	for (size_t i = 0; rc == RC_OK && i < DEMO_AANTAL; i++)
		rc = demo_aanvraag(&w, i, e);
	arena_release(&a);
	return rc;
}
