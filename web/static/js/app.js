// SPDX-License-Identifier: EUPL-1.2
//
// app.js -- the entry point: the screens (routes), the page header with
// the menu for the visitor's role, the service status in the footer.
// docs/web.md explains the structure and how to add a screen.

import { api } from './api.js';
import { button, h, replaceChildren } from './dom.js';
import { rolnaam } from './rollen.js';
import { menu, navigate, onRender, route, start } from './router.js';
import { laadSessie, onSessieWijziging, sessie, uitloggen } from './sessie.js';

// --- the screens ------------------------------------------------------------
// Order matters only for the menu. toegang: 'publiek', 'ingelogd' or roles.

route('/', { titel: 'Overzicht', menu: 'Overzicht', laad: () => import('./schermen/overzicht.js') });
route('/start', { titel: 'Start', menu: 'Start', toegang: 'ingelogd', laad: () => import('./schermen/start.js') });
route('/toepassingsgebieden', { titel: 'Toepassingsgebieden', menu: 'Toepassingsgebieden', laad: () => import('./schermen/toepassingsgebieden.js') });
route('/modelplannen', { titel: 'Modelplannen', menu: 'Modelplannen', laad: () => import('./schermen/modelplannen.js') });
route('/modelplannen/:id', { titel: 'Modelplan', laad: () => import('./schermen/modelplan.js') });
route('/basiseisen', { titel: 'Basiseisen', menu: 'Basiseisen', laad: () => import('./schermen/basiseisen.js') });
route('/impactlatten', { titel: 'Impactlatten', menu: 'Impactlatten', laad: () => import('./schermen/impactlatten.js') });
route('/account', { titel: 'Mijn account', toegang: 'ingelogd', laad: () => import('./schermen/account.js') });
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
      h('a', { class: 'utrecht-link utrecht-link--html-a', href: '/account' }, gebruiker.gebruikersnaam),
      h('span', { class: 'kop__organisatie' }, ` ${organisatie.naam} · ${gebruiker.rollen.map(rolnaam).join(', ')}`)),
    logoutButton());
}

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
