// SPDX-License-Identifier: EUPL-1.2
//
// Aanvraag beoordelen (role beoordelaar): one application side by side with
// its modelplan's norms, the automated checks and deviations, the answers per
// section, the budget and milestones; the verdicts (as far as the
// independence rule lets this insurer see them) and the requests for
// information; and the assessment form: the 14 basic requirements each with
// a verdict and a motivation, the conflict-of-interest declaration, the
// overall verdict with its motivation, and for "meer informatie" the request
// (which parts of the document, as JSON pointers, and the question).
//
// API: GET /aanvragen/{id} (the newest submitted version for an insurer),
// /toetsing, /versies, /beoordelingen, /informatieverzoeken;
// GET /modelplannen/{id}?versie=; GET /basiseisen?catalogusversie=;
// POST /aanvragen/{id}/beoordelingen (docs/indiening.md §7). Errors come
// back with pointers such as /basiseisen/3/motivering and land at their
// field and in the summary. The server decides every rule; this screen
// shows what it says, with the rule's source.
//
// For a positive application the coordinating insurer finds here the way to
// the joint request to NZa (docs/beschikking.md §2).

import { api } from '../api.js';
import * as catalogus from '../catalogus.js';
import {
  alert, button, dataList, h, heading, link, paragraph, replaceChildren, table, unorderedList,
} from '../dom.js';
import { bezig, formulier, groep, keuzerondjes, metBron, tekstvak, vinkje } from '../formulier.js';
import { datum, datumTijd, euro, getal, milli, opsomming, procent, toBigInt } from '../opmaak.js';
import {
  AANVRAAGSTATUS, aanvraagStatus, EISOORDEEL, nzaStatus, OORDEEL, ROUTE, VERZEKERAARROL,
} from './beoordelaar-velden.js';
import { mijnRol } from './beoordelingen.js';

const UITKOMST = { voldaan: 'Voldaan', niet_voldaan: 'Niet voldaan', beoordelaar: 'Aan de beoordelaar' };
const KOSTENSOORT = { personeel: 'personeel', materieel: 'materieel' };
const DOEL = {
  implementatie: 'implementatie', technologie: 'technologie', koppelingen: 'koppelingen', scholing: 'scholing',
  veranderkundige_ondersteuning: 'veranderkundige ondersteuning', projectorganisatie: 'projectorganisatie',
  monitoring: 'monitoring', kennisdeling: 'kennisdeling', aanschaf_hulpmiddelen: 'aanschaf hulpmiddelen', overig: 'overig',
};

function sum(values) {
  return values.reduce((s, v) => s + toBigInt(v ?? 0), 0n);
}

// The organisations the document names, from the register (GET /organisaties/{id}),
// read once per screen: a person reads names, not numbers.
let register = new Map();

/** Reads the register entries of every organisation the document names. */
async function leesRegister(doc, signal) {
  const c = doc.coalitie || {};
  const ids = new Set([c.penvoerder, c.coordinerend_verzekeraar, c.tweede_verzekeraar,
    ...(c.deelnemers || []).map((d) => d.organisatie), ...(doc.begroting || []).map((r) => r.zorgaanbieder)]
    .filter((x) => Number.isInteger(x) && x > 0));
  const gelezen = await Promise.all([...ids].slice(0, 100).map((x) => api.get(`/organisaties/${x}`, { signal }).catch((err) => {
    if (err.geannuleerd) throw err;
    return null;
  })));
  register = new Map(gelezen.filter(Boolean).map((o) => [o.id, o]));
}

/** An organisation by its name in the register, else by its number. */
function naamVan(id) {
  const o = register.get(id);
  return o ? (o.plaats && o.plaats !== o.naam ? `${o.naam}, ${o.plaats}` : o.naam) : `Organisatie ${id}`;
}

function organisatieNaam(id, doc, orgId, orgNaam) {
  if (id === orgId) return `${orgNaam} (uw organisatie)`;
  const rollen = [];
  if (doc.coalitie?.penvoerder === id) rollen.push('penvoerder');
  if (doc.coalitie?.coordinerend_verzekeraar === id) rollen.push('coördinerende zorgverzekeraar');
  if (doc.coalitie?.tweede_verzekeraar === id) rollen.push('tweede zorgverzekeraar');
  return `${naamVan(id)}${rollen.length ? ` (${rollen.join(', ')})` : ''}`;
}

// --- the parts of a document a request for information can name -----------

