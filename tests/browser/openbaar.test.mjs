// SPDX-License-Identifier: EUPL-1.2
//
// openbaar.test.mjs -- the public screens of the web client in Debian's
// chromium, against a real `doorbraak serve --demo` on a fresh SQLite
// database: the overview with the seed numbers (fund, pots, theme budgets
// as a chart and as a table), application areas with their filters, basic
// requirements, modelplans with their versions, impact bars, the page for
// an unknown address, and the money formatting. axe (WCAG 2.2 A + AA)
// reports no violation on any screen, and no screen breaks the
// Content-Security-Policy or throws a script error.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { startServer } from '../lib/server.mjs';
import { expectAccessible, plain, startBrowser, waitForScreen } from './browser.mjs';

setSuite('browser/openbaar [sqlite]');

let srv;
let browser;

before(async () => {
  srv = await startServer({ backend: 'sqlite', args: ['--demo'] });
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

/** A new tab on `path`, once its screen (h1 `name`) is rendered. */
async function open(path, name) {
  const page = await browser.page();
  await page.goto(srv.url + path);
  await waitForScreen(page, name);
  return page;
}

/** The rows of a table (by caption) as arrays of cell texts. */
async function tableRows(page, caption) {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  return table.evaluate((t) => [...t.querySelectorAll('tbody tr, tfoot tr')]
    .map((tr) => [...tr.children].map((c) => c.textContent.replace(/\u00a0/g, ' ').trim())));
}

test('the overview shows the fund, the pots and the theme budgets of the seed', async () => {
  const page = await open('/', 'AZWA-doorbraakmiddelen');
  assert.equal(await page.title(), 'Overzicht - Doorbraakmiddelen');
  const main = plain(await page.locator('main').innerText());
  assert.match(main, /Totaal\s+€ 800\.000\.000/);
  assert.match(main, /Beschikbaar in 2027\s+€ 400\.000\.000/);
  const potten = await tableRows(page, 'Potten van het fonds, met het bedrag per jaar');
  assert.deepEqual(potten.map((r) => [r[0], r.at(-1)]), [
    ['Impactvolle transformaties via zorgverzekeraars (Zvw)', '€ 600.000.000'],
    ['Sociaal domein: versneld opschalen basisfunctionaliteiten (SPUK AZWA)', '€ 200.000.000'],
    ['Totaal', '€ 800.000.000'],
  ]);
  const themas = await tableRows(page, 'Richtbedrag per thema (tabel)');
  assert.deepEqual(themas, [
    ['AI', '€ 275.000.000'],
    ['Digitale en hybride zorg', '€ 275.000.000'],
    ['Medische technologie', '€ 50.000.000'],
    ['Totaal', '€ 600.000.000'],
  ]);
  await page.close();
});

test('the theme chart is drawn by Chart.js, as an image with a text alternative next to its table', async () => {
  const page = await open('/', 'AZWA-doorbraakmiddelen');
  const canvas = page.getByRole('img', { name: /Richtbedrag per thema.*tabel/ });
  await canvas.waitFor();
  await page.waitForFunction(() => {
    const c = document.querySelector('figure.grafiek canvas');
    return globalThis.Chart && c && globalThis.Chart.getChart(c);
  });
  const chart = await page.evaluate(() => {
    const c = globalThis.Chart.getChart(document.querySelector('figure.grafiek canvas'));
    return { labels: c.data.labels, data: c.data.datasets[0].data, width: c.width, height: c.height };
  });
  assert.deepEqual(chart.labels, ['AI', 'Digitale en hybride zorg', 'Medische technologie']);
  assert.deepEqual(chart.data, [275000000, 275000000, 50000000]);
  assert.ok(chart.width > 100 && chart.height > 100, `chart has a size: ${chart.width}x${chart.height}`);
  const figure = page.locator('figure.grafiek').first();
  assert.equal(await figure.getByRole('table').count(), 1, 'the chart has its equivalent table inside its figure');
  await page.close();
});

test('axe: the overview has no WCAG 2.2 A/AA violations', async () => {
  const page = await open('/', 'AZWA-doorbraakmiddelen');
  await page.waitForFunction(() => document.querySelector('#dienststatus')?.textContent.includes('beschikbaar'));
  await expectAccessible(page, 'overzicht');
  await page.close();
});

test('the footer shows the status of the service', async () => {
  const page = await open('/', 'AZWA-doorbraakmiddelen');
  await page.waitForFunction(() => /Status van de dienst: beschikbaar \(versie/.test(document.querySelector('#dienststatus')?.textContent));
  assert.equal(await page.getByRole('contentinfo').count(), 1);
  await page.close();
});

test('application areas: filtering by theme and sector uses the address and the back button', async () => {
  const page = await open('/toepassingsgebieden', 'Toepassingsgebieden');
  const status = page.getByRole('status');
  await status.filter({ hasText: '11 toepassingsgebieden gevonden.' }).waitFor();
  await page.getByLabel('Thema').selectOption('ai');
  await page.getByLabel('Sector').selectOption('ggz');
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await status.filter({ hasText: '2 toepassingsgebieden gevonden.' }).waitFor();
  assert.match(page.url(), /\/toepassingsgebieden\?thema=ai&sector=ggz$/);
  const names = await page.locator('article h3').allInnerTexts();
  assert.deepEqual(names, ['Spraakgestuurd rapporteren', 'Mentaal Schakelpunt (MSP)']);
  await expectAccessible(page, 'toepassingsgebieden (gefilterd)');
  await page.goBack();
  await waitForScreen(page, 'Toepassingsgebieden');
  await status.filter({ hasText: '11 toepassingsgebieden gevonden.' }).waitFor();
  await page.goto(`${srv.url}/toepassingsgebieden?thema=medische-technologie`);
  await status.filter({ hasText: '3 toepassingsgebieden gevonden.' }).waitFor();
  assert.equal(await page.getByLabel('Thema').inputValue(), 'medische-technologie', 'the filter comes from the address');
  await page.close();
});

test('basic requirements: the 14 with their official numbers; axe clean', async () => {
  const page = await open('/basiseisen', 'Basiseisen');
  const rows = await tableRows(page, 'De basiseisen met hun officiële nummer');
  assert.equal(rows.length, 14);
  assert.deepEqual(rows[0].slice(0, 2), ['1', 'Impact op arbeidsinzet']);
  assert.match(rows[7][3], /^Zvw \(zorgverzekeraars\)$/, 'requirement 8 does not apply to the social domain');
  await expectAccessible(page, 'basiseisen');
  await page.close();
});

test('modelplans: one per application area, each leading to its versions and norms; axe clean', async () => {
  const page = await open('/modelplannen', 'Modelplannen');
  const rows = await tableRows(page, 'Modelplannen, met de nieuwste versie in deze catalogus');
  assert.equal(rows.length, 11);
  await expectAccessible(page, 'modelplannen');
  await page.getByRole('link', { name: 'Modelplan Spraakgestuurd rapporteren' }).click();
  await waitForScreen(page, 'Modelplan Spraakgestuurd rapporteren');
  assert.equal(await page.title(), 'Modelplan Spraakgestuurd rapporteren, versie 1 - Doorbraakmiddelen');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new screen');
  await page.getByRole('link', { name: /^Versie 1, gepubliceerd op/ }).waitFor();
  const main = plain(await page.locator('main').innerText());
  assert.match(main, /Minimale impact\s+35 fte arbeidsbesparing per € 1 mln/);
  assert.match(main, /Maximum per aanvraag\s+€ 10\.000\.000/);
  const mijlpalen = await tableRows(page, 'Mijlpalen met hun deel van het bedrag en de uiterste datum');
  assert.deepEqual(mijlpalen.at(-1).slice(0, 1).concat(mijlpalen.at(-1)[3]), ['Totaal', '100%']);
  // Open every section so that axe sees the questions too.
  for (const d of await page.locator('details').all()) await d.locator('summary').click();
  await page.getByText('1.1 Probleemstelling').waitFor();
  await expectAccessible(page, 'modelplan');
  await page.close();
});

test('impact bars: A 35, B 17 and C 9 fte per EUR 1 mln, as a chart and a table; axe clean', async () => {
  const page = await open('/impactlatten', 'Impactlatten');
  const rows = await tableRows(page, 'Fte arbeidsbesparing per € 1 mln per scenario (tabel)');
  assert.deepEqual(rows.map((r) => r[1]), ['35 fte', '17 fte', '9 fte', '18 fte']);
  assert.match(await page.locator('main').innerText(), /nog geen impactlat gekozen/);
  await expectAccessible(page, 'impactlatten');
  await page.close();
});

test('an unknown address shows "Pagina niet gevonden"; axe clean', async () => {
  const page = await open('/bestaat-niet', 'Pagina niet gevonden');
  assert.equal(await page.title(), 'Pagina niet gevonden - Doorbraakmiddelen');
  await expectAccessible(page, 'niet gevonden');
  const res = await page.goto(`${srv.url}/static/bestaat-niet.js`);
  assert.equal(res.status(), 404, 'a missing file is a 404, shown to a browser as the client page');
  await waitForScreen(page, 'Pagina niet gevonden');
  await page.close();
});

test('amounts are formatted from cents without floating point, in Dutch notation', async () => {
  const page = await open('/', 'AZWA-doorbraakmiddelen');
  const out = await page.evaluate(async () => {
    const m = await import('/static/js/opmaak.js');
    return {
      a: m.euro(27500000000), b: m.euro(123456), c: m.euro(-5), d: m.euro('90071992547409930'),
      e: m.euroMiljoen(2550000000), f: m.milli(9500), g: m.procent(1500), h: m.procent(2550),
      i: m.getal(27600), j: m.datum('2026-11-23'),
    };
  });
  assert.deepEqual(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, plain(v)])), {
    a: '€ 275.000.000', b: '€ 1.234,56', c: '€ -0,05', d: '€ 900.719.925.474.099,30',
    e: '€ 25,5 mln', f: '9,5', g: '15%', h: '25,5%', i: '27.600', j: '23 november 2026',
  });
  await page.close();
});

