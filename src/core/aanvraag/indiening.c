/*
 * indiening.c -- submission, receipts and their verification. See
 * indiening.h.
 *
 * A submission is one short write transaction: the write lock (and on
 * PostgreSQL the lock on the audit chain), the server's clock read under
 * that lock, the round's window, the blocking checks, the canonical
 * document and its hash, the version row, the new state and the audit
 * record. Either all of it is committed or none of it.
 */
#include "core/aanvraag/indiening.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/basis/audit.h"
#include "core/aanvraag/informatieverzoek.h"
#include "core/basis/json.h"

/* ---- submitting ---------------------------------------------------------- */

struct indien_ctx {
	const struct principal *who;
	const struct klok *klok;
	struct arena *arena;
	int64_t id;
	const char *concept_sha256;   /* what the applicant means to submit; NULL: any */
	const char *actor;
	struct ontvangstbewijs *out;
	rc_t weiger;
	const char *weiger_reden;
	/* prepared outside the write lock (indien_voorbereid_tx) */
	struct aanvraagdossier d;
	struct indieningsronde r;
	const char *tekst, *open_velden, *route;
	size_t lengte;
	char sha[INDIENING_SHA_HEX];
	int64_t coordinerend, tweede;
	int64_t gevraagd_cent;   /* what the version asks in all; -1: the last save's checks */
	bool gewijzigd;               /* the draft changed between the two phases */
};

/* The refusal of a state that does not allow submitting. */
static rc_t niet_nu(struct error *e, const char *code, const char *fmt, const char *a,
		    const char *b)
{
	error_set(e, RC_CONFLICT, fmt, a, b);
	error_add(e, "/", code, "[001 \"Vervolgproces\"], [002 §4.2]", "%s", e->message);
	e->rc = RC_CONFLICT;
	return RC_CONFLICT;
}

/* Lists every blocking finding as a problem; RC_INVALID when any. */
static rc_t blokkerend(const struct toets_resultaat *r, struct error *e)
{
	if (r->indienbaar)
		return RC_OK;
	error_set(e, RC_INVALID, "De aanvraag is niet compleet of niet consistent (%zu blokkerende "
		  "bevindingen); er is niets ingediend.", r->blokkerend_aantal);
	for (size_t i = 0; i < r->aantal; i++) {
		const struct toets_bevinding *b = &r->bevindingen[i];
		if (!b->check->blokkerend || b->resultaat != TOETS_NIET_VOLDAAN)
			continue;
		error_add(e, b->veld[0] ? b->veld : "/", b->check->id, b->check->bron, "%s", b->bericht);
	}
	e->rc = RC_INVALID;
	return RC_INVALID;
}

/* May `who` submit, and is this the moment? */
static rc_t indien_mag(struct indien_ctx *c, const struct aanvraagdossier *d, bool coalitie,
		       const struct indieningsronde *r, int64_t nu, struct error *e)
{
	enum aanvraag_toegang t = aanvraagdossier_toegang(c->who, d, coalitie, nu);
	if (t != AANVRAAG_PENVOERDER) {
		c->weiger = t == AANVRAAG_GEEN ? RC_NOT_FOUND : RC_FORBIDDEN;
		c->weiger_reden = t == AANVRAAG_GEEN ? "geen partij bij de aanvraag"
			: "Alleen de penvoerder dient de aanvraag in.";
		return c->weiger;
	}
	if (c->concept_sha256 && strcmp(c->concept_sha256, d->concept_sha256) != 0)
		return niet_nu(e, "concept_gewijzigd", "Het concept is sinds %s opnieuw opgeslagen%s; "
			       "bekijk het en dien opnieuw in.", "uw laatste lezing", "");
	if (d->status == AANVRAAG_INFORMATIE_GEVRAAGD)
		return RC_OK;
	if (d->status != AANVRAAG_CONCEPT)
		return niet_nu(e, "al_ingediend", "De aanvraag is al ingediend (%s); een ingediende "
			       "versie ligt vast%s.", aanvraag_status_naam(d->status), "");
	enum ronde_fase f = indieningsronde_fase(r, nu);
	if (f == RONDE_GEPLAND)
		return niet_nu(e, "ronde_niet_open", "Ronde '%s' opent pas op %s (UTC).", r->naam, r->opent_op);
	if (f == RONDE_GESLOTEN)
		return niet_nu(e, "ronde_gesloten", "Ronde '%s' is gesloten op %s (UTC); er wordt niets "
			       "meer aangenomen.", r->naam, r->sluit_op);
	return RC_OK;
}

