// SPDX-License-Identifier: EUPL-1.2
//
// stappen/nza.mjs -- the NZa's step and the milestone steps of the chain
//, driving the UI only. Each takes a page already logged in as
// the right role, runs axe on every screen it passes, and fails with the
// screen's own message when the server refuses.
//
//   verleen(page, baseUrl, nzaAanvraagId, motivering) -> beschikking id (number)
//     as nza: /nza/verzoeken/{id}, radio "Beschikking verlenen met de
//     voorgestelde bovengrens", field "Motivering", button "Besluit
//     vastleggen"; waits for the heading "Beschikking NZa-DBM-... is
//     verleend" and reads the link "Naar beschikking NZa-DBM-...".
//   meldMijlpaal(page, baseUrl, beschikkingId, mijlpaalId, bewijs)
//     as aanvrager (the lead): /beschikkingen/{id}, button "Mijlpaal {m}
//     melden", field "Bewijs", button "Melding versturen"; waits for the
//     status "Mijlpaal {m} is gemeld als bereikt."
//   betaalMijlpaal(page, baseUrl, beschikkingId, mijlpaalId) -> paid amount text ("€ 1.000.000", plain spaces)
//     as beoordelaar (the coordinating insurer): /beschikkingen/{id}, button
//     "Mijlpaal {m} betalen", the field "Bedrag in euro" left at the planned
//     amount, button "Betaling vastleggen"; waits for the status "Mijlpaal
//     {m} is betaald: € ... ."

import { assert } from '../../lib/harness.mjs';
import { expectAccessible, plain, waitForScreen } from '../browser.mjs';

/** Waits for either `ok` to appear or the form's error summary; fails with the summary's text. */
async function wachtOp(page, ok, wat) {
  const samenvatting = page.locator('.foutsamenvatting');
  await Promise.race([ok.waitFor({ timeout: 20000 }), samenvatting.first().waitFor({ timeout: 20000 })]);
  if (await samenvatting.count()) {
    assert.fail(`${wat}: ${plain(await samenvatting.first().innerText())}`);
  }
}

export async function verleen(page, baseUrl, nzaAanvraagId, motivering) {
  await page.goto(`${baseUrl}/nza/verzoeken/${nzaAanvraagId}`);
  await waitForScreen(page, new RegExp(`^Verzoek ${nzaAanvraagId}:`));
  await expectAccessible(page, `verzoek ${nzaAanvraagId} (nza)`);
  await page.getByRole('radio', { name: 'Beschikking verlenen met de voorgestelde bovengrens' }).check();
  await page.getByLabel('Motivering').fill(motivering);
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  const kop = page.getByRole('heading', { name: /^Beschikking NZa-DBM-\d{4}-\d{6} is verleend$/ });
  await wachtOp(page, kop, `verlenen van verzoek ${nzaAanvraagId}`);
  await expectAccessible(page, `verzoek ${nzaAanvraagId} verleend`);
  const href = await page.getByRole('link', { name: /^Naar beschikking NZa-DBM-/ }).getAttribute('href');
  const m = /^\/beschikkingen\/(\d+)$/.exec(href || '');
  assert.ok(m, `link to the decision: ${href}`);
  return Number(m[1]);
}

async function openBeschikking(page, baseUrl, beschikkingId) {
  await page.goto(`${baseUrl}/beschikkingen/${beschikkingId}`);
  await waitForScreen(page, /^Beschikking NZa-DBM-/);
  await page.getByRole('table', { name: 'Mijlpalen: gepland bedrag, melding en betaling' }).waitFor();
  await expectAccessible(page, `beschikking ${beschikkingId}`);
}

export async function meldMijlpaal(page, baseUrl, beschikkingId, mijlpaalId, bewijs) {
  await openBeschikking(page, baseUrl, beschikkingId);
  await page.getByRole('button', { name: `Mijlpaal ${mijlpaalId} melden` }).click();
  await page.getByRole('heading', { name: `Mijlpaal ${mijlpaalId} melden` }).waitFor();
  await page.getByLabel('Bewijs').fill(bewijs);
  await expectAccessible(page, `mijlpaal ${mijlpaalId} melden (ingevuld)`);
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  const klaar = page.getByRole('status').filter({ hasText: `Mijlpaal ${mijlpaalId} is gemeld als bereikt.` });
  await wachtOp(page, klaar, `melden van mijlpaal ${mijlpaalId}`);
  await expectAccessible(page, `mijlpaal ${mijlpaalId} gemeld`);
}

export async function betaalMijlpaal(page, baseUrl, beschikkingId, mijlpaalId) {
  await openBeschikking(page, baseUrl, beschikkingId);
  await page.getByRole('button', { name: `Mijlpaal ${mijlpaalId} betalen` }).click();
  await page.getByRole('heading', { name: `Mijlpaal ${mijlpaalId} betalen` }).waitFor();
  await expectAccessible(page, `mijlpaal ${mijlpaalId} betalen (formulier)`);
  await page.getByRole('button', { name: 'Betaling vastleggen' }).click();
  const klaar = page.getByRole('status').filter({ hasText: `Mijlpaal ${mijlpaalId} is betaald:` });
  await wachtOp(page, klaar, `betalen van mijlpaal ${mijlpaalId}`);
  await expectAccessible(page, `mijlpaal ${mijlpaalId} betaald`);
  const tekst = plain(await klaar.innerText());
  const m = /is betaald: (€ -?[0-9.]+(?:,[0-9]{2})?)\./.exec(tekst);
  assert.ok(m, `the paid amount in: ${tekst}`);
  return m[1];
}