/** [{ groep, delen: [{ pointer, tekst }] }] from the document and the modelplan structure. */
function documentdelen(doc, vraagLabels, mp) {
  const mijlpaalNaam = Object.fromEntries((mp.normen.mijlpalen || []).map((m) => [m.id, m.naam]));
  const groepen = [
    { groep: 'Antwoorden op de vragen van het modelplan',
      delen: (doc.antwoorden || []).map((a, i) => ({
        pointer: `/antwoorden/${i}`, tekst: `Vraag ${a.vraag_id}${vraagLabels[a.vraag_id] ? ` ${vraagLabels[a.vraag_id]}` : ''}` })) },
    { groep: 'Begroting',
      delen: [
        { pointer: '/begroting', tekst: 'De hele begroting (ook regels toevoegen of weghalen)' },
        ...(doc.begroting || []).map((r, i) => ({
          pointer: `/begroting/${i}`, tekst: `Regel ${i + 1}: ${r.omschrijving || DOEL[r.doel] || r.doel}, ${r.jaar}, ${euro(r.bedrag_cent)}` })),
      ] },
    { groep: 'Mijlpalen',
      delen: [
        { pointer: '/mijlpalen', tekst: 'Alle mijlpalen' },
        ...(doc.mijlpalen || []).map((m, i) => ({
          pointer: `/mijlpalen/${i}`, tekst: `Mijlpaal ${m.id}${mijlpaalNaam[m.id] ? ` ${mijlpaalNaam[m.id]}` : ''}` })),
      ] },
    { groep: 'Impact en bedragen',
      delen: [
        { pointer: '/impact/fte_besparing_milli', tekst: 'Arbeidsbesparing (fte)' },
        { pointer: '/impact/meetmethode', tekst: 'Meetmethode van de impact' },
        { pointer: '/totaal_bedrag_cent', tekst: 'Totaal gevraagd bedrag' },
        { pointer: '/eenheden', tekst: 'Aantallen eenheden' },
        { pointer: '/structureel', tekst: 'Structurele kosten en besparingen' },
        { pointer: '/eenmalige_impuls', tekst: 'Eenmalige impuls en borging' },
      ] },
    { groep: 'Coalitie en zorgpaden',
      delen: [
        { pointer: '/coalitie/deelnemers', tekst: 'Deelnemers en hun bedragen' },
        { pointer: '/zorgpaden', tekst: 'Gekozen zorgpaden' },
      ] },
    { groep: 'Afwijkingen en regionale aanpassingen',
      delen: [
        ...(doc.afwijkingen || []).map((a, i) => ({ pointer: `/afwijkingen/${i}/toelichting`, tekst: `Toelichting op afwijking ${a.element}` })),
        ...(doc.regionale_aanpassingen || []).map((r, i) => ({ pointer: `/regionale_aanpassingen/${i}`, tekst: `Regionale aanpassing: ${r.onderwerp}` })),
      ] },
  ];
  return groepen.filter((g) => g.delen.length);
}

// --- norms side by side ------------------------------------------------------

function normenTabel(doc, mp, toetsing, sectornamen) {
  const n = mp.normen;
  const afwijkingen = toetsing.afwijkingen || [];
  const toelichting = Object.fromEntries((doc.afwijkingen || []).map((a) => [a.element, a.toelichting]));
  const gebruikt = new Set();

  function afwijkingCel(match) {
    const hits = afwijkingen.filter((x) => match(x.element));
    if (!hits.length) return 'Geen afwijking';
    return hits.map((x) => {
      gebruikt.add(x);
      return h('div', { class: 'afwijking' },
        h('strong', {}, x.toegelicht ? 'Afwijking, toegelicht' : 'Afwijking, niet toegelicht'),
        `: norm ${x.norm}; aanvraag ${x.waarde}. `,
        toelichting[x.element] ? h('span', { class: 'afwijking__toelichting' }, `Toelichting: ${toelichting[x.element]}`) : null,
        x.bron ? h('span', { class: 'bron' }, ` ${x.bron}`) : null);
    });
  }

  const k = n.bedragkaders;
  const gevraagd = toetsing.totalen?.gevraagd_cent ?? doc.totaal_bedrag_cent ?? 0;
  const eenheden = Object.fromEntries((doc.eenheden || []).map((e) => [e.id, e.aantal]));
  const mijlpalen = Object.fromEntries((doc.mijlpalen || []).map((m) => [m.id, m]));
  const deelnemers = doc.coalitie?.deelnemers || [];
  const rijen = [
    {
      naam: 'Minimale impact',
      norm: `${milli(n.min_fte_per_miljoen_milli)} fte arbeidsbesparing per € 1 mln eenmalige investering`,
      aanvraag: doc.impact?.fte_besparing_milli != null
        ? `${milli(doc.impact.fte_besparing_milli)} fte bij ${euro(gevraagd)} gevraagd` : 'Niet ingevuld',
      afwijking: afwijkingCel((e) => e === 'normen.min_fte_per_miljoen_milli'),
    },
    {
      naam: 'Maximum per aanvraag',
      norm: k.max_per_aanvraag_cent == null ? 'Geen maximum' : euro(k.max_per_aanvraag_cent),
      aanvraag: doc.totaal_bedrag_cent != null ? euro(doc.totaal_bedrag_cent) : 'Niet ingevuld',
      afwijking: afwijkingCel((e) => e === 'normen.bedragkaders.max_per_aanvraag_cent'),
    },
    {
      naam: 'Maximum per zorgaanbieder',
      norm: k.max_per_zorgaanbieder_cent == null ? 'Geen maximum' : euro(k.max_per_zorgaanbieder_cent),
      aanvraag: deelnemers.length
        ? unorderedList(deelnemers.map((d) => `${naamVan(d.organisatie)}: ${euro(d.bedrag_cent)}`)) : 'Geen deelnemers',
      afwijking: afwijkingCel((e) => e === 'normen.bedragkaders.max_per_zorgaanbieder_cent'),
    },
    ...(k.per_eenheid || []).map((e) => ({
      naam: `Maximum per ${e.eenheid}`,
      norm: euro(e.max_bedrag_cent),
      aanvraag: eenheden[e.id] != null ? `${getal(eenheden[e.id])} × ${e.eenheid}` : 'Aantal niet ingevuld',
      afwijking: afwijkingCel((x) => x === `normen.bedragkaders.per_eenheid[${e.id}].max_bedrag_cent`),
    })),
    ...(n.begrotingsjaren || []).map((j) => ({
      naam: `Begroting ${j.jaar}`,
      norm: `hoogstens ${procent(j.max_aandeel_bp)} van het gevraagde bedrag`,
      aanvraag: euro(sum((doc.begroting || []).filter((r) => r.jaar === j.jaar && r.aard === 'eenmalig').map((r) => r.bedrag_cent))),
      afwijking: afwijkingCel((e) => e === `normen.begrotingsjaren[${j.jaar}].max_aandeel_bp`),
    })),
    ...(n.mijlpalen || []).map((m) => ({
      naam: `Mijlpaal ${m.id}: ${m.naam}`,
      norm: `uiterlijk ${datum(m.uiterlijk_op)}; ${procent(m.aandeel_bp)} van het bedrag`,
      aanvraag: mijlpalen[m.id]
        ? `streefdatum ${datum(mijlpalen[m.id].streefdatum)}; ${euro(mijlpalen[m.id].bedrag_cent)}` : 'Ontbreekt',
      afwijking: afwijkingCel((e) => e.startsWith(`normen.mijlpalen[${m.id}].`)),
    })),
    (n.aanvraagvorm?.vereiste_sectoren || []).length ? {
      naam: 'Vereiste sectoren',
      norm: opsomming(n.aanvraagvorm.vereiste_sectoren.map((s) => sectornamen[s] || s)),
      aanvraag: opsomming([...new Set(deelnemers.filter((d) => d.sector).map((d) => sectornamen[d.sector] || d.sector))]) || 'Geen',
      afwijking: afwijkingCel((e) => e.startsWith('normen.aanvraagvorm.vereiste_sectoren')),
    } : null,
    {
      naam: 'Scholing en veranderkundige ondersteuning',
      norm: `minstens ${procent(n.veranderkundige_ondersteuning.min_aandeel_begroting_bp)} van de begroting`,
      aanvraag: `${euro(toetsing.totalen?.veranderkundig_cent ?? 0)} van ${euro(gevraagd)}`,
      afwijking: afwijkingCel((e) => e === 'normen.veranderkundige_ondersteuning.min_aandeel_begroting_bp'),
    },
  ].filter(Boolean);
  for (const x of afwijkingen.filter((a) => !gebruikt.has(a))) {
    rijen.push({ naam: x.element, norm: x.norm, aanvraag: x.waarde, afwijking: afwijkingCel((e) => e === x.element) });
  }
  return table({
    caption: 'Normerende elementen: de norm van het modelplan, de waarde in de aanvraag en de afwijking',
    columns: [
      { kop: 'Element', waarde: (r) => r.naam },
      { kop: 'Norm van het modelplan', waarde: (r) => r.norm },
      { kop: 'In de aanvraag', waarde: (r) => r.aanvraag },
      { kop: 'Afwijking en toelichting', waarde: (r) => r.afwijking },
    ],
    rows: rijen,
  });
}

