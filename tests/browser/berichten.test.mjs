// SPDX-License-Identifier: EUPL-1.2
//
// berichten.test.mjs -- messages, the mail queue and a forgotten password
// in Debian's chromium, against a real `doorbraak serve --demo` that mails
// to a real SMTP server on loopback (python3-aiosmtpd, tests/lib/smtp.mjs):
//
//   aanvrager   the header counts the unread messages; /berichten lists
//               them newest first, marks one read (the count follows) and
//               leads to the application it is about;
//   beheerder   /mailwachtrij: the mails sent, filtered by status;
//   anyone      "Wachtwoord vergeten?" at the login: the link arrives by
//               mail, opens /wachtwoord-herstellen, which takes the token
//               out of the address bar; a second password that differs is
//               refused at its field; then the new password logs in.
//
// axe (WCAG 2.2 A + AA) on every screen and state.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { startSmtp } from '../lib/smtp.mjs';
import { startServer } from '../lib/server.mjs';
import { alsRol, expectAccessible, plain, startBrowser, waitForScreen } from './browser.mjs';

setSuite('browser/berichten [sqlite]');

let srv;
let smtp;
let browser;
let page;

before(async () => {
  smtp = await startSmtp();
  srv = await startServer({ backend: 'sqlite', args: ['--demo'], env: {
    DOORBRAAK_SMTP_URL: smtp.url, DOORBRAAK_SMTP_TLS: 'geen', DOORBRAAK_MAIL_INTERVAL_S: '1' } });
  browser = await startBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
  await smtp?.stop();
});

const teller = () => page.locator('.kop__berichten');

test('the applicant: the header counts the unread messages; the list marks one read and leads to its application', async () => {
  await alsRol(page, srv.url, 'aanvrager');
  await page.waitForFunction(() => /Berichten \(\d+\)/.test(document.querySelector('.kop__berichten')?.textContent || ''));
  const voor = Number(/\((\d+)\)/.exec(await teller().innerText())[1]);
  assert.ok(voor >= 1);
  await teller().click();
  await waitForScreen(page, 'Berichten');
  await expectAccessible(page, '/berichten');
  const lijst = page.getByRole('list', { name: 'Berichten, nieuwste eerst' });
  const eerste = lijst.locator('li.bericht').first();
  assert.match(plain(await eerste.innerText()), /Nieuw/);
  assert.match(plain(await page.locator('main').innerText()), new RegExp(`U hebt ${voor} ongelezen bericht`));
  await eerste.getByRole('button', { name: 'Markeer als gelezen' }).click();
  await page.getByRole('status').filter({ hasText: 'Gemarkeerd als gelezen.' }).waitFor();
  await page.waitForFunction((n) => (document.querySelector('.kop__berichten')?.textContent || '') === (n ? `Berichten (${n})` : 'Berichten'), voor - 1);
  assert.equal(await lijst.locator('li.bericht').first().getByRole('button', { name: 'Markeer als ongelezen' }).count(), 1);
  await expectAccessible(page, '/berichten after marking');
  // only the unread
  await page.getByRole('link', { name: 'Alleen ongelezen berichten tonen' }).click();
  await page.waitForURL(/ongelezen=true/);
  await waitForScreen(page, 'Berichten');
  const items = page.getByRole('list', { name: 'Berichten, nieuwste eerst' }).locator('li.bericht');
  const ongelezen = await items.count();
  assert.ok(ongelezen >= 1 && ongelezen <= voor - 1);
  assert.equal(await items.getByRole('button', { name: 'Markeer als gelezen' }).count(), ongelezen, 'only unread ones');
  // a message leads to what it is about (and counts as read)
  const link = page.getByRole('list', { name: 'Berichten, nieuwste eerst' }).locator('li.bericht h2 a').first();
  const pad = await link.getAttribute('href');
  await link.click();
  await page.waitForURL(srv.url + pad);
  await page.waitForFunction((n) => (document.querySelector('.kop__berichten')?.textContent || '') === (n ? `Berichten (${n})` : 'Berichten'), voor - 2);
});

