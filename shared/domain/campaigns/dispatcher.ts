import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut } from '../../audit/audit.js';
import { doc, tableName } from '../../db/client.js';
import {
  botKey,
  CAMPAIGN_DUE_SHARDS,
  callKey,
  callRefKey,
  campaignContactKey,
  campaignDuePartition,
  campaignKey,
  RUNNING_CAMPAIGN_SHARDS,
  runningCampaignsPartition,
  watchdogIndex,
} from '../../db/keys.js';
import { isConflict } from '../../db/retry.js';
import { type ConditionalWrite, type TransactItem, transactWrite } from '../../db/transact.js';
import { type OutboxEntry, publishEntries, putEventsBatches } from '../../events/outbox.js';
import { logger } from '../../logger.js';
import type { StoredBot } from '../bots/model.js';
import { watchdogDeadline } from '../calls/slots.js';
import type { StoredCall } from '../calls/store.js';
import { callRequested, DISPATCHER_ACTOR, serveWaitingCalls } from '../calls/waiting.js';
import { dncAbsent, numbersOnDnc } from '../dnc/dnc.js';
import { getTeamSettings, takeTeamSlots } from '../team/settings.js';
import { leaveRunning } from './campaigns.js';
import { contactIndexes, type StoredContact } from './contacts.js';
import { type Campaign, openContacts, type StoredCampaign, toCampaign } from './model.js';
import { progressUpdate, zoneOf } from './outcome.js';
import { isWithinWindow, nextDialTime } from './schedule.js';
import type { CampaignContactStatus } from './schema.js';

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

class CampaignFull extends Error {}
class TeamFull extends Error {}
class BotUnavailable extends Error {}
class Skip extends Error {}

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

type PassContext = {
  now: () => number;
  deadline: number;
  stats: DispatchStats;
  /** Free slots per team, read once per pass and counted down as this pass takes them. */
  teams: Map<string, Promise<{ free: number; max: number }>>;
  bots: Map<string, Promise<StoredBot | undefined>>;
  dialsLeft: number;
};

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

const botOf = (ctx: PassContext, teamId: string, botId: string) => {
  const key = `${teamId}/${botId}`;
  if (!ctx.bots.has(key)) {
    ctx.bots.set(
      key,
      doc.send(new GetCommand({ TableName: T(), Key: botKey(teamId, botId) })).then((r) => r.Item as StoredBot | undefined),
    );
  }
  return ctx.bots.get(key) as Promise<StoredBot | undefined>;
};

const teamOf = (ctx: PassContext, teamId: string) => {
  if (!ctx.teams.has(teamId)) {
    ctx.teams.set(
      teamId,
      getTeamSettings(teamId, true).then((s) => ({ free: s.maxConcurrentCalls - s.inFlight, max: s.maxConcurrentCalls })),
    );
  }
  return ctx.teams.get(teamId) as Promise<{ free: number; max: number }>;
};

