// SPDX-License-Identifier: EUPL-1.2
//
// keten.test.mjs -- the whole chain of issue 8 in Debian's chromium, every
// role in its own screens, against one real `doorbraak serve --demo` on a
// fresh database (SQLite; scripts/test.sh also runs it on PostgreSQL):
//
//   programmabureau  opens a submission round                   (stappen/beheer.mjs)
//   aanvrager        applies on a modelplan and submits; receipt (stappen/aanvrager.mjs)
//   beoordelaar, beoordelaar-zuid  both insurers assess positively (stappen/beoordelaar.mjs)
//   bestuur          computes a scenario and adopts the decision  (stappen/bestuur.mjs)
//   beoordelaar      drafts the joint request to NZa and signs; the lead signs
//   nza              checks and grants the beschikking            (stappen/nza.mjs)
//   aanvrager        reports a milestone; beoordelaar pays it
//
// Only the browser acts; the API is read to check that what the screens
// said is what the server holds (the receipt's hash, the statuses, the
// ledger). The document the coalition uploads is the conform example of
// voorbeelden/aanvragen/, re-pointed at the demo organisations (the file a
// coalition prepared elsewhere). axe runs inside every step, on every screen.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { canonical, sha256hex, sleep, world } from '../lib/indiening.mjs';
import { startServer, testBackend } from '../lib/server.mjs';
import { alsRol, expectAccessible, startBrowser } from './browser.mjs';
import { nieuweAanvraag, dienIn } from './stappen/aanvrager.mjs';
import { beoordeelPositief, maakNzaAanvraag, onderteken } from './stappen/beoordelaar.mjs';
import { maakRonde } from './stappen/beheer.mjs';
import { berekenScenario, neemBesluit } from './stappen/bestuur.mjs';
import { betaalMijlpaal, meldMijlpaal, verleen } from './stappen/nza.mjs';

// Each step drives several screens, one of them waits for the round to close.
process.env.DOORBRAAK_TEST_TIMEOUT_MS ||= '180000';

const backend = testBackend();
setSuite(`browser/keten [${backend}]`);

let srv;
let w; // API callers, to read what the screens did
let browser;
let page;
const keten = {};

