import {
  IDEMPOTENCY_PARTITION,
  RUNNING_CAMPAIGNS_PREFIX,
  WAITING_CALLS_PREFIX,
  WATCHDOG_PREFIX,
  WEBHOOK_SECRET_PARTITION_PREFIX,
  apiKeyKey,
  botIdIndexPartition,
  callRefKey,
  phoneClaimKey,
  rateLimitKey,
  teamKey,
} from '../shared/db/keys.js';
import type { RouteDef } from '../shared/http/route.js';
import type { Operation } from '../functions/routes.js';

/**
 * What each function needs besides its code, declared as data beside the route table: the CDK stack derives every
 * function's IAM policy and wiring from it, and the local runtime checks every DynamoDB request against it, so a
 * declaration that is too narrow fails the end-to-end tests instead of a deployment.
 *
 * Handlers never import this module (it would only add bytes to their bundles).
 */

/**
 * Families of DynamoDB partitions, as IAM `dynamodb:LeadingKeys` patterns (`StringLike`: `*` matches any
 * characters). A Query on a global secondary index is checked against the index's partition key value, so the
 * index partitions are listed in the family whose prefix they carry (`TEAM#<t>#APIKEYS` is a `team` partition).
 * Built from the key builders of `shared/db/keys.ts`, the only place keys are built.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 */
export const PARTITIONS = {
  /** `TEAM#<teamId>` and every partition below it: team items, bot data generations, audit events and their indexes. */
  team: [teamKey('*').PK],
  /** `APIKEY#<keyId>`: API key items (the authorizer and the member and key routes). */
  apiKey: [apiKeyKey('*').PK],
  /** `BOTID#<botId>` (GSI1): a bot found by id alone, by the public widget routes. */
  botId: [botIdIndexPartition('*')],
  /** `RATE#<scope>`: fixed-window rate-limit counters. */
  rateLimit: [rateLimitKey('*', 0).PK],
  /** `IDEMPOTENCY`: Powertools idempotency records of `Idempotency-Key` requests. */
  idempotency: [IDEMPOTENCY_PARTITION],
  /** `OUTBOX#<shard>`: transactional outbox entries. */
  outbox: ['OUTBOX#*'],
  /** `CALLREF#<callId>`: the pointer from a call id to its bot and data generation. */
  callRef: [callRefKey('*', '*').PK],
  /** `PHONE#<e164>`: the claim that makes a phone number one team's. */
  phoneClaim: [phoneClaimKey('*').PK],
  /** `WHSECRET#<teamId>`: the post-call push signing secret (rotate route and push worker only). */
  webhookSecret: [`${WEBHOOK_SECRET_PARTITION_PREFIX}*`],
  /** `RUNNINGCAMPAIGNS#<shard>` (GSI2): running campaigns, walked by the dispatcher. */
  runningCampaigns: [`${RUNNING_CAMPAIGNS_PREFIX}*`],
  /** `WAITINGCALLS#<shard>` (GSI2): dialouts waiting for a team slot, served by the dispatcher. */
  waitingCalls: [`${WAITING_CALLS_PREFIX}*`],
  /** `CALLWATCHDOG#<shard>` (GSI4): calls in flight by deadline, read by the watchdog. */
  callWatchdog: [`${WATCHDOG_PREFIX}*`],
  /** `HEALTHCHECK#<shard>` (GSI2): connectors the health check probes. */
  healthCheck: ['HEALTHCHECK#*'],
} as const satisfies Record<string, readonly string[]>;

export type Partition = keyof typeof PARTITIONS;

/**
 * Table access of a function. `read` partitions allow GetItem, BatchGetItem, Query (table and indexes) and
 * ConditionCheckItem; `write` partitions allow those plus PutItem, UpdateItem, DeleteItem and BatchWriteItem
 * (`TransactWriteItems` is authorised per item). `readActions` / `writeActions` narrow the actions further.
 */
export type TableNeeds = {
  readonly read?: readonly Partition[];
  readonly write?: readonly Partition[];
  readonly readActions?: readonly ReadAction[];
  readonly writeActions?: readonly WriteAction[];
};
export const READ_ACTIONS = ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem'] as const;
export const WRITE_ACTIONS = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'] as const;
export type ReadAction = (typeof READ_ACTIONS)[number];
export type WriteAction = (typeof WRITE_ACTIONS)[number];

