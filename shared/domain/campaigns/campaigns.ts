import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut, diff } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { botKey, campaignKey, campaignPrefix, phoneNumberKey } from '../../db/keys.js';
import { prefixPage } from '../../db/prefix-page.js';
import { retryOnConflict, WriteConflict } from '../../db/retry.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import { MAX_CAMPAIGNS_PER_BOT } from '../bots/model.js';
import { requestDataPurge } from '../bots/reset.js';
import { Conflict, Invalid, NotFound, PreconditionFailed } from '../errors.js';
import { CAMPAIGN_DEFAULTS, type Campaign, emptyProgress, type StoredCampaign, toCampaign } from './model.js';
import { DEFAULT_RETRY } from './schedule.js';
import type { CampaignCreate, CampaignPatch } from './schema.js';

export { toCampaign } from './model.js';
export type { Campaign, StoredCampaign } from './model.js';

/**
 * Campaigns: a bot, an audience (`contacts.ts`) and dialling settings. Status `stopped` -> `running` ->
 * `completed` (every contact final), `stop` from `running`; settings change only while stopped (409). A running
 * campaign locks its bot: start adds `{ id, name }` to the bot's `lockedByCampaigns` in the same transaction that
 * flips the status, stop and completion remove it, and the bot's PUT, DELETE and reset check that list in their
 * write conditions (409 naming the campaigns). While running, the campaign item carries the sparse running-campaigns
 * index entry the dispatcher walks. The bot also lists its campaigns (`campaignIds`) so deleting it removes them in
 * its own transaction.
 */
const T = () => tableName();

/** The missing bot a body refers to: 404 like any unknown id, naming the field. */
const noSuchBot = () => new NotFound('Bot', [{ path: 'botId', message: 'no such bot in this team' }]);

export async function getStoredCampaign(teamId: string, campaignId: string, consistent = false): Promise<StoredCampaign> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: campaignKey(teamId, campaignId), ConsistentRead: consistent }));
  if (!res.Item) throw new NotFound('Campaign');
  return res.Item as StoredCampaign;
}

/** Page of the team's campaigns, oldest first (ULID order). */
export async function listCampaigns(teamId: string, limit: number, cursor?: string) {
  return prefixPage(campaignPrefix(teamId), limit, cursor, toCampaign);
}

/**
 * `fromNumber` must be one of the team's phone numbers mapped to the campaign's bot (a callee calling back reaches
 * the bot that called): 400 naming `fromNumber` otherwise.
 */
export async function assertFromNumber(teamId: string, botId: string, fromNumber: string | null | undefined): Promise<void> {
  if (!fromNumber) return;
  const res = await doc.send(new GetCommand({ TableName: T(), Key: phoneNumberKey(teamId, fromNumber) }));
  if (!res.Item) throw new Invalid([{ path: 'fromNumber', message: "not one of the team's phone numbers" }]);
  if (res.Item.botId !== botId) throw new Invalid([{ path: 'fromNumber', message: "mapped to another bot, not the campaign's" }]);
}

