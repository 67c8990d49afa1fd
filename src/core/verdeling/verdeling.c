/*
 * verdeling.c -- the entry points of the allocation: rule names,
 * validation of a scenario with every problem and its source, and
 * verdeling_bereken(), which builds the model, applies the rule and has
 * it explained. See verdeling.h and docs/verdeling.md.
 */
#include "core/verdeling/verdeling.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/verdeling/verdeling_intern.h"
#include "core/basis/bedrag.h"

#define BRON_THEMA "[002 §4.1]"
#define BRON_JAAR "[003 §8b]"
#define BRON_FONDS "[001 §3]"
#define BRON_LAT "[001 Gupta \"Samenvatting\"]"
#define BRON_STUREN "[001], [002 §4.2]"
#define BRON_WERKWIJZE "[001 \"Werkwijze\"]"

static const char *const regel_namen[VERDELING_REGEL__AANTAL] = {
	[VERDELING_PRO_RATA] = "pro_rata",
	[VERDELING_RANGORDE] = "rangorde",
	[VERDELING_OPTIMAAL] = "optimaal",
};

const char *verdeling_regel_naam(enum verdeling_regel r)
{
	if ((unsigned)r >= VERDELING_REGEL__AANTAL)
		return "onbekend";
	return regel_namen[r];
}

bool verdeling_regel_lees(const char *naam, enum verdeling_regel *out)
{
	for (int r = 0; naam && r < VERDELING_REGEL__AANTAL; r++) {
		if (strcmp(naam, regel_namen[r]) == 0) {
			*out = (enum verdeling_regel)r;
			return true;
		}
	}
	return false;
}

/* ======================================================================
 * Validation: every problem, each with its source
 * ====================================================================== */

/* Adds a problem when x is outside [0, max]. */
static void bedrag(struct error *e, const char *veld, int64_t x, int64_t max,
		   const char *bron)
{
	char t[BEDRAG_TEKST_BYTES], m[BEDRAG_TEKST_BYTES];
	if (x < 0)
		error_add(e, veld, "bedrag_negatief", bron,
			  "Het bedrag is negatief (%s); een limiet of bedrag is 0 of meer.", bedrag_tekst(x, t, sizeof t));
	else if (x > max)
		error_add(e, veld, "bedrag_te_groot", bron, "Het bedrag %s is groter dan het maximum %s.",
			  bedrag_tekst(x, t, sizeof t), bedrag_tekst(max, m, sizeof m));
}

static void bp(struct error *e, const char *veld, int64_t x, const char *bron)
{
	if (x < 0 || x > VD_BP)
		error_add(e, veld, "bp_buiten_bereik", bron,
			  "%" PRId64 " basispunten ligt niet tussen 0 en 10000.", x);
}

/* The rule, the seed and the enums. */
static void valideer_regel(const struct verdeling_scenario *s, struct error *e)
{
	if ((unsigned)s->regel >= VERDELING_REGEL__AANTAL)
		error_add(e, "/scenario/regel", "regel_onbekend", BRON_STUREN,
			  "Onbekende verdeelregel; kies pro_rata, rangorde of optimaal.");
	if (s->regel == VERDELING_PRO_RATA && !s->deelfinanciering)
		error_add(e, "/scenario/regel", "pro_rata_zonder_deelfinanciering", BRON_STUREN,
			  "Pro rata verlaagt aanvragen en vraagt dus deelfinanciering; zet deelfinanciering aan of kies een andere regel.");
	if (s->seed[0] == '\0')
		error_add(e, "/scenario/seed", "seed_ontbreekt", BRON_WERKWIJZE,
			  "Een seed is verplicht: bij gelijke aanvragen beslist het lot, nooit het moment van indienen.");
	if ((unsigned)s->jaartoets > VERDELING_JAARTOETS_PER_JAAR)
		error_add(e, "/scenario/jaartoets", "waarde_ongeldig", BRON_JAAR,
			  "De jaartoets is cumulatief of per_jaar.");
	if ((unsigned)s->regio_minimum_soort > VERDELING_MINIMUM_AANTAL)
		error_add(e, "/scenario/regio_minimum", "waarde_ongeldig", BRON_STUREN,
			  "Het regiominimum is in centen of in aantal aanvragen.");
}

