// SPDX-License-Identifier: EUPL-1.2
//
// Voortgang sociaal domein (docs/sociaal-domein.md §6): the overview for
// the twice-yearly meeting of VNG's Bestuurlijk Netwerk Gezond Leven, ZN and
// VWS -- per region the newest report of a half year with its bottlenecks,
// nationally per basisfunctionaliteit the regions per state and the
// spending (GET /voortgangsoverzicht), as CSV or XLSX (GET .../export). The
// mandaatgemeente reports for its region (POST /voortgangsrapportages); a
// second report on the same half year is its next version.

import { api, download } from '../api.js';
import { button, h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { bezig, formKader, keuzeveld, metBron, tekstveld, tekstvak } from '../formulier.js';
import { centenUitTekst, euro } from '../opmaak.js';
import { navigate } from '../router.js';
import { VOORTGANG, basisfunctionaliteiten, bfNaam, eigenGemeente, halfjaar } from '../sociaal.js';

const PERIODES = ['2027-1', '2027-2', '2028-1', '2028-2', '2029-1', '2029-2'];

export async function toon(ctx) {
  const gevraagd = ctx.query.get('periode');
  const [o, bfs, gemeente, regioData] = await Promise.all([
    api.get('/voortgangsoverzicht', { query: gevraagd ? { periode: gevraagd } : null, signal: ctx.signal }),
    basisfunctionaliteiten(ctx.signal),
    eigenGemeente(ctx.signal),
    api.get('/regios', { signal: ctx.signal }),
  ]);
  const mijnRegio = gemeente ? regioData.regios.find((r) => r.mandaatgemeente.cbs_code === gemeente.cbs_code) : null;
  const periode = o.periode || gevraagd || PERIODES[0];
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const stapHouder = h('div', {});
  const keuze = keuzeveld({ pointer: '/periode', label: 'Halfjaar', waarde: periode, opties: PERIODES.map((p) => ({ waarde: p, tekst: halfjaar(p) })) });
  const toonKnop = button('Toon dit halfjaar', { kind: 'secondary', onClick: () => navigate(`/voortgang?periode=${keuze.input.value}`) });

  async function exporteer(formaat, knop) {
    await bezig(knop, async () => {
      try {
        const xlsx = formaat === 'xlsx';
        const blob = await download(`/voortgangsoverzicht/export?periode=${periode}${xlsx ? '&formaat=xlsx' : ''}`, {
          accept: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
          type: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8',
          signal: ctx.signal,
          opVoortgang: (n) => { melding.textContent = `Bezig met downloaden: ${Math.ceil(n / 1024)} kB.`; },
        });
        const a = h('a', { href: URL.createObjectURL(blob), download: `voortgang-${periode}.${formaat}` });
        document.body.append(a);
        a.click();
        a.remove();
        melding.textContent = `Voortgang van ${halfjaar(periode)} gedownload als ${formaat.toUpperCase()}.`;
      } catch (fout) {
        if (!fout.geannuleerd) melding.textContent = `Downloaden is niet gelukt: ${fout.message}`;
      }
    });
  }

  function rapporteer() {
    const p = keuzeveld({ pointer: '/periode', label: 'Halfjaar', waarde: periode, opties: PERIODES.map((x) => ({ waarde: x, tekst: halfjaar(x) })) });
    const status = bfs.map((b, i) => keuzeveld({ pointer: `/basisfunctionaliteiten/${i}/status`, label: `${b.naam}: stand`,
      opties: ['niet_gestart', 'in_voorbereiding', 'in_uitvoering', 'gerealiseerd'].map((k) => ({ waarde: k, tekst: VOORTGANG[k] })) }));
    const besteed = bfs.map((b, i) => tekstveld({ pointer: `/basisfunctionaliteiten/${i}/besteed_cent`, label: `${b.naam}: besteed in euro (niet verplicht)`, inputmode: 'decimal' }));
    const knel = tekstvak({ pointer: '/knelpunten', label: 'Knelpunten', rijen: 3 });
    formKader({
      houder: stapHouder, titel: `Voortgang rapporteren voor ${mijnRegio.naam}`,
      velden: [p, ...bfs.flatMap((b, i) => [status[i], besteed[i]]), knel], knopTekst: 'Rapportage indienen',
      annuleer: () => replaceChildren(stapHouder),
      alsFout: (f) => (f.eigen ? f : metBron(f)),
      verstuur: async () => {
        const velden = {};
        const regels = bfs.map((b, i) => {
          const t = besteed[i].input.value.trim();
          const c = t ? centenUitTekst(t) : 0n;
          if (c === null) (velden[besteed[i].pointer] ||= []).push('Een bedrag in euro, bijvoorbeeld 125.000.');
          return { id: b.id, status: status[i].input.value, besteed_cent: Number(c || 0n) };
        });
        if (Object.keys(velden).length) throw { message: 'Niet elk bedrag is een bedrag in euro.', velden, algemeen: [], eigen: true };
        const r = await api.post('/voortgangsrapportages', { regio: mijnRegio.code, periode: p.input.value, basisfunctionaliteiten: regels,
          knelpunten: knel.input.value }, { signal: ctx.signal });
        await navigate(`/voortgang?periode=${r.periode}`);
      },
    });
  }

  const csv = button('Downloaden als CSV', { kind: 'secondary', onClick: () => exporteer('csv', csv) });
  const xlsx = button('Downloaden als Excel (XLSX)', { kind: 'secondary', onClick: () => exporteer('xlsx', xlsx) });
  return [
    heading(1, 'Voortgang sociaal domein'),
    paragraph('Twee keer per jaar bespreken het Bestuurlijk Netwerk Gezond Leven van de VNG, het bestuur van ZN en VWS de voortgang en '
      + 'de knelpunten per regio [001 "Transformeren op het snijvlak"].'),
    h('div', { class: 'filterbalk' }, keuze.element, toonKnop),
    paragraph(o.periode ? `${halfjaar(o.periode)}: ${o.regios_ingediend} van de ${o.regios.length} regio's rapporteerden; samen besteed ${euro(o.besteed_cent)}.`
      : 'Er zijn nog geen voortgangsrapportages.'),
    mijnRegio ? button(`Voortgang rapporteren voor ${mijnRegio.naam}`, { onClick: rapporteer }) : null,
    stapHouder,
    melding,
    heading(2, 'Landelijk'),
    table({
      caption: `Regio's per stand en besteding, per basisfunctionaliteit`,
      columns: [
        { kop: 'Basisfunctionaliteit', waarde: (b) => b.naam },
        ...['niet_gestart', 'in_voorbereiding', 'in_uitvoering', 'gerealiseerd'].map((k) => ({ kop: VOORTGANG[k], getal: true, waarde: (b) => String(b.regios_per_status[k]) })),
        { kop: 'Besteed', getal: true, waarde: (b) => euro(b.besteed_cent) },
      ],
      rows: o.landelijk,
    }),
    heading(2, 'Per regio'),
    table({
      caption: 'De rapportage per regio',
      columns: [
        { kop: 'Regio', waarde: (r) => `${r.naam} (${r.regio})` },
        { kop: 'Stand per basisfunctionaliteit', waarde: (r) => (r.ingediend ? r.basisfunctionaliteiten.map((b) => `${bfNaam(bfs, b.id)}: ${VOORTGANG[b.status]}`).join('; ') : VOORTGANG.niet_ingediend) },
        { kop: 'Besteed', getal: true, waarde: (r) => (r.ingediend ? euro(r.besteed_cent) : '') },
        { kop: 'Knelpunten', waarde: (r) => r.knelpunten || '' },
      ],
      rows: o.regios,
    }),
    h('div', { class: 'utrecht-button-group' }, csv, xlsx),
  ];
}