function toetsingSectie(toetsing, doc) {
  const b = toetsing.bevindingen || [];
  const tel = (r) => b.filter((x) => x.resultaat === r).length;
  return h('section', { 'aria-labelledby': 'kop-toetsing' },
    heading(2, 'Geautomatiseerde toetsing', { id: 'kop-toetsing' }),
    paragraph(`Route: ${ROUTE[toetsing.route] || toetsing.route}. ${b.length} bevindingen: ${tel('voldaan')} voldaan, `
      + `${tel('beoordelaar')} aan de beoordelaar, ${tel('niet_voldaan')} niet voldaan.`
      + (toetsing.bevindingen_weggelaten ? ` ${toetsing.bevindingen_weggelaten} bevindingen zijn niet getoond.` : '')),
    table({
      caption: 'Bevindingen van de geautomatiseerde toetsing',
      columns: [
        { kop: 'Toets', waarde: (x) => x.id },
        { kop: 'Basiseis', waarde: (x) => (x.basiseis ? String(x.basiseis) : '–') },
        { kop: 'Uitkomst', waarde: (x) => h('span', { class: `uitkomst uitkomst--${x.resultaat}` }, UITKOMST[x.resultaat] || x.resultaat) },
        { kop: 'Bericht', waarde: (x) => [x.bericht, x.veld ? h('span', { class: 'bron' }, ` (${x.veld})`) : null] },
        { kop: 'Bron', waarde: (x) => x.bron || '' },
      ],
      rows: b,
    }),
    (doc.regionale_aanpassingen || []).length ? [
      heading(3, 'Regionale aanpassingen'),
      dataList(doc.regionale_aanpassingen.map((r) => [r.onderwerp, r.toelichting])),
    ] : null);
}

