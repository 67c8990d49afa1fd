// SPDX-License-Identifier: EUPL-1.2
//
// API-tokens (administrator; read-only for the auditor): the tokens of
// system-to-system clients, without the tokens themselves (GET /apitokens,
// paged with na and limiet from the address); issuing one for one
// organisation and one role (POST /apitokens), shown once with a warning;
// revoking one after a confirmation in a modal dialog
// (DELETE /apitokens/{id}, at once and for good). docs/toegang.md "API tokens".
// Four eyes: a token for a role where money moves is only requested; a
// second administrator approves it here and is shown the token, once
// (POST /apitokens/{id}/goedkeuringen). Who asked sees that it waits.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { badge, button, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { bezig, formulier, tekstveld } from '../formulier.js';
import { datumTijd } from '../opmaak.js';
import { ORGANISATIESOORTEN, rolnaam } from '../rollen.js';
import {
  allePaginas, bevestig, foutTekst, keuze, organisatieOpties, paginering, pagineringUitAdres, perVeld, statusregio,
} from './beheer-velden.js';

function okMelding(...children) {
  return h('div', { class: 'utrecht-alert utrecht-alert--ok', tabindex: '-1' },
    h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' }, paragraph(...children))));
}

function tokentabel(tokens, orgs, intrekken, goedkeuren, ik) {
  if (!tokens.length) return paragraph('Op deze pagina staan geen API-tokens.');
  const orgnaam = (id) => orgs.get(id)?.naam || `organisatie ${id}`;
  const columns = [
    { kop: 'Naam', waarde: (t) => t.naam },
    { kop: 'Organisatie', waarde: (t) => (orgs.has(t.organisatie_id) ? link(`/organisaties/${t.organisatie_id}`, orgnaam(t.organisatie_id)) : orgnaam(t.organisatie_id)) },
    { kop: 'Rol', waarde: (t) => rolnaam(t.rol) },
    { kop: 'Begint met', waarde: (t) => (t.prefix ? h('code', { class: 'utrecht-code' }, t.prefix) : 'nog geen token') },
    { kop: 'Uitgegeven op', waarde: (t) => (t.aangemaakt_op ? datumTijd(t.aangemaakt_op) : '') },
    { kop: 'Laatst gebruikt', waarde: (t) => (t.laatst_gebruikt_op ? datumTijd(t.laatst_gebruikt_op) : 'nog niet') },
    {
      kop: 'Status',
      waarde: (t) => {
        if (t.ingetrokken) return [badge('Ingetrokken', 'danger'), t.ingetrokken_op ? ` op ${datumTijd(t.ingetrokken_op)}` : ''];
        if (t.status === 'aangevraagd') return badge('Wacht op goedkeuring', 'warning');
        return badge('Actief', 'success');
      },
    },
  ];
  if (intrekken) {
    columns.push({
      kop: 'Actie',
      waarde: (t) => {
        if (t.ingetrokken) return '';
        const intrek = button('Intrekken', {
          kind: 'secondary',
          'aria-label': `Token ${t.naam} van ${orgnaam(t.organisatie_id)} intrekken`,
          onClick: () => intrekken(t, orgnaam(t.organisatie_id)),
        });
        if (t.status !== 'aangevraagd') return intrek;
        if (t.aangemaakt_door === ik) {
          return h('div', { class: 'utrecht-button-group' }, h('span', {}, 'Door u aangevraagd; een andere beheerder keurt goed.'), intrek);
        }
        return h('div', { class: 'utrecht-button-group' }, button('Goedkeuren', {
          'aria-label': `Token ${t.naam} van ${orgnaam(t.organisatie_id)} goedkeuren`,
          onClick: () => goedkeuren(t, orgnaam(t.organisatie_id)),
        }), intrek);
      },
    });
  }
  return table({ caption: 'API-tokens', columns, rows: tokens });
}

/** The new token, once, with the warning; the token in a read-only field to select and copy. */
function eenmaligToken(antwoord, orgnaam) {
  const t = antwoord.apitoken;
  const veld = h('input', {
    class: 'utrecht-textbox utrecht-textbox--html-input utrecht-textbox--readonly token', id: 'nieuw-token', readonly: true,
    type: 'text', spellcheck: 'false', autocomplete: 'off',
  });
  veld.value = antwoord.token;
  const gekopieerd = h('span', { class: 'kopieerstatus', role: 'status' });
  const kopieer = button('Kopiëren', {
    kind: 'secondary',
    onClick: async () => {
      try {
        await navigator.clipboard.writeText(antwoord.token);
        gekopieerd.textContent = 'Het token is gekopieerd.';
      } catch {
        veld.select();
        gekopieerd.textContent = 'Kopiëren lukte niet; het token is geselecteerd, kopieer het met Ctrl+C.';
      }
    },
  });
  return h('div', { class: 'utrecht-alert utrecht-alert--warning eenmalig', tabindex: '-1', 'aria-labelledby': 'kop-nieuw-token' },
    h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' },
      h('h3', { class: 'utrecht-heading-3 alert__kop', id: 'kop-nieuw-token' },
        t.goedgekeurd_door ? `API-token “${t.naam}” is goedgekeurd en uitgegeven` : `API-token “${t.naam}” is uitgegeven`),
      paragraph(h('strong', {}, 'Kopieer het token nu: het wordt maar één keer getoond. '),
        `Wie het token heeft, werkt met de API namens ${orgnaam} als ${rolnaam(t.rol).toLowerCase()}. `
        + 'Bewaar het alleen in het systeem dat het gebruikt. Kwijt? Trek het in en geef een nieuw uit.'),
      h('div', { class: 'utrecht-form-field' },
        h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: 'nieuw-token' }, 'Het token')),
        h('div', { class: 'utrecht-form-field__input' }, veld)),
      h('div', { class: 'utrecht-button-group' }, kopieer), gekopieerd,
      antwoord.toelichting ? paragraph(antwoord.toelichting) : null)));
}

