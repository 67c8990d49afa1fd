/*
 * beschikking.c -- NZa's decision: the checks, the ledger chain that
 * posts (or voids) the board's reservations and fixes the upper bound,
 * the refusal of requests that no longer fit, reading and listing. See
 * beschikking.h and docs/beschikking.md §3.
 */
#include "core/beschikking/beschikking.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_beschikking.h"
#include "store/store_grootboek.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/basis/audit.h"
#include "core/geld/grootboek.h"
#include "core/basis/json.h"
#include "core/beschikking/nza_toets.h"
#include "core/basis/tekst.h"

rc_t beschikking_lees_invoer(json_t *body, struct beschikking_invoer *out, struct error *e)
{
	static const char *const velden[] = {"nza_aanvraag_id", "besluit", "motivering", NULL};
	struct beschikking_invoer in = {0};
	if (!json_is_object(body)) {
		error_add(e, "", "type", NULL, "De body is een JSON-object.");
		return RC_INVALID;
	}
	json_reject_unknown(body, velden, "", e);
	json_get_int(body, "nza_aanvraag_id", true, "", &in.nza_aanvraag_id, e);
	const char *besluit = NULL;
	if (json_get_string(body, "besluit", true, "", &besluit, e)) {
		if (strcmp(besluit, "verleend") == 0)
			in.verlenen = true;
		else if (strcmp(besluit, "afgewezen") != 0)
			error_add(e, "/besluit", "besluit_onbekend", NULL, "besluit is verleend of afgewezen.");
	}
	if (json_get_string(body, "motivering", true, "", &in.motivering, e)) {
		size_t n = strlen(in.motivering);
		if (!tekst_aanwezig(in.motivering))
			error_add(e, "/motivering", "motivering_ontbreekt", NULL,
				  "Een beschikking is gemotiveerd (ook een afwijzing).");
		else if (n > BESCHIKKING_MOTIVERING_MAX)
			error_add(e, "/motivering", "te_lang", NULL, "De motivering is ten hoogste %d bytes.",
				  BESCHIKKING_MOTIVERING_MAX);
	}
	if (e->item_count || e->items_dropped)
		return RC_INVALID;
	*out = in;
	return RC_OK;
}

/* ---- reading ------------------------------------------------------------------ */

static void uit_rij(const struct store_rows *r, size_t i, struct beschikking *o)
{
	memset(o, 0, sizeof *o);
	o->id = store_int(r, i, SBK_ID, 0);
	o->nza_aanvraag_id = store_int(r, i, SBK_NZA, 0);
	o->aanvraag_id = store_int(r, i, SBK_AANVRAAG, 0);
	o->kenmerk = store_text(r, i, SBK_KENMERK);
	o->besluit = store_text(r, i, SBK_BESLUIT);
	o->bovengrens_cent = store_int(r, i, SBK_BOVENGRENS, 0);
	if (!nza_aanvraag_jaren_uit_tekst(store_text(r, i, SBK_JAREN), o->jaren, &o->jaar_aantal))
		o->jaar_aantal = 0;
	o->motivering = store_text(r, i, SBK_MOTIVERING);
	o->bevindingen = store_text(r, i, SBK_BEVINDINGEN);
	o->mijlpalen = store_text(r, i, SBK_MIJLPALEN);
	o->genomen_op = store_text(r, i, SBK_GENOMEN_OP);
	o->genomen_door = store_text(r, i, SBK_GENOMEN_DOOR);
	o->thema = store_text(r, i, SBK_THEMA);
	o->titel = store_text(r, i, SBK_TITEL);
	o->penvoerder_id = store_int(r, i, SBK_PENVOERDER, 0);
	o->coordinerend_verzekeraar_id = store_int(r, i, SBK_COORDINEREND, 0);
	o->tweede_verzekeraar_id = store_int(r, i, SBK_TWEEDE, 0);
}

rc_t beschikking_lees_tx(struct store *s, struct arena *arena, int64_t id, struct beschikking *out,
			 struct error *e)
{
	struct store_rows r;
	rc_t rc = store_beschikking_lees(s, id, arena, &r, e);
	if (rc == RC_OK && r.nrows == 0)
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	if (rc == RC_OK)
		uit_rij(&r, 0, out);
	return rc;
}

