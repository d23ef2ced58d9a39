import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildNewBot, toBot } from '../../shared/domain/bots/model.js';
import { BotUpdateInput } from '../../shared/domain/bots/schema.js';
import { WIDGET_JS } from '../../shared/domain/widget/client-script.js';
import { generateWidgetKey, maskWidgetKey, parseWidgetKey, widgetKeyMatches } from '../../shared/domain/widget/key.js';
import { originAllowed, parseAllowedDomain } from '../../shared/domain/widget/origins.js';
import { WidgetSettingsInput, allowedDomainsSchema } from '../../shared/domain/widget/schema.js';
import { type WidgetSessionClaims, signWidgetSession, verifyWidgetSession } from '../../shared/domain/widget/session-token.js';
import { embedCode } from '../../shared/domain/widget/widget.js';
import { corsHeaders, preflightHeaders } from '../../shared/http/cors.js';
import { resetWidgetSessionSecretCache, widgetSessionSecret } from '../../shared/ports/session-secret.js';
import { resetConfig } from '../../shared/config.js';

const BOT = '01J0000000000000000000000B';

describe('allowed domains', () => {
  it('normalises entries (case, default port, trailing slash) and drops duplicates, keeping order', () => {
    const out = allowedDomainsSchema.parse([
      'Docsbot.AI',
      'HTTPS://Shop.Example.com:443/',
      'http://127.0.0.1:8080',
      '*.Example.com',
      'docsbot.ai',
      'https://shop.example.com',
      'http://a.test:80',
    ]);
    expect(out).toEqual(['docsbot.ai', 'https://shop.example.com', 'http://127.0.0.1:8080', '*.example.com', 'http://a.test']);
  });

  it.each([
    ['https://example.com/path', /hostname/],
    ['ftp://example.com', /hostname/],
    ['*', /hostname/],
    ['*.com', /two labels/],
    ['example.com:0', /1-65535/],
    ['example.com:70000', /1-65535/],
    ['user@example.com', /hostname/],
    ['https://example.com?x=1', /hostname/],
    ['[::1]', /hostname/],
    ['', /hostname/],
  ])('refuses %j', (entry, message) => {
    const parsed = parseAllowedDomain(entry);
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(message);
  });

  it('names the offending entry in PUT /bots and PUT /widget alike', () => {
    for (const schema of [BotUpdateInput, WidgetSettingsInput]) {
      const r = schema.safeParse({ allowedDomains: ['ok.example.com', 'https://bad.example.com/x'] });
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.path)).toEqual([['allowedDomains', 1]]);
    }
    expect(WidgetSettingsInput.safeParse({}).success).toBe(false);
    expect(WidgetSettingsInput.safeParse({ enabled: true, apiKey: 'x' }).success).toBe(false);
    expect(allowedDomainsSchema.safeParse(Array.from({ length: 51 }, (_, i) => `d${i}.example.com`)).success).toBe(false);
  });

  it('matches origins: hostnames on http(s) and any port, origins exactly, wildcards on subdomains only', () => {
    const list = [
      'docsbot.ai',
      'https://shop.example.com',
      'http://127.0.0.1:5173',
      '*.example.org',
      'https://*.example.net:8443',
      'legacy.test:8080',
    ];
    const allowed = (o: string | undefined) => originAllowed(o, list);
    expect(allowed('https://docsbot.ai')).toBe(true);
    expect(allowed('http://docsbot.ai:3000')).toBe(true);
    expect(allowed('https://app.docsbot.ai')).toBe(false);
    expect(allowed('https://shop.example.com')).toBe(true);
    expect(allowed('http://shop.example.com')).toBe(false);
    expect(allowed('https://shop.example.com:8443')).toBe(false);
    expect(allowed('http://127.0.0.1:5173')).toBe(true);
    expect(allowed('http://127.0.0.1:5174')).toBe(false);
    expect(allowed('https://a.example.org')).toBe(true);
    expect(allowed('http://a.b.example.org')).toBe(true);
    expect(allowed('https://example.org')).toBe(false);
    expect(allowed('https://badexample.org')).toBe(false);
    expect(allowed('https://x.example.net:8443')).toBe(true);
    expect(allowed('https://x.example.net')).toBe(false);
    expect(allowed('http://legacy.test:8080')).toBe(true);
    expect(allowed('http://legacy.test')).toBe(false);
    // not origins
    expect(allowed(undefined)).toBe(false);
    expect(allowed('null')).toBe(false);
    expect(allowed('https://docsbot.ai/')).toBe(false);
    expect(allowed('https://docsbot.ai/page')).toBe(false);
    expect(allowed('file:///etc/passwd')).toBe(false);
  });

  it('allows every caller when the list is empty, with or without an Origin', () => {
    expect(originAllowed('https://anyone.example', [])).toBe(true);
    expect(originAllowed(undefined, [])).toBe(true);
  });
});

