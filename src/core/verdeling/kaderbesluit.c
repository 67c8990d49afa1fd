/*
 * kaderbesluit.c -- the board's framework decision (kaderbesluit.h,
 * docs/bestuur.md §4a): read, checked against the newest catalogue, stored
 * and carried out as the next catalogue version in one transaction.
 */
#include "core/verdeling/kaderbesluit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/basis/bedrag.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"
#include "core/catalogus/catalogus.h"
#include "store/store_catalogus.h"
#include "store/store_verdeling.h"

#define BRON_KADER "[001 \"Vervolgproces\"]"
#define BRON_LAT "[001 \"Vervolgproces\"], [002 §4.1]"
#define BRON_SOM "[001 \"Vervolgproces\"], [001 §3]"

/* Reads item `i` of "themas" into in->themas; problems under /themas/i. */
static void thema_lees(json_t *item, size_t i, struct kaderbesluit_invoer *in, struct error *e)
{
	static const char *const velden[] = {"thema_id", "macrobedrag_cent", NULL};
	char waar[32];
	snprintf(waar, sizeof waar, "/themas/%zu", i);
	if (!json_is_object(item)) {
		error_add(e, waar, "type", NULL, "Elk thema is een object met thema_id en macrobedrag_cent.");
		return;
	}
	json_reject_unknown(item, velden, waar, e);
	struct kaderbesluit_thema t = {0};
	bool id = json_get_string(item, "thema_id", true, waar, &t.thema_id, e);
	if (json_get_int(item, "macrobedrag_cent", true, waar, &t.macrobedrag_cent, e) && t.macrobedrag_cent < 0) {
		char veld[64];
		snprintf(veld, sizeof veld, "%s/macrobedrag_cent", waar);
		error_add(e, veld, "negatief", BRON_KADER, "Een macrobedrag is nul of meer.");
	}
	for (size_t j = 0; id && j < in->thema_aantal; j++)
		if (strcmp(in->themas[j].thema_id, t.thema_id) == 0) {
			char veld[64];
			snprintf(veld, sizeof veld, "%s/thema_id", waar);
			error_add(e, veld, "dubbel", BRON_KADER, "Thema '%.64s' staat er al; één macrobedrag per thema.",
				  t.thema_id);
			id = false;
		}
	if (id && in->thema_aantal < KADERBESLUIT_THEMAS_MAX)
		in->themas[in->thema_aantal++] = t;
}

rc_t kaderbesluit_invoer_lees(json_t *body, struct kaderbesluit_invoer *out, struct error *e)
{
	static const char *const velden[] = {"themas", "impactlat_id", "motivering", NULL};
	struct kaderbesluit_invoer in = {0};
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "De body is een JSON-object.");
	json_reject_unknown(body, velden, "", e);
	json_t *themas = NULL, *item;
	size_t i;
	if (json_get_array(body, "themas", true, "", &themas, e)) {
		if (json_array_size(themas) == 0 || json_array_size(themas) > KADERBESLUIT_THEMAS_MAX)
			error_add(e, "/themas", "aantal", BRON_KADER, "Geef per thema van de pot het macrobedrag "
				  "(1 tot %d thema's).", KADERBESLUIT_THEMAS_MAX);
		else
			json_array_foreach(themas, i, item)
				thema_lees(item, i, &in, e);
	}
	if (json_get_string(body, "impactlat_id", true, "", &in.impactlat_id, e) && !tekst_aanwezig(in.impactlat_id))
		error_add(e, "/impactlat_id", "impactlat_onbekend", BRON_LAT, "Kies een impactlat.");
	if (json_get_string(body, "motivering", false, "", &in.motivering, e)) {
		if (!tekst_aanwezig(in.motivering) || strlen(in.motivering) > KADERBESLUIT_MOTIVERING_MAX)
			error_add(e, "/motivering", "motivering_ontbreekt", BRON_KADER,
				  "Motiveer het besluit in 1 tot %d tekens.", KADERBESLUIT_MOTIVERING_MAX);
	} else {
		toegang_verplicht(e, "/motivering", "Motiveer het besluit: waarom deze bedragen en deze lat.");
	}
	if (e->item_count > 0 || e->items_dropped > 0 || e->rc != RC_OK) {
		if (e->rc == RC_OK)
			e->rc = RC_INVALID;
		return e->rc;
	}
	*out = in;
	return RC_OK;
}

