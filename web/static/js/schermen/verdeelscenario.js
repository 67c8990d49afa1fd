// SPDX-License-Identifier: EUPL-1.2
//
// Eén verdeelscenario (bestuur, programmabureau, auditor): its totals, the
// parameters as used, the budget lines (binding ones, marginal values), the
// themes and regions (charts with their tables), and per application its
// status, amount per year and the reasons (docs/verdeling.md §6), findable
// with a search on the page. A link downloads the model in CPLEX LP format
// (GET /verdeelscenarios/{id}/lp). The board adopts the scenario as its
// decision here (POST /bestuursbesluiten, docs/bestuur.md §4): a motivation,
// a confirmation step (the decision is final), and every refusal of the API
// (beoordeling_loopt, scenario_verouderd, besluit_bestaat, the ledger's
// codes named by their key) shown with its source.

import { api } from '../api.js';
import { alert, button, dataList, h, heading, link, paragraph, replaceChildren, table, unorderedList } from '../dom.js';
import { formulier } from '../formulier.js';
import { staafdiagram } from '../grafiek.js';
import { datumTijd, euro, euroAlsGetal, euroMiljoen, getal, procent, toBigInt } from '../opmaak.js';
import {
  REGELS, SCENARIOSTATUS, aanvraagTitels, aanvraagnaam, foutMetBron, fte, ftePerMiljoen, lijnnaam, regelnaam,
  themanamenVan, veld,
} from './bestuur-gemeen.js';

const nowrap = (tekst) => h('span', { class: 'bestuur-nowrap' }, tekst);
const PAGINA = 50; // applications shown at a time; ?limiet= in the address sets another
const schaal = (v) => euroMiljoen(toBigInt(Math.round(v)) * 100n);

function totalenSectie(sc, r) {
  const t = r.totalen;
  const s = r.solver;
  return h('section', { 'aria-labelledby': 'kop-totalen' },
    heading(2, 'Uitkomst', { id: 'kop-totalen' }),
    dataList([
      ['Gerealiseerde arbeidsbesparing', fte(t.fte_milli)],
      ['Besteed', euro(t.besteed_cent)],
      ['Niet besteed', euro(t.onbesteed_cent)],
      ...t.besteed_per_jaar.map((j) => [`Besteed in ${j.jaar}`, euro(j.besteed_cent)]),
      ['Aanvragen', `${getal(t.toegekend)} volledig toegekend, ${getal(t.verlaagd)} verlaagd, ${getal(t.afgewezen)} afgewezen`
        + ` (waarvan ${getal(t.onder_impactlat)} onder de impactlat)`],
      ['Regio’s', `${getal(t.regios_gehonoreerd)} van de ${getal(t.regios_met_verkiesbare_aanvraag)} regio’s met een aanvraag die mee kon doen krijgen geld`],
      ['Minimum per regio', t.regiominima_gehaald ? 'gehaald (of niet gevraagd)' : 'niet gehaald'],
      s ? ['Optimum', s.bewezen_optimaal
        ? 'bewezen optimaal'
        : `niet bewezen: hoogstens ${fte(s.gap_fte_milli)} (${procent(s.gap_bp)}) onder de bovengrens van ${fte(s.bovengrens_fte_milli)}`
          + `${s.limiet_bereikt ? `; de rekengrens van ${getal(s.knopen_max)} knopen is bereikt` : ''}`] : null,
    ]));
}

