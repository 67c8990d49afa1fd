// SPDX-License-Identifier: EUPL-1.2
//
// beschikking.test.mjs -- the joint request to NZa, NZa's checks and the
// beschikking, black-box on the backend in DOORBRAAK_TEST_BACKEND:
// a granted application's joint request with both signatures, the checks
// (a)-(d) and the formal conditions as findings with sources, granting
// (the board's reservations posted, the upper bound fixed, for less: the
// rest returns), refusing (reservations voided), bad input refused with a
// clear problem and the ledger unchanged, the decision document as HTML and
// PDF, the ledger views and journal, and `hledger check -s` on the exported
// journal as an independent auditor (skipped only when hledger is absent).
//
// The board's decision is written by build/toekenning_testhulp with
// budgets chosen here (docs/beschikking.md §7).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { after, assert, before, codes, problem, run, setSuite, skip, test } from '../lib/harness.mjs';
import { VERKLARINGEN, contract, gezamenlijk, positief, toekennen } from '../lib/beschikking.mjs';
import { DEMO_WACHTWOORD, JSON_HEADERS, caller, world } from '../lib/indiening.mjs';
import { doorbraak, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/beschikking [${backend}]`);

let srv;
let w;
let ids;          // positively assessed applications; 0-3 granted, 4 not
const MLN = 100000000; // EUR 1 mln in cents

async function login(name) {
  const res = await w.api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: name, wachtwoord: DEMO_WACHTWOORD }) });
  assert.equal(res.status, 201, res.text);
  const cookie = /^__Host-doorbraak=([^;]*)/.exec([].concat(res.headers['set-cookie'])[0])[1];
  return caller(w.api, { name, cookie, csrf: res.json().csrf_token, orgId: res.json().organisatie.id });
}

async function rekening(code) {
  const r = await w.nza.get('/grootboek/rekeningen');
  assert.equal(r.status, 200, r.text);
  const o = r.json();
  return [o.pot, ...o.themas, ...o.jaren, ...o.projecten].find((x) => x.rekening === code);
}

before(async () => {
  srv = await startServer({ backend, args: ['--demo'], threads: 4 });
  w = await world(srv);
  w.nza = await login('nza');
  w.zorginstituut = await login('zorginstituut');
  w.bestuur = await login('bestuur');
  w.programmabureau = await login('programmabureau');
  ({ ids } = await positief(w, 5, 'Beschikkingsronde'));
  const ronde = (await w.auditor.get(`/aanvragen/${ids[0]}`)).json().indieningsronde_id;
  toekennen(srv.dbUrl, ronde, { 'ai/2027': 20 * MLN, 'ai/2028': 7 * MLN }, [
    [ids[0], 'ai', { 2027: 3 * MLN, 2028: 2 * MLN }],
    [ids[1], 'ai', { 2027: 3 * MLN, 2028: 2 * MLN }],
    [ids[2], 'ai', { 2027: 3 * MLN, 2028: 2 * MLN }],
    [ids[3], 'ai', { 2027: 5 * MLN }],
  ]);
});

after(async () => {
  if (srv) await srv.stop();
});

test('a joint request with missing declarations or contract is refused with every problem, nothing stored', async () => {
  const p = problem(await w.beoordelaar.post('/nza-aanvragen', { aanvraag_id: ids[0],
    verklaringen: { ...VERKLARINGEN, geen_staatssteun: false, eigen_zvw_zorg: undefined } }), 400);
  assert.deepEqual(codes(p).sort(), ['contract_ontbreekt', 'verklaring_ontbreekt', 'verklaring_ontbreekt']);
  assert.ok(p.errors.some((x) => x.name === '/verklaringen/geen_staatssteun'));
  const q = problem(await w.beoordelaar.post('/nza-aanvragen', { aanvraag_id: ids[0], verklaringen: VERKLARINGEN,
    contract: { datum: '2026-13-01', kenmerk: '' }, onbekend: 1 }), 400);
  assert.ok(codes(q).includes('datum_ongeldig') || codes(q).includes('contract_ontbreekt'), codes(q).join());
  assert.ok(codes(q).includes('unknown'), codes(q).join());
  assert.equal((await w.beoordelaar.get('/nza-aanvragen')).json().nza_aanvragen.length, 0);
});

test('not granted, above the grant, the wrong insurer, a future contract: refused, nothing stored', async () => {
  const basis = { verklaringen: VERKLARINGEN, contract: contract() };
  assert.deepEqual(codes(problem(await w.beoordelaar.post('/nza-aanvragen', { ...basis, aanvraag_id: ids[4] }), 409)),
    ['niet_toegekend']);
  assert.deepEqual(codes(problem(await w.beoordelaar.post('/nza-aanvragen', { ...basis, aanvraag_id: ids[0],
    bovengrens_cent: 5 * MLN + 1 }), 400)), ['boven_toekenning']);
  problem(await w.zuid.post('/nza-aanvragen', { ...basis, aanvraag_id: ids[0] }), 404);
  problem(await w.aanvrager.post('/nza-aanvragen', { ...basis, aanvraag_id: ids[0] }), 403);
  assert.deepEqual(codes(problem(await w.beoordelaar.post('/nza-aanvragen', { ...basis, aanvraag_id: ids[0],
    contract: { datum: '2099-01-01', kenmerk: 'X' } }), 400)), ['contract_toekomst']);
  assert.deepEqual(codes(problem(await w.beoordelaar.post('/nza-aanvragen', { ...basis, aanvraag_id: ids[0],
    jaarverdeling: [{ jaar: 2027, bedrag_cent: 3 * MLN }, { jaar: 2029, bedrag_cent: 2 * MLN }] }), 400)),
  ['jaar_zonder_budget']);
  assert.deepEqual(codes(problem(await w.beoordelaar.post('/nza-aanvragen', { ...basis, aanvraag_id: ids[0],
    jaarverdeling: [{ jaar: 2027, bedrag_cent: 3 * MLN }] }), 400)), ['som_ongelijk']);
  assert.equal((await w.auditor.get('/nza-aanvragen')).json().nza_aanvragen.length, 0);
});

test('signatures: both parties sign the content hash; NZa sees the request only once submitted', async () => {
  let r = await w.beoordelaar.post('/nza-aanvragen', { aanvraag_id: ids[0], verklaringen: VERKLARINGEN, contract: contract() });
  assert.equal(r.status, 201, r.text);
  const t = r.json();
  assert.equal(t.status, 'ondertekening');
  assert.equal(t.bovengrens_cent, 5 * MLN);
  assert.deepEqual(t.jaarverdeling, [{ jaar: 2027, bedrag_cent: 3 * MLN }, { jaar: 2028, bedrag_cent: 2 * MLN }]);
  assert.match(t.sha256, /^[0-9a-f]{64}$/);
  assert.match(r.headers.location, new RegExp(`/nza-aanvragen/${t.id}$`));
  problem(await w.nza.get(`/nza-aanvragen/${t.id}`), 404);
  assert.equal((await w.nza.get('/nza-aanvragen')).json().nza_aanvragen.length, 0);
  assert.deepEqual(codes(problem(await w.beoordelaar.post('/nza-aanvragen', { aanvraag_id: ids[0],
    verklaringen: VERKLARINGEN, contract: contract() }), 409)), ['bestaat_al']);
  assert.deepEqual(codes(problem(await w.beoordelaar.post(`/nza-aanvragen/${t.id}/ondertekeningen`,
    { sha256: '0'.repeat(64) }), 409)), ['inhoud_anders']);
  problem(await w.zuid.post(`/nza-aanvragen/${t.id}/ondertekeningen`, { sha256: t.sha256 }), 403);
  problem(await w.vvt.post(`/nza-aanvragen/${t.id}/ondertekeningen`, { sha256: t.sha256 }), 404);
  r = await w.beoordelaar.post(`/nza-aanvragen/${t.id}/ondertekeningen`, { sha256: t.sha256 });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().status, 'ondertekening');
  assert.deepEqual(codes(problem(await w.beoordelaar.post(`/nza-aanvragen/${t.id}/ondertekeningen`,
    { sha256: t.sha256 }), 409)), ['al_ondertekend']);
  // NZa cannot decide what was not submitted to it
  problem(await w.nza.post('/beschikkingen', { nza_aanvraag_id: t.id, besluit: 'verleend', motivering: 'x' }), 404);
  r = await w.aanvrager.post(`/nza-aanvragen/${t.id}/ondertekeningen`, { sha256: t.sha256 });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().status, 'in_behandeling');
  assert.equal(r.json().ondertekeningen.length, 2);
  assert.ok(r.json().ingediend_op);
  assert.equal((await w.nza.get(`/nza-aanvragen/${t.id}`)).status, 200);
  assert.deepEqual((await w.nza.get('/nza-aanvragen')).json().nza_aanvragen.map((x) => x.id), [t.id]);
  w.eerste = t.id;
});

test('NZa checks (a)-(d) and the formal conditions, each a finding with its source', async () => {
  const r = await w.nza.get(`/nza-aanvragen/${w.eerste}/toetsing`);
  assert.equal(r.status, 200, r.text);
  const b = r.json();
  assert.equal(b.alles_voldaan, true, JSON.stringify(b.bevindingen.filter((x) => x.uitkomst !== 'voldaan')));
  assert.deepEqual(b.bevindingen.map((x) => x.code), ['a', 'b', 'c', 'd', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']);
  for (const f of b.bevindingen) assert.match(f.bron, /\[001 (§3|"Werkwijze")/, `${f.code}: ${f.bron}`);
  assert.match(b.bevindingen[2].bron, /\[003 §8b\]/);
  assert.equal((await w.west.get(`/nza-aanvragen/${w.eerste}/toetsing`)).status, 404);
});

test('granting posts the board reservations in one chain and fixes the upper bound; a second decision is refused', async () => {
  const voor = await rekening('zvw/ai/2027');
  problem(await w.beoordelaar.post('/beschikkingen', { nza_aanvraag_id: w.eerste, besluit: 'verleend', motivering: 'x' }), 403);
  assert.deepEqual(codes(problem(await w.nza.post('/beschikkingen', { nza_aanvraag_id: w.eerste, besluit: 'misschien',
    motivering: ' ' }), 400)).sort(), ['besluit_onbekend', 'motivering_ontbreekt']);
  const r = await w.nza.post('/beschikkingen', { nza_aanvraag_id: w.eerste, besluit: 'verleend',
    motivering: 'Alle toetspunten zijn voldaan.' });
  assert.equal(r.status, 201, r.text);
  const b = r.json();
  assert.equal(b.besluit, 'verleend');
  assert.equal(b.bovengrens_cent, 5 * MLN);
  assert.match(b.kenmerk, /^NZa-DBM-\d{4}-\d{6}$/);
  assert.equal(b.prestaties.length, 5);
  assert.equal(b.bevindingen.length, 12);
  const project = await rekening(`project/${ids[0]}`);
  assert.equal(project.toegekend_cent, 5 * MLN);
  assert.equal(project.gereserveerd_cent, 0);
  assert.equal(project.beschikbaar_cent, 5 * MLN);
  const na = await rekening('zvw/ai/2027');
  assert.equal(na.toegekend_cent - voor.toegekend_cent, 3 * MLN);
  assert.equal(voor.gereserveerd_cent - na.gereserveerd_cent, 3 * MLN);
  assert.equal(na.beschikbaar_cent, voor.beschikbaar_cent);
  assert.deepEqual(codes(problem(await w.nza.post('/beschikkingen', { nza_aanvraag_id: w.eerste, besluit: 'afgewezen',
    motivering: 'Toch niet.' }), 409)), ['al_beschikt']);
  assert.equal((await w.nza.get(`/nza-aanvragen/${w.eerste}`)).json().status, 'beschikt');
  // the board and the programme office read joint requests and decisions (issue 18), by name
  for (const lezer of [w.bestuur, w.programmabureau]) {
    const gelezen = (await lezer.get(`/beschikkingen/${b.id}`)).json();
    assert.equal(gelezen.kenmerk, b.kenmerk);
    assert.match(gelezen.penvoerder_naam, /\S/);
    assert.match(gelezen.genomen_door_naam, /Eva de Groot, directeur Zorgmarkten Cure, Nederlandse Zorgautoriteit/);
    assert.ok((await lezer.get('/beschikkingen')).json().beschikkingen.some((x) => x.id === b.id));
    assert.ok((await lezer.get('/nza-aanvragen')).json().nza_aanvragen.some((x) => x.id === w.eerste));
    assert.equal((await lezer.get(`/nza-aanvragen/${w.eerste}/toetsing`)).status, 200);
    problem(await lezer.post('/beschikkingen', { nza_aanvraag_id: w.eerste, besluit: 'afgewezen', motivering: 'x' }), 403);
  }
  w.beschikking = b.id;
});

test('an upper bound below the grant: the rest of the reservation returns to the year', async () => {
  const voor = await rekening('zvw/ai/2028');
  const t = await gezamenlijk(w, { aanvraag_id: ids[1], bovengrens_cent: 4 * MLN });
  assert.deepEqual(t.jaarverdeling, [{ jaar: 2027, bedrag_cent: 3 * MLN }, { jaar: 2028, bedrag_cent: 1 * MLN }]);
  const r = await w.nza.post('/beschikkingen', { nza_aanvraag_id: t.id, besluit: 'verleend', motivering: 'Lager.' });
  assert.equal(r.status, 201, r.text);
  assert.equal((await rekening(`project/${ids[1]}`)).toegekend_cent, 4 * MLN);
  const na = await rekening('zvw/ai/2028');
  assert.equal(na.beschikbaar_cent - voor.beschikbaar_cent, 1 * MLN, 'EUR 1 mln back to 2028');
  assert.equal(na.toegekend_cent - voor.toegekend_cent, 1 * MLN);
});

test('refusing voids the reservations with reasons; the money returns', async () => {
  const t = await gezamenlijk(w, { aanvraag_id: ids[2] });
  const voor = await rekening('zvw/ai/2027');
  const r = await w.nza.post('/beschikkingen', { nza_aanvraag_id: t.id, besluit: 'afgewezen',
    motivering: 'De overeenkomst bevat geen waarborgen tegen concurrentievoordelen.' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().besluit, 'afgewezen');
  assert.equal(r.json().bovengrens_cent, 0);
  const na = await rekening('zvw/ai/2027');
  assert.equal(na.beschikbaar_cent - voor.beschikbaar_cent, 3 * MLN);
  const p = await rekening(`project/${ids[2]}`);
  assert.equal(p.toegekend_cent + p.gereserveerd_cent, 0);
  w.afwijzing = r.json().id;
});

test('a request that does not fit the year it asks for is not taken into treatment; the ledger is unchanged', async () => {
  // all of the 2027 grant moved to 2028: 2028 has EUR 6 mln of free room
  const r = await w.beoordelaar.post('/nza-aanvragen', { aanvraag_id: ids[3], verklaringen: VERKLARINGEN, contract: contract(),
    jaarverdeling: [{ jaar: 2027, bedrag_cent: 0 }, { jaar: 2028, bedrag_cent: 5 * MLN }] });
  assert.equal(r.status, 201, r.text);
  const t = r.json();
  const zonderKop = (t) => t.replace(/^; doorbraak grootboek, uitgevoerd .*\n/m, '');
  const journaal = zonderKop((await w.nza.get('/grootboek/journaal')).text);
  // 2028 holds EUR 7 mln: 2 + 1 granted, nothing reserved any more: EUR 4 mln free
  assert.equal((await rekening('zvw/ai/2028')).beschikbaar_cent, 4 * MLN);
  const toets = (await w.beoordelaar.get(`/nza-aanvragen/${t.id}/toetsing`)).json();
  const c = toets.bevindingen.find((x) => x.code === 'c');
  assert.equal(c.uitkomst, 'niet_voldaan', JSON.stringify(c));
  assert.equal((await w.beoordelaar.post(`/nza-aanvragen/${t.id}/ondertekeningen`, { sha256: t.sha256 })).status, 201);
  const s = await w.aanvrager.post(`/nza-aanvragen/${t.id}/ondertekeningen`, { sha256: t.sha256 });
  const p = problem(s, 409);
  assert.deepEqual(codes(p), ['past_niet']);
  assert.match(p.errors[0].bron, /\[001 §3\]/);
  assert.equal((await w.beoordelaar.get(`/nza-aanvragen/${t.id}`)).json().status, 'ondertekening');
  assert.equal(zonderKop((await w.nza.get('/grootboek/journaal')).text), journaal, 'ledger unchanged');
});

test('the decision document, fit to send: addressee, Dutch date, milestones described, legal basis, named official, objection clause', async () => {
  let r = await w.aanvrager.get(`/beschikkingen/${w.beschikking}/document`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.contentType, /^text\/html/);
  const b = (await w.nza.get(`/beschikkingen/${w.beschikking}`)).json();
  const tekst = r.text.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
  const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const d = new Date(b.genomen_op);
  const datum = `${d.getUTCDate()} ${maanden[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  for (const s of [b.kenmerk, 'EUR 5.000.000,00', '[001 §3]', '[003 §8b]', 'Toetsing door de NZa',
    // the head: addressee with its role, the insurers in copy, the NZa's place and the date in Dutch
    'Aan Demo Ziekenhuis Noorderkwartier, penvoerder namens de zorgaanbieders van de coalitie',
    'Afschrift aan Demo Zorgverzekeraar Noord (coördinerend zorgverzekeraar)', `Datum Utrecht, ${datum}`,
    'Onderwerp Vaststelling bovengrens prestatie doorbraakmiddelen', 'Geachte heer, mevrouw,',
    // milestones as the modelplan describes them, dates in Dutch
    'm1. Start en inrichting', 'Blijkt uit: Meetplan en nulmeting vastgesteld', '30 juni 2027',
    // legal basis, the named official with function, the objection clause
    'artikel 50, tweede lid, aanhef en onder c, van de Wet marktordening gezondheidszorg', '[001 §7]',
    'Nederlandse Zorgautoriteit (NZa), namens deze, drs. Eva de Groot, directeur Zorgmarkten Cure',
    'binnen zes weken na de dag waarop dit besluit bekend is gemaakt (artikelen 6:7 en 6:8 van de Algemene wet bestuursrecht)']) {
    assert.ok(tekst.includes(s), `HTML holds ${s}`);
  }
  assert.doesNotMatch(tekst, /\d{4}-\d{2}-\d{2}T|gebruiker:\d/, 'no machine dates or audit names');
  // Its own policy allows its one inline style sheet by hash, nothing else (no 'unsafe-inline').
  const csp = r.headers['content-security-policy'];
  const stijl = /<style>([^<]*)<\/style>/.exec(r.text)[1];
  const hash = createHash('sha256').update(stijl).digest('base64');
  assert.ok(csp.includes(`style-src 'sha256-${hash}'`), `CSP allows the style by its hash: ${csp}`);
  assert.ok(csp.startsWith("default-src 'none'") && !csp.includes('unsafe-inline'), csp);
  assert.equal([].concat(csp).length, 1, 'one policy');
  r = await w.nza.get(`/beschikkingen/${w.beschikking}/document.pdf`);
  assert.equal(r.status, 200);
  assert.equal(r.contentType, 'application/pdf');
  const via = await w.api.request('GET', `/api/v1/beschikkingen/${w.beschikking}/document`, { headers: {
    cookie: `__Host-doorbraak=${w.nza.cookie}`, accept: 'application/pdf' } });
  assert.equal(via.contentType, 'application/pdf');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dbk-'));
  try {
    const file = path.join(dir, 'b.pdf');
    const c = doorbraak(['--db', srv.dbUrl, 'beschikking', 'document', String(w.beschikking), '--pdf', file]);
    assert.equal(c.status, 0, c.stderr);
    const pdf = readFileSync(file).toString('latin1');
    assert.ok(pdf.startsWith('%PDF-'), 'a PDF');
    assert.ok(pdf.includes(b.kenmerk), 'the reference is in the PDF text');
    assert.ok(pdf.includes('EUR 5.000.000,00'));
    assert.ok(pdf.includes('drs. Eva de Groot, directeur Zorgmarkten Cure'), 'signed in the PDF too');
    assert.ok(pdf.includes('6:7'), 'the objection clause in the PDF too');
    const h = doorbraak(['--db', srv.dbUrl, 'beschikking', 'document', String(w.afwijzing)]);
    assert.equal(h.status, 0, h.stderr);
    assert.match(h.stdout, /wijst de tweezijdige aanvraag af/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  problem(await w.west.get(`/beschikkingen/${w.beschikking}/document`), 404);
  assert.equal((await w.zorginstituut.get(`/beschikkingen/${w.beschikking}`)).status, 200);
});

test('the timeline tells the truth: board granted nothing, NZa refused, NZa granted -- each with the step and who acted', async () => {
  const tijdlijn = async (who, id) => {
    const r = await who.get(`/aanvragen/${id}/tijdlijn`);
    assert.equal(r.status, 200, r.text);
    return r.json();
  };
  // positively assessed, but the board gave it nothing: not "positief beoordeeld" alone
  let t = await tijdlijn(w.aanvrager, ids[4]);
  assert.equal(t.fase, 'niet_toegekend');
  assert.match(t.fase_tekst, /geen geld toe.*\[001 "Vervolgproces"\]/);
  assert.deepEqual(t.stappen.map((s) => s.soort), ['aangemaakt', 'ingediend', 'beoordeeld', 'beoordeeld', 'bestuursbesluit']);
  assert.ok(t.stappen.every((s, i) => i === 0 || s.moment >= t.stappen[i - 1].moment), 'oldest first');
  const oordeel = t.stappen.find((s) => s.soort === 'beoordeeld');
  assert.ok(oordeel.organisatie_naam && oordeel.door_naam, 'the insurer and the person by name');
  // refused by NZa
  const afgewezen = (await w.nza.get(`/beschikkingen/${w.afwijzing}`)).json();
  t = await tijdlijn(w.aanvrager, afgewezen.aanvraag_id);
  assert.equal(t.fase, 'afgewezen');
  assert.match(t.fase_tekst, new RegExp(`Afgewezen door de NZa \\(beschikking ${afgewezen.kenmerk}\\)`));
  // (the test helper dates the board's decision 2027-01-01, so it sorts last here)
  const nza = t.stappen.filter((s) => s.soort !== 'bestuursbesluit').slice(-5).map((s) => s.soort);
  assert.deepEqual(nza, ['nza_opgesteld', 'ondertekend', 'ondertekend', 'nza_ingediend', 'beschikking']);
  assert.equal(t.stappen.find((s) => s.soort === 'beschikking').beschikking_id, w.afwijzing);
  assert.equal(t.stappen.filter((s) => s.soort === 'ondertekend').map((s) => s.organisatie_naam).length, 2);
  // granted: the upper bound; the same for both insurers' readers and the auditor
  const verleend = (await w.nza.get(`/beschikkingen/${w.beschikking}`)).json();
  t = await tijdlijn(w.auditor, verleend.aanvraag_id);
  assert.ok(['beschikt', 'in_uitvoering'].includes(t.fase), t.fase);
  assert.match(t.stappen.find((s) => s.soort === 'beschikking').wat, /De NZa stelde de bovengrens vast op EUR 5\.000\.000,00/);
  assert.equal((await tijdlijn(w.beoordelaar, verleend.aanvraag_id)).fase, t.fase);
  problem(await w.west.get(`/aanvragen/${verleend.aanvraag_id}/tijdlijn`), 404);
});

test('ledger views: per pot, theme, year, insurer and project; insurers see their own projects', async () => {
  const o = (await w.nza.get('/grootboek/rekeningen')).json();
  assert.equal(o.pot.rekening, 'zvw');
  const jaren = o.jaren.filter((x) => x.thema === 'ai');
  const som = (k) => jaren.reduce((s, x) => s + x[k], 0);
  const thema = o.themas.find((x) => x.thema === 'ai');
  assert.equal(thema.toegekend_cent, som('toegekend_cent'));
  assert.equal(thema.gereserveerd_cent, som('gereserveerd_cent'));
  assert.ok(o.pot.beschikbaar_cent + o.pot.gereserveerd_cent + o.pot.toegekend_cent <= 600 * 100 * MLN);
  assert.equal(o.verzekeraars.find((x) => x.uzovi_code === '9001').toegekend_cent, 9 * MLN);
  const west = (await w.west.get('/grootboek/rekeningen')).json();
  assert.equal(west.projecten.length, 0);
  assert.equal(west.verzekeraars.length, 0);
  const noord = (await w.beoordelaar.get('/grootboek/rekeningen')).json();
  assert.ok(noord.projecten.length >= 2);
  assert.equal((await w.beoordelaar.get('/grootboek/journaal')).status, 403);
  const boek = (await w.nza.get('/grootboek/boekingen?limiet=1000')).json().boekingen;
  assert.ok(boek.some((x) => x.sleutel === `beschikking/${ids[0]}/2027` && x.soort === 'boeking_van_reservering'));
  assert.ok(boek.some((x) => x.sleutel === `aanvraag/${ids[2]}/afwijzing/2027`));
  assert.equal((await w.west.get('/grootboek/boekingen')).json().boekingen.length, 0);
  const j = await w.nza.get('/grootboek/journaal');
  assert.match(j.contentType, /^text\/plain/);
  assert.match(j.text, /project:/);
});

const haveHledger = spawnSync('hledger', ['--version'], { encoding: 'utf8' }).status === 0;
const hledgerTest = haveHledger ? test : (name) => skip(name, 'hledger is not installed (scripts/setup.sh test)');

hledgerTest('hledger check -s on the exported journal (independent auditor) and the replay check', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dbk-'));
  try {
    const file = path.join(dir, 'grootboek.journal');
    let r = doorbraak(['--db', srv.dbUrl, 'grootboek', 'export', file]);
    assert.equal(r.status, 0, r.stderr);
    r = doorbraak(['--db', srv.dbUrl, 'grootboek', 'herspeel']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /grootboek klopt/);
    r = doorbraak(['--db', srv.dbUrl, 'grootboek', 'toon']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /zvw\/ai\/2027/);
    // hledger reads the journal in the locale's encoding: UTF-8 whatever the caller's locale
    const h = spawnSync('hledger', ['check', '-s', '-f', file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    assert.equal(h.status, 0, `hledger check -s: ${h.stdout}${h.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

await run();
