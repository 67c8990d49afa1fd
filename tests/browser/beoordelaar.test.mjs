// SPDX-License-Identifier: EUPL-1.2
//
// beoordelaar.test.mjs -- the insurer's screens in Debian's chromium, against
// a real `doorbraak serve --demo` on a fresh SQLite database.
//
// Set up through the API (tests/lib/indiening.mjs world()): two rounds of
// four seconds, one application in each, submitted by the lead; the test
// waits until both rounds have closed. Then, in the browser:
//
//   * the start page leads to the queue, which shows the application with
//     the insurer's role, route licht, the status in Dutch and that the
//     verdict is still to be given; the filters apply on their button and
//     live in the address; an empty result says so;
//   * the coordinating insurer ('beoordelaar') assesses with errors first
//     (positive while requirement 3 is not met, a motivation missing, no
//     conflict-of-interest declaration): each message at its field and in
//     the focused summary, with its source; nothing is stored; then
//     positively -> in_beoordeling;
//   * the second insurer ('beoordelaar-zuid') does not see the first
//     verdict before giving its own (independence), assesses positively ->
//     positief, and then sees both verdicts;
//   * on the other application a request for information: errors first (no
//     part, no question), then a part of the document (a JSON pointer) and
//     the question; the request is listed and the API holds it;
//   * the board's decision (through the API: a scenario and its adoption),
//     then the joint request to NZa in the browser: errors at their fields
//     (an amount that is no amount, the declarations and the contract, an
//     upper bound above the grant), then made; its SHA-256 is the API's;
//     signed by the insurer and by the lead ('aanvrager') -> in_behandeling;
//   * a joint request whose split over the years does not fit (past_niet):
//     the lead's signature is refused, per year, with the source.
// axe (WCAG 2.2 A + AA) runs on every screen and state, and no screen
// breaks the Content-Security-Policy or throws a script error.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { caller, DEMO_WACHTWOORD, JSON_HEADERS, sleep, world } from '../lib/indiening.mjs';
import { startServer } from '../lib/server.mjs';
import { expectAccessible, loginWithForm, plain, startBrowser, waitForScreen } from './browser.mjs';
import {
  beoordeelPositief, maakNzaAanvraag, onderteken, openBeoordeling, vraagInformatie, vulBasiseisen,
} from './stappen/beoordelaar.mjs';

setSuite('browser/beoordelaar [sqlite]');

let srv;
let browser;
let page;
let w;
let rondeA;
let rondeB;
let idA; // assessed positively by both insurers, granted, joint request
let idB; // request for information
let nzaId;

const TITEL_A = 'Spraakgestuurd rapporteren Kennemerland';
const TITEL_B = 'Spraakgestuurd rapporteren Westfriesland';

async function sessie(api, name) {
  const res = await api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: name, wachtwoord: DEMO_WACHTWOORD }) });
  assert.equal(res.status, 201, `login ${name}: ${res.text}`);
  const cookie = /^__Host-doorbraak=([^;]*)/.exec([].concat(res.headers['set-cookie'])[0] || '')[1];
  return caller(api, { name, cookie, csrf: res.json().csrf_token, orgId: res.json().organisatie.id });
}

/** Logs the browser in as `name` (after forgetting any earlier session). */
async function alsGebruiker(name) {
  await browser.context.clearCookies();
  await loginWithForm(page, srv.url, name);
}

/** waitForScreen, and on a time-out the address and what the page shows instead. */
async function scherm(name) {
  try {
    await waitForScreen(page, name);
  } catch (err) {
    const main = await page.locator('main').innerText().catch(() => '(geen main)');
    throw new Error(`${err.message}\n  at ${page.url()}, the page shows: ${plain(main).slice(0, 500)}`);
  }
}

/** The rows of a table (by caption) as arrays of cell texts. */
async function tableRows(caption) {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  return table.evaluate((t) => [...t.querySelectorAll('tbody tr, tfoot tr')]
    .map((tr) => [...tr.children].map((c) => c.textContent.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim())));
}

