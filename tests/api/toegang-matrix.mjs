// SPDX-License-Identifier: EUPL-1.2
//
// toegang-matrix.mjs -- the declared access matrix: for every route of the
// API, who may use it and what happens with another organisation's object.
// tests/api/toegang.test.mjs runs every route x every caller x own/other
// object against a real server and compares with what is declared HERE,
// never with what the server says about itself. A route that is in the
// OpenAPI document but has no row here fails the test: every new route must
// state its access rules (deny by default, also in the tests).
//
// A row:
//   method, path     as in the OpenAPI document (without /api/v1)
//   allowed          the roles that may use the route: 'publiek' (anyone,
//                    also without login) or a list of role names; 'token'
//                    is the API-token caller (role beoordelaar) and is
//                    allowed wherever beoordelaar is unless tokenStatus says
//                    otherwise
//   ok               the status of a successful call, or AUTHORISED where
//                    the matrix sends no meaningful object or body: then any
//                    answer of the handler (not 401/403, not 5xx) shows the
//                    caller got past authorisation
//   other            for routes with an organisation's object: the roles
//                    that may reach ANOTHER organisation's object, and the
//                    status for the rest (404: answered as if it did not
//                    exist, because revealing it would leak)
//   tokenStatus      the status for the API-token caller where it differs
//   seesOther        for list routes: the roles whose list contains other
//                    organisations' objects (the rest see only their own)

export const ROLLEN = [
  'aanvrager', 'beoordelaar', 'bestuur', 'nza', 'programmabureau',
  'gemeente', 'zorginstituut', 'auditor', 'beheerder', 'vws',
];

/** Every caller of the matrix: anonymous, one session per role, one API token. */
export const CALLERS = ['anoniem', ...ROLLEN, 'token'];

const INGELOGD = [...ROLLEN, 'token'];
const BEHEER = ['beheerder'];
const BEHEER_AUDIT = ['beheerder', 'auditor'];
const AANVRAAG_LEZERS = ['aanvrager', 'gemeente', 'beoordelaar', 'auditor'];
// the board and the programme office read joint requests and decisions (issue 18)
const NZA_LEZERS = ['aanvrager', 'beoordelaar', 'nza', 'bestuur', 'programmabureau', 'auditor'];
const BESCHIKKING_LEZERS = ['aanvrager', 'gemeente', 'beoordelaar', 'nza', 'zorginstituut', 'bestuur', 'programmabureau',
  'auditor'];
const GROOTBOEK_LEZERS = ['nza', 'programmabureau', 'bestuur', 'zorginstituut', 'auditor', 'beoordelaar'];
const SCENARIO_LEZERS = ['bestuur', 'programmabureau', 'auditor'];

/** Passed authorisation; the handler answered (e.g. 400 for an empty body). */
export const AUTHORISED = 'geautoriseerd';

// The statements, judgements and settlements after the payment: an insurer its own, the others all.
const JAARSTAAT_LEZERS = ['beoordelaar', 'nza', 'zorginstituut', 'auditor', 'bestuur', 'programmabureau'];

// The social domain's work agendas: the municipalities, VNG/ZN assessors, VWS, the programme office, the board, the auditor.
const WERKAGENDA_LEZERS = ['gemeente', 'beoordelaar', 'vws', 'programmabureau', 'bestuur', 'auditor'];
const SPUK_LEZERS = ['vws', 'programmabureau', 'bestuur', 'auditor'];

// Monitoring (docs/monitoring.md): the programme's readers see every project and the dashboard.
const MONITORING_LEZERS = ['bestuur', 'programmabureau', 'vws', 'nza', 'zorginstituut', 'auditor'];

