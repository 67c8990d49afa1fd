// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-verklaringen.js -- one step of the application wizard (aanvraag.js,
// maakWizard): stapVerklaringen. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { groep } from '../aanvraagformulier.js';
import { paragraph } from '../dom.js';

const VERKLARINGEN = [
  ['geen_dubbele_financiering', 'Wij verklaren dat er geen dubbele financiering is, met reguliere zorg of met andere middelen.'],
  ['geen_eerdere_iza_transformatiemiddelen', 'Wij verklaren dat wij hiervoor niet eerder IZA-transformatiemiddelen of subsidie hebben ontvangen.'],
  ['kennis_kosteloos_delen', 'Wij verklaren dat de kennis uit het project kosteloos beschikbaar komt voor anderen.'],
];

export function stapVerklaringen(wz) {
  const { bind, reg } = wz;
  return [
    paragraph('Zonder deze drie verklaringen kunt u niet indienen.'),
    reg(groep({
      pointer: '/verklaringen',
      label: 'Verklaringen van de coalitie',
      inhoud: VERKLARINGEN.map(([k, tekst]) => bind({ pointer: `/verklaringen/${k}`, label: tekst, soort: 'vinkje' }).element),
    })).element,
  ];
}