test('at 320 pixels wide no screen scrolls sideways (WCAG 1.4.10); wide tables scroll by keyboard; axe clean', async () => {
  const page = await browser.page();
  await page.setViewportSize({ width: 320, height: 800 });
  const screens = [['/', 'AZWA-doorbraakmiddelen'], ['/toepassingsgebieden', 'Toepassingsgebieden'],
    ['/modelplannen', 'Modelplannen'], ['/modelplannen/mp-digitale-emdr', 'Modelplan Digitale EMDR'],
    ['/basiseisen', 'Basiseisen'], ['/impactlatten', 'Impactlatten'], ['/inloggen', 'Inloggen']];
  for (const [path, name] of screens) {
    await page.goto(srv.url + path);
    await waitForScreen(page, name);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
    }));
    assert.ok(scroll <= client, `${path}: the page is ${scroll} px wide in a ${client} px window`);
    // Give the ResizeObserver a frame to mark overflowing tables as focusable regions.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expectAccessible(page, `${path} at 320 px`);
  }
  await page.goto(`${srv.url}/`);
  await waitForScreen(page, 'AZWA-doorbraakmiddelen');
  const region = page.getByRole('region', { name: 'Potten van het fonds, met het bedrag per jaar' });
  await region.waitFor();
  assert.equal(await region.getAttribute('tabindex'), '0', 'a table that scrolls can be reached with Tab');
  await page.close();
});

test('no screen broke the Content-Security-Policy or threw a script error', async () => {
  assert.deepEqual(browser.problems(), []);
});

await run();
