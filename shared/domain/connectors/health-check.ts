import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { botKey, connectorHistoryKey, HEALTH_CHECK_SHARDS, healthCheckPartition } from '../../db/keys.js';
import { TTL_ATTRIBUTE } from '../../db/table.js';
import { retryOnConflict } from '../../db/retry.js';
import { type ConditionalWrite, type TransactItem, transactWrite } from '../../db/transact.js';
import { isLocalMode } from '../../config.js';
import { logger } from '../../logger.js';
import { type ProbeOptions, type ProbeResult, probeUrl } from '../../net/probe.js';
import { connectorItem, type StoredConnector, toConnector } from './connectors.js';
import type { ConnectorStatus } from './schema.js';

/** Spec: a GET with a 5 s timeout. */
export const PROBE_TIMEOUT_MS = 5_000;
/**
 * Probes in flight at once. 100 keeps one run over 2,000 connectors with 10% of them hanging for the full
 * timeout near 10 s (200 x 5 s / 100), well inside the minute between runs, while holding ~100 sockets.
 */
export const HEALTH_CHECK_CONCURRENCY = 100;
/** Spec: "3 failures in a row move an online one to unhealthy". */
export const FAILURES_BEFORE_UNHEALTHY = 3;
/** How long the status-change history is kept (DynamoDB TTL). */
const HISTORY_TTL_SECONDS = 90 * 86_400;
const QUERY_PAGE = 200;

export const HEALTH_CHECK_ACTOR: Actor = { email: 'system:health-check', role: 'system' };

export type HealthState = { status: ConnectorStatus; consecutiveFailures: number; lastError: string | null };

/**
 * The state one probe leads to (spec, Connectors): success -> `online` (from starting, online or unhealthy) and
 * the failure count reset; a failure counts up and keeps the status, except that the 3rd failure in a row of an
 * `online` connector makes it `unhealthy`. A `starting` connector that never answers stays `starting`, its
 * `lastError` saying why.
 */
export function nextHealthState(c: Pick<StoredConnector, 'status' | 'consecutiveFailures'>, result: ProbeResult): HealthState {
  if (result.ok) return { status: 'online', consecutiveFailures: 0, lastError: null };
  const failures = (c.consecutiveFailures ?? 0) + 1;
  const status = c.status === 'online' && failures >= FAILURES_BEFORE_UNHEALTHY ? 'unhealthy' : c.status;
  return { status, consecutiveFailures: failures, lastError: result.error };
}

export type HealthCheckOptions = {
  /** Per-probe time limit (default 5 s, the spec's). */
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
 * One scheduled health-check run (spec, Connectors; DESIGN.md: EventBridge rule rate(1 minute) -> this).
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

/** Writes one probe's outcome; `skipped` when the connector changed since it was read (the condition failed). */
async function record(
  c: StoredConnector,
  result: ProbeResult,
  generations: Map<string, Promise<number | undefined>>,
): Promise<'recorded' | 'changed' | 'skipped'> {
  const at = new Date().toISOString();
  const state = nextHealthState(c, result);
  const changed = state.status !== c.status;
  const next: StoredConnector = {
    ...c,
    ...state,
    lastCheckAt: at,
    lastLatencyMs: result.latencyMs,
    statusChangedAt: changed ? at : c.statusChangedAt,
    version: c.version + 1,
  };
  const changedMeanwhile = new Error('the connector changed while it was probed');
  const put = {
    TableName: tableName(),
    Item: connectorItem(next, at),
    ConditionExpression: 'version = :v AND #status = :seen',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':v': c.version, ':seen': c.status },
  };
  try {
    if (!changed) {
      await doc.send(new PutCommand(put));
      return 'recorded';
    }
    const key = `${c.teamId}/${c.botId}`;
    if (!generations.has(key)) generations.set(key, botGeneration(c.teamId, c.botId));
    const generation = await generations.get(key)!;
    const items: (TransactItem | ConditionalWrite)[] = [
      // Changed (stopped, restarted, edited) while the probe was in flight: the user's change stays.
      { item: { Put: put }, onConditionFailed: () => changedMeanwhile },
      auditPut(
        c.teamId,
        {
          actor: HEALTH_CHECK_ACTOR,
          module: 'connectors',
          action: 'status_change',
          botId: c.botId,
          targetId: c.id,
          changes: { status: { before: c.status, after: state.status }, lastError: { before: c.lastError, after: state.lastError } },
        },
        at,
      ),
      ...(generation === undefined ? [] : historyItems(c, state, result, at, generation, () => changedMeanwhile)),
    ];
    await retryOnConflict(() => transactWrite(items));
    return 'changed';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || error === changedMeanwhile) return 'skipped';
    throw error;
  }
}

/** The bot's current data generation, or undefined when the bot is gone (then no history is kept). */
async function botGeneration(teamId: string, botId: string): Promise<number | undefined> {
  const res = await doc.send(
    new GetCommand({ TableName: tableName(), Key: botKey(teamId, botId), ProjectionExpression: 'dataGeneration' }),
  );
  const generation = res.Item?.dataGeneration;
  return typeof generation === 'number' ? generation : undefined;
}

/**
 * The history entry of a status change, written only while the bot is still on `generation`: a reset that
 * lands between the read and this write makes the condition fail and the change is retried next run, so no
 * entry ever reaches a generation that is being purged.
 */
function historyItems(
  c: StoredConnector,
  state: HealthState,
  result: ProbeResult,
  at: string,
  generation: number,
  onReset: () => Error,
): (TransactItem | ConditionalWrite)[] {
  const id = ulid();
  return [
    {
      item: {
        ConditionCheck: {
          TableName: tableName(),
          Key: botKey(c.teamId, c.botId),
          ConditionExpression: 'dataGeneration = :g',
          ExpressionAttributeValues: { ':g': generation },
        },
      },
      onConditionFailed: onReset,
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...connectorHistoryKey(c.teamId, c.botId, generation, c.id, at, id),
          entity: 'connector_event',
          id,
          at,
          connectorId: c.id,
          from: c.status,
          to: state.status,
          latencyMs: result.latencyMs,
          error: state.lastError,
          consecutiveFailures: state.consecutiveFailures,
          [TTL_ATTRIBUTE]: Math.floor(Date.parse(at) / 1000) + HISTORY_TTL_SECONDS,
        },
      },
    },
  ];
}
