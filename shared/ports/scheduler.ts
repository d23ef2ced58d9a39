import { createHash } from 'node:crypto';
import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { DeleteCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { doc, tableName } from '../db/client.js';
import { LOCAL_DEAD_TIMERS_PARTITION, LOCAL_TIMERS_PARTITION, localTimerIndex, localTimerKey } from '../db/keys.js';
import { config, isLocalMode, required } from '../config.js';
import { logger } from '../logger.js';

/**
 * Port: one-time timers that reactivate a paused contact (DESIGN.md "Timers").
 *
 * - On AWS: an EventBridge Scheduler one-time `at(...)` schedule per contact in a dedicated schedule group,
 *   `FlexibleTimeWindow OFF`, `ActionAfterCompletion DELETE`, a retry policy and an SQS dead-letter queue, whose
 *   target is the `reactivate-contact` Lambda with the payload as input.
 * - Locally (`LOCAL_MODE=true`): one item per timer in the table; the local runtime polls the due ones
 *   (`fireDueLocalTimers`) and runs the same handler module, so a timer survives a restart of `npm start`.
 *
 * The name is deterministic per team/bot/contact, so a new pause replaces the previous timer and a manual
 * reactivation deletes it. The payload carries the contact's version with the paused state and the data
 * generation: the target does nothing when they no longer match, so a timer that escaped replacement is harmless.
 */
export interface ContactTimers {
  /** Creates the timer, or replaces the one of the same name (new due time and payload). */
  put(timer: ReactivationTimer): Promise<void>;
  /** Deletes the timer; a timer that does not exist (already fired, never set) is not an error. */
  remove(name: string): Promise<void>;
}

/** What the `reactivate-contact` handler receives when a timer fires. `reactivateAt` is ISO-8601 UTC. */
export type ReactivationPayload = {
  teamId: string;
  botId: string;
  contactId: string;
  /** The bot's `dataGeneration` when the timer was set: a reset makes the timer stale. */
  generation: number;
  /** The contact version the pause was committed with. */
  version: number;
  reactivateAt: string;
  /**
   * The rest of the paused state (why it is off, its bot message count). A version names exactly one state, so
   * the target can reactivate (and audit the before-values) without reading the contact first.
   */
  reason: string;
  botMessageCount: number;
};

export type ReactivationTimer = { name: string; dueAt: string; payload: ReactivationPayload };

/** Environment of the functions that set timers on AWS (set by `infra/constructs/contact-timers.ts`). */
export const SCHEDULER_ENV = {
  group: 'CONTACT_SCHEDULE_GROUP',
  targetArn: 'CONTACT_REACTIVATE_FUNCTION_ARN',
  roleArn: 'CONTACT_SCHEDULER_ROLE_ARN',
  dlqArn: 'CONTACT_SCHEDULER_DLQ_ARN',
} as const;

/**
 * Scheduler's own retry of a failed delivery before the event goes to the dead-letter queue: up to 24 h
 * (the maximum) and 20 attempts, because a lost reactivation leaves a contact silent until someone notices.
 */
export const RETRY_POLICY = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 20 } as const;

/**
 * The timer name of a contact: `reactivate-` + 52 hex chars of SHA-256(`teamId/botId/contactId`), 63 characters.
 * Scheduler names allow at most 64 of `[0-9a-zA-Z-_.]` and contact ids are the caller's own strings, so they are
 * hashed rather than embedded (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html).
 */
export function contactTimerName(teamId: string, botId: string, contactId: string): string {
  return `reactivate-${createHash('sha256').update(`${teamId}/${botId}/${contactId}`).digest('hex').slice(0, 52)}`;
}

/**
 * `at(yyyy-mm-ddThh:mm:ss)` in UTC for an ISO instant, rounded up to the whole second so a timer never fires
 * before its due time because of the dropped milliseconds.
 */
export function atExpression(dueAt: string): string {
  const ms = Date.parse(dueAt);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 instant: ${dueAt}`);
  return `at(${new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19)})`;
}

/** The AWS adapter: EventBridge Scheduler (`@aws-sdk/client-scheduler`). Configuration comes from `SCHEDULER_ENV`. */
export class EventBridgeContactTimers implements ContactTimers {
  private readonly config: { group: string; targetArn: string; roleArn: string; dlqArn: string };

  constructor(
    private readonly client: SchedulerClient = new SchedulerClient({}),
    settings?: { group: string; targetArn: string; roleArn: string; dlqArn: string },
  ) {
    const env = config();
    this.config = settings ?? {
      group: required(env[SCHEDULER_ENV.group], SCHEDULER_ENV.group),
      targetArn: required(env[SCHEDULER_ENV.targetArn], SCHEDULER_ENV.targetArn),
      roleArn: required(env[SCHEDULER_ENV.roleArn], SCHEDULER_ENV.roleArn),
      dlqArn: required(env[SCHEDULER_ENV.dlqArn], SCHEDULER_ENV.dlqArn),
    };
  }

  /** The full schedule definition: UpdateSchedule replaces every field, so create and update send the same one. */
  scheduleInput(timer: ReactivationTimer): CreateScheduleCommandInput {
    return {
      Name: timer.name,
      GroupName: this.config.group,
      ScheduleExpression: atExpression(timer.dueAt),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: `Reactivate the bot for one contact of bot ${timer.payload.botId}`,
      Target: {
        Arn: this.config.targetArn,
        RoleArn: this.config.roleArn,
        Input: JSON.stringify(timer.payload),
        RetryPolicy: { ...RETRY_POLICY },
        DeadLetterConfig: { Arn: this.config.dlqArn },
      },
    };
  }

  /**
   * CreateSchedule; when the name exists (a previous pause of the same contact), UpdateSchedule with the new
   * definition. If that schedule fired and deleted itself in between (ResourceNotFound), create again.
   */
  async put(timer: ReactivationTimer): Promise<void> {
    const input = this.scheduleInput(timer);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.send(new CreateScheduleCommand(input));
        return;
      } catch (e) {
        if (!(e instanceof ConflictException)) throw e;
      }
      try {
        await this.client.send(new UpdateScheduleCommand(input));
        return;
      } catch (e) {
        if (!(e instanceof ResourceNotFoundException) || attempt >= 2) throw e;
      }
    }
  }

  async remove(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.config.group }));
    } catch (e) {
      // Already fired (ActionAfterCompletion DELETE) or never created: the goal, no timer, holds.
      if (!(e instanceof ResourceNotFoundException)) throw e;
    }
  }
}

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

let timers: ContactTimers | undefined;
/** The adapter of this process: the table in `LOCAL_MODE`, EventBridge Scheduler otherwise. Created once. */
export function contactTimers(): ContactTimers {
  timers ??= isLocalMode() ? new TableContactTimers() : new EventBridgeContactTimers();
  return timers;
}
