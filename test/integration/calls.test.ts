import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../shared/audit/queries.js';
import { doc, tableName } from '../../shared/db/client.js';
import { OUTBOX_SHARDS, botKey, callKey, callRefKey, outboxPartition, phoneNumberKey } from '../../shared/db/keys.js';
import { createBot } from '../../shared/domain/bots/bots.js';
import { dialout } from '../../shared/domain/calls/dialout.js';
import { reportCallEvent } from '../../shared/domain/calls/call-events.js';
import { getCall, listBotCalls } from '../../shared/domain/calls/store.js';
import { relayOutbox } from '../../shared/events/outbox.js';
import { enforceRateLimit } from '../../shared/domain/rate-limit.js';
import { EventBridgeBus, setEventBus } from '../../shared/ports/event-bus.js';
import { newTeam } from '../support/factory.js';
import { resetConfig } from '../../shared/config.js';

/** Dialout, calls and call events against DynamoDB Local; the events file in a temporary data dir. */
const dataDir = mkdtempSync(join(tmpdir(), 'botops-calls-'));
beforeAll(() => {
  process.env.LOCAL_DATA_DIR = dataDir;
  resetConfig();
});
afterEach(() => setEventBus(undefined));

const PROMPTS = {
  customPrompt: 'Call {{crm.first_name}} about invoice {{crm.invoice_id}}.',
  openingMessage: 'Hi {{crm.first_name}}!',
  analysisPrompt: 'Rate the call: {{analysis.sentiment: enum(positive|neutral|negative) - mood}} {{analysis.score: integer}}',
  qcPrompt: 'Greeted? {{qc.greeted: boolean}}',
};
const CRM = { first_name: 'Ada', invoice_id: 'INV-7' };

async function setup() {
  const t = await newTeam();
  const bot = await createBot(t.teamId, { name: 'Caller', ...PROMPTS, allowedSipHeaders: ['X-Campaign'] }, t.actor);
  return { t, bot };
}
const eventsFor = (callId: string) =>
  readFileSync(join(dataDir, 'events.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((e) => e.detail.callId === callId);
async function outboxHolds(callId: string): Promise<boolean> {
  for (let shard = 0; shard < OUTBOX_SHARDS; shard++) {
    const res = await doc.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': outboxPartition(shard) },
        ConsistentRead: true,
      }),
    );
    if ((res.Items ?? []).some((i) => String(i.SK).endsWith(callId))) return true;
  }
  return false;
}

