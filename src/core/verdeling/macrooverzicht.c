/*
 * macrooverzicht.c -- the totals the insurers show the board: requests
 * per theme, area, sector, region and year against the theme budgets and
 * the per-year availability, with over- and under-subscription per line
 * and the fte pledged against the AZWA ambition. See macrooverzicht.h;
 * the answer's format is in docs/bestuur.md §2.
 *
 * Every number is an integer: cents, milli-fte, basis points. Ratios are
 * computed in 128 bits and rounded down. Sums are overflow-checked.
 */
#include "core/verdeling/macrooverzicht.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define BRON_THEMA "[002 §4.1]"
#define BRON_JAAR "[003 §8b]"
#define BRON_POT "[001 §3]"
#define BRON_AMBITIE "[001 Gupta \"Samenvatting\"]"
#define BRON_STUREN "[001 \"Vervolgproces\"], [002 §4.2]"

int64_t macro_fte_per_miljoen(int64_t fte_milli, int64_t cent)
{
	if (cent <= 0 || fte_milli <= 0)
		return 0;
	__int128 q = (__int128)fte_milli * 100000000 / cent;
	return q > INT64_MAX ? INT64_MAX : (int64_t)q;
}

/* a * b / c rounded down, for a, b >= 0 and c > 0; 0 when c <= 0. */
static int64_t deel(int64_t a, int64_t b, int64_t c)
{
	if (c <= 0 || a <= 0 || b <= 0)
		return 0;
	__int128 q = (__int128)a * b / c;
	return q > INT64_MAX ? INT64_MAX : (int64_t)q;
}

/* ---- lines ------------------------------------------------------------ */

struct regel {
	const char *sleutel;
	int64_t jaar;
	int64_t aantal_positief, aantal_lopend;
	int64_t positief_cent, lopend_cent, fte_positief_milli, fte_lopend_milli;
	bool heeft_beschikbaar;
	int64_t beschikbaar_cent;
};

struct regels {
	struct regel *r;
	size_t n, cap;
};

struct telling {
	struct arena *arena;
	bool overloop;
	bool geen_geheugen;
	struct regel totaal;
	struct regels themas, gebieden, sectoren, regios, jaren;
	struct regels *thema_jaren;   /* per theme line: its years */
};

static void tel(int64_t *acc, int64_t v, struct telling *t)
{
	if (__builtin_add_overflow(*acc, v, acc))
		t->overloop = true;
}

static int regel_vergelijk(const struct regel *r, const char *sleutel, int64_t jaar)
{
	if (sleutel)
		return strcmp(r->sleutel, sleutel);
	return r->jaar < jaar ? -1 : r->jaar > jaar;
}

/* The line with key `sleutel` (or year `jaar` when sleutel is NULL) in the
 * sorted list, inserted when new; NULL when out of memory. */
static struct regel *regel_van(struct telling *t, struct regels *l, const char *sleutel, int64_t jaar)
{
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		int c = regel_vergelijk(&l->r[m], sleutel, jaar);
		if (c == 0)
			return &l->r[m];
		if (c < 0)
			lo = m + 1;
		else
			hi = m;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct regel *r = arena_alloc(t->arena, cap * sizeof *r);
		if (!r) {
			t->geen_geheugen = true;
			return NULL;
		}
		if (l->n)
			memcpy(r, l->r, l->n * sizeof *r);
		l->r = r;
		l->cap = cap;
	}
	memmove(&l->r[lo + 1], &l->r[lo], (l->n - lo) * sizeof *l->r);
	l->r[lo] = (struct regel){.sleutel = sleutel, .jaar = jaar};
	l->n++;
	return &l->r[lo];
}

