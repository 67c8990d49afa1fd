/*
 * organisatie.c -- validation, creation and reading of organisations.
 * See organisatie.h.
 */
#include "core/toegang/organisatie.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_partijen.h"
#include "core/basis/audit.h"
#include "core/toegang/identificatie.h"
#include "core/basis/tekst.h"
#include "core/basis/klok.h"
#include "core/basis/json.h"
#include "core/toegang/gebruiker.h"

static const struct {
	const char *soort;
	bool vast;
	unsigned rollen;   /* the roles an account of this kind may hold */
} soorten[] = {
	{"zorgaanbieder", false, ROL_AANVRAGER},
	{"zorgverzekeraar", false, ROL_BEOORDELAAR},
	/* a municipal assessor assesses work agendas for the VNG [003 D5] */
	{"gemeente", false, ROL_GEMEENTE | ROL_BEOORDELAAR},
	/* the programme office sits at the ministry of VWS, which allocates the SPUK */
	{"programmabureau", true, ROL_PROGRAMMABUREAU | ROL_BEHEERDER | ROL_AUDITOR | ROL_VWS},
	{"bestuur", true, ROL_BESTUUR | ROL_AUDITOR},
	{"nza", true, ROL_NZA | ROL_AUDITOR},
	{"zorginstituut", true, ROL_ZORGINSTITUUT | ROL_AUDITOR},
};

bool organisatie_soort_bekend(const char *soort, bool *vast)
{
	for (size_t i = 0; soort && i < sizeof soorten / sizeof soorten[0]; i++)
		if (strcmp(soorten[i].soort, soort) == 0) {
			if (vast)
				*vast = soorten[i].vast;
			return true;
		}
	return false;
}

unsigned organisatie_soort_rollen(const char *soort)
{
	for (size_t i = 0; soort && i < sizeof soorten / sizeof soorten[0]; i++)
		if (strcmp(soorten[i].soort, soort) == 0)
			return soorten[i].rollen;
	return 0;
}

bool organisatie_rol_past(const char *soort, unsigned rol)
{
	for (size_t i = 0; soort && i < sizeof soorten / sizeof soorten[0]; i++)
		if (strcmp(soorten[i].soort, soort) == 0)
			return rol != 0 && (soorten[i].rollen & rol) == rol;
	return false;
}

/* True when `s` has 1..max characters and is not only spaces. */
static bool tekst_ok(const char *s, size_t max)
{
	if (!s)
		return false;
	size_t n = strlen(s);
	return n <= max && tekst_aanwezig(s);
}

/* An identifier that a kind may not carry. */
static void niet_bij_soort(const char *waarde, const char *veld, const char *wat,
			   const char *soort, struct error *e)
{
	if (waarde)
		error_add(e, veld, "niet_bij_soort", NULL, "Een organisatie van soort '%s' heeft geen %s.",
			  soort, wat);
}

static void check_cijfers(const char *waarde, bool verplicht, size_t cijfers, const char *veld,
			  const char *wat, struct error *e)
{
	if (!waarde) {
		char detail[96];
		snprintf(detail, sizeof detail, "De %s is verplicht.", wat);
		if (verplicht)
			toegang_verplicht(e, veld, detail);
		return;
	}
	if (!identificatie_cijfers(waarde, cijfers))
		error_add(e, veld, "vorm", NULL, "Een %s bestaat uit precies %zu cijfers (ontvangen: '%.20s').",
			  wat, cijfers, waarde);
}

/* The validated, normalised form that goes into the store. */
struct organisatie_rij {
	const char *soort, *naam, *agb, *kvk, *uzovi, *concern, *cbs, *plaats;
	char iban[IBAN_MAX + 1];
	bool heeft_iban;
	int peiljaar;
	bool demo;
	const char *actor;
	int64_t id;
};

