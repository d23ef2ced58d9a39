import { createHash } from 'node:crypto';
import { PreconditionFailed } from '../domain/errors.js';

/** Strong entity tag of a versioned item (RFC 9110 §8.8.3): `"v<version>"`. */
export const etagOf = (version: number) => `"v${version}"`;

/**
 * The version an `If-Match` header requires, or undefined when the write applies unconditionally
 * (no header, or `*`). A list of tags, or a weak tag, never matches a strong comparison: 412.
 */
export function requiredVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const m = /^\s*"v(\d{1,15})"\s*$/.exec(ifMatch);
  if (!m) throw new PreconditionFailed();
  return Number(m[1]);
}

/** Strong entity tag of an unversioned object: a hash of its JSON representation, `"h<16 hex>"`. */
export const contentEtag = (body: unknown) => `"h${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16)}"`;

/**
 * `If-Match` against an unversioned object's current representation: true when absent or `*`, otherwise only
 * when it equals `contentEtag(current)` (RFC 9110 §13.1.1, strong comparison).
 */
export function ifMatchAccepts(ifMatch: string | undefined, current: unknown): boolean {
  return ifMatch === undefined || ifMatch.trim() === '*' || ifMatch.trim() === contentEtag(current);
}
