import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { decodeCursor, encodeCursor } from '../../db/cursor.js';
import { botKey, contactKey, contactMessageKey, contactPrefix, contactStatusIndex, contactStatusPartition } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import { Conflict, PreconditionFailed } from '../errors.js';
import { logger } from '../../logger.js';
import { contactTimerName, contactTimers, type ReactivationPayload, type ReactivationTimer } from '../../ports/scheduler.js';
import { getStoredBot, type StoredBot } from '../bots/bots.js';
import {
  afterMessage,
  afterPut,
  afterTimer,
  assertContactsEnabled,
  type ContactState,
  type ContactStatus,
  timerOf,
  type Transition,
  unseenContact,
} from './rules.js';
import { type BotStatusPut, type ContactStatusValue, dueTimeOf, type MessagePost } from './schema.js';

/**
 * Contact bot status (seed 001, spec "Contact bot status"): storage, timers and audit around the pure rules of
 * `rules.ts`. Contacts live in the bot's data partition (`contactKey`, current `dataGeneration`), indexed by status
 * on GSI1 (`contactStatusIndex`). Every write is conditional on the contact's `version` (0 = no item yet):
 * concurrent writers re-read and re-apply the rules, so no count is lost and a limit turns a contact off once.
 *
 * Timers (EventBridge Scheduler on AWS, the table locally; see `shared/ports/scheduler.ts`) are set BEFORE the
 * status change is committed, so a committed pause always has its timer. A timer carries the exact paused state it
 * was set for (version, due time, reason, count) and reactivates only that state, so one left behind by a write
 * that did not commit fires as a no-op. Because a contact has one timer (one name), a write that touched the timer
 * and then failed re-syncs it to the committed state: a loser of a race cannot replace the winner's timer for good.
 *
 * Audit (module `contacts`, same transaction as the change): every status change (`activate`, `deactivate`,
 * `reactivate` by `system:scheduler`), with its reason and timer. A `bot` message that only increments the count is
 * NOT an audit event: it is traffic, not a decision, and would flood the log; the message item records it instead.
 */

export const SCHEDULER_ACTOR: Actor = { email: 'system:scheduler', role: 'system' };

/** The API shape of a contact's bot status (spec): the stored state without its `version` (that is the ETag). */
const toStatus = (s: ContactState): ContactStatus => ({
  contactId: s.contactId,
  status: s.status,
  reason: s.reason,
  reactivateAt: s.reactivateAt,
  botMessageCount: s.botMessageCount,
  updatedAt: s.updatedAt,
});
export { toStatus as toContactStatus };

/** The bot, when its contacts may be managed: 404 when missing (or another team's), 409 in mode `off`. */
export async function contactsBot(teamId: string, botId: string): Promise<StoredBot> {
  const bot = await getStoredBot(teamId, botId);
  assertContactsEnabled(bot);
  return bot;
}

async function readContact(teamId: string, bot: StoredBot, contactId: string, consistent: boolean): Promise<ContactState> {
  const res = await doc.send(
    new GetCommand({ TableName: tableName(), Key: contactKey(teamId, bot.id, bot.dataGeneration, contactId), ConsistentRead: consistent }),
  );
  return res.Item ? fromItem(res.Item) : unseenContact(contactId);
}

function fromItem(item: Record<string, unknown>): ContactState {
  const { contactId, status, reason, reactivateAt, botMessageCount, updatedAt, version } = item as ContactState;
  return { contactId, status, reason: reason ?? null, reactivateAt: reactivateAt ?? null, botMessageCount, updatedAt, version };
}

/** `GET .../bot-status`: the contact's status (an unseen contact is active with count 0, version 0). */
export async function getContactStatus(teamId: string, botId: string, contactId: string): Promise<ContactState> {
  const bot = await contactsBot(teamId, botId);
  return readContact(teamId, bot, contactId, false);
}

/**
 * `PUT .../bot-status`. `requiredVersion` (from `If-Match`) makes a stale write 412; without it a concurrent
 * change is re-read and the request re-applied. Nothing changes (and nothing is written) when the contact is
 * already in the requested state. 404 for a missing bot, 409 in mode `off` or after too many concurrent changes;
 * a failure to set or delete the timer (AWS) propagates as a 500 and leaves the status unchanged.
 */
export async function setContactStatus(
  teamId: string,
  botId: string,
  contactId: string,
  input: BotStatusPut,
  actor: Actor,
  requiredVersion?: number,
): Promise<ContactState> {
  const bot = await contactsBot(teamId, botId);
  const dueAt = dueTimeOf(input, new Date());
  const { state } = await changeContact(teamId, bot, contactId, actor, (current, now) => {
    if (requiredVersion !== undefined && current.version !== requiredVersion) throw new PreconditionFailed();
    return afterPut(current, input.status, dueAt, now);
  });
  return state;
}

/**
 * `POST .../messages`: records the message (an item in the bot's data partition) and applies the message rules
 * in the same transaction. 409 for a `bot` message while the bot is paused or the contact inactive.
 */
