// SPDX-License-Identifier: EUPL-1.2
//
// beheer.test.mjs -- the screens of the programme office and the
// administrator in Debian's chromium, against a real `doorbraak serve
// --demo` on a fresh SQLite database:
//
//   programmabureau  /indieningsrondes: the form refuses a closing moment
//                    before the opening one and an empty name (fields +
//                    summary); a valid round (stappen/beheer.mjs maakRonde)
//                    and one across summer time, listed in Dutch time as
//                    the API holds them in UTC;
//                    /catalogusbeheer: modelplan-voorbeeld-v2.json published
//                    as version 2; invalid catalogues of catalogus/ongeldig/
//                    refused with every problem as file#pointer, sent byte for
//                    byte (a 1.0 stays a 1.0); unreadable JSON;
//   beheerder        /organisaties: a bad AGB code and IBAN at their fields,
//                    then the organisation added; /gebruikers: an account for
//                    it with the one-time TOTP secret, its role only proposed;
//                    /apitokens: a token for a role where money moves only
//                    requested, approved by the second administrator
//                    (beheerder-2), shown once to it, usable, then revoked
//                    after a confirmation; /gebruikers/{id}: the proposed role
//                    confirmed by beheerder-2 (never by the one who proposed);
//                    blocked after a confirmation and unblocked, roles
//                    changed; its own account refused;
//   auditor          the lists, paged, without any form or button to change.
//
// axe (WCAG 2.2 A + AA) on every screen and state; no CSP violation or
// script error anywhere.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { world } from '../lib/indiening.mjs';
import { startServer } from '../lib/server.mjs';
import { alsRol, expectAccessible, plain, startBrowser, waitForScreen } from './browser.mjs';
import { maakRonde, nlTijd, rondeFormulier, vulMoment } from './stappen/beheer.mjs';

setSuite('browser/beheer [sqlite]');

let srv;
let w;
let browser;
let page;
const staat = {};

