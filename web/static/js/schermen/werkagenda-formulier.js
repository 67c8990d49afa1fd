// SPDX-License-Identifier: EUPL-1.2
//
// The work agenda as a form (docs/sociaal-domein.md §4), for the
// mandaatgemeente drafting a new agenda or changing its concept: per
// basisfunctionaliteit whether it is accelerated, goals, labour saving (fte,
// decimal comma), activities, the budget per year in euros, and the
// motivation of a deviation from the regioscan's advice (pas toe of leg
// uit). The fields carry the API's pointers, so every problem lands at its
// field.

import { h, heading, paragraph } from '../dom.js';
import { tekstveld, tekstvak, vinkje } from '../formulier.js';
import { centenUitTekst, euroInvoer } from '../opmaak.js';

const JAREN = [2027, 2028, 2029];

/** "2,5" -> 2500 (thousandths of an fte); null when it is no number. */
export function fteMilli(tekst) {
  const m = /^\s*(\d+)(?:,(\d{1,3}))?\s*$/.exec(String(tekst ?? ''));
  return m ? Number(m[1]) * 1000 + Number((m[2] || '').padEnd(3, '0')) : null;
}

function fteTekst(milli) {
  if (milli === undefined || milli === null) return '';
  const s = String(Math.floor(milli / 1000));
  const rest = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  return rest ? `${s},${rest}` : s;
}

/**
 * The fields of an agenda for functions `bfs` ([{id, naam}]), filled from
 * document `doc` (may be null), with the scan's advice per function (map id
 * -> 'versnellen'|'niet_versnellen', may be empty). Returns { inhoud,
 * velden, document() }: document() builds the request body, or throws an
 * ApiFout-like object for amounts that are no euros.
 */
export function agendaVelden({ bfs, doc = null, advies = new Map(), regio }) {
  const velden = [];
  const per = bfs.map((b, i) => {
    const d = doc?.basisfunctionaliteiten?.find((x) => x.id === b.id) || {};
    const p = `/basisfunctionaliteiten/${i}`;
    const versnel = vinkje({ pointer: `${p}/versnellen`, label: `${b.naam}: versnellen`, aan: Boolean(d.versnellen) });
    const doelen = tekstvak({ pointer: `${p}/doelen`, label: `${b.naam}: doelen (niet verplicht als u niet versnelt)`, waarde: d.doelen || '', rijen: 2 });
    const fte = tekstveld({ pointer: `${p}/arbeidsbesparing_fte_milli`, label: `${b.naam}: arbeidsbesparing in fte (niet verplicht als u niet versnelt)`,
      omschrijving: 'Met een decimale komma, bijvoorbeeld 2,5.', inputmode: 'decimal', waarde: fteTekst(d.arbeidsbesparing_fte_milli) });
    const act = tekstvak({ pointer: `${p}/activiteiten`, label: `${b.naam}: activiteiten (niet verplicht als u niet versnelt)`, waarde: d.activiteiten || '', rijen: 2 });
    const jaren = JAREN.map((jaar, k) => tekstveld({ pointer: `${p}/begroting/${k}`, label: `${b.naam}: begroting ${jaar} in euro (niet verplicht)`,
      inputmode: 'decimal', waarde: (() => { const x = d.begroting?.find((y) => y.jaar === jaar); return x ? euroInvoer(x.bedrag_cent) : ''; })() }));
    const adv = advies.get(b.id);
    const mot = tekstvak({ pointer: `${p}/motivering_afwijking`, label: `${b.naam}: motivering van een afwijking van de regioscan (niet verplicht als u het advies volgt)`,
      omschrijving: adv ? `Advies van de regioscan: ${adv === 'versnellen' ? 'versnellen' : 'niet versnellen'}.` : 'Er is nog geen regioscan voor deze regio.',
      waarde: d.motivering_afwijking || '', rijen: 2 });
    velden.push(versnel, doelen, fte, act, ...jaren, mot);
    return { b, versnel, doelen, fte, act, jaren, mot,
      element: h('fieldset', { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset veldgroep' },
        h('legend', { class: 'utrecht-form-fieldset__legend' }, b.naam),
        versnel.element, doelen.element, fte.element, act.element, ...jaren.map((j) => j.element), mot.element) };
  });
  const samenwerking = tekstvak({ pointer: '/samenwerking', label: 'Samenwerking in de regio', waarde: doc?.samenwerking || '', rijen: 3,
    omschrijving: 'Hoe gemeenten, zorgverzekeraar, GGD, huisartsen en sociaal werk samenwerken [003 D5].' });
  velden.push(samenwerking);

  function document() {
    const fouten = [];
    const basis = per.map((x, i) => {
      const o = { id: x.b.id, versnellen: x.versnel.aan() };
      for (const [veld, f] of [['doelen', x.doelen], ['activiteiten', x.act], ['motivering_afwijking', x.mot]]) {
        if (f.input.value.trim()) o[veld] = f.input.value;
      }
      if (x.fte.input.value.trim()) {
        const m = fteMilli(x.fte.input.value);
        if (m === null) fouten.push({ veld: `/basisfunctionaliteiten/${i}/arbeidsbesparing_fte_milli`, melding: 'Een aantal fte, bijvoorbeeld 2,5.' });
        else o.arbeidsbesparing_fte_milli = m;
      }
      const begroting = [];
      x.jaren.forEach((f, k) => {
        const t = f.input.value.trim();
        const c = t ? centenUitTekst(t) : 0n;
        if (c === null) fouten.push({ veld: `/basisfunctionaliteiten/${i}/begroting/${k}`, melding: 'Een bedrag in euro, bijvoorbeeld 250.000 of 1.234,56.' });
        else if (c > 0n || o.versnellen) begroting.push({ jaar: JAREN[k], bedrag_cent: Number(c) });
      });
      if (begroting.length) o.begroting = begroting;
      return o;
    });
    if (fouten.length) {
      const velden2 = {};
      for (const f of fouten) (velden2[f.veld] ||= []).push(f.melding);
      throw { message: 'Niet elk bedrag of aantal is een getal.', velden: velden2, algemeen: [], eigen: true };
    }
    const body = { regio, basisfunctionaliteiten: basis };
    if (samenwerking.input.value.trim()) body.samenwerking = samenwerking.input.value;
    return body;
  }

  return {
    inhoud: [paragraph('Zeg per basisfunctionaliteit of de regio haar versneld opschaalt. Wijkt u af van het advies van de regioscan, '
      + 'motiveer dat dan (pas toe of leg uit) [001 "Transformeren op het snijvlak"].'), ...per.map((x) => x.element),
    heading(3, 'Samenwerking'), samenwerking.element],
    velden,
    document,
  };
}