struct open_ctx {
	struct arena *arena;
	int64_t id, organisatie;
	struct beschikking *out;
	bool coalitie;
};

static rc_t open_tx(struct store *s, void *ctx, struct error *e)
{
	struct open_ctx *c = ctx;
	rc_t rc = beschikking_lees_tx(s, c->arena, c->id, c->out, e);
	c->coalitie = false;
	if (rc == RC_OK && c->organisatie > 0)
		rc = store_aanvraag_is_coalitie(s, c->out->aanvraag_id, c->organisatie, &c->coalitie, e);
	return rc;
}

/* NZa, the Zorginstituut, the auditor, and the board and the programme
 * office that steer the programme [001 "Vervolgproces"] read every decision. */
static bool ziet_alles(const struct principal *who)
{
	return who && (who->roles & (ROL_NZA | ROL_ZORGINSTITUUT | ROL_AUDITOR | ROL_BESTUUR |
				     ROL_PROGRAMMABUREAU)) != 0;
}

static bool mag(const struct principal *who, const struct beschikking *b, bool coalitie)
{
	if (ziet_alles(who))
		return true;
	if (!who || who->organisatie_id <= 0)
		return false;
	if ((who->roles & ROL_BEOORDELAAR) && (who->organisatie_id == b->coordinerend_verzekeraar_id ||
					       who->organisatie_id == b->tweede_verzekeraar_id))
		return true;
	return (who->roles & (ROL_AANVRAGER | ROL_GEMEENTE)) && coalitie;
}

rc_t beschikking_partij_tx(struct store *s, const struct principal *who, const struct beschikking *b,
			   bool *partij, struct error *e)
{
	bool coalitie = false;
	rc_t rc = RC_OK;
	if (who && who->organisatie_id > 0)
		rc = store_aanvraag_is_coalitie(s, b->aanvraag_id, who->organisatie_id, &coalitie, e);
	if (rc == RC_OK)
		*partij = mag(who, b, coalitie);
	return rc;
}

rc_t beschikking_lees(struct store *s, struct arena *arena, int64_t id, struct beschikking *out,
		      struct error *e)
{
	struct open_ctx c = {.arena = arena, .id = id, .out = out};
	return store_tx(s, STORE_READ, open_tx, &c, e);
}

rc_t beschikking_open(struct store *s, struct arena *arena, const struct principal *who,
		      int64_t id, struct beschikking *out, struct error *e)
{
	struct open_ctx c = {.arena = arena, .id = id, .out = out,
			     .organisatie = who ? who->organisatie_id : 0};
	rc_t rc = store_tx(s, STORE_READ, open_tx, &c, e);
	if (rc != RC_OK || mag(who, out, c.coalitie))
		return rc;
	char object[48];
	snprintf(object, sizeof object, "beschikking/%" PRId64, id);
	return toegang_weiger(s, who, RC_NOT_FOUND, object, "geen partij bij de beschikking", e);
}

struct lijst_ctx {
	struct arena *arena;
	int64_t organisatie, na, limiet;
	struct store_rows rows;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	return store_beschikking_lijst(s, c->organisatie, c->na, c->limiet, c->arena, &c->rows, e);
}

rc_t beschikking_lijst(struct store *s, struct arena *arena, const struct principal *who,
		       int64_t na, int64_t limiet, struct beschikking **out, size_t *n,
		       struct error *e)
{
	struct lijst_ctx c = {.arena = arena, .na = na, .limiet = limiet,
			      .organisatie = ziet_alles(who) ? 0 : (who->organisatie_id > 0 ? who->organisatie_id : -1)};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	struct beschikking *l = arena_alloc(arena, (c.rows.nrows + 1) * sizeof *l);
	if (!l)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	size_t k = 0;
	for (size_t i = 0; i < c.rows.nrows; i++) {
		uit_rij(&c.rows, i, &l[k]);
		/* the query already filtered on the organisation; the role must fit too */
		if (ziet_alles(who) || (who->roles & (ROL_BEOORDELAAR | ROL_AANVRAGER | ROL_GEMEENTE)))
			k++;
	}
	*out = l;
	*n = k;
	return RC_OK;
}

