// SPDX-License-Identifier: EUPL-1.2
//
// storing.test.mjs -- fault injection (src/core/basis/storing.h), in the
// style of SQLite's fault tests and curl's torture tests. Needs the
// sanitizer build (`make asan`, DOORBRAAK_BIN=build-asan/doorbraak), which
// honours the header "Doorbraak-Storing: store:N" / "arena:N": the Nth store
// statement or arena block of that one request fails.
//
// For every step of the main flows (log in, open a round, save a draft,
// save it again, submit, verify the receipt publicly, request and approve an
// API token) and for N = 1, 2, ... until the step runs without reaching
// its Nth call, the step is sent with the fault armed. Required each time:
//   * an answer, never a dropped connection: 2xx, or a problem+json;
//   * when it failed, nothing written: the audit log has as many records
//     as before and its hash chain is intact (every write is one transaction
//     with its audit record), and the application list is unchanged;
//   * the server keeps serving;
// A fault after a write transaction committed (header "na-commit") may
// leave that whole transaction behind: the answer failed, the write did
// not; a later run of the same step may then meet it (a refusal, 409 or a
// login throttled by the attempts such runs left), which is correct.
// And at the end the ledger replays to its balances and the server stops
// without a sanitizer report (AddressSanitizer, LeakSanitizer, UBSan).

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { DEMO_WACHTWOORD, world } from '../lib/indiening.mjs';
import { doorbraak, startServer, testBackend } from '../lib/server.mjs';

const backend = testBackend();
setSuite(`storing [${backend}]`);

const N_MAX = 400;   // a step with more calls than this is a finding in itself

let srv;
let w;
let ronde;
const gevonden = { store: 0, arena: 0, stappen: 0 };
let naCommitAantal = 0;

function auditAantal() {
  const r = doorbraak(['--db', srv.dbUrl, 'audit', 'verify']);
  assert.equal(r.status, 0, `audit chain broken: ${r.stdout}${r.stderr}`);
  const m = /intact: (\d+) records/.exec(r.stdout);
  assert.ok(m, r.stdout);
  return Number(m[1]);
}

const aanvragenAantal = async () => (await w.auditor.get('/aanvragen?limiet=1000')).json().aanvragen.length;

/**
 * Sends `stap(extraHeaders)` with store:N and arena:N for N = 1.. until the
 * fault is no longer reached; returns the answer of the last (unfaulted) run.
 * `schrijft`: the step writes, so a failed run must leave nothing behind.
 */
async function doorloop(naam, stap, { schrijft = true } = {}) {
  let laatste;
  for (const soort of ['store', 'arena']) {
    for (let n = 1; n <= N_MAX; n++) {
      const voorAanvragen = schrijft ? await aanvragenAantal() : 0;
      const voorAudit = schrijft ? auditAantal() : 0;
      let res;
      try {
        res = await stap({ 'doorbraak-storing': `${soort}:${n}` });
      } catch (err) {
        assert.fail(`${naam} ${soort}:${n}: no answer (${err.message})`);
      }
      const gebeurd = Boolean(res.headers['doorbraak-storing-gebeurd']);
      const naCommit = res.headers['doorbraak-storing-gebeurd'] === 'na-commit';
      if (res.status >= 400) {
        assert.match(res.contentType || '', /^application\/problem\+json\b/,
          `${naam} ${soort}:${n}: ${res.status} without problem+json: ${res.text}`);
        assert.ok(gebeurd || res.status < 500, `${naam} ${soort}:${n}: ${res.status} without a fault: ${res.text}`);
        if (schrijft && gebeurd && !naCommit) {
          // The fault came inside the write: it rolled back, with its audit record.
          const fout = `${naam} ${soort}:${n} (${res.status}, fault ${res.headers['doorbraak-storing-gebeurd']})`;
          assert.equal(auditAantal(), voorAudit, `${fout}: a failed write left audit records`);
          assert.equal(await aanvragenAantal(), voorAanvragen, `${fout}: a failed write left an application`);
        } else if (gebeurd && naCommit) {
          naCommitAantal++;   // whole transactions committed, then the answer failed
        }
        gevonden[soort]++;
      } else if (schrijft) {
        auditAantal();   // the chain stays intact whatever happened
      }
      assert.equal((await w.api.get('/api/v1/status')).status, 200, `${naam} ${soort}:${n}: the server stopped serving`);
      if (!gebeurd) {
        laatste = res;
        break;
      }
      assert.ok(n < N_MAX, `${naam}: more than ${N_MAX} ${soort} calls`);
    }
  }
  gevonden.stappen++;
  return laatste;
}

