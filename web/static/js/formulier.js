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

import { h, uniqueId } from './dom.js';

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
