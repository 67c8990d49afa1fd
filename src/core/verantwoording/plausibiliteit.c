/*
 * plausibiliteit.c -- reading the plausibility test. See plausibiliteit.h.
 */
#include "core/verantwoording/plausibiliteit.h"

#include <stdio.h>
#include <string.h>

#include "core/basis/json.h"
#include "core/basis/tekst.h"

#define BRON "[001 §5]"

static const char *const namen[] = {"aanvaard", "lager", "afgewezen"};

const char *plausibiliteit_oordeel_naam(enum plausibiliteit_oordeel o)
{
	return namen[o];
}

/* Reads judgement j; writes it to out->regels[regel] and marks it. */
static void oordeel_lees(json_t *o, size_t j, const struct verantwoording_invoer *in, const bool *bezwaar,
			 bool *gezien, struct plausibiliteit *out, struct error *e)
{
	static const char *const velden[] = {"regel", "oordeel", "bedrag_cent", "motivering", NULL};
	char waar[32], veld[48];
	snprintf(waar, sizeof waar, "/oordelen/%zu", j);
	if (!json_is_object(o)) {
		error_add(e, waar, "type", NULL, "Een oordeel is een object.");
		return;
	}
	json_reject_unknown(o, velden, waar, e);
	int64_t regel = -1, bedrag = 0;
	const char *naam = NULL, *motivering = NULL;
	bool heeft_regel = json_get_int(o, "regel", true, waar, &regel, e);
	bool heeft_bedrag = json_get_int(o, "bedrag_cent", false, waar, &bedrag, e);
	json_get_string(o, "motivering", false, waar, &motivering, e);
	json_get_string(o, "oordeel", true, waar, &naam, e);
	int soort = -1;
	for (int k = 0; naam && k < 3; k++)
		if (strcmp(naam, namen[k]) == 0)
			soort = k;
	snprintf(veld, sizeof veld, "%s/oordeel", waar);
	if (naam && soort < 0)
		error_add(e, veld, "onbekend", NULL, "Een oordeel is aanvaard, lager of afgewezen.");
	snprintf(veld, sizeof veld, "%s/regel", waar);
	if (heeft_regel && (regel < 0 || (size_t)regel >= in->regel_aantal)) {
		error_add(e, veld, "onbekende_regel", NULL, "De verantwoording heeft geen kostenregel %lld.", (long long)regel);
		return;
	}
	if (!heeft_regel || soort < 0)
		return;
	if (gezien[regel]) {
		error_add(e, veld, "dubbel", NULL, "Kostenregel %lld heeft al een oordeel.", (long long)regel);
		return;
	}
	gezien[regel] = true;
	int64_t lijn = in->regels[regel].bedrag_cent;
	bool gemotiveerd = tekst_aanwezig(motivering);
	snprintf(veld, sizeof veld, "%s/bedrag_cent", waar);
	if (soort == PO_LAGER && (!heeft_bedrag || bedrag <= 0 || bedrag >= lijn))
		error_add(e, veld, "bedrag_niet_lager", BRON,
			  "Een lager oordeel noemt een bedrag tussen 0 en %lld cent (afgewezen is 0).", (long long)lijn);
	if (soort == PO_AANVAARD && heeft_bedrag && bedrag != lijn)
		error_add(e, veld, "bedrag_niet_gelijk", BRON, "Aanvaard is het hele bedrag van de regel (%lld cent).",
			  (long long)lijn);
	if (soort == PO_AFGEWEZEN && heeft_bedrag && bedrag != 0)
		error_add(e, veld, "bedrag_niet_nul", BRON, "Afgewezen is 0 cent.");
	snprintf(veld, sizeof veld, "%s/motivering", waar);
	if (!gemotiveerd && (soort != PO_AANVAARD || bezwaar[regel]))
		error_add(e, veld, "motivering_ontbreekt", BRON, soort == PO_AANVAARD
			  ? "Een regel waartegen een regel bezwaar vond, wordt alleen met een motivering aanvaard."
			  : "Motiveer waarom de kosten niet (geheel) plausibel zijn.");
	if (motivering && strlen(motivering) > PLAUSIBILITEIT_MOTIVERING_MAX)
		error_add(e, veld, "te_lang", NULL, "Een motivering is hoogstens %d tekens.", PLAUSIBILITEIT_MOTIVERING_MAX);
	out->regels[regel] = (struct plausibiliteit_regel){
		.oordeel = (enum plausibiliteit_oordeel)soort,
		.bedrag_cent = soort == PO_AANVAARD ? lijn : soort == PO_LAGER ? bedrag : 0,
		.motivering = gemotiveerd ? motivering : NULL};
}

rc_t plausibiliteit_lees(json_t *body, const struct verantwoording_invoer *in, const bool *bezwaar,
			 struct arena *arena, struct plausibiliteit *out, struct error *e)
{
	static const char *const velden[] = {"oordelen", NULL};
	memset(out, 0, sizeof *out);
	json_t *oordelen = NULL;
	json_reject_unknown(body, velden, "", e);
	json_get_array(body, "oordelen", true, "", &oordelen, e);
	out->regels = arena_alloc(arena, (in->regel_aantal + 1) * sizeof *out->regels);
	bool *gezien = arena_alloc(arena, in->regel_aantal + 1);
	if (!out->regels || !gezien)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	memset(gezien, 0, in->regel_aantal + 1);
	out->aantal = in->regel_aantal;
	for (size_t j = 0; oordelen && j < json_array_size(oordelen) && j <= VERANTWOORDING_REGELS_MAX; j++)
		oordeel_lees(json_array_get(oordelen, j), j, in, bezwaar, gezien, out, e);
	for (size_t i = 0; oordelen && i < in->regel_aantal; i++)
		if (!gezien[i])
			error_add(e, "/oordelen", "regel_zonder_oordeel", BRON, "Kostenregel %zu heeft geen oordeel.", i);
	for (size_t i = 0; i < in->regel_aantal; i++)
		if (out->plausibel_cent <= INT64_MAX - out->regels[i].bedrag_cent)
			out->plausibel_cent += out->regels[i].bedrag_cent;
	if (e->item_count > 0 || e->items_dropped > 0)
		return error_set(e, RC_INVALID, "De plausibiliteitstoets is niet volledig of niet geldig.");
	return RC_OK;
}

json_t *plausibiliteit_json(const struct plausibiliteit *p)
{
	json_t *l = json_array();
	for (size_t i = 0; l && i < p->aantal; i++) {
		const struct plausibiliteit_regel *r = &p->regels[i];
		json_t *o = json_pack("{s:I, s:s, s:I}", "regel", (json_int_t)i, "oordeel", namen[r->oordeel],
				      "bedrag_cent", (json_int_t)r->bedrag_cent);
		json_object_set_new(o, "motivering", r->motivering ? json_string(r->motivering) : json_null());
		json_array_append_new(l, o);
	}
	return l;
}
