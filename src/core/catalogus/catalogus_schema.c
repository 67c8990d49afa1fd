/*
 * catalogus_schema.c -- the shape of the catalogue documents, as data,
 * and the structural pass over them (docs/catalogus.md §2, §3).
 *
 * Each object is a table of fields: name, JSON type, nullable or
 * optional, and the table of its members or list items. The pass reports
 * a missing or wrongly typed field (veld_ontbreekt, G2) and a field the
 * format does not know (veld_onbekend, G15). A JSON real where an integer
 * belongs is left to the value walk (json_kommagetal, G1), so one defect
 * gives one code. The value walk also applies the rules that follow from
 * a field's name alone: dates (G5), sources (G7) and the unit suffixes
 * _cent, _bp and _milli (G12-G14).
 */
#include <string.h>

#include "core/catalogus/catalogus_intern.h"

enum { T_STR = 1, T_INT = 2, T_BOOL = 4, T_OBJ = 8, T_ARR = 16, T_ANY = 32 };
#define V_NULL 0x100u /* may be null */
#define V_OPT 0x200u  /* may be absent */

struct veld {
	const char *naam;
	unsigned soort;          /* T_* | V_* */
	const struct veld *sub;  /* members of an object, or of each list item */
	unsigned items;          /* T_ARR: type of the items */
};

#define STR(n) {n, T_STR, NULL, 0}
#define INT(n) {n, T_INT, NULL, 0}
#define BOOL(n) {n, T_BOOL, NULL, 0}
#define OBJ(n, s) {n, T_OBJ, s, 0}
#define LIJST(n, s) {n, T_ARR, s, T_OBJ}
#define STRS(n) {n, T_ARR, NULL, T_STR}
#define INTS(n) {n, T_ARR, NULL, T_INT}
#define EIND {NULL, 0, NULL, 0}

static const struct veld f_tranche[] = {INT("jaar"), INT("bedrag_cent"), EIND};
static const struct veld f_periode[] = {INT("van_jaar"), INT("tot_en_met_jaar"), EIND};
static const struct veld f_fonds[] = {
	STR("id"), STR("naam"), INT("totaal_bedrag_cent"), LIJST("tranches", f_tranche),
	OBJ("bestedingsperiode", f_periode), BOOL("geoormerkt_per_sector"), STR("toelichting"),
	STR("bron"), EIND};
static const struct veld f_pot[] = {
	STR("id"), STR("naam"), STR("kanaal"), INT("bedrag_cent"), LIJST("tranches", f_tranche),
	OBJ("bestedingsperiode", f_periode), STR("verdeling_via"), STR("toelichting"), STR("bron"),
	EIND};
static const struct veld f_thema[] = {
	STR("id"), STR("naam"), STR("pot_id"), INT("richtbedrag_cent"),
	{"macrobedrag_cent", T_INT | V_NULL, NULL, 0}, STR("omschrijving"), STR("bron"), EIND};
static const struct veld f_sector[] = {STR("id"), STR("naam"), STR("bron"), EIND};
static const struct veld f_zorgpad[] = {STR("id"), STR("naam"), EIND};
static const struct veld f_gebied[] = {
	STR("id"), STR("naam"),
	{"thema_id", T_STR | V_NULL | V_OPT, NULL, 0}, /* T1 reports absence */
	STRS("sectoren"), BOOL("sectoren_indicatief"), LIJST("zorgpaden", f_zorgpad),
	{"onderdeel_van", T_STR | V_NULL, NULL, 0}, BOOL("aanschaf_hulpmiddelen_uitgesloten"),
	STRS("regel_ids"), STRS("referentie_gupta_thema_ids"), STR("wat_is"), STR("opbrengst"),
	STR("bron"), EIND};
static const struct veld f_regel[] = {
	STR("id"), STR("naam"), STR("soort"), STR("tekst"), STRS("geldt_voor_potten"),
	{"voorwaarden", T_ARR | V_OPT, NULL, T_STR}, {"termijn_id", T_STR | V_OPT, NULL, 0},
	STR("bron"), EIND};
static const struct veld f_basiseis[] = {
	INT("volgnummer"), STR("id"), STR("titel"), STR("toelichting"), BOOL("geldt_voor_zvw"),
	BOOL("geldt_voor_sociaal_domein"), {"opmerking", T_STR | V_OPT, NULL, 0}, STR("bron"),
	EIND};
