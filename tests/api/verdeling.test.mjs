// SPDX-License-Identifier: EUPL-1.2
//
// verdeling.test.mjs -- the board's step, black-box on the backend
// in DOORBRAAK_TEST_BACKEND: the macro overview (sealed until the round
// closes; totals per theme, year, area, sector and region against the
// budgets, computed here independently from the submitted documents; who
// sees what), scenarios under each rule side by side, all validation errors
// at once, byte-identical output for equal input (also from the command
// line, on the stored input), the LP model checked with CBC, the roles, and
// the decision: refused while applications are being assessed or when the
// scenario is stale, adopted with its grants and ledger reservations in one
// go, refused a second time, and refused as a whole when it overspends.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { after, assert, before, codes, problem, run, setSuite, test } from '../lib/harness.mjs';
import { caller, DEMO_WACHTWOORD, JSON_HEADERS, sleep, world } from '../lib/indiening.mjs';
import { doorbraak, psql, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/verdeling [${backend}]`);

const haveCbc = spawnSync('sh', ['-c', 'command -v cbc'], { encoding: 'utf8' }).status === 0;
const haveSqlite3 = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;

let srv;
let w;
let bestuur;
let nza;
let rondeA;
let rondeB;
let early;            // the macro overview asked before round A closed
const app = {};       // name -> application id
const docs = new Map(); // application id -> its submitted document
let oldScenario;      // computed while a6 was still being assessed

/** SQL on the server's database; '' when sqlite3 is missing (checks then skip). */
function sql(query) {
  if (backend === 'postgresql') return psql(srv.dbUrl, query).trim();
  if (!haveSqlite3) return '';
  const r = spawnSync('sqlite3', [srv.dbUrl, query], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`sqlite3: ${r.error || r.stderr}`);
  return r.stdout.trim();
}
const canQuery = () => backend === 'postgresql' || haveSqlite3;
const count = (q) => Number(sql(q));

async function login(name) {
  const res = await w.api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: name, wachtwoord: DEMO_WACHTWOORD }) });
  if (res.status !== 201) throw new Error(`login ${name}: ${res.status} ${res.text}`);
  const cookie = /^__Host-doorbraak=([^;]*)/.exec([].concat(res.headers['set-cookie'])[0])[1];
  const b = res.json();
  return caller(w.api, { name, cookie, csrf: b.csrf_token, orgId: b.organisatie.id });
}

/** The conform example at `factor` times its amounts, with an fte figure. */
function scaled(factor, fteMilli, titel) {
  const d = w.doc(titel);
  for (const l of d.begroting) l.bedrag_cent *= factor;
  for (const m of d.mijlpalen) m.bedrag_cent *= factor;
  for (const p of d.coalitie.deelnemers) p.bedrag_cent *= factor;
  d.totaal_bedrag_cent *= factor;
  d.impact.fte_besparing_milli = fteMilli;
  return d;
}

/** Drafts, explains every deviation, submits; returns the id. */
async function submit(ronde, doc, regio) {
  let r = await w.draft(ronde.id, doc, regio);
  const id = r.aanvraag.id;
  const open = [...new Set(r.toetsing.afwijkingen.filter((x) => !x.toegelicht).map((x) => x.element))];
  if (open.length) {
    doc.afwijkingen = [...doc.afwijkingen, ...open.map((element) => ({ element,
      toelichting: `De regio licht ${element} toe: de opschaling is regiobreed.` }))];
    const p = await w.aanvrager.put(`/aanvragen/${id}`, { regio, document: doc });
    if (p.status !== 200) throw new Error(`save: ${p.status} ${p.text}`);
    r = p.json();
  }
  if (!r.toetsing.indienbaar) throw new Error(`not submittable: ${JSON.stringify(r.toetsing.bevindingen.filter((b) => b.blokkerend && b.resultaat === 'niet_voldaan'))}`);
  const s = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
  if (s.status !== 201) throw new Error(`submit: ${s.status} ${s.text}`);
  docs.set(id, doc);
  return id;
}

const eisen = (oordeel = 'voldaan') => Array.from({ length: 14 }, (_, i) =>
  ({ volgnummer: i + 1, oordeel, motivering: `Basiseis ${i + 1} is onderbouwd.` }));

async function assess(id, who, oordeel = 'positief') {
  const body = { versie: 1, geen_belangenconflict: true, oordeel, motivering: `Eindoordeel ${oordeel}.`,
    basiseisen: oordeel === 'positief' ? eisen() : eisen('niet_voldaan') };
  const r = await who.post(`/aanvragen/${id}/beoordelingen`, body);
  if (r.status !== 201) throw new Error(`assess ${id}: ${r.status} ${r.text}`);
  return r.json().status;
}

/** Requested (one-off) amounts of a document per year and per sector. */
function requested(doc) {
  const perJaar = new Map();
  const perSector = new Map();
  const sector = new Map(doc.coalitie.deelnemers.map((p) => [p.organisatie, p.sector || 'onbekend']));
  let total = 0;
  for (const l of doc.begroting) {
    if (l.aard !== 'eenmalig' || l.bedrag_cent <= 0) continue;
    total += l.bedrag_cent;
    perJaar.set(l.jaar, (perJaar.get(l.jaar) || 0) + l.bedrag_cent);
    const s = sector.get(l.zorgaanbieder) || 'onbekend';
    perSector.set(s, (perSector.get(s) || 0) + l.bedrag_cent);
  }
  return { total, perJaar, perSector, fte: doc.impact.fte_besparing_milli };
}

const scenario = (ronde, naam, regel, parameters = {}) =>
  ({ naam, indieningsronde_id: ronde.id, regel, parameters: { seed: 'test-bo-2027', ...parameters } });

before(async () => {
  srv = await startServer({ backend, args: ['--demo'], threads: 4 });
  w = await world(srv);
  bestuur = await login('bestuur');
  nza = await login('nza');
  rondeA = await w.round(10, 'Verdelingsronde A');
  rondeB = await w.round(10, 'Verdelingsronde B');
  app.a1 = await submit(rondeA, scaled(20, 3_800_000, 'A1 Noord, groot'), 'Noord');
  app.a2 = await submit(rondeA, scaled(20, 4_000_000, 'A2 Oost, groot'), 'Oost');
  app.a3 = await submit(rondeA, scaled(20, 2_000_000, 'A3 Zuid, groot'), 'Zuid');
  app.a4 = await submit(rondeA, w.doc('A4 Noord, klein'), 'Noord');
  app.a5 = await submit(rondeA, w.hybride(), 'West');
  app.a6 = await submit(rondeA, w.doc('A6 Oost, klein (lang beoordeeld)'), 'Oost');
  app.a7 = await submit(rondeA, w.doc('A7 Zuid, negatief'), 'Zuid');
  app.b1 = await submit(rondeB, scaled(20, 3_800_000, 'B1 Noord, groot'), 'Noord');
  app.b2 = await submit(rondeB, scaled(20, 3_600_000, 'B2 Oost, groot'), 'Oost');
  early = await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}`);
  await sleep(Math.max(0, Date.parse(rondeB.sluit_op) - Date.now()) + 300);
  for (const n of ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2']) {
    await assess(app[n], w.beoordelaar);
    await assess(app[n], w.zuid);
  }
  await assess(app.a6, w.beoordelaar);                // a6: still being assessed
  await assess(app.a7, w.beoordelaar, 'negatief');   // a7: negative
  await assess(app.a7, w.zuid);
});

