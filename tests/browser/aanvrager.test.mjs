// SPDX-License-Identifier: EUPL-1.2
//
// aanvrager.test.mjs -- the coalition's screens in Debian's chromium, against
// a real `doorbraak serve --demo` on a fresh SQLite database (the demo data
// has an open round and applications in every state):
//
//   * Mijn aanvragen: every demo state in Dutch, the route, the open request
//     for information;
//   * a new application on the open round from the conform example (the JSON
//     file a coalition prepared elsewhere, re-pointed by world()); a live
//     check appears beside the field it concerns when the total no longer adds
//     up, and disappears when fixed (automatic save); the draft is kept when
//     the user leaves and comes back; submitting shows the receipt, whose hash
//     is the canonical document's (tests/lib/indiening.mjs), downloadable and
//     verifiable; the list then shows the new status;
//   * error paths: a value the server refuses at its field and in the summary;
//     an imported document the server refuses, with every problem listed;
//     submitting blocked by a check, with links to the fields; repeating rows
//     added and removed with the keyboard;
//   * a request for information: the asked field marked, answered and
//     submitted as version 2; the insurers' verdicts of a decided application.
//
// axe (WCAG 2.2 A + AA) runs on every screen and state; no screen may break
// the CSP or throw a script error.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { canonical, sha256hex, world } from '../lib/indiening.mjs';
import { repoRoot, startServer } from '../lib/server.mjs';
import { expectAccessible, loginWithForm, plain, startBrowser, waitForScreen } from './browser.mjs';
import { dienIn, naarStap, nieuweAanvraag, opslagStatus, slaOp, vulVeldIn, wachtOpOpslaan } from './stappen/aanvrager.mjs';

// The wizard is a big screen; axe on it takes a while on a busy machine.
process.env.DOORBRAAK_TEST_TIMEOUT_MS ||= '180000';

setSuite('browser/aanvrager [sqlite]');

const RONDE = 'Demoronde (open)';

let srv;
let w;
let browser;
let page;
const stand = {};

