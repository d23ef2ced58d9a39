import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../../db/client.js';
import { campaignKey, RUNNING_CAMPAIGN_SHARDS, runningCampaignsPartition } from '../../db/keys.js';
import { isConflict } from '../../db/retry.js';
import { type OutboxEntry, publishEntries, putEventsBatches } from '../../events/outbox.js';
import { logger } from '../../logger.js';
import { serveWaitingCalls } from '../calls/waiting.js';
import { numbersOnDnc } from '../dnc/dnc.js';
import type { StoredContact } from './contacts.js';
import { openContacts, type StoredCampaign, toCampaign } from './model.js';
import { zoneOf } from './outcome.js';
import { type PassContext, botOf, teamOf, CampaignFull, TeamFull, BotUnavailable, Skip } from './pass.js';
import { dueContacts, moveContact } from './due.js';
import { dialBatch, DIAL_BATCH } from './dial.js';
import { finalize, closeCampaign, complete } from './finish.js';
import { isWithinWindow, nextDialTime } from './schedule.js';

/**
 * The campaign dispatcher: one pass serves the dialouts waiting for a slot, then every running campaign. For a
 * campaign: past `endAt` its open contacts become `exhausted` and it completes; before `startAt` it waits; otherwise
 * it takes up to `min(campaign free slots, team free slots)` due contacts from its due index and, for each, either
 * moves it to the next opening of its calling window (outside it now, in the contact's zone), skips it
 * (`skipped_dnc`, audited) when its number is on the DNC list, or dials it: ONE transaction moves the contact to
 * `dialing`, takes the campaign's and the team's slots (conditional counters), writes the call, its pointer, its
 * `CallRequested` outbox entry and the audit event, and re-checks the bot (active, same data generation) and the
 * DNC list. A campaign whose contacts are all final completes (its bot unlocked, audited). The events are published
 * after the commits. Every write is conditional on what was read, so two passes at once never dial a contact twice
 * nor exceed a ceiling: the conditions decide, the loser skips. A pass is bounded in time and dials.
 */
export type DispatchStats = {
  waitingQueued: number;
  dialed: number;
  deferred: number;
  skippedDnc: number;
  exhausted: number;
  completed: number;
  ms: number;
};
export type DispatchOptions = { now?: () => number; maxMs?: number; maxDials?: number };

const T = () => tableName();

/** One dispatcher pass. Never throws for one campaign's failure (logged; the next pass retries). */
export async function dispatch(opts: DispatchOptions = {}): Promise<DispatchStats> {
  const now = opts.now ?? Date.now;
  const started = Date.now();
  const deadline = started + (opts.maxMs ?? 20_000);
  const stats: DispatchStats = { waitingQueued: 0, dialed: 0, deferred: 0, skippedDnc: 0, exhausted: 0, completed: 0, ms: 0 };
  const publish = async (entries: OutboxEntry[]) => {
    await Promise.all(putEventsBatches(entries).map((b) => publishEntries(b)));
  };

  const waitingEntries = await serveWaitingCalls({ limit: 100, now });
  stats.waitingQueued = waitingEntries.length;
  await publish(waitingEntries);

  const ctx: PassContext = {
    now,
    deadline,
    stats,
    teams: new Map(),
    bots: new Map(),
    dialsLeft: opts.maxDials ?? 1000,
  };
  for (const item of await runningCampaigns()) {
    if (Date.now() > deadline || ctx.dialsLeft <= 0) break;
    try {
      const entries = await dispatchCampaign(ctx, item);
      await publish(entries);
    } catch (error) {
      logger.error('campaign dispatch failed', { campaignId: item.id, error: error as Error });
    }
  }
  stats.ms = Date.now() - started;
  return stats;
}

