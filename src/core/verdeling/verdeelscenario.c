/*
 * verdeelscenario.c -- computing, storing, reading and comparing the
 * board's scenarios. See verdeelscenario.h; the parameters and their
 * defaults are in docs/bestuur.md §3.
 */
#include "core/verdeling/verdeelscenario.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_verdeling.h"
#include "core/basis/audit.h"
#include "core/basis/json.h"

#define BRON_JAAR "[003 §8b]"
#define BRON_THEMA "[002 §4.1]"
#define BRON_LAT "[001 Gupta \"Samenvatting\"]"

static const char *const parameter_velden[] = {
	"seed", "fonds_cent", "themas", "verschuiving_cent", "verschuiving_bp", "jaartoets", "jaren",
	"impactlat_id", "impactlat_fte_per_miljoen_milli", "regio_max_aandeel_bp", "regio_minimum_cent",
	"regio_minimum_aantal", "deelfinanciering", "marginaal_delta_cent", "knopen_max", NULL};

/* ---- the request ------------------------------------------------------ */

rc_t verdeelscenario_invoer_lees(json_t *body, struct verdeelscenario_invoer *out,
				 struct error *e)
{
	static const char *const velden[] = {"naam", "indieningsronde_id", "regel", "parameters", NULL};
	struct verdeelscenario_invoer in;
	memset(&in, 0, sizeof in);
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "De body is een JSON-object.");
	json_reject_unknown(body, velden, "", e);
	if (json_get_string(body, "naam", false, "", &in.naam, e)) {
		size_t n = strlen(in.naam);
		bool stuurteken = false;
		for (size_t i = 0; i < n; i++)
			stuurteken = stuurteken || (unsigned char)in.naam[i] < 0x20;
		if (n == 0 || n > VERDELING_ID_MAX || stuurteken)
			error_add(e, "/naam", "naam_ongeldig", NULL,
				  "De naam is 1 tot %d bytes tekst zonder stuurtekens.", VERDELING_ID_MAX);
	} else {
		toegang_verplicht(e, "/naam", "Geef het scenario een naam, bijvoorbeeld \"optimaal-juni\".");
	}
	if (json_get_int(body, "indieningsronde_id", false, "", &in.ronde_id, e)) {
		if (in.ronde_id <= 0)
			error_add(e, "/indieningsronde_id", "ronde_onbekend", NULL,
				  "indieningsronde_id is het nummer van een indieningsronde.");
	} else {
		toegang_verplicht(e, "/indieningsronde_id", "Geef de indieningsronde.");
	}
	enum verdeling_regel r;
	if (json_get_string(body, "regel", false, "", &in.regel, e)) {
		if (!verdeling_regel_lees(in.regel, &r))
			error_add(e, "/regel", "regel_onbekend", "[001 \"Vervolgproces\"], [002 §4.2]",
				  "De regel is pro_rata, rangorde of optimaal.");
	} else {
		toegang_verplicht(e, "/regel", "Kies de regel: pro_rata, rangorde of optimaal.");
	}
	json_t *p = json_object_get(body, "parameters");
	if (p && !json_is_null(p) && json_get_object(body, "parameters", false, "", &in.parameters, e))
		json_reject_unknown(in.parameters, parameter_velden, "/parameters", e);
	*out = in;
	if (e->item_count > 0 || e->items_dropped > 0 || e->rc != RC_OK) {
		if (e->rc == RC_OK)
			e->rc = RC_INVALID;
		return e->rc;
	}
	return RC_OK;
}

/* ---- the document ------------------------------------------------------ */