before(async () => {
  srv = await startServer({ backend: 'sqlite', args: ['--demo'] });
  w = await world(srv);
  browser = await startBrowser();
  page = await browser.page();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

async function ga(pad, kop) {
  await page.goto(srv.url + pad);
  await waitForScreen(page, kop);
}

async function json(caller, p) {
  const r = await caller.get(p);
  assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text}`);
  return r.json();
}

/** The rows of a table (by caption) as arrays of cell texts (plain spaces). */
async function rijen(caption) {
  const t = page.getByRole('table', { name: caption });
  await t.waitFor();
  return t.evaluate((el) => [...el.querySelectorAll('tbody tr')]
    .map((tr) => [...tr.children].map((c) => c.textContent.replace(/\u00a0/g, ' ').trim())));
}

/** The error summary of a form: its heading and items (plain text). */
async function samenvatting(form) {
  const s = form.locator('.foutsamenvatting');
  await s.waitFor();
  return {
    kop: (await s.locator('h2').innerText()).trim(),
    items: (await s.locator('li').allInnerTexts()).map((x) => plain(x).trim()),
    focus: await s.evaluate((el) => el === document.activeElement),
  };
}

/** Dutch time as datumTijd() in web/static/js/opmaak.js writes it, computed here independently. */
function nl(iso) {
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'long', day: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const g = (t) => parts.find((p) => p.type === t).value;
  return `${g('day')} ${g('month')} ${g('year')} om ${g('hour')}:${g('minute')}`;
}

// --- programmabureau: rounds ------------------------------------------------------

test('programmabureau: the start page links to the new screens', async () => {
  await alsRol(page, srv.url, 'programmabureau');
  await page.getByRole('link', { name: 'Een nieuwe catalogusversie of modelplanversie publiceren' }).waitFor();
  await page.getByRole('link', { name: 'Indieningsrondes instellen en volgen' }).waitFor();
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  assert.equal(await menu.getByRole('link', { name: 'Catalogusbeheer' }).count(), 1);
  assert.equal(await menu.getByRole('link', { name: 'Organisaties' }).count(), 0, 'not for the programme office');
});

test('programmabureau: a round closing before it opens and without a name is refused, at the fields and in the summary', async () => {
  const voor = (await json(w.programmabureau, '/indieningsrondes')).indieningsrondes.length;
  await ga('/indieningsrondes', 'Indieningsrondes');
  await expectAccessible(page, 'indieningsrondes (leeg formulier)');
  const form = rondeFormulier(page);
  const morgen = Date.now() + 86400000;
  await vulMoment(form, 'Opent op (Nederlandse tijd)', nlTijd(morgen));
  await vulMoment(form, 'Sluit op (Nederlandse tijd)', nlTijd(morgen - 3600000));
  await form.getByRole('button', { name: 'Indieningsronde instellen' }).click();
  const s = await samenvatting(form);
  assert.equal(s.kop, 'De ronde is niet ingesteld');
  assert.ok(s.focus, 'the summary has the focus');
  assert.deepEqual(s.items.sort(), [
    'Naam van de ronde: De naam heeft 1 tot 200 tekens.',
    'Sluit op (Nederlandse tijd): Het sluitmoment ligt na het openingsmoment.',
  ]);
  const naam = form.getByLabel('Naam van de ronde');
  assert.equal(await naam.getAttribute('aria-invalid'), 'true');
  const sluit = form.getByRole('group', { name: 'Sluit op (Nederlandse tijd)' });
  assert.match(plain(await sluit.innerText()), /Het sluitmoment ligt na het openingsmoment\./);
  assert.equal(await sluit.getByLabel('Datum').getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'indieningsronde met fouten');
  // A link in the summary takes the focus to its field.
  await form.locator('.foutsamenvatting').getByRole('link', { name: /^Naam van de ronde:/ }).click();
  assert.equal(await naam.evaluate((el) => el === document.activeElement), true);
  // A time left empty: the form asks for both, in words about what the user typed.
  await naam.fill('Ronde zonder tijd');
  await sluit.getByLabel('Tijd (uu:mm:ss)').fill('');
  await form.getByRole('button', { name: 'Indieningsronde instellen' }).click();
  await form.locator('.foutsamenvatting li', { hasText: 'Vul zowel de datum als de tijd in.' }).waitFor();
  assert.equal((await json(w.programmabureau, '/indieningsrondes')).indieningsrondes.length, voor, 'nothing was stored');
});

test('programmabureau: a valid round is listed with its Dutch times, as the API holds them', async () => {
  const uiterlijk = new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10);
  const id = await maakRonde(page, srv.url, { naam: 'Voorjaar 2027 (browser)', sluitOverSeconden: 3600, uiterlijk });
  staat.ronde = id;
  const r = await json(w.programmabureau, `/indieningsrondes/${id}`);
  assert.equal(r.naam, 'Voorjaar 2027 (browser)');
  assert.equal(r.catalogusversie, 1);
  assert.equal(r.impactlat_id, 'B');
  assert.equal(r.uitloopjaar_toegestaan, true);
  assert.equal(r.fase, 'open');
  assert.equal(r.beoordeeld_uiterlijk_op, uiterlijk, 'the date the verdicts are due (docs/indiening.md §5a)');
  const open = Date.parse(r.opent_op);
  const sluit = Date.parse(r.sluit_op);
  assert.ok(Math.abs(open - (Date.now() - 60000)) < 120000, `opens about a minute ago: ${r.opent_op}`);
  assert.ok(sluit - open >= 3600000 && sluit - open < 3600000 + 120000, `closes an hour later: ${r.sluit_op}`);
  assert.equal(open % 1000, 0, 'whole seconds, as typed');
  const rij = (await rijen(/^Indieningsrondes/)).find((x) => x[0] === r.naam);
  const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const [j, m, d] = uiterlijk.split('-').map(Number);
  assert.deepEqual(rij, [r.naam, String(id), nl(r.opent_op), nl(r.sluit_op), 'Open', '1', 'B', 'Toegestaan', `${d} ${maanden[m - 1]} ${j}`]);
});

test('programmabureau: Dutch winter and summer time become the right UTC moments', async () => {
  const form = rondeFormulier(page);
  await form.getByLabel('Naam van de ronde').fill('Ronde over de zomertijd heen');
  await form.getByLabel('Impactlat').selectOption('');
  await vulMoment(form, 'Opent op (Nederlandse tijd)', { datum: '2030-03-01', tijd: '12:00:00' });
  await vulMoment(form, 'Sluit op (Nederlandse tijd)', { datum: '2030-07-01', tijd: '17:30:15' });
  await form.getByRole('button', { name: 'Indieningsronde instellen' }).click();
  const ok = page.getByRole('status').filter({ hasText: 'Ronde over de zomertijd heen' });
  await ok.waitFor();
  assert.match(plain(await ok.innerText()), /opent op 1 maart 2030 om 12:00 en sluit op 1 juli 2030 om 17:30\./);
  const id = Number(/Indieningsronde (\d+)/.exec(await ok.innerText())[1]);
  const r = await json(w.programmabureau, `/indieningsrondes/${id}`);
  assert.equal(r.opent_op, '2030-03-01T11:00:00.000000Z', 'CET is UTC+1');
  assert.equal(r.sluit_op, '2030-07-01T15:30:15.000000Z', 'CEST is UTC+2');
  assert.equal(r.impactlat_id, null, 'the catalogue\'s bar');
  assert.equal(r.uitloopjaar_toegestaan, false);
  const rij = (await rijen(/^Indieningsrondes/)).find((x) => x[0] === r.naam);
  assert.deepEqual(rij.slice(2, 8), ['1 maart 2030 om 12:00', '1 juli 2030 om 17:30', 'Nog niet open', '1', 'die van de catalogus', 'Niet toegestaan']);
  await expectAccessible(page, 'indieningsrondes na tweede ronde');
});

test('the round list is public, without the form', async () => {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await waitForScreen(page, 'U bent uitgelogd');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Indieningsrondes' }).click();
  await waitForScreen(page, 'Indieningsrondes');
  await page.getByRole('table', { name: /^Indieningsrondes/ }).getByRole('rowheader', { name: 'Voorjaar 2027 (browser)' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Indieningsronde instellen' }).count(), 0);
  await expectAccessible(page, 'indieningsrondes (anoniem)');
});

// --- programmabureau: catalogue ---------------------------------------------------

test('programmabureau: publishes modelplan version 2 from the example file', async () => {
  await alsRol(page, srv.url, 'programmabureau');
  await ga('/catalogusbeheer', 'Catalogusbeheer');
  await expectAccessible(page, 'catalogusbeheer');
  assert.deepEqual((await rijen(/^Gepubliceerde catalogusversies/)).map((x) => x[0]), ['1']);
  const voor = (await rijen(/^Modelplannen in catalogusversie 1/)).find((x) => x[1] === 'mp-spraakgestuurd-rapporteren');
  assert.equal(voor[2], '1');
  await page.getByLabel('Bestand (JSON)').setInputFiles('catalogus/modelplan-voorbeeld-v2.json');
  await page.getByRole('status').filter({ hasText: /Gelezen: modelplan-voorbeeld-v2\.json \(\d+ kB\), een modelplandocument \(mp-spraakgestuurd-rapporteren, versie 2\)\./ }).waitFor();
  assert.equal(await page.getByLabel('Wat publiceert u?').inputValue(), 'modelplan');
  assert.equal(await page.getByLabel('Modelplan', { exact: true }).inputValue(), 'mp-spraakgestuurd-rapporteren');
  await expectAccessible(page, 'catalogusbeheer met gekozen bestand');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  const ok = page.getByRole('status').filter({ hasText: 'mp-spraakgestuurd-rapporteren versie 2 is gepubliceerd, gekoppeld aan catalogusversie 1.' });
  await ok.waitFor();
  await page.getByRole('table', { name: /^Modelplannen in catalogusversie 1/ }).getByRole('row', { name: /Spraakgestuurd rapporteren.* 2 / }).waitFor();
  const na = (await rijen(/^Modelplannen in catalogusversie 1/)).find((x) => x[1] === 'mp-spraakgestuurd-rapporteren');
  assert.equal(na[2], '2');
  await expectAccessible(page, 'catalogusbeheer na publiceren');
  const mp = await json(w.programmabureau, '/modelplannen/mp-spraakgestuurd-rapporteren');
  assert.equal(mp.modelplan.versie, 2);
  assert.deepEqual(mp.versies.map((v) => v.versie).sort(), [1, 2]);
  // The link in the message shows the new version.
  await ok.getByRole('link', { name: 'Bekijk versie 2' }).click();
  await waitForScreen(page, 'Modelplan Spraakgestuurd rapporteren');
  assert.match(page.url(), /\/modelplannen\/mp-spraakgestuurd-rapporteren\?versie=2$/);
});

test('programmabureau: an invalid catalogue is refused with every problem as file#pointer, its source and code', async () => {
  await ga('/catalogusbeheer', 'Catalogusbeheer');
  await page.getByLabel('Bestand (JSON)').setInputFiles('catalogus/ongeldig/themabudgetten-ongelijk-aan-pot.json');
  await page.getByRole('status').filter({ hasText: 'een catalogusdocument (versie 1)' }).waitFor();
  assert.equal(await page.getByLabel('Wat publiceert u?').inputValue(), 'catalogus');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  const s = await samenvatting(page.locator('form').filter({ has: page.getByRole('button', { name: 'Publiceren' }) }));
  assert.equal(s.kop, 'Het bestand is niet gepubliceerd');
  assert.ok(s.focus, 'the summary has the focus');
  // The defect of the file, and two conflicts with what is published: version 1
  // exists, and (after the test above) it holds an older version of a modelplan.
  assert.equal(s.items.length, 3, s.items.join('\n'));
  assert.match(s.items[0], /^themabudgetten-ongelijk-aan-pot\.json#\/themas: De richtbedragen van de thema's van pot 'zvw' tellen op tot EUR 625\.000\.000,00.* \[002 §4\.1\] \(thema_som_ongelijk_pot\)$/);
  assert.match(s.items[1], /^themabudgetten-ongelijk-aan-pot\.json#\/versie: Catalogusversie 1 bestaat al.*\(catalogusversie_volgorde\)$/);
  assert.match(s.items[2], /^themabudgetten-ongelijk-aan-pot\.json#\/modelplannen\/0\/versie: Van mp-spraakgestuurd-rapporteren is versie 2 de nieuwste.*\(modelplan_versie_volgorde\)$/);
  assert.match(plain(await page.locator('main').innerText()), /themabudgetten-ongelijk-aan-pot\.json: 3 problemen gevonden; niets is opgeslagen\./);
  const veld = page.getByLabel('Bestand (JSON)');
  assert.equal(await veld.getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'catalogusbeheer met geweigerd bestand');

  // Sent byte for byte: the decimal point of 10000000000.0 reaches the server.
  await veld.setInputFiles('catalogus/ongeldig/bedrag-als-kommagetal.json');
  await page.getByRole('status').filter({ hasText: 'Gelezen: bedrag-als-kommagetal.json' }).waitFor();
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await page.locator('.foutsamenvatting li', { hasText: 'bedrag-als-kommagetal.json#/potten/1/tranches/0/bedrag_cent:' }).waitFor();
  assert.match(plain(await page.locator('.foutsamenvatting').innerText()), /\(json_kommagetal\)/);

  // Not JSON at all: the server's message with line and column.
  await veld.setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"soort": ') });
  await page.getByRole('status').filter({ hasText: 'Gelezen: kapot.json' }).waitFor();
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await page.locator('.foutsamenvatting', { hasText: /Ongeldige JSON op regel 1, kolom \d+/ }).waitFor();
  await expectAccessible(page, 'catalogusbeheer met onleesbaar bestand');
  const versies = await json(w.programmabureau, '/catalogusversies');
  assert.equal(versies.catalogusversies.length, 1, 'nothing was published');
});

test('programmabureau: the common changes by form, in euros: a theme budget becomes version 2; the board\'s part is shown, not changed', async () => {
  await ga('/catalogusbeheer', 'Catalogusbeheer');
  const dl = page.getByRole('link', { name: 'Download versie 1 (JSON) om er een bestand van te maken' });
  assert.equal(await dl.getAttribute('href'), '/api/v1/catalogusversies/1');
  const form = page.locator('form[aria-labelledby="kop-wijzigen"]');
  assert.equal(await form.getByLabel('AI: richtbedrag in euro').inputValue(), '275.000.000');
  // the macrobedrag and the impact bar are the board's [001 "Vervolgproces"]: no field for them
  assert.equal(await form.getByLabel('Gekozen impactlat').count(), 0);
  assert.equal(await form.getByLabel(/macrobedrag/).count(), 0);
  assert.match(plain(await form.innerText()), /Gekozen impactlat: nog niet gekozen\. Het macrobedrag per thema en de impactlat stelt het bestuur vast in een kaderbesluit/);
  assert.equal(await form.getByRole('link', { name: 'kaderbesluit' }).getAttribute('href'), '/kaderbesluiten');
  // a refused amount: at its field, nothing published
  await form.getByLabel('AI: richtbedrag in euro').fill('275 miljoen');
  await form.getByRole('button', { name: 'Vastleggen als versie 2' }).click();
  const s = await samenvatting(form);
  assert.ok(s.items.some((x) => /^AI: richtbedrag in euro: Schrijf een bedrag in euro/.test(x)), s.items.join('\n'));
  await expectAccessible(page, 'catalogusbeheer: formulier met fouten');
  // the themes must still add up to the pot [002 §4.1]: moving EUR 25 mln from AI is refused by the server
  await form.getByLabel('AI: richtbedrag in euro').fill('250.000.000');
  await form.getByRole('button', { name: 'Vastleggen als versie 2' }).click();
  const s2 = await samenvatting(form);
  assert.equal(s2.kop, 'De wijziging is niet gepubliceerd');
  assert.ok(s2.items.some((x) => /thema_som_ongelijk_pot|tellen op tot EUR 575\.000\.000,00/.test(x)), s2.items.join('\n'));
  assert.equal((await json(w.programmabureau, '/catalogusversies')).catalogusversies.length, 1, 'nothing was published');
  // AI 270 and medical technology 55 million: published as version 2, the rest unchanged
  await form.getByLabel('AI: richtbedrag in euro').fill('270.000.000');
  await form.getByLabel('Medische technologie: richtbedrag in euro').fill('55.000.000');
  await form.getByRole('button', { name: 'Vastleggen als versie 2' }).click();
  await page.getByRole('status').filter({ hasText: 'Catalogusversie 2 is gepubliceerd.' }).waitFor();
  const v2 = await json(w.programmabureau, '/catalogusversies/2');
  assert.equal(v2.gekozen_impactlat_id, null, 'the bar stays the board\'s');
  assert.equal(v2.vorige_versie, 1);
  assert.equal(v2.themas.find((t) => t.id === 'ai').richtbedrag_cent, 27000000000);
  assert.equal(v2.themas.find((t) => t.id === 'medische-technologie').richtbedrag_cent, 5500000000);
  assert.equal(v2.modelplannen.find((m) => m.id === 'mp-spraakgestuurd-rapporteren').versie, 2, 'the newest modelplan version');
  await expectAccessible(page, 'catalogusbeheer: versie 2 gepubliceerd');
});

// --- bestuur: the framework decision ------------------------------------------------

test('bestuur: the framework decision in euros: a refused amount and a sum above the pot at the fields, then decision 1 in force', async () => {
  await alsRol(page, srv.url, 'bestuur');
  await ga('/kaderbesluiten', 'Kaderbesluiten');
  assert.match(plain(await page.locator('main').innerText()), /Het bestuur heeft nog geen kaderbesluit genomen/);
  await expectAccessible(page, 'kaderbesluiten, leeg, met het formulier');
  const form = page.locator('form[aria-labelledby^="kop-nieuw-kaderbesluit"]');
  // prefilled with the newest version's target budgets
  assert.equal(await form.getByLabel('AI: macrobedrag in euro').inputValue(), '270.000.000');
  await form.getByLabel('AI: macrobedrag in euro').fill('290 miljoen');
  await form.getByRole('button', { name: 'Kaderbesluit nemen' }).click();
  let s = await samenvatting(form);
  assert.equal(s.kop, 'Controleer het besluit');
  assert.ok(s.items.some((x) => /^AI: macrobedrag in euro: Schrijf een bedrag in euro/.test(x)), s.items.join('\n'));
  assert.ok(s.items.some((x) => /^Impactlat: Kies een impactlat/.test(x)), s.items.join('\n'));
  assert.ok(s.items.some((x) => /^Motivering: Motiveer het besluit/.test(x)), s.items.join('\n'));
  await expectAccessible(page, 'kaderbesluit met fouten');
  // above the pot: the server's rule with its source
  await form.getByLabel('AI: macrobedrag in euro').fill('300.000.000');
  assert.match(plain(await form.innerText()), /Samen € 630\.000\.000 van de € 600\.000\.000 van de Zvw-pot\./);
  await form.getByLabel('Impactlat').selectOption('B');
  await form.getByLabel('Motivering').fill('De modelplannen zijn af; AI vraagt meer.');
  await form.getByRole('button', { name: 'Kaderbesluit nemen' }).click();
  await form.locator('.foutsamenvatting', { hasText: 'Het kaderbesluit is niet genomen' }).waitFor();
  s = await samenvatting(form);
  assert.equal(s.kop, 'Het kaderbesluit is niet genomen');
  assert.ok(s.items.some((x) => /tellen op tot EUR 630\.000\.000,00, meer dan de EUR 600\.000\.000,00 van de pot\. \[001 "Vervolgproces"\], \[001 §3\]/.test(x)), s.items.join('\n'));
  assert.equal((await json(w.programmabureau, '/catalogusversies')).catalogusversies.length, 2, 'nothing was published');
  await form.getByLabel('AI: macrobedrag in euro').fill('265.000.000,50');
  await form.getByRole('button', { name: 'Kaderbesluit nemen' }).click();
  await page.getByRole('status').filter({ hasText: 'Kaderbesluit 1 is genomen en staat in catalogusversie 3.' }).waitFor();
  const b = await json(w.programmabureau, '/kaderbesluiten/1');
  assert.equal(b.themas.find((t) => t.thema_id === 'ai').macrobedrag_cent, 26500000050, 'converted exactly');
  assert.deepEqual(await rijen('Macrobedragen van kaderbesluit 1'),
    [['AI', '€ 265.000.000,50'], ['Digitale en hybride zorg', '€ 275.000.000'], ['Medische technologie', '€ 55.000.000']]);
  assert.match(plain(await page.locator('main').innerText()), /Kaderbesluit 1 \(van kracht\)[\s\S]*Impactlat\s*B: /);
  await expectAccessible(page, 'kaderbesluit 1 genomen');
  // the programme office sees the board's part in its form, read-only
  await alsRol(page, srv.url, 'programmabureau');
  await ga('/catalogusbeheer', 'Catalogusbeheer');
  const cform = page.locator('form[aria-labelledby="kop-wijzigen"]');
  assert.match(plain(await cform.innerText()), /Gekozen impactlat: B: /);
  assert.match(plain(await cform.innerText()), /Macrobedrag € 265\.000\.000,50, vastgesteld door het bestuur in een kaderbesluit/);
});

// --- beheerder -----------------------------------------------------------------------

test('beheerder: adds an organisation, refused first for a bad AGB code and IBAN', async () => {
  await alsRol(page, srv.url, 'beheerder');
  await page.getByRole('link', { name: 'Organisaties registreren en inzien' }).click();
  await waitForScreen(page, 'Organisaties');
  await expectAccessible(page, 'organisaties (beheerder)');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Organisatie toevoegen' }) });
  // The kind decides which identifiers are asked.
  await form.getByLabel('Soort organisatie').selectOption('gemeente');
  assert.equal(await form.getByLabel('AGB-code').isVisible(), false, 'no AGB code for a municipality');
  assert.equal(await form.getByLabel('Naam', { exact: true }).isVisible(), false, 'the name comes from the list');
  await form.getByLabel('CBS-gemeentecode').waitFor();
  await form.getByLabel('Soort organisatie').selectOption('zorgaanbieder');
  await form.getByLabel('Naam', { exact: true }).fill('Zorggroep Browsertest');
  await form.getByLabel('AGB-code').fill('1234');
  await form.getByLabel('KvK-nummer').fill('87654321');
  await form.getByLabel('IBAN (niet verplicht)').fill('NL00 ABNA 0417 1643 00');
  await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  const s = await samenvatting(form);
  assert.equal(s.kop, 'De organisatie is niet toegevoegd');
  assert.ok(s.focus);
  assert.deepEqual(s.items, [
    "AGB-code: Een AGB-code bestaat uit precies 8 cijfers (ontvangen: '1234').",
    'IBAN (niet verplicht): De controlecijfers van dit IBAN kloppen niet (mod-97); controleer op tikfouten.',
  ]);
  assert.equal(await form.getByLabel('AGB-code').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.getByLabel('IBAN (niet verplicht)').getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'organisatie met fouten');
  await form.getByLabel('AGB-code').fill('98765432');
  await form.getByLabel('IBAN (niet verplicht)').fill('NL91 ABNA 0417 1643 00');
  await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  const ok = page.getByRole('status').filter({ hasText: 'Zorggroep Browsertest is toegevoegd als zorgaanbieder' });
  await ok.waitFor();
  await expectAccessible(page, 'organisatie toegevoegd');
  const orgs = (await json(w.beheerder, '/organisaties?limiet=1000')).organisaties;
  const o = orgs.find((x) => x.agb_code === '98765432');
  assert.ok(o, 'the organisation is stored');
  assert.deepEqual([o.soort, o.naam, o.kvk_nummer, o.iban], ['zorgaanbieder', 'Zorggroep Browsertest', '87654321', 'NL91ABNA0417164300']);
  staat.org = o;
  const rij = (await rijen('Organisaties')).find((x) => x[0] === 'Zorggroep Browsertest');
  assert.deepEqual(rij.slice(1, 5), ['Zorgaanbieder', 'AGB 98765432 · KvK 87654321', '', 'NL91ABNA0417164300']);
  await ok.getByRole('link', { name: 'maak een account aan voor deze organisatie' }).click();
  await waitForScreen(page, 'Accounts');
});

test('beheerder: creates an account for the new organisation and sees its TOTP secret once', async () => {
  assert.match(page.url(), new RegExp(`/gebruikers\\?organisatie=${staat.org.id}$`));
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Account aanmaken' }) });
  assert.equal(await form.getByLabel('Organisatie').inputValue(), String(staat.org.id), 'the organisation is chosen');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Account aanmaken', 'the focus is on the form');
  const rollen = form.getByRole('group', { name: 'Rollen' });
  assert.deepEqual(await rollen.getByRole('checkbox').evaluateAll((els) => els.map((e) => e.value)), ['aanvrager'],
    'only the role that fits a care provider');
  assert.equal(await rollen.getByRole('checkbox', { name: 'Aanvrager (samenwerkingscoalitie)' }).isChecked(), true);
  await expectAccessible(page, 'accounts (beheerder)');
  await form.getByLabel('Gebruikersnaam').fill('j.de.vries');
  await form.getByLabel('E-mailadres').fill('geen-adres');
  await form.getByLabel('Eerste wachtwoord').fill('kort');
  await form.getByRole('button', { name: 'Account aanmaken' }).click();
  const s = await samenvatting(form);
  assert.equal(s.kop, 'Het account is niet aangemaakt');
  assert.ok(s.items.some((x) => x.startsWith('E-mailadres: Geef een e-mailadres')), s.items.join('\n'));
  assert.ok(s.items.some((x) => x.startsWith('Naam van de persoon: Geef de naam van de persoon')), s.items.join('\n'));
  assert.ok(s.items.some((x) => x.startsWith('Eerste wachtwoord: Een wachtwoord heeft minstens 8 tekens')), s.items.join('\n'));
  assert.equal(await form.getByLabel('Eerste wachtwoord').inputValue(), '', 'a refused password is not kept');
  await expectAccessible(page, 'account met fouten');
  await form.getByLabel('E-mailadres').fill('j.de.vries@zorggroep.example');
  await form.getByLabel('Naam van de persoon').fill('Jan de Vries');
  await form.getByLabel('Functie (niet verplicht)').fill('projectleider');
  await form.getByLabel('Eerste wachtwoord').fill('lange zin als wachtwoord');
  await form.getByRole('button', { name: 'Account aanmaken' }).click();
  const melding = page.locator('.eenmalig', { hasText: 'Account j.de.vries is aangemaakt' });
  await melding.waitFor();
  assert.equal(await melding.evaluate((el) => el === document.activeElement), true, 'the secret gets the focus');
  const tekst = plain(await melding.innerText());
  assert.match(tekst, /maar één keer getoond/);
  const geheim = (await melding.locator('code').first().innerText()).trim();
  assert.match(geheim, /^[A-Z2-7]{32}$/, 'a base32 secret of 20 bytes');
  const uri = (await melding.locator('code').nth(1).innerText()).trim();
  assert.equal(uri.startsWith(`otpauth://totp/doorbraak:j.de.vries?secret=${geheim}`), true, uri);
  await expectAccessible(page, 'account aangemaakt');
  assert.match(tekst, /Voorgesteld: Aanvrager \(samenwerkingscoalitie\)\. Een rol waarin geld beweegt telt pas als een andere beheerder/);
  const g = (await json(w.beheerder, '/gebruikers?limiet=1000')).gebruikers.find((x) => x.gebruikersnaam === 'j.de.vries');
  assert.ok(g);
  assert.deepEqual([g.organisatie_id, g.rollen, g.rollen_voorgesteld, g.tweede_factor, g.actief, g.naam, g.functie],
    [staat.org.id, [], ['aanvrager'], true, true, 'Jan de Vries', 'projectleider'], 'a role where money moves is only proposed');
  const rij = (await rijen('Accounts')).find((x) => x[0] === 'j.de.vries');
  assert.deepEqual(rij.slice(1), ['Jan de Vries, projectleider', 'j.de.vries@zorggroep.example', 'Zorggroep Browsertest', 'voorgesteld: Aanvrager (samenwerkingscoalitie)', 'Ingesteld', 'Actief']);
});