json_t *beschikking_json(const struct beschikking *b)
{
	json_t *bev = b->bevindingen ? json_loads(b->bevindingen, 0, NULL) : NULL;
	json_t *mp = b->mijlpalen ? json_loads(b->mijlpalen, 0, NULL) : NULL;
	return json_pack("{s:I, s:s, s:I, s:I, s:s, s:s, s:I, s:o, s:s, s:o, s:o, s:s, s:s, s:I, s:I}",
		"id", (json_int_t)b->id, "kenmerk", b->kenmerk,
		"nza_aanvraag_id", (json_int_t)b->nza_aanvraag_id, "aanvraag_id", (json_int_t)b->aanvraag_id,
		"thema", b->thema, "besluit", b->besluit, "bovengrens_cent", (json_int_t)b->bovengrens_cent,
		"jaarverdeling", nza_aanvraag_jaren_json(b->jaren, b->jaar_aantal), "motivering", b->motivering,
		"bevindingen", bev ? bev : json_array(), "prestaties", mp ? mp : json_array(),
		"genomen_op", b->genomen_op, "genomen_door", b->genomen_door,
		"penvoerder_id", (json_int_t)b->penvoerder_id,
		"coordinerend_verzekeraar_id", (json_int_t)b->coordinerend_verzekeraar_id);
}

/* ---- deciding --------------------------------------------------------------------- */

struct neem_ctx {
	const struct principal *who;
	const struct klok *klok;
	const struct beschikking_invoer *in;
	const char *actor;
	struct beschikking_uitkomst *out;
	rc_t weiger;
};

static void sleutel(char *uit, size_t n, const char *fmt, int64_t a, int64_t b)
{
	snprintf(uit, n, fmt, a, b);
}

/* The prestaties: the milestones of the assessed version. */
static json_t *mijlpalen_json(const struct nza_feiten *f)
{
	json_t *l = json_array();
	for (size_t i = 0; l && i < f->mijlpaal_aantal; i++) {
		const struct aanvraag_mijlpaal *m = &f->mijlpalen[i];
		json_array_append_new(l, json_pack("{s:s, s:s?, s:I}", "id", m->id ? m->id : "",
						   "streefdatum", m->streefdatum,
						   "bedrag_cent", (json_int_t)m->bedrag_cent));
	}
	return l;
}

/* Books the batch and turns the ledger's refusals into one problem; a
 * year without money is "past_niet". */
static rc_t boek(struct store *s, struct boeking *batch, size_t n, struct error *e)
{
	if (n == 0)
		return RC_OK;
	struct boeking_resultaat res[3 * NZA_AANVRAAG_JAREN_MAX * 2];
	rc_t rc = grootboek_boek(s, batch, n, res, e);
	if (rc != RC_OK)
		return rc;
	rc = grootboek_weigeringen(batch, res, n, e);
	for (size_t i = 0; rc != RC_OK && i < n; i++)
		if (res[i].uitkomst == GROOTBOEK_ONVOLDOENDE_SALDO)
			error_add(e, "/nza_aanvraag_id", "past_niet", "[001 §3], [003 §8b]",
				  "Het bedrag past niet (meer) binnen de beschikbare middelen (%s).",
				  batch[i].debet);
	return rc;
}

/* Voids the open reservations of a request (a refusal). */
static rc_t vrijgeven(struct store *s, struct arena *a, const struct nza_aanvraag *t,
		      const struct nza_feiten *f, struct error *e)
{
	struct boeking batch[2 * NZA_AANVRAAG_JAREN_MAX];
	size_t n = 0;
	for (size_t i = 0; i < f->jaar_aantal; i++) {
		if (f->jaren[i].gereserveerd_cent <= 0)
			continue;
		char *k = arena_alloc(a, GROOTBOEK_SLEUTEL_MAX + 1), *r = arena_alloc(a, GROOTBOEK_SLEUTEL_MAX + 1);
		if (!k || !r)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		sleutel(k, GROOTBOEK_SLEUTEL_MAX + 1, "aanvraag/%" PRId64 "/afwijzing/%" PRId64, t->aanvraag_id,
			f->jaren[i].jaar);
		sleutel(r, GROOTBOEK_SLEUTEL_MAX + 1, "toekenning/%" PRId64 "/%" PRId64, t->aanvraag_id,
			f->jaren[i].jaar);
		batch[n++] = (struct boeking){.sleutel = k, .soort = BOEKING_VRIJGAVE, .reservering = r,
					      .code = "beschikking.afwijzing", .gekoppeld = true,
					      .omschrijving = "NZa wijst de tweezijdige aanvraag af"};
	}
	if (n)
		batch[n - 1].gekoppeld = false;
	return boek(s, batch, n, e);
}

