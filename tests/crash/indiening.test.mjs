// SPDX-License-Identifier: EUPL-1.2
//
// indiening.test.mjs -- the crash test of submission: a real
// `doorbraak serve` is killed with SIGKILL in the middle of a load of
// concurrent submissions; after a restart on the same database
//
//   * every submission that got a receipt is there, byte for byte: the
//     stored document hashes to the receipt's SHA-256, the receipt's moment
//     and round match, and the public verification says it is valid;
//   * no submission exists half: every stored version has its audit record
//     (with the same hash) and every such audit record its version; an
//     application's state and newest version number agree with its version
//     rows; the audit chain is intact; SQLite's integrity check passes.
//
// On SQLite always, on PostgreSQL when the test run provides a server
// (DOORBRAAK_TEST_PG / DOORBRAAK_TEST_PG_URL). A kill -9 of the server
// process tests atomicity and what the database has committed; it does not
// cut the power, so it cannot show the difference between synchronous=FULL
// and NORMAL (see docs/indiening.md §8).

import { spawnSync } from 'node:child_process';
import http from 'node:http';

import { after, assert, run, setSuite, test } from '../lib/harness.mjs';
import { canonical, sha256hex, world } from '../lib/indiening.mjs';
import { createDatabase, doorbraak, psql, startServer } from '../lib/server.mjs';

setSuite('crash/indiening');

const CONCEPTEN = Number(process.env.DOORBRAAK_CRASH_CONCEPTEN || 400);
const CLIENTS = 32;
const KILL_NA = Number(process.env.DOORBRAAK_CRASH_KILL_NA || 120);   // receipts before the kill

const backends = ['sqlite'];
if (process.env.DOORBRAAK_TEST_PG || process.env.DOORBRAAK_TEST_PG_URL) backends.push('postgresql');

const opruimen = [];
after(async () => {
  for (const f of opruimen.reverse()) await f();
});

function sql(backend, dbUrl, query) {
  if (backend === 'postgresql') return psql(dbUrl, query).trim();
  const r = spawnSync('sqlite3', [dbUrl, query], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`sqlite3: ${r.error || r.stderr}`);
  return r.stdout.trim();
}
const haveSqlite3 = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;

/** POST /indiening on a keep-alive connection; {status, body} or {status: 0} when the server died. */
function indienen(agent, base, id, auth) {
  const u = new URL(base);
  return new Promise((resolve) => {
    const req = http.request({ host: u.hostname, port: u.port, method: 'POST', agent,
      path: `/api/v1/aanvragen/${id}/indiening`,
      headers: { ...auth, 'content-type': 'application/json', 'content-length': 2 } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      res.on('error', () => resolve({ status: 0 }));
    });
    req.on('error', () => resolve({ status: 0 }));
    req.end('{}');
  });
}

