/*
 * catalogus_validatie.c -- the validator's entry points, its reporting
 * and reading helpers, and the id checks with their lookup tables
 * (docs/catalogus.md §4, rules G8 and G9).
 *
 * A validation is a fixed sequence of passes over one document: shape
 * (catalogus_schema.c), value walk, ids and lookup tables (here), then
 * the rules (catalogus_regels.c, catalogus_modelplan.c). Every pass
 * reports all it finds; none stops at the first problem.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/catalogus/catalogus_intern.h"
#include "core/basis/embedded.h"
#include "core/basis/json.h"

/* ---- reporting ------------------------------------------------------- */

static void cv_meld(struct cv *c, const char *ptr, const char *code, const char *bron,
		    const char *fmt, va_list ap)
{
	char detail[ERROR_MESSAGE_MAX];
	vsnprintf(detail, sizeof detail, fmt, ap);
	char field[ERROR_FIELD_MAX];
	size_t need = strlen(c->bestand) + 1 + strlen(ptr);
	const char *naam = c->bestand;
	if (need >= sizeof field) { /* keep the pointer whole: shorten the file name */
		const char *slash = strrchr(c->bestand, '/');
		naam = slash ? slash + 1 : c->bestand;
	}
	snprintf(field, sizeof field, "%s#%s", naam, ptr);
	error_add(c->e, field, code, bron, "%s", detail);
}

void cv_fout(struct cv *c, const char *ptr, const char *code, const char *bron,
	     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cv_meld(c, ptr, code, bron, fmt, ap);
	va_end(ap);
}

void cv_conflict(struct cv *c, const char *ptr, const char *code, const char *bron,
		 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cv_meld(c, ptr, code, bron, fmt, ap);
	va_end(ap);
	c->conflicten++;
}

const char *cv_pad(char out[CV_PTR_MAX], const char *base, const char *key)
{
	snprintf(out, CV_PTR_MAX, "%s", base);
	json_pointer_erbij(out, strlen(out), CV_PTR_MAX, key);
	return out;
}

const char *cv_pad_i(char out[CV_PTR_MAX], const char *base, size_t i)
{
	snprintf(out, CV_PTR_MAX, "%s/%zu", base, i);
	return out;
}

/* ---- typed reads ------------------------------------------------------- */

const char *cv_tekst(json_t *o, const char *key) { return json_string_value(json_object_get(o, key)); }

bool cv_geheel(json_t *o, const char *key, int64_t *out)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_integer(v))
		return false;
	*out = (int64_t)json_integer_value(v);
	return true;
}

bool cv_bool(json_t *o, const char *key, bool *out)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_boolean(v))
		return false;
	*out = json_is_true(v);
	return true;
}

json_t *cv_lijst(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_array(v) ? v : NULL;
}

json_t *cv_object(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_object(v) ? v : NULL;
}

bool cv_is_slug(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 64 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		bool ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
			  (s[i] == '-' && s[i + 1] != '-');
		if (!ok)
			return false;
	}
	return true;
}

static bool cijfers(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool cv_datum(const char *s, int *jaar)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !cijfers(s, 4) ||
	    !cijfers(s + 5, 2) || !cijfers(s + 8, 2))
		return false;
	int j = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	static const int dagen[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (j < 1 || m < 1 || m > 12 || d < 1)
		return false;
	bool schrikkel = (j % 4 == 0 && j % 100 != 0) || j % 400 == 0;
	if (d > dagen[m - 1] + (m == 2 && schrikkel))
		return false;
	if (jaar)
		*jaar = j;
	return true;
}

bool cv_in(const char *s, const char *const *allowed)
{
	for (size_t i = 0; s && allowed[i]; i++)
		if (strcmp(s, allowed[i]) == 0)
			return true;
	return false;
}

bool cv_som(json_t *arr, const char *key, int64_t *out, bool *overloop)
{
	int64_t som = 0;
	size_t i;
	json_t *item;
	*overloop = false;
	json_array_foreach(arr, i, item) {
		int64_t v;
		if (!cv_geheel(item, key, &v))
			return false;
		if (__builtin_add_overflow(som, v, &som)) {
			*overloop = true;
			return false;
		}
	}
	*out = som;
	return true;
}

