// SPDX-License-Identifier: EUPL-1.2
//
// beschikking.mjs -- helpers for the suites of the NZa step (joint request to
// NZa, beschikking, milestones, ledger views, concurrency).
//
//   await positief(w, n, naam)      n applications in a fresh 3-second round,
//                                   submitted and assessed positively by both insurers
//   toekennen(dbUrl, ronde, ...)    the board's decision on the round, written by
//                                   build/toekenning_testhulp (docs/beschikking.md §7):
//                                   the ledger tree with the given year budgets and the
//                                   reservations toekenning/<aanvraag>/<jaar>
//   VERKLARINGEN, contract()        a complete joint request's declarations and contract
//   await gezamenlijk(w, body, {nza}) makes a joint request and has both parties sign it

import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { sleep } from './indiening.mjs';
import { repoRoot } from './server.mjs';

export const VERKLARINGEN = {
  aanpassingen_positief_beoordeeld: true, randvoorwaardelijk_voor_zvw_zorg: true,
  geen_individuele_zorgverlening: true, eigen_zvw_zorg: true, geen_staatssteun: true,
  waarborgen_concurrentievoordeel: true,
};
export const contract = (kenmerk = 'OVK-2026-001') => ({ datum: '2026-10-01', kenmerk });

const eisen = () => Array.from({ length: 14 }, (_, i) =>
  ({ volgnummer: i + 1, oordeel: 'voldaan', motivering: `Basiseis ${i + 1} is onderbouwd.` }));
const positiefOordeel = { versie: 1, geen_belangenconflict: true, basiseisen: eisen(), oordeel: 'positief',
  motivering: 'Beide verzekeraars: positief.' };

/** n applications of the lead, submitted in a new round and assessed positively. */
export async function positief(w, n, naam = 'Ronde issue 7') {
  const ronde = await w.round(3, naam);
  const ids = [];
  for (let i = 0; i < n; i++) {
    const id = (await w.draft(ronde.id, w.doc(`${naam} ${i}`))).aanvraag.id;
    const r = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
    if (r.status !== 201) throw new Error(`submit: ${r.text}`);
    ids.push(id);
  }
  await sleep(Math.max(0, Date.parse(ronde.sluit_op) - Date.now()) + 300);
  for (const id of ids) {
    for (const who of [w.beoordelaar, w.zuid]) {
      const r = await who.post(`/aanvragen/${id}/beoordelingen`, positiefOordeel);
      if (r.status !== 201) throw new Error(`assess ${id}: ${r.text}`);
    }
  }
  return { ronde, ids };
}

export const testhulpBin = path.join(repoRoot, 'build', 'toekenning_testhulp');

/**
 * The board's decision on round `ronde`: jaren {'ai/2027': cents, ...} funds the
 * theme years; grants [[aanvraagId, 'ai', {2027: cents, 2028: cents}], ...].
 * Returns the decision id; throws with the ledger's reasons when it does not fit.
 */
export function toekennen(dbUrl, ronde, jaren, grants) {
  const args = [dbUrl, String(ronde)];
  for (const [k, v] of Object.entries(jaren)) args.push('--jaar', `${k}=${v}`);
  for (const [id, thema, perJaar] of grants) {
    args.push(`${id}:${thema}:${Object.entries(perJaar).map(([j, c]) => `${j}=${c}`).join(',')}`);
  }
  const r = spawnSync(testhulpBin, args, { encoding: 'utf8', timeout: 60000 });
  if (r.status !== 0) throw new Error(`toekenning_testhulp: ${r.status} ${r.stdout}${r.stderr}`);
  return Number(r.stdout.trim());
}

/** A joint request for `aanvraag_id` by the coordinating insurer, signed by both parties. */
export async function gezamenlijk(w, body) {
  let r = await w.beoordelaar.post('/nza-aanvragen', { verklaringen: VERKLARINGEN, contract: contract(), ...body });
  if (r.status !== 201) throw new Error(`nza-aanvraag: ${r.status} ${r.text}`);
  const t = r.json();
  for (const who of [w.beoordelaar, w.aanvrager]) {
    r = await who.post(`/nza-aanvragen/${t.id}/ondertekeningen`, { sha256: t.sha256 });
    if (r.status !== 201) throw new Error(`ondertekening: ${r.status} ${r.text}`);
  }
  return r.json();
}
