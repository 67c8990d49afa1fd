// SPDX-License-Identifier: EUPL-1.2
//
// api.js -- the one way the client talks to the server (/api/v1).
//
//   const data = await api.get('/themas');
//   await api.post('/sessies', { gebruikersnaam, wachtwoord });
//
// * The session is the HttpOnly cookie __Host-doorbraak, sent by the browser
//   (same origin); the client never sees it. Writes (POST, PUT, PATCH,
//   DELETE) carry X-CSRF-Token with the session's csrf_token (setCsrfToken).
// * Every failure becomes an ApiFout with a Dutch message: the API's own
//   problem+json detail where there is one, else a message per status.
//   ApiFout.velden maps a JSON pointer ("/gebruikersnaam") to its messages,
//   so a form can show each one at its field and the rest in a summary.
// * Every request has a time limit, and can be cancelled with a signal
//   (the router cancels the requests of a screen the user left).
// * A 401 on anything but the login itself means the session ended; the
//   listeners registered with onSessionEnded() hear about it.

const BASE = '/api/v1';
const TIMEOUT_MS = 30000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = null;
const sessionEndedListeners = new Set();

export function setCsrfToken(token) {
  csrfToken = token || null;
}

export function onSessionEnded(fn) {
  sessionEndedListeners.add(fn);
}

/** A failed API call. status 0: no answer (network, time-out). */
export class ApiFout extends Error {
  constructor(status, message, { code = null, fouten = [], retryAfterS = null, geannuleerd = false } = {}) {
    super(message);
    this.name = 'ApiFout';
    this.status = status;
    this.code = code;
    /** [{ veld: '/pointer' or '', code, melding, bron }] as the API listed them (bron: the rule's source or null). */
    this.fouten = fouten;
    this.retryAfterS = retryAfterS;
    this.geannuleerd = geannuleerd;
  }

  /** Messages per field pointer: { '/gebruikersnaam': ['Geef ...'] }. */
  get velden() {
    const out = {};
    for (const f of this.fouten) {
      if (!f.veld) continue;
      (out[f.veld] ||= []).push(f.melding);
    }
    return out;
  }

  /** Messages that belong to no field (shown in the summary only). */
  get algemeen() {
    return this.fouten.filter((f) => !f.veld).map((f) => f.melding);
  }

  heeftCode(code) {
    return this.fouten.some((f) => f.code === code);
  }
}

function minutes(seconds) {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minuut' : `${m} minuten`;
}

/** The Dutch message for a status when the server sent no detail. */
function messageForStatus(status, retryAfterS) {
  switch (status) {
    case 400: return 'De gegevens zijn niet goed ingevuld.';
    case 401: return 'U bent niet (meer) ingelogd. Log in om verder te gaan.';
    case 403: return 'U heeft geen toegang tot deze gegevens.';
    case 404: return 'Deze gegevens bestaan niet (meer).';
    case 409: return 'Dit kan niet meer: de gegevens zijn intussen gewijzigd.';
    case 413: return 'Wat u verstuurt is te groot.';
    case 429: return retryAfterS
      ? `Te veel pogingen. Probeer het over ${minutes(retryAfterS)} opnieuw.`
      : 'Te veel pogingen. Probeer het later opnieuw.';
    default:
      return status >= 500
        ? 'Er ging iets mis bij de server. Probeer het later opnieuw.'
        : 'Het verzoek is niet gelukt.';
  }
}