function nieuwFormulier(ctx, organisaties, opnieuw) {
  const perId = new Map(organisaties.map((o) => [String(o.id), o]));
  const gekozen = ctx.query.get('organisatie');
  const org = keuze({
    pointer: '/organisatie_id',
    label: 'Organisatie',
    opties: organisatieOpties(organisaties, ORGANISATIESOORTEN),
    waarde: perId.has(gekozen) ? gekozen : '',
  });
  const rol = keuze({ pointer: '/rol', label: 'Rol', omschrijving: 'Eén rol die bij de organisatie past; nooit beheerder.', opties: [] });
  function pasRollenAan() {
    const o = perId.get(org.input.value);
    const passend = (o ? o.toegestane_rollen || [] : []).filter((r) => r !== 'beheerder');
    rol.zetOpties(passend.length
      ? passend.map((r) => ({ waarde: r, tekst: rolnaam(r) }))
      : [{ waarde: '', tekst: 'Kies eerst een organisatie' }]);
  }
  org.input.addEventListener('change', pasRollenAan);
  pasRollenAan();
  const naam = tekstveld({
    pointer: '/naam', label: 'Naam van het token',
    omschrijving: 'Waarvoor het token dient, bijvoorbeeld het systeem dat het gebruikt.',
  });
  const velden = [org, rol, naam];
  const submit = button('API-token uitgeven', { type: 'submit' });
  const status = statusregio();
  const form = h('form', { class: 'utrecht-form formulier', novalidate: true, 'aria-labelledby': 'kop-nieuw-token-formulier' },
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
        const antwoord = await api.post('/apitokens', {
          organisatie_id: Number(org.input.value) || 0,
          rol: rol.input.value,
          naam: naam.input.value.trim(),
        }, { signal: ctx.signal });
        const o = perId.get(String(antwoord.apitoken.organisatie_id));
        const melding = antwoord.token
          ? eenmaligToken(antwoord, o?.naam || `organisatie ${antwoord.apitoken.organisatie_id}`)
          : okMelding(h('strong', {}, `API-token “${antwoord.apitoken.naam}” is aangevraagd. `),
            `Een token als ${rolnaam(antwoord.apitoken.rol).toLowerCase()} geeft toegang waar geld beweegt; `
            + 'een andere beheerder keurt het goed en ziet het token dan één keer (vier ogen).');
        status.zet(melding);
        form.reset();
        pasRollenAan();
        melding.focus();
        await opnieuw();
      } catch (fout) {
        if (fout.geannuleerd) return;
        f.toonFouten(perVeld(fout, velden), { kop: 'Het API-token is niet uitgegeven' });
      }
    });
  });

  return h('section', { 'aria-labelledby': 'kop-nieuw-token-formulier' },
    heading(2, 'API-token uitgeven', { id: 'kop-nieuw-token-formulier', 'data-focus-eerst': perId.has(gekozen) ? '' : null }),
    paragraph('Een API-token is voor systeem-tot-systeemverkeer, bijvoorbeeld de backoffice van een zorgverzekeraar. '
      + 'Het hoort bij één organisatie en één rol. Elk gebruik wordt vastgelegd in het auditlog. '
      + 'Voor een rol waarin geld beweegt (aanvrager, beoordelaar, bestuur, NZa, gemeente, Zorginstituut) is het een aanvraag: '
      + 'een andere beheerder keurt die goed en ziet het token (vier ogen).'),
    status.element,
    form);
}

