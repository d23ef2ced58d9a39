import * as z from 'zod';
import { CONNECTOR_STATUSES, ENVIRONMENTS } from '../../domain/connectors/schema.js';
import { isoTime, nullableTime } from './common.js';

export const Connector = z
  .object({
    id: z.string(),
    botId: z.string(),
    name: z.string(),
    environment: z.enum(ENVIRONMENTS),
    healthCheckUrl: z.string(),
    maxConcurrentConversations: z.number().int(),
    status: z.enum(CONNECTOR_STATUSES),
    statusChangedAt: isoTime,
    lastCheckAt: nullableTime,
    lastLatencyMs: z.number().nullable(),
    consecutiveFailures: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Connector' });

export const ConnectorEvent = z
  .object({
    id: z.string(),
    at: isoTime,
    connectorId: z.string(),
    from: z.enum(CONNECTOR_STATUSES),
    to: z.enum(CONNECTOR_STATUSES),
    latencyMs: z.number().nullable(),
    error: z.string().nullable(),
    consecutiveFailures: z.number().int(),
  })
  .meta({ id: 'ConnectorEvent', description: 'A status change made by the health check' });

export const ConnectorMetrics = z
  .object({
    environment: z.enum(ENVIRONMENTS).nullable(),
    total: z.number().int(),
    counts: z.object(
      Object.fromEntries(CONNECTOR_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof CONNECTOR_STATUSES)[number], z.ZodNumber>,
    ),
  })
  .meta({ id: 'ConnectorMetrics' });

export const BulkConnectorResult = z
  .object({
    action: z.enum(['start', 'stop', 'restart']),
    results: z.array(
      z.object({
        connectorId: z.string(),
        ok: z.boolean(),
        status: z.enum(CONNECTOR_STATUSES).optional(),
        error: z.object({ status: z.number().int(), title: z.string(), detail: z.string().optional() }).optional(),
      }),
    ),
  })
  .meta({ id: 'BulkConnectorResult' });

export const ConnectorCapacity = z
  .object({
    environment: z.enum(ENVIRONMENTS),
    concurrentConversations: z.number().int().nullable(),
    maxConversationsPerConnector: z.number().int(),
    recommendedConnectors: z.number().int(),
    currentConnectors: z.number().int(),
    onlineConnectors: z.number().int(),
    warnings: z.array(
      z.object({
        code: z.enum(['failover', 'capacity', 'not_online', 'unhealthy', 'starting']),
        message: z.string(),
        connectorIds: z.array(z.string()).optional(),
      }),
    ),
  })
  .meta({ id: 'ConnectorCapacity' });
