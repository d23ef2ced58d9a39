import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Endpoints, startEndpoints } from '../support/endpoints.js';
import { adminCreateTeam, client, type Runtime, startRuntime } from '../support/runtime.js';

/**
 * Connectors over HTTP against `npm start`'s runtime, with its health check every second and real local
 * endpoints (healthy, 500, hanging past the 5 s timeout, and one a test can switch).
 */
const INTERVAL_S = 1;
let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;
let ep: Endpoints;

beforeAll(async () => {
  ep = await startEndpoints();
  rt = await startRuntime({ env: { HEALTH_CHECK_INTERVAL_SECONDS: String(INTERVAL_S) } });
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
});
afterAll(async () => {
  await rt?.stop();
  await ep?.close();
});

const newBot = async () => (await api('POST', `${team}/bots`, { name: `Agent bot ${Date.now()}` })).json.id as string;
const newConnector = async (botId: string, body: Record<string, unknown>) => {
  const r = await api('POST', `${team}/bots/${botId}/connectors`, {
    name: 'agent',
    environment: 'production',
    healthCheckUrl: ep.url('/ok'),
    ...body,
  });
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string; status: string };
};
/** Polls the connector until `done` holds, or fails after `ms`; returns it and how long it took. */
async function until(id: string, done: (c: any) => boolean, ms: number) {
  const started = Date.now();
  for (;;) {
    const c = (await api('GET', `${team}/connectors/${id}`)).json;
    if (done(c)) return { c, elapsedMs: Date.now() - started };
    if (Date.now() - started > ms) throw new Error(`connector ${id} never matched within ${ms} ms: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('health checks', () => {
  it('moves a started connector to online within two check intervals', async () => {
    const bot = await newBot();
    const c = await newConnector(bot, {});
    expect(c.status).toBe('stopped');
    const started = await api('POST', `${team}/connectors/${c.id}/start`);
    expect(started.status).toBe(200);
    expect(started.json.status).toBe('starting');
    // two intervals, plus a margin for a loaded 2-core machine (polling, DynamoDB Local under load)
    const within = 2 * INTERVAL_S * 1000 + 3_000;
    const { c: online, elapsedMs } = await until(c.id, (x) => x.status === 'online', within);
    expect(elapsedMs).toBeLessThanOrEqual(within);
    expect(online).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(typeof online.lastLatencyMs).toBe('number');
    expect(Date.parse(online.lastCheckAt)).toBeGreaterThan(Date.parse(started.json.statusChangedAt) - 1);
  });

  it('moves an online connector to unhealthy after 3 failures in a row, and back when it answers', async () => {
    const bot = await newBot();
    const c = await newConnector(bot, { healthCheckUrl: ep.url(`/switch/${bot}`) });
    await api('POST', `${team}/connectors/${c.id}/start`);
    await until(c.id, (x) => x.status === 'online', 6_000);
    ep.set(bot, 'fail');
    const { c: failing } = await until(c.id, (x) => x.consecutiveFailures >= 1, 6_000);
    expect(failing).toMatchObject({ status: 'online', lastError: 'HTTP 500' });
    const { c: unhealthy } = await until(c.id, (x) => x.status === 'unhealthy', 10_000);
    expect(unhealthy).toMatchObject({ consecutiveFailures: 3, lastError: 'HTTP 500' });
    ep.set(bot, 'ok');
    await until(c.id, (x) => x.status === 'online', 6_000);

    const history = (await api('GET', `${team}/connectors/${c.id}/history`)).json.items.map((h: any) => `${h.from}->${h.to}`);
    expect(history).toEqual(['unhealthy->online', 'online->unhealthy', 'starting->online']);
    const audit = (await api('GET', `${team}/audit-logs?actorEmail=system:health-check&botId=${bot}`)).json.items;
    expect(audit.map((e: any) => e.changes.status.after)).toEqual(['online', 'unhealthy', 'online']);
  });

  it('shows why a connector does not come online: a 500 and a hang past the 5 s timeout', async () => {
    const bot = await newBot();
    const failing = await newConnector(bot, { healthCheckUrl: ep.url('/fail') });
    const hanging = await newConnector(bot, { healthCheckUrl: ep.url('/hang') });
    const healthy = await newConnector(bot, { healthCheckUrl: ep.url('/ok') });
    const bulk = await api('POST', `${team}/connectors/actions`, { action: 'start', connectorIds: [failing.id, hanging.id, healthy.id] });
    expect(bulk.json.results.every((r: any) => r.ok)).toBe(true);
    const { c: f } = await until(failing.id, (x) => x.consecutiveFailures >= 3, 10_000);
    expect(f).toMatchObject({ status: 'starting', lastError: 'HTTP 500' });
    await until(healthy.id, (x) => x.status === 'online', 6_000);
    const { c: h } = await until(hanging.id, (x) => x.consecutiveFailures >= 1, 12_000);
    expect(h).toMatchObject({ status: 'starting', lastError: 'timed out after 5000 ms' });
    expect(h.lastLatencyMs).toBeGreaterThanOrEqual(5000);

    const capacity = (await api('GET', `${team}/bots/${bot}/connectors/capacity?environment=production`)).json;
    expect(capacity).toMatchObject({ recommendedConnectors: 2, currentConnectors: 3, onlineConnectors: 1 });
    expect(capacity.warnings.find((w: any) => w.code === 'starting').connectorIds.sort()).toEqual([failing.id, hanging.id].sort());
    // stop them so they leave the health-check index
    await api('POST', `${team}/connectors/actions`, { action: 'stop', connectorIds: [failing.id, hanging.id, healthy.id] });
  });
});

describe('connector routes', () => {
  it('answers 409 to edit, redeploy and delete while online, and allows them once stopped', async () => {
    const bot = await newBot();
    const c = await newConnector(bot, {});
    await api('POST', `${team}/connectors/${c.id}/start`);
    await until(c.id, (x) => x.status === 'online', 6_000);
    for (const [m, p, b] of [
      ['PUT', `${team}/connectors/${c.id}`, { name: 'edited' }],
      ['POST', `${team}/connectors/${c.id}/redeploy`, { environment: 'staging' }],
      ['DELETE', `${team}/connectors/${c.id}`],
    ] as const) {
      const r = await api(m, p, b);
      expect(r.status, `${m} ${p}`).toBe(409);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
    }
    const stopped = await api('POST', `${team}/connectors/${c.id}/stop`);
    expect(stopped.json.status).toBe('stopped');
    const edited = await api('PUT', `${team}/connectors/${c.id}`, { name: 'edited' }, { 'If-Match': stopped.headers.get('etag')! });
    expect(edited.status).toBe(200);
    expect(edited.json.name).toBe('edited');
    const moved = await api('POST', `${team}/connectors/${c.id}/redeploy`, { environment: 'staging' });
    expect(moved.json).toMatchObject({ environment: 'staging', status: 'stopped' });
    expect((await api('DELETE', `${team}/connectors/${c.id}`)).status).toBe(204);
    expect((await api('GET', `${team}/connectors/${c.id}`)).status).toBe(404);
  });

  it('restarts 5 connectors in one call: 4 ok and one error entry for a foreign id', async () => {
    const bot = await newBot();
    const ours = [];
    for (let i = 0; i < 4; i++) ours.push((await newConnector(bot, { name: `n${i}`, environment: 'staging' })).id);
    const other = await adminCreateTeam(rt.dataDir, 'Other Co', `owner-${Date.now()}@other.test`);
    const otherApi = client(rt.baseUrl, other.apiKey);
    const theirBot = (await otherApi('POST', `/api/teams/${other.teamId}/bots`, { name: 'Theirs' })).json.id;
    const theirs = (
      await otherApi('POST', `/api/teams/${other.teamId}/bots/${theirBot}/connectors`, {
        name: 't',
        environment: 'staging',
        healthCheckUrl: ep.url('/ok'),
      })
    ).json.id;

    const r = await api('POST', `${team}/connectors/actions`, {
      action: 'restart',
      connectorIds: [...ours.slice(0, 2), theirs, ...ours.slice(2)],
    });
    expect(r.status).toBe(200);
    expect(r.json.results).toHaveLength(5);
    expect(r.json.results.filter((x: any) => x.ok).map((x: any) => x.status)).toEqual(['starting', 'starting', 'starting', 'starting']);
    expect(r.json.results[2]).toMatchObject({ connectorId: theirs, ok: false, error: { status: 404 } });
    expect((await otherApi('GET', `/api/teams/${other.teamId}/connectors/${theirs}`)).json.status).toBe('stopped');

    const tooMany = await api('POST', `${team}/connectors/actions`, {
      action: 'stop',
      connectorIds: Array.from({ length: 101 }, (_, i) => `id${i}`),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors[0].path).toBe('connectorIds');
    await api('POST', `${team}/connectors/actions`, { action: 'stop', connectorIds: ours });
  });

  it('counts metrics for staging without production, whatever other filters say', async () => {
    const other = await adminCreateTeam(rt.dataDir, 'Metrics Co', `owner-${Date.now()}@metrics.test`);
    const m = client(rt.baseUrl, other.apiKey);
    const base = `/api/teams/${other.teamId}`;
    const bot = (await m('POST', `${base}/bots`, { name: 'b' })).json.id;
    const make = async (environment: string) =>
      (await m('POST', `${base}/bots/${bot}/connectors`, { name: environment, environment, healthCheckUrl: ep.url('/ok') })).json
        .id as string;
    const s1 = await make('staging');
    await make('staging');
    const p1 = await make('production');
    await make('production');
    await make('production');
    await m('POST', `${base}/connectors/${s1}/start`);
    await m('POST', `${base}/connectors/${p1}/start`);
    const staging = await m('GET', `${base}/connectors/metrics?environment=staging&status=online&botId=${bot}`);
    expect(staging.status).toBe(200);
    expect(staging.json.environment).toBe('staging');
    expect(staging.json.total).toBe(2);
    expect(staging.json.counts.stopped).toBe(1);
    expect(staging.json.counts.starting + staging.json.counts.online).toBe(1);
    expect((await m('GET', `${base}/connectors/metrics?environment=production`)).json.total).toBe(3);
    const listed = await m('GET', `${base}/connectors?environment=staging&limit=1`);
    expect(listed.json.items).toHaveLength(1);
    expect(listed.json.nextCursor).toEqual(expect.any(String));
    await m('POST', `${base}/connectors/actions`, { action: 'stop', connectorIds: [s1, p1] });
  });

  it('recommends 4 connectors for 200 concurrent conversations and says what to do', async () => {
    const bot = await newBot();
    await newConnector(bot, {});
    const r = await api('GET', `${team}/bots/${bot}/connectors/capacity?environment=production&concurrentConversations=200`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ recommendedConnectors: 4, currentConnectors: 1, onlineConnectors: 0 });
    const codes = r.json.warnings.map((w: any) => w.code);
    expect(codes).toContain('failover');
    expect(codes).toContain('capacity');
    expect(r.json.warnings.find((w: any) => w.code === 'capacity').message).toMatch(/Add 3 connectors/);
    expect((await api('GET', `${team}/bots/${bot}/connectors/capacity?concurrentConversations=-1`)).status).toBe(400);
  });

  it('creates once per Idempotency-Key', async () => {
    const bot = await newBot();
    const body = { name: 'once', environment: 'staging', healthCheckUrl: ep.url('/ok') };
    const headers = { 'Idempotency-Key': `connector-${bot}` };
    const first = await api('POST', `${team}/bots/${bot}/connectors`, body, headers);
    const replay = await api('POST', `${team}/bots/${bot}/connectors`, body, headers);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.json.id).toBe(first.json.id);
    expect((await api('POST', `${team}/bots/${bot}/connectors`, { ...body, name: 'other' }, headers)).status).toBe(422);
    expect((await api('GET', `${team}/connectors?botId=${bot}`)).json.items).toHaveLength(1);
  });

  it('refuses private, link-local and metadata health-check URLs with 400 naming the field', async () => {
    const bot = await newBot();
    for (const url of ['http://10.0.0.1/', 'http://169.254.169.254/', 'http://192.168.1.10/health']) {
      const r = await api('POST', `${team}/bots/${bot}/connectors`, { name: 'x', environment: 'production', healthCheckUrl: url });
      expect(r.status, url).toBe(400);
      expect(r.json.errors[0].path).toBe('healthCheckUrl');
    }
    expect((await api('GET', `${team}/connectors?botId=${bot}`)).json.items).toEqual([]);
  });

  it('gives members read access only', async () => {
    const member = await api('POST', `${team}/members`, { email: `m-${Date.now()}@demo.test`, role: 'member' });
    const key = (await api('POST', `${team}/api-keys`, { name: 'member', memberId: member.json.id })).json.key;
    const asMember = client(rt.baseUrl, key);
    const bot = await newBot();
    const c = await newConnector(bot, {});
    expect((await asMember('GET', `${team}/connectors/${c.id}`)).status).toBe(200);
    expect((await asMember('GET', `${team}/connectors`)).status).toBe(200);
    expect((await asMember('POST', `${team}/connectors/${c.id}/start`)).status).toBe(403);
    expect(
      (await asMember('POST', `${team}/bots/${bot}/connectors`, { name: 'x', environment: 'staging', healthCheckUrl: ep.url('/ok') }))
        .status,
    ).toBe(403);
  });
});
