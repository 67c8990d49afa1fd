// SPDX-License-Identifier: EUPL-1.2
//
// stappen/aanvrager.mjs -- the coalition's main steps in the browser, for
// tests/browser/aanvrager.test.mjs and the end-to-end chain test
// (tests/browser/keten.test.mjs). Each step drives the UI only (no API
// calls), takes a page that is already logged in as `aanvrager` (the lead),
// and runs axe on every screen and state it passes.
//
//   await nieuweAanvraag(page, baseUrl, { rondeNaam, modelplanId, document })
//       /aanvragen/nieuw: chooses the open round whose name starts with
//       `rondeNaam` and the modelplan `modelplanId` (its version in the
//       round's catalogue), and, when `document` (an object) is given,
//       imports it through the file field; "Concept aanmaken"; in the wizard
//       "Concept opslaan". Returns the application id (a number, from the URL).
//   await vulVeldIn(page, { stap, label, waarde, groep, opslaan })
//       in the wizard of the open application: goes to step `stap` (its name
//       in the step list), fills the field labelled `label` (inside the
//       fieldset named `groep`, when given) with `waarde` (text, or a boolean
//       for a check box, or an option's text for a select), and waits until
//       the draft is saved: with opslaan (default true) by "Concept opslaan",
//       else by the automatic save a moment after the edit. Returns the save
//       status text ("Concept opgeslagen om ..." or "Het concept is niet
//       opgeslagen: ...").
//   await dienIn(page, baseUrl, aanvraagId)
//       /aanvragen/{id}?stap=indienen: "Aanvraag definitief indienen" (or
//       "Antwoord indienen" after a request for information); waits for the
//       receipt. Returns { sha256, versie, kenmerk, ingediendOp } as shown.
//
// Labels these steps rely on (keep them stable): h1 "Nieuwe aanvraag";
// selects "Indieningsronde" and "Modelplan" (option values "<id>:<versie>");
// file field "Aanvraagdocument (JSON, niet verplicht)"; button "Concept
// aanmaken"; in the wizard the navigation "Stappen" with one link per step,
// the button "Concept opslaan", the status line (class opslagstatus,
// role=status); step "Controleren en indienen" (or "Antwoord indienen") with
// the button "Aanvraag definitief indienen" (or "Antwoord indienen"); the
// h2 "Ontvangstbewijs" with `code[data-veld="sha256"]` and the key "Kenmerk".

import { expectAccessible, plain, waitForScreen } from '../browser.mjs';

const OPGESLAGEN = /^(Concept opgeslagen om|Het concept is niet opgeslagen)/;

async function wachtOpWizard(page) {
  await page.getByRole('navigation', { name: 'Stappen' }).waitFor({ timeout: 20000 });
  await page.waitForFunction(() => !document.getElementById('inhoud')?.hasAttribute('aria-busy'));
}

/** The save status line of the wizard. */
export function opslagStatus(page) {
  return page.locator('p.opslagstatus[role="status"]');
}

/** Waits until the status line says the last save finished (saved or refused). */
export async function wachtOpOpslaan(page) {
  const status = opslagStatus(page);
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('p.opslagstatus')?.textContent || ''),
    OPGESLAGEN.source, { timeout: 20000 });
  return status.textContent();
}

/** Clicks "Concept opslaan" and waits for the answer. */
export async function slaOp(page) {
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  return wachtOpOpslaan(page);
}

/** Goes to a step of the wizard by its link in the step list. */
export async function naarStap(page, stap) {
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('link', { name: stap, exact: true }).click();
  await page.locator('.stap h2', { hasText: stap }).waitFor();
}

export async function nieuweAanvraag(page, baseUrl, { rondeNaam, modelplanId, document }) {
  await page.goto(`${baseUrl}/aanvragen/nieuw`);
  await waitForScreen(page, 'Nieuwe aanvraag');
  await expectAccessible(page, 'nieuwe aanvraag');
  const ronde = page.getByLabel('Indieningsronde');
  const rondes = await ronde.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  const gekozen = rondes.find((o) => o.text.startsWith(rondeNaam));
  if (!gekozen) throw new Error(`no open round named ${rondeNaam}: ${rondes.map((o) => o.text).join('; ')}`);
  await ronde.selectOption(gekozen.value);
  const plan = page.getByLabel('Modelplan');
  await page.waitForFunction((id) => [...document.querySelectorAll('option')].some((o) => o.value.startsWith(`${id}:`)), modelplanId);
  const waarde = await plan.locator('option').evaluateAll((os, id) => os.map((o) => o.value).find((v) => v.startsWith(`${id}:`)), modelplanId);
  await plan.selectOption(waarde);
  if (document) {
    await page.getByLabel('Aanvraagdocument (JSON, niet verplicht)').setInputFiles({
      name: 'aanvraag.json', mimeType: 'application/json', buffer: Buffer.from(`${JSON.stringify(document, null, 2)}\n`),
    });
  }
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();
  await page.waitForURL(/\/aanvragen\/[0-9]+(\?|$)/, { timeout: 20000 });
  await wachtOpWizard(page);
  const status = await slaOp(page);
  if (!status.startsWith('Concept opgeslagen')) throw new Error(`the new draft was not saved: ${status}`);
  await expectAccessible(page, 'wizard, nieuw concept');
  return Number(/\/aanvragen\/([0-9]+)/.exec(page.url())[1]);
}

export async function vulVeldIn(page, { stap, label, waarde, groep = null, opslaan = true }) {
  await naarStap(page, stap);
  const vak = page.locator('.stap');
  const scope = groep ? vak.getByRole('group', { name: groep, exact: true }) : vak;
  const veld = scope.getByLabel(label, { exact: true });
  const soort = await veld.evaluate((el) => (el.tagName === 'SELECT' ? 'select' : el.type));
  if (soort === 'checkbox') await veld.setChecked(Boolean(waarde));
  else if (soort === 'select') await veld.selectOption({ label: waarde });
  else await veld.fill(String(waarde));
  if (opslaan) return slaOp(page);
  return wachtOpOpslaan(page);
}

export async function dienIn(page, baseUrl, aanvraagId) {
  await page.goto(`${baseUrl}/aanvragen/${aanvraagId}?stap=indienen`);
  await wachtOpWizard(page);
  await expectAccessible(page, 'indienen');
  await page.getByRole('button', { name: /^(Aanvraag definitief indienen|Antwoord indienen)$/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Ontvangstbewijs' }).waitFor({ timeout: 20000 });
  await page.waitForFunction(() => !document.getElementById('inhoud')?.hasAttribute('aria-busy'));
  await expectAccessible(page, 'ontvangstbewijs');
  const bewijs = page.locator('section.ontvangstbewijs');
  const waardeVan = async (sleutel) => plain(await bewijs.locator('.utrecht-data-list__item', {
    has: page.locator('dt', { hasText: sleutel }),
  }).locator('dd').innerText()).trim();
  const kenmerk = await waardeVan('Kenmerk');
  return {
    sha256: (await bewijs.locator('code[data-veld="sha256"]').innerText()).trim(),
    versie: Number(/versie ([0-9]+)/.exec(kenmerk)[1]),
    kenmerk,
    ingediendOp: await waardeVan('Ingediend op'),
  };
}
