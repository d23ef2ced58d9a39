import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Runtime, startRuntime } from '../support/runtime.js';

/** The web widget over HTTP against `npm start`'s runtime: settings, roles, key rotation, sessions, CORS, rate limit, script. */
let rt: Runtime;
let admin: ReturnType<typeof client>;
let member: ReturnType<typeof client>;
let anon: ReturnType<typeof client>;
let team: string;
const SITE = 'https://shop.example.com';
const RATE_LIMIT = 4;

beforeAll(async () => {
  rt = await startRuntime({ env: { WIDGET_SESSION_RATE_LIMIT: String(RATE_LIMIT) } });
  admin = client(rt.baseUrl, rt.creds.apiKey);
  anon = client(rt.baseUrl);
  team = `/api/teams/${rt.creds.teamId}`;
  const m = await admin('POST', `${team}/members`, { email: `member-${Date.now()}@example.test`, role: 'member' });
  const k = await admin('POST', `${team}/api-keys`, { name: 'member key', memberId: m.json.id });
  member = client(rt.baseUrl, k.json.key);
});
afterAll(() => rt?.stop());

const newBot = async (body: Record<string, unknown> = {}) => {
  const r = await admin('POST', `${team}/bots`, { name: 'Widget bot', ...body });
  expect(r.status).toBe(201);
  return r.json.id as string;
};
/** A bot with its widget enabled for `allowedDomains`, and its key in clear. */
const liveWidget = async (allowedDomains: string[] = [SITE]) => {
  const id = await newBot();
  expect((await admin('PUT', `${team}/bots/${id}/widget`, { enabled: true, allowedDomains })).status).toBe(200);
  const key = (await admin('POST', `${team}/bots/${id}/widget/key/reveal`)).json.apiKey as string;
  return { id, key };
};
const session = (key: string | undefined, origin?: string) =>
  anon('POST', '/widget/v1/sessions', undefined, { ...(key !== undefined ? { 'x-widget-key': key } : {}), ...(origin ? { origin } : {}) });

