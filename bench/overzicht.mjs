// SPDX-License-Identifier: EUPL-1.2
//
// overzicht.mjs -- the board's macro overview of a round with thousands of
// submitted applications, beside the same server handing out a static file
// of similar size. Numbers are printed, never asserted; the script fails
// only when it cannot measure.
//
//   make build && node bench/overzicht.mjs
//   DOORBRAAK_TEST_BACKEND=postgresql node bench/overzicht.mjs
//
// 1. `doorbraak --demo serve` (BENCH_THREADS database connections, 16) on a
//    fresh database; a round that closes BENCH_VOORBEREIDING (60) s from now;
// 2. BENCH_AANVRAGEN (5000) drafts by the demo lead, all submitted;
// 3. after the closing moment, `wrk -t2 -c32 -d BENCH_DUUR (10s) --latency` on
//    a. GET /api/v1/macrooverzicht?indieningsronde=ID as the auditor (the
//       full view: every application counts, a session check per request),
//    b. the same with If-None-Match of the answer's ETag (304, no body),
//    c. the public view (no login),
//    d. the reference: GET /static/js/formulier.js, a static file of the browser
//       client that the same binary serves from memory (16 KB).
// Prints requests/s, p50 and p99 of each, the overview's size, and the time
// of the first overview (when nothing is cached yet) and of the first public
// view (the numbers of every version are kept, the answer is not: what every
// request cost before answers were kept, and what the first request after a
// write costs).

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { startServer } from '../tests/lib/server.mjs';
import { world } from '../tests/lib/indiening.mjs';

const N = Number(process.env.BENCH_AANVRAGEN || 5000);
const VOORBEREIDING = Number(process.env.BENCH_VOORBEREIDING || 60);
const THREADS = Number(process.env.BENCH_THREADS || 16);
const DUUR = process.env.BENCH_DUUR || '10s';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Asynchronous on purpose: the server's request log goes to a pipe this
// process drains; a synchronous wait would let it fill and stall the server.
async function wrk(url, headers = []) {
  const args = ['-t2', '-c32', `-d${DUUR}`, '--latency'];
  for (const h of headers) args.push('-H', h);
  const { stdout: out } = await promisify(execFile)('wrk', [...args, url], { encoding: 'utf8' });
  if (process.env.BENCH_WRK_LOG) console.error(out);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]);
  const ms = (p) => {
    const m = new RegExp(`${p}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return NaN;
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  return { rps, p50: ms('50'), p99: ms('99'), fout: non2xx ? Number(non2xx[1]) : 0 };
}

const srv = await startServer({ threads: THREADS, args: ['--demo'],
  env: { DOORBRAAK_VERBINDINGEN_PER_ADRES: '1000' } });
try {
  const w = await world(srv);
  const ronde = await w.round(VOORBEREIDING, `Bench overzicht ${new Date().toISOString()}`);
  const ids = [];
  let next = 0;
  await Promise.all(Array.from({ length: THREADS }, async () => {
    while (next < N) {
      const n = next++;
      const r = await w.aanvrager.post('/aanvragen', { indieningsronde_id: ronde.id, document: w.doc(`Bench ${n}`) });
      if (r.status !== 201) throw new Error(`draft ${n}: ${r.status} ${r.text.slice(0, 200)}`);
      const id = r.json().aanvraag.id;
      const s = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
      if (s.status !== 201) throw new Error(`submission ${n}: ${s.status} ${s.text.slice(0, 200)}`);
      ids.push(id);
    }
  }));
  const wacht = Date.parse(ronde.sluit_op) - Date.now() + 500;
  if (wacht < 0) throw new Error(`the round closed before ${N} applications were in: raise BENCH_VOORBEREIDING`);
  await sleep(wacht);
  const pad = `/api/v1/macrooverzicht?indieningsronde=${ronde.id}`;
  const cookie = `Cookie: __Host-doorbraak=${w.auditor.cookie}`;
  const t0 = process.hrtime.bigint();
  const eerste = await w.auditor.get(`/macrooverzicht?indieningsronde=${ronde.id}`);
  const eersteMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (eerste.status !== 200) throw new Error(`overview: ${eerste.status} ${eerste.text.slice(0, 200)}`);
  const etag = eerste.headers.etag;
  // the public view is another answer: computed once before it is measured
  const t1 = process.hrtime.bigint();
  await w.api.get(pad);
  const publiekMs = Number(process.hrtime.bigint() - t1) / 1e6;
  const rijen = [
    ['overview, auditor (full view)', await wrk(srv.url + pad, [cookie])],
    ['overview, auditor, If-None-Match (304)', await wrk(srv.url + pad, [cookie, `If-None-Match: ${etag}`])],
    ['overview, public', await wrk(srv.url + pad)],
    ['reference: static file /static/js/formulier.js', await wrk(`${srv.url}/static/js/formulier.js`)],
  ];
  console.log(`overzicht: ${ids.length} submitted applications, backend ${srv.backend || 'sqlite'}, ` +
    `overview ${Buffer.byteLength(eerste.text)} bytes, first overview (nothing cached) ${eersteMs.toFixed(0)} ms, ` +
    `first public view (numbers cached, answer not) ${publiekMs.toFixed(0)} ms`);
  console.log('| what | requests/s | p50 ms | p99 ms | non-2xx/3xx |');
  console.log('|---|---|---|---|---|');
  for (const [naam, r] of rijen) console.log(`| ${naam} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.fout} |`);
} finally {
  await srv.stop();
}
