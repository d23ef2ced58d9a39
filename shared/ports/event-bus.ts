import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { config, isLocalMode, required } from '../config.js';

/**
 * Port: publish domain events (`CallRequested`, `CallEnded`, ...) to the project's event bus.
 *
 * - AWS: `PutEvents` to the bus named by `EVENT_BUS_NAME` (set by the CDK stack). A response with
 *   `FailedEntryCount > 0` is a failure too (PutEvents answers 200 with per-entry errors).
 * - Local (`LOCAL_MODE=true`): each event is appended as one JSON line (the EventBridge envelope shape) to
 *   `LOCAL_DATA_DIR/events.jsonl`, then handed to the rules registered with `registerLocalRule`, after the
 *   caller's response as EventBridge would.
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

/** The envelope written locally: what an EventBridge rule target receives for the same event. */
export type LocalEnvelope = {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  time: string;
  detail: Record<string, unknown>;
};

type LocalRule = { name: string; matches: (e: LocalEnvelope) => boolean; run: (e: LocalEnvelope) => Promise<unknown> };
const localRules = new Map<string, LocalRule>();
const inFlight = new Set<Promise<unknown>>();

/** Local runtime: a rule (pattern + target) like an EventBridge rule on the bus. Re-registering a name replaces it. */
export function registerLocalRule(name: string, matches: LocalRule['matches'], run: LocalRule['run']): () => void {
  localRules.set(name, { name, matches, run });
  return () => void localRules.delete(name);
}

/** Resolves when every local rule target started so far has finished (tests, graceful stop). */
export async function drainLocalRules(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

/** Where the local adapter appends: `LOCAL_DATA_DIR/events.jsonl` (default `.local/events.jsonl`). */
export const localEventsFile = () => resolve(config().LOCAL_DATA_DIR, 'events.jsonl');

export class LocalFileBus implements EventBus {
  async publish(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const envelopes: LocalEnvelope[] = events.map((e) => ({
      version: '0',
      id: e.id,
      'detail-type': e.detailType,
      source: EVENT_SOURCE,
      time: e.time ?? new Date().toISOString(),
      detail: { eventId: e.id, ...e.detail },
    }));
    const file = localEventsFile();
    await mkdir(dirname(file), { recursive: true });
    // One write per batch with O_APPEND: concurrent publishers never interleave inside a line.
    await appendFile(file, `${envelopes.map((e) => JSON.stringify(e)).join('\n')}\n`);
    for (const envelope of envelopes) {
      for (const rule of localRules.values()) {
        if (!rule.matches(envelope)) continue;
        const job = new Promise((r) => setImmediate(r)).then(() => rule.run(envelope)).catch(() => undefined);
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
      }
    }
  }
}

let bus: EventBus | undefined;
/** The bus of this process: local file in `LOCAL_MODE`, EventBridge otherwise. */
export function eventBus(): EventBus {
  bus ??= isLocalMode() ? new LocalFileBus() : new EventBridgeBus();
  return bus;
}

/** Tests: use `next` (e.g. an `EventBridgeBus` behind aws-sdk-client-mock) until reset with `undefined`. */
export function setEventBus(next: EventBus | undefined): void {
  bus = next;
}
