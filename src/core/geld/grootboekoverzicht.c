/*
 * grootboekoverzicht.c -- the ledger per pot, theme, year, insurer and
 * project. See grootboekoverzicht.h and docs/beschikking.md §5.
 */
#include "core/geld/grootboekoverzicht.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_beschikking.h"
#include "store/store_grootboek.h"
#include "core/geld/grootboek.h"
#include "core/basis/bedrag.h"

struct bouw {
	struct arena *a;
	const struct principal *who;
	struct store_rows rek, proj, bet;
	const char *eigen_uzovi;
	struct grootboekoverzicht *o;
};

static bool ziet_alles(const struct principal *who)
{
	return !who || (who->roles & (ROL_NZA | ROL_PROGRAMMABUREAU | ROL_ZORGINSTITUUT | ROL_AUDITOR |
				      ROL_BESTUUR)) != 0;
}

static rc_t lees_tx(struct store *s, void *ctx, struct error *e)
{
	struct bouw *b = ctx;
	rc_t rc = store_gb_rekening_page(s, 0, GROOTBOEK_REKENINGEN_MAX, b->a, &b->rek, e);
	if (rc == RC_OK)
		rc = store_projecten(s, b->a, &b->proj, e);
	if (rc == RC_OK)
		rc = store_betalingen_per_jaar(s, b->a, &b->bet, e);
	b->eigen_uzovi = NULL;
	if (rc == RC_OK && !ziet_alles(b->who) && b->who->organisatie_id > 0) {
		const char *naam;
		rc = store_organisatie_naam(s, b->who->organisatie_id, b->a, &naam, &b->eigen_uzovi, e);
		if (rc == RC_NOT_FOUND) {
			error_clear(e);
			rc = RC_OK;
		}
	}
	return rc;
}

static int64_t ruimte_van(const struct store_rows *r, size_t i)
{
	struct rekening k = {
		.vlaggen = (unsigned)store_int(r, i, SGR_VLAGGEN, 0),
		.debet_geboekt_cent = store_int(r, i, SGR_DEBET_GEBOEKT, 0),
		.credit_geboekt_cent = store_int(r, i, SGR_CREDIT_GEBOEKT, 0),
		.debet_gereserveerd_cent = store_int(r, i, SGR_DEBET_GERESERVEERD, 0),
		.credit_gereserveerd_cent = store_int(r, i, SGR_CREDIT_GERESERVEERD, 0),
	};
	int64_t v = rekening_ruimte_cent(&k);
	return v == INT64_MAX ? 0 : v;
}

/* The project row of application `id` in the projects query, or -1. */
static long project_rij(const struct store_rows *p, int64_t id)
{
	for (size_t i = 0; i < p->nrows; i++)
		if (store_int(p, i, SPR_AANVRAAG, 0) == id)
			return (long)i;
	return -1;
}

static bool eigen_project(const struct bouw *b, long rij)
{
	if (ziet_alles(b->who))
		return true;
	if (rij < 0 || b->who->organisatie_id <= 0)
		return false;
	int64_t org = b->who->organisatie_id;
	return store_int(&b->proj, (size_t)rij, SPR_COORDINEREND, 0) == org ||
	       store_int(&b->proj, (size_t)rij, SPR_TWEEDE, 0) == org;
}

static struct overzicht_regel *jaar_regel(struct grootboekoverzicht *o, const char *thema, int64_t jaar)
{
	for (size_t i = 0; i < o->jaar_aantal; i++)
		if (o->jaren[i].jaar == jaar && strcmp(o->jaren[i].thema, thema) == 0)
			return &o->jaren[i];
	return NULL;
}

static struct overzicht_regel *thema_regel(struct grootboekoverzicht *o, const char *thema)
{
	for (size_t i = 0; i < o->thema_aantal; i++)
		if (strcmp(o->themas[i].thema, thema) == 0)
			return &o->themas[i];
	return NULL;
}

