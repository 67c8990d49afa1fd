// SPDX-License-Identifier: EUPL-1.2
//
// Account (administrator; read-only for the auditor): one account with its
// organisation, roles, second factor and state (GET /gebruikers/{id}). The
// administrator changes its roles (PATCH {rollen}; only roles that fit the
// organisation's kind are offered) and blocks it after a confirmation, or
// unblocks it (PATCH {actief}). Blocking ends every session of the account
// at once. The server refuses to block one's own account or to take away
// one's own administrator role (409); its message is shown as it comes.
// Four eyes (docs/toegang.md): a role where money moves that one
// administrator gives is only proposed; another administrator confirms it
// here (POST /gebruikers/{id}/rolbevestigingen). The one who proposed sees
// that it waits for someone else.

import { api } from '../api.js';
import { badge, button, dataList, h, heading, link, paragraph, replaceChildren } from '../dom.js';
import { formulier } from '../formulier.js';
import { datumTijd } from '../opmaak.js';
import { rolnaam } from '../rollen.js';
import { bevestig, foutTekst, perVeld, statusregio, vinkgroep } from './beheer-velden.js';
import { soortnaam } from './organisaties.js';

function gegevens(g, o) {
  return dataList([
    ['Gebruikersnaam', g.gebruikersnaam],
    ['Naam', g.naam || 'Nog niet gegeven'],
    ['Functie', g.functie || '-'],
    ['E-mailadres', g.email],
    ['Organisatie', [link(`/organisaties/${o.id}`, o.naam), ` (${soortnaam(o.soort).toLowerCase()})`]],
    [g.rollen.length === 1 ? 'Rol' : 'Rollen', g.rollen.length ? g.rollen.map(rolnaam).join(', ') : 'Geen'],
    g.rollen_voorgesteld?.length
      ? ['Voorgestelde rollen', [g.rollen_voorgesteld.map(rolnaam).join(', '), ' ', badge('Wacht op een tweede beheerder', 'warning')]]
      : null,
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
  function toonFout(fout) {
    const m = melding('error', foutTekst(fout));
    status.zet(m);
    m.focus();
  }
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
  const aangevinkt = () => [...g.rollen, ...(g.rollen_voorgesteld || [])];
  rollen.zetOpties((o.toegestane_rollen || []).map((r) => ({ waarde: r, tekst: rolnaam(r) })), aangevinkt());
  const opslaan = button('Rollen opslaan', { type: 'submit' });
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-rollen' },
    rollen.element, h('div', { class: 'utrecht-button-group' }, opslaan));
  const f = formulier(form, [rollen]);

  async function wijzig(body, gelukt) {
    const nieuw = await api.patch(`/gebruikers/${g.id}`, body, { signal: ctx.signal });
    g = nieuw;
    replaceChildren(houder, gegevens(g, o));
    toegangKnop();
    bevestigDeel();
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
      const m = await wijzig({ rollen: rollen.waarde() }, `De rollen van ${g.gebruikersnaam} zijn opgeslagen.`);
      if (g.rollen_voorgesteld?.length) {
        m.querySelector('p').append(` ${g.rollen_voorgesteld.map(rolnaam).join(', ')}: voorgesteld; `
          + 'een andere beheerder bevestigt deze rollen (vier ogen) voordat ze tellen.');
      }
      rollen.zetOpties((o.toegestane_rollen || []).map((r) => ({ waarde: r, tekst: rolnaam(r) })), aangevinkt());
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
          toonFout(fout);
        }
      },
    });
    replaceChildren(knopHouder, knop);
  }
  toegangKnop();

  // Confirming proposed roles (four eyes).
  const bevestigHouder = h('div', {});
  function bevestigDeel() {
    const voorgesteld = g.rollen_voorgesteld || [];
    if (!voorgesteld.length) {
      replaceChildren(bevestigHouder, paragraph('Er wachten geen voorgestelde rollen.'));
      return;
    }
    const namen = voorgesteld.map(rolnaam).join(', ');
    if (g.voorgesteld_door === `gebruiker:${ctx.sessie?.gebruiker?.id}` || g.id === ctx.sessie?.gebruiker?.id) {
      replaceChildren(bevestigHouder, paragraph(`Voorgesteld: ${namen}. `
        + (g.id === ctx.sessie?.gebruiker?.id ? 'Rollen van uw eigen account' : 'Deze rollen stelde u zelf voor; ze')
        + ' worden bevestigd door een andere beheerder.'));
      return;
    }
    const knop = button(`Rollen bevestigen: ${namen}`, {
      onClick: async () => {
        status.wis();
        const ja = await bevestig({
          kop: `Rollen van ${g.gebruikersnaam} bevestigen?`,
          tekst: `Daarna kan ${g.gebruikersnaam} werken als ${namen.toLowerCase()}. Bevestig alleen als u weet dat dit account bij deze persoon en organisatie hoort.`,
          ja: 'Ja, bevestigen',
        });
        if (!ja) return;
        knop.disabled = true;
        try {
          g = await api.post(`/gebruikers/${g.id}/rolbevestigingen`, {}, { signal: ctx.signal });
          replaceChildren(houder, gegevens(g, o));
          rollen.zetOpties((o.toegestane_rollen || []).map((r) => ({ waarde: r, tekst: rolnaam(r) })), aangevinkt());
          bevestigDeel();
          const m = melding('ok', `De rollen ${namen} van ${g.gebruikersnaam} zijn bevestigd.`);
          status.zet(m);
          m.focus();
        } catch (fout) {
          if (fout.geannuleerd) return;
          knop.disabled = false;
          toonFout(fout);
        }
      },
    });
    replaceChildren(bevestigHouder, paragraph(`Een andere beheerder stelde voor: ${namen}. Deze rollen tellen pas als u ze bevestigt.`),
      h('div', { class: 'utrecht-button-group' }, knop));
  }
  bevestigDeel();

  return [
    ...inhoud,
    h('section', { 'aria-labelledby': 'kop-rollen' },
      heading(2, 'Rollen wijzigen', { id: 'kop-rollen' }),
      paragraph('Een rol afnemen telt meteen. Een rol waarin geld beweegt (aanvrager, beoordelaar, bestuur, NZa, gemeente, Zorginstituut) '
        + 'toevoegen is een voorstel: een andere beheerder bevestigt het (vier ogen).'),
      form),
    h('section', { 'aria-labelledby': 'kop-bevestigen' },
      heading(2, 'Voorgestelde rollen', { id: 'kop-bevestigen' }),
      bevestigHouder),
    h('section', { 'aria-labelledby': 'kop-toegang' },
      heading(2, 'Blokkeren', { id: 'kop-toegang' }),
      paragraph('Een geblokkeerd account kan niet inloggen; lopende sessies eindigen direct. U kunt uw eigen account niet blokkeren.'),
      knopHouder),
  ];
}
