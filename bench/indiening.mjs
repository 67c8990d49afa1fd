// SPDX-License-Identifier: EUPL-1.2
//
// indiening.mjs -- the deadline, played: many concurrent clients submit
// prepared, distinct applications as fast as they can in the last part of
// a round, until the server says the round has closed. Measures; never
// asserts a number. Run by bench/indiening.sh (which also runs the
// baseline); see bench/indiening.md.
//
//   node bench/indiening.mjs --db URL [--clients 64] [--venster 60] [--threads 16]
//                            [--voorbereiding 120] [--concepten 40000] [--uit FILE]
//
// 1. starts `doorbraak --demo serve` on the database (fresh: init loads the demo),
// 2. makes a round that closes `voorbereiding` + `venster` seconds from now,
// 3. prepares up to `concepten` distinct drafts (the conform example with a
//    numbered title) until `voorbereiding` runs out,
// 4. waits until `venster` seconds before the closing moment, then N clients
//    (keep-alive connections) submit drafts one after another; a client
//    stops at "ronde_gesloten" or when the drafts run out,
// 5. counts receipts, refusals and errors; p50/p99 of the accepted
//    submissions; submissions per second over the time they took; checks
//    that the database holds exactly one version per receipt and that the
//    last accepted moment lies before the closing moment.
// Prints one JSON line with the results (and writes it to --uit).

import http from 'node:http';
import { writeFileSync } from 'node:fs';

import { startServer } from '../tests/lib/server.mjs';
import { canonical, world } from '../tests/lib/indiening.mjs';

function args() {
  const a = { clients: 64, venster: 60, threads: 16, voorbereiding: 120, concepten: 40000 };
  const v = process.argv.slice(2);
  for (let i = 0; i < v.length; i += 2) {
    const k = v[i].replace(/^--/, '');
    a[k] = ['db', 'uit', 'label'].includes(k) ? v[i + 1] : Number(v[i + 1]);
  }
  if (!a.db) throw new Error('--db URL is required');
  return a;
}

const opt = args();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** POST with a keep-alive agent; resolves {status, text, ms}. */
function post(agent, base, path, headers, body) {
  const u = new URL(base);
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.request({ host: u.hostname, port: u.port, path, method: 'POST', agent,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
    (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString(),
        ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      res.on('error', (err) => resolve({ status: 0, text: String(err), ms: 0 }));
    });
    req.on('error', (err) => resolve({ status: 0, text: String(err), ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    req.end(body);
  });
}

// The clients stand for many applicants at many addresses: the connection
// guard's per-address limit (32, docs/beveiliging.md) is lifted for them.
const srv = await startServer({ dbUrl: opt.db, args: ['--demo'], threads: opt.threads,
  env: { DOORBRAAK_VERBINDINGEN_PER_ADRES: '1000' },
  backend: opt.db.startsWith('postgres') ? 'postgresql' : 'sqlite' });
let result;
try {
  const w = await world(srv);
  const ronde = await w.round(opt.voorbereiding + opt.venster, `Bench ${new Date().toISOString()}`);
  const sluit = Date.parse(ronde.sluit_op);
  const auth = { cookie: `__Host-doorbraak=${w.aanvrager.cookie}`, 'x-csrf-token': w.aanvrager.csrf };
  const prepAgent = new http.Agent({ keepAlive: true, maxSockets: opt.threads });
  // 3. drafts, until the preparation time is up
  const drafts = [];
  const prepEnd = sluit - opt.venster * 1000 - 2000;
  const t0 = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: opt.threads }, async () => {
    while (Date.now() < prepEnd && next < opt.concepten) {
      const n = next++;
      const body = JSON.stringify({ indieningsronde_id: ronde.id, document: w.doc(`Bench-aanvraag ${n}`) });
      const r = await post(prepAgent, srv.url, '/api/v1/aanvragen', auth, body);
      if (r.status === 201) drafts.push(JSON.parse(r.text).aanvraag.id);
      else throw new Error(`draft ${n}: ${r.status} ${r.text.slice(0, 200)}`);
    }
  }));
  const prepSeconds = (Date.now() - t0) / 1000;
  prepAgent.destroy();
  // 4. the last part of the round
  const wait = sluit - opt.venster * 1000 - Date.now();
  if (wait > 0) await sleep(wait);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opt.clients });
  const lat = [];
  const counts = { bewijs: 0, gesloten: 0, anders4xx: 0, fout5xx: 0, verbinding: 0 };
  let laatsteBewijs = '';
  let first = null;
  let last = null;
  let take = 0;
  const fireStart = Date.now();
  await Promise.all(Array.from({ length: opt.clients }, async () => {
    for (;;) {
      if (take >= drafts.length) return;
      const id = drafts[take++];
      const r = await post(agent, srv.url, `/api/v1/aanvragen/${id}/indiening`, auth, '{}');
      const now = Date.now();
      first ??= now;
      if (r.status === 201) {
        counts.bewijs++;
        lat.push(r.ms);
        last = now;
        const op = JSON.parse(r.text).ontvangstbewijs.ingediend_op;
        if (op > laatsteBewijs) laatsteBewijs = op;
      } else if (r.status === 409 && r.text.includes('ronde_gesloten')) {
        counts.gesloten++;
        return;
      } else if (r.status >= 500) counts.fout5xx++;
      else if (r.status === 0) counts.verbinding++;
      else counts.anders4xx++;
    }
  }));
  agent.destroy();
  lat.sort((a, b) => a - b);
  const busySeconds = last && first ? Math.max(0.001, (last - fireStart) / 1000) : null;
  // 5. the database holds one version per receipt
  let opgeslagen = 0;
  let na = 0;
  for (let page = 0; page < 1000; page++) {
    const r = (await w.auditor.get(`/aanvragen?indieningsronde=${ronde.id}&status=ingediend&limiet=1000&na=${na}`)).json();
    opgeslagen += r.aanvragen.length;
    if (!r.volgende_na) break;
    na = r.volgende_na;
  }
  result = {
    label: opt.label || srv.backend, backend: srv.backend, clients: opt.clients, server_threads: opt.threads,
    venster_s: opt.venster, concepten: drafts.length, voorbereiding_s: Number(prepSeconds.toFixed(1)),
    ontvangstbewijzen: counts.bewijs, opgeslagen_versies: opgeslagen, geweigerd_na_sluiting: counts.gesloten,
    overig_4xx: counts.anders4xx, fouten_5xx: counts.fout5xx, verbindingsfouten: counts.verbinding,
    concepten_op: take >= drafts.length && counts.gesloten === 0,
    indieningen_per_s: busySeconds ? Number((counts.bewijs / busySeconds).toFixed(1)) : null,
    p50_ms: lat.length ? Number(pct(lat, 50).toFixed(2)) : null,
    p99_ms: lat.length ? Number(pct(lat, 99).toFixed(2)) : null,
    max_ms: lat.length ? Number(lat[lat.length - 1].toFixed(2)) : null,
    document_bytes: Buffer.byteLength(canonical(w.doc('Bench-aanvraag 0'))),
    sluit_op: ronde.sluit_op, laatste_ontvangstbewijs: laatsteBewijs || null,
    laatste_voor_sluiting: laatsteBewijs ? laatsteBewijs < ronde.sluit_op : null,
  };
} finally {
  await srv.stop();
}
const line = JSON.stringify(result);
console.log(line);
if (opt.uit) writeFileSync(opt.uit, `${line}\n`);