test('beheerder: the organisation page lists its account', async () => {
  await ga(`/organisaties/${staat.org.id}`, 'Zorggroep Browsertest');
  const main = plain(await page.locator('main').innerText());
  assert.match(main, /AGB-code\s+98765432/);
  assert.match(main, /IBAN\s+NL91ABNA0417164300/);
  assert.deepEqual((await rijen('Accounts van Zorggroep Browsertest')).map((x) => x[0]), ['j.de.vries']);
  await expectAccessible(page, 'organisatie');
  await page.getByRole('link', { name: 'Een API-token uitgeven aan Zorggroep Browsertest' }).click();
  await waitForScreen(page, 'API-tokens');
});

test('beheerder: requests an API token where money moves; beheerder-2 approves it, sees it once; revoked after confirming', async () => {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'API-token uitgeven' }) });
  assert.equal(await form.getByLabel('Organisatie').inputValue(), String(staat.org.id));
  assert.deepEqual(await form.getByLabel('Rol').locator('option').evaluateAll((els) => els.map((e) => e.value)), ['aanvrager']);
  await expectAccessible(page, 'API-tokens (beheerder)');
  // Without a name: refused at the field.
  await form.getByRole('button', { name: 'API-token uitgeven' }).click();
  const s = await samenvatting(form);
  assert.deepEqual(s.items, ['Naam van het token: Geef een naam (1 tot 100 tekens) die zegt waarvoor het token is.']);
  await expectAccessible(page, 'API-token met fout');
  await form.getByLabel('Naam van het token').fill('Backoffice browsertest');
  await form.getByRole('button', { name: 'API-token uitgeven' }).click();
  const aangevraagd = page.getByRole('status').filter({ hasText: 'API-token “Backoffice browsertest” is aangevraagd.' });
  await aangevraagd.waitFor();
  assert.match(plain(await aangevraagd.innerText()), /een andere beheerder keurt het goed en ziet het token dan één keer \(vier ogen\)/);
  assert.equal(await page.locator('.eenmalig').count(), 0, 'the one who asks never sees a token');
  const rij = () => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Backoffice browsertest' }) });
  assert.match(plain(await rij().innerText()), /nog geen token.*Wacht op goedkeuring.*Door u aangevraagd; een andere beheerder keurt goed\./s);
  assert.equal(await page.getByRole('button', { name: 'Token Backoffice browsertest van Zorggroep Browsertest goedkeuren' }).count(), 0,
    'no approve button for the one who asked');
  await expectAccessible(page, 'API-token aangevraagd');

  // The second administrator approves it and sees the token, once.
  await alsRol(page, srv.url, 'beheerder-2');
  await ga('/apitokens', 'API-tokens');
  await page.getByRole('button', { name: 'Token Backoffice browsertest van Zorggroep Browsertest goedkeuren' }).click();
  const akkoord = page.getByRole('dialog', { name: 'API-token “Backoffice browsertest” goedkeuren?' });
  await akkoord.waitFor();
  await expectAccessible(page, 'goedkeuren bevestigen');
  await akkoord.getByRole('button', { name: 'Ja, goedkeuren' }).click();
  const melding = page.locator('.eenmalig', { hasText: 'API-token “Backoffice browsertest” is goedgekeurd en uitgegeven' });
  await melding.waitFor();
  assert.match(plain(await melding.innerText()), /Kopieer het token nu: het wordt maar één keer getoond\./);
  const token = await melding.getByLabel('Het token').inputValue();
  assert.match(token, /^dbk_[0-9a-f]{64}$/);
  await expectAccessible(page, 'API-token goedgekeurd');
  const metToken = () => w.api.request('GET', '/api/v1/sessies/huidig', { headers: { authorization: `Bearer ${token}` } });
  assert.equal((await metToken()).status, 200, 'the token works');
  const lijst = (await json(w.beheerder, '/apitokens?limiet=1000')).apitokens;
  const t = lijst.find((x) => x.naam === 'Backoffice browsertest');
  assert.equal(token.startsWith(t.prefix), true, 'the list shows the start of the token');
  assert.match(plain(await rij().innerText()), /Zorggroep Browsertest\s+Aanvrager \(samenwerkingscoalitie\)\s+dbk_/);
  // Revoke: first cancel in the dialog, then confirm.
  const knop = page.getByRole('button', { name: 'Token Backoffice browsertest van Zorggroep Browsertest intrekken' });
  await knop.click();
  const dialoog = page.getByRole('dialog', { name: 'API-token “Backoffice browsertest” intrekken?' });
  await dialoog.waitFor();
  await expectAccessible(page, 'intrekken bevestigen');
  await dialoog.getByRole('button', { name: 'Annuleren' }).click();
  await dialoog.waitFor({ state: 'detached' });
  assert.equal((await metToken()).status, 200, 'cancelled: the token still works');
  await knop.click();
  await dialoog.getByRole('button', { name: 'Ja, intrekken' }).click();
  await page.getByRole('status').filter({ hasText: 'API-token “Backoffice browsertest” van Zorggroep Browsertest is ingetrokken.' }).waitFor();
  assert.match(plain(await rij().innerText()), /Ingetrokken op \d+ \w+ \d{4} om \d\d:\d\d/);
  assert.equal(await knop.count(), 0, 'no button for a revoked token');
  assert.equal((await metToken()).status, 401, 'the revoked token no longer works');
  await expectAccessible(page, 'API-token ingetrokken');
});

