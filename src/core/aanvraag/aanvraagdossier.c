/*
 * aanvraagdossier.c -- storing, reading and listing applications, and
 * their live checks. See aanvraagdossier.h.
 *
 * The checks need the normative data of the modelplan version and the
 * round's settings, which come from published catalogue documents.
 * Published versions never change (migration 002 refuses it), so both are
 * kept in a small process-wide cache after the first read.
 */
#include "core/aanvraag/aanvraagdossier.h"

#include <inttypes.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_catalogus.h"
#include "core/basis/audit.h"
#include "core/aanvraag/informatieverzoek.h"
#include "core/aanvraag/coalitie.h"
#include "core/basis/canoniek.h"
#include "core/basis/json.h"
#include "core/basis/tekst.h"

static const char *const status_namen[] = {
	"concept", "ingediend", "in_beoordeling", "informatie_gevraagd", "positief", "negatief",
};

const char *aanvraag_status_naam(enum aanvraag_status s)
{
	return (size_t)s < sizeof status_namen / sizeof status_namen[0] ? status_namen[s] : "onbekend";
}

bool aanvraag_status_uit_naam(const char *naam, enum aanvraag_status *out)
{
	for (size_t i = 0; naam && i < sizeof status_namen / sizeof status_namen[0]; i++)
		if (strcmp(status_namen[i], naam) == 0) {
			*out = (enum aanvraag_status)i;
			return true;
		}
	return false;
}

bool aanvraag_status_lopend(enum aanvraag_status s)
{
	return s == AANVRAAG_INGEDIEND || s == AANVRAAG_IN_BEOORDELING ||
	       s == AANVRAAG_INFORMATIE_GEVRAAGD;
}

bool aanvraag_status_telt_voor_verdeling(enum aanvraag_status s, bool met_lopend)
{
	return s == AANVRAAG_POSITIEF || (met_lopend && aanvraag_status_lopend(s));
}

size_t aanvraag_statussen_voor_verdeling(bool met_lopend, const char *namen[AANVRAAG_STATUS_AANTAL])
{
	size_t n = 0;
	for (int s = AANVRAAG_CONCEPT; s <= AANVRAAG_NEGATIEF; s++)
		if (aanvraag_status_telt_voor_verdeling((enum aanvraag_status)s, met_lopend))
			namen[n++] = aanvraag_status_naam((enum aanvraag_status)s);
	return n;
}

int64_t aanvraagdossier_nieuw_id(void)
{
	uint64_t r;
	randombytes_buf(&r, sizeof r);
	const uint64_t laag = UINT64_C(1) << 32, hoog = UINT64_C(1) << 53;
	return (int64_t)(laag + r % (hoog - laag));
}

enum aanvraag_zicht aanvraag_zicht(const struct principal *who)
{
	if (!who)
		return AANVRAAG_ZICHT_GEEN;
	if (who->roles & ROL_AUDITOR)
		return AANVRAAG_ZICHT_ALLES;
	if (who->organisatie_id <= 0)
		return AANVRAAG_ZICHT_GEEN;
	if (who->roles & (ROL_AANVRAGER | ROL_GEMEENTE))
		return AANVRAAG_ZICHT_COALITIE;
	if (who->roles & ROL_BEOORDELAAR)
		return AANVRAAG_ZICHT_VERZEKERAAR;
	return AANVRAAG_ZICHT_GEEN;
}

enum aanvraag_toegang aanvraagdossier_toegang(const struct principal *who,
					      const struct aanvraagdossier *d, bool coalitie,
					      int64_t nu_us)
{
	if (!d)
		return AANVRAAG_GEEN;
	int64_t org = who ? who->organisatie_id : 0;
	switch (aanvraag_zicht(who)) {
	case AANVRAAG_ZICHT_ALLES:
		return AANVRAAG_AUDITOR;
	case AANVRAAG_ZICHT_COALITIE:
		if ((who->roles & ROL_AANVRAGER) && org == d->penvoerder_id)
			return AANVRAAG_PENVOERDER;
		return coalitie ? AANVRAAG_COALITIE : AANVRAAG_GEEN;
	case AANVRAAG_ZICHT_VERZEKERAAR:
		return d->versie > 0 && nu_us >= d->sluit_op_us &&
		       (org == d->coordinerend_verzekeraar_id || org == d->tweede_verzekeraar_id)
			? AANVRAAG_VERZEKERAAR : AANVRAAG_GEEN;
	case AANVRAAG_ZICHT_GEEN:
		break;
	}
	return AANVRAAG_GEEN;
}

/* ---- the catalogue data of the checks, cached ---------------------------- */

#define CACHE_PLAATSEN 16

