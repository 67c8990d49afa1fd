/*
 * verantwoording_dossier.c -- the stored accountability. See
 * verantwoording_dossier.h and docs/verantwoording.md §3.
 */
#include "core/verantwoording/verantwoording_dossier.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/aanvraag/aanvraag.h"
#include "core/basis/audit.h"
#include "core/basis/tekst.h"
#include "core/basis/json.h"
#include "core/beschikking/beschikking.h"
#include "core/verantwoording/plausibiliteit.h"
#include "store/store_aanvragen.h"
#include "core/geld/grootboek.h"
#include "store/store_beschikking.h"
#include "store/store_bijlage.h"
#include "store/store_verantwoording.h"

#define BRON "[001 §5]"

/* ---- the framework per year ------------------------------------------------ */

static json_t *kader_json(const struct store_rows *r, size_t i)
{
	return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s}", "jaar", (json_int_t)store_int(r, i, SVK_JAAR, 0),
			 "tolerantie_bp", (json_int_t)store_int(r, i, SVK_TOLERANTIE, 0), "accountant_vanaf_cent",
			 (json_int_t)store_int(r, i, SVK_ACCOUNTANT, 0), "deadline", store_text(r, i, SVK_DEADLINE),
			 "vastgesteld_op", store_text(r, i, SVK_OP), "vastgesteld_door", store_text(r, i, SVK_DOOR));
}

struct kader_ctx {
	const struct principal *who;
	int64_t jaar, tolerantie, accountant, deadline_us;
	const char *deadline;
	char nu[KLOK_TEKST_BYTES];
	struct arena *arena;
	json_t *uit;
};

static rc_t kader_zet_tx(struct store *s, void *ctx, struct error *e)
{
	struct kader_ctx *c = ctx;
	rc_t rc = store_verantwoordingskader_zet(s, c->jaar, c->tolerantie, c->accountant, c->deadline,
						 c->deadline_us, c->nu, c->who->actor, e);
	char object[48], detail[160];
	snprintf(object, sizeof object, "verantwoordingskader/%" PRId64, c->jaar);
	snprintf(detail, sizeof detail, "{\"tolerantie_bp\":%" PRId64 ",\"accountant_vanaf_cent\":%" PRId64 "}",
		 c->tolerantie, c->accountant);
	struct audit_entry ae = {c->who->actor, "verantwoordingskader.zet", object, "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	struct store_rows r;
	if (rc == RC_OK)
		rc = store_verantwoordingskader_lees(s, c->jaar, c->arena, &r, e);
	if (rc == RC_OK)
		c->uit = r.nrows == 1 ? kader_json(&r, 0) : NULL;
	return rc;
}

rc_t verantwoordingskader_zet(struct store *s, const struct principal *who, const struct klok *klok,
			      int64_t jaar, json_t *body, struct arena *arena, json_t **out,
			      struct error *e)
{
	static const char *const velden[] = {"tolerantie_bp", "accountant_vanaf_cent", "deadline", NULL};
	struct kader_ctx c = {.who = who, .jaar = jaar, .arena = arena};
	json_reject_unknown(body, velden, "", e);
	if (json_get_int(body, "tolerantie_bp", true, "", &c.tolerantie, e) &&
	    (c.tolerantie < 0 || c.tolerantie > 10000))
		error_add(e, "/tolerantie_bp", "buiten_bereik", BRON,
			  "De tolerantie is 0 tot 10000 basispunten (0-100 %%).");
	if (json_get_int(body, "accountant_vanaf_cent", true, "", &c.accountant, e) && c.accountant < 0)
		error_add(e, "/accountant_vanaf_cent", "negatief", BRON, "De drempel is 0 of meer cent.");
	if (json_get_string(body, "deadline", true, "", &c.deadline, e) && !klok_lees(c.deadline, &c.deadline_us))
		error_add(e, "/deadline", "geen_moment", NULL,
			  "Geef de termijn als moment in UTC, zoals 2028-03-31T23:59:59Z.");
	if (jaar < 2000 || jaar > 2100)
		error_add(e, "jaar", "buiten_bereik", NULL, "Het jaar ligt tussen 2000 en 2100.");
	if (e->item_count > 0)
		return error_set(e, RC_INVALID, "Het verantwoordingskader is niet geldig.");
	klok_tekst(klok_nu_us(klok), c.nu, sizeof c.nu);
	rc_t rc = store_tx(s, STORE_WRITE, kader_zet_tx, &c, e);
	if (rc == RC_OK && !c.uit)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (rc == RC_OK)
		*out = c.uit;
	return rc;
}

struct kaders_ctx {
	struct arena *arena;
	json_t *uit;
};

static rc_t kaders_tx(struct store *s, void *ctx, struct error *e)
{
	struct kaders_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = store_verantwoordingskader_lees(s, 0, c->arena, &r, e);
	json_t *l = json_array();
	for (size_t i = 0; rc == RC_OK && l && i < r.nrows; i++)
		json_array_append_new(l, kader_json(&r, i));
	c->uit = json_pack("{s:o}", "verantwoordingskaders", l ? l : json_array());
	return rc;
}

rc_t verantwoordingskaders(struct store *s, struct arena *arena, json_t **out, struct error *e)
{
	struct kaders_ctx c = {.arena = arena};
	rc_t rc = store_tx(s, STORE_READ, kaders_tx, &c, e);
	if (rc == RC_OK)
		*out = c.uit;
	else
		json_decref(c.uit);
	return rc;
}

/* ---- submitting ----------------------------------------------------------- */

struct dien_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t beschikking_id;
	const struct verantwoording_invoer *in;
	json_t *body;
	struct arena *arena;
	rc_t weiger;
	json_t *uit;
	/* an attachment instead of a submission */
	bool bijlage;
	int64_t jaar;
	const char *naam;
	const void *data;
	size_t len;
	struct bijlage *bijlage_uit;
};

