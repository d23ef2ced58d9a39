import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { doc } from './client.js';
import { WriteConflict } from './retry.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * An item of a transaction and what its condition failing means: `onConditionFailed` returns the error to throw,
 * given the item as it was when the item asks for it (`ReturnValuesOnConditionCheckFailure: ALL_OLD`).
 */
export type ConditionalWrite = { item: TransactItem; onConditionFailed: (old: Record<string, unknown> | undefined) => Error };

/**
 * One `TransactWriteItems`: a change and its audit event commit together or not at all. Each entry is an item,
 * or an item with the meaning of its condition failing (`ConditionalWrite`). When a condition fails, the first
 * failed entry decides: its `onConditionFailed`, or `WriteConflict` for a plain item (its condition can only fail
 * because another writer got in between: `retryOnConflict` runs the step again). A transaction cancelled for a
 * conflict with another transaction in flight is a `WriteConflict` too. Other failures (throttling, validation)
 * are rethrown as they are.
 */
export async function transactWrite(writes: readonly (TransactItem | ConditionalWrite)[]): Promise<void> {
  const entries = writes.map((w) => ('item' in w ? w : { item: w, onConditionFailed: undefined }));
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: entries.map((e) => e.item) }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
    if (index >= 0) {
      const raw = reasons[index]?.Item;
      throw entries[index]?.onConditionFailed?.(raw ? unmarshall(raw) : undefined) ?? new WriteConflict();
    }
    if (reasons.some((r) => r.Code === 'TransactionConflict')) throw new WriteConflict();
    throw error;
  }
}