json_t *cv_verwijzing(struct cv *c, json_t *index, json_t *holder, const char *key,
		      const char *ptr, const char *wat)
{
	const char *id = cv_tekst(holder, key);
	if (!id || !index)
		return NULL;
	json_t *item = json_object_get(index, id);
	if (!item) {
		char p[CV_PTR_MAX];
		cv_fout(c, cv_pad(p, ptr, key), "verwijzing_onbekend", NULL,
			"'%.64s' is geen bekende %s; gebruik een id uit de catalogus.", id, wat);
	}
	return item;
}

/* ---- ids (G8, G9) and lookup tables ----------------------------------- */

enum idsoort { ID_SLUG, ID_SECTIE, ID_VRAAG, ID_LAT, ID_TFP };

static bool id_past(const char *id, enum idsoort soort)
{
	size_t n = strlen(id);
	size_t punt = strcspn(id, ".");
	switch (soort) {
	case ID_SLUG: return cv_is_slug(id);
	case ID_SECTIE: return n >= 1 && n <= 64 && id[0] != '0' && cijfers(id, n);
	case ID_VRAAG:
		return n <= 64 && punt >= 1 && punt + 1 < n && id[0] != '0' &&
		       id[punt + 1] != '0' && cijfers(id, punt) &&
		       cijfers(id + punt + 1, n - punt - 1);
	case ID_LAT: return n == 1 && id[0] >= 'A' && id[0] <= 'Z';
	case ID_TFP: return n == 10 && strncmp(id, "TFP.", 4) == 0 && cijfers(id + 4, 6);
	}
	return false;
}

static const char *id_vorm(enum idsoort soort)
{
	switch (soort) {
	case ID_SLUG: return "kleine letters, cijfers en losse koppeltekens, hoogstens 64 tekens";
	case ID_SECTIE: return "een getal vanaf 1";
	case ID_VRAAG: return "<sectie>.<n>, bijvoorbeeld 3.2";
	case ID_LAT: return "een hoofdletter";
	case ID_TFP: return "TFP. gevolgd door zes cijfers";
	}
	return "";
}

/* Checks the ids (member `key`) of the objects in `arr` at `ptr` and adds
 * each first occurrence to `index`. Reports when `melden`. */
static void ids_lijst(struct cv *c, json_t *arr, const char *key, enum idsoort soort,
		      const char *ptr, json_t *index, bool melden)
{
	size_t i;
	json_t *item;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	json_array_foreach(arr, i, item) {
		const char *id = cv_tekst(item, key);
		if (!id)
			continue;
		cv_pad(q, cv_pad_i(p, ptr, i), key);
		if (!id_past(id, soort)) {
			if (melden)
				cv_fout(c, q, "id_ongeldig", NULL,
					"De id '%.64s' heeft niet de vorm %s.", id, id_vorm(soort));
		} else if (json_object_get(index, id)) {
			if (melden)
				cv_fout(c, q, "id_dubbel", NULL,
					"De id '%.64s' komt al eerder in deze lijst voor; geef ieder "
					"element een eigen id.", id);
		} else {
			json_object_set(index, id, item);
		}
	}
}

/* Reports repeated integers (member `key` of objects, or the items
 * themselves when key is NULL) in `arr` at `ptr`. */
void cv_dubbele_getallen(struct cv *c, json_t *arr, const char *key, const char *ptr,
			 const char *wat)
{
	json_t *gezien = json_object();
	size_t i;
	json_t *item;
	char p[CV_PTR_MAX], q[CV_PTR_MAX], k[24];
	json_array_foreach(arr, i, item) {
		json_t *v = key ? json_object_get(item, key) : item;
		if (!json_is_integer(v))
			continue;
		snprintf(k, sizeof k, "%lld", (long long)json_integer_value(v));
		cv_pad_i(p, ptr, i);
		if (json_object_get(gezien, k))
			cv_fout(c, key ? cv_pad(q, p, key) : p, "id_dubbel", NULL,
				"Het %s %s komt al eerder in deze lijst voor; noem ieder %s één keer.",
				wat, k, wat);
		else
			json_object_set_new(gezien, k, json_true());
	}
	json_decref(gezien);
}

