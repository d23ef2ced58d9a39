import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { botKey, connectorKey } from '../../db/keys.js';
import { transactWrite } from '../../db/transact.js';
import { listConnectors } from './queries.js';

/** Who removes the connectors of a deleted bot, in the audit log. */
export const BOT_DELETION_ACTOR: Actor = { email: 'system:bot-deletion', role: 'system' };

/**
 * Removes every connector of a bot that no longer exists, whatever its status: a connector serves one bot, so
 * once the bot is deleted it must neither keep `starting`/`online` nor be probed by the scheduled health check
 * (deleting the item drops its health-check index entry). Each removal and its audit event (`connectors` /
 * `delete`, actor `system:bot-deletion`, `reason: "bot deleted"`) are one transaction, conditional on the item
 * still naming the bot. Does nothing while the bot exists (a reset keeps its connectors). Idempotent: a rerun
 * finds nothing left. Returns how many connectors it removed.
 */
export async function removeConnectorsOfDeletedBot(teamId: string, botId: string): Promise<number> {
  const bot = await doc.send(new GetCommand({ TableName: tableName(), Key: botKey(teamId, botId), ConsistentRead: true }));
  if (bot.Item) return 0;
  let removed = 0;
  let cursor: string | undefined;
  do {
    const page = await listConnectors(teamId, { botId }, 100, cursor);
    cursor = page.nextCursor ?? undefined;
    for (const c of page.items) {
      await transactWrite([
        {
          Delete: {
            TableName: tableName(),
            Key: connectorKey(teamId, c.id),
            ConditionExpression: 'botId = :b',
            ExpressionAttributeValues: { ':b': botId },
          },
        },
        auditPut(teamId, {
          actor: BOT_DELETION_ACTOR,
          module: 'connectors',
          action: 'delete',
          botId,
          targetId: c.id,
          changes: { status: { before: c.status, after: null }, reason: { before: null, after: 'bot deleted' } },
        }),
      ]).then(
        () => removed++,
        (error: Error) => {
          // Removed meanwhile (a rerun of this job): nothing left to do for it.
          if (error.name !== 'WriteConflict') throw error;
        },
      );
    }
  } while (cursor);
  return removed;
}