export async function toon(ctx) {
  const { na, limiet } = pagineringUitAdres(ctx.query);
  const laad = () => api.get('/apitokens', { query: { na, limiet }, signal: ctx.signal });
  const [pagina, organisaties] = await Promise.all([
    laad(),
    allePaginas('/organisaties', 'organisaties', { signal: ctx.signal }),
  ]);
  const orgs = new Map(organisaties.map((o) => [o.id, o]));
  const beheerder = ctx.sessie?.gebruiker?.rollen?.includes('beheerder');
  const houder = h('div', {});
  const lijstStatus = statusregio();
  function toonFout(tekst) {
    const melding = h('div', { class: 'utrecht-alert utrecht-alert--error', tabindex: '-1' },
      h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' }, paragraph(tekst))));
    lijstStatus.zet(melding);
    melding.focus();
  }

  async function intrekken(token, orgnaam) {
    const ja = await bevestig({
      kop: `API-token “${token.naam}” intrekken?`,
      tekst: `Het token van ${orgnaam} (begint met ${token.prefix}) werkt daarna direct en voorgoed niet meer. `
        + 'Systemen die het gebruiken, krijgen geen toegang meer. Dit kan niet ongedaan worden gemaakt.',
      ja: 'Ja, intrekken',
    });
    if (!ja) return;
    try {
      await api.delete(`/apitokens/${token.id}`, { signal: ctx.signal });
      await vul();
      const melding = okMelding(`API-token “${token.naam}” van ${orgnaam} is ingetrokken.`);
      lijstStatus.zet(melding);
      melding.focus();
    } catch (fout) {
      if (fout.geannuleerd) return;
      toonFout(`Intrekken is niet gelukt: ${fout.message}`);
    }
  }

  async function goedkeuren(token, orgnaam) {
    const ja = await bevestig({
      kop: `API-token “${token.naam}” goedkeuren?`,
      tekst: `Een andere beheerder vroeg dit token aan voor ${orgnaam} als ${rolnaam(token.rol).toLowerCase()}. `
        + 'Keur het alleen goed als u weet dat die organisatie het voor dit doel nodig heeft. U ziet het token daarna één keer.',
      ja: 'Ja, goedkeuren',
    });
    if (!ja) return;
    try {
      const antwoord = await api.post(`/apitokens/${token.id}/goedkeuringen`, {}, { signal: ctx.signal });
      await vul();
      const melding = eenmaligToken(antwoord, orgnaam);
      lijstStatus.zet(melding);
      melding.focus();
    } catch (fout) {
      if (fout.geannuleerd) return;
      toonFout(`Goedkeuren is niet gelukt: ${foutTekst(fout)}`);
    }
  }

  async function vul(p = null) {
    const data = p || await laad();
    replaceChildren(houder,
      tokentabel(data.apitokens, orgs, beheerder ? intrekken : null, goedkeuren, `gebruiker:${ctx.sessie?.gebruiker?.id}`),
      paginering('/apitokens', { na, volgendeNa: data.volgende_na, limiet }));
  }
  await vul(pagina);

  return [
    heading(1, 'API-tokens'),
    downloadBalk({ pad: '/apitokens', naam: 'api-tokens', omschrijving: 'de API-tokens', signal: ctx.signal }),
    paragraph(beheerder
      ? 'De tokens waarmee systemen van organisaties de API gebruiken. Het token zelf wordt nergens bewaard; u ziet alleen het begin.'
      : 'De tokens waarmee systemen van organisaties de API gebruiken. U kunt ze inzien, maar niet uitgeven of intrekken.'),
    beheerder ? paragraph(link('#kop-nieuw-token-formulier', 'Naar het formulier om een API-token uit te geven')) : null,
    h('section', { 'aria-labelledby': 'kop-tokens' },
      heading(2, na ? 'API-tokens (vervolg)' : 'Alle API-tokens', { id: 'kop-tokens' }),
      lijstStatus.element,
      houder),
    beheerder ? nieuwFormulier(ctx, organisaties, () => vul()) : null,
  ];
}
