// SPDX-License-Identifier: EUPL-1.2
//
// Verzoek (NZa, auditor): one joint request (GET /nza-aanvragen/{id}) with
// NZa's checks (GET /nza-aanvragen/{id}/toetsing): every finding (a)-(d)
// and v1-v8, met or not, its explanation and its source. For the NZa, while
// the request is in treatment, the decision form: grant or refuse with a
// motivation (POST /beschikkingen). A refusal lands where it belongs: the
// motivation or the choice at its field, an unmet finding (bevinding_<code>)
// at that finding, "does not fit" (past_niet, per year) and "already decided"
// (al_beschikt) in the summary; each with the rule's source. After a grant
// the screen names the requests that were refused in the same transaction
// because they no longer fit (afgewezen_nza_aanvragen), and links to the
// decision. docs/beschikking.md §3, §4.

import { api } from '../api.js';
import { alert, button, dataList, h, heading, link, paragraph, replaceChildren, unorderedList } from '../dom.js';
import { bezig, formulier, keuzerondjes, tekstvak } from '../formulier.js';
import { datum, datumTijd, euro } from '../opmaak.js';
import {
  VERKLARINGEN, besluitBadge, bevindingenLijst, bevindingenSamenvatting, jarenTabel, metBron,
  themanamen, verzoekstatus,
} from './nza-gedeeld.js';

const PARTIJ = { coordinerend_verzekeraar: 'Coördinerend zorgverzekeraar', penvoerder: 'Penvoerder namens de zorgaanbieders' };

/** The decision on request `id`, if there is one (GET /beschikkingen, paged). */
async function beschikkingVan(id, signal) {
  let na = null;
  for (;;) {
    const r = await api.get('/beschikkingen', { query: { limiet: 1000, na }, signal });
    const b = r.beschikkingen.find((x) => x.nza_aanvraag_id === id);
    if (b) return b;
    if (r.volgende_na === null || r.volgende_na === undefined) return null;
    na = r.volgende_na;
  }
}

function verzoekGegevens(t, namen, statusHouder) {
  return dataList([
    ['Status', statusHouder],
    ['Aanvraag', `${t.aanvraag_titel ? `${t.aanvraag_titel} (${t.aanvraag_id})` : t.aanvraag_id}, versie ${t.versie}`],
    ['Thema', namen[t.thema] || t.thema],
    ['Toegekend door het bestuur', euro(t.toegekend_cent)],
    ['Voorgestelde bovengrens', euro(t.bovengrens_cent)],
    ['Overeenkomst', t.contract ? `${t.contract.kenmerk}, van ${datum(t.contract.datum)}` : 'niet vastgelegd'],
    ['Ingediend bij de NZa', t.ingediend_op ? datumTijd(t.ingediend_op) : 'nog niet'],
  ]);
}

function ondertekeningen(t) {
  if (!t.ondertekeningen.length) return paragraph('Nog door geen van beide partijen ondertekend.');
  return unorderedList(t.ondertekeningen.map((o) =>
    `${PARTIJ[o.partij] || o.partij}: ondertekend op ${datumTijd(o.ondertekend_op)}`));
}

function verklaringen(t) {
  const v = t.verklaringen || {};
  return unorderedList(Object.entries(VERKLARINGEN).map(([k, tekst]) => `${tekst}: ${v[k] ? 'ja' : 'nee'}`));
}

/** What the screen says after a decision was taken (201). */
function resultaat(b, afgewezen) {
  const kop = h('h3', { class: 'utrecht-heading-3 alert__kop', tabindex: '-1' },
    b.besluit === 'verleend' ? `Beschikking ${b.kenmerk} is verleend` : `Beschikking ${b.kenmerk}: het verzoek is afgewezen`);
  const box = alert(b.besluit === 'verleend' ? 'ok' : 'info', [
    kop,
    paragraph(b.besluit === 'verleend'
      ? `De bovengrens is ${euro(b.bovengrens_cent)}: ${b.jaarverdeling.map((j) => `${j.jaar} ${euro(j.bedrag_cent)}`).join(', ')}.`
      : 'De reserveringen van het bestuur voor deze aanvraag zijn vrijgegeven.'),
    afgewezen.length ? [
      paragraph(`Tegelijk ${afgewezen.length === 1 ? 'is 1 ander verzoek' : `zijn ${afgewezen.length} andere verzoeken`} van dit thema afgewezen, `
        + 'omdat ze na deze beschikking niet meer binnen de beschikbare middelen passen [001 §3]:'),
      h('ul', { class: 'utrecht-unordered-list automatisch-afgewezen' },
        afgewezen.map((id) => h('li', { class: 'utrecht-unordered-list__item' }, link(`/nza/verzoeken/${id}`, `Verzoek ${id}`)))),
    ] : null,
    paragraph(link(`/beschikkingen/${b.id}`, `Naar beschikking ${b.kenmerk}`)),
  ], { role: 'status' });
  return { box, kop };
}

