import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ulid } from 'ulid';

/**
 * API keys look like `bo_<keyId>_<secret>`: `keyId` is a ULID (the table key, safe to show and log),
 * `secret` 32 random bytes as hex. Only SHA-256(secret) is stored; the key is shown once at creation.
 */
const KEY_PATTERN = /^bo_([0-9A-HJKMNP-TV-Z]{26})_([0-9a-f]{64})$/;

export type NewApiKey = { keyId: string; key: string; prefix: string; secretHash: string };

export function generateApiKey(): NewApiKey {
  const keyId = ulid();
  const secret = randomBytes(32).toString('hex');
  return { keyId, key: `bo_${keyId}_${secret}`, prefix: `bo_${keyId}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** `{ keyId, secret }` of a well-formed key, or undefined: never throws on attacker input. */
export function parseApiKey(key: string): { keyId: string; secret: string } | undefined {
  const m = KEY_PATTERN.exec(key);
  return m ? { keyId: m[1]!, secret: m[2]! } : undefined;
}

/** Constant-time comparison of a presented secret against the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `Authorization: Bearer <key>` -> key, case-insensitive scheme, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}
