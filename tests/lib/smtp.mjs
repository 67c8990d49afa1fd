// SPDX-License-Identifier: EUPL-1.2
//
// smtp.mjs -- a real SMTP server on loopback for the tests: Debian's
// python3-aiosmtpd with its Mailbox handler, writing every mail that
// arrives into a Maildir the test reads. Nothing is mocked: doorbraak's
// mail worker speaks SMTP to it through libcurl.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** A free TCP port on 127.0.0.1. */
export function vrijePoort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function wachtOpPoort(port, ms) {
  const tot = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poging = () => {
      const c = net.connect(port, '127.0.0.1');
      c.once('connect', () => { c.destroy(); resolve(); });
      c.once('error', () => {
        c.destroy();
        if (Date.now() > tot) reject(new Error(`SMTP server on ${port} did not start`));
        else setTimeout(poging, 100);
      });
    };
    poging();
  });
}

/** Decodes RFC 2047 encoded words (UTF-8, B) and unfolds a header. */
function kop(waarde) {
  return waarde.replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b) => Buffer.from(b, 'base64').toString('utf8'))
    .trim();
}

/** Parses one stored mail: headers (lower-case names) and the body text. */
export function leesMail(tekst) {
  const i = tekst.search(/\r?\n\r?\n/);
  const hoofd = tekst.slice(0, i);
  const body = tekst.slice(i).replace(/^\r?\n\r?\n/, '');
  const headers = {};
  for (const m of hoofd.matchAll(/^([A-Za-z-]+):(.*(?:\r?\n[ \t].*)*)/gm)) headers[m[1].toLowerCase()] = kop(m[2]);
  return { headers, body: body.replace(/\r\n/g, '\n'), onderwerp: headers.subject, aan: headers.to };
}

/**
 * Starts the SMTP server (on `port`, or a free one). Returns { port, url,
 * mails() -> every mail that arrived so far, parsed, oldest first,
 * wacht(pred, ms) -> the first mail matching, stop() }.
 */
export async function startSmtp(port) {
  const p = port || await vrijePoort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorbraak-smtp-'));
  const md = path.join(dir, 'maildir');
  const child = spawn(PYTHON, ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${p}`, '-c', 'aiosmtpd.handlers.Mailbox', md],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let fout = '';
  child.stderr.on('data', (d) => { fout += d; });
  await wachtOpPoort(p, 15000).catch((e) => { child.kill(); throw new Error(`${e.message}: ${fout}`); });
  const mails = () => {
    const nieuw = path.join(md, 'new');
    if (!fs.existsSync(nieuw)) return [];
    return fs.readdirSync(nieuw).map((f) => ({ f, t: fs.statSync(path.join(nieuw, f)).mtimeMs }))
      .sort((a, b) => a.t - b.t || a.f.localeCompare(b.f))
      .map(({ f }) => leesMail(fs.readFileSync(path.join(nieuw, f), 'utf8')));
  };
  const wacht = async (pred, ms = 20000) => {
    const tot = Date.now() + ms;
    for (;;) {
      const m = mails().find(pred);
      if (m) return m;
      if (Date.now() > tot) throw new Error(`no such mail arrived in ${ms} ms; arrived: ${mails().map((x) => `${x.aan}: ${x.onderwerp}`).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { port: p, url: `smtp://127.0.0.1:${p}`, mails, wacht, stop, dir };
}
