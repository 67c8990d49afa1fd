// SPDX-License-Identifier: EUPL-1.2
//
// beoordeling.test.mjs -- assessment by the coordinating and the second
// insurer, black-box on the backend in DOORBRAAK_TEST_BACKEND:
// the two-insurer rule, insurers not on the application, the sealed round,
// verdicts without motivation and conflicts of interest, one verdict per
// insurer per version, independence of the two judgements, and a request
// for information that reopens only what was asked, answered as a new
// version with the history kept.

import { after, assert, before, codes, problem, run, setSuite, test } from '../lib/harness.mjs';
import { canonical, sha256hex, sleep, world } from '../lib/indiening.mjs';
import { startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/beoordeling [${backend}]`);

let srv;
let w;
let ronde;
const ingediend = [];   // application ids submitted in the round, closed before the tests

const eisen = (oordeel = 'voldaan') => Array.from({ length: 14 }, (_, i) =>
  ({ volgnummer: i + 1, oordeel, motivering: `Basiseis ${i + 1} is onderbouwd.` }));

function oordeel(versie, soort, extra = {}) {
  const b = { versie, geen_belangenconflict: true, basiseisen: eisen(), oordeel: soort,
              motivering: `Eindoordeel ${soort}.`, ...extra };
  if (soort === 'meer_informatie' && !b.informatieverzoek) {
    b.informatieverzoek = { velden: ['/impact/meetmethode'], vraag: 'Beschrijf de nulmeting per team.' };
  }
  return b;
}

before(async () => {
  srv = await startServer({ backend, args: ['--demo'], threads: 4 });
  w = await world(srv);
  ronde = await w.round(3, 'Beoordelingsronde');
  for (let i = 0; i < 6; i++) {
    const id = (await w.draft(ronde.id, w.doc(`Aanvraag ${i}`))).aanvraag.id;
    const r = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
    if (r.status !== 201) throw new Error(`submit: ${r.text}`);
    ingediend.push(id);
  }
  // before the closing moment an insurer cannot assess: it cannot even see the application
  const early = await w.beoordelaar.post(`/aanvragen/${ingediend[0]}/beoordelingen`, oordeel(1, 'positief'));
  if (early.status !== 404) throw new Error(`assessment before closing: ${early.status}`);
  await sleep(Math.max(0, Date.parse(ronde.sluit_op) - Date.now()) + 300);
});

after(async () => {
  if (srv) await srv.stop();
});

test('two-insurer rule: positive only when both insurers are positive on the same version', async () => {
  const [a, b] = ingediend;
  let r = await w.beoordelaar.post(`/aanvragen/${a}/beoordelingen`, oordeel(1, 'positief'));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().status, 'in_beoordeling');
  assert.equal((await w.aanvrager.get(`/aanvragen/${a}`)).json().status, 'in_beoordeling');
  r = await w.zuid.post(`/aanvragen/${a}/beoordelingen`, oordeel(1, 'positief'));
  assert.equal(r.json().status, 'positief');
  r = await w.zuid.post(`/aanvragen/${b}/beoordelingen`, oordeel(1, 'positief'));
  assert.equal(r.json().status, 'in_beoordeling');
  r = await w.beoordelaar.post(`/aanvragen/${b}/beoordelingen`, oordeel(1, 'negatief',
    { basiseisen: eisen('niet_voldaan') }));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().status, 'negatief');
  const list = (await w.aanvrager.get(`/aanvragen/${b}/beoordelingen`)).json();
  assert.equal(list.status, 'negatief');
  assert.deepEqual(list.beoordelingen.map((x) => [x.verzekeraar_rol, x.oordeel]).sort(),
    [['coordinerend', 'negatief'], ['tweede', 'positief']]);
  assert.equal(list.beoordelingen[0].basiseisen.length, 14);
  // decided: no more verdicts
  assert.deepEqual(codes(problem(await w.zuid.post(`/aanvragen/${a}/beoordelingen`, oordeel(1, 'negatief')), 409)), ['afgerond']);
  const pos = (await w.beoordelaar.get(`/aanvragen?status=positief&indieningsronde=${ronde.id}`)).json().aanvragen;
  assert.deepEqual(pos.map((x) => x.id), [a]);
  const viaZuid = (await w.zuid.get(`/aanvragen?verzekeraar=${w.org.zuid}&indieningsronde=${ronde.id}&limiet=1000`)).json().aanvragen;
  assert.equal(viaZuid.length, ingediend.length);
});

test('an insurer that is not on the application, a care provider, the auditor: no assessment', async () => {
  const id = ingediend[2];
  const p = problem(await w.west.post(`/aanvragen/${id}/beoordelingen`, oordeel(1, 'positief')), 404);
  assert.equal(p.detail, problem(await w.west.get('/aanvragen/4294967296'), 404).detail);
  problem(await w.aanvrager.post(`/aanvragen/${id}/beoordelingen`, oordeel(1, 'positief')), 403);
  problem(await w.auditor.post(`/aanvragen/${id}/beoordelingen`, oordeel(1, 'positief')), 403);
  assert.equal((await w.auditor.get(`/aanvragen/${id}/beoordelingen`)).json().beoordelingen.length, 0);
});

test('bad assessments: no motivation, a conflict of interest, requirements missing -- every field at once, nothing stored', async () => {
  const id = ingediend[2];
  const bad = oordeel(1, 'positief', { motivering: ' ', geen_belangenconflict: false });
  bad.basiseisen = bad.basiseisen.slice(0, 12);
  bad.basiseisen[3].motivering = '';
  bad.basiseisen[5].oordeel = 'niet_voldaan';
  let p = problem(await w.beoordelaar.post(`/aanvragen/${id}/beoordelingen`, bad), 400);
  for (const c of ['motivering_ontbreekt', 'belangenconflict', 'basiseis_ontbreekt', 'oordeel_strijdig']) {
    assert.ok(codes(p).includes(c), `${c} in ${codes(p)}`);
  }
  assert.ok(p.errors.some((x) => x.name === '/basiseisen/3/motivering'));
  p = problem(await w.beoordelaar.post(`/aanvragen/${id}/beoordelingen`, oordeel(1, 'meer_informatie',
    { informatieverzoek: { velden: ['/soort', 'geen-pointer'], vraag: '' } })), 400);
  assert.deepEqual(codes(p).sort(), ['motivering_ontbreekt', 'pointer_ongeldig', 'pointer_ongeldig']);
  p = problem(await w.beoordelaar.post(`/aanvragen/${id}/beoordelingen`, oordeel(7, 'positief')), 409);
  assert.deepEqual(codes(p), ['versie_verouderd']);
  assert.equal((await w.auditor.get(`/aanvragen/${id}/beoordelingen`)).json().beoordelingen.length, 0);
  assert.equal((await w.auditor.get(`/aanvragen/${id}`)).json().status, 'ingediend');
});

test('each insurer assesses on its own: the other verdict is hidden until its own is given', async () => {
  const id = ingediend[3];
  assert.equal((await w.beoordelaar.post(`/aanvragen/${id}/beoordelingen`, oordeel(1, 'negatief'))).status, 201);
  assert.deepEqual((await w.zuid.get(`/aanvragen/${id}/beoordelingen`)).json().beoordelingen, []);
  assert.deepEqual((await w.aanvrager.get(`/aanvragen/${id}/beoordelingen`)).json().beoordelingen, []);
  assert.equal((await w.beoordelaar.get(`/aanvragen/${id}/beoordelingen`)).json().beoordelingen.length, 1);
  assert.deepEqual(codes(problem(await w.beoordelaar.post(`/aanvragen/${id}/beoordelingen`, oordeel(1, 'positief')), 409)),
    ['al_beoordeeld']);
  assert.equal((await w.zuid.post(`/aanvragen/${id}/beoordelingen`, oordeel(1, 'positief'))).status, 201);
  assert.equal((await w.zuid.get(`/aanvragen/${id}/beoordelingen`)).json().beoordelingen.length, 2);
});

test('a request for information reopens only what was asked, as a new version with history', async () => {
  const id = ingediend[4];
  const vraag = { velden: ['/impact/meetmethode', '/antwoorden/14'], vraag: 'Hoe meet u de tijdwinst, en waar komt de besparing vandaan?' };
  let r = await w.zuid.post(`/aanvragen/${id}/beoordelingen`, oordeel(1, 'meer_informatie', { informatieverzoek: vraag }));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().status, 'informatie_gevraagd');
  const app = (await w.aanvrager.get(`/aanvragen/${id}`)).json();
  assert.equal(app.status, 'informatie_gevraagd');
  assert.deepEqual(app.open_velden, vraag.velden);
  const iv = (await w.aanvrager.get(`/aanvragen/${id}/informatieverzoeken`)).json().informatieverzoeken;
  assert.equal(iv.length, 1);
  assert.equal(iv[0].vraag, vraag.vraag);
  assert.equal(iv[0].beantwoord, false);
  // a change outside the asked fields is refused, each one named
  const doc = app.document;
  doc.impact.meetmethode = 'Nulmeting per team in maart 2027, tijdregistratie per dienst.';
  doc.antwoorden[14].tekst = 'De besparing komt uit minder overwerk en inhuur.';
  const sneaky = structuredClone(doc);
  sneaky.totaal_bedrag_cent += 100;
  sneaky.titel = 'Nieuwe titel';
  const p = problem(await w.aanvrager.put(`/aanvragen/${id}`, { document: sneaky }), 400);
  assert.deepEqual(p.errors.map((x) => [x.name, x.code]).sort(),
    [['/titel', 'niet_gevraagd'], ['/totaal_bedrag_cent', 'niet_gevraagd']]);
  r = await w.aanvrager.put(`/aanvragen/${id}`, { document: doc });
  assert.equal(r.status, 200, r.text);
  // re-submission after the closing moment is allowed for the answer
  r = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
  assert.equal(r.status, 201, r.text);
  const b = r.json().ontvangstbewijs;
  assert.equal(b.versie, 2);
  assert.equal(b.sha256, sha256hex(canonical(doc)));
  const versies = (await w.aanvrager.get(`/aanvragen/${id}/versies`)).json().versies;
  assert.deepEqual(versies.map((v) => v.versie), [1, 2]);
  assert.equal(versies[0].open_velden, null);
  assert.deepEqual(versies[1].open_velden, vraag.velden);
  assert.notEqual(versies[0].sha256, versies[1].sha256);
  const v1 = JSON.parse((await w.aanvrager.get(`/aanvragen/${id}/versies/1`)).text);
  assert.notEqual(v1.impact.meetmethode, doc.impact.meetmethode, 'version 1 is kept as it was');
  assert.equal((await w.aanvrager.get(`/aanvragen/${id}/informatieverzoeken`)).json().informatieverzoeken[0].beantwoord, true);
  // an insurer now sees version 2; both assess it anew
  assert.equal((await w.beoordelaar.get(`/aanvragen/${id}`)).json().document.impact.meetmethode, doc.impact.meetmethode);
  problem(await w.zuid.post(`/aanvragen/${id}/beoordelingen`, oordeel(1, 'positief')), 409);
  assert.equal((await w.zuid.post(`/aanvragen/${id}/beoordelingen`, oordeel(2, 'positief'))).json().status, 'in_beoordeling');
  assert.equal((await w.beoordelaar.post(`/aanvragen/${id}/beoordelingen`, oordeel(2, 'positief'))).json().status, 'positief');
  assert.deepEqual(codes(problem(await w.aanvrager.post(`/aanvragen/${id}/indiening`, {}), 409)), ['al_ingediend']);
});

await run();
