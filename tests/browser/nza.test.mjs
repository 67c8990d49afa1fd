// SPDX-License-Identifier: EUPL-1.2
//
// nza.test.mjs -- the NZa's screens and the milestones in Debian's chromium,
// against a real `doorbraak serve --demo` on a fresh SQLite database
// (docs/beschikking.md).
//
// Set up through the API: four applications assessed positively by both
// insurers in a fresh round (tests/lib/beschikking.mjs positief()), the
// board's decision written by toekenning_testhulp (next to DOORBRAAK_BIN)
// with 2028 holding EUR 1 mln of free room, and four joint requests signed
// by both parties: A and C each move EUR 1 mln from 2027 to 2028 (each fits
// alone, not both), B and E keep the board's split.
//
// In the browser: NZa sees the queue and the checks with their sources;
// grants A (first refused: no choice, no motivation -> fields + summary),
// and C, which no longer fits, is refused in the same transaction and named
// on the screen; refuses E; B decided meanwhile shows "al beslist" in the
// summary. The decision screen shows reference, upper bound per year,
// findings with sources and motivation; its document answers as HTML (200)
// and downloads as PDF. The lead reports a milestone (evidence required),
// the coordinating insurer pays it, and the remaining upper bound drops by
// exactly the planned amount (checked against GET .../mijlpalen); paying
// more than is left is refused with the API's message and source. The
// ledger screen shows the numbers of GET /grootboek/rekeningen, pages the
// postings with "Meer laden" and downloads the hledger journal with
// progress. axe on every screen and state; no CSP violation, no script error.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { gezamenlijk, positief } from '../lib/beschikking.mjs';
import { DEMO_WACHTWOORD, JSON_HEADERS, caller, world } from '../lib/indiening.mjs';
import { doorbraakBin, startServer } from '../lib/server.mjs';
import { euro, euroInvoer } from '../../web/static/js/opmaak.js';
import { alsRol, expectAccessible, paginaGet, plain, startBrowser, waitForScreen } from './browser.mjs';
import { betaalMijlpaal, meldMijlpaal, verleen } from './stappen/nza.mjs';

setSuite('browser/nza [sqlite]');

const MLN = 100000000; // EUR 1 mln in cents
const e = (cents) => plain(euro(cents));
/** An amount as the server writes it in messages and documents (bedrag_tekst): "EUR 1.234,56". */
const EUR = (c) => `EUR ${Math.trunc(c / 100).toLocaleString('nl-NL')},${String(c % 100).padStart(2, '0')}`;

let srv;
let w;
let browser;
let page;
const s = {}; // what the tests share: request ids, the decision

/** The board's decision on round `ronde` by toekenning_testhulp, built next to the server binary. */
function toekennen(dbUrl, ronde, jaren, grants) {
  const bin = path.join(path.dirname(doorbraakBin), 'toekenning_testhulp');
  const args = [dbUrl, String(ronde)];
  for (const [k, v] of Object.entries(jaren)) args.push('--jaar', `${k}=${v}`);
  for (const [id, thema, perJaar] of grants) {
    args.push(`${id}:${thema}:${Object.entries(perJaar).map(([j, c]) => `${j}=${c}`).join(',')}`);
  }
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 60000 });
  if (r.status !== 0) throw new Error(`${bin}: ${r.status} ${r.error || ''} ${r.stdout}${r.stderr}`);
}

async function login(name) {
  const res = await w.api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: name, wachtwoord: DEMO_WACHTWOORD }) });
  assert.equal(res.status, 201, res.text);
  const cookie = /^__Host-doorbraak=([^;]*)/.exec([].concat(res.headers['set-cookie'])[0])[1];
  return caller(w.api, { name, cookie, csrf: res.json().csrf_token, orgId: res.json().organisatie.id });
}