struct normen_item {
	bool bezet;
	int64_t catalogusversie, versie;
	char modelplan[NORMEN_ID_BYTES];
	struct modelplan_normen normen;
	char toepassingsgebied[NORMEN_ID_BYTES], thema[NORMEN_ID_BYTES];
};

struct ronde_item {
	bool bezet;
	int64_t ronde_id;
	struct toets_ronde ronde;
};

static pthread_mutex_t cache_slot = PTHREAD_MUTEX_INITIALIZER;
static struct normen_item normen_cache[CACHE_PLAATSEN];
static struct ronde_item ronde_cache[CACHE_PLAATSEN];
static size_t normen_volgende, ronde_volgende;

/* The catalogue document of version `cv`, parsed; the caller decrefs. */
static rc_t catalogus_json(struct store *s, struct arena *a, int64_t cv, json_t **out,
			   struct error *e)
{
	const char *tekst = NULL;
	rc_t rc = store_catalogus_document(s, cv, a, &tekst, e);
	if (rc != RC_OK)
		return rc;
	*out = json_loads(tekst, 0, NULL);
	return *out ? RC_OK : error_set(e, RC_STORE, "Catalogusversie %" PRId64 " is geen JSON.", cv);
}

/* Reads the normative data of (cv, mp, v) into *it (not yet cached).
 * RC_NOT_FOUND when the catalogue version does not have that version. */
static rc_t normen_laad(struct store *s, int64_t cv, const char *mp, int64_t v,
			struct normen_item *it, struct error *e)
{
	bool ja = false;
	rc_t rc = store_aanvragen_modelplan_in_catalogus(s, cv, mp, v, &ja, e);
	if (rc != RC_OK)
		return rc;
	if (!ja)
		return error_set(e, RC_NOT_FOUND, "Modelplan %s versie %" PRId64
				 " hoort niet bij catalogusversie %" PRId64 ".", mp, v, cv);
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *cat = NULL, *plan = NULL;
	const char *plantekst = NULL;
	rc = catalogus_json(s, &a, cv, &cat, e);
	if (rc == RC_OK)
		rc = store_modelplan_document(s, mp, v, &a, &plantekst, e);
	if (rc == RC_OK && !(plan = json_loads(plantekst, 0, NULL)))
		rc = error_set(e, RC_STORE, "Modelplan %s versie %" PRId64 " is geen JSON.", mp, v);
	if (rc == RC_OK && toets_normen_lees(plan, cat, &it->normen, NULL) != RC_OK)
		rc = error_set(e, RC_INTERNAL, "De normen van %s versie %" PRId64 " zijn onleesbaar.", mp, v);
	if (rc == RC_OK) {
		const char *gebied = json_string_value(json_object_get(plan, "toepassingsgebied_id"));
		json_t *g;
		size_t i;
		snprintf(it->toepassingsgebied, sizeof it->toepassingsgebied, "%s", gebied ? gebied : "");
		it->thema[0] = '\0';
		json_array_foreach(json_object_get(cat, "toepassingsgebieden"), i, g) {
			const char *id = json_string_value(json_object_get(g, "id"));
			const char *thema = json_string_value(json_object_get(g, "thema_id"));
			if (gebied && id && thema && strcmp(id, gebied) == 0)
				snprintf(it->thema, sizeof it->thema, "%s", thema);
		}
		it->catalogusversie = cv;
		it->versie = v;
		snprintf(it->modelplan, sizeof it->modelplan, "%s", mp);
		it->bezet = true;
	}
	json_decref(cat);
	json_decref(plan);
	arena_release(&a);
	return rc;
}

/* The cached normative data of (cv, mp, v), copied into *out (from the
 * arena). */
static rc_t normen_haal(struct store *s, struct arena *arena, int64_t cv, const char *mp,
			int64_t v, struct normen_item **out, struct error *e)
{
	struct normen_item *it = arena_alloc(arena, sizeof *it);
	if (!it)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	pthread_mutex_lock(&cache_slot);
	for (size_t i = 0; i < CACHE_PLAATSEN; i++) {
		const struct normen_item *c = &normen_cache[i];
		if (c->bezet && c->catalogusversie == cv && c->versie == v && strcmp(c->modelplan, mp) == 0) {
			*it = *c;
			pthread_mutex_unlock(&cache_slot);
			*out = it;
			return RC_OK;
		}
	}
	pthread_mutex_unlock(&cache_slot);
	rc_t rc = normen_laad(s, cv, mp, v, it, e);
	if (rc != RC_OK)
		return rc;
	pthread_mutex_lock(&cache_slot);
	normen_cache[normen_volgende] = *it;
	normen_volgende = (normen_volgende + 1) % CACHE_PLAATSEN;
	pthread_mutex_unlock(&cache_slot);
	*out = it;
	return RC_OK;
}

