// SPDX-License-Identifier: EUPL-1.2
//
// monitoring.test.mjs (cli) -- `doorbraak monitoring ...` on a SQLite
// database with the demo chain, whose projects report in every state
// (docs/monitoring.md §8): the signals on a day, the open data as CSV, the
// quarterly report as HTML and PDF; bad input a one-line message and a
// non-zero exit.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { createDatabase, doorbraak } from '../lib/server.mjs';

setSuite('cli/monitoring');

const AAN = { DOORBRAAK_DEMO_VERANTWOORDING: '1' };
let db;
let dir;
const cli = (...args) => doorbraak(['--db', db.dbUrl, ...args], { env: AAN, timeout: 120000 });

before(() => {
  db = createDatabase('sqlite');
  dir = mkdtempSync(path.join(os.tmpdir(), 'dbk-cli-'));
  const r = cli('--demo', 'init');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

after(() => {
  if (db) db.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('`monitoring signalen` lists the signals of a day with their source; none before the projects', () => {
  let r = cli('monitoring', 'signalen', '--peildatum', '2028-09-15');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^signalen op 2028-09-15\n/);
  assert.match(r.stdout, /fte_achter\/2028-K2\s+erkend\s+Gerealiseerd .* \[001 Gupta "Aanpak"\]/);
  assert.match(r.stdout, /rapportage_ontbreekt\/2027-K3\s+open/);
  r = cli('monitoring', 'signalen', '--peildatum', '2026-06-01');
  assert.equal(r.stdout.trim().split('\n').pop(), '0 signalen');
});

test('`monitoring opendata` writes every honoured plan as CSV with the described columns', () => {
  const r = cli('monitoring', 'opendata');
  assert.equal(r.status, 0, r.stderr);
  const regels = r.stdout.trim().split('\r\n');
  assert.match(regels[0], /^kenmerk;titel;penvoerder;regio;thema;toepassingsgebied;datum_beschikking;bovengrens_cent;/);
  assert.equal(regels.length, 5);
  assert.doesNotMatch(r.stdout, /@/);
});

test('`monitoring kwartaalrapport` as HTML on stdout and as PDF into a file', () => {
  let r = cli('monitoring', 'kwartaalrapport', '--peildatum', '2028-09-15');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /<h1>Kwartaalrapportage doorbraakmiddelen<\/h1>/);
  assert.match(r.stdout, /15 september 2028/);
  const pdf = path.join(dir, 'k.pdf');
  r = cli('monitoring', 'kwartaalrapport', '--pdf', pdf);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
});

test('bad input: a one-line message and a non-zero exit', () => {
  let r = cli('monitoring', 'signalen', '--peildatum', 'morgen');
  assert.notEqual(r.status, 0);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /peildatum is een datum/);
  r = cli('monitoring', 'onbekend');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /^doorbraak: gebruik /);
});

await run();
