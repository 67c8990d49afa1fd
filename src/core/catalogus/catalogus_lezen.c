/*
 * catalogus_lezen.c -- reading published catalogue and modelplan
 * versions: collections with their filters, one modelplan with all its
 * versions, the list of catalogue versions and a whole document.
 *
 * Every read runs in one read transaction and names the catalogue
 * version it shows ("catalogusversie"); 0 asks for the newest. Items are
 * served as published, so each carries its `bron`.
 */
#include <stdio.h>
#include <string.h>

#include "core/catalogus/catalogus_intern.h"
#include "store/store_catalogus.h"

const char *const catalogus_onderdelen[] = {"fondsen", "themas", "toepassingsgebieden",
	"basiseisen", "modelplannen", "impactlatten", "basisfunctionaliteiten",
	"referentiecijfers", NULL};

bool catalogus_versie_parse(const char *text, int64_t *out)
{
	size_t n = text ? strlen(text) : 0;
	if (n == 0 || n > 10 || text[0] == '0' || strspn(text, "0123456789") != n)
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (text[i] - '0');
	if (v > 2147483647) /* the INTEGER column of both backends */
		return false;
	*out = v;
	return true;
}

struct lezing {
	int64_t gevraagd;          /* 0: the newest */
	int64_t versie;            /* the version read */
	const char *onderdeel;
	const struct catalogus_filter *filter;
	const char *modelplan;     /* catalogus_modelplan */
	int64_t modelplan_versie;  /* 0: the newest of the catalogue version */
	json_t *uit;               /* the answer, built in the transaction */
	struct arena arena;
};

/* Starts an attempt of a read transaction: nothing of an earlier one stays. */
static void lezing_begin(struct lezing *l)
{
	arena_release(&l->arena); /* a retried attempt starts afresh */
	arena_init(&l->arena, ARENA_VERZOEK_BYTES);
	json_decref(l->uit);
	l->uit = NULL;
}

/* Resolves the requested catalogue version and parses its document. */
static rc_t lees_catalogus(struct store *s, struct lezing *l, json_t **cat, struct error *e)
{
	rc_t rc = RC_OK;
	l->versie = l->gevraagd;
	if (l->versie == 0)
		rc = store_catalogus_nieuwste(s, &l->versie, e);
	if (rc != RC_OK)
		return rc;
	if (l->versie == 0)
		return error_set(e, RC_NOT_FOUND, "Er is nog geen catalogus gepubliceerd.");
	const char *tekst;
	rc = store_catalogus_document(s, l->versie, &l->arena, &tekst, e);
	if (rc == RC_NOT_FOUND)
		return error_set(e, RC_NOT_FOUND, "Catalogusversie %lld bestaat niet.",
				 (long long)l->versie);
	if (rc != RC_OK)
		return rc;
	*cat = json_loads(tekst, JSON_REJECT_DUPLICATES, NULL);
	if (!*cat)
		return error_set(e, RC_INTERNAL, "Catalogusversie %lld is onleesbaar.",
				 (long long)l->versie);
	return RC_OK;
}

/* The modelplans of the catalogue version (the highest version of each
 * linked to it), in the order of the catalogue document. New reference. */
