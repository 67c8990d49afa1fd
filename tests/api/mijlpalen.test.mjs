// SPDX-License-Identifier: EUPL-1.2
//
// mijlpalen.test.mjs -- milestones as prestaties, black-box on the
// backend in DOORBRAAK_TEST_BACKEND: the lead reports a milestone reached
// with its evidence, the coordinating insurer pays its tariff (default the
// planned amount) as a ledger entry against the project's upper bound in the
// year paid; never more than the upper bound, never a milestone twice, only
// reported milestones, only the right parties -- every refusal a clear
// problem with the ledger unchanged.

import { createHash } from 'node:crypto';

import { after, assert, before, codes, problem, run, setSuite, test } from '../lib/harness.mjs';
import { gezamenlijk, positief, toekennen } from '../lib/beschikking.mjs';
import { DEMO_WACHTWOORD, JSON_HEADERS, caller, inloggen, world } from '../lib/indiening.mjs';
import { client } from '../lib/http.mjs';
import { doorbraak, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/mijlpalen [${backend}]`);

const MLN = 100000000;
let srv;
let w;
let vol;     // beschikking with the full upper bound (EUR 5 mln; milestones 1 + 1.25 + 1.25 + 1 + 0.5)
let laag;    // beschikking with an upper bound of EUR 4 mln
let afgewezen;

async function login(name) {
  const res = await w.api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: name, wachtwoord: DEMO_WACHTWOORD }) });
  assert.equal(res.status, 201, res.text);
  const cookie = /^__Host-doorbraak=([^;]*)/.exec([].concat(res.headers['set-cookie'])[0])[1];
  return caller(w.api, { name, cookie, csrf: res.json().csrf_token, orgId: res.json().organisatie.id });
}

async function beschik(id, besluit, extra = {}) {
  const t = await gezamenlijk(w, { aanvraag_id: id, ...extra });
  const r = await w.nza.post('/beschikkingen', { nza_aanvraag_id: t.id, besluit, motivering: 'Getoetst.' });
  assert.equal(r.status, 201, r.text);
  return r.json().id;
}

const journaal = async () => (await w.nza.get('/grootboek/journaal')).text.replace(/^; doorbraak grootboek, uitgevoerd .*\n/m, '');
const meld = (b, m, body = { bewijs: 'Verslag van de livegang in alle teams.', kenmerk: 'MLD-1' }) =>
  w.aanvrager.post(`/beschikkingen/${b}/mijlpalen/${m}/meldingen`, body);
const betaal = (b, m, body = {}, who = w.beoordelaar) => who.post(`/beschikkingen/${b}/mijlpalen/${m}/betalingen`, body);

before(async () => {
  // payments are booked on the booking clock, here in the fund's first year [003 §8b]
  srv = await startServer({ backend, args: ['--demo'], threads: 4, env: { DOORBRAAK_BOEKKLOK: '2027-06-01T09:00:00Z' } });
  w = await world(srv);
  w.nza = await login('nza');
  const { ids } = await positief(w, 3, 'Mijlpalenronde');
  const ronde = (await w.auditor.get(`/aanvragen/${ids[0]}`)).json().indieningsronde_id;
  toekennen(srv.dbUrl, ronde, { 'ai/2027': 20 * MLN, 'ai/2028': 20 * MLN }, ids.map((id) =>
    [id, 'ai', { 2027: 3 * MLN, 2028: 2 * MLN }]));
  vol = await beschik(ids[0], 'verleend');
  laag = await beschik(ids[1], 'verleend', { bovengrens_cent: 4 * MLN });
  afgewezen = await beschik(ids[2], 'afgewezen');
});

after(async () => {
  if (srv) await srv.stop();
});

test('the milestones of a beschikking are its prestaties, with the planned amounts', async () => {
  const r = await w.beoordelaar.get(`/beschikkingen/${vol}/mijlpalen`);
  assert.equal(r.status, 200, r.text);
  const b = r.json();
  assert.equal(b.bovengrens_cent, 5 * MLN);
  assert.equal(b.resterend_cent, 5 * MLN);
  assert.deepEqual(b.mijlpalen.map((m) => [m.id, m.gepland_cent]),
    [['m1', 1 * MLN], ['m2', 1.25 * MLN], ['m3', 1.25 * MLN], ['m4', 1 * MLN], ['m5', 0.5 * MLN]]);
  assert.ok(b.mijlpalen.every((m) => !m.gemeld && !m.betaald));
  problem(await w.west.get(`/beschikkingen/${vol}/mijlpalen`), 404);
});

test('reporting: only the lead, with evidence, once', async () => {
  const voor = await journaal();
  problem(await w.vvt.post(`/beschikkingen/${vol}/mijlpalen/m1/meldingen`, { bewijs: 'x' }), 403);
  problem(await w.beoordelaar.post(`/beschikkingen/${vol}/mijlpalen/m1/meldingen`, { bewijs: 'x' }), 403);
  assert.deepEqual(codes(problem(await meld(vol, 'm1', { bewijs: '  ' }), 400)), ['bewijs_ontbreekt']);
  problem(await meld(vol, 'm9'), 404);
  problem(await meld(vol, 'M1;DROP'), 404);
  let r = await meld(vol, 'm1');
  assert.equal(r.status, 201, r.text);
  const m1 = r.json().mijlpalen.find((m) => m.id === 'm1');
  assert.equal(m1.gemeld, true);
  assert.equal(m1.melding.kenmerk, 'MLD-1');
  assert.deepEqual(codes(problem(await meld(vol, 'm1'), 409)), ['al_gemeld']);
  assert.deepEqual(codes(problem(await meld(afgewezen, 'm1'), 409)), ['niet_verleend']);
  r = await meld(vol, 'm2');
  assert.equal(r.status, 201, r.text);
  assert.equal(await journaal(), voor, 'a report books nothing');
});

test('paying: the coordinating insurer pays a reported milestone once, the planned amount by default, in the year paid', async () => {
  const voor = await journaal();
  assert.deepEqual(codes(problem(await betaal(vol, 'm3'), 409)), ['niet_gemeld']);
  problem(await betaal(vol, 'm1', {}, w.aanvrager), 403);
  problem(await betaal(vol, 'm1', {}, w.zuid), 403);
  problem(await betaal(vol, 'm1', {}, w.west), 404);
  assert.deepEqual(codes(problem(await betaal(vol, 'm1', { bedrag_cent: 0 }), 400)), ['bedrag_niet_positief']);
  assert.equal(await journaal(), voor, 'refusals leave the ledger unchanged');
  let r = await betaal(vol, 'm1');
  assert.equal(r.status, 201, r.text);
  const p = r.json().mijlpaal.betaling;
  assert.equal(p.bedrag_cent, 1 * MLN);
  assert.equal(p.jaar, 2027, 'booked in the booking clock\'s year');
  assert.match(p.betaald_op, /^2027-06-01T09:/);
  assert.ok(p.boeking_id > 0);
  const na = await journaal();
  assert.deepEqual(codes(problem(await betaal(vol, 'm1'), 409)), ['al_betaald']);
  assert.deepEqual(codes(problem(await betaal(vol, 'm1', { bedrag_cent: 7 }), 409)), ['al_betaald']);
  assert.equal(await journaal(), na, 'a second payment books nothing');
  // a free tariff below the plan
  r = await betaal(vol, 'm2', { bedrag_cent: 1 * MLN });
  assert.equal(r.status, 201, r.text);
  const lijst = (await w.aanvrager.get(`/beschikkingen/${vol}/mijlpalen`)).json();
  assert.equal(lijst.resterend_cent, 3 * MLN);
  const boek = (await w.nza.get('/grootboek/boekingen?limiet=1000')).json().boekingen;
  const e = boek.find((x) => x.sleutel.endsWith('/m1/betaling'));
  assert.equal(e.debet, `project/${lijst.mijlpalen.length && (await w.nza.get(`/beschikkingen/${vol}`)).json().aanvraag_id}`);
  assert.equal(e.credit, 'verzekeraar/9001/betaald');
  const o = (await w.nza.get('/grootboek/rekeningen')).json();
  assert.equal(o.verzekeraars.find((x) => x.uzovi_code === '9001').betaald_cent, 2 * MLN);
  assert.equal(o.jaren.filter((x) => x.jaar === 2027).reduce((s, x) => s + x.betaald_cent, 0), 2 * MLN);
});

test('the fund\'s years: a payment or correction booked before 2027 or after 2029 is refused with the years and the source, nothing booked', async () => {
  assert.equal((await meld(vol, 'm3')).status, 201);
  const voor = await journaal();
  for (const [moment, zin] of [['2026-12-31T12:00:00Z', /in 2026 kan geen betaling of correctie geboekt worden\. Dat kan vanaf 1 januari 2027\./],
    ['2030-01-02T12:00:00Z', /in 2030 kan geen betaling of correctie meer geboekt worden/]]) {
    // a second server on the same database whose booking clock stands at `moment`
    const ander = await startServer({ backend, dbUrl: srv.dbUrl, init: false, args: ['--demo'], env: { DOORBRAAK_BOEKKLOK: moment } });
    try {
      assert.ok(ander.logJson().some((l) => l.bericht === 'waarschuwing' && l.detail.includes(`boekklok verzet`) && l.detail.includes(moment)),
        'the server announces its booking clock');
      const noord = await inloggen(client(ander.url), 'beoordelaar');
      let p = problem(await noord.post(`/beschikkingen/${vol}/mijlpalen/m3/betalingen`, {}), 409);
      assert.deepEqual(codes(p), ['buiten_fondsjaren']);
      assert.equal(p.errors[0].bron, '[003 §8b], [002 §1]');
      assert.match(p.errors[0].detail, /De doorbraakmiddelen zijn er voor de jaren 2027 tot en met 2029/);
      assert.match(p.errors[0].detail, zin);
      p = problem(await noord.post(`/beschikkingen/${vol}/mijlpalen/m1/correcties`, { bedrag_cent: -1, reden: 'Tarief.' }), 409);
      assert.deepEqual(codes(p), ['buiten_fondsjaren']);
    } finally {
      await ander.stop();   // the database is the suite's: stays
    }
  }
  assert.equal(await journaal(), voor, 'nothing booked outside the fund\'s years');
  const m3 = (await w.aanvrager.get(`/beschikkingen/${vol}/mijlpalen`)).json().mijlpalen.find((m) => m.id === 'm3');
  assert.equal(m3.betaling, null);
});

test('never more than the upper bound: a payment above what is left is refused, the ledger unchanged', async () => {
  for (const m of ['m1', 'm2', 'm3', 'm4']) assert.equal((await meld(laag, m)).status, 201);
  for (const m of ['m1', 'm2', 'm3']) assert.equal((await betaal(laag, m)).status, 201);
  // EUR 4 mln - 3.5 paid = 0.5 left; m4 plans 1
  const voor = await journaal();
  const p = problem(await betaal(laag, 'm4'), 409);
  assert.deepEqual(codes(p), ['boven_bovengrens']);
  assert.match(p.errors[0].bron, /\[001 §2\]/);
  assert.equal(await journaal(), voor);
  const r = await betaal(laag, 'm4', { bedrag_cent: 0.5 * MLN });
  assert.equal(r.status, 201, r.text);
  assert.equal((await w.beoordelaar.get(`/beschikkingen/${laag}/mijlpalen`)).json().resterend_cent, 0);
  assert.equal((await meld(laag, 'm5')).status, 201);
  assert.deepEqual(codes(problem(await betaal(laag, 'm5', { bedrag_cent: 1 }), 409)), ['boven_bovengrens']);
});

// --- evidence as files (docs/bijlagen.md) ---------------------------------------------

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A minimal XLSX as a spreadsheet program starts one: a ZIP of [Content_Types].xml, _rels/.rels, xl/workbook.xml. */
function xlsx() {
  const delen = [];
  for (const naam of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml']) {
    const inhoud = Buffer.from('<?xml version="1.0"?><x/>');
    const h = Buffer.alloc(30);
    h.write('PK\x03\x04', 0, 'latin1');
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x21, 12);
    h.writeUInt32LE(inhoud.length, 18);
    h.writeUInt32LE(inhoud.length, 22);
    h.writeUInt16LE(Buffer.byteLength(naam), 26);
    delen.push(h, Buffer.from(naam), inhoud);
  }
  return Buffer.concat(delen);
}

/** Who may call: a session (cookie + CSRF) or an API token, as caller() sends them. */
const kop = (who) => (who.token ? { authorization: `Bearer ${who.token}` }
  : { cookie: `__Host-doorbraak=${who.cookie}`, 'x-csrf-token': who.csrf });
const upload = (who, b, m, bytes, naam, type = 'application/pdf') => w.api.request('POST',
  `/api/v1/beschikkingen/${b}/mijlpalen/${m}/bijlagen?naam=${encodeURIComponent(naam)}`,
  { headers: { ...kop(who), 'content-type': type }, body: bytes });
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

test('evidence as files: the lead adds a PDF or a spreadsheet to a milestone; the parties download it as it was', async () => {
  let r = await upload(w.aanvrager, vol, 'm3', PDF, '../../verslag livegang.pdf');
  assert.equal(r.status, 201, r.text);
  const pdf = r.json();
  assert.equal(r.headers.location, `/api/v1/bijlagen/${pdf.id}`);
  assert.equal(pdf.naam, 'verslag livegang.pdf');
  assert.equal(pdf.mediatype, 'application/pdf');
  assert.equal(pdf.grootte, PDF.length);
  assert.equal(pdf.sha256, sha256(PDF));
  r = await upload(w.aanvrager, vol, 'm3', xlsx(), 'kosten.xlsx', 'application/octet-stream');
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().mediatype, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  // the parties of the beschikking list and download them; others do not see them
  const lijst = (await w.beoordelaar.get(`/beschikkingen/${vol}/mijlpalen/m3/bijlagen`)).json().bijlagen;
  assert.deepEqual(lijst.map((b) => b.naam), ['verslag livegang.pdf', 'kosten.xlsx']);
  assert.equal(lijst[0].download, `/api/v1/bijlagen/${pdf.id}`);
  for (const who of [w.beoordelaar, w.aanvrager, w.nza]) {
    const d = await who.get(`/bijlagen/${pdf.id}`);
    assert.equal(d.status, 200, d.text);
    assert.equal(d.contentType, 'application/pdf');
    assert.equal(d.headers['content-disposition'], 'attachment; filename="verslag livegang.pdf"; filename*=UTF-8\'\'verslag%20livegang.pdf');
    assert.equal(d.headers['x-content-type-options'], 'nosniff');
    assert.ok(d.buffer.equals(PDF), 'the same bytes');
  }
  problem(await w.west.get(`/bijlagen/${pdf.id}`), 404);
  problem(await w.west.get(`/beschikkingen/${vol}/mijlpalen/m3/bijlagen`), 404);
  problem(await w.aanvrager.get('/bijlagen/999999'), 404);
});

test('evidence as files: the content decides the type; wrong type, empty, too large, the wrong party or a paid milestone store nothing', async () => {
  const voor = (await w.aanvrager.get(`/beschikkingen/${vol}/mijlpalen/m3/bijlagen`)).json().bijlagen.length;
  const html = Buffer.from('<html><body><script>alert(1)</script></body></html>');
  let p = problem(await upload(w.aanvrager, vol, 'm3', html, 'bewijs.pdf'), 415);
  assert.deepEqual(codes(p), ['type_niet_toegestaan']);
  p = problem(await upload(w.aanvrager, vol, 'm3', Buffer.alloc(0), 'leeg.pdf'), 400);
  assert.deepEqual(codes(p), ['bijlage_leeg']);
  // above the route's limit of 10 MB: sent in chunks, read to the end, refused
  async function* groot() {
    yield PDF;
    const stuk = Buffer.alloc(64 * 1024, 0x20);
    for (let n = 0; n <= 10 * 1024 * 1024; n += stuk.length) yield stuk;
  }
  problem(await w.api.request('POST', `/api/v1/beschikkingen/${vol}/mijlpalen/m3/bijlagen?naam=groot.pdf`, {
    headers: { ...kop(w.aanvrager), 'content-type': 'application/pdf', 'transfer-encoding': 'chunked' },
    body: groot(), timeout: 60000 }), 413);
  problem(await upload(w.vvt, vol, 'm3', PDF, 'x.pdf'), 403);
  problem(await upload(w.beoordelaar, vol, 'm3', PDF, 'x.pdf'), 403);
  problem(await upload(w.aanvrager, vol, 'm9', PDF, 'x.pdf'), 404);
  assert.deepEqual(codes(problem(await upload(w.aanvrager, vol, 'm1', PDF, 'x.pdf'), 409)), ['al_betaald']);
  assert.deepEqual(codes(problem(await upload(w.aanvrager, afgewezen, 'm1', PDF, 'x.pdf'), 409)), ['niet_verleend']);
  assert.equal((await w.aanvrager.get(`/beschikkingen/${vol}/mijlpalen/m3/bijlagen`)).json().bijlagen.length, voor);
});

test('the ledger still replays and the audit chain holds', async () => {
  let r = doorbraak(['--db', srv.dbUrl, 'grootboek', 'herspeel']);
  assert.equal(r.status, 0, r.stderr);
  r = doorbraak(['--db', srv.dbUrl, 'audit', 'verify']);
  assert.equal(r.status, 0, r.stderr);
});

await run();
