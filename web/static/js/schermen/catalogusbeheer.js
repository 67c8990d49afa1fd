// SPDX-License-Identifier: EUPL-1.2
//
// Catalogusbeheer (programme office): the published catalogue versions
// (GET /catalogusversies) and the modelplans of the newest one, and
// publishing a new catalogue version (POST /catalogusversies) or a new
// modelplan version (POST /modelplannen/{id}/versies) from a JSON file the
// programme office prepared (docs/catalogus.md §3, §8).
//
// The file is read in the browser (FileReader, with progress) and sent byte
// for byte (api `tekst`): parsing and re-serialising it would change what the
// server checks (a 1.0 would become 1). It is parsed only to preselect what
// it is. The server checks everything and answers every problem at once, each
// with a JSON pointer into the file ("body#/themas"); they are listed as
// "bestand.json#/themas" with the rule's source. Sending can take a while
// for a large catalogue: a busy region with the seconds elapsed and a way
// to cancel keep the page usable.

import { api, ApiFout, request } from '../api.js';
import * as catalogus from '../catalogus.js';
import { button, h, heading, link, paragraph, replaceChildren, table, uniqueId } from '../dom.js';
import { centenUitTekst, datum, datumTijd, euro, euroInvoer } from '../opmaak.js';
import { formulier, tekstveld } from '../formulier.js';
import { keuze, statusregio, toonVeld } from './beheer-velden.js';
import { statusBadge } from './modelplannen.js';

function versietabel(versies) {
  return table({
    caption: 'Gepubliceerde catalogusversies, nieuwste eerst',
    columns: [
      { kop: 'Versie', waarde: (v) => String(v.versie) },
      { kop: 'Gepubliceerd op', waarde: (v) => datum(v.gepubliceerd_op) },
      { kop: 'Opgeslagen op', waarde: (v) => datumTijd(v.opgeslagen_op) },
      { kop: 'Bron', waarde: (v) => v.bron },
      { kop: 'Controlegetal (SHA-256)', waarde: (v) => h('code', { class: 'utrecht-code hash' }, v.sha256) },
    ],
    rows: versies,
  });
}

function modelplantabel(lijst) {
  return table({
    caption: `Modelplannen in catalogusversie ${lijst.catalogusversie}, met hun nieuwste versie`,
    columns: [
      { kop: 'Modelplan', waarde: (m) => link(`/modelplannen/${encodeURIComponent(m.id)}?versie=${m.versie}`, m.naam) },
      { kop: 'Code', waarde: (m) => h('code', { class: 'utrecht-code' }, m.id) },
      { kop: 'Versie', getal: true, waarde: (m) => String(m.versie) },
      { kop: 'Status', waarde: (m) => statusBadge(m.status) },
    ],
    rows: lijst.modelplannen,
  });
}

