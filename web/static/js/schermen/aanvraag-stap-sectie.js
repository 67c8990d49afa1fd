// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-sectie.js -- one step of the application wizard (aanvraag.js,
// maakWizard): stapSectie. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { schrijf, veld } from '../aanvraagformulier.js';
import { button, h, heading, paragraph } from '../dom.js';

export function stapSectie(wz, s) {
  const { bewerkbaar, doc, gebruikt, gewijzigd, modeltekst, rijen } = wz;
  const out = [];
  if (s.normerend) out.push(paragraph('Dit onderdeel is zoveel mogelijk normerend: wijkt u af van het modelplan, licht dat dan toe bij de stap Afwijkingen.'));
  if (s.basiseisen?.length) out.push(paragraph(`Dit onderdeel hoort bij basiseis ${s.basiseisen.join(', ')}.`));
  for (const q of s.vragen.filter((x) => gebruikt.has(x.id))) {
    doc.antwoorden ||= [];
    let idx = doc.antwoorden.findIndex((a) => a.vraag_id === q.id);
    const p = () => (idx >= 0 ? `/antwoorden/${idx}` : `/antwoorden/-${q.id}`);
    const zorg = () => {
      if (idx < 0) {
        doc.antwoorden.push({ vraag_id: q.id, tekst: '' });
        idx = doc.antwoorden.length - 1;
        tekst.pointer = `${p()}/tekst`;
        if (regioctx) regioctx.pointer = `${p()}/regiocontext`;
      }
    };
    const notities = [
      q.tekst,
      q.basiseisen?.length ? ` (basiseis ${q.basiseisen.join(', ')})` : '',
      q.voorwaardelijk ? ' Alleen als dit op uw aanvraag van toepassing is.' : '',
    ].join('');
    const tekst = veld({
      pointer: `${p()}/tekst`,
      label: `Antwoord op vraag ${q.id}`,
      soort: 'tekstvak',
      rijen: 5,
      waarde: idx >= 0 ? doc.antwoorden[idx].tekst : '',
      leeg: '',
      alleenLezen: !bewerkbaar,
      onWijzig: (waarde) => { zorg(); schrijf(doc, tekst.pointer, waarde); gewijzigd(); },
    });
    wz.velden.push(tekst);
    let regioctx = null;
    if (q.regiocontext) {
      regioctx = veld({
        pointer: `${p()}/regiocontext`,
        label: `Regionale context bij vraag ${q.id}`,
        omschrijving: 'De situatie in uw (boven)regio bij deze vraag.',
        soort: 'tekstvak',
        rijen: 3,
        waarde: idx >= 0 ? doc.antwoorden[idx].regiocontext : '',
        alleenLezen: !bewerkbaar,
        onWijzig: (waarde) => { zorg(); schrijf(doc, regioctx.pointer, waarde); gewijzigd(); },
      });
      wz.velden.push(regioctx);
    }
    const model = modeltekst[q.id];
    out.push(h('div', { class: 'vraag' },
      heading(3, `${q.id} ${q.label}`),
      paragraph(notities),
      model ? h('details', { class: 'modeltekst-vak' },
        h('summary', {}, `Modeltekst van het modelplan bij vraag ${q.id}`),
        paragraph(model),
        bewerkbaar ? button('Modeltekst overnemen in uw antwoord', {
          kind: 'secondary',
          onClick: () => {
            const nu = tekst.input.value.trim();
            tekst.input.value = nu ? `${nu}\n\n${model}` : model;
            tekst.input.dispatchEvent(new Event('input'));
            tekst.input.focus();
          },
        }) : null) : null,
      tekst.element,
      regioctx ? regioctx.element : null));
  }
  return out;
}
