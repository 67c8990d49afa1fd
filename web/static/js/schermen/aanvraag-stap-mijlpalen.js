// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-mijlpalen.js -- one step of the application wizard (aanvraag.js,
// maakWizard): stapMijlpalen. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { groep } from '../aanvraagformulier.js';
import { h, paragraph, table } from '../dom.js';
import { datum, euro, procent } from '../opmaak.js';

export function stapMijlpalen(wz) {
  const { bind, doc, id, normen, reg, rijen } = wz;
  const sjablonen = normen.mijlpalen || [];
  const opties = sjablonen.map((m) => ({ waarde: m.id, tekst: `${m.id}: ${m.naam}` }));
  const out = [
    paragraph('De zorgverzekeraar betaalt per bereikte mijlpaal. Neem de mijlpalen van het modelplan op, met uw streefdatum en het bedrag dat bij de mijlpaal hoort.'),
    table({
      caption: 'Mijlpalen van het modelplan',
      columns: [
        { kop: 'Mijlpaal', waarde: (m) => `${m.id}: ${m.naam}` },
        { kop: 'Uiterlijk op', waarde: (m) => datum(m.uiterlijk_op) },
        { kop: 'Deel van het bedrag', getal: true, waarde: (m) => procent(m.aandeel_bp) },
      ],
      rows: sjablonen,
    }),
  ];
  out.push(reg(groep({
    pointer: '/mijlpalen',
    label: 'Uw mijlpalen',
    kop: 'h3',
    inhoud: rijen({
      p: '/mijlpalen',
      lijst: 'mijlpalen',
      enkelvoud: 'Mijlpaal',
      leegTekst: 'Er zijn nog geen mijlpalen.',
      maakNieuw: () => {
        const al = new Set((doc.mijlpalen || []).map((m) => m.id));
        const volgende = sjablonen.find((m) => !al.has(m.id)) || sjablonen[0] || { id: 'm1', uiterlijk_op: '2027-06-30' };
        return { id: volgende.id, streefdatum: volgende.uiterlijk_op, bedrag_cent: 0 };
      },
      rij: (item, i, rp) => h('div', { class: 'rij__velden' },
        bind({ pointer: `${rp}/id`, label: 'Mijlpaal van het modelplan', soort: 'keuze', opties }).element,
        bind({ pointer: `${rp}/streefdatum`, label: 'Streefdatum', soort: 'datum' }).element,
        bind({ pointer: `${rp}/bedrag_cent`, label: 'Bedrag bij deze mijlpaal', soort: 'bedrag', omschrijving: 'In euro’s.' }).element),
    }),
  })).element);
  return out;
}
