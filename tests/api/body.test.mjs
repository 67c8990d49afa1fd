// SPDX-License-Identifier: EUPL-1.2
//
// body.test.mjs -- how the server screens request bodies, black-box:
// Content-Length above the route's limit and an oversized chunked body
// (413), a Content-Type other than application/json (415), and malformed
// JSON, duplicate keys, nesting deeper than 32, a non-object and an empty
// body (400 bad_json). After each refusal the server still answers
// GET /status, and a refused body writes nothing: the audit chain has as
// many records as before (`doorbraak audit verify`).
//
// The tests need a route that accepts a JSON body. They take the first
// operation with a JSON requestBody from the served OpenAPI document (path
// parameters become "1"), or DOORBRAAK_TEST_BODY_ROUTE="POST /api/v1/...".
// Until such a route exists every test is reported as SKIP. The server
// decodes the body before it authenticates the caller (server.c), so an
// anonymous request reaches the body checks of any such route.

import { after, assert, before, run, setSuite, skip, test } from '../lib/harness.mjs';
import { client, raw } from '../lib/http.mjs';
import { doorbraak, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/body [${backend}]`);

// Route limits are at most a few MiB (catalogue upload: 4 MiB); the
// oversized chunked body is well above that.
const OVERSIZED_BYTES = 9 * 1024 * 1024;

const names = [
  'Content-Length above the limit answers 413 before the body is read',
  'an oversized chunked body answers 413',
  'a Content-Type other than application/json answers 415',
  'no Content-Type answers 415',
  'malformed JSON answers 400 bad_json with the position',
  'duplicate keys answer 400 bad_json',
  'nesting deeper than 32 answers 400 bad_json',
  'a JSON array instead of an object answers 400 bad_json',
  'an empty body answers 400',
  'invalid UTF-8 answers 400 bad_json',
  'refused bodies wrote no audit record',
  'a well-formed JSON object passes the body checks',
];

/** The body route: {method, path} or null. */
async function findBodyRoute(api) {
  const given = process.env.DOORBRAAK_TEST_BODY_ROUTE;
  if (given) {
    const [method, path] = given.trim().split(/\s+/);
    return { method: method.toUpperCase(), path };
  }
  const res = await api.get('/api/v1/openapi.json');
  if (res.status !== 200) return null;
  const doc = res.json();
  const prefix = new URL(doc.servers?.[0]?.url || 'http://x/api/v1', 'http://x').pathname.replace(/\/$/, '');
  for (const [p, item] of Object.entries(doc.paths || {})) {
    for (const method of ['post', 'put', 'patch']) {
      const op = item[method];
      if (!op || !op.requestBody) continue;
      let rb = op.requestBody;
      if (rb.$ref) {
        const name = rb.$ref.split('/').pop();
        rb = doc.components?.requestBodies?.[name] || {};
      }
      if (!rb.content || !Object.keys(rb.content).some((ct) => ct.startsWith('application/json'))) continue;
      return { method: method.toUpperCase(), path: prefix + p.replace(/\{[^}]+\}/g, '1') };
    }
  }
  return null;
}

// Find the route with a short-lived server first, so that the tests can be
// registered (or skipped) before run().
const probe = await startServer({ backend });
let route;
try {
  route = await findBodyRoute(client(probe.url));
} finally {
  await probe.stop();
}

if (!route) {
  for (const n of names) skip(n, 'no route accepts a JSON body yet');
  await run();
}

let srv;
let api;
let auditBefore;

function auditCount() {
  const r = doorbraak(['--db', srv.dbUrl, 'audit', 'verify']);
  assert.equal(r.status, 0, `audit verify exited ${r.status}: ${r.stderr}`);
  const m = /auditketen intact: (\d+) records/.exec(r.stdout);
  assert.ok(m, `audit verify said: ${r.stdout}`);
  return Number(m[1]);
}

before(async () => {
  srv = await startServer({ backend });
  api = client(srv.url);
  auditBefore = auditCount();
});

after(async () => {
  if (srv) await srv.stop();
});

async function send(body, headers = { 'content-type': 'application/json' }) {
  return api.request(route.method, route.path, { headers, body });
}

async function stillServes() {
  const res = await api.get('/api/v1/status');
  assert.equal(res.status, 200, 'GET /api/v1/status after the refusal');
}

function assertProblem(res, status, code) {
  assert.equal(res.status, status, `${route.method} ${route.path}: status ${res.status}, body ${res.text.slice(0, 300)}`);
  assert.match(res.contentType, /^application\/problem\+json\b/);
  const p = res.json();
  assert.equal(p.status, status);
  assert.ok(typeof p.title === 'string' && p.title.length > 0);
  assert.ok(typeof p.detail === 'string' && p.detail.length > 0);
  if (code) assert.equal(p.code, code, `code ${p.code}`);
  return p;
}

test(names[0], async () => {
  const port = new URL(srv.url).port;
  const head =
    `${route.method} ${route.path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
    'Content-Type: application/json\r\nContent-Length: 1073741824\r\nConnection: close\r\n\r\n';
  const res = await raw(srv.url, head, '{"a":');
  assert.equal(res.status, 413, res.text.slice(0, 300));
  await stillServes();
});