async function readBody(res) {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiFout(res, body) {
  const retry = Number(res.headers.get('Retry-After'));
  const retryAfterS = Number.isFinite(retry) && retry > 0 ? retry : null;
  const problem = body && typeof body === 'object' ? body : {};
  const fouten = Array.isArray(problem.errors)
    ? problem.errors.map((e) => ({ veld: e.name || '', code: e.code || null, melding: e.detail || '', bron: e.bron || null }))
    : [];
  let message = messageForStatus(res.status, retryAfterS);
  if (res.status !== 429 && typeof problem.detail === 'string' && problem.detail) message = problem.detail;
  return new ApiFout(res.status, message, { code: problem.code || null, fouten, retryAfterS });
}

/** The caller's signal (may be null) and a time-out, as one signal. */
function combineSignals(signal, timeoutMs) {
  const timeout = AbortSignal.timeout(timeoutMs);
  if (!signal) return timeout;
  if (AbortSignal.any) return AbortSignal.any([signal, timeout]);
  const controller = new AbortController(); // browsers without AbortSignal.any
  for (const s of [signal, timeout]) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/**
 * One request. path is relative to /api/v1 ("/themas"); query is an object
 * (empty values left out); body is sent as JSON. tekst: a JSON text sent as
 * is instead of body (an uploaded document, byte for byte: JSON.parse would
 * change it, e.g. 1.0 into 1). bestand: a File or Blob sent as the body
 * with its own type (an attachment). Resolves with the decoded JSON (null for
 * 204); rejects with an ApiFout.
 */
export async function request(method, path, { query = null, body = undefined, tekst = undefined, bestand = undefined, signal = null, timeoutMs = TIMEOUT_MS } = {}) {
  const url = new URL(BASE + path, window.location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== null && v !== undefined && v !== '') url.searchParams.set(k, String(v));
  }
  const headers = { Accept: 'application/json' };
  if (body !== undefined || tekst !== undefined) headers['Content-Type'] = 'application/json';
  // a file (docs/bijlagen.md): sent as it is; the server decides its type by the content
  if (bestand !== undefined) headers['Content-Type'] = bestand.type || 'application/octet-stream';
  if (WRITES.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const combined = combineSignals(signal, timeoutMs);
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: bestand !== undefined ? bestand : tekst !== undefined ? tekst : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: combined,
    });
  } catch (err) {
    if (signal?.aborted) throw new ApiFout(0, 'Geannuleerd.', { geannuleerd: true });
    if (err?.name === 'TimeoutError') {
      throw new ApiFout(0, 'De server antwoordt niet op tijd. Probeer het opnieuw.');
    }
    throw new ApiFout(0, 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.');
  }
  const data = await readBody(res);
  if (res.ok) return data;
  const fout = toApiFout(res, data);
  if (res.status === 401 && path !== '/sessies') {
    for (const fn of sessionEndedListeners) fn(fout);
  }
  throw fout;
}

/**
 * A download read as a stream (a long text such as the ledger journal):
 * GET path with Accept `accept`, no time-out but the caller's signal;
 * opVoortgang(bytes, totaal) after every chunk (totaal: the length the
 * answer announced, 0 when none). Resolves with a Blob of `type`;
 * rejects with an ApiFout like request() (a problem+json answer, an ended
 * session, no connection, cancelled).
 */
export async function download(path, { accept = 'text/plain', type = 'text/plain;charset=utf-8', signal = null, opVoortgang = null } = {}) {
  let res;
  try {
    res = await fetch(new URL(BASE + path, window.location.origin), {
      headers: { Accept: accept }, credentials: 'same-origin', cache: 'no-store', signal,
    });
  } catch {
    if (signal?.aborted) throw new ApiFout(0, 'Geannuleerd.', { geannuleerd: true });
    throw new ApiFout(0, 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.');
  }
  if (!res.ok) {
    const fout = toApiFout(res, await readBody(res));
    if (res.status === 401) for (const fn of sessionEndedListeners) fn(fout);
    throw fout;
  }
  const reader = res.body.getReader();
  const delen = [];
  const totaal = Number(res.headers.get('content-length')) || 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    delen.push(value);
    bytes += value.length;
    if (opVoortgang) opVoortgang(bytes, totaal);
  }
  return new Blob(delen, { type });
}

export const api = {
  get: (path, opts) => request('GET', path, opts),
  post: (path, body, opts) => request('POST', path, { ...opts, body }),
  upload: (path, bestand, opts) => request('POST', path, { ...opts, bestand }),
  put: (path, body, opts) => request('PUT', path, { ...opts, body }),
  patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
  delete: (path, opts) => request('DELETE', path, opts),
};
