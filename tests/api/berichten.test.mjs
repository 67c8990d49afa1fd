// SPDX-License-Identifier: EUPL-1.2
//
// berichten.test.mjs -- messages and mail, black-box on the backend in
// DOORBRAAK_TEST_BACKEND, with a real SMTP server on loopback
// (python3-aiosmtpd, tests/lib/smtp.mjs): an event makes a message for the
// people it concerns in its own transaction and a mail that arrives; a
// message is each one's own; mail that cannot be sent never blocks the
// event and waits, visible to the administrator, until it can; a forgotten
// password is reset with a single-use link by mail (docs/berichten.md).

import { spawnSync } from 'node:child_process';

import { after, assert, before, codes, problem, run, setSuite, test } from '../lib/harness.mjs';
import { gezamenlijk, positief, toekennen } from '../lib/beschikking.mjs';
import { DEMO_WACHTWOORD, JSON_HEADERS, caller, inloggen, world } from '../lib/indiening.mjs';
import { startSmtp } from '../lib/smtp.mjs';
import { psql, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`api/berichten [${backend}]`);

let srv;
let smtp;
let w;
let aanvraag;
const MLN = 100000000;


function sql(query, dbUrl = srv.dbUrl) {
  if (backend === 'postgresql') return psql(dbUrl, query).trim();
  const r = spawnSync('sqlite3', [dbUrl, query], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

async function login(gebruikersnaam, wachtwoord = DEMO_WACHTWOORD) {
  return w.api.post('/api/v1/sessies', { headers: JSON_HEADERS, body: JSON.stringify({ gebruikersnaam, wachtwoord }) });
}
const publiek = (p, body) => w.api.post(`/api/v1${p}`, { headers: JSON_HEADERS, body: JSON.stringify(body) });

before(async () => {
  smtp = await startSmtp();
  srv = await startServer({ backend, args: ['--demo'], threads: 4, env: {
    DOORBRAAK_SMTP_URL: smtp.url, DOORBRAAK_SMTP_TLS: 'geen', DOORBRAAK_MAIL_INTERVAL_S: '1',
    DOORBRAAK_PUBLIEKE_URL: 'https://doorbraak.test' } });
  w = await world(srv);
  ({ ids: [aanvraag] } = await positief(w, 1, 'Berichtenronde'));
});

after(async () => {
  if (srv) await srv.stop();
  if (smtp) await smtp.stop();
});

test('an event makes a message for the people it concerns, with the source of the rule, and for nobody else', async () => {
  const l = (await w.aanvrager.get('/berichten')).json();
  const beoordeeld = l.berichten.filter((b) => b.soort === 'beoordeeld' && b.pad === `/aanvragen/${aanvraag}`);
  assert.equal(beoordeeld.length, 2, JSON.stringify(l));
  assert.ok(beoordeeld.every((b) => b.onderwerp === 'Uw aanvraag is beoordeeld: Berichtenronde 0'));
  assert.ok(beoordeeld.some((b) => /^Demo Zorgverzekeraar Noord \(coördinerende zorgverzekeraar\) beoordeelde versie 1 .*: positief \[002 §4\.2\]\.$/.test(b.tekst)), beoordeeld[0].tekst);
  assert.ok(beoordeeld.every((b) => !b.gelezen && b.gelezen_op === null));
  assert.ok(l.ongelezen >= 2);
  // the coordinating insurer's assessor heard of the submission
  const b = (await w.beoordelaar.get('/berichten')).json().berichten;
  assert.ok(b.some((x) => x.soort === 'aanvraag_ingediend' && x.pad === `/beoordelingen/${aanvraag}` &&
    /Demo Ziekenhuis Noorderkwartier heeft versie 1/.test(x.tekst)), JSON.stringify(b));
  assert.ok(!b.some((x) => x.soort === 'beoordeeld'), 'the lead\'s messages are not the insurer\'s');
  // nobody else: the programme office, the municipality; an API token has none
  assert.deepEqual((await w.programmabureau.get('/berichten')).json().berichten.filter((x) => x.pad.includes(String(aanvraag))), []);
  assert.deepEqual((await w.gemeente.get('/berichten')).json().berichten, []);
  assert.deepEqual((await w.zuid.get('/berichten')).json(), { berichten: [], ongelezen: 0, volgende_na: null });
});

test('a message is read by its own reader only; marking it is audited; paging newest first', async () => {
  const l = (await w.aanvrager.get('/berichten')).json();
  const eerste = l.berichten[0];
  problem(await w.beoordelaar.call('PATCH', `/berichten/${eerste.id}`, { gelezen: true }), 404);
  assert.deepEqual(codes(problem(await w.aanvrager.call('PATCH', `/berichten/${eerste.id}`, { gelezen: 'ja', extra: 1 }), 400)).sort(),
    ['type', 'unknown']);
  let r = await w.aanvrager.call('PATCH', `/berichten/${eerste.id}`, { gelezen: true });
  assert.equal(r.status, 204, r.text);
  const na = (await w.aanvrager.get('/berichten')).json();
  assert.equal(na.ongelezen, l.ongelezen - 1);
  assert.equal(na.berichten.find((x) => x.id === eerste.id).gelezen, true);
  assert.ok(!(await w.aanvrager.get('/berichten?ongelezen=true')).json().berichten.some((x) => x.id === eerste.id));
  r = await w.aanvrager.call('PATCH', `/berichten/${eerste.id}`, { gelezen: false });
  assert.equal(r.status, 204);
  assert.equal((await w.aanvrager.get('/berichten')).json().ongelezen, l.ongelezen);
  const audit = (await w.auditor.get(`/auditrecords?object=bericht/${eerste.id}`)).json().auditrecords;
  assert.deepEqual(audit.map((a) => a.actie), ['bericht.ongelezen', 'bericht.gelezen']);
  // pages: newest first, na = the last id seen
  const p1 = (await w.aanvrager.get('/berichten?limiet=1')).json();
  assert.equal(p1.berichten.length, 1);
  const p2 = (await w.aanvrager.get(`/berichten?limiet=1&na=${p1.volgende_na}`)).json();
  assert.ok(p2.berichten[0].id < p1.berichten[0].id);
});

test('every message is mailed to its reader over SMTP: subject, addressee, text and the link', async () => {
  const m = await smtp.wacht((x) => x.aan === '<aanvrager@demo.doorbraak.example>' && x.onderwerp === 'Uw aanvraag is beoordeeld: Berichtenronde 0');
  assert.match(m.headers['content-type'], /text\/plain; charset=UTF-8/);
  assert.match(m.headers.from, /Doorbraakmiddelen <noreply@doorbraakmiddelen\.invalid>/);
  assert.match(m.body, /^Beste Sanne Bakker,\n/);
  assert.match(m.body, /\[002 §4\.2\]\./);
  assert.match(m.body, new RegExp(`https://doorbraak\\.test/aanvragen/${aanvraag}\\n`));
  assert.ok(m.body.split('\n').every((regel) => regel.length <= 998), 'no line longer than SMTP allows');
  const q = (await w.beheerder.get('/mailwachtrij?status=verzonden')).json();
  assert.equal(q.smtp_ingesteld, true);
  assert.ok(q.mails.some((x) => x.aan === 'aanvrager@demo.doorbraak.example' && x.status === 'verzonden' && x.pogingen === 1));
  assert.ok(q.mails.every((x) => !('tekst' in x)), 'the queue never shows a mail\'s text');
  problem(await w.aanvrager.get('/mailwachtrij'), 403);
  assert.deepEqual(codes(problem(await w.beheerder.get('/mailwachtrij?status=weg'), 400)), ['onbekend']);
});

test('mail that cannot be sent never blocks the event: it waits with its error, and is sent when the server is back', async () => {
  const port = smtp.port;
  await smtp.stop();
  const ronde = await w.round(60, 'Ronde zonder mail');
  const id = (await w.draft(ronde.id, w.doc('Ingediend terwijl de mail plat lag'))).aanvraag.id;
  const r = await w.aanvrager.post(`/aanvragen/${id}/indiening`, {});
  assert.equal(r.status, 201, 'the submission succeeds without mail');
  assert.ok((await w.beoordelaar.get('/berichten')).json().berichten.some((x) => x.pad === `/beoordelingen/${id}`),
    'the message is there at once');
  let mail;
  for (let i = 0; i < 100 && !mail; i++) {
    const q = (await w.beheerder.get('/mailwachtrij?status=wachtend')).json().mails;
    mail = q.find((x) => x.onderwerp.endsWith('Ingediend terwijl de mail plat lag') && x.pogingen >= 1);
    if (!mail) await new Promise((res) => setTimeout(res, 100));
  }
  assert.ok(mail, 'a failed attempt is recorded');
  assert.ok(mail.laatste_fout && mail.laatste_fout.length > 0, JSON.stringify(mail));
  assert.ok(Date.parse(mail.volgende_poging_op) > Date.now() + 30000, 'the next attempt waits (a minute after the first)');
  const audit = (await w.auditor.get(`/auditrecords?object=mail/${mail.id}`)).json().auditrecords;
  assert.equal(audit[0].actie, 'mail.mislukt');
  assert.equal(audit[0].resultaat, 'mislukt');
  // the server is back; the administrator sends it now
  smtp = await startSmtp(port);
  const z = await w.beheerder.post(`/mailwachtrij/${mail.id}/verzendpogingen`, {});
  assert.equal(z.status, 204, z.text);
  await smtp.wacht((x) => x.onderwerp === 'Nieuwe aanvraag te beoordelen: Ingediend terwijl de mail plat lag');
  let status;
  for (let i = 0; i < 50 && status !== 'verzonden'; i++) {
    status = (await w.beheerder.get('/mailwachtrij')).json().mails.find((x) => x.id === mail.id).status;
    if (status !== 'verzonden') await new Promise((res) => setTimeout(res, 100));
  }
  assert.equal(status, 'verzonden');
  assert.deepEqual(codes(problem(await w.beheerder.post(`/mailwachtrij/${mail.id}/verzendpogingen`, {}), 409)), ['al_verzonden']);
  problem(await w.beheerder.post('/mailwachtrij/999999999/verzendpogingen', {}), 404);
});

test('a forgotten password: the same answer for any address, a single-use link by mail, sessions ended, the change mailed', async () => {
  const adres = 'gemeente@demo.doorbraak.example';
  const onbekend = await publiek('/wachtwoordherstelverzoeken', { email: 'niemand@demo.doorbraak.example' });
  const bekend = await publiek('/wachtwoordherstelverzoeken', { email: adres.toUpperCase() });
  assert.equal(onbekend.status, 202);
  assert.equal(bekend.status, 202);
  assert.equal(onbekend.text, bekend.text, 'nobody learns whether an account exists');
  assert.deepEqual(codes(problem(await publiek('/wachtwoordherstelverzoeken', { email: 'geen-adres' }), 400)), ['ongeldig']);
  const mail = await smtp.wacht((x) => x.aan === `<${adres}>` && x.onderwerp === 'Nieuw wachtwoord voor Doorbraakmiddelen');
  const token = /https:\/\/doorbraak\.test\/wachtwoord-herstellen#([0-9a-f]{64})/.exec(mail.body)[1];
  assert.equal(sql('SELECT count(*) FROM wachtwoordherstel WHERE token_hash = \'' + token + '\''), '0', 'only its hash is kept');
  // the mail's text (the link) is gone from the queue once sent
  assert.equal(sql('SELECT count(*) FROM mail WHERE tekst LIKE \'%' + token + '%\''), '0');
  // a weak password: the password rule's problems, the link still good
  const zwak = problem(await publiek('/wachtwoordherstelverzoeken/voltooiingen', { token, wachtwoord: 'kort' }), 400);
  assert.ok(zwak.errors.length >= 1 && zwak.errors.every((x) => x.name === '/wachtwoord'), JSON.stringify(zwak));
  assert.deepEqual(codes(problem(await publiek('/wachtwoordherstelverzoeken/voltooiingen', { token: 'a'.repeat(64), wachtwoord: 'Een-heel-nieuw-wachtwoord-2027' }), 400)), ['token_ongeldig']);
  assert.deepEqual(codes(problem(await publiek('/wachtwoordherstelverzoeken/voltooiingen', { token: 'x', wachtwoord: 'Een-heel-nieuw-wachtwoord-2027' }), 400)), ['token_ongeldig']);
  const sessieVoor = await w.gemeente.get('/sessies/huidig');
  assert.equal(sessieVoor.status, 200);
  const nieuw = 'Een-heel-nieuw-wachtwoord-2027';
  const r = await publiek('/wachtwoordherstelverzoeken/voltooiingen', { token, wachtwoord: nieuw });
  assert.equal(r.status, 204, r.text);
  assert.equal((await w.gemeente.get('/sessies/huidig')).status, 401, 'every open session ended');
  assert.equal((await login('gemeente')).status, 401, 'the old password no longer works');
  const ok = await login('gemeente', nieuw);
  assert.equal(ok.status, 201, ok.text);
  assert.deepEqual(codes(problem(await publiek('/wachtwoordherstelverzoeken/voltooiingen', { token, wachtwoord: 'Nog-een-ander-wachtwoord-2028' }), 400)), ['token_ongeldig'], 'single use');
  await smtp.wacht((x) => x.aan === `<${adres}>` && x.onderwerp === 'Uw wachtwoord is gewijzigd');
  const audit = (await w.auditor.get('/auditrecords?actie=wachtwoord')).json().auditrecords;
  assert.deepEqual(audit.map((a) => [a.actie, a.resultaat]).slice(0, 3),
    [['wachtwoord.hersteld', 'gelukt'], ['wachtwoord.herstel_gevraagd', 'gelukt'], ['wachtwoord.herstel_gevraagd', 'geweigerd']]);
  // at most three links an hour per account: the fourth request answers the same, sends nothing
  for (let i = 0; i < 3; i++) assert.equal((await publiek('/wachtwoordherstelverzoeken', { email: adres })).status, 202);
  assert.equal(sql(`SELECT count(*) FROM wachtwoordherstel h JOIN gebruiker g ON g.id = h.gebruiker_id WHERE g.email = '${adres}'`), '3');
});

test('one client address asks at most 10 resets an hour, whatever addresses it types: then 429 with Retry-After, audited', async () => {
  const statussen = [];
  let r;
  for (let i = 0; i < 12; i++) {
    r = await publiek('/wachtwoordherstelverzoeken', { email: `onbekend-${i}@voorbeeld.example` });
    statussen.push(r.status);
    if (r.status === 429) break;
  }
  assert.equal(statussen.at(-1), 429, statussen.join(','));
  assert.ok(statussen.slice(0, -1).every((x) => x === 202), statussen.join(','));
  assert.equal(sql("SELECT count(*) FROM herstelverzoek WHERE adres = '127.0.0.1'"), '10', 'ten answered, this hour');
  const p = problem(r, 429);
  assert.match(p.detail, /Vanaf dit adres is het afgelopen uur te vaak een nieuw wachtwoord gevraagd\. Probeer het over \d+ minuten opnieuw\./);
  const na = Number(r.headers['retry-after']);
  assert.ok(na > 0 && na <= 3600, `Retry-After ${r.headers['retry-after']}`);
  assert.equal(sql("SELECT count(*) FROM auditlog WHERE actie = 'wachtwoord.herstel_gevraagd' AND resultaat = 'geweigerd'"
    + " AND detail = 'te veel verzoeken van dit adres in het afgelopen uur'"), '1');
  // an account's own address is refused too now: nothing queued
  const voor = sql("SELECT count(*) FROM mail WHERE soort = 'wachtwoordherstel'");
  assert.equal((await publiek('/wachtwoordherstelverzoeken', { email: 'aanvrager@demo.doorbraak.example' })).status, 429);
  assert.equal(sql("SELECT count(*) FROM mail WHERE soort = 'wachtwoordherstel'"), voor);
});

test('each person chooses whether messages also come by mail: off means the message box only, for that person only', async () => {
  assert.deepEqual((await w.aanvrager.get('/berichten/instellingen')).json(), { mailen: true });
  assert.deepEqual(codes(problem(await w.aanvrager.call('PUT', '/berichten/instellingen', { mailen: 'nee', extra: 1 }), 400)).sort(),
    ['type', 'unknown']);
  problem(await w.zuid.call('PUT', '/berichten/instellingen', { mailen: false }), 403);   // a token has no messages
  let r = await w.aanvrager.call('PUT', '/berichten/instellingen', { mailen: false });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json(), { mailen: false });
  assert.equal((await w.aanvrager.get('/sessies/huidig')).json().gebruiker.berichten_mailen, false);
  assert.equal(sql("SELECT count(*) FROM auditlog WHERE actie = 'gebruiker.berichten_mailen' AND detail = '{\"mailen\":false}'"), '1');
  // a new application in a new round: the lead's assessment messages come without mail, the insurer's with
  const { ids: [nieuw] } = await positief(w, 1, 'Ronde zonder mail');
  const ontvangers = (soort, pad) => sql(`SELECT g.gebruikersnaam || ':' || (SELECT count(*) FROM mail m WHERE m.bericht_id = b.id)`
    + ` FROM bericht b JOIN gebruiker g ON g.id = b.gebruiker_id WHERE b.soort = '${soort}' AND b.pad = '${pad}' ORDER BY b.id`);
  assert.equal(ontvangers('beoordeeld', `/aanvragen/${nieuw}`), 'aanvrager:0\naanvrager:0');
  assert.match(ontvangers('aanvraag_ingediend', `/beoordelingen/${nieuw}`), /^beoordelaar:1$/m);
  r = await w.aanvrager.call('PUT', '/berichten/instellingen', { mailen: true });
  assert.deepEqual(r.json(), { mailen: true });
});

test('without SMTP a reset mail waits, and once its link expired it is given up with its text wiped, audited', async () => {
  const zonder = await startServer({ backend, args: ['--demo'], env: { DOORBRAAK_MAIL_INTERVAL_S: '1' } });
  try {
    const r = await fetch(new URL('/api/v1/wachtwoordherstelverzoeken', zonder.url), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'aanvrager@demo.doorbraak.example' }) });
    assert.equal(r.status, 202);
    const db = zonder.dbUrl;
    assert.equal(sql("SELECT status FROM mail WHERE soort = 'wachtwoordherstel'", db), 'wachtend');
    assert.match(sql("SELECT tekst FROM mail WHERE soort = 'wachtwoordherstel'", db), /wachtwoord-herstellen#[0-9a-f]{64}/);
    await new Promise((klaar) => setTimeout(klaar, 1500));
    assert.equal(sql("SELECT status FROM mail WHERE soort = 'wachtwoordherstel'", db), 'wachtend', 'young: it waits for SMTP');
    // 31 minutes later (the row aged by hand): the link is dead, so is the mail
    sql("UPDATE mail SET aangemaakt_op = '2026-01-01T00:00:00.000000Z' WHERE soort = 'wachtwoordherstel'", db);
    let status = '';
    for (let i = 0; i < 30 && status !== 'mislukt'; i++) {
      await new Promise((klaar) => setTimeout(klaar, 200));
      status = sql("SELECT status FROM mail WHERE soort = 'wachtwoordherstel'", db);
    }
    assert.equal(status, 'mislukt');
    assert.equal(sql("SELECT COALESCE(tekst, 'gewist') FROM mail WHERE soort = 'wachtwoordherstel'", db), 'gewist');
    assert.match(sql("SELECT laatste_fout FROM mail WHERE soort = 'wachtwoordherstel'", db), /De herstellink verliep/);
    assert.equal(sql("SELECT count(*) FROM auditlog WHERE actie = 'mail.herstel_verlopen' AND actor = 'systeem'", db), '1');
  } finally {
    await zonder.stop();
  }
});

