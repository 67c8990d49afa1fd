/*
 * besluitbrief.c -- the head, signing and objection clause of a decision.
 * See besluitbrief.h.
 */
#include "core/basis/besluitbrief.h"

#include <string.h>

static const float KOLOM_KOP[] = {150, 345};

void besluitbrief_kop(struct document *d, const struct besluitbrief_kop *k)
{
	const char *datum = document_datum(d->a, k->moment);
	document_voeg(d, BLOK_ALINEA, NULL, 1, k->afzender);
	document_voeg(d, BLOK_RIJ, KOLOM_KOP, 2, "Aan", arena_printf(d->a, "%s%s%s%s%s", k->aan,
		      k->aan_rol ? ", " : "", k->aan_rol ? k->aan_rol : "", k->aan_plaats ? ", " : "",
		      k->aan_plaats ? k->aan_plaats : ""));
	if (k->afschrift)
		document_voeg(d, BLOK_RIJ, KOLOM_KOP, 2, "Afschrift aan", k->afschrift);
	document_voeg(d, BLOK_RIJ, KOLOM_KOP, 2, "Datum", k->afzender_plaats
		      ? arena_printf(d->a, "%s, %s", k->afzender_plaats, datum) : datum);
	document_voeg(d, BLOK_RIJ, KOLOM_KOP, 2, "Kenmerk", k->kenmerk);
	document_voeg(d, BLOK_RIJ, KOLOM_KOP, 2, "Onderwerp", k->onderwerp);
	document_voeg(d, BLOK_ALINEA, NULL, 1, "Geachte heer, mevrouw,");
}

void besluitbrief_ondertekening(struct document *d, const char *orgaan, const char *naam, const char *functie,
				const char *wie)
{
	document_voeg(d, BLOK_ALINEA, NULL, 1, "Hoogachtend,");
	document_voeg(d, BLOK_ALINEA, NULL, 1, arena_printf(d->a, "%s, namens deze,", orgaan));
	if (naam)
		document_voeg(d, BLOK_ALINEA, NULL, 1, functie ? arena_printf(d->a, "%s, %s", naam, functie) : naam);
	else
		document_voeg(d, BLOK_ALINEA, NULL, 1, arena_printf(d->a, "(genomen door %s)", wie ? wie : "onbekend"));
}

void besluitbrief_bezwaar(struct document *d, const char *orgaan, const char *plaats)
{
	document_voeg(d, BLOK_KOP, NULL, 1, "Bezwaar");
	document_voeg(d, BLOK_ALINEA, NULL, 1, arena_printf(d->a,
		"Bent u het niet eens met dit besluit? Dan kunt u daartegen bezwaar maken bij %s%s%s. Dat doet u "
		"binnen zes weken na de dag waarop dit besluit bekend is gemaakt (artikelen 6:7 en 6:8 van de "
		"Algemene wet bestuursrecht). Uw bezwaarschrift is ondertekend en bevat ten minste uw naam en "
		"adres, de datum, een omschrijving van het besluit waartegen u bezwaar maakt (vermeld het "
		"kenmerk) en de redenen van uw bezwaar (artikel 6:5 van de Algemene wet bestuursrecht). Bezwaar "
		"schorst de werking van dit besluit niet.", orgaan, plaats ? " te " : "", plaats ? plaats : ""));
}
