import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCreateTeam, client, type Runtime, startRuntime } from '../support/runtime.js';

/** The foundation over HTTP, against `npm start`'s runtime: tenancy, roles, bad input, ETags, idempotency, keys. */
let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;

beforeAll(async () => {
  rt = await startRuntime();
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
});
afterAll(() => rt?.stop());

const newBot = async (name = 'Support bot') => {
  const r = await api('POST', `${team}/bots`, { name });
  expect(r.status).toBe(201);
  return r.json as { id: string; name: string };
};
const auditCount = async () => (await api('GET', `${team}/audit-logs?limit=100`)).json.items.length as number;

describe('public routes', () => {
  it('serves /health and a generated OpenAPI 3.1 document without a key', async () => {
    const anon = client(rt.baseUrl);
    expect((await anon('GET', '/health')).json).toEqual({ status: 'ok' });
    const doc = (await anon('GET', '/openapi.json')).json;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/teams/{teamId}/bots'].post.requestBody.content['application/json'].schema.properties.name).toBeDefined();
  });
});

describe('tenancy', () => {
  it("answers 404 for every bot route with another team's team id or bot id", async () => {
    const other = await adminCreateTeam(rt.dataDir, 'Other Co', `owner-${Date.now()}@other.test`);
    const otherApi = client(rt.baseUrl, other.apiKey);
    const theirBot = (await otherApi('POST', `/api/teams/${other.teamId}/bots`, { name: 'Theirs' })).json.id as string;
    const ours = await newBot();

    // our key, their team id
    for (const [m, p, b] of [
      ['GET', `/api/teams/${other.teamId}/bots`],
      ['POST', `/api/teams/${other.teamId}/bots`, { name: 'x' }],
      ['GET', `/api/teams/${other.teamId}/bots/${theirBot}`],
      ['PUT', `/api/teams/${other.teamId}/bots/${theirBot}`, { name: 'pwned' }],
      ['DELETE', `/api/teams/${other.teamId}/bots/${theirBot}`],
      ['GET', `/api/teams/${other.teamId}`],
      ['GET', `/api/teams/${other.teamId}/audit-logs`],
    ] as const) {
      const r = await api(m, p, b);
      expect(r.status, `${m} ${p}`).toBe(404);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
    }
    // our team id, their bot id: indistinguishable from a missing id
    const missing = await api('GET', `${team}/bots/01ARZ3NDEKTSV4RRFFQ69G5FAV`);
    for (const [m, b] of [['GET'], ['PUT', { name: 'pwned' }], ['DELETE']] as const) {
      const r = await api(m, `${team}/bots/${theirBot}`, b);
      expect(r.status, m).toBe(404);
      expect(r.json.detail).toBe(missing.json.detail);
    }
    // their bot is untouched, ours is still there
    expect((await otherApi('GET', `/api/teams/${other.teamId}/bots/${theirBot}`)).json.name).toBe('Theirs');
    expect((await api('GET', `${team}/bots/${ours.id}`)).status).toBe(200);
  });
});

describe('roles', () => {
  it('gives a member key 403 on admin routes and 2xx on member routes', async () => {
    const email = `member-${Date.now()}@demo.test`;
    const member = await api('POST', `${team}/members`, { email, role: 'member' });
    expect(member.status).toBe(201);
    const key = await api('POST', `${team}/api-keys`, { name: 'member key', memberId: member.json.id });
    expect(key.status).toBe(201);
    const asMember = client(rt.baseUrl, key.json.key);
    const bot = await newBot();

    expect((await asMember('GET', `${team}/bots`)).status).toBe(200);
    expect((await asMember('PUT', `${team}/bots/${bot.id}`, { description: 'edited by a member' })).status).toBe(200);
    for (const [m, p, b] of [
      ['DELETE', `${team}/bots/${bot.id}`],
      ['GET', `${team}/audit-logs`],
      ['POST', `${team}/members`, { email: 'x@y.test', role: 'admin' }],
      ['GET', `${team}/api-keys`],
    ] as const) {
      const r = await asMember(m, p, b);
      expect(r.status, `${m} ${p}`).toBe(403);
      expect(r.json.title).toBe('Forbidden');
    }
    expect((await api('GET', `${team}/bots/${bot.id}`)).status).toBe(200);
  });

  it('lets only a super_admin grant super_admin, and keeps the last super_admin', async () => {
    const admin = await api('POST', `${team}/members`, { email: `admin-${Date.now()}@demo.test`, role: 'admin' });
    const adminKey = (await api('POST', `${team}/api-keys`, { name: 'admin', memberId: admin.json.id })).json.key;
    const asAdmin = client(rt.baseUrl, adminKey);
    const r = await asAdmin('POST', `${team}/members`, { email: `sa-${Date.now()}@demo.test`, role: 'super_admin' });
    expect(r.status).toBe(403);
    const demote = await api('PATCH', `${team}/members/${rt.creds.memberId}`, { role: 'admin' });
    expect(demote.status).toBe(409);
    const remove = await api('DELETE', `${team}/members/${rt.creds.memberId}`);
    expect(remove.status).toBe(409);
    expect((await api('GET', `${team}`)).status).toBe(200);
  });
});