test('a report due: the lead is reminded of a project year\'s accountability once, before its deadline or after it passed; not of other years', async () => {
  const ronde = (await w.auditor.get(`/aanvragen/${aanvraag}`)).json().indieningsronde_id;
  toekennen(srv.dbUrl, ronde, { 'ai/2027': 10 * MLN, 'ai/2028': 10 * MLN }, [[aanvraag, 'ai', { 2027: 3 * MLN, 2028: 2 * MLN }]]);
  const t = await gezamenlijk(w, { aanvraag_id: aanvraag });
  const nza = await inloggen(w.api, 'nza');
  let r = await nza.post('/beschikkingen', { nza_aanvraag_id: t.id, besluit: 'verleend', motivering: 'Getoetst.' });
  assert.equal(r.status, 201, r.text);
  const b = r.json().id;
  const dag = (n) => new Date(Date.now() + n * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const kader = (jaar, deadline) => w.programmabureau.call('PUT', `/verantwoordingskaders/${jaar}`,
    { tolerantie_bp: 1000, accountant_vanaf_cent: 0, deadline });
  // 2027 due in a week, 2028 passed yesterday, 2029 (no year of the project) due tomorrow, 2030 far away
  for (const [jaar, d] of [[2027, dag(7)], [2028, dag(-1)], [2029, dag(1)], [2030, dag(60)]]) assert.equal((await kader(jaar, d)).status, 200);
  const termijn = async () => (await w.aanvrager.get('/berichten?limiet=200')).json().berichten
    .filter((x) => x.soort === 'verantwoording_termijn' && x.pad === `/beschikkingen/${b}/verantwoording`);
  let gezien = [];
  for (let i = 0; i < 50 && gezien.length < 2; i++) {
    await new Promise((klaar) => setTimeout(klaar, 200));
    gezien = await termijn();
  }
  assert.equal(gezien.length, 2, JSON.stringify(gezien));
  const nl = (iso) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
  const voor = gezien.find((x) => x.onderwerp.startsWith('Herinnering'));
  assert.equal(voor.onderwerp, `Herinnering: uw verantwoording over 2027, uiterlijk ${nl(dag(7))}: Berichtenronde 0`);
  assert.match(voor.tekst, /moet uiterlijk .* zijn ingediend \[001 §5\]\./);
  const laat = gezien.find((x) => x.onderwerp.startsWith('De termijn'));
  assert.equal(laat.onderwerp, 'De termijn van uw verantwoording over 2028 is verstreken: Berichtenronde 0');
  assert.match(laat.tekst, /zij wordt als te laat aangemerkt\./);
  // mailed as any message
  await smtp.wacht((x) => x.aan === '<aanvrager@demo.doorbraak.example>' && x.onderwerp === voor.onderwerp);
  // once, however many rounds the worker makes (and however many processes)
  await new Promise((klaar) => setTimeout(klaar, 2500));
  assert.equal((await termijn()).length, 2);
  assert.equal(sql(`SELECT count(*) FROM herinnering WHERE beschikking_id = ${b} AND verstuurd = 1`), '2');
  assert.equal(sql(`SELECT verstuurd FROM herinnering WHERE beschikking_id = ${b} AND jaar = 2029`), '0');
  assert.equal(sql(`SELECT count(*) FROM herinnering WHERE beschikking_id = ${b} AND jaar = 2030`), '0');
  assert.equal(sql(`SELECT count(*) FROM auditlog WHERE actie = 'herinnering.verantwoording' AND actor = 'systeem' AND object LIKE 'beschikking/${b}/%'`), '2');
  // the insurer is not reminded of the lead's report
  assert.ok(!(await w.beoordelaar.get('/berichten?limiet=200')).json().berichten.some((x) => x.soort === 'verantwoording_termijn'));
});

await run();
