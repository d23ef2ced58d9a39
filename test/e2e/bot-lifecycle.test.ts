import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConfig } from '../../infra/local/config.js';
import { countPartition, writeContactItems } from '../support/bot-data.js';
import { adminCreateTeam, client, type Runtime, startRuntime } from '../support/runtime.js';

/** Bot lifecycle over HTTP against `npm start`: roles, reset + background purge, clone, campaign locks, numbers, post-call cache. */
let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;
let asMember: ReturnType<typeof client>;
/** The runtime's own table in the shared DynamoDB Local, to plant and count a bot's data. */
let ddb: DynamoDBDocumentClient;
const TABLE = localConfig().tableName;

beforeAll(async () => {
  rt = await startRuntime();
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
  const member = await api('POST', `${team}/members`, { email: `member-${Date.now()}@lifecycle.test`, role: 'member' });
  asMember = client(rt.baseUrl, (await api('POST', `${team}/api-keys`, { name: 'member', memberId: member.json.id })).json.key);
  ddb = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: process.env.DYNAMODB_ENDPOINT,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
});
afterAll(() => rt?.stop());

const newBot = async (body: Record<string, unknown> = {}) => {
  const r = await api('POST', `${team}/bots`, { name: 'Lifecycle bot', ...body });
  expect(r.status).toBe(201);
  return r.json as { id: string; name: string } & Record<string, unknown>;
};
const newCampaign = async (botId: string, name = 'Campaign') => {
  const r = await api('POST', `${team}/campaigns`, { name, botId });
  expect(r.status).toBe(201);
  return r.json as { id: string; name: string; status: string };
};

describe('roles', () => {
  it('gives members 403 on pause, resume, reset, delete and post-call cache actions, and 2xx on the day-to-day routes', async () => {
    const bot = await newBot();
    for (const [m, p] of [
      ['POST', `/bots/${bot.id}/pause`],
      ['POST', `/bots/${bot.id}/resume`],
      ['POST', `/bots/${bot.id}/reset`],
      ['DELETE', `/bots/${bot.id}`],
      ['POST', `/bots/${bot.id}/post-call-cache/enable`],
      ['POST', `/bots/${bot.id}/post-call-cache/disable`],
      ['POST', `/bots/${bot.id}/post-call-cache/refresh`],
    ] as const) {
      const r = await asMember(m, `${team}${p}`);
      expect(r.status, `${m} ${p}`).toBe(403);
    }
    expect((await api('GET', `${team}/bots/${bot.id}`)).json).toMatchObject({ active: true });
    expect((await asMember('PUT', `${team}/bots/${bot.id}`, { description: 'by a member' })).status).toBe(200);
    expect((await asMember('POST', `${team}/bots/${bot.id}/clone`)).status).toBe(201);
    expect((await asMember('GET', `${team}/bots/${bot.id}/post-call-cache`)).status).toBe(200);
    const c = await asMember('POST', `${team}/campaigns`, { name: 'Member campaign', botId: bot.id });
    expect(c.status).toBe(201);
    expect((await asMember('POST', `${team}/campaigns/${c.json.id}/start`)).status).toBe(200);
    expect((await asMember('POST', `${team}/campaigns/${c.json.id}/stop`)).status).toBe(200);
    expect((await asMember('DELETE', `${team}/campaigns/${c.json.id}`)).status).toBe(204);
    expect((await asMember('POST', `${team}/phone-numbers`, { number: '+15005550001', botId: bot.id })).status).toBe(201);
    expect((await asMember('DELETE', `${team}/phone-numbers/+15005550001`)).status).toBe(204);
  });
});

