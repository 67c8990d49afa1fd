/*
 * indieningsronde.c -- making and reading submission rounds. See
 * indieningsronde.h.
 */
#include "core/aanvraag/indieningsronde.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_catalogus.h"
#include "core/aanvraag/aanvraag.h"
#include "core/basis/audit.h"
#include "core/aanvraag/toets.h"
#include "core/basis/tekst.h"
#include "core/basis/json.h"

enum ronde_fase indieningsronde_fase(const struct indieningsronde *r, int64_t nu_us)
{
	if (nu_us < r->opent_op_us)
		return RONDE_GEPLAND;
	return nu_us < r->sluit_op_us ? RONDE_OPEN : RONDE_GESLOTEN;
}

const char *indieningsronde_fase_naam(enum ronde_fase f)
{
	switch (f) {
	case RONDE_GEPLAND: return "gepland";
	case RONDE_OPEN: return "open";
	case RONDE_GESLOTEN: return "gesloten";
	}
	return "onbekend";
}

/* The validated round, ready for the store. */
struct ronde_rij {
	struct store_ronde r;
	char opent[KLOK_TEKST_BYTES], sluit[KLOK_TEKST_BYTES], nu[KLOK_TEKST_BYTES];
	int64_t nu_us;
	int64_t id;
};

static void lees_moment(const char *tekst, const char *veld, int64_t *us, struct error *e)
{
	if (!tekst) {
		toegang_verplicht(e, veld, "Geef het moment in UTC, bijvoorbeeld 2027-03-01T12:00:00Z.");
		return;
	}
	if (!klok_lees(tekst, us))
		error_add(e, veld, "moment_ongeldig", NULL,
			  "'%.40s' is geen moment in UTC; schrijf JJJJ-MM-DDTUU:MM:SSZ, eventueel met "
			  "tot zes decimalen (2027-03-01T12:00:00.000000Z), zonder tijdzone-verschuiving.",
			  tekst);
}

/* Checks the name, the times and the flag; the catalogue and its bar are
 * checked inside the transaction. */
static void ronde_controleer(const struct indieningsronde_invoer *in, struct ronde_rij *w,
			     struct error *e)
{
	if (!in->naam)
		toegang_verplicht(e, "/naam", "Geef de ronde een naam.");
	else if (!tekst_aanwezig(in->naam) || strlen(in->naam) > INDIENINGSRONDE_NAAM_MAX)
		error_add(e, "/naam", "lengte", NULL, "De naam heeft 1 tot %d tekens.",
			  INDIENINGSRONDE_NAAM_MAX);
	if (in->catalogusversie <= 0)
		toegang_verplicht(e, "/catalogusversie", "Geef de catalogusversie van de ronde.");
	if (in->uitloopjaar_toegestaan < 0)
		toegang_verplicht(e, "/uitloopjaar_toegestaan",
				  "Zeg of in het uitloopjaar (2029) besteed mag worden [002 §5a].");
	int64_t opent = 0, sluit = 0;
	size_t voor = e->item_count;
	lees_moment(in->opent_op, "/opent_op", &opent, e);
	lees_moment(in->sluit_op, "/sluit_op", &sluit, e);
	if (e->item_count == voor) {
		if (sluit <= opent)
			error_add(e, "/sluit_op", "volgorde", "[001], [002 §4.2]",
				  "Het sluitmoment ligt na het openingsmoment.");
		else if (sluit <= w->nu_us)
			error_add(e, "/sluit_op", "sluit_op_verleden", "[001], [002 §4.2]",
				  "Het sluitmoment ligt in het verleden; een ronde die al gesloten is, "
				  "neemt niets meer aan.");
	}
	w->r.naam = in->naam;
	w->r.catalogusversie = in->catalogusversie;
	w->r.impactlat_id = in->impactlat_id;
	w->r.uitloopjaar_toegestaan = in->uitloopjaar_toegestaan == 1;
	w->r.opent_op_us = opent;
	w->r.sluit_op_us = sluit;
	klok_tekst(opent, w->opent, sizeof w->opent);
	klok_tekst(sluit, w->sluit, sizeof w->sluit);
	w->r.opent_op = w->opent;
	w->r.sluit_op = w->sluit;
	w->r.demo = in->demo;
	w->r.aangemaakt_op = w->nu;
	/* The date by which the insurers give their verdicts: no source names a
	 * term, so the programme office sets it with the round (a programme
	 * choice, docs/indiening.md §5a). After the closing day. */
	int64_t dag = 0;
	if (in->beoordeeld_uiterlijk_op && !klok_datum_lees(in->beoordeeld_uiterlijk_op, &dag))
		error_add(e, "/beoordeeld_uiterlijk_op", "datum_ongeldig", NULL,
			  "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2027-04-30.");
	else if (in->beoordeeld_uiterlijk_op && e->item_count == voor &&
		 dag * 86400 * KLOK_US_PER_S < sluit)
		error_add(e, "/beoordeeld_uiterlijk_op", "volgorde", NULL,
			  "De verzekeraars beoordelen na het sluitmoment; kies een datum na de sluitdag.");
	w->r.beoordeeld_uiterlijk_op = in->beoordeeld_uiterlijk_op;
}

