import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut, diff } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { prefixPage } from '../../db/prefix-page.js';
import { botKey, campaignKey, campaignPrefix } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import { Conflict, NotFound } from '../errors.js';
import { getStoredBot } from '../bots/bots.js';
import { MAX_CAMPAIGNS_PER_BOT } from '../bots/model.js';
import type { CampaignCreate } from './schema.js';

/**
 * Campaigns, kept minimal: a name, the bot it
 * uses, `stopped` | `running`. A running campaign locks its bot: start adds `{ id, name }` to the bot's
 * `lockedByCampaigns` in the same transaction that flips the status, stop removes it, and the bot's PUT, DELETE
 * and reset check that list in their write conditions (409 naming the campaigns). The bot also lists its
 * campaigns (`campaignIds`) so deleting it removes them in its own transaction: a bot can be deleted once its
 * campaigns are stopped, and its stopped campaigns go with it.
 */
export type Campaign = {
  id: string;
  name: string;
  botId: string;
  status: 'stopped' | 'running';
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  stoppedAt: string | null;
};
export type StoredCampaign = Campaign & { version: number };

const T = () => tableName();

export function toCampaign(item: Record<string, unknown>): Campaign {
  const { id, name, botId, status, createdAt, updatedAt, startedAt, stoppedAt } = item as Campaign;
  return { id, name, botId, status, createdAt, updatedAt, startedAt: startedAt ?? null, stoppedAt: stoppedAt ?? null };
}

/** The missing bot a body refers to: 404 like any unknown id, naming the field. */
const noSuchBot = () => new NotFound('Bot', [{ path: 'botId', message: 'no such bot in this team' }]);

export async function getStoredCampaign(teamId: string, campaignId: string): Promise<StoredCampaign> {
  const res = await doc.send(new GetCommand({ TableName: T(), Key: campaignKey(teamId, campaignId) }));
  if (!res.Item) throw new NotFound('Campaign');
  return res.Item as StoredCampaign;
}

/** Page of the team's campaigns, oldest first (ULID order). */
export async function listCampaigns(teamId: string, limit: number, cursor?: string) {
  return prefixPage(campaignPrefix(teamId), limit, cursor, toCampaign);
}

/** The bot item's side of a campaign change: a conditional Update that always bumps its version. */
function botUpdate(
  teamId: string,
  botId: string,
  expression: string,
  condition: string,
  values: Record<string, unknown>,
  names?: Record<string, string>,
): TransactItem {
  return {
    Update: {
      TableName: T(),
      Key: botKey(teamId, botId),
      UpdateExpression: expression,
      ConditionExpression: condition,
      ExpressionAttributeValues: { ':one': 1, ...values },
      ...(names ? { ExpressionAttributeNames: names } : {}),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * `POST /campaigns` (member): a `stopped` campaign, registered on its bot in the same transaction. 404 (naming
 * `botId`) for an unknown bot; 409 when the bot already has `MAX_CAMPAIGNS_PER_BOT` campaigns.
 */
export async function createCampaign(teamId: string, input: CampaignCreate, actor: Actor): Promise<StoredCampaign> {
  const now = new Date().toISOString();
  const campaign: StoredCampaign = {
    id: ulid(),
    name: input.name,
    botId: input.botId,
    status: 'stopped',
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    stoppedAt: null,
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
          changes: diff(undefined, toCampaign(campaign)),
        },
        now,
      ),
    ]),
  );
  return campaign;
}

/** Runs a read-decide-write step of a campaign and its bot again while another write gets in between. */
const retrying = <T>(attempt: () => Promise<T>): Promise<T> =>
  retryOnConflict(attempt, { onExhausted: () => new Conflict('The campaign or its bot kept changing during this request; retry.') });

