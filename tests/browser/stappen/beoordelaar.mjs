// SPDX-License-Identifier: EUPL-1.2
//
// stappen/beoordelaar.mjs -- the insurer's main steps in the browser, for
// tests/browser/beoordelaar.test.mjs and the end-to-end chain test
// (tests/browser/keten.test.mjs). Each step drives the UI only (no API
// calls), takes a page that is already logged in with the right role, and
// runs axe on every screen and state it passes.
//
//   await beoordeelPositief(page, baseUrl, aanvraagId)
//       role beoordelaar (coordinating or second insurer): /beoordelingen/{id},
//       all 14 basic requirements "Voldaan" with a motivation, the
//       conflict-of-interest declaration, overall "Positief"; asserts the
//       success message. Returns the application's new status as shown
//       (e.g. 'In beoordeling', 'Positief beoordeeld').
//   await vraagInformatie(page, baseUrl, aanvraagId, { veld, vraag })
//       role beoordelaar: the same with overall "Meer informatie nodig", the
//       document part `veld` (a JSON pointer, e.g. '/impact/meetmethode', or
//       a list of them) and the question. Returns the new status as shown.
//   await maakNzaAanvraag(page, baseUrl, aanvraagId, { kenmerk, datum })
//       role beoordelaar of the coordinating insurer, application positive
//       and granted by the board: "Verzoek aan NZa opstellen" on
//       /beoordelingen/{id}, upper bound left at the granted total, the six
//       declarations, contract date (default: today, UTC) and reference.
//       Returns the joint request's id (a number).
//   await onderteken(page, baseUrl, nzaAanvraagId)
//       role beoordelaar (coordinating insurer) or aanvrager (the lead):
//       /nza-aanvragen/{id}, "Ondertekenen". Returns the request's status as
//       shown afterwards (e.g. 'Wacht op ondertekening' or 'Ingediend bij de
//       NZa, in behandeling').
//
// Labels these steps rely on (keep them stable): the h2 "Uw beoordeling";
// groups "Oordeel over basiseis N" with radios "Voldaan"; "Motivering bij
// basiseis N"; "Ik verklaar dat ik geen belangenconflict heb bij deze
// aanvraag"; group "Uw eindoordeel" ("Positief", "Meer informatie nodig");
// "Motivering van uw eindoordeel"; "Uw vraag aan de coalitie"; button
// "Beoordeling vastleggen"; link "Verzoek aan NZa opstellen"; group
// "Verklaringen van de zorgverzekeraars"; "Datum van de overeenkomst";
// "Kenmerk van de overeenkomst"; button "Verzoek opstellen"; h1 "Verzoek aan
// NZa N"; button "Ondertekenen".

import { assert } from '../../lib/harness.mjs';
import { expectAccessible, plain, waitForScreen } from '../browser.mjs';

/** Opens /beoordelingen/{id} and waits until the screen with its form is there. */
export async function openBeoordeling(page, baseUrl, aanvraagId) {
  await page.goto(`${baseUrl}/beoordelingen/${aanvraagId}`);
  await page.getByRole('heading', { level: 2, name: 'Uw beoordeling' }).waitFor({ timeout: 15000 });
  await page.waitForFunction(() => !document.getElementById('inhoud')?.hasAttribute('aria-busy'));
}

/**
 * Fills the 14 basic requirements: `oordelen` maps a number to 'Voldaan', 'Niet voldaan' ...; default Voldaan.
 * On the light route the requirements the automated checks established are pre-filled and folded away
 * (docs/indiening.md §5a): they are left as they are unless `oordelen` or `motiveringen` names them.
 */
export async function vulBasiseisen(page, oordelen = {}, motiveringen = {}) {
  for (let n = 1; n <= 14; n++) {
    const eis = page.locator(`#basiseis-${n}`);
    const ingeklapt = await eis.evaluate((el) => el.tagName === 'DETAILS' && !el.open);
    if (ingeklapt && !(n in oordelen) && !(n in motiveringen)) continue;
    if (ingeklapt) await eis.locator('summary').click();
    const keuze = oordelen[n] || 'Voldaan';
    await page.getByRole('group', { name: `Oordeel over basiseis ${n}`, exact: true }).getByLabel(keuze, { exact: true }).check();
    await page.getByLabel(`Motivering bij basiseis ${n}`, { exact: true })
      .fill(n in motiveringen ? motiveringen[n] : `Basiseis ${n} is voldoende onderbouwd in de aanvraag.`);
  }
}

async function legVast(page) {
  await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const melding = page.getByRole('status').filter({ hasText: 'Beoordeling vastgelegd' });
  await melding.waitFor({ timeout: 15000 });
  const tekst = plain(await melding.innerText());
  const m = /De aanvraag heeft nu de status: ([^.\n]+)\./.exec(tekst);
  assert.ok(m, `success message names the status: ${tekst}`);
  return { tekst, status: m[1] };
}

