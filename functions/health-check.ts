import type { Context, ScheduledEvent } from 'aws-lambda';
import { runHealthCheck } from '../shared/domain/connectors/health-check.js';
import { logger } from '../shared/logger.js';

/**
 * The connector health check, run by an EventBridge rule `rate(1 minute)` (infra/constructs/health-check.ts)
 * and, locally, every `HEALTH_CHECK_INTERVAL_SECONDS` by the local runtime. Not an API route. Probes start only
 * while they can finish before the function's timeout; the rest are first in line next minute.
 */
export const handler = async (_event: Partial<ScheduledEvent>, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const deadline = context ? Date.now() + context.getRemainingTimeInMillis() : undefined;
  const summary = await runHealthCheck(deadline === undefined ? {} : { deadline });
  // Quiet runs are debug-level: locally the check runs every few seconds.
  const notable = summary.statusChanges > 0 || summary.errors > 0 || summary.deferred;
  logger[notable ? 'info' : 'debug']('connector health check', { ...summary });
  return summary;
};
