/*
 * verdeling_json.c -- an allocation result as JSON, and several scenarios
 * side by side.
 *
 * Integers only (cents, milli-fte, basis points), members in a fixed
 * insertion order, applications in ranking order: equal input gives
 * byte-identical output. Nothing time- or machine-dependent is written
 * (no solve time), so the output can be hashed and compared.
 */
#include <string.h>

#include "core/verdeling/verdeling_intern.h"

/* Sets key to a new value; marks failure when the value is NULL. */
static void zet(json_t *o, const char *key, json_t *v, bool *ok)
{
	if (!v || json_object_set_new(o, key, v) != 0)
		*ok = false;
}

static void voeg(json_t *a, json_t *v, bool *ok)
{
	if (!v || json_array_append_new(a, v) != 0)
		*ok = false;
}

static json_t *scenario_json(const struct verdeling_resultaat *r, bool *ok)
{
	const struct verdeling_scenario *s = &r->scenario;
	json_t *o = json_object(), *th = json_array(), *ja = json_array();
	if (!o || !th || !ja) {
		*ok = false;
		json_decref(th);
		json_decref(ja);
		return o;
	}
	zet(o, "naam", json_string(s->naam), ok);
	zet(o, "regel", json_string(verdeling_regel_naam(s->regel)), ok);
	zet(o, "seed", json_string(s->seed), ok);
	zet(o, "invoer_hash", json_string(r->invoer_hash), ok);
	zet(o, "kandidaten_hash", json_string(r->kandidaten_hash), ok);
	zet(o, "fonds_cent", json_integer(s->fonds_cent), ok);
	for (size_t t = 0; t < s->thema_aantal; t++) {
		json_t *x = json_object();
		zet(x, "id", json_string(s->themas[t].id), ok);
		zet(x, "budget_cent", json_integer(s->themas[t].budget_cent), ok);
		voeg(th, x, ok);
	}
	zet(o, "themas", th, ok);
	zet(o, "verschuiving_cent", json_integer(s->verschuiving_cent), ok);
	zet(o, "verschuiving_bp", json_integer(s->verschuiving_bp), ok);
	zet(o, "jaartoets", json_string(s->jaartoets == VERDELING_JAARTOETS_CUMULATIEF ? "cumulatief" : "per_jaar"), ok);
	for (size_t y = 0; y < s->jaar_aantal; y++) {
		json_t *x = json_object();
		zet(x, "jaar", json_integer(s->jaren[y].jaar), ok);
		zet(x, "limiet_cent", json_integer(s->jaren[y].limiet_cent), ok);
		voeg(ja, x, ok);
	}
	zet(o, "jaren", ja, ok);
	zet(o, "impactlat_id", json_string(s->impactlat_id), ok);
	zet(o, "impactlat_fte_per_miljoen_milli", json_integer(s->impactlat_milli), ok);
	zet(o, "regio_max_aandeel_bp", s->regio_max_actief ? json_integer(s->regio_max_aandeel_bp) : json_null(), ok);
	zet(o, "regio_minimum_cent", s->regio_minimum_soort == VERDELING_MINIMUM_CENT ? json_integer(s->regio_minimum) : json_null(), ok);
	zet(o, "regio_minimum_aantal", s->regio_minimum_soort == VERDELING_MINIMUM_AANTAL ? json_integer(s->regio_minimum) : json_null(), ok);
	zet(o, "deelfinanciering", json_boolean(s->deelfinanciering), ok);
	zet(o, "marginaal_delta_cent", json_integer(s->marginaal_delta_cent), ok);
	zet(o, "knopen_max", json_integer((json_int_t)s->knopen_max), ok);
	return o;
}

