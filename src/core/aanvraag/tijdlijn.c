/*
 * tijdlijn.c -- an application's timeline and phase. See tijdlijn.h.
 */
#include "core/aanvraag/tijdlijn.h"

#include <inttypes.h>
#include <string.h>

#include "store/store_aanvragen.h"
#include "core/aanvraag/aanvraagdossier.h"
#include "core/basis/bedrag.h"
#include "core/basis/json.h"

struct tijdlijn_ctx {
	struct arena *a;
	int64_t id;
	struct store_rows r;
};

static rc_t tijdlijn_tx(struct store *s, void *ctx, struct error *e)
{
	struct tijdlijn_ctx *c = ctx;
	return store_aanvraag_tijdlijn(s, c->id, c->a, &c->r, e);
}

static const char *euro(struct arena *a, int64_t cent)
{
	char t[48];
	bedrag_tekst(cent, t, sizeof t);
	return arena_strdup(a, t);
}

/* What event `i` says, in Dutch. */
static const char *wat(struct arena *a, const struct store_rows *r, size_t i)
{
	const char *soort = store_text(r, i, STL_SOORT), *tekst = store_text(r, i, STL_TEKST);
	const char *tekst2 = store_text(r, i, STL_TEKST2);
	int64_t getal = store_int(r, i, STL_GETAL, 0);
	if (strcmp(soort, "aangemaakt") == 0)
		return "Concept aangemaakt.";
	if (strcmp(soort, "ingediend") == 0)
		return getal > 1 ? arena_printf(a, "Versie %" PRId64 " ingediend, als antwoord op een informatieverzoek.", getal)
				 : arena_printf(a, "Versie %" PRId64 " ingediend (route %s) [002 §4.2].", getal,
						 tekst && strcmp(tekst, "licht") == 0 ? "licht: conform het modelplan" : "verdiept");
	if (strcmp(soort, "beoordeeld") == 0) {
		const char *wie = tekst2 && strcmp(tekst2, "coordinerend") == 0 ? "De coördinerende zorgverzekeraar"
										 : "De tweede zorgverzekeraar";
		const char *oordeel = !tekst ? "?" : strcmp(tekst, "positief") == 0 ? "beoordeelde versie %" PRId64 " positief"
			: strcmp(tekst, "negatief") == 0 ? "beoordeelde versie %" PRId64 " negatief"
			: "vroeg bij versie %" PRId64 " om aanvullende informatie";
		return arena_printf(a, "%s %s [002 §4.2].", wie, arena_printf(a, oordeel, getal));
	}
	if (strcmp(soort, "bestuursbesluit") == 0)
		return getal > 0 ? arena_printf(a, "Het Bestuurlijk Overleg kende %s toe [001 \"Vervolgproces\"].", euro(a, getal))
				 : "Het Bestuurlijk Overleg kende deze aanvraag geen geld toe: het beschikbare budget ging naar "
				   "andere aanvragen [001 \"Vervolgproces\"].";
	if (strcmp(soort, "nza_opgesteld") == 0)
		return arena_printf(a, "De tweezijdige aanvraag aan de NZa is opgesteld, met een voorgestelde bovengrens van %s "
				    "[001 §3].", euro(a, getal));
	if (strcmp(soort, "ondertekend") == 0)
		return tekst && strcmp(tekst, "penvoerder") == 0 ? "Ondertekend door de penvoerder namens de zorgaanbieders."
								 : "Ondertekend door de coördinerende zorgverzekeraar.";
	if (strcmp(soort, "nza_ingediend") == 0)
		return "Ingediend bij de NZa.";
	if (strcmp(soort, "beschikking") == 0)
		return tekst && strcmp(tekst, "verleend") == 0
			? arena_printf(a, "De NZa stelde de bovengrens vast op %s (beschikking %s) [001 §3].", euro(a, getal),
				       tekst2 ? tekst2 : "")
			: arena_printf(a, "De NZa wees de aanvraag af (beschikking %s) [001 §3].", tekst2 ? tekst2 : "");
	if (strcmp(soort, "mijlpaal_gemeld") == 0)
		return arena_printf(a, "Mijlpaal %s als bereikt gemeld.", tekst ? tekst : "?");
	if (strcmp(soort, "mijlpaal_betaald") == 0)
		return arena_printf(a, "Mijlpaal %s betaald: %s [001 §2].", tekst ? tekst : "?", euro(a, getal));
	if (strcmp(soort, "verantwoord") == 0)
		return arena_printf(a, "Verantwoording over %" PRId64 " ingediend: %s aan werkelijke kosten [001 §5].",
				    store_int(r, i, STL_REF, 0), euro(a, getal));
	return soort;
}

