/*
 * aanvraag.c -- reading an application document into `struct aanvraag`
 * with structural validation. See aanvraag.h and docs/aanvraag.md.
 *
 * Every reader below adds a problem for each malformed field and goes on,
 * so one pass reports everything (NLGov ADR "return all validation
 * errors"). Missing fields are not problems: a draft may be incomplete.
 */
#include "core/aanvraag/aanvraag.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/basis/klok.h"

/* State shared by the readers of one document. */
struct lezer {
	struct arena *arena;
	struct error *e;
	bool geen_geheugen;
};

static const char *const soort_namen[] = {"zorgaanbieder", "gemeente"};
static const char *const kostensoort_namen[] = {"personeel", "materieel"};
static const char *const aard_namen[] = {"eenmalig", "structureel"};
static const char *const doel_namen[DOEL__AANTAL] = {
	"implementatie", "technologie", "koppelingen", "scholing",
	"veranderkundige_ondersteuning", "projectorganisatie", "monitoring",
	"kennisdeling", "aanschaf_hulpmiddelen", "overig",
};

const char *aanvraag_kostensoort_naam(enum kostensoort k)
{
	return (unsigned)k < 2 ? kostensoort_namen[k] : "?";
}

const char *aanvraag_aard_naam(enum kostenaard a)
{
	return (unsigned)a < 2 ? aard_namen[a] : "?";
}

const char *aanvraag_doel_naam(enum begrotingsdoel d)
{
	return (unsigned)d < DOEL__AANTAL ? doel_namen[d] : "?";
}

enum organisatie_soort aanvraag_organisatie_soort(const char *soort)
{
	if (!soort)
		return ORGANISATIE_ONBEKEND;
	if (strcmp(soort, "zorgaanbieder") == 0)
		return ORGANISATIE_ZORGAANBIEDER;
	if (strcmp(soort, "zorgverzekeraar") == 0)
		return ORGANISATIE_ZORGVERZEKERAAR;
	if (strcmp(soort, "gemeente") == 0)
		return ORGANISATIE_GEMEENTE;
	return ORGANISATIE_ANDERS;
}

const char *aanvraag_organisatie_soort_naam(enum organisatie_soort s)
{
	switch (s) {
	case ORGANISATIE_ZORGAANBIEDER:
		return "zorgaanbieder";
	case ORGANISATIE_GEMEENTE:
		return "gemeente";
	case ORGANISATIE_ZORGVERZEKERAAR:
		return "zorgverzekeraar";
	case ORGANISATIE_ANDERS:
		return "andere organisatie";
	case ORGANISATIE_ONBEKEND:
		break;
	}
	return "onbekend";
}

/* ---- small text helpers ------------------------------------------------ */

/* JSON pointers longer than ERROR_FIELD_MAX are cut short: error.c
 * would cut them there anyway, and the bounds keep real ones far below. */
static void pad_sleutel(char *buf, const char *where, const char *key)
{
	int n = snprintf(buf, ERROR_FIELD_MAX, "%s/%s", where, key);
	if (n < 0)
		buf[0] = '\0';
}

static void pad_index(char *buf, const char *where, size_t i)
{
	int n = snprintf(buf, ERROR_FIELD_MAX, "%s/%zu", where, i);
	if (n < 0)
		buf[0] = '\0';
}

/* Slug ids as in the catalogue (docs/catalogus.md §1.6). */
static bool is_slug(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > AANVRAAG_ID_MAX || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			  (c == '-' && s[i + 1] != '-');
		if (!ok)
			return false;
	}
	return true;
}

/* Question ids "<sectie>.<n>" (docs/catalogus.md §1.6). */
static bool is_vraag_id(const char *s)
{
	size_t i = 0, cijfers = 0;
	if (s[0] < '1' || s[0] > '9')
		return false;
	while (s[i] >= '0' && s[i] <= '9' && i < 4)
		i++;
	if (s[i++] != '.' || s[i] < '1' || s[i] > '9')
		return false;
	while (s[i] >= '0' && s[i] <= '9' && cijfers < 4)
		i++, cijfers++;
	return s[i] == '\0';
}

/* Keys of normative elements: "normen." followed by the path in the
 * catalogue's `wijzigingen[].pad` style (docs/aanvraag.md §4). */
static bool is_element(const char *s)
{
	size_t n = strlen(s);
	if (n <= 7 || n > AANVRAAG_ELEMENT_MAX || strncmp(s, "normen.", 7) != 0)
		return false;
	for (size_t i = 7; i < n; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			  c == '_' || c == '-' || c == '.' || c == '[' || c == ']';
		if (!ok)
			return false;
	}
	return true;
}

