/*
 * macrooverzicht_stand.c -- what the board modules read from the store:
 * the frame of a catalogue version (pot, tranches, theme budgets, impact
 * bars, ambition) and a round's submitted applications reduced to their
 * numbers (requested per year and per sector, fte, the partial-funding
 * floor of the modelplan). See macrooverzicht.h.
 *
 * The applications are read a page at a time, each page's documents in a
 * page arena of their own that is released before the next page, so that
 * ten thousand applications fit in a request's memory: only the numbers
 * are kept.
 *
 * Submitted versions and catalogue versions never change, so what is read
 * from them is kept in the process (two caches behind one mutex): the
 * numbers of each submitted version and the frame of each catalogue
 * version, both found by the SHA-256 of their document (with the ids), so
 * a process that opens another database never takes another's numbers. An overview then reads one row per
 * application and no document; a document is read and parsed only the
 * first time its version is seen. Several server processes each keep
 * their own copy of the same immutable facts.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_catalogus.h"
#include "store/store_verdeling.h"
#include "core/aanvraag/afwijking.h"
#include "core/verdeling/macrooverzicht.h"
#include "core/catalogus/catalogus.h"
#include "core/aanvraag/toets.h"

/* A page of rows (no documents: those are read one at a time, each in an
 * arena of its own released right after, DOCUMENT_ARENA_BYTES for a
 * document of at most 4 MiB, the body limit). */
#define PAGINA 1000
#define PAGINA_ARENA_BYTES (8u << 20)
#define DOCUMENT_ARENA_BYTES (40u << 20)
#define NORMEN_PLEKKEN 256
#define CACHE_PLEKKEN (1u << 18)      /* hash places for submitted versions */
#define CACHE_MAX 200000u             /* versions kept at most (~100 MB worst case) */
#define KADER_MAX 64                  /* catalogue versions whose frame is kept */

/* ---- the caches ------------------------------------------------------- */

/* The numbers of one submitted version, one malloc block: the item, its
 * years, its sectors and their names. */
struct cache_item {
	int64_t id, versie;
	char sha256[65];
	int64_t gevraagd_cent, fte_milli, min_aandeel_bp;
	size_t jaar_aantal, sector_aantal;
	struct ronde_bedrag *jaren, *sectoren;
};

static pthread_mutex_t cache_slot = PTHREAD_MUTEX_INITIALIZER;
static struct cache_item **cache;         /* open addressing, CACHE_PLEKKEN places */
static size_t cache_aantal;
static struct {
	char sha256[65];
	struct verdeelkader *kader;
} kaders[KADER_MAX];
static size_t kader_aantal;

static size_t cache_plek(int64_t id, int64_t versie)
{
	uint64_t h = (uint64_t)id * 0x9E3779B97F4A7C15ull ^ (uint64_t)versie * 0xC2B2AE3D27D4EB4Full;
	return (size_t)(h >> 40) & (CACHE_PLEKKEN - 1);
}

/* Copies the numbers of a cached version into out (strings into arena);
 * false when the version is not cached (or memory ran out). */
static bool cache_haal(int64_t id, int64_t versie, const char *sha, struct arena *arena,
		       struct ronde_aanvraag *out)
{
	bool gevonden = false;
	pthread_mutex_lock(&cache_slot);
	for (size_t p = cache_plek(id, versie), n = 0; cache && cache[p] && n < CACHE_PLEKKEN;
	     p = (p + 1) & (CACHE_PLEKKEN - 1), n++) {
		const struct cache_item *c = cache[p];
		if (c->id != id || c->versie != versie)
			continue;
		if (strcmp(c->sha256, sha) != 0)
			break;   /* another database's version under the same ids */
		out->gevraagd_cent = c->gevraagd_cent;
		out->fte_milli = c->fte_milli;
		out->min_aandeel_bp = c->min_aandeel_bp;
		out->jaren = arena_alloc(arena, (c->jaar_aantal + 1) * sizeof *out->jaren);
		out->sectoren = arena_alloc(arena, (c->sector_aantal + 1) * sizeof *out->sectoren);
		gevonden = out->jaren && out->sectoren;
		if (gevonden) {
			memcpy(out->jaren, c->jaren, c->jaar_aantal * sizeof *out->jaren);
			memcpy(out->sectoren, c->sectoren, c->sector_aantal * sizeof *out->sectoren);
			out->jaar_aantal = c->jaar_aantal;
			out->sector_aantal = c->sector_aantal;
			/* sector names point into the item, which is never freed */
		}
		break;
	}
	pthread_mutex_unlock(&cache_slot);
	return gevonden;
}