/* The beschikking, and the rule that only its lead accounts. */
static rc_t lead(struct store *s, struct dien_ctx *c, struct beschikking *b, struct error *e)
{
	rc_t rc = beschikking_lees_tx(s, c->arena, c->beschikking_id, b, e);
	bool partij = false;
	if (rc == RC_OK)
		rc = beschikking_partij_tx(s, c->who, b, &partij, e);
	if (rc != RC_OK)
		return rc;
	bool mag = (c->who->roles & ROL_AANVRAGER) && c->who->organisatie_id == b->penvoerder_id;
	if (!partij || !mag) {
		c->weiger = partij ? RC_FORBIDDEN : RC_NOT_FOUND;
		return c->weiger;
	}
	if (strcmp(b->besluit, "verleend") != 0) {
		error_add(e, "", "niet_verleend", BRON, "Deze beschikking is een afwijzing: er is niets te verantwoorden.");
		return RC_CONFLICT;
	}
	return RC_OK;
}

/* What the project is: years, budget of the granted version, coalition,
 * milestones. Arrays in the arena. */
static rc_t project_lees(struct store *s, struct dien_ctx *c, const struct beschikking *b,
			 struct verantwoording_project *p, struct error *e)
{
	memset(p, 0, sizeof *p);
	int64_t *jaren = arena_alloc(c->arena, (b->jaar_aantal + 1) * sizeof *jaren);
	if (!jaren)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < b->jaar_aantal; i++)
		jaren[i] = b->jaren[i].jaar;
	p->jaren = jaren;
	p->jaar_aantal = b->jaar_aantal;
	int64_t us = 0;
	char dag[11];
	snprintf(dag, sizeof dag, "%.10s", b->genomen_op ? b->genomen_op : "");
	p->beschikking_jaar = klok_lees(b->genomen_op, &us) ? (int64_t)((dag[0] - '0') * 1000 + (dag[1] - '0') * 100 +
								      (dag[2] - '0') * 10 + (dag[3] - '0')) : 0;
	struct store_rows vr;
	rc_t rc = store_versie_lees(s, b->aanvraag_id, 0, c->arena, &vr, e);
	json_t *doc = rc == RC_OK && vr.nrows == 1 ? json_loads(store_text(&vr, 0, SV_DOCUMENT), 0, NULL) : NULL;
	struct aanvraag a;
	if (rc == RC_OK && (!doc || aanvraag_lees(doc, c->arena, &a, NULL) != RC_OK))
		rc = error_set(e, RC_INTERNAL, "De toegekende versie van aanvraag %" PRId64 " is onleesbaar.", b->aanvraag_id);
	json_decref(doc);
	if (rc != RC_OK)
		return rc;
	p->begroting = a.begroting;
	p->begroting_aantal = a.regel_aantal;
	int64_t *deelnemers = arena_alloc(c->arena, (a.coalitie.deelnemer_aantal + 2) * sizeof *deelnemers);
	if (!deelnemers)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	size_t n = 0;
	deelnemers[n++] = a.coalitie.penvoerder;
	for (size_t i = 0; i < a.coalitie.deelnemer_aantal; i++)
		deelnemers[n++] = a.coalitie.deelnemers[i].organisatie;
	p->deelnemers = deelnemers;
	p->deelnemer_aantal = n;
	json_t *ml = b->mijlpalen ? json_loads(b->mijlpalen, 0, NULL) : NULL;
	size_t m = json_array_size(ml);
	const char **ids = arena_alloc(c->arena, (m + 1) * sizeof *ids);
	if (!ids) {
		json_decref(ml);
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	for (size_t i = 0; i < m; i++) {
		const char *id = json_string_value(json_object_get(json_array_get(ml, i), "id"));
		ids[p->mijlpaal_aantal] = id ? arena_strdup(c->arena, id) : NULL;
		if (ids[p->mijlpaal_aantal])
			p->mijlpaal_aantal++;
	}
	json_decref(ml);
	p->mijlpalen = ids;
	return RC_OK;
}

static json_t *verantwoording_json(const struct store_rows *r, size_t i)
{
	json_t *bev = json_loads(store_text(r, i, SVW_BEVINDINGEN), 0, NULL);
	json_t *doc = json_loads(store_text(r, i, SVW_DOCUMENT), 0, NULL);
	return json_pack("{s:I, s:I, s:I, s:I, s:b, s:I, s:I, s:b, s:s, s:s, s:o, s:o}",
			 "id", (json_int_t)store_int(r, i, SVW_ID, 0),
			 "beschikking_id", (json_int_t)store_int(r, i, SVW_BESCHIKKING, 0),
			 "jaar", (json_int_t)store_int(r, i, SVW_JAAR, 0),
			 "versie", (json_int_t)store_int(r, i, SVW_VERSIE, 0),
			 "compleet", store_int(r, i, SVW_COMPLEET, 0) != 0,
			 "totaal_cent", (json_int_t)store_int(r, i, SVW_TOTAAL, 0),
			 "aanvaardbaar_cent", (json_int_t)store_int(r, i, SVW_AANVAARDBAAR, 0),
			 "te_laat", store_int(r, i, SVW_TE_LAAT, 0) != 0,
			 "ingediend_op", store_text(r, i, SVW_OP), "ingediend_door", store_text(r, i, SVW_DOOR),
			 "document", doc ? doc : json_object(), "toetsing", bev ? bev : json_object());
}