/* Counts an application (or its part `cent`, with fte `fte`) on a line. */
static void regel_bij(struct telling *t, struct regel *r, bool positief, int64_t cent, int64_t fte)
{
	if (!r)
		return;
	if (positief) {
		r->aantal_positief++;
		tel(&r->positief_cent, cent, t);
		tel(&r->fte_positief_milli, fte, t);
	} else {
		r->aantal_lopend++;
		tel(&r->lopend_cent, cent, t);
		tel(&r->fte_lopend_milli, fte, t);
	}
}

static void aanvraag_tel(struct telling *t, const struct ronde_aanvraag *a)
{
	bool pos = a->status == AANVRAAG_POSITIEF;
	regel_bij(t, &t->totaal, pos, a->gevraagd_cent, a->fte_milli);
	struct regel *th = regel_van(t, &t->themas, a->thema, 0);
	regel_bij(t, th, pos, a->gevraagd_cent, a->fte_milli);
	regel_bij(t, regel_van(t, &t->gebieden, a->toepassingsgebied, 0), pos, a->gevraagd_cent, a->fte_milli);
	regel_bij(t, regel_van(t, &t->regios, a->regio, 0), pos, a->gevraagd_cent, a->fte_milli);
	for (size_t i = 0; i < a->sector_aantal; i++) {
		int64_t cent = a->sectoren[i].bedrag_cent;
		regel_bij(t, regel_van(t, &t->sectoren, a->sectoren[i].sector, 0), pos, cent,
			  deel(a->fte_milli, cent, a->gevraagd_cent));
	}
	size_t ti = th ? (size_t)(th - t->themas.r) : 0;
	for (size_t i = 0; i < a->jaar_aantal; i++) {
		int64_t cent = a->jaren[i].bedrag_cent, fte = deel(a->fte_milli, cent, a->gevraagd_cent);
		regel_bij(t, regel_van(t, &t->jaren, NULL, a->jaren[i].jaar), pos, cent, fte);
		if (th)
			regel_bij(t, regel_van(t, &t->thema_jaren[ti], NULL, a->jaren[i].jaar), pos, cent, fte);
	}
}

/* ---- filters ---------------------------------------------------------- */

static bool past(const struct ronde_aanvraag *a, const struct macrooverzicht_filter *f)
{
	if (f->thema && strcmp(a->thema, f->thema) != 0)
		return false;
	if (f->toepassingsgebied && strcmp(a->toepassingsgebied, f->toepassingsgebied) != 0)
		return false;
	if (f->regio && strcasecmp(a->regio, f->regio) != 0)
		return false;
	bool ja = !f->sector;
	for (size_t i = 0; !ja && i < a->sector_aantal; i++)
		ja = strcmp(a->sectoren[i].sector, f->sector) == 0;
	if (!ja)
		return false;
	ja = f->jaar == 0;
	for (size_t i = 0; !ja && i < a->jaar_aantal; i++)
		ja = a->jaren[i].jaar == f->jaar;
	return ja;
}

static bool heeft_filter(const struct macrooverzicht_filter *f)
{
	return f->thema || f->toepassingsgebied || f->sector || f->regio || f->jaar || f->aanvragen ||
	       f->na || f->limiet;
}

static void filter_controleer(const struct macrooverzicht_filter *f, struct error *e)
{
	const char *namen[] = {"thema", "toepassingsgebied", "sector", "regio"};
	const char *waarden[] = {f->thema, f->toepassingsgebied, f->sector, f->regio};
	for (size_t i = 0; i < 4; i++)
		if (waarden[i] && (waarden[i][0] == '\0' || strlen(waarden[i]) > 100))
			error_add(e, namen[i], "parameter_ongeldig", NULL,
				  "%s is een tekst van 1 tot 100 tekens.", namen[i]);
	if (f->jaar && (f->jaar < 2000 || f->jaar > 2100))
		error_add(e, "jaar", "parameter_ongeldig", NULL, "jaar ligt tussen 2000 en 2100.");
	if (f->limiet && (f->limiet < 1 || f->limiet > MACROOVERZICHT_PAGINA_MAX))
		error_add(e, "limiet", "parameter_ongeldig", NULL, "limiet ligt tussen 1 en %d.",
			  MACROOVERZICHT_PAGINA_MAX);
	if (f->na < 0)
		error_add(e, "na", "parameter_ongeldig", NULL, "na is een aanvraagnummer (0 of hoger).");
}

