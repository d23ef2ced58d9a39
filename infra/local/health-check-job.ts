import type { BackgroundJob } from './background.js';
import { jobScope, runInScope } from './partition-guard.js';

/**
 * Local stand-in for the EventBridge rule `rate(1 minute)`: runs the deployed health-check function
 * (`functions/health-check.ts`) every `HEALTH_CHECK_INTERVAL_SECONDS` (default 60). Like the rule, a tick does
 * not wait for the previous run; a connector still being probed by it is skipped by the next one. Stopping
 * waits briefly for runs in flight (a probe can hang up to its 5 s timeout) and then lets the process exit.
 */
export const connectorHealthCheckJob: BackgroundJob = {
  name: 'connector-health-check',
  start: async (cfg) => {
    const intervalMs = Math.max(0.1, cfg.healthCheckIntervalSeconds) * 1000;
    const running = new Set<Promise<unknown>>();
    // Imported at the first tick, like a cold start, so the runtime's own start is not delayed by it.
    let loaded: Promise<typeof import('../../functions/health-check.js')> | undefined;
    const tick = () => {
      loaded ??= import('../../functions/health-check.js');
      const run = loaded
        .then(({ handler }) =>
          runInScope(jobScope('health-check'), () => handler({ source: 'botops.local', 'detail-type': 'Scheduled Event' })),
        )
        .catch((error: Error) => {
          console.error(`connector health check failed: ${error.message}`);
        });
      running.add(run);
      void run.finally(() => running.delete(run));
    };
    const timer = setInterval(tick, intervalMs);
    return async () => {
      clearInterval(timer);
      await Promise.race([Promise.allSettled([...running]), new Promise((r) => setTimeout(r, 1_000).unref())]);
    };
  },
};
