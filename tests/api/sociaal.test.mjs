// SPDX-License-Identifier: EUPL-1.2
//
// sociaal.test.mjs -- the social-domain track, black-box on the backend in
// DOORBRAAK_TEST_BACKEND (docs/sociaal-domein.md): the shipped regions, a
// region set published by the programme office with every refusal at once,
// the regioscan (JSON and CSV, every bad row at once), the work agenda by the
// mandaatgemeente with its deviations from the scan (pas toe of leg uit),
// signatures by every municipality, the two-party assessment by VNG and ZN;
// the SPUK allocation exact to the cent, decisions, payment, accountability
// with the reclaim in the ledger; progress and its overview and export;
// every refusal a clear problem with nothing stored.

import { after, assert, before, codes, problem, run, setSuite, test } from '../lib/harness.mjs';
import { inloggen } from '../lib/indiening.mjs';
import { GEEN_DEMOKETEN, startServer, testBackend } from '../lib/server.mjs';
import { client } from '../lib/http.mjs';

const backend = testBackend();
setSuite(`api/sociaal [${backend}]`);

let srv;
const w = {};
let bf = [];       // the catalogue's basisfunctionaliteiten (ids)

const csv = (who, tekst) => client(srv.url).request('POST', '/api/v1/regioscans/import', { headers: {
  cookie: `__Host-doorbraak=${who.cookie}`, 'x-csrf-token': who.csrf, 'content-type': 'text/csv' }, body: tekst });

/** The shipped region set with VR01 split: T01 = Groningen (mandaat) + Stadskanaal. */
async function testindeling() {
  const huidig = (await w.anoniem.get('/regioindelingen')).json().versies[0].document;
  const doc = structuredClone(huidig);
  const vr01 = doc.regios.find((r) => r.code === 'VR01');
  vr01.gemeenten = vr01.gemeenten.filter((g) => g !== '0014' && g !== '0037');
  vr01.mandaatgemeente = vr01.gemeenten[0];
  doc.regios.push({ code: 'T01', naam: 'Testregio Groningen-Stadskanaal', mandaatgemeente: '0014', gemeenten: ['0014', '0037'] });
  return doc;
}

const scan = (advies) => ({ regio: 'T01', meting: 'nulmeting', gezamenlijk_advies: 'Versnel valpreventie en sociaal verwijzen.',
  basisfunctionaliteiten: bf.map((id, i) => ({ id, niveau: i % 4, advies: advies(id) })) });

const agenda = (versnel, motiveer = true) => ({ regio: 'T01', samenwerking: 'Gemeenten, GGD en zorgverzekeraar werken samen in de regiotafel.',
  basisfunctionaliteiten: bf.map((id) => versnel(id)
    ? { id, versnellen: true, doelen: 'Landelijke dekking in 2030.', arbeidsbesparing_fte_milli: 2500,
        activiteiten: 'Screening en interventies.', begroting: [{ jaar: 2027, bedrag_cent: 50000000 }, { jaar: 2028, bedrag_cent: 25000000 }],
        ...(motiveer ? { motivering_afwijking: 'De regio heeft hier al een sterke basis.' } : {}) }
    : { id, versnellen: false, ...(motiveer ? { motivering_afwijking: 'Eerst de andere functies.' } : {}) }) });

before(async () => {
  srv = await startServer({ backend, args: ['--demo'], threads: 4, env: GEEN_DEMOKETEN });
  w.anoniem = { get: (p) => client(srv.url).request('GET', `/api/v1${p}`, {}) };
  const api = client(srv.url);
  for (const n of ['programmabureau', 'gemeente', 'gemeente-stadskanaal', 'beoordelaar', 'beoordelaar-vng', 'bestuur', 'vws', 'auditor',
    'beheerder', 'beheerder-2']) {
    w[n] = await inloggen(api, n);
  }
  bf = (await w.anoniem.get('/basisfunctionaliteiten')).json().basisfunctionaliteiten.map((b) => b.id);
  assert.equal(bf.length, 6);
});
after(async () => { await srv?.stop(); });

