// SPDX-License-Identifier: EUPL-1.2
//
// aanvraagformulier.js -- the pieces of the application wizard (the
// coalition's screens, docs/web.md "Aanvrager"): JSON pointers into the
// application document, turning what a user types into the document's
// integers, and form fields that show three things beside the input:
//
//   * the API's refusal of a save (problem+json errors[].name, a pointer
//     under /document), as an error message (aria-invalid);
//   * the live checks of the last save (toetsing.bevindingen[].veld; an
//     unexplained deviation from the modelplan is one of them, T11):
//     blocking, a point for the assessment, or left to the insurers;
//   * for a request for information: that the insurer asked for this field.
//
// The document itself stays the source of truth: a field reads its value
// from it and writes back into it; nothing here knows the rules of the
// checks (docs/aanvraag.md §5): the server decides, the client shows.

import { append, h, replaceChildren as vervang, uniqueId } from './dom.js';
import { centenUitTekst, euroInvoer, toBigInt } from './opmaak.js';

// --- JSON pointers (RFC 6901) ------------------------------------------------

/** '/a/0/b' -> ['a', '0', 'b']; '' -> []. */
export function delen(pointer) {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Is `p` at or below `boven`? ('' is above everything.) */
export function onder(p, boven) {
  if (boven === '' || p === boven) return true;
  return p.startsWith(`${boven}/`);
}

/** The value at `p` in `doc`, or undefined. */
const ONDERDELEN = {
  titel: 'Titel', coalitie: 'Coalitie', zorgpaden: 'Zorgpaden', antwoorden: 'Antwoorden', begroting: 'Begroting',
  eenheden: 'Eenheden', totaal_bedrag_cent: 'Totaal gevraagd bedrag', impact: 'Impact', structureel: 'Structurele kosten',
  eenmalige_impuls: 'Eenmalige impuls', mijlpalen: 'Mijlpalen', afwijkingen: 'Afwijkingen',
  regionale_aanpassingen: 'Regionale aanpassingen', verklaringen: 'Verklaringen',
};

/**
 * A document pointer as a person reads it: "/impact/meetmethode" is
 * "Impact: meetmethode", "/antwoorden/3/regiocontext" is "Antwoord op vraag
 * 2.1: regiocontext", "/coalitie/deelnemers/0/bedrag_cent" is "Coalitie:
 * deelnemers 1: bedrag". Units of the API (_cent, _milli, _bp) are left out.
 */
export function veldOmschrijving(doc, p) {
  const delen = String(p).split('/').slice(1).map((d) => d.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (!delen.length || !delen[0]) return 'De aanvraag';
  const uit = [];
  for (let i = 0; i < delen.length; i++) {
    const d = delen[i];
    if (i === 0) {
      uit.push(ONDERDELEN[d] || d.replace(/_/g, ' '));
    } else if (/^\d+$/.test(d)) {
      const vraag = delen[i - 1] === 'antwoorden' ? doc?.antwoorden?.[Number(d)]?.vraag_id : null;
      if (vraag) uit.splice(uit.length - 1, 1, `Antwoord op vraag ${vraag}`);
      else uit[uit.length - 1] += ` ${Number(d) + 1}`;
    } else {
      uit.push(d.replace(/_(cent|milli|bp)$/, '').replace(/_/g, ' '));
    }
  }
  return uit.join(': ');
}

export function lees(doc, p) {
  let v = doc;
  for (const part of delen(p)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? v[Number(part)] : v[part];
  }
  return v;
}

/**
 * Sets the value at `p`, making the objects on the way; `undefined` removes
 * the member (absent = not filled in yet, docs/aanvraag.md §1.6). An object
 * that becomes empty this way is removed too, so clearing a field leaves the
 * document as if it had never been filled in.
 */
export function schrijf(doc, p, waarde) {
  const parts = delen(p);
  const pad = [doc];
  let v = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = Array.isArray(v) ? Number(parts[i]) : parts[i];
    if (v[key] === null || typeof v[key] !== 'object') {
      if (waarde === undefined) return;
      v[key] = /^[0-9]+$/.test(parts[i + 1]) ? [] : {};
    }
    v = v[key];
    pad.push(v);
  }
  const last = parts[parts.length - 1];
  if (waarde === undefined) {
    if (Array.isArray(v)) return;
    delete v[last];
    for (let i = pad.length - 1; i > 0; i--) {
      const o = pad[i];
      if (Array.isArray(o) || Object.keys(o).length) break;
      const parent = pad[i - 1];
      if (Array.isArray(parent)) break;
      delete parent[parts[i - 1]];
    }
  } else {
    v[Array.isArray(v) ? Number(last) : last] = waarde;
  }
}

// --- typed input into the document's integers --------------------------------

/**
 * Thousandths as a user types them: "12,5" -> 12500n, "190" -> 190000n,
 * "1.234,125" -> 1234125n. String arithmetic only. null for anything else.
 */
export function milliUitTekst(tekst) {
  const s = String(tekst ?? '').replace(/[\s\u00a0]/g, '');
  const m = /^([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]{1,3}))?$/.exec(s);
  if (!m) return null;
  return BigInt(m[1].replace(/\./g, '')) * 1000n + BigInt((m[2] || '').padEnd(3, '0'));
}

