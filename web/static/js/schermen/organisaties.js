// SPDX-License-Identifier: EUPL-1.2
//
// Organisaties (administrator; read-only for the auditor): every
// organisation with its identifiers (GET /organisaties, paged with na and
// limiet from the address), and for the administrator a form to register a
// care provider, health insurer or municipality (POST /organisaties,
// docs/toegang.md "Organisations"). The form shows the identifiers the
// chosen kind carries; the server checks them (form, mod 97 for an IBAN,
// the 2025 municipality list) and every problem lands at its field.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { badge, button, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { bezig, formulier, tekstveld } from '../formulier.js';
import { ORGANISATIESOORTEN } from '../rollen.js';
import { keuze, paginering, pagineringUitAdres, perVeld, statusregio, toonVeld, zetLabel } from './beheer-velden.js';

/** The identifiers of an organisation as one line: "AGB 99000001 · KvK 12345678". */
export function identificatie(o) {
  return [
    o.agb_code ? `AGB ${o.agb_code}` : null,
    o.kvk_nummer ? `KvK ${o.kvk_nummer}` : null,
    o.uzovi_code ? `UZOVI ${o.uzovi_code}` : null,
    o.cbs_code ? `CBS ${o.cbs_code}` : null,
  ].filter(Boolean).join(' · ');
}

export function soortnaam(soort) {
  return ORGANISATIESOORTEN[soort] || soort;
}

function organisatietabel(organisaties) {
  if (!organisaties.length) return paragraph('Op deze pagina staan geen organisaties.');
  return table({
    caption: 'Organisaties',
    columns: [
      { kop: 'Naam', waarde: (o) => [link(`/organisaties/${o.id}`, o.naam), o.demo ? [' ', badge('Demo', 'warning')] : null] },
      { kop: 'Soort', waarde: (o) => soortnaam(o.soort) },
      { kop: 'Identificatie', waarde: (o) => identificatie(o) },
      { kop: 'Concern', waarde: (o) => o.concern || '' },
      { kop: 'IBAN', waarde: (o) => o.iban || '' },
    ],
    rows: organisaties,
  });
}

// Which identifiers each kind that can be registered carries (docs/toegang.md):
// true = must, false = may. The kinds not listed are the fixed bodies.
const VELDEN = {
  zorgaanbieder: { naam: true, agb_code: true, kvk_nummer: true, iban: false },
  zorgverzekeraar: { naam: true, uzovi_code: true, concern: true, kvk_nummer: false, iban: false },
  gemeente: { cbs_code: true, kvk_nummer: false, iban: false },
};

const LABELS = {
  naam: 'Naam',
  agb_code: 'AGB-code',
  kvk_nummer: 'KvK-nummer',
  uzovi_code: 'UZOVI-code',
  concern: 'Concern',
  cbs_code: 'CBS-gemeentecode',
  iban: 'IBAN',
};

