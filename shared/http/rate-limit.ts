import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../db/client.js';
import { rateCounterKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table.js';
import { HttpProblem } from './problem.js';

/**
 * Per-team fixed-window rate limit kept in DynamoDB, so every Lambda instance (they share no memory) counts
 * against the same number: one counter item per team, operation and wall-clock second, incremented by a
 * conditional `ADD` that fails once the window holds `perSecond` requests. One UpdateItem per request; the
 * counters expire through the table's TTL two minutes later (TTL only cleans up; the window is the key).
 *
 * A fixed window admits up to 2x the limit across a second boundary; for protecting the telephony side from
 * bursts of dialouts that is the accepted trade for one write per request.
 *
 * @throws HttpProblem 429 with `Retry-After` (seconds, RFC 9110 §10.2.3) when the window is full.
 */
export async function enforceRateLimit(teamId: string, operation: string, perSecond: number, now = Date.now()): Promise<void> {
  const second = Math.floor(now / 1000);
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: rateCounterKey(teamId, operation, second),
        UpdateExpression: 'ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
        ExpressionAttributeNames: { '#n': 'count', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':limit': perSecond, ':ttl': second + 120 },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // The window ends within the second; Retry-After counts whole seconds, so 1 is the earliest useful retry.
    throw new HttpProblem(
      429,
      'Too Many Requests',
      `At most ${perSecond} ${operation} requests per second per team; retry after 1 s.`,
      undefined,
      { limitPerSecond: perSecond },
      { 'Retry-After': '1' },
    );
  }
}

/** The dialout limit: `DIALOUT_RATE_LIMIT_PER_SECOND` (a positive integer), default 20. */
export function dialoutRateLimit(): number {
  const raw = process.env.DIALOUT_RATE_LIMIT_PER_SECOND;
  const n = raw === undefined || raw === '' ? 20 : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`DIALOUT_RATE_LIMIT_PER_SECOND must be a positive integer, got ${raw}`);
  return n;
}
