// SPDX-License-Identifier: EUPL-1.2
//
// Jaarstaten: the insurers' yearly statements and NZa's judgement on them
// (GET /jaarstaten, docs/verantwoording.md §5, §6).
//
// An insurer submits the statement of a year (POST /jaarstaten) -- refused
// with every reason (a project year not tested, rows that do not reconcile
// with the ledger, a later year already stated) -- and reads its own. NZa
// reads all of them and gives its judgement: plausible, lower (with the
// recognised amount) or not plausible, findings with their sources, a
// motivation (POST /jaarstaten/{id}/rechtsoordeel). The judgement opens as
// a document (HTML) and downloads as PDF. The Zorginstituut, the auditor,
// the board and the programme office read.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { button, dataList, h, heading, paragraph, replaceChildren, table, uniqueId } from '../dom.js';
import { formKader as gedeeldKader, keuzeveld, tekstvak, tekstveld } from '../formulier.js';
import { centenUitTekst, datumTijd, euro } from '../opmaak.js';

const LINK = 'utrecht-link utrecht-link--html-a';
const OORDEEL = { plausibel: 'Plausibel', lager: 'Plausibel voor een lager bedrag', niet_plausibel: 'Niet plausibel' };

export async function toon(ctx) {
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const isVerzekeraar = rollen.includes('beoordelaar');
  const isNza = rollen.includes('nza');
  let staten = (await api.get('/jaarstaten', { signal: ctx.signal })).jaarstaten;
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const lijstHouder = h('div', {});
  const formHouder = h('div', {});
  let opener = null;

  function sluitForm({ terug = true } = {}) {
    replaceChildren(formHouder);
    if (terug && opener?.isConnected) opener.focus();
    opener = null;
  }

  async function herlaad(tekst) {
    staten = (await api.get('/jaarstaten', { signal: ctx.signal })).jaarstaten;
    sluitForm({ terug: false });
    teken();
    melding.textContent = tekst;
    melding.focus();
  }

  function formKader(titel, velden, knopTekst, verstuur) {
    gedeeldKader({ houder: formHouder, titel, velden, knopTekst, verstuur, annuleer: () => sluitForm(), niveau: 2 });
  }


  function openIndienen(knop) {
    opener = knop;
    // money moves from 2027 on [003 §8b]; a reclaim can come after the fund's last year
    const nu = new Date().getFullYear();
    const jaren = [];
    for (let j = 2027; j <= Math.max(2029, nu); j++) jaren.push(j);
    const jaar = keuzeveld({
      pointer: '/jaar',
      label: 'Jaar',
      opties: jaren.map((j) => ({ waarde: String(j), tekst: String(j) })),
      waarde: String(Math.min(Math.max(nu - 1, 2027), jaren.at(-1))),
    });
    formKader('Jaarstaat indienen', [jaar], 'Indienen', async () => {
      const r = await api.post('/jaarstaten', { jaar: Number(jaar.input.value) }, { signal: ctx.signal });
      await herlaad(`De jaarstaat over ${r.jaar} is ingediend: te vereffenen ${euro(r.te_vereffenen_cent)}.`);
    });
  }

  function openOordeel(s, knop) {
    opener = knop;
    const oordeel = keuzeveld({
      pointer: '/oordeel',
      label: 'Oordeel',
      opties: Object.entries(OORDEEL).map(([waarde, tekst]) => ({ waarde, tekst })),
      waarde: 'plausibel',
    });
    const erkend = tekstveld({
      pointer: '/erkend_cent',
      label: 'Erkend bedrag in euro (alleen bij lager)',
      omschrijving: `Te vereffenen volgens de jaarstaat: ${euro(s.te_vereffenen_cent)}.`,
      inputmode: 'decimal',
      klasse: 'veld--bedrag',
    });
    const motivering = tekstvak({ pointer: '/motivering', label: 'Motivering' });
    const code = tekstveld({ pointer: '/bevindingen/0/code', label: 'Bevinding: code (niet verplicht bij plausibel)' });
    const bron = tekstveld({ pointer: '/bevindingen/0/bron', label: 'Bevinding: bron (niet verplicht bij plausibel)', omschrijving: 'Bijvoorbeeld [001 §5].' });
    const tekst = tekstvak({ pointer: '/bevindingen/0/tekst', label: 'Bevinding: toelichting (niet verplicht bij plausibel)', rijen: 3 });
    formKader(`Rechtsoordeel over de jaarstaat ${s.jaar}`, [oordeel, erkend, motivering, code, bron, tekst], 'Rechtsoordeel geven', async (f) => {
      const body = { oordeel: oordeel.input.value, motivering: motivering.input.value };
      if (body.oordeel === 'lager') {
        const cent = centenUitTekst(erkend.input.value);
        if (cent === null) {
          f.toonFouten({ velden: { '/erkend_cent': ['Vul het erkende bedrag in euro in.'] } }, { kop: 'Controleer het bedrag' });
          return;
        }
        body.erkend_cent = Number(cent);
      }
      if (code.input.value.trim() || bron.input.value.trim() || tekst.input.value.trim()) {
        body.bevindingen = [{ code: code.input.value, bron: bron.input.value, tekst: tekst.input.value }];
      }
      const r = await api.post(`/jaarstaten/${s.id}/rechtsoordeel`, body, { signal: ctx.signal });
      await herlaad(`Het rechtsoordeel over ${s.jaar} is gegeven: erkend ${euro(r.rechtsoordeel.erkend_cent)}.`);
    });
  }

  function documenten(s) {
    if (!s.rechtsoordeel) return 'Nog geen rechtsoordeel';
    const pad = `/api/v1/jaarstaten/${s.id}/rechtsoordeel/document`;
    return [h('a', { class: LINK, href: pad }, `Rechtsoordeel ${s.jaar} (HTML)`), ' · ',
      h('a', { class: LINK, href: `${pad}.pdf`, download: '' }, 'PDF')];
  }

  function teken() {
    const knoppen = [];
    if (isVerzekeraar) {
      const k = button('Jaarstaat indienen', { onClick: () => openIndienen(k) });
      knoppen.push(k);
    }
    const columns = [
      { kop: 'Jaar', waarde: (s) => String(s.jaar) },
      { kop: 'Zorgverzekeraar', waarde: (s) => String(s.verzekeraar_naam || s.verzekeraar_id) },
      { kop: 'Betaald', getal: true, waarde: (s) => euro(s.betaald_cent) },
      { kop: 'Gecorrigeerd', getal: true, waarde: (s) => euro(s.gecorrigeerd_cent) },
      { kop: 'Teruggevorderd', getal: true, waarde: (s) => euro(s.teruggevorderd_cent) },
      { kop: 'Plausibel', getal: true, waarde: (s) => euro(s.plausibel_cent) },
      { kop: 'Te vereffenen', getal: true, waarde: (s) => euro(s.te_vereffenen_cent) },
      { kop: 'Rechtsoordeel', waarde: (s) => (s.rechtsoordeel ? `${OORDEEL[s.rechtsoordeel.oordeel]}: ${euro(s.rechtsoordeel.erkend_cent)}` : '-') },
      { kop: 'Document', waarde: documenten },
    ];
    if (isNza) {
      columns.push({
        kop: 'Actie',
        waarde: (s) => {
          if (s.rechtsoordeel) return '-';
          const k = button(`Oordeel over ${s.jaar} geven`, { kind: 'secondary', onClick: () => openOordeel(s, k) });
          return k;
        },
      });
    }
    replaceChildren(lijstHouder,
      knoppen.length ? h('div', { class: 'utrecht-button-group' }, knoppen) : null,
      staten.length ? table({ caption: 'Jaarstaten en rechtsoordelen', columns, rows: staten })
        : paragraph('Er zijn (nog) geen jaarstaten die u kunt inzien.'),
      staten.map((s) => {
        const kopId = uniqueId('kop-staat');
        return h('section', { 'aria-labelledby': kopId },
          heading(2, `Jaarstaat ${s.jaar}, ingediend op ${datumTijd(s.ingediend_op)}`, { id: kopId }),
          table({
            caption: `Projecten in de jaarstaat ${s.jaar}`,
            columns: [
              { kop: 'Beschikking', waarde: (p) => h('a', { class: LINK, href: `/beschikkingen/${p.beschikking_id}/verantwoording` }, p.kenmerk) },
              { kop: 'Betaald', getal: true, waarde: (p) => euro(p.betaald_cent) },
              { kop: 'Gecorrigeerd', getal: true, waarde: (p) => euro(p.gecorrigeerd_cent ?? 0) },
              { kop: 'Teruggevorderd', getal: true, waarde: (p) => euro(p.teruggevorderd_cent) },
              { kop: 'Plausibel', getal: true, waarde: (p) => (p.plausibel_cent === null ? 'geen projectjaar' : euro(p.plausibel_cent)) },
              { kop: 'Te vereffenen', getal: true, waarde: (p) => euro(p.te_vereffenen_cent ?? 0) },
            ],
            rows: s.projecten,
          }),
          s.rechtsoordeel ? dataList([
            ['Rechtsoordeel', OORDEEL[s.rechtsoordeel.oordeel]],
            ['Erkend', euro(s.rechtsoordeel.erkend_cent)],
            ['Motivering', s.rechtsoordeel.motivering],
            ['Bevindingen', s.rechtsoordeel.bevindingen.length
              ? s.rechtsoordeel.bevindingen.map((b) => `${b.tekst} ${b.bron}`).join(' · ') : 'geen'],
          ]) : null);
      }));
  }

  teken();
  return [
    heading(1, 'Jaarstaten'),
    downloadBalk({ pad: '/jaarstaten', naam: 'jaarstaten', omschrijving: 'de jaarstaten', signal: ctx.signal }),
    paragraph('Per zorgverzekeraar per jaar: wat per mijlpaal is betaald, gecorrigeerd en teruggevorderd, wat plausibel is en wat '
      + 'daarvan in de risicoverevening komt. De NZa geeft er een bestuurlijk rechtsoordeel over [001 §5].'),
    melding,
    formHouder,
    lijstHouder,
  ];
}