/** The bot item's side of a campaign change: a conditional Update that always bumps its version. */
export function botUpdate(
  teamId: string,
  botId: string,
  expression: string,
  condition: string,
  values: Record<string, unknown>,
): TransactItem {
  return {
    Update: {
      TableName: T(),
      Key: botKey(teamId, botId),
      UpdateExpression: expression,
      ConditionExpression: condition,
      ExpressionAttributeValues: { ':one': 1, ...values },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * `POST /campaigns` (member): a `stopped` campaign with the defaults for every setting not given, registered on
 * its bot in the same transaction. 404 (naming `botId`) for an unknown bot; 400 naming `fromNumber` when it is not
 * a number of the team mapped to the bot; 409 when the bot already has `MAX_CAMPAIGNS_PER_BOT` campaigns.
 */
export async function createCampaign(teamId: string, input: CampaignCreate, actor: Actor): Promise<StoredCampaign> {
  await assertFromNumber(teamId, input.botId, input.fromNumber);
  const now = new Date().toISOString();
  const campaign: StoredCampaign = {
    id: ulid(),
    name: input.name,
    botId: input.botId,
    status: 'stopped',
    ...CAMPAIGN_DEFAULTS,
    ...Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'name' && k !== 'botId' && v !== undefined)),
    retry: { ...DEFAULT_RETRY, ...input.retry },
    progress: emptyProgress(),
    inFlight: 0,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    stoppedAt: null,
    completedAt: null,
    version: 1,
  };
  await retryOnConflict(() =>
    transactWrite([
      {
        item: {
          Put: {
            TableName: T(),
            Item: { ...campaignKey(teamId, campaign.id), entity: 'campaign', teamId, ...campaign },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: () => new Conflict('A campaign with this id already exists.'),
      },
      {
        item: botUpdate(
          teamId,
          input.botId,
          'ADD campaignIds :ids SET version = version + :one',
          'attribute_exists(PK) AND (attribute_not_exists(campaignIds) OR size(campaignIds) < :cap)',
          { ':ids': new Set([campaign.id]), ':cap': MAX_CAMPAIGNS_PER_BOT },
        ),
        onConditionFailed: (old) =>
          old ? new Conflict(`The bot already has ${MAX_CAMPAIGNS_PER_BOT} campaigns; delete one first.`) : noSuchBot(),
      },
      auditPut(
        teamId,
        {
          actor,
          module: 'campaigns',
          action: 'create',
          botId: input.botId,
          targetId: campaign.id,
          changes: diff(undefined, settingsOf(campaign)),
        },
        now,
      ),
    ]),
  );
  return campaign;
}

/** What an audit event of a campaign records: its name and settings (not its counters). */
const settingsOf = (c: Campaign) => {
  const { progress: _p, inFlight: _i, ...rest } = toCampaign(c);
  return rest;
};

/** Runs a read-decide-write step of a campaign and its bot again while another write gets in between. */
export const retrying = <T>(attempt: () => Promise<T>): Promise<T> =>
  retryOnConflict(attempt, { onExhausted: () => new Conflict('The campaign or its bot kept changing during this request; retry.') });

/**
 * `PATCH /campaigns/{id}` (member): any subset of the name and settings, only while `stopped` (409 otherwise);
 * `If-Match` with the campaign's ETag refuses a stale write (412). `retry` merges per outcome. The counters are
 * left alone (only the given fields are SET), and the write is conditional on the version read.
 */
export async function updateCampaign(
  teamId: string,
  campaignId: string,
  patch: CampaignPatch,
  actor: Actor,
  requiredVersion?: number,
): Promise<StoredCampaign> {
  return retrying(async () => {
    const c = await getStoredCampaign(teamId, campaignId, true);
    if (c.status !== 'stopped')
      throw new Conflict(`The campaign is ${c.status}; stop it before changing its settings.`, { status: c.status });
    if (requiredVersion !== undefined && c.version !== requiredVersion) throw new PreconditionFailed();
    if (patch.fromNumber !== undefined) await assertFromNumber(teamId, c.botId, patch.fromNumber);
    const now = new Date().toISOString();
    const set: Record<string, unknown> = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (patch.retry) set.retry = { ...toCampaign(c).retry, ...patch.retry };
    const next: StoredCampaign = { ...c, ...set, updatedAt: now, version: c.version + 1 };
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':v': c.version, ':next': next.version, ':now': now, ':stopped': 'stopped' };
    const sets = Object.entries(set).map(([k, v], i) => {
      names[`#f${i}`] = k;
      values[`:f${i}`] = v;
      return `#f${i} = :f${i}`;
    });
    await transactWrite([
      {
        item: {
          Update: {
            TableName: T(),
            Key: campaignKey(teamId, c.id),
            UpdateExpression: `SET ${[...sets, 'updatedAt = :now', 'version = :next'].join(', ')}`,
            ConditionExpression: 'version = :v AND #status = :stopped',
            ExpressionAttributeNames: { ...names, '#status': 'status' },
            ExpressionAttributeValues: values,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        onConditionFailed: (old) => {
          if (!old) return new NotFound('Campaign');
          if (old.status !== 'stopped') return new Conflict(`The campaign is ${String(old.status)}; stop it before changing its settings.`);
          return requiredVersion !== undefined ? new PreconditionFailed() : new WriteConflict();
        },
      },
      auditPut(
        teamId,
        {
          actor,
          module: 'campaigns',
          action: 'update',
          botId: c.botId,
          targetId: c.id,
          changes: diff(settingsOf(c), settingsOf(next), Object.keys(set)),
        },
        now,
      ),
    ]);
    return next;
  });
}

/**
 * `DELETE /campaigns/{id}` (member): only while stopped or completed (409 while running), unregistered from its bot in
 * the same transaction; its contacts are purged in the background (never readable again: every contact read goes
 * through the campaign item).
 */
export async function deleteCampaign(teamId: string, campaignId: string, actor: Actor): Promise<void> {
  const c = await retrying(async () => {
    const c = await getStoredCampaign(teamId, campaignId, true);
    if (c.status === 'running') throw new Conflict('Stop the campaign before deleting it.');
    await transactWrite([
      {
        Delete: {
          TableName: T(),
          Key: campaignKey(teamId, c.id),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': c.version },
        },
      },
      botUpdate(teamId, c.botId, 'DELETE campaignIds :ids SET version = version + :one', 'attribute_exists(PK)', {
        ':ids': new Set([c.id]),
      }),
      auditPut(teamId, {
        actor,
        module: 'campaigns',
        action: 'delete',
        botId: c.botId,
        targetId: c.id,
        changes: { name: { before: c.name, after: null } },
      }),
    ]);
    return c;
  });
  await requestDataPurge({ teamId, botId: c.botId, belowGeneration: 0, campaignIds: [c.id] });
}
