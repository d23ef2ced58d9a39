import type { BackgroundJob } from './background.js';

/**
 * Local stand-ins for the AWS wiring of issue 5 (infra/constructs/calls.ts):
 * - the `CallEnded` EventBridge rule -> push queue becomes a local event-bus rule that queues the first attempt;
 * - the push queue -> push Lambda becomes a local work-queue consumer (retries are timers of the same queue);
 * - the `rate(1 minute)` outbox relay becomes an interval of `OUTBOX_RELAY_INTERVAL_SECONDS` (default 2).
 * Modules are imported at start, after the handlers' environment is set (the DynamoDB client reads it).
 */
export const callsJob: BackgroundJob = {
  name: 'calls: outbox relay and post-call push',
  start: async (cfg) => {
    const { registerLocalRule } = await import('../../shared/ports/event-bus.js');
    const { registerLocalConsumer, workQueue } = await import('../../shared/ports/work-queue.js');
    const { relayOutbox } = await import('../../shared/events/outbox.js');
    const { CALL_ENDED } = await import('../../shared/domain/calls/fields.js');
    const { PUSH_QUEUE, deliverPostCallPush, parsePushMessage } = await import('../../shared/domain/calls/push.js');

    const stopConsumer = registerLocalConsumer(PUSH_QUEUE, async (message) => {
      const msg = parsePushMessage(message);
      if (msg) await deliverPostCallPush(msg).catch((e: Error) => console.error('post-call push failed', e.message));
    });
    const stopRule = registerLocalRule(
      'post-call-push',
      (e) => e['detail-type'] === CALL_ENDED && e.detail.pushRequested === true,
      (e) => workQueue().send(PUSH_QUEUE, { teamId: e.detail.teamId, callId: e.detail.callId, attempt: 1 }),
    );
    const everyMs = cfg.outboxRelayIntervalSeconds * 1000;
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      running = relayOutbox().catch((e: Error) => console.error('outbox relay failed', e.message));
    }, everyMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      stopRule();
      stopConsumer();
      await running;
    };
  },
};
