// SPDX-License-Identifier: EUPL-1.2
//
// Verzoek aan NZa (roles beoordelaar, aanvrager, nza, auditor): one joint
// request (tweezijdige aanvraag, docs/beschikking.md §2) with its fixed
// content -- the application, the upper bound, the split over the years,
// the declarations, the agreement --, the SHA-256 of that content, the
// signatures and the status (GET /nza-aanvragen/{id}).
//
// The coordinating insurer (beoordelaar) and the lead (aanvrager of the
// penvoerder) sign the hash they are shown: POST /nza-aanvragen/{id}/
// ondertekeningen {sha256}. The second signature submits the request to
// NZa, but only when the money fits: otherwise the API refuses with
// past_niet, one problem per year with what is needed and what is free,
// shown here as a table. NZa itself works on /nza/verzoeken/{id}.

import { api } from '../api.js';
import { alert, button, dataList, h, heading, link, paragraph, replaceChildren, table, unorderedList } from '../dom.js';
import { datum, datumTijd, euro, toBigInt } from '../opmaak.js';
import { rollen } from '../sessie.js';
import { nzaStatus, NZASTATUS } from './beoordelaar-velden.js';
import { VERKLARINGEN } from './nza-aanvraag-nieuw.js';

const UITKOMST = { voldaan: 'Voldaan', niet_voldaan: 'Niet voldaan' };
const PARTIJ = { coordinerend_verzekeraar: 'Coördinerend zorgverzekeraar', penvoerder: 'Penvoerder, namens de zorgaanbieders' };

/** The party the caller signs for, or null. */
function mijnPartij(v, orgId) {
  const r = rollen();
  if (r.includes('beoordelaar') && v.coordinerend_verzekeraar_id === orgId) return 'coordinerend_verzekeraar';
  if (r.includes('aanvrager') && v.penvoerder_id === orgId) return 'penvoerder';
  return null;
}

/** Where the visitor reads the application itself, or null (NZa has no application screen). */
export function aanvraagHref(aanvraagId) {
  const r = rollen();
  if (r.includes('beoordelaar')) return `/beoordelingen/${aanvraagId}`;
  if (r.includes('aanvrager') || r.includes('auditor')) return `/aanvragen/${aanvraagId}`;
  return null;
}

function aanvraagLink(v) {
  const tekst = `${v.aanvraag_titel || `Aanvraag ${v.aanvraag_id}`}${v.versie ? `, versie ${v.versie}` : ''}`;
  const href = aanvraagHref(v.aanvraag_id);
  return href ? link(href, tekst) : tekst;
}

/** A refusal of a signature: past_niet as a table per year, anything else as a list; with sources. */
function weigering(fout) {
  const perJaar = fout.fouten.filter((f) => f.code === 'past_niet');
  const rest = fout.fouten.filter((f) => f.code !== 'past_niet');
  const jaarVan = (f) => /\/jaarverdeling\/([0-9]{4})$/.exec(f.veld)?.[1] || '–';
  return alert('error', [
    perJaar.length ? [
      paragraph('Het bedrag past niet binnen wat het Bestuurlijk Overleg reserveerde plus wat het jaar nog vrij heeft. '
        + 'De NZa neemt dit verzoek niet in behandeling; er is niets ondertekend.'),
      table({
        caption: 'Per jaar: wat nodig is en wat nog beschikbaar is',
        columns: [
          { kop: 'Jaar', waarde: jaarVan },
          { kop: 'Nodig en beschikbaar', waarde: (f) => f.melding },
          { kop: 'Bron', waarde: (f) => f.bron || '' },
        ],
        rows: perJaar,
      }),
    ] : null,
    rest.length ? unorderedList(rest.map((f) => (f.bron ? `${f.melding} ${f.bron}` : f.melding)))
      : (perJaar.length ? null : paragraph(fout.message)),
  ], { role: 'alert', heading: perJaar.length ? 'Het verzoek past niet binnen het budget' : 'Ondertekenen is niet gelukt' });
}