/* The parameters of the round's catalogue (docs/bestuur.md §3). */
static json_t *standaard(const struct ronde_stand *st)
{
	const struct verdeelkader *k = &st->kader;
	json_t *themas = json_array(), *jaren = json_array();
	for (size_t i = 0; i < k->thema_aantal; i++)
		json_array_append_new(themas, json_pack("{s:s, s:I}", "id", k->themas[i].id, "budget_cent",
							(json_int_t)k->themas[i].budget_cent));
	/* the tranche years, and the rest of the spending period when the round
	 * allows it ("een deel ook in 2029" [002 §5a]), with limit 0: under the
	 * cumulative test unused money moves forward (K1) */
	for (int64_t j = k->van_jaar; j > 0 && j <= k->tot_jaar && json_array_size(jaren) < VERDELING_JAREN_MAX; j++) {
		bool tranche = false;
		int64_t limiet = 0;
		for (size_t q = 0; q < k->tranche_aantal; q++)
			if (k->tranches[q].jaar == j) {
				tranche = true;
				limiet = k->tranches[q].bedrag_cent;
			}
		if (tranche || st->ronde.uitloopjaar_toegestaan)
			json_array_append_new(jaren, json_pack("{s:I, s:I}", "jaar", (json_int_t)j,
							       "limiet_cent", (json_int_t)limiet));
	}
	const char *lat = st->ronde.impactlat_id ? st->ronde.impactlat_id : k->gekozen_lat;
	int64_t milli = 0;
	bool bekend = lat && *lat && verdeelkader_lat(k, lat, &milli);
	json_t *sc = json_pack("{s:I, s:o, s:s, s:o}", "fonds_cent", (json_int_t)k->pot_cent,
			       "themas", themas, "jaartoets", "cumulatief", "jaren", jaren);
	if (sc && bekend)
		json_object_set_new(sc, "impactlat_id", json_string(lat));
	if (sc)
		json_object_set_new(sc, "impactlat_fte_per_miljoen_milli", json_integer(milli));
	if (sc)
		json_object_set_new(sc, "deelfinanciering", json_true());
	return sc;
}

/* The board's impact bar: an id alone takes its height from the
 * catalogue; null means no bar. */
static void lat_zet(json_t *sc, json_t *p, const struct verdeelkader *k, struct error *e)
{
	json_t *id = json_object_get(p, "impactlat_id");
	json_t *milli = json_object_get(p, "impactlat_fte_per_miljoen_milli");
	if (json_is_null(id)) {
		json_object_del(sc, "impactlat_id");
		if (!milli)
			json_object_set_new(sc, "impactlat_fte_per_miljoen_milli", json_integer(0));
		return;
	}
	if (!json_is_string(id) || milli)
		return;
	int64_t m = 0;
	if (verdeelkader_lat(k, json_string_value(id), &m))
		json_object_set_new(sc, "impactlat_fte_per_miljoen_milli", json_integer(m));
	else
		error_add(e, "/parameters/impactlat_id", "impactlat_onbekend", BRON_LAT,
			  "Impactlat '%.8s' staat niet in catalogusversie %" PRId64
			  "; geef dan ook impactlat_fte_per_miljoen_milli.",
			  json_string_value(id), k->catalogusversie);
}

/* A region label cut to the solver's 64 bytes at a character boundary. */
static json_t *regio_json(const char *regio)
{
	size_t n = strlen(regio);
	if (n <= VERDELING_ID_MAX)
		return json_string(regio);
	n = VERDELING_ID_MAX;
	while (n > 0 && ((unsigned char)regio[n] & 0xC0) == 0x80)
		n--;
	return json_stringn(regio, n);
}

static bool in_lijst(json_t *lijst, const char *key, json_t *waarde)
{
	json_t *x;
	size_t i;
	json_array_foreach(lijst, i, x) {
		if (json_equal(json_object_get(x, key), waarde))
			return true;
	}
	return false;
}