/* Pass 1: one row per account of the tree. */
static void rekeningen(struct bouw *b)
{
	struct grootboekoverzicht *o = b->o;
	for (size_t i = 0; i < b->rek.nrows; i++) {
		const char *code = store_text(&b->rek, i, SGR_CODE);
		struct overzicht_regel r = {.code = code};
		r.beschikbaar_cent = ruimte_van(&b->rek, i);
		char thema[GROOTBOEK_CODE_MAX + 1];
		long long jaar;
		long long aanvraag;
		char rest[GROOTBOEK_CODE_MAX + 1];
		if (strcmp(code, "zvw") == 0) {
			o->pot = r;
		} else if (sscanf(code, "zvw/%64[^/]/%lld%64s", thema, &jaar, rest) == 2) {
			r.thema = arena_strdup(b->a, thema);
			r.jaar = jaar;
			r.gereserveerd_cent = store_int(&b->rek, i, SGR_DEBET_GERESERVEERD, 0);
			r.toegekend_cent = store_int(&b->rek, i, SGR_DEBET_GEBOEKT, 0);
			o->jaren[o->jaar_aantal++] = r;
		} else if (sscanf(code, "zvw/%64[^/]%64s", thema, rest) == 1) {
			r.thema = arena_strdup(b->a, thema);
			o->themas[o->thema_aantal++] = r;
		} else if (sscanf(code, "project/%lld%64s", &aanvraag, rest) == 1) {
			long p = project_rij(&b->proj, aanvraag);
			if (!eigen_project(b, p))
				continue;
			r.aanvraag_id = aanvraag;
			r.toegekend_cent = store_int(&b->rek, i, SGR_CREDIT_GEBOEKT, 0);
			r.gereserveerd_cent = store_int(&b->rek, i, SGR_CREDIT_GERESERVEERD, 0);
			r.betaald_cent = store_int(&b->rek, i, SGR_DEBET_GEBOEKT, 0);
			if (p >= 0) {
				r.thema = store_text(&b->proj, (size_t)p, SPR_THEMA);
				r.uzovi = store_text(&b->proj, (size_t)p, SPR_UZOVI);
				r.naam = store_text(&b->proj, (size_t)p, SPR_VERZEKERAAR_NAAM);
			}
			o->projecten[o->project_aantal++] = r;
		}
	}
}

/* r += v for the four amounts of a line, overflow-checked; false on overflow. */
static bool regel_tel_op(struct overzicht_regel *r, const struct overzicht_regel *v)
{
	bool ok = bedrag_tel_op(&r->beschikbaar_cent, v->beschikbaar_cent);
	ok = bedrag_tel_op(&r->gereserveerd_cent, v->gereserveerd_cent) && ok;
	ok = bedrag_tel_op(&r->toegekend_cent, v->toegekend_cent) && ok;
	return bedrag_tel_op(&r->betaald_cent, v->betaald_cent) && ok;
}

/* Pass 2: payments per year, then the sums upwards, then the insurers.
 * False when a sum does not fit in an int64 (the ledger's caps make that
 * impossible; checked all the same). */
static bool optellen(struct bouw *b)
{
	bool ok = true;
	struct grootboekoverzicht *o = b->o;
	for (size_t i = 0; i < b->bet.nrows; i++) {
		long p = project_rij(&b->proj, store_int(&b->bet, i, 0, 0));
		if (p < 0)
			continue;
		const char *thema = store_text(&b->proj, (size_t)p, SPR_THEMA);
		int64_t jaar = store_int(&b->bet, i, 1, 0);
		struct overzicht_regel *r = jaar_regel(o, thema, jaar);
		if (!r) {
			r = &o->jaren[o->jaar_aantal++];
			*r = (struct overzicht_regel){.code = arena_printf(b->a, "zvw/%s/%" PRId64, thema, jaar),
						      .thema = thema, .jaar = jaar};
		}
		ok = bedrag_tel_op(&r->betaald_cent, store_int(&b->bet, i, 2, 0)) && ok;
	}
	for (size_t i = 0; i < o->jaar_aantal; i++) {
		struct overzicht_regel *t = thema_regel(o, o->jaren[i].thema);
		if (!t) {
			t = &o->themas[o->thema_aantal++];
			*t = (struct overzicht_regel){.code = arena_printf(b->a, "zvw/%s", o->jaren[i].thema),
						      .thema = o->jaren[i].thema};
		}
		ok = regel_tel_op(t, &o->jaren[i]) && ok;
	}
	o->pot.code = "zvw";
	for (size_t i = 0; i < o->thema_aantal; i++) {
		ok = regel_tel_op(&o->pot, &o->themas[i]) && ok;
	}
	for (size_t i = 0; i < o->project_aantal; i++) {
		const struct overzicht_regel *p = &o->projecten[i];
		if (!p->uzovi || (!ziet_alles(b->who) && (!b->eigen_uzovi || strcmp(b->eigen_uzovi, p->uzovi) != 0)))
			continue;
		struct overzicht_regel *v = NULL;
		for (size_t k = 0; k < o->verzekeraar_aantal && !v; k++)
			if (strcmp(o->verzekeraars[k].uzovi, p->uzovi) == 0)
				v = &o->verzekeraars[k];
		if (!v) {
			v = &o->verzekeraars[o->verzekeraar_aantal++];
			*v = (struct overzicht_regel){.code = arena_printf(b->a, "verzekeraar/%s", p->uzovi),
						      .uzovi = p->uzovi, .naam = p->naam};
		}
		ok = regel_tel_op(v, p) && ok;
	}
	return ok;
}

