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
 * | bot               | TEAM#<teamId>           | BOT#<botId>           | BOTID#<botId> / BOT (botIdIndex)         |                                   |                                      |
 * | phone number      | TEAM#<teamId>           | PHONE#<e164>          |                                          |                                   |                                      |
 * | phone number claim| PHONE#<e164>            | CLAIM                 |                                          |                                   |                                      |
 * | campaign          | TEAM#<teamId>           | CAMPAIGN#<campaignId> |                                          |                                   |                                      |
 * | bot data (per gen)| TEAM#<t>#BOT#<b>#G<gen> | <entity>#<id>         | (see botDataPartition)                   |                                   |                                      |
 * | rate-limit window | RATE#<scope>            | <windowStart epoch s> |                                          |                                   |                                      |
 * | call              | TEAM#<t>#BOT#<b>#G<gen> | CALL#<callId>         |                                          |                                   |                                      |
 * | call pointer      | CALLREF#<callId>        | TEAM#<teamId>         |                                          |                                   |                                      |
 * | outbox entry      | OUTBOX#<shard>          | <at>#<entryId>        |                                          |                                   |                                      |
 * | webhook secret    | WHSECRET#<teamId>       | WHSECRET              |                                          |                                   |                                      |
 * | connector         | TEAM#<teamId>           | CONNECTOR#<connId>    | TEAM#<t>#CONNECTORS#BOT#<botId> / <env>#<status>#<connId> | HEALTHCHECK#<shard> / <lastCheckAt or 0>#<t>#<connId> (sparse: starting/online/unhealthy only) | TEAM#<t>#CONNECTORS#ENV#<env> / <status>#<connId> |
 * | connector history | TEAM#<t>#BOT#<b>#G<gen> | CONNECTOR_EVENT#<connId>#<at>#<eventId> |                      |                                   |                                      |
 * | contact bot status| TEAM#<t>#BOT#<b>#G<gen> | CONTACT#<contactId>   | <botDataPartition>#STATUS#<status> / <updatedAt>#<contactId> |                   |                                      |
 * | contact message   | TEAM#<t>#BOT#<b>#G<gen> | MESSAGE#<contactId>#<messageId> |                                |                                   |                                      |
 * | local timer       | LOCALTIMER#<name>       | LOCALTIMER            | LOCALTIMERS / <dueAt>#<name> (LOCALTIMERS#DEAD once given up) |          |                                      |
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

// --- Calls, outbox and the post-call push signing secret ---------------------------------------------------

/** A call is bot data: it lives in the bot's current data generation, so a reset hides it from every read. */
export const callKey = (teamId: string, botId: string, generation: number, callId: string): Key => ({
  PK: botDataPartition(teamId, botId, generation),
  SK: `CALL#${callId}`,
});
/** A bot's calls: ULID ids, so `ScanIndexForward: false` lists them newest first. */
export const callPrefix = (teamId: string, botId: string, generation: number) => ({
  PK: botDataPartition(teamId, botId, generation),
  SKPrefix: 'CALL#',
});

/**
 * `GET /calls/{callId}` has no bot id: this pointer, one partition per call, names the bot and the data
 * generation the call was written in. A reader compares that generation with the bot's current one, so a call
 * of a reset bot answers 404 like any missing id. The team is part of the key: another team's id never matches.
 */
export const callRefKey = (teamId: string, callId: string): Key => ({ PK: `CALLREF#${callId}`, SK: `TEAM#${teamId}` });

/** Transactional outbox (events written with the change, published after it); sharded to spread writes. */
export const OUTBOX_SHARDS = 4;
export const outboxPartition = (shard: number) => `OUTBOX#${shard}`;
export const outboxKey = (shard: number, at: string, entryId: string): Key => ({ PK: outboxPartition(shard), SK: `${at}#${entryId}` });
/** Outbox entries the relay gave up on (never accepted by the bus); kept, with the last error, for an operator. */
export const OUTBOX_DEAD_LETTER_PARTITION = 'OUTBOX#DEAD';
export const outboxDeadLetterKey = (entrySortKey: string): Key => ({ PK: OUTBOX_DEAD_LETTER_PARTITION, SK: entrySortKey });

/**
 * The team's post-call push signing secret, alone in its own partition so IAM can keep every other function
 * from reading it (`dynamodb:LeadingKeys` deny, see infra/constructs/calls.ts).
 */