/* The candidates: every positively assessed application that asks money. */
static json_t *kandidaten_json(const struct ronde_stand *st, json_t *sc, struct error *e)
{
	json_t *k = json_array(), *jaren = json_object_get(sc, "jaren"), *themas = json_object_get(sc, "themas");
	json_t *ontbreekt_jaar = json_array(), *ontbreekt_thema = json_array();
	for (size_t i = 0; k && i < st->aantal; i++) {
		const struct ronde_aanvraag *a = &st->aanvragen[i];
		if (a->status != AANVRAAG_POSITIEF || a->gevraagd_cent <= 0)
			continue;
		char id[24];
		snprintf(id, sizeof id, "%" PRId64, a->id);
		json_t *b = json_array();
		for (size_t j = 0; j < a->jaar_aantal; j++) {
			json_t *jaar = json_integer(a->jaren[j].jaar);
			if (json_is_array(jaren) && !in_lijst(jaren, "jaar", jaar)) {
				/* reported once; left out so that the rest can still be checked */
				if (!in_lijst(ontbreekt_jaar, "jaar", jaar))
					json_array_append_new(ontbreekt_jaar, json_pack("{s:O, s:s}", "jaar", jaar, "id", id));
				json_decref(jaar);
				continue;
			}
			json_array_append_new(b, json_pack("{s:o, s:I}", "jaar", jaar, "bedrag_cent",
							   (json_int_t)a->jaren[j].bedrag_cent));
		}
		json_t *thema = json_string(a->thema);
		if (json_is_array(themas) && !in_lijst(themas, "id", thema)) {
			if (!in_lijst(ontbreekt_thema, "id", thema))
				json_array_append_new(ontbreekt_thema, json_pack("{s:O}", "id", thema));
			json_decref(thema);
			json_decref(b);
			continue;
		}
		if (json_array_size(b) == 0) {
			json_decref(thema);
			json_decref(b);
			continue;
		}
		json_array_append_new(k, json_pack("{s:s, s:o, s:o, s:s, s:o, s:I, s:I}", "id", id,
			"thema", thema, "regio", regio_json(a->regio), "toepassingsgebied",
			a->toepassingsgebied, "bedragen", b, "fte_milli", (json_int_t)a->fte_milli,
			"min_aandeel_bp", (json_int_t)a->min_aandeel_bp));
	}
	json_t *x;
	size_t i;
	json_array_foreach(ontbreekt_jaar, i, x)
		error_add(e, "/parameters/jaren", "jaar_ontbreekt", BRON_JAAR,
			  "Aanvraag %s (en mogelijk andere) vraagt geld in %" JSON_INTEGER_FORMAT
			  "; neem dat jaar op in de jaren van het scenario.",
			  json_string_value(json_object_get(x, "id")),
			  json_integer_value(json_object_get(x, "jaar")));
	json_array_foreach(ontbreekt_thema, i, x)
		error_add(e, "/parameters/themas", "thema_ontbreekt", BRON_THEMA,
			  "Positief beoordeelde aanvragen vallen onder thema '%s'; neem het op in de thema's.",
			  json_string_value(json_object_get(x, "id")));
	json_decref(ontbreekt_jaar);
	json_decref(ontbreekt_thema);
	return k;
}

/* Renames the solver's pointers to the request's: /scenario/naam -> /naam,
 * /scenario/regel -> /regel, /scenario/x -> /parameters/x. */
static void velden_herschrijf(struct error *e)
{
	for (size_t i = 0; i < e->item_count; i++) {
		char *f = e->items[i].field, nieuw[ERROR_FIELD_MAX];
		if (strcmp(f, "/scenario/naam") == 0 || strcmp(f, "/scenario/regel") == 0)
			snprintf(nieuw, sizeof nieuw, "%s", f + strlen("/scenario"));
		else if (strncmp(f, "/scenario/", 10) == 0)
			snprintf(nieuw, sizeof nieuw, "/parameters/%.100s", f + 10);
		else if (strcmp(f, "/scenario") == 0)
			snprintf(nieuw, sizeof nieuw, "/parameters");
		else
			continue;
		snprintf(f, ERROR_FIELD_MAX, "%s", nieuw);
	}
}

/* Adds the problems of `van` to `naar`, leaving out the candidates' own
 * when `zonder_kandidaten` (they follow from a problem already named). */
static void problemen_bij(struct error *naar, const struct error *van, bool zonder_kandidaten)
{
	for (size_t i = 0; i < van->item_count; i++) {
		const struct error_item *it = &van->items[i];
		if (zonder_kandidaten && strncmp(it->field, "/kandidaten", 11) == 0)
			continue;
		bool al = false;
		for (size_t k = 0; !al && k < naar->item_count; k++)
			al = strcmp(naar->items[k].field, it->field) == 0 && strcmp(naar->items[k].code, it->code) == 0;
		if (al)  /* named once */
			continue;
		error_add(naar, it->field, it->code, it->bron[0] ? it->bron : NULL, "%s", it->detail);
	}
	naar->items_dropped += van->items_dropped;
}

