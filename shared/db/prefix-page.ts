import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/**
 * One page of the items whose SK starts with `SKPrefix` in partition `PK` (a key builder's `...Prefix()`), in
 * sort-key order, as `{ items, nextCursor }`: one Query. The cursor is only accepted for this partition and prefix
 * (`decodeCursor`: a foreign, edited or out-of-list one is an `InvalidCursor`).
 */
export async function prefixPage<T>(
  prefix: { PK: string; SKPrefix: string },
  limit: number,
  cursor: string | undefined,
  map: (item: Record<string, unknown>) => T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const { PK, SKPrefix } = prefix;
  const res = await doc.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: { PK }, sortAttrs: ['SK'], sortPrefix: SKPrefix }),
    }),
  );
  return { items: (res.Items ?? []).map(map), nextCursor: encodeCursor(res.LastEvaluatedKey as Record<string, string>) };
}