/** Thousandths as typed back: 12500 -> "12,5", 190000 -> "190". */
export function milliInvoer(value) {
  const n = toBigInt(value);
  const whole = n / 1000n;
  const frac = (n % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return whole.toString() + (frac ? `,${frac}` : '');
}

/** A JSON number for the document when it is exact, else null. */
function alsGetal(big) {
  if (big === null) return null;
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : null;
}

/**
 * Per kind of field: text in the input -> value in the document, and back.
 * What cannot be read as the kind asks goes to the server as typed: the
 * server refuses it at this field with its own message (the client repeats
 * no rule of the server).
 */
const SOORTEN = {
  tekst: { uit: (t) => t, in: (v) => (v ?? '') },
  bedrag: {
    uit: (t) => alsGetal(centenUitTekst(t)) ?? t,
    in: (v) => (Number.isSafeInteger(v) && v >= 0 ? euroInvoer(v) : String(v ?? '')),
  },
  fte: {
    uit: (t) => alsGetal(milliUitTekst(t)) ?? t,
    in: (v) => (Number.isSafeInteger(v) && v >= 0 ? milliInvoer(v) : String(v ?? '')),
  },
  getal: {
    uit: (t) => (/^[0-9]{1,15}$/.test(t.trim()) ? Number(t.trim()) : t),
    in: (v) => String(v ?? ''),
  },
  datum: { uit: (t) => t, in: (v) => String(v ?? '') },
};

// --- what the checks say about a field ----------------------------------------

/**
 * How a finding reads: { soort: 'blokkerend' | 'aandacht' | 'beoordelaar' | 'voldaan', kop }.
 */
export function bevindingSoort(b) {
  if (b.resultaat === 'voldaan') return { soort: 'voldaan', kop: 'In orde' };
  if (b.resultaat === 'beoordelaar') return { soort: 'beoordelaar', kop: 'Ter beoordeling door de zorgverzekeraars' };
  if (b.blokkerend) return { soort: 'blokkerend', kop: 'Blokkeert indienen' };
  return { soort: 'aandacht', kop: 'Aandachtspunt voor de beoordeling' };
}

/** The source line of a finding: check id, basic requirement, the rule's source as the API gives it. */
export function bronTekst(b) {
  const delenBron = [b.id];
  if (b.basiseis) delenBron.push(`basiseis ${b.basiseis}`);
  if (b.bron) delenBron.push(b.bron);
  return delenBron.join(' · ');
}

/** One finding as a list item (text, never markup). */
export function bevindingItem(b, extra = null) {
  const { soort, kop } = bevindingSoort(b);
  return h('li', { class: ['toets', `toets--${soort}`] },
    h('strong', { class: 'toets__kop' }, `${kop}: `), extra || b.bericht,
    h('span', { class: 'toets__bron' }, ` (${bronTekst(b)})`));
}

// --- fields ------------------------------------------------------------------

function omschrijvingVak(id, inhoud) {
  return inhoud ? h('div', { class: 'utrecht-form-field__description', id },
    h('div', { class: 'utrecht-form-field-description' }, inhoud)) : null;
}

/**
 * The parts every field and group shares: an error box, a box for the
 * checks, a box for "asked by the insurer", and aria-describedby on the
 * inputs listing the ones that show something.
 */
function meldingen(id, descId, inputs, { invalid = true } = {}) {
  const fout = h('div', { class: 'utrecht-form-field__error-message', id: `${id}-fout`, hidden: true });
  const bevindingen = h('div', { class: 'toetsvak', id: `${id}-toets`, hidden: true });
  const gevraagd = h('div', { class: 'gevraagd', id: `${id}-gevraagd`, hidden: true });
  function beschrijf() {
    const ids = [fout, bevindingen, gevraagd].filter((b) => !b.hidden).map((b) => b.id);
    if (descId) ids.push(descId);
    for (const input of inputs()) {
      if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
      else input.removeAttribute('aria-describedby');
    }
  }
  return {
    nodes: [gevraagd, fout, bevindingen],
    zetFout(lijst, element) {
      vervang(fout, ...lijst.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
      fout.hidden = false;
      element.classList.add('utrecht-form-field--invalid');
      if (invalid) for (const input of inputs()) input.setAttribute('aria-invalid', 'true');
      beschrijf();
    },
    wisFout(element) {
      vervang(fout);
      fout.hidden = true;
      element.classList.remove('utrecht-form-field--invalid');
      for (const input of inputs()) input.removeAttribute('aria-invalid');
      beschrijf();
    },
    zetBevindingen(items) {
      vervang(bevindingen, items.length ? h('ul', { class: 'toetsvak__lijst' }, items) : null);
      bevindingen.hidden = !items.length;
      beschrijf();
    },
    zetGevraagd(tekst, element) {
      vervang(gevraagd, tekst ? h('p', { class: 'utrecht-paragraph gevraagd__tekst' },
        h('strong', {}, 'Gevraagd door de zorgverzekeraar: '), tekst) : null);
      gevraagd.hidden = !tekst;
      element.classList.toggle('veld--gevraagd', Boolean(tekst));
      beschrijf();
    },
    beschrijf,
  };
}

/**
 * A field bound to the document.
 *   pointer, label, omschrijving (text or nodes), soort: 'tekst' | 'bedrag' |
 *   'fte' | 'getal' | 'datum' (an <input>), 'tekstvak' (a <textarea>),
 *   'keuze' (a <select> with opties [{ waarde, tekst }]; waarde typed as the
 *   document wants it), 'vinkje' (a check box: true or absent).
 *   waarde: the current value from the document.
 *   leeg: the value for an empty field (undefined: the member is removed;
 *   '' for the text of an answer, which is '' when not answered yet).
 *   onWijzig(value): called on every edit with the document's value.
 * Returns { element, input, pointer, label, zetFout, wisFout, zetBevindingen, zetGevraagd }.
 */
export function veld({ pointer: p, label, omschrijving = null, soort = 'tekst', opties = [], waarde, leeg, onWijzig,
  rijen = 4, alleenLezen = false, klasse = null, autocomplete = null }) {
  const id = uniqueId('veld');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  let input;
  if (soort === 'tekstvak') {
    input = h('textarea', { class: 'utrecht-textarea utrecht-textarea--html-textarea', id, rows: String(rijen), readonly: alleenLezen });
    input.value = waarde ?? '';
  } else if (soort === 'keuze') {
    const lijst = [...opties];
    if (waarde !== undefined && waarde !== null && !lijst.some((o) => o.waarde === waarde)) {
      lijst.push({ waarde, tekst: String(waarde) });
    }
    input = h('select', { class: 'utrecht-select utrecht-select--html-select', id, disabled: alleenLezen },
      lijst.map((o, i) => h('option', { value: String(i), selected: o.waarde === waarde || (o.waarde === undefined && (waarde === undefined || waarde === null)) }, o.tekst)));
    input.waarden = lijst.map((o) => o.waarde);
  } else if (soort === 'vinkje') {
    input = h('input', { class: 'utrecht-checkbox utrecht-checkbox--html-input', type: 'checkbox', id, checked: waarde === true, disabled: alleenLezen });
  } else {
    const s = SOORTEN[soort];
    input = h('input', {
      class: ['utrecht-textbox', 'utrecht-textbox--html-input', klasse || (soort === 'tekst' ? null : 'aanvraagveld__kort')],
      id,
      type: soort === 'datum' ? 'date' : 'text',
      inputmode: soort === 'getal' ? 'numeric' : (soort === 'bedrag' || soort === 'fte' ? 'decimal' : null),
      spellcheck: soort === 'tekst' ? null : 'false',
      autocomplete,
      readonly: alleenLezen,
    });
    input.value = s.in(waarde);
  }
  if (descId) input.setAttribute('aria-describedby', descId);
  const m = meldingen(id, descId, () => [input]);
  const labelEl = h('label', { class: ['utrecht-form-label', soort === 'vinkje' && 'utrecht-form-label--checkbox'], for: id }, label);
  const element = soort === 'vinkje'
    ? h('div', { class: ['utrecht-form-field', 'utrecht-form-field--checkbox', 'aanvraagveld', 'vinkje'] },
      m.nodes,
      h('div', { class: 'vinkje__regel' },
        h('div', { class: 'utrecht-form-field__input' }, input),
        h('div', { class: 'utrecht-form-field__label' }, labelEl)),
      omschrijvingVak(descId, omschrijving))
    : h('div', { class: ['utrecht-form-field', 'aanvraagveld', soort === 'tekstvak' ? 'utrecht-form-field--textarea' : 'utrecht-form-field--text'] },
      h('div', { class: 'utrecht-form-field__label' }, labelEl),
      omschrijvingVak(descId, omschrijving),
      m.nodes,
      h('div', { class: 'utrecht-form-field__input' }, input));

  function huidige() {
    if (soort === 'vinkje') return input.checked ? true : undefined;
    if (soort === 'keuze') return input.waarden[Number(input.value)];
    const t = input.value;
    if (t.trim() === '') return leeg;
    if (soort === 'tekstvak') return t;
    return SOORTEN[soort].uit(soort === 'tekst' ? t : t.trim());
  }
  if (!alleenLezen && onWijzig) {
    input.addEventListener(soort === 'vinkje' || soort === 'keuze' ? 'change' : 'input', () => onWijzig(huidige()));
  }

  return {
    element,
    input,
    pointer: p,
    label: typeof label === 'string' ? label : element.textContent,
    zetFout: (lijst) => m.zetFout(lijst, element),
    wisFout: () => m.wisFout(element),
    zetBevindingen: (items) => m.zetBevindingen(items),
    zetGevraagd: (tekst) => m.zetGevraagd(tekst, element),
  };
}

/**
 * A group of fields (a fieldset with a legend) with a pointer of its own:
 * the checks that name the whole group (/coalitie/deelnemers, /begroting)
 * land on its legend's side. inhoud: nodes; knoppen: nodes after the legend
 * (e.g. a remove button). eerste(): the input a link to the group focuses.
 */
export function groep({ pointer: p, label, inhoud, omschrijving = null, eerste = () => null, klasse = null, kop = null }) {
  const id = uniqueId('groep');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const element = h('fieldset', { class: ['utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', 'aanvraaggroep', klasse], id });
  // A fieldset (role group) takes aria-describedby, but not aria-invalid.
  const m = meldingen(id, descId, () => [element], { invalid: false });
  append(element, [
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend aanvraaggroep__legenda' },
      kop ? h(kop, { class: `utrecht-heading-${kop.slice(1)} legenda__kop` }, label) : label),
    omschrijvingVak(descId, omschrijving),
    m.nodes,
    inhoud]);
  if (descId) element.setAttribute('aria-describedby', descId);
  return {
    element,
    get input() { return eerste() || element.querySelector('input, select, textarea, button'); },
    pointer: p,
    label,
    groep: true,
    zetFout: (lijst) => m.zetFout(lijst, element),
    wisFout: () => m.wisFout(element),
    zetBevindingen: (items) => m.zetBevindingen(items),
    zetGevraagd: (tekst) => m.zetGevraagd(tekst, element),
  };
}

/**
 * The field a pointer belongs to: the one with exactly this pointer, else
 * the deepest one above it. null when none is.
 */
export function veldVoor(velden, p) {
  let best = null;
  for (const v of velden) {
    if (!onder(p, v.pointer)) continue;
    if (!best || v.pointer.length > best.pointer.length) best = v;
  }
  return best;
}

// --- texts shared by the coalition's screens -----------------------------------

// The names of statuses, verdicts, parts and routes: statussen.js, the one table.
export { AANVRAAGSTATUS as STATUS, aanvraagStatus as statusBadge, EISOORDEEL, OORDEEL, ROUTE, VERZEKERAARROL } from './statussen.js';
