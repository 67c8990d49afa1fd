// SPDX-License-Identifier: EUPL-1.2
//
// Accounts (administrator; read-only for the auditor): every account with
// its organisation, roles, second factor and state (GET /gebruikers, paged
// with na and limiet from the address), and for the administrator a form to
// create an account (POST /gebruikers, docs/toegang.md "Accounts and
// roles"). The roles offered are those that fit the kind of the chosen
// organisation; the server decides. The answer holds the new account's TOTP
// secret once: it is shown here once, as text and as an otpauth:// address,
// with the warning that it will not be shown again.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { badge, button, dataList, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { bezig, formulier, tekstveld } from '../formulier.js';
import { ORGANISATIESOORTEN, rolnaam } from '../rollen.js';
import {
  allePaginas, keuze, organisatieOpties, paginering, pagineringUitAdres, perVeld, statusregio, vinkgroep,
} from './beheer-velden.js';

function gebruikerstabel(gebruikers, orgs) {
  if (!gebruikers.length) return paragraph('Op deze pagina staan geen accounts.');
  return table({
    caption: 'Accounts',
    columns: [
      { kop: 'Gebruikersnaam', waarde: (g) => [link(`/gebruikers/${g.id}`, g.gebruikersnaam), g.demo ? [' ', badge('Demo', 'warning')] : null] },
      { kop: 'Naam en functie', waarde: (g) => [g.naam || '-', g.functie ? `, ${g.functie}` : ''] },
      { kop: 'E-mailadres', waarde: (g) => g.email },
      {
        kop: 'Organisatie',
        waarde: (g) => (orgs.has(g.organisatie_id)
          ? link(`/organisaties/${g.organisatie_id}`, orgs.get(g.organisatie_id).naam)
          : `organisatie ${g.organisatie_id}`),
      },
      {
        kop: 'Rollen',
        waarde: (g) => [g.rollen.map(rolnaam).join(', '),
          g.rollen_voorgesteld?.length
            ? [g.rollen.length ? '; ' : '', `voorgesteld: ${g.rollen_voorgesteld.map(rolnaam).join(', ')}`]
            : null],
      },
      { kop: 'Tweede factor', waarde: (g) => (g.tweede_factor ? 'Ingesteld' : 'Niet ingesteld') },
      { kop: 'Status', waarde: (g) => (g.actief ? badge('Actief', 'success') : badge('Geblokkeerd', 'danger')) },
    ],
    rows: gebruikers,
  });
}

/** The one-time secret of a new account, in a focusable alert. */
function eenmaligGeheim(antwoord) {
  const g = antwoord.gebruiker;
  const tf = antwoord.tweede_factor;
  return h('div', { class: 'utrecht-alert utrecht-alert--warning eenmalig', tabindex: '-1', 'aria-labelledby': 'kop-nieuw-account' },
    h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' },
      h('h3', { class: 'utrecht-heading-3 alert__kop', id: 'kop-nieuw-account' }, `Account ${g.gebruikersnaam} is aangemaakt`),
      tf?.geheim ? [
        paragraph(h('strong', {}, 'Dit geheim wordt maar één keer getoond. '),
          'Geef het veilig door aan de gebruiker, samen met het eerste wachtwoord: de gebruiker zet het in een authenticator-app '
          + 'en logt daarna in met de code die de app toont.'),
        dataList([
          ['Geheim voor de authenticator-app', h('code', { class: 'utrecht-code geheim' }, tf.geheim)],
          ['Adres voor een QR-code', h('code', { class: 'utrecht-code geheim' }, tf.uri)],
        ]),
        tf.toelichting ? paragraph(tf.toelichting) : null,
      ] : paragraph('Voor dit account is geen tweede factor aangemaakt.'),
      g.rollen_voorgesteld?.length
        ? paragraph(h('strong', {}, 'Voorgesteld: '), `${g.rollen_voorgesteld.map(rolnaam).join(', ')}. `
          + 'Een rol waarin geld beweegt telt pas als een andere beheerder haar bevestigt op de pagina van het account (vier ogen).')
        : null)));
}