test('the applicant chooses on Mijn account whether messages also come by mail', async () => {
  await page.goto(`${srv.url}/account`);
  await waitForScreen(page, 'Mijn account');
  const vink = page.getByLabel('Berichten ook per mail ontvangen');
  assert.equal(await vink.isChecked(), true);
  await vink.uncheck();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('status').filter({ hasText: 'Opgeslagen: uw berichten komen alleen in de berichtenbox.' }).waitFor();
  await expectAccessible(page, 'mijn account, berichten niet per mail');
  const r = await page.evaluate(async () => (await fetch('/api/v1/berichten/instellingen')).json());
  assert.deepEqual(r, { mailen: false });
  await page.reload();
  await waitForScreen(page, 'Mijn account');
  assert.equal(await page.getByLabel('Berichten ook per mail ontvangen').isChecked(), false, 'kept');
  await page.getByLabel('Berichten ook per mail ontvangen').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('status').filter({ hasText: 'Opgeslagen: uw berichten komen ook per mail.' }).waitFor();
});

test('the administrator: the mail queue, filtered by status, without the mails\' text', async () => {
  await smtp.wacht((m) => m.aan === '<aanvrager@demo.doorbraak.example>');
  await alsRol(page, srv.url, 'beheerder');
  await page.goto(`${srv.url}/mailwachtrij?status=verzonden`);
  await waitForScreen(page, 'Mailwachtrij');
  const tabel = page.getByRole('table', { name: 'Uitgaande mail, nieuwste eerst' });
  await tabel.waitFor();
  const tekst = plain(await tabel.innerText());
  assert.match(tekst, /aanvrager@demo\.doorbraak\.example/);
  assert.match(tekst, /verzonden/);
  assert.doesNotMatch(tekst, /wachtend/);
  assert.equal(await page.getByText('Er wordt niet gemaild').count(), 0);
  await expectAccessible(page, '/mailwachtrij');
});

test('a forgotten password: the link by mail, the token out of the address bar, the new password logs in', async () => {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await waitForScreen(page, 'U bent uitgelogd');
  await page.goto(`${srv.url}/inloggen`);
  await waitForScreen(page, 'Inloggen');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await waitForScreen(page, 'Wachtwoord vergeten');
  await expectAccessible(page, '/wachtwoord-vergeten');
  await page.getByLabel('E-mailadres van uw account').fill('auditor@demo.doorbraak.example');
  await page.getByRole('button', { name: 'Link aanvragen' }).click();
  await page.getByText('Als er een actief account met dit e-mailadres is').waitFor();
  await expectAccessible(page, '/wachtwoord-vergeten sent');
  const mail = await smtp.wacht((m) => m.aan === '<auditor@demo.doorbraak.example>' && m.onderwerp === 'Nieuw wachtwoord voor Doorbraakmiddelen');
  const url = /(http:\/\/\S+\/wachtwoord-herstellen#[0-9a-f]{64})/.exec(mail.body)[1];
  await page.goto(url);
  await waitForScreen(page, 'Nieuw wachtwoord kiezen');
  assert.equal(new URL(page.url()).hash, '', 'the token is out of the address bar');
  await expectAccessible(page, '/wachtwoord-herstellen');
  const nieuw = 'Auditor-heeft-een-nieuw-wachtwoord-2027';
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(nieuw);
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill(`${nieuw}x`);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await page.locator('.foutsamenvatting').waitFor();
  assert.match(plain(await page.locator('.foutsamenvatting').innerText()), /Dit is niet hetzelfde als het nieuwe wachtwoord/);
  await expectAccessible(page, '/wachtwoord-herstellen error');
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(nieuw);
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill(nieuw);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();
  await expectAccessible(page, '/wachtwoord-herstellen done');
  await page.getByRole('link', { name: 'Naar inloggen' }).click();
  await waitForScreen(page, 'Inloggen');
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill('auditor');
  await page.getByLabel('Wachtwoord', { exact: true }).fill(nieuw);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  // the page without a link says so
  await page.goto(`${srv.url}/wachtwoord-herstellen`);
  await waitForScreen(page, 'Nieuw wachtwoord kiezen');
  await page.getByText('Die link ontbreekt of is niet volledig.').waitFor();
});

await run();
