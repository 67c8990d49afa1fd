// SPDX-License-Identifier: EUPL-1.2
//
// Modelplan (public): one modelplan version with its norms, its questions
// per section, and the list of all its published versions
// (GET /modelplannen/{id}?versie=N). Shares are basis points, amounts cents,
// fte norms thousandths; opmaak.js turns them into Dutch text exactly.

import { api } from '../api.js';
import * as catalogus from '../catalogus.js';
import { dataList, h, heading, paragraph, table, unorderedList } from '../dom.js';
import { datum, euro, milli, opsomming, procent, toBigInt } from '../opmaak.js';
import { statusBadge } from './modelplannen.js';

const KOSTENSOORT = { personeel: 'Personeel', materieel: 'Materieel' };
const AARD = { eenmalig: 'eenmalig', structureel: 'structureel' };

function versies(mp, lijst) {
  return h('section', { 'aria-labelledby': 'kop-versies' },
    heading(2, 'Versies', { id: 'kop-versies' }),
    h('ul', { class: 'utrecht-link-list utrecht-link-list--html-ul' },
      lijst.map((v) => {
        const text = `Versie ${v.versie}, gepubliceerd op ${datum(v.gepubliceerd_op)} (catalogusversie ${v.catalogusversie})`;
        const current = v.versie === mp.versie;
        return h('li', { class: 'utrecht-link-list__item' },
          h('a', {
            class: 'utrecht-link-list__link utrecht-link utrecht-link--html-a',
            href: `/modelplannen/${encodeURIComponent(mp.id)}?versie=${v.versie}`,
            'aria-current': current ? 'page' : null,
          }, text, current ? ' (getoond)' : ''));
      })),
    ...lijst.filter((v) => v.versie === mp.versie && v.wijzigingen?.length).map((v) => [
      heading(3, `Wat is gewijzigd in versie ${v.versie}`),
      table({
        caption: `Wijzigingen ten opzichte van versie ${v.versie - 1}`,
        columns: [
          { kop: 'Onderdeel', waarde: (w) => h('code', { class: 'utrecht-code' }, w.pad) },
          { kop: 'Was', waarde: (w) => JSON.stringify(w.oud) },
          { kop: 'Wordt', waarde: (w) => JSON.stringify(w.nieuw) },
          { kop: 'Toelichting', waarde: (w) => w.toelichting },
        ],
        rows: v.wijzigingen,
      }),
    ]));
}

function normen(n, sectornamen) {
  const k = n.bedragkaders;
  const totaalAandeel = n.mijlpalen.reduce((sum, m) => sum + toBigInt(m.aandeel_bp), 0n);
  const v = n.veranderkundige_ondersteuning;
  const a = n.aanvraagvorm;
  const t = n.toleranties;
  return h('section', { 'aria-labelledby': 'kop-normen' },
    heading(2, 'Normen', { id: 'kop-normen' }),
    paragraph('Een aanvraag die binnen deze normen en marges blijft, is conform het modelplan en krijgt een beperkte beoordeling.'),
    dataList([
      ['Minimale impact', `${milli(n.min_fte_per_miljoen_milli)} fte arbeidsbesparing per € 1 mln eenmalige investering`],
      ['Onderbouwing', n.fte_norm_toelichting],
      ['Maximum per aanvraag', k.max_per_aanvraag_cent === null ? 'geen' : euro(k.max_per_aanvraag_cent)],
      ['Maximum per zorgaanbieder', k.max_per_zorgaanbieder_cent === null ? 'geen' : euro(k.max_per_zorgaanbieder_cent)],
      ...k.per_eenheid.map((e) => [`Maximum per ${e.eenheid}`, euro(e.max_bedrag_cent)]),
      ['Gedeeltelijke toekenning', `alleen als minstens ${procent(n.min_aandeel_deelfinanciering_bp)} van het gevraagde bedrag wordt toegekend`],
    ]),
    heading(3, 'Kostensoorten'),
    table({
      caption: 'Welke kosten uit de doorbraakmiddelen betaald kunnen worden',
      columns: [
        { kop: 'Kostensoort', waarde: (x) => `${KOSTENSOORT[x.kostensoort] || x.kostensoort}, ${AARD[x.aard] || x.aard}` },
        { kop: 'Te financieren', waarde: (x) => (x.financierbaar ? 'Ja' : 'Nee, wel opgeven (basiseis 9)') },
      ],
      rows: n.kostensoorten,
    }),
    heading(3, 'Begrotingsjaren'),
    table({
      caption: 'Jaren waarin begroting en mijlpalen mogen vallen',
      columns: [
        { kop: 'Jaar', waarde: (j) => String(j.jaar) },
        { kop: 'Hoogstens dit deel van de aanvraag', getal: true, waarde: (j) => procent(j.max_aandeel_bp) },
      ],
      rows: n.begrotingsjaren,
    }),
    heading(3, 'Mijlpalen'),
    paragraph('De zorgverzekeraar betaalt per bereikte mijlpaal.'),
    table({
      caption: 'Mijlpalen met hun deel van het bedrag en de uiterste datum',
      columns: [
        { kop: 'Mijlpaal', waarde: (m) => m.naam },
        { kop: 'Wat is dan bereikt', waarde: (m) => m.omschrijving },
        { kop: 'Indicator (KPI)', waarde: (m) => m.kpi },
        { kop: 'Deel van het bedrag', getal: true, waarde: (m) => procent(m.aandeel_bp) },
        { kop: 'Uiterlijk op', waarde: (m) => datum(m.uiterlijk_op) },
      ],
      rows: n.mijlpalen,
      footer: ['Totaal', '', '', procent(totaalAandeel), ''],
    }),
    heading(3, 'Wie kan aanvragen'),
    dataList([
      ['Aantal zorgaanbieders', a.individuele_aanvraag_toegestaan
        ? `minstens ${a.min_aantal_zorgaanbieders}; een aanvraag van één zorgaanbieder mag hier (${a.individuele_aanvraag_motivering})`
        : `minstens ${a.min_aantal_zorgaanbieders} (een gezamenlijke aanvraag, basiseis 12)`],
      a.vereiste_sectoren.length
        ? ['Vereiste sectoren', opsomming(a.vereiste_sectoren.map((s) => sectornamen[s] || s))] : null,
      ['Keuze van een zorgpad', a.zorgpadkeuze_verplicht ? 'verplicht' : 'niet van toepassing'],
    ]),
    heading(3, 'Scholing en veranderkundige ondersteuning'),
    paragraph(`Minstens ${procent(v.min_aandeel_begroting_bp)} van de begroting gaat naar scholing en veranderkundige ondersteuning.`),
    unorderedList(v.eisen),
    heading(3, 'Wanneer is de opschaling volledig'),
    paragraph(n.volledige_opschaling.omschrijving),
    heading(3, 'Marges voor pas toe of leg uit'),
    dataList([
      ['Impact', `tot ${procent(t.fte_norm_bp)} onder de norm`],
      ['Datum van een mijlpaal', `tot ${t.mijlpaal_datum_dagen} dagen later`],
      ['Deel per mijlpaal', `tot ${procent(t.mijlpaal_aandeel_bp)} meer of minder`],
      ['Bedragen', toBigInt(t.bedragkader_bp) === 0n ? 'geen marge' : `tot ${procent(t.bedragkader_bp)} boven het maximum`],
    ]));
}