async function json(who, p) {
  const r = await who.get(p);
  assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text}`);
  return r.json();
}

/** The rows of a table (by caption) as arrays of cell texts (body and footer). */
async function tableRows(caption) {
  const table = page.getByRole('table', { name: caption, exact: true });
  await table.waitFor();
  return table.evaluate((t) => [...t.querySelectorAll('tbody tr, tfoot tr')]
    .map((tr) => [...tr.children].map((c) => c.innerText.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim())));
}

const main = async () => plain(await page.locator('main').innerText());

/** The error summary of the form: focused, with these texts. */
async function expectSummary(texts) {
  // Wait for this summary (a form may still show the one of an earlier attempt).
  const summary = page.locator('.foutsamenvatting').filter({ hasText: texts[0] });
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('foutsamenvatting')), true,
    'the error summary has the focus');
  const text = plain(await summary.innerText());
  for (const t of texts) assert.ok(text.includes(t), `summary holds "${t}": ${text}`);
  return text;
}

before(async () => {
  srv = await startServer({ backend: 'sqlite', args: ['--demo'] });
  w = await world(srv);
  w.nza = await login('nza');
  const { ronde, ids } = await positief(w, 4, 'NZa-browserronde');
  s.aanvragen = ids;
  const elk = { 2027: 3 * MLN, 2028: 2 * MLN };
  // 2028 holds the four reservations (EUR 8 mln) and EUR 1 mln of free room.
  toekennen(srv.dbUrl, ronde.id, { 'ai/2027': 20 * MLN, 'ai/2028': 9 * MLN },
    ids.map((id) => [id, 'ai', elk]));
  const naar2028 = [{ jaar: 2027, bedrag_cent: 2 * MLN }, { jaar: 2028, bedrag_cent: 3 * MLN }];
  s.A = (await gezamenlijk(w, { aanvraag_id: ids[0], jaarverdeling: naar2028 })).id;
  s.C = (await gezamenlijk(w, { aanvraag_id: ids[1], jaarverdeling: naar2028 })).id;
  s.B = (await gezamenlijk(w, { aanvraag_id: ids[2] })).id;
  s.E = (await gezamenlijk(w, { aanvraag_id: ids[3] })).id;
  browser = await startBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('NZa: the queue shows the requests in treatment with application, theme, upper bound and date; the status filter', async () => {
  await alsRol(page, srv.url, 'nza');
  await page.getByRole('link', { name: 'Verzoeken toetsen en beschikkingen afgeven' }).waitFor();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken' }).click();
  await waitForScreen(page, 'Verzoeken om een beschikking');
  await page.getByRole('status').filter({ hasText: '4 verzoeken gevonden.' }).waitFor();
  const api = (await json(w.nza, '/nza-aanvragen?status=in_behandeling')).nza_aanvragen;
  const rows = await tableRows('Verzoeken om een beschikking');
  assert.deepEqual(rows.map((r) => r[0]), api.map((t) => `Verzoek ${t.id}`));
  for (const [i, t] of api.entries()) {
    assert.equal(rows[i][1], `${t.aanvraag_titel} (versie 1)`, "the application by its title (issue 18)");
    assert.equal(rows[i][2], 'AI');
    assert.equal(rows[i][3], e(5 * MLN));
    assert.equal(rows[i][4], t.jaarverdeling.map((j) => `${j.jaar}: ${e(j.bedrag_cent)}`).join('; '));
    assert.match(rows[i][5], /^\d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}$/);
    assert.equal(rows[i][6], 'In behandeling bij de NZa');
  }
  await expectAccessible(page, 'verzoeken (in behandeling)');
  await page.getByLabel('Status').selectOption('beschikt');
  await page.getByRole('button', { name: 'Toon verzoeken' }).click();
  await page.getByRole('status').filter({ hasText: 'Geen verzoeken gevonden met deze status.' }).waitFor();
  assert.match(page.url(), /\/nza\/verzoeken\?status=beschikt$/);
  assert.equal(await page.getByRole('table').count(), 0);
  await expectAccessible(page, 'verzoeken (leeg)');
});

test('NZa: the checks (a)-(d) and v1-v8, each met or not with its explanation and its source', async () => {
  await page.goto(`${srv.url}/nza/verzoeken`);
  await waitForScreen(page, 'Verzoeken om een beschikking');
  await page.getByRole('link', { name: `Verzoek ${s.A}`, exact: true }).click();
  await waitForScreen(page, new RegExp(`^Verzoek ${s.A}: `));
  const toetsing = await json(w.nza, `/nza-aanvragen/${s.A}/toetsing`);
  assert.equal(toetsing.bevindingen.length, 12);
  const items = page.locator('ol.bevindingen > li');
  assert.equal(await items.count(), 12);
  for (const [i, b] of toetsing.bevindingen.entries()) {
    const text = plain(await items.nth(i).innerText());
    const nummer = /^[a-d]$/.test(b.code) ? `(${b.code})` : b.code;
    assert.ok(text.startsWith(`${nummer} ${b.naam}`), text);
    assert.ok(text.includes(b.uitkomst === 'voldaan' ? 'Voldaan' : 'Niet voldaan'), text);
    assert.ok(text.includes(plain(b.toelichting)), `${b.code}: explanation`);
    assert.ok(text.includes(`Bron: ${b.bron}`), `${b.code}: source ${b.bron}`);
  }
  assert.match(await main(), /Alle 12 toetspunten zijn voldaan\./);
  const verzoek = await tableRows('Voorgestelde bovengrens per jaar');
  assert.deepEqual(verzoek, [['2027', e(2 * MLN)], ['2028', e(3 * MLN)], ['Totaal', e(5 * MLN)]]);
  await expectAccessible(page, 'verzoek met toetsing');
});

test('NZa grants: without choice and motivation the fields and the summary say so; then granted, and the request that no longer fits is refused with it', async () => {
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expectSummary(['Motivering: Een beschikking is gemotiveerd (ook een afwijzing).', 'Besluit:']);
  const motivering = page.getByLabel('Motivering');
  assert.equal(await motivering.getAttribute('aria-invalid'), 'true');
  assert.match(plain(await page.locator('.utrecht-form-field--invalid').first().innerText()), /gemotiveerd/);
  assert.equal(await page.getByRole('radio', { name: 'Verzoek afwijzen' }).getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'verzoek: besluit met fouten');
  // A link in the summary takes the keyboard to its field.
  await page.locator('.foutsamenvatting').getByRole('link', { name: /^Motivering:/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
  const api = await json(w.nza, `/nza-aanvragen/${s.A}`);
  assert.equal(api.status, 'in_behandeling', 'nothing decided');

  s.beschikking = await verleen(page, srv.url, s.A, 'Alle toetspunten zijn voldaan; de bovengrens past binnen 2027 en 2028.');
  const b = await json(w.nza, `/beschikkingen/${s.beschikking}`);
  assert.equal(b.besluit, 'verleend');
  assert.equal(b.nza_aanvraag_id, s.A);
  assert.equal(b.bovengrens_cent, 5 * MLN);
  assert.deepEqual(b.afgewezen_nza_aanvragen ?? [s.C], [s.C]);
  s.kenmerk = b.kenmerk;
  assert.equal((await json(w.nza, `/nza-aanvragen/${s.A}`)).status, 'beschikt');
  assert.equal((await json(w.nza, `/nza-aanvragen/${s.C}`)).status, 'afgewezen', 'C no longer fits 2028');
  // The screen names the request refused with it, and links to it.
  const auto = page.locator('ul.automatisch-afgewezen');
  assert.deepEqual(await auto.getByRole('link').allInnerTexts(), [`Verzoek ${s.C}`]);
  assert.match(await main(), /niet meer binnen de beschikbare middelen passen \[001 §3\]/);
  assert.match(await main(), new RegExp(`De bovengrens is € 5\\.000\\.000: 2027 € 2\\.000\\.000, 2028 € 3\\.000\\.000\\.`));
  assert.equal(plain(await page.locator('main dl').first().innerText()).includes('Beschikking verleend'), true, 'status updated');
  await auto.getByRole('link', { name: `Verzoek ${s.C}` }).click();
  await waitForScreen(page, new RegExp(`^Verzoek ${s.C}:`));
  assert.match(await main(), /Status\s+Afgewezen/);
  assert.equal(await page.getByRole('button', { name: 'Besluit vastleggen' }).count(), 0, 'no form on a decided request');
  await expectAccessible(page, 'verzoek automatisch afgewezen');
});

test('NZa refuses a request with a motivation; a request decided meanwhile gives "al beslist" in the summary', async () => {
  await page.goto(`${srv.url}/nza/verzoeken/${s.E}`);
  await waitForScreen(page, new RegExp(`^Verzoek ${s.E}:`));
  await page.getByRole('radio', { name: 'Verzoek afwijzen' }).check();
  await page.getByLabel('Motivering').fill('De overeenkomst bevat geen waarborgen tegen onbedoelde concurrentievoordelen.');
  await expectAccessible(page, 'verzoek: afwijzen ingevuld');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await page.getByRole('heading', { name: /^Beschikking NZa-DBM-\d{4}-\d{6}: het verzoek is afgewezen$/ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), await page.locator('.alert__kop').innerText(),
    'focus on the result');
  const e2 = await json(w.nza, `/nza-aanvragen/${s.E}`);
  assert.equal(e2.status, 'afgewezen');
  const lijst = (await json(w.nza, '/beschikkingen?limiet=1000')).beschikkingen;
  const afwijzing = lijst.find((x) => x.nza_aanvraag_id === s.E);
  assert.equal(afwijzing.besluit, 'afgewezen');
  assert.equal(afwijzing.motivering, 'De overeenkomst bevat geen waarborgen tegen onbedoelde concurrentievoordelen.');
  await expectAccessible(page, 'verzoek afgewezen');

  await page.goto(`${srv.url}/nza/verzoeken/${s.B}`);
  await waitForScreen(page, new RegExp(`^Verzoek ${s.B}:`));
  const r = await w.nza.post('/beschikkingen', { nza_aanvraag_id: s.B, besluit: 'afgewezen', motivering: 'Intussen elders besloten.' });
  assert.equal(r.status, 201, r.text);
  await page.getByRole('radio', { name: 'Beschikking verlenen met de voorgestelde bovengrens' }).check();
  await page.getByLabel('Motivering').fill('Alles voldaan.');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expectSummary(['Op deze aanvraag is al beslist (status afgewezen).']);
  await expectAccessible(page, 'verzoek: al beslist');
});

test('the decision: reference, decision, upper bound with years, findings with sources, motivation; the document as HTML and PDF', async () => {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beschikkingen' }).click();
  await waitForScreen(page, 'Beschikkingen');
  const api = (await json(w.nza, '/beschikkingen?limiet=1000')).beschikkingen;
  const rows = await tableRows('Beschikkingen van de NZa');
  // the application by its title and the lead by name (issue 18), not by number
  assert.deepEqual(rows.map((r) => [r[0], r[1], r[2], r[4], r[5]]),
    api.map((b) => [b.kenmerk, b.aanvraag_titel, b.penvoerder_naam, b.besluit === 'verleend' ? 'Verleend' : 'Afgewezen', e(b.bovengrens_cent)]));
  assert.ok(rows.every((r) => !/^\d{6,}$/.test(r[1])), 'no application shown as a bare number');
  assert.ok(rows.some((r) => r[0] === s.kenmerk && r[4] === 'Verleend' && r[5] === e(5 * MLN)));
  await expectAccessible(page, 'beschikkingen');

  await page.getByRole('link', { name: s.kenmerk, exact: true }).click();
  await waitForScreen(page, `Beschikking ${s.kenmerk}`);
  const text = await main();
  assert.match(text, new RegExp(`Kenmerk\\s+${s.kenmerk}`));
  assert.match(text, /Besluit\s+Verleend/);
  assert.match(text, /Bovengrens\s+€ 5\.000\.000/);
  assert.match(text, /Alle toetspunten zijn voldaan; de bovengrens past binnen 2027 en 2028\./);
  assert.deepEqual(await tableRows('Bovengrens per jaar'), [['2027', e(2 * MLN)], ['2028', e(3 * MLN)], ['Totaal', e(5 * MLN)]]);
  const b = await json(w.nza, `/beschikkingen/${s.beschikking}`);
  const items = page.locator('ol.bevindingen > li');
  assert.equal(await items.count(), b.bevindingen.length);
  for (const [i, f] of b.bevindingen.entries()) {
    assert.ok(plain(await items.nth(i).innerText()).includes(`Bron: ${f.bron}`), f.code);
  }
  // NZa sees the milestones but has no buttons.
  const m = await json(w.nza, `/beschikkingen/${s.beschikking}/mijlpalen`);
  const mrows = await tableRows('Mijlpalen: gepland bedrag, melding en betaling');
  assert.deepEqual(mrows.slice(0, -1).map((r) => [r[0], r[2], r[3], r[4]]),
    m.mijlpalen.map((x) => [x.id, e(x.gepland_cent), 'Nee', 'Nee']));
  assert.equal(mrows.at(-1)[2], e(m.mijlpalen.reduce((t, x) => t + x.gepland_cent, 0)));
  assert.equal(await page.getByRole('button', { name: /^Mijlpaal / }).count(), 0);
  assert.match(text, /Nog over van de bovengrens\s+€ 5\.000\.000/);
  await expectAccessible(page, 'beschikking (nza)');

  // The HTML document: the link's address answers 200 with the decision.
  const html = page.getByRole('link', { name: 'Besluitdocument openen (HTML)' });
  const href = await html.getAttribute('href');
  assert.equal(href, `/api/v1/beschikkingen/${s.beschikking}/document`);
  const res = await paginaGet(page, srv.url + href);
  assert.equal(res.status, 200);
  assert.match(res.contentType, /^text\/html/);
  assert.ok(res.text.includes(s.kenmerk), 'the document names its reference');
  // The PDF downloads.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Besluitdocument downloaden (PDF)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  const pdf = readFileSync(await download.path()).toString('latin1');
  assert.ok(pdf.startsWith('%PDF-'), 'a PDF');
  assert.ok(pdf.includes(s.kenmerk), 'the PDF names its reference');
});

test('the lead reports a milestone: without evidence the field and the summary say so (with the source); then reported', async () => {
  await alsRol(page, srv.url, 'aanvrager');
  await page.goto(`${srv.url}/beschikkingen/${s.beschikking}`);
  await waitForScreen(page, `Beschikking ${s.kenmerk}`);
  assert.equal(await page.getByRole('button', { name: /^Mijlpaal m\d betalen$/ }).count(), 0, 'the lead does not pay');
  const melden = page.getByRole('button', { name: 'Mijlpaal m1 melden' });
  await melden.click();
  await page.getByRole('heading', { name: 'Mijlpaal m1 melden' }).waitFor();
  await expectAccessible(page, 'mijlpaal melden (leeg)');
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await expectSummary(['Bewijs: Een mijlpaal wordt gemeld met het bewijs dat hij is bereikt. (bron: [001 §2])']);
  assert.equal(await page.getByLabel('Bewijs').getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'mijlpaal melden (fout)');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Mijlpaal m1 melden', 'focus back on the button');
  assert.equal((await json(w.aanvrager, `/beschikkingen/${s.beschikking}/mijlpalen`)).mijlpalen[0].gemeld, false);

  await meldMijlpaal(page, srv.url, s.beschikking, 'm1', 'Projectplan vastgesteld door de stuurgroep; verslag van 1 juni.');
  const m = (await json(w.aanvrager, `/beschikkingen/${s.beschikking}/mijlpalen`)).mijlpalen[0];
  assert.equal(m.gemeld, true);
  assert.equal(m.melding.bewijs, 'Projectplan vastgesteld door de stuurgroep; verslag van 1 juni.');
  const rij = (await tableRows('Mijlpalen: gepland bedrag, melding en betaling'))[0];
  assert.match(rij[3], /^Ja, op .* Bewijs: Projectplan vastgesteld door de stuurgroep; verslag van 1 juni\.$/);
  assert.equal(await page.getByRole('button', { name: 'Mijlpaal m1 melden' }).count(), 0);
});

test('the lead adds a file of evidence; a file that is no allowed type is refused at the field with the API message; the insurer downloads it', async () => {
  await alsRol(page, srv.url, 'aanvrager');
  await page.goto(`${srv.url}/beschikkingen/${s.beschikking}`);
  await waitForScreen(page, `Beschikking ${s.kenmerk}`);
  await page.getByRole('button', { name: 'Bewijsstuk bij m1 toevoegen' }).click();
  await page.getByRole('heading', { name: 'Bewijsstuk bij mijlpaal m1' }).waitFor();
  await expectAccessible(page, 'bewijsstuk toevoegen');
  // an HTML page named .pdf: the server reads the content
  await page.getByLabel('Bestand').setInputFiles({ name: 'verslag.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('<html><body>geen pdf</body></html>') });
  await page.getByRole('button', { name: 'Bestand toevoegen' }).click();
  await page.locator('.foutsamenvatting').filter({ hasText: 'toegestaan zijn PDF, PNG, JPEG, CSV en XLSX' }).waitFor();
  await expectAccessible(page, 'bewijsstuk toevoegen (fout)');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  await page.getByLabel('Bestand').setInputFiles({ name: 'verslag stuurgroep.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Bestand toevoegen' }).click();
  await page.getByRole('status').filter({ hasText: 'Bewijsstuk verslag stuurgroep.pdf is toegevoegd bij mijlpaal m1.' }).waitFor();
  const lijst = (await json(w.aanvrager, `/beschikkingen/${s.beschikking}/mijlpalen/m1/bijlagen`)).bijlagen;
  assert.deepEqual(lijst.map((x) => [x.naam, x.mediatype]), [['verslag stuurgroep.pdf', 'application/pdf']]);
  // the coordinating insurer sees the link and downloads the same bytes
  await alsRol(page, srv.url, 'beoordelaar');
  await page.goto(`${srv.url}/beschikkingen/${s.beschikking}`);
  await waitForScreen(page, `Beschikking ${s.kenmerk}`);
  assert.equal(await page.getByRole('button', { name: /Bewijsstuk bij/ }).count(), 0, 'only the lead adds files');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'verslag stuurgroep.pdf' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'verslag stuurgroep.pdf');
  assert.ok(readFileSync(await download.path()).equals(pdf), 'the same bytes');
  await expectAccessible(page, 'beschikking met bewijsstuk');
});

test('the coordinating insurer pays the reported milestone; what is left of the upper bound drops by exactly that amount', async () => {
  await alsRol(page, srv.url, 'beoordelaar');
  const voor = await json(w.beoordelaar, `/beschikkingen/${s.beschikking}/mijlpalen`);
  const m1 = voor.mijlpalen.find((x) => x.id === 'm1');
  const betaald = await betaalMijlpaal(page, srv.url, s.beschikking, 'm1');
  assert.equal(betaald, e(m1.gepland_cent), 'paid the planned amount');
  const na = await json(w.beoordelaar, `/beschikkingen/${s.beschikking}/mijlpalen`);
  assert.equal(BigInt(na.resterend_cent), BigInt(voor.resterend_cent) - BigInt(m1.gepland_cent));
  assert.equal(na.mijlpalen.find((x) => x.id === 'm1').betaling.bedrag_cent, m1.gepland_cent);
  const text = await main();
  assert.match(text, new RegExp(`Nog over van de bovengrens\\s+${e(na.resterend_cent).replace(/\./g, '\\.')}`));
  assert.match(text, new RegExp(`Betaald\\s+${e(m1.gepland_cent).replace(/\./g, '\\.')}`));
  assert.ok(text.includes(`Nog over van de bovengrens: ${e(na.resterend_cent)}.`), 'the status says what is left');
  const meter = await page.locator('meter').evaluate((el) => [el.value, el.max]);
  assert.deepEqual(meter, [m1.gepland_cent / 100, 5 * MLN / 100]);
  s.resterend = na.resterend_cent;
});

test('paying more than what is left is refused with the API message and source; an amount that is no number at the field', async () => {
  const r = await w.aanvrager.post(`/beschikkingen/${s.beschikking}/mijlpalen/m2/meldingen`, { bewijs: 'Eerste evaluatie.' });
  assert.equal(r.status, 201, r.text);
  await page.reload();
  await waitForScreen(page, `Beschikking ${s.kenmerk}`);
  await page.getByRole('button', { name: 'Mijlpaal m2 betalen' }).click();
  const bedrag = page.getByLabel('Bedrag in euro');
  const m2 = (await json(w.beoordelaar, `/beschikkingen/${s.beschikking}/mijlpalen`)).mijlpalen.find((x) => x.id === 'm2');
  assert.equal(await bedrag.inputValue(), euroInvoer(m2.gepland_cent), 'the planned amount by default');
  await bedrag.fill('twee miljoen');
  await page.getByRole('button', { name: 'Betaling vastleggen' }).click();
  await expectSummary(['Bedrag in euro: Vul een bedrag in euro in, bijvoorbeeld 1.250.000 of 1250000,50.']);
  assert.equal(await bedrag.getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'betalen (geen bedrag)');

  const teVeel = s.resterend + 1;
  await bedrag.fill(euroInvoer(teVeel));
  await page.getByRole('button', { name: 'Betaling vastleggen' }).click();
  const samenvatting = await expectSummary([
    `De betaling (${EUR(teVeel)}) is hoger dan wat van de bovengrens over is (${EUR(s.resterend)}). (bron: [001 §2], [001 §7])`]);
  assert.ok(samenvatting.startsWith('Dit is niet gelukt'), samenvatting);
  assert.match(plain(await page.locator('.utrecht-form-field--invalid').innerText()), /hoger dan wat van de bovengrens over is/,
    'the message is at the amount');
  assert.match(plain(await page.locator('.mijlpaalformulier').innerText()), new RegExp(`Nog over van de bovengrens: ${e(s.resterend).replace(/\./g, '\\.')}`));
  await expectAccessible(page, 'betalen (boven de bovengrens)');
  const na = await json(w.beoordelaar, `/beschikkingen/${s.beschikking}/mijlpalen`);
  assert.equal(na.resterend_cent, s.resterend, 'nothing paid');
  assert.equal(na.mijlpalen.find((x) => x.id === 'm2').betaald, false);
});

test('the ledger: the numbers of GET /grootboek/rekeningen per pot, theme, year, insurer and project, with a chart per theme', async () => {
  await alsRol(page, srv.url, 'nza');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Grootboek' }).click();
  await waitForScreen(page, 'Grootboek');
  const o = await json(w.nza, '/grootboek/rekeningen');
  const bedragen = (r) => [e(r.beschikbaar_cent), e(r.gereserveerd_cent), e(r.toegekend_cent), e(r.betaald_cent)];
  const som = (rows) => ['beschikbaar_cent', 'gereserveerd_cent', 'toegekend_cent', 'betaald_cent']
    .map((k) => e(rows.reduce((t, r) => t + BigInt(r[k]), 0n)));
  assert.deepEqual(await tableRows('De Zvw-pot'), [['zvw', ...bedragen(o.pot)]]);
  const themas = await tableRows('Per thema');
  assert.deepEqual(themas.slice(0, o.themas.length).map((r) => r.slice(1)), o.themas.map(bedragen));
  if (o.themas.length > 1) assert.deepEqual(themas.at(-1), ['Totaal', ...som(o.themas)]);
  const jaren = [...o.jaren].sort((a, b) => (a.thema === b.thema ? a.jaar - b.jaar : a.thema.localeCompare(b.thema)));
  assert.deepEqual(await tableRows('Per thema en jaar'), jaren.map((r) => [`AI ${r.jaar}`, ...bedragen(r)]));
  const verzekeraars = await tableRows('Per zorgverzekeraar');
  assert.deepEqual(verzekeraars, o.verzekeraars.map((r) => [`${r.naam} (UZOVI ${r.uzovi_code})`, ...bedragen(r)]));
  const projecten = await tableRows('Per project (aanvraag)');
  assert.deepEqual(projecten.slice(0, o.projecten.length).map((r) => [r[0], ...r.slice(3)]),
    o.projecten.map((r) => [`${r.aanvraag_titel} (${r.aanvraag_id})`, ...bedragen(r)]));
  assert.deepEqual(projecten.at(-1), ['Totaal', '', '', ...som(o.projecten)]);
  // The project of the decision: upper bound granted, one milestone paid.
  const project = o.projecten.find((r) => r.aanvraag_id === s.aanvragen[0]);
  assert.equal(project.toegekend_cent, 5 * MLN);
  assert.equal(project.beschikbaar_cent, s.resterend);
  // One chart per theme with years, with its table holding the same numbers.
  const titel = 'AI: beschikbaar, gereserveerd en toegekend per jaar';
  await page.getByRole('img', { name: new RegExp(`^${titel}`) }).waitFor();
  const grafiek = await tableRows(`${titel} (tabel)`);
  const aiJaren = jaren.filter((r) => r.thema === 'ai');
  assert.deepEqual(grafiek, aiJaren.map((r) => [String(r.jaar), e(r.beschikbaar_cent), e(r.gereserveerd_cent), e(r.toegekend_cent)]));
  await page.waitForFunction(() => globalThis.Chart && globalThis.Chart.getChart(document.querySelector('figure.grafiek canvas')));
  const data = await page.evaluate(() => globalThis.Chart.getChart(document.querySelector('figure.grafiek canvas')).data.datasets
    .map((d) => d.data));
  assert.deepEqual(data[2], aiJaren.map((r) => r.toegekend_cent / 100));
  await expectAccessible(page, 'grootboek');
});

test('the ledger: the postings log pages with "Meer laden"; the journal downloads with progress and the page stays usable', async () => {
  await page.goto(`${srv.url}/grootboek?limiet=10`);
  await waitForScreen(page, 'Grootboek');
  const alle = (await json(w.nza, '/grootboek/boekingen?limiet=1000')).boekingen;
  assert.ok(alle.length > 20, `enough postings to page: ${alle.length}`);
  const status = page.getByRole('status').filter({ hasText: /boekingen getoond/ });
  assert.equal(plain(await status.innerText()), '10 boekingen getoond. Er zijn er meer.');
  let pages = 0;
  while (await page.getByRole('button', { name: 'Meer laden' }).count()) {
    const voor = (await tableRows('Boekingen, oudste eerst')).length;
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('main table tbody tr').length > 0
      && [...document.querySelectorAll('main table')].some((t) => t.caption?.textContent === 'Boekingen, oudste eerst'
        && t.tBodies[0].rows.length > n), voor);
    pages += 1;
    assert.ok(pages < 20, 'paging ends');
  }
  await status.filter({ hasText: 'Dit zijn alle boekingen.' }).waitFor();
  const rows = await tableRows('Boekingen, oudste eerst');
  assert.deepEqual(rows.map((r) => [Number(r[0]), r[3], r[4], r[5], r[6]]),
    alle.map((b) => [b.id, [b.debet, b.debet_naam].filter(Boolean).join(' '), [b.credit, b.credit_naam].filter(Boolean).join(' '),
      e(b.bedrag_cent), b.sleutel]));
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'status', 'focus on the count when all are shown');
  await expectAccessible(page, 'grootboek (alle boekingen)');

  // A slow journal: the server's answer is held back. The progress text counts, the region is busy,
  // and the page answers: cancelling works while the request is under way.
  let vastgehouden = null;
  await page.route('**/api/v1/grootboek/journaal', (route) => { vastgehouden = route; });
  await page.getByRole('button', { name: 'Journaal downloaden' }).click();
  await page.getByRole('status').filter({ hasText: /^Het journaal wordt opgehaald: [1-9]\d* seconden?, 0 kB ontvangen\.$/ }).waitFor();
  assert.ok(vastgehouden, 'the request reached the network');
  assert.equal(await page.locator('.journaal__voortgang').getAttribute('aria-busy'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Journaal downloaden' }).isDisabled(), true);
  await expectAccessible(page, 'grootboek (journaal wordt opgehaald)');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await page.getByRole('status').filter({ hasText: 'Het ophalen van het journaal is geannuleerd.' }).waitFor();
  assert.equal(await page.locator('.journaal__voortgang').getAttribute('aria-busy'), null);
  assert.equal(await page.getByRole('button', { name: 'Annuleren' }).count(), 0, 'the cancel button is gone');
  await page.unroute('**/api/v1/grootboek/journaal');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Journaal downloaden' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^grootboek-\d{4}-\d{2}-\d{2}\.journal$/);
  const journaal = readFileSync(await download.path(), 'utf8');
  assert.match(journaal, /^; doorbraak grootboek, uitgevoerd /);
  assert.ok(journaal.includes(`project:${s.aanvragen[0]}`), 'the journal holds the project');
  await page.getByRole('status').filter({ hasText: /^Het journaal is opgehaald \(\d+ kB, \d+ seconden?\) en wordt opgeslagen als grootboek-/ }).waitFor();
  assert.equal(await page.locator('.journaal__voortgang').getAttribute('aria-busy'), null);
  assert.equal(await page.getByRole('button', { name: 'Journaal downloaden' }).isEnabled(), true);
  await expectAccessible(page, 'grootboek (journaal opgehaald)');
});

test('the ledger for an insurer: its own projects, and no journal', async () => {
  await alsRol(page, srv.url, 'beoordelaar');
  await page.goto(`${srv.url}/grootboek`);
  await waitForScreen(page, 'Grootboek');
  const o = await json(w.beoordelaar, '/grootboek/rekeningen');
  const projecten = await tableRows('Per project (aanvraag)');
  assert.deepEqual(projecten.slice(0, o.projecten.length).map((r) => r[0]), o.projecten.map((r) => `${r.aanvraag_titel} (${r.aanvraag_id})`));
  assert.equal(await page.getByRole('heading', { name: 'Journaal voor hledger' }).count(), 0);
  await expectAccessible(page, 'grootboek (verzekeraar)');
});

test('the auditor reads the request and the decision without forms; its menu has no queue', async () => {
  await alsRol(page, srv.url, 'auditor');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  assert.equal(await nav.getByRole('link', { name: 'Verzoeken' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Beschikkingen' }).count(), 1);
  assert.equal(await nav.getByRole('link', { name: 'Grootboek' }).count(), 1);
  await page.goto(`${srv.url}/nza/verzoeken/${s.A}`);
  await waitForScreen(page, new RegExp(`^Verzoek ${s.A}:`));
  assert.match(await main(), /Status\s+Beschikking verleend/);
  assert.equal(await page.getByRole('button', { name: 'Besluit vastleggen' }).count(), 0);
  await page.getByRole('link', { name: `Beschikking ${s.kenmerk} bekijken` }).click();
  await waitForScreen(page, `Beschikking ${s.kenmerk}`);
  assert.equal(await page.getByRole('button', { name: /^Mijlpaal / }).count(), 0);
  await expectAccessible(page, 'beschikking (auditor)');
  // At 320 pixels wide no screen of this area scrolls sideways (WCAG 1.4.10); wide tables scroll in their region.
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    for (const [pad, naam] of [[`/nza/verzoeken/${s.A}`, new RegExp(`^Verzoek ${s.A}:`)], ['/beschikkingen', 'Beschikkingen'],
      [`/beschikkingen/${s.beschikking}`, `Beschikking ${s.kenmerk}`], ['/grootboek', 'Grootboek']]) {
      await page.goto(srv.url + pad);
      await waitForScreen(page, naam);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${pad}: the page is ${scroll} px wide in a ${client} px window`);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await expectAccessible(page, `${pad} at 320 px`);
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('no screen broke the Content-Security-Policy or threw a script error', async () => {
  assert.deepEqual(browser.problems(), []);
});

await run();