/* ---- typed readers ------------------------------------------------------ */

/* Reads an optional text member. Absent or null: *out = NULL, true.
 * Wrong type or longer than `max` bytes: a problem, false. */
static bool lees_tekst(struct lezer *l, json_t *obj, const char *key,
		       const char *where, size_t max, const char **out)
{
	char veld[ERROR_FIELD_MAX];
	json_t *v = json_object_get(obj, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return true;
	pad_sleutel(veld, where, key);
	if (!json_is_string(v)) {
		error_add(l->e, veld, "type", NULL, "Het veld '%s' moet tekst zijn.", key);
		return false;
	}
	size_t n = json_string_length(v);
	if (n > max) {
		error_add(l->e, veld, "te_lang", NULL,
			  "Het veld '%s' is %zu bytes lang; het maximum is %zu. Maak de tekst korter.",
			  key, n, max);
		return false;
	}
	*out = arena_strndup(l->arena, json_string_value(v), n);
	if (!*out)
		l->geen_geheugen = true;
	return *out != NULL;
}

/* Like lees_tekst, but the member is required. */
static bool lees_tekst_verplicht(struct lezer *l, json_t *obj, const char *key,
				 const char *where, size_t max, const char **out)
{
	if (!lees_tekst(l, obj, key, where, max, out))
		return false;
	if (*out)
		return true;
	char veld[ERROR_FIELD_MAX];
	pad_sleutel(veld, where, key);
	error_add(l->e, veld, "required", NULL, "Het veld '%s' is verplicht.", key);
	return false;
}

/* Reads a slug id member (required). */
static bool lees_slug(struct lezer *l, json_t *obj, const char *key,
		      const char *where, const char **out)
{
	if (!lees_tekst_verplicht(l, obj, key, where, AANVRAAG_ID_MAX * 4, out))
		return false;
	if (is_slug(*out))
		return true;
	char veld[ERROR_FIELD_MAX];
	pad_sleutel(veld, where, key);
	error_add(l->e, veld, "id_ongeldig", NULL,
		  "'%s' is geen geldige id: gebruik kleine letters, cijfers en losse "
		  "koppeltekens, hoogstens %d tekens.", *out, AANVRAAG_ID_MAX);
	*out = NULL;
	return false;
}

/* Reads an optional integer member in [min, max]. Absent or null:
 * *out = AANVRAAG_LEEG, true. A real was already reported by
 * aanvraag_kommagetallen(), so it only returns false here. */
static bool lees_getal(struct lezer *l, json_t *obj, const char *key,
		       const char *where, int64_t min, int64_t max, int64_t *out)
{
	char veld[ERROR_FIELD_MAX];
	json_t *v = json_object_get(obj, key);
	*out = AANVRAAG_LEEG;
	if (!v || json_is_null(v))
		return true;
	if (json_is_real(v))
		return false;
	pad_sleutel(veld, where, key);
	if (!json_is_integer(v)) {
		error_add(l->e, veld, "type", NULL, "Het veld '%s' moet een geheel getal zijn.", key);
		return false;
	}
	int64_t x = (int64_t)json_integer_value(v);
	if (x < 0 && min >= 0) {
		bool bedrag = strstr(key, "_cent") != NULL;
		error_add(l->e, veld, bedrag ? "bedrag_negatief" : "negatief", NULL,
			  "Het veld '%s' is %" PRId64 "; %s kan niet negatief zijn.", key, x,
			  bedrag ? "een bedrag" : "deze waarde");
		return false;
	}
	if (x < min || x > max) {
		error_add(l->e, veld, "buiten_bereik", NULL,
			  "Het veld '%s' is %" PRId64 "; toegestaan is %" PRId64 " tot en met %" PRId64 ".",
			  key, x, min, max);
		return false;
	}
	*out = x;
	return true;
}

static bool lees_getal_verplicht(struct lezer *l, json_t *obj, const char *key,
				 const char *where, int64_t min, int64_t max, int64_t *out)
{
	if (!lees_getal(l, obj, key, where, min, max, out))
		return false;
	if (*out != AANVRAAG_LEEG)
		return true;
	char veld[ERROR_FIELD_MAX];
	pad_sleutel(veld, where, key);
	error_add(l->e, veld, "required", NULL, "Het veld '%s' is verplicht.", key);
	return false;
}

/* Reads a required text member that must be one of `namen`. */
static bool lees_keuze(struct lezer *l, json_t *obj, const char *key, const char *where,
		       const char *const *namen, size_t n, int *out)
{
	const char *s;
	if (!lees_tekst_verplicht(l, obj, key, where, 64, &s))
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, namen[i]) == 0) {
			*out = (int)i;
			return true;
		}
	char veld[ERROR_FIELD_MAX], lijst[256] = "";
	size_t off = 0;
	for (size_t i = 0; i < n && off < sizeof lijst; i++)
		off += (size_t)snprintf(lijst + off, sizeof lijst - off, "%s'%s'",
					i ? ", " : "", namen[i]);
	pad_sleutel(veld, where, key);
	error_add(l->e, veld, "waarde_ongeldig", NULL,
		  "'%s' is geen geldige waarde voor '%s'; kies uit %s.", s, key, lijst);
	return false;
}

