// SPDX-License-Identifier: EUPL-1.2
//
// formulier.js -- form fields and error handling, one pattern for every form.
//
// * Every field has a visible <label>; a description and an error message
//   are tied to the input with aria-describedby; an invalid input has
//   aria-invalid="true" (WCAG 1.3.1, 3.3.1, 3.3.2, 4.1.2).
// * On a failed submit, an error summary appears at the top of the form and
//   gets the focus: a heading, then every problem as a link to its field
//   (3.3.1, 3.3.3). Problems of no particular field are listed there too.
// * Errors come from the API (problem+json `errors`, each with a JSON
//   pointer in `name`): the form maps each pointer to its field. The client
//   does not repeat the server's checks; it shows what the server says, so
//   every rule and its Dutch wording live in one place.

import { button, h, heading, uniqueId } from './dom.js';

/**
 * A text field.
 *   pointer: the JSON pointer the API uses for it ("/gebruikersnaam")
 *   label, omschrijving (optional help text), type, autocomplete, inputmode.
 *   A field is required unless its label says "(niet verplicht)", as the
 *   NL Design System advises.
 * Returns { element, input, pointer, zetFout(list), wisFout() }.
 */
export function tekstveld({ pointer, label, omschrijving = null, type = 'text', autocomplete = null,
  inputmode = null, waarde = '', naam = null, klasse = null, spellcheck = null }) {
  const id = uniqueId('veld');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const errorId = `${id}-fout`;
  const input = h('input', {
    class: ['utrecht-textbox', 'utrecht-textbox--html-input', type === 'password' && 'utrecht-textbox--password', klasse],
    id,
    name: naam || pointer.replace(/^\//, ''),
    type,
    autocomplete,
    inputmode,
    spellcheck,
    'aria-describedby': descId,
  });
  input.value = waarde;
  const errorBox = h('div', { class: 'utrecht-form-field__error-message', id: errorId, hidden: true });
  const element = h('div', { class: 'utrecht-form-field utrecht-form-field--text' },
    h('div', { class: 'utrecht-form-field__label' },
      h('label', { class: 'utrecht-form-label', for: id }, label)),
    omschrijving ? h('div', { class: 'utrecht-form-field__description', id: descId },
      h('div', { class: 'utrecht-form-field-description' }, omschrijving)) : null,
    errorBox,
    h('div', { class: 'utrecht-form-field__input' }, input));

  function describedBy(withError) {
    const ids = [withError ? errorId : null, descId].filter(Boolean);
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  }

  return {
    element,
    input,
    pointer,
    label,
    zetFout(meldingen) {
      errorBox.replaceChildren(...meldingen.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
      errorBox.hidden = false;
      element.classList.add('utrecht-form-field--invalid');
      input.classList.add('utrecht-textbox--invalid');
      input.setAttribute('aria-invalid', 'true');
      describedBy(true);
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-field--invalid');
      input.classList.remove('utrecht-textbox--invalid');
      input.removeAttribute('aria-invalid');
      describedBy(false);
    },
  };
}

/**
 * A select field. opties: [{ waarde, tekst }]; the first is selected unless
 * `waarde` names another.
 */
export function keuzeveld({ pointer, label, opties, waarde = '', naam = null }) {
  const id = uniqueId('veld');
  const select = h('select', { class: 'utrecht-select utrecht-select--html-select', id, name: naam || pointer.replace(/^\//, '') },
    opties.map((o) => h('option', { value: o.waarde, selected: o.waarde === waarde }, o.tekst)));
  const element = h('div', { class: 'utrecht-form-field utrecht-form-field--select' },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: id }, label)),
    h('div', { class: 'utrecht-form-field__input' }, select));
  return { element, input: select, pointer, label, zetFout() {}, wisFout() {} };
}

// --- shared pieces of the fields below --------------------------------------------

function foutvak(id) {
  return h('div', { class: 'utrecht-form-field__error-message', id, hidden: true });
}

function toonFoutIn(box, meldingen) {
  box.replaceChildren(...meldingen.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
  box.hidden = false;
}

function wisFoutIn(box) {
  box.replaceChildren();
  box.hidden = true;
}

function beschrijf(inputs, ids) {
  const list = ids.filter(Boolean);
  for (const input of inputs) {
    if (list.length) input.setAttribute('aria-describedby', list.join(' '));
    else input.removeAttribute('aria-describedby');
  }
}

function omschrijvingBlok(id, omschrijving) {
  return omschrijving ? h('div', { class: 'utrecht-form-field__description', id },
    h('div', { class: 'utrecht-form-field-description' }, omschrijving)) : null;
}

/**
 * A multi-line text field (utrecht-textarea). rijen: its height in lines;
 * klasse: the form field's modifier.
 */
export function tekstvak({ pointer, label, omschrijving = null, waarde = '', rijen = 5, naam = null,
  klasse = 'utrecht-form-field--textarea' }) {
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
  const element = h('div', { class: ['utrecht-form-field', klasse] },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: id }, label)),
    omschrijvingBlok(descId, omschrijving),
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
      wisFoutIn(errorBox);
      element.classList.remove('utrecht-form-field--invalid');
      input.classList.remove('utrecht-textarea--invalid');
      input.removeAttribute('aria-invalid');
      beschrijf([input], [descId]);
    },
  };
}

