import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import { doc, tableName } from '../../db/client.js';
import { CAMPAIGN_DUE_SHARDS, campaignContactKey, campaignDuePartition } from '../../db/keys.js';
import { type ConditionalWrite, type TransactItem, transactWrite } from '../../db/transact.js';
import { DISPATCHER_ACTOR } from '../calls/waiting.js';
import { contactIndexes, type StoredContact } from './contacts.js';
import type { StoredCampaign } from './model.js';
import { progressUpdate } from './outcome.js';
import { Skip } from './pass.js';

import type { CampaignContactStatus } from './schema.js';

const T = () => tableName();

/* The due index: contacts whose next attempt has come, and moving a waiting contact's due time or status. */

/** Up to `limit` contacts due at `nowIso` (every shard of the due index, oldest due first). */
export async function dueContacts(teamId: string, campaignId: string, nowIso: string, limit: number): Promise<StoredContact[]> {
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
export async function moveContact(
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
