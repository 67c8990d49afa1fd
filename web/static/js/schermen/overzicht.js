// SPDX-License-Identifier: EUPL-1.2
//
// Overzicht (public, the home page): the fund, its pots and the themes with
// their target budgets (richtbedragen), as a chart and as a table. Numbers
// come from the catalogue (GET /fondsen, /themas); nothing is hard-coded.

import * as catalogus from '../catalogus.js';
import { dataList, h, heading, linkList, paragraph, table } from '../dom.js';
import { staafdiagram } from '../grafiek.js';
import { euro, euroAlsGetal, euroMiljoen, periode, toBigInt } from '../opmaak.js';

const KANALEN = {
  zorgverzekeraars: 'Via de zorgverzekeraars (Zvw)',
  'gemeenten-spuk': 'Via de gemeenten (SPUK)',
};
const VERDELING = { themas: 'thema’s', basisfunctionaliteiten: 'basisfunctionaliteiten' };

function fondsSectie(fonds) {
  return h('section', { 'aria-labelledby': 'kop-fonds' },
    heading(2, 'Het fonds', { id: 'kop-fonds' }),
    paragraph(fonds.toelichting),
    dataList([
      ['Totaal', euro(fonds.totaal_bedrag_cent)],
      ...fonds.tranches.map((t) => [`Beschikbaar in ${t.jaar}`, euro(t.bedrag_cent)]),
      ['Bestedingsperiode', periode(fonds.bestedingsperiode)],
      ['Geoormerkt per sector', fonds.geoormerkt_per_sector ? 'Ja' : 'Nee'],
    ]));
}

function pottenSectie(potten) {
  const jaren = [...new Set(potten.flatMap((p) => p.tranches.map((t) => t.jaar)))].sort();
  const tranche = (p, jaar) => {
    const t = p.tranches.find((x) => x.jaar === jaar);
    return t ? euro(t.bedrag_cent) : '-';
  };
  const totaal = potten.reduce((sum, p) => sum + toBigInt(p.bedrag_cent), 0n);
  const jaarTotaal = (jaar) => potten.reduce((sum, p) => sum
    + p.tranches.filter((t) => t.jaar === jaar).reduce((s, t) => s + toBigInt(t.bedrag_cent), 0n), 0n);
  return h('section', { 'aria-labelledby': 'kop-potten' },
    heading(2, 'De potten', { id: 'kop-potten' }),
    paragraph('Het fonds is verdeeld in potten. Elke pot heeft een eigen route naar de zorg en het sociaal domein.'),
    table({
      caption: 'Potten van het fonds, met het bedrag per jaar',
      columns: [
        { kop: 'Pot', waarde: (p) => p.naam },
        { kop: 'Route', waarde: (p) => KANALEN[p.kanaal] || p.kanaal },
        { kop: 'Verdeeld over', waarde: (p) => VERDELING[p.verdeling_via] || p.verdeling_via },
        ...jaren.map((jaar) => ({ kop: String(jaar), getal: true, waarde: (p) => tranche(p, jaar) })),
        { kop: 'Totaal', getal: true, waarde: (p) => euro(p.bedrag_cent) },
      ],
      rows: potten,
      footer: ['Totaal', '', '', ...jaren.map((jaar) => euro(jaarTotaal(jaar))), euro(totaal)],
    }));
}

function themasSectie(themas, potten, signal) {
  const totaal = themas.reduce((sum, t) => sum + toBigInt(t.richtbedrag_cent), 0n);
  const pot = potten.find((p) => p.id === themas[0]?.pot_id);
  const metMacro = themas.some((t) => t.macrobedrag_cent !== null);
  const reeksen = [{
    naam: 'Richtbedrag',
    waarden: themas.map((t) => euroAlsGetal(t.richtbedrag_cent)),
    opmaak: (i) => euro(themas[i].richtbedrag_cent),
  }];
  if (metMacro) {
    reeksen.push({
      naam: 'Macrobedrag',
      waarden: themas.map((t) => (t.macrobedrag_cent === null ? 0 : euroAlsGetal(t.macrobedrag_cent))),
      opmaak: (i) => (themas[i].macrobedrag_cent === null ? 'nog niet vastgesteld' : euro(themas[i].macrobedrag_cent)),
    });
  }
  return h('section', { 'aria-labelledby': 'kop-themas' },
    heading(2, 'Thema’s en richtbedragen', { id: 'kop-themas' }),
    paragraph(pot
      ? `De pot "${pot.naam}" (${euro(pot.bedrag_cent)}) is verdeeld over ${themas.length} thema’s. `
        + 'Na het afronden van de modelplannen wordt per thema een macrobedrag vastgesteld; tot dan gelden de richtbedragen.'
      : 'Richtbedragen per thema.'),
    staafdiagram({
      titel: 'Richtbedrag per thema',
      kolomKop: 'Thema',
      categorieen: themas.map((t) => ({ naam: t.naam })),
      reeksen,
      schaal: (v) => euroMiljoen(toBigInt(Math.round(v)) * 100n),
      signal,
      tabelExtra: { footer: ['Totaal', euro(totaal), ...(metMacro ? [''] : [])] },
    }),
    metMacro ? null : paragraph('De macrobedragen per thema zijn nog niet vastgesteld.'),
    h('dl', { class: 'utrecht-data-list themalijst' },
      themas.map((t) => h('div', { class: 'utrecht-data-list__item' },
        h('dt', { class: 'utrecht-data-list__item-key' }, t.naam),
        h('dd', { class: 'utrecht-data-list__item-value utrecht-data-list__item-value--html-dd' }, t.omschrijving)))));
}

export async function toon(ctx) {
  const [{ fondsen, catalogusversie }, { themas }] = await Promise.all([catalogus.fondsen(), catalogus.themas()]);
  const fonds = fondsen[0];
  ctx.titel('Overzicht');
  return [
    heading(1, fonds ? fonds.naam : 'Doorbraakmiddelen'),
    paragraph('Hoeveel geld er is, hoe het is verdeeld en waarvoor. Openbaar, zonder inloggen. ',
      `Bron: catalogusversie ${catalogusversie}.`),
    ...(fonds ? [fondsSectie(fonds), pottenSectie(fonds.potten)] : [paragraph('Er is nog geen fonds in de catalogus.')]),
    themasSectie(themas, fonds?.potten || [], ctx.signal),
    h('section', { 'aria-labelledby': 'kop-meer' },
      heading(2, 'Meer in de catalogus', { id: 'kop-meer' }),
      linkList([
        ['/toepassingsgebieden', 'Toepassingsgebieden per thema en sector'],
        ['/modelplannen', 'Modelplannen en hun versies'],
        ['/basiseisen', 'De 14 basiseisen'],
        ['/impactlatten', 'Impactlatten en de AZWA-ambitie'],
      ])),
  ];
}
