import { describe, expect, it } from 'vitest';
import { bearerToken, generateApiKey, parseApiKey, secretMatches } from '../../shared/auth/api-keys.js';
import { decodeCursor, encodeCursor } from '../../shared/db/cursor.js';
import { durationMs } from '../../shared/domain/duration.js';
import { requiredVersion } from '../../shared/http/etag.js';
import { InvalidCursor } from '../../shared/db/errors.js';
import { outboundUrlProblem } from '../../shared/net/url-safety.js';

describe('API keys', () => {
  it('generates bo_<keyId>_<secret> keys whose secret only matches its own hash', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    const parsed = parseApiKey(a.key)!;
    expect(parsed.keyId).toBe(a.keyId);
    expect(a.prefix).toBe(`bo_${a.keyId}`);
    expect(a.secretHash).not.toContain(parsed.secret);
    expect(secretMatches(parsed.secret, a.secretHash)).toBe(true);
    expect(secretMatches(parsed.secret, b.secretHash)).toBe(false);
    expect(secretMatches(parsed.secret, 'abc')).toBe(false);
  });

  it('refuses malformed keys and headers without throwing', () => {
    expect(parseApiKey('c0f5c347f0138f76a005921ec723f38185554327f69349dcf220a6f6531ab673')).toBeUndefined();
    expect(parseApiKey('bo_short_abc')).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('bearer  tok ')).toBe('tok');
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('cursors', () => {
  const expectKeys = { partition: { PK: 'TEAM#A' }, sortAttrs: ['SK'] };
  it('round-trips a key of the expected partition', () => {
    const c = encodeCursor({ PK: 'TEAM#A', SK: 'BOT#1' })!;
    expect(decodeCursor(c, expectKeys)).toEqual({ PK: 'TEAM#A', SK: 'BOT#1' });
    expect(encodeCursor(undefined)).toBeNull();
  });
  it('answers 400 for a foreign, extended or garbled cursor', () => {
    for (const bad of [
      encodeCursor({ PK: 'TEAM#B', SK: 'BOT#1' })!,
      encodeCursor({ PK: 'TEAM#A', SK: 'BOT#1', GSI9PK: 'x' })!,
      Buffer.from('{"PK":"TEAM#A","SK":1}').toString('base64url'),
      '%%%',
      Buffer.from('[1]').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad, expectKeys), bad).toThrowError(InvalidCursor);
    }
  });
});

describe('ISO-8601 durations', () => {
  it('converts days, hours, minutes and seconds to milliseconds', () => {
    expect(durationMs('PT2H')).toBe(7_200_000);
    expect(durationMs('P1DT30M')).toBe(86_400_000 + 1_800_000);
    expect(durationMs('PT1.5S')).toBe(1500);
  });
  it('refuses years, months, weeks and empty designators', () => {
    for (const v of ['P1Y', 'P1M', 'P1W', 'P', 'PT', '2H', 'PT-1H']) expect(durationMs(v), v).toBeUndefined();
  });
});

describe('If-Match', () => {
  it('reads our strong tags, treats * and absence as unconditional, and fails anything else with 412', () => {
    expect(requiredVersion('"v7"')).toBe(7);
    expect(requiredVersion(undefined)).toBeUndefined();
    expect(requiredVersion('*')).toBeUndefined();
    for (const v of ['W/"v7"', '"v7", "v8"', 'v7'])
      expect(() => requiredVersion(v)).toThrowError(expect.objectContaining({ statusCode: 412 }));
  });
});

describe('outbound URL safety', () => {
  it('allows public https and refuses http, private, loopback, link-local and metadata addresses', () => {
    expect(outboundUrlProblem('https://crm.example.com/hook', { local: false })).toBeUndefined();
    for (const u of [
      'http://crm.example.com/',
      'https://10.0.0.1/',
      'https://169.254.169.254/latest',
      'http://169.254.169.254/',
      'https://127.0.0.1/',
      'https://localhost/',
      'https://[::1]/',
      'https://[fd00::1]/',
      'https://192.168.1.2/',
      'https://172.20.0.1/',
      'https://metadata.google.internal/',
      'https://[::ffff:10.0.0.1]/',
      'https://user:pw@example.com/',
      'not a url',
    ]) {
      expect(outboundUrlProblem(u, { local: false }), u).toBeDefined();
    }
  });
  it('allows loopback http only in local mode, and never the metadata address', () => {
    expect(outboundUrlProblem('http://127.0.0.1:8080/health', { local: true })).toBeUndefined();
    expect(outboundUrlProblem('http://169.254.169.254/', { local: true })).toBeDefined();
    expect(outboundUrlProblem('http://10.0.0.1/', { local: true })).toBeDefined();
  });
});
