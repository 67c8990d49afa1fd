// SPDX-License-Identifier: EUPL-1.2
//
// verantwoording.test.mjs -- the money after the payment in Debian's
// chromium, against a real `doorbraak serve --demo` on a fresh SQLite
// database (docs/verantwoording.md).
//
// Set up through the API: one application assessed positively by both
// insurers, the board's grant (toekenning_testhulp), the joint request and
// NZa's beschikking; milestone m1 reported and paid.
//
// In the browser, each party does its step: the programme office sets the
// year's framework (a wrong percentage is refused at the field first); the
// lead accounts for 2027 with the budget beside every line; the insurer asks
// for information, the lead answers with version 2, the insurer tests it;
// the insurer corrects the payment of m1 with a reason; the insurer states
// this year and 2027; NZa judges 2027 and the document opens; the
// Zorginstituut settles it and downloads the list as XLSX; the auditor and
// the board read without forms. axe on every screen and state; no CSP
// violation, no script error.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { gezamenlijk, positief, toekennen } from '../lib/beschikking.mjs';
import { inloggen, world } from '../lib/indiening.mjs';
import { startServer } from '../lib/server.mjs';
import { alsRol, expectAccessible, paginaGet, plain, startBrowser, waitForScreen } from './browser.mjs';

setSuite('browser/verantwoording [sqlite]');

const MLN = 100000000;
let srv;
let w;
let browser;
let page;
const s = {};



const main = async () => plain(await page.locator('main').innerText());

async function status(text) {
  try {
    await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 15000 });
  } catch (fout) {
    throw new Error(`no status "${text}"; the screen says: ${await main()}`);
  }
}