/** Up to `limit` contacts due at `nowIso` (every shard of the due index, oldest due first). */
async function dueContacts(teamId: string, campaignId: string, nowIso: string, limit: number): Promise<StoredContact[]> {
  const pages = await Promise.all(
    Array.from({ length: CAMPAIGN_DUE_SHARDS }, (_, shard) =>
      doc.send(
        new QueryCommand({
          TableName: T(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
          ExpressionAttributeValues: { ':pk': campaignDuePartition(teamId, campaignId, shard), ':now': `${nowIso}#\uffff` },
          Limit: limit,
        }),
      ),
    ),
  );
  return pages
    .flatMap((p) => (p.Items ?? []) as (StoredContact & { GSI2SK: string })[])
    .sort((a, b) => (a.GSI2SK < b.GSI2SK ? -1 : 1))
    .slice(0, limit);
}

/**
 * Moves a waiting contact: to a new due time (same status), or to a final status (`exhausted`, `skipped_dnc`) with
 * the progress counters; conditional on the contact as read. `audited`: with an audit event (a DNC skip).
 */
async function moveContact(
  teamId: string,
  c: StoredCampaign,
  contact: StoredContact,
  to: CampaignContactStatus,
  dueAt: string | null,
  audited = false,
) {
  const now = new Date().toISOString();
  const idx = contactIndexes(teamId, c.id, contact.phone, to, dueAt);
  const items: (TransactItem | ConditionalWrite)[] = [
    {
      item: {
        Update: {
          TableName: T(),
          Key: campaignContactKey(teamId, c.id, contact.phone),
          UpdateExpression:
            'SET #status = :to, nextAttemptAt = :due, updatedAt = :now, version = :nv, GSI1PK = :g1pk, GSI1SK = :g1sk' +
            ('GSI2PK' in idx ? ', GSI2PK = :g2pk, GSI2SK = :g2sk' : ' REMOVE GSI2PK, GSI2SK'),
          ConditionExpression: 'version = :v AND #status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':to': to,
            ':due': dueAt,
            ':now': now,
            ':nv': contact.version + 1,
            ':v': contact.version,
            ':from': contact.status,
            ':g1pk': idx.GSI1PK,
            ':g1sk': idx.GSI1SK,
            ...('GSI2PK' in idx ? { ':g2pk': idx.GSI2PK, ':g2sk': idx.GSI2SK } : {}),
          },
        },
      },
      onConditionFailed: () => new Skip(),
    },
  ];
  if (to !== contact.status) items.push(progressUpdate(teamId, c.id, { [contact.status]: -1, [to]: 1 }));
  if (audited || to !== contact.status) {
    items.push(
      auditPut(
        teamId,
        {
          actor: DISPATCHER_ACTOR,
          module: 'campaigns',
          action: to === 'skipped_dnc' ? 'contact_skipped_dnc' : 'contact_exhausted',
          botId: c.botId,
          targetId: contact.phone,
          changes: { status: { before: contact.status, after: to }, campaignId: { before: null, after: c.id } },
        },
        now,
      ),
    );
  }
  await transactWrite(items);
}

/** Contacts dialled per transaction: 6 items each, plus the campaign, the team slots and the bot check (<= 100). */
const DIAL_BATCH = 10;

/**
 * Dials `contacts` in ONE transaction (see the module comment): each contact to `dialing` with its call, pointer,
 * outbox entry, audit event and DNC check; the campaign's and the team's slots for all of them at once, conditional
 * on the counters leaving room for the whole batch. Returns the outbox entries to publish.
 */
