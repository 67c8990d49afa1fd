// SPDX-License-Identifier: EUPL-1.2
//
// Verzoek aan NZa opstellen (role beoordelaar, the coordinating insurer):
// the joint request (tweezijdige aanvraag, docs/beschikking.md §2) for an
// application that both insurers assessed positively and the board granted:
// the proposed upper bound (by default the granted total), optionally its
// split over the years, the six declarations of the insurers, and the
// agreement with the providers (date and reference). POST /nza-aanvragen;
// every refusal (boven_toekenning, som_ongelijk, jaar_zonder_budget,
// verklaring_ontbreekt, contract_ontbreekt, niet_positief, niet_toegekend,
// bestaat_al ...) is shown at its field and in the summary, with its source.
// Amounts are typed in euros and sent as whole cents (string arithmetic).

import { api } from '../api.js';
import { alert, button, h, heading, link, paragraph } from '../dom.js';
import { bezig, formulier, groep, metBron, tekstveld, vinkje } from '../formulier.js';
import { centenUitTekst, euro, euroInvoer, toBigInt } from '../opmaak.js';
import { aanvraagStatus } from './beoordelaar-velden.js';

/** The six declarations of the insurers (docs/beschikking.md §2-§3), in Dutch, with their source. */
export const VERKLARINGEN = [
  { naam: 'aanpassingen_positief_beoordeeld', tekst: 'De aanpassingen op het modelplan zijn door de zorgverzekeraars positief beoordeeld', bron: '[001 §3]' },
  { naam: 'randvoorwaardelijk_voor_zvw_zorg', tekst: 'De transformatie is geheel of gedeeltelijk randvoorwaardelijk voor Zvw-verzekerde zorg', bron: '[001 "Werkwijze"]' },
  { naam: 'geen_individuele_zorgverlening', tekst: 'Het gaat niet om de individuele levering van Zvw-verzekerde zorg', bron: '[001 "Werkwijze"]' },
  { naam: 'eigen_zvw_zorg', tekst: 'Zvw-zorgaanbieders transformeren hun eigen Zvw-zorg', bron: '[001 "Werkwijze"]' },
  { naam: 'geen_staatssteun', tekst: 'Het tarief leidt niet tot staatssteun', bron: '[001 "Werkwijze"]' },
  { naam: 'waarborgen_concurrentievoordeel', tekst: 'De overeenkomst bevat waarborgen tegen onbedoelde concurrentievoordelen', bron: '[001 "Werkwijze"]' },
];

const STANDAARDJAREN = [2027, 2028, 2029];