after(async () => {
  if (srv) await srv.stop();
});

// --- the macro overview ---------------------------------------------------------

test('macro overview: sealed until the round has closed', async () => {
  assert.deepEqual(codes(problem(early, 409)), ['ronde_niet_gesloten']);
});

test('macro overview: an ETag, and 304 without a body while nothing changed', async () => {
  const r = await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}`);
  assert.equal(r.status, 200, r.text);
  const etag = r.headers.etag;
  assert.match(etag || '', /^"[0-9a-f]{32}"$/);
  assert.equal(r.headers['cache-control'], 'private, no-cache');
  const again = await bestuur.call('GET', `/macrooverzicht?indieningsronde=${rondeA.id}`, undefined,
    { 'if-none-match': etag });
  assert.equal(again.status, 304);
  assert.equal(again.text, '');
  const other = await bestuur.call('GET', `/macrooverzicht?indieningsronde=${rondeA.id}`, undefined,
    { 'if-none-match': '"00000000000000000000000000000000"' });
  assert.equal(other.status, 200);
  assert.equal(other.headers.etag, etag);
  // another view of the same round is another answer, with another tag
  const gefilterd = await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}&thema=ai`);
  assert.notEqual(gefilterd.headers.etag, etag);
});

test('macro overview: totals per theme, year, area, sector and region against the budgets, computed independently', async () => {
  const r = await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}`);
  assert.equal(r.status, 200, r.text);
  const m = r.json();
  assert.equal(m.zicht, 'volledig');
  assert.equal(m.aantallen_per_status.positief, 5);
  assert.equal(m.aantallen_per_status.in_beoordeling, 1);
  assert.equal(m.aantallen_per_status.negatief, 1);
  const pos = ['a1', 'a2', 'a3', 'a4', 'a5'].map((n) => requested(docs.get(app[n])));
  const lop = requested(docs.get(app.a6));
  const sum = (l, f) => l.reduce((s, x) => s + f(x), 0);
  assert.equal(m.totaal.positief_cent, sum(pos, (x) => x.total));
  assert.equal(m.totaal.lopend_cent, lop.total);
  assert.equal(m.totaal.fte_positief_milli, sum(pos, (x) => x.fte));
  assert.equal(m.totaal.beschikbaar_cent, 60000000000);
  // AI: three large requests of EUR 100 mln and a small one against EUR 275 mln: over-subscribed
  const ai = m.themas.find((t) => t.id === 'ai');
  assert.equal(ai.positief_cent, sum(pos.slice(0, 4), (x) => x.total));
  assert.equal(ai.beschikbaar_cent, 27500000000);
  assert.equal(ai.stand, 'overschrijding');
  assert.equal(ai.saldo_positief_cent, 27500000000 - ai.positief_cent);
  assert.equal(ai.bron, '[002 §4.1]');
  const dhz = m.themas.find((t) => t.id === 'digitale-hybride-zorg');
  assert.equal(dhz.positief_cent, pos[4].total);
  assert.equal(dhz.stand, 'onderschrijding');
  assert.equal(m.themas.find((t) => t.id === 'medische-technologie').positief_cent, 0);
  // years: the tranches, tested cumulatively
  for (const j of m.jaren) {
    assert.equal(j.positief_cent, sum(pos, (x) => x.perJaar.get(j.jaar) || 0), `year ${j.jaar}`);
    assert.equal(j.lopend_cent, lop.perJaar.get(j.jaar) || 0);
  }
  assert.deepEqual(m.jaren.map((j) => [j.jaar, j.beschikbaar_cent]),
    [[2027, 30000000000], [2028, 30000000000], [2029, 0]]);
  assert.equal(m.jaren[2].cumulatief_beschikbaar_cent, 60000000000);
  assert.equal(m.jaren[2].cumulatief_positief_cent, m.totaal.positief_cent);
  // theme x year
  assert.equal(sum(ai.per_jaar, (j) => j.positief_cent), ai.positief_cent);
  // sectors add up to the total; regions and areas too, without a budget of their own
  assert.equal(sum(m.sectoren, (s) => s.positief_cent), m.totaal.positief_cent);
  for (const s of m.sectoren) {
    assert.equal(s.positief_cent, sum(pos, (x) => x.perSector.get(s.id) || 0), `sector ${s.id}`);
    assert.equal(s.beschikbaar_cent, null);
  }
  assert.deepEqual(m.regios.map((x) => x.id), ['Noord', 'Oost', 'West', 'Zuid']);
  assert.equal(m.regios.find((x) => x.id === 'Oost').aantal_lopend, 1);
  assert.equal(sum(m.toepassingsgebieden, (x) => x.positief_cent), m.totaal.positief_cent);
  // fte against the ambition: ~27,600 fte for EUR 800 mln, the Zvw part 600/800 of it
  assert.equal(m.fte.ambitie_fte_milli, 27600000);
  assert.equal(m.fte.ambitie_zvw_fte_milli, 20700000);
  assert.equal(m.fte.positief_fte_milli, m.totaal.fte_positief_milli);
  assert.equal(m.fte.positief_fte_per_miljoen_milli,
    Math.floor(m.totaal.fte_positief_milli * 1e8 / m.totaal.positief_cent));
  assert.equal(m.fte.positief_aandeel_zvw_ambitie_bp, Math.floor(m.fte.positief_fte_milli * 10000 / 20700000));
});

test('macro overview: filters select applications, drill-down pages through them', async () => {
  let m = (await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}&regio=NOORD&aanvragen=true`)).json();
  assert.deepEqual(m.aanvragen.map((a) => a.id).sort(), [app.a1, app.a4].sort());
  assert.equal(m.totaal.aantal_positief, 2);
  assert.equal(m.filter.regio, 'NOORD');
  m = (await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}&thema=ai&aanvragen=true&limiet=2`)).json();
  assert.equal(m.aanvragen.length, 2);
  assert.ok(m.volgende_na);
  const rest = (await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}&thema=ai&aanvragen=true&na=${m.volgende_na}`)).json();
  const all = [...m.aanvragen, ...rest.aanvragen].map((a) => a.id);
  assert.deepEqual(all, [app.a1, app.a2, app.a3, app.a4, app.a6].sort((a, b) => a - b));
  const a1 = m.aanvragen.concat(rest.aanvragen).find((a) => a.id === app.a1);
  assert.equal(a1.gevraagd_cent, 10000000000);
  assert.equal(a1.fte_per_miljoen_milli, 38000);
  assert.equal(a1.min_aandeel_bp, 5000);
  m = (await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}&sector=vvt&jaar=2029`)).json();
  assert.ok(m.totaal.aantal_positief >= 1);
  const p = problem(await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}&jaar=20x&limiet=0`), 400);
  assert.deepEqual(p.errors.map((x) => x.name).sort(), ['jaar', 'limiet']);
  problem(await bestuur.get('/macrooverzicht'), 400);
  problem(await bestuur.get('/macrooverzicht?indieningsronde=999999'), 404);
});

