import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/jobs/bot-data-purge.js';
import { botDataPartition } from '../../shared/db/keys.js';
import { PurgeIncomplete, parsePurgeRequest, purgeBotData } from '../../shared/domain/bots/purge.js';

/** Fault injection for the purge job: throttled batch writes and a Lambda about to time out. */
const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const keys = (gen: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ PK: botDataPartition('T1', 'B1', gen), SK: `CONTACT#${i}` }));

describe('bot data purge', () => {
  it('resubmits unprocessed deletes until DynamoDB takes them all', async () => {
    ddb.on(QueryCommand).resolves({ Items: keys(0, 30) });
    const table = process.env.TABLE_NAME!;
    let calls = 0;
    ddb.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => {
      calls++;
      const sent = input.RequestItems[table]!;
      // throttle: the first two attempts of every batch leave the last 5 deletes unprocessed
      return calls <= 4 && sent.length > 5 ? { UnprocessedItems: { [table]: sent.slice(-5) } } : {};
    });
    const result = await purgeBotData({ teamId: 'T1', botId: 'B1', belowGeneration: 1 }, { backoffBaseMs: 1 });
    expect(result).toEqual({ generations: 1, deleted: 30 });
    const sentKeys = ddb
      .commandCalls(BatchWriteCommand)
      .flatMap((c) => c.args[0].input.RequestItems![table]!.map((r) => r.DeleteRequest!.Key!.SK as string));
    expect(new Set(sentKeys).size).toBe(30);
    expect(ddb.commandCalls(BatchWriteCommand).every((c) => c.args[0].input.RequestItems![table]!.length <= 25)).toBe(true);
  });

  it('gives up on a batch DynamoDB never accepts, so the Lambda retry (and then the DLQ) takes over', async () => {
    ddb.on(QueryCommand).resolves({ Items: keys(0, 3) });
    ddb.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({ UnprocessedItems: input.RequestItems }));
    await expect(purgeBotData({ teamId: 'T1', botId: 'B1', belowGeneration: 1 }, { backoffBaseMs: 1 })).rejects.toThrow(
      /unprocessed after 10 attempts/,
    );
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(10);
  });

  it('stops between pages when the time budget runs out, reporting what it deleted', async () => {
    ddb.on(QueryCommand).resolves({ Items: keys(0, 25), LastEvaluatedKey: { PK: 'x', SK: 'y' } });
    ddb.on(BatchWriteCommand).resolves({});
    let left = 200_000;
    const run = purgeBotData({ teamId: 'T1', botId: 'B1', belowGeneration: 1 }, { remainingMs: () => (left -= 50_000) });
    await expect(run).rejects.toBeInstanceOf(PurgeIncomplete);
    await expect(run).rejects.toMatchObject({ deleted: 50 });
  });

  it('reads the bot for its current generation when the request names none, and sweeps every older one', async () => {
    ddb.on(GetCommand).resolves({ Item: { dataGeneration: 3 } });
    ddb.on(QueryCommand).resolves({ Items: [] });
    expect(await purgeBotData({ teamId: 'T1', botId: 'B1' })).toEqual({ generations: 3, deleted: 0 });
    const partitions = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input.ExpressionAttributeValues![':pk']);
    expect(partitions).toEqual([2, 1, 0].map((g) => botDataPartition('T1', 'B1', g)));
    ddb.on(GetCommand).resolves({});
    expect(await purgeBotData({ teamId: 'T1', botId: 'GONE' })).toEqual({ generations: 0, deleted: 0 });
  });

  it('refuses a malformed invocation payload, and the Lambda handler rethrows failures for the async retry', async () => {
    expect(() => parsePurgeRequest({ teamId: 'T1' })).toThrow(/invalid bot data purge request/);
    expect(() => parsePurgeRequest({ teamId: 'T1', botId: 'B1', belowGeneration: -1 })).toThrow();
    expect(parsePurgeRequest({ teamId: 'T1', botId: 'B1', extra: 1 })).toEqual({ teamId: 'T1', botId: 'B1' });
    ddb.on(GetCommand).rejects(new Error('throttled'));
    await expect(handler({ teamId: 'T1', botId: 'B1' }, { getRemainingTimeInMillis: () => 900_000 })).rejects.toThrow('throttled');
  });
});