static const struct veld f_vraag[] = {
	STR("id"), STR("label"), STR("tekst"), STR("origineel"), INTS("basiseisen"),
	BOOL("regiocontext"), BOOL("voorwaardelijk"), STRS("gegevens"), STR("bron"), EIND};
static const struct veld f_sectie[] = {
	STR("id"), INT("volgnummer"), STR("naam"), BOOL("normerend"), INTS("basiseisen"),
	LIJST("vragen", f_vraag), STR("bron"), EIND};
static const struct veld f_structuur[] = {
	INT("versie"), STR("regiocontext_markering"), STR("toelichting"), STR("bron"),
	LIJST("secties", f_sectie), EIND};

static const struct veld f_modeltekst[] = {STR("vraag_id"), STR("tekst"), STR("bron"), EIND};
static const struct veld f_eenheid[] = {STR("id"), STR("eenheid"), INT("max_bedrag_cent"), EIND};
static const struct veld f_bedragkaders[] = {
	{"max_per_aanvraag_cent", T_INT | V_NULL, NULL, 0},
	{"max_per_zorgaanbieder_cent", T_INT | V_NULL, NULL, 0},
	LIJST("per_eenheid", f_eenheid), STR("toelichting"), STR("bron"), EIND};
static const struct veld f_kostensoort[] = {
	STR("id"), STR("kostensoort"), STR("aard"), BOOL("financierbaar"), EIND};
static const struct veld f_begrotingsjaar[] = {INT("jaar"), INT("max_aandeel_bp"), EIND};
static const struct veld f_mijlpaal[] = {
	STR("id"), STR("naam"), STR("omschrijving"), STR("kpi"), INT("aandeel_bp"),
	STR("uiterlijk_op"), STR("bron"), EIND};
static const struct veld f_aanvraagvorm[] = {
	BOOL("individuele_aanvraag_toegestaan"),
	{"individuele_aanvraag_motivering", T_STR | V_NULL, NULL, 0},
	INT("min_aantal_zorgaanbieders"), STRS("vereiste_sectoren"), BOOL("zorgpadkeuze_verplicht"),
	STR("bron"), EIND};
static const struct veld f_verandering[] = {
	BOOL("scholing_verplicht"), BOOL("veranderkundige_ondersteuning_verplicht"),
	INT("min_aandeel_begroting_bp"), STRS("eisen"), STR("bron"), EIND};
static const struct veld f_opschaling[] = {STR("niveau"), STR("omschrijving"), STR("bron"), EIND};
static const struct veld f_toleranties[] = {
	INT("fte_norm_bp"), INT("mijlpaal_datum_dagen"), INT("mijlpaal_aandeel_bp"),
	INT("bedragkader_bp"), STR("bron"), EIND};
static const struct veld f_normen[] = {
	INT("min_fte_per_miljoen_milli"), STR("fte_norm_toelichting"), STR("fte_norm_bron"),
	{"referentie_gupta_thema_id", T_STR | V_NULL, NULL, 0},
	OBJ("bedragkaders", f_bedragkaders), LIJST("kostensoorten", f_kostensoort),
	STR("kostensoorten_bron"), LIJST("begrotingsjaren", f_begrotingsjaar),
	STR("begrotingsjaren_bron"), LIJST("mijlpalen", f_mijlpaal),
	OBJ("aanvraagvorm", f_aanvraagvorm), OBJ("veranderkundige_ondersteuning", f_verandering),
	OBJ("volledige_opschaling", f_opschaling), OBJ("toleranties", f_toleranties),
	INT("min_aandeel_deelfinanciering_bp"), STR("deelfinanciering_bron"), EIND};

#define MODELPLAN_VELDEN                                                                   \
	STR("id"), INT("versie"), STR("status"), STR("naam"), STR("toepassingsgebied_id"),   \
	INT("modelplanstructuur_versie"), {"vastgesteld_op", T_STR | V_NULL, NULL, 0},        \
	STRS("vraag_ids"), LIJST("modelteksten", f_modeltekst), OBJ("normen", f_normen),      \
	STR("bron")

