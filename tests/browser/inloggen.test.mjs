// SPDX-License-Identifier: EUPL-1.2
//
// inloggen.test.mjs -- logging in and out in Debian's chromium, against real
// `doorbraak serve` processes on fresh SQLite databases:
//
//   * every demo role (serve --demo): log in with the form, the session
//     cookie __Host-doorbraak is stored (http://127.0.0.1 is a potentially
//     trustworthy origin, so Chromium keeps a Secure cookie there), the
//     role's start page and "Mijn account", log out, the cookie is gone;
//   * the login form by keyboard only, from the skip link to the start page;
//   * errors where they belong: an empty form (each field and the summary),
//     a wrong password (the summary), in Dutch;
//   * a screen that needs a login sends you to the login and back;
//   * a session that ended on the server brings you to the login with a message;
//   * an account with a second factor (a server without --demo): the code
//     field gets the server's message, then the right code logs in.
// axe (WCAG 2.2 A + AA) reports no violation on any of these screens.

import { createHmac, randomBytes } from 'node:crypto';

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { doorbraak, startServer } from '../lib/server.mjs';
import {
  DEMO_ROLLEN, DEMO_WACHTWOORD, expectAccessible, loginWithForm, plain, sessionCookie, startBrowser, waitForScreen,
} from './browser.mjs';

setSuite('browser/inloggen [sqlite]');

const ROLNAMEN = {
  aanvrager: 'Aanvrager (samenwerkingscoalitie)',
  beoordelaar: 'Beoordelaar (zorgverzekeraar)',
  bestuur: 'Bestuurlijk Overleg IZA/AZWA',
  nza: 'Nederlandse Zorgautoriteit',
  programmabureau: 'Programmabureau',
  gemeente: 'Gemeente',
  zorginstituut: 'Zorginstituut Nederland',
  auditor: 'Auditor (alleen lezen)',
  beheerder: 'Beheerder',
};

let demo;
let browser;

before(async () => {
  demo = await startServer({ backend: 'sqlite', args: ['--demo'] });
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const label = el?.labels?.[0]?.textContent || el?.getAttribute('aria-label') || el?.textContent || '';
    return { tag: el?.tagName, id: el?.id, text: label.trim().replace(/\s+/g, ' ') };
  });
}

async function freshPage() {
  await browser.context.clearCookies();
  const page = await browser.page();
  await page.goto(`${demo.url}/`);
  await page.evaluate(() => localStorage.clear());
  return page;
}

for (const rol of DEMO_ROLLEN) {
  test(`${rol}: logs in, sees the role's start page and own account, logs out; axe clean`, async () => {
    const page = await freshPage();
    await loginWithForm(page, demo.url, rol);
    const cookie = await sessionCookie(browser.context, demo.url);
    assert.ok(cookie, 'the browser stored the session cookie __Host-doorbraak');
    assert.deepEqual([cookie.secure, cookie.httpOnly, cookie.sameSite, cookie.path], [true, true, 'Strict', '/']);
    assert.match(page.url(), /\/start$/);
    assert.equal(await page.title(), 'Start - Doorbraakmiddelen');
    await page.getByRole('heading', { level: 2, name: ROLNAMEN[rol] }).waitFor();
    const banner = page.getByRole('banner');
    await banner.getByRole('link', { name: rol }).waitFor();
    assert.equal(await banner.getByRole('button', { name: 'Uitloggen' }).count(), 1);
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).count(), 1);
    await expectAccessible(page, `start (${rol})`);

    await banner.getByRole('link', { name: rol }).click();
    await waitForScreen(page, 'Mijn account');
    const main = plain(await page.locator('main').innerText());
    assert.match(main, new RegExp(`Gebruikersnaam\\s+${rol}\\b`));
    assert.match(main, /Tweede factor\s+Niet ingesteld/);
    assert.match(main, /Demo-account/);
    await expectAccessible(page, `mijn account (${rol})`);

    await banner.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForScreen(page, 'U bent uitgelogd');
    assert.equal(await sessionCookie(browser.context, demo.url), undefined, 'the cookie is gone');
    await page.getByRole('banner').getByRole('link', { name: 'Inloggen' }).waitFor();
    await expectAccessible(page, `uitgelogd (${rol})`);
    await page.close();
  });
}

test('keyboard only: skip link, the fields in order, Enter logs in and focus goes to the new page', async () => {
  const page = await freshPage();
  await page.goto(`${demo.url}/inloggen`);
  await waitForScreen(page, 'Inloggen');
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { tag: 'A', id: '', text: 'Naar de inhoud' }, 'the skip link comes first');
  assert.ok(await page.getByRole('link', { name: 'Naar de inhoud' }).isVisible(), 'and is visible when focused');
  await page.evaluate(() => { document.querySelector('main h1').dataset.merk = 'ja'; });
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'inhoud', 'the skip link moves focus to main');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector('main h1')?.dataset.merk), 'ja',
    'following the skip link does not render the screen again');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Gebruikersnaam of e-mailadres');
  await page.keyboard.type('aanvrager');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Wachtwoord');
  await page.keyboard.type(DEMO_WACHTWOORD);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Code uit uw authenticator-app (niet verplicht)');
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { tag: 'BUTTON', id: '', text: 'Inloggen' });
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'Welkom, aanvrager');
  assert.deepEqual(await focused(page), { tag: 'H1', id: '', text: 'Welkom, aanvrager' }, 'focus on the new heading');
  // After a fresh load the order is: skip link, logo, the user's name, Uitloggen, the menu.
  await page.reload();
  await waitForScreen(page, 'Welkom, aanvrager');
  const order = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    order.push((await focused(page)).text);
  }
  // the person and the account, the messages with the unread count (docs/berichten.md), logging out, the menu
  assert.match(order[3], /^Berichten(, (\d+|geen) ongelezen)?$/);
  assert.deepEqual(order.filter((_, i) => i !== 3),
    ['Naar de inhoud', 'Doorbraakmiddelen AZWA', 'Sanne Bakker (aanvrager)', 'Uitloggen', 'Overzicht', 'Start']);
  await page.close();
});

