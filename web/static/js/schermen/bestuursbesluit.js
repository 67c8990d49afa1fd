// SPDX-License-Identifier: EUPL-1.2
//
// Eén bestuursbesluit (bestuur, programmabureau, auditor, nza):
// GET /bestuursbesluiten/{id} (docs/bestuur.md §4): the decision with its
// motivation, and its grants per application and year, each with the key
// of its reservation in the ledger. Totals are summed with BigInt.

import { api } from '../api.js';
import { dataList, h, heading, link, paragraph, table } from '../dom.js';
import { datumTijd, euro, getal, toBigInt } from '../opmaak.js';
import { aanvraagTitels, aanvraagnaam, themanamenVan } from './bestuur-gemeen.js';

const SCENARIOROLLEN = ['bestuur', 'programmabureau', 'auditor'];

export async function toon(ctx) {
  const b = await api.get(`/bestuursbesluiten/${encodeURIComponent(ctx.params.id)}`, { signal: ctx.signal });
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const magScenario = rollen.some((r) => SCENARIOROLLEN.includes(r));
  const [ronde, titels] = await Promise.all([
    api.get(`/indieningsrondes/${b.indieningsronde_id}`, { signal: ctx.signal }).catch(() => null),
    magScenario ? aanvraagTitels(b.indieningsronde_id, ctx.signal) : new Map(),
  ]);
  const themanamen = await themanamenVan(ronde?.catalogusversie ?? 1);
  ctx.titel(`Bestuursbesluit ${b.id}`);

  const totaal = b.toekenningen.reduce((s, t) => s + toBigInt(t.bedrag_cent), 0n);
  const jaren = [...new Set(b.toekenningen.map((t) => t.jaar))].sort();
  const perJaar = jaren.map((jaar) => ({
    jaar,
    cent: b.toekenningen.filter((t) => t.jaar === jaar).reduce((s, t) => s + toBigInt(t.bedrag_cent), 0n),
  }));

  return [
    heading(1, `Bestuursbesluit ${b.id}`),
    paragraph('Het besluit van het bestuur over het totaal van een ronde. Het geld is per aanvraag en jaar gereserveerd in het grootboek; ',
      'de NZa legt het vast in haar beschikking (de bovengrens) of geeft het vrij. Een besluit verandert niet.'),
    dataList([
      ['Ronde', ronde ? (magScenario ? link(`/verdeelscenarios?indieningsronde=${ronde.id}`, ronde.naam) : ronde.naam) : `ronde ${b.indieningsronde_id}`],
      ['Vastgesteld scenario', magScenario ? link(`/verdeelscenarios/${b.verdeelscenario_id}`, `Scenario ${b.verdeelscenario_id}`) : `Scenario ${b.verdeelscenario_id}`],
      ['Genomen op', datumTijd(b.genomen_op)],
      ['Genomen door', b.genomen_door_naam || b.genomen_door],
      ['Toegekend', `${euro(b.toegekend_cent)} voor ${getal(b.aanvraag_aantal)} aanvragen`],
      ['Motivering', b.motivering],
    ]),
    h('section', { 'aria-labelledby': 'kop-bb-jaren' },
      heading(2, 'Per jaar', { id: 'kop-bb-jaren' }),
      table({
        caption: 'Toegekend per jaar',
        columns: [
          { kop: 'Jaar', waarde: (j) => String(j.jaar) },
          { kop: 'Toegekend', getal: true, waarde: (j) => euro(j.cent) },
        ],
        rows: perJaar,
        footer: ['Totaal', euro(totaal)],
      })),
    h('section', { 'aria-labelledby': 'kop-bb-toekenningen' },
      heading(2, 'Toekenningen en reserveringen', { id: 'kop-bb-toekenningen' }),
      table({
        caption: 'Toekenning per aanvraag en jaar, met de sleutel van de reservering in het grootboek',
        columns: [
          { kop: 'Aanvraag', waarde: (t) => [aanvraagnaam(titels, t.aanvraag_id), h('span', { class: 'bestuur-klein' }, ` (nummer ${t.aanvraag_id})`)] },
          { kop: 'Thema', waarde: (t) => themanamen[t.thema] || t.thema },
          { kop: 'Jaar', getal: true, waarde: (t) => String(t.jaar) },
          { kop: 'Bedrag', getal: true, waarde: (t) => euro(t.bedrag_cent) },
          { kop: 'Reservering', waarde: (t) => h('code', { class: 'utrecht-code' }, t.reservering) },
        ],
        rows: b.toekenningen,
        footer: ['Totaal', '', '', euro(totaal), ''],
      })),
  ];
}
