/*
 * demo_verantwoording.c -- demo data of the money after the payment, for
 * `serve --demo` (docs/verantwoording.md); declared in demo.h, called from
 * demo.c.
 *
 * A round of its own, "Demoronde verantwoording 2026 (beschikt)", with
 * four applications assessed positively by both insurers, the board's
 * decision on it (the optimal scenario within the catalogue's budgets),
 * the joint requests signed by both parties and NZa's beschikkingen; then,
 * with the clock simulated forward into 2027-2029, every step after the
 * payment through the same core functions as everything else:
 *   - "verevend": milestones paid, 2027 accounted and tested, the
 *     insurer's statement judged plausible by NZa and settled by the
 *     Zorginstituut;
 *   - "terugvordering": paid more than plausible: every year accounted and
 *     tested for less, and the difference reclaimed;
 *   - "niet plausibel": the second insurer's statement judged not
 *     plausible, with a finding and its source (not settled yet: the
 *     Zorginstituut's open item);
 *   - "te laat": accounted after the year's deadline.
 * The years' frameworks are set by the programme office. Loading twice
 * changes nothing: when the round has its board decision, the chain was
 * made (it is made in one start-up, under the start-up lock).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/betaling/mijlpaal.h"
#include "core/beschikking/beschikking.h"
#include "core/beschikking/nza_aanvraag.h"
#include "core/beschikking/ondertekening.h"
#include "core/demo/demo.h"
#include "core/verantwoording/jaarstaat.h"
#include "core/verantwoording/verantwoording_dossier.h"
#include "core/verantwoording/verevening.h"
#include "core/verdeling/bestuursbesluit.h"
#include "core/verdeling/verdeelscenario.h"
#include "store/store_verdeling.h"

#define DEMO_RONDE "Demoronde verantwoording 2026 (beschikt)"
#define DOC_AI "voorbeelden/aanvragen/conform-spraakgestuurd-rapporteren.json"
#define DAG_US (INT64_C(86400) * KLOK_US_PER_S)
/* 2026-01-12T08:00:00Z, 2026-02-16T12:00:00Z, 2026-03-02T09:00:00Z */
#define OPENT_US (INT64_C(1768204800) * KLOK_US_PER_S)
#define SLUIT_US (INT64_C(1771243200) * KLOK_US_PER_S)
#define BESLUIT_US (INT64_C(1772442000) * KLOK_US_PER_S)

enum { VEREVEND, TERUGVORDERING, NIET_PLAUSIBEL, TE_LAAT, PROJECTEN };

static const struct demo_aanvraag_spec spec[PROJECTEN] = {
	{"Demo verantwoording: verantwoord, geoordeeld en verevend", "Noord-Holland Noord", DOC_AI, 190000, false},
	{"Demo verantwoording: meer betaald dan plausibel (terugvordering)", "Twente", DOC_AI, 240000, false},
	{"Demo verantwoording: niet plausibel geoordeeld", "Utrecht", DOC_AI, 175000, true},
	{"Demo verantwoording: te laat verantwoord", "Groningen", DOC_AI, 210000, true},
};

struct keten {
	struct store *s;
	struct arena *a;
	int64_t nu_us;
	struct klok klok;
	int64_t ronde, aanvraag[PROJECTEN], beschikking[PROJECTEN], noord, zuid, ziekenhuis;
	struct principal penvoerder, noord_p, zuid_p, nza, bestuur, pb, zi;
};

/* The moment "YYYY-MM-DD" at 10:00 UTC. */
static int64_t op(const char *dag)
{
	int64_t us = 0;
	char t[32];
	snprintf(t, sizeof t, "%sT10:00:00Z", dag);
	return klok_lees(t, &us) ? us : 0;
}

static const struct principal *verzekeraar(const struct keten *k, int p)
{
	return spec[p].zuid_coordineert ? &k->zuid_p : &k->noord_p;
}

