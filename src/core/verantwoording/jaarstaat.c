/*
 * jaarstaat.c -- the insurer's yearly statement. See jaarstaat.h.
 */
#include "core/verantwoording/jaarstaat.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/audit.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"
#include "store/store_beschikking.h"
#include "store/store_verantwoording.h"

#define BRON "[001 §5]"

/* True when `jaar` is a year of the jaarverdeling JSON [{"jaar": ...}]. */
static bool projectjaar(const char *jaarverdeling, int64_t jaar)
{
	json_t *l = jaarverdeling ? json_loads(jaarverdeling, 0, NULL) : NULL, *x;
	size_t i;
	bool ja = false;
	json_array_foreach(l, i, x) ja = ja || json_integer_value(json_object_get(x, "jaar")) == jaar;
	json_decref(l);
	return ja;
}

/* Adds the judgement of statement `id` (or null) to j. */
static void oordeel_erbij(struct store *s, struct arena *arena, json_t *j, int64_t id, struct error *e)
{
	struct store_rows r;
	json_t *o = json_null();
	if (store_rechtsoordeel_lees(s, id, arena, &r, e) == RC_OK && r.nrows == 1) {
		json_t *bev = json_loads(store_text(&r, 0, SRO_BEVINDINGEN), 0, NULL);
		o = json_pack("{s:s, s:I, s:s, s:o, s:s, s:s}", "oordeel", store_text(&r, 0, SRO_OORDEEL), "erkend_cent",
			      (json_int_t)store_int(&r, 0, SRO_ERKEND, 0), "motivering", store_text(&r, 0, SRO_MOTIVERING),
			      "bevindingen", bev ? bev : json_array(), "gegeven_op", store_text(&r, 0, SRO_OP),
			      "gegeven_door", store_text(&r, 0, SRO_DOOR));
	}
	json_object_set_new(j, "rechtsoordeel", o ? o : json_null());
}

/* Adds the insurer's name and UZOVI code to statement j. */
static void naam_erbij(struct store *s, struct arena *arena, json_t *j, struct error *e)
{
	const char *naam = NULL, *uzovi = NULL;
	int64_t id = json_integer_value(json_object_get(j, "verzekeraar_id"));
	if (store_organisatie_naam(s, id, arena, &naam, &uzovi, e) == RC_OK) {
		json_object_set_new(j, "verzekeraar_naam", naam ? json_string(naam) : json_null());
		json_object_set_new(j, "uzovi_code", uzovi ? json_string(uzovi) : json_null());
	}
}

static json_t *staat_json(const struct store_rows *r, size_t i)
{
	json_t *regels = json_loads(store_text(r, i, SJS_REGELS), 0, NULL);
	return json_pack("{s:I, s:I, s:I, s:o, s:I, s:I, s:I, s:I, s:I, s:s, s:s}", "id", (json_int_t)store_int(r, i, SJS_ID, 0),
			 "verzekeraar_id", (json_int_t)store_int(r, i, SJS_VERZEKERAAR, 0),
			 "jaar", (json_int_t)store_int(r, i, SJS_JAAR, 0), "projecten", regels ? regels : json_array(),
			 "betaald_cent", (json_int_t)store_int(r, i, SJS_BETAALD, 0),
			 "gecorrigeerd_cent", (json_int_t)store_int(r, i, SJS_GECORRIGEERD, 0),
			 "teruggevorderd_cent", (json_int_t)store_int(r, i, SJS_TERUG, 0),
			 "plausibel_cent", (json_int_t)store_int(r, i, SJS_PLAUSIBEL, 0),
			 "te_vereffenen_cent", (json_int_t)store_int(r, i, SJS_TE_VEREFFENEN, 0),
			 "ingediend_op", store_text(r, i, SJS_OP), "ingediend_door", store_text(r, i, SJS_DOOR));
}

struct dien_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t jaar;
	struct arena *arena;
	json_t *uit;
};

/* Adds v to *som; false on overflow. */
static bool erbij(int64_t *som, int64_t v)
{
	if (v < 0 || *som > INT64_MAX - v)
		return false;
	*som += v;
	return true;
}

