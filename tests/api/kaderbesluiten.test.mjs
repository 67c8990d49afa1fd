// SPDX-License-Identifier: EUPL-1.2
//
// kaderbesluiten.test.mjs -- the board's framework decisions (docs/bestuur.md
// §6), black-box on the backend in DOORBRAAK_TEST_BACKEND: the board fixes
// the macrobedrag per theme and chooses the impact bar [001 "Vervolgproces"];
// each decision is a version, carried out in the next catalogue version in
// the same transaction; every problem at once and nothing stored on a
// refusal; the programme office can no longer change them by catalogue.

import { spawnSync } from 'node:child_process';

import { after, assert, before, codes, problem, run, setSuite, test } from '../lib/harness.mjs';
import { inloggen, world } from '../lib/indiening.mjs';
import { psql, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/kaderbesluiten [${backend}]`);

const MLN = 100000000;
let srv;
let w;

/** SQL on the server's database; null when sqlite3 is missing. */
function sql(query) {
  if (backend === 'postgresql') return psql(srv.dbUrl, query).trim();
  const r = spawnSync('sqlite3', [srv.dbUrl, query], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? null : r.stdout.trim();
}

const besluit = (macro, extra = {}) => ({
  themas: [{ thema_id: 'ai', macrobedrag_cent: macro[0] }, { thema_id: 'digitale-hybride-zorg', macrobedrag_cent: macro[1] },
    { thema_id: 'medische-technologie', macrobedrag_cent: macro[2] }],
  impactlat_id: 'B', motivering: 'De modelplannen zijn af; AI vraagt meer dan het richtbedrag.', ...extra,
});
const versies = async () => (await w.programmabureau.get('/catalogusversies')).json().catalogusversies.map((v) => v.versie);

before(async () => {
  srv = await startServer({ backend, args: ['--demo'] });
  w = await world(srv);
  w.bestuur = await inloggen(w.api, 'bestuur');
});

after(async () => {
  if (srv) await srv.stop();
});

test('a decision with every problem at once stores nothing: types, a theme twice, a negative amount, no bar, no motivation', async () => {
  const voor = await versies();
  const p = problem(await w.bestuur.post('/kaderbesluiten', {
    themas: [{ thema_id: 'ai', macrobedrag_cent: 1.5 }, { thema_id: 'ai', macrobedrag_cent: -1 }, { thema_id: 'x' }],
    motivering: ' ', extra: 1 }), 400);
  assert.deepEqual(codes(p).sort(), ['dubbel', 'motivering_ontbreekt', 'negatief', 'required', 'required', 'type', 'unknown'].sort());
  assert.ok(p.errors.filter((x) => x.code !== 'unknown' && x.code !== 'type' && x.code !== 'required')
    .every((x) => x.bron === '[001 "Vervolgproces"]'), JSON.stringify(p.errors));
  assert.deepEqual(await versies(), voor);
  const n = sql('SELECT count(*) FROM kaderbesluit');
  if (n !== null) assert.equal(Number(n), 0);
});

test('against the catalogue: an unknown theme, a theme of the pot left out, an unknown bar and amounts above the pot, at once', async () => {
  const voor = await versies();
  let p = problem(await w.bestuur.post('/kaderbesluiten', {
    themas: [{ thema_id: 'ai', macrobedrag_cent: 300 * MLN }, { thema_id: 'sociaal', macrobedrag_cent: 1 }],
    impactlat_id: 'Z', motivering: 'x' }), 400);
  assert.deepEqual(codes(p).sort(), ['impactlat_onbekend', 'thema_ontbreekt', 'thema_ontbreekt', 'thema_onbekend'].sort());
  assert.ok(p.errors.some((x) => x.code === 'thema_ontbreekt' && /Medische technologie/.test(x.detail)));
  assert.equal(p.errors.find((x) => x.code === 'thema_onbekend').name, '/themas/1/thema_id');
  p = problem(await w.bestuur.post('/kaderbesluiten', besluit([300 * MLN, 300 * MLN, 1])), 400);
  assert.deepEqual(codes(p), ['som_boven_pot']);
  assert.equal(p.errors[0].bron, '[001 "Vervolgproces"], [001 §3]');
  assert.match(p.errors[0].detail, /tellen op tot EUR 600\.000\.000,01, meer dan de EUR 600\.000\.000,00 van de pot/);
  assert.deepEqual(await versies(), voor, 'nothing published');
  // only the board decides
  problem(await w.programmabureau.post('/kaderbesluiten', besluit([280 * MLN, 270 * MLN, 50 * MLN])), 403);
  problem(await w.beoordelaar.post('/kaderbesluiten', besluit([280 * MLN, 270 * MLN, 50 * MLN])), 403);
  problem(await w.api.post('/api/v1/kaderbesluiten', { body: '{}', headers: { 'content-type': 'application/json' } }), 401);
});

test('the board decides: the next catalogue version carries the amounts and the bar, the decision names it, audited in one go', async () => {
  const voor = await versies();
  const r = await w.bestuur.post('/kaderbesluiten', besluit([290 * MLN, 260 * MLN, 50 * MLN]));
  assert.equal(r.status, 201, r.text);
  const b = r.json();
  assert.equal(r.headers.location, `/api/v1/kaderbesluiten/${b.id}`);
  assert.equal(b.catalogusversie, voor[0] + 1);
  assert.equal(b.catalogus, `/api/v1/catalogusversies/${b.catalogusversie}`);
  assert.equal(b.van_kracht, true);
  assert.equal(b.impactlat_id, 'B');
  assert.deepEqual(b.themas.map((t) => [t.thema_id, t.thema_naam, t.macrobedrag_cent]),
    [['ai', 'AI', 290 * MLN], ['digitale-hybride-zorg', 'Digitale en hybride zorg', 260 * MLN], ['medische-technologie', 'Medische technologie', 50 * MLN]]);
  assert.match(b.genomen_door_naam, /Bestuurlijk Overleg/);
  const cat = (await w.programmabureau.get(`/catalogusversies/${b.catalogusversie}`)).json();
  assert.equal(cat.gekozen_impactlat_id, 'B');
  assert.equal(cat.vorige_versie, voor[0]);
  assert.deepEqual(cat.themas.map((t) => t.macrobedrag_cent), [290 * MLN, 260 * MLN, 50 * MLN]);
  assert.deepEqual(cat.themas.map((t) => t.richtbedrag_cent), [275 * MLN, 275 * MLN, 50 * MLN], 'the target budgets stay');
  const themas = (await w.aanvrager.get('/themas')).json();
  assert.equal(themas.catalogusversie, b.catalogusversie);
  // a round opened now budgets with the macrobedrag [001 "Vervolgproces"]
  const ronde = await w.round(1, 'Ronde na het kaderbesluit', { catalogusversie: b.catalogusversie });
  await new Promise((klaar) => setTimeout(klaar, Math.max(0, Date.parse(ronde.sluit_op) - Date.now()) + 300));   // totals sealed until closed
  const mo = await w.bestuur.get(`/macrooverzicht?indieningsronde=${ronde.id}`);
  assert.equal(mo.status, 200, mo.text);
  const m = mo.json();
  assert.equal(m.themas.find((t) => t.id === 'ai').beschikbaar_cent, 290 * MLN);
  // the audit log: the decision and the catalogue version, by the same person
  const n = sql("SELECT count(*) FROM auditlog WHERE actie IN ('kaderbesluit.neem', 'catalogus.publiceer') AND resultaat = 'gelukt' AND actor = 'gebruiker:"
    + `${(await w.bestuur.get('/sessies/huidig')).json().gebruiker.id}'`);
  if (n !== null) assert.equal(Number(n), 2);
});