test('macro overview: the public sees totals only; an insurer sees the applications it assesses', async () => {
  const anon = await w.api.get(`/api/v1/macrooverzicht?indieningsronde=${rondeA.id}`);
  assert.equal(anon.status, 200, anon.text);
  const m = anon.json();
  assert.equal(m.zicht, 'publiek');
  assert.ok(m.themas && m.jaren && m.fte && m.totaal);
  for (const k of ['regios', 'sectoren', 'toepassingsgebieden', 'aanvragen']) assert.equal(m[k], undefined, k);
  for (const q of ['thema=ai', 'aanvragen=true', 'regio=Noord']) {
    problem(await w.api.get(`/api/v1/macrooverzicht?indieningsronde=${rondeA.id}&${q}`), 403);
  }
  // a care provider and NZa: the public view
  assert.equal((await w.aanvrager.get(`/macrooverzicht?indieningsronde=${rondeA.id}`)).json().zicht, 'publiek');
  assert.equal((await nza.get(`/macrooverzicht?indieningsronde=${rondeA.id}`)).json().zicht, 'publiek');
  // insurers: every total, only their own applications
  const zuid = (await w.zuid.get(`/macrooverzicht?indieningsronde=${rondeA.id}&aanvragen=true`)).json();
  assert.equal(zuid.zicht, 'verzekeraar');
  assert.equal(zuid.aanvragen.length, 6);
  const west = (await w.west.get(`/macrooverzicht?indieningsronde=${rondeA.id}&aanvragen=true`)).json();
  assert.deepEqual(west.aanvragen, []);
  assert.equal(west.totaal.positief_cent, zuid.totaal.positief_cent);
  if (canQuery()) {
    assert.ok(count("SELECT count(*) FROM auditlog WHERE actie = 'toegang.geweigerd' AND object = 'macrooverzicht'") >= 3);
  }
});

