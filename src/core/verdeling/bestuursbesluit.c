/*
 * bestuursbesluit.c -- adopting a scenario as the board's decision, with
 * its grants and ledger reservations in one transaction, and reading
 * decisions back. See bestuursbesluit.h and docs/bestuur.md §4.
 *
 * The plan (who gets what in which year) comes from recomputing the
 * stored scenario, checked byte for byte against what was stored; the
 * transaction then re-checks the round's state under the write lock, so
 * that what is decided is exactly what the board saw.
 */
#include "core/verdeling/bestuursbesluit.h"

#include <errno.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "store/store_grootboek.h"
#include "store/store_verdeling.h"
#include "core/basis/audit.h"
#include "core/geld/grootboek.h"
#include "core/basis/json.h"
#include "core/verdeling/macrooverzicht.h"
#include "core/verdeling/verdeelscenario.h"
#include "core/basis/tekst.h"

#define BRON_BESLUIT "[001 \"Vervolgproces\"], [002 §4.2]"
#define RESERVERINGEN_PER_BATCH 996  /* whole chains of at most 4 years in one batch */

void bestuursbesluit_sleutel(int64_t aanvraag_id, int64_t jaar, char *buf, size_t n)
{
	snprintf(buf, n, "toekenning/%" PRId64 "/%" PRId64, aanvraag_id, jaar);
}

rc_t bestuursbesluit_invoer_lees(json_t *body, struct bestuursbesluit_invoer *out,
				 struct error *e)
{
	static const char *const velden[] = {"verdeelscenario_id", "motivering", NULL};
	struct bestuursbesluit_invoer in = {0};
	if (!json_is_object(body))
		return error_set(e, RC_INVALID, "De body is een JSON-object.");
	json_reject_unknown(body, velden, "", e);
	if (json_get_int(body, "verdeelscenario_id", false, "", &in.scenario_id, e)) {
		if (in.scenario_id <= 0)
			error_add(e, "/verdeelscenario_id", "scenario_onbekend", NULL,
				  "verdeelscenario_id is het nummer van een verdeelscenario.");
	} else {
		toegang_verplicht(e, "/verdeelscenario_id", "Geef het verdeelscenario dat het besluit wordt.");
	}
	if (json_get_string(body, "motivering", false, "", &in.motivering, e)) {
		if (!tekst_aanwezig(in.motivering) || strlen(in.motivering) > BESTUURSBESLUIT_MOTIVERING_MAX)
			error_add(e, "/motivering", "motivering_ontbreekt", BRON_BESLUIT,
				  "Motiveer het besluit (kwaliteit, spreiding, maatschappelijke impact), in 1 tot %d tekens.",
				  BESTUURSBESLUIT_MOTIVERING_MAX);
	} else {
		toegang_verplicht(e, "/motivering", "Motiveer het besluit: waarom dit scenario.");
	}
	if (e->item_count > 0 || e->items_dropped > 0 || e->rc != RC_OK) {
		if (e->rc == RC_OK)
			e->rc = RC_INVALID;
		return e->rc;
	}
	*out = in;
	return RC_OK;
}

/* ---- the plan ------------------------------------------------------------ */

struct plan_aanvraag {
	int64_t id;
	size_t thema;                               /* index in the scenario's themes */
	int64_t bedrag_cent[VERDELING_JAREN_MAX];   /* per scenario year */
	int64_t totaal_cent;
};

struct plan {
	struct verdeelscenario scenario;
	const struct verdeling_resultaat *r;
	struct plan_aanvraag *aanvragen;            /* with money, by id */
	size_t n;
	int64_t *positief_ids;                      /* every positive application then, ascending */
	size_t positief_aantal;
	int64_t per_thema_jaar[VERDELING_THEMAS_MAX][VERDELING_JAREN_MAX];
	int64_t totaal_cent;
	size_t toekenningen;
};