/* Reads an optional yes/no member. */
static void lees_janee(struct lezer *l, json_t *obj, const char *key,
		       const char *where, enum janee *out)
{
	json_t *v = json_object_get(obj, key);
	*out = JANEE_LEEG;
	if (!v || json_is_null(v))
		return;
	if (json_is_boolean(v)) {
		*out = json_is_true(v) ? JANEE_JA : JANEE_NEE;
		return;
	}
	char veld[ERROR_FIELD_MAX];
	pad_sleutel(veld, where, key);
	error_add(l->e, veld, "type", NULL, "Het veld '%s' moet true of false zijn.", key);
}

/* Returns the member `key` when it is an object, NULL when absent or
 * null; adds a problem when it has another type. Unknown members of the
 * object are reported against `allowed`. */
static json_t *lees_object(struct lezer *l, json_t *obj, const char *key,
			   const char *where, const char *const *allowed, char *pad)
{
	json_t *v = json_object_get(obj, key);
	pad_sleutel(pad, where, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_object(v)) {
		error_add(l->e, pad, "type", NULL, "Het veld '%s' moet een object zijn.", key);
		return NULL;
	}
	json_reject_unknown(v, allowed, pad, l->e);
	return v;
}

/* Returns the member `key` when it is an array of at most `max` items
 * (writing the count), NULL when absent, null, of another type or too
 * long (the last two with a problem). */
static json_t *lees_lijst(struct lezer *l, json_t *obj, const char *key,
			  const char *where, size_t max, size_t *n, char *pad)
{
	json_t *v = json_object_get(obj, key);
	*n = 0;
	pad_sleutel(pad, where, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_array(v)) {
		error_add(l->e, pad, "type", NULL, "Het veld '%s' moet een lijst zijn.", key);
		return NULL;
	}
	if (json_array_size(v) > max) {
		error_add(l->e, pad, "te_veel", NULL,
			  "De lijst '%s' heeft %zu onderdelen; het maximum is %zu.",
			  key, json_array_size(v), max);
		return NULL;
	}
	*n = json_array_size(v);
	return v;
}

/* Checks that item i of a list is an object with only `allowed` members. */
static bool lees_item(struct lezer *l, json_t *item, const char *pad,
		      const char *const *allowed)
{
	if (!json_is_object(item)) {
		error_add(l->e, pad, "type", NULL, "Elk onderdeel van deze lijst moet een object zijn.");
		return false;
	}
	json_reject_unknown(item, allowed, pad, l->e);
	return true;
}

static void *lees_alloc(struct lezer *l, size_t n, size_t size)
{
	void *p = arena_alloc(l->arena, n ? n * size : 1);
	if (!p)
		l->geen_geheugen = true;
	return p;
}

/* Adds `x` to *som; on overflow reports it once at `veld`. */
static void tel_op(struct lezer *l, int64_t *som, bool *overloop, int64_t x,
		   const char *veld)
{
	if (x <= 0 || *overloop)
		return;
	if (__builtin_add_overflow(*som, x, som)) {
		*overloop = true;
		error_add(l->e, veld, "som_overloop", NULL,
			  "Het totaal van deze lijst is te groot om te rekenen; controleer de bedragen.");
	}
}

/* Reports a duplicate `id` in list item i when an earlier item has it. */
static void dubbel(struct lezer *l, const char *const *ids, size_t i,
		   const char *veld, const char *wat)
{
	if (!ids[i])
		return;
	for (size_t j = 0; j < i; j++)
		if (ids[j] && strcmp(ids[j], ids[i]) == 0) {
			error_add(l->e, veld, "id_dubbel", NULL,
				  "%s '%s' komt meer dan eens voor (ook op plaats %zu); "
				  "voeg ze samen of verwijder er een.", wat, ids[i], j);
			return;
		}
}

/* ---- dates --------------------------------------------------------------- */

/* Days from 1970-01-01 to y-m-d, proleptic Gregorian (H. Hinnant's
 * days_from_civil). */

