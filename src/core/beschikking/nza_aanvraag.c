/*
 * nza_aanvraag.c -- the joint request to NZa: reading the body,
 * making it, signing and submitting it, access and listing. See
 * nza_aanvraag.h and docs/beschikking.md §2.
 */
#include "core/beschikking/nza_aanvraag.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_beschikking.h"
#include "store/store_grootboek.h"
#include "core/aanvraag/aanvraag.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/basis/audit.h"
#include "core/geld/grootboek.h"
#include "core/aanvraag/indiening.h"
#include "core/basis/json.h"
#include "core/basis/klok.h"
#include "core/basis/tekst.h"
#include "core/basis/bedrag.h"

const char *const nza_aanvraag_verklaring_namen[NZA_AANVRAAG_VERKLARING__COUNT] = {
	"aanpassingen_positief_beoordeeld", "randvoorwaardelijk_voor_zvw_zorg",
	"geen_individuele_zorgverlening", "eigen_zvw_zorg", "geen_staatssteun",
	"waarborgen_concurrentievoordeel",
};

static const char *const verklaring_bron[NZA_AANVRAAG_VERKLARING__COUNT] = {
	"[001 §3]", "[001 \"Werkwijze\"]", "[001 \"Werkwijze\"]", "[001 \"Werkwijze\"]",
	"[001 \"Werkwijze\"]", "[001 \"Werkwijze\"]",
};

static const char *const *nza_aanvraag_verklaring_namen_lijst(void)
{
	static const char *lijst[NZA_AANVRAAG_VERKLARING__COUNT + 1];
	for (size_t i = 0; i < NZA_AANVRAAG_VERKLARING__COUNT; i++)
		lijst[i] = nza_aanvraag_verklaring_namen[i];
	lijst[NZA_AANVRAAG_VERKLARING__COUNT] = NULL;
	return lijst;
}

/* ---- reading the body ------------------------------------------------------ */

static void lees_jaren_lijst(json_t *lijst, struct nza_aanvraag_invoer *out, struct error *e)
{
	if (!json_is_array(lijst)) {
		error_add(e, "/jaarverdeling", "type", NULL, "jaarverdeling is een lijst van {jaar, bedrag_cent}.");
		return;
	}
	if (json_array_size(lijst) == 0 || json_array_size(lijst) > NZA_AANVRAAG_JAREN_MAX) {
		error_add(e, "/jaarverdeling", "aantal", "[003 §8b]",
			  "jaarverdeling noemt 1 tot %d jaren.", NZA_AANVRAAG_JAREN_MAX);
		return;
	}
	static const char *const velden[] = {"jaar", "bedrag_cent", NULL};
	size_t i;
	json_t *v;
	json_array_foreach(lijst, i, v) {
		char waar[48];
		snprintf(waar, sizeof waar, "/jaarverdeling/%zu", i);
		if (!json_is_object(v)) {
			error_add(e, waar, "type", NULL, "Elk jaar is een object {jaar, bedrag_cent}.");
			continue;
		}
		json_reject_unknown(v, velden, waar, e);
		int64_t jaar = 0, bedrag = 0;
		bool ok = json_get_int(v, "jaar", true, waar, &jaar, e);
		ok = json_get_int(v, "bedrag_cent", true, waar, &bedrag, e) && ok;
		if (!ok)
			continue;
		if (jaar < 2000 || jaar > 2100)
			error_add(e, waar, "jaar_ongeldig", NULL, "Het jaar %" PRId64 " is geen begrotingsjaar.", jaar);
		if (bedrag < 0)
			error_add(e, waar, "bedrag_negatief", NULL, "Een bedrag is niet negatief.");
		if (i > 0 && out->jaar_aantal == i && jaar <= out->jaren[i - 1].jaar)
			error_add(e, waar, "jaren_volgorde", NULL, "De jaren staan oplopend en elk één keer.");
		if (out->jaar_aantal == i) {
			out->jaren[i] = (struct nza_aanvraag_jaar){jaar, bedrag};
			out->jaar_aantal++;
		}
	}
}

/* Reads jaarverdeling and records whether it was well formed. */
static void lees_jaren(json_t *lijst, struct nza_aanvraag_invoer *out, struct error *e)
{
	size_t voor = e->item_count + e->items_dropped;
	lees_jaren_lijst(lijst, out, e);
	out->jaren_geldig = e->item_count + e->items_dropped == voor;
}