static rc_t dien_in_tx(struct store *s, void *ctx, struct error *e)
{
	struct dien_ctx *c = ctx;
	struct beschikking b;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = lead(s, c, &b, e);
	struct store_rows kr, vr;
	if (rc == RC_OK)
		rc = store_verantwoordingskader_lees(s, c->in->jaar, c->arena, &kr, e);
	if (rc == RC_OK && kr.nrows == 0) {
		error_add(e, "/jaar", "geen_kader", BRON, "Het programmabureau heeft het verantwoordingskader voor %"
			  PRId64 " nog niet vastgesteld (tolerantie, drempel, termijn).", c->in->jaar);
		rc = RC_CONFLICT;
	}
	/* costs of a year the beschikking has no upper bound for are refused,
	 * not stored with a finding: there is nothing to account them against */
	bool projectjaar = false;
	for (size_t i = 0; i < b.jaar_aantal; i++)
		projectjaar = projectjaar || b.jaren[i].jaar == c->in->jaar;
	if ((rc == RC_OK || rc == RC_CONFLICT) && !projectjaar && strcmp(b.besluit, "verleend") == 0) {
		error_add(e, "/jaar", "geen_projectjaar", "[001 §5], [001 §2]", "%" PRId64 " is geen jaar van deze "
			  "beschikking: de bovengrens kent alleen andere jaren.", c->in->jaar);
		rc = RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = store_verantwoording_lijst(s, c->beschikking_id, c->arena, &vr, e);
	/* one per year, unless the insurer asked for information on the newest
	 * version: the answer is the next version */
	int64_t versie = 1;
	size_t nieuwste = SIZE_MAX;
	for (size_t i = 0; rc == RC_OK && i < vr.nrows; i++)
		if (store_int(&vr, i, SVW_JAAR, 0) == c->in->jaar && store_int(&vr, i, SVW_VERSIE, 0) >= versie) {
			versie = store_int(&vr, i, SVW_VERSIE, 0) + 1;
			nieuwste = i;
		}
	struct store_rows vz;
	if (rc == RC_OK && nieuwste != SIZE_MAX)
		rc = store_verantwoording_verzoek_lees(s, store_int(&vr, nieuwste, SVW_ID, 0), c->arena, &vz, e);
	if (rc == RC_OK && nieuwste != SIZE_MAX && vz.nrows == 0) {
		error_add(e, "/jaar", "al_ingediend", BRON, "De verantwoording over %" PRId64 " is al ingediend op %s; "
			  "een nieuwe versie volgt alleen op een informatieverzoek.", c->in->jaar,
			  store_text(&vr, nieuwste, SVW_OP));
		rc = RC_CONFLICT;
	}
	struct verantwoording_project p;
	if (rc == RC_OK)
		rc = project_lees(s, c, &b, &p, e);
	char object[BIJLAGE_OBJECT_MAX + 1];
	snprintf(object, sizeof object, "verantwoording/%" PRId64 "/%" PRId64, c->beschikking_id, c->in->jaar);
	struct store_rows br;
	if (rc == RC_OK)
		rc = store_bijlage_lijst(s, object, c->arena, &br, e);
	if (rc != RC_OK)
		return rc;
	struct verantwoording_kader k = {.jaar = c->in->jaar, .tolerantie_bp = store_int(&kr, 0, SVK_TOLERANTIE, 0),
					 .accountant_vanaf_cent = store_int(&kr, 0, SVK_ACCOUNTANT, 0),
					 .deadline_us = store_int(&kr, 0, SVK_DEADLINE_US, 0)};
	int64_t nu_us = klok_nu_us(c->klok);
	struct verantwoording_context vc = {.ingediend_us = nu_us, .heeft_accountantsverklaring = br.nrows > 0};
	struct verantwoording_bevindingen *bev = arena_alloc(c->arena, sizeof *bev);
	if (!bev)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	verantwoording_toets(c->in, &p, &k, &vc, bev);
	json_t *bj = verantwoording_bevindingen_json(bev);
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(nu_us, nu, sizeof nu);
	bool te_laat = k.deadline_us > 0 && nu_us > k.deadline_us;
	struct store_verantwoording v = {.beschikking_id = c->beschikking_id, .jaar = c->in->jaar, .versie = versie,
					 .document = json_encode(c->arena, c->body),
					 .bevindingen = bj ? json_encode(c->arena, bj) : NULL, .compleet = bev->compleet,
					 .te_laat = te_laat, .totaal_cent = bev->totaal_cent,
					 .aanvaardbaar_cent = bev->aanvaardbaar_cent, .op = nu, .door = c->who->actor};
	json_decref(bj);
	if (!v.document || !v.bevindingen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	int64_t id = 0;
	rc = store_verantwoording_voeg_toe(s, &v, &id, e);
	char obj[48], detail[200];
	snprintf(obj, sizeof obj, "verantwoording/%" PRId64, id);
	snprintf(detail, sizeof detail, "{\"beschikking\":%" PRId64 ",\"jaar\":%" PRId64 ",\"versie\":%" PRId64
		 ",\"totaal_cent\":%" PRId64 ",\"compleet\":%s}", c->beschikking_id, c->in->jaar, versie, bev->totaal_cent,
		 bev->compleet ? "true" : "false");
	struct audit_entry ae = {c->who->actor, "verantwoording.dien_in", obj, "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	if (rc == RC_OK)
		rc = store_verantwoording_lijst(s, c->beschikking_id, c->arena, &vr, e);
	for (size_t i = 0; rc == RC_OK && i < vr.nrows; i++)
		if (store_int(&vr, i, SVW_ID, 0) == id) {
			c->uit = verantwoording_json(&vr, i);
			json_object_set_new(c->uit, "plausibiliteit", json_null());
			json_object_set_new(c->uit, "informatieverzoek", json_null());
		}
	return rc;
}

static rc_t bijlage_tx(struct store *s, void *ctx, struct error *e)
{
	struct dien_ctx *c = ctx;
	struct beschikking b;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = lead(s, c, &b, e);
	bool jaar_ok = false;
	for (size_t i = 0; rc == RC_OK && i < b.jaar_aantal; i++)
		jaar_ok = jaar_ok || b.jaren[i].jaar == c->jaar;
	if (rc == RC_OK && !jaar_ok)
		return error_set(e, RC_NOT_FOUND, "Deze beschikking heeft geen jaar %" PRId64 ".", c->jaar);
	char object[BIJLAGE_OBJECT_MAX + 1], nu[KLOK_TEKST_BYTES];
	snprintf(object, sizeof object, "verantwoording/%" PRId64 "/%" PRId64, c->beschikking_id, c->jaar);
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	const char *obj = arena_strdup(c->arena, object), *tijd = arena_strdup(c->arena, nu);
	if (rc == RC_OK && (!obj || !tijd))
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (rc == RC_OK)
		rc = bijlage_voeg_toe_tx(s, c->who, obj, c->naam, c->data, c->len, tijd, c->arena, c->bijlage_uit, e);
	return rc;
}

/* Runs the write; a refusal of access is recorded as such. */
static rc_t uitvoeren(struct store *s, struct dien_ctx *c, const char *actie, struct error *e)
{
	char object[64];
	snprintf(object, sizeof object, "beschikking/%" PRId64 "/verantwoording", c->beschikking_id);
	rc_t rc = store_tx(s, STORE_WRITE, c->bijlage ? bijlage_tx : dien_in_tx, c, e);
	if (rc != RC_OK && c->weiger != RC_OK) {
		error_clear(e);
		return toegang_weiger(s, c->who, c->weiger, object, c->weiger == RC_FORBIDDEN
				      ? "alleen de penvoerder verantwoordt" : "geen partij bij de beschikking", e);
	}
	if (rc == RC_CONFLICT) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, c->who->actor, actie, object, e);
	}
	return rc;
}

rc_t verantwoording_dien_in(struct store *s, const struct principal *who, const struct klok *klok,
			    int64_t beschikking_id, json_t *body, struct arena *arena, json_t **out,
			    struct error *e)
{
	struct verantwoording_invoer in;
	rc_t rc = verantwoording_lees(body, arena, &in, e);
	if (rc != RC_OK)
		return rc;
	struct dien_ctx c = {.who = who, .klok = klok, .beschikking_id = beschikking_id, .in = &in,
			     .body = body, .arena = arena};
	rc = uitvoeren(s, &c, "verantwoording.dien_in", e);
	if (rc == RC_OK && !c.uit)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	if (rc == RC_OK)
		*out = c.uit;
	else
		json_decref(c.uit);
	return rc;
}

rc_t verantwoording_bijlage_voeg_toe(struct store *s, const struct principal *who,
				     const struct klok *klok, int64_t beschikking_id, int64_t jaar,
				     const char *naam, const void *data, size_t len, struct arena *arena,
				     struct bijlage *out, struct error *e)
{
	const struct bijlage_type *type = NULL;
	rc_t rc = bijlage_type_bepaal(data, len, &type, e);
	if (rc != RC_OK)
		return rc;
	struct dien_ctx c = {.who = who, .klok = klok, .beschikking_id = beschikking_id, .arena = arena,
			     .bijlage = true, .jaar = jaar, .naam = naam, .data = data, .len = len,
			     .bijlage_uit = out};
	return uitvoeren(s, &c, "verantwoording.bijlage", e);
}

struct lijst_ctx {
	struct arena *arena;
	int64_t id;
	const struct beschikking *b;
	json_t *uit;
};

/* What the forms need beside the accountabilities: the project's years,
 * its budget per year summed per provider x kind x nature x purpose (the
 * granted version), the coalition's providers with their names, and its
 * milestones. */
static json_t *project_json(struct store *s, struct lijst_ctx *c, struct error *e)
{
	struct dien_ctx dc = {.arena = c->arena};
	struct verantwoording_project p;
	if (project_lees(s, &dc, c->b, &p, e) != RC_OK)
		return NULL;
	json_t *jaren = json_array(), *begroting = json_array(), *deelnemers = json_array(), *mijlpalen = json_array();
	for (size_t i = 0; i < p.jaar_aantal; i++)
		json_array_append_new(jaren, json_integer(p.jaren[i]));
	for (size_t i = 0; i < p.begroting_aantal; i++) {
		const struct aanvraag_regel *r = &p.begroting[i];
		const char *soort = aanvraag_kostensoort_naam(r->kostensoort), *aard = aanvraag_aard_naam(r->aard),
			   *doel = aanvraag_doel_naam(r->doel);
		json_t *x, *gevonden = NULL;
		size_t k;
		json_array_foreach(begroting, k, x)
			if (json_integer_value(json_object_get(x, "jaar")) == r->jaar &&
			    json_integer_value(json_object_get(x, "zorgaanbieder")) == r->zorgaanbieder &&
			    strcmp(json_string_value(json_object_get(x, "kostensoort")), soort) == 0 &&
			    strcmp(json_string_value(json_object_get(x, "aard")), aard) == 0 &&
			    strcmp(json_string_value(json_object_get(x, "doel")), doel) == 0)
				gevonden = x;
		if (gevonden)
			json_object_set_new(gevonden, "bedrag_cent", json_integer(json_integer_value(
				json_object_get(gevonden, "bedrag_cent")) + r->bedrag_cent));
		else
			json_array_append_new(begroting, json_pack("{s:I, s:I, s:s, s:s, s:s, s:I}", "jaar", (json_int_t)r->jaar,
					      "zorgaanbieder", (json_int_t)r->zorgaanbieder, "kostensoort", soort, "aard", aard,
					      "doel", doel, "bedrag_cent", (json_int_t)r->bedrag_cent));
	}
	for (size_t i = 0; i < p.deelnemer_aantal; i++) {
		const char *naam = NULL, *uzovi = NULL;
		if (store_organisatie_naam(s, p.deelnemers[i], c->arena, &naam, &uzovi, e) != RC_OK)
			break;
		json_array_append_new(deelnemers, json_pack("{s:I, s:s?}", "id", (json_int_t)p.deelnemers[i], "naam", naam));
	}
	for (size_t i = 0; i < p.mijlpaal_aantal; i++)
		json_array_append_new(mijlpalen, json_string(p.mijlpalen[i]));
	return json_pack("{s:o, s:o, s:o, s:o}", "jaren", jaren, "begroting", begroting, "deelnemers", deelnemers,
			 "mijlpalen", mijlpalen);
}

/* Adds the insurer's plausibility test of accountability `id` (or null). */
static void toets_erbij(struct store *s, struct arena *arena, json_t *v, int64_t id, struct error *e)
{
	struct store_rows r;
	json_t *t = json_null();
	if (store_plausibiliteit_lees(s, id, arena, &r, e) == RC_OK && r.nrows == 1) {
		json_t *oordelen = json_loads(store_text(&r, 0, SPT_OORDELEN), 0, NULL);
		t = json_pack("{s:o, s:I, s:s, s:s}", "oordelen", oordelen ? oordelen : json_array(), "plausibel_cent",
			      (json_int_t)store_int(&r, 0, SPT_PLAUSIBEL, 0), "getoetst_op", store_text(&r, 0, SPT_OP),
			      "getoetst_door", store_text(&r, 0, SPT_DOOR));
	}
	json_object_set_new(v, "plausibiliteit", t ? t : json_null());
}

/* Adds the insurer's request for information on version `id` (or null). */
static void verzoek_erbij(struct store *s, struct arena *arena, json_t *v, int64_t id, struct error *e)
{
	struct store_rows r;
	json_t *t = json_null();
	if (store_verantwoording_verzoek_lees(s, id, arena, &r, e) == RC_OK && r.nrows == 1)
		t = json_pack("{s:s, s:s, s:s}", "vraag", store_text(&r, 0, SVZ_VRAAG), "gevraagd_op",
			      store_text(&r, 0, SVZ_OP), "gevraagd_door", store_text(&r, 0, SVZ_DOOR));
	json_object_set_new(v, "informatieverzoek", t ? t : json_null());
}

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = store_verantwoording_lijst(s, c->id, c->arena, &r, e);
	json_t *l = json_array();
	for (size_t i = 0; rc == RC_OK && l && i < r.nrows; i++) {
		json_t *v = verantwoording_json(&r, i);
		char object[BIJLAGE_OBJECT_MAX + 1];
		snprintf(object, sizeof object, "verantwoording/%" PRId64 "/%" PRId64, c->id,
			 store_int(&r, i, SVW_JAAR, 0));
		struct store_rows br;
		json_t *bl = json_array();
		if (store_bijlage_lijst(s, object, c->arena, &br, e) == RC_OK)
			for (size_t k = 0; k < br.nrows; k++)
				json_array_append_new(bl, json_pack("{s:I, s:s, s:s, s:I}", "id",
								    (json_int_t)store_int(&br, k, SBL_ID, 0), "naam",
								    store_text(&br, k, SBL_NAAM), "mediatype",
								    store_text(&br, k, SBL_MEDIATYPE), "grootte",
								    (json_int_t)store_int(&br, k, SBL_GROOTTE, 0)));
		json_object_set_new(v, "bijlagen", bl);
		toets_erbij(s, c->arena, v, store_int(&r, i, SVW_ID, 0), e);
		verzoek_erbij(s, c->arena, v, store_int(&r, i, SVW_ID, 0), e);
		json_array_append_new(l, v);
	}
	json_t *project = rc == RC_OK && strcmp(c->b->besluit, "verleend") == 0 ? project_json(s, c, e) : NULL;
	c->uit = json_pack("{s:o, s:o}", "verantwoordingen", l ? l : json_array(), "project", project ? project : json_null());
	return e->rc == RC_OK ? rc : e->rc;
}

