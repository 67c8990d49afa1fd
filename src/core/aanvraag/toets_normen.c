/*
 * toets_normen.c -- reading what the checks compare with: a modelplan
 * version's norms and the round's years and pot from the catalogue
 * (toets_normen_lees, toets_modelplan_zoek, toets_ronde_lees). See toets.h.
 */
#include "core/aanvraag/toets.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/basis/klok.h"
#include "core/basis/tekst.h"
#include "core/basis/bedrag.h"

/* ======================================================================
 * Reading the norms of a modelplan version
 * ====================================================================== */

/* Copies the required text member `key` into dst[cap]. */
static bool kopieer(json_t *obj, const char *key, const char *where, char *dst,
		    size_t cap, struct error *e)
{
	const char *s;
	if (!json_get_string(obj, key, true, where, &s, e))
		return false;
	if (strlen(s) >= cap) {
		char veld[ERROR_FIELD_MAX];
		snprintf(veld, sizeof veld, "%s/%s", where, key);
		error_add(e, veld, "te_lang", NULL, "'%s' is langer dan %zu tekens.", key, cap - 1);
		return false;
	}
	snprintf(dst, cap, "%s", s);
	return true;
}

/* Reads the required integer `key` in [min, max]. */
static bool geheel(json_t *obj, const char *key, const char *where, int64_t min,
		   int64_t max, int64_t *out, struct error *e)
{
	int64_t x;
	if (!json_get_int(obj, key, true, where, &x, e))
		return false;
	if (x < min || x > max) {
		char veld[ERROR_FIELD_MAX];
		snprintf(veld, sizeof veld, "%s/%s", where, key);
		error_add(e, veld, "buiten_bereik", NULL,
			  "'%s' is %" PRId64 "; verwacht %" PRId64 " tot en met %" PRId64 ".",
			  key, x, min, max);
		return false;
	}
	*out = x;
	return true;
}

/* Reads a nullable amount: null or absent gives AANVRAAG_LEEG. */
static void bedrag_of_null(json_t *obj, const char *key, const char *where, int64_t *out,
			   struct error *e)
{
	json_t *v = json_object_get(obj, key);
	*out = AANVRAAG_LEEG;
	if (v && !json_is_null(v))
		geheel(obj, key, where, 0, INT64_MAX, out, e);
}

/* The item of array `lijst` whose member `key` equals `id`, or NULL. */
static json_t *zoek_op_id(json_t *lijst, const char *key, const char *id)
{
	for (size_t i = 0; json_is_array(lijst) && i < json_array_size(lijst); i++) {
		json_t *item = json_array_get(lijst, i);
		const char *s = json_string_value(json_object_get(item, key));
		if (s && strcmp(s, id) == 0)
			return item;
	}
	return NULL;
}

/* Reads the string ids of array `lijst` (or of member `key` of its
 * objects when key is not NULL) into dst[max][NORMEN_ID_BYTES]. */
static size_t lees_ids(json_t *lijst, const char *key, const char *where,
		       char dst[][NORMEN_ID_BYTES], size_t max, struct error *e)
{
	size_t n = 0;
	for (size_t i = 0; json_is_array(lijst) && i < json_array_size(lijst); i++) {
		json_t *v = json_array_get(lijst, i);
		const char *s = key ? json_string_value(json_object_get(v, key)) : json_string_value(v);
		char veld[ERROR_FIELD_MAX];
		snprintf(veld, sizeof veld, "%s/%zu", where, i);
		if (!s || strlen(s) >= NORMEN_ID_BYTES || n >= max) {
			error_add(e, veld, "id_ongeldig", NULL,
				  "Ontbrekende of te lange id, of meer dan %zu ids.", max);
			continue;
		}
		snprintf(dst[n++], NORMEN_ID_BYTES, "%s", s);
	}
	return n;
}

/* The condition of a conditional question follows from the structured
 * data it asks for (docs/catalogus.md §2.7 `gegevens`). */
