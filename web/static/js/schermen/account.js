// SPDX-License-Identifier: EUPL-1.2
//
// Mijn account: who is logged in, for which organisation, with which roles
// (GET /api/v1/sessies/huidig, asked again so that it is current).

import { api } from '../api.js';
import { badge, dataList, heading, paragraph } from '../dom.js';
import { datumTijd } from '../opmaak.js';
import { ORGANISATIESOORTEN, rolnaam } from '../rollen.js';

export async function toon(ctx) {
  const wie = await api.get('/sessies/huidig', { signal: ctx.signal });
  const g = wie.gebruiker;
  const o = wie.organisatie;
  return [
    heading(1, 'Mijn account'),
    paragraph('Deze gegevens beheert de beheerder van het programmabureau. Klopt er iets niet? Neem dan contact op met de beheerder.'),
    dataList([
      ['Gebruikersnaam', g.gebruikersnaam],
      ['E-mailadres', g.email],
      ['Organisatie', `${o.naam} (${ORGANISATIESOORTEN[o.soort] || o.soort})`],
      [g.rollen.length === 1 ? 'Rol' : 'Rollen', g.rollen.map(rolnaam).join(', ')],
      ['Tweede factor', g.tweede_factor ? 'Ingesteld (authenticator-app)' : 'Niet ingesteld'],
      ['Account actief', g.actief ? 'Ja' : 'Nee'],
      g.demo ? ['Soort account', badge('Demo-account', 'warning')] : null,
      ['Aangemaakt op', datumTijd(g.aangemaakt_op)],
    ]),
    heading(2, 'Uw sessie'),
    paragraph('U wordt na 30 minuten zonder gebruik automatisch uitgelogd, en in elk geval 12 uur na het inloggen.'),
  ];
}