/* The fund, the themes and the shift between themes. */
static void valideer_geld(const struct verdeling_scenario *s, struct error *e)
{
	char veld[ERROR_FIELD_MAX];
	bedrag(e, "/scenario/fonds_cent", s->fonds_cent, VERDELING_ZVW_MAX_CENT, BRON_FONDS);
	if (s->thema_aantal == 0 || s->thema_aantal > VERDELING_THEMAS_MAX)
		error_add(e, "/scenario/themas", "themas_aantal", BRON_THEMA,
			  "Geef 1 tot en met %d thema's met hun budget.", VERDELING_THEMAS_MAX);
	int64_t som = 0;
	for (size_t t = 0; t < s->thema_aantal && t < VERDELING_THEMAS_MAX; t++) {
		snprintf(veld, sizeof veld, "/scenario/themas/%zu", t);
		if (s->themas[t].id[0] == '\0')
			error_add(e, veld, "id_ongeldig", BRON_THEMA, "Het thema heeft geen id.");
		for (size_t u = 0; u < t; u++)
			if (strcmp(s->themas[t].id, s->themas[u].id) == 0)
				error_add(e, veld, "id_dubbel", BRON_THEMA,
					  "Thema '%s' staat twee keer in het scenario.", s->themas[t].id);
		snprintf(veld, sizeof veld, "/scenario/themas/%zu/budget_cent", t);
		bedrag(e, veld, s->themas[t].budget_cent, VERDELING_ZVW_MAX_CENT, BRON_THEMA);
		if (s->themas[t].budget_cent > 0 && s->themas[t].budget_cent <= VERDELING_ZVW_MAX_CENT)
			som += s->themas[t].budget_cent;
	}
	if (s->fonds_cent >= 0 && som > s->fonds_cent) {
		char a[40], b[40];
		bedrag_tekst(som, a, sizeof a);
		bedrag_tekst(s->fonds_cent, b, sizeof b);
		error_add(e, "/scenario/themas", "themabudgetten_boven_fonds", BRON_THEMA,
			  "De themabudgetten tellen op tot %s, meer dan het fonds van %s.", a, b);
	}
	bedrag(e, "/scenario/verschuiving_cent", s->verschuiving_cent, VERDELING_ZVW_MAX_CENT, BRON_THEMA);
	bp(e, "/scenario/verschuiving_bp", s->verschuiving_bp, BRON_THEMA);
	if (s->verschuiving_cent != 0 && s->verschuiving_bp != 0)
		error_add(e, "/scenario/verschuiving_cent", "verschuiving_dubbel", BRON_THEMA,
			  "Geef de verschuiving tussen thema's in centen of in basispunten, niet allebei.");
}

/* The years, the bar, the regional limits and the solver knobs. */
static void valideer_grenzen(const struct verdeling_scenario *s, struct error *e)
{
	char veld[ERROR_FIELD_MAX];
	if (s->jaar_aantal == 0 || s->jaar_aantal > VERDELING_JAREN_MAX)
		error_add(e, "/scenario/jaren", "jaren_aantal", BRON_JAAR,
			  "Geef 1 tot en met %d jaren met hun limiet.", VERDELING_JAREN_MAX);
	for (size_t y = 0; y < s->jaar_aantal && y < VERDELING_JAREN_MAX; y++) {
		snprintf(veld, sizeof veld, "/scenario/jaren/%zu/jaar", y);
		if (s->jaren[y].jaar < 2000 || s->jaren[y].jaar > 2100 ||
		    (y > 0 && s->jaren[y].jaar <= s->jaren[y - 1].jaar))
			error_add(e, veld, "jaar_ongeldig", BRON_JAAR,
				  "Jaar %" PRId64 " ligt niet tussen 2000 en 2100 of de jaren lopen niet op.",
				  s->jaren[y].jaar);
		snprintf(veld, sizeof veld, "/scenario/jaren/%zu/limiet_cent", y);
		bedrag(e, veld, s->jaren[y].limiet_cent, VERDELING_BEDRAG_MAX_CENT, BRON_JAAR);
	}
	if (s->impactlat_milli < 0 || s->impactlat_milli > VERDELING_FTE_MAX_MILLI)
		error_add(e, "/scenario/impactlat_fte_per_miljoen_milli", "impactlat_ongeldig", BRON_LAT,
			  "De impactlat is 0 of meer milli-fte per EUR 1 mln.");
	if (s->regio_max_actief)
		bp(e, "/scenario/regio_max_aandeel_bp", s->regio_max_aandeel_bp, BRON_STUREN);
	if (s->regio_minimum_soort != VERDELING_MINIMUM_GEEN &&
	    (s->regio_minimum < 0 || s->regio_minimum > VERDELING_ZVW_MAX_CENT))
		error_add(e, "/scenario/regio_minimum", "regiominimum_ongeldig", BRON_STUREN,
			  "Het regiominimum is 0 of meer en niet groter dan het fonds.");
	bedrag(e, "/scenario/marginaal_delta_cent", s->marginaal_delta_cent,
	       VERDELING_ZVW_MAX_CENT, BRON_STUREN);
}

