/*
 * spuk.c -- VWS's allocation of the social domain's pot through the SPUK,
 * the decisions, their payment and the municipalities' accountability, in
 * the ledger. See sociaal.h.
 */
#include "core/sociaal/sociaal_intern.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/bedrag.h"
#include "core/basis/besluitbrief.h"
#include "core/basis/document.h"
#include "core/toegang/namen.h"
#include "core/basis/json.h"
#include "core/geld/grootboek.h"
#include "core/sociaal/verdeelsleutel.h"
#include "core/toegang/identificatie.h"
#include "core/toegang/rol.h"
#include "store/store_partijen.h"
#include "store/store_sociaal.h"

#define BRON_SPUK "[003 D5], [001 \"Transformeren op het snijvlak\"]"
#define BRON_VERANTWOORDING "[001 §5] (regulier verantwoordingsregime SPUK), [002 §1]"
#define ONTVANGERS_MAX 1000

/* ---- the ledger ---- */

static rc_t rekening(struct store *s, const char *code, const char *naam, enum rekening_soort soort, unsigned vlag,
		     struct error *e)
{
	struct rekening_def d = {code, naam, soort, vlag};
	int64_t id;
	return grootboek_rekening_open(s, &d, &id, e);
}

/* Books a batch; a refusal becomes one problem (grootboek_weigeringen);
 * the ids of the entries in ids[] (may be NULL). */
static rc_t boek(struct store *s, struct arena *a, const struct boeking *b, size_t n, int64_t *ids, struct error *e)
{
	struct boeking_resultaat *res = arena_alloc(a, n * sizeof *res);
	if (!res)
		return error_set(e, RC_NOMEM, "Geen geheugen voor de boekingen.");
	rc_t rc = grootboek_boek(s, b, n, res, e);
	if (rc == RC_OK)
		rc = grootboek_weigeringen(b, res, n, e);
	for (size_t i = 0; rc == RC_OK && ids && i < n; i++)
		ids[i] = res[i].boeking_id;
	return rc;
}

/* The pot and the year's account, funded from the catalogue's tranches
 * (idempotent keys): bron/sociaal -> sociaal -> sociaal/<jaar>. */
static rc_t pot_inrichten(struct store *s, struct arena *a, const struct sociaal_catalogus *cat, int64_t jaar,
			  int64_t tranche, struct error *e)
{
	char jaarcode[32], sleutel[64];
	snprintf(jaarcode, sizeof jaarcode, "sociaal/%" PRId64, jaar);
	int64_t totaal = 0;
	for (size_t i = 0; i < cat->tranche_aantal; i++)
		if (!bedrag_tel_op(&totaal, cat->tranche_cent[i]))
			return error_set(e, RC_CONFLICT, "De tranches van de SPUK zijn te groot.");
	rc_t rc = rekening(s, "bron/sociaal", "Bron van de doorbraakmiddelen sociaal domein", REKENING_BRON, 0, e);
	if (rc == RC_OK)
		rc = rekening(s, "sociaal", "Sociaal domein 2027-2028 (SPUK AZWA)", REKENING_POT, REKENING_DEBET_BEGRENSD, e);
	if (rc == RC_OK)
		rc = rekening(s, jaarcode, "Sociaal domein, tranche van het jaar", REKENING_JAAR, REKENING_DEBET_BEGRENSD, e);
	snprintf(sleutel, sizeof sleutel, "sociaal/tranche/%" PRId64, jaar);
	struct boeking b[2] = {
		{"sociaal/pot", BOEKING_DIRECT, "bron/sociaal", "sociaal", totaal, NULL, "sociaal.pot",
		 "De 2 x EUR 100 mln voor het sociaal domein [001 §1], [003 D5]", false},
		{sleutel, BOEKING_DIRECT, "sociaal", jaarcode, tranche, NULL, "sociaal.tranche",
		 "De tranche van het jaar [003 D5]", false},
	};
	return rc == RC_OK ? boek(s, a, b, 2, NULL, e) : rc;
}

/* ---- allocation ---- */

struct toeken_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t jaar, pot;
	struct sociaal_catalogus cat;
	struct arena *a;
	int64_t id;
};

/* The recipients of the key over the region set: per region (weight: its
 * inhabitants or share; paid to its mandaatgemeente) or per municipality. */
