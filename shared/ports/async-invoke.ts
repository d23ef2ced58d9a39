import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { config, isLocalMode, required } from '../config.js';

/**
 * Port: start background work without waiting for it (the audit exporter, the purge after a bot reset).
 * On AWS it is a Lambda asynchronous invocation (`InvocationType: Event`; retries and the on-failure
 * destination are configured on the target function). Locally, `npm start` registers an in-process runner per
 * target with `registerLocalTarget`, and the work runs in the background of the same process.
 *
 * `target` is a logical name (e.g. `audit-exporter`); on AWS the function name comes from the environment
 * variable `ASYNC_TARGET_<NAME>` (upper-cased, `-` -> `_`), set by the CDK stack on the calling function.
 */
export interface AsyncInvoker {
  invoke(target: string, payload: Record<string, unknown>): Promise<void>;
}

type LocalRunner = (payload: Record<string, unknown>) => Promise<unknown>;
const localTargets = new Map<string, LocalRunner>();
const inFlight = new Set<Promise<unknown>>();

/** Local runtime and tests: what runs when `target` is invoked. */
export function registerLocalTarget(target: string, run: LocalRunner): void {
  localTargets.set(target, run);
}

/** Resolves when every locally started job has finished (tests, graceful stop). */
export async function drainLocalJobs(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

export const envNameOf = (target: string) => `ASYNC_TARGET_${target.toUpperCase().replace(/-/g, '_')}`;

class LambdaInvoker implements AsyncInvoker {
  private readonly client = new LambdaClient({});
  async invoke(target: string, payload: Record<string, unknown>) {
    await this.client.send(
      new InvokeCommand({
        FunctionName: required(config().ASYNC_TARGETS[envNameOf(target)], envNameOf(target)),
        InvocationType: 'Event',
        Payload: Buffer.from(JSON.stringify(payload)),
      }),
    );
  }
}

class LocalInvoker implements AsyncInvoker {
  async invoke(target: string, payload: Record<string, unknown>) {
    const run = localTargets.get(target);
    if (!run) throw new Error(`no local runner registered for async target ${target}`);
    // like Lambda's Event invocation: accepted now, runs after the caller's response; failures are logged by the runner
    const job = new Promise((r) => setImmediate(r)).then(() => run(payload)).catch(() => undefined);
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  }
}

let invoker: AsyncInvoker | undefined;
/** The invoker for this process: local in `LOCAL_MODE`, Lambda otherwise. */
export function asyncInvoker(): AsyncInvoker {
  invoker ??= isLocalMode() ? new LocalInvoker() : new LambdaInvoker();
  return invoker;
}