test('the shipped regions: 25 regions, every one of the 342 municipalities once, with inhabitants', async () => {
  const r = (await w.anoniem.get('/regios')).json();
  assert.equal(r.regios.length, 25);
  const alle = r.regios.flatMap((x) => x.gemeenten.map((g) => g.cbs_code));
  assert.equal(alle.length, 342);
  assert.equal(new Set(alle).size, 342);
  assert.equal(r.regios.reduce((s, x) => s + x.inwoners, 0), 18130231);
  assert.match(r.bron, /veiligheidsregio/);
  for (const x of r.regios) assert.ok(x.gemeenten.some((g) => g.cbs_code === x.mandaatgemeente.cbs_code), x.code);
});

test('a region set with a municipality twice, one missing and a mandaatgemeente outside: every problem at once, nothing stored', async () => {
  const doc = await testindeling();
  doc.regios[0].gemeenten.push(doc.regios[1].gemeenten[0]);   // twice
  doc.regios[2].gemeenten.pop();                               // one missing
  doc.regios[3].mandaatgemeente = doc.regios[4].gemeenten[0];  // outside its region
  const p = problem(await w.programmabureau.post('/regioindelingen', doc), 400);
  for (const c of ['gemeente_dubbel', 'gemeente_zonder_regio', 'mandaatgemeente_niet_in_regio']) assert.ok(codes(p).includes(c), `${c} in ${codes(p)}`);
  assert.equal((await w.anoniem.get('/regioindelingen')).json().versies.length, 1);
  problem(await w.gemeente.post('/regioindelingen', await testindeling()), 403);
});

test('a merger is a new version: a municipality that disappears needs a samenvoeging', async () => {
  const doc = await testindeling();
  doc.peiljaar = 2026;
  const vr02 = doc.regios.find((r) => r.code === 'VR02');
  const weg = vr02.gemeenten.filter((g) => g !== vr02.mandaatgemeente).slice(0, 2);
  vr02.gemeenten = vr02.gemeenten.filter((g) => !weg.includes(g)).concat(['9901']);
  const p = problem(await w.programmabureau.post('/regioindelingen', doc), 400);
  assert.ok(codes(p).includes('gemeente_nieuw') || codes(p).includes('gemeente_verdwenen'), codes(p).join());
});

test('the programme office publishes the test region set as version 2', async () => {
  const r = await w.programmabureau.post('/regioindelingen', await testindeling());
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().versie, 2);
  const t01 = (await w.anoniem.get('/regios')).json().regios.find((x) => x.code === 'T01');
  assert.equal(t01.mandaatgemeente.naam, 'Groningen');
});

test('a scan with an unknown region, a level off the scale and a function missing: every problem at once', async () => {
  const s = scan(() => 'versnellen');
  s.regio = 'XX99';
  s.basisfunctionaliteiten[0].niveau = 9;
  s.basisfunctionaliteiten.pop();
  const p = problem(await w.programmabureau.post('/regioscans', s), 400);
  for (const c of ['regio_onbekend', 'niveau_ongeldig', 'basisfunctionaliteit_ontbreekt']) assert.ok(codes(p).includes(c), `${c} in ${codes(p)}`);
  assert.equal((await w.auditor.get('/regioscans')).json().regioscans.length, 0);
});

test('a CSV import reports every bad row at once and stores nothing; a good one stores a version per region', async () => {
  const kop = 'regio,meting,basisfunctionaliteit,niveau,advies,gezamenlijk_advies\n';
  const slecht = kop + 'T01,nulmeting,valpreventie,x,versnellen,Advies\nT01,nulmeting,valpreventie\n';
  const p = problem(await csv(w.programmabureau, slecht), 400);
  assert.ok(p.errors.length >= 2, p.errors.map((x) => x.name).join());
  const goed = kop + bf.map((id, i) => `T01,nulmeting,${id},${i % 4},${i < 2 ? 'versnellen' : 'niet_versnellen'},"Advies, gezamenlijk"`).join('\n');
  const r = await csv(w.programmabureau, goed);
  assert.equal(r.status, 201, r.text);
  const lijst = (await w.auditor.get('/regioscans?regio=T01')).json().regioscans;
  assert.equal(lijst.length, 1);
  assert.equal(lijst[0].gezamenlijk_advies, 'Advies, gezamenlijk');
});