/** Every running campaign (the sparse running index, all shards). */
async function runningCampaigns(): Promise<(StoredCampaign & { teamId: string })[]> {
  const out: (StoredCampaign & { teamId: string })[] = [];
  for (let shard = 0; shard < RUNNING_CAMPAIGN_SHARDS; shard++) {
    let start: Record<string, unknown> | undefined;
    do {
      const res = await doc.send(
        new QueryCommand({
          TableName: T(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': runningCampaignsPartition(shard) },
          ExclusiveStartKey: start,
        }),
      );
      out.push(...((res.Items ?? []) as (StoredCampaign & { teamId: string })[]));
      start = res.LastEvaluatedKey;
    } while (start);
  }
  return out;
}

async function dispatchCampaign(ctx: PassContext, item: StoredCampaign & { teamId: string }): Promise<OutboxEntry[]> {
  const teamId = item.teamId;
  // The index entry may lag: decide on the item itself.
  const res = await doc.send(new GetCommand({ TableName: T(), Key: campaignKey(teamId, item.id), ConsistentRead: true }));
  if (res.Item?.status !== 'running') return [];
  const stored = res.Item as StoredCampaign;
  const c = toCampaign(stored);
  const now = ctx.now();
  if (c.endAt && now >= Date.parse(c.endAt)) {
    await closeCampaign(ctx, teamId, stored, c);
    return [];
  }
  if (c.startAt && now < Date.parse(c.startAt)) return [];
  if (c.progress.total > 0 && openContacts(c.progress) === 0) {
    await complete(ctx, teamId, stored);
    return [];
  }
  const bot = await botOf(ctx, teamId, c.botId);
  if (!bot || bot.active === false) return [];
  const team = await teamOf(ctx, teamId);
  let campaignFree = c.maxConcurrentCalls - c.inFlight;
  const entries: OutboxEntry[] = [];
  let scanned = 0;
  let singles = false;
  // Contacts outside their window move on without taking a slot: read on while slots remain and due contacts come.
  while (campaignFree > 0 && team.free > 0 && ctx.dialsLeft > 0 && Date.now() < ctx.deadline && scanned < 2000) {
    const due = await dueContacts(teamId, c.id, new Date(ctx.now()).toISOString(), Math.min(campaignFree, team.free) + 20);
    if (!due.length) break;
    scanned += due.length;
    const dnc = await numbersOnDnc(
      teamId,
      due.map((d) => d.phone),
    );
    let progressed = 0;
    let stop = false;
    const at = ctx.now();
    const endAt = c.endAt ? Date.parse(c.endAt) : undefined;
    const outside = due.filter((x) => !isWithinWindow(c.callingWindow, zoneOf(x, c, bot), at));
    const listed = due.filter((x) => !outside.includes(x) && dnc.has(x.phone));
    const callable = due.filter((x) => !outside.includes(x) && !listed.includes(x));
    // Outside its window: on to the next opening (its own item only, so in parallel); exhausted when none opens
    // before `endAt`. Contacts leaving for a final status go in batches: one campaign counter update per batch.
    const exhaust: StoredContact[] = [];
    await Promise.all(
      outside.map(async (x) => {
        const next = nextDialTime(c.callingWindow, zoneOf(x, c, bot), at, endAt);
        if (next === undefined) return void exhaust.push(x);
        try {
          await moveContact(teamId, stored, x, x.status, new Date(next).toISOString());
          ctx.stats.deferred++;
          progressed++;
        } catch {
          // moved meanwhile by another pass
        }
      }),
    );
    progressed += await finalize(teamId, stored, exhaust, 'exhausted');
    ctx.stats.exhausted += exhaust.length;
    const skipped = await finalize(teamId, stored, listed, 'skipped_dnc');
    ctx.stats.skippedDnc += skipped;
    progressed += skipped;
    // Dials in batches: one transaction takes the campaign's and the team's slots for the whole batch.
    while (callable.length && !stop) {
      const n = Math.min(DIAL_BATCH, callable.length, campaignFree, team.free, ctx.dialsLeft);
      if (n <= 0) break;
      const batch = callable.splice(0, n);
      try {
        entries.push(...(await dialBatch(teamId, stored, bot, batch, ctx.now(), team.max)));
        campaignFree -= n;
        team.free -= n;
        ctx.dialsLeft -= n;
        ctx.stats.dialed += n;
        progressed += n;
      } catch (error) {
        if (error instanceof BotUnavailable) stop = true;
        else if (error instanceof CampaignFull || error instanceof TeamFull || isConflict(error)) {
          // The counters moved (a call ended, another pass dialled): read them again next round.
          stop = true;
        } else if (error instanceof Skip && n > 1) {
          // One of them changed or joined the DNC list: dial them one by one.
          callable.unshift(...batch);
          singles = true;
        } else if (!(error instanceof Skip)) logger.warn('campaign contacts not dispatched', { campaignId: c.id, error: error as Error });
      }
      if (singles) {
        singles = false;
        for (const x of callable.splice(0, callable.length)) {
          if (campaignFree <= 0 || team.free <= 0 || ctx.dialsLeft <= 0) break;
          try {
            entries.push(...(await dialBatch(teamId, stored, bot, [x], ctx.now(), team.max)));
            campaignFree--;
            team.free--;
            ctx.dialsLeft--;
            ctx.stats.dialed++;
            progressed++;
          } catch (error) {
            if (!(error instanceof Skip)) {
              stop = true;
              break;
            }
          }
        }
      }
    }
    if (stop || progressed === 0) break;
    // Re-read the counters before the next round (calls may have ended meanwhile).
    const fresh = toCampaign(
      (await doc.send(new GetCommand({ TableName: T(), Key: campaignKey(teamId, c.id), ConsistentRead: true }))).Item ?? {},
    );
    campaignFree = c.maxConcurrentCalls - fresh.inFlight;
  }
  return entries;
}