export const WEBHOOK_SECRET_PARTITION_PREFIX = 'WHSECRET#';
export const webhookSecretKey = (teamId: string): Key => ({ PK: `${WEBHOOK_SECRET_PARTITION_PREFIX}${teamId}`, SK: 'WHSECRET' });
// ---------------------------------------------------------------------------------------------------------------
// Connectors. A connector is team configuration: it lives in the team partition and survives
// a bot reset. Its indexes serve the list filters without a Scan: GSI1 by bot (sorted by environment, then
// status), GSI3 by environment (sorted by status), and GSI2, sparse, holds only the connectors the scheduled
// health check must probe. What the health check observed over time is bot data (`connectorHistoryKey`).

export const connectorKey = (teamId: string, connectorId: string): Key => ({ PK: `TEAM#${teamId}`, SK: `CONNECTOR#${connectorId}` });
export const connectorPrefix = (teamId: string) => ({ PK: `TEAM#${teamId}`, SKPrefix: 'CONNECTOR#' });
/** GSI1 partition of one bot's connectors; GSI1SK `<environment>#<status>#<connectorId>`. */
export const connectorBotPartition = (teamId: string, botId: string) => `TEAM#${teamId}#CONNECTORS#BOT#${botId}`;
/** GSI1SK prefix selecting one environment of a bot's connectors, and optionally one status in it. */
export const connectorBotSortPrefix = (environment: string, status?: string) => `${environment}#${status ? `${status}#` : ''}`;
/** GSI3 partition of a team's connectors in one environment; GSI3SK `<status>#<connectorId>`. */
export const connectorEnvPartition = (teamId: string, environment: string) => `TEAM#${teamId}#CONNECTORS#ENV#${environment}`;
/** GSI3SK prefix selecting one status in an environment's partition. */
export const connectorEnvSortPrefix = (status: string) => `${status}#`;
/** The status a GSI3SK (`<status>#<connectorId>`) names: metrics count from the key alone. */
export const statusOfConnectorEnvSortKey = (sk: string) => sk.slice(0, sk.indexOf('#'));

/**
 * The health-check index (GSI2) is spread over this many partitions, queried in parallel by the health check, so
 * no single index partition carries every write of a large fleet (each check rewrites the connector).
 */
export const HEALTH_CHECK_SHARDS = 4;
export const healthCheckPartition = (shard: number) => `HEALTHCHECK#${shard}`;
/** Stable shard of a connector id (FNV-1a of the id, modulo `HEALTH_CHECK_SHARDS`). */
export function healthCheckShardOf(connectorId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < connectorId.length; i++) h = Math.imul(h ^ connectorId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % HEALTH_CHECK_SHARDS;
}

/**
 * Index attributes of a connector item. `checkOrder` (an ISO instant, or `0` for "as soon as possible") sorts the
 * health-check partition so the least recently checked connectors are probed first; `null` leaves the connector
 * out of the health-check index (sparse GSI2: stopped connectors carry no GSI2 key at all).
 */
export function connectorIndexKeys(
  c: { teamId: string; id: string; botId: string; environment: string; status: string },
  checkOrder: string | null,
) {
  return {
    GSI1PK: connectorBotPartition(c.teamId, c.botId),
    GSI1SK: `${connectorBotSortPrefix(c.environment, c.status)}${c.id}`,
    GSI3PK: connectorEnvPartition(c.teamId, c.environment),
    GSI3SK: `${connectorEnvSortPrefix(c.status)}${c.id}`,
    ...(checkOrder === null ? {} : { GSI2PK: healthCheckPartition(healthCheckShardOf(c.id)), GSI2SK: `${checkOrder}#${c.teamId}#${c.id}` }),
  };
}

/** One health-check status change of a connector, kept with the bot's data (a reset hides it). Newest last. */
export const connectorHistoryKey = (
  teamId: string,
  botId: string,
  generation: number,
  connectorId: string,
  at: string,
  eventId: string,
): Key => ({
  PK: botDataPartition(teamId, botId, generation),
  SK: `CONNECTOR_EVENT#${connectorId}#${at}#${eventId}`,
});
export const connectorHistoryPrefix = (teamId: string, botId: string, generation: number, connectorId: string) => ({
  PK: botDataPartition(teamId, botId, generation),
  SKPrefix: `CONNECTOR_EVENT#${connectorId}#`,
});

// --- Contact bot status -------------------------------------------------------------------------------------------

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

// --- Campaign dialling: contacts, team settings, DNC, the dispatcher's and the watchdog's indexes -----------------

