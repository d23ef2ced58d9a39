/**
 * Optimistic concurrency, the one retry rule of every conditional write: read, decide, write conditionally on what
 * was read (a version, a status); when another writer got in between, the condition fails, and the whole step runs
 * again on a fresh read. Attempts are bounded, and spaced by an exponential back-off with full jitter so that
 * writers who collided do not collide again in step.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */

/**
 * The item changed between the read and the conditional write (or DynamoDB cancelled the transaction for a
 * conflict with another one in flight): run the step again. Thrown by an attempt to ask for another one; escaping
 * `retryOnConflict`, it means the object kept changing (a 409 for the caller).
 */
export class WriteConflict extends Error {
  constructor(message = 'The object changed during the request; retry.') {
    super(message);
    this.name = 'WriteConflict';
  }
}

/**
 * A write conflict: ours, or DynamoDB's own refusal of a write to an item that a transaction in flight holds
 * (`TransactionConflictException`, which nothing changed yet either).
 */
export const isConflict = (error: unknown) =>
  error instanceof WriteConflict || (error as { name?: string } | null)?.name === 'TransactionConflictException';

/** `attempts` in all (the first included); the wait before retry n is uniform in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))] ms. */
export type RetryPolicy = { attempts: number; baseDelayMs: number; maxDelayMs: number };

/**
 * Twenty attempts settle twenty concurrent writers of one item (each round lets at least one through); the
 * back-off keeps the worst case near two seconds, well inside an API function's timeout.
 */
export const RETRY_POLICY: RetryPolicy = { attempts: 20, baseDelayMs: 5, maxDelayMs: 200 };

/** The wait in ms before retry number `retry` (1-based), with full jitter. */
export function backoffMs(retry: number, policy: RetryPolicy = RETRY_POLICY, random: () => number = Math.random): number {
  return random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

/**
 * Runs `attempt` (given its number, 1-based) until it does not throw `WriteConflict`, at most `policy.attempts`
 * times. Any other error ends at once. When the attempts are used up, throws `onExhausted()` (a domain `Conflict`
 * naming the object), or the last `WriteConflict`.
 */
export async function retryOnConflict<T>(
  attempt: (n: number) => Promise<T>,
  opts: { onExhausted?: () => Error; policy?: RetryPolicy } = {},
): Promise<T> {
  const policy = opts.policy ?? RETRY_POLICY;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (n >= policy.attempts) throw opts.onExhausted?.() ?? error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(n, policy)));
    }
  }
}
