// SPDX-License-Identifier: EUPL-1.2
//
// Mijn account: who is logged in, for which organisation, with which roles
// (GET /api/v1/sessies/huidig, asked again so that it is current), and the
// one thing a person sets here: whether messages also come by mail
// (PUT /api/v1/berichten/instellingen, docs/berichten.md §2).

import { api } from '../api.js';
import { badge, button, dataList, h, heading, paragraph, uniqueId } from '../dom.js';
import { bezig, formulier, metBron, vinkje } from '../formulier.js';
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
    mailFormulier(ctx, g.berichten_mailen !== false),
    heading(2, 'Uw sessie'),
    paragraph('U wordt na 30 minuten zonder gebruik automatisch uitgelogd, en in elk geval 12 uur na het inloggen.'),
  ];
}

/** The choice whether messages also come by mail. */
function mailFormulier(ctx, aan) {
  const kopId = uniqueId('kop-berichten');
  const vink = vinkje({ pointer: '/mailen', label: 'Berichten ook per mail ontvangen', aan,
    omschrijving: 'Uit: u leest uw berichten alleen in de berichtenbox van doorbraak. Een mail om uw wachtwoord te herstellen komt altijd.' });
  const knop = button('Opslaan', { type: 'submit' });
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': kopId },
    vink.element, h('div', { class: 'utrecht-button-group' }, knop));
  const f = formulier(form, [vink]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await bezig(knop, async () => {
      f.wis();
      try {
        const r = await api.put('/berichten/instellingen', { mailen: vink.aan() }, { signal: ctx.signal });
        melding.textContent = r.mailen ? 'Opgeslagen: uw berichten komen ook per mail.' : 'Opgeslagen: uw berichten komen alleen in de berichtenbox.';
        melding.focus();
      } catch (fout) {
        if (!fout.geannuleerd) f.toonFouten(metBron(fout), { kop: 'Dit is niet opgeslagen' });
      }
    });
  });
  return h('section', { 'aria-labelledby': kopId }, heading(2, 'Berichten', { id: kopId }), form, melding);
}
