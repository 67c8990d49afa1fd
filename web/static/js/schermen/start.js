// SPDX-License-Identifier: EUPL-1.2
//
// Start: the home of a logged-in person. Per role (rollen.js) what the role
// does and its tasks: links to the screens that exist, and a line for each
// screen that is still to come.

import { h, heading, link, paragraph } from '../dom.js';
import { ROLTAKEN, rolnaam } from '../rollen.js';

function taak(t) {
  return h('li', { class: 'utrecht-unordered-list__item' }, t.href ? link(t.href, t.tekst) : t.tekst);
}

export async function toon(ctx) {
  const { gebruiker, organisatie } = ctx.sessie;
  const secties = gebruiker.rollen.map((code) => {
    const r = ROLTAKEN[code];
    return h('section', { class: 'rolsectie', 'aria-labelledby': `rol-${code}` },
      heading(2, rolnaam(code), { id: `rol-${code}` }),
      r ? paragraph(r.wat) : null,
      r ? h('ul', { class: 'utrecht-unordered-list' }, r.taken.map(taak)) : null);
  });
  return [
    heading(1, `Welkom, ${gebruiker.gebruikersnaam}`),
    paragraph(`U bent ingelogd namens ${organisatie.naam}.`),
    ...secties,
    heading(2, 'Voor iedereen'),
    h('ul', { class: 'utrecht-unordered-list' },
      taak({ href: '/', tekst: 'Het openbare overzicht: fonds, potten en thema’s' }),
      taak({ href: '/account', tekst: 'Mijn account' })),
  ];
}
