// SPDX-License-Identifier: EUPL-1.2
//
// indiening.mjs -- helpers for the suites of submission (rounds, applications,
// submission, assessment), the crash test and the deadline benchmark.
//
//   canonical(value)      the canonical document of docs/indiening.md §3,
//                         written independently of the server (jansson)
//   sha256hex(text)       lower-case hex SHA-256 of a string's UTF-8 bytes
//   await world(srv)      on a --demo server: sessions, API tokens and the
//                         organisations of the demo data, and the example
//                         application re-pointed at them
//   utc(ms)               an ISO 8601 UTC moment with microseconds
//
// Anyone can recompute a receipt's hash: JSON.parse the submitted document
// and hash canonical(doc).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { client } from './http.mjs';
import { repoRoot } from './server.mjs';

export const DEMO_WACHTWOORD = 'demo-doorbraak-2026';
export const JSON_HEADERS = { 'content-type': 'application/json' };

/** JSON string escaping of jansson: '"', '\\', \b \f \n \r \t, other
 * control characters as \u00XX (upper-case hex); everything else as is. */
function quote(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 0x20) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The canonical document: compact, object members sorted by the bytes of
 * their UTF-8 keys, integers in decimal (no reals exist in a document). */
export function canonical(v) {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new Error(`not an integer: ${v}`);
    return String(v);
  }
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const keys = Object.keys(v).sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  return `{${keys.map((k) => `${quote(k)}:${canonical(v[k])}`).join(',')}}`;
}

export function sha256hex(text) {
  return createHash('sha256').update(text).digest('hex');
}

/** ISO 8601 UTC with microseconds, e.g. 2027-03-01T12:00:00.000000Z. */
export function utc(ms) {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function voorbeeld(name) {
  return JSON.parse(readFileSync(path.join(repoRoot, 'voorbeelden', 'aanvragen', `${name}.json`), 'utf8'));
}

/** Replaces every integer `from` (at any depth) by `to`. */
export function repoint(v, map) {
  if (Array.isArray(v)) return v.map((x) => repoint(x, map));
  if (v && typeof v === 'object') {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = repoint(x, map);
    return o;
  }
  return typeof v === 'number' && map.has(v) ? map.get(v) : v;
}

/** A caller: a session (cookie + CSRF) or an API token. */
export function caller(api, who) {
  const headers = (method, body) => {
    const h = {};
    if (who.cookie) h.cookie = `__Host-doorbraak=${who.cookie}`;
    if (who.cookie && method !== 'GET') h['x-csrf-token'] = who.csrf;
    if (who.token) h.authorization = `Bearer ${who.token}`;
    if (body !== undefined) Object.assign(h, JSON_HEADERS);
    return h;
  };
  const call = (method, p, body, extra = {}) => api.request(method, `/api/v1${p}`, {
    headers: { ...headers(method, body), ...extra }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { ...who, call, get: (p) => call('GET', p), post: (p, b) => call('POST', p, b ?? {}),
           put: (p, b) => call('PUT', p, b) };
}

async function session(api, name) {
  const res = await api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: name, wachtwoord: DEMO_WACHTWOORD }) });
  if (res.status !== 201) throw new Error(`login ${name}: ${res.status} ${res.text}`);
  const raw = [].concat(res.headers['set-cookie'])[0] || '';
  const cookie = /^__Host-doorbraak=([^;]*)/.exec(raw)[1];
  const b = res.json();
  return { name, cookie, csrf: b.csrf_token, orgId: b.organisatie.id };
}

/** A caller logged in as demo account `name` on `api` (a client of tests/lib/http.mjs). */
export async function inloggen(api, name) {
  return caller(api, await session(api, name));
}

/**
 * The world of a --demo server: callers aanvrager (Demo Ziekenhuis, the lead),
 * beoordelaar (Demo Zorgverzekeraar Noord, coordinating), programmabureau,
 * beheerder, beheerder2 (the second administrator), auditor, gemeente; tokens zuid (second insurer), west (an
 * insurer not on the applications), vvt (a participant), huisartsen (an
 * outsider provider); org ids; and doc() -> the conform example re-pointed:
 * lead ziekenhuis, participants vvt and ggz, insurers noord and zuid.
 */