/* The round's settings for the checks (impact bar, years), cached. */
static rc_t ronde_haal(struct store *s, const struct indieningsronde *r, struct toets_ronde *out,
		       struct error *e)
{
	pthread_mutex_lock(&cache_slot);
	for (size_t i = 0; i < CACHE_PLAATSEN; i++)
		if (ronde_cache[i].bezet && ronde_cache[i].ronde_id == r->id) {
			*out = ronde_cache[i].ronde;
			pthread_mutex_unlock(&cache_slot);
			return RC_OK;
		}
	pthread_mutex_unlock(&cache_slot);
	struct arena a;
	arena_init(&a, ARENA_VERZOEK_BYTES);
	json_t *cat = NULL;
	rc_t rc = catalogus_json(s, &a, r->catalogusversie, &cat, e);
	if (rc == RC_OK && toets_ronde_lees(cat, r->impactlat_id, r->uitloopjaar_toegestaan, out, NULL) != RC_OK)
		rc = error_set(e, RC_INTERNAL, "De instellingen van ronde %" PRId64 " zijn onleesbaar.", r->id);
	json_decref(cat);
	arena_release(&a);
	if (rc != RC_OK)
		return rc;
	pthread_mutex_lock(&cache_slot);
	ronde_cache[ronde_volgende] = (struct ronde_item){.bezet = true, .ronde_id = r->id, .ronde = *out};
	ronde_volgende = (ronde_volgende + 1) % CACHE_PLAATSEN;
	pthread_mutex_unlock(&cache_slot);
	return RC_OK;
}

rc_t aanvraagdossier_toets_tx(struct store *s, struct arena *arena, int64_t id,
			      const struct indieningsronde *ronde, const struct aanvraag *a,
			      struct toets_resultaat **out, struct error *e)
{
	struct normen_item *n = NULL;
	struct toets_ronde *tr = arena_alloc(arena, sizeof *tr);
	struct toets_resultaat *res = arena_alloc(arena, sizeof *res);
	if (!tr || !res)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de toetsing.");
	rc_t rc = normen_haal(s, arena, a->catalogus_versie, a->modelplan_id, a->modelplan_versie, &n, e);
	if (rc == RC_OK)
		rc = ronde_haal(s, ronde, tr, e);
	struct store_rows rows;
	if (rc == RC_OK)
		rc = store_aanvraag_register(s, id, arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	struct toets_organisatie *reg = arena_alloc(arena, (rows.nrows + 1) * sizeof *reg);
	if (!reg)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < rows.nrows; i++) {
		reg[i].id = store_int(&rows, i, 0, 0);
		reg[i].soort = aanvraag_organisatie_soort(store_text(&rows, i, 1));
	}
	struct toets_context ctx = {&n->normen, tr, reg, rows.nrows};
	rc = toets_aanvraag(a, &ctx, res);
	if (rc != RC_OK)
		return error_set(e, rc, "De toetsing kon niet draaien.");
	*out = res;
	return RC_OK;
}

struct toets_ctx {
	struct arena *arena;
	int64_t id;
	const struct indieningsronde *ronde;
	const struct aanvraag *a;
	struct toets_resultaat *res;
};

static rc_t toets_tx(struct store *s, void *ctx, struct error *e)
{
	struct toets_ctx *c = ctx;
	return aanvraagdossier_toets_tx(s, c->arena, c->id, c->ronde, c->a, &c->res, e);
}

rc_t aanvraagdossier_toets(struct store *s, struct arena *arena, int64_t id,
			   const struct indieningsronde *ronde, const char *doc,
			   struct toets_resultaat **out, struct error *e)
{
	json_t *j = NULL;
	struct aanvraag a;
	rc_t rc = json_decode_object(doc, strlen(doc), AANVRAAG_DOCUMENT_MAX_BYTES, arena, &j, e);
	if (rc == RC_OK)
		rc = aanvraag_lees(j, arena, &a, e);
	if (rc != RC_OK)
		return rc;
	struct toets_ctx c = {arena, id, ronde, &a, NULL};
	rc = store_tx(s, STORE_READ, toets_tx, &c, e);
	if (rc == RC_OK)
		*out = c.res;
	return rc;
}

/* ---- reading ----------------------------------------------------------- */