function antwoordenSectie(doc, structuur) {
  const perVraag = Object.fromEntries((doc.antwoorden || []).map((a) => [a.vraag_id, a]));
  const secties = structuur?.secties || [];
  const bekend = new Set(secties.flatMap((s) => s.vragen.map((q) => q.id)));
  const rest = (doc.antwoorden || []).filter((a) => !bekend.has(a.vraag_id));
  const antwoord = (a) => [
    h('p', { class: 'utrecht-paragraph antwoord' }, a.tekst || 'Niet beantwoord.'),
    a.regiocontext ? h('p', { class: 'utrecht-paragraph antwoord__regio' }, `Regionale context: ${a.regiocontext}`) : null,
  ];
  return h('section', { 'aria-labelledby': 'kop-antwoorden' },
    heading(2, 'Antwoorden per onderdeel', { id: 'kop-antwoorden' }),
    secties.map((s) => {
      const vragen = s.vragen.filter((q) => perVraag[q.id]);
      if (!vragen.length) return null;
      return h('details', { class: 'onderdeel' },
        h('summary', { class: 'onderdeel__kop' }, `${s.volgnummer}. ${s.naam}${s.normerend ? ' (normerend)' : ''}`),
        h('dl', { class: 'antwoorden' }, vragen.map((q) => [
          h('dt', { class: 'antwoorden__vraag' }, `${q.id} ${q.label}: ${q.tekst}`),
          h('dd', { class: 'antwoorden__antwoord' }, antwoord(perVraag[q.id])),
        ])));
    }),
    rest.length ? h('details', { class: 'onderdeel' },
      h('summary', { class: 'onderdeel__kop' }, 'Overige antwoorden'),
      h('dl', { class: 'antwoorden' }, rest.map((a) => [
        h('dt', { class: 'antwoorden__vraag' }, `Vraag ${a.vraag_id}`),
        h('dd', { class: 'antwoorden__antwoord' }, antwoord(a)),
      ]))) : null);
}

function begrotingSectie(doc, toetsing, sectornamen, orgId, orgNaam) {
  const regels = doc.begroting || [];
  const deelnemers = doc.coalitie?.deelnemers || [];
  return h('section', { 'aria-labelledby': 'kop-begroting' },
    heading(2, 'Coalitie en begroting', { id: 'kop-begroting' }),
    table({
      caption: 'Deelnemers van de coalitie met hun bedrag',
      columns: [
        { kop: 'Organisatie', waarde: (d) => organisatieNaam(d.organisatie, doc, orgId, orgNaam) },
        { kop: 'Soort', waarde: (d) => (d.soort === 'gemeente' ? 'Gemeente' : 'Zorgaanbieder') },
        { kop: 'Sector', waarde: (d) => (d.sector ? sectornamen[d.sector] || d.sector : '–') },
        { kop: 'Bedrag', getal: true, waarde: (d) => euro(d.bedrag_cent) },
      ],
      rows: deelnemers,
      footer: ['Totaal', '', '', euro(sum(deelnemers.map((d) => d.bedrag_cent)))],
    }),
    table({
      caption: 'Begrotingsregels',
      columns: [
        { kop: 'Omschrijving', waarde: (r) => r.omschrijving || '–' },
        { kop: 'Zorgaanbieder', waarde: (r) => naamVan(r.zorgaanbieder) },
        { kop: 'Jaar', waarde: (r) => String(r.jaar) },
        { kop: 'Kosten', waarde: (r) => `${KOSTENSOORT[r.kostensoort] || r.kostensoort}, ${r.aard}` },
        { kop: 'Doel', waarde: (r) => DOEL[r.doel] || r.doel },
        { kop: 'Bedrag', getal: true, waarde: (r) => euro(r.bedrag_cent) },
      ],
      rows: regels,
      footer: ['Totaal van alle regels', '', '', '', '', euro(sum(regels.map((r) => r.bedrag_cent)))],
    }),
    dataList([
      ['Gevraagd totaal', doc.totaal_bedrag_cent != null ? euro(doc.totaal_bedrag_cent) : 'Niet ingevuld'],
      toetsing.totalen ? ['Gevraagd volgens de begroting (te financieren kosten)', euro(toetsing.totalen.gevraagd_cent)] : null,
      toetsing.totalen ? ['Opgegeven, niet te financieren (structurele kosten)', euro(toetsing.totalen.niet_financierbaar_cent)] : null,
      doc.structureel ? ['Structurele kosten per jaar', euro(doc.structureel.kosten_per_jaar_cent ?? 0)] : null,
      doc.structureel ? ['Structurele besparing per jaar', euro(doc.structureel.besparing_per_jaar_cent ?? 0)] : null,
      doc.structureel?.toelichting ? ['Toelichting structureel', doc.structureel.toelichting] : null,
      doc.eenmalige_impuls?.toelichting ? ['Waarom een eenmalige impuls', doc.eenmalige_impuls.toelichting] : null,
      doc.eenmalige_impuls?.borging ? ['Borging na het project', doc.eenmalige_impuls.borging] : null,
    ]));
}

function mijlpalenSectie(doc, mp) {
  const norm = Object.fromEntries((mp.normen.mijlpalen || []).map((m) => [m.id, m]));
  const rijen = doc.mijlpalen || [];
  return h('section', { 'aria-labelledby': 'kop-mijlpalen' },
    heading(2, 'Mijlpalen', { id: 'kop-mijlpalen' }),
    table({
      caption: 'Mijlpalen van de aanvraag naast die van het modelplan',
      columns: [
        { kop: 'Mijlpaal', waarde: (m) => `${m.id}${norm[m.id] ? ` ${norm[m.id].naam}` : ''}` },
        { kop: 'Streefdatum', waarde: (m) => datum(m.streefdatum) },
        { kop: 'Uiterlijk volgens het modelplan', waarde: (m) => (norm[m.id] ? datum(norm[m.id].uiterlijk_op) : '–') },
        { kop: 'Bedrag', getal: true, waarde: (m) => euro(m.bedrag_cent) },
        { kop: 'Deel volgens het modelplan', getal: true, waarde: (m) => (norm[m.id] ? procent(norm[m.id].aandeel_bp) : '–') },
      ],
      rows: rijen,
      footer: ['Totaal', '', '', euro(sum(rijen.map((m) => m.bedrag_cent))), ''],
    }));
}

