/*
 * demo_monitoring.c -- demo progress reports on the demo chain's granted
 * projects (docs/monitoring.md §8), in every state on DEMO_PEILDATUM: one
 * on track, one behind (fte and spending), one whose later reports are
 * missing, one with a second version of a report; one signal acknowledged.
 * Made through the core with the chain's simulated clock.
 */
#include "core/demo/demo.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/monitoring/monitoring_intern.h"

/* Quarter `q` (0 = 2027-K1) of project `p`'s report, with fte and spending
 * at `procent` % of plan. */
static rc_t rapporteer(struct store *s, const struct principal *penvoerder, struct klok *klok, int64_t *nu,
		       const struct monitoring_stand *st, const struct monitoring_project *p, size_t q, int procent,
		       const char *bijsturing, struct error *e)
{
	const struct monitoring_periode *per = &st->perioden[q];
	*nu = (per->inleveren_voor - 10) * 86400 * KLOK_US_PER_S + 36000 * KLOK_US_PER_S;
	int64_t fte = monitoring_fte_plan(p, per->tot + 1) * procent / 100;
	int64_t geld = monitoring_geld_plan(p, per) / 100 * procent;
	json_t *mijlpalen = json_array(), *kpis = json_array();
	for (size_t k = 0; k < p->mijlpaal_aantal; k++) {
		bool bereikt = p->mijlpalen[k].gemeld;
		bool te_laat = !bereikt && p->mijlpalen[k].streefdag < per->tot;
		json_t *m = json_pack("{s:s, s:s}", "id", p->mijlpalen[k].id,
				      "status", bereikt ? "bereikt" : te_laat ? "vertraagd" : "op_schema");
		if (te_laat)
			json_object_set_new(m, "toelichting", json_string("Demo: de koppeling met het EPD loopt vertraging op."));
		json_array_append_new(mijlpalen, m);
		if (bereikt)
			json_array_append_new(kpis, json_pack("{s:s, s:s}", "kpi", p->mijlpalen[k].id, "waarde",
							      procent >= 90 ? "Gehaald volgens meetplan" : "Deels gehaald"));
	}
	json_t *body = json_pack("{s:s, s:o, s:o, s:I, s:b, s:I, s:[{s:s, s:s}], s:s}", "periode", per->code,
		"mijlpalen", mijlpalen, "kpis", kpis, "fte_gerealiseerd_milli", (json_int_t)fte, "meetmethode_gevolgd", 1,
		"besteed_cent", (json_int_t)geld, "risicos", "omschrijving", "Demo: uitval van sleutelgebruikers.",
		"maatregel", "Demo: extra superusers per team opgeleid.", "bijsturing", bijsturing);
	struct arena a;
	arena_init(&a, ARENA_DOSSIER_BYTES);
	json_t *uit = NULL;
	rc_t rc = projectvoortgang_voeg_toe(s, penvoerder, klok, p->beschikking_id, body, &a, &uit, e);
	json_decref(uit);
	json_decref(body);
	arena_release(&a);
	return rc;
}

rc_t monitoring_demo_laad(struct store *s, const struct principal *penvoerder, const struct principal *verzekeraars,
			  const int64_t *beschikkingen, size_t n, struct error *e)
{
	struct arena a;
	arena_init(&a, ARENA_REKENEN_BYTES);
	struct monitoring_stand st;
	int64_t nu = 0;
	struct klok klok;
	klok_vast(&klok, &nu);
	rc_t rc = monitoring_stand_lees(s, &a, &st, e);
	for (size_t i = 0; rc == RC_OK && i < n && i < 4; i++) {
		const struct monitoring_project *p = NULL;
		for (size_t k = 0; k < st.project_aantal; k++)
			if (st.projecten[k].beschikking_id == beschikkingen[i])
				p = &st.projecten[k];
		if (!p)
			continue;
		/* 0: on track through 2028-K2; 1: behind; 2: stops after 2027-K2; 3: on track, 2027-K1 twice */
		size_t tot = i == 2 ? 2 : 6;
		for (size_t q = 0; rc == RC_OK && q < tot && q < st.periode_aantal; q++)
			rc = rapporteer(s, penvoerder, &klok, &nu, &st, p, q, i == 1 ? 50 : 100,
					i == 1 ? "Demo: extra implementatiecoach ingezet; planning met de verzekeraar herzien."
					       : "Geen bijsturing nodig.", e);
		if (rc == RC_OK && i == 3)
			rc = rapporteer(s, penvoerder, &klok, &nu, &st, p, 0, 100,
					"Demo: correctie van de besteding over het eerste kwartaal.", e);
	}
	arena_release(&a);
	/* the coordinating insurer acknowledges the behind project's signal */
	if (rc == RC_OK && n > 1) {
		int64_t peildag = 0;
		klok_datum_lees(DEMO_PEILDATUM, &peildag);
		arena_init(&a, ARENA_REKENEN_BYTES);
		json_t *body = json_pack("{s:I, s:s, s:s}", "beschikking_id", (json_int_t)beschikkingen[1], "sleutel",
					 "fte_achter/2028-K2", "notitie",
					 "Demo: besproken met de penvoerder; herzien plan ontvangen, volgend kwartaal opnieuw bekijken.");
		json_t *uit = NULL;
		nu = peildag * 86400 * KLOK_US_PER_S;
		rc = signaal_erken(s, &verzekeraars[1], &klok, peildag, body, &a, &uit, e);
		if (rc == RC_NOT_FOUND) {   /* no such signal: nothing to acknowledge */
			*e = (struct error){0};
			rc = RC_OK;
		}
		json_decref(uit);
		json_decref(body);
		arena_release(&a);
	}
	return rc;
}
