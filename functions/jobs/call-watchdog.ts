import { endOverdueCalls } from '../../shared/domain/calls/watchdog.js';
import { logger } from '../../shared/logger.js';

/**
 * Background job, not an API route: ends the calls in flight past their deadline as `failed` / `timeout`, with their
 * `CallEnded` events (`shared/domain/calls/watchdog.ts`). An EventBridge schedule runs it every minute on AWS;
 * locally `infra/local/campaign-jobs.ts` runs it every `CALL_WATCHDOG_INTERVAL_SECONDS`.
 */
export const handler = async (): Promise<{ ended: number }> => {
  const ended = await endOverdueCalls();
  if (ended) logger.warn('watchdog ended calls past their deadline', { ended });
  return { ended };
};
