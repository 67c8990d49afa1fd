// SPDX-License-Identifier: EUPL-1.2
//
// Wachtwoord vergeten (docs/berichten.md §4): the e-mail address of the
// account; the answer is the same whether or not there is such an account,
// so nobody learns which accounts exist.

import { alert, button, h, heading, link, paragraph, replaceChildren } from '../dom.js';
import { formulier, tekstveld } from '../formulier.js';
import { api } from '../api.js';

export async function toon() {
  const email = tekstveld({ pointer: '/email', label: 'E-mailadres van uw account', type: 'email', autocomplete: 'email',
    spellcheck: 'false' });
  const submit = button('Link aanvragen', { type: 'submit' });
  const uitkomst = h('div', { role: 'status' });
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'vergeten-kop' },
    email.element, h('div', { class: 'utrecht-button-group' }, submit));
  const f = formulier(form, [email]);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (submit.disabled) return;
    f.wis();
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const r = await api.post('/wachtwoordherstelverzoeken', { email: email.input.value.trim() });
      replaceChildren(uitkomst, alert('ok', paragraph(r.bericht), { heading: 'Aangevraagd' }));
      uitkomst.querySelector('.utrecht-alert')?.setAttribute('tabindex', '-1');
      uitkomst.querySelector('.utrecht-alert')?.focus();
    } catch (fout) {
      f.toonFouten(fout, { kop: 'Aanvragen is niet gelukt' });
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  return [
    heading(1, 'Wachtwoord vergeten', { id: 'vergeten-kop' }),
    paragraph('Vul het e-mailadres van uw account in. U krijgt een e-mail met een link om een nieuw wachtwoord te kiezen; de link '
      + 'werkt één keer en een half uur lang. Uw tweede factor (de code uit uw authenticator-app) blijft nodig bij het inloggen.'),
    form,
    uitkomst,
    paragraph(link('/inloggen', 'Terug naar inloggen')),
  ];
}
