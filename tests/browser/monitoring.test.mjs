// SPDX-License-Identifier: EUPL-1.2
//
// monitoring.test.mjs -- monitoring and transparency in Debian's chromium
// against a real `doorbraak serve --demo` with the demo chain after the
// payment, whose projects report in every state (docs/monitoring.md §8).
//
// The public reads the open data with its column descriptions; the board
// reads the programme monitor (chart and table, money per dimension),
// downloads a list with progress and prints without navigation; the
// coordinating insurer acknowledges a signal with a note (an empty note is
// refused first); the lead reports a quarter (each refusal shown at its field first)
// and downloads its list of beschikkingen as Excel. axe on every screen and
// state; no CSP violation, no script error, nothing loaded from outside.

import { readFileSync } from 'node:fs';

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { startServer } from '../lib/server.mjs';
import { alsRol, expectAccessible, plain, startBrowser, waitForScreen } from './browser.mjs';

setSuite('browser/monitoring [sqlite]');

let srv;
let browser;
let page;

const main = async () => plain(await page.locator('main').innerText());

async function status(text) {
  try {
    await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 15000 });
  } catch {
    throw new Error(`no status "${text}"; the screen says: ${await main()}`);
  }
}

before(async () => {
  srv = await startServer({ backend: 'sqlite', args: ['--demo'], env: { DOORBRAAK_DEMO_VERANTWOORDING: '1' } });
  browser = await startBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the public reads the open data of every honoured plan with a description of every column', async () => {
  await page.goto(`${srv.url}/open-data`);
  await waitForScreen(page, 'Open data: gehonoreerde plannen');
  const tabel = page.getByRole('table', { name: /Gehonoreerde plannen \(4\)/ });
  await tabel.waitFor();
  assert.equal(await tabel.getByRole('row').count(), 5);
  assert.match(await main(), /Fte gerealiseerd/);
  assert.equal(await page.getByRole('table', { name: 'Kolommen van de dataset' }).getByRole('row').count(), 15);
  assert.equal(await page.getByRole('link', { name: /als CSV/ }).getAttribute('href'), '/api/v1/open-data/plannen.csv');
  await expectAccessible(page, 'the open data page');
});

test('the board reads the programme monitor, switches the dimension, downloads a list and prints cleanly', async () => {
  await alsRol(page, srv.url, 'bestuur');
  await page.goto(`${srv.url}/programmamonitor`);
  await waitForScreen(page, 'Programmamonitor');
  assert.match(await main(), /Stand op 15 september 2028/);
  assert.match(await main(), /27\.600 fte/);
  await page.getByRole('table', { name: 'Arbeidsbesparing per kwartaal (fte) (tabel)' }).waitFor();
  await page.getByRole('table', { name: 'Geld per thema door elk stadium' }).waitFor();
  await expectAccessible(page, 'the programme monitor');
  await page.getByLabel('Geld en plannen per').selectOption('regio');
  const regio = page.getByRole('table', { name: 'Geld per regio door elk stadium' });
  await regio.waitFor();
  assert.match(plain(await regio.innerText()), /Twente/);
  await page.getByRole('table', { name: 'Plannen ingediend en gehonoreerd per regio' }).waitFor();
  await expectAccessible(page, 'the programme monitor per region');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download de signalen als CSV' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^signalen-2028-09-15\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv.split('\r\n')[0], /sleutel;code;beschikking_id/);
  await status('Gedownload: de signalen als CSV');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav').first().evaluate((n) => getComputedStyle(n).display), 'none');
  assert.equal(await page.locator('.downloadbalk').first().evaluate((n) => getComputedStyle(n).display), 'none');
  assert.ok(await page.getByRole('table', { name: 'Geld per regio door elk stadium' }).isVisible(), 'tables print');
  await page.emulateMedia({ media: 'screen' });
});

test('the coordinating insurer acknowledges a signal with a note; an empty note is refused', async () => {
  await alsRol(page, srv.url, 'beoordelaar');
  await page.goto(`${srv.url}/signalen`);
  await waitForScreen(page, 'Signalen');
  assert.match(await main(), /kennis genomen/, 'the demo acknowledgement');
  await expectAccessible(page, 'the signals of an insurer');
  const knop = page.getByRole('button', { name: /^Kennisnemen van mijlpaal_te_laat/ }).first();
  await knop.click();
  await page.getByRole('button', { name: 'Kennisname vastleggen' }).click();
  await page.getByText(/Schrijf bij de kennisname wat u met het signaal doet/).first().waitFor();
  await expectAccessible(page, 'the acknowledgement refused');
  await page.getByLabel('Wat doet u met dit signaal?').fill('Penvoerder gebeld; melding van de mijlpaal volgt deze maand.');
  await page.getByRole('button', { name: 'Kennisname vastleggen' }).click();
  await status('Kennisname vastgelegd');
  assert.match(await main(), /Penvoerder gebeld/);
});

test('the lead reports a quarter (refused first: a number that is none, then the steering missing) and downloads its beschikkingen as Excel', async () => {
  await alsRol(page, srv.url, 'aanvrager');
  await page.goto(`${srv.url}/beschikkingen`);
  await waitForScreen(page, 'Beschikkingen');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download de beschikkingen als Excel (XLSX)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'beschikkingen.xlsx');
  assert.equal(readFileSync(await download.path()).subarray(0, 2).toString(), 'PK');
  await page.getByRole('link', { name: 'NZa-DBM-2026-000003' }).click();
  await waitForScreen(page, /Beschikking/);
  await page.getByRole('link', { name: 'Naar de voortgang' }).click();
  await waitForScreen(page, 'Voortgang van NZa-DBM-2026-000003');
  assert.match(await main(), /2027-K2/);
  await expectAccessible(page, 'the project\'s progress');
  await page.getByRole('button', { name: 'Voortgang rapporteren' }).click();
  await page.getByLabel('Kwartaal', { exact: true }).selectOption('2027-K3');
  await page.getByLabel(/Gerealiseerde arbeidsbesparing in fte/).fill('veel');
  await page.getByRole('button', { name: 'Rapportage indienen' }).click();
  await page.getByText('Een aantal fte, bijvoorbeeld 12,5.').first().waitFor();
  await page.getByLabel(/Gerealiseerde arbeidsbesparing in fte/).fill('40,5');
  await page.getByRole('button', { name: 'Rapportage indienen' }).click();
  await page.getByText(/Beschrijf de bijsturing/).first().waitFor();
  await expectAccessible(page, 'the report form with its problems');
  await page.getByLabel(/^Bijsturing/).fill('Extra implementatiecoach; de koppeling met het EPD is nu gepland.');
  await page.getByLabel(/Besteed tot en met dit kwartaal/).fill('1.500.000');
  await page.getByRole('button', { name: 'Rapportage indienen' }).click();
  await status('Ingediend: 2027-K3, versie 1');
  assert.match(await main(), /40,5/);
});

await run();