rc_t grootboekoverzicht_maak(struct store *s, struct arena *arena, const struct principal *who,
			     struct grootboekoverzicht *out, struct error *e)
{
	struct grootboekoverzicht o;
	memset(&o, 0, sizeof o);
	struct bouw b = {.a = arena, .who = who, .o = &o};
	rc_t rc = store_tx(s, STORE_READ, lees_tx, &b, e);
	if (rc != RC_OK)
		return rc;
	size_t max = b.rek.nrows + b.bet.nrows + 1;
	o.themas = arena_alloc(arena, max * sizeof *o.themas);
	o.jaren = arena_alloc(arena, max * sizeof *o.jaren);
	o.verzekeraars = arena_alloc(arena, max * sizeof *o.verzekeraars);
	o.projecten = arena_alloc(arena, max * sizeof *o.projecten);
	if (!o.themas || !o.jaren || !o.verzekeraars || !o.projecten)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	o.rekening_aantal = (int64_t)b.rek.nrows;
	rekeningen(&b);
	if (!optellen(&b))
		return error_set(e, RC_INTERNAL, "Een totaal van het grootboek past niet in 64 bits.");
	*out = o;
	return RC_OK;
}

static json_t *regel_json(const struct overzicht_regel *r)
{
	json_t *j = json_pack("{s:s, s:I, s:I, s:I, s:I}", "rekening", r->code ? r->code : "",
			      "beschikbaar_cent", (json_int_t)r->beschikbaar_cent,
			      "gereserveerd_cent", (json_int_t)r->gereserveerd_cent,
			      "toegekend_cent", (json_int_t)r->toegekend_cent,
			      "betaald_cent", (json_int_t)r->betaald_cent);
	if (!j)
		return NULL;
	if (r->thema)
		json_object_set_new(j, "thema", json_string(r->thema));
	if (r->jaar)
		json_object_set_new(j, "jaar", json_integer((json_int_t)r->jaar));
	if (r->aanvraag_id)
		json_object_set_new(j, "aanvraag_id", json_integer((json_int_t)r->aanvraag_id));
	if (r->uzovi)
		json_object_set_new(j, "uzovi_code", json_string(r->uzovi));
	if (r->naam && !r->aanvraag_id)
		json_object_set_new(j, "naam", json_string(r->naam));
	return j;
}

static json_t *regels_json(const struct overzicht_regel *r, size_t n)
{
	json_t *l = json_array();
	for (size_t i = 0; l && i < n; i++)
		json_array_append_new(l, regel_json(&r[i]));
	return l;
}

json_t *grootboekoverzicht_json(const struct grootboekoverzicht *o)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:I}", "pot", regel_json(&o->pot),
			 "themas", regels_json(o->themas, o->thema_aantal),
			 "jaren", regels_json(o->jaren, o->jaar_aantal),
			 "verzekeraars", regels_json(o->verzekeraars, o->verzekeraar_aantal),
			 "projecten", regels_json(o->projecten, o->project_aantal),
			 "rekeningen", (json_int_t)o->rekening_aantal);
}