function nieuwFormulier(ctx, opnieuw) {
  const soort = keuze({
    pointer: '/soort',
    label: 'Soort organisatie',
    omschrijving: 'Programmabureau, Bestuurlijk Overleg, NZa en Zorginstituut bestaan al en worden niet toegevoegd.',
    opties: Object.keys(VELDEN).map((s) => ({ waarde: s, tekst: soortnaam(s) })),
  });
  const tekst = {
    naam: tekstveld({ pointer: '/naam', label: LABELS.naam, autocomplete: 'organization' }),
    agb_code: tekstveld({ pointer: '/agb_code', label: LABELS.agb_code, omschrijving: '8 cijfers.', inputmode: 'numeric', klasse: 'veld--middel' }),
    kvk_nummer: tekstveld({ pointer: '/kvk_nummer', label: LABELS.kvk_nummer, omschrijving: '8 cijfers.', inputmode: 'numeric', klasse: 'veld--middel' }),
    uzovi_code: tekstveld({ pointer: '/uzovi_code', label: LABELS.uzovi_code, omschrijving: '4 cijfers.', inputmode: 'numeric', klasse: 'veld--middel' }),
    concern: tekstveld({ pointer: '/concern', label: LABELS.concern, omschrijving: 'De groep waartoe de zorgverzekeraar hoort.' }),
    cbs_code: tekstveld({
      pointer: '/cbs_code', label: LABELS.cbs_code, klasse: 'veld--middel',
      omschrijving: 'Uit de gemeentelijst 2025, bijvoorbeeld 0014 of GM0014 voor Groningen. De naam van de gemeente komt uit die lijst.',
    }),
    iban: tekstveld({ pointer: '/iban', label: LABELS.iban, omschrijving: 'Bijvoorbeeld NL91 ABNA 0417 1643 00; spaties mogen.', spellcheck: 'false' }),
  };
  const velden = [soort, ...Object.values(tekst)];
  function pasAan() {
    const nodig = VELDEN[soort.input.value] || {};
    for (const [naam, veld] of Object.entries(tekst)) {
      const zichtbaar = naam in nodig;
      toonVeld(veld, zichtbaar);
      if (zichtbaar) zetLabel(veld, nodig[naam] ? LABELS[naam] : `${LABELS[naam]} (niet verplicht)`);
    }
  }
  soort.input.addEventListener('change', pasAan);
  pasAan();

  const submit = button('Organisatie toevoegen', { type: 'submit' });
  const status = statusregio();
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-nieuwe-organisatie' },
    velden.map((v) => v.element),
    h('div', { class: 'utrecht-button-group' }, submit));
  const f = formulier(form, velden);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    f.wis();
    status.wis();
    const body = { soort: soort.input.value };
    const nodig = VELDEN[soort.input.value] || {};
    for (const [naam, veld] of Object.entries(tekst)) {
      const waarde = veld.input.value.trim();
      if (naam in nodig && waarde) body[naam] = waarde;
    }
    await bezig(submit, async () => {
      try {
        const o = await api.post('/organisaties', body, { signal: ctx.signal });
        status.zet(h('div', { class: 'utrecht-alert utrecht-alert--ok' },
          h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' },
            paragraph(`${o.naam} is toegevoegd als ${soortnaam(o.soort).toLowerCase()} (nummer ${o.id}). `,
              link(`/organisaties/${o.id}`, `Bekijk ${o.naam}`), ' of ',
              link(`/gebruikers?organisatie=${o.id}`, 'maak een account aan voor deze organisatie'), '.')))));
        form.reset();
        pasAan();
        await opnieuw();
      } catch (fout) {
        if (fout.geannuleerd) return;
        f.toonFouten(perVeld(fout, velden), { kop: 'De organisatie is niet toegevoegd' });
      }
    });
  });

  return h('section', { 'aria-labelledby': 'kop-nieuwe-organisatie' },
    heading(2, 'Organisatie toevoegen', { id: 'kop-nieuwe-organisatie' }),
    paragraph('Registreer een zorgaanbieder, zorgverzekeraar of gemeente met de gegevens waarmee zij officieel bekend is. '
      + 'Daarna kunt u er accounts en API-tokens voor aanmaken.'),
    status.element,
    form);
}

export async function toon(ctx) {
  const { na, limiet } = pagineringUitAdres(ctx.query);
  const laad = () => api.get('/organisaties', { query: { na, limiet }, signal: ctx.signal });
  const pagina = await laad();
  const houder = h('div', {});
  const vul = (p) => replaceChildren(houder,
    organisatietabel(p.organisaties),
    paginering('/organisaties', { na, volgendeNa: p.volgende_na, limiet }));
  vul(pagina);
  const beheerder = ctx.sessie?.gebruiker?.rollen?.includes('beheerder');
  return [
    heading(1, 'Organisaties'),
    downloadBalk({ pad: '/organisaties', naam: 'organisaties', omschrijving: 'de organisaties', signal: ctx.signal }),
    paragraph(beheerder
      ? 'Alle organisaties die met doorbraak werken. Accounts en API-tokens horen altijd bij één organisatie.'
      : 'Alle organisaties die met doorbraak werken. U kunt ze inzien, maar niet wijzigen.'),
    beheerder ? paragraph(link('#kop-nieuwe-organisatie', 'Naar het formulier om een organisatie toe te voegen')) : null,
    h('section', { 'aria-labelledby': 'kop-organisaties' },
      heading(2, na ? 'Organisaties (vervolg)' : 'Alle organisaties', { id: 'kop-organisaties' }),
      houder),
    beheerder ? nieuwFormulier(ctx, async () => vul(await laad())) : null,
  ];
}
