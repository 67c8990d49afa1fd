/*
 * routes.c -- the route table, as data, and path matching.
 *
 * Every route of the API is one row here: method, path pattern, handler,
 * the roles allowed, the largest body accepted and the query parameters
 * accepted (anything else is refused). The OpenAPI document in
 * api/openapi.json must describe exactly these routes; a unit test
 * checks that.
 */
#include "core/bijlage/bijlage.h"
#include "api/http.h"

#include <stdio.h>
#include <string.h>

#define KIB 1024u

/* Who reads applications: the coalition (providers, municipalities taking
 * part), the two insurers, the auditor; the core decides per object. */
#define AANVRAAG_LEZERS (ROL_AANVRAGER | ROL_GEMEENTE | ROL_BEOORDELAAR | ROL_AUDITOR)

/* Who reads the board's scenarios and decisions: the board, the programme
 * office, the auditor (NZa reads the decisions too). */
#define SCENARIO_LEZERS (ROL_BESTUUR | ROL_PROGRAMMABUREAU | ROL_AUDITOR)
/* Who reads joint requests (the two insurers, the lead, NZa once
 * submitted, the board and the programme office that steer the totals
 * [001 "Vervolgproces"], the auditor), decisions (also the coalition and
 * the Zorginstituut) and the ledger (insurers: their own projects). */
#define NZA_LEZERS (ROL_AANVRAGER | ROL_BEOORDELAAR | ROL_NZA | ROL_BESTUUR | ROL_PROGRAMMABUREAU | ROL_AUDITOR)
#define BESCHIKKING_LEZERS (ROL_AANVRAGER | ROL_GEMEENTE | ROL_BEOORDELAAR | ROL_NZA | \
			    ROL_ZORGINSTITUUT | ROL_BESTUUR | ROL_PROGRAMMABUREAU | ROL_AUDITOR)
/* The statements, judgements and settlements after the payment
 * (docs/verantwoording.md): an insurer its own, the others all of them. */
#define JAARSTAAT_LEZERS (ROL_BEOORDELAAR | ROL_NZA | ROL_ZORGINSTITUUT | ROL_AUDITOR | ROL_BESTUUR | \
			  ROL_PROGRAMMABUREAU)
/* Who reads the work agendas of the social domain: the municipalities, the
 * assessors of VNG and ZN, VWS, the programme office, the board, the
 * auditor; the core hides concepts outside one's own region. */
#define WERKAGENDA_LEZERS (ROL_GEMEENTE | ROL_BEOORDELAAR | ROL_VWS | ROL_PROGRAMMABUREAU | ROL_BESTUUR | \
			   ROL_AUDITOR)
/* Who reads the SPUK's allocations and decisions: VWS, the programme
 * office, the board, the auditor (a municipality its own decisions). */
/* Who sees every project's monitoring and the programme's dashboard [003 MTR]. */
#define MONITORING_LEZERS (ROL_BESTUUR | ROL_PROGRAMMABUREAU | ROL_VWS | ROL_NZA | ROL_ZORGINSTITUUT | ROL_AUDITOR)
#define SPUK_LEZERS (ROL_VWS | ROL_PROGRAMMABUREAU | ROL_BESTUUR | ROL_AUDITOR)
#define GROOTBOEK_LEZERS (ROL_NZA | ROL_PROGRAMMABUREAU | ROL_BESTUUR | ROL_ZORGINSTITUUT | \
			  ROL_AUDITOR | ROL_BEOORDELAAR)

