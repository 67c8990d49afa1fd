// SPDX-License-Identifier: EUPL-1.2
//
// bestuur.test.mjs -- the national board's screens in Debian's chromium,
// against a real `doorbraak serve --demo` on a fresh SQLite database. The
// demo holds a closed, fully assessed round ("Demoronde verdeling 2026
// (beoordeeld)", 8 positive applications) with four scenarios and no
// decision (docs/bestuur.md §8).
//
//   * anonymous: the public macro overview, without filters or applications;
//   * an insurer: the filters, applied on the button; a filter error at its field;
//   * the board: the macro overview with every number checked against
//     GET /macrooverzicht, each chart with its table; a new scenario with
//     the form -- first without a seed (error at the field and in the
//     summary), then a computation that is cancelled while it runs, then
//     one with a theme budget of its own; the reasons per application;
//     two scenarios side by side (checked against
//     GET /verdeelscenarios/vergelijking); the decision adopted (checked
//     against GET /bestuursbesluiten/{id}); a second decision on the round
//     refused with the API's message, and a blank motivation at its field.
//
// axe (WCAG 2.2 A + AA) runs on every screen and state; at the end no
// screen broke the CSP or threw a script error.

import { euro, milli, procent } from '../../web/static/js/opmaak.js';
import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { JSON_HEADERS, world } from '../lib/indiening.mjs';
import { startServer } from '../lib/server.mjs';
import { alsRol, DEMO_WACHTWOORD, expectAccessible, paginaGet, plain, startBrowser, waitForScreen } from './browser.mjs';
import { berekenScenario, neemBesluit, vulScenario } from './stappen/bestuur.mjs';

process.env.DOORBRAAK_TEST_TIMEOUT_MS ||= '180000';

setSuite('browser/bestuur [sqlite]');

const RONDE = 'Demoronde verdeling 2026 (beoordeeld)';

let srv;
let w;
let bestuurApi; // a session of the board, to read and to repeat a refusal
let browser;
let page;
let ronde;
const staat = {};