before(async () => {
  srv = await startServer({ backend, args: ['--demo'] });
  w = await world(srv);
  browser = await startBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

async function json(caller, p) {
  const r = await caller.get(p);
  assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text}`);
  return r.json();
}

test('het programmabureau opent een indieningsronde', async () => {
  await alsRol(page, srv.url, 'programmabureau');
  keten.rondeNaam = 'Ketenronde browser';
  // Long enough to apply and submit in the browser; the test waits for the close.
  keten.ronde = await maakRonde(page, srv.url, { naam: keten.rondeNaam, sluitOverSeconden: 45 });
  const ronde = await json(w.programmabureau, `/indieningsrondes/${keten.ronde}`);
  assert.equal(ronde.naam, keten.rondeNaam);
  keten.sluitOp = Date.parse(ronde.sluit_op);
});

test('de coalitie vraagt aan op een modelplan en dient in, met ontvangstbewijs', async () => {
  await alsRol(page, srv.url, 'aanvrager');
  const document = w.doc('Spraakgestuurd rapporteren in de keten');
  keten.aanvraag = await nieuweAanvraag(page, srv.url, {
    rondeNaam: keten.rondeNaam, modelplanId: document.modelplan.id, document,
  });
  const bewijs = await dienIn(page, srv.url, keten.aanvraag);
  const a = await json(w.aanvrager, `/aanvragen/${keten.aanvraag}`);
  assert.equal(a.status, 'ingediend');
  // The frozen version is served byte for byte; its hash is the receipt's.
  const versie = await w.aanvrager.get(`/aanvragen/${keten.aanvraag}/versies/1`);
  assert.equal(versie.status, 200);
  assert.equal(sha256hex(versie.text), bewijs.sha256, 'the receipt on the screen is the hash of the frozen document');
  assert.equal(sha256hex(canonical(JSON.parse(versie.text))), bewijs.sha256);
});

test('beide zorgverzekeraars beoordelen positief na de sluiting', async () => {
  await sleep(Math.max(0, keten.sluitOp - Date.now()) + 500);
  await alsRol(page, srv.url, 'beoordelaar');
  await beoordeelPositief(page, srv.url, keten.aanvraag);
  await alsRol(page, srv.url, 'beoordelaar-zuid');
  await beoordeelPositief(page, srv.url, keten.aanvraag);
  const a = await json(w.aanvrager, `/aanvragen/${keten.aanvraag}`);
  assert.equal(a.status, 'positief');
});

test('het bestuur berekent een scenario en neemt het besluit', async () => {
  await alsRol(page, srv.url, 'bestuur');
  keten.scenario = await berekenScenario(page, srv.url, {
    rondeId: keten.ronde, naam: 'Keten optimaal', regel: 'optimaal', seed: 'BO-keten-2026',
  });
  keten.besluit = await neemBesluit(page, srv.url, keten.scenario, 'Het bestuur volgt het optimale scenario.');
  const besluit = await json(w.programmabureau, `/bestuursbesluiten/${keten.besluit}`);
  assert.ok(besluit.toekenningen.some((t) => t.aanvraag_id === keten.aanvraag), 'the decision grants the application');
  assert.ok(BigInt(besluit.toegekend_cent) > 0n);
});

test('verzekeraar en penvoerder vragen samen een beschikking aan', async () => {
  await alsRol(page, srv.url, 'beoordelaar');
  keten.nza = await maakNzaAanvraag(page, srv.url, keten.aanvraag, { kenmerk: 'OVK-KETEN-1' });
  await onderteken(page, srv.url, keten.nza);
  await alsRol(page, srv.url, 'aanvrager');
  await onderteken(page, srv.url, keten.nza);
  const t = await json(w.beoordelaar, `/nza-aanvragen/${keten.nza}`);
  assert.equal(t.status, 'in_behandeling');
});

test('de NZa verleent de beschikking met bovengrens', async () => {
  await alsRol(page, srv.url, 'nza');
  keten.beschikking = await verleen(page, srv.url, keten.nza, 'Alle bevindingen zijn voldaan.');
  const b = await json(w.beoordelaar, `/beschikkingen/${keten.beschikking}`);
  assert.equal(b.besluit, 'verleend');
  keten.bovengrens = BigInt(b.bovengrens_cent);
  assert.ok(keten.bovengrens > 0n);
});

test('de penvoerder meldt een mijlpaal en de verzekeraar betaalt die', async () => {
  const voor = await json(w.beoordelaar, `/beschikkingen/${keten.beschikking}/mijlpalen`);
  const eerste = voor.mijlpalen[0];
  await alsRol(page, srv.url, 'aanvrager');
  await meldMijlpaal(page, srv.url, keten.beschikking, eerste.id, 'Projectplan vastgesteld; verslag op intranet.');
  await alsRol(page, srv.url, 'beoordelaar');
  await betaalMijlpaal(page, srv.url, keten.beschikking, eerste.id);
  const na = await json(w.beoordelaar, `/beschikkingen/${keten.beschikking}/mijlpalen`);
  const m = na.mijlpalen.find((x) => x.id === eerste.id);
  assert.ok(m.betaling, 'the milestone is paid');
  const planned = BigInt(eerste.gepland_cent);
  assert.equal(BigInt(m.betaling.bedrag_cent), planned, 'paid the planned amount');
  assert.equal(BigInt(na.resterend_cent), keten.bovengrens - planned, 'the upper bound drops by exactly that amount');
  await expectAccessible(page, 'beschikking na betaling');
});

test('geen CSP-schendingen of scriptfouten in de hele keten', async () => {
  assert.deepEqual(browser.problems(), []);
});

run();