/** A file input with the field interface of formulier.js. */
function bestandsveld({ label, omschrijving }) {
  const id = uniqueId('bestand');
  const descId = `${id}-omschrijving`;
  const errorId = `${id}-fout`;
  const input = h('input', { class: 'bestandsveld', type: 'file', id, name: 'bestand', accept: 'application/json,.json', 'aria-describedby': descId });
  const errorBox = h('div', { class: 'utrecht-form-field__error-message', id: errorId, hidden: true });
  const element = h('div', { class: 'utrecht-form-field' },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: id }, label)),
    h('div', { class: 'utrecht-form-field__description', id: descId }, h('div', { class: 'utrecht-form-field-description' }, omschrijving)),
    errorBox,
    h('div', { class: 'utrecht-form-field__input' }, input));
  return {
    element,
    input,
    zetFout(melding) {
      errorBox.replaceChildren(h('p', { class: 'utrecht-form-field-error-message' }, melding));
      errorBox.hidden = false;
      element.classList.add('utrecht-form-field--invalid');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${errorId} ${descId}`);
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-field--invalid');
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', descId);
    },
  };
}

/** Reads a file as text; onVoortgang(fraction 0..1) while reading. */
function leesBestand(bestand, onVoortgang, signal) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total) onVoortgang(e.loaded / e.total);
    };
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error || new Error('lezen mislukt'));
    reader.onabort = () => reject(Object.assign(new Error('geannuleerd'), { geannuleerd: true }));
    signal?.addEventListener('abort', () => reader.abort(), { once: true });
    reader.readAsText(bestand, 'utf-8');
  });
}

function grootte(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** "body#/themas" -> "catalogus.json#/themas"; "" -> the file name. */
function plaats(bestandsnaam, veld) {
  if (!veld) return bestandsnaam;
  return veld.startsWith('body#') ? `${bestandsnaam}${veld.slice(4)}` : `${bestandsnaam}#${veld}`;
}

/** The focused summary of a refused file: every problem with its place, rule source and code. */
function weigering(fout, bestandsnaam) {
  const kopId = uniqueId('samenvatting');
  const detail = String(fout.message || '').replace(/^body\b/, bestandsnaam);
  const kop = fout.status === 409 ? 'Het bestand botst met wat al is gepubliceerd' : 'Het bestand is niet gepubliceerd';
  return h('div', { class: 'utrecht-alert utrecht-alert--error foutsamenvatting', tabindex: '-1', 'aria-labelledby': kopId },
    h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' },
      h('h2', { class: 'utrecht-heading-2 foutsamenvatting__kop', id: kopId }, kop),
      paragraph(detail),
      fout.fouten.length ? h('ul', { class: 'utrecht-unordered-list foutsamenvatting__lijst publicatiefouten' },
        fout.fouten.map((x) => h('li', { class: 'utrecht-unordered-list__item' },
          h('code', { class: 'utrecht-code plaats' }, plaats(bestandsnaam, x.veld)), ': ', x.melding,
          x.bron ? ` ${x.bron}` : '',
          x.code ? h('span', { class: 'foutcode' }, ` (${x.code})`) : ''))) : null)));
}

