import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doc, tableName } from '../../shared/db/client.js';
import { OUTBOX_DEAD_LETTER_PARTITION, OUTBOX_SHARDS, outboxPartition } from '../../shared/db/keys.js';
import { transactWrite } from '../../shared/db/transact.js';
import { MAX_RELAY_ATTEMPTS, PUT_EVENTS_MAX_BYTES, outboxPut, putEventsEntryBytes, relayOutbox } from '../../shared/events/outbox.js';
import { type DomainEvent, EventBridgeBus, setEventBus } from '../../shared/ports/event-bus.js';

/** The outbox relay against DynamoDB Local, with EventBridge's PutEvents answers injected. */
let eb: ReturnType<typeof mockClient>;
let run = '';
beforeEach(async () => {
  run = Math.random().toString(36).slice(2);
  eb = mockClient(EventBridgeClient);
  setEventBus(new EventBridgeBus(() => 'botops-test-bus'));
  // each test starts from an empty outbox: earlier files may leave entries behind
  eb.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
    FailedEntryCount: 0,
    Entries: input.Entries.map(() => ({ EventId: 'x' })),
  }));
  while ((await relayOutbox({ minAgeMs: 0, leaseMs: 0 })).published > 0);
  eb.reset();
});
afterEach(() => {
  eb.restore();
  setEventBus(undefined);
});

const event = (n: number, detail: Record<string, unknown> = {}): DomainEvent => ({
  id: `Test:${run}:${n}`,
  detailType: 'TestEvent',
  detail: { n, run, ...detail },
});
async function enqueue(events: DomainEvent[]) {
  const past = new Date(Date.now() - 120_000).toISOString();
  for (const e of events) await transactWrite([outboxPut(e, past).put]);
}
async function pending(): Promise<string[]> {
  const ids: string[] = [];
  for (let shard = 0; shard < OUTBOX_SHARDS; shard++) {
    const res = await doc.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': outboxPartition(shard) },
      }),
    );
    ids.push(...(res.Items ?? []).map((i) => (i.event as DomainEvent).id).filter((id) => id.includes(run)));
  }
  return ids.sort();
}
async function deadLetters() {
  const res = await doc.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': OUTBOX_DEAD_LETTER_PARTITION },
    }),
  );
  return (res.Items ?? []).filter((i) => (i.event as DomainEvent).id.includes(run));
}
const sentIds = () =>
  eb
    .commandCalls(PutEventsCommand)
    .flatMap((c) => (c.args[0].input as { Entries: { Detail: string }[] }).Entries.map((e) => JSON.parse(e.Detail).eventId as string));

describe('outbox relay', () => {
  it('removes the entries a partially failed PutEvents accepted and keeps only the refused one', async () => {
    const events = [event(1), event(2), event(3)];
    await enqueue(events);
    eb.on(PutEventsCommand).callsFake((input: { Entries: { Detail: string }[] }) => {
      const entries = input.Entries.map((e) =>
        JSON.parse(e.Detail).n === 2 ? { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' } : { EventId: 'ok' },
      );
      return { FailedEntryCount: entries.filter((e) => 'ErrorCode' in e).length, Entries: entries };
    });
    const pass = await relayOutbox({ minAgeMs: 0, leaseMs: 0 });
    expect(pass).toMatchObject({ published: 2, failed: 1, deadLettered: 0 });
    expect(await pending()).toEqual([events[1]!.id]);
    eb.reset();
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'ok' }] });
    await relayOutbox({ minAgeMs: 0, leaseMs: 0 });
    expect(await pending()).toEqual([]);
    expect(sentIds()).toEqual([events[1]!.id]);
  });

  it(`dead-letters a poison entry after ${MAX_RELAY_ATTEMPTS} refusals, with the reason, and keeps relaying the others`, async () => {
    await enqueue([event(1, { poison: true })]);
    eb.on(PutEventsCommand).callsFake((input: { Entries: { Detail: string }[] }) => {
      const entries = input.Entries.map((e) =>
        JSON.parse(e.Detail).poison ? { ErrorCode: 'MalformedDetail', ErrorMessage: 'bad' } : { EventId: 'ok' },
      );
      return { FailedEntryCount: entries.filter((e) => 'ErrorCode' in e).length, Entries: entries };
    });
    for (let i = 1; i < MAX_RELAY_ATTEMPTS; i++) expect((await relayOutbox({ minAgeMs: 0, leaseMs: 0 })).failed).toBe(1);
    await enqueue([event(2)]);
    expect(await relayOutbox({ minAgeMs: 0, leaseMs: 0 })).toMatchObject({ published: 1, deadLettered: 1 });
    expect(await pending()).toEqual([]);
    const dead = await deadLetters();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ attempts: MAX_RELAY_ATTEMPTS, reason: expect.stringContaining('MalformedDetail') });
  });

  it('sends batches within 10 entries and 256 KB, and dead-letters an entry no PutEvents call could take', async () => {
    const big = 'x'.repeat(100 * 1024);
    const events = [1, 2, 3, 4, 5].map((n) => event(n, { big }));
    const tooBig = event(6, { big: 'y'.repeat(PUT_EVENTS_MAX_BYTES) });
    await enqueue([...events, tooBig]);
    eb.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map(() => ({ EventId: 'ok' })),
    }));
    expect(await relayOutbox({ minAgeMs: 0, leaseMs: 0 })).toMatchObject({ published: 5, deadLettered: 1 });
    for (const call of eb.commandCalls(PutEventsCommand)) {
      const entries = (call.args[0].input as { Entries: { Detail: string }[] }).Entries;
      expect(entries.length).toBeLessThanOrEqual(10);
      const bytes = entries.reduce(
        (n, e) => n + putEventsEntryBytes({ id: 'x', detailType: 'TestEvent', detail: JSON.parse(e.Detail) }),
        0,
      );
      expect(bytes).toBeLessThanOrEqual(PUT_EVENTS_MAX_BYTES);
    }
    expect(sentIds().sort()).toEqual(events.map((e) => e.id).sort());
    expect((await deadLetters()).map((d) => (d.event as DomainEvent).id)).toEqual([tooBig.id]);
  });
});
