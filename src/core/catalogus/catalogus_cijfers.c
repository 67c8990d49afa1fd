/*
 * catalogus_cijfers.c -- the rules for impact bars, the AZWA ambition
 * and the Gupta reference figures (docs/catalogus.md §4, O1-O3, with the
 * references and enumerations of those parts: G10, G11).
 *
 * The ambition's fte per EUR 1 mln is recomputed in integers with
 * round-half-up, exactly as the format prescribes; no floating point.
 */
#include <stdio.h>
#include <string.h>

#include "core/catalogus/catalogus_intern.h"
#include "core/basis/bedrag.h"

static const char *const categorieen[] = {"fundament", "minder-tijd", "minder-zorg", NULL};
static const char *const schaalbaarheden[] = {"volledig-schaalbaar", "goed-schaalbaar",
	"vereist-enige-aanpassing", "deels-schaalbaar", "niet-schaalbaar", NULL};

/* O1 and the chosen bar's reference. */
static void impactlatten(struct cv *c)
{
	size_t i;
	json_t *lat;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	json_array_foreach(cv_lijst(c->cat, "impactlatten"), i, lat) {
		int64_t fte;
		if (cv_geheel(lat, "fte_per_miljoen_milli", &fte) && fte == 0)
			cv_fout(c, cv_pad(q, cv_pad_i(p, "/impactlatten", i), "fte_per_miljoen_milli"),
				"impactlat_ongeldig", BRON_IMPACT,
				"Een impactlat van 0 fte per EUR 1 mln zegt niets; geef een waarde boven 0.");
	}
	cv_verwijzing(c, c->impactlatten, c->cat, "gekozen_impactlat_id", "", "impactlat");
}

/* O2: the ambition's amount equals the fund, and its fte per EUR 1 mln
 * is 1000 x round-half-up(fte x 10^8 / cent). */
static void ambitie(struct cv *c)
{
	json_t *a = cv_object(c->cat, "ambitie");
	int64_t cent, totaal, fte, milli;
	char x[40], y[40];
	if (!cv_geheel(a, "doorbraakmiddelen_cent", &cent))
		return;
	if (cv_geheel(cv_object(c->cat, "fonds"), "totaal_bedrag_cent", &totaal) && cent != totaal)
		cv_fout(c, "/ambitie/doorbraakmiddelen_cent", "ambitie_inconsistent", BRON_IMPACT,
			"De ambitie rekent met %s, maar het fonds is %s; maak ze gelijk.",
			bedrag_tekst(cent, x, sizeof x), bedrag_tekst(totaal, y, sizeof y));
	if (cent <= 0 || !cv_geheel(a, "arbeidsbesparing_fte", &fte) ||
	    !cv_geheel(a, "fte_per_miljoen_milli", &milli))
		return;
	int64_t teller, noemer, q, verwacht;
	bool over = __builtin_mul_overflow(fte, (int64_t)200000000, &teller) ||
		    __builtin_add_overflow(teller, cent, &teller) ||
		    __builtin_mul_overflow(cent, (int64_t)2, &noemer);
	if (!over) {
		q = teller / noemer;
		over = __builtin_mul_overflow(q, (int64_t)1000, &verwacht);
	}
	if (over)
		cv_fout(c, "/ambitie/fte_per_miljoen_milli", "ambitie_inconsistent", BRON_IMPACT,
			"De fte-besparing per EUR 1 mln is niet te berekenen binnen 64 bits.");
	else if (milli != verwacht)
		cv_fout(c, "/ambitie/fte_per_miljoen_milli", "ambitie_inconsistent", BRON_IMPACT,
			"fte_per_miljoen_milli is %lld, maar %lld fte voor %s geeft afgerond %lld "
			"(x 1000).", (long long)milli, (long long)fte, bedrag_tekst(cent, x, sizeof x), (long long)verwacht);
}

/* O3 for one figure object at `ptr` with bounds min_<unit>/max_<unit>. */
static void cijfer(struct cv *c, json_t *o, const char *unit, const char *ptr)
{
	if (!o)
		return;
	char kmin[16], kmax[16];
	snprintf(kmin, sizeof kmin, "min_%s", unit);
	snprintf(kmax, sizeof kmax, "max_%s", unit);
	json_t *tekst = json_object_get(o, "waarde_tekst");
	json_t *vmin = json_object_get(o, kmin), *vmax = json_object_get(o, kmax);
	if (json_is_null(tekst) && (json_is_integer(vmin) || json_is_integer(vmax)))
		cv_fout(c, ptr, "referentiecijfer_inconsistent", BRON_IMPACT,
			"waarde_tekst is null maar er staat een grens; zonder gedrukte waarde zijn "
			"%s en %s null.", kmin, kmax);
	if (json_is_integer(vmin) && json_is_integer(vmax) &&
	    json_integer_value(vmin) > json_integer_value(vmax))
		cv_fout(c, ptr, "referentiecijfer_inconsistent", BRON_IMPACT,
			"%s is groter dan %s; draai ze om.", kmin, kmax);
}