/** FNV-1a of `value`, modulo `shards`: the stable shard of a sharded index entry. */
export function shardOf(value: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/**
 * A campaign's audience lives in a partition of its own (one item per phone number, so a number is in a campaign
 * once). Deleting the campaign purges the partition in the background; every read goes through the campaign item
 * first, so a deleted campaign's contacts are never readable.
 */
export const campaignContactPartition = (teamId: string, campaignId: string) => `TEAM#${teamId}#CAMPAIGN#${campaignId}`;
export const campaignContactKey = (teamId: string, campaignId: string, phone: string): Key => ({
  PK: campaignContactPartition(teamId, campaignId),
  SK: `CONTACT#${phone}`,
});
export const campaignContactPrefix = (teamId: string, campaignId: string) => ({
  PK: campaignContactPartition(teamId, campaignId),
  SKPrefix: 'CONTACT#',
});
/** GSI1 partition of a campaign's contacts in one status (`?status=` lists), sorted by phone number. */
export const campaignContactStatusPartition = (teamId: string, campaignId: string, status: string) =>
  `${campaignContactPartition(teamId, campaignId)}#STATUS#${status}`;
export const campaignContactStatusIndex = (teamId: string, campaignId: string, status: string, phone: string) => ({
  GSI1PK: campaignContactStatusPartition(teamId, campaignId, status),
  GSI1SK: phone,
});
/**
 * The due index (GSI2, sparse: only `pending` and `scheduled` contacts carry it), keyed by due time, spread over
 * `CAMPAIGN_DUE_SHARDS` partitions per campaign so one index partition never caps the dial rate. "What is due"
 * is one Query per shard: `GSI2SK <= <now>`.
 */
export const CAMPAIGN_DUE_SHARDS = 4;
export const campaignDuePartition = (teamId: string, campaignId: string, shard: number) =>
  `${campaignContactPartition(teamId, campaignId)}#DUE#${shard}`;
export const campaignDueIndex = (teamId: string, campaignId: string, phone: string, dueAt: string) => ({
  GSI2PK: campaignDuePartition(teamId, campaignId, shardOf(phone, CAMPAIGN_DUE_SHARDS)),
  GSI2SK: `${dueAt}#${phone}`,
});

/** Running campaigns (GSI2, sparse: only while `running`), sharded: what the dispatcher walks each pass. */
export const RUNNING_CAMPAIGN_SHARDS = 4;
export const RUNNING_CAMPAIGNS_PREFIX = 'RUNNINGCAMPAIGNS#';
export const runningCampaignsPartition = (shard: number) => `${RUNNING_CAMPAIGNS_PREFIX}${shard}`;
export const runningCampaignIndex = (teamId: string, campaignId: string) => ({
  GSI2PK: runningCampaignsPartition(shardOf(campaignId, RUNNING_CAMPAIGN_SHARDS)),
  GSI2SK: `${teamId}#${campaignId}`,
});

/** The team's dialling settings and its call slots in one item: `maxConcurrentCalls` and the `inFlight` counter. */
export const teamSettingsKey = (teamId: string): Key => ({ PK: `TEAM#${teamId}`, SK: 'SETTINGS' });

/** A number on the team's do-not-call list. */
export const dncKey = (teamId: string, e164: string): Key => ({ PK: `TEAM#${teamId}`, SK: `DNC#${e164}` });
export const dncPrefix = (teamId: string) => ({ PK: `TEAM#${teamId}`, SKPrefix: 'DNC#' });

/**
 * Dialouts waiting for a team slot (GSI2 on the call item, sparse: only while `waiting`), sharded, oldest first:
 * the dispatcher serves them before campaign contacts. GSI3 holds the same calls per team, for the place in the queue.
 */
export const WAITING_CALL_SHARDS = 4;
export const WAITING_CALLS_PREFIX = 'WAITINGCALLS#';
export const waitingCallsPartition = (shard: number) => `${WAITING_CALLS_PREFIX}${shard}`;
export const teamWaitingCallsPartition = (teamId: string) => `TEAM#${teamId}#WAITINGCALLS`;
export const waitingCallIndex = (teamId: string, callId: string, waitingSince: string) => ({
  GSI2PK: waitingCallsPartition(shardOf(callId, WAITING_CALL_SHARDS)),
  GSI2SK: `${waitingSince}#${teamId}#${callId}`,
  GSI3PK: teamWaitingCallsPartition(teamId),
  GSI3SK: `${waitingSince}#${callId}`,
});

/** Calls in flight by deadline (GSI4 on the call item, sparse: only while in flight), sharded: the watchdog's Query. */
export const WATCHDOG_SHARDS = 4;
export const WATCHDOG_PREFIX = 'CALLWATCHDOG#';
export const watchdogPartition = (shard: number) => `${WATCHDOG_PREFIX}${shard}`;
export const watchdogIndex = (teamId: string, callId: string, deadline: string) => ({
  GSI4PK: watchdogPartition(shardOf(callId, WATCHDOG_SHARDS)),
  GSI4SK: `${deadline}#${teamId}#${callId}`,
});
