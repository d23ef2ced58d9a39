import { contactTimerName, contactTimers, type ReactivationTimer } from '../../ports/scheduler.js';
import type { StoredBot } from '../bots/model.js';
import { type ContactState, timerOf } from './rules.js';

/**
 * A contact's one timer (EventBridge Scheduler on AWS, the table locally; see `shared/ports/scheduler.ts`): set
 * BEFORE the status change commits, so a committed pause always has its timer. A timer carries the exact paused
 * state it was set for (version, due time, reason, count) and reactivates only that state, so one left behind by a
 * write that did not commit fires as a no-op; a write that touched the timer and then failed re-syncs it to the
 * committed state, so a loser of a race cannot replace the winner's timer for good.
 */

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
export async function applyTimer(teamId: string, bot: StoredBot, state: ContactState): Promise<void> {
  const timer = timerFor(teamId, bot, state);
  if (timer) await contactTimers().put(timer);
  else await contactTimers().remove(contactTimerName(teamId, bot.id, state.contactId));
}