function parametersSectie(r, themanamen) {
  const p = r.scenario;
  const verschuiving = toBigInt(p.verschuiving_cent) !== 0n ? euro(p.verschuiving_cent)
    : toBigInt(p.verschuiving_bp) !== 0n ? `${procent(p.verschuiving_bp)} van het themabudget` : 'geen';
  return h('section', { 'aria-labelledby': 'kop-parameters' },
    heading(2, 'Parameters', { id: 'kop-parameters' }),
    dataList([
      ['Verdeelregel', `${regelnaam(p.regel)}: ${REGELS[p.regel]?.uitleg || ''}`],
      ['Seed voor de loting', h('code', { class: 'utrecht-code' }, p.seed)],
      ['Fonds', euro(p.fonds_cent)],
      ...p.themas.map((t) => [`Budget ${themanamen[t.id] || t.id}`, euro(t.budget_cent)]),
      ['Verschuiving tussen thema’s', verschuiving],
      ['Toets per jaar', p.jaartoets === 'per_jaar' ? 'per jaar' : 'cumulatief'],
      ...p.jaren.map((j) => [`Limiet ${j.jaar}`, euro(j.limiet_cent)]),
      ['Impactlat', p.impactlat_id ? `${p.impactlat_id}: ${ftePerMiljoen(p.impactlat_fte_per_miljoen_milli)}`
        : p.impactlat_fte_per_miljoen_milli ? ftePerMiljoen(p.impactlat_fte_per_miljoen_milli) : 'geen'],
      ['Gedeeltelijke toekenning', p.deelfinanciering ? 'ja, niet onder het minimumaandeel van het modelplan' : 'nee'],
      ['Hoogstens per regio', p.regio_max_aandeel_bp === null ? 'geen grens' : `${procent(p.regio_max_aandeel_bp)} van een themabudget`],
      ['Minimum per regio', p.regio_minimum_cent !== null ? euro(p.regio_minimum_cent)
        : p.regio_minimum_aantal !== null ? `${getal(p.regio_minimum_aantal)} aanvragen` : 'geen'],
      ['Stap voor de marginale waarde', toBigInt(p.marginaal_delta_cent) === 0n ? 'geen marginale waarden' : euro(p.marginaal_delta_cent)],
      ['Rekengrens', `${getal(p.knopen_max)} knopen`],
      ['Invoer-hash', h('code', { class: 'utrecht-code bestuur-hash' }, p.invoer_hash)],
    ]));
}

function lijnenSectie(r, themanamen) {
  const bindend = r.lijnen.filter((l) => l.bindend);
  return h('section', { 'aria-labelledby': 'kop-lijnen' },
    heading(2, 'Begrotingsregels', { id: 'kop-lijnen' }),
    paragraph(bindend.length
      ? `Bindend: ${bindend.map((l) => lijnnaam(l, themanamen)).join(', ')}. Een bindende regel houdt een aanvraag tegen die niet haar hele bedrag kreeg. `
        + 'De marginale waarde zegt hoeveel fte per € 1 mln extra de regel zou opleveren.'
      : 'Geen regel is bindend: elke aanvraag die mee kon doen, kreeg wat de regel toeliet.'),
    table({
      caption: 'Begrotingsregels met capaciteit, gebruik en marginale waarde',
      columns: [
        { kop: 'Regel', waarde: (l) => lijnnaam(l, themanamen) },
        { kop: 'Capaciteit', getal: true, waarde: (l) => euro(l.capaciteit_cent) },
        { kop: 'Gebruikt', getal: true, waarde: (l) => euro(l.gebruikt_cent) },
        { kop: 'Ruimte', getal: true, waarde: (l) => euro(l.ruimte_cent) },
        { kop: 'Bindend', waarde: (l) => (l.bindend ? 'Ja' : 'Nee') },
        { kop: 'Marginale waarde', getal: true, waarde: (l) => (l.marginaal
          ? `${ftePerMiljoen(l.marginaal.fte_milli_per_miljoen)}${l.marginaal.exact ? '' : ' (benadering)'}` : '-') },
      ],
      rows: r.lijnen,
    }));
}

function themaSectie(r, themanamen, signal) {
  const themas = r.themas;
  const naam = (t) => themanamen[t.id] || t.id;
  return h('section', { 'aria-labelledby': 'kop-sc-themas' },
    heading(2, 'Per thema', { id: 'kop-sc-themas' }),
    staafdiagram({
      titel: 'Besteed per thema tegen het budget',
      kolomKop: 'Thema',
      categorieen: themas.map((t) => ({ naam: naam(t) })),
      reeksen: [
        { naam: 'Besteed', waarden: themas.map((t) => euroAlsGetal(t.besteed_cent)), opmaak: (i) => euro(themas[i].besteed_cent) },
        { naam: 'Budget', waarden: themas.map((t) => euroAlsGetal(t.budget_cent)), opmaak: (i) => euro(themas[i].budget_cent) },
      ],
      schaal,
      signal,
    }),
    table({
      caption: 'Afkapgrens per thema',
      columns: [
        { kop: 'Thema', waarde: naam },
        { kop: 'Plafond met verschuiving', getal: true, waarde: (t) => euro(t.plafond_cent) },
        { kop: 'Laagste fte per € 1 mln met geld', getal: true, waarde: (t) => ftePerMiljoen(t.laagst_gehonoreerd_fte_per_miljoen_milli) },
        { kop: 'Hoogste fte per € 1 mln zonder geld', getal: true, waarde: (t) => ftePerMiljoen(t.hoogst_afgewezen_fte_per_miljoen_milli) },
      ],
      rows: themas,
    }));
}

