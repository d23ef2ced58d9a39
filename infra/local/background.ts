import type { localConfig } from './config.js';

/**
 * Background work of the local runtime: what EventBridge rules, Scheduler schedules and asynchronous Lambda
 * invocations do on AWS. Each entry starts its job (an interval, a poller, a local async target) after the
 * table exists and the handlers' environment is set, and returns a function that stops it.
 * Issues add one entry each.
 */
export type BackgroundJob = { name: string; start: (cfg: ReturnType<typeof localConfig>) => Promise<() => Promise<void>> };

export const BACKGROUND_JOBS: BackgroundJob[] = [
  // Contact reactivation timers (issue 4): what EventBridge Scheduler does on AWS.
  { name: 'contact-timers', start: async () => (await import('./contact-timers.js')).startContactTimerPoller() },
];

/** Starts every job; the returned function stops them all (SIGINT/SIGTERM). */
export async function startBackgroundJobs(cfg: ReturnType<typeof localConfig>): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const job of BACKGROUND_JOBS) stops.push(await job.start(cfg));
  return async () => {
    await Promise.allSettled(stops.map((s) => s()));
  };
}
