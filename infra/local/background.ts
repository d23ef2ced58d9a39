import { callsJob } from './calls.js';
import type { localConfig } from './config.js';
import { connectorHealthCheckJob } from './health-check-job.js';

/**
 * Background work of the local runtime: what EventBridge rules, Scheduler schedules and asynchronous Lambda
 * invocations do on AWS. Each entry starts its job (an interval, a poller, a local async target) after the
 * table exists and the handlers' environment is set, and returns a function that stops it.
 * Issues add one entry each.
 */
export type BackgroundJob = { name: string; start: (cfg: ReturnType<typeof localConfig>) => Promise<() => Promise<void>> };

export const BACKGROUND_JOBS: BackgroundJob[] = [
  callsJob,
  connectorHealthCheckJob,
];

/** Starts every job; the returned function stops them all (SIGINT/SIGTERM). */
export async function startBackgroundJobs(cfg: ReturnType<typeof localConfig>): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const job of BACKGROUND_JOBS) stops.push(await job.start(cfg));
  return async () => {
    await Promise.allSettled(stops.map((s) => s()));
  };
}
