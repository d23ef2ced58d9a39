import * as z from 'zod';
import { ApiKeyInfo, CreatedApiKey, Me, Member, Team } from './responses/team.js';
import { Bot, Message, PostCallCacheStatus } from './responses/bots.js';
import { Call, ContactMessageResult, ContactStatus, Integration, QueuedCall } from './responses/calls.js';
import { BulkConnectorResult, Connector, ConnectorCapacity, ConnectorEvent, ConnectorMetrics } from './responses/connectors.js';
import { AddContactsResult, Campaign, CampaignContact, DncAdded, DncEntry, PhoneNumber, TeamSettings } from './responses/campaigns.js';
import { SigningSecret, WidgetKey, WidgetSession, WidgetSettings } from './responses/widget.js';
import { AuditEvent, AuditExport, AuditExportAccepted, Health } from './responses/audit.js';
import { page } from './responses/common.js';

/**
 * Success response bodies of every route, as zod schemas: the OpenAPI document (`document.ts`) publishes them
 * as named component schemas (`.meta({ id })`), the console's client is generated from that document, and the
 * test suite checks the responses of the local runtime against them. Only the OpenAPI route and tests import
 * this module, so route functions never bundle it.
 *
 * Timestamps are ISO-8601 UTC strings; ids are ULIDs unless said otherwise.
 */

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
