import { InvalidCursor } from './errors.js';

/**
 * Opaque list cursors: base64url JSON of the DynamoDB `LastEvaluatedKey`. A cursor is only accepted for the
 * list it came from: every key attribute must be a string and each `expect`ed partition attribute must hold
 * exactly the value this request would query, so a cursor copied from another team or list, or edited,
 * is refused with `InvalidCursor` (a 400 for the caller: "a tampered or foreign cursor") and can never widen a query.
 */
export type CursorKey = Record<string, string>;

export function encodeCursor(key: CursorKey | undefined): string | null {
  if (!key) return null;
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * What a list accepts: the partition attribute(s) and their values, the sort attributes, and the range of the first
 * sort attribute the list's key condition covers (`sortPrefix` for `begins_with`, `sortBetween` for `BETWEEN`).
 * A start key outside that range names the caller's own partition but not this list: DynamoDB refuses it.
 */
export type CursorScope = {
  partition: Record<string, string>;
  sortAttrs: string[];
  sortPrefix?: string;
  sortBetween?: readonly [string, string];
};

export function decodeCursor(cursor: string | undefined, expect: CursorScope): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  const bad = () => new InvalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw bad();
  const key = parsed as Record<string, unknown>;
  const allowed = new Set([...Object.keys(expect.partition), ...expect.sortAttrs, 'PK', 'SK']);
  for (const [k, v] of Object.entries(key)) if (!allowed.has(k) || typeof v !== 'string') throw bad();
  for (const [attr, value] of Object.entries(expect.partition)) if (key[attr] !== value) throw bad();
  for (const attr of expect.sortAttrs) if (typeof key[attr] !== 'string') throw bad();
  const sort = expect.sortAttrs[0] === undefined ? undefined : (key[expect.sortAttrs[0]] as string);
  if (sort !== undefined && expect.sortPrefix !== undefined && !sort.startsWith(expect.sortPrefix)) throw bad();
  if (sort !== undefined && expect.sortBetween && (sort < expect.sortBetween[0] || sort > expect.sortBetween[1])) throw bad();
  return key as CursorKey;
}

/** Builds the cursor from the last returned item, for pages cut short of DynamoDB's own LastEvaluatedKey. */
export function keyOf(item: Record<string, unknown>, attrs: string[]): CursorKey {
  return Object.fromEntries(attrs.map((a) => [a, String(item[a])]));
}
