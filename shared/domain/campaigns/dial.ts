import { auditPut } from '../../audit/audit.js';
import { tableName } from '../../db/client.js';
import { botKey, callKey, callRefKey, campaignContactKey, campaignKey, watchdogIndex } from '../../db/keys.js';
import { type ConditionalWrite, type TransactItem, transactWrite } from '../../db/transact.js';
import type { OutboxEntry } from '../../events/outbox.js';
import type { StoredBot } from '../bots/model.js';
import { watchdogDeadline } from '../calls/slots.js';
import { newOutboundCall } from '../calls/store.js';
import { callRequested, DISPATCHER_ACTOR } from '../calls/waiting.js';
import { dncAbsent } from '../dnc/dnc.js';
import { takeTeamSlots } from '../team/settings.js';
import { contactIndexes, type StoredContact } from './contacts.js';
import type { StoredCampaign } from './model.js';
import { CampaignFull, TeamFull, BotUnavailable, Skip } from './pass.js';

const T = () => tableName();

/* Dialling a batch of due contacts in one transaction with their calls, slots and outbox entries. */

/** Contacts dialled per transaction: 6 items each, plus the campaign, the team slots and the bot check (<= 100). */
export const DIAL_BATCH = 10;

/**
 * Dials `contacts` in ONE transaction (see the module comment): each contact to `dialing` with its call, pointer,
 * outbox entry, audit event and DNC check; the campaign's and the team's slots for all of them at once, conditional
 * on the counters leaving room for the whole batch. Returns the outbox entries to publish.
 */
export async function dialBatch(
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
    const call = newOutboundCall(
      {
        botId: bot.id,
        teamId,
        dataGeneration: generation,
        to: contact.phone,
        from: c.fromNumber ?? null,
        variables: { crm: contact.variables?.crm ?? {} },
        sipHeaders: {},
      },
      now,
      {
        campaignId: c.id,
        attempt,
        holdsSlot: true,
      },
    );
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