describe('dialout', () => {
  it('queues a call in the bot data generation with its pointer, audit event and exactly one CallRequested event', async () => {
    const { t, bot } = await setup();
    const call = await dialout(
      t.teamId,
      bot.id,
      { to: '+14155550123', variables: { crm: { ...CRM, extra: 42 } }, sipHeaders: { 'x-campaign': 'spring' } },
      t.actor,
    );
    expect(call).toMatchObject({
      status: 'queued',
      botId: bot.id,
      to: '+14155550123',
      from: null,
      variables: { crm: { ...CRM, extra: 42 } },
      sipHeaders: { 'X-Campaign': 'spring' },
    });
    const stored = await doc.send(new GetCommand({ TableName: tableName(), Key: callKey(t.teamId, bot.id, 0, call.id) }));
    expect(stored.Item).toMatchObject({ entity: 'call', teamId: t.teamId, dataGeneration: 0, status: 'queued' });
    const ref = await doc.send(new GetCommand({ TableName: tableName(), Key: callRefKey(t.teamId, call.id) }));
    expect(ref.Item).toMatchObject({ botId: bot.id, dataGeneration: 0 });
    const audit = (await listAuditEvents(t.teamId, { module: 'calls' }, 10, undefined)).items;
    expect(audit).toMatchObject([{ action: 'dialout', botId: bot.id, targetId: call.id, actorEmail: t.email }]);
    const events = eventsFor(call.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      'detail-type': 'CallRequested',
      source: 'botops',
      detail: { teamId: t.teamId, botId: bot.id, callId: call.id, to: '+14155550123', variables: { crm: CRM } },
    });
    expect(await outboxHolds(call.id)).toBe(false);
  });

  it('answers 422 naming every missing crm variable and every unknown SIP header, writing nothing', async () => {
    const { t, bot } = await setup();
    const attempt = dialout(
      t.teamId,
      bot.id,
      { to: '+14155550123', variables: { crm: { first_name: '' } }, sipHeaders: { 'X-Other': '1' } },
      t.actor,
    );
    await expect(attempt).rejects.toMatchObject({
      statusCode: 422,
      detail: 'Missing crm variable(s): first_name, invoice_id.',
      errors: [
        { path: 'variables.crm.first_name', message: 'required: the bot uses {{crm.first_name}}' },
        { path: 'variables.crm.invoice_id', message: 'required: the bot uses {{crm.invoice_id}}' },
        { path: 'sipHeaders.X-Other', message: "not in the bot's allowedSipHeaders" },
      ],
    });
    expect((await listBotCalls(t.teamId, bot.id, 10)).items).toEqual([]);
  });

  it('accepts as `from` only a team number mapped to this bot', async () => {
    const { t, bot } = await setup();
    const other = await createBot(t.teamId, { name: 'Other' }, t.actor);
    const put = (number: string, botId: string) =>
      doc.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...phoneNumberKey(t.teamId, number), entity: 'phoneNumber', number, botId, createdAt: new Date().toISOString() },
        }),
      );
    await put('+14155550100', bot.id);
    await put('+14155550101', other.id);
    const body = (from: string) => ({ to: '+14155550123', from, variables: { crm: CRM } });
    expect((await dialout(t.teamId, bot.id, body('+14155550100'), t.actor)).from).toBe('+14155550100');
    for (const from of ['+14155550101', '+14155550199']) {
      await expect(dialout(t.teamId, bot.id, body(from), t.actor)).rejects.toMatchObject({
        statusCode: 422,
        errors: [{ path: 'from', message: "not one of this bot's phone numbers" }],
      });
    }
    // another team's number is not ours either
    const t2 = await newTeam();
    await doc.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...phoneNumberKey(t2.teamId, '+14155550102'), number: '+14155550102', botId: bot.id },
      }),
    );
    await expect(dialout(t.teamId, bot.id, body('+14155550102'), t.actor)).rejects.toMatchObject({ statusCode: 422 });
  });

  it("refuses a paused bot (409) and another team's bot (404)", async () => {
    const { t, bot } = await setup();
    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: botKey(t.teamId, bot.id),
        UpdateExpression: 'SET active = :f',
        ExpressionAttributeValues: { ':f': false },
      }),
    );
    await expect(dialout(t.teamId, bot.id, { to: '+14155550123', variables: { crm: CRM } }, t.actor)).rejects.toMatchObject({
      statusCode: 409,
      detail: expect.stringContaining('paused'),
    });
    const t2 = await newTeam();
    await expect(dialout(t2.teamId, bot.id, { to: '+14155550123', variables: { crm: CRM } }, t2.actor)).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe('rate limit', () => {
  it('admits the configured number per team and second, then 429 with Retry-After; other teams and seconds are separate', async () => {
    const a = await newTeam();
    const b = await newTeam();
    const second = Math.floor(Date.now() / 1000) * 1000 + 100;
    const results = await Promise.allSettled(Array.from({ length: 7 }, () => enforceRateLimit(a.teamId, 'dialout', 3, second)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(refused).toHaveLength(4);
    for (const p of refused) expect(p).toMatchObject({ statusCode: 429, headers: { 'Retry-After': '1' } });
    await expect(enforceRateLimit(b.teamId, 'dialout', 3, second)).resolves.toBeUndefined();
    await expect(enforceRateLimit(a.teamId, 'dialout', 3, second + 1000)).resolves.toBeUndefined();
  });

  it('applies DIALOUT_RATE_LIMIT_PER_SECOND to dialouts', async () => {
    const { t, bot } = await setup();
    process.env.DIALOUT_RATE_LIMIT_PER_SECOND = '2';
    resetConfig();
    try {
      // wait for the start of a second so the burst stays inside one window
      await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000)));
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => dialout(t.teamId, bot.id, { to: '+14155550123', variables: { crm: CRM } }, t.actor)),
      );
      const statuses = results.map((r) => (r.status === 'fulfilled' ? 202 : (r.reason as { statusCode: number }).statusCode));
      expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(2 * 2); // two windows at most
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
      expect((await listBotCalls(t.teamId, bot.id, 10)).items).toHaveLength(statuses.filter((s) => s === 202).length);
    } finally {
      delete process.env.DIALOUT_RATE_LIMIT_PER_SECOND;
      resetConfig();
    }
  });
});

