// SPDX-License-Identifier: EUPL-1.2
//
// catalogus.test.mjs -- `doorbraak catalogus toon|valideer|publiceer` and
// the catalogue that `doorbraak init` loads, black-box against the real
// binary, on SQLite and (when DOORBRAAK_TEST_PG names a server) on
// PostgreSQL. The read API of a server on the same database shows what
// the CLI published.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { after, assert, run, setSuite, test } from '../lib/harness.mjs';
import { client } from '../lib/http.mjs';
import { createDatabase, doorbraak, initDatabase, repoRoot, startServer } from '../lib/server.mjs';

setSuite('cli/catalogus');

const lees = (p) => JSON.parse(readFileSync(path.join(repoRoot, p), 'utf8'));
const catalogus = lees('catalogus/catalogus.json');
const V2 = 'catalogus/modelplan-voorbeeld-v2.json';

const FIXTURES = [
  ['themabudgetten-ongelijk-aan-pot.json', 'thema_som_ongelijk_pot', '#/themas'],
  ['mijlpaalaandelen-niet-100-procent.json', 'mijlpalen_som_ongelijk_10000', '#/modelplannen/0/normen/mijlpalen'],
  ['vraag-verwijst-naar-basiseis-15.json', 'basiseis_onbekend', '#/modelplanstructuur/secties/2/vragen/3/basiseisen'],
  ['toepassingsgebied-zonder-thema.json', 'toepassingsgebied_zonder_thema', '#/toepassingsgebieden/4/thema_id'],
  ['dubbele-id.json', 'id_dubbel', '#/regels/9/id'],
  ['bedrag-als-kommagetal.json', 'json_kommagetal', '#/potten/1/tranches/0/bedrag_cent'],
  ['onbekende-sector.json', 'verwijzing_onbekend', '#/toepassingsgebieden/1/sectoren/1'],
  ['structurele-kosten-financierbaar.json', 'structurele_kosten_financierbaar', '#/modelplannen/2/normen/kostensoorten/3'],
];

const backends = ['sqlite'];
if (process.env.DOORBRAAK_TEST_PG || process.env.DOORBRAAK_TEST_PG_URL) backends.push('postgresql');

const dbs = [];
after(() => {
  for (const db of dbs) db.drop();
});

/** A fresh database after `doorbraak init`. */
function nieuweDatabase(backend) {
  const db = createDatabase(backend);
  dbs.push(db);
  initDatabase(db.dbUrl);
  return db;
}

const cli = (db, ...args) => doorbraak(['--db', db.dbUrl, ...args]);

/** The number of audit records, from `doorbraak audit verify`. */
/** Audit records of `init` besides the catalogue: the social domain's region set, scale, framework and key. */
const INIT_SOCIAAL = 4;

function auditRecords(db) {
  const r = cli(db, 'audit', 'verify');
  assert.equal(r.status, 0, r.stderr);
  const m = /intact: (\d+) records/.exec(r.stdout);
  assert.ok(m, r.stdout);
  return Number(m[1]);
}

/** The newest catalogue version, from `doorbraak catalogus toon`. */
function nieuwsteVersie(db) {
  const r = cli(db, 'catalogus', 'toon');
  assert.equal(r.status, 0, r.stderr);
  return Number(/^Catalogusversie (\d+)/.exec(r.stdout)[1]);
}

// --- valideer: no database needed ------------------------------------------

test('valideer: the repository catalogue and the v2 modelplan are valid (exit 0)', () => {
  for (const f of ['catalogus/catalogus.json', V2]) {
    const r = doorbraak(['catalogus', 'valideer', f]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), `${f}: geldig`);
  }
});

test('valideer: each invalid fixture gives exit 2, a summary and exactly its problem line', () => {
  for (const [bestand, code, pointer] of FIXTURES) {
    const f = `catalogus/ongeldig/${bestand}`;
    const r = doorbraak(['catalogus', 'valideer', f]);
    assert.equal(r.status, 2, `${f}: ${r.stdout}${r.stderr}`);
    const regels = r.stderr.trim().split('\n');
    assert.equal(regels.length, 2, r.stderr);
    assert.match(regels[0], /1 probleem gevonden/);
    assert.ok(regels[1].startsWith(`${f}${pointer}: `), regels[1]);
    assert.ok(regels[1].endsWith(`(${code})`), regels[1]);
  }
});

test('valideer: a domain rule names its source; a missing file is exit 1', () => {
  const r = doorbraak(['catalogus', 'valideer', 'catalogus/ongeldig/themabudgetten-ongelijk-aan-pot.json']);
  assert.match(r.stderr, /\[002 §4\.1\] \(thema_som_ongelijk_pot\)/);
  const weg = doorbraak(['catalogus', 'valideer', 'catalogus/bestaat-niet.json']);
  assert.equal(weg.status, 1, weg.stderr);
  const gebruik = doorbraak(['catalogus', 'onzin']);
  assert.equal(gebruik.status, 2);
});