/* The common case without any parsing: a first submission of a draft
 * whose checks, at its last save, found nothing blocking. The checks
 * depend only on the document and on data that never changes once
 * published (round, catalogue, modelplan, the kinds of organisations), so
 * their verdict on this same document still holds; the stored working
 * document is already canonical, and it is hashed again to be sure.
 * Returns true when it prepared the submission (or failed: e->rc). */
static bool indien_snel(struct store *s, struct indien_ctx *c, struct error *e)
{
	const struct aanvraagdossier *d = &c->d;
	if (d->status != AANVRAAG_CONCEPT || !d->concept_indienbaar || !d->concept_route || !d->concept)
		return false;
	char sha[INDIENING_SHA_HEX];
	size_t n = strlen(d->concept);
	canoniek_sha256(d->concept, n, sha);
	if (strcmp(sha, d->concept_sha256) != 0)
		return false;
	int64_t coordinerend = 0, tweede = 0;
	if (store_aanvraag_verzekeraars(s, c->id, &coordinerend, &tweede, e) != RC_OK)
		return true;
	c->tekst = d->concept;
	c->lengte = n;
	memcpy(c->sha, sha, sizeof sha);
	c->route = d->concept_route;
	c->gevraagd_cent = -1;   /* the checks at the last save of this same document */
	c->open_velden = NULL;
	c->coordinerend = coordinerend;
	c->tweede = tweede;
	return true;
}

/* Phase 1, in a read transaction (no lock held): everything that only
 * depends on the draft -- access, state, the checks, the canonical
 * document and its hash. */
static rc_t indien_voorbereid_tx(struct store *s, void *ctx, struct error *e)
{
	struct indien_ctx *c = ctx;
	c->weiger = RC_OK;
	bool coalitie = false;
	rc_t rc = aanvraagdossier_lees_tx(s, c->arena, c->id, true, c->who->organisatie_id, &c->d, &coalitie, e);
	if (rc == RC_OK)
		rc = indieningsronde_lees_tx(s, c->arena, c->d.ronde_id, &c->r, e);
	if (rc == RC_OK)
		rc = indien_mag(c, &c->d, coalitie, &c->r, klok_nu_us(c->klok), e);
	if (rc == RC_OK && indien_snel(s, c, e))
		return e->rc;
	json_t *doc = NULL;
	struct aanvraag a;
	if (rc == RC_OK)
		rc = json_decode_object(c->d.concept, strlen(c->d.concept), AANVRAAG_DOCUMENT_MAX_BYTES,
					c->arena, &doc, e);
	if (rc == RC_OK && aanvraag_lees(doc, c->arena, &a, NULL) != RC_OK)
		rc = error_set(e, RC_INTERNAL, "Het opgeslagen concept is onleesbaar.");
	bool aanvulling = c->d.status == AANVRAAG_INFORMATIE_GEVRAAGD;
	if (rc == RC_OK && aanvulling)
		rc = informatieverzoek_aanvulling_controleer(s, c->arena, c->id, c->d.versie, doc, e);
	struct toets_resultaat *res = NULL;
	if (rc == RC_OK)
		rc = aanvraagdossier_toets_tx(s, c->arena, c->id, &c->r, &a, &res, e);
	if (rc == RC_OK)
		rc = blokkerend(res, e);
	c->open_velden = NULL;
	if (rc == RC_OK)
		rc = canoniek_json(doc, c->arena, &c->tekst, &c->lengte, c->sha, e);
	if (rc == RC_OK && aanvulling)
		rc = informatieverzoek_open_velden_json(s, c->arena, c->id, c->d.versie, &c->open_velden, e);
	if (rc != RC_OK)
		return rc;
	c->route = afwijking_route_naam(res->route);
	c->gevraagd_cent = res->totalen.gevraagd_cent;
	c->coordinerend = a.coalitie.coordinerend_verzekeraar;
	c->tweede = a.coalitie.tweede_verzekeraar;
	return RC_OK;
}

/* Phase 2, the one short write transaction: the lock, the server's clock
 * read under it, the window, the draft still the one prepared, then the
 * version, the state and the audit record. */