describe('widget key', () => {
  it('names its bot, masks to wk_****<last 4>, and compares exactly', () => {
    const key = generateWidgetKey(BOT);
    expect(key).toMatch(/^wk_01J0000000000000000000000B_[A-Za-z0-9_-]{43}$/);
    expect(parseWidgetKey(key)).toEqual({ botId: BOT });
    expect(maskWidgetKey(key)).toBe(`wk_****${key.slice(-4)}`);
    expect(widgetKeyMatches(key, key)).toBe(true);
    expect(widgetKeyMatches(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, key)).toBe(false);
    expect(widgetKeyMatches('short', key)).toBe(false);
    for (const bad of [undefined, '', 'wk_x', `bo_${BOT}_${'a'.repeat(43)}`, `wk_${BOT.toLowerCase()}_${'a'.repeat(43)}`, `${key}=`])
      expect(parseWidgetKey(bad)).toBeUndefined();
  });

  it('gives every new bot (and so every clone) its own disabled widget and key, never in the bot object', () => {
    const a = buildNewBot({ name: 'A' });
    const b = buildNewBot({ name: 'A' });
    expect(a.widget).toMatchObject({ enabled: false });
    expect(parseWidgetKey(a.widget!.key)).toEqual({ botId: a.id });
    expect(a.widget!.key).not.toBe(b.widget!.key);
    expect(a.GSI1PK).toBe(`BOTID#${a.id}`);
    const api = toBot(a as unknown as Record<string, unknown>);
    expect(api).not.toHaveProperty('widget');
    expect(api).not.toHaveProperty('GSI1PK');
    expect(JSON.stringify(api)).not.toContain(a.widget!.key);
  });

  it('embeds the key in a script tag that escapes attribute values', () => {
    expect(embedCode('https://api.example.com', BOT, 'wk_x')).toBe(
      `<script src="https://api.example.com/widget/v1/widget.js" data-bot-id="${BOT}" data-widget-key="wk_x" async></script>`,
    );
    expect(embedCode('https://a"b<c&d', BOT, 'k')).toContain('src="https://a&quot;b&lt;c&amp;d/widget/v1/widget.js"');
  });
});

