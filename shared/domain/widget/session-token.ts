import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Widget session tokens: compact JWS / JWT with HS256 (RFC 7515, RFC 7519), signed with the server's widget
 * session secret (`shared/ports/session-secret.ts`). Stateless: nothing is stored per session; a token is valid
 * until `exp`. Claims are short because the token travels with every widget request:
 *
 * - `sub` session id (ULID), `tid` team id, `bid` bot id;
 * - `kh` the first 16 hex characters of SHA-256(widget key), so a verifier can refuse sessions of a key that has
 *   since been regenerated;
 * - `org` the browser origin the session was issued to (null without one);
 * - `iat`, `exp` in epoch seconds; `iss` `botops`, `aud` `botops-widget`.
 */
export type WidgetSessionClaims = {
  iss: 'botops';
  aud: 'botops-widget';
  sub: string;
  tid: string;
  bid: string;
  kh: string;
  org: string | null;
  iat: number;
  exp: number;
};

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const mac = (data: string, secret: Buffer) => createHmac('sha256', secret).update(data).digest('base64url');
const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** `<header>.<claims>.<HMAC-SHA256>`, each part base64url (RFC 7515 compact serialisation). */
export function signWidgetSession(claims: WidgetSessionClaims, secret: Buffer): string {
  const body = `${HEADER}.${b64(JSON.stringify(claims))}`;
  return `${body}.${mac(body, secret)}`;
}

/**
 * The claims of a token this server signed that has not expired at `nowMs`, or undefined for anything else
 * (another alg, a bad signature, a wrong audience, expired, malformed). Never throws on attacker input.
 */
export function verifyWidgetSession(token: string, secret: Buffer, nowMs = Date.now()): WidgetSessionClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
  const expected = Buffer.from(mac(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as WidgetSessionClaims;
    if (claims.iss !== 'botops' || claims.aud !== 'botops-widget' || typeof claims.exp !== 'number') return undefined;
    return claims.exp * 1000 > nowMs ? claims : undefined;
  } catch {
    return undefined;
  }
}
