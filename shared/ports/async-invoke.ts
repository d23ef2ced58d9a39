import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { config, required } from '../config.js';
import { PortAdapter } from './adapter.js';

/**
 * Port: start background work without waiting for it (the audit exporter, the purge after a bot reset).
 * On AWS it is a Lambda asynchronous invocation (`InvocationType: Event`; retries and the on-failure
 * destination are configured on the target function). Locally the work runs in the background of the same
 * process (`infra/local/adapters/async-invoke.ts`).
 *
 * `target` is a logical name (e.g. `audit-exporter`); on AWS the function name comes from the environment
 * variable `ASYNC_TARGET_<NAME>` (upper-cased, `-` -> `_`), set by the CDK stack on the calling function.
 */
export interface AsyncInvoker {
  invoke(target: string, payload: Record<string, unknown>): Promise<void>;
}

export const envNameOf = (target: string) => `ASYNC_TARGET_${target.toUpperCase().replace(/-/g, '_')}`;

/** The AWS adapter: Lambda `Invoke` with `InvocationType: Event`. */
export class LambdaInvoker implements AsyncInvoker {
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

export const asyncInvokerAdapter = new PortAdapter<AsyncInvoker>('async-invoke', () => new LambdaInvoker());

/** The invoker of this process: Lambda, or locally the in-process runner. */
export const asyncInvoker = (): AsyncInvoker => asyncInvokerAdapter.get();