/** The board's own session for the API (world() has none). */
async function bestuurSessie() {
  const res = await w.api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: 'bestuur', wachtwoord: DEMO_WACHTWOORD }) });
  assert.equal(res.status, 201, res.text);
  const cookie = /^__Host-doorbraak=([^;]*)/.exec([].concat(res.headers['set-cookie'])[0])[1];
  const csrf = res.json().csrf_token;
  const call = (method, p, body) => w.api.request(method, `/api/v1${p}`, {
    headers: { cookie: `__Host-doorbraak=${cookie}`, ...(method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      ...(body ? JSON_HEADERS : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) };
}

async function json(caller, p) {
  const r = await caller.get(p);
  assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text}`);
  return r.json();
}

before(async () => {
  srv = await startServer({ backend: 'sqlite', args: ['--demo'] });
  w = await world(srv);
  bestuurApi = await bestuurSessie();
  const { indieningsrondes } = (await w.api.get('/api/v1/indieningsrondes')).json();
  ronde = indieningsrondes.find((r) => r.naam === RONDE);
  assert.ok(ronde, `the demo round "${RONDE}" exists`);
  browser = await startBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

/** The rows of a table (by caption) as arrays of cell texts (no-break spaces as spaces). */
async function tableRows(p, caption) {
  const table = p.getByRole('table', { name: caption, exact: true });
  await table.waitFor();
  return table.evaluate((t) => [...t.querySelectorAll('tbody tr, tfoot tr')]
    .map((tr) => [...tr.children].map((c) => c.textContent.replace(/\u00a0/g, ' ').trim())));
}

/** Every chart is a figure with a canvas (an image with a text alternative) and exactly one table. */
async function chartsHaveTables(p) {
  const figures = p.locator('figure.grafiek');
  const n = await figures.count();
  assert.ok(n > 0, 'the screen has charts');
  for (let i = 0; i < n; i++) {
    const f = figures.nth(i);
    assert.equal(await f.locator('canvas[role="img"]').count(), 1, 'a chart is an image');
    assert.equal(await f.getByRole('table').count(), 1, 'a chart has its equivalent table in its figure');
  }
  // Chart.js drew them (it loads after the page).
  await p.waitForFunction(() => [...document.querySelectorAll('figure.grafiek canvas')]
    .every((c) => globalThis.Chart && globalThis.Chart.getChart(c)));
  return n;
}

const e = (c) => plain(euro(c));

test('anoniem: het openbare macro-overzicht, zonder filters en aanvragen; elke grafiek met tabel', async () => {
  const m = (await w.api.get(`/api/v1/macrooverzicht?indieningsronde=${ronde.id}`)).json();
  assert.equal(m.zicht, 'publiek');
  await page.goto(`${srv.url}/macrooverzicht`);
  await waitForScreen(page, 'Macro-overzicht');
  assert.equal(await page.getByLabel('Indieningsronde', { exact: true }).inputValue(), String(ronde.id), 'the most recently closed round is chosen');
  assert.equal(await page.getByRole('search').count(), 0, 'no filters for the public');
  assert.equal(await page.getByRole('button', { name: 'Filter toepassen' }).count(), 0);
  assert.equal(await page.getByRole('heading', { name: 'Aanvragen', exact: true }).count(), 0, 'no applications for the public');
  assert.equal(await page.getByRole('heading', { name: 'Per regio, toepassingsgebied en sector' }).count(), 0);
  const themas = await tableRows(page, 'Gevraagd per thema tegen het budget (tabel)');
  assert.deepEqual(themas, m.themas.map((t) => [t.naam, e(t.positief_cent), e(t.lopend_cent), e(t.beschikbaar_cent)]));
  const main = plain(await page.locator('main').innerText());
  assert.ok(main.includes(`Het totaal is onder het budget (onderschrijding, bezetting 7%): de positief beoordeelde aanvragen vragen ${e(m.totaal.saldo_positief_cent)} minder`),
    'the stand in words');
  assert.ok(main.includes(`De positief beoordeelde aanvragen beloven ${milli(m.fte.positief_fte_milli)} fte`), 'fte against the ambition');
  assert.ok(await chartsHaveTables(page) >= 3);
  assert.ok((await page.title()).startsWith('Macro-overzicht'));
  await expectAccessible(page, 'macro-overzicht (openbaar)');
  // Not in the anonymous menu: the scenarios need the board's role.
  assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verdeelscenario’s' }).count(), 0);
  assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Macro-overzicht' }).count(), 1);

  // A round that has not closed yet is sealed: the API's message, with its source.
  const open = (await w.api.get('/api/v1/indieningsrondes')).json().indieningsrondes.find((r) => r.fase === 'open');
  const fout = (await w.api.get(`/api/v1/macrooverzicht?indieningsronde=${open.id}`)).json();
  await page.goto(`${srv.url}/macrooverzicht?indieningsronde=${open.id}`);
  await waitForScreen(page, 'Macro-overzicht');
  const melding = page.getByRole('alert');
  await melding.waitFor();
  const tekst = await melding.innerText();
  assert.ok(tekst.includes(fout.detail), tekst);
  assert.ok(tekst.includes(`${fout.errors[0].detail} ${fout.errors[0].bron}`), tekst);
  await expectAccessible(page, 'macro-overzicht (ronde nog open)');
});

test('zorgverzekeraar: filters op de knop, in het adres; een filterfout staat bij het veld', async () => {
  await alsRol(page, srv.url, 'beoordelaar');
  await page.goto(`${srv.url}/macrooverzicht?indieningsronde=${ronde.id}`);
  await waitForScreen(page, 'Macro-overzicht');
  await page.getByRole('search', { name: 'Macro-overzicht filteren' }).waitFor();
  await expectAccessible(page, 'macro-overzicht (verzekeraar)');
  const api = (await w.beoordelaar.get(`/macrooverzicht?indieningsronde=${ronde.id}&thema=ai&aanvragen=true`)).json();
  assert.equal(api.zicht, 'verzekeraar');
  await page.getByLabel('Thema', { exact: true }).selectOption('ai');
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Macro-overzicht van' });
  await status.filter({ hasText: `${api.totaal.aantal_positief} positief beoordeelde aanvragen voor ${e(api.totaal.positief_cent)}` }).waitFor();
  assert.match(page.url(), /\/macrooverzicht\?indieningsronde=\d+&thema=ai$/);
  assert.equal((await tableRows(page, 'Aanvragen in deze selectie')).length, api.aanvragen.length);
  await page.getByText('Gefilterd op thema AI.').waitFor();
  await expectAccessible(page, 'macro-overzicht (verzekeraar, gefilterd)');
  // A year that is no number: the API's message at the field and in the summary.
  await page.getByLabel('Jaar (niet verplicht)').fill('volgend jaar');
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  const summary = page.locator('.foutsamenvatting');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Filteren is niet gelukt[\s\S]*Jaar \(niet verplicht\): 'jaar' is een geheel getal/);
  assert.equal(await page.getByLabel('Jaar (niet verplicht)').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('foutsamenvatting')), true, 'the summary has the focus');
  await expectAccessible(page, 'macro-overzicht (filterfout)');
});

test('bestuur: het macro-overzicht met de getallen van de API, per thema, jaar (cumulatief), regio en de aanvragen', async () => {
  await alsRol(page, srv.url, 'bestuur');
  const m = await json(bestuurApi, `/macrooverzicht?indieningsronde=${ronde.id}&aanvragen=true&limiet=50`);
  assert.equal(m.zicht, 'volledig');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Macro-overzicht' }).click();
  await waitForScreen(page, 'Macro-overzicht');
  await page.getByRole('heading', { name: 'Per regio, toepassingsgebied en sector' }).waitFor();
  assert.deepEqual(await tableRows(page, 'Gevraagd per thema tegen het budget (tabel)'),
    m.themas.map((t) => [t.naam, e(t.positief_cent), e(t.lopend_cent), e(t.beschikbaar_cent)]));
  const stand = await tableRows(page, 'Stand per thema');
  assert.deepEqual(stand.map((r) => [r[0], r[4], r[7]]),
    m.themas.map((t) => [t.naam, e(t.saldo_positief_cent), t.stand === 'onderschrijding' ? 'Onderschrijding' : t.stand === 'overschrijding' ? 'Overschrijding' : 'Precies gevuld']));
  assert.deepEqual(await tableRows(page, 'Gevraagd per jaar tegen de tranche (tabel)'),
    m.jaren.map((j) => [String(j.jaar), e(j.positief_cent), e(j.lopend_cent), e(j.beschikbaar_cent)]));
  assert.deepEqual(await tableRows(page, 'Cumulatief gevraagd tegen cumulatief beschikbaar (tabel)'),
    m.jaren.map((j) => [String(j.jaar), e(j.cumulatief_positief_cent), e(j.cumulatief_incl_lopend_cent), e(j.cumulatief_beschikbaar_cent)]));
  assert.deepEqual((await tableRows(page, 'Gevraagd per regio (tabel)')).map((r) => r.slice(0, 2)),
    m.regios.map((r) => [r.id, e(r.positief_cent)]));
  assert.equal((await tableRows(page, 'Per sector')).length, m.sectoren.length);
  assert.equal((await tableRows(page, 'Per toepassingsgebied')).length, m.toepassingsgebieden.length);
  const aanvragen = await tableRows(page, 'Aanvragen in deze selectie');
  assert.deepEqual(aanvragen.map((r) => [r[0], r[5]]), m.aanvragen.map((a) => [a.titel, e(a.gevraagd_cent)]));
  const main = plain(await page.locator('main').innerText());
  assert.ok(main.includes(`Gehaald deel van de Zvw-ambitie\n${procent(m.fte.positief_aandeel_zvw_ambitie_bp)}`), 'share of the ambition');
  assert.ok(await chartsHaveTables(page) >= 4);
  await expectAccessible(page, 'macro-overzicht (bestuur)');

  // Filter on a region: the totals are those of the selection.
  const twente = await json(bestuurApi, `/macrooverzicht?indieningsronde=${ronde.id}&regio=Twente`);
  await page.getByLabel('Regio (niet verplicht)').fill('Twente');
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await page.getByRole('status').filter({ hasText: `${twente.totaal.aantal_positief} positief beoordeelde aanvragen voor ${e(twente.totaal.positief_cent)}` }).waitFor();
  assert.deepEqual((await tableRows(page, 'Aanvragen in deze selectie')).map((r) => r[4]), ['Twente']);
  await expectAccessible(page, 'macro-overzicht (bestuur, regio)');

  // Paging through the applications: the next page joins the same table.
  await page.goto(`${srv.url}/macrooverzicht?indieningsronde=${ronde.id}&limiet=5`);
  await waitForScreen(page, 'Macro-overzicht');
  assert.equal((await tableRows(page, 'Aanvragen in deze selectie')).length, 5);
  await page.getByRole('button', { name: 'Meer aanvragen tonen' }).click();
  await page.getByRole('status').filter({ hasText: `${m.aanvragen.length - 5} aanvragen meer getoond.` }).waitFor();
  assert.deepEqual((await tableRows(page, 'Aanvragen in deze selectie')).map((r) => r[0]), m.aanvragen.map((a) => a.titel));
  assert.equal(await page.getByRole('button', { name: 'Meer aanvragen tonen' }).count(), 0, 'no further page');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), m.aanvragen[5].titel, 'focus on the first new row');
  await expectAccessible(page, 'macro-overzicht (tweede pagina)');
});

test('bestuur: nieuw scenario zonder seed geeft de fout bij het veld en in de samenvatting', async () => {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verdeelscenario’s' }).click();
  await waitForScreen(page, 'Verdeelscenario’s');
  const lijst = await tableRows(page, 'Scenario’s van deze ronde, oudste eerst');
  assert.equal(lijst.length, 4, 'the four demo scenarios');
  await page.getByText('Er is nog geen besluit over deze ronde.').waitFor();
  await expectAccessible(page, 'verdeelscenario’s');
  await vulScenario(page, { naam: 'Zonder seed', regel: 'rangorde', seed: '' });
  const summary = page.locator('.foutsamenvatting');
  await summary.waitFor();
  const tekst = await summary.innerText();
  assert.match(tekst, /Het scenario is niet berekend/);
  assert.match(tekst, /Seed voor de loting: Het veld 'seed' is verplicht\./);
  assert.equal(await page.getByLabel('Seed voor de loting').getAttribute('aria-invalid'), 'true');
  const beschreven = await page.getByLabel('Seed voor de loting').getAttribute('aria-describedby');
  const foutTekst = await page.locator(`[id="${beschreven.split(' ')[0]}"]`).innerText();
  assert.match(foutTekst, /Het veld 'seed' is verplicht/, 'the error is tied to the field');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('foutsamenvatting')), true);
  await expectAccessible(page, 'nieuw scenario (fout)');
  // The link in the summary takes the focus to the field.
  await summary.getByRole('link', { name: /Seed voor de loting/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'parameters.seed');
  const n = (await json(bestuurApi, `/verdeelscenarios?indieningsronde=${ronde.id}`)).verdeelscenarios.length;
  assert.equal(n, 4, 'nothing was stored');
});

test('bestuur: een lopende berekening toont voortgang en kan worden afgebroken', async () => {
  let vrijgeven;
  const vastgehouden = new Promise((resolve) => { vrijgeven = resolve; });
  let gezien = 0;
  // The job is held on its way to the server until the user cancels: the server never
  // sees it. Cancelling a job the server has (wachtend or bezig) is tested in
  // tests/api/verdeeltaken.test.mjs and tests/unit/test_verdeeltaak.c.
  await page.route('**/api/v1/verdeeltaken', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    gezien++;
    await vastgehouden;
    await route.abort().catch(() => {});
  });
  try {
    await page.goto(`${srv.url}/verdeelscenarios?indieningsronde=${ronde.id}`);
    await waitForScreen(page, 'Verdeelscenario’s');
    await vulScenario(page, { naam: 'Wordt afgebroken', regel: 'optimaal', seed: 'afbreken' });
    const form = page.locator('form[aria-labelledby="kop-nieuw"]');
    await page.getByRole('status').filter({ hasText: 'Het scenario wordt berekend' }).waitFor();
    assert.equal(await form.getAttribute('aria-busy'), 'true');
    assert.equal(await page.getByRole('button', { name: 'Scenario berekenen' }).isDisabled(), true);
    // The page stays usable meanwhile.
    await page.getByRole('link', { name: 'Het macro-overzicht van deze ronde' }).focus();
    await expectAccessible(page, 'nieuw scenario (bezig)');
    await page.getByRole('button', { name: 'Berekening afbreken' }).click();
    await page.getByRole('status').filter({ hasText: 'De berekening is afgebroken; er is niets bewaard.' }).waitFor();
    assert.equal(await form.getAttribute('aria-busy'), null);
    assert.equal(await page.getByRole('button', { name: 'Berekening afbreken' }).isVisible(), false);
    assert.equal(gezien, 1);
    await expectAccessible(page, 'nieuw scenario (afgebroken)');
  } finally {
    vrijgeven();
    await page.unroute('**/api/v1/verdeeltaken');
  }
  const n = (await json(bestuurApi, `/verdeelscenarios?indieningsronde=${ronde.id}`)).verdeelscenarios.length;
  assert.equal(n, 4, 'the cancelled computation stored nothing');
});

test('bestuur: een scenario met een eigen themabudget; de redenen per aanvraag zijn te vinden', async () => {
  await page.goto(`${srv.url}/verdeelscenarios?indieningsronde=${ronde.id}`);
  await waitForScreen(page, 'Verdeelscenario’s');
  await page.getByText('Parameters (niet verplicht; leeg laten geeft de standaard)').click();
  // An amount the client cannot read: what to type, at the field (not the API's cents).
  await page.getByLabel('AI, in euro (niet verplicht)').fill('vijftien miljoen');
  await vulScenario(page, { naam: 'Browser: AI krap', regel: 'rangorde', seed: 'BO-browser-2026' });
  await page.locator('.foutsamenvatting').filter({ hasText: 'AI, in euro (niet verplicht): Typ een bedrag in euro, zoals 15.000.000 of 1.234,56.' }).waitFor();
  assert.equal(await page.getByLabel('AI, in euro (niet verplicht)').getAttribute('aria-invalid'), 'true');
  assert.equal((await json(bestuurApi, `/verdeelscenarios?indieningsronde=${ronde.id}`)).verdeelscenarios.length, 4);
  await expectAccessible(page, 'nieuw scenario (bedrag onleesbaar)');
  await page.getByLabel('AI, in euro (niet verplicht)').fill('15.000.000');
  await expectAccessible(page, 'nieuw scenario (parameters open)');
  await vulScenario(page, { naam: 'Browser: AI krap', regel: 'rangorde', seed: 'BO-browser-2026' });
  await page.waitForURL(/\/verdeelscenarios\/\d+$/);
  await waitForScreen(page, 'Verdeelscenario: Browser: AI krap');
  staat.krap = Number(/(\d+)$/.exec(page.url())[1]);
  const sc = await json(bestuurApi, `/verdeelscenarios/${staat.krap}`);
  const p = sc.resultaat.scenario;
  assert.deepEqual(p.themas.map((t) => [t.id, t.budget_cent]),
    [['ai', 1500000000], ['digitale-hybride-zorg', 27500000000], ['medische-technologie', 5000000000]],
    'the typed budget, the others at their default');
  assert.equal(sc.regel, 'rangorde');
  assert.equal(sc.seed, 'BO-browser-2026');
  const main = plain(await page.locator('main').innerText());
  assert.ok(main.includes(`Gerealiseerde arbeidsbesparing\n${milli(sc.resultaat.totalen.fte_milli)} fte`));
  const lijnen = await tableRows(page, 'Begrotingsregels met capaciteit, gebruik en marginale waarde');
  assert.deepEqual(lijnen.map((r) => r[4]), sc.resultaat.lijnen.map((l) => (l.bindend ? 'Ja' : 'Nee')));
  assert.equal(lijnen.find((r) => r[0] === 'Themabudget AI')[4], 'Ja', 'the AI budget binds');
  await chartsHaveTables(page);
  const lp = page.getByRole('link', { name: 'Het model downloaden (CPLEX LP-formaat, tekst)' });
  assert.equal(await lp.getAttribute('href'), `/api/v1/verdeelscenarios/${staat.krap}/lp`);
  const lpRes = await paginaGet(page, `${srv.url}/api/v1/verdeelscenarios/${staat.krap}/lp`);
  assert.equal(lpRes.status, 200);
  assert.match(lpRes.contentType, /^text\/plain/);
  await expectAccessible(page, 'verdeelscenario');

  // The reasons: find the applications that got nothing.
  const afgewezen = sc.resultaat.aanvragen.filter((a) => a.status === 'afgewezen');
  assert.ok(afgewezen.length >= 2);
  await page.getByLabel('Status', { exact: true }).selectOption('afgewezen');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByRole('status').filter({ hasText: `${afgewezen.length} aanvragen gevonden.` }).waitFor();
  const rows = await tableRows(page, 'Aanvragen in rangorde, met status, bedrag per jaar en redenen');
  assert.deepEqual(rows.map((r) => r[7]), afgewezen.map((a) => a.redenen.map((x) => x.tekst).join('')));
  assert.match(page.url(), /\?status=afgewezen$/);
  // Search on a region: its reason, word for word as the API gives it.
  const utrecht = sc.resultaat.aanvragen.find((a) => a.regio === 'Utrecht');
  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.getByLabel('Zoeken (niet verplicht)').fill('utrecht');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByRole('status').filter({ hasText: '1 aanvraag gevonden.' }).waitFor();
  const [rij] = await tableRows(page, 'Aanvragen in rangorde, met status, bedrag per jaar en redenen');
  assert.match(rij[0], /spraakgestuurd rapporteren Utrecht/);
  assert.equal(rij[7], utrecht.redenen.map((x) => x.tekst).join(''));
  assert.ok(utrecht.redenen.some((x) => /Themabudget ai bindend|afkapgrens/.test(x.tekst)), `a reason names the rule: ${JSON.stringify(utrecht.redenen)}`);
  await expectAccessible(page, 'verdeelscenario (gezocht)');

  // Three at a time.
  await page.goto(`${srv.url}/verdeelscenarios/${staat.krap}?limiet=3`);
  await waitForScreen(page, 'Verdeelscenario: Browser: AI krap');
  const n = sc.resultaat.aanvragen.length;
  await page.getByRole('status').filter({ hasText: `${n} aanvragen gevonden; de eerste 3 staan hieronder.` }).waitFor();
  while (await page.getByRole('button', { name: 'Meer aanvragen tonen' }).count()) {
    await page.getByRole('button', { name: 'Meer aanvragen tonen' }).click();
  }
  const alle = await tableRows(page, 'Aanvragen in rangorde, met status, bedrag per jaar en redenen');
  assert.deepEqual(alle.map((r) => r[1]), sc.resultaat.aanvragen.map((a) => String(a.rang)), 'every application, in ranking order');
  await page.getByRole('status').filter({ hasText: `${n} aanvragen gevonden; ${n} getoond.` }).waitFor();
});

test('bestuur: de stapfunctie berekent een scenario met de standaardparameters', async () => {
  staat.optimaal = await berekenScenario(page, srv.url, { rondeId: ronde.id, naam: 'Browser optimaal', regel: 'optimaal', seed: 'BO-browser-2026' });
  const sc = await json(bestuurApi, `/verdeelscenarios/${staat.optimaal}`);
  assert.equal(sc.naam, 'Browser optimaal');
  assert.equal(sc.regel, 'optimaal');
  assert.equal(sc.indieningsronde_id, ronde.id);
});

test('bestuur: twee scenario’s naast elkaar, met de verschillen van de API', async () => {
  await page.goto(`${srv.url}/verdeelscenarios?indieningsronde=${ronde.id}`);
  await waitForScreen(page, 'Verdeelscenario’s');
  // One is not enough.
  await page.getByLabel('Vergelijk Demo: krap budget, rangorde').check();
  await page.getByRole('button', { name: 'Gekozen scenario’s vergelijken' }).click();
  await page.locator('.foutsamenvatting').filter({ hasText: 'Kies twee tot acht scenario’s; u koos er 1.' }).waitFor();
  await expectAccessible(page, 'vergelijken (fout)');
  await page.getByLabel('Vergelijk Demo: krap budget, pro rata').check();
  await page.getByRole('button', { name: 'Gekozen scenario’s vergelijken' }).click();
  await waitForScreen(page, 'Scenario’s naast elkaar');
  const ids = /ids=([0-9,]+)$/.exec(page.url())[1];
  const v = await json(bestuurApi, `/verdeelscenarios/vergelijking?ids=${ids}`);
  const totalen = await tableRows(page, 'Totalen per scenario, met het verschil met het eerste');
  assert.equal(totalen.length, 2);
  const tweede = v.vergelijking.scenarios[1];
  assert.equal(totalen[1][3], `${milli(tweede.fte_verschil_met_eerste_milli)} fte`, 'the difference in fte with the first');
  assert.equal(totalen[1][2], `${milli(tweede.totalen.fte_milli)} fte`);
  assert.equal(totalen[0][3], 'gelijk');
  assert.equal(totalen[1][8], 'Themabudget AI, Themabudget Digitale en hybride zorg');
  const perAanvraag = await tableRows(page, 'Per aanvraag de status en het toegekende bedrag in elk scenario');
  assert.equal(perAanvraag.length, v.vergelijking.aanvragen.length);
  const a0 = v.vergelijking.aanvragen[0];
  assert.match(perAanvraag[0][3], new RegExp(`${e(a0.per_scenario[1].toegekend_cent).replace(/[.]/g, '\\.')}`));
  await chartsHaveTables(page);
  assert.deepEqual(await tableRows(page, 'Gerealiseerde arbeidsbesparing per scenario (tabel)'),
    v.vergelijking.scenarios.map((s, i) => [`${v.verdeelscenarios[i].id}. ${s.naam}`, `${milli(s.totalen.fte_milli)} fte`]));
  await expectAccessible(page, 'scenario’s naast elkaar');
});

test('bestuur: het besluit wordt genomen; een tweede besluit weigert de API met haar melding', async () => {
  // A second board member has another scenario open before the decision.
  const ander = await browser.page();
  await ander.goto(`${srv.url}/verdeelscenarios/${staat.krap}`);
  await waitForScreen(ander, 'Verdeelscenario: Browser: AI krap');
  // A blank motivation: the API's message at the field.
  await ander.getByRole('button', { name: 'Besluit nemen', exact: true }).click();
  await ander.getByRole('button', { name: 'Ja, besluit definitief nemen' }).waitFor();
  assert.equal(await ander.getByRole('button', { name: 'Besluit nemen', exact: true }).count(), 0, 'the confirmation replaces the button');
  assert.match(await ander.evaluate(() => document.activeElement?.textContent), /^Weet u het zeker\?/, 'focus on the question');
  await ander.getByRole('button', { name: 'Ja, besluit definitief nemen' }).click();
  const s1 = ander.locator('.foutsamenvatting');
  await s1.waitFor();
  assert.match(await s1.innerText(), /Motivering: Motiveer het besluit \(kwaliteit, spreiding, maatschappelijke impact\)/);
  assert.equal(await ander.getByLabel('Motivering').getAttribute('aria-invalid'), 'true');
  await expectAccessible(ander, 'besluit (motivering ontbreekt)');

  staat.besluit = await neemBesluit(page, srv.url, staat.optimaal, 'Het bestuur kiest de verdeling met de meeste arbeidsbesparing.');
  const b = await json(bestuurApi, `/bestuursbesluiten/${staat.besluit}`);
  assert.equal(b.verdeelscenario_id, staat.optimaal);
  const main = plain(await page.locator('main').innerText());
  assert.ok(main.includes(`${e(b.toegekend_cent)} voor ${b.aanvraag_aantal} aanvragen`));
  assert.ok(main.includes('Het bestuur kiest de verdeling met de meeste arbeidsbesparing.'));
  const grants = await tableRows(page, 'Toekenning per aanvraag en jaar, met de sleutel van de reservering in het grootboek');
  assert.equal(grants.length, b.toekenningen.length + 1, 'a row per grant and the total');
  assert.deepEqual(grants.slice(0, -1).map((r) => [r[2], r[3], r[4]]),
    b.toekenningen.map((t) => [String(t.jaar), e(t.bedrag_cent), t.reservering]));
  assert.deepEqual(grants.at(-1).slice(0, 4), ['Totaal', '', '', e(b.toegekend_cent)]);

  // The other member now tries to adopt the other scenario.
  await ander.getByLabel('Motivering').fill('Liever het krappe scenario.');
  await ander.getByRole('button', { name: 'Besluit nemen', exact: true }).click();
  await ander.getByRole('button', { name: 'Ja, besluit definitief nemen' }).click();
  await ander.locator('.foutsamenvatting').filter({ hasText: 'al besloten' }).waitFor();
  const weigering = await bestuurApi.post('/bestuursbesluiten', { verdeelscenario_id: staat.krap, motivering: 'nog een keer' });
  assert.equal(weigering.status, 409);
  const pb = weigering.json();
  assert.equal(pb.errors[0].code, 'besluit_bestaat');
  const tekst = await ander.locator('.foutsamenvatting').innerText();
  assert.ok(tekst.includes(pb.detail), `the API's message "${pb.detail}" is shown: ${tekst}`);
  assert.ok(tekst.includes(`${pb.errors[0].detail} ${pb.errors[0].bron}`), 'the item with its source');
  await expectAccessible(ander, 'besluit (geweigerd)');
  await ander.close();
  const { bestuursbesluiten } = await json(bestuurApi, `/bestuursbesluiten?indieningsronde=${ronde.id}`);
  assert.equal(bestuursbesluiten.length, 1, 'one decision per round');
});