static rc_t lees_plannen(struct store *s, struct lezing *l, json_t *cat, json_t **out,
			 struct error *e)
{
	struct store_rows rows;
	rc_t rc = store_catalogus_modelplannen(s, l->versie, &l->arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	json_t *per_id = json_object(), *lijst = json_array();
	for (size_t r = 0; r < rows.nrows && rc == RC_OK; r++) {
		json_t *mp = json_loads(store_text(&rows, r, 2), JSON_REJECT_DUPLICATES, NULL);
		if (!mp)
			rc = error_set(e, RC_INTERNAL, "Een opgeslagen modelplan is onleesbaar.");
		else
			json_object_set_new(per_id, store_text(&rows, r, 0), mp);
	}
	size_t i;
	json_t *mp;
	json_array_foreach(cv_lijst(cat, "modelplannen"), i, mp) {
		const char *id = cv_tekst(mp, "id");
		json_t *nieuwste = id ? json_object_get(per_id, id) : NULL;
		if (nieuwste) {
			json_array_append(lijst, nieuwste);
			json_object_del(per_id, id);
		}
	}
	const char *id;
	json_object_foreach(per_id, id, mp)
		json_array_append(lijst, mp);
	json_decref(per_id);
	if (rc != RC_OK)
		json_decref(lijst);
	else
		*out = lijst;
	return rc;
}

/* True when the list of strings `arr` holds `s`. */
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

/* The items of `arr` that pass the collection's filters. New reference. */
static json_t *gefilterd(json_t *arr, const char *onderdeel, const struct catalogus_filter *f)
{
	json_t *uit = json_array();
	size_t i;
	json_t *item;
	json_array_foreach(arr, i, item) {
		bool ok = true;
		if (strcmp(onderdeel, "toepassingsgebieden") == 0) {
			const char *thema = cv_tekst(item, "thema_id");
			ok = (!f->thema || (thema && strcmp(thema, f->thema) == 0)) &&
			     (!f->sector || lijst_bevat(cv_lijst(item, "sectoren"), f->sector));
		} else if (strcmp(onderdeel, "basiseisen") == 0 && f->geldt_voor) {
			bool geldt = false;
			cv_bool(item, strcmp(f->geldt_voor, "zvw") == 0 ? "geldt_voor_zvw"
						: "geldt_voor_sociaal_domein", &geldt);
			ok = geldt;
		} else if (strcmp(onderdeel, "modelplannen") == 0 && f->toepassingsgebied) {
			const char *g = cv_tekst(item, "toepassingsgebied_id");
			ok = g && strcmp(g, f->toepassingsgebied) == 0;
		}
		if (ok)
			json_array_append(uit, item);
	}
	return uit;
}

/* Builds {"catalogusversie": N, ...the collection...}. */
static json_t *collectie(struct lezing *l, json_t *cat, json_t *plannen)
{
	const char *o = l->onderdeel;
	json_t *uit = json_object();
	json_object_set_new(uit, "catalogusversie", json_integer(l->versie));
	if (strcmp(o, "fondsen") == 0) {
		json_t *fonds = json_deep_copy(cv_object(cat, "fonds"));
		json_object_set(fonds, "potten", cv_lijst(cat, "potten"));
		json_object_set_new(uit, "fondsen", json_pack("[o]", fonds));
	} else if (strcmp(o, "modelplannen") == 0) {
		json_object_set_new(uit, o, gefilterd(plannen, o, l->filter));
	} else if (strcmp(o, "impactlatten") == 0) {
		json_object_set(uit, o, cv_lijst(cat, o));
		json_object_set(uit, "gekozen_impactlat_id", json_object_get(cat, "gekozen_impactlat_id"));
		json_object_set(uit, "ambitie", cv_object(cat, "ambitie"));
	} else if (strcmp(o, "referentiecijfers") == 0) {
		json_object_set(uit, o, cv_object(cat, o));
	} else {
		json_object_set_new(uit, o, gefilterd(cv_lijst(cat, o), o, l->filter));
	}
	return uit;
}

/* Reads the catalogue (and its modelplans) and builds l->uit. */
static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lezing *l = ctx;
	lezing_begin(l);
	json_t *cat = NULL, *plannen = NULL;
	rc_t rc = lees_catalogus(s, l, &cat, e);
	if (rc == RC_OK && strcmp(l->onderdeel, "modelplannen") == 0)
		rc = lees_plannen(s, l, cat, &plannen, e);
	if (rc == RC_OK) {
		l->uit = collectie(l, cat, plannen);
		if (!l->uit)
			rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	json_decref(plannen);
	json_decref(cat);
	return rc;
}

/* Checks the collection name and its filter values. */
static rc_t lijst_controle(const char *onderdeel, const struct catalogus_filter *f,
			   struct error *e)
{
	if (!cv_in(onderdeel, catalogus_onderdelen))
		return error_set(e, RC_NOT_FOUND, "De catalogus kent geen onderdeel '%.40s'.",
				 onderdeel ? onderdeel : "");
	const char *ids[] = {f->thema, f->sector, f->toepassingsgebied};
	const char *namen[] = {"thema", "sector", "toepassingsgebied"};
	bool fout = false;
	for (size_t i = 0; i < 3; i++)
		if (ids[i] && !cv_is_slug(ids[i])) {
			error_add(e, namen[i], "parameter_ongeldig", NULL,
				  "'%.64s' is geen id (kleine letters, cijfers en koppeltekens).", ids[i]);
			fout = true;
		}
	static const char *const geldt[] = {"zvw", "sociaal-domein", NULL};
	if (f->geldt_voor && !cv_in(f->geldt_voor, geldt)) {
		error_add(e, "geldt_voor", "parameter_ongeldig", NULL,
			  "geldt_voor is zvw of sociaal-domein, niet '%.40s'.", f->geldt_voor);
		fout = true;
	}
	return fout ? error_set(e, RC_INVALID, "Ongeldige filter.") : RC_OK;
}

rc_t catalogus_lijst(struct store *s, int64_t catalogusversie, const char *onderdeel,
		     const struct catalogus_filter *f, json_t **out, struct error *e)
{
	static const struct catalogus_filter geen = {0};
	f = f ? f : &geen;
	rc_t rc = lijst_controle(onderdeel, f, e);
	if (rc != RC_OK)
		return rc;
	struct lezing l = {.gevraagd = catalogusversie, .onderdeel = onderdeel, .filter = f};
	arena_init(&l.arena, ARENA_VERZOEK_BYTES);
	rc = store_tx(s, STORE_READ, lijst_tx, &l, e);
	arena_release(&l.arena);
	if (rc == RC_OK)
		*out = l.uit;
	else
		json_decref(l.uit);
	return rc;
}

const char *catalogus_thema_naam(struct store *s, struct arena *arena, const char *id)
{
	struct error e;
	error_clear(&e);
	json_t *l = NULL, *t;
	const char *naam = id;
	size_t i;
	if (id && catalogus_lijst(s, 0, "themas", NULL, &l, &e) == RC_OK)
		json_array_foreach(json_object_get(l, "themas"), i, t)
			if (json_string_value(json_object_get(t, "id")) && strcmp(json_string_value(json_object_get(t, "id")), id) == 0 &&
			    json_string_value(json_object_get(t, "naam")))
				naam = arena_strdup(arena, json_string_value(json_object_get(t, "naam")));
	json_decref(l);
	return naam ? naam : "";
}

/* The published versions of a modelplan as a list, oldest first; writes
 * the highest version. New reference; NULL when there are none. */
static json_t *versielijst(const struct store_rows *rows)
{
	if (rows->nrows == 0)
		return NULL;
	json_t *lijst = json_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		const char *w = store_text(rows, r, 7);
		json_t *wijzigingen = w ? json_loads(w, 0, NULL) : NULL;
		json_t *item = json_pack("{s:I, s:I, s:s?, s:s?, s:s?, s:s?, s:o?, s:s?, s:s?}",
			"versie", (json_int_t)store_int(rows, r, 0, 0),
			"catalogusversie", (json_int_t)store_int(rows, r, 1, 0),
			"toepassingsgebied_id", store_text(rows, r, 2),
			"status", store_text(rows, r, 3),
			"gepubliceerd_op", store_text(rows, r, 4),
			"opgeslagen_op", store_text(rows, r, 5),
			"wijzigingen", wijzigingen ? wijzigingen : json_null(),
			"sha256", store_text(rows, r, 8),
			"bron", store_text(rows, r, 9));
		json_array_append_new(lijst, item);
	}
	return lijst;
}