export async function world(srv) {
  const api = client(srv.url);
  const w = { api };
  for (const n of ['aanvrager', 'beoordelaar', 'programmabureau', 'beheerder', 'auditor', 'gemeente']) {
    w[n] = caller(api, await session(api, n));
  }
  w.beheerder2 = caller(api, await session(api, 'beheerder-2'));
  const orgs = (await w.beheerder.get('/organisaties?limiet=1000')).json().organisaties;
  const by = (f) => orgs.find(f).id;
  w.org = {
    noord: by((o) => o.uzovi_code === '9001'), zuid: by((o) => o.uzovi_code === '9002'),
    west: by((o) => o.uzovi_code === '9003'), ziekenhuis: by((o) => o.agb_code === '99000001'),
    vvt: by((o) => o.agb_code === '99000002'), ggz: by((o) => o.agb_code === '99000003'),
    huisartsen: by((o) => o.agb_code === '99000004'), groningen: by((o) => o.cbs_code === '0014'),
  };
  // A token where money moves: one administrator asks, the other approves
  // and receives it (four eyes, docs/toegang.md).
  const token = async (org, rol, naam) => {
    let r = await w.beheerder.post('/apitokens', { organisatie_id: org, rol, naam });
    if (r.status !== 201) throw new Error(`token ${naam}: ${r.text}`);
    if (r.json().apitoken.status === 'aangevraagd') {
      r = await w.beheerder2.post(`/apitokens/${r.json().apitoken.id}/goedkeuringen`, {});
      if (r.status !== 201) throw new Error(`token ${naam} approval: ${r.text}`);
    }
    return caller(api, { token: r.json().token, orgId: org });
  };
  w.zuid = await token(w.org.zuid, 'beoordelaar', 'zuid');
  w.west = await token(w.org.west, 'beoordelaar', 'west');
  w.vvt = await token(w.org.vvt, 'aanvrager', 'vvt');
  w.huisartsen = await token(w.org.huisartsen, 'aanvrager', 'huisartsen');
  const map = new Map([[1001, w.org.ziekenhuis], [1002, w.org.vvt], [1003, w.org.ggz],
    [2001, w.org.noord], [2002, w.org.zuid]]);
  const conform = voorbeeld('conform-spraakgestuurd-rapporteren');
  w.doc = (titel) => {
    const d = repoint(conform, map);
    if (titel) d.titel = titel;
    return d;
  };
  const hmap = new Map([[1101, w.org.ziekenhuis], [1102, w.org.vvt], [1103, w.org.huisartsen],
    [3001, w.org.groningen], [2003, w.org.noord], [2004, w.org.zuid]]);
  const hybride = voorbeeld('afwijkingen-toegelicht-hybride-zorgpaden');
  w.hybride = () => repoint(hybride, hmap);
  /** A round of catalogue 1 that opened a second ago and closes in `seconds`. */
  w.round = async (seconds, naam = 'Testronde', extra = {}) => {
    const now = Date.now();
    const r = await w.programmabureau.post('/indieningsrondes', { naam, catalogusversie: 1,
      uitloopjaar_toegestaan: true, impactlat_id: 'B', opent_op: utc(now - 1000),
      sluit_op: utc(now + seconds * 1000), ...extra });
    if (r.status !== 201) throw new Error(`round: ${r.text}`);
    return r.json();
  };
  /** A draft of `doc` by the lead in round `ronde`; returns the answer body. */
  w.draft = async (ronde, doc = w.doc(), regio) => {
    const r = await w.aanvrager.post('/aanvragen', { indieningsronde_id: ronde, document: doc, ...(regio ? { regio } : {}) });
    if (r.status !== 201) throw new Error(`draft: ${r.status} ${r.text}`);
    return r.json();
  };
  return w;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
