import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { isLocalMode } from '../../config.js';
import { doc, tableName } from '../../db/client.js';
import { HEALTH_CHECK_SHARDS, healthCheckPartition } from '../../db/keys.js';
import { logger } from '../../logger.js';
import { type ProbeOptions, type ProbeResult, probeUrl } from '../../net/probe.js';
import { record } from './health-state.js';
import { type StoredConnector, toConnector } from './store.js';

/** a GET with a 5 s timeout. */
export const PROBE_TIMEOUT_MS = 5_000;
/**
 * Probes in flight at once. 100 keeps one run over 2,000 connectors with 10% of them hanging for the full
 * timeout near 10 s (200 x 5 s / 100), well inside the minute between runs, while holding ~100 sockets.
 */
export const HEALTH_CHECK_CONCURRENCY = 100;
const QUERY_PAGE = 200;

export type HealthCheckOptions = {
  /** Per-probe time limit (default 5 s). */
  timeoutMs?: number;
  concurrency?: number;
  /** Epoch ms the run must end by (Lambda: now + remaining time): no probe starts that could not finish in time. */
  deadline?: number;
  /** Aborts probes in flight (the local runtime stopping). */
  signal?: AbortSignal;
  /** The probe, injectable for tests; default `probeUrl`. */
  probe?: (url: string, opts: ProbeOptions) => Promise<ProbeResult>;
};

export type HealthCheckSummary = {
  /** Connectors probed and recorded. */
  checked: number;
  healthy: number;
  failed: number;
  statusChanges: number;
  /** Not recorded: changed (stopped, restarted, edited) while probed, or already being probed by an earlier run. */
  skipped: number;
  errors: number;
  /** True when the deadline left connectors for the next run (they are first in line then). */
  deferred: boolean;
  durationMs: number;
};

/** Connectors probed by this process right now: an overlapping run (the rule fires every minute) skips them. */
const inFlight = new Set<string>();

/**
 * One scheduled health-check run (on AWS an EventBridge rule `rate(1 minute)` runs it).
 * Reads the sparse health-check index (GSI2: only starting/online/unhealthy connectors carry its key, so no
 * Scan and no stopped connector is ever read), shard by shard, least recently checked first, and only entries
 * last checked before this run began (a connector rewritten by this run moves behind that bound). Each
 * connector is probed (`probeUrl`: GET, 5 s timeout, URL and DNS answer re-checked) under bounded concurrency
 * and its `lastCheckAt`, `lastLatencyMs`, `consecutiveFailures`, `lastError` recorded with one conditional Put
 * on the version and status that were read, so a connector stopped, restarted or edited while its probe was in
 * flight keeps what the user did. A status change is one transaction with its audit event (`system:health-check`)
 * and a history entry under the bot's current data generation.
 */
export async function runHealthCheck(opts: HealthCheckOptions = {}): Promise<HealthCheckSummary> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? PROBE_TIMEOUT_MS;
  const probe = opts.probe ?? probeUrl;
  const local = isLocalMode();
  const bound = new Date(started).toISOString();
  const summary: HealthCheckSummary = {
    checked: 0,
    healthy: 0,
    failed: 0,
    statusChanges: 0,
    skipped: 0,
    errors: 0,
    deferred: false,
    durationMs: 0,
  };
  const generations = new Map<string, Promise<number | undefined>>();
  const due = dueConnectors(bound);

  const checkOne = async (c: StoredConnector) => {
    const result = await probe(c.healthCheckUrl, { timeoutMs, local, ...(opts.signal ? { signal: opts.signal } : {}) });
    if (opts.signal?.aborted) return;
    const outcome = await record(c, result, generations);
    if (outcome === 'skipped') return void summary.skipped++;
    summary.checked++;
    if (result.ok) summary.healthy++;
    else summary.failed++;
    if (outcome === 'changed') summary.statusChanges++;
  };

  const worker = async () => {
    for (;;) {
      if (opts.signal?.aborted) return;
      if (opts.deadline !== undefined && Date.now() + timeoutMs + 2_000 > opts.deadline) {
        summary.deferred = true;
        return;
      }
      const { value: c, done } = await due.next();
      if (done) return;
      const key = `${c.teamId}/${c.id}`;
      if (inFlight.has(key)) {
        summary.skipped++;
        continue;
      }
      inFlight.add(key);
      try {
        await checkOne(c);
      } catch (error) {
        summary.errors++;
        logger.error('health check of a connector failed', { teamId: c.teamId, connectorId: c.id, error: error as Error });
      } finally {
        inFlight.delete(key);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? HEALTH_CHECK_CONCURRENCY }, worker));
  summary.durationMs = Date.now() - started;
  return summary;
}

/** Every connector of the health-check index last checked before `bound`, shard after shard, oldest check first. */
async function* dueConnectors(bound: string): AsyncGenerator<StoredConnector> {
  for (let shard = 0; shard < HEALTH_CHECK_SHARDS; shard++) {
    let start: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await doc.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :bound',
          ExpressionAttributeValues: { ':pk': healthCheckPartition(shard), ':bound': bound },
          Limit: QUERY_PAGE,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) yield { ...toConnector(item), teamId: item.teamId as string, version: item.version as number };
      start = page.LastEvaluatedKey;
    } while (start);
  }
}
