import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../../db/client.js';
import { decodeCursor, encodeCursor, keyOf } from '../../db/cursor.js';
import {
  botKey,
  connectorBotPartition,
  connectorBotSortPrefix,
  connectorEnvPartition,
  connectorEnvSortPrefix,
  connectorHistoryPrefix,
  connectorPrefix,
  statusOfConnectorEnvSortKey,
} from '../../db/keys.js';
import { InvalidCursor } from '../../db/errors.js';
import { type Connector, getStoredConnector, toConnector } from './store.js';
import { CONNECTOR_STATUSES, type ConnectorStatus, ENVIRONMENTS, type Environment } from './schema.js';

export type ConnectorFilters = { environment?: Environment; botId?: string; status?: ConnectorStatus };

/** How a filter combination is read: which key, which partitions in order, a sort-key prefix, a leftover filter. */
type Plan = { index?: 'GSI1' | 'GSI3'; partitions: string[]; skPrefix: string | undefined; filterStatus?: ConnectorStatus };

function plan(teamId: string, f: ConnectorFilters): Plan {
  if (f.botId) {
    // GSI1SK = <environment>#<status>#<id>: bot, bot+environment and all three are key conditions; bot+status
    // alone filters a bot's own connectors (a handful), reading ahead so no page comes back short.
    const prefix = f.environment ? connectorBotSortPrefix(f.environment, f.status) : undefined;
    return {
      index: 'GSI1',
      partitions: [connectorBotPartition(teamId, f.botId)],
      skPrefix: prefix,
      ...(!f.environment && f.status ? { filterStatus: f.status } : {}),
    };
  }
  if (f.environment)
    return {
      index: 'GSI3',
      partitions: [connectorEnvPartition(teamId, f.environment)],
      skPrefix: f.status ? connectorEnvSortPrefix(f.status) : undefined,
    };
  // status alone: the status is the sort-key prefix of each environment's partition, read one after the other.
  if (f.status)
    return {
      index: 'GSI3',
      partitions: ENVIRONMENTS.map((e) => connectorEnvPartition(teamId, e)),
      skPrefix: connectorEnvSortPrefix(f.status),
    };
  const { PK, SKPrefix } = connectorPrefix(teamId);
  return { partitions: [PK], skPrefix: SKPrefix };
}

/**
 * `GET /connectors?environment=&botId=&status=`: a page of the team's connectors. Every filter is served by a
 * key (see `plan`): no Scan, and a page is never empty or short while more matches exist (it reads one item
 * ahead, so `nextCursor` is null exactly when nothing follows). Order: creation order without filters; with an
 * environment or status filter grouped by status, then creation; with `botId` by environment, status, creation.
 * A cursor is only accepted by the list (filters) that issued it: 400 otherwise.
 */