/* One candidate's own fields (not uniqueness). */
static void valideer_kandidaat(const struct verdeling_scenario *s,
			       const struct verdeling_kandidaat *c, size_t i,
			       struct error *e)
{
	char veld[ERROR_FIELD_MAX];
	snprintf(veld, sizeof veld, "/kandidaten/%zu/id", i);
	if (!c->id || c->id[0] == '\0' || strlen(c->id) > VERDELING_ID_MAX)
		error_add(e, veld, "id_ongeldig", NULL, "De aanvraag heeft geen id of een id langer dan %d tekens.",
			  VERDELING_ID_MAX);
	bool bekend = false;
	for (size_t t = 0; c->thema && t < s->thema_aantal && t < VERDELING_THEMAS_MAX; t++)
		bekend = bekend || strcmp(c->thema, s->themas[t].id) == 0;
	snprintf(veld, sizeof veld, "/kandidaten/%zu/thema", i);
	if (!bekend)
		error_add(e, veld, "thema_onbekend", BRON_THEMA, "Thema '%s' staat niet in het scenario.",
			  c->thema ? c->thema : "");
	snprintf(veld, sizeof veld, "/kandidaten/%zu/regio", i);
	if (!c->regio || c->regio[0] == '\0' || strlen(c->regio) > VERDELING_ID_MAX)
		error_add(e, veld, "regio_ongeldig", NULL, "De aanvraag heeft geen regio (of een te lange).");
	int64_t totaal = 0;
	for (size_t y = 0; y < s->jaar_aantal && y < VERDELING_JAREN_MAX; y++) {
		snprintf(veld, sizeof veld, "/kandidaten/%zu/bedragen/%zu", i, y);
		bedrag(e, veld, c->bedrag_cent[y], VERDELING_BEDRAG_MAX_CENT, BRON_JAAR);
		if (c->bedrag_cent[y] > 0 && c->bedrag_cent[y] <= VERDELING_BEDRAG_MAX_CENT)
			totaal += c->bedrag_cent[y];
	}
	snprintf(veld, sizeof veld, "/kandidaten/%zu/bedragen", i);
	if (totaal == 0)
		error_add(e, veld, "bedrag_nul", NULL, "De aanvraag vraagt geen geld in de jaren van het scenario.");
	snprintf(veld, sizeof veld, "/kandidaten/%zu/fte_milli", i);
	if (c->fte_milli < 0 || c->fte_milli > VERDELING_FTE_MAX_MILLI)
		error_add(e, veld, "fte_ongeldig", BRON_LAT, "De fte-impact ligt niet tussen 0 en %" PRId64 " milli-fte.",
			  VERDELING_FTE_MAX_MILLI);
	snprintf(veld, sizeof veld, "/kandidaten/%zu/min_aandeel_bp", i);
	bp(e, veld, c->min_aandeel_bp, "[001 \"Vervolgproces\"]");
}

