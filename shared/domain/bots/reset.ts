import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { tableName } from '../../db/client.js';
import { botKey } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { transactWrite } from '../../db/transact.js';
import { NotFound } from '../errors.js';
import { logger } from '../../logger.js';
import { asyncInvoker } from '../../ports/async-invoke.js';
import { deleteBot } from './bots.js';
import { type StoredBot, lockedError } from './model.js';
import { BOT_DATA_PURGE_TARGET, type PurgeRequest } from './purge.js';

/**
 * Reset and delete: the two bot changes that leave data behind (contacts, messages, calls, connector history
 * under `botDataPartition`), handed to the `bot-data-purge` background job. Kept apart from `lifecycle.ts`
 * because only these two routes need the Lambda client of the async-invoke port.
 */

/**
 * `POST .../reset`, admin: one transaction bumps the bot's `dataGeneration`
 * (and `version`) and writes the audit event, unless a running campaign locks the bot (409 naming it, checked in
 * the write's condition). Every read of contacts, messages, calls and connector history goes through
 * `botDataPartition(teamId, botId, dataGeneration)`, so the data is gone from every read the moment this commits,
 * whatever its size; configuration, connectors' definitions, phone numbers and campaigns live elsewhere and
 * stay. The old generations are then deleted in the background (`bot-data-purge`). No read before the write:
 * the request costs one TransactWriteItems and one asynchronous invoke.
 */
export async function resetBot(teamId: string, botId: string, actor: Actor): Promise<void> {
  const now = new Date().toISOString();
  await retryOnConflict(() =>
    transactWrite([
      {
        item: {
          Update: {
            TableName: tableName(),
            Key: botKey(teamId, botId),
            UpdateExpression: 'SET dataGeneration = dataGeneration + :one, version = version + :one, updatedAt = :now',
            ConditionExpression: 'attribute_exists(PK) AND size(lockedByCampaigns) = :zero',
            ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':now': now },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        onConditionFailed: (old) => (old ? lockedError(old as StoredBot, 'reset') : new NotFound('Bot')),
      },
      auditPut(
        teamId,
        { actor, module: 'bots', action: 'reset', botId, targetId: botId, changes: { data: { before: 'kept', after: 'reset' } } },
        now,
      ),
    ]),
  );
  await requestDataPurge({ teamId, botId });
}

/** `DELETE .../bots/{botId}` (admin): {@link deleteBot}, then every generation of the bot's data is purged in the background. */
export async function deleteBotAndData(teamId: string, botId: string, actor: Actor): Promise<void> {
  const deleted = await deleteBot(teamId, botId, actor);
  const campaignIds = [...(deleted.campaignIds ?? [])];
  await requestDataPurge({ teamId, botId, belowGeneration: deleted.dataGeneration + 1, ...(campaignIds.length ? { campaignIds } : {}) });
}

/**
 * Starts the background purge (`bot-data-purge`, see `purge.ts`) without waiting for it. The change that made the
 * data unreachable is already committed, so a failure to start the job is logged, not answered with a 5xx:
 * the data stays invisible, and the next reset or delete of the bot sweeps every older generation again.
 */
export async function requestDataPurge(request: PurgeRequest): Promise<void> {
  try {
    await asyncInvoker().invoke(BOT_DATA_PURGE_TARGET, request);
  } catch (error) {
    logger.error('bot data purge could not be started', { error: error as Error, ...request });
  }
}
