// SPDX-License-Identifier: EUPL-1.2
//
// nza-gedeeld.js -- pieces the NZa screens share (issue 8, area NZa):
// the joint request's statuses, NZa's findings with their sources, the
// upper bound per year, the two form fields formulier.js has no helper for
// (a text area and a radio group, with the same interface as tekstveld),
// and an API error with the rule's source added to each message.
//
// Used by nza-verzoeken.js, nza-verzoek.js, beschikkingen.js,
// beschikking.js and grootboek.js. Not a screen itself (no toon()).

import * as catalogus from '../catalogus.js';
import { badge, h, table, uniqueId } from '../dom.js';
import { euro } from '../opmaak.js';

/** Status of a joint request (GET /nza-aanvragen) in Dutch, with the badge kind. */
export const VERZOEKSTATUS = {
  ondertekening: ['Wacht op ondertekening', 'neutral'],
  in_behandeling: ['In behandeling bij de NZa', 'warning'],
  beschikt: ['Beschikking verleend', 'success'],
  afgewezen: ['Afgewezen', 'danger'],
};

export function verzoekstatus(status) {
  const [tekst, soort] = VERZOEKSTATUS[status] || [status, 'neutral'];
  return badge(tekst, soort);
}

/** The decision of a beschikking as a badge. */
export function besluitBadge(besluit) {
  return besluit === 'verleend' ? badge('Verleend', 'success') : badge('Afgewezen', 'danger');
}

/** Theme id -> name from the catalogue; the id itself when the catalogue is not reachable. */
export async function themanamen() {
  try {
    return await catalogus.themanamen();
  } catch {
    return {};
  }
}

/** The six declarations of a joint request, as the NZa reads them [001 §3], [001 "Werkwijze"]. */
export const VERKLARINGEN = {
  aanpassingen_positief_beoordeeld: 'Aanpassingen op het modelplan zijn positief beoordeeld door de zorgverzekeraars',
  randvoorwaardelijk_voor_zvw_zorg: 'Geheel of gedeeltelijk randvoorwaardelijk voor Zvw-verzekerde zorg',
  geen_individuele_zorgverlening: 'Geen individuele levering van Zvw-verzekerde zorg',
  eigen_zvw_zorg: 'Zvw-zorgaanbieders transformeren hun eigen Zvw-zorg',
  geen_staatssteun: 'Het tarief leidt niet tot staatssteun',
  waarborgen_concurrentievoordeel: 'Waarborgen tegen onbedoelde concurrentievoordelen in de overeenkomst',
};

/** The split of an upper bound over the years, as a table with its total. */
export function jarenTabel(caption, jaarverdeling, totaalCent) {
  return table({
    caption,
    columns: [
      { kop: 'Jaar', waarde: (j) => String(j.jaar) },
      { kop: 'Bedrag', getal: true, waarde: (j) => euro(j.bedrag_cent) },
    ],
    rows: jaarverdeling,
    footer: ['Totaal', euro(totaalCent)],
  });
}

/** "(c)" for a check, "v4" for a formal condition: how the sources name them. */
export function bevindingNummer(code) {
  return /^[a-d]$/.test(code) ? `(${code})` : code;
}

/**
 * NZa's findings (a)-(d) and v1-v8, each with met / not met, its explanation
 * and its source, as a list of blocks. Returns { element, velden }: velden
 * are form fields (the formulier.js interface) per finding, so that a refusal
 * `bevinding_<code>` (pointer /bevindingen/<code>) appears at its finding and
 * the error summary links to it.
 */
