// SPDX-License-Identifier: EUPL-1.2
//
// Aanvraag (role aanvrager; also readable by a coalition participant): one
// application. While it is a draft (or the insurers asked for information)
// the lead fills it in with a wizard that follows the modelplan's sections
// (the catalogue's modelplanstructuur: 7 sections, 43 questions) plus a step
// for each structured part of the document (docs/aanvraag.md §2): coalition,
// budget, impact, milestones, deviations, declarations, and submitting.
//
// * The document is kept in memory as the API has it and every field reads
//   and writes its own JSON pointer in it (aanvraagformulier.js).
// * Saving: "Concept opslaan", and by itself a moment after the last edit
//   (PUT /aanvragen/{id}); drafts live on the server, so leaving and coming
//   back continues where the user was.
// * Every save answers with the live checks (toetsing); each finding goes
//   beside the field its pointer names (else the nearest group, else the
//   step), and the panel "Controles" lists them all with links. A refused
//   save (problem+json, pointers under /document) puts each message at its
//   field and in a summary. The client judges nothing itself.
// * Submitting: the last step shows what will be frozen and whether checks
//   block; POST /aanvragen/{id}/indiening; then the receipt
//   (aanvraag-status.js). After a request for information the asked fields
//   (open_velden) are marked and the answer is submitted the same way.

import { api, ApiFout } from '../api.js';
import {
  bevindingItem, bevindingSoort, bronTekst, delen, groep, lees, onder, ROUTE, schrijf, statusBadge, veld, veldVoor,
} from '../aanvraagformulier.js';
import * as catalogus from '../catalogus.js';
import { alert, button, dataList, h, heading, link, paragraph, replaceChildren as vervang, table, uniqueId } from '../dom.js';
import { datum, datumTijd, euro, milli, procent } from '../opmaak.js';
import { downloadTekst, statusSecties } from './aanvraag-status.js';

const AUTOSAVE_MS = 1200;

const KOSTENSOORT = [{ waarde: 'personeel', tekst: 'Personeel' }, { waarde: 'materieel', tekst: 'Materieel' }];
const AARD = [{ waarde: 'eenmalig', tekst: 'Eenmalig (wordt gevraagd)' }, { waarde: 'structureel', tekst: 'Structureel (alleen opgeven, wordt niet gevraagd)' }];
const DOEL = [
  ['implementatie', 'Implementatie'], ['technologie', 'Technologie'], ['koppelingen', 'Koppelingen'],
  ['scholing', 'Scholing'], ['veranderkundige_ondersteuning', 'Veranderkundige ondersteuning'],
  ['projectorganisatie', 'Projectorganisatie'], ['monitoring', 'Monitoring'], ['kennisdeling', 'Kennisdeling'],
  ['aanschaf_hulpmiddelen', 'Aanschaf van hulpmiddelen'], ['overig', 'Overig'],
].map(([waarde, tekst]) => ({ waarde, tekst }));
const SOORT = [{ waarde: 'zorgaanbieder', tekst: 'Zorgaanbieder' }, { waarde: 'gemeente', tekst: 'Gemeente' }];
const VERKLARINGEN = [
  ['geen_dubbele_financiering', 'Wij verklaren dat er geen dubbele financiering is, met reguliere zorg of met andere middelen.'],
  ['geen_eerdere_iza_transformatiemiddelen', 'Wij verklaren dat wij hiervoor niet eerder IZA-transformatiemiddelen of subsidie hebben ontvangen.'],
  ['kennis_kosteloos_delen', 'Wij verklaren dat de kennis uit het project kosteloos beschikbaar komt voor anderen.'],
];

/** A receipt just received, shown once on the application's page after submitting. */
let netOntvangen = null;

/** A save still under way when the user left the screen; the next screen waits for it. */
let lopendeOpslag = null;

/** Which step a document pointer belongs to; null when it cannot be told. */
function stapVan(p, doc) {
  if (p === 'regio') return 'algemeen';
  const [eerste, tweede] = delen(p);
  switch (eerste) {
    case undefined: case 'titel': case 'zorgpaden': case 'modelplan': case 'catalogus_versie':
    case 'soort': case 'schema_versie': case 'regio':
      return 'algemeen';
    case 'antwoorden': {
      const a = tweede === undefined ? null : doc.antwoorden?.[Number(tweede)];
      return a?.vraag_id ? `sectie-${String(a.vraag_id).split('.')[0]}` : null;
    }
    case 'coalitie': return 'coalitie';
    case 'begroting': case 'eenheden': case 'totaal_bedrag_cent': return 'begroting';
    case 'impact': case 'structureel': case 'eenmalige_impuls': return 'impact';
    case 'mijlpalen': return 'mijlpalen';
    case 'afwijkingen': case 'regionale_aanpassingen': return 'afwijkingen';
    case 'verklaringen': return 'verklaringen';
    default: return null;
  }
}

/** "/document/x" (the API's name for a field of the document) -> "/x"; "/regio" -> "regio". */
function veldNaam(apiNaam) {
  if (apiNaam === '/document') return '';
  if (apiNaam.startsWith('/document/')) return apiNaam.slice('/document'.length);
  if (apiNaam === '/regio') return 'regio';
  return '';
}

function tijd(iso) {
  return datumTijd(iso).replace(/^.* om /, '');
}

