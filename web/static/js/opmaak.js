// SPDX-License-Identifier: EUPL-1.2
//
// opmaak.js -- numbers, money, shares and dates in Dutch notation.
//
// The API sends money as whole cents (`*_cent`), shares as basis points
// (`*_bp`, 10000 = 100 %) and fte norms as thousandths (`*_milli`); see
// docs/catalogus.md. They are formatted here with BigInt and string
// arithmetic only: no floating point ever touches an amount, so what is
// shown is exactly what is stored. Dutch notation: a dot groups thousands,
// a comma separates decimals, "€ 275.000.000".

const NBSP = '\u00a0';

/** Any integer from the API (number, bigint or digit string) as a BigInt. */
export function toBigInt(value) {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) return BigInt(value);
  throw new TypeError(`geen geheel getal: ${String(value)}`);
}

/** "1234567" -> "1.234.567" (digits only, no sign). */
function groupThousands(digits) {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return out;
}

/** An integer with thousands separators: 27600 -> "27.600". */
export function getal(value) {
  const n = toBigInt(value);
  const abs = n < 0n ? -n : n;
  return (n < 0n ? '-' : '') + groupThousands(abs.toString());
}

/** Splits |n| / 10^scale into whole part and fraction digits without trailing zeros. */
function fixed(value, scale) {
  const n = toBigInt(value);
  const abs = n < 0n ? -n : n;
  const unit = 10n ** BigInt(scale);
  const whole = abs / unit;
  const fraction = (abs % unit).toString().padStart(scale, '0').replace(/0+$/, '');
  return { negative: n < 0n, whole, fraction };
}

function decimal({ negative, whole, fraction }) {
  return (negative ? '-' : '') + groupThousands(whole.toString()) + (fraction ? `,${fraction}` : '');
}

/**
 * Money from cents: 27500000000 -> "€ 275.000.000"; 123456 -> "€ 1.234,56".
 * Whole euros are shown without decimals; otherwise always two decimals.
 */
export function euro(cents) {
  const n = toBigInt(cents);
  const abs = n < 0n ? -n : n;
  const euros = abs / 100n;
  const rest = abs % 100n;
  const text = groupThousands(euros.toString()) + (rest === 0n ? '' : `,${rest.toString().padStart(2, '0')}`);
  return `€${NBSP}${n < 0n ? '-' : ''}${text}`;
}

/** Money in millions for short labels: 27500000000 -> "€ 275 mln", 2550000000 -> "€ 25,5 mln". */
export function euroMiljoen(cents) {
  return `€${NBSP}${decimal(fixed(cents, 8))}${NBSP}mln`;
}

/** Whole euros as a plain Number (exact up to € 90 trillion), for chart scales only. */
export function euroAlsGetal(cents) {
  return Number(toBigInt(cents) / 100n);
}

/** Thousandths: 35000 -> "35", 9500 -> "9,5". */
export function milli(value) {
  return decimal(fixed(value, 3));
}

/** Basis points as a percentage: 10000 -> "100%", 1500 -> "15%", 2550 -> "25,5%". */
export function procent(bp) {
  return `${decimal(fixed(bp, 2))}%`;
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];

/** A calendar date "2026-11-23" -> "23 november 2026" (no time zones involved). */
export function datum(iso) {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso || '');
  if (!m) return iso || '';
  return `${Number(m[3])} ${MAANDEN[Number(m[2]) - 1]} ${m[1]}`;
}

/** A UTC timestamp "2026-11-23T07:00:22Z" -> "23 november 2026 om 08:00" (Dutch time). */
export function datumTijd(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso || '';
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'long', day: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type) => parts.find((p) => p.type === type)?.value || '';
  return `${get('day')} ${get('month')} ${get('year')} om ${get('hour')}:${get('minute')}`;
}

/** "2027" .. "2029" style ranges: {van_jaar, tot_en_met_jaar} -> "2027 tot en met 2029". */
export function periode(p) {
  return p ? `${p.van_jaar} tot en met ${p.tot_en_met_jaar}` : '';
}

/** Joins words Dutch style: ["a", "b", "c"] -> "a, b en c". */
export function opsomming(items) {
  const list = items.filter(Boolean);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} en ${list[list.length - 1]}`;
}

/**
 * An amount in euros as a user types it, into whole cents (BigInt), with
 * string arithmetic only: "1.234.567,89" -> 123456789n, "1234" -> 123400n,
 * "€ 1.234,5" -> 123450n. Dots group thousands (groups of three), a comma
 * separates at most two decimals; spaces and a leading € are ignored.
 * Returns null for anything else (empty, negative, "1.5", letters).
 */
export function centenUitTekst(tekst) {
  const s = String(tekst ?? '').replace(/[\s\u00a0]/g, '').replace(/^€/, '');
  const m = /^([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]{1,2}))?$/.exec(s);
  if (!m) return null;
  const euros = m[1].replace(/\./g, '');
  const cents = (m[2] || '').padEnd(2, '0');
  return BigInt(euros) * 100n + BigInt(cents);
}

/** Cents as a user would type them back into a field: 123456789 -> "1.234.567,89", 500000000 -> "5.000.000". */
export function euroInvoer(cents) {
  return euro(cents).replace(/^€\u00a0/, '');
}
