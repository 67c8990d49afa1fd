// SPDX-License-Identifier: EUPL-1.2
//
// Sociaal domein (public): how far the regions are with the six
// basisfunctionaliteiten, from their newest progress reports
// (GET /voortgangsoverzicht, GET /regios; docs/sociaal-domein.md §6): a
// tile map of the regions and the same in a table, per function to choose,
// and the national count per state. Without the bottlenecks' text, which
// only the parties of the track read.

import { api } from '../api.js';
import { h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { keuzeveld } from '../formulier.js';
import { euro } from '../opmaak.js';
import { VOORTGANG, basisfunctionaliteiten, bfNaam, halfjaar, tegelkaart } from '../sociaal.js';

const NIVEAU = { niet_ingediend: 'geen', niet_gestart: 'niveau-0', in_voorbereiding: 'niveau-1', in_uitvoering: 'niveau-2', gerealiseerd: 'niveau-3' };

export async function toon(ctx) {
  const [overzicht, regioData, bfs] = await Promise.all([
    api.get('/voortgangsoverzicht', { signal: ctx.signal }),
    api.get('/regios', { signal: ctx.signal }),
    basisfunctionaliteiten(ctx.signal),
  ]);
  const perRegio = new Map(overzicht.regios.map((r) => [r.regio, r]));
  const regios = regioData.regios;
  const keuze = keuzeveld({ pointer: '/basisfunctionaliteit', label: 'Basisfunctionaliteit op de kaart',
    opties: bfs.map((b) => ({ waarde: b.id, tekst: b.naam })) });
  const kaartHouder = h('div', { class: 'sociaal-kaart' });

  const status = (code, bf) => {
    const r = perRegio.get(code);
    if (!r?.ingediend) return 'niet_ingediend';
    return r.basisfunctionaliteiten.find((b) => b.id === bf)?.status || 'niet_ingediend';
  };

  function teken() {
    const bf = keuze.input.value;
    const tellingen = Object.keys(VOORTGANG).map((k) => `${VOORTGANG[k]}: ${regios.filter((r) => status(r.code, bf) === k).length}`);
    replaceChildren(kaartHouder,
      tegelkaart({
        regios,
        klasse: (r) => ({ k: NIVEAU[status(r.code, bf)], tekst: VOORTGANG[status(r.code, bf)] }),
        titel: `Kaart van de regio's: ${bfNaam(bfs, bf)}`,
        beschrijving: `${bfNaam(bfs, bf)} per regio${overzicht.periode ? ` in ${halfjaar(overzicht.periode)}` : ''}. ${tellingen.join('; ')}. De tabel hieronder geeft hetzelfde per regio.`,
      }),
      h('ul', { class: 'utrecht-unordered-list legenda' },
        Object.entries(VOORTGANG).map(([k, t]) => h('li', { class: 'utrecht-unordered-list__item' },
          h('span', { class: `legenda__blok tegel--${NIVEAU[k]}`, 'aria-hidden': 'true' }), ` ${t}`))),
      table({
        caption: `${bfNaam(bfs, bf)} per regio`,
        columns: [
          { kop: 'Regio', waarde: (r) => `${r.naam} (${r.code})` },
          { kop: 'Mandaatgemeente', waarde: (r) => r.mandaatgemeente?.naam || '' },
          { kop: 'Stand', waarde: (r) => VOORTGANG[status(r.code, bf)] },
          { kop: 'Besteed (alle functies)', getal: true, waarde: (r) => (perRegio.get(r.code)?.ingediend ? euro(perRegio.get(r.code).besteed_cent) : '') },
        ],
        rows: regios,
      }));
  }
  keuze.input.addEventListener('change', teken);
  teken();
  return [
    heading(1, 'Sociaal domein: voortgang per regio'),
    paragraph('Van de doorbraakmiddelen gaat 2 x EUR 100 mln via gemeenten naar het versneld opschalen van zes '
      + 'basisfunctionaliteiten [002 §4.3], [003 D5]. Elke regio maakt een werkagenda die alle gemeenten ondertekenen en '
      + 'rapporteert twee keer per jaar over de voortgang [001 "Transformeren op het snijvlak"].'),
    paragraph(overzicht.periode
      ? `Stand van ${halfjaar(overzicht.periode)}: ${overzicht.regios_ingediend} van de ${regios.length} regio's rapporteerden; samen besteed ${euro(overzicht.besteed_cent)}.`
      : 'Er zijn nog geen voortgangsrapportages.'),
    keuze.element,
    kaartHouder,
    heading(2, 'Landelijk'),
    table({
      caption: 'Aantal regio\'s per stand, per basisfunctionaliteit',
      columns: [
        { kop: 'Basisfunctionaliteit', waarde: (b) => b.naam },
        ...['niet_gestart', 'in_voorbereiding', 'in_uitvoering', 'gerealiseerd'].map((k) => ({ kop: VOORTGANG[k], getal: true, waarde: (b) => String(b.regios_per_status[k]) })),
        { kop: 'Besteed', getal: true, waarde: (b) => euro(b.besteed_cent) },
      ],
      rows: overzicht.landelijk,
    }),
  ];
}