function regioSectie(r, signal) {
  const regios = r.regios;
  if (!regios.length) return null;
  return h('section', { 'aria-labelledby': 'kop-sc-regios' },
    heading(2, 'Per regio', { id: 'kop-sc-regios' }),
    staafdiagram({
      titel: 'Besteed per regio',
      kolomKop: 'Regio',
      categorieen: regios.map((x) => ({ naam: x.naam })),
      reeksen: [{ naam: 'Besteed', waarden: regios.map((x) => euroAlsGetal(x.besteed_cent)), opmaak: (i) => euro(regios[i].besteed_cent) }],
      schaal,
      signal,
    }),
    table({
      caption: 'Aanvragen en minimum per regio',
      columns: [
        { kop: 'Regio', waarde: (x) => x.naam },
        { kop: 'Aanvragen met geld', getal: true, waarde: (x) => getal(x.gehonoreerd) },
        { kop: 'Aanvragen die mee konden doen', getal: true, waarde: (x) => getal(x.verkiesbaar) },
        { kop: 'Minimum', getal: true, waarde: (x) => getal(x.minimum) },
        { kop: 'Minimum gehaald', waarde: (x) => (x.minimum_gehaald ? 'Ja' : 'Nee') },
      ],
      rows: regios,
    }));
}

/** Per application: status, amounts per year and reasons, with a search. */
function aanvragenSectie(ctx, r, titels, themanamen) {
  const zoek = veld({ pointer: 'zoek', label: 'Zoeken (niet verplicht)', waarde: ctx.query.get('zoek') || '',
    omschrijving: 'Op titel, nummer, regio, thema of de tekst van een reden.' });
  const status = veld({ pointer: 'status', label: 'Status', soort: 'select', waarde: ctx.query.get('status') || '',
    opties: [{ waarde: '', tekst: 'Alle' }, ...Object.entries(SCENARIOSTATUS).map(([w, t]) => ({ waarde: w, tekst: t }))] });
  const form = h('form', { class: 'utrecht-form filter', role: 'search', 'aria-label': 'Aanvragen in dit scenario zoeken', novalidate: true },
    h('div', { class: 'filter__velden' }, zoek.element, status.element),
    h('div', { class: 'utrecht-button-group' }, button('Zoeken', { type: 'submit', kind: 'secondary' })));
  const aantal = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const lijst = h('div');
  const meer = h('div');
  const naam = (a) => aanvraagnaam(titels, a.id);
  const pagina = /^[1-9][0-9]*$/.test(ctx.query.get('limiet') || '') ? Number(ctx.query.get('limiet')) : PAGINA;
  const tekstVan = (a) => [naam(a), a.id, a.regio, a.thema, themanamen[a.thema] || '', a.toepassingsgebied,
    SCENARIOSTATUS[a.status] || a.status, ...a.redenen.map((x) => x.tekst)].join(' ').toLowerCase();

  function rijen(lijstA) {
    return table({
      caption: 'Aanvragen in rangorde, met status, bedrag per jaar en redenen',
      columns: [
        { kop: 'Aanvraag', waarde: (a) => [naam(a), h('span', { class: 'bestuur-klein' }, ` (nummer ${a.id}, ${a.regio})`)] },
        { kop: 'Rang', getal: true, waarde: (a) => String(a.rang) },
        { kop: 'Status', waarde: (a) => nowrap(SCENARIOSTATUS[a.status] || a.status) },
        { kop: 'Gevraagd', getal: true, waarde: (a) => euro(a.gevraagd_cent) },
        { kop: 'Toegekend', getal: true, waarde: (a) => euro(a.toegekend_cent) },
        { kop: 'Per jaar toegekend', waarde: (a) => h('div', { class: 'bestuur-lijst' }, unorderedList(a.per_jaar.map((j) => [`${j.jaar}: `, nowrap(euro(j.toegekend_cent)), ' van ', nowrap(euro(j.gevraagd_cent))]))) },
        { kop: 'Fte', getal: true, waarde: (a) => `${fte(a.fte_gerealiseerd_milli)} van ${fte(a.fte_milli)}` },
        { kop: 'Redenen', waarde: (a) => h('div', { class: 'bestuur-lijst' }, unorderedList(a.redenen.map((x) => x.tekst))) },
      ],
      rows: lijstA,
    });
  }

  function toonLijst() {
    const q = zoek.input.value.trim().toLowerCase();
    const st = status.input.value;
    const gevonden = r.aanvragen.filter((a) => (!st || a.status === st) && (!q || tekstVan(a).includes(q)));
    let getoond = Math.min(pagina, gevonden.length);
    const n = gevonden.length;
    aantal.textContent = n === 0 ? 'Geen aanvragen gevonden.'
      : n === 1 ? '1 aanvraag gevonden.'
        : `${n} aanvragen gevonden${n > getoond ? `; de eerste ${getoond} staan hieronder` : ''}.`;
    replaceChildren(lijst, n ? rijen(gevonden.slice(0, getoond)) : null);
    const knop = button('Meer aanvragen tonen', { kind: 'secondary' });
    knop.addEventListener('click', () => {
      const tot = Math.min(getoond + pagina, n);
      // The new rows go into the same table; the focus moves to the first of them.
      const nieuw = [...rijen(gevonden.slice(getoond, tot)).querySelectorAll('tbody tr')];
      lijst.querySelector('tbody').append(...nieuw);
      getoond = tot;
      aantal.textContent = `${n} aanvragen gevonden; ${getoond} getoond.`;
      if (getoond >= n) {
        replaceChildren(meer);
        const kop = nieuw[0]?.querySelector('th');
        kop?.setAttribute('tabindex', '-1');
        kop?.focus();
      }
    });
    replaceChildren(meer, n > getoond ? paragraph(knop) : null);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (zoek.input.value.trim()) params.set('zoek', zoek.input.value.trim());
    if (status.input.value) params.set('status', status.input.value);
    if (pagina !== PAGINA) params.set('limiet', String(pagina));
    const qs = params.toString();
    ctx.zetUrl(`/verdeelscenarios/${encodeURIComponent(ctx.params.id)}${qs ? `?${qs}` : ''}`);
    toonLijst();
  });
  toonLijst();
  return h('section', { 'aria-labelledby': 'kop-sc-aanvragen' },
    heading(2, 'Aanvragen en hun redenen', { id: 'kop-sc-aanvragen' }),
    paragraph('Waarom een aanvraag haar bedrag wel, deels of niet krijgt: de redenen noemen de regel die bindt en het tekort.'),
    form, aantal, lijst, meer);
}

