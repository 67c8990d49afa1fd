// SPDX-License-Identifier: EUPL-1.2
//
// Beoordelen (role beoordelaar): the queue of applications in which the
// caller's organisation is coordinating or second insurer
// (GET /aanvragen with the API's filters status, thema, indieningsronde and
// regio; docs/indiening.md §5). An insurer sees an application only after
// its round closed. Per application: the insurer's role, the review route
// of the newest submitted version (GET /aanvragen/{id}/versies: licht or
// verdiept), the status in Dutch, and whether the insurer has already given
// its verdict on the newest version (GET /aanvragen/{id}/beoordelingen).
// Filters apply on their button and live in the address (as on
// /toepassingsgebieden); the count is announced in a status region.
// The insurer's work (docs/indiening.md §5a): what each application asks,
// the date its verdicts are due (the round's), who handles it within the
// insurer (a select of colleagues, assigned on the spot: PUT
// /aanvragen/{id}/behandelaar), sorted by date due, amount, title or
// submission, and "alleen mijn aanvragen".

import { api } from '../api.js';
import * as catalogus from '../catalogus.js';
import { button, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { formulier, keuzeveld, metBron, tekstveld } from '../formulier.js';
import { datum, euro } from '../opmaak.js';
import {
  AANVRAAGSTATUS, aanvraagStatus, metBeperking, OORDEEL,
} from './beoordelaar-velden.js';

const LIMIET = 50;
const FILTERS = ['status', 'thema', 'indieningsronde', 'regio'];

/** The insurer's part in an application: 'coordinerend', 'tweede' or null. */
export function mijnRol(aanvraag, orgId) {
  if (aanvraag.coordinerend_verzekeraar_id === orgId) return 'coordinerend';
  if (aanvraag.tweede_verzekeraar_id === orgId) return 'tweede';
  return null;
}

async function verrijk(a, orgId, signal) {
  const [versies, beoordelingen] = await Promise.all([
    api.get(`/aanvragen/${a.id}/versies`, { signal }).catch((e) => (e.geannuleerd ? Promise.reject(e) : null)),
    api.get(`/aanvragen/${a.id}/beoordelingen`, { signal }).catch((e) => (e.geannuleerd ? Promise.reject(e) : null)),
  ]);
  const nieuwste = versies?.versies?.find((v) => v.versie === a.versie) || versies?.versies?.at(-1) || null;
  const mijn = beoordelingen?.beoordelingen?.find((b) => b.verzekeraar_id === orgId && b.versie === a.versie) || null;
  return { aanvraag: a, route: nieuwste?.route || null, mijn, onbekend: !versies || !beoordelingen };
}

function routeTekst(route) {
  if (route === 'licht') return h('span', { class: 'route route--licht' }, 'Licht');
  if (route === 'verdiept') return h('span', { class: 'route route--verdiept' }, 'Verdiept');
  return 'Onbekend';
}

function oordeelTekst(r) {
  if (r.mijn) return `Gegeven: ${OORDEEL[r.mijn.oordeel] || r.mijn.oordeel}`;
  if (r.onbekend) return 'Onbekend';
  if (['positief', 'negatief'].includes(r.aanvraag.status)) return 'Niet meer nodig';
  return 'Nog te geven';
}

export async function toon(ctx) {
  const orgId = ctx.sessie.organisatie.id;
  const [{ themas }, rondes] = await Promise.all([
    catalogus.themas(),
    api.get('/indieningsrondes', { signal: ctx.signal }),
  ]);
  const { behandelaars } = await api.get('/behandelaars', { signal: ctx.signal });
  const ik = ctx.sessie.gebruiker.id;
  const themanamen = Object.fromEntries(themas.map((t) => [t.id, t.naam]));
  const rondenamen = Object.fromEntries(rondes.indieningsrondes.map((r) => [r.id, r.naam]));

  const status = keuzeveld({
    pointer: 'status',
    label: 'Status',
    waarde: ctx.query.get('status') || '',
    opties: [{ waarde: '', tekst: 'Alle statussen' },
      ...Object.entries(AANVRAAGSTATUS).filter(([k]) => k !== 'concept').map(([k, v]) => ({ waarde: k, tekst: v }))],
  });
  const thema = keuzeveld({
    pointer: 'thema',
    label: 'Thema',
    waarde: ctx.query.get('thema') || '',
    opties: [{ waarde: '', tekst: 'Alle thema’s' }, ...themas.map((t) => ({ waarde: t.id, tekst: t.naam }))],
  });
  const ronde = keuzeveld({
    pointer: 'indieningsronde',
    label: 'Indieningsronde',
    waarde: ctx.query.get('indieningsronde') || '',
    opties: [{ waarde: '', tekst: 'Alle rondes' },
      ...rondes.indieningsrondes.map((r) => ({ waarde: String(r.id), tekst: `${r.naam} (sluit ${datum(r.sluit_op.slice(0, 10))})` }))],
  });
  const regio = tekstveld({ pointer: 'regio', label: 'Regio (niet verplicht)', waarde: ctx.query.get('regio') || '' });
  const velden = { status, thema, indieningsronde: ronde, regio };

  const form = h('form', { class: 'utrecht-form filter', role: 'search', 'aria-label': 'Aanvragen filteren', novalidate: true },
    h('div', { class: 'filter__velden' }, status.element, thema.element, ronde.element, regio.element),
    h('div', { class: 'utrecht-button-group' }, button('Filter toepassen', { type: 'submit', kind: 'secondary' })));
  const f = formulier(form, Object.values(velden).map((v) => ({ ...v, pointer: `/${v.pointer}` })));
  const aantal = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const sorteer = keuzeveld({ pointer: 'sorteer', label: 'Sorteren op', waarde: ctx.query.get('sorteer') || 'termijn', opties: [
    { waarde: 'termijn', tekst: 'Oordeel uiterlijk (eerst)' }, { waarde: 'bedrag', tekst: 'Gevraagd bedrag (hoogste eerst)' },
    { waarde: 'titel', tekst: 'Titel (A-Z)' }, { waarde: 'nieuw', tekst: 'Laatst gewijzigd' }] });
  const alleenMijn = h('input', { type: 'checkbox', id: 'alleen-mijn', class: 'utrecht-checkbox utrecht-checkbox--html-input',
    checked: ctx.query.get('mijn') === 'true' });
  const ordening = h('div', { class: 'filter__velden niet-printen' }, sorteer.element,
    h('div', { class: 'utrecht-form-field utrecht-form-field--checkbox' },
      alleenMijn, ' ', h('label', { for: 'alleen-mijn', class: 'utrecht-form-label utrecht-form-label--checkbox' }, 'Alleen aanvragen die ik behandel')));
  const lijst = h('div', { class: 'beoordelingen__lijst' });
  const meer = h('div', { class: 'utrecht-button-group' });

  let rijen = [];
  let volgendeNa = null;

  const SORTEERING = {
    termijn: (a, b) => (a.aanvraag.beoordeeld_uiterlijk_op || '9999').localeCompare(b.aanvraag.beoordeeld_uiterlijk_op || '9999'),
    bedrag: (a, b) => (b.aanvraag.gevraagd_cent ?? -1) - (a.aanvraag.gevraagd_cent ?? -1),
    titel: (a, b) => (a.aanvraag.titel || '').localeCompare(b.aanvraag.titel || '', 'nl'),
    nieuw: (a, b) => b.aanvraag.gewijzigd_op.localeCompare(a.aanvraag.gewijzigd_op),
  };

  function getoond() {
    const mijn = alleenMijn.checked ? rijen.filter((r) => r.aanvraag.behandelaar_id === ik) : rijen.slice();
    return mijn.sort(SORTEERING[sorteer.input.value] || SORTEERING.termijn);
  }

  function behandelaarKeuze(r) {
    const titel = r.aanvraag.titel || `Aanvraag ${r.aanvraag.id}`;
    const sel = h('select', { class: 'utrecht-select utrecht-select--html-select', 'aria-label': `Behandelaar van ${titel}` },
      h('option', { value: '' }, 'Niemand'),
      behandelaars.map((b) => h('option', { value: String(b.id), selected: b.id === r.aanvraag.behandelaar_id }, b.naam)));
    sel.addEventListener('change', async () => {
      sel.disabled = true;
      try {
        const gekozen = sel.value ? Number(sel.value) : null;
        const a = await api.put(`/aanvragen/${r.aanvraag.id}/behandelaar`, { gebruiker_id: gekozen });
        r.aanvraag.behandelaar_id = a.behandelaar_id;
        const naam = behandelaars.find((b) => b.id === a.behandelaar_id)?.naam;
        melding.textContent = naam ? `${naam} behandelt nu “${titel}”.` : `Niemand behandelt nu “${titel}”.`;
      } catch (fout) {
        sel.value = r.aanvraag.behandelaar_id ? String(r.aanvraag.behandelaar_id) : '';
        melding.textContent = `Toewijzen is niet gelukt: ${fout.message}`;
      } finally {
        sel.disabled = false;
      }
    });
    return sel;
  }

  function tekenTabel() {
    const zichtbaar = getoond();
    if (rijen.length && !zichtbaar.length) {
      replaceChildren(lijst, paragraph('U behandelt geen van deze aanvragen.'));
      return;
    }
    if (!rijen.length) {
      replaceChildren(lijst, paragraph('Er zijn geen aanvragen die u met deze filters kunt beoordelen. '
        + 'U ziet een aanvraag pas als de indieningsronde gesloten is.'));
      return;
    }
    replaceChildren(lijst, table({
      caption: 'Aanvragen waarin uw organisatie coördinerend of tweede zorgverzekeraar is',
      columns: [
        { kop: 'Aanvraag', waarde: (r) => link(`/beoordelingen/${r.aanvraag.id}`, r.aanvraag.titel || `Aanvraag ${r.aanvraag.id}`) },
        { kop: 'Gevraagd', waarde: (r) => (r.aanvraag.gevraagd_cent === null || r.aanvraag.gevraagd_cent === undefined ? '–' : euro(r.aanvraag.gevraagd_cent)), getal: true },
        { kop: 'Oordeel uiterlijk', waarde: (r) => (r.aanvraag.beoordeeld_uiterlijk_op ? datum(r.aanvraag.beoordeeld_uiterlijk_op) : '–') },
        { kop: 'Behandelaar', waarde: behandelaarKeuze },
        { kop: 'Thema', waarde: (r) => themanamen[r.aanvraag.thema] || r.aanvraag.thema },
        { kop: 'Regio', waarde: (r) => r.aanvraag.regio || '–' },
        { kop: 'Ronde', waarde: (r) => rondenamen[r.aanvraag.indieningsronde_id] || String(r.aanvraag.indieningsronde_id) },
        { kop: 'Uw rol', waarde: (r) => ({ coordinerend: 'Coördinerend', tweede: 'Tweede' }[mijnRol(r.aanvraag, orgId)] || '–') },
        { kop: 'Route', waarde: (r) => routeTekst(r.route) },
        { kop: 'Status', waarde: (r) => aanvraagStatus(r.aanvraag.status) },
        { kop: `Uw oordeel op de nieuwste versie`, waarde: (r) => `${oordeelTekst(r)} (versie ${r.aanvraag.versie})` },
      ],
      rows: zichtbaar,
    }));
  }

  function zegAantal() {
    const n = rijen.length;
    const open = rijen.filter((r) => !r.mijn && !['positief', 'negatief'].includes(r.aanvraag.status)).length;
    aantal.textContent = n === 0 ? 'Geen aanvragen gevonden met deze filters.'
      : `${n === 1 ? '1 aanvraag' : `${n} aanvragen`} gevonden${volgendeNa ? ' (er zijn er meer)' : ''}; `
        + `${open === 1 ? '1 wacht' : `${open} wachten`} op uw oordeel.`;
  }

  async function laad({ verder = false } = {}) {
    const query = { limiet: LIMIET };
    for (const k of FILTERS) query[k] = velden[k].input.value.trim();
    if (verder) query.na = volgendeNa;
    lijst.setAttribute('aria-busy', 'true');
    try {
      const antwoord = await api.get('/aanvragen', { query, signal: ctx.signal });
      const nieuw = await metBeperking(antwoord.aanvragen, 4, (a) => verrijk(a, orgId, ctx.signal));
      f.wis();
      rijen = verder ? [...rijen, ...nieuw] : nieuw;
      volgendeNa = antwoord.volgende_na || null;
      tekenTabel();
      zegAantal();
      replaceChildren(meer, volgendeNa
        ? button('Meer aanvragen tonen', { kind: 'secondary', onClick: () => laad({ verder: true }) }) : null);
    } catch (fout) {
      if (fout.geannuleerd) return;
      f.toonFouten(metBron(fout, { hernoem: (p) => `/${p.replace(/^\//, '')}` }), { kop: 'Filteren is niet gelukt' });
    } finally {
      lijst.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const k of FILTERS) {
      const v = velden[k].input.value.trim();
      if (v) params.set(k, v);
    }
    const qs = params.toString();
    ctx.zetUrl(`/beoordelingen${qs ? `?${qs}` : ''}`);
    laad();
  });

  // Sorting applies to the whole queue: the pages not loaded yet are loaded first.
  const herorden = async () => {
    if (volgendeNa) {
      melding.textContent = 'Alle aanvragen worden geladen om ze te sorteren …';
      while (volgendeNa) {
        const voor = volgendeNa;
        await laad({ verder: true });
        if (volgendeNa === voor) break;   /* a failed page: its error is shown */
      }
    }
    tekenTabel();
    const params = new URLSearchParams(window.location.search);
    params.set('sorteer', sorteer.input.value);
    if (alleenMijn.checked) params.set('mijn', 'true'); else params.delete('mijn');
    ctx.zetUrl(`/beoordelingen?${params.toString()}`);
    melding.textContent = `${rijen.length === 1 ? 'De aanvraag is' : `Alle ${rijen.length} aanvragen zijn`} gesorteerd op `
      + `${sorteer.input.selectedOptions[0].textContent.toLowerCase()}`
      + `${alleenMijn.checked ? ', alleen de aanvragen die u behandelt' : ''}.`;
  };
  sorteer.input.addEventListener('change', herorden);
  alleenMijn.addEventListener('change', herorden);

  await laad();
  return [
    heading(1, 'Beoordelen'),
    paragraph('De aanvragen waarin uw organisatie coördinerend of tweede zorgverzekeraar is. Elke verzekeraar beoordeelt '
      + 'zelfstandig; een aanvraag is pas positief als beide verzekeraars positief oordelen. Route licht: de aanvraag is '
      + 'conform het modelplan; route verdiept: er zijn afwijkingen of regionale aanpassingen die u weegt.'),
    form,
    heading(2, 'Aanvragen'),
    aantal,
    ordening,
    melding,
    lijst,
    meer,
  ];
}