static const struct veld f_modelplan[] = {MODELPLAN_VELDEN, EIND};

static const struct veld f_impactlat[] = {
	STR("id"), STR("naam"), INT("fte_per_miljoen_milli"), STR("rationale"),
	STR("plannen_die_voldoen"), STR("bron"), EIND};
static const struct veld f_ambitie[] = {
	INT("arbeidsbesparing_personen"), BOOL("arbeidsbesparing_personen_is_minimum"),
	INT("arbeidsbesparing_fte"), BOOL("arbeidsbesparing_fte_is_benadering"),
	INT("doorbraakmiddelen_cent"), INT("fte_per_miljoen_milli"), INT("iza_fte_per_miljoen_milli"),
	STR("tekst"), STR("bron"), EIND};
static const struct veld f_basisfunctie[] = {
	STR("id"), STR("naam"), STR("pot_id"), STR("azwa_status"), STR("bron"), EIND};
static const struct veld f_termijn[] = {
	STR("id"), STR("naam"), {"datum", T_STR | V_NULL, NULL, 0}, STR("toelichting"),
	STR("bron"), EIND};

static const struct veld f_tekstbron[] = {STR("tekst"), STR("bron"), EIND};
static const struct veld f_fte_cijfer[] = {
	{"waarde_tekst", T_STR | V_NULL, NULL, 0}, {"min_milli", T_INT | V_NULL, NULL, 0},
	{"max_milli", T_INT | V_NULL, NULL, 0}, BOOL("benadering"), EIND};
static const struct veld f_geld_cijfer[] = {
	{"waarde_tekst", T_STR | V_NULL, NULL, 0}, {"min_cent", T_INT | V_NULL, NULL, 0},
	{"max_cent", T_INT | V_NULL, NULL, 0}, BOOL("benadering"), EIND};
static const struct veld f_gupta[] = {
	STR("id"), STR("naam"), STR("categorie"), {"route", T_INT | V_NULL, NULL, 0},
	STRS("azwa_thema_ids"), STR("kop_tekst"), OBJ("fte_per_miljoen", f_fte_cijfer),
	OBJ("investering_eenmalig_wachtrij", f_geld_cijfer),
	OBJ("investering_eenmalig_landelijk", f_geld_cijfer),
	OBJ("structurele_kosten_per_jaar", f_geld_cijfer), STR("bron"), EIND};
static const struct veld f_tfp[] = {
	STR("tfp_nummer"), STR("naam"), STR("regio"), {"fte_per_miljoen_milli", T_INT | V_NULL, NULL, 0},
	STR("fte_waarde_tekst"), INT("investering_cent"), STR("investering_waarde_tekst"),
	STR("schaalbaarheid"), STR("schaalbaarheid_id"), STR("categorie"), STR("thema_tekst"),
	STRS("gupta_thema_ids"), STR("bron"), EIND};
static const struct veld f_tfps[] = {
	INT("aantal_genoemd"), INT("aantal_opgenomen"), STR("toelichting"), STR("bron"),
	LIJST("plannen", f_tfp), EIND};
static const struct veld f_waarde[] = {STR("naam"), INT("waarde"), STR("eenheid"), EIND};
static const struct veld f_overig[] = {
	STR("id"), STR("omschrijving"), LIJST("waarden", f_waarde), STR("bron"), EIND};
static const struct veld f_referentie[] = {
	OBJ("impactmethode", f_tekstbron), LIJST("gupta_themas", f_gupta),
	OBJ("transformatieplannen", f_tfps), LIJST("overige_cijfers", f_overig), STR("bron"), EIND};

static const struct veld f_catalogus[] = {
	STR("soort"), INT("schema_versie"), INT("versie"), {"vorige_versie", T_INT | V_NULL, NULL, 0},
	STR("gepubliceerd_op"), STR("valuta"), STR("bron"), OBJ("fonds", f_fonds),
	LIJST("potten", f_pot), LIJST("themas", f_thema), LIJST("sectoren", f_sector),
	LIJST("toepassingsgebieden", f_gebied), LIJST("regels", f_regel),
	LIJST("basiseisen", f_basiseis), OBJ("modelplanstructuur", f_structuur),
	LIJST("modelplannen", f_modelplan), LIJST("impactlatten", f_impactlat),
	{"gekozen_impactlat_id", T_STR | V_NULL, NULL, 0}, OBJ("ambitie", f_ambitie),
	LIJST("basisfunctionaliteiten", f_basisfunctie), LIJST("termijnen", f_termijn),
	OBJ("referentiecijfers", f_referentie), EIND};

