// SPDX-License-Identifier: EUPL-1.2
//
// Toepassingsgebieden (public): the application areas, filtered by theme and
// sector with the API's own filters (GET /toepassingsgebieden?thema=&sector=).
// The filters are in the address (?thema=ai&sector=ggz), so a filtered list
// can be bookmarked and the back button restores the previous filter. The
// result count is announced in a live region; the focus stays on the form.

import { api } from '../api.js';
import * as catalogus from '../catalogus.js';
import { button, dataList, h, heading, link, paragraph, replaceChildren } from '../dom.js';
import { formulier, keuzeveld } from '../formulier.js';
import { opsomming } from '../opmaak.js';

function gebied(t, { themanamen, sectornamen, gebiedsnamen }) {
  const sectoren = opsomming(t.sectoren.map((s) => sectornamen[s] || s));
  return h('article', { class: 'kaart', 'aria-labelledby': `gebied-${t.id}` },
    heading(3, t.naam, { id: `gebied-${t.id}` }),
    dataList([
      ['Thema', themanamen[t.thema_id] || t.thema_id],
      ['Sectoren', t.sectoren_indicatief ? `${sectoren} (indicatief: de bronnen noemen geen sector)` : sectoren],
      t.zorgpaden.length ? ['Zorgpaden (kies er minstens één)', opsomming(t.zorgpaden.map((z) => z.naam))] : null,
      t.onderdeel_van ? ['Onderdeel van', gebiedsnamen[t.onderdeel_van] || t.onderdeel_van] : null,
      t.aanschaf_hulpmiddelen_uitgesloten
        ? ['Hulpmiddelen', 'De aanschaf van hulpmiddelen zelf kan niet uit de doorbraakmiddelen worden betaald.'] : null,
      ['Wat is het?', t.wat_is],
      ['Wat levert het op?', t.opbrengst],
    ]),
    paragraph(link(`/modelplannen/mp-${encodeURIComponent(t.id)}`, `Modelplan ${t.naam}`)));
}

export async function toon(ctx) {
  const [{ themas, catalogusversie }, alle] = await Promise.all([catalogus.themas(), catalogus.toepassingsgebieden()]);
  const sectornamen = await catalogus.sectornamen(catalogusversie);
  const themanamen = Object.fromEntries(themas.map((t) => [t.id, t.naam]));
  const gebiedsnamen = Object.fromEntries(alle.toepassingsgebieden.map((t) => [t.id, t.naam]));
  const namen = { themanamen, sectornamen, gebiedsnamen };

  const thema = keuzeveld({
    pointer: 'thema',
    label: 'Thema',
    waarde: ctx.query.get('thema') || '',
    opties: [{ waarde: '', tekst: 'Alle thema’s' }, ...themas.map((t) => ({ waarde: t.id, tekst: t.naam }))],
  });
  const sector = keuzeveld({
    pointer: 'sector',
    label: 'Sector',
    waarde: ctx.query.get('sector') || '',
    opties: [{ waarde: '', tekst: 'Alle sectoren' },
      ...Object.entries(sectornamen).map(([id, naam]) => ({ waarde: id, tekst: naam }))],
  });
  const form = h('form', { class: 'utrecht-form filter', role: 'search', 'aria-label': 'Toepassingsgebieden filteren', novalidate: true },
    h('div', { class: 'filter__velden' }, thema.element, sector.element),
    h('div', { class: 'utrecht-button-group' }, button('Filter toepassen', { type: 'submit', kind: 'secondary' })));
  const f = formulier(form, [thema, sector]);
  const aantal = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const lijst = h('div', { class: 'kaarten' });

  async function laad() {
    const query = { thema: thema.input.value, sector: sector.input.value };
    lijst.setAttribute('aria-busy', 'true');
    try {
      const { toepassingsgebieden } = await api.get('/toepassingsgebieden', { query, signal: ctx.signal });
      f.wis();
      const n = toepassingsgebieden.length;
      const tekst = n === 0 ? 'Geen toepassingsgebieden gevonden met deze filters.'
        : n === 1 ? '1 toepassingsgebied gevonden.' : `${n} toepassingsgebieden gevonden.`;
      // The region is in the page from the first render on, so a new count is announced.
      aantal.textContent = tekst;
      replaceChildren(lijst, toepassingsgebieden.map((t) => gebied(t, namen)));
    } catch (fout) {
      if (fout.geannuleerd) return;
      f.toonFouten(fout, { kop: 'Filteren is niet gelukt' });
    } finally {
      lijst.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (thema.input.value) params.set('thema', thema.input.value);
    if (sector.input.value) params.set('sector', sector.input.value);
    const qs = params.toString();
    ctx.zetUrl(`/toepassingsgebieden${qs ? `?${qs}` : ''}`);
    laad();
  });

  await laad();
  return [
    heading(1, 'Toepassingsgebieden'),
    paragraph('Per thema de toepassingen waarvoor doorbraakmiddelen kunnen worden aangevraagd, met de sectoren waarvoor ze bedoeld zijn. '
      + 'Het geld is niet geoormerkt per sector. ', `Bron: catalogusversie ${catalogusversie}.`),
    form,
    heading(2, 'Resultaat'),
    aantal,
    lijst,
  ];
}
