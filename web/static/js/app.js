// SPDX-License-Identifier: EUPL-1.2
//
// app.js -- the entry point: the screens (routes), the page header with
// the menu for the visitor's role, the service status in the footer.
// docs/web.md explains the structure and how to add a screen.

import { api } from './api.js';
import { button, h, replaceChildren } from './dom.js';
import { rolnaam } from './rollen.js';
import { menu, navigate, onRender, route, start } from './router.js';
import { laadSessie, onBerichtenGewijzigd, onSessieWijziging, sessie, uitloggen } from './sessie.js';

// --- the screens ------------------------------------------------------------
// The order is the menu's (the steps of the process), and the first matching
// route wins, so a fixed path ('/aanvragen/nieuw') comes before a pattern
// ('/aanvragen/:id'). toegang: 'publiek', 'ingelogd' or roles.

route('/', { titel: 'Overzicht', menu: 'Overzicht', laad: () => import('./schermen/overzicht.js') });
route('/start', { titel: 'Start', menu: 'Start', toegang: 'ingelogd', laad: () => import('./schermen/start.js') });
route('/toepassingsgebieden', { titel: 'Toepassingsgebieden', menu: 'Toepassingsgebieden', laad: () => import('./schermen/toepassingsgebieden.js') });
route('/modelplannen', { titel: 'Modelplannen', menu: 'Modelplannen', laad: () => import('./schermen/modelplannen.js') });
route('/modelplannen/:id', { titel: 'Modelplan', laad: () => import('./schermen/modelplan.js') });
route('/basiseisen', { titel: 'Basiseisen', menu: 'Basiseisen', laad: () => import('./schermen/basiseisen.js') });
route('/impactlatten', { titel: 'Impactlatten', menu: 'Impactlatten', laad: () => import('./schermen/impactlatten.js') });
// submission rounds: public list; the programme office opens one
route('/indieningsrondes', { titel: 'Indieningsrondes', menu: 'Indieningsrondes', laad: () => import('./schermen/indieningsrondes.js') });
// aanvrager (coalition): my applications, a new draft, the wizard, submission and status ('nieuw' before ':id')
route('/aanvragen', { titel: 'Mijn aanvragen', menu: 'Mijn aanvragen', toegang: ['aanvrager'], laad: () => import('./schermen/aanvragen.js') });
route('/meedoen', { titel: 'Aanvragen waarin uw gemeente meedoet', menu: 'Aanvragen', toegang: ['gemeente'], laad: () => import('./schermen/aanvragen.js') });
route('/aanvragen/nieuw', { titel: 'Nieuwe aanvraag', toegang: ['aanvrager'], laad: () => import('./schermen/aanvraag-nieuw.js') });
route('/aanvragen/:id', { titel: 'Aanvraag', toegang: ['aanvrager', 'gemeente', 'auditor'], laad: () => import('./schermen/aanvraag.js') });
// beoordelaar (insurer): the assessment queue and the joint request to NZa (also signed by the lead)
route('/beoordelingen', { titel: 'Beoordelen', menu: 'Beoordelen', toegang: ['beoordelaar'], laad: () => import('./schermen/beoordelingen.js') });
route('/beoordelingen/:id', { titel: 'Aanvraag beoordelen', toegang: ['beoordelaar'], laad: () => import('./schermen/beoordeling.js') });
route('/nza-aanvragen', { titel: 'Verzoeken aan NZa', menu: 'Verzoeken aan NZa', toegang: ['beoordelaar', 'aanvrager'], laad: () => import('./schermen/nza-aanvragen.js') });
route('/nza-aanvragen/nieuw', { titel: 'Verzoek aan NZa opstellen', toegang: ['beoordelaar'], laad: () => import('./schermen/nza-aanvraag-nieuw.js') });
route('/nza-aanvragen/:id', { titel: 'Verzoek aan NZa', toegang: ['beoordelaar', 'aanvrager', 'nza', 'auditor'], laad: () => import('./schermen/nza-aanvraag.js') });
// bestuur (national board): macro overview (public), allocation scenarios, side by side, the decision
route('/kaderbesluiten', { titel: 'Kaderbesluiten', menu: 'Kaderbesluiten', toegang: ['bestuur', 'programmabureau', 'auditor'], laad: () => import('./schermen/kaderbesluiten.js') });
route('/macrooverzicht', { titel: 'Macro-overzicht', menu: 'Macro-overzicht', laad: () => import('./schermen/macrooverzicht.js') });
route('/verdeelscenarios', { titel: 'Verdeelscenario’s', menu: 'Verdeelscenario’s', toegang: ['bestuur', 'programmabureau', 'auditor'], laad: () => import('./schermen/verdeelscenarios.js') });
route('/verdeelscenarios/vergelijking', { titel: 'Scenario’s naast elkaar', toegang: ['bestuur', 'programmabureau', 'auditor'], laad: () => import('./schermen/scenariovergelijking.js') });
route('/verdeelscenarios/:id', { titel: 'Verdeelscenario', toegang: ['bestuur', 'programmabureau', 'auditor'], laad: () => import('./schermen/verdeelscenario.js') });
route('/bestuursbesluiten/:id', { titel: 'Bestuursbesluit', toegang: ['bestuur', 'programmabureau', 'auditor', 'nza'], laad: () => import('./schermen/bestuursbesluit.js') });
// NZa: joint requests, decisions with their milestones, the ledger (docs/beschikking.md)
route('/nza/verzoeken', { titel: 'Verzoeken om een beschikking', menu: 'Verzoeken', toegang: ['nza'], laad: () => import('./schermen/nza-verzoeken.js') });
route('/nza/verzoeken/:id', { titel: 'Verzoek', toegang: ['nza', 'auditor'], laad: () => import('./schermen/nza-verzoek.js') });
route('/beschikkingen', { titel: 'Beschikkingen', menu: 'Beschikkingen', toegang: ['aanvrager', 'gemeente', 'beoordelaar', 'nza', 'zorginstituut', 'auditor'], laad: () => import('./schermen/beschikkingen.js') });
route('/beschikkingen/:id', { titel: 'Beschikking', toegang: ['aanvrager', 'gemeente', 'beoordelaar', 'nza', 'zorginstituut', 'auditor'], laad: () => import('./schermen/beschikking.js') });
// after the payment (docs/verantwoording.md): accountability, statements and judgements, settlement
route('/beschikkingen/:id/voortgang', { titel: 'Voortgang van een project', toegang: ['aanvrager', 'gemeente', 'beoordelaar', 'nza', 'zorginstituut', 'auditor', 'bestuur', 'programmabureau', 'vws'], laad: () => import('./schermen/projectvoortgang.js') });
route('/beschikkingen/:id/verantwoording', { titel: 'Verantwoording', toegang: ['aanvrager', 'gemeente', 'beoordelaar', 'nza', 'zorginstituut', 'auditor'], laad: () => import('./schermen/verantwoording.js') });
route('/verantwoordingskaders', { titel: 'Verantwoordingskaders', menu: 'Verantwoordingskaders', toegang: ['programmabureau', 'nza', 'zorginstituut', 'auditor'], laad: () => import('./schermen/verantwoordingskaders.js') });
route('/jaarstaten', { titel: 'Jaarstaten', menu: 'Jaarstaten', toegang: ['beoordelaar', 'nza', 'zorginstituut', 'auditor', 'bestuur', 'programmabureau'], laad: () => import('./schermen/jaarstaten.js') });
route('/vereveningen', { titel: 'Vereveningen', menu: 'Vereveningen', toegang: ['zorginstituut', 'nza', 'auditor', 'beoordelaar', 'bestuur', 'programmabureau'], laad: () => import('./schermen/vereveningen.js') });
route('/grootboek', { titel: 'Grootboek', menu: 'Grootboek', toegang: ['nza', 'programmabureau', 'bestuur', 'zorginstituut', 'auditor', 'beoordelaar'], laad: () => import('./schermen/grootboek.js') });
// the social domain (docs/sociaal-domein.md): public progress map, scans, work agendas, the SPUK, progress
route('/programmamonitor', { titel: 'Programmamonitor', menu: 'Programmamonitor', toegang: ['bestuur', 'programmabureau', 'vws', 'nza', 'zorginstituut', 'auditor'], laad: () => import('./schermen/programmamonitor.js') });
route('/signalen', { titel: 'Signalen', menu: 'Signalen', toegang: ['beoordelaar', 'bestuur', 'programmabureau', 'vws', 'nza', 'zorginstituut', 'auditor'], laad: () => import('./schermen/signalen.js') });
route('/open-data', { titel: 'Open data', menu: 'Open data', laad: () => import('./schermen/open-data.js') });