/* ---- JSON ------------------------------------------------------------- */

static const char *stand_naam(int64_t gevraagd, int64_t beschikbaar)
{
	return gevraagd > beschikbaar ? "overschrijding" : gevraagd < beschikbaar ? "onderschrijding" : "precies";
}

/* The common members of a line; `cum_*`: the cumulative amounts of a
 * year line, compared instead of the year's own (K1, docs/catalogus.md
 * §2.2). */
static json_t *regel_json(const struct regel *r, const int64_t *cum_beschikbaar,
			  const int64_t *cum_positief, const int64_t *cum_incl)
{
	int64_t incl = 0;
	if (__builtin_add_overflow(r->positief_cent, r->lopend_cent, &incl))
		incl = INT64_MAX;
	json_t *o = json_object();
	if (!o)
		return NULL;
	if (r->sleutel)
		json_object_set_new(o, "id", json_string(r->sleutel));
	else
		json_object_set_new(o, "jaar", json_integer(r->jaar));
	json_object_set_new(o, "aantal_positief", json_integer(r->aantal_positief));
	json_object_set_new(o, "aantal_lopend", json_integer(r->aantal_lopend));
	json_object_set_new(o, "positief_cent", json_integer(r->positief_cent));
	json_object_set_new(o, "lopend_cent", json_integer(r->lopend_cent));
	json_object_set_new(o, "incl_lopend_cent", json_integer(incl));
	json_object_set_new(o, "fte_positief_milli", json_integer(r->fte_positief_milli));
	json_object_set_new(o, "fte_lopend_milli", json_integer(r->fte_lopend_milli));
	json_object_set_new(o, "fte_per_miljoen_positief_milli",
			    json_integer(macro_fte_per_miljoen(r->fte_positief_milli, r->positief_cent)));
	if (!r->heeft_beschikbaar) {
		static const char *const leeg[] = {"beschikbaar_cent", "saldo_positief_cent",
			"saldo_incl_lopend_cent", "bezetting_bp", "stand", "stand_incl_lopend"};
		for (size_t i = 0; i < sizeof leeg / sizeof leeg[0]; i++)
			json_object_set_new(o, leeg[i], json_null());
		return o;
	}
	int64_t b = cum_beschikbaar ? *cum_beschikbaar : r->beschikbaar_cent;
	int64_t p = cum_positief ? *cum_positief : r->positief_cent;
	int64_t pi = cum_incl ? *cum_incl : incl;
	json_object_set_new(o, "beschikbaar_cent", json_integer(r->beschikbaar_cent));
	if (cum_beschikbaar) {
		json_object_set_new(o, "cumulatief_beschikbaar_cent", json_integer(b));
		json_object_set_new(o, "cumulatief_positief_cent", json_integer(p));
		json_object_set_new(o, "cumulatief_incl_lopend_cent", json_integer(pi));
	}
	json_object_set_new(o, "saldo_positief_cent", json_integer(b - p));
	json_object_set_new(o, "saldo_incl_lopend_cent", json_integer(b - pi));
	json_object_set_new(o, "bezetting_bp", b > 0 ? json_integer(deel(p, 10000, b)) : json_null());
	json_object_set_new(o, "stand", json_string(stand_naam(p, b)));
	json_object_set_new(o, "stand_incl_lopend", json_string(stand_naam(pi, b)));
	return o;
}

static json_t *regels_json(const struct regels *l)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < l->n; i++)
		json_array_append_new(a, regel_json(&l->r[i], NULL, NULL, NULL));
	return a;
}

/* Year lines with the cumulative test of K1: spent in years <= Y against
 * what became available in years <= Y [003 §8b], [002 §1, §5a]. */