static size_t ontvangers(json_t *sleutel, json_t *indeling, struct verdeelsleutel_deel *d, const char **cbs,
			 const char **regio, size_t max)
{
	bool per_regio = strcmp(json_string_value(json_object_get(sleutel, "niveau")) ?: "", "regio") == 0;
	bool aandelen = strcmp(json_string_value(json_object_get(sleutel, "grondslag")) ?: "", "aandelen") == 0;
	size_t n = 0, i, k, q;
	json_t *r, *g, *x;
	json_array_foreach(json_object_get(indeling, "regios"), i, r) {
		const char *code = json_string_value(json_object_get(r, "code"));
		int64_t som = 0;
		json_array_foreach(json_object_get(r, "gemeenten"), k, g) {
			const struct gemeente *gm = identificatie_gemeente(json_string_value(g));
			int64_t inw = gm ? gm->inwoners : 0;
			som += inw;
			if (!per_regio && n < max) {
				cbs[n] = json_string_value(g);
				regio[n] = code;
				d[n] = (struct verdeelsleutel_deel){cbs[n], inw};
				n++;
			}
		}
		if (per_regio && n < max) {
			cbs[n] = json_string_value(json_object_get(r, "mandaatgemeente"));
			regio[n] = code;
			d[n] = (struct verdeelsleutel_deel){code, som};
			n++;
		}
	}
	if (aandelen)
		for (size_t j = 0; j < n; j++)
			json_array_foreach(json_object_get(sleutel, "aandelen"), q, x)
				if (strcmp(json_string_value(json_object_get(x, "ontvanger")) ?: "", d[j].id) == 0)
					d[j].gewicht = json_integer_value(json_object_get(x, "aandeel_ppm"));
	return n;
}

static rc_t toeken_tx(struct store *s, void *ctx, struct error *e)
{
	struct toeken_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = store_spuk_toekenning_lijst(s, c->jaar, c->a, &r, e);
	if (rc == RC_OK && r.nrows)
		return error_set(e, RC_CONFLICT, "Voor %" PRId64 " is de SPUK al toegekend (één toekenning per jaar) %s.",
				 c->jaar, BRON_SPUK);
	json_t *sleutel = NULL, *indeling = NULL;
	int64_t sv = 0, iv = 0, tranche = 0;
	for (size_t i = 0; i < c->cat.tranche_aantal; i++)
		if (c->cat.tranche_jaar[i] == c->jaar)
			tranche = c->cat.tranche_cent[i];
	if (rc == RC_OK)
		rc = sociaal_vaststelling_huidig_tx(s, "verdeelsleutel", c->a, &sv, &sleutel, e);
	if (rc == RC_OK)
		rc = sociaal_vaststelling_huidig_tx(s, "regioindeling", c->a, &iv, &indeling, e);
	struct verdeelsleutel_deel *d = arena_alloc(c->a, ONTVANGERS_MAX * sizeof *d);
	const char **cbs = arena_alloc(c->a, ONTVANGERS_MAX * sizeof *cbs);
	const char **regio = arena_alloc(c->a, ONTVANGERS_MAX * sizeof *regio);
	int64_t *uit = arena_alloc(c->a, ONTVANGERS_MAX * sizeof *uit);
	if (rc == RC_OK && (!d || !cbs || !regio || !uit))
		rc = error_set(e, RC_NOMEM, "Geen geheugen voor de verdeling.");
	size_t n = rc == RC_OK ? ontvangers(sleutel, indeling, d, cbs, regio, ONTVANGERS_MAX) : 0;
	if (rc == RC_OK)
		rc = verdeelsleutel_verdeel(c->pot, d, n, uit, e);
	if (rc == RC_OK)
		rc = pot_inrichten(s, c->a, &c->cat, c->jaar, tranche, e);
	/* the parts reserve the year's account: never more than the pot [003 D5] */
	struct boeking *b = arena_alloc(c->a, (n ? n : 1) * sizeof *b);
	int64_t *bid = arena_alloc(c->a, (n ? n : 1) * sizeof *bid);
	size_t nb = 0;
	char jaarcode[32];
	snprintf(jaarcode, sizeof jaarcode, "sociaal/%" PRId64, c->jaar);
	for (size_t i = 0; rc == RC_OK && i < n; i++) {
		char *rek = arena_printf(c->a, "spuk/%" PRId64 "/%s", c->jaar, cbs[i]);
		rc = rek ? rekening(s, rek, "SPUK-ontvanger (gemeente) in een jaar", REKENING_OVERIG, REKENING_DEBET_BEGRENSD, e)
			 : error_set(e, RC_NOMEM, "Geen geheugen.");
		if (rc == RC_OK && uit[i] > 0)
			b[nb++] = (struct boeking){arena_printf(c->a, "spuk/%" PRId64 "/%s/toekenning", c->jaar, cbs[i]),
				BOEKING_RESERVERING, jaarcode, rek, uit[i], NULL, "spuk.toekenning",
				arena_printf(c->a, "SPUK %" PRId64 " voor %s (%s)", c->jaar, cbs[i], d[i].id), false};
	}
	if (rc == RC_OK && nb)
		rc = boek(s, c->a, b, nb, bid, e);
	json_t *delen = json_array();
	for (size_t i = 0; rc == RC_OK && i < n; i++) {
		const struct gemeente *gm = identificatie_gemeente(cbs[i]);
		json_array_append_new(delen, json_pack("{s:s, s:s, s:s, s:s?, s:I, s:I}", "ontvanger", d[i].id, "regio",
			regio[i], "cbs_code", cbs[i], "gemeente", gm ? gm->naam : NULL, "gewicht", (json_int_t)d[i].gewicht,
			"bedrag_cent", (json_int_t)uit[i]));
	}
	json_t *doc = json_pack("{s:I, s:I, s:I, s:I, s:O, s:o}", "jaar", (json_int_t)c->jaar, "pot_cent",
		(json_int_t)c->pot, "sleutel_versie", (json_int_t)sv, "regioindeling_versie", (json_int_t)iv, "sleutel",
		sleutel ? sleutel : json_null(), "delen", delen);
	const char *tekst = rc == RC_OK ? sociaal_tekst(doc, c->a) : NULL;
	json_decref(doc);
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	const char *niveau = json_string_value(json_object_get(sleutel, "niveau"));
	if (rc == RC_OK && !tekst)
		rc = error_set(e, RC_NOMEM, "Geen geheugen.");
	if (rc == RC_OK)
		rc = store_spuk_toekenning_voeg_toe(s, c->jaar, niveau, sv, iv, c->pot, tekst, nu, c->who->actor, &c->id, e);
	size_t k = 0;
	for (size_t i = 0; rc == RC_OK && i < n; i++) {
		struct store_rows o;
		rc = store_organisatie_by_identificatie(s, NULL, NULL, cbs[i], c->a, &o, e);
		int64_t org = rc == RC_OK && o.nrows ? store_int(&o, 0, SO_ID, 0) : 0, bs = 0;
		char kenmerk[48];
		snprintf(kenmerk, sizeof kenmerk, "SPUK-%" PRId64 "-%s", c->jaar, cbs[i]);
		int64_t res = uit[i] > 0 ? bid[k++] : 0;
		if (rc == RC_OK)
			rc = store_spuk_beschikking_voeg_toe(s, c->id, c->jaar, kenmerk, cbs[i], regio[i], org, uit[i], res, &bs, e);
	}
	if (rc == RC_OK) {
		char object[48], detail[160];
		snprintf(object, sizeof object, "spuk_toekenning/%" PRId64, c->id);
		snprintf(detail, sizeof detail, "{\"jaar\":%" PRId64 ",\"pot_cent\":%" PRId64 ",\"ontvangers\":%zu,"
			 "\"sleutel_versie\":%" PRId64 "}", c->jaar, c->pot, n, sv);
		rc = sociaal_audit(s, c->who, "spuk.toeken", object, detail, e);
	}
	json_decref(sleutel);
	json_decref(indeling);
	return rc;
}

