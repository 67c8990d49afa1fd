// SPDX-License-Identifier: EUPL-1.2
//
// Beschikking: one decision of the NZa (GET /beschikkingen/{id}): reference,
// decision, upper bound with its years, the findings with their sources,
// the motivation; the decision document (HTML to open, PDF to download);
// and the milestones (GET /beschikkingen/{id}/mijlpalen): planned amount,
// target date, reported (with evidence), paid, against the upper bound and
// what is left of it (a table with a meter).
//
// The lead of the coalition reports a milestone ("Mijlpaal m1 melden":
// evidence, optional reference; POST .../meldingen); the coordinating
// insurer pays a reported one ("Mijlpaal m1 betalen": the amount in euros,
// by default the planned amount; POST .../betalingen). The buttons show for
// the organisation the decision names as lead or coordinating insurer; the
// server decides. Refusals (boven_bovengrens with what is left, niet_gemeld,
// al_betaald, al_gemeld, bewijs_ontbreekt) appear at the form, with their
// source. docs/beschikking.md §4, §5. The lead adds files of evidence to a
// milestone not paid yet ("Bewijsstuk bij m1 toevoegen": POST .../bijlagen,
// the type decided by the server from the content, docs/bijlagen.md); every
// party sees them as download links. The coordinating insurer corrects a
// paid milestone with a compensating entry and its reason ("Betaling m1
// corrigeren": POST .../correcties, docs/verantwoording.md §8); the
// corrections show under the payment. The accountability has its own
// screen (verantwoording.js), linked from here.

import { downloadBalk } from '../export.js';
import { api } from '../api.js';
import { button, dataList, h, heading, link, paragraph, replaceChildren, table, uniqueId } from '../dom.js';
import { formKader as gedeeldKader, keuzeveld, tekstvak, tekstveld } from '../formulier.js';
import { centenUitTekst, datum, datumTijd, euro, euroAlsGetal, euroInvoer, toBigInt } from '../opmaak.js';
import {
  besluitBadge, bevindingenLijst, bevindingenSamenvatting, jarenTabel, magVerzoekZien, metBron, themanamen,
} from './nza-gedeeld.js';

const LINK = 'utrecht-link utrecht-link--html-a';

function documentSectie(b) {
  const pad = `/api/v1/beschikkingen/${b.id}`;
  return h('section', { 'aria-labelledby': 'kop-document' },
    heading(2, 'Besluitdocument', { id: 'kop-document' }),
    paragraph('Het besluit zoals de NZa het heeft vastgelegd: partijen, bovengrens per jaar, prestaties, toetsing met bronnen en motivering.'),
    h('ul', { class: 'utrecht-link-list utrecht-link-list--html-ul' },
      h('li', { class: 'utrecht-link-list__item' },
        h('a', { class: `utrecht-link-list__link ${LINK}`, href: `${pad}/document` }, 'Besluitdocument openen (HTML)')),
      h('li', { class: 'utrecht-link-list__item' },
        h('a', { class: `utrecht-link-list__link ${LINK}`, href: `${pad}/document.pdf`, download: '' },
          'Besluitdocument downloaden (PDF)'))));
}

/** The files of evidence of a milestone as download links, or '-'. */
function bewijsstukken(lijst) {
  if (!lijst?.length) return '-';
  return h('ul', { class: 'utrecht-unordered-list bewijsstukken' }, lijst.map((x) => h('li', {},
    h('a', { class: LINK, href: x.download, download: x.naam }, x.naam),
    ` (${Math.max(1, Math.round(x.grootte / 1024))} kB)`)));
}

