import type { BackgroundJob } from './background.js';
import { jobScope, runInScope } from './partition-guard.js';

/**
 * Local stand-ins for the campaign dialling jobs (infra/constructs/campaign-dialling.ts), running the handler
 * modules the stack deploys:
 * - the dispatcher's schedule becomes an interval of `CAMPAIGN_DISPATCH_INTERVAL_MS` (default 1 s), and its
 *   asynchronous invocation by call ends a local async target; passes never overlap: a trigger during a pass runs
 *   one more pass right after it (what the freed slot needs);
 * - the watchdog's `rate(1 minute)` schedule becomes an interval of `CALL_WATCHDOG_INTERVAL_SECONDS` (default 5).
 */
export const campaignJobs: BackgroundJob = {
  name: 'campaign dispatcher and call watchdog',
  start: async () => {
    const { config } = await import('../../shared/config.js');
    const { registerLocalTarget } = await import('./adapters/async-invoke.js');
    const { DISPATCHER_TARGET } = await import('../../shared/domain/calls/slots.js');
    const dispatcher = (await import('../../functions/jobs/campaign-dispatcher.js')).handler;
    const watchdog = (await import('../../functions/jobs/call-watchdog.js')).handler;
    const { CAMPAIGN_DISPATCH_INTERVAL_MS, CALL_WATCHDOG_INTERVAL_SECONDS } = config();

    let running: Promise<unknown> | undefined;
    let again = false;
    let stopped = false;
    const pass = (): Promise<unknown> => {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = runInScope(jobScope('jobs/campaign-dispatcher'), () => dispatcher())
        .catch((e: Error) => console.error('campaign dispatcher failed:', e.message))
        .finally(() => {
          running = undefined;
          if (again) {
            again = false;
            void pass();
          }
        });
      return running;
    };
    registerLocalTarget(DISPATCHER_TARGET, () => pass());
    const dispatchTimer = setInterval(() => void pass(), CAMPAIGN_DISPATCH_INTERVAL_MS);

    let watching: Promise<unknown> | undefined;
    const watchdogTimer = setInterval(() => {
      if (watching || stopped) return;
      watching = runInScope(jobScope('jobs/call-watchdog'), () => watchdog())
        .catch((e: Error) => console.error('call watchdog failed:', e.message))
        .finally(() => (watching = undefined));
    }, CALL_WATCHDOG_INTERVAL_SECONDS * 1000);
    return async () => {
      stopped = true;
      clearInterval(dispatchTimer);
      clearInterval(watchdogTimer);
      await Promise.allSettled([running, watching]);
    };
  },
};
