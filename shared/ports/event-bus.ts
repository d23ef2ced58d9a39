import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { config, required } from '../config.js';
import { PortAdapter } from './adapter.js';

/**
 * Port: publish domain events (`CallRequested`, `CallEnded`, ...) to the project's event bus.
 *
 * - AWS: `PutEvents` to the bus named by `EVENT_BUS_NAME` (set by the CDK stack). A response with
 *   `FailedEntryCount > 0` is a failure too (PutEvents answers 200 with per-entry errors).
 * - Local (`infra/local/adapters/event-bus.ts`): each event is appended as one JSON line (the EventBridge
 *   envelope shape) to `LOCAL_DATA_DIR/events.jsonl`, then handed to the local runtime's rules, after the caller's
 *   response as EventBridge would.
 *
 * Delivery is at least once on both: callers write events to the transactional outbox first
 * (`shared/events/outbox.ts`) and publish after the commit, so no change is ever left without its event.
 */
export const EVENT_SOURCE = 'botops';

/** One event: `detailType` is the EventBridge `DetailType`; `id` is stable across retries (consumers dedupe on it). */
export type DomainEvent = { id: string; detailType: string; detail: Record<string, unknown>; time?: string };

export interface EventBus {
  /** Publishes up to 10 events (PutEvents' limit); throws when any of them was not accepted. */
  publish(events: DomainEvent[]): Promise<void>;
}

/** PutEvents answered, but some entries were rejected. */
export class PublishError extends Error {
  constructor(readonly failed: { id: string; code?: string; message?: string }[]) {
    super(`event bus rejected ${failed.length} event(s): ${failed.map((f) => `${f.id} ${f.code ?? ''}`.trim()).join(', ')}`);
    this.name = 'PublishError';
  }
}

/** EventBridge adapter. One client per process (created lazily: tests replace the bus before first use). */
export class EventBridgeBus implements EventBus {
  private client?: EventBridgeClient;
  constructor(private readonly busName: () => string = () => required(config().EVENT_BUS_NAME, 'EVENT_BUS_NAME')) {}

  async publish(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (events.length > 10) throw new Error('PutEvents takes at most 10 entries');
    this.client ??= new EventBridgeClient({ maxAttempts: 3 });
    const res = await this.client.send(
      new PutEventsCommand({
        Entries: events.map((e) => ({
          EventBusName: this.busName(),
          Source: EVENT_SOURCE,
          DetailType: e.detailType,
          // The event id travels in the detail: EventBridge assigns its own envelope id per PutEvents call.
          Detail: JSON.stringify({ eventId: e.id, ...e.detail }),
          ...(e.time ? { Time: new Date(e.time) } : {}),
        })),
      }),
    );
    if (res.FailedEntryCount) {
      const failed = (res.Entries ?? []).flatMap((entry, i) =>
        entry.ErrorCode ? [{ id: events[i]!.id, code: entry.ErrorCode, message: entry.ErrorMessage }] : [],
      );
      throw new PublishError(failed.length ? failed : events.map((e) => ({ id: e.id })));
    }
  }
}

export const eventBusAdapter = new PortAdapter<EventBus>('event bus', () => new EventBridgeBus());

/** The bus of this process: EventBridge, or locally the events file (`infra/local/adapters/event-bus.ts`). */
export const eventBus = (): EventBus => eventBusAdapter.get();

/** Tests: use `next` (e.g. an `EventBridgeBus` behind aws-sdk-client-mock) until reset with `undefined`. */
export const setEventBus = (next: EventBus | undefined): void => eventBusAdapter.use(next);
