// SPDX-License-Identifier: EUPL-1.2
//
// Impactlatten (public): the scenarios of fte saved per EUR 1 mln invested
// (Gupta), the board's choice (not made yet: null), and the AZWA ambition,
// as a chart with the equivalent table.

import * as catalogus from '../catalogus.js';
import { dataList, h, heading, paragraph, table } from '../dom.js';
import { staafdiagram } from '../grafiek.js';
import { euro, getal, milli, toBigInt } from '../opmaak.js';

/** Milli-fte as a chart number (exact enough for a bar; the table shows the exact value). */
function alsGetal(value) {
  const n = toBigInt(value);
  return Number(n / 1000n) + Number(n % 1000n) / 1000;
}

export async function toon(ctx) {
  const { impactlatten, gekozen_impactlat_id: gekozen, ambitie, catalogusversie } = await catalogus.impactlatten();
  const lat = impactlatten.find((l) => l.id === gekozen);
  const vergelijking = [
    ...impactlatten.map((l) => ({ naam: `${l.id}: ${l.naam}`, milli: l.fte_per_miljoen_milli })),
    { naam: 'IZA ter vergelijking', milli: ambitie.iza_fte_per_miljoen_milli },
  ];
  return [
    heading(1, 'Impactlatten'),
    paragraph('Een impactlat zegt hoeveel fte arbeidsbesparing een plan minstens moet opleveren per € 1 miljoen eenmalige investering. '
      + 'Welke lat geldt, besluit het Bestuurlijk Overleg. ', `Bron: catalogusversie ${catalogusversie}.`),
    h('section', { 'aria-labelledby': 'kop-gekozen' },
      heading(2, 'Gekozen impactlat', { id: 'kop-gekozen' }),
      paragraph(lat ? `Het Bestuurlijk Overleg heeft lat ${lat.id} gekozen: ${lat.naam} (${milli(lat.fte_per_miljoen_milli)} fte per € 1 mln).`
        : 'Het Bestuurlijk Overleg heeft nog geen impactlat gekozen.')),
    h('section', { 'aria-labelledby': 'kop-latten' },
      heading(2, 'De scenario’s', { id: 'kop-latten' }),
      staafdiagram({
        titel: 'Fte arbeidsbesparing per € 1 mln per scenario',
        kolomKop: 'Scenario',
        categorieen: vergelijking.map((v) => ({ naam: v.naam })),
        reeksen: [{
          naam: 'Fte per € 1 mln',
          waarden: vergelijking.map((v) => alsGetal(v.milli)),
          opmaak: (i) => `${milli(vergelijking[i].milli)} fte`,
        }],
        schaal: (v) => `${v} fte`,
        signal: ctx.signal,
      }),
      table({
        caption: 'Toelichting per scenario',
        columns: [
          { kop: 'Lat', waarde: (l) => `${l.id}: ${l.naam}` },
          { kop: 'Fte per € 1 mln', getal: true, waarde: (l) => milli(l.fte_per_miljoen_milli) },
          { kop: 'Onderbouwing', waarde: (l) => l.rationale },
          { kop: 'Plannen die voldoen', waarde: (l) => l.plannen_die_voldoen },
        ],
        rows: impactlatten,
      })),
    h('section', { 'aria-labelledby': 'kop-ambitie' },
      heading(2, 'De AZWA-ambitie', { id: 'kop-ambitie' }),
      paragraph(ambitie.tekst),
      dataList([
        ['Arbeidsbesparing', `${ambitie.arbeidsbesparing_personen_is_minimum ? 'minstens ' : ''}${getal(ambitie.arbeidsbesparing_personen)} personen`
          + ` (${ambitie.arbeidsbesparing_fte_is_benadering ? 'ongeveer ' : ''}${getal(ambitie.arbeidsbesparing_fte)} fte)`],
        ['Doorbraakmiddelen', euro(ambitie.doorbraakmiddelen_cent)],
        ['Verhouding', `${milli(ambitie.fte_per_miljoen_milli)} fte per € 1 mln`],
        ['Ter vergelijking: IZA', `${milli(ambitie.iza_fte_per_miljoen_milli)} fte per € 1 mln`],
      ])),
  ];
}
