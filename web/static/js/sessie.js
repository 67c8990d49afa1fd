// SPDX-License-Identifier: EUPL-1.2
//
// sessie.js -- who is logged in, in this browser tab.
//
// The server keeps the session (HttpOnly cookie; docs/toegang.md). The
// client keeps what GET /api/v1/sessies/huidig told it: the account, its
// organisation and the CSRF token, in memory only. A flag in localStorage
// ("there may be a session") saves anonymous visitors a pointless 401 on
// every page load; it holds no secret, and a stale flag costs one request.

import { api, onSessionEnded, setCsrfToken } from './api.js';

const FLAG = 'doorbraak.sessie';

let huidig = null; // { gebruiker, organisatie } or null
let verlopen = false; // the last session ended by itself (idle or absolute timeout)
const listeners = new Set();

function notify() {
  for (const fn of listeners) fn(huidig);
}

function set(body) {
  huidig = body ? { gebruiker: body.gebruiker, organisatie: body.organisatie } : null;
  setCsrfToken(body?.csrf_token);
  try {
    if (huidig) localStorage.setItem(FLAG, '1');
    else localStorage.removeItem(FLAG);
  } catch {
    // Storage may be switched off; the flag is only an optimisation.
  }
  notify();
}

/** The logged-in account ({ gebruiker, organisatie }) or null. */
export function sessie() {
  return huidig;
}

/** The roles of the logged-in account ([] when anonymous). */
export function rollen() {
  return huidig?.gebruiker?.rollen || [];
}

/** Called with the new state whenever someone logs in or out. */
export function onSessieWijziging(fn) {
  listeners.add(fn);
}

const berichtenListeners = new Set();

/** Called when the reader marked a message (the header's count changes). */
export function onBerichtenGewijzigd(fn) {
  berichtenListeners.add(fn);
}

/** Tells the header that the number of unread messages may have changed. */
export function meldBerichtenGewijzigd() {
  for (const fn of berichtenListeners) fn();
}

/** True once after a session ended by itself; the login screen says so. */
export function neemVerlopenMelding() {
  const was = verlopen;
  verlopen = false;
  return was;
}

/** Asks the server who is logged in (at start-up). Never throws. */
export async function laadSessie() {
  let flag = null;
  try {
    flag = localStorage.getItem(FLAG);
  } catch {
    flag = '1';
  }
  if (!flag) {
    set(null);
    return null;
  }
  try {
    set(await api.get('/sessies/huidig'));
  } catch {
    huidig = null;
    set(null);
    verlopen = false; // not a session that ended under the user's hands
  }
  return huidig;
}

/** Logs in; resolves with the session, rejects with an ApiFout. */
export async function inloggen({ gebruikersnaam, wachtwoord, totp }) {
  const body = { gebruikersnaam, wachtwoord };
  if (totp) body.totp = totp;
  const answer = await api.post('/sessies', body);
  verlopen = false;
  set(answer);
  return huidig;
}

/** Logs out on the server, then forgets the session here (also when the server already had). */
export async function uitloggen() {
  try {
    await api.delete('/sessies/huidig');
  } catch (err) {
    if (err.status !== 401) throw err;
  }
  verlopen = false;
  set(null);
}

// A 401 from any call: the session ended (idle, absolute time-out, blocked).
onSessionEnded(() => {
  if (!huidig) return;
  verlopen = true;
  set(null);
});