/* ---- taking the decision --------------------------------------------------- */

/* The index of decision theme `id` in `in`, or -1. */
static long invoer_thema(const struct kaderbesluit_invoer *in, const char *id)
{
	for (size_t i = 0; id && i < in->thema_aantal; i++)
		if (strcmp(in->themas[i].thema_id, id) == 0)
			return (long)i;
	return -1;
}

/* Checks `in` against the next catalogue version `doc` and writes the
 * amounts and the bar into it; every problem at once (RC_INVALID). */
static rc_t kader_toepassen(json_t *doc, const struct kaderbesluit_invoer *in, struct error *e)
{
	json_t *pot = catalogus_zvw_pot(doc), *t;
	const char *pot_id = json_string_value(json_object_get(pot, "id"));
	int64_t pot_cent = json_integer_value(json_object_get(pot, "bedrag_cent")), som = 0;
	bool gebruikt[KADERBESLUIT_THEMAS_MAX] = {false}, past = true;
	size_t i;
	if (!pot_id)
		return error_set(e, RC_INTERNAL, "De catalogus heeft geen Zvw-pot.");
	json_array_foreach(json_object_get(doc, "themas"), i, t) {
		const char *id = json_string_value(json_object_get(t, "id"));
		const char *tp = json_string_value(json_object_get(t, "pot_id"));
		if (!tp || strcmp(tp, pot_id) != 0)
			continue;
		long k = invoer_thema(in, id);
		if (k < 0) {
			error_add(e, "/themas", "thema_ontbreekt", BRON_KADER, "Thema '%.64s' (%.128s) heeft geen "
				  "macrobedrag; het besluit geeft er een voor elk thema van de pot.", id ? id : "?",
				  json_string_value(json_object_get(t, "naam")) ? json_string_value(json_object_get(t, "naam")) : "");
			continue;
		}
		gebruikt[k] = true;
		past = past && !__builtin_add_overflow(som, in->themas[k].macrobedrag_cent, &som);
		json_object_set_new(t, "macrobedrag_cent", json_integer(in->themas[k].macrobedrag_cent));
	}
	for (size_t k = 0; k < in->thema_aantal; k++)
		if (!gebruikt[k]) {
			char veld[64];
			snprintf(veld, sizeof veld, "/themas/%zu/thema_id", k);
			error_add(e, veld, "thema_onbekend", BRON_KADER, "'%.64s' is geen thema van de Zvw-pot in de "
				  "catalogus.", in->themas[k].thema_id);
		}
	char st[BEDRAG_TEKST_BYTES], pt[BEDRAG_TEKST_BYTES];
	if (!past || som > pot_cent)
		error_add(e, "/themas", "som_boven_pot", BRON_SOM, "De macrobedragen tellen op tot %s, meer dan "
			  "de %s van de pot.", past ? bedrag_tekst(som, st, sizeof st) : "meer dan het systeem kan "
			  "bevatten", bedrag_tekst(pot_cent, pt, sizeof pt));
	bool lat = false;
	json_array_foreach(json_object_get(doc, "impactlatten"), i, t) {
		const char *id = json_string_value(json_object_get(t, "id"));
		lat = lat || (id && strcmp(id, in->impactlat_id) == 0);
	}
	if (!lat)
		error_add(e, "/impactlat_id", "impactlat_onbekend", BRON_LAT, "Impactlat '%.64s' staat niet in de "
			  "catalogus.", in->impactlat_id);
	else
		json_object_set_new(doc, "gekozen_impactlat_id", json_string(in->impactlat_id));
	if (e->item_count > 0 || e->items_dropped > 0) {
		if (e->rc == RC_OK)
			e->rc = RC_INVALID;
		return e->rc;
	}
	return RC_OK;
}

