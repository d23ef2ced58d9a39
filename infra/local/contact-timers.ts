import { config } from '../../shared/config.js';
import { fireDueLocalTimers } from './adapters/contact-timers.js';
import { jobScope, runInScope } from './partition-guard.js';

/**
 * The local stand-in for EventBridge Scheduler: every `intervalMs` (default 250 ms, `LOCAL_TIMER_POLL_MS`) it
 * fires the contact timers that are due by running `functions/reactivate-contact.ts`, the module the schedules
 * target on AWS. Timers live in the table, so the first pass after a start fires those that fell due while
 * `npm start` was stopped. Passes never overlap; `stop()` waits for the running one.
 */
export async function startContactTimerPoller(opts: { intervalMs?: number } = {}): Promise<() => Promise<void>> {
  const intervalMs = opts.intervalMs ?? config().LOCAL_TIMER_POLL_MS;
  const { handler } = await import('../../functions/reactivate-contact.js');
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = fireDueLocalTimers((payload) => runInScope(jobScope('reactivate-contact'), () => handler(payload)))
      .catch((error: Error) => console.error('botops: local timer pass failed:', error.message))
      .finally(() => (running = undefined));
  };
  pass();
  const interval = setInterval(pass, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(interval);
    await running;
  };
}