test('bestuur: het scenario-overzicht toont het besluit; het scenario zegt dat het is vastgesteld', async () => {
  await page.goto(`${srv.url}/verdeelscenarios?indieningsronde=${ronde.id}`);
  await waitForScreen(page, 'Verdeelscenario’s');
  await page.getByRole('link', { name: `Bestuursbesluit ${staat.besluit}` }).waitFor();
  const lijst = await tableRows(page, 'Scenario’s van deze ronde, oudste eerst');
  assert.ok(lijst.some((r) => r[0] === 'Browser optimaal (gekozen in het besluit)'));
  await expectAccessible(page, 'verdeelscenario’s (besloten)');
  await page.getByRole('link', { name: 'Browser optimaal' }).click();
  await waitForScreen(page, 'Verdeelscenario: Browser optimaal');
  await page.getByText('Het bestuur heeft dit scenario vastgesteld:').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Besluit nemen', exact: true }).count(), 0, 'no second decision form');
  await expectAccessible(page, 'verdeelscenario (vastgesteld)');
});

test('de NZa ziet het besluit, zonder scenario’s', async () => {
  await alsRol(page, srv.url, 'nza');
  await page.goto(`${srv.url}/bestuursbesluiten/${staat.besluit}`);
  await waitForScreen(page, `Bestuursbesluit ${staat.besluit}`);
  assert.equal(await page.getByRole('link', { name: /^Scenario \d+$/ }).count(), 0, 'NZa cannot open scenarios');
  await expectAccessible(page, 'bestuursbesluit (NZa)');
  await page.goto(`${srv.url}/verdeelscenarios`);
  await waitForScreen(page, 'Geen toegang');
});