// --- verdicts and requests -----------------------------------------------------

function beoordelingKaart(b, orgId, eisTitel) {
  const wie = `${VERZEKERAARROL[b.verzekeraar_rol] || b.verzekeraar_rol}${b.verzekeraar_id === orgId ? ' (uw organisatie)' : ''}`;
  return h('article', { class: 'kaart beoordeling', 'aria-labelledby': `oordeel-${b.id}` },
    heading(3, `${wie}: ${OORDEEL[b.oordeel] || b.oordeel} (versie ${b.versie})`, { id: `oordeel-${b.id}` }),
    dataList([
      ['Motivering', b.motivering],
      b.beoordeeld_op ? ['Beoordeeld', `${datumTijd(b.beoordeeld_op)}${b.beoordeeld_door ? ` door ${b.beoordeeld_door_naam || b.beoordeeld_door}` : ''}`] : null,
      b.informatieverzoek ? ['Gevraagde informatie', `${b.informatieverzoek.vraag} (${b.informatieverzoek.velden.join(', ')})`] : null,
    ]),
    h('details', { class: 'onderdeel' },
      h('summary', { class: 'onderdeel__kop' }, 'Oordeel per basiseis'),
      table({
        caption: `Oordeel per basiseis, ${wie.toLowerCase()}`,
        columns: [
          { kop: 'Basiseis', waarde: (e) => `${e.volgnummer}${eisTitel[e.volgnummer] ? ` ${eisTitel[e.volgnummer]}` : ''}` },
          { kop: 'Oordeel', waarde: (e) => EISOORDEEL[e.oordeel] || e.oordeel },
          { kop: 'Motivering', waarde: (e) => e.motivering },
        ],
        rows: b.basiseisen,
      })));
}

function beoordelingenInhoud(lijst, a, orgId, eisTitel) {
  const mijn = lijst.beoordelingen.some((b) => b.verzekeraar_id === orgId && b.versie === a.versie);
  return [
    lijst.beoordelingen.length
      ? lijst.beoordelingen.map((b) => beoordelingKaart(b, orgId, eisTitel))
      : paragraph('Er zijn nog geen oordelen die u kunt zien.'),
    mijn ? null : paragraph('U beoordeelt zelfstandig: het oordeel van de andere zorgverzekeraar over deze versie ziet u '
      + 'pas nadat u zelf hebt beoordeeld.'),
  ];
}

function verzoekenInhoud(lijst, labels) {
  if (!lijst.informatieverzoeken.length) return paragraph('Er zijn geen informatieverzoeken die u kunt zien.');
  return table({
    caption: 'Informatieverzoeken aan de coalitie',
    columns: [
      { kop: 'Versie', waarde: (v) => String(v.versie) },
      { kop: 'Gevraagd door', waarde: (v) => VERZEKERAARROL[v.verzekeraar_rol] || v.verzekeraar_rol },
      { kop: 'Onderdelen', waarde: (v) => unorderedList(v.velden.map((p) => [labels.get(p) || p, ' ', h('code', { class: 'utrecht-code' }, p)])) },
      { kop: 'Vraag', waarde: (v) => v.vraag },
      { kop: 'Gevraagd op', waarde: (v) => (v.gevraagd_op ? datumTijd(v.gevraagd_op) : '–') },
      { kop: 'Beantwoord', waarde: (v) => (v.beantwoord ? `Ja, in versie ${v.beantwoord_in_versie}` : 'Nog niet') },
    ],
    rows: lijst.informatieverzoeken,
  });
}

// --- the form --------------------------------------------------------------------

/**
 * The basic requirements the automated checks already established: on the
 * light route (conform the modelplan), a requirement whose every check is
 * "voldaan" needs no new weighing [002 §4.2], [001 "Beoordeling"]: it is
 * pre-filled and folded away, and the assessor confirms it with the final
 * verdict (and may open and change it). On the deep route nothing is
 * pre-filled.
 */
export function vastgesteldeEisen(route, eisen, bevindingen) {
  if (route !== 'licht') return new Map();
  const uit = new Map();
  for (const eis of eisen) {
    const t = bevindingen.filter((b) => b.basiseis === eis.volgnummer);
    if (t.length && t.every((b) => b.resultaat === 'voldaan')) uit.set(eis.volgnummer, t);
  }
  return uit;
}