/** The milestones with their forms; re-drawn after every report or payment. */
function mijlpalenSectie(ctx, b, eerste, eersteBijlagen) {
  const org = ctx.sessie?.organisatie?.id;
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const isPenvoerder = rollen.includes('aanvrager') && org === b.penvoerder_id;
  const isCoordinerend = rollen.includes('beoordelaar') && org === b.coordinerend_verzekeraar_id;

  let stand = eerste;
  const bijlagen = eersteBijlagen; // milestone id -> its files
  const melding = h('p', { class: 'utrecht-paragraph mijlpalen__melding', role: 'status', tabindex: '-1' });
  const standHouder = h('div', {});
  const tabelHouder = h('div', {});
  const formHouder = h('div', {});
  let opener = null; // the button that opened the form, for focus on cancel

  const betaaldCent = () => stand.mijlpalen.reduce((s, m) => s + (m.betaling ? toBigInt(m.netto_betaald_cent ?? m.betaling.bedrag_cent) : 0n), 0n);

  function tekenStand() {
    const max = euroAlsGetal(stand.bovengrens_cent);
    const betaald = betaaldCent();
    const meterId = uniqueId('meter');
    replaceChildren(standHouder,
      dataList([
        ['Bovengrens', euro(stand.bovengrens_cent)],
        ['Betaald', euro(betaald)],
        ['Nog over van de bovengrens', h('span', { class: 'mijlpalen__resterend' }, euro(stand.resterend_cent))],
      ]),
      h('div', { class: 'mijlpalen__meter' },
        h('label', { class: 'utrecht-form-label', for: meterId }, 'Deel van de bovengrens dat is betaald'),
        h('meter', { id: meterId, min: '0', max: String(max > 0 ? max : 1), value: String(euroAlsGetal(betaald)) },
          `${euro(betaald)} van ${euro(stand.bovengrens_cent)}`),
        h('span', { class: 'mijlpalen__meter-tekst', 'aria-hidden': 'true' }, `${euro(betaald)} van ${euro(stand.bovengrens_cent)}`)));
  }

  function actie(m) {
    const knoppen = [];
    if (isPenvoerder && !m.gemeld) {
      const knop = button(`Mijlpaal ${m.id} melden`, { kind: 'secondary', onClick: () => openMelden(m, knop) });
      knoppen.push(knop);
    }
    if (isPenvoerder && !m.betaald) {
      const knop = button(`Bewijsstuk bij ${m.id} toevoegen`, { kind: 'secondary', onClick: () => openBewijsstuk(m, knop) });
      knoppen.push(knop);
    }
    if (knoppen.length) return h('div', { class: 'utrecht-button-group' }, knoppen);
    if (isCoordinerend && m.gemeld && !m.betaald) {
      const knop = button(`Mijlpaal ${m.id} betalen`, { kind: 'secondary', onClick: () => openBetalen(m, knop) });
      return knop;
    }
    if (isCoordinerend && m.betaald) {
      const knop = button(`Betaling ${m.id} corrigeren`, { kind: 'secondary', onClick: () => openCorrigeren(m, knop) });
      return knop;
    }
    return '-';
  }

  function tekenTabel() {
    const som = (f) => stand.mijlpalen.reduce((s, m) => s + toBigInt(f(m)), 0n);
    const columns = [
      { kop: 'Mijlpaal', waarde: (m) => m.id },
      { kop: 'Streefdatum', waarde: (m) => (m.streefdatum ? datum(m.streefdatum) : '-') },
      { kop: 'Gepland', getal: true, waarde: (m) => euro(m.gepland_cent) },
      {
        kop: 'Gemeld',
        waarde: (m) => (m.melding
          ? [`Ja, op ${datumTijd(m.melding.gemeld_op)}.`, h('br'), `Bewijs: ${m.melding.bewijs}`,
            m.melding.kenmerk ? [h('br'), `Kenmerk: ${m.melding.kenmerk}`] : null]
          : 'Nee'),
      },
      {
        kop: 'Betaald',
        waarde: (m) => (m.betaling
          ? [`${euro(m.betaling.bedrag_cent)} op ${datumTijd(m.betaling.betaald_op)} (boekjaar ${m.betaling.jaar})`,
            (m.correcties || []).map((k) => [h('br'), `Correctie ${k.volgnummer}: ${k.bedrag_cent < 0 ? '−' : '+'}${euro(Math.abs(k.bedrag_cent))} `
              + `op ${datumTijd(k.gecorrigeerd_op)} (${k.reden})`]),
            m.correcties?.length ? [h('br'), `Netto betaald: ${euro(m.netto_betaald_cent)}`] : null]
          : 'Nee'),
      },
      { kop: 'Bewijsstukken', waarde: (m) => bewijsstukken(bijlagen[m.id]) },
    ];
    if (isPenvoerder || isCoordinerend) columns.push({ kop: 'Actie', waarde: actie });
    const footer = ['Totaal', '', euro(som((m) => m.gepland_cent)), '', euro(betaaldCent()), ''];
    if (isPenvoerder || isCoordinerend) footer.push('');
    replaceChildren(tabelHouder, table({
      caption: 'Mijlpalen: gepland bedrag, melding en betaling',
      columns,
      rows: stand.mijlpalen,
      footer,
    }));
  }

  function teken() {
    tekenStand();
    tekenTabel();
  }

  function sluitForm({ terug = true } = {}) {
    replaceChildren(formHouder);
    if (terug && opener?.isConnected) opener.focus();
    opener = null;
  }

  function formKader(titel, velden, knopTekst, verstuur) {
    gedeeldKader({ houder: formHouder, titel, velden, knopTekst, verstuur, annuleer: () => sluitForm(), klasse: 'mijlpaalformulier',
      alsFout: metBron });
  }


  function openMelden(m, knop) {
    opener = knop;
    const bewijs = tekstvak({
      pointer: '/bewijs',
      label: 'Bewijs',
      omschrijving: 'Waaruit blijkt dat de mijlpaal is bereikt, bijvoorbeeld een verslag, een besluit of meetresultaten.',
      klasse: 'utrecht-form-field--text',
    });
    const kenmerk = tekstveld({ pointer: '/kenmerk', label: 'Kenmerk (niet verplicht)', omschrijving: 'Bijvoorbeeld het kenmerk van het verslag.' });
    formKader(`Mijlpaal ${m.id} melden`, [bewijs, kenmerk], 'Melding versturen', async () => {
      const body = { bewijs: bewijs.input.value };
      if (kenmerk.input.value.trim()) body.kenmerk = kenmerk.input.value;
      stand = await api.post(`/beschikkingen/${b.id}/mijlpalen/${encodeURIComponent(m.id)}/meldingen`, body, { signal: ctx.signal });
      sluitForm({ terug: false });
      teken();
      melding.textContent = `Mijlpaal ${m.id} is gemeld als bereikt.`;
      melding.focus();
    });
  }

  function openBewijsstuk(m, knop) {
    opener = knop;
    const bestand = tekstveld({
      pointer: '/bijlage',
      label: 'Bestand',
      type: 'file',
      omschrijving: 'Een PDF, afbeelding (PNG of JPEG), CSV- of Excel-bestand (XLSX) van hoogstens 10 MB. '
        + 'Het soort wordt aan de inhoud bepaald, niet aan de naam. Een toegevoegd bestand blijft bewaard.',
    });
    bestand.input.accept = '.pdf,.png,.jpg,.jpeg,.csv,.xlsx,application/pdf,image/png,image/jpeg,text/csv,'
      + 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    bestand.input.classList.remove('utrecht-textbox', 'utrecht-textbox--html-input');
    bestand.input.classList.add('bestandskeuze');
    formKader(`Bewijsstuk bij mijlpaal ${m.id}`, [bestand], 'Bestand toevoegen', async (f) => {
      const file = bestand.input.files?.[0];
      if (!file) {
        f.toonFouten({ velden: { '/bijlage': ['Kies een bestand.'] } }, { kop: 'Kies een bestand' });
        return;
      }
      const pad = `/beschikkingen/${b.id}/mijlpalen/${encodeURIComponent(m.id)}/bijlagen`;
      const nieuw = await api.upload(pad, file, { query: { naam: file.name }, signal: ctx.signal });
      bijlagen[m.id] = [...(bijlagen[m.id] || []), nieuw];
      sluitForm({ terug: false });
      teken();
      melding.textContent = `Bewijsstuk ${nieuw.naam} is toegevoegd bij mijlpaal ${m.id}.`;
      melding.focus();
    });
  }

  function openBetalen(m, knop) {
    opener = knop;
    const bedrag = tekstveld({
      pointer: '/bedrag_cent',
      label: 'Bedrag in euro',
      waarde: euroInvoer(m.gepland_cent),
      inputmode: 'decimal',
      omschrijving: `Gepland: ${euro(m.gepland_cent)}. Nog over van de bovengrens: ${euro(stand.resterend_cent)}. `
        + 'Schrijf het bedrag als 1.250.000 of 1250000,50.',
      klasse: 'veld--bedrag',
    });
    formKader(`Mijlpaal ${m.id} betalen`, [bedrag], 'Betaling vastleggen', async (f) => {
      const cent = centenUitTekst(bedrag.input.value);
      if (cent === null || cent > BigInt(Number.MAX_SAFE_INTEGER)) {
        f.toonFouten({ velden: { '/bedrag_cent': [cent === null
          ? 'Vul een bedrag in euro in, bijvoorbeeld 1.250.000 of 1250000,50.'
          : 'Dit bedrag is te groot.'] } }, { kop: 'Controleer het bedrag' });
        return;
      }
      const r = await api.post(`/beschikkingen/${b.id}/mijlpalen/${encodeURIComponent(m.id)}/betalingen`,
        { bedrag_cent: Number(cent) }, { signal: ctx.signal });
      try {
        stand = await api.get(`/beschikkingen/${b.id}/mijlpalen`, { signal: ctx.signal });
      } catch (fout) {
        if (fout.geannuleerd) throw fout;
        // Paid, but the new state could not be read: show the payment itself.
        stand = {
          ...stand,
          resterend_cent: String(toBigInt(stand.resterend_cent) - toBigInt(r.mijlpaal.betaling.bedrag_cent)),
          mijlpalen: stand.mijlpalen.map((x) => (x.id === r.mijlpaal.id ? r.mijlpaal : x)),
        };
      }
      sluitForm({ terug: false });
      teken();
      melding.textContent = `Mijlpaal ${m.id} is betaald: ${euro(r.mijlpaal.betaling.bedrag_cent)}. `
        + `Nog over van de bovengrens: ${euro(stand.resterend_cent)}.`;
      melding.focus();
    });
  }

  function openCorrigeren(m, knop) {
    opener = knop;
    const richting = keuzeveld({
      pointer: '/richting',
      label: 'Soort correctie',
      opties: [{ waarde: 'terug', tekst: 'Te veel betaald: terugboeken' }, { waarde: 'bij', tekst: 'Te weinig betaald: bijbetalen' }],
      waarde: 'terug',
    });
    const bedrag = tekstveld({
      pointer: '/bedrag_cent',
      label: 'Bedrag in euro',
      inputmode: 'decimal',
      omschrijving: `Netto betaald voor ${m.id}: ${euro(m.netto_betaald_cent ?? m.betaling.bedrag_cent)}. Schrijf het bedrag als 1.250 of 1250,50.`,
      klasse: 'veld--bedrag',
    });
    const reden = tekstvak({ pointer: '/reden', label: 'Reden', omschrijving: 'Een betaling wordt nooit gewijzigd: de correctie is een tegenboeking met deze reden [001 §2], [001 §5].', rijen: 3 });
    formKader(`Betaling ${m.id} corrigeren`, [richting, bedrag, reden], 'Correctie boeken', async (f) => {
      const cent = centenUitTekst(bedrag.input.value);
      if (cent === null || cent === 0n || cent > BigInt(Number.MAX_SAFE_INTEGER)) {
        f.toonFouten({ velden: { '/bedrag_cent': ['Vul een bedrag groter dan nul in euro in, bijvoorbeeld 1.250 of 1250,50.'] } },
          { kop: 'Controleer het bedrag' });
        return;
      }
      const getal = richting.input.value === 'terug' ? -Number(cent) : Number(cent);
      const r = await api.post(`/beschikkingen/${b.id}/mijlpalen/${encodeURIComponent(m.id)}/correcties`,
        { bedrag_cent: getal, reden: reden.input.value }, { signal: ctx.signal });
      stand = await api.get(`/beschikkingen/${b.id}/mijlpalen`, { signal: ctx.signal });
      sluitForm({ terug: false });
      teken();
      melding.textContent = `De betaling van ${m.id} is gecorrigeerd; netto betaald: ${euro(r.mijlpaal.netto_betaald_cent)}.`;
      melding.focus();
    });
  }

  teken();
  return h('section', { 'aria-labelledby': 'kop-mijlpalen' },
    heading(2, 'Mijlpalen en betalingen', { id: 'kop-mijlpalen' }),
    paragraph('De zorgverzekeraar betaalt per bereikte mijlpaal, nooit meer dan de bovengrens [001 §2], [001 §7]. '
      + (isPenvoerder ? 'Als penvoerder meldt u een bereikte mijlpaal met het bewijs; bewijsstukken voegt u als bestand toe tot de mijlpaal is betaald. ' : '')
      + (isCoordinerend ? 'Als coördinerend zorgverzekeraar betaalt u een gemelde mijlpaal. ' : '')),
    standHouder,
    melding,
    tabelHouder,
    downloadBalk({ pad: `/beschikkingen/${b.id}/mijlpalen`, naam: `mijlpalen-${b.kenmerk}`, omschrijving: 'de mijlpalen',
      signal: ctx.signal }),
    formHouder);
}