let agendaId;

test('an agenda for a region that does not exist, or by a municipality that is not the mandaatgemeente, is refused', async () => {
  const a = agenda(() => true);
  a.regio = 'XX99';
  assert.ok(codes(problem(await w.gemeente.post('/werkagendas', a), 400)).includes('regio_onbekend'));
  problem(await w['gemeente-stadskanaal'].post('/werkagendas', agenda(() => true)), 403);
  assert.equal((await w.auditor.get('/werkagendas')).json().werkagendas.length, 0);
});

test('the mandaatgemeente drafts; a deviation from the scan without motivation blocks the submission', async () => {
  // the scan advises to accelerate the first two; this agenda accelerates the first three, motivates nothing
  const r = await w.gemeente.post('/werkagendas', agenda((id) => bf.indexOf(id) < 3, false));
  assert.equal(r.status, 201, r.text);
  agendaId = r.json().id;
  assert.equal(r.json().status, 'concept');
  assert.equal(r.json().afwijkingen.length, 1);
  assert.equal(r.json().afwijkingen_zonder_motivering, 1);
  assert.match(r.json().afwijkingen[0].bron, /Transformeren op het snijvlak/);
  const p = problem(await w.gemeente.post(`/werkagendas/${agendaId}/indiening`, {}), 400);
  assert.deepEqual(codes(p), ['afwijking_zonder_motivering']);
  assert.equal(p.errors[0].name, '/basisfunctionaliteiten/2/motivering_afwijking');
  // a concept is not visible outside the region's municipalities
  assert.equal((await w.vws.get('/werkagendas')).json().werkagendas.length, 0);
});

test('motivated, offered for signing; an outsider and a second signature are refused; the last signature makes it final', async () => {
  const r = await w.gemeente.put(`/werkagendas/${agendaId}`, agenda((id) => bf.indexOf(id) < 3));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json().afwijkingen_zonder_motivering, 0);
  let s = await w.gemeente.post(`/werkagendas/${agendaId}/indiening`, {});
  assert.equal(s.status, 200, s.text);
  assert.equal(s.json().status, 'ter_ondertekening');
  problem(await w.beoordelaar.post(`/werkagendas/${agendaId}/beoordelingen`, {}), 409);
  const besluit = { besluitdatum: '2026-09-15', kenmerk: 'B&W 2026/123' };
  s = await w.gemeente.post(`/werkagendas/${agendaId}/ondertekeningen`, besluit);
  assert.equal(s.status, 201, s.text);
  assert.equal(s.json().status, 'ter_ondertekening');
  problem(await w.gemeente.post(`/werkagendas/${agendaId}/ondertekeningen`, besluit), 409);
  const p = problem(await w['gemeente-stadskanaal'].post(`/werkagendas/${agendaId}/ondertekeningen`, { besluitdatum: '15-09-2026' }), 400);
  assert.deepEqual(codes(p).sort(), ['besluitdatum_ongeldig', 'kenmerk_ontbreekt']);
  // Stadskanaal attaches its collegebesluit; Groningen's attachment cannot be named by Stadskanaal
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  const upload = (who, naam) => client(srv.url).request('POST', `/api/v1/werkagendas/${agendaId}/bijlagen?naam=${naam}`, {
    headers: { cookie: `__Host-doorbraak=${who.cookie}`, 'x-csrf-token': who.csrf, 'content-type': 'application/pdf' }, body: pdf });
  const eigen = await upload(w['gemeente-stadskanaal'], 'collegebesluit-stadskanaal.pdf');
  assert.equal(eigen.status, 201, eigen.text);
  problem(await upload(w.vws, 'x.pdf'), 403);
  const ander = await w.gemeente.get(`/werkagendas/${agendaId}`);
  assert.equal(ander.status, 200);
  const p2 = problem(await w['gemeente-stadskanaal'].post(`/werkagendas/${agendaId}/ondertekeningen`, { ...besluit, bijlage_id: eigen.json().id + 1000 }), 400);
  assert.deepEqual(codes(p2), ['bijlage_onbekend']);
  s = await w['gemeente-stadskanaal'].post(`/werkagendas/${agendaId}/ondertekeningen`, { ...besluit, bijlage_id: eigen.json().id });
  assert.equal(s.status, 201, s.text);
  assert.equal(s.json().status, 'definitief');
  assert.equal(s.json().ondertekeningen.find((o) => o.cbs_code === '0037').bijlage_id, eigen.json().id);
  // who reads the agenda reads the collegebesluit; a party that does not, does not
  const dl = await w.vws.get(`/bijlagen/${eigen.json().id}`);
  assert.equal(dl.status, 200, dl.text);
  assert.match(dl.contentType, /application\/pdf/);
  assert.equal(s.json().nog_te_ondertekenen.length, 0);
  assert.equal(s.json().ondertekeningen.length, 2);
});