async function publicatieFormulier(ctx, opnieuw, modelplannen) {
  const soort = keuze({
    pointer: '/soort',
    label: 'Wat publiceert u?',
    opties: [
      { waarde: 'catalogus', tekst: 'Een nieuwe catalogusversie' },
      { waarde: 'modelplan', tekst: 'Een nieuwe versie van één modelplan' },
    ],
  });
  const mp = keuze({
    pointer: '/id',
    label: 'Modelplan',
    omschrijving: 'De nieuwe versie wordt gekoppeld aan de nieuwste catalogusversie.',
    opties: modelplannen.map((m) => ({ waarde: m.id, tekst: `${m.naam} (nu versie ${m.versie})` })),
  });
  toonVeld(mp, false);
  soort.input.addEventListener('change', () => toonVeld(mp, soort.input.value === 'modelplan'));
  const bestand = bestandsveld({
    label: 'Bestand (JSON)',
    omschrijving: 'Het volledige document, met alle bedragen in centen als gehele getallen. Een gepubliceerde versie verandert nooit meer.',
  });
  const submit = button('Publiceren', { type: 'submit' });
  const annuleer = button('Annuleren', { kind: 'secondary', hidden: true });
  const voortgang = h('p', { class: 'utrecht-paragraph voortgang', role: 'status' });
  const bezig = h('div', { class: 'publicatie-bezig' }, voortgang);
  const samenvatting = h('div', { class: 'foutsamenvatting-houder' });
  const status = statusregio();
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-publiceren' },
    samenvatting,
    soort.element, mp.element, bestand.element,
    h('div', { class: 'utrecht-button-group' }, submit, annuleer));

  let gelezen = null; // { naam, tekst } of the chosen file
  function wis() {
    replaceChildren(samenvatting);
    bestand.wisFout();
  }

  bestand.input.addEventListener('change', async () => {
    wis();
    status.wis();
    gelezen = null;
    const file = bestand.input.files?.[0];
    if (!file) return;
    try {
      const tekst = await leesBestand(file, (f) => { voortgang.textContent = `Bestand lezen: ${Math.round(f * 100)}%`; }, ctx.signal);
      gelezen = { naam: file.name, tekst };
      let doc = null;
      try {
        doc = JSON.parse(tekst);
      } catch {
        doc = null; // the server names the place of the error; send it anyway
      }
      let wat = 'een bestand dat geen leesbare JSON lijkt; de server zegt bij het publiceren wat er mis is';
      if (doc?.soort === 'modelplan') {
        soort.input.value = 'modelplan';
        if (modelplannen.some((m) => m.id === doc.id)) mp.input.value = doc.id;
        toonVeld(mp, true);
        wat = `een modelplandocument (${doc.id}, versie ${doc.versie})`;
      } else if (doc?.soort === 'catalogus') {
        soort.input.value = 'catalogus';
        toonVeld(mp, false);
        wat = `een catalogusdocument (versie ${doc.versie})`;
      } else if (doc) {
        wat = 'een JSON-document zonder bekende soort';
      }
      voortgang.textContent = `Gelezen: ${file.name} (${grootte(file.size)}), ${wat}.`;
    } catch (err) {
      if (err.geannuleerd) return;
      voortgang.textContent = '';
      bestand.zetFout(`Het bestand kon niet worden gelezen: ${err.message}`);
    }
  });

  let controller = null;
  annuleer.addEventListener('click', () => controller?.abort());

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    wis();
    status.wis();
    if (!gelezen) {
      bestand.zetFout('Kies eerst een bestand.');
      bestand.input.focus();
      return;
    }
    const { naam, tekst } = gelezen;
    const isModelplan = soort.input.value === 'modelplan';
    const pad = isModelplan ? `/modelplannen/${encodeURIComponent(mp.input.value)}/versies` : '/catalogusversies';
    controller = new AbortController();
    const stop = () => controller.abort();
    ctx.signal.addEventListener('abort', stop, { once: true });
    const begin = Date.now();
    const tik = () => {
      const s = Math.floor((Date.now() - begin) / 1000);
      voortgang.textContent = `Bezig met publiceren van ${naam}… ${s === 1 ? '1 seconde' : `${s} seconden`}.`;
    };
    tik();
    const timer = setInterval(tik, 1000);
    submit.disabled = true;
    annuleer.hidden = false;
    bezig.setAttribute('aria-busy', 'true');
    form.setAttribute('aria-busy', 'true');
    try {
      const antwoord = await request('POST', pad, { tekst, signal: controller.signal, timeoutMs: 300000 });
      voortgang.textContent = '';
      catalogus.vergeet();
      const klaar = isModelplan
        ? [`${antwoord.modelplan} versie ${antwoord.versie} is gepubliceerd, gekoppeld aan catalogusversie ${antwoord.catalogusversie}. `,
          link(`/modelplannen/${encodeURIComponent(antwoord.modelplan)}?versie=${antwoord.versie}`, `Bekijk versie ${antwoord.versie}`)]
        : [`Catalogusversie ${antwoord.catalogusversie} is gepubliceerd`,
          antwoord.nieuwe_modelplanversies
            ? `, met ${antwoord.nieuwe_modelplanversies === 1 ? '1 nieuwe modelplanversie' : `${antwoord.nieuwe_modelplanversies} nieuwe modelplanversies`}.`
            : '.'];
      status.zet(h('div', { class: 'utrecht-alert utrecht-alert--ok' },
        h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' }, paragraph(...klaar)))));
      form.reset();
      toonVeld(mp, false);
      gelezen = null;
      await opnieuw();
    } catch (fout) {
      if (fout.geannuleerd) {
        voortgang.textContent = ctx.signal.aborted ? '' : 'Publiceren geannuleerd. Als het bestand al was verstuurd, kan het toch zijn gepubliceerd: kijk in de lijst hieronder.';
        if (!ctx.signal.aborted) await opnieuw().catch(() => {});
        return;
      }
      voortgang.textContent = '';
      if (!(fout instanceof ApiFout)) throw fout;
      const s = weigering(fout, naam);
      replaceChildren(samenvatting, s);
      bestand.zetFout(fout.fouten.length
        ? `Dit bestand is geweigerd: ${fout.fouten.length === 1 ? '1 probleem' : `${fout.fouten.length} problemen`}, zie de lijst bovenaan.`
        : 'Dit bestand is geweigerd, zie de melding bovenaan.');
      s.focus();
    } finally {
      clearInterval(timer);
      ctx.signal.removeEventListener('abort', stop);
      controller = null;
      submit.disabled = false;
      annuleer.hidden = true;
      bezig.removeAttribute('aria-busy');
      form.removeAttribute('aria-busy');
    }
  });

  return h('section', { 'aria-labelledby': 'kop-publiceren' },
    heading(2, 'Publiceren', { id: 'kop-publiceren' }),
    paragraph('Kies het bestand met de nieuwe catalogusversie of de nieuwe versie van een modelplan. '
      + 'De server controleert het hele document en noemt alle problemen tegelijk, met de plaats in het bestand. '
      + 'Bij een probleem wordt niets opgeslagen.'),
    status.element,
    bezig,
    form);
}

