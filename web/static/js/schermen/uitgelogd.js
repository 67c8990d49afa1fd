// SPDX-License-Identifier: EUPL-1.2
//
// Uitgelogd: where the "Uitloggen" button in the page header leads, after
// the server ended the session (DELETE /api/v1/sessies/huidig).

import { alert, heading, link, paragraph } from '../dom.js';

export async function toon(ctx) {
  if (ctx.sessie) {
    return [
      heading(1, 'Uitloggen'),
      paragraph('U bent nog ingelogd. Gebruik de knop Uitloggen bovenaan de pagina.'),
    ];
  }
  return [
    heading(1, 'U bent uitgelogd'),
    alert('ok', paragraph('Uw sessie is beëindigd. Sluit de browser als u een gedeelde computer gebruikt.'), { role: 'status' }),
    paragraph(link('/inloggen', 'Opnieuw inloggen')),
    paragraph(link('/', 'Naar het openbare overzicht')),
  ];
}
