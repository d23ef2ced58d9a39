import { callsJob } from './calls.js';
import { campaignJobs } from './campaign-jobs.js';
import type { localConfig } from './config.js';
import { connectorHealthCheckJob } from './health-check-job.js';
import { jobScope, runInScope } from './partition-guard.js';
import { telephonySimulator } from './telephony-simulator.js';

/**
 * Background work of the local runtime: what EventBridge rules, Scheduler schedules and asynchronous Lambda
 * invocations do on AWS. Each entry starts its job (an interval, a poller, a local async target) after the
 * table exists and the handlers' environment is set, and returns a function that stops it.
 * Each feature with background work adds one entry.
 */
export type BackgroundJob = { name: string; start: (cfg: ReturnType<typeof localConfig>) => Promise<() => Promise<void>> };

export const BACKGROUND_JOBS: BackgroundJob[] = [
  callsJob,
  campaignJobs,
  telephonySimulator,
  connectorHealthCheckJob,
  // The purge after a bot reset or delete (AWS: the BotDataPurge function, invoked asynchronously)
  {
    name: 'bot-data-purge',
    start: async () => {
      const { drainLocalJobs, registerLocalTarget } = await import('./adapters/async-invoke.js');
      const { BOT_DATA_PURGE_TARGET } = await import('../../shared/domain/bots/purge.js');
      const { handler } = await import('../../functions/jobs/bot-data-purge.js');
      // The handler logs its own failures; locally there is no retry, the next reset or delete sweeps again.
      registerLocalTarget(BOT_DATA_PURGE_TARGET, (payload) => runInScope(jobScope('jobs/bot-data-purge'), () => handler(payload)));
      return drainLocalJobs;
    },
  },
  // Contact reactivation timers: what EventBridge Scheduler does on AWS.
  { name: 'contact-timers', start: async () => (await import('./contact-timers.js')).startContactTimerPoller() },
  {
    // What Lambda's asynchronous invocation of the audit exporter does on AWS. Exports run in this
    // process, in the background of the request that started them. An export cut short by a stop reads as
    // failed once it has been silent for 5 minutes (STALE_RUNNING_MS).
    name: 'audit-exporter',
    start: async () => {
      const { registerLocalTarget } = await import('./adapters/async-invoke.js');
      const { EXPORTER_TARGET } = await import('../../shared/audit/export-settings.js');
      const { handler } = await import('../../functions/audit-exporter.js');
      registerLocalTarget(EXPORTER_TARGET, (payload) => runInScope(jobScope('audit-exporter'), () => handler(payload)));
      return async () => undefined;
    },
  },
];

/** Starts every job; the returned function stops them all (SIGINT/SIGTERM). */
export async function startBackgroundJobs(cfg: ReturnType<typeof localConfig>): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const job of BACKGROUND_JOBS) stops.push(await job.start(cfg));
  return async () => {
    await Promise.allSettled(stops.map((s) => s()));
  };
}
