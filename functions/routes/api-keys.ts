import type { RouteDef } from '../../shared/http/route.js';

/** API keys: listed without their secret, created once with it, revoked. */
export const API_KEY_ROUTES = [
  {
    method: 'GET',
    path: '/api/teams/{teamId}/api-keys',
    operation: 'listApiKeys',
    minRole: 'admin',
    handler: 'api-keys/list',
    status: 200,
    summary: 'List API keys (never the secret)',
    tag: 'team',
  },
  {
    method: 'POST',
    path: '/api/teams/{teamId}/api-keys',
    operation: 'createApiKey',
    minRole: 'admin',
    handler: 'api-keys/create',
    status: 201,
    idempotency: true,
    summary: 'Create an API key, shown once',
    tag: 'team',
  },
  {
    method: 'DELETE',
    path: '/api/teams/{teamId}/api-keys/{keyId}',
    operation: 'deleteApiKey',
    minRole: 'admin',
    handler: 'api-keys/delete',
    status: 204,
    summary: 'Revoke an API key',
    tag: 'team',
  },
] as const satisfies readonly RouteDef[];
