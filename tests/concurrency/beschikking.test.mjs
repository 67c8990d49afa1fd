// SPDX-License-Identifier: EUPL-1.2
//
// beschikking.test.mjs (concurrency) -- two `doorbraak serve` processes on
// ONE PostgreSQL database race to decide joint requests that together need
// more than a theme's year holds:
//
//   * ai/2027 holds exactly the board's grants (EUR 1 mln each, reserved);
//     every request moves its EUR 1 mln to 2028, which has EUR 2.5 mln free;
//     each fits on its own, so all are taken into treatment;
//   * NZa decides all of them at the same moment, alternating the servers:
//     at most two can be granted; the sum of posted upper bounds never exceeds
//     the budget of the year nor of the pot; every loser gets a clear refusal
//     (409 "past_niet", or "al_beschikt" when a winner's decision refused it
//     first); the ledger replays and `hledger check -s` accepts its journal;
//   * one request decided by both servers at once is decided exactly once.
//
// Runs on PostgreSQL whatever DOORBRAAK_TEST_BACKEND says (SQLite has one
// writer per file; the point is two processes on one server); skipped only
// when no PostgreSQL server is available. The board's decision is written by
// build/toekenning_testhulp (docs/beschikking.md §7).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { after, assert, before, run, setSuite, skip, test } from '../lib/harness.mjs';
import { gezamenlijk, positief, toekennen } from '../lib/beschikking.mjs';
import { client } from '../lib/http.mjs';
import { DEMO_WACHTWOORD, JSON_HEADERS, caller, world } from '../lib/indiening.mjs';
import { createDatabase, doorbraak, psql, requirePostgres, startServer } from '../lib/server.mjs';

setSuite('concurrency/beschikking [postgresql, 2 servers]');

const MLN = 100000000;
const RACERS = 6;
const hledger = spawnSync('hledger', ['--version'], { encoding: 'utf8' }).status === 0;

let db;
let a;
let b;
let w;
let nzaA;
let nzaB;
const requests = [];   // joint requests that together do not fit 2028
let dubbel;            // one request both servers decide at once

async function login(api, name) {
  const res = await api.post('/api/v1/sessies', { headers: JSON_HEADERS,
    body: JSON.stringify({ gebruikersnaam: name, wachtwoord: DEMO_WACHTWOORD }) });
  assert.equal(res.status, 201, res.text);
  const cookie = /^__Host-doorbraak=([^;]*)/.exec([].concat(res.headers['set-cookie'])[0])[1];
  return { name, cookie, csrf: res.json().csrf_token, orgId: res.json().organisatie.id };
}