void aanvraagdossier_uit_rij(const struct store_rows *r, size_t i, bool met_concept,
			     struct aanvraagdossier *o)
{
	memset(o, 0, sizeof *o);
	o->id = store_int(r, i, SA_ID, 0);
	o->ronde_id = store_int(r, i, SA_RONDE, 0);
	o->penvoerder_id = store_int(r, i, SA_PENVOERDER, 0);
	if (!aanvraag_status_uit_naam(store_text(r, i, SA_STATUS), &o->status))
		o->status = AANVRAAG_CONCEPT;
	o->titel = store_text(r, i, SA_TITEL);
	o->regio = store_text(r, i, SA_REGIO);
	o->modelplan = store_text(r, i, SA_MODELPLAN);
	o->modelplan_versie = store_int(r, i, SA_MODELPLAN_VERSIE, 0);
	o->toepassingsgebied = store_text(r, i, SA_GEBIED);
	o->thema = store_text(r, i, SA_THEMA);
	o->concept_sha256 = store_text(r, i, SA_CONCEPT_SHA);
	o->concept_revisie = store_int(r, i, SA_REVISIE, 0);
	o->versie = store_int(r, i, SA_VERSIE, 0);
	o->coordinerend_verzekeraar_id = store_int(r, i, SA_COORDINEREND, 0);
	o->tweede_verzekeraar_id = store_int(r, i, SA_TWEEDE, 0);
	o->demo = store_int(r, i, SA_DEMO, 0) == 1;
	o->aangemaakt_op = store_text(r, i, SA_AANGEMAAKT_OP);
	o->aangemaakt_door = store_text(r, i, SA_AANGEMAAKT_DOOR);
	o->gewijzigd_op = store_text(r, i, SA_GEWIJZIGD_OP);
	o->sluit_op_us = store_int(r, i, SA_SLUIT_US, 0);
	o->concept_indienbaar = store_int(r, i, SA_INDIENBAAR, 0) == 1;
	o->concept_route = store_text(r, i, SA_ROUTE);
	o->gevraagd_cent = store_int(r, i, SA_GEVRAAGD, -1);
	o->beoordeeld_uiterlijk_op = store_text(r, i, SA_BEOORDEELD_UITERLIJK);
	o->behandelaar_coordinerend_id = store_int(r, i, SA_BEHANDELAAR_COORD, 0);
	o->behandelaar_tweede_id = store_int(r, i, SA_BEHANDELAAR_TWEEDE, 0);
	if (met_concept)
		o->concept = store_text(r, i, SA_CONCEPT);
}

rc_t aanvraagdossier_lees_tx(struct store *s, struct arena *arena, int64_t id, bool met_concept,
			     int64_t organisatie, struct aanvraagdossier *out, bool *coalitie,
			     struct error *e)
{
	struct store_rows rows;
	rc_t rc = store_aanvraag_lees(s, id, met_concept, arena, &rows, e);
	if (rc == RC_OK && rows.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	if (rc == RC_OK)
		aanvraagdossier_uit_rij(&rows, 0, met_concept, out);
	*coalitie = false;
	if (rc == RC_OK && organisatie > 0)
		rc = store_aanvraag_is_coalitie(s, id, organisatie, coalitie, e);
	return rc;
}

struct open_ctx {
	struct arena *arena;
	int64_t id, organisatie;
	struct aanvraagdossier *out;
	bool coalitie;
};

static rc_t open_tx(struct store *s, void *ctx, struct error *e)
{
	struct open_ctx *c = ctx;
	return aanvraagdossier_lees_tx(s, c->arena, c->id, true, c->organisatie, c->out, &c->coalitie, e);
}

rc_t aanvraagdossier_open(struct store *s, struct arena *arena, const struct principal *who,
			  const struct klok *klok, int64_t id, struct aanvraagdossier *out,
			  enum aanvraag_toegang *toegang, struct error *e)
{
	struct open_ctx c = {arena, id, who ? who->organisatie_id : 0, out, false};
	rc_t rc = store_tx(s, STORE_READ, open_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	*toegang = aanvraagdossier_toegang(who, out, c.coalitie, klok_nu_us(klok));
	if (*toegang != AANVRAAG_GEEN)
		return RC_OK;
	char object[48];
	snprintf(object, sizeof object, "aanvraag/%" PRId64, id);
	return toegang_weiger(s, who, RC_NOT_FOUND, object, "geen partij bij de aanvraag", e);
}

struct lijst_ctx {
	struct arena *arena;
	struct store_aanvraag_filter f;
	struct aanvraagdossier *lijst;
	size_t n;
};

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct lijst_ctx *c = ctx;
	struct store_rows rows;
	rc_t rc = store_aanvraag_lijst(s, &c->f, c->arena, &rows, e);
	if (rc != RC_OK)
		return rc;
	c->lijst = arena_alloc(c->arena, (rows.nrows + 1) * sizeof *c->lijst);
	if (!c->lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < rows.nrows; i++)
		aanvraagdossier_uit_rij(&rows, i, false, &c->lijst[i]);
	c->n = rows.nrows;
	return RC_OK;
}

rc_t aanvraagdossier_lijst(struct store *s, struct arena *arena, const struct principal *who,
			   const struct klok *klok, const struct aanvraagdossier_filter *f,
			   struct aanvraagdossier **out, size_t *n, struct error *e)
{
	enum aanvraag_status st;
	if (f->status && !aanvraag_status_uit_naam(f->status, &st)) {
		error_add(e, "status", "parameter_ongeldig", NULL,
			  "status is concept, ingediend, in_beoordeling, informatie_gevraagd, positief of negatief.");
		return e->rc;
	}
	struct lijst_ctx c = {.arena = arena};
	c.f = (struct store_aanvraag_filter){
		.organisatie = who->organisatie_id, .nu_us = klok_nu_us(klok), .status = f->status,
		.thema = f->thema, .toepassingsgebied = f->toepassingsgebied, .regio = f->regio,
		.verzekeraar = f->verzekeraar, .ronde = f->ronde, .na = f->na,
		.limiet = f->limiet > 0 ? f->limiet : 100,
	};
	switch (aanvraag_zicht(who)) {   /* the same rule as per object, as a filter */
	case AANVRAAG_ZICHT_ALLES: c.f.zicht = STORE_ZICHT_ALLES; break;
	case AANVRAAG_ZICHT_COALITIE: c.f.zicht = STORE_ZICHT_COALITIE; break;
	case AANVRAAG_ZICHT_VERZEKERAAR: c.f.zicht = STORE_ZICHT_VERZEKERAAR; break;
	case AANVRAAG_ZICHT_GEEN: c.f.limiet = 0; break;
	}
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc == RC_OK) {
		*out = c.lijst;
		*n = c.n;
	}
	return rc;
}

