// SPDX-License-Identifier: EUPL-1.2
//
// Kaderbesluiten: the board's framework decisions (POST/GET /kaderbesluiten,
// docs/bestuur.md §4a). After the modelplans are finished the board fixes a
// macrobedrag per theme of the Zvw pot and chooses the impact bar
// [001 "Vervolgproces"]; each decision is a version, carried out in the next
// catalogue version. The board has the form (amounts typed in euros,
// converted exactly); every logged-in party reads the versions.

import { api } from '../api.js';
import { button, dataList, h, heading, paragraph, replaceChildren, table, uniqueId } from '../dom.js';
import { bezig, formulier, keuzeveld, metBron, tekstvak, tekstveld } from '../formulier.js';
import { centenUitTekst, datumTijd, euro, euroInvoer } from '../opmaak.js';

const BRON = '[001 "Vervolgproces"]';

/** The Zvw pot of catalogue document `doc` (undefined when none). */
const zvwPot = (doc) => (doc.potten || []).find((p) => p.kanaal === 'zorgverzekeraars');

/** One decision as a section: when, by whom, the bar, the amounts per theme. */
function besluitSectie(b, latten) {
  const kopId = uniqueId('kop-kaderbesluit');
  const lat = latten.find((l) => l.id === b.impactlat_id);
  return h('section', { 'aria-labelledby': kopId, class: 'kaderbesluit' },
    heading(3, `Kaderbesluit ${b.id}${b.van_kracht ? ' (van kracht)' : ' (vervangen)'}`, { id: kopId }),
    dataList([
      ['Genomen op', datumTijd(b.genomen_op)],
      ['Door', b.genomen_door_naam || b.genomen_door],
      ['Impactlat', lat ? `${lat.id}: ${lat.naam}` : b.impactlat_id],
      ['Uitgevoerd in', `catalogusversie ${b.catalogusversie}`],
      ['Motivering', b.motivering],
    ]),
    table({
      caption: `Macrobedragen van kaderbesluit ${b.id}`,
      columns: [
        { kop: 'Thema', waarde: (t) => t.thema_naam || t.thema_id },
        { kop: 'Macrobedrag', getal: true, waarde: (t) => euro(t.macrobedrag_cent) },
      ],
      rows: b.themas,
    }));
}