// --- scenarios -------------------------------------------------------------------

test('scenarios: every problem with the request and its parameters at once, with its source; unknown and open rounds', async () => {
  let p = problem(await bestuur.post('/verdeelscenarios', {
    naam: 'fout', indieningsronde_id: rondeA.id, regel: 'eerlijk',
    parameters: { seed: 's', fonds_cent: -1, jaren: [{ jaar: 2027, limiet_cent: 30000000000 }], onbekend: 1 } }), 400);
  const c = codes(p);
  for (const x of ['regel_onbekend', 'unknown', 'jaar_ontbreekt', 'bedrag_negatief']) assert.ok(c.includes(x), `${x} in ${c}`);
  assert.ok(p.errors.every((x) => x.name.startsWith('/parameters') || x.name === '/regel'), JSON.stringify(p.errors));
  assert.equal(p.errors.filter((x) => x.name === '/parameters/onbekend').length, 1);
  assert.ok(p.errors.find((x) => x.code === 'jaar_ontbreekt').bron.includes('[003 §8b]'));
  p = problem(await bestuur.post('/verdeelscenarios', { naam: 'pro rata zonder deelfinanciering', indieningsronde_id: rondeA.id,
    regel: 'pro_rata', parameters: { seed: 's', deelfinanciering: false,
      themas: [{ id: 'ai', budget_cent: 40000000000 }, { id: 'medische-technologie', budget_cent: 30000000000 }] } }), 400);
  for (const x of ['pro_rata_zonder_deelfinanciering', 'themabudgetten_boven_fonds', 'thema_ontbreekt']) {
    assert.ok(codes(p).includes(x), `${x} in ${codes(p)}`);
  }
  assert.ok(p.errors.every((x) => x.bron || x.code === 'unknown'), JSON.stringify(p.errors));
  p = problem(await bestuur.post('/verdeelscenarios', { naam: 'zonder seed', indieningsronde_id: rondeA.id, regel: 'rangorde' }), 400);
  assert.deepEqual(p.errors.map((x) => x.name), ['/parameters/seed']);
  p = problem(await bestuur.post('/verdeelscenarios', { indieningsronde_id: rondeA.id, parameters: { seed: 1 } }), 400);
  assert.deepEqual(p.errors.map((x) => x.name).sort(), ['/naam', '/parameters/seed', '/regel']);
  p = problem(await bestuur.post('/verdeelscenarios', {}), 400);
  assert.deepEqual(p.errors.map((x) => x.name).sort(), ['/indieningsronde_id', '/naam', '/regel']);
  p = problem(await bestuur.post('/verdeelscenarios', scenario({ id: 987654 }, 'x', 'optimaal')), 400);
  assert.deepEqual(codes(p), ['ronde_onbekend']);
  const open = await w.round(60, 'Open ronde');
  p = problem(await bestuur.post('/verdeelscenarios', scenario(open, 'x', 'optimaal')), 409);
  assert.deepEqual(codes(p), ['ronde_niet_gesloten']);
  if (canQuery()) {
    assert.ok(count("SELECT count(*) FROM auditlog WHERE actie = 'verdeelscenario.maak' AND resultaat = 'geweigerd'") >= 7);
    assert.equal(count('SELECT count(*) FROM verdeelscenario WHERE demo = 0'), 0);
  }
});