static void lees_verklaringen(json_t *body, struct nza_aanvraag_invoer *out, struct error *e)
{
	json_t *v = NULL;
	json_get_object(body, "verklaringen", false, "", &v, e);
	json_reject_unknown(v, nza_aanvraag_verklaring_namen_lijst(), "/verklaringen", e);
	for (size_t i = 0; i < NZA_AANVRAAG_VERKLARING__COUNT; i++) {
		json_t *x = v ? json_object_get(v, nza_aanvraag_verklaring_namen[i]) : NULL;
		char waar[80];
		snprintf(waar, sizeof waar, "/verklaringen/%s", nza_aanvraag_verklaring_namen[i]);
		if (x && !json_is_boolean(x))
			error_add(e, waar, "type", NULL, "Een verklaring is true of false.");
		else if (!json_is_true(x))
			error_add(e, waar, "verklaring_ontbreekt", verklaring_bron[i],
				  "De verzekeraars verklaren dit; zonder deze verklaring neemt de NZa de "
				  "aanvraag niet in behandeling.");
		out->verklaringen[i] = json_is_true(x);
	}
}

static void lees_contract(json_t *body, struct nza_aanvraag_invoer *out, struct error *e)
{
	json_t *c = NULL;
	size_t voor = e->item_count;
	json_get_object(body, "contract", false, "", &c, e);
	if (!c) {
		if (e->item_count == voor)
			error_add(e, "/contract", "contract_ontbreekt", "[001 §3]",
				  "De overeenkomst tussen verzekeraar en zorgaanbieders (datum en kenmerk) "
				  "is vereist (contractvereiste).");
		return;
	}
	static const char *const velden[] = {"datum", "kenmerk", NULL};
	json_reject_unknown(c, velden, "/contract", e);
	const char *datum = NULL, *kenmerk = NULL;
	voor = e->item_count;
	json_get_string(c, "datum", false, "/contract", &datum, e);
	json_get_string(c, "kenmerk", false, "/contract", &kenmerk, e);
	if (e->item_count != voor)
		return;
	int64_t dag;
	if (!datum)
		error_add(e, "/contract/datum", "contract_ontbreekt", "[001 §3]",
			  "De overeenkomst heeft een datum (contractvereiste).");
	else if (strlen(datum) != 10 || !klok_datum_lees(datum, &dag))
		error_add(e, "/contract/datum", "datum_ongeldig", NULL, "De datum is JJJJ-MM-DD.");
	else
		out->contract_datum = datum;
	if (!tekst_aanwezig(kenmerk))
		error_add(e, "/contract/kenmerk", "contract_ontbreekt", "[001 §3]",
			  "De overeenkomst heeft een kenmerk (contractvereiste); alleen spaties of "
			  "onzichtbare tekens tellen niet.");
	else if (strlen(kenmerk) > NZA_AANVRAAG_KENMERK_MAX)
		error_add(e, "/contract/kenmerk", "te_lang", NULL, "Het kenmerk is ten hoogste %d tekens.",
			  NZA_AANVRAAG_KENMERK_MAX);
	else
		out->contract_kenmerk = kenmerk;
}

rc_t nza_aanvraag_lees(json_t *body, struct nza_aanvraag_invoer *out, struct error *e)
{
	static const char *const velden[] = {"aanvraag_id", "bovengrens_cent", "jaarverdeling",
					     "verklaringen", "contract", NULL};
	struct nza_aanvraag_invoer in;
	memset(&in, 0, sizeof in);
	*out = in;
	if (!json_is_object(body)) {
		error_add(e, "", "type", NULL, "De body is een JSON-object.");
		return RC_INVALID;
	}
	json_reject_unknown(body, velden, "", e);
	json_get_int(body, "aanvraag_id", true, "", &in.aanvraag_id, e);
	json_t *bg = json_object_get(body, "bovengrens_cent");
	if (bg && !json_is_null(bg)) {
		in.bovengrens_gegeven = true;
		in.bovengrens_geldig = json_get_int(body, "bovengrens_cent", true, "", &in.bovengrens_cent, e);
		if (in.bovengrens_geldig && in.bovengrens_cent <= 0) {
			in.bovengrens_geldig = false;
			error_add(e, "/bovengrens_cent", "bedrag_niet_positief", "[001 §3]",
				  "De voorgestelde bovengrens is groter dan nul.");
		}
	}
	json_t *jaren = json_object_get(body, "jaarverdeling");
	if (jaren && !json_is_null(jaren)) {
		in.jaren_gegeven = true;
		lees_jaren(jaren, &in, e);
	}
	lees_verklaringen(body, &in, e);
	lees_contract(body, &in, e);
	if (in.aanvraag_id < 0)
		in.aanvraag_id = 0;
	*out = in;
	return e->item_count || e->items_dropped ? RC_INVALID : RC_OK;
}