export async function toon(ctx) {
  const id = Number(ctx.params.id);
  if (!Number.isSafeInteger(id) || id < 1) {
    const { toon: nietGevonden } = await import('./niet-gevonden.js');
    return nietGevonden(ctx);
  }
  const [t, toetsing, namen] = await Promise.all([
    api.get(`/nza-aanvragen/${id}`, { signal: ctx.signal }),
    api.get(`/nza-aanvragen/${id}/toetsing`, { signal: ctx.signal }),
    themanamen(),
  ]);
  ctx.titel(`Verzoek ${t.id}`);
  const isNza = (ctx.sessie?.gebruiker?.rollen || []).includes('nza');
  const statusHouder = h('span', {}, verzoekstatus(t.status));
  const lijst = bevindingenLijst(toetsing.bevindingen);
  const besluitSectie = h('section', { 'aria-labelledby': 'kop-besluit' }, heading(2, 'Besluit', { id: 'kop-besluit' }));

  if (t.status === 'in_behandeling' && isNza) {
    const besluit = keuzerondjes({
      pointer: '/besluit',
      label: 'Besluit',
      klasse: 'keuzerondjes',
      optiesKlasse: null,
      opties: [
        { waarde: 'verleend', tekst: 'Beschikking verlenen met de voorgestelde bovengrens' },
        { waarde: 'afgewezen', tekst: 'Verzoek afwijzen' },
      ],
    });
    const motivering = tekstvak({
      pointer: '/motivering',
      label: 'Motivering',
      omschrijving: 'Komt in het besluitdocument. Ook een afwijzing wordt gemotiveerd.',
      rijen: 6,
      klasse: 'utrecht-form-field--text',
    });
    const verstuur = button('Besluit vastleggen', { type: 'submit' });
    const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-besluit' },
      besluit.element, motivering.element,
      h('div', { class: 'utrecht-button-group' }, verstuur));
    const f = formulier(form, [besluit, motivering, ...lijst.velden]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await bezig(verstuur, async () => {
        try {
          const body = { nza_aanvraag_id: t.id, motivering: motivering.input.value };
          if (besluit.waarde()) body.besluit = besluit.waarde();
          const b = await api.post('/beschikkingen', body, { signal: ctx.signal });
          f.wis();
          replaceChildren(statusHouder, verzoekstatus(b.besluit === 'verleend' ? 'beschikt' : 'afgewezen'));
          const { box, kop } = resultaat(b, b.afgewezen_nza_aanvragen || []);
          replaceChildren(besluitSectie, heading(2, 'Besluit', { id: 'kop-besluit' }), box);
          kop.focus();
        } catch (fout) {
          if (fout.geannuleerd) return;
          f.toonFouten(metBron(fout), { kop: 'Het besluit is niet vastgelegd' });
        }
      });
    });
    besluitSectie.append(
      paragraph(toetsing.alles_voldaan
        ? 'Alle toetspunten zijn voldaan. Bij verlenen wordt de bovengrens vastgelegd en worden de reserveringen van het bestuur geboekt.'
        : 'Niet alle toetspunten zijn voldaan: verlenen kan dan niet. U kunt het verzoek gemotiveerd afwijzen.'),
      form);
  } else if (t.status === 'beschikt' || t.status === 'afgewezen') {
    const b = await beschikkingVan(t.id, ctx.signal);
    besluitSectie.append(b
      ? paragraph(`Op dit verzoek is besloten: `, besluitBadge(b.besluit), ` op ${datumTijd(b.genomen_op)}. `,
        link(`/beschikkingen/${b.id}`, `Beschikking ${b.kenmerk} bekijken`))
      : paragraph('Op dit verzoek is besloten.'));
  } else {
    besluitSectie.append(paragraph(t.status === 'in_behandeling'
      ? 'Dit verzoek is in behandeling bij de NZa.' : 'Dit verzoek is nog niet door beide partijen ondertekend.'));
  }

  return [
    heading(1, `Verzoek ${t.id}: ${t.aanvraag_titel || `aanvraag ${t.aanvraag_id}`}`),
    h('section', { 'aria-labelledby': 'kop-verzoek' },
      heading(2, 'Het verzoek', { id: 'kop-verzoek' }),
      verzoekGegevens(t, namen, statusHouder),
      jarenTabel('Voorgestelde bovengrens per jaar', t.jaarverdeling, t.bovengrens_cent),
      heading(3, 'Ondertekening'),
      ondertekeningen(t),
      heading(3, 'Verklaringen van de zorgverzekeraars'),
      verklaringen(t)),
    h('section', { 'aria-labelledby': 'kop-toetsing' },
      heading(2, 'Toetsing door de NZa', { id: 'kop-toetsing' }),
      paragraph('De toetspunten (a) tot en met (d) uit de werkwijze en de voorwaarden v1 tot en met v8, elk met de bron. ',
        bevindingenSamenvatting(toetsing.bevindingen)),
      lijst.element),
    besluitSectie,
  ];
}
