// SPDX-License-Identifier: EUPL-1.2
//
// Inloggen: user name (or e-mail address), password and, for accounts with a
// second factor, the 6-digit code of the authenticator app (TOTP).
//
// The code field is always there (marked "niet verplicht"): asking for it
// only after a first attempt would cost that attempt, and failed attempts
// count towards the lock-out (docs/toegang.md "Throttling"). What the server
// answers decides what is shown: a missing or wrong code at the code field,
// a wrong name or password in the summary (the server does not say which,
// on purpose), a lock-out with the time to wait.

import { alert, button, h, heading, link, paragraph } from '../dom.js';
import { formulier, tekstveld } from '../formulier.js';
import { inloggen, neemVerlopenMelding } from '../sessie.js';

/** Only an internal path may be a destination after login. */
function veiligTerug(value) {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/inloggen') || value.startsWith('/uitgelogd') || value.startsWith('/api/')) return null;
  return value;
}

export async function toon(ctx) {
  const terug = veiligTerug(ctx.query.get('terug'));
  if (ctx.sessie) {
    const { gebruiker } = ctx.sessie;
    return [
      heading(1, 'Inloggen'),
      paragraph(`U bent al ingelogd als ${gebruiker.gebruikersnaam}.`),
      paragraph(link(terug || '/start', 'Verder naar uw startpagina')),
    ];
  }

  const verlopen = neemVerlopenMelding();
  const naam = tekstveld({
    pointer: '/gebruikersnaam', label: 'Gebruikersnaam of e-mailadres', autocomplete: 'username', spellcheck: 'false',
  });
  naam.input.setAttribute('autocapitalize', 'none');
  const wachtwoord = tekstveld({
    pointer: '/wachtwoord', label: 'Wachtwoord', type: 'password', autocomplete: 'current-password',
  });
  const totp = tekstveld({
    pointer: '/totp',
    label: 'Code uit uw authenticator-app (niet verplicht)',
    omschrijving: 'Alleen nodig als voor uw account een tweede factor is ingesteld: de 6 cijfers die de app nu toont.',
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    klasse: 'veld--kort',
  });
  totp.input.setAttribute('maxlength', '6');
  const submit = button('Inloggen', { type: 'submit' });
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'inloggen-kop' },
    naam.element, wachtwoord.element, totp.element,
    h('div', { class: 'utrecht-button-group' }, submit));
  const f = formulier(form, [naam, wachtwoord, totp]);
  const vergeten = paragraph(link('/wachtwoord-vergeten', 'Wachtwoord vergeten?'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    f.wis();
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    submit.textContent = 'Bezig met inloggen…';
    try {
      await inloggen({
        gebruikersnaam: naam.input.value.trim(),
        wachtwoord: wachtwoord.input.value,
        totp: totp.input.value.replace(/\s+/g, ''),
      });
      await ctx.navigate(terug || '/start', { replace: true });
      return;
    } catch (fout) {
      if (fout.geannuleerd) return;
      wachtwoord.input.value = '';
      totp.input.value = '';
      f.toonFouten(fout, { kop: fout.status === 429 ? 'Even wachten' : 'Inloggen is niet gelukt' });
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      submit.textContent = 'Inloggen';
    }
  });

  return [
    heading(1, 'Inloggen', { id: 'inloggen-kop' }),
    verlopen ? alert('warning', paragraph('Uw sessie is verlopen. Log opnieuw in om verder te gaan.'), { role: 'status' }) : null,
    paragraph('Log in met het account dat u van de beheerder van uw organisatie heeft gekregen. Er is geen eigen registratie.'),
    form,
    vergeten,
  ];
}