before(async () => {
  srv = await startServer({ backend: 'sqlite', args: ['--demo'] });
  browser = await startBrowser();
  page = await browser.page();
  w = await world(srv);
  rondeA = await w.round(4, 'Ronde beoordelaar A');
  rondeB = await w.round(4, 'Ronde beoordelaar B');
  idA = (await w.draft(rondeA.id, w.doc(TITEL_A), 'Kennemerland')).aanvraag.id;
  idB = (await w.draft(rondeB.id, w.doc(TITEL_B), 'Westfriesland')).aanvraag.id;
  for (const id of [idA, idB]) {
    const r = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
    assert.equal(r.status, 201, `submit: ${r.text}`);
  }
  const sluit = Math.max(Date.parse(rondeA.sluit_op), Date.parse(rondeB.sluit_op));
  await sleep(Math.max(0, sluit - Date.now()) + 300);
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the start page leads to the queue: role, route licht, status and the verdict still to give; filters in the address', async () => {
  await alsGebruiker('beoordelaar');
  await expectAccessible(page, 'start (beoordelaar)');
  await page.getByRole('link', { name: /Aanvragen beoordelen/ }).click();
  await scherm('Beoordelen');
  await page.getByRole('status').filter({ hasText: /aanvragen gevonden/ }).waitFor();
  await expectAccessible(page, 'beoordelingen (alles)');

  await page.getByLabel('Indieningsronde').selectOption(String(rondeA.id));
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await page.getByRole('status').filter({ hasText: '1 aanvraag gevonden; 1 wacht op uw oordeel.' }).waitFor();
  assert.match(page.url(), new RegExp(`/beoordelingen\\?indieningsronde=${rondeA.id}$`));
  const rows = await tableRows('Aanvragen waarin uw organisatie coördinerend of tweede zorgverzekeraar is');
  // the amount asked, no date due (this round set none), the handler (a select of colleagues: its options' text)
  assert.deepEqual(rows, [[TITEL_A, '€ 5.000.000', '–', 'NiemandDaan de VriesMark Visser', 'AI', 'Kennemerland',
    'Ronde beoordelaar A', 'Coördinerend', 'Licht', 'Ingediend, wacht op beoordeling', 'Nog te geven (versie 1)']]);
  await expectAccessible(page, 'beoordelingen (ronde A)');
  // within the insurer: who handles it, assigned on the spot; "only mine"
  await page.getByLabel('Alleen aanvragen die ik behandel').check();
  await page.getByText('U behandelt geen van deze aanvragen.').waitFor();
  await page.getByLabel('Alleen aanvragen die ik behandel').uncheck();
  await page.getByLabel(`Behandelaar van ${TITEL_A}`).selectOption({ label: 'Mark Visser' });
  await page.getByRole('status').filter({ hasText: `Mark Visser behandelt nu “${TITEL_A}”.` }).waitFor();
  await page.getByLabel('Alleen aanvragen die ik behandel').check();
  assert.equal((await tableRows('Aanvragen waarin uw organisatie coördinerend of tweede zorgverzekeraar is')).length, 1);
  await page.getByLabel('Alleen aanvragen die ik behandel').uncheck();
  await page.getByLabel('Sorteren op').selectOption('bedrag');
  await page.getByRole('status').filter({ hasText: 'De aanvraag is gesorteerd op gevraagd bedrag (hoogste eerst).' }).waitFor();
  await expectAccessible(page, 'beoordelingen (toegewezen, gesorteerd)');

  await page.getByLabel('Status').selectOption('negatief');
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await page.getByRole('status').filter({ hasText: 'Geen aanvragen gevonden met deze filters.' }).waitFor();
  assert.match(page.url(), /status=negatief/);
  await expectAccessible(page, 'beoordelingen (leeg)');

  await page.goBack();
  await page.getByRole('status').filter({ hasText: '1 aanvraag gevonden' }).waitFor();
  assert.equal(await page.getByLabel('Status').inputValue(), '', 'the filter comes from the address');
  await page.getByRole('link', { name: TITEL_A }).click();
  await scherm(TITEL_A);
});