/* Keeps the numbers of version (id, versie); silently nothing when the
 * cache is full or memory runs out (the next read parses again). */
static void cache_zet(int64_t id, int64_t versie, const char *sha, const struct ronde_aanvraag *x)
{
	size_t namen = 0;
	for (size_t k = 0; k < x->sector_aantal; k++)
		namen += strlen(x->sectoren[k].sector) + 1;
	size_t kop = sizeof(struct cache_item);
	size_t bytes = kop + (x->jaar_aantal + x->sector_aantal) * sizeof(struct ronde_bedrag) + namen;
	struct cache_item *c = malloc(bytes);
	if (!c)
		return;
	*c = (struct cache_item){.id = id, .versie = versie, .gevraagd_cent = x->gevraagd_cent,
				 .fte_milli = x->fte_milli, .min_aandeel_bp = x->min_aandeel_bp,
				 .jaar_aantal = x->jaar_aantal, .sector_aantal = x->sector_aantal};
	snprintf(c->sha256, sizeof c->sha256, "%s", sha);
	c->jaren = (struct ronde_bedrag *)((char *)c + kop);
	c->sectoren = c->jaren + x->jaar_aantal;
	char *naam = (char *)(c->sectoren + x->sector_aantal);
	memcpy(c->jaren, x->jaren, x->jaar_aantal * sizeof *c->jaren);
	for (size_t k = 0; k < x->sector_aantal; k++) {
		size_t n = strlen(x->sectoren[k].sector) + 1;
		memcpy(naam, x->sectoren[k].sector, n);
		c->sectoren[k] = x->sectoren[k];
		c->sectoren[k].sector = naam;
		naam += n;
	}
	pthread_mutex_lock(&cache_slot);
	if (!cache)
		cache = calloc(CACHE_PLEKKEN, sizeof *cache);
	size_t p = cache_plek(id, versie);
	while (cache && cache[p] && !(cache[p]->id == id && cache[p]->versie == versie))
		p = (p + 1) & (CACHE_PLEKKEN - 1);
	if (cache && !cache[p] && cache_aantal < CACHE_MAX) {
		cache[p] = c;
		cache_aantal++;
		c = NULL;
	}
	pthread_mutex_unlock(&cache_slot);
	free(c);   /* not kept: full, already there, or no table */
}

/* The frame of catalogue version v (document hash sha) when kept. */
static bool kader_haal(int64_t v, const char *sha, struct verdeelkader *out)
{
	bool gevonden = false;
	pthread_mutex_lock(&cache_slot);
	for (size_t i = 0; i < kader_aantal && !gevonden; i++)
		if (kaders[i].kader->catalogusversie == v && strcmp(kaders[i].sha256, sha) == 0) {
			*out = *kaders[i].kader;
			gevonden = true;
		}
	pthread_mutex_unlock(&cache_slot);
	return gevonden;
}

static void kader_zet(const struct verdeelkader *k, const char *sha)
{
	struct verdeelkader *kopie = malloc(sizeof *kopie);
	if (!kopie)
		return;
	*kopie = *k;
	pthread_mutex_lock(&cache_slot);
	bool er = false;
	for (size_t i = 0; i < kader_aantal; i++)
		er = er || (kaders[i].kader->catalogusversie == k->catalogusversie &&
			    strcmp(kaders[i].sha256, sha) == 0);
	if (!er && kader_aantal < KADER_MAX) {
		snprintf(kaders[kader_aantal].sha256, sizeof kaders[0].sha256, "%s", sha);
		kaders[kader_aantal++].kader = kopie;
		kopie = NULL;
	}
	pthread_mutex_unlock(&cache_slot);
	free(kopie);
}