export const MATRIX = [
  { method: 'GET', path: '/status', allowed: 'publiek', ok: 200 },
  { method: 'GET', path: '/openapi.json', allowed: 'publiek', ok: 200 },

  // The catalogue: public to read, published by the programme office.
  { method: 'GET', path: '/fondsen', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/themas', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/toepassingsgebieden', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/basiseisen', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/modelplannen', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/modelplannen/{id}', allowed: 'publiek', ok: AUTHORISED },
  { method: 'POST', path: '/modelplannen/{id}/versies', allowed: ['programmabureau'], ok: AUTHORISED },
  { method: 'GET', path: '/impactlatten', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/basisfunctionaliteiten', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/referentiecijfers', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/catalogusversies', allowed: 'publiek', ok: AUTHORISED },
  { method: 'POST', path: '/catalogusversies', allowed: ['programmabureau'], ok: AUTHORISED },
  { method: 'GET', path: '/catalogusversies/{versie}', allowed: 'publiek', ok: AUTHORISED },

  { method: 'POST', path: '/sessies', allowed: 'publiek', ok: 201 },
  { method: 'GET', path: '/sessies/huidig', allowed: INGELOGD, ok: 200 },
  { method: 'DELETE', path: '/sessies/huidig', allowed: INGELOGD, ok: 204, tokenStatus: 403 },

  // the register: every logged-in party finds every organisation (the bank
  // account only its own; tests/api/toegang.test.mjs "API tokens")
  { method: 'GET', path: '/organisaties', allowed: INGELOGD, ok: 200, seesOther: INGELOGD },
  { method: 'POST', path: '/organisaties', allowed: BEHEER, ok: 201 },
  { method: 'GET', path: '/organisaties/{id}', allowed: INGELOGD, ok: 200,
    other: { allowed: INGELOGD, status: 404 } },

  // messages: each their own; the mail queue for the administrator; a
  // forgotten password for anyone (issue 18, docs/berichten.md)
  { method: 'GET', path: '/berichten', allowed: INGELOGD, ok: 200 },
  { method: 'PATCH', path: '/berichten/{id}', allowed: INGELOGD, ok: AUTHORISED },
  { method: 'GET', path: '/berichten/instellingen', allowed: INGELOGD, ok: 200, tokenStatus: 403 },
  { method: 'PUT', path: '/berichten/instellingen', allowed: INGELOGD, ok: AUTHORISED, tokenStatus: 403 },
  { method: 'GET', path: '/mailwachtrij', allowed: BEHEER, ok: 200 },
  { method: 'POST', path: '/mailwachtrij/{id}/verzendpogingen', allowed: BEHEER, ok: AUTHORISED },
  { method: 'POST', path: '/wachtwoordherstelverzoeken', allowed: 'publiek', ok: AUTHORISED },
  { method: 'POST', path: '/wachtwoordherstelverzoeken/voltooiingen', allowed: 'publiek', ok: AUTHORISED },

  // the audit log: read and verified by the auditor and the administrator (issue 18)
  { method: 'GET', path: '/auditrecords', allowed: BEHEER_AUDIT, ok: 200 },
  { method: 'GET', path: '/auditrecords/verificatie', allowed: BEHEER_AUDIT, ok: 200 },
  { method: 'GET', path: '/gebruikers', allowed: BEHEER_AUDIT, ok: 200, seesOther: BEHEER_AUDIT },
  { method: 'POST', path: '/gebruikers', allowed: BEHEER, ok: 201, other: { allowed: BEHEER, status: 403 } },
  { method: 'GET', path: '/gebruikers/{id}', allowed: BEHEER_AUDIT, ok: 200,
    other: { allowed: BEHEER_AUDIT, status: 403 } },
  { method: 'PATCH', path: '/gebruikers/{id}', allowed: BEHEER, ok: 200,
    other: { allowed: BEHEER, status: 403 } },
  // Four eyes: only an administrator, and never the one who proposed
  // (tested in toegang.test.mjs "four eyes"); the matrix sends id 1 and no
  // proposal, so an administrator is answered 404 or 409.
  { method: 'POST', path: '/gebruikers/{id}/rolbevestigingen', allowed: BEHEER, ok: AUTHORISED },

  { method: 'GET', path: '/apitokens', allowed: BEHEER_AUDIT, ok: 200, seesOther: BEHEER_AUDIT },
  { method: 'POST', path: '/apitokens', allowed: BEHEER, ok: 201, other: { allowed: BEHEER, status: 403 } },
  { method: 'DELETE', path: '/apitokens/{id}', allowed: BEHEER, ok: 204, other: { allowed: BEHEER, status: 403 } },
  { method: 'POST', path: '/apitokens/{id}/goedkeuringen', allowed: BEHEER, ok: AUTHORISED },

  // Rounds, applications, submission and assessment (docs/indiening.md). The
  // matrix sends id 1, which is never an application (their ids are random, >= 2^32), so
  // every caller allowed by role gets past authorisation and is then answered 404 or 400;
  // who sees which application (coalition, the two insurers after the closing moment,
  // the auditor) is tested object by object in tests/api/aanvragen.test.mjs and
  // beoordeling.test.mjs.
  { method: 'GET', path: '/indieningsrondes', allowed: 'publiek', ok: 200 },
  { method: 'POST', path: '/indieningsrondes', allowed: ['programmabureau'], ok: AUTHORISED },
  { method: 'GET', path: '/indieningsrondes/{id}', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/aanvragen', allowed: AANVRAAG_LEZERS, ok: 200 },
  { method: 'POST', path: '/aanvragen', allowed: ['aanvrager'], ok: AUTHORISED },
  { method: 'GET', path: '/aanvragen/{id}', allowed: AANVRAAG_LEZERS, ok: AUTHORISED },
  { method: 'PUT', path: '/aanvragen/{id}', allowed: ['aanvrager'], ok: AUTHORISED },
  { method: 'GET', path: '/aanvragen/{id}/toetsing', allowed: AANVRAAG_LEZERS, ok: AUTHORISED },
  { method: 'POST', path: '/aanvragen/{id}/indiening', allowed: ['aanvrager'], ok: AUTHORISED },
  { method: 'GET', path: '/aanvragen/{id}/ontvangstbewijs', allowed: AANVRAAG_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/aanvragen/{id}/ontvangstbewijs.pdf', allowed: AANVRAAG_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/aanvragen/{id}/tijdlijn', allowed: AANVRAAG_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/aanvragen/{id}/versies', allowed: AANVRAAG_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/aanvragen/{id}/versies/{versie}', allowed: AANVRAAG_LEZERS, ok: AUTHORISED },
  { method: 'POST', path: '/aanvragen/{id}/beoordelingen', allowed: ['beoordelaar'], ok: AUTHORISED },
  { method: 'GET', path: '/aanvragen/{id}/beoordelingen', allowed: AANVRAAG_LEZERS, ok: AUTHORISED },
  // within an insurer: who handles it (issue 18, docs/indiening.md §5a)
  { method: 'PUT', path: '/aanvragen/{id}/behandelaar', allowed: ['beoordelaar'], ok: AUTHORISED },
  { method: 'GET', path: '/behandelaars', allowed: ['beoordelaar'], ok: 200 },
  { method: 'GET', path: '/aanvragen/{id}/informatieverzoeken', allowed: AANVRAAG_LEZERS, ok: AUTHORISED },
  { method: 'POST', path: '/ontvangstbewijzen/verificaties', allowed: 'publiek', ok: AUTHORISED },

  // The joint request to NZa, the beschikking, milestones and the ledger (issue 7,
  // docs/beschikking.md). Id 1 is no object of the matrix's callers: whoever the route
  // allows gets past authorisation and is then answered 404 or 400; who sees which
  // request, decision or project is tested object by object in tests/api/beschikking.test.mjs
  // and mijlpalen.test.mjs. Lists answer 200 with what the caller may see.
  { method: 'GET', path: '/nza-aanvragen', allowed: NZA_LEZERS, ok: 200 },
  { method: 'POST', path: '/nza-aanvragen', allowed: ['beoordelaar'], ok: AUTHORISED },
  { method: 'GET', path: '/nza-aanvragen/{id}', allowed: NZA_LEZERS, ok: AUTHORISED },
  { method: 'POST', path: '/nza-aanvragen/{id}/ondertekeningen', allowed: ['beoordelaar', 'aanvrager'], ok: AUTHORISED },
  { method: 'GET', path: '/nza-aanvragen/{id}/toetsing', allowed: NZA_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/beschikkingen', allowed: BESCHIKKING_LEZERS, ok: 200 },
  { method: 'POST', path: '/beschikkingen', allowed: ['nza'], ok: AUTHORISED },
  { method: 'GET', path: '/beschikkingen/{id}', allowed: BESCHIKKING_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/beschikkingen/{id}/document', allowed: BESCHIKKING_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/beschikkingen/{id}/document.pdf', allowed: BESCHIKKING_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/beschikkingen/{id}/mijlpalen', allowed: BESCHIKKING_LEZERS, ok: AUTHORISED },
  { method: 'POST', path: '/beschikkingen/{id}/mijlpalen/{mijlpaal}/meldingen', allowed: ['aanvrager'], ok: AUTHORISED },
  { method: 'POST', path: '/beschikkingen/{id}/mijlpalen/{mijlpaal}/betalingen', allowed: ['beoordelaar'], ok: AUTHORISED },
  { method: 'POST', path: '/beschikkingen/{id}/mijlpalen/{mijlpaal}/correcties', allowed: ['beoordelaar'], ok: AUTHORISED },
  // Evidence as files (docs/bijlagen.md): the lead uploads (the matrix's {} is no allowed file: 415),
  // the readers of a beschikking list and download.
  { method: 'POST', path: '/beschikkingen/{id}/mijlpalen/{mijlpaal}/bijlagen', allowed: ['aanvrager'], ok: AUTHORISED },
  { method: 'GET', path: '/beschikkingen/{id}/mijlpalen/{mijlpaal}/bijlagen', allowed: BESCHIKKING_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/bijlagen/{id}', allowed: [...BESCHIKKING_LEZERS, 'vws', 'programmabureau', 'bestuur'], ok: AUTHORISED },
  // The accountability (docs/verantwoording.md): the programme office sets the year's framework,
  // the lead accounts and adds documents, the readers of a beschikking read.
  { method: 'GET', path: '/verantwoordingskaders', allowed: [...BESCHIKKING_LEZERS, 'programmabureau'], ok: 200 },
  { method: 'PUT', path: '/verantwoordingskaders/{jaar}', allowed: ['programmabureau'], ok: AUTHORISED },
  { method: 'POST', path: '/beschikkingen/{id}/verantwoordingen', allowed: ['aanvrager'], ok: AUTHORISED },
  { method: 'GET', path: '/beschikkingen/{id}/verantwoordingen', allowed: BESCHIKKING_LEZERS, ok: AUTHORISED },
  { method: 'POST', path: '/beschikkingen/{id}/verantwoordingen/{jaar}/bijlagen', allowed: ['aanvrager'], ok: AUTHORISED },
  { method: 'POST', path: '/verantwoordingen/{id}/plausibiliteitstoets', allowed: ['beoordelaar'], ok: AUTHORISED },
  { method: 'POST', path: '/verantwoordingen/{id}/informatieverzoeken', allowed: ['beoordelaar'], ok: AUTHORISED },
  { method: 'POST', path: '/jaarstaten', allowed: ['beoordelaar'], ok: AUTHORISED },
  { method: 'GET', path: '/jaarstaten', allowed: JAARSTAAT_LEZERS, ok: 200 },
  { method: 'POST', path: '/jaarstaten/{id}/rechtsoordeel', allowed: ['nza'], ok: AUTHORISED },
  { method: 'GET', path: '/jaarstaten/{id}/rechtsoordeel/document', allowed: JAARSTAAT_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/jaarstaten/{id}/rechtsoordeel/document.pdf', allowed: JAARSTAAT_LEZERS, ok: AUTHORISED },
  { method: 'POST', path: '/vereveningen', allowed: ['zorginstituut'], ok: AUTHORISED },
  { method: 'GET', path: '/vereveningen', allowed: JAARSTAAT_LEZERS, ok: 200 },
  { method: 'GET', path: '/vereveningen/export', allowed: JAARSTAAT_LEZERS, ok: 200 },
  { method: 'GET', path: '/vereveningen/{id}/document', allowed: JAARSTAAT_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/vereveningen/{id}/document.pdf', allowed: JAARSTAAT_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/grootboek/rekeningen', allowed: GROOTBOEK_LEZERS, ok: 200 },
  { method: 'GET', path: '/grootboek/boekingen', allowed: GROOTBOEK_LEZERS, ok: 200 },
  { method: 'GET', path: '/grootboek/journaal', allowed: GROOTBOEK_LEZERS.filter((r) => r !== 'beoordelaar'), ok: 200 },

  // The board's step (docs/bestuur.md). The macro overview is public (the core
  // decides what each caller sees: totals for everyone, lines per area, sector and region,
  // filters and applications for the board, the programme office, the auditor and the
  // insurers; tested in tests/api/verdeling.test.mjs); the matrix sends no round, so it
  // answers 400. Scenarios: the board computes them, the board, the programme office and
  // the auditor read them; the decision: the board takes it, NZa reads it too. Id 1 is a
  // demo scenario, or nothing: 200 or 404.
  { method: 'GET', path: '/macrooverzicht', allowed: 'publiek', ok: AUTHORISED },
  { method: 'POST', path: '/verdeelscenarios', allowed: ['bestuur'], ok: AUTHORISED },
  { method: 'GET', path: '/verdeelscenarios', allowed: SCENARIO_LEZERS, ok: 200 },
  { method: 'GET', path: '/verdeelscenarios/vergelijking', allowed: SCENARIO_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/verdeelscenarios/{id}', allowed: SCENARIO_LEZERS, ok: AUTHORISED },
  { method: 'GET', path: '/verdeelscenarios/{id}/lp', allowed: SCENARIO_LEZERS, ok: AUTHORISED },
  // Scenarios as jobs (docs/bestuur.md §3.1): the board places and cancels, the readers of
  // scenarios read; the matrix sends an empty body or an unknown id: 400 or 404.
  { method: 'POST', path: '/verdeeltaken', allowed: ['bestuur'], ok: AUTHORISED },
  { method: 'GET', path: '/verdeeltaken/{id}', allowed: SCENARIO_LEZERS, ok: AUTHORISED },
  { method: 'POST', path: '/verdeeltaken/{id}/annulering', allowed: ['bestuur'], ok: AUTHORISED },
  { method: 'POST', path: '/bestuursbesluiten', allowed: ['bestuur'], ok: AUTHORISED },
  { method: 'GET', path: '/bestuursbesluiten', allowed: [...SCENARIO_LEZERS, 'nza'], ok: 200 },
  { method: 'GET', path: '/bestuursbesluiten/{id}', allowed: [...SCENARIO_LEZERS, 'nza'], ok: AUTHORISED },
  // the board's framework decisions (macrobedrag per theme, impact bar): the board decides, every party reads
  { method: 'POST', path: '/kaderbesluiten', allowed: ['bestuur'], ok: AUTHORISED },
  { method: 'GET', path: '/kaderbesluiten', allowed: INGELOGD, ok: 200 },
  { method: 'GET', path: '/kaderbesluiten/{id}', allowed: INGELOGD, ok: AUTHORISED },

  // The social-domain track (docs/sociaal-domein.md): public regions, data published by its body,
  // work agendas by the mandaatgemeente, signed by municipalities, assessed by VNG and ZN.
  { method: 'GET', path: '/regios', allowed: 'publiek', ok: 200 },
  { method: 'GET', path: '/regioindelingen', allowed: 'publiek', ok: 200 },
  { method: 'POST', path: '/regioindelingen', allowed: ['programmabureau'], ok: AUTHORISED },
  { method: 'GET', path: '/regioscanschalen', allowed: 'publiek', ok: 200 },
  { method: 'POST', path: '/regioscanschalen', allowed: ['programmabureau'], ok: AUTHORISED },
  { method: 'GET', path: '/beoordelingskaders', allowed: INGELOGD, ok: 200 },
  { method: 'POST', path: '/beoordelingskaders', allowed: ['bestuur'], ok: AUTHORISED },
  { method: 'GET', path: '/verdeelsleutels', allowed: INGELOGD, ok: 200 },
  { method: 'POST', path: '/verdeelsleutels', allowed: ['vws'], ok: AUTHORISED },
  { method: 'GET', path: '/regioscans', allowed: INGELOGD, ok: 200 },
  { method: 'POST', path: '/regioscans', allowed: ['programmabureau'], ok: AUTHORISED },
  { method: 'POST', path: '/regioscans/import', allowed: ['programmabureau'], ok: AUTHORISED },
  { method: 'GET', path: '/werkagendas', allowed: WERKAGENDA_LEZERS, ok: 200 },
  { method: 'POST', path: '/werkagendas', allowed: ['gemeente'], ok: AUTHORISED },
  { method: 'GET', path: '/werkagendas/{id}', allowed: WERKAGENDA_LEZERS, ok: AUTHORISED },
  { method: 'PUT', path: '/werkagendas/{id}', allowed: ['gemeente'], ok: AUTHORISED },
  { method: 'POST', path: '/werkagendas/{id}/indiening', allowed: ['gemeente'], ok: AUTHORISED },
  { method: 'POST', path: '/werkagendas/{id}/bijlagen', allowed: ['gemeente'], ok: AUTHORISED },
  { method: 'POST', path: '/werkagendas/{id}/ondertekeningen', allowed: ['gemeente'], ok: AUTHORISED },
  { method: 'POST', path: '/werkagendas/{id}/beoordelingen', allowed: ['beoordelaar'], ok: AUTHORISED },
  // The SPUK: VWS allocates and pays, a municipality reads and accounts for its own decisions.
  { method: 'POST', path: '/spuk-toekenningen', allowed: ['vws'], ok: AUTHORISED },
  { method: 'GET', path: '/spuk-toekenningen', allowed: SPUK_LEZERS, ok: 200 },
  { method: 'GET', path: '/spuk-beschikkingen', allowed: [...SPUK_LEZERS, 'gemeente'], ok: 200 },
  { method: 'GET', path: '/spuk-beschikkingen/{id}', allowed: [...SPUK_LEZERS, 'gemeente'], ok: AUTHORISED },
  { method: 'GET', path: '/spuk-beschikkingen/{id}/document', allowed: [...SPUK_LEZERS, 'gemeente'], ok: AUTHORISED },
  { method: 'GET', path: '/spuk-beschikkingen/{id}/document.pdf', allowed: [...SPUK_LEZERS, 'gemeente'], ok: AUTHORISED },
  { method: 'POST', path: '/spuk-beschikkingen/{id}/betaling', allowed: ['vws'], ok: AUTHORISED },
  { method: 'POST', path: '/spuk-beschikkingen/{id}/verantwoordingen', allowed: ['gemeente'], ok: AUTHORISED },
  // Progress twice a year: the mandaatgemeente reports; the overview is public, its export for the parties.
  { method: 'POST', path: '/voortgangsrapportages', allowed: ['gemeente'], ok: AUTHORISED },
  { method: 'GET', path: '/voortgangsoverzicht', allowed: 'publiek', ok: AUTHORISED },
  { method: 'GET', path: '/voortgangsoverzicht/export', allowed: WERKAGENDA_LEZERS, ok: AUTHORISED },
  // Monitoring and transparency
  { method: 'GET', path: '/rapportageperiodes', allowed: 'publiek', ok: 200 },
  { method: 'GET', path: '/beschikkingen/{id}/voortgangsrapportages',
    allowed: [...new Set([...BESCHIKKING_LEZERS, ...MONITORING_LEZERS])], ok: AUTHORISED },
  { method: 'POST', path: '/beschikkingen/{id}/voortgangsrapportages', allowed: ['aanvrager'], ok: AUTHORISED },
  { method: 'GET', path: '/signalen', allowed: ['beoordelaar', ...MONITORING_LEZERS], ok: 200 },
  { method: 'POST', path: '/signalen/kennisnames', allowed: ['beoordelaar'], ok: AUTHORISED },
  { method: 'GET', path: '/programmamonitor', allowed: MONITORING_LEZERS, ok: 200 },
  { method: 'GET', path: '/programmamonitor/kwartaalrapportage', allowed: MONITORING_LEZERS, ok: 200 },
  { method: 'GET', path: '/programmamonitor/kwartaalrapportage.pdf', allowed: MONITORING_LEZERS, ok: 200 },
  { method: 'GET', path: '/open-data/plannen', allowed: 'publiek', ok: 200 },
  { method: 'GET', path: '/open-data/plannen.csv', allowed: 'publiek', ok: 200 },
  { method: 'GET', path: '/open-data/plannen/beschrijving', allowed: 'publiek', ok: 200 },
];

/** The role the API-token caller holds. */
export const TOKEN_ROL = 'beoordelaar';

/**
 * The expected status of `caller` on `row` for an object of its own
 * organisation (own = true) or of another (own = false). Deny by default:
 * only what the row grants is allowed.
 */
export function expectedStatus(row, caller, own) {
  if (row.allowed === 'publiek') return row.ok;
  if (caller === 'anoniem') return 401;
  const role = caller === 'token' ? 'token' : caller;
  const allowed = row.allowed.includes(role) || (caller === 'token' && row.allowed.includes(TOKEN_ROL));
  if (!allowed) return 403;
  if (caller === 'token' && row.tokenStatus) return row.tokenStatus;
  if (!own && row.other && !row.other.allowed.includes(role)) return row.other.status;
  return row.ok;
}

/** Whether `status` is what `want` (a status or AUTHORISED) asks for. */
export function statusMatches(want, status) {
  if (want === AUTHORISED) return status !== 401 && status !== 403 && status < 500;
  return status === want;
}

/** Whether `caller`'s answer on a list route may hold other organisations' objects. */
export function seesOther(row, caller) {
  return Boolean(row.seesOther && row.seesOther.includes(caller));
}