static enum vraag_voorwaarde voorwaarde_van(json_t *vraag)
{
	if (!json_is_true(json_object_get(vraag, "voorwaardelijk")))
		return VOORWAARDE_ALTIJD;
	json_t *g = json_object_get(vraag, "gegevens");
	for (size_t i = 0; json_is_array(g) && i < json_array_size(g); i++) {
		const char *s = json_string_value(json_array_get(g, i));
		if (s && strcmp(s, "structurele_kosten_en_besparing") == 0)
			return VOORWAARDE_STRUCTURELE_KOSTEN;
		if (s && strcmp(s, "verdeling") == 0)
			return VOORWAARDE_MEERDERE_AANBIEDERS;
	}
	return VOORWAARDE_ONBEPAALD;
}

static json_t *zoek_vraag(json_t *catalogus, const char *id)
{
	json_t *s = json_object_get(json_object_get(catalogus, "modelplanstructuur"), "secties");
	for (size_t i = 0; json_is_array(s) && i < json_array_size(s); i++) {
		json_t *v = zoek_op_id(json_object_get(json_array_get(s, i), "vragen"), "id", id);
		if (v)
			return v;
	}
	return NULL;
}

/* The modelplan's questions, with their flags from the structure. */
static void normen_vragen(json_t *mp, json_t *catalogus, struct modelplan_normen *n,
			  struct error *e)
{
	json_t *ids;
	if (!json_get_array(mp, "vraag_ids", true, "", &ids, e))
		return;
	for (size_t i = 0; i < json_array_size(ids); i++) {
		const char *id = json_string_value(json_array_get(ids, i));
		json_t *v = id ? zoek_vraag(catalogus, id) : NULL;
		char veld[ERROR_FIELD_MAX];
		snprintf(veld, sizeof veld, "/vraag_ids/%zu", i);
		if (!v || strlen(id) >= sizeof n->vragen[0].id || n->vraag_aantal >= NORMEN_VRAGEN_MAX) {
			error_add(e, veld, "verwijzing_onbekend", NULL,
				  "Vraag '%s' staat niet in de modelplanstructuur.", id ? id : "?");
			continue;
		}
		struct normen_vraag *q = &n->vragen[n->vraag_aantal++];
		snprintf(q->id, sizeof q->id, "%s", id);
		const char *label = json_string_value(json_object_get(v, "label"));
		snprintf(q->label, sizeof q->label, "%s", label ? label : id);
		q->regiocontext = json_is_true(json_object_get(v, "regiocontext"));
		q->voorwaarde = voorwaarde_van(v);
	}
}

/* id, versions, area (care pathways, hulpmiddelen flag), sectors. */
static void normen_kop(json_t *mp, json_t *catalogus, struct modelplan_normen *n,
		       struct error *e)
{
	const char *gebied_id = NULL;
	json_t *gebied = NULL;
	kopieer(mp, "id", "", n->modelplan_id, sizeof n->modelplan_id, e);
	geheel(mp, "versie", "", 1, INT64_MAX, &n->modelplan_versie, e);
	geheel(catalogus, "versie", "(catalogus)", 1, INT64_MAX, &n->catalogus_versie, e);
	json_t *cv = json_object_get(mp, "catalogus_versie");
	if (json_is_integer(cv) && json_integer_value(cv) != n->catalogus_versie)
		error_add(e, "/catalogus_versie", "verwijzing_onbekend", NULL,
			  "Deze modelplanversie hoort bij catalogusversie %" PRId64
			  ", niet bij versie %" PRId64 ".", (int64_t)json_integer_value(cv),
			  n->catalogus_versie);
	if (json_get_string(mp, "toepassingsgebied_id", true, "", &gebied_id, e))
		gebied = zoek_op_id(json_object_get(catalogus, "toepassingsgebieden"), "id", gebied_id);
	if (gebied_id && !gebied)
		error_add(e, "/toepassingsgebied_id", "verwijzing_onbekend", NULL,
			  "Toepassingsgebied '%s' staat niet in de catalogus.", gebied_id);
	if (gebied) {
		n->zorgpad_aantal = lees_ids(json_object_get(gebied, "zorgpaden"), "id",
					     "(toepassingsgebied)/zorgpaden", n->zorgpaden,
					     NORMEN_ZORGPADEN_MAX, e);
		n->aanschaf_hulpmiddelen_uitgesloten =
			json_is_true(json_object_get(gebied, "aanschaf_hulpmiddelen_uitgesloten"));
	}
	n->sector_aantal = lees_ids(json_object_get(catalogus, "sectoren"), "id",
				    "(catalogus)/sectoren", n->sectoren, NORMEN_SECTOREN_MAX, e);
}

