// SPDX-License-Identifier: EUPL-1.2
//
// Eén werkagenda (GET /werkagendas/{id}; docs/sociaal-domein.md §4): per
// basisfunctionaliteit what the region does, the deviations from the
// regioscan with their motivation and source, who signed and who still has
// to, and the assessments of VNG and ZN. The step that is the visitor's:
// the mandaatgemeente changes its concept (PUT) and offers it for signing;
// a municipality of the region signs with its collegebesluit; an assessor
// of a municipality (for the VNG) or an insurer (for ZN) assesses it
// against the board's framework.

import { api } from '../api.js';
import { badge, button, dataList, h, heading, paragraph, replaceChildren, table, unorderedList } from '../dom.js';
import { bezig, formKader, keuzerondjes, metBron, tekstveld, tekstvak, vinkje } from '../formulier.js';
import { datum, datumTijd, euro } from '../opmaak.js';
import { AGENDASTATUS, BEOORDELING, basisfunctionaliteiten, bfNaam, eigenGemeente } from '../sociaal.js';
import { agendaVelden } from './werkagenda-formulier.js';

const fte = (m) => (m === undefined ? '' : `${String(m / 1000).replace('.', ',')} fte`);

export async function toon(ctx) {
  const id = ctx.params.id;
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const [bfs, gemeente] = await Promise.all([basisfunctionaliteiten(ctx.signal), eigenGemeente(ctx.signal)]);
  let a = await api.get(`/werkagendas/${id}`, { signal: ctx.signal });
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const stapHouder = h('div', {});
  const inhoud = h('div', {});

  const regioLeden = () => [...a.ondertekeningen.map((o) => o.cbs_code), ...a.nog_te_ondertekenen.map((o) => o.cbs_code)];
  const isMandaat = () => gemeente && a.mandaatgemeente.cbs_code === gemeente.cbs_code;
  const inRegio = () => gemeente && regioLeden().includes(gemeente.cbs_code);

  async function herlaad(tekst) {
    a = await api.get(`/werkagendas/${id}`, { signal: ctx.signal });
    teken();
    replaceChildren(stapHouder);
    melding.textContent = tekst;
    melding.focus();
  }

  function wijzig() {
    const advies = new Map(a.afwijkingen.map((w) => [/\[(.*)\]/.exec(w.element)?.[1], w.norm.includes('niet versnellen') ? 'niet_versnellen' : 'versnellen']));
    const v = agendaVelden({ bfs, doc: a.document, advies, regio: a.regio });
    formKader({
      houder: stapHouder, titel: 'Concept wijzigen', velden: v.velden, extra: v.inhoud, knopTekst: 'Concept opslaan',
      alsFout: (f) => (f.eigen ? f : metBron(f)),
      annuleer: () => replaceChildren(stapHouder),
      verstuur: async () => {
        await api.put(`/werkagendas/${id}`, v.document(), { signal: ctx.signal });
        await herlaad('Het concept is opgeslagen.');
      },
    });
  }

  async function indienen(knop) {
    await bezig(knop, async () => {
      try {
        await api.post(`/werkagendas/${id}/indiening`, {}, { signal: ctx.signal });
        await herlaad('De werkagenda ligt ter ondertekening bij alle gemeenten van de regio.');
      } catch (fout) {
        if (fout.geannuleerd) return;
        melding.textContent = `Niet aangeboden: ${fout.message} ${(fout.fouten || []).map((f) => `${f.melding} ${f.bron || ''}`).join(' ')}`;
        melding.focus();
      }
    });
  }

  function ondertekenen() {
    const d = tekstveld({ pointer: '/besluitdatum', label: 'Datum van het collegebesluit', type: 'date' });
    const k = tekstveld({ pointer: '/kenmerk', label: 'Kenmerk van het collegebesluit' });
    const bestand = tekstveld({ pointer: '/bijlage_id', label: 'Het collegebesluit als bestand (niet verplicht)', type: 'file',
      omschrijving: 'PDF, PNG of JPEG.' });
    formKader({
      houder: stapHouder, titel: `Ondertekenen namens ${gemeente.naam}`, velden: [d, k, bestand], knopTekst: 'Ondertekenen',
      extra: paragraph('Het college van burgemeester en wethouders ondertekent de regionale werkagenda bestuurlijk [001 "Transformeren op het snijvlak"].'),
      annuleer: () => replaceChildren(stapHouder),
      verstuur: async () => {
        const body = { besluitdatum: d.input.value, kenmerk: k.input.value };
        const file = bestand.input.files?.[0];
        if (file) {
          const b = await api.upload(`/werkagendas/${id}/bijlagen`, file, { query: { naam: file.name }, signal: ctx.signal });
          body.bijlage_id = b.id;
        }
        const r = await api.post(`/werkagendas/${id}/ondertekeningen`, body, { signal: ctx.signal });
        await herlaad(r.status === 'definitief' ? 'Ondertekend. Alle gemeenten hebben getekend: de werkagenda is definitief.' : 'Ondertekend.');
      },
    });
  }

  async function beoordelen() {
    const kader = (await api.get('/beoordelingskaders', { signal: ctx.signal })).versies[0].document;
    const crit = kader.criteria.map((c, i) => keuzerondjes({ pointer: `/criteria/${i}`, label: `${c.naam} ${c.bron}`,
      opties: [{ waarde: 'voldaan', tekst: 'Voldaan' }, { waarde: 'niet_voldaan', tekst: 'Niet voldaan' }] }));
    const oordeel = keuzerondjes({ pointer: '/oordeel', label: 'Oordeel', opties: [{ waarde: 'positief', tekst: 'Positief' }, { waarde: 'negatief', tekst: 'Negatief' }] });
    const mot = tekstvak({ pointer: '/motivering', label: 'Motivering', rijen: 4 });
    const geen = vinkje({ pointer: '/geen_belangenconflict', label: 'Ik heb geen belang bij deze werkagenda (geen belangenconflict).' });
    formKader({
      houder: stapHouder, titel: 'Beoordelen', velden: [...crit, oordeel, mot, geen], knopTekst: 'Beoordeling vastleggen',
      extra: paragraph('VNG en ZN beoordelen de werkagenda als gelijken tegen het kader van het BO IZA/AZWA; positief alleen als aan '
        + 'elk criterium is voldaan; de werkagenda is goedgekeurd als beide positief zijn [003 D5].'),
      annuleer: () => replaceChildren(stapHouder),
      verstuur: async () => {
        const body = { oordeel: oordeel.waarde(), motivering: mot.input.value, geen_belangenconflict: geen.aan(),
          criteria: kader.criteria.map((c, i) => ({ id: c.id, oordeel: crit[i].waarde() })).filter((c) => c.oordeel) };
        const r = await api.post(`/werkagendas/${id}/beoordelingen`, body, { signal: ctx.signal });
        await herlaad(`Beoordeeld. Stand: ${BEOORDELING[r.beoordeling]}.`);
      },
    });
  }

  function acties() {
    const knoppen = [];
    if (a.status === 'concept' && isMandaat()) {
      knoppen.push(button('Concept wijzigen', { kind: 'secondary', onClick: wijzig }));
      const k = button('Ter ondertekening aanbieden', { onClick: () => indienen(k) });
      knoppen.push(k);
    }
    if (a.status === 'ter_ondertekening' && inRegio() && !a.ondertekeningen.some((o) => o.cbs_code === gemeente.cbs_code)) {
      knoppen.push(button(`Ondertekenen namens ${gemeente.naam}`, { onClick: ondertekenen }));
    }
    if (a.status === 'definitief' && rollen.includes('beoordelaar') && !inRegio()) {
      const partij = ctx.sessie.organisatie.soort === 'gemeente' ? 'vng' : 'zn';
      if (!a.beoordelingen.some((b) => b.partij === partij)) {
        knoppen.push(button(`Beoordelen namens ${partij === 'vng' ? 'de VNG' : 'ZN'}`, { onClick: beoordelen }));
      }
    }
    return knoppen.length ? h('div', { class: 'utrecht-button-group' }, knoppen) : null;
  }

  function teken() {
    const doc = a.document;
    replaceChildren(inhoud,
      dataList([
        ['Regio', `${a.regio_naam} (${a.regio})`],
        ['Mandaatgemeente', a.mandaatgemeente.naam],
        ['Versie', String(a.versie)],
        ['Stand', badge(AGENDASTATUS[a.status] || a.status)],
        ['Beoordeling', BEOORDELING[a.beoordeling]],
        ['Begroting', euro(a.begroting_cent)],
        ['Opgesteld', `${datumTijd(a.opgesteld_op)}`],
        a.definitief_op ? ['Definitief sinds', datumTijd(a.definitief_op)] : null,
      ]),
      acties(),
      heading(2, 'Basisfunctionaliteiten'),
      table({
        caption: 'Wat de regio per basisfunctionaliteit doet',
        columns: [
          { kop: 'Basisfunctionaliteit', waarde: (b) => bfNaam(bfs, b.id) },
          { kop: 'Versnellen', waarde: (b) => (b.versnellen ? 'Ja' : 'Nee') },
          { kop: 'Doelen', waarde: (b) => b.doelen || '' },
          { kop: 'Arbeidsbesparing', getal: true, waarde: (b) => fte(b.arbeidsbesparing_fte_milli) },
          { kop: 'Begroting', getal: true, waarde: (b) => (b.begroting || []).map((j) => `${j.jaar}: ${euro(j.bedrag_cent)}`).join(', ') },
        ],
        rows: doc.basisfunctionaliteiten || [],
      }),
      doc.samenwerking ? paragraph(`Samenwerking: ${doc.samenwerking}`) : null,
      heading(2, 'Afwijkingen van de regioscan'),
      a.afwijkingen.length ? unorderedList(a.afwijkingen.map((w) => {
        const bf = bfNaam(bfs, /\[(.*)\]/.exec(w.element)?.[1]);
        const mot = (doc.basisfunctionaliteiten || []).find((b) => `regioscan.advies[${b.id}]` === w.element)?.motivering_afwijking;
        return `${bf}: ${w.norm}, ${w.waarde}. ${w.gemotiveerd ? `Motivering: ${mot}` : 'Nog niet gemotiveerd.'} ${w.bron}`;
      })) : paragraph(a.regioscan_id ? 'De werkagenda volgt het advies van de regioscan.' : 'Er is nog geen regioscan voor deze regio.'),
      heading(2, 'Ondertekening'),
      a.ondertekeningen.length ? table({
        caption: 'Collegebesluiten',
        columns: [
          { kop: 'Gemeente', waarde: (o) => o.naam || o.cbs_code },
          { kop: 'Besluitdatum', waarde: (o) => datum(o.besluitdatum) },
          { kop: 'Kenmerk', waarde: (o) => o.kenmerk },
          { kop: 'Besluit', waarde: (o) => (o.bijlage_id ? h('a', { class: 'utrecht-link utrecht-link--html-a', href: `/api/v1/bijlagen/${o.bijlage_id}` }, `Collegebesluit ${o.naam || o.cbs_code}`) : '') },
        ],
        rows: a.ondertekeningen,
      }) : paragraph('Nog geen gemeente heeft ondertekend.'),
      a.nog_te_ondertekenen.length ? paragraph(`Nog te ondertekenen: ${a.nog_te_ondertekenen.map((o) => o.naam || o.cbs_code).join(', ')}.`) : null,
      heading(2, 'Beoordeling door VNG en ZN'),
      a.beoordelingen.length ? table({
        caption: 'Beoordelingen',
        columns: [
          { kop: 'Partij', waarde: (b) => (b.partij === 'vng' ? 'VNG (gemeenten)' : 'ZN (zorgverzekeraars)') },
          { kop: 'Oordeel', waarde: (b) => (b.oordeel === 'positief' ? 'Positief' : 'Negatief') },
          { kop: 'Motivering', waarde: (b) => b.document?.motivering || '' },
          { kop: 'Op', waarde: (b) => datumTijd(b.beoordeeld_op) },
        ],
        rows: a.beoordelingen,
      }) : paragraph('Nog niet beoordeeld.'));
  }

  teken();
  return [heading(1, `Werkagenda ${a.regio_naam} (versie ${a.versie})`), melding, inhoud, stapHouder];
}
