import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../../db/client.js';
import { type Key, botDataPartition, botKey, callRefKey, campaignContactPartition } from '../../db/keys.js';

/** Logical async-invoke target (`shared/ports/async-invoke.ts`): on AWS `ASYNC_TARGET_BOT_DATA_PURGE` names the function. */
export const BOT_DATA_PURGE_TARGET = 'bot-data-purge';

/**
 * What to purge: every data generation of the bot below `belowGeneration`. Without it (after a reset) the job
 * reads the bot and purges every generation below its current one; a deleted bot's request carries it.
 * `campaignIds`: deleted campaigns whose contact partitions go too (a campaign delete sends `belowGeneration: 0`).
 */
export type PurgeRequest = { teamId: string; botId: string; belowGeneration?: number; campaignIds?: string[] };

export type PurgeResult = { generations: number; deleted: number };

/** The job ran out of its time budget; what it deleted stays deleted and a retry (Lambda async retry) goes on. */
export class PurgeIncomplete extends Error {
  constructor(readonly deleted: number) {
    super(`bot data purge stopped after ${deleted} items to stay within its time budget; a retry continues`);
    this.name = 'PurgeIncomplete';
  }
}

/** Checks an async-invoke payload (it crosses a process boundary, so it is not trusted to be typed). */
export function parsePurgeRequest(payload: unknown): PurgeRequest {
  const p = payload as Partial<PurgeRequest> | null;
  const below = p?.belowGeneration;
  if (
    !p ||
    typeof p.teamId !== 'string' ||
    !p.teamId ||
    typeof p.botId !== 'string' ||
    !p.botId ||
    (below !== undefined && (!Number.isInteger(below) || below < 0)) ||
    (p.campaignIds !== undefined && (!Array.isArray(p.campaignIds) || p.campaignIds.some((c) => typeof c !== 'string' || !c)))
  ) {
    throw new Error(`invalid bot data purge request: ${JSON.stringify(payload)}`);
  }
  return {
    teamId: p.teamId,
    botId: p.botId,
    ...(below !== undefined ? { belowGeneration: below } : {}),
    ...(p.campaignIds?.length ? { campaignIds: p.campaignIds } : {}),
  };
}

const PAGE = 1000;
/** DynamoDB's BatchWriteItem limit. */
const BATCH = 25;
const PARALLEL_BATCHES = 4;
const MAX_BATCH_ATTEMPTS = 10;

/**
 * Deletes the bot's data of every generation below `belowGeneration` (the background half of a reset or delete).
 * Each generation's partition is read a page at a time (Query, keys only) and deleted with BatchWriteItem, 25
 * keys per request and 4 requests in flight, resubmitting `UnprocessedItems` with exponential backoff and jitter
 * as AWS advises. Idempotent: re-running it (a retry, two overlapping resets) deletes what is left. Every older
 * generation is swept again each time (one Query for an empty one), so a purge that never started is caught
 * up by the next one. Throws {@link PurgeIncomplete} when `remainingMs()` drops below `marginMs` (default 60 s)
 * between pages, and an Error when a batch stays unprocessed after 10 attempts (full-jitter backoff from
 * `backoffBaseMs`, default 50 ms, capped at 5 s).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */
export async function purgeBotData(
  request: PurgeRequest,
  opts: { remainingMs?: () => number; marginMs?: number; backoffBaseMs?: number } = {},
): Promise<PurgeResult> {
  let below = request.belowGeneration;
  if (below === undefined) {
    const bot = await doc.send(
      new GetCommand({
        TableName: tableName(),
        Key: botKey(request.teamId, request.botId),
        ConsistentRead: true,
        ProjectionExpression: 'dataGeneration',
      }),
    );
    // A bot deleted meanwhile: the delete's own purge request names the generations.
    if (!bot.Item) return { generations: 0, deleted: 0 };
    below = Number(bot.Item.dataGeneration ?? 0);
  }
  const outOfTime = () => opts.remainingMs !== undefined && opts.remainingMs() < (opts.marginMs ?? 60_000);
  let deleted = 0;
  const generations = below;
  const partitions = [
    ...(request.campaignIds ?? []).map((c) => campaignContactPartition(request.teamId, c)),
    ...Array.from({ length: generations }, (_, i) => botDataPartition(request.teamId, request.botId, generations - 1 - i)),
  ];
  for (const pk of partitions) {
    let start: Record<string, unknown> | undefined;
    do {
      if (outOfTime()) throw new PurgeIncomplete(deleted);
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: '#pk = :pk',
          ProjectionExpression: '#pk, #sk',
          ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
          ExpressionAttributeValues: { ':pk': pk },
          Limit: PAGE,
          ExclusiveStartKey: start,
        }),
      );
      const keys = withCallPointers(request.teamId, (page.Items ?? []) as Key[]);
      await inParallel(chunk(keys, BATCH), PARALLEL_BATCHES, (batch) => deleteBatch(batch, opts.backoffBaseMs ?? 50));
      deleted += keys.length;
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return { generations: below, deleted };
}

/**
 * A call is also reachable by id through its pointer outside the generation partition (`callRefKey`); reads
 * already answer 404 for an old generation, and the purge removes the pointer with the call.
 */
function withCallPointers(teamId: string, keys: Key[]): Key[] {
  return keys.flatMap((k) => (k.SK.startsWith('CALL#') ? [k, callRefKey(teamId, k.SK.slice('CALL#'.length))] : [k]));
}

/** One BatchWriteItem of up to 25 deletes, resubmitting what DynamoDB left unprocessed (throttling). */
async function deleteBatch(keys: Key[], backoffBaseMs: number): Promise<void> {
  const T = tableName();
  let pending = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 1; pending.length; attempt++) {
    if (attempt > MAX_BATCH_ATTEMPTS)
      throw new Error(`BatchWriteItem left ${pending.length} deletes unprocessed after ${MAX_BATCH_ATTEMPTS} attempts`);
    if (attempt > 1) await sleep(Math.random() * Math.min(5_000, backoffBaseMs * 2 ** attempt));
    const res = await doc.send(new BatchWriteCommand({ RequestItems: { [T]: pending } }));
    pending = (res.UnprocessedItems?.[T] ?? []) as typeof pending;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `fn` over `items` with at most `limit` in flight; rejects with the first failure. */
async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
