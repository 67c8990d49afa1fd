// SPDX-License-Identifier: EUPL-1.2
//
// verdeeltaken.test.mjs -- the board's scenarios as jobs (docs/bestuur.md
// §3.1), black box against the real server on the demo data, whose round
// "Demoronde verdeling 2026 (beoordeeld)" is closed with eight positively
// assessed applications:
//
// - a job is placed at once (202 + Location), computed by the worker and
//   ends klaar with the same scenario the synchronous route computes;
// - bad requests get every problem at once and place nothing;
// - a waiting job is cancelled (a server without a worker), a second
//   cancel is 409, and nothing is stored;
// - a job placed on one server is computed by the worker of another
//   process on the same database;
// - roles, and the audit trail of every step.
// A job that fails when computed, a stop while computing, and the take-over
// of an expired claim are unit tests (tests/unit/test_verdeeltaak.c).

import { spawnSync } from 'node:child_process';

import { after, assert, before, problem, run, setSuite, test } from '../lib/harness.mjs';
import { caller, DEMO_WACHTWOORD, JSON_HEADERS, sleep } from '../lib/indiening.mjs';
import { client } from '../lib/http.mjs';
import { psql, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/verdeeltaken [${backend}]`);

const haveSqlite3 = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;

let zonder;       // a server without a worker
let met;          // a second process on the same database, with a worker
let ronde;
const wie = {};   // role -> caller on `zonder`
const wieMet = {};

function sql(dbUrl, query) {
  if (backend === 'postgresql') return psql(dbUrl, query).trim();
  const r = spawnSync('sqlite3', [dbUrl, query], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`sqlite3: ${r.error || r.stderr}`);
  return r.stdout.trim();
}
const canQuery = () => backend === 'postgresql' || haveSqlite3;

async function login(api, name) {
  const res = await api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: name, wachtwoord: DEMO_WACHTWOORD }) });
  if (res.status !== 201) throw new Error(`login ${name}: ${res.status} ${res.text}`);
  const cookie = /^__Host-doorbraak=([^;]*)/.exec([].concat(res.headers['set-cookie'])[0])[1];
  const b = res.json();
  return caller(api, { name, cookie, csrf: b.csrf_token, orgId: b.organisatie.id });
}

const verzoek = (naam, extra = {}) => ({ naam, indieningsronde_id: ronde.id, regel: 'optimaal',
  parameters: { seed: 'taak-test' }, ...extra });

/** Polls job `id` until it has ended; returns it. */
async function afgelopen(who, id, ms = 30000) {
  const eind = Date.now() + ms;
  for (;;) {
    const t = (await who.get(`/verdeeltaken/${id}`)).json();
    if (['klaar', 'mislukt', 'geannuleerd'].includes(t.status)) return t;
    if (Date.now() > eind) throw new Error(`job ${id} still ${t.status} after ${ms} ms`);
    await sleep(50);
  }
}

before(async () => {
  zonder = await startServer({ backend, args: ['--demo'], env: { DOORBRAAK_TAAKWERKER: '0' } });
  const api = client(zonder.url);
  for (const n of ['bestuur', 'programmabureau', 'auditor', 'aanvrager']) wie[n] = await login(api, n);
  const rondes = (await api.get('/api/v1/indieningsrondes')).json().indieningsrondes;
  ronde = rondes.find((r) => r.naam === 'Demoronde verdeling 2026 (beoordeeld)');
  assert.ok(ronde, JSON.stringify(rondes.map((r) => r.naam)));
});

after(async () => {
  if (met) await met.stop();
  if (zonder) await zonder.stop();
});

test('a waiting job is cancelled at once; a second cancel is 409; nothing is stored', async () => {
  const scenarios = (await wie.bestuur.get(`/verdeelscenarios?indieningsronde=${ronde.id}`)).json().verdeelscenarios.length;
  const r = await wie.bestuur.post('/verdeeltaken', verzoek('Taak die wacht'));
  assert.equal(r.status, 202, r.text);
  const taak = r.json();
  assert.equal(r.headers.location, `/api/v1/verdeeltaken/${taak.id}`);
  assert.equal(taak.status, 'wachtend');
  assert.equal(taak.verdeelscenario_id, null);
  assert.equal(taak.annulering, `/api/v1/verdeeltaken/${taak.id}/annulering`);
  assert.equal(taak.self, `/api/v1/verdeeltaken/${taak.id}`);
  await sleep(1500);   // no worker in this process: it keeps waiting
  assert.equal((await wie.auditor.get(`/verdeeltaken/${taak.id}`)).json().status, 'wachtend');
  const a = await wie.bestuur.post(`/verdeeltaken/${taak.id}/annulering`, {});
  assert.equal(a.status, 202, a.text);
  assert.equal(a.json().status, 'geannuleerd');
  assert.ok(a.json().klaar_op);
  const twee = problem(await wie.bestuur.post(`/verdeeltaken/${taak.id}/annulering`, {}), 409);
  assert.deepEqual(twee.errors.map((x) => x.code), ['taak_afgelopen']);
  assert.equal((await wie.bestuur.get(`/verdeelscenarios?indieningsronde=${ronde.id}`)).json().verdeelscenarios.length, scenarios);
  if (!canQuery()) return;
  assert.equal(sql(zonder.dbUrl, `SELECT actie FROM auditlog WHERE object = 'verdeeltaak/${taak.id}' ORDER BY volgnummer`),
    'verdeeltaak.plaats\nverdeeltaak.annuleer');
});

test('every problem of a request at once; nothing placed', async () => {
  const voor = canQuery() ? sql(zonder.dbUrl, 'SELECT count(*) FROM verdeeltaak') : '';
  const p = problem(await wie.bestuur.post('/verdeeltaken', { indieningsronde_id: ronde.id, regel: 'loting',
    parameters: { seed: 's', jaren: 'veel' } }), 400);
  const codes = p.errors.map((x) => x.code);
  assert.ok(codes.length >= 2, JSON.stringify(p.errors));
  assert.ok(p.errors.some((x) => x.name === '/naam'), JSON.stringify(p.errors));
  assert.ok(p.errors.some((x) => x.name === '/regel'), JSON.stringify(p.errors));
  problem(await wie.bestuur.post('/verdeeltaken', verzoek('Onbekende ronde', { indieningsronde_id: 999999 })), 400);
  problem(await wie.bestuur.get('/verdeeltaken/999999'), 404);
  problem(await wie.bestuur.post('/verdeeltaken/999999/annulering', {}), 404);
  if (canQuery()) assert.equal(sql(zonder.dbUrl, 'SELECT count(*) FROM verdeeltaak'), voor);
});

test('roles: the board places and cancels; the programme office and the auditor read; others are refused', async () => {
  problem(await wie.programmabureau.post('/verdeeltaken', verzoek('Niet van het bureau')), 403);
  problem(await wie.aanvrager.post('/verdeeltaken', verzoek('Niet van de aanvrager')), 403);
  const t = (await wie.bestuur.post('/verdeeltaken', verzoek('Voor de rollen'))).json();
  assert.equal((await wie.programmabureau.get(`/verdeeltaken/${t.id}`)).status, 200);
  problem(await wie.aanvrager.get(`/verdeeltaken/${t.id}`), 403);
  problem(await wie.auditor.post(`/verdeeltaken/${t.id}/annulering`, {}), 403);
  problem(await client(zonder.url).get(`/api/v1/verdeeltaken/${t.id}`), 401);
  assert.equal((await wie.bestuur.post(`/verdeeltaken/${t.id}/annulering`, {})).json().status, 'geannuleerd');
});

test('a job placed on one process is computed by the worker of another: the same scenario as computed at once', async () => {
  met = await startServer({ backend, dbUrl: zonder.dbUrl, init: false, args: ['--demo'] });
  const apiMet = client(met.url);
  wieMet.bestuur = await login(apiMet, 'bestuur');
  const r = await wie.bestuur.post('/verdeeltaken', verzoek('Taak op de andere server'));
  assert.equal(r.status, 202, r.text);
  const t = await afgelopen(wie.bestuur, r.json().id);
  assert.equal(t.status, 'klaar', JSON.stringify(t));
  assert.ok(t.gestart_op && t.klaar_op);
  assert.equal(t.fout, null);
  assert.equal(t.verdeelscenario, `/api/v1/verdeelscenarios/${t.verdeelscenario_id}`);
  const uitTaak = (await wie.bestuur.get(`/verdeelscenarios/${t.verdeelscenario_id}`)).json();
  assert.equal(uitTaak.naam, 'Taak op de andere server');
  const direct = await wieMet.bestuur.post('/verdeelscenarios', verzoek('Direct berekend'));
  assert.equal(direct.status, 201, direct.text);
  const d = direct.json();
  assert.equal(uitTaak.fte_milli, d.fte_milli);
  assert.deepEqual(uitTaak.resultaat.aanvragen, d.resultaat.aanvragen);
  assert.deepEqual(uitTaak.resultaat.totalen, d.resultaat.totalen);
  if (!canQuery()) return;
  assert.equal(sql(zonder.dbUrl, `SELECT actie FROM auditlog WHERE object = 'verdeeltaak/${t.id}' ORDER BY volgnummer`),
    'verdeeltaak.plaats\nverdeeltaak.start\nverdeeltaak.klaar');
});

await run();
