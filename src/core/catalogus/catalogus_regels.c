/*
 * catalogus_regels.c -- the consistency rules of a whole catalogue
 * (docs/catalogus.md §4: G3-G6, G10, G11, M, R, T, B, S, O).
 *
 * Each function checks one part of the document and reports everything
 * it finds. Sums are int64 with overflow checks; a rule whose inputs are
 * absent, mistyped or unresolved is skipped, because that defect has
 * been reported already.
 */
#include <stdio.h>
#include <string.h>

#include "core/catalogus/catalogus_intern.h"
#include "core/basis/bedrag.h"

static const char *const kanalen[] = {"zorgverzekeraars", "gemeenten-spuk", NULL};
static const char *const verdelingen[] = {"themas", "basisfunctionaliteiten", NULL};
static const char *const regelsoorten[] = {"uitsluiting", "voorwaarde", "procedure", "financieel", NULL};
static const char *const azwa_statussen[] = {"basisfunctionaliteit", "ontwikkelagenda-deel-1", NULL};
/* G11: reports `key` of `o` when it is a string outside `allowed`. */
void cv_enum_veld(struct cv *c, json_t *o, const char *key, const char *const *allowed,
		      const char *ptr)
{
	const char *v = cv_tekst(o, key);
	char p[CV_PTR_MAX];
	if (v && !cv_in(v, allowed))
		cv_fout(c, cv_pad(p, ptr, key), "waarde_ongeldig", NULL,
			"'%.64s' is geen toegestane waarde voor '%s'; kies uit de lijst in "
			"docs/catalogus.md.", v, key);
}

/* G3, G4, G6 and the format version. */
static void regels_kop(struct cv *c)
{
	json_t *d = c->doc;
	int64_t versie, vorige, schema;
	if (cv_geheel(d, "schema_versie", &schema) && schema != 1)
		cv_fout(c, "/schema_versie", "versie_ongeldig", NULL,
			"schema_versie %lld is onbekend; dit formaat is schema_versie 1.", (long long)schema);
	if (cv_geheel(d, "versie", &versie)) {
		json_t *vv = json_object_get(d, "vorige_versie");
		if (versie < 1)
			cv_fout(c, "/versie", "versie_ongeldig", NULL,
				"versie is %lld; een catalogusversie is 1 of hoger.", (long long)versie);
		else if (versie == 1 && json_is_integer(vv))
			cv_fout(c, "/vorige_versie", "versie_ongeldig", NULL,
				"Versie 1 heeft geen vorige versie; zet vorige_versie op null.");
		else if (versie > 1 && json_is_null(vv))
			cv_fout(c, "/vorige_versie", "versie_ongeldig", NULL,
				"Zet vorige_versie op %lld (versie - 1).", (long long)(versie - 1));
		else if (versie > 1 && cv_geheel(d, "vorige_versie", &vorige) && vorige != versie - 1)
			cv_fout(c, "/vorige_versie", "versie_ongeldig", NULL,
				"vorige_versie is %lld maar moet %lld zijn (versie - 1).",
				(long long)vorige, (long long)(versie - 1));
	}
	const char *valuta = cv_tekst(d, "valuta");
	if (valuta && strcmp(valuta, "EUR") != 0)
		cv_fout(c, "/valuta", "valuta_onjuist", NULL,
			"De valuta is '%.16s'; alle bedragen zijn in euro: zet \"EUR\".", valuta);
}