struct neem_ctx {
	const struct principal *who;
	const struct klok *klok;
	const struct kaderbesluit_invoer *in;
	int64_t id, catalogusversie;
};

/* The decision's themes as compact JSON in the arena. */
static const char *themas_json(struct arena *a, const struct kaderbesluit_invoer *in)
{
	json_t *l = json_array();
	for (size_t i = 0; l && i < in->thema_aantal; i++)
		json_array_append_new(l, json_pack("{s:s, s:I}", "thema_id", in->themas[i].thema_id,
						   "macrobedrag_cent", (json_int_t)in->themas[i].macrobedrag_cent));
	const char *tekst = l ? json_encode(a, l) : NULL;
	json_decref(l);
	return tekst;
}

/* Stores the decision and its audit record after its catalogue version. */
static rc_t vastleggen(struct store *s, struct neem_ctx *c, struct arena *a, struct error *e)
{
	char nu[KLOK_TEKST_BYTES], object[48], detail[64];
	struct store_kaderbesluit k = {
		.themas = themas_json(a, c->in), .impactlat_id = c->in->impactlat_id,
		.motivering = c->in->motivering, .genomen_op = klok_nu_tekst(c->klok, nu, sizeof nu),
		.genomen_door = c->who->actor, .catalogusversie = c->catalogusversie,
	};
	if (!k.themas)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc_t rc = store_kaderbesluit_insert(s, &k, &c->id, e);
	snprintf(object, sizeof object, "kaderbesluit/%" PRId64, c->id);
	snprintf(detail, sizeof detail, "{\"catalogusversie\":%" PRId64 "}", c->catalogusversie);
	struct audit_entry entry = {c->who->actor, "kaderbesluit.neem", object, "gelukt", detail};
	return rc == RC_OK ? audit_append(s, &entry, e) : rc;
}

static rc_t neem_tx(struct store *s, void *ctx, struct error *e)
{
	struct neem_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *doc = NULL;
	rc_t rc = catalogus_volgende_tx(s, c->klok, &a, &doc, e);
	if (rc == RC_OK)
		rc = kader_toepassen(doc, c->in, e);
	struct catalogus_publicatie p = {.bestand = "kaderbesluit", .actor = c->who->actor,
					 .soort = "catalogus", .door_kaderbesluit = true};
	struct catalogus_publicatie_resultaat res;
	if (rc == RC_OK)
		rc = catalogus_publiceer_tx(s, doc, &p, &res, e);
	if (rc == RC_OK) {
		c->catalogusversie = res.catalogusversie;
		rc = vastleggen(s, c, &a, e);
	}
	json_decref(doc);
	arena_release(&a);
	return rc;
}

rc_t kaderbesluit_neem(struct store *s, const struct principal *who, const struct klok *klok,
		       const struct kaderbesluit_invoer *in, int64_t *id_out,
		       int64_t *catalogusversie_out, struct error *e)
{
	struct neem_ctx c = {.who = who, .klok = klok, .in = in};
	rc_t rc = store_tx(s, STORE_WRITE, neem_tx, &c, e);
	if (rc == RC_INVALID || rc == RC_CONFLICT) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, who->actor, "kaderbesluit.neem", "kaderbesluit", e);
	}
	if (rc == RC_OK) {
		*id_out = c.id;
		*catalogusversie_out = c.catalogusversie;
	}
	return rc;
}

/* ---- reading --------------------------------------------------------------- */

/* Row `r` of `rows` as the decision's JSON; `nieuwste` the id in force and
 * `cat` the newest catalogue (for the themes' names, may be NULL). */
