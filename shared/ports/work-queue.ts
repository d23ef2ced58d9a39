import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { config, isLocalMode, required } from '../config.js';

/**
 * Port: hand a message to a worker, now or after a delay (post-call push retries with backoff).
 *
 * - AWS: SQS `SendMessage` with `DelaySeconds` (0..900, SQS' limit) to the queue whose URL is in
 *   `QUEUE_URL_<NAME>` (upper-cased, `-` -> `_`), set by the CDK stack on the sending function. The queue feeds
 *   the worker Lambda and has a dead-letter queue for messages whose processing keeps failing.
 * - Local: a timer in the local runtime's process runs the consumer registered with `registerLocalConsumer`
 *   (the local runtime's background job); sub-second delays are honoured so tests can use short backoffs.
 */
export interface WorkQueue {
  send(queue: string, message: Record<string, unknown>, delaySeconds?: number): Promise<void>;
}

export const queueEnvNameOf = (queue: string) => `QUEUE_URL_${queue.toUpperCase().replace(/-/g, '_')}`;

/** SQS' largest per-message delay. */
export const MAX_DELAY_SECONDS = 900;

class SqsWorkQueue implements WorkQueue {
  private client?: SQSClient;
  async send(queue: string, message: Record<string, unknown>, delaySeconds = 0) {
    this.client ??= new SQSClient({});
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: required(config().QUEUE_URLS[queueEnvNameOf(queue)], queueEnvNameOf(queue)),
        MessageBody: JSON.stringify(message),
        DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.round(delaySeconds))),
      }),
    );
  }
}

type Consumer = (message: Record<string, unknown>) => Promise<unknown>;
const consumers = new Map<string, Consumer>();
const timers = new Set<NodeJS.Timeout>();
const running = new Set<Promise<unknown>>();

/** Local runtime and tests: what consumes `queue`. Returns a function that unregisters it and cancels its timers. */
export function registerLocalConsumer(queue: string, consume: Consumer): () => void {
  consumers.set(queue, consume);
  return () => {
    consumers.delete(queue);
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
}

/** Resolves when no local message is waiting or running (tests). */
export async function drainLocalQueues(): Promise<void> {
  while (timers.size || running.size) {
    await Promise.allSettled([...running]);
    if (timers.size) await new Promise((r) => setTimeout(r, 20));
  }
}

class LocalWorkQueue implements WorkQueue {
  async send(queue: string, message: Record<string, unknown>, delaySeconds = 0) {
    if (!consumers.has(queue)) throw new Error(`no local consumer registered for queue ${queue}`);
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        const consume = consumers.get(queue);
        if (!consume) return;
        const job = consume(message).catch(() => undefined);
        running.add(job);
        void job.finally(() => running.delete(job));
      },
      Math.max(0, delaySeconds * 1000),
    );
    timers.add(timer);
  }
}

let queue: WorkQueue | undefined;
/** The queue of this process: local in `LOCAL_MODE`, SQS otherwise. */
export function workQueue(): WorkQueue {
  queue ??= isLocalMode() ? new LocalWorkQueue() : new SqsWorkQueue();
  return queue;
}
