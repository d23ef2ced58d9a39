import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { contactKey, contactStatusIndex } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import type { StoredBot } from '../bots/model.js';
import { Conflict } from '../errors.js';
import { type ContactState, type ContactStatus, timerOf, type Transition, unseenContact } from './rules.js';
import { logger } from '../../logger.js';
import { contactTimerName } from '../../ports/scheduler.js';
import { applyTimer } from './timers.js';

/**
 * Contacts in the table: a contact lives in its bot's data partition (`contactKey`, current `dataGeneration`),
 * indexed by status on GSI1 (`contactStatusIndex`). Every write is conditional on the contact's `version`
 * (0 = no item yet): concurrent writers read again and re-apply the rules, so no count is lost and a limit turns a
 * contact off once. The contact's timer is set before the change commits (`timers.ts`).
 */

/** The API shape of a contact's bot status: the stored state without its `version` (that is the ETag). */
export const toContactStatus = (s: ContactState): ContactStatus => ({
  contactId: s.contactId,
  status: s.status,
  reason: s.reason,
  reactivateAt: s.reactivateAt,
  botMessageCount: s.botMessageCount,
  updatedAt: s.updatedAt,
});

export async function readContact(teamId: string, bot: StoredBot, contactId: string, consistent: boolean): Promise<ContactState> {
  const res = await doc.send(
    new GetCommand({ TableName: tableName(), Key: contactKey(teamId, bot.id, bot.dataGeneration, contactId), ConsistentRead: consistent }),
  );
  return res.Item ? fromItem(res.Item) : unseenContact(contactId);
}

export function fromItem(item: Record<string, unknown>): ContactState {
  const { contactId, status, reason, reactivateAt, botMessageCount, updatedAt, version } = item as ContactState;
  return { contactId, status, reason: reason ?? null, reactivateAt: reactivateAt ?? null, botMessageCount, updatedAt, version };
}

/**
 * Read -> rules -> timer -> conditional transaction, retried on a version race. `decide` returns undefined when
 * the contact does not change; `extra` adds items (the message) to the transaction, or alone when nothing changes.
 */
export async function changeContact(
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
