// SPDX-License-Identifier: EUPL-1.2
//
// woordbreuk.test.mjs -- no table cell wraps inside a word, at 1280 and at
// 375 px, on every screen with tables that each role opens (issue 18:
// "Coördi/neren/d", "Mijlp/aal"). A table wider than the screen scrolls in
// its own region instead (dom.js table(), app.css). A "word" is a run of
// letters and digits without space, hyphen or slash (breaking after those
// is a line break, not a broken word); hashes, secrets and token prefixes
// may break anywhere and are left out. Real `doorbraak serve --demo` with
// every demo chain on SQLite; Debian's chromium.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { startServer } from '../lib/server.mjs';
import { alsRol, startBrowser } from './browser.mjs';

setSuite('browser/woordbreuk [sqlite]');

let srv;
let browser;
let page;

const SCHERMEN = {
  publiek: ['/', '/modelplannen', '/basiseisen', '/impactlatten', '/toepassingsgebieden', '/indieningsrondes', '/open-data',
    '/sociaal-domein'],
  aanvrager: ['/aanvragen', '/beschikkingen', '/nza-aanvragen', '/beschikkingen/3/voortgang', '/berichten'],
  beoordelaar: ['/beoordelingen', '/beschikkingen', '/signalen', '/jaarstaten', '/beschikkingen/1'],
  bestuur: ['/programmamonitor', '/grootboek', '/jaarstaten', '/vereveningen', '/verdeelscenarios', '/voortgang', '/kaderbesluiten'],
  nza: ['/nza/verzoeken', '/beschikkingen', '/grootboek'],
  beheerder: ['/organisaties', '/gebruikers', '/apitokens', '/mailwachtrij', '/auditlog'],
  vws: ['/spuk', '/werkagendas'],
};

/** The words of table cells that the browser laid out over more than one line. */
function gebrokenWoorden() {
  const fouten = [];
  const vrij = (el) => el?.closest('.hash, .geheim, .bestuur-hash, .plaats, .token');
  for (const cel of document.querySelectorAll('main th, main td')) {
    const loper = document.createTreeWalker(cel, NodeFilter.SHOW_TEXT);
    for (let n = loper.nextNode(); n; n = loper.nextNode()) {
      if (vrij(n.parentElement)) continue;
      const re = /[^\s\u00a0\-/]{2,}/g;
      for (let m = re.exec(n.textContent); m; m = re.exec(n.textContent)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const regels = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (regels.size > 1) fouten.push(m[0]);
      }
    }
  }
  return [...new Set(fouten)];
}

async function controleer(pad, breedte) {
  await page.setViewportSize({ width: breedte, height: 900 });
  await page.goto(`${srv.url}${pad}`);
  await page.locator('main h1').first().waitFor({ timeout: 20000 });
  await page.waitForFunction(() => !document.getElementById('inhoud')?.hasAttribute('aria-busy'));
  await page.waitForTimeout(150);
  return (await page.evaluate(gebrokenWoorden)).map((w) => `${pad} @${breedte}px: ${w}`);
}

before(async () => {
  srv = await startServer({ backend: 'sqlite', args: ['--demo'],
    env: { DOORBRAAK_DEMO_VERANTWOORDING: '1', DOORBRAAK_DEMO_SOCIAAL: '1' } });
  browser = await startBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

for (const [rol, paden] of Object.entries(SCHERMEN)) {
  test(`${rol}: no word in a table cell breaks over two lines at 1280 and 375 px`, async () => {
    if (rol !== 'publiek') {
      await page.setViewportSize({ width: 1280, height: 900 });
      await alsRol(page, srv.url, rol);
    }
    const fouten = [];
    for (const pad of paden) {
      for (const breedte of [1280, 375]) fouten.push(...await controleer(pad, breedte));
    }
    assert.deepEqual(fouten, [], `words broken inside:\n${fouten.join('\n')}`);
  });
}

await run();
