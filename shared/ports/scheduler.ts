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
import { config, required } from '../config.js';
import { PortAdapter } from './adapter.js';

/**
 * Port: one-time timers that reactivate a paused contact.
 *
 * - On AWS: an EventBridge Scheduler one-time `at(...)` schedule per contact in a dedicated schedule group,
 *   `FlexibleTimeWindow OFF`, `ActionAfterCompletion DELETE`, a retry policy and an SQS dead-letter queue, whose
 *   target is the `reactivate-contact` Lambda with the payload as input.
 * - Locally (`infra/local/adapters/contact-timers.ts`): one item per timer in the table; the local runtime polls
 *   the due ones and runs the same handler module, so a timer survives a restart of `npm start`.
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

export const contactTimersAdapter = new PortAdapter<ContactTimers>('scheduler', () => new EventBridgeContactTimers());

/** The timers of this process: EventBridge Scheduler, or locally items of the table (`infra/local/adapters/contact-timers.ts`). */
export const contactTimers = (): ContactTimers => contactTimersAdapter.get();
