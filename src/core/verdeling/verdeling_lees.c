/*
 * verdeling_lees.c -- reading a scenario document (docs/verdeling.md §2)
 * into the structs of verdeling.h, for the API and the CLI.
 *
 * Structure first: unknown fields, wrong types, missing required fields
 * and texts that are too long are reported, each with its JSON pointer.
 * When the structure is sound, verdeling_valideer() runs as well, so the
 * caller gets every semantic problem at once (budgets above the fund,
 * negative limits, an unknown rule, ...).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/verdeling/verdeling_intern.h"

static const char *const scenario_velden[] = {
	"naam", "regel", "seed", "fonds_cent", "themas", "verschuiving_cent", "verschuiving_bp",
	"jaartoets", "jaren", "impactlat_id", "impactlat_fte_per_miljoen_milli",
	"regio_max_aandeel_bp", "regio_minimum_cent", "regio_minimum_aantal", "deelfinanciering",
	"marginaal_delta_cent", "knopen_max", NULL};
static const char *const thema_velden[] = {"id", "budget_cent", NULL};
static const char *const jaar_velden[] = {"jaar", "limiet_cent", NULL};
static const char *const kandidaat_velden[] = {
	"id", "thema", "regio", "toepassingsgebied", "bedragen", "fte_milli", "min_aandeel_bp", NULL};
static const char *const bedrag_velden[] = {"jaar", "bedrag_cent", NULL};

/* Copies an optional/required string member into dst[cap]. */
static void tekst(json_t *o, const char *key, bool verplicht, const char *waar, char *dst,
		  size_t cap, struct error *e)
{
	const char *s;
	if (!json_get_string(o, key, verplicht, waar, &s, e))
		return;
	if (strlen(s) >= cap) {
		char veld[ERROR_FIELD_MAX];
		snprintf(veld, sizeof veld, "%s/%s", waar, key);
		error_add(e, veld, "te_lang", NULL, "'%s' is langer dan %zu tekens.", key, cap - 1);
		return;
	}
	snprintf(dst, cap, "%s", s);
}

static void themas(json_t *sc, struct verdeling_scenario *s, struct error *e)
{
	json_t *a, *v;
	size_t i;
	if (!json_get_array(sc, "themas", true, "/scenario", &a, e))
		return;
	json_array_foreach(a, i, v) {
		char waar[ERROR_FIELD_MAX];
		snprintf(waar, sizeof waar, "/scenario/themas/%zu", i);
		if (i >= VERDELING_THEMAS_MAX) {
			error_add(e, waar, "te_veel", NULL, "Meer dan %d thema's.", VERDELING_THEMAS_MAX);
			return;
		}
		json_reject_unknown(v, thema_velden, waar, e);
		tekst(v, "id", true, waar, s->themas[i].id, sizeof s->themas[i].id, e);
		json_get_int(v, "budget_cent", true, waar, &s->themas[i].budget_cent, e);
		s->thema_aantal = i + 1;
	}
}

static void jaren(json_t *sc, struct verdeling_scenario *s, struct error *e)
{
	json_t *a, *v;
	size_t i;
	const char *toets = NULL;
	if (json_get_string(sc, "jaartoets", true, "/scenario", &toets, e)) {
		if (strcmp(toets, "per_jaar") == 0)
			s->jaartoets = VERDELING_JAARTOETS_PER_JAAR;
		else if (strcmp(toets, "cumulatief") != 0)
			s->jaartoets = (enum verdeling_jaartoets)99;  /* reported by the validator */
	}
	if (!json_get_array(sc, "jaren", true, "/scenario", &a, e))
		return;
	json_array_foreach(a, i, v) {
		char waar[ERROR_FIELD_MAX];
		snprintf(waar, sizeof waar, "/scenario/jaren/%zu", i);
		if (i >= VERDELING_JAREN_MAX) {
			error_add(e, waar, "te_veel", NULL, "Meer dan %d jaren.", VERDELING_JAREN_MAX);
			return;
		}
		json_reject_unknown(v, jaar_velden, waar, e);
		json_get_int(v, "jaar", true, waar, &s->jaren[i].jaar, e);
		json_get_int(v, "limiet_cent", true, waar, &s->jaren[i].limiet_cent, e);
		s->jaar_aantal = i + 1;
	}
}