test('scenarios under each rule: stored, within every line, side by side', async () => {
  const made = {};
  for (const regel of ['pro_rata', 'rangorde', 'optimaal']) {
    const r = await bestuur.post('/verdeelscenarios', scenario(rondeA, `A ${regel}`, regel));
    assert.equal(r.status, 201, r.text);
    assert.match(r.headers.location, /^\/api\/v1\/verdeelscenarios\/\d+$/);
    made[regel] = r.json();
  }
  oldScenario = made.optimaal;
  for (const s of Object.values(made)) {
    const res = s.resultaat;
    assert.equal(s.kandidaat_aantal, 5);  // the positive ones: not a6 (being assessed), not a7 (negative)
    assert.deepEqual(res.aanvragen.map((a) => a.id).sort(), ['a1', 'a2', 'a3', 'a4', 'a5'].map((n) => String(app[n])).sort());
    const aiLine = res.lijnen.find((l) => l.sleutel === 'thema:ai');
    assert.ok(aiLine.gebruikt_cent <= 27500000000);
    assert.equal(s.regelversie, 'doorbraak-verdeling/1');
    assert.equal(s.seed, 'test-bo-2027');
    assert.equal(s.invoer.scenario.fonds_cent, 60000000000);       // the catalogue's defaults
    assert.equal(s.invoer.scenario.jaartoets, 'cumulatief');
    assert.equal(s.invoer.scenario.impactlat_id, 'B');
    assert.equal(s.fte_milli, res.totalen.fte_milli);
  }
  // the optimal rule realises at least as much fte as the others
  assert.ok(made.optimaal.fte_milli >= made.rangorde.fte_milli);
  assert.ok(made.optimaal.fte_milli >= made.pro_rata.fte_milli);
  const ids = [made.pro_rata.id, made.rangorde.id, made.optimaal.id];
  const v = await w.auditor.get(`/verdeelscenarios/vergelijking?ids=${ids.join(',')}`);
  assert.equal(v.status, 200, v.text);
  const cmp = v.json();
  assert.deepEqual(cmp.verdeelscenarios.map((x) => x.id), ids);
  assert.equal(cmp.vergelijking.scenarios.length, 3);
  assert.equal(cmp.vergelijking.scenarios[2].fte_verschil_met_eerste_milli, made.optimaal.fte_milli - made.pro_rata.fte_milli);
  assert.equal(cmp.vergelijking.aanvragen.length, 5);
  assert.equal(cmp.vergelijking.aanvragen[0].per_scenario.length, 3);
  const list = (await w.programmabureau.get(`/verdeelscenarios?indieningsronde=${rondeA.id}`)).json().verdeelscenarios;
  assert.deepEqual(list.map((x) => x.id), ids);
  problem(await bestuur.get('/verdeelscenarios/vergelijking?ids=1,x'), 400);
  problem(await bestuur.get('/verdeelscenarios/vergelijking?ids=999999'), 404);
  problem(await bestuur.get(`/verdeelscenarios/vergelijking?ids=${made.optimaal.id},1`), 409); // other candidates
  problem(await bestuur.get('/verdeelscenarios/999999'), 404);
  if (canQuery()) {
    assert.equal(count(`SELECT count(*) FROM auditlog WHERE actie = 'verdeelscenario.maak' AND resultaat = 'gelukt' AND object = 'verdeelscenario/${made.optimaal.id}'`), 1);
    assert.throws(() => sql(`UPDATE verdeelscenario SET naam = 'anders' WHERE id = ${made.optimaal.id}`));
  }
});