rc_t spuk_toeken(struct store *s, const struct principal *who, const struct klok *klok, json_t *body,
		 struct arena *a, json_t **out, struct error *e)
{
	if (!(who->roles & ROL_VWS))
		return error_set(e, RC_FORBIDDEN, "VWS kent de SPUK toe %s.", BRON_SPUK);
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "Stuur de toekenning als JSON-object.");
	struct toeken_ctx *c = arena_alloc(a, sizeof *c);
	if (!c)
		return error_set(e, RC_NOMEM, "Geen geheugen.");
	*c = (struct toeken_ctx){.who = who, .klok = klok, .a = a};
	rc_t rc = sociaal_catalogus_lees(s, &c->cat, e);
	if (rc != RC_OK)
		return rc;
	static const char *const velden[] = {"jaar", "bedrag_cent", NULL};
	json_reject_unknown(body, velden, "", e);
	int64_t tranche = -1;
	if (json_get_int(body, "jaar", true, "", &c->jaar, e)) {
		for (size_t i = 0; i < c->cat.tranche_aantal; i++)
			if (c->cat.tranche_jaar[i] == c->jaar)
				tranche = c->cat.tranche_cent[i];
		if (tranche < 0)
			error_add(e, "/jaar", "geen_tranche", "[001 §1], [003 D5]",
				  "Voor %" PRId64 " heeft het sociaal domein geen tranche (wel: 2027 en 2028).", c->jaar);
	}
	c->pot = tranche;
	if (json_object_get(body, "bedrag_cent") && json_get_int(body, "bedrag_cent", false, "", &c->pot, e) &&
	    tranche >= 0 && (c->pot <= 0 || c->pot > tranche))
		error_add(e, "/bedrag_cent", "boven_pot", BRON_SPUK,
			  "De toekenning is een bedrag van EUR 0,01 tot de tranche van het jaar (%s).",
			  bedrag_tekst(tranche, (char[BEDRAG_TEKST_BYTES]){0}, BEDRAG_TEKST_BYTES));
	if (e->item_count || e->items_dropped)
		return RC_INVALID;
	rc = store_tx(s, STORE_WRITE, toeken_tx, c, e);
	if (rc != RC_OK)
		return rc;
	json_t *lijst = NULL;
	rc = spuk_toekenningen(s, a, &lijst, e);
	if (rc == RC_OK) {
		size_t i;
		json_t *t;
		json_array_foreach(json_object_get(lijst, "toekenningen"), i, t)
			if (json_integer_value(json_object_get(t, "jaar")) == c->jaar)
				*out = json_incref(t);
	}
	json_decref(lijst);
	return rc;
}