test('beheerder-2: confirms the role beheerder proposed; beheerder itself could not', async () => {
  const id = (await json(w.beheerder, '/gebruikers?limiet=1000')).gebruikers.find((x) => x.gebruikersnaam === 'j.de.vries').id;
  await alsRol(page, srv.url, 'beheerder');
  await ga(`/gebruikers/${id}`, 'Account j.de.vries');
  let main = plain(await page.locator('main').innerText());
  assert.match(main, /Voorgestelde rollen\s+Aanvrager \(samenwerkingscoalitie\) Wacht op een tweede beheerder/);
  assert.match(main, /Deze rollen stelde u zelf voor; ze worden bevestigd door een andere beheerder\./);
  assert.equal(await page.getByRole('button', { name: /^Rollen bevestigen/ }).count(), 0, 'no button for the one who proposed');
  await expectAccessible(page, 'voorgestelde rollen (wie voorstelde)');
  await alsRol(page, srv.url, 'beheerder-2');
  await ga(`/gebruikers/${id}`, 'Account j.de.vries');
  main = plain(await page.locator('main').innerText());
  assert.match(main, /Een andere beheerder stelde voor: Aanvrager \(samenwerkingscoalitie\)\./);
  await page.getByRole('button', { name: 'Rollen bevestigen: Aanvrager (samenwerkingscoalitie)' }).click();
  const dialoog = page.getByRole('dialog', { name: 'Rollen van j.de.vries bevestigen?' });
  await dialoog.waitFor();
  await expectAccessible(page, 'rollen bevestigen');
  await dialoog.getByRole('button', { name: 'Ja, bevestigen' }).click();
  await page.getByRole('status').filter({ hasText: 'De rollen Aanvrager (samenwerkingscoalitie) van j.de.vries zijn bevestigd.' }).waitFor();
  assert.match(plain(await page.locator('main').innerText()), /Er wachten geen voorgestelde rollen\./);
  const g = await json(w.beheerder, `/gebruikers/${id}`);
  assert.deepEqual([g.rollen, g.rollen_voorgesteld], [['aanvrager'], []]);
  await expectAccessible(page, 'rollen bevestigd');
  // Back as the first administrator for the rest of the suite.
  await alsRol(page, srv.url, 'beheerder');
});