rc_t verdeelscenario_document(const struct ronde_stand *st, const struct verdeelscenario_invoer *in,
			      json_t **doc, struct error *e)
{
	json_t *sc = standaard(st);
	if (!sc)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (in->parameters) {
		/* the known ones only: an unknown one is reported already, and
		 * would keep the solver's validator from running */
		const char *k;
		json_t *v;
		json_object_foreach(in->parameters, k, v) {
			for (size_t i = 0; parameter_velden[i]; i++)
				if (strcmp(parameter_velden[i], k) == 0)
					json_object_set(sc, k, v);
		}
		lat_zet(sc, in->parameters, &st->kader, e);
	}
	/* a missing or unknown name or rule is reported already; check the rest as optimaal */
	enum verdeling_regel r;
	bool regel_goed = in->regel && verdeling_regel_lees(in->regel, &r);
	json_object_set_new(sc, "naam", json_string(in->naam ? in->naam : ""));
	json_object_set_new(sc, "regel", json_string(regel_goed ? in->regel : "optimaal"));
	/* the solver's members in the order of docs/verdeling.md §2 */
	json_t *kand = kandidaten_json(st, sc, e);
	json_t *d = json_pack("{s:o, s:o}", "scenario", sc, "kandidaten", kand);
	if (!d)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	struct arena a;
	arena_init(&a, ARENA_REKENEN_BYTES);
	struct error lokaal;
	error_clear(&lokaal);
	struct verdeling_scenario s;
	struct verdeling_kandidaat *k = NULL;
	size_t n = 0;
	rc_t rc = verdeling_lees(d, &a, &s, &k, &n, &lokaal);
	arena_release(&a);
	if (rc == RC_NOMEM || rc == RC_TOO_LARGE) {
		json_decref(d);
		return error_set(e, rc, "%s", lokaal.message);
	}
	velden_herschrijf(&lokaal);
	problemen_bij(e, &lokaal, e->item_count > 0 || !regel_goed);
	if (e->item_count > 0 || e->items_dropped > 0) {
		json_decref(d);
		if (e->rc == RC_OK || e->rc == RC_INVALID)
			error_set(e, RC_INVALID, "De parameters van het verdeelscenario zijn niet geldig.");
		return e->rc;
	}
	*doc = d;
	return RC_OK;
}

/* ---- computing and storing ---------------------------------------------- */

struct maak_ctx {
	const struct principal *who;
	struct store_scenario rij;
	char nu[KLOK_TEKST_BYTES];
	int64_t id;
	const struct verdeelscenario_hoe *hoe;   /* may be NULL */
};

static rc_t maak_tx(struct store *s, void *ctx, struct error *e)
{
	struct maak_ctx *c = ctx;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = store_verdeling_scenario_insert(s, &c->rij, &c->id, e);
	if (rc != RC_OK)
		return rc;
	char object[48], detail[256];
	snprintf(object, sizeof object, "verdeelscenario/%" PRId64, c->id);
	snprintf(detail, sizeof detail,
		 "{\"indieningsronde\":%" PRId64 ",\"regel\":\"%s\",\"invoer_hash\":\"%s\",\"aanvragen\":%" PRId64 "}",
		 c->rij.ronde_id, c->rij.regel, c->rij.invoer_hash, c->rij.kandidaat_aantal);
	struct audit_entry entry = {c->who->actor, "verdeelscenario.maak", object, "gelukt", detail};
	rc = audit_append(s, &entry, e);
	if (rc == RC_OK && c->hoe && c->hoe->ook)
		rc = c->hoe->ook(s, c->hoe->ctx, c->id, e);
	return rc;
}

/* Reads the round and refuses one that is unknown or still open. */
static rc_t ronde_klaar(struct store *s, struct arena *arena, const struct verdeelscenario_invoer *in,
			const struct klok *klok, struct ronde_stand *st, struct error *e)
{
	struct error lokaal;
	error_clear(&lokaal);
	rc_t rc = ronde_stand_lees(s, arena, in->ronde_id, false, st, &lokaal);
	if (rc == RC_NOT_FOUND) {
		error_add(e, "/indieningsronde_id", "ronde_onbekend", NULL,
			  "Indieningsronde %" PRId64 " bestaat niet.", in->ronde_id);
		return RC_INVALID;
	}
	if (rc != RC_OK) {
		*e = lokaal;
		return rc;
	}
	if (e->item_count > 0)   /* the request's own problems come before the round's state */
		return RC_OK;
	if (indieningsronde_fase(&st->ronde, klok_nu_us(klok)) != RONDE_GESLOTEN) {
		error_set(e, RC_CONFLICT, "De ronde is nog niet gesloten; een scenario rekent met de beoordeelde aanvragen.");
		error_add(e, "/indieningsronde_id", "ronde_niet_gesloten", "[001 \"Vervolgproces\"], [002 §4.2]",
			  "De ronde sluit op %s.", st->ronde.sluit_op);
		return RC_CONFLICT;
	}
	return RC_OK;
}