before(async () => {
  // money is booked in 2027, the fund's first year (the booking clock) [003 §8b]
  srv = await startServer({ backend: 'sqlite', args: ['--demo'], env: { DOORBRAAK_BOEKKLOK: '2027-10-01T09:00:00Z' } });
  w = await world(srv);
  const nza = await inloggen(w.api, 'nza');
  const { ronde, ids } = await positief(w, 1, 'Verantwoording in de browser');
  toekennen(srv.dbUrl, ronde.id, { 'ai/2027': 10 * MLN, 'ai/2028': 10 * MLN }, [[ids[0], 'ai', { 2027: 3 * MLN, 2028: 2 * MLN }]]);
  const t = await gezamenlijk(w, { aanvraag_id: ids[0] });
  const r = await nza.post('/beschikkingen', { nza_aanvraag_id: t.id, besluit: 'verleend', motivering: 'Getoetst.' });
  assert.equal(r.status, 201, r.text);
  s.b = r.json();
  assert.equal((await w.aanvrager.post(`/beschikkingen/${s.b.id}/mijlpalen/m1/meldingen`, { bewijs: 'Verslag.' })).status, 201);
  assert.equal((await w.beoordelaar.post(`/beschikkingen/${s.b.id}/mijlpalen/m1/betalingen`, {})).status, 201);
  browser = await startBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the programme office sets the year\'s framework; a wrong percentage is refused at the field first', async () => {
  await alsRol(page, srv.url, 'programmabureau');
  await page.goto(`${srv.url}/verantwoordingskaders`);
  await waitForScreen(page, 'Verantwoordingskaders');
  assert.match(await main(), /Er is nog geen verantwoordingskader vastgesteld/);
  await page.getByLabel('Jaar', { exact: true }).fill('2027');
  await page.getByLabel('Marge zonder toelichting in procenten').fill('tien');
  await page.getByLabel('Uiterste indiening (datum)').fill('2099-03-31');
  await page.getByRole('button', { name: 'Kader vaststellen' }).click();
  await page.locator('.foutsamenvatting').filter({ hasText: 'Vul een percentage in' }).waitFor();
  await expectAccessible(page, 'the framework with an error');
  await page.getByLabel('Marge zonder toelichting in procenten').fill('10');
  await page.getByRole('button', { name: 'Kader vaststellen' }).click();
  await status('Het verantwoordingskader voor 2027 is vastgesteld.');
  const rij = plain(await page.getByRole('table', { name: 'Verantwoordingskader per jaar' }).innerText());
  assert.match(rij, /2027\s+10%\s+€ 125\.000\s+31 maart 2099/);
  await expectAccessible(page, 'the frameworks');
});

test('the lead accounts for 2027 with the budget beside every line', async () => {
  await alsRol(page, srv.url, 'aanvrager');
  await page.goto(`${srv.url}/beschikkingen/${s.b.id}`);
  await waitForScreen(page, `Beschikking ${s.b.kenmerk}`);
  await page.getByRole('link', { name: 'Naar de verantwoording' }).click();
  await waitForScreen(page, `Verantwoording ${s.b.kenmerk}`);
  await expectAccessible(page, 'the accountability, nothing accounted yet');
  await page.getByRole('button', { name: 'Kosten over 2027 verantwoorden' }).click();
  const eerste = page.getByLabel(/^Werkelijke kosten: /).first();
  const hulp = plain(await page.locator(`#${await eerste.getAttribute('aria-describedby')}`).innerText());
  const begroot = /Begroot voor 2027: € (\d{1,3}(?:\.\d{3})*(?:,\d\d)?)/.exec(hulp);
  assert.ok(begroot, `the budget beside the line: ${hulp}`);
  await eerste.fill(begroot[1]);
  await page.getByLabel(/^Wij verklaren/).check();
  await expectAccessible(page, 'the cost form');
  await page.getByRole('button', { name: 'Verantwoording indienen' }).click();
  await status('De verantwoording over 2027 is ingediend.');
  assert.match(await main(), /Versie 1, ingediend op/);
  assert.match(await main(), /Ingediend; de toetsing door de zorgverzekeraar volgt/);
  await expectAccessible(page, 'the accountability of 2027, version 1');
});

test('the insurer asks for information; the lead answers with version 2; the insurer tests it', async () => {
  await alsRol(page, srv.url, 'beoordelaar');
  await page.goto(`${srv.url}/beschikkingen/${s.b.id}/verantwoording`);
  await waitForScreen(page, `Verantwoording ${s.b.kenmerk}`);
  await page.getByRole('button', { name: 'Informatie vragen over 2027' }).click();
  await page.getByLabel('Vraag aan de penvoerder').fill('Stuur de urenregistratie mee.');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await status('het jaar staat open voor een nieuwe versie');
  await alsRol(page, srv.url, 'aanvrager');
  await page.goto(`${srv.url}/beschikkingen/${s.b.id}/verantwoording`);
  await waitForScreen(page, `Verantwoording ${s.b.kenmerk}`);
  assert.match(await main(), /Stuur de urenregistratie mee\./);
  await page.getByRole('button', { name: 'Nieuwe versie over 2027 indienen' }).click();
  await page.getByRole('button', { name: 'Verantwoording indienen' }).click();
  await status('De verantwoording over 2027 is ingediend.');
  assert.match(await main(), /Versie 2, ingediend op/);
  await alsRol(page, srv.url, 'beoordelaar');
  await page.goto(`${srv.url}/beschikkingen/${s.b.id}/verantwoording`);
  await waitForScreen(page, `Verantwoording ${s.b.kenmerk}`);
  await page.getByRole('button', { name: 'Verantwoording 2027 toetsen' }).click();
  await expectAccessible(page, 'the test form');
  await page.getByRole('button', { name: 'Toetsing vastleggen' }).click();
  // the rules found against the line (no accountant's statement above the threshold): accepting needs a motivation
  await page.locator('.foutsamenvatting').filter({ hasText: 'alleen met een motivering aanvaard' }).waitFor();
  await page.getByLabel('Motivering regel 1 (niet verplicht bij aanvaard)').fill('De verklaring volgt; de uren zijn gezien.');
  await page.getByRole('button', { name: 'Toetsing vastleggen' }).click();
  await status('De toetsing is vastgelegd: plausibel');
  assert.match(await main(), /Getoetst: plausibel € [\d.]+(,\d\d)?\./);
  await expectAccessible(page, 'the tested accountability');
});

test('the insurer corrects the payment of m1 with a reason; the correction shows under the payment', async () => {
  await page.goto(`${srv.url}/beschikkingen/${s.b.id}`);
  await waitForScreen(page, `Beschikking ${s.b.kenmerk}`);
  await page.getByRole('button', { name: 'Betaling m1 corrigeren' }).click();
  await page.getByLabel('Bedrag in euro').fill('1.000');
  await page.getByRole('button', { name: 'Correctie boeken' }).click();
  await page.locator('.foutsamenvatting').filter({ hasText: 'Reden' }).waitFor();
  await page.getByLabel('Reden').fill('Tarief verkeerd overgenomen.');
  await page.getByRole('button', { name: 'Correctie boeken' }).click();
  await status('De betaling van m1 is gecorrigeerd');
  assert.match(await main(), /Correctie 1: −€ 1\.000 op .*\(Tarief verkeerd overgenomen\.\)/);
  await expectAccessible(page, 'the beschikking with a correction');
});

test('the insurer states 2027 and 2029, in order; what goes to risk equalisation is shown', async () => {
  await page.goto(`${srv.url}/jaarstaten`);
  await waitForScreen(page, 'Jaarstaten');
  for (const jaar of [2027, 2029]) {
    await page.getByRole('button', { name: 'Jaarstaat indienen' }).click();
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(jaar));
    await page.getByRole('button', { name: 'Indienen', exact: true }).click();
    await status(`De jaarstaat over ${jaar} is ingediend`);
  }
  const tekst = await main();
  assert.match(tekst, /Jaarstaat 2027, ingediend op/);
  assert.match(tekst, /Projecten in de jaarstaat 2027/);
  await expectAccessible(page, 'the statements of an insurer');
});