test('beheerder: blocks an account after confirming and unblocks it; changes roles; cannot block itself', async () => {
  await ga('/gebruikers', 'Accounts');
  await page.getByRole('link', { name: 'j.de.vries', exact: true }).click();
  await waitForScreen(page, 'Account j.de.vries');
  await expectAccessible(page, 'account (beheerder)');
  const id = (await json(w.beheerder, '/gebruikers?limiet=1000')).gebruikers.find((x) => x.gebruikersnaam === 'j.de.vries').id;
  await page.getByRole('button', { name: 'Account blokkeren' }).click();
  const dialoog = page.getByRole('dialog', { name: 'Account j.de.vries blokkeren?' });
  await dialoog.waitFor();
  await dialoog.getByRole('button', { name: 'Ja, blokkeren' }).click();
  await page.getByRole('status').filter({ hasText: 'Account j.de.vries is geblokkeerd; alle sessies zijn beëindigd.' }).waitFor();
  assert.match(plain(await page.locator('main dl').innerText()), /Status\s+Geblokkeerd/);
  assert.equal((await json(w.beheerder, `/gebruikers/${id}`)).actief, false);
  await expectAccessible(page, 'account geblokkeerd');
  await page.getByRole('button', { name: 'Account deblokkeren' }).click();
  await page.getByRole('status').filter({ hasText: 'Account j.de.vries is gedeblokkeerd.' }).waitFor();
  assert.equal((await json(w.beheerder, `/gebruikers/${id}`)).actief, true);

  // Roles: only those that fit the organisation; none at all is refused at the field.
  const zi = (await json(w.beheerder, '/gebruikers?limiet=1000')).gebruikers.find((x) => x.gebruikersnaam === 'zorginstituut');
  await ga(`/gebruikers/${zi.id}`, 'Account zorginstituut');
  const rollen = page.getByRole('group', { name: 'Rollen' });
  assert.deepEqual(await rollen.getByRole('checkbox').evaluateAll((els) => els.map((e) => [e.value, e.checked])),
    [['zorginstituut', true], ['auditor', false]]);
  await rollen.getByRole('checkbox', { name: 'Zorginstituut Nederland' }).uncheck();
  await page.getByRole('button', { name: 'Rollen opslaan' }).click();
  const s = await samenvatting(page.locator('main form'));
  assert.deepEqual(s.items, ['Rollen: Geef minstens één rol.']);
  await expectAccessible(page, 'rollen met fout');
  await rollen.getByRole('checkbox', { name: 'Zorginstituut Nederland' }).check();
  await rollen.getByRole('checkbox', { name: 'Auditor (alleen lezen)' }).check();
  await page.getByRole('button', { name: 'Rollen opslaan' }).click();
  await page.getByRole('status').filter({ hasText: 'De rollen van zorginstituut zijn opgeslagen.' }).waitFor();
  assert.deepEqual((await json(w.beheerder, `/gebruikers/${zi.id}`)).rollen.sort(), ['auditor', 'zorginstituut']);
  assert.match(plain(await page.locator('main dl').innerText()), /Rollen\s+Zorginstituut Nederland, Auditor \(alleen lezen\)/);
  await rollen.getByRole('checkbox', { name: 'Auditor (alleen lezen)' }).uncheck();
  await page.getByRole('button', { name: 'Rollen opslaan' }).click();
  await page.getByRole('status').filter({ hasText: 'De rollen van zorginstituut zijn opgeslagen.' }).waitFor();
  await page.waitForFunction(() => /Rol\s+Zorginstituut Nederland/.test(document.querySelector('main dl')?.innerText || ''));
  assert.deepEqual((await json(w.beheerder, `/gebruikers/${zi.id}`)).rollen, ['zorginstituut']);

  // One's own account: the server refuses, and says why.
  const ik = (await json(w.beheerder, '/gebruikers?limiet=1000')).gebruikers.find((x) => x.gebruikersnaam === 'beheerder');
  await ga(`/gebruikers/${ik.id}`, 'Account beheerder');
  await page.getByRole('button', { name: 'Account blokkeren' }).click();
  await page.getByRole('dialog', { name: 'Account beheerder blokkeren?' }).getByRole('button', { name: 'Ja, blokkeren' }).click();
  const fout = page.locator('main .utrecht-alert--error', { hasText: 'U kunt uw eigen account niet blokkeren.' });
  await fout.waitFor();
  assert.equal(await fout.evaluate((el) => el === document.activeElement), true, 'the refusal gets the focus');
  await page.getByRole('group', { name: 'Rollen' }).getByRole('checkbox', { name: 'Auditor (alleen lezen)' }).check();
  await page.getByRole('group', { name: 'Rollen' }).getByRole('checkbox', { name: 'Beheerder' }).uncheck();
  await page.getByRole('button', { name: 'Rollen opslaan' }).click();
  const s2 = await samenvatting(page.locator('main form'));
  assert.deepEqual(s2.items, ['U kunt uw eigen beheerdersrol niet afnemen.']);
  await expectAccessible(page, 'eigen account geweigerd');
  const nu = await json(w.beheerder, `/gebruikers/${ik.id}`);
  assert.deepEqual([nu.actief, nu.rollen], [true, ['beheerder']]);
});