static rc_t bereken(struct arena *arena, json_t *doc, const struct verdeelscenario_hoe *hoe,
		    struct verdeling_resultaat **r, struct error *e)
{
	struct verdeling_scenario s;
	struct verdeling_kandidaat *k = NULL;
	size_t n = 0;
	rc_t rc = verdeling_lees(doc, arena, &s, &k, &n, e);
	if (rc == RC_OK)
		rc = verdeling_bereken_met(&s, k, n, hoe ? &hoe->voortgang : NULL, arena, r, e);
	return rc;
}

/* Fills the row from the document and the result. */
/* The ids of every positively assessed application of the round, also
 * those that ask no money (they are no candidates), as a JSON list. */
static const char *positief_ids(struct arena *arena, const struct ronde_stand *st)
{
	json_t *l = json_array();
	for (size_t i = 0; l && i < st->aantal; i++)
		if (st->aanvragen[i].status == AANVRAAG_POSITIEF)
			json_array_append_new(l, json_integer(st->aanvragen[i].id));
	const char *t = l ? json_encode(arena, l) : NULL;
	json_decref(l);
	return t;
}

static rc_t rij_vul(struct arena *arena, json_t *doc, const struct verdeling_resultaat *r,
		    const struct verdeelscenario_invoer *in, const struct ronde_stand *st,
		    struct maak_ctx *c, struct error *e)
{
	json_t *uit = verdeling_json(r);
	struct store_scenario *v = &c->rij;
	v->ronde_id = in->ronde_id;
	v->naam = in->naam;
	v->regel = verdeling_regel_naam(r->scenario.regel);
	v->parameters = json_encode(arena, json_object_get(doc, "scenario"));
	v->kandidaten = json_encode(arena, json_object_get(doc, "kandidaten"));
	v->resultaat = uit ? json_encode(arena, uit) : NULL;
	json_decref(uit);
	v->invoer_hash = r->invoer_hash;
	v->kandidaten_hash = r->kandidaten_hash;
	v->seed = r->scenario.seed;
	v->regelversie = VERDELING_REGELVERSIE;
	v->kandidaat_aantal = (int64_t)r->kandidaat_aantal;
	v->fte_milli = r->fte_milli;
	v->besteed_cent = r->besteed_cent;
	v->demo = in->demo;
	v->aangemaakt_op = c->nu;
	v->aangemaakt_door = c->who->actor;
	v->positief_ids = positief_ids(arena, st);
	if (!v->parameters || !v->kandidaten || !v->resultaat || !v->positief_ids)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het scenario.");
	return RC_OK;
}

static rc_t maak(struct store *s, const struct principal *who, const struct klok *klok,
		 const struct verdeelscenario_invoer *in, struct arena *arena, struct maak_ctx *c,
		 bool alleen_controleren, struct error *e)
{
	if (in->ronde_id <= 0) {
		if (e->rc == RC_OK)
			toegang_verplicht(e, "/indieningsronde_id", "Geef de indieningsronde.");
		return RC_INVALID;
	}
	struct ronde_stand st;
	rc_t rc = ronde_klaar(s, arena, in, klok, &st, e);
	json_t *doc = NULL;
	if (rc == RC_OK)
		rc = verdeelscenario_document(&st, in, &doc, e);
	if (rc != RC_OK)
		return rc;
	if (e->item_count > 0 || e->items_dropped > 0) {
		json_decref(doc);
		return error_set(e, RC_INVALID, "Het verdeelscenario is niet geldig.");
	}
	if (alleen_controleren) {
		json_decref(doc);
		return RC_OK;
	}
	struct verdeling_resultaat *r = NULL;
	rc = bereken(arena, doc, c->hoe, &r, e);
	if (rc == RC_OK && c->hoe && c->hoe->gestopt && c->hoe->gestopt(c->hoe->ctx)) {
		json_decref(doc);
		return error_set(e, RC_CONFLICT, "De berekening is geannuleerd; er is niets bewaard.");
	}
	c->who = who;
	klok_tekst(klok_nu_us(klok), c->nu, sizeof c->nu);
	if (rc == RC_OK)
		rc = rij_vul(arena, doc, r, in, &st, c, e);
	json_decref(doc);
	if (rc == RC_OK)
		rc = store_aanvragen_tx(s, maak_tx, c, e);
	return rc;
}