export async function toon(ctx) {
  const id = ctx.params.id;
  if (!/^[0-9]{1,19}$/.test(id)) throw new ApiFout(404, 'Deze aanvraag bestaat niet (meer).');
  const basis = `/aanvragen/${id}`;
  if (lopendeOpslag) await lopendeOpslag;
  let aanvraag = await api.get(basis, { signal: ctx.signal });
  const [toetsingAntwoord, ronde] = await Promise.all([
    api.get(`${basis}/toetsing`, { signal: ctx.signal }),
    api.get(`/indieningsrondes/${aanvraag.indieningsronde_id}`, { signal: ctx.signal }),
  ]);
  const catDoc = await catalogus.catalogusDocument(ronde.catalogusversie);
  let mp = (catDoc.modelplannen || []).find((m) => m.id === aanvraag.modelplan.id && m.versie === aanvraag.modelplan.versie);
  if (!mp) {
    mp = (await api.get(`/modelplannen/${encodeURIComponent(aanvraag.modelplan.id)}`, {
      query: { versie: aanvraag.modelplan.versie }, signal: ctx.signal,
    })).modelplan;
  }
  const verzoeken = aanvraag.status === 'informatie_gevraagd'
    ? (await api.get(`${basis}/informatieverzoeken`, { signal: ctx.signal })).informatieverzoeken.filter((v) => !v.beantwoord)
    : [];

  const doc = aanvraag.document || {};
  const bewerkbaar = aanvraag.toegang === 'penvoerder' && ['concept', 'informatie_gevraagd'].includes(aanvraag.status);
  const herhaling = aanvraag.status === 'informatie_gevraagd';
  const titelVan = () => doc.titel || aanvraag.titel || `Aanvraag ${id} (zonder titel)`;
  ctx.titel(titelVan());
  const h1 = heading(1, titelVan());

  const mpLink = link(`/modelplannen/${encodeURIComponent(mp.id)}?versie=${mp.versie}`, `${mp.naam}, versie ${mp.versie}`);
  const kopregel = dataList([
    ['Status', statusBadge(aanvraag.status)],
    ['Indieningsronde', `${ronde.naam}; sluit ${datumTijd(ronde.sluit_op)}`],
    ['Modelplan', mpLink],
    ['Penvoerder', aanvraag.penvoerder_id === ctx.sessie?.organisatie?.id ? `${ctx.sessie.organisatie.naam} (uw organisatie)` : `Organisatie ${aanvraag.penvoerder_id}`],
  ]);

  const nodes = [h1, kopregel];
  const ontvangen = netOntvangen && String(netOntvangen.aanvraag_id) === id ? netOntvangen : null;
  netOntvangen = null;

  const wizard = maakWizard({
    ctx, id, basis, aanvraag, doc, toetsing: toetsingAntwoord.toetsing, ronde, catDoc, mp, bewerkbaar, herhaling, verzoeken,
    onAanvraag: (a) => {
      aanvraag = { ...aanvraag, ...a };
      h1.textContent = titelVan();
      ctx.titel(titelVan());
    },
  });

  if (herhaling && bewerkbaar) {
    nodes.push(alert('warning', [
      paragraph('Een zorgverzekeraar vraagt om aanvullende informatie. Pas alleen de gevraagde onderdelen aan (gemarkeerd met “Gevraagd door de zorgverzekeraar”) en dien de aanvraag daarna opnieuw in.'),
      h('ul', { class: 'utrecht-unordered-list' }, verzoeken.map((v) => h('li', { class: 'utrecht-unordered-list__item' },
        `“${v.vraag}” Gevraagd: `, v.velden.map((p, i) => [i ? ', ' : '', wizard.veldLink(p, p)])))),
    ], { heading: 'Informatie gevraagd' }));
  }
  if (aanvraag.versie > 0) {
    nodes.push(...await statusSecties({ ctx, basis, aanvraag, ronde, ontvangen, veldLink: wizard.veldLink }));
  }
  if (!bewerkbaar) {
    nodes.push(h('section', { 'aria-labelledby': 'kop-inhoud' },
      heading(2, aanvraag.versie > 0 ? 'Inhoud van de aanvraag' : 'Inhoud van het concept', { id: 'kop-inhoud' }),
      paragraph(aanvraag.versie > 0
        ? 'De inhoud zoals die is ingediend, per stap; u kunt haar niet meer wijzigen.'
        : 'Alleen de penvoerder kan dit concept wijzigen; u kunt het lezen.')));
  }
  nodes.push(wizard.element);
  return nodes;
}

/**
 * The wizard: step list, the current step's fields, save status, buttons
 * and the panel with all checks. Returns { element, veldLink(pointer, text) }.
 */
