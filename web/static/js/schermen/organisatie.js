// SPDX-License-Identifier: EUPL-1.2
//
// Organisatie (administrator, auditor): one organisation with its
// identifiers (GET /organisaties/{id}), its accounts and its API tokens
// (GET /gebruikers and GET /apitokens, every page, this organisation's).

import { api } from '../api.js';
import { badge, dataList, h, heading, link, paragraph, table } from '../dom.js';
import { datumTijd } from '../opmaak.js';
import { rolnaam } from '../rollen.js';
import { allePaginas } from './beheer-velden.js';
import { soortnaam } from './organisaties.js';

export async function toon(ctx) {
  const id = ctx.params.id;
  if (!/^[1-9][0-9]*$/.test(id)) {
    const { toon: nietGevonden } = await import('./niet-gevonden.js');
    return nietGevonden(ctx);
  }
  const [o, gebruikers, tokens] = await Promise.all([
    api.get(`/organisaties/${id}`, { signal: ctx.signal }),
    allePaginas('/gebruikers', 'gebruikers', { signal: ctx.signal }),
    allePaginas('/apitokens', 'apitokens', { signal: ctx.signal }),
  ]);
  ctx.titel(o.naam);
  const eigenGebruikers = gebruikers.filter((g) => g.organisatie_id === o.id);
  const eigenTokens = tokens.filter((t) => t.organisatie_id === o.id);
  const beheerder = ctx.sessie?.gebruiker?.rollen?.includes('beheerder');
  return [
    heading(1, o.naam),
    paragraph(link('/organisaties', 'Terug naar alle organisaties')),
    dataList([
      ['Soort', soortnaam(o.soort)],
      ['Nummer in doorbraak', String(o.id)],
      o.agb_code ? ['AGB-code', o.agb_code] : null,
      o.kvk_nummer ? ['KvK-nummer', o.kvk_nummer] : null,
      o.uzovi_code ? ['UZOVI-code', o.uzovi_code] : null,
      o.concern ? ['Concern', o.concern] : null,
      o.cbs_code ? ['CBS-gemeentecode', o.cbs_code] : null,
      o.peiljaar ? ['Gemeentelijst', String(o.peiljaar)] : null,
      o.iban ? ['IBAN', o.iban] : null,
      o.demo ? ['Soort gegevens', badge('Demo-organisatie', 'warning')] : null,
      o.aangemaakt_op ? ['Geregistreerd op', datumTijd(o.aangemaakt_op)] : null,
    ]),
    h('section', { 'aria-labelledby': 'kop-accounts' },
      heading(2, 'Accounts', { id: 'kop-accounts' }),
      eigenGebruikers.length ? table({
        caption: `Accounts van ${o.naam}`,
        columns: [
          { kop: 'Gebruikersnaam', waarde: (g) => link(`/gebruikers/${g.id}`, g.gebruikersnaam) },
          { kop: 'E-mailadres', waarde: (g) => g.email },
          { kop: 'Rollen', waarde: (g) => g.rollen.map(rolnaam).join(', ') },
          { kop: 'Status', waarde: (g) => (g.actief ? badge('Actief', 'success') : badge('Geblokkeerd', 'danger')) },
        ],
        rows: eigenGebruikers,
      }) : paragraph('Deze organisatie heeft nog geen accounts.'),
      beheerder ? paragraph(link(`/gebruikers?organisatie=${o.id}`, `Een account aanmaken voor ${o.naam}`)) : null),
    h('section', { 'aria-labelledby': 'kop-tokens' },
      heading(2, 'API-tokens', { id: 'kop-tokens' }),
      eigenTokens.length ? table({
        caption: `API-tokens van ${o.naam}`,
        columns: [
          { kop: 'Naam', waarde: (t) => t.naam },
          { kop: 'Rol', waarde: (t) => rolnaam(t.rol) },
          { kop: 'Begint met', waarde: (t) => h('code', { class: 'utrecht-code' }, t.prefix) },
          { kop: 'Status', waarde: (t) => (t.ingetrokken ? badge('Ingetrokken', 'danger') : badge('Actief', 'success')) },
        ],
        rows: eigenTokens,
      }) : paragraph('Deze organisatie heeft geen API-tokens.'),
      beheerder ? paragraph(link(`/apitokens?organisatie=${o.id}`, `Een API-token uitgeven aan ${o.naam}`)) : null),
  ];
}
