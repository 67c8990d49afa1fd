// SPDX-License-Identifier: EUPL-1.2
//
// browser.mjs -- Debian's chromium driven by playwright-core, for the
// browser suites (tests/browser/*.test.mjs), with the checks every screen
// must pass.
//
//   const b = await startBrowser();        // fresh --user-data-dir
//   const page = await b.page();           // records CSP violations, script errors and
//                                          // any request that leaves the server under test
//   await page.goto(url);
//   await expectAccessible(page, 'overzicht');   // axe, WCAG 2.2 A + AA: zero violations
//   b.problems()                           // CSP violations / page errors / outside requests so far
//   await b.close();
//
// Environment: DOORBRAAK_TEST_CHROMIUM (default /usr/bin/chromium).
// playwright-core never downloads a browser; without chromium the suites fail
// with a message that says so (scripts/setup.sh test installs it).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

import { assert } from '../lib/harness.mjs';

export const CHROMIUM = process.env.DOORBRAAK_TEST_CHROMIUM || '/usr/bin/chromium';

/** The WCAG 2.2 A and AA rules of axe-core (issue 8 "Done when"). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const DEMO_WACHTWOORD = 'demo-doorbraak-2026';

/** The demo accounts of `serve --demo` (docs/toegang.md "Demo mode"), one per role. */
export const DEMO_ROLLEN = ['aanvrager', 'beoordelaar', 'bestuur', 'nza', 'programmabureau', 'gemeente',
  'zorginstituut', 'auditor', 'beheerder'];

/**
 * Starts chromium headless in a fresh profile directory (removed at close).
 * Returns { context, page(), problems(), close() }.
 */
export async function startBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM} (apt-get install chromium, or set DOORBRAAK_TEST_CHROMIUM)`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'doorbraak-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  function watch(page) {
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content.Security.Policy/i.test(text)) problems.push(`CSP: ${text} (${page.url()})`);
    });
    page.on('pageerror', (err) => problems.push(`script error: ${err.message} (${page.url()})`));
    // Nothing may come from outside the server: every request goes to
    // the loopback server under test, or is a blob:/data: URL the page made itself.
    page.on('request', (req) => {
      const url = req.url();
      if (!/^(http:\/\/127\.0\.0\.1:[0-9]+\/|blob:|data:|about:)/.test(url)) {
        problems.push(`request outside the server: ${url} (${page.url()})`);
      }
    });
    return page;
  }
  for (const p of context.pages()) watch(p);
  return {
    context,
    async page() {
      return watch(await context.newPage());
    },
    problems: () => problems.slice(),
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs axe with the WCAG 2.2 A + AA tags and fails with a readable list of violations. */
export async function expectAccessible(page, label) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const lines = results.violations.flatMap((v) => [
    `${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`),
  ]);
  assert.equal(results.violations.length, 0, `axe on ${label} (${page.url()}):\n${lines.join('\n')}`);
  return results;
}

/** Waits until the router has rendered a screen whose <h1> matches `name`. */
export async function waitForScreen(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 15000 });
  await page.waitForFunction(() => !document.getElementById('inhoud')?.hasAttribute('aria-busy'));
}

/** Text with non-breaking spaces as plain spaces (amounts are "€\u00a0275.000.000"). */
export function plain(text) {
  return String(text).replace(/\u00a0/g, ' ');
}

/** Logs in with the form (mouse and typing); resolves on the start page. */
export async function loginWithForm(page, baseUrl, name, password = DEMO_WACHTWOORD) {
  await page.goto(`${baseUrl}/inloggen`);
  await waitForScreen(page, 'Inloggen');
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(name);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await waitForScreen(page, `Welkom, ${name}`);
}

/** Logs out whoever is logged in (the header's button "Uitloggen"), then logs in as `naam` with the form. */
export async function alsRol(page, baseUrl, naam) {
  const uit = page.getByRole('button', { name: 'Uitloggen' });
  if (await uit.count()) {
    await uit.click();
    await waitForScreen(page, 'U bent uitgelogd');
  }
  await loginWithForm(page, baseUrl, naam);
}

/**
 * GET `url` from inside the page (its own cookies, as the user's browser
 * would): {status, contentType, text}. page.request of playwright-core
 * before 1.62 leaves Secure cookies off http:// requests, even on loopback.
 */
export async function paginaGet(page, url) {
  return page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'same-origin' });
    return { status: r.status, contentType: r.headers.get('content-type') || '', text: await r.text() };
  }, url);
}

/** The session cookie of the browser for this server, or undefined. */
export async function sessionCookie(context, baseUrl) {
  // All cookies, filtered by host here: playwright-core before 1.62 leaves
  // Secure cookies out of context.cookies(url) for an http:// URL, even on
  // loopback where the browser does keep them.
  const host = new URL(baseUrl).hostname;
  const cookies = await context.cookies();
  return cookies.find((c) => c.name === '__Host-doorbraak' && c.domain === host);
}
