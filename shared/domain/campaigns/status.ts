import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { tableName } from '../../db/client.js';
import { campaignKey, runningCampaignIndex } from '../../db/keys.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import { getStoredBot } from '../bots/bots.js';
import { Conflict, NotFound } from '../errors.js';
import { type Campaign, type StoredCampaign, toCampaign } from './model.js';
import { assertFromNumber, botUpdate, getStoredCampaign, retrying } from './campaigns.js';

const T = () => tableName();

/* Starting and stopping a campaign, and leaving the running state (stop, completion). */

function statusAudit(teamId: string, c: StoredCampaign, action: 'start' | 'stop', actor: Actor, now: string) {
  return auditPut(
    teamId,
    {
      actor,
      module: 'campaigns',
      action,
      botId: c.botId,
      targetId: c.id,
      changes: { status: { before: c.status, after: action === 'start' ? 'running' : 'stopped' } },
    },
    now,
  );
}

/**
 * `POST /campaigns/{id}/start` (member): `running` with its running-campaigns index entry, and `{ id, name }`
 * appended to the bot's `lockedByCampaigns`, in one transaction conditional on the campaign being the stopped
 * version read. 409 when it is running or completed, the bot is paused, or `fromNumber` no longer maps to the bot.
 * A campaign may start without contacts: it dials those added while it runs, and completes once it has contacts
 * and all of them are final.
 */
export async function startCampaign(teamId: string, campaignId: string, actor: Actor): Promise<Campaign> {
  return retrying(async () => {
    const c = await getStoredCampaign(teamId, campaignId, true);
    if (c.status !== 'stopped') throw new Conflict(`The campaign is already ${c.status}.`, { status: c.status });
    try {
      await assertFromNumber(teamId, c.botId, c.fromNumber);
    } catch {
      throw new Conflict(`fromNumber ${c.fromNumber} no longer maps to the campaign's bot; change fromNumber first.`, {
        field: 'fromNumber',
      });
    }
    const now = new Date().toISOString();
    await transactWrite([
      {
        Update: {
          TableName: T(),
          Key: campaignKey(teamId, c.id),
          UpdateExpression: 'SET #status = :running, startedAt = :now, updatedAt = :now, version = :next, GSI2PK = :gpk, GSI2SK = :gsk',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':running': 'running',
            ':now': now,
            ':next': c.version + 1,
            ':v': c.version,
            ':gpk': runningCampaignIndex(teamId, c.id).GSI2PK,
            ':gsk': runningCampaignIndex(teamId, c.id).GSI2SK,
          },
        },
      },
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
    return toCampaign({ ...c, status: 'running', startedAt: now, updatedAt: now, version: c.version + 1 });
  });
}

/**
 * The campaign item's and the bot's side of leaving `running` (stop, completion): the status, the running index
 * entry removed, and the campaign's entry removed from the bot's `lockedByCampaigns` (the list rewritten
 * conditional on the bot version read, so a concurrent start of another campaign is kept).
 */
export async function leaveRunning(
  teamId: string,
  c: StoredCampaign,
  to: 'stopped' | 'completed',
  now: string,
  condition = '',
): Promise<TransactItem[]> {
  const bot = await getStoredBot(teamId, c.botId);
  const locks = (bot.lockedByCampaigns ?? []).filter((l) => l.id !== c.id);
  const at = to === 'stopped' ? 'stoppedAt' : 'completedAt';
  return [
    {
      Update: {
        TableName: T(),
        Key: campaignKey(teamId, c.id),
        UpdateExpression: `SET #status = :to, ${at} = :now, updatedAt = :now, version = :next REMOVE GSI2PK, GSI2SK`,
        ConditionExpression: `version = :v AND #status = :running${condition}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':to': to,
          ':now': now,
          ':next': c.version + 1,
          ':v': c.version,
          ':running': 'running',
          ...(condition ? { ':zero': 0 } : {}),
        },
      },
    },
    botUpdate(teamId, c.botId, 'SET lockedByCampaigns = :locks, version = version + :one', 'version = :bv', {
      ':locks': locks,
      ':bv': bot.version,
    }),
  ];
}

/**
 * `POST /campaigns/{id}/stop` (member): `stopped`: no new calls; calls in flight run to their end and release their
 * slots. The bot's lock is released. 409 unless it is running.
 */
export async function stopCampaign(teamId: string, campaignId: string, actor: Actor): Promise<Campaign> {
  return retrying(async () => {
    const c = await getStoredCampaign(teamId, campaignId, true);
    if (c.status !== 'running') throw new Conflict(`The campaign is already ${c.status}.`, { status: c.status });
    const now = new Date().toISOString();
    // Either item changed since it was read: read both again.
    await transactWrite([...(await leaveRunning(teamId, c, 'stopped', now)), statusAudit(teamId, c, 'stop', actor, now)]);
    return toCampaign({ ...c, status: 'stopped', stoppedAt: now, updatedAt: now });
  });
}
