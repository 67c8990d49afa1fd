// SPDX-License-Identifier: EUPL-1.2
//
// rollen.js -- the roles of docs/toegang.md as people know them, and what
// each role finds on its start page. A role's screens are added here (taken)
// as their APIs land: one entry in `taken` per screen, and the route in app.js.

/** Role code (as the API sends it) -> Dutch name. */
export const ROLNAMEN = {
  aanvrager: 'Aanvrager (samenwerkingscoalitie)',
  beoordelaar: 'Beoordelaar (zorgverzekeraar)',
  bestuur: 'Bestuurlijk Overleg IZA/AZWA',
  nza: 'Nederlandse Zorgautoriteit',
  programmabureau: 'Programmabureau',
  gemeente: 'Gemeente',
  zorginstituut: 'Zorginstituut Nederland',
  auditor: 'Auditor (alleen lezen)',
  beheerder: 'Beheerder',
  vws: 'Ministerie van VWS (SPUK sociaal domein)',
};

export function rolnaam(code) {
  return ROLNAMEN[code] || code;
}

/** Organisation kind -> Dutch name. */
export const ORGANISATIESOORTEN = {
  zorgaanbieder: 'Zorgaanbieder',
  zorgverzekeraar: 'Zorgverzekeraar',
  gemeente: 'Gemeente',
  programmabureau: 'Programmabureau',
  bestuur: 'Bestuurlijk Overleg',
  nza: 'NZa',
  zorginstituut: 'Zorginstituut',
};

/**
 * Per role: a sentence on what the role does, and its tasks. A task with an
 * href is a screen that exists; one without says what is coming, so that
 * nobody looks for a screen that is not there yet.
 */
