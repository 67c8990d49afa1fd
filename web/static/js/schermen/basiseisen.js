// SPDX-License-Identifier: EUPL-1.2
//
// Basiseisen (public): the 14 basic requirements every application is
// assessed against, with their official numbers (modelplan questions refer
// to them) and official texts, copied verbatim (typos included).

import { downloadBalk } from '../export.js';
import * as catalogus from '../catalogus.js';
import { h, heading, paragraph, table } from '../dom.js';
import { opsomming } from '../opmaak.js';

function geldtVoor(e) {
  const sporen = [e.geldt_voor_zvw && 'Zvw (zorgverzekeraars)', e.geldt_voor_sociaal_domein && 'sociaal domein'];
  return opsomming(sporen.filter(Boolean)) || 'geen van beide';
}

export async function toon() {
  const { basiseisen, catalogusversie } = await catalogus.basiseisen();
  return [
    heading(1, 'Basiseisen'),
    downloadBalk({ pad: '/basiseisen', naam: 'basiseisen', omschrijving: 'de basiseisen' }),
    paragraph(`Elke aanvraag wordt getoetst aan deze ${basiseisen.length} basiseisen. De vragen van een modelplan verwijzen naar hun nummer. `
      + 'De titels en toelichtingen zijn letterlijk overgenomen uit de bron. ', `Bron: catalogusversie ${catalogusversie}.`),
    table({
      caption: 'De basiseisen met hun officiële nummer',
      columns: [
        { kop: 'Nummer', getal: true, waarde: (e) => String(e.volgnummer) },
        { kop: 'Basiseis', waarde: (e) => h('strong', {}, e.titel) },
        { kop: 'Toelichting', waarde: (e) => [e.toelichting, e.opmerking ? h('span', { class: 'opmerking' }, ` Opmerking: ${e.opmerking}`) : null] },
        { kop: 'Geldt voor', waarde: geldtVoor },
      ],
      rows: basiseisen,
    }),
  ];
}
