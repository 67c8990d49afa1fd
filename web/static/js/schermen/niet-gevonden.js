// SPDX-License-Identifier: EUPL-1.2
//
// Pagina niet gevonden / Geen toegang: what the router shows for an unknown
// path, and for a screen the visitor's roles do not include.

import { heading, link, paragraph } from '../dom.js';

export async function toon(ctx) {
  ctx.titel('Pagina niet gevonden');
  return [
    heading(1, 'Pagina niet gevonden'),
    paragraph('Deze pagina bestaat niet (meer). Controleer het adres, of ga verder vanaf het overzicht.'),
    paragraph(link('/', 'Naar het overzicht')),
  ];
}

export async function geenToegang(ctx) {
  ctx.titel('Geen toegang');
  return [
    heading(1, 'Geen toegang'),
    paragraph('Met uw rol kunt u deze pagina niet gebruiken. Denkt u dat dit niet klopt? Neem contact op met de beheerder van uw organisatie.'),
    paragraph(link('/start', 'Naar uw startpagina')),
  ];
}