export async function toon(ctx) {
  const id = ctx.params.id;
  if (!/^[0-9]{1,16}$/.test(id)) {
    const mod = await import('./niet-gevonden.js');
    return mod.toon(ctx);
  }
  const orgId = ctx.sessie.organisatie.id;
  const orgTekst = (oid) => (oid == null ? '–' : oid === orgId ? `${ctx.sessie.organisatie.naam} (uw organisatie)` : `Organisatie ${oid}`);
  let v = await api.get(`/nza-aanvragen/${id}`, { signal: ctx.signal });
  // NZa's checks as they stand now (the request's parties may read them before signing).
  const laadToetsing = () => api.get(`/nza-aanvragen/${id}/toetsing`, { signal: ctx.signal })
    .catch((e) => (e.geannuleerd ? Promise.reject(e) : null));
  let toetsing = await laadToetsing();
  ctx.titel(`Verzoek aan NZa ${v.id}`);

  const melding = h('div', { class: 'melding', tabindex: '-1' });
  const inhoud = h('div', {});
  if (ctx.query.get('nieuw') === '1') {
    replaceChildren(melding, alert('ok', paragraph('Het verzoek is opgesteld. Onderteken het hieronder; daarna ondertekent de penvoerder.'),
      { heading: 'Verzoek opgesteld' }));
  }

  function ondertekenDeel() {
    const partij = mijnPartij(v, orgId);
    if (!partij) {
      if (rollen().includes('nza')) {
        return paragraph(link(`/nza/verzoeken/${v.id}`, 'Naar de toetsing en de beschikking door de NZa'));
      }
      if (rollen().includes('beoordelaar')) return paragraph('U bent tweede zorgverzekeraar: u kunt het verzoek lezen, maar niet ondertekenen.');
      return null;
    }
    if (v.ondertekeningen.some((o) => o.partij === partij)) {
      return paragraph(`U hebt ondertekend als ${PARTIJ[partij].toLowerCase()}.`);
    }
    if (v.status !== 'ondertekening') return paragraph(`Ondertekenen kan niet meer: ${NZASTATUS[v.status] || v.status}.`);
    const fout = h('div', {});
    const knop = button('Ondertekenen', {
      onClick: async () => {
        knop.disabled = true;
        knop.setAttribute('aria-busy', 'true');
        replaceChildren(fout);
        try {
          v = await api.post(`/nza-aanvragen/${v.id}/ondertekeningen`, { sha256: v.sha256 });
          toetsing = await laadToetsing();
          teken();
          replaceChildren(melding, alert('ok', paragraph(v.status === 'in_behandeling'
            ? 'Beide partijen hebben ondertekend: het verzoek is ingediend bij de NZa en is in behandeling.'
            : 'Uw handtekening is vastgelegd. Het verzoek wacht op de handtekening van de andere partij.'),
          { heading: 'Ondertekend' }));
          melding.focus();
        } catch (err) {
          knop.disabled = false;
          knop.removeAttribute('aria-busy');
          replaceChildren(fout, weigering(err));
        }
      },
    });
    return [
      paragraph(`U ondertekent als ${PARTIJ[partij].toLowerCase()} precies de inhoud hierboven, met SHA-256 `,
        h('code', { class: 'utrecht-code hash' }, v.sha256), '.'),
      fout,
      h('div', { class: 'utrecht-button-group' }, knop),
    ];
  }

  function teken() {
    const totaal = v.jaarverdeling.reduce((s, j) => s + toBigInt(j.bedrag_cent), 0n);
    const getekend = Object.fromEntries(v.ondertekeningen.map((o) => [o.partij, o]));
    replaceChildren(inhoud,
      dataList([
        ['Status', nzaStatus(v.status)],
        ['Aanvraag', aanvraagLink(v)],
        v.toegekend_cent != null ? ['Toegekend door het Bestuurlijk Overleg', euro(v.toegekend_cent)] : null,
        ['Voorgestelde bovengrens', euro(v.bovengrens_cent)],
        v.ingediend_op ? ['Ingediend bij de NZa', datumTijd(v.ingediend_op)] : null,
        v.aangemaakt_op ? ['Opgesteld', `${datumTijd(v.aangemaakt_op)}${v.aangemaakt_door ? ` door ${v.aangemaakt_door_naam || v.aangemaakt_door}` : ''}`] : null,
      ]),
      h('section', { 'aria-labelledby': 'kop-jaren' },
        heading(2, 'Verdeling over de jaren', { id: 'kop-jaren' }),
        table({
          caption: 'Voorgestelde bovengrens per jaar',
          columns: [
            { kop: 'Jaar', waarde: (j) => String(j.jaar) },
            { kop: 'Bedrag', getal: true, waarde: (j) => euro(j.bedrag_cent) },
          ],
          rows: v.jaarverdeling,
          footer: ['Totaal', euro(totaal)],
        })),
      h('section', { 'aria-labelledby': 'kop-verklaringen' },
        heading(2, 'Verklaringen van de zorgverzekeraars', { id: 'kop-verklaringen' }),
        table({
          caption: 'De zes verklaringen met hun bron',
          columns: [
            { kop: 'Verklaring', waarde: (x) => x.tekst },
            { kop: 'Afgegeven', waarde: (x) => (v.verklaringen?.[x.naam] ? 'Ja' : 'Nee') },
            { kop: 'Bron', waarde: (x) => x.bron },
          ],
          rows: VERKLARINGEN,
        })),
      h('section', { 'aria-labelledby': 'kop-contract' },
        heading(2, 'Overeenkomst met de zorgaanbieders', { id: 'kop-contract' }),
        dataList([
          ['Datum', v.contract ? datum(v.contract.datum) : '–'],
          ['Kenmerk', v.contract?.kenmerk || '–'],
        ])),
      h('section', { 'aria-labelledby': 'kop-ondertekening' },
        heading(2, 'Inhoud en ondertekening', { id: 'kop-ondertekening' }),
        paragraph('De inhoud hierboven ligt vast. Beide partijen ondertekenen de SHA-256 ervan; de tweede handtekening dient het verzoek in bij de NZa.'),
        dataList([['SHA-256 van de inhoud', h('code', { class: 'utrecht-code hash' }, v.sha256)]]),
        table({
          caption: 'Handtekeningen',
          columns: [
            { kop: 'Partij', waarde: (p) => PARTIJ[p] },
            { kop: 'Organisatie', waarde: (p) => orgTekst(getekend[p]?.organisatie_id ?? (p === 'penvoerder' ? v.penvoerder_id : v.coordinerend_verzekeraar_id)) },
            { kop: 'Ondertekend', waarde: (p) => (getekend[p]
              ? `Ja, door ${getekend[p].ondertekend_door_naam || getekend[p].ondertekend_door} op ${datumTijd(getekend[p].ondertekend_op)}` : 'Nog niet') },
          ],
          rows: ['coordinerend_verzekeraar', 'penvoerder'],
        }),
        ondertekenDeel()),
      toetsing ? h('section', { 'aria-labelledby': 'kop-nza-toetsing' },
        heading(2, 'Toetsing door de NZa', { id: 'kop-nza-toetsing' }),
        paragraph(toetsing.alles_voldaan
          ? 'Aan elke voorwaarde is nu voldaan.'
          : 'Zo staat het verzoek er nu voor; de NZa toetst opnieuw wanneer zij beslist. Zolang niet beide partijen hebben ondertekend, is (a) niet voldaan.'),
        table({
          caption: 'De toetsen van de NZa met hun bron',
          columns: [
            { kop: 'Toets', waarde: (b) => `${b.code}. ${b.naam}` },
            { kop: 'Uitkomst', waarde: (b) => h('span', { class: 'uitkomst' }, UITKOMST[b.uitkomst] || b.uitkomst) },
            { kop: 'Toelichting', waarde: (b) => b.toelichting },
            { kop: 'Bron', waarde: (b) => b.bron || '' },
          ],
          rows: toetsing.bevindingen,
        })) : null);
  }
  teken();

  return [
    heading(1, `Verzoek aan NZa ${v.id}`),
    h('div', { role: 'status' }, melding),
    inhoud,
  ];
}