/* The version of plan `id` to show: the asked one, or the highest
 * linked to the catalogue version. */
static rc_t kies_versie(struct store *s, struct lezing *l, const struct store_rows *versies,
			int64_t *versie, struct error *e)
{
	if (l->modelplan_versie > 0) {
		for (size_t r = 0; r < versies->nrows; r++)
			if (store_int(versies, r, 0, 0) == l->modelplan_versie) {
				*versie = l->modelplan_versie;
				return RC_OK;
			}
		return error_set(e, RC_NOT_FOUND, "Modelplan %.64s heeft geen versie %lld.",
				 l->modelplan, (long long)l->modelplan_versie);
	}
	struct store_rows rows;
	rc_t rc = store_catalogus_modelplannen(s, l->versie, &l->arena, &rows, e);
	for (size_t r = 0; rc == RC_OK && r < rows.nrows; r++)
		if (strcmp(store_text(&rows, r, 0), l->modelplan) == 0) {
			*versie = store_int(&rows, r, 1, 0);
			return RC_OK;
		}
	return rc != RC_OK ? rc : error_set(e, RC_NOT_FOUND,
		"Modelplan %.64s hoort niet bij catalogusversie %lld; kies een versie met ?versie=.",
		l->modelplan, (long long)l->versie);
}

