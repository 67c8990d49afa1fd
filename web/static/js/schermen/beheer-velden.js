// SPDX-License-Identifier: EUPL-1.2
//
// beheer-velden.js -- shared pieces of the programme office's and the
// administrator's screens (indieningsrondes, catalogusbeheer, organisaties,
// gebruikers, apitokens): form fields that formulier.js does not have (a
// select with an error, a checkbox, a group of checkboxes, a moment as date
// + time in Dutch time), reading every page of a paged list, paging links,
// and a status region for news after a form succeeded.
//
// Each field has the interface formulier.js expects: { element, input,
// pointer, label, zetFout(meldingen), wisFout() }, so API errors land at the
// field and in the summary like everywhere else.

import { api } from '../api.js';
import { h, linkList, replaceChildren, uniqueId } from '../dom.js';

// --- field frame ------------------------------------------------------------

/** The error box + invalid state of a field; `inputs` get aria-invalid/-describedby. */
function foutHouder(element, inputs, descId) {
  const errorId = uniqueId('fout');
  const errorBox = h('div', { class: 'utrecht-form-field__error-message', id: errorId, hidden: true });
  function describedBy(withError) {
    const ids = [withError ? errorId : null, descId].filter(Boolean);
    for (const input of inputs()) {
      if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
      else input.removeAttribute('aria-describedby');
    }
  }
  describedBy(false);
  return {
    errorBox,
    zetFout(meldingen) {
      errorBox.replaceChildren(...meldingen.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
      errorBox.hidden = false;
      element.classList.add('utrecht-form-field--invalid');
      for (const input of inputs()) input.setAttribute('aria-invalid', 'true');
      describedBy(true);
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-field--invalid');
      for (const input of inputs()) input.removeAttribute('aria-invalid');
      describedBy(false);
    },
  };
}

function omschrijvingBlok(id, omschrijving) {
  return omschrijving ? h('div', { class: 'utrecht-form-field__description', id },
    h('div', { class: 'utrecht-form-field-description' }, omschrijving)) : null;
}

/** Changes the visible label of a field (and the name used in the error summary). */
export function zetLabel(veld, tekst) {
  veld.label = tekst;
  const el = veld.element.querySelector('label, legend');
  if (el) el.textContent = tekst;
}

/** Shows or hides a field; a hidden field is not sent. */
export function toonVeld(veld, zichtbaar) {
  veld.element.hidden = !zichtbaar;
  // The components give a form field a display of their own, which beats
  // the browser's [hidden]; the class hides it for certain (app.css).
  veld.element.classList.toggle('veld--verborgen', !zichtbaar);
}

// --- select -------------------------------------------------------------------

/**
 * A select that can show an error. opties: [{ waarde, tekst }] or groups
 * [{ groep, opties: [...] }] (rendered as <optgroup>).
 */
export function keuze({ pointer, label, opties, waarde = '', omschrijving = null }) {
  const id = uniqueId('veld');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const select = h('select', { class: 'utrecht-select utrecht-select--html-select', id, name: pointer.replace(/^\//, '') });
  const element = h('div', { class: 'utrecht-form-field utrecht-form-field--select' },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: id }, label)),
    omschrijvingBlok(descId, omschrijving));
  const fout = foutHouder(element, () => [select], descId);
  element.append(fout.errorBox, h('div', { class: 'utrecht-form-field__input' }, select));
  const veld = {
    element,
    input: select,
    pointer,
    label,
    zetFout: fout.zetFout,
    wisFout: fout.wisFout,
    /** Replaces the options, keeping the choice when it is still there. */
    zetOpties(lijst, kies = select.value) {
      const optie = (o) => h('option', { value: o.waarde }, o.tekst);
      replaceChildren(select, lijst.map((o) => (o.groep
        ? h('optgroup', { label: o.groep }, o.opties.map(optie))
        : optie(o))));
      if ([...select.options].some((o) => o.value === String(kies))) select.value = String(kies);
    },
  };
  veld.zetOpties(opties, waarde);
  veld.zetFout = (meldingen) => {
    fout.zetFout(meldingen);
    select.classList.add('utrecht-select--invalid');
  };
  veld.wisFout = () => {
    fout.wisFout();
    select.classList.remove('utrecht-select--invalid');
  };
  return veld;
}

// --- group of checkboxes (one check box: formulier.js' vinkje) -------------------

/**
 * A group of checkboxes (fieldset + legend) for a list value such as roles.
 * opties: [{ waarde, tekst }]; waarde() gives the checked values in order.
 */
export function vinkgroep({ pointer, legend, opties = [], omschrijving = null }) {
  const id = uniqueId('groep');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const lijst = h('div', { class: 'vinkgroep__opties' });
  const legendEl = h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, legend);
  const element = h('fieldset', {
    class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-field vinkgroep',
    'aria-describedby': descId,
  }, legendEl, omschrijvingBlok(descId, omschrijving));
  let boxes = [];
  const fout = foutHouder(element, () => boxes, null);
  element.append(fout.errorBox, lijst);
  const veld = {
    element,
    get input() {
      return boxes[0] || legendEl;
    },
    pointer,
    label: legend,
    zetFout: fout.zetFout,
    wisFout: fout.wisFout,
    waarde: () => boxes.filter((b) => b.checked).map((b) => b.value),
    /** Replaces the options; checked ones that remain stay checked (or those in `kies`). */
    zetOpties(nieuw, kies = null) {
      const aan = new Set(kies || veld.waarde());
      boxes = [];
      replaceChildren(lijst, nieuw.map((o) => {
        const boxId = uniqueId('vink');
        const box = h('input', { class: 'utrecht-checkbox utrecht-checkbox--html-input', type: 'checkbox', id: boxId, name: pointer.replace(/^\//, ''), value: o.waarde });
        box.checked = aan.has(o.waarde) || (!kies && nieuw.length === 1);
        boxes.push(box);
        return h('div', { class: 'utrecht-form-field utrecht-form-field--checkbox vinkveld' },
          h('div', { class: 'utrecht-form-field__input' }, box),
          h('div', { class: 'utrecht-form-field__label utrecht-form-field__label--checkbox' },
            h('label', { class: 'utrecht-form-label utrecht-form-label--checkbox', for: boxId }, o.tekst)));
      }));
      fout.wisFout();
    },
  };
  veld.zetOpties(opties);
  return veld;
}

// --- a moment in Dutch time -------------------------------------------------------

const AMSTERDAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** How far Dutch clock time is ahead of UTC at this moment, in ms (1 or 2 hours). */
function amsterdamVoorsprong(utcMs) {
  const parts = AMSTERDAM.formatToParts(new Date(utcMs));
  const g = (type) => Number(parts.find((p) => p.type === type).value);
  const alsUtc = Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second'));
  return alsUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * A date ("2027-03-01") and clock time ("12:00" or "12:00:30") in Dutch time
 * as the UTC moment the API takes ("2027-03-01T11:00:00Z"); null when either
 * is missing or malformed. Around the change to or from summer time the
 * offset of the moment itself is used.
 */
export function nederlandseTijdNaarUtc(datum, tijd) {
  const d = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(datum || '');
  const t = /^([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?$/.exec(tijd || '');
  if (!d || !t) return null;
  const klok = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] || 0));
  let utc = klok - amsterdamVoorsprong(klok);
  utc = klok - amsterdamVoorsprong(utc);
  return new Date(utc).toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}

/** A UTC moment as { datum: "2027-03-01", tijd: "12:00:00" } in Dutch time. */
export function utcNaarNederlandseTijd(ms) {
  const parts = AMSTERDAM.formatToParts(new Date(ms));
  const g = (type) => parts.find((p) => p.type === type).value;
  return { datum: `${g('year')}-${g('month')}-${g('day')}`, tijd: `${g('hour')}:${g('minute')}:${g('second')}` };
}

/**
 * A moment as two inputs, date and time, in Dutch time (a fieldset with the
 * label as legend). waarde(): the UTC ISO string, or '' when incomplete.
 * compleet(): both inputs filled in.
 */
export function momentveld({ pointer, label, omschrijving = null }) {
  const id = uniqueId('moment');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const datum = h('input', { class: 'utrecht-textbox utrecht-textbox--html-input moment__datum', type: 'date', id: `${id}-datum`, name: `${pointer.replace(/^\//, '')}_datum` });
  const tijd = h('input', { class: 'utrecht-textbox utrecht-textbox--html-input moment__tijd', type: 'time', step: '1', id: `${id}-tijd`, name: `${pointer.replace(/^\//, '')}_tijd` });
  const legendEl = h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, label);
  const element = h('fieldset', { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-field moment' },
    legendEl, omschrijvingBlok(descId, omschrijving));
  const fout = foutHouder(element, () => [datum, tijd], descId);
  element.append(fout.errorBox,
    h('div', { class: 'moment__delen' },
      h('div', { class: 'moment__deel' },
        h('label', { class: 'utrecht-form-label', for: datum.id }, 'Datum'), datum),
      h('div', { class: 'moment__deel' },
        h('label', { class: 'utrecht-form-label', for: tijd.id }, 'Tijd (uu:mm:ss)'), tijd)));
  return {
    element,
    input: datum,
    datum,
    tijd,
    pointer,
    label,
    zetFout: fout.zetFout,
    wisFout: fout.wisFout,
    compleet: () => Boolean(datum.value && tijd.value),
    waarde: () => nederlandseTijdNaarUtc(datum.value, tijd.value) || '',
  };
}

// --- lists ----------------------------------------------------------------------

/** Every item of a paged list (GET path?na=&limiet=1000), following volgende_na. */
export async function allePaginas(path, sleutel, { signal = null } = {}) {
  const items = [];
  let na = null;
  for (let i = 0; i < 100; i++) {
    const page = await api.get(path, { query: { na, limiet: 1000 }, signal });
    items.push(...page[sleutel]);
    if (page.volgende_na === null || page.volgende_na === undefined) break;
    na = page.volgende_na;
  }
  return items;
}

/** Paging links for a list screen: first page and next page (when there is one). */
export function paginering(pad, { na, volgendeNa, limiet }) {
  const links = [];
  const q = (n) => {
    const p = new URLSearchParams();
    if (n) p.set('na', n);
    if (limiet) p.set('limiet', limiet);
    const s = p.toString();
    return s ? `${pad}?${s}` : pad;
  };
  if (na) links.push([q(null), 'Naar de eerste pagina']);
  if (volgendeNa !== null && volgendeNa !== undefined) links.push([q(volgendeNa), 'Volgende pagina']);
  return links.length ? h('nav', { class: 'paginering', 'aria-label': 'Pagina’s' }, linkList(links)) : null;
}

/** The paging parameters of the address: { na, limiet } (strings or null). */
export function pagineringUitAdres(query) {
  const getal = (v) => (v && /^[0-9]+$/.test(v) ? v : null);
  return { na: getal(query.get('na')), limiet: getal(query.get('limiet')) };
}

// --- news after a form ----------------------------------------------------------------

/**
 * A status region (role="status") that is on the page from the start, so that
 * what is put in it later is announced. zet(...children) replaces its text.
 */
export function statusregio() {
  const el = h('div', { class: 'statusregio', role: 'status' });
  return { element: el, zet: (...children) => replaceChildren(el, ...children), wis: () => replaceChildren(el) };
}

// --- confirmation ---------------------------------------------------------------------

/**
 * Asks for confirmation in a modal dialog (<dialog>, focus kept inside,
 * Escape cancels, focus back where it was). Resolves true when confirmed.
 * The focus starts on "Annuleren": the safe choice.
 */
export function bevestig({ kop, tekst, ja = 'Ja', nee = 'Annuleren' }) {
  return new Promise((resolve) => {
    const kopId = uniqueId('dialoog');
    const knopJa = h('button', { class: 'utrecht-button utrecht-button--primary-action', type: 'button' }, ja);
    const knopNee = h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'button' }, nee);
    const dialog = h('dialog', { class: 'bevestiging', 'aria-labelledby': kopId, 'aria-describedby': `${kopId}-tekst` },
      h('h2', { class: 'utrecht-heading-2', id: kopId }, kop),
      h('p', { class: 'utrecht-paragraph', id: `${kopId}-tekst` }, tekst),
      h('div', { class: 'utrecht-button-group' }, knopJa, knopNee));
    let antwoord = false;
    knopJa.addEventListener('click', () => { antwoord = true; dialog.close(); });
    knopNee.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(antwoord);
    });
    document.body.append(dialog);
    dialog.showModal();
    knopNee.focus();
  });
}