static rc_t besluit(struct keten *k, struct error *e)
{
	k->nu_us = BESLUIT_US;
	json_t *par = json_pack("{s:s}", "seed", "demo-verantwoording-2026");
	struct verdeelscenario_invoer in = {.naam = "Demo: besluit verantwoording", .ronde_id = k->ronde,
					    .regel = "optimaal", .parameters = par, .demo = true};
	int64_t scenario = 0, id = 0;
	rc_t rc = verdeelscenario_maak(k->s, &k->bestuur, &k->klok, &in, k->a, &scenario, e);
	json_decref(par);
	struct bestuursbesluit_invoer bi = {.scenario_id = scenario,
		.motivering = "Demo: alle vier de plannen passen binnen de richtbedragen en voldoen aan het modelplan."};
	if (rc == RC_OK)
		rc = bestuursbesluit_neem(k->s, &k->bestuur, &k->klok, &bi, k->a, &id, e);
	return rc;
}

/* The joint request of project p, signed by both parties, and NZa's beschikking. */
static rc_t beschik(struct keten *k, int p, struct error *e)
{
	k->nu_us = BESLUIT_US + (int64_t)(7 + p) * DAG_US;
	struct nza_aanvraag_invoer in = {.aanvraag_id = k->aanvraag[p], .contract_datum = "2026-03-05",
					 .contract_kenmerk = "DEMO-OVK-2026"};
	for (size_t i = 0; i < NZA_AANVRAAG_VERKLARING__COUNT; i++)
		in.verklaringen[i] = true;
	in.jaren_geldig = true;
	int64_t id = 0;
	rc_t rc = nza_aanvraag_maak(k->s, verzekeraar(k, p), &k->klok, &in, NULL, &id, e);
	struct nza_aanvraag t;
	const char *status;
	if (rc == RC_OK)
		rc = nza_aanvraag_open(k->s, k->a, verzekeraar(k, p), id, &t, e);
	if (rc == RC_OK)
		rc = nza_aanvraag_onderteken(k->s, verzekeraar(k, p), &k->klok, id, t.sha256, &status, e);
	if (rc == RC_OK)
		rc = nza_aanvraag_onderteken(k->s, &k->penvoerder, &k->klok, id, t.sha256, &status, e);
	k->nu_us += 14 * DAG_US;
	struct beschikking_invoer bi = {.nza_aanvraag_id = id, .verlenen = true,
					.motivering = "Demo: de toetspunten (a)-(d) zijn voldaan; de bovengrens past in het jaarbudget."};
	struct beschikking_uitkomst u;
	if (rc == RC_OK)
		rc = beschikking_neem(k->s, &k->nza, &k->klok, &bi, &u, e);
	if (rc == RC_OK)
		k->beschikking[p] = u.id;
	return rc;
}

static rc_t kader(struct keten *k, int64_t jaar, const char *deadline, struct error *e)
{
	k->nu_us = op("2026-12-01");
	json_t *b = json_pack("{s:i, s:I, s:s}", "tolerantie_bp", 1000, "accountant_vanaf_cent", (json_int_t)INT64_C(500000000),
			      "deadline", deadline), *uit = NULL;
	rc_t rc = verantwoordingskader_zet(k->s, &k->pb, &k->klok, jaar, b, k->a, &uit, e);
	json_decref(b);
	json_decref(uit);
	return rc;
}

static rc_t betaal(struct keten *k, int p, const char *m, const char *dag, struct error *e)
{
	k->nu_us = op(dag);
	struct mijlpaal uit;
	rc_t rc = mijlpaal_meld(k->s, &k->penvoerder, &k->klok, k->beschikking[p], m,
				"Demo: verslag van de stuurgroep met de meetresultaten.", "DEMO-MP", e);
	k->nu_us += 10 * DAG_US;
	if (rc == RC_OK)
		rc = mijlpaal_betaal(k->s, verzekeraar(k, p), &k->klok, k->beschikking[p], m, false, 0, k->a, &uit, e);
	return rc;
}

