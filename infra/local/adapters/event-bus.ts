import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { config } from '../../../shared/config.js';
import { type DomainEvent, EVENT_SOURCE, type EventBus } from '../../../shared/ports/event-bus.js';

/**
 * The local adapter of the event bus port: each event is appended as one JSON line (the EventBridge envelope
 * shape) to `LOCAL_DATA_DIR/events.jsonl`, then handed to the rules the local runtime registered (what EventBridge
 * rules and their targets do on AWS), after the caller's response as EventBridge would.
 */

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
