/*
 * catalogus_gebieden.c -- the rules for application areas (T), basic
 * requirements (B), the modelplan structure (S), and impact bars,
 * ambition and reference figures (O) of docs/catalogus.md §4.
 */
#include <stdio.h>
#include <string.h>

#include "core/catalogus/catalogus_intern.h"

#define HULPMIDDELEN_REGEL "aanschaf-hulpmiddelen-uitgesloten"
#define THEMA_MEDTECH "medische-technologie"

static const char *const gegevenssoorten[] = {"coalitie", "fte_impact",
	"structurele_kosten_en_besparing", "begroting", "begroting_per_jaar",
	"begroting_per_kostensoort", "begroting_per_aard", "verdeling",
	"verklaring_dubbele_financiering", "bedrag_per_zorgaanbieder", "mijlpalen", NULL};

static bool lijst_bevat(json_t *arr, const char *s)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		const char *t = json_string_value(v);
		if (t && strcmp(t, s) == 0)
			return true;
	}
	return false;
}

static bool zelfde(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* T3: onderdeel_van names another area of the same theme, without loops. */
static void gebied_onderdeel(struct cv *c, json_t *g, const char *ptr)
{
	char p[CV_PTR_MAX];
	cv_pad(p, ptr, "onderdeel_van");
	const char *id = cv_tekst(g, "id");
	json_t *ouder = cv_verwijzing(c, c->gebieden, g, "onderdeel_van", ptr, "toepassingsgebied");
	if (!ouder)
		return;
	if (zelfde(cv_tekst(ouder, "id"), id) || ouder == g) {
		cv_fout(c, p, "onderdeel_van_ongeldig", BRON_GEBIED,
			"Een toepassingsgebied kan geen onderdeel van zichzelf zijn.");
		return;
	}
	const char *t1 = cv_tekst(g, "thema_id"), *t2 = cv_tekst(ouder, "thema_id");
	if (t1 && t2 && json_object_get(c->themas, t1) && json_object_get(c->themas, t2) &&
	    strcmp(t1, t2) != 0) {
		cv_fout(c, p, "onderdeel_van_ongeldig", BRON_GEBIED,
			"'%.64s' hoort bij thema '%.40s', dit gebied bij '%.40s'; een onderdeel "
			"hoort bij hetzelfde thema.", cv_tekst(ouder, "id"), t2, t1);
		return;
	}
	size_t grens = json_object_size(c->gebieden);
	json_t *cur = ouder;
	for (size_t stap = 0; cur && stap <= grens; stap++) {
		const char *volgende = cv_tekst(cur, "onderdeel_van");
		cur = volgende ? json_object_get(c->gebieden, volgende) : NULL;
		if (cur == g) {
			cv_fout(c, p, "onderdeel_van_ongeldig", BRON_GEBIED,
				"onderdeel_van vormt een kring; een keten van onderdelen moet eindigen.");
			return;
		}
	}
}

/* T1, T2, T4, T5 and the references of one area. */
static void gebied(struct cv *c, json_t *g, const char *ptr)
{
	char p[CV_PTR_MAX];
	json_t *thema_id = json_object_get(g, "thema_id");
	if (!thema_id || json_is_null(thema_id))
		cv_fout(c, cv_pad(p, ptr, "thema_id"), "toepassingsgebied_zonder_thema", BRON_GEBIED,
			"Het toepassingsgebied '%.64s' hoort bij geen thema; vul thema_id in.",
			cv_tekst(g, "id") ? cv_tekst(g, "id") : "?");
	json_t *thema = cv_verwijzing(c, c->themas, g, "thema_id", ptr, "thema");
	json_t *sectoren = cv_lijst(g, "sectoren");
	if (sectoren && json_array_size(sectoren) == 0)
		cv_fout(c, cv_pad(p, ptr, "sectoren"), "sectoren_leeg", BRON_GEBIED,
			"Noem minstens één sector waarvoor het toepassingsgebied bedoeld is.");
	cv_verwijzingen(c, c->sectoren, sectoren, cv_pad(p, ptr, "sectoren"), "sector");
	json_t *regel_ids = cv_lijst(g, "regel_ids");
	cv_verwijzingen(c, c->regels, regel_ids, cv_pad(p, ptr, "regel_ids"), "regel");
	cv_verwijzingen(c, c->gupta, cv_lijst(g, "referentie_gupta_thema_ids"),
			cv_pad(p, ptr, "referentie_gupta_thema_ids"), "Gupta-thema");
	gebied_onderdeel(c, g, ptr);
	bool vlag;
	if (!cv_bool(g, "aanschaf_hulpmiddelen_uitgesloten", &vlag))
		return;
	cv_pad(p, ptr, "aanschaf_hulpmiddelen_uitgesloten");
	if (thema && zelfde(cv_tekst(thema, "id"), THEMA_MEDTECH) && !vlag)
		cv_fout(c, p, "hulpmiddelen_vlag_ontbreekt", BRON_THEMA,
			"Bij medische technologie is de aanschaf van hulpmiddelen niet financierbaar; "
			"zet aanschaf_hulpmiddelen_uitgesloten op true.");
	else if (regel_ids && vlag != lijst_bevat(regel_ids, HULPMIDDELEN_REGEL))
		cv_fout(c, vlag ? cv_pad(p, ptr, "regel_ids") : p, "hulpmiddelen_regel_inconsistent",
			BRON_THEMA, "aanschaf_hulpmiddelen_uitgesloten is %s, maar regel_ids %s "
			"'" HULPMIDDELEN_REGEL "'; maak ze gelijk.", vlag ? "true" : "false",
			vlag ? "mist" : "bevat");
}

/* T6: every area has exactly one modelplan. */
static void gebied_modelplannen(struct cv *c)
{
	size_t i, j;
	json_t *g, *mp;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	json_t *plannen = cv_lijst(c->cat, "modelplannen");
	json_array_foreach(cv_lijst(c->cat, "toepassingsgebieden"), i, g) {
		const char *id = cv_tekst(g, "id");
		if (!id || json_object_get(c->gebieden, id) != g || !plannen)
			continue;
		size_t aantal = 0;
		json_array_foreach(plannen, j, mp) {
			if (!zelfde(cv_tekst(mp, "toepassingsgebied_id"), id))
				continue;
			if (++aantal > 1)
				cv_fout(c, cv_pad(q, cv_pad_i(p, "/modelplannen", j), "toepassingsgebied_id"),
					"modelplan_per_gebied", BRON_MODELPLAN,
					"Toepassingsgebied '%.64s' heeft al een modelplan; de catalogus bevat "
					"één modelplan per gebied.", id);
		}
		if (aantal == 0)
			cv_fout(c, cv_pad_i(p, "/toepassingsgebieden", i), "modelplan_per_gebied",
				BRON_MODELPLAN, "Toepassingsgebied '%.64s' heeft geen modelplan; voeg er "
				"één toe aan modelplannen.", id);
	}
}

void cv_regels_gebieden(struct cv *c)
{
	size_t i;
	json_t *g;
	char p[CV_PTR_MAX];
	json_array_foreach(cv_lijst(c->cat, "toepassingsgebieden"), i, g)
		gebied(c, g, cv_pad_i(p, "/toepassingsgebieden", i));
	gebied_modelplannen(c);
}

/* B1, B2: fourteen requirements numbered 1..14, and 8 not for the
 * social domain. */
static void regels_basiseisen(struct cv *c)
{
	json_t *lijst = cv_lijst(c->cat, "basiseisen");
	if (!lijst)
		return;
	bool gezien[15] = {false}, dubbel = false, buiten = false;
	size_t i;
	json_t *b;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	json_array_foreach(lijst, i, b) {
		int64_t nr;
		bool sociaal;
		if (!cv_geheel(b, "volgnummer", &nr))
			continue;
		cv_pad_i(p, "/basiseisen", i);
		if (nr < 1 || nr > 14) {
			buiten = true;
			cv_fout(c, cv_pad(q, p, "volgnummer"), "basiseisen_volgnummers", BRON_BASISEIS,
				"Volgnummer %lld bestaat niet; de basiseisen zijn genummerd 1 tot en met 14.",
				(long long)nr);
			continue;
		}
		dubbel = dubbel || gezien[nr];
		gezien[nr] = true;
		if (nr == 8 && cv_bool(b, "geldt_voor_sociaal_domein", &sociaal) && sociaal)
			cv_fout(c, cv_pad(q, p, "geldt_voor_sociaal_domein"), "basiseis_8_sociaal_domein",
				BRON_BASISEIS, "Basiseis 8 (eenmalige financiële impuls) geldt niet voor "
				"het sociaal domein; zet geldt_voor_sociaal_domein op false.");
	}
	if (json_array_size(lijst) != 14)
		cv_fout(c, "/basiseisen", "basiseisen_volgnummers", BRON_BASISEIS,
			"Er zijn %zu basiseisen; het moeten er precies 14 zijn.", json_array_size(lijst));
	for (int nr = 1; nr <= 14 && !dubbel && !buiten && json_array_size(lijst) == 14; nr++)
		if (!gezien[nr])
			cv_fout(c, "/basiseisen", "basiseisen_volgnummers", BRON_BASISEIS,
				"Basiseis %d ontbreekt; ieder volgnummer van 1 tot en met 14 komt één "
				"keer voor.", nr);
}

/* S4: each number of `lijst` (at `ptr`) names a requirement; marks the
 * ones served in `gedekt`. */
static void basiseis_nummers(struct cv *c, json_t *lijst, const char *ptr, json_t *gedekt)
{
	size_t i;
	json_t *v;
	char k[24];
	json_array_foreach(lijst, i, v) {
		if (!json_is_integer(v))
			continue;
		snprintf(k, sizeof k, "%lld", (long long)json_integer_value(v));
		if (json_object_get(c->basiseisen, k))
			json_object_set_new(gedekt, k, json_true());
		else
			cv_fout(c, ptr, "basiseis_onbekend", BRON_BASISEIS,
				"Basiseis %s bestaat niet; verwijs naar een volgnummer van 1 tot en met 14.", k);
	}
}

/* S3, S4, S6 and G11 for question `v` (index j) of section `sid`. */
static void vraag(struct cv *c, json_t *v, size_t j, const char *sid, const char *ptr,
		  json_t *gedekt)
{
	char p[CV_PTR_MAX], want[96];
	const char *id = cv_tekst(v, "id");
	snprintf(want, sizeof want, "%.64s.%zu", sid ? sid : "", j + 1);
	if (id && sid && json_object_get(c->vragen, id) == v && strcmp(id, want) != 0)
		cv_fout(c, cv_pad(p, ptr, "id"), "vraag_id_ongeldig", BRON_STRUCTUUR,
			"Vraag %zu van sectie %.16s heeft id '%.16s'; nummer de vragen per sectie "
			"vanaf 1: '%s'.", j + 1, sid, id, want);
	basiseis_nummers(c, cv_lijst(v, "basiseisen"), cv_pad(p, ptr, "basiseisen"), gedekt);
	bool regio;
	const char *origineel = cv_tekst(v, "origineel");
	if (cv_bool(v, "regiocontext", &regio) && regio && origineel && c->regiomarkering &&
	    !strstr(origineel, c->regiomarkering))
		cv_fout(c, cv_pad(p, ptr, "regiocontext"), "regiocontext_inconsistent", BRON_STRUCTUUR,
			"regiocontext is true, maar de oorspronkelijke tekst bevat de markering "
			"'%.60s' niet.", c->regiomarkering);
	size_t k;
	json_t *g;
	json_array_foreach(cv_lijst(v, "gegevens"), k, g) {
		const char *s = json_string_value(g);
		char q[CV_PTR_MAX];
		if (s && !cv_in(s, gegevenssoorten))
			cv_fout(c, cv_pad_i(q, cv_pad(p, ptr, "gegevens"), k), "waarde_ongeldig", NULL,
				"'%.64s' is geen bekend soort gegevens; kies uit de lijst in "
				"docs/catalogus.md §2.7.", s);
	}
}

/* S1, S2 for section `s` at index i, then its questions. */
static void sectie(struct cv *c, json_t *s, size_t i, const char *ptr, json_t *gedekt)
{
	char p[CV_PTR_MAX], q[CV_PTR_MAX], want[24];
	snprintf(want, sizeof want, "%zu", i + 1);
	const char *id = cv_tekst(s, "id");
	int64_t nr;
	bool id_vorm = id && id[0] >= '1' && id[0] <= '9' && strspn(id, "0123456789") == strlen(id);
	if (id_vorm && strcmp(id, want) != 0)
		cv_fout(c, cv_pad(p, ptr, "id"), "sectie_volgorde", BRON_STRUCTUUR,
			"Sectie %zu heeft id '%.16s'; nummer de secties op volgorde: '%s'.", i + 1, id, want);
	if (cv_geheel(s, "volgnummer", &nr) && nr != (int64_t)i + 1)
		cv_fout(c, cv_pad(p, ptr, "volgnummer"), "sectie_volgorde", BRON_STRUCTUUR,
			"Sectie %zu heeft volgnummer %lld; dat moet %zu zijn.", i + 1, (long long)nr, i + 1);
	basiseis_nummers(c, cv_lijst(s, "basiseisen"), cv_pad(p, ptr, "basiseisen"), gedekt);
	json_t *vragen = cv_lijst(s, "vragen");
	if (vragen && json_array_size(vragen) == 0)
		cv_fout(c, cv_pad(p, ptr, "vragen"), "sectie_zonder_vragen", BRON_STRUCTUUR,
			"Sectie %zu heeft geen vragen; geef iedere sectie minstens één vraag.", i + 1);
	size_t j;
	json_t *v;
	const char *sid = id && strcmp(id, want) == 0 ? id : NULL;
	json_array_foreach(vragen, j, v)
		vraag(c, v, j, sid, cv_pad_i(q, cv_pad(p, ptr, "vragen"), j), gedekt);
}

/* S1-S6, then B1, B2 and S5. */
void cv_regels_structuur(struct cv *c)
{
	json_t *gedekt = json_object();
	size_t i;
	json_t *s, *b;
	char p[CV_PTR_MAX], k[24];
	json_array_foreach(cv_lijst(cv_object(c->cat, "modelplanstructuur"), "secties"), i, s)
		sectie(c, s, i, cv_pad_i(p, "/modelplanstructuur/secties", i), gedekt);
	regels_basiseisen(c);
	json_array_foreach(cv_lijst(c->cat, "basiseisen"), i, b) {
		int64_t nr;
		if (!cv_geheel(b, "volgnummer", &nr))
			continue;
		snprintf(k, sizeof k, "%lld", (long long)nr);
		if (!json_object_get(gedekt, k) && cv_object(c->cat, "modelplanstructuur"))
			cv_fout(c, cv_pad_i(p, "/basiseisen", i), "basiseis_niet_gedekt", BRON_BASISEIS,
				"Basiseis %s komt in geen sectie of vraag van de modelplanstructuur voor; "
				"neem hem op.", k);
	}
	json_decref(gedekt);
}
