import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Runtime, startRuntime } from '../support/runtime.js';

/** Input that used to answer 5xx or a misleading problem, over HTTP against the local runtime. */
let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;

beforeAll(async () => {
  rt = await startRuntime();
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
});
afterAll(() => rt?.stop());

const paths = (r: { json: { errors?: { path: string }[] } }) => (r.json.errors ?? []).map((e) => e.path);

describe('audit log time ranges', () => {
  it('answers 400 naming the field for a reversed range, and for an export starting in the future', async () => {
    const reversed = await api('GET', `${team}/audit-logs?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z`);
    expect(reversed.status).toBe(400);
    expect(paths(reversed)).toEqual(['to']);
    // a list from the future is simply empty; an export covers the events up to now, so it refuses one
    const future = await api('GET', `${team}/audit-logs?from=2999-01-01T00:00:00Z`);
    expect(future.status).toBe(200);
    expect(future.json.items).toEqual([]);
    const futureExport = await api('POST', `${team}/audit-logs/exports`, { from: '2999-01-01T00:00:00Z' });
    expect(futureExport.status).toBe(400);
    expect(paths(futureExport)).toEqual(['from']);
    // a future window with both ends is a valid, empty range
    const empty = await api('GET', `${team}/audit-logs?from=2998-01-01T00:00:00Z&to=2999-01-01T00:00:00Z`);
    expect(empty.status).toBe(200);
    expect(empty.json.items).toEqual([]);
  });
});

describe('problem details', () => {
  it("keeps the HTTP status in a 409's status member and names the connector's state apart", async () => {
    const bot = (await api('POST', `${team}/bots`, { name: 'Problem bot' })).json.id as string;
    const c = (
      await api('POST', `${team}/bots/${bot}/connectors`, { name: 'c', environment: 'staging', healthCheckUrl: 'http://127.0.0.1:9/h' })
    ).json.id as string;
    await api('POST', `${team}/connectors/${c}/start`);
    const r = await api('POST', `${team}/connectors/${c}/redeploy`, { environment: 'production' });
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ status: 409, title: 'Conflict', connectorStatus: 'starting' });
  });
});

describe('large bot configurations', () => {
  const prompts = (c: string) => ({
    customPrompt: c.repeat(20_000),
    policy: c.repeat(20_000),
    analysisPrompt: c.repeat(20_000),
    qcPrompt: c.repeat(20_000),
  });
  const tools = (c: string) =>
    Array.from({ length: 50 }, (_, i) => ({ name: `t${i}`, description: c.repeat(1000), url: `https://example.com/${c.repeat(1900)}` }));

  it('audits a change of a 230 KB configuration into another, keeping sizes and hashes of the values it cannot store', async () => {
    const bot = (await api('POST', `${team}/bots`, { name: 'Big' })).json.id as string;
    for (const c of ['p', 'q']) {
      const r = await api('PUT', `${team}/bots/${bot}`, { ...prompts(c), tools: tools(c) });
      expect(r.status).toBe(200);
      expect(r.json.customPrompt).toBe(c.repeat(20_000));
    }
    const events = (await api('GET', `${team}/audit-logs?botId=${bot}&action=update`)).json.items as { changes: Record<string, any> }[];
    expect(events).toHaveLength(2);
    const latest = events[0]!.changes;
    expect(Object.keys(latest).sort()).toEqual(['analysisPrompt', 'customPrompt', 'policy', 'qcPrompt', 'tools']);
    const omitted = Object.values(latest)
      .flatMap((c) => [c.before, c.after])
      .filter((v) => v?.omitted);
    expect(omitted.length).toBeGreaterThan(0);
    for (const v of omitted) expect(v).toMatchObject({ bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses with 400, naming the fields, an update that would make the bot larger than DynamoDB stores', async () => {
    const bot = (await api('POST', `${team}/bots`, { name: 'Bigger' })).json.id as string;
    expect((await api('PUT', `${team}/bots/${bot}`, prompts('中'))).status).toBe(200);
    const r = await api('PUT', `${team}/bots/${bot}`, { tools: tools('t') });
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['tools']);
    expect(r.json.detail).toContain('350000');
    expect((await api('GET', `${team}/bots/${bot}`)).json.tools).toEqual([]);
  });
});

describe('admin-only bot fields', () => {
  it('refuses a member changing allowedDomains through the bot routes, as the widget route does, and lets unchanged values and admins pass', async () => {
    const email = `member-${Date.now()}@demo.test`;
    const member = (await api('POST', `${team}/members`, { email, role: 'member' })).json.id as string;
    const asMember = client(rt.baseUrl, (await api('POST', `${team}/api-keys`, { name: 'm', memberId: member })).json.key as string);
    const bot = (await api('POST', `${team}/bots`, { name: 'Widget bot', allowedDomains: ['shop.example.com'] })).json;

    const viaWidget = await asMember('PUT', `${team}/bots/${bot.id}/widget`, { allowedDomains: ['evil.example'] });
    expect(viaWidget.status).toBe(403);
    const viaUpdate = await asMember('PUT', `${team}/bots/${bot.id}`, { allowedDomains: ['evil.example'] });
    expect(viaUpdate.status).toBe(403);
    expect(viaUpdate.json.errors).toEqual([{ path: 'allowedDomains', message: 'needs the admin role' }]);
    const viaCreate = await asMember('POST', `${team}/bots`, { name: 'Sneaky', allowedDomains: ['evil.example'] });
    expect(viaCreate.status).toBe(403);
    expect((await api('GET', `${team}/bots/${bot.id}`)).json.allowedDomains).toEqual(['shop.example.com']);

    // a member's wizard sends the whole configuration back: unchanged domains are no change
    const whole = await asMember('PUT', `${team}/bots/${bot.id}`, { name: 'Renamed', allowedDomains: ['shop.example.com'] });
    expect(whole.status).toBe(200);
    expect((await api('PUT', `${team}/bots/${bot.id}`, { allowedDomains: ['new.example.com'] })).status).toBe(200);
  });
});
