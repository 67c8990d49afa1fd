// SPDX-License-Identifier: EUPL-1.2
//
// beoordelaar-velden.js -- the shared texts of the insurer's screens
// (statuses, roles) and metBeperking. Their form fields (text area, radio
// group, check box, group) are formulier.js' tekstvak, keuzerondjes, vinkje
// and groep.

import { badge } from '../dom.js';

/** Application statuses (docs/indiening.md §7) in Dutch. */
export const AANVRAAGSTATUS = {
  concept: 'Concept',
  ingediend: 'Ingediend, wacht op beoordeling',
  in_beoordeling: 'In beoordeling',
  informatie_gevraagd: 'Informatie gevraagd',
  positief: 'Positief beoordeeld',
  negatief: 'Negatief beoordeeld',
};

const STATUSSOORT = {
  concept: 'neutral', ingediend: 'neutral', in_beoordeling: 'warning',
  informatie_gevraagd: 'warning', positief: 'success', negatief: 'danger',
};

export function aanvraagStatus(status) {
  return badge(AANVRAAGSTATUS[status] || status, STATUSSOORT[status] || 'neutral');
}

export const OORDEEL = { positief: 'Positief', negatief: 'Negatief', meer_informatie: 'Meer informatie nodig' };
export const EISOORDEEL = { voldaan: 'Voldaan', niet_voldaan: 'Niet voldaan', niet_van_toepassing: 'Niet van toepassing' };
export const VERZEKERAARROL = { coordinerend: 'Coördinerend zorgverzekeraar', tweede: 'Tweede zorgverzekeraar' };
export const ROUTE = { licht: 'Licht (conform het modelplan)', verdiept: 'Verdiept (afwijkingen of regionale aanpassingen)' };

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