/* ---- reals anywhere ------------------------------------------------------ */

static size_t kommagetallen(json_t *v, char *pad, size_t len, size_t diepte,
			    struct error *e)
{
	size_t gevonden = 0;
	if (json_is_real(v)) {
		error_add(e, pad, "json_kommagetal", NULL,
			  "Hier staat een kommagetal; gebruik een geheel getal in de eenheid "
			  "van het veld (_cent, _bp, _milli).");
		return 1;
	}
	if (!json_is_object(v) && !json_is_array(v))
		return 0;
	if (diepte >= JSON_MAX_DEPTH) {
		error_add(e, pad, "te_diep", NULL, "Het document is te diep genest.");
		return 0;
	}
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++) {
			char index[24];
			snprintf(index, sizeof index, "%zu", i);
			size_t n = json_pointer_erbij(pad, len, ERROR_FIELD_MAX, index);
			gevonden += kommagetallen(json_array_get(v, i), pad, n, diepte + 1, e);
			pad[len] = '\0';
		}
		return gevonden;
	}
	const char *key;
	json_t *m;
	json_object_foreach(v, key, m) {
		size_t n = json_pointer_erbij(pad, len, ERROR_FIELD_MAX, key);
		gevonden += kommagetallen(m, pad, n, diepte + 1, e);
		pad[len] = '\0';
	}
	return gevonden;
}

size_t aanvraag_kommagetallen(json_t *v, const char *where, struct error *e)
{
	char pad[ERROR_FIELD_MAX];
	snprintf(pad, sizeof pad, "%s", where ? where : "");
	return kommagetallen(v, pad, strlen(pad), 0, e);
}

/* ---- sections -------------------------------------------------------------- */

static void lees_deelnemer(struct lezer *l, json_t *item, const char *pad,
			   struct aanvraag_deelnemer *d)
{
	static const char *const velden[] = {"organisatie", "soort", "sector", "bedrag_cent", NULL};
	int soort = -1;
	if (!lees_item(l, item, pad, velden))
		return;
	lees_getal_verplicht(l, item, "organisatie", pad, 1, INT64_MAX, &d->organisatie);
	if (lees_keuze(l, item, "soort", pad, soort_namen, 2, &soort))
		d->soort = soort == 0 ? ORGANISATIE_ZORGAANBIEDER : ORGANISATIE_GEMEENTE;
	const char *sector = NULL;
	if (json_is_string(json_object_get(item, "sector")))
		lees_slug(l, item, "sector", pad, &sector);
	else
		lees_tekst(l, item, "sector", pad, 0, &sector);
	d->sector = sector;
	lees_getal_verplicht(l, item, "bedrag_cent", pad, 0, INT64_MAX, &d->bedrag_cent);
}

static void lees_coalitie(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	static const char *const velden[] = {"penvoerder", "deelnemers", "coordinerend_verzekeraar",
					     "tweede_verzekeraar", NULL};
	char pad[ERROR_FIELD_MAX], lpad[ERROR_FIELD_MAX], ipad[ERROR_FIELD_MAX];
	json_t *c = lees_object(l, doc, "coalitie", "", velden, pad);
	if (!c)
		return;
	a->heeft_coalitie = true;
	int64_t x;
	lees_getal(l, c, "penvoerder", pad, 1, INT64_MAX, &x);
	a->coalitie.penvoerder = x > 0 ? x : 0;
	lees_getal(l, c, "coordinerend_verzekeraar", pad, 1, INT64_MAX, &x);
	a->coalitie.coordinerend_verzekeraar = x > 0 ? x : 0;
	lees_getal(l, c, "tweede_verzekeraar", pad, 1, INT64_MAX, &x);
	a->coalitie.tweede_verzekeraar = x > 0 ? x : 0;
	size_t n;
	json_t *lijst = lees_lijst(l, c, "deelnemers", pad, AANVRAAG_DEELNEMERS_MAX, &n, lpad);
	struct aanvraag_deelnemer *d = lees_alloc(l, n, sizeof *d);
	if (!lijst || !d)
		return;
	bool overloop = false;
	for (size_t i = 0; i < n; i++) {
		pad_index(ipad, lpad, i);
		d[i].bedrag_cent = AANVRAAG_LEEG;
		lees_deelnemer(l, json_array_get(lijst, i), ipad, &d[i]);
		tel_op(l, &a->som_deelnemers_cent, &overloop, d[i].bedrag_cent, ipad);
		for (size_t j = 0; j < i; j++)
			if (d[i].organisatie > 0 && d[j].organisatie == d[i].organisatie)
				error_add(l->e, ipad, "id_dubbel", NULL,
					  "Organisatie %" PRId64 " staat meer dan eens in de coalitie "
					  "(ook op plaats %zu); verwijder er een.", d[i].organisatie, j);
	}
	a->coalitie.deelnemers = d;
	a->coalitie.deelnemer_aantal = n;
}

