/*
 * catalogus_modelplan.c -- the rules for one modelplan (docs/catalogus.md
 * §4 P1-P24), for plans inside a catalogue and for a standalone modelplan
 * document, and the rules of that document itself (D1-D5).
 *
 * References resolve against c->cat: the catalogue under validation, or
 * the published catalogue a standalone document names. Shares are basis
 * points summed in int64 with overflow checks.
 */
#include <stdio.h>
#include <string.h>

#include "core/catalogus/catalogus_intern.h"
#include "core/basis/tekst.h"
#include "core/basis/bedrag.h"

static const char *const statussen[] = {"voorbeeld", "concept", "vastgesteld", "ingetrokken", NULL};
static const char *const kostensoorten[] = {"personeel", "materieel", NULL};
static const char *const aarden[] = {"eenmalig", "structureel", NULL};
static const char *const niveaus[] = {"gebruiker", "instelling", NULL};

/* What a plan refers to, resolved once. */
struct plan {
	json_t *mp, *normen;
	json_t *gebied, *thema, *pot; /* NULL when unresolved */
	const char *ptr;              /* the plan's pointer */
	char np[CV_PTR_MAX];          /* its normen pointer */
};

static bool zelfde(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* versie, P1, the area, the structure version and P2, P3. */
static void plan_kop(struct cv *c, struct plan *pl)
{
	json_t *mp = pl->mp;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	int64_t v;
	if (cv_geheel(mp, "versie", &v) && v < 1)
		cv_fout(c, cv_pad(p, pl->ptr, "versie"), "versie_ongeldig", NULL,
			"versie is %lld; een modelplanversie is 1 of hoger.", (long long)v);
	const char *status = cv_tekst(mp, "status");
	if (status && !cv_in(status, statussen))
		cv_fout(c, cv_pad(p, pl->ptr, "status"), "modelplan_status_ongeldig", BRON_MODELPLAN,
			"'%.32s' is geen status; kies voorbeeld, concept, vastgesteld of ingetrokken.", status);
	pl->gebied = cv_verwijzing(c, c->gebieden, mp, "toepassingsgebied_id", pl->ptr,
				   "toepassingsgebied");
	const char *thema_id = cv_tekst(pl->gebied, "thema_id");
	pl->thema = thema_id ? json_object_get(c->themas, thema_id) : NULL;
	const char *pot_id = cv_tekst(pl->thema, "pot_id");
	pl->pot = pot_id ? json_object_get(c->potten, pot_id) : NULL;
	if (cv_geheel(mp, "modelplanstructuur_versie", &v) && c->structuur_ok &&
	    v != c->structuur_versie)
		cv_fout(c, cv_pad(p, pl->ptr, "modelplanstructuur_versie"), "verwijzing_onbekend", NULL,
			"modelplanstructuur_versie %lld bestaat niet; de catalogus heeft versie %lld.",
			(long long)v, (long long)c->structuur_versie);
	json_t *ids = cv_lijst(mp, "vraag_ids"), *gezien = json_object();
	size_t i, ontbreekt = 0;
	json_t *item;
	const char *eerste = NULL, *key;
	cv_pad(q, pl->ptr, "vraag_ids");
	json_array_foreach(ids, i, item) {
		const char *s = json_string_value(item);
		if (!s)
			continue;
		if (!json_object_get(c->vragen, s))
			cv_fout(c, cv_pad_i(p, q, i), "verwijzing_onbekend", NULL,
				"'%.16s' is geen vraag van de modelplanstructuur.", s);
		else if (json_object_get(gezien, s))
			cv_fout(c, cv_pad_i(p, q, i), "modelplan_vragen_onvolledig", BRON_STRUCTUUR,
				"Vraag '%.16s' staat twee keer in vraag_ids; noem iedere vraag één keer.", s);
		else
			json_object_set_new(gezien, s, json_true());
	}
	json_object_foreach(c->vragen, key, item) {
		if (ids && !json_object_get(gezien, key) && ontbreekt++ == 0)
			eerste = key;
	}
	if (ontbreekt)
		cv_fout(c, q, "modelplan_vragen_onvolledig", BRON_STRUCTUUR,
			"%zu vraag/vragen van de modelplanstructuur ontbreken in vraag_ids, de eerste "
			"is '%.16s'; een modelplan gebruikt alle vragen.", ontbreekt, eerste);
	json_decref(gezien);
}

/* P3: each model text answers a question of the plan, at most once. */
static void plan_modelteksten(struct cv *c, struct plan *pl)
{
	json_t *ids = cv_lijst(pl->mp, "vraag_ids"), *gezien = json_object();
	size_t i, k;
	json_t *t, *v;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	json_array_foreach(cv_lijst(pl->mp, "modelteksten"), i, t) {
		const char *vid = cv_tekst(t, "vraag_id");
		if (!vid || !ids)
			continue;
		bool bekend = false;
		json_array_foreach(ids, k, v)
			bekend = bekend || zelfde(json_string_value(v), vid);
		cv_pad(q, cv_pad_i(p, cv_pad(q, pl->ptr, "modelteksten"), i), "vraag_id");
		if (!bekend)
			cv_fout(c, q, "modeltekst_vraag_onbekend", BRON_MODELPLAN,
				"Vraag '%.16s' staat niet in vraag_ids van dit modelplan.", vid);
		else if (json_object_get(gezien, vid))
			cv_fout(c, q, "modeltekst_vraag_onbekend", BRON_MODELPLAN,
				"Vraag '%.16s' heeft al een modeltekst; geef per vraag hoogstens één.", vid);
		json_object_set_new(gezien, vid, json_true());
	}
	json_decref(gezien);
}

/* P4 and the Gupta reference. */
static void plan_fte(struct cv *c, struct plan *pl)
{
	int64_t fte;
	char p[CV_PTR_MAX];
	if (cv_geheel(pl->normen, "min_fte_per_miljoen_milli", &fte) && fte == 0)
		cv_fout(c, cv_pad(p, pl->np, "min_fte_per_miljoen_milli"), "fte_norm_ongeldig",
			BRON_IMPACT, "De fte-norm is 0; geef het minimum aan fte per EUR 1 mln "
			"(in duizendsten) als getal boven 0.");
	cv_verwijzing(c, c->gupta, pl->normen, "referentie_gupta_thema_id", pl->np, "Gupta-thema");
}

/* P5, P6, P7 and G9 for the budget years; fills `maxima` (year -> max). */
static void plan_jaren(struct cv *c, struct plan *pl, json_t *maxima)
{
	json_t *jaren = cv_lijst(pl->normen, "begrotingsjaren");
	json_t *periode = cv_object(pl->pot, "bestedingsperiode");
	int64_t van, tot, som = 0;
	bool periode_ok = cv_geheel(periode, "van_jaar", &van) &&
			  cv_geheel(periode, "tot_en_met_jaar", &tot);
	bool som_ok = jaren != NULL;
	size_t i;
	json_t *j;
	char p[CV_PTR_MAX], q[CV_PTR_MAX], r[CV_PTR_MAX], k[24];
	cv_pad(q, pl->np, "begrotingsjaren");
	cv_dubbele_getallen(c, jaren, "jaar", q, "jaar");
	json_array_foreach(jaren, i, j) {
		int64_t jaar, max;
		cv_pad_i(p, q, i);
		bool jaar_ok = cv_geheel(j, "jaar", &jaar);
		if (jaar_ok && periode_ok && (jaar < van || jaar > tot))
			cv_fout(c, cv_pad(r, p, "jaar"), "begrotingsjaar_buiten_periode", BRON_PERIODE,
				"Begrotingsjaar %lld valt buiten de bestedingsperiode %lld-%lld van de pot.",
				(long long)jaar, (long long)van, (long long)tot);
		if (!cv_geheel(j, "max_aandeel_bp", &max)) {
			som_ok = false;
			continue;
		}
		if (max == 0)
			cv_fout(c, cv_pad(r, p, "max_aandeel_bp"), "bp_buiten_bereik", BRON_PERIODE,
				"max_aandeel_bp is 0; een begrotingsjaar staat minstens 1 basispunt toe "
				"(laat het jaar anders weg).");
		if (__builtin_add_overflow(som, max, &som))
			som_ok = false;
		snprintf(k, sizeof k, "%lld", (long long)jaar);
		if (jaar_ok && !json_object_get(maxima, k))
			json_object_set_new(maxima, k, json_integer(max));
	}
	if (som_ok && som < 10000)
		cv_fout(c, q, "begrotingsjaren_max_te_laag", BRON_PERIODE,
			"De maxima per jaar tellen op tot %lld basispunten; dat moet minstens 10000 "
			"zijn, anders past de begroting nergens.", (long long)som);
}

/* P9, P10, P11 for one milestone; adds its share to `per_jaar`. */
static void mijlpaal(struct cv *c, json_t *m, const char *p, json_t *maxima, json_t *per_jaar,
		     const char **vorige)
{
	char q[CV_PTR_MAX], k[24];
	int64_t aandeel;
	bool aandeel_ok = cv_geheel(m, "aandeel_bp", &aandeel);
	if (aandeel_ok && aandeel == 0)
		cv_fout(c, cv_pad(q, p, "aandeel_bp"), "mijlpaal_aandeel_ongeldig", BRON_MIJLPAAL,
			"Een mijlpaal met aandeel 0 levert geen betaling op; geef een aandeel boven 0.");
	const char *datum = cv_tekst(m, "uiterlijk_op");
	int jaar;
	if (!datum || !cv_datum(datum, &jaar))
		return;
	cv_pad(q, p, "uiterlijk_op");
	if (*vorige && strcmp(datum, *vorige) < 0)
		cv_fout(c, q, "mijlpaal_datum_volgorde", BRON_MIJLPAAL,
			"Deze mijlpaal (%s) ligt vóór de vorige (%s); zet de mijlpalen op volgorde.",
			datum, *vorige);
	*vorige = datum;
	snprintf(k, sizeof k, "%d", jaar);
	if (!json_object_get(maxima, k)) {
		if (json_object_size(maxima) > 0)
			cv_fout(c, q, "mijlpaal_jaar_niet_toegestaan", BRON_PERIODE,
				"De mijlpaal valt in %d, geen begrotingsjaar van dit modelplan.", jaar);
		return;
	}
	json_t *som = json_object_get(per_jaar, k);
	if (som && json_is_null(som))
		return; /* a share of this year is unreadable: its check is skipped */
	int64_t nieuw = som ? (int64_t)json_integer_value(som) : 0;
	if (!aandeel_ok || __builtin_add_overflow(nieuw, aandeel, &nieuw))
		json_object_set_new(per_jaar, k, json_null());
	else
		json_object_set_new(per_jaar, k, json_integer(nieuw));
}

/* P8-P12 and G8, G9 for the milestone template. */
static void plan_mijlpalen(struct cv *c, struct plan *pl, json_t *maxima)
{
	json_t *lijst = cv_lijst(pl->normen, "mijlpalen");
	char q[CV_PTR_MAX], p[CV_PTR_MAX];
	if (!lijst)
		return;
	cv_pad(q, pl->np, "mijlpalen");
	cv_ids_slug(c, lijst, q);
	int64_t som;
	bool over = false;
	if (json_array_size(lijst) == 0)
		cv_fout(c, q, "mijlpalen_som_ongelijk_10000", BRON_MIJLPAAL,
			"Het modelplan heeft geen mijlpalen; betaling gaat per mijlpaal.");
	else if (cv_som(lijst, "aandeel_bp", &som, &over) && som != 10000)
		cv_fout(c, q, "mijlpalen_som_ongelijk_10000", BRON_MIJLPAAL,
			"De aandelen van de mijlpalen tellen op tot %lld basispunten; dat moet "
			"precies 10000 (100 %%) zijn.", (long long)som);
	else if (over)
		cv_fout(c, q, "mijlpalen_som_ongelijk_10000", BRON_MIJLPAAL,
			"De aandelen van de mijlpalen tellen op tot meer dan 64 bits; samen zijn ze "
			"precies 10000 (100 %%).");
	json_t *per_jaar = json_object();
	const char *vorige = NULL;
	size_t i;
	json_t *m;
	json_array_foreach(lijst, i, m)
		mijlpaal(c, m, cv_pad_i(p, q, i), maxima, per_jaar, &vorige);
	const char *k;
	json_t *v;
	json_object_foreach(per_jaar, k, v) {
		int64_t aandeel = (int64_t)json_integer_value(v);
		int64_t max = (int64_t)json_integer_value(json_object_get(maxima, k));
		if (json_is_integer(v) && aandeel > max)
			cv_fout(c, q, "mijlpaal_jaaraandeel_boven_max", BRON_PERIODE,
				"De mijlpalen in %s hebben samen %lld basispunten; dat jaar staat er "
				"hoogstens %lld toe.", k, (long long)aandeel, (long long)max);
	}
	json_decref(per_jaar);
}

/* P13, P14, P15 and G8, G9 for the cost types. */
static void plan_kosten(struct cv *c, struct plan *pl)
{
	json_t *lijst = cv_lijst(pl->normen, "kostensoorten");
	char q[CV_PTR_MAX], p[CV_PTR_MAX], r[CV_PTR_MAX];
	if (!lijst)
		return;
	cv_pad(q, pl->np, "kostensoorten");
	cv_ids_slug(c, lijst, q);
	bool gezien[2][2] = {{false, false}, {false, false}}, financierbaar_ooit = false;
	size_t i;
	json_t *k;
	json_array_foreach(lijst, i, k) {
		cv_pad_i(p, q, i);
		const char *soort = cv_tekst(k, "kostensoort"), *aard = cv_tekst(k, "aard");
		bool fin, fin_ok = cv_bool(k, "financierbaar", &fin);
		financierbaar_ooit = financierbaar_ooit || (fin_ok && fin);
		if (soort && !cv_in(soort, kostensoorten))
			cv_fout(c, cv_pad(r, p, "kostensoort"), "kostensoorten_onvolledig", BRON_KOSTEN,
				"'%.32s' is geen kostensoort; kies personeel of materieel.", soort);
		if (aard && !cv_in(aard, aarden))
			cv_fout(c, cv_pad(r, p, "aard"), "kostensoorten_onvolledig", BRON_KOSTEN,
				"'%.32s' is geen aard van kosten; kies eenmalig of structureel.", aard);
		if (!cv_in(soort, kostensoorten) || !cv_in(aard, aarden))
			continue;
		int s = strcmp(soort, "materieel") == 0, a = strcmp(aard, "structureel") == 0;
		if (gezien[s][a])
			cv_fout(c, p, "kostensoorten_onvolledig", BRON_KOSTEN,
				"De combinatie %s/%s staat al eerder in de lijst; noem iedere combinatie "
				"één keer.", soort, aard);
		gezien[s][a] = true;
		if (a && fin_ok && fin)
			cv_fout(c, p, "structurele_kosten_financierbaar", BRON_KOSTEN,
				"Structurele kosten zijn niet financierbaar uit de doorbraakmiddelen; zet "
				"financierbaar op false.");
	}
	for (int s = 0; s < 2; s++)
		for (int a = 0; a < 2; a++)
			if (!gezien[s][a])
				cv_fout(c, q, "kostensoorten_onvolledig", BRON_KOSTEN,
					"De combinatie %s/%s ontbreekt; noem alle vier de combinaties.",
					kostensoorten[s], aarden[a]);
	if (!financierbaar_ooit && json_array_size(lijst) > 0)
		cv_fout(c, q, "geen_financierbare_kostensoort", BRON_KOSTEN,
			"Geen enkele kostensoort is financierbaar; dan kan niets worden aangevraagd.");
}

/* P16, P17 and G8, G9 for the amount frames. */
static void plan_bedragen(struct cv *c, struct plan *pl)
{
	json_t *kaders = cv_object(pl->normen, "bedragkaders");
	char q[CV_PTR_MAX], p[CV_PTR_MAX], r[CV_PTR_MAX], veld[CV_PTR_MAX], a[40], b[40];
	if (!kaders)
		return;
	cv_pad(q, pl->np, "bedragkaders");
	int64_t aanvraag = 0, aanbieder = 0, richt;
	bool aanvraag_ok = cv_geheel(kaders, "max_per_aanvraag_cent", &aanvraag);
	bool aanbieder_ok = cv_geheel(kaders, "max_per_zorgaanbieder_cent", &aanbieder);
	if (aanvraag_ok && aanvraag == 0)
		cv_fout(c, cv_pad(p, q, "max_per_aanvraag_cent"), "bedragkader_ongeldig", BRON_MODELPLAN,
			"Een maximum van 0 per aanvraag sluit alles uit; geef een bedrag boven 0 of null.");
	if (aanbieder_ok && aanbieder == 0)
		cv_fout(c, cv_pad(p, q, "max_per_zorgaanbieder_cent"), "bedragkader_ongeldig",
			BRON_MODELPLAN, "Een maximum van 0 per zorgaanbieder sluit alles uit; geef een "
			"bedrag boven 0 of null.");
	if (aanvraag_ok && aanbieder_ok && aanvraag > 0 && aanbieder > aanvraag)
		cv_fout(c, cv_pad(p, q, "max_per_zorgaanbieder_cent"), "bedragkader_ongeldig",
			BRON_MODELPLAN, "Het maximum per zorgaanbieder (%s) is hoger dan dat per "
			"aanvraag (%s).", bedrag_tekst(aanbieder, a, sizeof a), bedrag_tekst(aanvraag, b, sizeof b));
	json_t *eenheden = cv_lijst(kaders, "per_eenheid");
	cv_ids_slug(c, eenheden, cv_pad(r, q, "per_eenheid"));
	size_t i;
	json_t *e;
	json_array_foreach(eenheden, i, e) {
		int64_t max;
		const char *naam = cv_tekst(e, "eenheid");
		cv_pad_i(p, r, i);
		if (naam && !tekst_aanwezig(naam))
			cv_fout(c, cv_pad(veld, p, "eenheid"), "bedragkader_ongeldig",
				BRON_MODELPLAN, "Beschrijf de eenheid waarvoor het maximum geldt.");
		if (cv_geheel(e, "max_bedrag_cent", &max) && max == 0)
			cv_fout(c, cv_pad(veld, p, "max_bedrag_cent"), "bedragkader_ongeldig", BRON_MODELPLAN,
				"Een maximum van 0 per eenheid sluit alles uit; geef een bedrag boven 0.");
	}
	if (aanvraag_ok && pl->thema && cv_geheel(pl->thema, "richtbedrag_cent", &richt) &&
	    aanvraag > richt)
		cv_fout(c, cv_pad(p, q, "max_per_aanvraag_cent"), "bedragkader_boven_richtbedrag",
			BRON_THEMA, "Het maximum per aanvraag (%s) is hoger dan het richtbedrag van het "
			"thema (%s).", bedrag_tekst(aanvraag, a, sizeof a), bedrag_tekst(richt, b, sizeof b));
}

/* P18, P19, P20 and G10 for the application form. */
static void plan_aanvraagvorm(struct cv *c, struct plan *pl)
{
	json_t *vorm = cv_object(pl->normen, "aanvraagvorm");
	char q[CV_PTR_MAX], p[CV_PTR_MAX];
	if (!vorm)
		return;
	cv_pad(q, pl->np, "aanvraagvorm");
	bool individueel, zorgpad;
	int64_t min;
	bool ind_ok = cv_bool(vorm, "individuele_aanvraag_toegestaan", &individueel);
	if (cv_geheel(vorm, "min_aantal_zorgaanbieders", &min) &&
	    (min < 1 || (ind_ok && !individueel && min < 2)))
		cv_fout(c, cv_pad(p, q, "min_aantal_zorgaanbieders"), "aanvraagvorm_inconsistent",
			BRON_BASISEIS, "min_aantal_zorgaanbieders is %lld; dat is minstens %d (basiseis "
			"12: gezamenlijke aanvragen).", (long long)min, ind_ok && !individueel ? 2 : 1);
	const char *motivering = cv_tekst(vorm, "individuele_aanvraag_motivering");
	if (ind_ok && individueel && !tekst_aanwezig(motivering))
		cv_fout(c, cv_pad(p, q, "individuele_aanvraag_motivering"), "aanvraagvorm_inconsistent",
			BRON_BASISEIS, "Een individuele aanvraag mag alleen met motivering (basiseis 12); "
			"vul individuele_aanvraag_motivering in.");
	json_t *vereist = cv_lijst(vorm, "vereiste_sectoren");
	cv_pad(p, q, "vereiste_sectoren");
	cv_verwijzingen(c, c->sectoren, vereist, p, "sector");
	json_t *gebied_sectoren = cv_lijst(pl->gebied, "sectoren");
	size_t i, k;
	json_t *v, *g;
	json_array_foreach(gebied_sectoren ? vereist : NULL, i, v) {
		const char *s = json_string_value(v);
		bool binnen = false;
		json_array_foreach(gebied_sectoren, k, g)
			binnen = binnen || zelfde(json_string_value(g), s);
		char r[CV_PTR_MAX];
		if (s && json_object_get(c->sectoren, s) && !binnen)
			cv_fout(c, cv_pad_i(r, p, i), "vereiste_sector_buiten_gebied", BRON_GEBIED,
				"Sector '%.32s' hoort niet bij het toepassingsgebied; vereis alleen sectoren "
				"van het gebied.", s);
	}
	json_t *paden = cv_lijst(pl->gebied, "zorgpaden");
	if (paden && cv_bool(vorm, "zorgpadkeuze_verplicht", &zorgpad) &&
	    zorgpad != (json_array_size(paden) > 0))
		cv_fout(c, cv_pad(p, q, "zorgpadkeuze_verplicht"), "zorgpadkeuze_inconsistent",
			BRON_GEBIED, "zorgpadkeuze_verplicht moet %s zijn: het toepassingsgebied heeft %s "
			"zorgpaden.", zorgpad ? "false" : "true", zorgpad ? "geen" : "wel");
}

/* P21-P24: change support, full scale-up, tolerances, partial funding. */
static void plan_overig(struct cv *c, struct plan *pl)
{
	char q[CV_PTR_MAX], p[CV_PTR_MAX];
	json_t *vo = cv_object(pl->normen, "veranderkundige_ondersteuning");
	static const char *const plichten[] = {"scholing_verplicht",
		"veranderkundige_ondersteuning_verplicht"};
	cv_pad(q, pl->np, "veranderkundige_ondersteuning");
	for (size_t i = 0; vo && i < 2; i++) {
		bool b;
		if (cv_bool(vo, plichten[i], &b) && !b)
			cv_fout(c, cv_pad(p, q, plichten[i]), "veranderkundige_ondersteuning_ontbreekt",
				BRON_BASISEIS, "Basiseis 13 vraagt scholing en veranderkundige "
				"ondersteuning in ieder modelplan; zet %s op true.", plichten[i]);
	}
	json_t *eisen = cv_lijst(vo, "eisen");
	if (eisen && json_array_size(eisen) == 0)
		cv_fout(c, cv_pad(p, q, "eisen"), "veranderkundige_ondersteuning_ontbreekt",
			BRON_BASISEIS, "Noem minstens één eis aan scholing of veranderkundige ondersteuning.");
	json_t *vol = cv_object(pl->normen, "volledige_opschaling");
	const char *niveau = cv_tekst(vol, "niveau"), *omschrijving = cv_tekst(vol, "omschrijving");
	cv_pad(q, pl->np, "volledige_opschaling");
	if (niveau && !cv_in(niveau, niveaus))
		cv_fout(c, cv_pad(p, q, "niveau"), "volledige_opschaling_ongeldig", BRON_STRUCTUUR,
			"'%.32s' is geen niveau; kies gebruiker of instelling.", niveau);
	if (omschrijving && !tekst_aanwezig(omschrijving))
		cv_fout(c, cv_pad(p, q, "omschrijving"), "volledige_opschaling_ongeldig", BRON_STRUCTUUR,
			"Beschrijf wanneer volledige opschaling is bereikt.");
	int64_t dagen, deel;
	json_t *tol = cv_object(pl->normen, "toleranties");
	if (cv_geheel(tol, "mijlpaal_datum_dagen", &dagen) && (dagen < 0 || dagen > 366))
		cv_fout(c, cv_pad(p, cv_pad(q, pl->np, "toleranties"), "mijlpaal_datum_dagen"),
			"tolerantie_ongeldig", "[001 \"Vervolgproces\"], [002 §4.2]",
			"mijlpaal_datum_dagen is %lld; gebruik 0 tot en met 366 dagen.", (long long)dagen);
	if (cv_geheel(pl->normen, "min_aandeel_deelfinanciering_bp", &deel) && deel == 0)
		cv_fout(c, cv_pad(p, pl->np, "min_aandeel_deelfinanciering_bp"),
			"deelfinanciering_ongeldig", "[002 §4.2], [001 \"Vervolgproces\"]",
			"Een minimum van 0 basispunten laat elke korting toe; gebruik 1 tot en met 10000.");
}

void cv_modelplan(struct cv *c, json_t *mp, const char *ptr)
{
	struct plan pl = {.mp = mp, .ptr = ptr};
	plan_kop(c, &pl);
	plan_modelteksten(c, &pl);
	pl.normen = cv_object(mp, "normen");
	if (!pl.normen)
		return;
	cv_pad(pl.np, ptr, "normen");
	json_t *maxima = json_object();
	plan_fte(c, &pl);
	plan_jaren(c, &pl, maxima);
	plan_mijlpalen(c, &pl, maxima);
	plan_kosten(c, &pl);
	plan_bedragen(c, &pl);
	plan_aanvraagvorm(c, &pl);
	plan_overig(c, &pl);
	json_decref(maxima);
}

/* ---- the standalone document (D1-D5) --------------------------------- */

static const char *const modelplanvelden[] = {"id", "versie", "status", "naam",
	"toepassingsgebied_id", "modelplanstructuur_versie", "vastgesteld_op", "vraag_ids",
	"modelteksten", "normen", "bron", NULL};

json_t *cv_modelplan_inhoud(json_t *doc)
{
	json_t *uit = json_object();
	for (size_t i = 0; uit && modelplanvelden[i]; i++) {
		json_t *v = json_object_get(doc, modelplanvelden[i]);
		if (v && json_object_set(uit, modelplanvelden[i], v) != 0) {
			json_decref(uit);
			return NULL;
		}
	}
	return uit;
}

/* G4 (versie, schema_versie), D3 (vorige_versie) and D4. */
static void document_kop(struct cv *c)
{
	json_t *d = c->doc;
	int64_t versie, vorige, schema;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	if (cv_geheel(d, "schema_versie", &schema) && schema != 1)
		cv_fout(c, "/schema_versie", "versie_ongeldig", NULL,
			"schema_versie %lld is onbekend; dit formaat is schema_versie 1.", (long long)schema);
	if (cv_geheel(d, "versie", &versie) && versie >= 1 && cv_geheel(d, "vorige_versie", &vorige) &&
	    vorige != versie - 1)
		cv_fout(c, "/vorige_versie", "modelplan_versie_volgorde", BRON_MODELPLAN,
			"vorige_versie is %lld maar moet %lld zijn (versie - 1).", (long long)vorige,
			(long long)(versie - 1));
	json_t *w = cv_lijst(d, "wijzigingen");
	if (w && json_array_size(w) == 0)
		cv_fout(c, "/wijzigingen", "wijzigingen_leeg", BRON_MODELPLAN,
			"Een nieuwe modelplanversie zegt wat er veranderde; vul wijzigingen.");
	size_t i;
	json_t *item;
	json_array_foreach(w, i, item) {
		const char *pad = cv_tekst(item, "pad");
		if (pad && pad[0] == '\0')
			cv_fout(c, cv_pad(q, cv_pad_i(p, "/wijzigingen", i), "pad"), "wijzigingen_leeg",
				BRON_MODELPLAN, "Noem het pad van het gewijzigde veld, bijvoorbeeld "
				"normen.mijlpalen[m3].aandeel_bp.");
	}
}

/* The plan with `id` and version `versie` in catalogue `cat`, or NULL. */
static json_t *catalogus_plan(json_t *cat, const char *id, int64_t versie)
{
	size_t i;
	json_t *mp;
	json_array_foreach(cv_lijst(cat, "modelplannen"), i, mp) {
		int64_t v;
		if (zelfde(cv_tekst(mp, "id"), id) && cv_geheel(mp, "versie", &v) && v == versie)
			return mp;
	}
	return NULL;
}

/* D3: the version follows the highest published one, a published
 * version never changes, and the area stays the same. */
static void document_versie(struct cv *c, const struct catalogus_bekend *bekend, int64_t hoogste,
			    const char *gebied)
{
	json_t *d = c->doc;
	const char *id = cv_tekst(d, "id");
	int64_t versie;
	if (!cv_geheel(d, "versie", &versie))
		return;
	if (versie < 1) {
		cv_fout(c, "/versie", "versie_ongeldig", NULL,
			"versie is %lld; een modelplanversie is 1 of hoger.", (long long)versie);
		return;
	}
	enum catalogus_bestaand bestaand = bekend->bestaand;
	json_t *zelfde_versie = catalogus_plan(c->cat, id, versie);
	if (bestaand == CATALOGUS_NIEUW && zelfde_versie) {
		json_t *inhoud = cv_modelplan_inhoud(d);
		bestaand = json_equal(inhoud, zelfde_versie) ? CATALOGUS_GELIJK : CATALOGUS_ANDERS;
		json_decref(inhoud);
	}
	if (bestaand == CATALOGUS_ANDERS)
		cv_conflict(c, "/versie", "modelplanversie_gewijzigd", BRON_MODELPLAN,
			"Versie %lld van %.64s is al gepubliceerd met andere inhoud en verandert nooit "
			"meer; publiceer dit als nieuwe versie %lld.", (long long)versie, id,
			(long long)(hoogste + 1));
	else if (versie != hoogste + 1)
		cv_conflict(c, "/versie", "modelplan_versie_volgorde", BRON_MODELPLAN,
			"%s; de hoogste gepubliceerde versie van %.64s is %lld, dus de nieuwe versie "
			"is %lld.", versie <= hoogste ? "Deze versie is al gepubliceerd" :
			"Deze versie slaat een nummer over", id, (long long)hoogste,
			(long long)(hoogste + 1));
	const char *eigen = cv_tekst(d, "toepassingsgebied_id");
	if (gebied && eigen && strcmp(gebied, eigen) != 0)
		cv_fout(c, "/toepassingsgebied_id", "modelplan_versie_volgorde", BRON_MODELPLAN,
			"Een nieuwe versie houdt het toepassingsgebied van het modelplan ('%.64s'); "
			"een ander gebied krijgt een eigen modelplan.", gebied);
}

void cv_modelplandocument(struct cv *c, const struct catalogus_bekend *bekend)
{
	json_t *d = c->doc;
	document_kop(c);
	int64_t gevraagd;
	bool gevraagd_ok = cv_geheel(d, "catalogus_versie", &gevraagd);
	if (!bekend || !bekend->catalogus) {
		if (gevraagd_ok)
			cv_fout(c, "/catalogus_versie", "modelplan_catalogus_onbekend", BRON_MODELPLAN,
				"Catalogusversie %lld is niet gepubliceerd; verwijs naar een "
				"gepubliceerde catalogusversie.", (long long)gevraagd);
		return;
	}
	c->cat = bekend->catalogus;
	cv_indexen(c, false);
	const char *id = cv_tekst(d, "id");
	int64_t hoogste = bekend->hoogste_versie;
	const char *gebied = bekend->toepassingsgebied;
	size_t i;
	json_t *mp;
	json_array_foreach(cv_lijst(c->cat, "modelplannen"), i, mp) {
		int64_t v;
		if (zelfde(cv_tekst(mp, "id"), id) && cv_geheel(mp, "versie", &v) && v > hoogste) {
			hoogste = v;
			gebied = cv_tekst(mp, "toepassingsgebied_id");
		}
	}
	if (id && hoogste == 0)
		cv_fout(c, "/id", "verwijzing_onbekend", BRON_MODELPLAN,
			"Er is geen modelplan '%.64s'; een nieuw modelplan komt in een nieuwe "
			"catalogusversie.", id);
	else if (id)
		document_versie(c, bekend, hoogste, gebied);
	cv_modelplan(c, d, "");
}