function beoordelingsformulier({ a, route, basiseisen, bevindingen, delen, onKlaar }) {
  const eisen = [...basiseisen].sort((x, y) => x.volgnummer - y.volgnummer);
  const vast = vastgesteldeEisen(route, eisen, bevindingen);
  const velden = [];
  const perEis = eisen.map((eis, i) => {
    const toetsen = bevindingen.filter((b) => b.basiseis === eis.volgnummer);
    const al = vast.get(eis.volgnummer);
    const oordeel = keuzerondjes({
      pointer: `/basiseisen/${i}/oordeel`,
      label: `Oordeel over basiseis ${eis.volgnummer}`,
      naam: `basiseis-${eis.volgnummer}`,
      opties: Object.entries(EISOORDEEL).map(([waarde, tekst]) => ({ waarde, tekst })),
      waarde: al ? 'voldaan' : '',
    });
    const motivering = tekstvak({ pointer: `/basiseisen/${i}/motivering`, label: `Motivering bij basiseis ${eis.volgnummer}`, rijen: 2,
      waarde: al ? `Vastgesteld door de geautomatiseerde toetsing (${al.map((t) => t.id).join(', ')}); de aanvraag volgt `
        + 'hier het modelplan (route licht) [002 §4.2].' : '' });
    velden.push(oordeel, motivering);
    const inhoud = [
      paragraph(eis.toelichting),
      toetsen.length ? h('div', { class: 'basiseis__toetsing' },
        h('p', { class: 'utrecht-paragraph' }, h('strong', {}, 'Geautomatiseerde toetsing:')),
        unorderedList(toetsen.map((t) => `${t.id}: ${UITKOMST[t.resultaat] || t.resultaat}. ${t.bericht}`))) : null,
      oordeel.element,
      motivering.element,
    ];
    return {
      eis, oordeel, motivering,
      element: al
        ? h('details', { class: 'basiseis basiseis--vastgesteld onderdeel', id: `basiseis-${eis.volgnummer}` },
          h('summary', { class: 'onderdeel__kop' }, `Basiseis ${eis.volgnummer}: ${eis.titel} — voldaan volgens de toetsing`),
          inhoud)
        : h('div', { class: 'basiseis', id: `basiseis-${eis.volgnummer}` },
          heading(3, `Basiseis ${eis.volgnummer}: ${eis.titel}`), inhoud),
    };
  });
  const uitleg = vast.size ? paragraph(`Route licht: ${vast.size} van de ${eisen.length} basiseisen zijn al vastgesteld door de `
    + 'geautomatiseerde toetsing en staan ingevuld (open ze om te lezen of te wijzigen); u beoordeelt er nog '
    + `${eisen.length - vast.size} [002 §4.2].`) : null;

  const conflict = vinkje({
    pointer: '/geen_belangenconflict',
    label: 'Ik verklaar dat ik geen belangenconflict heb bij deze aanvraag',
    omschrijving: 'Wie een belangenconflict heeft, beoordeelt niet: laat dan een collega de aanvraag beoordelen.',
  });
  const eindoordeel = keuzerondjes({
    pointer: '/oordeel',
    label: 'Uw eindoordeel',
    naam: 'oordeel',
    opties: Object.entries(OORDEEL).map(([waarde, tekst]) => ({ waarde, tekst })),
    omschrijving: 'Positief kan alleen als elke basiseis voldaan of niet van toepassing is. De aanvraag is positief als beide zorgverzekeraars positief oordelen.',
  });
  const motivering = tekstvak({ pointer: '/motivering', label: 'Motivering van uw eindoordeel', rijen: 4 });

  // The request for information: parts of the document, as JSON pointers.
  const vinkjes = [];
  const groepen = delen.map((g) => h('fieldset', { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset deelgroep' },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, g.groep),
    h('div', { class: 'deelgroep__lijst' }, g.delen.map((d) => {
      const v = vinkje({ pointer: d.pointer, label: d.tekst, naam: 'informatieverzoek-veld' });
      v.input.value = d.pointer;
      vinkjes.push(v);
      return v.element;
    }))));
  const onderdelen = groep({
    pointer: '/informatieverzoek/velden',
    label: 'Welke onderdelen moet de coalitie aanvullen of verduidelijken?',
    omschrijving: 'Alleen deze onderdelen mag de coalitie daarna wijzigen; de rest van de aanvraag blijft zoals hij is.',
    inhoud: groepen,
    eerste: () => vinkjes[0]?.input,
  });
  const vraag = tekstvak({ pointer: '/informatieverzoek/vraag', label: 'Uw vraag aan de coalitie', rijen: 3 });
  const verzoekBlok = h('div', { class: 'informatieverzoek', hidden: eindoordeel.waarde() !== 'meer_informatie' },
    heading(3, 'Informatieverzoek'),
    onderdelen.element,
    vraag.element);
  eindoordeel.onChange((v) => { verzoekBlok.hidden = v !== 'meer_informatie'; });

  velden.push(conflict, eindoordeel, motivering, onderdelen, vraag);
  const knop = button('Beoordeling vastleggen', { type: 'submit' });
  const form = h('form', { class: 'utrecht-form formulier beoordelingsformulier', novalidate: true, 'aria-labelledby': 'kop-uw-beoordeling' },
    paragraph(`U beoordeelt versie ${a.versie}. Geef per basiseis uw oordeel met een motivering, en daarna uw eindoordeel.`),
    uitleg,
    h('div', { class: 'basiseisen' }, perEis.map((p) => p.element)),
    heading(3, 'Eindoordeel'),
    conflict.element,
    eindoordeel.element,
    motivering.element,
    verzoekBlok,
    h('div', { class: 'utrecht-button-group' }, knop));
  const f = formulier(form, velden);

  // /basiseisen/3 (the item itself) belongs to its verdict; /informatieverzoek to its parts.
  const hernoem = (p) => {
    if (/^\/basiseisen\/[0-9]+$/.test(p)) return `${p}/oordeel`;
    if (p === '/informatieverzoek' || /^\/informatieverzoek\/velden\/[0-9]+$/.test(p)) return '/informatieverzoek/velden';
    return p;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      versie: a.versie,
      geen_belangenconflict: conflict.aan(),
      basiseisen: perEis.map((p) => ({ volgnummer: p.eis.volgnummer, oordeel: p.oordeel.waarde(), motivering: p.motivering.input.value })),
      oordeel: eindoordeel.waarde(),
      motivering: motivering.input.value,
    };
    if (body.oordeel === 'meer_informatie') {
      body.informatieverzoek = { velden: vinkjes.filter((v) => v.aan()).map((v) => v.input.value), vraag: vraag.input.value };
    }
    await bezig(knop, async () => {
      try {
        const antwoord = await api.post(`/aanvragen/${a.id}/beoordelingen`, body);
        f.wis();
        await onKlaar(antwoord, body);
      } catch (fout) {
        f.toonFouten(metBron(fout, { hernoem }), { kop: 'Uw beoordeling is niet vastgelegd' });
      }
    });
  });
  return form;
}