void cv_ids_slug(struct cv *c, json_t *arr, const char *ptr)
{
	json_t *index = json_object();
	ids_lijst(c, arr, "id", ID_SLUG, ptr, index, true);
	json_decref(index);
}

/* Reports repeated strings in a list of strings at `ptr`. */
static void dubbele_teksten(struct cv *c, json_t *arr, const char *ptr)
{
	json_t *gezien = json_object();
	size_t i;
	json_t *item;
	char p[CV_PTR_MAX];
	json_array_foreach(arr, i, item) {
		const char *s = json_string_value(item);
		if (!s)
			continue;
		if (json_object_get(gezien, s))
			cv_fout(c, cv_pad_i(p, ptr, i), "id_dubbel", NULL,
				"'%.64s' staat al eerder in deze lijst; noem het één keer.", s);
		else
			json_object_set_new(gezien, s, json_true());
	}
	json_decref(gezien);
}

/* The ids inside application areas and pots: zorgpaden, sectoren and
 * tranche years, each unique within its own list. */
static void ids_binnen(struct cv *c, bool melden)
{
	size_t i;
	json_t *item;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	json_array_foreach(cv_lijst(c->cat, "toepassingsgebieden"), i, item) {
		json_t *paden = json_object();
		cv_pad_i(p, "/toepassingsgebieden", i);
		ids_lijst(c, cv_lijst(item, "zorgpaden"), "id", ID_SLUG, cv_pad(q, p, "zorgpaden"),
			  paden, melden);
		json_decref(paden);
		if (melden)
			dubbele_teksten(c, cv_lijst(item, "sectoren"), cv_pad(q, p, "sectoren"));
	}
	if (!melden)
		return;
	json_array_foreach(cv_lijst(c->cat, "potten"), i, item)
		cv_dubbele_getallen(c, cv_lijst(item, "tranches"), "jaar",
				 cv_pad(q, cv_pad_i(p, "/potten", i), "tranches"), "jaar");
	cv_dubbele_getallen(c, cv_lijst(cv_object(c->cat, "fonds"), "tranches"), "jaar",
			 "/fonds/tranches", "jaar");
}

/* The questions of all sections together form one id space. */
static void ids_vragen(struct cv *c, bool melden)
{
	json_t *secties = cv_lijst(cv_object(c->cat, "modelplanstructuur"), "secties");
	size_t i;
	json_t *sectie;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	json_array_foreach(secties, i, sectie) {
		cv_pad(q, cv_pad_i(p, "/modelplanstructuur/secties", i), "vragen");
		ids_lijst(c, cv_lijst(sectie, "vragen"), "id", ID_VRAAG, q, c->vragen, melden);
	}
}

/* Lookup table of the basic requirements by volgnummer ("1" ... "14"). */
static void index_basiseisen(struct cv *c, bool melden)
{
	json_t *lijst = cv_lijst(c->cat, "basiseisen");
	json_t *ids = json_object();
	ids_lijst(c, lijst, "id", ID_SLUG, "/basiseisen", ids, melden);
	json_decref(ids);
	if (melden)
		cv_dubbele_getallen(c, lijst, "volgnummer", "/basiseisen", "volgnummer");
	size_t i;
	json_t *item;
	char k[24];
	json_array_foreach(lijst, i, item) {
		int64_t nr;
		if (!cv_geheel(item, "volgnummer", &nr))
			continue;
		snprintf(k, sizeof k, "%lld", (long long)nr);
		if (!json_object_get(c->basiseisen, k))
			json_object_set(c->basiseisen, k, item);
	}
}

