// SPDX-License-Identifier: EUPL-1.2
//
// bestuur-gemeen.js -- what the board's screens share (docs/bestuur.md,
// docs/verdeling.md): the closed rounds and the round chooser, names of
// statuses, rules and budget lines in Dutch, application titles, form
// fields with a description (input, select or textarea; formulier.js has
// the radio group and the group of fields with one error), the parsing of
// typed numbers into the API's integers, and API errors with their source.
//
// Nothing here repeats a rule of the server: a typed value that does not
// parse is sent as typed, so that the API's own message lands at the field.

import { api } from '../api.js';
import * as catalogus from '../catalogus.js';
import { button, h, uniqueId } from '../dom.js';
import { keuzeveld } from '../formulier.js';
import { centenUitTekst, datum, milli } from '../opmaak.js';

// --- names ------------------------------------------------------------------

/** Status of an application in the round: statussen.js, the one table. */
export { AANVRAAGSTATUS } from '../statussen.js';

/** Status of an application in a scenario (docs/verdeling.md §6). */
export const SCENARIOSTATUS = {
  toegekend: 'Toegekend',
  verlaagd: 'Verlaagd',
  afgewezen: 'Afgewezen',
};

/** The allocation rules (docs/verdeling.md §3), explained for the board. */
export const REGELS = {
  optimaal: {
    naam: 'Optimaal',
    uitleg: 'De verdeling die binnen alle budgetten samen de meeste arbeidsbesparing (fte) oplevert. '
      + 'Aanvragen kunnen gedeeltelijk worden toegekend, nooit onder het minimumaandeel van hun modelplan.',
  },
  rangorde: {
    naam: 'Rangorde',
    uitleg: 'Aanvragen op volgorde van fte per euro; elke aanvraag krijgt haar bedrag als het past. '
      + 'Een thema sluit bij de eerste aanvraag die niet meer past: alles daaronder valt onder de afkapgrens.',
  },
  pro_rata: {
    naam: 'Pro rata',
    uitleg: 'Elke aanvraag in een thema krijgt hetzelfde deel van haar gevraagde bedrag. '
      + 'Wie daarmee onder het minimumaandeel van het modelplan komt, krijgt niets. Vraagt om gedeeltelijke toekenning.',
  },
};

export function regelnaam(code) {
  return REGELS[code]?.naam || code;
}

/** Over- or under-subscription of a line (docs/bestuur.md §2). */
export const STAND = {
  // the API's codes, the source's words: over- of onderschrijding [001 "Vervolgproces"]
  overschrijding: 'Overschrijding',
  onderschrijding: 'Onderschrijding',
  precies: 'Precies gevuld',
};

export function standnaam(code) {
  return code ? STAND[code] || code : '-';
}

/** fte from thousandths: 1135000 -> "1.135 fte". */
export function fte(milliFte) {
  return `${milli(milliFte)} fte`;
}

/** fte per EUR 1 mln from thousandths: 27023 -> "27,023 fte per € 1 mln". */
export function ftePerMiljoen(milliFte) {
  return milliFte === null || milliFte === undefined ? '-' : `${milli(milliFte)} fte per €\u00a01 mln`;
}

/**
 * The Dutch name of a budget line: the line object of a result
 * ({ sleutel, soort, naam }) or a key ("thema:ai", "jaar:2027", "fonds").
 */
export function lijnnaam(lijn, themanamen = {}) {
  const sleutel = typeof lijn === 'string' ? lijn : lijn.sleutel;
  const [soort, ...rest] = sleutel.split(':');
  const id = rest.join(':');
  if (soort === 'fonds') return 'Fondsplafond';
  if (soort === 'thema') return `Themabudget ${themanamen[id] || id}`;
  if (typeof lijn !== 'string' && lijn.naam) return lijn.naam;
  if (soort === 'jaar') return `Jaarlimiet ${id}`;
  return sleutel;
}

/** "[001 §3]" after a message when the API gave the rule's source. */
export function metBron(melding, bron) {
  return bron ? `${melding} ${bron}` : melding;
}

/**
 * An ApiFout as formulier.toonFouten() takes it, every message with its
 * source. Pointers that are no field of the form (a ledger key, the
 * scenario id) go to the summary, prefixed with the key when `naamVoor`
 * says so for that pointer.
 */
