/**
 * Every key of the single table is built here and nowhere else (model: alexdebrie/dynamodb-instagram
 * `src/data/*`). Ids are ULIDs, so a sort key ending in an id also sorts by creation time.
 *
 * | entity            | PK                      | SK                    | GSI1PK / GSI1SK                          | GSI2PK / GSI2SK                   | GSI3PK / GSI3SK                      |
 * |-------------------|-------------------------|-----------------------|------------------------------------------|-----------------------------------|--------------------------------------|
 * | team              | TEAM#<teamId>           | TEAM                  |                                          |                                   |                                      |
 * | member            | TEAM#<teamId>           | MEMBER#<memberId>     |                                          |                                   |                                      |
 * | member email lock | TEAM#<teamId>           | EMAIL#<lower email>   |                                          |                                   |                                      |
 * | api key           | APIKEY#<keyId>          | APIKEY                | TEAM#<teamId>#APIKEYS / <keyId>          |                                   |                                      |
 * | bot               | TEAM#<teamId>           | BOT#<botId>           |                                          |                                   |                                      |
 * | phone number      | TEAM#<teamId>           | PHONE#<e164>          |                                          |                                   |                                      |
 * | bot data (per gen)| TEAM#<t>#BOT#<b>#G<gen> | <entity>#<id>         | (see botDataPartition)                   |                                   |                                      |
 * | contact bot status| TEAM#<t>#BOT#<b>#G<gen> | CONTACT#<contactId>   | <botDataPartition>#STATUS#<status> / <updatedAt>#<contactId> |                   |                                      |
 * | contact message   | TEAM#<t>#BOT#<b>#G<gen> | MESSAGE#<contactId>#<messageId> |                                |                                   |                                      |
 * | local timer       | LOCALTIMER#<name>       | LOCALTIMER            | LOCALTIMERS / <dueAt>#<name> (LOCALTIMERS#DEAD once given up) |          |                                      |
 * | audit event       | TEAM#<teamId>#AUDIT     | <at>#<eventId>        | TEAM#<teamId>#AUDIT#BOT#<botId> / <at>#<id> | TEAM#<teamId>#AUDIT#ACTOR#<email> / <at>#<id> | TEAM#<teamId>#AUDIT#MODULE#<module> / <at>#<id> |
 */
import type { GsiName } from './table.js';

export type Key = { PK: string; SK: string };

export const teamKey = (teamId: string): Key => ({ PK: `TEAM#${teamId}`, SK: 'TEAM' });

export const memberKey = (teamId: string, memberId: string): Key => ({ PK: `TEAM#${teamId}`, SK: `MEMBER#${memberId}` });
export const memberPrefix = (teamId: string) => ({ PK: `TEAM#${teamId}`, SKPrefix: 'MEMBER#' });
export const memberEmailKey = (teamId: string, email: string): Key => ({
  PK: `TEAM#${teamId}`,
  SK: `EMAIL#${email.toLowerCase()}`,
});

export const apiKeyKey = (keyId: string): Key => ({ PK: `APIKEY#${keyId}`, SK: 'APIKEY' });
export const apiKeyIndex = (teamId: string, keyId: string) => ({ GSI1PK: `TEAM#${teamId}#APIKEYS`, GSI1SK: keyId });
export const apiKeyListPartition = (teamId: string) => `TEAM#${teamId}#APIKEYS`;

export const botKey = (teamId: string, botId: string): Key => ({ PK: `TEAM#${teamId}`, SK: `BOT#${botId}` });
export const botPrefix = (teamId: string) => ({ PK: `TEAM#${teamId}`, SKPrefix: 'BOT#' });

/**
 * What a bot accumulates (contacts, messages, calls, connector history) lives under the bot's current data
 * generation (`dataGeneration` on the bot item, starting at 0). A reset bumps the generation in one write, so
 * every read switches to an empty partition at once; the old generation is purged in the background.
 * Entities add their own SK prefixes inside this partition (e.g. `CONTACT#<contactId>`).
 */
export const botDataPartition = (teamId: string, botId: string, generation: number) => `TEAM#${teamId}#BOT#${botId}#G${generation}`;

/** Phone number (DID) mapped to one bot of the team: `{ number, botId }` (spec, "Campaigns and phone numbers"). */
export const phoneNumberKey = (teamId: string, e164: string): Key => ({ PK: `TEAM#${teamId}`, SK: `PHONE#${e164}` });

export const auditPartition = (teamId: string) => `TEAM#${teamId}#AUDIT`;
export const auditSortKey = (at: string, eventId: string) => `${at}#${eventId}`;
export const auditKey = (teamId: string, at: string, eventId: string): Key => ({
  PK: auditPartition(teamId),
  SK: auditSortKey(at, eventId),
});
/** Index partitions for the audit filters that have one; each sorts by `<at>#<id>` like the base table. */
export const auditIndexPartition = {
  GSI1: (teamId: string, botId: string) => `TEAM#${teamId}#AUDIT#BOT#${botId}`,
  GSI2: (teamId: string, actorEmail: string) => `TEAM#${teamId}#AUDIT#ACTOR#${actorEmail.toLowerCase()}`,
  GSI3: (teamId: string, module: string) => `TEAM#${teamId}#AUDIT#MODULE#${module}`,
} satisfies Record<GsiName, (teamId: string, v: string) => string>;

/** Powertools idempotency records share the table under one static partition per service. */
export const IDEMPOTENCY_PARTITION = 'IDEMPOTENCY';

// --- Contact bot status (issue 4) ---------------------------------------------------------------------------------

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
export const contactStatusIndex = (teamId: string, botId: string, generation: number, status: string, updatedAt: string, contactId: string) => ({
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