test('VNG and ZN assess as equals: every missing criterion at once; positive only when both are', async () => {
  const kader = (await w.auditor.get('/beoordelingskaders')).json().versies[0].document;
  assert.ok(!kader.criteria.some((c) => c.id === 'eenmalige-financiele-impuls'), 'basic requirement 8 does not apply [004]');
  const leeg = problem(await w.beoordelaar.post(`/werkagendas/${agendaId}/beoordelingen`, { oordeel: 'positief' }), 400);
  assert.ok(codes(leeg).includes('criterium_ontbreekt') && codes(leeg).includes('motivering_ontbreekt') && codes(leeg).includes('belangenconflict'));
  const oordeel = (o) => ({ oordeel: o, motivering: 'Getoetst aan het kader.', geen_belangenconflict: true,
    criteria: kader.criteria.map((c) => ({ id: c.id, oordeel: 'voldaan' })) });
  const gemengd = oordeel('positief');
  gemengd.criteria[0].oordeel = 'niet_voldaan';
  assert.deepEqual(codes(problem(await w.beoordelaar.post(`/werkagendas/${agendaId}/beoordelingen`, gemengd), 400)),
    ['positief_met_niet_voldaan']);
  let r = await w.beoordelaar.post(`/werkagendas/${agendaId}/beoordelingen`, oordeel('positief'));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().beoordeling, 'in_beoordeling');
  problem(await w.beoordelaar.post(`/werkagendas/${agendaId}/beoordelingen`, oordeel('positief')), 409);
  // an assessor of a municipality of the region itself has a conflict of interest [003 D5]
  const orgs = (await w.beheerder.get('/organisaties?limiet=1000')).json().organisaties;
  let tk = await w.beheerder.post('/apitokens', { organisatie_id: orgs.find((o) => o.cbs_code === '0037').id, rol: 'beoordelaar', naam: 'vng-stadskanaal' });
  assert.equal(tk.status, 201, tk.text);
  tk = await w['beheerder-2'].post(`/apitokens/${tk.json().apitoken.id}/goedkeuringen`, {});
  assert.equal(tk.status, 201, tk.text);
  const eigenRegio = await client(srv.url).request('POST', `/api/v1/werkagendas/${agendaId}/beoordelingen`, {
    headers: { authorization: `Bearer ${tk.json().token}`, 'content-type': 'application/json' }, body: JSON.stringify(oordeel('positief')) });
  assert.match(problem(eigenRegio, 403).detail, /belangenconflict/);
  r = await w['beoordelaar-vng'].post(`/werkagendas/${agendaId}/beoordelingen`, oordeel('positief'));
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().beoordeling, 'positief');
  assert.deepEqual(r.json().beoordelingen.map((b) => b.partij).sort(), ['vng', 'zn']);
});