function vragen(mp, structuur) {
  if (!structuur) return null;
  const gebruikt = new Set(mp.vraag_ids);
  const modeltekst = Object.fromEntries(mp.modelteksten.map((m) => [m.vraag_id, m.tekst]));
  return h('section', { 'aria-labelledby': 'kop-vragen' },
    heading(2, 'Onderdelen en vragen', { id: 'kop-vragen' }),
    paragraph('Een aanvraag beantwoordt deze vragen, per onderdeel. Tussen haken de basiseisen waar een vraag bij hoort.'),
    structuur.secties.map((s) => h('details', { class: 'onderdeel' },
      h('summary', { class: 'onderdeel__kop' }, `${s.volgnummer}. ${s.naam}${s.normerend ? ' (normerend)' : ''}`),
      h('ol', { class: 'utrecht-ordered-list vragenlijst' },
        s.vragen.filter((q) => gebruikt.has(q.id)).map((q) => h('li', { class: 'utrecht-ordered-list__item' },
          h('strong', {}, `${q.id} ${q.label}`), ': ', q.tekst,
          q.basiseisen.length ? ` (basiseis ${q.basiseisen.join(', ')})` : '',
          q.regiocontext ? ' Aan te vullen met de regionale context.' : '',
          q.voorwaardelijk ? ' Alleen als dit van toepassing is.' : '',
          modeltekst[q.id] ? h('p', { class: 'utrecht-paragraph modeltekst' }, `Modeltekst: ${modeltekst[q.id]}`) : null))))));
}

export async function toon(ctx) {
  const versie = ctx.query.get('versie');
  const answer = await api.get(`/modelplannen/${encodeURIComponent(ctx.params.id)}`, {
    query: { versie }, signal: ctx.signal,
  });
  const mp = answer.modelplan;
  const doc = await catalogus.catalogusDocument(answer.catalogusversie);
  const sectornamen = Object.fromEntries((doc.sectoren || []).map((s) => [s.id, s.naam]));
  const gebied = (doc.toepassingsgebieden || []).find((t) => t.id === mp.toepassingsgebied_id);
  ctx.titel(`${mp.naam}, versie ${mp.versie}`);
  return [
    heading(1, mp.naam),
    h('p', { class: 'utrecht-paragraph' }, statusBadge(mp.status), ` Versie ${mp.versie}`,
      mp.vastgesteld_op ? `, vastgesteld op ${datum(mp.vastgesteld_op)}` : ', nog niet vastgesteld',
      gebied ? `. Toepassingsgebied: ${gebied.naam}.` : '.'),
    versies(mp, answer.versies),
    normen(mp.normen, sectornamen),
    vragen(mp, doc.modelplanstructuur?.versie === mp.modelplanstructuur_versie ? doc.modelplanstructuur : null),
  ];
}