/* Posts the grant (see beschikking.h): one linked chain over the years. */
static rc_t verlenen(struct store *s, struct arena *a, const struct nza_aanvraag *t,
		     const struct nza_feiten *f, struct error *e)
{
	struct boeking batch[3 * NZA_AANVRAAG_JAREN_MAX * 2];
	size_t n = 0;
	char *project = arena_printf(a, "project/%" PRId64, t->aanvraag_id);
	for (size_t i = 0; project && i < f->jaar_aantal; i++) {
		const struct nza_jaar *j = &f->jaren[i];
		char *k = arena_alloc(a, GROOTBOEK_SLEUTEL_MAX + 1), *r = arena_alloc(a, GROOTBOEK_SLEUTEL_MAX + 1);
		char *jaar = arena_printf(a, "zvw/%s/%" PRId64, t->thema, j->jaar);
		if (!k || !r || !jaar)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		sleutel(r, GROOTBOEK_SLEUTEL_MAX + 1, "toekenning/%" PRId64 "/%" PRId64, t->aanvraag_id, j->jaar);
		int64_t uit_reservering = j->voorgesteld_cent < j->gereserveerd_cent ? j->voorgesteld_cent
										      : j->gereserveerd_cent;
		if (j->gereserveerd_cent > 0 && uit_reservering > 0) {
			sleutel(k, GROOTBOEK_SLEUTEL_MAX + 1, "beschikking/%" PRId64 "/%" PRId64, t->aanvraag_id, j->jaar);
			batch[n++] = (struct boeking){.sleutel = k, .soort = BOEKING_VAN_RESERVERING,
				.reservering = r, .bedrag_cent = uit_reservering, .code = "beschikking",
				.omschrijving = "NZa stelt de bovengrens vast", .gekoppeld = true};
		} else if (j->gereserveerd_cent > 0) {
			sleutel(k, GROOTBOEK_SLEUTEL_MAX + 1, "beschikking/%" PRId64 "/%" PRId64 "/vrijgave",
				t->aanvraag_id, j->jaar);
			batch[n++] = (struct boeking){.sleutel = k, .soort = BOEKING_VRIJGAVE, .reservering = r,
				.code = "beschikking", .gekoppeld = true,
				.omschrijving = "Jaar zonder bedrag in de bovengrens: reservering vrij"};
		}
		int64_t extra = j->voorgesteld_cent - uit_reservering;
		if (extra > 0) {
			char *k2 = arena_printf(a, "beschikking/%" PRId64 "/%" PRId64 "/aanvulling",
						t->aanvraag_id, j->jaar);
			if (!k2)
				return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
			batch[n++] = (struct boeking){.sleutel = k2, .soort = BOEKING_DIRECT, .debet = jaar,
				.credit = project, .bedrag_cent = extra, .code = "beschikking",
				.omschrijving = "Bovengrens boven de reservering van het jaar", .gekoppeld = true};
		}
	}
	if (!project)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (n)
		batch[n - 1].gekoppeld = false;
	char *naam = arena_printf(a, "Project van aanvraag %" PRId64, t->aanvraag_id);
	if (!naam)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	/* The same definition as the board's decision opens (bestuursbesluit.c). */
	struct rekening_def def = {project, naam, REKENING_PROJECT, REKENING_DEBET_BEGRENSD};
	int64_t id;
	rc_t rc = grootboek_rekening_open(s, &def, &id, e);
	if (rc == RC_CONFLICT) {   /* opened by the board's decision under another name: fine */
		error_clear(e);
		rc = RC_OK;
	}
	if (rc == RC_OK)
		rc = boek(s, batch, n, e);
	/* Pair assertion: the project now holds exactly the upper bound. */
	struct store_rows r;
	if (rc == RC_OK)
		rc = store_gb_rekening_by_code(s, project, a, &r, e);
	if (rc == RC_OK && (r.nrows != 1 || store_int(&r, 0, SGR_CREDIT_GEBOEKT, -1) != t->bovengrens_cent ||
			    store_int(&r, 0, SGR_VLAGGEN, 0) != REKENING_DEBET_BEGRENSD))
		rc = error_set(e, RC_INTERNAL, "Project %s houdt niet precies de bovengrens, of is niet "
			       "begrensd.", project);
	return rc;
}

