// SPDX-License-Identifier: EUPL-1.2
//
// Vereveningen: the Zorginstituut's settlement in risk equalisation
// (nacalculatie) per insurer per year (GET /vereveningen,
// docs/verantwoording.md §7).
//
// The Zorginstituut settles a judged statement: exactly what NZa
// recognised, once (POST /vereveningen). Everyone who may read them sees
// the settlements, opens each as a document (HTML, PDF) and downloads the
// list as CSV or as a spreadsheet (XLSX). NZa, the auditor, the board and
// the programme office read; an insurer its own.

import { api, download } from '../api.js';
import { downloadBalk } from '../export.js';
import { button, h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { bezig } from '../formulier.js';
import { datumTijd, euro } from '../opmaak.js';

const LINK = 'utrecht-link utrecht-link--html-a';

export async function toon(ctx) {
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const isZi = rollen.includes('zorginstituut');
  let vereveningen = [];
  let staten = [];
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const openHouder = h('div', {});
  const lijstHouder = h('div', {});
  const downloadMelding = h('p', { class: 'utrecht-paragraph', role: 'status' });

  async function laad() {
    [vereveningen, staten] = await Promise.all([
      api.get('/vereveningen', { signal: ctx.signal }).then((r) => r.vereveningen),
      api.get('/jaarstaten', { signal: ctx.signal }).then((r) => r.jaarstaten),
    ]);
  }

  async function verevenen(s, knop) {
    await bezig(knop, async () => {
      try {
        const r = await api.post('/vereveningen', { verzekeraar_id: s.verzekeraar_id, jaar: s.jaar }, { signal: ctx.signal });
        await laad();
        teken();
        melding.textContent = `Verevend: ${r.verzekeraar || s.verzekeraar_naam} over ${r.jaar}, ${euro(r.bedrag_cent)}.`;
      } catch (fout) {
        if (fout.geannuleerd) return;
        melding.textContent = `Niet verevend: ${fout.message} ${(fout.fouten || []).map((f) => `${f.melding} ${f.bron || ''}`).join(' ')}`;
      }
      melding.focus();
    });
  }

  async function exporteer(formaat, knop) {
    await bezig(knop, async () => {
      try {
        const xlsx = formaat === 'xlsx';
        const blob = await download(`/vereveningen/export${xlsx ? '?formaat=xlsx' : ''}`, {
          accept: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
          type: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8',
          signal: ctx.signal,
          opVoortgang: (n) => { downloadMelding.textContent = `Bezig met downloaden: ${Math.ceil(n / 1024)} kB.`; },
        });
        const a = h('a', { href: URL.createObjectURL(blob), download: `vereveningen.${formaat}` });
        document.body.append(a);
        a.click();
        a.remove();
        downloadMelding.textContent = `Vereveningen gedownload als ${formaat.toUpperCase()}.`;
      } catch (fout) {
        if (!fout.geannuleerd) downloadMelding.textContent = `Downloaden is niet gelukt: ${fout.message}`;
      }
    });
  }

  function teken() {
    const verevend = new Set(vereveningen.map((v) => `${v.verzekeraar_id}/${v.jaar}`));
    const open = staten.filter((s) => s.rechtsoordeel && !verevend.has(`${s.verzekeraar_id}/${s.jaar}`));
    replaceChildren(openHouder, isZi ? [
      heading(2, 'Te verevenen'),
      open.length ? table({
        caption: 'Geoordeelde jaarstaten die nog niet zijn verevend',
        columns: [
          { kop: 'Zorgverzekeraar', waarde: (s) => s.verzekeraar_naam || String(s.verzekeraar_id) },
          { kop: 'Jaar', waarde: (s) => String(s.jaar) },
          { kop: 'Erkend door de NZa', getal: true, waarde: (s) => euro(s.rechtsoordeel.erkend_cent) },
          {
            kop: 'Actie',
            waarde: (s) => {
              const k = button(`${s.verzekeraar_naam || s.verzekeraar_id} ${s.jaar} verevenen`, { kind: 'secondary', onClick: () => verevenen(s, k) });
              return k;
            },
          },
        ],
        rows: open,
      }) : paragraph('Er is niets te verevenen: elke geoordeelde jaarstaat is verevend.'),
    ] : null);
    replaceChildren(lijstHouder,
      heading(2, 'Verevend'),
      vereveningen.length ? table({
        caption: 'Vereveningen per zorgverzekeraar en jaar',
        columns: [
          { kop: 'Zorgverzekeraar', waarde: (v) => `${v.verzekeraar} (${v.uzovi_code})` },
          { kop: 'Jaar', waarde: (v) => String(v.jaar) },
          { kop: 'Nagecalculeerd', getal: true, waarde: (v) => euro(v.bedrag_cent) },
          { kop: 'Verevend op', waarde: (v) => datumTijd(v.verevend_op) },
          {
            kop: 'Document',
            waarde: (v) => [h('a', { class: LINK, href: `/api/v1/vereveningen/${v.id}/document` }, `Nacalculatie ${v.jaar} (HTML)`), ' · ',
              h('a', { class: LINK, href: `/api/v1/vereveningen/${v.id}/document.pdf`, download: '' }, 'PDF')],
          },
        ],
        rows: vereveningen,
      }) : paragraph('Er zijn (nog) geen vereveningen die u kunt inzien.'));
  }

  await laad();
  teken();
  const csv = button('Downloaden als CSV', { kind: 'secondary', onClick: () => exporteer('csv', csv) });
  const xlsx = button('Downloaden als Excel (XLSX)', { kind: 'secondary', onClick: () => exporteer('xlsx', xlsx) });
  return [
    heading(1, 'Vereveningen'),
    downloadBalk({ pad: '/vereveningen', naam: 'vereveningen', omschrijving: 'de vereveningen', signal: ctx.signal }),
    paragraph('Het Zorginstituut neemt precies wat de NZa plausibel oordeelde op als vaste kosten in de nacalculatie van de '
      + 'risicoverevening; de zorgverzekeraar loopt geen risico en het macrobeheersinstrument is niet van toepassing [001 §4], [001 §6].'),
    melding,
    openHouder,
    lijstHouder,
    h('div', { class: 'utrecht-button-group' }, csv, xlsx),
    downloadMelding,
  ];
}
