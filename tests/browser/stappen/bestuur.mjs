// SPDX-License-Identifier: EUPL-1.2
//
// stappen/bestuur.mjs -- the board's main steps in the browser, for
// bestuur.test.mjs and the chain test (keten.test.mjs). Each takes a page
// already logged in as `bestuur`, drives the screens only (no API calls),
// runs axe on every screen and state it passes, and returns what it made.
//
//   berekenScenario(page, baseUrl, { rondeId, naam, regel, seed }) -> scenario id
//     /verdeelscenarios?indieningsronde=<rondeId>, form "Nieuw scenario":
//     "Naam van het scenario", radio "Verdeelregel" (Optimaal | Rangorde |
//     Pro rata), "Seed voor de loting", button "Scenario berekenen"; waits
//     for the screen "Verdeelscenario: <naam>" at /verdeelscenarios/<id>.
//   neemBesluit(page, baseUrl, scenarioId, motivering) -> besluit id
//     /verdeelscenarios/<id>, form "Besluit nemen": "Motivering", button
//     "Besluit nemen", then "Ja, besluit definitief nemen"; waits for the
//     screen "Bestuursbesluit <id>" at /bestuursbesluiten/<id>.

import { expectAccessible, waitForScreen } from '../browser.mjs';

/** regel code (API) -> the radio's label on the form. */
export const REGELLABELS = { optimaal: 'Optimaal', rangorde: 'Rangorde', pro_rata: 'Pro rata' };

/** Fills and submits "Nieuw scenario" (without waiting for the outcome). */
export async function vulScenario(page, { naam, regel, seed }) {
  await page.getByLabel('Naam van het scenario').fill(naam ?? '');
  if (regel) await page.getByRole('radio', { name: REGELLABELS[regel] || regel, exact: true }).check();
  await page.getByLabel('Seed voor de loting').fill(seed ?? '');
  await page.getByRole('button', { name: 'Scenario berekenen' }).click();
}

export async function berekenScenario(page, baseUrl, { rondeId, naam, regel, seed }) {
  await page.goto(`${baseUrl}/verdeelscenarios?indieningsronde=${rondeId}`);
  await waitForScreen(page, 'Verdeelscenario’s');
  await page.getByRole('heading', { level: 2, name: 'Nieuw scenario' }).waitFor();
  await expectAccessible(page, 'verdeelscenario’s: nieuw scenario');
  await vulScenario(page, { naam, regel, seed });
  await page.waitForURL(/\/verdeelscenarios\/\d+$/, { timeout: 10 * 60 * 1000 });
  await waitForScreen(page, `Verdeelscenario: ${naam}`);
  await expectAccessible(page, 'verdeelscenario: berekend');
  return Number(/\/verdeelscenarios\/(\d+)$/.exec(page.url())[1]);
}

export async function neemBesluit(page, baseUrl, scenarioId, motivering) {
  await page.goto(`${baseUrl}/verdeelscenarios/${scenarioId}`);
  await waitForScreen(page, /^Verdeelscenario: /);
  await page.getByRole('heading', { level: 2, name: 'Besluit nemen' }).waitFor();
  await page.getByLabel('Motivering').fill(motivering);
  await page.getByRole('button', { name: 'Besluit nemen', exact: true }).click();
  const ja = page.getByRole('button', { name: 'Ja, besluit definitief nemen' });
  await ja.waitFor();
  await expectAccessible(page, 'verdeelscenario: besluit bevestigen');
  await ja.click();
  await page.waitForURL(/\/bestuursbesluiten\/\d+$/, { timeout: 5 * 60 * 1000 });
  const id = Number(/\/bestuursbesluiten\/(\d+)$/.exec(page.url())[1]);
  await waitForScreen(page, `Bestuursbesluit ${id}`);
  await expectAccessible(page, 'bestuursbesluit');
  return id;
}