static void organisatie_controleer(const struct organisatie *in, struct organisatie_rij *r,
				   struct error *e)
{
	bool vast = false;
	memset(r, 0, sizeof *r);
	r->soort = in->soort;
	r->naam = in->naam;
	if (!in->soort) {
		toegang_verplicht(e, "/soort", "Geef de soort organisatie.");
		return;
	}
	if (!organisatie_soort_bekend(in->soort, &vast)) {
		error_add(e, "/soort", "onbekend", NULL,
			  "Onbekende soort '%.40s'; kies zorgaanbieder, zorgverzekeraar of gemeente.", in->soort);
		return;
	}
	if (vast) {
		error_add(e, "/soort", "vast_orgaan", NULL,
			  "De vaste organen (programmabureau, bestuur, nza, zorginstituut) bestaan al "
			  "en worden niet aangemaakt.");
		return;
	}
	bool aanbieder = strcmp(in->soort, "zorgaanbieder") == 0;
	bool verzekeraar = strcmp(in->soort, "zorgverzekeraar") == 0;
	bool gemeente = strcmp(in->soort, "gemeente") == 0;
	if (gemeente) {
		const struct gemeente *g = NULL;
		if (!in->cbs_code)
			toegang_verplicht(e, "/cbs_code", "De CBS-gemeentecode is verplicht.");
		else if (!(g = identificatie_gemeente(in->cbs_code)))
			error_add(e, "/cbs_code", "gemeente_onbekend", NULL,
				  "'%.20s' is geen gemeentecode van de gemeentelijst %d (vier cijfers, bijvoorbeeld 0014).",
				  in->cbs_code, IDENTIFICATIE_GEMEENTE_PEILJAAR);
		if (g && in->naam && strcmp(in->naam, g->naam) != 0)
			error_add(e, "/naam", "naam_past_niet", NULL,
				  "Gemeente %s heet '%s'; laat de naam weg of neem die over.", g->cbs_code, g->naam);
		if (g) {
			r->cbs = g->cbs_code;
			r->naam = g->naam;
			r->peiljaar = IDENTIFICATIE_GEMEENTE_PEILJAAR;
		}
	} else {
		niet_bij_soort(in->cbs_code, "/cbs_code", "CBS-gemeentecode", in->soort, e);
		if (!in->naam)
			toegang_verplicht(e, "/naam", "De naam is verplicht.");
	}
	if (r->naam && !tekst_ok(r->naam, ORGANISATIE_NAAM_MAX))
		error_add(e, "/naam", "lengte", NULL, "De naam heeft 1 tot %d tekens.", ORGANISATIE_NAAM_MAX);
	if (aanbieder) {
		check_cijfers(in->agb_code, true, 8, "/agb_code", "AGB-code", e);
		check_cijfers(in->kvk_nummer, true, 8, "/kvk_nummer", "KvK-nummer", e);
	} else {
		niet_bij_soort(in->agb_code, "/agb_code", "AGB-code", in->soort, e);
		check_cijfers(in->kvk_nummer, false, 8, "/kvk_nummer", "KvK-nummer", e);
	}
	if (verzekeraar) {
		check_cijfers(in->uzovi_code, true, 4, "/uzovi_code", "UZOVI-code", e);
		if (!in->concern)
			toegang_verplicht(e, "/concern", "Geef het concern waartoe de zorgverzekeraar behoort.");
		else if (!tekst_ok(in->concern, ORGANISATIE_NAAM_MAX))
			error_add(e, "/concern", "lengte", NULL, "Het concern heeft 1 tot %d tekens.",
				  ORGANISATIE_NAAM_MAX);
	} else {
		niet_bij_soort(in->uzovi_code, "/uzovi_code", "UZOVI-code", in->soort, e);
		niet_bij_soort(in->concern, "/concern", "concern", in->soort, e);
	}
	if (in->iban && identificatie_iban(in->iban, r->iban, "/iban", e) == RC_OK)
		r->heeft_iban = true;
	r->plaats = in->plaats ? in->plaats : gemeente ? r->naam : NULL;
	if (in->plaats && !tekst_ok(in->plaats, ORGANISATIE_PLAATS_MAX))
		error_add(e, "/plaats", "lengte", NULL, "De plaats heeft 1 tot %d tekens.", ORGANISATIE_PLAATS_MAX);
	r->agb = in->agb_code;
	r->kvk = in->kvk_nummer;
	r->uzovi = in->uzovi_code;
	r->concern = in->concern;
}

/* Says which unique identifier is taken, as RC_CONFLICT. */
static rc_t organisatie_bezet(struct store *s, const struct organisatie_rij *r, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_RIJ_BYTES);
	struct store_rows rows;
	rc_t rc = store_organisatie_by_identificatie(s, r->agb, r->uzovi, r->cbs, &a, &rows, e);
	if (rc == RC_OK && rows.nrows > 0) {
		const char *id = store_text(&rows, 0, SO_ID);
		if (r->agb && store_text(&rows, 0, SO_AGB) && strcmp(store_text(&rows, 0, SO_AGB), r->agb) == 0)
			rc = error_set(e, RC_CONFLICT, "AGB-code %s is al geregistreerd (organisatie %s).", r->agb, id);
		else if (r->uzovi && store_text(&rows, 0, SO_UZOVI) &&
			 strcmp(store_text(&rows, 0, SO_UZOVI), r->uzovi) == 0)
			rc = error_set(e, RC_CONFLICT, "UZOVI-code %s is al geregistreerd (organisatie %s).", r->uzovi, id);
		else
			rc = error_set(e, RC_CONFLICT, "Gemeente %s is al geregistreerd (organisatie %s).",
				       r->cbs ? r->cbs : "?", id);
	}
	arena_release(&a);
	return rc;
}