static int ptr_strcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Duplicate ids, found by sorting a copy of the id pointers. */
static void valideer_uniek(const struct verdeling_kandidaat *k, size_t n, struct error *e)
{
	const char **ids = malloc(n * sizeof *ids);
	if (!ids) {
		error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de controle op dubbele id's.");
		return;
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (k[i].id && k[i].id[0])
			ids[m++] = k[i].id;
	qsort(ids, m, sizeof *ids, ptr_strcmp);
	for (size_t i = 1; i < m; i++)
		if (strcmp(ids[i], ids[i - 1]) == 0 && (i == 1 || strcmp(ids[i], ids[i - 2]) != 0))
			error_add(e, "/kandidaten", "id_dubbel", NULL,
				  "Aanvraag '%s' staat meer dan eens in de lijst.", ids[i]);
	free(ids);
}

rc_t verdeling_valideer(const struct verdeling_scenario *s,
			const struct verdeling_kandidaat *k, size_t n,
			struct error *e)
{
	struct error lokaal;
	if (!e) {
		error_clear(&lokaal);
		e = &lokaal;
	}
	if (!s || (n > 0 && !k))
		return error_set(e, RC_INTERNAL, "verdeling_valideer: geen scenario of kandidaten.");
	valideer_regel(s, e);
	valideer_geld(s, e);
	valideer_grenzen(s, e);
	if (n > VERDELING_KANDIDATEN_MAX) {
		error_add(e, "/kandidaten", "te_veel_kandidaten", NULL,
			  "Meer dan %d aanvragen in een scenario.", VERDELING_KANDIDATEN_MAX);
		return e->rc;
	}
	for (size_t i = 0; i < n; i++)
		valideer_kandidaat(s, &k[i], i, e);
	valideer_uniek(k, n, e);
	if (e->rc == RC_OK && (e->item_count > 0 || e->items_dropped > 0))
		e->rc = RC_INVALID;
	if (e->rc == RC_INVALID && e->message[0] == '\0')
		snprintf(e->message, sizeof e->message, "Het verdeelscenario is niet geldig.");
	return e->rc;
}

/* ======================================================================
 * verdeling_bereken
 * ====================================================================== */

rc_t vd_pas_regel_toe(const struct vd_model *m, struct vd_toewijzing *t,
		      struct verdeling_solver *solver, struct error *e)
{
	switch (m->s->regel) {
	case VERDELING_PRO_RATA:
		return vd_pro_rata(m, t);
	case VERDELING_RANGORDE:
		vd_rangorde(m, t, true);
		return RC_OK;
	case VERDELING_OPTIMAAL: {
		struct verdeling_solver dummy;
		return vd_optimaal(m, t, solver ? solver : &dummy, e);
	}
	default:
		return error_set(e, RC_INTERNAL, "onbekende verdeelregel");
	}
}

rc_t verdeling_bereken(const struct verdeling_scenario *s,
		       const struct verdeling_kandidaat *k, size_t n,
		       struct arena *arena, struct verdeling_resultaat **out,
		       struct error *e)
{
	return verdeling_bereken_met(s, k, n, NULL, arena, out, e);
}

rc_t verdeling_bereken_met(const struct verdeling_scenario *s,
			   const struct verdeling_kandidaat *k, size_t n,
			   const struct verdeling_voortgang *v, struct arena *arena,
			   struct verdeling_resultaat **out, struct error *e)
{
	if (sodium_init() < 0)
		return error_set(e, RC_INTERNAL, "libsodium kon niet starten");
	rc_t rc = verdeling_valideer(s, k, n, e);
	if (rc != RC_OK)
		return rc;
	struct vd_model m;
	rc = vd_model_bouw(s, k, n, arena, &m, e);
	if (rc != RC_OK)
		return rc;
	m.voortgang = v;
	struct vd_toewijzing *t = vd_toewijzing_nieuw(&m);
	struct verdeling_resultaat *r = arena_alloc(arena, sizeof *r);
	if (!t || !r)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de verdeling.");
	rc = vd_pas_regel_toe(&m, t, &r->solver, e);
	if (rc != RC_OK)
		return rc;
	r->scenario = *s;
	if (r->scenario.knopen_max == 0)
		r->scenario.knopen_max = VERDELING_KNOPEN_STANDAARD;
	vd_hashes(&m, r->invoer_hash, r->kandidaten_hash);
	r->kandidaat_aantal = n;
	r->kandidaten = m.k;
	r->rangorde = m.rang;
	rc = vd_uitleg(&m, t, r, e);
	if (rc != RC_OK)
		return rc;
	*out = r;
	return RC_OK;
}