export async function listConnectors(
  teamId: string,
  filters: ConnectorFilters,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: Connector[]; nextCursor: string | null }> {
  const p = plan(teamId, filters);
  const pkAttr = p.index ? `${p.index}PK` : 'PK';
  const skAttr = p.index ? `${p.index}SK` : 'SK';
  const keyAttrs = p.index ? ['PK', 'SK', pkAttr, skAttr] : ['PK', 'SK'];
  let start = decodeCursor(cursor, { partition: {}, sortAttrs: keyAttrs });
  let partition = 0;
  if (start) {
    partition = p.partitions.indexOf(start[pkAttr]!);
    const ownItem = start.PK === connectorPrefix(teamId).PK && start.SK!.startsWith(connectorPrefix(teamId).SKPrefix);
    const inPrefix = p.skPrefix === undefined || start[skAttr]!.startsWith(p.skPrefix);
    if (partition < 0 || !ownItem || !inPrefix) {
      throw new InvalidCursor();
    }
  }
  const items: Record<string, unknown>[] = [];
  for (; partition < p.partitions.length && items.length <= limit; partition++, start = undefined) {
    const input: QueryCommandInput = {
      TableName: tableName(),
      ...(p.index ? { IndexName: p.index } : {}),
      KeyConditionExpression: `#pk = :pk${p.skPrefix !== undefined ? ' AND begins_with(#sk, :sk)' : ''}`,
      ExpressionAttributeNames: {
        '#pk': pkAttr,
        ...(p.skPrefix !== undefined ? { '#sk': skAttr } : {}),
        ...(p.filterStatus ? { '#status': 'status' } : {}),
      },
      ExpressionAttributeValues: {
        ':pk': p.partitions[partition],
        ...(p.skPrefix !== undefined ? { ':sk': p.skPrefix } : {}),
        ...(p.filterStatus ? { ':status': p.filterStatus } : {}),
      },
      ...(p.filterStatus ? { FilterExpression: '#status = :status' } : {}),
    };
    do {
      const want = limit + 1 - items.length;
      const page = await doc.send(
        new QueryCommand({ ...input, Limit: p.filterStatus ? Math.max(want, 100) : want, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey as Record<string, string> | undefined;
    } while (start && items.length <= limit);
  }
  let next: Record<string, string> | undefined;
  if (items.length > limit) {
    items.length = limit;
    next = keyOf(items[limit - 1]!, keyAttrs);
  }
  return { items: items.map(toConnector), nextCursor: encodeCursor(next) };
}

export type ConnectorMetrics = { environment: Environment | null; total: number; counts: Record<ConnectorStatus, number> };

/**
 * `GET /connectors/metrics?environment=`: connectors per status. The metrics are affected by the
 * environment filter and no other. With an environment it reads that environment's partition only (GSI3, the
 * status is the sort key's prefix); without one, every connector of the team. Only the key attribute is
 * projected, so a page holds the whole fleet of most teams.
 */
export async function connectorMetrics(teamId: string, environment: Environment | undefined): Promise<ConnectorMetrics> {
  const counts = Object.fromEntries(CONNECTOR_STATUSES.map((s) => [s, 0])) as Record<ConnectorStatus, number>;
  const { PK, SKPrefix } = connectorPrefix(teamId);
  const input: QueryCommandInput = environment
    ? {
        TableName: tableName(),
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': connectorEnvPartition(teamId, environment) },
        ProjectionExpression: 'GSI3SK',
      }
    : {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
        ProjectionExpression: '#status',
        ExpressionAttributeNames: { '#status': 'status' },
      };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const status = (environment ? statusOfConnectorEnvSortKey(String(item.GSI3SK)) : item.status) as ConnectorStatus;
      if (status in counts) counts[status]++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { environment: environment ?? null, total: Object.values(counts).reduce((a, b) => a + b, 0), counts };
}

/** One health-check status change (newest first in the API). `latencyMs` and `error` are the deciding probe's. */
export type ConnectorEvent = {
  id: string;
  at: string;
  connectorId: string;
  from: ConnectorStatus;
  to: ConnectorStatus;
  latencyMs: number | null;
  error: string | null;
  consecutiveFailures: number;
};

/**
 * `GET /connectors/{connectorId}/history`: the status changes the health check made, newest first. They are
 * bot data (under the bot's current data generation): after a bot reset the list starts empty.
 */
export async function listConnectorHistory(teamId: string, connectorId: string, limit: number, cursor: string | undefined) {
  const c = await getStoredConnector(teamId, connectorId);
  const bot = await doc.send(
    new GetCommand({ TableName: tableName(), Key: botKey(teamId, c.botId), ProjectionExpression: 'dataGeneration' }),
  );
  if (!bot.Item) return { items: [] as ConnectorEvent[], nextCursor: null };
  const { PK, SKPrefix } = connectorHistoryPrefix(teamId, c.botId, Number(bot.Item.dataGeneration ?? 0), connectorId);
  const start = decodeCursor(cursor, { partition: { PK }, sortAttrs: ['SK'] });
  if (start && !start.SK!.startsWith(SKPrefix)) throw new InvalidCursor('The cursor belongs to another list.');
  const page = await doc.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  const items = (page.Items ?? []).map(
    ({ id, at, connectorId: cid, from, to, latencyMs, error, consecutiveFailures }) =>
      ({ id, at, connectorId: cid, from, to, latencyMs, error, consecutiveFailures }) as ConnectorEvent,
  );
  return { items, nextCursor: encodeCursor(page.LastEvaluatedKey as Record<string, string> | undefined) };
}