// --- auditor --------------------------------------------------------------------------

test('auditor: the audit log, newest first, filtered, the actor by name; the chain checked and the result shown', async () => {
  await alsRol(page, srv.url, 'auditor');
  await ga('/auditlog', 'Auditlog');
  const eerste = await rijen('Records van het auditlog, nieuwste eerst');
  assert.ok(eerste.length > 10);
  const nrs = eerste.map((x) => Number(x[0].replace(/\./g, '')));
  assert.deepEqual(nrs, [...nrs].sort((a, b) => b - a), 'newest first');
  await expectAccessible(page, 'auditlog (auditor)');
  await page.getByRole('button', { name: 'Keten controleren' }).click();
  const uitkomst = page.getByRole('status').filter({ hasText: 'De keten is' });
  await uitkomst.waitFor();
  assert.match(plain(await uitkomst.innerText()), /De keten is intact: [\d.]+ records nagerekend op/);
  await expectAccessible(page, 'auditlog gecontroleerd');
  // a filter: the account changes of the beheerder test, by the beheerder's name
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Zoeken' }) });
  await form.getByLabel('Actie (niet verplicht)').fill('gebruiker');
  await form.getByLabel('Resultaat').selectOption('gelukt');
  await form.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL(/\/auditlog\?actie=gebruiker&resultaat=gelukt$/);
  await waitForScreen(page, 'Auditlog');
  const gevonden = await rijen('Records van het auditlog, nieuwste eerst');
  assert.ok(gevonden.length > 0 && gevonden.every((x) => x[3].startsWith('gebruiker.') && x[5] === 'gelukt'), JSON.stringify(gevonden[0]));
  assert.ok(gevonden.some((x) => /^Tim Jansen, functioneel beheerder, Programmabureau AZWA/.test(x[2])), JSON.stringify(gevonden.map((x) => x[2])));
  assert.equal(await page.locator('main form').count(), 1, 'only the search form: nothing to change');
  await expectAccessible(page, 'auditlog gefilterd');
});


