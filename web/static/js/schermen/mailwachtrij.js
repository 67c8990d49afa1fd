// SPDX-License-Identifier: EUPL-1.2
//
// Mailwachtrij (docs/berichten.md §3), for the administrator: every mail
// doorbraak sends -- waiting (with its next attempt), sent, or failed after
// eight attempts (with the last error) -- and "Opnieuw versturen". A mail
// that fails never held up what it tells of; this is where it is seen.

import { api } from '../api.js';
import { alert, badge, h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { bezig, keuzeveld } from '../formulier.js';
import { datumTijd, getal } from '../opmaak.js';
import { navigate } from '../router.js';

const STATUS = { wachtend: ['wachtend', 'warning'], verzonden: ['verzonden', 'success'], mislukt: ['mislukt', 'danger'] };

export async function toon(ctx) {
  const status = ctx.query?.get?.('status') || '';
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const houder = h('div', {});
  const meerHouder = h('div', { class: 'utrecht-button-group niet-printen' });
  let d = null;

  async function laad(meer = false) {
    const r = await api.get('/mailwachtrij', { query: { status: status || null, na: meer ? d.volgende_na : null }, signal: ctx.signal });
    d = meer ? { ...r, mails: d.mails.concat(r.mails) } : r;
  }

  function opnieuwKnop(m) {
    if (m.status === 'verzonden') return '-';
    return h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'button',
      'aria-label': `Mail ${m.id} aan ${m.aan} opnieuw versturen`,
      onClick: async (ev) => {
        await bezig(ev.currentTarget, () => api.post(`/mailwachtrij/${m.id}/verzendpogingen`, {}));
        await laad();
        teken();
        melding.textContent = `Mail ${m.id} staat weer in de rij.`;
        melding.focus();
      } }, 'Opnieuw versturen');
  }

  function teken() {
    replaceChildren(houder, d.mails.length ? table({
      caption: 'Uitgaande mail, nieuwste eerst',
      columns: [
        { kop: 'Nr.', waarde: (m) => getal(m.id), getal: true },
        { kop: 'Aangemaakt', waarde: (m) => datumTijd(m.aangemaakt_op) },
        { kop: 'Aan', waarde: (m) => m.aan },
        { kop: 'Onderwerp', waarde: (m) => m.onderwerp },
        { kop: 'Status', waarde: (m) => badge(...(STATUS[m.status] || [m.status, 'neutral'])) },
        { kop: 'Pogingen', waarde: (m) => getal(m.pogingen), getal: true },
        { kop: 'Verzonden of volgende poging', waarde: (m) => (m.verzonden_op ? datumTijd(m.verzonden_op)
          : m.volgende_poging_op ? datumTijd(m.volgende_poging_op) : '-') },
        { kop: 'Laatste fout', waarde: (m) => m.laatste_fout || '-' },
        { kop: 'Actie', waarde: opnieuwKnop },
      ],
      rows: d.mails,
    }) : paragraph('Geen mail met deze status.'));
    replaceChildren(meerHouder, d.volgende_na === null ? null : h('button', {
      class: 'utrecht-button utrecht-button--secondary-action', type: 'button',
      onClick: async () => { await laad(true); teken(); melding.textContent = `${d.mails.length} mails getoond.`; melding.focus(); },
    }, 'Oudere mail laden'));
  }

  await laad();
  teken();
  const keuze = keuzeveld({ pointer: '/status', label: 'Status', waarde: status, opties: [
    { waarde: '', tekst: 'Alle' }, { waarde: 'wachtend', tekst: 'Wachtend' }, { waarde: 'verzonden', tekst: 'Verzonden' },
    { waarde: 'mislukt', tekst: 'Mislukt' }] });
  return [
    heading(1, 'Mailwachtrij'),
    paragraph('Elke mail die doorbraak verstuurt: over een bericht, of een link om een wachtwoord te herstellen. Een mail die niet '
      + 'aankomt houdt de handeling waarover zij gaat nooit tegen; zij wordt opnieuw geprobeerd na 1, 2, 4 ... minuten (ten hoogste '
      + 'een uur) en heet mislukt na 8 pogingen. De tekst van een mail staat hier niet.'),
    d.smtp_ingesteld ? null : alert('warning', paragraph('Deze server heeft geen mailserver ingesteld (DOORBRAAK_SMTP_URL): '
      + 'de mails wachten tot er een is.'), { heading: 'Er wordt niet gemaild' }),
    h('form', { class: 'utrecht-form niet-printen', novalidate: true, 'aria-labelledby': 'mail-filter',
      onSubmit: (ev) => { ev.preventDefault(); navigate(keuze.input.value ? `/mailwachtrij?status=${keuze.input.value}` : '/mailwachtrij'); } },
    heading(2, 'Filteren', { id: 'mail-filter' }),
    keuze.element,
    h('div', { class: 'utrecht-button-group' },
      h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'submit' }, 'Tonen'))),
    melding,
    houder,
    meerHouder,
  ];
}
