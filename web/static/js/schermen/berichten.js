// SPDX-License-Identifier: EUPL-1.2
//
// Berichten (docs/berichten.md): what happened that concerns this person --
// an application submitted or assessed, information asked, the board's
// decision, a beschikking, a milestone reported or paid. Newest first, the
// unread marked "Nieuw"; each leads to the screen it is about. The same
// messages came by mail.

import { api } from '../api.js';
import { badge, h, heading, paragraph, replaceChildren } from '../dom.js';
import { bezig } from '../formulier.js';
import { datumTijd } from '../opmaak.js';
import { navigate } from '../router.js';
import { meldBerichtenGewijzigd } from '../sessie.js';

export async function toon(ctx) {
  const alleenOngelezen = ctx.query?.get?.('ongelezen') === 'true';
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const houder = h('div', {});
  const meerHouder = h('div', { class: 'utrecht-button-group niet-printen' });
  let d = null;

  async function laad(meer = false) {
    const r = await api.get('/berichten', { query: { ongelezen: alleenOngelezen ? 'true' : null, na: meer ? d.volgende_na : null },
      signal: ctx.signal });
    d = meer ? { ...r, berichten: d.berichten.concat(r.berichten) } : r;
  }

  async function markeer(b, gelezen) {
    await api.patch(`/berichten/${b.id}`, { gelezen });
    b.gelezen = gelezen;
    d.ongelezen += gelezen ? -1 : 1;
    meldBerichtenGewijzigd();
  }

  function item(b) {
    const kopId = `bericht-${b.id}`;
    const knop = h('button', { class: 'utrecht-button utrecht-button--subtle', type: 'button',
      onClick: async (ev) => {
        await bezig(ev.currentTarget, () => markeer(b, !b.gelezen));
        teken();
        melding.textContent = b.gelezen ? 'Gemarkeerd als gelezen.' : 'Gemarkeerd als ongelezen.';
        document.getElementById(`knop-${b.id}`)?.focus();
      } }, b.gelezen ? 'Markeer als ongelezen' : 'Markeer als gelezen');
    knop.id = `knop-${b.id}`;
    return h('li', { class: ['bericht', !b.gelezen && 'bericht--nieuw'], 'aria-labelledby': kopId },
      h('h2', { class: 'utrecht-heading-3', id: kopId },
        b.pad ? h('a', { class: 'utrecht-link utrecht-link--html-a', href: b.pad,
          onClick: async (ev) => {
            ev.preventDefault();
            if (!b.gelezen) await markeer(b, true).catch(() => {});
            navigate(b.pad);
          } }, b.onderwerp) : b.onderwerp,
        b.gelezen ? null : [' ', badge('Nieuw', 'info')]),
      h('p', { class: 'utrecht-paragraph bericht__wanneer' }, datumTijd(b.aangemaakt_op)),
      paragraph(b.tekst),
      h('div', { class: 'utrecht-button-group niet-printen' }, knop));
  }

  function teken() {
    replaceChildren(houder, d.berichten.length
      ? h('ul', { class: 'berichtenlijst', 'aria-label': 'Berichten, nieuwste eerst' }, d.berichten.map(item))
      : paragraph(alleenOngelezen ? 'U hebt geen ongelezen berichten.' : 'U hebt nog geen berichten.'));
    replaceChildren(meerHouder, d.volgende_na === null ? null : h('button', {
      class: 'utrecht-button utrecht-button--secondary-action', type: 'button',
      onClick: async () => { await laad(true); teken(); melding.textContent = `${d.berichten.length} berichten getoond.`; melding.focus(); },
    }, 'Oudere berichten laden'));
    replaceChildren(telling, d.ongelezen === 1 ? 'U hebt 1 ongelezen bericht.' : `U hebt ${d.ongelezen} ongelezen berichten.`);
  }

  const telling = h('p', { class: 'utrecht-paragraph' });
  await laad();
  teken();
  return [
    heading(1, 'Berichten'),
    paragraph('Wat er gebeurde dat u aangaat: een aanvraag ingediend of beoordeeld, informatie gevraagd, een besluit, een '
      + 'beschikking, een mijlpaal gemeld of betaald. U kreeg elk bericht ook per e-mail.'),
    telling,
    h('p', { class: 'utrecht-paragraph niet-printen' }, alleenOngelezen
      ? h('a', { class: 'utrecht-link utrecht-link--html-a', href: '/berichten' }, 'Alle berichten tonen')
      : h('a', { class: 'utrecht-link utrecht-link--html-a', href: '/berichten?ongelezen=true' }, 'Alleen ongelezen berichten tonen')),
    melding,
    houder,
    meerHouder,
  ];
}
