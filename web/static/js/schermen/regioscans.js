// SPDX-License-Identifier: EUPL-1.2
//
// Regioscans (docs/sociaal-domein.md §3): per region and measurement the
// level of each basisfunctionaliteit and the advice, and the joint advice of
// VNG, ZN and VWS (GET /regioscans). The programme office imports scans
// from CSV (POST /regioscans/import): every bad row is reported at once and
// nothing is stored unless all rows are good.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { button, h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { bezig } from '../formulier.js';
import { datumTijd } from '../opmaak.js';
import { basisfunctionaliteiten, bfNaam } from '../sociaal.js';

export async function toon(ctx) {
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const [scans, bfs, schaal] = await Promise.all([
    api.get('/regioscans', { signal: ctx.signal }).then((r) => r.regioscans),
    basisfunctionaliteiten(ctx.signal),
    api.get('/regioscanschalen', { signal: ctx.signal }).then((r) => r.versies[0].document),
  ]);
  const niveau = (n) => schaal.niveaus.find((x) => x.niveau === n)?.naam || String(n);
  const melding = h('div', { role: 'status', tabindex: '-1' });
  const lijst = h('div', {});

  function teken(rijen) {
    replaceChildren(lijst, rijen.length ? table({
      caption: 'De nieuwste scan per regio en meting',
      columns: [
        { kop: 'Regio en meting', waarde: (s) => `${s.regio}, ${s.meting === 'nulmeting' ? 'nulmeting' : `meting ${s.meting}`} (versie ${s.versie})` },
        { kop: 'Niveau en advies', waarde: (s) => s.basisfunctionaliteiten.map((b) => `${bfNaam(bfs, b.id)}: ${niveau(b.niveau)}, ${b.advies === 'versnellen' ? 'versnellen' : 'niet versnellen'}`).join('; ') },
        { kop: 'Gezamenlijk advies', waarde: (s) => s.gezamenlijk_advies || '' },
        { kop: 'Ingevoerd', waarde: (s) => datumTijd(s.ingevoerd_op) },
      ],
      rows: rijen,
    }) : paragraph('Er zijn nog geen regioscans.'));
  }

  const invoer = h('input', { type: 'file', id: 'scanbestand', accept: '.csv,text/csv', class: 'utrecht-textbox utrecht-textbox--html-input' });
  const knop = button('Importeren', { onClick: () => importeer() });
  async function importeer() {
    const file = invoer.files?.[0];
    if (!file) {
      replaceChildren(melding, paragraph('Kies eerst een CSV-bestand.'));
      melding.focus();
      return;
    }
    await bezig(knop, async () => {
      try {
        const r = await api.upload('/regioscans/import', new Blob([await file.arrayBuffer()], { type: 'text/csv' }), { signal: ctx.signal });
        teken((await api.get('/regioscans', { signal: ctx.signal })).regioscans);
        replaceChildren(melding, paragraph(`${r.aantal} regioscan(s) ingevoerd.`));
      } catch (fout) {
        if (fout.geannuleerd) return;
        replaceChildren(melding, h('div', { class: 'utrecht-alert utrecht-alert--error' },
          paragraph(`Niet ingevoerd: ${fout.message}`),
          h('ul', { class: 'utrecht-unordered-list' }, (fout.fouten || []).map((f) => h('li', { class: 'utrecht-unordered-list__item' },
            `${f.veld ? `${f.veld}: ` : ''}${f.melding} ${f.bron || ''}`)))));
      }
      melding.focus();
    });
  }

  teken(scans);
  return [
    heading(1, 'Regioscans'),
    downloadBalk({ pad: '/regioscans', naam: 'regioscans', omschrijving: 'de regioscans', signal: ctx.signal }),
    paragraph('De regioscan legt per regio vast hoe ver elke basisfunctionaliteit is ingevoerd, met het gezamenlijk advies van VNG, ZN '
      + 'en VWS; hij wordt herhaald in 2027 en 2028 [001 "Transformeren op het snijvlak"].'),
    rollen.includes('programmabureau') ? h('section', { 'aria-labelledby': 'kop-import' },
      heading(2, 'Importeren uit CSV', { id: 'kop-import' }),
      paragraph('Kolommen: regio, meting, basisfunctionaliteit, niveau, advies, gezamenlijk_advies; één regel per regio en basisfunctionaliteit.'),
      h('div', { class: 'utrecht-form-field' },
        h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: 'scanbestand' }, 'CSV-bestand')),
        h('div', { class: 'utrecht-form-field__input' }, invoer)),
      knop) : null,
    melding,
    lijst,
  ];
}