/* M1, M2: the fund's tranches and the pots add up to the fund total. */
static void geld_fonds(struct cv *c)
{
	json_t *fonds = cv_object(c->cat, "fonds");
	int64_t totaal, som = 0;
	bool over = false;
	char a[40], b[40];
	if (!cv_geheel(fonds, "totaal_bedrag_cent", &totaal))
		return;
	json_t *tranches = cv_lijst(fonds, "tranches");
	bool ok = tranches && cv_som(tranches, "bedrag_cent", &som, &over);
	if ((ok && som != totaal) || over)
		cv_fout(c, "/fonds/tranches", "fonds_tranches_som", BRON_GELD,
			"De tranches van het fonds tellen op tot %s, maar totaal_bedrag_cent is %s; "
			"maak ze gelijk.", over ? "meer dan 64 bits" : bedrag_tekst(som, a, sizeof a), bedrag_tekst(totaal, b, sizeof b));
	json_t *potten = cv_lijst(c->cat, "potten");
	over = false;
	ok = potten && cv_som(potten, "bedrag_cent", &som, &over);
	if ((ok && som != totaal) || over)
		cv_fout(c, "/potten", "potten_som_ongelijk_fonds", BRON_GELD,
			"De potten tellen op tot %s, maar het fonds is %s; maak ze gelijk.",
			over ? "meer dan 64 bits" : bedrag_tekst(som, a, sizeof a), bedrag_tekst(totaal, b, sizeof b));
}

/* M3, M4, M5 for pot `pot` at `ptr`, in a fund running van..tot. */
static void geld_pot(struct cv *c, json_t *pot, const char *ptr, bool fonds_ok, int64_t van,
		     int64_t tot)
{
	int64_t bedrag, som, pv, pt;
	bool over = false;
	char p[CV_PTR_MAX], q[CV_PTR_MAX], a[40], b[40];
	json_t *tranches = cv_lijst(pot, "tranches");
	if (tranches && cv_geheel(pot, "bedrag_cent", &bedrag)) {
		bool ok = cv_som(tranches, "bedrag_cent", &som, &over);
		if ((ok && som != bedrag) || over)
			cv_fout(c, cv_pad(p, ptr, "tranches"), "pot_tranches_som", BRON_GELD,
				"De tranches van pot '%.64s' tellen op tot %s, maar bedrag_cent is %s.",
				cv_tekst(pot, "id") ? cv_tekst(pot, "id") : "?",
				over ? "meer dan 64 bits" : bedrag_tekst(som, a, sizeof a), bedrag_tekst(bedrag, b, sizeof b));
	}
	json_t *periode = cv_object(pot, "bestedingsperiode");
	if (!cv_geheel(periode, "van_jaar", &pv) || !cv_geheel(periode, "tot_en_met_jaar", &pt))
		return;
	if (fonds_ok && !(van <= pv && pv <= pt && pt <= tot))
		cv_fout(c, cv_pad(p, ptr, "bestedingsperiode"), "pot_periode_buiten_fonds", BRON_PERIODE,
			"De periode %lld-%lld van de pot valt niet binnen die van het fonds "
			"(%lld-%lld) of loopt achteruit.", (long long)pv, (long long)pt,
			(long long)van, (long long)tot);
	size_t j;
	json_t *t;
	json_array_foreach(tranches, j, t) {
		int64_t jaar;
		if (cv_geheel(t, "jaar", &jaar) && (jaar < pv || jaar > pt)) {
			cv_pad(q, cv_pad_i(p, cv_pad(q, ptr, "tranches"), j), "jaar");
			cv_fout(c, q, "pot_tranche_jaar_buiten_periode", BRON_PERIODE,
				"Het tranchejaar %lld valt buiten de bestedingsperiode %lld-%lld van de pot.",
				(long long)jaar, (long long)pv, (long long)pt);
		}
	}
}

/* The sum over all pots of their tranche in `jaar`; false when a value
 * is unreadable or the sum overflows. */
static bool pot_tranches_in_jaar(json_t *potten, int64_t jaar, int64_t *som)
{
	*som = 0;
	size_t i, j;
	json_t *pot, *t;
	json_array_foreach(potten, i, pot) {
		json_array_foreach(cv_lijst(pot, "tranches"), j, t) {
			int64_t tj, tb;
			if (!cv_geheel(t, "jaar", &tj))
				return false;
			if (tj != jaar)
				continue;
			if (!cv_geheel(t, "bedrag_cent", &tb) || __builtin_add_overflow(*som, tb, som))
				return false;
		}
	}
	return true;
}

/* M6: per year, the pots' tranches add up to the fund's tranche, and
 * the years are the same. */