// --- organisations and roles --------------------------------------------------------

/** Organisations as select options, grouped by kind. */
export function organisatieOpties(organisaties, soortnamen, { leeg = 'Kies een organisatie' } = {}) {
  const groepen = new Map();
  for (const o of organisaties) {
    if (!groepen.has(o.soort)) groepen.set(o.soort, []);
    groepen.get(o.soort).push({ waarde: String(o.id), tekst: o.naam });
  }
  return [
    { waarde: '', tekst: leeg },
    ...[...groepen.entries()].map(([soort, opties]) => ({ groep: soortnamen[soort] || soort, opties })),
  ];
}

/**
 * An ApiFout as formulier.toonFouten takes it, with each pointer moved to the
 * field it lies in ("/rollen/1" -> the field "/rollen"), and `herschrijf(f)`
 * to give a message other wording (f: { veld, code, melding }).
 */
export function perVeld(fout, velden, herschrijf = (f) => f.melding) {
  const pointers = velden.map((v) => v.pointer).sort((a, b) => b.length - a.length);
  const perPointer = {};
  const algemeen = [];
  for (const f of fout.fouten || []) {
    const melding = herschrijf(f);
    const p = f.veld && pointers.find((q) => f.veld === q || f.veld.startsWith(`${q}/`));
    if (p) (perPointer[p] ||= []).push(melding);
    else if (f.veld) (perPointer[f.veld] ||= []).push(melding);
    else algemeen.push(melding);
  }
  return { message: fout.message, velden: perPointer, algemeen };
}

/** The whole refusal of the API as one sentence: its message and every problem. */
export function foutTekst(fout) {
  return [fout.message, ...fout.fouten.map((x) => x.melding).filter((x) => x !== fout.message)].join(' ');
}
