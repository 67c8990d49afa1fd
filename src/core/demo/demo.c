/*
 * demo.c -- demo parties and accounts. See demo.h.
 */
#include "core/demo/demo.h"
#include "core/verdeling/kaderbesluit.h"

#include <stdio.h>
#include <string.h>

#include "core/aanvraag/aanvraagdossier.h"
#include "core/toegang/gebruiker.h"
#include "core/toegang/organisatie.h"
#include "core/verdeling/verdeelscenario.h"

/* Organisations to create; `sleutel` names them for the accounts below. */
static const struct {
	const char *sleutel;
	struct organisatie org;
} demo_organisaties[] = {
	{"verzekeraar-noord", {.soort = "zorgverzekeraar", .naam = "Demo Zorgverzekeraar Noord", .plaats = "Groningen",
			       .uzovi_code = "9001", .concern = "Demo Verzekeringsgroep A",
			       .iban = "NL91ABNA0417164300"}},
	{"verzekeraar-zuid", {.soort = "zorgverzekeraar", .naam = "Demo Zorgverzekeraar Zuid", .plaats = "Eindhoven",
			      .uzovi_code = "9002", .concern = "Demo Verzekeringsgroep B"}},
	{"verzekeraar-west", {.soort = "zorgverzekeraar", .naam = "Demo Zorgverzekeraar West", .plaats = "Leiden",
			      .uzovi_code = "9003", .concern = "Demo Verzekeringsgroep A"}},
	{"ziekenhuis", {.soort = "zorgaanbieder", .naam = "Demo Ziekenhuis Noorderkwartier", .plaats = "Alkmaar",
			.agb_code = "99000001", .kvk_nummer = "99000101"}},
	{"vvt", {.soort = "zorgaanbieder", .naam = "Demo Thuiszorg Eemland", .plaats = "Amersfoort",
		 .agb_code = "99000002", .kvk_nummer = "99000102"}},
	{"ggz", {.soort = "zorgaanbieder", .naam = "Demo GGZ Rivierenland", .plaats = "Tiel",
		 .agb_code = "99000003", .kvk_nummer = "99000103"}},
	{"huisartsen", {.soort = "zorgaanbieder", .naam = "Demo Huisartsencoöperatie Zuidoost", .plaats = "Eindhoven",
			.agb_code = "99000004", .kvk_nummer = "99000104"}},
	{"groningen", {.soort = "gemeente", .cbs_code = "0014"}},
	{"amsterdam", {.soort = "gemeente", .cbs_code = "0363"}},
	{"eindhoven", {.soort = "gemeente", .cbs_code = "0772"}},
	{"utrecht", {.soort = "gemeente", .cbs_code = "0344"}},
	{"stadskanaal", {.soort = "gemeente", .cbs_code = "0037"}},
};

/* One account per role, and the demo applications' second insurer (so that both
 * assessments can be made in the browser); organisatie is a demo key above or a
 * fixed body. */
static const struct {
	const char *gebruikersnaam;
	const char *rol;
	const char *organisatie;
	const char *naam, *functie;   /* the (invented) person and their function */
} demo_spec[] = {
	{"aanvrager", "aanvrager", "ziekenhuis", "Sanne Bakker", "projectleider transformatie"},
	{"beoordelaar", "beoordelaar", "verzekeraar-noord", "Mark Visser", "zorginkoper"},
	{"beoordelaar-zuid", "beoordelaar", "verzekeraar-zuid", "Fatima El Amrani", "adviseur zorginkoop"},
	/* a second assessor of the coordinating insurer: an application is assigned to one of them */
	{"beoordelaar-2", "beoordelaar", "verzekeraar-noord", "Daan de Vries", "medisch adviseur"},
	{"bestuur", "bestuur", "bestuur", "Hans Smit", "secretaris Bestuurlijk Overleg"},
	{"nza", "nza", "nza", "drs. Eva de Groot", "directeur Zorgmarkten Cure"},
	{"programmabureau", "programmabureau", "programmabureau", "Joost Mulder", "programmamanager AZWA"},
	{"gemeente", "gemeente", "groningen", "Lotte de Boer", "beleidsadviseur sociaal domein"},
	{"zorginstituut", "zorginstituut", "zorginstituut", "Peter van Dijk", "adviseur risicoverevening"},
	{"auditor", "auditor", "programmabureau", "Ingrid Vos", "auditor"},
	{"beheerder", "beheerder", "programmabureau", "Tim Jansen", "functioneel beheerder"},
	/* the second pair of eyes */
	{"beheerder-2", "beheerder", "programmabureau", "Noor Peters", "functioneel beheerder"},
	/* the SPUK of the social domain */
	{"vws", "vws", "programmabureau", "Karin Hendriks", "beleidsmedewerker SPUK"},
	/* a second municipality of region VR01 */
	{"gemeente-stadskanaal", "gemeente", "stadskanaal", "Bram Kok", "beleidsadviseur zorg"},
	/* mandaatgemeente of VR13, its SPUK paid */
	{"gemeente-amsterdam", "gemeente", "amsterdam", "Yara Wouters", "regiocoördinator"},
	/* assesses work agendas for the VNG */
	{"beoordelaar-vng", "beoordelaar", "utrecht", "Ruben Meijer", "beoordelaar namens de VNG"},
};

