import type { Key } from './key.js';
import { botDataPartition } from './team.js';

/* Keys of contact bot status and messages, and of the local timers that stand in for EventBridge Scheduler. */

/** A contact's bot status inside the bot's current data generation; `contactId` is the caller's own id. */
export const contactKey = (teamId: string, botId: string, generation: number, contactId: string): Key => ({
  PK: botDataPartition(teamId, botId, generation),
  SK: `CONTACT#${contactId}`,
});
export const contactPrefix = (teamId: string, botId: string, generation: number) => ({
  PK: botDataPartition(teamId, botId, generation),
  SKPrefix: 'CONTACT#',
});
/**
 * GSI1 partition of a bot's contacts with one status: "list contacts by status" is one Query. It carries the
 * data generation, so a reset empties every status list at once.
 */
export const contactStatusPartition = (teamId: string, botId: string, generation: number, status: string) =>
  `${botDataPartition(teamId, botId, generation)}#STATUS#${status}`;
export const contactStatusIndex = (
  teamId: string,
  botId: string,
  generation: number,
  status: string,
  updatedAt: string,
  contactId: string,
) => ({
  GSI1PK: contactStatusPartition(teamId, botId, generation, status),
  GSI1SK: `${updatedAt}#${contactId}`,
});
/** One message posted for a contact (`messageId` is a ULID, so a contact's messages sort by time). */
export const contactMessageKey = (teamId: string, botId: string, generation: number, contactId: string, messageId: string): Key => ({
  PK: botDataPartition(teamId, botId, generation),
  SK: `MESSAGE#${contactId}#${messageId}`,
});

/**
 * Timers of the local scheduler (`npm start` only; on AWS they are EventBridge Scheduler schedules). One item per
 * schedule name, so a new pause replaces the old timer in place; GSI1 orders them by due time so the poller's
 * "what is due" is one Query. Given-up timers move to the `#DEAD` partition (the local dead-letter queue).
 */
export const localTimerKey = (name: string): Key => ({ PK: `LOCALTIMER#${name}`, SK: 'LOCALTIMER' });
export const LOCAL_TIMERS_PARTITION = 'LOCALTIMERS';
export const LOCAL_DEAD_TIMERS_PARTITION = 'LOCALTIMERS#DEAD';
export const localTimerIndex = (dueAt: string, name: string, partition: string = LOCAL_TIMERS_PARTITION) => ({
  GSI1PK: partition,
  GSI1SK: `${dueAt}#${name}`,
});