rc_t verantwoording_lijst(struct store *s, struct arena *arena, const struct principal *who,
			  int64_t beschikking_id, json_t **out, struct error *e)
{
	struct beschikking b;
	rc_t rc = beschikking_open(s, arena, who, beschikking_id, &b, e);
	if (rc != RC_OK)
		return rc;
	struct lijst_ctx c = {.arena = arena, .id = beschikking_id, .b = &b};
	rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc == RC_OK)
		*out = c.uit;
	else
		json_decref(c.uit);
	return rc;
}

/* ---- the insurer's plausibility test ---------------------------------------- */

struct toets_ctx {
	const struct principal *who;
	const struct klok *klok;
	int64_t id;
	json_t *body;
	struct arena *arena;
	rc_t weiger;
	int64_t beschikking_id;
	const char *vraag;   /* the request for information */
	json_t *uit;
};

/* bezwaar[i]: a rule found against line i (a niet_voldaan finding at /regels/i/...). */
static void bezwaren(const char *bevindingen, bool *bezwaar, size_t n)
{
	json_t *b = bevindingen ? json_loads(bevindingen, 0, NULL) : NULL;
	json_t *l = json_object_get(b, "bevindingen"), *x;
	size_t k;
	json_array_foreach(l, k, x) {
		const char *veld = json_string_value(json_object_get(x, "veld"));
		const char *uitkomst = json_string_value(json_object_get(x, "uitkomst"));
		unsigned long i = 0;
		int m = 0;
		if (veld && uitkomst && strcmp(uitkomst, "niet_voldaan") == 0 &&
		    sscanf(veld, "/regels/%lu/%n", &i, &m) == 1 && m > 0 && i < n)
			bezwaar[i] = true;
	}
	json_decref(b);
}