static int64_t geheel(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

static const char *tekst(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static void kader_themas(json_t *cat, const char *pot_id, struct verdeelkader *k)
{
	json_t *t;
	size_t i;
	json_array_foreach(json_object_get(cat, "themas"), i, t) {
		const char *id = tekst(t, "id"), *pot = tekst(t, "pot_id"), *naam = tekst(t, "naam");
		if (!id || !pot || strcmp(pot, pot_id) != 0 || k->thema_aantal >= VERDEELKADER_THEMAS_MAX)
			continue;
		size_t n = k->thema_aantal++;
		snprintf(k->themas[n].id, sizeof k->themas[n].id, "%s", id);
		snprintf(k->themas[n].naam, sizeof k->themas[n].naam, "%s", naam ? naam : id);
		json_t *macro = json_object_get(t, "macrobedrag_cent");
		k->themas[n].macrobedrag = json_is_integer(macro);
		k->themas[n].budget_cent = k->themas[n].macrobedrag ? (int64_t)json_integer_value(macro)
								    : geheel(t, "richtbedrag_cent");
	}
}

rc_t verdeelkader_lees(json_t *cat, int64_t catalogusversie, struct verdeelkader *out,
		       struct error *e)
{
	struct verdeelkader k;
	memset(&k, 0, sizeof k);
	k.catalogusversie = catalogusversie;
	k.fonds_cent = geheel(json_object_get(cat, "fonds"), "totaal_bedrag_cent");
	json_t *pot = catalogus_zvw_pot(cat);
	const char *pot_id = tekst(pot, "id");
	if (!pot || !pot_id)
		return error_set(e, RC_INTERNAL, "Catalogusversie %" PRId64 " heeft geen Zvw-pot.",
				 catalogusversie);
	k.pot_cent = geheel(pot, "bedrag_cent");
	json_t *periode = json_object_get(pot, "bestedingsperiode");
	k.van_jaar = geheel(periode, "van_jaar");
	k.tot_jaar = geheel(periode, "tot_en_met_jaar");
	json_t *t;
	size_t i;
	json_array_foreach(json_object_get(pot, "tranches"), i, t) {
		if (k.tranche_aantal >= VERDEELKADER_JAREN_MAX)
			break;
		k.tranches[k.tranche_aantal].jaar = geheel(t, "jaar");
		k.tranches[k.tranche_aantal++].bedrag_cent = geheel(t, "bedrag_cent");
	}
	kader_themas(cat, pot_id, &k);
	if (k.thema_aantal == 0)
		return error_set(e, RC_INTERNAL, "Catalogusversie %" PRId64 " heeft geen thema's voor de Zvw-pot.",
				 catalogusversie);
	json_array_foreach(json_object_get(cat, "impactlatten"), i, t) {
		const char *id = tekst(t, "id");
		if (!id || k.lat_aantal >= VERDEELKADER_LATTEN_MAX)
			continue;
		snprintf(k.latten[k.lat_aantal].id, sizeof k.latten[0].id, "%s", id);
		k.latten[k.lat_aantal++].fte_per_miljoen_milli = geheel(t, "fte_per_miljoen_milli");
	}
	const char *gekozen = tekst(cat, "gekozen_impactlat_id");
	snprintf(k.gekozen_lat, sizeof k.gekozen_lat, "%s", gekozen ? gekozen : "");
	json_t *amb = json_object_get(cat, "ambitie");
	k.ambitie_fte_milli = geheel(amb, "arbeidsbesparing_fte") * 1000;
	k.ambitie_fte_per_miljoen_milli = geheel(amb, "fte_per_miljoen_milli");
	k.ambitie_cent = geheel(amb, "doorbraakmiddelen_cent");
	*out = k;
	return RC_OK;
}

bool verdeelkader_lat(const struct verdeelkader *k, const char *id, int64_t *milli)
{
	for (size_t i = 0; id && i < k->lat_aantal; i++)
		if (strcmp(k->latten[i].id, id) == 0) {
			*milli = k->latten[i].fte_per_miljoen_milli;
			return true;
		}
	return false;
}

/* ---- the applications ------------------------------------------------- */

/* The normative data of one modelplan version, loaded once per read. */
struct normen_plek {
	const char *modelplan;
	int64_t versie;
	struct modelplan_normen *normen;
	int64_t min_aandeel_bp;
};

struct stand_werk {
	struct arena *arena;            /* the caller's: what is kept */
	int64_t ronde_id;
	bool met_lopend;
	int64_t catalogusversie;
	json_t *catalogus;              /* read only when a document must be parsed */
	struct ronde_stand *uit;
	struct normen_plek plekken[NORMEN_PLEKKEN];
	size_t plek_aantal;
};

static rc_t normen_laad(struct store *s, struct stand_werk *w, const char *mp, int64_t versie,
			struct normen_plek *p, struct error *e)
{
	const char *plantekst = NULL;
	rc_t rc = RC_OK;
	if (!w->catalogus) {
		const char *cattekst = NULL;
		rc = store_catalogus_document(s, w->catalogusversie, w->arena, &cattekst, e);
		if (rc == RC_OK && !(w->catalogus = json_loads(cattekst, 0, NULL)))
			rc = error_set(e, RC_STORE, "Catalogusversie %" PRId64 " is geen JSON.",
				       w->catalogusversie);
	}
	if (rc == RC_OK)
		rc = store_modelplan_document(s, mp, versie, w->arena, &plantekst, e);
	if (rc != RC_OK)
		return rc;
	json_t *plan = json_loads(plantekst, 0, NULL);
	p->normen = arena_alloc(w->arena, sizeof *p->normen);
	p->modelplan = arena_strdup(w->arena, mp);
	if (!plan || !p->normen || !p->modelplan) {
		json_decref(plan);
		return error_set(e, plan ? RC_NOMEM : RC_STORE, "Modelplan %s versie %" PRId64
				 " kan niet worden gelezen.", mp, versie);
	}
	rc = toets_normen_lees(plan, w->catalogus, p->normen, NULL);
	p->versie = versie;
	p->min_aandeel_bp = geheel(json_object_get(plan, "normen"), "min_aandeel_deelfinanciering_bp");
	json_decref(plan);
	if (rc != RC_OK)
		return error_set(e, RC_INTERNAL, "De normen van %s versie %" PRId64 " zijn onleesbaar.",
				 mp, versie);
	return RC_OK;
}

static rc_t normen_zoek(struct store *s, struct stand_werk *w, const char *mp, int64_t versie,
			const struct normen_plek **out, struct error *e)
{
	for (size_t i = 0; i < w->plek_aantal; i++)
		if (w->plekken[i].versie == versie && strcmp(w->plekken[i].modelplan, mp) == 0) {
			*out = &w->plekken[i];
			return RC_OK;
		}
	if (w->plek_aantal >= NORMEN_PLEKKEN)
		return error_set(e, RC_TOO_LARGE, "Meer dan %d modelplanversies in één ronde.", NORMEN_PLEKKEN);
	rc_t rc = normen_laad(s, w, mp, versie, &w->plekken[w->plek_aantal], e);
	if (rc == RC_OK)
		*out = &w->plekken[w->plek_aantal++];
	return rc;
}

/* Adds `cent` to the amount of `jaar` (or `sector`) in the sorted list
 * l[0..*n), inserting it when new; the list has room for `cap`. */
static void bedrag_bij(struct ronde_bedrag *l, size_t *n, size_t cap, int64_t jaar,
		       const char *sector, int64_t cent)
{
	size_t i = 0;
	while (i < *n && (sector ? strcmp(l[i].sector, sector) < 0 : l[i].jaar < jaar))
		i++;
	if (i < *n && (sector ? strcmp(l[i].sector, sector) == 0 : l[i].jaar == jaar)) {
		l[i].bedrag_cent += cent;  /* every partial sum of a read document fits */
		return;
	}
	if (*n >= cap)
		return;
	memmove(&l[i + 1], &l[i], (*n - i) * sizeof *l);
	l[i] = (struct ronde_bedrag){.jaar = jaar, .sector = sector, .bedrag_cent = cent};
	(*n)++;
}

/* The sector of the coalition's provider `org`, or "onbekend". */
static const char *sector_van(const struct aanvraag *a, int64_t org)
{
	for (size_t i = 0; i < a->coalitie.deelnemer_aantal; i++)
		if (a->coalitie.deelnemers[i].organisatie == org && a->coalitie.deelnemers[i].sector)
			return a->coalitie.deelnemers[i].sector;
	return "onbekend";
}

/* Reduces the document of one row to its numbers. */
static rc_t samenvat_document(struct store *s, struct stand_werk *w, int64_t id, int64_t versie,
			       const struct store_rows *r, size_t i, struct arena *pagina,
			       struct ronde_aanvraag *out, struct error *e);

static rc_t samenvat(struct store *s, struct stand_werk *w, const struct store_rows *r, size_t i,
		     struct ronde_aanvraag *out, struct error *e)
{
	int64_t id = store_int(r, i, SVA_ID, 0), versie = store_int(r, i, SVA_VERSIE, 0);
	const char *sha = store_text(r, i, SVA_SHA);
	if (!sha)
		sha = "";
	if (cache_haal(id, versie, sha, w->arena, out))
		return RC_OK;
	struct arena doc;
	arena_init(&doc, DOCUMENT_ARENA_BYTES);
	rc_t rc = samenvat_document(s, w, id, versie, r, i, &doc, out, e);
	arena_release(&doc);
	return rc;
}

/* Reads and parses the document of version (id, versie) in `pagina`. */
static rc_t samenvat_document(struct store *s, struct stand_werk *w, int64_t id, int64_t versie,
			       const struct store_rows *r, size_t i, struct arena *pagina,
			       struct ronde_aanvraag *out, struct error *e)
{
	struct store_rows vr;
	rc_t rc = store_versie_lees(s, id, versie, pagina, &vr, e);
	if (rc != RC_OK)
		return rc;
	json_t *doc = vr.nrows == 1 ? json_loads(store_text(&vr, 0, SV_DOCUMENT), 0, NULL) : NULL;
	struct aanvraag a;
	rc = doc ? aanvraag_lees(doc, pagina, &a, NULL) : RC_STORE;
	json_decref(doc);
	if (rc != RC_OK)
		return error_set(e, rc == RC_NOMEM ? RC_NOMEM : RC_INTERNAL,
				 "De ingediende versie van aanvraag %" PRId64 " is onleesbaar.", id);
	const struct normen_plek *p = NULL;
	rc = normen_zoek(s, w, store_text(r, i, SVA_MODELPLAN), store_int(r, i, SVA_MODELPLAN_VERSIE, 0),
			 &p, e);
	if (rc != RC_OK)
		return rc;
	/* gathered in the page arena, kept in exact size */
	size_t cap = a.regel_aantal ? a.regel_aantal : 1;
	struct ronde_bedrag *jaren = arena_alloc(pagina, cap * sizeof *jaren);
	struct ronde_bedrag *sectoren = arena_alloc(pagina, cap * sizeof *sectoren);
	if (!jaren || !sectoren)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de aanvragen van de ronde.");
	for (size_t k = 0; k < a.regel_aantal; k++) {
		const struct aanvraag_regel *l = &a.begroting[k];
		if (l->bedrag_cent <= 0 || !normen_financierbaar(p->normen, l->kostensoort, l->aard))
			continue;
		out->gevraagd_cent += l->bedrag_cent;
		bedrag_bij(jaren, &out->jaar_aantal, cap, l->jaar, NULL, l->bedrag_cent);
		bedrag_bij(sectoren, &out->sector_aantal, cap, 0, sector_van(&a, l->zorgaanbieder),
			   l->bedrag_cent);
	}
	out->jaren = arena_alloc(w->arena, (out->jaar_aantal + 1) * sizeof *jaren);
	out->sectoren = arena_alloc(w->arena, (out->sector_aantal + 1) * sizeof *sectoren);
	if (!out->jaren || !out->sectoren)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de aanvragen van de ronde.");
	memcpy(out->jaren, jaren, out->jaar_aantal * sizeof *jaren);
	for (size_t k = 0; k < out->sector_aantal; k++) {
		out->sectoren[k] = sectoren[k];
		if (!(out->sectoren[k].sector = arena_strdup(w->arena, sectoren[k].sector)))
			return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	}
	out->fte_milli = a.fte_besparing_milli > 0 ? a.fte_besparing_milli : 0;
	out->min_aandeel_bp = p->min_aandeel_bp;
	cache_zet(id, versie, store_text(r, i, SVA_SHA) ? store_text(r, i, SVA_SHA) : "", out);
	return RC_OK;
}

static rc_t rij_neem(struct store *s, struct stand_werk *w, const struct store_rows *r, size_t i,
		     struct error *e)
{
	struct ronde_stand *u = w->uit;
	struct ronde_aanvraag *x = &u->aanvragen[u->aantal];
	memset(x, 0, sizeof *x);
	x->id = store_int(r, i, SVA_ID, 0);
	aanvraag_status_uit_naam(store_text(r, i, SVA_STATUS), &x->status);
	const char *titel = store_text(r, i, SVA_TITEL), *regio = store_text(r, i, SVA_REGIO);
	x->titel = titel ? arena_strdup(w->arena, titel) : NULL;
	x->regio = arena_strdup(w->arena, regio && *regio ? regio : "onbekend");
	x->thema = arena_strdup(w->arena, store_text(r, i, SVA_THEMA));
	x->toepassingsgebied = arena_strdup(w->arena, store_text(r, i, SVA_GEBIED));
	x->coordinerend = store_int(r, i, SVA_COORDINEREND, 0);
	x->tweede = store_int(r, i, SVA_TWEEDE, 0);
	if ((titel && !x->titel) || !x->regio || !x->thema || !x->toepassingsgebied)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de aanvragen van de ronde.");
	rc_t rc = samenvat(s, w, r, i, x, e);
	if (rc == RC_OK)
		u->aantal++;
	return rc;
}

/* Reads the applications a page at a time. */
static rc_t aanvragen_lees(struct store *s, struct stand_werk *w, size_t verwacht, struct error *e)
{
	struct ronde_stand *u = w->uit;
	u->aanvragen = arena_alloc(w->arena, (verwacht ? verwacht : 1) * sizeof *u->aanvragen);
	if (!u->aanvragen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de aanvragen van de ronde.");
	const char *statussen[AANVRAAG_STATUS_AANTAL];
	size_t ns = aanvraag_statussen_voor_verdeling(w->met_lopend, statussen);
	int64_t na = 0;
	for (size_t nr = 0; nr <= RONDE_AANVRAGEN_MAX / PAGINA + 1; nr++) {
		struct arena pagina;
		arena_init(&pagina, PAGINA_ARENA_BYTES);
		struct store_rows r;
		rc_t rc = store_verdeling_aanvragen(s, w->ronde_id, statussen, ns, na, PAGINA, &pagina,
						    &r, e);
		for (size_t i = 0; rc == RC_OK && i < r.nrows; i++) {
			if (u->aantal >= verwacht)
				rc = error_set(e, RC_RETRY, "De aanvragen van de ronde veranderden tijdens het lezen.");
			else
				rc = rij_neem(s, w, &r, i, e);
		}
		size_t n = rc == RC_OK ? r.nrows : 0;
		if (n > 0)
			na = u->aanvragen[u->aantal - 1].id;
		arena_release(&pagina);
		if (rc != RC_OK || n < PAGINA)
			return rc;
	}
	return error_set(e, RC_TOO_LARGE, "Meer dan %d aanvragen in de ronde.", RONDE_AANVRAGEN_MAX);
}

/* The round and its frame; the catalogue document (*catalogus: a new
 * reference, else left NULL) only when the frame was not yet kept. */
static rc_t ronde_catalogus_lees(struct store *s, struct arena *arena, int64_t ronde_id,
				 struct indieningsronde *ronde, json_t **catalogus,
				 struct verdeelkader *kader, struct error *e)
{
	rc_t rc = indieningsronde_lees_tx(s, arena, ronde_id, ronde, e);
	const char *sha = NULL;
	if (rc == RC_OK)
		rc = store_catalogus_sha256(s, ronde->catalogusversie, arena, &sha, e);
	if (rc != RC_OK || kader_haal(ronde->catalogusversie, sha, kader))
		return rc;
	const char *cattekst = NULL;
	rc = store_catalogus_document(s, ronde->catalogusversie, arena, &cattekst, e);
	if (rc == RC_OK && !(*catalogus = json_loads(cattekst, 0, NULL)))
		rc = error_set(e, RC_STORE, "Catalogusversie %" PRId64 " is geen JSON.", ronde->catalogusversie);
	if (rc == RC_OK)
		rc = verdeelkader_lees(*catalogus, ronde->catalogusversie, kader, e);
	if (rc == RC_OK)
		kader_zet(kader, sha);
	return rc;
}

rc_t ronde_kader_lees_tx(struct store *s, struct arena *arena, int64_t ronde_id,
			 struct indieningsronde *ronde, struct verdeelkader *kader, struct error *e)
{
	json_t *cat = NULL;
	rc_t rc = ronde_catalogus_lees(s, arena, ronde_id, ronde, &cat, kader, e);
	json_decref(cat);
	return rc;
}

static rc_t stand_tx(struct store *s, void *ctx, struct error *e)
{
	struct stand_werk *w = ctx;
	struct ronde_stand *u = w->uit;
	memset(u, 0, sizeof *u);
	w->plek_aantal = 0;
	json_decref(w->catalogus);
	w->catalogus = NULL;
	rc_t rc = ronde_catalogus_lees(s, w->arena, w->ronde_id, &u->ronde, &w->catalogus, &u->kader, e);
	w->catalogusversie = u->ronde.catalogusversie;
	struct store_rows st;
	if (rc == RC_OK)
		rc = store_verdeling_statussen(s, w->ronde_id, w->arena, &st, e);
	size_t verwacht = 0;
	for (size_t i = 0; rc == RC_OK && i < st.nrows; i++) {
		enum aanvraag_status status;
		if (!aanvraag_status_uit_naam(store_text(&st, i, 0), &status))
			continue;
		int64_t n = store_int(&st, i, 1, 0);
		u->per_status[status] = n;
		if (aanvraag_status_telt_voor_verdeling(status, w->met_lopend))
			verwacht += (size_t)n;
	}
	if (rc == RC_OK && verwacht > RONDE_AANVRAGEN_MAX)
		rc = error_set(e, RC_TOO_LARGE, "Meer dan %d aanvragen in de ronde.", RONDE_AANVRAGEN_MAX);
	if (rc == RC_OK)
		rc = aanvragen_lees(s, w, verwacht, e);
	return rc;
}

rc_t ronde_stand_lees(struct store *s, struct arena *arena, int64_t ronde_id, bool met_lopend,
		      struct ronde_stand *out, struct error *e)
{
	struct stand_werk *w = arena_alloc(arena, sizeof *w);
	struct ronde_stand *u = arena_alloc(arena, sizeof *u);
	if (!w || !u)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	w->arena = arena;
	w->ronde_id = ronde_id;
	w->met_lopend = met_lopend;
	w->uit = u;
	rc_t rc = store_tx(s, STORE_READ, stand_tx, w, e);
	json_decref(w->catalogus);
	if (rc == RC_OK)
		*out = *u;
	return rc;
}