static json_t *totalen_json(const struct verdeling_resultaat *r, bool *ok)
{
	json_t *o = json_object(), *ja = json_array();
	if (!o || !ja) {
		*ok = false;
		json_decref(ja);
		return o;
	}
	zet(o, "fte_milli", json_integer(r->fte_milli), ok);
	zet(o, "besteed_cent", json_integer(r->besteed_cent), ok);
	zet(o, "onbesteed_cent", json_integer(r->onbesteed_cent), ok);
	for (size_t y = 0; y < r->scenario.jaar_aantal; y++) {
		json_t *x = json_object();
		zet(x, "jaar", json_integer(r->scenario.jaren[y].jaar), ok);
		zet(x, "besteed_cent", json_integer(r->besteed_jaar_cent[y]), ok);
		voeg(ja, x, ok);
	}
	zet(o, "besteed_per_jaar", ja, ok);
	zet(o, "toegekend", json_integer((json_int_t)r->toegekend), ok);
	zet(o, "verlaagd", json_integer((json_int_t)r->verlaagd), ok);
	zet(o, "afgewezen", json_integer((json_int_t)r->afgewezen), ok);
	zet(o, "onder_impactlat", json_integer((json_int_t)r->onder_impactlat), ok);
	size_t met = 0, verk = 0;
	for (size_t g = 0; g < r->regio_aantal; g++) {
		met += r->regios[g].gehonoreerd > 0;
		verk += r->regios[g].verkiesbaar > 0;
	}
	zet(o, "regios_gehonoreerd", json_integer((json_int_t)met), ok);
	zet(o, "regios_met_verkiesbare_aanvraag", json_integer((json_int_t)verk), ok);
	zet(o, "regiominima_gehaald", json_boolean(r->regiominima_gehaald), ok);
	return o;
}

static json_t *solver_json(const struct verdeling_resultaat *r, bool *ok)
{
	if (r->scenario.regel != VERDELING_OPTIMAAL)
		return json_null();
	const struct verdeling_solver *s = &r->solver;
	json_t *o = json_object();
	zet(o, "bewezen_optimaal", json_boolean(s->bewezen_optimaal), ok);
	zet(o, "limiet_bereikt", json_boolean(s->limiet_bereikt), ok);
	zet(o, "knopen", json_integer((json_int_t)s->knopen), ok);
	zet(o, "knopen_max", json_integer((json_int_t)s->knopen_max), ok);
	zet(o, "bovengrens_fte_milli", json_integer(s->bovengrens_milli), ok);
	zet(o, "gap_fte_milli", json_integer(s->gap_milli), ok);
	zet(o, "gap_bp", json_integer(s->gap_bp), ok);
	return o;
}

static const char *const lijn_soorten[] = {"fonds", "thema", "jaar", "regio"};

static json_t *lijnen_json(const struct verdeling_resultaat *r, bool *ok)
{
	json_t *a = json_array();
	for (size_t l = 0; a && l < r->lijn_aantal; l++) {
		const struct verdeling_lijn *x = &r->lijnen[l];
		json_t *o = json_object(), *mg = json_null();
		zet(o, "sleutel", json_string(x->sleutel), ok);
		zet(o, "soort", json_string(lijn_soorten[x->soort]), ok);
		zet(o, "naam", json_string(x->naam), ok);
		zet(o, "capaciteit_cent", json_integer(x->capaciteit_cent), ok);
		zet(o, "gebruikt_cent", json_integer(x->gebruikt_cent), ok);
		zet(o, "ruimte_cent", json_integer(x->capaciteit_cent - x->gebruikt_cent), ok);
		zet(o, "bindend", json_boolean(x->bindend), ok);
		if (x->marginaal_bekend) {
			json_decref(mg);
			mg = json_object();
			zet(mg, "fte_milli_per_miljoen", json_integer(x->marginaal_milli_per_miljoen), ok);
			zet(mg, "exact", json_boolean(x->marginaal_exact), ok);
		}
		zet(o, "marginaal", mg, ok);
		voeg(a, o, ok);
	}
	if (!a)
		*ok = false;
	return a;
}

static json_t *themas_json(const struct verdeling_resultaat *r, bool *ok)
{
	json_t *a = json_array();
	for (size_t t = 0; a && t < r->scenario.thema_aantal; t++) {
		const struct verdeling_afkap *x = &r->afkap[t];
		json_t *o = json_object();
		zet(o, "id", json_string(r->scenario.themas[t].id), ok);
		zet(o, "budget_cent", json_integer(r->scenario.themas[t].budget_cent), ok);
		zet(o, "plafond_cent", json_integer(x->plafond_cent), ok);
		zet(o, "besteed_cent", json_integer(x->besteed_cent), ok);
		zet(o, "laagst_gehonoreerd_fte_per_miljoen_milli",
		    x->heeft_gehonoreerd ? json_integer(x->laagst_gehonoreerd_milli) : json_null(), ok);
		zet(o, "hoogst_afgewezen_fte_per_miljoen_milli",
		    x->heeft_afgewezen ? json_integer(x->hoogst_afgewezen_milli) : json_null(), ok);
		voeg(a, o, ok);
	}
	if (!a)
		*ok = false;
	return a;
}

