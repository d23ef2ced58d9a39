import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config, isLocalMode } from '../config.js';
import { doc, tableName } from '../db/client.js';
import { type Key, OUTBOX_SHARDS, outboxDeadLetterKey, outboxKey, outboxPartition } from '../db/keys.js';
import type { TransactItem } from '../db/transact.js';
import { logger } from '../logger.js';
import { type DomainEvent, EVENT_SOURCE, PublishError, eventBus } from '../ports/event-bus.js';

/**
 * Transactional outbox (pattern: microservices.io "Transactional outbox"). A change that must announce itself
 * (an accepted dialout -> `CallRequested`) writes its event as an outbox item IN THE SAME TransactWriteItems as
 * the change and its audit event. After the commit the request publishes the event and deletes the item; when
 * that publish fails (or the function dies before it), the item stays and the relay (`relayOutbox`, every
 * minute on AWS, every few seconds locally) publishes it. So no committed change is left without its event,
 * and without a second failure exactly one event goes out:
 *
 * - the relay only takes entries older than `minAgeMs` (on AWS 60 s, above the API functions' 10 s timeout),
 *   so it never races the request that wrote them;
 * - two relay runs never send the same entry: each claims it first with a conditional lease.
 *
 * The one remaining duplicate is a relay dying between PutEvents and the delete (then the entry is sent again
 * after its lease); consumers dedupe on `detail.eventId`, which is the same on every attempt.
 *
 * PutEvents may accept some entries of a batch and refuse others: accepted ones leave the outbox, refused ones
 * stay for the next pass. An entry the bus refuses `MAX_RELAY_ATTEMPTS` times, or too large for any PutEvents
 * call, moves to the dead-letter partition `OUTBOX#DEAD` (logged as an error) instead of blocking the relay.
 */
export type OutboxEntry = { key: Key; event: DomainEvent };

const shardOf = (id: string) => createHash('sha256').update(id).digest()[0]! % OUTBOX_SHARDS;

