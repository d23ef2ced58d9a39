import type { Changes } from '../../audit/audit.js';
import { Conflict } from '../errors.js';
import type { StoredBot } from '../bots/model.js';
import { durationMs } from '../duration.js';
import type { ContactStatusValue, InactiveReason, Sender } from './schema.js';

/**
 * The per-contact bot status rules, as pure functions of the
 * current state, the bot's settings and the clock. The repository (`contacts.ts`) reads, applies one of these,
 * and writes the result conditionally on `version`.
 */

/** A contact's bot status as the API returns it. `updatedAt` is null for a contact never written. */
export type ContactStatus = {
  contactId: string;
  status: ContactStatusValue;
  reason: InactiveReason | null;
  reactivateAt: string | null;
  botMessageCount: number;
  updatedAt: string | null;
};
/** Stored state: `version` 0 means no item yet (the contact was never written). */
export type ContactState = ContactStatus & { version: number };

/** The bot settings these rules read. */
export type ContactRulesBot = Pick<
  StoredBot,
  'mode' | 'active' | 'maxMessagesPerContact' | 'autoReactivateAfter' | 'sleepOnManualMessage' | 'sleepOnWorkflowMessage'
>;

/** Audit actions of the `contacts` module. */
export type ContactAction = 'activate' | 'deactivate' | 'reactivate';

/** A change to write: the next state (version + 1) and, when the status changed, its audit event. */
export type Transition = { next: ContactState; audit?: { action: ContactAction; changes: Changes } };

/** An unseen contact has the bot active and no messages counted. */
export function unseenContact(contactId: string): ContactState {
  return { contactId, status: 'active', reason: null, reactivateAt: null, botMessageCount: 0, updatedAt: null, version: 0 };
}

/** Per-contact management exists only in Suggestive or Auto-Pilot mode; in `off` it is a conflict. */
export function assertContactsEnabled(bot: Pick<ContactRulesBot, 'mode'>): void {
  if (bot.mode === 'off') {
    throw new Conflict('The bot\'s mode is "off": contact bot status is only available in "suggestive" or "auto_pilot" mode.', {
      mode: bot.mode,
    });
  }
}

/** The timer of a state: its due time while inactive with one, else null. */
export const timerOf = (s: Pick<ContactState, 'status' | 'reactivateAt'>): string | null =>
  s.status === 'inactive' ? s.reactivateAt : null;

const AUDITED: (keyof ContactStatus)[] = ['status', 'reason', 'reactivateAt', 'botMessageCount'];

function changesOf(before: ContactState, after: ContactState): Changes {
  const out: Changes = {};
  for (const k of AUDITED) if (before[k] !== after[k]) out[k] = { before: before[k], after: after[k] };
  return out;
}

function advance(current: ContactState, patch: Partial<ContactStatus>, now: Date): ContactState {
  return { ...current, ...patch, updatedAt: now.toISOString(), version: current.version + 1 };
}

function turnOff(
  current: ContactState,
  reason: InactiveReason,
  reactivateAt: string | null,
  now: Date,
  patch: Partial<ContactStatus> = {},
): Transition {
  const next = advance(current, { ...patch, status: 'inactive', reason, reactivateAt }, now);
  return { next, audit: { action: 'deactivate', changes: changesOf(current, next) } };
}

/** Reactivation (timer or `PUT active`) turns the bot back on and resets the count. */
function turnOn(current: ContactState, action: ContactAction, now: Date): Transition {
  const next = advance(current, { status: 'active', reason: null, reactivateAt: null, botMessageCount: 0 }, now);
  return { next, audit: { action, changes: changesOf(current, next) } };
}

/** Due time of an automatic turn-off: now + the bot's `autoReactivateAfter`, or none. */
function autoTimer(bot: ContactRulesBot, now: Date): string | null {
  const ms = bot.autoReactivateAfter ? durationMs(bot.autoReactivateAfter) : undefined;
  return ms ? new Date(now.getTime() + ms).toISOString() : null;
}

/**
 * A message posted for the contact.
 *
 * - `bot`: refused (409) while the bot is paused (`active: false`) or the contact is inactive: this is where the
 *   pause is enforced. Otherwise it counts; the message that reaches `maxMessagesPerContact` turns the contact
 *   off (`message_limit`).
 * - `manual` / `workflow`: turn an active contact off (`manual_message` / `workflow_message`) when the bot's
 *   `sleepOnManualMessage` / `sleepOnWorkflowMessage` is on. A contact that is already off stays as it is: an
 *   agent's pause until a chosen time is not shortened or extended by automatic rules.
 * - `contact`: changes nothing.
 *
 * Automatic turn-offs set a timer after the bot's `autoReactivateAfter` when it has one. Returns undefined when
 * the status does not change; a transition with no `audit` is a count-only change.
 */
export function afterMessage(current: ContactState, bot: ContactRulesBot, sender: Sender, now: Date): Transition | undefined {
  switch (sender) {
    case 'bot': {
      if (!bot.active) throw new Conflict('The bot is paused: it answers nobody until it is resumed.', { botActive: false });
      if (current.status === 'inactive') {
        throw new Conflict('The bot is inactive for this contact; reactivate it first.', {
          contactStatus: current.status,
          reason: current.reason,
          reactivateAt: current.reactivateAt,
        });
      }
      const count = current.botMessageCount + 1;
      if (bot.maxMessagesPerContact != null && count >= bot.maxMessagesPerContact) {
        return turnOff(current, 'message_limit', autoTimer(bot, now), now, { botMessageCount: count });
      }
      return { next: advance(current, { botMessageCount: count }, now) };
    }
    case 'manual':
    case 'workflow': {
      const sleeps = sender === 'manual' ? bot.sleepOnManualMessage : bot.sleepOnWorkflowMessage;
      if (!sleeps || current.status === 'inactive') return undefined;
      return turnOff(current, sender === 'manual' ? 'manual_message' : 'workflow_message', autoTimer(bot, now), now);
    }
    case 'contact':
      return undefined;
  }
}

/**
 * `PUT .../bot-status`. `active` reactivates and resets the count; `inactive` switches the bot off for the contact
 * (`manual`) until `dueAt`, or indefinitely when null. Returns undefined when nothing would change.
 */
export function afterPut(current: ContactState, status: ContactStatusValue, dueAt: string | null, now: Date): Transition | undefined {
  if (status === 'active') {
    if (current.status === 'active' && current.botMessageCount === 0) return undefined;
    return turnOn(current, 'activate', now);
  }
  if (current.status === 'inactive' && current.reason === 'manual' && current.reactivateAt === dueAt) return undefined;
  return turnOff(current, 'manual', dueAt, now);
}

/**
 * A fired timer: reactivates only the exact pause it was set for (same version and due time, still inactive).
 * Anything else means the contact changed after the timer was set: undefined, nothing to do.
 */
export function afterTimer(current: ContactState, timer: { version: number; reactivateAt: string }, now: Date): Transition | undefined {
  if (current.version !== timer.version || current.status !== 'inactive' || current.reactivateAt !== timer.reactivateAt) return undefined;
  return turnOn(current, 'reactivate', now);
}