static void lees_zorgpaden(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	char lpad[ERROR_FIELD_MAX], ipad[ERROR_FIELD_MAX];
	size_t n;
	json_t *lijst = lees_lijst(l, doc, "zorgpaden", "", AANVRAAG_ZORGPADEN_MAX, &n, lpad);
	const char **z = lees_alloc(l, n, sizeof *z);
	if (!lijst || !z)
		return;
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_array_get(lijst, i);
		pad_index(ipad, lpad, i);
		if (!json_is_string(v) || !is_slug(json_string_value(v))) {
			error_add(l->e, ipad, "id_ongeldig", NULL,
				  "Een zorgpad is een id uit het toepassingsgebied, zoals \"copd\".");
			continue;
		}
		z[i] = arena_strdup(l->arena, json_string_value(v));
		l->geen_geheugen |= z[i] == NULL;
		dubbel(l, z, i, ipad, "Zorgpad");
	}
	a->zorgpaden = z;
	a->zorgpad_aantal = n;
}

static void lees_antwoorden(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	static const char *const velden[] = {"vraag_id", "tekst", "regiocontext", NULL};
	char lpad[ERROR_FIELD_MAX], ipad[ERROR_FIELD_MAX];
	size_t n;
	json_t *lijst = lees_lijst(l, doc, "antwoorden", "", AANVRAAG_ANTWOORDEN_MAX, &n, lpad);
	struct aanvraag_antwoord *w = lees_alloc(l, n, sizeof *w);
	const char **ids = lees_alloc(l, n, sizeof *ids);
	if (!lijst || !w || !ids)
		return;
	for (size_t i = 0; i < n; i++) {
		json_t *item = json_array_get(lijst, i);
		pad_index(ipad, lpad, i);
		if (!lees_item(l, item, ipad, velden))
			continue;
		const char *id = NULL;
		if (lees_tekst_verplicht(l, item, "vraag_id", ipad, 16, &id) && !is_vraag_id(id)) {
			char veld[ERROR_FIELD_MAX];
			pad_sleutel(veld, ipad, "vraag_id");
			error_add(l->e, veld, "id_ongeldig", NULL,
				  "'%s' is geen vraagnummer; gebruik de vorm \"3.2\".", id);
			id = NULL;
		}
		w[i].vraag_id = ids[i] = id;
		dubbel(l, ids, i, ipad, "Vraag");
		lees_tekst_verplicht(l, item, "tekst", ipad, AANVRAAG_TEKST_MAX, &w[i].tekst);
		lees_tekst(l, item, "regiocontext", ipad, AANVRAAG_TEKST_MAX, &w[i].regiocontext);
	}
	a->antwoorden = w;
	a->antwoord_aantal = n;
}

static void lees_regel(struct lezer *l, json_t *item, const char *pad,
		       struct aanvraag_regel *r)
{
	static const char *const velden[] = {"zorgaanbieder", "jaar", "kostensoort", "aard",
					     "doel", "bedrag_cent", "omschrijving", "eenheid_id", NULL};
	int k = 0, a = 0, d = DOEL_OVERIG;
	if (!lees_item(l, item, pad, velden))
		return;
	lees_getal_verplicht(l, item, "zorgaanbieder", pad, 1, INT64_MAX, &r->zorgaanbieder);
	lees_getal_verplicht(l, item, "jaar", pad, AANVRAAG_JAAR_MIN, AANVRAAG_JAAR_MAX, &r->jaar);
	lees_keuze(l, item, "kostensoort", pad, kostensoort_namen, 2, &k);
	lees_keuze(l, item, "aard", pad, aard_namen, 2, &a);
	lees_keuze(l, item, "doel", pad, doel_namen, DOEL__AANTAL, &d);
	r->kostensoort = (enum kostensoort)k;
	r->aard = (enum kostenaard)a;
	r->doel = (enum begrotingsdoel)d;
	lees_getal_verplicht(l, item, "bedrag_cent", pad, 0, INT64_MAX, &r->bedrag_cent);
	lees_tekst(l, item, "omschrijving", pad, AANVRAAG_KORT_MAX, &r->omschrijving);
	if (json_is_string(json_object_get(item, "eenheid_id")))
		lees_slug(l, item, "eenheid_id", pad, &r->eenheid_id);
	else
		lees_tekst(l, item, "eenheid_id", pad, 0, &r->eenheid_id);
}