size_t nza_aanvraag_standaard_jaren(const struct nza_aanvraag_jaar *toegekend, size_t n, int64_t bovengrens_cent,
			   struct nza_aanvraag_jaar out[NZA_AANVRAAG_JAREN_MAX])
{
	struct nza_aanvraag_jaar tmp[NZA_AANVRAAG_JAREN_MAX];
	int64_t som = 0;
	n = n > NZA_AANVRAAG_JAREN_MAX ? NZA_AANVRAAG_JAREN_MAX : n;
	for (size_t i = 0; i < n; i++) {
		tmp[i] = toegekend[i];
		if (!bedrag_tel_op(&som, toegekend[i].bedrag_cent))
			som = INT64_MAX;   /* saturate: lowers from the last year on anyway */
	}
	int64_t teveel = som > bovengrens_cent ? som - bovengrens_cent : 0;
	for (size_t k = n; k-- > 0 && teveel > 0;) {
		int64_t eraf = tmp[k].bedrag_cent < teveel ? tmp[k].bedrag_cent : teveel;
		tmp[k].bedrag_cent -= eraf;
		teveel -= eraf;
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (tmp[i].bedrag_cent > 0)
			out[m++] = tmp[i];
	return m;
}

/* ---- JSON shapes --------------------------------------------------------------- */

json_t *nza_aanvraag_jaren_json(const struct nza_aanvraag_jaar *jaren, size_t n)
{
	json_t *l = json_array();
	for (size_t i = 0; l && i < n; i++)
		json_array_append_new(l, json_pack("{s:I, s:I}", "jaar", (json_int_t)jaren[i].jaar,
						   "bedrag_cent", (json_int_t)jaren[i].bedrag_cent));
	return l;
}

bool nza_aanvraag_jaren_uit_tekst(const char *tekst, struct nza_aanvraag_jaar out[NZA_AANVRAAG_JAREN_MAX], size_t *n)
{
	json_t *l = tekst ? json_loads(tekst, 0, NULL) : NULL;
	*n = 0;
	if (!json_is_array(l) || json_array_size(l) > NZA_AANVRAAG_JAREN_MAX) {
		json_decref(l);
		return false;
	}
	size_t i;
	json_t *v;
	json_array_foreach(l, i, v) {
		out[i].jaar = json_integer_value(json_object_get(v, "jaar"));
		out[i].bedrag_cent = json_integer_value(json_object_get(v, "bedrag_cent"));
	}
	*n = json_array_size(l);
	json_decref(l);
	return true;
}

static json_t *verklaringen_json(const bool *v)
{
	json_t *o = json_object();
	for (size_t i = 0; o && i < NZA_AANVRAAG_VERKLARING__COUNT; i++)
		json_object_set_new(o, nza_aanvraag_verklaring_namen[i], json_boolean(v[i]));
	return o;
}

/* The content that is signed: canonical JSON, hashed. */
static json_t *inhoud_json(int64_t aanvraag_id, int64_t versie, int64_t toegekend,
			   int64_t bovengrens, const struct nza_aanvraag_jaar *jaren, size_t n,
			   const bool *verklaringen, const char *datum, const char *kenmerk)
{
	return json_pack("{s:s, s:I, s:I, s:I, s:I, s:o, s:o, s:{s:s, s:s}}",
		"soort", "tweezijdige_aanvraag", "aanvraag_id", (json_int_t)aanvraag_id,
		"versie", (json_int_t)versie, "toegekend_cent", (json_int_t)toegekend,
		"bovengrens_cent", (json_int_t)bovengrens, "jaarverdeling", nza_aanvraag_jaren_json(jaren, n),
		"verklaringen", verklaringen_json(verklaringen),
		"contract", "datum", datum, "kenmerk", kenmerk);
}

json_t *nza_aanvraag_json(const struct nza_aanvraag *t)
{
	json_t *ond = json_array();
	static const char *const partijen[2] = {"coordinerend_verzekeraar", "penvoerder"};
	for (size_t i = 0; ond && i < 2; i++) {
		if (!t->ondertekening[i].getekend)
			continue;
		json_array_append_new(ond, json_pack("{s:s, s:I, s:s, s:s}", "partij", partijen[i],
			"organisatie_id", (json_int_t)t->ondertekening[i].organisatie_id,
			"ondertekend_door", t->ondertekening[i].door, "ondertekend_op", t->ondertekening[i].op));
	}
	json_t *j = json_pack("{s:I, s:I, s:I, s:s, s:I, s:I, s:o, s:o, s:{s:s, s:s}, s:s, s:s, s:o,"
			      " s:s, s:s, s:I, s:I}",
		"id", (json_int_t)t->id, "aanvraag_id", (json_int_t)t->aanvraag_id,
		"versie", (json_int_t)t->versie, "thema", t->thema,
		"toegekend_cent", (json_int_t)t->toegekend_cent,
		"bovengrens_cent", (json_int_t)t->bovengrens_cent,
		"jaarverdeling", nza_aanvraag_jaren_json(t->jaren, t->jaar_aantal),
		"verklaringen", verklaringen_json(t->verklaringen),
		"contract", "datum", t->contract_datum, "kenmerk", t->contract_kenmerk,
		"sha256", t->sha256, "status", t->status, "ondertekeningen", ond ? ond : json_array(),
		"aangemaakt_op", t->aangemaakt_op, "aangemaakt_door", t->aangemaakt_door,
		"penvoerder_id", (json_int_t)t->penvoerder_id,
		"coordinerend_verzekeraar_id", (json_int_t)t->coordinerend_verzekeraar_id);
	if (j)
		json_object_set_new(j, "ingediend_op", t->ingediend_op ? json_string(t->ingediend_op)
								      : json_null());
	return j;
}

/* ---- reading stored requests ------------------------------------------------------ */

void nza_aanvraag_uit_rij(const struct store_rows *r, size_t i, struct nza_aanvraag *o)
{
	memset(o, 0, sizeof *o);
	o->id = store_int(r, i, SN_ID, 0);
	o->aanvraag_id = store_int(r, i, SN_AANVRAAG, 0);
	o->versie = store_int(r, i, SN_VERSIE, 0);
	o->thema = store_text(r, i, SN_THEMA);
	o->toegekend_cent = store_int(r, i, SN_TOEGEKEND, 0);
	o->bovengrens_cent = store_int(r, i, SN_BOVENGRENS, 0);
	if (!nza_aanvraag_jaren_uit_tekst(store_text(r, i, SN_JAREN), o->jaren, &o->jaar_aantal))
		o->jaar_aantal = 0;
	json_t *v = json_loads(store_text(r, i, SN_VERKLARINGEN), 0, NULL);
	for (size_t k = 0; k < NZA_AANVRAAG_VERKLARING__COUNT; k++)
		o->verklaringen[k] = json_is_true(json_object_get(v, nza_aanvraag_verklaring_namen[k]));
	json_decref(v);
	o->contract_datum = store_text(r, i, SN_CONTRACT_DATUM);
	o->contract_kenmerk = store_text(r, i, SN_CONTRACT_KENMERK);
	o->sha256 = store_text(r, i, SN_SHA256);
	o->status = store_text(r, i, SN_STATUS);
	o->ingediend_op = store_text(r, i, SN_INGEDIEND_OP);
	o->aangemaakt_op = store_text(r, i, SN_AANGEMAAKT_OP);
	o->aangemaakt_door = store_text(r, i, SN_AANGEMAAKT_DOOR);
	o->penvoerder_id = store_int(r, i, SN_PENVOERDER, 0);
	o->coordinerend_verzekeraar_id = store_int(r, i, SN_COORDINEREND, 0);
	o->tweede_verzekeraar_id = store_int(r, i, SN_TWEEDE, 0);
}

static rc_t ondertekeningen_tx(struct store *s, struct arena *arena,
			       struct nza_aanvraag *t, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_ondertekeningen(s, t->id, arena, &r, e);
	for (size_t i = 0; rc == RC_OK && i < r.nrows; i++) {
		const char *partij = store_text(&r, i, SO_PARTIJ);
		size_t k = strcmp(partij, "penvoerder") == 0 ? NZA_AANVRAAG_PENVOERDER : NZA_AANVRAAG_VERZEKERAAR;
		t->ondertekening[k].getekend = true;
		t->ondertekening[k].organisatie_id = store_int(&r, i, SO_ORGANISATIE, 0);
		t->ondertekening[k].door = store_text(&r, i, SO_DOOR);
		t->ondertekening[k].op = store_text(&r, i, SO_OP);
	}
	return rc;
}

rc_t nza_aanvraag_lees_tx(struct store *s, struct arena *arena, int64_t id, int64_t aanvraag_id,
		 struct nza_aanvraag *out, struct error *e)
{
	struct store_rows r;
	rc_t rc = id ? store_nza_aanvraag_lees(s, id, arena, &r, e)
		     : store_nza_aanvraag_bij_aanvraag(s, aanvraag_id, arena, &r, e);
	if (rc == RC_OK && r.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	if (rc != RC_OK)
		return rc;
	nza_aanvraag_uit_rij(&r, 0, out);
	return ondertekeningen_tx(s, arena, out, e);
}

rc_t nza_aanvraag_toekenning_tx(struct store *s, struct arena *arena, int64_t aanvraag_id,
		       struct nza_aanvraag_jaar out[NZA_AANVRAAG_JAREN_MAX], size_t *n, const char **thema,
		       struct error *e)
{
	struct store_rows r;
	*n = 0;
	*thema = NULL;
	rc_t rc = store_toekenning_lees(s, aanvraag_id, arena, &r, e);
	if (rc != RC_OK)
		return rc;
	if (r.nrows > NZA_AANVRAAG_JAREN_MAX)
		return error_set(e, RC_INTERNAL, "Toekenning over meer dan %d jaren.", NZA_AANVRAAG_JAREN_MAX);
	for (size_t i = 0; i < r.nrows; i++) {
		out[i].jaar = store_int(&r, i, 1, 0);
		out[i].bedrag_cent = store_int(&r, i, 2, 0);
		*thema = store_text(&r, i, 0);
	}
	*n = r.nrows;
	return RC_OK;
}

enum nza_aanvraag_toegang nza_aanvraag_toegang(const struct principal *who, const struct nza_aanvraag *t)
{
	if (!who || !t)
		return NZA_AANVRAAG_GEEN;
	/* reading only: the auditor, the board and the programme office [001 "Vervolgproces"] */
	if (who->roles & (ROL_AUDITOR | ROL_BESTUUR | ROL_PROGRAMMABUREAU))
		return NZA_AANVRAAG_ALS_LEZER;
	if ((who->roles & ROL_NZA) && strcmp(t->status, "ondertekening") != 0)
		return NZA_AANVRAAG_ALS_NZA;
	int64_t org = who->organisatie_id;
	if (org <= 0)
		return NZA_AANVRAAG_GEEN;
	if ((who->roles & ROL_BEOORDELAAR) && org == t->coordinerend_verzekeraar_id)
		return NZA_AANVRAAG_ALS_VERZEKERAAR;
	if ((who->roles & ROL_BEOORDELAAR) && org == t->tweede_verzekeraar_id)
		return NZA_AANVRAAG_ALS_TWEEDE;
	if ((who->roles & ROL_AANVRAGER) && org == t->penvoerder_id)
		return NZA_AANVRAAG_ALS_PENVOERDER;
	return NZA_AANVRAAG_GEEN;
}

struct open_ctx {
	struct arena *arena;
	int64_t id;
	struct nza_aanvraag *out;
};

static rc_t open_tx(struct store *s, void *ctx, struct error *e)
{
	struct open_ctx *c = ctx;
	return nza_aanvraag_lees_tx(s, c->arena, c->id, 0, c->out, e);
}

rc_t nza_aanvraag_open(struct store *s, struct arena *arena, const struct principal *who, int64_t id,
	      struct nza_aanvraag *out, struct error *e)
{
	struct open_ctx c = {arena, id, out};
	rc_t rc = store_tx(s, STORE_READ, open_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	if (nza_aanvraag_toegang(who, out) != NZA_AANVRAAG_GEEN)
		return RC_OK;
	char object[48];
	snprintf(object, sizeof object, "nza_aanvraag/%" PRId64, id);
	return toegang_weiger(s, who, RC_NOT_FOUND, object, "geen partij bij de tweezijdige aanvraag", e);
}

struct lijst_ctx {
	struct arena *arena;
	struct store_nza_filter f;
	struct store_rows rows;
	struct nza_aanvraag *lijst;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	rc_t rc = store_nza_aanvraag_lijst(s, &c->f, c->arena, &c->rows, e);
	if (rc != RC_OK)
		return rc;
	c->lijst = arena_alloc(c->arena, (c->rows.nrows + 1) * sizeof *c->lijst);
	if (!c->lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; rc == RC_OK && i < c->rows.nrows; i++) {
		nza_aanvraag_uit_rij(&c->rows, i, &c->lijst[i]);
		rc = ondertekeningen_tx(s, c->arena, &c->lijst[i], e);
	}
	return rc;
}

rc_t nza_aanvraag_lijst(struct store *s, struct arena *arena, const struct principal *who,
	       const char *status, int64_t na, int64_t limiet,
	       struct nza_aanvraag **out, size_t *n, struct error *e)
{
	static const char *const statussen[] = {"ondertekening", "in_behandeling", "beschikt", "afgewezen"};
	bool bekend = status == NULL;
	for (size_t i = 0; status && i < 4; i++)
		bekend = bekend || strcmp(status, statussen[i]) == 0;
	if (!bekend) {
		error_add(e, "status", "parameter_ongeldig", NULL,
			  "status is ondertekening, in_behandeling, beschikt of afgewezen.");
		return RC_INVALID;
	}
	struct lijst_ctx c = {.arena = arena};
	c.f.status = status;
	c.f.na = na;
	c.f.limiet = limiet;
	if (!(who->roles & (ROL_AUDITOR | ROL_BESTUUR | ROL_PROGRAMMABUREAU))) {
		if (who->roles & ROL_NZA)
			c.f.alleen_ingediend = true;
		else
			c.f.organisatie = who->organisatie_id > 0 ? who->organisatie_id : -1;
	}
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < c.rows.nrows; i++)
		if (nza_aanvraag_toegang(who, &c.lijst[i]) != NZA_AANVRAAG_GEEN)
			c.lijst[k++] = c.lijst[i];
	*out = c.lijst;
	*n = k;
	return RC_OK;
}

/* ---- making one -------------------------------------------------------------------- */

struct maak_ctx {
	const struct principal *who;
	const struct klok *klok;
	const struct nza_aanvraag_invoer *in;
	const struct error *lees_fouten;   /* problems of the body, may be NULL */
	const char *actor;
	rc_t weiger;           /* RC_NOT_FOUND: the caller may not see the application */
	int64_t id;
};

/* The split of the request: the given one, or the default; checks that it
 * adds up to the upper bound and that each year has a budget account. */
static rc_t jaren_bepalen(struct store *s, struct arena *a, const struct nza_aanvraag_invoer *in,
			  const char *thema, const struct nza_aanvraag_jaar *toegekend, size_t tn,
			  int64_t bovengrens, struct nza_aanvraag_jaar *jaren, size_t *jn, struct error *e)
{
	if (in->jaren_gegeven) {
		int64_t som = 0;
		bool past = true;
		for (size_t i = 0; i < in->jaar_aantal; i++) {
			jaren[i] = in->jaren[i];
			past = past && bedrag_tel_op(&som, in->jaren[i].bedrag_cent);
		}
		*jn = in->jaar_aantal;
		char t[BEDRAG_TEKST_BYTES], g[BEDRAG_TEKST_BYTES];
		if (!past)
			error_add(e, "/jaarverdeling", "som_ongelijk", "[001 §7]",
				  "De jaarverdeling telt op tot meer dan het grootste bedrag dat het systeem "
				  "kan bevatten; de bovengrens is %s.", bedrag_tekst(bovengrens, g, sizeof g));
		else if (som != bovengrens)
			error_add(e, "/jaarverdeling", "som_ongelijk", "[001 §7]",
				  "De jaarverdeling telt op tot %s, de bovengrens is %s.", bedrag_tekst(som, t, sizeof t),
				  bedrag_tekst(bovengrens, g, sizeof g));
	} else {
		*jn = nza_aanvraag_standaard_jaren(toegekend, tn, bovengrens, jaren);
	}
	for (size_t i = 0; i < *jn; i++) {
		if (jaren[i].bedrag_cent == 0)
			continue;
		char code[GROOTBOEK_CODE_MAX + 1];
		snprintf(code, sizeof code, "zvw/%s/%" PRId64, thema, jaren[i].jaar);
		struct store_rows r;
		rc_t rc = store_gb_rekening_by_code(s, code, a, &r, e);
		if (rc != RC_OK)
			return rc;
		if (r.nrows == 0) {
			char waar[48];
			snprintf(waar, sizeof waar, "/jaarverdeling/%zu", i);
			error_add(e, waar, "jaar_zonder_budget", "[003 §8b]",
				  "Het thema %s heeft in %" PRId64 " geen budget (rekening %s).", thema,
				  jaren[i].jaar, code);
		}
	}
	return RC_OK;   /* the caller counts the problems */
}

/* Every problem that needs the stored application, after those of the
 * body: state conflicts (*conflict set) and validation problems. Returns
 * a store error only; the caller counts the problems in `e`. Writes the
 * grant, its total, the theme and the split. */
static rc_t maak_toets(struct store *s, struct arena *a, const struct maak_ctx *c,
		       const struct aanvraagdossier *d, struct nza_aanvraag_jaar *toegekend, size_t *tn,
		       int64_t *totaal, const char **thema, struct nza_aanvraag_jaar *jaren, size_t *jn,
		       bool *conflict, struct error *e)
{
	const struct nza_aanvraag_invoer *in = c->in;
	rc_t rc = RC_OK;
	if (d->status != AANVRAAG_POSITIEF) {
		error_add(e, "/aanvraag_id", "niet_positief", "[002 §4.2]",
			  "Alleen een aanvraag die beide verzekeraars positief beoordeelden gaat naar de NZa.");
		*conflict = true;
	} else {
		rc = nza_aanvraag_toekenning_tx(s, a, in->aanvraag_id, toegekend, tn, thema, e);
		if (rc == RC_OK && *tn == 0) {
			error_add(e, "/aanvraag_id", "niet_toegekend", "[001 §3], [002 §4.2]",
				  "Het Bestuurlijk Overleg heeft deze aanvraag (nog) geen bedrag toegekend.");
			*conflict = true;
		}
	}
	struct store_rows bestaand;
	if (rc == RC_OK)
		rc = store_nza_aanvraag_bij_aanvraag(s, in->aanvraag_id, a, &bestaand, e);
	if (rc == RC_OK && bestaand.nrows > 0) {
		error_add(e, "/aanvraag_id", "bestaat_al", "[001 §3], [002 §4.2]",
			  "Voor deze aanvraag bestaat al een tweezijdige aanvraag (%s).",
			  store_text(&bestaand, 0, SN_ID));
		*conflict = true;
	}
	*totaal = 0;
	for (size_t i = 0; rc == RC_OK && i < *tn; i++)
		if (!bedrag_tel_op(totaal, toegekend[i].bedrag_cent))
			rc = error_set(e, RC_INTERNAL, "De toekenning telt op tot meer dan een int64.");
	if (rc != RC_OK)
		return rc;
	bool bovengrens_bekend = in->bovengrens_gegeven ? in->bovengrens_geldig : *tn > 0;
	int64_t bovengrens = in->bovengrens_gegeven ? in->bovengrens_cent : *totaal;
	char bg[BEDRAG_TEKST_BYTES], tk[BEDRAG_TEKST_BYTES];
	if (*tn > 0 && bovengrens_bekend && bovengrens > *totaal)
		error_add(e, "/bovengrens_cent", "boven_toekenning", "[001 §3], [001 §7]",
			  "De voorgestelde bovengrens (%s) is hoger dan het toegekende bedrag (%s).",
			  bedrag_tekst(bovengrens, bg, sizeof bg), bedrag_tekst(*totaal, tk, sizeof tk));
	char vandaag[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), vandaag, sizeof vandaag);
	if (in->contract_datum && strncmp(in->contract_datum, vandaag, 10) > 0)
		error_add(e, "/contract/datum", "contract_toekomst", "[001 §3]",
			  "De overeenkomst moet bestaan: een datum in de toekomst kan niet.");
	if (*tn > 0 && bovengrens_bekend && (!in->jaren_gegeven || in->jaren_geldig))
		rc = jaren_bepalen(s, a, in, *thema, toegekend, *tn, bovengrens, jaren, jn, e);
	return rc;
}

static rc_t maak_tx(struct store *s, void *ctx, struct error *e)
{
	struct maak_ctx *c = ctx;
	const struct nza_aanvraag_invoer *in = c->in;
	error_items_over(e, c->lees_fouten);   /* again on every retry: store_tx clears e */
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct aanvraagdossier d;
	bool coalitie = false;
	if (rc == RC_OK)
		rc = aanvraagdossier_lees_tx(s, &a, in->aanvraag_id, false, 0, &d, &coalitie, e);
	if (rc == RC_OK && (d.coordinerend_verzekeraar_id != c->who->organisatie_id ||
			    !(c->who->roles & ROL_BEOORDELAAR))) {
		c->weiger = RC_NOT_FOUND;
		rc = RC_NOT_FOUND;
	}
	struct nza_aanvraag_jaar toegekend[NZA_AANVRAAG_JAREN_MAX], jaren[NZA_AANVRAAG_JAREN_MAX];
	size_t tn = 0, jn = 0;
	const char *thema = NULL;
	int64_t totaal = 0;
	bool conflict = false;
	if (rc == RC_OK)
		rc = maak_toets(s, &a, c, &d, toegekend, &tn, &totaal, &thema, jaren, &jn, &conflict, e);
	if (rc == RC_OK && (e->item_count || e->items_dropped)) {
		e->rc = conflict ? RC_CONFLICT : RC_INVALID;
		rc = e->rc;
	}
	int64_t bovengrens = in->bovengrens_gegeven ? in->bovengrens_cent : totaal;
	char vandaag[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), vandaag, sizeof vandaag);
	json_t *inhoud = rc == RC_OK ? inhoud_json(in->aanvraag_id, d.versie, totaal, bovengrens, jaren,
						   jn, in->verklaringen, in->contract_datum,
						   in->contract_kenmerk) : NULL;
	char sha[INDIENING_SHA_HEX];
	const char *tekst = NULL;
	if (rc == RC_OK)
		rc = inhoud ? canoniek_json(inhoud, &a, &tekst, NULL, sha, e)
			    : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	json_t *jj = rc == RC_OK ? nza_aanvraag_jaren_json(jaren, jn) : NULL;
	json_t *vj = rc == RC_OK ? verklaringen_json(in->verklaringen) : NULL;
	struct store_nza_aanvraag row = {
		.aanvraag_id = in->aanvraag_id, .versie = d.versie, .thema = thema,
		.toegekend_cent = totaal, .bovengrens_cent = bovengrens,
		.jaarverdeling = jj ? json_encode(&a, jj) : NULL, .verklaringen = vj ? json_encode(&a, vj) : NULL,
		.contract_datum = in->contract_datum, .contract_kenmerk = in->contract_kenmerk,
		.sha256 = sha, .aangemaakt_op = vandaag, .aangemaakt_door = c->actor,
	};
	json_decref(jj);
	json_decref(vj);
	json_decref(inhoud);
	if (rc == RC_OK)
		rc = store_nza_aanvraag_insert(s, &row, &c->id, e);
	if (rc == RC_OK) {
		char object[48], detail[160];
		snprintf(object, sizeof object, "nza_aanvraag/%" PRId64, c->id);
		snprintf(detail, sizeof detail, "{\"aanvraag\":%" PRId64 ",\"bovengrens_cent\":%" PRId64
			 ",\"sha256\":\"%s\"}", in->aanvraag_id, bovengrens, sha);
		struct audit_entry ae = {c->actor, "nza_aanvraag.maak", object, "gelukt", detail};
		rc = audit_append(s, &ae, e);
	}
	arena_release(&a);
	return rc;
}

rc_t nza_aanvraag_maak(struct store *s, const struct principal *who, const struct klok *klok,
	      const struct nza_aanvraag_invoer *in, const struct error *lees_fouten, int64_t *id_out,
	      struct error *e)
{
	char object[48];
	snprintf(object, sizeof object, "aanvraag/%" PRId64, in->aanvraag_id);
	struct maak_ctx c = {.who = who, .klok = klok, .in = in, .lees_fouten = lees_fouten,
			     .actor = who && who->actor ? who->actor : "systeem"};
	rc_t rc = store_aanvragen_tx(s, maak_tx, &c, e);
	if (rc != RC_OK && c.weiger != RC_OK) {
		error_clear(e);
		return toegang_weiger(s, who, RC_NOT_FOUND, object,
				      "niet de coordinerend verzekeraar van de aanvraag", e);
	}
	if (rc == RC_CONFLICT || rc == RC_INVALID) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, c.actor, "nza_aanvraag.maak", object, e);
	}
	if (rc == RC_OK)
		*id_out = c.id;
	return rc;
}