/* The regional limits: optional, null means "none". */
static void regio(json_t *sc, struct verdeling_scenario *s, struct error *e)
{
	if (json_get_int(sc, "regio_max_aandeel_bp", false, "/scenario", &s->regio_max_aandeel_bp, e))
		s->regio_max_actief = true;
	int64_t x;
	if (json_get_int(sc, "regio_minimum_cent", false, "/scenario", &x, e)) {
		s->regio_minimum_soort = VERDELING_MINIMUM_CENT;
		s->regio_minimum = x;
	}
	if (json_get_int(sc, "regio_minimum_aantal", false, "/scenario", &x, e)) {
		if (s->regio_minimum_soort != VERDELING_MINIMUM_GEEN)
			error_add(e, "/scenario/regio_minimum_aantal", "regiominimum_dubbel", NULL,
				  "Geef het regiominimum in centen of in aantal, niet allebei.");
		s->regio_minimum_soort = VERDELING_MINIMUM_AANTAL;
		s->regio_minimum = x;
	}
}

static void scenario(json_t *sc, struct verdeling_scenario *s, struct error *e)
{
	const char *regel = NULL;
	json_reject_unknown(sc, scenario_velden, "/scenario", e);
	tekst(sc, "naam", false, "/scenario", s->naam, sizeof s->naam, e);
	if (json_get_string(sc, "regel", true, "/scenario", &regel, e) &&
	    !verdeling_regel_lees(regel, &s->regel))
		s->regel = VERDELING_REGEL__AANTAL;   /* reported by the validator */
	tekst(sc, "seed", true, "/scenario", s->seed, sizeof s->seed, e);
	json_get_int(sc, "fonds_cent", true, "/scenario", &s->fonds_cent, e);
	themas(sc, s, e);
	json_get_int(sc, "verschuiving_cent", false, "/scenario", &s->verschuiving_cent, e);
	json_get_int(sc, "verschuiving_bp", false, "/scenario", &s->verschuiving_bp, e);
	jaren(sc, s, e);
	tekst(sc, "impactlat_id", false, "/scenario", s->impactlat_id, sizeof s->impactlat_id, e);
	json_get_int(sc, "impactlat_fte_per_miljoen_milli", true, "/scenario", &s->impactlat_milli, e);
	regio(sc, s, e);
	json_get_bool(sc, "deelfinanciering", true, "/scenario", &s->deelfinanciering, e);
	s->marginaal_delta_cent = VERDELING_DELTA_STANDAARD_CENT;
	json_get_int(sc, "marginaal_delta_cent", false, "/scenario", &s->marginaal_delta_cent, e);
	int64_t knopen = 0;
	if (json_get_int(sc, "knopen_max", false, "/scenario", &knopen, e)) {
		if (knopen < 1)
			error_add(e, "/scenario/knopen_max", "knopen_ongeldig", NULL, "knopen_max is 1 of meer.");
		else
			s->knopen_max = (uint64_t)knopen;
	}
}

/* A candidate's amounts per year, placed at the scenario's year index. */
static void bedragen(json_t *v, const struct verdeling_scenario *s, const char *waar,
		     struct verdeling_kandidaat *k, struct error *e)
{
	json_t *a, *b;
	size_t j;
	char w[ERROR_FIELD_MAX];
	snprintf(w, sizeof w, "%s", waar);
	if (!json_get_array(v, "bedragen", true, w, &a, e))
		return;
	bool gezien[VERDELING_JAREN_MAX] = {false};
	json_array_foreach(a, j, b) {
		char bw[ERROR_FIELD_MAX + 32];
		int64_t jaar = 0, c = 0;
		snprintf(bw, sizeof bw, "%s/bedragen/%zu", waar, j);
		json_reject_unknown(b, bedrag_velden, bw, e);
		if (!json_get_int(b, "jaar", true, bw, &jaar, e) ||
		    !json_get_int(b, "bedrag_cent", true, bw, &c, e))
			continue;
		size_t y = 0;
		while (y < s->jaar_aantal && s->jaren[y].jaar != jaar)
			y++;
		if (y == s->jaar_aantal || gezien[y]) {
			error_add(e, bw, "jaar_onbekend", "[003 §8b]",
				  "Jaar %" PRId64 " is geen (of een dubbel) jaar van het scenario.", jaar);
			continue;
		}
		gezien[y] = true;
		k->bedrag_cent[y] = c;
	}
}