test('the same input gives byte-identical output, also recomputed on the command line', async () => {
  const body = scenario(rondeA, 'tweemaal', 'optimaal', { regio_max_aandeel_bp: 5000 });
  const a = (await bestuur.post('/verdeelscenarios', body)).json();
  const b = (await bestuur.post('/verdeelscenarios', body)).json();
  assert.notEqual(a.id, b.id);
  assert.equal(a.invoer_hash, b.invoer_hash);
  assert.equal(JSON.stringify(a.resultaat), JSON.stringify(b.resultaat));
  assert.equal(JSON.stringify(a.invoer), JSON.stringify(b.invoer));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verdeling-'));
  try {
    const file = path.join(dir, 'invoer.json');
    writeFileSync(file, JSON.stringify(a.invoer));
    const cli = doorbraak(['verdeel', file, '--json']);
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(cli.stdout.trimEnd(), JSON.stringify(a.resultaat));
    const text = doorbraak(['verdeel', file, '--regel', 'pro-rata']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /regel pro_rata/);
    assert.match(text.stdout, new RegExp(`invoer_hash [0-9a-f]{64}`));
    // from the database: the same candidates
    const db = doorbraak(['--db', srv.dbUrl, 'verdeel', '--ronde', String(rondeA.id), '--json']);
    assert.equal(db.status, 0, db.stderr);
    assert.equal(JSON.parse(db.stdout).scenario.kandidaten_hash, a.resultaat.scenario.kandidaten_hash);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the LP route: a CPLEX LP model; CBC finds the optimum the solver proved', async () => {
  const s = (await bestuur.post('/verdeelscenarios', scenario(rondeA, 'zonder deelfinanciering', 'optimaal',
    { deelfinanciering: false }))).json();
  assert.equal(s.resultaat.solver.bewezen_optimaal, true);
  const r = await w.auditor.get(`/verdeelscenarios/${s.id}/lp`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.contentType, /^text\/plain/);
  const lp = r.text;
  assert.match(lp, /^\\ doorbraak/);
  for (const section of ['Maximize', 'Subject To', 'Binary', 'End']) assert.match(lp, new RegExp(`^${section}$`, 'm'));
  assert.ok(lp.includes(`invoer_hash: ${s.invoer_hash}`));
  assert.ok(lp.split('\n').every((l) => l.length < 510));
  if (!haveCbc) {
    console.log('# cbc is not installed: the LP was not solved');
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verdeling-lp-'));
  try {
    writeFileSync(path.join(dir, 'm.lp'), lp);
    const cbc = spawnSync('cbc', [path.join(dir, 'm.lp'), 'solve', 'solu', path.join(dir, 'uit.txt')],
      { encoding: 'utf8', timeout: 60000 });
    assert.equal(cbc.status, 0, cbc.stdout + cbc.stderr);
    const first = readFileSync(path.join(dir, 'uit.txt'), 'utf8').split('\n')[0];
    const m = /objective value\s+(-?[0-9.e+]+)/i.exec(first);
    assert.ok(m, first);
    assert.equal(Math.round(Number(m[1])), s.resultaat.totalen.fte_milli);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('roles: the board computes and decides; the programme office and the auditor read; NZa reads decisions', async () => {
  const body = scenario(rondeA, 'rollen', 'rangorde');
  for (const who of [w.programmabureau, w.auditor, nza, w.aanvrager, w.zuid]) {
    problem(await who.post('/verdeelscenarios', body), 403);
    problem(await who.post('/bestuursbesluiten', { verdeelscenario_id: 1, motivering: 'x' }), 403);
  }
  problem(await w.api.get('/api/v1/verdeelscenarios'), 401);
  for (const who of [nza, w.aanvrager, w.zuid, w.gemeente]) problem(await who.get('/verdeelscenarios'), 403);
  for (const who of [bestuur, w.programmabureau, w.auditor]) assert.equal((await who.get('/verdeelscenarios')).status, 200);
  for (const who of [bestuur, w.programmabureau, w.auditor, nza]) assert.equal((await who.get('/bestuursbesluiten')).status, 200);
  for (const who of [w.aanvrager, w.zuid]) problem(await who.get('/bestuursbesluiten'), 403);
});

// --- the decision ---------------------------------------------------------------------

function ledgerState() {
  if (!canQuery()) return null;
  return {
    besluiten: count('SELECT count(*) FROM bestuursbesluit'),
    toekenningen: count('SELECT count(*) FROM toekenning'),
    boekingen: count('SELECT count(*) FROM grootboek_boeking'),
    rekeningen: count('SELECT count(*) FROM grootboek_rekening'),
    saldi: sql('SELECT code, debet_geboekt_cent, credit_geboekt_cent, debet_gereserveerd_cent, credit_gereserveerd_cent FROM grootboek_rekening ORDER BY code'),
  };
}

test('no decision while applications are still being assessed; nothing stored', async () => {
  const before = ledgerState();
  const p = problem(await bestuur.post('/bestuursbesluiten', { verdeelscenario_id: oldScenario.id,
    motivering: 'Hoogste impact binnen de budgetten.' }), 409);
  assert.deepEqual(codes(p), ['beoordeling_loopt']);
  assert.deepEqual(ledgerState(), before);
  assert.deepEqual((await bestuur.get(`/bestuursbesluiten?indieningsronde=${rondeA.id}`)).json().bestuursbesluiten, []);
  const bad = problem(await bestuur.post('/bestuursbesluiten', { verdeelscenario_id: 0, motivering: '  ' }), 400);
  assert.deepEqual(codes(bad).sort(), ['motivering_ontbreekt', 'scenario_onbekend']);
});

let besluit;

test('a scenario that no longer covers the positive applications is refused; a fresh one is adopted with its grants and reservations', async () => {
  // the overview is answered from memory while nothing changes, and follows a change at once
  const voor = await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}`);
  const nogmaals = await bestuur.get(`/macrooverzicht?indieningsronde=${rondeA.id}`);
  assert.equal(nogmaals.text, voor.text);
  assert.deepEqual([voor.json().aantallen_per_status.positief, voor.json().aantallen_per_status.in_beoordeling], [5, 1]);
  assert.equal(await assess(app.a6, w.zuid), 'positief');
  const na = await bestuur.call('GET', `/macrooverzicht?indieningsronde=${rondeA.id}`, undefined,
    { 'if-none-match': voor.headers.etag });
  assert.equal(na.status, 200);
  assert.notEqual(na.headers.etag, voor.headers.etag);
  assert.equal(na.json().aantallen_per_status.positief, 6);
  assert.equal(na.json().aantallen_per_status.in_beoordeling, 0);
  assert.equal(na.json().totaal.positief_cent, voor.json().totaal.positief_cent + voor.json().totaal.lopend_cent);
  let p = problem(await bestuur.post('/bestuursbesluiten', { verdeelscenario_id: oldScenario.id,
    motivering: 'Hoogste impact binnen de budgetten.' }), 409);
  assert.deepEqual(codes(p), ['scenario_verouderd']);
  const s = (await bestuur.post('/verdeelscenarios', scenario(rondeA, 'A optimaal, na a6', 'optimaal'))).json();
  assert.equal(s.kandidaat_aantal, 6);
  const before = ledgerState();
  const r = await bestuur.post('/bestuursbesluiten', { verdeelscenario_id: s.id,
    motivering: 'Het optimale scenario: de meeste fte binnen elk themabudget en elk jaar.' });
  assert.equal(r.status, 201, r.text);
  assert.match(r.headers.location, /^\/api\/v1\/bestuursbesluiten\/\d+$/);
  besluit = r.json();
  assert.equal(besluit.indieningsronde_id, rondeA.id);
  assert.equal(besluit.verdeelscenario_id, s.id);
  assert.equal(besluit.toegekend_cent, s.resultaat.totalen.besteed_cent);
  // the grants are the scenario's amounts per application and year
  const want = [];
  for (const a of s.resultaat.aanvragen) {
    for (const j of a.per_jaar) {
      if (j.toegekend_cent > 0) want.push([Number(a.id), j.jaar, j.toegekend_cent, a.thema]);
    }
  }
  const got = besluit.toekenningen.map((t) => [t.aanvraag_id, t.jaar, t.bedrag_cent, t.thema]);
  const order = (x, y) => x[0] - y[0] || x[1] - y[1];
  assert.deepEqual(got.sort(order), want.sort(order));
  assert.equal(besluit.aanvraag_aantal, new Set(want.map((x) => x[0])).size);
  for (const t of besluit.toekenningen) assert.equal(t.reservering, `toekenning/${t.aanvraag_id}/${t.jaar}`);
  // NZa reads the decision
  const viaNza = await nza.get(`/bestuursbesluiten/${besluit.id}`);
  assert.equal(viaNza.status, 200, viaNza.text);
  assert.deepEqual(viaNza.json(), besluit);
  if (!canQuery()) return;
  // the ledger: pending debits of zvw/<thema>/<jaar> equal the grants, each account holds exactly them
  const perYear = new Map();
  for (const [, jaar, bedrag, thema] of want) perYear.set(`zvw/${thema}/${jaar}`, (perYear.get(`zvw/${thema}/${jaar}`) || 0) + bedrag);
  for (const [code, bedrag] of perYear) {
    const [dg, cg, dr] = sql(`SELECT debet_geboekt_cent, credit_geboekt_cent, debet_gereserveerd_cent FROM grootboek_rekening WHERE code = '${code}'`).split('|').map(Number);
    assert.equal(dr, bedrag, code);
    assert.equal(cg, bedrag, code);
    assert.equal(dg, 0, code);
  }
  // one linked chain per application, keys toekenning/<aanvraag>/<jaar>
  for (const id of new Set(want.map((x) => x[0]))) {
    const rows = sql(`SELECT sleutel, soort, keten FROM grootboek_boeking WHERE sleutel LIKE 'toekenning/${id}/%' ORDER BY sleutel`).split('\n').map((l) => l.split('|'));
    assert.equal(rows.length, want.filter((x) => x[0] === id).length);
    for (const [, soort, keten] of rows) {
      assert.equal(soort, 'reservering');
      if (rows.length > 1) assert.equal(keten, rows[0][0]);
    }
    const [cr] = sql(`SELECT credit_gereserveerd_cent FROM grootboek_rekening WHERE code = 'project/${id}'`).split('|').map(Number);
    assert.equal(cr, want.filter((x) => x[0] === id).reduce((t, x) => t + x[2], 0));
  }
  // the macrokader and the theme budgets of catalogue version 1
  assert.equal(sql("SELECT bedrag_cent FROM grootboek_boeking WHERE sleutel = 'macrokader/zvw/1'"), '60000000000');
  assert.equal(sql("SELECT bedrag_cent FROM grootboek_boeking WHERE sleutel = 'thema/ai/richtbedrag/1'"), '27500000000');
  const after = ledgerState();
  assert.equal(after.besluiten, before.besluiten + 1);
  assert.equal(after.toekenningen, before.toekenningen + want.length);
  assert.equal(count(`SELECT count(*) FROM auditlog WHERE actie = 'bestuursbesluit.neem' AND resultaat = 'gelukt' AND object = 'bestuursbesluit/${besluit.id}'`), 1);
  assert.throws(() => sql(`UPDATE toekenning SET bedrag_cent = 1 WHERE besluit_id = ${besluit.id}`));
  assert.throws(() => sql(`DELETE FROM bestuursbesluit WHERE id = ${besluit.id}`));
});

test('a second decision on the round is refused (409); nothing changes', async () => {
  assert.ok(besluit, 'the decision of the previous test');
  const before = ledgerState();
  const other = (await bestuur.get(`/verdeelscenarios?indieningsronde=${rondeA.id}`)).json().verdeelscenarios.at(-1);
  const p = problem(await bestuur.post('/bestuursbesluiten', { verdeelscenario_id: other.id, motivering: 'Toch een ander.' }), 409);
  assert.deepEqual(codes(p), ['besluit_bestaat']);
  assert.deepEqual(ledgerState(), before);
});

test('a decision that overspends the theme budget is refused as a whole: nothing stored', async () => {
  assert.ok(besluit, 'round A decided first');
  const s = (await bestuur.post('/verdeelscenarios', scenario(rondeB, 'B optimaal', 'optimaal'))).json();
  assert.ok(s.resultaat.totalen.besteed_cent > 0);
  const before = ledgerState();
  const weigeringen = canQuery() ? count("SELECT count(*) FROM auditlog WHERE actie = 'bestuursbesluit.neem' AND resultaat = 'geweigerd'") : 0;
  const p = problem(await bestuur.post('/bestuursbesluiten', { verdeelscenario_id: s.id,
    motivering: 'Ronde B binnen de richtbedragen.' }), 409);
  assert.ok(codes(p).includes('onvoldoende_saldo'), JSON.stringify(p));
  const item = p.errors.find((x) => x.code === 'onvoldoende_saldo');
  assert.match(item.name, /^thema\/ai\/\d{4}\/\d+$/);
  assert.equal(item.bron, '[002 §4.1]');
  assert.deepEqual((await bestuur.get(`/bestuursbesluiten?indieningsronde=${rondeB.id}`)).json().bestuursbesluiten, []);
  if (!canQuery()) return;
  assert.deepEqual(ledgerState(), before);
  assert.equal(count(`SELECT count(*) FROM grootboek_rekening WHERE code = 'project/${app.b1}'`), 0);
  assert.equal(count("SELECT count(*) FROM auditlog WHERE actie = 'bestuursbesluit.neem' AND resultaat = 'geweigerd'"), weigeringen + 1);
});

test('afterwards the audit chain is intact and the ledger replays', async () => {
  const v = doorbraak(['--db', srv.dbUrl, 'audit', 'verify']);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  const h = doorbraak(['--db', srv.dbUrl, 'grootboek', 'herspeel']);
  if (h.status === 2 && /onbekende opdracht/.test(h.stderr)) return;
  assert.equal(h.status, 0, h.stdout + h.stderr);
});

await run();