/* The plausible amounts of every tested year of the beschikking: *jaren
 * the number of tested years, *plausibel their sum. */
static rc_t getoetst(struct store *s, struct arena *arena, int64_t beschikking_id, size_t *jaren,
		     int64_t *plausibel, struct error *e)
{
	struct store_rows vr, pr;
	rc_t rc = store_verantwoording_lijst(s, beschikking_id, arena, &vr, e);
	*jaren = 0;
	*plausibel = 0;
	for (size_t i = 0; rc == RC_OK && i < vr.nrows; i++) {
		rc = store_plausibiliteit_lees(s, store_int(&vr, i, SVW_ID, 0), arena, &pr, e);
		if (rc == RC_OK && pr.nrows == 1) {
			int64_t v = store_int(&pr, 0, SPT_PLAUSIBEL, 0);
			if (*plausibel > INT64_MAX - v)
				return error_set(e, RC_TOO_LARGE, "De plausibele bedragen passen niet in 64 bits.");
			*plausibel += v;
			(*jaren)++;
		}
	}
	return rc;
}

/* Reclaim [001 §5]: once every year of the upper bound is tested, what
 * the insurer paid for milestones beyond the plausible actual costs of the
 * whole project (corrections included) goes back from verzekeraar/<uzovi>/betaald to
 * project/<aanvraag>, so it never reaches risk equalisation. *bedrag the
 * amount reclaimed now (0: nothing). Idempotent by its key. */