test('the board cannot put basic requirement 8 in the framework [004]', async () => {
  const p = problem(await w.bestuur.post('/beoordelingskaders', { criteria: [
    { id: 'eenmalige-financiele-impuls', naam: 'Eenmalige impuls', bron: '[004]' }] }), 400);
  assert.deepEqual(codes(p), ['basiseis_niet_van_toepassing']);
});

test('a key whose shares do not sum to the whole is refused; VWS sets a valid one', async () => {
  const regios = (await w.anoniem.get('/regios')).json().regios;
  const aandelen = regios.map((r) => ({ ontvanger: r.code, aandeel_ppm: 38000 }));
  const p = problem(await w.vws.post('/verdeelsleutels', { naam: 'Gelijk', niveau: 'regio', grondslag: 'aandelen', aandelen }), 400);
  assert.deepEqual(codes(p), ['aandelen_som']);
  aandelen[0].aandeel_ppm += 1000000 - 38000 * regios.length;
  const r = await w.vws.post('/verdeelsleutels', { naam: 'Gelijk', niveau: 'regio', grondslag: 'aandelen', aandelen });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().versie, 2);
});

let t01;          // the SPUK decision of region T01 (paid to Groningen)

test('VWS allocates 2027 by the key: parts exact to the cent, one decision per region, reserved in the ledger', async () => {
  assert.ok(codes(problem(await w.vws.post('/spuk-toekenningen', { jaar: 2029 }), 400)).includes('geen_tranche'));
  assert.ok(codes(problem(await w.vws.post('/spuk-toekenningen', { jaar: 2027, bedrag_cent: 10000000001 }), 400)).includes('boven_pot'));
  problem(await w.programmabureau.post('/spuk-toekenningen', { jaar: 2027 }), 403);
  const r = await w.vws.post('/spuk-toekenningen', { jaar: 2027 });
  assert.equal(r.status, 201, r.text);
  const t = r.json();
  assert.equal(t.pot_cent, 10000000000);
  assert.equal(t.som_delen_cent, 10000000000);
  assert.equal(t.delen.length, 26);
  assert.equal(t.delen.reduce((x, d) => x + d.bedrag_cent, 0), 10000000000);
  assert.equal(t.sleutel.grondslag, 'aandelen');
  assert.equal(t.sleutel_versie, 2);
  assert.match(problem(await w.vws.post('/spuk-toekenningen', { jaar: 2027 }), 409).detail, /al toegekend/);
  const lijst = (await w.vws.get('/spuk-beschikkingen?jaar=2027')).json();
  assert.equal(lijst.beschikkingen.length, 26);
  assert.equal(lijst.totaal_cent, 10000000000);
  t01 = lijst.beschikkingen.find((b) => b.regio === 'T01');
  assert.equal(t01.cbs_code, '0014');
  assert.equal(t01.gemeente, 'Groningen');
});

test('a municipality sees only its own decisions; the decision letter names addressee, amount, basis and objection clause', async () => {
  const eigen = (await w.gemeente.get('/spuk-beschikkingen')).json().beschikkingen;
  assert.deepEqual(eigen.map((b) => b.id), [t01.id]);
  assert.equal((await w['gemeente-stadskanaal'].get('/spuk-beschikkingen')).json().beschikkingen.length, 0);
  problem(await w['gemeente-stadskanaal'].get(`/spuk-beschikkingen/${t01.id}`), 404);
  const html = await w.gemeente.get(`/spuk-beschikkingen/${t01.id}/document`);
  assert.equal(html.status, 200, html.text);
  assert.match(html.text, /college van burgemeester en wethouders van Groningen/);
  assert.match(html.text, /Financiële-verhoudingswet/);
  assert.match(html.text, /zes weken/);
  assert.match(html.text, /6:7/);
  assert.match(html.text, /De Minister van Volksgezondheid, Welzijn en Sport, namens deze,/);
  assert.match(html.text, /Karin Hendriks, beleidsmedewerker SPUK/, 'signed by the named official who allocated it');
  assert.match(html.text, /december 20\d\d|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november/);
  const pdf = await w.vws.get(`/spuk-beschikkingen/${t01.id}/document.pdf`);
  assert.equal(pdf.status, 200);
  assert.match(pdf.contentType, /application\/pdf/);
});

