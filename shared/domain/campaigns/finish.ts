import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import { doc, tableName } from '../../db/client.js';
import { CAMPAIGN_DUE_SHARDS, campaignContactKey, campaignDuePartition, campaignKey } from '../../db/keys.js';
import { type ConditionalWrite, type TransactItem, transactWrite } from '../../db/transact.js';
import { DISPATCHER_ACTOR } from '../calls/waiting.js';
import { leaveRunning } from './status.js';
import { contactIndexes, type StoredContact } from './contacts.js';
import { type Campaign, openContacts, type StoredCampaign, toCampaign } from './model.js';
import { progressUpdate } from './outcome.js';
import { type PassContext, Skip } from './pass.js';

import type { CampaignContactStatus } from './schema.js';

const T = () => tableName();

/* Ending contacts and campaigns: final statuses in batches, closing a campaign past `endAt`, completion. */

/** Contacts moved to a final status per transaction, with the campaign's counters and one audit event. */
export const FINAL_BATCH = 90;

/**
 * Moves waiting contacts to a final status (`exhausted`, `skipped_dnc`) in transactions of up to 90: each contact
 * conditional on itself as read, the campaign's counters once, one audit event naming the numbers. A batch refused
 * because one of them changed falls back to one transaction per contact. Returns how many were moved.
 */
export async function finalize(
  teamId: string,
  c: StoredCampaign,
  contacts: StoredContact[],
  to: 'exhausted' | 'skipped_dnc',
): Promise<number> {
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
export async function closeCampaign(ctx: PassContext, teamId: string, stored: StoredCampaign, c: Campaign) {
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
export async function complete(ctx: PassContext, teamId: string, stored: StoredCampaign) {
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