static rc_t terugvorderen(struct store *s, struct arena *arena, const struct klok *klok, const struct beschikking *b,
			  int64_t *bedrag, struct error *e)
{
	*bedrag = 0;
	size_t jaren = 0;
	int64_t plausibel = 0, betaald = 0;
	rc_t rc = getoetst(s, arena, b->id, &jaren, &plausibel, e);
	if (rc != RC_OK || jaren < b->jaar_aantal)
		return rc;
	rc = store_betaald_netto(s, b->id, &betaald, e);   /* corrections included */
	if (rc != RC_OK || betaald <= plausibel)
		return rc;
	const char *naam = NULL, *uzovi = NULL;
	rc = store_organisatie_naam(s, b->coordinerend_verzekeraar_id, arena, &naam, &uzovi, e);
	if (rc == RC_OK && !uzovi)
		return error_set(e, RC_INTERNAL, "De coördinerende verzekeraar heeft geen UZOVI-code.");
	if (rc != RC_OK)
		return rc;
	char project[GROOTBOEK_CODE_MAX + 1], verzekeraar[GROOTBOEK_CODE_MAX + 1], sleutel[GROOTBOEK_SLEUTEL_MAX + 1];
	char omschrijving[160];
	snprintf(project, sizeof project, "project/%" PRId64, b->aanvraag_id);
	snprintf(verzekeraar, sizeof verzekeraar, "verzekeraar/%s/betaald", uzovi);
	snprintf(sleutel, sizeof sleutel, "terugvordering/%" PRId64, b->aanvraag_id);
	snprintf(omschrijving, sizeof omschrijving, "Terugvordering: betaald boven de plausibele kosten van %s", b->kenmerk);
	struct boeking bk = {.sleutel = sleutel, .soort = BOEKING_DIRECT, .debet = verzekeraar, .credit = project,
			     .bedrag_cent = betaald - plausibel, .code = "verantwoording.terugvordering",
			     .omschrijving = omschrijving};
	struct boeking_resultaat res;
	rc = grootboek_boek(s, &bk, 1, &res, e);
	if (rc == RC_OK && res.uitkomst != GROOTBOEK_OK)
		return grootboek_weigeringen(&bk, &res, 1, e);
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(klok), nu, sizeof nu);
	int64_t jaar = klok_jaar(klok);
	if (rc == RC_OK)   /* the year it is made, as payments: the statement counts it there */
		rc = store_terugvordering_voeg_toe(s, b->id, betaald - plausibel, jaar, b->coordinerend_verzekeraar_id,
						   res.boeking_id, nu, e);
	if (rc == RC_OK)
		*bedrag = betaald - plausibel;
	return rc;
}