test('the application beside its modelplan norms, the checks, answers, budget and milestones', async () => {
  await openBeoordeling(page, srv.url, idA);
  const main = plain(await page.locator('main').innerText());
  assert.match(main, /Route\s+Licht: conform het modelplan/);
  assert.match(main, /Gevraagd bedrag\s+€ 5\.000\.000/);
  const normen = await tableRows('Normerende elementen: de norm van het modelplan, de waarde in de aanvraag en de afwijking');
  assert.deepEqual(normen[0], ['Minimale impact', '35 fte arbeidsbesparing per € 1 mln eenmalige investering',
    '190 fte bij € 5.000.000 gevraagd', 'Geen afwijking']);
  assert.ok(normen.every((r) => r[3] === 'Geen afwijking'), 'a conform application has no deviation');
  const toetsen = await tableRows('Bevindingen van de geautomatiseerde toetsing');
  assert.ok(toetsen.some((r) => r[0] === 'T12-impactlat' && r[1] === '1'), 'T12 is shown with its basic requirement');
  const begroting = await tableRows('Begrotingsregels');
  assert.deepEqual(begroting.at(-1).slice(-1), ['€ 5.150.000'], 'the total of all lines, structural ones included');
  assert.match(main, /Gevraagd volgens de begroting \(te financieren kosten\)\s+€ 5\.000\.000/);
  assert.match(main, /Opgegeven, niet te financieren \(structurele kosten\)\s+€ 150\.000/);
  const mijlpalen = await tableRows('Mijlpalen van de aanvraag naast die van het modelplan');
  assert.equal(mijlpalen.length, 6, 'five milestones and the total');
  await page.getByText('1. Probleemdefinitie').click(); // open the first section's answers
  await expectAccessible(page, 'beoordeling: aanvraag met normen');
  const eisen = page.locator('.basiseis');
  assert.equal(await eisen.count(), 14, 'the 14 basic requirements');
  // route licht: what the automated checks established is pre-filled and folded away [002 §4.2]
  const uitleg = plain(await page.locator('.beoordelingsformulier').innerText());
  const m = /Route licht: (\d+) van de 14 basiseisen zijn al vastgesteld door de geautomatiseerde toetsing/.exec(uitleg);
  assert.ok(m && Number(m[1]) >= 1, 'some requirements need no new weighing');
  assert.equal(await page.locator('details.basiseis--vastgesteld').count(), Number(m[1]));
  assert.equal(plain(await eisen.first().locator('summary').innerText()), 'Basiseis 1: Impact op arbeidsinzet — voldaan volgens de toetsing');
  await eisen.first().locator('summary').click();
  assert.match(plain(await eisen.first().innerText()), /Basiseis 1: Impact op arbeidsinzet[\s\S]*T12-impactlat: Voldaan/);
  assert.equal(await page.getByRole('group', { name: 'Oordeel over basiseis 1', exact: true }).getByLabel('Voldaan', { exact: true }).isChecked(), true);
  assert.match(await page.getByLabel('Motivering bij basiseis 1', { exact: true }).inputValue(), /^Vastgesteld door de geautomatiseerde toetsing \(T12-impactlat/);
  assert.match(plain(await page.locator('#kop-oordelen').locator('..').innerText()),
    /het oordeel van de andere zorgverzekeraar over deze versie ziet u pas nadat u zelf hebt beoordeeld/);
});

test('the coordinating insurer: errors at their fields and in the summary, then positive', async () => {
  await openBeoordeling(page, srv.url, idA);
  await vulBasiseisen(page, { 3: 'Niet voldaan' }, { 5: '' });
  await page.getByRole('group', { name: 'Uw eindoordeel' }).getByLabel('Positief', { exact: true }).check();
  await page.getByLabel('Motivering van uw eindoordeel').fill('Positief.');
  await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const summary = page.locator('.foutsamenvatting');
  await summary.waitFor();
  assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary has the focus');
  const samenvatting = plain(await summary.innerText());
  assert.match(samenvatting, /Uw beoordeling is niet vastgelegd/);
  assert.match(samenvatting, /Uw eindoordeel: Positief kan niet terwijl basiseis 3 niet voldaan is\. \[004 "Opname basiseisen"\]/);
  assert.match(samenvatting, /Motivering bij basiseis 5: Een oordeel over een basiseis heeft een motivering\./);
  assert.match(samenvatting, /Ik verklaar dat ik geen belangenconflict heb bij deze aanvraag: Wie een belangenconflict heeft/);

  const motivering5 = page.getByLabel('Motivering bij basiseis 5', { exact: true });
  assert.equal(await motivering5.getAttribute('aria-invalid'), 'true');
  const fout5 = await motivering5.evaluate((el) => el.getAttribute('aria-describedby').split(' ')
    .map((id) => document.getElementById(id)?.textContent).join(' '));
  assert.match(fout5, /Een oordeel over een basiseis heeft een motivering\./);
  const eind = page.getByRole('group', { name: 'Uw eindoordeel' });
  assert.match(plain(await eind.innerText()), /Positief kan niet terwijl basiseis 3 niet voldaan is/);
  assert.equal(await page.getByLabel('Ik verklaar dat ik geen belangenconflict heb bij deze aanvraag').getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'beoordeling: met fouten');

  // A link in the summary moves the focus to its field.
  await summary.getByRole('link', { name: /Motivering bij basiseis 5/ }).click();
  assert.equal(await motivering5.evaluate((el) => el === document.activeElement), true);

  const r = await w.beoordelaar.get(`/aanvragen/${idA}/beoordelingen`);
  assert.equal(r.json().beoordelingen.length, 0, 'nothing stored on a refusal');

  const status = await beoordeelPositief(page, srv.url, idA);
  assert.equal(status, 'In beoordeling');
  assert.equal((await w.beoordelaar.get(`/aanvragen/${idA}`)).json().status, 'in_beoordeling');
  assert.match(plain(await page.locator('section:has(#kop-uw-beoordeling)').innerText()), /U hebt versie 1 beoordeeld: Positief\./);
  const kaarten = page.locator('section:has(#kop-oordelen) article');
  assert.equal(await kaarten.count(), 1);
  assert.match(plain(await kaarten.first().innerText()), /Coördinerend zorgverzekeraar \(uw organisatie\): Positief \(versie 1\)/);
  // the coalition and the budget by name from the register, not by number (issue 18)
  const main = plain(await page.locator('main').innerText());
  assert.match(main, /Demo Ziekenhuis Noorderkwartier, Alkmaar/);
  assert.doesNotMatch(main, /Organisatie \d+/);
});

test('the second insurer sees no other verdict before its own, assesses positively: status positief', async () => {
  await alsGebruiker('beoordelaar-zuid');
  await page.goto(`${srv.url}/beoordelingen?indieningsronde=${rondeA.id}`);
  await scherm('Beoordelen');
  await page.getByRole('status').filter({ hasText: '1 aanvraag gevonden' }).waitFor();
  const rows = await tableRows('Aanvragen waarin uw organisatie coördinerend of tweede zorgverzekeraar is');
  assert.deepEqual([rows[0][7], rows[0][8], rows[0][9], rows[0][10]], ['Tweede', 'Licht', 'In beoordeling', 'Nog te geven (versie 1)']);
  await expectAccessible(page, 'beoordelingen (tweede verzekeraar)');

  await openBeoordeling(page, srv.url, idA);
  const oordelen = page.locator('section:has(#kop-oordelen)');
  assert.match(plain(await oordelen.innerText()), /Er zijn nog geen oordelen die u kunt zien\./);
  assert.equal(await oordelen.locator('article').count(), 0, 'independence: the coordinating insurer\'s verdict is hidden');

  const status = await beoordeelPositief(page, srv.url, idA);
  assert.equal(status, 'Positief beoordeeld');
  assert.equal((await w.beoordelaar.get(`/aanvragen/${idA}`)).json().status, 'positief');
  const kaarten = oordelen.locator('article');
  assert.equal(await kaarten.count(), 2, 'after its own verdict both are visible');
  assert.match(plain(await oordelen.innerText()), /Tweede zorgverzekeraar \(uw organisatie\): Positief/);
  assert.match(plain(await page.locator('section:has(#kop-nza)').innerText()), /De coördinerende zorgverzekeraar stelt samen met de penvoerder/);
});

test('a request for information: errors first, then the parts of the document (JSON pointers) and the question', async () => {
  await alsGebruiker('beoordelaar');
  await openBeoordeling(page, srv.url, idB);
  await vulBasiseisen(page);
  await page.getByLabel('Ik verklaar dat ik geen belangenconflict heb bij deze aanvraag').check();
  const eind = page.getByRole('group', { name: 'Uw eindoordeel' });
  const vraag = page.getByLabel('Uw vraag aan de coalitie');
  assert.equal(await vraag.isVisible(), false, 'the request appears only with "meer informatie"');
  await eind.getByLabel('Meer informatie nodig', { exact: true }).check();
  await vraag.waitFor();
  await page.getByLabel('Motivering van uw eindoordeel').fill('Meer informatie nodig.');
  await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const summary = page.locator('.foutsamenvatting');
  await summary.waitFor();
  const tekst = plain(await summary.innerText());
  assert.match(tekst, /Welke onderdelen moet de coalitie aanvullen of verduidelijken\?: Noem minstens één veld/);
  assert.match(tekst, /Uw vraag aan de coalitie: Zeg wat de aanvrager moet aanvullen\./);
  assert.equal(await vraag.getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'beoordeling: informatieverzoek met fouten');

  const status = await vraagInformatie(page, srv.url, idB, {
    veld: ['/impact/meetmethode', '/begroting/0'],
    vraag: 'Hoe meet u de arbeidsbesparing, en waar is de eerste begrotingsregel op gebaseerd?',
  });
  assert.equal(status, 'Informatie gevraagd');
  const verzoeken = await tableRows('Informatieverzoeken aan de coalitie');
  assert.equal(verzoeken.length, 1);
  assert.equal(verzoeken[0][1], 'Coördinerend zorgverzekeraar');
  assert.match(verzoeken[0][2], /Impact en bedragen: Meetmethode van de impact \/impact\/meetmethode/);
  assert.match(verzoeken[0][2], /Begroting: Regel 1: .* \/begroting\/0/);
  assert.match(verzoeken[0][3], /Hoe meet u de arbeidsbesparing/);
  assert.equal(verzoeken[0][5], 'Nog niet');
  const api = (await w.beoordelaar.get(`/aanvragen/${idB}/informatieverzoeken`)).json();
  assert.equal(api.status, 'informatie_gevraagd');
  assert.deepEqual([...api.informatieverzoeken[0].velden].sort(), ['/begroting/0', '/impact/meetmethode']);
});

test('the joint request: errors at their fields, made after the board\'s decision, signed by insurer and lead', async () => {
  // Before the board's decision: no way to the joint request yet.
  await openBeoordeling(page, srv.url, idA);
  const nza = page.locator('section:has(#kop-nza)');
  assert.match(plain(await nza.innerText()), /Het Bestuurlijk Overleg heeft \(nog\) geen bedrag aan deze aanvraag toegekend/);

  // The board's decision through the API (docs/bestuur.md §3-§4).
  const bestuur = await sessie(w.api, 'bestuur');
  let r = await bestuur.post('/verdeelscenarios', { naam: 'Test beoordelaar', indieningsronde_id: rondeA.id,
    regel: 'optimaal', parameters: { seed: 'browser-beoordelaar' } });
  assert.equal(r.status, 201, r.text);
  r = await bestuur.post('/bestuursbesluiten', { verdeelscenario_id: r.json().id, motivering: 'Vastgesteld in de browsertest.' });
  assert.equal(r.status, 201, r.text);

  await openBeoordeling(page, srv.url, idA);
  assert.match(plain(await nza.innerText()), /Het Bestuurlijk Overleg heeft € 5\.000\.000 toegekend/);
  await expectAccessible(page, 'beoordeling: positief en toegekend');
  await nza.getByRole('link', { name: 'Verzoek aan NZa opstellen' }).click();
  await scherm('Verzoek aan NZa opstellen');
  const grens = page.getByLabel('Voorgestelde bovengrens in euro (niet verplicht)');
  assert.equal(plain(await grens.inputValue()), '5.000.000', 'the upper bound defaults to the granted total');
  await expectAccessible(page, 'verzoek aan NZa: formulier');

  // An amount that is no amount: the client's own message at the field.
  await grens.fill('vijf miljoen');
  await page.getByRole('button', { name: 'Verzoek opstellen' }).click();
  const summary = page.locator('.foutsamenvatting');
  await summary.waitFor();
  assert.match(plain(await summary.innerText()), /Voorgestelde bovengrens in euro \(niet verplicht\): Vul een bedrag in euro in/);
  assert.equal(await grens.getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'verzoek aan NZa: bedrag onleesbaar');

  // The API's refusals: declarations and contract, each at its field, with the source.
  await grens.fill('5.000.000');
  await page.getByRole('button', { name: 'Verzoek opstellen' }).click();
  await page.waitForFunction(() => /contractvereiste/.test(document.querySelector('.foutsamenvatting')?.textContent || ''));
  const tekst = plain(await summary.innerText());
  assert.match(tekst, /Het tarief leidt niet tot staatssteun: De verzekeraars verklaren dit; .* \[001 "Werkwijze"\]/);
  assert.match(tekst, /Kenmerk van de overeenkomst: De overeenkomst heeft een kenmerk \(contractvereiste\); alleen spaties of onzichtbare tekens tellen niet\. \[001 §3\]/);
  const verklaring = page.getByRole('checkbox', { name: /Het tarief leidt niet tot staatssteun/ });
  assert.equal(await verklaring.getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'verzoek aan NZa: met fouten');

  // Above the grant: boven_toekenning at the upper bound.
  const verklaringen = page.getByRole('group', { name: 'Verklaringen van de zorgverzekeraars' }).getByRole('checkbox');
  for (let i = 0; i < 6; i++) await verklaringen.nth(i).check();
  await page.getByLabel('Datum van de overeenkomst').fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel('Kenmerk van de overeenkomst').fill('OVK-TEST-1');
  await grens.fill('5.000.000,01');
  await page.getByRole('button', { name: 'Verzoek opstellen' }).click();
  await page.waitForFunction(() => document.querySelector('.foutsamenvatting')
    && !/contractvereiste/.test(document.querySelector('.foutsamenvatting').textContent));
  assert.equal(await grens.getAttribute('aria-invalid'), 'true', `boven_toekenning at the field: ${plain(await summary.innerText())}`);
  assert.match(plain(await summary.innerText()), /Voorgestelde bovengrens in euro \(niet verplicht\): De voorgestelde bovengrens .* is hoger dan het toegekende bedrag/);

  // A split over the years that does not add up: som_ongelijk at the group of years.
  await grens.fill('5.000.000');
  await page.getByLabel('2027 in euro (niet verplicht)').fill('1.000.000');
  await page.getByRole('button', { name: 'Verzoek opstellen' }).click();
  await page.waitForFunction(() => /telt op tot/.test(document.querySelector('.foutsamenvatting')?.textContent || ''));
  const jaren = page.getByRole('group', { name: 'Verdeling over de jaren (niet verplicht)' });
  assert.match(plain(await jaren.innerText()), /De jaarverdeling telt op tot EUR 1\.000\.000,00, de bovengrens is EUR 5\.000\.000,00\. \[001 §7\]/);
  await expectAccessible(page, 'verzoek aan NZa: verdeling telt niet op');
  assert.equal((await w.beoordelaar.get('/nza-aanvragen')).json().nza_aanvragen.length, 0, 'nothing stored');

  nzaId = await maakNzaAanvraag(page, srv.url, idA, { kenmerk: 'OVK-TEST-2' });
  const api = (await w.beoordelaar.get(`/nza-aanvragen/${nzaId}`)).json();
  assert.equal(api.bovengrens_cent, 500000000);
  assert.equal(api.contract.kenmerk, 'OVK-TEST-2');
  const main = plain(await page.locator('main').innerText());
  assert.match(main, /Voorgestelde bovengrens\s+€ 5\.000\.000/);
  assert.ok(main.includes(api.sha256), 'the SHA-256 of the content is shown');
  const perJaar = await tableRows('Voorgestelde bovengrens per jaar');
  assert.deepEqual(perJaar.at(-1), ['Totaal', '€ 5.000.000']);

  assert.equal(await onderteken(page, srv.url, nzaId), 'Wacht op ondertekening');
  assert.deepEqual((await tableRows('De toetsen van de NZa met hun bron'))[0].slice(0, 2),
    ['a. Tweezijdige aanvraag met voorstel voor een bovengrens', 'Niet voldaan'], 'one signature is not a joint request yet');
  const handtekeningen = await tableRows('Handtekeningen');
  assert.match(handtekeningen[0][2], /^Ja, door Mark Visser, zorginkoper, Demo Zorgverzekeraar Noord op /, 'signed by name (issue 18)');
  assert.equal(handtekeningen[1][2], 'Nog niet');

  // The lead signs: the second signature submits the request to NZa.
  await alsGebruiker('aanvrager');
  await expectAccessible(page, 'start (aanvrager)');
  await page.getByRole('link', { name: 'Verzoeken aan NZa ondertekenen' }).click();
  await scherm('Verzoeken aan NZa');
  await page.getByRole('status').filter({ hasText: '1 verzoek gevonden; 1 wacht op uw handtekening.' }).waitFor();
  const lijst = await tableRows('Verzoeken aan de NZa (tweezijdige aanvragen)');
  assert.deepEqual(lijst[0], [`Verzoek ${nzaId}`, String(idA), '€ 5.000.000', 'Wacht op ondertekening', '1 van 2']);
  await expectAccessible(page, 'verzoeken aan NZa (aanvrager)');
  assert.equal(await onderteken(page, srv.url, nzaId), 'Ingediend bij de NZa, in behandeling');
  assert.match(plain(await page.getByRole('status').innerText()), /het verzoek is ingediend bij de NZa/);
  const nzaToetsen = await tableRows('De toetsen van de NZa met hun bron');
  assert.equal(nzaToetsen.length, 12, 'the findings a-d and v1-v8');
  assert.deepEqual(nzaToetsen[0].slice(0, 2), ['a. Tweezijdige aanvraag met voorstel voor een bovengrens', 'Voldaan']);
  const na = (await w.aanvrager.get(`/nza-aanvragen/${nzaId}`)).json();
  assert.equal(na.status, 'in_behandeling');
  assert.equal(na.ondertekeningen.length, 2);
});

test('a split that does not fit: the lead\'s signature is refused with past_niet, per year, with its source', async () => {
  // The demo round's positive applications, granted by adopting the demo scenario.
  const bestuur = await sessie(w.api, 'bestuur');
  const scenarios = (await bestuur.get('/verdeelscenarios')).json().verdeelscenarios;
  const demo = scenarios.find((s) => s.demo && s.regel === 'optimaal');
  let r = await bestuur.post('/bestuursbesluiten', { verdeelscenario_id: demo.id, motivering: 'Demo vastgesteld.' });
  assert.equal(r.status, 201, r.text);
  const grant = r.json().toekenningen.find((t) => t.jaar === 2027);
  const totaal = r.json().toekenningen.filter((t) => t.aanvraag_id === grant.aanvraag_id)
    .reduce((s, t) => s + t.bedrag_cent, 0);
  r = await w.beoordelaar.post('/nza-aanvragen', { aanvraag_id: grant.aanvraag_id,
    jaarverdeling: [{ jaar: 2027, bedrag_cent: totaal }],
    verklaringen: Object.fromEntries(['aanpassingen_positief_beoordeeld', 'randvoorwaardelijk_voor_zvw_zorg',
      'geen_individuele_zorgverlening', 'eigen_zvw_zorg', 'geen_staatssteun', 'waarborgen_concurrentievoordeel'].map((k) => [k, true])),
    contract: { datum: new Date().toISOString().slice(0, 10), kenmerk: 'OVK-PAST-NIET' } });
  assert.equal(r.status, 201, r.text);
  const t = r.json();
  assert.equal((await w.beoordelaar.post(`/nza-aanvragen/${t.id}/ondertekeningen`, { sha256: t.sha256 })).status, 201);

  await page.goto(`${srv.url}/nza-aanvragen/${t.id}`);
  await scherm(`Verzoek aan NZa ${t.id}`);
  await page.getByRole('button', { name: 'Ondertekenen' }).click();
  const melding = page.getByRole('alert').filter({ hasText: 'Het verzoek past niet binnen het budget' });
  await melding.waitFor();
  const rows = await tableRows('Per jaar: wat nodig is en wat nog beschikbaar is');
  assert.equal(rows.length, 1);
  assert.equal(rows[0][0], '2027');
  assert.match(rows[0][1], /In 2027 is EUR [0-9.]+,[0-9]{2} nodig boven de reservering van het Bestuurlijk Overleg; er is nog EUR 0,00 beschikbaar/);
  assert.equal(rows[0][2], '[001 §3], [003 §8b]');
  await expectAccessible(page, 'verzoek aan NZa: past niet');
  const na = (await w.aanvrager.get(`/nza-aanvragen/${t.id}`)).json();
  assert.equal(na.status, 'ondertekening');
  assert.equal(na.ondertekeningen.length, 1, 'nothing stored on the refusal');
});

test('the second insurer reads the joint request but cannot sign; NZa is sent to its own screen', async () => {
  await alsGebruiker('beoordelaar-zuid');
  await page.goto(`${srv.url}/nza-aanvragen/${nzaId}`);
  await scherm(`Verzoek aan NZa ${nzaId}`);
  assert.match(plain(await page.locator('main').innerText()), /U bent tweede zorgverzekeraar: u kunt het verzoek lezen, maar niet ondertekenen\./);
  assert.equal(await page.getByRole('button', { name: 'Ondertekenen' }).count(), 0);
  await expectAccessible(page, 'verzoek aan NZa (tweede verzekeraar)');
  await alsGebruiker('nza');
  await page.goto(`${srv.url}/nza-aanvragen/${nzaId}`);
  await scherm(`Verzoek aan NZa ${nzaId}`);
  const naar = page.getByRole('link', { name: 'Naar de toetsing en de beschikking door de NZa' });
  assert.equal(await naar.getAttribute('href'), `/nza/verzoeken/${nzaId}`);
  await expectAccessible(page, 'verzoek aan NZa (nza)');
});

test('sorting covers the whole queue: the pages not loaded yet are loaded first', async () => {
  const ronde = await w.round(30, 'Ronde lange wachtrij');
  const titels = ['Aaa eerst gemaakt', ...Array.from({ length: 50 }, (_, i) => `Wachtrij ${String(i).padStart(2, '0')}`), 'Aab laatst gemaakt'];
  for (const titel of titels) {
    const id = (await w.draft(ronde.id, w.doc(titel))).aanvraag.id;
    const r = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
    assert.equal(r.status, 201, r.text);
  }
  await sleep(Math.max(0, Date.parse(ronde.sluit_op) - Date.now()) + 300);   // the insurers see a closed round
  await alsGebruiker('beoordelaar');
  await page.goto(`${srv.url}/beoordelingen?indieningsronde=${ronde.id}`);
  await page.getByRole('status').filter({ hasText: '50 aanvragen gevonden (er zijn er meer)' }).waitFor();
  await page.getByLabel('Sorteren op').selectOption('titel');
  await page.getByRole('status').filter({ hasText: 'Alle 52 aanvragen zijn gesorteerd op titel (a-z).' }).waitFor();
  const rows = await tableRows('Aanvragen waarin uw organisatie coördinerend of tweede zorgverzekeraar is');
  assert.equal(rows.length, 52);
  assert.deepEqual(rows.slice(0, 3).map((r) => r[0]), ['Aaa eerst gemaakt', 'Aab laatst gemaakt', 'Wachtrij 00']);
});

test('no screen broke the Content-Security-Policy or threw a script error', async () => {
  assert.deepEqual(browser.problems(), []);
});

await run();