/* The vereffenbaar_tot_cent per project of the insurer's newest statement
 * before `jaar` (a JSON object keyed by beschikking id, or NULL when there
 * is none); a statement after `jaar` is a finding (the years are stated in
 * order, so that the cumulative amounts telescope). */
static json_t *vorige_staat(const struct store_rows *r, int64_t jaar, struct error *e)
{
	json_t *vorig = NULL;
	for (size_t i = 0; i < r->nrows; i++) {
		int64_t j = store_int(r, i, SJS_JAAR, 0);
		if (j > jaar)
			error_add(e, "/jaar", "latere_jaarstaat", BRON, "De jaarstaat over %" PRId64 " is al ingediend; "
				  "de jaren worden in volgorde verantwoord.", j);
		if (j >= jaar)
			continue;
		json_decref(vorig);
		vorig = json_object();
		json_t *l = json_loads(store_text(r, i, SJS_REGELS), 0, NULL), *x;
		size_t k;
		json_array_foreach(l, k, x) {
			char sleutel[24];
			snprintf(sleutel, sizeof sleutel, "%" JSON_INTEGER_FORMAT,
				 json_integer_value(json_object_get(x, "beschikking_id")));
			json_t *v = json_object_get(x, "vereffenbaar_tot_cent");
			json_object_set_new(vorig, sleutel, json_integer(v ? json_integer_value(v) : 0));
		}
		json_decref(l);
	}
	return vorig;
}

/* The plausible amounts of project years up to the statement's year of
 * beschikking `id` (rows of store_plausibel_tot); false on overflow. */
static bool plausibel_tot(const struct store_rows *pt, int64_t id, const char *jaarverdeling, int64_t *som)
{
	*som = 0;
	for (size_t k = 0; k < pt->nrows; k++)
		if (store_int(pt, k, SPJ_BESCHIKKING, 0) == id &&
		    projectjaar(jaarverdeling, store_int(pt, k, SPJ_JAAR, 0)) &&
		    !erbij(som, store_int(pt, k, SPJ_PLAUSIBEL, 0)))
			return false;
	return true;
}

