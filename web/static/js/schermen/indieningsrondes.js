// SPDX-License-Identifier: EUPL-1.2
//
// Indieningsrondes (public list; the form for the programme office): every
// round with its one opening and one closing moment in Dutch time, its
// catalogue version, impact bar and phase by the server's clock
// (GET /indieningsrondes). The programme office sets up a new round
// (POST /indieningsrondes, docs/indiening.md §2): the moments are typed as a
// date and a time in Dutch time and sent as UTC ("2027-03-01T11:00:00Z").
// A round never changes afterwards; the form says so before it is sent.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import * as catalogus from '../catalogus.js';
import { badge, button, h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { bezig, formulier, tekstveld, vinkje } from '../formulier.js';
import { datum, datumTijd } from '../opmaak.js';
import { keuze, momentveld, perVeld, statusregio } from './beheer-velden.js';

export const FASE = {
  gepland: ['Nog niet open', 'warning'],
  open: ['Open', 'success'],
  gesloten: ['Gesloten', 'neutral'],
};

export function faseBadge(fase) {
  const [tekst, soort] = FASE[fase] || [fase, 'neutral'];
  return badge(tekst, soort);
}

function rondetabel(rondes) {
  if (!rondes.length) return paragraph('Er zijn nog geen indieningsrondes.');
  return table({
    caption: 'Indieningsrondes, met openings- en sluitmoment in Nederlandse tijd',
    columns: [
      { kop: 'Naam', waarde: (r) => r.naam },
      { kop: 'Nummer', getal: true, waarde: (r) => String(r.id) },
      { kop: 'Opent op', waarde: (r) => datumTijd(r.opent_op) },
      { kop: 'Sluit op', waarde: (r) => datumTijd(r.sluit_op) },
      { kop: 'Status', waarde: (r) => faseBadge(r.fase) },
      { kop: 'Catalogusversie', getal: true, waarde: (r) => String(r.catalogusversie) },
      { kop: 'Impactlat', waarde: (r) => r.impactlat_id || 'die van de catalogus' },
      { kop: 'Besteden in 2029', waarde: (r) => (r.uitloopjaar_toegestaan ? 'Toegestaan' : 'Niet toegestaan') },
      { kop: 'Oordelen uiterlijk', waarde: (r) => (r.beoordeeld_uiterlijk_op ? datum(r.beoordeeld_uiterlijk_op) : '–') },
    ],
    rows: rondes,
  });
}

function serverTijd(lijst) {
  return paragraph(`Status volgens de klok van de server op ${datumTijd(lijst.server_tijd)}. `
    + 'Op het sluitmoment zelf is een ronde gesloten.');
}

/** The form of the programme office; `opnieuw()` reloads the list after success. */
async function rondeFormulier(ctx, opnieuw) {
  const [{ catalogusversies }, lat] = await Promise.all([
    api.get('/catalogusversies', { signal: ctx.signal }),
    catalogus.impactlatten(),
  ]);
  const gekozen = lat.impactlatten.find((l) => l.id === lat.gekozen_impactlat_id);
  const naam = tekstveld({ pointer: '/naam', label: 'Naam van de ronde' });
  const versie = keuze({
    pointer: '/catalogusversie',
    label: 'Catalogusversie',
    omschrijving: 'De modelplannen en normen van deze versie gelden voor de hele ronde.',
    opties: catalogusversies.map((v) => ({ waarde: String(v.versie), tekst: `Versie ${v.versie}, gepubliceerd op ${datum(v.gepubliceerd_op)}` })),
  });
  const impactlat = keuze({
    pointer: '/impactlat_id',
    label: 'Impactlat',
    opties: [
      { waarde: '', tekst: gekozen ? `Die van de catalogus (nu ${gekozen.id}: ${gekozen.naam})` : 'Die van de catalogus (nog niet gekozen)' },
      ...lat.impactlatten.map((l) => ({ waarde: l.id, tekst: `${l.id}: ${l.naam}` })),
    ],
  });
  const uitloop = vinkje({
    pointer: '/uitloopjaar_toegestaan',
    label: 'Besteden in het uitloopjaar 2029 is toegestaan',
    klasse: 'vinkveld',
  });
  const opent = momentveld({ pointer: '/opent_op', label: 'Opent op (Nederlandse tijd)' });
  const sluit = momentveld({
    pointer: '/sluit_op',
    label: 'Sluit op (Nederlandse tijd)',
    omschrijving: 'Eén sluitmoment voor iedereen. Wat op of na dit moment binnenkomt, telt niet meer mee.',
  });
  const uiterlijk = tekstveld({
    pointer: '/beoordeeld_uiterlijk_op',
    label: 'Oordelen van de zorgverzekeraars uiterlijk op (niet verplicht)',
    omschrijving: 'Een datum na de sluitdag. Geen bron noemt een termijn; het programma spreekt hem af en de verzekeraars zien hem in hun werkvoorraad.',
    type: 'date',
  });
  const velden = [naam, versie, impactlat, uitloop, opent, sluit, uiterlijk];
  const submit = button('Indieningsronde instellen', { type: 'submit' });
  const status = statusregio();
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-nieuwe-ronde' },
    velden.map((v) => v.element),
    h('div', { class: 'utrecht-button-group' }, submit));
  const f = formulier(form, velden);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    f.wis();
    status.wis();
    await bezig(submit, async () => {
      try {
        const ronde = await api.post('/indieningsrondes', {
          naam: naam.input.value.trim(),
          catalogusversie: Number(versie.input.value) || null,
          impactlat_id: impactlat.input.value || null,
          uitloopjaar_toegestaan: uitloop.input.checked,
          opent_op: opent.waarde(),
          sluit_op: sluit.waarde(),
          beoordeeld_uiterlijk_op: uiterlijk.input.value || null,
        }, { signal: ctx.signal });
        status.zet(h('div', { class: 'utrecht-alert utrecht-alert--ok' },
          h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' },
            paragraph(`Indieningsronde ${ronde.id} “${ronde.naam}” is ingesteld. Zij opent op ${datumTijd(ronde.opent_op)} `
              + `en sluit op ${datumTijd(ronde.sluit_op)}.`)))));
        form.reset();
        await opnieuw();
      } catch (fout) {
        if (fout.geannuleerd) return;
        // A moment left half empty gets "fill in both" instead of the API's note
        // on the UTC format, which the user never typed (the rule stays the server's).
        f.toonFouten(perVeld(fout, velden, (x) => {
          const m = [opent, sluit].find((v) => v.pointer === x.veld);
          return m && !m.compleet() && x.code === 'moment_ongeldig' ? 'Vul zowel de datum als de tijd in.' : x.melding;
        }), { kop: 'De ronde is niet ingesteld' });
      }
    });
  });

  return h('section', { 'aria-labelledby': 'kop-nieuwe-ronde' },
    heading(2, 'Nieuwe indieningsronde', { id: 'kop-nieuwe-ronde' }),
    paragraph('Een ronde verandert na het instellen niet meer en kan niet worden verwijderd: een verschoven deadline zou bevoordelen wie het eerst wist. '
      + 'Controleer de momenten dus goed. Alle velden zijn verplicht.'),
    status.element,
    form);
}

