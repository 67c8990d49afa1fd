// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-impact.js -- one step of the application wizard (aanvraag.js,
// maakWizard): stapImpact. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { groep } from '../aanvraagformulier.js';
import { euro, milli } from '../opmaak.js';

export function stapImpact(wz) {
  const { bind, normen, reg, rijen } = wz;
  return [
    reg(groep({
      pointer: '/impact',
      label: 'Impact op de arbeidsmarkt',
      kop: 'h3',
      omschrijving: normen.min_fte_per_miljoen_milli === undefined ? null
        : `De norm van het modelplan: ${milli(normen.min_fte_per_miljoen_milli)} fte arbeidsbesparing per € 1 mln eenmalige investering.`,
      inhoud: [
        bind({ pointer: '/impact/fte_besparing_milli', label: 'Fte-besparing bij volledige opschaling', soort: 'fte', omschrijving: 'In fte, bijvoorbeeld 190 of 12,5.' }).element,
        bind({ pointer: '/impact/meetmethode', label: 'Meetmethode', soort: 'tekstvak', omschrijving: 'Hoe meet u de fte-besparing en de vermindering van de werkdruk?' }).element,
      ],
    })).element,
    reg(groep({
      pointer: '/structureel',
      label: 'Structurele kosten en besparing na afloop (basiseis 9)',
      kop: 'h3',
      inhoud: [
        bind({ pointer: '/structureel/kosten_per_jaar_cent', label: 'Structurele kosten per jaar', soort: 'bedrag', omschrijving: 'In euro’s; 0 als er geen structurele kosten zijn.' }).element,
        bind({ pointer: '/structureel/besparing_per_jaar_cent', label: 'Onderbouwde besparing per jaar', soort: 'bedrag', omschrijving: 'In euro’s.' }).element,
        bind({ pointer: '/structureel/toelichting', label: 'Toelichting (niet verplicht)', soort: 'tekstvak', rijen: 3 }).element,
      ],
    })).element,
    reg(groep({
      pointer: '/eenmalige_impuls',
      label: 'Eenmalige impuls (basiseis 8)',
      kop: 'h3',
      inhoud: [
        bind({ pointer: '/eenmalige_impuls/toelichting', label: 'Waarom is een eenmalige impuls nodig?', soort: 'tekstvak', rijen: 3 }).element,
        bind({ pointer: '/eenmalige_impuls/borging', label: 'Hoe borgt u de toepassing na afloop?', soort: 'tekstvak', rijen: 3 }).element,
      ],
    })).element,
  ];
}
