// SPDX-License-Identifier: EUPL-1.2
//
// Verzoeken aan NZa (roles beoordelaar, aanvrager): the joint requests the
// caller is party to -- the coordinating and second insurer and the lead
// (GET /nza-aanvragen, filter on status, docs/beschikking.md §2) -- with
// their upper bound, status and who has signed. The filter applies on its
// button and lives in the address.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { button, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { formulier, keuzeveld, metBron } from '../formulier.js';
import { euro } from '../opmaak.js';
import { rollen } from '../sessie.js';
import { nzaStatus, NZASTATUS } from './beoordelaar-velden.js';
import { aanvraagHref } from './nza-aanvraag.js';

export async function toon(ctx) {
  const status = keuzeveld({
    pointer: '/status',
    label: 'Status',
    waarde: ctx.query.get('status') || '',
    opties: [{ waarde: '', tekst: 'Alle statussen' }, ...Object.entries(NZASTATUS).map(([k, t]) => ({ waarde: k, tekst: t }))],
  });
  const form = h('form', { class: 'utrecht-form filter', role: 'search', 'aria-label': 'Verzoeken filteren', novalidate: true },
    h('div', { class: 'filter__velden' }, status.element),
    h('div', { class: 'utrecht-button-group' }, button('Filter toepassen', { type: 'submit', kind: 'secondary' })));
  const f = formulier(form, [status]);
  const aantal = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const lijst = h('div', {});
  const orgId = ctx.sessie.organisatie.id;
  const magTekenen = (v) => (rollen().includes('beoordelaar') && v.coordinerend_verzekeraar_id === orgId)
    || (rollen().includes('aanvrager') && v.penvoerder_id === orgId);

  async function laad() {
    lijst.setAttribute('aria-busy', 'true');
    try {
      const { nza_aanvragen: verzoeken } = await api.get('/nza-aanvragen', {
        query: { status: status.input.value, limiet: 1000 }, signal: ctx.signal,
      });
      f.wis();
      const n = verzoeken.length;
      const open = verzoeken.filter((v) => v.status === 'ondertekening' && magTekenen(v)
        && !v.ondertekeningen.some((o) => o.organisatie_id === orgId)).length;
      aantal.textContent = n === 0 ? 'Geen verzoeken gevonden.'
        : `${n === 1 ? '1 verzoek' : `${n} verzoeken`} gevonden; ${open === 1 ? '1 wacht' : `${open} wachten`} op uw handtekening.`;
      replaceChildren(lijst, n === 0
        ? paragraph(rollen().includes('beoordelaar')
          ? 'Er zijn nog geen verzoeken aan de NZa. U stelt een verzoek op vanuit een positief beoordeelde en toegekende aanvraag in Beoordelen.'
          : 'Er zijn nog geen verzoeken aan de NZa voor uw aanvragen. De coördinerende zorgverzekeraar stelt het verzoek op; daarna ondertekent u het hier.')
        : table({
          caption: 'Verzoeken aan de NZa (tweezijdige aanvragen)',
          columns: [
            { kop: 'Verzoek', waarde: (v) => link(`/nza-aanvragen/${v.id}`, `Verzoek ${v.id}`) },
            { kop: 'Aanvraag', waarde: (v) => (aanvraagHref(v.aanvraag_id) ? link(aanvraagHref(v.aanvraag_id), String(v.aanvraag_id)) : String(v.aanvraag_id)) },
            { kop: 'Bovengrens', getal: true, waarde: (v) => euro(v.bovengrens_cent) },
            { kop: 'Status', waarde: (v) => nzaStatus(v.status) },
            { kop: 'Handtekeningen', waarde: (v) => `${v.ondertekeningen.length} van 2` },
          ],
          rows: verzoeken,
        }));
    } catch (fout) {
      if (fout.geannuleerd) return;
      f.toonFouten(metBron(fout), { kop: 'Filteren is niet gelukt' });
    } finally {
      lijst.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const s = status.input.value;
    ctx.zetUrl(`/nza-aanvragen${s ? `?status=${encodeURIComponent(s)}` : ''}`);
    laad();
  });

  await laad();
  return [
    heading(1, 'Verzoeken aan NZa'),
    downloadBalk({ pad: '/nza-aanvragen', naam: 'verzoeken-aan-nza', omschrijving: 'de verzoeken aan de NZa', signal: ctx.signal }),
    paragraph('De coördinerende zorgverzekeraar en de penvoerder vragen de NZa samen om een beschikking met een bovengrens. '
      + 'Beide ondertekenen de vastgelegde inhoud; de tweede handtekening dient het verzoek in bij de NZa.'),
    form,
    heading(2, 'Verzoeken'),
    aantal,
    lijst,
  ];
}
