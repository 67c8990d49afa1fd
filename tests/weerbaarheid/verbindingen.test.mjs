// SPDX-License-Identifier: EUPL-1.2
//
// verbindingen.test.mjs -- issue 12: the server keeps answering under slow
// clients, and counts logins per real client behind a trusted proxy
// (src/api/verbindingen.h, docs/beveiliging.md). Black-box against a real
// server on SQLite, with the guard's limits set low through the environment.
//
// Loopback has a whole /8: the attacker connects from 127.0.0.2, the normal
// client from 127.0.0.1, so the per-address limit tells them apart.

import http from 'node:http';
import net from 'node:net';

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { DEMO_WACHTWOORD } from '../lib/indiening.mjs';
import { startServer } from '../lib/server.mjs';

setSuite('weerbaarheid/verbindingen [sqlite]');

const TERMIJN_S = 3;
const PER_ADRES = 8;
const MAX = 24;

let srv;       // no trusted proxy
let achter;    // behind a trusted proxy at 127.0.0.1
let lang;      // a long request deadline: only shedding frees a full server
const open = new Set();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A GET or POST from `localAddress`; resolves {status, headers, text} or rejects. */
function vraag(base, { method = 'GET', path = '/api/v1/status', localAddress = '127.0.0.1', headers = {}, body, timeout = 8000 } = {}) {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path, localAddress, agent: false, timeout,
      headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } : headers },
    (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout} ms`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/**
 * A slowloris connection from `localAddress`: sends a request line and then
 * one header line every `elke` ms, never the empty line that ends the head.
 * Returns {socket, dicht (a promise resolving when the server closed it),
 * antwoord (what the server sent)}.
 */
function traag(base, localAddress, elke = 500) {
  const u = new URL(base);
  const socket = net.connect({ host: u.hostname, port: Number(u.port), localAddress });
  const c = { socket, antwoord: '', gesloten: false };
  c.verbonden = new Promise((resolve) => { socket.once('connect', resolve); socket.once('close', resolve); });
  open.add(socket);
  let timer;
  c.dicht = new Promise((resolve) => {
    const klaar = () => {
      c.gesloten = true;
      clearInterval(timer);
      open.delete(socket);
      resolve();
    };
    socket.on('close', klaar);
    socket.on('error', () => {});
  });
  socket.setEncoding('utf8');
  socket.on('data', (d) => { c.antwoord += d; });
  socket.on('connect', () => {
    socket.write('GET /api/v1/status HTTP/1.1\r\nHost: doorbraak\r\n');
    let i = 0;
    timer = setInterval(() => {
      if (!socket.destroyed) socket.write(`X-Traag-${i++}: ${'a'.repeat(8)}\r\n`);
    }, elke);
  });
  return c;
}

before(async () => {
  const env = { DOORBRAAK_VERZOEK_TERMIJN_S: String(TERMIJN_S), DOORBRAAK_VERBINDINGEN_PER_ADRES: String(PER_ADRES),
    DOORBRAAK_VERBINDINGEN_MAX: String(MAX) };
  srv = await startServer({ backend: 'sqlite', args: ['--demo'], threads: 2, env });
  lang = await startServer({ backend: 'sqlite', threads: 2, env: { ...env, DOORBRAAK_VERZOEK_TERMIJN_S: '120' } });
  achter = await startServer({ backend: 'sqlite', args: ['--demo'], threads: 2,
    env: { ...env, DOORBRAAK_PROXY: '127.0.0.1', DOORBRAAK_INLOG_MAX_ADRES: '3' } });
});

after(async () => {
  for (const s of open) s.destroy();
  if (srv) await srv.stop();
  if (achter) await achter.stop();
  if (lang) await lang.stop();
});

test('a request head that trickles in byte by byte is cut off at the request deadline', async () => {
  const c = traag(srv.url, '127.0.0.1', 300);
  // Every 300 ms a byte arrives, so an idle timeout never fires; only the
  // deadline for the whole request does. Wait at most 4x the deadline.
  await Promise.race([c.dicht, sleep(TERMIJN_S * 4000)]);
  assert.ok(c.gesloten, `the server still holds the connection after ${TERMIJN_S * 4} s of trickling`);
  assert.doesNotMatch(c.antwoord, /^HTTP\/1\.1 200/, 'an unfinished request was not answered');
});

test('a slowloris from one address holds at most its share; a normal client is served meanwhile', async () => {
  const aanval = Array.from({ length: MAX + 6 }, () => traag(srv.url, '127.0.0.2', 1000));
  await sleep(800);
  const nogOpen = aanval.filter((c) => !c.gesloten).length;
  assert.ok(nogOpen <= PER_ADRES, `${nogOpen} attacker connections held, limit ${PER_ADRES}`);
  for (let i = 0; i < 5; i++) {
    const r = await vraag(srv.url, { localAddress: '127.0.0.1' });
    assert.equal(r.status, 200, 'the normal client is served while the slowloris lasts');
  }
  for (const c of aanval) c.socket.destroy();
});

test('slow clients from many addresses fill every connection; the server sheds them and a normal client is served', async () => {
  // Three addresses, each below its own limit, together all MAX connections;
  // the request deadline (120 s) is far away, so only shedding can help.
  const aanval = Array.from({ length: MAX }, (_, i) => traag(lang.url, `127.0.0.${2 + (i % 3)}`, 400));
  // Every slow connection is in and has waited past the 1 s a connection may
  // wait before it can be shed, so the server is full when the client comes.
  await Promise.all(aanval.map((c) => c.verbonden));
  await sleep(1500);
  let r;
  for (let poging = 0; poging < 20 && !(r && r.status === 200); poging++) {
    r = await vraag(lang.url, { localAddress: '127.0.0.1', timeout: 2000 }).catch((err) => ({ status: 0, err }));
    if (r.status !== 200) await sleep(500);
  }
  assert.equal(r.status, 200, `the normal client was not served within ~20 attempts (${r.err?.message || r.status})`);
  // The watchdog sheds every 250 ms until at most 75 % is in use.
  for (let t = 0; t < 20 && aanval.filter((c) => c.gesloten).length < MAX / 4; t++) await sleep(250);
  const weg = aanval.filter((c) => c.gesloten).length;
  assert.ok(weg >= MAX / 4, `slow connections were shed (${weg} of ${MAX} closed)`);
  for (const c of aanval) c.socket.destroy();
});

test('a client on a keep-alive connection is answered, then cut off when idle past the deadline', async () => {
  const u = new URL(srv.url);
  const socket = net.connect({ host: u.hostname, port: Number(u.port) });
  open.add(socket);
  let data = '';
  let gesloten = false;
  socket.setEncoding('utf8');
  socket.on('data', (d) => { data += d; });
  socket.on('error', () => {});
  const dicht = new Promise((r) => socket.on('close', () => { gesloten = true; r(); }));
  await new Promise((r) => socket.on('connect', r));
  socket.write('GET /api/v1/status HTTP/1.1\r\nHost: doorbraak\r\n\r\n');
  await sleep(500);
  assert.match(data, /^HTTP\/1\.1 200/);
  await Promise.race([dicht, sleep(TERMIJN_S * 4000)]);
  assert.ok(gesloten, 'an idle kept-alive connection is closed');
  open.delete(socket);
});

async function login(base, naam, wachtwoord, localAddress, xff) {
  const headers = xff ? { 'x-forwarded-for': xff } : {};
  return vraag(base, { method: 'POST', path: '/api/v1/sessies', localAddress, headers,
    body: JSON.stringify({ gebruikersnaam: naam, wachtwoord }) });
}

test('behind a trusted proxy, failed logins count per real client: one guesser does not lock out the others', async () => {
  // Three failures from 203.0.113.7 (through the proxy at 127.0.0.1, limit 3 per address).
  for (let i = 0; i < 3; i++) {
    const r = await login(achter.url, `onbekend${i}`, 'fout-wachtwoord', '127.0.0.1', '203.0.113.7');
    assert.equal(r.status, 401, r.text);
  }
  const geblokt = await login(achter.url, 'nza', DEMO_WACHTWOORD, '127.0.0.1', '203.0.113.7');
  assert.equal(geblokt.status, 429, 'the guessing client is throttled');
  assert.ok(Number(geblokt.headers['retry-after']) > 0);
  // The real NZa user, another client behind the same proxy, logs in.
  const nza = await login(achter.url, 'nza', DEMO_WACHTWOORD, '127.0.0.1', '198.51.100.9');
  assert.equal(nza.status, 201, nza.text);
  // A forged entry left of the proxy's own does not help: the proxy appended the real address.
  const vals = await login(achter.url, 'nza', DEMO_WACHTWOORD, '127.0.0.1', '198.51.100.9, 203.0.113.7');
  assert.equal(vals.status, 429, 'counted under the address the proxy saw');
});

test('X-Forwarded-For from a peer that is not a trusted proxy is ignored', async () => {
  for (let i = 0; i < 3; i++) {
    const r = await login(achter.url, `ander${i}`, 'fout-wachtwoord', '127.0.0.3', `192.0.2.${i + 1}`);
    assert.equal(r.status, 401, r.text);
  }
  // Every failure counted under 127.0.0.3, whatever the header said.
  const r = await login(achter.url, 'nza', DEMO_WACHTWOORD, '127.0.0.3', '192.0.2.200');
  assert.equal(r.status, 429, r.text);
});

test('a trusted proxy is not held to the per-address connection limit', async () => {
  const conns = Array.from({ length: PER_ADRES + 4 }, () => traag(achter.url, '127.0.0.1', 1000));
  await sleep(800);
  assert.equal(conns.filter((c) => !c.gesloten).length, PER_ADRES + 4);
  for (const c of conns) c.socket.destroy();
});

await run();