/* Refusals are recorded as such in the audit log. */
static rc_t maak_of_controleer(struct store *s, const struct principal *who, const struct klok *klok,
			       const struct verdeelscenario_invoer *in,
			       const struct verdeelscenario_hoe *hoe, bool alleen_controleren,
			       struct arena *arena, int64_t *id_out, struct error *e)
{
	struct maak_ctx c;
	memset(&c, 0, sizeof c);
	c.hoe = hoe;
	rc_t rc = maak(s, who, klok, in, arena, &c, alleen_controleren, e);
	bool geannuleerd = rc == RC_CONFLICT && hoe && hoe->gestopt && hoe->gestopt(hoe->ctx);
	if ((rc == RC_INVALID || rc == RC_CONFLICT) && !geannuleerd) {
		char object[48];
		snprintf(object, sizeof object, "indieningsronde/%" PRId64, in->ronde_id);
		e->rc = rc;
		toegang_weigering_vastleggen(s, who->actor, "verdeelscenario.maak", object, e);
	}
	if (rc == RC_OK && id_out)
		*id_out = c.id;
	return rc;
}

rc_t verdeelscenario_maak(struct store *s, const struct principal *who, const struct klok *klok,
			  const struct verdeelscenario_invoer *in, struct arena *arena,
			  int64_t *id_out, struct error *e)
{
	return maak_of_controleer(s, who, klok, in, NULL, false, arena, id_out, e);
}

rc_t verdeelscenario_maak_met(struct store *s, const struct principal *who, const struct klok *klok,
			      const struct verdeelscenario_invoer *in,
			      const struct verdeelscenario_hoe *hoe, struct arena *arena,
			      int64_t *id_out, struct error *e)
{
	return maak_of_controleer(s, who, klok, in, hoe, false, arena, id_out, e);
}

rc_t verdeelscenario_controleer(struct store *s, const struct principal *who,
				const struct klok *klok, const struct verdeelscenario_invoer *in,
				struct arena *arena, struct error *e)
{
	return maak_of_controleer(s, who, klok, in, NULL, true, arena, NULL, e);
}

/* ---- reading ------------------------------------------------------------ */

static void uit_rij(const struct store_rows *r, size_t i, bool met_teksten, struct verdeelscenario *v)
{
	memset(v, 0, sizeof *v);
	v->id = store_int(r, i, SVS_ID, 0);
	v->ronde_id = store_int(r, i, SVS_RONDE, 0);
	v->naam = store_text(r, i, SVS_NAAM);
	v->regel = store_text(r, i, SVS_REGEL);
	v->invoer_hash = store_text(r, i, SVS_INVOER_HASH);
	v->seed = store_text(r, i, SVS_SEED);
	v->regelversie = store_text(r, i, SVS_REGELVERSIE);
	v->aangemaakt_op = store_text(r, i, SVS_AANGEMAAKT_OP);
	v->aangemaakt_door = store_text(r, i, SVS_AANGEMAAKT_DOOR);
	v->kandidaten_hash = store_text(r, i, SVS_KANDIDATEN_HASH);
	v->kandidaat_aantal = store_int(r, i, SVS_KANDIDAAT_AANTAL, 0);
	v->fte_milli = store_int(r, i, SVS_FTE, 0);
	v->besteed_cent = store_int(r, i, SVS_BESTEED, 0);
	v->demo = store_int(r, i, SVS_DEMO, 0) != 0;
	if (met_teksten) {
		v->parameters = store_text(r, i, SVS_PARAMETERS);
		v->resultaat = store_text(r, i, SVS_RESULTAAT);
		v->kandidaten = store_text(r, i, SVS_KANDIDATEN);
		v->positief_ids = store_text(r, i, SVS_POSITIEF_IDS);
	}
}