static void geld_jaren(struct cv *c)
{
	json_t *ft = cv_lijst(cv_object(c->cat, "fonds"), "tranches");
	json_t *potten = cv_lijst(c->cat, "potten");
	json_t *jaren = json_object();
	size_t i, j;
	json_t *t, *pot;
	char p[CV_PTR_MAX], q[CV_PTR_MAX], k[24], a[40], b[40];
	json_array_foreach(ft, i, t) {
		int64_t jaar, bedrag, som;
		if (!cv_geheel(t, "jaar", &jaar))
			continue;
		snprintf(k, sizeof k, "%lld", (long long)jaar);
		json_object_set_new(jaren, k, json_true());
		if (cv_geheel(t, "bedrag_cent", &bedrag) && potten &&
		    pot_tranches_in_jaar(potten, jaar, &som) && som != bedrag)
			cv_fout(c, cv_pad_i(p, "/fonds/tranches", i), "jaar_tranches_ongelijk_fonds",
				BRON_GELD, "In %lld tellen de tranches van de potten op tot %s, maar "
				"de tranche van het fonds is %s.", (long long)jaar, bedrag_tekst(som, a, sizeof a),
				bedrag_tekst(bedrag, b, sizeof b));
	}
	json_array_foreach(potten, i, pot) {
		json_array_foreach(cv_lijst(pot, "tranches"), j, t) {
			int64_t jaar;
			if (!ft || !cv_geheel(t, "jaar", &jaar))
				continue;
			snprintf(k, sizeof k, "%lld", (long long)jaar);
			if (json_object_get(jaren, k))
				continue;
			cv_pad(q, cv_pad_i(p, "/potten", i), "tranches");
			cv_pad(q, cv_pad_i(p, q, j), "jaar");
			cv_fout(c, q, "jaar_tranches_ongelijk_fonds", BRON_GELD,
				"Het fonds heeft geen tranche in %lld; geef het fonds een tranche voor "
				"dat jaar of verplaats deze tranche.", (long long)jaar);
		}
	}
	json_decref(jaren);
}

/* M3-M6 and G11 for the pots. */
static void regels_geld(struct cv *c)
{
	geld_fonds(c);
	json_t *periode = cv_object(cv_object(c->cat, "fonds"), "bestedingsperiode");
	int64_t van = 0, tot = 0;
	bool fonds_ok = cv_geheel(periode, "van_jaar", &van) &&
			cv_geheel(periode, "tot_en_met_jaar", &tot);
	size_t i;
	json_t *pot;
	char p[CV_PTR_MAX];
	json_array_foreach(cv_lijst(c->cat, "potten"), i, pot) {
		cv_pad_i(p, "/potten", i);
		cv_enum_veld(c, pot, "kanaal", kanalen, p);
		cv_enum_veld(c, pot, "verdeling_via", verdelingen, p);
		geld_pot(c, pot, p, fonds_ok, van, tot);
	}
	geld_jaren(c);
}

/* M7, M8 for one pot divided over themes. */
static void thema_sommen(struct cv *c, json_t *pot)
{
	const char *id = cv_tekst(pot, "id");
	int64_t bedrag, richt = 0, macro = 0;
	bool richt_ok = true, macro_ok = true;
	size_t i, aantal = 0;
	json_t *t;
	char a[40], b[40];
	if (!id || !cv_geheel(pot, "bedrag_cent", &bedrag))
		return;
	json_array_foreach(cv_lijst(c->cat, "themas"), i, t) {
		const char *pid = cv_tekst(t, "pot_id");
		int64_t v;
		if (!pid || strcmp(pid, id) != 0)
			continue;
		aantal++;
		if (!cv_geheel(t, "richtbedrag_cent", &v) || __builtin_add_overflow(richt, v, &richt))
			richt_ok = false;
		if (!cv_geheel(t, "macrobedrag_cent", &v) || __builtin_add_overflow(macro, v, &macro))
			macro_ok = false;
	}
	if (richt_ok && richt != bedrag)
		cv_fout(c, "/themas", "thema_som_ongelijk_pot", BRON_THEMA,
			"De richtbedragen van de thema's van pot '%.64s' tellen op tot %s, maar de "
			"pot is %s; pas de richtbedragen aan.", id, bedrag_tekst(richt, a, sizeof a), bedrag_tekst(bedrag, b, sizeof b));
	if (aantal > 0 && macro_ok && macro > bedrag)
		cv_fout(c, "/themas", "macrobedrag_som_boven_pot", "[001 \"Vervolgproces\"], [001 §3]",
			"De macrobedragen van de thema's van pot '%.64s' tellen op tot %s, meer dan "
			"de pot van %s.", id, bedrag_tekst(macro, a, sizeof a), bedrag_tekst(bedrag, b, sizeof b));
}