export function bevindingenLijst(bevindingen, { kopNiveau = 3 } = {}) {
  const velden = [];
  const items = bevindingen.map((b) => {
    const kopId = uniqueId(`bevinding-${b.code}`);
    const foutId = `${kopId}-fout`;
    const voldaan = b.uitkomst === 'voldaan';
    const kop = h(`h${kopNiveau}`, { class: `utrecht-heading-${kopNiveau} bevinding__kop`, id: kopId, tabindex: '-1' },
      `${bevindingNummer(b.code)} ${b.naam}`);
    const fout = h('div', { class: 'utrecht-form-field__error-message', id: foutId, hidden: true });
    const item = h('li', { class: ['bevinding', voldaan ? 'bevinding--voldaan' : 'bevinding--niet-voldaan'], 'aria-labelledby': kopId },
      kop,
      h('p', { class: 'utrecht-paragraph bevinding__uitkomst' },
        voldaan ? badge('Voldaan', 'success') : badge('Niet voldaan', 'danger')),
      fout,
      h('p', { class: 'utrecht-paragraph' }, b.toelichting),
      h('p', { class: 'utrecht-paragraph bevinding__bron' }, `Bron: ${b.bron}`));
    velden.push({
      element: item,
      input: kop,
      pointer: `/bevindingen/${b.code}`,
      label: `${bevindingNummer(b.code)} ${b.naam}`,
      zetFout(meldingen) {
        fout.replaceChildren(...meldingen.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
        fout.hidden = false;
        item.classList.add('bevinding--fout');
        kop.setAttribute('aria-describedby', foutId);
      },
      wisFout() {
        fout.replaceChildren();
        fout.hidden = true;
        item.classList.remove('bevinding--fout');
        kop.removeAttribute('aria-describedby');
      },
    });
    return item;
  });
  return { element: h('ol', { class: 'bevindingen' }, items), velden };
}

/** A one-line summary of the findings: "Alle 12 toetspunten zijn voldaan." */
export function bevindingenSamenvatting(bevindingen) {
  const niet = bevindingen.filter((b) => b.uitkomst !== 'voldaan');
  if (!niet.length) return `Alle ${bevindingen.length} toetspunten zijn voldaan.`;
  return `${niet.length} van de ${bevindingen.length} toetspunten ${niet.length === 1 ? 'is' : 'zijn'} niet voldaan: `
    + `${niet.map((b) => bevindingNummer(b.code)).join(', ')}.`;
}

/**
 * A multi-line text field (utrecht-textarea), the formulier.js interface.
 * Required unless the label says "(niet verplicht)".
 */
export function tekstvak({ pointer, label, omschrijving = null, waarde = '', rijen = 5 }) {
  const id = uniqueId('veld');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const errorId = `${id}-fout`;
  const input = h('textarea', {
    class: 'utrecht-textarea utrecht-textarea--html-textarea',
    id,
    name: pointer.replace(/^\//, ''),
    rows: String(rijen),
    'aria-describedby': descId,
  });
  input.value = waarde;
  const errorBox = h('div', { class: 'utrecht-form-field__error-message', id: errorId, hidden: true });
  const element = h('div', { class: 'utrecht-form-field utrecht-form-field--text' },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: id }, label)),
    omschrijving ? h('div', { class: 'utrecht-form-field__description', id: descId },
      h('div', { class: 'utrecht-form-field-description' }, omschrijving)) : null,
    errorBox,
    h('div', { class: 'utrecht-form-field__input' }, input));
  const describedBy = (withError) => {
    const ids = [withError ? errorId : null, descId].filter(Boolean);
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  };
  return {
    element,
    input,
    pointer,
    label,
    zetFout(meldingen) {
      errorBox.replaceChildren(...meldingen.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
      errorBox.hidden = false;
      element.classList.add('utrecht-form-field--invalid');
      input.classList.add('utrecht-textarea--invalid');
      input.setAttribute('aria-invalid', 'true');
      describedBy(true);
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-field--invalid');
      input.classList.remove('utrecht-textarea--invalid');
      input.removeAttribute('aria-invalid');
      describedBy(false);
    },
  };
}

/**
 * A group of radio buttons in a fieldset with a legend, the formulier.js
 * interface; `input` is the first button (the error summary links to it),
 * `waarde()` the chosen value or null.
 */
export function keuzerondjes({ pointer, legenda, opties, naam = null }) {
  const id = uniqueId('veld');
  const errorId = `${id}-fout`;
  const name = naam || pointer.replace(/^\//, '');
  const inputs = opties.map((o, i) => h('input', {
    class: 'utrecht-radio-button utrecht-radio-button--html-input',
    type: 'radio',
    id: `${id}-${i}`,
    name,
    value: o.waarde,
  }));
  const errorBox = h('div', { class: 'utrecht-form-field__error-message', id: errorId, hidden: true });
  const element = h('fieldset', { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset keuzerondjes' },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, legenda),
    errorBox,
    opties.map((o, i) => h('div', { class: 'utrecht-form-field utrecht-form-field--radio' },
      h('div', { class: 'utrecht-form-field__input' }, inputs[i]),
      h('div', { class: 'utrecht-form-field__label utrecht-form-field__label--radio' },
        h('label', { class: 'utrecht-form-label utrecht-form-label--radio', for: inputs[i].id }, o.tekst)))));
  return {
    element,
    input: inputs[0],
    inputs,
    pointer,
    label: legenda,
    waarde: () => inputs.find((i) => i.checked)?.value ?? null,
    zetFout(meldingen) {
      errorBox.replaceChildren(...meldingen.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
      errorBox.hidden = false;
      element.classList.add('utrecht-form-fieldset--invalid');
      for (const i of inputs) {
        i.setAttribute('aria-invalid', 'true');
        i.setAttribute('aria-describedby', errorId);
        i.classList.add('utrecht-radio-button--invalid');
      }
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-fieldset--invalid');
      for (const i of inputs) {
        i.removeAttribute('aria-invalid');
        i.removeAttribute('aria-describedby');
        i.classList.remove('utrecht-radio-button--invalid');
      }
    },
  };
}

/**
 * An ApiFout as formulier.toonFouten takes it, with the rule's source after
 * each message where the API gives one: "... (bron: [001 §2])".
 */
export function metBron(fout) {
  if (!fout?.fouten?.length) return fout;
  const tekst = (f) => (f.bron ? `${f.melding} (bron: ${f.bron})` : f.melding);
  const velden = {};
  const algemeen = [];
  for (const f of fout.fouten) {
    if (f.veld) (velden[f.veld] ||= []).push(tekst(f));
    else algemeen.push(tekst(f));
  }
  return { message: fout.message, velden, algemeen };
}

/** A link to a joint request for who may open /nza/verzoeken/:id (NZa, auditor); plain text for others. */
export function magVerzoekZien(sessie) {
  const rollen = sessie?.gebruiker?.rollen || [];
  return rollen.includes('nza') || rollen.includes('auditor');
}
