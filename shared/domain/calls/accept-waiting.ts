import { doc, tableName } from '../../db/client.js';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { callKey, teamWaitingCallsPartition, waitingCallIndex } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { Conflict } from '../errors.js';
import { type StoredCall, toCall } from './store.js';
import type { AcceptedCall } from './dialout.js';

const T = () => tableName();

/**
 * The dialout beyond the team's ceiling: the call is written `waiting`, in the waiting index (FIFO), without a slot
 * or an event, and answered with its place among the team's waiting calls.
 */
export async function acceptWaiting(teamId: string, call: StoredCall, others: Parameters<typeof transactWrite>[0]): Promise<AcceptedCall> {
  const index = waitingCallIndex(teamId, call.id, call.queuedAt);
  await retryOnConflict(
    () =>
      transactWrite([
        {
          Put: {
            TableName: T(),
            Item: { ...callKey(teamId, call.botId, call.dataGeneration, call.id), entity: 'call', ...call, holdsSlot: false, ...index },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...others,
      ]),
    { onExhausted: () => new Conflict('The call could not be created; retry.') },
  );
  const ahead = await doc.send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK < :me',
      ExpressionAttributeValues: { ':pk': teamWaitingCallsPartition(teamId), ':me': index.GSI3SK },
      Select: 'COUNT',
    }),
  );
  return { ...toCall(call), queuePosition: (ahead.Count ?? 0) + 1 };
}
