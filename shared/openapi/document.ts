import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { AuditExportInput, AuditQuery } from '../audit/schemas.js';
import { BotCreateInput, BotUpdateInput, WIZARD_STEPS } from '../domain/bots/schema.js';
import { CallEventInput, DialoutInput } from '../domain/calls/schema.js';
import {
  BulkActionInput,
  CapacityQuery,
  ConnectorCreateInput,
  ConnectorListQuery,
  ConnectorUpdateInput,
  HistoryQuery,
  MetricsQuery,
  RedeployInput,
} from '../domain/connectors/schema.js';
import { BotStatusPutInput, ContactListQuery, MessageInput } from '../domain/contacts/schema.js';
import { ApiKeyCreateInput, MemberCreateInput, MemberUpdateInput } from '../domain/team-schemas.js';
import { WidgetSettingsInput } from '../domain/widget/schema.js';
import { CampaignCreateInput } from '../domain/campaigns/schema.js';
import { PhoneNumberCreateInput } from '../domain/phone-numbers/schema.js';
import { PageQuery } from '../domain/paging.js';
import type { RouteDef } from '../http/route.js';
import { RESPONSES } from './responses.js';

/** Request schemas by operation: the body (`body`) and the query string (`query`). */
const REQUESTS: Record<string, { body?: z.ZodType; query?: z.ZodObject }> = {
  listMembers: { query: PageQuery },
  createMember: { body: MemberCreateInput },
  updateMember: { body: MemberUpdateInput },
  listApiKeys: { query: PageQuery },
  createApiKey: { body: ApiKeyCreateInput },
  listBots: { query: PageQuery },
  createBot: { body: BotCreateInput },
  updateBot: { body: BotUpdateInput },
  listAuditLogs: { query: AuditQuery },
  // Web widget (issue 8)
  updateWidget: { body: WidgetSettingsInput },
  preflightWidgetSession: { query: z.object({ botId: z.string() }) },
  // issue 5: dialout and call events (the analysis/qc field declaration syntax is in CallEventInput's descriptions)
  dialout: { body: DialoutInput },
  listBotCalls: { query: PageQuery },
  reportCallEvent: { body: CallEventInput },
  // connectors (issue 6)
  createConnector: { body: ConnectorCreateInput },
  listConnectors: { query: ConnectorListQuery },
  getConnectorMetrics: { query: MetricsQuery },
  updateConnector: { body: ConnectorUpdateInput },
  redeployConnector: { body: RedeployInput },
  bulkConnectorAction: { body: BulkActionInput },
  getConnectorCapacity: { query: CapacityQuery },
  listConnectorHistory: { query: HistoryQuery },
  // issue 3: campaigns and phone numbers (clone, pause, resume, reset and the post-call cache take no body)
  listCampaigns: { query: PageQuery },
  createCampaign: { body: CampaignCreateInput },
  listPhoneNumbers: { query: PageQuery },
  createPhoneNumber: { body: PhoneNumberCreateInput },
  // Contact bot status (issue 4)
  listContacts: { query: ContactListQuery },
  putContactBotStatus: { body: BotStatusPutInput },
  postContactMessage: { body: MessageInput },
  createAuditExport: { body: AuditExportInput },
};

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), step: z.enum(WIZARD_STEPS).optional() })).optional(),
  firstInvalidStep: z.enum(WIZARD_STEPS).nullable().optional(),
});

/** The documented success of a route: its status (201 for creates, ...), body schema and headers. */
function successResponse(r: RouteDef) {
  const doc = RESPONSES[r.operation];
  if (!doc) throw new Error(`no response schema for operation ${r.operation} (shared/openapi/responses.ts)`);
  const status = (r as RouteDef & { status?: number }).status ?? 200;
  return {
    [status]: {
      description: r.summary,
      ...(doc.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(doc.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' as const } }]),
            ),
          }
        : {}),
      ...(doc.body ? { content: { [doc.contentType ?? 'application/json']: { schema: doc.body } } } : {}),
    },
  };
}

/**
 * The OpenAPI 3.1 document of every route in `routes`, generated from the same zod schemas that validate
 * requests (zod-to-openapi). Errors are RFC 9457 problem details.
 */
export function buildOpenApiDocument(routes: readonly RouteDef[]) {
  const registry = new OpenAPIRegistry();
  // Schemas are inlined rather than `register`ed: registering needs `.openapi()` on each schema, which zod 4
  // only adds to schemas built after `extendZodWithOpenApi`, and the handlers build theirs without it.
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'bo_<keyId>_<secret>',
  });
  const problem = { 'application/problem+json': { schema: Problem } };
  for (const r of routes) {
    const req = REQUESTS[r.operation] ?? {};
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    registry.registerPath({
      method: r.method.toLowerCase() as 'get',
      path: r.path,
      operationId: r.operation,
      summary: r.summary,
      tags: [r.tag],
      ...(r.minRole === 'public' ? {} : { security: [{ [bearer.name]: [] }], description: `Minimum role: ${r.minRole}.` }),
      request: {
        ...(params.length ? { params: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : {}),
        ...(req.query ? { query: req.query } : {}),
        ...(req.body ? { body: { content: { 'application/json': { schema: req.body } } } } : {}),
      },
      responses: {
        ...successResponse(r),
        ...(r.minRole === 'public'
          ? {}
          : {
              401: { description: 'Missing or invalid API key', content: problem },
              403: { description: 'Role too low', content: problem },
              404: { description: "Not found (or another team's id)", content: problem },
            }),
        ...(req.body
          ? {
              400: { description: 'Malformed JSON or invalid fields', content: problem },
              413: { description: 'Body over 256 KiB', content: problem },
            }
          : {}),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'botops API',
      version: '0.1.0',
      description: 'Control plane for conversational and voice bots. DocsBot Admin API compatible bot routes.',
    },
  });
}
