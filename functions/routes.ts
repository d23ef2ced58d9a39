import type { RouteDef } from '../shared/http/route.js';

/**
 * The route table: the CDK stack creates one Lambda per row and an API Gateway route to it, the local runtime
 * serves the same rows with the same modules, and `/openapi.json` documents them. Adding a route is one row
 * here plus one handler file under `functions/`. `minRole` is enforced by the shared middleware (deny by default).
 */
export const ROUTES = [
  { method: 'GET', path: '/health', operation: 'health', minRole: 'public', handler: 'public/health', summary: 'Liveness check', tag: 'public' },
  { method: 'GET', path: '/openapi.json', operation: 'openapi', minRole: 'public', handler: 'public/openapi', summary: 'This API as OpenAPI 3.1', tag: 'public' },

  { method: 'GET', path: '/api/teams/{teamId}', operation: 'getTeam', minRole: 'member', handler: 'teams/get', summary: 'Get the team', tag: 'team' },
  { method: 'GET', path: '/api/teams/{teamId}/members', operation: 'listMembers', minRole: 'member', handler: 'members/list', summary: 'List members', tag: 'team' },
  { method: 'POST', path: '/api/teams/{teamId}/members', operation: 'createMember', minRole: 'admin', handler: 'members/create', summary: 'Add a member', tag: 'team' },
  { method: 'PATCH', path: '/api/teams/{teamId}/members/{memberId}', operation: 'updateMember', minRole: 'admin', handler: 'members/update', summary: "Change a member's role", tag: 'team' },
  { method: 'DELETE', path: '/api/teams/{teamId}/members/{memberId}', operation: 'deleteMember', minRole: 'admin', handler: 'members/delete', summary: 'Remove a member and revoke their keys', tag: 'team' },
  { method: 'GET', path: '/api/teams/{teamId}/api-keys', operation: 'listApiKeys', minRole: 'admin', handler: 'api-keys/list', summary: 'List API keys (never the secret)', tag: 'team' },
  { method: 'POST', path: '/api/teams/{teamId}/api-keys', operation: 'createApiKey', minRole: 'admin', handler: 'api-keys/create', summary: 'Create an API key, shown once', tag: 'team' },
  { method: 'DELETE', path: '/api/teams/{teamId}/api-keys/{keyId}', operation: 'deleteApiKey', minRole: 'admin', handler: 'api-keys/delete', summary: 'Revoke an API key', tag: 'team' },

  { method: 'GET', path: '/api/teams/{teamId}/bots', operation: 'listBots', minRole: 'member', handler: 'bots/list', summary: 'List bots (JSON array, X-Next-Cursor)', tag: 'bots' },
  { method: 'POST', path: '/api/teams/{teamId}/bots', operation: 'createBot', minRole: 'member', handler: 'bots/create', summary: 'Create a bot', tag: 'bots' },
  { method: 'GET', path: '/api/teams/{teamId}/bots/{botId}', operation: 'getBot', minRole: 'member', handler: 'bots/get', summary: 'Get a bot', tag: 'bots' },
  { method: 'PUT', path: '/api/teams/{teamId}/bots/{botId}', operation: 'updateBot', minRole: 'member', handler: 'bots/update', summary: 'Update a bot (absent fields unchanged)', tag: 'bots' },
  { method: 'DELETE', path: '/api/teams/{teamId}/bots/{botId}', operation: 'deleteBot', minRole: 'admin', handler: 'bots/delete', summary: 'Delete a bot', tag: 'bots' },

  { method: 'GET', path: '/api/teams/{teamId}/audit-logs', operation: 'listAuditLogs', minRole: 'admin', handler: 'audit/list', summary: 'List audit events, newest first', tag: 'audit' },

  // Web widget (issue 8): settings and key per bot; the public script and sessions authenticate with the widget key.
  { method: 'GET', path: '/api/teams/{teamId}/bots/{botId}/widget', operation: 'getWidget', minRole: 'member', handler: 'widget/get', summary: 'Widget settings, masked key and embed code', tag: 'widget' },
  { method: 'PUT', path: '/api/teams/{teamId}/bots/{botId}/widget', operation: 'updateWidget', minRole: 'admin', handler: 'widget/update', summary: 'Enable the widget, set its allowed domains', tag: 'widget' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/widget/key/reveal', operation: 'revealWidgetKey', minRole: 'admin', handler: 'widget/reveal-key', summary: 'Show the widget key and embed code in clear (audited)', tag: 'widget' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/widget/key/regenerate', operation: 'regenerateWidgetKey', minRole: 'admin', handler: 'widget/regenerate-key', summary: 'Replace the widget key; the old one stops working at once (audited)', tag: 'widget' },
  { method: 'GET', path: '/widget/v1/widget.js', operation: 'widgetScript', minRole: 'public', handler: 'widget/script', summary: 'The embeddable widget script', tag: 'widget' },
  { method: 'POST', path: '/widget/v1/sessions', operation: 'createWidgetSession', minRole: 'public', handler: 'widget/create-session', summary: 'Open a widget session (X-Widget-Key, browser Origin)', tag: 'widget' },
  { method: 'OPTIONS', path: '/widget/v1/sessions', operation: 'preflightWidgetSession', minRole: 'public', handler: 'widget/preflight-session', summary: 'CORS preflight of a widget session (?botId=)', tag: 'widget' },
  // Integration tab, dialout, calls and the post-call push signing secret (issue 5)
  { method: 'GET', path: '/api/teams/{teamId}/bots/{botId}/integration', operation: 'getBotIntegration', minRole: 'member', handler: 'integration/get', summary: 'Integration reference: variables, dialout endpoint, snippets', tag: 'integration' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/dialout', operation: 'dialout', minRole: 'member', handler: 'calls/dialout', summary: 'Queue an outbound call (202)', tag: 'integration' },
  { method: 'GET', path: '/api/teams/{teamId}/bots/{botId}/calls', operation: 'listBotCalls', minRole: 'member', handler: 'calls/list', summary: "List a bot's calls, newest first", tag: 'integration' },
  { method: 'GET', path: '/api/teams/{teamId}/calls/{callId}', operation: 'getCall', minRole: 'member', handler: 'calls/get', summary: 'Get a call', tag: 'integration' },
  { method: 'POST', path: '/api/teams/{teamId}/calls/{callId}/events', operation: 'reportCallEvent', minRole: 'member', handler: 'calls/events', summary: 'Report call progress or outcome (telephony side)', tag: 'integration' },
  { method: 'POST', path: '/api/teams/{teamId}/webhook-secret/rotate', operation: 'rotateWebhookSecret', minRole: 'admin', handler: 'webhooks/rotate-secret', summary: 'Rotate the post-call push signing secret', tag: 'integration' },
  // Connectors (issue 6, seed 002). `/connectors/metrics` and `/connectors/actions` are literal segments, which
  // both API Gateway and the local server prefer over `/connectors/{connectorId}`.
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/connectors', operation: 'createConnector', minRole: 'admin', handler: 'connectors/create', summary: 'Create an agent connector for a bot (stopped)', tag: 'connectors' },
  { method: 'GET', path: '/api/teams/{teamId}/bots/{botId}/connectors/capacity', operation: 'getConnectorCapacity', minRole: 'member', handler: 'connectors/capacity', summary: 'Failover and capacity advice for a bot in one environment', tag: 'connectors' },
  { method: 'GET', path: '/api/teams/{teamId}/connectors', operation: 'listConnectors', minRole: 'member', handler: 'connectors/list', summary: 'List connectors (environment, botId, status filters)', tag: 'connectors' },
  { method: 'GET', path: '/api/teams/{teamId}/connectors/metrics', operation: 'getConnectorMetrics', minRole: 'member', handler: 'connectors/metrics', summary: 'Connectors per status in one environment', tag: 'connectors' },
  { method: 'POST', path: '/api/teams/{teamId}/connectors/actions', operation: 'bulkConnectorAction', minRole: 'admin', handler: 'connectors/actions', summary: 'Start, stop or restart up to 100 connectors, one result each', tag: 'connectors' },
  { method: 'GET', path: '/api/teams/{teamId}/connectors/{connectorId}', operation: 'getConnector', minRole: 'member', handler: 'connectors/get', summary: 'Get a connector', tag: 'connectors' },
  { method: 'PUT', path: '/api/teams/{teamId}/connectors/{connectorId}', operation: 'updateConnector', minRole: 'admin', handler: 'connectors/update', summary: 'Edit a stopped connector', tag: 'connectors' },
  { method: 'DELETE', path: '/api/teams/{teamId}/connectors/{connectorId}', operation: 'deleteConnector', minRole: 'admin', handler: 'connectors/delete', summary: 'Delete a stopped connector', tag: 'connectors' },
  { method: 'POST', path: '/api/teams/{teamId}/connectors/{connectorId}/start', operation: 'startConnector', minRole: 'admin', handler: 'connectors/start', summary: 'Start a connector (starting, then online when a health check passes)', tag: 'connectors' },
  { method: 'POST', path: '/api/teams/{teamId}/connectors/{connectorId}/stop', operation: 'stopConnector', minRole: 'admin', handler: 'connectors/stop', summary: 'Stop a connector', tag: 'connectors' },
  { method: 'POST', path: '/api/teams/{teamId}/connectors/{connectorId}/restart', operation: 'restartConnector', minRole: 'admin', handler: 'connectors/restart', summary: 'Restart a connector (starting)', tag: 'connectors' },
  { method: 'POST', path: '/api/teams/{teamId}/connectors/{connectorId}/redeploy', operation: 'redeployConnector', minRole: 'admin', handler: 'connectors/redeploy', summary: 'Move a stopped connector to another environment', tag: 'connectors' },
  { method: 'GET', path: '/api/teams/{teamId}/connectors/{connectorId}/history', operation: 'listConnectorHistory', minRole: 'member', handler: 'connectors/history', summary: 'Status changes made by the health check, newest first', tag: 'connectors' },
  // --- issue 3: bot lifecycle, post-call cache, campaigns, phone numbers ---------------------------------------
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/clone', operation: 'cloneBot', minRole: 'member', handler: 'bots/clone', summary: 'Clone a bot: same settings, "<name> (copy)", no calls, contacts, campaigns or numbers', tag: 'bots' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/pause', operation: 'pauseBot', minRole: 'admin', handler: 'bots/pause', summary: 'Pause a bot (active: false): it answers nobody', tag: 'bots' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/resume', operation: 'resumeBot', minRole: 'admin', handler: 'bots/resume', summary: 'Resume a paused bot (active: true)', tag: 'bots' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/reset', operation: 'resetBot', minRole: 'admin', handler: 'bots/reset', summary: "Reset a bot's data (contacts, messages, calls, connector history); configuration kept", tag: 'bots' },
  { method: 'GET', path: '/api/teams/{teamId}/bots/{botId}/post-call-cache', operation: 'getPostCallCache', minRole: 'member', handler: 'post-call-cache/get', summary: 'Post-call cache status', tag: 'bots' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/post-call-cache/enable', operation: 'enablePostCallCache', minRole: 'admin', handler: 'post-call-cache/enable', summary: 'Turn post-call caching on', tag: 'bots' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/post-call-cache/disable', operation: 'disablePostCallCache', minRole: 'admin', handler: 'post-call-cache/disable', summary: 'Turn post-call caching off', tag: 'bots' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/post-call-cache/refresh', operation: 'refreshPostCallCache', minRole: 'admin', handler: 'post-call-cache/refresh', summary: 'Rebuild the post-call cache (version + 1); 409 without analysis or QC prompt', tag: 'bots' },
  { method: 'GET', path: '/api/teams/{teamId}/campaigns', operation: 'listCampaigns', minRole: 'member', handler: 'campaigns/list', summary: 'List campaigns', tag: 'campaigns' },
  { method: 'POST', path: '/api/teams/{teamId}/campaigns', operation: 'createCampaign', minRole: 'member', handler: 'campaigns/create', summary: 'Create a campaign (stopped)', tag: 'campaigns' },
  { method: 'GET', path: '/api/teams/{teamId}/campaigns/{campaignId}', operation: 'getCampaign', minRole: 'member', handler: 'campaigns/get', summary: 'Get a campaign', tag: 'campaigns' },
  { method: 'DELETE', path: '/api/teams/{teamId}/campaigns/{campaignId}', operation: 'deleteCampaign', minRole: 'member', handler: 'campaigns/delete', summary: 'Delete a stopped campaign', tag: 'campaigns' },
  { method: 'POST', path: '/api/teams/{teamId}/campaigns/{campaignId}/start', operation: 'startCampaign', minRole: 'member', handler: 'campaigns/start', summary: 'Start a campaign: locks its bot', tag: 'campaigns' },
  { method: 'POST', path: '/api/teams/{teamId}/campaigns/{campaignId}/stop', operation: 'stopCampaign', minRole: 'member', handler: 'campaigns/stop', summary: 'Stop a campaign: releases its lock on the bot', tag: 'campaigns' },
  { method: 'GET', path: '/api/teams/{teamId}/phone-numbers', operation: 'listPhoneNumbers', minRole: 'member', handler: 'phone-numbers/list', summary: 'List phone numbers (DID -> bot)', tag: 'phone-numbers' },
  { method: 'POST', path: '/api/teams/{teamId}/phone-numbers', operation: 'createPhoneNumber', minRole: 'member', handler: 'phone-numbers/create', summary: 'Map a phone number (E.164) to a bot', tag: 'phone-numbers' },
  { method: 'DELETE', path: '/api/teams/{teamId}/phone-numbers/{number}', operation: 'deletePhoneNumber', minRole: 'member', handler: 'phone-numbers/delete', summary: 'Release a phone number', tag: 'phone-numbers' },
  // --- end issue 3 ---------------------------------------------------------------------------------------------
  // Contact bot status (issue 4, seed 001)
  { method: 'GET', path: '/api/teams/{teamId}/bots/{botId}/contacts', operation: 'listContacts', minRole: 'member', handler: 'contacts/list', summary: 'List contact bot statuses (?status=active|inactive)', tag: 'contacts' },
  { method: 'GET', path: '/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/bot-status', operation: 'getContactBotStatus', minRole: 'member', handler: 'contacts/get-status', summary: "Get the bot's status for a contact", tag: 'contacts' },
  { method: 'PUT', path: '/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/bot-status', operation: 'putContactBotStatus', minRole: 'member', handler: 'contacts/put-status', summary: 'Switch the bot on or off for a contact, optionally until a time', tag: 'contacts' },
  { method: 'POST', path: '/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/messages', operation: 'postContactMessage', minRole: 'member', handler: 'contacts/post-message', summary: 'Record a message; apply the per-contact bot rules', tag: 'contacts' },
  // Audit log CSV export (issue 7)
  { method: 'POST', path: '/api/teams/{teamId}/audit-logs/exports', operation: 'createAuditExport', minRole: 'admin', handler: 'audit/create-export', summary: 'Export the filtered audit log as CSV (202, runs in the background)', tag: 'audit' },
  { method: 'GET', path: '/api/teams/{teamId}/audit-logs/exports/{exportId}', operation: 'getAuditExport', minRole: 'admin', handler: 'audit/get-export', summary: 'Export status, progress and download link', tag: 'audit' },
] as const satisfies readonly RouteDef[];

export type Operation = (typeof ROUTES)[number]['operation'];

/** The row of `operation`; handlers pass it to `api()` so their role and idempotency scope come from here. */
export function route(operation: Operation): RouteDef {
  const row = ROUTES.find((r) => r.operation === operation);
  if (!row) throw new Error(`no route for operation ${operation}`);
  return row;
}