describe('session token', () => {
  const secret = Buffer.from('0123456789abcdef0123456789abcdef');
  const claims: WidgetSessionClaims = {
    iss: 'botops',
    aud: 'botops-widget',
    sub: 'S',
    tid: 'T',
    bid: BOT,
    kh: 'abcd',
    org: 'https://a.test',
    iat: 1_000,
    exp: 2_000,
  };

  it('verifies its own signature until exp, and nothing else', () => {
    const token = signWidgetSession(claims, secret);
    expect(token.split('.')).toHaveLength(3);
    expect(verifyWidgetSession(token, secret, 1_500_000)).toEqual(claims);
    expect(verifyWidgetSession(token, secret, 2_000_000)).toBeUndefined();
    expect(verifyWidgetSession(token, Buffer.from('another secret, 32 bytes long...'), 1_500_000)).toBeUndefined();
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, bid: 'OTHER' })).toString('base64url');
    expect(verifyWidgetSession(`${h}.${forged}.${s}`, secret, 1_500_000)).toBeUndefined();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyWidgetSession(`${none}.${p}.`, secret, 1_500_000)).toBeUndefined();
    expect(verifyWidgetSession('garbage', secret)).toBeUndefined();
    const wrongAudience = signWidgetSession({ ...claims, aud: 'other' as 'botops-widget' }, secret);
    expect(verifyWidgetSession(wrongAudience, secret, 1_500_000)).toBeUndefined();
  });
});

describe('session secret port', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetConfig();
    resetWidgetSessionSecretCache();
    vi.unstubAllGlobals();
  });

  it('locally creates a 0600 file once and reads the same secret back', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'botops-secret-')), 'nested', 'widget-session-secret');
    process.env.WIDGET_SESSION_SECRET_FILE = file;
    resetConfig();
    const first = await widgetSessionSecret();
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    resetWidgetSessionSecretCache();
    expect((await widgetSessionSecret()).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(first.toString('hex'));
  });

  it('on AWS asks the Parameters and Secrets extension with the function session token, and caches 5 minutes', async () => {
    process.env.WIDGET_SESSION_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:widget-AbCdEf';
    process.env.AWS_SESSION_TOKEN = 'session-token';
    process.env.LOCAL_MODE = 'false';
    resetConfig();
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ SecretString: 'x'.repeat(64) }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    expect((await widgetSessionSecret(0)).toString()).toBe('x'.repeat(64));
    await widgetSessionSecret(299_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(
      'http://localhost:2773/secretsmanager/get?secretId=arn%3Aaws%3Asecretsmanager%3Aeu-west-1%3A123456789012%3Asecret%3Awidget-AbCdEf',
    );
    expect(init.headers).toEqual({ 'X-Aws-Parameters-Secrets-Token': 'session-token' });
    await widgetSessionSecret(301_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('fails loudly on AWS without a secret ARN, or when the extension refuses', async () => {
    process.env.LOCAL_MODE = 'false';
    delete process.env.WIDGET_SESSION_SECRET_ARN;
    resetConfig();
    await expect(widgetSessionSecret()).rejects.toThrow(/WIDGET_SESSION_SECRET_ARN/);
    process.env.WIDGET_SESSION_SECRET_ARN = 'arn:x';
    resetConfig();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('denied', { status: 400 })),
    );
    await expect(widgetSessionSecret()).rejects.toThrow(/answered 400/);
  });
});

describe('CORS headers', () => {
  it('reflects only an allowed origin, always varies on Origin, never * nor credentials', () => {
    expect(corsHeaders('https://a.test', true, ['Retry-After'])).toEqual({
      Vary: 'Origin',
      'Access-Control-Allow-Origin': 'https://a.test',
      'Access-Control-Expose-Headers': 'Retry-After',
    });
    expect(corsHeaders('https://a.test', false)).toEqual({ Vary: 'Origin' });
    expect(corsHeaders(undefined, true)).toEqual({ Vary: 'Origin' });
    const pre = preflightHeaders('https://a.test', ['POST'], ['X-Widget-Key'], 600);
    expect(pre).toMatchObject({
      'Access-Control-Allow-Origin': 'https://a.test',
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Max-Age': '600',
    });
    expect(JSON.stringify(pre)).not.toMatch(/Credentials|"\*"/);
  });
});

describe('widget.js', () => {
  it('is small, valid JavaScript, and never writes server strings as HTML', () => {
    expect(() => new Script(WIDGET_JS)).not.toThrow();
    expect(Buffer.byteLength(WIDGET_JS)).toBeLessThan(8_000);
    expect(WIDGET_JS).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });
});
