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

import { api } from '../api.js';
import * as catalogus from '../catalogus.js';
import { button, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { formulier, keuzeveld, metBron, tekstveld } from '../formulier.js';
import { datum } from '../opmaak.js';
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
  const lijst = h('div', { class: 'beoordelingen__lijst' });
  const meer = h('div', { class: 'utrecht-button-group' });

  let rijen = [];
  let volgendeNa = null;

  function tekenTabel() {
    if (!rijen.length) {
      replaceChildren(lijst, paragraph('Er zijn geen aanvragen die u met deze filters kunt beoordelen. '
        + 'U ziet een aanvraag pas als de indieningsronde gesloten is.'));
      return;
    }
    replaceChildren(lijst, table({
      caption: 'Aanvragen waarin uw organisatie coördinerend of tweede zorgverzekeraar is',
      columns: [
        { kop: 'Aanvraag', waarde: (r) => link(`/beoordelingen/${r.aanvraag.id}`, r.aanvraag.titel || `Aanvraag ${r.aanvraag.id}`) },
        { kop: 'Thema', waarde: (r) => themanamen[r.aanvraag.thema] || r.aanvraag.thema },
        { kop: 'Regio', waarde: (r) => r.aanvraag.regio || '–' },
        { kop: 'Ronde', waarde: (r) => rondenamen[r.aanvraag.indieningsronde_id] || String(r.aanvraag.indieningsronde_id) },
        { kop: 'Uw rol', waarde: (r) => ({ coordinerend: 'Coördinerend', tweede: 'Tweede' }[mijnRol(r.aanvraag, orgId)] || '–') },
        { kop: 'Route', waarde: (r) => routeTekst(r.route) },
        { kop: 'Status', waarde: (r) => aanvraagStatus(r.aanvraag.status) },
        { kop: `Uw oordeel op de nieuwste versie`, waarde: (r) => `${oordeelTekst(r)} (versie ${r.aanvraag.versie})` },
      ],
      rows: rijen,
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

  await laad();
  return [
    heading(1, 'Beoordelen'),
    paragraph('De aanvragen waarin uw organisatie coördinerend of tweede zorgverzekeraar is. Elke verzekeraar beoordeelt '
      + 'zelfstandig; een aanvraag is pas positief als beide verzekeraars positief oordelen. Route licht: de aanvraag is '
      + 'conform het modelplan; route verdiept: er zijn afwijkingen of regionale aanpassingen die u weegt.'),
    form,
    heading(2, 'Aanvragen'),
    aantal,
    lijst,
    meer,
  ];
}