/* Copies a member string into the arena (NULL when absent). */
static const char *kopie(json_t *v, const char *key, bool verplicht, const char *waar,
			 struct arena *ar, struct error *e)
{
	const char *s;
	if (!json_get_string(v, key, verplicht, waar, &s, e))
		return NULL;
	return arena_strdup(ar, s);
}

static void kandidaten(json_t *a, const struct verdeling_scenario *s, struct arena *ar,
		       struct verdeling_kandidaat *k, struct error *e)
{
	json_t *v;
	size_t i;
	json_array_foreach(a, i, v) {
		char waar[ERROR_FIELD_MAX];
		snprintf(waar, sizeof waar, "/kandidaten/%zu", i);
		json_reject_unknown(v, kandidaat_velden, waar, e);
		k[i].id = kopie(v, "id", true, waar, ar, e);
		k[i].thema = kopie(v, "thema", true, waar, ar, e);
		k[i].regio = kopie(v, "regio", true, waar, ar, e);
		k[i].toepassingsgebied = kopie(v, "toepassingsgebied", false, waar, ar, e);
		bedragen(v, s, waar, &k[i], e);
		json_get_int(v, "fte_milli", true, waar, &k[i].fte_milli, e);
		json_get_int(v, "min_aandeel_bp", false, waar, &k[i].min_aandeel_bp, e);
	}
}

rc_t verdeling_lees(json_t *doc, struct arena *arena,
		    struct verdeling_scenario *s, struct verdeling_kandidaat **k,
		    size_t *n, struct error *e)
{
	static const char *const top[] = {"scenario", "kandidaten", NULL};
	struct verdeling_scenario sc;
	struct error lokaal;
	json_t *so, *ka;
	memset(&sc, 0, sizeof sc);
	if (!e) {
		error_clear(&lokaal);
		e = &lokaal;
	}
	if (!json_is_object(doc))
		return error_set(e, RC_INVALID, "Een verdeelscenario is een JSON-object.");
	json_reject_unknown(doc, top, "", e);
	if (json_get_object(doc, "scenario", true, "", &so, e))
		scenario(so, &sc, e);
	bool heeft = json_get_array(doc, "kandidaten", true, "", &ka, e);
	size_t aantal = heeft ? json_array_size(ka) : 0;
	if (aantal > VERDELING_KANDIDATEN_MAX)
		return error_set(e, RC_TOO_LARGE, "Meer dan %d aanvragen in een scenario.",
				 VERDELING_KANDIDATEN_MAX);
	struct verdeling_kandidaat *lijst = arena_alloc(arena, (aantal ? aantal : 1) * sizeof *lijst);
	if (!lijst)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de aanvragen.");
	if (heeft)
		kandidaten(ka, &sc, arena, lijst, e);
	if (e->item_count == 0 && e->items_dropped == 0 && e->rc == RC_OK)
		verdeling_valideer(&sc, lijst, aantal, e);
	if (e->item_count > 0 || e->items_dropped > 0 || e->rc != RC_OK) {
		if (e->rc == RC_OK)
			e->rc = RC_INVALID;
		if (e->message[0] == '\0')
			snprintf(e->message, sizeof e->message, "Het verdeelscenario is niet geldig.");
		return e->rc;
	}
	*s = sc;
	*k = lijst;
	*n = aantal;
	return RC_OK;
}
