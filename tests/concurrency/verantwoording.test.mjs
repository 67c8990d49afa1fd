// SPDX-License-Identifier: EUPL-1.2
//
// verantwoording.test.mjs (concurrency) -- two `doorbraak serve` processes on
// ONE PostgreSQL database race over the money after the payment
// (docs/verantwoording.md):
//
//   * the coordinating insurer tests the last year of a project from both
//     servers at once: tested once, reclaimed once (one ledger entry, one row);
//   * two corrections of one milestone at once: both are booked, numbered 1
//     and 2, the ledger holds both;
//   * the yearly statement of one insurer-year submitted from both: once;
//   * the Zorginstituut settles the same insurer-year from both: once, one
//     ledger entry;
// and afterwards the ledger replays and the audit chain holds.
//
// Runs on PostgreSQL whatever DOORBRAAK_TEST_BACKEND says (SQLite has one
// writer per file; the point is two processes on one server); skipped only
// when no PostgreSQL server is available.

import { after, assert, before, run, setSuite, skip, test } from '../lib/harness.mjs';
import { gezamenlijk, positief, toekennen } from '../lib/beschikking.mjs';
import { client } from '../lib/http.mjs';
import { caller, inloggen, world } from '../lib/indiening.mjs';
import { createDatabase, doorbraak, psql, requirePostgres, startServer } from '../lib/server.mjs';

setSuite('concurrency/verantwoording [postgresql, 2 servers]');

const MLN = 100000000;
let db;
let a;
let b;
let w;
const twee = {};      // per role: [caller on server a, caller on server b]
let beschikking;
let aanvraag;
let lijnen;           // the one-off budget lines of 2027 (an accountability that passes)


const codes = (r) => (r.json().errors || []).map((x) => x.code);
const tel = (sql) => Number(psql(db.dbUrl, sql));

