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
 * | campaign          | TEAM#<teamId>           | CAMPAIGN#<campaignId> |                                          |                                   |                                      |
 * | bot data (per gen)| TEAM#<t>#BOT#<b>#G<gen> | <entity>#<id>         | (see botDataPartition)                   |                                   |                                      |
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

// --- issue 3: campaigns and the phone number list -------------------------------------------------------------
export const phoneNumberPrefix = (teamId: string) => ({ PK: `TEAM#${teamId}`, SKPrefix: 'PHONE#' });
/** A campaign of the team (`{ id, name, botId, status }`); a running one locks its bot (`lockedByCampaigns`). */
export const campaignKey = (teamId: string, campaignId: string): Key => ({ PK: `TEAM#${teamId}`, SK: `CAMPAIGN#${campaignId}` });
export const campaignPrefix = (teamId: string) => ({ PK: `TEAM#${teamId}`, SKPrefix: 'CAMPAIGN#' });
// --- end issue 3 ----------------------------------------------------------------------------------------------

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
