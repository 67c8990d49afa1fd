// SPDX-License-Identifier: EUPL-1.2
//
// Macro-overzicht (public route; the API decides what each caller sees,
// docs/bestuur.md §2): the requests of a closed round per theme against its
// budget, per year against the tranche (also cumulatively), per region,
// area and sector, over- or under-subscription in words, and the fte
// against the AZWA ambition. Every chart has its table. The board, the
// programme office, the auditor and the insurers may filter (applied on
// the button, in the address) and page through the applications.
// GET /indieningsrondes, GET /macrooverzicht.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import * as catalogus from '../catalogus.js';
import { alert, button, dataList, h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { formulier } from '../formulier.js';
import { staafdiagram } from '../grafiek.js';
import { euro, euroAlsGetal, euroMiljoen, getal, opsomming, procent, toBigInt } from '../opmaak.js';
import {
  AANVRAAGSTATUS, fte, ftePerMiljoen, geslotenRondes, gekozenRonde, rondekeuze, standnaam, veld,
} from './bestuur-gemeen.js';

/** Roles that may filter and see the applications (docs/bestuur.md §2). */
const FILTERROLLEN = ['bestuur', 'beoordelaar', 'programmabureau', 'auditor'];
const FILTERS = ['thema', 'toepassingsgebied', 'sector', 'regio', 'jaar'];
const PAGINA = 50; // applications per page; ?limiet= in the address sets another

const schaal = (v) => euroMiljoen(toBigInt(Math.round(v)) * 100n);

/**
 * A line's stand in words: onderwerp "Het totaal is" + "onder het budget (onderschrijding, bezetting 7%): ..."
 * (over- of onderschrijding [001 "Vervolgproces"], the API's codes).
 * inclLopend: with the applications still being assessed.
 */
function standZin(onderwerp, r, { inclLopend = false } = {}) {
  const stand = inclLopend ? r.stand_incl_lopend : r.stand;
  const saldo = toBigInt(inclLopend ? r.saldo_incl_lopend_cent : r.saldo_positief_cent);
  const wie = inclLopend ? 'de positief beoordeelde en de nog lopende aanvragen vragen samen' : 'de positief beoordeelde aanvragen vragen';
  const bezetting = r.bezetting_bp === null || r.bezetting_bp === undefined || inclLopend ? '' : `, bezetting ${procent(r.bezetting_bp)}`;
  if (stand === 'overschrijding') return `${onderwerp} boven het budget (overschrijding${bezetting}): ${wie} ${euro(-saldo)} meer dan er beschikbaar is.`;
  if (stand === 'onderschrijding') return `${onderwerp} onder het budget (onderschrijding${bezetting}): ${wie} ${euro(saldo)} minder dan er beschikbaar is.`;
  if (stand === 'precies') return `${onderwerp} precies gevuld: ${wie} evenveel als er beschikbaar is.`;
  return '';
}

function aantallenTabel(aantallen) {
  const rijen = Object.entries(aantallen).map(([status, n]) => ({ status, n }));
  return table({
    caption: 'Aanvragen van de ronde per status (zonder filter)',
    columns: [
      { kop: 'Status', waarde: (r) => AANVRAAGSTATUS[r.status] || r.status },
      { kop: 'Aantal', getal: true, waarde: (r) => getal(r.n) },
    ],
    rows: rijen,
    footer: ['Totaal', getal(rijen.reduce((s, r) => s + BigInt(r.n), 0n))],
  });
}

function standSectie(m) {
  const t = m.totaal;
  const lopend = Number(t.aantal_lopend) > 0;
  return h('section', { 'aria-labelledby': 'kop-stand' },
    heading(2, 'Stand van de ronde', { id: 'kop-stand' }),
    paragraph(standZin('Het totaal is', t)),
    lopend ? paragraph(standZin('Met de aanvragen die nog in beoordeling zijn, is het totaal', t, { inclLopend: true })) : null,
    dataList([
      ['Beschikbaar (Zvw-pot)', `${euro(t.beschikbaar_cent)} ${t.bron || ''}`.trim()],
      ['Positief beoordeeld', `${euro(t.positief_cent)} (${getal(t.aantal_positief)} aanvragen)`],
      ['Nog in beoordeling', `${euro(t.lopend_cent)} (${getal(t.aantal_lopend)} aanvragen)`],
      ['Saldo na positief beoordeeld', euro(t.saldo_positief_cent)],
      ['Saldo als ook de lopende doorgaan', euro(t.saldo_incl_lopend_cent)],
    ]),
    aantallenTabel(m.aantallen_per_status));
}

function themaSectie(m, signal) {
  const themas = m.themas;
  return h('section', { 'aria-labelledby': 'kop-themas' },
    heading(2, 'Per thema tegen het budget', { id: 'kop-themas' }),
    paragraph('Het budget van een thema is het macrobedrag zodra dat is vastgesteld, tot dan het richtbedrag. ',
      themas[0]?.bron || ''),
    themas.map((t) => paragraph(standZin(`Thema ${t.naam} is`, t))),
    staafdiagram({
      titel: 'Gevraagd per thema tegen het budget',
      kolomKop: 'Thema',
      categorieen: themas.map((t) => ({ naam: t.naam })),
      reeksen: [
        { naam: 'Positief beoordeeld', waarden: themas.map((t) => euroAlsGetal(t.positief_cent)), opmaak: (i) => euro(themas[i].positief_cent) },
        { naam: 'Nog in beoordeling', waarden: themas.map((t) => euroAlsGetal(t.lopend_cent)), opmaak: (i) => euro(themas[i].lopend_cent) },
        { naam: 'Budget', waarden: themas.map((t) => euroAlsGetal(t.beschikbaar_cent)), opmaak: (i) => euro(themas[i].beschikbaar_cent) },
      ],
      schaal,
      signal,
    }),
    table({
      caption: 'Stand per thema',
      columns: [
        { kop: 'Thema', waarde: (t) => t.naam },
        { kop: 'Soort budget', waarde: (t) => (t.budget_soort === 'macrobedrag' ? 'macrobedrag' : 'richtbedrag') },
        { kop: 'Aanvragen positief', getal: true, waarde: (t) => getal(t.aantal_positief) },
        { kop: 'Aanvragen in beoordeling', getal: true, waarde: (t) => getal(t.aantal_lopend) },
        { kop: 'Saldo', getal: true, waarde: (t) => euro(t.saldo_positief_cent) },
        { kop: 'Saldo met lopende', getal: true, waarde: (t) => euro(t.saldo_incl_lopend_cent) },
        { kop: 'Bezetting', getal: true, waarde: (t) => procent(t.bezetting_bp) },
        { kop: 'Stand', waarde: (t) => standnaam(t.stand) },
        { kop: 'Fte (positief)', getal: true, waarde: (t) => fte(t.fte_positief_milli) },
      ],
      rows: themas,
    }));
}

function jaarSectie(m, signal) {
  const jaren = m.jaren;
  const naam = (j) => String(j.jaar);
  return h('section', { 'aria-labelledby': 'kop-jaren' },
    heading(2, 'Per jaar tegen de tranche', { id: 'kop-jaren' }),
    paragraph('Het geld komt per jaar beschikbaar. Wat een jaar niet gebruikt, schuift door naar de volgende jaren; ',
      'daarom telt de stand van een jaar cumulatief: alles wat tot en met dat jaar is gevraagd, tegen alles wat tot en met dat jaar beschikbaar is. ',
      jaren[0]?.bron || ''),
    jaren.map((j) => paragraph(standZin(`Tot en met ${j.jaar} is de ronde`, j))),
    staafdiagram({
      titel: 'Gevraagd per jaar tegen de tranche',
      kolomKop: 'Jaar',
      categorieen: jaren.map((j) => ({ naam: naam(j) })),
      reeksen: [
        { naam: 'Positief beoordeeld', waarden: jaren.map((j) => euroAlsGetal(j.positief_cent)), opmaak: (i) => euro(jaren[i].positief_cent) },
        { naam: 'Nog in beoordeling', waarden: jaren.map((j) => euroAlsGetal(j.lopend_cent)), opmaak: (i) => euro(jaren[i].lopend_cent) },
        { naam: 'Tranche', waarden: jaren.map((j) => euroAlsGetal(j.beschikbaar_cent)), opmaak: (i) => euro(jaren[i].beschikbaar_cent) },
      ],
      schaal,
      signal,
    }),
    staafdiagram({
      titel: 'Cumulatief gevraagd tegen cumulatief beschikbaar',
      kolomKop: 'Tot en met jaar',
      categorieen: jaren.map((j) => ({ naam: naam(j) })),
      reeksen: [
        { naam: 'Positief beoordeeld', waarden: jaren.map((j) => euroAlsGetal(j.cumulatief_positief_cent)), opmaak: (i) => euro(jaren[i].cumulatief_positief_cent) },
        { naam: 'Met lopende', waarden: jaren.map((j) => euroAlsGetal(j.cumulatief_incl_lopend_cent)), opmaak: (i) => euro(jaren[i].cumulatief_incl_lopend_cent) },
        { naam: 'Beschikbaar', waarden: jaren.map((j) => euroAlsGetal(j.cumulatief_beschikbaar_cent)), opmaak: (i) => euro(jaren[i].cumulatief_beschikbaar_cent) },
      ],
      schaal,
      signal,
    }),
    table({
      caption: 'Stand per jaar (cumulatief)',
      columns: [
        { kop: 'Jaar', waarde: naam },
        { kop: 'Aanvragen met geld in dit jaar', getal: true, waarde: (j) => getal(j.aantal_positief) },
        { kop: 'Saldo', getal: true, waarde: (j) => euro(j.saldo_positief_cent) },
        { kop: 'Saldo met lopende', getal: true, waarde: (j) => euro(j.saldo_incl_lopend_cent) },
        { kop: 'Bezetting', getal: true, waarde: (j) => procent(j.bezetting_bp) },
        { kop: 'Stand', waarde: (j) => standnaam(j.stand) },
        { kop: 'Fte (positief)', getal: true, waarde: (j) => fte(j.fte_positief_milli) },
      ],
      rows: jaren,
    }));
}

/** A line without a budget of its own (area, sector, region) as a table. */
function regelsTabel(caption, kop, rijen, naam) {
  return table({
    caption,
    columns: [
      { kop, waarde: (r) => naam(r.id) },
      { kop: 'Aanvragen positief', getal: true, waarde: (r) => getal(r.aantal_positief) },
      { kop: 'Positief beoordeeld', getal: true, waarde: (r) => euro(r.positief_cent) },
      { kop: 'Aanvragen in beoordeling', getal: true, waarde: (r) => getal(r.aantal_lopend) },
      { kop: 'Nog in beoordeling', getal: true, waarde: (r) => euro(r.lopend_cent) },
      { kop: 'Fte (positief)', getal: true, waarde: (r) => fte(r.fte_positief_milli) },
      { kop: 'Fte per € 1 mln', getal: true, waarde: (r) => ftePerMiljoen(r.fte_per_miljoen_positief_milli) },
    ],
    rows: rijen,
  });
}

function onbekend(naam) {
  return (id) => (id === 'onbekend' ? 'Onbekend' : naam[id] || id);
}

function verdelingSectie(m, namen, signal) {
  if (!m.regios && !m.toepassingsgebieden && !m.sectoren) return null;
  const regios = m.regios || [];
  return h('section', { 'aria-labelledby': 'kop-verdeling' },
    heading(2, 'Per regio, toepassingsgebied en sector', { id: 'kop-verdeling' }),
    paragraph('Regio’s, toepassingsgebieden en sectoren hebben geen eigen budget: het geld is niet geoormerkt. ',
      'Een aanvraag telt in elke sector waarin een zorgaanbieder geld vraagt.'),
    regios.length ? staafdiagram({
      titel: 'Gevraagd per regio',
      kolomKop: 'Regio',
      categorieen: regios.map((r) => ({ naam: onbekend({})(r.id) })),
      reeksen: [
        { naam: 'Positief beoordeeld', waarden: regios.map((r) => euroAlsGetal(r.positief_cent)), opmaak: (i) => euro(regios[i].positief_cent) },
        { naam: 'Nog in beoordeling', waarden: regios.map((r) => euroAlsGetal(r.lopend_cent)), opmaak: (i) => euro(regios[i].lopend_cent) },
      ],
      schaal,
      signal,
    }) : null,
    regios.length ? regelsTabel('Per regio', 'Regio', regios, onbekend({})) : null,
    m.toepassingsgebieden?.length
      ? regelsTabel('Per toepassingsgebied', 'Toepassingsgebied', m.toepassingsgebieden, onbekend(namen.gebieden)) : null,
    m.sectoren?.length ? regelsTabel('Per sector', 'Sector', m.sectoren, onbekend(namen.sectoren)) : null);
}

function fteSectie(m) {
  const f = m.fte;
  return h('section', { 'aria-labelledby': 'kop-fte' },
    heading(2, 'Arbeidsbesparing tegen de AZWA-ambitie', { id: 'kop-fte' }),
    paragraph(`De ambitie is ${fte(f.ambitie_fte_milli)} voor ${euro(f.ambitie_cent)}: ${ftePerMiljoen(f.ambitie_fte_per_miljoen_milli)}. `,
      `De positief beoordeelde aanvragen beloven ${fte(f.positief_fte_milli)}, ${ftePerMiljoen(f.positief_fte_per_miljoen_milli)}. `,
      `Met de verhouding van de ambitie zou hetzelfde bedrag ${fte(f.ambitie_bij_positief_bedrag_fte_milli)} opleveren. `,
      f.bron || ''),
    dataList([
      ['Ambitie AZWA', `${fte(f.ambitie_fte_milli)} voor ${euro(f.ambitie_cent)}`],
      ['Ambitie per € 1 mln', ftePerMiljoen(f.ambitie_fte_per_miljoen_milli)],
      ['Deel van de ambitie voor de Zvw-pot', fte(f.ambitie_zvw_fte_milli)],
      ['Beloofd door positief beoordeelde aanvragen', fte(f.positief_fte_milli)],
      ['Beloofd per € 1 mln', ftePerMiljoen(f.positief_fte_per_miljoen_milli)],
      ['Ambitie bij het positief beoordeelde bedrag', fte(f.ambitie_bij_positief_bedrag_fte_milli)],
      ['Gehaald deel van de Zvw-ambitie', procent(f.positief_aandeel_zvw_ambitie_bp)],
    ]));
}

function aanvragenTabel(aanvragen, namen) {
  return table({
    caption: 'Aanvragen in deze selectie',
    columns: [
      { kop: 'Aanvraag', waarde: (a) => a.titel },
      { kop: 'Status', waarde: (a) => AANVRAAGSTATUS[a.status] || a.status },
      { kop: 'Thema', waarde: (a) => namen.themas[a.thema] || a.thema },
      { kop: 'Toepassingsgebied', waarde: (a) => namen.gebieden[a.toepassingsgebied] || a.toepassingsgebied },
      { kop: 'Regio', waarde: (a) => (a.regio === 'onbekend' || !a.regio ? 'Onbekend' : a.regio) },
      { kop: 'Gevraagd', getal: true, waarde: (a) => euro(a.gevraagd_cent) },
      { kop: 'Fte', getal: true, waarde: (a) => fte(a.fte_milli) },
      { kop: 'Fte per € 1 mln', getal: true, waarde: (a) => ftePerMiljoen(a.fte_per_miljoen_milli) },
    ],
    rows: aanvragen,
  });
}

function filterTekst(filter, namen) {
  const delen = [];
  if (filter.thema) delen.push(`thema ${namen.themas[filter.thema] || filter.thema}`);
  if (filter.toepassingsgebied) delen.push(`toepassingsgebied ${namen.gebieden[filter.toepassingsgebied] || filter.toepassingsgebied}`);
  if (filter.sector) delen.push(`sector ${namen.sectoren[filter.sector] || filter.sector}`);
  if (filter.regio) delen.push(`regio ${filter.regio}`);
  if (filter.jaar !== null && filter.jaar !== undefined) delen.push(`jaar ${filter.jaar}`);
  return delen.length ? opsomming(delen) : '';
}

export async function toon(ctx) {
  ctx.titel('Macro-overzicht');
  const rondes = await geslotenRondes(ctx.signal);
  const kop = heading(1, 'Macro-overzicht');
  const intro = paragraph('De aanvragen van een gesloten indieningsronde tegen de budgetten: per thema, per jaar en per regio, ',
    'met over- of ondertekening en de beloofde arbeidsbesparing tegen de AZWA-ambitie. ',
    'Iedereen ziet de totalen per thema en jaar; het bestuur, het programmabureau, de auditor en de zorgverzekeraars zien ook de verdeling en de aanvragen.');
  const rondeId = gekozenRonde(ctx, rondes);
  if (!rondeId) {
    return [kop, intro, paragraph('Er is nog geen gesloten indieningsronde. Het macro-overzicht van een ronde is er pas na haar sluitmoment.')];
  }
  const ronde = rondes.find((r) => String(r.id) === rondeId);
  const doc = ronde ? await catalogus.catalogusDocument(ronde.catalogusversie).catch(() => ({})) : {};
  const namen = {
    themas: Object.fromEntries((doc.themas || []).map((t) => [t.id, t.naam])),
    gebieden: Object.fromEntries((doc.toepassingsgebieden || []).map((t) => [t.id, t.naam])),
    sectoren: Object.fromEntries((doc.sectoren || []).map((s) => [s.id, s.naam])),
  };
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const pagina = /^[0-9]+$/.test(ctx.query.get('limiet') || '') ? Number(ctx.query.get('limiet')) : PAGINA;
  const magFilteren = rollen.some((r) => FILTERROLLEN.includes(r));

  // --- filters (only for the roles the API lets filter) ---
  let filterForm = null;
  let f = null;
  const velden = {};
  if (magFilteren) {
    const q = (n) => ctx.query.get(n) || '';
    velden.thema = veld({ pointer: 'thema', label: 'Thema', soort: 'select', waarde: q('thema'),
      opties: [{ waarde: '', tekst: 'Alle thema’s' }, ...(doc.themas || []).filter((t) => t.pot_id === 'zvw' || !t.pot_id).map((t) => ({ waarde: t.id, tekst: t.naam }))] });
    velden.toepassingsgebied = veld({ pointer: 'toepassingsgebied', label: 'Toepassingsgebied', soort: 'select', waarde: q('toepassingsgebied'),
      opties: [{ waarde: '', tekst: 'Alle toepassingsgebieden' }, ...(doc.toepassingsgebieden || []).map((t) => ({ waarde: t.id, tekst: t.naam }))] });
    velden.sector = veld({ pointer: 'sector', label: 'Sector', soort: 'select', waarde: q('sector'),
      opties: [{ waarde: '', tekst: 'Alle sectoren' }, ...(doc.sectoren || []).map((s) => ({ waarde: s.id, tekst: s.naam }))] });
    velden.regio = veld({ pointer: 'regio', label: 'Regio (niet verplicht)', waarde: q('regio'), omschrijving: 'De naam van de regio, zoals Twente.' });
    velden.jaar = veld({ pointer: 'jaar', label: 'Jaar (niet verplicht)', waarde: q('jaar'), inputmode: 'numeric', klasse: 'veld--kort',
      omschrijving: 'Alleen aanvragen die in dit jaar geld vragen.' });
    filterForm = h('form', { class: 'utrecht-form filter', role: 'search', 'aria-label': 'Macro-overzicht filteren', novalidate: true },
      h('div', { class: 'filter__velden' }, FILTERS.map((n) => velden[n].element)),
      h('div', { class: 'utrecht-button-group' }, button('Filter toepassen', { type: 'submit', kind: 'secondary' })));
    f = formulier(filterForm, Object.values(velden));
  }

  const melding = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const resultaat = h('div', { class: 'bestuur-resultaat' });
  const aanvragenLijst = h('div');
  const meerStatus = h('p', { class: 'utrecht-paragraph', role: 'status' });
  let volgendeNa = null;

  function query(extra = {}) {
    const out = { indieningsronde: rondeId };
    if (magFilteren) {
      for (const n of FILTERS) if (velden[n].input.value.trim()) out[n] = velden[n].input.value.trim();
      out.aanvragen = 'true';
      out.limiet = pagina;
    }
    return { ...out, ...extra };
  }

  async function meer(knop) {
    knop.disabled = true;
    aanvragenLijst.setAttribute('aria-busy', 'true');
    try {
      const m = await api.get('/macrooverzicht', { query: query({ na: volgendeNa }), signal: ctx.signal });
      volgendeNa = m.volgende_na;
      // The new rows go into the same table; the focus moves to the first of them.
      const rijen = [...aanvragenTabel(m.aanvragen, namen).querySelectorAll('tbody tr')];
      aanvragenLijst.querySelector('tbody')?.append(...rijen);
      meerStatus.textContent = `${m.aanvragen.length} aanvragen meer getoond.`;
      if (volgendeNa === null) {
        knop.closest('p')?.remove();
        const kop = rijen[0]?.querySelector('th');
        if (kop) {
          kop.setAttribute('tabindex', '-1');
          kop.focus();
        }
      } else {
        knop.disabled = false;
      }
    } catch (fout) {
      if (fout.geannuleerd) return;
      knop.disabled = false;
      meerStatus.textContent = `Meer aanvragen laden is niet gelukt: ${fout.message}`;
    } finally {
      aanvragenLijst.removeAttribute('aria-busy');
    }
  }

  /** A download bar for list `lijst` of the overview as it is filtered now. */
  function balk(lijst, omschrijving) {
    const q = new URLSearchParams(query());
    q.delete('aanvragen');
    q.delete('limiet');
    q.set('lijst', lijst);
    return downloadBalk({ pad: `/macrooverzicht?${q}`, naam: `macro-overzicht-${lijst}`, omschrijving, signal: ctx.signal });
  }

  function toonResultaat(m) {
    const filter = filterTekst(m.filter || {}, namen);
    const delen = [
      filter ? alert('info', paragraph(`Gefilterd op ${filter}. Alle totalen gaan over de gekozen aanvragen.`)) : null,
      standSectie(m),
      themaSectie(m, ctx.signal),
      balk('themas', 'de stand per thema'),
      jaarSectie(m, ctx.signal),
      balk('jaren', 'de stand per jaar'),
      verdelingSectie(m, namen, ctx.signal),
      m.regios?.length ? balk('regios', 'de stand per regio') : null,
      m.toepassingsgebieden?.length ? balk('toepassingsgebieden', 'de stand per toepassingsgebied') : null,
      m.sectoren?.length ? balk('sectoren', 'de stand per sector') : null,
      fteSectie(m),
    ];
    if (m.aanvragen) {
      volgendeNa = m.volgende_na;
      replaceChildren(aanvragenLijst, m.aanvragen.length
        ? aanvragenTabel(m.aanvragen, namen)
        : paragraph('Er zijn geen aanvragen in deze selectie.'));
      const knop = volgendeNa !== null ? button('Meer aanvragen tonen', { kind: 'secondary' }) : null;
      knop?.addEventListener('click', () => meer(knop));
      delen.push(h('section', { 'aria-labelledby': 'kop-aanvragen' },
        heading(2, 'Aanvragen', { id: 'kop-aanvragen' }),
        m.zicht === 'verzekeraar' ? paragraph('U ziet de aanvragen waarvan uw organisatie coördinerend of tweede zorgverzekeraar is.') : null,
        aanvragenLijst, meerStatus, knop ? paragraph(knop) : null));
    }
    replaceChildren(resultaat, delen);
  }

  async function laad({ aankondigen = false } = {}) {
    resultaat.setAttribute('aria-busy', 'true');
    if (aankondigen) melding.textContent = 'Bezig met laden…';
    try {
      const m = await api.get('/macrooverzicht', { query: query(), signal: ctx.signal, timeoutMs: 10 * 60 * 1000 });
      f?.wis();
      toonResultaat(m);
      const t = m.totaal;
      melding.textContent = `Macro-overzicht van ${m.indieningsronde.naam}: ${getal(t.aantal_positief)} positief beoordeelde `
        + `aanvragen voor ${euro(t.positief_cent)}, ${getal(t.aantal_lopend)} nog in beoordeling.`;
    } catch (fout) {
      if (fout.geannuleerd) return;
      melding.textContent = '';
      if (f && fout.fouten?.some((x) => FILTERS.includes(x.veld))) {
        f.toonFouten(fout, { kop: 'Filteren is niet gelukt' });
      } else {
        replaceChildren(resultaat, alert('error', [paragraph(fout.message),
          ...fout.fouten.map((x) => paragraph(x.bron ? `${x.melding} ${x.bron}` : x.melding))], { role: 'alert' }));
      }
    } finally {
      resultaat.removeAttribute('aria-busy');
    }
  }

  filterForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams({ indieningsronde: rondeId });
    for (const n of FILTERS) if (velden[n].input.value.trim()) params.set(n, velden[n].input.value.trim());
    if (pagina !== PAGINA) params.set('limiet', String(pagina));
    ctx.zetUrl(`/macrooverzicht?${params}`);
    laad({ aankondigen: true });
  });

  await laad();
  if (ronde) ctx.titel(`Macro-overzicht ${ronde.naam}`);
  return [
    kop,
    intro,
    rondekeuze(ctx, rondes, rondeId, '/macrooverzicht'),
    filterForm ? [heading(2, 'Filters'), filterForm] : null,
    melding,
    resultaat,
  ];
}
