// SPDX-License-Identifier: EUPL-1.2
//
// The status parts of an application's page once it has been submitted
// (used by aanvraag.js): the receipt (GET /aanvragen/{id}/ontvangstbewijs),
// downloadable as the JSON that anyone can verify (POST
// /ontvangstbewijzen/verificaties, public), the submitted versions with
// their stored documents (GET .../versies, .../versies/{n}: the canonical
// bytes, whose SHA-256 is the receipt's), the insurers' verdicts as far as
// the coalition may see them (GET .../beoordelingen), the requests for
// information (GET .../informatieverzoeken), and the phase of the whole chain
// with its timeline (GET .../tijdlijn: board, NZa, milestones, accounting).

import { api, ApiFout } from '../api.js';
import { EISOORDEEL, OORDEEL, ROUTE, VERZEKERAARROL } from '../aanvraagformulier.js';
import { alert, button, dataList, h, heading, paragraph, table } from '../dom.js';
import { datumTijd } from '../opmaak.js';


/** Offers `tekst` as a file download (a Blob URL; the CSP allows it). */
export function downloadTekst(tekst, bestandsnaam) {
  const url = URL.createObjectURL(new Blob([tekst], { type: 'application/json' }));
  const a = h('a', { href: url, download: bestandsnaam, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function ontvangstbewijsSectie({ basis, bewijs, rondenaam, ontvangen }) {
  const status = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const bestandsnaam = `ontvangstbewijs-${bewijs.aanvraag_id}-versie-${bewijs.versie}.json`;
  const controleer = button('Ontvangstbewijs controleren', {
    kind: 'secondary',
    onClick: async () => {
      controleer.disabled = true;
      status.textContent = 'Bezig met controleren…';
      try {
        const { geldig } = await api.post('/ontvangstbewijzen/verificaties', bewijs);
        status.textContent = geldig
          ? 'Het ontvangstbewijs is geldig: de server heeft precies dit document op dit moment in deze ronde ontvangen, en het bewaarde document heeft nog steeds deze SHA-256.'
          : 'Het ontvangstbewijs is niet geldig.';
      } catch (err) {
        if (!(err instanceof ApiFout)) throw err;
        status.textContent = `Controleren is niet gelukt: ${err.message}`;
      } finally {
        controleer.disabled = false;
      }
    },
  });
  return h('section', { 'aria-labelledby': 'kop-ontvangstbewijs', class: 'ontvangstbewijs' },
    heading(2, 'Ontvangstbewijs', { id: 'kop-ontvangstbewijs' }),
    ontvangen ? alert('ok', paragraph(`Uw aanvraag is ingediend op ${datumTijd(bewijs.ingediend_op)}. Bewaar het ontvangstbewijs.`),
      { role: 'status', heading: 'Ingediend' }) : null,
    dataList([
      ['Kenmerk', `Aanvraag ${bewijs.aanvraag_id}, versie ${bewijs.versie}`],
      ['Indieningsronde', rondenaam],
      ['Ingediend op', `${datumTijd(bewijs.ingediend_op)} (UTC: ${bewijs.ingediend_op})`],
      ['SHA-256 van het document', h('code', { class: 'utrecht-code hash', 'data-veld': 'sha256' }, bewijs.sha256)],
    ]),
    h('p', { class: 'utrecht-paragraph knoppenrij' },
      h('a', {
        class: 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action',
        href: `/api/v1${basis}/ontvangstbewijs.pdf?versie=${bewijs.versie}`,
        download: `ontvangstbewijs-${bewijs.aanvraag_id}-versie-${bewijs.versie}.pdf`,
      }, 'Ontvangstbewijs als PDF'),
      ' ',
      button('Ontvangstbewijs als JSON', {
        kind: 'secondary',
        onClick: () => downloadTekst(`${JSON.stringify(bewijs, null, 2)}\n`, bestandsnaam),
      }),
      ' ',
      h('a', {
        class: 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action',
        href: `/api/v1${basis}/versies/${bewijs.versie}`,
        download: `aanvraag-${bewijs.aanvraag_id}-versie-${bewijs.versie}.json`,
      }, `Ingediend document downloaden (versie ${bewijs.versie})`),
      ' ',
      controleer),
    status,
    h('details', { class: 'onderdeel' },
      h('summary', { class: 'onderdeel__kop' }, 'Hoe controleert iemand dit ontvangstbewijs?'),
      paragraph('Het ontvangstbewijs zegt welk document de server op welk moment heeft ontvangen. Iedereen kan dat nagaan, ook zonder account:'),
      h('ul', { class: 'utrecht-unordered-list' },
        h('li', { class: 'utrecht-unordered-list__item' },
          'stuur het gedownloade ontvangstbewijs (JSON) naar ', h('code', { class: 'utrecht-code' }, 'POST /api/v1/ontvangstbewijzen/verificaties'),
          '; het antwoord is ', h('code', { class: 'utrecht-code' }, '{"geldig": true}'), ' als de server precies dit document op dit moment in deze ronde heeft bewaard;'),
        h('li', { class: 'utrecht-unordered-list__item' },
          'of bereken zelf de SHA-256 van het ingediende document (bijvoorbeeld met ', h('code', { class: 'utrecht-code' }, 'sha256sum'),
          '): die is gelijk aan de SHA-256 hierboven. Het document staat in canonieke vorm (compacte JSON, sleutels gesorteerd);'),
        h('li', { class: 'utrecht-unordered-list__item' },
          'of, met toegang tot de database: ', h('code', { class: 'utrecht-code' }, 'doorbraak aanvraag verifieer ONTVANGSTBEWIJS.json'), '.'))));
}

function versiesSectie({ basis, versies, veldLink }) {
  return h('section', { 'aria-labelledby': 'kop-versies' },
    heading(2, 'Ingediende versies', { id: 'kop-versies' }),
    table({
      caption: 'Ingediende versies van de aanvraag',
      columns: [
        { kop: 'Versie', waarde: (v) => String(v.versie) },
        { kop: 'Ingediend op', waarde: (v) => datumTijd(v.ingediend_op) },
        { kop: 'Route', waarde: (v) => ROUTE[v.route] || v.route },
        { kop: 'Antwoord op', waarde: (v) => (v.open_velden?.length ? v.open_velden.map((p, i) => [i ? ', ' : '', veldLink(p, p)]) : 'eerste indiening') },
        { kop: 'SHA-256', waarde: (v) => h('code', { class: 'utrecht-code hash' }, v.sha256) },
        {
          kop: 'Document',
          waarde: (v) => h('a', {
            class: 'utrecht-link utrecht-link--html-a',
            href: `/api/v1${basis}/versies/${v.versie}`,
            download: `aanvraag-${basis.split('/').pop()}-versie-${v.versie}.json`,
          }, `Versie ${v.versie} downloaden`),
        },
      ],
      rows: versies,
    }));
}

function oordelenSectie(beoordelingen) {
  return h('section', { 'aria-labelledby': 'kop-oordelen' },
    heading(2, 'Oordelen van de zorgverzekeraars', { id: 'kop-oordelen' }),
    beoordelingen.length
      ? beoordelingen.map((b) => h('div', { class: 'kaart oordeel' },
        heading(3, `${VERZEKERAARROL[b.verzekeraar_rol] || b.verzekeraar_rol}: ${OORDEEL[b.oordeel] || b.oordeel}`),
        dataList([
          ['Over versie', String(b.versie)],
          ['Beoordeeld op', b.beoordeeld_op ? datumTijd(b.beoordeeld_op) : '–'],
          ['Motivering', b.motivering],
          b.informatieverzoek ? ['Gevraagde informatie', b.informatieverzoek.vraag] : null,
        ]),
        h('details', { class: 'onderdeel' },
          h('summary', { class: 'onderdeel__kop' }, 'Oordeel per basiseis'),
          table({
            caption: `Oordeel per basiseis (${VERZEKERAARROL[b.verzekeraar_rol] || b.verzekeraar_rol}, versie ${b.versie})`,
            columns: [
              { kop: 'Basiseis', waarde: (e) => String(e.volgnummer) },
              { kop: 'Oordeel', waarde: (e) => EISOORDEEL[e.oordeel] || e.oordeel },
              { kop: 'Motivering', waarde: (e) => e.motivering },
            ],
            rows: b.basiseisen,
          }))))
      : paragraph('U ziet de oordelen zodra beide zorgverzekeraars hebben geoordeeld, of zodra een van hen om informatie vraagt.'));
}

function verzoekenSectie(verzoeken, veldLink) {
  return h('section', { 'aria-labelledby': 'kop-verzoeken' },
    heading(2, 'Vragen om informatie', { id: 'kop-verzoeken' }),
    h('ul', { class: 'utrecht-unordered-list' }, verzoeken.map((v) => h('li', { class: 'utrecht-unordered-list__item' },
      h('strong', {}, `${VERZEKERAARROL[v.verzekeraar_rol] || v.verzekeraar_rol}, over versie ${v.versie}: `), `“${v.vraag}” `,
      'Gevraagde onderdelen: ', v.velden.map((p, i) => [i ? ', ' : '', veldLink(p, p)]), '. ',
      v.beantwoord ? `Beantwoord in versie ${v.beantwoord_in_versie}.` : h('strong', {}, 'Nog niet beantwoord.')))));
}

/** The status sections of a submitted application. */
/** The timeline: every step of the chain that concerns the application, oldest first. */
function tijdlijnSectie(t) {
  return h('section', { 'aria-labelledby': 'kop-tijdlijn', class: 'tijdlijn' },
    heading(2, 'Tijdlijn', { id: 'kop-tijdlijn' }),
    h('ol', { class: 'utrecht-ordered-list tijdlijn__lijst' }, t.stappen.map((s) => h('li', { class: 'utrecht-ordered-list__item' },
      h('span', { class: 'tijdlijn__moment' }, datumTijd(s.moment)), ': ', s.wat,
      s.door_naam ? h('span', { class: 'tijdlijn__door' }, ` (${s.door_naam})`) : null,
      s.beschikking_id && s.soort === 'beschikking' ? [' ', h('a', { class: 'utrecht-link utrecht-link--html-a',
        href: `/beschikkingen/${s.beschikking_id}` }, 'Naar de beschikking')] : null))));
}

export async function statusSecties({ ctx, basis, aanvraag, ronde, ontvangen, veldLink }) {
  const signal = ctx.signal;
  const [bewijs, versies, beoordelingen, verzoeken, tijdlijn] = await Promise.all([
    api.get(`${basis}/ontvangstbewijs`, { signal }).then((r) => r.ontvangstbewijs),
    api.get(`${basis}/versies`, { signal }).then((r) => r.versies),
    api.get(`${basis}/beoordelingen`, { signal }).then((r) => r.beoordelingen).catch((err) => {
      if (err.geannuleerd) throw err;
      return [];
    }),
    api.get(`${basis}/informatieverzoeken`, { signal }).then((r) => r.informatieverzoeken).catch((err) => {
      if (err.geannuleerd) throw err;
      return [];
    }),
    api.get(`${basis}/tijdlijn`, { signal }),
  ]);
  // the phase of the whole chain, told truthfully (a positive assessment the
  // board gave nothing, or that NZa refused, says so)
  return [
    h('section', { 'aria-labelledby': 'kop-status' },
      heading(2, 'Stand van zaken', { id: 'kop-status' }),
      paragraph(h('strong', {}, tijdlijn.fase_tekst))),
    tijdlijnSectie(tijdlijn),
    ontvangstbewijsSectie({ basis, bewijs, rondenaam: ronde.naam, ontvangen: Boolean(ontvangen) }),
    verzoeken.length ? verzoekenSectie(verzoeken, veldLink) : null,
    oordelenSectie(beoordelingen),
    versiesSectie({ basis, versies, veldLink }),
  ];
}
