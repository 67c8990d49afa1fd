// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-afwijkingen.js -- one step of the application wizard (aanvraag.js,
// maakWizard): stapAfwijkingen. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { groep, schrijf, veld } from '../aanvraagformulier.js';
import { button, h, heading, paragraph, replaceChildren as vervang } from '../dom.js';

export function stapAfwijkingen(wz) {
  const { bewerkbaar, bind, controles, doc, element, herteken, normen, reg, rijen, veldLink, zetStatus } = wz;
  const lijstVak = h('div', { class: 'afwijkingenlijst' });
  wz.naTekenen.push(() => {
    const afw = wz.toetsing.afwijkingen || [];
    vervang(lijstVak, afw.length
      ? h('ul', { class: 'utrecht-unordered-list' }, afw.map((a) => {
        const heeft = (doc.afwijkingen || []).findIndex((x) => x.element === a.element);
        return h('li', { class: 'utrecht-unordered-list__item afwijking' },
          veldLink(a.veld || '', a.element), `: norm ${a.norm}; in uw aanvraag ${a.waarde}. `,
          h('strong', {}, a.toegelicht ? 'Toegelicht.' : 'Nog niet toegelicht.'), ' ',
          bewerkbaar && heeft < 0 ? button(`Toelichting schrijven bij ${a.element}`, {
            kind: 'secondary',
            onClick: () => {
              if (!Array.isArray(doc.afwijkingen)) doc.afwijkingen = [];
              doc.afwijkingen.push({ element: a.element, toelichting: '' });
              herteken({ focusPointer: `/afwijkingen/${doc.afwijkingen.length - 1}/toelichting` });
              zetStatus(`Toelichting bij ${a.element} toegevoegd; schrijf haar in het veld.`);
            },
          }) : null);
      }))
      : paragraph('De controles vinden nu geen afwijkingen van de normen van het modelplan.'));
  });
  return [
    paragraph('Wijkt uw aanvraag af van een norm van het modelplan, dan mag dat, maar u licht het toe (pas toe of leg uit). ',
      'Een afwijking of een regionale aanpassing betekent de verdiepte beoordeling.'),
    heading(3, 'Afwijkingen volgens de laatste controle'),
    lijstVak,
    reg(groep({
      pointer: '/afwijkingen',
      label: 'Uw toelichtingen op afwijkingen',
      kop: 'h3',
      inhoud: rijen({
        p: '/afwijkingen',
        lijst: 'afwijkingen',
        enkelvoud: 'Toelichting',
        leegTekst: 'Er zijn nog geen toelichtingen.',
        autosave: false,
        maakNieuw: () => ({ element: '', toelichting: '' }),
        rij: (item, i, rp) => h('div', { class: 'rij__velden rij__velden--breed' },
          bind({ pointer: `${rp}/element`, label: 'Onderdeel van het modelplan', leeg: '', omschrijving: 'De sleutel van de norm, bijvoorbeeld normen.mijlpalen[m4].uiterlijk_op (zie de lijst hierboven).' }).element,
          bind({ pointer: `${rp}/toelichting`, label: 'Toelichting', soort: 'tekstvak', leeg: '', rijen: 3 }).element),
      }),
    })).element,
    reg(groep({
      pointer: '/regionale_aanpassingen',
      label: 'Regionale aanpassingen van het modelplan',
      kop: 'h3',
      inhoud: rijen({
        p: '/regionale_aanpassingen',
        lijst: 'regionale_aanpassingen',
        enkelvoud: 'Regionale aanpassing',
        leegTekst: 'Er zijn geen regionale aanpassingen.',
        autosave: false,
        maakNieuw: () => ({ onderwerp: '', toelichting: '' }),
        rij: (item, i, rp) => h('div', { class: 'rij__velden rij__velden--breed' },
          bind({ pointer: `${rp}/onderwerp`, label: 'Onderwerp', leeg: '' }).element,
          bind({ pointer: `${rp}/toelichting`, label: 'Toelichting', soort: 'tekstvak', leeg: '', rijen: 3 }).element),
      }),
    })).element,
  ];
}