/* Amount frames and units. */
static void normen_kaders(json_t *normen, struct modelplan_normen *n, struct error *e)
{
	json_t *k, *lijst;
	if (!json_get_object(normen, "bedragkaders", true, "/normen", &k, e))
		return;
	bedrag_of_null(k, "max_per_aanvraag_cent", "/normen/bedragkaders", &n->max_per_aanvraag_cent, e);
	bedrag_of_null(k, "max_per_zorgaanbieder_cent", "/normen/bedragkaders",
		       &n->max_per_zorgaanbieder_cent, e);
	if (!json_get_array(k, "per_eenheid", true, "/normen/bedragkaders", &lijst, e))
		return;
	for (size_t i = 0; i < json_array_size(lijst) && i < NORMEN_EENHEDEN_MAX; i++) {
		char where[ERROR_FIELD_MAX];
		struct normen_eenheid *u = &n->eenheden[n->eenheid_aantal];
		snprintf(where, sizeof where, "/normen/bedragkaders/per_eenheid/%zu", i);
		json_t *item = json_array_get(lijst, i);
		if (kopieer(item, "id", where, u->id, sizeof u->id, e) &&
		    geheel(item, "max_bedrag_cent", where, 0, INT64_MAX, &u->max_bedrag_cent, e))
			n->eenheid_aantal++;
	}
}

/* Which (kostensoort, aard) combinations may be requested. */
static void normen_kostensoorten(json_t *normen, struct modelplan_normen *n, struct error *e)
{
	static const char *const soorten[] = {"personeel", "materieel"};
	static const char *const aarden[] = {"eenmalig", "structureel"};
	json_t *lijst;
	if (!json_get_array(normen, "kostensoorten", true, "/normen", &lijst, e))
		return;
	for (size_t i = 0; i < json_array_size(lijst); i++) {
		json_t *item = json_array_get(lijst, i);
		const char *s = json_string_value(json_object_get(item, "kostensoort"));
		const char *a = json_string_value(json_object_get(item, "aard"));
		int ks = -1, aa = -1;
		for (int j = 0; j < 2; j++) {
			if (s && strcmp(s, soorten[j]) == 0)
				ks = j;
			if (a && strcmp(a, aarden[j]) == 0)
				aa = j;
		}
		char veld[ERROR_FIELD_MAX];
		snprintf(veld, sizeof veld, "/normen/kostensoorten/%zu", i);
		if (ks < 0 || aa < 0) {
			error_add(e, veld, "waarde_ongeldig", NULL, "Onbekende kostensoort of aard.");
			continue;
		}
		n->financierbaar[ks][aa] = json_is_true(json_object_get(item, "financierbaar"));
	}
}

static void normen_jaren(json_t *normen, struct modelplan_normen *n, struct error *e)
{
	json_t *lijst;
	if (!json_get_array(normen, "begrotingsjaren", true, "/normen", &lijst, e))
		return;
	for (size_t i = 0; i < json_array_size(lijst) && i < NORMEN_JAREN_MAX; i++) {
		char where[ERROR_FIELD_MAX];
		struct normen_jaar *j = &n->jaren[n->jaar_aantal];
		snprintf(where, sizeof where, "/normen/begrotingsjaren/%zu", i);
		json_t *item = json_array_get(lijst, i);
		if (geheel(item, "jaar", where, AANVRAAG_JAAR_MIN, AANVRAAG_JAAR_MAX, &j->jaar, e) &&
		    geheel(item, "max_aandeel_bp", where, 0, BP_HEEL, &j->max_aandeel_bp, e))
			n->jaar_aantal++;
	}
}

