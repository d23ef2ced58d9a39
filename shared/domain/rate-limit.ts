import { config } from '../config.js';
import { consumeRateLimit } from '../db/rate-limit.js';
import { RateLimited } from './errors.js';

/**
 * Per-team limit of `operation` to `perSecond` requests, on the shared DynamoDB fixed-window counter
 * (`consumeRateLimit`: one conditional UpdateItem per request, the same for every Lambda instance).
 * A fixed window admits up to 2x the limit across a second boundary; for protecting the telephony side from
 * bursts of dialouts that is the accepted trade for one write per request.
 *
 * @throws RateLimited (with the seconds until the window ends, and `limitPerSecond`) when the window is full.
 */
export async function enforceRateLimit(teamId: string, operation: string, perSecond: number, now = Date.now()): Promise<void> {
  const result = await consumeRateLimit(`TEAM#${teamId}#${operation}`, perSecond, 1, now);
  if (result.allowed) return;
  throw new RateLimited(
    result.retryAfterSeconds,
    `At most ${perSecond} ${operation} requests per second per team; retry after ${result.retryAfterSeconds} s.`,
    { limitPerSecond: perSecond },
  );
}

/** The dialout limit: `DIALOUT_RATE_LIMIT_PER_SECOND` (a positive integer), default 20. */
export const dialoutRateLimit = (): number => config().DIALOUT_RATE_LIMIT_PER_SECOND;