test('VWS pays only where the region has an approved agenda; once', async () => {
  const ander = (await w.vws.get('/spuk-beschikkingen?jaar=2027')).json().beschikkingen.find((b) => b.regio === 'VR02');
  assert.deepEqual(codes(problem(await w.vws.post(`/spuk-beschikkingen/${ander.id}/betaling`, {}), 409)), ['werkagenda_niet_goedgekeurd']);
  const r = await w.vws.post(`/spuk-beschikkingen/${t01.id}/betaling`, {});
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().betaald_cent, t01.bedrag_cent);
  problem(await w.vws.post(`/spuk-beschikkingen/${t01.id}/betaling`, {}), 409);
});

test('the municipality accounts per year with one indicator set; the final accountability reclaims the unspent part', async () => {
  const per = (bedragen) => bf.map((id, i) => ({ id, besteed_cent: bedragen[i] || 0 }));
  let p = problem(await w.gemeente.post(`/spuk-beschikkingen/${t01.id}/verantwoordingen`,
    { jaar: 2027, besteed_cent: 1000, basisfunctionaliteiten: per([400, 500]) }), 400);
  assert.deepEqual(codes(p), ['som_klopt_niet']);
  p = problem(await w.gemeente.post(`/spuk-beschikkingen/${t01.id}/verantwoordingen`,
    { jaar: 2030, besteed_cent: t01.bedrag_cent + 1, basisfunctionaliteiten: per([t01.bedrag_cent + 1]) }), 400);
  assert.deepEqual(codes(p).sort(), ['jaar_buiten_periode', 'meer_dan_ontvangen']);
  problem(await w['gemeente-stadskanaal'].post(`/spuk-beschikkingen/${t01.id}/verantwoordingen`,
    { jaar: 2027, besteed_cent: 0, basisfunctionaliteiten: per([]) }), 404);
  const helft = Math.floor(t01.bedrag_cent / 2);
  let r = await w.gemeente.post(`/spuk-beschikkingen/${t01.id}/verantwoordingen`,
    { jaar: 2027, besteed_cent: helft, basisfunctionaliteiten: per([helft]) });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().besteed_cent, helft);
  assert.equal(r.json().teruggevorderd_cent, 0);
  r = await w.gemeente.post(`/spuk-beschikkingen/${t01.id}/verantwoordingen`,
    { jaar: 2028, besteed_cent: 1000, basisfunctionaliteiten: per([0, 1000]), eindverantwoording: true });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().teruggevorderd_cent, t01.bedrag_cent - helft - 1000);
  assert.equal(r.json().eindverantwoording, true);
  problem(await w.gemeente.post(`/spuk-beschikkingen/${t01.id}/verantwoordingen`,
    { jaar: 2029, besteed_cent: 0, basisfunctionaliteiten: per([]) }), 409);
  const journaal = (await w.programmabureau.get('/grootboek/journaal')).text;
  assert.match(journaal, /spuk:2027:0014/);
  assert.match(journaal, /sociaal:2027/);
});

