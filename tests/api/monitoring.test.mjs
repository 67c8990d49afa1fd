// SPDX-License-Identifier: EUPL-1.2
//
// monitoring.test.mjs -- monitoring and transparency, black-box on the
// backend in DOORBRAAK_TEST_BACKEND (docs/monitoring.md): a granted
// project's quarterly progress (every problem at once, versions, only the
// lead), signals by rules with sources and their acknowledgement by the
// coordinating insurer only, the programme monitor and its quarterly report,
// open data without personal data, and every list as CSV and XLSX under
// the list's own access rules.

import { spawnSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';

import { after, assert, before, problem, run, setSuite, test } from '../lib/harness.mjs';
import { gezamenlijk, positief, toekennen } from '../lib/beschikking.mjs';
import { DEMO_WACHTWOORD, JSON_HEADERS, caller, world } from '../lib/indiening.mjs';
import { psql, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/monitoring [${backend}]`);

const MLN = 100000000;
let srv;
let w;
let vol;
let laag;
let afgewezen;

const codes = (p) => (p.errors || []).map((x) => x.code).sort();

/** The audit records of `actie` on `object` (null when this backend cannot be queried: no sqlite3). */
function geweigerd(actie, object) {
  const q = `SELECT count(*) FROM auditlog WHERE actie = '${actie}' AND object = '${object}'`;
  if (backend === 'postgresql') return Number(psql(srv.dbUrl, q).trim());
  const r = spawnSync('sqlite3', [srv.dbUrl, q], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

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

const rapport = (extra = {}) => ({
  periode: '2027-K1',
  mijlpalen: [{ id: 'm1', status: 'op_schema' }, { id: 'm2', status: 'vertraagd', toelichting: 'Koppeling later.' }],
  kpis: [{ kpi: 'm1', waarde: 'Meetplan vastgesteld op 12 maart' }],
  fte_gerealiseerd_milli: 0,
  meetmethode_gevolgd: true,
  besteed_cent: 0,
  risicos: [{ omschrijving: 'Uitval van superusers.', maatregel: 'Extra superusers opleiden.' }],
  bijsturing: 'Planning van de koppeling met de leverancier herzien.',
  ...extra,
});
const meld = (b, body, who = w.aanvrager) => who.post(`/beschikkingen/${b}/voortgangsrapportages`, body);

/** The rows of an XLSX's first sheet (shared strings resolved), read with the zip's own inflate. */
function xlsxRijen(buf) {
  const files = new Map();
  for (let i = 0; i + 30 < buf.length;) {
    if (buf.readUInt32LE(i) !== 0x04034b50) break;
    const methode = buf.readUInt16LE(i + 8), size = buf.readUInt32LE(i + 18), naamLen = buf.readUInt16LE(i + 26);
    const extraLen = buf.readUInt16LE(i + 28), flags = buf.readUInt16LE(i + 6);
    assert.equal(flags & 8, 0, 'sizes in the local header');
    const naam = buf.toString('utf8', i + 30, i + 30 + naamLen), start = i + 30 + naamLen + extraLen;
    const data = buf.subarray(start, start + size);
    files.set(naam, (methode === 8 ? inflateRawSync(data) : data).toString('utf8'));
    i = start + size;
  }
  const strings = [...(files.get('xl/sharedStrings.xml') || '').matchAll(/<si>(?:<t[^>]*>([^<]*)<\/t>)?/g)].map((m) => m[1] || '');
  const blad = files.get('xl/worksheets/sheet1.xml');
  return [...blad.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((r) => [...r[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)]
    .map((c) => {
      const v = /<v>([^<]*)<\/v>/.exec(c[3] || '')?.[1];
      const f = /<f>([^<]*)<\/f>/.exec(c[3] || '')?.[1];
      const inline = /<is><t[^>]*>([^<]*)<\/t><\/is>/.exec(c[3] || '')?.[1];
      return { kolom: c[1], s: /t="s"/.test(c[2]) ? strings[Number(v)] : inline ?? v, formule: f };
    }));
}

before(async () => {
  srv = await startServer({ backend, args: ['--demo'], threads: 4 });
  w = await world(srv);
  w.nza = await login('nza');
  w.bestuur = await login('bestuur');
  const { ids } = await positief(w, 3, 'Monitoringronde');
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

test('the reporting periods are the twelve quarters of 2027-2029, each with its due day', async () => {
  const r = await w.api.get('/api/v1/rapportageperiodes');
  assert.equal(r.status, 200, r.text);
  const p = r.json().perioden;
  assert.equal(p.length, 12);
  assert.deepEqual([p[0].code, p[0].van, p[0].tot, p[0].inleveren_voor], ['2027-K1', '2027-01-01', '2027-03-31', '2027-04-30']);
  assert.equal(p[11].code, '2029-K4');
});

test('the plan: the modelplan\'s KPIs with their target dates, the method the application named, fte pledged', async () => {
  const r = await w.aanvrager.get(`/beschikkingen/${vol}/voortgangsrapportages`);
  assert.equal(r.status, 200, r.text);
  const b = r.json();
  assert.deepEqual(b.plan.kpis.map((k) => k.kpi), ['m1', 'm2', 'm3', 'm4', 'm5']);
  assert.ok(b.plan.kpis.every((k) => k.omschrijving && /^\d{4}-\d{2}-\d{2}$/.test(k.streefdatum)));
  assert.match(b.plan.meetmethode, /nulmeting/);
  assert.equal(b.plan.fte_toegezegd_milli, w.doc().impact.fte_besparing_milli);
  assert.deepEqual(b.rapportages, []);
  problem(await w.west.get(`/beschikkingen/${vol}/voortgangsrapportages`), 404);
  assert.equal((await w.bestuur.get(`/beschikkingen/${vol}/voortgangsrapportages`)).status, 200, 'the board reads every project');
});

test('bad input: every problem at once and nothing stored', async () => {
  const p = problem(await meld(vol, rapport({ periode: '2026-K5', kpis: [{ kpi: 'm9', waarde: '1' }, { kpi: 'm1', waarde: ' ' }],
    mijlpalen: [{ id: 'x9', status: 'klaar' }], bijsturing: '', meetmethode_gevolgd: false, besteed_cent: -1, extra: 1 })), 400);
  assert.deepEqual(codes(p), ['besteed_cent_ongeldig', 'bijsturing_ontbreekt', 'kpi_onbekend', 'mijlpaal_onbekend',
    'periode_onbekend', 'status_ongeldig', 'toelichting_ontbreekt', 'unknown', 'waarde_ontbreekt'].map((c) =>
    c === 'besteed_cent_ongeldig' ? 'bedrag_ongeldig' : c).sort());
  assert.ok(p.errors.filter((x) => x.code !== 'unknown').every((x) => /^\[\d{3} /.test(x.bron || '')), JSON.stringify(p.errors));
  assert.deepEqual((await w.aanvrager.get(`/beschikkingen/${vol}/voortgangsrapportages`)).json().rapportages, []);
  assert.deepEqual(codes(problem(await meld(afgewezen, rapport()), 409)), ['niet_verleend']);
  const voor = geweigerd('toegang.geweigerd', `beschikking/${vol}`);
  problem(await meld(vol, rapport(), w.vvt), 403);       // a participant, not the lead
  problem(await meld(vol, rapport(), w.huisartsen), 404); // no party
  problem(await w.huisartsen.get(`/beschikkingen/${vol}/voortgangsrapportages`), 404);
  if (voor !== null) assert.equal(geweigerd('toegang.geweigerd', `beschikking/${vol}`), voor + 3, 'each refusal is recorded');
  if (voor !== null) assert.ok(geweigerd('projectvoortgang.voeg_toe', `beschikking/${afgewezen}`) >= 1, 'a refused report is recorded');
  problem(await meld(vol, rapport(), w.beoordelaar), 403);
});

test('a second report for a period is a new version; the first stays', async () => {
  let r = await meld(vol, rapport());
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.json().periode, r.json().versie], ['2027-K1', 1]);
  r = await meld(vol, rapport({ fte_gerealiseerd_milli: 1500, bijsturing: 'Correctie van de fte.' }));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().versie, 2);
  const l = (await w.beoordelaar.get(`/beschikkingen/${vol}/voortgangsrapportages`)).json().rapportages;
  assert.deepEqual(l.map((x) => [x.periode, x.versie, x.nieuwste, x.fte_gerealiseerd_milli]),
    [['2027-K1', 1, false, 0], ['2027-K1', 2, true, 1500]]);
  assert.equal(l[1].kpis[0].kpi, 'm1');
});

test('signals by rules with sources; only the coordinating insurer sees and acknowledges them', async () => {
  const sig = async (who, q = '') => {
    const r = await who.get(`/signalen?peildatum=2029-12-31${q}`);
    assert.equal(r.status, 200, r.text);
    return r.json().signalen;
  };
  const alle = (await sig(w.beoordelaar)).filter((s) => s.beschikking_id === vol);
  const sleutels = alle.map((s) => s.sleutel);
  for (const k of ['mijlpaal_te_laat/m1', 'mijlpaal_te_laat/m5', 'rapportage_ontbreekt/2027-K2', 'fte_achter/2027-K1',
    'besteding_achter/2027-K1']) assert.ok(sleutels.includes(k), `${k} in ${sleutels}`);
  assert.ok(!sleutels.includes('rapportage_ontbreekt/2027-K1'), 'the reported quarter is not missing');
  assert.ok(alle.every((s) => /^\[\d{3} /.test(s.bron)), 'every signal names its source');
  assert.equal((await w.beoordelaar.get('/signalen?peildatum=2026-12-01')).json().signalen.length, 0, 'nothing before the project');
  assert.equal((await sig(w.zuid)).length, 0, 'the second insurer does not coordinate');
  assert.ok((await sig(w.bestuur)).length >= alle.length);
  problem(await w.beoordelaar.get('/signalen?peildatum=morgen'), 400);
  // paged by project: one project per page, the next page named; the export holds every page
  const p1 = (await w.bestuur.get('/signalen?peildatum=2029-12-31&limiet=1')).json();
  assert.ok(p1.signalen.length > 0 && p1.signalen.every((s) => s.beschikking_id === p1.signalen[0].beschikking_id));
  assert.equal(p1.volgende_na, p1.signalen[0].beschikking_id);
  const p2 = (await w.bestuur.get(`/signalen?peildatum=2029-12-31&limiet=1&na=${p1.volgende_na}`)).json();
  assert.ok(p2.signalen.every((s) => s.beschikking_id > p1.volgende_na));
  const alleBestuur = (await sig(w.bestuur)).length;
  const ex = await w.bestuur.get('/signalen?peildatum=2029-12-31&limiet=1&formaat=csv');
  assert.equal(Number(ex.headers['doorbraak-rijen']), alleBestuur, 'the export reads every page');
  const exRegels = ex.text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  assert.equal(exRegels.length, alleBestuur);
  assert.ok(exRegels.every((r) => /^[a-z_]+\/[^;]+;[a-z_]+;\d+;/.test(r)), 'every row of every page has its cells');
  const body = { beschikking_id: vol, sleutel: 'fte_achter/2027-K1', notitie: 'Besproken; nieuw plan volgt.' };
  assert.deepEqual(codes(problem(await w.beoordelaar.post('/signalen/kennisnames?peildatum=2029-12-31',
    { ...body, notitie: ' ' }), 400)), ['notitie_ontbreekt']);
  const voorZuid = geweigerd('toegang.geweigerd', `beschikking/${vol}`);
  problem(await w.zuid.post('/signalen/kennisnames?peildatum=2029-12-31', body), 404);
  if (voorZuid !== null) assert.equal(geweigerd('toegang.geweigerd', `beschikking/${vol}`), voorZuid + 1, 'recorded');
  problem(await w.beoordelaar.post('/signalen/kennisnames?peildatum=2029-12-31', { ...body, sleutel: 'fte_achter/2031-K1' }), 404);
  const r = await w.beoordelaar.post('/signalen/kennisnames?peildatum=2029-12-31', body);
  assert.equal(r.status, 201, r.text);
  const erkend = (await sig(w.beoordelaar)).find((s) => s.beschikking_id === vol && s.sleutel === body.sleutel);
  assert.equal(erkend.erkend, true);
  assert.equal(erkend.kennisnames[0].notitie, body.notitie);
  assert.ok(!(await sig(w.beoordelaar, '&open=true')).some((s) => s.beschikking_id === vol && s.sleutel === body.sleutel));
});

test('the programme monitor: fte against the ambition, money through every stage, plans submitted and honoured', async () => {
  const r = await w.bestuur.get('/programmamonitor?peildatum=2027-06-30');
  assert.equal(r.status, 200, r.text);
  const d = r.json();
  assert.equal(d.projecten, 2);
  assert.equal(d.fte.ambitie_milli, 27600000);
  assert.equal(d.fte.toegezegd_milli, 2 * w.doc().impact.fte_besparing_milli);
  assert.equal(d.fte.gerealiseerd_milli, 1500, 'the newest version of the newest report');
  assert.equal(d.fte.reeks.length, 12);
  assert.equal(d.fte.reeks[0].gerealiseerd_milli, 1500);
  assert.equal(d.fte.reeks[4].gerealiseerd_milli, null, 'no realised figure after the day');
  const ai = d.geld.per_thema.find((x) => x.sleutel === 'ai');
  assert.equal(ai.bovengrens_cent, 9 * MLN);
  assert.equal(ai.toegekend_cent, 15 * MLN);
  assert.ok(ai.gevraagd_cent >= ai.toegekend_cent);
  const j27 = d.geld.per_jaar.find((x) => x.sleutel === '2027');
  assert.equal(j27.toegekend_cent, 9 * MLN, 'three applications granted EUR 3 mln each in 2027');
  const plan = d.plannen.per_thema.find((x) => x.sleutel === 'ai');
  assert.ok(plan.ingediend >= 3 && plan.gehonoreerd === 2, JSON.stringify(plan));
  assert.ok(d.plannen.per_sector.length > 0 && d.geld.per_sector.every((x) => x.gevraagd_cent >= 0));
  const etag = r.headers.etag;
  assert.equal((await w.bestuur.call('GET', '/programmamonitor?peildatum=2027-06-30', undefined, { 'if-none-match': etag })).status, 304);
  problem(await w.aanvrager.get('/programmamonitor'), 403);
  // each table of the monitor as a download: ?lijst= names it
  const csv = await w.bestuur.get('/programmamonitor?peildatum=2027-06-30&formaat=csv&lijst=geld.per_thema');
  assert.equal(csv.status, 200, csv.text);
  const regels = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(regels.length, d.geld.per_thema.length + 1);
  assert.match(regels[0], /^sleutel;gevraagd_cent;gevraagd_euro;toegekend_cent;toegekend_euro;bovengrens_cent;bovengrens_euro/);
  assert.ok(regels.some((r) => r.startsWith(`ai;${ai.gevraagd_cent};`)));
  assert.deepEqual(problem(await w.bestuur.get('/programmamonitor?formaat=csv&lijst=geld.onbekend'), 400).errors.map((x) => x.code),
    ['parameter_ongeldig']);
});

test('the quarterly report for the board as PDF and HTML', async () => {
  const pdf = await w.bestuur.get('/programmamonitor/kwartaalrapportage.pdf?peildatum=2027-06-30');
  assert.equal(pdf.status, 200);
  assert.equal(pdf.contentType, 'application/pdf');
  assert.ok(pdf.text.startsWith('%PDF-'));
  const html = await w.bestuur.get('/programmamonitor/kwartaalrapportage?peildatum=2027-06-30');
  assert.match(html.contentType, /^text\/html/);
  assert.match(html.text, /Kwartaalrapportage doorbraakmiddelen/);
  assert.match(html.text, /30 juni 2027/);
  assert.match(html.text, /\[003 MTR\]/);
});

test('open data: every honoured plan, the described columns, no personal data, JSON and CSV without login', async () => {
  const beschrijving = (await w.api.get('/api/v1/open-data/plannen/beschrijving')).json();
  const kolommen = beschrijving.kolommen.map((k) => k.naam);
  assert.ok(beschrijving.kolommen.every((k) => k.titel && k.type && k.beschrijving));
  const r = await w.api.get('/api/v1/open-data/plannen');
  assert.equal(r.status, 200, r.text);
  const plannen = r.json().plannen;
  assert.equal(plannen.length, 2, 'the refused one is not published');
  for (const p of plannen) assert.deepEqual(Object.keys(p), kolommen);
  assert.doesNotMatch(r.text, /@|gebruiker|aanvrager|beoordelaar/, 'no persons or accounts');
  const v = plannen.find((p) => p.bovengrens_cent === 4 * MLN);
  assert.equal(v.bovengrens_euro, '4000000.00');
  const csv = await w.api.get('/api/v1/open-data/plannen.csv');
  assert.equal(csv.status, 200);
  const regels = csv.text.trim().split('\r\n');
  assert.equal(regels[0], kolommen.join(';'));
  assert.equal(regels.length, 3);
});

test('every list as CSV and XLSX: the same rows as the list, its access rules, amounts as cents and euros', async () => {
  const nzaLijst = (await w.nza.get('/beschikkingen?limiet=1000')).json().beschikkingen;
  let r = await w.nza.get('/beschikkingen?formaat=xlsx');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.contentType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(r.headers['content-disposition'], /attachment; filename="beschikkingen.xlsx"/);
  assert.equal(Number(r.headers['doorbraak-rijen']), nzaLijst.length);
  const rijen = xlsxRijen(r.buffer);
  assert.equal(rijen.length, nzaLijst.length + 1);
  const kop = rijen[0].map((c) => c.s);
  const i = kop.indexOf('bovengrens_cent'), j = kop.indexOf('bovengrens_euro');
  assert.ok(i >= 0 && j === i + 1, kop.join(','));
  const rij = rijen.find((x) => x[i] && Number(x[i].s) === 4 * MLN);
  assert.ok(rij, 'the amount in cents is a number');
  assert.match(rij[j].formule, /^[A-Z]+\d+\/100$/, 'the euros are a formula over the cents');
  // the lead's export holds what its list holds, nothing else
  const eigen = (await w.aanvrager.get('/beschikkingen')).json().beschikkingen.length;
  r = await w.huisartsen.get('/beschikkingen?formaat=csv');
  assert.equal(r.status, 200, r.text);
  assert.equal(Number(r.headers['doorbraak-rijen']), 0);
  r = await w.aanvrager.get('/beschikkingen?formaat=csv');
  assert.equal(Number(r.headers['doorbraak-rijen']), eigen);
  const csv = r.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  const h = csv[0].split(';');
  const ic = h.indexOf('bovengrens_cent'), ie = h.indexOf('bovengrens_euro');
  for (const regel of csv.slice(1)) {
    const v = regel.split(';');
    assert.equal(Number(v[ie]) * 100, Number(v[ic]), regel);
  }
  problem(await w.aanvrager.get('/beschikkingen?formaat=pdf'), 400);
  problem(await w.api.get('/api/v1/beschikkingen?formaat=csv'), 401);
  // a list of an answer with several, whole: the macro overview's themes
  const ronde = (await w.auditor.get(`/aanvragen/${(await w.nza.get(`/beschikkingen/${vol}`)).json().aanvraag_id}`)).json().indieningsronde_id;
  const macro = (await w.bestuur.get(`/macrooverzicht?indieningsronde=${ronde}`)).json();
  r = await w.bestuur.get(`/macrooverzicht?indieningsronde=${ronde}&formaat=csv&lijst=themas`);
  assert.equal(r.status, 200, r.text);
  assert.equal(Number(r.headers['doorbraak-rijen']), macro.themas.length);
  const stand = (await w.nza.get('/grootboek/rekeningen')).json();
  r = await w.nza.get('/grootboek/rekeningen?formaat=csv&lijst=projecten');
  assert.equal(Number(r.headers['doorbraak-rijen']), stand.projecten.length);
  r = await w.aanvrager.get(`/beschikkingen/${vol}/mijlpalen?formaat=xlsx`);
  assert.equal(Number(r.headers['doorbraak-rijen']), 5, 'the five milestones');
  r = await w.nza.get('/grootboek/boekingen?formaat=csv&limiet=1');
  assert.equal(r.status, 200, r.text);
  const alle = (await w.nza.get('/grootboek/boekingen?limiet=1000')).json().boekingen.length;
  assert.equal(Number(r.headers['doorbraak-rijen']), alle, 'every page, not only the first');
});

await run();