test(names[1], async () => {
  async function* big() {
    const chunk = Buffer.alloc(64 * 1024, 0x20); // whitespace: valid JSON padding
    yield '{"a":';
    for (let sent = 0; sent < OVERSIZED_BYTES; sent += chunk.length) yield chunk;
    yield '1}';
  }
  const res = await api.request(route.method, route.path, {
    headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    body: big(),
    timeout: 60000,
  });
  assertProblem(res, 413);
  await stillServes();
});

test(names[2], async () => {
  assertProblem(await send('{}', { 'content-type': 'text/plain' }), 415);
  assertProblem(await send('{}', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
  assertProblem(await send('{}', { 'content-type': 'application/jsonx' }), 415);
  await stillServes();
});

test(names[3], async () => {
  assertProblem(await send('{}', {}), 415);
  await stillServes();
});

test(names[4], async () => {
  const p = assertProblem(await send('{"naam": "x",\n "bedrag": }'), 400, 'bad_json');
  assert.match(p.detail, /regel 2/, `detail names the line: ${p.detail}`);
  assertProblem(await send('{"naam": "onaf'), 400, 'bad_json');
  assertProblem(await send('{naam: 1}'), 400, 'bad_json');
  assertProblem(await send('{"a":1} {"b":2}'), 400, 'bad_json');
  await stillServes();
});

test(names[5], async () => {
  const p = assertProblem(await send('{"naam":"a","naam":"b"}'), 400, 'bad_json');
  assert.match(p.detail, /[Dd]ubbele sleutel/, p.detail);
  assertProblem(await send('{"x":{"y":1,"y":2}}'), 400, 'bad_json');
  await stillServes();
});

test(names[6], async () => {
  const deep = '{"a":' + '['.repeat(40) + ']'.repeat(40) + '}';
  assertProblem(await send(deep), 400, 'bad_json');
  const veryDeep = '['.repeat(100000) + ']'.repeat(100000);
  assertProblem(await send(veryDeep), 400, 'bad_json');
  await stillServes();
});

test(names[7], async () => {
  assertProblem(await send('[]'), 400, 'bad_json');
  assertProblem(await send('"tekst"'), 400, 'bad_json');
  assertProblem(await send('null'), 400, 'bad_json');
  await stillServes();
});

test(names[8], async () => {
  assertProblem(await send(''), 400);
  assertProblem(await send('   '), 400);
  await stillServes();
});

test(names[9], async () => {
  assertProblem(await send(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 400, 'bad_json');
  await stillServes();
});

test(names[10], async () => {
  assert.equal(auditCount(), auditBefore, 'audit record count unchanged');
});

// Last: the answer may be a refusal of the caller, which is audited.
test(names[11], async () => {
  for (const ct of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
    const res = await send('{"naam":"x"}', { 'content-type': ct });
    const code = res.contentType.startsWith('application/problem+json') ? res.json().code : null;
    assert.ok(![413, 415].includes(res.status) && code !== 'bad_json',
      `${ct}: ${res.status} ${res.text.slice(0, 300)}`);
  }
  await stillServes();
});

await run();