export async function toon(ctx) {
  const id = Number(ctx.params.id);
  if (!Number.isSafeInteger(id) || id < 1) {
    const { toon: nietGevonden } = await import('./niet-gevonden.js');
    return nietGevonden(ctx);
  }
  const [b, namen] = await Promise.all([api.get(`/beschikkingen/${id}`, { signal: ctx.signal }), themanamen()]);
  const mijlpalen = b.besluit === 'verleend' ? await api.get(`/beschikkingen/${id}/mijlpalen`, { signal: ctx.signal }) : null;
  const bijlagen = {};
  if (mijlpalen) {
    await Promise.all(mijlpalen.mijlpalen.map(async (m) => {
      bijlagen[m.id] = (await api.get(`/beschikkingen/${id}/mijlpalen/${encodeURIComponent(m.id)}/bijlagen`,
        { signal: ctx.signal })).bijlagen;
    }));
  }
  ctx.titel(`Beschikking ${b.kenmerk}`);
  const verzoek = magVerzoekZien(ctx.sessie)
    ? link(`/nza/verzoeken/${b.nza_aanvraag_id}`, `Verzoek ${b.nza_aanvraag_id}`) : `Verzoek ${b.nza_aanvraag_id}`;
  return [
    heading(1, `Beschikking ${b.kenmerk}`),
    h('section', { 'aria-labelledby': 'kop-besluit' },
      heading(2, 'Het besluit', { id: 'kop-besluit' }),
      dataList([
        ['Kenmerk', b.kenmerk],
        ['Besluit', besluitBadge(b.besluit)],
        ['Aanvraag', String(b.aanvraag_id)],
        ['Thema', namen[b.thema] || b.thema],
        ['Op het gezamenlijke verzoek', verzoek],
        ['Bovengrens', euro(b.bovengrens_cent)],
        ['Genomen op', datumTijd(b.genomen_op)],
      ]),
      b.jaarverdeling.length ? jarenTabel('Bovengrens per jaar', b.jaarverdeling, b.bovengrens_cent) : null,
      heading(3, 'Motivering'),
      h('p', { class: 'utrecht-paragraph motivering' }, b.motivering)),
    documentSectie(b),
    b.besluit === 'verleend' ? h('section', { 'aria-labelledby': 'kop-verantwoording' },
      heading(2, 'Verantwoording', { id: 'kop-verantwoording' }),
      paragraph('De werkelijke kosten per jaar, de toetsing door de zorgverzekeraar en wat er is teruggevorderd [001 §5]. ',
        link(`/beschikkingen/${b.id}/verantwoording`, 'Naar de verantwoording'))) : null,
    b.besluit === 'verleend' ? h('section', { 'aria-labelledby': 'kop-voortgang' },
      heading(2, 'Voortgang', { id: 'kop-voortgang' }),
      paragraph('Per kwartaal de mijlpalen, de KPI’s van het modelplan, de gerealiseerde arbeidsbesparing, risico’s en bijsturing '
        + '[004 "Monitoring en bijsturing"]. ', link(`/beschikkingen/${b.id}/voortgang`, 'Naar de voortgang'))) : null,
    mijlpalen ? mijlpalenSectie(ctx, b, mijlpalen, bijlagen)
      : h('section', { 'aria-labelledby': 'kop-mijlpalen' },
        heading(2, 'Mijlpalen en betalingen', { id: 'kop-mijlpalen' }),
        paragraph('Het verzoek is afgewezen; er is geen bovengrens en er wordt niets betaald.')),
    h('section', { 'aria-labelledby': 'kop-toetsing' },
      heading(2, 'Toetsing door de NZa', { id: 'kop-toetsing' }),
      paragraph(bevindingenSamenvatting(b.bevindingen)),
      bevindingenLijst(b.bevindingen).element),
  ];
}