const struct demo_account demo_accounts[] = {
	{"aanvrager", "aanvrager", "Demo Ziekenhuis Noorderkwartier"},
	{"beoordelaar", "beoordelaar", "Demo Zorgverzekeraar Noord"},
	{"beoordelaar-zuid", "beoordelaar", "Demo Zorgverzekeraar Zuid"},
	{"beoordelaar-2", "beoordelaar", "Demo Zorgverzekeraar Noord"},
	{"bestuur", "bestuur", "Bestuurlijk Overleg IZA/AZWA"},
	{"nza", "nza", "Nederlandse Zorgautoriteit (NZa)"},
	{"programmabureau", "programmabureau", "Programmabureau AZWA (ministerie van VWS)"},
	{"gemeente", "gemeente", "Groningen (gemeente)"},
	{"zorginstituut", "zorginstituut", "Zorginstituut Nederland"},
	{"auditor", "auditor", "Programmabureau AZWA (ministerie van VWS)"},
	{"beheerder", "beheerder", "Programmabureau AZWA (ministerie van VWS)"},
	{"beheerder-2", "beheerder", "Programmabureau AZWA (ministerie van VWS)"},
	{"vws", "vws", "Programmabureau AZWA (ministerie van VWS)"},
	{"gemeente-stadskanaal", "gemeente", "Stadskanaal (gemeente)"},
	{"gemeente-amsterdam", "gemeente", "Amsterdam (gemeente)"},
	{"beoordelaar-vng", "beoordelaar", "Utrecht (gemeente), namens de VNG"},
};
const size_t demo_account_aantal = sizeof demo_accounts / sizeof demo_accounts[0];

_Static_assert(sizeof demo_spec / sizeof demo_spec[0] == sizeof demo_accounts / sizeof demo_accounts[0],
	       "one printed line per demo account");

#define DEMO_ORG_AANTAL (sizeof demo_organisaties / sizeof demo_organisaties[0])

/* The id of organisation `sleutel`: a demo one (made when missing) or a
 * fixed body. */
static rc_t demo_organisatie_id(struct store *s, struct arena *a, const char *sleutel,
				const struct principal *who, int64_t *id, struct error *e)
{
	struct organisatie gevonden;
	for (size_t i = 0; i < DEMO_ORG_AANTAL; i++) {
		if (strcmp(demo_organisaties[i].sleutel, sleutel) != 0)
			continue;
		const struct organisatie *o = &demo_organisaties[i].org;
		rc_t rc = organisatie_zoek(s, a, o->agb_code, o->uzovi_code, o->cbs_code, &gevonden, e);
		if (rc == RC_OK) {
			*id = gevonden.id;
			return RC_OK;
		}
		if (rc != RC_NOT_FOUND)
			return rc;
		error_clear(e);
		return organisatie_maak(s, who, o, true, id, e);
	}
	rc_t rc = organisatie_vast_orgaan(s, a, sleutel, &gevonden, e);
	if (rc == RC_OK)
		*id = gevonden.id;
	return rc;
}

rc_t demo_laad(struct store *s, bool na_betaling, struct error *e)
{
	struct principal demo = {.actor = "demo"};
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	rc_t rc = RC_OK;
	for (size_t i = 0; rc == RC_OK && i < DEMO_ORG_AANTAL; i++) {
		int64_t id = 0;
		rc = demo_organisatie_id(s, &a, demo_organisaties[i].sleutel, &demo, &id, e);
	}
	for (size_t i = 0; rc == RC_OK && i < demo_account_aantal; i++) {
		struct gebruiker bestaand;
		rc = gebruiker_zoek(s, &a, demo_spec[i].gebruikersnaam, &bestaand, e);
		if (rc != RC_NOT_FOUND)
			continue;
		error_clear(e);
		int64_t org = 0;
		rc = demo_organisatie_id(s, &a, demo_spec[i].organisatie, &demo, &org, e);
		if (rc != RC_OK)
			break;
		char email[96];
		snprintf(email, sizeof email, "%s@demo.doorbraak.example", demo_spec[i].gebruikersnaam);
		const char *rollen[] = {demo_spec[i].rol};
		struct gebruiker_nieuw nieuw = {
			.organisatie_id = org, .gebruikersnaam = demo_spec[i].gebruikersnaam,
			.email = email, .wachtwoord = DEMO_WACHTWOORD, .rollen = rollen, .rol_aantal = 1,
			.demo = true, .naam = demo_spec[i].naam, .functie = demo_spec[i].functie,
		};
		struct gebruiker_inschrijving inschrijving;
		rc = gebruiker_maak(s, &demo, &nieuw, &inschrijving, e);
	}
	arena_release(&a);
	if (rc == RC_OK) /* rounds and applications in every state (demo_aanvragen.c) */
		rc = aanvraag_demo_laad(s, e);
	if (rc == RC_OK) /* an assessed round and the board's scenarios (demo_verdeling.c) */
		rc = verdeling_demo_laad(s, e);
	if (rc == RC_OK && na_betaling) /* beschikt, paid, accounted, judged, settled (demo_verantwoording.c) */
		rc = verantwoording_demo_laad(s, e);
	if (rc == RC_OK && na_betaling)
		rc = kaderbesluit_demo_laad(s, e);
	return rc;
}

