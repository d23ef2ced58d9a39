import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { config, required } from '../config.js';
import { PortAdapter } from './adapter.js';

/**
 * Port: hand a message to a worker, now or after a delay (post-call push retries with backoff).
 *
 * - AWS: SQS `SendMessage` with `DelaySeconds` (0..900, SQS' limit) to the queue whose URL is in
 *   `QUEUE_URL_<NAME>` (upper-cased, `-` -> `_`), set by the CDK stack on the sending function. The queue feeds
 *   the worker Lambda and has a dead-letter queue for messages whose processing keeps failing.
 * - Local: a timer of the local runtime's process hands the message to the queue's consumer
 *   (`infra/local/adapters/work-queue.ts`).
 */
export interface WorkQueue {
  send(queue: string, message: Record<string, unknown>, delaySeconds?: number): Promise<void>;
}

export const queueEnvNameOf = (queue: string) => `QUEUE_URL_${queue.toUpperCase().replace(/-/g, '_')}`;

/** SQS' largest per-message delay. */
export const MAX_DELAY_SECONDS = 900;

/** The AWS adapter: SQS. */
export class SqsWorkQueue implements WorkQueue {
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

export const workQueueAdapter = new PortAdapter<WorkQueue>('work-queue', () => new SqsWorkQueue());

/** The queue of this process: SQS, or locally the in-process queue. */
export const workQueue = (): WorkQueue => workQueueAdapter.get();
