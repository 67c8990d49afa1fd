// SPDX-License-Identifier: EUPL-1.2
//
// Wachtwoord herstellen (docs/berichten.md §4): the link from the mail
// carries its token in the fragment (#...), which a browser never sends to a
// server. The screen takes it, removes it from the address bar, and asks the
// new password twice.

import { alert, button, h, heading, link, paragraph, replaceChildren } from '../dom.js';
import { formulier, tekstveld } from '../formulier.js';
import { api } from '../api.js';

let bewaard = null;   // the token, out of the address bar and the history

export async function toon() {
  const uitHash = window.location.hash.replace(/^#/, '');
  if (/^[0-9a-f]{64}$/.test(uitHash)) {
    bewaard = uitHash;
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
  const token = bewaard;
  if (!token) {
    return [
      heading(1, 'Nieuw wachtwoord kiezen'),
      alert('warning', paragraph('Deze pagina opent u met de link uit de e-mail. Die link ontbreekt of is niet volledig.'),
        { heading: 'Geen link' }),
      paragraph(link('/wachtwoord-vergeten', 'Een nieuwe link aanvragen')),
    ];
  }
  const nieuw = tekstveld({ pointer: '/wachtwoord', label: 'Nieuw wachtwoord', type: 'password', autocomplete: 'new-password',
    omschrijving: 'Ten minste 8 tekens; geen veelgebruikt wachtwoord en niet uw naam of e-mailadres.' });
  const herhaal = tekstveld({ pointer: '/herhaling', label: 'Nieuw wachtwoord nog een keer', type: 'password',
    autocomplete: 'new-password' });
  const submit = button('Wachtwoord opslaan', { type: 'submit' });
  const houder = h('div', {});
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'herstel-kop' },
    nieuw.element, herhaal.element, h('div', { class: 'utrecht-button-group' }, submit));
  const f = formulier(form, [nieuw, herhaal]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (submit.disabled) return;
    f.wis();
    if (nieuw.input.value !== herhaal.input.value) {
      f.toonFouten({ velden: { '/herhaling': ['Dit is niet hetzelfde als het nieuwe wachtwoord.'] } }, { kop: 'Controleer uw invoer' });
      return;
    }
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      await api.post('/wachtwoordherstelverzoeken/voltooiingen', { token, wachtwoord: nieuw.input.value });
      bewaard = null;
      const klaar = alert('ok', [paragraph('Uw wachtwoord is gewijzigd. Uw open sessies zijn beëindigd; log opnieuw in met het nieuwe '
        + 'wachtwoord en, als u die hebt, de code uit uw authenticator-app.'), paragraph(link('/inloggen', 'Naar inloggen'))],
      { heading: 'Gewijzigd' });
      klaar.setAttribute('tabindex', '-1');
      replaceChildren(houder, klaar);
      form.remove();
      klaar.focus();
    } catch (fout) {
      nieuw.input.value = '';
      herhaal.input.value = '';
      const ongeldig = fout.heeftCode?.('token_ongeldig');
      f.toonFouten(fout, { kop: ongeldig ? 'De link werkt niet meer' : 'Opslaan is niet gelukt' });
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  return [
    heading(1, 'Nieuw wachtwoord kiezen', { id: 'herstel-kop' }),
    paragraph('Kies een nieuw wachtwoord voor uw account. Daarna werkt deze link niet meer.'),
    form,
    houder,
    paragraph(link('/wachtwoord-vergeten', 'Werkt de link niet meer? Vraag een nieuwe aan.')),
  ];
}