for (const backend of backends) {
  test(`init loads the built-in catalogue once; toon shows it [${backend}]`, () => {
    const db = nieuweDatabase(backend);
    assert.equal(nieuwsteVersie(db), 1);
    // the catalogue and the four shipped defaults of the social domain (docs/sociaal-domein.md §2)
    assert.equal(auditRecords(db), 1 + INIT_SOCIAAL);
    initDatabase(db.dbUrl); // twice is harmless
    assert.equal(nieuwsteVersie(db), 1);
    assert.equal(auditRecords(db), 1 + INIT_SOCIAAL);
    const themas = cli(db, 'catalogus', 'toon', 'themas');
    assert.equal(themas.status, 0, themas.stderr);
    assert.match(themas.stdout, /^ai -- AI: richtbedrag EUR 275\.000\.000,00/m);
    assert.match(themas.stdout, /^medische-technologie -- .*EUR 50\.000\.000,00/m);
    const fondsen = cli(db, 'catalogus', 'toon', 'fondsen');
    assert.match(fondsen.stdout, /EUR 800\.000\.000,00/);
    assert.match(fondsen.stdout, /pot zvw .*EUR 600\.000\.000,00/);
    const lat = cli(db, 'catalogus', 'toon', 'impactlatten', '--versie', '1');
    assert.match(lat.stdout, /^A -- .*: 35 fte per EUR 1 mln/m);
    assert.match(lat.stdout, /minimaal 40000 personen, ca\. 27600 fte/);
    for (const wat of ['toepassingsgebieden', 'basiseisen', 'modelplannen', 'basisfunctionaliteiten', 'referentiecijfers']) {
      const r = cli(db, 'catalogus', 'toon', wat);
      assert.equal(r.status, 0, `${wat}: ${r.stderr}`);
      assert.match(r.stdout, /\[00[0-4]/, wat);
    }
    assert.equal(cli(db, 'catalogus', 'toon', 'themas', '--versie', '99').status, 3);
    assert.equal(cli(db, 'catalogus', 'toon', 'themas', '--versie', 'nul').status, 2);
    assert.equal(cli(db, 'catalogus', 'toon', 'geheimen').status, 2);
  });

  test(`publiceer: invalid catalogues are refused with their code, nothing changes [${backend}]`, () => {
    const db = nieuweDatabase(backend);
    const audit = auditRecords(db);
    for (const [bestand, code, pointer] of FIXTURES) {
      const f = `catalogus/ongeldig/${bestand}`;
      const r = cli(db, 'catalogus', 'publiceer', f);
      assert.notEqual(r.status, 0, `${f} was accepted`);
      assert.ok(r.stderr.includes(`${f}${pointer}: `), r.stderr);
      assert.ok(r.stderr.includes(`(${code})`), r.stderr);
      assert.equal(nieuwsteVersie(db), 1);
      assert.equal(auditRecords(db), audit);
    }
    // the valid catalogue again: version 1 exists and never changes
    const r = cli(db, 'catalogus', 'publiceer', 'catalogus/catalogus.json');
    assert.equal(r.status, 4, r.stderr);
    assert.match(r.stderr, /\(catalogusversie_volgorde\)/);
    assert.equal(auditRecords(db), audit);
  });

  test(`publiceer: modelplan v2 while v1 stays readable; twice is refused [${backend}]`, async () => {
    const db = nieuweDatabase(backend);
    const r = cli(db, 'catalogus', 'publiceer', V2);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'modelplan mp-spraakgestuurd-rapporteren versie 2 gepubliceerd (bij catalogusversie 1)');
    const audit = auditRecords(db);
    assert.equal(audit, 2 + INIT_SOCIAAL);
    const nogmaals = cli(db, 'catalogus', 'publiceer', V2);
    assert.equal(nogmaals.status, 4, nogmaals.stderr);
    assert.match(nogmaals.stderr, /#\/versie: .*\(modelplan_versie_volgorde\)/);
    assert.equal(auditRecords(db), audit);
    assert.match(cli(db, 'catalogus', 'toon', 'modelplannen').stdout, /^mp-spraakgestuurd-rapporteren versie 2 /m);
    initDatabase(db.dbUrl); // init does not touch a published catalogue
    assert.equal(auditRecords(db), audit);
    const srv = await startServer({ backend, dbUrl: db.dbUrl, init: false });
    try {
      const api = client(srv.url);
      const res = await api.get('/api/v1/modelplannen/mp-spraakgestuurd-rapporteren');
      assert.equal(res.status, 200, res.text);
      const mp = res.json();
      assert.deepEqual(mp.versies.map((v) => v.versie), [1, 2]);
      assert.equal(mp.modelplan.versie, 2);
      const v1 = (await api.get('/api/v1/modelplannen/mp-spraakgestuurd-rapporteren?versie=1')).json();
      assert.deepEqual(v1.modelplan, catalogus.modelplannen[0]);
      const versies = (await api.get('/api/v1/catalogusversies')).json().catalogusversies;
      assert.equal(versies.length, 1);
    } finally {
      await srv.stop();
    }
  });
}

await run();
