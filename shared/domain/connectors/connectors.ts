import { BatchGetCommand, type BatchGetCommandOutput, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { auditPut, type Changes, diff } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { doc, tableName } from '../../db/client.js';
import { botKey, connectorIndexKeys, connectorKey } from '../../db/keys.js';
import { retryOnConflict, WriteConflict } from '../../db/retry.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import { isLocalMode } from '../../config.js';
import { Conflict, DomainError, Invalid, NotFound, PreconditionFailed } from '../errors.js';
import { logger } from '../../logger.js';
import { resolveAndCheck } from '../../net/url-safety.js';
import {
  type ConnectorAction,
  type ConnectorCreate,
  type ConnectorStatus,
  type ConnectorUpdate,
  DEFAULT_MAX_CONCURRENT_CONVERSATIONS,
  type Environment,
} from './schema.js';

/** A connector as the API returns it (spec, Connectors). Times are ISO-8601 UTC; `lastLatencyMs` in ms. */
export type Connector = {
  id: string;
  botId: string;
  name: string;
  environment: Environment;
  healthCheckUrl: string;
  maxConcurrentConversations: number;
  status: ConnectorStatus;
  statusChangedAt: string;
  lastCheckAt: string | null;
  lastLatencyMs: number | null;
  consecutiveFailures: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
};
/** `version` backs the ETag and every conditional write; it is not returned. */
export type StoredConnector = Connector & { teamId: string; version: number };

/** Statuses the scheduled health check probes (spec: every starting/online/unhealthy connector). */
export const PROBED_STATUSES: readonly ConnectorStatus[] = ['starting', 'online', 'unhealthy'];
/** True for the statuses that carry the health-check index key. */
export const isProbed = (status: ConnectorStatus) => PROBED_STATUSES.includes(status);

/** The API fields, in the order responses list them (DynamoDB returns attributes in no particular order). */
const FIELDS = [
  'id',
  'botId',
  'name',
  'environment',
  'healthCheckUrl',
  'maxConcurrentConversations',
  'status',
  'statusChangedAt',
  'lastCheckAt',
  'lastLatencyMs',
  'consecutiveFailures',
  'lastError',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Connector)[];
/** A table item (or a stored connector) as the API returns it: the `Connector` fields only, absent ones null. */
export function toConnector(item: Record<string, unknown>): Connector {
  return Object.fromEntries(FIELDS.map((k) => [k, item[k] ?? null])) as Connector;
}

/**
 * The table item of a connector: keys, index keys and fields. `checkOrder` places it in the sparse
 * health-check index (see `connectorIndexKeys`); it is ignored for a stopped connector, which is never probed.
 */
export function connectorItem(c: StoredConnector, checkOrder: string | null): Record<string, unknown> {
  // Built from the API fields only: index keys of the item this was read from must not survive a status change.
  return {
    ...connectorKey(c.teamId, c.id),
    entity: 'connector',
    teamId: c.teamId,
    version: c.version,
    ...toConnector(c),
    ...connectorIndexKeys(c, isProbed(c.status) ? checkOrder : null),
  };
}

/**
 * The connector `connectorId` of the team, read strongly consistent (every change decides on it).
 * @throws NotFound when it does not exist or belongs to another team (same answer).
 */
export async function getStoredConnector(teamId: string, connectorId: string): Promise<StoredConnector> {
  const res = await doc.send(new GetCommand({ TableName: tableName(), Key: connectorKey(teamId, connectorId), ConsistentRead: true }));
  if (!res.Item) throw new NotFound('Connector');
  return res.Item as StoredConnector;
}

/** 400 naming `healthCheckUrl` when its hostname does not resolve, or resolves to an address botops never calls. */
async function assertSafeUrl(url: string): Promise<void> {
  const problem = await resolveAndCheck(url, { local: isLocalMode() });
  if (problem) throw new Invalid([{ path: 'healthCheckUrl', message: problem }]);
}

/**
 * Creates a stopped connector under a bot (spec: `201`, `status: "stopped"`). The bot's existence is checked in
 * the same transaction (404 for a missing or another team's bot), with the audit event.
 */
export async function createConnector(teamId: string, botId: string, input: ConnectorCreate, actor: Actor): Promise<StoredConnector> {
  await assertSafeUrl(input.healthCheckUrl);
  const now = new Date().toISOString();
  const c: StoredConnector = {
    id: ulid(),
    teamId,
    botId,
    name: input.name,
    environment: input.environment,
    healthCheckUrl: input.healthCheckUrl,
    maxConcurrentConversations: input.maxConcurrentConversations ?? DEFAULT_MAX_CONCURRENT_CONVERSATIONS,
    status: 'stopped',
    statusChangedAt: now,
    lastCheckAt: null,
    lastLatencyMs: null,
    consecutiveFailures: 0,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await retryOnConflict(() =>
    transactWrite([
      {
        item: { ConditionCheck: { TableName: tableName(), Key: botKey(teamId, botId), ConditionExpression: 'attribute_exists(PK)' } },
        onConditionFailed: () => new NotFound('Bot'),
      },
      {
        item: { Put: { TableName: tableName(), Item: connectorItem(c, null), ConditionExpression: 'attribute_not_exists(PK)' } },
        onConditionFailed: () => new Conflict('A connector with this id already exists.'),
      },
      auditPut(
        teamId,
        { actor, module: 'connectors', action: 'create', botId, targetId: c.id, changes: diff(undefined, toConnector(c)) },
        now,
      ),
    ]),
  );
  return c;
}

/** What a change decides from the current connector: the next state and its audit action, or nothing to do. */
type Decision = { next: StoredConnector; action: string; changes: Changes } | 'unchanged' | 'delete';

/**
 * Read -> decide -> one conditional transaction (the item and its audit event), run again when the connector
 * changed in between (the health check rewrites running connectors every minute). The write's condition pins
 * the version and the status the decision was made on (`#status = :seen`), so e.g. an edit decided on a stopped
 * connector can never land on one started meanwhile: the next attempt decides again and refuses it.
 * With `requiredVersion` (the caller's `If-Match`) a concurrent change is `PreconditionFailed` instead.
 * `prefetched` saves the first read (bulk actions batch-read their connectors).
 */
async function change(
  teamId: string,
  connectorId: string,
  actor: Actor,
  decide: (c: StoredConnector) => Decision,
  opts: { requiredVersion?: number; prefetched?: StoredConnector } = {},
): Promise<StoredConnector | undefined> {
  return retryOnConflict(
    async (attempt) => {
      const current = (attempt === 1 ? opts.prefetched : undefined) ?? (await getStoredConnector(teamId, connectorId));
      // The state rule first: a running connector is refused (stop it first) even with a stale If-Match, since the
      // health check changes its version every minute.
      const d = decide(current);
      if (opts.requiredVersion !== undefined && current.version !== opts.requiredVersion) throw new PreconditionFailed();
      if (d === 'unchanged') return current;
      const condition = {
        ConditionExpression: 'version = :v AND #status = :seen',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':v': current.version, ':seen': current.status },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      };
      const now = new Date().toISOString();
      let next: StoredConnector | undefined;
      let write: TransactItem;
      let audit: TransactItem;
      if (d === 'delete') {
        write = { Delete: { TableName: tableName(), Key: connectorKey(teamId, connectorId), ...condition } };
        audit = auditPut(
          teamId,
          {
            actor,
            module: 'connectors',
            action: 'delete',
            botId: current.botId,
            targetId: connectorId,
            changes: { name: { before: current.name, after: null } },
          },
          now,
        );
      } else {
        next = { ...d.next, version: current.version + 1 };
        // Only start/restart lead to a probed status here: a (re)started connector goes to the front of the queue.
        write = { Put: { TableName: tableName(), Item: connectorItem(next, '0'), ...condition } };
        audit = auditPut(
          teamId,
          { actor, module: 'connectors', action: d.action, botId: current.botId, targetId: connectorId, changes: d.changes },
          now,
        );
      }
      await transactWrite([
        {
          item: write,
          onConditionFailed: (old) =>
            !old ? new NotFound('Connector') : opts.requiredVersion !== undefined ? new PreconditionFailed() : new WriteConflict(),
        },
        audit,
      ]);
      return next;
    },
    { onExhausted: () => new Conflict('The connector kept changing during the request; retry.') },
  );
}

const requireStopped = (c: StoredConnector, what: string) => {
  if (c.status !== 'stopped')
    throw new Conflict(`Stop the connector before you ${what} it (it is ${c.status}).`, { connectorStatus: c.status });
};

/** `PUT /connectors/{id}`: partial edit, only while stopped (seed 002). 412 on a stale `If-Match`. */
export async function updateConnector(
  teamId: string,
  connectorId: string,
  patch: ConnectorUpdate,
  actor: Actor,
  requiredVersion?: number,
): Promise<StoredConnector> {
  if (patch.healthCheckUrl !== undefined) await assertSafeUrl(patch.healthCheckUrl);
  const result = await change(
    teamId,
    connectorId,
    actor,
    (c) => {
      requireStopped(c, 'edit');
      const next = { ...c, ...patch, updatedAt: new Date().toISOString() };
      return { next, action: 'update', changes: diff(c, next, Object.keys(patch)) };
    },
    { requiredVersion },
  );
  return result!;
}

/** `DELETE /connectors/{id}`: only while stopped (seed 002). */
export async function deleteConnector(teamId: string, connectorId: string, actor: Actor): Promise<void> {
  await change(teamId, connectorId, actor, (c) => {
    requireStopped(c, 'delete');
    return 'delete';
  });
}

/** `POST /connectors/{id}/redeploy`: moves a stopped connector to another environment (seed 002). */
export async function redeployConnector(
  teamId: string,
  connectorId: string,
  environment: Environment,
  actor: Actor,
): Promise<StoredConnector> {
  const result = await change(teamId, connectorId, actor, (c) => {
    requireStopped(c, 'redeploy');
    if (c.environment === environment) throw new Conflict(`The connector is already deployed to ${environment}.`);
    const next = { ...c, environment, updatedAt: new Date().toISOString() };
    return { next, action: 'redeploy', changes: diff(c, next, ['environment']) };
  });
  return result!;
}

/** The state a start/stop/restart leads to, or `unchanged` when the connector is already there. */
function decideAction(action: ConnectorAction) {
  return (c: StoredConnector): Decision => {
    const now = new Date().toISOString();
    if (action === 'stop') {
      if (c.status === 'stopped') return 'unchanged';
      return {
        next: { ...c, status: 'stopped', statusChangedAt: now },
        action,
        changes: { status: { before: c.status, after: 'stopped' } },
      };
    }
    // start is a no-op on a running connector; restart always begins again (seed 002: stop, then start).
    if (action === 'start' && c.status !== 'stopped') return 'unchanged';
    const next: StoredConnector = { ...c, status: 'starting', statusChangedAt: now, consecutiveFailures: 0, lastError: null };
    return { next, action, changes: { status: { before: c.status, after: 'starting' } } };
  };
}

/**
 * `POST /connectors/{id}/start|stop|restart` (spec): `starting` (it becomes `online` when a health check
 * passes) / `stopped` / `starting`. Starting a running or stopping a stopped connector changes nothing and
 * answers it as it is (so retries and bulk calls are safe). A stop removes it from the health-check index at
 * once, in the same write, so no later check can move it again.
 */
export async function applyAction(
  teamId: string,
  connectorId: string,
  action: ConnectorAction,
  actor: Actor,
  prefetched?: StoredConnector,
): Promise<StoredConnector> {
  return (await change(teamId, connectorId, actor, decideAction(action), { prefetched }))!;
}

/** Batch-reads up to 100 connectors of a team (1 BatchGetItem, plus retries of unprocessed keys). */
export async function getConnectors(teamId: string, ids: string[]): Promise<Map<string, StoredConnector>> {
  const found = new Map<string, StoredConnector>();
  let keys: Record<string, unknown>[] | undefined = ids.map((id) => connectorKey(teamId, id));
  for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    const res: BatchGetCommandOutput = await doc.send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of res.Responses?.[tableName()] ?? []) found.set((item as StoredConnector).id, item as StoredConnector);
    keys = res.UnprocessedKeys?.[tableName()]?.Keys;
  }
  return found;
}

/** What a bulk action did to one connector: its new state, or why it was refused (a domain error, or a failure). */
export type BulkOutcome = { connectorId: string; connector: StoredConnector } | { connectorId: string; error: unknown };

/**
 * `POST /connectors/actions`: applies `action` to each connector independently (bounded concurrency), so one
 * connector's failure never stops the others. Unknown ids and other teams' ids are `NotFound`, exactly as the
 * single routes refuse them. Outcomes keep the request's order; failures other than domain errors are logged.
 */
export async function bulkAction(teamId: string, action: ConnectorAction, ids: string[], actor: Actor): Promise<BulkOutcome[]> {
  const found = await getConnectors(teamId, ids);
  const results: BulkOutcome[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const id = ids[i]!;
      try {
        const c = found.get(id);
        if (!c) throw new NotFound('Connector');
        results[i] = { connectorId: id, connector: await applyAction(teamId, id, action, actor, c) };
      } catch (error) {
        if (!(error instanceof DomainError))
          logger.error('bulk connector action failed', { connectorId: id, action, error: error as Error });
        results[i] = { connectorId: id, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(10, ids.length) }, worker));
  return results;
}
