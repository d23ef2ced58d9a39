import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { botKey, connectorHistoryKey } from '../../db/keys.js';
import { retryOnConflict } from '../../db/retry.js';
import { type ConditionalWrite, type TransactItem, transactWrite } from '../../db/transact.js';
import type { ProbeResult } from '../../net/probe.js';
import { TTL_ATTRIBUTE } from '../../db/table.js';
import type { ConnectorStatus } from './schema.js';
import { connectorItem, type StoredConnector } from './store.js';

/** What one health-check probe does to a connector: its next state (the rule), and how it is recorded. */

/** "3 failures in a row move an online one to unhealthy". */
export const FAILURES_BEFORE_UNHEALTHY = 3;
/** How long the status-change history is kept (DynamoDB TTL). */
const HISTORY_TTL_SECONDS = 90 * 86_400;

export const HEALTH_CHECK_ACTOR: Actor = { email: 'system:health-check', role: 'system' };

export type HealthState = { status: ConnectorStatus; consecutiveFailures: number; lastError: string | null };

/**
 * The state one probe leads to: success -> `online` (from starting, online or unhealthy) and
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

/** Writes one probe's outcome; `skipped` when the connector changed since it was read (the condition failed). */
export async function record(
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
