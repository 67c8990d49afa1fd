// SPDX-License-Identifier: EUPL-1.2
//
// Signalen (docs/monitoring.md §3): computed by rules with sources on a
// day -- a milestone past its target date, fte or spending off plan, a
// report not delivered. The coordinating insurer sees its projects and
// acknowledges a signal with a note (nothing is deleted); the programme's
// readers see every project.

import { api } from '../api.js';
import { badge, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { downloadBalk } from '../export.js';
import { formKader, tekstvak } from '../formulier.js';
import { datum, datumTijd } from '../opmaak.js';
import { navigate } from '../router.js';

export async function toon(ctx) {
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const verzekeraar = rollen.includes('beoordelaar');
  const peil = ctx.query?.get?.('peildatum') || null;
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const houder = h('div', {});
  const stapHouder = h('div', {});
  const meerHouder = h('div', { class: 'utrecht-button-group niet-printen' });
  let d = null;

  /** The first page of projects, or the next one added ("Meer laden"). */
  async function laad(meer = false) {
    const r = await api.get('/signalen', { query: { peildatum: peil, na: meer ? d.volgende_na : null }, signal: ctx.signal });
    d = meer ? { ...r, signalen: d.signalen.concat(r.signalen) } : r;
  }

  function erken(s) {
    const notitie = tekstvak({ pointer: '/notitie', label: 'Wat doet u met dit signaal?', rijen: 3 });
    formKader({
      houder: stapHouder, titel: `Kennisnemen: ${s.kenmerk}`, velden: [notitie], knopTekst: 'Kennisname vastleggen',
      extra: paragraph(`${s.omschrijving} ${s.bron}`),
      annuleer: () => replaceChildren(stapHouder),
      verstuur: async () => {
        await api.post(`/signalen/kennisnames?peildatum=${d.peildatum}`, { beschikking_id: s.beschikking_id, sleutel: s.sleutel,
          notitie: notitie.input.value }, { signal: ctx.signal });
        await laad();
        teken();
        replaceChildren(stapHouder);
        melding.textContent = `Kennisname vastgelegd bij ${s.kenmerk}.`;
        melding.focus();
      },
    });
  }

  function teken() {
    replaceChildren(houder, d.signalen.length ? table({
      caption: `Signalen op ${datum(d.peildatum)}`,
      columns: [
        { kop: 'Project', waarde: (s) => link(`/beschikkingen/${s.beschikking_id}/voortgang`, s.kenmerk) },
        { kop: 'Signaal', waarde: (s) => [s.omschrijving, ' ', h('span', { class: 'bron' }, s.bron)] },
        { kop: 'Stand', waarde: (s) => (s.erkend
          ? [badge('kennis genomen', 'success'), ...s.kennisnames.map((k) => h('p', { class: 'utrecht-paragraph' },
            `${k.notitie} (${datumTijd(k.genomen_op)})`))]
          : badge('open', 'warning')) },
        ...(verzekeraar ? [{ kop: 'Actie', waarde: (s) => h('button', { class: 'utrecht-button utrecht-button--secondary-action',
          type: 'button', onClick: () => erken(s), 'aria-label': `Kennisnemen van ${s.sleutel} bij ${s.kenmerk}` }, 'Kennisnemen') }] : []),
      ],
      rows: d.signalen,
    }) : paragraph('Er zijn op deze dag geen signalen bij projecten die u ziet.'));
    replaceChildren(meerHouder, d.volgende_na === null ? null : h('button', {
      class: 'utrecht-button utrecht-button--secondary-action', type: 'button',
      onClick: async () => { await laad(true); teken(); melding.textContent = `${d.signalen.length} signalen.`; },
    }, 'Meer laden'));
  }

  await laad();
  teken();
  const veld = h('input', { class: 'utrecht-textbox utrecht-textbox--html-input', id: 'signalen-peildatum', value: d.peildatum,
    autocomplete: 'off' });
  return [
    heading(1, 'Signalen'),
    paragraph('Signalen volgen uit regels met een bron: een mijlpaal over zijn streefdatum [001 §2], gerealiseerde fte meer dan 20% '
      + 'achter op plan [001 Gupta "Aanpak"], besteding meer dan 25% achter of voor op de jaarverdeling [003 §9], een rapportage die '
      + 'na de inleverdag ontbreekt [003 "Kwartaalrapportages"]. Kennisnemen legt vast wat u doet; niets wordt verwijderd.'),
    h('form', { class: 'utrecht-form peildatum niet-printen', novalidate: true,
      onSubmit: (ev) => { ev.preventDefault(); navigate(`/signalen?peildatum=${encodeURIComponent(veld.value.trim())}`); } },
    h('div', { class: 'utrecht-form-field' },
      h('label', { class: 'utrecht-form-label', for: 'signalen-peildatum' }, 'Peildatum (JJJJ-MM-DD)'), veld),
    h('div', { class: 'utrecht-button-group' },
      h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'submit' }, 'Toon deze peildatum'))),
    melding,
    downloadBalk({ pad: `/signalen?peildatum=${d.peildatum}`, naam: `signalen-${d.peildatum}`, omschrijving: 'de signalen', signal: ctx.signal }),
    houder,
    meerHouder,
    stapHouder,
  ];
}
