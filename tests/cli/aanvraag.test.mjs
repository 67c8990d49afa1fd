// SPDX-License-Identifier: EUPL-1.2
//
// aanvraag.test.mjs -- `doorbraak aanvraag toets|lijst|verifieer`, black-box
// against the real binary: the offline checks of the examples in
// voorbeelden/aanvragen (exit 0 submittable, 1 blocking findings, 2
// structurally invalid), the impact bar option, and on a demo database
// (SQLite; PostgreSQL too when DOORBRAAK_TEST_PG names a server) the list of
// applications in every state and the verification of a stored receipt.

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { after, assert, run, setSuite, test } from '../lib/harness.mjs';
import { spawnSync } from 'node:child_process';

import { createDatabase, doorbraak, psql } from '../lib/server.mjs';

/** One row as a|b|c, or null when no SQL client is at hand. */
function query(backend, dbUrl, sql) {
  if (backend === 'postgresql') return psql(dbUrl, sql).trim();
  const r = spawnSync('sqlite3', [dbUrl, sql], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

setSuite('cli/aanvraag');

const V = 'voorbeelden/aanvragen';
const backends = ['sqlite'];
if (process.env.DOORBRAAK_TEST_PG || process.env.DOORBRAAK_TEST_PG_URL) backends.push('postgresql');
const dbs = [];
after(() => {
  for (const db of dbs) db.drop();
});

test('toets: a conform application is submittable, route licht, every check printed; no database needed', () => {
  const r = doorbraak(['--db', '/nonexistent/nowhere.db', 'aanvraag', 'toets', `${V}/conform-spraakgestuurd-rapporteren.json`]);
  assert.equal(r.status, 0, r.stderr);
  for (let i = 0; i <= 19; i++) assert.match(r.stdout, new RegExp(`T${String(i).padStart(2, '0')}-`));
  assert.match(r.stdout, /route: licht; indienbaar/);
  assert.match(r.stdout, /impactlat niet gekozen/);
  assert.match(r.stdout, /T12-impactlat +beoordelaar/);
});

test('toets --impactlat: the bar decides T12 (18.3 fte per EUR 1 mln meets B, not A), never blocking', () => {
  const f = `${V}/afwijkingen-toegelicht-hybride-zorgpaden.json`;
  let r = doorbraak(['aanvraag', 'toets', f, '--impactlat', 'A']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /T12-impactlat +niet_voldaan/);
  assert.match(r.stdout, /route: verdiept; indienbaar/);
  assert.match(r.stdout, /afwijking normen\.mijlpalen\[m4\]\.uiterlijk_op .* toegelicht/);
  r = doorbraak(['aanvraag', 'toets', f, '--impactlat', 'B']);
  assert.match(r.stdout, /T12-impactlat +voldaan/);
  r = doorbraak(['aanvraag', 'toets', f, '--impactlat', 'Q']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /impactlat 'Q' bestaat niet/);
});

test('toets: blocking findings exit 1; a structurally invalid document exits 2 with every problem', () => {
  let r = doorbraak(['aanvraag', 'toets', `${V}/fouten-slim-incontinentiemateriaal.json`]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /NIET indienbaar \(\d+ blokkerende bevindingen\)/);
  assert.match(r.stdout, /T08-verzekeraars +niet_voldaan/);
  r = doorbraak(['aanvraag', 'toets', `${V}/ongeldig-structuur.json`]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 7, r.stderr);
  assert.match(r.stderr, /#\/begroting\/0\/bedrag_cent: .*\(json_kommagetal\)/);
  r = doorbraak(['aanvraag', 'toets', `${V}/bestaat-niet.json`]);
  assert.ok(r.status !== 0 && r.status !== 1, `a missing file is not a finding: ${r.status}`);
  r = doorbraak(['aanvraag']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /gebruik/);
});

for (const backend of backends) {
  test(`lijst and verifieer on a demo database [${backend}]`, () => {
    const db = createDatabase(backend);
    dbs.push(db);
    let r = doorbraak(['--db', db.dbUrl, '--demo', 'init'], { timeout: 120000 });
    assert.equal(r.status, 0, r.stderr);
    r = doorbraak(['--db', db.dbUrl, 'aanvraag', 'lijst']);
    assert.equal(r.status, 0, r.stderr);
    // the demo applications of issue 5 are titled "Demo: ..." (other modules add their own)
    const mine = (out) => out.split('\n').filter((l) => / Demo: /.test(l));
    for (const s of ['concept', 'ingediend', 'in_beoordeling', 'informatie_gevraagd', 'positief', 'negatief']) {
      assert.ok(mine(r.stdout).some((l) => new RegExp(`\\s${s}\\s`).test(l)), `a demo application in state ${s}`);
    }
    assert.equal(mine(r.stdout).length, 7);
    const total = /^(\d+) aanvragen$/m.exec(r.stdout)[1];
    r = doorbraak(['--db', db.dbUrl, '--demo', 'init']);
    const again = doorbraak(['--db', db.dbUrl, 'aanvraag', 'lijst']).stdout;
    assert.equal(/^(\d+) aanvragen$/m.exec(again)[1], total, 'loading twice changes nothing');
    const line = mine(again).find((l) => /\spositief\s/.test(l));
    const id = Number(line.split(/\s+/)[0]);
    assert.ok(id > 2 ** 32);
    // a receipt written by hand from what the demo submitted is not valid unless it is exact
    const file = path.join(os.tmpdir(), `ontvangstbewijs-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ aanvraag_id: id, versie: 1, indieningsronde_id: 1,
      ingediend_op: '2026-01-01T00:00:00.000000Z', sha256: '0'.repeat(64) }));
    r = doorbraak(['--db', db.dbUrl, 'aanvraag', 'verifieer', file]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /ONGELDIG/);
    const rows = query(backend, db.dbUrl, `SELECT ronde_id, ingediend_op, sha256 FROM aanvraag_versie WHERE aanvraag_id = ${id}`);
    if (rows) {
      const [ronde, op, sha] = rows.split('|');
      writeFileSync(file, JSON.stringify({ aanvraag_id: id, versie: 1, indieningsronde_id: Number(ronde),
        ingediend_op: op, sha256: sha }));
      r = doorbraak(['--db', db.dbUrl, 'aanvraag', 'verifieer', file]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /geldig: deze versie is zo ingediend/);
    }
    writeFileSync(file, '{"aanvraag_id": "x"}');
    r = doorbraak(['--db', db.dbUrl, 'aanvraag', 'verifieer', file]);
    assert.equal(r.status, 2);
  });
}

await run();