/* The catalogue version must exist and know the impact bar. */
static rc_t ronde_catalogus(struct store *s, const struct ronde_rij *w, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	const char *tekst = NULL;
	rc_t rc = store_catalogus_document(s, w->r.catalogusversie, &a, &tekst, e);
	if (rc == RC_NOT_FOUND) {
		error_clear(e);
		error_add(e, "/catalogusversie", "onbekend", NULL,
			  "Catalogusversie %" PRId64 " is niet gepubliceerd.", w->r.catalogusversie);
		rc = RC_INVALID;
	}
	json_t *cat = rc == RC_OK ? json_loads(tekst, 0, NULL) : NULL;
	if (rc == RC_OK && !cat)
		rc = error_set(e, RC_STORE, "De opgeslagen catalogus is geen JSON.");
	if (rc == RC_OK) {
		struct toets_ronde tr;
		struct error fout;
		error_clear(&fout);
		if (toets_ronde_lees(cat, w->r.impactlat_id, w->r.uitloopjaar_toegestaan, &tr, &fout) != RC_OK) {
			error_add(e, "/impactlat_id", "impactlat_onbekend", NULL,
				  "Catalogusversie %" PRId64 " kent impactlat '%.8s' niet; kies A, B of C.",
				  w->r.catalogusversie, w->r.impactlat_id ? w->r.impactlat_id : "");
			rc = RC_INVALID;
		}
	}
	json_decref(cat);
	arena_release(&a);
	return rc;
}

static rc_t ronde_maak_tx(struct store *s, void *ctx, struct error *e)
{
	struct ronde_rij *w = ctx;
	rc_t rc = ronde_catalogus(s, w, e);
	if (rc == RC_OK)
		rc = store_ronde_insert(s, &w->r, &w->id, e);
	if (rc != RC_OK)
		return rc;
	char object[48];
	snprintf(object, sizeof object, "indieningsronde/%" PRId64, w->id);
	json_t *d = json_pack("{s:s, s:I, s:s, s:s, s:s?}", "naam", w->r.naam,
			      "catalogusversie", (json_int_t)w->r.catalogusversie, "opent_op", w->opent,
			      "sluit_op", w->sluit, "impactlat_id", w->r.impactlat_id);
	char *detail = d ? json_dumps(d, JSON_COMPACT) : NULL;
	json_decref(d);
	if (!detail)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	struct audit_entry entry = {w->r.aangemaakt_door, "indieningsronde.maak", object, "gelukt", detail};
	rc = audit_append(s, &entry, e);
	free(detail);
	return rc;
}

rc_t indieningsronde_maak(struct store *s, const struct principal *who, const struct klok *klok,
			  const struct indieningsronde_invoer *in, int64_t *id_out, struct error *e)
{
	struct ronde_rij w;
	memset(&w, 0, sizeof w);
	w.nu_us = klok_nu_us(klok);
	klok_tekst(w.nu_us, w.nu, sizeof w.nu);
	w.r.aangemaakt_door = who && who->actor ? who->actor : "systeem";
	ronde_controleer(in, &w, e);
	rc_t rc = e->item_count ? RC_INVALID : RC_OK;
	if (rc == RC_OK)
		rc = store_tx(s, STORE_WRITE, ronde_maak_tx, &w, e);
	if (rc == RC_INVALID || rc == RC_CONFLICT) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, w.r.aangemaakt_door, "indieningsronde.maak", "", e);
	}
	if (rc == RC_OK)
		*id_out = w.id;
	return rc;
}

/* ---- reading --------------------------------------------------------- */