describe('bad input', () => {
  it('answers malformed JSON, unknown fields, wrong types and a 300 KiB body with 400/413 problem+json and changes nothing', async () => {
    const bot = await newBot('Stable');
    const before = (await api('GET', `${team}/bots/${bot.id}`)).json;
    const events = await auditCount();
    const cases: [string, unknown, number, string?][] = [
      ['{"name": "x",}', undefined, 400, '(body)'],
      [JSON.stringify({ id: 'X' }), undefined, 400, 'id'],
      [JSON.stringify({ teamId: 'X' }), undefined, 400, 'teamId'],
      [JSON.stringify({ createdAt: '2020-01-01T00:00:00Z' }), undefined, 400, 'createdAt'],
      [JSON.stringify({ questionCount: 99 }), undefined, 400, 'questionCount'],
      [JSON.stringify({ name: 42 }), undefined, 400, 'name'],
      [JSON.stringify({ color: 'blue' }), undefined, 400, 'color'],
      [JSON.stringify({ description: 'x'.repeat(300 * 1024) }), undefined, 413],
    ];
    for (const [raw, , status, path] of cases) {
      const r = await api('PUT', `${team}/bots/${bot.id}`, raw);
      expect(r.status, raw.slice(0, 40)).toBe(status);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(r.json.status).toBe(status);
      if (path) expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const created = await api('POST', `${team}/bots`, { name: 'x', id: 'mine', createdAt: 'then' });
    expect(created.status).toBe(400);
    expect((await api('GET', `${team}/bots/${bot.id}`)).json).toEqual(before);
    expect(await auditCount()).toBe(events);
  });

  it('names the wizard step of each error and the first invalid step', async () => {
    const bot = await newBot();
    const r = await api('PUT', `${team}/bots/${bot.id}`, { maxCallDurationSeconds: 5, name: '' });
    expect(r.status).toBe(400);
    expect(r.json.firstInvalidStep).toBe('identity');
    expect(r.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'maxCallDurationSeconds', step: 'behavior' }),
        expect.objectContaining({ path: 'name', step: 'identity' }),
      ]),
    );
  });

  it('refuses a tampered or foreign cursor with 400', async () => {
    const foreign = Buffer.from(JSON.stringify({ PK: 'TEAM#01ARZ3NDEKTSV4RRFFQ69G5FAV', SK: 'BOT#x' })).toString('base64url');
    expect((await api('GET', `${team}/bots?cursor=${foreign}`)).status).toBe(400);
    expect((await api('GET', `${team}/bots?cursor=not-a-cursor`)).status).toBe(400);
    expect((await api('GET', `${team}/bots?limit=500`)).status).toBe(400);
  });
});