struct lees_ctx {
	struct arena *arena;
	int64_t id;
	struct verdeelscenario *uit;
	struct verdeelscenario *lijst;
	size_t n;
};

rc_t verdeelscenario_open_tx(struct store *s, struct arena *arena, int64_t id,
			     struct verdeelscenario *out, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_verdeling_scenario_lees(s, id, arena, &r, e);
	if (rc == RC_OK && r.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Verdeelscenario %" PRId64 " bestaat niet.", id);
	if (rc == RC_OK)
		uit_rij(&r, 0, true, out);
	return rc;
}

static rc_t open_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	return verdeelscenario_open_tx(s, c->arena, c->id, c->uit, e);
}

rc_t verdeelscenario_open(struct store *s, struct arena *arena, int64_t id,
			  struct verdeelscenario *out, struct error *e)
{
	struct lees_ctx c = {.arena = arena, .id = id, .uit = out};
	return store_tx(s, STORE_READ, open_tx, &c, e);
}

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = store_verdeling_scenario_lijst(s, c->id, c->arena, &r, e);
	if (rc != RC_OK)
		return rc;
	c->lijst = arena_alloc(c->arena, (r.nrows + 1) * sizeof *c->lijst);
	if (!c->lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < r.nrows; i++)
		uit_rij(&r, i, false, &c->lijst[i]);
	c->n = r.nrows;
	return RC_OK;
}

rc_t verdeelscenario_lijst(struct store *s, struct arena *arena, int64_t ronde_id,
			   struct verdeelscenario **out, size_t *n, struct error *e)
{
	struct lees_ctx c = {.arena = arena, .id = ronde_id};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc == RC_OK) {
		*out = c.lijst;
		*n = c.n;
	}
	return rc;
}

struct zoek_ctx {
	int64_t ronde;
	const char *naam;
	int64_t id;
};

static rc_t zoek_tx(struct store *s, void *ctx, struct error *e)
{
	struct zoek_ctx *c = ctx;
	return store_verdeling_scenario_zoek(s, c->ronde, c->naam, &c->id, e);
}

rc_t verdeelscenario_zoek(struct store *s, int64_t ronde_id, const char *naam, int64_t *id_out,
			  struct error *e)
{
	struct zoek_ctx c = {ronde_id, naam, 0};
	rc_t rc = store_tx(s, STORE_READ, zoek_tx, &c, e);
	if (rc == RC_OK)
		*id_out = c.id;
	return rc;
}

/* ---- recomputing ---------------------------------------------------------- */