static void lees_begroting(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	char lpad[ERROR_FIELD_MAX], ipad[ERROR_FIELD_MAX];
	size_t n;
	json_t *lijst = lees_lijst(l, doc, "begroting", "", AANVRAAG_REGELS_MAX, &n, lpad);
	struct aanvraag_regel *r = lees_alloc(l, n, sizeof *r);
	if (!lijst || !r)
		return;
	bool overloop = false;
	for (size_t i = 0; i < n; i++) {
		pad_index(ipad, lpad, i);
		r[i].bedrag_cent = AANVRAAG_LEEG;
		lees_regel(l, json_array_get(lijst, i), ipad, &r[i]);
		tel_op(l, &a->som_regels_cent, &overloop, r[i].bedrag_cent, ipad);
	}
	a->begroting = r;
	a->regel_aantal = n;
}

static void lees_eenheden(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	static const char *const velden[] = {"id", "aantal", NULL};
	char lpad[ERROR_FIELD_MAX], ipad[ERROR_FIELD_MAX];
	size_t n;
	json_t *lijst = lees_lijst(l, doc, "eenheden", "", AANVRAAG_EENHEDEN_MAX, &n, lpad);
	struct aanvraag_eenheid *u = lees_alloc(l, n, sizeof *u);
	const char **ids = lees_alloc(l, n, sizeof *ids);
	if (!lijst || !u || !ids)
		return;
	for (size_t i = 0; i < n; i++) {
		json_t *item = json_array_get(lijst, i);
		pad_index(ipad, lpad, i);
		u[i].aantal = AANVRAAG_LEEG;
		if (!lees_item(l, item, ipad, velden))
			continue;
		lees_slug(l, item, "id", ipad, &u[i].id);
		ids[i] = u[i].id;
		dubbel(l, ids, i, ipad, "Eenheid");
		lees_getal_verplicht(l, item, "aantal", ipad, 0, AANVRAAG_AANTAL_MAX, &u[i].aantal);
	}
	a->eenheden = u;
	a->eenheid_aantal = n;
}

static void lees_mijlpaal(struct lezer *l, json_t *item, const char *pad,
			  struct aanvraag_mijlpaal *m)
{
	static const char *const velden[] = {"id", "streefdatum", "bedrag_cent", NULL};
	if (!lees_item(l, item, pad, velden))
		return;
	lees_slug(l, item, "id", pad, &m->id);
	const char *datum = NULL;
	if (lees_tekst_verplicht(l, item, "streefdatum", pad, 16, &datum)) {
		if (klok_datum_lees(datum, &m->streefdag)) {
			m->streefdatum = datum;
		} else {
			char veld[ERROR_FIELD_MAX];
			pad_sleutel(veld, pad, "streefdatum");
			error_add(l->e, veld, "datum_ongeldig", NULL,
				  "'%s' is geen bestaande datum; schrijf JJJJ-MM-DD, "
				  "bijvoorbeeld 2027-06-30.", datum);
		}
	}
	lees_getal_verplicht(l, item, "bedrag_cent", pad, 0, INT64_MAX, &m->bedrag_cent);
}

static void lees_mijlpalen(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	char lpad[ERROR_FIELD_MAX], ipad[ERROR_FIELD_MAX];
	size_t n;
	json_t *lijst = lees_lijst(l, doc, "mijlpalen", "", AANVRAAG_MIJLPALEN_MAX, &n, lpad);
	struct aanvraag_mijlpaal *m = lees_alloc(l, n, sizeof *m);
	const char **ids = lees_alloc(l, n, sizeof *ids);
	if (!lijst || !m || !ids)
		return;
	bool overloop = false;
	for (size_t i = 0; i < n; i++) {
		pad_index(ipad, lpad, i);
		m[i].bedrag_cent = AANVRAAG_LEEG;
		lees_mijlpaal(l, json_array_get(lijst, i), ipad, &m[i]);
		ids[i] = m[i].id;
		dubbel(l, ids, i, ipad, "Mijlpaal");
		tel_op(l, &a->som_mijlpalen_cent, &overloop, m[i].bedrag_cent, ipad);
	}
	a->mijlpalen = m;
	a->mijlpaal_aantal = n;
}

