// SPDX-License-Identifier: EUPL-1.2
//
// beoordelaar-velden.js -- the shared texts of the insurer's screens
// (statuses, roles) and metBeperking. Their form fields (text area, radio
// group, check box, group) are formulier.js' tekstvak, keuzerondjes, vinkje
// and groep.

import { badge } from '../dom.js';

// The names of statuses, verdicts, parts and routes: statussen.js, the one table.
export { AANVRAAGSTATUS, aanvraagStatus, EISOORDEEL, OORDEEL, ROUTE, VERZEKERAARROL } from '../statussen.js';

/** Joint request statuses (docs/beschikking.md §1) in Dutch. */
export const NZASTATUS = {
  ondertekening: 'Wacht op ondertekening',
  in_behandeling: 'Ingediend bij de NZa, in behandeling',
  beschikt: 'Beschikt door de NZa',
  afgewezen: 'Afgewezen door de NZa',
};

const NZASOORT = { ondertekening: 'warning', in_behandeling: 'neutral', beschikt: 'success', afgewezen: 'danger' };

export function nzaStatus(status) {
  return badge(NZASTATUS[status] || status, NZASOORT[status] || 'neutral');
}

/** Runs fn over items with at most `n` at a time; resolves with the results in order. */
export async function metBeperking(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  async function werker() {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, werker));
  return out;
}
