import { DeleteCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { doc, tableName } from '../../../shared/db/client.js';
import { LOCAL_DEAD_TIMERS_PARTITION, LOCAL_TIMERS_PARTITION, localTimerIndex, localTimerKey } from '../../../shared/db/keys.js';
import { logger } from '../../../shared/logger.js';
import type { ContactTimers, ReactivationPayload, ReactivationTimer } from '../../../shared/ports/scheduler.js';

/**
 * The local adapter of the contact timer port, and the local scheduler that fires them: what EventBridge
 * Scheduler is on AWS. Timers are items of the single table (`localTimerKey`), so they survive a restart of
 * `npm start`; the poller (`infra/local/contact-timers.ts`) fires the due ones by running the same handler module
 * the schedules target on AWS.
 */

/** A local timer as stored: `token` changes on every put, so the poller never deletes a timer replaced meanwhile. */
type LocalTimerItem = ReactivationTimer & { token: string; attempts: number; lastError?: string };

/** The local adapter: timers are items of the single table (see `localTimerKey`). */
export class TableContactTimers implements ContactTimers {
  async put(timer: ReactivationTimer): Promise<void> {
    await doc.send(new PutCommand({ TableName: tableName(), Item: newLocalTimerItem(timer) }));
  }

  async remove(name: string): Promise<void> {
    await doc.send(new DeleteCommand({ TableName: tableName(), Key: localTimerKey(name) }));
  }
}

const localTimerItem = (t: LocalTimerItem, partition = LOCAL_TIMERS_PARTITION) => ({
  ...localTimerKey(t.name),
  ...localTimerIndex(t.dueAt, t.name, partition),
  entity: 'localTimer',
  name: t.name,
  dueAt: t.dueAt,
  payload: t.payload,
  token: t.token,
  attempts: t.attempts,
  ...(t.lastError !== undefined ? { lastError: t.lastError } : {}),
});

/** The table item of a new local timer (a fresh `token`, no attempts yet). */
export const newLocalTimerItem = (timer: ReactivationTimer) => localTimerItem({ ...timer, token: ulid(), attempts: 0 });

/** Local retries of a failing handler before the timer is dead-lettered: 1 s, 2 s, 4 s, 8 s apart. */
export const LOCAL_MAX_ATTEMPTS = 5;

/**
 * One pass of the local scheduler: runs `fire` for every timer due at `now`, `concurrency` at a time, until none
 * is left. Delivery is at least once, like Scheduler's: a timer is deleted only after `fire` resolved (and only if
 * it was not replaced meanwhile), so a crash mid-pass fires it again at the next start. A failing `fire` is
 * retried with backoff, then moved to the dead-letter partition. Returns how many timers were fired.
 *
 * Timers stream through a pool of workers: the next page (in due order, continuing after the last one read, so
 * fired timers still awaiting their delete are not read again) is fetched while the pool still has work, and
 * deletes run in the background in batches; the pass waits for them before it returns.
 */
export async function fireDueLocalTimers(
  fire: (payload: ReactivationPayload) => Promise<unknown>,
  opts: { now?: () => Date; concurrency?: number; pageSize?: number; maxPerPass?: number } = {},
): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const concurrency = opts.concurrency ?? 16;
  const pageSize = opts.pageSize ?? 200;
  const maxPerPass = opts.maxPerPass ?? 50_000;
  const queue: LocalTimerItem[] = [];
  const done: LocalTimerItem[] = [];
  const deletes: Promise<void>[] = [];
  let read = 0;
  let fired = 0;
  let lastKey: Record<string, unknown> | undefined;
  let exhausted = false;
  let fetching: Promise<void> | undefined;

  const fetchPage = async () => {
    const res = await doc.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :p AND GSI1SK <= :due',
        ExpressionAttributeValues: { ':p': LOCAL_TIMERS_PARTITION, ':due': `${now().toISOString()}#\uffff` },
        Limit: pageSize,
        ExclusiveStartKey: lastKey,
      }),
    );
    const items = (res.Items ?? []) as LocalTimerItem[];
    queue.push(...items);
    read += items.length;
    const last = items.at(-1) as Record<string, unknown> | undefined;
    if (last) lastKey = { PK: last.PK, SK: last.SK, GSI1PK: last.GSI1PK, GSI1SK: last.GSI1SK };
    // A short page: nothing more is due right now (a new timer is always due later than the last one read).
    if (items.length < pageSize || read >= maxPerPass) exhausted = true;
  };
  let failed: unknown;
  const refill = () => {
    if (!exhausted && !fetching && queue.length < concurrency * 2) {
      // A failed read ends the pass once the timers in hand are done; the next pass starts over.
      fetching = fetchPage()
        .catch((e: unknown) => {
          failed = e;
          exhausted = true;
        })
        .finally(() => {
          fetching = undefined;
        });
    }
    return fetching;
  };

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const pending = refill();
        const timer = queue.shift();
        if (!timer) {
          if (pending) {
            await pending;
            continue;
          }
          return;
        }
        if (await fireOne(timer, fire)) {
          fired++;
          done.push(timer);
        }
        if (done.length >= 100) deletes.push(deleteFired(done.splice(0)));
      }
    }),
  );
  deletes.push(deleteFired(done.splice(0)));
  await Promise.all(deletes);
  if (failed) throw failed;
  return fired;
}

const sameTimer = (t: LocalTimerItem) => ({
  ConditionExpression: '#token = :token',
  ExpressionAttributeNames: { '#token': 'token' },
  ExpressionAttributeValues: { ':token': t.token },
});

/**
 * Deletes fired timers unless replaced meanwhile (a new pause keeps its new timer): up to 100 conditional deletes per
 * TransactWriteItems, one request instead of 100; if any was replaced, the chunk falls back to one delete each.
 */
async function deleteFired(timers: LocalTimerItem[]): Promise<void> {
  for (let i = 0; i < timers.length; i += 100) {
    const chunk = timers.slice(i, i + 100);
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: chunk.map((t) => ({ Delete: { TableName: tableName(), Key: localTimerKey(t.name), ...sameTimer(t) } })),
        }),
      );
    } catch {
      await Promise.all(
        chunk.map((t) =>
          doc.send(new DeleteCommand({ TableName: tableName(), Key: localTimerKey(t.name), ...sameTimer(t) })).catch(() => undefined),
        ),
      );
    }
  }
}

/** Runs one timer's target; on failure schedules a retry (or dead-letters it). True when it ran. */
async function fireOne(timer: LocalTimerItem, fire: (payload: ReactivationPayload) => Promise<unknown>): Promise<boolean> {
  try {
    await fire(timer.payload);
  } catch (error) {
    const attempts = timer.attempts + 1;
    const dead = attempts >= LOCAL_MAX_ATTEMPTS;
    const retryAt = new Date(Date.now() + 1000 * 2 ** (attempts - 1)).toISOString();
    logger.error(dead ? 'local timer dead-lettered' : 'local timer failed; retrying', {
      name: timer.name,
      attempts,
      error: error as Error,
    });
    const item = localTimerItem(
      { ...timer, dueAt: dead ? timer.dueAt : retryAt, attempts, lastError: String((error as Error)?.message ?? error) },
      dead ? LOCAL_DEAD_TIMERS_PARTITION : LOCAL_TIMERS_PARTITION,
    );
    await doc.send(new PutCommand({ TableName: tableName(), Item: item, ...sameTimer(timer) })).catch(() => undefined);
    return false;
  }
  return true;
}