static json_t *besluit_json(const struct store_rows *rows, size_t r, int64_t nieuwste, json_t *cat)
{
	json_t *themas = json_loads(store_text(rows, r, SKB_THEMAS), 0, NULL), *t, *ct;
	size_t i, j;
	json_array_foreach(themas, i, t) {
		const char *id = json_string_value(json_object_get(t, "thema_id"));
		json_array_foreach(json_object_get(cat, "themas"), j, ct)
			if (id && json_string_value(json_object_get(ct, "id")) &&
			    strcmp(id, json_string_value(json_object_get(ct, "id"))) == 0)
				json_object_set(t, "thema_naam", json_object_get(ct, "naam"));
	}
	int64_t id = store_int(rows, r, SKB_ID, 0);
	return json_pack("{s:I, s:o, s:s?, s:s?, s:s?, s:s?, s:I, s:b}", "id", (json_int_t)id,
			 "themas", themas ? themas : json_array(), "impactlat_id", store_text(rows, r, SKB_IMPACTLAT),
			 "motivering", store_text(rows, r, SKB_MOTIVERING), "genomen_op", store_text(rows, r, SKB_GENOMEN_OP),
			 "genomen_door", store_text(rows, r, SKB_GENOMEN_DOOR),
			 "catalogusversie", (json_int_t)store_int(rows, r, SKB_CATALOGUSVERSIE, 0), "van_kracht", id == nieuwste);
}

struct lees_ctx {
	int64_t id;        /* 0: the list */
	json_t *uit;
};

static rc_t lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct lees_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	struct store_rows rows, nieuwste;
	int64_t cv = 0;
	const char *tekst = NULL;
	rc_t rc = c->id ? store_kaderbesluit_lees(s, c->id, &a, &rows, e) : store_kaderbesluit_lijst(s, &a, &rows, e);
	if (rc == RC_OK)
		rc = store_kaderbesluit_lees(s, 0, &a, &nieuwste, e);
	if (rc == RC_OK && c->id && rows.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Kaderbesluit %" PRId64 " bestaat niet.", c->id);
	if (rc == RC_OK)
		rc = store_catalogus_nieuwste(s, &cv, e);
	if (rc == RC_OK && cv > 0)
		rc = store_catalogus_document(s, cv, &a, &tekst, e);
	json_t *cat = tekst ? json_loads(tekst, 0, NULL) : NULL;
	int64_t van_kracht = nieuwste.nrows ? store_int(&nieuwste, 0, SKB_ID, 0) : 0;
	json_t *lijst = json_array();
	for (size_t r = 0; rc == RC_OK && r < rows.nrows; r++)
		json_array_append_new(lijst, besluit_json(&rows, r, van_kracht, cat));
	json_decref(cat);
	json_decref(c->uit);
	c->uit = NULL;
	if (rc == RC_OK)
		c->uit = c->id ? json_incref(json_array_get(lijst, 0)) : json_pack("{s:O}", "kaderbesluiten", lijst);
	json_decref(lijst);
	arena_release(&a);
	if (rc == RC_OK && !c->uit)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	return rc;
}

rc_t kaderbesluit_lees(struct store *s, int64_t id, json_t **out, struct error *e)
{
	if (id <= 0)
		return error_set(e, RC_NOT_FOUND, "Dit kaderbesluit bestaat niet.");
	struct lees_ctx c = {.id = id};
	rc_t rc = store_tx(s, STORE_READ, lees_tx, &c, e);
	if (rc == RC_OK)
		*out = c.uit;
	else
		json_decref(c.uit);
	return rc;
}

rc_t kaderbesluit_lijst(struct store *s, json_t **out, struct error *e)
{
	struct lees_ctx c = {0};
	rc_t rc = store_tx(s, STORE_READ, lees_tx, &c, e);
	if (rc == RC_OK)
		*out = c.uit;
	else
		json_decref(c.uit);
	return rc;
}