export const ROLTAKEN = {
  aanvrager: {
    wat: 'U vraagt namens een samenwerkingscoalitie doorbraakmiddelen aan op een modelplan, dient de aanvraag één keer in en rapporteert over mijlpalen en werkelijke kosten.',
    taken: [
      { href: '/modelplannen', tekst: 'Modelplannen bekijken waarop u kunt aanvragen' },
      { href: '/basiseisen', tekst: 'De 14 basiseisen lezen' },
      { href: '/aanvragen/nieuw', tekst: 'Een nieuwe aanvraag opstellen op een modelplan' },
      { href: '/aanvragen', tekst: 'Mijn aanvragen: concepten verder invullen, indienen, ontvangstbewijs en status' },
      { href: '/nza-aanvragen', tekst: 'Verzoeken aan NZa ondertekenen' },
      { href: '/beschikkingen', tekst: 'Beschikkingen: mijlpalen melden en de werkelijke kosten per jaar verantwoorden' },
      { href: '/beschikkingen', tekst: 'Beschikkingen: per kwartaal de voortgang rapporteren (mijlpalen, KPI’s, fte, risico’s)' },
    ],
  },
  beoordelaar: {
    wat: 'U beoordeelt als coördinerende of tweede zorgverzekeraar de aanvragen van uw regio tegen het modelplan en de basiseisen.',
    taken: [
      { href: '/modelplannen', tekst: 'Modelplannen en hun normen bekijken' },
      { href: '/beoordelingen', tekst: 'Aanvragen beoordelen: de rij met uw aanvragen, route licht of verdiept' },
      { href: '/nza-aanvragen', tekst: 'Verzoeken aan de NZa opstellen en ondertekenen' },
      { href: '/beschikkingen', tekst: 'Beschikkingen: mijlpalen betalen of corrigeren, verantwoordingen toetsen' },
      { href: '/jaarstaten', tekst: 'De jaarstaat per jaar indienen bij de NZa' },
      { href: '/signalen', tekst: 'Signalen bij de projecten die u coördineert: bekijken en kennisnemen' },
      { href: '/werkagendas', tekst: 'Sociaal domein: definitieve werkagenda\'s beoordelen (namens ZN, of namens de VNG als u bij een gemeente werkt)' },
    ],
  },
  bestuur: {
    wat: 'U ziet de totalen per thema tegen de richtbedragen en stuurt bij over- of onderinschrijving.',
    taken: [
      { href: '/', tekst: 'Fonds, potten en richtbedragen per thema' },
      { href: '/impactlatten', tekst: 'Impactlatten en de AZWA-ambitie' },
      { href: '/kaderbesluiten', tekst: 'Kaderbesluit nemen: het macrobedrag per thema en de impactlat vaststellen' },
      { href: '/macrooverzicht', tekst: 'Het macro-overzicht van een gesloten ronde: per thema, jaar en regio tegen de budgetten' },
      { href: '/verdeelscenarios', tekst: 'Verdeelscenario’s doorrekenen, naast elkaar zetten en het besluit nemen' },
      { href: '/jaarstaten', tekst: 'Jaarstaten en rechtsoordelen (alleen lezen)' },
      { href: '/vereveningen', tekst: 'Vereveningen in de risicoverevening (alleen lezen)' },
      { href: '/voortgang', tekst: 'Sociaal domein: de voortgang per regio en landelijk' },
      { href: '/programmamonitor', tekst: 'Programmamonitor: fte tegen de ambitie, geld per stadium, plannen ingediend en gehonoreerd; kwartaalrapportage' },
      { href: '/signalen', tekst: 'Signalen bij de projecten' },
    ],
  },
  nza: {
    wat: 'U toetst de gezamenlijke verzoeken, bewaakt het budgetplafond van € 600 mln en geeft beschikkingen met een bovengrens af.',
    taken: [
      { href: '/', tekst: 'Fonds en potten' },
      { href: '/nza/verzoeken', tekst: 'Verzoeken toetsen en beschikkingen afgeven' },
      { href: '/beschikkingen', tekst: 'Afgegeven beschikkingen, hun besluitdocument en mijlpalen' },
      { href: '/grootboek', tekst: 'Het grootboek: budgetbewaking per pot, thema, jaar, zorgverzekeraar en project' },
      { href: '/jaarstaten', tekst: 'Jaarstaten van de zorgverzekeraars: het bestuurlijk rechtsoordeel geven' },
    ],
  },
  programmabureau: {
    wat: 'U beheert de catalogus: thema’s, toepassingsgebieden, modelplannen, basiseisen, termijnen en budgetten.',
    taken: [
      { href: '/toepassingsgebieden', tekst: 'Toepassingsgebieden' },
      { href: '/modelplannen', tekst: 'Modelplannen en hun versies' },
      { href: '/catalogusbeheer', tekst: 'Een nieuwe catalogusversie of modelplanversie publiceren' },
      { href: '/kaderbesluiten', tekst: 'De kaderbesluiten van het bestuur: macrobedrag per thema en impactlat (alleen lezen)' },
      { href: '/indieningsrondes', tekst: 'Indieningsrondes instellen en volgen' },
      { href: '/verantwoordingskaders', tekst: 'Het verantwoordingskader per jaar vaststellen: marge, drempel accountantsverklaring, termijn' },
      { href: '/jaarstaten', tekst: 'Jaarstaten en rechtsoordelen (alleen lezen)' },
      { href: '/regioscans', tekst: 'Sociaal domein: regioscans importeren (CSV) en inzien' },
      { href: '/werkagendas', tekst: 'Sociaal domein: de werkagenda\'s van de regio\'s' },
      { href: '/programmamonitor', tekst: 'Programmamonitor en kwartaalrapportage' },
    ],
  },
  gemeente: {
    wat: 'U werkt in het spoor van het sociaal domein aan de regionale werkagenda.',
    taken: [
      { href: '/', tekst: 'Fonds en potten, ook die voor het sociaal domein' },
      { href: '/werkagendas', tekst: 'De regionale werkagenda: opstellen (mandaatgemeente), ondertekenen met het collegebesluit' },
      { href: '/spuk', tekst: 'SPUK-beschikkingen van uw gemeente inzien en de besteding per jaar verantwoorden' },
      { href: '/voortgang', tekst: 'De voortgang per halfjaar rapporteren (mandaatgemeente) en inzien' },
      { href: '/meedoen', tekst: 'De Zvw-aanvragen waarin uw gemeente meedoet: lezen en volgen' },
    ],
  },
  zorginstituut: {
    wat: 'U neemt wat de NZa plausibel oordeelde op als vaste kosten in de nacalculatie van de risicoverevening.',
    taken: [
      { href: '/', tekst: 'Fonds en potten' },
      { href: '/beschikkingen', tekst: 'Beschikkingen van de NZa met hun bovengrens' },
      { href: '/grootboek', tekst: 'Het grootboek: toegekend en betaald per thema, jaar en project' },
      { href: '/jaarstaten', tekst: 'Jaarstaten en rechtsoordelen van de NZa' },
      { href: '/vereveningen', tekst: 'Nacalculatie: verevenen wat de NZa erkende, met documenten en downloads' },
    ],
  },
  auditor: {
    wat: 'U kunt alles inzien, maar niets wijzigen.',
    taken: [
      { href: '/', tekst: 'Fonds, potten en thema’s' },
      { href: '/beschikkingen', tekst: 'Beschikkingen van de NZa' },
      { href: '/grootboek', tekst: 'Het grootboek en zijn boekingen' },
      { href: '/jaarstaten', tekst: 'Jaarstaten en rechtsoordelen' },
      { href: '/vereveningen', tekst: 'Vereveningen' },
      { href: '/programmamonitor', tekst: 'Programmamonitor en signalen' },
      { href: '/auditlog', tekst: 'Het auditlog inzien en de keten controleren' },
    ],
  },
  beheerder: {
    wat: 'U beheert organisaties, accounts, rollen en API-tokens.',
    taken: [
      { href: '/organisaties', tekst: 'Organisaties registreren en inzien' },
      { href: '/gebruikers', tekst: 'Accounts aanmaken, met hun rollen en tweede factor' },
      { href: '/apitokens', tekst: 'API-tokens uitgeven en intrekken' },
      { href: '/auditlog', tekst: 'Het auditlog inzien en de keten controleren' },
    ],
  },
  vws: {
    wat: 'U verdeelt namens het ministerie van VWS de 2 x EUR 100 mln voor het sociaal domein via de SPUK, met een generieke verdeelsleutel.',
    taken: [
      { href: '/spuk', tekst: 'De SPUK per jaar toekennen met de verdeelsleutel, de beschikkingen inzien en betalen' },
      { href: '/werkagendas', tekst: 'De werkagenda\'s van de regio\'s en hun beoordeling door VNG en ZN' },
      { href: '/voortgang', tekst: 'De voortgang per regio en landelijk, ook als CSV of Excel' },
      { href: '/programmamonitor', tekst: 'Programmamonitor: fte, geld en plannen van de Zvw-doorbraakmiddelen' },
    ],
  },
};