/**
 * Resources outside the table a function uses; the stack wires each (environment variables and a managed policy):
 *
 * - `contactTimers`: create, replace and delete reactivation schedules (EventBridge Scheduler);
 * - `botDataPurge`: start the background purge of a bot's old data generations (asynchronous invoke);
 * - `eventBus`: publish domain events (`PutEvents` on the project's bus);
 * - `dialoutRateLimit`: the dialouts-per-second setting (`DIALOUT_RATE_LIMIT_PER_SECOND`);
 * - `auditExportStart` / `auditExportDownload`: start the exporter / presign downloads of export files;
 * - `auditExportWrite`: write export files (the exporter itself);
 * - `widgetSessionSecret`: read the widget session signing secret;
 * - `pushQueue`: send post-call push messages;
 * - `campaignDispatch`: start a campaign dispatcher pass (asynchronous invoke), to refill a freed call slot at once;
 * - `callWatchdogGrace`: the watchdog's grace after a bot's max call duration (`CALL_WATCHDOG_GRACE_SECONDS`), for
 *   the deadline of every call taken into flight.
 */
export type Capability =
  | 'contactTimers'
  | 'botDataPurge'
  | 'eventBus'
  | 'dialoutRateLimit'
  | 'auditExportStart'
  | 'auditExportDownload'
  | 'auditExportWrite'
  | 'widgetSessionSecret'
  | 'pushQueue'
  | 'campaignDispatch'
  | 'callWatchdogGrace';

export type FunctionNeeds = {
  /** Table access; absent: no table access at all (no `TABLE_NAME`, no DynamoDB permission). */
  readonly table?: TableNeeds;
  readonly uses?: readonly Capability[];
};

const read = (...partitions: Partition[]): TableNeeds => ({ read: partitions });
const write = (...partitions: Partition[]): TableNeeds => ({ write: partitions });

/**
 * Needs of each route, by operation. A route missing here gets {@link defaultNeeds}: its team's partitions,
 * read-only for `GET`/`OPTIONS`, read/write otherwise; no table access when public.
 */
export const ROUTE_NEEDS: Partial<Record<Operation, FunctionNeeds>> = {
  health: {},
  openapi: {},
  widgetScript: {},
  createWidgetSession: { table: { read: ['team', 'botId'], write: ['rateLimit'] }, uses: ['widgetSessionSecret'] },
  preflightWidgetSession: { table: read('team', 'botId') },

  createMember: { table: write('team', 'idempotency') },
  updateMember: { table: write('team', 'apiKey') },
  deleteMember: { table: write('team', 'apiKey') },
  createApiKey: { table: write('team', 'apiKey', 'idempotency') },
  deleteApiKey: { table: write('team', 'apiKey') },

  createBot: { table: write('team', 'idempotency') },
  cloneBot: { table: write('team', 'idempotency') },
  deleteBot: { table: write('team'), uses: ['botDataPurge'] },
  resetBot: { table: write('team'), uses: ['botDataPurge'] },

  createAuditExport: { table: write('team', 'idempotency'), uses: ['auditExportStart'] },
  getAuditExport: { table: read('team'), uses: ['auditExportDownload'] },

  dialout: {
    table: write('team', 'callRef', 'outbox', 'rateLimit', 'idempotency'),
    uses: ['eventBus', 'dialoutRateLimit', 'callWatchdogGrace'],
  },
  getCall: { table: read('team', 'callRef') },
  reportCallEvent: { table: { read: ['callRef'], write: ['team', 'outbox'] }, uses: ['eventBus', 'campaignDispatch'] },
  rotateWebhookSecret: { table: write('team', 'webhookSecret') },

  createConnector: { table: write('team', 'idempotency') },
  createCampaign: { table: write('team', 'idempotency') },
  // Its contacts are purged in the background, by the bot data purge.
  deleteCampaign: { table: write('team'), uses: ['botDataPurge'] },
  createPhoneNumber: { table: write('team', 'phoneClaim', 'idempotency') },
  deletePhoneNumber: { table: write('team', 'phoneClaim') },

  putContactBotStatus: { table: write('team'), uses: ['contactTimers'] },
  postContactMessage: { table: write('team', 'idempotency'), uses: ['contactTimers'] },
};

