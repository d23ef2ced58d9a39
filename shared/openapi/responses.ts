import * as z from 'zod';
import { AUDIT_MODULES } from '../audit/modules.js';
import { EXPORT_STATUSES } from '../audit/exports.js';
import { ROLES } from '../auth/roles.js';
import { BotUpdateInput } from '../domain/bots/schema.js';
import { CALL_STATUSES } from '../domain/calls/fields.js';
import { NAMESPACES } from '../domain/calls/variables.js';
import { CONNECTOR_STATUSES, ENVIRONMENTS } from '../domain/connectors/schema.js';
import { CONTACT_STATUSES, INACTIVE_REASONS } from '../domain/contacts/schema.js';
import { CAMPAIGN_STATUSES, CONTACT_STATUSES as CAMPAIGN_CONTACT_STATUSES } from '../domain/campaigns/schema.js';
import { OUTCOMES, WEEKDAYS } from '../domain/campaigns/schedule.js';

/**
 * Success response bodies of every route, as zod schemas: the OpenAPI document (`document.ts`) publishes them
 * as named component schemas (`.meta({ id })`), the console's client is generated from that document, and the
 * test suite checks the responses of the local runtime against them. Only the OpenAPI route and tests import
 * this module, so route functions never bundle it.
 *
 * Timestamps are ISO-8601 UTC strings; ids are ULIDs unless said otherwise.
 */

const isoTime = z.string().describe('ISO-8601 UTC timestamp');
const nullableTime = isoTime.nullable();

/** `{ items, nextCursor }`: one page of a list; `nextCursor` is null on the last page. */
const page = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id, description: `A page of ${id.replace(/Page$/, '')}` });

export const Team = z.object({ id: z.string(), name: z.string(), createdAt: isoTime }).meta({ id: 'Team' });

export const Me = z
  .object({ teamId: z.string(), teamName: z.string(), memberId: z.string(), email: z.string(), role: z.enum(ROLES) })
  .meta({ id: 'Me', description: 'The calling API key: its team, member and role' });

export const Member = z.object({ id: z.string(), email: z.string(), role: z.enum(ROLES), createdAt: isoTime }).meta({ id: 'Member' });

export const ApiKeyInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
    memberId: z.string(),
    createdAt: isoTime,
    lastUsedAt: nullableTime,
  })
  .meta({ id: 'ApiKey', description: 'An API key, never its secret' });

export const CreatedApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    memberId: z.string(),
    createdAt: isoTime,
    key: z.string().nullable().describe('The key in clear, shown this once; null on an Idempotency-Key replay (see redactedOnReplay)'),
    redactedOnReplay: z.array(z.string()).optional().describe('On a replay: the fields withheld because they were shown once'),
  })
  .meta({ id: 'CreatedApiKey' });

export const PostCallCache = z
  .object({ enabled: z.boolean(), version: z.number().int(), refreshedBy: z.string().nullable(), refreshedAt: nullableTime })
  .meta({ id: 'PostCallCache' });

export const PostCallCacheStatus = z
  .object({
    enabled: z.boolean(),
    analysisPromptConfigured: z.boolean(),
    qcPromptConfigured: z.boolean(),
    version: z.number().int(),
    refreshedBy: z.string().nullable(),
    refreshedAt: nullableTime,
  })
  .meta({ id: 'PostCallCacheStatus' });

export const CampaignRef = z.object({ id: z.string(), name: z.string() }).meta({ id: 'CampaignRef' });

/** The bot object: every editable field (the wizard's steps) plus what botops maintains. */
export const Bot = BotUpdateInput.required()
  .extend({
    id: z.string(),
    indexId: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
    status: z.enum(['pending', 'indexing', 'processing', 'ready']),
    questionCount: z.number().int(),
    pageCount: z.number().int(),
    sourceCount: z.number().int(),
    chunkCount: z.number().int(),
    active: z.boolean().describe('false while paused: the bot answers nobody'),
    lockedByCampaigns: z.array(CampaignRef).describe('Running campaigns that lock the configuration'),
    postCallCache: PostCallCache,
  })
  .meta({ id: 'Bot' });

export const Message = z.object({ message: z.string() }).meta({ id: 'Message' });

