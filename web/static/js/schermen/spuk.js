// SPDX-License-Identifier: EUPL-1.2
//
// SPUK sociaal domein (docs/sociaal-domein.md §5): VWS allocates a year's
// tranche with the distribution key, shown with its version and inputs
// (POST /spuk-toekenningen), and pays a decision once the region's agenda
// is approved (POST .../betaling); the programme office, the board and the
// auditor read; a municipality sees its own decisions, opens the letter
// (HTML, PDF) and accounts per year with one indicator set (POST
// .../verantwoordingen), the final one returning what was not spent.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { button, dataList, h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { bezig, formKader, keuzeveld, metBron, tekstveld, vinkje } from '../formulier.js';
import { centenUitTekst, datumTijd, euro } from '../opmaak.js';
import { basisfunctionaliteiten } from '../sociaal.js';

const LINK = 'utrecht-link utrecht-link--html-a';

export async function toon(ctx) {
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const isVws = rollen.includes('vws');
  const isGemeente = rollen.includes('gemeente');
  const bfs = await basisfunctionaliteiten(ctx.signal);
  let toekenningen = [];
  let beschikkingen = [];
  let sleutel = null;
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const houder = h('div', {});
  const stapHouder = h('div', {});

  async function laad() {
    const b = await api.get('/spuk-beschikkingen', { signal: ctx.signal });
    beschikkingen = b.beschikkingen;
    if (!isGemeente || rollen.some((r) => ['vws', 'programmabureau', 'bestuur', 'auditor'].includes(r))) {
      toekenningen = (await api.get('/spuk-toekenningen', { signal: ctx.signal })).toekenningen;
      sleutel = (await api.get('/verdeelsleutels', { signal: ctx.signal })).versies[0];
    }
  }

  async function toeken(jaar, knop) {
    await bezig(knop, async () => {
      try {
        const r = await api.post('/spuk-toekenningen', { jaar }, { signal: ctx.signal });
        await laad();
        teken();
        melding.textContent = `Toegekend: ${jaar}, ${euro(r.pot_cent)} over ${r.delen.length} ontvangers; de delen zijn samen precies ${euro(r.som_delen_cent)}.`;
      } catch (fout) {
        if (fout.geannuleerd) return;
        melding.textContent = `Niet toegekend: ${fout.message} ${(fout.fouten || []).map((f) => `${f.melding} ${f.bron || ''}`).join(' ')}`;
      }
      melding.focus();
    });
  }

  async function betaal(b, knop) {
    await bezig(knop, async () => {
      try {
        await api.post(`/spuk-beschikkingen/${b.id}/betaling`, {}, { signal: ctx.signal });
        await laad();
        teken();
        melding.textContent = `Betaald: ${b.kenmerk} aan ${b.gemeente}, ${euro(b.bedrag_cent)}.`;
      } catch (fout) {
        if (fout.geannuleerd) return;
        melding.textContent = `Niet betaald: ${fout.message} ${(fout.fouten || []).map((f) => `${f.melding} ${f.bron || ''}`).join(' ')}`;
      }
      melding.focus();
    });
  }

  function verantwoord(b) {
    const jaren = [];
    for (let j = b.jaar; j <= 2029; j += 1) jaren.push({ waarde: String(j), tekst: String(j) });
    const jaar = keuzeveld({ pointer: '/jaar', label: 'Jaar', opties: jaren });
    const per = bfs.map((x, i) => tekstveld({ pointer: `/basisfunctionaliteiten/${i}/besteed_cent`, label: `${x.naam}: besteed in euro (niet verplicht)`, inputmode: 'decimal' }));
    const eind = vinkje({ pointer: '/eindverantwoording', label: 'Dit is de eindverantwoording: wat niet is besteed, wordt teruggevorderd' });
    formKader({
      houder: stapHouder, titel: `Verantwoorden: ${b.kenmerk}`, velden: [jaar, ...per, eind], knopTekst: 'Verantwoording indienen',
      extra: paragraph(`Ontvangen ${euro(b.betaald_cent)}; eerder verantwoord ${euro(b.besteed_cent)}. Eén indicatorenset per jaar: de besteding per basisfunctionaliteit [001 §5].`),
      annuleer: () => replaceChildren(stapHouder),
      alsFout: (f) => (f.eigen ? f : metBron(f)),
      verstuur: async () => {
        const velden = {};
        const regels = per.map((f, i) => {
          const t = f.input.value.trim();
          const c = t ? centenUitTekst(t) : 0n;
          if (c === null) (velden[f.pointer] ||= []).push('Een bedrag in euro, bijvoorbeeld 125.000.');
          return { id: bfs[i].id, besteed_cent: Number(c || 0n) };
        });
        if (Object.keys(velden).length) throw { message: 'Niet elk bedrag is een bedrag in euro.', velden, algemeen: [], eigen: true };
        const totaal = regels.reduce((s, r) => s + r.besteed_cent, 0);
        const r = await api.post(`/spuk-beschikkingen/${b.id}/verantwoordingen`, { jaar: Number(jaar.input.value), besteed_cent: totaal,
          basisfunctionaliteiten: regels, eindverantwoording: eind.aan() }, { signal: ctx.signal });
        await laad();
        teken();
        replaceChildren(stapHouder);
        melding.textContent = `Verantwoord: ${euro(totaal)} over ${jaar.input.value}.${r.teruggevorderd_cent ? ` Teruggevorderd: ${euro(r.teruggevorderd_cent)}.` : ''}`;
        melding.focus();
      },
    });
  }

  function teken() {
    const jaren = toekenningen.map((t) => t.jaar);
    replaceChildren(houder,
      sleutel ? [heading(2, 'Verdeelsleutel'), dataList([
        ['Naam', sleutel.document.naam],
        ['Versie', String(sleutel.versie)],
        ['Verdeling', sleutel.document.niveau === 'regio' ? 'per regio (de mandaatgemeente ontvangt)' : 'per gemeente'],
        ['Grondslag', sleutel.document.grondslag === 'inwoners' ? 'aandeel inwoners (CBS 2025)' : 'vaste aandelen'],
        ['Vastgesteld', datumTijd(sleutel.vastgesteld_op)],
      ])] : null,
      isVws ? h('div', { class: 'utrecht-button-group' }, [2027, 2028].filter((j) => !jaren.includes(j)).map((j) => {
        const k = button(`Tranche ${j} toekennen`, { onClick: () => toeken(j, k) });
        return k;
      })) : null,
      toekenningen.length ? table({
        caption: 'Toekenningen per jaar',
        columns: [
          { kop: 'Jaar', waarde: (t) => String(t.jaar) },
          { kop: 'Bedrag', getal: true, waarde: (t) => euro(t.pot_cent) },
          { kop: 'Som van de delen', getal: true, waarde: (t) => euro(t.som_delen_cent) },
          { kop: 'Ontvangers', getal: true, waarde: (t) => String(t.delen.length) },
          { kop: 'Sleutel', waarde: (t) => `${t.sleutel?.naam || ''} (versie ${t.sleutel_versie})` },
        ],
        rows: toekenningen,
      }) : null,
      heading(2, 'SPUK-beschikkingen'),
      beschikkingen.length ? table({
        caption: isGemeente && !isVws ? 'Beschikkingen van uw gemeente' : 'Beschikkingen per ontvanger',
        columns: [
          { kop: 'Kenmerk', waarde: (b) => b.kenmerk },
          { kop: 'Gemeente', waarde: (b) => b.gemeente || b.cbs_code },
          { kop: 'Regio', waarde: (b) => b.regio || '' },
          { kop: 'Bedrag', getal: true, waarde: (b) => euro(b.bedrag_cent) },
          { kop: 'Betaald', getal: true, waarde: (b) => (b.betaald_op ? euro(b.betaald_cent) : 'nog niet') },
          { kop: 'Besteed', getal: true, waarde: (b) => euro(b.besteed_cent) },
          {
            kop: 'Document en actie',
            waarde: (b) => {
              const delen = [h('a', { class: LINK, href: `/api/v1/spuk-beschikkingen/${b.id}/document` }, `Beschikking ${b.kenmerk} (HTML)`), ' · ',
                h('a', { class: LINK, href: `/api/v1/spuk-beschikkingen/${b.id}/document.pdf`, download: '' }, 'PDF')];
              if (isVws && !b.betaald_op) {
                const k = button(`${b.kenmerk} betalen`, { kind: 'secondary', onClick: () => betaal(b, k) });
                delen.push(' ', k);
              }
              if (isGemeente && b.betaald_op && !b.eindverantwoording) {
                delen.push(' ', button(`${b.kenmerk} verantwoorden`, { kind: 'secondary', onClick: () => verantwoord(b) }));
              }
              return delen;
            },
          },
        ],
        rows: beschikkingen,
      }) : paragraph('Er zijn (nog) geen SPUK-beschikkingen die u kunt inzien.'));
  }

  await laad();
  teken();
  return [
    heading(1, 'SPUK sociaal domein'),
    downloadBalk({ pad: '/spuk-beschikkingen', naam: 'spuk-beschikkingen', omschrijving: 'de SPUK-beschikkingen', signal: ctx.signal }),
    paragraph('VWS verdeelt de EUR 100 mln van 2027 en van 2028 via de specifieke uitkering (SPUK) met een generieke verdeelsleutel, '
      + 'in hele centen met de methode van de grootste resten; de delen zijn samen precies de tranche. Betaald wordt zodra de '
      + 'werkagenda van de regio definitief is en VNG en ZN haar positief beoordeelden [003 D5], [001 "Transformeren op het snijvlak"].'),
    melding,
    houder,
    stapHouder,
  ];
}
