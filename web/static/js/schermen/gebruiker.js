// SPDX-License-Identifier: EUPL-1.2
//
// Account (administrator; read-only for the auditor): one account with its
// organisation, roles, second factor and state (GET /gebruikers/{id}). The
// administrator changes its roles (PATCH {rollen}; only roles that fit the
// organisation's kind are offered) and blocks it after a confirmation, or
// unblocks it (PATCH {actief}). Blocking ends every session of the account
// at once. The server refuses to block one's own account or to take away
// one's own administrator role (409); its message is shown as it comes.

import { api } from '../api.js';
import { badge, button, dataList, h, heading, link, paragraph, replaceChildren } from '../dom.js';
import { formulier } from '../formulier.js';
import { datumTijd } from '../opmaak.js';
import { rolnaam } from '../rollen.js';
import { bevestig, perVeld, ROLLEN_PER_SOORT, statusregio, vinkgroep } from './beheer-velden.js';
import { soortnaam } from './organisaties.js';

function gegevens(g, o) {
  return dataList([
    ['Gebruikersnaam', g.gebruikersnaam],
    ['E-mailadres', g.email],
    ['Organisatie', [link(`/organisaties/${o.id}`, o.naam), ` (${soortnaam(o.soort).toLowerCase()})`]],
    [g.rollen.length === 1 ? 'Rol' : 'Rollen', g.rollen.map(rolnaam).join(', ')],
    ['Tweede factor', g.tweede_factor ? 'Ingesteld (authenticator-app)' : 'Niet ingesteld'],
    ['Status', g.actief ? badge('Actief', 'success') : badge('Geblokkeerd', 'danger')],
    g.demo ? ['Soort account', badge('Demo-account', 'warning')] : null,
    g.aangemaakt_op ? ['Aangemaakt op', datumTijd(g.aangemaakt_op)] : null,
    g.gewijzigd_op ? ['Laatst gewijzigd op', datumTijd(g.gewijzigd_op)] : null,
  ]);
}

function melding(soort, tekst) {
  return h('div', { class: ['utrecht-alert', `utrecht-alert--${soort}`], tabindex: '-1' },
    h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' }, paragraph(tekst))));
}

export async function toon(ctx) {
  const id = ctx.params.id;
  if (!/^[1-9][0-9]*$/.test(id)) {
    const { toon: nietGevonden } = await import('./niet-gevonden.js');
    return nietGevonden(ctx);
  }
  let g = await api.get(`/gebruikers/${id}`, { signal: ctx.signal });
  const o = await api.get(`/organisaties/${g.organisatie_id}`, { signal: ctx.signal });
  ctx.titel(`Account ${g.gebruikersnaam}`);
  const beheerder = ctx.sessie?.gebruiker?.rollen?.includes('beheerder');
  const houder = h('div', {}, gegevens(g, o));
  const status = statusregio();
  const inhoud = [
    heading(1, `Account ${g.gebruikersnaam}`),
    paragraph(link('/gebruikers', 'Terug naar alle accounts')),
    status.element,
    houder,
  ];
  if (!beheerder) return inhoud;

  // Roles.
  const rollen = vinkgroep({
    pointer: '/rollen',
    legend: 'Rollen',
    omschrijving: `De rollen die passen bij een ${soortnaam(o.soort).toLowerCase()}.`,
  });
  rollen.zetOpties((ROLLEN_PER_SOORT[o.soort] || []).map((r) => ({ waarde: r, tekst: rolnaam(r) })), g.rollen);
  const opslaan = button('Rollen opslaan', { type: 'submit' });
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-rollen' },
    rollen.element, h('div', { class: 'utrecht-button-group' }, opslaan));
  const f = formulier(form, [rollen]);

  async function wijzig(body, gelukt) {
    const nieuw = await api.patch(`/gebruikers/${g.id}`, body, { signal: ctx.signal });
    g = nieuw;
    replaceChildren(houder, gegevens(g, o));
    toegangKnop();
    const m = melding('ok', gelukt);
    status.zet(m);
    return m;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (opslaan.disabled) return;
    f.wis();
    status.wis();
    opslaan.disabled = true;
    try {
      await wijzig({ rollen: rollen.waarde() }, `De rollen van ${g.gebruikersnaam} zijn opgeslagen.`);
      rollen.zetOpties((ROLLEN_PER_SOORT[o.soort] || []).map((r) => ({ waarde: r, tekst: rolnaam(r) })), g.rollen);
    } catch (fout) {
      if (fout.geannuleerd) return;
      f.toonFouten(perVeld(fout, [rollen]), { kop: 'De rollen zijn niet gewijzigd' });
    } finally {
      opslaan.disabled = false;
    }
  });

  // Blocking.
  const knopHouder = h('div', { class: 'utrecht-button-group' });
  function toegangKnop() {
    const blokkeren = g.actief;
    const knop = button(blokkeren ? 'Account blokkeren' : 'Account deblokkeren', {
      kind: blokkeren ? 'secondary' : 'primary',
      onClick: async () => {
        status.wis();
        if (blokkeren) {
          const ja = await bevestig({
            kop: `Account ${g.gebruikersnaam} blokkeren?`,
            tekst: 'Wie dit account gebruikt, wordt direct uitgelogd en kan niet meer inloggen tot u het account deblokkeert.',
            ja: 'Ja, blokkeren',
          });
          if (!ja) return;
        }
        knop.disabled = true;
        try {
          const m = await wijzig({ actief: !blokkeren },
            blokkeren ? `Account ${g.gebruikersnaam} is geblokkeerd; alle sessies zijn beëindigd.` : `Account ${g.gebruikersnaam} is gedeblokkeerd.`);
          m.focus();
        } catch (fout) {
          if (fout.geannuleerd) return;
          knop.disabled = false;
          const m = melding('error', [fout.message, ...fout.fouten.map((x) => x.melding).filter((x) => x !== fout.message)].join(' '));
          status.zet(m);
          m.focus();
        }
      },
    });
    replaceChildren(knopHouder, knop);
  }
  toegangKnop();

  return [
    ...inhoud,
    h('section', { 'aria-labelledby': 'kop-rollen' },
      heading(2, 'Rollen wijzigen', { id: 'kop-rollen' }),
      form),
    h('section', { 'aria-labelledby': 'kop-toegang' },
      heading(2, 'Blokkeren', { id: 'kop-toegang' }),
      paragraph('Een geblokkeerd account kan niet inloggen; lopende sessies eindigen direct. U kunt uw eigen account niet blokkeren.'),
      knopHouder),
  ];
}