test('a new decision replaces the former as a new version; both stay readable by every party, the one in force first', async () => {
  const r = await w.bestuur.post('/kaderbesluiten', besluit([280 * MLN, 270 * MLN, 40 * MLN], { impactlat_id: 'C', motivering: 'Herzien.' }));
  assert.equal(r.status, 201, r.text);
  const lijst = (await w.auditor.get('/kaderbesluiten')).json().kaderbesluiten;
  assert.deepEqual(lijst.map((b) => [b.impactlat_id, b.van_kracht]), [['C', true], ['B', false]]);
  assert.equal(lijst[0].catalogusversie, lijst[1].catalogusversie + 1);
  for (const wie of [w.aanvrager, w.beoordelaar, w.programmabureau, w.gemeente]) {
    assert.equal((await wie.get(`/kaderbesluiten/${lijst[1].id}`)).json().motivering, 'De modelplannen zijn af; AI vraagt meer dan het richtbedrag.');
  }
  problem(await w.auditor.get('/kaderbesluiten/999999'), 404);
  problem(await w.api.get('/api/v1/kaderbesluiten'), 401);
  // a decision never changes, in the database itself
  const fout = backend === 'postgresql'
    ? spawnSync('psql', [srv.dbUrl, '-v', 'ON_ERROR_STOP=1', '-c', 'UPDATE kaderbesluit SET motivering = \'x\''], { encoding: 'utf8' })
    : spawnSync('sqlite3', [srv.dbUrl, 'UPDATE kaderbesluit SET motivering = \'x\''], { encoding: 'utf8' });
  if (!fout.error) assert.match(fout.stderr, /kaderbesluit verandert niet/);
});

test('the programme office\'s catalogue version keeps the board\'s amounts and bar: a change is 409 with the source, the rest publishes', async () => {
  const nieuwste = (await versies())[0];
  const doc = (await w.programmabureau.get(`/catalogusversies/${nieuwste}`)).json();
  const v = structuredClone(doc);
  v.versie = nieuwste + 1;
  v.vorige_versie = nieuwste;
  v.themas[0].macrobedrag_cent = 275 * MLN;
  v.gekozen_impactlat_id = 'A';
  const p = problem(await w.programmabureau.post('/catalogusversies', v), 409);
  assert.deepEqual(codes(p), ['kader_van_bestuur', 'kader_van_bestuur']);
  assert.ok(p.errors.every((x) => x.bron === '[001 "Vervolgproces"]'));
  assert.deepEqual(p.errors.map((x) => x.name).sort(), ['body#/gekozen_impactlat_id', 'body#/themas/0/macrobedrag_cent']);
  assert.match(p.errors.find((x) => x.name.endsWith('macrobedrag_cent')).detail, /laat het op EUR 280\.000\.000,00\./);
  assert.equal((await versies())[0], nieuwste);
  // the same version with the board's part untouched (a new term date) publishes
  v.themas[0].macrobedrag_cent = doc.themas[0].macrobedrag_cent;
  v.gekozen_impactlat_id = doc.gekozen_impactlat_id;
  const r = await w.programmabureau.post('/catalogusversies', v);
  assert.equal(r.status, 201, r.text);
  const na = (await w.auditor.get('/themas')).json();
  assert.equal(na.themas.find((t) => t.id === 'ai').macrobedrag_cent, 280 * MLN);
});

await run();
