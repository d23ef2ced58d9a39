import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from './client.js';
import { rateLimitKey } from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window rate limit shared by every Lambda instance: one counter item per `scope` and window
 * (`rateLimitKey`), incremented by a single conditional `UpdateItem` (`ADD hits :one` only while
 * `hits < limit`), so concurrent callers can never exceed `limit` per window. The item expires through the table's
 * TTL an hour after its window (DynamoDB deletes expired items lazily, which is harmless: a later window is a
 * new item). A refused call answers when the window ends, for `Retry-After` (RFC 9110 §10.2.3), at least 1 s.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.AtomicCounters
 */
export async function consumeRateLimit(scope: string, limit: number, windowSeconds: number, nowMs = Date.now()): Promise<RateLimitResult> {
  const now = Math.floor(nowMs / 1000);
  const windowStart = now - (now % windowSeconds);
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: rateLimitKey(scope, windowStart),
        UpdateExpression: 'ADD hits :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': windowStart + windowSeconds + 3600 },
      }),
    );
    return { allowed: true };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      return { allowed: false, retryAfterSeconds: Math.max(1, windowStart + windowSeconds - now) };
    }
    throw error;
  }
}