static const struct veld f_wijziging[] = {
	STR("pad"), {"oud", T_ANY | V_NULL, NULL, 0}, {"nieuw", T_ANY | V_NULL, NULL, 0},
	STR("toelichting"), STR("bron"), EIND};
static const struct veld f_modelplandocument[] = {
	STR("soort"), INT("schema_versie"), INT("catalogus_versie"), STR("gepubliceerd_op"),
	INT("vorige_versie"), LIJST("wijzigingen", f_wijziging), MODELPLAN_VELDEN, EIND};

static const char *type_naam(unsigned t)
{
	switch (t & 0xffu) {
	case T_STR: return "tekst";
	case T_INT: return "een geheel getal";
	case T_BOOL: return "true of false";
	case T_OBJ: return "een object";
	case T_ARR: return "een lijst";
	default: return "een waarde";
	}
}

/* True when v has type t. A JSON real passes for an integer: the value
 * walk reports it as json_kommagetal. */
static bool type_past(json_t *v, unsigned t)
{
	switch (t & 0xffu) {
	case T_STR: return json_is_string(v);
	case T_INT: return json_is_integer(v) || json_is_real(v);
	case T_BOOL: return json_is_boolean(v);
	case T_OBJ: return json_is_object(v);
	case T_ARR: return json_is_array(v);
	default: return true;
	}
}

static void schema_object(struct cv *c, json_t *obj, const struct veld *velden, const char *ptr);

/* Checks the items of list `v` (field `f`) at `ptr`. */
static void schema_lijst(struct cv *c, json_t *v, const struct veld *f, const char *ptr)
{
	size_t i;
	json_t *item;
	char p[CV_PTR_MAX];
	json_array_foreach(v, i, item) {
		cv_pad_i(p, ptr, i);
		if (!type_past(item, f->items))
			cv_fout(c, p, "veld_ontbreekt", NULL,
				"Element %zu van '%s' moet %s zijn; pas het aan.", i, f->naam,
				type_naam(f->items));
		else if (f->sub && json_is_object(item))
			schema_object(c, item, f->sub, p);
	}
}

/* Checks one field of `obj` against its description. */
static void schema_veld(struct cv *c, json_t *obj, const struct veld *f, const char *ptr)
{
	char p[CV_PTR_MAX];
	cv_pad(p, ptr, f->naam);
	json_t *v = json_object_get(obj, f->naam);
	if (!v) {
		if (!(f->soort & V_OPT))
			cv_fout(c, p, "veld_ontbreekt", NULL,
				"Het verplichte veld '%s' ontbreekt; voeg het toe (%s%s).", f->naam,
				type_naam(f->soort), (f->soort & V_NULL) ? " of null" : "");
		return;
	}
	if (json_is_null(v)) {
		if (!(f->soort & V_NULL) && !(f->soort & T_ANY))
			cv_fout(c, p, "veld_ontbreekt", NULL,
				"Het veld '%s' mag niet null zijn; vul %s in.", f->naam,
				type_naam(f->soort));
		return;
	}
	if (!type_past(v, f->soort)) {
		cv_fout(c, p, "veld_ontbreekt", NULL, "Het veld '%s' moet %s zijn%s; pas het aan.",
			f->naam, type_naam(f->soort), (f->soort & V_NULL) ? " of null" : "");
		return;
	}
	if ((f->soort & 0xffu) == T_OBJ && f->sub)
		schema_object(c, v, f->sub, p);
	else if ((f->soort & 0xffu) == T_ARR)
		schema_lijst(c, v, f, p);
}