export async function toon(ctx) {
  const aanvraagId = ctx.query.get('aanvraag') || '';
  if (!/^[0-9]{1,16}$/.test(aanvraagId)) {
    return [
      heading(1, 'Verzoek aan NZa opstellen'),
      alert('warning', paragraph('Kies eerst een positief beoordeelde aanvraag in ', link('/beoordelingen', 'Beoordelen'), '.')),
    ];
  }
  const a = await api.get(`/aanvragen/${aanvraagId}`, { signal: ctx.signal });
  const { nza_aanvragen: bestaande } = await api.get('/nza-aanvragen', { query: { limiet: 1000 }, signal: ctx.signal });
  const titel = a.titel || `Aanvraag ${a.id}`;
  const bestaand = bestaande.find((v) => v.aanvraag_id === a.id);
  if (bestaand) {
    return [
      heading(1, 'Verzoek aan NZa opstellen'),
      alert('info', paragraph(`Voor ${titel} is al een verzoek aan de NZa gemaakt. `,
        link(`/nza-aanvragen/${bestaand.id}`, `Verzoek ${bestaand.id} bekijken`))),
    ];
  }

  // What the board granted (the project's reservations) and the years with a budget, when the ledger tells us.
  let toegekend = null;
  let jaren = STANDAARDJAREN;
  try {
    const gb = await api.get('/grootboek/rekeningen', { signal: ctx.signal });
    const project = gb.projecten.find((p) => p.aanvraag_id === a.id);
    if (project) toegekend = project.gereserveerd_cent;
    const themajaren = gb.jaren.filter((j) => j.thema === a.thema && j.jaar).map((j) => j.jaar);
    if (themajaren.length) jaren = [...new Set(themajaren)].sort();
  } catch (e) {
    if (e.geannuleerd) throw e;
  }

  const bovengrens = tekstveld({
    pointer: '/bovengrens_cent',
    label: 'Voorgestelde bovengrens in euro (niet verplicht)',
    omschrijving: toegekend !== null
      ? `Ten hoogste het toegekende bedrag van ${euro(toegekend)}. Laat u het veld leeg, dan is de bovengrens het toegekende bedrag.`
      : 'Ten hoogste het toegekende bedrag. Laat u het veld leeg, dan is de bovengrens het toegekende bedrag.',
    waarde: toegekend !== null && toBigInt(toegekend) > 0n ? euroInvoer(toegekend) : '',
    inputmode: 'decimal',
    klasse: 'veld--bedrag',
  });
  const jaarvelden = jaren.map((jaar) => ({
    jaar,
    veld: tekstveld({ pointer: `/jaarverdeling/${jaar}`, label: `${jaar} in euro (niet verplicht)`, inputmode: 'decimal', klasse: 'veld--bedrag' }),
  }));
  const jaarGroep = groep({
    pointer: '/jaarverdeling',
    label: 'Verdeling over de jaren (niet verplicht)',
    omschrijving: 'Laat u alle jaren leeg, dan volgt de verdeling de toekenning per jaar, verlaagd vanaf het laatste jaar tot de bovengrens. '
      + 'Een eigen verdeling telt op tot de bovengrens.',
    inhoud: h('div', { class: 'filter__velden' }, jaarvelden.map((j) => j.veld.element)),
    eerste: () => jaarvelden[0].veld.input,
  });
  const verklaringen = VERKLARINGEN.map((v) => vinkje({
    pointer: `/verklaringen/${v.naam}`,
    label: [v.tekst, ' ', h('span', { class: 'bron' }, v.bron)],
    kort: v.tekst,
    naam: v.naam,
  }));
  const verklaringGroep = groep({
    pointer: '/verklaringen',
    label: 'Verklaringen van de zorgverzekeraars',
    omschrijving: 'Zonder alle zes verklaringen neemt de NZa het verzoek niet in behandeling.',
    inhoud: verklaringen.map((v) => v.element),
    eerste: () => verklaringen[0].input,
  });
  const contractDatum = tekstveld({
    pointer: '/contract/datum', label: 'Datum van de overeenkomst', type: 'date', klasse: 'veld--datum',
  });
  const contractKenmerk = tekstveld({ pointer: '/contract/kenmerk', label: 'Kenmerk van de overeenkomst' });
  const contractGroep = groep({
    pointer: '/contract',
    label: 'Overeenkomst tussen de zorgverzekeraar en de zorgaanbieders',
    omschrijving: 'Het contractvereiste [001 §3]: de overeenkomst is gesloten (de datum ligt niet in de toekomst) en heeft een kenmerk.',
    inhoud: [contractDatum.element, contractKenmerk.element],
    eerste: () => contractDatum.input,
  });

  const knop = button('Verzoek opstellen', { type: 'submit' });
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-verzoek' },
    bovengrens.element, jaarGroep.element, verklaringGroep.element, contractGroep.element,
    h('div', { class: 'utrecht-button-group' }, knop));
  const velden = [bovengrens, jaarGroep, ...jaarvelden.map((j) => j.veld), verklaringGroep, ...verklaringen,
    contractGroep, contractDatum, contractKenmerk];
  const f = formulier(form, velden);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Amounts typed in euros become cents here; a text that is no amount is the client's own message.
    const onleesbaar = {};
    const bedrag = (veld) => {
      const tekst = veld.input.value.trim();
      if (!tekst) return null;
      const c = centenUitTekst(tekst);
      if (c === null || c > BigInt(Number.MAX_SAFE_INTEGER)) {
        onleesbaar[veld.pointer] = ['Vul een bedrag in euro in, bijvoorbeeld 1.250.000 of 1250000,50.'];
        return null;
      }
      return Number(c);
    };
    const body = {
      aanvraag_id: a.id,
      verklaringen: Object.fromEntries(VERKLARINGEN.map((v, i) => [v.naam, verklaringen[i].aan()])),
      contract: { datum: contractDatum.input.value, kenmerk: contractKenmerk.input.value },
    };
    const grens = bedrag(bovengrens);
    if (grens !== null) body.bovengrens_cent = grens;
    const verdeling = jaarvelden.map((j) => ({ jaar: j.jaar, bedrag_cent: bedrag(j.veld), ingevuld: j.veld.input.value.trim() !== '' }))
      .filter((j) => j.ingevuld);
    if (verdeling.length) body.jaarverdeling = verdeling.map(({ jaar, bedrag_cent: c }) => ({ jaar, bedrag_cent: c ?? 0 }));
    if (Object.keys(onleesbaar).length) {
      f.toonFouten({ message: 'Niet elk bedrag is een bedrag in euro.', velden: onleesbaar, algemeen: [] },
        { kop: 'Het verzoek is niet opgesteld' });
      return;
    }
    // /jaarverdeling/<index>... belongs to the field of that item's year.
    const hernoem = (p) => {
      const m = /^\/jaarverdeling\/([0-9]+)(\/.*)?$/.exec(p);
      if (m && body.jaarverdeling) {
        const i = Number(m[1]); // an index (0..3); a year (2027) is already a field's own pointer
        if (i < body.jaarverdeling.length) return `/jaarverdeling/${body.jaarverdeling[i].jaar}`;
      }
      return p;
    };
    await bezig(knop, async () => {
      try {
        const nieuw = await api.post('/nza-aanvragen', body);
        await ctx.navigate(`/nza-aanvragen/${nieuw.id}?nieuw=1`);
      } catch (fout) {
        f.toonFouten(metBron(fout, { hernoem }), { kop: 'Het verzoek is niet opgesteld' });
      }
    });
  });

  ctx.titel(`Verzoek aan NZa opstellen: ${titel}`);
  return [
    heading(1, 'Verzoek aan NZa opstellen'),
    paragraph('De coördinerende zorgverzekeraar en de penvoerder vragen de NZa samen om een beschikking met een bovengrens '
      + 'voor alle zorgaanbieders van de transformatie [001 §3]. U stelt het verzoek op; daarna ondertekenen u en de '
      + 'penvoerder de inhoud. De tweede handtekening dient het verzoek in bij de NZa.'),
    h('p', { class: 'utrecht-paragraph' }, 'Aanvraag: ', link(`/beoordelingen/${a.id}`, titel), ' ', aanvraagStatus(a.status),
      toegekend !== null ? ` Toegekend door het Bestuurlijk Overleg: ${euro(toegekend)}.` : ''),
    heading(2, 'Het verzoek', { id: 'kop-verzoek' }),
    form,
  ];
}