for (const backend of backends) {
  test(`kill -9 during concurrent submissions: every receipt is there byte for byte, nothing half [${backend}]`, async () => {
    const db = createDatabase(backend);
    opruimen.push(async () => db.drop());
    let srv = await startServer({ backend, dbUrl: db.dbUrl, args: ['--demo'], threads: 8 });
    opruimen.push(async () => srv.stop());
    let w = await world(srv);
    const ronde = await w.round(600, 'Crashronde');
    // distinct drafts, some with text that exercises the escaping
    const drafts = [];
    const docs = new Map();
    let n = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (n < CONCEPTEN) {
        const doc = w.doc(`Crash ${n++} "é" \\ ✓`);
        const r = await w.aanvrager.post('/aanvragen', { indieningsronde_id: ronde.id, document: doc });
        assert.equal(r.status, 201, r.text);
        const id = r.json().aanvraag.id;
        drafts.push(id);
        docs.set(id, doc);
      }
    }));
    // the load, and the kill in its middle
    const auth = { cookie: `__Host-doorbraak=${w.aanvrager.cookie}`, 'x-csrf-token': w.aanvrager.csrf };
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const bewijzen = [];
    let verstuurd = 0;
    let afgebroken = 0;
    let gedood = false;
    let take = 0;
    const exited = new Promise((resolve) => srv.process.once('exit', resolve));
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      while (take < drafts.length && !gedood) {
        const id = drafts[take++];
        verstuurd++;
        const r = await indienen(agent, srv.url, id, auth);
        if (r.status === 201) {
          bewijzen.push(JSON.parse(r.text).ontvangstbewijs);
          if (bewijzen.length >= KILL_NA && !gedood) {
            gedood = true;
            srv.process.kill('SIGKILL');
          }
        } else if (r.status === 0) {
          afgebroken++;
        } else {
          throw new Error(`submission ${id}: ${r.status} ${r.text}`);
        }
      }
    }));
    agent.destroy();
    await exited;
    assert.ok(gedood, 'the server was killed during the load');
    console.log(`# ${backend}: ${verstuurd} submissions sent, ${bewijzen.length} receipts, ` +
      `${afgebroken} cut off by the kill, ${drafts.length - take} never sent`);
    await srv.stop();

    // restart on the same database
    srv = await startServer({ backend, dbUrl: db.dbUrl, args: ['--demo'], threads: 4 });
    opruimen.push(async () => srv.stop());
    w = await world(srv);
    for (const b of bewijzen) {
      const stored = await w.aanvrager.get(`/aanvragen/${b.aanvraag_id}/versies/${b.versie}`);
      assert.equal(stored.status, 200, `receipt of ${b.aanvraag_id} has its version`);
      assert.equal(sha256hex(stored.text), b.sha256, 'byte for byte');
      assert.equal(stored.text, canonical(docs.get(b.aanvraag_id)), 'the document that was submitted');
      const again = (await w.aanvrager.get(`/aanvragen/${b.aanvraag_id}/ontvangstbewijs`)).json().ontvangstbewijs;
      assert.deepEqual(again, b);
      const v = await w.api.post('/api/v1/ontvangstbewijzen/verificaties',
        { headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
      assert.deepEqual(v.json(), { geldig: true });
    }
    // nothing half
    if (backend === 'postgresql' || haveSqlite3) {
      const q = (s) => sql(backend, db.dbUrl, s);
      const versies = Number(q('SELECT count(*) FROM aanvraag_versie'));
      assert.ok(versies >= bewijzen.length, `${versies} versions for ${bewijzen.length} receipts`);
      assert.equal(Number(q(`SELECT count(*) FROM aanvraag_versie v WHERE NOT EXISTS (SELECT 1 FROM auditlog l
        WHERE l.actie = 'aanvraag.indien' AND l.resultaat = 'gelukt'
        AND l.object = 'aanvraag/' || v.aanvraag_id || '/versie/' || v.versie AND l.detail LIKE '%' || v.sha256 || '%')`)), 0,
        'every version has its audit record');
      assert.equal(Number(q(`SELECT count(*) FROM auditlog WHERE actie = 'aanvraag.indien' AND resultaat = 'gelukt'`)), versies,
        'every audit record of a submission has its version');
      assert.equal(Number(q(`SELECT count(*) FROM aanvraag a WHERE a.versie <>
        (SELECT count(*) FROM aanvraag_versie v WHERE v.aanvraag_id = a.id)`)), 0, 'newest version = number of versions');
      assert.equal(Number(q(`SELECT count(*) FROM aanvraag WHERE (status = 'concept') <> (versie = 0)`)), 0,
        'a draft has no version, a submitted application has one');
      const bytes = backend === 'postgresql' ? 'octet_length(document)' : 'length(CAST(document AS BLOB))';
      assert.equal(Number(q(`SELECT count(*) FROM aanvraag_versie WHERE ${bytes} <> grootte_bytes`)), 0);
      if (backend === 'sqlite') assert.equal(q('PRAGMA integrity_check'), 'ok');
      const inRonde = Number(q(`SELECT count(*) FROM aanvraag_versie WHERE ronde_id = ${ronde.id}`));
      console.log(`# ${backend}: ${inRonde} submissions stored after the restart; ` +
        `${inRonde - bewijzen.length} committed without their receipt reaching the client`);
    }
    const audit = doorbraak(['--db', db.dbUrl, 'audit', 'verify']);
    assert.equal(audit.status, 0, audit.stderr);
    // the lead can see which of its drafts went in and submit the rest
    const rest = drafts.find((id) => !bewijzen.some((b) => b.aanvraag_id === id));
    if (rest) {
      const state = (await w.aanvrager.get(`/aanvragen/${rest}`)).json().status;
      const r = await w.aanvrager.post(`/aanvragen/${rest}/indiening`, {});
      assert.equal(r.status, state === 'concept' ? 201 : 409, r.text);
    }
  });
}

await run();