export async function beoordeelPositief(page, baseUrl, aanvraagId) {
  await openBeoordeling(page, baseUrl, aanvraagId);
  await expectAccessible(page, 'beoordeling: formulier');
  await vulBasiseisen(page);
  await page.getByLabel('Ik verklaar dat ik geen belangenconflict heb bij deze aanvraag').check();
  await page.getByRole('group', { name: 'Uw eindoordeel' }).getByLabel('Positief', { exact: true }).check();
  await page.getByLabel('Motivering van uw eindoordeel').fill('Conform het modelplan; de basiseisen zijn onderbouwd.');
  const { tekst, status } = await legVast(page);
  assert.match(tekst, /Uw beoordeling van versie \d+ is vastgelegd: Positief\./);
  await expectAccessible(page, 'beoordeling: positief vastgelegd');
  return status;
}

export async function vraagInformatie(page, baseUrl, aanvraagId, { veld, vraag }) {
  await openBeoordeling(page, baseUrl, aanvraagId);
  await expectAccessible(page, 'beoordeling: formulier (informatieverzoek)');
  await vulBasiseisen(page);
  await page.getByLabel('Ik verklaar dat ik geen belangenconflict heb bij deze aanvraag').check();
  await page.getByRole('group', { name: 'Uw eindoordeel' }).getByLabel('Meer informatie nodig', { exact: true }).check();
  await page.getByLabel('Motivering van uw eindoordeel').fill('Wij hebben meer informatie nodig voordat wij kunnen oordelen.');
  for (const p of [].concat(veld)) {
    await page.locator(`input[type="checkbox"][value="${p}"]`).check();
  }
  await page.getByLabel('Uw vraag aan de coalitie').fill(vraag);
  await expectAccessible(page, 'beoordeling: informatieverzoek ingevuld');
  const { tekst, status } = await legVast(page);
  assert.match(tekst, /Uw beoordeling van versie \d+ is vastgelegd: Meer informatie nodig\./);
  await expectAccessible(page, 'beoordeling: informatieverzoek vastgelegd');
  return status;
}

export async function maakNzaAanvraag(page, baseUrl, aanvraagId, { kenmerk, datum = new Date().toISOString().slice(0, 10) }) {
  await page.goto(`${baseUrl}/beoordelingen/${aanvraagId}`);
  const knop = page.getByRole('link', { name: 'Verzoek aan NZa opstellen' });
  await knop.waitFor({ timeout: 15000 });
  await knop.click();
  await waitForScreen(page, 'Verzoek aan NZa opstellen');
  await expectAccessible(page, 'verzoek aan NZa: leeg formulier');
  const verklaringen = page.getByRole('group', { name: 'Verklaringen van de zorgverzekeraars' }).getByRole('checkbox');
  assert.equal(await verklaringen.count(), 6, 'six declarations');
  for (let i = 0; i < 6; i++) await verklaringen.nth(i).check();
  await page.getByLabel('Datum van de overeenkomst').fill(datum);
  await page.getByLabel('Kenmerk van de overeenkomst').fill(kenmerk);
  await page.getByRole('button', { name: 'Verzoek opstellen' }).click();
  await waitForScreen(page, /^Verzoek aan NZa \d+$/);
  const id = Number(/\/nza-aanvragen\/([0-9]+)/.exec(page.url())?.[1]);
  assert.ok(Number.isSafeInteger(id) && id > 0, `the new request's address: ${page.url()}`);
  await page.getByRole('status').filter({ hasText: 'Het verzoek is opgesteld' }).waitFor();
  await expectAccessible(page, 'verzoek aan NZa: opgesteld');
  return id;
}

/** The request's status as the detail screen shows it. */
async function nzaStatusTekst(page) {
  const item = page.locator('.utrecht-data-list__item').filter({ has: page.locator('dt', { hasText: /^Status$/ }) });
  return plain(await item.locator('dd').innerText()).trim();
}

export async function onderteken(page, baseUrl, nzaAanvraagId) {
  await page.goto(`${baseUrl}/nza-aanvragen/${nzaAanvraagId}`);
  await waitForScreen(page, `Verzoek aan NZa ${nzaAanvraagId}`);
  await expectAccessible(page, 'verzoek aan NZa: te ondertekenen');
  await page.getByRole('button', { name: 'Ondertekenen' }).click();
  await page.getByRole('status').filter({ hasText: 'Ondertekend' }).waitFor({ timeout: 15000 });
  await expectAccessible(page, 'verzoek aan NZa: ondertekend');
  return nzaStatusTekst(page);
}
