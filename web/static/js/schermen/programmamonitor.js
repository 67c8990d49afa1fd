// SPDX-License-Identifier: EUPL-1.2
//
// Programmamonitor (docs/monitoring.md §4): for the board, the programme
// office, VWS, NZa, the Zorginstituut and the auditor. fte pledged, planned
// and realised against the AZWA ambition per quarter; money per theme,
// year, region and sector through every stage; the plans submitted and
// honoured (the mid-term review's overview [003 MTR]); the signals per
// rule. Every chart has its table; every table can be downloaded; the
// page prints cleanly; the quarterly report for the board as PDF.

import { api } from '../api.js';
import { dataList, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { downloadBalk } from '../export.js';
import { keuzeveld, tekstveld } from '../formulier.js';
import { staafdiagram } from '../grafiek.js';
import { datum, euro, euroAlsGetal, euroMiljoen, milli } from '../opmaak.js';
import { navigate } from '../router.js';
import { themanamen } from './nza-gedeeld.js';

const STADIA = [
  ['gevraagd_cent', 'Gevraagd'], ['toegekend_cent', 'Toegekend (bestuur)'], ['bovengrens_cent', 'Bovengrens (NZa)'],
  ['betaald_cent', 'Betaald'], ['verantwoord_cent', 'Verantwoord'], ['verevend_cent', 'Verevend'],
];
const DIMENSIES = [['thema', 'Thema'], ['jaar', 'Jaar'], ['regio', 'Regio'], ['sector', 'Sector'], ['toepassingsgebied', 'Toepassingsgebied']];
const SIGNALEN = {
  mijlpaal_te_laat: 'Mijlpaal over de streefdatum',
  fte_achter: 'Fte achter op plan',
  besteding_achter: 'Besteding achter op plan',
  besteding_voor: 'Besteding voor op plan',
  rapportage_ontbreekt: 'Rapportage ontbreekt',
};

export async function toon(ctx) {
  const peil = ctx.query?.get?.('peildatum') || '';
  const [d, namen] = await Promise.all([
    api.get('/programmamonitor', { query: { peildatum: peil || null }, signal: ctx.signal }), themanamen()]);
  const pd = d.peildatum;
  const naamVan = (dim, sleutel) => (dim === 'thema' ? namen[sleutel] || sleutel : sleutel);
  const balk = (lijst, omschrijving) => downloadBalk({ pad: `/programmamonitor?peildatum=${pd}&lijst=${lijst}`,
    naam: `programmamonitor-${lijst.replace('.', '-')}-${pd}`, omschrijving, signal: ctx.signal });
  const veld = tekstveld({ pointer: '/peildatum', label: 'Peildatum (JJJJ-MM-DD)', waarde: pd, autocomplete: 'off' });
  const form = h('form', { class: 'utrecht-form formulier peildatum', novalidate: true,
    onSubmit: (ev) => { ev.preventDefault(); navigate(`/programmamonitor?peildatum=${encodeURIComponent(veld.input.value.trim())}`); } },
  veld.element, h('div', { class: 'utrecht-button-group' },
    h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'submit' }, 'Toon deze peildatum')));
  const reeks = d.fte.reeks;
  const fteGrafiek = staafdiagram({
    titel: 'Arbeidsbesparing per kwartaal (fte)',
    kolomKop: 'Kwartaal',
    categorieen: reeks.map((r) => ({ naam: r.periode })),
    reeksen: [
      { naam: 'Toegezegd', waarden: reeks.map((r) => r.toegezegd_milli / 1000), opmaak: (i) => milli(reeks[i].toegezegd_milli) },
      { naam: 'Gepland', waarden: reeks.map((r) => r.gepland_milli / 1000), opmaak: (i) => milli(reeks[i].gepland_milli) },
      { naam: 'Gerealiseerd', waarden: reeks.map((r) => (r.gerealiseerd_milli ?? 0) / 1000),
        opmaak: (i) => (reeks[i].gerealiseerd_milli === null ? 'nog niet' : milli(reeks[i].gerealiseerd_milli)) },
    ],
    schaal: (v) => String(v),
    signal: ctx.signal,
  });
  const keuze = keuzeveld({ pointer: '/dimensie', label: 'Geld en plannen per', opties: DIMENSIES.map(([w, t]) => ({ waarde: w, tekst: t })) });
  keuze.element.classList.add('niet-printen');
  const geldHouder = h('div', {});
  function tekenGeld() {
    const dim = keuze.input.value;
    const naam = DIMENSIES.find(([w]) => w === dim)[1];
    const rijen = d.geld[`per_${dim}`];
    const plannen = d.plannen[`per_${dim}`] || [];
    replaceChildren(geldHouder,
      heading(2, `Geld per ${naam.toLowerCase()}`),
      staafdiagram({
        titel: `Geld per ${naam.toLowerCase()}: bovengrens en betaald`,
        kolomKop: naam,
        categorieen: rijen.map((r) => ({ naam: naamVan(dim, r.sleutel) })),
        reeksen: [
          { naam: 'Bovengrens', waarden: rijen.map((r) => euroAlsGetal(r.bovengrens_cent)), opmaak: (i) => euro(rijen[i].bovengrens_cent) },
          { naam: 'Betaald', waarden: rijen.map((r) => euroAlsGetal(r.betaald_cent)), opmaak: (i) => euro(rijen[i].betaald_cent) },
        ],
        schaal: (v) => euroMiljoen(BigInt(Math.round(v)) * 100n),
        signal: ctx.signal,
      }),
      table({
        caption: `Geld per ${naam.toLowerCase()} door elk stadium`,
        columns: [{ kop: naam, waarde: (r) => naamVan(dim, r.sleutel) },
          ...STADIA.map(([k, t]) => ({ kop: t, getal: true, waarde: (r) => euro(r[k]) }))],
        rows: rijen,
      }),
      balk(`geld.per_${dim}`, `het geld per ${naam.toLowerCase()}`),
      dim === 'jaar' ? null : [
        heading(2, `Plannen per ${naam.toLowerCase()}`),
        table({
          caption: `Plannen ingediend en gehonoreerd per ${naam.toLowerCase()}`,
          columns: [{ kop: naam, waarde: (r) => naamVan(dim, r.sleutel) },
            { kop: 'Ingediend', getal: true, waarde: (r) => String(r.ingediend) },
            { kop: 'In beoordeling', getal: true, waarde: (r) => String(r.in_beoordeling) },
            { kop: 'Positief', getal: true, waarde: (r) => String(r.positief) },
            { kop: 'Negatief', getal: true, waarde: (r) => String(r.negatief) },
            { kop: 'Gehonoreerd', getal: true, waarde: (r) => String(r.gehonoreerd) }],
          rows: plannen,
        }),
        balk(`plannen.per_${dim}`, `de plannen per ${naam.toLowerCase()}`),
        dim === 'sector' ? paragraph('Per sector tellen de plannen die positief zijn beoordeeld of nog worden beoordeeld, '
          + 'met het bedrag dat zij voor die sector vragen; de latere stadia zijn per project vastgelegd, niet per sector.') : null,
      ]);
  }
  keuze.input.addEventListener('change', tekenGeld);
  tekenGeld();
  const signalen = Object.entries(d.signalen);
  return [
    heading(1, 'Programmamonitor'),
    paragraph(`Stand op ${datum(pd)}. De voortgang wordt elk kwartaal besproken in het BO IZA/AZWA [003 "Kwartaalrapportages"]; `
      + 'de mid-term review vraagt welke plannen zijn ingediend en gehonoreerd en de financiële realisatie [003 MTR].'),
    form,
    h('div', { class: 'utrecht-button-group niet-printen' },
      h('a', { class: 'utrecht-button utrecht-button--secondary-action', href: `/api/v1/programmamonitor/kwartaalrapportage.pdf?peildatum=${pd}` },
        'Kwartaalrapportage (PDF)'),
      h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'button', onClick: () => window.print() }, 'Afdrukken')),
    heading(2, 'Arbeidsbesparing'),
    dataList([
      ['AZWA-ambitie', `${milli(d.fte.ambitie_milli)} fte [001 Gupta "Samenvatting"]`],
      ['Toegezegd in gehonoreerde plannen', `${milli(d.fte.toegezegd_milli)} fte`],
      ['Gerealiseerd volgens de laatste rapportages', `${milli(d.fte.gerealiseerd_milli)} fte`],
      ['Gehonoreerde projecten', String(d.projecten)],
    ]),
    fteGrafiek,
    balk('fte.reeks', 'de arbeidsbesparing per kwartaal'),
    keuze.element,
    geldHouder,
    heading(2, 'Signalen'),
    signalen.length ? table({
      caption: `Signalen op ${datum(pd)} per regel`,
      columns: [{ kop: 'Regel', waarde: ([k]) => SIGNALEN[k] || k }, { kop: 'Aantal', getal: true, waarde: ([, n]) => String(n) }],
      rows: signalen,
    }) : paragraph('Geen signalen op deze dag.'),
    paragraph(link('/signalen', 'Naar de signalen per project')),
    downloadBalk({ pad: `/signalen?peildatum=${pd}`, naam: `signalen-${pd}`, omschrijving: 'de signalen', signal: ctx.signal }),
  ];
}
