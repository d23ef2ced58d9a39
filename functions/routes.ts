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