/* One demo framework decision of the board: its macrobedragen per theme. */
static rc_t demo_kaderbesluit(struct store *s, const struct principal *bestuur, const char *moment,
			      const int64_t macro[3], const char *lat, const char *motivering, struct error *e)
{
	static const char *const themas[] = {"ai", "digitale-hybride-zorg", "medische-technologie"};
	struct kaderbesluit_invoer in = {.thema_aantal = 3, .impactlat_id = lat, .motivering = motivering};
	for (size_t i = 0; i < 3; i++)
		in.themas[i] = (struct kaderbesluit_thema){themas[i], macro[i]};
	int64_t nu_us = 0, id = 0, versie = 0;
	struct klok k;
	klok_vast(&k, &nu_us);
	if (!klok_lees(moment, &nu_us))
		return error_set(e, RC_INTERNAL, "Ongeldig demomoment %s.", moment);
	return kaderbesluit_neem(s, bestuur, &k, &in, &id, &versie, e);
}

rc_t kaderbesluit_demo_laad(struct store *s, struct error *e)
{
	json_t *lijst = NULL;
	rc_t rc = kaderbesluit_lijst(s, &lijst, e);
	bool al = rc == RC_OK && json_array_size(json_object_get(lijst, "kaderbesluiten")) > 0;
	json_decref(lijst);
	if (rc != RC_OK || al)
		return rc;
	struct arena a;
	arena_init(&a, ARENA_TABEL_BYTES);
	struct principal bestuur = {.roles = ROL_BESTUUR, .actor = demo_actor(s, &a, "bestuur")};
	static const int64_t eerste[3] = {28000000000, 27000000000, 5000000000};
	static const int64_t tweede[3] = {28500000000, 26500000000, 5000000000};
	rc = demo_kaderbesluit(s, &bestuur, "2026-11-20T10:00:00Z", eerste, "B",
			       "De modelplannen zijn af; AI krijgt EUR 5 mln meer dan het richtbedrag, ten laste van "
			       "digitale en hybride zorg. Impactlat B: de top 10% van de IZA-plannen.", e);
	if (rc == RC_OK)
		rc = demo_kaderbesluit(s, &bestuur, "2026-12-01T10:00:00Z", tweede, "B",
				       "Herzien na de inschrijving: nog EUR 5 mln naar AI.", e);
	arena_release(&a);
	return rc;
}

const char *demo_actor(struct store *s, struct arena *a, const char *gebruikersnaam)
{
	struct error e;
	error_clear(&e);
	struct gebruiker g;
	const char *actor = gebruiker_zoek(s, a, gebruikersnaam, &g, &e) == RC_OK
		? arena_printf(a, "gebruiker:%lld", (long long)g.id) : NULL;
	return actor ? actor : "demo";
}

rc_t demo_organisatie_code_id(struct store *s, struct arena *a, const char *agb,
			 const char *uzovi, const char *cbs, int64_t *id, struct error *e)
{
	struct organisatie o;
	rc_t rc = organisatie_zoek(s, a, agb, uzovi, cbs, &o, e);
	if (rc == RC_OK)
		*id = o.id;
	return rc;
}

void demo_vervang_getal(json_t *v, json_int_t van, json_int_t naar)
{
	size_t i;
	const char *k;
	json_t *x;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x) {
			if (json_is_integer(x) && json_integer_value(x) == van)
				json_integer_set(x, naar);
			else
				demo_vervang_getal(x, van, naar);
		}
	} else if (json_is_object(v)) {
		json_object_foreach(v, k, x) {
			if (json_is_integer(x) && json_integer_value(x) == van)
				json_integer_set(x, naar);
			else
				demo_vervang_getal(x, van, naar);
		}
	}
}
