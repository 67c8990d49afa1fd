// SPDX-License-Identifier: EUPL-1.2
//
// dom.js -- building the page from data, safely.
//
// Every screen builds its elements with h(); text always goes in as a text
// node, never as HTML, so data from the API can never become markup. There
// is no innerHTML anywhere in the client, and no style attributes either:
// the Content-Security-Policy forbids inline styles, so looks come from
// classes (the NL Design System components and css/app.css).

/**
 * Makes an element.
 *   h('p', { class: 'utrecht-paragraph' }, 'Tekst ', h('strong', {}, 'vet'))
 * attrs: class (string or array, falsy entries dropped), on<Event> (a
 * function, added with addEventListener), true (empty attribute), false,
 * null or undefined (left out), anything else (set as a string).
 * children: nodes, strings and numbers (as text), arrays (flattened);
 * null, undefined and false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') {
      const list = Array.isArray(value) ? value.filter(Boolean) : [value];
      if (list.length) el.className = list.join(' ');
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'style') {
      throw new Error('dom.js: geen style-attributen (Content-Security-Policy); gebruik een klasse');
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (as h() takes them) to a node; returns the node. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces all children of a node. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

let idCounter = 0;

/** A unique id for label/aria relations: prefix + counter. */
export function uniqueId(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

// --- NL Design System components as small helpers --------------------------

export function heading(level, text, attrs = {}) {
  return h(`h${level}`, { ...attrs, class: [`utrecht-heading-${level}`, attrs.class] }, text);
}

export function paragraph(...children) {
  return h('p', { class: 'utrecht-paragraph' }, ...children);
}

/** An internal link; the router handles it without reloading the page. */
export function link(href, ...children) {
  return h('a', { class: 'utrecht-link utrecht-link--html-a', href }, ...children);
}

export function unorderedList(items) {
  return h('ul', { class: 'utrecht-unordered-list' },
    items.map((item) => h('li', { class: 'utrecht-unordered-list__item' }, item)));
}

/** A list of links (navigation within a page or to other screens). */
export function linkList(items) {
  return h('ul', { class: 'utrecht-link-list utrecht-link-list--html-ul' },
    items.map(([href, text]) => h('li', { class: 'utrecht-link-list__item' },
      h('a', { class: 'utrecht-link-list__link utrecht-link utrecht-link--html-a', href }, text))));
}

/**
 * An alert (utrecht-alert). kind: 'info' | 'ok' | 'warning' | 'error'.
 * role: 'status' for news that may wait, 'alert' for news that may not;
 * null for a static message that was already on the page.
 */
export function alert(kind, children, { role = null, heading: title = null } = {}) {
  return h('div', { class: ['utrecht-alert', `utrecht-alert--${kind}`], role },
    h('div', { class: 'utrecht-alert__content' },
      h('div', { class: 'utrecht-alert__message' },
        title ? h('p', { class: 'utrecht-paragraph alert__kop' }, h('strong', {}, title)) : null,
        children)));
}

/**
 * A table (utrecht-table) from data.
 *   caption: text; columns: [{ kop, waarde(rij) -> node|text, getal: true }];
 *   rows: array; footer: optional array of cells (one per column).
 * Numeric columns are aligned to the right; the first column heads its row.
 */
export function table({ caption, columns, rows, footer = null, id = null }) {
  const cellClass = (col) => ['utrecht-table__cell', col.getal && 'utrecht-table__cell--numeric-column'];
  const headClass = (col) => ['utrecht-table__header-cell', col.getal && 'utrecht-table__cell--numeric-column'];
  const captionId = caption ? uniqueId('tabel') : null;
  const holder = h('div', { class: 'utrecht-table-container utrecht-table-container--overflow-inline tabelhouder' },
    h('table', { class: 'utrecht-table utrecht-table--html-table', id },
      caption ? h('caption', { class: 'utrecht-table__caption', id: captionId }, caption) : null,
      h('thead', { class: 'utrecht-table__header' },
        h('tr', { class: 'utrecht-table__row' },
          columns.map((col) => h('th', { class: headClass(col), scope: 'col' }, col.kop)))),
      h('tbody', { class: 'utrecht-table__body' },
        rows.map((row) => h('tr', { class: 'utrecht-table__row' },
          columns.map((col, i) => i === 0
            ? h('th', { class: headClass(col), scope: 'row' }, col.waarde(row))
            : h('td', { class: cellClass(col) }, col.waarde(row)))))),
      footer ? h('tfoot', { class: 'utrecht-table__footer' },
        h('tr', { class: 'utrecht-table__row' },
          footer.map((cell, i) => i === 0
            ? h('th', { class: headClass(columns[i]), scope: 'row' }, cell)
            : h('td', { class: cellClass(columns[i]) }, cell)))) : null));
  scrollWatcher.observe(holder);
  if (captionId) holder.dataset.kop = captionId;
  return holder;
}

// A table wider than the screen scrolls inside its holder (WCAG 1.4.10
// allows that for data tables). Keyboard users must be able to scroll it
// too (2.1.1): while it overflows, the holder is a focusable, named region.
const scrollWatcher = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const scrolls = target.scrollWidth > target.clientWidth + 1;
    if (scrolls && !target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '0');
      target.setAttribute('role', 'region');
      if (target.dataset.kop) target.setAttribute('aria-labelledby', target.dataset.kop);
      else target.setAttribute('aria-label', 'Tabel');
    } else if (!scrolls && target.hasAttribute('tabindex')) {
      for (const a of ['tabindex', 'role', 'aria-labelledby', 'aria-label']) target.removeAttribute(a);
    }
  }
});

/** A description list of key/value pairs (utrecht-data-list). */
export function dataList(pairs) {
  return h('dl', { class: 'utrecht-data-list' },
    pairs.filter(Boolean).map(([key, value]) => h('div', { class: 'utrecht-data-list__item' },
      h('dt', { class: 'utrecht-data-list__item-key' }, key),
      h('dd', { class: 'utrecht-data-list__item-value utrecht-data-list__item-value--html-dd' }, value))));
}

export function button(text, { kind = 'primary', type = 'button', onClick = null, ...attrs } = {}) {
  return h('button', {
    ...attrs,
    class: ['utrecht-button', `utrecht-button--${kind}-action`, type === 'submit' && 'utrecht-button--submit', attrs.class],
    type,
    onClick,
  }, text);
}

/** A status badge (utrecht-status-badge) with text, e.g. 'voorbeeld'. */
export function badge(text, kind = 'neutral') {
  return h('span', { class: ['utrecht-status-badge', `utrecht-status-badge--${kind}`] }, text);
}
