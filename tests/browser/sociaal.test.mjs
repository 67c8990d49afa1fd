// SPDX-License-Identifier: EUPL-1.2
//
// sociaal.test.mjs -- the social-domain track in Debian's chromium against a
// real `doorbraak serve --demo` on a fresh SQLite database with the social
// domain's demo data (docs/sociaal-domein.md §9).
//
// Each party does its step in the browser: the public sees the regions'
// progress as a tile map with the same in a table; the mandaatgemeente
// (Groningen) is refused while a deviation lacks its motivation, motivates
// it, offers the agenda and signs; Stadskanaal signs after a refused empty
// form; ZN assesses Brabant-Zuidoost (every missing criterion at once
// first); VWS allocates 2028 exact to the cent, pays where the agenda is
// approved and is refused where not; Amsterdam accounts for its SPUK and
// opens its decision letter; the programme office imports scans from CSV
// (every bad row at once first); the mandaatgemeente reports progress and
// the board downloads the overview. axe on every screen and state; no CSP
// violation, no script error, nothing loaded from outside.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { startServer } from '../lib/server.mjs';
import { alsRol, expectAccessible, paginaGet, plain, startBrowser, waitForScreen } from './browser.mjs';

setSuite('browser/sociaal [sqlite]');

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
  srv = await startServer({ backend: 'sqlite', args: ['--demo'], env: { DOORBRAAK_DEMO_SOCIAAL: '1' } });
  browser = await startBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the public sees the regions\' progress as a tile map with an equivalent table', async () => {
  await page.goto(`${srv.url}/sociaal-domein`);
  await waitForScreen(page, 'Sociaal domein: voortgang per regio');
  const kaart = page.getByRole('img', { name: /Kaart van de regio's/ });
  await kaart.waitFor();
  assert.match(await kaart.getAttribute('aria-label'), /In uitvoering: 1/);
  const rij = page.getByRole('row', { name: /Amsterdam-Amstelland \(VR13\)/ });
  assert.match(plain(await rij.innerText()), /In uitvoering/);
  assert.equal(await page.locator('svg.tegelkaart g.tegel').count(), 25);
  await page.getByLabel('Basisfunctionaliteit op de kaart').selectOption({ index: 4 });
  assert.match(plain(await rij.innerText()), /Niet gestart/);
  assert.doesNotMatch(await main(), /buurtsportcoaches/, 'the bottlenecks are for the parties only');
  await expectAccessible(page, 'the public progress map');
});

test('the mandaatgemeente motivates its deviation, offers the agenda and signs', async () => {
  await alsRol(page, srv.url, 'gemeente');
  await page.goto(`${srv.url}/werkagendas`);
  await waitForScreen(page, /Werkagenda's sociaal domein/);
  assert.match(await main(), /mandaatgemeente van regio Groningen/);
  await expectAccessible(page, 'the agendas of a municipality');
  await page.getByRole('link', { name: 'Groningen versie 1' }).click();
  await waitForScreen(page, /Werkagenda Groningen/);
  assert.match(await main(), /Nog niet gemotiveerd/);
  await page.getByRole('button', { name: 'Ter ondertekening aanbieden' }).click();
  await status('motiveer de afwijking');
  await page.getByRole('button', { name: 'Concept wijzigen' }).click();
  const mot = page.getByLabel(/motivering van een afwijking/).nth(3);
  await mot.fill('Onze regio heeft hiervoor al een sluitende keten met de huisartsen.');
  await expectAccessible(page, 'the agenda form');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await status('Het concept is opgeslagen');
  assert.match(await main(), /Motivering: Onze regio heeft hiervoor al een sluitende keten/);
  await page.getByRole('button', { name: 'Ter ondertekening aanbieden' }).click();
  await status('ligt ter ondertekening');
  await page.getByRole('button', { name: 'Ondertekenen namens Groningen' }).click();
  await page.getByLabel('Datum van het collegebesluit').fill('2026-10-06');
  await page.getByLabel('Kenmerk van het collegebesluit').fill('B&W Groningen 2026/77');
  await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
  await status('Ondertekend');
  assert.match(await main(), /B&W Groningen 2026\/77/);
  await expectAccessible(page, 'the agenda offered for signing');
});

test('Stadskanaal signs after a refused empty form', async () => {
  await alsRol(page, srv.url, 'gemeente-stadskanaal');
  await page.goto(`${srv.url}/werkagendas`);
  await waitForScreen(page, /Werkagenda's sociaal domein/);
  const rij = page.getByRole('row', { name: /Groningen versie 1/ });
  assert.match(plain(await rij.innerText()), /1 van 10/);
  await page.getByRole('link', { name: 'Groningen versie 1' }).click();
  await waitForScreen(page, /Werkagenda Groningen/);
  await page.getByRole('button', { name: 'Ondertekenen namens Stadskanaal' }).click();
  await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
  await page.locator('.foutsamenvatting').filter({ hasText: 'kenmerk' }).waitFor();
  await expectAccessible(page, 'the signature with errors');
  await page.getByLabel('Datum van het collegebesluit').fill('2026-10-13');
  await page.getByLabel('Kenmerk van het collegebesluit').fill('Stadskanaal 2026-1013');
  await page.getByLabel(/collegebesluit als bestand/).setInputFiles({ name: 'besluit.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n') });
  await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
  await status('Ondertekend');
  assert.match(await main(), /Stadskanaal 2026-1013/);
  const besluit = await paginaGet(page, `${srv.url}${await page.getByRole('link', { name: 'Collegebesluit Stadskanaal' }).getAttribute('href')}`);
  assert.equal(besluit.status, 200);
  assert.match(besluit.text, /^%PDF/);
});

test('ZN assesses Brabant-Zuidoost: every missing criterion at once, then negative', async () => {
  await alsRol(page, srv.url, 'beoordelaar');
  await page.goto(`${srv.url}/werkagendas`);
  await waitForScreen(page, /Werkagenda's sociaal domein/);
  await page.getByRole('link', { name: 'Brabant-Zuidoost versie 1' }).click();
  await waitForScreen(page, /Werkagenda Brabant-Zuidoost/);
  assert.match(await main(), /Eén van VNG en ZN heeft beoordeeld/);
  await page.getByRole('button', { name: 'Beoordelen namens ZN' }).click();
  await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const fouten = page.locator('.foutsamenvatting');
  await fouten.waitFor();
  assert.match(plain(await fouten.innerText()), /Basiseis 1/);
  assert.match(plain(await fouten.innerText()), /Verklaar dat u geen belang/);
  await expectAccessible(page, 'the assessment with errors');
  const groepen = page.locator('fieldset.keuzegroep');
  const n = await groepen.count();
  for (let i = 0; i < n - 1; i += 1) await groepen.nth(i).getByLabel(i === 0 ? 'Niet voldaan' : 'Voldaan', { exact: true }).check();
  await groepen.nth(n - 1).getByLabel('Negatief').check();
  await page.getByLabel('Motivering', { exact: true }).fill('De arbeidsbesparing is niet onderbouwd.');
  await page.getByLabel(/geen belangenconflict/).check();
  await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await status('Beoordeeld. Stand: Negatief');
});

test('VWS allocates 2028 exact to the cent, pays where the agenda is approved, is refused where not', async () => {
  await alsRol(page, srv.url, 'vws');
  await page.goto(`${srv.url}/spuk`);
  await waitForScreen(page, 'SPUK sociaal domein');
  assert.match(await main(), /Aandeel inwoners/);
  await page.getByRole('button', { name: 'Tranche 2028 toekennen' }).click();
  await status(/de delen zijn samen precies €\s100\.000\.000\./);
  await page.getByRole('button', { name: 'SPUK-2028-0363 betalen' }).click();
  await status('Betaald: SPUK-2028-0363');
  await page.getByRole('button', { name: 'SPUK-2028-0772 betalen' }).click();
  await status('Niet betaald');
  assert.match(await main(), /Brabant|VR22 heeft nog geen definitieve werkagenda/);
  await expectAccessible(page, 'the SPUK for VWS');
});

test('Amsterdam accounts for its SPUK and opens its decision letter', async () => {
  await alsRol(page, srv.url, 'gemeente-amsterdam');
  await page.goto(`${srv.url}/spuk`);
  await waitForScreen(page, 'SPUK sociaal domein');
  assert.equal(await page.getByRole('row').filter({ hasText: 'SPUK-20' }).count(), 2, 'only its own decisions');
  const doc = await paginaGet(page, `${srv.url}${await page.getByRole('link', { name: /Beschikking SPUK-2027-0363/ }).getAttribute('href')}`);
  assert.equal(doc.status, 200);
  assert.match(doc.text, /college van burgemeester en wethouders van Amsterdam/);
  await page.getByRole('button', { name: 'SPUK-2027-0363 verantwoorden' }).click();
  await page.getByLabel('Jaar').selectOption('2028');
  await page.getByLabel(/Sociaal verwijzen: besteed in euro/).fill('1.000.000');
  await page.getByLabel(/eindverantwoording/).check();
  await expectAccessible(page, 'the accountability form');
  await page.getByRole('button', { name: 'Verantwoording indienen' }).click();
  await status('Teruggevorderd');
});

test('the programme office imports scans from CSV: every bad row at once, then the good file', async () => {
  await alsRol(page, srv.url, 'programmabureau');
  await page.goto(`${srv.url}/regioscans`);
  await waitForScreen(page, 'Regioscans');
  const kop = 'regio,meting,basisfunctionaliteit,niveau,advies,gezamenlijk_advies\n';
  await page.getByLabel('CSV-bestand').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv',
    buffer: Buffer.from(`${kop}VR05,nulmeting,valpreventie,x,versnellen,A\nVR05,nulmeting\n`) });
  await page.getByRole('button', { name: 'Importeren' }).click();
  await page.getByRole('status').filter({ hasText: 'Niet ingevoerd' }).waitFor();
  assert.match(await main(), /\/regels\/2/);
  assert.match(await main(), /\/regels\/3/);
  await expectAccessible(page, 'the refused import');
  const bfs = ['laagdrempelige-steunpunten-epa', 'sociaal-verwijzen', 'valpreventie', 'ketenaanpak-overgewicht-obesitas-volwassenen',
    'kansrijke-start-nu-niet-zwanger', 'ketenaanpak-overgewicht-obesitas-kinderen'];
  await page.getByLabel('CSV-bestand').setInputFiles({ name: 'goed.csv', mimeType: 'text/csv',
    buffer: Buffer.from(kop + bfs.map((b, i) => `VR05,nulmeting,${b},${i % 4},versnellen,"Twente: alles versnellen"`).join('\n')) });
  await page.getByRole('button', { name: 'Importeren' }).click();
  await page.getByRole('status').filter({ hasText: '1 regioscan(s) ingevoerd' }).waitFor();
  assert.match(await main(), /Twente: alles versnellen/);
});

test('the mandaatgemeente reports progress; the board reads the overview and downloads it', async () => {
  await alsRol(page, srv.url, 'gemeente');
  await page.goto(`${srv.url}/voortgang`);
  await waitForScreen(page, 'Voortgang sociaal domein');
  await page.getByRole('button', { name: 'Voortgang rapporteren voor Groningen' }).click();
  await page.getByLabel('Halfjaar').last().selectOption('2027-2');
  await page.getByLabel('Valpreventie: stand').selectOption('in_uitvoering');
  await page.getByLabel('Valpreventie: besteed in euro (niet verplicht)').fill('12.500,50');
  await page.getByLabel('Knelpunten').fill('Te weinig fysiotherapeuten voor de beweegprogramma\'s.');
  await page.getByRole('button', { name: 'Rapportage indienen' }).click();
  await waitForScreen(page, 'Voortgang sociaal domein');
  await page.getByText('het tweede halfjaar van 2027: 1 van de 25').waitFor();
  await alsRol(page, srv.url, 'bestuur');
  await page.goto(`${srv.url}/voortgang?periode=2027-1`);
  await waitForScreen(page, 'Voortgang sociaal domein');
  assert.match(await main(), /3 van de 25 regio's rapporteerden/);
  assert.match(await main(), /buurtsportcoaches/);
  await expectAccessible(page, 'the progress overview');
  await page.getByRole('button', { name: 'Downloaden als CSV' }).click();
  await status('gedownload als CSV');
});

test('a municipality riding along sees the Zvw applications it takes part in, can read them, and cannot start one [003 D5]', async () => {
  await alsRol(page, srv.url, 'gemeente');
  await page.goto(`${srv.url}/meedoen`);
  await waitForScreen(page, 'Aanvragen waarin uw gemeente meedoet');
  const api = JSON.parse((await paginaGet(page, '/api/v1/aanvragen')).text);
  assert.ok(api.aanvragen.length > 0, 'the demo has applications with Groningen as participant');
  const tabel = page.getByRole('table', { name: /aanvra/ });
  const rijen = await tabel.locator('tbody tr').count();
  assert.equal(rijen, api.aanvragen.length);
  assert.equal(await page.getByRole('link', { name: 'Nieuwe aanvraag' }).count(), 0, 'a municipality does not apply itself');
  assert.match(plain(await page.locator('main').innerText()), /kan meedoen in het plan van een zorgaanbieder, zonder bedrag \[003 D5\]/);
  await expectAccessible(page, 'aanvragen van de gemeente');
  await tabel.getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: 'Stand van zaken' }).waitFor({ timeout: 20000 });
  assert.equal(await page.getByRole('button', { name: /Opslaan/ }).count(), 0, 'read only');
  await expectAccessible(page, 'aanvraag gelezen door de gemeente');
});

test('no CSP violation, no script error, nothing loaded from outside', async () => {
  assert.deepEqual(browser.problems(), []);
});

await run();