/** The board's decision: motivation, confirmation, POST /bestuursbesluiten. */
function besluitSectie(ctx, sc, besluit) {
  if (besluit) {
    return h('section', { 'aria-labelledby': 'kop-sc-besluit' },
      heading(2, 'Besluit', { id: 'kop-sc-besluit' }),
      paragraph(besluit.verdeelscenario_id === sc.id
        ? 'Het bestuur heeft dit scenario vastgesteld: '
        : `Het bestuur heeft over deze ronde al besloten, met scenario ${besluit.verdeelscenario_id}: `,
      link(`/bestuursbesluiten/${besluit.id}`, `Bestuursbesluit ${besluit.id}`), '. Een besluit verandert niet.'));
  }
  const motivering = veld({
    pointer: '/motivering', label: 'Motivering', soort: 'textarea',
    omschrijving: 'Waarom dit scenario: kwaliteit, spreiding en maatschappelijke impact. [002 §4.2]',
  });
  const knop = button('Besluit nemen', { type: 'submit' });
  const bevestig = h('div', { class: 'bestuur-bevestig', hidden: true });
  // Plain holders: the components' display would override `hidden`.
  const knopHouder = h('div', {}, h('div', { class: 'utrecht-button-group' }, knop));
  const form = h('form', { class: 'utrecht-form bestuur-formulier', 'aria-labelledby': 'kop-sc-besluit', novalidate: true },
    motivering.element, knopHouder, bevestig);
  const f = formulier(form, [motivering]);
  const status = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const t = sc.resultaat.totalen;

  async function neem(ja, nee) {
    ja.disabled = true;
    nee.disabled = true;
    form.setAttribute('aria-busy', 'true');
    status.textContent = 'Het besluit wordt vastgelegd…';
    try {
      const b = await api.post('/bestuursbesluiten', { verdeelscenario_id: sc.id, motivering: motivering.input.value },
        { signal: ctx.signal, timeoutMs: 10 * 60 * 1000 });
      status.textContent = `Bestuursbesluit ${b.id} is genomen.`;
      ctx.navigate(`/bestuursbesluiten/${b.id}`);
    } catch (fout) {
      if (fout.geannuleerd) return;
      status.textContent = '';
      bevestig.hidden = true;
      knopHouder.hidden = false;
      f.toonFouten(foutMetBron(fout, {
        bekend: ['/motivering'],
        naamVoor: (p) => (p.startsWith('/') ? null : `Boeking ${p}`),
      }), { kop: `Het besluit is niet genomen: ${fout.message}` });
    } finally {
      form.removeAttribute('aria-busy');
      ja.disabled = false;
      nee.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    f.wis();
    const ja = button('Ja, besluit definitief nemen', { kind: 'primary' });
    const nee = button('Nee, terug', { kind: 'secondary' });
    ja.addEventListener('click', () => neem(ja, nee));
    nee.addEventListener('click', () => {
      bevestig.hidden = true;
      knopHouder.hidden = false;
      knop.focus();
    });
    const vraagId = `bevestig-${sc.id}`;
    replaceChildren(bevestig,
      alert('warning', [
        h('p', { class: 'utrecht-paragraph', id: vraagId, tabindex: '-1' },
          h('strong', {}, 'Weet u het zeker? '),
          `Met dit besluit stelt het bestuur scenario “${sc.naam}” vast: ${euro(t.besteed_cent)} voor `
          + `${getal(Number(t.toegekend) + Number(t.verlaagd))} aanvragen. Het geld wordt in het grootboek gereserveerd. `
          + 'Een besluit verandert daarna niet, en er is één besluit per ronde.'),
      ]),
      h('div', { class: 'utrecht-button-group' }, ja, nee));
    bevestig.hidden = false;
    knopHouder.hidden = true;
    bevestig.querySelector(`#${vraagId}`).focus();
  });

  return h('section', { 'aria-labelledby': 'kop-sc-besluit' },
    heading(2, 'Besluit nemen', { id: 'kop-sc-besluit' }),
    paragraph('Het bestuur stelt één scenario per ronde vast als besluit over het totaal. Dat kan pas als alle aanvragen van de ronde zijn beoordeeld, ',
      'en alleen zolang de positief beoordeelde aanvragen precies die van dit scenario zijn.'),
    form, status);
}

