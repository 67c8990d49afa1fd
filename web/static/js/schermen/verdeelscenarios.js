// SPDX-License-Identifier: EUPL-1.2
//
// Verdeelscenario's (bestuur, programmabureau, auditor): the scenarios of a
// closed round (GET /verdeelscenarios?indieningsronde=), two to eight of
// them chosen to put side by side, the round's decision
// (GET /bestuursbesluiten?indieningsronde=), and for the board the form
// "Nieuw scenario" (POST /verdeeltaken, docs/bestuur.md §3.1): name,
// rule, seed and the optional parameters with their defaults explained.
//
// Computing is a job on the server and can take seconds to minutes: while
// it runs the form is aria-busy, a role="status" text gives its progress
// (every 5 seconds), a button cancels the job on the server (nothing is
// stored), and the rest of the page stays usable. The API's validation errors go to their fields (pointers
// /naam, /regel, /parameters/...) and to the summary, with their sources.

import { api, ApiFout } from '../api.js';
import * as catalogus from '../catalogus.js';
import { button, h, heading, link, paragraph, table, uniqueId } from '../dom.js';
import { formulier, groep, keuzerondjes } from '../formulier.js';
import { datum, datumTijd, euro, toBigInt } from '../opmaak.js';
import {
  REGELS, bpUitTekst, centen, foutMetBron, fte, geheelUitTekst, gekozenRonde, geslotenRondes, invoer,
  milliUitTekst, regelnaam, rondekeuze, veld,
} from './bestuur-gemeen.js';

const POLL_MS = 500; // how often the job's state is asked
const TIK_S = 5; // the progress text changes every 5 seconds (not every second: screen readers read it)

function besluitSectie(besluiten) {
  const b = besluiten[0];
  return h('section', { 'aria-labelledby': 'kop-besluit' },
    heading(2, 'Besluit van het bestuur', { id: 'kop-besluit' }),
    b ? paragraph(`Het bestuur heeft over deze ronde besloten op ${datumTijd(b.genomen_op)}, met scenario ${b.verdeelscenario_id}: `,
      link(`/bestuursbesluiten/${b.id}`, `Bestuursbesluit ${b.id}`),
      ` (${euro(b.toegekend_cent)} voor ${b.aanvraag_aantal} aanvragen). Een besluit verandert niet; er is één besluit per ronde.`)
      : paragraph('Er is nog geen besluit over deze ronde. Het bestuur neemt het besluit vanuit een scenario: open het scenario en kies “Besluit nemen”.'));
}