static char *detail_json(json_t *obj)
{
	char *text = obj ? json_dumps(obj, JSON_COMPACT) : NULL;
	json_decref(obj);
	return text;
}

static rc_t organisatie_maak_tx(struct store *s, void *ctx, struct error *e)
{
	struct organisatie_rij *r = ctx;
	rc_t rc = organisatie_bezet(s, r, e);
	if (rc != RC_OK)
		return rc;
	char nu[32];
	klok_nu_tekst(NULL, nu, sizeof nu);
	rc = store_organisatie_insert(s, r->soort, r->naam, r->agb, r->kvk, r->uzovi, r->concern,
				      r->cbs, r->peiljaar, r->heeft_iban ? r->iban : NULL, r->plaats, r->demo,
				      nu, r->actor, &r->id, e);
	if (rc != RC_OK)
		return rc;
	char object[48];
	snprintf(object, sizeof object, "organisatie/%" PRId64, r->id);
	char *detail = detail_json(json_pack("{s:s, s:s}", "soort", r->soort, "naam", r->naam));
	struct audit_entry entry = {r->actor, "organisatie.maak", object, "gelukt", detail};
	rc = detail ? audit_append(s, &entry, e) : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	free(detail);
	return rc;
}

rc_t organisatie_maak(struct store *s, const struct principal *who, const struct organisatie *in,
		      bool demo, int64_t *id_out, struct error *e)
{
	struct organisatie_rij r;
	organisatie_controleer(in, &r, e);
	r.demo = demo;
	r.actor = who && who->actor ? who->actor : "systeem";
	if (e->rc != RC_OK || e->item_count > 0) {
		if (e->rc == RC_OK)
			e->rc = RC_INVALID;
		toegang_weigering_vastleggen(s, r.actor, "organisatie.maak", "", e);
		return e->rc;
	}
	rc_t rc = store_tx(s, STORE_WRITE, organisatie_maak_tx, &r, e);
	if (rc == RC_CONFLICT)
		toegang_weigering_vastleggen(s, r.actor, "organisatie.maak", "", e);
	if (rc == RC_OK)
		*id_out = r.id;
	return rc;
}

/* ---- reading --------------------------------------------------------- */

static const char *kopie(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

/* Copies row `i` into `out`; false when the arena is exhausted. */
static bool organisatie_uit_rij(struct arena *a, const struct store_rows *rows, size_t i,
				struct organisatie *out)
{
	*out = (struct organisatie){
		.id = store_int(rows, i, SO_ID, 0),
		.soort = kopie(a, store_text(rows, i, SO_SOORT)),
		.naam = kopie(a, store_text(rows, i, SO_NAAM)),
		.agb_code = kopie(a, store_text(rows, i, SO_AGB)),
		.kvk_nummer = kopie(a, store_text(rows, i, SO_KVK)),
		.uzovi_code = kopie(a, store_text(rows, i, SO_UZOVI)),
		.concern = kopie(a, store_text(rows, i, SO_CONCERN)),
		.cbs_code = kopie(a, store_text(rows, i, SO_CBS)),
		.iban = kopie(a, store_text(rows, i, SO_IBAN)),
		.plaats = kopie(a, store_text(rows, i, SO_PLAATS)),
		.peiljaar = (int)store_int(rows, i, SO_PEILJAAR, 0),
		.demo = store_int(rows, i, SO_DEMO, 0) == 1,
		.aangemaakt_op = kopie(a, store_text(rows, i, SO_AANGEMAAKT_OP)),
	};
	return out->soort && out->naam && out->aangemaakt_op;
}

struct organisatie_leesopdracht {
	struct arena *arena;
	int64_t id, na, limiet;
	const char *agb, *uzovi, *cbs, *soort;
	const struct organisatie_filter *filter;
	const char *patroon;   /* the search text as a LIKE pattern */
	struct store_rows rows;
};

static rc_t organisatie_lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct organisatie_leesopdracht *o = ctx;
	if (o->soort)
		return store_organisatie_by_soort(s, o->soort, o->arena, &o->rows, e);
	if (o->agb || o->uzovi || o->cbs)
		return store_organisatie_by_identificatie(s, o->agb, o->uzovi, o->cbs, o->arena,
							  &o->rows, e);
	if (o->limiet > 0)
		return store_organisatie_page(s, o->id, o->filter ? o->filter->soort : NULL, o->patroon,
					      o->filter ? o->filter->zoek : NULL, o->na, o->limiet, o->arena,
					      &o->rows, e);
	return store_organisatie_by_id(s, o->id, o->arena, &o->rows, e);
}