describe('widget settings', () => {
  it('starts disabled with a masked key and embed code, open to any origin, and keeps the key out of the bot', async () => {
    const id = await newBot();
    const r = await member('GET', `${team}/bots/${id}/widget`);
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"v1"');
    expect(r.json).toMatchObject({
      botId: id,
      enabled: false,
      allowedDomains: [],
      allowsAnyOrigin: true,
      scriptUrl: `${rt.baseUrl}/widget/v1/widget.js`,
    });
    expect(r.json.apiKey).toMatch(/^wk_\*{4}[A-Za-z0-9_-]{4}$/);
    expect(r.json.embedCode).toBe(
      `<script src="${rt.baseUrl}/widget/v1/widget.js" data-bot-id="${id}" data-widget-key="${r.json.apiKey}" async></script>`,
    );

    const revealed = await admin('POST', `${team}/bots/${id}/widget/key/reveal`);
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    expect(revealed.json.apiKey.slice(-4)).toBe(r.json.apiKey.slice(-4));
    expect(revealed.json.embedCode).toContain(`data-widget-key="${revealed.json.apiKey}"`);
    const bot = await admin('GET', `${team}/bots/${id}`);
    expect(bot.text).not.toContain(revealed.json.apiKey);
    expect(bot.json).not.toHaveProperty('widget');
  });

  it('lets members read but only admins change, reveal or regenerate', async () => {
    const id = await newBot();
    for (const [m, p, b] of [
      ['PUT', 'widget', { enabled: true }],
      ['POST', 'widget/key/reveal'],
      ['POST', 'widget/key/regenerate'],
    ] as const) {
      const r = await member(m, `${team}/bots/${id}/${p}`, b);
      expect(r.status, `${m} ${p}`).toBe(403);
    }
    expect((await member('GET', `${team}/bots/${id}/widget`)).status).toBe(200);
    expect((await anon('GET', `${team}/bots/${id}/widget`)).status).toBe(401);
    expect((await admin('GET', `${team}/bots/01J0000000000000000000000B/widget`)).status).toBe(404);
  });

  it('validates and normalises allowed domains, one value shared with PUT /bots', async () => {
    const id = await newBot({ allowedDomains: ['docsbot.ai', 'app.docsbot.ai'] });
    expect((await admin('GET', `${team}/bots/${id}/widget`)).json).toMatchObject({
      allowedDomains: ['docsbot.ai', 'app.docsbot.ai'],
      allowsAnyOrigin: false,
    });

    const bad = await admin('PUT', `${team}/bots/${id}/widget`, {
      allowedDomains: ['ok.example.com', 'https://x.example.com/path', '*'],
      enabled: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['allowedDomains[1]', 'allowedDomains[2]', 'enabled']);
    expect((await admin('PUT', `${team}/bots/${id}/widget`, { apiKey: 'wk_mine' })).status).toBe(400);
    expect((await admin('PUT', `${team}/bots/${id}/widget`, {})).status).toBe(400);

    const ok = await admin('PUT', `${team}/bots/${id}/widget`, {
      enabled: true,
      allowedDomains: ['HTTPS://Shop.Example.com:443/', '*.Example.org', 'https://shop.example.com'],
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ enabled: true, allowedDomains: ['https://shop.example.com', '*.example.org'], allowsAnyOrigin: false });
    expect((await admin('GET', `${team}/bots/${id}`)).json.allowedDomains).toEqual(['https://shop.example.com', '*.example.org']);

    const viaBot = await admin('PUT', `${team}/bots/${id}`, { allowedDomains: ['Docsbot.ai'] });
    expect(viaBot.json.allowedDomains).toEqual(['docsbot.ai']);
    const viaBotBad = await admin('PUT', `${team}/bots/${id}`, { allowedDomains: ['https://a.test/x'] });
    expect(viaBotBad.json.errors).toEqual([expect.objectContaining({ path: 'allowedDomains[0]', step: 'widget' })]);
    const now = await admin('GET', `${team}/bots/${id}/widget`);
    expect(now.json).toMatchObject({ enabled: true, allowedDomains: ['docsbot.ai'] });

    expect((await admin('PUT', `${team}/bots/${id}/widget`, { allowedDomains: [] }, { 'if-match': '"v1"' })).status).toBe(412);
    const cleared = await admin('PUT', `${team}/bots/${id}/widget`, { allowedDomains: [] }, { 'if-match': now.headers.get('etag')! });
    expect(cleared.json).toMatchObject({ allowedDomains: [], allowsAnyOrigin: true });
  });

  it('audits updates, reveals and regenerations under the widget module, never with the key', async () => {
    const { id, key } = await liveWidget();
    await admin('POST', `${team}/bots/${id}/widget/key/regenerate`);
    const log = await admin('GET', `${team}/audit-logs?module=widget&botId=${id}`);
    expect(log.json.items.map((e: { action: string }) => e.action)).toEqual(['regenerate_key', 'reveal_key', 'update']);
    expect(log.json.items[2].changes).toEqual({ enabled: { before: false, after: true }, allowedDomains: { before: [], after: [SITE] } });
    expect(log.text).not.toContain(key.slice(3));
  });
});

describe('widget sessions over HTTP', () => {
  it('answers an allowed origin with a session and CORS headers for exactly that origin', async () => {
    const { id, key } = await liveWidget();
    const pre = await anon('OPTIONS', `/widget/v1/sessions?botId=${id}`, undefined, {
      origin: SITE,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-widget-key',
    });
    expect(pre.status).toBe(204);
    expect(Object.fromEntries([...pre.headers].filter(([k]) => k.startsWith('access-control') || k === 'vary'))).toEqual({
      'access-control-allow-origin': SITE,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'X-Widget-Key, Content-Type',
      'access-control-max-age': '600',
      vary: 'Origin',
    });

    const r = await session(key, SITE);
    expect(r.status).toBe(201);
    expect(r.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    expect(r.headers.get('vary')).toBe('Origin');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json).toMatchObject({
      botId: id,
      appearance: { name: 'Widget bot', color: '#1292EE', icon: 'default', alignment: 'right', labels: { floatingButton: 'Help' } },
    });
    expect(r.json.sessionId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(r.json.token.split('.')).toHaveLength(3);
    const ttl = new Date(r.json.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(800_000);
    expect(ttl).toBeLessThanOrEqual(900_000);
  });

  it('refuses a foreign origin at the preflight and at the POST, with no CORS allowance', async () => {
    const { id, key } = await liveWidget();
    const pre = await anon('OPTIONS', `/widget/v1/sessions?botId=${id}`, undefined, { origin: 'https://evil.example' });
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const r = await session(key, 'https://evil.example');
    expect(r.status).toBe(403);
    expect(r.json.reason).toBe('origin_not_allowed');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.headers.get('vary')).toBe('Origin');
    expect((await session(key)).status).toBe(403); // no Origin while the list is not empty
    expect((await anon('OPTIONS', '/widget/v1/sessions', undefined, { origin: SITE })).status).toBe(403); // no ?botId=
  });

  it('answers 401 for a missing, malformed or unknown key', async () => {
    const { key } = await liveWidget();
    for (const k of [undefined, '', 'wk_nope', `${key.slice(0, -2)}zz`, `wk_01J0000000000000000000000B_${'a'.repeat(43)}`]) {
      const r = await session(k, SITE);
      expect(r.status, String(k)).toBe(401);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('refuses the old key from the regenerate on, serves the new one, and a disabled widget or paused bot gets 403', async () => {
    const { id, key: oldKey } = await liveWidget();
    expect((await session(oldKey, SITE)).status).toBe(201);
    const regen = await admin('POST', `${team}/bots/${id}/widget/key/regenerate`);
    expect(regen.status).toBe(200);
    const newKey = regen.json.apiKey as string;
    expect(regen.json.embedCode).toContain(`data-widget-key="${newKey}"`);
    const old = await session(oldKey, SITE);
    expect(old.status).toBe(401);
    expect(old.headers.get('access-control-allow-origin')).toBe(SITE);
    expect((await session(newKey, SITE)).status).toBe(201);
    expect((await admin('GET', `${team}/bots/${id}/widget`)).json.apiKey).toBe(`wk_****${newKey.slice(-4)}`);

    await admin('PUT', `${team}/bots/${id}/widget`, { enabled: false });
    const disabled = await session(newKey, SITE);
    expect([disabled.status, disabled.json.reason]).toEqual([403, 'widget_disabled']);
  });

  it('rate-limits sessions per key with 429 and Retry-After', async () => {
    const { key } = await liveWidget();
    const { key: otherKey } = await liveWidget();
    for (let i = 0; i < RATE_LIMIT; i++) expect((await session(key, SITE)).status).toBe(201);
    const limited = await session(key, SITE);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect((await session(otherKey, SITE)).status).toBe(201);
  });
});

describe('widget script', () => {
  it('is served small, as JavaScript, cacheable and revalidated with its ETag', async () => {
    const r = await anon('GET', '/widget/v1/widget.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('public, max-age=300');
    expect(r.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(r.text).toContain('/* botops web widget v1 */');
    expect(Buffer.byteLength(r.text)).toBeLessThan(8_000);
    const etag = r.headers.get('etag')!;
    const again = await anon('GET', '/widget/v1/widget.js', undefined, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('and every widget route is in /openapi.json', async () => {
    const paths = (await anon('GET', '/openapi.json')).json.paths;
    expect(Object.keys(paths['/widget/v1/sessions']).sort()).toEqual(['options', 'post']);
    expect(paths['/api/teams/{teamId}/bots/{botId}/widget'].put.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'allowedDomains',
    );
    expect(paths['/api/teams/{teamId}/bots/{botId}/widget/key/regenerate']).toBeDefined();
  });
});
