// SPDX-License-Identifier: EUPL-1.2
//
// http.mjs -- small HTTP client helpers for black-box tests.
//
// request() uses node:http without connection reuse, so every call is one
// request on one connection and the server sees exactly what is written
// (no path normalisation, any header, any Content-Length). raw() writes
// bytes on a TCP socket for what node:http refuses to send.

import http from 'node:http';
import net from 'node:net';

/**
 * request(baseUrl, method, path, {headers, body, timeout})
 * -> {status, headers (lower-case names), text, json() , contentType}
 * `body` may be a string or Buffer (sent with Content-Length), or an async
 * iterable of chunks (give 'transfer-encoding': 'chunked' for GET/DELETE;
 * node:http chunks other methods by itself).
 */
export function request(baseUrl, method, path, { headers = {}, body, timeout = 30000 } = {}) {
  const base = new URL(baseUrl);
  headers = { ...headers };
  const names = Object.keys(headers).map((k) => k.toLowerCase());
  // node:http sends a GET/DELETE body with neither Content-Length nor
  // chunked framing; say how long a fixed body is.
  if ((typeof body === 'string' || Buffer.isBuffer(body)) && !names.includes('content-length') &&
      !names.includes('transfer-encoding')) {
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers,
        agent: false,
        timeout,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const buffer = Buffer.concat(chunks);
          const text = buffer.toString('utf8');
          resolve({
            status: res.statusCode,
            buffer,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            contentType: res.headers['content-type'] || '',
            text,
            json() {
              try {
                return JSON.parse(text);
              } catch (err) {
                throw new Error(`response is not JSON (${err.message}): ${text.slice(0, 200)}`);
              }
            },
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${timeout} ms`)));
    req.on('error', reject);
    if (body === undefined || body === null) {
      req.end();
    } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
      req.end(body);
    } else {
      (async () => {
        for await (const chunk of body) {
          if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        }
        req.end();
      })().catch((err) => req.destroy(err));
    }
  });
}

/** A client bound to one base URL: api.get('/api/v1/status'). */
export function client(baseUrl) {
  const call = (method) => (path, opts) => request(baseUrl, method, path, opts);
  return {
    request: (method, path, opts) => request(baseUrl, method, path, opts),
    get: call('GET'),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    delete: call('DELETE'),
    head: call('HEAD'),
    options: call('OPTIONS'),
  };
}

/**
 * Writes `head` (the request line and headers, CRLF-separated, ending in an
 * empty line) and then `body` on a raw socket; resolves with the status code
 * and the response text received until the server closes or `timeout` ms of
 * quiet have passed after the status line. For requests node:http will not
 * send, e.g. a Content-Length far larger than the body that follows.
 */
export function raw(baseUrl, head, body = '', { timeout = 10000 } = {}) {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: base.hostname, port: Number(base.port) });
    let data = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      if (!m) reject(new Error(`no HTTP status line received: ${JSON.stringify(data.slice(0, 200))}`));
      else resolve({ status: Number(m[1]), text: data });
    };
    const timer = setTimeout(finish, timeout);
    sock.setEncoding('utf8');
    sock.on('data', (d) => {
      data += d;
      // Complete once the headers and the declared body have arrived.
      const end = data.indexOf('\r\n\r\n');
      if (end >= 0) {
        const len = /\r\ncontent-length: *(\d+)/i.exec(data.slice(0, end));
        if (len && Buffer.byteLength(data.slice(end + 4)) >= Number(len[1])) finish();
      }
    });
    sock.on('end', finish);
    sock.on('close', finish);
    sock.on('error', (err) => {
      // A reset after the answer arrived is fine (the server closed early).
      if (/^HTTP\/1\.[01] \d{3}/.test(data)) finish();
      else if (!done) {
        done = true;
        clearTimeout(timer);
        reject(err);
      }
    });
    sock.on('connect', () => {
      sock.write(head);
      if (body) sock.write(body);
    });
  });
}
