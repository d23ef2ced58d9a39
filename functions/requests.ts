import type { RequestSchemas } from '../shared/http/handler.js';
import { request as createApiKey } from './api-keys/create.request.js';
import { request as listApiKeys } from './api-keys/list.request.js';
import { request as createAuditExport } from './audit/create-export.request.js';
import { request as listAuditLogs } from './audit/list.request.js';
import { request as createBot } from './bots/create.request.js';
import { request as listBots } from './bots/list.request.js';
import { request as updateBot } from './bots/update.request.js';
import { request as dialout } from './calls/dialout.request.js';
import { request as reportCallEvent } from './calls/events.request.js';
import { request as listBotCalls } from './calls/list.request.js';
import { request as createCampaign } from './campaigns/create.request.js';
import { request as listCampaigns } from './campaigns/list.request.js';
import { request as addCampaignContacts } from './campaigns/add-contacts.request.js';
import { request as listCampaignContacts } from './campaigns/list-contacts.request.js';
import { request as updateCampaign } from './campaigns/update.request.js';
import { request as addDnc } from './dnc/add.request.js';
import { request as deleteDnc } from './dnc/delete.request.js';
import { request as listDnc } from './dnc/list.request.js';
import { request as updateTeamSettings } from './teams/update-settings.request.js';
import { request as bulkConnectorAction } from './connectors/actions.request.js';
import { request as getConnectorCapacity } from './connectors/capacity.request.js';
import { request as createConnector } from './connectors/create.request.js';
import { request as listConnectorHistory } from './connectors/history.request.js';
import { request as listConnectors } from './connectors/list.request.js';
import { request as getConnectorMetrics } from './connectors/metrics.request.js';
import { request as redeployConnector } from './connectors/redeploy.request.js';
import { request as updateConnector } from './connectors/update.request.js';
import { request as getContactBotStatus } from './contacts/get-status.request.js';
import { request as listContacts } from './contacts/list.request.js';
import { request as postContactMessage } from './contacts/post-message.request.js';
import { request as putContactBotStatus } from './contacts/put-status.request.js';
import { request as createMember } from './members/create.request.js';
import { request as listMembers } from './members/list.request.js';
import { request as updateMember } from './members/update.request.js';
import { request as createPhoneNumber } from './phone-numbers/create.request.js';
import { request as deletePhoneNumber } from './phone-numbers/delete.request.js';
import { request as listPhoneNumbers } from './phone-numbers/list.request.js';
import { request as preflightWidgetSession } from './widget/preflight-session.request.js';
import { request as updateWidget } from './widget/update.request.js';
import type { Operation } from './routes.js';

/**
 * The request schemas of every route that takes input, by operation: what `/openapi.json` documents. Each entry is
 * the very object the route's handler passes to `api()` (a test compares them), from a module of its own holding
 * only zod schemas: a route function bundles its own request schemas and nobody else's; only `public/openapi`
 * imports this index.
 */
export const REQUESTS: Partial<Record<Operation, RequestSchemas>> = {
  createApiKey,
  listApiKeys,
  createAuditExport,
  listAuditLogs,
  createBot,
  listBots,
  updateBot,
  dialout,
  reportCallEvent,
  listBotCalls,
  createCampaign,
  listCampaigns,
  updateCampaign,
  addCampaignContacts,
  listCampaignContacts,
  listDnc,
  addDnc,
  deleteDnc,
  updateTeamSettings,
  bulkConnectorAction,
  getConnectorCapacity,
  createConnector,
  listConnectorHistory,
  listConnectors,
  getConnectorMetrics,
  redeployConnector,
  updateConnector,
  getContactBotStatus,
  listContacts,
  postContactMessage,
  putContactBotStatus,
  createMember,
  listMembers,
  updateMember,
  createPhoneNumber,
  deletePhoneNumber,
  listPhoneNumbers,
  preflightWidgetSession,
  updateWidget,
};