/* Reads one modelplan version and the list of all its versions into l->uit. */
static rc_t modelplan_tx(struct store *s, void *ctx, struct error *e)
{
	struct lezing *l = ctx;
	lezing_begin(l);
	json_t *cat = NULL;
	rc_t rc = lees_catalogus(s, l, &cat, e);
	json_decref(cat);
	struct store_rows versies;
	if (rc == RC_OK)
		rc = store_modelplan_versies(s, l->modelplan, &l->arena, &versies, e);
	if (rc == RC_OK && versies.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Er is geen modelplan '%.64s'.", l->modelplan);
	int64_t versie = 0;
	const char *tekst = NULL;
	if (rc == RC_OK)
		rc = kies_versie(s, l, &versies, &versie, e);
	if (rc == RC_OK)
		rc = store_modelplan_document(s, l->modelplan, versie, &l->arena, &tekst, e);
	json_t *mp = tekst ? json_loads(tekst, JSON_REJECT_DUPLICATES, NULL) : NULL;
	if (rc == RC_OK && !mp)
		rc = error_set(e, RC_INTERNAL, "Het opgeslagen modelplan is onleesbaar.");
	if (rc == RC_OK)
		l->uit = json_pack("{s:I, s:o, s:o}", "catalogusversie", (json_int_t)l->versie,
				   "modelplan", mp, "versies", versielijst(&versies));
	else
		json_decref(mp);
	if (rc == RC_OK && !l->uit)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	return rc;
}

rc_t catalogus_modelplan(struct store *s, int64_t catalogusversie, const char *id,
			 int64_t versie, json_t **out, struct error *e)
{
	if (!cv_is_slug(id))
		return error_set(e, RC_NOT_FOUND, "Er is geen modelplan '%.64s'.", id ? id : "");
	struct lezing l = {.gevraagd = catalogusversie, .modelplan = id,
			   .modelplan_versie = versie};
	arena_init(&l.arena, ARENA_VERZOEK_BYTES);
	rc_t rc = store_tx(s, STORE_READ, modelplan_tx, &l, e);
	arena_release(&l.arena);
	if (rc == RC_OK)
		*out = l.uit;
	else
		json_decref(l.uit);
	return rc;
}

/* Lists the catalogue versions into l->uit. */
static rc_t versies_tx(struct store *s, void *ctx, struct error *e)
{
	struct lezing *l = ctx;
	lezing_begin(l);
	struct store_rows rows;
	rc_t rc = store_catalogus_versies(s, &l->arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	json_t *lijst = json_array();
	for (size_t r = 0; r < rows.nrows; r++)
		json_array_append_new(lijst, json_pack("{s:I, s:s?, s:s?, s:s?, s:s?}",
			"versie", (json_int_t)store_int(&rows, r, 0, 0),
			"gepubliceerd_op", store_text(&rows, r, 1),
			"opgeslagen_op", store_text(&rows, r, 2),
			"bron", store_text(&rows, r, 4),
			"sha256", store_text(&rows, r, 5)));
	l->uit = json_pack("{s:o}", "catalogusversies", lijst);
	return l->uit ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

rc_t catalogus_versies(struct store *s, json_t **out, struct error *e)
{
	struct lezing l = {0};
	arena_init(&l.arena, ARENA_TABEL_BYTES);
	rc_t rc = store_tx(s, STORE_READ, versies_tx, &l, e);
	arena_release(&l.arena);
	if (rc == RC_OK)
		*out = l.uit;
	else
		json_decref(l.uit);
	return rc;
}

struct document_lezing {
	int64_t gevraagd, versie;
	struct arena *arena;
	const char *tekst;
};

/* Reads one stored catalogue document (0: the newest) into d->arena. */
static rc_t document_tx(struct store *s, void *ctx, struct error *e)
{
	struct document_lezing *d = ctx;
	rc_t rc = RC_OK;
	d->versie = d->gevraagd;
	if (d->versie == 0)
		rc = store_catalogus_nieuwste(s, &d->versie, e);
	if (rc == RC_OK && d->versie == 0)
		return error_set(e, RC_NOT_FOUND, "Er is nog geen catalogus gepubliceerd.");
	if (rc == RC_OK)
		rc = store_catalogus_document(s, d->versie, d->arena, &d->tekst, e);
	if (rc == RC_NOT_FOUND)
		return error_set(e, RC_NOT_FOUND, "Catalogusversie %lld bestaat niet.",
				 (long long)d->versie);
	return rc;
}

rc_t catalogus_document(struct store *s, int64_t versie, struct arena *arena,
			const char **text_out, int64_t *versie_out, struct error *e)
{
	struct document_lezing d = {.gevraagd = versie, .arena = arena};
	rc_t rc = store_tx(s, STORE_READ, document_tx, &d, e);
	if (rc == RC_OK) {
		*text_out = d.tekst;
		if (versie_out)
			*versie_out = d.versie;
	}
	return rc;
}

json_t *catalogus_zvw_pot(json_t *doc)
{
	json_t *p;
	size_t i;
	json_array_foreach(json_object_get(doc, "potten"), i, p) {
		const char *kanaal = json_string_value(json_object_get(p, "kanaal"));
		if (kanaal && strcmp(kanaal, "zorgverzekeraars") == 0)
			return p;
	}
	return NULL;
}

rc_t catalogus_zvw_periode_tx(struct store *s, struct arena *arena, int64_t *van_jaar,
			      int64_t *tot_en_met_jaar, struct error *e)
{
	struct document_lezing d = {.gevraagd = 0, .arena = arena};
	rc_t rc = document_tx(s, &d, e);
	if (rc != RC_OK)
		return rc;
	json_t *cat = json_loads(d.tekst, 0, NULL);
	json_t *periode = json_object_get(catalogus_zvw_pot(cat), "bestedingsperiode");
	*van_jaar = json_integer_value(json_object_get(periode, "van_jaar"));
	*tot_en_met_jaar = json_integer_value(json_object_get(periode, "tot_en_met_jaar"));
	json_decref(cat);
	if (*van_jaar <= 0 || *tot_en_met_jaar < *van_jaar)
		return error_set(e, RC_INTERNAL, "Catalogusversie %lld heeft geen Zvw-pot met een bestedingsperiode.",
				 (long long)d.versie);
	return RC_OK;
}
