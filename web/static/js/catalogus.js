// SPDX-License-Identifier: EUPL-1.2
//
// catalogus.js -- the public catalogue (docs/catalogus.md §8), read once per
// page load and kept in memory: it changes only when a new catalogue
// version is published, which the screens show by its number.

import { api } from './api.js';

const cache = new Map();

/** GET /api/v1<path> once; later calls share the answer. A failure is not kept. */
function once(path, query = null) {
  const key = path + (query ? `?${new URLSearchParams(query)}` : '');
  if (!cache.has(key)) {
    const p = api.get(path, { query }).catch((err) => {
      cache.delete(key);
      throw err;
    });
    cache.set(key, p);
  }
  return cache.get(key);
}

/** Forgets what was read, after a new catalogue or modelplan version was published. */
export function vergeet() {
  cache.clear();
}

export const fondsen = () => once('/fondsen');
export const themas = () => once('/themas');
export const toepassingsgebieden = () => once('/toepassingsgebieden');
export const basiseisen = () => once('/basiseisen');
export const modelplannen = () => once('/modelplannen');
export const impactlatten = () => once('/impactlatten');

/**
 * The whole catalogue document of a version (for the sector names and the
 * modelplan structure, which have no endpoint of their own).
 */
export async function catalogusDocument(versie) {
  return once(`/catalogusversies/${encodeURIComponent(versie)}`);
}

/** Sector id -> name, from the catalogue version the answer came from. */
export async function sectornamen(versie) {
  const doc = await catalogusDocument(versie);
  return Object.fromEntries((doc.sectoren || []).map((s) => [s.id, s.naam]));
}

/** Theme id -> name. */
export async function themanamen() {
  const { themas: lijst } = await themas();
  return Object.fromEntries(lijst.map((t) => [t.id, t.naam]));
}
