import { describe, expect, it } from 'vitest';
import { backoffMs, RETRY_POLICY, retryOnConflict, WriteConflict } from '../../shared/db/retry.js';

const fast = { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 };

describe('the optimistic-concurrency retry', () => {
  it('runs the step again on a write conflict until it succeeds', async () => {
    let calls = 0;
    const result = await retryOnConflict(
      async (n) => {
        calls++;
        if (n < 3) throw new WriteConflict();
        return n;
      },
      { policy: fast },
    );
    expect(result).toBe(3);
    expect(calls).toBe(3);
  });

  it('gives up after the bounded number of attempts with the caller’s conflict', async () => {
    let calls = 0;
    const step = retryOnConflict(
      async () => {
        calls++;
        throw new WriteConflict();
      },
      { policy: fast, onExhausted: () => new Error('kept changing') },
    );
    await expect(step).rejects.toThrow('kept changing');
    expect(calls).toBe(4);
  });

  it('lets any other error through at once', async () => {
    let calls = 0;
    const step = retryOnConflict(async () => {
      calls++;
      throw new Error('refused');
    });
    await expect(step).rejects.toThrow('refused');
    expect(calls).toBe(1);
  });

  it('waits a random time under an exponentially growing cap (full jitter)', () => {
    expect(backoffMs(1, RETRY_POLICY, () => 1)).toBe(RETRY_POLICY.baseDelayMs);
    expect(backoffMs(3, RETRY_POLICY, () => 1)).toBe(RETRY_POLICY.baseDelayMs * 4);
    expect(backoffMs(30, RETRY_POLICY, () => 1)).toBe(RETRY_POLICY.maxDelayMs);
    expect(backoffMs(30, RETRY_POLICY, () => 0)).toBe(0);
  });
});
