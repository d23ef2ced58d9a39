/**
 * Errors of the storage layer that reach a caller. Like the domain errors they know nothing of HTTP;
 * `shared/http/problem.ts` maps them.
 */

/**
 * A list cursor that this list did not issue: malformed, edited, copied from another list or team, or pointing
 * outside the list's key range. `reason` says which, for the caller.
 */
export class InvalidCursor extends Error {
  constructor(readonly reason = 'The cursor is malformed or belongs to another list.') {
    super(reason);
    this.name = 'InvalidCursor';
  }
}

/** DynamoDB's names for "over capacity": what is left after the SDK's own retries (`maxAttempts`) gave up. */
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);
const THROTTLING_REASONS = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

/**
 * True when DynamoDB refused a request for capacity: one of its throttling exceptions, or a transaction cancelled
 * because one of its items was throttled. The request did nothing and may be retried shortly.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 */
export function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] } | null;
  if (!e || typeof e.name !== 'string') return false;
  if (THROTTLING.has(e.name)) return true;
  return e.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => THROTTLING_REASONS.has(r.Code ?? ''));
}