/* Checks every described field of `obj` and reports undescribed ones. */
static void schema_object(struct cv *c, json_t *obj, const struct veld *velden, const char *ptr)
{
	for (const struct veld *f = velden; f->naam; f++)
		schema_veld(c, obj, f, ptr);
	const char *key;
	json_t *v;
	char p[CV_PTR_MAX];
	json_object_foreach(obj, key, v) {
		const struct veld *f = velden;
		while (f->naam && strcmp(f->naam, key) != 0)
			f++;
		if (!f->naam)
			cv_fout(c, cv_pad(p, ptr, key), "veld_onbekend", NULL,
				"Het veld '%s' hoort niet in dit object; verwijder het of "
				"controleer de spelling.", key);
	}
}

void cv_schema_catalogus(struct cv *c) { schema_object(c, c->doc, f_catalogus, ""); }

void cv_schema_modelplandocument(struct cv *c) { schema_object(c, c->doc, f_modelplandocument, ""); }

static bool eindigt_op(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* G7: one or more "[00d]" or "[00d rest]" joined by ", ", where rest is
 * one or more characters other than '[' and ']'. */
static bool bron_geldig(const char *s)
{
	for (;;) {
		if (s[0] != '[' || s[1] != '0' || s[2] != '0' || s[3] < '0' || s[3] > '4')
			return false;
		s += 4;
		if (*s == ' ') {
			s++;
			size_t n = strcspn(s, "[]");
			if (n == 0)
				return false;
			s += n;
		}
		if (*s != ']')
			return false;
		s++;
		if (*s == '\0')
			return true;
		if (s[0] != ',' || s[1] != ' ')
			return false;
		s += 2;
	}
}

static const char *const datumvelden[] = {"gepubliceerd_op", "uiterlijk_op", "vastgesteld_op",
					   "datum", NULL};

/* Applies the rules that follow from a field's name to the integer or
 * string `v` of field `key` at `ptr`. */
static void waarde_regels(struct cv *c, json_t *v, const char *key, const char *ptr)
{
	if (json_is_integer(v)) {
		json_int_t n = json_integer_value(v);
		if (eindigt_op(key, "_cent") && n < 0)
			cv_fout(c, ptr, "bedrag_negatief", NULL,
				"Het bedrag '%s' is negatief (%lld); een bedrag in centen is 0 of meer.",
				key, (long long)n);
		else if (eindigt_op(key, "_bp") && (n < 0 || n > 10000))
			cv_fout(c, ptr, "bp_buiten_bereik", NULL,
				"'%s' is %lld; een aandeel in basispunten ligt tussen 0 en 10000.",
				key, (long long)n);
		else if (eindigt_op(key, "_milli") && n < 0)
			cv_fout(c, ptr, "milli_negatief", NULL,
				"'%s' is negatief (%lld); gebruik 0 of meer.", key, (long long)n);
		return;
	}
	const char *s = json_string_value(v);
	if (!s)
		return;
	if ((strcmp(key, "bron") == 0 || eindigt_op(key, "_bron")) && !bron_geldig(s))
		cv_fout(c, ptr, "bron_ongeldig", NULL,
			"De bron '%.60s' heeft niet de vorm [00n sectie], [00n sectie] met n van 0 tot 4.", s);
	else if (cv_in(key, datumvelden) && !cv_datum(s, NULL))
		cv_fout(c, ptr, "datum_ongeldig", NULL,
			"'%.40s' is geen bestaande datum in de vorm JJJJ-MM-DD.", s);
}

void cv_waarden(struct cv *c, json_t *v, const char *key, const char *ptr)
{
	char p[CV_PTR_MAX];
	if (json_is_real(v)) {
		if (key)
			cv_fout(c, ptr, "json_kommagetal", NULL,
				"Het veld '%s' bevat een kommagetal of exponent; schrijf een geheel "
				"getal zonder punt of e (bedragen in centen).", key);
		else
			cv_fout(c, ptr, "json_kommagetal", NULL,
				"Dit lijstelement is een kommagetal of heeft een exponent; schrijf "
				"een geheel getal zonder punt of e.");
		return;
	}
	if (json_is_object(v)) {
		const char *k;
		json_t *m;
		json_object_foreach(v, k, m)
			cv_waarden(c, m, k, cv_pad(p, ptr, k));
	} else if (json_is_array(v)) {
		size_t i;
		json_t *m;
		json_array_foreach(v, i, m)
			cv_waarden(c, m, NULL, cv_pad_i(p, ptr, i));
	} else if (key) {
		waarde_regels(c, v, key, ptr);
	}
}
