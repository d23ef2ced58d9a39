import { config } from '../../config.js';
import { logger } from '../../logger.js';
import { asyncInvoker } from '../../ports/async-invoke.js';

/**
 * The concurrency governor's shared rules. A call "in flight" (`queued` with its event sent, `ringing`,
 * `in_progress`) holds one slot of its team (`team/settings.ts`) and, for a campaign call, one of its campaign,
 * taken in the transaction that queues it and released in the transaction that ends it (`holdsSlot` on the call
 * says it has them). While in flight it carries a watchdog index entry keyed by its deadline.
 */

/** Logical async-invoke target of the campaign dispatcher (`ASYNC_TARGET_CAMPAIGN_DISPATCHER` on AWS). */
export const DISPATCHER_TARGET = 'campaign-dispatcher';

/** When the watchdog ends a call taken into flight at `at` (ms): its bot's max call duration plus `CALL_WATCHDOG_GRACE_SECONDS`. */
export function watchdogDeadline(maxCallDurationSeconds: number | undefined, at: number): string {
  return new Date(at + ((maxCallDurationSeconds ?? 600) + config().CALL_WATCHDOG_GRACE_SECONDS) * 1000).toISOString();
}

/**
 * Starts a dispatcher pass now (a slot was freed: refill it at once instead of at the next scheduled pass). Never
 * throws: the scheduled pass catches up within a minute.
 */
export async function requestDispatch(reason: string): Promise<void> {
  try {
    await asyncInvoker().invoke(DISPATCHER_TARGET, { reason });
  } catch (error) {
    logger.warn('campaign dispatcher could not be started; the scheduled pass will run', { error: error as Error });
  }
}
