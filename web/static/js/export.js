// SPDX-License-Identifier: EUPL-1.2
//
// export.js -- every list as a download (docs/monitoring.md §6): two
// buttons, CSV and Excel, above a table. The server makes the file from the
// same list with the same access rules (?formaat=csv|xlsx on the list's own
// address, every page); the client streams it with a progress bar (the
// answer has its length) and saves it under the server's file name.

import { download } from './api.js';
import { button, h } from './dom.js';

const TYPES = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The download bar for the list at `pad` (an API path, query allowed),
 * saved as `naam`.csv / `naam`.xlsx. `omschrijving` names the list for
 * screen readers ("Download de beschikkingen als CSV").
 */
export function downloadBalk({ pad, naam, omschrijving, signal = null }) {
  const voortgang = h('progress', { class: 'downloadbalk__voortgang', max: '100', value: '0', hidden: true,
    'aria-label': `Voortgang van de download: ${omschrijving}` });
  const status = h('p', { class: 'utrecht-paragraph downloadbalk__status', role: 'status' });
  async function haal(formaat, knop) {
    knop.disabled = true;
    voortgang.hidden = false;
    voortgang.removeAttribute('value');
    status.textContent = `Bezig met downloaden (${formaat === 'xlsx' ? 'Excel' : 'CSV'})…`;
    try {
      const blob = await download(`${pad}${pad.includes('?') ? '&' : '?'}formaat=${formaat}`, {
        accept: TYPES[formaat], type: TYPES[formaat], signal,
        opVoortgang: (n, totaal) => {
          if (totaal > 0) {
            voortgang.max = totaal;
            voortgang.value = n;
          }
        },
      });
      const a = h('a', { href: URL.createObjectURL(blob), download: `${naam}.${formaat}` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      status.textContent = `Gedownload: ${omschrijving} als ${formaat === 'xlsx' ? 'Excel' : 'CSV'} (${Math.ceil(blob.size / 1024)} kB).`;
    } catch (fout) {
      if (!fout.geannuleerd) status.textContent = `Downloaden is niet gelukt: ${fout.message}`;
    } finally {
      knop.disabled = false;
      voortgang.hidden = true;
    }
  }
  const csv = button('Download CSV', { kind: 'secondary', 'aria-label': `Download ${omschrijving} als CSV`,
    onClick: () => haal('csv', csv) });
  const xlsx = button('Download Excel', { kind: 'secondary', 'aria-label': `Download ${omschrijving} als Excel (XLSX)`,
    onClick: () => haal('xlsx', xlsx) });
  return h('div', { class: 'downloadbalk' }, h('div', { class: 'downloadbalk__knoppen' }, csv, xlsx), voortgang, status);
}
