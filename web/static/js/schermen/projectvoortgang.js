// SPDX-License-Identifier: EUPL-1.2
//
// Voortgang van een project (docs/monitoring.md §2): per quarter the lead
// reports its milestones, the modelplan's KPIs against their targets, the
// realised fte measured with the method the application named, spending,
// risks and steering [004 "Monitoring en bijsturing"]. A second report on a
// quarter is a new version; every version stays readable. The parties and
// the programme's readers see the history.

import { api } from '../api.js';
import { badge, dataList, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { downloadBalk } from '../export.js';
import { formKader, keuzeveld, metBron, tekstveld, tekstvak, vinkje } from '../formulier.js';
import { centenUitTekst, datum, datumTijd, euro, milli } from '../opmaak.js';

const STATUS = { bereikt: 'Bereikt', op_schema: 'Op schema', vertraagd: 'Vertraagd' };

/** "12,5" -> 12500 thousandths; null when it is no number. */
function milliUit(t) {
  const m = /^(\d{1,9})(?:,(\d{1,3}))?$/.exec(t.trim());
  return m ? Number(m[1]) * 1000 + Number((m[2] || '').padEnd(3, '0')) : null;
}

export async function toon(ctx) {
  const id = ctx.params.id;
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  let d = await api.get(`/beschikkingen/${id}/voortgangsrapportages`, { signal: ctx.signal });
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const houder = h('div', {});
  const stapHouder = h('div', {});
  const kpiNaam = Object.fromEntries(d.plan.kpis.map((k) => [k.kpi, k.omschrijving]));

  function rapporteer() {
    const periode = keuzeveld({ pointer: '/periode', label: 'Kwartaal', opties: d.perioden.map((p) => ({ waarde: p.code,
      tekst: `${p.code} (${datum(p.van)} tot en met ${datum(p.tot)}; inleveren uiterlijk ${datum(p.inleveren_voor)})` })) });
    const mijlpalen = d.plan.mijlpalen.map((m, i) => keuzeveld({ pointer: `/mijlpalen/${i}/status`,
      label: `Mijlpaal ${m.id} (streefdatum ${datum(m.streefdatum)})`, opties: Object.entries(STATUS).map(([w, t]) => ({ waarde: w, tekst: t })) }));
    const toelichting = tekstvak({ pointer: '/mijlpalen/0/toelichting', label: 'Toelichting bij vertraagde mijlpalen', rijen: 2 });
    const kpis = d.plan.kpis.map((k, i) => tekstveld({ pointer: `/kpis/${i}/waarde`,
      label: `KPI ${k.kpi}: ${k.omschrijving} (streefdatum ${datum(k.streefdatum)}); gerealiseerde waarde (leeg: nog niet gemeten)` }));
    const fte = tekstveld({ pointer: '/fte_gerealiseerd_milli', label: 'Gerealiseerde arbeidsbesparing in fte (bijvoorbeeld 12,5)',
      inputmode: 'decimal' });
    const gevolgd = vinkje({ pointer: '/meetmethode_gevolgd', label: 'Gemeten volgens de meetmethode van de aanvraag', aan: true });
    const afwijking = tekstvak({ pointer: '/meetmethode_toelichting', label: 'Zo niet: hoe is gemeten en waarom', rijen: 2 });
    const besteed = tekstveld({ pointer: '/besteed_cent', label: 'Besteed tot en met dit kwartaal, in euro', inputmode: 'decimal' });
    const risico = tekstvak({ pointer: '/risicos/0/omschrijving', label: 'Belangrijkste risico (niet verplicht)', rijen: 2 });
    const maatregel = tekstvak({ pointer: '/risicos/0/maatregel', label: 'Maatregel bij dat risico', rijen: 2 });
    const bijsturing = tekstvak({ pointer: '/bijsturing', label: 'Bijsturing (of: geen bijsturing nodig)', rijen: 3 });
    formKader({
      houder: stapHouder, titel: 'Voortgang rapporteren',
      velden: [periode, ...mijlpalen, toelichting, ...kpis, fte, gevolgd, afwijking, besteed, risico, maatregel, bijsturing],
      knopTekst: 'Rapportage indienen',
      extra: paragraph(`Meetmethode van de aanvraag: ${d.plan.meetmethode || '(niet opgegeven)'}. Toegezegd: ${milli(d.plan.fte_toegezegd_milli)} fte bij volledige opschaling.`),
      annuleer: () => replaceChildren(stapHouder),
      alsFout: (f) => (f.eigen ? f : metBron(f)),
      verstuur: async () => {
        const velden = {};
        const fteMilli = milliUit(fte.input.value || '0');
        if (fteMilli === null) velden['/fte_gerealiseerd_milli'] = ['Een aantal fte, bijvoorbeeld 12,5.'];
        const cent = centenUitTekst(besteed.input.value.trim() || '0');
        if (cent === null) velden['/besteed_cent'] = ['Een bedrag in euro, bijvoorbeeld 125.000.'];
        if (Object.keys(velden).length) throw { message: 'Niet elk getal is goed.', velden, algemeen: [], eigen: true };
        const body = {
          periode: periode.input.value,
          mijlpalen: d.plan.mijlpalen.map((m, i) => ({ id: m.id, status: mijlpalen[i].input.value,
            ...(mijlpalen[i].input.value === 'vertraagd' ? { toelichting: toelichting.input.value } : {}) })),
          kpis: d.plan.kpis.map((k, i) => ({ kpi: k.kpi, waarde: kpis[i].input.value })).filter((k) => k.waarde.trim()),
          fte_gerealiseerd_milli: fteMilli,
          meetmethode_gevolgd: gevolgd.aan(),
          ...(gevolgd.aan() ? {} : { meetmethode_toelichting: afwijking.input.value }),
          besteed_cent: Number(cent),
          risicos: risico.input.value.trim() ? [{ omschrijving: risico.input.value, maatregel: maatregel.input.value }] : [],
          bijsturing: bijsturing.input.value,
        };
        const r = await api.post(`/beschikkingen/${id}/voortgangsrapportages`, body, { signal: ctx.signal });
        d = await api.get(`/beschikkingen/${id}/voortgangsrapportages`, { signal: ctx.signal });
        teken();
        replaceChildren(stapHouder);
        melding.textContent = `Ingediend: ${r.periode}, versie ${r.versie}.`;
        melding.focus();
      },
    });
  }

  function teken() {
    replaceChildren(houder,
      d.rapportages.length ? table({
        caption: 'Voortgangsrapportages (elke versie)',
        columns: [
          { kop: 'Kwartaal', waarde: (r) => r.periode },
          { kop: 'Versie', getal: true, waarde: (r) => [String(r.versie), ' ', r.nieuwste ? badge('geldend', 'success') : badge('vervangen')] },
          { kop: 'Fte gerealiseerd', getal: true, waarde: (r) => milli(r.fte_gerealiseerd_milli) },
          { kop: 'Besteed', getal: true, waarde: (r) => euro(r.besteed_cent) },
          { kop: 'Mijlpalen', waarde: (r) => r.mijlpalen.map((m) => `${m.id}: ${STATUS[m.status] || m.status}`).join('; ') },
          { kop: 'KPI\u2019s', waarde: (r) => r.kpis.map((k) => `${k.kpi} (${kpiNaam[k.kpi] || ''}): ${k.waarde}`).join('; ') },
          { kop: 'Bijsturing', waarde: (r) => r.bijsturing },
          { kop: 'Ingediend', waarde: (r) => datumTijd(r.ingediend_op) },
        ],
        rows: d.rapportages,
      }) : paragraph('Nog geen voortgangsrapportages.'));
  }
  teken();
  const lead = rollen.includes('aanvrager') && d.besluit === 'verleend';
  return [
    heading(1, `Voortgang van ${d.kenmerk}`),
    rollen.some((r) => ['aanvrager', 'gemeente', 'beoordelaar', 'nza', 'zorginstituut', 'auditor'].includes(r))
      ? paragraph(link(`/beschikkingen/${id}`, 'Terug naar de beschikking')) : null,
    paragraph('Elk kwartaal rapporteert de penvoerder de mijlpalen, de KPI\u2019s van het modelplan met de gerealiseerde waarde, '
      + 'de gerealiseerde arbeidsbesparing, de besteding, de risico\u2019s en de bijsturing [004 "Monitoring en bijsturing"].'),
    heading(2, 'Plan'),
    dataList([
      ['Toegezegd', `${milli(d.plan.fte_toegezegd_milli)} fte bij volledige opschaling`],
      ['Meetmethode (aanvraag)', d.plan.meetmethode || '(niet opgegeven)'],
    ]),
    table({
      caption: 'KPI\u2019s van het modelplan',
      columns: [{ kop: 'KPI', waarde: (k) => k.kpi }, { kop: 'Mijlpaal', waarde: (k) => k.mijlpaal },
        { kop: 'Streefwaarde', waarde: (k) => k.omschrijving }, { kop: 'Streefdatum', waarde: (k) => datum(k.streefdatum) }],
      rows: d.plan.kpis,
    }),
    heading(2, 'Rapportages'),
    melding,
    lead ? h('div', { class: 'utrecht-button-group niet-printen' }, h('button', { class: 'utrecht-button utrecht-button--primary-action',
      type: 'button', onClick: rapporteer }, 'Voortgang rapporteren')) : null,
    stapHouder,
    downloadBalk({ pad: `/beschikkingen/${id}/voortgangsrapportages`, naam: `voortgang-${d.kenmerk}`,
      omschrijving: 'de voortgangsrapportages', signal: ctx.signal }),
    houder,
  ];
}
