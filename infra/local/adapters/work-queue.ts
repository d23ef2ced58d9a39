import type { WorkQueue } from '../../../shared/ports/work-queue.js';

/**
 * The local adapter of the work-queue port: a timer of this process hands each message to the consumer the local
 * runtime registered for its queue (the worker's handler module); sub-second delays are honoured so tests can use
 * short backoffs.
 */
type Consumer = (message: Record<string, unknown>) => Promise<unknown>;
const consumers = new Map<string, Consumer>();
const timers = new Set<NodeJS.Timeout>();
const running = new Set<Promise<unknown>>();

/** What consumes `queue` (the local runtime and tests). Returns a function that unregisters it and cancels its timers. */
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

export class LocalWorkQueue implements WorkQueue {
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