const struct route routes[] = {
	{"GET", API_BASE "/status", status_get, ROL_PUBLIEK, 0, NULL, false},
	{"GET", API_BASE "/openapi.json", openapi_get, ROL_PUBLIEK, 0, NULL, false},
	/* The catalogue (docs/catalogus.md): public reads, publishing by the programme office. */
	{"GET", API_BASE "/fondsen", catalogus_fondsen, ROL_PUBLIEK, 0, "catalogusversie:id", false},
	{"GET", API_BASE "/themas", catalogus_themas, ROL_PUBLIEK, 0, "catalogusversie:id,formaat", false},
	{"GET", API_BASE "/toepassingsgebieden", catalogus_toepassingsgebieden, ROL_PUBLIEK, 0,
	 "catalogusversie:id,thema,sector", false},
	{"GET", API_BASE "/basiseisen", catalogus_basiseisen, ROL_PUBLIEK, 0, "catalogusversie:id,geldtVoor,formaat", false},
	{"GET", API_BASE "/modelplannen", catalogus_modelplannen, ROL_PUBLIEK, 0,
	 "catalogusversie:id,toepassingsgebied", false},
	{"GET", API_BASE "/modelplannen/{id}", catalogus_modelplan_get, ROL_PUBLIEK, 0,
	 "catalogusversie:id,versie:id", false},
	{"POST", API_BASE "/modelplannen/{id}/versies", catalogus_modelplanversie_post,
	 ROL_PROGRAMMABUREAU, 4096 * KIB, NULL, false},
	{"GET", API_BASE "/impactlatten", catalogus_impactlatten, ROL_PUBLIEK, 0, "catalogusversie:id", false},
	{"GET", API_BASE "/basisfunctionaliteiten", catalogus_basisfunctionaliteiten, ROL_PUBLIEK, 0,
	 "catalogusversie:id", false},
	{"GET", API_BASE "/referentiecijfers", catalogus_referentiecijfers, ROL_PUBLIEK, 0,
	 "catalogusversie:id", false},
	{"GET", API_BASE "/catalogusversies", catalogus_versies_get, ROL_PUBLIEK, 0, NULL, false},
	{"POST", API_BASE "/catalogusversies", catalogus_versie_post, ROL_PROGRAMMABUREAU, 4096 * KIB,
	 NULL, false},
	{"GET", API_BASE "/catalogusversies/{versie}", catalogus_versie_get, ROL_PUBLIEK, 0, NULL, false},
	/* Parties, accounts and access (docs/toegang.md). */
	{"POST", API_BASE "/sessies", sessies_login, ROL_PUBLIEK, 4 * KIB, NULL, false},
	{"GET", API_BASE "/sessies/huidig", sessies_huidig, ROL_INGELOGD, 0, NULL, false},
	{"DELETE", API_BASE "/sessies/huidig", sessies_logout, ROL_INGELOGD, 0, NULL, false},
	{"GET", API_BASE "/organisaties", organisaties_lijst, ROL_INGELOGD, 0,
	 "zoek,soort,na:getal,limiet:id,formaat", false},
	{"POST", API_BASE "/organisaties", organisaties_maak, ROL_BEHEERDER, 8 * KIB, NULL, false},
	{"GET", API_BASE "/organisaties/{id}", organisaties_lees, ROL_INGELOGD, 0, NULL, false},
	{"GET", API_BASE "/gebruikers", gebruikers_lijst, ROL_BEHEERDER | ROL_AUDITOR, 0, "na:getal,limiet:id,formaat", false},
	{"POST", API_BASE "/gebruikers", gebruikers_maak, ROL_BEHEERDER, 8 * KIB, NULL, false},
	{"GET", API_BASE "/gebruikers/{id}", gebruikers_lees, ROL_BEHEERDER | ROL_AUDITOR, 0, NULL, false},
	{"PATCH", API_BASE "/gebruikers/{id}", gebruikers_wijzig, ROL_BEHEERDER, 4 * KIB, NULL, false},
	{"POST", API_BASE "/gebruikers/{id}/rolbevestigingen", gebruikers_bevestig, ROL_BEHEERDER, 1 * KIB, NULL, false},
	{"GET", API_BASE "/apitokens", apitokens_lijst, ROL_BEHEERDER | ROL_AUDITOR, 0, "na:getal,limiet:id,formaat", false},
	{"POST", API_BASE "/apitokens", apitokens_maak, ROL_BEHEERDER, 4 * KIB, NULL, false},
	{"DELETE", API_BASE "/apitokens/{id}", apitokens_intrek, ROL_BEHEERDER, 0, NULL, false},
	{"POST", API_BASE "/apitokens/{id}/goedkeuringen", apitokens_keur_goed, ROL_BEHEERDER, 1 * KIB, NULL, false},
	/* Messages, the mail queue, password reset (docs/berichten.md). */
	{"GET", API_BASE "/berichten", berichten_lijst, ROL_INGELOGD, 0, "ongelezen:janee,na:getal,limiet:id", false},
	{"GET", API_BASE "/berichten/instellingen", berichten_instellingen, ROL_INGELOGD, 0, NULL, false},
	{"PUT", API_BASE "/berichten/instellingen", berichten_instellingen_zet, ROL_INGELOGD, 1 * KIB, NULL, false},
	{"PATCH", API_BASE "/berichten/{id}", berichten_wijzig, ROL_INGELOGD, 1 * KIB, NULL, false},
	{"GET", API_BASE "/mailwachtrij", mailwachtrij_lijst, ROL_BEHEERDER, 0, "status,na:getal,limiet:id", false},
	{"POST", API_BASE "/mailwachtrij/{id}/verzendpogingen", mailwachtrij_opnieuw, ROL_BEHEERDER, 1 * KIB, NULL,
	 false},
	{"POST", API_BASE "/wachtwoordherstelverzoeken", wachtwoordherstel_verzoek, ROL_PUBLIEK, 2 * KIB, NULL, false},
	{"POST", API_BASE "/wachtwoordherstelverzoeken/voltooiingen", wachtwoordherstel_voltooiing, ROL_PUBLIEK,
	 2 * KIB, NULL, false},
	/* The audit log: read and verify (docs/toegang.md "Audit records"). */
	{"GET", API_BASE "/auditrecords", auditrecords_lijst, ROL_AUDITOR | ROL_BEHEERDER, 0,
	 "actor,actie,object,resultaat,na:getal,limiet:id,formaat", false},
	{"GET", API_BASE "/auditrecords/verificatie", auditrecords_verificatie, ROL_AUDITOR | ROL_BEHEERDER, 0, NULL, false},
	/* Rounds, applications, submission and assessment (docs/indiening.md). */
	{"GET", API_BASE "/indieningsrondes", indieningsrondes_lijst, ROL_PUBLIEK, 0, "formaat", false},
	{"POST", API_BASE "/indieningsrondes", indieningsrondes_maak, ROL_PROGRAMMABUREAU, 8 * KIB, NULL, false},
	{"GET", API_BASE "/indieningsrondes/{id}", indieningsrondes_lees, ROL_PUBLIEK, 0, NULL, false},
	{"GET", API_BASE "/aanvragen", aanvragen_lijst, AANVRAAG_LEZERS, 0,
	 "status,thema,toepassingsgebied,regio,verzekeraar:id,indieningsronde:id,na:getal,limiet:id", false},
	{"POST", API_BASE "/aanvragen", aanvragen_maak, ROL_AANVRAGER, 4096 * KIB, NULL, false},
	{"GET", API_BASE "/aanvragen/{id}", aanvragen_lees, AANVRAAG_LEZERS, 0, NULL, false},
	{"PUT", API_BASE "/aanvragen/{id}", aanvragen_bewaar, ROL_AANVRAGER, 4096 * KIB, NULL, false},
	{"GET", API_BASE "/aanvragen/{id}/toetsing", aanvragen_toetsing, AANVRAAG_LEZERS, 0, NULL, false},
	{"POST", API_BASE "/aanvragen/{id}/indiening", aanvragen_indien, ROL_AANVRAGER, 1 * KIB, NULL, false},
	{"GET", API_BASE "/aanvragen/{id}/ontvangstbewijs", aanvragen_ontvangstbewijs, AANVRAAG_LEZERS, 0,
	 "versie:id", false},
	{"GET", API_BASE "/aanvragen/{id}/ontvangstbewijs.pdf", aanvragen_ontvangstbewijs_pdf, AANVRAAG_LEZERS, 0,
	 "versie:id", false},
	{"GET", API_BASE "/aanvragen/{id}/tijdlijn", aanvragen_tijdlijn, AANVRAAG_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/aanvragen/{id}/versies", aanvragen_versies, AANVRAAG_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/aanvragen/{id}/versies/{versie}", aanvragen_versie, AANVRAAG_LEZERS, 0, NULL, false},
	{"POST", API_BASE "/aanvragen/{id}/beoordelingen", beoordelingen_maak, ROL_BEOORDELAAR, 256 * KIB,
	 NULL, false},
	{"GET", API_BASE "/aanvragen/{id}/beoordelingen", beoordelingen_lijst, AANVRAAG_LEZERS, 0, NULL, false},
	/* Within an insurer: who handles an application (docs/indiening.md §5a). */
	{"PUT", API_BASE "/aanvragen/{id}/behandelaar", aanvragen_behandelaar_zet, ROL_BEOORDELAAR, 1 * KIB, NULL, false},
	{"GET", API_BASE "/behandelaars", behandelaars_lijst, ROL_BEOORDELAAR, 0, NULL, false},
	{"GET", API_BASE "/aanvragen/{id}/informatieverzoeken", informatieverzoeken_lijst, AANVRAAG_LEZERS,
	 0, NULL, false},
	{"POST", API_BASE "/ontvangstbewijzen/verificaties", ontvangstbewijzen_verifieer, ROL_PUBLIEK,
	 4 * KIB, NULL, false},
	/* The board's step (docs/bestuur.md): the macro overview (public totals; the
	 * core decides what each caller sees), scenarios and the decision. "vergelijking"
	 * comes before {id, false}: the first matching row wins. */
	{"GET", API_BASE "/macrooverzicht", macrooverzicht_get, ROL_PUBLIEK, 0,
	 "indieningsronde:id,thema,toepassingsgebied,sector,regio,jaar:getal,aanvragen:janee,na:getal,limiet:id,formaat,lijst",
	 false},
	{"POST", API_BASE "/verdeelscenarios", verdeelscenarios_maak, ROL_BESTUUR, 256 * KIB, NULL, false},
	{"GET", API_BASE "/verdeelscenarios", verdeelscenarios_lijst, SCENARIO_LEZERS, 0, "indieningsronde:id,formaat", false},
	{"GET", API_BASE "/verdeelscenarios/vergelijking", verdeelscenarios_vergelijking, SCENARIO_LEZERS, 0,
	 "ids:ids", false},
	{"GET", API_BASE "/verdeelscenarios/{id}", verdeelscenarios_lees, SCENARIO_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/verdeelscenarios/{id}/lp", verdeelscenarios_lp, SCENARIO_LEZERS, 0, NULL, false},
	{"POST", API_BASE "/verdeeltaken", verdeeltaken_plaats, ROL_BESTUUR, 256 * KIB, NULL, false},
	{"GET", API_BASE "/verdeeltaken/{id}", verdeeltaken_lees, SCENARIO_LEZERS, 0, NULL, false},
	{"POST", API_BASE "/verdeeltaken/{id}/annulering", verdeeltaken_annuleer, ROL_BESTUUR, 1 * KIB, NULL, false},
	{"POST", API_BASE "/bestuursbesluiten", bestuursbesluiten_neem, ROL_BESTUUR, 64 * KIB, NULL, false},
	{"GET", API_BASE "/bestuursbesluiten", bestuursbesluiten_lijst, SCENARIO_LEZERS | ROL_NZA, 0,
	 "indieningsronde:id", false},
	{"GET", API_BASE "/bestuursbesluiten/{id}", bestuursbesluiten_lees, SCENARIO_LEZERS | ROL_NZA, 0,
	 NULL, false},
	/* The board's framework decisions: macrobedrag per theme and the impact bar */
	{"POST", API_BASE "/kaderbesluiten", kaderbesluiten_neem, ROL_BESTUUR, 16 * KIB, NULL, false},
	{"GET", API_BASE "/kaderbesluiten", kaderbesluiten_lijst, ROL_INGELOGD, 0, NULL, false},
	{"GET", API_BASE "/kaderbesluiten/{id}", kaderbesluiten_lees, ROL_INGELOGD, 0, NULL, false},
	/* The joint request to NZa, the beschikking, milestones and the ledger
	 * (docs/beschikking.md); the core decides per object. */
	{"POST", API_BASE "/nza-aanvragen", nza_aanvragen_maak, ROL_BEOORDELAAR, 16 * KIB, NULL, false},
	{"GET", API_BASE "/nza-aanvragen", nza_aanvragen_lijst, NZA_LEZERS, 0, "status,na:getal,limiet:id,formaat", false},
	{"GET", API_BASE "/nza-aanvragen/{id}", nza_aanvragen_lees, NZA_LEZERS, 0, NULL, false},
	{"POST", API_BASE "/nza-aanvragen/{id}/ondertekeningen", nza_aanvragen_onderteken,
	 ROL_BEOORDELAAR | ROL_AANVRAGER, 1 * KIB, NULL, false},
	{"GET", API_BASE "/nza-aanvragen/{id}/toetsing", nza_aanvragen_toetsing, NZA_LEZERS, 0, NULL, false},
	{"POST", API_BASE "/beschikkingen", beschikkingen_maak, ROL_NZA, 64 * KIB, NULL, false},
	{"GET", API_BASE "/beschikkingen", beschikkingen_lijst, BESCHIKKING_LEZERS, 0, "na:getal,limiet:id,formaat", false},
	{"GET", API_BASE "/beschikkingen/{id}", beschikkingen_lees, BESCHIKKING_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/beschikkingen/{id}/document", beschikkingen_document, BESCHIKKING_LEZERS, 0,
	 NULL, false},
	{"GET", API_BASE "/beschikkingen/{id}/document.pdf", beschikkingen_document_pdf,
	 BESCHIKKING_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/beschikkingen/{id}/mijlpalen", mijlpalen_lijst, BESCHIKKING_LEZERS, 0, "formaat", false},
	{"POST", API_BASE "/beschikkingen/{id}/mijlpalen/{mijlpaal}/meldingen", mijlpalen_meld,
	 ROL_AANVRAGER, 32 * KIB, NULL, false},
	{"POST", API_BASE "/beschikkingen/{id}/mijlpalen/{mijlpaal}/betalingen", mijlpalen_betaal,
	 ROL_BEOORDELAAR, 1 * KIB, NULL, false},
	{"POST", API_BASE "/beschikkingen/{id}/mijlpalen/{mijlpaal}/correcties", mijlpalen_corrigeer,
	 ROL_BEOORDELAAR, 4 * KIB, NULL, false},
	{"POST", API_BASE "/beschikkingen/{id}/mijlpalen/{mijlpaal}/bijlagen", mijlpalen_bijlage_voeg_toe,
	 ROL_AANVRAGER, BIJLAGE_MAX_BYTES, "naam", true},
	{"GET", API_BASE "/beschikkingen/{id}/mijlpalen/{mijlpaal}/bijlagen", mijlpalen_bijlagen,
	 BESCHIKKING_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/bijlagen/{id}", bijlagen_download, BESCHIKKING_LEZERS | WERKAGENDA_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/verantwoordingskaders", verantwoordingskaders_lijst, BESCHIKKING_LEZERS | ROL_PROGRAMMABUREAU,
	 0, "formaat", false},
	{"PUT", API_BASE "/verantwoordingskaders/{jaar}", verantwoordingskaders_zet, ROL_PROGRAMMABUREAU, 4 * KIB, NULL,
	 false},
	{"POST", API_BASE "/beschikkingen/{id}/verantwoordingen", verantwoordingen_dien_in, ROL_AANVRAGER, 512 * KIB,
	 NULL, false},
	{"GET", API_BASE "/beschikkingen/{id}/verantwoordingen", verantwoordingen_lijst, BESCHIKKING_LEZERS, 0, NULL,
	 false},
	{"POST", API_BASE "/beschikkingen/{id}/verantwoordingen/{jaar}/bijlagen", verantwoordingen_bijlage,
	 ROL_AANVRAGER, BIJLAGE_MAX_BYTES, "naam", true},
	{"POST", API_BASE "/verantwoordingen/{id}/plausibiliteitstoets", verantwoordingen_plausibiliteit,
	 ROL_BEOORDELAAR, 256 * KIB, NULL, false},
	{"POST", API_BASE "/verantwoordingen/{id}/informatieverzoeken", verantwoordingen_vraag_informatie,
	 ROL_BEOORDELAAR, 32 * KIB, NULL, false},
	{"POST", API_BASE "/jaarstaten", jaarstaten_dien_in, ROL_BEOORDELAAR, 1 * KIB, NULL, false},
	{"GET", API_BASE "/jaarstaten", jaarstaten_lijst, JAARSTAAT_LEZERS, 0,
	 "jaar:getal", false},
	{"POST", API_BASE "/jaarstaten/{id}/rechtsoordeel", jaarstaten_rechtsoordeel, ROL_NZA, 64 * KIB, NULL, false},
	{"GET", API_BASE "/jaarstaten/{id}/rechtsoordeel/document", jaarstaten_rechtsoordeel_document,
	 JAARSTAAT_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/jaarstaten/{id}/rechtsoordeel/document.pdf", jaarstaten_rechtsoordeel_pdf,
	 JAARSTAAT_LEZERS, 0, NULL, false},
	{"POST", API_BASE "/vereveningen", vereveningen_maak, ROL_ZORGINSTITUUT, 1 * KIB, NULL, false},
	{"GET", API_BASE "/vereveningen", vereveningen_lijst, JAARSTAAT_LEZERS,
	 0, "jaar:getal,formaat", false},
	{"GET", API_BASE "/vereveningen/export", vereveningen_csv, JAARSTAAT_LEZERS,
	 0, "jaar:getal,formaat", false},
	{"GET", API_BASE "/vereveningen/{id}/document", vereveningen_document,
	 JAARSTAAT_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/vereveningen/{id}/document.pdf", vereveningen_document_pdf,
	 JAARSTAAT_LEZERS, 0, NULL, false},
	{"GET", API_BASE "/grootboek/rekeningen", grootboek_rekeningen_get, GROOTBOEK_LEZERS, 0, "formaat,lijst", false},
	{"GET", API_BASE "/grootboek/boekingen", grootboek_boekingen_get, GROOTBOEK_LEZERS, 0, "na:getal,limiet:id,formaat", false},
	{"GET", API_BASE "/grootboek/journaal", grootboek_journaal_get,
	 GROOTBOEK_LEZERS & ~ROL_BEOORDELAAR, 0, NULL, false},
	/* The social-domain track (docs/sociaal-domein.md). */
	{"GET", API_BASE "/regios", sociaal_regios_get, ROL_PUBLIEK, 0, "formaat", false},
	{"GET", API_BASE "/regioindelingen", sociaal_vaststellingen_get, ROL_PUBLIEK, 0, NULL, false},
	{"POST", API_BASE "/regioindelingen", sociaal_vaststellingen_post, ROL_PROGRAMMABUREAU, 512 * KIB, NULL, false},
	{"GET", API_BASE "/regioscanschalen", sociaal_vaststellingen_get, ROL_PUBLIEK, 0, NULL, false},
	{"POST", API_BASE "/regioscanschalen", sociaal_vaststellingen_post, ROL_PROGRAMMABUREAU, 16 * KIB, NULL, false},
	{"GET", API_BASE "/beoordelingskaders", sociaal_vaststellingen_get, ROL_INGELOGD, 0, NULL, false},
	{"POST", API_BASE "/beoordelingskaders", sociaal_vaststellingen_post, ROL_BESTUUR, 64 * KIB, NULL, false},
	{"GET", API_BASE "/verdeelsleutels", sociaal_vaststellingen_get, ROL_INGELOGD, 0, NULL, false},
	{"POST", API_BASE "/verdeelsleutels", sociaal_vaststellingen_post, ROL_VWS, 256 * KIB, NULL, false},
	{"GET", API_BASE "/regioscans", regioscans_lijst, ROL_INGELOGD, 0, "regio,meting,formaat", false},
	{"POST", API_BASE "/regioscans", regioscans_maak, ROL_PROGRAMMABUREAU, 64 * KIB, NULL, false},
	{"POST", API_BASE "/regioscans/import", regioscans_import, ROL_PROGRAMMABUREAU, 1024 * KIB, NULL, true},
	{"GET", API_BASE "/werkagendas", werkagendas_lijst, WERKAGENDA_LEZERS, 0, "regio,formaat", false},
	{"POST", API_BASE "/werkagendas", werkagendas_maak, ROL_GEMEENTE, 256 * KIB, NULL, false},
	{"GET", API_BASE "/werkagendas/{id}", werkagendas_lees, WERKAGENDA_LEZERS, 0, NULL, false},
	{"PUT", API_BASE "/werkagendas/{id}", werkagendas_wijzig, ROL_GEMEENTE, 256 * KIB, NULL, false},
	{"POST", API_BASE "/werkagendas/{id}/indiening", werkagendas_indiening, ROL_GEMEENTE, 1 * KIB, NULL, false},
	{"POST", API_BASE "/werkagendas/{id}/bijlagen", werkagendas_bijlage, ROL_GEMEENTE, BIJLAGE_MAX_BYTES, "naam", true},
	{"POST", API_BASE "/werkagendas/{id}/ondertekeningen", werkagendas_ondertekening, ROL_GEMEENTE, 4 * KIB, NULL, false},
	{"POST", API_BASE "/werkagendas/{id}/beoordelingen", werkagendas_beoordeling, ROL_BEOORDELAAR, 64 * KIB, NULL, false},
	{"POST", API_BASE "/spuk-toekenningen", spuk_toekenningen_maak, ROL_VWS, 1 * KIB, NULL, false},
	{"GET", API_BASE "/spuk-toekenningen", spuk_toekenningen_lijst, SPUK_LEZERS, 0, "formaat", false},
	{"GET", API_BASE "/spuk-beschikkingen", spuk_beschikkingen_lijst, SPUK_LEZERS | ROL_GEMEENTE, 0, "jaar:getal",
	 false},
	{"GET", API_BASE "/spuk-beschikkingen/{id}", spuk_beschikkingen_lees, SPUK_LEZERS | ROL_GEMEENTE, 0, NULL, false},
	{"GET", API_BASE "/spuk-beschikkingen/{id}/document", spuk_beschikkingen_document, SPUK_LEZERS | ROL_GEMEENTE,
	 0, NULL, false},
	{"GET", API_BASE "/spuk-beschikkingen/{id}/document.pdf", spuk_beschikkingen_document,
	 SPUK_LEZERS | ROL_GEMEENTE, 0, NULL, false},
	{"POST", API_BASE "/spuk-beschikkingen/{id}/betaling", spuk_beschikkingen_betaling, ROL_VWS, 1 * KIB, NULL, false},
	{"POST", API_BASE "/spuk-beschikkingen/{id}/verantwoordingen", spuk_beschikkingen_verantwoording, ROL_GEMEENTE, 64 * KIB,
	 NULL, false},
	{"POST", API_BASE "/voortgangsrapportages", voortgangsrapportages_maak, ROL_GEMEENTE, 64 * KIB, NULL, false},
	{"GET", API_BASE "/voortgangsoverzicht", voortgangsoverzicht_get, ROL_PUBLIEK, 0, "periode", false},
	{"GET", API_BASE "/voortgangsoverzicht/export", voortgangsoverzicht_export, WERKAGENDA_LEZERS, 0,
	 "periode,formaat", false},
	/* Monitoring and transparency (docs/monitoring.md). */
	{"GET", API_BASE "/rapportageperiodes", rapportageperiodes_lijst, ROL_PUBLIEK, 0, "formaat", false},
	{"GET", API_BASE "/beschikkingen/{id}/voortgangsrapportages", projectrapportages_lijst,
	 BESCHIKKING_LEZERS | MONITORING_LEZERS, 0, "formaat", false},
	{"POST", API_BASE "/beschikkingen/{id}/voortgangsrapportages", projectrapportages_maak, ROL_AANVRAGER, 64 * KIB,
	 NULL, false},
	{"GET", API_BASE "/signalen", signalen_lijst_get, ROL_BEOORDELAAR | MONITORING_LEZERS, 0,
	 "peildatum,open:janee,na:getal,limiet:id,formaat", false},
	{"POST", API_BASE "/signalen/kennisnames", signalen_kennisname, ROL_BEOORDELAAR, 8 * KIB, "peildatum", false},
	{"GET", API_BASE "/programmamonitor", programmamonitor_get, MONITORING_LEZERS, 0, "peildatum,formaat,lijst",
	 false},
	{"GET", API_BASE "/programmamonitor/kwartaalrapportage", kwartaalrapportage_get, MONITORING_LEZERS, 0,
	 "peildatum", false},
	{"GET", API_BASE "/programmamonitor/kwartaalrapportage.pdf", kwartaalrapportage_pdf, MONITORING_LEZERS, 0,
	 "peildatum", false},
	{"GET", API_BASE "/open-data/plannen", opendata_plannen_get, ROL_PUBLIEK, 0, "formaat", false},
	{"GET", API_BASE "/open-data/plannen.csv", opendata_plannen_csv, ROL_PUBLIEK, 0, NULL, false},
	{"GET", API_BASE "/open-data/plannen/beschrijving", opendata_beschrijving_get, ROL_PUBLIEK, 0, NULL, false},
};
const size_t route_count = sizeof routes / sizeof routes[0];

/* Compares one pattern with a path segment by segment; `{x}` matches
 * any non-empty segment. Writes the captured segments on a match. */
static bool pattern_match(const char *pattern, const char *path, const char **params,
			  size_t *count, struct arena *arena)
{
	size_t n = 0;
	const char *p = pattern, *q = path;
	while (*p && *q) {
		if (*p != '/' || *q != '/')
			return false;
		p++, q++;
		size_t plen = strcspn(p, "/"), qlen = strcspn(q, "/");
		if (qlen == 0)
			return false; /* empty segment, e.g. a trailing slash */
		if (plen >= 2 && p[0] == '{' && p[plen - 1] == '}') {
			if (n >= ROUTE_PARAMS_MAX)
				return false;
			if (params) {
				params[n] = arena_strndup(arena, q, qlen);
				if (!params[n])
					return false;
			}
			n++;
		} else if (plen != qlen || strncmp(p, q, plen) != 0) {
			return false;
		}
		p += plen, q += qlen;
	}
	if (*p || *q)
		return false;
	if (count)
		*count = n;
	return true;
}

rc_t route_match(const char *method, const char *path, const struct route **route,
		 const char **params, size_t *param_count, struct arena *arena,
		 char *allow, size_t allow_size)
{
	bool path_known = false;
	size_t used = 0;
	if (allow_size)
		allow[0] = '\0';
	for (size_t i = 0; i < route_count; i++) {
		const struct route *r = &routes[i];
		if (!pattern_match(r->pattern, path, NULL, NULL, NULL))
			continue;
		if (strcmp(r->method, method) == 0) {
			if (!pattern_match(r->pattern, path, params, param_count, arena))
				return RC_NOMEM;
			*route = r;
			return RC_OK;
		}
		path_known = true;
		if (used < allow_size)
			used += (size_t)snprintf(allow + used, allow_size - used, "%s%s",
						 used ? ", " : "", r->method);
	}
	return path_known ? RC_METHOD : RC_NOT_FOUND;
}
