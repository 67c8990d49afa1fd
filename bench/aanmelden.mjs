// SPDX-License-Identifier: EUPL-1.2
//
// aanmelden.mjs -- many people log in in the same second: is anybody else
// kept waiting, and how much memory does the server take? Numbers are
// printed, never asserted; the script fails only when it cannot measure.
//
//   make build && node bench/aanmelden.mjs
//   DOORBRAAK_TEST_BACKEND=postgresql node bench/aanmelden.mjs
//
// Starts `build/doorbraak --demo serve` with BENCH_THREADS (16) database
// connections. A status client asks GET /api/v1/status one request at a
// time throughout. After 2 s, BENCH_LOGINS (64) clients log in at the same
// moment (each from its own loopback address, so the per-address throttle
// does not refuse them) on the 11 demo accounts, with their password (Argon2id,
// 128 MiB, docs/toegang.md). Printed: how long the last login took, the
// status client's p50/p99/max during the logins, the server's resident
// memory before, at its peak (VmHWM) and 3 s after the logins.

import http from 'node:http';
import { readFileSync } from 'node:fs';

import { startServer } from '../tests/lib/server.mjs';
import { DEMO_WACHTWOORD } from '../tests/lib/indiening.mjs';

const LOGINS = Number(process.env.BENCH_LOGINS || 64);
const THREADS = Number(process.env.BENCH_THREADS || 16);
// The demo accounts: a login counts as an attempt of its account until it
// is done, and an account takes at most 5 at once (docs/toegang.md), so the
// logins are spread over them like 64 different people.
const ACCOUNTS = ['aanvrager', 'beoordelaar', 'beoordelaar-zuid', 'bestuur', 'nza',
  'programmabureau', 'gemeente', 'zorginstituut', 'auditor', 'beheerder', 'beheerder-2'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);

function geheugen(pid) {
  const t = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(t)[1]);
  return { rss: kb('VmRSS'), piek: kb('VmHWM') };
}

function verzoek(u, method, path, body, localAddress) {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.request({ host: u.hostname, port: u.port, path, method, agent: false, timeout: 60000,
      localAddress, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

const srv = await startServer({ threads: THREADS, args: ['--demo'] });
const u = new URL(srv.url);
const pid = srv.process.pid;
try {
  const voor = geheugen(pid);
  let bezig = true;
  const status = [];
  let statusFout = 0;
  let inLogins = false;
  const statusLus = (async () => {
    while (bezig) {
      const r = await verzoek(u, 'GET', '/api/v1/status', null, '127.0.0.1');
      if (r.status !== 200) statusFout++;
      else if (inLogins) status.push(r.ms);
    }
  })();
  await sleep(2000);
  inLogins = true;
  const t0 = Date.now();
  const logins = await Promise.all(Array.from({ length: LOGINS }, (_, i) =>
    verzoek(u, 'POST', '/api/v1/sessies', { gebruikersnaam: ACCOUNTS[i % ACCOUNTS.length], wachtwoord: DEMO_WACHTWOORD },
      `127.0.2.${(i % 250) + 1}`)));
  const duur = Date.now() - t0;
  inLogins = false;
  const piek = geheugen(pid).piek;
  await sleep(3000);
  bezig = false;
  await statusLus;
  const na = geheugen(pid);
  status.sort((a, b) => a - b);
  const gelukt = logins.filter((r) => r.status === 201).length;
  const anders = {};
  for (const r of logins) if (r.status !== 201) anders[r.status] = (anders[r.status] || 0) + 1;
  if (Object.keys(anders).length) console.log(`logins not succeeded, by status: ${JSON.stringify(anders)}`);
  const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
  const mb = (kb) => (kb / 1024).toFixed(0);
  console.log(`aanmelden: ${LOGINS} logins at once, ${THREADS} database connections, backend ${srv.backend || process.env.DOORBRAAK_TEST_BACKEND || 'sqlite'}`);
  console.log('| logins | succeeded | last login after s | status requests meanwhile | status p50 ms | p99 ms | max ms | status failed | RSS before MB | peak MB | RSS 3 s after MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(`| ${LOGINS} | ${gelukt} | ${(duur / 1000).toFixed(1)} | ${status.length} | ${f(pct(status, 50))} | ${f(pct(status, 99))} | ${f(status[status.length - 1])} | ${statusFout} | ${mb(voor.rss)} | ${mb(piek)} | ${mb(na.rss)} |`);
} finally {
  await srv.stop();
}
