import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../db/client.js';
import { type Key, OUTBOX_SHARDS, outboxKey, outboxPartition } from '../db/keys.js';
import type { TransactItem } from '../db/transact.js';
import { logger } from '../logger.js';
import { type DomainEvent, eventBus } from '../ports/event-bus.js';

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
 * Publishes committed entries now and removes them from the outbox. Never throws: a failure is logged and the
 * entry is left for the relay (the change is already committed; the caller's answer does not depend on it).
 * Returns true when everything was published.
 */
export async function publishCommitted(entries: OutboxEntry[]): Promise<boolean> {
  try {
    await eventBus().publish(entries.map((e) => e.event));
  } catch (error) {
    logger.warn('event publish failed; the outbox relay will retry', { eventIds: entries.map((e) => e.event.id), error: error as Error });
    return false;
  }
  await Promise.all(entries.map((e) => deleteEntry(e.key)));
  return true;
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

export const relayMinAgeMs = () => Number(process.env.OUTBOX_RELAY_MIN_AGE_SECONDS ?? (process.env.LOCAL_MODE === 'true' ? 2 : 60)) * 1000;

/**
 * One relay pass: for each shard, Query the entries older than the minimum age (a sort-key range, no Scan),
 * claim each with a conditional lease, publish the claimed ones in batches of 10 and delete them.
 * Returns how many events were published; a failed batch stays for the next pass.
 */
export async function relayOutbox(opts: RelayOptions = {}): Promise<{ published: number; failed: number }> {
  const now = Date.now();
  const cutoff = new Date(now - (opts.minAgeMs ?? relayMinAgeMs())).toISOString();
  const leaseUntil = now + (opts.leaseMs ?? 60_000);
  let published = 0;
  let failed = 0;
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
    const claimed: OutboxEntry[] = [];
    for (const item of res.Items ?? []) {
      const key = { PK: item.PK as string, SK: item.SK as string };
      if (await claim(key, now, leaseUntil)) claimed.push({ key, event: item.event as DomainEvent });
    }
    for (let i = 0; i < claimed.length; i += 10) {
      const batch = claimed.slice(i, i + 10);
      if (await publishCommitted(batch)) published += batch.length;
      else failed += batch.length;
    }
  }
  return { published, failed };
}

async function claim(key: Key, now: number, leaseUntil: number): Promise<boolean> {
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET leaseUntil = :until',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeValues: { ':until': leaseUntil, ':now': now },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The relay's metric, in CloudWatch embedded metric format: the age of the oldest entry still in the outbox. */
export const OUTBOX_AGE_METRIC = { namespace: 'botops', name: 'OutboxOldestEntryAgeSeconds' } as const;

/**
 * Age in seconds of the oldest entry in the outbox (0 when it is empty): one Query of one item per shard, oldest
 * first. Entries normally leave within a minute or two (the relay takes those older than `minAgeMs`); an older one
 * means the relay is falling behind or an entry keeps failing.
 */
export async function oldestOutboxEntryAgeSeconds(now = Date.now()): Promise<number> {
  let oldest = now;
  for (let shard = 0; shard < OUTBOX_SHARDS; shard++) {
    const res = await doc.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': outboxPartition(shard) },
        ProjectionExpression: 'SK',
        Limit: 1,
      }),
    );
    const sk = res.Items?.[0]?.SK as string | undefined;
    const at = sk ? Date.parse(sk.slice(0, sk.indexOf('#'))) : Number.NaN;
    if (at < oldest) oldest = at;
  }
  return Math.max(0, Math.round((now - oldest) / 1000));
}