static json_t *jaren_json(const struct regels *l, bool beschikbaar)
{
	json_t *a = json_array();
	int64_t cb = 0, cp = 0, ci = 0;
	for (size_t i = 0; a && i < l->n; i++) {
		const struct regel *r = &l->r[i];
		if (!beschikbaar) {
			json_t *o = regel_json(r, NULL, NULL, NULL);
			json_object_del(o, "beschikbaar_cent");
			json_object_del(o, "saldo_positief_cent");
			json_object_del(o, "saldo_incl_lopend_cent");
			json_object_del(o, "bezetting_bp");
			json_object_del(o, "stand");
			json_object_del(o, "stand_incl_lopend");
			json_array_append_new(a, o);
			continue;
		}
		/* Each running sum is at most the round's total of its kind, which
		 * tel() summed overflow-checked (and the catalogue's pot, checked
		 * when it was published): these cannot wrap. */
		cb += r->beschikbaar_cent;
		cp += r->positief_cent;
		ci += r->positief_cent + r->lopend_cent;
		json_t *o = regel_json(r, &cb, &cp, &ci);
		json_object_set_new(o, "bron", json_string(BRON_JAAR ", [002 §1], [002 §5a]"));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *themas_json(const struct telling *t, const struct ronde_stand *st)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < t->themas.n; i++) {
		const struct regel *r = &t->themas.r[i];
		json_t *o = regel_json(r, NULL, NULL, NULL);
		for (size_t k = 0; o && k < st->kader.thema_aantal; k++)
			if (strcmp(st->kader.themas[k].id, r->sleutel) == 0) {
				json_object_set_new(o, "naam", json_string(st->kader.themas[k].naam));
				json_object_set_new(o, "budget_soort", json_string(
					st->kader.themas[k].macrobedrag ? "macrobedrag" : "richtbedrag"));
				json_object_set_new(o, "bron", json_string(BRON_THEMA));
			}
		json_object_set_new(o, "per_jaar", jaren_json(&t->thema_jaren[i], false));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *fte_json(const struct telling *t, const struct verdeelkader *k)
{
	const struct regel *r = &t->totaal;
	int64_t incl_fte = r->fte_positief_milli + r->fte_lopend_milli;
	int64_t incl_cent = r->positief_cent + r->lopend_cent;
	int64_t zvw = deel(k->ambitie_fte_milli, k->pot_cent, k->ambitie_cent);
	json_t *o = json_object();
	json_object_set_new(o, "ambitie_fte_milli", json_integer(k->ambitie_fte_milli));
	json_object_set_new(o, "ambitie_cent", json_integer(k->ambitie_cent));
	json_object_set_new(o, "ambitie_fte_per_miljoen_milli", json_integer(k->ambitie_fte_per_miljoen_milli));
	json_object_set_new(o, "ambitie_zvw_fte_milli", json_integer(zvw));
	json_object_set_new(o, "positief_fte_milli", json_integer(r->fte_positief_milli));
	json_object_set_new(o, "incl_lopend_fte_milli", json_integer(incl_fte));
	json_object_set_new(o, "positief_fte_per_miljoen_milli",
			    json_integer(macro_fte_per_miljoen(r->fte_positief_milli, r->positief_cent)));
	json_object_set_new(o, "incl_lopend_fte_per_miljoen_milli",
			    json_integer(macro_fte_per_miljoen(incl_fte, incl_cent)));
	json_object_set_new(o, "ambitie_bij_positief_bedrag_fte_milli",
			    json_integer(deel(r->positief_cent, k->ambitie_fte_per_miljoen_milli, 100000000)));
	json_object_set_new(o, "positief_aandeel_zvw_ambitie_bp",
			    zvw > 0 ? json_integer(deel(r->fte_positief_milli, 10000, zvw)) : json_null());
	json_object_set_new(o, "bron", json_string(BRON_AMBITIE));
	return o;
}

static json_t *aanvraag_json(const struct ronde_aanvraag *a)
{
	json_t *o = json_pack("{s:I, s:o, s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:I}",
		"id", (json_int_t)a->id, "titel", a->titel ? json_string(a->titel) : json_null(),
		"status", aanvraag_status_naam(a->status), "thema", a->thema,
		"toepassingsgebied", a->toepassingsgebied, "regio", a->regio,
		"gevraagd_cent", (json_int_t)a->gevraagd_cent, "fte_milli", (json_int_t)a->fte_milli,
		"fte_per_miljoen_milli", (json_int_t)macro_fte_per_miljoen(a->fte_milli, a->gevraagd_cent),
		"min_aandeel_bp", (json_int_t)a->min_aandeel_bp);
	json_t *j = json_array(), *sct = json_array();
	for (size_t i = 0; j && i < a->jaar_aantal; i++)
		json_array_append_new(j, json_pack("{s:I, s:I}", "jaar", (json_int_t)a->jaren[i].jaar,
						   "bedrag_cent", (json_int_t)a->jaren[i].bedrag_cent));
	for (size_t i = 0; sct && i < a->sector_aantal; i++)
		json_array_append_new(sct, json_pack("{s:s, s:I}", "sector", a->sectoren[i].sector,
						     "bedrag_cent", (json_int_t)a->sectoren[i].bedrag_cent));
	json_object_set_new(o, "per_jaar", j);
	json_object_set_new(o, "per_sector", sct);
	json_object_set_new(o, "coordinerend_verzekeraar_id",
			    a->coordinerend ? json_integer(a->coordinerend) : json_null());
	json_object_set_new(o, "tweede_verzekeraar_id", a->tweede ? json_integer(a->tweede) : json_null());
	return o;
}

/* The drill-down page: the selected applications the caller may see. */
static json_t *aanvragen_json(const struct ronde_stand *st, const bool *gekozen,
			      const struct macrooverzicht_filter *f, const struct principal *who,
			      enum macrooverzicht_zicht zicht, json_t *uit)
{
	int64_t limiet = f->limiet ? f->limiet : 100;
	json_t *a = json_array();
	int64_t laatste = 0;
	bool meer = false;
	for (size_t i = 0; a && i < st->aantal; i++) {
		const struct ronde_aanvraag *x = &st->aanvragen[i];
		if (!gekozen[i] || x->id <= f->na)
			continue;
		if (zicht == MACRO_VERZEKERAAR && x->coordinerend != who->organisatie_id &&
		    x->tweede != who->organisatie_id)
			continue;
		if ((int64_t)json_array_size(a) == limiet) {
			meer = true;
			break;
		}
		json_array_append_new(a, aanvraag_json(x));
		laatste = x->id;
	}
	json_object_set_new(uit, "aanvragen", a);
	json_object_set_new(uit, "volgende_na", meer ? json_integer(laatste) : json_null());
	return uit;
}

/* ---- putting it together ---------------------------------------------- */

enum macrooverzicht_zicht macrooverzicht_zicht(const struct principal *who)
{
	if (who->roles & (ROL_BESTUUR | ROL_PROGRAMMABUREAU | ROL_AUDITOR))
		return MACRO_VOLLEDIG;
	if (who->roles & ROL_BEOORDELAAR)
		return MACRO_VERZEKERAAR;
	return MACRO_PUBLIEK;
}

static const char *zicht_naam(enum macrooverzicht_zicht z)
{
	return z == MACRO_VOLLEDIG ? "volledig" : z == MACRO_VERZEKERAAR ? "verzekeraar" : "publiek";
}

/* The lines the catalogue gives money to are there even without requests. */
static void beschikbaar_zet(struct telling *t, const struct verdeelkader *k)
{
	t->totaal.heeft_beschikbaar = true;
	t->totaal.beschikbaar_cent = k->pot_cent;
	for (size_t i = 0; i < k->thema_aantal; i++) {
		struct regel *r = regel_van(t, &t->themas, k->themas[i].id, 0);
		if (r) {
			r->heeft_beschikbaar = true;
			r->beschikbaar_cent = k->themas[i].budget_cent;
		}
	}
	for (int64_t j = k->van_jaar; j > 0 && j <= k->tot_jaar && j - k->van_jaar < 16; j++)
		regel_van(t, &t->jaren, NULL, j);
	for (size_t i = 0; i < k->tranche_aantal; i++)
		regel_van(t, &t->jaren, NULL, k->tranches[i].jaar);
	for (size_t i = 0; i < t->jaren.n; i++) {
		struct regel *r = &t->jaren.r[i];
		r->heeft_beschikbaar = true;
		for (size_t q = 0; q < k->tranche_aantal; q++)
			if (k->tranches[q].jaar == r->jaar)
				r->beschikbaar_cent = k->tranches[q].bedrag_cent;
	}
}

static rc_t tellen(struct arena *arena, const struct ronde_stand *st, const bool *gekozen,
		   struct telling *t, struct error *e)
{
	memset(t, 0, sizeof *t);
	t->arena = arena;
	beschikbaar_zet(t, &st->kader);
	/* every theme an application names gets a line before the years per theme */
	for (size_t i = 0; i < st->aantal; i++)
		if (gekozen[i])
			regel_van(t, &t->themas, st->aanvragen[i].thema, 0);
	t->thema_jaren = arena_alloc(arena, (t->themas.n + 1) * sizeof *t->thema_jaren);
	if (!t->thema_jaren || t->geen_geheugen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het macro-overzicht.");
	for (size_t i = 0; i < st->aantal; i++)
		if (gekozen[i])
			aanvraag_tel(t, &st->aanvragen[i]);
	/* years requested outside the pot's years still count: they have no money */
	for (size_t i = 0; i < t->jaren.n; i++)
		t->jaren.r[i].heeft_beschikbaar = true;
	if (t->geen_geheugen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het macro-overzicht.");
	if (t->overloop)
		return error_set(e, RC_TOO_LARGE, "De bedragen van de ronde passen niet in 64 bits.");
	return RC_OK;
}

static json_t *ronde_json(const struct ronde_stand *st, int64_t nu_us)
{
	const struct indieningsronde *r = &st->ronde;
	return json_pack("{s:I, s:s, s:I, s:o, s:s, s:s}", "id", (json_int_t)r->id, "naam", r->naam,
			 "catalogusversie", (json_int_t)r->catalogusversie, "impactlat_id",
			 r->impactlat_id ? json_string(r->impactlat_id) : json_null(), "sluit_op", r->sluit_op,
			 "fase", indieningsronde_fase_naam(indieningsronde_fase(r, nu_us)));
}

static json_t *statussen_json(const struct ronde_stand *st)
{
	json_t *o = json_object();
	for (int s = AANVRAAG_CONCEPT; o && s <= AANVRAAG_NEGATIEF; s++)
		json_object_set_new(o, aanvraag_status_naam((enum aanvraag_status)s),
				    json_integer(st->per_status[s]));
	return o;
}

static json_t *filter_json(const struct macrooverzicht_filter *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "thema", f->thema ? json_string(f->thema) : json_null());
	json_object_set_new(o, "toepassingsgebied",
			    f->toepassingsgebied ? json_string(f->toepassingsgebied) : json_null());
	json_object_set_new(o, "sector", f->sector ? json_string(f->sector) : json_null());
	json_object_set_new(o, "regio", f->regio ? json_string(f->regio) : json_null());
	json_object_set_new(o, "jaar", f->jaar ? json_integer(f->jaar) : json_null());
	return o;
}

static rc_t overzicht_json(struct arena *arena, const struct ronde_stand *st, const bool *gekozen,
			   const struct macrooverzicht_filter *f, const struct principal *who,
			   enum macrooverzicht_zicht zicht, int64_t nu_us, json_t **out,
			   struct error *e)
{
	struct telling *t = arena_alloc(arena, sizeof *t);
	if (!t)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het macro-overzicht.");
	rc_t rc = tellen(arena, st, gekozen, t, e);
	if (rc != RC_OK)
		return rc;
	json_t *o = json_object();
	if (!o)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	json_object_set_new(o, "indieningsronde", ronde_json(st, nu_us));
	json_object_set_new(o, "zicht", json_string(zicht_naam(zicht)));
	json_object_set_new(o, "filter", filter_json(f));
	json_object_set_new(o, "aantallen_per_status", statussen_json(st));
	json_t *totaal = regel_json(&t->totaal, NULL, NULL, NULL);
	json_object_del(totaal, "jaar");
	json_object_set_new(totaal, "bron", json_string(BRON_POT));
	json_object_set_new(o, "totaal", totaal);
	json_object_set_new(o, "themas", themas_json(t, st));
	json_object_set_new(o, "jaren", jaren_json(&t->jaren, true));
	if (zicht != MACRO_PUBLIEK) {
		json_object_set_new(o, "toepassingsgebieden", regels_json(&t->gebieden));
		json_object_set_new(o, "sectoren", regels_json(&t->sectoren));
		json_object_set_new(o, "regios", regels_json(&t->regios));
	}
	json_object_set_new(o, "fte", fte_json(t, &st->kader));
	json_object_set_new(o, "bron", json_string(BRON_STUREN));
	if (zicht != MACRO_PUBLIEK && f->aanvragen)
		aanvragen_json(st, gekozen, f, who, zicht, o);
	*out = o;
	return RC_OK;
}

rc_t macrooverzicht_maak(struct store *s, struct arena *arena, const struct principal *who,
			 const struct klok *klok, int64_t ronde_id,
			 const struct macrooverzicht_filter *f, json_t **out, int64_t *sluit_us,
			 struct error *e)
{
	enum macrooverzicht_zicht zicht = macrooverzicht_zicht(who);
	if (zicht == MACRO_PUBLIEK && heeft_filter(f))
		return toegang_weiger(s, who, RC_FORBIDDEN, "macrooverzicht",
				      "Alleen het bestuur, het programmabureau, de zorgverzekeraars en de "
				      "auditor filteren het macro-overzicht of zien de aanvragen.", e);
	filter_controleer(f, e);
	if (e->rc != RC_OK)
		return e->rc;
	struct ronde_stand st;
	rc_t rc = ronde_stand_lees(s, arena, ronde_id, true, &st, e);
	if (rc != RC_OK)
		return rc;
	int64_t nu_us = klok_nu_us(klok);
	if (indieningsronde_fase(&st.ronde, nu_us) != RONDE_GESLOTEN) {
		error_set(e, RC_CONFLICT, "De ronde is nog niet gesloten: haar totalen zijn verzegeld tot het "
			  "indienmoment voorbij is.");
		error_add(e, "indieningsronde", "ronde_niet_gesloten", "[001 \"Vervolgproces\"], [002 §4.2]",
			  "De ronde sluit op %s; daarna is het macro-overzicht er.", st.ronde.sluit_op);
		return RC_CONFLICT;
	}
	bool *gekozen = arena_alloc(arena, (st.aantal + 1) * sizeof *gekozen);
	if (!gekozen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor het macro-overzicht.");
	for (size_t i = 0; i < st.aantal; i++)
		gekozen[i] = past(&st.aanvragen[i], f);
	json_t *o = NULL;
	rc = overzicht_json(arena, &st, gekozen, f, who, zicht, nu_us, &o, e);
	if (rc != RC_OK)
		return rc;
	*out = o;
	if (sluit_us)
		*sluit_us = st.ronde.sluit_op_us;
	return RC_OK;
}