async function dialBatch(
  teamId: string,
  c: StoredCampaign,
  bot: StoredBot,
  contacts: StoredContact[],
  at: number,
  teamMax: number,
): Promise<OutboxEntry[]> {
  const now = new Date(at).toISOString();
  const generation = bot.dataGeneration ?? 0;
  const deadline = watchdogDeadline(bot.maxCallDurationSeconds, at);
  const items: (TransactItem | ConditionalWrite)[] = [];
  const entries: OutboxEntry[] = [];
  const from: Record<string, number> = {};
  for (const contact of contacts) {
    from[contact.status] = (from[contact.status] ?? 0) - 1;
    const attempt = (contact.attempts ?? 0) + 1;
    const call: StoredCall = {
      id: ulid(),
      botId: bot.id,
      teamId,
      dataGeneration: generation,
      version: 1,
      status: 'queued',
      direction: 'outbound',
      to: contact.phone,
      from: c.fromNumber ?? null,
      variables: { crm: contact.variables?.crm ?? {} },
      sipHeaders: {},
      result: null,
      analysis: null,
      qc: null,
      events: [{ type: 'queued', at: now }],
      push: null,
      queuedAt: now,
      ringingAt: null,
      startedAt: null,
      endedAt: null,
      updatedAt: now,
      campaignId: c.id,
      attempt,
      holdsSlot: true,
    };
    const { entry, put } = callRequested(call, now);
    entries.push(entry);
    const idx = contactIndexes(teamId, c.id, contact.phone, 'dialing', null);
    items.push(
      {
        item: {
          Update: {
            TableName: T(),
            Key: campaignContactKey(teamId, c.id, contact.phone),
            UpdateExpression:
              'SET #status = :dialing, attempts = :attempt, callIds = list_append(callIds, :call), nextAttemptAt = :null, updatedAt = :now, version = :nv, GSI1PK = :g1pk, GSI1SK = :g1sk REMOVE GSI2PK, GSI2SK',
            ConditionExpression: 'version = :v AND #status = :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':dialing': 'dialing',
              ':attempt': attempt,
              ':call': [call.id],
              ':null': null,
              ':now': now,
              ':nv': contact.version + 1,
              ':v': contact.version,
              ':from': contact.status,
              ':g1pk': idx.GSI1PK,
              ':g1sk': idx.GSI1SK,
            },
          },
        },
        // another pass dialled or moved it
        onConditionFailed: () => new Skip(),
      },
      {
        Put: {
          TableName: T(),
          Item: { ...callKey(teamId, bot.id, generation, call.id), entity: 'call', ...call, ...watchdogIndex(teamId, call.id, deadline) },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: T(),
          Item: { ...callRefKey(teamId, call.id), entity: 'callRef', botId: bot.id, dataGeneration: generation },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      put,
      auditPut(
        teamId,
        {
          actor: DISPATCHER_ACTOR,
          module: 'calls',
          action: 'dialout',
          botId: bot.id,
          targetId: call.id,
          changes: {
            status: { before: null, after: 'queued' },
            to: { before: null, after: call.to },
            campaignId: { before: null, after: c.id },
            attempt: { before: null, after: attempt },
          },
        },
        now,
      ),
      { item: dncAbsent(teamId, contact.phone), onConditionFailed: () => new Skip() },
    );
  }
  const n = contacts.length;
  const names: Record<string, string> = { '#status': 'status', '#dialing': 'dialing' };
  const values: Record<string, unknown> = { ':n': n, ':running': 'running', ':limit': c.maxConcurrentCalls - n };
  const adds = Object.entries(from).map(([status, delta], i) => {
    names[`#f${i}`] = status;
    values[`:f${i}`] = delta;
    return `progress.#f${i} :f${i}`;
  });
  items.push(
    {
      item: {
        Update: {
          TableName: T(),
          Key: campaignKey(teamId, c.id),
          UpdateExpression: `ADD inFlight :n, progress.#dialing :n, ${adds.join(', ')}`,
          ConditionExpression: '#status = :running AND (attribute_not_exists(inFlight) OR inFlight <= :limit)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: () => new CampaignFull(),
    },
    { item: takeTeamSlots(teamId, n, teamMax), onConditionFailed: () => new TeamFull() },
    {
      item: {
        ConditionCheck: {
          TableName: T(),
          Key: botKey(teamId, bot.id),
          ConditionExpression:
            generation === 0
              ? 'active = :true AND (dataGeneration = :gen OR attribute_not_exists(dataGeneration))'
              : 'active = :true AND dataGeneration = :gen',
          ExpressionAttributeValues: { ':true': true, ':gen': generation },
        },
      },
      onConditionFailed: () => new BotUnavailable(),
    },
  );
  await transactWrite(items);
  return entries;
}

/** Contacts moved to a final status per transaction, with the campaign's counters and one audit event. */
const FINAL_BATCH = 90;

/**
 * Moves waiting contacts to a final status (`exhausted`, `skipped_dnc`) in transactions of up to 90: each contact
 * conditional on itself as read, the campaign's counters once, one audit event naming the numbers. A batch refused
 * because one of them changed falls back to one transaction per contact. Returns how many were moved.
 */
async function finalize(teamId: string, c: StoredCampaign, contacts: StoredContact[], to: 'exhausted' | 'skipped_dnc'): Promise<number> {
  let moved = 0;
  for (let i = 0; i < contacts.length; i += FINAL_BATCH) {
    const batch = contacts.slice(i, i + FINAL_BATCH);
    const now = new Date().toISOString();
    const from: Partial<Record<CampaignContactStatus, number>> = { [to]: batch.length };
    const items: (TransactItem | ConditionalWrite)[] = batch.map((x) => {
      from[x.status] = (from[x.status] ?? 0) - 1;
      const idx = contactIndexes(teamId, c.id, x.phone, to, null);
      return {
        item: {
          Update: {
            TableName: T(),
            Key: campaignContactKey(teamId, c.id, x.phone),
            UpdateExpression:
              'SET #status = :to, nextAttemptAt = :null, updatedAt = :now, version = :nv, GSI1PK = :g1pk, GSI1SK = :g1sk REMOVE GSI2PK, GSI2SK',
            ConditionExpression: 'version = :v AND #status = :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':to': to,
              ':null': null,
              ':now': now,
              ':nv': x.version + 1,
              ':v': x.version,
              ':from': x.status,
              ':g1pk': idx.GSI1PK,
              ':g1sk': idx.GSI1SK,
            },
          },
        },
        onConditionFailed: () => new Skip(),
      };
    });
    items.push(
      progressUpdate(teamId, c.id, from),
      auditPut(
        teamId,
        {
          actor: DISPATCHER_ACTOR,
          module: 'campaigns',
          action: to === 'skipped_dnc' ? 'contact_skipped_dnc' : 'contact_exhausted',
          botId: c.botId,
          targetId: batch.length === 1 ? batch[0]!.phone : c.id,
          changes: {
            status: { before: 'pending or scheduled', after: to },
            campaignId: { before: null, after: c.id },
            phones: { before: null, after: batch.map((x) => x.phone) },
          },
        },
        now,
      ),
    );
    try {
      await transactWrite(items);
      moved += batch.length;
    } catch {
      if (batch.length === 1) continue;
      for (const x of batch) moved += await finalize(teamId, c, [x], to);
    }
  }
  return moved;
}

/** Past `endAt`: the open contacts (pending, scheduled) become `exhausted`; once none is dialing, the campaign completes. */
async function closeCampaign(ctx: PassContext, teamId: string, stored: StoredCampaign, c: Campaign) {
  for (let shard = 0; shard < CAMPAIGN_DUE_SHARDS && Date.now() < ctx.deadline; shard++) {
    const res = await doc.send(
      new QueryCommand({
        TableName: T(),
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': campaignDuePartition(teamId, c.id, shard) },
        Limit: 900,
      }),
    );
    ctx.stats.exhausted += await finalize(teamId, stored, (res.Items ?? []) as StoredContact[], 'exhausted');
  }
  const fresh = await doc.send(new GetCommand({ TableName: T(), Key: campaignKey(teamId, c.id), ConsistentRead: true }));
  const now = toCampaign(fresh.Item ?? {});
  if (fresh.Item && openContacts(now.progress) === 0) await complete(ctx, teamId, fresh.Item as StoredCampaign);
}

/** `completed`, conditional on no open contact left; the bot's lock released; audited as the dispatcher. */
async function complete(ctx: PassContext, teamId: string, stored: StoredCampaign) {
  const at = new Date().toISOString();
  try {
    await transactWrite([
      ...(await leaveRunning(
        teamId,
        stored,
        'completed',
        at,
        ' AND progress.pending = :zero AND progress.scheduled = :zero AND progress.dialing = :zero',
      )),
      auditPut(
        teamId,
        {
          actor: DISPATCHER_ACTOR,
          module: 'campaigns',
          action: 'complete',
          botId: stored.botId,
          targetId: stored.id,
          changes: { status: { before: 'running', after: 'completed' } },
        },
        at,
      ),
    ]);
    ctx.stats.completed++;
  } catch {
    // changed meanwhile (a contact added, a stop): the next pass decides again
  }
}
