// SPDX-License-Identifier: EUPL-1.2
//
// foundation.test.mjs -- black-box tests of the HTTP foundation
// against a real `doorbraak serve`, on the backend in DOORBRAAK_TEST_BACKEND:
// status, the headers every answer carries, problem+json refusals in the
// documented order (404, 405 + Allow, 400 for unknown query parameters,
// 413 for a body where none is accepted), the OpenAPI document, W3C
// traceparent handling and the one-JSON-line-per-request log.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { client } from '../lib/http.mjs';
import { startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/foundation [${backend}]`);

let srv;
let api;

before(async () => {
  srv = await startServer({ backend });
  api = client(srv.url);
});

after(async () => {
  if (srv) await srv.stop();
});

const TRACEPARENT_RE = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const SEMVER_RE = /^\d+\.\d+\.\d+$/;

let traceCounter = 0;
/** A fresh valid traceparent, to find a request's log line. */
function newTraceparent() {
  traceCounter++;
  const trace = (Date.now().toString(16) + traceCounter.toString(16).padStart(8, '0')).padStart(32, 'a').slice(-32);
  const span = traceCounter.toString(16).padStart(16, '0');
  return `00-${trace}-${span}-01`;
}

function assertProblem(res, status) {
  assert.equal(res.status, status, `status ${res.status}, body ${res.text}`);
  assert.match(res.contentType, /^application\/problem\+json\b/, `content-type ${res.contentType}`);
  const p = res.json();
  assert.equal(p.status, status, 'problem.status equals the HTTP status');
  assert.equal(typeof p.title, 'string');
  assert.ok(p.title.length > 0, 'problem.title is not empty');
  assert.equal(typeof p.detail, 'string');
  assert.ok(p.detail.length > 0, 'problem.detail is not empty');
  return p;
}

function assertCommonHeaders(res, what) {
  const h = res.headers;
  assert.match(h['api-version'] || '', SEMVER_RE, `${what}: API-Version header (got ${h['api-version']})`);
  assert.equal(h['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.match(h['cache-control'] || '', /\bno-store\b/, `${what}: Cache-Control no-store`);
  assert.ok((h['content-security-policy'] || '').includes("default-src"), `${what}: Content-Security-Policy`);
  assert.ok((h['referrer-policy'] || '').length > 0, `${what}: Referrer-Policy`);
  assert.match(h.traceparent || '', TRACEPARENT_RE, `${what}: traceparent`);
}

// --- status ---------------------------------------------------------------

test('GET /api/v1/status answers 200 with versie, opslag and schemaversie', async () => {
  const res = await api.get('/api/v1/status');
  assert.equal(res.status, 200, res.text);
  assert.match(res.contentType, /^application\/json\b/);
  const body = res.json();
  assert.equal(typeof body.versie, 'string');
  assert.match(body.versie, SEMVER_RE);
  assert.equal(body.opslag, backend, 'opslag names the backend under test');
  assert.ok(Number.isInteger(body.schemaversie) && body.schemaversie > 0, `schemaversie ${body.schemaversie}`);
  if (srv.schemaVersion !== null) assert.equal(body.schemaversie, srv.schemaVersion, 'same version as `init` reported');
});

test('API-Version header equals the status api_versie', async () => {
  const res = await api.get('/api/v1/status');
  const body = res.json();
  if (body.api_versie !== undefined) assert.equal(res.headers['api-version'], body.api_versie);
  assert.match(res.headers['api-version'], SEMVER_RE);
});

// --- headers on every answer ----------------------------------------------

test('every answer carries API-Version and the security headers', async () => {
  const cases = [
    ['GET', '/api/v1/status', {}],
    ['GET', '/api/v1/openapi.json', {}],
    ['GET', '/api/v1/bestaat-niet', {}],
    ['GET', '/api/v1/status/', {}],
    ['DELETE', '/api/v1/status', {}],
    ['GET', '/api/v1/status?onbekend=1', {}],
    ['GET', '/api/v1/status', { headers: { 'content-type': 'application/json' }, body: '{}' }],
  ];
  for (const [method, path, opts] of cases) {
    const res = await api.request(method, path, opts);
    assertCommonHeaders(res, `${method} ${path} (${res.status})`);
  }
});

// --- refusals -------------------------------------------------------------

test('unknown path answers 404 problem+json', async () => {
  const res = await api.get('/api/v1/bestaat-niet');
  assertProblem(res, 404);
});

test('unknown path outside a known prefix answers 404 problem+json', async () => {
  assertProblem(await api.get('/api/v1/status/extra'), 404);
  assertProblem(await api.get('/api/v2/status'), 404);
});

test('trailing slash answers 404', async () => {
  assertProblem(await api.get('/api/v1/status/'), 404);
  assertProblem(await api.get('/api/v1/openapi.json/'), 404);
});

test('wrong method answers 405 with an Allow header', async () => {
  for (const method of ['POST', 'DELETE', 'PUT', 'PATCH']) {
    const res = await api.request(method, '/api/v1/status');
    assertProblem(res, 405);
    const allow = (res.headers.allow || '').split(',').map((s) => s.trim());
    assert.ok(allow.includes('GET'), `${method}: Allow lists GET (got '${res.headers.allow}')`);
    assert.ok(!allow.includes(method), `${method}: Allow does not list ${method}`);
  }
});

test('unknown query parameter answers 400 naming it in errors', async () => {
  const res = await api.get('/api/v1/status?onbekend=1');
  const p = assertProblem(res, 400);
  assert.ok(Array.isArray(p.errors), `errors is a list: ${res.text}`);
  assert.ok(p.errors.some((e) => e.name === 'onbekend'), `errors names 'onbekend': ${res.text}`);
  for (const e of p.errors) {
    assert.equal(typeof e.code, 'string');
    assert.equal(typeof e.detail, 'string');
  }
});

test('every unknown query parameter is reported at once', async () => {
  const res = await api.get('/api/v1/status?eerste=1&tweede=2');
  const p = assertProblem(res, 400);
  const names = (p.errors || []).map((e) => e.name);
  assert.ok(names.includes('eerste') && names.includes('tweede'), `both named: ${res.text}`);
});

test('a body on a route that takes none answers 413', async () => {
  const res = await api.get('/api/v1/status', {
    headers: { 'content-type': 'application/json' },
    body: '{"a":1}',
  });
  assertProblem(res, 413);
});

test('a chunked body on a route that takes none answers 413', async () => {
  async function* chunks() {
    yield '{"a":';
    yield '1}';
  }
  const res = await api.get('/api/v1/status', {
    headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    body: chunks(),
  });
  assertProblem(res, 413);
});

test('the server still serves after the refusals', async () => {
  const res = await api.get('/api/v1/status');
  assert.equal(res.status, 200);
});

// --- OpenAPI --------------------------------------------------------------

test('GET /api/v1/openapi.json is an OpenAPI 3 document with /status', async () => {
  const res = await api.get('/api/v1/openapi.json');
  assert.equal(res.status, 200, res.text.slice(0, 200));
  assert.match(res.contentType, /^application\/(vnd\.oai\.openapi\+)?json\b/);
  const doc = res.json();
  assert.match(String(doc.openapi), /^3\.\d+\.\d+$/);
  assert.equal(typeof doc.info?.version, 'string');
  assert.ok(doc.paths && doc.paths['/status'], 'paths has /status');
  assert.ok(doc.paths['/status'].get, '/status has get');
  assert.ok(doc.paths['/openapi.json'], 'paths has /openapi.json');
});

test('the OpenAPI document may be read from any origin (ADR /core/publish-openapi)', async () => {
  const res = await api.get('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.headers['access-control-allow-origin'], '*');
});

test('every GET path without parameters in the OpenAPI document is served', async () => {
  const doc = (await api.get('/api/v1/openapi.json')).json();
  const prefix = new URL(doc.servers?.[0]?.url || 'http://x/api/v1', 'http://x').pathname.replace(/\/$/, '');
  for (const [p, item] of Object.entries(doc.paths)) {
    if (!item.get || p.includes('{')) continue;
    const res = await api.get(prefix + p);
    assert.notEqual(res.status, 404, `GET ${prefix}${p} is documented but answers 404`);
    assert.notEqual(res.status, 405, `GET ${prefix}${p} is documented but answers 405`);
  }
});

// --- traceparent ----------------------------------------------------------

test('a valid traceparent is echoed exactly', async () => {
  const tp = newTraceparent();
  const res = await api.get('/api/v1/status', { headers: { traceparent: tp } });
  assert.equal(res.headers.traceparent, tp);
  const res404 = await api.get('/api/v1/bestaat-niet', { headers: { traceparent: tp } });
  assert.equal(res404.headers.traceparent, tp, 'also on a refusal');
});

test('an invalid traceparent is replaced by a valid fresh one', async () => {
  const invalid = [
    'nonsense',
    '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331', // too short
    '00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01', // upper case
    '00-00000000000000000000000000000000-b7ad6b7169203331-01', // all-zero trace id
    '01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-', // other version, extra
    '00_0af7651916cd43dd8448eb211c80319c_b7ad6b7169203331_01', // wrong separators
    '00-0af7651916cd43dd8448eb211c80319g-b7ad6b7169203331-01', // not hex
  ];
  for (const tp of invalid) {
    const res = await api.get('/api/v1/status', { headers: { traceparent: tp } });
    assert.equal(res.status, 200);
    const got = res.headers.traceparent || '';
    assert.match(got, TRACEPARENT_RE, `for '${tp}' got '${got}'`);
    assert.notEqual(got, tp);
    assert.notEqual(got.slice(3, 35), '0'.repeat(32), 'fresh trace id is not all zeros');
  }
});

test('without a traceparent every answer gets a fresh one', async () => {
  const a = (await api.get('/api/v1/status')).headers.traceparent;
  const b = (await api.get('/api/v1/status')).headers.traceparent;
  assert.match(a, TRACEPARENT_RE);
  assert.match(b, TRACEPARENT_RE);
  assert.notEqual(a.slice(3, 35), b.slice(3, 35), 'two requests, two trace ids');
});

// --- the request log --------------------------------------------------------

test('the log has one JSON line per request with methode, pad, status, duur_us, traceparent', async () => {
  const sent = [
    ['GET', '/api/v1/status', 200],
    ['GET', '/api/v1/bestaat-niet', 404],
    ['POST', '/api/v1/status', 405],
    ['GET', '/api/v1/openapi.json', 200],
  ];
  const tps = [];
  for (const [method, path, status] of sent) {
    const tp = newTraceparent();
    tps.push(tp);
    const res = await api.request(method, path, { headers: { traceparent: tp } });
    assert.equal(res.status, status);
  }
  for (let i = 0; i < sent.length; i++) {
    const [method, path, status] = sent[i];
    const line = await srv.waitForLog((l) => l.traceparent === tps[i]);
    assert.equal(line.methode, method);
    assert.equal(line.pad, path);
    assert.equal(line.status, status);
    assert.ok(Number.isInteger(line.duur_us) && line.duur_us >= 0, `duur_us ${line.duur_us}`);
    // every request has at least its own arena's first block; never above the public cap (64 MiB)
    assert.ok(Number.isInteger(line.geheugen_piek_kb) && line.geheugen_piek_kb >= 16
      && line.geheugen_piek_kb <= 65536, `geheugen_piek_kb ${line.geheugen_piek_kb}`);
  }
  // Exactly one line per request.
  await new Promise((r) => setTimeout(r, 200));
  for (const tp of tps) {
    const n = srv.logJson().filter((l) => l.traceparent === tp).length;
    assert.equal(n, 1, `${n} log lines for traceparent ${tp}`);
  }
});

test('the log never contains query string values or bodies', async () => {
  const secret = `geheim${Date.now()}x`;
  const bodySecret = `lichaam${Date.now()}y`;
  const tp1 = newTraceparent();
  const tp2 = newTraceparent();
  const tp3 = newTraceparent();
  await api.get(`/api/v1/status?wachtwoord=${secret}`, { headers: { traceparent: tp1 } });
  await api.post('/api/v1/status', {
    headers: { traceparent: tp2, 'content-type': 'application/json' },
    body: JSON.stringify({ wachtwoord: bodySecret }),
  });
  await api.get('/api/v1/status', {
    headers: { traceparent: tp3, 'content-type': 'application/json' },
    body: JSON.stringify({ wachtwoord: bodySecret }),
  });
  const l1 = await srv.waitForLog((l) => l.traceparent === tp1);
  await srv.waitForLog((l) => l.traceparent === tp2);
  await srv.waitForLog((l) => l.traceparent === tp3);
  assert.equal(l1.pad, '/api/v1/status', 'pad has no query string');
  const all = srv.logLines().join('\n');
  assert.ok(!all.includes(secret), 'query value not logged');
  assert.ok(!all.includes('wachtwoord'), 'query/body key not logged');
  assert.ok(!all.includes(bodySecret), 'body not logged');
});

test('every line the server wrote to stderr is JSON', async () => {
  const lines = srv.logLines().filter((l) => l.length > 0);
  assert.ok(lines.length > 0, 'there are log lines');
  for (const line of lines) {
    assert.doesNotThrow(() => JSON.parse(line), `not JSON: ${line}`);
  }
});

test('the server stops cleanly on SIGTERM (exit 0)', async () => {
  const res = await api.get('/api/v1/status');
  assert.equal(res.status, 200);
  const x = await srv.stop();
  assert.equal(x.signal, null, `killed by ${x.signal}`);
  assert.equal(x.code, 0);
});

await run();
