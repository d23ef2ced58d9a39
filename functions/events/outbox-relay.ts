import { relayOutbox } from '../../shared/events/outbox.js';
import { logger } from '../../shared/logger.js';

/**
 * EventBridge rule `rate(1 minute)` -> publishes outbox entries older than OUTBOX_RELAY_MIN_AGE_SECONDS that the
 * request which wrote them could not publish (see shared/events/outbox.ts). Locally the same pass runs on an
 * interval of the local runtime.
 */
export const handler = async (): Promise<{ published: number; failed: number; deadLettered: number }> => {
  const result = await relayOutbox();
  if (result.published || result.failed || result.deadLettered) logger.info('outbox relay pass', result);
  return result;
};