// --- the joint request to NZa ------------------------------------------------------

async function nzaInhoud(a, rol, signal) {
  if (a.status !== 'positief') return null;
  const { nza_aanvragen: verzoeken } = await api.get('/nza-aanvragen', { query: { limiet: 1000 }, signal })
    .catch((e) => (e.geannuleerd ? Promise.reject(e) : { nza_aanvragen: [] }));
  const bestaand = verzoeken.find((v) => v.aanvraag_id === a.id);
  if (bestaand) {
    return paragraph('Er is een verzoek aan de NZa: ', nzaStatus(bestaand.status), ' ',
      link(`/nza-aanvragen/${bestaand.id}`, `Verzoek ${bestaand.id} bekijken`));
  }
  if (rol !== 'coordinerend') {
    return paragraph('De coördinerende zorgverzekeraar stelt samen met de penvoerder het verzoek aan de NZa op, nadat het Bestuurlijk Overleg een bedrag heeft toegekend.');
  }
  let toegekend = null;
  try {
    const gb = await api.get('/grootboek/rekeningen', { signal });
    const project = gb.projecten.find((p) => p.aanvraag_id === a.id);
    if (project) toegekend = project.gereserveerd_cent;
  } catch (e) {
    if (e.geannuleerd) throw e;
    toegekend = undefined; // not known here; the API decides when the request is made
  }
  if (toegekend === null || (toegekend !== undefined && toBigInt(toegekend) === 0n)) {
    return paragraph('Het Bestuurlijk Overleg heeft (nog) geen bedrag aan deze aanvraag toegekend. Daarna stelt u hier het verzoek aan de NZa op.');
  }
  return [
    toegekend !== undefined ? paragraph(`Het Bestuurlijk Overleg heeft ${euro(toegekend)} toegekend. Vraag samen met de penvoerder de NZa om een beschikking.`) : null,
    paragraph(h('a', {
      class: 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action',
      href: `/nza-aanvragen/nieuw?aanvraag=${a.id}`,
    }, 'Verzoek aan NZa opstellen')),
  ];
}

// --- the screen -------------------------------------------------------------------