/* The phase after all events, and its sentence. */
static void fase(struct arena *a, const struct aanvraagdossier *d, const struct store_rows *r, struct tijdlijn *t)
{
	bool besluit = false, opgesteld = false, bij_nza = false, beschikt = false, verleend = false;
	int64_t toegekend = 0, bovengrens = 0, betaald = 0, betaald_n = 0;
	const char *kenmerk = "";
	for (size_t i = 0; i < r->nrows; i++) {
		const char *soort = store_text(r, i, STL_SOORT);
		int64_t getal = store_int(r, i, STL_GETAL, 0);
		if (strcmp(soort, "bestuursbesluit") == 0)
			besluit = true, toegekend = getal;
		else if (strcmp(soort, "nza_opgesteld") == 0)
			opgesteld = true;
		else if (strcmp(soort, "nza_ingediend") == 0)
			bij_nza = true;
		else if (strcmp(soort, "beschikking") == 0) {
			beschikt = true;
			verleend = store_text(r, i, STL_TEKST) && strcmp(store_text(r, i, STL_TEKST), "verleend") == 0;
			bovengrens = getal;
			kenmerk = store_text(r, i, STL_TEKST2) ? store_text(r, i, STL_TEKST2) : "";
		} else if (strcmp(soort, "mijlpaal_betaald") == 0)
			betaald += getal, betaald_n++;
	}
	if (beschikt && !verleend) {
		t->fase = "afgewezen";
		t->fase_tekst = arena_printf(a, "Afgewezen door de NZa (beschikking %s) [001 §3].", kenmerk);
	} else if (beschikt && betaald_n > 0) {
		t->fase = "in_uitvoering";
		t->fase_tekst = arena_printf(a, "In uitvoering: %" PRId64 " mijlpa%s betaald, samen %s van de bovengrens van %s "
					     "[001 §2].", betaald_n, betaald_n == 1 ? "al" : "len", euro(a, betaald),
					     euro(a, bovengrens));
	} else if (beschikt) {
		t->fase = "beschikt";
		t->fase_tekst = arena_printf(a, "Beschikt: de NZa stelde de bovengrens vast op %s; de zorgverzekeraar betaalt "
					     "per bereikte mijlpaal [001 §2].", euro(a, bovengrens));
	} else if (bij_nza) {
		t->fase = "bij_nza";
		t->fase_tekst = "Bij de NZa: de tweezijdige aanvraag is ingediend en wacht op een beschikking [001 §3].";
	} else if (opgesteld) {
		t->fase = "ondertekening";
		t->fase_tekst = "De tweezijdige aanvraag aan de NZa wacht op de ondertekening door de coördinerende "
				"zorgverzekeraar en de penvoerder [001 §3].";
	} else if (besluit && toegekend > 0) {
		t->fase = "toegekend";
		t->fase_tekst = arena_printf(a, "Toegekend door het Bestuurlijk Overleg: %s. De coördinerende zorgverzekeraar "
					     "en de penvoerder vragen nu samen een beschikking aan bij de NZa [001 "
					     "\"Vervolgproces\"].", euro(a, toegekend));
	} else if (besluit) {
		t->fase = "niet_toegekend";
		t->fase_tekst = "Positief beoordeeld, maar het Bestuurlijk Overleg kende deze aanvraag geen geld toe: het "
				"budget ging naar andere aanvragen [001 \"Vervolgproces\"].";
	} else {
		static const char *const zinnen[] = {
			[AANVRAAG_CONCEPT] = "Concept: nog niet ingediend.",
			[AANVRAAG_INGEDIEND] = "Ingediend; de zorgverzekeraars beoordelen de aanvraag na de sluiting van de ronde "
					       "[002 §4.2].",
			[AANVRAAG_IN_BEOORDELING] = "Een van de twee zorgverzekeraars heeft geoordeeld; het oordeel van de "
						    "ander volgt [002 §4.2].",
			[AANVRAAG_INFORMATIE_GEVRAAGD] = "Een zorgverzekeraar vraagt om aanvullende informatie [002 §4.2].",
			[AANVRAAG_POSITIEF] = "Positief beoordeeld door beide zorgverzekeraars; het Bestuurlijk Overleg "
					      "beslist nog over de verdeling [001 \"Vervolgproces\"].",
			[AANVRAAG_NEGATIEF] = "Niet door beide zorgverzekeraars positief beoordeeld: de aanvraag gaat niet "
					      "verder [002 §4.2].",
		};
		t->fase = aanvraag_status_naam(d->status);
		t->fase_tekst = zinnen[d->status];
	}
}

