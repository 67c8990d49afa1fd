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
  bevindingItem, bevindingSoort, bronTekst, delen, groep, lees, onder, ROUTE, schrijf, statusBadge, veld, veldOmschrijving, veldVoor,
} from '../aanvraagformulier.js';
import * as catalogus from '../catalogus.js';
import { alert, button, dataList, h, heading, link, paragraph, replaceChildren as vervang, table, uniqueId } from '../dom.js';
import { datum, datumTijd, euro, milli, procent } from '../opmaak.js';
import { downloadTekst, statusSecties } from './aanvraag-status.js';
import { stapAlgemeen } from './aanvraag-stap-algemeen.js';
import { stapSectie } from './aanvraag-stap-sectie.js';
import { stapCoalitie } from './aanvraag-stap-coalitie.js';
import { stapBegroting } from './aanvraag-stap-begroting.js';
import { stapImpact } from './aanvraag-stap-impact.js';
import { stapMijlpalen } from './aanvraag-stap-mijlpalen.js';
import { stapAfwijkingen } from './aanvraag-stap-afwijkingen.js';
import { stapVerklaringen } from './aanvraag-stap-verklaringen.js';
import { stapIndienen } from './aanvraag-stap-indienen.js';

const AUTOSAVE_MS = 1200;


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
  // the register: both insurers by name, and the names of the organisations the document names
  const verzekeraars = (await api.get('/organisaties', { query: { soort: 'zorgverzekeraar', limiet: 1000 }, signal: ctx.signal }))
    .organisaties;
  const organisaties = new Map(verzekeraars.map((o) => [o.id, o]));
  const genoemd = [...new Set((aanvraag.document?.coalitie?.deelnemers || []).map((d) => d.organisatie)
    .filter((x) => Number.isInteger(x) && x > 0 && !organisaties.has(x)))].slice(0, 50);
  for (const o of await Promise.all(genoemd.map((x) => api.get(`/organisaties/${x}`, { signal: ctx.signal }).catch(() => null)))) {
    if (o) organisaties.set(o.id, o);
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
    ['Penvoerder', aanvraag.penvoerder_id === ctx.sessie?.organisatie?.id ? `${ctx.sessie.organisatie.naam} (uw organisatie)`
      : (aanvraag.penvoerder_naam || `Organisatie ${aanvraag.penvoerder_id}`)],
  ]);

  const nodes = [h1, kopregel];
  const ontvangen = netOntvangen && String(netOntvangen.aanvraag_id) === id ? netOntvangen : null;
  netOntvangen = null;

  const wizard = maakWizard({
    ctx, id, basis, aanvraag, doc, toetsing: toetsingAntwoord.toetsing, ronde, catDoc, mp, bewerkbaar, herhaling, verzoeken,
    verzekeraars, organisaties,
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
  const { ctx, id, basis, doc, ronde, catDoc, mp, bewerkbaar, herhaling, verzoeken, verzekeraars, organisaties } = w;
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

  // What the steps (aanvraag-stap-*.js) share: read through getters, so a
  // step's handlers always see the current value.
  const wz = {
    get aanvraag() { return aanvraag; },
    get basis() { return basis; },
    get bewaar() { return bewaar; },
    get bewerkbaar() { return bewerkbaar; },
    get bind() { return bind; },
    get blokkerend() { return blokkerend; },
    get controles() { return controles; },
    get ctx() { return ctx; },
    get doc() { return doc; },
    get eigenOrg() { return eigenOrg; },
    get element() { return element; },
    get gebied() { return gebied; },
    get gebruikt() { return gebruikt; },
    get gewijzigd() { return gewijzigd; },
    get herhaling() { return herhaling; },
    get herteken() { return herteken; },
    get id() { return id; },
    get modeltekst() { return modeltekst; },
    get mp() { return mp; },
    get organisaties() { return organisaties; },
    get verzekeraars() { return verzekeraars; },
    get naTekenen() { return naTekenen; },
    get netOntvangen() { return netOntvangen; },
    set netOntvangen(v) { netOntvangen = v; },
    get normen() { return normen; },
    get opgeslagen() { return opgeslagen; },
    get reg() { return reg; },
    get regio() { return regio; },
    set regio(v) { regio = v; },
    get rijen() { return rijen; },
    get ronde() { return ronde; },
    get sectoren() { return sectoren; },
    get samenvattingToetsing() { return samenvattingToetsing; },
    get toegevoegd() { return toegevoegd; },
    get toetsing() { return toetsing; },
    set toetsing(v) { toetsing = v; },
    get toonToetsing() { return toonToetsing; },
    get veldLink() { return veldLink; },
    get veldNaam() { return veldNaam; },
    get velden() { return velden; },
    get zetStatus() { return zetStatus; },
  };

  const stappen = [
    { slug: 'algemeen', naam: 'Algemeen', bouw: () => stapAlgemeen(wz) },
    ...structuur.secties.filter((s) => s.vragen.some((q) => gebruikt.has(q.id))).map((s) => ({
      slug: `sectie-${s.id}`, naam: `Onderdeel ${s.volgnummer}: ${s.naam}`, bouw: () => stapSectie(wz, s),
    })),
    { slug: 'coalitie', naam: 'Coalitie en zorgverzekeraars', bouw: () => stapCoalitie(wz) },
    { slug: 'begroting', naam: 'Begroting, eenheden en totaal', bouw: () => stapBegroting(wz) },
    { slug: 'impact', naam: 'Impact, structurele kosten en eenmalige impuls', bouw: () => stapImpact(wz) },
    { slug: 'mijlpalen', naam: 'Mijlpalen', bouw: () => stapMijlpalen(wz) },
    { slug: 'afwijkingen', naam: 'Afwijkingen en regionale aanpassingen', bouw: () => stapAfwijkingen(wz) },
    { slug: 'verklaringen', naam: 'Verklaringen', bouw: () => stapVerklaringen(wz) },
  ];
  if (bewerkbaar) stappen.push({ slug: 'indienen', naam: herhaling ? 'Antwoord indienen' : 'Controleren en indienen', bouw: () => stapIndienen(wz) });
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
    if (tekst === p) tekst = veldOmschrijving(doc, p);
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
    const perStapGegroepeerd = (lijst) => {
      const groep = new Map(stappen.map((st) => [st.slug, []]));
      const overig = [];
      for (const b of lijst) {
        const slug = stapVan(b.veld || '', doc);
        (groep.get(slug) || overig).push(b);
      }
      const blok = (naam, items, open) => h('details', { class: 'onderdeel', open },
        h('summary', { class: 'onderdeel__kop' }, `${naam} (${items.length})`),
        h('ul', { class: 'toetsvak__lijst' }, items.map(itemMetLink)));
      return [
        ...stappen.filter((st) => groep.get(st.slug).length)
          .map((st) => blok(st.naam, groep.get(st.slug), st.slug === huidig)),
        overig.length ? blok('Overige punten', overig, false) : null,
      ];
    };
    vervang(controles,
      heading(2, bewerkbaar ? 'Controles van uw concept' : 'Controles', { id: 'kop-controles' }),
      paragraph(h('strong', {}, toetsing.indienbaar ? 'Indienen kan. ' : 'Indienen kan nog niet. '), samenvattingToetsing(),
        ` Route: ${ROUTE[toetsing.route] || toetsing.route}.`),
      paragraph('Blokkerende punten moet u oplossen voor u kunt indienen. Punten over de basiseisen blokkeren niet: die beoordelen de twee zorgverzekeraars.'),
      groepen.filter(([, lijst]) => lijst.length).map(([kop, lijst], i) => [
        heading(3, `${kop} (${lijst.length})`),
        // the blocking points per step, the current step open: a new draft has many, and they
        // should not drown the applicant (issue 18); codes and sources stay beside each point
        i === 0 && lijst.length > 5 ? perStapGegroepeerd(lijst) : h('ul', { class: 'toetsvak__lijst' }, lijst.map(itemMetLink)),
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