test('progress twice a year: every problem at once; a second report is a new version; the overview per region and nationally', async () => {
  const rapport = (status) => ({ regio: 'T01', periode: '2027-1', knelpunten: 'Te weinig buurtsportcoaches.',
    basisfunctionaliteiten: bf.map((id, i) => ({ id, status: i < 3 ? status : 'niet_gestart', besteed_cent: i < 3 ? 100000 : 0 })) });
  const slecht = rapport('bijna');
  slecht.periode = '2031-3';
  slecht.basisfunctionaliteiten.pop();
  const p = problem(await w.gemeente.post('/voortgangsrapportages', slecht), 400);
  for (const c of ['periode_ongeldig', 'status_ongeldig', 'basisfunctionaliteit_ontbreekt']) assert.ok(codes(p).includes(c), `${c} in ${codes(p)}`);
  problem(await w['gemeente-stadskanaal'].post('/voortgangsrapportages', rapport('in_uitvoering')), 403);
  let r = await w.gemeente.post('/voortgangsrapportages', rapport('in_voorbereiding'));
  assert.equal(r.status, 201, r.text);
  r = await w.gemeente.post('/voortgangsrapportages', rapport('in_uitvoering'));
  assert.equal(r.json().versie, 2);
  const o = (await w.vws.get('/voortgangsoverzicht?periode=2027-1')).json();
  assert.equal(o.regios_ingediend, 1);
  assert.equal(o.besteed_cent, 300000);
  assert.equal(o.landelijk[0].regios_per_status.in_uitvoering, 1);
  assert.equal(o.landelijk[0].regios_per_status.in_voorbereiding, 0);
  assert.equal(o.regios.find((x) => x.regio === 'T01').knelpunten, 'Te weinig buurtsportcoaches.');
  const open = (await w.anoniem.get('/voortgangsoverzicht')).json();
  assert.equal(open.periode, '2027-1');
  assert.equal(open.regios.find((x) => x.regio === 'T01').knelpunten, undefined);
  const csvres = await w.vws.get('/voortgangsoverzicht/export?periode=2027-1');
  assert.equal(csvres.status, 200);
  assert.match(csvres.text, /^periode;regio;regionaam;basisfunctionaliteit;status;besteed_euro;besteed_cent;knelpunten\r\n/);
  assert.match(csvres.text, /2027-1;T01;Testregio Groningen-Stadskanaal;[a-z-]+;in_uitvoering;1\.000,00;100000;/);
  assert.match(csvres.text, /;VR02;.*;niet_ingediend;/);
  const xlsx = await w.vws.get('/voortgangsoverzicht/export?periode=2027-1&formaat=xlsx');
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.contentType, /spreadsheetml/);
});

test('per municipality by inhabitants: 342 parts that sum to exactly EUR 100 mln', async () => {
  const k = await w.vws.post('/verdeelsleutels', { naam: 'Aandeel inwoners per gemeente', niveau: 'gemeente', grondslag: 'inwoners' });
  assert.equal(k.status, 201, k.text);
  const r = await w.vws.post('/spuk-toekenningen', { jaar: 2028 });
  assert.equal(r.status, 201, r.text);
  const t = r.json();
  assert.equal(t.delen.length, 342);
  assert.equal(t.delen.reduce((x, d) => x + d.bedrag_cent, 0), 10000000000);
  const ams = t.delen.find((d) => d.cbs_code === '0363');
  // Amsterdam's quota is within one cent of pot x inhabitants / total
  const quota = 10000000000 * ams.gewicht / 18130231;
  assert.ok(Math.abs(ams.bedrag_cent - quota) < 1.0001, `${ams.bedrag_cent} vs ${quota}`);
});

test('a region without a scan cannot offer its agenda; a second open agenda is refused; a final agenda is not changed', async () => {
  // version 3 of the region set: Stadskanaal a region of its own (T02), without a scan
  const doc = (await w.anoniem.get('/regioindelingen')).json().versies[0].document;
  const t01 = doc.regios.find((x) => x.code === 'T01');
  t01.gemeenten = ['0014'];
  doc.regios.push({ code: 'T02', naam: 'Testregio Stadskanaal', mandaatgemeente: '0037', gemeenten: ['0037'] });
  const v = await w.programmabureau.post('/regioindelingen', doc);
  assert.equal(v.status, 201, v.text);
  const a = agenda(() => false);
  a.regio = 'T02';
  const r = await w['gemeente-stadskanaal'].post('/werkagendas', a);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().regioscan_id, null);
  assert.deepEqual(codes(problem(await w['gemeente-stadskanaal'].post(`/werkagendas/${r.json().id}/indiening`, {}), 400)),
    ['geen_regioscan']);
  assert.deepEqual(codes(problem(await w['gemeente-stadskanaal'].post('/werkagendas', a), 409)), ['agenda_open']);
  problem(await w.gemeente.put(`/werkagendas/${agendaId}`, agenda(() => true)), 409);
});

await run();
