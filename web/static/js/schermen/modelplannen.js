// SPDX-License-Identifier: EUPL-1.2
//
// Modelplannen (public): one national template per application area, the
// highest version of each in the current catalogue version.

import { downloadBalk } from '../export.js';
import * as catalogus from '../catalogus.js';
import { badge, heading, link, paragraph, table } from '../dom.js';

export const STATUS = {
  voorbeeld: ['Voorbeeld', 'warning'],
  concept: ['Concept', 'neutral'],
  vastgesteld: ['Vastgesteld', 'success'],
  ingetrokken: ['Ingetrokken', 'danger'],
};

export function statusBadge(status) {
  const [tekst, soort] = STATUS[status] || [status, 'neutral'];
  return badge(tekst, soort);
}

export async function toon() {
  const [{ modelplannen, catalogusversie }, { toepassingsgebieden }, themanamen] = await Promise.all([
    catalogus.modelplannen(), catalogus.toepassingsgebieden(), catalogus.themanamen(),
  ]);
  const gebieden = Object.fromEntries(toepassingsgebieden.map((t) => [t.id, t]));
  return [
    heading(1, 'Modelplannen'),
    downloadBalk({ pad: '/modelplannen', naam: 'modelplannen', omschrijving: 'de modelplannen' }),
    paragraph('Per toepassingsgebied is er één landelijk modelplan: het format voor een aanvraag, met de normen waaraan een aanvraag wordt getoetst. '
      + 'Wie afwijkt, legt uit waarom (pas toe of leg uit); dat leidt tot een diepere beoordeling. ',
    `Bron: catalogusversie ${catalogusversie}.`),
    table({
      caption: 'Modelplannen, met de nieuwste versie in deze catalogus',
      columns: [
        { kop: 'Modelplan', waarde: (m) => link(`/modelplannen/${encodeURIComponent(m.id)}`, m.naam) },
        { kop: 'Toepassingsgebied', waarde: (m) => gebieden[m.toepassingsgebied_id]?.naam || m.toepassingsgebied_id },
        { kop: 'Thema', waarde: (m) => themanamen[gebieden[m.toepassingsgebied_id]?.thema_id] || '' },
        { kop: 'Versie', getal: true, waarde: (m) => String(m.versie) },
        { kop: 'Status', waarde: (m) => statusBadge(m.status) },
      ],
      rows: modelplannen,
    }),
  ];
}