/* In a write transaction: accountability version c->id (*vr) and its
 * beschikking (*b) for the coordinating insurer, open for its judgement --
 * not tested ("al_getoetst"), the newest version of its year
 * ("niet_nieuwste"), no request for information pending on it
 * ("informatie_gevraagd"): RC_CONFLICT. Another party: c->weiger. */
static rc_t open_voor_toets(struct store *s, struct toets_ctx *c, struct store_rows *vr, struct beschikking *b,
			    struct error *e)
{
	struct store_rows pr, alle, vz;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = store_verantwoording_lees(s, c->id, c->arena, vr, e);
	if (rc == RC_OK && vr->nrows == 0)
		return error_set(e, RC_NOT_FOUND, "Verantwoording %" PRId64 " bestaat niet.", c->id);
	c->beschikking_id = rc == RC_OK ? store_int(vr, 0, SVW_BESCHIKKING, 0) : 0;
	if (rc == RC_OK)
		rc = beschikking_lees_tx(s, c->arena, c->beschikking_id, b, e);
	bool partij = false;
	if (rc == RC_OK)
		rc = beschikking_partij_tx(s, c->who, b, &partij, e);
	if (rc != RC_OK)
		return rc;
	if (!partij || !((c->who->roles & ROL_BEOORDELAAR) && c->who->organisatie_id == b->coordinerend_verzekeraar_id)) {
		c->weiger = partij ? RC_FORBIDDEN : RC_NOT_FOUND;
		return c->weiger;
	}
	rc = store_plausibiliteit_lees(s, c->id, c->arena, &pr, e);
	if (rc == RC_OK && pr.nrows > 0) {
		error_add(e, "", "al_getoetst", BRON, "Deze verantwoording is al getoetst op %s.", store_text(&pr, 0, SPT_OP));
		return RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = store_verantwoording_lijst(s, c->beschikking_id, c->arena, &alle, e);
	for (size_t i = 0; rc == RC_OK && i < alle.nrows; i++)
		if (store_int(&alle, i, SVW_JAAR, 0) == store_int(vr, 0, SVW_JAAR, 0) &&
		    store_int(&alle, i, SVW_VERSIE, 0) > store_int(vr, 0, SVW_VERSIE, 0)) {
			error_add(e, "", "niet_nieuwste", BRON, "Er is een nieuwere versie van deze verantwoording (versie %"
				  PRId64 ").", store_int(&alle, i, SVW_VERSIE, 0));
			return RC_CONFLICT;
		}
	if (rc == RC_OK)
		rc = store_verantwoording_verzoek_lees(s, c->id, c->arena, &vz, e);
	if (rc == RC_OK && vz.nrows > 0) {
		error_add(e, "", "informatie_gevraagd", BRON, "Op %s is informatie gevraagd; de penvoerder antwoordt met "
			  "een nieuwe versie.", store_text(&vz, 0, SVZ_OP));
		return RC_CONFLICT;
	}
	return rc;
}

static rc_t toets_tx(struct store *s, void *ctx, struct error *e)
{
	struct toets_ctx *c = ctx;
	struct store_rows vr;
	struct beschikking b;
	rc_t rc = open_voor_toets(s, c, &vr, &b, e);
	if (rc != RC_OK)
		return rc;
	json_t *doc = rc == RC_OK ? json_loads(store_text(&vr, 0, SVW_DOCUMENT), 0, NULL) : NULL;
	struct verantwoording_invoer in;
	struct error stil;
	error_clear(&stil);
	if (rc == RC_OK && (!doc || verantwoording_lees(doc, c->arena, &in, &stil) != RC_OK))
		rc = error_set(e, RC_INTERNAL, "De opgeslagen verantwoording %" PRId64 " is onleesbaar.", c->id);
	bool *bezwaar = rc == RC_OK ? arena_alloc(c->arena, in.regel_aantal + 1) : NULL;
	if (rc == RC_OK && !bezwaar)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	struct plausibiliteit p;
	if (rc == RC_OK) {
		memset(bezwaar, 0, in.regel_aantal + 1);
		bezwaren(store_text(&vr, 0, SVW_BEVINDINGEN), bezwaar, in.regel_aantal);
		rc = plausibiliteit_lees(c->body, &in, bezwaar, c->arena, &p, e);
	}
	json_t *oordelen = rc == RC_OK ? plausibiliteit_json(&p) : NULL;
	const char *tekst = oordelen ? json_encode(c->arena, oordelen) : NULL;
	json_decref(oordelen);
	if (rc == RC_OK && !tekst)
		rc = error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	int64_t tid = 0;
	if (rc == RC_OK)
		rc = store_plausibiliteit_voeg_toe(s, c->id, tekst, p.plausibel_cent, nu, c->who->actor, &tid, e);
	char object[48], detail[160];
	snprintf(object, sizeof object, "verantwoording/%" PRId64, c->id);
	snprintf(detail, sizeof detail, "{\"plausibel_cent\":%" PRId64 "}", rc == RC_OK ? p.plausibel_cent : 0);
	struct audit_entry ae = {c->who->actor, "verantwoording.plausibiliteit", object, "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	int64_t terug = 0;
	if (rc == RC_OK)
		rc = terugvorderen(s, c->arena, c->klok, &b, &terug, e);
	char terugdetail[96];
	snprintf(terugdetail, sizeof terugdetail, "{\"bedrag_cent\":%" PRId64 "}", terug);
	struct audit_entry te = {c->who->actor, "verantwoording.terugvordering", object, "gelukt", terugdetail};
	if (rc == RC_OK && terug > 0)
		rc = audit_append(s, &te, e);
	if (rc == RC_OK) {
		c->uit = verantwoording_json(&vr, 0);
		toets_erbij(s, c->arena, c->uit, c->id, e);
		json_object_set_new(c->uit, "informatieverzoek", json_null());
		json_object_set_new(c->uit, "terugvordering_cent", json_integer(terug));
	}
	json_decref(doc);
	return rc;
}

/* Runs the insurer's action `tx` on an accountability version (the test
 * or the request for information); a refusal of access is recorded as
 * such (`weigering` says why another party is refused), a conflict as
 * `actie`. *out the version afterwards. */
static rc_t toets_uitvoeren(struct store *s, struct toets_ctx *c, rc_t (*tx)(struct store *, void *, struct error *),
			    const char *actie, const char *weigering, json_t **out, struct error *e)
{
	rc_t rc = store_tx(s, STORE_WRITE, tx, c, e);
	char object[48];
	snprintf(object, sizeof object, "verantwoording/%" PRId64, c->id);
	if (rc != RC_OK && c->weiger != RC_OK) {
		error_clear(e);
		json_decref(c->uit);
		return toegang_weiger(s, c->who, c->weiger, object, c->weiger == RC_FORBIDDEN
				      ? weigering : "geen partij bij de beschikking", e);
	}
	if (rc == RC_CONFLICT) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, c->who->actor, actie, object, e);
	}
	if (rc == RC_OK)
		*out = c->uit;
	else
		json_decref(c->uit);
	return rc;
}