export function foutMetBron(fout, { bekend = [], naamVoor = () => null } = {}) {
  const velden = {};
  const algemeen = [];
  for (const f of fout.fouten || []) {
    const tekst = metBron(f.melding, f.bron);
    if (f.veld && bekend.includes(f.veld)) {
      (velden[f.veld] ||= []).push(tekst);
    } else {
      const voor = f.veld ? naamVoor(f.veld) : null;
      algemeen.push(voor ? `${voor}: ${tekst}` : tekst);
    }
  }
  if (!algemeen.length && !Object.keys(velden).length) algemeen.push(fout.message);
  return { message: fout.message, velden, algemeen };
}

// --- rounds and titles ---------------------------------------------------------

/** The closed rounds, most recently closed first (GET /indieningsrondes). */
export async function geslotenRondes(signal) {
  const { indieningsrondes } = await api.get('/indieningsrondes', { signal });
  return indieningsrondes
    .filter((r) => r.fase === 'gesloten')
    .sort((a, b) => (a.sluit_op < b.sluit_op ? 1 : a.sluit_op > b.sluit_op ? -1 : b.id - a.id));
}

/**
 * The round chooser: a select of closed rounds and a button; choosing goes
 * to `pad?indieningsronde=ID` (a new screen, so the address can be shared).
 */