/**
 * A radio group: a fieldset with a legend (`label`, as heading `kop` when
 * given, e.g. 'h3'), one radio per option. opties: [{ waarde, tekst, uitleg }]
 * (uitleg: an optional explanation under the option). `input` is the first
 * radio (the error summary links to it). klasse: the fieldset's class;
 * optiesKlasse: a box around the options (null: none). waarde(): the chosen
 * value or ''.
 */
export function keuzerondjes({ pointer, label, opties, waarde = '', omschrijving = null, naam = null, kop = null,
  klasse = 'keuzegroep', optiesKlasse = 'keuzegroep__opties' }) {
  const id = uniqueId('groep');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const errorId = `${id}-fout`;
  const name = naam || pointer.replace(/^\//, '');
  const uitlegIds = opties.map((o, i) => (o.uitleg ? `${id}-${i}-uitleg` : null));
  const radios = opties.map((o, i) => h('input', {
    class: 'utrecht-radio-button utrecht-radio-button--html-input',
    type: 'radio',
    id: `${id}-${i}`,
    name,
    value: o.waarde,
    checked: o.waarde === waarde,
    'aria-describedby': [descId, uitlegIds[i]].filter(Boolean).join(' ') || null,
  }));
  const errorBox = foutvak(errorId);
  const items = radios.map((r, i) => h('div', { class: ['utrecht-form-field utrecht-form-field--radio', opties[i].uitleg && 'keuzerondje'] },
    h('div', { class: 'utrecht-form-field__input' }, r),
    h('div', { class: 'utrecht-form-field__label utrecht-form-field__label--radio' },
      h('label', { class: 'utrecht-form-label utrecht-form-label--radio', for: r.id }, opties[i].tekst)),
    opties[i].uitleg ? h('div', { class: 'utrecht-form-field__description keuzerondje__uitleg', id: uitlegIds[i] }, opties[i].uitleg) : null));
  const element = h('fieldset', { class: ['utrecht-form-fieldset utrecht-form-fieldset--html-fieldset', klasse] },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' },
      kop ? h(kop, { class: `utrecht-heading-${kop.slice(1)} legenda__kop` }, label) : label),
    omschrijvingBlok(descId, omschrijving),
    errorBox,
    optiesKlasse ? h('div', { class: optiesKlasse }, items) : items);
  const beschrijfAlle = (fout) => radios.forEach((r, i) => beschrijf([r], [fout ? errorId : null, descId, uitlegIds[i]]));
  return {
    element, input: radios[0], radios, pointer, label,
    waarde: () => radios.find((r) => r.checked)?.value || '',
    zetWaarde(v) { for (const r of radios) r.checked = r.value === v; },
    onChange(fn) { for (const r of radios) r.addEventListener('change', () => fn(r.value)); },
    zetFout(meldingen) {
      toonFoutIn(errorBox, meldingen);
      element.classList.add('utrecht-form-fieldset--invalid');
      for (const r of radios) {
        r.setAttribute('aria-invalid', 'true');
        r.classList.add('utrecht-radio-button--invalid');
      }
      beschrijfAlle(true);
    },
    wisFout() {
      wisFoutIn(errorBox);
      element.classList.remove('utrecht-form-fieldset--invalid');
      for (const r of radios) {
        r.removeAttribute('aria-invalid');
        r.classList.remove('utrecht-radio-button--invalid');
      }
      beschrijfAlle(false);
    },
  };
}