rc_t aanvraag_tijdlijn(struct store *s, struct arena *arena, const struct principal *who, int64_t id,
		       struct tijdlijn *out, struct error *e)
{
	struct aanvraagdossier d;
	enum aanvraag_toegang toegang;
	rc_t rc = aanvraagdossier_open(s, arena, who, NULL, id, &d, &toegang, e);
	struct tijdlijn_ctx c = {.a = arena, .id = id};
	if (rc == RC_OK)
		rc = store_tx(s, STORE_READ, tijdlijn_tx, &c, e);
	if (rc != RC_OK)
		return rc;
	*out = (struct tijdlijn){.stappen = arena_alloc(arena, (c.r.nrows + 1) * sizeof *out->stappen)};
	if (!out->stappen)
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < c.r.nrows; i++) {
		const char *soort = store_text(&c.r, i, STL_SOORT);
		bool partij = strcmp(soort, "beoordeeld") == 0 || strcmp(soort, "ondertekend") == 0;
		bool besluit = strncmp(soort, "mijlpaal_", 9) == 0 || strcmp(soort, "beschikking") == 0;
		out->stappen[out->n++] = (struct tijdlijn_stap){
			.moment = store_text(&c.r, i, STL_MOMENT), .soort = soort, .wat = wat(arena, &c.r, i),
			.door = store_text(&c.r, i, STL_DOOR),
			.organisatie_id = partij ? store_int(&c.r, i, STL_REF, 0) : 0,
			.beschikking_id = besluit ? store_int(&c.r, i, STL_REF, 0) : 0,
		};
	}
	fase(arena, &d, &c.r, out);
	return RC_OK;
}

json_t *tijdlijn_json(const struct tijdlijn *t)
{
	json_t *l = json_array();
	for (size_t i = 0; l && i < t->n; i++) {
		const struct tijdlijn_stap *s = &t->stappen[i];
		json_t *j = json_pack("{s:s, s:s, s:s}", "moment", s->moment ? s->moment : "", "soort", s->soort, "wat", s->wat);
		if (!j)
			continue;
		json_zet_tekst(j, "door", s->door);
		if (s->organisatie_id)
			json_object_set_new(j, "organisatie_id", json_integer((json_int_t)s->organisatie_id));
		if (s->beschikking_id)
			json_object_set_new(j, "beschikking_id", json_integer((json_int_t)s->beschikking_id));
		json_array_append_new(l, j);
	}
	return json_pack("{s:s, s:s, s:o}", "fase", t->fase, "fase_tekst", t->fase_tekst, "stappen", l ? l : json_array());
}
