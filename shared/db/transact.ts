import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { doc } from './client.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * One `TransactWriteItems`: a change and its audit event commit together or not at all.
 * When a condition fails, `onConditionFailed(index, oldItem)` names the domain error to throw (the old item is
 * returned by `ReturnValuesOnConditionCheckFailure: ALL_OLD` where the item set it); other failures rethrow.
 */
export async function transactWrite(
  items: TransactItem[],
  onConditionFailed: (index: number, oldItem: Record<string, unknown> | undefined) => Error,
): Promise<void> {
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (index >= 0) {
        const raw = reasons[index]?.Item;
        throw onConditionFailed(index, raw ? unmarshall(raw) : undefined);
      }
    }
    throw error;
  }
}
