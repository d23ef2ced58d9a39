import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../../db/client.js';
import { botKey, connectorBotPartition, connectorBotSortPrefix } from '../../db/keys.js';
import { NotFound } from '../errors.js';
import { DEFAULT_MAX_CONCURRENT_CONVERSATIONS, type Environment } from './schema.js';
import { type Connector, toConnector } from './store.js';

export type CapacityWarning = {
  code: 'failover' | 'capacity' | 'not_online' | 'unhealthy' | 'starting';
  message: string;
  connectorIds?: string[];
};
export type CapacityAdvice = {
  environment: Environment;
  concurrentConversations: number | null;
  maxConversationsPerConnector: number;
  recommendedConnectors: number;
  currentConnectors: number;
  onlineConnectors: number;
  warnings: CapacityWarning[];
};

/** A production bot runs at least two connectors, so one can take over when another fails. */
export const MIN_PRODUCTION_CONNECTORS = 2;

/**
 * Failover and sizing advice for one bot in one environment: at least 2
 * connectors in production (1 elsewhere), and enough that none carries more than its
 * `maxConcurrentConversations` (the smallest among the bot's connectors there, 50 when it has none):
 * `recommended = max(minimum, ceil(concurrent / perConnector))`, so 200 concurrent conversations -> 4.
 * Each warning says what to do about it.
 */
export function capacityAdvice(environment: Environment, concurrent: number | undefined, connectors: Connector[]): CapacityAdvice {
  const perConnector = connectors.length
    ? Math.min(...connectors.map((c) => c.maxConcurrentConversations))
    : DEFAULT_MAX_CONCURRENT_CONVERSATIONS;
  const minimum = environment === 'production' ? MIN_PRODUCTION_CONNECTORS : 1;
  const recommended = Math.max(minimum, concurrent ? Math.ceil(concurrent / perConnector) : 0);
  const online = connectors.filter((c) => c.status === 'online');
  const warnings: CapacityWarning[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

  const failoverShort = environment === 'production' && connectors.length < MIN_PRODUCTION_CONNECTORS;
  if (failoverShort) {
    warnings.push({
      code: 'failover',
      message: `A production bot needs at least ${MIN_PRODUCTION_CONNECTORS} connectors so one can take over when another fails; it has ${connectors.length}. Add ${plural(MIN_PRODUCTION_CONNECTORS - connectors.length, 'connector')} (POST /bots/{botId}/connectors with environment "production").`,
    });
  }
  if (connectors.length < recommended && !(failoverShort && recommended <= MIN_PRODUCTION_CONNECTORS)) {
    const load = concurrent
      ? `${concurrent} concurrent conversations at ${perConnector} per connector need ${recommended} connectors in ${environment}`
      : `${environment} needs ${plural(recommended, 'connector')}`;
    warnings.push({
      code: 'capacity',
      message: `${load}; it has ${connectors.length}. Add ${plural(recommended - connectors.length, 'connector')} there.`,
    });
  }
  if (connectors.length > 0 && online.length < Math.min(recommended, connectors.length)) {
    const idle = connectors.filter((c) => c.status === 'stopped');
    warnings.push({
      code: 'not_online',
      message: `Only ${online.length} of ${plural(connectors.length, 'connector')} ${online.length === 1 ? 'is' : 'are'} online, ${recommended} recommended.${idle.length ? ` Start the stopped ones (POST /connectors/actions with action "start").` : ''}`,
      ...(idle.length ? { connectorIds: idle.map((c) => c.id) } : {}),
    });
  }
  const unhealthy = connectors.filter((c) => c.status === 'unhealthy');
  if (unhealthy.length) {
    const why = unhealthy.map((c) => `"${c.name}"${c.lastError ? ` (${c.lastError})` : ''}`).join(', ');
    warnings.push({
      code: 'unhealthy',
      message: `Unhealthy: ${why}. Check what each health-check URL answers, then restart them (POST /connectors/actions with action "restart").`,
      connectorIds: unhealthy.map((c) => c.id),
    });
  }
  const stuck = connectors.filter((c) => c.status === 'starting' && c.consecutiveFailures > 0);
  if (stuck.length) {
    warnings.push({
      code: 'starting',
      message: `Starting but not answering its health check yet: ${stuck.map((c) => `"${c.name}"${c.lastError ? ` (${c.lastError})` : ''}`).join(', ')}.`,
      connectorIds: stuck.map((c) => c.id),
    });
  }
  return {
    environment,
    concurrentConversations: concurrent ?? null,
    maxConversationsPerConnector: perConnector,
    recommendedConnectors: recommended,
    currentConnectors: connectors.length,
    onlineConnectors: online.length,
    warnings,
  };
}

/**
 * `GET /bots/{botId}/connectors/capacity`: reads the bot (404 for a missing or another team's bot) and its
 * connectors in `environment` (GSI1, sort-key prefix `<environment>#`) in parallel, then `capacityAdvice`.
 */
export async function connectorCapacity(
  teamId: string,
  botId: string,
  environment: Environment,
  concurrent: number | undefined,
): Promise<CapacityAdvice> {
  const readConnectors = async () => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :env)',
          ExpressionAttributeValues: { ':pk': connectorBotPartition(teamId, botId), ':env': connectorBotSortPrefix(environment) },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.map(toConnector);
  };
  const [bot, connectors] = await Promise.all([
    doc.send(new GetCommand({ TableName: tableName(), Key: botKey(teamId, botId), ProjectionExpression: 'PK' })),
    readConnectors(),
  ]);
  if (!bot.Item) throw new NotFound('Bot');
  return capacityAdvice(environment, concurrent, connectors);
}
