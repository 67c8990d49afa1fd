// SPDX-License-Identifier: EUPL-1.2
//
// toegang.test.mjs -- parties, accounts and access, black-box
// against real `doorbraak serve` processes on the backend in
// DOORBRAAK_TEST_BACKEND:
//
//   * the access matrix: every route of the OpenAPI document x every caller
//     (anonymous, one session per role, an API token) x an object of the
//     caller's own and of another organisation, compared with the table
//     declared in toegang-matrix.mjs; every refusal is one audit record;
//   * outside demo mode: TOTP required, replayed and expired codes refused,
//     cookie attributes, a new token at every login (the old one dies),
//     logout, CSRF, blocking ends all sessions, API tokens of another
//     organisation, throttling per account and per address, idle timeout,
//     bad input refused with every problem and nothing half-created.
//
// Three servers: a demo server for the matrix, and two without demo mode
// (one with a small per-address limit and a 2-second idle timeout).

import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';

import { after, assert, before, codes, run, setSuite, test } from '../lib/harness.mjs';
import { client } from '../lib/http.mjs';
import { doorbraak, psql, startServer, testBackend } from '../lib/server.mjs';
import { CALLERS, MATRIX, expectedStatus, seesOther, statusMatches } from './toegang-matrix.mjs';

const backend = testBackend();
setSuite(`api/toegang [${backend}]`);

const DEMO_WACHTWOORD = 'demo-doorbraak-2026';
const WACHTWOORD = 'paard batterij nietje';
const JSON_HEADERS = { 'content-type': 'application/json' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- helpers ----------------------------------------------------------------

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP, HMAC-SHA1, 6 digits, for time step `step`. */
function totp(secret, step) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const o = h[19] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 30000);

/** The next code the server will accept for an account (each step once):
 * one of the window now-1..now+1 newer than the last one used, else wait. */
const lastStep = new Map();
async function nextCode(name, secret) {
  for (let i = 0; i < 4; i++) {
    const now = currentStep();
    const leftMs = (now + 1) * 30000 - Date.now();
    const last = lastStep.has(name) ? lastStep.get(name) : -Infinity;
    for (const s of [leftMs > 3000 ? now - 1 : null, now, now + 1]) {
      if (s !== null && s > last) {
        lastStep.set(name, s);
        return totp(secret, s);
      }
    }
    await sleep(leftMs + 200);
  }
  throw new Error('no TOTP step free');
}

function cookieOf(res) {
  const raw = res.headers['set-cookie'];
  const line = Array.isArray(raw) ? raw[0] : raw;
  const m = /^__Host-doorbraak=([^;]*)/.exec(line || '');
  return m ? m[1] : null;
}

function problem(res, status) {
  assert.equal(res.status, status, `status ${res.status}, body ${res.text}`);
  assert.match(res.contentType, /^application\/problem\+json\b/);
  const p = res.json();
  assert.equal(p.status, status);
  assert.ok(p.title && p.detail, 'title and detail');
  return p;
}

/** SQL on the server's database (sqlite3 or psql), for audit checks. */
function sql(srv, query) {
  if (srv.backend === 'postgresql') return psql(srv.dbUrl, query).trim();
  const r = spawnSync('sqlite3', [srv.dbUrl, query], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`sqlite3: ${r.error || r.stderr}`);
  return r.stdout.trim();
}
const haveSqlite3 = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
const canQuery = () => backend === 'postgresql' || haveSqlite3;

function auditCount(srv, where) {
  return Number(sql(srv, `SELECT count(*) FROM auditlog WHERE ${where}`));
}

/** A caller: headers for its credentials, and the CSRF token for writes. */
function headersFor(c, method) {
  const h = {};
  if (c.cookie) h.cookie = `__Host-doorbraak=${c.cookie}`;
  if (c.cookie && method !== 'GET') h['x-csrf-token'] = c.csrf;
  if (c.token) h.authorization = `Bearer ${c.token}`;
  return h;
}