test('an empty login form: each field says what is missing, the summary links to the fields; axe clean', async () => {
  const page = await freshPage();
  await page.goto(`${demo.url}/inloggen`);
  await waitForScreen(page, 'Inloggen');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const summary = page.locator('.foutsamenvatting');
  await summary.waitFor();
  assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary has the focus');
  assert.match(await summary.innerText(), /Inloggen is niet gelukt/);
  const naam = page.getByLabel('Gebruikersnaam of e-mailadres');
  assert.equal(await naam.getAttribute('aria-invalid'), 'true');
  const described = await naam.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${described.split(' ')[0]}`).innerText(), /Geef uw gebruikersnaam of e-mailadres\./);
  const links = await summary.getByRole('link').allInnerTexts();
  assert.deepEqual(links, ['Gebruikersnaam of e-mailadres: Geef uw gebruikersnaam of e-mailadres.', 'Wachtwoord: Geef uw wachtwoord.']);
  await expectAccessible(page, 'inloggen met fouten');
  await summary.getByRole('link', { name: /^Wachtwoord/ }).click();
  assert.equal((await focused(page)).text, 'Wachtwoord', 'a summary link moves focus to its field');
  await page.close();
});

test('a wrong password: the summary says so in Dutch, without telling which part was wrong', async () => {
  const page = await freshPage();
  await page.goto(`${demo.url}/inloggen`);
  await waitForScreen(page, 'Inloggen');
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill('bestuur');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const summary = page.locator('.foutsamenvatting');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Gebruikersnaam, wachtwoord of code klopt niet\./);
  assert.equal(await page.getByLabel('Wachtwoord', { exact: true }).inputValue(), '', 'the password is not kept');
  assert.equal(await sessionCookie(browser.context, demo.url), undefined);
  await page.close();
});

test('a screen that needs a login leads to the login page and back after logging in', async () => {
  const page = await freshPage();
  await page.goto(`${demo.url}/account`);
  await waitForScreen(page, 'Inloggen');
  assert.match(page.url(), /\/inloggen\?terug=%2Faccount$/);
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill('nza');
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await waitForScreen(page, 'Mijn account');
  assert.match(page.url(), /\/account$/);
  await page.close();
});

test('a session that ended on the server: the next screen asks to log in again, with a message', async () => {
  const page = await freshPage();
  await loginWithForm(page, demo.url, 'gemeente');
  await browser.context.clearCookies(); // the server no longer knows this browser
  await page.getByRole('banner').getByRole('link', { name: 'gemeente' }).click();
  await waitForScreen(page, 'Inloggen');
  await page.getByText('Uw sessie is verlopen. Log opnieuw in om verder te gaan.').waitFor();
  await page.getByRole('banner').getByRole('link', { name: 'Inloggen' }).count();
  assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 0, 'the header no longer shows a session');
  await expectAccessible(page, 'inloggen na verlopen sessie');
  await page.close();
});

// --- second factor, on a server without demo mode ------------------------------

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238: HMAC-SHA1, 30-second steps, 6 digits. */
function totpNow(secret) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
  const h = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0');
}

test('an account with a second factor: the code field shows what the server asks, the right code logs in', async () => {
  const sleutel = randomBytes(32).toString('hex');
  const srv = await startServer({ backend: 'sqlite', env: { DOORBRAAK_SLEUTEL: sleutel } });
  try {
    const wachtwoord = 'paard batterij nietje';
    const r = doorbraak(['--db', srv.dbUrl, 'gebruiker', 'maak-beheerder', 'admin', 'admin@vws.example', 'A. de Beheerder'],
      { env: { DOORBRAAK_WACHTWOORD: wachtwoord, DOORBRAAK_SLEUTEL: sleutel } });
    assert.equal(r.status, 0, r.stderr);
    const secret = /geheim: ([A-Z2-7]+)/.exec(r.stdout)[1];
    const page = await browser.page();
    await page.goto(`${srv.url}/inloggen`);
    await waitForScreen(page, 'Inloggen');
    await page.getByLabel('Gebruikersnaam of e-mailadres').fill('admin');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(wachtwoord);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.locator('.foutsamenvatting').waitFor();
    const code = page.getByLabel('Code uit uw authenticator-app (niet verplicht)');
    assert.equal(await code.getAttribute('aria-invalid'), 'true', 'the server asked for the code: the code field says so');
    await expectAccessible(page, 'inloggen: code gevraagd');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(wachtwoord);
    await code.fill(totpNow(secret));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await waitForScreen(page, 'Welkom, admin');
    assert.ok(await sessionCookie(browser.context, srv.url));
    await page.getByRole('banner').getByRole('link', { name: 'admin' }).click();
    await waitForScreen(page, 'Mijn account');
    assert.match(plain(await page.locator('main').innerText()), /Tweede factor\s+Ingesteld/);
    await page.close();
  } finally {
    await srv.stop();
  }
});

test('no screen broke the Content-Security-Policy or threw a script error', async () => {
  assert.deepEqual(browser.problems(), []);
});

await run();