/** The board's form, prefilled from the newest catalogue version `doc`. */
function besluitFormulier(ctx, doc, opnieuw, melding) {
  const pot = zvwPot(doc);
  const themas = (doc.themas || []).filter((t) => pot && t.pot_id === pot.id);
  const bedragVelden = themas.map((t, i) => tekstveld({
    pointer: `/themas/${i}/macrobedrag_cent`, label: `${t.naam}: macrobedrag in euro`, inputmode: 'decimal', klasse: 'veld--bedrag',
    omschrijving: `Richtbedrag ${euro(t.richtbedrag_cent)}${t.macrobedrag_cent === null ? '' : `; nu vastgesteld ${euro(t.macrobedrag_cent)}`}.`,
    waarde: euroInvoer(t.macrobedrag_cent ?? t.richtbedrag_cent),
  }));
  const lat = keuzeveld({ pointer: '/impactlat_id', label: 'Impactlat', waarde: doc.gekozen_impactlat_id || '',
    opties: [{ waarde: '', tekst: 'Kies een impactlat' }, ...(doc.impactlatten || []).map((l) => ({ waarde: l.id, tekst: `${l.id}: ${l.naam}` }))] });
  const motivering = tekstvak({ pointer: '/motivering', label: 'Motivering', rijen: 4,
    omschrijving: 'Waarom deze bedragen en deze lat: de modelplannen, de inschrijving, de ambitie.' });
  const velden = [...bedragVelden, lat, motivering];
  // the sum as the board types, against the pot [001 §3]; the server checks it again
  const som = h('p', { class: 'utrecht-paragraph', 'aria-live': 'polite' });
  const telOp = () => {
    const bedragen = bedragVelden.map((v) => centenUitTekst(v.input.value));
    som.textContent = bedragen.includes(null)
      ? 'Samen: nog niet te berekenen; schrijf elk bedrag in euro.'
      : `Samen ${euro(bedragen.reduce((a, b) => a + b, 0n))} van de ${euro(pot ? pot.bedrag_cent : 0)} van de Zvw-pot.`;
  };
  for (const v of bedragVelden) v.input.addEventListener('input', telOp);
  telOp();
  const knop = button('Kaderbesluit nemen', { type: 'submit' });
  const kopId = uniqueId('kop-nieuw-kaderbesluit');
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': kopId },
    bedragVelden.map((v) => v.element), som, lat.element, motivering.element, h('div', { class: 'utrecht-button-group' }, knop));
  const f = formulier(form, velden);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await bezig(knop, async () => {
      const fouten = {};
      const body = { themas: [], impactlat_id: lat.input.value, motivering: motivering.input.value };
      bedragVelden.forEach((v, i) => {
        const c = centenUitTekst(v.input.value);
        if (c === null) fouten[v.pointer] = ['Schrijf een bedrag in euro, zoals 275.000.000 of 1.250,50.'];
        else body.themas.push({ thema_id: themas[i].id, macrobedrag_cent: Number(c) });
      });
      if (!body.impactlat_id) fouten['/impactlat_id'] = ['Kies een impactlat.'];
      if (!body.motivering.trim()) fouten['/motivering'] = ['Motiveer het besluit.'];
      if (Object.keys(fouten).length) {
        f.toonFouten({ velden: fouten }, { kop: 'Controleer het besluit' });
        return;
      }
      let b;
      try {
        b = await api.post('/kaderbesluiten', body, { signal: ctx.signal });
      } catch (fout) {
        if (fout.geannuleerd) return;
        f.toonFouten(metBron(fout), { kop: 'Het kaderbesluit is niet genomen' });
        return;
      }
      await opnieuw();
      melding.textContent = `Kaderbesluit ${b.id} is genomen en staat in catalogusversie ${b.catalogusversie}.`;
      melding.focus();
    });
  });
  return h('section', { 'aria-labelledby': kopId },
    heading(2, 'Nieuw kaderbesluit', { id: kopId }),
    paragraph(`Geef voor elk thema van de Zvw-pot het macrobedrag; samen niet meer dan de pot [001 §3]. `
      + `Het besluit gaat in één keer in een nieuwe catalogusversie ${BRON}.`),
    form);
}

export async function toon(ctx) {
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const lijst = h('div', {});
  const formHouder = h('div', {});
  const laad = async () => {
    const [besluiten, versies] = await Promise.all([
      api.get('/kaderbesluiten', { signal: ctx.signal }),
      api.get('/catalogusversies', { signal: ctx.signal }),
    ]);
    const doc = await api.get(`/catalogusversies/${versies.catalogusversies[0].versie}`, { signal: ctx.signal });
    const latten = doc.impactlatten || [];
    replaceChildren(lijst, besluiten.kaderbesluiten.length
      ? besluiten.kaderbesluiten.map((b) => besluitSectie(b, latten))
      : paragraph('Het bestuur heeft nog geen kaderbesluit genomen: de thema’s werken met hun richtbedrag.'));
    if (rollen.includes('bestuur')) replaceChildren(formHouder, besluitFormulier(ctx, doc, laad, melding));
  };
  await laad();
  const kopId = uniqueId('kop-besluiten');
  return [
    heading(1, 'Kaderbesluiten'),
    paragraph('Na het afronden van de modelplannen stelt het Bestuurlijk Overleg per thema een macrobedrag vast en kiest het '
      + `de impactlat ${BRON}. Elk besluit is een nieuwe versie; het nieuwste is van kracht. Een ronde die op de nieuwe `
      + 'catalogusversie opent, verdeelt per thema het macrobedrag.'),
    melding,
    formHouder,
    h('section', { 'aria-labelledby': kopId }, heading(2, 'Besluiten', { id: kopId }), lijst),
  ];
}
