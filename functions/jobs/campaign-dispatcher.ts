import type { Context } from 'aws-lambda';
import { type DispatchStats, dispatch } from '../../shared/domain/campaigns/dispatcher.js';
import { logger } from '../../shared/logger.js';

/**
 * Background job, not an API route: one campaign dispatcher pass (`shared/domain/campaigns/dispatcher.ts`): the
 * dialouts waiting for a slot, then every running campaign's due contacts. Started by an EventBridge Scheduler
 * schedule every minute, and asynchronously (target `campaign-dispatcher`) by every call end, so a freed slot is
 * refilled at once. A pass stops well before the function's timeout; the next one carries on. Locally
 * `infra/local/campaign-jobs.ts` runs it every second and at every call end.
 */
export const handler = async (_event?: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<DispatchStats> => {
  const maxMs = context ? Math.max(1_000, context.getRemainingTimeInMillis() - 10_000) : 20_000;
  const stats = await dispatch({ maxMs });
  if (stats.dialed || stats.waitingQueued || stats.completed) logger.info('campaign dispatcher pass', stats);
  return stats;
};
