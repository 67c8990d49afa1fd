// SPDX-License-Identifier: EUPL-1.2
//
// beoordelaar-velden.js -- form fields the insurer's screens need beyond
// formulier.js (text area, radio group, check box, group of check boxes),
// with the same interface as formulier.js' fields, so that
// formulier(form, velden).toonFouten(fout) puts each API message at its
// field (by JSON pointer) and in the summary:
//   { element, input (what a summary link focuses), pointer, label, zetFout(list), wisFout() }
// And the shared texts of the insurer's screens (statuses, roles).
//
// Accessibility: a radio group and a group of check boxes are a <fieldset>
// with a <legend>; the description and the error are tied to every input
// with aria-describedby; an invalid field has aria-invalid="true".

import { badge, h, uniqueId } from '../dom.js';

/** Application statuses (docs/indiening.md §7) in Dutch. */
export const AANVRAAGSTATUS = {
  concept: 'Concept',
  ingediend: 'Ingediend, wacht op beoordeling',
  in_beoordeling: 'In beoordeling',
  informatie_gevraagd: 'Informatie gevraagd',
  positief: 'Positief beoordeeld',
  negatief: 'Negatief beoordeeld',
};

const STATUSSOORT = {
  concept: 'neutral', ingediend: 'neutral', in_beoordeling: 'warning',
  informatie_gevraagd: 'warning', positief: 'success', negatief: 'danger',
};

export function aanvraagStatus(status) {
  return badge(AANVRAAGSTATUS[status] || status, STATUSSOORT[status] || 'neutral');
}

export const OORDEEL = { positief: 'Positief', negatief: 'Negatief', meer_informatie: 'Meer informatie nodig' };
export const EISOORDEEL = { voldaan: 'Voldaan', niet_voldaan: 'Niet voldaan', niet_van_toepassing: 'Niet van toepassing' };
export const VERZEKERAARROL = { coordinerend: 'Coördinerend zorgverzekeraar', tweede: 'Tweede zorgverzekeraar' };
export const ROUTE = { licht: 'Licht (conform het modelplan)', verdiept: 'Verdiept (afwijkingen of regionale aanpassingen)' };

/** Joint request statuses (docs/beschikking.md §1) in Dutch. */
export const NZASTATUS = {
  ondertekening: 'Wacht op ondertekening',
  in_behandeling: 'Ingediend bij de NZa, in behandeling',
  beschikt: 'Beschikt door de NZa',
  afgewezen: 'Afgewezen door de NZa',
};

const NZASOORT = { ondertekening: 'warning', in_behandeling: 'neutral', beschikt: 'success', afgewezen: 'danger' };

export function nzaStatus(status) {
  return badge(NZASTATUS[status] || status, NZASOORT[status] || 'neutral');
}

/**
 * An ApiFout as formulier.toonFouten takes it, with the rule's source behind
 * each message ("... [001 §3]") and pointers renamed by `hernoem(pointer)`
 * (e.g. list indexes into the field a user sees).
 */
export function metBron(fout, hernoem = (p) => p) {
  const velden = {};
  const algemeen = [];
  for (const f of fout.fouten || []) {
    const tekst = f.bron ? `${f.melding} ${f.bron}` : f.melding;
    const veld = f.veld ? hernoem(f.veld) : '';
    if (veld) (velden[veld] ||= []).push(tekst);
    else algemeen.push(tekst);
  }
  return { message: fout.message, velden, algemeen, fouten: fout.fouten || [] };
}

function foutvak(id) {
  return h('div', { class: 'utrecht-form-field__error-message', id, hidden: true });
}

function toonFoutIn(box, meldingen) {
  box.replaceChildren(...meldingen.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
  box.hidden = false;
}

function beschrijf(inputs, ids) {
  for (const input of inputs) {
    const list = ids.filter(Boolean);
    if (list.length) input.setAttribute('aria-describedby', list.join(' '));
    else input.removeAttribute('aria-describedby');
  }
}

/** A multi-line text field (textarea). */
export function tekstvak({ pointer, label, omschrijving = null, waarde = '', rijen = 3, naam = null }) {
  const id = uniqueId('veld');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const errorId = `${id}-fout`;
  const input = h('textarea', {
    class: 'utrecht-textarea utrecht-textarea--html-textarea',
    id,
    name: naam || pointer.replace(/^\//, ''),
    rows: String(rijen),
    'aria-describedby': descId,
  });
  input.value = waarde;
  const errorBox = foutvak(errorId);
  const element = h('div', { class: 'utrecht-form-field utrecht-form-field--textarea' },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: id }, label)),
    omschrijving ? h('div', { class: 'utrecht-form-field__description', id: descId },
      h('div', { class: 'utrecht-form-field-description' }, omschrijving)) : null,
    errorBox,
    h('div', { class: 'utrecht-form-field__input' }, input));
  return {
    element, input, pointer, label,
    zetFout(meldingen) {
      toonFoutIn(errorBox, meldingen);
      element.classList.add('utrecht-form-field--invalid');
      input.classList.add('utrecht-textarea--invalid');
      input.setAttribute('aria-invalid', 'true');
      beschrijf([input], [errorId, descId]);
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-field--invalid');
      input.classList.remove('utrecht-textarea--invalid');
      input.removeAttribute('aria-invalid');
      beschrijf([input], [descId]);
    },
  };
}

