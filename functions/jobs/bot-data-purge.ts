import type { Context } from 'aws-lambda';
import { type PurgeResult, parsePurgeRequest, purgeBotData } from '../../shared/domain/bots/purge.js';
import { removeConnectorsOfDeletedBot } from '../../shared/domain/connectors/bot-deleted.js';
import { logger } from '../../shared/logger.js';

/**
 * Background job, not an API route: purges the data generations a bot reset or delete made unreachable
 * (`shared/domain/bots/purge.ts`). Invoked asynchronously (`InvocationType: Event`) through the async-invoke
 * port as target `bot-data-purge`; on AWS the function's event invoke config retries a failure twice and sends
 * the event to a dead-letter queue after that. It stops a minute before its timeout (`PurgeIncomplete`), and the
 * retry resumes where it stopped. After a delete (the request names the generations) it also removes the deleted
 * bot's connectors, so none stays running or health-checked. Locally `infra/local/background.ts` registers it for `npm start`.
 */
export const handler = async (event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<PurgeResult> => {
  const request = parsePurgeRequest(event);
  const started = Date.now();
  try {
    const result = await purgeBotData(request, context ? { remainingMs: () => context.getRemainingTimeInMillis() } : {});
    const connectorsRemoved = request.belowGeneration === undefined ? 0 : await removeConnectorsOfDeletedBot(request.teamId, request.botId);
    logger.info('bot data purged', { ...request, ...result, connectorsRemoved, ms: Date.now() - started });
    return result;
  } catch (error) {
    logger.error('bot data purge failed', { ...request, error: error as Error, ms: Date.now() - started });
    throw error;
  }
};
