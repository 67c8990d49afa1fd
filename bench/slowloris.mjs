// SPDX-License-Identifier: EUPL-1.2
//
// slowloris.mjs -- how a normal client is served while slow clients hold
// connections (docs/beveiliging.md). Numbers are printed, never
// asserted; the script fails only when it cannot measure.
//
//   make build && node bench/slowloris.mjs
//
// Two scenarios against `build/doorbraak serve` with its default guard
// (request deadline 20 s, 32 connections per address, 1000 in all):
//   one address   BENCH_AANVAL (default 1000) slow connections from 127.0.0.2
//   many addresses the same number spread over 127.0.1.1..127.0.1.40
// Each slow connection sends a request line and then one header line every
// BENCH_ELKE_MS (default 2000). Meanwhile a normal client on 127.0.0.1 asks
// GET /api/v1/status one request at a time for BENCH_DUUR_S (default 30) s.
// Printed: connections the server kept, normal requests answered and
// failed, p50/p99/max latency.

import http from 'node:http';
import net from 'node:net';

import { startServer } from '../tests/lib/server.mjs';

const AANVAL = Number(process.env.BENCH_AANVAL || 1000);
const ELKE_MS = Number(process.env.BENCH_ELKE_MS || 2000);
const DUUR_S = Number(process.env.BENCH_DUUR_S || 30);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function traag(u, localAddress, sockets) {
  const s = net.connect({ host: u.hostname, port: Number(u.port), localAddress });
  const c = { open: true };
  s.on('error', () => {});
  s.on('close', () => { c.open = false; });
  s.on('connect', () => {
    s.write('GET /api/v1/status HTTP/1.1\r\nHost: bench\r\n');
    c.timer = setInterval(() => { if (!s.destroyed) s.write('X-Traag: a\r\n'); }, ELKE_MS);
  });
  sockets.push({ s, c });
  return c;
}

function vraag(u) {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.request({ host: u.hostname, port: u.port, path: '/api/v1/status', agent: false, timeout: 10000,
      localAddress: '127.0.0.1' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ok: res.statusCode === 200, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ ok: false, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    req.end();
  });
}

const pct = (xs, p) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);

async function scenario(naam, adres) {
  const srv = await startServer({ backend: 'sqlite', threads: 4 });
  const u = new URL(srv.url);
  const sockets = [];
  try {
    for (let i = 0; i < AANVAL; i++) {
      traag(u, adres(i), sockets);
      if (i % 100 === 99) await sleep(50);
    }
    await sleep(1000);
    const gehouden = sockets.filter((x) => x.c.open).length;
    const tijden = [];
    let mislukt = 0;
    const eind = Date.now() + DUUR_S * 1000;
    while (Date.now() < eind) {
      const r = await vraag(u);
      if (r.ok) tijden.push(r.ms);
      else mislukt++;
    }
    tijden.sort((a, b) => a - b);
    const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
    console.log(`| ${naam} | ${AANVAL} | ${gehouden} | ${tijden.length} | ${mislukt} | ${f(pct(tijden, 50))} | ${f(pct(tijden, 99))} | ${f(tijden[tijden.length - 1])} |`);
  } finally {
    for (const { s, c } of sockets) { clearInterval(c.timer); s.destroy(); }
    await srv.stop();
  }
}

console.log(`slowloris: ${AANVAL} slow connections, a header line every ${ELKE_MS} ms, normal client for ${DUUR_S} s`);
console.log('| scenario | slow connections | kept after 1 s | normal answered | normal failed | p50 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|---|---|---|');
await scenario('one address', () => '127.0.0.2');
await scenario('40 addresses', (i) => `127.0.1.${(i % 40) + 1}`);
