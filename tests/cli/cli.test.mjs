// SPDX-License-Identifier: EUPL-1.2
//
// cli.test.mjs -- the `doorbraak` command line, black-box: exit codes and
// one-line errors, `init` twice, `serve` on a database that cannot be
// opened, and `audit verify` on a fresh, a valid and a tampered chain, on
// SQLite (sqlite3 CLI) and PostgreSQL (psql). The chain is written with
// the hash of src/core/basis/audit.c recomputed in tests/lib/audit.mjs.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { auditChain, auditHash, auditInsertSql, AUDIT_GENESIS } from '../lib/audit.mjs';
import { assert, run, setSuite, test } from '../lib/harness.mjs';
import { createDatabase, doorbraak, doorbraakBin, initDatabase, psql, repoRoot } from '../lib/server.mjs';

setSuite('cli');

const BACKENDS = (process.env.DOORBRAAK_TEST_CLI_BACKENDS || 'sqlite,postgresql').split(',').filter(Boolean);

function lines(text) {
  return text.split('\n').filter((l) => l.length > 0);
}

function sqlite(file, sql) {
  const r = spawnSync('sqlite3', ['-bail', file], { input: sql, encoding: 'utf8', cwd: repoRoot });
  if (r.error) throw r.error;
  return r;
}

function sqliteChecked(file, sql) {
  const r = sqlite(file, sql);
  if (r.status !== 0) throw new Error(`sqlite3 exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** A TCP port on 127.0.0.1 that nothing listens on (just released). */
function closedPort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Runs `serve` expecting it to fail fast; returns {code, signal, stdout, stderr}. */
function serveExpectingFailure(dbUrl, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(doorbraakBin, ['--db', dbUrl, '--listen', '127.0.0.1:0', 'serve'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve --db ${dbUrl} still running after 30 s; stdout: ${stdout}`));
    }, 30000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const ENTRIES = [
  { actor: 'cli', actie: 'catalogus.publiceer', object: 'catalogus/1', resultaat: 'gelukt', detail: '{"versie":1}' },
  { actor: 'gebruiker:12', actie: 'modelplan.indienen', object: 'modelplan/7', resultaat: 'gelukt', detail: '' },
  { actor: "anoniem@127.0.0.1", actie: 'sessie.login', object: '', resultaat: 'geweigerd', detail: "it's \"quoted\"" },
];

// --- plain commands ---------------------------------------------------------

test('audit hash in JavaScript matches the C known answer', () => {
  const h = auditHash(1, '2025-01-02T03:04:05.000006Z',
    { actor: 'gebruiker:12', actie: 'catalogus.publiceer', object: 'catalogus/2', resultaat: 'gelukt', detail: '{"x":1}' },
    AUDIT_GENESIS);
  assert.equal(h, '9a8e98b089b7a2a3805a9a887315a308ce564d713ea8f4f0f8f44cbee1b83e19');
});

test('`doorbraak version` exits 0 and prints the version', () => {
  const r = doorbraak(['version']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^doorbraak \d+\.\d+\.\d+ \(schemaversie \d+\)\n$/);
  assert.equal(r.stderr, '');
});

test('`doorbraak help` exits 0 and lists the commands', () => {
  const r = doorbraak(['help']);
  assert.equal(r.status, 0, r.stderr);
  for (const cmd of ['serve', 'init', 'audit verify', 'version']) assert.ok(r.stdout.includes(cmd), `help names ${cmd}`);
});

test('an unknown command exits 2 with one line on stderr', () => {
  const r = doorbraak(['bestaatniet']);
  assert.equal(r.status, 2);
  assert.equal(lines(r.stderr).length, 1, `stderr: ${r.stderr}`);
  assert.match(r.stderr, /bestaatniet/);
  assert.equal(r.stdout, '');
});

test('an unknown option exits 2 with one line on stderr', () => {
  const r = doorbraak(['--bestaatniet', 'version']);
  assert.equal(r.status, 2);
  assert.equal(lines(r.stderr).length, 1, `stderr: ${r.stderr}`);
  assert.equal(r.stdout, '');
});

test('an option without its value exits 2 with one line on stderr', () => {
  const r = doorbraak(['version', '--db']);
  assert.equal(r.status, 2);
  assert.equal(lines(r.stderr).length, 1, `stderr: ${r.stderr}`);
});

