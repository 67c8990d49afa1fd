// SPDX-License-Identifier: EUPL-1.2
//
// vertrouwen.test.mjs -- issue 12, black-box on the backend in
// DOORBRAAK_TEST_BACKEND: what an attacker probing the server found.
//
//   * blank is not filled in: a contract reference of spaces, a motivation of
//     only U+00A0 and a milestone proof of only U+200B are refused as missing
//     (core/tekst.h), and nothing is stored;
//   * overflow: a year split whose amounts would wrap around int64 is refused
//     (it used to be stored), and a payment of INT64_MAX cents is
//     "boven_bovengrens", not the ledger's "overloop";
//   * all at once: a joint request wrong in six ways gets six problems;
//   * start-up: three servers started at the same moment on one fresh
//     database with --demo all come up, and every demo account exists once.

import { after, assert, before, problem, run, setSuite, test } from '../lib/harness.mjs';
import { VERKLARINGEN, contract, gezamenlijk, positief, toekennen } from '../lib/beschikking.mjs';
import { client } from '../lib/http.mjs';
import { DEMO_WACHTWOORD, JSON_HEADERS, caller, world } from '../lib/indiening.mjs';
import { createDatabase, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/vertrouwen [${backend}]`);

const MLN = 100000000;
const INT64_MAX = '9223372036854775807';

let srv;
let w;
let ids;     // positively assessed and granted: 0 for the joint-request tests, 1 granted by NZa
let beschikking;

const codes = (p) => (p.errors || []).map((x) => x.code).sort();

async function login(api, name) {
  const res = await api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: name, wachtwoord: DEMO_WACHTWOORD }) });
  assert.equal(res.status, 201, res.text);
  const cookie = /^__Host-doorbraak=([^;]*)/.exec([].concat(res.headers['set-cookie'])[0])[1];
  return caller(api, { name, cookie, csrf: res.json().csrf_token, orgId: res.json().organisatie.id });
}

// A JSON body with integers beyond what JSON.stringify writes exactly.
async function postRaw(who, path, text) {
  const h = { ...JSON_HEADERS, cookie: `__Host-doorbraak=${who.cookie}`, 'x-csrf-token': who.csrf };
  return w.api.request('POST', `/api/v1${path}`, { headers: h, body: text });
}

const nzaAanvragen = async () => (await w.beoordelaar.get('/nza-aanvragen?limiet=100')).json().nza_aanvragen.length;

before(async () => {
  srv = await startServer({ backend, args: ['--demo'], threads: 4 });
  w = await world(srv);
  w.nza = await login(w.api, 'nza');
  ({ ids } = await positief(w, 2, 'Vertrouwensronde'));
  const ronde = (await w.auditor.get(`/aanvragen/${ids[0]}`)).json().indieningsronde_id;
  toekennen(srv.dbUrl, ronde, { 'ai/2027': 20 * MLN, 'ai/2028': 20 * MLN }, ids.map((id) =>
    [id, 'ai', { 2027: 3 * MLN, 2028: 2 * MLN }]));
});

after(async () => {
  if (srv) await srv.stop();
});

test('a joint request wrong in six ways gets all six problems at once, nothing stored', async () => {
  const voor = await nzaAanvragen();
  const p = problem(await w.beoordelaar.post('/nza-aanvragen', {
    aanvraag_id: ids[0],
    bovengrens_cent: 6 * MLN,                                            // 1 above the grant
    jaarverdeling: [{ jaar: 2027, bedrag_cent: 1 }],                    // 2 does not add up
    verklaringen: { ...VERKLARINGEN, geen_staatssteun: false },         // 3 a declaration false
    contract: { datum: '2999-01-01', kenmerk: ' ' },                   // 4 future, 5 blank reference
    onbekend: true,                                                     // 6 unknown member
  }), 400);
  assert.deepEqual(codes(p), ['boven_toekenning', 'contract_ontbreekt', 'contract_toekomst',
    'som_ongelijk', 'unknown', 'verklaring_ontbreekt'].sort(), JSON.stringify(p.errors));
  assert.equal(await nzaAanvragen(), voor);
});

test('blank is not filled in: a contract reference of spaces or invisible characters is missing', async () => {
  for (const kenmerk of [' ', '\u00a0', '\u200b\u200d', '\ufeff\u2003']) {
    const p = problem(await w.beoordelaar.post('/nza-aanvragen', { aanvraag_id: ids[0],
      verklaringen: VERKLARINGEN, contract: contract(kenmerk) }), 400);
    assert.deepEqual(p.errors.map((x) => [x.name, x.code]), [['/contract/kenmerk', 'contract_ontbreekt']],
      JSON.stringify(kenmerk));
  }
});

test('overflow: a year split whose sum wraps around int64 is refused, not stored', async () => {
  const voor = await nzaAanvragen();
  const basis = `"aanvraag_id": ${ids[0]}, "verklaringen": ${JSON.stringify(VERKLARINGEN)}, ` +
    `"contract": ${JSON.stringify(contract())}`;
  // [INT64_MAX, INT64_MAX] used to answer "adds up to -2 cent".
  let p = problem(await postRaw(w.beoordelaar, '/nza-aanvragen', `{${basis}, "jaarverdeling": [` +
    `{"jaar": 2027, "bedrag_cent": ${INT64_MAX}}, {"jaar": 2028, "bedrag_cent": ${INT64_MAX}}]}`), 400);
  assert.ok(codes(p).includes('som_ongelijk'), JSON.stringify(p.errors));
  assert.doesNotMatch(JSON.stringify(p), /-2 cent/);
  // {2027: MAX, 2028: MAX, 2029: bovengrens + 2} wraps to exactly the upper bound: it was stored with 201.
  const bovengrens = 5 * MLN;
  p = problem(await postRaw(w.beoordelaar, '/nza-aanvragen', `{${basis}, "jaarverdeling": [` +
    `{"jaar": 2027, "bedrag_cent": ${INT64_MAX}}, {"jaar": 2028, "bedrag_cent": ${INT64_MAX}}, ` +
    `{"jaar": 2029, "bedrag_cent": ${bovengrens + 2}}]}`), 400);
  assert.ok(codes(p).includes('som_ongelijk'), JSON.stringify(p.errors));
  assert.equal(await nzaAanvragen(), voor, 'nothing stored');
});

test('blank is not filled in: a motivation of only U+00A0 is missing', async () => {
  const t = await gezamenlijk(w, { aanvraag_id: ids[1] });
  for (const motivering of ['\u00a0', '\u00a0\u00a0\n', '\u200b']) {
    const p = problem(await w.nza.post('/beschikkingen', { nza_aanvraag_id: t.id, besluit: 'verleend', motivering }), 400);
    assert.deepEqual(codes(p), ['motivering_ontbreekt'], JSON.stringify(motivering));
  }
  const r = await w.nza.post('/beschikkingen', { nza_aanvraag_id: t.id, besluit: 'verleend', motivering: 'Getoetst.' });
  assert.equal(r.status, 201, r.text);
  beschikking = r.json().id;
});

test('blank is not filled in: a milestone proof of only U+200B is missing', async () => {
  for (const bewijs of ['\u200b', '\u200b\u2060', '\u3000']) {
    const p = problem(await w.aanvrager.post(`/beschikkingen/${beschikking}/mijlpalen/m1/meldingen`, { bewijs }), 400);
    assert.deepEqual(codes(p), ['bewijs_ontbreekt'], JSON.stringify(bewijs));
  }
  const m = (await w.aanvrager.get(`/beschikkingen/${beschikking}/mijlpalen`)).json().mijlpalen.find((x) => x.id === 'm1');
  assert.ok(!m.gemeld, 'nothing reported');
});

test('overflow: paying INT64_MAX cents is above the upper bound, and books nothing', async () => {
  const r = await w.aanvrager.post(`/beschikkingen/${beschikking}/mijlpalen/m1/meldingen`, { bewijs: 'Verslag van de livegang.' });
  assert.equal(r.status, 201, r.text);
  const voor = (await w.nza.get('/grootboek/journaal')).text.split('\n').length;
  const p = problem(await postRaw(w.beoordelaar, `/beschikkingen/${beschikking}/mijlpalen/m1/betalingen`,
    `{"bedrag_cent": ${INT64_MAX}}`), 409);
  assert.deepEqual(codes(p), ['boven_bovengrens']);
  assert.equal((await w.nza.get('/grootboek/journaal')).text.split('\n').length, voor);
});

test('one syntax for numbers in the query: +7, " 7", 07 and 7x are refused on every route, all at once', async () => {
  const bestuur = await login(w.api, 'bestuur');
  const cases = [
    [w.auditor, '/aanvragen?indieningsronde=%2B7&verzekeraar=%207', ['indieningsronde', 'verzekeraar']],
    [w.auditor, '/aanvragen?na=-1&limiet=07', ['limiet', 'na']],
    [bestuur, '/bestuursbesluiten?indieningsronde=07', ['indieningsronde']],
    [bestuur, '/verdeelscenarios?indieningsronde=%2B1', ['indieningsronde']],
    [bestuur, '/macrooverzicht?indieningsronde=1&jaar=%2B2027&aanvragen=ja', ['aanvragen', 'jaar']],
    [bestuur, '/verdeelscenarios/vergelijking?ids=1,%2B2', ['ids']],
    [w.beheerder, '/organisaties?na=1.0', ['na']],
    [w.api, '/api/v1/modelplannen?catalogusversie=1e0', ['catalogusversie']],
  ];
  for (const [who, path, names] of cases) {
    const p = problem(await who.get(path), 400);
    assert.deepEqual(p.errors.map((x) => x.name).sort(), names, path);
    assert.ok(p.errors.every((x) => x.code === 'parameter_ongeldig'), path);
  }
  // the same numbers written plainly are accepted
  assert.equal((await w.auditor.get('/aanvragen?indieningsronde=7&verzekeraar=7&na=0&limiet=7')).status, 200);
  assert.equal((await bestuur.get('/bestuursbesluiten?indieningsronde=7')).status, 200);
});

test('start-up: three servers started at once on one fresh database with --demo all come up, each demo account once', async () => {
  const db = createDatabase(backend);
  const servers = [];
  try {
    const started = await Promise.allSettled([0, 1, 2].map(() =>
      startServer({ backend, dbUrl: db.dbUrl, init: false, args: ['--demo'], threads: 2 })));
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const fouten = started.filter((s) => s.status === 'rejected').map((s) => String(s.reason.message).slice(0, 300));
    assert.deepEqual(fouten, [], 'every server started');
    for (const s of servers) {
      const r = await client(s.url).get('/api/v1/status');
      assert.equal(r.status, 200);
    }
    const beheerder = await login(client(servers[2].url), 'beheerder');
    const namen = (await beheerder.get('/gebruikers?limiet=1000')).json().gebruikers.map((g) => g.gebruikersnaam);
    for (const n of ['aanvrager', 'beoordelaar', 'nza', 'beheerder', 'beoordelaar-zuid']) {
      assert.equal(namen.filter((x) => x === n).length, 1, `${n} once`);
    }
    const orgs = (await beheerder.get('/organisaties?limiet=1000')).json().organisaties;
    assert.equal(orgs.filter((o) => o.uzovi_code === '9001').length, 1);
  } finally {
    for (const s of servers) await s.stop();
    db.drop();
  }
});

await run();
