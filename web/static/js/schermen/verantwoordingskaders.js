// SPDX-License-Identifier: EUPL-1.2
//
// Verantwoordingskaders: the programme office's data per year for the
// rules of the accountability (GET/PUT /verantwoordingskaders,
// docs/verantwoording.md §2, §3): the tolerance within which a line may
// deviate from its budget without an explanation, the total from which an
// accountant's statement is required, and the deadline. Others read them.

import { api } from '../api.js';
import { button, h, heading, paragraph, replaceChildren, table, uniqueId } from '../dom.js';
import { bezig, formulier, metBron, tekstveld } from '../formulier.js';
import { centenUitTekst, datumTijd, euro, procent } from '../opmaak.js';

export async function toon(ctx) {
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const magZetten = rollen.includes('programmabureau');
  let kaders = (await api.get('/verantwoordingskaders', { signal: ctx.signal })).verantwoordingskaders;
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const lijst = h('div', {});

  function teken() {
    replaceChildren(lijst, kaders.length ? table({
      caption: 'Verantwoordingskader per jaar',
      columns: [
        { kop: 'Jaar', waarde: (k) => String(k.jaar) },
        { kop: 'Marge zonder toelichting', getal: true, waarde: (k) => procent(k.tolerantie_bp) },
        { kop: 'Accountantsverklaring vanaf', getal: true, waarde: (k) => euro(k.accountant_vanaf_cent) },
        { kop: 'Uiterste indiening', waarde: (k) => datumTijd(k.deadline) },
      ],
      rows: kaders,
    }) : paragraph('Er is nog geen verantwoordingskader vastgesteld.'));
  }

  let form = null;
  if (magZetten) {
    const jaar = tekstveld({ pointer: '/jaar', label: 'Jaar', inputmode: 'numeric', waarde: String(new Date().getFullYear() + 1) });
    const marge = tekstveld({ pointer: '/tolerantie_bp', label: 'Marge zonder toelichting in procenten', inputmode: 'decimal', waarde: '10',
      omschrijving: 'Een regel die meer dan dit percentage van de begroting afwijkt, vraagt een toelichting [001 §5].' });
    const drempel = tekstveld({ pointer: '/accountant_vanaf_cent', label: 'Accountantsverklaring vanaf (euro)', inputmode: 'decimal', waarde: '125.000' });
    const deadline = tekstveld({ pointer: '/deadline', label: 'Uiterste indiening (datum)', type: 'date',
      omschrijving: 'Tot en met die dag, 23:59 uur.' });
    const kopId = uniqueId('kop-kader');
    const knop = button('Kader vaststellen', { type: 'submit' });
    form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': kopId },
      [jaar, marge, drempel, deadline].map((v) => v.element), h('div', { class: 'utrecht-button-group' }, knop));
    const f = formulier(form, [jaar, marge, drempel, deadline]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await bezig(knop, async () => {
        const fouten = {};
        const j = Number(jaar.input.value);
        const pct = /^\d{1,3}(,\d{1,2})?$/.test(marge.input.value.trim()) ? marge.input.value.trim() : null;
        const cent = centenUitTekst(drempel.input.value);
        if (!Number.isInteger(j)) fouten['/jaar'] = ['Vul een jaar in, bijvoorbeeld 2027.'];
        if (pct === null) fouten['/tolerantie_bp'] = ['Vul een percentage in, bijvoorbeeld 10 of 7,5.'];
        if (cent === null) fouten['/accountant_vanaf_cent'] = ['Vul een bedrag in euro in, bijvoorbeeld 125.000.'];
        if (!deadline.input.value) fouten['/deadline'] = ['Kies een datum.'];
        if (Object.keys(fouten).length) {
          f.toonFouten({ velden: fouten }, { kop: 'Controleer het kader' });
          return;
        }
        const [heel, deel = ''] = pct.split(',');
        const bp = Number(heel) * 100 + Number(deel.padEnd(2, '0'));
        try {
          await api.put(`/verantwoordingskaders/${j}`, { tolerantie_bp: bp, accountant_vanaf_cent: Number(cent),
            deadline: new Date(`${deadline.input.value}T23:59:59`).toISOString().replace(/\.\d{3}Z$/, 'Z') }, { signal: ctx.signal });
        } catch (fout) {
          if (fout.geannuleerd) return;
          f.toonFouten(metBron(fout), { kop: 'Dit is niet gelukt' });
          return;
        }
        kaders = (await api.get('/verantwoordingskaders', { signal: ctx.signal })).verantwoordingskaders;
        teken();
        melding.textContent = `Het verantwoordingskader voor ${j} is vastgesteld.`;
        melding.focus();
      });
    });
    form = h('section', { 'aria-labelledby': kopId }, heading(2, 'Kader vaststellen', { id: kopId }), form);
  }
  teken();
  return [
    heading(1, 'Verantwoordingskaders'),
    paragraph('Per jaar de gegevens waarmee de regels van de verantwoording werken: de marge, de drempel voor de '
      + 'accountantsverklaring en de uiterste datum van indienen. Het programmabureau stelt ze vast.'),
    melding,
    lijst,
    form,
  ];
}
