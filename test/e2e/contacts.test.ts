import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCreateTeam, client, type Runtime, startRuntime } from '../support/runtime.js';

/**
 * Contact bot status over HTTP against `npm start`'s runtime, timers included: the local runtime's timer poller
 * fires them through functions/reactivate-contact.ts. Spec: timers fire within 2 s of due locally.
 */
let rt: Runtime;
let api: ReturnType<typeof client>;
let team: string;

beforeAll(async () => {
  rt = await startRuntime();
  api = client(rt.baseUrl, rt.creds.apiKey);
  team = `/api/teams/${rt.creds.teamId}`;
});
afterAll(() => rt?.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const newBot = async (body: Record<string, unknown> = {}) => {
  const r = await api('POST', `${team}/bots`, { name: 'Contact bot', ...body });
  expect(r.status).toBe(201);
  return r.json.id as string;
};
const statusPath = (botId: string, contactId: string) => `${team}/bots/${botId}/contacts/${encodeURIComponent(contactId)}/bot-status`;
const messagesPath = (botId: string, contactId: string) => `${team}/bots/${botId}/contacts/${encodeURIComponent(contactId)}/messages`;

/** When the scheduler reactivated the contact: its `reactivate` audit event's commit time. */
async function reactivatedAt(
  call: ReturnType<typeof client>,
  teamPath: string,
  botId: string,
  contactId: string,
): Promise<number | undefined> {
  const r = await call('GET', `${teamPath}/audit-logs?botId=${botId}&actorEmail=system:scheduler&limit=100`);
  const e = (r.json.items as { action: string; targetId: string; at: string }[]).find(
    (i) => i.action === 'reactivate' && i.targetId === contactId,
  );
  return e ? Date.parse(e.at) : undefined;
}

/** Polls the status until active or `timeoutMs`; returns when it was seen active (or undefined). */
async function waitActive(call: ReturnType<typeof client>, path: string, timeoutMs: number): Promise<number | undefined> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if ((await call('GET', path)).json.status === 'active') return Date.now();
    await sleep(100);
  }
  return undefined;
}