/* ---- saving ------------------------------------------------------------- */

struct bewaar_ctx {
	const struct principal *who;
	const struct aanvraagdossier_invoer *in;
	struct arena *arena;
	bool nieuw;
	int64_t id;
	int64_t nu_us;
	char nu[KLOK_TEKST_BYTES];
	const char *actor;
	struct aanvraag *a;        /* the document, read */
	json_t *doc;
	const char *tekst;         /* canonical */
	char sha[65];
	/* results */
	int64_t revisie;
	rc_t weiger;               /* RC_NOT_FOUND / RC_FORBIDDEN: refuse and record after the tx */
	const char *weiger_reden;
	struct toets_resultaat *toetsing;
};

static void document_problemen(struct error *e, const struct error *fout);

/* The document must be on the round's catalogue version and a modelplan
 * version of it; fills the area and theme. */
static rc_t bewaar_catalogus(struct store *s, struct bewaar_ctx *c, const struct indieningsronde *r,
			     struct normen_item **n, struct error *e)
{
	if (c->a->catalogus_versie != r->catalogusversie) {
		error_add(e, "/catalogus_versie", "catalogusversie_ronde", "[002 §4.2]",
			  "Ronde %" PRId64 " werkt met catalogusversie %" PRId64 ", niet met %" PRId64 ".",
			  r->id, r->catalogusversie, c->a->catalogus_versie);
		return RC_INVALID;
	}
	rc_t rc = normen_haal(s, c->arena, c->a->catalogus_versie, c->a->modelplan_id,
			      c->a->modelplan_versie, n, e);
	if (rc == RC_NOT_FOUND) {
		error_clear(e);
		error_add(e, "/modelplan", "modelplan_onbekend", "[002 §4.2]",
			  "Modelplan %s versie %" PRId64 " bestaat niet in catalogusversie %" PRId64 ".",
			  c->a->modelplan_id, c->a->modelplan_versie, r->catalogusversie);
		return RC_INVALID;
	}
	return rc;
}

/* The state rules of a save of an existing application. */
static rc_t bewaar_mag(struct store *s, struct bewaar_ctx *c, struct aanvraagdossier *d,
		       struct error *e)
{
	bool coalitie = false;
	rc_t rc = aanvraagdossier_lees_tx(s, c->arena, c->id, false, c->who->organisatie_id, d, &coalitie, e);
	if (rc != RC_OK)
		return rc;
	enum aanvraag_toegang t = aanvraagdossier_toegang(c->who, d, coalitie, c->nu_us);
	if (t != AANVRAAG_PENVOERDER) {
		c->weiger = t == AANVRAAG_GEEN ? RC_NOT_FOUND : RC_FORBIDDEN;
		c->weiger_reden = t == AANVRAAG_GEEN ? "geen partij bij de aanvraag"
			: "Alleen de penvoerder wijzigt de aanvraag.";
		return c->weiger;
	}
	if (d->status == AANVRAAG_INFORMATIE_GEVRAAGD)
		return RC_OK;
	if (d->status != AANVRAAG_CONCEPT) {
		error_set(e, RC_CONFLICT, "De aanvraag is ingediend en ligt vast; wijzigen kan alleen "
			  "als een zorgverzekeraar om informatie vraagt.");
		error_add(e, "/", "ingediend", "[001 \"Vervolgproces\"], [002 §4.2]",
			  "Versie %" PRId64 " is ingediend.", d->versie);
		e->rc = RC_CONFLICT;
		return RC_CONFLICT;
	}
	return RC_OK;
}