test('NZa judges 2027; the judgement opens as a document', async () => {
  await alsRol(page, srv.url, 'nza');
  await page.goto(`${srv.url}/jaarstaten`);
  await waitForScreen(page, 'Jaarstaten');
  await page.getByRole('button', { name: 'Oordeel over 2027 geven' }).click();
  await expectAccessible(page, 'the judgement form');
  await page.getByLabel('Motivering').fill('De kosten zijn plausibel.');
  await page.getByRole('button', { name: 'Rechtsoordeel geven' }).click();
  await status('Het rechtsoordeel over 2027 is gegeven');
  const href = await page.getByRole('link', { name: 'Rechtsoordeel 2027 (HTML)' }).getAttribute('href');
  const doc = await paginaGet(page, href);
  assert.equal(doc.status, 200);
  assert.match(doc.text, /Bestuurlijk rechtsoordeel doorbraakmiddelen 2027/);
  await expectAccessible(page, 'the statements with a judgement');
});

test('the Zorginstituut settles 2027 and downloads the settlements as a spreadsheet', async () => {
  await alsRol(page, srv.url, 'zorginstituut');
  await page.goto(`${srv.url}/vereveningen`);
  await waitForScreen(page, 'Vereveningen');
  await expectAccessible(page, 'the settlements, one to settle');
  await page.getByRole('button', { name: /2027 verevenen$/ }).click();
  await status('Verevend:');
  assert.match(await main(), /Er is niets te verevenen/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden als Excel (XLSX)' }).click()]);
  assert.equal(dl.suggestedFilename(), 'vereveningen.xlsx');
  await status('Vereveningen gedownload als XLSX.');
  await expectAccessible(page, 'the settlements');
});

test('the auditor and the board read the statements and settlements without forms', async () => {
  for (const rol of ['auditor', 'bestuur']) {
    await alsRol(page, srv.url, rol);
    for (const [pad, kop] of [['/jaarstaten', 'Jaarstaten'], ['/vereveningen', 'Vereveningen']]) {
      await page.goto(`${srv.url}${pad}`);
      await waitForScreen(page, kop);
      assert.equal(await page.locator('main form').count(), 0, `${rol} ${pad}: no form`);
      assert.equal(await page.getByRole('button', { name: /indienen|geven|verevenen/ }).count(), 0);
      assert.match(await main(), /2027/);
      await expectAccessible(page, `${pad} for ${rol}`);
    }
  }
});

test('no screen broke the Content-Security-Policy or threw a script error', async () => {
  assert.deepEqual(browser.problems(), []);
});

await run();