rc_t verantwoording_plausibiliteit(struct store *s, const struct principal *who, const struct klok *klok,
				   int64_t verantwoording_id, json_t *body, struct arena *arena, json_t **out,
				   struct error *e)
{
	struct toets_ctx c = {.who = who, .klok = klok, .id = verantwoording_id, .body = body, .arena = arena};
	return toets_uitvoeren(s, &c, toets_tx, "verantwoording.plausibiliteit", "alleen de coordinerend verzekeraar toetst",
			       out, e);
}

/* ---- the insurer's request for information ----------------------------------- */

static rc_t vraag_tx(struct store *s, void *ctx, struct error *e)
{
	struct toets_ctx *c = ctx;
	struct store_rows vr;
	struct beschikking b;
	rc_t rc = open_voor_toets(s, c, &vr, &b, e);
	char nu[KLOK_TEKST_BYTES];
	klok_tekst(klok_nu_us(c->klok), nu, sizeof nu);
	if (rc == RC_OK)
		rc = store_verantwoording_verzoek_voeg_toe(s, c->id, c->vraag, nu, c->who->actor, e);
	char object[48], detail[96];
	snprintf(object, sizeof object, "verantwoording/%" PRId64, c->id);
	snprintf(detail, sizeof detail, "{\"versie\":%" PRId64 "}", rc == RC_OK ? store_int(&vr, 0, SVW_VERSIE, 0) : 0);
	struct audit_entry ae = {c->who->actor, "verantwoording.informatieverzoek", object, "gelukt", detail};
	if (rc == RC_OK)
		rc = audit_append(s, &ae, e);
	if (rc == RC_OK) {
		c->uit = verantwoording_json(&vr, 0);
		json_object_set_new(c->uit, "plausibiliteit", json_null());
		verzoek_erbij(s, c->arena, c->uit, c->id, e);
	}
	return rc;
}

rc_t verantwoording_vraag_informatie(struct store *s, const struct principal *who, const struct klok *klok,
				     int64_t verantwoording_id, json_t *body, struct arena *arena, json_t **out,
				     struct error *e)
{
	static const char *const velden[] = {"vraag", NULL};
	struct toets_ctx c = {.who = who, .klok = klok, .id = verantwoording_id, .body = body, .arena = arena};
	json_reject_unknown(body, velden, "", e);
	if (json_get_string(body, "vraag", true, "", &c.vraag, e) &&
	    (!tekst_aanwezig(c.vraag) || strlen(c.vraag) > VERANTWOORDING_VRAAG_MAX))
		error_add(e, "/vraag", "vraag_ontbreekt", BRON, "Stel de vraag (hoogstens %d tekens).",
			  VERANTWOORDING_VRAAG_MAX);
	if (e->item_count > 0 || e->items_dropped)
		return error_set(e, RC_INVALID, "Het informatieverzoek is niet geldig.");
	return toets_uitvoeren(s, &c, vraag_tx, "verantwoording.informatieverzoek",
			       "alleen de coordinerend verzekeraar vraagt informatie", out, e);
}
