// SPDX-License-Identifier: EUPL-1.2
//
// serveren.test.mjs -- how `doorbraak serve` hands out the web client
// (src/api/web_http.c), over plain HTTP against a real server: the pages and
// files compiled into the binary with their Content-Type, the same security
// headers as the API (a CSP without 'unsafe-inline'), revalidation with ETag
// and 304, a 404 for missing files (the client page for a browser,
// problem+json for anyone else), no way out of web/, GET and HEAD only, and
// /api untouched.

import { after, assert, before, run, setSuite, test } from '../lib/harness.mjs';
import { request } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';

setSuite('browser/serveren [sqlite]');

let srv;
const get = (path, headers = {}) => request(srv.url, 'GET', path, { headers });

before(async () => {
  srv = await startServer({ backend: 'sqlite' });
});

after(async () => {
  await srv?.stop();
});

function assertSecurityHeaders(res, what) {
  const csp = res.headers['content-security-policy'] || '';
  assert.match(csp, /default-src 'self'/, `${what}: CSP`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${what}: no inline scripts or styles allowed`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: no framing`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(res.headers['x-frame-options'], 'DENY', what);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', what);
}

test('/ and every client path answer the client page (index.html)', async () => {
  for (const path of ['/', '/inloggen', '/modelplannen/mp-digitale-emdr', '/start']) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.contentType, 'text/html; charset=utf-8', path);
    assert.match(res.text, /<script type="module" src="\/static\/js\/app\.js"><\/script>/, path);
    assert.match(res.text, /<html lang="nl" class="utrecht-root voorbeeld-theme">/, path);
    assertSecurityHeaders(res, path);
  }
});

test('the client page has no inline script or style, so the CSP needs no exception', async () => {
  const html = (await get('/')).text;
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every <script> has a src');
  assert.doesNotMatch(html, /<style\b/, 'no <style> element');
  assert.doesNotMatch(html, /\sstyle=/, 'no style attribute');
  assert.doesNotMatch(html, /\son[a-z]+=/, 'no inline event handler');
});

test('files under /static come with the right Content-Type', async () => {
  const files = [
    ['/static/js/app.js', 'text/javascript; charset=utf-8'],
    ['/static/css/app.css', 'text/css; charset=utf-8'],
    ['/static/favicon.svg', 'image/svg+xml'],
    ['/static/vendor/utrecht/component-library.css', 'text/css; charset=utf-8'],
    ['/static/vendor/voorbeeld/theme.css', 'text/css; charset=utf-8'],
    ['/static/vendor/chart.js/chart.umd.js', 'text/javascript; charset=utf-8'],
    ['/static/vendor/fonts/noto-sans-latin-400-normal.woff2', 'font/woff2'],
  ];
  for (const [path, type] of files) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.contentType, type, path);
    assert.ok(Number(res.headers['content-length']) > 0, `${path} is not empty`);
    assertSecurityHeaders(res, path);
  }
  assert.match((await get('/static/vendor/voorbeeld/theme.css')).text, /\.voorbeeld-theme\s*\{/);
  assert.match((await get('/static/vendor/chart.js/chart.umd.js')).text, /Chart\.js v4\./);
});

test('caching: no-cache with an ETag; a matching If-None-Match gets 304 without a body', async () => {
  const res = await get('/static/js/app.js');
  assert.equal(res.headers['cache-control'], 'no-cache');
  const etag = res.headers.etag;
  assert.match(etag, /^"[0-9a-f]{32}"$/);
  const again = await get('/static/js/app.js', { 'if-none-match': etag });
  assert.equal(again.status, 304);
  assert.equal(again.text, '');
  assert.equal(again.headers.etag, etag);
  const other = await get('/static/js/app.js', { 'if-none-match': '"0000"' });
  assert.equal(other.status, 200);
  assert.notEqual((await get('/static/css/app.css')).headers.etag, etag, 'each file its own ETag');
  assert.equal((await get('/api/v1/status')).headers['cache-control'], 'no-store', 'the API stays uncached');
});

test('a missing file is 404: problem+json for a program, the client page for a browser', async () => {
  for (const path of ['/static/bestaat-niet.js', '/favicon.ico', '/robots.txt', '/static/', '/static/js']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.equal(res.contentType, 'application/problem+json', path);
    const p = res.json();
    assert.equal(p.status, 404);
    assert.equal(p.detail, 'Er is geen bestand op dit pad.');
  }
  const html = await get('/static/bestaat-niet.js', { accept: 'text/html,application/xhtml+xml' });
  assert.equal(html.status, 404);
  assert.equal(html.contentType, 'text/html; charset=utf-8');
  assert.match(html.text, /\/static\/js\/app\.js/, 'the client shows "Pagina niet gevonden"');
});

test('no path leads out of web/: dot segments, hidden names, odd characters and long paths are 404', async () => {
  const paths = [
    '/static/../meson.build', '/static/../../etc/passwd', '/static/%2e%2e/meson.build', '/static/./js/app.js',
    '/static//js/app.js', '/static/.hidden', '/static/js/app.js?x=1/../..',
    '/..', '/static/js/../../index.html', '/static/js\\app.js', `/static/${'a'.repeat(300)}.js`,
    '/static/meson.build', '/meson.build', '/static/index.html/', '/static/js/app.js/',
  ];
  for (const path of paths) {
    const res = await get(path);
    if (path === '/static/js/app.js?x=1/../..') {
      assert.equal(res.status, 200, 'the query is not part of the path');
      continue;
    }
    assert.equal(res.status, 404, `${path} answered ${res.status}`);
    assert.doesNotMatch(res.text, /project\('doorbraak'|root:/, path);
  }
  // libmicrohttpd decodes %00 and the path ends there: what is left is
  // checked like any other path, so at most a shorter name inside web/.
  const nul = await get('/static/js/app.js%00.css');
  assert.ok(nul.status === 404 || nul.contentType === 'text/javascript; charset=utf-8', `%00: ${nul.status} ${nul.contentType}`);
  assert.equal((await get('/static/%00/../../meson.build')).status, 404);
});

test('only GET and HEAD: HEAD has the headers without a body, other methods get 405 with Allow', async () => {
  const head = await request(srv.url, 'HEAD', '/static/css/app.css');
  assert.equal(head.status, 200);
  assert.equal(head.contentType, 'text/css; charset=utf-8');
  assert.equal(head.text, '');
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const res = await request(srv.url, method, '/', { headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.allow, 'GET, HEAD', method);
    assert.equal(res.contentType, 'application/problem+json', method);
  }
});

test('/api stays with the API: unknown API paths are problem+json 404, never the client page', async () => {
  for (const path of ['/api', '/api/', '/api/v1/bestaat-niet', '/api/v2/status']) {
    const res = await get(path, { accept: 'text/html' });
    assert.equal(res.status, 404, path);
    assert.equal(res.contentType, 'application/problem+json', path);
  }
  assert.equal((await get('/api/v1/status')).status, 200);
});

test('every request for the client is one log line, without a store route', async () => {
  await get('/static/favicon.svg', { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
  const line = await srv.waitForLog((l) => l.traceparent === '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
  assert.equal(line.pad, '/static/favicon.svg');
  assert.equal(line.status, 200);
  assert.equal(line.methode, 'GET');
  assert.equal(line.traceparent, '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
});

await run();