/** The scenarios with a checkbox each, to compare 2 to 8 of them. */
function lijstSectie(ctx, scenarios, besluiten) {
  const gekozen = new Set(besluiten.map((b) => b.verdeelscenario_id));
  if (!scenarios.length) {
    return h('section', { 'aria-labelledby': 'kop-scenarios' },
      heading(2, 'Scenario’s van deze ronde', { id: 'kop-scenarios' }),
      paragraph('Er zijn nog geen scenario’s voor deze ronde.'));
  }
  const vakjes = new Map();
  const rijen = scenarios.map((s) => {
    const id = uniqueId('kies');
    const vakje = h('input', { class: 'utrecht-checkbox utrecht-checkbox--html-input', type: 'checkbox', id, name: 'ids', value: String(s.id) });
    vakjes.set(s.id, vakje);
    return { s, kies: h('div', { class: 'bestuur-kies' }, vakje,
      h('label', { class: 'utrecht-form-label utrecht-form-label--checkbox', for: id }, 'Vergelijk', h('span', { class: 'bestuur-sr' }, ` ${s.naam}`))) };
  });
  const errorId = uniqueId('fout');
  const errorBox = h('div', { class: 'utrecht-form-field__error-message', id: errorId, hidden: true });
  const fieldset = h('fieldset', { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset bestuur-groep' },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' },
      'Kies twee tot acht scenario’s om naast elkaar te zetten'),
    errorBox,
    table({
      caption: 'Scenario’s van deze ronde, oudste eerst',
      columns: [
        { kop: 'Scenario', waarde: (r) => [link(`/verdeelscenarios/${r.s.id}`, r.s.naam), gekozen.has(r.s.id) ? ' (gekozen in het besluit)' : ''] },
        { kop: 'Nummer', getal: true, waarde: (r) => String(r.s.id) },
        { kop: 'Regel', waarde: (r) => h('span', { class: 'bestuur-nowrap' }, regelnaam(r.s.regel)) },
        { kop: 'Seed', waarde: (r) => h('code', { class: 'utrecht-code' }, r.s.seed) },
        { kop: 'Fte', getal: true, waarde: (r) => fte(r.s.fte_milli) },
        { kop: 'Besteed', getal: true, waarde: (r) => euro(r.s.besteed_cent) },
        { kop: 'Berekend op', waarde: (r) => datumTijd(r.s.aangemaakt_op) },
        { kop: 'Vergelijken', waarde: (r) => r.kies },
      ],
      rows: rijen,
    }));
  const eerste = [...vakjes.values()][0];
  const pseudo = {
    pointer: 'ids',
    label: 'Vergelijken',
    input: eerste,
    zetFout(meldingen) {
      errorBox.replaceChildren(...meldingen.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
      errorBox.hidden = false;
      fieldset.setAttribute('aria-describedby', errorId);
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      fieldset.removeAttribute('aria-describedby');
    },
  };
  const form = h('form', { class: 'utrecht-form', 'aria-labelledby': 'kop-scenarios', novalidate: true },
    fieldset,
    h('div', { class: 'utrecht-button-group' }, button('Gekozen scenario’s vergelijken', { type: 'submit', kind: 'secondary' })));
  const f = formulier(form, [pseudo]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ids = scenarios.filter((s) => vakjes.get(s.id).checked).map((s) => s.id);
    if (ids.length < 2 || ids.length > 8) {
      f.toonFouten({ velden: { ids: [`Kies twee tot acht scenario’s; u koos er ${ids.length}.`] } }, { kop: 'Vergelijken kan nog niet' });
      return;
    }
    ctx.navigate(`/verdeelscenarios/vergelijking?ids=${ids.join(',')}`);
  });
  return h('section', { 'aria-labelledby': 'kop-scenarios' },
    heading(2, 'Scenario’s van deze ronde', { id: 'kop-scenarios' }),
    form);
}

/** Defaults the server will use, shown beside the fields (from the round's catalogue version). */
function standaarden(doc, ronde) {
  const pot = (doc.potten || []).find((p) => p.id === 'zvw') || (doc.potten || [])[0] || null;
  const themas = (doc.themas || []).filter((t) => !pot || t.pot_id === pot.id).map((t) => ({
    id: t.id,
    naam: t.naam,
    cent: t.macrobedrag_cent ?? t.richtbedrag_cent,
    soort: t.macrobedrag_cent === null || t.macrobedrag_cent === undefined ? 'richtbedrag' : 'macrobedrag',
  }));
  const jaren = (pot?.tranches || []).map((t) => ({ jaar: t.jaar, cent: t.bedrag_cent, soort: 'tranche' }));
  const tot = pot?.bestedingsperiode?.tot_en_met_jaar;
  if (ronde?.uitloopjaar_toegestaan && tot && jaren.length) {
    for (let j = jaren[jaren.length - 1].jaar + 1; j <= tot; j++) jaren.push({ jaar: j, cent: 0, soort: 'uitloopjaar' });
  }
  return { pot, themas, jaren, impactlatten: doc.impactlatten || [] };
}