void cv_indexen(struct cv *c, bool melden)
{
	json_t **tabellen[] = {&c->potten, &c->themas, &c->sectoren, &c->gebieden, &c->regels,
			       &c->termijnen, &c->gupta, &c->impactlatten, &c->vragen,
			       &c->modelplannen, &c->basiseisen};
	for (size_t i = 0; i < sizeof tabellen / sizeof tabellen[0]; i++)
		*tabellen[i] = json_object();
	json_t *cat = c->cat;
	json_t *ref = cv_object(cat, "referentiecijfers");
	json_t *overig = json_object(), *functies = json_object(), *secties = json_object();
	json_t *plannen = json_object();
	const char *fonds_id = cv_tekst(cv_object(cat, "fonds"), "id");
	if (melden && fonds_id && !cv_is_slug(fonds_id))
		cv_fout(c, "/fonds/id", "id_ongeldig", NULL, "De id '%.64s' heeft niet de vorm %s.",
			fonds_id, id_vorm(ID_SLUG));
	ids_lijst(c, cv_lijst(cat, "potten"), "id", ID_SLUG, "/potten", c->potten, melden);
	ids_lijst(c, cv_lijst(cat, "themas"), "id", ID_SLUG, "/themas", c->themas, melden);
	ids_lijst(c, cv_lijst(cat, "sectoren"), "id", ID_SLUG, "/sectoren", c->sectoren, melden);
	ids_lijst(c, cv_lijst(cat, "toepassingsgebieden"), "id", ID_SLUG, "/toepassingsgebieden",
		  c->gebieden, melden);
	ids_lijst(c, cv_lijst(cat, "regels"), "id", ID_SLUG, "/regels", c->regels, melden);
	index_basiseisen(c, melden);
	ids_lijst(c, cv_lijst(cv_object(cat, "modelplanstructuur"), "secties"), "id", ID_SECTIE,
		  "/modelplanstructuur/secties", secties, melden);
	ids_vragen(c, melden);
	ids_lijst(c, cv_lijst(cat, "modelplannen"), "id", ID_SLUG, "/modelplannen",
		  c->modelplannen, melden);
	ids_lijst(c, cv_lijst(cat, "impactlatten"), "id", ID_LAT, "/impactlatten",
		  c->impactlatten, melden);
	ids_lijst(c, cv_lijst(cat, "basisfunctionaliteiten"), "id", ID_SLUG,
		  "/basisfunctionaliteiten", functies, melden);
	ids_lijst(c, cv_lijst(cat, "termijnen"), "id", ID_SLUG, "/termijnen", c->termijnen, melden);
	ids_lijst(c, cv_lijst(ref, "gupta_themas"), "id", ID_SLUG, "/referentiecijfers/gupta_themas",
		  c->gupta, melden);
	ids_lijst(c, cv_lijst(cv_object(ref, "transformatieplannen"), "plannen"), "tfp_nummer",
		  ID_TFP, "/referentiecijfers/transformatieplannen/plannen", plannen, melden);
	ids_lijst(c, cv_lijst(ref, "overige_cijfers"), "id", ID_SLUG,
		  "/referentiecijfers/overige_cijfers", overig, melden);
	ids_binnen(c, melden);
	json_decref(overig);
	json_decref(functies);
	json_decref(secties);
	json_decref(plannen);
	json_t *structuur = cv_object(cat, "modelplanstructuur");
	c->structuur_ok = cv_geheel(structuur, "versie", &c->structuur_versie);
	c->regiomarkering = cv_tekst(structuur, "regiocontext_markering");
}

void cv_indexen_vrij(struct cv *c)
{
	json_t **tabellen[] = {&c->potten, &c->themas, &c->sectoren, &c->gebieden, &c->regels,
			       &c->termijnen, &c->gupta, &c->impactlatten, &c->vragen,
			       &c->modelplannen, &c->basiseisen};
	for (size_t i = 0; i < sizeof tabellen / sizeof tabellen[0]; i++) {
		json_decref(*tabellen[i]);
		*tabellen[i] = NULL;
	}
}

/* ---- entry points ------------------------------------------------------ */