static void ronde_uit_rij(const struct store_rows *r, size_t i, struct indieningsronde *o)
{
	o->id = store_int(r, i, SR_ID, 0);
	o->naam = store_text(r, i, SR_NAAM);
	o->catalogusversie = store_int(r, i, SR_CATALOGUSVERSIE, 0);
	o->impactlat_id = store_text(r, i, SR_IMPACTLAT);
	o->uitloopjaar_toegestaan = store_int(r, i, SR_UITLOOPJAAR, 0) == 1;
	o->opent_op_us = store_int(r, i, SR_OPENT_US, 0);
	o->sluit_op_us = store_int(r, i, SR_SLUIT_US, 0);
	o->opent_op = store_text(r, i, SR_OPENT);
	o->sluit_op = store_text(r, i, SR_SLUIT);
	o->demo = store_int(r, i, SR_DEMO, 0) == 1;
	o->aangemaakt_op = store_text(r, i, SR_AANGEMAAKT_OP);
	o->beoordeeld_uiterlijk_op = store_text(r, i, SR_BEOORDEELD_UITERLIJK);
	o->aangemaakt_door = store_text(r, i, SR_AANGEMAAKT_DOOR);
}

struct ronde_lees_ctx {
	struct arena *arena;
	int64_t id;
	const char *naam;   /* demo search instead of id */
	struct indieningsronde *out;
	struct indieningsronde *lijst;
	size_t n;
};

rc_t indieningsronde_lees_tx(struct store *s, struct arena *arena, int64_t id,
			     struct indieningsronde *out, struct error *e)
{
	struct store_rows rows;
	rc_t rc = store_ronde_lees(s, id, arena, &rows, e);
	if (rc == RC_OK && rows.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Indieningsronde %" PRId64 " bestaat niet.", id);
	if (rc == RC_OK)
		ronde_uit_rij(&rows, 0, out);
	return rc;
}

static rc_t ronde_lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct ronde_lees_ctx *c = ctx;
	if (!c->naam)
		return indieningsronde_lees_tx(s, c->arena, c->id, c->out, e);
	struct store_rows rows;
	rc_t rc = store_ronde_zoek_naam(s, c->naam, c->arena, &rows, e);
	if (rc == RC_OK && rows.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Geen demoronde '%s'.", c->naam);
	if (rc == RC_OK)
		ronde_uit_rij(&rows, 0, c->out);
	return rc;
}

rc_t indieningsronde_lees(struct store *s, struct arena *arena, int64_t id,
			  struct indieningsronde *out, struct error *e)
{
	struct ronde_lees_ctx c = {.arena = arena, .id = id, .out = out};
	return store_tx(s, STORE_READ, ronde_lees_tx, &c, e);
}

rc_t indieningsronde_zoek_demo(struct store *s, struct arena *arena, const char *naam,
			       struct indieningsronde *out, struct error *e)
{
	struct ronde_lees_ctx c = {.arena = arena, .naam = naam, .out = out};
	return store_tx(s, STORE_READ, ronde_lees_tx, &c, e);
}

static rc_t ronde_lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct ronde_lees_ctx *c = ctx;
	struct store_rows rows;
	rc_t rc = store_ronde_lijst(s, c->arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	c->lijst = arena_alloc(c->arena, (rows.nrows + 1) * sizeof *c->lijst);
	if (!c->lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < rows.nrows; i++)
		ronde_uit_rij(&rows, i, &c->lijst[i]);
	c->n = rows.nrows;
	return RC_OK;
}

rc_t indieningsronde_lijst(struct store *s, struct arena *arena, struct indieningsronde **out,
			   size_t *n, struct error *e)
{
	struct ronde_lees_ctx c = {.arena = arena};
	rc_t rc = store_tx(s, STORE_READ, ronde_lijst_tx, &c, e);
	if (rc == RC_OK) {
		*out = c.lijst;
		*n = c.n;
	}
	return rc;
}

json_t *indieningsronde_json(const struct indieningsronde *r, int64_t nu_us)
{
	json_t *j = json_pack("{s:I, s:s, s:I, s:b, s:s, s:s, s:s, s:b, s:s}",
		"id", (json_int_t)r->id, "naam", r->naam,
		"catalogusversie", (json_int_t)r->catalogusversie,
		"uitloopjaar_toegestaan", r->uitloopjaar_toegestaan, "opent_op", r->opent_op,
		"sluit_op", r->sluit_op, "fase", indieningsronde_fase_naam(indieningsronde_fase(r, nu_us)),
		"demo", r->demo, "aangemaakt_op", r->aangemaakt_op);
	if (j) {
		json_object_set_new(j, "impactlat_id", r->impactlat_id ? json_string(r->impactlat_id)
								       : json_null());
		json_object_set_new(j, "beoordeeld_uiterlijk_op", r->beoordeeld_uiterlijk_op
					? json_string(r->beoordeeld_uiterlijk_op) : json_null());
	}
	return j;
}