static rc_t bewaar_tx(struct store *s, void *ctx, struct error *e)
{
	struct bewaar_ctx *c = ctx;
	c->weiger = RC_OK;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc != RC_OK)
		return rc;
	struct aanvraagdossier d;
	memset(&d, 0, sizeof d);
	struct indieningsronde r;
	if (!c->nieuw) {
		rc = bewaar_mag(s, c, &d, e);
		if (rc != RC_OK)
			return rc;
		struct error fout;
		error_clear(&fout);
		coalitie_controleer(c->a, d.penvoerder_id, &fout);
		document_problemen(e, &fout);
		if (e->item_count)
			return RC_INVALID;
	}
	int64_t ronde_id = c->nieuw ? c->in->ronde_id : d.ronde_id;
	rc = indieningsronde_lees_tx(s, c->arena, ronde_id, &r, e);
	if (rc == RC_NOT_FOUND && c->nieuw) {
		error_clear(e);
		error_add(e, "/indieningsronde_id", "onbekend", NULL,
			  "Indieningsronde %" PRId64 " bestaat niet.", ronde_id);
		return RC_INVALID;
	}
	if (rc != RC_OK)
		return rc;
	if (d.status == AANVRAAG_CONCEPT && indieningsronde_fase(&r, c->nu_us) == RONDE_GESLOTEN) {
		error_set(e, RC_CONFLICT, "Ronde '%s' is gesloten op %s; er kan niets meer worden "
			  "ingediend.", r.naam, r.sluit_op);
		error_add(e, "/", "ronde_gesloten", "[001 \"Vervolgproces\"]",
			  "De ronde sloot op %s (UTC).", r.sluit_op);
		e->rc = RC_CONFLICT;
		return RC_CONFLICT;
	}
	struct normen_item *n = NULL;
	rc = bewaar_catalogus(s, c, &r, &n, e);
	if (rc == RC_OK && d.status == AANVRAAG_INFORMATIE_GEVRAAGD)
		rc = informatieverzoek_aanvulling_controleer(s, c->arena, c->id, d.versie, c->doc, e);
	if (rc != RC_OK)
		return rc;
	if (c->nieuw) {
		bool bezet = true;
		for (int poging = 0; bezet && poging < 4; poging++) {
			c->id = aanvraagdossier_nieuw_id();
			rc = store_aanvraag_bestaat(s, c->id, &bezet, e);
			if (rc != RC_OK)
				return rc;
		}
		if (bezet)
			return error_set(e, RC_RETRY, "Geen vrij nummer gevonden.");
	}
	c->revisie = c->nieuw ? 1 : d.concept_revisie + 1;
	struct store_aanvraag row = {
		.id = c->id, .ronde_id = ronde_id, .penvoerder_id = c->who->organisatie_id,
		.status = "concept", .titel = c->a->titel, .regio = c->in->regio,
		.modelplan = c->a->modelplan_id, .modelplan_versie = c->a->modelplan_versie,
		.toepassingsgebied = n->toepassingsgebied, .thema = n->thema, .concept = c->tekst,
		.concept_sha256 = c->sha, .concept_revisie = c->revisie, .demo = c->in->demo,
		.nu = c->nu, .actor = c->actor,
	};
	rc = c->nieuw ? store_aanvraag_insert(s, &row, e) : store_aanvraag_concept_update(s, &row, e);
	struct coalitie_partij p[COALITIE_PARTIJEN_MAX];
	size_t np = coalitie_partijen(c->a, c->nieuw ? c->who->organisatie_id : d.penvoerder_id, p);
	struct store_partij sp[COALITIE_PARTIJEN_MAX];
	for (size_t i = 0; i < np; i++)
		sp[i] = (struct store_partij){p[i].organisatie, coalitie_rol_naam(p[i].rol)};
	if (rc == RC_OK)
		rc = store_aanvraag_partijen(s, c->id, sp, np, e);
	if (rc != RC_OK)
		return rc;
	char object[48];
	snprintf(object, sizeof object, "aanvraag/%" PRId64, c->id);
	char detail[200];
	snprintf(detail, sizeof detail, "{\"revisie\":%" PRId64 ",\"sha256\":\"%s\",\"ronde\":%" PRId64 "}",
		 c->revisie, c->sha, ronde_id);
	struct audit_entry entry = {c->actor, c->nieuw ? "aanvraag.maak" : "aanvraag.concept", object,
				    "gelukt", detail};
	rc = audit_append(s, &entry, e);
	if (rc == RC_OK)
		rc = aanvraagdossier_toets_tx(s, c->arena, c->id, &r, c->a, &c->toetsing, e);
	if (rc == RC_OK)
		rc = store_aanvraag_toetsing(s, c->id, c->toetsing->indienbaar,
					     afwijking_route_naam(c->toetsing->route),
					     c->toetsing->totalen.gevraagd_cent, e);
	return rc;
}

