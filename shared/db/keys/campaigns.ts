import type { Key } from './key.js';

/* Keys of campaign dialling: campaign contacts, team settings, the DNC list, the dispatcher's and the watchdog's indexes. */

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
