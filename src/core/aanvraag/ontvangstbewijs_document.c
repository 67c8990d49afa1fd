/*
 * ontvangstbewijs_document.c -- the receipt of a submitted version as a
 * PDF to keep (issue 18, docs/documenten.md): what was received, from
 * whom, when in Dutch time, the hash of the content and how anyone can
 * check it. See indiening.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/aanvraag/indiening.h"
#include "core/aanvraag/indieningsronde.h"
#include "core/basis/document.h"
#include "core/toegang/namen.h"
#include "core/toegang/organisatie.h"

static const float KOLOM_2[] = {150, 345};

rc_t ontvangstbewijs_pdf(struct store *s, struct arena *a, const struct aanvraagdossier *d,
			 const struct indiening_versie *v, const unsigned char **pdf, size_t *len, struct error *e)
{
	struct indieningsronde ronde;
	struct organisatie penvoerder;
	const char *naam = NULL, *functie = NULL;
	rc_t rc = indieningsronde_lees(s, a, v->ronde_id, &ronde, e);
	if (rc == RC_OK)
		rc = organisatie_lees(s, a, d->penvoerder_id, &penvoerder, e);
	if (rc == RC_OK)
		rc = namen_persoon(s, a, v->ingediend_door, &naam, &functie, e);
	if (rc != RC_OK)
		return rc;
	struct ontvangstbewijs b;
	indiening_ontvangstbewijs(v, &b);
	json_t *bewijs = ontvangstbewijs_json(&b);
	char *bewijs_tekst = bewijs ? json_dumps(bewijs, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(bewijs);
	const char *json = bewijs_tekst ? arena_strdup(a, bewijs_tekst) : NULL;
	free(bewijs_tekst);
	struct document doc;
	if (!json || !document_begin(&doc, a, 48))
		return error_set(e, RC_NOMEM, "Onvoldoende geheugen.");
	document_voeg(&doc, BLOK_TITEL, NULL, 1, "Ontvangstbewijs aanvraag doorbraakmiddelen");
	document_voeg(&doc, BLOK_ALINEA, NULL, 1, "doorbraak, de administratie van de AZWA-doorbraakmiddelen, "
		      "bevestigt de ontvangst van deze aanvraag.");
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "Aanvraag", d->titel ? d->titel : "(zonder titel)");
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "Aanvraagnummer", arena_printf(a, "%" PRId64, d->id));
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "Penvoerder", penvoerder.plaats
		      ? arena_printf(a, "%s, %s", penvoerder.naam, penvoerder.plaats) : penvoerder.naam);
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "Ingediend door", naam
		      ? (functie ? arena_printf(a, "%s, %s", naam, functie) : naam) : v->ingediend_door);
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "Indieningsronde", arena_printf(a, "%s (sluit %s)", ronde.naam,
		      document_moment(a, ronde.sluit_op)));
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "Ontvangen op", document_moment(a, v->ingediend_op));
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "Versie", arena_printf(a, "%" PRId64 "%s", v->versie,
		      v->versie > 1 ? " (een nieuwe versie vervangt de vorige niet: elke versie blijft bewaard)" : ""));
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "Route", strcmp(v->route, "licht") == 0
		      ? "licht: conform het modelplan [002 §4.2]" : "verdiept: met afwijkingen van het modelplan [002 §4.2]");
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "Omvang", arena_printf(a, "%" PRId64 " bytes", v->grootte_bytes));
	document_voeg(&doc, BLOK_RIJ, KOLOM_2, 2, "SHA-256 van de inhoud", arena_printf(a, "%.32s %.32s", v->sha256,
		      strlen(v->sha256) > 32 ? v->sha256 + 32 : ""));
	document_voeg(&doc, BLOK_KOP, NULL, 1, "Wat dit bewijs zegt");
	document_voeg(&doc, BLOK_ALINEA, NULL, 1, "Het moment van ontvangst is dat van de server, niet van uw computer: "
		      "er is één indienmoment en na de sluiting van de ronde wordt niets meer aangenomen [001 "
		      "\"Vervolgproces\"]. De hash hoort bij precies de inhoud die is ontvangen: wie die inhoud "
		      "verandert, krijgt een andere hash.");
	document_voeg(&doc, BLOK_KOP, NULL, 1, "Zo controleert u het");
	document_voeg(&doc, BLOK_ALINEA, NULL, 1, "Stuur het ontvangstbewijs hieronder als JSON naar POST "
		      "/api/v1/ontvangstbewijzen/verificaties (openbaar), of gebruik de opdracht "
		      "'doorbraak aanvraag verifieer'. Het antwoord zegt alleen of deze versie met dit moment en "
		      "deze hash zo is ontvangen en nog ongewijzigd is bewaard.");
	document_voeg(&doc, BLOK_ALINEA, NULL, 1, json);
	if (doc.vol)
		return error_set(e, RC_INTERNAL, "Het document heeft te veel onderdelen.");
	return document_pdf(&doc, arena_printf(a, "Ontvangstbewijs aanvraag %" PRId64 " versie %" PRId64, d->id, v->versie),
			    "doorbraak", pdf, len, e);
}
