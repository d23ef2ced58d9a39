import type { Key } from './key.js';

/* Keys of the team partition's configuration items (team, members, API keys, bots, phone numbers, campaigns), the audit log, rate limits and idempotency records. */

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
 * Finds a bot (and so its team) by bot id alone, for callers that hold only the bot id: the public widget routes
 * (the widget key names its bot, not its team). Set on the bot item by `buildNewBot`, so every bot carries it.
 * GSI reads are eventually consistent: use it to learn the team, then read the bot item itself when the decision
 * must see the latest write (a regenerated widget key).
 */
export const botIdIndex = (botId: string) => ({ GSI1PK: botIdIndexPartition(botId), GSI1SK: 'BOT' });
export const botIdIndexPartition = (botId: string) => `BOTID#${botId}`;

/**
 * What a bot accumulates (contacts, messages, calls, connector history) lives under the bot's current data
 * generation (`dataGeneration` on the bot item, starting at 0). A reset bumps the generation in one write, so
 * every read switches to an empty partition at once; the old generation is purged in the background.
 * Entities add their own SK prefixes inside this partition (e.g. `CONTACT#<contactId>`).
 */
export const botDataPartition = (teamId: string, botId: string, generation: number) => `TEAM#${teamId}#BOT#${botId}#G${generation}`;

/** Phone number (DID) mapped to one bot of the team: `{ number, botId }`. */
export const phoneNumberKey = (teamId: string, e164: string): Key => ({ PK: `TEAM#${teamId}`, SK: `PHONE#${e164}` });

export const phoneNumberPrefix = (teamId: string) => ({ PK: `TEAM#${teamId}`, SKPrefix: 'PHONE#' });
/**
 * The one claim on an E.164 number across all teams (`{ number, teamId, version }`): a number is mapped by at
 * most one team, so no team can use another team's number as its caller id.
 */
export const phoneClaimKey = (e164: string): Key => ({ PK: `PHONE#${e164}`, SK: 'CLAIM' });
/** A campaign of the team (`{ id, name, botId, status }`); a running one locks its bot (`lockedByCampaigns`). */
export const campaignKey = (teamId: string, campaignId: string): Key => ({ PK: `TEAM#${teamId}`, SK: `CAMPAIGN#${campaignId}` });
export const campaignPrefix = (teamId: string) => ({ PK: `TEAM#${teamId}`, SKPrefix: 'CAMPAIGN#' });

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

/**
 * One fixed rate-limit window of a `scope` (e.g. `WIDGETKEY#<hash>`): a counter item per window, expired by TTL.
 * `windowStart` is epoch seconds.
 */
export const rateLimitKey = (scope: string, windowStart: number): Key => ({ PK: `RATE#${scope}`, SK: String(windowStart) });

/** Powertools idempotency records share the table under one static partition per service. */
export const IDEMPOTENCY_PARTITION = 'IDEMPOTENCY';