static json_t *regios_json(const struct verdeling_resultaat *r, bool *ok)
{
	json_t *a = json_array();
	for (size_t g = 0; a && g < r->regio_aantal; g++) {
		const struct verdeling_regio *x = &r->regios[g];
		json_t *o = json_object();
		zet(o, "naam", json_string(x->naam), ok);
		zet(o, "besteed_cent", json_integer(x->besteed_cent), ok);
		zet(o, "gehonoreerd", json_integer((json_int_t)x->gehonoreerd), ok);
		zet(o, "verkiesbaar", json_integer((json_int_t)x->verkiesbaar), ok);
		zet(o, "minimum", json_integer(x->minimum), ok);
		zet(o, "minimum_gehaald", json_boolean(x->minimum_gehaald), ok);
		voeg(a, o, ok);
	}
	if (!a)
		*ok = false;
	return a;
}

static const char *const status_namen[] = {"toegekend", "verlaagd", "afgewezen"};

static json_t *aanvraag_json(const struct verdeling_resultaat *r, size_t i, bool *ok)
{
	const struct verdeling_kandidaat *k = &r->kandidaten[i];
	const struct verdeling_uitkomst *u = &r->uitkomsten[i];
	json_t *o = json_object(), *ja = json_array(), *re = json_array();
	zet(o, "id", json_string(k->id), ok);
	zet(o, "rang", json_integer((json_int_t)u->rang), ok);
	zet(o, "thema", json_string(k->thema), ok);
	zet(o, "regio", json_string(k->regio), ok);
	zet(o, "toepassingsgebied", json_string(k->toepassingsgebied), ok);
	zet(o, "status", json_string(status_namen[u->status]), ok);
	zet(o, "gevraagd_cent", json_integer(u->gevraagd_totaal_cent), ok);
	zet(o, "toegekend_cent", json_integer(u->toegekend_totaal_cent), ok);
	for (size_t y = 0; ja && y < r->scenario.jaar_aantal; y++) {
		json_t *x = json_object();
		zet(x, "jaar", json_integer(r->scenario.jaren[y].jaar), ok);
		zet(x, "gevraagd_cent", json_integer(k->bedrag_cent[y]), ok);
		zet(x, "toegekend_cent", json_integer(u->toegekend_cent[y]), ok);
		voeg(ja, x, ok);
	}
	zet(o, "per_jaar", ja, ok);
	zet(o, "fte_milli", json_integer(k->fte_milli), ok);
	zet(o, "fte_gerealiseerd_milli", json_integer(u->fte_milli), ok);
	zet(o, "fte_per_miljoen_milli", json_integer(u->fte_per_miljoen_milli), ok);
	zet(o, "min_aandeel_bp", json_integer(k->min_aandeel_bp), ok);
	zet(o, "boven_impactlat", json_boolean(u->boven_impactlat), ok);
	for (size_t x = 0; re && x < u->reden_aantal; x++) {
		const struct verdeling_reden *d = &u->redenen[x];
		json_t *ro = json_object();
		zet(ro, "code", json_string(d->code), ok);
		zet(ro, "tekst", json_string(d->tekst), ok);
		zet(ro, "lijn", d->lijn >= 0 ? json_string(r->lijnen[d->lijn].sleutel) : json_null(), ok);
		zet(ro, "tekort_cent", json_integer(d->tekort_cent), ok);
		voeg(re, ro, ok);
	}
	zet(o, "redenen", re, ok);
	return o;
}