/* Stores the decision row, the request's status and the audit record. */
static rc_t vastleggen(struct store *s, struct arena *a, const struct neem_ctx *c,
		       const struct nza_aanvraag *t, const struct nza_feiten *f,
		       const struct nza_bevinding *bev, size_t nb, bool verleend,
		       const char *motivering, const char *nu, int64_t *id, char *kenmerk, size_t kn,
		       struct error *e)
{
	snprintf(kenmerk, kn, "NZa-DBM-%.4s-%06" PRId64, nu, t->id);
	json_t *bj = nza_bevindingen_json(bev, nb), *mj = mijlpalen_json(f);
	json_t *jj = nza_aanvraag_jaren_json(t->jaren, t->jaar_aantal);
	struct store_beschikking row = {
		.nza_aanvraag_id = t->id, .aanvraag_id = t->aanvraag_id, .kenmerk = kenmerk,
		.besluit = verleend ? "verleend" : "afgewezen",
		.bovengrens_cent = verleend ? t->bovengrens_cent : 0,
		.jaarverdeling = verleend ? json_encode(a, jj) : "[]", .motivering = motivering,
		.bevindingen = json_encode(a, bj), .mijlpalen = json_encode(a, mj),
		.genomen_op = nu, .genomen_door = c->actor,
	};
	json_decref(bj);
	json_decref(mj);
	json_decref(jj);
	if (!row.jaarverdeling || !row.bevindingen || !row.mijlpalen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	rc_t rc = store_beschikking_insert(s, &row, id, e);
	if (rc == RC_OK)
		rc = store_nza_aanvraag_status(s, t->id, "in_behandeling", verleend ? "beschikt" : "afgewezen",
					       NULL, e);
	if (rc == RC_OK) {
		char object[48], detail[200];
		snprintf(object, sizeof object, "beschikking/%" PRId64, *id);
		snprintf(detail, sizeof detail, "{\"kenmerk\":\"%s\",\"nza_aanvraag\":%" PRId64
			 ",\"bovengrens_cent\":%" PRId64 "}", kenmerk, t->id, row.bovengrens_cent);
		struct audit_entry ae = {c->actor, verleend ? "beschikking.verleen" : "beschikking.afwijs",
					 object, "gelukt", detail};
		rc = audit_append(s, &ae, e);
	}
	return rc;
}

/* Refuses every other request of the theme in treatment that no longer
 * fits [001 §3]. */
static rc_t lopende_afwijzen(struct store *s, struct arena *a, struct neem_ctx *c,
			     const struct nza_aanvraag *besloten, const char *nu,
			     struct error *e)
{
	struct store_nza_filter flt = {.status = "in_behandeling", .thema = besloten->thema,
				       .limiet = BESCHIKKING_AUTOMATISCH_MAX * 16};
	struct store_rows r;
	rc_t rc = store_nza_aanvraag_lijst(s, &flt, a, &r, e);
	for (size_t i = 0; rc == RC_OK && i < r.nrows; i++) {
		struct nza_aanvraag t;
		struct nza_feiten f;
		rc = nza_aanvraag_lees_tx(s, a, store_int(&r, i, SN_ID, 0), 0, &t, e);
		if (rc == RC_OK)
			rc = nza_feiten_tx(s, a, &t, &f, e);
		if (rc != RC_OK || nza_past(&f, NULL))
			continue;
		if (c->out->automatisch_afgewezen >= BESCHIKKING_AUTOMATISCH_MAX)
			break;
		struct nza_bevinding bev[NZA_BEVINDINGEN];
		size_t nb = nza_toets(&f, bev);
		int64_t id;
		char kenmerk[64];
		char *motivering = arena_printf(a, "Afgewezen: de aanvraag past niet meer binnen de "
			"beschikbare middelen nadat beschikking %s is genomen. De NZa wijst lopende aanvragen af "
			"als anders het maximum overschreden zou worden [001 §3], [003 §8b].", c->out->kenmerk);
		if (!motivering)
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		rc = vrijgeven(s, a, &t, &f, e);
		if (rc == RC_OK)
			rc = vastleggen(s, a, c, &t, &f, bev, nb, false, motivering, nu, &id, kenmerk,
					sizeof kenmerk, e);
		if (rc == RC_OK)
			c->out->afgewezen[c->out->automatisch_afgewezen++] = t.id;
	}
	(void)besloten;
	return rc;
}

static rc_t neem_tx(struct store *s, void *ctx, struct error *e)
{
	struct neem_ctx *c = ctx;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	c->out->automatisch_afgewezen = 0;
	struct nza_aanvraag t;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = nza_aanvraag_lees_tx(s, &a, c->in->nza_aanvraag_id, 0, &t, e);
	if (rc == RC_OK && strcmp(t.status, "ondertekening") == 0) {
		c->weiger = RC_NOT_FOUND;   /* NZa sees only submitted requests */
		rc = RC_NOT_FOUND;
	}
	if (rc == RC_OK && strcmp(t.status, "in_behandeling") != 0) {
		error_add(e, "/nza_aanvraag_id", "al_beschikt", "[001 §3]",
			  "Op deze aanvraag is al beslist (status %s).", t.status);
		rc = RC_CONFLICT;
	}
	struct nza_feiten f;
	struct nza_bevinding bev[NZA_BEVINDINGEN];
	size_t nb = 0;
	if (rc == RC_OK)
		rc = nza_feiten_tx(s, &a, &t, &f, e);
	if (rc == RC_OK)
		nb = nza_toets(&f, bev);
	if (rc == RC_OK && c->in->verlenen && !nza_alles_voldaan(bev, nb, e))
		rc = RC_CONFLICT;
	if (rc == RC_OK)
		rc = c->in->verlenen ? verlenen(s, &a, &t, &f, e) : vrijgeven(s, &a, &t, &f, e);
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	if (rc == RC_OK)
		rc = vastleggen(s, &a, c, &t, &f, bev, nb, c->in->verlenen, c->in->motivering, nu,
				&c->out->id, c->out->kenmerk, sizeof c->out->kenmerk, e);
	if (rc == RC_OK && c->in->verlenen)
		rc = lopende_afwijzen(s, &a, c, &t, nu, e);
	arena_release(&a);
	return rc;
}

rc_t beschikking_neem(struct store *s, const struct principal *who, const struct klok *klok,
		      const struct beschikking_invoer *in, struct beschikking_uitkomst *out,
		      struct error *e)
{
	char object[48];
	snprintf(object, sizeof object, "nza_aanvraag/%" PRId64, in->nza_aanvraag_id);
	struct beschikking_uitkomst u;
	memset(&u, 0, sizeof u);
	struct neem_ctx c = {.who = who, .klok = klok, .in = in, .out = &u,
			     .actor = who && who->actor ? who->actor : "systeem"};
	rc_t rc = RC_OK;
	if (!who || !(who->roles & ROL_NZA)) {
		c.weiger = RC_NOT_FOUND;
		rc = RC_NOT_FOUND;
	} else {
		rc = store_aanvragen_tx(s, neem_tx, &c, e);
	}
	if (rc != RC_OK && c.weiger != RC_OK) {
		error_clear(e);
		return toegang_weiger(s, who, RC_NOT_FOUND, object, "geen ingediende tweezijdige aanvraag", e);
	}
	if (rc == RC_CONFLICT || rc == RC_INVALID) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, c.actor, in->verlenen ? "beschikking.verleen"
					     : "beschikking.afwijs", object, e);
	}
	if (rc == RC_OK)
		*out = u;
	return rc;
}