static void druk_regel(FILE *uit, const char *soort, const struct overzicht_regel *r)
{
	char a[40], b[40], c[40], d[40];
	bedrag_tekst(r->beschikbaar_cent, a, sizeof a);
	bedrag_tekst(r->gereserveerd_cent, b, sizeof b);
	bedrag_tekst(r->toegekend_cent, c, sizeof c);
	bedrag_tekst(r->betaald_cent, d, sizeof d);
	fprintf(uit, "%-12s %-32s %22s %22s %22s %22s\n", soort, r->code ? r->code : "", a, b, c, d);
}

void grootboekoverzicht_druk(FILE *uit, const struct grootboekoverzicht *o)
{
	fprintf(uit, "%-12s %-32s %22s %22s %22s %22s\n", "soort", "rekening", "beschikbaar",
		"gereserveerd", "toegekend", "betaald");
	druk_regel(uit, "pot", &o->pot);
	for (size_t i = 0; i < o->thema_aantal; i++)
		druk_regel(uit, "thema", &o->themas[i]);
	for (size_t i = 0; i < o->jaar_aantal; i++)
		druk_regel(uit, "jaar", &o->jaren[i]);
	for (size_t i = 0; i < o->verzekeraar_aantal; i++)
		druk_regel(uit, "verzekeraar", &o->verzekeraars[i]);
	for (size_t i = 0; i < o->project_aantal; i++)
		druk_regel(uit, "project", &o->projecten[i]);
	fprintf(uit, "%" PRId64 " rekeningen\n", o->rekening_aantal);
}

/* ---- who sees which entries ----------------------------------------------------- */

struct zicht_ctx {
	struct arena *a;
	const struct principal *who;
	struct store_rows proj;
	const char *uzovi;
};

static rc_t zicht_tx(struct store *s, void *ctx, struct error *e)
{
	struct zicht_ctx *c = ctx;
	const char *naam;
	rc_t rc = store_projecten(s, c->a, &c->proj, e);
	if (rc == RC_OK && c->who->organisatie_id > 0)
		rc = store_organisatie_naam(s, c->who->organisatie_id, c->a, &naam, &c->uzovi, e);
	if (rc == RC_NOT_FOUND) {
		error_clear(e);
		rc = RC_OK;
	}
	return rc;
}

rc_t grootboek_zicht_van(struct store *s, struct arena *arena, const struct principal *who,
			 struct grootboek_zicht *out, struct error *e)
{
	memset(out, 0, sizeof *out);
	if (ziet_alles(who)) {
		out->alles = 1;
		return RC_OK;
	}
	struct zicht_ctx c = {.a = arena, .who = who};
	rc_t rc = store_tx(s, STORE_READ, zicht_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	out->projecten = arena_alloc(arena, (c.proj.nrows + 1) * sizeof *out->projecten);
	if (!out->projecten)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < c.proj.nrows; i++) {
		int64_t org = who->organisatie_id;
		if (org > 0 && (store_int(&c.proj, i, SPR_COORDINEREND, 0) == org ||
				store_int(&c.proj, i, SPR_TWEEDE, 0) == org))
			out->projecten[out->project_aantal++] = store_int(&c.proj, i, SPR_AANVRAAG, 0);
	}
	out->uzovi = c.uzovi;
	return RC_OK;
}

int grootboek_zicht_mag(const struct grootboek_zicht *z, const char *code)
{
	if (z->alles)
		return 1;
	long long id;
	char rest[GROOTBOEK_CODE_MAX + 1];
	if (sscanf(code, "project/%lld%64s", &id, rest) == 1) {
		for (size_t i = 0; i < z->project_aantal; i++)
			if (z->projecten[i] == id)
				return 1;
		return 0;
	}
	char uzovi[GROOTBOEK_CODE_MAX + 1];
	if (z->uzovi && sscanf(code, "verzekeraar/%64[^/]/betaald", uzovi) == 1)
		return strcmp(uzovi, z->uzovi) == 0;
	return 0;
}
