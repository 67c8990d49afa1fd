// SPDX-License-Identifier: EUPL-1.2
//
// Mijn aanvragen (role aanvrager; for a municipality the applications it
// rides along on [003 D5]): the applications the coalition may see
// (GET /aanvragen, every page), with round, modelplan, the phase of the
// whole chain (GET .../tijdlijn: after the board a granted, refused or
// decided application says so), review route
// and the last change; open requests for information from the insurers
// first, each with a link to the fields asked. The route of a draft is the
// one its live checks give now (GET /aanvragen/{id}/toetsing); of a
// submitted application the route of its newest version (GET .../versies).

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { statusBadge } from '../aanvraagformulier.js';
import * as catalogus from '../catalogus.js';
import { alert, badge, h, heading, link, paragraph, table } from '../dom.js';
import { datumTijd } from '../opmaak.js';

const MAX_PAGINAS = 20;

/** Every application of the list, following volgende_na. */
async function alleAanvragen(signal) {
  const lijst = [];
  let na = null;
  for (let i = 0; i < MAX_PAGINAS; i++) {
    const page = await api.get('/aanvragen', { query: { limiet: 100, na }, signal });
    lijst.push(...page.aanvragen);
    if (page.volgende_na === null || page.volgende_na === undefined) break;
    na = page.volgende_na;
  }
  return lijst;
}

/** The route of one application, or null when it cannot be read. */
async function route(a, signal) {
  try {
    if (a.versie > 0) {
      const { versies } = await api.get(`/aanvragen/${a.id}/versies`, { signal });
      return versies.length ? { route: versies[versies.length - 1].route, concept: false } : null;
    }
    const { toetsing } = await api.get(`/aanvragen/${a.id}/toetsing`, { signal });
    return { route: toetsing.route, concept: true, indienbaar: toetsing.indienbaar };
  } catch (err) {
    if (err.geannuleerd) throw err;
    return null;
  }
}

async function verzoeken(a, signal) {
  try {
    const answer = await api.get(`/aanvragen/${a.id}/informatieverzoeken`, { signal });
    return answer.informatieverzoeken.filter((v) => !v.beantwoord);
  } catch (err) {
    if (err.geannuleerd) throw err;
    return [];
  }
}

/** The phase of the chain after the assessment, shortly, or null before the board. */
const FASE = {
  niet_toegekend: ['Niet toegekend (Bestuurlijk Overleg)', 'warning'], toegekend: ['Toegekend', 'success'],
  ondertekening: ['Verzoek aan de NZa in ondertekening', 'neutral'], bij_nza: ['Bij de NZa', 'neutral'],
  afgewezen: ['Afgewezen door de NZa', 'danger'], beschikt: ['Beschikt', 'success'], in_uitvoering: ['In uitvoering', 'success'],
};

async function fase(a, signal) {
  if (a.status !== 'positief') return null;
  try {
    return (await api.get(`/aanvragen/${a.id}/tijdlijn`, { signal })).fase;
  } catch (err) {
    if (err.geannuleerd) throw err;
    return null;
  }
}