function nieuwSectie(ctx, rondeId, ronde, doc) {
  const std = standaarden(doc, ronde);
  const naam = veld({ pointer: '/naam', label: 'Naam van het scenario', omschrijving: 'Zodat u het scenario terugvindt, bijvoorbeeld “optimaal juni”.' });
  const regel = keuzerondjes({
    pointer: '/regel',
    label: 'Verdeelregel',
    klasse: 'bestuur-groep',
    optiesKlasse: null,
    opties: Object.entries(REGELS).map(([waarde, r]) => ({ waarde, tekst: r.naam, uitleg: r.uitleg })),
  });
  const seed = veld({
    pointer: '/parameters/seed',
    label: 'Seed voor de loting',
    omschrijving: 'Staan twee aanvragen gelijk, dan beslist een loting met deze openbare tekst, nooit het moment van indienen. '
      + 'Met de seed kan iedereen de loting nadoen. [001 “Werkwijze”]',
  });
  const themaVelden = std.themas.map((t, i) => veld({
    pointer: `/parameters/themas/${i}/budget_cent`,
    label: `${t.naam}, in euro (niet verplicht)`,
    omschrijving: `Standaard ${euro(t.cent)} (${t.soort}).`,
    inputmode: 'decimal',
  }));
  const themas = groep({
    pointer: '/parameters/themas',
    label: 'Budget per thema',
    klasse: 'bestuur-groep',
    omschrijving: 'Leeg: het budget van de catalogus. Vult u één thema in, dan gaan de andere met hun standaard mee. [002 §4.1]',
    inhoud: h('div', { class: 'bestuur-groep__velden' }, themaVelden.map((v) => v.element)),
    eerste: () => themaVelden[0].input,
  });
  const verschuivingBp = veld({
    pointer: '/parameters/verschuiving_bp', label: 'Verschuiving tussen thema’s, in procenten van het themabudget (niet verplicht)',
    omschrijving: 'Standaard 0: er gaat geen geld van het ene naar het andere thema. Geld schuift alleen naar een thema als een ander thema het laat liggen. [002 §4.1]',
    inputmode: 'decimal', klasse: 'veld--kort',
  });
  const verschuivingCent = veld({
    pointer: '/parameters/verschuiving_cent', label: 'Of: verschuiving tussen thema’s, in euro (niet verplicht)',
    omschrijving: 'In plaats van een percentage: geef er één van beide.', inputmode: 'decimal',
  });
  const fonds = veld({
    pointer: '/parameters/fonds_cent', label: 'Fonds, in euro (niet verplicht)',
    omschrijving: std.pot ? `Standaard de Zvw-pot: ${euro(std.pot.bedrag_cent)}. [001 §3]` : 'Standaard de Zvw-pot. [001 §3]',
    inputmode: 'decimal',
  });
  const jaartoets = veld({
    pointer: '/parameters/jaartoets', label: 'Toets per jaar', soort: 'select',
    omschrijving: 'Cumulatief: wat een jaar niet gebruikt, schuift door naar de volgende jaren (standaard). Per jaar: elk jaar apart binnen zijn limiet. [003 §8b]',
    opties: [{ waarde: '', tekst: 'Standaard (cumulatief)' }, { waarde: 'cumulatief', tekst: 'Cumulatief' }, { waarde: 'per_jaar', tekst: 'Per jaar' }],
  });
  const jaarVelden = std.jaren.map((j, i) => veld({
    pointer: `/parameters/jaren/${i}/limiet_cent`,
    label: `Limiet ${j.jaar}, in euro (niet verplicht)`,
    omschrijving: `Standaard ${euro(j.cent)} (${j.soort === 'tranche' ? 'de tranche' : 'uitloopjaar: alleen wat eerdere jaren overlaten'}).`,
    inputmode: 'decimal',
  }));
  const jaren = jaarVelden.length ? groep({
    pointer: '/parameters/jaren',
    label: 'Limiet per jaar',
    klasse: 'bestuur-groep',
    omschrijving: 'Leeg: de tranches van de pot. Vult u één jaar in, dan gaan de andere met hun standaard mee. [003 §8b]',
    inhoud: h('div', { class: 'bestuur-groep__velden' }, jaarVelden.map((v) => v.element)),
    eerste: () => jaarVelden[0].input,
  }) : null;
  const lat = veld({
    pointer: '/parameters/impactlat_id', label: 'Impactlat', soort: 'select',
    omschrijving: 'Alleen aanvragen met minstens zoveel fte per € 1 mln doen mee. [001 Gupta “Samenvatting”]',
    opties: [
      { waarde: '', tekst: `Standaard (de lat van de ronde${ronde?.impactlat_id ? `: ${ronde.impactlat_id}` : ''})` },
      ...std.impactlatten.map((l) => ({ waarde: l.id, tekst: `${l.id}: ${l.naam}` })),
      { waarde: 'geen', tekst: 'Geen impactlat' },
    ],
  });
  const latHoogte = veld({
    pointer: '/parameters/impactlat_fte_per_miljoen_milli', label: 'Eigen hoogte van de lat, in fte per € 1 mln (niet verplicht)',
    omschrijving: 'Leeg: de hoogte uit de catalogus.', inputmode: 'decimal', klasse: 'veld--kort',
  });
  const deel = veld({
    pointer: '/parameters/deelfinanciering', label: 'Gedeeltelijke toekenning', soort: 'select',
    omschrijving: 'Met gedeeltelijke toekenning krijgt een aanvraag niets of minstens het minimumaandeel van haar modelplan (standaard). Pro rata heeft dit nodig. [002 §4.2]',
    opties: [{ waarde: '', tekst: 'Standaard (ja)' }, { waarde: 'ja', tekst: 'Ja' }, { waarde: 'nee', tekst: 'Nee: alleen volledig of niets' }],
  });
  const regioMax = veld({
    pointer: '/parameters/regio_max_aandeel_bp', label: 'Hoogstens dit deel van een themabudget per regio, in procenten (niet verplicht)',
    omschrijving: 'Standaard geen grens.', inputmode: 'decimal', klasse: 'veld--kort',
  });
  const regioMinCent = veld({
    pointer: '/parameters/regio_minimum_cent', label: 'Minimum per regio, in euro (niet verplicht)',
    omschrijving: 'Elke regio met een aanvraag die past, krijgt minstens dit bedrag. Standaard geen minimum.', inputmode: 'decimal',
  });
  const regioMinAantal = veld({
    pointer: '/parameters/regio_minimum_aantal', label: 'Of: minimum aantal gehonoreerde aanvragen per regio (niet verplicht)',
    omschrijving: 'In plaats van een bedrag: geef er één van beide.', inputmode: 'numeric', klasse: 'veld--kort',
  });
  const delta = veld({
    pointer: '/parameters/marginaal_delta_cent', label: 'Stap voor de marginale waarde, in euro (niet verplicht)',
    omschrijving: 'Standaard € 1.000.000: hoeveel fte een bindende regel met zoveel meer geld zou opleveren. 0: geen marginale waarden (veel sneller bij duizenden aanvragen).',
    inputmode: 'decimal',
  });
  const knopen = veld({
    pointer: '/parameters/knopen_max', label: 'Rekengrens van de optimale regel, in knopen (niet verplicht)',
    omschrijving: 'Standaard 200.000. Bereikt de berekening de grens, dan zegt het scenario hoe ver het van het bewezen optimum kan liggen.',
    inputmode: 'numeric', klasse: 'veld--kort',
  });

  const parametersBox = h('details', { class: 'bestuur-parameters' },
    h('summary', { class: 'bestuur-parameters__kop' }, 'Parameters (niet verplicht; leeg laten geeft de standaard)'),
    themas.element, verschuivingBp.element, verschuivingCent.element, fonds.element, jaartoets.element,
    jaren?.element, lat.element, latHoogte.element, deel.element, regioMax.element, regioMinCent.element,
    regioMinAantal.element, delta.element, knopen.element);
  const knop = button('Scenario berekenen', { type: 'submit' });
  const form = h('form', { class: 'utrecht-form bestuur-formulier', 'aria-labelledby': 'kop-nieuw', novalidate: true },
    naam.element, regel.element, seed.element, parametersBox,
    h('div', { class: 'utrecht-button-group' }, knop));
  const alle = [naam, regel, seed, themas, ...themaVelden, verschuivingBp, verschuivingCent, fonds, jaartoets,
    ...(jaren ? [jaren, ...jaarVelden] : []), lat, latHoogte, deel, regioMax, regioMinCent, regioMinAantal, delta, knopen];
  const f = formulier(form, alle);
  const bovenaan = new Set(['/naam', '/regel', '/parameters/seed']);

  const voortgang = h('p', { class: 'utrecht-paragraph bestuur-voortgang', role: 'status' });
  let controller = null;
  // A plain holder: utrecht-button-group's display would override `hidden`.
  const afbreken = h('div', { hidden: true }, h('div', { class: 'utrecht-button-group' },
    button('Berekening afbreken', { kind: 'secondary', onClick: () => afbreek() })));

  // A typed value the client cannot turn into the API's integer: the API
  // refuses it (the request still reports every other problem at once), and
  // the field says what to type instead of naming the API's unit (cents).
  const FORMAAT = {
    [centen.name]: 'Typ een bedrag in euro, zoals 15.000.000 of 1.234,56.',
    [bpUitTekst.name]: 'Typ een percentage, zoals 10 of 12,5.',
    [milliUitTekst.name]: 'Typ een getal, zoals 17 of 17,5.',
    [geheelUitTekst.name]: 'Typ een geheel getal, zoals 200.000.',
  };
  let formaat = {};
  function lees(veldX, parse) {
    const v = invoer(veldX.input.value, parse);
    if (typeof v === 'string') formaat[veldX.pointer] = FORMAAT[parse.name];
    return v;
  }

  function body() {
    formaat = {};
    const p = {};
    const zet = (k, v) => { if (v !== undefined) p[k] = v; };
    if (seed.input.value !== '') p.seed = seed.input.value;
    if (themaVelden.some((v) => v.input.value.trim())) {
      p.themas = std.themas.map((t, i) => ({ id: t.id, budget_cent: lees(themaVelden[i], centen) ?? toBigIntNumber(t.cent) }));
    }
    zet('verschuiving_bp', lees(verschuivingBp, bpUitTekst));
    zet('verschuiving_cent', lees(verschuivingCent, centen));
    zet('fonds_cent', lees(fonds, centen));
    if (jaartoets.input.value) p.jaartoets = jaartoets.input.value;
    if (jaarVelden.some((v) => v.input.value.trim())) {
      p.jaren = std.jaren.map((j, i) => ({ jaar: j.jaar, limiet_cent: lees(jaarVelden[i], centen) ?? toBigIntNumber(j.cent) }));
    }
    if (lat.input.value === 'geen') p.impactlat_id = null;
    else if (lat.input.value) p.impactlat_id = lat.input.value;
    zet('impactlat_fte_per_miljoen_milli', lees(latHoogte, milliUitTekst));
    if (deel.input.value) p.deelfinanciering = deel.input.value === 'ja';
    zet('regio_max_aandeel_bp', lees(regioMax, bpUitTekst));
    zet('regio_minimum_cent', lees(regioMinCent, centen));
    zet('regio_minimum_aantal', lees(regioMinAantal, geheelUitTekst));
    zet('marginaal_delta_cent', lees(delta, centen));
    zet('knopen_max', lees(knopen, geheelUitTekst));
    return { naam: naam.input.value, indieningsronde_id: Number(rondeId), regel: regel.waarde() || undefined, parameters: p };
  }

  // The scenario is a job (POST /verdeeltaken, docs/bestuur.md §3.1): placed
  // at once (every problem with the request comes back then), computed by
  // the server, polled here; "afbreken" cancels it on the server, and a
  // cancelled job stores nothing.
  let taakId = null;
  function voortgangTekst(taak, start) {
    const s = Math.floor((Date.now() - start) / 1000);
    const tijd = s >= TIK_S ? ` (${s} seconden)` : '';
    if (taak.status === 'wachtend') return `Het scenario staat klaar om te worden berekend${tijd}; u kunt intussen verder op de pagina of de berekening afbreken.`;
    const knopen = taak.voortgang?.knopen ? `: ${new Intl.NumberFormat('nl-NL').format(taak.voortgang.knopen)} mogelijkheden bekeken` : '';
    return `Het scenario wordt berekend${knopen}${tijd}. Dit kan seconden tot minuten duren; u kunt intussen verder op de pagina of de berekening afbreken.`;
  }

  async function afbreek() {
    controller?.abort();
    if (taakId === null) return;
    try {
      await api.post(`/verdeeltaken/${taakId}/annulering`, {});
    } catch {
      // already ended: the poll shows how
    }
  }

  async function bereken() {
    controller = new AbortController();
    const signal = AbortSignal.any ? AbortSignal.any([ctx.signal, controller.signal]) : controller.signal;
    const start = Date.now();
    let laatste = { status: 'bezig' };
    voortgang.textContent = voortgangTekst(laatste, start);
    const tik = setInterval(() => { voortgang.textContent = voortgangTekst(laatste, start); }, TIK_S * 1000);
    form.setAttribute('aria-busy', 'true');
    knop.disabled = true;
    afbreken.hidden = false;
    try {
      const taak = await api.post('/verdeeltaken', body(), { signal });
      taakId = taak.id;
      laatste = taak;
      while (!['klaar', 'mislukt', 'geannuleerd'].includes(laatste.status)) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (ctx.signal.aborted) return;
        laatste = await api.get(`/verdeeltaken/${taakId}`, { signal: ctx.signal });
      }
      if (laatste.status === 'geannuleerd') {
        voortgang.textContent = 'De berekening is afgebroken; er is niets bewaard.';
        return;
      }
      if (laatste.status === 'mislukt') {
        const p = laatste.fout || {};
        throw new ApiFout(p.status || 500, p.detail || 'Het scenario is niet berekend.', {
          code: p.code || null,
          fouten: (p.errors || []).map((x) => ({ veld: x.name || '', code: x.code || null, melding: x.detail || '', bron: x.bron || null })),
        });
      }
      f.wis();
      voortgang.textContent = `Het scenario “${taak.naam}” is berekend.`;
      ctx.navigate(`/verdeelscenarios/${laatste.verdeelscenario_id}`);
    } catch (fout) {
      if (ctx.signal.aborted) return;
      if (fout.geannuleerd) {
        voortgang.textContent = 'De berekening is afgebroken; er is niets bewaard.';
        return;
      }
      voortgang.textContent = '';
      const bekend = alle.map((v) => v.pointer);
      if ((fout.fouten || []).some((x) => x.veld && !bovenaan.has(x.veld) && bekend.includes(x.veld))) parametersBox.open = true;
      const getoond = foutMetBron(fout, { bekend });
      for (const [pointer, melding] of Object.entries(formaat)) getoond.velden[pointer] = [melding];
      f.toonFouten(getoond, { kop: 'Het scenario is niet berekend' });
    } finally {
      clearInterval(tik);
      form.removeAttribute('aria-busy');
      knop.disabled = false;
      afbreken.hidden = true;
      controller = null;
      taakId = null;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!controller) bereken();
  });

  return h('section', { 'aria-labelledby': 'kop-nieuw' },
    heading(2, 'Nieuw scenario', { id: 'kop-nieuw' }),
    paragraph('Een scenario verdeelt het geld over de positief beoordeelde aanvragen van de ronde volgens een verdeelregel. ',
      'Het wordt voorgoed bewaard; dezelfde invoer geeft altijd dezelfde uitkomst. Alleen de naam, de regel en de seed zijn verplicht.'),
    form, voortgang, afbreken);
}

