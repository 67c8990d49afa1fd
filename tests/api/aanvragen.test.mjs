// SPDX-License-Identifier: EUPL-1.2
//
// aanvragen.test.mjs -- rounds, drafts, live checks, submission, receipts
// and their verification, black-box against a real `doorbraak
// serve --demo` on the backend in DOORBRAAK_TEST_BACKEND:
//
//   * a round by the programme office, public to read, every bad field at once;
//   * drafts saved as often as wanted, the live checks with every save,
//     the route choice (licht / verdiept), access per object (lead,
//     participant, outsider, insurer, auditor);
//   * bad input: structurally invalid documents, negative and overflowing
//     amounts, unknown modelplan versions -- every problem, nothing stored;
//   * submission: blocking findings listed, the receipt, the stored
//     canonical document hashed independently here, public verification,
//     double submission, the frozen version;
//   * the deadline: a round closing 2 s from now accepts before and refuses
//     after; the sealed round: insurers see nothing until it closed;
//   * list filters.

import { spawnSync } from 'node:child_process';

import { after, assert, before, codes, problem, run, setSuite, test } from '../lib/harness.mjs';
import { canonical, sha256hex, sleep, world } from '../lib/indiening.mjs';
import { psql, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/aanvragen [${backend}]`);

let srv;
let w;

function sql(query) {
  if (srv.backend === 'postgresql') return psql(srv.dbUrl, query).trim();
  const r = spawnSync('sqlite3', [srv.dbUrl, query], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`sqlite3: ${r.error || r.stderr}`);
  return r.stdout.trim();
}
const canQuery = () => backend === 'postgresql' ||
  spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;

before(async () => {
  srv = await startServer({ backend, args: ['--demo'], threads: 4 });
  w = await world(srv);
});

after(async () => {
  if (srv) await srv.stop();
});

test('rounds: the programme office sets one; public to read with the server time; every bad field at once', async () => {
  const r = await w.round(600, 'Ronde A');
  assert.equal(r.fase, 'open');
  assert.equal(r.catalogusversie, 1);
  assert.match(r.sluit_op, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  const pub = await w.api.get(`/api/v1/indieningsrondes/${r.id}`);
  assert.equal(pub.status, 200);
  assert.equal(pub.json().naam, 'Ronde A');
  assert.match(pub.json().server_tijd, /Z$/);
  const list = (await w.api.get('/api/v1/indieningsrondes')).json();
  assert.ok(list.indieningsrondes.some((x) => x.id === r.id));
  let p = problem(await w.programmabureau.post('/indieningsrondes', {
    naam: '', catalogusversie: 9, opent_op: '2027-03-01T12:00:00+01:00', sluit_op: 'morgen', extra: 1 }), 400);
  assert.deepEqual(codes(p).sort(), ['lengte', 'moment_ongeldig', 'moment_ongeldig', 'unknown', 'verplicht'].sort());
  p = problem(await w.programmabureau.post('/indieningsrondes', {
    naam: 'Verleden', catalogusversie: 1, uitloopjaar_toegestaan: false,
    opent_op: '2020-01-01T00:00:00Z', sluit_op: '2020-02-01T00:00:00Z' }), 400);
  assert.deepEqual(codes(p), ['sluit_op_verleden']);
  p = problem(await w.programmabureau.post('/indieningsrondes', {
    naam: 'Lat', catalogusversie: 1, uitloopjaar_toegestaan: false, impactlat_id: 'Q',
    opent_op: '2030-01-01T00:00:00Z', sluit_op: '2030-02-01T00:00:00Z' }), 400);
  assert.deepEqual(codes(p), ['impactlat_onbekend']);
  problem(await w.aanvrager.post('/indieningsrondes', {}), 403);
});

test('drafts: saved as often as wanted, each save audited with its hash; live checks with every save', async () => {
  const r = await w.round(600);
  const made = await w.draft(r.id, w.doc('Eerste'), 'Twente');
  const a = made.aanvraag;
  assert.ok(a.id >= 2 ** 32 && a.id < 2 ** 53, 'a random id that says nothing about order');
  assert.equal(a.status, 'concept');
  assert.equal(a.concept_revisie, 1);
  assert.equal(a.thema, 'ai');
  assert.equal(a.concept_sha256, sha256hex(canonical(w.doc('Eerste'))));
  assert.equal(made.toetsing.indienbaar, true);
  assert.equal(made.toetsing.route, 'licht');
  for (let i = 2; i <= 4; i++) {
    const res = await w.aanvrager.put(`/aanvragen/${a.id}`, { document: w.doc(`Versie ${i}`) });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json().aanvraag.concept_revisie, i);
  }
  const get = (await w.aanvrager.get(`/aanvragen/${a.id}`)).json();
  assert.equal(get.document.titel, 'Versie 4');
  assert.equal(get.regio, null, 'the label is replaced by what the save gives');
  assert.equal(get.toegang, 'penvoerder');
  const t = (await w.aanvrager.get(`/aanvragen/${a.id}/toetsing`)).json();
  assert.equal(t.document, 'concept');
  assert.equal(t.toetsing.bevindingen.length >= 20, true);
  // an incomplete draft is stored; the checks say what is missing
  const half = w.doc();
  delete half.impact;
  const res = await w.aanvrager.put(`/aanvragen/${a.id}`, { document: half });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json().toetsing.indienbaar, false);
  assert.ok(res.json().toetsing.bevindingen.some((b) => b.id === 'T04-gegevens' && b.resultaat === 'niet_voldaan'));
  if (canQuery()) {
    assert.equal(Number(sql(`SELECT count(*) FROM auditlog WHERE object = 'aanvraag/${a.id}'` +
      " AND actie IN ('aanvraag.maak', 'aanvraag.concept') AND resultaat = 'gelukt'")), 5);
    assert.equal(Number(sql(`SELECT count(*) FROM auditlog WHERE object = 'aanvraag/${a.id}' AND detail LIKE '%${a.concept_sha256}%'`)), 1);
  }
});

test('route choice: a conform application is licht, explained deviations and regional adjustments verdiept', async () => {
  const r = await w.round(600);
  const licht = await w.draft(r.id);
  assert.equal(licht.toetsing.route, 'licht');
  assert.deepEqual(licht.toetsing.afwijkingen, []);
  const verdiept = await w.draft(r.id, w.hybride());
  assert.equal(verdiept.toetsing.route, 'verdiept');
  assert.equal(verdiept.toetsing.indienbaar, true, JSON.stringify(verdiept.toetsing.bevindingen.filter((b) => b.resultaat === 'niet_voldaan')));
  assert.ok(verdiept.toetsing.afwijkingen.length >= 2);
  assert.ok(verdiept.toetsing.afwijkingen.every((x) => x.toegelicht));
  const res = await w.aanvrager.post(`/aanvragen/${verdiept.aanvraag.id}/indiening`, {});
  assert.equal(res.status, 201, res.text);
  const v = (await w.aanvrager.get(`/aanvragen/${verdiept.aanvraag.id}/versies`)).json().versies;
  assert.equal(v[0].route, 'verdiept');
});

test('access per object: participant reads but does not write, outsider and insurers get 404, auditor reads', async () => {
  const r = await w.round(600);
  const id = (await w.draft(r.id)).aanvraag.id;
  const part = await w.vvt.get(`/aanvragen/${id}`);
  assert.equal(part.status, 200);
  assert.equal(part.json().toegang, 'coalitie');
  problem(await w.vvt.put(`/aanvragen/${id}`, { document: w.doc() }), 403);
  problem(await w.vvt.post(`/aanvragen/${id}/indiening`, {}), 403);
  const nf = problem(await w.huisartsen.get(`/aanvragen/${id}`), 404);
  const missing = problem(await w.huisartsen.get('/aanvragen/4294967296'), 404);
  assert.equal(nf.detail, missing.detail, 'a forbidden application reads as a missing one');
  problem(await w.huisartsen.put(`/aanvragen/${id}`, { document: w.doc() }), 404);
  problem(await w.beoordelaar.get(`/aanvragen/${id}`), 404);
  problem(await w.gemeente.get(`/aanvragen/${id}`), 404);
  assert.equal((await w.auditor.get(`/aanvragen/${id}`)).json().toegang, 'auditor');
  assert.ok(!(await w.huisartsen.get('/aanvragen?limiet=1000')).json().aanvragen.some((x) => x.id === id));
  assert.ok((await w.vvt.get('/aanvragen?limiet=1000')).json().aanvragen.some((x) => x.id === id));
  // a municipality taking part reads it
  const withGemeente = await w.draft(r.id, w.hybride());
  assert.equal((await w.gemeente.get(`/aanvragen/${withGemeente.aanvraag.id}`)).status, 200);
});

test('bad input: every problem at once, nothing stored', async () => {
  const r = await w.round(600);
  const before1 = (await w.auditor.get('/aanvragen?limiet=1000')).json().aanvragen.length;
  const bad = w.doc();
  bad.totaal_bedrag_cent = -1;
  bad.begroting[0].bedrag_cent = 1.5;
  bad.mijlpalen[0].streefdatum = '2027-02-30';
  bad.coalitie.deelnemers[0].soort = 'bank';
  bad.nieuw_veld = true;
  let p = problem(await w.aanvrager.post('/aanvragen', { indieningsronde_id: r.id, document: bad }), 400);
  for (const c of ['bedrag_negatief', 'json_kommagetal', 'datum_ongeldig', 'waarde_ongeldig', 'unknown']) {
    assert.ok(codes(p).includes(c), `${c} in ${codes(p)}`);
  }
  assert.ok(p.errors.every((x) => x.name.startsWith('/document/')));
  // an amount beyond int64 is not JSON the server accepts
  const text = JSON.stringify({ indieningsronde_id: r.id, document: w.doc() })
    .replace('"totaal_bedrag_cent":500000000', '"totaal_bedrag_cent":92233720368547758070');
  const over = await w.api.post('/api/v1/aanvragen', { headers: { cookie: `__Host-doorbraak=${w.aanvrager.cookie}`,
    'x-csrf-token': w.aanvrager.csrf, 'content-type': 'application/json' }, body: text });
  problem(over, 400);
  // the sums may not overflow either
  const sum = w.doc();
  sum.begroting[0].bedrag_cent = 9223372036854775000;
  sum.begroting[1].bedrag_cent = 9223372036854775000;
  p = problem(await w.aanvrager.post('/aanvragen', { indieningsronde_id: r.id, document: sum }), 400);
  assert.ok(codes(p).includes('som_overloop'), codes(p).join());
  const unknownPlan = w.doc();
  unknownPlan.modelplan.versie = 42;
  p = problem(await w.aanvrager.post('/aanvragen', { indieningsronde_id: r.id, document: unknownPlan }), 400);
  assert.deepEqual(codes(p), ['modelplan_onbekend']);
  p = problem(await w.aanvrager.post('/aanvragen', { indieningsronde_id: 999999, document: w.doc() }), 400);
  assert.deepEqual(codes(p), ['onbekend']);
  p = problem(await w.aanvrager.post('/aanvragen', { document: w.doc(), indieningsronde_id: r.id, extra: 1 }), 400);
  assert.deepEqual(codes(p), ['unknown']);
  const lead = w.doc();
  lead.coalitie.penvoerder = w.org.vvt;
  p = problem(await w.aanvrager.post('/aanvragen', { indieningsronde_id: r.id, document: lead }), 400);
  assert.deepEqual(codes(p), ['penvoerder_ongelijk']);
  problem(await w.zuid.post('/aanvragen', { indieningsronde_id: r.id, document: w.doc() }), 403);
  assert.equal((await w.auditor.get('/aanvragen?limiet=1000')).json().aanvragen.length, before1, 'nothing stored');
});

test('submission: blocking findings listed one by one, nothing stored; basic requirements do not block', async () => {
  const r = await w.round(600);
  const doc = w.doc();
  doc.antwoorden = doc.antwoorden.slice(2);
  doc.totaal_bedrag_cent += 1;
  doc.coalitie.tweede_verzekeraar = doc.coalitie.coordinerend_verzekeraar;
  doc.verklaringen.geen_dubbele_financiering = false;
  const id = (await w.draft(r.id, doc)).aanvraag.id;
  const p = problem(await w.aanvrager.post(`/aanvragen/${id}/indiening`, {}), 400);
  for (const c of ['T01-antwoorden', 'T05-sommen', 'T08-verzekeraars', 'T09-verklaringen']) {
    assert.ok(codes(p).includes(c), `${c} in ${codes(p)}`);
  }
  assert.ok(!codes(p).some((c) => /^T1[2-9]/.test(c)), 'basic-requirement checks never block');
  assert.ok(p.errors.every((x) => x.name.startsWith('/')));
  for (const x of p.errors) {
    assert.match(x.bron || '', /^\[00[1-4] [^\]]+\]/, `finding ${x.code} at ${x.name} names its source`);
  }
  const checks = (await w.aanvrager.get(`/aanvragen/${id}/toetsing`)).json().toetsing.bevindingen;
  for (const c of ['T01-antwoorden', 'T05-sommen', 'T08-verzekeraars', 'T09-verklaringen']) {
    const live = checks.find((b) => b.id === c);
    assert.equal(p.errors.find((x) => x.code === c).bron, live.bron, `${c}: the refusal cites what the check cites`);
  }
  assert.deepEqual((await w.aanvrager.get(`/aanvragen/${id}/versies`)).json().versies, []);
  assert.equal((await w.aanvrager.get(`/aanvragen/${id}`)).json().status, 'concept');
  problem(await w.aanvrager.get(`/aanvragen/${id}/ontvangstbewijs`), 404);
});

test('receipt: server time and the SHA-256 of the canonical document, verifiable by anyone, byte for byte', async () => {
  const r = await w.round(600);
  const doc = w.doc('Ontvangstbewijs é ✓ "quotes" \\ \n\t \u0001');
  const id = (await w.draft(r.id, doc)).aanvraag.id;
  const t0 = Date.now();
  const res = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.location, `/api/v1/aanvragen/${id}/versies/1`);
  const b = res.json().ontvangstbewijs;
  assert.deepEqual(Object.keys(b).sort(), ['aanvraag_id', 'indieningsronde_id', 'ingediend_op', 'sha256', 'versie']);
  assert.equal(b.aanvraag_id, id);
  assert.equal(b.versie, 1);
  assert.equal(b.indieningsronde_id, r.id);
  assert.match(b.ingediend_op, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  assert.ok(Math.abs(Date.parse(b.ingediend_op) - t0) < 60000, 'the server clock');
  // anyone can recompute the hash from the document that was submitted
  assert.equal(b.sha256, sha256hex(canonical(doc)));
  // the stored version, byte for byte
  const stored = await w.aanvrager.get(`/aanvragen/${id}/versies/1`);
  assert.equal(stored.status, 200);
  assert.equal(sha256hex(stored.text), b.sha256);
  assert.equal(stored.text, canonical(doc));
  assert.equal(stored.headers.etag, `"${b.sha256}"`);
  assert.deepEqual((await w.aanvrager.get(`/aanvragen/${id}/ontvangstbewijs`)).json().ontvangstbewijs, b);
  assert.deepEqual((await w.aanvrager.get(`/aanvragen/${id}/ontvangstbewijs?versie=1`)).json().ontvangstbewijs, b);
  // the same receipt as a PDF to keep (issue 18), with the JSON receipt in it
  const pdf = await w.aanvrager.get(`/aanvragen/${id}/ontvangstbewijs.pdf?versie=1`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.contentType, 'application/pdf');
  assert.match(pdf.headers['content-disposition'], new RegExp(`ontvangstbewijs-${id}-versie-1\\.pdf`));
  const pdfTekst = pdf.buffer.toString('latin1');
  for (const t of ['Ontvangstbewijs aanvraag doorbraakmiddelen', b.sha256.slice(0, 32), b.sha256.slice(32), ' om ', ' uur',
    `"aanvraag_id":${id}`]) {
    assert.ok(pdfTekst.includes(t), `the PDF says ${t}`);
  }
  problem(await w.aanvrager.get(`/aanvragen/${id}/ontvangstbewijs.pdf?versie=9`), 404);
  // public verification, without login, revealing nothing else
  const verify = (x) => w.api.post('/api/v1/ontvangstbewijzen/verificaties',
    { headers: { 'content-type': 'application/json' }, body: JSON.stringify(x) });
  let v = await verify(b);
  assert.equal(v.status, 200);
  assert.deepEqual(v.json(), { geldig: true });
  for (const change of [{ sha256: '0'.repeat(64) }, { versie: 2 }, { aanvraag_id: id + 1 },
    { ingediend_op: b.ingediend_op.replace(/\d(?=Z$)/, (d) => String((Number(d) + 1) % 10)) },
    { indieningsronde_id: r.id + 1 }]) {
    v = await verify({ ...b, ...change });
    assert.deepEqual(v.json(), { geldig: false }, JSON.stringify(change));
  }
  const p = problem(await verify({ ...b, sha256: 'xyz', extra: true }), 400);
  assert.deepEqual(codes(p).sort(), ['unknown', 'vorm']);
  // frozen: no second submission, no more saves
  assert.deepEqual(codes(problem(await w.aanvrager.post(`/aanvragen/${id}/indiening`, {}), 409)), ['al_ingediend']);
  assert.deepEqual(codes(problem(await w.aanvrager.put(`/aanvragen/${id}`, { document: w.doc() }), 409)), ['ingediend']);
  assert.equal((await w.aanvrager.get(`/aanvragen/${id}`)).json().status, 'ingediend');
  if (canQuery()) {
    assert.equal(Number(sql(`SELECT count(*) FROM auditlog WHERE actie = 'aanvraag.indien' AND object = 'aanvraag/${id}/versie/1' AND detail LIKE '%${b.sha256}%'`)), 1);
  }
});

test('submitting the draft one read: a draft saved since is refused (concept_gewijzigd)', async () => {
  const r = await w.round(600);
  const made = await w.draft(r.id);
  await w.aanvrager.put(`/aanvragen/${made.aanvraag.id}`, { document: w.doc('Door een collega') });
  const p = problem(await w.aanvrager.post(`/aanvragen/${made.aanvraag.id}/indiening`,
    { concept_sha256: made.aanvraag.concept_sha256 }), 409);
  assert.deepEqual(codes(p), ['concept_gewijzigd']);
  const now = (await w.aanvrager.get(`/aanvragen/${made.aanvraag.id}`)).json();
  assert.equal((await w.aanvrager.post(`/aanvragen/${made.aanvraag.id}/indiening`,
    { concept_sha256: now.concept_sha256 })).status, 201);
});

test('deadline: a round closing 2 s from now accepts before and refuses after, whatever the client clock', async () => {
  const r = await w.round(2, 'Twee seconden');
  const a = (await w.draft(r.id)).aanvraag.id;
  const b = (await w.draft(r.id)).aanvraag.id;
  const ok = await w.aanvrager.post(`/aanvragen/${a}/indiening`, {});
  assert.equal(ok.status, 201, ok.text);
  assert.ok(ok.json().ontvangstbewijs.ingediend_op < r.sluit_op);
  await sleep(Math.max(0, Date.parse(r.sluit_op) - Date.now()) + 300);
  assert.equal((await w.api.get(`/api/v1/indieningsrondes/${r.id}`)).json().fase, 'gesloten');
  // a client claiming an earlier time changes nothing: only the server's clock counts
  const late = await w.api.post(`/api/v1/aanvragen/${b}/indiening`, { headers: {
    cookie: `__Host-doorbraak=${w.aanvrager.cookie}`, 'x-csrf-token': w.aanvrager.csrf,
    'content-type': 'application/json', date: 'Mon, 01 Jan 2001 00:00:00 GMT' }, body: '{}' });
  assert.deepEqual(codes(problem(late, 409)), ['ronde_gesloten']);
  assert.deepEqual((await w.aanvrager.get(`/aanvragen/${b}/versies`)).json().versies, []);
  // no new drafts or saves in a closed round either
  assert.deepEqual(codes(problem(await w.aanvrager.put(`/aanvragen/${b}`, { document: w.doc() }), 409)), ['ronde_gesloten']);
  problem(await w.aanvrager.post('/aanvragen', { indieningsronde_id: r.id, document: w.doc() }), 409);
});

test('sealed round: insurers see submitted applications only after the closing moment', async () => {
  const r = await w.round(2, 'Verzegeld');
  const id = (await w.draft(r.id)).aanvraag.id;
  assert.equal((await w.aanvrager.post(`/aanvragen/${id}/indiening`, {})).status, 201);
  problem(await w.beoordelaar.get(`/aanvragen/${id}`), 404);
  problem(await w.zuid.get(`/aanvragen/${id}/versies/1`), 404);
  assert.ok(!(await w.beoordelaar.get(`/aanvragen?indieningsronde=${r.id}`)).json().aanvragen.some((x) => x.id === id));
  await sleep(Math.max(0, Date.parse(r.sluit_op) - Date.now()) + 300);
  const seen = await w.beoordelaar.get(`/aanvragen/${id}`);
  assert.equal(seen.status, 200);
  assert.equal(seen.json().toegang, 'verzekeraar');
  assert.equal(seen.json().concept_revisie, undefined, 'insurers see the submitted version, not the draft');
  assert.equal((await w.zuid.get(`/aanvragen/${id}/versies/1`)).status, 200);
  assert.equal((await w.zuid.get(`/aanvragen/${id}/toetsing`)).json().document, 'ingediende_versie');
  assert.ok((await w.beoordelaar.get(`/aanvragen?indieningsronde=${r.id}`)).json().aanvragen.some((x) => x.id === id));
  problem(await w.west.get(`/aanvragen/${id}`), 404);
});

test('list with filters: status, theme, area, region, insurer, round; bad filters refused', async () => {
  const r = await w.round(600, 'Filters');
  const a = (await w.draft(r.id, w.doc(), 'Twente')).aanvraag.id;
  const b = (await w.draft(r.id, w.hybride(), 'Noord-Holland')).aanvraag.id;
  assert.equal((await w.aanvrager.post(`/aanvragen/${b}/indiening`, {})).status, 201);
  const ids = async (q) => (await w.aanvrager.get(`/aanvragen?indieningsronde=${r.id}&limiet=1000${q}`)).json().aanvragen.map((x) => x.id).sort();
  assert.deepEqual(await ids(''), [a, b].sort());
  assert.deepEqual(await ids('&status=concept'), [a]);
  assert.deepEqual(await ids('&status=ingediend'), [b]);
  assert.deepEqual(await ids('&thema=ai'), [a]);
  assert.deepEqual(await ids('&thema=digitale-hybride-zorg'), [b]);
  assert.deepEqual(await ids('&toepassingsgebied=digitale-hybride-zorgpaden'), [b]);
  assert.deepEqual(await ids('&regio=twente'), [a]);
  assert.deepEqual(await ids(`&verzekeraar=${w.org.zuid}`), [b], 'drafts have no insurers yet');
  assert.deepEqual(await ids(`&verzekeraar=${w.org.west}`), []);
  const page = (await w.aanvrager.get(`/aanvragen?indieningsronde=${r.id}&limiet=1`)).json();
  assert.equal(page.aanvragen.length, 1);
  assert.equal(page.volgende_na, page.aanvragen[0].id);
  let p = problem(await w.aanvrager.get('/aanvragen?status=goedgekeurd'), 400);
  assert.equal(p.errors[0].name, 'status');
  p = problem(await w.aanvrager.get('/aanvragen?verzekeraar=abc&indieningsronde=-1'), 400);
  assert.equal(p.errors.length, 2);
  problem(await w.aanvrager.get('/aanvragen?onbekend=1'), 400);
});

await run();