function maakWizard(w) {
  const { ctx, id, basis, doc, ronde, catDoc, mp, bewerkbaar, herhaling, verzoeken } = w;
  let { aanvraag, toetsing } = w;
  const normen = mp.normen || {};
  const structuur = catDoc.modelplanstructuur || { secties: [] };
  const gebruikt = new Set(mp.vraag_ids || []);
  const modeltekst = Object.fromEntries((mp.modelteksten || []).map((m) => [m.vraag_id, m.tekst]));
  const gebied = (catDoc.toepassingsgebieden || []).find((t) => t.id === mp.toepassingsgebied_id) || { zorgpaden: [] };
  const sectoren = catDoc.sectoren || [];
  const eigenOrg = ctx.sessie?.organisatie || null;
  const openVelden = herhaling ? (aanvraag.open_velden || []) : [];

  // A new draft: an (empty) answer for every question of the plan, so that
  // each check on an answer names its own field. "" is "not answered yet".
  let toegevoegd = 0;
  if (bewerkbaar && !herhaling) {
    doc.antwoorden ||= [];
    for (const s of structuur.secties) {
      for (const q of s.vragen) {
        if (gebruikt.has(q.id) && !doc.antwoorden.some((a) => a.vraag_id === q.id)) {
          doc.antwoorden.push({ vraag_id: q.id, tekst: '' });
          toegevoegd += 1;
        }
      }
    }
  }

  const stappen = [
    { slug: 'algemeen', naam: 'Algemeen', bouw: stapAlgemeen },
    ...structuur.secties.filter((s) => s.vragen.some((q) => gebruikt.has(q.id))).map((s) => ({
      slug: `sectie-${s.id}`, naam: `Onderdeel ${s.volgnummer}: ${s.naam}`, bouw: () => stapSectie(s),
    })),
    { slug: 'coalitie', naam: 'Coalitie en zorgverzekeraars', bouw: stapCoalitie },
    { slug: 'begroting', naam: 'Begroting, eenheden en totaal', bouw: stapBegroting },
    { slug: 'impact', naam: 'Impact, structurele kosten en eenmalige impuls', bouw: stapImpact },
    { slug: 'mijlpalen', naam: 'Mijlpalen', bouw: stapMijlpalen },
    { slug: 'afwijkingen', naam: 'Afwijkingen en regionale aanpassingen', bouw: stapAfwijkingen },
    { slug: 'verklaringen', naam: 'Verklaringen', bouw: stapVerklaringen },
  ];
  if (bewerkbaar) stappen.push({ slug: 'indienen', naam: herhaling ? 'Antwoord indienen' : 'Controleren en indienen', bouw: stapIndienen });
  const gevraagdeStap = ctx.query.get('stap');
  let huidig = stappen.some((s) => s.slug === gevraagdeStap) ? gevraagdeStap : stappen[0].slug;

  // --- state of saving ---
  let wijzigingen = 0;
  let opgeslagen = 0;
  let timer = null;
  let bezig = null;
  let regio = aanvraag.regio || '';
  let saveFouten = []; // [{ veld (document pointer or 'regio' or ''), melding, bron }]
  let velden = []; // fields and groups of the current step
  let naTekenen = []; // step parts that follow the checks (e.g. the list of deviations)

  // --- the frame ---
  const opslagStatus = h('p', { class: 'utrecht-paragraph opslagstatus', role: 'status' });
  const foutHouder = h('div', { class: 'foutsamenvatting-houder' });
  const stapHouder = h('div', { class: 'stap' });
  const knoppen = h('div', { class: 'wizard__knoppen' });
  const lijstHouder = h('ol', { class: 'stappen__lijst' });
  const controles = h('section', { class: 'controles', 'aria-labelledby': 'kop-controles' });
  const navKopId = uniqueId('kop');
  const element = h('div', { class: 'wizard' },
    h('nav', { class: 'wizard__stappen stappen', 'aria-labelledby': navKopId },
      heading(2, 'Stappen', { id: navKopId }), lijstHouder),
    h('div', { class: 'wizard__inhoud' },
      bewerkbaar ? opslagStatus : null, foutHouder, stapHouder, knoppen, controles));

  function zetStatus(tekst) {
    // The same text again would be announced again while typing.
    if (opslagStatus.textContent !== tekst) opslagStatus.textContent = tekst;
  }

  // --- findings ---
  const openBevindingen = () => toetsing.bevindingen.filter((b) => b.resultaat !== 'voldaan');
  const blokkerend = () => toetsing.bevindingen.filter((b) => b.resultaat === 'niet_voldaan' && b.blokkerend);

  function samenvattingToetsing() {
    if (toetsing.indienbaar) return 'Geen controle blokkeert het indienen.';
    const n = toetsing.blokkerend_aantal ?? blokkerend().length;
    return n === 1 ? '1 punt blokkeert het indienen.' : `${n} punten blokkeren het indienen.`;
  }

  /** A link to the field of a pointer (in whatever step it is). */
  function veldLink(p, tekst) {
    const gevonden = stapVan(p, doc) || (delen(p)[0] === 'antwoorden' ? stappen[1]?.slug : null);
    const slug = stappen.some((s) => s.slug === gevonden) ? gevonden : 'algemeen';
    return h('a', {
      class: 'utrecht-link utrecht-link--html-a',
      href: `${basis}?stap=${slug}`,
      onClick: (event) => {
        event.preventDefault();
        gaNaar(slug, p);
      },
    }, tekst);
  }

  /**
   * The question(s) of the insurers that ask for the field or group `v`: the
   * highest element on the step at or below an asked pointer carries it (a
   * whole asked list is marked once, at its group, not at every field).
   */
  function gevraagdVoor(v) {
    const vragen = [];
    for (const verzoek of verzoeken) {
      const raak = verzoek.velden.some((o) => onder(v.pointer, o)
        && !velden.some((u) => u !== v && u.pointer !== v.pointer && onder(v.pointer, u.pointer) && onder(u.pointer, o)));
      if (raak) vragen.push(verzoek.vraag);
    }
    return vragen.join(' ');
  }

  /** Puts every finding at its field (or group, or the step), the save errors too. */
  function plaats() {
    const perVeld = new Map(velden.map((v) => [v, []]));
    const stapItems = [];
    for (const b of openBevindingen()) {
      const p = b.veld || '';
      if (stapVan(p, doc) !== huidig) continue;
      const v = veldVoor(velden, p);
      if (v) perVeld.get(v).push(bevindingItem(b));
      else stapItems.push(bevindingItem(b));
    }
    for (const [v, items] of perVeld) v.zetBevindingen(items);
    vervang(stapBevindingen, stapItems.length ? h('ul', { class: 'toetsvak__lijst' }, stapItems) : null);
    stapBevindingen.hidden = !stapItems.length;

    const foutPerVeld = new Map();
    for (const f of saveFouten) {
      const v = f.veld ? veldVoor(velden, f.veld) : null;
      if (!v) continue;
      if (!foutPerVeld.has(v)) foutPerVeld.set(v, []);
      foutPerVeld.get(v).push(f.bron ? `${f.melding} ${f.bron}` : f.melding);
    }
    for (const v of velden) {
      if (foutPerVeld.has(v)) v.zetFout(foutPerVeld.get(v));
      else v.wisFout();
      if (herhaling) v.zetGevraagd(gevraagdVoor(v));
    }
    for (const fn of naTekenen) fn();
  }
  const stapBevindingen = h('div', { class: 'toetsvak', hidden: true });

  function tekenStappen() {
    const perStap = {};
    for (const b of blokkerend()) {
      const s = stapVan(b.veld || '', doc);
      if (s) perStap[s] = (perStap[s] || 0) + 1;
    }
    const gevraagd = new Set(openVelden.map((p) => stapVan(p, doc)));
    vervang(lijstHouder, ...stappen.map((s) => {
      const n = perStap[s.slug] || 0;
      const extra = [];
      if (n) extra.push(n === 1 ? '1 punt blokkeert' : `${n} punten blokkeren`);
      if (gevraagd.has(s.slug)) extra.push('gevraagd door de zorgverzekeraar');
      return h('li', { class: 'stappen__item' },
        h('a', {
          class: ['utrecht-link', 'utrecht-link--html-a', 'stappen__link'],
          href: `${basis}?stap=${s.slug}`,
          'aria-current': s.slug === huidig ? 'step' : null,
          onClick: (event) => {
            event.preventDefault();
            gaNaar(s.slug);
          },
        }, s.naam),
        extra.length ? h('span', { class: 'stappen__stand' }, ` (${extra.join('; ')})`) : null);
    }));
  }

  function tekenControles() {
    const open = openBevindingen();
    const groepen = [
      ['Blokkeert indienen', open.filter((b) => bevindingSoort(b).soort === 'blokkerend')],
      ['Aandachtspunten voor de beoordeling', open.filter((b) => bevindingSoort(b).soort === 'aandacht')],
      ['Ter beoordeling door de zorgverzekeraars', open.filter((b) => bevindingSoort(b).soort === 'beoordelaar')],
    ];
    const voldaan = toetsing.bevindingen.filter((b) => b.resultaat === 'voldaan');
    const afw = toetsing.afwijkingen || [];
    const itemMetLink = (b) => h('li', { class: ['toets', `toets--${bevindingSoort(b).soort}`] },
      veldLink(b.veld || '', b.bericht), h('span', { class: 'toets__bron' }, ` (${bronTekst(b)})`));
    vervang(controles,
      heading(2, bewerkbaar ? 'Controles van uw concept' : 'Controles', { id: 'kop-controles' }),
      paragraph(h('strong', {}, toetsing.indienbaar ? 'Indienen kan. ' : 'Indienen kan nog niet. '), samenvattingToetsing(),
        ` Route: ${ROUTE[toetsing.route] || toetsing.route}.`),
      paragraph('Blokkerende punten moet u oplossen voor u kunt indienen. Punten over de basiseisen blokkeren niet: die beoordelen de twee zorgverzekeraars.'),
      groepen.filter(([, lijst]) => lijst.length).map(([kop, lijst]) => [
        heading(3, `${kop} (${lijst.length})`),
        h('ul', { class: 'toetsvak__lijst' }, lijst.map(itemMetLink)),
      ]),
      afw.length ? [
        heading(3, `Afwijkingen van het modelplan (${afw.length})`),
        table({
          caption: 'Afwijkingen van de normen van het modelplan',
          columns: [
            { kop: 'Onderdeel', waarde: (a) => veldLink(a.veld || '', a.element) },
            { kop: 'Norm', waarde: (a) => a.norm },
            { kop: 'In uw aanvraag', waarde: (a) => a.waarde },
            { kop: 'Toegelicht', waarde: (a) => (a.toegelicht ? 'Ja' : 'Nee') },
          ],
          rows: afw,
        }),
      ] : null,
      toetsing.bevindingen_weggelaten ? paragraph(`Nog ${toetsing.bevindingen_weggelaten} soortgelijke bevindingen zijn weggelaten.`) : null,
      voldaan.length ? h('details', { class: 'onderdeel' },
        h('summary', { class: 'onderdeel__kop' }, `In orde (${voldaan.length})`),
        h('ul', { class: 'toetsvak__lijst' }, voldaan.map((b) => h('li', { class: 'toets toets--voldaan' },
          b.bericht, h('span', { class: 'toets__bron' }, ` (${bronTekst(b)})`))))) : null);
  }

  function toonToetsing() {
    plaats();
    tekenStappen();
    tekenControles();
  }

  // --- saving ---
  function gewijzigd() {
    wijzigingen += 1;
    zetStatus('Er zijn wijzigingen die nog niet zijn opgeslagen; het concept wordt zo opgeslagen.');
    clearTimeout(timer);
    timer = setTimeout(() => { bewaar(); }, AUTOSAVE_MS);
  }

  function toonSaveFouten(focus) {
    vervang(foutHouder);
    if (!saveFouten.length) return;
    const kopId = uniqueId('samenvatting');
    const summary = h('div', { class: 'utrecht-alert utrecht-alert--error foutsamenvatting', tabindex: '-1', 'aria-labelledby': kopId },
      h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' },
        h('h2', { class: 'utrecht-heading-2 foutsamenvatting__kop', id: kopId }, 'Het concept is niet opgeslagen'),
        paragraph('Verbeter deze punten; daarna wordt het concept weer opgeslagen.'),
        h('ul', { class: 'utrecht-unordered-list foutsamenvatting__lijst' }, saveFouten.map((f) => {
          const tekst = `${f.melding}${f.bron ? ` ${f.bron}` : ''}`;
          return h('li', { class: 'utrecht-unordered-list__item' },
            f.veld ? veldLink(f.veld, tekst) : tekst);
        })))));
    vervang(foutHouder, summary);
    if (focus) summary.focus();
  }

  async function bewaar({ expliciet = false } = {}) {
    clearTimeout(timer);
    timer = null;
    while (bezig) await bezig.catch(() => {});
    if (!expliciet && wijzigingen === opgeslagen) return true;
    const n = wijzigingen;
    // The region is not part of the document; a save without it clears it, so it always goes along.
    const body = { regio: regio.trim() || null, document: doc };
    zetStatus('Bezig met opslaan…');
    bezig = api.put(basis, body);
    try {
      const res = await bezig;
      opgeslagen = n;
      aanvraag = { ...aanvraag, ...res.aanvraag };
      toetsing = res.toetsing;
      w.onAanvraag(res.aanvraag);
      saveFouten = [];
      toonSaveFouten(false);
      toonToetsing();
      zetStatus(`Concept opgeslagen om ${tijd(aanvraag.gewijzigd_op)}. ${samenvattingToetsing()}`);
      if (wijzigingen !== opgeslagen) gewijzigd();
      return true;
    } catch (err) {
      if (!(err instanceof ApiFout)) throw err;
      saveFouten = err.fouten.length
        ? err.fouten.map((f) => ({ veld: veldNaam(f.veld), melding: f.melding, bron: f.bron }))
        : [{ veld: '', melding: err.message }];
      plaats();
      toonSaveFouten(expliciet);
      zetStatus(`Het concept is niet opgeslagen: ${err.message}`);
      return false;
    } finally {
      bezig = null;
    }
  }

  ctx.signal.addEventListener('abort', () => {
    if (timer || wijzigingen !== opgeslagen || bezig) {
      lopendeOpslag = bewaar().catch(() => false).finally(() => { lopendeOpslag = null; });
    }
  });

  // --- binding fields to the document ---
  function bind({ pointer: p, leeg, ...rest }) {
    const v = veld({
      ...rest,
      pointer: p,
      leeg,
      waarde: lees(doc, p),
      alleenLezen: !bewerkbaar,
      onWijzig: (waarde) => {
        schrijf(doc, v.pointer, waarde);
        gewijzigd();
      },
    });
    velden.push(v);
    return v;
  }

  function reg(g) {
    velden.push(g);
    return g;
  }

  /** Repeating rows: a group per item with a remove button, and an add button. */
  function rijen({ p, lijst, enkelvoud, maakNieuw, rij, leegTekst, autosave = true }) {
    const items = lees(doc, p) || [];
    const groepen = items.map((item, i) => {
      const rp = `${p}/${i}`;
      const naam = `${enkelvoud} ${i + 1}`;
      const inhoud = rij(item, i, rp);
      const weg = bewerkbaar ? button(`${naam} verwijderen`, {
        kind: 'secondary',
        class: 'rij__weg',
        onClick: () => {
          lees(doc, p).splice(i, 1);
          gewijzigd();
          herteken({ focus: 'toevoegen', lijst });
          zetStatus(`${naam} is verwijderd. Het concept wordt zo opgeslagen.`);
        },
      }) : null;
      return reg(groep({ pointer: rp, label: naam, inhoud: [inhoud, weg], klasse: 'rij' }));
    });
    const toevoegen = bewerkbaar ? button(`${enkelvoud} toevoegen`, {
      kind: 'secondary',
      'data-toevoegen': lijst,
      onClick: () => {
        if (!Array.isArray(lees(doc, p))) schrijf(doc, p, []);
        lees(doc, p).push(maakNieuw());
        if (autosave) gewijzigd();
        herteken({ focus: 'nieuw', lijst });
        zetStatus(`${enkelvoud} ${lees(doc, p).length} is toegevoegd.`);
      },
    }) : null;
    return h('div', { class: 'rijen', 'data-lijst': lijst },
      groepen.length ? groepen.map((g) => g.element) : paragraph(leegTekst),
      toevoegen ? h('p', { class: 'utrecht-paragraph rijen__toevoegen' }, toevoegen) : null);
  }

  // --- the steps ---
  function stapAlgemeen() {
    const out = [
      paragraph('U vraagt aan op ', link(`/modelplannen/${encodeURIComponent(mp.id)}?versie=${mp.versie}`, `${mp.naam}, versie ${mp.versie}`),
        ` (catalogusversie ${ronde.catalogusversie}), in de ronde “${ronde.naam}”. De ronde sluit ${datumTijd(ronde.sluit_op)}; `,
        'wat dan niet is ingediend, telt niet mee.'),
      bind({ pointer: '/titel', label: 'Titel van de aanvraag', omschrijving: 'Een korte naam, bijvoorbeeld “Spraakgestuurd rapporteren in Twente”.' }).element,
    ];
    const regioVeld = veld({
      pointer: 'regio',
      label: 'Regio (niet verplicht)',
      omschrijving: 'Een naam voor de regio van de aanvraag; zorgverzekeraars kunnen erop zoeken. Hoort niet bij het ingediende document.',
      waarde: regio,
      alleenLezen: !bewerkbaar,
      onWijzig: (waarde) => {
        regio = waarde ?? '';
        gewijzigd();
      },
    });
    velden.push(regioVeld);
    out.push(regioVeld.element);
    const paden = gebied.zorgpaden || [];
    out.push(paragraph('Wilt u het document elders verder bewerken of bewaren? ',
      button('Document downloaden (JSON)', {
        kind: 'secondary',
        onClick: () => downloadTekst(`${JSON.stringify(doc, null, 2)}\n`, `aanvraag-${id}${bewerkbaar ? '-concept' : ''}.json`),
      }),
      ' U kunt het later weer gebruiken bij een nieuwe aanvraag.'));
    if (paden.length || (doc.zorgpaden || []).length) {
      const gekozen = new Set(doc.zorgpaden || []);
      const vinkjes = paden.map((z) => veld({
        pointer: `/zorgpaden#${z.id}`,
        label: z.naam,
        soort: 'vinkje',
        waarde: gekozen.has(z.id),
        alleenLezen: !bewerkbaar,
        onWijzig: (aan) => {
          const nu = new Set(doc.zorgpaden || []);
          if (aan) nu.add(z.id);
          else nu.delete(z.id);
          // The area's order first, then anything else the document had.
          const lijst = [...paden.map((x) => x.id).filter((x) => nu.has(x)), ...[...nu].filter((x) => !paden.some((y) => y.id === x))];
          schrijf(doc, '/zorgpaden', lijst);
          gewijzigd();
        },
      }));
      out.push(reg(groep({
        pointer: '/zorgpaden',
        label: 'Zorgpaden',
        omschrijving: 'Kies de zorgpaden van het toepassingsgebied waarvoor u aanvraagt.',
        inhoud: vinkjes.map((v) => v.element),
      })).element);
    }
    return out;
  }

  function stapSectie(s) {
    const out = [];
    if (s.normerend) out.push(paragraph('Dit onderdeel is zoveel mogelijk normerend: wijkt u af van het modelplan, licht dat dan toe bij de stap Afwijkingen.'));
    if (s.basiseisen?.length) out.push(paragraph(`Dit onderdeel hoort bij basiseis ${s.basiseisen.join(', ')}.`));
    for (const q of s.vragen.filter((x) => gebruikt.has(x.id))) {
      doc.antwoorden ||= [];
      let idx = doc.antwoorden.findIndex((a) => a.vraag_id === q.id);
      const p = () => (idx >= 0 ? `/antwoorden/${idx}` : `/antwoorden/-${q.id}`);
      const zorg = () => {
        if (idx < 0) {
          doc.antwoorden.push({ vraag_id: q.id, tekst: '' });
          idx = doc.antwoorden.length - 1;
          tekst.pointer = `${p()}/tekst`;
          if (regioctx) regioctx.pointer = `${p()}/regiocontext`;
        }
      };
      const notities = [
        q.tekst,
        q.basiseisen?.length ? ` (basiseis ${q.basiseisen.join(', ')})` : '',
        q.voorwaardelijk ? ' Alleen als dit op uw aanvraag van toepassing is.' : '',
      ].join('');
      const tekst = veld({
        pointer: `${p()}/tekst`,
        label: `Antwoord op vraag ${q.id}`,
        soort: 'tekstvak',
        rijen: 5,
        waarde: idx >= 0 ? doc.antwoorden[idx].tekst : '',
        leeg: '',
        alleenLezen: !bewerkbaar,
        onWijzig: (waarde) => { zorg(); schrijf(doc, tekst.pointer, waarde); gewijzigd(); },
      });
      velden.push(tekst);
      let regioctx = null;
      if (q.regiocontext) {
        regioctx = veld({
          pointer: `${p()}/regiocontext`,
          label: `Regionale context bij vraag ${q.id}`,
          omschrijving: 'De situatie in uw (boven)regio bij deze vraag.',
          soort: 'tekstvak',
          rijen: 3,
          waarde: idx >= 0 ? doc.antwoorden[idx].regiocontext : '',
          alleenLezen: !bewerkbaar,
          onWijzig: (waarde) => { zorg(); schrijf(doc, regioctx.pointer, waarde); gewijzigd(); },
        });
        velden.push(regioctx);
      }
      const model = modeltekst[q.id];
      out.push(h('div', { class: 'vraag' },
        heading(3, `${q.id} ${q.label}`),
        paragraph(notities),
        model ? h('details', { class: 'modeltekst-vak' },
          h('summary', {}, `Modeltekst van het modelplan bij vraag ${q.id}`),
          paragraph(model),
          bewerkbaar ? button('Modeltekst overnemen in uw antwoord', {
            kind: 'secondary',
            onClick: () => {
              const nu = tekst.input.value.trim();
              tekst.input.value = nu ? `${nu}\n\n${model}` : model;
              tekst.input.dispatchEvent(new Event('input'));
              tekst.input.focus();
            },
          }) : null) : null,
        tekst.element,
        regioctx ? regioctx.element : null));
    }
    return out;
  }

  function orgOmschrijving() {
    return eigenOrg
      ? `Het nummer van de organisatie in het organisatieregister. Uw organisatie, ${eigenOrg.naam}, heeft nummer ${eigenOrg.id}.`
      : 'Het nummer van de organisatie in het organisatieregister.';
  }

  function stapCoalitie() {
    const sectorOpties = [{ waarde: undefined, tekst: 'Geen (een gemeente)' }, ...sectoren.map((s) => ({ waarde: s.id, tekst: s.naam }))];
    const penOpties = [{ waarde: undefined, tekst: 'Nog niet gekozen' }];
    if (eigenOrg) penOpties.push({ waarde: eigenOrg.id, tekst: `${eigenOrg.naam} (nummer ${eigenOrg.id})` });
    const out = [
      paragraph('Een aanvraag is gezamenlijk: de zorgaanbieders van de coalitie (en eventueel gemeenten, zonder bedrag), met één zorgaanbieder als penvoerder. ',
        'Twee zorgverzekeraars beoordelen haar.'),
      bind({ pointer: '/coalitie/penvoerder', label: 'Penvoerder', soort: 'keuze', opties: penOpties,
        omschrijving: 'De penvoerder is de organisatie die de aanvraag maakt en indient.' }).element,
    ];
    out.push(reg(groep({
      pointer: '/coalitie/deelnemers',
      label: 'Deelnemers',
      kop: 'h3',
      omschrijving: 'Elke deelnemer met het bedrag dat voor haar is bestemd (vraag 5.9). Neem ook de penvoerder op.',
      inhoud: rijen({
        p: '/coalitie/deelnemers',
        lijst: 'deelnemers',
        enkelvoud: 'Deelnemer',
        leegTekst: 'Er zijn nog geen deelnemers.',
        autosave: false,
        maakNieuw: () => ({ soort: 'zorgaanbieder', bedrag_cent: 0 }),
        rij: (item, i, rp) => h('div', { class: 'rij__velden' },
          bind({ pointer: `${rp}/organisatie`, label: 'Organisatienummer', soort: 'getal', omschrijving: orgOmschrijving() }).element,
          bind({ pointer: `${rp}/soort`, label: 'Soort', soort: 'keuze', opties: SOORT }).element,
          bind({ pointer: `${rp}/sector`, label: 'Sector', soort: 'keuze', opties: sectorOpties }).element,
          bind({ pointer: `${rp}/bedrag_cent`, label: 'Bedrag voor deze deelnemer', soort: 'bedrag', omschrijving: 'In euro’s, bijvoorbeeld 1.250.000 of 1.234,56.' }).element),
      }),
    })).element);
    out.push(reg(groep({
      pointer: '/coalitie#verzekeraars',
      label: 'Zorgverzekeraars',
      kop: 'h3',
      klasse: 'groep--verzekeraars',
      inhoud: [
        bind({ pointer: '/coalitie/coordinerend_verzekeraar', label: 'Coördinerende zorgverzekeraar (organisatienummer)', soort: 'getal' }).element,
        bind({ pointer: '/coalitie/tweede_verzekeraar', label: 'Tweede zorgverzekeraar (organisatienummer)', soort: 'getal' }).element,
      ],
    })).element);
    return out;
  }

  function stapBegroting() {
    const kaders = normen.bedragkaders || {};
    const eenheden = kaders.per_eenheid || [];
    const deelnemers = doc.coalitie?.deelnemers || [];
    const aanbieders = deelnemers.filter((d) => d.soort !== 'gemeente' && Number.isSafeInteger(d.organisatie))
      .map((d) => ({ waarde: d.organisatie, tekst: d.organisatie === eigenOrg?.id ? `${eigenOrg.naam} (nummer ${d.organisatie})` : `Organisatie ${d.organisatie}` }));
    const jaren = (normen.begrotingsjaren || []).map((j) => j.jaar);
    const totalen = h('div', { class: 'totalen' });
    naTekenen.push(() => {
      const t = toetsing.totalen || {};
      vervang(totalen, dataList([
        ['Gevraagd volgens de begrotingsregels (eenmalig)', t.gevraagd_cent === undefined ? '–' : euro(t.gevraagd_cent)],
        ['Structurele kosten in de begroting (niet gevraagd)', t.niet_financierbaar_cent === undefined ? '–' : euro(t.niet_financierbaar_cent)],
        ['Scholing en veranderkundige ondersteuning', t.veranderkundig_cent === undefined ? '–' : euro(t.veranderkundig_cent)],
      ]));
    });
    const out = [
      paragraph('Eén regel per zorgaanbieder, jaar, kostensoort, aard en doel. Alleen eenmalige kosten worden gevraagd; structurele kosten geeft u op, maar vraagt u niet. ',
        `De jaren van het modelplan: ${jaren.join(', ')}.`),
      h('div', { role: 'group', 'aria-label': 'Totalen volgens de laatste controle' },
        heading(3, 'Totalen volgens de laatste controle'), totalen),
    ];
    out.push(reg(groep({
      pointer: '/begroting',
      label: 'Begrotingsregels',
      kop: 'h3',
      inhoud: rijen({
        p: '/begroting',
        lijst: 'begroting',
        enkelvoud: 'Begrotingsregel',
        leegTekst: 'Er zijn nog geen begrotingsregels.',
        maakNieuw: () => ({
          zorgaanbieder: aanbieders[0]?.waarde ?? eigenOrg?.id ?? doc.coalitie?.penvoerder,
          jaar: jaren[0] ?? 2027,
          kostensoort: 'personeel',
          aard: 'eenmalig',
          doel: 'implementatie',
          bedrag_cent: 0,
        }),
        rij: (item, i, rp) => h('div', { class: 'rij__velden' },
          aanbieders.length
            ? bind({ pointer: `${rp}/zorgaanbieder`, label: 'Zorgaanbieder', soort: 'keuze', opties: aanbieders }).element
            : bind({ pointer: `${rp}/zorgaanbieder`, label: 'Zorgaanbieder (organisatienummer)', soort: 'getal' }).element,
          bind({ pointer: `${rp}/jaar`, label: 'Jaar', soort: 'getal' }).element,
          bind({ pointer: `${rp}/kostensoort`, label: 'Kostensoort', soort: 'keuze', opties: KOSTENSOORT }).element,
          bind({ pointer: `${rp}/aard`, label: 'Aard', soort: 'keuze', opties: AARD }).element,
          bind({ pointer: `${rp}/doel`, label: 'Doel', soort: 'keuze', opties: DOEL }).element,
          bind({ pointer: `${rp}/bedrag_cent`, label: 'Bedrag', soort: 'bedrag', omschrijving: 'In euro’s.' }).element,
          bind({ pointer: `${rp}/omschrijving`, label: 'Omschrijving (niet verplicht)' }).element,
          eenheden.length > 1 || item.eenheid_id !== undefined
            ? bind({
              pointer: `${rp}/eenheid_id`,
              label: 'Eenheid (niet verplicht)',
              soort: 'keuze',
              opties: [{ waarde: undefined, tekst: 'Geen' }, ...eenheden.map((e) => ({ waarde: e.id, tekst: e.eenheid }))],
            }).element : null),
      }),
    })).element);

    // Units: one number per unit of the modelplan's frame (and any other the document names).
    const genoemd = (doc.eenheden || []).map((e) => e.id);
    const ids = [...eenheden.map((e) => e.id), ...genoemd.filter((x) => !eenheden.some((e) => e.id === x))];
    const eenheidVelden = ids.map((eid) => {
      const def = eenheden.find((e) => e.id === eid);
      let idx = (doc.eenheden || []).findIndex((e) => e.id === eid);
      const v = veld({
        pointer: idx >= 0 ? `/eenheden/${idx}/aantal` : `/eenheden/-${eid}/aantal`,
        label: `Aantal: ${def ? def.eenheid : eid}`,
        soort: 'getal',
        omschrijving: def ? `Het bedragkader is ${euro(def.max_bedrag_cent)} per ${def.eenheid}.` : 'Deze eenheid staat niet in het modelplan.',
        waarde: idx >= 0 ? doc.eenheden[idx].aantal : undefined,
        alleenLezen: !bewerkbaar,
        onWijzig: (waarde) => {
          if (idx < 0) {
            if (!Array.isArray(doc.eenheden)) doc.eenheden = [];
            doc.eenheden.push({ id: eid });
            idx = doc.eenheden.length - 1;
            v.pointer = `/eenheden/${idx}/aantal`;
          }
          schrijf(doc, v.pointer, waarde);
          gewijzigd();
        },
      });
      velden.push(v);
      return v.element;
    });
    if (eenheidVelden.length) {
      out.push(reg(groep({ pointer: '/eenheden', label: 'Eenheden', kop: 'h3', inhoud: eenheidVelden })).element);
    }
    out.push(bind({
      pointer: '/totaal_bedrag_cent',
      label: 'Totaal gevraagd bedrag',
      soort: 'bedrag',
      omschrijving: 'In euro’s, bijvoorbeeld 5.000.000 of 1.234,56: de voorgestelde bovengrens voor de hele periode.',
    }).element);
    return out;
  }

  function stapImpact() {
    return [
      reg(groep({
        pointer: '/impact',
        label: 'Impact op de arbeidsmarkt',
        kop: 'h3',
        omschrijving: normen.min_fte_per_miljoen_milli === undefined ? null
          : `De norm van het modelplan: ${milli(normen.min_fte_per_miljoen_milli)} fte arbeidsbesparing per € 1 mln eenmalige investering.`,
        inhoud: [
          bind({ pointer: '/impact/fte_besparing_milli', label: 'Fte-besparing bij volledige opschaling', soort: 'fte', omschrijving: 'In fte, bijvoorbeeld 190 of 12,5.' }).element,
          bind({ pointer: '/impact/meetmethode', label: 'Meetmethode', soort: 'tekstvak', omschrijving: 'Hoe meet u de fte-besparing en de vermindering van de werkdruk?' }).element,
        ],
      })).element,
      reg(groep({
        pointer: '/structureel',
        label: 'Structurele kosten en besparing na afloop (basiseis 9)',
        kop: 'h3',
        inhoud: [
          bind({ pointer: '/structureel/kosten_per_jaar_cent', label: 'Structurele kosten per jaar', soort: 'bedrag', omschrijving: 'In euro’s; 0 als er geen structurele kosten zijn.' }).element,
          bind({ pointer: '/structureel/besparing_per_jaar_cent', label: 'Onderbouwde besparing per jaar', soort: 'bedrag', omschrijving: 'In euro’s.' }).element,
          bind({ pointer: '/structureel/toelichting', label: 'Toelichting (niet verplicht)', soort: 'tekstvak', rijen: 3 }).element,
        ],
      })).element,
      reg(groep({
        pointer: '/eenmalige_impuls',
        label: 'Eenmalige impuls (basiseis 8)',
        kop: 'h3',
        inhoud: [
          bind({ pointer: '/eenmalige_impuls/toelichting', label: 'Waarom is een eenmalige impuls nodig?', soort: 'tekstvak', rijen: 3 }).element,
          bind({ pointer: '/eenmalige_impuls/borging', label: 'Hoe borgt u de toepassing na afloop?', soort: 'tekstvak', rijen: 3 }).element,
        ],
      })).element,
    ];
  }

  function stapMijlpalen() {
    const sjablonen = normen.mijlpalen || [];
    const opties = sjablonen.map((m) => ({ waarde: m.id, tekst: `${m.id}: ${m.naam}` }));
    const out = [
      paragraph('De zorgverzekeraar betaalt per bereikte mijlpaal. Neem de mijlpalen van het modelplan op, met uw streefdatum en het bedrag dat bij de mijlpaal hoort.'),
      table({
        caption: 'Mijlpalen van het modelplan',
        columns: [
          { kop: 'Mijlpaal', waarde: (m) => `${m.id}: ${m.naam}` },
          { kop: 'Uiterlijk op', waarde: (m) => datum(m.uiterlijk_op) },
          { kop: 'Deel van het bedrag', getal: true, waarde: (m) => procent(m.aandeel_bp) },
        ],
        rows: sjablonen,
      }),
    ];
    out.push(reg(groep({
      pointer: '/mijlpalen',
      label: 'Uw mijlpalen',
      kop: 'h3',
      inhoud: rijen({
        p: '/mijlpalen',
        lijst: 'mijlpalen',
        enkelvoud: 'Mijlpaal',
        leegTekst: 'Er zijn nog geen mijlpalen.',
        maakNieuw: () => {
          const al = new Set((doc.mijlpalen || []).map((m) => m.id));
          const volgende = sjablonen.find((m) => !al.has(m.id)) || sjablonen[0] || { id: 'm1', uiterlijk_op: '2027-06-30' };
          return { id: volgende.id, streefdatum: volgende.uiterlijk_op, bedrag_cent: 0 };
        },
        rij: (item, i, rp) => h('div', { class: 'rij__velden' },
          bind({ pointer: `${rp}/id`, label: 'Mijlpaal van het modelplan', soort: 'keuze', opties }).element,
          bind({ pointer: `${rp}/streefdatum`, label: 'Streefdatum', soort: 'datum' }).element,
          bind({ pointer: `${rp}/bedrag_cent`, label: 'Bedrag bij deze mijlpaal', soort: 'bedrag', omschrijving: 'In euro’s.' }).element),
      }),
    })).element);
    return out;
  }

  function stapAfwijkingen() {
    const lijstVak = h('div', { class: 'afwijkingenlijst' });
    naTekenen.push(() => {
      const afw = toetsing.afwijkingen || [];
      vervang(lijstVak, afw.length
        ? h('ul', { class: 'utrecht-unordered-list' }, afw.map((a) => {
          const heeft = (doc.afwijkingen || []).findIndex((x) => x.element === a.element);
          return h('li', { class: 'utrecht-unordered-list__item afwijking' },
            veldLink(a.veld || '', a.element), `: norm ${a.norm}; in uw aanvraag ${a.waarde}. `,
            h('strong', {}, a.toegelicht ? 'Toegelicht.' : 'Nog niet toegelicht.'), ' ',
            bewerkbaar && heeft < 0 ? button(`Toelichting schrijven bij ${a.element}`, {
              kind: 'secondary',
              onClick: () => {
                if (!Array.isArray(doc.afwijkingen)) doc.afwijkingen = [];
                doc.afwijkingen.push({ element: a.element, toelichting: '' });
                herteken({ focusPointer: `/afwijkingen/${doc.afwijkingen.length - 1}/toelichting` });
                zetStatus(`Toelichting bij ${a.element} toegevoegd; schrijf haar in het veld.`);
              },
            }) : null);
        }))
        : paragraph('De controles vinden nu geen afwijkingen van de normen van het modelplan.'));
    });
    return [
      paragraph('Wijkt uw aanvraag af van een norm van het modelplan, dan mag dat, maar u licht het toe (pas toe of leg uit). ',
        'Een afwijking of een regionale aanpassing betekent de verdiepte beoordeling.'),
      heading(3, 'Afwijkingen volgens de laatste controle'),
      lijstVak,
      reg(groep({
        pointer: '/afwijkingen',
        label: 'Uw toelichtingen op afwijkingen',
        kop: 'h3',
        inhoud: rijen({
          p: '/afwijkingen',
          lijst: 'afwijkingen',
          enkelvoud: 'Toelichting',
          leegTekst: 'Er zijn nog geen toelichtingen.',
          autosave: false,
          maakNieuw: () => ({ element: '', toelichting: '' }),
          rij: (item, i, rp) => h('div', { class: 'rij__velden rij__velden--breed' },
            bind({ pointer: `${rp}/element`, label: 'Onderdeel van het modelplan', leeg: '', omschrijving: 'De sleutel van de norm, bijvoorbeeld normen.mijlpalen[m4].uiterlijk_op (zie de lijst hierboven).' }).element,
            bind({ pointer: `${rp}/toelichting`, label: 'Toelichting', soort: 'tekstvak', leeg: '', rijen: 3 }).element),
        }),
      })).element,
      reg(groep({
        pointer: '/regionale_aanpassingen',
        label: 'Regionale aanpassingen van het modelplan',
        kop: 'h3',
        inhoud: rijen({
          p: '/regionale_aanpassingen',
          lijst: 'regionale_aanpassingen',
          enkelvoud: 'Regionale aanpassing',
          leegTekst: 'Er zijn geen regionale aanpassingen.',
          autosave: false,
          maakNieuw: () => ({ onderwerp: '', toelichting: '' }),
          rij: (item, i, rp) => h('div', { class: 'rij__velden rij__velden--breed' },
            bind({ pointer: `${rp}/onderwerp`, label: 'Onderwerp', leeg: '' }).element,
            bind({ pointer: `${rp}/toelichting`, label: 'Toelichting', soort: 'tekstvak', leeg: '', rijen: 3 }).element),
        }),
      })).element,
    ];
  }

  function stapVerklaringen() {
    return [
      paragraph('Zonder deze drie verklaringen kunt u niet indienen.'),
      reg(groep({
        pointer: '/verklaringen',
        label: 'Verklaringen van de coalitie',
        inhoud: VERKLARINGEN.map(([k, tekst]) => bind({ pointer: `/verklaringen/${k}`, label: tekst, soort: 'vinkje' }).element),
      })).element,
    ];
  }

  function stapIndienen() {
    const vak = h('div', { class: 'indienvak' });
    const fouten = h('div', { class: 'foutsamenvatting-houder' });
    const status = h('p', { class: 'utrecht-paragraph', role: 'status' });
    let knop = null;
    async function dienIn() {
      knop.disabled = true;
      vervang(fouten);
      status.textContent = 'Bezig met opslaan en indienen…';
      if (!(await bewaar())) {
        status.textContent = 'Het concept kon niet worden opgeslagen; er is niets ingediend.';
        knop.disabled = false;
        return;
      }
      try {
        const body = aanvraag.concept_sha256 ? { concept_sha256: aanvraag.concept_sha256 } : {};
        const res = await api.post(`${basis}/indiening`, body);
        netOntvangen = res.ontvangstbewijs;
        status.textContent = 'De aanvraag is ingediend.';
        ctx.navigate(basis);
      } catch (err) {
        if (!(err instanceof ApiFout)) throw err;
        knop.disabled = false;
        status.textContent = '';
        const kopId = uniqueId('samenvatting');
        const summary = h('div', { class: 'utrecht-alert utrecht-alert--error foutsamenvatting', tabindex: '-1', 'aria-labelledby': kopId },
          h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' },
            h('h3', { class: 'utrecht-heading-3 foutsamenvatting__kop', id: kopId }, 'De aanvraag is niet ingediend'),
            paragraph(err.message),
            err.fouten.length ? h('ul', { class: 'utrecht-unordered-list foutsamenvatting__lijst' }, err.fouten.map((f) => h('li', { class: 'utrecht-unordered-list__item' },
              f.veld ? veldLink(veldNaam(`/document${f.veld}`) || f.veld, f.melding) : f.melding,
              f.code || f.bron ? h('span', { class: 'toets__bron' }, ` (${[f.code, f.bron].filter(Boolean).join(' · ')})`) : null))) : null)));
        vervang(fouten, summary);
        summary.focus();
        // The checks may have changed since the last look.
        try {
          toetsing = (await api.get(`${basis}/toetsing`)).toetsing;
          toonToetsing();
        } catch { /* the summary says enough */ }
      }
    }
    const gesloten = !herhaling && ronde.fase !== 'open';
    naTekenen.push(() => {
      const blok = blokkerend();
      knop = toetsing.indienbaar && !gesloten ? button(herhaling ? 'Antwoord indienen' : 'Aanvraag definitief indienen', { onClick: dienIn }) : null;
      vervang(vak,
        dataList([
          ['Indieningsronde', `${ronde.naam}; sluit ${datumTijd(ronde.sluit_op)}`],
          ['Modelplan', `${mp.naam}, versie ${mp.versie}`],
          ['Concept', `opgeslagen ${datumTijd(aanvraag.gewijzigd_op)} (keer ${aanvraag.concept_revisie ?? '?'} opgeslagen)`],
          ['SHA-256 van het concept', h('code', { class: 'utrecht-code hash' }, aanvraag.concept_sha256 || '–')],
          ['Route van de beoordeling', ROUTE[toetsing.route] || toetsing.route],
        ]),
        gesloten ? alert('warning', paragraph(`De ronde ${ronde.fase === 'gepland' ? 'is nog niet open' : 'is gesloten'}: u kunt dit concept nu niet indienen.`)) : null,
        toetsing.indienbaar
          ? alert('ok', paragraph('Geen controle blokkeert het indienen. Punten over de basiseisen (zie Controles) beoordelen de zorgverzekeraars.'), { heading: 'U kunt indienen' })
          : alert('warning', [
            paragraph(`${samenvattingToetsing()} Los deze eerst op:`),
            h('ul', { class: 'utrecht-unordered-list' }, blok.map((b) => h('li', { class: 'utrecht-unordered-list__item' }, veldLink(b.veld || '', b.bericht)))),
          ], { heading: 'U kunt nog niet indienen' }),
        knop ? h('p', { class: 'utrecht-paragraph' }, knop) : null);
    });
    return [
      paragraph(herhaling
        ? 'U dient uw antwoord in als een nieuwe versie van de aanvraag. De eerdere versie blijft zoals zij was; beide zorgverzekeraars beoordelen de nieuwe versie.'
        : 'Bij indienen legt de server de inhoud van het concept vast zoals die nu is opgeslagen: daarna kunt u niets meer wijzigen. '
          + 'U krijgt een ontvangstbewijs met het moment van indienen en de SHA-256 van het vastgelegde document. U dient één keer in; vroeg indienen geeft geen voorrang.'),
      vak, fouten, status,
    ];
  }

  // --- drawing a step ---
  function stapIndex() {
    return stappen.findIndex((s) => s.slug === huidig);
  }

  function herteken({ focus = null, lijst = null, focusPointer = null } = {}) {
    velden = [];
    naTekenen = [];
    const i = stapIndex();
    const stap = stappen[i];
    const kopId = uniqueId('stapkop');
    const kop = heading(2, stap.naam, { id: kopId, tabindex: '-1' });
    const inhoud = stap.bouw();
    vervang(stapHouder, h('section', { 'aria-labelledby': kopId },
      h('p', { class: 'utrecht-paragraph stap__nummer' }, `Stap ${i + 1} van ${stappen.length}`),
      kop, stapBevindingen, inhoud));
    const vorige = stappen[i - 1];
    const volgende = stappen[i + 1];
    const naar = (s, tekst) => h('a', {
      class: 'utrecht-link utrecht-link--html-a stapknop',
      href: `${basis}?stap=${s.slug}`,
      onClick: (event) => { event.preventDefault(); gaNaar(s.slug); },
    }, tekst);
    vervang(knoppen,
      vorige ? naar(vorige, `Vorige stap: ${vorige.naam}`) : null,
      bewerkbaar ? button('Concept opslaan', { kind: 'secondary', onClick: () => bewaar({ expliciet: true }) }) : null,
      volgende ? naar(volgende, `Volgende stap: ${volgende.naam}`) : null);
    toonToetsing();
    if (focusPointer) {
      const v = veldVoor(velden, focusPointer);
      (v?.input || kop).focus();
    } else if (focus === 'toevoegen') {
      (stapHouder.querySelector(`[data-toevoegen="${lijst}"]`) || kop).focus();
    } else if (focus === 'nieuw') {
      const rijenVak = stapHouder.querySelector(`[data-lijst="${lijst}"]`);
      const laatste = rijenVak ? [...rijenVak.children].filter((c) => c.matches('fieldset.rij')).pop() : null;
      (laatste?.querySelector('input, select, textarea') || kop).focus();
    } else if (focus === 'kop') {
      kop.focus();
    }
  }

  function gaNaar(slug, focusPointer = null) {
    if (timer || wijzigingen !== opgeslagen) bewaar();
    huidig = slug;
    ctx.zetUrl(`${basis}?stap=${slug}`);
    herteken({ focus: focusPointer ? null : 'kop', focusPointer });
    if (focusPointer) {
      const v = veldVoor(velden, focusPointer);
      v?.input?.scrollIntoView?.({ block: 'center' });
    } else {
      element.scrollIntoView?.({ block: 'start' });
    }
  }

  herteken();
  if (bewerkbaar) {
    zetStatus(`Laatst opgeslagen ${datumTijd(aanvraag.gewijzigd_op)}. ${samenvattingToetsing()}`);
    if (toegevoegd) bewaar({ expliciet: true });
  }
  return { element, veldLink };
}