describe('contact bot status routes', () => {
  it('refuses bot replies while the bot is paused (POST .../pause) and takes them again after resume', async () => {
    const botId = await newBot();
    expect((await api('POST', `${team}/bots/${botId}/pause`)).json.active).toBe(false);
    const refused = await api('POST', messagesPath(botId, 'crm-paused'), { sender: 'bot', text: 'hello?' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    // a human may still write to the contact while the bot is paused
    expect((await api('POST', messagesPath(botId, 'crm-paused'), { sender: 'contact', text: 'anyone?' })).status).toBe(201);
    expect((await api('GET', statusPath(botId, 'crm-paused'))).json.botMessageCount).toBe(0);
    await api('POST', `${team}/bots/${botId}/resume`);
    const ok = await api('POST', messagesPath(botId, 'crm-paused'), { sender: 'bot', text: 'back' });
    expect(ok.status).toBe(201);
    expect(ok.json.botMessageCount).toBe(1);
  });

  it('answers an unseen contact as active with count 0 and an ETag, and validates every input', async () => {
    const botId = await newBot();
    const r = await api('GET', statusPath(botId, '+14155550123'));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      contactId: '+14155550123',
      status: 'active',
      reason: null,
      reactivateAt: null,
      botMessageCount: 0,
      updatedAt: null,
    });
    expect(r.headers.get('etag')).toBe('"v0"');

    const bad = await api('GET', statusPath(botId, 'a#b'));
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('contactId');
    for (const [body, path] of [
      [{ status: 'active', reactivateAfter: 'PT1H' }, 'reactivateAfter'],
      [{ status: 'inactive', reactivateAt: '2001-01-01T00:00:00Z' }, 'reactivateAt'],
      [{ status: 'inactive', reactivateAfter: 'soon' }, 'reactivateAfter'],
      [{ status: 'inactive', botMessageCount: 0 }, 'botMessageCount'],
    ] as const) {
      const res = await api('PUT', statusPath(botId, 'c1'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const msg = await api('POST', messagesPath(botId, 'c1'), { sender: 'robot' });
    expect(msg.status).toBe(400);
    expect(msg.json.errors[0].path).toBe('sender');
  });

  it("answers 409 on every contact route in mode off and 404 for another team's bot", async () => {
    const off = await newBot({ mode: 'off' });
    for (const [m, p, b] of [
      ['GET', statusPath(off, 'c1')],
      ['PUT', statusPath(off, 'c1'), { status: 'inactive' }],
      ['POST', messagesPath(off, 'c1'), { sender: 'contact' }],
      ['GET', `${team}/bots/${off}/contacts?status=inactive`],
    ] as const) {
      const r = await api(m, p, b);
      expect(r.status, `${m} ${p}`).toBe(409);
      expect(r.json.detail).toMatch(/mode is "off"/);
    }
    const other = await adminCreateTeam(rt.dataDir, 'Other Co', `owner-${Date.now()}@other.test`);
    const theirs = (await client(rt.baseUrl, other.apiKey)('POST', `/api/teams/${other.teamId}/bots`, { name: 'Theirs' })).json
      .id as string;
    expect((await api('GET', statusPath(theirs, 'c1'))).status).toBe(404);
    expect((await api('POST', messagesPath(theirs, 'c1'), { sender: 'bot' })).status).toBe(404);
  });

  it('turns a contact off on a manual message, refuses bot replies until reactivated, resets the count, honours If-Match', async () => {
    const botId = await newBot({ sleepOnManualMessage: true });
    const first = await api('POST', messagesPath(botId, 'jane@example.com'), { sender: 'bot', text: 'Hi Jane' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'active', botMessageCount: 1, messageId: expect.any(String) });
    const manual = await api('POST', messagesPath(botId, 'jane@example.com'), { sender: 'manual', text: 'Agent here' });
    expect(manual.json).toMatchObject({ status: 'inactive', reason: 'manual_message', reactivateAt: null, botMessageCount: 1 });
    const refused = await api('POST', messagesPath(botId, 'jane@example.com'), { sender: 'bot', text: 'Can I help?' });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      status: 409,
      title: 'Conflict',
      contactStatus: 'inactive',
      reason: 'manual_message',
      reactivateAt: null,
    });

    const stale = await api('PUT', statusPath(botId, 'jane@example.com'), { status: 'active' }, { 'If-Match': '"v1"' });
    expect(stale.status).toBe(412);
    const active = await api(
      'PUT',
      statusPath(botId, 'jane@example.com'),
      { status: 'active' },
      { 'If-Match': manual.headers.get('etag')! },
    );
    expect(active.status).toBe(200);
    expect(active.json).toMatchObject({ status: 'active', reason: null, botMessageCount: 0 });
    expect((await api('POST', messagesPath(botId, 'jane@example.com'), { sender: 'bot' })).status).toBe(201);

    const list = await api('GET', `${team}/bots/${botId}/contacts?status=active&limit=10`);
    expect(list.json).toEqual({
      items: [expect.objectContaining({ contactId: 'jane@example.com', botMessageCount: 1 })],
      nextCursor: null,
    });
    expect((await api('GET', `${team}/bots/${botId}/contacts?status=paused`)).status).toBe(400);
  });

  it('replays a message posted again with the same Idempotency-Key instead of counting it twice', async () => {
    const botId = await newBot();
    const headers = { 'Idempotency-Key': `msg-${Date.now()}` };
    const a = await api('POST', messagesPath(botId, 'c9'), { sender: 'bot', text: 'once' }, headers);
    const b = await api('POST', messagesPath(botId, 'c9'), { sender: 'bot', text: 'once' }, headers);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.json.messageId).toBe(a.json.messageId);
    expect((await api('GET', statusPath(botId, 'c9'))).json.botMessageCount).toBe(1);
  });

  it('lets exactly 10 of 20 concurrent bot messages through against a limit of 10, with one message_limit turn-off', async () => {
    const botId = await newBot({ maxMessagesPerContact: 10, autoReactivateAfter: 'PT1H' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api('POST', messagesPath(botId, 'crm-777'), { sender: 'bot', text: `reply ${i}` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(10).fill(409)]);
    const final = await api('GET', statusPath(botId, 'crm-777'));
    expect(final.json).toMatchObject({ status: 'inactive', reason: 'message_limit', botMessageCount: 10 });
    expect(Date.parse(final.json.reactivateAt) - Date.parse(final.json.updatedAt)).toBe(3_600_000);
    const audit = await api('GET', `${team}/audit-logs?botId=${botId}&module=contacts&limit=100`);
    expect(
      audit.json.items.map((e: { action: string; changes: { reason?: { after: string } } }) => [e.action, e.changes.reason?.after]),
    ).toEqual([['deactivate', 'message_limit']]);
  });
});

describe.concurrent('contact timers on the local runtime', () => {
  it('reactivates a contact paused with reactivateAfter PT2S within 2 s after due, never before', async () => {
    const botId = await newBot();
    const paused = await api('PUT', statusPath(botId, 'timer-1'), { status: 'inactive', reactivateAfter: 'PT2S' });
    expect(paused.status).toBe(200);
    expect(paused.json).toMatchObject({ status: 'inactive', reason: 'manual' });
    const due = Date.parse(paused.json.reactivateAt);

    expect(await waitActive(api, statusPath(botId, 'timer-1'), 10_000)).toBeDefined();
    const at = (await reactivatedAt(api, team, botId, 'timer-1'))!;
    expect(at).toBeGreaterThanOrEqual(due);
    expect(at - due).toBeLessThan(2000);
    const after = await api('GET', statusPath(botId, 'timer-1'));
    expect(after.json).toMatchObject({ status: 'active', reason: null, reactivateAt: null, botMessageCount: 0 });
  });

  it('does not reactivate early from a stale timer when the contact was re-paused until later', async () => {
    const botId = await newBot();
    const first = await api('PUT', statusPath(botId, 'timer-2'), { status: 'inactive', reactivateAfter: 'PT2S' });
    const second = await api('PUT', statusPath(botId, 'timer-2'), { status: 'inactive', reactivateAfter: 'PT5S' });
    expect(second.status).toBe(200);
    const firstDue = Date.parse(first.json.reactivateAt);
    const secondDue = Date.parse(second.json.reactivateAt);

    await sleep(firstDue + 1500 - Date.now());
    expect((await api('GET', statusPath(botId, 'timer-2'))).json).toMatchObject({
      status: 'inactive',
      reactivateAt: second.json.reactivateAt,
    });
    expect(await waitActive(api, statusPath(botId, 'timer-2'), secondDue + 8000 - Date.now())).toBeDefined();
    const at = (await reactivatedAt(api, team, botId, 'timer-2'))!;
    expect(at).toBeGreaterThanOrEqual(secondDue);
    expect(at - secondDue).toBeLessThan(2000);
  });
});

describe('contact timers across a restart of npm start', () => {
  let own: Runtime | undefined;
  afterAll(() => own?.stop());

  it('fires a timer that fell due while the runtime was stopped, at the next start', async () => {
    // Its own DynamoDB Local (Java) and data dir: no other runtime of the test run can fire this timer meanwhile.
    const dataDir = mkdtempSync(join(tmpdir(), 'botops-timers-'));
    own = await startRuntime({ dataDir, ownDynamo: true });
    const call = client(own.baseUrl, own.creds.apiKey);
    const teamPath = `/api/teams/${own.creds.teamId}`;
    const botId = (await call('POST', `${teamPath}/bots`, { name: 'Restart bot' })).json.id as string;
    const path = `${teamPath}/bots/${botId}/contacts/restart-1/bot-status`;
    const paused = await call('PUT', path, { status: 'inactive', reactivateAfter: 'PT3S' });
    expect(paused.status).toBe(200);
    const due = Date.parse(paused.json.reactivateAt);
    await own.stop();

    await sleep(Math.max(0, due + 1000 - Date.now()));
    const restartedFrom = Date.now();
    own = await startRuntime({ dataDir, ownDynamo: true });
    const again = client(own.baseUrl, own.creds.apiKey);
    expect(await waitActive(again, path, 10_000)).toBeDefined();
    const at = (await reactivatedAt(again, teamPath, botId, 'restart-1'))!;
    expect(at).toBeGreaterThanOrEqual(restartedFrom);
    expect((await again('GET', path)).json).toMatchObject({ status: 'active', botMessageCount: 0 });
  }, 120_000);
});
