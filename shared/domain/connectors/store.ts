import { BatchGetCommand, type BatchGetCommandOutput, GetCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../../db/client.js';
import { connectorIndexKeys, connectorKey } from '../../db/keys.js';
import { NotFound } from '../errors.js';
import type { ConnectorStatus, Environment } from './schema.js';

/** A connector as the API returns it. Times are ISO-8601 UTC; `lastLatencyMs` in ms. */
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

/** Statuses the scheduled health check probes (every starting/online/unhealthy connector). */
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
