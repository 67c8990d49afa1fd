// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-coalitie.js -- one step of the application wizard (aanvraag.js,
// maakWizard): orgOmschrijving, stapCoalitie. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { api } from '../api.js';
import { groep, lees, schrijf } from '../aanvraagformulier.js';
import { button, h, paragraph, replaceChildren, uniqueId } from '../dom.js';
import { euro } from '../opmaak.js';

const SOORT = [{ waarde: 'zorgaanbieder', tekst: 'Zorgaanbieder' }, { waarde: 'gemeente', tekst: 'Gemeente' }];

function orgOmschrijving(wz) {
  const { eigenOrg } = wz;
  return eigenOrg
    ? `Zoek de organisatie hieronder in het register, of typ haar nummer. Uw organisatie, ${eigenOrg.naam}, heeft nummer ${eigenOrg.id}.`
    : 'Zoek de organisatie hieronder in het register, of typ haar nummer.';
}

/** An organisation as a person reads it: name, place and code. */
export function orgTekst(o) {
  const code = o.agb_code ? `AGB ${o.agb_code}` : o.uzovi_code ? `UZOVI ${o.uzovi_code}` : o.cbs_code ? `CBS ${o.cbs_code}` : null;
  return [o.naam, o.plaats && o.plaats !== o.naam ? o.plaats : null, code].filter(Boolean).join(', ');
}

/**
 * Finding a participant in the register (GET /organisaties?zoek=): a search
 * field, and the organisations found as buttons "Kies ..."; choosing one
 * puts its number and kind in the row `rp` of the document.
 */
function zoekInRegister(wz, rp) {
  const id = uniqueId('zoek');
  const invoer = h('input', { class: 'utrecht-textbox utrecht-textbox--html-input', id, type: 'search', autocomplete: 'off',
    'aria-describedby': `${id}-uitleg` });
  const uitkomst = h('div', { class: 'zoekuitkomst', role: 'status' });
  const gekozen = lees(wz.doc, `${rp}/organisatie`);
  const naam = wz.organisaties?.get(gekozen);
  async function zoek() {
    const q = invoer.value.trim();
    if (q.length < 2) {
      replaceChildren(uitkomst, paragraph('Typ ten minste twee tekens.'));
      return;
    }
    const r = await api.get('/organisaties', { query: { zoek: q, limiet: 20 }, signal: wz.ctx.signal });
    const passend = r.organisaties.filter((o) => o.soort === 'zorgaanbieder' || o.soort === 'gemeente');
    replaceChildren(uitkomst, passend.length
      ? h('ul', { class: 'utrecht-unordered-list zoekuitkomst__lijst' }, passend.map((o) => h('li', { class: 'utrecht-unordered-list__item' },
        button(`Kies ${orgTekst(o)}`, { kind: 'secondary', onClick: () => {
          schrijf(wz.doc, `${rp}/organisatie`, o.id);
          schrijf(wz.doc, `${rp}/soort`, o.soort);
          wz.organisaties?.set(o.id, o);
          wz.gewijzigd();
          wz.herteken({ focusPointer: `${rp}/organisatie` });
        } }))))
      : paragraph(`Geen zorgaanbieder of gemeente gevonden met "${q}".`));
  }
  if (!wz.bewerkbaar) return naam ? paragraph(`Organisatie: ${orgTekst(naam)}`) : null;
  return h('div', { class: 'utrecht-form-field utrecht-form-field--text registerzoeker' },
    naam ? paragraph(h('strong', {}, 'Gekozen: '), orgTekst(naam)) : null,
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: id }, 'Zoek in het register')),
    h('div', { class: 'utrecht-form-field__description', id: `${id}-uitleg` },
      'Een deel van de naam, of een hele AGB- of CBS-code.'),
    h('div', { class: 'utrecht-form-field__input zoekregel' }, invoer, ' ',
      button('Zoeken', { kind: 'secondary', onClick: zoek })),
    uitkomst);
}

export function stapCoalitie(wz) {
  const { bind, eigenOrg, reg, rijen, sectoren } = wz;
  const sectorOpties = [{ waarde: undefined, tekst: 'Geen (een gemeente)' }, ...sectoren.map((s) => ({ waarde: s.id, tekst: s.naam }))];
  const penOpties = [{ waarde: undefined, tekst: 'Nog niet gekozen' }];
  if (eigenOrg) penOpties.push({ waarde: eigenOrg.id, tekst: `${eigenOrg.naam} (nummer ${eigenOrg.id})` });
  // both insurers from the register, by name (GET /organisaties?soort=zorgverzekeraar)
  const verzekeraarOpties = [{ waarde: undefined, tekst: 'Nog niet gekozen' },
    ...(wz.verzekeraars || []).map((o) => ({ waarde: o.id, tekst: orgTekst(o) }))];
  const out = [
    paragraph('Een aanvraag is gezamenlijk: de zorgaanbieders van de coalitie (en eventueel gemeenten, zonder bedrag), met één zorgaanbieder als penvoerder. ',
      'Twee zorgverzekeraars beoordelen haar.'),
    bind({ pointer: '/coalitie/penvoerder', label: 'Penvoerder', soort: 'keuze', opties: penOpties,
      omschrijving: 'De penvoerder is de organisatie die de aanvraag maakt en indient.' }).element,
  ];
  out.push(reg(groep({
    pointer: '/coalitie/deelnemers',
    label: 'Deelnemers',
    kop: 'h3',
    omschrijving: 'Elke deelnemer met het bedrag dat voor haar is bestemd (vraag 5.9). Neem ook de penvoerder op.',
    inhoud: rijen({
      p: '/coalitie/deelnemers',
      lijst: 'deelnemers',
      enkelvoud: 'Deelnemer',
      leegTekst: 'Er zijn nog geen deelnemers.',
      autosave: false,
      maakNieuw: () => ({ soort: 'zorgaanbieder', bedrag_cent: 0 }),
      rij: (item, i, rp) => h('div', { class: 'rij__velden' },
        bind({ pointer: `${rp}/organisatie`, label: 'Organisatienummer', soort: 'getal', omschrijving: orgOmschrijving(wz) }).element,
        zoekInRegister(wz, rp),
        bind({ pointer: `${rp}/soort`, label: 'Soort', soort: 'keuze', opties: SOORT }).element,
        bind({ pointer: `${rp}/sector`, label: 'Sector', soort: 'keuze', opties: sectorOpties }).element,
        bind({ pointer: `${rp}/bedrag_cent`, label: 'Bedrag voor deze deelnemer', soort: 'bedrag', omschrijving: 'In euro’s, bijvoorbeeld 1.250.000 of 1.234,56.' }).element),
    }),
  })).element);
  out.push(reg(groep({
    pointer: '/coalitie#verzekeraars',
    label: 'Zorgverzekeraars',
    kop: 'h3',
    klasse: 'groep--verzekeraars',
    inhoud: [
      bind({ pointer: '/coalitie/coordinerend_verzekeraar', label: 'Coördinerend zorgverzekeraar', soort: 'keuze', opties: verzekeraarOpties,
        omschrijving: 'De zorgverzekeraar die de aanvraag als eerste beoordeelt en de mijlpalen betaalt.' }).element,
      bind({ pointer: '/coalitie/tweede_verzekeraar', label: 'Tweede zorgverzekeraar', soort: 'keuze', opties: verzekeraarOpties,
        omschrijving: 'Een andere zorgverzekeraar, bij voorkeur van een ander concern.' }).element,
    ],
  })).element);
  return out;
}