static rc_t indien_tx(struct store *s, void *ctx, struct error *e)
{
	struct indien_ctx *c = ctx;
	c->weiger = RC_OK;
	c->gewijzigd = false;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct aanvraagdossier nu_d;
	bool coalitie = false;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = aanvraagdossier_lees_tx(s, &a, c->id, false, c->who->organisatie_id, &nu_d, &coalitie, e);
	/* The moment that counts: the server's clock, under the write lock. */
	int64_t nu = klok_nu_us(c->klok);
	if (rc == RC_OK && (nu_d.status != c->d.status || nu_d.versie != c->d.versie ||
			    strcmp(nu_d.concept_sha256, c->d.concept_sha256) != 0)) {
		c->gewijzigd = true;
		rc = RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = indien_mag(c, &nu_d, coalitie, &c->r, nu, e);
	arena_release(&a);
	if (rc != RC_OK)
		return rc;
	struct ontvangstbewijs *b = c->out;
	b->aanvraag_id = c->id;
	b->versie = c->d.versie + 1;
	b->ronde_id = c->r.id;
	b->ingediend_op_us = nu;
	klok_tekst(nu, b->ingediend_op, sizeof b->ingediend_op);
	snprintf(b->sha256, sizeof b->sha256, "%s", c->sha);
	struct store_versie v = {
		.aanvraag_id = c->id, .versie = b->versie, .ronde_id = c->r.id, .document = c->tekst,
		.sha256 = c->sha, .grootte_bytes = (int64_t)c->lengte, .ingediend_op_us = nu,
		.ingediend_op = b->ingediend_op, .ingediend_door = c->actor, .route = c->route,
		.open_velden = c->open_velden,
	};
	rc = store_versie_insert(s, &v, e);
	if (rc == RC_OK)
		rc = store_aanvraag_status(s, c->id, aanvraag_status_naam(AANVRAAG_INGEDIEND), b->versie,
					   c->coordinerend, c->tweede, b->ingediend_op, e);
	if (rc == RC_OK)
		rc = store_aanvraag_gevraagd(s, c->id, c->gevraagd_cent, e);
	if (rc != RC_OK)
		return rc;
	char object[64], detail[320];
	snprintf(object, sizeof object, "aanvraag/%" PRId64 "/versie/%" PRId64, c->id, b->versie);
	snprintf(detail, sizeof detail,
		 "{\"sha256\":\"%s\",\"ingediend_op\":\"%s\",\"indieningsronde_id\":%" PRId64
		 ",\"grootte_bytes\":%zu,\"route\":\"%s\"}", b->sha256, b->ingediend_op, c->r.id, c->lengte,
		 c->route);
	struct audit_entry entry = {c->actor, "aanvraag.indien", object, "gelukt", detail};
	return audit_append(s, &entry, e);
}

rc_t indiening_dien_in(struct store *s, const struct principal *who, const struct klok *klok,
		       int64_t id, const char *concept_sha256, struct arena *arena,
		       struct ontvangstbewijs *out, struct error *e)
{
	char object[48];
	snprintf(object, sizeof object, "aanvraag/%" PRId64, id);
	if (!who || !(who->roles & ROL_AANVRAGER) || who->organisatie_id <= 0)
		return toegang_weiger(s, who, RC_FORBIDDEN, object,
				      "Alleen de penvoerder dient de aanvraag in.", e);
	struct ontvangstbewijs b;
	memset(&b, 0, sizeof b);
	struct indien_ctx c = {.who = who, .klok = klok, .arena = arena, .id = id,
			       .concept_sha256 = concept_sha256, .out = &b,
			       .actor = who->actor ? who->actor : "systeem"};
	/* When the draft changed between the phases (a colleague saved it, a
	 * second submission won), prepare again: at most a few times. */
	rc_t rc = RC_RETRY;
	for (int poging = 0; poging < 4; poging++) {
		rc = store_tx(s, STORE_READ, indien_voorbereid_tx, &c, e);
		if (rc == RC_OK)
			rc = store_groepscommit(s, indien_tx, &c, e);   /* with concurrent submissions */
		if (!(rc == RC_CONFLICT && c.gewijzigd))
			break;
		rc = error_set(e, RC_RETRY, "Het concept veranderde tijdens het indienen; probeer het opnieuw.");
	}
	if (rc != RC_OK && c.weiger != RC_OK)
		return toegang_weiger(s, who, c.weiger, object, c.weiger_reden, e);
	if (rc == RC_INVALID || rc == RC_CONFLICT) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, c.actor, "aanvraag.indien", object, e);
	}
	if (rc == RC_OK)
		*out = b;
	return rc;
}

