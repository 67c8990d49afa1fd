// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag-stap-begroting.js -- one step of the application wizard (aanvraag.js,
// maakWizard): stapBegroting. `wz` is the wizard's shared state and
// helpers (the document, bind/reg/rijen, the latest checks); values that
// change while the wizard is open are read as wz.<name>.

import { groep, schrijf, veld } from '../aanvraagformulier.js';
import { dataList, h, heading, paragraph, replaceChildren as vervang } from '../dom.js';
import { euro } from '../opmaak.js';

const KOSTENSOORT = [{ waarde: 'personeel', tekst: 'Personeel' }, { waarde: 'materieel', tekst: 'Materieel' }];
const AARD = [{ waarde: 'eenmalig', tekst: 'Eenmalig (wordt gevraagd)' }, { waarde: 'structureel', tekst: 'Structureel (alleen opgeven, wordt niet gevraagd)' }];
const DOEL = [
  ['implementatie', 'Implementatie'], ['technologie', 'Technologie'], ['koppelingen', 'Koppelingen'],
  ['scholing', 'Scholing'], ['veranderkundige_ondersteuning', 'Veranderkundige ondersteuning'],
  ['projectorganisatie', 'Projectorganisatie'], ['monitoring', 'Monitoring'], ['kennisdeling', 'Kennisdeling'],
  ['aanschaf_hulpmiddelen', 'Aanschaf van hulpmiddelen'], ['overig', 'Overig'],
].map(([waarde, tekst]) => ({ waarde, tekst }));

export function stapBegroting(wz) {
  const { bewerkbaar, bind, doc, eigenOrg, gewijzigd, id, normen, reg, rijen } = wz;
  const kaders = normen.bedragkaders || {};
  const eenheden = kaders.per_eenheid || [];
  const deelnemers = doc.coalitie?.deelnemers || [];
  const aanbieders = deelnemers.filter((d) => d.soort !== 'gemeente' && Number.isSafeInteger(d.organisatie))
    .map((d) => ({ waarde: d.organisatie, tekst: d.organisatie === eigenOrg?.id ? `${eigenOrg.naam} (nummer ${d.organisatie})` : `Organisatie ${d.organisatie}` }));
  const jaren = (normen.begrotingsjaren || []).map((j) => j.jaar);
  const totalen = h('div', { class: 'totalen' });
  wz.naTekenen.push(() => {
    const t = wz.toetsing.totalen || {};
    vervang(totalen, dataList([
      ['Gevraagd volgens de begrotingsregels (eenmalig)', t.gevraagd_cent === undefined ? '–' : euro(t.gevraagd_cent)],
      ['Structurele kosten in de begroting (niet gevraagd)', t.niet_financierbaar_cent === undefined ? '–' : euro(t.niet_financierbaar_cent)],
      ['Scholing en veranderkundige ondersteuning', t.veranderkundig_cent === undefined ? '–' : euro(t.veranderkundig_cent)],
    ]));
  });
  const out = [
    paragraph('Eén regel per zorgaanbieder, jaar, kostensoort, aard en doel. Alleen eenmalige kosten worden gevraagd; structurele kosten geeft u op, maar vraagt u niet. ',
      `De jaren van het modelplan: ${jaren.join(', ')}.`),
    h('div', { role: 'group', 'aria-label': 'Totalen volgens de laatste controle' },
      heading(3, 'Totalen volgens de laatste controle'), totalen),
  ];
  out.push(reg(groep({
    pointer: '/begroting',
    label: 'Begrotingsregels',
    kop: 'h3',
    inhoud: rijen({
      p: '/begroting',
      lijst: 'begroting',
      enkelvoud: 'Begrotingsregel',
      leegTekst: 'Er zijn nog geen begrotingsregels.',
      maakNieuw: () => ({
        zorgaanbieder: aanbieders[0]?.waarde ?? eigenOrg?.id ?? doc.coalitie?.penvoerder,
        jaar: jaren[0] ?? 2027,
        kostensoort: 'personeel',
        aard: 'eenmalig',
        doel: 'implementatie',
        bedrag_cent: 0,
      }),
      rij: (item, i, rp) => h('div', { class: 'rij__velden' },
        aanbieders.length
          ? bind({ pointer: `${rp}/zorgaanbieder`, label: 'Zorgaanbieder', soort: 'keuze', opties: aanbieders }).element
          : bind({ pointer: `${rp}/zorgaanbieder`, label: 'Zorgaanbieder (organisatienummer)', soort: 'getal' }).element,
        bind({ pointer: `${rp}/jaar`, label: 'Jaar', soort: 'getal' }).element,
        bind({ pointer: `${rp}/kostensoort`, label: 'Kostensoort', soort: 'keuze', opties: KOSTENSOORT }).element,
        bind({ pointer: `${rp}/aard`, label: 'Aard', soort: 'keuze', opties: AARD }).element,
        bind({ pointer: `${rp}/doel`, label: 'Doel', soort: 'keuze', opties: DOEL }).element,
        bind({ pointer: `${rp}/bedrag_cent`, label: 'Bedrag', soort: 'bedrag', omschrijving: 'In euro’s.' }).element,
        bind({ pointer: `${rp}/omschrijving`, label: 'Omschrijving (niet verplicht)' }).element,
        eenheden.length > 1 || item.eenheid_id !== undefined
          ? bind({
            pointer: `${rp}/eenheid_id`,
            label: 'Eenheid (niet verplicht)',
            soort: 'keuze',
            opties: [{ waarde: undefined, tekst: 'Geen' }, ...eenheden.map((e) => ({ waarde: e.id, tekst: e.eenheid }))],
          }).element : null),
    }),
  })).element);

  // Units: one number per unit of the modelplan's frame (and any other the document names).
  const genoemd = (doc.eenheden || []).map((e) => e.id);
  const ids = [...eenheden.map((e) => e.id), ...genoemd.filter((x) => !eenheden.some((e) => e.id === x))];
  const eenheidVelden = ids.map((eid) => {
    const def = eenheden.find((e) => e.id === eid);
    let idx = (doc.eenheden || []).findIndex((e) => e.id === eid);
    const v = veld({
      pointer: idx >= 0 ? `/eenheden/${idx}/aantal` : `/eenheden/-${eid}/aantal`,
      label: `Aantal: ${def ? def.eenheid : eid}`,
      soort: 'getal',
      omschrijving: def ? `Het bedragkader is ${euro(def.max_bedrag_cent)} per ${def.eenheid}.` : 'Deze eenheid staat niet in het modelplan.',
      waarde: idx >= 0 ? doc.eenheden[idx].aantal : undefined,
      alleenLezen: !bewerkbaar,
      onWijzig: (waarde) => {
        if (idx < 0) {
          if (!Array.isArray(doc.eenheden)) doc.eenheden = [];
          doc.eenheden.push({ id: eid });
          idx = doc.eenheden.length - 1;
          v.pointer = `/eenheden/${idx}/aantal`;
        }
        schrijf(doc, v.pointer, waarde);
        gewijzigd();
      },
    });
    wz.velden.push(v);
    return v.element;
  });
  if (eenheidVelden.length) {
    out.push(reg(groep({ pointer: '/eenheden', label: 'Eenheden', kop: 'h3', inhoud: eenheidVelden })).element);
  }
  out.push(bind({
    pointer: '/totaal_bedrag_cent',
    label: 'Totaal gevraagd bedrag',
    soort: 'bedrag',
    omschrijving: 'In euro’s, bijvoorbeeld 5.000.000 of 1.234,56: de voorgestelde bovengrens voor de hele periode.',
  }).element);
  return out;
}
