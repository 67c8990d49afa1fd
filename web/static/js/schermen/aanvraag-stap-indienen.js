// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-indienen.js -- one step of the application wizard (aanvraag.js,
// maakWizard): stapIndienen. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { api, ApiFout } from '../api.js';
import { ROUTE } from '../aanvraagformulier.js';
import { alert, button, dataList, h, heading, paragraph, replaceChildren as vervang, uniqueId } from '../dom.js';
import { datumTijd } from '../opmaak.js';

export function stapIndienen(wz) {
  const { basis, bewaar, blokkerend, ctx, herhaling, id, mp, ronde, samenvattingToetsing, toonToetsing, veldLink, veldNaam } = wz;
  const vak = h('div', { class: 'indienvak' });
  const fouten = h('div', { class: 'foutsamenvatting-houder' });
  const status = h('p', { class: 'utrecht-paragraph', role: 'status' });
  let knop = null;
  async function dienIn() {
    knop.disabled = true;
    vervang(fouten);
    status.textContent = 'Bezig met opslaan en indienen…';
    if (!(await bewaar())) {
      status.textContent = 'Het concept kon niet worden opgeslagen; er is niets ingediend.';
      knop.disabled = false;
      return;
    }
    try {
      const body = wz.aanvraag.concept_sha256 ? { concept_sha256: wz.aanvraag.concept_sha256 } : {};
      const res = await api.post(`${basis}/indiening`, body);
      wz.netOntvangen = res.ontvangstbewijs;
      status.textContent = 'De aanvraag is ingediend.';
      ctx.navigate(basis);
    } catch (err) {
      if (!(err instanceof ApiFout)) throw err;
      knop.disabled = false;
      status.textContent = '';
      const kopId = uniqueId('samenvatting');
      const summary = h('div', { class: 'utrecht-alert utrecht-alert--error foutsamenvatting', tabindex: '-1', 'aria-labelledby': kopId },
        h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' },
          h('h3', { class: 'utrecht-heading-3 foutsamenvatting__kop', id: kopId }, 'De aanvraag is niet ingediend'),
          paragraph(err.message),
          err.fouten.length ? h('ul', { class: 'utrecht-unordered-list foutsamenvatting__lijst' }, err.fouten.map((f) => h('li', { class: 'utrecht-unordered-list__item' },
            f.veld ? veldLink(veldNaam(`/document${f.veld}`) || f.veld, f.melding) : f.melding,
            f.code || f.bron ? h('span', { class: 'toets__bron' }, ` (${[f.code, f.bron].filter(Boolean).join(' · ')})`) : null))) : null)));
      vervang(fouten, summary);
      summary.focus();
      // The checks may have changed since the last look.
      try {
        wz.toetsing = (await api.get(`${basis}/toetsing`)).toetsing;
        toonToetsing();
      } catch { /* the summary says enough */ }
    }
  }
  const gesloten = !herhaling && ronde.fase !== 'open';
  wz.naTekenen.push(() => {
    const blok = blokkerend();
    knop = wz.toetsing.indienbaar && !gesloten ? button(herhaling ? 'Antwoord indienen' : 'Aanvraag definitief indienen', { onClick: dienIn }) : null;
    vervang(vak,
      dataList([
        ['Indieningsronde', `${ronde.naam}; sluit ${datumTijd(ronde.sluit_op)}`],
        ['Modelplan', `${mp.naam}, versie ${mp.versie}`],
        ['Concept', `opgeslagen ${datumTijd(wz.aanvraag.gewijzigd_op)} (keer ${wz.aanvraag.concept_revisie ?? '?'} opgeslagen)`],
        ['SHA-256 van het concept', h('code', { class: 'utrecht-code hash' }, wz.aanvraag.concept_sha256 || '–')],
        ['Route van de beoordeling', ROUTE[wz.toetsing.route] || wz.toetsing.route],
      ]),
      gesloten ? alert('warning', paragraph(`De ronde ${ronde.fase === 'gepland' ? 'is nog niet open' : 'is gesloten'}: u kunt dit concept nu niet indienen.`)) : null,
      wz.toetsing.indienbaar
        ? alert('ok', paragraph('Geen controle blokkeert het indienen. Punten over de basiseisen (zie Controles) beoordelen de zorgverzekeraars.'), { heading: 'U kunt indienen' })
        : alert('warning', [
          paragraph(`${samenvattingToetsing()} Los deze eerst op:`),
          h('ul', { class: 'utrecht-unordered-list' }, blok.map((b) => h('li', { class: 'utrecht-unordered-list__item' }, veldLink(b.veld || '', b.bericht)))),
        ], { heading: 'U kunt nog niet indienen' }),
      knop ? h('p', { class: 'utrecht-paragraph' }, knop) : null);
  });
  return [
    paragraph(herhaling
      ? 'U dient uw antwoord in als een nieuwe versie van de aanvraag. De eerdere versie blijft zoals zij was; beide zorgverzekeraars beoordelen de nieuwe versie.'
      : 'Bij indienen legt de server de inhoud van het concept vast zoals die nu is opgeslagen: daarna kunt u niets meer wijzigen. '
        + 'U krijgt een ontvangstbewijs met het moment van indienen en de SHA-256 van het vastgelegde document. U dient één keer in; vroeg indienen geeft geen voorrang.'),
    vak, fouten, status,
  ];
}
