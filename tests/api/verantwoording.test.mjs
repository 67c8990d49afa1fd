// SPDX-License-Identifier: EUPL-1.2
//
// verantwoording.test.mjs -- the accountability of a project per year
// (docs/verantwoording.md), black-box on the backend in
// DOORBRAAK_TEST_BACKEND: the programme office sets the year's framework
// (tolerance, threshold of the accountant's statement, deadline); the lead
// submits the actual costs of a year with the findings of rules V1-V9; the
// accountant's statement is an attachment; refusals (no framework, a year
// twice, another party, a refused beschikking, a real amount) store nothing.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

import { after, assert, before, codes, problem, run, setSuite, test } from '../lib/harness.mjs';
import { gezamenlijk, positief, toekennen } from '../lib/beschikking.mjs';
import { inloggen, world } from '../lib/indiening.mjs';
import { psql, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/verantwoording [${backend}]`);

const MLN = 100000000;
let srv;
let w;
let vol;
let laag;
let afgewezen;
let begroting2027;   // the granted version's one-off lines of 2027, per provider x kind x nature

async function beschik(id, besluit) {
  const t = await gezamenlijk(w, { aanvraag_id: id });
  const r = await w.nza.post('/beschikkingen', { nza_aanvraag_id: t.id, besluit, motivering: 'Getoetst.' });
  assert.equal(r.status, 201, r.text);
  return r.json().id;
}

const kader = (jaar, body) => w.programmabureau.call('PUT', `/verantwoordingskaders/${jaar}`, body);
const dien = (b, doc, who = w.aanvrager) => who.post(`/beschikkingen/${b}/verantwoordingen`, doc);

/** A document with exactly the budgeted one-off costs of 2027. */
function conform() {
  return { jaar: 2027, regels: begroting2027.map((r) => ({ ...r })), mijlpalen: ['m1'], geen_dubbele_financiering: true };
}

before(async () => {
  // money is booked in the fund's first year (the booking clock, docs/beschikking.md §5) [003 §8b]
  srv = await startServer({ backend, args: ['--demo'], threads: 4, env: { DOORBRAAK_BOEKKLOK: '2027-10-01T09:00:00Z' } });
  w = await world(srv);
  w.nza = await inloggen(w.api, 'nza');
  const { ids } = await positief(w, 3, 'Verantwoordingsronde');
  const ronde = (await w.auditor.get(`/aanvragen/${ids[0]}`)).json().indieningsronde_id;
  toekennen(srv.dbUrl, ronde, { 'ai/2027': 20 * MLN, 'ai/2028': 20 * MLN }, ids.map((id) =>
    [id, 'ai', { 2027: 3 * MLN, 2028: 2 * MLN }]));
  vol = await beschik(ids[0], 'verleend');
  laag = await beschik(ids[1], 'verleend');
  afgewezen = await beschik(ids[2], 'afgewezen');
  const doc = (await w.auditor.get(`/aanvragen/${ids[0]}/versies/1`)).json();
  const groep = new Map();
  for (const l of doc.begroting) {
    if (l.jaar !== 2027 || l.aard !== 'eenmalig') continue;
    const k = `${l.zorgaanbieder}/${l.kostensoort}`;
    const g = groep.get(k) || { zorgaanbieder: l.zorgaanbieder, kostensoort: l.kostensoort, aard: 'eenmalig', doel: l.doel, bedrag_cent: 0 };
    g.bedrag_cent += l.bedrag_cent;
    groep.set(k, g);
  }
  begroting2027 = [...groep.values()];
});

after(async () => {
  if (srv) await srv.stop();
});

test('no accountability before the programme office set the year\'s framework; the framework with every problem at once', async () => {
  assert.deepEqual(codes(problem(await dien(vol, conform()), 409)), ['geen_kader']);
  let p = problem(await kader(2027, { tolerantie_bp: 20000, accountant_vanaf_cent: -1, deadline: 'morgen', extra: 1 }), 400);
  assert.deepEqual(codes(p).sort(), ['buiten_bereik', 'geen_moment', 'negatief', 'unknown'].sort());
  problem(await w.aanvrager.call('PUT', '/verantwoordingskaders/2027', { tolerantie_bp: 1000, accountant_vanaf_cent: 0, deadline: '2028-03-31T23:59:59Z' }), 403);
  problem(await kader(1999, { tolerantie_bp: 1000, accountant_vanaf_cent: 0, deadline: '2028-03-31T23:59:59Z' }), 404);
  const r = await kader(2027, { tolerantie_bp: 1000, accountant_vanaf_cent: 1, deadline: '2099-03-31T23:59:59Z' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json().tolerantie_bp, 1000);
  const lijst = (await w.beoordelaar.get('/verantwoordingskaders')).json().verantwoordingskaders;
  assert.deepEqual(lijst.map((k) => k.jaar), [2027]);
});

test('the lead adds the accountant\'s statement as an attachment, then accounts for 2027: the budgeted costs pass every rule', async () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const b = await w.api.request('POST', `/api/v1/beschikkingen/${laag}/verantwoordingen/2027/bijlagen?naam=accountantsverklaring.pdf`,
    { headers: { cookie: `__Host-doorbraak=${w.aanvrager.cookie}`, 'x-csrf-token': w.aanvrager.csrf, 'content-type': 'application/pdf' }, body: pdf });
  assert.equal(b.status, 201, b.text);
  assert.equal(b.json().sha256, createHash('sha256').update(pdf).digest('hex'));
  const r = await dien(laag, conform());
  assert.equal(r.status, 201, r.text);
  const v = r.json();
  assert.equal(v.jaar, 2027);
  assert.equal(v.toetsing.compleet, true, JSON.stringify(v.toetsing.bevindingen));
  assert.deepEqual(v.toetsing.bevindingen, []);
  const som = begroting2027.reduce((s, x) => s + x.bedrag_cent, 0);
  assert.equal(v.totaal_cent, som);
  assert.equal(v.aanvaardbaar_cent, som);
  assert.equal(v.te_laat, false);
  // once per year
  assert.deepEqual(codes(problem(await dien(laag, conform()), 409)), ['al_ingediend']);
  // the parties read it with its documents; the NZa downloads the statement
  const antwoord = (await w.beoordelaar.get(`/beschikkingen/${laag}/verantwoordingen`)).json();
  const lijst = antwoord.verantwoordingen;
  assert.equal(lijst.length, 1);
  // beside them what the forms need: the years, the budget per year, the providers by name, the milestones
  assert.deepEqual(antwoord.project.jaren, [2027, 2028]);
  const b27 = antwoord.project.begroting.filter((x) => x.jaar === 2027 && x.aard === 'eenmalig').reduce((s, x) => s + x.bedrag_cent, 0);
  assert.equal(b27, begroting2027.reduce((s, x) => s + x.bedrag_cent, 0));
  assert.ok(antwoord.project.deelnemers.every((d) => typeof d.naam === 'string' && d.naam.length > 0));
  assert.ok(antwoord.project.mijlpalen.includes('m1'));
  assert.equal((await w.auditor.get(`/beschikkingen/${afgewezen}/verantwoordingen`)).json().project, null);
  assert.deepEqual(lijst[0].bijlagen.map((x) => x.naam), ['accountantsverklaring.pdf']);
  const d = await w.nza.get(`/bijlagen/${lijst[0].bijlagen[0].id}`);
  assert.equal(d.status, 200);
  assert.ok(d.buffer.equals(pdf));
  problem(await w.west.get(`/beschikkingen/${laag}/verantwoordingen`), 404);
});

test('findings with their sources do not block: structural costs, hulpmiddelen, an outsider, no declaration, a deviation, no statement', async () => {
  const doc = conform();
  doc.regels[0].bedrag_cent = Math.round(doc.regels[0].bedrag_cent * 1.5);   // 50 % above budget, no explanation
  doc.regels.push({ zorgaanbieder: doc.regels[0].zorgaanbieder, kostensoort: 'materieel', aard: 'structureel', doel: 'overig', bedrag_cent: 1000 });
  doc.regels.push({ zorgaanbieder: doc.regels[0].zorgaanbieder, kostensoort: 'materieel', aard: 'eenmalig', doel: 'aanschaf_hulpmiddelen', bedrag_cent: 2000 });
  doc.regels.push({ zorgaanbieder: w.org.huisartsen, kostensoort: 'personeel', aard: 'eenmalig', doel: 'implementatie', bedrag_cent: 3000 });
  doc.geen_dubbele_financiering = false;
  const r = await dien(vol, doc);
  assert.equal(r.status, 201, r.text);
  const t = r.json().toetsing;
  assert.equal(t.compleet, false);
  const gevonden = new Map(t.bevindingen.map((b) => [b.code, b]));
  for (const [code, bron] of [['structureel', '[004 BE8]'], ['hulpmiddelen', '[002 §4.1]'], ['geen_deelnemer', '[001 §5]'],
    ['dubbele_financiering', '[001 §5]'], ['afwijking_zonder_toelichting', '[001 §5]'], ['accountantsverklaring', '[001 §5]']]) {
    assert.ok(gevonden.has(code), `${code}: ${JSON.stringify(t.bevindingen)}`);
    assert.equal(gevonden.get(code).bron, bron);
  }
  assert.ok(t.bevindingen.some((b) => b.code === 'afwijking_zonder_toelichting' && b.veld === '/regels/0/toelichting'
    && b.uitkomst === 'niet_voldaan'), 'the line 50 % above its budget');
  assert.equal(t.aanvaardbaar_cent, t.totaal_cent - 1000 - 2000 - 3000);
});

test('a request for information reopens the year: the lead answers with a new version, the old one stays as history', async () => {
  const v1 = (await w.beoordelaar.get(`/beschikkingen/${vol}/verantwoordingen`)).json().verantwoordingen.find((v) => v.jaar === 2027);
  assert.equal(v1.informatieverzoek, null);
  const pad = `/verantwoordingen/${v1.id}/informatieverzoeken`;
  assert.deepEqual(codes(problem(await w.beoordelaar.post(pad, { vraag: ' ', extra: 1 }), 400)).sort(), ['unknown', 'vraag_ontbreekt']);
  problem(await w.zuid.post(pad, { vraag: 'Waarom?' }), 403);
  problem(await w.west.post(pad, { vraag: 'Waarom?' }), 404);
  problem(await w.aanvrager.post(pad, { vraag: 'Waarom?' }), 403);
  let r = await w.beoordelaar.post(pad, { vraag: 'Stuur de urenregistratie bij de eerste regel.' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().informatieverzoek.vraag, 'Stuur de urenregistratie bij de eerste regel.');
  // the lead hears of it, with the source, and is led to the accounting (docs/berichten.md)
  const bericht = (await w.aanvrager.get('/berichten')).json().berichten[0];
  assert.deepEqual([bericht.soort, bericht.pad], ['informatie_gevraagd', `/beschikkingen/${vol}/verantwoording`]);
  assert.match(bericht.onderwerp, /^Informatie gevraagd over uw verantwoording 2027: /);
  assert.match(bericht.tekst, /\[001 §5\]/);
  assert.deepEqual(codes(problem(await w.beoordelaar.post(pad, { vraag: 'Nog een vraag.' }), 409)), ['informatie_gevraagd']);
  // the version asked about is not tested: the answer is
  assert.deepEqual(codes(problem(await w.beoordelaar.post(`/verantwoordingen/${v1.id}/plausibiliteitstoets`, { oordelen: [] }), 409)),
    ['informatie_gevraagd']);
  r = await dien(vol, v1.document);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().versie, 2);
  assert.equal(r.json().informatieverzoek, null);
  // one answer per request; the old version is history
  assert.deepEqual(codes(problem(await dien(vol, v1.document), 409)), ['al_ingediend']);
  assert.deepEqual(codes(problem(await w.beoordelaar.post(pad, { vraag: 'Nog een vraag.' }), 409)), ['niet_nieuwste']);
  const jaar = (await w.nza.get(`/beschikkingen/${vol}/verantwoordingen`)).json().verantwoordingen.filter((v) => v.jaar === 2027);
  assert.deepEqual(jaar.map((v) => [v.versie, v.informatieverzoek && v.informatieverzoek.vraag]),
    [[1, 'Stuur de urenregistratie bij de eerste regel.'], [2, null]]);
});

test('the coordinating insurer judges every line for plausibility; the plausible amount of the year; once', async () => {
  const v = (await w.beoordelaar.get(`/beschikkingen/${vol}/verantwoordingen`)).json().verantwoordingen.filter((x) => x.jaar === 2027).at(-1);
  assert.equal(v.plausibiliteit, null);
  const n = v.document.regels.length;
  const pad = `/verantwoordingen/${v.id}/plausibiliteitstoets`;
  // not every line, and the lines the rules found against accepted without a motivation
  let p = problem(await w.beoordelaar.post(pad, { oordelen: v.document.regels.map((_, i) => ({ regel: i, oordeel: 'aanvaard' })).slice(1) }), 400);
  assert.ok(codes(p).includes('regel_zonder_oordeel') && codes(p).includes('motivering_ontbreekt'), JSON.stringify(p.errors));
  problem(await w.zuid.post(pad, { oordelen: [] }), 403);
  problem(await w.west.post(pad, { oordelen: [] }), 404);
  problem(await w.aanvrager.post(pad, { oordelen: [] }), 403);
  // accept what the rules let through, lower the line above its budget, reject the rest
  const bezwaar = new Set(v.toetsing.bevindingen.filter((b) => b.uitkomst === 'niet_voldaan' && /^\/regels\/\d+\//.test(b.veld))
    .map((b) => Number(b.veld.split('/')[2])));
  const budget0 = begroting2027[0].bedrag_cent;
  const oordelen = v.document.regels.map((r, i) => {
    if (i === 0) return { regel: 0, oordeel: 'lager', bedrag_cent: budget0, motivering: 'Alleen het begrote bedrag is onderbouwd.' };
    if (bezwaar.has(i)) return { regel: i, oordeel: 'afgewezen', motivering: 'Niet te vergoeden volgens de regels.' };
    return { regel: i, oordeel: 'aanvaard' };
  });
  const r = await w.beoordelaar.post(pad, { oordelen });
  assert.equal(r.status, 201, r.text);
  const verwacht = v.document.regels.reduce((s, x, i) => s + (i === 0 ? budget0 : bezwaar.has(i) ? 0 : x.bedrag_cent), 0);
  assert.equal(r.json().plausibiliteit.plausibel_cent, verwacht);
  assert.equal(r.json().plausibiliteit.oordelen[0].oordeel, 'lager');
  assert.deepEqual(codes(problem(await w.beoordelaar.post(pad, { oordelen }), 409)), ['al_getoetst']);
  const gelezen = (await w.nza.get(`/beschikkingen/${vol}/verantwoordingen`)).json().verantwoordingen.find((x) => x.id === v.id);
  assert.equal(gelezen.plausibiliteit.plausibel_cent, verwacht);
});

test('refusals store nothing: a real amount, another party, an insurer, a refused beschikking, a year outside the framework or the project', async () => {
  const voor = (await w.auditor.get(`/beschikkingen/${vol}/verantwoordingen`)).json().verantwoordingen.length;
  const doc = conform();
  doc.jaar = 2028;
  doc.regels[0].bedrag_cent = 12.5;
  assert.deepEqual(codes(problem(await dien(vol, doc), 400)), ['type']);
  problem(await dien(vol, { ...conform(), jaar: 2028 }, w.vvt), 403);
  problem(await dien(vol, { ...conform(), jaar: 2028 }, w.beoordelaar), 403);
  problem(await dien(vol, { ...conform(), jaar: 2028 }, w.west), 403);
  assert.deepEqual(codes(problem(await dien(afgewezen, conform()), 409)), ['niet_verleend']);
  assert.deepEqual(codes(problem(await dien(vol, { ...conform(), jaar: 2028 }), 409)), ['geen_kader']);
  // costs of a year the beschikking has no upper bound for: refused, not stored with a finding
  assert.deepEqual(codes(problem(await dien(vol, { ...conform(), jaar: 2031 }), 409)).sort(), ['geen_kader', 'geen_projectjaar']);
  assert.equal((await w.auditor.get(`/beschikkingen/${vol}/verantwoordingen`)).json().verantwoordingen.length, voor);
});

test('reclaim: once every year is tested, what was paid beyond the plausible costs of the project goes back from the insurer', async () => {
  const ver = (await w.beoordelaar.get(`/beschikkingen/${laag}`)).json();
  // milestones m1 and m2 reported and paid: EUR 1 mln + 1.25 mln
  for (const m of ['m1', 'm2']) {
    assert.equal((await w.aanvrager.post(`/beschikkingen/${laag}/mijlpalen/${m}/meldingen`, { bewijs: 'Verslag.' })).status, 201);
    assert.equal((await w.beoordelaar.post(`/beschikkingen/${laag}/mijlpalen/${m}/betalingen`, {})).status, 201);
  }
  const betaald = 2.25 * MLN;
  // 2027 tested: only its first line is plausible; not every year is tested yet, so nothing is reclaimed
  const v27 = (await w.beoordelaar.get(`/beschikkingen/${laag}/verantwoordingen`)).json().verantwoordingen[0];
  const eerste = v27.document.regels[0].bedrag_cent;
  let r = await w.beoordelaar.post(`/verantwoordingen/${v27.id}/plausibiliteitstoets`, { oordelen: v27.document.regels.map((x, i) =>
    (i === 0 ? { regel: 0, oordeel: 'aanvaard' } : { regel: i, oordeel: 'afgewezen', motivering: 'Geen facturen.' })) });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().terugvordering_cent, 0);
  // 2028 accounted and tested: the project's years are complete
  assert.equal((await kader(2028, { tolerantie_bp: 1000, accountant_vanaf_cent: 0, deadline: '2099-03-31T23:59:59Z' })).status, 200);
  const lijn = { ...begroting2027[0], bedrag_cent: 1000000, toelichting: 'Minder inzet dan begroot.' };
  r = await dien(laag, { jaar: 2028, regels: [lijn], mijlpalen: [], geen_dubbele_financiering: true });
  assert.equal(r.status, 201, r.text);
  const v28 = r.json();
  const voor = await w.nza.get('/grootboek/journaal');
  r = await w.beoordelaar.post(`/verantwoordingen/${v28.id}/plausibiliteitstoets`, { oordelen: [{ regel: 0, oordeel: 'aanvaard', motivering: 'Toegelicht.' }] });
  assert.equal(r.status, 201, r.text);
  const terug = betaald - (eerste + 1000000);
  assert.ok(terug > 0);
  assert.equal(r.json().terugvordering_cent, terug);
  const boekingen = (await w.nza.get('/grootboek/boekingen?limiet=1000')).json().boekingen;
  const e = boekingen.find((x) => x.sleutel === `terugvordering/${ver.aanvraag_id}`);
  assert.ok(e, 'the reclaim is a ledger entry');
  assert.equal(e.debet, 'verzekeraar/9001/betaald');
  assert.equal(e.credit, `project/${ver.aanvraag_id}`);
  assert.equal(e.bedrag_cent, terug);
  assert.notEqual((await w.nza.get('/grootboek/journaal')).text, voor.text);
});

/** SQL on the server's database (the test's own tampering); '' when sqlite3 is missing. */
function sql(query) {
  if (backend === 'postgresql') return psql(srv.dbUrl, query).trim();
  const r = spawnSync('sqlite3', [srv.dbUrl, query], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return r.stdout.trim();
}

test('a wrong payment is corrected by a compensating entry with a reason, never an edit; every problem at once', async () => {
  const pad = (m) => `/beschikkingen/${vol}/mijlpalen/${m}/correcties`;
  assert.equal((await w.aanvrager.post(`/beschikkingen/${vol}/mijlpalen/m1/meldingen`, { bewijs: 'Verslag.' })).status, 201);
  let r = await w.beoordelaar.post(`/beschikkingen/${vol}/mijlpalen/m1/betalingen`, {});
  assert.equal(r.status, 201, r.text);
  const betaald = r.json().mijlpaal.betaling.bedrag_cent;
  const voor = (await w.nza.get('/grootboek/boekingen?limiet=1000')).json().boekingen.length;
  let p = problem(await w.beoordelaar.post(pad('m1'), { bedrag_cent: 0.5, reden: ' ', extra: 1 }), 400);
  assert.deepEqual(codes(p).sort(), ['reden_ontbreekt', 'type', 'unknown'].sort());
  assert.deepEqual(codes(problem(await w.beoordelaar.post(pad('m1'), { bedrag_cent: 0, reden: 'Fout.' }), 400)), ['bedrag_nul']);
  assert.deepEqual(codes(problem(await w.beoordelaar.post(pad('m2'), { bedrag_cent: -1, reden: 'Fout.' }), 409)), ['niet_betaald']);
  assert.deepEqual(codes(problem(await w.beoordelaar.post(pad('m1'), { bedrag_cent: -betaald - 1, reden: 'Fout.' }), 409)), ['onder_nul']);
  assert.deepEqual(codes(problem(await w.beoordelaar.post(pad('m1'), { bedrag_cent: 21 * MLN, reden: 'Fout.' }), 409)), ['boven_bovengrens']);
  problem(await w.aanvrager.post(pad('m1'), { bedrag_cent: -1, reden: 'Fout.' }), 403);
  problem(await w.zuid.post(pad('m1'), { bedrag_cent: -1, reden: 'Fout.' }), 403);
  problem(await w.west.post(pad('m1'), { bedrag_cent: -1, reden: 'Fout.' }), 404);
  assert.equal((await w.nza.get('/grootboek/boekingen?limiet=1000')).json().boekingen.length, voor, 'refusals book nothing');
  // a quarter too much was paid: back; then 10,000 cent too little: on top
  r = await w.beoordelaar.post(pad('m1'), { bedrag_cent: -Math.floor(betaald / 4), reden: 'Tarief verkeerd overgenomen.' });
  assert.equal(r.status, 201, r.text);
  r = await w.beoordelaar.post(pad('m1'), { bedrag_cent: 10000, reden: 'Indexering vergeten.' });
  assert.equal(r.status, 201, r.text);
  const m = r.json().mijlpaal;
  assert.equal(m.betaling.bedrag_cent, betaald, 'the payment itself is unchanged');
  assert.deepEqual(m.correcties.map((k) => [k.volgnummer, k.bedrag_cent, k.reden]),
    [[1, -Math.floor(betaald / 4), 'Tarief verkeerd overgenomen.'], [2, 10000, 'Indexering vergeten.']]);
  assert.equal(m.netto_betaald_cent, betaald - Math.floor(betaald / 4) + 10000);
  const aanvraag = (await w.beoordelaar.get(`/beschikkingen/${vol}`)).json().aanvraag_id;
  const boekingen = (await w.nza.get('/grootboek/boekingen?limiet=1000')).json().boekingen;
  const terug = boekingen.find((x) => x.sleutel === `mijlpaal/${aanvraag}/m1/correctie/1`);
  assert.deepEqual([terug.debet, terug.credit, terug.bedrag_cent], ['verzekeraar/9001/betaald', `project/${aanvraag}`, Math.floor(betaald / 4)]);
  const bij = boekingen.find((x) => x.sleutel === `mijlpaal/${aanvraag}/m1/correctie/2`);
  assert.deepEqual([bij.debet, bij.credit, bij.bedrag_cent], [`project/${aanvraag}`, 'verzekeraar/9001/betaald', 10000]);
  const n = sql(`SELECT count(*) FROM auditlog WHERE actie = 'mijlpaal.corrigeer' AND resultaat = 'gelukt'`);
  if (n !== null) assert.equal(Number(n), 2, 'each correction has its audit record');
});

test('the insurer\'s yearly statement: every project it coordinates, reconciled with the ledger, in order of the years, once', async () => {
  problem(await w.aanvrager.post('/jaarstaten', { jaar: 2027 }), 403);
  assert.deepEqual(codes(problem(await w.beoordelaar.post('/jaarstaten', { jaar: 1999 }), 400)), ['buiten_bereik']);
  // 2028: the lead of `vol` has not accounted for it
  let p = problem(await w.beoordelaar.post('/jaarstaten', { jaar: 2028 }), 409);
  assert.deepEqual(codes(p), ['niet_getoetst']);
  assert.match(p.errors[0].detail, /niet ingediend/);
  // 2027, the year everything was booked in: the milestones paid, corrected and reclaimed, as the
  // ledger has them; both projects tested, per project the smaller of the plausible costs and what
  // was paid less reclaimed
  const mijlpalen = (await w.auditor.get(`/beschikkingen/${vol}/mijlpalen`)).json().mijlpalen;
  const nettoVol = mijlpalen.reduce((s, m) => s + m.netto_betaald_cent, 0);
  const brutoVol = mijlpalen.reduce((s, m) => s + (m.betaling ? m.betaling.bedrag_cent : 0), 0);
  assert.ok(mijlpalen.filter((m) => m.betaling).every((m) => m.betaling.jaar === 2027), 'paid in the booking clock\'s year');
  let r = await w.beoordelaar.post('/jaarstaten', { jaar: 2027 });
  assert.equal(r.status, 201, r.text);
  const s27 = r.json();
  assert.equal(s27.betaald_cent, 2.25 * MLN + brutoVol);
  assert.equal(s27.gecorrigeerd_cent, nettoVol - brutoVol);
  assert.equal(s27.projecten.find((x) => x.beschikking_id === vol).gecorrigeerd_cent, nettoVol - brutoVol);
  const terug = s27.projecten.find((x) => x.beschikking_id === laag).teruggevorderd_cent;
  assert.equal(s27.teruggevorderd_cent, terug);
  assert.ok(terug > 0);
  const lijst = async (b) => (await w.auditor.get(`/beschikkingen/${b}/verantwoordingen`)).json().verantwoordingen;
  const p27 = async (b) => (await lijst(b)).filter((v) => v.jaar === 2027 && v.plausibiliteit).reduce((som, v) => som + v.plausibiliteit.plausibel_cent, 0);
  const [pVol, pLaag] = [await p27(vol), await p27(laag)];
  assert.equal(s27.plausibel_cent, pVol + pLaag);
  assert.deepEqual(s27.projecten.map((x) => x.beschikking_id).sort(), [vol, laag].sort());
  assert.equal(s27.te_vereffenen_cent, Math.min(pVol, nettoVol) + Math.min(pLaag, 2.25 * MLN - terug));
  assert.ok(s27.te_vereffenen_cent < s27.plausibel_cent, 'never more than was paid');
  assert.deepEqual(codes(problem(await w.beoordelaar.post('/jaarstaten', { jaar: 2027 }), 409)), ['al_ingediend']);
  // a correction now would fall outside the submitted statement
  assert.deepEqual(codes(problem(await w.beoordelaar.post(`/beschikkingen/${vol}/mijlpalen/m1/correcties`,
    { bedrag_cent: -1, reden: 'Te laat.' }), 409)), ['jaarstaat_ingediend']);
  // 2029: no project year and nothing booked in it
  r = await w.beoordelaar.post('/jaarstaten', { jaar: 2029 });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.json().betaald_cent, r.json().gecorrigeerd_cent, r.json().plausibel_cent], [0, 0, 0], r.text);
  // a year before a submitted one: the years are stated in order
  assert.ok(codes(problem(await w.beoordelaar.post('/jaarstaten', { jaar: 2025 }), 409)).includes('latere_jaarstaat'));
  // who reads them
  assert.equal((await w.nza.get('/jaarstaten')).json().jaarstaten.length, 2);
  assert.equal((await w.nza.get('/jaarstaten?jaar=2029')).json().jaarstaten.length, 1);
  assert.deepEqual((await w.zuid.get('/jaarstaten')).json().jaarstaten, []);
  problem(await w.aanvrager.get('/jaarstaten'), 403);
  // a payment without its ledger entry (tampered with here) makes the statement not reconcile
  const boeking = sql(`SELECT min(id) FROM grootboek_boeking WHERE code <> 'mijlpaal.betaling'`);
  if (!boeking) return;
  sql(`INSERT INTO mijlpaal_melding (beschikking_id, mijlpaal, bewijs, gemeld_op, gemeld_door) VALUES (${vol}, 'm5', 'x', '2030-01-01T00:00:00Z', 'test')`);
  sql(`INSERT INTO mijlpaal_betaling (beschikking_id, mijlpaal, bedrag_cent, jaar, verzekeraar_id, boeking_id, betaald_op, betaald_door) VALUES (${vol}, 'm5', 100, 2030, ${w.org.noord}, ${boeking}, '2030-01-01T00:00:00Z', 'test')`);
  p = problem(await w.beoordelaar.post('/jaarstaten', { jaar: 2030 }), 409);
  assert.ok(codes(p).includes('sluit_niet_aan'), JSON.stringify(p.errors));
  assert.equal((await w.nza.get('/jaarstaten?jaar=2030')).json().jaarstaten.length, 0);
});

test('NZa\'s yearly judgement on a statement: plausible, lower with findings and sources, every problem at once, once', async () => {
  const staten = (await w.nza.get('/jaarstaten')).json().jaarstaten;
  const s27 = staten.find((x) => x.jaar === 2027);
  const sNu = staten.find((x) => x.jaar !== 2027);
  assert.equal(s27.rechtsoordeel, null);
  const pad = (x) => `/jaarstaten/${x.id}/rechtsoordeel`;
  let p = problem(await w.nza.post(pad(s27), { oordeel: 'misschien', motivering: ' ', erkend_cent: 1.5, extra: true }), 400);
  assert.deepEqual(codes(p).sort(), ['bevinding_ontbreekt', 'motivering_ontbreekt', 'onbekend', 'type', 'unknown'].sort());
  p = problem(await w.nza.post(pad(s27), { oordeel: 'lager', erkend_cent: s27.te_vereffenen_cent, motivering: 'Te hoog.',
    bevindingen: [{ code: 'personeel', bron: '[001 §5]', tekst: 'Uren niet onderbouwd.' }] }), 400);
  assert.deepEqual(codes(p), ['bedrag_niet_lager']);
  p = problem(await w.nza.post(pad(s27), { oordeel: 'plausibel', erkend_cent: s27.te_vereffenen_cent + 1, motivering: 'Getoetst.' }), 400);
  assert.deepEqual(codes(p), ['bedrag_niet_gelijk']);
  p = problem(await w.nza.post(pad(s27), { oordeel: 'niet_plausibel', erkend_cent: 5, motivering: 'Niet onderbouwd.',
    bevindingen: [{ code: 'geen_onderbouwing', bron: '[001 §5]', tekst: 'Geen facturen.' }] }), 400);
  assert.deepEqual(codes(p), ['bedrag_niet_nul']);
  problem(await w.beoordelaar.post(pad(s27), { oordeel: 'plausibel', motivering: 'x' }), 403);
  problem(await w.nza.post('/jaarstaten/999999/rechtsoordeel', { oordeel: 'plausibel', motivering: 'Getoetst.' }), 404);
  problem(await w.nza.get(`/jaarstaten/${s27.id}/rechtsoordeel/document`), 404);   // not judged yet
  const lager = Math.floor(s27.te_vereffenen_cent / 2);
  let r = await w.nza.post(pad(s27), { oordeel: 'lager', erkend_cent: lager, motivering: 'Een deel van de personele kosten is niet onderbouwd.',
    bevindingen: [{ code: 'personeel_niet_onderbouwd', bron: '[001 §5]', tekst: 'Urenregistratie ontbreekt voor twee aanbieders.' }] });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().rechtsoordeel.erkend_cent, lager);
  assert.equal(r.json().rechtsoordeel.bevindingen[0].bron, '[001 §5]');
  assert.deepEqual(codes(problem(await w.nza.post(pad(s27), { oordeel: 'plausibel', motivering: 'Getoetst.' }), 409)), ['al_geoordeeld']);
  r = await w.nza.post(pad(sNu), { oordeel: 'plausibel', motivering: 'De kosten zijn plausibel.' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().rechtsoordeel.erkend_cent, sNu.te_vereffenen_cent);
  // the judgement as a document, HTML and PDF, for NZa, the Zorginstituut, the auditor and the insurer itself
  const html = await w.beoordelaar.get(`/jaarstaten/${s27.id}/rechtsoordeel/document`);
  assert.equal(html.status, 200, html.text);
  assert.match(html.contentType, /^text\/html/);
  assert.match(html.headers['content-security-policy'], /default-src 'none'; style-src 'sha256-/);
  for (const t of ['Bestuurlijk rechtsoordeel doorbraakmiddelen 2027', 'plausibel voor een lager bedrag',
    'personeel_niet_onderbouwd', '[001 §5]', 'Urenregistratie ontbreekt voor twee aanbieders.', 'Grondslag',
    // fit to send (issue 18): addressed, dated in Dutch, signed by the named official, the objection clause
    'Demo Zorgverzekeraar Noord (UZOVI 9001), coördinerend zorgverzekeraar', 'Geachte heer, mevrouw,',
    'Nederlandse Zorgautoriteit (NZa), namens deze,', 'drs. Eva de Groot, directeur Zorgmarkten Cure',
    'bezwaar maken bij de Nederlandse Zorgautoriteit (NZa)', 'artikelen 6:7 en 6:8 van de Algemene wet bestuursrecht']) {
    assert.ok(html.text.includes(t), `the judgement names ${t}`);
  }
  const pdf = await w.auditor.get(`/jaarstaten/${s27.id}/rechtsoordeel/document.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.contentType, 'application/pdf');
  assert.equal(pdf.buffer.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.buffer.includes('Bestuurlijk rechtsoordeel'), 'the PDF carries the text');
  problem(await w.zuid.get(`/jaarstaten/${s27.id}/rechtsoordeel/document`), 404);
  problem(await w.aanvrager.get(`/jaarstaten/${s27.id}/rechtsoordeel/document`), 403);
  // the insurer reads its statements with the judgements
  const eigen = (await w.beoordelaar.get('/jaarstaten')).json().jaarstaten;
  assert.deepEqual(eigen.map((x) => x.rechtsoordeel.oordeel).sort(), ['lager', 'plausibel']);
});

