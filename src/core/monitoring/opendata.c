/*
 * opendata.c -- every honoured plan as open data: the Woo (Wet open
 * overheid) asks government to publish its decisions actively. Business
 * data only: the project, its lead organisation, where and what, the upper
 * bound, milestones and fte -- never a person's name (docs/monitoring.md §5).
 * The same rows are served as JSON and CSV at stable addresses, with a
 * description of every column in the spirit of DCAT-AP-NL.
 */
#include "core/monitoring/monitoring_intern.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/basis/antwoordcache.h"
#include "core/basis/bedrag.h"
#include "core/basis/csv.h"
#include "core/basis/json.h"

const struct opendata_kolom opendata_kolommen[] = {
	{"kenmerk", "Kenmerk", "string", "Kenmerk van de beschikking van de NZa."},
	{"titel", "Titel", "string", "Titel van het plan zoals de coalitie die gaf."},
	{"penvoerder", "Penvoerder", "string", "Naam van de organisatie die het plan namens de coalitie indiende."},
	{"regio", "Regio", "string", "Regio waarin het plan wordt uitgevoerd (leeg als het plan geen regio noemt)."},
	{"thema", "Thema", "string", "Thema van de doorbraakmiddelen (catalogus)."},
	{"toepassingsgebied", "Toepassingsgebied", "string", "Toepassingsgebied van het modelplan (catalogus)."},
	{"datum_beschikking", "Datum beschikking", "date", "Datum waarop de NZa de beschikking nam (JJJJ-MM-DD)."},
	{"bovengrens_cent", "Bovengrens in centen", "integer",
	 "Bovengrens van de beschikking in eurocenten: het hoogste bedrag dat aan het project wordt betaald."},
	{"bovengrens_euro", "Bovengrens in euro", "decimal", "Dezelfde bovengrens in euro met twee decimalen (punt)."},
	{"mijlpalen", "Mijlpalen", "integer", "Aantal mijlpalen in de beschikking."},
	{"mijlpalen_bereikt", "Mijlpalen bereikt", "integer", "Aantal mijlpalen dat de penvoerder als bereikt meldde."},
	{"fte_toegezegd", "Fte toegezegd", "decimal",
	 "Arbeidsbesparing in fte bij volledige opschaling volgens de aanvraag (drie decimalen, punt)."},
	{"fte_gerealiseerd", "Fte gerealiseerd", "decimal",
	 "Gerealiseerde arbeidsbesparing in fte volgens de nieuwste voortgangsrapportage (leeg: nog geen)."},
	{"laatste_rapportage", "Laatste rapportage", "string", "Periode van de nieuwste voortgangsrapportage, zoals 2027-K2."},
};
const size_t opendata_kolom_aantal = sizeof opendata_kolommen / sizeof opendata_kolommen[0];

static json_t *decimaal(int64_t waarde, int decimalen)
{
	char b[48];
	int64_t deler = decimalen == 2 ? 100 : 1000;
	int64_t abs = waarde < 0 ? -waarde : waarde;
	snprintf(b, sizeof b, "%s%" PRId64 ".%0*" PRId64, waarde < 0 ? "-" : "", abs / deler, decimalen, abs % deler);
	return json_string(b);
}

rc_t opendata_plannen(struct store *s, struct arena *a, json_t **out, struct error *e)
{
	struct monitoring_stand st;
	rc_t rc = monitoring_stand_lees(s, a, &st, e);
	if (rc != RC_OK)
		return rc;
	json_t *l = json_array();
	for (size_t i = 0; l && i < st.project_aantal; i++) {
		const struct monitoring_project *p = &st.projecten[i];
		const struct monitoring_rapport *r = p->rapport_aantal ? &p->rapporten[p->rapport_aantal - 1] : NULL;
		char datum[11];
		snprintf(datum, sizeof datum, "%.10s", p->genomen_op ? p->genomen_op : "");
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:o, s:I, s:I, s:o}",
			"kenmerk", p->kenmerk, "titel", p->titel, "penvoerder", p->penvoerder_naam, "regio", p->regio,
			"thema", p->thema, "toepassingsgebied", p->gebied, "datum_beschikking", datum,
			"bovengrens_cent", (json_int_t)p->bovengrens_cent, "bovengrens_euro", decimaal(p->bovengrens_cent, 2),
			"mijlpalen", (json_int_t)p->mijlpaal_aantal, "mijlpalen_bereikt", (json_int_t)p->bereikt,
			"fte_toegezegd", decimaal(p->fte_toegezegd_milli, 3));
		if (o) {
			json_object_set_new(o, "fte_gerealiseerd", r ? decimaal(r->fte_milli, 3) : json_null());
			json_object_set_new(o, "laatste_rapportage", r ? json_string(r->periode) : json_null());
		}
		json_array_append_new(l, o);
	}
	*out = l;
	return l ? RC_OK : error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
}

