// SPDX-License-Identifier: EUPL-1.2
//
// server.mjs -- fresh databases and a real `doorbraak serve` for black-box tests.
//
//   const srv = await startServer({ backend: 'sqlite' });   // or 'postgresql'
//   await fetch(srv.url + '/api/v1/status');
//   srv.logLines();   // stderr lines so far (one JSON line per request)
//   await srv.stop(); // SIGTERM, wait, remove the database
//
// SQLite databases are files under var/test/; PostgreSQL databases are made
// with `scripts/pg.sh createdb DIR dbk_<random>` on the throwaway server in
// DOORBRAAK_TEST_PG (default `scripts/pg.sh dir`; DOORBRAAK_TEST_PG_URL, when set,
// names a server to use instead -- pg.sh honours it).
//
// Environment: DOORBRAAK_BIN (default build/doorbraak), DOORBRAAK_TEST_BACKEND
// (default backend: sqlite), DOORBRAAK_TEST_KEEP=1 keeps the databases.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const doorbraakBin = process.env.DOORBRAAK_BIN
  ? path.resolve(process.env.DOORBRAAK_BIN)
  : path.join(repoRoot, 'build', 'doorbraak');

export const pgDir = process.env.DOORBRAAK_TEST_PG ||
  spawnSync(path.join(repoRoot, 'scripts', 'pg.sh'), ['dir'], { encoding: 'utf8' }).stdout.trim();

/**
 * Whether a PostgreSQL server is there for the suites that need one. When
 * scripts/test.sh runs the suites (DOORBRAAK_TEST_PG_REQUIRED=1) a missing
 * server is a failure, never a silent skip: use requirePostgres().
 */
export const pgAvailable = Boolean(process.env.DOORBRAAK_TEST_PG_URL) ||
  spawnSync(path.join(repoRoot, 'scripts', 'pg.sh'), ['url', pgDir], { encoding: 'utf8' }).status === 0;

/** Registers, through `test`, one failing test when PostgreSQL is required
 *  but missing; returns whether the PostgreSQL tests can run. */
export function requirePostgres(test, skip, name) {
  if (pgAvailable) return true;
  if (process.env.DOORBRAAK_TEST_PG_REQUIRED === '1') {
    test(name, () => {
      throw new Error('no PostgreSQL server (DOORBRAAK_TEST_PG_URL is empty): scripts/pg.sh start failed?');
    });
  } else {
    skip(name, 'no PostgreSQL server (scripts/pg.sh start "$(scripts/pg.sh dir)")');
  }
  return false;
}

/** The backend the suite runs against: "sqlite" (default) or "postgresql". */
export function testBackend() {
  const b = process.env.DOORBRAAK_TEST_BACKEND || 'sqlite';
  if (b !== 'sqlite' && b !== 'postgresql') {
    throw new Error(`DOORBRAAK_TEST_BACKEND must be sqlite or postgresql, not '${b}'`);
  }
  return b;
}