/* O3 and G10, G11 for the Gupta themes. */
static void gupta_themas(struct cv *c, json_t *ref)
{
	static const char *const geld[] = {"investering_eenmalig_wachtrij",
		"investering_eenmalig_landelijk", "structurele_kosten_per_jaar"};
	size_t i;
	json_t *t;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	json_array_foreach(cv_lijst(ref, "gupta_themas"), i, t) {
		cv_pad_i(p, "/referentiecijfers/gupta_themas", i);
		cv_enum_veld(c, t, "categorie", categorieen, p);
		int64_t route;
		if (cv_geheel(t, "route", &route) && (route < 1 || route > 7))
			cv_fout(c, cv_pad(q, p, "route"), "waarde_ongeldig", NULL,
				"route %lld bestaat niet; gebruik 1 tot en met 7 of null.", (long long)route);
		cv_verwijzingen(c, c->themas, cv_lijst(t, "azwa_thema_ids"),
				cv_pad(q, p, "azwa_thema_ids"), "thema");
		cijfer(c, cv_object(t, "fte_per_miljoen"), "milli", cv_pad(q, p, "fte_per_miljoen"));
		for (size_t k = 0; k < sizeof geld / sizeof geld[0]; k++)
			cijfer(c, cv_object(t, geld[k]), "cent", cv_pad(q, p, geld[k]));
	}
}

/* O3 and G10, G11 for the transformation plans. */
static void transformatieplannen(struct cv *c, json_t *ref)
{
	json_t *tfp = cv_object(ref, "transformatieplannen");
	json_t *plannen = cv_lijst(tfp, "plannen");
	const char *base = "/referentiecijfers/transformatieplannen";
	int64_t genoemd, opgenomen;
	char p[CV_PTR_MAX], q[CV_PTR_MAX];
	if (plannen && cv_geheel(tfp, "aantal_opgenomen", &opgenomen) &&
	    opgenomen != (int64_t)json_array_size(plannen))
		cv_fout(c, cv_pad(p, base, "aantal_opgenomen"), "referentiecijfer_inconsistent",
			BRON_IMPACT, "aantal_opgenomen is %lld, maar de lijst bevat %zu plannen.",
			(long long)opgenomen, json_array_size(plannen));
	else if (plannen && cv_geheel(tfp, "aantal_genoemd", &genoemd) &&
		 (int64_t)json_array_size(plannen) > genoemd)
		cv_fout(c, cv_pad(p, base, "aantal_genoemd"), "referentiecijfer_inconsistent",
			BRON_IMPACT, "Er zijn meer plannen opgenomen (%zu) dan de bron noemt (%lld).",
			json_array_size(plannen), (long long)genoemd);
	size_t i;
	json_t *pl;
	json_array_foreach(plannen, i, pl) {
		cv_pad_i(p, cv_pad(q, base, "plannen"), i);
		cv_enum_veld(c, pl, "categorie", categorieen, p);
		cv_enum_veld(c, pl, "schaalbaarheid_id", schaalbaarheden, p);
		cv_verwijzingen(c, c->gupta, cv_lijst(pl, "gupta_thema_ids"),
				cv_pad(q, p, "gupta_thema_ids"), "Gupta-thema");
		json_t *fte = json_object_get(pl, "fte_per_miljoen_milli");
		const char *tekst = cv_tekst(pl, "fte_waarde_tekst");
		if (tekst && (json_is_null(fte) || json_is_integer(fte)) &&
		    json_is_null(fte) != (tekst[0] == '\0'))
			cv_fout(c, cv_pad(q, p, "fte_per_miljoen_milli"), "referentiecijfer_inconsistent",
				BRON_IMPACT, "fte_per_miljoen_milli is null precies wanneer "
				"fte_waarde_tekst leeg is (een lege cel in de bron).");
	}
}

void cv_regels_overig(struct cv *c)
{
	impactlatten(c);
	ambitie(c);
	json_t *ref = cv_object(c->cat, "referentiecijfers");
	gupta_themas(c, ref);
	transformatieplannen(c, ref);
}
