import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Runtime, startRuntime } from '../support/runtime.js';

/*
 * 20 concurrent writes of each kind on one object, over HTTP against the local runtime: every answer is 2xx,
 * 409 or 412 (never a 5xx), the object ends in exactly the state of the change applied last, and each applied
 * change has one audit event (read newest first).
 */
let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;
const N = 20;

beforeAll(async () => {
  rt = await startRuntime();
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
});
afterAll(() => rt?.stop());

type Event = { action: string; targetId: string; botId?: string; changes: Record<string, { before: unknown; after: unknown }> };

async function auditOf(query: string, targetId?: string): Promise<Event[]> {
  const events: Event[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Event[]; nextCursor: string | null } = (
      await api('GET', `${team}/audit-logs?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)
    ).json;
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return targetId ? events.filter((e) => e.targetId === targetId) : events;
}

const allowed = [200, 201, 202, 204, 409, 412];
const burst = (n: number, request: (i: number) => Promise<{ status: number; text: string }>) =>
  Promise.all(Array.from({ length: n }, (_, i) => request(i)));
function expectOnlyAllowed(results: { status: number; text: string }[]) {
  for (const r of results) expect(allowed, r.text.slice(0, 300)).toContain(r.status);
}
const ok = (results: { status: number }[]) => results.filter((r) => r.status >= 200 && r.status < 300).length;

async function newBot(body: Record<string, unknown> = {}) {
  const r = await api('POST', `${team}/bots`, { name: `Concurrent ${Date.now()}`, ...body });
  expect(r.status).toBe(201);
  return r.json.id as string;
}

describe(`${N} concurrent writes on one object`, () => {
  it('bot updates: each 200 is one audit event and the bot holds the value of the newest one', async () => {
    const bot = await newBot();
    const results = await burst(N, (i) => api('PUT', `${team}/bots/${bot}`, { description: `version ${i}` }));
    expectOnlyAllowed(results);
    expect(ok(results)).toBeGreaterThan(0);
    const updates = await auditOf(`module=bots&action=update&botId=${bot}`);
    expect(updates).toHaveLength(ok(results));
    expect((await api('GET', `${team}/bots/${bot}`)).json.description).toBe(updates[0]!.changes.description!.after);
  });

  it('pause and resume: every 200 is audited and the bot is active exactly when the newest event says so', async () => {
    const bot = await newBot();
    const results = await burst(N, (i) => api('POST', `${team}/bots/${bot}/${i % 2 ? 'pause' : 'resume'}`));
    expectOnlyAllowed(results);
    const events = (await auditOf(`module=bots&botId=${bot}`)).filter((e) => e.action === 'pause' || e.action === 'resume');
    expect(events).toHaveLength(ok(results));
    expect((await api('GET', `${team}/bots/${bot}`)).json.active).toBe(events[0]!.action === 'resume');
  });

  it('contact bot status: the contact ends in the status of the newest audited change', async () => {
    const bot = await newBot({ mode: 'auto_pilot' });
    const path = `${team}/bots/${bot}/contacts/concurrent-contact/bot-status`;
    const results = await burst(N, (i) => api('PUT', path, { status: i % 2 ? 'inactive' : 'active' }));
    expectOnlyAllowed(results);
    const events = await auditOf(`module=contacts&botId=${bot}`);
    const status = (await api('GET', path)).json.status;
    if (events.length) expect(status).toBe(events[0]!.changes.status!.after);
    else expect(status).toBe('active');
    expect(events.length).toBeLessThanOrEqual(ok(results));
  });

  it('connector start, stop and restart: the connector ends in the status of the newest audited change', async () => {
    const bot = await newBot();
    const connector = (
      await api('POST', `${team}/bots/${bot}/connectors`, { name: 'c', environment: 'staging', healthCheckUrl: 'http://127.0.0.1:9/h' })
    ).json.id as string;
    const actions = ['start', 'stop', 'restart'];
    const results = await burst(N, (i) => api('POST', `${team}/connectors/${connector}/${actions[i % 3]}`));
    expectOnlyAllowed(results);
    const events = (await auditOf(`module=connectors&botId=${bot}`, connector)).filter((e) => e.changes.status);
    const status = (await api('GET', `${team}/connectors/${connector}`)).json.status;
    expect(status).toBe(events[0]?.changes.status?.after ?? 'stopped');
  });

  it("campaign start and stop: the campaign's status and its lock on the bot agree with the newest audited change", async () => {
    const bot = await newBot();
    const campaign = (await api('POST', `${team}/campaigns`, { name: 'Concurrent', botId: bot })).json.id as string;
    const results = await burst(N, (i) => api('POST', `${team}/campaigns/${campaign}/${i % 2 ? 'stop' : 'start'}`));
    expectOnlyAllowed(results);
    const events = (await auditOf('module=campaigns', campaign)).filter((e) => e.action === 'start' || e.action === 'stop');
    const status = (await api('GET', `${team}/campaigns/${campaign}`)).json.status;
    expect(status).toBe(events[0]?.action === 'start' ? 'running' : 'stopped');
    const locks = (await api('GET', `${team}/bots/${bot}`)).json.lockedByCampaigns as { id: string }[];
    expect(locks.some((l) => l.id === campaign)).toBe(status === 'running');
  });

  it("role changes racing key creation: every key minted acts with its member's final role", async () => {
    const member = (await api('POST', `${team}/members`, { email: `race-${Date.now()}@demo.test`, role: 'member' })).json.id as string;
    const results = await burst(N, (i) =>
      i % 2
        ? api('PATCH', `${team}/members/${member}`, { role: i % 4 === 1 ? 'admin' : 'member' })
        : api('POST', `${team}/api-keys`, { name: `race ${i}`, memberId: member }),
    );
    expectOnlyAllowed(results);
    const finalRole = (await api('GET', `${team}/members?limit=100`)).json.items.find((m: { id: string }) => m.id === member).role;
    const keys = results.filter((r) => r.status === 201).map((r) => JSON.parse(r.text).key as string);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const me = await client(rt.baseUrl, key)('GET', '/api/me');
      expect(me.json.role).toBe(finalRole);
    }
    const roleEvents = await auditOf('module=members&action=update', member);
    expect(roleEvents.length).toBeLessThanOrEqual(results.filter((r, i) => i % 2 && r.status === 200).length);
    if (roleEvents.length) expect(finalRole).toBe(roleEvents[0]!.changes.role!.after);
  });
});