function nieuwFormulier(ctx, organisaties, opnieuw) {
  const perId = new Map(organisaties.map((o) => [String(o.id), o]));
  const gekozen = ctx.query.get('organisatie');
  const org = keuze({
    pointer: '/organisatie_id',
    label: 'Organisatie',
    opties: organisatieOpties(organisaties, ORGANISATIESOORTEN),
    waarde: perId.has(gekozen) ? gekozen : '',
  });
  const naam = tekstveld({
    pointer: '/gebruikersnaam', label: 'Gebruikersnaam', autocomplete: 'off', spellcheck: 'false',
    omschrijving: '3 tot 64 tekens: letters, cijfers, punt, liggend streepje of koppelteken.',
  });
  naam.input.setAttribute('autocapitalize', 'none');
  const persoon = tekstveld({ pointer: '/naam', label: 'Naam van de persoon', autocomplete: 'off',
    omschrijving: 'Zoals die onder een besluit of bericht staat, bijvoorbeeld Eva de Groot.' });
  const functie = tekstveld({ pointer: '/functie', label: 'Functie (niet verplicht)', autocomplete: 'off',
    omschrijving: 'Bijvoorbeeld directeur Zorgmarkten; staat bij de naam onder een besluit.' });
  const email = tekstveld({ pointer: '/email', label: 'E-mailadres', type: 'email', autocomplete: 'off', spellcheck: 'false' });
  const rollen = vinkgroep({
    pointer: '/rollen',
    legend: 'Rollen',
    omschrijving: 'Alleen de rollen die bij de soort organisatie passen.',
  });
  const wachtwoord = tekstveld({
    pointer: '/wachtwoord', label: 'Eerste wachtwoord', type: 'password', autocomplete: 'new-password',
    omschrijving: 'Minstens 8 tekens; een zin van een paar woorden is sterk en goed te onthouden. Geef het veilig door.',
  });
  function pasRollenAan() {
    const o = perId.get(org.input.value);
    rollen.zetOpties((o ? o.toegestane_rollen || [] : []).map((r) => ({ waarde: r, tekst: rolnaam(r) })));
  }
  org.input.addEventListener('change', pasRollenAan);
  pasRollenAan();

  const velden = [org, naam, persoon, functie, email, rollen, wachtwoord];
  const submit = button('Account aanmaken', { type: 'submit' });
  const status = statusregio();
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-nieuw-formulier' },
    velden.map((v) => v.element),
    h('div', { class: 'utrecht-button-group' }, submit));
  const f = formulier(form, velden);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    f.wis();
    status.wis();
    await bezig(submit, async () => {
      try {
        const antwoord = await api.post('/gebruikers', {
          organisatie_id: Number(org.input.value) || 0,
          gebruikersnaam: naam.input.value.trim(),
          naam: persoon.input.value.trim() || undefined,
          functie: functie.input.value.trim() || undefined,
          email: email.input.value.trim(),
          rollen: rollen.waarde(),
          wachtwoord: wachtwoord.input.value,
        }, { signal: ctx.signal });
        const melding = eenmaligGeheim(antwoord);
        status.zet(melding);
        form.reset();
        pasRollenAan();
        melding.focus();
        await opnieuw();
      } catch (fout) {
        if (fout.geannuleerd) return;
        wachtwoord.input.value = '';
        f.toonFouten(perVeld(fout, velden), { kop: 'Het account is niet aangemaakt' });
      }
    });
  });

  return h('section', { 'aria-labelledby': 'kop-nieuw-formulier' },
    heading(2, 'Account aanmaken', { id: 'kop-nieuw-formulier', 'data-focus-eerst': perId.has(gekozen) ? '' : null }),
    paragraph('Een account hoort bij één organisatie. Er is geen zelfregistratie: alleen een beheerder maakt accounts aan. '
      + 'Elk account krijgt een tweede factor (een authenticator-app).'),
    status.element,
    form);
}

export async function toon(ctx) {
  const { na, limiet } = pagineringUitAdres(ctx.query);
  const laad = () => api.get('/gebruikers', { query: { na, limiet }, signal: ctx.signal });
  const [pagina, organisaties] = await Promise.all([
    laad(),
    allePaginas('/organisaties', 'organisaties', { signal: ctx.signal }),
  ]);
  const orgs = new Map(organisaties.map((o) => [o.id, o]));
  const houder = h('div', {});
  const vul = (p) => replaceChildren(houder,
    gebruikerstabel(p.gebruikers, orgs),
    paginering('/gebruikers', { na, volgendeNa: p.volgende_na, limiet }));
  vul(pagina);
  const beheerder = ctx.sessie?.gebruiker?.rollen?.includes('beheerder');
  return [
    heading(1, 'Accounts'),
    downloadBalk({ pad: '/gebruikers', naam: 'accounts', omschrijving: 'de accounts', signal: ctx.signal }),
    paragraph(beheerder
      ? 'Alle accounts met hun organisatie en rollen.'
      : 'Alle accounts met hun organisatie en rollen. U kunt ze inzien, maar niet wijzigen.'),
    beheerder ? paragraph(link('#kop-nieuw-formulier', 'Naar het formulier om een account aan te maken')) : null,
    h('section', { 'aria-labelledby': 'kop-accounts' },
      heading(2, na ? 'Accounts (vervolg)' : 'Alle accounts', { id: 'kop-accounts' }),
      houder),
    beheerder ? nieuwFormulier(ctx, organisaties, async () => vul(await laad())) : null,
  ];
}
