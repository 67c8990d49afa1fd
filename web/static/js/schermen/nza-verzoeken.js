// SPDX-License-Identifier: EUPL-1.2
//
// Verzoeken (NZa): the joint requests (tweezijdige aanvragen) submitted to
// the NZa, by status (GET /nza-aanvragen?status=): those in treatment by
// default, the decided ones on request. The filter is in the address
// (?status=beschikt) and applies only on its button (WCAG 3.2.2); the count
// is announced in a status region. A long list is paged with "Meer laden"
// (na = volgende_na). docs/beschikking.md §2, §7.

import { api } from '../api.js';
import { button, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { formulier, keuzeveld } from '../formulier.js';
import { datumTijd, euro } from '../opmaak.js';
import { themanamen, verzoekstatus } from './nza-gedeeld.js';

const STATUSSEN = [
  { waarde: 'in_behandeling', tekst: 'In behandeling' },
  { waarde: 'beschikt', tekst: 'Beschikking verleend' },
  { waarde: 'afgewezen', tekst: 'Afgewezen' },
  { waarde: 'alle', tekst: 'Alle verzoeken' },
];
const LIMIET = 100;

function aantalTekst(n, meer) {
  const basis = n === 0 ? 'Geen verzoeken gevonden met deze status.'
    : n === 1 ? '1 verzoek gevonden.' : `${n} verzoeken gevonden.`;
  return meer ? `${basis} Er zijn er meer; kies "Meer laden".` : basis;
}

export async function toon(ctx) {
  const namen = await themanamen();
  const gekozen = STATUSSEN.some((s) => s.waarde === ctx.query.get('status')) ? ctx.query.get('status') : 'in_behandeling';
  const status = keuzeveld({ pointer: '/status', label: 'Status', opties: STATUSSEN, waarde: gekozen });
  const form = h('form', { class: 'utrecht-form filter', role: 'search', 'aria-label': 'Verzoeken filteren', novalidate: true },
    h('div', { class: 'filter__velden' }, status.element),
    h('div', { class: 'utrecht-button-group' }, button('Toon verzoeken', { type: 'submit', kind: 'secondary' })));
  const f = formulier(form, [status]);
  const aantal = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const lijst = h('div', { class: 'nza-lijst' });
  const meerHouder = h('div', { class: 'utrecht-button-group' });

  let rijen = [];
  let volgende = null;

  const kolommen = [
    { kop: 'Verzoek', waarde: (t) => link(`/nza/verzoeken/${t.id}`, `Verzoek ${t.id}`) },
    { kop: 'Aanvraag', waarde: (t) => `${t.aanvraag_titel || t.aanvraag_id} (versie ${t.versie})` },
    { kop: 'Thema', waarde: (t) => namen[t.thema] || t.thema },
    { kop: 'Voorgestelde bovengrens', getal: true, waarde: (t) => euro(t.bovengrens_cent) },
    { kop: 'Per jaar', waarde: (t) => t.jaarverdeling.map((j) => `${j.jaar}: ${euro(j.bedrag_cent)}`).join('; ') },
    { kop: 'Ingediend op', waarde: (t) => (t.ingediend_op ? datumTijd(t.ingediend_op) : '-') },
    { kop: 'Status', waarde: (t) => verzoekstatus(t.status) },
  ];

  function teken() {
    replaceChildren(lijst, rijen.length ? table({
      caption: 'Verzoeken om een beschikking',
      columns: kolommen,
      rows: rijen,
    }) : null);
    replaceChildren(meerHouder, volgende === null ? null
      : button('Meer laden', { kind: 'secondary', onClick: () => laad({ meer: true }) }));
  }

  async function laad({ meer = false } = {}) {
    const keuze = status.input.value;
    const query = { status: keuze === 'alle' ? null : keuze, limiet: LIMIET, na: meer ? volgende : null };
    lijst.setAttribute('aria-busy', 'true');
    try {
      const antwoord = await api.get('/nza-aanvragen', { query, signal: ctx.signal });
      f.wis();
      rijen = meer ? rijen.concat(antwoord.nza_aanvragen) : antwoord.nza_aanvragen;
      volgende = antwoord.volgende_na ?? null;
      teken();
      aantal.textContent = aantalTekst(rijen.length, volgende !== null);
      if (meer && volgende === null) aantal.focus();
    } catch (fout) {
      if (fout.geannuleerd) return;
      f.toonFouten(fout, { kop: 'De verzoeken konden niet worden geladen' });
    } finally {
      lijst.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const keuze = status.input.value;
    ctx.zetUrl(keuze === 'in_behandeling' ? '/nza/verzoeken' : `/nza/verzoeken?status=${encodeURIComponent(keuze)}`);
    laad();
  });

  aantal.setAttribute('tabindex', '-1');
  await laad();
  return [
    heading(1, 'Verzoeken om een beschikking'),
    paragraph('De coördinerende zorgverzekeraar en de penvoerder van de coalitie vragen samen een beschikking aan. '
      + 'Hier staan de verzoeken die beide partijen hebben ondertekend en ingediend. Open een verzoek om de toetsing te zien en te besluiten.'),
    form,
    heading(2, 'Resultaat'),
    aantal,
    lijst,
    meerHouder,
  ];
}