before(async () => {
  srv = await startServer({ backend, args: ['--demo'], threads: 2 });
  w = await world(srv);
  // Does this binary honour the header at all? (Only the sanitizer build does.)
  const proef = await w.auditor.call('GET', '/aanvragen', undefined, { 'doorbraak-storing': 'store:1' });
  assert.ok(proef.headers['doorbraak-storing-gebeurd'],
    'this binary has no fault injection: run with DOORBRAAK_BIN=build-asan/doorbraak (make asan)');
});

after(async () => {
  if (!srv) return;
  const her = doorbraak(['--db', srv.dbUrl, 'grootboek', 'herspeel']);
  await srv.stop();
  const rapport = srv.logLines().filter((l) => /Sanitizer|runtime error:/.test(l));
  console.log(`# faults answered cleanly: store ${gevonden.store}, arena ${gevonden.arena}, over ${gevonden.stappen} steps; ${naCommitAantal} after a committed write`);
  assert.equal(her.status, 0, `ledger replay: ${her.stdout}${her.stderr}`);
  const i = srv.logLines().findIndex((l) => /Sanitizer|runtime error:/.test(l));
  assert.deepEqual(rapport, [], `sanitizer report:\n${srv.logLines().slice(Math.max(0, i - 2), i + 40).join('\n')}`);
});

test('logging in and opening a round: every fault a clean answer, nothing half-written', async () => {
  const l = await doorloop('login', (h) => w.api.post('/api/v1/sessies', {
    headers: { 'content-type': 'application/json', ...h },
    body: JSON.stringify({ gebruikersnaam: 'gemeente', wachtwoord: DEMO_WACHTWOORD }) }));
  assert.ok([201, 429].includes(l.status), l.text);
  const now = Date.now();
  const r = await doorloop('round', (h) => w.programmabureau.call('POST', '/indieningsrondes', {
    naam: 'Storingsronde', catalogusversie: 1, uitloopjaar_toegestaan: true, impactlat_id: 'B',
    opent_op: new Date(now - 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    sluit_op: new Date(now + 3600e3).toISOString().replace(/\.\d+Z$/, 'Z') }, h));
  assert.equal(r.status, 201, r.text);
  ronde = r.json();
});

test('a draft, saved again, submitted, its receipt verified: every fault a clean answer, nothing half-written', async () => {
  const d = await doorloop('draft', (h) => w.aanvrager.call('POST', '/aanvragen',
    { indieningsronde_id: ronde.id, document: w.doc('Storing') }, h));
  assert.equal(d.status, 201, d.text);
  const id = d.json().aanvraag.id;
  const doc = w.doc('Storing, opnieuw');
  const s = await doorloop('save', (h) => w.aanvrager.call('PUT', `/aanvragen/${id}`, { document: doc }, h));
  assert.equal(s.status, 200, s.text);
  const i = await doorloop('submit', (h) => w.aanvrager.call('POST', `/aanvragen/${id}/indiening`, {}, h));
  // 409: submitted by a run that failed after its commit; the receipt is stored all the same
  assert.ok([201, 409].includes(i.status), i.text);
  const bewijs = i.status === 201 ? i.json().ontvangstbewijs
    : (await w.aanvrager.get(`/aanvragen/${id}/ontvangstbewijs`)).json().ontvangstbewijs;
  const v = await doorloop('verify', (h) => w.api.post('/api/v1/ontvangstbewijzen/verificaties', {
    headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify(bewijs) }), { schrijft: false });
  assert.deepEqual(v.json(), { geldig: true });
});

test('an API token requested by one administrator and approved by another: every fault a clean answer', async () => {
  const t = await doorloop('token', (h) => w.beheerder.call('POST', '/apitokens',
    { organisatie_id: w.org.noord, rol: 'beoordelaar', naam: 'storing' }, h));
  assert.equal(t.status, 201, t.text);
  const ok = await doorloop('approve', (h) => w.beheerder2.call('POST',
    `/apitokens/${t.json().apitoken.id}/goedkeuringen`, {}, h));
  assert.ok([201, 409].includes(ok.status), ok.text);   // 409: approved by a run that failed after its commit
});

await run();