if (requirePostgres(test, skip, 'two servers on one PostgreSQL database')) {
  before(async () => {
    db = createDatabase('postgresql');
    a = await startServer({ backend: 'postgresql', dbUrl: db.dbUrl, args: ['--demo'], threads: 4 });
    b = await startServer({ backend: 'postgresql', dbUrl: db.dbUrl, args: ['--demo'], threads: 4 });
    w = await world(a);
    const s = await login(w.api, 'nza');
    nzaA = caller(client(a.url), s);
    nzaB = caller(client(b.url), s);   // the same session, served by the other process
    const { ronde, ids } = await positief(w, RACERS + 1, 'Wedloop');
    toekennen(db.dbUrl, ronde.id, { 'ai/2027': (RACERS + 1) * MLN, 'ai/2028': 2.5 * MLN },
      ids.map((id) => [id, 'ai', { 2027: 1 * MLN }]));
    for (const id of ids.slice(0, RACERS)) {
      requests.push(await gezamenlijk(w, { aanvraag_id: id,
        jaarverdeling: [{ jaar: 2027, bedrag_cent: 0 }, { jaar: 2028, bedrag_cent: 1 * MLN }] }));
    }
    dubbel = await gezamenlijk(w, { aanvraag_id: ids[RACERS] });
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => s.stop()));
    if (db) db.drop();
  });

  test('all requests fit on their own and are in treatment; together they need more than 2028 holds', async () => {
    assert.equal(requests.length, RACERS);
    for (const r of requests) assert.equal(r.status, 'in_behandeling');
    const jaar = (await nzaA.get('/grootboek/rekeningen')).json().jaren.find((x) => x.rekening === 'zvw/ai/2028');
    assert.equal(jaar.beschikbaar_cent, 2.5 * MLN);
    assert.ok(RACERS * MLN > jaar.beschikbaar_cent);
  });

  test('two servers decide them at the same moment: the sum of upper bounds never exceeds the budget', async () => {
    const answers = await Promise.all(requests.map((r, i) => (i % 2 ? nzaB : nzaA).post('/beschikkingen',
      { nza_aanvraag_id: r.id, besluit: 'verleend', motivering: 'Wedloop: alle toetspunten voldaan.' })));
    const won = answers.filter((r) => r.status === 201);
    const lost = answers.filter((r) => r.status !== 201);
    for (const r of lost) {
      assert.equal(r.status, 409, r.text);
      assert.match(r.contentType, /^application\/problem\+json/);
      const c = (r.json().errors || []).map((x) => x.code);
      assert.ok(c.includes('past_niet') || c.includes('al_beschikt'), `a clear refusal: ${r.text}`);
    }
    assert.equal(won.length, 2, `exactly two fit: ${answers.map((r) => r.status).join(',')}`);
    const o = (await nzaB.get('/grootboek/rekeningen')).json();
    const j2028 = o.jaren.find((x) => x.rekening === 'zvw/ai/2028');
    assert.equal(j2028.toegekend_cent, 2 * MLN);
    assert.equal(j2028.beschikbaar_cent, 0.5 * MLN);
    const bovengrenzen = Number(psql(db.dbUrl,
      "SELECT COALESCE(SUM(bovengrens_cent), 0) FROM beschikking WHERE besluit = 'verleend'"));
    const projecten = Number(psql(db.dbUrl,
      "SELECT COALESCE(SUM(credit_geboekt_cent), 0) FROM grootboek_rekening WHERE soort = 'project'"));
    assert.equal(bovengrenzen, 2 * MLN);
    assert.equal(projecten, bovengrenzen, 'the ledger holds exactly the upper bounds');
    assert.ok(bovengrenzen <= 600 * 100 * MLN);
    // every request is decided; the losers are refused with reasons, their reservations voided
    const st = psql(db.dbUrl, 'SELECT status, count(*) FROM nza_aanvraag GROUP BY status ORDER BY status').trim();
    assert.match(st, /afgewezen\|4/);
    const open = Number(psql(db.dbUrl, 'SELECT count(*) FROM grootboek_boeking r WHERE r.soort = \'reservering\''
      + ' AND NOT EXISTS (SELECT 1 FROM grootboek_boeking x WHERE x.reservering_id = r.id)'));
    assert.equal(open, 1, 'only the request both servers will race for still holds a reservation');
  });

  test('one request decided by both servers at once is decided exactly once', async () => {
    const body = { nza_aanvraag_id: dubbel.id, besluit: 'verleend', motivering: 'Twee keer tegelijk.' };
    const [x, y] = await Promise.all([nzaA.post('/beschikkingen', body), nzaB.post('/beschikkingen', body)]);
    assert.deepEqual([x.status, y.status].sort(), [201, 409], `${x.text} ${y.text}`);
    assert.equal(Number(psql(db.dbUrl, `SELECT count(*) FROM beschikking WHERE nza_aanvraag_id = ${dubbel.id}`)), 1);
  });

  test('the ledger replays, the audit chain holds, and hledger check -s accepts the journal', async () => {
    let r = doorbraak(['--db', db.dbUrl, 'grootboek', 'herspeel']);
    assert.equal(r.status, 0, r.stderr);
    r = doorbraak(['--db', db.dbUrl, 'audit', 'verify']);
    assert.equal(r.status, 0, r.stderr);
    if (!hledger) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dbk-'));
    try {
      const file = path.join(dir, 'g.journal');
      r = doorbraak(['--db', db.dbUrl, 'grootboek', 'export', file]);
      assert.equal(r.status, 0, r.stderr);
      const h = spawnSync('hledger', ['check', '-s', '-f', file], { encoding: 'utf8' });
      assert.equal(h.status, 0, h.stdout + h.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

await run();
