// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-algemeen.js -- one step of the application wizard (aanvraag.js,
// maakWizard): stapAlgemeen. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { groep, schrijf, veld } from '../aanvraagformulier.js';
import { button, link, paragraph } from '../dom.js';
import { datumTijd } from '../opmaak.js';
import { downloadTekst } from './aanvraag-status.js';

export function stapAlgemeen(wz) {
  const { bewerkbaar, bind, doc, gebied, gewijzigd, id, mp, reg, ronde } = wz;
  const out = [
    paragraph('U vraagt aan op ', link(`/modelplannen/${encodeURIComponent(mp.id)}?versie=${mp.versie}`, `${mp.naam}, versie ${mp.versie}`),
      ` (catalogusversie ${ronde.catalogusversie}), in de ronde “${ronde.naam}”. De ronde sluit ${datumTijd(ronde.sluit_op)}; `,
      'wat dan niet is ingediend, telt niet mee.'),
    bind({ pointer: '/titel', label: 'Titel van de aanvraag', omschrijving: 'Een korte naam, bijvoorbeeld “Spraakgestuurd rapporteren in Twente”.' }).element,
  ];
  const regioVeld = veld({
    pointer: 'regio',
    label: 'Regio (niet verplicht)',
    omschrijving: 'Een naam voor de regio van de aanvraag; zorgverzekeraars kunnen erop zoeken. Hoort niet bij het ingediende document.',
    waarde: wz.regio,
    alleenLezen: !bewerkbaar,
    onWijzig: (waarde) => {
      wz.regio = waarde ?? '';
      gewijzigd();
    },
  });
  wz.velden.push(regioVeld);
  out.push(regioVeld.element);
  const paden = gebied.zorgpaden || [];
  out.push(paragraph('Wilt u het document elders verder bewerken of bewaren? ',
    button('Document downloaden (JSON)', {
      kind: 'secondary',
      onClick: () => downloadTekst(`${JSON.stringify(doc, null, 2)}\n`, `aanvraag-${id}${bewerkbaar ? '-concept' : ''}.json`),
    }),
    ' U kunt het later weer gebruiken bij een nieuwe aanvraag.'));
  if (paden.length || (doc.zorgpaden || []).length) {
    const gekozen = new Set(doc.zorgpaden || []);
    const vinkjes = paden.map((z) => veld({
      pointer: `/zorgpaden#${z.id}`,
      label: z.naam,
      soort: 'vinkje',
      waarde: gekozen.has(z.id),
      alleenLezen: !bewerkbaar,
      onWijzig: (aan) => {
        const nu = new Set(doc.zorgpaden || []);
        if (aan) nu.add(z.id);
        else nu.delete(z.id);
        // The area's order first, then anything else the document had.
        const lijst = [...paden.map((x) => x.id).filter((x) => nu.has(x)), ...[...nu].filter((x) => !paden.some((y) => y.id === x))];
        schrijf(doc, '/zorgpaden', lijst);
        gewijzigd();
      },
    }));
    out.push(reg(groep({
      pointer: '/zorgpaden',
      label: 'Zorgpaden',
      omschrijving: 'Kies de zorgpaden van het toepassingsgebied waarvoor u aanvraagt.',
      inhoud: vinkjes.map((v) => v.element),
    })).element);
  }
  return out;
}