export async function postContactMessage(
  teamId: string,
  botId: string,
  contactId: string,
  message: MessagePost,
  actor: Actor,
): Promise<{ state: ContactState; messageId: string }> {
  const bot = await contactsBot(teamId, botId);
  const messageId = ulid();
  const { state } = await changeContact(
    teamId,
    bot,
    contactId,
    actor,
    (current, now) => afterMessage(current, bot, message.sender, now),
    (now) => ({
      Put: {
        TableName: tableName(),
        Item: {
          ...contactMessageKey(teamId, bot.id, bot.dataGeneration, contactId, messageId),
          entity: 'contactMessage',
          teamId,
          botId: bot.id,
          contactId,
          id: messageId,
          sender: message.sender,
          ...(message.text !== undefined ? { text: message.text } : {}),
          at: now.toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    }),
  );
  return { state, messageId };
}

/** `GET .../contacts?status=`: most recently changed first with a status (GSI1), else by contact id. */
export async function listContactStatuses(
  teamId: string,
  botId: string,
  status: ContactStatusValue | undefined,
  limit: number,
  cursor?: string,
) {
  const bot = await contactsBot(teamId, botId);
  const query = status
    ? (() => {
        const partition = contactStatusPartition(teamId, bot.id, bot.dataGeneration, status);
        return {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': partition },
          ScanIndexForward: false,
          ExclusiveStartKey: decodeCursor(cursor, { partition: { GSI1PK: partition }, sortAttrs: ['GSI1SK'] }),
        };
      })()
    : (() => {
        const { PK, SKPrefix } = contactPrefix(teamId, bot.id, bot.dataGeneration);
        return {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
          ExclusiveStartKey: decodeCursor(cursor, { partition: { PK }, sortAttrs: ['SK'], sortPrefix: SKPrefix }),
        };
      })();
  const res = await doc.send(new QueryCommand({ TableName: tableName(), Limit: limit, ...query }));
  return {
    items: (res.Items ?? []).map((i) => toStatus(fromItem(i))),
    nextCursor: encodeCursor(res.LastEvaluatedKey as Record<string, string> | undefined),
  };
}

export type TimerOutcome = 'reactivated' | 'stale';

/**
 * The `reactivate-contact` function's work when a timer fires. Reactivates (count reset, audited as
 * `system:scheduler`) only the pause the timer was set for, in ONE conditional transaction and without a read: the
 * bot still has the payload's data generation (ConditionCheck; a deleted or reset bot fails it), and the contact is
 * still exactly the paused state of the payload (same version, due time, reason and count). Anything else is
 * `stale` and changes nothing, as does losing a race against an API change.
 *
 * Never early: EventBridge Scheduler works with one-minute precision, so a timer delivered before its due time waits
 * for it (at most `maxEarlyMs`, then it throws to be retried).
 */
export async function reactivateFromTimer(payload: ReactivationPayload, opts: { maxEarlyMs?: number } = {}): Promise<TimerOutcome> {
  const { teamId, botId, contactId, generation } = payload;
  const early = Date.parse(payload.reactivateAt) - Date.now();
  if (early > (opts.maxEarlyMs ?? 60_000)) throw new Error(`timer for ${payload.reactivateAt} delivered ${early} ms early`);
  if (early > 0) await new Promise((r) => setTimeout(r, early));

  const paused: ContactState = {
    contactId,
    status: 'inactive',
    reason: payload.reason as ContactState['reason'],
    reactivateAt: payload.reactivateAt,
    botMessageCount: payload.botMessageCount,
    updatedAt: null,
    version: payload.version,
  };
  const transition = afterTimer(paused, payload, new Date())!;
  const next = transition.next;
  // Either condition failing means the timer no longer matches what is stored: nothing to do.
  const stale = new Conflict('The timer no longer matches the contact.');
  try {
    await retryOnConflict(() =>
      transactWrite([
        {
          item: {
            ConditionCheck: {
              TableName: tableName(),
              Key: botKey(teamId, botId),
              ConditionExpression: 'dataGeneration = :g',
              ExpressionAttributeValues: { ':g': generation },
            },
          },
          onConditionFailed: () => stale,
        },
        {
          item: {
            Put: {
              TableName: tableName(),
              Item: contactItem(teamId, { id: botId, dataGeneration: generation }, next),
              ConditionExpression:
                'version = :v AND #status = :inactive AND reactivateAt = :at AND reason = :reason AND botMessageCount = :count',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':v': paused.version,
                ':inactive': 'inactive',
                ':at': paused.reactivateAt,
                ':reason': paused.reason,
                ':count': paused.botMessageCount,
              },
            },
          },
          onConditionFailed: () => stale,
        },
        auditPut(
          teamId,
          {
            actor: SCHEDULER_ACTOR,
            module: 'contacts',
            action: transition.audit!.action,
            botId,
            targetId: contactId,
            changes: transition.audit!.changes,
          },
          next.updatedAt!,
        ),
      ]),
    );
  } catch (e) {
    if (e === stale) return 'stale';
    throw e;
  }
  return 'reactivated';
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Read -> rules -> timer -> conditional transaction, retried on a version race. `decide` returns undefined when
 * the contact does not change; `extra` adds items (the message) to the transaction, or alone when nothing changes.
 */
async function changeContact(
  teamId: string,
  bot: StoredBot,
  contactId: string,
  actor: Actor,
  decide: (current: ContactState, now: Date) => Transition | undefined,
  extra?: (now: Date) => TransactItem,
): Promise<{ state: ContactState }> {
  let timerTouched = false;
  try {
    return await retryOnConflict(
      async () => {
        const current = await readContact(teamId, bot, contactId, true);
        const now = new Date();
        const transition = decide(current, now);
        const items = extra ? [extra(now)] : [];
        if (!transition) {
          if (items.length) await transactWrite(items.map((item) => ({ item, onConditionFailed: notRecorded })));
          return { state: current };
        }
        const touchesTimer = timerOf(current) !== null || timerOf(transition.next) !== null;
        if (touchesTimer) {
          timerTouched = true;
          await applyTimer(teamId, bot, transition.next);
        }
        await commit(teamId, bot, current, transition, actor, items);
        // This attempt set the timer for what it committed; only a timer touched by an earlier attempt needs re-sync.
        if (touchesTimer) timerTouched = false;
        return { state: transition.next };
      },
      { onExhausted: () => new Conflict('The contact changed concurrently too many times; retry.') },
    );
  } finally {
    // A timer was set or deleted for a state that was not committed: align it with what is.
    if (timerTouched) await resyncTimer(teamId, bot, contactId);
  }
}

/** The contact's new state, conditional on the version read, with its audit event when the status changed. */
async function commit(
  teamId: string,
  bot: StoredBot,
  current: ContactState,
  t: Transition,
  actor: Actor,
  extra: TransactItem[] = [],
): Promise<void> {
  const next = t.next;
  const contactPut: TransactItem = {
    Put: {
      TableName: tableName(),
      Item: contactItem(teamId, bot, next),
      ...(current.version === 0
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': current.version } }),
    },
  };
  const audit = t.audit
    ? [
        auditPut(
          teamId,
          { actor, module: 'contacts', action: t.audit.action, botId: bot.id, targetId: next.contactId, changes: t.audit.changes },
          next.updatedAt!,
        ),
      ]
    : [];
  // The contact changed since it was read: read it again (a plain item). The others are new items.
  await transactWrite([contactPut, ...[...extra, ...audit].map((item) => ({ item, onConditionFailed: changeNotRecorded }))]);
}

const notRecorded = () => new Conflict('The message could not be recorded; retry.');
const changeNotRecorded = () => new Conflict('The change could not be recorded; retry.');

/** The stored item of a contact state (keys, status index, attributes); `state.updatedAt` must be set. */
export function contactItem(teamId: string, bot: Pick<StoredBot, 'id' | 'dataGeneration'>, state: ContactState): Record<string, unknown> {
  return {
    ...contactKey(teamId, bot.id, bot.dataGeneration, state.contactId),
    ...contactStatusIndex(teamId, bot.id, bot.dataGeneration, state.status, state.updatedAt!, state.contactId),
    entity: 'contact',
    teamId,
    botId: bot.id,
    ...state,
  };
}

/** The timer a contact state needs: its reactivation when inactive with a due time, else undefined. */
export function timerFor(
  teamId: string,
  bot: Pick<StoredBot, 'id' | 'dataGeneration'>,
  state: ContactState,
): ReactivationTimer | undefined {
  const dueAt = timerOf(state);
  if (!dueAt) return undefined;
  return {
    name: contactTimerName(teamId, bot.id, state.contactId),
    dueAt,
    payload: {
      teamId,
      botId: bot.id,
      contactId: state.contactId,
      generation: bot.dataGeneration,
      version: state.version,
      reactivateAt: dueAt,
      reason: state.reason!,
      botMessageCount: state.botMessageCount,
    },
  };
}

/** Makes the contact's one timer match `state`: set (or replace) it when `state` is a pause with a due time, else delete it. */
async function applyTimer(teamId: string, bot: StoredBot, state: ContactState): Promise<void> {
  const timer = timerFor(teamId, bot, state);
  if (timer) await contactTimers().put(timer);
  else await contactTimers().remove(contactTimerName(teamId, bot.id, state.contactId));
}

/** After a write that touched the timer did not commit: align the timer with what is committed (best effort). */
async function resyncTimer(teamId: string, bot: StoredBot, contactId: string): Promise<void> {
  try {
    await applyTimer(teamId, bot, await readContact(teamId, bot, contactId, true));
  } catch (error) {
    logger.error('could not re-sync a contact timer', {
      teamId,
      botId: bot.id,
      timer: contactTimerName(teamId, bot.id, contactId),
      error: error as Error,
    });
  }
}