describe('pause and resume', () => {
  it('answers the bot with active false / true and a new ETag', async () => {
    const bot = await newBot();
    const etag = (await api('GET', `${team}/bots/${bot.id}`)).headers.get('etag');
    const paused = await api('POST', `${team}/bots/${bot.id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.json).toMatchObject({ id: bot.id, active: false });
    expect(paused.headers.get('etag')).not.toBe(etag);
    expect((await api('GET', `${team}/bots/${bot.id}`)).json.active).toBe(false);
    expect((await api('POST', `${team}/bots/${bot.id}/resume`)).json.active).toBe(true);
    const audit = (await api('GET', `${team}/audit-logs?botId=${bot.id}`)).json.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['resume', 'pause', 'create']);
  });
});

describe('reset', () => {
  it('answers {"message":"Bot reset"}, reads show no contacts at once, the configuration stays, the old data is purged', async () => {
    const bot = await newBot({ customPrompt: 'Keep me.', timezone: 'Asia/Tokyo' });
    await writeContactItems(ddb, TABLE, { teamId: rt.creds.teamId, botId: bot.id, generation: 0 }, 500);
    const before = (await api('GET', `${team}/bots/${bot.id}`)).json;
    const r = await api('POST', `${team}/bots/${bot.id}/reset`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ message: 'Bot reset' });
    const after = (await api('GET', `${team}/bots/${bot.id}`)).json;
    const { updatedAt: _a, ...keptBefore } = before;
    const { updatedAt: _b, ...keptAfter } = after;
    expect(keptAfter).toEqual(keptBefore);
    // contacts are read from the bot's current generation: 1 after one reset
    expect(await countPartition(ddb, TABLE, { teamId: rt.creds.teamId, botId: bot.id, generation: 1 })).toBe(0);
    await expect
      .poll(() => countPartition(ddb, TABLE, { teamId: rt.creds.teamId, botId: bot.id, generation: 0 }), { timeout: 20_000, interval: 250 })
      .toBe(0);
  });

  it('answers 404 for another team and for a missing bot', async () => {
    const other = await adminCreateTeam(rt.dataDir, 'Reset Other', `owner-${Date.now()}@other.test`);
    const theirs = (await client(rt.baseUrl, other.apiKey)('POST', `/api/teams/${other.teamId}/bots`, { name: 'Theirs' })).json.id;
    for (const path of [
      `${team}/bots/${theirs}/reset`,
      `/api/teams/${other.teamId}/bots/${theirs}/reset`,
      `${team}/bots/01ARZ3NDEKTSV4RRFFQ69G5FAV/reset`,
    ]) {
      expect((await api('POST', path)).status, path).toBe(404);
    }
  });
});

describe('clone', () => {
  it("answers 201 with a copy of the settings, replays an Idempotency-Key and 404s another team's bot", async () => {
    const bot = await newBot({ name: 'Receptionist', vad: { threshold: 0.8 }, qcPrompt: 'Grade.', allowedDomains: ['example.com'] });
    const key = `clone-${Date.now()}`;
    const first = await api('POST', `${team}/bots/${bot.id}/clone`, undefined, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`${team}/bots/${first.json.id}`);
    expect(first.json).toMatchObject({
      name: 'Receptionist (copy)',
      qcPrompt: 'Grade.',
      allowedDomains: ['example.com'],
      active: true,
      lockedByCampaigns: [],
    });
    expect(first.json.vad.threshold).toBe(0.8);
    expect(first.json.id).not.toBe(bot.id);
    const replay = await api('POST', `${team}/bots/${bot.id}/clone`, undefined, { 'idempotency-key': key });
    expect(replay.json.id).toBe(first.json.id);
    const list = (await api('GET', `${team}/bots?limit=100`)).json as { name: string }[];
    expect(list.filter((b) => b.name === 'Receptionist (copy)')).toHaveLength(1);
    const other = await adminCreateTeam(rt.dataDir, 'Clone Other', `owner-${Date.now()}@other.test`);
    const theirs = (await client(rt.baseUrl, other.apiKey)('POST', `/api/teams/${other.teamId}/bots`, { name: 'Theirs' })).json.id;
    expect((await api('POST', `${team}/bots/${theirs}/clone`)).status).toBe(404);
  });
});

describe('campaign locks', () => {
  it('blocks PUT (even with the ETag read before the start), DELETE and reset with 409 naming the campaign; GET shows the lock', async () => {
    const bot = await newBot();
    const c = await newCampaign(bot.id, 'Black Friday');
    expect(c.status).toBe('stopped');
    const etag = (await api('GET', `${team}/bots/${bot.id}`)).headers.get('etag')!;
    const started = await api('POST', `${team}/campaigns/${c.id}/start`);
    expect(started.json).toMatchObject({ id: c.id, status: 'running' });
    for (const [m, p, b, h] of [
      ['PUT', `/bots/${bot.id}`, { description: 'x' }, { 'if-match': etag }],
      ['PUT', `/bots/${bot.id}`, { description: 'x' }, {}],
      ['DELETE', `/bots/${bot.id}`, undefined, {}],
      ['POST', `/bots/${bot.id}/reset`, undefined, {}],
    ] as const) {
      const r = await api(m, `${team}${p}`, b, h);
      expect(r.status, `${m} ${p}`).toBe(409);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(r.json.detail).toContain('Black Friday');
      expect(r.json.campaigns).toEqual([{ id: c.id, name: 'Black Friday' }]);
    }
    expect((await api('GET', `${team}/bots/${bot.id}`)).json.lockedByCampaigns).toEqual([{ id: c.id, name: 'Black Friday' }]);
    expect((await api('DELETE', `${team}/campaigns/${c.id}`)).status).toBe(409);
    expect((await api('POST', `${team}/campaigns/${c.id}/start`)).status).toBe(409);
    expect((await api('POST', `${team}/campaigns/${c.id}/stop`)).json.status).toBe('stopped');
    expect((await api('PUT', `${team}/bots/${bot.id}`, { description: 'now' })).status).toBe(200);
    const listed = (await api('GET', `${team}/campaigns?limit=100`)).json;
    expect(listed.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: c.id, status: 'stopped', botId: bot.id })]));
    expect(listed).toHaveProperty('nextCursor');
    const got = await api('GET', `${team}/campaigns/${c.id}`);
    expect(got.headers.get('etag')).toMatch(/^"v\d+"$/);
    // a deleted bot takes its stopped campaigns with it
    expect((await api('DELETE', `${team}/bots/${bot.id}`)).json).toEqual({ message: 'Bot deleted' });
    expect((await api('GET', `${team}/campaigns/${c.id}`)).status).toBe(404);
  });

  it('validates campaign bodies and refuses unknown bots with 404 naming botId', async () => {
    const bad = await api('POST', `${team}/campaigns`, { name: '', botId: 'x', status: 'running' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'status']);
    const unknown = await api('POST', `${team}/campaigns`, { name: 'Ghost', botId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors).toEqual([{ path: 'botId', message: expect.any(String) }]);
  });
});

describe('phone numbers', () => {
  it('maps a number to one bot, lists it, releases it, and releases all of a deleted bot', async () => {
    const bot = await newBot();
    const other = await newBot({ name: 'Other' });
    const created = await api('POST', `${team}/phone-numbers`, { number: '+15005550100', botId: bot.id });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ number: '+15005550100', botId: bot.id, createdAt: expect.any(String) });
    const dup = await api('POST', `${team}/phone-numbers`, { number: '+15005550100', botId: other.id });
    expect(dup.status).toBe(409);
    expect(dup.json.detail).toContain(bot.id);
    const bad = await api('POST', `${team}/phone-numbers`, { number: '555-0100', botId: bot.id });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('number');
    await api('POST', `${team}/phone-numbers`, { number: '+15005550101', botId: bot.id });
    const listed = (await api('GET', `${team}/phone-numbers?limit=100`)).json.items as { number: string; botId: string }[];
    expect(listed.filter((n) => n.botId === bot.id).map((n) => n.number)).toEqual(['+15005550100', '+15005550101']);
    expect((await api('DELETE', `${team}/phone-numbers/%2B15005550101`)).status).toBe(204);
    expect((await api('DELETE', `${team}/phone-numbers/+15005550101`)).status).toBe(404);
    expect((await api('DELETE', `${team}/phone-numbers/not-a-number`)).status).toBe(400);
    expect((await api('DELETE', `${team}/bots/${bot.id}`)).status).toBe(200);
    expect((await api('POST', `${team}/phone-numbers`, { number: '+15005550100', botId: other.id })).status).toBe(201);
  });
});

describe('tenancy', () => {
  it("answers 404 for another team's campaigns, numbers and bots on every new route, and leaves them untouched", async () => {
    const other = await adminCreateTeam(rt.dataDir, 'Tenancy Other', `owner-${Date.now()}@other.test`);
    const theirApi = client(rt.baseUrl, other.apiKey);
    const theirTeam = `/api/teams/${other.teamId}`;
    const theirBot = (await theirApi('POST', `${theirTeam}/bots`, { name: 'Theirs' })).json.id as string;
    const theirCampaign = (await theirApi('POST', `${theirTeam}/campaigns`, { name: 'Theirs', botId: theirBot })).json.id as string;
    expect((await theirApi('POST', `${theirTeam}/phone-numbers`, { number: '+15005550999', botId: theirBot })).status).toBe(201);
    for (const [m, p, b] of [
      ['GET', `/campaigns/${theirCampaign}`],
      ['POST', `/campaigns/${theirCampaign}/start`],
      ['POST', `/campaigns/${theirCampaign}/stop`],
      ['DELETE', `/campaigns/${theirCampaign}`],
      ['DELETE', '/phone-numbers/+15005550999'],
      ['POST', `/bots/${theirBot}/pause`],
      ['POST', `/bots/${theirBot}/post-call-cache/enable`],
      ['GET', `/bots/${theirBot}/post-call-cache`],
      ['POST', '/campaigns', { name: 'Hijack', botId: theirBot }],
      ['POST', '/phone-numbers', { number: '+15005550998', botId: theirBot }],
    ] as const) {
      expect((await api(m, `${team}${p}`, b)).status, `${m} ${p}`).toBe(404);
      expect((await api(m, `${theirTeam}${p}`, b)).status, `${m} ${theirTeam}${p}`).toBe(404);
    }
    expect((await theirApi('GET', `${theirTeam}/campaigns/${theirCampaign}`)).json.status).toBe('stopped');
    expect((await theirApi('GET', `${theirTeam}/bots/${theirBot}`)).json.active).toBe(true);
    expect((await theirApi('GET', `${theirTeam}/phone-numbers`)).json.items).toHaveLength(1);
  });
});

describe('post-call cache', () => {
  it('shows the status, enables, refuses a refresh without prompts (409), refreshes with one', async () => {
    const bot = await newBot();
    const url = `${team}/bots/${bot.id}/post-call-cache`;
    expect((await api('GET', url)).json).toEqual({
      enabled: false,
      analysisPromptConfigured: false,
      qcPromptConfigured: false,
      version: 1,
      refreshedBy: null,
      refreshedAt: null,
    });
    expect((await api('POST', `${url}/enable`)).json.enabled).toBe(true);
    const refused = await api('POST', `${url}/refresh`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    await api('PUT', `${team}/bots/${bot.id}`, { analysisPrompt: 'Summarise the call.' });
    const refreshed = await api('POST', `${url}/refresh`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ enabled: true, analysisPromptConfigured: true, version: 2, refreshedBy: rt.creds.email });
    expect((await api('POST', `${url}/disable`)).json).toMatchObject({ enabled: false, version: 2 });
    expect((await api('GET', `${team}/bots/${bot.id}`)).json.postCallCache).toMatchObject({
      enabled: false,
      version: 2,
      refreshedBy: rt.creds.email,
    });
  });
});

describe('wizard validation', () => {
  it('answers errors in behavior and identity together with firstInvalidStep "identity"', async () => {
    const r = await api('POST', `${team}/bots`, {
      name: 'Wizard',
      timezone: 'Moon/Base',
      vad: { silenceMs: 10 },
      reEngagement: { retries: 99 },
    });
    expect(r.status).toBe(400);
    expect(r.json.firstInvalidStep).toBe('identity');
    expect(r.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'timezone', step: 'identity' }),
        expect.objectContaining({ path: 'vad.silenceMs', step: 'behavior' }),
        expect.objectContaining({ path: 'reEngagement.retries', step: 'behavior' }),
      ]),
    );
  });
});