export async function toon(ctx) {
  const id = ctx.params.id;
  const sc = await api.get(`/verdeelscenarios/${encodeURIComponent(id)}`, { signal: ctx.signal });
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const [ronde, titels, { bestuursbesluiten }] = await Promise.all([
    api.get(`/indieningsrondes/${sc.indieningsronde_id}`, { signal: ctx.signal }).catch(() => null),
    aanvraagTitels(sc.indieningsronde_id, ctx.signal),
    api.get('/bestuursbesluiten', { query: { indieningsronde: sc.indieningsronde_id }, signal: ctx.signal }),
  ]);
  const themanamen = await themanamenVan(ronde?.catalogusversie ?? 1);
  const r = sc.resultaat;
  ctx.titel(`Verdeelscenario ${sc.naam}`);
  const besluit = bestuursbesluiten[0] || null;
  return [
    heading(1, `Verdeelscenario: ${sc.naam}`),
    paragraph(`Scenario ${sc.id}, verdeelregel ${regelnaam(sc.regel)}, seed `, h('code', { class: 'utrecht-code' }, sc.seed),
      `, berekend op ${datumTijd(sc.aangemaakt_op)} over ${getal(sc.kandidaat_aantal)} aanvragen `,
      `(${sc.regelversie}). Ronde: `,
      link(`/verdeelscenarios?indieningsronde=${sc.indieningsronde_id}`, ronde ? ronde.naam : `ronde ${sc.indieningsronde_id}`), '.'),
    paragraph(h('a', { class: 'utrecht-link utrecht-link--html-a', href: sc.lp, download: `verdeelscenario-${sc.id}.lp` },
      'Het model downloaden (CPLEX LP-formaat, tekst)'),
    ' — om de verdeling met een andere solver na te rekenen.'),
    besluit ? alert('info', paragraph(besluit.verdeelscenario_id === sc.id ? 'Dit scenario is vastgesteld als ' : 'Over deze ronde is besloten met een ander scenario: ',
      link(`/bestuursbesluiten/${besluit.id}`, `Bestuursbesluit ${besluit.id}`), '.')) : null,
    totalenSectie(sc, r),
    lijnenSectie(r, themanamen),
    themaSectie(r, themanamen, ctx.signal),
    regioSectie(r, ctx.signal),
    aanvragenSectie(ctx, r, titels, themanamen),
    parametersSectie(r, themanamen),
    rollen.includes('bestuur') ? besluitSectie(ctx, sc, besluit) : null,
  ];
}