/* Runs one read and copies its first row into `out`. */
static rc_t organisatie_een(struct store *s, struct organisatie_leesopdracht *o,
			    struct organisatie *out, struct error *e)
{
	rc_t rc = store_tx(s, STORE_READ, organisatie_lees_tx, o, e);
	if (rc != RC_OK)
		return rc;
	if (o->rows.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	if (!organisatie_uit_rij(o->arena, &o->rows, 0, out))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	return RC_OK;
}

rc_t organisatie_lees(struct store *s, struct arena *arena, int64_t id, struct organisatie *out,
		      struct error *e)
{
	struct organisatie_leesopdracht o = {.arena = arena, .id = id};
	return organisatie_een(s, &o, out, e);
}

rc_t organisatie_zoek(struct store *s, struct arena *arena, const char *agb, const char *uzovi,
		      const char *cbs, struct organisatie *out, struct error *e)
{
	struct organisatie_leesopdracht o = {.arena = arena, .agb = agb, .uzovi = uzovi, .cbs = cbs};
	if (!agb && !uzovi && !cbs)
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	return organisatie_een(s, &o, out, e);
}

rc_t organisatie_vast_orgaan(struct store *s, struct arena *arena, const char *soort,
			     struct organisatie *out, struct error *e)
{
	struct organisatie_leesopdracht o = {.arena = arena, .soort = soort};
	return organisatie_een(s, &o, out, e);
}

rc_t organisatie_filter_controleer(const struct organisatie_filter *f, struct error *e)
{
	bool vast;
	if (f->soort && !organisatie_soort_bekend(f->soort, &vast))
		error_add(e, "/soort", "onbekend", NULL, "Onbekende soort '%.40s'; kies zorgaanbieder, "
			  "zorgverzekeraar, gemeente, programmabureau, bestuur, nza of zorginstituut.", f->soort);
	if (f->zoek && !tekst_ok(f->zoek, ORGANISATIE_ZOEK_MAX))
		error_add(e, "/zoek", "lengte", NULL, "Zoek met 1 tot %d tekens.", ORGANISATIE_ZOEK_MAX);
	if (e->item_count > 0)
		return error_set(e, RC_INVALID, "De zoekvraag is niet geldig.");
	return RC_OK;
}

rc_t organisatie_lijst(struct store *s, struct arena *arena, const struct principal *who,
		       const struct organisatie_filter *f, int64_t na, int64_t limiet,
		       struct organisatie **out, size_t *n, struct error *e)
{
	if (limiet < 1 || limiet > ORGANISATIE_PAGINA_MAX)
		return error_set(e, RC_INTERNAL, "Paginagrootte buiten 1..%d.", ORGANISATIE_PAGINA_MAX);
	struct organisatie_leesopdracht o = {.arena = arena, .na = na, .limiet = limiet, .filter = f};
	if (!who || who->roles == 0) {
		*out = NULL;
		*n = 0;
		return RC_OK;
	}
	if (f && f->zoek && !(o.patroon = tekst_like_patroon(arena, f->zoek, "%", "%", true)))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc_t rc = store_tx(s, STORE_READ, organisatie_lees_tx, &o, e);
	if (rc != RC_OK)
		return rc;
	struct organisatie *lijst = o.rows.nrows ? arena_alloc(arena, o.rows.nrows * sizeof *lijst) : NULL;
	if (o.rows.nrows && !lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < o.rows.nrows; i++)
		if (!organisatie_uit_rij(arena, &o.rows, i, &lijst[i]))
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	*out = lijst;
	*n = o.rows.nrows;
	return RC_OK;
}

json_t *organisatie_json(const struct organisatie *o, const struct principal *who)
{
	json_t *j = json_pack("{s:I, s:s, s:s}", "id", (json_int_t)o->id, "soort", o->soort,
			      "naam", o->naam);
	if (!j)
		return NULL;
	json_zet_tekst(j, "agb_code", o->agb_code);
	json_zet_tekst(j, "kvk_nummer", o->kvk_nummer);
	json_zet_tekst(j, "uzovi_code", o->uzovi_code);
	json_zet_tekst(j, "concern", o->concern);
	json_zet_tekst(j, "cbs_code", o->cbs_code);
	if (o->peiljaar)
		json_object_set_new(j, "peiljaar", json_integer(o->peiljaar));
	json_zet_tekst(j, "plaats", o->plaats);
	if (!who || toegang_mag_organisatie(who, o->id))
		json_zet_tekst(j, "iban", o->iban);
	json_object_set_new(j, "demo", json_boolean(o->demo));
	json_object_set_new(j, "toegestane_rollen", gebruiker_rollen_json(organisatie_soort_rollen(o->soort)));
	json_zet_tekst(j, "aangemaakt_op", o->aangemaakt_op);
	return j;
}
