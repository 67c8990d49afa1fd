// SPDX-License-Identifier: EUPL-1.2
//
// stappen/beheer.mjs -- the programme office's step of the chain,
// driving the UI only. It takes a page already logged in as programmabureau,
// runs axe on every screen and state it passes, and fails with the screen's
// own message when the server refuses.
//
//   maakRonde(page, baseUrl, { naam, sluitOverSeconden }) -> ronde id (number)
//     as programmabureau: /indieningsrondes, form "Nieuwe indieningsronde":
//     field "Naam van de ronde", select "Catalogusversie" = 1, select
//     "Impactlat" = B, checkbox "Besteden in het uitloopjaar 2029 is
//     toegestaan" on, the groups "Opent op (Nederlandse tijd)" (a minute ago)
//     and "Sluit op (Nederlandse tijd)" (in sluitOverSeconden, rounded up to
//     the next whole second), each with the fields "Datum" and "Tijd
//     (uu:mm:ss)"; button "Indieningsronde instellen"; waits for the status
//     "Indieningsronde {id} “{naam}” is ingesteld." and returns the id.
//
// Times are typed in Dutch time (the browser runs in Europe/Amsterdam, see
// browser.mjs); nlTijd() gives the date and time the form expects.

import { assert } from '../../lib/harness.mjs';
import { expectAccessible, plain, waitForScreen } from '../browser.mjs';

const AMSTERDAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** A moment (ms since 1970) as { datum: 'YYYY-MM-DD', tijd: 'HH:MM:SS' } in Dutch time. */
export function nlTijd(ms) {
  const parts = AMSTERDAM.formatToParts(new Date(ms));
  const g = (type) => parts.find((p) => p.type === type).value;
  return { datum: `${g('year')}-${g('month')}-${g('day')}`, tijd: `${g('hour')}:${g('minute')}:${g('second')}` };
}

/** Fills the date and time of the fieldset `groep` ("Opent op (Nederlandse tijd)"). */
export async function vulMoment(form, groep, { datum, tijd }) {
  const g = form.getByRole('group', { name: groep });
  await g.getByLabel('Datum').fill(datum);
  await g.getByLabel('Tijd (uu:mm:ss)').fill(tijd);
}

/** The round form of /indieningsrondes. */
export function rondeFormulier(page) {
  return page.locator('form').filter({ has: page.getByRole('button', { name: 'Indieningsronde instellen' }) });
}

export async function maakRonde(page, baseUrl, { naam, sluitOverSeconden, uiterlijk = null }) {
  await page.goto(`${baseUrl}/indieningsrondes`);
  await waitForScreen(page, 'Indieningsrondes');
  await expectAccessible(page, 'indieningsrondes (programmabureau)');
  const form = rondeFormulier(page);
  await form.getByLabel('Naam van de ronde').fill(naam);
  await form.getByLabel('Catalogusversie').selectOption('1');
  await form.getByLabel('Impactlat').selectOption('B');
  await form.getByLabel('Besteden in het uitloopjaar 2029 is toegestaan').check();
  const nu = Date.now();
  await vulMoment(form, 'Opent op (Nederlandse tijd)', nlTijd(nu - 60000));
  await vulMoment(form, 'Sluit op (Nederlandse tijd)', nlTijd(nu + sluitOverSeconden * 1000 + 999));
  if (uiterlijk) await form.getByLabel('Oordelen van de zorgverzekeraars uiterlijk op (niet verplicht)').fill(uiterlijk);
  await expectAccessible(page, 'indieningsronde ingevuld');
  await form.getByRole('button', { name: 'Indieningsronde instellen' }).click();
  const ok = page.getByRole('status').filter({ hasText: /Indieningsronde \d+ “.*” is ingesteld/ });
  const samenvatting = form.locator('.foutsamenvatting');
  await Promise.race([ok.waitFor({ timeout: 20000 }), samenvatting.waitFor({ timeout: 20000 })]);
  if (await samenvatting.count()) assert.fail(`instellen van ronde ${naam}: ${plain(await samenvatting.innerText())}`);
  const tekst = plain(await ok.innerText());
  const m = /Indieningsronde (\d+) “(.*)” is ingesteld/.exec(tekst);
  assert.ok(m, `status after creating the round: ${tekst}`);
  assert.equal(m[2], naam);
  // The list is reloaded after the form: the new round is in it.
  await page.getByRole('table', { name: /^Indieningsrondes/ }).getByRole('rowheader', { name: naam, exact: true }).first().waitFor();
  await expectAccessible(page, 'indieningsronde ingesteld');
  return Number(m[1]);
}