export async function toon(ctx) {
  const lijst = await api.get('/indieningsrondes', { signal: ctx.signal });
  const houder = h('div', {}, serverTijd(lijst), rondetabel(lijst.indieningsrondes));
  const opnieuw = async () => {
    const nieuw = await api.get('/indieningsrondes', { signal: ctx.signal });
    replaceChildren(houder, serverTijd(nieuw), rondetabel(nieuw.indieningsrondes));
  };
  const magInstellen = ctx.sessie?.gebruiker?.rollen?.includes('programmabureau');
  return [
    heading(1, 'Indieningsrondes'),
    downloadBalk({ pad: '/indieningsrondes', naam: 'indieningsrondes', omschrijving: 'de indieningsrondes', signal: ctx.signal }),
    paragraph('In een indieningsronde dienen samenwerkingscoalities hun aanvragen in. Elke ronde heeft één openings- en één sluitmoment; '
      + 'wat vóór het sluitmoment is ingediend telt gelijk, vroeg indienen geeft geen voorrang. Alle tijden zijn Nederlandse tijd.'),
    h('section', { 'aria-labelledby': 'kop-rondes' },
      heading(2, 'Alle rondes', { id: 'kop-rondes' }),
      houder),
    magInstellen ? await rondeFormulier(ctx, opnieuw) : null,
  ];
}