if (requirePostgres(test, skip, 'two servers on one PostgreSQL database')) {
  before(async () => {
    db = createDatabase('postgresql');
    // both book money in 2027, the fund's first year (the booking clock) [003 §8b]
    const env = { DOORBRAAK_BOEKKLOK: '2027-10-01T09:00:00Z' };
    a = await startServer({ backend: 'postgresql', dbUrl: db.dbUrl, args: ['--demo'], threads: 4, env });
    b = await startServer({ backend: 'postgresql', dbUrl: db.dbUrl, args: ['--demo'], threads: 4, env });
    w = await world(a);
    for (const naam of ['nza', 'zorginstituut', 'programmabureau']) {
      const x = await inloggen(client(a.url), naam);
      twee[naam] = [x, caller(client(b.url), x)];   // the same session, served by the other process
    }
    twee.beoordelaar = [w.beoordelaar, caller(client(b.url), w.beoordelaar)];
    const { ronde, ids } = await positief(w, 1, 'Verantwoording in wedloop');
    aanvraag = ids[0];
    toekennen(db.dbUrl, ronde.id, { 'ai/2027': 5 * MLN, 'ai/2028': 5 * MLN }, [[aanvraag, 'ai', { 2027: 2 * MLN, 2028: 1 * MLN }]]);
    const t = await gezamenlijk(w, { aanvraag_id: aanvraag });
    const r = await twee.nza[0].post('/beschikkingen', { nza_aanvraag_id: t.id, besluit: 'verleend', motivering: 'Getoetst.' });
    assert.equal(r.status, 201, r.text);
    beschikking = r.json().id;
    for (const jaar of [2027, 2028]) {
      const k = await twee.programmabureau[0].call('PUT', `/verantwoordingskaders/${jaar}`,
        { tolerantie_bp: 1000, accountant_vanaf_cent: 100 * MLN, deadline: '2099-03-31T23:59:59Z' });
      assert.equal(k.status, 200, k.text);
    }
    const doc = (await w.auditor.get(`/aanvragen/${aanvraag}/versies/1`)).json();
    lijnen = doc.begroting.filter((l) => l.jaar === 2027 && l.aard === 'eenmalig').slice(0, 1)
      .map((l) => ({ zorgaanbieder: l.zorgaanbieder, kostensoort: l.kostensoort, aard: 'eenmalig', doel: l.doel,
        bedrag_cent: 1000000, toelichting: 'Minder dan begroot.' }));
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => s.stop()));
    if (db) db.drop();
  });

  test('two corrections of one milestone at once are both booked, numbered 1 and 2', async () => {
    for (const m of ['m1', 'm2']) {
      assert.equal((await w.aanvrager.post(`/beschikkingen/${beschikking}/mijlpalen/${m}/meldingen`, { bewijs: 'Verslag.' })).status, 201);
      const p = await twee.beoordelaar[0].post(`/beschikkingen/${beschikking}/mijlpalen/${m}/betalingen`, {});
      assert.equal(p.status, 201, p.text);
    }
    const pad = `/beschikkingen/${beschikking}/mijlpalen/m1/correcties`;
    const [x, y] = await Promise.all([twee.beoordelaar[0].post(pad, { bedrag_cent: -1000, reden: 'Server A.' }),
      twee.beoordelaar[1].post(pad, { bedrag_cent: -2000, reden: 'Server B.' })]);
    assert.deepEqual([x.status, y.status], [201, 201], `${x.text} ${y.text}`);
    assert.equal(psql(db.dbUrl, `SELECT string_agg(volgnummer::text || ':' || bedrag_cent::text, ',' ORDER BY volgnummer)`
      + ` FROM mijlpaal_correctie WHERE beschikking_id = ${beschikking}`).trim().split(',').length, 2);
    assert.equal(tel(`SELECT COALESCE(SUM(bedrag_cent), 0) FROM mijlpaal_correctie WHERE beschikking_id = ${beschikking}`), -3000);
    assert.equal(tel("SELECT count(*) FROM grootboek_boeking WHERE code = 'mijlpaal.correctie'"), 2);
  });

  test('the last year tested from both servers at once: tested once, reclaimed once', async () => {
    const ids = [];
    for (const jaar of [2027, 2028]) {
      const r = await w.aanvrager.post(`/beschikkingen/${beschikking}/verantwoordingen`,
        { jaar, regels: lijnen, mijlpalen: [], geen_dubbele_financiering: true });
      assert.equal(r.status, 201, r.text);
      ids.push(r.json().id);
    }
    const oordeel = { oordelen: [{ regel: 0, oordeel: 'aanvaard', motivering: 'Toegelicht.' }] };
    const eerste = await twee.beoordelaar[0].post(`/verantwoordingen/${ids[0]}/plausibiliteitstoets`, oordeel);
    assert.equal(eerste.status, 201, eerste.text);
    const pad = `/verantwoordingen/${ids[1]}/plausibiliteitstoets`;
    const [x, y] = await Promise.all([twee.beoordelaar[0].post(pad, oordeel), twee.beoordelaar[1].post(pad, oordeel)]);
    assert.deepEqual([x.status, y.status].sort(), [201, 409], `${x.text} ${y.text}`);
    assert.deepEqual(codes([x, y].find((r) => r.status === 409)), ['al_getoetst']);
    const terug = [x, y].find((r) => r.status === 201).json().terugvordering_cent;
    assert.ok(terug > 0, 'paid (two milestones) is more than the plausible EUR 20,000');
    assert.equal(tel("SELECT count(*) FROM grootboek_boeking WHERE code = 'verantwoording.terugvordering'"), 1);
    assert.equal(tel(`SELECT bedrag_cent FROM terugvordering WHERE beschikking_id = ${beschikking}`), terug);
  });

  test('the yearly statement of one insurer-year from both servers: once', async () => {
    for (const jaar of [2027, 2029]) {
      const [x, y] = await Promise.all([twee.beoordelaar[0].post('/jaarstaten', { jaar }),
        twee.beoordelaar[1].post('/jaarstaten', { jaar })]);
      assert.deepEqual([x.status, y.status].sort(), [201, 409], `${x.text} ${y.text}`);
      assert.deepEqual(codes([x, y].find((r) => r.status === 409)), ['al_ingediend']);
    }
    assert.equal(tel('SELECT count(*) FROM jaarstaat'), 2);
  });

  test('the Zorginstituut settles the same insurer-year from both servers: once, one ledger entry', async () => {
    const s27 = (await twee.nza[0].get('/jaarstaten?jaar=2027')).json().jaarstaten[0];
    assert.ok(s27.te_vereffenen_cent > 0, JSON.stringify(s27));
    const o = await twee.nza[1].post(`/jaarstaten/${s27.id}/rechtsoordeel`, { oordeel: 'plausibel', motivering: 'Plausibel.' });
    assert.equal(o.status, 201, o.text);
    const body = { verzekeraar_id: s27.verzekeraar_id, jaar: 2027 };
    const [x, y] = await Promise.all([twee.zorginstituut[0].post('/vereveningen', body), twee.zorginstituut[1].post('/vereveningen', body)]);
    assert.deepEqual([x.status, y.status].sort(), [201, 409], `${x.text} ${y.text}`);
    assert.deepEqual(codes([x, y].find((r) => r.status === 409)), ['al_verevend']);
    assert.equal(tel("SELECT count(*) FROM grootboek_boeking WHERE code = 'verevening.nacalculatie'"), 1);
    assert.equal(tel('SELECT bedrag_cent FROM verevening'), s27.te_vereffenen_cent);
  });

  test('the ledger replays and the audit chain holds', async () => {
    let r = doorbraak(['--db', db.dbUrl, 'grootboek', 'herspeel']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    r = doorbraak(['--db', db.dbUrl, 'audit', 'verify']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
}

await run();
