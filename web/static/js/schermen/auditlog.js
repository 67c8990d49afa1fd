// SPDX-License-Identifier: EUPL-1.2
//
// Auditlog (docs/toegang.md "Audit records"): for the auditor and the
// administrator. Every write of doorbraak left one record in a hash chain;
// this screen reads them newest first, filtered by who, what and on what,
// and has the whole chain recomputed ("Keten controleren"), with the
// result shown: intact over how many records, or the first broken link.

import { api } from '../api.js';
import { alert, badge, h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { downloadBalk } from '../export.js';
import { bezig, keuzeveld, tekstveld } from '../formulier.js';
import { datumTijd, getal } from '../opmaak.js';
import { navigate } from '../router.js';

const FILTERS = ['actor', 'actie', 'object', 'resultaat'];
const RESULTAAT = { gelukt: ['gelukt', 'success'], geweigerd: ['geweigerd', 'warning'], mislukt: ['mislukt', 'danger'] };

/** The query of this screen's address, only the filters that are set. */
function zoekvraag(waarden) {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (waarden[k]) q.set(k, waarden[k]);
  return q.toString();
}

/** The detail of a record as one short text. */
function detailTekst(d) {
  if (d === null || d === undefined) return '';
  return typeof d === 'string' ? d : JSON.stringify(d);
}

export async function toon(ctx) {
  const gezocht = Object.fromEntries(FILTERS.map((k) => [k, ctx.query?.get?.(k) || '']));
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const houder = h('div', {});
  const meerHouder = h('div', { class: 'utrecht-button-group niet-printen' });
  const uitkomst = h('div', { role: 'status' });
  let d = null;

  async function laad(meer = false) {
    const r = await api.get('/auditrecords', { query: { ...Object.fromEntries(FILTERS.map((k) => [k, gezocht[k] || null])),
      na: meer ? d.volgende_na : null }, signal: ctx.signal });
    d = meer ? { ...r, auditrecords: d.auditrecords.concat(r.auditrecords) } : r;
  }

  function teken() {
    replaceChildren(houder, d.auditrecords.length ? table({
      caption: 'Records van het auditlog, nieuwste eerst',
      columns: [
        { kop: 'Nr.', waarde: (r) => getal(r.volgnummer), getal: true },
        { kop: 'Tijdstip', waarde: (r) => datumTijd(r.tijdstip) },
        { kop: 'Wie', waarde: (r) => [r.actor_naam || r.actor, r.actor_naam ? h('span', { class: 'bron' }, ` (${r.actor})`) : null] },
        { kop: 'Actie', waarde: (r) => h('code', {}, r.actie) },
        { kop: 'Object', waarde: (r) => (r.object ? h('code', {}, r.object) : '-') },
        { kop: 'Resultaat', waarde: (r) => badge(...(RESULTAAT[r.resultaat] || [r.resultaat, 'neutral'])) },
        { kop: 'Toelichting', waarde: (r) => h('span', { class: 'detail' }, detailTekst(r.detail)) },
      ],
      rows: d.auditrecords,
    }) : paragraph('Geen records die aan de zoekvraag voldoen.'));
    replaceChildren(meerHouder, d.volgende_na === null ? null : h('button', {
      class: 'utrecht-button utrecht-button--secondary-action', type: 'button',
      onClick: async () => { await laad(true); teken(); melding.textContent = `${d.auditrecords.length} records getoond.`; melding.focus(); },
    }, 'Oudere records laden'));
  }

  async function controleer(knop) {
    await bezig(knop, async () => {
      const v = await api.get('/auditrecords/verificatie', { signal: ctx.signal });
      replaceChildren(uitkomst, v.intact
        ? alert('ok', paragraph(`De keten is intact: ${getal(v.records)} records nagerekend op ${datumTijd(v.gecontroleerd_op)}.`),
          { heading: 'Intact' })
        : alert('error', paragraph(`De keten is gebroken bij record ${getal(v.gebroken_bij)}: ${v.reden} `
          + `(${getal(v.records)} records nagerekend op ${datumTijd(v.gecontroleerd_op)}). `
          + 'Een record is buiten doorbraak om gewijzigd of verwijderd; meld dit bij de beveiligingsfunctionaris.'),
        { heading: 'Gebroken' }));
    });
  }

  await laad();
  teken();
  const velden = {
    actor: tekstveld({ pointer: '/actor', label: 'Wie (niet verplicht)', waarde: gezocht.actor,
      omschrijving: 'Heel, zoals in de kolom tussen haakjes: gebruiker:12, cli of systeem.' }),
    actie: tekstveld({ pointer: '/actie', label: 'Actie (niet verplicht)', waarde: gezocht.actie,
      omschrijving: 'Heel of het begin tot een punt: beschikking vindt beschikking.neem.' }),
    object: tekstveld({ pointer: '/object', label: 'Object (niet verplicht)', waarde: gezocht.object,
      omschrijving: 'Heel of het begin tot een schuine streep: beschikking vindt beschikking/7.' }),
    resultaat: keuzeveld({ pointer: '/resultaat', label: 'Resultaat', waarde: gezocht.resultaat, opties: [
      { waarde: '', tekst: 'Alle' }, { waarde: 'gelukt', tekst: 'Gelukt' }, { waarde: 'geweigerd', tekst: 'Geweigerd' },
      { waarde: 'mislukt', tekst: 'Mislukt' }] }),
  };
  const controleKnop = h('button', { class: 'utrecht-button utrecht-button--primary-action', type: 'button',
    onClick: (ev) => controleer(ev.currentTarget) }, 'Keten controleren');
  const q = zoekvraag(gezocht);
  return [
    heading(1, 'Auditlog'),
    paragraph('Elke wijziging in doorbraak, en elke weigering, staat hier als één record, vastgelegd in dezelfde transactie als de '
      + 'wijziging zelf. Elk record draagt de hash van het vorige: wie een record buiten doorbraak om wijzigt of verwijdert, breekt '
      + 'de keten. Lezen verandert niets.'),
    h('section', { class: 'niet-printen', 'aria-labelledby': 'auditlog-keten' },
      heading(2, 'De keten controleren', { id: 'auditlog-keten' }),
      paragraph('Rekent alle records opnieuw na, net als doorbraak audit verify op de opdrachtregel.'),
      h('div', { class: 'utrecht-button-group' }, controleKnop), uitkomst),
    h('form', { class: 'utrecht-form niet-printen', novalidate: true, 'aria-labelledby': 'auditlog-zoek',
      onSubmit: (ev) => { ev.preventDefault(); navigate(`/auditlog?${zoekvraag(Object.fromEntries(FILTERS.map((k) => [k, velden[k].input.value.trim()])))}`); } },
    heading(2, 'Zoeken', { id: 'auditlog-zoek' }),
    FILTERS.map((k) => velden[k].element),
    h('div', { class: 'utrecht-button-group' },
      h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'submit' }, 'Zoeken'))),
    melding,
    downloadBalk({ pad: `/auditrecords${q ? `?${q}` : ''}`, naam: 'auditlog', omschrijving: 'de gevonden records', signal: ctx.signal }),
    houder,
    meerHouder,
  ];
}
