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
 * | audit event       | TEAM#<teamId>#AUDIT     | <at>#<eventId>        | TEAM#<teamId>#AUDIT#BOT#<botId> / <at>#<id> | TEAM#<teamId>#AUDIT#ACTOR#<email> / <at>#<id> | TEAM#<teamId>#AUDIT#MODULE#<module> / <at>#<id> |
 * | audit export      | TEAM#<teamId>           | AUDITEXPORT#<exportId>|                                          |                                   |                                      |
 *
 * Audit events also carry GSI4PK `TEAM#<teamId>#AUDIT#ACTION#<action>` and GSI5PK
 * `TEAM#<teamId>#AUDIT#MODULE#<module>#ACTION#<action>`, both with SK `<at>#<id>` (see `auditIndexPartition`).
 */
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
/**
 * Index partitions of the audit filters, one index per filter: bot (GSI1), actor (GSI2), module (GSI3),
 * action (GSI4) and the common module+action pair (GSI5). Each sorts by `<at>#<id>` like the base table, so a
 * date range is a sort-key range on any of them.
 */
export const auditIndexPartition = {
  GSI1: (teamId: string, botId: string) => `TEAM#${teamId}#AUDIT#BOT#${botId}`,
  GSI2: (teamId: string, actorEmail: string) => `TEAM#${teamId}#AUDIT#ACTOR#${actorEmail.toLowerCase()}`,
  GSI3: (teamId: string, module: string) => `TEAM#${teamId}#AUDIT#MODULE#${module}`,
  GSI4: (teamId: string, action: string) => `TEAM#${teamId}#AUDIT#ACTION#${action}`,
  GSI5: (teamId: string, module: string, action: string) => `TEAM#${teamId}#AUDIT#MODULE#${module}#ACTION#${action}`,
};

/** An audit CSV export job (`POST /audit-logs/exports`): status, filters, progress, and where its file is. */
export const auditExportKey = (teamId: string, exportId: string): Key => ({ PK: `TEAM#${teamId}`, SK: `AUDITEXPORT#${exportId}` });

/** Powertools idempotency records share the table under one static partition per service. */
export const IDEMPOTENCY_PARTITION = 'IDEMPOTENCY';