function randomName(prefix) {
  return `${prefix}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Runs a command synchronously from the repo root; throws with its output on failure. */
export function runChecked(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8', timeout: 120000, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

/** Runs the doorbraak binary; returns {status, stdout, stderr}. Never throws on exit status. */
/** The environment that leaves the demo chains out: after the payment and the social domain (docs/verantwoording.md, docs/sociaal-domein.md). */
export const GEEN_DEMOKETEN = { DOORBRAAK_DEMO_VERANTWOORDING: '0', DOORBRAAK_DEMO_SOCIAAL: '0' };

export function doorbraak(args, { env = {}, timeout = 60000 } = {}) {
  const r = spawnSync(doorbraakBin, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout,
    env: { ...GEEN_DEMOKETEN, ...process.env, ...env },
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Makes an empty database and returns {backend, dbUrl, drop()}.
 * Nothing is initialised yet (see initDatabase).
 */
export function createDatabase(backend = testBackend()) {
  const keep = process.env.DOORBRAAK_TEST_KEEP === '1';
  if (backend === 'sqlite') {
    const dir = path.join(repoRoot, 'var', 'test');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${randomName('dbk_')}.db`);
    return {
      backend,
      dbUrl: file,
      drop() {
        if (keep) return;
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = randomName('dbk_');
  const dbUrl = runChecked(path.join(repoRoot, 'scripts', 'pg.sh'), ['createdb', pgDir, name]).trim();
  if (!/^postgres(ql)?:\/\//.test(dbUrl)) throw new Error(`pg.sh createdb printed '${dbUrl}', not a URL`);
  return {
    backend,
    dbUrl,
    drop() {
      if (keep) return;
      dropPgDatabase(dbUrl, name);
    },
  };
}

/** psql on PATH, else the one of the PostgreSQL server installation. */
export function psqlBin() {
  for (const p of ['/usr/bin/psql', '/usr/lib/postgresql/15/bin/psql']) {
    const r = spawnSync(p, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return p;
  }
  return 'psql';
}

/** Runs SQL on a PostgreSQL URL with psql (-At output); throws on error. */
export function psql(dbUrl, sql) {
  return runChecked(psqlBin(), ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-d', dbUrl, '-c', sql], {
    env: { ...process.env, PGCONNECT_TIMEOUT: '10', PGOPTIONS: '-c client_min_messages=warning' },
  });
}

function dropPgDatabase(dbUrl, name) {
  const adminUrl = dbUrl.replace(/\/[^/?]*(\?.*)?$/, (m, q) => `/postgres${q || ''}`);
  try {
    psql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch {
    // The server may already be gone at the end of the run; the data
    // directory is throwaway anyway.
  }
}

/** `doorbraak --db URL init`; returns the schema version it printed. */
export function initDatabase(dbUrl, { env = {} } = {}) {
  const r = doorbraak(['--db', dbUrl, 'init'], { env });
  if (r.status !== 0) throw new Error(`doorbraak init exited ${r.status}: ${r.stderr}`);
  const m = /schemaversie (\d+)/.exec(r.stdout);
  if (!m) throw new Error(`doorbraak init printed no schema version: ${r.stdout}`);
  return Number(m[1]);
}

/**
 * Starts `doorbraak serve` on a fresh, initialised database.
 *
 * options: backend ('sqlite' | 'postgresql', default from the environment),
 * args (extra options before `serve`, e.g. ['--demo']), env (extra
 * environment, e.g. {DOORBRAAK_DEMO: '1'}), threads, dbUrl (use this
 * database instead of a fresh one; it is not dropped), init (default true).
 *
 * Returns {url, port, dbUrl, backend, schemaVersion, process, logLines(),
 * logJson(), waitForLog(pred), stop()}.
 */
export async function startServer(options = {}) {
  const backend = options.backend || testBackend();
  const db = options.dbUrl ? { backend, dbUrl: options.dbUrl, drop() {} } : createDatabase(backend);
  // The demo chain after the payment stays out unless a suite asks for it:
  // the suites build their own worlds and count what they make.
  const env = { ...GEEN_DEMOKETEN, ...process.env, ...(options.env || {}) };
  let schemaVersion = null;
  try {
    if (options.init !== false) schemaVersion = initDatabase(db.dbUrl, { env: { ...GEEN_DEMOKETEN, ...(options.env || {}) } });
  } catch (err) {
    db.drop();
    throw err;
  }
  const args = ['--db', db.dbUrl, '--listen', '127.0.0.1:0'];
  if (options.threads) args.push('--threads', String(options.threads));
  args.push(...(options.args || []), 'serve');
  const child = spawn(doorbraakBin, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });

  const stderrLines = [];
  let stderrRest = '';
  const waiters = new Set();
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderrRest += chunk;
    const parts = stderrRest.split('\n');
    stderrRest = parts.pop();
    stderrLines.push(...parts);
    for (const w of waiters) w();
  });
  let stdout = '';
  child.stdout.setEncoding('utf8');

  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`doorbraak serve printed no URL within 20 s; stdout: ${stdout} stderr: ${stderrLines.join('\n')}`));
    }, 20000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const m = /luistert op (http:\/\/[^\s/]+)\/? /.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    exitPromise.then((x) => {
      clearTimeout(timer);
      reject(new Error(`doorbraak serve exited (${x.code ?? x.signal}) before listening: ${stderrLines.join('\n')}${stderrRest}`));
    });
  }).catch((err) => {
    db.drop();
    throw err;
  });

  const port = Number(new URL(url).port);

  function logJson() {
    const out = [];
    for (const line of stderrLines) {
      if (!line.startsWith('{')) continue;
      try {
        out.push(JSON.parse(line));
      } catch {
        // not JSON: left for logLines()
      }
    }
    return out;
  }

  /** Resolves with the first parsed log line matching pred, or rejects after ms. */
  function waitForLog(pred, ms = 5000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = logJson().find(pred);
        if (hit) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching log line within ${ms} ms; log:\n${stderrLines.slice(-20).join('\n')}`));
      }, ms);
      waiters.add(check);
      check();
    });
  }

  let stopped = null;
  async function stop() {
    if (stopped) return stopped;
    stopped = (async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exitPromise;
        clearTimeout(timer);
      }
      if (stderrRest) {
        stderrLines.push(stderrRest);
        stderrRest = '';
      }
      if (!options.dbUrl) db.drop();
      return exited;
    })();
    return stopped;
  }

  return {
    url,
    port,
    dbUrl: db.dbUrl,
    backend,
    schemaVersion,
    process: child,
    stdout: () => stdout,
    logLines: () => stderrLines.slice(),
    logJson,
    waitForLog,
    exited: () => exited,
    stop,
  };
}
