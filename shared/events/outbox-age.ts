import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../db/client.js';
import { OUTBOX_SHARDS, outboxPartition } from '../db/keys.js';

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