/**
 * One check box with its label (text or nodes; `kort`: the name in an error
 * summary). klasse: the field's class. aan(): checked or not.
 */
export function vinkje({ pointer, label, kort = null, omschrijving = null, aan = false, naam = null, klasse = 'vinkje' }) {
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
  const element = h('div', { class: ['utrecht-form-field utrecht-form-field--checkbox', klasse] },
    h('div', { class: 'utrecht-form-field__label' },
      h('label', { class: 'utrecht-form-label utrecht-form-label--checkbox', for: id }, label)),
    omschrijvingBlok(descId, omschrijving),
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
      wisFoutIn(errorBox);
      element.classList.remove('utrecht-form-field--invalid');
      input.removeAttribute('aria-invalid');
      beschrijf([input], [descId]);
    },
  };
}

/**
 * A fieldset around other content (fields, groups of check boxes) that can
 * carry an error of its own, for the API's pointer of the whole (e.g.
 * /informatieverzoek/velden, /parameters/themas). eerste(): the input a
 * summary link focuses. klasse: the fieldset's class.
 */
export function groep({ pointer, label, inhoud, omschrijving = null, eerste, klasse = 'veldgroep' }) {
  const id = uniqueId('groep');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const errorId = `${id}-fout`;
  const errorBox = foutvak(errorId);
  const element = h('fieldset', {
    class: ['utrecht-form-fieldset utrecht-form-fieldset--html-fieldset', klasse],
    'aria-describedby': descId,
  },
  h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, label),
  omschrijvingBlok(descId, omschrijving),
  errorBox,
  inhoud);
  return {
    element, pointer, label,
    get input() { return eerste(); },
    zetFout(meldingen) {
      toonFoutIn(errorBox, meldingen);
      element.classList.add('utrecht-form-fieldset--invalid');
      beschrijf([element], [errorId, descId]);
    },
    wisFout() {
      wisFoutIn(errorBox);
      element.classList.remove('utrecht-form-fieldset--invalid');
      beschrijf([element], [descId]);
    },
  };
}

/**
 * Runs werk() while `knop` is busy -- disabled and aria-busy, so it cannot
 * be pressed twice and a screen reader hears that it works -- and gives it
 * back afterwards, whatever happened. Returns what werk() returns.
 */
export async function bezig(knop, werk) {
  knop.disabled = true;
  knop.setAttribute('aria-busy', 'true');
  try {
    return await werk();
  } finally {
    knop.disabled = false;
    knop.removeAttribute('aria-busy');
  }
}

/**
 * An ApiFout as toonFouten() takes it, with the rule's source after each
 * message where the API gives one. hernoem(pointer): moves a pointer to the
 * field a user sees (e.g. a list index); bron(melding, bron): the wording,
 * "... [001 §3]" unless a screen says otherwise.
 */
export function metBron(fout, { hernoem = (p) => p, bron = (m, b) => `${m} ${b}` } = {}) {
  const velden = {};
  const algemeen = [];
  for (const f of fout.fouten || []) {
    const tekst = f.bron ? bron(f.melding, f.bron) : f.melding;
    const veld = f.veld ? hernoem(f.veld) : '';
    if (veld) (velden[veld] ||= []).push(tekst);
    else algemeen.push(tekst);
  }
  return { message: fout.message, velden, algemeen };
}