static void normen_mijlpalen(json_t *normen, struct modelplan_normen *n, struct error *e)
{
	json_t *lijst;
	if (!json_get_array(normen, "mijlpalen", true, "/normen", &lijst, e))
		return;
	for (size_t i = 0; i < json_array_size(lijst) && i < NORMEN_MIJLPALEN_MAX; i++) {
		char where[ERROR_FIELD_MAX];
		struct normen_mijlpaal *m = &n->mijlpalen[n->mijlpaal_aantal];
		snprintf(where, sizeof where, "/normen/mijlpalen/%zu", i);
		json_t *item = json_array_get(lijst, i);
		const char *naam = json_string_value(json_object_get(item, "naam"));
		snprintf(m->naam, sizeof m->naam, "%s", naam ? naam : "");
		bool ok = kopieer(item, "id", where, m->id, sizeof m->id, e);
		ok &= geheel(item, "aandeel_bp", where, 0, BP_HEEL, &m->aandeel_bp, e);
		ok &= kopieer(item, "uiterlijk_op", where, m->uiterlijk_op, sizeof m->uiterlijk_op, e);
		if (ok && !klok_datum_lees(m->uiterlijk_op, &m->uiterlijk_dag)) {
			error_add(e, where, "datum_ongeldig", NULL, "'uiterlijk_op' is geen datum.");
			ok = false;
		}
		if (ok)
			n->mijlpaal_aantal++;
	}
}

/* Application form, change support and tolerances. */
static void normen_vorm(json_t *normen, struct modelplan_normen *n, struct error *e)
{
	json_t *v, *t, *vk;
	const char *w = "/normen/aanvraagvorm";
	if (json_get_object(normen, "aanvraagvorm", true, "/normen", &v, e)) {
		json_get_bool(v, "individuele_aanvraag_toegestaan", true, w,
			      &n->individuele_aanvraag_toegestaan, e);
		geheel(v, "min_aantal_zorgaanbieders", w, 1, AANVRAAG_DEELNEMERS_MAX,
		       &n->min_aantal_zorgaanbieders, e);
		json_get_bool(v, "zorgpadkeuze_verplicht", true, w, &n->zorgpadkeuze_verplicht, e);
		n->vereiste_sector_aantal = lees_ids(json_object_get(v, "vereiste_sectoren"), NULL,
						     "/normen/aanvraagvorm/vereiste_sectoren",
						     n->vereiste_sectoren, NORMEN_SECTOREN_MAX, e);
	}
	if (json_get_object(normen, "veranderkundige_ondersteuning", true, "/normen", &vk, e))
		geheel(vk, "min_aandeel_begroting_bp", "/normen/veranderkundige_ondersteuning", 0,
		       BP_HEEL, &n->min_aandeel_veranderkundig_bp, e);
	w = "/normen/toleranties";
	if (json_get_object(normen, "toleranties", true, "/normen", &t, e)) {
		geheel(t, "fte_norm_bp", w, 0, BP_HEEL, &n->tolerantie_fte_norm_bp, e);
		geheel(t, "mijlpaal_datum_dagen", w, 0, 366, &n->tolerantie_mijlpaal_datum_dagen, e);
		geheel(t, "mijlpaal_aandeel_bp", w, 0, BP_HEEL, &n->tolerantie_mijlpaal_aandeel_bp, e);
		geheel(t, "bedragkader_bp", w, 0, BP_HEEL, &n->tolerantie_bedragkader_bp, e);
	}
}

rc_t toets_normen_lees(json_t *modelplan, json_t *catalogus,
		       struct modelplan_normen *out, struct error *e)
{
	static struct modelplan_normen leeg;
	struct error eigen;
	if (!e) {
		error_clear(&eigen);
		e = &eigen;
	}
	if (!json_is_object(modelplan) || !json_is_object(catalogus)) {
		error_add(e, "", "type", NULL, "Modelplan en catalogus moeten JSON-objecten zijn.");
		return RC_INVALID;
	}
	size_t voor = e->item_count + e->items_dropped;
	struct modelplan_normen n = leeg;
	json_t *normen;
	normen_kop(modelplan, catalogus, &n, e);
	normen_vragen(modelplan, catalogus, &n, e);
	if (json_get_object(modelplan, "normen", true, "", &normen, e)) {
		geheel(normen, "min_fte_per_miljoen_milli", "/normen", 1, NORMEN_FTE_MAX_MILLI,
		       &n.min_fte_per_miljoen_milli, e);
		normen_kaders(normen, &n, e);
		normen_kostensoorten(normen, &n, e);
		normen_jaren(normen, &n, e);
		normen_mijlpalen(normen, &n, e);
		normen_vorm(normen, &n, e);
	}
	if (e->item_count + e->items_dropped != voor)
		return RC_INVALID;
	*out = n;
	return RC_OK;
}