json_t *verdeling_json(const struct verdeling_resultaat *r)
{
	bool ok = true;
	json_t *o = json_object(), *a = json_array();
	if (!o || !a) {
		json_decref(o);
		json_decref(a);
		return NULL;
	}
	zet(o, "regelversie", json_string(VERDELING_REGELVERSIE), &ok);
	zet(o, "scenario", scenario_json(r, &ok), &ok);
	zet(o, "totalen", totalen_json(r, &ok), &ok);
	zet(o, "solver", solver_json(r, &ok), &ok);
	zet(o, "lijnen", lijnen_json(r, &ok), &ok);
	zet(o, "themas", themas_json(r, &ok), &ok);
	zet(o, "regios", regios_json(r, &ok), &ok);
	for (size_t p = 0; p < r->kandidaat_aantal; p++)
		voeg(a, aanvraag_json(r, r->rangorde[p], &ok), &ok);
	zet(o, "aanvragen", a, &ok);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* ---- side by side ------------------------------------------------------- */

static json_t *kolom(const struct verdeling_resultaat *r, const struct verdeling_resultaat *eerste,
		     bool *ok)
{
	json_t *o = json_object();
	zet(o, "naam", json_string(r->scenario.naam), ok);
	zet(o, "regel", json_string(verdeling_regel_naam(r->scenario.regel)), ok);
	zet(o, "seed", json_string(r->scenario.seed), ok);
	zet(o, "invoer_hash", json_string(r->invoer_hash), ok);
	zet(o, "totalen", totalen_json(r, ok), ok);
	zet(o, "fte_verschil_met_eerste_milli", json_integer(r->fte_milli - eerste->fte_milli), ok);
	zet(o, "onbesteed_verschil_met_eerste_cent",
	    json_integer(r->onbesteed_cent - eerste->onbesteed_cent), ok);
	zet(o, "solver", solver_json(r, ok), ok);
	json_t *b = json_array();
	for (size_t l = 0; b && l < r->lijn_aantal; l++)
		if (r->lijnen[l].bindend)
			voeg(b, json_string(r->lijnen[l].sleutel), ok);
	zet(o, "bindende_lijnen", b, ok);
	return o;
}

rc_t verdeling_vergelijk(const struct verdeling_resultaat *const *r, size_t n,
			 json_t **out, struct error *e)
{
	if (n == 0)
		return error_set(e, RC_INVALID, "Geen scenario's om te vergelijken.");
	for (size_t x = 1; x < n; x++)
		if (strcmp(r[x]->kandidaten_hash, r[0]->kandidaten_hash) != 0)
			return error_set(e, RC_CONFLICT,
					 "Scenario '%s' gaat over andere aanvragen dan '%s'.",
					 r[x]->scenario.naam, r[0]->scenario.naam);
	bool ok = true;
	json_t *o = json_object(), *sc = json_array(), *aa = json_array();
	zet(o, "regelversie", json_string(VERDELING_REGELVERSIE), &ok);
	zet(o, "kandidaten_hash", json_string(r[0]->kandidaten_hash), &ok);
	for (size_t x = 0; sc && x < n; x++)
		voeg(sc, kolom(r[x], r[0], &ok), &ok);
	zet(o, "scenarios", sc, &ok);
	/* candidates are sorted by id in every result, so index i is the same application */
	for (size_t i = 0; aa && i < r[0]->kandidaat_aantal; i++) {
		json_t *rij = json_object(), *per = json_array();
		zet(rij, "id", json_string(r[0]->kandidaten[i].id), &ok);
		zet(rij, "gevraagd_cent", json_integer(r[0]->uitkomsten[i].gevraagd_totaal_cent), &ok);
		for (size_t x = 0; per && x < n; x++) {
			json_t *c = json_object();
			zet(c, "status", json_string(status_namen[r[x]->uitkomsten[i].status]), &ok);
			zet(c, "toegekend_cent", json_integer(r[x]->uitkomsten[i].toegekend_totaal_cent), &ok);
			zet(c, "fte_gerealiseerd_milli", json_integer(r[x]->uitkomsten[i].fte_milli), &ok);
			voeg(per, c, &ok);
		}
		zet(rij, "per_scenario", per, &ok);
		voeg(aa, rij, &ok);
	}
	zet(o, "aanvragen", aa, &ok);
	if (!ok || !o) {
		json_decref(o);
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen voor de vergelijking.");
	}
	*out = o;
	return RC_OK;
}