rc_t verdeelscenario_invoer_document(const struct verdeelscenario *v, json_t **out,
				     struct error *e)
{
	json_t *sc = v->parameters ? json_loads(v->parameters, 0, NULL) : NULL;
	json_t *k = v->kandidaten ? json_loads(v->kandidaten, 0, NULL) : NULL;
	if (!sc || !k) {
		json_decref(sc);
		json_decref(k);
		return error_set(e, RC_INTERNAL, "De invoer van verdeelscenario %" PRId64 " is onleesbaar.", v->id);
	}
	*out = json_pack("{s:o, s:o}", "scenario", sc, "kandidaten", k);
	return *out ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

rc_t verdeelscenario_herbereken(const struct verdeelscenario *v, struct arena *arena,
				struct verdeling_resultaat **out, struct error *e)
{
	if (strcmp(v->regelversie, VERDELING_REGELVERSIE) != 0)
		return error_set(e, RC_CONFLICT, "Verdeelscenario %" PRId64 " is berekend met %s; deze versie "
				 "rekent met %s. Reken het scenario opnieuw door.", v->id, v->regelversie,
				 VERDELING_REGELVERSIE);
	json_t *doc = NULL;
	rc_t rc = verdeelscenario_invoer_document(v, &doc, e);
	struct verdeling_resultaat *r = NULL;
	if (rc == RC_OK)
		rc = bereken(arena, doc, NULL, &r, e);
	json_decref(doc);
	if (rc != RC_OK)
		return rc == RC_INVALID ? error_set(e, RC_INTERNAL, "De opgeslagen invoer van verdeelscenario %"
						    PRId64 " is niet meer geldig.", v->id) : rc;
	json_t *j = verdeling_json(r);
	const char *tekst = j ? json_encode(arena, j) : NULL;
	json_decref(j);
	if (!tekst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	/* a pair assertion: the same input gives byte-identical output */
	if (strcmp(tekst, v->resultaat) != 0)
		return error_set(e, RC_INTERNAL, "Herberekening van verdeelscenario %" PRId64
				 " geeft een andere uitkomst dan is opgeslagen.", v->id);
	*out = r;
	return RC_OK;
}

rc_t verdeelscenario_lp(const struct verdeelscenario *v, struct arena *arena, char **out,
			struct error *e)
{
	json_t *doc = NULL;
	rc_t rc = verdeelscenario_invoer_document(v, &doc, e);
	struct verdeling_scenario s;
	struct verdeling_kandidaat *k = NULL;
	size_t n = 0;
	if (rc == RC_OK)
		rc = verdeling_lees(doc, arena, &s, &k, &n, e);
	json_decref(doc);
	if (rc == RC_OK)
		rc = verdeling_lp(&s, k, n, arena, out, e);
	return rc;
}

struct vergelijk_ctx {
	struct arena *arena;
	const int64_t *ids;
	size_t n;
	struct verdeelscenario *v;
};

static rc_t vergelijk_tx(struct store *s, void *ctx, struct error *e)
{
	struct vergelijk_ctx *c = ctx;
	for (size_t i = 0; i < c->n; i++) {
		rc_t rc = verdeelscenario_open_tx(s, c->arena, c->ids[i], &c->v[i], e);
		if (rc != RC_OK)
			return rc;
	}
	return RC_OK;
}

rc_t verdeelscenario_vergelijk(struct store *s, struct arena *arena, const int64_t *ids,
			       size_t n, json_t **out, struct error *e)
{
	if (n == 0 || n > VERDEELSCENARIO_VERGELIJK_MAX)
		return error_set(e, RC_INVALID, "Vergelijk 1 tot %d scenario's.", VERDEELSCENARIO_VERGELIJK_MAX);
	struct vergelijk_ctx c = {.arena = arena, .ids = ids, .n = n,
				  .v = arena_alloc(arena, n * sizeof *c.v)};
	const struct verdeling_resultaat **r = arena_alloc(arena, n * sizeof *r);
	if (!c.v || !r)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc_t rc = store_tx(s, STORE_READ, vergelijk_tx, &c, e);
	for (size_t i = 0; rc == RC_OK && i < n; i++) {
		struct verdeling_resultaat *x = NULL;
		rc = verdeelscenario_herbereken(&c.v[i], arena, &x, e);
		r[i] = x;
	}
	json_t *v = NULL;
	if (rc == RC_OK)
		rc = verdeling_vergelijk(r, n, &v, e);
	if (rc != RC_OK)
		return rc;
	json_t *lijst = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(lijst, json_pack("{s:I, s:s, s:s, s:I, s:s}", "id", (json_int_t)c.v[i].id,
			"naam", c.v[i].naam, "regel", c.v[i].regel, "indieningsronde_id",
			(json_int_t)c.v[i].ronde_id, "invoer_hash", c.v[i].invoer_hash));
	*out = json_pack("{s:o, s:o}", "verdeelscenarios", lijst, "vergelijking", v);
	return *out ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

/* The summary of a scenario, as in lists. */
json_t *verdeelscenario_samenvatting_json(const struct verdeelscenario *v)
{
	return json_pack("{s:I, s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:s, s:s, s:b}",
		"id", (json_int_t)v->id, "naam", v->naam, "indieningsronde_id", (json_int_t)v->ronde_id,
		"regel", v->regel, "seed", v->seed, "regelversie", v->regelversie,
		"invoer_hash", v->invoer_hash, "kandidaten_hash", v->kandidaten_hash,
		"kandidaat_aantal", (json_int_t)v->kandidaat_aantal, "fte_milli", (json_int_t)v->fte_milli,
		"besteed_cent", (json_int_t)v->besteed_cent, "aangemaakt_op", v->aangemaakt_op,
		"aangemaakt_door", v->aangemaakt_door, "demo", v->demo);
}
