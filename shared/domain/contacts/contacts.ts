import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { decodeCursor, encodeCursor } from '../../db/cursor.js';
import { botKey, contactMessageKey, contactPrefix, contactStatusPartition } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import type { ReactivationPayload } from '../../ports/scheduler.js';
import { getStoredBot } from '../bots/bots.js';
import type { StoredBot } from '../bots/model.js';
import { Conflict, PreconditionFailed } from '../errors.js';
import { afterMessage, afterPut, afterTimer, assertContactsEnabled, type ContactState } from './rules.js';
import { type BotStatusPut, type ContactStatusValue, dueTimeOf, type MessagePost } from './schema.js';
import { changeContact, contactItem, fromItem, readContact, toContactStatus } from './store.js';

/**
 * Contact bot status: the operations, around the pure rules of
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

/** The bot, when its contacts may be managed: 404 when missing (or another team's), 409 in mode `off`. */
export async function contactsBot(teamId: string, botId: string): Promise<StoredBot> {
  const bot = await getStoredBot(teamId, botId);
  assertContactsEnabled(bot);
  return bot;
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
    items: (res.Items ?? []).map((i) => toContactStatus(fromItem(i))),
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