static void lees_afwijkingen(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	static const char *const velden[] = {"element", "toelichting", NULL};
	char lpad[ERROR_FIELD_MAX], ipad[ERROR_FIELD_MAX], veld[ERROR_FIELD_MAX];
	size_t n;
	json_t *lijst = lees_lijst(l, doc, "afwijkingen", "", AANVRAAG_AFWIJKINGEN_MAX, &n, lpad);
	struct aanvraag_afwijking *w = lees_alloc(l, n, sizeof *w);
	const char **ids = lees_alloc(l, n, sizeof *ids);
	if (!lijst || !w || !ids)
		return;
	for (size_t i = 0; i < n; i++) {
		json_t *item = json_array_get(lijst, i);
		pad_index(ipad, lpad, i);
		if (!lees_item(l, item, ipad, velden))
			continue;
		const char *el = NULL;
		if (lees_tekst_verplicht(l, item, "element", ipad, AANVRAAG_ELEMENT_MAX * 2, &el) &&
		    !is_element(el)) {
			pad_sleutel(veld, ipad, "element");
			error_add(l->e, veld, "element_ongeldig", NULL,
				  "'%s' is geen sleutel van een normatief element; gebruik de sleutel "
				  "uit de afwijkingenlijst, bijvoorbeeld "
				  "\"normen.mijlpalen[m2].uiterlijk_op\".", el);
			el = NULL;
		}
		w[i].element = ids[i] = el;
		dubbel(l, ids, i, ipad, "Element");
		lees_tekst_verplicht(l, item, "toelichting", ipad, AANVRAAG_TEKST_MAX,
				     &w[i].toelichting);
	}
	a->afwijkingen = w;
	a->afwijking_aantal = n;
}

static void lees_aanpassingen(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	static const char *const velden[] = {"onderwerp", "toelichting", NULL};
	char lpad[ERROR_FIELD_MAX], ipad[ERROR_FIELD_MAX];
	size_t n;
	json_t *lijst = lees_lijst(l, doc, "regionale_aanpassingen", "",
				   AANVRAAG_AANPASSINGEN_MAX, &n, lpad);
	struct aanvraag_aanpassing *p = lees_alloc(l, n, sizeof *p);
	if (!lijst || !p)
		return;
	for (size_t i = 0; i < n; i++) {
		json_t *item = json_array_get(lijst, i);
		pad_index(ipad, lpad, i);
		if (!lees_item(l, item, ipad, velden))
			continue;
		lees_tekst_verplicht(l, item, "onderwerp", ipad, AANVRAAG_KORT_MAX, &p[i].onderwerp);
		lees_tekst_verplicht(l, item, "toelichting", ipad, AANVRAAG_TEKST_MAX,
				     &p[i].toelichting);
	}
	a->aanpassingen = p;
	a->aanpassing_aantal = n;
}

/* impact, structureel, eenmalige_impuls and verklaringen. */
static void lees_kerngetallen(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	static const char *const impact[] = {"fte_besparing_milli", "meetmethode", NULL};
	static const char *const structureel[] = {"kosten_per_jaar_cent", "besparing_per_jaar_cent",
						  "toelichting", NULL};
	static const char *const impuls[] = {"toelichting", "borging", NULL};
	static const char *const verklaringen[] = {"geen_dubbele_financiering",
		"geen_eerdere_iza_transformatiemiddelen", "kennis_kosteloos_delen", NULL};
	char pad[ERROR_FIELD_MAX];
	json_t *o;
	if ((o = lees_object(l, doc, "impact", "", impact, pad))) {
		lees_getal(l, o, "fte_besparing_milli", pad, 0, INT64_MAX, &a->fte_besparing_milli);
		lees_tekst(l, o, "meetmethode", pad, AANVRAAG_KORT_MAX, &a->meetmethode);
	}
	if ((o = lees_object(l, doc, "structureel", "", structureel, pad))) {
		lees_getal(l, o, "kosten_per_jaar_cent", pad, 0, INT64_MAX,
			   &a->structurele_kosten_per_jaar_cent);
		lees_getal(l, o, "besparing_per_jaar_cent", pad, 0, INT64_MAX,
			   &a->structurele_besparing_per_jaar_cent);
		lees_tekst(l, o, "toelichting", pad, AANVRAAG_TEKST_MAX, &a->structureel_toelichting);
	}
	if ((o = lees_object(l, doc, "eenmalige_impuls", "", impuls, pad))) {
		lees_tekst(l, o, "toelichting", pad, AANVRAAG_TEKST_MAX, &a->impuls_toelichting);
		lees_tekst(l, o, "borging", pad, AANVRAAG_TEKST_MAX, &a->impuls_borging);
	}
	if ((o = lees_object(l, doc, "verklaringen", "", verklaringen, pad))) {
		lees_janee(l, o, "geen_dubbele_financiering", pad, &a->geen_dubbele_financiering);
		lees_janee(l, o, "geen_eerdere_iza_transformatiemiddelen", pad,
			   &a->geen_eerdere_iza_transformatiemiddelen);
		lees_janee(l, o, "kennis_kosteloos_delen", pad, &a->kennis_kosteloos_delen);
	}
}