/** The campaign's own Update of a status change, conditional on the version read. */
function statusUpdate(teamId: string, c: StoredCampaign, status: Campaign['status'], now: string): TransactItem {
  const at = status === 'running' ? 'startedAt' : 'stoppedAt';
  return {
    Update: {
      TableName: T(),
      Key: campaignKey(teamId, c.id),
      UpdateExpression: `SET #status = :status, ${at} = :now, updatedAt = :now, version = :next`,
      ConditionExpression: 'version = :v',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':now': now, ':next': c.version + 1, ':v': c.version },
    },
  };
}

function statusAudit(teamId: string, c: StoredCampaign, action: 'start' | 'stop', actor: Actor, now: string) {
  const [before, after] = action === 'start' ? ['stopped', 'running'] : ['running', 'stopped'];
  return auditPut(
    teamId,
    { actor, module: 'campaigns', action, botId: c.botId, targetId: c.id, changes: { status: { before, after } } },
    now,
  );
}

/**
 * `POST /campaigns/{id}/start` (member): `running`, and `{ id, name }` appended to the bot's `lockedByCampaigns`
 * in the same transaction (conditional on the campaign still being the stopped version read). 409 when it is
 * already running or the bot is paused (a paused bot places no calls).
 */
export async function startCampaign(teamId: string, campaignId: string, actor: Actor): Promise<Campaign> {
  return retrying(async () => {
    const c = await getStoredCampaign(teamId, campaignId);
    if (c.status === 'running') throw new Conflict('The campaign is already running.');
    const now = new Date().toISOString();
    await transactWrite([
      // the campaign changed since it was read: read it again
      statusUpdate(teamId, c, 'running', now),
      {
        item: botUpdate(
          teamId,
          c.botId,
          'SET lockedByCampaigns = list_append(lockedByCampaigns, :lock), version = version + :one',
          'attribute_exists(PK) AND active = :true',
          { ':lock': [{ id: c.id, name: c.name }], ':true': true },
        ),
        onConditionFailed: (old) =>
          old ? new Conflict('The bot is paused; resume it before starting a campaign that uses it.') : new NotFound('Bot'),
      },
      statusAudit(teamId, c, 'start', actor, now),
    ]);
    return toCampaign({ ...c, status: 'running', startedAt: now, updatedAt: now });
  });
}

/**
 * `POST /campaigns/{id}/stop` (member): `stopped`, and its entry removed from the bot's `lockedByCampaigns`
 * (the list is rewritten conditional on the bot version read, so a concurrent start of another campaign is
 * kept). 409 when it is already stopped.
 */
export async function stopCampaign(teamId: string, campaignId: string, actor: Actor): Promise<Campaign> {
  return retrying(async () => {
    const c = await getStoredCampaign(teamId, campaignId);
    if (c.status === 'stopped') throw new Conflict('The campaign is already stopped.');
    const bot = await getStoredBot(teamId, c.botId);
    const locks = bot.lockedByCampaigns.filter((l) => l.id !== c.id);
    const now = new Date().toISOString();
    // Either item changed since it was read: read both again.
    await transactWrite([
      statusUpdate(teamId, c, 'stopped', now),
      botUpdate(teamId, c.botId, 'SET lockedByCampaigns = :locks, version = version + :one', 'version = :bv', {
        ':locks': locks,
        ':bv': bot.version,
      }),
      statusAudit(teamId, c, 'stop', actor, now),
    ]);
    return toCampaign({ ...c, status: 'stopped', stoppedAt: now, updatedAt: now });
  });
}

/** `DELETE /campaigns/{id}` (member): only while stopped (409), unregistered from its bot in the same transaction. */
export async function deleteCampaign(teamId: string, campaignId: string, actor: Actor): Promise<void> {
  await retrying(async () => {
    const c = await getStoredCampaign(teamId, campaignId);
    if (c.status !== 'stopped') throw new Conflict('Stop the campaign before deleting it.');
    // A changed campaign, or a missing bot (the bot's delete removes its campaigns in the same transaction), is a
    // write that got in between: read again.
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
  });
}