/**
 * The common changes as a form (issue 18): the themes' target budgets in
 * euros (richtbedrag) and the dates of the terms. The macrobedrag and the
 * chosen impact bar are the board's framework decision (/kaderbesluiten,
 * docs/bestuur.md §4a): shown here, not changed. The newest version is
 * fetched, changed in these fields only (and its modelplans brought to their
 * newest versions), and published as the next version (POST
 * /catalogusversies): the server checks it as any file. The current version
 * is a download to start from.
 */
async function wijzigFormulier(ctx, opnieuw, nieuwste) {
  const doc = await api.get(`/catalogusversies/${nieuwste}`, { signal: ctx.signal });
  const velden = [];
  const themaVelden = doc.themas.map((t, i) => {
    const richt = tekstveld({ pointer: `/themas/${i}/richtbedrag_cent`, label: `${t.naam}: richtbedrag in euro`,
      omschrijving: t.macrobedrag_cent === null ? 'Het bestuur stelde nog geen macrobedrag vast.'
        : `Macrobedrag ${euro(t.macrobedrag_cent)}, vastgesteld door het bestuur in een kaderbesluit.`,
      waarde: t.richtbedrag_cent === null ? '' : euroInvoer(t.richtbedrag_cent), klasse: 'veld--bedrag', inputmode: 'decimal' });
    velden.push(richt);
    return { t, richt };
  });
  const lat = doc.impactlatten.find((l) => l.id === doc.gekozen_impactlat_id);
  const kader = paragraph(`Gekozen impactlat: ${lat ? `${lat.id}: ${lat.naam}` : 'nog niet gekozen'}. Het macrobedrag per thema en de `
    + 'impactlat stelt het bestuur vast in een ', link('/kaderbesluiten', 'kaderbesluit'), ' [001 "Vervolgproces"].');
  const termijnVelden = (doc.termijnen || []).map((t, i) => {
    const v = tekstveld({ pointer: `/termijnen/${i}/datum`, label: `${t.naam} (niet verplicht)`, type: 'date', waarde: t.datum || '' });
    velden.push(v);
    return { t, v };
  });
  const submit = button(`Vastleggen als versie ${doc.versie + 1}`, { type: 'submit' });
  const status = statusregio();
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-wijzigen' },
    heading(3, 'Budgetten per thema'), kader, themaVelden.map((x) => x.richt.element),
    heading(3, 'Termijnen'), termijnVelden.map((x) => x.v.element),
    h('div', { class: 'utrecht-button-group' }, submit));
  const f = formulier(form, velden);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (submit.disabled) return;
    f.wis();
    status.wis();
    const fouten = {};
    const bedrag = (veld, verplicht) => {
      const tekst = veld.input.value.trim();
      if (!tekst) {
        if (verplicht) fouten[veld.pointer] = ['Vul een bedrag in euro in.'];
        return null;
      }
      const c = centenUitTekst(tekst);
      if (c === null) fouten[veld.pointer] = ['Schrijf een bedrag in euro, zoals 275.000.000 of 1.250,50.'];
      return c === null ? null : Number(c);
    };
    const nieuw = structuredClone(doc);
    nieuw.versie = doc.versie + 1;
    nieuw.vorige_versie = doc.versie;
    nieuw.gepubliceerd_op = new Date().toISOString().slice(0, 10);
    themaVelden.forEach(({ richt }, i) => { nieuw.themas[i].richtbedrag_cent = bedrag(richt, true); });
    termijnVelden.forEach(({ v }, i) => { nieuw.termijnen[i].datum = v.input.value || null; });
    if (Object.keys(fouten).length) {
      f.toonFouten({ velden: fouten, algemeen: [] }, { kop: 'Controleer het formulier' });
      return;
    }
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      // a modelplan published on its own since this version: the new version carries its newest
      nieuw.modelplannen = await Promise.all(nieuw.modelplannen.map(async (mp) => {
        const laatste = (await api.get(`/modelplannen/${encodeURIComponent(mp.id)}`, { signal: ctx.signal })).modelplan;
        return laatste.versie > mp.versie ? laatste : mp;
      }));
      const r = await api.post('/catalogusversies', nieuw, { signal: ctx.signal });
      status.zet(paragraph(`Catalogusversie ${r.versie ?? nieuw.versie} is gepubliceerd.`));
      await opnieuw();
    } catch (fout) {
      if (fout.geannuleerd) return;
      // the server's pointers are into the body ("body#/themas/0/richtbedrag_cent")
      for (const x of fout.fouten || []) if (x.veld) x.veld = x.veld.replace(/^body#/, '');
      f.toonFouten(fout, { kop: 'De wijziging is niet gepubliceerd' });
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  return h('section', { 'aria-labelledby': 'kop-wijzigen' },
    heading(2, 'Veelvoorkomende wijzigingen', { id: 'kop-wijzigen' }),
    paragraph(`Wijzig de richtbedragen of de termijnen van versie ${doc.versie} en publiceer het geheel als `
      + `versie ${doc.versie + 1}; de rest blijft zoals het is. Bedragen typt u in euro.`),
    paragraph(h('a', { class: 'utrecht-link utrecht-link--html-a', href: `/api/v1/catalogusversies/${doc.versie}`,
      download: `catalogus-v${doc.versie}.json` }, `Download versie ${doc.versie} (JSON) om er een bestand van te maken`)),
    form, status.element);
}

export async function toon(ctx) {
  const [versies, mps] = await Promise.all([
    api.get('/catalogusversies', { signal: ctx.signal }),
    api.get('/modelplannen', { signal: ctx.signal }),
  ]);
  const versieHouder = h('div', {}, versietabel(versies.catalogusversies));
  const mpHouder = h('div', {}, modelplantabel(mps));
  const opnieuw = async () => {
    const [v, m] = await Promise.all([
      api.get('/catalogusversies', { signal: ctx.signal }),
      api.get('/modelplannen', { signal: ctx.signal }),
    ]);
    replaceChildren(versieHouder, versietabel(v.catalogusversies));
    replaceChildren(mpHouder, modelplantabel(m));
  };
  return [
    heading(1, 'Catalogusbeheer'),
    paragraph('De catalogus legt thema’s, toepassingsgebieden, modelplannen, basiseisen, termijnen en budgetten vast. '
      + 'Een gepubliceerde versie verandert nooit; een wijziging is altijd een nieuwe versie. '
      + 'Aanvragen blijven gebonden aan de modelplanversie waarop ze zijn gemaakt.'),
    await wijzigFormulier(ctx, opnieuw, versies.catalogusversies[0].versie),
    await publicatieFormulier(ctx, opnieuw, mps.modelplannen),
    h('section', { 'aria-labelledby': 'kop-versies' },
      heading(2, 'Catalogusversies', { id: 'kop-versies' }),
      versieHouder),
    h('section', { 'aria-labelledby': 'kop-modelplannen' },
      heading(2, 'Modelplannen', { id: 'kop-modelplannen' }),
      mpHouder),
  ];
}