const VariableSchema = z
  .object({
    name: z.string(),
    type: z.enum(['string', 'number', 'integer', 'boolean', 'enum']),
    values: z.array(z.string()).optional(),
    description: z.string(),
    example: z.string(),
    usedIn: z.array(z.string()).optional(),
    sampleValue: z.string().optional(),
    required: z.boolean().optional(),
  })
  .meta({ id: 'Variable' });

export const Integration = z
  .object({
    botId: z.string(),
    variables: z.object(
      Object.fromEntries(NAMESPACES.map((ns) => [ns, z.array(VariableSchema)])) as Record<
        (typeof NAMESPACES)[number],
        z.ZodArray<typeof VariableSchema>
      >,
    ),
    dialout: z.object({
      method: z.literal('POST'),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.record(z.string(), z.unknown()),
    }),
    snippets: z.object({ curl: z.string(), python: z.string(), node: z.string() }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Integration' });

const PushAttempt = z.object({
  attempt: z.number().int(),
  at: isoTime,
  url: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
});

export const Call = z
  .object({
    id: z.string(),
    botId: z.string(),
    status: z.enum(CALL_STATUSES),
    direction: z.literal('outbound'),
    to: z.string(),
    from: z.string().nullable(),
    variables: z.object({ crm: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) }),
    sipHeaders: z.record(z.string(), z.string()),
    result: z.record(z.string(), z.unknown()).nullable(),
    analysis: z.record(z.string(), z.unknown()).nullable(),
    qc: z.record(z.string(), z.unknown()).nullable(),
    events: z.array(z.object({ type: z.enum(CALL_STATUSES), at: isoTime })),
    push: z
      .object({
        status: z.enum(['pending', 'retrying', 'delivered', 'failed', 'cancelled']),
        url: z.string(),
        attempts: z.array(PushAttempt),
        nextAttemptAt: nullableTime,
      })
      .nullable(),
    queuedAt: isoTime,
    ringingAt: nullableTime,
    startedAt: nullableTime,
    endedAt: nullableTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Call' });

export const QueuedCall = Call.extend({
  callId: z.string(),
  queuePosition: z
    .number()
    .int()
    .optional()
    .describe("With status waiting: the call's place in the team's queue of calls waiting for a slot (1 = next)"),
}).meta({
  id: 'QueuedCall',
  description: 'The accepted dialout: the call, and its id again as callId; status waiting when the team is at its ceiling',
});

export const ContactStatus = z
  .object({
    contactId: z.string(),
    status: z.enum(CONTACT_STATUSES),
    reason: z.enum(INACTIVE_REASONS).nullable(),
    reactivateAt: nullableTime,
    botMessageCount: z.number().int(),
    updatedAt: nullableTime,
  })
  .meta({ id: 'ContactStatus' });

export const ContactMessageResult = ContactStatus.extend({ messageId: z.string() }).meta({ id: 'ContactMessageResult' });

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

const CallingWindow = z
  .object({ days: z.array(z.enum(WEEKDAYS)), start: z.string(), end: z.string() })
  .meta({ id: 'CallingWindow', description: "Local weekdays and HH:MM times, in each contact's own time zone" });

const retryDelay = z.string().nullable().describe('ISO-8601 duration, or null for no retry');

export const Campaign = z
  .object({
    id: z.string(),
    name: z.string(),
    botId: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    fromNumber: z.string().nullable().describe('Caller id (E.164), a team number mapped to the bot'),
    callingWindow: CallingWindow,
    defaultTimezone: z.string().nullable().describe("IANA zone of contacts without one; null: the bot's timezone"),
    maxConcurrentCalls: z.number().int(),
    maxAttempts: z.number().int(),
    retry: z.object({ no_answer: retryDelay, busy: retryDelay, voicemail: retryDelay, failed: retryDelay }),
    startAt: nullableTime,
    endAt: nullableTime,
    progress: z
      .object({
        total: z.number().int(),
        ...(Object.fromEntries(CAMPAIGN_CONTACT_STATUSES.map((st) => [st, z.number().int()])) as Record<
          (typeof CAMPAIGN_CONTACT_STATUSES)[number],
          z.ZodNumber
        >),
      })
      .describe('Contacts per status'),
    inFlight: z.number().int().describe('Calls of the campaign in flight now'),
    createdAt: isoTime,
    updatedAt: isoTime,
    startedAt: nullableTime,
    stoppedAt: nullableTime,
    completedAt: nullableTime,
  })
  .meta({ id: 'Campaign' });

export const CampaignContact = z
  .object({
    phone: z.string().describe('E.164'),
    timezone: z.string().nullable(),
    externalId: z.string().nullable(),
    status: z.enum(CAMPAIGN_CONTACT_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: nullableTime.describe('When the next attempt is due (pending or scheduled); null once final'),
    lastOutcome: z.enum(OUTCOMES).nullable(),
    callIds: z.array(z.string()),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CampaignContact' });

export const AddContactsResult = z
  .object({
    added: z.number().int(),
    duplicates: z.number().int().describe('Numbers already in the campaign, or twice in the request'),
    rejected: z.array(z.object({ index: z.number().int(), errors: z.array(z.object({ path: z.string(), message: z.string() })) })),
  })
  .meta({ id: 'AddContactsResult' });

export const DncEntry = z
  .object({ number: z.string().describe('E.164'), reason: z.string().nullable(), addedAt: isoTime, addedBy: z.string() })
  .meta({ id: 'DncEntry' });

export const DncAdded = z.object({ added: z.number().int().describe('Numbers that were not on the list yet') }).meta({ id: 'DncAdded' });

export const TeamSettings = z
  .object({
    maxConcurrentCalls: z.number().int().describe("The team's ceiling on calls in flight"),
    inFlight: z.number().int().describe('Calls in flight now'),
    updatedAt: nullableTime,
  })
  .meta({ id: 'TeamSettings' });

export const PhoneNumber = z
  .object({ number: z.string().describe('E.164'), botId: z.string(), createdAt: isoTime })
  .meta({ id: 'PhoneNumber' });

export const WidgetSettings = z
  .object({
    botId: z.string(),
    enabled: z.boolean(),
    allowedDomains: z.array(z.string()),
    allowsAnyOrigin: z.boolean().describe('true when allowedDomains is empty: every origin may open sessions'),
    apiKey: z.string().nullable().describe('The widget key, masked'),
    keyCreatedAt: nullableTime,
    scriptUrl: z.string(),
    embedCode: z.string().nullable().describe('The embed snippet with the key masked'),
    updatedAt: isoTime,
  })
  .meta({ id: 'WidgetSettings' });

export const WidgetKey = z
  .object({ apiKey: z.string(), embedCode: z.string(), keyCreatedAt: isoTime.optional() })
  .meta({ id: 'WidgetKey', description: 'The widget key and embed code in clear' });

export const WidgetSession = z
  .object({
    sessionId: z.string(),
    token: z.string().describe('Signed session (HS256 JWT)'),
    botId: z.string(),
    expiresAt: isoTime,
    appearance: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'WidgetSession' });

export const SigningSecret = z
  .object({ secret: z.string(), previousSecretValidUntil: nullableTime })
  .meta({ id: 'SigningSecret', description: 'The new post-call push signing secret, shown once' });

export const AuditEvent = z
  .object({
    id: z.string(),
    at: isoTime,
    actorEmail: z.string(),
    actorRole: z.string(),
    module: z.enum(AUDIT_MODULES),
    action: z.string(),
    botId: z.string().optional(),
    targetId: z.string(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'AuditEvent' });

export const AuditExportAccepted = z.object({ exportId: z.string(), status: z.enum(EXPORT_STATUSES) }).meta({ id: 'AuditExportAccepted' });

export const AuditExport = z
  .object({
    exportId: z.string(),
    status: z.enum(EXPORT_STATUSES),
    rowCount: z.number().int(),
    filters: z.record(z.string(), z.string()),
    requestedBy: z.string(),
    createdAt: isoTime,
    startedAt: isoTime.optional(),
    finishedAt: isoTime.optional(),
    bytes: z.number().int().optional(),
    downloadUrl: z.string().optional(),
    expiresAt: isoTime.optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditExport' });

export const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

/** What a route answers on success. `body: null` marks a response without a body (204, the script, preflight). */
export type ResponseDoc = { body: z.ZodType | null; contentType?: string; headers?: Record<string, string> };

const ETAG = { ETag: 'Version of the object, for If-Match' };

/** Success response of each operation of the route table. */
export const RESPONSES: Record<string, ResponseDoc> = {
  health: { body: Health },
  openapi: { body: z.record(z.string(), z.unknown()).describe('This document') },
  getMe: { body: Me },
  getTeam: { body: Team },
  listMembers: { body: page(Member, 'MemberPage') },
  createMember: { body: Member },
  updateMember: { body: Member },
  deleteMember: { body: null },
  listApiKeys: { body: page(ApiKeyInfo, 'ApiKeyPage') },
  createApiKey: { body: CreatedApiKey },
  deleteApiKey: { body: null },
  listBots: { body: z.array(Bot), headers: { 'X-Next-Cursor': 'Cursor of the next page; absent on the last page' } },
  createBot: { body: Bot, headers: ETAG },
  getBot: { body: Bot, headers: ETAG },
  updateBot: { body: Bot, headers: ETAG },
  deleteBot: { body: Message },
  cloneBot: { body: Bot, headers: ETAG },
  pauseBot: { body: Bot, headers: ETAG },
  resumeBot: { body: Bot, headers: ETAG },
  resetBot: { body: Message },
  getPostCallCache: { body: PostCallCacheStatus },
  enablePostCallCache: { body: PostCallCacheStatus },
  disablePostCallCache: { body: PostCallCacheStatus },
  refreshPostCallCache: { body: PostCallCacheStatus },
  listAuditLogs: { body: page(AuditEvent, 'AuditEventPage') },
  createAuditExport: { body: AuditExportAccepted },
  getAuditExport: { body: AuditExport },
  getWidget: { body: WidgetSettings, headers: ETAG },
  updateWidget: { body: WidgetSettings, headers: ETAG },
  revealWidgetKey: { body: WidgetKey },
  regenerateWidgetKey: { body: WidgetKey },
  widgetScript: { body: null, contentType: 'text/javascript' },
  createWidgetSession: { body: WidgetSession },
  preflightWidgetSession: { body: null },
  getBotIntegration: { body: Integration },
  dialout: { body: QueuedCall },
  listBotCalls: { body: page(Call, 'CallPage') },
  getCall: { body: Call },
  reportCallEvent: { body: Call },
  rotateWebhookSecret: { body: SigningSecret },
  createConnector: { body: Connector, headers: ETAG },
  getConnectorCapacity: { body: ConnectorCapacity },
  listConnectors: { body: page(Connector, 'ConnectorPage') },
  getConnectorMetrics: { body: ConnectorMetrics },
  bulkConnectorAction: { body: BulkConnectorResult },
  getConnector: { body: Connector, headers: ETAG },
  updateConnector: { body: Connector, headers: ETAG },
  deleteConnector: { body: null },
  startConnector: { body: Connector, headers: ETAG },
  stopConnector: { body: Connector, headers: ETAG },
  restartConnector: { body: Connector, headers: ETAG },
  redeployConnector: { body: Connector, headers: ETAG },
  listConnectorHistory: { body: page(ConnectorEvent, 'ConnectorEventPage') },
  listCampaigns: { body: page(Campaign, 'CampaignPage') },
  createCampaign: { body: Campaign, headers: ETAG },
  getCampaign: { body: Campaign, headers: ETAG },
  deleteCampaign: { body: null },
  startCampaign: { body: Campaign },
  stopCampaign: { body: Campaign },
  updateCampaign: { body: Campaign, headers: ETAG },
  addCampaignContacts: { body: AddContactsResult },
  listCampaignContacts: { body: page(CampaignContact, 'CampaignContactPage') },
  listDnc: { body: page(DncEntry, 'DncEntryPage') },
  addDnc: { body: DncAdded },
  deleteDnc: { body: null },
  getTeamSettings: { body: TeamSettings, headers: ETAG },
  updateTeamSettings: { body: TeamSettings, headers: ETAG },
  listPhoneNumbers: { body: page(PhoneNumber, 'PhoneNumberPage') },
  createPhoneNumber: { body: PhoneNumber },
  deletePhoneNumber: { body: null },
  listContacts: { body: page(ContactStatus, 'ContactStatusPage') },
  getContactBotStatus: { body: ContactStatus, headers: ETAG },
  putContactBotStatus: { body: ContactStatus, headers: ETAG },
  postContactMessage: { body: ContactMessageResult, headers: ETAG },
};