export async function toon(ctx) {
  const id = ctx.params.id;
  if (!/^[0-9]{1,16}$/.test(id)) {
    const mod = await import('./niet-gevonden.js');
    return mod.toon(ctx);
  }
  const orgId = ctx.sessie.organisatie.id;
  const orgNaam = ctx.sessie.organisatie.naam;
  const opts = { signal: ctx.signal };
  let [a, toetsingAntw, beoordelingen, verzoeken, versies] = await Promise.all([
    api.get(`/aanvragen/${id}`, opts),
    api.get(`/aanvragen/${id}/toetsing`, opts),
    api.get(`/aanvragen/${id}/beoordelingen`, opts),
    api.get(`/aanvragen/${id}/informatieverzoeken`, opts),
    api.get(`/aanvragen/${id}/versies`, opts),
  ]);
  const doc = a.document;
  await leesRegister(doc, ctx.signal);
  const [mpAntw, catDoc, eisenAntw, themanamen] = await Promise.all([
    api.get(`/modelplannen/${encodeURIComponent(doc.modelplan.id)}`, { query: { versie: doc.modelplan.versie }, ...opts }),
    catalogus.catalogusDocument(doc.catalogus_versie),
    api.get('/basiseisen', { query: { catalogusversie: doc.catalogus_versie }, ...opts }),
    catalogus.themanamen(),
  ]);
  const mp = mpAntw.modelplan;
  const toetsing = toetsingAntw.toetsing;
  const structuur = catDoc.modelplanstructuur?.versie === mp.modelplanstructuur_versie ? catDoc.modelplanstructuur : null;
  const vraagLabels = Object.fromEntries((structuur?.secties || []).flatMap((s) => s.vragen.map((q) => [q.id, q.label])));
  const sectornamen = Object.fromEntries((catDoc.sectoren || []).map((s) => [s.id, s.naam]));
  const eisTitel = Object.fromEntries(eisenAntw.basiseisen.map((e) => [e.volgnummer, e.titel]));
  const delen = documentdelen(doc, vraagLabels, mp);
  const labels = new Map(delen.flatMap((g) => g.delen.map((d) => [d.pointer, `${g.groep}: ${d.tekst}`])));
  const rol = mijnRol(a, orgId);
  const versie = versies.versies.find((v) => v.versie === a.versie);
  const titel = a.titel || doc.titel || `Aanvraag ${a.id}`;
  ctx.titel(`Beoordelen: ${titel}`);

  const statusCel = h('span', {}, aanvraagStatus(a.status));
  const beoordelingenVak = h('div', {}, beoordelingenInhoud(beoordelingen, a, orgId, eisTitel));
  const verzoekenVak = h('div', {}, verzoekenInhoud(verzoeken, labels));
  const melding = h('div', { class: 'melding', tabindex: '-1' });
  const meldingStatus = h('div', { role: 'status' }, melding);
  const formVak = h('div', {});
  const nzaVak = h('div', {}, await nzaInhoud(a, rol, ctx.signal));
  const nzaSectie = h('section', { 'aria-labelledby': 'kop-nza', hidden: a.status !== 'positief' },
    heading(2, 'Verzoek aan de NZa', { id: 'kop-nza' }), nzaVak);

  function vulFormulier() {
    const al = beoordelingen.beoordelingen.find((b) => b.verzekeraar_id === orgId && b.versie === a.versie);
    if (al) {
      replaceChildren(formVak, paragraph(`U hebt versie ${a.versie} beoordeeld: ${OORDEEL[al.oordeel] || al.oordeel}.`));
    } else if (['positief', 'negatief'].includes(a.status)) {
      replaceChildren(formVak, paragraph(`Deze aanvraag is afgerond: ${AANVRAAGSTATUS[a.status]}.`));
    } else {
      replaceChildren(formVak, beoordelingsformulier({
        a,
        route: toetsing.route,
        basiseisen: eisenAntw.basiseisen,
        bevindingen: toetsing.bevindingen || [],
        delen,
        onKlaar: async (antwoord) => {
          [a, beoordelingen, verzoeken] = await Promise.all([
            api.get(`/aanvragen/${id}`, opts),
            api.get(`/aanvragen/${id}/beoordelingen`, opts),
            api.get(`/aanvragen/${id}/informatieverzoeken`, opts),
          ]);
          replaceChildren(statusCel, aanvraagStatus(a.status));
          replaceChildren(beoordelingenVak, beoordelingenInhoud(beoordelingen, a, orgId, eisTitel));
          replaceChildren(verzoekenVak, verzoekenInhoud(verzoeken, labels));
          replaceChildren(nzaVak, await nzaInhoud(a, rol, ctx.signal));
          nzaSectie.hidden = a.status !== 'positief';
          vulFormulier();
          replaceChildren(melding, alert('ok', [
            paragraph(`Uw beoordeling van versie ${antwoord.beoordeling.versie} is vastgelegd: ${OORDEEL[antwoord.beoordeling.oordeel] || antwoord.beoordeling.oordeel}.`),
            paragraph(`De aanvraag heeft nu de status: ${AANVRAAGSTATUS[antwoord.status] || antwoord.status}.`),
          ], { heading: 'Beoordeling vastgelegd' }));
          melding.focus();
        },
      }));
    }
  }
  vulFormulier();

  return [
    heading(1, titel),
    dataList([
      ['Status', statusCel],
      ['Uw rol', VERZEKERAARROL[rol] || 'Geen'],
      ['Route', ROUTE[toetsing.route] || toetsing.route],
      ['Versie', `${a.versie}${versie ? `, ingediend ${datumTijd(versie.ingediend_op)}` : ''}`],
      ['Modelplan', link(`/modelplannen/${encodeURIComponent(mp.id)}?versie=${mp.versie}`, `${mp.naam}, versie ${mp.versie}`)],
      ['Thema', themanamen[a.thema] || a.thema],
      ['Regio', a.regio || '–'],
      ['Gevraagd bedrag', doc.totaal_bedrag_cent != null ? euro(doc.totaal_bedrag_cent) : 'Niet ingevuld'],
      a.open_velden?.length ? ['Open gevraagde onderdelen', unorderedList(a.open_velden.map((p) => labels.get(p) || p))] : null,
    ]),
    h('nav', { 'aria-label': 'Op deze pagina' }, h('ul', { class: 'utrecht-link-list utrecht-link-list--html-ul' },
      [['#kop-normen', 'Normen en afwijkingen'], ['#kop-toetsing', 'Geautomatiseerde toetsing'],
        ['#kop-antwoorden', 'Antwoorden per onderdeel'], ['#kop-begroting', 'Coalitie en begroting'],
        ['#kop-mijlpalen', 'Mijlpalen'], ['#kop-oordelen', 'Oordelen'], ['#kop-verzoeken', 'Informatieverzoeken'],
        ['#kop-uw-beoordeling', 'Uw beoordeling']]
        .map(([href, tekst]) => h('li', { class: 'utrecht-link-list__item' },
          h('a', { class: 'utrecht-link-list__link utrecht-link utrecht-link--html-a', href }, tekst))))),
    h('section', { 'aria-labelledby': 'kop-normen' },
      heading(2, 'Normen van het modelplan naast de aanvraag', { id: 'kop-normen' }),
      paragraph(`Binnen de normen en marges is de aanvraag conform (route licht). Een afwijking moet de coalitie toelichten; u weegt die toelichting (route verdiept).`),
      normenTabel(doc, mp, toetsing, sectornamen)),
    toetsingSectie(toetsing, doc),
    antwoordenSectie(doc, structuur),
    begrotingSectie(doc, toetsing, sectornamen, orgId, orgNaam),
    mijlpalenSectie(doc, mp),
    h('section', { 'aria-labelledby': 'kop-oordelen' }, heading(2, 'Oordelen', { id: 'kop-oordelen' }), beoordelingenVak),
    h('section', { 'aria-labelledby': 'kop-verzoeken' }, heading(2, 'Informatieverzoeken', { id: 'kop-verzoeken' }), verzoekenVak),
    h('section', { 'aria-labelledby': 'kop-uw-beoordeling' },
      heading(2, 'Uw beoordeling', { id: 'kop-uw-beoordeling' }), meldingStatus, formVak),
    nzaSectie,
  ];
}