/* The budget lines of `jaar` as actual costs, each at procent % of its
 * budget; *id the accountability's id. */
static rc_t verantwoord(struct keten *k, int p, int64_t jaar, int procent, const char *dag, int64_t *id,
			struct error *e)
{
	k->nu_us = op(dag);
	json_t *lijst = NULL, *x;
	rc_t rc = verantwoording_lijst(k->s, k->a, &k->penvoerder, k->beschikking[p], &lijst, e);
	json_t *regels = json_array();
	size_t i;
	json_array_foreach(json_object_get(json_object_get(lijst, "project"), "begroting"), i, x) {
		if (json_integer_value(json_object_get(x, "jaar")) != jaar)
			continue;
		int64_t cent = json_integer_value(json_object_get(x, "bedrag_cent")) / 100 * procent;
		if (cent <= 0)
			continue;
		json_t *r = json_pack("{s:O, s:O, s:O, s:O, s:I}", "zorgaanbieder", json_object_get(x, "zorgaanbieder"),
				      "kostensoort", json_object_get(x, "kostensoort"), "aard", json_object_get(x, "aard"),
				      "doel", json_object_get(x, "doel"), "bedrag_cent", (json_int_t)cent);
		if (procent < 90)
			json_object_set_new(r, "toelichting", json_string("Demo: minder inzet dan begroot; de uitrol liep vertraging op."));
		json_array_append_new(regels, r);
	}
	json_decref(lijst);
	json_t *doc = json_pack("{s:I, s:o, s:[s], s:b}", "jaar", (json_int_t)jaar, "regels", regels, "mijlpalen", "m1",
				"geen_dubbele_financiering", 1), *uit = NULL;
	if (rc == RC_OK)
		rc = verantwoording_dien_in(k->s, &k->penvoerder, &k->klok, k->beschikking[p], doc, k->a, &uit, e);
	*id = rc == RC_OK ? json_integer_value(json_object_get(uit, "id")) : 0;
	json_decref(uit);
	json_decref(doc);
	return rc;
}

/* The coordinating insurer accepts every line (with a motivation, as a
 * line the rules found against needs one). */
static rc_t toets(struct keten *k, int p, int64_t id, const char *dag, struct error *e)
{
	k->nu_us = op(dag);
	json_t *lijst = NULL, *x, *v;
	rc_t rc = verantwoording_lijst(k->s, k->a, verzekeraar(k, p), k->beschikking[p], &lijst, e);
	json_t *oordelen = json_array();
	size_t i, n = 0;
	json_array_foreach(json_object_get(lijst, "verantwoordingen"), i, v)
		if (json_integer_value(json_object_get(v, "id")) == id)
			n = json_array_size(json_object_get(json_object_get(v, "document"), "regels"));
	(void)x;
	for (i = 0; i < n; i++)
		json_array_append_new(oordelen, json_pack("{s:I, s:s, s:s}", "regel", (json_int_t)i, "oordeel", "aanvaard",
							  "motivering", "Demo: onderbouwd met urenregistratie en facturen."));
	json_decref(lijst);
	json_t *b = json_pack("{s:o}", "oordelen", oordelen), *uit = NULL;
	if (rc == RC_OK)
		rc = verantwoording_plausibiliteit(k->s, verzekeraar(k, p), &k->klok, id, b, k->a, &uit, e);
	json_decref(b);
	json_decref(uit);
	return rc;
}

/* The years [vanaf, tot] of project p accounted at `procent` and tested,
 * each in the spring after it. */
