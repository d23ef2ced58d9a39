import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The web widget key: masked by default, revealable, regenerable.
 *
 * Format `wk_<botId>_<secret>`: the bot id (a ULID) tells the public session route which bot the key claims,
 * and the secret is 32 random bytes, base64url (43 characters). It is a *publishable* key, like Stripe's
 * `pk_...`: the embed code puts it in the HTML of every page that shows the widget, so anyone visiting such a
 * page can read it. What it protects is therefore not secrecy but scope: sessions are only issued to the bot's
 * allowed origins, while the widget is enabled and the bot active, at a bounded rate; and an admin can replace
 * it at once when a copy is abused. For that reason the key is kept in plain text on the bot item (encrypted at
 * rest by DynamoDB like every item), never returned by the bot API (`toBot` strips it), masked in
 * `GET .../widget`, and shown only by the admin routes reveal (audited) and regenerate (audited). Encrypting it
 * with a data key would add a KMS call to every reveal and protect nothing a page view does not already show.
 */
export type WidgetState = {
  enabled: boolean;
  key: string;
  /** ISO-8601 time the current key was created (bot creation or the last regenerate). */
  keyCreatedAt: string;
};

const KEY_PATTERN = /^wk_([0-9A-HJKMNP-TV-Z]{26})_([A-Za-z0-9_-]{43})$/;

/** A new key for `botId`: `wk_<botId>_<43 base64url characters>` (256 random bits). */
export function generateWidgetKey(botId: string): string {
  return `wk_${botId}_${randomBytes(32).toString('base64url')}`;
}

/** A new bot's widget: disabled, with a fresh key ("New bots have the widget disabled and a key"). */
export function newWidgetState(botId: string, now = new Date().toISOString()): WidgetState {
  return { enabled: false, key: generateWidgetKey(botId), keyCreatedAt: now };
}

/** The bot id a well-formed key names, or undefined: never throws on attacker input. */
export function parseWidgetKey(key: string | undefined): { botId: string } | undefined {
  const m = key ? KEY_PATTERN.exec(key) : null;
  return m ? { botId: m[1]! } : undefined;
}

/** `wk_****a1b2`: enough to tell two keys apart, nothing to use. */
export function maskWidgetKey(key: string): string {
  return `wk_****${key.slice(-4)}`;
}

/** SHA-256 of the key, hex: names the key in rate-limit counters and session tokens without holding it. */
export function widgetKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented key with the stored one (their digests have equal length). */
export function widgetKeyMatches(presented: string, stored: string): boolean {
  return timingSafeEqual(Buffer.from(widgetKeyHash(presented), 'hex'), Buffer.from(widgetKeyHash(stored), 'hex'));
}