struct lijst_ctx {
	struct arena *a;
	int64_t id, jaar;
	const char *cbs;
	struct store_rows r;
};

static rc_t toekenningen_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	return store_spuk_toekenning_lijst(s, 0, c->a, &c->r, e);
}

rc_t spuk_toekenningen(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	struct lijst_ctx c = {.a = a};
	rc_t rc = store_tx(s, STORE_READ, toekenningen_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	json_t *lijst = json_array();
	for (size_t i = 0; i < c.r.nrows; i++) {
		json_t *doc = json_loads(store_text(&c.r, i, 6), 0, NULL);
		json_t *o = json_pack("{s:I, s:I, s:s, s:I, s:I, s:I, s:s, s:s}", "id", (json_int_t)store_int(&c.r, i, 0, 0),
			"jaar", (json_int_t)store_int(&c.r, i, 1, 0), "niveau", store_text(&c.r, i, 2), "sleutel_versie",
			(json_int_t)store_int(&c.r, i, 3, 0), "regioindeling_versie", (json_int_t)store_int(&c.r, i, 4, 0),
			"pot_cent", (json_int_t)store_int(&c.r, i, 5, 0), "toegekend_op", store_text(&c.r, i, 7),
			"toegekend_door", store_text(&c.r, i, 8));
		json_object_set(o, "sleutel", json_object_get(doc, "sleutel"));
		json_object_set(o, "delen", json_object_get(doc, "delen"));
		int64_t som = 0;
		size_t k;
		json_t *dl;
		json_array_foreach(json_object_get(doc, "delen"), k, dl)
			som += json_integer_value(json_object_get(dl, "bedrag_cent"));
		json_object_set_new(o, "som_delen_cent", json_integer(som));
		json_decref(doc);
		json_array_append_new(lijst, o);
	}
	*out = json_pack("{s:o}", "toekenningen", lijst);
	return RC_OK;
}

/* ---- decisions ---- */

/* Who reads decisions: VWS, the programme office, the board, the auditor
 * all (eigen = NULL); a municipality its own (*eigen its CBS code). */
static rc_t lezer(struct store *s, const struct principal *who, struct arena *a, const char **eigen, struct error *e)
{
	*eigen = NULL;
	if (who->roles & (ROL_VWS | ROL_PROGRAMMABUREAU | ROL_BESTUUR | ROL_AUDITOR))
		return RC_OK;
	rc_t rc = sociaal_gemeente_van(s, who, a, eigen, e);
	return rc == RC_OK ? RC_OK : error_set(e, RC_FORBIDDEN, "U leest geen SPUK-beschikkingen.");
}

static json_t *beschikking_json(const struct store_rows *r, size_t i)
{
	const struct gemeente *gm = identificatie_gemeente(store_text(r, i, SB_CBS));
	int64_t bedrag = store_int(r, i, SB_BEDRAG, 0), besteed = store_int(r, i, SB_BESTEED, 0);
	json_t *o = json_pack("{s:I, s:I, s:I, s:s, s:s, s:s?, s:s?, s:I, s:s, s:s, s:I, s:I, s:I, s:b}",
		"id", (json_int_t)store_int(r, i, SB_ID, 0), "toekenning_id", (json_int_t)store_int(r, i, SB_TOEKENNING, 0),
		"jaar", (json_int_t)store_int(r, i, SB_JAAR, 0), "kenmerk", store_text(r, i, SB_KENMERK), "cbs_code",
		store_text(r, i, SB_CBS), "gemeente", gm ? gm->naam : NULL, "regio", store_text(r, i, SB_REGIO),
		"bedrag_cent", (json_int_t)bedrag, "niveau", store_text(r, i, SB_NIVEAU), "toegekend_op",
		store_text(r, i, SB_TOEGEKEND_OP), "besteed_cent", (json_int_t)besteed, "teruggevorderd_cent",
		(json_int_t)store_int(r, i, SB_TERUG, 0), "sleutel_versie", (json_int_t)store_int(r, i, SB_SLEUTEL, 0),
		"eindverantwoording", store_int(r, i, SB_EIND, 0) == 1);
	json_zet_id_of_null(o, "organisatie_id", store_int(r, i, SB_ORGANISATIE, 0));
	if (store_text(r, i, SB_BETAALD_OP)) {
		json_object_set_new(o, "betaald_cent", json_integer(store_int(r, i, SB_BETAALD, 0)));
		json_object_set_new(o, "betaald_op", json_string(store_text(r, i, SB_BETAALD_OP)));
	} else {
		json_object_set_new(o, "betaald_cent", json_integer(0));
		json_object_set_new(o, "betaald_op", json_null());
	}
	return o;
}

struct beschikking_ctx {
	const struct principal *who;
	struct arena *a;
	int64_t id, jaar;
	struct store_rows r;
};

static rc_t beschikkingen_tx(struct store *s, void *ctx, struct error *e)
{
	struct beschikking_ctx *c = ctx;
	const char *eigen = NULL;
	rc_t rc = lezer(s, c->who, c->a, &eigen, e);
	if (rc == RC_OK)
		rc = store_spuk_beschikking_lijst(s, c->id, eigen, c->jaar, c->a, &c->r, e);
	if (rc == RC_OK && c->id && c->r.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Deze SPUK-beschikking bestaat niet.");
	return rc;
}

rc_t spuk_beschikkingen(struct store *s, const struct principal *who, int64_t id, int64_t jaar, struct arena *a,
			json_t **out, struct error *e)
{
	struct beschikking_ctx c = {.who = who, .a = a, .id = id, .jaar = jaar};
	rc_t rc = store_tx(s, STORE_READ, beschikkingen_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	if (id) {
		*out = beschikking_json(&c.r, 0);
		return RC_OK;
	}
	json_t *lijst = json_array();
	int64_t som = 0;
	for (size_t i = 0; i < c.r.nrows; i++) {
		json_array_append_new(lijst, beschikking_json(&c.r, i));
		som += store_int(&c.r, i, SB_BEDRAG, 0);
	}
	*out = json_pack("{s:o, s:I}", "beschikkingen", lijst, "totaal_cent", (json_int_t)som);
	return RC_OK;
}

/* ---- payment ---- */

struct stap_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t id;
	json_t *body;
	struct sociaal_catalogus cat;
	struct arena *a;
};

/* Reads decision `id` (VWS: any; a municipality: its own, else not found). */
static rc_t beschikking_laad(struct store *s, struct stap_ctx *c, struct store_rows *r, struct error *e)
{
	const char *eigen = NULL;
	rc_t rc = (c->who->roles & ROL_VWS) ? RC_OK : sociaal_gemeente_van(s, c->who, c->a, &eigen, e);
	if (rc == RC_OK)
		rc = store_spuk_beschikking_lijst(s, c->id, eigen, 0, c->a, r, e);
	if (rc == RC_OK && r->nrows != 1)
		rc = error_set(e, RC_NOT_FOUND, "Deze SPUK-beschikking bestaat niet.");
	return rc;
}

static rc_t betaal_tx(struct store *s, void *ctx, struct error *e)
{
	struct stap_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = beschikking_laad(s, c, &r, e);
	if (rc != RC_OK)
		return rc;
	if (store_text(&r, 0, SB_BETAALD_OP))
		return error_set(e, RC_CONFLICT, "Deze SPUK-beschikking is al betaald.");
	const char *regio = store_text(&r, 0, SB_REGIO), *cbs = store_text(&r, 0, SB_CBS);
	int64_t jaar = store_int(&r, 0, SB_JAAR, 0), bedrag = store_int(&r, 0, SB_BEDRAG, 0), boeking = 0;
	struct error le;
	error_clear(&le);
	if (!werkagenda_goedgekeurd_tx(s, regio, c->a, &le)) {
		if (le.rc != RC_OK)
			return error_set(e, le.rc, "%s", le.message);
		error_add(e, "", "werkagenda_niet_goedgekeurd", BRON_SPUK,
			  "Regio %s heeft nog geen definitieve werkagenda die VNG en ZN beide positief beoordeelden; "
			  "pas dan wordt de SPUK betaald.", regio);
		e->rc = RC_CONFLICT;
		return RC_CONFLICT;
	}
	if (bedrag > 0) {
		struct boeking b = {arena_printf(c->a, "spuk/%" PRId64 "/%s/betaling", jaar, cbs), BOEKING_VAN_RESERVERING,
				    NULL, NULL, bedrag, arena_printf(c->a, "spuk/%" PRId64 "/%s/toekenning", jaar, cbs),
				    "spuk.betaling", arena_printf(c->a, "Betaling %s", store_text(&r, 0, SB_KENMERK)), false};
		rc = boek(s, c->a, &b, 1, &boeking, e);
	}
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_spuk_betaling_voeg_toe(s, c->id, bedrag, boeking, nu, c->who->actor, e);
	if (rc == RC_OK) {
		char object[48], detail[96];
		snprintf(object, sizeof object, "spuk_beschikking/%" PRId64, c->id);
		snprintf(detail, sizeof detail, "{\"bedrag_cent\":%" PRId64 ",\"boeking\":%" PRId64 "}", bedrag, boeking);
		rc = sociaal_audit(s, c->who, "spuk.betaal", object, detail, e);
	}
	return rc;
}

rc_t spuk_betaal(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
		 struct arena *a, json_t **out, struct error *e)
{
	if (!(who->roles & ROL_VWS))
		return error_set(e, RC_FORBIDDEN, "VWS betaalt de SPUK %s.", BRON_SPUK);
	struct stap_ctx c = {.who = who, .klok = klok, .id = id, .a = a};
	rc_t rc = store_tx(s, STORE_WRITE, betaal_tx, &c, e);
	return rc == RC_OK ? spuk_beschikkingen(s, who, id, 0, a, out, e) : rc;
}

/* ---- accountability ---- */

static rc_t verantwoord_tx(struct store *s, void *ctx, struct error *e)
{
	struct stap_ctx *c = ctx;
	struct store_rows r, v;
	rc_t rc = beschikking_laad(s, c, &r, e);
	if (rc == RC_OK)
		rc = store_spuk_verantwoording_lijst(s, c->id, c->a, &v, e);
	if (rc != RC_OK)
		return rc;
	if (!store_text(&r, 0, SB_BETAALD_OP))
		return error_set(e, RC_CONFLICT, "Deze SPUK-beschikking is nog niet betaald; er is niets te verantwoorden.");
	if (store_int(&r, 0, SB_EIND, 0) == 1)
		return error_set(e, RC_CONFLICT, "De eindverantwoording is al ingediend %s.", BRON_VERANTWOORDING);
	static const char *const velden[] = {"jaar", "besteed_cent", "basisfunctionaliteiten", "toelichting",
					     "eindverantwoording", NULL};
	json_reject_unknown(c->body, velden, "", e);
	int64_t jaar = 0, besteed = -1, van = store_int(&r, 0, SB_JAAR, 0);
	if (json_get_int(c->body, "jaar", true, "", &jaar, e) && (jaar < van || jaar > c->cat.tot_jaar))
		error_add(e, "/jaar", "jaar_buiten_periode", BRON_VERANTWOORDING,
			  "Verantwoord een jaar van %" PRId64 " tot en met %" PRId64 " (een deel mag in %" PRId64
			  " worden besteed).", van, c->cat.tot_jaar, c->cat.tot_jaar);
	for (size_t i = 0; i < v.nrows; i++)
		if (store_int(&v, i, 0, 0) == jaar)
			error_add(e, "/jaar", "al_verantwoord", BRON_VERANTWOORDING, "Jaar %" PRId64 " is al verantwoord.", jaar);
	if (json_get_int(c->body, "besteed_cent", true, "", &besteed, e) && besteed < 0)
		error_add(e, "/besteed_cent", "bedrag_ongeldig", BRON_VERANTWOORDING, "Besteed is een bedrag in euro's, niet negatief.");
	int64_t som = 0, eerder = store_int(&r, 0, SB_BESTEED, 0), betaald = store_int(&r, 0, SB_BETAALD, 0);
	size_t i;
	json_t *b;
	bool gezien[SOCIAAL_BF_MAX] = {false};
	json_array_foreach(json_object_get(c->body, "basisfunctionaliteiten"), i, b) {
		char w[48];
		snprintf(w, sizeof w, "/basisfunctionaliteiten/%zu", i);
		int k = sociaal_bf_index(&c->cat, json_string_value(json_object_get(b, "id")));
		int64_t x = -1;
		json_get_int(b, "besteed_cent", true, w, &x, e);
		if (k < 0 || gezien[k])
			error_add(e, w, "basisfunctionaliteit_onbekend", "[002 §4.3]", "Onbekende of dubbele basisfunctionaliteit.");
		else
			gezien[k] = true;
		if (x < 0 || !bedrag_tel_op(&som, x))
			error_add(e, w, "bedrag_ongeldig", BRON_VERANTWOORDING, "Een bedrag in euro's, niet negatief.");
	}
	if (besteed >= 0 && som != besteed)
		error_add(e, "/basisfunctionaliteiten", "som_klopt_niet", BRON_VERANTWOORDING,
			  "De bedragen per basisfunctionaliteit tellen op tot %s, niet tot het besteed bedrag %s "
			  "(één indicatorenset per jaar).", bedrag_tekst(som, (char[BEDRAG_TEKST_BYTES]){0}, BEDRAG_TEKST_BYTES),
			  bedrag_tekst(besteed, (char[BEDRAG_TEKST_BYTES]){0}, BEDRAG_TEKST_BYTES));
	int64_t cum = eerder;
	if (besteed >= 0 && (!bedrag_tel_op(&cum, besteed) || cum > betaald))
		error_add(e, "/besteed_cent", "meer_dan_ontvangen", BRON_VERANTWOORDING,
			  "Samen met eerdere jaren is meer besteed (%s) dan ontvangen (%s); verantwoord alleen de SPUK.",
			  bedrag_tekst(cum, (char[BEDRAG_TEKST_BYTES]){0}, BEDRAG_TEKST_BYTES),
			  bedrag_tekst(betaald, (char[BEDRAG_TEKST_BYTES]){0}, BEDRAG_TEKST_BYTES));
	bool eind = json_is_true(json_object_get(c->body, "eindverantwoording")) || jaar == c->cat.tot_jaar;
	if (e->item_count || e->items_dropped)
		return RC_INVALID;
	int64_t terug = eind ? betaald - cum : 0, boeking = 0;
	const char *cbs = store_text(&r, 0, SB_CBS);
	int64_t tjaar = store_int(&r, 0, SB_JAAR, 0);
	if (terug > 0) {
		/* what is not spent returns to the pot's year [001 §5] */
		struct boeking bk = {arena_printf(c->a, "spuk/%" PRId64 "/%s/terugvordering", tjaar, cbs), BOEKING_DIRECT,
				     arena_printf(c->a, "spuk/%" PRId64 "/%s", tjaar, cbs),
				     arena_printf(c->a, "sociaal/%" PRId64, tjaar), terug, NULL, "spuk.terugvordering",
				     arena_printf(c->a, "Niet besteed: terug van %s", store_text(&r, 0, SB_KENMERK)), false};
		rc = boek(s, c->a, &bk, 1, &boeking, e);
	}
	const char *tekst = rc == RC_OK ? sociaal_tekst(c->body, c->a) : NULL;
	char nu[KLOK_TEKST_BYTES];
	klok_nu_tekst(c->klok, nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_spuk_verantwoording_voeg_toe(s, c->id, jaar, besteed, eind, terug, boeking, tekst, nu, c->who->actor, e);
	if (rc == RC_OK) {
		char object[48], detail[160];
		snprintf(object, sizeof object, "spuk_beschikking/%" PRId64, c->id);
		snprintf(detail, sizeof detail, "{\"jaar\":%" PRId64 ",\"besteed_cent\":%" PRId64 ",\"eind\":%s,"
			 "\"teruggevorderd_cent\":%" PRId64 "}", jaar, besteed, eind ? "true" : "false", terug);
		rc = sociaal_audit(s, c->who, "spuk.verantwoord", object, detail, e);
	}
	return rc;
}

rc_t spuk_verantwoord(struct store *s, const struct principal *who, const struct klok *klok, int64_t id,
		      json_t *body, struct arena *a, json_t **out, struct error *e)
{
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "Stuur de verantwoording als JSON-object.");
	if (!(who->roles & ROL_GEMEENTE))
		return error_set(e, RC_FORBIDDEN, "De ontvangende gemeente verantwoordt de SPUK %s.", BRON_VERANTWOORDING);
	struct stap_ctx *c = arena_alloc(a, sizeof *c);
	if (!c)
		return error_set(e, RC_NOMEM, "Geen geheugen.");
	*c = (struct stap_ctx){.who = who, .klok = klok, .id = id, .body = body, .a = a};
	rc_t rc = sociaal_catalogus_lees(s, &c->cat, e);
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, verantwoord_tx, c, e);
	return rc == RC_OK ? spuk_beschikkingen(s, who, id, 0, a, out, e) : rc;
}

/* ---- the decision as a document ---- */

#define MINISTER "De Minister van Volksgezondheid, Welzijn en Sport"

rc_t spuk_document(struct store *s, const struct principal *who, int64_t id, bool pdf, struct arena *a,
		   const void **data, size_t *len, struct error *e)
{
	struct beschikking_ctx c = {.who = who, .a = a, .id = id};
	rc_t rc = store_tx(s, STORE_READ, beschikkingen_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	const struct store_rows *r = &c.r;
	const struct gemeente *gm = identificatie_gemeente(store_text(r, 0, SB_CBS));
	const char *gemeente = gm ? arena_strdup(a, gm->naam) : store_text(r, 0, SB_CBS);
	bool per_regio = strcmp(store_text(r, 0, SB_NIVEAU), "regio") == 0;
	struct document d;
	if (!document_begin(&d, a, 64))
		return error_set(e, RC_NOMEM, "Geen geheugen voor het document.");
	const char *jaar = arena_printf(a, "%" PRId64, store_int(r, 0, SB_JAAR, 0));
	const char *naam = NULL, *functie = NULL, *door = store_text(r, 0, SB_TOEGEKEND_DOOR);
	rc = namen_persoon(s, a, door, &naam, &functie, e);
	if (rc != RC_OK)
		return rc;
	document_voeg(&d, BLOK_TITEL, NULL, 1, arena_printf(a, "Beschikking specifieke uitkering AZWA %s", jaar));
	besluitbrief_kop(&d, &(struct besluitbrief_kop){
		.afzender = MINISTER, .afzender_plaats = "Den Haag",
		.aan = arena_printf(a, "Het college van burgemeester en wethouders van %s", gemeente),
		.moment = store_text(r, 0, SB_TOEGEKEND_OP), .kenmerk = store_text(r, 0, SB_KENMERK),
		.onderwerp = "Doorbraakmiddelen sociaal domein: versneld opschalen van de basisfunctionaliteiten",
	});
	document_voeg(&d, BLOK_KOP, NULL, 1, "Besluit");
	document_voeg(&d, BLOK_ALINEA, NULL, 1, arena_printf(a,
		"Aan uw gemeente wordt voor het jaar %s een specifieke uitkering verstrekt van %s%s. Het bedrag is "
		"bepaald met de generieke verdeelsleutel (versie %" PRId64 ") en in hele centen verdeeld met de methode "
		"van de grootste resten, zodat de delen samen precies het beschikbare bedrag zijn [003 D5].", jaar,
		document_bedrag(a, store_int(r, 0, SB_BEDRAG, 0)),
		per_regio ? arena_printf(a, ", als mandaatgemeente namens regio %s", store_text(r, 0, SB_REGIO)) : "",
		store_int(r, 0, SB_SLEUTEL, 0)));
	document_voeg(&d, BLOK_KOP, NULL, 1, "Besteding en voorwaarden");
	document_voeg(&d, BLOK_ALINEA, NULL, 1,
		"De uitkering is bestemd voor het versneld opschalen van de basisfunctionaliteiten volgens de "
		"regionale werkagenda die alle gemeenten van de regio hebben ondertekend [001 \"Transformeren op het "
		"snijvlak\"], [002 §4.3]. De uitkering wordt betaald zodra de werkagenda van de regio definitief is en "
		"door VNG en ZN positief is beoordeeld. Een deel mag in 2029 worden besteed [002 §1].");
	document_voeg(&d, BLOK_KOP, NULL, 1, "Verantwoording");
	document_voeg(&d, BLOK_ALINEA, NULL, 1,
		"Het reguliere verantwoordingsregime van specifieke uitkeringen is van toepassing: u verantwoordt per "
		"jaar de besteding met één indicatorenset (single information, single audit). Wat na de "
		"eindverantwoording niet is besteed, wordt teruggevorderd [001 §5].");
	document_voeg(&d, BLOK_KOP, NULL, 1, "Grondslag");
	document_voeg(&d, BLOK_ALINEA, NULL, 1,
		"Financiële-verhoudingswet, artikel 17 (specifieke uitkeringen); de voorgenomen specifieke uitkering "
		"AZWA voor de jaren 2027-2029 [001 \"Transformeren op het snijvlak\"], [003 D5].");
	besluitbrief_ondertekening(&d, MINISTER, naam, functie, door);
	besluitbrief_bezwaar(&d, "de Minister van Volksgezondheid, Welzijn en Sport", "Den Haag");
	if (d.vol)
		return error_set(e, RC_NOMEM, "Het document past niet.");
	const char *titel = arena_printf(a, "SPUK AZWA %s %s", jaar, gemeente);
	if (pdf) {
		const unsigned char *p = NULL;
		rc = document_pdf(&d, titel, "Ministerie van VWS", &p, len, e);
		*data = p;
		return rc;
	}
	const char *h = NULL;
	rc = document_html(&d, titel, &h, len, e);
	*data = h;
	return rc;
}