export async function toon(ctx) {
  const gemeente = !(ctx.sessie?.gebruiker?.rollen || []).includes('aanvrager');
  const [aanvragen, rondes, mps] = await Promise.all([
    alleAanvragen(ctx.signal),
    api.get('/indieningsrondes', { signal: ctx.signal }),
    catalogus.modelplannen().catch(() => ({ modelplannen: [] })),
  ]);
  const rondenaam = Object.fromEntries(rondes.indieningsrondes.map((r) => [r.id, r.naam]));
  const mpnaam = Object.fromEntries(mps.modelplannen.map((m) => [m.id, m.naam]));
  const routes = await Promise.all(aanvragen.map((a) => route(a, ctx.signal)));
  const fasen = await Promise.all(aanvragen.map((a) => fase(a, ctx.signal)));
  const open = await Promise.all(aanvragen.map((a) => (a.status === 'informatie_gevraagd' ? verzoeken(a, ctx.signal) : [])));
  const titel = (a) => a.titel || `Aanvraag ${a.id} (zonder titel)`;

  const metVerzoek = aanvragen.map((a, i) => ({ a, lijst: open[i] })).filter((x) => x.lijst.length);
  const openRonde = rondes.indieningsrondes.some((r) => r.fase === 'open');

  return [
    heading(1, gemeente ? 'Aanvragen waarin uw gemeente meedoet' : 'Mijn aanvragen'),
    downloadBalk({ pad: '/aanvragen', naam: 'aanvragen', omschrijving: 'uw aanvragen', signal: ctx.signal }),
    gemeente
      ? paragraph('Een gemeente vraagt zelf geen Zvw-doorbraakmiddelen aan, maar kan meedoen in het plan van een zorgaanbieder, '
        + 'zonder bedrag [003 D5]. Hier staan de aanvragen waarin uw gemeente als deelnemer staat; u kunt ze lezen en volgen.')
      : paragraph('De aanvragen van uw samenwerkingscoalitie. Een concept bewaart de server: u kunt stoppen en later verder gaan. ',
        'U dient een aanvraag één keer in, binnen de indieningsronde; daarna beoordelen twee zorgverzekeraars haar.'),
    gemeente ? null : h('p', { class: 'utrecht-paragraph' },
      h('a', { class: 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action', href: '/aanvragen/nieuw' },
        'Nieuwe aanvraag')),
    openRonde || gemeente ? null
      : alert('info', paragraph('Er is nu geen indieningsronde open. Een nieuwe aanvraag kunt u starten zodra een ronde opent.')),
    metVerzoek.length ? h('section', { 'aria-labelledby': 'kop-verzoeken' },
      heading(2, 'Openstaande vragen van zorgverzekeraars', { id: 'kop-verzoeken' }),
      paragraph('Een zorgverzekeraar vraagt om aanvullende informatie. U kunt alleen de gevraagde onderdelen aanpassen en de aanvraag daarna opnieuw indienen.'),
      h('ul', { class: 'utrecht-unordered-list' }, metVerzoek.map(({ a, lijst }) => h('li', { class: 'utrecht-unordered-list__item' },
        link(`/aanvragen/${a.id}`, titel(a)), ': ',
        lijst.map((v) => `“${v.vraag}”`).join(' '))))) : null,
    h('section', { 'aria-labelledby': 'kop-lijst' },
      heading(2, 'Alle aanvragen', { id: 'kop-lijst' }),
      aanvragen.length
        ? table({
          caption: `${aanvragen.length} ${aanvragen.length === 1 ? 'aanvraag' : 'aanvragen'}`,
          id: 'aanvragenlijst',
          columns: [
            { kop: 'Aanvraag', waarde: (x) => link(`/aanvragen/${x.a.id}`, titel(x.a)) },
            { kop: 'Ronde', waarde: (x) => rondenaam[x.a.indieningsronde_id] || `Ronde ${x.a.indieningsronde_id}` },
            { kop: 'Modelplan', waarde: (x) => `${mpnaam[x.a.modelplan.id] || x.a.modelplan.id}, versie ${x.a.modelplan.versie}` },
            { kop: 'Status', waarde: (x) => (FASE[x.f] ? badge(...FASE[x.f]) : statusBadge(x.a.status)) },
            {
              kop: 'Route',
              waarde: (x) => (x.r ? `${x.r.route === 'licht' ? 'Licht' : 'Verdiept'}${x.r.concept ? ' (volgens de controles nu)' : ''}` : 'onbekend'),
            },
            {
              kop: 'Laatst gewijzigd',
              waarde: (x) => (x.a.versie > 0
                ? `Versie ${x.a.versie} ingediend; laatste wijziging ${datumTijd(x.a.gewijzigd_op)}`
                : `Concept opgeslagen ${datumTijd(x.a.gewijzigd_op)}`),
            },
          ],
          rows: aanvragen.map((a, i) => ({ a, r: routes[i], f: fasen[i] })),
        })
        : paragraph(gemeente ? 'Uw gemeente doet nog in geen aanvraag mee.' : 'U heeft nog geen aanvragen.'),
      paragraph('Route licht: de aanvraag volgt het modelplan en krijgt een beperkte beoordeling. ',
        'Route verdiept: de aanvraag wijkt af of heeft regionale aanpassingen, en krijgt een uitgebreide beoordeling.')),
  ];
}