/* ---- versions, receipts ---------------------------------------------------- */

static void versie_uit_rij(const struct store_rows *r, size_t i, bool met_document,
			   struct indiening_versie *v)
{
	memset(v, 0, sizeof *v);
	v->aanvraag_id = store_int(r, i, SV_AANVRAAG, 0);
	v->versie = store_int(r, i, SV_VERSIE, 0);
	v->ronde_id = store_int(r, i, SV_RONDE, 0);
	v->sha256 = store_text(r, i, SV_SHA);
	v->grootte_bytes = store_int(r, i, SV_GROOTTE, 0);
	v->ingediend_op_us = store_int(r, i, SV_INGEDIEND_US, 0);
	v->ingediend_op = store_text(r, i, SV_INGEDIEND);
	v->ingediend_door = store_text(r, i, SV_DOOR);
	v->route = store_text(r, i, SV_ROUTE);
	v->open_velden = store_text(r, i, SV_OPEN_VELDEN);
	if (met_document)
		v->document = store_text(r, i, SV_DOCUMENT);
}

struct versie_ctx {
	struct arena *arena;
	int64_t id, versie;
	struct indiening_versie *een;
	struct indiening_versie *lijst;
	size_t n;
};

static rc_t versie_tx(struct store *s, void *ctx, struct error *e)
{
	struct versie_ctx *c = ctx;
	struct store_rows rows;
	rc_t rc = store_versie_lees(s, c->id, c->versie, c->arena, &rows, e);
	if (rc == RC_OK && rows.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Deze versie is niet ingediend.");
	if (rc == RC_OK)
		versie_uit_rij(&rows, 0, true, c->een);
	return rc;
}

rc_t indiening_versie(struct store *s, struct arena *arena, int64_t id, int64_t versie,
		      struct indiening_versie *out, struct error *e)
{
	struct versie_ctx c = {.arena = arena, .id = id, .versie = versie, .een = out};
	return store_tx(s, STORE_READ, versie_tx, &c, e);
}

static rc_t versies_tx(struct store *s, void *ctx, struct error *e)
{
	struct versie_ctx *c = ctx;
	struct store_rows rows;
	rc_t rc = store_versie_lijst(s, c->id, c->arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	c->lijst = arena_alloc(c->arena, (rows.nrows + 1) * sizeof *c->lijst);
	if (!c->lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < rows.nrows; i++)
		versie_uit_rij(&rows, i, false, &c->lijst[i]);
	c->n = rows.nrows;
	return RC_OK;
}

rc_t indiening_versies(struct store *s, struct arena *arena, int64_t id,
		       struct indiening_versie **out, size_t *n, struct error *e)
{
	struct versie_ctx c = {.arena = arena, .id = id};
	rc_t rc = store_tx(s, STORE_READ, versies_tx, &c, e);
	if (rc == RC_OK) {
		*out = c.lijst;
		*n = c.n;
	}
	return rc;
}

void indiening_ontvangstbewijs(const struct indiening_versie *v, struct ontvangstbewijs *out)
{
	memset(out, 0, sizeof *out);
	out->aanvraag_id = v->aanvraag_id;
	out->versie = v->versie;
	out->ronde_id = v->ronde_id;
	out->ingediend_op_us = v->ingediend_op_us;
	klok_tekst(v->ingediend_op_us, out->ingediend_op, sizeof out->ingediend_op);
	snprintf(out->sha256, sizeof out->sha256, "%s", v->sha256 ? v->sha256 : "");
}

json_t *ontvangstbewijs_json(const struct ontvangstbewijs *b)
{
	return json_pack("{s:I, s:I, s:I, s:s, s:s}", "aanvraag_id", (json_int_t)b->aanvraag_id,
			 "versie", (json_int_t)b->versie, "indieningsronde_id", (json_int_t)b->ronde_id,
			 "ingediend_op", b->ingediend_op, "sha256", b->sha256);
}

static bool hex64(const char *s)
{
	if (!s || strlen(s) != 64)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

rc_t ontvangstbewijs_lees(json_t *v, struct ontvangstbewijs *out, struct error *e)
{
	static const char *const velden[] = {"aanvraag_id", "versie", "indieningsronde_id",
					     "ingediend_op", "sha256", NULL};
	struct ontvangstbewijs b;
	memset(&b, 0, sizeof b);
	size_t voor = e->item_count;
	json_reject_unknown(v, velden, "", e);
	const char *op = NULL, *sha = NULL;
	if (!json_get_int(v, "aanvraag_id", false, "", &b.aanvraag_id, e))
		toegang_verplicht(e, "/aanvraag_id", "Het ontvangstbewijs noemt de aanvraag.");
	if (!json_get_int(v, "versie", false, "", &b.versie, e))
		toegang_verplicht(e, "/versie", "Het ontvangstbewijs noemt de versie.");
	if (!json_get_int(v, "indieningsronde_id", false, "", &b.ronde_id, e))
		toegang_verplicht(e, "/indieningsronde_id", "Het ontvangstbewijs noemt de ronde.");
	if (!json_get_string(v, "ingediend_op", false, "", &op, e))
		toegang_verplicht(e, "/ingediend_op", "Het ontvangstbewijs noemt het moment van indienen.");
	else if (!klok_lees(op, &b.ingediend_op_us))
		error_add(e, "/ingediend_op", "moment_ongeldig", NULL,
			  "Een moment in UTC: JJJJ-MM-DDTUU:MM:SS.ffffffZ.");
	if (!json_get_string(v, "sha256", false, "", &sha, e))
		toegang_verplicht(e, "/sha256", "Het ontvangstbewijs noemt de SHA-256.");
	else if (!hex64(sha))
		error_add(e, "/sha256", "vorm", NULL, "De SHA-256 bestaat uit 64 hexadecimale tekens (a-f, 0-9).");
	if (e->item_count > voor)
		return RC_INVALID;
	klok_tekst(b.ingediend_op_us, b.ingediend_op, sizeof b.ingediend_op);
	snprintf(b.sha256, sizeof b.sha256, "%s", sha);
	*out = b;
	return RC_OK;
}

struct verifieer_ctx {
	const struct ontvangstbewijs *b;
	bool geldig;
};

static rc_t verifieer_tx(struct store *s, void *ctx, struct error *e)
{
	struct verifieer_ctx *c = ctx;
	c->geldig = false;
	if (c->b->versie <= 0 || c->b->aanvraag_id <= 0)
		return RC_OK;
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	struct store_rows rows;
	rc_t rc = store_versie_lees(s, c->b->aanvraag_id, c->b->versie, &a, &rows, e);
	if (rc == RC_OK && rows.nrows == 1) {
		struct indiening_versie v;
		versie_uit_rij(&rows, 0, true, &v);
		char opnieuw[INDIENING_SHA_HEX];
		canoniek_sha256(v.document ? v.document : "", v.document ? strlen(v.document) : 0, opnieuw);
		c->geldig = v.ronde_id == c->b->ronde_id && v.ingediend_op_us == c->b->ingediend_op_us &&
			    v.sha256 && strcmp(v.sha256, c->b->sha256) == 0 &&
			    strcmp(opnieuw, c->b->sha256) == 0;
	}
	arena_release(&a);
	return rc;
}

rc_t indiening_verifieer(struct store *s, const struct ontvangstbewijs *b, bool *geldig,
			 struct error *e)
{
	struct verifieer_ctx c = {b, false};
	rc_t rc = store_tx(s, STORE_READ, verifieer_tx, &c, e);
	if (rc == RC_OK)
		*geldig = c.geldig;
	return rc;
}

rc_t indiening_zichtbaar_document(struct store *s, struct arena *arena,
				  const struct aanvraagdossier *d, enum aanvraag_toegang toegang,
				  const char **tekst, struct error *e)
{
	if (toegang != AANVRAAG_VERZEKERAAR) {
		*tekst = d->concept;
		return RC_OK;
	}
	struct indiening_versie v;
	rc_t rc = indiening_versie(s, arena, d->id, 0, &v, e);
	if (rc == RC_OK)
		*tekst = v.document;
	return rc;
}

json_t *indiening_versie_json(const struct indiening_versie *v)
{
	json_t *open = v->open_velden ? json_loads(v->open_velden, 0, NULL) : NULL;
	return json_pack("{s:I, s:I, s:s, s:s, s:I, s:s, s:s, s:o}",
		"versie", (json_int_t)v->versie, "indieningsronde_id", (json_int_t)v->ronde_id,
		"ingediend_op", v->ingediend_op, "sha256", v->sha256,
		"grootte_bytes", (json_int_t)v->grootte_bytes, "ingediend_door", v->ingediend_door,
		"route", v->route, "open_velden", open ? open : json_null());
}
