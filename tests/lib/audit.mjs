// SPDX-License-Identifier: EUPL-1.2
//
// audit.mjs -- the audit hash chain of src/core/basis/audit.c, recomputed in
// JavaScript, to write valid (and then tampered) records straight into a
// database and check that `doorbraak audit verify` finds the broken link.
//
// hash = SHA-256 hex of the length-prefixed fields ("<bytes>:<value>")
//   "doorbraak-audit-v1", volgnummer, tijdstip, actor, actie, object,
//   resultaat, detail, vorige_hash
// The first record's vorige_hash is 64 zeros.

import { createHash } from 'node:crypto';

export const AUDIT_GENESIS = '0'.repeat(64);

export function auditHash(volgnummer, tijdstip, { actor, actie, object, resultaat, detail = '' }, vorigeHash) {
  const h = createHash('sha256');
  for (const field of ['doorbraak-audit-v1', String(volgnummer), tijdstip, actor, actie, object, resultaat, detail, vorigeHash]) {
    const bytes = Buffer.from(field, 'utf8');
    h.update(`${bytes.length}:`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/** Builds a valid chain of records (volgnummer after+1..after+n) from the entries,
 * continuing from the record `after` whose hash is `prevHash`. */
export function auditChain(entries, { start = Date.UTC(2025, 0, 6, 9, 0, 0), after = 0, prevHash = AUDIT_GENESIS } = {}) {
  const rows = [];
  let prev = prevHash;
  entries.forEach((entry, i) => {
    const volgnummer = after + i + 1;
    const tijdstip = new Date(start + i * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
    const row = { volgnummer, tijdstip, ...entry, detail: entry.detail ?? '', vorige_hash: prev };
    row.hash = auditHash(volgnummer, tijdstip, row, prev);
    rows.push(row);
    prev = row.hash;
  });
  return rows;
}

/** SQL literal for SQLite and PostgreSQL (standard_conforming_strings). */
export function sqlString(s) {
  return `'${String(s).replace(/'/g, "''")}'`;
}

/** One INSERT statement for the rows. */
export function auditInsertSql(rows) {
  const values = rows.map((r) =>
    `(${r.volgnummer}, ${[r.tijdstip, r.actor, r.actie, r.object, r.resultaat, r.detail, r.vorige_hash, r.hash]
      .map(sqlString).join(', ')})`);
  return 'INSERT INTO auditlog (volgnummer, tijdstip, actor, actie, object, resultaat, detail, vorige_hash, hash) VALUES\n' +
    values.join(',\n') + ';';
}
