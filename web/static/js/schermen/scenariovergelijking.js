// SPDX-License-Identifier: EUPL-1.2
//
// Scenario's naast elkaar (bestuur, programmabureau, auditor):
// GET /verdeelscenarios/vergelijking?ids=1,2 (docs/bestuur.md §3): the
// totals, the differences in fte and unspent money against the first, the
// binding lines, and per application its status and amount in each
// scenario. The totals also as charts, each with its table.

import { api } from '../api.js';
import { h, heading, link, paragraph, table } from '../dom.js';
import { staafdiagram } from '../grafiek.js';
import { euro, euroAlsGetal, euroMiljoen, getal, milli, toBigInt } from '../opmaak.js';
import {
  SCENARIOSTATUS, aanvraagTitels, aanvraagnaam, fte, lijnnaam, regelnaam, themanamenVan,
} from './bestuur-gemeen.js';

const schaal = (v) => euroMiljoen(toBigInt(Math.round(v)) * 100n);

/** "+1.250 fte" / "-126 fte" / "gelijk". */
function verschilFte(m) {
  const n = toBigInt(m);
  if (n === 0n) return 'gelijk';
  return `${n > 0n ? '+' : ''}${milli(m)} fte`;
}

function verschilEuro(c) {
  const n = toBigInt(c);
  if (n === 0n) return 'gelijk';
  return n > 0n ? `+${euro(c)}` : euro(c);
}

export async function toon(ctx) {
  ctx.titel('Scenario’s naast elkaar');
  const ids = ctx.query.get('ids') || '';
  const antwoord = await api.get('/verdeelscenarios/vergelijking', { query: { ids }, signal: ctx.signal });
  const kop = antwoord.verdeelscenarios;
  const v = antwoord.vergelijking;
  const rondeId = kop[0]?.indieningsronde_id;
  const [titels, ronde] = await Promise.all([
    rondeId ? aanvraagTitels(rondeId, ctx.signal) : new Map(),
    rondeId ? api.get(`/indieningsrondes/${rondeId}`, { signal: ctx.signal }).catch(() => null) : null,
  ]);
  const themanamen = await themanamenVan(ronde?.catalogusversie ?? 1);
  const sc = v.scenarios.map((s, i) => ({ ...s, id: kop[i].id, kort: `${kop[i].id}. ${s.naam}` }));

  const totalen = table({
    caption: 'Totalen per scenario, met het verschil met het eerste',
    columns: [
      { kop: 'Scenario', waarde: (s) => link(`/verdeelscenarios/${s.id}`, s.kort) },
      { kop: 'Regel', waarde: (s) => regelnaam(s.regel) },
      { kop: 'Fte', getal: true, waarde: (s) => fte(s.totalen.fte_milli) },
      { kop: 'Fte tegen het eerste', getal: true, waarde: (s) => verschilFte(s.fte_verschil_met_eerste_milli) },
      { kop: 'Besteed', getal: true, waarde: (s) => euro(s.totalen.besteed_cent) },
      { kop: 'Niet besteed', getal: true, waarde: (s) => euro(s.totalen.onbesteed_cent) },
      { kop: 'Niet besteed tegen het eerste', getal: true, waarde: (s) => verschilEuro(s.onbesteed_verschil_met_eerste_cent) },
      { kop: 'Toegekend / verlaagd / afgewezen', waarde: (s) => `${getal(s.totalen.toegekend)} / ${getal(s.totalen.verlaagd)} / ${getal(s.totalen.afgewezen)}` },
      { kop: 'Bindende regels', waarde: (s) => (s.bindende_lijnen.length ? s.bindende_lijnen.map((l) => lijnnaam(l, themanamen)).join(', ') : 'geen') },
      { kop: 'Optimum', waarde: (s) => (s.solver ? (s.solver.bewezen_optimaal ? 'bewezen' : `gap ${fte(s.solver.gap_fte_milli)}`) : '-') },
    ],
    rows: sc,
  });

  const jaren = [...new Set(sc.flatMap((s) => s.totalen.besteed_per_jaar.map((j) => j.jaar)))].sort();
  const perJaar = table({
    caption: 'Besteed per jaar per scenario',
    columns: [
      { kop: 'Scenario', waarde: (s) => s.kort },
      ...jaren.map((jaar) => ({
        kop: String(jaar), getal: true,
        waarde: (s) => euro(s.totalen.besteed_per_jaar.find((j) => j.jaar === jaar)?.besteed_cent ?? 0),
      })),
    ],
    rows: sc,
  });

  const aanvragen = table({
    caption: 'Per aanvraag de status en het toegekende bedrag in elk scenario',
    columns: [
      { kop: 'Aanvraag', waarde: (a) => [aanvraagnaam(titels, a.id), h('span', { class: 'bestuur-klein' }, ` (nummer ${a.id})`)] },
      { kop: 'Gevraagd', getal: true, waarde: (a) => euro(a.gevraagd_cent) },
      ...sc.map((s, i) => ({
        kop: s.kort,
        getal: true,
        waarde: (a) => {
          const p = a.per_scenario[i];
          return `${SCENARIOSTATUS[p.status] || p.status}: ${euro(p.toegekend_cent)} (${fte(p.fte_gerealiseerd_milli)})`;
        },
      })),
      { kop: 'Zelfde uitkomst', waarde: (a) => (a.per_scenario.every((p) => String(p.toegekend_cent) === String(a.per_scenario[0].toegekend_cent)) ? 'Ja' : 'Nee') },
    ],
    rows: v.aanvragen,
  });

  return [
    heading(1, 'Scenario’s naast elkaar'),
    paragraph(`${sc.length} scenario’s over dezelfde ${getal(v.aanvragen.length)} aanvragen`,
      ronde ? [' van ', link(`/verdeelscenarios?indieningsronde=${ronde.id}`, ronde.naam)] : '',
      '. Verschillen gaan tegen het eerste scenario: ', sc[0]?.kort || '', '.'),
    h('section', { 'aria-labelledby': 'kop-vg-totalen' },
      heading(2, 'Totalen', { id: 'kop-vg-totalen' }),
      totalen,
      staafdiagram({
        titel: 'Gerealiseerde arbeidsbesparing per scenario',
        kolomKop: 'Scenario',
        categorieen: sc.map((s) => ({ naam: s.kort })),
        reeksen: [{ naam: 'Fte', waarden: sc.map((s) => Number(toBigInt(s.totalen.fte_milli)) / 1000), opmaak: (i) => fte(sc[i].totalen.fte_milli) }],
        schaal: (x) => `${getal(Math.round(x))} fte`,
        signal: ctx.signal,
      }),
      staafdiagram({
        titel: 'Besteed per scenario',
        kolomKop: 'Scenario',
        categorieen: sc.map((s) => ({ naam: s.kort })),
        reeksen: [{ naam: 'Besteed', waarden: sc.map((s) => euroAlsGetal(s.totalen.besteed_cent)), opmaak: (i) => euro(sc[i].totalen.besteed_cent) }],
        schaal,
        signal: ctx.signal,
      }),
      perJaar),
    h('section', { 'aria-labelledby': 'kop-vg-aanvragen' },
      heading(2, 'Per aanvraag', { id: 'kop-vg-aanvragen' }),
      aanvragen),
  ];
}
