import type { SQSEvent } from 'aws-lambda';
import type { BackgroundJob } from './background.js';
import { jobScope, runInScope } from './partition-guard.js';

/**
 * Local stand-ins for the AWS wiring of calls (infra/constructs/calls.ts), running the handler modules the stack
 * deploys:
 * - the `CallEnded` EventBridge rule -> push queue becomes a local event-bus rule that queues the first attempt;
 * - the push queue -> `functions/webhooks/post-call-push.ts` becomes a local work-queue consumer that hands it
 *   each message as a one-record SQS event (retries are delayed messages of the same queue);
 * - the `rate(1 minute)` rule -> `functions/events/outbox-relay.ts` becomes an interval of
 *   `OUTBOX_RELAY_INTERVAL_SECONDS` (default 2).
 * Modules are imported at start, after the handlers' environment is set (the DynamoDB client reads it).
 */
export const callsJob: BackgroundJob = {
  name: 'calls: outbox relay and post-call push',
  start: async (cfg) => {
    const { registerLocalRule } = await import('./adapters/event-bus.js');
    const { registerLocalConsumer } = await import('./adapters/work-queue.js');
    const { workQueue } = await import('../../shared/ports/work-queue.js');
    const { CALL_ENDED } = await import('../../shared/domain/calls/fields.js');
    const { PUSH_QUEUE } = await import('../../shared/domain/calls/push.js');
    const push = (await import('../../functions/webhooks/post-call-push.js')).handler;
    const relay = (await import('../../functions/events/outbox-relay.js')).handler;

    let received = 0;
    const stopConsumer = registerLocalConsumer(PUSH_QUEUE, async (message) => {
      const event = { Records: [{ messageId: `local-${++received}`, body: JSON.stringify(message) }] } as SQSEvent;
      // Locally a failed attempt is not redelivered: the handler has logged it.
      await runInScope(jobScope('webhooks/post-call-push'), () => push(event));
    });
    const stopRule = registerLocalRule(
      'post-call-push',
      (e) => e['detail-type'] === CALL_ENDED && e.detail.pushRequested === true,
      (e) => workQueue().send(PUSH_QUEUE, { teamId: e.detail.teamId, callId: e.detail.callId, attempt: 1 }),
    );
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      running = runInScope(jobScope('events/outbox-relay'), () => relay()).catch((e: Error) =>
        console.error('outbox relay failed', e.message),
      );
    }, cfg.outboxRelayIntervalSeconds * 1000);
    timer.unref();
    return async () => {
      clearInterval(timer);
      stopRule();
      stopConsumer();
      await running;
    };
  },
};