/** Methods whose routes only read: `GET`, and `OPTIONS` (CORS preflights). */
export const READ_ONLY_METHODS: ReadonlySet<string> = new Set(['GET', 'OPTIONS']);

/** What an undeclared route gets: its team's partitions (read-only for `GET`/`OPTIONS`); nothing when public. */
export function defaultNeeds(route: Pick<RouteDef, 'method' | 'minRole'>): FunctionNeeds {
  if (route.minRole === 'public') return {};
  return { table: READ_ONLY_METHODS.has(route.method) ? read('team') : write('team') };
}

/**
 * The needs of `route`: its {@link ROUTE_NEEDS} entry or {@link defaultNeeds}.
 * @throws Error when a `GET` or `OPTIONS` route declares writes (those routes only read).
 */
export function needsOf(route: Pick<RouteDef, 'method' | 'minRole' | 'operation'>): FunctionNeeds {
  const needs = ROUTE_NEEDS[route.operation as Operation] ?? defaultNeeds(route);
  if (READ_ONLY_METHODS.has(route.method) && (needs.table?.write?.length ?? 0) > 0) {
    throw new Error(`${route.method} route ${route.operation} declares table writes; GET and OPTIONS routes only read`);
  }
  return needs;
}

/** The API's Lambda authorizer: reads the key item and refreshes its `lastUsedAt`, nothing else. */
export const AUTHORIZER_NEEDS: FunctionNeeds = { table: write('apiKey') };

/**
 * Functions that are no API route (schedules, queues and asynchronous invocations start them), by handler module.
 * The stack deploys exactly these, plus the authorizer and one function per route.
 */
export const JOB_NEEDS = {
  'jobs/bot-data-purge': {
    // Pages the old generations' keys and deletes them with their call pointers; reads the bot's current generation.
    // After a delete, removes the bot's connectors, each with its audit event (Delete and Put in one transaction).
    table: { write: ['team', 'callRef'], readActions: ['GetItem', 'Query'], writeActions: ['BatchWriteItem', 'DeleteItem', 'PutItem'] },
  },
  'audit-exporter': { table: write('team'), uses: ['auditExportWrite'] },
  'events/outbox-relay': { table: write('outbox'), uses: ['eventBus'] },
  // Finds the call through its pointer, records each attempt on it, and signs with the team's secret.
  'webhooks/post-call-push': { table: { read: ['callRef'], write: ['team', 'webhookSecret'] }, uses: ['pushQueue'] },
  'reactivate-contact': { table: write('team') },
  // Walks the running campaigns and the waiting dialouts (index partitions), dials into team partitions.
  'jobs/campaign-dispatcher': {
    table: { read: ['runningCampaigns', 'waitingCalls'], write: ['team', 'callRef', 'outbox'] },
    uses: ['eventBus', 'callWatchdogGrace'],
  },
  // Reads the watchdog index, ends each overdue call through the call-events path (pointer, call, slots, contact).
  'jobs/call-watchdog': { table: { read: ['callWatchdog', 'callRef'], write: ['team', 'outbox'] }, uses: ['eventBus', 'campaignDispatch'] },
  // Each result is a conditional Put; audit and history entries are Puts inside TransactWriteItems.
  'health-check': { table: { read: ['healthCheck'], write: ['team'], writeActions: ['PutItem'] } },
} as const satisfies Record<string, FunctionNeeds>;

export type JobModule = keyof typeof JOB_NEEDS;

/** IAM `dynamodb:LeadingKeys` patterns of a function's table access: what it may read, and what it may write. */
export function leadingKeysOf(needs: FunctionNeeds): { read: string[]; write: string[] } {
  const expand = (ps: readonly Partition[] = []) => [...new Set(ps.flatMap((p) => PARTITIONS[p]))];
  const write = expand(needs.table?.write);
  return { read: [...new Set([...expand(needs.table?.read), ...write])], write };
}