test('de auditor leest scenario’s en besluit, zonder formulieren', async () => {
  await alsRol(page, srv.url, 'auditor');
  await page.goto(`${srv.url}/verdeelscenarios?indieningsronde=${ronde.id}`);
  await waitForScreen(page, 'Verdeelscenario’s');
  await page.getByRole('link', { name: `Bestuursbesluit ${staat.besluit}` }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Nieuw scenario' }).count(), 0, 'only the board computes scenarios');
  await expectAccessible(page, 'verdeelscenario’s (auditor)');
  await page.goto(`${srv.url}/verdeelscenarios/${staat.krap}`);
  await waitForScreen(page, 'Verdeelscenario: Browser: AI krap');
  assert.equal(await page.getByRole('heading', { name: /^Besluit/ }).count(), 0, 'only the board decides');
  await page.goto(`${srv.url}/bestuursbesluiten/${staat.besluit}`);
  await waitForScreen(page, `Bestuursbesluit ${staat.besluit}`);
  await page.getByRole('link', { name: `Scenario ${staat.optimaal}` }).waitFor();
});

test('op 320 pixels breed scrolt geen scherm opzij (WCAG 1.4.10); axe schoon', async () => {
  await alsRol(page, srv.url, 'bestuur');
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    const schermen = [
      [`/macrooverzicht?indieningsronde=${ronde.id}`, 'Macro-overzicht'],
      [`/verdeelscenarios?indieningsronde=${ronde.id}`, 'Verdeelscenario’s'],
      [`/verdeelscenarios/${staat.krap}`, 'Verdeelscenario: Browser: AI krap'],
      [`/verdeelscenarios/vergelijking?ids=${staat.krap},${staat.optimaal}`, 'Scenario’s naast elkaar'],
      [`/bestuursbesluiten/${staat.besluit}`, `Bestuursbesluit ${staat.besluit}`],
    ];
    for (const [pad, naam] of schermen) {
      await page.goto(srv.url + pad);
      await waitForScreen(page, naam);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${pad}: the page is ${scroll} px wide in a ${client} px window`);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await expectAccessible(page, `${pad} op 320 px`);
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('geen CSP-schendingen of scriptfouten', async () => {
  assert.deepEqual(browser.problems(), []);
});

await run();
