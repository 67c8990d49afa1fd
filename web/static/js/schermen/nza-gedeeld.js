// SPDX-License-Identifier: EUPL-1.2
//
// nza-gedeeld.js -- pieces the NZa screens share (area NZa):
// the joint request's statuses, NZa's findings with their sources, the
// upper bound per year, and an API error with the rule's source added to
// each message as "(bron: ...)" (formulier.js' metBron in NZa's wording).
//
// Used by nza-verzoeken.js, nza-verzoek.js, beschikkingen.js,
// beschikking.js and grootboek.js. Not a screen itself (no toon()).

import * as catalogus from '../catalogus.js';
import { badge, h, table, uniqueId } from '../dom.js';
import { metBron as metBronIn } from '../formulier.js';
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
 * An ApiFout as formulier.toonFouten takes it, with the rule's source after
 * each message where the API gives one: "... (bron: [001 §2])".
 */
export function metBron(fout) {
  return metBronIn(fout, { bron: (melding, bron) => `${melding} (bron: ${bron})` });
}

/** A link to a joint request for who may open /nza/verzoeken/:id (NZa, auditor); plain text for others. */
export function magVerzoekZien(sessie) {
  const rollen = sessie?.gebruiker?.rollen || [];
  return rollen.includes('nza') || rollen.includes('auditor');
}
