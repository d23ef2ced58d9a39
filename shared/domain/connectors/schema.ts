import * as z from 'zod';
import { isLocalMode } from '../../config.js';
import { PageQuery } from '../paging.js';
import { outboundUrlProblem } from '../../net/url-safety.js';

/** The environments a connector is deployed to. */
export const ENVIRONMENTS = ['production', 'staging', 'development'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** `stopped` -> `starting` -> `online` <-> `unhealthy`. */
export const CONNECTOR_STATUSES = ['stopped', 'starting', 'online', 'unhealthy'] as const;
export type ConnectorStatus = (typeof CONNECTOR_STATUSES)[number];

/** An agent connector carries at most 50 concurrent conversations unless told otherwise. */
export const DEFAULT_MAX_CONCURRENT_CONVERSATIONS = 50;
/** Bulk actions (`POST /connectors/actions`) take at most this many ids. */
export const MAX_BULK_IDS = 100;

const name = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');
const maxConcurrentConversations = z.number().int('must be an integer').min(1, 'at least 1').max(10_000, 'at most 10000');

/**
 * A URL the health check will GET: https, and never a private, loopback, link-local or metadata address;
 * loopback http in local mode only. The hostname's DNS answer is checked too, at save
 * (`resolveAndCheck`, in the domain code, because it is asynchronous) and at every probe.
 */
export const healthCheckUrl = z
  .string()
  .max(2048, 'at most 2048 characters')
  .superRefine((v, ctx) => {
    const problem = outboundUrlProblem(v, { local: isLocalMode() });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** `POST /bots/{botId}/connectors`. */
export const ConnectorCreateInput = z
  .object({ name, environment: z.enum(ENVIRONMENTS), healthCheckUrl, maxConcurrentConversations: maxConcurrentConversations.optional() })
  .strict();
export type ConnectorCreate = z.infer<typeof ConnectorCreateInput>;

/** `PUT /connectors/{connectorId}`: absent fields unchanged; the environment changes only by redeploy. */
export const ConnectorUpdateInput = z
  .object({
    name: name.optional(),
    healthCheckUrl: healthCheckUrl.optional(),
    maxConcurrentConversations: maxConcurrentConversations.optional(),
  })
  .strict();
export type ConnectorUpdate = z.infer<typeof ConnectorUpdateInput>;

/** `POST /connectors/{connectorId}/redeploy`. */
export const RedeployInput = z.object({ environment: z.enum(ENVIRONMENTS) }).strict();

export const CONNECTOR_ACTIONS = ['start', 'stop', 'restart'] as const;
export type ConnectorAction = (typeof CONNECTOR_ACTIONS)[number];

/**
 * `POST /connectors/actions`. Ids are not format-checked: an unknown or foreign id gets its own error entry in
 * the result, like any other id that fails; only a duplicate is a 400 (its result would be ambiguous).
 */
export const BulkActionInput = z
  .object({
    action: z.enum(CONNECTOR_ACTIONS),
    connectorIds: z.array(z.string().min(1).max(64)).min(1, 'at least one id').max(MAX_BULK_IDS, `at most ${MAX_BULK_IDS} ids per call`),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.connectorIds.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['connectorIds', i], message: 'duplicate id' });
      seen.add(id);
    });
  });

/** `GET /connectors`: the filters, each served by a key (see `listConnectors`). */
export const ConnectorListQuery = PageQuery.extend({
  environment: z.enum(ENVIRONMENTS).optional(),
  botId: z.string().min(1).max(64).optional(),
  status: z.enum(CONNECTOR_STATUSES).optional(),
}).strict();

/** `GET /connectors/metrics`: only `environment` affects the counts; other parameters are ignored. */
export const MetricsQuery = z.object({ environment: z.enum(ENVIRONMENTS).optional() });

/** `GET /bots/{botId}/connectors/capacity`. */
export const CapacityQuery = z
  .object({
    environment: z.enum(ENVIRONMENTS).default('production'),
    concurrentConversations: z.coerce
      .number()
      .int('must be an integer')
      .min(0, 'at least 0')
      .max(10_000_000, 'at most 10000000')
      .optional(),
  })
  .strict();

/** `GET /connectors/{connectorId}/history`. */
export const HistoryQuery = PageQuery;
