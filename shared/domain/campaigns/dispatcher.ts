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
import { type ConditionalWrite, type TransactItem, transactWrite } from '../../db/transact.js';
import { type OutboxEntry, publishEntries, putEventsBatches } from '../../events/outbox.js';
import { logger } from '../../logger.js';
import type { StoredBot } from '../bots/model.js';
import { watchdogDeadline } from '../calls/slots.js';
import type { StoredCall } from '../calls/store.js';
import { callRequested, DISPATCHER_ACTOR, serveWaitingCalls } from '../calls/waiting.js';
import { dncAbsent, numbersOnDnc } from '../dnc/dnc.js';
import { getTeamSettings, takeTeamSlot } from '../team/settings.js';
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
export type DispatchOptions = { now?: () => number; maxMs?: number; maxDials?: number; concurrency?: number };

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
    concurrency: opts.concurrency ?? 8,
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
  teams: Map<string, Promise<{ free: number }>>;
  bots: Map<string, Promise<StoredBot | undefined>>;
  dialsLeft: number;
  concurrency: number;
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
    const queue = [...due];
    const worker = async () => {
      for (let contact = queue.shift(); contact && !stop; contact = queue.shift()) {
        const zone = zoneOf(contact, c, bot);
        const at = ctx.now();
        try {
          if (!isWithinWindow(c.callingWindow, zone, at)) {
            const next = nextDialTime(c.callingWindow, zone, at, c.endAt ? Date.parse(c.endAt) : undefined);
            await moveContact(
              teamId,
              stored,
              contact,
              next === undefined ? 'exhausted' : contact.status,
              next === undefined ? null : new Date(next).toISOString(),
            );
            if (next === undefined) ctx.stats.exhausted++;
            else ctx.stats.deferred++;
            progressed++;
          } else if (dnc.has(contact.phone)) {
            await moveContact(teamId, stored, contact, 'skipped_dnc', null, true);
            ctx.stats.skippedDnc++;
            progressed++;
          } else {
            if (campaignFree <= 0 || team.free <= 0 || ctx.dialsLeft <= 0) {
              stop = true;
              return;
            }
            campaignFree--;
            team.free--;
            ctx.dialsLeft--;
            try {
              entries.push(await dial(teamId, stored, bot, contact, at));
              ctx.stats.dialed++;
              progressed++;
            } catch (error) {
              campaignFree++;
              team.free++;
              ctx.dialsLeft++;
              throw error;
            }
          }
        } catch (error) {
          if (error instanceof CampaignFull) campaignFree = 0;
          else if (error instanceof TeamFull) team.free = 0;
          else if (error instanceof BotUnavailable) stop = true;
          else if (!(error instanceof Skip))
            logger.warn('campaign contact not dispatched', { campaignId: c.id, phone: contact.phone, error: error as Error });
        }
      }
    };
    await Promise.all(Array.from({ length: ctx.concurrency }, worker));
    if (stop || progressed === 0) break;
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
      getTeamSettings(teamId, true).then((s) => ({ free: s.maxConcurrentCalls - s.inFlight })),
    );
  }
  return ctx.teams.get(teamId) as Promise<{ free: number }>;
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

/** Dials one contact in one transaction (see the module comment); returns the outbox entry to publish. */
async function dial(teamId: string, c: StoredCampaign, bot: StoredBot, contact: StoredContact, at: number): Promise<OutboxEntry> {
  const now = new Date(at).toISOString();
  const generation = bot.dataGeneration ?? 0;
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
  const idx = contactIndexes(teamId, c.id, contact.phone, 'dialing', null);
  await transactWrite([
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
      // another pass dialled or moved it: nothing to do
      onConditionFailed: () => new Skip(),
    },
    {
      item: {
        Update: {
          TableName: T(),
          Key: campaignKey(teamId, c.id),
          UpdateExpression: 'ADD inFlight :one, progress.#from :minus, progress.#dialing :one',
          ConditionExpression: '#status = :running AND (attribute_not_exists(inFlight) OR inFlight < :max)',
          ExpressionAttributeNames: { '#status': 'status', '#from': contact.status, '#dialing': 'dialing' },
          ExpressionAttributeValues: { ':one': 1, ':minus': -1, ':running': 'running', ':max': c.maxConcurrentCalls },
        },
      },
      onConditionFailed: () => new CampaignFull(),
    },
    { item: takeTeamSlot(teamId), onConditionFailed: () => new TeamFull() },
    {
      Put: {
        TableName: T(),
        Item: {
          ...callKey(teamId, bot.id, generation, call.id),
          entity: 'call',
          ...call,
          ...watchdogIndex(teamId, call.id, watchdogDeadline(bot.maxCallDurationSeconds, at)),
        },
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
    { item: dncAbsent(teamId, contact.phone), onConditionFailed: () => new Skip() },
  ]);
  return entry;
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
        Limit: 200,
      }),
    );
    for (const contact of (res.Items ?? []) as StoredContact[]) {
      try {
        await moveContact(teamId, stored, contact, 'exhausted', null);
        ctx.stats.exhausted++;
      } catch {
        // moved meanwhile: the next pass reads again
      }
    }
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
