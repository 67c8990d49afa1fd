// SPDX-License-Identifier: EUPL-1.2
//
// statussen.js -- the one table of the Dutch names of an application's
// statuses, the insurers' verdicts, their parts and the review routes, for
// every screen (the coalition's, the insurers', the board's). A name is
// changed here, never in a screen.

import { badge } from './dom.js';

/** Application statuses (docs/indiening.md §7). */
export const AANVRAAGSTATUS = {
  concept: 'Concept (nog niet ingediend)',
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

/** An application's status as an NL Design System status badge. */
export function aanvraagStatus(status) {
  return badge(AANVRAAGSTATUS[status] || status, STATUSSOORT[status] || 'neutral');
}

/** The review route (docs/aanvraag.md §4). */
export const ROUTE = {
  licht: 'Licht: conform het modelplan',
  verdiept: 'Verdiept: afwijkingen of regionale aanpassingen',
};

/** An insurer's verdict, its judgement per basic requirement, and its part. */
export const OORDEEL = { positief: 'Positief', negatief: 'Negatief', meer_informatie: 'Meer informatie nodig' };
export const EISOORDEEL = { voldaan: 'Voldaan', niet_voldaan: 'Niet voldaan', niet_van_toepassing: 'Niet van toepassing' };
export const VERZEKERAARROL = { coordinerend: 'Coördinerend zorgverzekeraar', tweede: 'Tweede zorgverzekeraar' };