export function rondekeuze(ctx, rondes, gekozen, pad) {
  const veld = keuzeveld({
    pointer: 'indieningsronde',
    label: 'Indieningsronde',
    waarde: String(gekozen),
    opties: rondes.map((r) => ({ waarde: String(r.id), tekst: `${r.naam} (gesloten op ${datum(r.sluit_op.slice(0, 10))})` })),
  });
  const form = h('form', { class: 'utrecht-form filter', 'aria-label': 'Indieningsronde kiezen', novalidate: true },
    h('div', { class: 'filter__velden' }, veld.element),
    h('div', { class: 'utrecht-button-group' }, button('Ronde tonen', { type: 'submit', kind: 'secondary' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(`${pad}?indieningsronde=${encodeURIComponent(veld.input.value)}`);
  });
  return form;
}

/** The round of the address, else the most recently closed one; null when there is none. */
export function gekozenRonde(ctx, rondes) {
  const q = ctx.query.get('indieningsronde');
  if (q) return q;
  return rondes.length ? String(rondes[0].id) : null;
}

/**
 * Application id (as text) -> title, for the roles that may see the
 * applications of the macro overview (the first 1000). Anyone else gets an
 * empty map, and the screens show the id.
 */
export async function aanvraagTitels(rondeId, signal) {
  try {
    const m = await api.get('/macrooverzicht', {
      query: { indieningsronde: rondeId, aanvragen: 'true', limiet: 1000 }, signal,
    });
    return new Map((m.aanvragen || []).map((a) => [String(a.id), a.titel]));
  } catch (fout) {
    if (fout.geannuleerd) throw fout;
    return new Map();
  }
}

/** Theme id -> name from the round's catalogue version. */
export async function themanamenVan(versie) {
  try {
    const doc = await catalogus.catalogusDocument(versie);
    return Object.fromEntries((doc.themas || []).map((t) => [t.id, t.naam]));
  } catch {
    return catalogus.themanamen();
  }
}

export function aanvraagnaam(titels, id) {
  return titels.get(String(id)) || `Aanvraag ${id}`;
}

// --- fields -------------------------------------------------------------------

function veldFout(element, input, errorBox, descId, errorId) {
  function describedBy(withError) {
    const ids = [withError ? errorId : null, descId].filter(Boolean);
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  }
  return {
    zetFout(meldingen) {
      errorBox.replaceChildren(...meldingen.map((m) => h('p', { class: 'utrecht-form-field-error-message' }, m)));
      errorBox.hidden = false;
      element.classList.add('utrecht-form-field--invalid');
      input.setAttribute('aria-invalid', 'true');
      describedBy(true);
    },
    wisFout() {
      errorBox.replaceChildren();
      errorBox.hidden = true;
      element.classList.remove('utrecht-form-field--invalid');
      input.removeAttribute('aria-invalid');
      describedBy(false);
    },
  };
}

/**
 * A field of any kind, with description and error, for formulier():
 *   soort: 'input' (default), 'select' (opties [{ waarde, tekst }]) or 'textarea'.
 */
export function veld({ pointer, label, omschrijving = null, soort = 'input', opties = [], waarde = '',
  inputmode = null, klasse = null, naam = null, autocomplete = null }) {
  const id = uniqueId('veld');
  const descId = omschrijving ? `${id}-omschrijving` : null;
  const errorId = `${id}-fout`;
  const common = { id, name: naam || pointer.replace(/^\//, '').replace(/\//g, '.'), 'aria-describedby': descId };
  let input;
  if (soort === 'select') {
    input = h('select', { ...common, class: ['utrecht-select', 'utrecht-select--html-select', klasse] },
      opties.map((o) => h('option', { value: o.waarde, selected: o.waarde === waarde }, o.tekst)));
  } else if (soort === 'textarea') {
    input = h('textarea', { ...common, class: ['utrecht-textarea', 'utrecht-textarea--html-textarea', klasse], rows: '5' });
    input.value = waarde;
  } else {
    input = h('input', { ...common, type: 'text', inputmode, autocomplete, class: ['utrecht-textbox', 'utrecht-textbox--html-input', klasse] });
    input.value = waarde;
  }
  const errorBox = h('div', { class: 'utrecht-form-field__error-message', id: errorId, hidden: true });
  const element = h('div', { class: ['utrecht-form-field', `utrecht-form-field--${soort === 'select' ? 'select' : 'text'}`] },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: id }, label)),
    omschrijving ? h('div', { class: 'utrecht-form-field__description', id: descId },
      h('div', { class: 'utrecht-form-field-description' }, omschrijving)) : null,
    errorBox,
    h('div', { class: 'utrecht-form-field__input' }, input));
  return { element, input, pointer, label, ...veldFout(element, input, errorBox, descId, errorId) };
}

// --- typed numbers --------------------------------------------------------------

function schoon(tekst) {
  return String(tekst ?? '').replace(/[\s\u00a0€]/g, '').replace(/^EUR/i, '');
}

/**
 * A decimal typed by a person ("12,5", "12.5", "1.234,5") as an integer
 * scaled by 10^schaal (string arithmetic only), or null when it is no
 * number or has more decimals than the scale allows.
 */
function geschaald(tekst, schaal) {
  let t = schoon(tekst);
  if (!t) return null;
  let teken = 1n;
  if (t.startsWith('-')) {
    teken = -1n;
    t = t.slice(1);
  }
  let heel;
  let deel = '';
  const nl = /^([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?$/.exec(t);
  const en = /^([0-9]+)\.([0-9]+)$/.exec(t);
  if (nl) {
    heel = nl[1].replace(/\./g, '');
    deel = nl[2] || '';
  } else if (en && schaal > 0 && en[2].length !== 3) {
    heel = en[1];
    deel = en[2];
  } else {
    return null;
  }
  if (deel.length > schaal) return null;
  return teken * (BigInt(heel) * 10n ** BigInt(schaal) + BigInt((deel.padEnd(schaal, '0')) || '0'));
}

function alsGetal(big) {
  const n = Number(big);
  return Number.isSafeInteger(n) ? n : big.toString();
}

/** Euros typed ("1.234,56", "1234", "€ 275.000.000") -> cents (a Number), or null (opmaak.centenUitTekst). */
export function centen(tekst) {
  const c = centenUitTekst(tekst);
  return c === null ? null : alsGetal(c);
}

/** A percentage typed ("10", "12,5") -> basis points, or null. */
export function bpUitTekst(tekst) {
  const c = geschaald(tekst, 2);
  return c === null ? null : alsGetal(c);
}

/** A number with up to three decimals ("17", "17,5") -> thousandths, or null. */
export function milliUitTekst(tekst) {
  const c = geschaald(tekst, 3);
  return c === null ? null : alsGetal(c);
}

/** A whole number ("200000", "200.000") -> Number, or null. */
export function geheelUitTekst(tekst) {
  const c = geschaald(tekst, 0);
  return c === null ? null : alsGetal(c);
}

/**
 * A typed value for the API: '' -> undefined (left out: the default), a
 * number that parses -> the integer, anything else -> the text as typed, so
 * that the API refuses it with its own message at the field.
 */
export function invoer(tekst, parse) {
  const t = String(tekst ?? '').trim();
  if (!t) return undefined;
  const v = parse(t);
  return v === null ? t : v;
}