/**
 * Error handling for one form.
 *   const f = formulier(formElement, [veld1, veld2]);
 *   f.toonFouten(apiFout)   // fields + summary, focus on the summary
 *   f.wis()
 */
export function formulier(form, velden) {
  const summaryHost = h('div', { class: 'foutsamenvatting-houder' });
  form.prepend(summaryHost);

  function wis() {
    summaryHost.replaceChildren();
    for (const v of velden) v.wisFout();
  }

  /**
   * Shows an ApiFout (or { message, velden, algemeen }): each field its own
   * messages, and all of them in the summary, which gets the focus.
   */
  function toonFouten(fout, { kop = 'Er is iets niet goed gegaan' } = {}) {
    wis();
    const perVeld = fout.velden || {};
    const items = [];
    for (const v of velden) {
      const meldingen = perVeld[v.pointer];
      if (!meldingen?.length) continue;
      v.zetFout(meldingen);
      for (const m of meldingen) items.push({ veld: v, melding: m });
    }
    const known = new Set(velden.map((v) => v.pointer));
    const rest = [
      ...(fout.algemeen || []),
      ...Object.entries(perVeld).filter(([p]) => !known.has(p)).flatMap(([, ms]) => ms),
    ];
    if (!items.length && !rest.length) rest.push(fout.message);
    const headingId = uniqueId('samenvatting');
    const summary = h('div', {
      class: 'utrecht-alert utrecht-alert--error foutsamenvatting',
      tabindex: '-1',
      'aria-labelledby': headingId,
    },
    h('div', { class: 'utrecht-alert__content' },
      h('div', { class: 'utrecht-alert__message' },
        h('h2', { class: 'utrecht-heading-2 foutsamenvatting__kop', id: headingId }, kop),
        h('ul', { class: 'utrecht-unordered-list foutsamenvatting__lijst' },
          rest.map((m) => h('li', { class: 'utrecht-unordered-list__item' }, m)),
          items.map(({ veld, melding }) => h('li', { class: 'utrecht-unordered-list__item' },
            h('a', {
              class: 'utrecht-link utrecht-link--html-a',
              href: `#${veld.input.id}`,
              onClick: (event) => {
                event.preventDefault();
                veld.input.focus();
                veld.input.scrollIntoView({ block: 'center' });
              },
            }, `${veld.label}: ${melding}`)))))));
    summaryHost.replaceChildren(summary);
    summary.focus();
  }

  return { wis, toonFouten };
}

/**
 * A form for one step on a screen, in a section of its own under a heading:
 * the fields (after an optional introduction `extra`), a submit button and
 * "Annuleren" (annuleer()). verstuur(f) runs while the button is busy; an
 * ApiFout it throws lands at the fields and in the summary, each with its
 * source (alsFout: how; metBron by default). Replaces what `houder` shows
 * and puts the focus on the heading.
 */
export function formKader({ houder, titel, velden, knopTekst, verstuur, annuleer, extra = null, niveau = 3, klasse = null,
  alsFout = metBron }) {
  const kopId = uniqueId('kop-form');
  const kop = heading(niveau, titel, { id: kopId, tabindex: '-1' });
  const knop = button(knopTekst, { type: 'submit' });
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': kopId },
    extra, velden.map((v) => v.element),
    h('div', { class: 'utrecht-button-group' }, knop, button('Annuleren', { kind: 'secondary', onClick: annuleer })));
  const f = formulier(form, velden);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await bezig(knop, async () => {
      try {
        await verstuur(f);
      } catch (fout) {
        if (fout.geannuleerd) return;
        f.toonFouten(alsFout(fout), { kop: 'Dit is niet gelukt' });
      }
    });
  });
  houder.replaceChildren(h('section', { class: klasse, 'aria-labelledby': kopId }, kop, form));
  kop.focus();
  return f;
}