static int id_vergelijk(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

static bool id_lees(const char *tekst, int64_t *out)
{
	char *eind = NULL;
	errno = 0;
	long long v = strtoll(tekst, &eind, 10);
	if (errno || !eind || *eind || v <= 0)
		return false;
	*out = v;
	return true;
}

static size_t thema_index(const struct verdeling_scenario *s, const char *thema)
{
	for (size_t t = 0; t < s->thema_aantal; t++)
		if (strcmp(s->themas[t].id, thema) == 0)
			return t;
	return 0; /* the validator made sure every candidate's theme is there */
}

static rc_t plan_maak(struct arena *arena, struct plan *p, struct error *e)
{
	const struct verdeling_resultaat *r = p->r;
	size_t n = r->kandidaat_aantal;
	json_t *pos = json_loads(p->scenario.positief_ids ? p->scenario.positief_ids : "", 0, NULL);
	size_t m = json_array_size(pos);
	p->aanvragen = arena_alloc(arena, (n + 1) * sizeof *p->aanvragen);
	p->positief_ids = arena_alloc(arena, (m + 1) * sizeof *p->positief_ids);
	if (!json_is_array(pos) || !p->aanvragen || !p->positief_ids) {
		json_decref(pos);
		return error_set(e, pos ? RC_NOMEM : RC_INTERNAL, "Verdeelscenario %" PRId64
				 " is onleesbaar of te groot.", p->scenario.id);
	}
	for (size_t i = 0; i < m; i++)
		p->positief_ids[p->positief_aantal++] = json_integer_value(json_array_get(pos, i));
	json_decref(pos);
	for (size_t i = 0; i < n; i++) {
		const struct verdeling_kandidaat *k = &r->kandidaten[i];
		const struct verdeling_uitkomst *u = &r->uitkomsten[i];
		int64_t id;
		if (!id_lees(k->id, &id))
			return error_set(e, RC_INTERNAL, "Kandidaat '%s' is geen aanvraagnummer.", k->id);
		if (u->toegekend_totaal_cent <= 0)
			continue;
		struct plan_aanvraag *a = &p->aanvragen[p->n++];
		memset(a, 0, sizeof *a);
		a->id = id;
		a->thema = thema_index(&r->scenario, k->thema);
		a->totaal_cent = u->toegekend_totaal_cent;
		p->totaal_cent += u->toegekend_totaal_cent;
		for (size_t y = 0; y < r->scenario.jaar_aantal; y++) {
			a->bedrag_cent[y] = u->toegekend_cent[y];
			p->per_thema_jaar[a->thema][y] += u->toegekend_cent[y];
			p->toekenningen += u->toegekend_cent[y] > 0;
		}
	}
	qsort(p->positief_ids, p->positief_aantal, sizeof *p->positief_ids, id_vergelijk);
	qsort(p->aanvragen, p->n, sizeof *p->aanvragen, id_vergelijk); /* id is the first member */
	return RC_OK;
}

/* ---- the ledger ---------------------------------------------------------- */

struct neem_ctx {
	const struct principal *who;
	const struct bestuursbesluit_invoer *in;
	struct plan *p;
	struct arena *arena;
	char nu[KLOK_TEKST_BYTES];
	struct indieningsronde ronde;
	struct verdeelkader kader;
	int64_t besluit_id;
	size_t reserveringen;
};

static char *printf_in(struct neem_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *printf_in(struct neem_ctx *c, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return arena_strdup(c->arena, buf);
}

static rc_t rekening(struct store *s, const char *code, const char *naam, enum rekening_soort soort,
		     unsigned vlaggen, struct error *e)
{
	if (!code || !naam)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het besluit.");
	struct rekening_def d = {code, naam, soort, vlaggen};
	int64_t id;
	return grootboek_rekening_open(s, &d, &id, e);
}

/* Books batch b[0..n) and turns refusals into one problem whose items are
 * named by the entries' keys. */
static rc_t boek(struct store *s, struct neem_ctx *c, const struct boeking *b, size_t n,
		 struct error *e)
{
	if (n == 0)
		return RC_OK;
	struct boeking_resultaat *res = arena_alloc(c->arena, n * sizeof *res);
	if (!res)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het besluit.");
	rc_t rc = grootboek_boek(s, b, n, res, e);
	if (rc != RC_OK)
		return rc;
	struct error w;
	error_clear(&w);
	rc = grootboek_weigeringen(b, res, n, &w);
	if (rc == RC_OK)
		return RC_OK;
	error_set(e, rc == RC_INVALID ? RC_INVALID : RC_CONFLICT,
		  "Het besluit past niet in het grootboek; er is niets vastgelegd.");
	for (size_t i = 0; i < w.item_count; i++) {
		size_t k = (size_t)strtoul(w.items[i].field + strlen("/boekingen/"), NULL, 10);
		error_add(e, k < n ? b[k].sleutel : w.items[i].field, w.items[i].code,
			  w.items[i].bron[0] ? w.items[i].bron : NULL, "%s", w.items[i].detail);
	}
	e->items_dropped += w.items_dropped;
	return e->rc;
}

static rc_t rekeningen_open(struct store *s, struct neem_ctx *c, struct error *e)
{
	const struct verdeling_scenario *sc = &c->p->r->scenario;
	rc_t rc = rekening(s, "bron/zvw", "Bron van de Zvw-doorbraakmiddelen", REKENING_BRON, 0, e);
	if (rc == RC_OK)
		rc = rekening(s, "zvw", "Zvw-macrokader 2027-2029", REKENING_POT, REKENING_DEBET_BEGRENSD, e);
	for (size_t t = 0; rc == RC_OK && t < c->kader.thema_aantal; t++)
		rc = rekening(s, printf_in(c, "zvw/%s", c->kader.themas[t].id),
			      printf_in(c, "Zvw-thema %s", c->kader.themas[t].id), REKENING_THEMA,
			      REKENING_DEBET_BEGRENSD, e);
	for (size_t t = 0; rc == RC_OK && t < sc->thema_aantal; t++) {
		rc = rekening(s, printf_in(c, "zvw/%s", sc->themas[t].id),
			      printf_in(c, "Zvw-thema %s", sc->themas[t].id), REKENING_THEMA,
			      REKENING_DEBET_BEGRENSD, e);
		for (size_t y = 0; rc == RC_OK && y < sc->jaar_aantal; y++)
			if (c->p->per_thema_jaar[t][y] > 0)
				rc = rekening(s, printf_in(c, "zvw/%s/%" PRId64, sc->themas[t].id, sc->jaren[y].jaar),
					      printf_in(c, "Zvw-thema %s, %" PRId64, sc->themas[t].id, sc->jaren[y].jaar),
					      REKENING_JAAR, REKENING_DEBET_BEGRENSD, e);
	}
	for (size_t i = 0; rc == RC_OK && i < c->p->n; i++)
		rc = rekening(s, printf_in(c, "project/%" PRId64, c->p->aanvragen[i].id),
			      printf_in(c, "Project van aanvraag %" PRId64, c->p->aanvragen[i].id),
			      REKENING_PROJECT, REKENING_DEBET_BEGRENSD, e);
	return rc;
}

/* An earlier entry with `sleutel`: *bestaat, and its amount signed by
 * direction (+ when it debits `van`). */
static rc_t eerder(struct store *s, struct neem_ctx *c, const char *sleutel, const char *van,
		   bool *bestaat, int64_t *bedrag, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_gb_boeking_by_sleutel(s, sleutel, c->arena, &r, e);
	if (rc != RC_OK)
		return rc;
	*bestaat = r.nrows > 0;
	if (*bestaat) {
		int64_t b = store_int(&r, 0, SGB_BEDRAG, 0);
		const char *debet = store_text(&r, 0, SGB_DEBET);
		*bedrag = debet && strcmp(debet, van) == 0 ? b : -b;
	}
	return RC_OK;
}

/* The macrokader and the theme budgets of the round's catalogue version.
 * A budget changed by a later catalogue version is booked as the
 * difference with what earlier versions booked. */
static rc_t financier(struct store *s, struct neem_ctx *c, struct error *e)
{
	struct boeking b[1 + VERDEELKADER_THEMAS_MAX];
	size_t n = 0;
	bool bestaat = false;
	int64_t bedrag = 0;
	rc_t rc = eerder(s, c, "macrokader/zvw/1", "bron/zvw", &bestaat, &bedrag, e);
	if (rc == RC_OK && !bestaat)
		b[n++] = (struct boeking){"macrokader/zvw/1", BOEKING_DIRECT, "bron/zvw", "zvw",
					  c->kader.pot_cent, NULL, "macrokader",
					  "Het Zvw-macrokader 2027-2029 [001 §3]", false};
	int64_t cv = c->kader.catalogusversie;
	for (size_t t = 0; rc == RC_OK && t < c->kader.thema_aantal; t++) {
		const char *id = c->kader.themas[t].id, *rek = printf_in(c, "zvw/%s", id);
		char *sleutel = printf_in(c, "thema/%s/richtbedrag/%" PRId64, id, cv);
		rc = eerder(s, c, sleutel, "zvw", &bestaat, &bedrag, e);
		int64_t geboekt = 0;
		for (int64_t v = 1; rc == RC_OK && !bestaat && v < cv && v < 1000; v++) {
			bool was = false;
			rc = eerder(s, c, printf_in(c, "thema/%s/richtbedrag/%" PRId64, id, v), "zvw", &was, &bedrag, e);
			if (rc == RC_OK && was)
				geboekt += bedrag;
		}
		int64_t verschil = c->kader.themas[t].budget_cent - geboekt;
		if (rc != RC_OK || bestaat || verschil == 0)
			continue;
		b[n++] = (struct boeking){sleutel, BOEKING_DIRECT, verschil > 0 ? "zvw" : rek,
					  verschil > 0 ? rek : "zvw", verschil > 0 ? verschil : -verschil,
					  NULL, "richtbedrag",
					  printf_in(c, "Themabudget %s, catalogusversie %" PRId64 " [002 §4.1]", id, cv),
					  false};
	}
	return rc == RC_OK ? boek(s, c, b, n, e) : rc;
}

/* What capped account `code` can still give (0 when it does not exist). */
static int64_t ruimte(const struct store_rows *r, const char *code)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (strcmp(store_text(r, i, SGR_CODE), code) == 0)
			return store_int(r, i, SGR_CREDIT_GEBOEKT, 0) - store_int(r, i, SGR_DEBET_GEBOEKT, 0) -
			       store_int(r, i, SGR_DEBET_GERESERVEERD, 0);
	return 0;
}

/* How far theme t may exceed its own budget in this scenario [002 §4.1]. */
static int64_t verschuiving_toegestaan(const struct verdeling_scenario *sc, size_t t)
{
	if (sc->verschuiving_cent > 0)
		return sc->verschuiving_cent;
	return (int64_t)((__int128)sc->themas[t].budget_cent * sc->verschuiving_bp / 10000);
}

/* The shifts between themes the scenario allows and the decision needs,
 * then the money per theme and year: exactly what the decision grants
 * there (docs/bestuur.md §4). */
static rc_t jaren_vullen(struct store *s, struct neem_ctx *c, struct error *e)
{
	const struct verdeling_scenario *sc = &c->p->r->scenario;
	const char *codes[VERDELING_THEMAS_MAX];
	int64_t nodig[VERDELING_THEMAS_MAX], over[VERDELING_THEMAS_MAX];
	for (size_t t = 0; t < sc->thema_aantal; t++)
		codes[t] = printf_in(c, "zvw/%s", sc->themas[t].id);
	struct store_rows r;
	rc_t rc = store_gb_rekening_by_codes(s, codes, sc->thema_aantal, c->arena, &r, e);
	if (rc != RC_OK)
		return rc;
	for (size_t t = 0; t < sc->thema_aantal; t++) {
		int64_t som = 0;
		for (size_t y = 0; y < sc->jaar_aantal; y++)
			som += c->p->per_thema_jaar[t][y];
		int64_t vrij = ruimte(&r, codes[t]);
		nodig[t] = som > vrij ? som - vrij : 0;
		over[t] = vrij > som ? vrij - som : 0;
	}
	size_t max = VERDELING_THEMAS_MAX * VERDELING_THEMAS_MAX + VERDELING_THEMAS_MAX * VERDELING_JAREN_MAX;
	struct boeking *b = arena_alloc(c->arena, max * sizeof *b);
	if (!b)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het besluit.");
	size_t n = 0;
	for (size_t t = 0; t < sc->thema_aantal; t++) {
		int64_t mag = verschuiving_toegestaan(sc, t);
		int64_t tekort = nodig[t] < mag ? nodig[t] : mag;
		for (size_t d = 0; tekort > 0 && d < sc->thema_aantal; d++) {
			if (d == t || over[d] <= 0)
				continue;
			int64_t x = over[d] < tekort ? over[d] : tekort;
			over[d] -= x;
			tekort -= x;
			b[n++] = (struct boeking){printf_in(c, "verschuiving/%" PRId64 "/%s/%s", c->besluit_id,
							    sc->themas[d].id, sc->themas[t].id),
						  BOEKING_DIRECT, codes[d], codes[t], x, NULL, "verschuiving",
						  printf_in(c, "Verschuiving tussen thema's in bestuursbesluit %" PRId64
							    " [002 §4.1]", c->besluit_id), false};
		}
	}
	for (size_t t = 0; t < sc->thema_aantal; t++)
		for (size_t y = 0; y < sc->jaar_aantal; y++) {
			int64_t x = c->p->per_thema_jaar[t][y], jaar = sc->jaren[y].jaar;
			if (x <= 0)
				continue;
			b[n++] = (struct boeking){printf_in(c, "thema/%s/%" PRId64 "/%" PRId64, sc->themas[t].id, jaar,
							    c->besluit_id),
						  BOEKING_DIRECT, codes[t],
						  printf_in(c, "zvw/%s/%" PRId64, sc->themas[t].id, jaar), x, NULL,
						  "jaarbudget",
						  printf_in(c, "Beschikbaar in %" PRId64 " volgens bestuursbesluit %" PRId64
							    " [003 §8b]", jaar, c->besluit_id), false};
		}
	return boek(s, c, b, n, e);
}

/* One linked chain of reservations per application: all its years or none. */
static rc_t reserveren(struct store *s, struct neem_ctx *c, struct error *e)
{
	const struct verdeling_scenario *sc = &c->p->r->scenario;
	struct boeking *b = arena_alloc(c->arena, (RESERVERINGEN_PER_BATCH + VERDELING_JAREN_MAX) * sizeof *b);
	if (!b)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het besluit.");
	size_t n = 0;
	for (size_t i = 0; i < c->p->n; i++) {
		const struct plan_aanvraag *a = &c->p->aanvragen[i];
		const char *project = printf_in(c, "project/%" PRId64, a->id);
		size_t begin = n;
		for (size_t y = 0; y < sc->jaar_aantal; y++) {
			if (a->bedrag_cent[y] <= 0)
				continue;
			char sleutel[64];
			bestuursbesluit_sleutel(a->id, sc->jaren[y].jaar, sleutel, sizeof sleutel);
			b[n++] = (struct boeking){arena_strdup(c->arena, sleutel), BOEKING_RESERVERING,
						  printf_in(c, "zvw/%s/%" PRId64, sc->themas[a->thema].id, sc->jaren[y].jaar),
						  project, a->bedrag_cent[y], NULL, "toekenning",
						  printf_in(c, "Toekenning aan aanvraag %" PRId64 " in bestuursbesluit %" PRId64,
							    a->id, c->besluit_id), true};
		}
		if (n > begin)
			b[n - 1].gekoppeld = false;
		c->reserveringen += n - begin;
		if (n >= RESERVERINGEN_PER_BATCH || i + 1 == c->p->n) {
			rc_t rc = boek(s, c, b, n, e);
			if (rc != RC_OK)
				return rc;
			n = 0;
		}
	}
	return RC_OK;
}

/* ---- the transaction ------------------------------------------------------ */

static rc_t toestand_controleer(struct store *s, struct neem_ctx *c, struct error *e)
{
	struct store_rows r;
	rc_t rc = store_verdeling_besluit_van_ronde(s, c->p->scenario.ronde_id, c->arena, &r, e);
	if (rc != RC_OK)
		return rc;
	if (r.nrows > 0) {
		error_set(e, RC_CONFLICT, "Over deze ronde heeft het bestuur al besloten.");
		error_add(e, "/verdeelscenario_id", "besluit_bestaat", BRON_BESLUIT,
			  "Bestuursbesluit %s legt het totaal van deze ronde al vast; een besluit verandert niet.",
			  store_text(&r, 0, SBB_ID));
		return RC_CONFLICT;
	}
	rc = store_verdeling_statussen(s, c->p->scenario.ronde_id, c->arena, &r, e);
	int64_t lopend = 0;
	for (size_t i = 0; rc == RC_OK && i < r.nrows; i++) {
		enum aanvraag_status st;
		if (aanvraag_status_uit_naam(store_text(&r, i, 0), &st) && aanvraag_status_lopend(st))
			lopend += store_int(&r, i, 1, 0);
	}
	if (rc == RC_OK && lopend > 0) {
		error_set(e, RC_CONFLICT, "Er worden nog aanvragen van deze ronde beoordeeld.");
		error_add(e, "/verdeelscenario_id", "beoordeling_loopt", BRON_BESLUIT,
			  "Nog %" PRId64 " aanvragen wachten op het oordeel van beide zorgverzekeraars; het bestuur "
			  "besluit over het totaal na de beoordeling.", lopend);
		return RC_CONFLICT;
	}
	if (rc == RC_OK)
		rc = store_verdeling_met_status(s, c->p->scenario.ronde_id,
						aanvraag_status_naam(AANVRAAG_POSITIEF), c->arena, &r, e);
	if (rc != RC_OK)
		return rc;
	bool gelijk = r.nrows == c->p->positief_aantal;
	for (size_t i = 0; gelijk && i < r.nrows; i++)
		gelijk = store_int(&r, i, 0, 0) == c->p->positief_ids[i];
	if (!gelijk) {
		error_set(e, RC_CONFLICT, "Het scenario gaat niet meer over de positief beoordeelde aanvragen.");
		error_add(e, "/verdeelscenario_id", "scenario_verouderd", BRON_BESLUIT,
			  "Het scenario rekent met %zu positief beoordeelde aanvragen, de ronde heeft er nu %zu; "
			  "reken het scenario opnieuw door.", c->p->positief_aantal, r.nrows);
		return RC_CONFLICT;
	}
	return RC_OK;
}

static rc_t vastleggen(struct store *s, struct neem_ctx *c, struct error *e)
{
	struct store_besluit b = {c->p->scenario.ronde_id, c->p->scenario.id, c->in->motivering, c->nu,
				  c->who->actor, c->p->totaal_cent, (int64_t)c->p->n};
	rc_t rc = store_verdeling_besluit_insert(s, &b, &c->besluit_id, e);
	const struct verdeling_scenario *sc = &c->p->r->scenario;
	for (size_t i = 0; rc == RC_OK && i < c->p->n; i++) {
		const struct plan_aanvraag *a = &c->p->aanvragen[i];
		for (size_t y = 0; rc == RC_OK && y < sc->jaar_aantal; y++)
			if (a->bedrag_cent[y] > 0)
				rc = store_verdeling_toekenning_insert(s, c->besluit_id, a->id, sc->themas[a->thema].id,
								       sc->jaren[y].jaar, a->bedrag_cent[y], e);
	}
	return rc;
}

static rc_t neem_tx(struct store *s, void *ctx, struct error *e)
{
	struct neem_ctx *c = ctx;
	c->reserveringen = 0;
	rc_t rc = store_aanvragen_schrijfslot(s, e);
	if (rc == RC_OK)
		rc = toestand_controleer(s, c, e);
	if (rc == RC_OK)
		rc = ronde_kader_lees_tx(s, c->arena, c->p->scenario.ronde_id, &c->ronde, &c->kader, e);
	if (rc == RC_OK)
		rc = vastleggen(s, c, e);
	if (rc == RC_OK)
		rc = rekeningen_open(s, c, e);
	if (rc == RC_OK)
		rc = financier(s, c, e);
	if (rc == RC_OK)
		rc = jaren_vullen(s, c, e);
	if (rc == RC_OK)
		rc = reserveren(s, c, e);
	if (rc != RC_OK)
		return rc;
	char object[48], detail[300];
	snprintf(object, sizeof object, "bestuursbesluit/%" PRId64, c->besluit_id);
	snprintf(detail, sizeof detail,
		 "{\"indieningsronde\":%" PRId64 ",\"verdeelscenario\":%" PRId64 ",\"invoer_hash\":\"%s\","
		 "\"toegekend_cent\":%" PRId64 ",\"aanvragen\":%zu,\"reserveringen\":%zu}",
		 c->p->scenario.ronde_id, c->p->scenario.id, c->p->scenario.invoer_hash, c->p->totaal_cent,
		 c->p->n, c->reserveringen);
	struct audit_entry entry = {c->who->actor, "bestuursbesluit.neem", object, "gelukt", detail};
	return audit_append(s, &entry, e);
}

static rc_t neem(struct store *s, const struct principal *who, const struct klok *klok,
		 const struct bestuursbesluit_invoer *in, struct arena *arena, struct neem_ctx *c,
		 struct error *e)
{
	struct plan *p = arena_alloc(arena, sizeof *p);
	if (!p)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het besluit.");
	rc_t rc = verdeelscenario_open(s, arena, in->scenario_id, &p->scenario, e);
	if (rc == RC_NOT_FOUND) {
		error_clear(e);
		error_add(e, "/verdeelscenario_id", "scenario_onbekend", NULL,
			  "Verdeelscenario %" PRId64 " bestaat niet.", in->scenario_id);
		return RC_INVALID;
	}
	struct verdeling_resultaat *r = NULL;
	if (rc == RC_OK)
		rc = verdeelscenario_herbereken(&p->scenario, arena, &r, e);
	if (rc != RC_OK)
		return rc;
	p->r = r;
	rc = plan_maak(arena, p, e);
	if (rc != RC_OK)
		return rc;
	c->who = who;
	c->in = in;
	c->p = p;
	c->arena = arena;
	klok_tekst(klok_nu_us(klok), c->nu, sizeof c->nu);
	return store_aanvragen_tx(s, neem_tx, c, e);
}

rc_t bestuursbesluit_neem(struct store *s, const struct principal *who, const struct klok *klok,
			  const struct bestuursbesluit_invoer *in, struct arena *arena,
			  int64_t *id_out, struct error *e)
{
	struct neem_ctx *c = arena_alloc(arena, sizeof *c);
	if (!c)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het besluit.");
	rc_t rc = neem(s, who, klok, in, arena, c, e);
	if (rc == RC_INVALID || rc == RC_CONFLICT) {
		char object[48];
		snprintf(object, sizeof object, "verdeelscenario/%" PRId64, in->scenario_id);
		e->rc = rc;
		toegang_weigering_vastleggen(s, who->actor, "bestuursbesluit.neem", object, e);
	}
	if (rc == RC_OK)
		*id_out = c->besluit_id;
	return rc;
}

/* ---- reading --------------------------------------------------------------- */

static void besluit_uit_rij(const struct store_rows *r, size_t i, struct bestuursbesluit *b)
{
	memset(b, 0, sizeof *b);
	b->id = store_int(r, i, SBB_ID, 0);
	b->ronde_id = store_int(r, i, SBB_RONDE, 0);
	b->scenario_id = store_int(r, i, SBB_SCENARIO, 0);
	b->motivering = store_text(r, i, SBB_MOTIVERING);
	b->genomen_op = store_text(r, i, SBB_GENOMEN_OP);
	b->genomen_door = store_text(r, i, SBB_GENOMEN_DOOR);
	b->toegekend_cent = store_int(r, i, SBB_TOEGEKEND, 0);
	b->aanvraag_aantal = store_int(r, i, SBB_AANVRAGEN, 0);
}

struct besluit_lees_ctx {
	struct arena *arena;
	int64_t id;
	struct bestuursbesluit *uit;
	size_t n;
};

static rc_t open_tx(struct store *s, void *ctx, struct error *e)
{
	struct besluit_lees_ctx *c = ctx;
	struct store_rows r, t;
	rc_t rc = store_verdeling_besluit_lees(s, c->id, c->arena, &r, e);
	if (rc == RC_OK && r.nrows == 0)
		rc = error_set(e, RC_NOT_FOUND, "Bestuursbesluit %" PRId64 " bestaat niet.", c->id);
	if (rc == RC_OK)
		rc = store_verdeling_toekenningen(s, c->id, c->arena, &t, e);
	if (rc != RC_OK)
		return rc;
	besluit_uit_rij(&r, 0, c->uit);
	c->uit->toekenningen = arena_alloc(c->arena, (t.nrows + 1) * sizeof *c->uit->toekenningen);
	if (!c->uit->toekenningen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < t.nrows; i++)
		c->uit->toekenningen[i] = (struct besluit_toekenning){
			store_int(&t, i, 0, 0), store_text(&t, i, 1), store_int(&t, i, 2, 0), store_int(&t, i, 3, 0)};
	c->uit->toekenning_aantal = t.nrows;
	return RC_OK;
}

rc_t bestuursbesluit_open(struct store *s, struct arena *arena, int64_t id,
			  struct bestuursbesluit *out, struct error *e)
{
	struct besluit_lees_ctx c = {.arena = arena, .id = id, .uit = out};
	return store_tx(s, STORE_READ, open_tx, &c, e);
}

static rc_t lijst_tx(struct store *s, void *ctx, struct error *e)
{
	struct besluit_lees_ctx *c = ctx;
	struct store_rows r;
	rc_t rc = store_verdeling_besluit_lijst(s, c->id, c->arena, &r, e);
	if (rc != RC_OK)
		return rc;
	c->uit = arena_alloc(c->arena, (r.nrows + 1) * sizeof *c->uit);
	if (!c->uit)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < r.nrows; i++)
		besluit_uit_rij(&r, i, &c->uit[i]);
	c->n = r.nrows;
	return RC_OK;
}