static rc_t jaren(struct keten *k, int p, int procent, int64_t vanaf, int64_t tot, struct error *e)
{
	struct beschikking b;
	rc_t rc = beschikking_lees(k->s, k->a, k->beschikking[p], &b, e);
	for (size_t j = 0; rc == RC_OK && j < b.jaar_aantal; j++) {
		if (b.jaren[j].jaar < vanaf || b.jaren[j].jaar > tot)
			continue;
		char ingediend[32], getoetst[32];
		snprintf(ingediend, sizeof ingediend, "%" PRId64 "-02-20", b.jaren[j].jaar + 1);
		snprintf(getoetst, sizeof getoetst, "%" PRId64 "-03-15", b.jaren[j].jaar + 1);
		int64_t id = 0;
		rc = verantwoord(k, p, b.jaren[j].jaar, procent, ingediend, &id, e);
		if (rc == RC_OK)
			rc = toets(k, p, id, getoetst, e);
	}
	return rc;
}

static rc_t staat_en_oordeel(struct keten *k, const struct principal *v, bool plausibel, bool verevenen,
			     struct error *e)
{
	k->nu_us = op("2028-06-01");
	json_t *staat = NULL, *oordeel = NULL, *uit = NULL;
	rc_t rc = jaarstaat_dien_in(k->s, v, &k->klok, 2027, k->a, &staat, e);
	json_t *b = plausibel
		? json_pack("{s:s, s:s}", "oordeel", "plausibel", "motivering", "Demo: de kosten zijn verantwoord en onderbouwd.")
		: json_pack("{s:s, s:s, s:[{s:s, s:s, s:s}]}", "oordeel", "niet_plausibel", "motivering",
			    "Demo: de plausibiliteit van de personele kosten is niet aangetoond.", "bevindingen", "code",
			    "personeel_niet_onderbouwd", "bron", "[001 §5]", "tekst",
			    "De urenregistratie ontbreekt voor de verantwoorde personele kosten.");
	k->nu_us = op("2028-07-01");
	if (rc == RC_OK)
		rc = jaarstaat_rechtsoordeel(k->s, &k->nza, &k->klok, json_integer_value(json_object_get(staat, "id")), b,
					     k->a, &oordeel, e);
	json_t *vb = json_pack("{s:I, s:i}", "verzekeraar_id", json_object_get(staat, "verzekeraar_id")
			       ? json_integer_value(json_object_get(staat, "verzekeraar_id")) : 0, "jaar", 2027);
	k->nu_us = op("2028-08-01");
	if (rc == RC_OK && verevenen)
		rc = verevening_maak(k->s, &k->zi, &k->klok, vb, k->a, &uit, e);
	json_decref(vb);
	json_decref(b);
	json_decref(staat);
	json_decref(oordeel);
	json_decref(uit);
	return rc;
}