route('/sociaal-domein', { titel: 'Sociaal domein', menu: 'Sociaal domein', laad: () => import('./schermen/sociaal-domein.js') });
route('/regioscans', { titel: 'Regioscans', menu: 'Regioscans', toegang: ['programmabureau', 'gemeente', 'beoordelaar', 'vws', 'bestuur', 'auditor'], laad: () => import('./schermen/regioscans.js') });
route('/werkagendas', { titel: 'Werkagenda’s', menu: 'Werkagenda’s', toegang: ['gemeente', 'beoordelaar', 'vws', 'programmabureau', 'bestuur', 'auditor'], laad: () => import('./schermen/werkagendas.js') });
route('/werkagendas/:id', { titel: 'Werkagenda', toegang: ['gemeente', 'beoordelaar', 'vws', 'programmabureau', 'bestuur', 'auditor'], laad: () => import('./schermen/werkagenda.js') });
route('/spuk', { titel: 'SPUK sociaal domein', menu: 'SPUK', toegang: ['vws', 'programmabureau', 'bestuur', 'auditor', 'gemeente'], laad: () => import('./schermen/spuk.js') });
route('/voortgang', { titel: 'Voortgang sociaal domein', menu: 'Voortgang', toegang: ['gemeente', 'beoordelaar', 'vws', 'programmabureau', 'bestuur', 'auditor'], laad: () => import('./schermen/voortgang.js') });
// Programme office and administrator: catalogue publication, organisations, accounts, API tokens
route('/catalogusbeheer', { titel: 'Catalogusbeheer', menu: 'Catalogusbeheer', toegang: ['programmabureau'], laad: () => import('./schermen/catalogusbeheer.js') });
route('/organisaties', { titel: 'Organisaties', menu: 'Organisaties', toegang: ['beheerder', 'auditor'], laad: () => import('./schermen/organisaties.js') });
route('/organisaties/:id', { titel: 'Organisatie', toegang: ['beheerder', 'auditor'], laad: () => import('./schermen/organisatie.js') });
route('/auditlog', { titel: 'Auditlog', menu: 'Auditlog', toegang: ['auditor', 'beheerder'], laad: () => import('./schermen/auditlog.js') });
route('/mailwachtrij', { titel: 'Mailwachtrij', menu: 'Mailwachtrij', toegang: ['beheerder'], laad: () => import('./schermen/mailwachtrij.js') });
route('/gebruikers', { titel: 'Accounts', menu: 'Accounts', toegang: ['beheerder', 'auditor'], laad: () => import('./schermen/gebruikers.js') });
route('/gebruikers/:id', { titel: 'Account', toegang: ['beheerder', 'auditor'], laad: () => import('./schermen/gebruiker.js') });
route('/apitokens', { titel: 'API-tokens', menu: 'API-tokens', toegang: ['beheerder', 'auditor'], laad: () => import('./schermen/apitokens.js') });
// everyone: own account, login, after logout
route('/account', { titel: 'Mijn account', toegang: 'ingelogd', laad: () => import('./schermen/account.js') });
route('/berichten', { titel: 'Berichten', toegang: 'ingelogd', laad: () => import('./schermen/berichten.js') });
route('/wachtwoord-vergeten', { titel: 'Wachtwoord vergeten', laad: () => import('./schermen/wachtwoord-vergeten.js') });
route('/wachtwoord-herstellen', { titel: 'Nieuw wachtwoord kiezen', laad: () => import('./schermen/wachtwoord-herstellen.js') });
route('/inloggen', { titel: 'Inloggen', laad: () => import('./schermen/inloggen.js') });
route('/uitgelogd', { titel: 'Uitgelogd', laad: () => import('./schermen/uitgelogd.js') });