test('`audit` with a wrong subcommand exits 2 with one line on stderr', () => {
  const r = doorbraak(['--db', ':memory:', 'audit', 'repair']);
  assert.equal(r.status, 2);
  assert.equal(lines(r.stderr).length, 1, `stderr: ${r.stderr}`);
});

test('`serve` with a SQLite file that cannot be opened exits 1 with one line on stderr', async () => {
  const r = await serveExpectingFailure('/proc/nope/x.db');
  assert.equal(r.signal, null);
  assert.equal(r.code, 1, `exit ${r.code}, stderr: ${r.stderr}`);
  assert.equal(lines(r.stderr).length, 1, `stderr: ${r.stderr}`);
  assert.ok(!r.stdout.includes('luistert'), 'it did not start listening');
});

test('`serve` with an unreadable booking clock exits 2 with one line saying what it must be, never listening', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'doorbraak-boekklok-'));
  try {
    const r = await serveExpectingFailure(path.join(dir, 'db'), { DOORBRAAK_BOEKKLOK: '1 maart 2027' });
    assert.equal(r.code, 2, `exit ${r.code}, stderr: ${r.stderr}`);
    assert.equal(lines(r.stderr).at(-1), 'doorbraak: DOORBRAAK_BOEKKLOK moet een moment in UTC zijn, zoals 2027-03-01T09:00:00Z');
    assert.ok(!r.stdout.includes('luistert'), 'it did not start listening');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

if (BACKENDS.includes('postgresql')) {
  test('`serve` with a PostgreSQL URL to a closed port exits 1 with one line on stderr', async () => {
    const port = await closedPort();
    const r = await serveExpectingFailure(`postgresql://doorbraak@127.0.0.1:${port}/doorbraak?connect_timeout=5`);
    assert.equal(r.signal, null);
    assert.equal(r.code, 1, `exit ${r.code}, stderr: ${r.stderr}`);
    assert.equal(lines(r.stderr).length, 1, `stderr: ${r.stderr}`);
    assert.ok(!r.stdout.includes('luistert'), 'it did not start listening');
  });
}

// --- per backend --------------------------------------------------------------

/** How to reach the database of one backend. */
// `init` itself writes audit records (loading the catalogue), so the
// tests continue the chain after the newest record.
const LAST_SQL = 'SELECT volgnummer, hash FROM auditlog ORDER BY volgnummer DESC LIMIT 1;';
function parseLast(out) {
  const [n, hash] = out.trim().split('|');
  return n ? { after: Number(n), prevHash: hash } : { after: 0, prevHash: AUDIT_GENESIS };
}

/** Appends ENTRIES (optionally changed by `edit`) after init's records. */
function appendChain(db, edit = (rows) => rows) {
  const start = db.last();
  const rows = edit(auditChain(ENTRIES, start), start.after);
  db.exec(auditInsertSql(rows));
  return start.after;
}

function backendOps(backend, dbUrl) {
  if (backend === 'sqlite') {
    return {
      exec: (sql) => sqliteChecked(dbUrl, sql),
      tryExec: (sql) => {
        const r = sqlite(dbUrl, sql);
        return { ok: r.status === 0, error: r.stderr };
      },
      last: () => parseLast(sqliteChecked(dbUrl, LAST_SQL)),
      disableUpdateGuard: () => sqliteChecked(dbUrl, 'DROP TRIGGER auditlog_geen_wijziging;'),
      disableDeleteGuard: () => sqliteChecked(dbUrl, 'DROP TRIGGER auditlog_geen_verwijdering;'),
    };
  }
  return {
    exec: (sql) => psql(dbUrl, sql),
    tryExec: (sql) => {
      try {
        psql(dbUrl, sql);
        return { ok: true, error: '' };
      } catch (err) {
        return { ok: false, error: err.message };
      }
    },
    last: () => parseLast(psql(dbUrl, LAST_SQL)),
    disableUpdateGuard: () => psql(dbUrl, 'ALTER TABLE auditlog DISABLE TRIGGER ALL'),
    disableDeleteGuard: () => psql(dbUrl, 'ALTER TABLE auditlog DISABLE TRIGGER ALL'),
  };
}

function verify(dbUrl) {
  return doorbraak(['--db', dbUrl, 'audit', 'verify']);
}

function withDatabase(backend, fn) {
  return async () => {
    const db = createDatabase(backend);
    try {
      await fn(db.dbUrl);
    } finally {
      db.drop();
    }
  };
}

for (const backend of BACKENDS) {
  test(`[${backend}] \`init\` twice is harmless: both exit 0 with the same schema version`, withDatabase(backend, (dbUrl) => {
    const first = doorbraak(['--db', dbUrl, 'init']);
    assert.equal(first.status, 0, first.stderr);
    const second = doorbraak(['--db', dbUrl, 'init']);
    assert.equal(second.status, 0, second.stderr);
    const v1 = /schemaversie (\d+)/.exec(first.stdout)?.[1];
    const v2 = /schemaversie (\d+)/.exec(second.stdout)?.[1];
    assert.ok(v1 && Number(v1) > 0, `first init: ${first.stdout}`);
    assert.equal(v2, v1, `second init: ${second.stdout}`);
    const version = /schemaversie (\d+)/.exec(doorbraak(['version']).stdout)?.[1];
    assert.equal(v1, version, '`version` names the same schema version');
    const r = verify(dbUrl);
    assert.equal(r.status, 0, r.stderr);
  }));

  test(`[${backend}] \`audit verify\` on a fresh database says intact`, withDatabase(backend, (dbUrl) => {
    initDatabase(dbUrl);
    const r = verify(dbUrl);
    assert.equal(r.status, 0, r.stderr);
    const n = backendOps(backend, dbUrl).last().after;
    assert.ok(n >= 1, 'init records the catalogue it loaded');
    assert.equal(r.stdout, `auditketen intact: ${n} records\n`);
  }));

  test(`[${backend}] a valid chain of 3 records verifies; altering record 2 is found`, withDatabase(backend, (dbUrl) => {
    initDatabase(dbUrl);
    const db = backendOps(backend, dbUrl);
    const base = appendChain(db);
    const second = base + 2;
    let r = verify(dbUrl);
    assert.equal(r.status, 0, `verify on the valid chain: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, `auditketen intact: ${base + 3} records\n`);

    // The database itself refuses the change ...
    const refused = db.tryExec(`UPDATE auditlog SET actor = 'indringer' WHERE volgnummer = ${second};`);
    assert.equal(refused.ok, false, 'UPDATE on auditlog is refused by the trigger');
    assert.match(refused.error, /alleen worden aangevuld/);
    r = verify(dbUrl);
    assert.equal(r.status, 0, 'still intact after the refused update');

    // ... and once the guard is removed, verify names the altered record.
    db.disableUpdateGuard();
    db.exec(`UPDATE auditlog SET actor = 'indringer' WHERE volgnummer = ${second};`);
    r = verify(dbUrl);
    assert.equal(r.status, 1, `exit ${r.status}; stdout ${r.stdout} stderr ${r.stderr}`);
    assert.equal(lines(r.stderr).length, 1, `stderr: ${r.stderr}`);
    assert.equal(/record (\d+)/.exec(r.stderr)?.[1], String(second), `names record ${second} first: ${r.stderr}`);
  }));

  test(`[${backend}] a removed record in the middle of the chain is found`, withDatabase(backend, (dbUrl) => {
    initDatabase(dbUrl);
    const db = backendOps(backend, dbUrl);
    const second = appendChain(db) + 2;
    const refused = db.tryExec(`DELETE FROM auditlog WHERE volgnummer = ${second};`);
    assert.equal(refused.ok, false, 'DELETE on auditlog is refused by the trigger');
    db.disableDeleteGuard();
    db.exec(`DELETE FROM auditlog WHERE volgnummer = ${second};`);
    const r = verify(dbUrl);
    assert.equal(r.status, 1, `exit ${r.status}; stdout ${r.stdout} stderr ${r.stderr}`);
    assert.equal(/record (\d+)/.exec(r.stderr)?.[1], String(second), `names record ${second} first: ${r.stderr}`);
  }));

  test(`[${backend}] a record whose hash was recomputed but not its successor's link is found`, withDatabase(backend, (dbUrl) => {
    initDatabase(dbUrl);
    const db = backendOps(backend, dbUrl);
    // Forge the second new record consistently with itself: only the
    // third one's link breaks.
    const base = appendChain(db, (rows, after) => {
      rows[1].resultaat = 'geweigerd';
      rows[1].hash = auditHash(after + 2, rows[1].tijdstip, rows[1], rows[1].vorige_hash);
      return rows;
    });
    const r = verify(dbUrl);
    assert.equal(r.status, 1, `exit ${r.status}; stdout ${r.stdout} stderr ${r.stderr}`);
    assert.equal(/record (\d+)/.exec(r.stderr)?.[1], String(base + 3), `names record ${base + 3} first: ${r.stderr}`);
  }));
}

await run();