void opendata_csv(FILE *f, json_t *plannen)
{
	for (size_t k = 0; k < opendata_kolom_aantal; k++) {
		if (k)
			fputc(';', f);
		csv_veld(f, opendata_kolommen[k].naam);
	}
	fputs("\r\n", f);
	size_t i;
	json_t *rij;
	json_array_foreach(plannen, i, rij) {
		for (size_t k = 0; k < opendata_kolom_aantal; k++) {
			json_t *v = json_object_get(rij, opendata_kolommen[k].naam);
			if (k)
				fputc(';', f);
			if (json_is_integer(v))
				fprintf(f, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
			else
				csv_veld(f, json_string_value(v));
		}
		fputs("\r\n", f);
	}
}

/* The rendered answers, kept while the database does not change. */
static struct antwoordcache antwoorden = ANTWOORDCACHE(16u * 1024u * 1024u);

static rc_t plannen_maak(void *ctx, struct arena *a, json_t **uit, int64_t *vanaf_us, struct error *e)
{
	json_t *l = NULL;
	*vanaf_us = 0;
	rc_t rc = opendata_plannen(ctx, a, &l, e);
	*uit = rc == RC_OK ? json_pack("{s:o}", "plannen", l) : NULL;
	return rc == RC_OK && !*uit ? error_set(e, RC_NOMEM, "Onvoldoende geheugen.") : rc;
}

rc_t opendata_plannen_tekst(struct store *s, struct arena *a, const char **tekst, size_t *lengte, struct error *e)
{
	return antwoordcache_antwoord(&antwoorden, s, "open-data/plannen", 0, plannen_maak, s, "De open data", a, tekst,
				      lengte, e);
}

json_t *opendata_beschrijving(void)
{
	json_t *kol = json_array();
	for (size_t i = 0; kol && i < opendata_kolom_aantal; i++)
		json_array_append_new(kol, json_pack("{s:s, s:s, s:s, s:s}", "naam", opendata_kolommen[i].naam, "titel",
			opendata_kolommen[i].titel, "type", opendata_kolommen[i].type, "beschrijving",
			opendata_kolommen[i].beschrijving));
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:[s,s], s:[{s:s, s:s, s:s}, {s:s, s:s, s:s}], s:o}",
		"titel", "Gehonoreerde plannen doorbraakmiddelen",
		"beschrijving", "Alle plannen waarvoor de NZa een beschikking verleende, met bovengrens, mijlpalen en "
				"arbeidsbesparing. Actief openbaar gemaakt (Wet open overheid); zonder persoonsgegevens.",
		"uitgever", "Programmabureau doorbraakmiddelen (VWS)",
		"licentie", "http://creativecommons.org/publicdomain/zero/1.0/deed.nl",
		"taal", "http://publications.europa.eu/resource/authority/language/NLD",
		"actualisatie", "Bij elke opvraging (de stand van het moment)",
		"bronnen", "[003 MTR]", "[004 \"Monitoring en bijsturing\"]",
		"distributies",
		"formaat", "JSON", "mediatype", "application/json", "adres", "/api/v1/open-data/plannen",
		"formaat", "CSV", "mediatype", "text/csv", "adres", "/api/v1/open-data/plannen.csv",
		"kolommen", kol ? kol : json_array());
}
