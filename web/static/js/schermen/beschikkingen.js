// SPDX-License-Identifier: EUPL-1.2
//
// Beschikkingen: the NZa's decisions the visitor may see (GET /beschikkingen):
// NZa, Zorginstituut and auditor all of them, the insurers and the coalition
// their own (docs/beschikking.md §7). Paged with "Meer laden".

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { button, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { datumTijd, euro } from '../opmaak.js';
import { besluitBadge, themanamen } from './nza-gedeeld.js';

const LIMIET = 100;

export async function toon(ctx) {
  const namen = await themanamen();
  let rijen = [];
  let volgende = null;
  const aantal = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const lijst = h('div', {});
  const meerHouder = h('div', { class: 'utrecht-button-group' });
  const foutHouder = h('div', {});

  function teken() {
    replaceChildren(lijst, rijen.length ? table({
      caption: 'Beschikkingen van de NZa',
      columns: [
        { kop: 'Kenmerk', waarde: (b) => link(`/beschikkingen/${b.id}`, b.kenmerk) },
        { kop: 'Aanvraag', waarde: (b) => b.aanvraag_titel || String(b.aanvraag_id) },
        { kop: 'Penvoerder', waarde: (b) => b.penvoerder_naam || '-' },
        { kop: 'Thema', waarde: (b) => namen[b.thema] || b.thema },
        { kop: 'Besluit', waarde: (b) => besluitBadge(b.besluit) },
        { kop: 'Bovengrens', getal: true, waarde: (b) => euro(b.bovengrens_cent) },
        { kop: 'Genomen op', waarde: (b) => datumTijd(b.genomen_op) },
      ],
      rows: rijen,
    }) : null);
    replaceChildren(meerHouder, volgende === null ? null
      : button('Meer laden', { kind: 'secondary', onClick: () => laad(true) }));
    const n = rijen.length;
    aantal.textContent = (n === 0 ? 'Er zijn (nog) geen beschikkingen die u kunt inzien.'
      : n === 1 ? '1 beschikking.' : `${n} beschikkingen.`) + (volgende !== null ? ' Er zijn er meer; kies "Meer laden".' : '');
  }

  async function laad(meer) {
    lijst.setAttribute('aria-busy', 'true');
    try {
      const r = await api.get('/beschikkingen', { query: { limiet: LIMIET, na: meer ? volgende : null }, signal: ctx.signal });
      rijen = meer ? rijen.concat(r.beschikkingen) : r.beschikkingen;
      volgende = r.volgende_na ?? null;
      replaceChildren(foutHouder);
      teken();
      if (meer && volgende === null) aantal.focus();
    } catch (fout) {
      if (fout.geannuleerd) return;
      if (!meer) throw fout;
      replaceChildren(foutHouder, h('p', { class: 'utrecht-paragraph', role: 'alert' }, fout.message));
    } finally {
      lijst.removeAttribute('aria-busy');
    }
  }

  await laad(false);
  return [
    heading(1, 'Beschikkingen'),
    downloadBalk({ pad: '/beschikkingen', naam: 'beschikkingen', omschrijving: 'de beschikkingen', signal: ctx.signal }),
    paragraph('De besluiten van de NZa op de gezamenlijke verzoeken van zorgverzekeraar en coalitie: '
      + 'de bovengrens per project, de toetsing met de bronnen, het besluitdocument en de mijlpalen waarop wordt betaald.'),
    aantal,
    lijst,
    meerHouder,
    foutHouder,
  ];
}
