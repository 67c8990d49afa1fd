// SPDX-License-Identifier: EUPL-1.2
//
// router.js -- screens by path, with the History API.
//
// A screen is an ES module (js/schermen/<naam>.js) exporting
//   export async function toon(ctx) { ...; return node; }
// ctx: { params, query (URLSearchParams), signal (aborted when the user
// leaves), sessie, navigate(href), titel(text), zetUrl(href) }.
// It is loaded on first use (import()), so the first page stays small.
//
// The server answers every path outside /api and /static with index.html
// (src/api/web_http.c), so a path can be bookmarked, reloaded and shared.
// What the router does on each navigation, for keyboard and screen-reader
// users: the page <title> names the screen; focus moves to the screen's
// <h1> (not on the first load, where focus stays at the top so that the
// skip link comes first); a slow screen shows "Bezig met laden" and sets
// aria-busy; a screen that fails shows the error in Dutch with a way to
// try again. Requests of a screen that is left are cancelled.

import { ApiFout } from './api.js';
import { alert, button, h, heading, paragraph, replaceChildren } from './dom.js';
import { rollen, sessie } from './sessie.js';

const SITE = 'Doorbraakmiddelen';
const LOADING_DELAY_MS = 250;

const routes = [];
let outlet = null;
let current = null; // { controller, seq }
let seq = 0;
let firstRender = true;
let shown = null; // path + query of the screen on display
const renderListeners = new Set();

/**
 * Declares a screen.
 *   pattern: '/modelplannen/:id'
 *   opts.titel: the screen's name (page title until the screen sets its own)
 *   opts.laad: () => import('./schermen/x.js')
 *   opts.toegang: 'publiek' (default), 'ingelogd', or a list of role codes
 *   opts.menu: label in the main menu (omit for screens not in the menu)
 *   opts.menuVoor: 'anoniem' | 'ingelogd' | undefined (both), for the menu only
 */
export function route(pattern, opts) {
  const segments = pattern.split('/').filter(Boolean);
  routes.push({ pattern, segments, toegang: 'publiek', ...opts });
}

/** The menu entries the current visitor may use: [{ href, label }]. */
export function menu() {
  const who = sessie();
  return routes
    .filter((r) => r.menu && mayUse(r) && (!r.menuVoor || (r.menuVoor === 'ingelogd') === Boolean(who)))
    .map((r) => ({ href: r.pattern, label: r.menu }));
}

/** Called after every render with the current path. */
export function onRender(fn) {
  renderListeners.add(fn);
}

function mayUse(r) {
  if (r.toegang === 'publiek') return true;
  if (!sessie()) return false;
  if (r.toegang === 'ingelogd') return true;
  return r.toegang.some((code) => rollen().includes(code));
}

function match(pathname) {
  const parts = pathname.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return null;
    }
  });
  if (parts.includes(null)) return null;
  for (const r of routes) {
    if (r.segments.length !== parts.length) continue;
    const params = {};
    const ok = r.segments.every((s, i) => {
      if (s.startsWith(':')) {
        params[s.slice(1)] = parts[i];
        return true;
      }
      return s === parts[i];
    });
    if (ok) return { route: r, params };
  }
  return null;
}

/** Goes to an internal address (path + query), adding a history entry. */
export function navigate(href, { replace = false } = {}) {
  const url = new URL(href, window.location.origin);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  return render();
}

/** Changes the address without rendering (e.g. a screen's filters), as a new history entry. */
export function zetUrl(href) {
  const url = new URL(href, window.location.origin);
  if (url.href !== window.location.href) history.pushState(null, '', url);
  shown = window.location.pathname + window.location.search;
}

function setTitle(text) {
  document.title = text ? `${text} - ${SITE}` : SITE;
}

function focusHeading() {
  const target = outlet.querySelector('[data-focus-eerst]') || outlet.querySelector('h1');
  if (target) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  } else {
    outlet.focus();
  }
}

function errorScreen(err) {
  const message = err instanceof ApiFout ? err.message : 'Er ging iets mis in deze pagina. Laad de pagina opnieuw.';
  if (!(err instanceof ApiFout)) console.error(err);
  return [
    heading(1, 'Er ging iets mis'),
    alert('error', paragraph(message)),
    paragraph(button('Probeer het opnieuw', { kind: 'secondary', onClick: () => render() })),
  ];
}

/** Renders the screen for the current address. */
export async function render() {
  const mySeq = ++seq;
  if (current) current.controller.abort();
  const controller = new AbortController();
  current = { controller, seq: mySeq };

  let { pathname } = window.location;
  if (pathname.length > 1 && pathname.endsWith('/')) {
    pathname = pathname.replace(/\/+$/, '') || '/';
    history.replaceState(null, '', pathname + window.location.search + window.location.hash);
  }
  const found = match(pathname);
  const r = found?.route;
  if (r && r.toegang !== 'publiek' && !sessie()) {
    const terug = pathname + window.location.search;
    return navigate(`/inloggen?terug=${encodeURIComponent(terug)}`, { replace: true });
  }

  outlet.setAttribute('aria-busy', 'true');
  const loading = setTimeout(() => {
    if (seq === mySeq) replaceChildren(outlet, h('p', { class: 'utrecht-paragraph', role: 'status' }, 'Bezig met laden…'));
  }, LOADING_DELAY_MS);

  let title = r?.titel || 'Pagina niet gevonden';
  let nodes;
  try {
    let mod;
    if (!r) mod = await import('./schermen/niet-gevonden.js');
    else if (!mayUse(r)) mod = await import('./schermen/niet-gevonden.js').then((m) => ({ toon: m.geenToegang }));
    else mod = await r.laad();
    nodes = await mod.toon({
      params: found?.params || {},
      query: new URLSearchParams(window.location.search),
      signal: controller.signal,
      sessie: sessie(),
      navigate,
      zetUrl,
      titel: (t) => { title = t; if (seq === mySeq) setTitle(t); },
    });
  } catch (err) {
    if (seq !== mySeq || controller.signal.aborted || err?.geannuleerd) return;
    if (err instanceof ApiFout && err.status === 401) {
      const terug = pathname + window.location.search;
      return navigate(`/inloggen?terug=${encodeURIComponent(terug)}`, { replace: true });
    }
    title = 'Er ging iets mis';
    nodes = errorScreen(err);
  } finally {
    clearTimeout(loading);
  }
  if (seq !== mySeq) return;
  shown = window.location.pathname + window.location.search;
  replaceChildren(outlet, nodes);
  outlet.removeAttribute('aria-busy');
  setTitle(title);
  if (!firstRender) focusHeading();
  firstRender = false;
  for (const fn of renderListeners) fn(pathname);
}

function onClick(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = event.target.closest?.('a[href]');
  if (!a || a.hasAttribute('download') || (a.target && a.target !== '_self')) return;
  const raw = a.getAttribute('href');
  if (raw.startsWith('#')) return; // in-page link, e.g. the skip link
  const url = new URL(a.href);
  if (url.origin !== window.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/static/')) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

/** Starts routing into `main`. */
export function start(main) {
  outlet = main;
  document.addEventListener('click', onClick);
  // A fragment link (the skip link, an error summary) also fires popstate:
  // only a change of path or query is a new screen.
  window.addEventListener('popstate', () => {
    if (window.location.pathname + window.location.search !== shown) render();
  });
  return render();
}