async function call(api, c, method, path, body) {
  const headers = headersFor(c, method);
  if (body !== undefined) Object.assign(headers, JSON_HEADERS);
  return api.request(method, `/api/v1${path}`, { headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function login(api, name, password, code, cookie) {
  const body = { gebruikersnaam: name, wachtwoord: password };
  if (code) body.totp = code;
  const headers = { ...JSON_HEADERS };
  if (cookie) headers.cookie = `__Host-doorbraak=${cookie}`;
  return api.post('/api/v1/sessies', { headers, body: JSON.stringify(body) });
}

/** Logs in and returns the caller {cookie, csrf, accountId, orgId, soort, rollen}. */
async function session(api, name, password, code) {
  const res = await login(api, name, password, code);
  assert.equal(res.status, 201, `login ${name}: ${res.text}`);
  const b = res.json();
  return { name, password, cookie: cookieOf(res), csrf: b.csrf_token, accountId: b.gebruiker.id,
           orgId: b.organisatie.id, soort: b.organisatie.soort, rollen: b.gebruiker.rollen };
}

let uniek = 0;
/** A number unique within this run (every server has a fresh database). */
const nummer = (n) => String(++uniek).padStart(n, '0');
const ROL_BIJ_SOORT = {
  zorgaanbieder: 'aanvrager', zorgverzekeraar: 'beoordelaar', gemeente: 'gemeente',
  programmabureau: 'programmabureau', bestuur: 'bestuur', nza: 'nza', zorginstituut: 'zorginstituut',
};

// --- servers -----------------------------------------------------------------

let demo; // the demo server and what the matrix needs
let plain; // a server without demo mode
let small; // without demo mode, small per-address limit and 2 s idle timeout
const sleutel = randomBytes(32).toString('hex');

/** An account of the programme office made by the server's administrator;
 * returns its name and TOTP secret. */
async function account(srv, roles = ['programmabureau'], orgId = srv.admin.orgId) {
  const name = `p${nummer(5)}`;
  const r = await call(srv.api, srv.admin, 'POST', '/gebruikers', {
    gebruikersnaam: name, naam: 'T. Tester', email: `${name}@vws.example`, organisatie_id: orgId, rollen: roles, wachtwoord: WACHTWOORD });
  assert.equal(r.status, 201, r.text);
  return { name, secret: r.json().tweede_factor.geheim, id: r.json().gebruiker.id };
}

/** Logs an account in with its next code. */
async function sessionOf(srv, acc, name = acc.name) {
  return session(srv.api, name, WACHTWOORD, await nextCode(`${srv.url}/${acc.name}`, acc.secret));
}

/** Makes the first administrator with the CLI; returns its TOTP secret. */
function firstAdmin(srv, name) {
  const r = doorbraak(['--db', srv.dbUrl, 'gebruiker', 'maak-beheerder', name, `${name}@vws.example`, 'B. Beheer', 'functioneel beheerder'],
    { env: { DOORBRAAK_WACHTWOORD: WACHTWOORD, DOORBRAAK_SLEUTEL: sleutel } });
  assert.equal(r.status, 0, `maak-beheerder: ${r.stderr}`);
  const m = /geheim: ([A-Z2-7]+)/.exec(r.stdout);
  assert.ok(m, `no secret printed: ${r.stdout}`);
  assert.match(r.stdout, /otpauth:\/\/totp\/doorbraak:/);
  return m[1];
}

before(async () => {
  const env = { DOORBRAAK_SLEUTEL: sleutel };
  [demo, plain, small] = await Promise.all([
    startServer({ backend, args: ['--demo'] }),
    startServer({ backend, env }),
    startServer({ backend, env: { ...env, DOORBRAAK_INLOG_MAX_ADRES: '6', DOORBRAAK_SESSIE_INACTIEF_S: '2' } }),
  ]);
  demo.api = client(demo.url);
  plain.api = client(plain.url);
  small.api = client(small.url);
  plain.adminSecret = firstAdmin(plain, 'admin');
  small.adminSecret = firstAdmin(small, 'admin');
  plain.admin = await session(plain.api, 'admin', WACHTWOORD, await nextCode(`${plain.url}/admin`, plain.adminSecret));
});

after(async () => {
  await Promise.all([demo, plain, small].filter(Boolean).map((s) => s.stop()));
});

// --- demo mode ---------------------------------------------------------------

test('demo mode prints one account per role and the password at start-up', async () => {
  const out = demo.stdout();
  for (const r of ['aanvrager', 'beoordelaar', 'bestuur', 'nza', 'programmabureau', 'gemeente',
    'zorginstituut', 'auditor', 'beheerder']) {
    assert.match(out, new RegExp(`\\n  ${r} +rol ${r} `), `account ${r} printed`);
  }
  assert.ok(out.includes(DEMO_WACHTWOORD), 'password printed');
  assert.match(out, /9001-9003/, 'demo UZOVI codes said to be invented');
});

test('demo data loads idempotently: init --demo twice changes nothing', async () => {
  const count = () => Number(sql(demo, 'SELECT count(*) FROM organisatie')) * 1000 +
    Number(sql(demo, 'SELECT count(*) FROM gebruiker'));
  if (!canQuery()) return;
  const before1 = count();
  for (let i = 0; i < 2; i++) {
    const r = doorbraak(['--db', demo.dbUrl, '--demo', 'init']);
    assert.equal(r.status, 0, r.stderr);
  }
  assert.equal(count(), before1);
});

test('CLI: `gebruiker` lists, changes roles, blocks; bad input is one line with a non-zero exit', async () => {
  const db = ['--db', plain.dbUrl];
  const env = { DOORBRAAK_SLEUTEL: sleutel };
  let r = doorbraak([...db, 'gebruiker', 'lijst'], { env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\badmin\b.*\bbeheerder\b/);
  r = doorbraak([...db, 'gebruiker'], { env });
  assert.equal(r.status, 2);
  r = doorbraak([...db, 'gebruiker', 'maak-beheerder', 'zwak', 'zwak@vws.example', 'Z. Zwak'], { env: { ...env, DOORBRAAK_WACHTWOORD: 'kort' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /minstens 8 tekens/);
  assert.doesNotMatch(doorbraak([...db, 'gebruiker', 'lijst'], { env }).stdout, /\bzwak\b/, 'nothing half-created');
  r = doorbraak([...db, 'gebruiker', 'rollen', String(plain.admin.accountId), 'koning'], { env });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /koning/);
  r = doorbraak([...db, 'gebruiker', 'blokkeer', '99999'], { env });
  assert.equal(r.status, 3);
  assert.match(r.stderr, /^doorbraak: Account 99999 bestaat niet\.\n$/);
  const acc = await account(plain);
  r = doorbraak([...db, 'gebruiker', 'rollen', String(acc.id), 'programmabureau', 'auditor'], { env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /rollen programmabureau,auditor/);
  r = doorbraak([...db, 'gebruiker', 'blokkeer', String(acc.id)], { env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /geblokkeerd/);
  if (canQuery()) assert.equal(auditCount(plain, `actor = 'cli' AND object = 'gebruiker/${acc.id}'`), 2);
});

// --- the matrix --------------------------------------------------------------

test('every route of the OpenAPI document has a row in the access matrix, and no row is stale', async () => {
  const doc = (await demo.api.get('/api/v1/openapi.json')).json();
  const inDoc = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of ['get', 'post', 'put', 'patch', 'delete']) if (item[m]) inDoc.push(`${m.toUpperCase()} ${path}`);
  }
  const inMatrix = MATRIX.map((r) => `${r.method} ${r.path}`);
  const missing = inDoc.filter((x) => !inMatrix.includes(x));
  const stale = inMatrix.filter((x) => !inDoc.includes(x));
  assert.deepEqual(missing, [], `routes without a row in tests/api/toegang-matrix.mjs: ${missing.join(', ')}`);
  assert.deepEqual(stale, [], `rows for routes that do not exist: ${stale.join(', ')}`);
});

/** Sets up the callers and objects of the matrix on the demo server. */
async function matrixSetup() {
  const api = demo.api;
  const callers = { anoniem: {} };
  for (const c of CALLERS.filter((x) => x !== 'anoniem' && x !== 'token')) {
    callers[c] = await session(api, c, DEMO_WACHTWOORD);
  }
  const beheer = callers.beheerder;
  const orgs = (await call(api, beheer, 'GET', '/organisaties?limiet=1000')).json().organisaties;
  const zuid = orgs.find((o) => o.uzovi_code === '9002');
  const noord = orgs.find((o) => o.uzovi_code === '9001');
  const pb = orgs.find((o) => o.soort === 'programmabureau');
  assert.ok(zuid && noord && pb, 'demo organisations present');
  // The other organisation's account and the API-token caller (insurer Noord).
  let res = await call(api, beheer, 'POST', '/gebruikers', {
    gebruikersnaam: `zuid-${nummer(6)}`, naam: 'T. Tester', email: `zuid${nummer(6)}@zuid.example`, organisatie_id: zuid.id,
    rollen: ['beoordelaar'], wachtwoord: WACHTWOORD });
  assert.equal(res.status, 201, res.text);
  const zuidAccount = res.json().gebruiker.id;
  res = await call(api, beheer, 'POST', '/apitokens', { organisatie_id: noord.id, rol: 'beoordelaar', naam: 'backoffice Noord' });
  assert.equal(res.status, 201, res.text);
  // A role where money moves: the second administrator approves and receives it.
  const tweede = await session(api, 'beheerder-2', DEMO_WACHTWOORD);
  res = await call(api, tweede, 'POST', `/apitokens/${res.json().apitoken.id}/goedkeuringen`, {});
  assert.equal(res.status, 201, res.text);
  callers.token = { token: res.json().token, orgId: noord.id, soort: 'zorgverzekeraar',
                    accountId: callers.beoordelaar.accountId, rollen: ['beoordelaar'] };
  callers.anoniem = { orgId: pb.id, soort: 'programmabureau', accountId: beheer.accountId, rollen: ['beheerder'] };
  return { api, callers, beheer, zuid, zuidAccount };
}

/** A fresh token of an organisation, made by the administrator. */
async function freshToken(m, orgId, rol) {
  const res = await call(m.api, m.callers.beheerder, 'POST', '/apitokens', { organisatie_id: orgId, rol, naam: 'matrix' });
  assert.equal(res.status, 201, res.text);
  return res.json().apitoken.id;
}

/** Path, body and follow-up of one cell. */
async function cell(m, row, name, own) {
  const c = m.callers[name];
  const org = own ? c.orgId : m.zuid.id;
  const rol = own ? ROL_BIJ_SOORT[c.soort] : 'beoordelaar';
  // Rows of other modules: any id, an empty body where one is taken.
  let path = row.path.replace(/\{[^}]+\}/g, '1');
  let body = ['POST', 'PUT', 'PATCH'].includes(row.method) ? {} : undefined;
  switch (`${row.method} ${row.path}`) {
    case 'POST /sessies':
      body = c.cookie ? { gebruikersnaam: c.name, wachtwoord: c.password } : { gebruikersnaam: 'programmabureau', wachtwoord: DEMO_WACHTWOORD };
      break;
    case 'GET /organisaties/{id}': path = `/organisaties/${org}`; break;
    case 'POST /organisaties':
      body = { soort: 'zorgaanbieder', naam: `Matrix ${nummer(6)}`, agb_code: `98${nummer(6)}`, kvk_nummer: nummer(8) };
      break;
    case 'POST /gebruikers':
      body = { gebruikersnaam: `m-${nummer(8)}`, naam: 'T. Tester', email: `m${nummer(8)}@m.example`, organisatie_id: org, rollen: [rol], wachtwoord: WACHTWOORD };
      break;
    case 'GET /gebruikers/{id}': path = `/gebruikers/${own ? c.accountId : m.zuidAccount}`; break;
    case 'PATCH /gebruikers/{id}':
      path = `/gebruikers/${own ? c.accountId : m.zuidAccount}`;
      body = { rollen: own ? c.rollen : ['beoordelaar'] };
      break;
    case 'POST /apitokens': body = { organisatie_id: org, rol, naam: 'matrix' }; break;
    case 'DELETE /apitokens/{id}': path = `/apitokens/${await freshToken(m, org, rol)}`; break;
    default: break;
  }
  return { c, path, body };
}

test('access matrix: every route x every caller x own / other organisation, deny by default, each refusal audited', async () => {
  const m = await matrixSetup();
  const refusedBefore = canQuery() ? auditCount(demo, "actie = 'toegang.geweigerd'") : 0;
  let refused = 0;
  let cells = 0;
  const failures = [];
  const rows = [...MATRIX].sort((a, b) => (a.method === 'DELETE' && a.path === '/sessies/huidig') -
    (b.method === 'DELETE' && b.path === '/sessies/huidig'));
  for (const row of rows) {
    const objects = row.path.includes('{id}') || row.other ? [true, false] : [true];
    for (const name of CALLERS) {
      for (const own of objects) {
        const { c, path, body } = await cell(m, row, name, own);
        const want = expectedStatus(row, name, own);
        const res = await call(m.api, c, row.method, path, body);
        cells++;
        const what = `${row.method} ${row.path} as ${name} (${own ? 'own' : 'other'} organisation)`;
        if (!statusMatches(want, res.status)) failures.push(`${what}: ${res.status}, expected ${want}: ${res.text.slice(0, 160)}`);
        if ([401, 403, 404].includes(want)) refused++;
        if (res.status === 200 && row.seesOther) {
          const list = Object.values(res.json()).find(Array.isArray) || [];
          const ids = list.map((x) => x.organisatie_id ?? x.id);
          const other = ids.some((id) => id !== c.orgId);
          if (other !== seesOther(row, name) && !(list.length === 0 && !seesOther(row, name))) {
            failures.push(`${what}: list ${other ? 'holds' : 'lacks'} other organisations' objects`);
          }
        }
        // Keep the sessions usable: a login replaces the caller's session,
        // a logout ends it.
        if (row.path === '/sessies' && c.cookie && res.status === 201) {
          c.cookie = cookieOf(res);
          c.csrf = res.json().csrf_token;
        }
        if (row.method === 'DELETE' && row.path === '/sessies/huidig' && c.cookie && res.status === 204) {
          Object.assign(c, await session(m.api, c.name, c.password));
        }
      }
    }
  }
  console.log(`# access matrix: ${cells} cells, ${refused} refused`);
  assert.deepEqual(failures, [], `${failures.length} cells differ from the declared matrix`);
  if (canQuery()) {
    const audited = auditCount(demo, "actie = 'toegang.geweigerd'") - refusedBefore;
    assert.equal(audited, refused, 'one toegang.geweigerd audit record per refused cell');
  }
});

// --- login outside demo mode ---------------------------------------------------

test('cookie attributes: __Host- prefix, Path=/, Secure, HttpOnly, SameSite=Strict, no Domain; 128-bit token', async () => {
  const acc = await account(plain);
  const res = await login(plain.api, acc.name, WACHTWOORD, await nextCode(`${plain.url}/${acc.name}`, acc.secret));
  assert.equal(res.status, 201, res.text);
  const line = [].concat(res.headers['set-cookie'])[0];
  const [first, ...attrs] = line.split(';').map((s) => s.trim());
  assert.match(first, /^__Host-doorbraak=[0-9a-f]{32}$/);
  const names = attrs.map((a) => a.split('=')[0].toLowerCase());
  assert.ok(attrs.includes('Path=/'), line);
  assert.ok(names.includes('secure') && names.includes('httponly'), line);
  assert.ok(attrs.includes('SameSite=Strict'), line);
  assert.ok(!names.includes('domain'), 'no Domain attribute');
  assert.match(res.json().csrf_token, /^[0-9a-f]{64}$/);
  assert.ok(!res.text.includes(cookieOf(res)), 'the session token is not in the body');
});

test('TOTP: required outside demo mode, replayed and expired codes refused, each failure audited', async () => {
  const api = plain.api;
  const before1 = canQuery() ? auditCount(plain, "actie = 'sessie.login' AND resultaat = 'geweigerd'") : 0;
  let p = problem(await login(api, 'admin', WACHTWOORD), 401);
  assert.deepEqual(codes(p), ['totp_vereist']);
  const code = await nextCode(`${plain.url}/admin`, plain.adminSecret);
  assert.equal((await login(api, 'admin', WACHTWOORD, code)).status, 201);
  p = problem(await login(api, 'admin', WACHTWOORD, code), 401);
  assert.deepEqual(codes(p), ['totp_hergebruikt'], 'the same code twice');
  p = problem(await login(api, 'admin', WACHTWOORD, totp(plain.adminSecret, currentStep() - 3)), 401);
  assert.deepEqual(codes(p), ['totp_ongeldig'], 'a code of 90 seconds ago');
  p = problem(await login(api, 'admin', 'fout wachtwoord', '000000'), 401);
  assert.deepEqual(codes(p), ['inlog_mislukt']);
  const unknown = problem(await login(api, 'niemand', 'fout wachtwoord'), 401);
  assert.equal(unknown.detail, p.detail, 'an unknown name is answered like a wrong password');
  if (canQuery()) assert.equal(auditCount(plain, "actie = 'sessie.login' AND resultaat = 'geweigerd'") - before1, 5);
});

test('a new session token at every login; logging in with the old cookie ends the old session', async () => {
  const api = plain.api;
  const acc = await account(plain);
  const a = await sessionOf(plain, acc);
  const res = await login(api, acc.name, WACHTWOORD, await nextCode(`${plain.url}/${acc.name}`, acc.secret), a.cookie);
  assert.equal(res.status, 201, res.text);
  const fresh = cookieOf(res);
  assert.ok(fresh && fresh !== a.cookie, 'a new token');
  assert.notEqual(res.json().csrf_token, a.csrf, 'a new CSRF token');
  problem(await call(api, a, 'GET', '/sessies/huidig'), 401);
  const now = await call(api, { cookie: fresh }, 'GET', '/sessies/huidig');
  assert.equal(now.status, 200, now.text);
  assert.equal(now.json().gebruiker.gebruikersnaam, acc.name);
});

test('logout ends the session on the server and clears the cookie', async () => {
  const api = plain.api;
  const a = await sessionOf(plain, await account(plain));
  assert.equal((await call(api, a, 'GET', '/sessies/huidig')).status, 200);
  const res = await call(api, a, 'DELETE', '/sessies/huidig');
  assert.equal(res.status, 204, res.text);
  assert.match([].concat(res.headers['set-cookie'])[0], /^__Host-doorbraak=;.*Max-Age=0/);
  problem(await call(api, a, 'GET', '/sessies/huidig'), 401);
  problem(await call(api, a, 'DELETE', '/sessies/huidig'), 401);
});

test('CSRF: a cookie write without or with a wrong X-CSRF-Token is 403 and audited; a bearer token needs none', async () => {
  const api = plain.api;
  const a = plain.admin;
  const body = JSON.stringify({ soort: 'gemeente', cbs_code: '0344' });
  const before1 = canQuery() ? auditCount(plain, "actie = 'toegang.geweigerd'") : 0;
  let res = await api.post('/api/v1/organisaties', { headers: { ...JSON_HEADERS, cookie: `__Host-doorbraak=${a.cookie}` }, body });
  problem(res, 403);
  res = await api.post('/api/v1/organisaties', { headers: { ...JSON_HEADERS, cookie: `__Host-doorbraak=${a.cookie}`, 'x-csrf-token': 'f'.repeat(64) }, body });
  problem(res, 403);
  const other = await sessionOf(plain, await account(plain, ['beheerder']));
  res = await api.post('/api/v1/organisaties', { headers: { ...JSON_HEADERS, cookie: `__Host-doorbraak=${a.cookie}`, 'x-csrf-token': other.csrf }, body });
  problem(res, 403); // the CSRF token of another session
  if (canQuery()) assert.equal(auditCount(plain, "actie = 'toegang.geweigerd'") - before1, 3);
  res = await call(api, a, 'POST', '/organisaties', JSON.parse(body));
  assert.equal(res.status, 201, res.text);
  assert.equal(res.json().naam, 'Utrecht', 'the name comes from the CBS list');
  // A token of a municipality writes nothing here, but reads without CSRF.
  let tok = await call(api, a, 'POST', '/apitokens', { organisatie_id: res.json().id, rol: 'gemeente', naam: 'gemeente' });
  assert.equal(tok.status, 201, tok.text);
  tok = await call(api, other, 'POST', `/apitokens/${tok.json().apitoken.id}/goedkeuringen`, {});
  assert.equal(tok.status, 201, tok.text);
  const own = await api.get(`/api/v1/organisaties/${res.json().id}`, { headers: { authorization: `Bearer ${tok.json().token}` } });
  assert.equal(own.status, 200, own.text);
});

test('bad input: wrong identifiers, unknown roles, weak and too long passwords -- all problems at once, nothing half-created', async () => {
  const api = plain.api;
  const a = plain.admin;
  let p = problem(await call(api, a, 'POST', '/organisaties', {
    soort: 'zorgaanbieder', naam: 'Kliniek', agb_code: '1234567', kvk_nummer: '123456789', iban: 'NL91ABNA0417164301' }), 400);
  assert.deepEqual(p.errors.map((x) => [x.name, x.code]),
    [['/agb_code', 'vorm'], ['/kvk_nummer', 'vorm'], ['/iban', 'iban_controle']]);
  p = problem(await call(api, a, 'POST', '/organisaties', { soort: 'zorgverzekeraar', naam: 'Verzekeraar', uzovi_code: '901', agb_code: '12345678' }), 400);
  assert.deepEqual(codes(p).sort(), ['niet_bij_soort', 'verplicht', 'vorm']);
  p = problem(await call(api, a, 'POST', '/organisaties', { soort: 'gemeente', cbs_code: '0999' }), 400);
  assert.deepEqual(codes(p), ['gemeente_onbekend']);
  p = problem(await call(api, a, 'POST', '/organisaties', { soort: 'nza', naam: 'Tweede NZa' }), 400);
  assert.deepEqual(codes(p), ['vast_orgaan']);
  p = problem(await call(api, a, 'POST', '/organisaties', { soort: 'zorgaanbieder', naam: 'X', agb_code: '12345678', kvk_nummer: '12345678', onbekend: 1 }), 400);
  assert.deepEqual(codes(p), ['unknown']);

  const count = async () => (await call(api, a, 'GET', '/gebruikers')).json().gebruikers.length;
  const n = await count();
  const pb = a.orgId;
  p = problem(await call(api, a, 'POST', '/gebruikers', {
    gebruikersnaam: 'nieuw', email: 'nieuw@vws.example', organisatie_id: pb, rollen: ['programmabureau', 'koning'], wachtwoord: 'kort' }), 400);
  assert.deepEqual(p.errors.map((x) => [x.name, x.code]),
    [['/naam', 'verplicht'], ['/wachtwoord', 'wachtwoord_te_kort'], ['/rollen/1', 'rol_onbekend']]);
  p = problem(await call(api, a, 'POST', '/gebruikers', {
    gebruikersnaam: 'nieuw', naam: 'T. Tester', email: 'nieuw@vws.example', organisatie_id: pb, rollen: ['programmabureau'], wachtwoord: 'x'.repeat(129) }), 400);
  assert.deepEqual(codes(p), ['wachtwoord_te_lang']);
  p = problem(await call(api, a, 'POST', '/gebruikers', {
    gebruikersnaam: 'nieuw', naam: 'T. Tester', email: 'nieuw@vws.example', organisatie_id: pb, rollen: ['aanvrager'], wachtwoord: WACHTWOORD }), 400);
  assert.deepEqual(codes(p), ['rol_past_niet']);
  p = problem(await call(api, a, 'POST', '/gebruikers', {
    gebruikersnaam: 'admin', naam: 'T. Tester', email: 'ander@vws.example', organisatie_id: pb, rollen: ['programmabureau'], wachtwoord: WACHTWOORD }), 409);
  assert.equal(await count(), n, 'nothing was created');
  const ok = await call(api, a, 'POST', '/gebruikers', {
    gebruikersnaam: 'nieuw', naam: 'T. Tester', email: 'nieuw@vws.example', organisatie_id: pb, rollen: ['programmabureau'], wachtwoord: 'x'.repeat(128) });
  assert.equal(ok.status, 201, 'the refused name was left free; 128 characters is allowed');
  assert.match(ok.json().tweede_factor.uri, /^otpauth:\/\/totp\/doorbraak:nieuw\?secret=[A-Z2-7]+&/);
  const again = await call(api, a, 'GET', `/gebruikers/${ok.json().gebruiker.id}`);
  assert.ok(!again.text.includes(ok.json().tweede_factor.geheim), 'the secret is never shown again');
  p = problem(await call(api, a, 'PATCH', `/gebruikers/${ok.json().gebruiker.id}`, { rollen: ['opperbaas'] }), 400);
  assert.deepEqual(codes(p), ['rol_onbekend']);
  p = problem(await call(api, a, 'PATCH', `/gebruikers/${a.accountId}`, { actief: false }), 409);
  p = problem(await call(api, a, 'POST', '/apitokens', { organisatie_id: pb, rol: 'beheerder', naam: 'x' }), 400);
  assert.deepEqual(codes(p), ['rol_niet_voor_token']);
  if (canQuery()) {
    assert.ok(auditCount(plain, "actie = 'organisatie.maak' AND resultaat = 'geweigerd'") >= 5);
    assert.ok(auditCount(plain, "actie = 'gebruiker.maak' AND resultaat = 'geweigerd'") >= 4);
  }
});

test('role changes and blocking are audited; blocking ends every session of the account', async () => {
  const api = plain.api;
  const a = plain.admin;
  const res = await call(api, a, 'POST', '/gebruikers', {
    gebruikersnaam: 'blok', naam: 'T. Tester', email: 'blok@vws.example', organisatie_id: a.orgId, rollen: ['programmabureau'], wachtwoord: WACHTWOORD });
  assert.equal(res.status, 201, res.text);
  const id = res.json().gebruiker.id;
  const secret = res.json().tweede_factor.geheim;
  const acc = { name: 'blok', secret };
  const s1 = await sessionOf(plain, acc);
  const s2 = await sessionOf(plain, acc, 'blok@vws.example');
  let r = await call(api, a, 'PATCH', `/gebruikers/${id}`, { rollen: ['programmabureau', 'auditor'] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json().rollen, ['programmabureau', 'auditor']);
  assert.equal((await call(api, s1, 'GET', '/gebruikers')).status, 200, 'the new role works at once');
  r = await call(api, a, 'PATCH', `/gebruikers/${id}`, { actief: false });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json().actief, false);
  problem(await call(api, s1, 'GET', '/sessies/huidig'), 401);
  problem(await call(api, s2, 'GET', '/sessies/huidig'), 401);
  problem(await login(api, 'blok', WACHTWOORD, await nextCode(`${plain.url}/blok`, secret)), 401);
  if (canQuery()) {
    assert.equal(auditCount(plain, `actie = 'gebruiker.rollen' AND object = 'gebruiker/${id}'`), 1);
    assert.equal(sql(plain, `SELECT detail FROM auditlog WHERE actie = 'gebruiker.blokkeer' AND object = 'gebruiker/${id}'`),
      '{"sessies_beeindigd":2}');
  }
});

test('API tokens: scoped to one organisation and role, another organisation\'s bank account hidden, every use audited, revocable', async () => {
  const api = plain.api;
  const a = plain.admin;
  const mk = async (body) => {
    const r = await call(api, a, 'POST', '/organisaties', body);
    assert.equal(r.status, 201, r.text);
    return r.json().id;
  };
  const x = await mk({ soort: 'zorgverzekeraar', naam: 'Test Verzekeraar X', uzovi_code: '9801', concern: 'Test Groep' });
  const y = await mk({ soort: 'zorgverzekeraar', naam: 'Test Verzekeraar Y', uzovi_code: '9802', concern: 'Test Groep',
    iban: 'NL91ABNA0417164300', plaats: 'Zwolle' });
  let r = await call(api, a, 'POST', '/apitokens', { organisatie_id: x, rol: 'aanvrager', naam: 'fout' });
  assert.deepEqual(codes(problem(r, 400)), ['rol_past_niet']);
  r = await call(api, a, 'POST', '/apitokens', { organisatie_id: x, rol: 'beoordelaar', naam: 'backoffice X' });
  assert.equal(r.status, 201, r.text);
  const tweede = await sessionOf(plain, await account(plain, ['beheerder']));
  r = await call(api, tweede, 'POST', `/apitokens/${r.json().apitoken.id}/goedkeuringen`, {});
  assert.equal(r.status, 201, r.text);
  const { token, apitoken } = r.json();
  assert.match(token, /^dbk_[0-9a-f]{64}$/);
  const list = (await call(api, a, 'GET', '/apitokens')).text;
  assert.ok(!list.includes(token) && list.includes(apitoken.prefix), 'listed by prefix, never in full');
  const bearer = { token };
  assert.equal((await call(api, bearer, 'GET', `/organisaties/${x}`)).status, 200);
  // the register: another organisation by name and place, never its bank account
  const ander = (await call(api, bearer, 'GET', `/organisaties/${y}`)).json();
  assert.deepEqual([ander.naam, ander.plaats, ander.iban], ['Test Verzekeraar Y', 'Zwolle', undefined]);
  assert.equal((await call(api, a, 'GET', `/organisaties/${y}`)).json().iban, 'NL91ABNA0417164300', 'the administrator sees it');
  problem(await call(api, bearer, 'GET', '/organisaties/999999'), 404);
  problem(await call(api, bearer, 'POST', '/organisaties', { soort: 'gemeente', cbs_code: '0014' }), 403);
  problem(await call(api, bearer, 'DELETE', '/sessies/huidig'), 403);
  const who = (await call(api, bearer, 'GET', '/sessies/huidig')).json();
  assert.equal(who.soort, 'apitoken');
  assert.equal(who.organisatie.id, x);
  if (canQuery()) assert.ok(auditCount(plain, `actie = 'apitoken.gebruik' AND object = 'apitoken/${apitoken.id}' AND resultaat = 'gelukt'`) >= 5);
  r = await call(api, a, 'DELETE', `/apitokens/${apitoken.id}`);
  assert.equal(r.status, 204, r.text);
  problem(await call(api, bearer, 'GET', `/organisaties/${x}`), 401);
  problem(await call(api, { token: `dbk_${'0'.repeat(64)}` }, 'GET', '/sessies/huidig'), 401);
  problem(await api.get('/api/v1/sessies/huidig', { headers: { authorization: 'Basic YWRtaW46eA==' } }), 401);
  if (canQuery()) assert.ok(auditCount(plain, "actie = 'apitoken.gebruik' AND resultaat = 'geweigerd'") >= 3);
});

test('four eyes: one administrator alone gets no token and no account that acts where money moves', async () => {
  const api = plain.api;
  const a = plain.admin;
  const orgs = (await call(api, a, 'GET', '/organisaties?limiet=1000')).json().organisaties;
  const nza = orgs.find((o) => o.soort === 'nza');
  const ins = await call(api, a, 'POST', '/organisaties', { soort: 'zorgverzekeraar', naam: 'Vier Ogen Verzekeraar', uzovi_code: '9811', concern: 'Test Groep' });
  assert.equal(ins.status, 201, ins.text);
  const zkh = await call(api, a, 'POST', '/organisaties', { soort: 'zorgaanbieder', naam: 'Vier Ogen Kliniek', agb_code: '98110001', kvk_nummer: '98110001' });
  assert.equal(zkh.status, 201, zkh.text);
  // The attack of issue 12: tokens for NZa, an insurer and a lead, by one administrator.
  const gevraagd = [];
  for (const [org, rol] of [[nza.id, 'nza'], [ins.json().id, 'beoordelaar'], [zkh.json().id, 'aanvrager']]) {
    const r = await call(api, a, 'POST', '/apitokens', { organisatie_id: org, rol, naam: `alleen ${rol}` });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json().token, null, `no ${rol} token for the one who asks`);
    assert.equal(r.json().apitoken.status, 'aangevraagd');
    gevraagd.push(r.json().apitoken.id);
    const p = problem(await call(api, a, 'POST', `/apitokens/${r.json().apitoken.id}/goedkeuringen`, {}), 409);
    assert.deepEqual(codes(p), ['eigen_aanvraag'], 'the one who asked cannot approve');
  }
  const lijst = (await call(api, a, 'GET', '/apitokens?limiet=1000')).json().apitokens;
  assert.ok(gevraagd.every((id) => lijst.find((t) => t.id === id).status === 'aangevraagd'));
  // A read-only role needs no second administrator.
  const aud = await call(api, a, 'POST', '/apitokens', { organisatie_id: a.orgId, rol: 'auditor', naam: 'controle' });
  assert.equal(aud.status, 201, aud.text);
  assert.match(aud.json().token, /^dbk_[0-9a-f]{64}$/);
  // The second administrator approves and receives the token once.
  const tweede = await sessionOf(plain, await account(plain, ['beheerder']));
  let r = await call(api, tweede, 'POST', `/apitokens/${gevraagd[0]}/goedkeuringen`, {});
  assert.equal(r.status, 201, r.text);
  assert.match(r.json().token, /^dbk_[0-9a-f]{64}$/);
  assert.equal(r.json().apitoken.status, 'actief');
  assert.equal(r.json().apitoken.goedgekeurd_door, `gebruiker:${tweede.accountId}`);
  const nzaToken = { token: r.json().token };
  assert.equal((await call(api, nzaToken, 'GET', '/sessies/huidig')).status, 200, 'the approved token works');
  assert.deepEqual(codes(problem(await call(api, tweede, 'POST', `/apitokens/${gevraagd[0]}/goedkeuringen`, {}), 409)),
    ['niet_aangevraagd'], 'approved once');
  r = await call(api, a, 'DELETE', `/apitokens/${gevraagd[1]}`);
  assert.equal(r.status, 204);
  assert.deepEqual(codes(problem(await call(api, tweede, 'POST', `/apitokens/${gevraagd[1]}/goedkeuringen`, {}), 409)),
    ['ingetrokken'], 'a revoked request cannot be approved');
  // Accounts: an NZa role given by one administrator is only proposed.
  r = await call(api, a, 'POST', '/gebruikers', { gebruikersnaam: 'nza-nieuw', naam: 'T. Tester', email: 'nza-nieuw@nza.example',
    organisatie_id: nza.id, rollen: ['nza'], wachtwoord: WACHTWOORD });
  assert.equal(r.status, 201, r.text);
  const id = r.json().gebruiker.id;
  assert.deepEqual(r.json().gebruiker.rollen, []);
  assert.deepEqual(r.json().gebruiker.rollen_voorgesteld, ['nza']);
  assert.equal(r.json().gebruiker.voorgesteld_door, `gebruiker:${a.accountId}`);
  const acc = { name: 'nza-nieuw', secret: r.json().tweede_factor.geheim, id };
  const nzaSessie = await sessionOf(plain, acc);
  problem(await call(api, nzaSessie, 'GET', '/nza-aanvragen'), 403);
  assert.deepEqual(codes(problem(await call(api, a, 'POST', `/gebruikers/${id}/rolbevestigingen`, {}), 409)), ['eigen_voorstel']);
  r = await call(api, tweede, 'POST', `/gebruikers/${id}/rolbevestigingen`, {});
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.json().rollen, r.json().rollen_voorgesteld], [['nza'], []]);
  assert.equal((await call(api, nzaSessie, 'GET', '/nza-aanvragen')).status, 200, 'the confirmed role works at once');
  assert.deepEqual(codes(problem(await call(api, tweede, 'POST', `/gebruikers/${id}/rolbevestigingen`, {}), 409)), ['geen_voorstel']);
  // Taking a role away counts at once; adding one where money moves is proposed again.
  r = await call(api, a, 'PATCH', `/gebruikers/${id}`, { rollen: ['auditor'] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json().rollen, r.json().rollen_voorgesteld], [['auditor'], []]);
  r = await call(api, a, 'PATCH', `/gebruikers/${id}`, { rollen: ['auditor', 'nza'] });
  assert.deepEqual([r.json().rollen, r.json().rollen_voorgesteld], [['auditor'], ['nza']]);
  if (canQuery()) {
    const objecten = gevraagd.map((x) => `'apitoken/${x}'`).join(', ');
    assert.equal(auditCount(plain, `actie = 'apitoken.aanvraag' AND resultaat = 'gelukt' AND object IN (${objecten})`), 3);
    assert.ok(auditCount(plain, "actie = 'apitoken.goedkeuring' AND resultaat = 'geweigerd'") >= 5);
    assert.equal(auditCount(plain, `actie = 'gebruiker.rollen_bevestigd' AND object = 'gebruiker/${id}' AND resultaat = 'gelukt'`), 1);
  }
});

test('register and names: every party finds organisations by part of a name or a whole code; answers name who acted [issue 18]', async () => {
  const api = plain.api;
  const a = plain.admin;
  const r0 = await call(api, a, 'POST', '/organisaties', { soort: 'zorgaanbieder', naam: 'Register Kliniek Oost',
    agb_code: '98220001', kvk_nummer: '98220001', plaats: 'Enschede', iban: 'NL91ABNA0417164300' });
  assert.equal(r0.status, 201, r0.text);
  const kliniek = r0.json().id;
  const acc = await account(plain, ['aanvrager'], kliniek);
  const tweede = await sessionOf(plain, await account(plain, ['beheerder']));
  assert.equal((await call(api, tweede, 'POST', `/gebruikers/${acc.id}/rolbevestigingen`, {})).status, 201);
  const aanbieder = await sessionOf(plain, acc);
  const zoek = async (q) => (await call(api, aanbieder, 'GET', `/organisaties?${q}`)).json().organisaties;
  // any case, part of the name; a whole code; a kind
  assert.deepEqual((await zoek('zoek=kLINIEK%20oo')).map((o) => [o.naam, o.plaats]), [['Register Kliniek Oost', 'Enschede']]);
  assert.deepEqual((await zoek('zoek=98220001')).map((o) => o.id), [kliniek]);
  assert.deepEqual((await zoek('zoek=9822')).map((o) => o.id), [], 'a code matches whole, not in part');
  const nza = await zoek('soort=nza');
  assert.deepEqual(nza.map((o) => [o.soort, o.plaats]), [['nza', 'Utrecht']]);
  assert.ok((await zoek('soort=zorgverzekeraar')).every((o) => o.soort === 'zorgverzekeraar' && !('iban' in o)),
    'another organisation: no bank account');
  assert.equal((await call(api, aanbieder, 'GET', `/organisaties/${kliniek}`)).json().iban, 'NL91ABNA0417164300', 'its own');
  assert.deepEqual((await zoek('zoek=%25')).map((o) => o.id), [], "'%' is a character, not a wildcard");
  // every problem at once
  const p = problem(await call(api, aanbieder, 'GET', `/organisaties?soort=ziekenhuis&zoek=${'x'.repeat(101)}`), 400);
  assert.deepEqual(p.errors.map((x) => [x.name, x.code]), [['/soort', 'onbekend'], ['/zoek', 'lengte']]);
  problem(await call(api, {}, 'GET', '/organisaties?zoek=x'), 401);
  // a person's name and function, changed and audited
  let r = await call(api, a, 'POST', '/gebruikers', { gebruikersnaam: 'e.de.groot', naam: 'Eva de Groot', functie: 'directeur',
    email: 'e.de.groot@vws.example', organisatie_id: a.orgId, rollen: ['programmabureau'], wachtwoord: WACHTWOORD });
  assert.equal(r.status, 201, r.text);
  const id = r.json().gebruiker.id;
  assert.deepEqual([r.json().gebruiker.naam, r.json().gebruiker.functie], ['Eva de Groot', 'directeur']);
  r = await call(api, a, 'PATCH', `/gebruikers/${id}`, { functie: 'directeur Zorgmarkten' });
  assert.deepEqual([r.json().naam, r.json().functie], ['Eva de Groot', 'directeur Zorgmarkten']);
  assert.deepEqual(codes(problem(await call(api, a, 'PATCH', `/gebruikers/${id}`, { naam: ' ' }), 400)), ['lengte']);
  r = await call(api, a, 'PATCH', `/gebruikers/${id}`, { functie: null });
  assert.equal(r.json().functie, null);
  if (canQuery()) assert.equal(auditCount(plain, `actie = 'gebruiker.persoon' AND object = 'gebruiker/${id}'`), 2);
  // an answer names who acted and the organisation it refers to
  r = await call(api, a, 'POST', '/gebruikers', { gebruikersnaam: 'nza-naam', naam: 'N. Naam', email: 'nza-naam@nza.example',
    organisatie_id: nza[0].id, rollen: ['nza'], wachtwoord: WACHTWOORD });
  const g = r.json().gebruiker;
  assert.equal(g.voorgesteld_door, `gebruiker:${a.accountId}`);
  assert.match(g.voorgesteld_door_naam, /^B\. Beheer, functioneel beheerder, Programmabureau AZWA/);
  assert.equal(g.organisatie_naam, 'Nederlandse Zorgautoriteit (NZa)');
});

test('throttling per account: after 5 failures even the right password and code get 429 with Retry-After', async () => {
  const api = plain.api;
  const a = plain.admin;
  const r = await call(api, a, 'POST', '/gebruikers', {
    gebruikersnaam: 'rem', naam: 'T. Tester', email: 'rem@vws.example', organisatie_id: a.orgId, rollen: ['programmabureau'], wachtwoord: WACHTWOORD });
  assert.equal(r.status, 201, r.text);
  const secret = r.json().tweede_factor.geheim;
  for (let i = 0; i < 5; i++) problem(await login(api, 'rem', `fout ${i} wachtwoord`), 401);
  const res = await login(api, 'rem', WACHTWOORD, await nextCode(`${plain.url}/rem`, secret));
  const p = problem(res, 429);
  assert.equal(p.code, 'too_many_requests');
  const after1 = Number(res.headers['retry-after']);
  assert.ok(after1 > 0 && after1 <= 900, `Retry-After ${res.headers['retry-after']}`);
  problem(await login(api, 'REM@vws.example', 'nog eens fout'), 429);
  // Other accounts from the same address still log in.
  assert.equal((await login(api, 'admin', WACHTWOORD, await nextCode(`${plain.url}/admin`, plain.adminSecret))).status, 201);
  if (canQuery()) assert.ok(auditCount(plain, `actie = 'sessie.login' AND detail LIKE '%afgeremd%'`) >= 2);
});

test('idle timeout: a session unused for longer than the idle time is gone (and audited)', async () => {
  const api = small.api;
  const s = await session(api, 'admin', WACHTWOORD, await nextCode(`${small.url}/admin`, small.adminSecret));
  assert.equal((await call(api, s, 'GET', '/sessies/huidig')).status, 200);
  await sleep(3200);
  const p = problem(await call(api, s, 'GET', '/sessies/huidig'), 401);
  assert.match(p.detail, /verlopen/);
  // A stale cookie does not block the public routes, nor logging in again.
  assert.equal((await call(api, s, 'GET', '/status')).status, 200);
  if (canQuery()) assert.equal(auditCount(small, "actie = 'sessie.verlopen'"), 1);
});

test('throttling per address: after the limit of failures from one address every login there gets 429', async () => {
  const api = small.api;
  for (let i = 0; i < 6; i++) problem(await login(api, `onbekend${i}`, 'fout wachtwoord'), 401);
  const p = problem(await login(api, 'admin', WACHTWOORD, await nextCode(`${small.url}/admin`, small.adminSecret)), 429);
  assert.match(p.detail, /adres/);
});

test('the audit log for the auditor: newest first, filtered, paged, the actor by name; verification names a broken link', async () => {
  const api = demo.api;
  const auditor = await session(api, 'auditor', DEMO_WACHTWOORD);
  const aanvrager = await session(api, 'aanvrager', DEMO_WACHTWOORD);
  let r = (await call(api, auditor, 'GET', '/auditrecords?limiet=5')).json();
  const nrs = r.auditrecords.map((x) => x.volgnummer);
  assert.deepEqual(nrs, [...nrs].sort((a, b) => b - a), 'newest first');
  assert.equal(r.volgende_na, nrs[4]);
  const ouder = (await call(api, auditor, 'GET', `/auditrecords?limiet=5&na=${r.volgende_na}`)).json().auditrecords;
  assert.ok(ouder.length === 5 && ouder.every((x) => x.volgnummer < nrs[4]), 'the next page is older');
  const login = (await call(api, auditor, 'GET', `/auditrecords?actie=sessie&actor=gebruiker:${auditor.accountId}`)).json().auditrecords;
  assert.ok(login.length >= 1 && login.every((x) => x.actie.startsWith('sessie.')));
  assert.match(login[0].actor_naam, /^Ingrid Vos, auditor, Programmabureau AZWA/);
  const orgs = (await call(api, auditor, 'GET', '/auditrecords?object=organisatie&resultaat=gelukt&limiet=1000')).json().auditrecords;
  assert.ok(orgs.length > 0 && orgs.every((x) => x.object.startsWith('organisatie/') && x.resultaat === 'gelukt'));
  assert.deepEqual((await call(api, auditor, 'GET', '/auditrecords?actie=sessi')).json().auditrecords, [],
    'an action matches whole or up to a dot');
  const p = problem(await call(api, auditor, 'GET', '/auditrecords?resultaat=fout&actor='), 400);
  assert.deepEqual(p.errors.map((x) => [x.name, x.code]), [['/actor', 'lengte'], ['/resultaat', 'onbekend']]);
  problem(await call(api, aanvrager, 'GET', '/auditrecords'), 403);
  problem(await call(api, aanvrager, 'GET', '/auditrecords/verificatie'), 403);
  // verification: intact, then a record written past doorbraak breaks the chain at that record
  r = (await call(api, auditor, 'GET', '/auditrecords/verificatie')).json();
  assert.deepEqual([r.intact, r.gebroken_bij, r.reden], [true, null, null]);
  assert.ok(r.records >= nrs[0]);
  if (!canQuery()) return;
  const laatste = sql(demo, 'SELECT max(volgnummer) FROM auditlog');
  const vorige = sql(demo, `SELECT hash FROM auditlog WHERE volgnummer = ${laatste}`);
  sql(demo, `INSERT INTO auditlog (volgnummer, tijdstip, actor, actie, object, resultaat, detail, vorige_hash, hash) VALUES
    (${Number(laatste) + 1}, '2026-12-07T00:00:00.000000Z', 'cli', 'vervalst', '', 'gelukt', '', '${vorige}', '${'f'.repeat(64)}')`);
  r = (await call(api, auditor, 'GET', '/auditrecords/verificatie')).json();
  assert.equal(r.intact, false);
  assert.equal(r.gebroken_bij, Number(laatste) + 1);
  assert.match(r.reden, /\S/);
});

await run();
