// SPDX-License-Identifier: EUPL-1.2
//
// sociaal.js -- what the screens of the social-domain track share
// (docs/sociaal-domein.md): the basisfunctionaliteiten by name, the Dutch
// words for the states, the visitor's own municipality, and the tile map of
// the regions.

import { api } from './api.js';
import { h } from './dom.js';
import { sessie } from './sessie.js';

/** The catalogue's basisfunctionaliteiten: [{ id, naam }]. */
export async function basisfunctionaliteiten(signal) {
  return (await api.get('/basisfunctionaliteiten', { signal })).basisfunctionaliteiten;
}

/** Name of a function by id, with the id when unknown. */
export function bfNaam(lijst, id) {
  return lijst.find((b) => b.id === id)?.naam || id;
}

export const AGENDASTATUS = {
  concept: 'Concept',
  ter_ondertekening: 'Ter ondertekening',
  definitief: 'Definitief (door alle gemeenten ondertekend)',
  vervangen: 'Vervangen door een nieuwere versie',
};

export const BEOORDELING = {
  niet_beoordeeld: 'Nog niet beoordeeld',
  in_beoordeling: 'Eén van VNG en ZN heeft beoordeeld',
  positief: 'Positief (VNG en ZN)',
  negatief: 'Negatief',
};

export const VOORTGANG = {
  niet_gestart: 'Niet gestart',
  in_voorbereiding: 'In voorbereiding',
  in_uitvoering: 'In uitvoering',
  gerealiseerd: 'Gerealiseerd',
  niet_ingediend: 'Geen rapportage',
};

/** The visitor's municipality ({ cbs_code, naam }) or null. */
export async function eigenGemeente(signal) {
  const org = sessie()?.organisatie;
  if (!org || org.soort !== 'gemeente') return null;
  const o = await api.get(`/organisaties/${org.id}`, { signal });
  return { cbs_code: o.cbs_code || o.organisatie?.cbs_code, naam: org.naam };
}

// Where each safety region sits on the tile map (column, row), roughly as
// on a map of the Netherlands. A region of another region set (a new
// version of the programme office) goes in a row below the map.
const TEGELS = {
  VR02: [2, 0], VR01: [3, 0],
  VR10: [1, 1], VR03: [3, 1],
  VR11: [1, 2], VR25: [2, 2], VR04: [3, 2], VR05: [4, 2],
  VR12: [0, 3], VR13: [1, 3], VR14: [2, 3], VR06: [4, 3],
  VR15: [0, 4], VR16: [1, 4], VR09: [2, 4], VR07: [3, 4],
  VR17: [0, 5], VR18: [1, 5], VR08: [3, 5],
  VR19: [0, 6], VR20: [1, 6], VR21: [2, 6], VR23: [3, 6],
  VR22: [2, 7], VR24: [3, 7],
};

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, ...kids) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const k of kids) el.append(k);
  return el;
}

/**
 * A tile map of the regions: one square per region at its place, filled
 * by klasse(regio) (one of 'niveau-0' .. 'niveau-3', 'geen') with its code
 * in it and its name and value as the tile's title. The map is an image
 * with a summary for screen readers; the table beside it is the
 * equivalent (WCAG 1.1.1).
 */
export function tegelkaart({ regios, klasse, titel, beschrijving }) {
  const B = 64;
  const los = regios.filter((r) => !TEGELS[r.code]);
  const breedte = 5 * B;
  const hoogte = (8 + Math.ceil(los.length / 5)) * B;
  const svg = s('svg', { viewBox: `0 0 ${breedte} ${hoogte}`, role: 'img', 'aria-label': `${titel}. ${beschrijving}`, class: 'tegelkaart' });
  let n = 0;
  for (const r of regios) {
    const [x, y] = TEGELS[r.code] || [n % 5, 8 + Math.floor(n++ / 5)];
    const g = s('g', { class: `tegel tegel--${klasse(r).k}` },
      s('title', {}, `${r.naam} (${r.code}): ${klasse(r).tekst}`),
      s('rect', { x: x * B + 2, y: y * B + 2, width: B - 4, height: B - 4, rx: 6 }),
      s('text', { x: x * B + B / 2, y: y * B + B / 2 + 5, 'text-anchor': 'middle' }, r.code));
    svg.append(g);
  }
  return h('figure', { class: 'tegelkaart-figuur' }, svg, h('figcaption', { class: 'utrecht-paragraph' }, beschrijving));
}

/** "2027-1" -> "het eerste halfjaar van 2027". */
export function halfjaar(p) {
  const m = /^(\d{4})-([12])$/.exec(p || '');
  return m ? `het ${m[2] === '1' ? 'eerste' : 'tweede'} halfjaar van ${m[1]}` : (p || '');
}