test('auditor: sees organisations, accounts and tokens (paged), but no form and no button to change them', async () => {
  await alsRol(page, srv.url, 'auditor');
  for (const [pad, kop, tabel] of [['/organisaties', 'Organisaties', 'Organisaties'], ['/gebruikers', 'Accounts', 'Accounts'], ['/apitokens', 'API-tokens', 'API-tokens']]) {
    await ga(pad, kop);
    assert.ok((await rijen(tabel)).length > 0, `${pad} lists`);
    assert.equal(await page.locator('main form').count(), 0, `${pad}: no form for the auditor`);
    // only the two downloads of the list (read, docs/monitoring.md §6): nothing that changes anything
    const knoppen = await page.locator('main button').allInnerTexts();
    assert.deepEqual(knoppen, ['Download CSV', 'Download Excel'], `${pad}: no button for the auditor but the downloads`);
    assert.match(await page.locator('main').innerText(), /U kunt ze inzien, maar niet/);
    await expectAccessible(page, `${pad} (auditor)`);
  }
  assert.match(plain((await rijen('API-tokens')).find((x) => x[0] === 'Backoffice browsertest').join(' ')), /Ingetrokken/);
  // Paging follows volgende_na, in the address.
  await ga('/organisaties?limiet=5', 'Organisaties');
  const eerste = (await rijen('Organisaties')).map((x) => x[0]);
  assert.equal(eerste.length, 5);
  await page.getByRole('link', { name: 'Volgende pagina' }).click();
  await waitForScreen(page, 'Organisaties');
  assert.match(page.url(), /\/organisaties\?na=\d+&limiet=5$/);
  const tweede = (await rijen('Organisaties')).map((x) => x[0]);
  assert.equal(tweede.length, 5);
  assert.equal(tweede.some((n) => eerste.includes(n)), false, 'the next page has other organisations');
  await expectAccessible(page, 'organisaties pagina 2 (auditor)');
  await ga(`/organisaties/${staat.org.id}`, 'Zorggroep Browsertest');
  assert.equal(await page.getByRole('link', { name: /Een account aanmaken/ }).count(), 0);
  await expectAccessible(page, 'organisatie (auditor)');
  await page.getByRole('link', { name: 'j.de.vries', exact: true }).click();
  await waitForScreen(page, 'Account j.de.vries');
  assert.equal(await page.locator('main form, main button').count(), 0, 'no role form or block button for the auditor');
  await expectAccessible(page, 'account (auditor)');
  await ga('/indieningsrondes', 'Indieningsrondes');
  assert.equal(await page.locator('main form').count(), 0, 'no round form for the auditor');
  await ga('/catalogusbeheer', 'Geen toegang');
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  assert.equal(await menu.getByRole('link', { name: 'Auditlog' }).count(), 1);
  assert.equal(await menu.getByRole('link', { name: 'Accounts' }).count(), 1);
  assert.equal(await menu.getByRole('link', { name: 'Catalogusbeheer' }).count(), 0);
});

test('no CSP violations or script errors on any of these screens', async () => {
  assert.deepEqual(browser.problems(), []);
});

run();