static rc_t keten_vul(struct keten *k, struct error *e)
{
	rc_t rc = demo_organisatie_code_id(k->s, k->a, "99000001", NULL, NULL, &k->ziekenhuis, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(k->s, k->a, NULL, "9001", NULL, &k->noord, e);
	if (rc == RC_OK)
		rc = demo_organisatie_code_id(k->s, k->a, NULL, "9002", NULL, &k->zuid, e);
	k->penvoerder = (struct principal){.organisatie_id = k->ziekenhuis, .roles = ROL_AANVRAGER,
					    .actor = demo_actor(k->s, k->a, "aanvrager")};
	k->noord_p = (struct principal){.organisatie_id = k->noord, .roles = ROL_BEOORDELAAR,
					 .actor = demo_actor(k->s, k->a, "beoordelaar")};
	k->zuid_p = (struct principal){.organisatie_id = k->zuid, .roles = ROL_BEOORDELAAR,
					.actor = demo_actor(k->s, k->a, "beoordelaar-zuid")};
	k->nza = (struct principal){.roles = ROL_NZA, .actor = demo_actor(k->s, k->a, "nza")};
	k->bestuur = (struct principal){.roles = ROL_BESTUUR, .actor = demo_actor(k->s, k->a, "bestuur")};
	k->pb = (struct principal){.roles = ROL_PROGRAMMABUREAU, .actor = demo_actor(k->s, k->a, "programmabureau")};
	k->zi = (struct principal){.roles = ROL_ZORGINSTITUUT, .actor = demo_actor(k->s, k->a, "zorginstituut")};
	return rc;
}

/* Whether the round has its board decision (the chain is made). */
static rc_t al_gemaakt(struct keten *k, bool *ja, struct error *e)
{
	struct bestuursbesluit *l = NULL;
	size_t n = 0;
	rc_t rc = bestuursbesluit_lijst(k->s, k->a, k->ronde, &l, &n, e);
	*ja = rc == RC_OK && n > 0;
	return rc;
}

rc_t verantwoording_demo_laad(struct store *s, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_REKENEN_BYTES);
	struct keten k = {.s = s, .a = &a};
	klok_vast(&k.klok, &k.nu_us);
	bool klaar = false;
	rc_t rc = keten_vul(&k, e);
	if (rc == RC_OK)
		rc = demo_beoordeelde_ronde(s, &a, DEMO_RONDE, OPENT_US, SLUIT_US, spec, PROJECTEN, &k.ronde, k.aanvraag, e);
	if (rc == RC_OK)
		rc = al_gemaakt(&k, &klaar, e);
	if (rc != RC_OK || klaar) {
		arena_release(&a);
		return rc;
	}
	rc = besluit(&k, e);
	for (int p = 0; rc == RC_OK && p < PROJECTEN; p++)
		rc = beschik(&k, p, e);
	if (rc == RC_OK)
		rc = kader(&k, 2027, "2028-03-31T21:59:59Z", e);
	if (rc == RC_OK)
		rc = kader(&k, 2028, "2029-03-31T21:59:59Z", e);
	if (rc == RC_OK)
		rc = kader(&k, 2029, "2030-03-31T21:59:59Z", e);
	for (int p = 0; rc == RC_OK && p < PROJECTEN; p++)
		rc = betaal(&k, p, "m1", "2027-07-01", e);
	if (rc == RC_OK)
		rc = betaal(&k, TERUGVORDERING, "m2", "2027-12-01", e);
	int64_t id = 0;
	if (rc == RC_OK)   /* 2027 accounted in time and tested */
		rc = verantwoord(&k, VEREVEND, 2027, 100, "2028-02-20", &id, e);
	if (rc == RC_OK)
		rc = toets(&k, VEREVEND, id, "2028-03-15", e);
	if (rc == RC_OK)
		rc = verantwoord(&k, NIET_PLAUSIBEL, 2027, 100, "2028-02-21", &id, e);
	if (rc == RC_OK)
		rc = toets(&k, NIET_PLAUSIBEL, id, "2028-03-16", e);
	if (rc == RC_OK)   /* after the deadline of 31 March */
		rc = verantwoord(&k, TE_LAAT, 2027, 100, "2028-05-02", &id, e);
	if (rc == RC_OK)
		rc = toets(&k, TE_LAAT, id, "2028-05-10", e);
	if (rc == RC_OK)   /* every year for a tenth of its budget: less than paid, so reclaimed at the last */
		rc = jaren(&k, TERUGVORDERING, 10, 2027, 2027, e);
	if (rc == RC_OK)
		rc = staat_en_oordeel(&k, &k.noord_p, true, true, e);
	if (rc == RC_OK)
		rc = staat_en_oordeel(&k, &k.zuid_p, false, false, e);
	if (rc == RC_OK)
		rc = jaren(&k, TERUGVORDERING, 10, 2028, 2100, e);
	struct principal vz[PROJECTEN];
	for (int p = 0; p < PROJECTEN; p++)
		vz[p] = *verzekeraar(&k, p);
	if (rc == RC_OK)
		rc = monitoring_demo_laad(s, &k.penvoerder, vz, k.beschikking, PROJECTEN, e);
	arena_release(&a);
	return rc;
}