describe('concurrency and idempotency', () => {
  it('answers a stale If-Match with 412 and applies a current one', async () => {
    const bot = await newBot();
    const got = await api('GET', `${team}/bots/${bot.id}`);
    const etag = got.headers.get('etag')!;
    expect((await api('PUT', `${team}/bots/${bot.id}`, { description: 'first' }, { 'if-match': etag })).status).toBe(200);
    const stale = await api('PUT', `${team}/bots/${bot.id}`, { description: 'second' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect((await api('GET', `${team}/bots/${bot.id}`)).json.description).toBe('first');
  });

  it('gives unversioned objects an ETag too, and answers a stale If-Match on PATCH member with 412', async () => {
    const teamRes = await api('GET', team);
    expect(teamRes.headers.get('etag')).toMatch(/^"h[0-9a-f]{16}"$/);
    const m = await api('POST', `${team}/members`, { email: `etag-${Date.now()}@demo.test`, role: 'member' });
    const etag = m.headers.get('etag')!;
    expect((await api('PATCH', `${team}/members/${m.json.id}`, { role: 'admin' }, { 'if-match': etag })).status).toBe(200);
    const stale = await api('PATCH', `${team}/members/${m.json.id}`, { role: 'member' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    const members = (await api('GET', `${team}/members?limit=100`)).json.items as { id: string; role: string }[];
    expect(members.find((x) => x.id === m.json.id)?.role).toBe('admin');
  });

  it('creates one bot when the same Idempotency-Key is sent 5 times at once', async () => {
    const name = `Idem ${Date.now()}`;
    const key = `idem-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => api('POST', `${team}/bots`, { name }, { 'idempotency-key': key })));
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(new Set(created.map((r) => r.json.id)).size).toBe(1);
    const replay = await api('POST', `${team}/bots`, { name }, { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    expect(replay.json.id).toBe(created[0]!.json.id);
    const list = (await api('GET', `${team}/bots?limit=100`)).json as { name: string }[];
    expect(list.filter((b) => b.name === name)).toHaveLength(1);
    const reused = await api('POST', `${team}/bots`, { name: 'different body' }, { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    // neither the 409s nor the 422 released the key: the first answer still replays
    const again = await api('POST', `${team}/bots`, { name }, { 'idempotency-key': key });
    expect(again.json.id).toBe(created[0]!.json.id);
  });
});

describe('GET /api/me', () => {
  it("answers the calling key's team, member and role, for any role, and 401 without a key", async () => {
    const me = await api('GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.json).toEqual({
      teamId: rt.creds.teamId,
      teamName: 'Demo Team',
      memberId: rt.creds.memberId,
      email: rt.creds.email,
      role: 'super_admin',
    });
    const email = `me-${Date.now()}@demo.test`;
    const member = (await api('POST', `${team}/members`, { email, role: 'member' })).json;
    const key = (await api('POST', `${team}/api-keys`, { name: 'member key', memberId: member.id })).json.key as string;
    const asMember = await client(rt.baseUrl, key)('GET', '/api/me');
    expect(asMember.json).toMatchObject({ teamId: rt.creds.teamId, memberId: member.id, email, role: 'member' });
    const anon = await client(rt.baseUrl)('GET', '/api/me');
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('Idempotency-Key scope', () => {
  it('never replays another path: cloning bot B with the key used for bot A clones B', async () => {
    const a = await newBot('Clone source A');
    const b = await newBot('Clone source B');
    const key = `clone-${Date.now()}`;
    const ca = await api('POST', `${team}/bots/${a.id}/clone`, undefined, { 'idempotency-key': key });
    const cb = await api('POST', `${team}/bots/${b.id}/clone`, undefined, { 'idempotency-key': key });
    expect([ca.status, cb.status]).toEqual([201, 201]);
    expect(ca.json.name).toContain('Clone source A');
    expect(cb.json.name).toContain('Clone source B');
    expect(cb.json.id).not.toBe(ca.json.id);
    // the same path and key still replays
    const again = await api('POST', `${team}/bots/${a.id}/clone`, undefined, { 'idempotency-key': key });
    expect(again.json.id).toBe(ca.json.id);
  });

  it("never hands one caller another caller's response, and never replays an API key in clear", async () => {
    const email = `admin-${Date.now()}@demo.test`;
    const admin = await api('POST', `${team}/members`, { email, role: 'admin' });
    const adminKey = (await api('POST', `${team}/api-keys`, { name: 'admin key', memberId: admin.json.id })).json.key as string;
    const asAdmin = client(rt.baseUrl, adminKey);
    const idem = `keys-${Date.now()}`;
    const mine = await api('POST', `${team}/api-keys`, { name: 'ci' }, { 'idempotency-key': idem });
    expect(mine.status).toBe(201);
    expect(mine.json.key).toMatch(/^bo_/);
    // the admin reuses the super admin's Idempotency-Key with the same body: a key of their own, not the super admin's
    const theirs = await asAdmin('POST', `${team}/api-keys`, { name: 'ci' }, { 'idempotency-key': idem });
    expect(theirs.status).toBe(201);
    expect(theirs.json.id).not.toBe(mine.json.id);
    expect(theirs.json.memberId).toBe(admin.json.id);
    expect(theirs.json.key).not.toBe(mine.json.key);
    // the caller's own replay: the same key id, the secret redacted and said so
    const replay = await api('POST', `${team}/api-keys`, { name: 'ci' }, { 'idempotency-key': idem });
    expect(replay.status).toBe(201);
    expect(replay.json).toMatchObject({ id: mine.json.id, key: null, redactedOnReplay: ['key'] });
    expect(JSON.stringify(replay.json)).not.toContain(mine.json.key);
    const keys = (await api('GET', `${team}/api-keys?limit=100`)).json.items as { name: string; memberId: string }[];
    expect(keys.filter((k) => k.name === 'ci' && k.memberId === rt.creds.memberId)).toHaveLength(1);
  });
});

describe('API keys', () => {
  it('rejects a revoked key and the keys of a removed member with 401 at once', async () => {
    const k = await api('POST', `${team}/api-keys`, { name: 'temp' });
    expect(k.status).toBe(201);
    expect(k.json.key).toMatch(/^bo_/);
    const listed = (await api('GET', `${team}/api-keys?limit=100`)).json.items as Record<string, unknown>[];
    const row = listed.find((i) => i.id === k.json.id)!;
    expect(row).toMatchObject({ name: 'temp', prefix: k.json.prefix });
    expect(JSON.stringify(listed)).not.toContain(k.json.key.split('_')[2]);
    const temp = client(rt.baseUrl, k.json.key);
    expect((await temp('GET', `${team}/bots`)).status).toBe(200);
    expect((await api('DELETE', `${team}/api-keys/${k.json.id}`)).status).toBe(204);
    const after = await temp('GET', `${team}/bots`);
    expect(after.status).toBe(401);
    expect(after.headers.get('content-type')).toBe('application/problem+json');

    const m = await api('POST', `${team}/members`, { email: `leaver-${Date.now()}@demo.test`, role: 'admin' });
    const mk = client(rt.baseUrl, (await api('POST', `${team}/api-keys`, { name: 'leaver', memberId: m.json.id })).json.key);
    expect((await mk('GET', `${team}/bots`)).status).toBe(200);
    expect((await api('DELETE', `${team}/members/${m.json.id}`)).status).toBe(204);
    expect((await mk('GET', `${team}/bots`)).status).toBe(401);
  });

  it('answers 401 without a key or with a malformed one', async () => {
    expect((await client(rt.baseUrl)('GET', `${team}/bots`)).status).toBe(401);
    expect(
      (await client(rt.baseUrl, 'c0f5c347f0138f76a005921ec723f38185554327f69349dcf220a6f6531ab673')('GET', `${team}/bots`)).status,
    ).toBe(401);
  });
});

describe('audit log', () => {
  it('records who changed what, filterable by module, action, actor and bot', async () => {
    const bot = await newBot('Audited');
    await api('PUT', `${team}/bots/${bot.id}`, { description: 'new text' });
    const byBot = (await api('GET', `${team}/audit-logs?botId=${bot.id}`)).json.items;
    expect(byBot.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(byBot[0]).toMatchObject({
      actorEmail: rt.creds.email,
      actorRole: 'super_admin',
      module: 'bots',
      targetId: bot.id,
      changes: { description: { before: '', after: 'new text' } },
    });
    const updates = (await api('GET', `${team}/audit-logs?module=bots&action=update&limit=100`)).json.items;
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((e: { module: string; action: string }) => e.module === 'bots' && e.action === 'update')).toBe(true);
    const mine = (await api('GET', `${team}/audit-logs?actorEmail=${encodeURIComponent(rt.creds.email)}&limit=5`)).json;
    expect(mine.items).toHaveLength(5);
    expect(mine.nextCursor).toEqual(expect.any(String));
    const page2 = (
      await api('GET', `${team}/audit-logs?actorEmail=${encodeURIComponent(rt.creds.email)}&limit=5&cursor=${mine.nextCursor}`)
    ).json.items;
    expect(page2[0].at <= mine.items[4].at).toBe(true);
    expect(page2.map((e: { id: string }) => e.id)).not.toContain(mine.items[4].id);
    const future = (await api('GET', `${team}/audit-logs?from=2999-01-01T00:00:00Z`)).json.items;
    expect(future).toEqual([]);
  });
});