json_t *toets_modelplan_zoek(json_t *catalogus, const char *id, int64_t versie)
{
	json_t *lijst = json_object_get(catalogus, "modelplannen");
	for (size_t i = 0; id && json_is_array(lijst) && i < json_array_size(lijst); i++) {
		json_t *mp = json_array_get(lijst, i);
		const char *s = json_string_value(json_object_get(mp, "id"));
		json_t *v = json_object_get(mp, "versie");
		if (s && strcmp(s, id) == 0 && json_is_integer(v) && json_integer_value(v) == versie)
			return mp;
	}
	return NULL;
}

/* ======================================================================
 * Reading the round
 * ====================================================================== */

/* The Zvw pot: the one paid out by the health insurers. */
static json_t *zvw_pot(json_t *catalogus)
{
	json_t *potten = json_object_get(catalogus, "potten");
	return zoek_op_id(potten, "kanaal", "zorgverzekeraars");
}

static void ronde_jaren(json_t *pot, struct toets_ronde *r, struct error *e)
{
	json_t *tranches = json_object_get(pot, "tranches");
	int64_t laatste = 0, tot = 0;
	for (size_t i = 0; json_is_array(tranches) && i < json_array_size(tranches); i++) {
		json_t *j = json_object_get(json_array_get(tranches, i), "jaar");
		if (!json_is_integer(j) || r->jaar_aantal >= TOETS_RONDE_JAREN_MAX) {
			error_add(e, "/potten/tranches", "waarde_ongeldig", NULL,
				  "Een tranche heeft geen geldig jaar.");
			continue;
		}
		r->jaren[r->jaar_aantal++] = (int64_t)json_integer_value(j);
		if (json_integer_value(j) > laatste)
			laatste = (int64_t)json_integer_value(j);
	}
	json_t *periode = json_object_get(pot, "bestedingsperiode");
	json_t *t = json_object_get(periode, "tot_en_met_jaar");
	tot = json_is_integer(t) ? (int64_t)json_integer_value(t) : 0;
	r->uitloopjaar = tot > laatste ? tot : 0;
}

rc_t toets_ronde_lees(json_t *catalogus, const char *impactlat_id,
		      bool uitloopjaar_toegestaan, struct toets_ronde *out,
		      struct error *e)
{
	struct toets_ronde r;
	struct error eigen;
	if (!e) {
		error_clear(&eigen);
		e = &eigen;
	}
	memset(&r, 0, sizeof r);
	json_t *pot = zvw_pot(catalogus);
	if (!pot) {
		error_add(e, "/potten", "verwijzing_onbekend", NULL,
			  "De catalogus heeft geen pot met kanaal 'zorgverzekeraars'.");
		return RC_INVALID;
	}
	size_t voor = e->item_count + e->items_dropped;
	ronde_jaren(pot, &r, e);
	r.uitloopjaar_toegestaan = uitloopjaar_toegestaan && r.uitloopjaar != 0;
	const char *id = impactlat_id;
	if (!id)
		id = json_string_value(json_object_get(catalogus, "gekozen_impactlat_id"));
	if (id) {
		json_t *lat = zoek_op_id(json_object_get(catalogus, "impactlatten"), "id", id);
		json_t *w = json_object_get(lat, "fte_per_miljoen_milli");
		if (!json_is_integer(w) || json_integer_value(w) <= 0 || strlen(id) >= sizeof r.impactlat_id) {
			error_add(e, "/impactlat", "verwijzing_onbekend", NULL,
				  "Impactlat '%s' staat niet in de catalogus; kies A, B of C.", id);
		} else {
			snprintf(r.impactlat_id, sizeof r.impactlat_id, "%s", id);
			r.impactlat_fte_per_miljoen_milli = (int64_t)json_integer_value(w);
		}
	}
	if (r.jaar_aantal == 0)
		error_add(e, "/potten/tranches", "veld_ontbreekt", NULL,
			  "De pot van de zorgverzekeraars heeft geen tranches.");
	if (e->item_count + e->items_dropped != voor)
		return RC_INVALID;
	*out = r;
	return RC_OK;
}