/* Copies the problems of the document into `e`, their fields under
 * /document (the request body holds the document there). */
static void document_problemen(struct error *e, const struct error *fout)
{
	for (size_t i = 0; i < fout->item_count; i++) {
		/* truncated (at ERROR_FIELD_MAX) like every pointer of a problem */
		char veld[ERROR_FIELD_MAX + 16];
		snprintf(veld, sizeof veld, "/document%.*s", ERROR_FIELD_MAX - 1, fout->items[i].field);
		error_add(e, veld, fout->items[i].code, fout->items[i].bron[0] ? fout->items[i].bron : NULL,
			  "%s", fout->items[i].detail);
	}
	e->items_dropped += fout->items_dropped;
}

/* Reads the document and the label before any transaction: every
 * problem at once. */
static void bewaar_invoer(struct bewaar_ctx *c, struct error *e)
{
	const struct aanvraagdossier_invoer *in = c->in;
	if (c->nieuw && in->ronde_id <= 0)
		toegang_verplicht(e, "/indieningsronde_id", "Geef de indieningsronde van de aanvraag.");
	if (in->regio && (!tekst_aanwezig(in->regio) || strlen(in->regio) > AANVRAAG_REGIO_MAX))
		error_add(e, "/regio", "lengte", NULL, "De regio heeft 1 tot %d tekens.", AANVRAAG_REGIO_MAX);
	if (!in->document) {
		toegang_verplicht(e, "/document", "Geef het aanvraagdocument (docs/aanvraag.md).");
		return;
	}
	if (!json_is_object(in->document)) {
		error_add(e, "/document", "type", NULL, "Het aanvraagdocument is een JSON-object.");
		return;
	}
	struct error fout;
	error_clear(&fout);
	c->a = arena_alloc(c->arena, sizeof *c->a);
	if (!c->a || aanvraag_lees(in->document, c->arena, c->a, &fout) != RC_OK) {
		document_problemen(e, &fout);
		if (fout.rc == RC_NOMEM || !c->a)
			error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
		c->a = NULL;
		return;
	}
	/* On a save the lead is checked once the application is read. */
	if (c->nieuw) {
		error_clear(&fout);
		coalitie_controleer(c->a, c->who->organisatie_id, &fout);
		document_problemen(e, &fout);
	}
	c->doc = in->document;
	if (canoniek_json(in->document, c->arena, &c->tekst, NULL, c->sha, e) != RC_OK)
		return;
}

static rc_t bewaar(struct store *s, const struct principal *who, const struct klok *klok,
		   int64_t id, const struct aanvraagdossier_invoer *in, struct arena *arena,
		   struct aanvraagdossier_opgeslagen *out, struct error *e)
{
	struct bewaar_ctx c = {.who = who, .in = in, .arena = arena, .nieuw = id == 0, .id = id};
	c.actor = who && who->actor ? who->actor : "systeem";
	c.nu_us = klok_nu_us(klok);
	klok_tekst(c.nu_us, c.nu, sizeof c.nu);
	const char *actie = c.nieuw ? "aanvraag.maak" : "aanvraag.concept";
	char object[48] = "";
	if (!c.nieuw)
		snprintf(object, sizeof object, "aanvraag/%" PRId64, id);
	if (!who || !(who->roles & ROL_AANVRAGER) || who->organisatie_id <= 0)
		return toegang_weiger(s, who, RC_FORBIDDEN, c.nieuw ? "aanvraag" : object,
				      "Alleen een aanvrager van een zorgaanbieder maakt een aanvraag.", e);
	bewaar_invoer(&c, e);
	rc_t rc = e->rc != RC_OK ? e->rc : (e->item_count ? RC_INVALID : RC_OK);
	if (rc == RC_OK)
		rc = store_aanvragen_tx(s, bewaar_tx, &c, e);
	if (rc != RC_OK && c.weiger != RC_OK)
		return toegang_weiger(s, who, c.weiger, object, c.weiger_reden, e);
	if (rc == RC_INVALID || rc == RC_CONFLICT) {
		e->rc = rc;
		toegang_weigering_vastleggen(s, c.actor, actie, object, e);
	}
	if (rc != RC_OK)
		return rc;
	out->id = c.id;
	out->revisie = c.revisie;
	snprintf(out->sha256, sizeof out->sha256, "%s", c.sha);
	out->toetsing = c.toetsing;
	return RC_OK;
}