describe('outbox: a failed PutEvents after the write', () => {
  it('still delivers exactly one CallRequested event, through the relay', async () => {
    const { t, bot } = await setup();
    const eb = mockClient(EventBridgeClient);
    try {
      eb.on(PutEventsCommand)
        .rejectsOnce(Object.assign(new Error('ServiceUnavailable'), { name: 'ServiceUnavailable' }))
        .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
      setEventBus(new EventBridgeBus(() => 'botops-test-bus'));
      const call = await dialout(t.teamId, bot.id, { to: '+14155550123', variables: { crm: CRM } }, t.actor);
      expect(call.status).toBe('queued');
      expect(await getCall(t.teamId, call.id)).toMatchObject({ id: call.id, status: 'queued' });
      expect(await outboxHolds(call.id)).toBe(true);

      // two relay passes race for the entry: one sends it
      const passes = await Promise.all([relayOutbox({ minAgeMs: 0 }), relayOutbox({ minAgeMs: 0 })]);
      expect(passes.reduce((n, p) => n + p.published, 0)).toBeGreaterThanOrEqual(1);
      await relayOutbox({ minAgeMs: 0 });
      expect(await outboxHolds(call.id)).toBe(false);

      const sent = eb
        .commandCalls(PutEventsCommand)
        .filter((c) => c.args[0].input.Entries!.some((e) => JSON.parse(e.Detail!).callId === call.id));
      expect(sent).toHaveLength(2); // the failed one, then the relay's
      const delivered = sent.slice(1);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]!.args[0].input.Entries![0]).toMatchObject({
        EventBusName: 'botops-test-bus',
        Source: 'botops',
        DetailType: 'CallRequested',
      });
      expect(JSON.parse(delivered[0]!.args[0].input.Entries![0]!.Detail!)).toMatchObject({
        eventId: `CallRequested:${call.id}`,
        callId: call.id,
        botId: bot.id,
      });
    } finally {
      eb.restore();
    }
  });

  it('treats entries rejected inside a 200 answer (FailedEntryCount) as a failure, and leaves young entries to the request', async () => {
    const { t, bot } = await setup();
    const eb = mockClient(EventBridgeClient);
    try {
      eb.on(PutEventsCommand)
        .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }] })
        .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e2' }] });
      setEventBus(new EventBridgeBus(() => 'botops-test-bus'));
      const call = await dialout(t.teamId, bot.id, { to: '+14155550123', variables: { crm: CRM } }, t.actor);
      expect(await outboxHolds(call.id)).toBe(true);
      await relayOutbox({ minAgeMs: 60_000 });
      expect(await outboxHolds(call.id)).toBe(true);
      await relayOutbox({ minAgeMs: 0 });
      expect(await outboxHolds(call.id)).toBe(false);
      const forCall = eb
        .commandCalls(PutEventsCommand)
        .filter((c) => c.args[0].input.Entries!.some((e) => JSON.parse(e.Detail!).callId === call.id));
      expect(forCall).toHaveLength(2);
    } finally {
      eb.restore();
    }
  });
});

describe('calls', () => {
  it("lists a bot's calls newest first with a cursor, and answers 404 for another team", async () => {
    const { t, bot } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await dialout(t.teamId, bot.id, { to: `+1415555012${i}`, variables: { crm: CRM } }, t.actor)).id);
    const first = await listBotCalls(t.teamId, bot.id, 2);
    expect(first.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const second = await listBotCalls(t.teamId, bot.id, 2, first.nextCursor!);
    expect(second.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    const t2 = await newTeam();
    await expect(getCall(t2.teamId, ids[0]!)).rejects.toMatchObject({ statusCode: 404 });
    await expect(listBotCalls(t2.teamId, bot.id, 2)).rejects.toMatchObject({ statusCode: 404 });
    await expect(listBotCalls(t.teamId, bot.id, 2, first.nextCursor!.replace(/.$/, 'x'))).rejects.toMatchObject({ statusCode: 400 });
  });

  it('hides the calls of a reset bot from every read at once (data generation)', async () => {
    const { t, bot } = await setup();
    const call = await dialout(t.teamId, bot.id, { to: '+14155550123', variables: { crm: CRM } }, t.actor);
    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: botKey(t.teamId, bot.id),
        UpdateExpression: 'SET dataGeneration = :g',
        ExpressionAttributeValues: { ':g': 1 },
      }),
    );
    await expect(getCall(t.teamId, call.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(reportCallEvent(t.teamId, call.id, { type: 'ringing' }, t.actor)).rejects.toMatchObject({ statusCode: 404 });
    expect((await listBotCalls(t.teamId, bot.id, 10)).items).toEqual([]);
    const fresh = await dialout(t.teamId, bot.id, { to: '+14155550123', variables: { crm: CRM } }, t.actor);
    expect((await listBotCalls(t.teamId, bot.id, 10)).items.map((c) => c.id)).toEqual([fresh.id]);
  });
});

