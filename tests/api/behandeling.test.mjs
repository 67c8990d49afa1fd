// SPDX-License-Identifier: EUPL-1.2
//
// behandeling.test.mjs -- the insurer's work, black-box on the backend in
// DOORBRAAK_TEST_BACKEND (docs/indiening.md §5a): the queue carries what
// each application asks and the date the verdicts are due (the round's,
// set by the programme office after the closing day); within each insurer
// one named assessor handles an application, assigned by a colleague
// (never an account of another insurer, never by another insurer, never
// on an application it does not assess), told by a message, every
// assignment and refusal in the audit log.

import { after, assert, before, codes, problem, run, setSuite, test } from '../lib/harness.mjs';
import { inloggen, sleep, utc, world } from '../lib/indiening.mjs';
import { startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/behandeling [${backend}]`);

let srv;
let w;
let ronde;
let id;


before(async () => {
  srv = await startServer({ backend, args: ['--demo'], threads: 4 });
  w = await world(srv);
  w.collega = await inloggen(w.api, 'beoordelaar-2');
  w.zuidPersoon = await inloggen(w.api, 'beoordelaar-zuid');
});

after(async () => {
  if (srv) await srv.stop();
});

test('the round carries the date the verdicts are due: after the closing day, a real date', async () => {
  const nu = Date.now();
  const basis = { naam: 'Ronde met termijn', catalogusversie: 1, uitloopjaar_toegestaan: true, impactlat_id: 'B',
    opent_op: utc(nu - 1000), sluit_op: utc(nu + 3000) };
  const vandaag = utc(nu).slice(0, 10);
  const p = problem(await w.programmabureau.post('/indieningsrondes', { ...basis, beoordeeld_uiterlijk_op: '2020-01-01' }), 400);
  assert.deepEqual(codes(p), ['volgorde']);
  assert.deepEqual(codes(problem(await w.programmabureau.post('/indieningsrondes', { ...basis, beoordeeld_uiterlijk_op: '2027-02-30' }), 400)), ['datum_ongeldig']);
  const plus = (dagen) => new Date(Date.parse(`${vandaag}T00:00:00Z`) + dagen * 86400000).toISOString().slice(0, 10);
  const r = await w.programmabureau.post('/indieningsrondes', { ...basis, beoordeeld_uiterlijk_op: plus(42) });
  assert.equal(r.status, 201, r.text);
  ronde = r.json();
  assert.equal(ronde.beoordeeld_uiterlijk_op, plus(42));
  const zonder = await w.programmabureau.post('/indieningsrondes', { ...basis, naam: 'Zonder termijn' });
  assert.equal(zonder.json().beoordeeld_uiterlijk_op, null);
});

test('the queue shows what the newest version asks in all and the date its verdicts are due', async () => {
  const concept = await w.draft(ronde.id, w.doc('Aanvraag met behandelaar'));
  id = concept.aanvraag.id;
  assert.equal(concept.aanvraag.gevraagd_cent, null, 'a draft asks nothing yet');
  const totaal = concept.toetsing.totalen.gevraagd_cent;
  assert.ok(totaal > 0);
  const r = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
  assert.equal(r.status, 201, r.text);
  await sleep(Math.max(0, Date.parse(ronde.sluit_op) - Date.now()) + 300);
  const lijst = (await w.beoordelaar.get(`/aanvragen?indieningsronde=${ronde.id}`)).json().aanvragen;
  const a = lijst.find((x) => x.id === id);
  assert.equal(a.gevraagd_cent, totaal);
  assert.equal(a.beoordeeld_uiterlijk_op, ronde.beoordeeld_uiterlijk_op);
  assert.equal(a.behandelaar_id, null);
  // the lead sees the amount too, but not who handles it at the insurer
  const eigen = (await w.aanvrager.get(`/aanvragen/${id}`)).json();
  assert.equal(eigen.gevraagd_cent, totaal);
  assert.ok(!('behandelaar_id' in eigen));
});

test('a colleague of the same insurer is assigned by name and told; every assignment audited', async () => {
  const b = (await w.beoordelaar.get('/behandelaars')).json().behandelaars;
  assert.deepEqual(b.map((x) => [x.naam, x.functie]), [['Daan de Vries', 'medisch adviseur'], ['Mark Visser', 'zorginkoper']]);
  const daan = b.find((x) => x.naam === 'Daan de Vries').id;
  let r = await w.beoordelaar.call('PUT', `/aanvragen/${id}/behandelaar`, { gebruiker_id: daan });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json().behandelaar_id, r.json().behandelaar_naam, r.json().aanvraag_titel], [daan, 'Daan de Vries, medisch adviseur, Demo Zorgverzekeraar Noord', 'Aanvraag met behandelaar']);
  const a = (await w.beoordelaar.get(`/aanvragen/${id}`)).json();
  assert.deepEqual([a.behandelaar_id, a.behandelaar_naam], [daan, 'Daan de Vries, medisch adviseur, Demo Zorgverzekeraar Noord']);
  const bericht = (await w.collega.get('/berichten')).json().berichten.find((x) => x.soort === 'toegewezen');
  assert.equal(bericht.onderwerp, 'U behandelt de aanvraag: Aanvraag met behandelaar');
  const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
    'november', 'december'];
  const [j, m, d] = ronde.beoordeeld_uiterlijk_op.split('-').map(Number);
  assert.match(bericht.tekst, new RegExp(`uiterlijk ${d} ${maanden[m - 1]} ${j}\\.`), 'the date due, in Dutch');
  assert.equal(bericht.pad, `/beoordelingen/${id}`);
  // the second insurer's own assignment is its own: Noord's stays
  const zuidB = (await w.zuidPersoon.get('/behandelaars')).json().behandelaars;
  assert.deepEqual(zuidB.map((x) => x.naam), ['Fatima El Amrani']);
  r = await w.zuidPersoon.call('PUT', `/aanvragen/${id}/behandelaar`, { gebruiker_id: zuidB[0].id });
  assert.equal(r.status, 200, r.text);
  assert.match((await w.zuidPersoon.get(`/aanvragen/${id}`)).json().behandelaar_naam, /^Fatima El Amrani, /);
  assert.match((await w.beoordelaar.get(`/aanvragen/${id}`)).json().behandelaar_naam, /^Daan de Vries, /);
  // taking it on oneself: no message to oneself
  const voor = (await w.beoordelaar.get('/berichten')).json().berichten.length;
  r = await w.beoordelaar.call('PUT', `/aanvragen/${id}/behandelaar`, { gebruiker_id: b.find((x) => x.naam === 'Mark Visser').id });
  assert.equal(r.status, 200, r.text);
  assert.equal((await w.beoordelaar.get('/berichten')).json().berichten.length, voor);
  r = await w.beoordelaar.call('PUT', `/aanvragen/${id}/behandelaar`, { gebruiker_id: null });
  assert.equal(r.status, 200);
  assert.equal((await w.beoordelaar.get(`/aanvragen/${id}`)).json().behandelaar_id, null);
  const audit = (await w.auditor.get(`/auditrecords?actie=aanvraag.behandelaar&object=aanvraag/${id}`)).json().auditrecords;
  assert.equal(audit.filter((x) => x.resultaat === 'gelukt').length, 4);
});

test('refused: an account of another insurer or another role, another insurer\'s application, a bad body', async () => {
  const zuid = (await w.zuidPersoon.get('/behandelaars')).json().behandelaars[0].id;
  const voor = (await w.beoordelaar.get(`/aanvragen/${id}`)).json().behandelaar_id;
  assert.deepEqual(codes(problem(await w.beoordelaar.call('PUT', `/aanvragen/${id}/behandelaar`, { gebruiker_id: zuid }), 400)), ['geen_behandelaar']);
  const aanvragerId = (await w.aanvrager.get('/sessies/huidig')).json().gebruiker.id;
  assert.deepEqual(codes(problem(await w.beoordelaar.call('PUT', `/aanvragen/${id}/behandelaar`, { gebruiker_id: aanvragerId }), 400)), ['geen_behandelaar']);
  assert.deepEqual(codes(problem(await w.beoordelaar.call('PUT', `/aanvragen/${id}/behandelaar`, { gebruiker_id: 'Daan', x: 1 }), 400)).sort(), ['type', 'unknown']);
  assert.deepEqual(codes(problem(await w.beoordelaar.call('PUT', `/aanvragen/${id}/behandelaar`, {}), 400)), ['verplicht']);
  // an insurer that does not assess it: as if it did not exist
  problem(await w.west.call('PUT', `/aanvragen/${id}/behandelaar`, { gebruiker_id: null }), 404);
  problem(await w.beoordelaar.call('PUT', '/aanvragen/4294967296/behandelaar', { gebruiker_id: null }), 404);
  problem(await w.aanvrager.call('PUT', `/aanvragen/${id}/behandelaar`, { gebruiker_id: null }), 403);
  assert.equal((await w.beoordelaar.get(`/aanvragen/${id}`)).json().behandelaar_id, voor, 'nothing changed');
  const audit = (await w.auditor.get(`/auditrecords?actie=aanvraag.behandelaar&resultaat=geweigerd`)).json().auditrecords;
  assert.ok(audit.length >= 4, JSON.stringify(audit.length));
});

await run();
