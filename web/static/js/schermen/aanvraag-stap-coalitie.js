// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-coalitie.js -- one step of the application wizard (aanvraag.js,
// maakWizard): orgOmschrijving, stapCoalitie. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { groep } from '../aanvraagformulier.js';
import { h, paragraph } from '../dom.js';
import { euro } from '../opmaak.js';

const SOORT = [{ waarde: 'zorgaanbieder', tekst: 'Zorgaanbieder' }, { waarde: 'gemeente', tekst: 'Gemeente' }];

function orgOmschrijving(wz) {
  const { bind, eigenOrg, reg, rijen, sectoren } = wz;
  return eigenOrg
    ? `Het nummer van de organisatie in het organisatieregister. Uw organisatie, ${eigenOrg.naam}, heeft nummer ${eigenOrg.id}.`
    : 'Het nummer van de organisatie in het organisatieregister.';
}

export function stapCoalitie(wz) {
  const { bind, eigenOrg, reg, rijen, sectoren } = wz;
  const sectorOpties = [{ waarde: undefined, tekst: 'Geen (een gemeente)' }, ...sectoren.map((s) => ({ waarde: s.id, tekst: s.naam }))];
  const penOpties = [{ waarde: undefined, tekst: 'Nog niet gekozen' }];
  if (eigenOrg) penOpties.push({ waarde: eigenOrg.id, tekst: `${eigenOrg.naam} (nummer ${eigenOrg.id})` });
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
      bind({ pointer: '/coalitie/coordinerend_verzekeraar', label: 'Coördinerende zorgverzekeraar (organisatienummer)', soort: 'getal' }).element,
      bind({ pointer: '/coalitie/tweede_verzekeraar', label: 'Tweede zorgverzekeraar (organisatienummer)', soort: 'getal' }).element,
    ],
  })).element);
  return out;
}
