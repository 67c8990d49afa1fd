// SPDX-License-Identifier: EUPL-1.2
//
// harness.mjs -- a tiny test harness for the Node suites (no framework).
//
//   import { test, skip, run, assert } from '../lib/harness.mjs';
//   test('status answers 200', async () => { assert.equal(...); });
//   skip('body limit', 'no route accepts a body yet');
//   await run();            // runs the tests in order, then exits
//
// Output, one line per test, counted by scripts/test.sh:
//   ok - name
//   not ok - name            (followed by "  # ..." lines with the reason)
//   ok - name # SKIP reason  (counted as skipped, not as passed)
// A test that throws (or rejects) fails; the rest still run. The process
// exits 1 when any test failed. Names get the prefix of the suite
// (setSuite('api/foundation [sqlite]')), so lines from different files and
// backends stay distinguishable in the summary.
//
// DOORBRAAK_TEST_FILTER=substring runs only the tests whose name contains it.
// DOORBRAAK_TEST_TIMEOUT_MS bounds one test (default 60000).

import assert from 'node:assert/strict';

export { assert };

const tests = [];
const befores = [];
const afters = [];
let suite = '';

/** Prefix for every test name of this file, e.g. "api/foundation [sqlite]". */
export function setSuite(name) {
  suite = name;
}

/** Registers a test; fn may be async. */
export function test(name, fn) {
  tests.push({ name, fn });
}

/** Registers a test that is reported as skipped, with the reason. */
export function skip(name, reason) {
  tests.push({ name, skip: reason || 'skipped' });
}

/** Runs once before the first test; a throw fails every test. */
export function before(fn) {
  befores.push(fn);
}

/** Runs once after the last test (also after failures). */
export function after(fn) {
  afters.push(fn);
}

function fullName(name) {
  const n = suite ? `${suite}: ${name}` : name;
  return n.replace(/[\r\n]+/g, ' ');
}

function describeError(err) {
  if (err instanceof Error) {
    return (err.stack || `${err.name}: ${err.message}`).split('\n').slice(0, 12);
  }
  return [String(err)];
}

function printFailure(name, err) {
  console.log(`not ok - ${fullName(name)}`);
  for (const line of describeError(err)) console.log(`  # ${line}`);
}

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test '${name}' took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the registered tests in order and exits the process. */
export async function run() {
  const filter = process.env.DOORBRAAK_TEST_FILTER || '';
  const timeoutMs = Number(process.env.DOORBRAAK_TEST_TIMEOUT_MS || 60000);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let setupError = null;
  for (const fn of befores) {
    try {
      await withTimeout(Promise.resolve().then(fn), timeoutMs * 2, 'before');
    } catch (err) {
      setupError = err;
      break;
    }
  }
  for (const t of tests) {
    if (filter && !fullName(t.name).includes(filter)) continue;
    if (t.skip !== undefined) {
      console.log(`ok - ${fullName(t.name)} # SKIP ${t.skip}`);
      skipped++;
      continue;
    }
    if (setupError) {
      printFailure(t.name, setupError);
      failed++;
      continue;
    }
    try {
      await withTimeout(Promise.resolve().then(t.fn), timeoutMs, t.name);
      console.log(`ok - ${fullName(t.name)}`);
      passed++;
    } catch (err) {
      printFailure(t.name, err);
      failed++;
    }
  }
  for (const fn of afters) {
    try {
      await withTimeout(Promise.resolve().then(fn), timeoutMs, 'after');
    } catch (err) {
      // A failing teardown is a failure of its own.
      printFailure('teardown', err);
      failed++;
    }
  }
  console.log(`# ${suite || 'suite'}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
}

/** Asserts that `res` is a problem+json answer with `status`; returns its body. */
export function problem(res, status) {
  assert.equal(res.status, status, `status ${res.status}, body ${res.text}`);
  assert.match(res.contentType, /^application\/problem\+json\b/);
  return res.json();
}

/** The codes of a problem's items, in order. */
export const codes = (p) => (p.errors || []).map((x) => x.code);
