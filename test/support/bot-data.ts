import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { botDataPartition } from '../../shared/db/keys.js';

/**
 * Stand-ins for what other issues store under a bot's data generation (contacts, messages, calls): plain items
 * `CONTACT#<n>` under `botDataPartition(teamId, botId, generation)`, written with BatchWriteItem, `parallel`
 * requests in flight, resubmitting unprocessed items. Used by the reset tests and the reset benchmark.
 */
export async function writeContactItems(
  client: DynamoDBDocumentClient,
  table: string,
  where: { teamId: string; botId: string; generation: number },
  count: number,
  parallel = 8,
): Promise<void> {
  const PK = botDataPartition(where.teamId, where.botId, where.generation);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + 25);
      let pending = Array.from({ length: next - from }, (_, i) => ({
        PutRequest: {
          Item: { PK, SK: `CONTACT#${String(from + i).padStart(7, '0')}`, entity: 'contact', status: 'active', botMessageCount: 0 },
        },
      }));
      while (pending.length) {
        const res = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (res.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** How many items a bot data partition holds (paged Query, count only). */
export async function countPartition(
  client: DynamoDBDocumentClient,
  table: string,
  where: { teamId: string; botId: string; generation: number },
): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': botDataPartition(where.teamId, where.botId, where.generation) },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    total += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return total;
}