// --- page header and menu ---------------------------------------------------

const menuList = document.getElementById('menu');
const userBox = document.getElementById('kop-gebruiker');

function renderMenu(path = window.location.pathname) {
  const items = menu().map(({ href, label }) => {
    const active = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
    return h('li', { class: 'utrecht-nav-list__item' },
      h('a', {
        class: ['utrecht-nav-list__link', 'utrecht-link', 'utrecht-link--html-a', active && 'utrecht-nav-list__link--current'],
        href,
        'aria-current': active ? 'page' : null,
      }, label));
  });
  replaceChildren(menuList, items);
}

async function logout(btn) {
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  try {
    await uitloggen();
    await navigate('/uitgelogd');
  } catch (err) {
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
    replaceChildren(userBox, h('p', { class: 'utrecht-paragraph kop__fout', role: 'alert' },
      `Uitloggen is niet gelukt: ${err.message}`), logoutButton());
  }
}

function logoutButton() {
  const btn = button('Uitloggen', { kind: 'secondary', class: 'kop__knop', onClick: () => logout(btn) });
  return btn;
}

function renderUser() {
  const who = sessie();
  if (!who) {
    const here = window.location.pathname;
    replaceChildren(userBox, here === '/inloggen' ? null
      : h('a', { class: 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action', href: '/inloggen' }, 'Inloggen'));
    return;
  }
  const { gebruiker, organisatie } = who;
  replaceChildren(userBox,
    h('p', { class: 'utrecht-paragraph kop__wie' },
      h('a', { class: 'utrecht-link utrecht-link--html-a', href: '/account' },
        gebruiker.naam ? `${gebruiker.naam} (${gebruiker.gebruikersnaam})` : gebruiker.gebruikersnaam),
      h('span', { class: 'kop__organisatie' }, ` ${organisatie.naam} · ${gebruiker.rollen.map(rolnaam).join(', ')}`)),
    berichtenLink,
    logoutButton());
  telBerichten();
}

// "Berichten (3)": the unread messages of the logged-in account (docs/berichten.md)
const berichtenLink = h('a', { class: 'utrecht-link utrecht-link--html-a kop__berichten', href: '/berichten' }, 'Berichten');
async function telBerichten() {
  try {
    const r = await api.get('/berichten', { query: { ongelezen: 'true', limiet: 1 }, timeoutMs: 10000 });
    berichtenLink.textContent = r.ongelezen ? `Berichten (${r.ongelezen})` : 'Berichten';
    berichtenLink.setAttribute('aria-label', r.ongelezen === 1 ? 'Berichten, 1 ongelezen'
      : r.ongelezen ? `Berichten, ${r.ongelezen} ongelezen` : 'Berichten, geen ongelezen');
  } catch {
    berichtenLink.textContent = 'Berichten';
    berichtenLink.removeAttribute('aria-label');
  }
}
onBerichtenGewijzigd(telBerichten);

onSessieWijziging(() => {
  renderMenu();
  renderUser();
});
onRender((path) => {
  renderMenu(path);
  renderUser();
});

// --- service status in the footer -------------------------------------------

async function renderStatus() {
  const el = document.getElementById('dienststatus');
  try {
    const s = await api.get('/status', { timeoutMs: 10000 });
    const ok = s.schemaversie === s.schemaversie_verwacht;
    el.textContent = ok
      ? `Status van de dienst: beschikbaar (versie ${s.versie}, API ${s.api_versie}).`
      : `Status van de dienst: beschikbaar, maar de database wordt bijgewerkt (versie ${s.versie}).`;
  } catch {
    el.textContent = 'Status van de dienst: niet bereikbaar. Probeer het later opnieuw.';
  }
}

// --- start ------------------------------------------------------------------

async function main() {
  await laadSessie();
  renderMenu();
  renderUser();
  await start(document.getElementById('inhoud'));
  renderStatus();
}

main();