describe('call events', () => {
  it('moves the status only forward and stores the outcome validated against the declared fields', async () => {
    const { t, bot } = await setup();
    const call = await dialout(t.teamId, bot.id, { to: '+14155550123', variables: { crm: CRM } }, t.actor);
    const ringing = await reportCallEvent(t.teamId, call.id, { type: 'ringing', at: '2030-01-31T10:00:02.000Z' }, t.actor);
    expect(ringing).toMatchObject({ status: 'ringing', ringingAt: '2030-01-31T10:00:02.000Z' });
    await expect(reportCallEvent(t.teamId, call.id, { type: 'ringing' }, t.actor)).rejects.toMatchObject({
      statusCode: 409,
      extra: { currentStatus: 'ringing' },
    });
    await expect(
      reportCallEvent(
        t.teamId,
        call.id,
        { type: 'completed', analysis: { sentiment: 'ecstatic', score: 4, mood: 'x' }, qc: { greeted: 'yes' } },
        t.actor,
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      errors: [
        { path: 'analysis.sentiment', message: 'must be one of positive, neutral, negative' },
        { path: 'analysis.mood', message: expect.stringContaining('not declared') },
        { path: 'qc.greeted', message: 'must be a boolean' },
      ],
    });
    await reportCallEvent(t.teamId, call.id, { type: 'in_progress' }, t.actor);
    const done = await reportCallEvent(
      t.teamId,
      call.id,
      {
        type: 'completed',
        result: { durationSeconds: 61, endedReason: 'customer_hangup' },
        analysis: { sentiment: 'positive', score: 5 },
        qc: { greeted: true },
      },
      t.actor,
    );
    expect(done).toMatchObject({
      status: 'completed',
      result: { status: 'completed', durationSeconds: 61, endedReason: 'customer_hangup' },
      analysis: { sentiment: 'positive', score: 5 },
      qc: { greeted: true },
      push: null,
    });
    expect(done.events.map((e) => e.type)).toEqual(['queued', 'ringing', 'in_progress', 'completed']);
    for (const type of ['failed', 'in_progress'] as const) {
      await expect(reportCallEvent(t.teamId, call.id, { type }, t.actor)).rejects.toMatchObject({ statusCode: 409 });
    }
    const audit = (await listAuditEvents(t.teamId, { module: 'calls', action: 'update' }, 10, undefined)).items;
    expect(audit.map((a) => a.changes.status!.after)).toEqual(['completed', 'in_progress', 'ringing']);
    const ended = eventsFor(call.id).filter((e) => e['detail-type'] === 'CallEnded');
    expect(ended).toEqual([expect.objectContaining({ detail: expect.objectContaining({ status: 'completed', pushRequested: false }) })]);
  });

  it('lets exactly one of two concurrent events with the same status win', async () => {
    const { t, bot } = await setup();
    const call = await dialout(t.teamId, bot.id, { to: '+14155550123', variables: { crm: CRM } }, t.actor);
    const results = await Promise.allSettled([
      reportCallEvent(t.teamId, call.id, { type: 'completed' }, t.actor),
      reportCallEvent(t.teamId, call.id, { type: 'completed' }, t.actor),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as { statusCode: number }).statusCode).toBe(409);
    expect(eventsFor(call.id).filter((e) => e['detail-type'] === 'CallEnded')).toHaveLength(1);
  });
});