test('the Zorginstituut settles what NZa recognised, fully and once, booked and exported', async () => {
  const zi = await inloggen(w.api, 'zorginstituut');
  const nu = 2029;   // the second statement's year
  const staten = (await w.nza.get('/jaarstaten')).json().jaarstaten;
  const s27 = staten.find((x) => x.jaar === 2027);
  const sNu = staten.find((x) => x.jaar === nu);
  const noord = s27.verzekeraar_id;
  problem(await w.nza.post('/vereveningen', { verzekeraar_id: noord, jaar: 2027 }), 403);
  assert.deepEqual(codes(problem(await zi.post('/vereveningen', { verzekeraar_id: noord, jaar: 20270 }), 400)), ['buiten_bereik']);
  assert.deepEqual(codes(problem(await zi.post('/vereveningen', { verzekeraar_id: noord, jaar: 2030 }), 409)), ['geen_rechtsoordeel']);
  const erkend = s27.rechtsoordeel.erkend_cent;
  assert.deepEqual(codes(problem(await zi.post('/vereveningen', { verzekeraar_id: noord, jaar: 2027, bedrag_cent: erkend + 1 }), 409)), ['boven_rechtsoordeel']);
  assert.deepEqual(codes(problem(await zi.post('/vereveningen', { verzekeraar_id: noord, jaar: 2027, bedrag_cent: erkend - 1 }), 409)), ['onder_rechtsoordeel']);
  let r = await zi.post('/vereveningen', { verzekeraar_id: noord, jaar: 2027, bedrag_cent: erkend });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().bedrag_cent, erkend);
  assert.equal(r.json().uzovi_code, '9001');
  const boeking = (await w.nza.get('/grootboek/boekingen?limiet=1000')).json().boekingen.find((x) => x.sleutel === 'verevening/9001/2027');
  assert.ok(boeking, 'the settlement is a ledger entry');
  assert.deepEqual([boeking.debet, boeking.credit, boeking.bedrag_cent], ['zorgverzekeringsfonds', 'verzekeraar/9001/verevend', erkend]);
  assert.deepEqual(codes(problem(await zi.post('/vereveningen', { verzekeraar_id: noord, jaar: 2027 }), 409)), ['al_verevend']);
  // this year's statement (nothing to settle: 0) once as well; two servers at once: tests/concurrency
  r = await zi.post('/vereveningen', { verzekeraar_id: noord, jaar: nu });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(codes(problem(await zi.post('/vereveningen', { verzekeraar_id: noord, jaar: nu }), 409)), ['al_verevend']);
  const lijst = (await w.nza.get('/vereveningen')).json().vereveningen;
  assert.deepEqual(lijst.map((x) => [x.jaar, x.bedrag_cent]), [[2027, erkend], [nu, sNu.rechtsoordeel.erkend_cent]].sort((x, y) => x[0] - y[0]));
  assert.equal((await w.beoordelaar.get('/vereveningen')).json().vereveningen.length, 2);
  assert.deepEqual((await w.zuid.get('/vereveningen')).json().vereveningen, []);
  problem(await w.aanvrager.get('/vereveningen'), 403);
  const csv = await zi.get('/vereveningen/export?jaar=2027');
  assert.equal(csv.status, 200);
  assert.match(csv.contentType, /^text\/csv/);
  assert.equal(csv.headers['content-disposition'], 'attachment; filename="vereveningen-2027.csv"');
  // the same as a spreadsheet: numbers as numbers, the amount exact in cents and in euros by formula
  const xlsx = await zi.get('/vereveningen/export?jaar=2027&formaat=xlsx');
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.contentType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(xlsx.headers['content-disposition'], 'attachment; filename="vereveningen-2027.xlsx"');
  const blad = spawnSync('python3', ['-c', 'import sys, zipfile, io; z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()));'
    + ' print(z.read("xl/worksheets/sheet1.xml").decode())'], { input: xlsx.buffer, encoding: 'utf8' });
  assert.equal(blad.status, 0, blad.stderr);
  assert.ok(blad.stdout.includes(`<c r="E2" s="3"><v>${erkend}</v></c>`) || new RegExp(`<c r="E2"[^>]*><v>${erkend}</v>`).test(blad.stdout), blad.stdout.slice(0, 2000));
  assert.match(blad.stdout, /<c r="D2"[^>]*><f>E2\/100<\/f>/);
  assert.deepEqual(codes(problem(await zi.get('/vereveningen/export?formaat=pdf'), 400)), ['onbekend']);
  // the settlement as a document
  const v27 = lijst.find((x) => x.jaar === 2027);
  const doc = await w.beoordelaar.get(`/vereveningen/${v27.id}/document`);
  assert.equal(doc.status, 200, doc.text);
  for (const t of ['Nacalculatie doorbraakmiddelen 2027', 'Zorginstituut Nederland', 'macrobeheersinstrument', '[003] Aanvullend',
    'Zorginstituut Nederland, namens deze,', 'Peter van Dijk, adviseur risicoverevening', 'bezwaar maken bij Zorginstituut Nederland']) {
    assert.ok(doc.text.includes(t), `the settlement names ${t}`);
  }
  const dpdf = await zi.get(`/vereveningen/${v27.id}/document.pdf`);
  assert.equal(dpdf.status, 200);
  assert.equal(dpdf.buffer.subarray(0, 5).toString(), '%PDF-');
  problem(await w.zuid.get(`/vereveningen/${v27.id}/document`), 404);
  problem(await w.aanvrager.get(`/vereveningen/${v27.id}/document.pdf`), 403);
  const regels = csv.text.trim().split('\r\n');
  assert.equal(regels[0], 'jaar;uzovi_code;verzekeraar;bedrag_euro;bedrag_cent;rechtsoordeel_id;boeking_id;verevend_op');
  assert.equal(regels.length, 2);
  assert.equal(regels[1].split(';')[4], String(erkend));
});

test('the audit chain holds and the ledger replays', async () => {
  const { doorbraak } = await import('../lib/server.mjs');
  const v = doorbraak(['--db', srv.dbUrl, 'audit', 'verify']);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  const h = doorbraak(['--db', srv.dbUrl, 'grootboek', 'herspeel']);
  assert.equal(h.status, 0, h.stdout + h.stderr);
});

await run();