rc_t bestuursbesluit_lijst(struct store *s, struct arena *arena, int64_t ronde_id,
			   struct bestuursbesluit **out, size_t *n, struct error *e)
{
	struct besluit_lees_ctx c = {.arena = arena, .id = ronde_id};
	rc_t rc = store_tx(s, STORE_READ, lijst_tx, &c, e);
	if (rc == RC_OK) {
		*out = c.uit;
		*n = c.n;
	}
	return rc;
}

json_t *bestuursbesluit_json(const struct bestuursbesluit *b)
{
	json_t *j = json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:I, s:I}",
		"id", (json_int_t)b->id, "indieningsronde_id", (json_int_t)b->ronde_id,
		"verdeelscenario_id", (json_int_t)b->scenario_id, "motivering", b->motivering,
		"genomen_op", b->genomen_op, "genomen_door", b->genomen_door,
		"toegekend_cent", (json_int_t)b->toegekend_cent, "aanvraag_aantal",
		(json_int_t)b->aanvraag_aantal);
	if (!j || !b->toekenningen)
		return j;
	json_t *t = json_array();
	for (size_t i = 0; t && i < b->toekenning_aantal; i++) {
		const struct besluit_toekenning *x = &b->toekenningen[i];
		char sleutel[64];
		bestuursbesluit_sleutel(x->aanvraag_id, x->jaar, sleutel, sizeof sleutel);
		json_array_append_new(t, json_pack("{s:I, s:s, s:I, s:I, s:s}", "aanvraag_id",
			(json_int_t)x->aanvraag_id, "thema", x->thema, "jaar", (json_int_t)x->jaar,
			"bedrag_cent", (json_int_t)x->bedrag_cent, "reservering", sleutel));
	}
	json_object_set_new(j, "toekenningen", t);
	return j;
}