before(async () => {
  srv = await startServer({ backend: 'sqlite', args: ['--demo'] });
  w = await world(srv);
  browser = await startBrowser();
  page = await browser.page();
  await loginWithForm(page, srv.url, 'aanvrager');
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

async function json(p) {
  const r = await w.aanvrager.get(p);
  assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text}`);
  return r.json();
}

/** The rows of the list of applications: { titel, status, route, href }. */
async function lijst() {
  await page.goto(`${srv.url}/aanvragen`);
  await waitForScreen(page, 'Mijn aanvragen');
  return page.locator('#aanvragenlijst tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    titel: tr.children[0].textContent.trim(),
    href: tr.querySelector('a').getAttribute('href'),
    status: tr.children[3].textContent.trim(),
    route: tr.children[4].textContent.trim(),
  })));
}

/** The live-check box beside a field (the element its aria-describedby names). */
function toetsBij(veld) {
  return veld.locator('xpath=ancestor::div[contains(@class, "aanvraagveld")][1]').locator('.toetsvak');
}

async function openWizard(id, stap = null) {
  await page.goto(`${srv.url}/aanvragen/${id}${stap ? `?stap=${stap}` : ''}`);
  await page.getByRole('navigation', { name: 'Stappen' }).waitFor({ timeout: 20000 });
  await page.waitForFunction(() => !document.getElementById('inhoud')?.hasAttribute('aria-busy'));
}

test('Mijn aanvragen: the demo applications in every state, with route and the open request', async () => {
  const rijen = await lijst();
  const statussen = new Set(rijen.map((r) => r.status));
  for (const s of ['Concept (nog niet ingediend)', 'Ingediend, wacht op beoordeling', 'In beoordeling',
    'Informatie gevraagd', 'Positief beoordeeld', 'Negatief beoordeeld']) {
    assert.ok(statussen.has(s), `status "${s}" is listed: ${[...statussen].join(', ')}`);
  }
  const api = (await json('/aanvragen?limiet=100')).aanvragen;
  assert.equal(rijen.length, api.length, 'one row per application the API lists');
  assert.ok(rijen.every((r) => /^(Licht|Verdiept)/.test(r.route)), 'every row shows its route');
  const concept = rijen.find((r) => r.status.startsWith('Concept'));
  assert.match(concept.route, /volgens de controles nu/);
  const verzoeken = page.getByRole('region', { name: 'Openstaande vragen van zorgverzekeraars' });
  assert.match(await verzoeken.innerText(), /Beschrijf de nulmeting per team/);
  await expectAccessible(page, 'mijn aanvragen');
  // The start page links here instead of "(volgt)".
  await page.goto(`${srv.url}/start`);
  await waitForScreen(page, 'Welkom, aanvrager');
  await page.getByRole('link', { name: /^Mijn aanvragen: concepten/ }).click();
  await waitForScreen(page, 'Mijn aanvragen');
});

test('a new application from a prepared JSON document, on the open demo round', async () => {
  const document = w.doc('Browsertest: spraakgestuurd rapporteren');
  stand.id = await nieuweAanvraag(page, srv.url, { rondeNaam: RONDE, modelplanId: document.modelplan.id, document });
  const a = await json(`/aanvragen/${stand.id}`);
  assert.equal(a.status, 'concept');
  assert.equal(a.document.titel, 'Browsertest: spraakgestuurd rapporteren');
  assert.equal(a.document.totaal_bedrag_cent, 500000000);
  assert.equal(a.indieningsronde_id, (await json('/indieningsrondes')).indieningsrondes.find((r) => r.naam === RONDE).id);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Browsertest: spraakgestuurd rapporteren');
  assert.match(await page.locator('section.controles').innerText(), /Indienen kan\./);
});

test('a live check appears beside the total when it no longer adds up, and goes when fixed', async () => {
  await openWizard(stand.id);
  const status = await vulVeldIn(page, { stap: 'Begroting, eenheden en totaal', label: 'Totaal gevraagd bedrag', waarde: '4.000.000', opslaan: false });
  assert.match(status, /^Concept opgeslagen om .*punten blokkeren het indienen\./, 'saved by itself, and the status says what blocks');
  const totaal = page.getByLabel('Totaal gevraagd bedrag', { exact: true });
  const bij = toetsBij(totaal);
  await bij.waitFor();
  const tekst = plain(await bij.innerText());
  assert.match(tekst, /Blokkeert indienen: Het totaal \(EUR 4\.000\.000,00\) is niet gelijk aan de som van de financierbare begrotingsregels \(EUR 5\.000\.000,00\)/);
  assert.match(tekst, /T05-sommen · \[004 "Opbouw en onderdelen van het modelplan II"\]/, 'with the rule and its source');
  // The check is tied to the field for assistive technology.
  const ids = (await totaal.getAttribute('aria-describedby')).split(' ');
  assert.ok(ids.includes(await bij.getAttribute('id')), 'aria-describedby names the check');
  const stappen = page.getByRole('navigation', { name: 'Stappen' });
  assert.match(await stappen.innerText(), /Begroting, eenheden en totaal \(1 punt blokkeert\)/);
  assert.match(await stappen.innerText(), /Coalitie en zorgverzekeraars \(1 punt blokkeert\)/);
  assert.match(await stappen.innerText(), /Mijlpalen \(1 punt blokkeert\)/);
  const controles = page.locator('section.controles');
  assert.match(await controles.innerText(), /Indienen kan nog niet\. 3 punten blokkeren het indienen\./);
  assert.match(await controles.innerText(), /Blokkeert indienen \(3\)/);
  await expectAccessible(page, 'wizard met blokkerende controle');
  // The link in the panel leads to the field of another step.
  await controles.getByRole('link', { name: /De bedragen van de mijlpalen tellen op/ }).click();
  await page.locator('.stap h2', { hasText: 'Mijlpalen' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent), 'Mijlpaal 1',
    'focus on the first field of the milestones');
  // Fix it: the check is gone, beside the field and in the panel.
  const weer = await vulVeldIn(page, { stap: 'Begroting, eenheden en totaal', label: 'Totaal gevraagd bedrag', waarde: '5.000.000', opslaan: false });
  assert.match(weer, /Geen controle blokkeert het indienen\./);
  assert.equal(await toetsBij(page.getByLabel('Totaal gevraagd bedrag', { exact: true })).isHidden(), true);
  assert.match(await controles.innerText(), /Indienen kan\./);
  assert.equal((await json(`/aanvragen/${stand.id}`)).document.totaal_bedrag_cent, 500000000);
});

test('an answer left empty is a check beside that question', async () => {
  await openWizard(stand.id);
  const status = await vulVeldIn(page, { stap: 'Onderdeel 1: Probleemdefinitie', label: 'Antwoord op vraag 1.3', waarde: '' });
  assert.match(status, /1 punt blokkeert het indienen/);
  const bij = toetsBij(page.getByLabel('Antwoord op vraag 1.3', { exact: true }));
  assert.match(await bij.innerText(), /Vraag 1\.3 \(Oplossing\) is nog niet beantwoord/);
  await expectAccessible(page, 'wizard, vraag zonder antwoord');
  // The model text of the plan can be taken over.
  await page.getByText('Modeltekst van het modelplan bij vraag 1.3').click();
  await page.getByRole('button', { name: 'Modeltekst overnemen in uw antwoord' }).first().click();
  assert.match(await wachtOpOpslaan(page), /Geen controle blokkeert/);
  const doc = (await json(`/aanvragen/${stand.id}`)).document;
  const mp = (await (await fetch(`${srv.url}/api/v1/modelplannen/${doc.modelplan.id}`)).json()).modelplan;
  assert.equal(doc.antwoorden.find((x) => x.vraag_id === '1.3').tekst, mp.modelteksten.find((m) => m.vraag_id === '1.3').tekst);
});

test('leaving and coming back: the draft is kept on the server', async () => {
  await openWizard(stand.id);
  await vulVeldIn(page, { stap: 'Algemeen', label: 'Titel van de aanvraag', waarde: 'Browsertest: spraakgestuurd rapporteren (bewaard)' });
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn aanvragen' }).click();
  await waitForScreen(page, 'Mijn aanvragen');
  await page.getByRole('link', { name: 'Browsertest: spraakgestuurd rapporteren (bewaard)' }).click();
  await waitForScreen(page, 'Browsertest: spraakgestuurd rapporteren (bewaard)');
  await page.getByRole('navigation', { name: 'Stappen' }).waitFor();
  assert.equal(await page.getByLabel('Titel van de aanvraag', { exact: true }).inputValue(), 'Browsertest: spraakgestuurd rapporteren (bewaard)');
  // Each step has its address: back and forward move between steps, a reload keeps the step.
  await naarStap(page, 'Verklaringen');
  assert.match(page.url(), /\?stap=verklaringen$/);
  assert.equal(await page.getByLabel(/geen dubbele financiering/).isChecked(), true);
  await page.goBack();
  await page.locator('.stap h2', { hasText: 'Algemeen' }).waitFor();
  await page.goForward();
  await page.locator('.stap h2', { hasText: 'Verklaringen' }).waitFor();
  await page.reload();
  await page.locator('.stap h2', { hasText: 'Verklaringen' }).waitFor();
  const a = await json(`/aanvragen/${stand.id}`);
  assert.equal(a.titel, 'Browsertest: spraakgestuurd rapporteren (bewaard)');
  // The draft downloads as the document the API holds (to keep, or to edit elsewhere).
  await naarStap(page, 'Algemeen');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Document downloaden (JSON)' }).click(),
  ]);
  assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')), a.document);
});

test('submitting: the receipt with the hash of the canonical document, downloadable and verifiable', async () => {
  const bewijs = await dienIn(page, srv.url, stand.id);
  const a = await json(`/aanvragen/${stand.id}`);
  assert.equal(a.status, 'ingediend');
  const versie = await w.aanvrager.get(`/aanvragen/${stand.id}/versies/1`);
  assert.equal(versie.status, 200);
  assert.equal(bewijs.sha256, sha256hex(versie.text), 'the receipt on the screen is the hash of the frozen bytes');
  assert.equal(bewijs.sha256, sha256hex(canonical(a.document)), 'and of the canonical form of the submitted document');
  assert.equal(bewijs.versie, 1);
  const api = (await json(`/aanvragen/${stand.id}/ontvangstbewijs`)).ontvangstbewijs;
  assert.equal(api.sha256, bewijs.sha256);
  assert.match(bewijs.ingediendOp, new RegExp(`UTC: ${api.ingediend_op.replace(/[.]/g, '\\.')}`));
  assert.match(await page.getByRole('status').filter({ hasText: 'Uw aanvraag is ingediend op' }).innerText(), /Bewaar het ontvangstbewijs/);
  // Download: the JSON file is the receipt the API gives, and the public check accepts it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ontvangstbewijs als JSON' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `ontvangstbewijs-${stand.id}-versie-1.json`);
  const bestand = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(bestand, api);
  // The PDF to keep (issue 18): who, when in Dutch time, the hash and the JSON receipt itself.
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Ontvangstbewijs als PDF' }).click(),
  ]);
  assert.equal(pdf.suggestedFilename(), `ontvangstbewijs-${stand.id}-versie-1.pdf`);
  const pdfTekst = readFileSync(await pdf.path()).toString('latin1');
  assert.ok(pdfTekst.startsWith('%PDF-'));
  for (const t of ['Ontvangstbewijs aanvraag doorbraakmiddelen', bewijs.sha256.slice(0, 32), 'Sanne Bakker, projectleider transformatie']) {
    assert.ok(pdfTekst.includes(t), `the PDF says ${t}`);
  }
  const check = await w.api.post('/api/v1/ontvangstbewijzen/verificaties', {
    headers: { 'content-type': 'application/json' }, body: JSON.stringify(bestand) });
  assert.equal(check.json().geldig, true);
  // The stored document downloads too; its bytes hash to the receipt.
  const [doc] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Ingediend document downloaden (versie 1)' }).click(),
  ]);
  assert.equal(sha256hex(readFileSync(await doc.path(), 'utf8')), bewijs.sha256);
  // The check on the page.
  await page.getByRole('button', { name: 'Ontvangstbewijs controleren' }).click();
  await page.getByRole('status').filter({ hasText: 'Het ontvangstbewijs is geldig' }).waitFor();
  await expectAccessible(page, 'ontvangstbewijs na controle');
  // The submitted content is read-only now.
  assert.equal(await page.getByRole('button', { name: 'Concept opslaan' }).count(), 0);
  assert.equal(await page.getByLabel('Titel van de aanvraag', { exact: true }).getAttribute('readonly'), '');
  // The list shows the new status.
  const rij = (await lijst()).find((r) => r.href === `/aanvragen/${stand.id}`);
  assert.equal(rij.status, 'Ingediend, wacht op beoordeling');
  assert.match(rij.titel, /\(bewaard\)$/);
  assert.match(rij.route, /^Licht$/);
  await expectAccessible(page, 'mijn aanvragen na indienen');
});

test('deviations: explained ones lead to the deep route; an explanation removed blocks at the field, written again it passes', async () => {
  const document = w.hybride();
  const id = await nieuweAanvraag(page, srv.url, { rondeNaam: RONDE, modelplanId: document.modelplan.id, document });
  const controles = page.locator('section.controles');
  assert.match(await controles.innerText(), /Indienen kan\. .*Route: Verdiept/s);
  await naarStap(page, 'Afwijkingen en regionale aanpassingen');
  const lijstVak = page.locator('.afwijkingenlijst');
  assert.match(await lijstVak.innerText(), /normen\.mijlpalen\[m4\]\.uiterlijk_op: norm uiterlijk 2028-12-31.*in uw aanvraag 2029-03-31\. Toegelicht\./);
  assert.equal(await page.getByRole('group', { name: 'Regionale aanpassing 1', exact: true }).getByLabel('Onderwerp').inputValue(), 'Terugverwijzing naar de huisarts');
  await expectAccessible(page, 'afwijkingen toegelicht');
  // Remove the explanation of m4: the date of m4 now blocks, beside its field.
  await page.getByRole('button', { name: 'Toelichting 1 verwijderen' }).click();
  assert.match(await wachtOpOpslaan(page), /1 punt blokkeert het indienen/);
  await lijstVak.filter({ hasText: 'Nog niet toegelicht.' }).waitFor();
  await naarStap(page, 'Mijlpalen');
  const datum = page.getByRole('group', { name: 'Mijlpaal 4', exact: true }).getByLabel('Streefdatum');
  assert.equal(await datum.inputValue(), '2029-03-31');
  assert.match(await toetsBij(datum).innerText(), /Blokkeert indienen: Afwijking zonder toelichting: norm uiterlijk 2028-12-31/);
  // Write it again from the list of deviations: the focus goes to the new explanation.
  await naarStap(page, 'Afwijkingen en regionale aanpassingen');
  await page.getByRole('button', { name: 'Toelichting schrijven bij normen.mijlpalen[m4].uiterlijk_op' }).click();
  const nieuw = page.getByRole('group', { name: 'Toelichting 2', exact: true });
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
  assert.equal(await nieuw.getByLabel('Onderdeel van het modelplan').inputValue(), 'normen.mijlpalen[m4].uiterlijk_op');
  await page.keyboard.type('De huisartsen sluiten pas eind 2028 aan.');
  assert.match(await slaOp(page), /Geen controle blokkeert het indienen/);
  assert.doesNotMatch(await lijstVak.innerText(), /Nog niet toegelicht/);
  const doc = (await json(`/aanvragen/${id}`)).document;
  assert.deepEqual(doc.afwijkingen.map((a) => a.element), ['normen.bedragkaders.max_per_zorgaanbieder_cent', 'normen.mijlpalen[m4].uiterlijk_op']);
  await expectAccessible(page, 'afwijking opnieuw toegelicht');
});

test('a value the server refuses: at its field and in the summary, then fixed', async () => {
  const document = w.doc('Browsertest: fout bedrag');
  const id = await nieuweAanvraag(page, srv.url, { rondeNaam: RONDE, modelplanId: document.modelplan.id, document });
  await naarStap(page, 'Begroting, eenheden en totaal');
  await page.getByLabel('Totaal gevraagd bedrag', { exact: true }).fill('vijf miljoen');
  const status = await slaOp(page);
  assert.match(status, /^Het concept is niet opgeslagen: De invoer bevat fouten\./);
  const summary = page.locator('.foutsamenvatting');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('foutsamenvatting')), true, 'the summary has the focus');
  const veld = page.getByLabel('Totaal gevraagd bedrag', { exact: true });
  assert.equal(await veld.getAttribute('aria-invalid'), 'true');
  const melding = await veld.locator('xpath=ancestor::div[contains(@class, "aanvraagveld")][1]').locator('.utrecht-form-field__error-message').innerText();
  assert.ok(melding.length > 0, 'the message is at the field');
  assert.match(await summary.innerText(), new RegExp(melding.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expectAccessible(page, 'wizard met fout van de server');
  // The link in the summary goes to the field.
  await summary.getByRole('link').first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), await veld.getAttribute('id'));
  assert.equal((await json(`/aanvragen/${id}`)).document.totaal_bedrag_cent, 500000000, 'nothing was stored');
  await veld.fill('5.000.000');
  assert.match(await slaOp(page), /^Concept opgeslagen om/);
  assert.equal(await summary.count(), 0);
  assert.equal(await veld.getAttribute('aria-invalid'), null);
  // Reflow (WCAG 1.4.10): at 320 CSS pixels the wizard does not scroll sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    for (const stap of ['begroting', 'coalitie', 'indienen']) {
      await openWizard(id, stap);
      const breed = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(breed, 0, `step ${stap} fits 320 px`);
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('an imported document the server refuses: every problem in the summary and at the file field', async () => {
  await page.goto(`${srv.url}/aanvragen/nieuw`);
  await waitForScreen(page, 'Nieuwe aanvraag');
  const ruw = readFileSync(path.join(repoRoot, 'voorbeelden', 'aanvragen', 'ongeldig-structuur.json'));
  await page.getByLabel('Modelplan').selectOption('mp-digitale-triage:1');
  await page.getByLabel('Aanvraagdocument (JSON, niet verplicht)').setInputFiles({ name: 'ongeldig.json', mimeType: 'application/json', buffer: ruw });
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();
  const summary = page.locator('.foutsamenvatting');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Het concept is niet aangemaakt: het document heeft problemen/);
  const items = await summary.locator('li').allInnerTexts();
  assert.equal(items.length, 6, `six problems: ${items.join(' | ')}`);
  assert.ok(items.some((t) => /kommagetal/.test(t)), 'the real number is reported (the file was sent byte for byte)');
  const fout = await page.locator('.utrecht-form-field__error-message:not([hidden])').allInnerTexts();
  assert.equal(fout.length, 1);
  assert.match(fout[0], /\/impact\/fte_besparing_milli|kommagetal/);
  assert.match(page.url(), /\/aanvragen\/nieuw$/);
  await expectAccessible(page, 'nieuwe aanvraag met fouten');
  // Another modelplan than the document's: said at the file field.
  await page.getByLabel('Modelplan').selectOption('mp-spraakgestuurd-rapporteren:1');
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();
  await summary.filter({ hasText: 'Dit document is voor mp-digitale-triage versie 1' }).waitFor();
});

test('an empty draft: submitting is blocked, with links to the fields; rows added and removed by keyboard', async () => {
  await page.goto(`${srv.url}/aanvragen/nieuw`);
  await waitForScreen(page, 'Nieuwe aanvraag');
  await page.getByLabel('Modelplan').selectOption('mp-digitale-hybride-zorgpaden:1');
  await page.getByLabel('Regio (niet verplicht)').fill('Noord-Holland Noord');
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();
  await page.getByRole('navigation', { name: 'Stappen' }).waitFor({ timeout: 20000 });
  const id = Number(/\/aanvragen\/([0-9]+)/.exec(page.url())[1]);
  // The empty answers are added and saved at once, so each check names its field.
  assert.match(await wachtOpOpslaan(page), /^Concept opgeslagen om .* punten blokkeren het indienen\./);
  const a = await json(`/aanvragen/${id}`);
  assert.equal(a.regio, 'Noord-Holland Noord');
  assert.equal(a.document.antwoorden.length, 43);
  assert.equal(a.document.coalitie.penvoerder, w.aanvrager.orgId);
  // the many blocking points are grouped per step, only the current step's open (issue 18)
  const controles = page.locator('section.controles');
  const groepen = controles.locator('details.onderdeel:has(li.toets--blokkerend)');
  assert.ok(await groepen.count() >= 3, 'several steps with blocking points');
  const open = await groepen.evaluateAll((ds) => ds.filter((d) => d.open).map((d) => d.querySelector('summary').textContent));
  assert.equal(open.length, 1, `one step open: ${open}`);
  assert.match(open[0], /^Algemeen \(\d+\)$/, 'the current step');
  await expectAccessible(page, 'wizard, leeg concept');
  await naarStap(page, 'Controleren en indienen');
  assert.equal(await page.getByRole('button', { name: 'Aanvraag definitief indienen' }).count(), 0);
  const blok = page.locator('.indienvak');
  assert.match(await blok.innerText(), /U kunt nog niet indienen/);
  await expectAccessible(page, 'indienen geblokkeerd');
  await blok.getByRole('link', { name: /Kies ten minste één zorgpad/ }).click();
  await page.locator('.stap h2', { hasText: 'Algemeen' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'checkbox', 'focus on the care pathways');
  await page.keyboard.press('Space');
  assert.match(await wachtOpOpslaan(page), /^Concept opgeslagen/);
  assert.deepEqual((await json(`/aanvragen/${id}`)).document.zorgpaden, ['copd']);

  // Rows: add a participant with the keyboard; the focus goes to its first field.
  await naarStap(page, 'Coalitie en zorgverzekeraars');
  await page.getByRole('button', { name: 'Deelnemer toevoegen' }).focus();
  await page.keyboard.press('Enter');
  const rij = page.getByRole('group', { name: 'Deelnemer 1', exact: true });
  await rij.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent), 'Deelnemer 1');
  await page.keyboard.type(String(w.org.ziekenhuis));
  await rij.getByLabel('Sector').selectOption({ label: 'medisch-specialistische zorg' });
  await rij.getByLabel('Bedrag voor deze deelnemer').fill('1.000.000');
  assert.match(await slaOp(page), /^Concept opgeslagen/);
  await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
  // the second participant found in the register by part of its name (issue 18)
  const rij2 = page.getByRole('group', { name: 'Deelnemer 2', exact: true });
  await rij2.getByLabel('Zoek in het register').fill('thuiszorg eem');
  await rij2.getByRole('button', { name: 'Zoeken' }).click();
  await rij2.getByRole('button', { name: 'Kies Demo Thuiszorg Eemland, Amersfoort, AGB 99000002' }).click();
  await page.getByRole('group', { name: 'Deelnemer 2', exact: true }).getByText('Gekozen:').waitFor();
  assert.equal(await page.getByRole('group', { name: 'Deelnemer 2', exact: true }).getByLabel('Organisatienummer').inputValue(), String(w.org.vvt));
  // both insurers by name from the register
  await page.getByLabel('Coördinerend zorgverzekeraar').selectOption({ label: 'Demo Zorgverzekeraar Noord, Groningen, UZOVI 9001' });
  await page.getByLabel('Tweede zorgverzekeraar').selectOption({ label: 'Demo Zorgverzekeraar Zuid, Eindhoven, UZOVI 9002' });
  assert.match(await slaOp(page), /^Concept opgeslagen/);
  const coalitie = (await json(`/aanvragen/${id}`)).document.coalitie;
  assert.deepEqual([coalitie.coordinerend_verzekeraar, coalitie.tweede_verzekeraar], [w.org.noord, w.org.zuid]);
  let deelnemers = (await json(`/aanvragen/${id}`)).document.coalitie.deelnemers;
  assert.deepEqual(deelnemers.map((d) => d.organisatie), [w.org.ziekenhuis, w.org.vvt]);
  assert.deepEqual(deelnemers[0], { organisatie: w.org.ziekenhuis, soort: 'zorgaanbieder', sector: 'msz', bedrag_cent: 100000000 });
  await expectAccessible(page, 'coalitie met twee deelnemers');
  assert.match(await page.getByRole('group', { name: 'Deelnemer 2', exact: true }).innerText(), /Gekozen: Demo Thuiszorg Eemland, Amersfoort/,
    'after saving the name stays');
  await page.getByRole('button', { name: 'Deelnemer 1 verwijderen' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Deelnemer toevoegen', 'focus on the add button');
  assert.match(await opslagStatus(page).innerText(), /Deelnemer 1 is verwijderd/);
  assert.match(await slaOp(page), /^Concept opgeslagen/);
  deelnemers = (await json(`/aanvragen/${id}`)).document.coalitie.deelnemers;
  assert.deepEqual(deelnemers.map((d) => d.organisatie), [w.org.vvt]);
  assert.equal(await page.getByRole('group', { name: 'Deelnemer 2', exact: true }).count(), 0);
});

test('a request for information: the asked field is marked, answered and submitted as version 2', async () => {
  const rijen = await lijst();
  const rij = rijen.find((r) => r.status === 'Informatie gevraagd');
  const id = Number(rij.href.split('/').pop());
  await page.goto(`${srv.url}${rij.href}`);
  await page.getByRole('navigation', { name: 'Stappen' }).waitFor({ timeout: 20000 });
  const main = page.locator('main');
  assert.match(await main.innerText(), /Beschrijf de nulmeting per team en hoe de tijdwinst wordt omgerekend naar fte/);
  assert.match(await page.getByRole('navigation', { name: 'Stappen' }).innerText(), /Impact, structurele kosten en eenmalige impuls \(gevraagd door de zorgverzekeraar\)/);
  await expectAccessible(page, 'informatie gevraagd');
  await page.getByRole('alert').or(page.locator('.utrecht-alert--warning')).first().getByRole('link', { name: 'Impact: meetmethode' }).click();
  await page.locator('.stap h2', { hasText: 'Impact' }).waitFor();
  const veld = page.getByLabel('Meetmethode', { exact: true });
  assert.equal(await page.evaluate(() => document.activeElement?.id), await veld.getAttribute('id'));
  const gevraagd = veld.locator('xpath=ancestor::div[contains(@class, "aanvraagveld")][1]').locator('.gevraagd');
  assert.match(await gevraagd.innerText(), /Gevraagd door de zorgverzekeraar: Beschrijf de nulmeting/);
  assert.equal(await page.getByLabel('Fte-besparing bij volledige opschaling').locator('xpath=ancestor::div[contains(@class, "aanvraagveld")][1]').locator('.gevraagd').isHidden(), true);
  await page.mouse.move(0, 0); // the theme drops a link's underline on hover
  await expectAccessible(page, 'gevraagd veld');
  const nieuw = 'Nulmeting per team in week 1 met tijdschrijven; tijdwinst x uren per fte (1.500 uur per jaar) = fte.';
  await vulVeldIn(page, { stap: 'Impact, structurele kosten en eenmalige impuls', label: 'Meetmethode', waarde: nieuw });
  const bewijs = await dienIn(page, srv.url, id);
  assert.equal(bewijs.versie, 2);
  const versies = (await json(`/aanvragen/${id}/versies`)).versies;
  assert.equal(versies.length, 2);
  assert.deepEqual(versies[1].open_velden, ['/impact/meetmethode']);
  assert.equal(versies[1].sha256, bewijs.sha256);
  assert.equal((await json(`/aanvragen/${id}`)).status, 'ingediend');
  const tabel = page.getByRole('table', { name: 'Ingediende versies van de aanvraag' });
  assert.match(await tabel.innerText(), /Impact: meetmethode/, 'the field by its name, not its pointer');
});

test('a decided application: status, the verdicts of both insurers and the versions', async () => {
  const rijen = await lijst();
  const rij = rijen.find((r) => r.status === 'Negatief beoordeeld');
  await page.goto(`${srv.url}${rij.href}`);
  await page.getByRole('heading', { level: 2, name: 'Oordelen van de zorgverzekeraars' }).waitFor({ timeout: 20000 });
  const id = rij.href.split('/').pop();
  const api = (await json(`/aanvragen/${id}/beoordelingen`)).beoordelingen;
  const oordelen = await page.locator('.oordeel h3').allInnerTexts();
  assert.equal(oordelen.length, api.length);
  assert.ok(oordelen.some((t) => /^Coördinerend zorgverzekeraar: /.test(t)));
  // the phase of the whole chain and its timeline (issue 18)
  const stand = await page.locator('section:has(#kop-status)').innerText();
  assert.match(stand, /Niet door beide zorgverzekeraars positief beoordeeld: de aanvraag gaat niet verder \[002 §4\.2\]/);
  const stappen = await page.locator('.tijdlijn__lijst li').allInnerTexts();
  const tijdlijn = (await json(`/aanvragen/${id}/tijdlijn`)).stappen;
  assert.equal(stappen.length, tijdlijn.length);
  assert.match(stappen[0], /Concept aangemaakt\./);
  assert.ok(stappen.some((t) => /zorgverzekeraar beoordeelde versie 1 negatief .*\(Mark Visser|Fatima El Amrani/.test(t)), stappen.join('\n'));
  await expectAccessible(page, 'beoordeelde aanvraag');
});

test('no screen broke the CSP or threw a script error', async () => {
  assert.deepEqual(browser.problems(), []);
});

await run();
