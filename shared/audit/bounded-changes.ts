import { createHash } from 'node:crypto';
import type { Changes } from './audit.js';

/**
 * Most bytes an audit event's `changes` may take, as JSON. An event is one DynamoDB item (at most 400 KB with
 * its index keys) written in the same transaction as the change it records, so a change of a large value (a
 * 20,000-character prompt changed into another) must still fit.
 */
export const MAX_AUDIT_CHANGES_BYTES = 100_000;

/** A value too large for the audit log: its size, its SHA-256 (to compare versions) and its beginning. */
export type OmittedValue = { omitted: 'too large for the audit log'; bytes: number; sha256: string; preview: string };

const bytesOf = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? 'null', 'utf8');

function omit(value: unknown): OmittedValue {
  const json = JSON.stringify(value) ?? 'null';
  return {
    omitted: 'too large for the audit log',
    bytes: Buffer.byteLength(json, 'utf8'),
    sha256: createHash('sha256').update(json).digest('hex'),
    preview: typeof value === 'string' ? value.slice(0, 200) : json.slice(0, 200),
  };
}

/**
 * `changes` as stored: unchanged when its JSON fits `budget` bytes; otherwise the largest `before`/`after`
 * values are replaced by an {@link OmittedValue}, largest first, until it fits. Which fields changed, and from
 * what to what in size and hash, is always kept.
 */
export function boundChanges(changes: Changes, budget = MAX_AUDIT_CHANGES_BYTES): Changes {
  if (bytesOf(changes) <= budget) return changes;
  const out: Changes = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { ...v }]));
  const values = Object.entries(out)
    .flatMap(([field, change]) => (['before', 'after'] as const).map((side) => ({ field, side, bytes: bytesOf(change[side]) })))
    .sort((a, b) => b.bytes - a.bytes);
  let total = bytesOf(out);
  for (const { field, side, bytes } of values) {
    if (total <= budget) break;
    const change = out[field]!;
    const replacement = omit(change[side]);
    change[side] = replacement;
    total -= bytes - bytesOf(replacement);
  }
  return out;
}