/* soort, schema_versie, catalogus_versie, modelplan, titel, totaal: the
 * identity of the document, which even a draft must have. */
static void lees_kop(struct lezer *l, json_t *doc, struct aanvraag *a)
{
	static const char *const mp[] = {"id", "versie", NULL};
	char pad[ERROR_FIELD_MAX];
	const char *soort = NULL;
	if (lees_tekst_verplicht(l, doc, "soort", "", 32, &soort) && strcmp(soort, "aanvraag") != 0)
		error_add(l->e, "/soort", "soort_onjuist", NULL,
			  "Dit is geen aanvraag: 'soort' moet \"aanvraag\" zijn.");
	if (lees_getal_verplicht(l, doc, "schema_versie", "", 1, INT64_MAX, &a->schema_versie) &&
	    a->schema_versie != AANVRAAG_SCHEMA_VERSIE)
		error_add(l->e, "/schema_versie", "versie_ongeldig", NULL,
			  "Schemaversie %" PRId64 " wordt niet ondersteund; gebruik %d.",
			  a->schema_versie, AANVRAAG_SCHEMA_VERSIE);
	lees_getal_verplicht(l, doc, "catalogus_versie", "", 1, INT64_MAX, &a->catalogus_versie);
	json_t *m = lees_object(l, doc, "modelplan", "", mp, pad);
	if (m) {
		lees_slug(l, m, "id", pad, &a->modelplan_id);
		lees_getal_verplicht(l, m, "versie", pad, 1, INT64_MAX, &a->modelplan_versie);
	} else if (!json_object_get(doc, "modelplan") || json_is_null(json_object_get(doc, "modelplan"))) {
		error_add(l->e, "/modelplan", "required", NULL,
			  "Het veld 'modelplan' is verplicht: een aanvraag hoort bij één "
			  "modelplanversie ({\"id\", \"versie\"}).");
	}
	lees_tekst(l, doc, "titel", "", AANVRAAG_TITEL_MAX, &a->titel);
	lees_getal(l, doc, "totaal_bedrag_cent", "", 0, INT64_MAX, &a->totaal_bedrag_cent);
}

static void aanvraag_leeg(struct aanvraag *a)
{
	memset(a, 0, sizeof *a);
	a->schema_versie = a->catalogus_versie = a->modelplan_versie = AANVRAAG_LEEG;
	a->totaal_bedrag_cent = a->fte_besparing_milli = AANVRAAG_LEEG;
	a->structurele_kosten_per_jaar_cent = AANVRAAG_LEEG;
	a->structurele_besparing_per_jaar_cent = AANVRAAG_LEEG;
}

rc_t aanvraag_lees(json_t *doc, struct arena *arena, struct aanvraag *out,
		   struct error *e)
{
	static const char *const velden[] = {"soort", "schema_versie", "catalogus_versie",
		"modelplan", "titel", "coalitie", "zorgpaden", "antwoorden", "begroting",
		"eenheden", "totaal_bedrag_cent", "impact", "structureel", "eenmalige_impuls",
		"mijlpalen", "afwijkingen", "regionale_aanpassingen", "verklaringen", NULL};
	struct error eigen;
	if (!e) {
		error_clear(&eigen);
		e = &eigen;
	}
	if (!json_is_object(doc)) {
		error_add(e, "", "type", NULL, "Een aanvraag is een JSON-object.");
		return RC_INVALID;
	}
	size_t before = e->item_count + e->items_dropped;
	struct lezer l = {arena, e, false};
	struct aanvraag a;
	aanvraag_leeg(&a);
	aanvraag_kommagetallen(doc, "", e);
	json_reject_unknown(doc, velden, "", e);
	lees_kop(&l, doc, &a);
	lees_coalitie(&l, doc, &a);
	lees_zorgpaden(&l, doc, &a);
	lees_antwoorden(&l, doc, &a);
	lees_begroting(&l, doc, &a);
	lees_eenheden(&l, doc, &a);
	lees_kerngetallen(&l, doc, &a);
	lees_mijlpalen(&l, doc, &a);
	lees_afwijkingen(&l, doc, &a);
	lees_aanpassingen(&l, doc, &a);
	if (l.geen_geheugen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen om de aanvraag te lezen.");
	if (e->item_count + e->items_dropped != before)
		return RC_INVALID;
	*out = a;
	return RC_OK;
}