/** The outbox `Put` for `event`, to place in the change's transaction. */
export function outboxPut(event: DomainEvent, at = new Date().toISOString()): { entry: OutboxEntry; put: TransactItem } {
  const key = outboxKey(shardOf(event.id), at, event.id);
  return {
    entry: { key, event },
    put: {
      Put: {
        TableName: tableName(),
        Item: { ...key, entity: 'outbox', createdAt: at, event },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/**
 * Publishes committed entries now and removes the accepted ones from the outbox. Never throws: a failure is
 * logged and the refused entries are left for the relay (the change is already committed; the caller's answer
 * does not depend on it). Returns the entries the bus accepted and those it refused (with the reason).
 */
export async function publishEntries(
  entries: OutboxEntry[],
): Promise<{ accepted: OutboxEntry[]; refused: { entry: OutboxEntry; reason: string }[] }> {
  let refusedIds = new Map<string, string>();
  try {
    await eventBus().publish(entries.map((e) => e.event));
  } catch (error) {
    refusedIds =
      error instanceof PublishError
        ? new Map(error.failed.map((f) => [f.id, `${f.code ?? 'refused'} ${f.message ?? ''}`.trim()]))
        : new Map(entries.map((e) => [e.event.id, (error as Error).name || 'error']));
    logger.warn('event publish failed; the outbox relay will retry', { eventIds: [...refusedIds.keys()], error: error as Error });
  }
  const accepted = entries.filter((e) => !refusedIds.has(e.event.id));
  await Promise.all(accepted.map((e) => deleteEntry(e.key)));
  return {
    accepted,
    refused: entries.filter((e) => refusedIds.has(e.event.id)).map((entry) => ({ entry, reason: refusedIds.get(entry.event.id)! })),
  };
}

/** {@link publishEntries} for a request path: true when every entry was published. */
export async function publishCommitted(entries: OutboxEntry[]): Promise<boolean> {
  return (await publishEntries(entries)).refused.length === 0;
}

async function deleteEntry(key: Key): Promise<void> {
  try {
    await doc.send(new DeleteCommand({ TableName: tableName(), Key: key }));
  } catch (error) {
    // Published but still listed: the relay would send it again after OUTBOX_MIN_AGE; consumers dedupe on eventId.
    logger.warn('outbox entry published but not deleted', { key, error: error as Error });
  }
}

export type RelayOptions = {
  /** Only entries at least this old (ms). Default: `OUTBOX_RELAY_MIN_AGE_SECONDS` (60 on AWS, 2 locally). */
  minAgeMs?: number;
  /** Lease taken on an entry while it is being published (ms). Default 60 000. */
  leaseMs?: number;
  /** Entries per shard per run. Default 100. */
  limit?: number;
};

/** Relay passes that may end with the bus refusing an entry before it is dead-lettered. */
export const MAX_RELAY_ATTEMPTS = 5;

/** PutEvents limits: 10 entries and 256 KB per call, the entry sizes as AWS computes them. */
const PUT_EVENTS_MAX_ENTRIES = 10;
export const PUT_EVENTS_MAX_BYTES = 256 * 1024;

export const relayMinAgeMs = () => (config().OUTBOX_RELAY_MIN_AGE_SECONDS ?? (isLocalMode() ? 2 : 60)) * 1000;

/**
 * An entry's size as PutEvents counts it: Time (14 bytes), Source, DetailType and Detail in UTF-8 (the detail
 * as the EventBridge adapter sends it, with `eventId`).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export function putEventsEntryBytes(event: DomainEvent): number {
  const detail = JSON.stringify({ eventId: event.id, ...event.detail });
  return 14 + Buffer.byteLength(EVENT_SOURCE) + Buffer.byteLength(event.detailType) + Buffer.byteLength(detail);
}

/** Splits entries, in order, into PutEvents calls of at most 10 entries and 256 KB. */
export function putEventsBatches<T extends { event: DomainEvent }>(entries: T[]): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = putEventsEntryBytes(e.event);
    if (batch.length && (batch.length === PUT_EVENTS_MAX_ENTRIES || bytes + size > PUT_EVENTS_MAX_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(e);
    bytes += size;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

/**
 * One relay pass: for each shard, Query the entries older than the minimum age (a sort-key range, no Scan),
 * claim each with a conditional lease (counting the attempt), publish the claimed ones in PutEvents-sized
 * batches and delete the accepted ones. An entry refused for the `MAX_RELAY_ATTEMPTS`th time, or larger than
 * a PutEvents call takes, is dead-lettered. Returns the counts of this pass.
 */
export async function relayOutbox(opts: RelayOptions = {}): Promise<{ published: number; failed: number; deadLettered: number }> {
  const now = Date.now();
  const cutoff = new Date(now - (opts.minAgeMs ?? relayMinAgeMs())).toISOString();
  const leaseUntil = now + (opts.leaseMs ?? 60_000);
  let published = 0;
  let failed = 0;
  let deadLettered = 0;
  for (let shard = 0; shard < OUTBOX_SHARDS; shard++) {
    const res = await doc.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK < :cutoff',
        FilterExpression: 'attribute_not_exists(leaseUntil) OR leaseUntil < :now',
        ExpressionAttributeValues: { ':pk': outboxPartition(shard), ':cutoff': `${cutoff}#`, ':now': now },
        Limit: opts.limit ?? 100,
        ConsistentRead: true,
      }),
    );
    const claimed: (OutboxEntry & { attempts: number })[] = [];
    for (const item of res.Items ?? []) {
      const key = { PK: item.PK as string, SK: item.SK as string };
      const attempts = await claim(key, now, leaseUntil);
      if (attempts === undefined) continue;
      const entry = { key, event: item.event as DomainEvent, attempts };
      if (putEventsEntryBytes(entry.event) > PUT_EVENTS_MAX_BYTES) {
        await deadLetter(entry, `larger than ${PUT_EVENTS_MAX_BYTES} bytes, the most a PutEvents call takes`);
        deadLettered++;
      } else claimed.push(entry);
    }
    for (const batch of putEventsBatches(claimed)) {
      const { accepted, refused } = await publishEntries(batch);
      published += accepted.length;
      for (const { entry, reason } of refused) {
        const attempts = (entry as OutboxEntry & { attempts: number }).attempts;
        if (attempts >= MAX_RELAY_ATTEMPTS) {
          await deadLetter(entry, reason);
          deadLettered++;
        } else failed++;
      }
    }
  }
  return { published, failed, deadLettered };
}

/** Takes the lease on an entry and counts the attempt; the attempt's number, or undefined when another pass holds it. */
async function claim(key: Key, now: number, leaseUntil: number): Promise<number | undefined> {
  try {
    const res = await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET leaseUntil = :until ADD relayAttempts :one',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeValues: { ':until': leaseUntil, ':now': now, ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(res.Attributes?.relayAttempts ?? 1);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** Moves an entry to `OUTBOX#DEAD` with the reason, in one transaction, and logs it for the operator. */
async function deadLetter(entry: OutboxEntry & { attempts?: number }, reason: string): Promise<void> {
  await doc.send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: tableName(), Key: entry.key } },
        {
          Put: {
            TableName: tableName(),
            Item: {
              ...outboxDeadLetterKey(entry.key.SK),
              entity: 'outbox-dead-letter',
              event: entry.event,
              attempts: entry.attempts ?? 0,
              reason,
              deadLetteredAt: new Date().toISOString(),
            },
          },
        },
      ],
    }),
  );
  logger.error('outbox entry dead-lettered: the event bus never accepted it', {
    eventId: entry.event.id,
    detailType: entry.event.detailType,
    attempts: entry.attempts,
    reason,
  });
}
