// SPDX-License-Identifier: EUPL-1.2
//
// Open data (docs/monitoring.md §5): every honoured plan, published actively
// as the Woo asks -- title, lead organisation, region, theme, application
// area, upper bound, milestones reached, fte pledged and realised; never
// personal data. Downloads as CSV and JSON at stable addresses, with a
// description of every column. Public, no login.

import { api } from '../api.js';
import { h, heading, paragraph, table } from '../dom.js';
import { datum, euro } from '../opmaak.js';

const A = 'utrecht-link utrecht-link--html-a';

export async function toon(ctx) {
  const [b, d] = await Promise.all([
    api.get('/open-data/plannen/beschrijving', { signal: ctx.signal }),
    api.get('/open-data/plannen', { signal: ctx.signal }),
  ]);
  const fte = (t) => (t === null ? 'nog niet gerapporteerd' : t.replace(/\.?0+$/, '').replace('.', ','));
  return [
    heading(1, 'Open data: gehonoreerde plannen'),
    paragraph(`${b.beschrijving} Uitgever: ${b.uitgever}. Licentie: publiek domein (CC0). ${b.actualisatie}.`),
    heading(2, 'Downloads'),
    h('ul', { class: 'utrecht-unordered-list' },
      b.distributies.map((x) => h('li', { class: 'utrecht-unordered-list__item' },
        h('a', { class: A, href: x.adres }, `${b.titel} als ${x.formaat}`), ` (${x.mediatype}, vast adres ${x.adres})`)),
      h('li', { class: 'utrecht-unordered-list__item' },
        h('a', { class: A, href: '/api/v1/open-data/plannen/beschrijving' }, 'Beschrijving van de dataset en de kolommen (JSON)'))),
    heading(2, 'Kolommen'),
    table({
      caption: 'Kolommen van de dataset',
      columns: [{ kop: 'Kolom', waarde: (k) => h('code', {}, k.naam) }, { kop: 'Titel', waarde: (k) => k.titel },
        { kop: 'Type', waarde: (k) => k.type }, { kop: 'Betekenis', waarde: (k) => k.beschrijving }],
      rows: b.kolommen,
    }),
    heading(2, 'Plannen'),
    d.plannen.length ? table({
      caption: `Gehonoreerde plannen (${d.plannen.length})`,
      columns: [
        { kop: 'Titel', waarde: (p) => p.titel || p.kenmerk },
        { kop: 'Penvoerder', waarde: (p) => p.penvoerder },
        { kop: 'Regio', waarde: (p) => p.regio || '—' },
        { kop: 'Thema', waarde: (p) => p.thema },
        { kop: 'Bovengrens', getal: true, waarde: (p) => euro(p.bovengrens_cent) },
        { kop: 'Mijlpalen bereikt', getal: true, waarde: (p) => `${p.mijlpalen_bereikt} van ${p.mijlpalen}` },
        { kop: 'Fte toegezegd', getal: true, waarde: (p) => fte(p.fte_toegezegd) },
        { kop: 'Fte gerealiseerd', getal: true, waarde: (p) => fte(p.fte_gerealiseerd) },
        { kop: 'Beschikking', waarde: (p) => datum(p.datum_beschikking) },
      ],
      rows: d.plannen,
    }) : paragraph('Er zijn nog geen gehonoreerde plannen.'),
  ];
}