function toBigIntNumber(v) {
  const n = toBigInt(v);
  return Number.isSafeInteger(Number(n)) ? Number(n) : n.toString();
}

export async function toon(ctx) {
  ctx.titel('Verdeelscenario’s');
  const rondes = await geslotenRondes(ctx.signal);
  const kop = heading(1, 'Verdeelscenario’s');
  const intro = paragraph('Bij over- of ondertekening stuurt het bestuur bij op kwaliteit, spreiding en maatschappelijke impact, nooit op snelheid. ',
    'Een verdeelscenario rekent een verdeling door; scenario’s zet u naast elkaar, en één scenario stelt het bestuur vast als besluit. [002 §4.2]');
  const rondeId = gekozenRonde(ctx, rondes);
  if (!rondeId) {
    return [kop, intro, paragraph('Er is nog geen gesloten indieningsronde. Scenario’s rekenen met de beoordeelde aanvragen van een gesloten ronde.')];
  }
  const ronde = rondes.find((r) => String(r.id) === rondeId);
  const [{ verdeelscenarios }, { bestuursbesluiten }, doc] = await Promise.all([
    api.get('/verdeelscenarios', { query: { indieningsronde: rondeId }, signal: ctx.signal }),
    api.get('/bestuursbesluiten', { query: { indieningsronde: rondeId }, signal: ctx.signal }),
    ronde ? catalogus.catalogusDocument(ronde.catalogusversie).catch(() => ({})) : Promise.resolve({}),
  ]);
  if (ronde) ctx.titel(`Verdeelscenario’s ${ronde.naam}`);
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  return [
    kop,
    intro,
    rondekeuze(ctx, rondes, rondeId, '/verdeelscenarios'),
    ronde ? paragraph(`Ronde “${ronde.naam}”, gesloten op ${datum(ronde.sluit_op.slice(0, 10))}. `,
      link(`/macrooverzicht?indieningsronde=${ronde.id}`, 'Het macro-overzicht van deze ronde')) : null,
    besluitSectie(bestuursbesluiten),
    lijstSectie(ctx, verdeelscenarios, bestuursbesluiten),
    rollen.includes('bestuur') ? nieuwSectie(ctx, rondeId, ronde, doc) : null,
  ];
}