/* M9 and G10 for a reference `pot_id` of `item`, which must name a pot
 * divided via `via`. */
static void pot_verdeling(struct cv *c, json_t *item, const char *ptr, const char *via)
{
	json_t *pot = cv_verwijzing(c, c->potten, item, "pot_id", ptr, "pot");
	const char *v = cv_tekst(pot, "verdeling_via");
	char p[CV_PTR_MAX];
	if (v && cv_in(v, verdelingen) && strcmp(v, via) != 0)
		cv_fout(c, cv_pad(p, ptr, "pot_id"), "pot_verdeling_inconsistent", BRON_THEMA,
			"Pot '%.64s' wordt verdeeld via '%s', niet via '%s'; kies een andere pot.",
			cv_tekst(pot, "id"), v, via);
}

/* M7-M9 for themes and basic functions. */
static void regels_themas(struct cv *c)
{
	size_t i;
	json_t *item;
	char p[CV_PTR_MAX];
	json_array_foreach(cv_lijst(c->cat, "potten"), i, item) {
		const char *via = cv_tekst(item, "verdeling_via");
		if (via && strcmp(via, "themas") == 0)
			thema_sommen(c, item);
	}
	json_array_foreach(cv_lijst(c->cat, "themas"), i, item)
		pot_verdeling(c, item, cv_pad_i(p, "/themas", i), "themas");
	json_array_foreach(cv_lijst(c->cat, "basisfunctionaliteiten"), i, item) {
		cv_pad_i(p, "/basisfunctionaliteiten", i);
		pot_verdeling(c, item, p, "basisfunctionaliteiten");
		cv_enum_veld(c, item, "azwa_status", azwa_statussen, p);
	}
}

/* R1, R2 and the references of the catalogue rules. */
static void regels_regels(struct cv *c)
{
	size_t i;
	json_t *r;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	json_array_foreach(cv_lijst(c->cat, "regels"), i, r) {
		cv_pad_i(p, "/regels", i);
		const char *soort = cv_tekst(r, "soort");
		if (soort && !cv_in(soort, regelsoorten))
			cv_fout(c, cv_pad(q, p, "soort"), "regel_soort_ongeldig", NULL,
				"'%.32s' is geen soort regel; kies uitsluiting, voorwaarde, procedure of "
				"financieel.", soort);
		json_t *potten = cv_lijst(r, "geldt_voor_potten");
		cv_pad(q, p, "geldt_voor_potten");
		if (potten && json_array_size(potten) == 0)
			cv_fout(c, q, "regel_zonder_pot", NULL,
				"De regel geldt voor geen enkele pot; noem minstens één pot.");
		cv_verwijzingen(c, c->potten, potten, q, "pot");
		cv_verwijzing(c, c->termijnen, r, "termijn_id", p, "termijn");
	}
}

void cv_regels_catalogus(struct cv *c)
{
	regels_kop(c);
	regels_geld(c);
	regels_themas(c);
	regels_regels(c);
	cv_regels_gebieden(c);
	cv_regels_structuur(c);
	cv_regels_overig(c);
	size_t i;
	json_t *mp;
	char p[CV_PTR_MAX];
	json_array_foreach(cv_lijst(c->cat, "modelplannen"), i, mp)
		cv_modelplan(c, mp, cv_pad_i(p, "/modelplannen", i));
}