rc_t aanvraagdossier_maak(struct store *s, const struct principal *who, const struct klok *klok,
			  const struct aanvraagdossier_invoer *in, struct arena *arena,
			  struct aanvraagdossier_opgeslagen *out, struct error *e)
{
	return bewaar(s, who, klok, 0, in, arena, out, e);
}

rc_t aanvraagdossier_bewaar(struct store *s, const struct principal *who, const struct klok *klok,
			    int64_t id, const struct aanvraagdossier_invoer *in,
			    struct arena *arena, struct aanvraagdossier_opgeslagen *out,
			    struct error *e)
{
	if (id <= 0)
		return error_set(e, RC_NOT_FOUND, "%s", TOEGANG_NIET_GEVONDEN);
	return bewaar(s, who, klok, id, in, arena, out, e);
}

/* The summary of an application; the draft's fields only for those who
 * see the draft (not the insurers). */
json_t *aanvraagdossier_json(const struct aanvraagdossier *d, bool concept_zichtbaar)
{
	json_t *j = json_pack("{s:I, s:I, s:I, s:s, s:{s:s, s:I}, s:s, s:s, s:I, s:s, s:s, s:b}",
		"id", (json_int_t)d->id, "indieningsronde_id", (json_int_t)d->ronde_id,
		"penvoerder_id", (json_int_t)d->penvoerder_id, "status", aanvraag_status_naam(d->status),
		"modelplan", "id", d->modelplan, "versie", (json_int_t)d->modelplan_versie,
		"toepassingsgebied", d->toepassingsgebied, "thema", d->thema,
		"versie", (json_int_t)d->versie, "aangemaakt_op", d->aangemaakt_op,
		"gewijzigd_op", d->gewijzigd_op, "demo", d->demo);
	if (!j)
		return NULL;
	json_zet_tekst_of_null(j, "titel", d->titel);
	json_zet_tekst_of_null(j, "regio", d->regio);
	json_zet_id_of_null(j, "coordinerend_verzekeraar_id", d->coordinerend_verzekeraar_id);
	json_zet_id_of_null(j, "tweede_verzekeraar_id", d->tweede_verzekeraar_id);
	if (concept_zichtbaar) {
		json_object_set_new(j, "concept_revisie", json_integer((json_int_t)d->concept_revisie));
		json_zet_tekst_of_null(j, "concept_sha256", d->concept_sha256);
	}
	json_object_set_new(j, "gevraagd_cent", d->versie > 0 && d->gevraagd_cent >= 0
				? json_integer((json_int_t)d->gevraagd_cent) : json_null());
	json_zet_tekst_of_null(j, "beoordeeld_uiterlijk_op", d->beoordeeld_uiterlijk_op);
	return j;
}

void aanvraagdossier_behandelaar_json(json_t *j, const struct aanvraagdossier *d, int64_t verzekeraar_id)
{
	int64_t g = verzekeraar_id > 0 && verzekeraar_id == d->coordinerend_verzekeraar_id ? d->behandelaar_coordinerend_id
		  : verzekeraar_id > 0 && verzekeraar_id == d->tweede_verzekeraar_id ? d->behandelaar_tweede_id : 0;
	json_object_set_new(j, "behandelaar_id", g > 0 ? json_integer((json_int_t)g) : json_null());
}

/* Reads {"indieningsronde_id"?, "regio"?, "document"} of POST and PUT. */
void aanvraagdossier_lees_invoer(json_t *body, bool nieuw, struct aanvraagdossier_invoer *in,
				 struct error *e)
{
	static const char *const velden_nieuw[] = {"indieningsronde_id", "regio", "document", NULL};
	static const char *const velden_bewaar[] = {"regio", "document", NULL};
	json_reject_unknown(body, nieuw ? velden_nieuw : velden_bewaar, "", e);
	memset(in, 0, sizeof *in);
	if (nieuw)
		json_get_int(body, "indieningsronde_id", false, "", &in->ronde_id, e);
	json_t *regio = json_object_get(body, "regio");
	if (regio && !json_is_null(regio))
		json_get_string(body, "regio", false, "", &in->regio, e);
	in->document = json_object_get(body, "document");
}