rc_t catalogus_valideer_tegen(json_t *doc, const char *bestand,
			      const struct catalogus_bekend *bekend,
			      size_t *conflicten, struct error *e)
{
	struct cv c = {.e = e, .bestand = bestand ? bestand : "", .doc = doc};
	size_t voor = e->item_count + e->items_dropped;
	const char *soort = cv_tekst(doc, "soort");
	if (json_is_object(doc) && soort && strcmp(soort, "catalogus") == 0) {
		c.is_catalogus = true;
		c.cat = doc;
		cv_schema_catalogus(&c);
		cv_waarden(&c, doc, NULL, "");
		cv_indexen(&c, true);
		cv_regels_catalogus(&c);
	} else if (json_is_object(doc) && soort && strcmp(soort, "modelplan") == 0) {
		cv_schema_modelplandocument(&c);
		cv_waarden(&c, doc, NULL, "");
		cv_modelplandocument(&c, bekend);
	} else {
		cv_fout(&c, json_is_object(doc) ? "/soort" : "", "soort_onjuist", NULL,
			"Het document moet een object zijn met \"soort\": \"catalogus\" of "
			"\"soort\": \"modelplan\".");
	}
	cv_indexen_vrij(&c);
	if (conflicten)
		*conflicten = c.conflicten;
	size_t gevonden = e->item_count + e->items_dropped - voor;
	if (gevonden == 0)
		return RC_OK;
	rc_t rc = gevonden == c.conflicten ? RC_CONFLICT : RC_INVALID;
	return error_set(e, rc, "%s: %zu %s gevonden.",
			 c.bestand[0] ? c.bestand : "document", gevonden,
			 gevonden == 1 ? "probleem" : "problemen");
}

/* The version of plan `id` in catalogue `cat`, and its area. */
static void plan_in_catalogus(json_t *cat, const char *id, int64_t *versie, const char **gebied)
{
	size_t i;
	json_t *mp;
	json_array_foreach(cv_lijst(cat, "modelplannen"), i, mp) {
		const char *mid = cv_tekst(mp, "id");
		int64_t v;
		if (mid && id && strcmp(mid, id) == 0 && cv_geheel(mp, "versie", &v) && v > *versie) {
			*versie = v;
			*gebied = cv_tekst(mp, "toepassingsgebied_id");
		}
	}
}

rc_t catalogus_valideer(json_t *doc, const char *bestand, struct error *e)
{
	const char *soort = cv_tekst(doc, "soort");
	if (!soort || strcmp(soort, "modelplan") != 0)
		return catalogus_valideer_tegen(doc, bestand, NULL, NULL, e);
	const struct embedded_file *f = embedded_find(CATALOGUS_STANDAARD);
	json_t *cat = f ? json_loadb(f->data, f->size, JSON_REJECT_DUPLICATES, NULL) : NULL;
	if (!cat)
		return error_set(e, RC_INTERNAL, "De ingebouwde catalogus ontbreekt of is onleesbaar.");
	struct catalogus_bekend bekend = {0};
	int64_t gevraagd, eigen;
	if (cv_geheel(doc, "catalogus_versie", &gevraagd) && cv_geheel(cat, "versie", &eigen) &&
	    gevraagd == eigen) {
		bekend.catalogus = cat;
		plan_in_catalogus(cat, cv_tekst(doc, "id"), &bekend.hoogste_versie,
				  &bekend.toepassingsgebied);
	}
	rc_t rc = catalogus_valideer_tegen(doc, bestand, &bekend, NULL, e);
	json_decref(cat);
	return rc;
}

void cv_verwijzingen(struct cv *c, json_t *index, json_t *arr, const char *ptr, const char *wat)
{
	size_t i;
	json_t *item;
	char p[CV_PTR_MAX];
	json_array_foreach(arr, i, item) {
		const char *id = json_string_value(item);
		if (id && index && !json_object_get(index, id))
			cv_fout(c, cv_pad_i(p, ptr, i), "verwijzing_onbekend", NULL,
				"'%.64s' is geen bekende %s; gebruik een id uit de catalogus.", id, wat);
	}
}

