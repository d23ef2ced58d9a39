import type { AsyncInvoker } from '../../../shared/ports/async-invoke.js';

/**
 * The local adapter of the async-invoke port: the work runs in the background of this process, like Lambda's
 * `Event` invocation (accepted now, run after the caller's response). The local runtime registers a runner per
 * target: the handler module the stack deploys for it.
 */
type LocalRunner = (payload: Record<string, unknown>) => Promise<unknown>;
const targets = new Map<string, LocalRunner>();
const inFlight = new Set<Promise<unknown>>();

/** What runs when `target` is invoked (the local runtime and tests). */
export function registerLocalTarget(target: string, run: LocalRunner): void {
  targets.set(target, run);
}

/** Resolves when every locally started job has finished (tests, graceful stop). */
export async function drainLocalJobs(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

export class LocalInvoker implements AsyncInvoker {
  async invoke(target: string, payload: Record<string, unknown>) {
    const run = targets.get(target);
    if (!run) throw new Error(`no local runner registered for async target ${target}`);
    // like Lambda's Event invocation: accepted now, runs after the caller's response; failures are logged by the runner
    const job = new Promise((r) => setImmediate(r)).then(() => run(payload)).catch(() => undefined);
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  }
}
