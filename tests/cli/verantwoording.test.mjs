// SPDX-License-Identifier: EUPL-1.2
//
// verantwoording.test.mjs (cli) -- `doorbraak verantwoording ...` on a
// SQLite database with the demo chain after the payment
// (DOORBRAAK_DEMO_VERANTWOORDING=1): the statements with their judgements,
// NZa's judgement and the settlement as HTML and PDF, the settlements as
// CSV and XLSX; bad input a one-line message and a non-zero exit.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { createDatabase, doorbraak } from '../lib/server.mjs';

setSuite('cli/verantwoording');

const AAN = { DOORBRAAK_DEMO_VERANTWOORDING: '1' };
let db;
let dir;
const cli = (...args) => doorbraak(['--db', db.dbUrl, ...args], { env: AAN, timeout: 120000 });

before(() => {
  db = createDatabase('sqlite');
  dir = mkdtempSync(path.join(os.tmpdir(), 'dbk-cli-'));
  const r = cli('--demo', 'init');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

after(() => {
  if (db) db.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('`verantwoording jaarstaten` lists every statement with its judgement; --jaar filters', () => {
  const r = cli('verantwoording', 'jaarstaten');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /2027\s+Demo Zorgverzekeraar Noord\s+EUR [\d.]+,\d\d\s+EUR [\d.]+,\d\d\s+EUR [\d.]+,\d\d\s+plausibel/);
  assert.match(r.stdout, /Demo Zorgverzekeraar Zuid.*niet_plausibel/);
  assert.equal(cli('verantwoording', 'jaarstaten', '--jaar', '2029').stdout.trim().split('\n').length, 1, 'only the header');
});

test('the judgement and the settlement as HTML on stdout and as PDF into a file', () => {
  let r = cli('verantwoording', 'rechtsoordeel', '1');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /<h1>Bestuurlijk rechtsoordeel doorbraakmiddelen 2027<\/h1>/);
  const pdf = path.join(dir, 'r.pdf');
  r = cli('verantwoording', 'nacalculatie', '1', '--pdf', pdf);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^nacalculatie-2027-9001\.pdf geschreven naar /);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
});

test('the settlements as CSV on stdout and as XLSX into a file', () => {
  let r = cli('verantwoording', 'export', '--jaar', '2027');
  assert.equal(r.status, 0, r.stderr);
  const regels = r.stdout.trim().split('\r\n');
  assert.equal(regels[0], 'jaar;uzovi_code;verzekeraar;bedrag_euro;bedrag_cent;rechtsoordeel_id;boeking_id;verevend_op');
  assert.equal(regels.length, 2);
  const xlsx = path.join(dir, 'v.xlsx');
  r = cli('verantwoording', 'export', '--xlsx', xlsx);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), 'PK');
});

test('bad input: one line on stderr and a non-zero exit', () => {
  for (const [args, code] of [[['verantwoording', 'rechtsoordeel', '99'], 3], [['verantwoording', 'rechtsoordeel', 'x'], 2],
    [['verantwoording', 'jaarstaten', '--jaar', '1999'], 2], [['verantwoording'], 2]]) {
    const r = cli(...args);
    assert.equal(r.status, code, `${args.join(' ')}: ${r.status} ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^doorbraak: /);
  }
});

await run();
