import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { WATCHDOG_SHARDS, watchdogPartition } from '../../db/keys.js';
import { logger } from '../../logger.js';
import { Conflict, NotFound } from '../errors.js';
import { reportCallEvent } from './call-events.js';

/** Who ends the calls that outlived their deadline, in the audit log. */
export const WATCHDOG_ACTOR: Actor = { email: 'system:watchdog', role: 'system' };

/**
 * One watchdog pass: every call in flight past its deadline (its bot's max call duration plus
 * `CALL_WATCHDOG_GRACE_SECONDS` after it was queued: the sparse watchdog index, one Query per shard) is ended
 * `failed` with `result.endedReason: "timeout"` through the same path as a reported end (`reportCallEvent`): its
 * slots are released, its campaign contact moves on, and its `CallEnded` event goes out. A call that ended
 * meanwhile is left alone. Returns how many calls it ended.
 */
export async function endOverdueCalls(opts: { now?: number; limit?: number } = {}): Promise<number> {
  const now = new Date(opts.now ?? Date.now()).toISOString();
  let ended = 0;
  for (let shard = 0; shard < WATCHDOG_SHARDS; shard++) {
    const res = await doc.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI4',
        KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK <= :now',
        ExpressionAttributeValues: { ':pk': watchdogPartition(shard), ':now': `${now}#\uffff` },
        ProjectionExpression: 'teamId, id',
        Limit: opts.limit ?? 200,
      }),
    );
    for (const item of res.Items ?? []) {
      try {
        await reportCallEvent(
          item.teamId as string,
          item.id as string,
          { type: 'failed', result: { endedReason: 'timeout' } },
          WATCHDOG_ACTOR,
        );
        ended++;
      } catch (error) {
        if (error instanceof Conflict || error instanceof NotFound) continue;
        logger.error('watchdog could not end a call', { callId: item.id, error: error as Error });
      }
    }
  }
  return ended;
}
