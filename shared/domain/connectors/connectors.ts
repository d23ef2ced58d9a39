import { ulid } from 'ulid';
import { auditPut, type Changes, diff } from '../../audit/audit.js';
import type { Actor } from '../../auth/principal.js';
import { isLocalMode } from '../../config.js';
import { tableName } from '../../db/client.js';
import { botKey, connectorKey } from '../../db/keys.js';
import { retryOnConflict, WriteConflict } from '../../db/retry.js';
import { type TransactItem, transactWrite } from '../../db/transact.js';
import { resolveAndCheck } from '../../net/url-safety.js';
import { Conflict, Invalid, NotFound, PreconditionFailed } from '../errors.js';
import { type ConnectorCreate, type ConnectorUpdate, DEFAULT_MAX_CONCURRENT_CONVERSATIONS, type Environment } from './schema.js';
import { connectorItem, getStoredConnector, type StoredConnector, toConnector } from './store.js';

/**
 * Changes to connectors: create, edit, redeploy, delete (start/stop/restart in `actions.ts`). Each is one
 * transaction with its audit event, conditional on the version and status it was decided on.
 */

/** 400 naming `healthCheckUrl` when its hostname does not resolve, or resolves to an address botops never calls. */
async function assertSafeUrl(url: string): Promise<void> {
  const problem = await resolveAndCheck(url, { local: isLocalMode() });
  if (problem) throw new Invalid([{ path: 'healthCheckUrl', message: problem }]);
}

/**
 * Creates a stopped connector under a bot (`201`, `status: "stopped"`). The bot's existence is checked in
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
export type Decision = { next: StoredConnector; action: string; changes: Changes } | 'unchanged' | 'delete';

/**
 * Read -> decide -> one conditional transaction (the item and its audit event), run again when the connector
 * changed in between (the health check rewrites running connectors every minute). The write's condition pins
 * the version and the status the decision was made on (`#status = :seen`), so e.g. an edit decided on a stopped
 * connector can never land on one started meanwhile: the next attempt decides again and refuses it.
 * With `requiredVersion` (the caller's `If-Match`) a concurrent change is `PreconditionFailed` instead.
 * `prefetched` saves the first read (bulk actions batch-read their connectors).
 */
export async function changeConnector(
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

/** `PUT /connectors/{id}`: partial edit, only while stopped. 412 on a stale `If-Match`. */
export async function updateConnector(
  teamId: string,
  connectorId: string,
  patch: ConnectorUpdate,
  actor: Actor,
  requiredVersion?: number,
): Promise<StoredConnector> {
  if (patch.healthCheckUrl !== undefined) await assertSafeUrl(patch.healthCheckUrl);
  const result = await changeConnector(
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

/** `DELETE /connectors/{id}`: only while stopped. */
export async function deleteConnector(teamId: string, connectorId: string, actor: Actor): Promise<void> {
  await changeConnector(teamId, connectorId, actor, (c) => {
    requireStopped(c, 'delete');
    return 'delete';
  });
}

/** `POST /connectors/{id}/redeploy`: moves a stopped connector to another environment. */
export async function redeployConnector(
  teamId: string,
  connectorId: string,
  environment: Environment,
  actor: Actor,
): Promise<StoredConnector> {
  const result = await changeConnector(teamId, connectorId, actor, (c) => {
    requireStopped(c, 'redeploy');
    if (c.environment === environment) throw new Conflict(`The connector is already deployed to ${environment}.`);
    const next = { ...c, environment, updatedAt: new Date().toISOString() };
    return { next, action: 'redeploy', changes: diff(c, next, ['environment']) };
  });
  return result!;
}
