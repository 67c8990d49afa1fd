// SPDX-License-Identifier: EUPL-1.2
//
// demoketen.test.mjs -- the demo data after the payment
// (src/core/demo/demo_verantwoording.c), black-box on the backend in
// DOORBRAAK_TEST_BACKEND: a server started with --demo and the chain on
// (DOORBRAAK_DEMO_VERANTWOORDING=1) holds the demo round's four
// beschikkingen in every state the issue names -- one accounted, tested,
// judged plausible and settled; one with a reclaim; one judged not
// plausible (not settled: the Zorginstituut's open item); one accounted
// late -- and a second start on the same database adds nothing; the audit
// chain holds and the ledger replays.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { client } from '../lib/http.mjs';
import { inloggen } from '../lib/indiening.mjs';
import { doorbraak, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/demoketen [${backend}]`);

const AAN = { DOORBRAAK_DEMO_VERANTWOORDING: '1' };
let srv;
let nza;

const login = (server, name) => inloggen(client(server.url), name);

const json = async (who, p) => {
  const r = await who.get(p);
  assert.equal(r.status, 200, `${p}: ${r.text}`);
  return r.json();
};

async function stand(who) {
  const kaderbesluiten = (await json(who, '/kaderbesluiten')).kaderbesluiten;
  const beschikkingen = (await json(who, '/beschikkingen?limiet=100')).beschikkingen;
  const jaarstaten = (await json(who, '/jaarstaten')).jaarstaten;
  const vereveningen = (await json(who, '/vereveningen')).vereveningen;
  const verantwoordingen = [];
  for (const b of beschikkingen) verantwoordingen.push(...(await json(who, `/beschikkingen/${b.id}/verantwoordingen`)).verantwoordingen);
  return { kaderbesluiten, beschikkingen, jaarstaten, vereveningen, verantwoordingen };
}

before(async () => {
  srv = await startServer({ backend, args: ['--demo'], env: AAN });
  nza = await login(srv, 'nza');
});

after(async () => {
  if (srv) await srv.stop();
});

test('the demo round is decided: four beschikkingen, every year of a project its framework', async () => {
  const s = await stand(nza);
  assert.equal(s.beschikkingen.filter((b) => b.besluit === 'verleend').length, 4);
  const kaders = (await json(nza, '/verantwoordingskaders')).verantwoordingskaders.map((k) => k.jaar);
  assert.deepEqual(kaders, [2027, 2028, 2029]);
});

test('the board\'s framework decisions: one replaced, one in force, each carried out in its catalogue version', async () => {
  const s = await stand(nza);
  assert.deepEqual(s.kaderbesluiten.map((b) => [b.van_kracht, b.impactlat_id, b.themas.find((t) => t.thema_id === 'ai').macrobedrag_cent]),
    [[true, 'B', 28500000000], [false, 'B', 28000000000]]);
  assert.match(s.kaderbesluiten[0].genomen_door_naam, /Bestuurlijk Overleg/);
  const themas = (await json(nza, '/themas')).themas;
  assert.equal(themas.find((t) => t.id === 'ai').macrobedrag_cent, 28500000000, 'the newest catalogue carries the decision in force');
  assert.equal((await json(nza, `/catalogusversies/${s.kaderbesluiten[1].catalogusversie}`)).gekozen_impactlat_id, 'B');
});

test('every state: judged plausible and settled, judged not plausible and open, a reclaim, a late accountability', async () => {
  const s = await stand(nza);
  const plausibel = s.jaarstaten.find((x) => x.rechtsoordeel?.oordeel === 'plausibel');
  const niet = s.jaarstaten.find((x) => x.rechtsoordeel?.oordeel === 'niet_plausibel');
  assert.ok(plausibel && niet, JSON.stringify(s.jaarstaten.map((x) => x.rechtsoordeel)));
  assert.ok(plausibel.te_vereffenen_cent > 0);
  assert.ok(niet.rechtsoordeel.bevindingen.every((b) => /^\[\d{3} §/.test(b.bron)), 'findings name their source');
  const verevend = s.vereveningen.map((v) => `${v.verzekeraar_id}/${v.jaar}`);
  assert.ok(verevend.includes(`${plausibel.verzekeraar_id}/2027`), 'the plausible year is settled');
  assert.ok(!verevend.includes(`${niet.verzekeraar_id}/2027`), 'the not-plausible year is open');
  assert.equal(s.vereveningen.find((v) => v.jaar === 2027).bedrag_cent, plausibel.rechtsoordeel.erkend_cent);
  assert.ok(s.verantwoordingen.some((v) => v.te_laat), 'one accountability is late');
  assert.ok(s.verantwoordingen.every((v) => v.plausibiliteit), 'every demo accountability is tested');
  const boekingen = (await json(nza, '/grootboek/boekingen?limiet=1000')).boekingen;
  assert.ok(boekingen.some((b) => b.code === 'verantwoording.terugvordering' && b.bedrag_cent > 0), 'one project has a reclaim');
  assert.ok(boekingen.some((b) => b.code === 'verevening.nacalculatie'), 'the settlement is booked');
});

test('monitoring in every state on the demo day: on track, behind (acknowledged), reports missing, a second version', async () => {
  const bestuur = await login(srv, 'bestuur');
  const sig = (await json(bestuur, '/signalen')).signalen;
  const codes = new Set(sig.map((s) => s.code));
  for (const c of ['mijlpaal_te_laat', 'fte_achter', 'besteding_achter', 'rapportage_ontbreekt']) assert.ok(codes.has(c), `${c}: ${[...codes]}`);
  assert.ok(sig.some((s) => s.code === 'fte_achter' && s.erkend && s.kennisnames.length === 1), 'one signal acknowledged');
  const beschikkingen = (await json(nza, '/beschikkingen?limiet=100')).beschikkingen.filter((b) => b.besluit === 'verleend');
  const rapporten = [];
  for (const b of beschikkingen) rapporten.push((await json(bestuur, `/beschikkingen/${b.id}/voortgangsrapportages`)).rapportages);
  assert.ok(rapporten.some((r) => r.some((x) => x.versie === 2)), 'a second version');
  const zonderAchterstand = beschikkingen.filter((b) => !sig.some((s) => s.beschikking_id === b.id && s.code !== 'mijlpaal_te_laat'));
  assert.ok(zonderAchterstand.length >= 1, 'one project on track (only late milestones at most)');
  const d = await json(bestuur, '/programmamonitor');
  assert.equal(d.peildatum, '2028-09-15');
  assert.ok(d.fte.gerealiseerd_milli > 0 && d.fte.gerealiseerd_milli < d.fte.toegezegd_milli);
});

test('a second server started on the same database adds nothing; the audit chain holds and the ledger replays', async () => {
  const voor = await stand(nza);
  const tweede = await startServer({ backend, dbUrl: srv.dbUrl, init: false, args: ['--demo'], env: AAN });
  let na;
  try {
    na = await stand(await login(tweede, 'nza'));
  } finally {
    await tweede.stop();
  }
  assert.deepEqual([na.kaderbesluiten.length, na.beschikkingen.length, na.jaarstaten.length, na.vereveningen.length, na.verantwoordingen.length],
    [voor.kaderbesluiten.length, voor.beschikkingen.length, voor.jaarstaten.length, voor.vereveningen.length, voor.verantwoordingen.length]);
  let r = doorbraak(['--db', srv.dbUrl, 'audit', 'verify']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  r = doorbraak(['--db', srv.dbUrl, 'grootboek', 'herspeel']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the chain told each party what concerns it: messages by kind, with their source (docs/berichten.md)', async () => {
  const soorten = async (naam) => {
    const b = (await (await login(srv, naam)).get('/berichten?limiet=200')).json().berichten;
    return { soorten: new Set(b.map((x) => x.soort)), b };
  };
  const lead = await soorten('aanvrager');
  for (const s of ['beoordeeld', 'toegekend', 'beschikt', 'betaald']) assert.ok(lead.soorten.has(s), `the lead: ${s}`);
  assert.ok(!lead.soorten.has('aanvraag_ingediend') && !lead.soorten.has('mijlpaal_gemeld'), 'not the insurer\'s');
  const betaald = lead.b.find((x) => x.soort === 'betaald');
  assert.match(betaald.tekst, /EUR [0-9.]+,[0-9]{2} betaald \[001 §2\]\.$/, 'an amount in euros, with the source');
  assert.match(lead.b.find((x) => x.soort === 'beschikt').tekst, /binnen zes weken bezwaar maken \(Awb art\. 6:7\)/);
  assert.match(lead.b.find((x) => x.soort === 'toegekend').tekst, /\[001 "Vervolgproces"\]/);
  const noord = await soorten('beoordelaar');
  for (const s of ['aanvraag_ingediend', 'nza_aanvraag_opstellen', 'mijlpaal_gemeld', 'beschikt']) {
    assert.ok(noord.soorten.has(s), `the coordinating insurer: ${s}`);
  }
  assert.ok(!noord.soorten.has('betaald') && !noord.soorten.has('toegekend'), 'not the lead\'s');
  const n = await soorten('nza');
  assert.deepEqual([...n.soorten], ['nza_aanvraag_ingediend']);
  assert.ok(n.b.every((x) => /\[001 §3\]/.test(x.tekst) && x.pad.startsWith('/nza/verzoeken/')));
  // every message names the source of its rule
  for (const x of [...lead.b, ...noord.b, ...n.b]) assert.match(x.tekst, /\[00[0-4] [^\]]+\]/, x.tekst);
  // nobody outside the chain
  assert.deepEqual((await (await login(srv, 'zorginstituut')).get('/berichten')).json().berichten, []);
});

await run();