/**
 * A radio group: a fieldset with a legend (`label`), one radio per option.
 * opties: [{ waarde, tekst }]. waarde(): the chosen value or ''.
 */
export function keuzerondjes({ pointer, label, opties, waarde = '', omschrijving = null, naam = null, kop = null, klasse = null }) {
  const id = uniqueId('groep');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const errorId = `${id}-fout`;
  const name = naam || id;
  const radios = opties.map((o, i) => h('input', {
    class: 'utrecht-radio-button utrecht-radio-button--html-input',
    type: 'radio',
    id: `${id}-${i}`,
    name,
    value: o.waarde,
    checked: o.waarde === waarde,
    'aria-describedby': descId,
  }));
  const errorBox = foutvak(errorId);
  const legend = h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' },
    kop ? h(kop, { class: `utrecht-heading-${kop.slice(1)} legenda__kop` }, label) : label);
  const element = h('fieldset', { class: ['utrecht-form-fieldset utrecht-form-fieldset--html-fieldset keuzegroep', klasse] },
    legend,
    omschrijving ? h('div', { class: 'utrecht-form-field__description', id: descId },
      h('div', { class: 'utrecht-form-field-description' }, omschrijving)) : null,
    errorBox,
    h('div', { class: 'keuzegroep__opties' }, radios.map((r, i) => h('div', { class: 'utrecht-form-field utrecht-form-field--radio' },
      h('div', { class: 'utrecht-form-field__input' }, r),
      h('div', { class: 'utrecht-form-field__label' },
        h('label', { class: 'utrecht-form-label utrecht-form-label--radio', for: r.id }, opties[i].tekst))))));
  return {
    element, input: radios[0], radios, pointer, label,
    waarde: () => radios.find((r) => r.checked)?.value || '',
    zetWaarde(v) { for (const r of radios) r.checked = r.value === v; },
    onChange(fn) { for (const r of radios) r.addEventListener('change', () => fn(r.value)); },
    zetFout(meldingen) {
      toonFoutIn(errorBox, meldingen);
      element.classList.add('utrecht-form-fieldset--invalid');
      for (const r of radios) r.setAttribute('aria-invalid', 'true');
      beschrijf(radios, [errorId, descId]);
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-fieldset--invalid');
      for (const r of radios) r.removeAttribute('aria-invalid');
      beschrijf(radios, [descId]);
    },
  };
}

/** One check box with its label (text or nodes; `kort`: the name in an error summary). aan(): checked or not. */
export function vinkje({ pointer, label, kort = null, omschrijving = null, aan = false, naam = null }) {
  const id = uniqueId('veld');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const errorId = `${id}-fout`;
  const input = h('input', {
    class: 'utrecht-checkbox utrecht-checkbox--html-input',
    type: 'checkbox',
    id,
    name: naam || pointer.replace(/^\//, ''),
    checked: aan,
    'aria-describedby': descId,
  });
  const errorBox = foutvak(errorId);
  // The NL Design System's grid puts the box left of the label, description and error.
  const element = h('div', { class: 'utrecht-form-field utrecht-form-field--checkbox vinkje' },
    h('div', { class: 'utrecht-form-field__label' },
      h('label', { class: 'utrecht-form-label utrecht-form-label--checkbox', for: id }, label)),
    omschrijving ? h('div', { class: 'utrecht-form-field__description', id: descId },
      h('div', { class: 'utrecht-form-field-description' }, omschrijving)) : null,
    errorBox,
    h('div', { class: 'utrecht-form-field__input' }, input));
  return {
    element, input, pointer, label: kort || (typeof label === 'string' ? label : input.labels?.[0]?.textContent || ''),
    aan: () => input.checked,
    zetFout(meldingen) {
      toonFoutIn(errorBox, meldingen);
      element.classList.add('utrecht-form-field--invalid');
      input.setAttribute('aria-invalid', 'true');
      beschrijf([input], [errorId, descId]);
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-field--invalid');
      input.removeAttribute('aria-invalid');
      beschrijf([input], [descId]);
    },
  };
}

/**
 * A fieldset around other content (e.g. groups of check boxes) that can
 * carry an error of its own (a pointer such as /informatieverzoek/velden).
 * eerste(): the input a summary link focuses.
 */
export function veldgroep({ pointer, label, inhoud, omschrijving = null, eerste }) {
  const id = uniqueId('groep');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const errorId = `${id}-fout`;
  const errorBox = foutvak(errorId);
  const element = h('fieldset', {
    class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset veldgroep',
    'aria-describedby': descId,
  },
  h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, label),
  omschrijving ? h('div', { class: 'utrecht-form-field__description', id: descId },
    h('div', { class: 'utrecht-form-field-description' }, omschrijving)) : null,
  errorBox,
  inhoud);
  const veld = {
    element, pointer, label,
    get input() { return eerste(); },
    zetFout(meldingen) {
      toonFoutIn(errorBox, meldingen);
      element.classList.add('utrecht-form-fieldset--invalid');
      element.setAttribute('aria-describedby', [errorId, descId].filter(Boolean).join(' '));
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-fieldset--invalid');
      if (descId) element.setAttribute('aria-describedby', descId);
      else element.removeAttribute('aria-describedby');
    },
  };
  return veld;
}

/** Runs fn over items with at most `n` at a time; resolves with the results in order. */
export async function metBeperking(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  async function werker() {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, werker));
  return out;
}