static rc_t dien_tx(struct store *s, void *ctx, struct error *e)
{
	struct dien_ctx *c = ctx;
	int64_t org = c->who->organisatie_id;
	struct store_rows bestaand, alle, pr, pt;
	const char *naam = NULL, *uzovi = NULL;
	rc_t rc = store_jaarstaat_lijst(s, org, c->jaar, c->arena, &bestaand, e);
	if (rc == RC_OK && bestaand.nrows > 0) {
		error_add(e, "/jaar", "al_ingediend", BRON, "De jaarstaat over %" PRId64 " is al ingediend op %s.", c->jaar,
			  store_text(&bestaand, 0, SJS_OP));
		return RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = store_organisatie_naam(s, org, c->arena, &naam, &uzovi, e);
	if (rc == RC_OK && !uzovi)
		return error_set(e, RC_FORBIDDEN, "Alleen een zorgverzekeraar (met UZOVI-code) dient een jaarstaat in.");
	if (rc == RC_OK)
		rc = store_jaarstaat_lijst(s, org, 0, c->arena, &alle, e);
	if (rc == RC_OK)
		rc = store_jaarstaat_projecten(s, org, c->jaar, c->arena, &pr, e);
	if (rc == RC_OK)
		rc = store_plausibel_tot(s, org, c->jaar, c->arena, &pt, e);
	if (rc != RC_OK)
		return rc;
	json_t *vorig = vorige_staat(&alle, c->jaar, e);
	json_t *regels = json_array();
	int64_t betaald = 0, gecorrigeerd = 0, terug = 0, plausibel = 0, vereffenen = 0;
	bool overloop = false;
	for (size_t i = 0; regels && i < pr.nrows; i++) {
		const char *jv = store_text(&pr, i, SJP_JAARVERDELING);
		int64_t id = store_int(&pr, i, SJP_BESCHIKKING, 0);
		bool jaar_van_project = projectjaar(jv, c->jaar);
		int64_t b = store_int(&pr, i, SJP_BETAALD, 0), t = store_int(&pr, i, SJP_TERUG, 0);
		int64_t k = store_int(&pr, i, SJP_GECORRIGEERD, 0);
		bool getoetst = store_int(&pr, i, SJP_GETOETST, 0) != 0;
		/* What may go to risk equalisation [001 §5], [003 §8b]: cumulatively
		 * per project the smaller of the plausible costs and what was paid
		 * less reclaimed; this year brings the growth since the previous
		 * statement. */
		int64_t p_tot = 0, netto = store_int(&pr, i, SJP_NETTO_TOT, 0), f_vorig = 0;
		overloop = overloop || !plausibel_tot(&pt, id, jv, &p_tot);
		int64_t f = p_tot < netto ? p_tot : netto;
		if (f < 0)
			f = 0;
		char sleutel[24];
		snprintf(sleutel, sizeof sleutel, "%" PRId64, id);
		f_vorig = vorig ? json_integer_value(json_object_get(vorig, sleutel)) : 0;
		int64_t delta = f - f_vorig;
		/* a project without anything in the year is left out -- unless it
		 * carries a cumulative amount the next statement continues from */
		if (!jaar_van_project && b == 0 && k == 0 && t == 0 && delta == 0 && f == 0)
			continue;
		if (jaar_van_project && !getoetst)
			error_add(e, "/jaar", "niet_getoetst", BRON, "%s: de verantwoording over %" PRId64 " is %s.",
				  store_text(&pr, i, SJP_KENMERK), c->jaar,
				  store_text(&pr, i, SJP_VERANTWOORDING) ? "nog niet getoetst" : "niet ingediend");
		/* what is plausible of a year that is no project year is no part of it */
		int64_t p = jaar_van_project && getoetst ? store_int(&pr, i, SJP_PLAUSIBEL, 0) : 0;
		overloop = overloop || !erbij(&terug, t) || !erbij(&plausibel, p) || !erbij(&betaald, b) ||
			   __builtin_add_overflow(gecorrigeerd, k, &gecorrigeerd) ||
			   __builtin_add_overflow(vereffenen, delta, &vereffenen);
		json_t *r = json_pack("{s:I, s:s, s:I, s:I, s:I, s:I, s:I, s:I}", "beschikking_id", (json_int_t)id,
				      "kenmerk", store_text(&pr, i, SJP_KENMERK), "aanvraag_id",
				      (json_int_t)store_int(&pr, i, SJP_AANVRAAG, 0), "betaald_cent", (json_int_t)b,
				      "gecorrigeerd_cent", (json_int_t)k,
				      "teruggevorderd_cent", (json_int_t)t, "vereffenbaar_tot_cent", (json_int_t)f,
				      "te_vereffenen_cent", (json_int_t)delta);
		json_object_set_new(r, "plausibel_cent", jaar_van_project && getoetst ? json_integer(p) : json_null());
		json_array_append_new(regels, r);
	}
	json_decref(vorig);
	if (!overloop && vereffenen < 0)
		error_add(e, "/jaar", "negatief", BRON, "Correcties en terugvorderingen maken het te vereffenen bedrag over "
			  "%" PRId64 " negatief (%" PRId64 " cent): er is eerder meer vereffend dan nu betaald is; neem "
			  "contact op met de NZa.", c->jaar, vereffenen);
	if (overloop)
		error_set(e, RC_TOO_LARGE, "De bedragen passen niet in 64 bits.");
	char rekening[96];
	snprintf(rekening, sizeof rekening, "verzekeraar/%s/betaald", uzovi);
	/* reconciled with the ledger: every row's entry, per year and in total */
	int64_t gb[8] = {0};
	if (e->rc == RC_OK || e->rc == RC_INVALID)
		rc = store_jaarstaat_grootboek(s, org, rekening, c->jaar, gb, e);
	int64_t netto = 0;
	bool netto_past = !__builtin_add_overflow(betaald, gecorrigeerd, &netto);
	if (rc == RC_OK && netto_past && (gb[0] != netto || gb[1] != netto || gb[2] != terug || gb[3] != terug))
		error_add(e, "/jaar", "sluit_niet_aan", BRON,
			  "De projecten tellen op tot %" PRId64 " cent betaald (correcties meegeteld) en %" PRId64 " cent "
			  "teruggevorderd; de boekingen in het grootboek (%s) waar die betalingen en terugvorderingen naar "
			  "wijzen tellen op tot %" PRId64 " en %" PRId64 " cent.", netto, terug, rekening, gb[0], gb[2]);
	if (rc == RC_OK && (gb[4] != gb[5] || gb[6] != gb[7]))
		error_add(e, "/jaar", "sluit_niet_aan", BRON,
			  "Over alle jaren zegt het grootboek (%s) %" PRId64 " cent betaald en %" PRId64 " cent "
			  "teruggevorderd, de betalingen en terugvorderingen zelf %" PRId64 " en %" PRId64 " cent.",
			  rekening, gb[4], gb[6], gb[5], gb[7]);
	if (rc != RC_OK || e->item_count > 0 || e->rc != RC_OK) {
		json_decref(regels);
		if (rc != RC_OK)
			return rc;
		if (e->rc == RC_TOO_LARGE)
			return RC_TOO_LARGE;
		return error_set(e, RC_CONFLICT, "De jaarstaat over %" PRId64 " kan niet worden ingediend.", c->jaar);
	}
	const char *tekst = regels ? json_encode(c->arena, regels) : NULL;
	json_decref(regels);
	if (!tekst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	int64_t id = 0;
	struct store_jaarstaat sj = {org, c->jaar, tekst, betaald, gecorrigeerd, terug, plausibel, vereffenen, nu,
				     c->who->actor};
	rc = store_jaarstaat_voeg_toe(s, &sj, &id, e);
	char object[48], detail[160];
	snprintf(object, sizeof object, "jaarstaat/%" PRId64, id);
	snprintf(detail, sizeof detail, "{\"jaar\":%" PRId64 ",\"betaald_cent\":%" PRId64 ",\"plausibel_cent\":%" PRId64
		 ",\"te_vereffenen_cent\":%" PRId64 "}", c->jaar, betaald, plausibel, vereffenen);
	struct audit_entry ae = {c->who->actor, "jaarstaat.dien_in", object, "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	if (rc == RC_OK)
		rc = store_jaarstaat_lijst(s, org, c->jaar, c->arena, &bestaand, e);
	if (rc == RC_OK && bestaand.nrows == 1) {
		c->uit = staat_json(&bestaand, 0);
		json_object_set_new(c->uit, "rechtsoordeel", json_null());
		naam_erbij(s, c->arena, c->uit, e);
	}
	return rc;
}

rc_t jaarstaat_dien_in(struct store *s, const struct principal *who, const struct klok *klok, int64_t jaar,
		       struct arena *arena, json_t **out, struct error *e)
{
	if (jaar < 2000 || jaar > 2100) {
		error_add(e, "/jaar", "buiten_bereik", NULL, "Het jaar ligt tussen 2000 en 2100.");
		return RC_INVALID;
	}
	struct dien_ctx c = {.who = who, .klok = klok, .jaar = jaar, .arena = arena};
	rc_t rc = store_tx(s, STORE_WRITE, dien_tx, &c, e);
	if (rc == RC_CONFLICT) {
		char object[48];
		snprintf(object, sizeof object, "jaarstaat/%" PRId64, jaar);
		e->rc = rc;
		toegang_weigering_vastleggen(s, who->actor, "jaarstaat.dien_in", object, e);
	}
	if (rc == RC_OK && !c.uit)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (rc == RC_OK)
		*out = c.uit;
	else
		json_decref(c.uit);
	return rc;
}

struct lijst_ctx {
	int64_t verzekeraar, jaar;
	struct arena *arena;
	json_t *uit;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = store_jaarstaat_lijst(s, c->verzekeraar, c->jaar, c->arena, &r, e);
	json_t *l = json_array();
	for (size_t i = 0; rc == RC_OK && l && i < r.nrows; i++) {
		json_t *j = staat_json(&r, i);
		oordeel_erbij(s, c->arena, j, store_int(&r, i, SJS_ID, 0), e);
		naam_erbij(s, c->arena, j, e);
		json_array_append_new(l, j);
	}
	c->uit = json_pack("{s:o}", "jaarstaten", l ? l : json_array());
	return e->rc == RC_OK ? rc : e->rc;
}

rc_t jaarstaat_lezer(const struct principal *who, int64_t *verzekeraar, struct error *e)
{
	*verzekeraar = 0;
	if (who->roles & (ROL_NZA | ROL_AUDITOR | ROL_ZORGINSTITUUT | ROL_BESTUUR | ROL_PROGRAMMABUREAU))
		return RC_OK;
	if (!(who->roles & ROL_BEOORDELAAR) || who->organisatie_id <= 0)
		return error_set(e, RC_FORBIDDEN, "Alleen NZa, het Zorginstituut, de auditor, het bestuur, het programmabureau "
				 "en zorgverzekeraars lezen jaarstaten, rechtsoordelen en vereveningen.");
	*verzekeraar = who->organisatie_id;
	return RC_OK;
}

rc_t jaarstaat_lijst(struct store *s, const struct principal *who, int64_t jaar, struct arena *arena,
		     json_t **out, struct error *e)
{
	struct lijst_ctx c = {.jaar = jaar, .arena = arena};
	rc_t rc = jaarstaat_lezer(who, &c.verzekeraar, e);
	if (rc != RC_OK)
		return rc;
	rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc == RC_OK)
		*out = c.uit;
	else
		json_decref(c.uit);
	return rc;
}

/* ---- NZa's yearly judgement ------------------------------------------------ */

struct oordeel_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t id;
	const char *oordeel, *motivering, *bevindingen;
	bool erkend_gegeven;
	int64_t erkend;
	struct arena *arena;
	json_t *uit;
};

static rc_t oordeel_tx(struct store *s, void *ctx, struct error *e)
{
	struct oordeel_ctx *c = ctx;
	struct store_rows jr, orr;
	rc_t rc = store_jaarstaat_lees(s, c->id, c->arena, &jr, e);
	if (rc == RC_OK && jr.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "Jaarstaat %" PRId64 " bestaat niet.", c->id);
	if (rc == RC_OK)
		rc = store_rechtsoordeel_lees(s, c->id, c->arena, &orr, e);
	if (rc == RC_OK && orr.nrows > 0) {
		error_add(e, "", "al_geoordeeld", BRON, "Over deze jaarstaat is al geoordeeld op %s.",
			  store_text(&orr, 0, SRO_OP));
		return RC_CONFLICT;
	}
	if (rc != RC_OK)
		return rc;
	/* NZa judges what the statement brings into risk equalisation */
	int64_t plausibel = store_int(&jr, 0, SJS_TE_VEREFFENEN, 0);
	int64_t erkend = strcmp(c->oordeel, "plausibel") == 0 ? plausibel
			 : strcmp(c->oordeel, "lager") == 0 ? c->erkend : 0;
	if (strcmp(c->oordeel, "plausibel") == 0 && c->erkend_gegeven && c->erkend != plausibel)
		error_add(e, "/erkend_cent", "bedrag_niet_gelijk", BRON, "Plausibel erkent het te vereffenen bedrag van de "
			  "jaarstaat: %" PRId64 " cent.", plausibel);
	if (strcmp(c->oordeel, "lager") == 0 && (!c->erkend_gegeven || c->erkend <= 0 || c->erkend >= plausibel))
		error_add(e, "/erkend_cent", "bedrag_niet_lager", BRON, "Lager erkent een bedrag tussen 0 en %" PRId64
			  " cent (niet plausibel is 0).", plausibel);
	if (strcmp(c->oordeel, "niet_plausibel") == 0 && c->erkend_gegeven && c->erkend != 0)
		error_add(e, "/erkend_cent", "bedrag_niet_nul", BRON, "Niet plausibel erkent 0 cent.");
	if (e->item_count > 0)
		return RC_INVALID;
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	int64_t id = 0;
	rc = store_rechtsoordeel_voeg_toe(s, c->id, c->oordeel, erkend, c->motivering, c->bevindingen, nu,
					  c->who->actor, &id, e);
	char object[48], detail[160];
	snprintf(object, sizeof object, "jaarstaat/%" PRId64, c->id);
	snprintf(detail, sizeof detail, "{\"oordeel\":\"%s\",\"erkend_cent\":%" PRId64 "}", c->oordeel, erkend);
	struct audit_entry ae = {c->who->actor, "rechtsoordeel.geef", object, "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	if (rc == RC_OK) {
		c->uit = staat_json(&jr, 0);
		oordeel_erbij(s, c->arena, c->uit, c->id, e);
		naam_erbij(s, c->arena, c->uit, e);
	}
	return rc;
}

rc_t jaarstaat_rechtsoordeel(struct store *s, const struct principal *who, const struct klok *klok,
			     int64_t jaarstaat_id, json_t *body, struct arena *arena, json_t **out,
			     struct error *e)
{
	static const char *const velden[] = {"oordeel", "erkend_cent", "motivering", "bevindingen", NULL};
	static const char *const bv[] = {"code", "bron", "tekst", NULL};
	struct oordeel_ctx c = {.who = who, .klok = klok, .id = jaarstaat_id, .arena = arena};
	json_reject_unknown(body, velden, "", e);
	if (json_get_string(body, "oordeel", true, "", &c.oordeel, e) && strcmp(c.oordeel, "plausibel") != 0 &&
	    strcmp(c.oordeel, "lager") != 0 && strcmp(c.oordeel, "niet_plausibel") != 0)
		error_add(e, "/oordeel", "onbekend", BRON, "Het oordeel is plausibel, lager of niet_plausibel.");
	c.erkend_gegeven = json_get_int(body, "erkend_cent", false, "", &c.erkend, e);
	if (json_get_string(body, "motivering", true, "", &c.motivering, e) &&
	    (!tekst_aanwezig(c.motivering) || strlen(c.motivering) > 20000))
		error_add(e, "/motivering", "motivering_ontbreekt", BRON, "Motiveer het oordeel (hoogstens 20.000 tekens).");
	json_t *bev = NULL;
	size_t n = 0;
	if (json_get_array(body, "bevindingen", false, "", &bev, e)) {
		json_t *x;
		size_t i;
		json_array_foreach(bev, i, x) {
			char waar[48];
			snprintf(waar, sizeof waar, "/bevindingen/%zu", i);
			const char *t = NULL;
			json_reject_unknown(x, bv, waar, e);
			json_get_string(x, "code", true, waar, &t, e);
			json_get_string(x, "bron", true, waar, &t, e);
			json_get_string(x, "tekst", true, waar, &t, e);
		}
		n = json_array_size(bev);
	}
	if (c.oordeel && strcmp(c.oordeel, "plausibel") != 0 && n == 0)
		error_add(e, "/bevindingen", "bevinding_ontbreekt", BRON,
			  "Een oordeel lager of niet plausibel noemt zijn bevindingen met hun bron.");
	if (e->item_count > 0)
		return error_set(e, RC_INVALID, "Het rechtsoordeel is niet geldig.");
	json_t *leeg = bev ? NULL : json_array();
	c.bevindingen = json_encode(arena, bev ? bev : leeg);
	json_decref(leeg);
	if (!c.bevindingen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc_t rc = store_tx(s, STORE_WRITE, oordeel_tx, &c, e);
	if (rc == RC_INVALID && e->message[0] == '\0')
		error_set(e, RC_INVALID, "Het rechtsoordeel is niet geldig.");
	if (rc == RC_CONFLICT) {
		char object[48];
		snprintf(object, sizeof object, "jaarstaat/%" PRId64, jaarstaat_id);
		e->rc = rc;
		toegang_weigering_vastleggen(s, who->actor, "rechtsoordeel.geef", object, e);
	}
	if (rc == RC_OK)
		*out = c.uit;
	else
		json_decref(c.uit);
	return rc;
}
