import type { RouteDef } from '../../shared/http/route.js';

/** Public: liveness and the OpenAPI document. */
export const PUBLIC_ROUTES = [
  {
    method: 'GET',
    path: '/health',
    operation: 'health',
    minRole: 'public',
    handler: 'public/health',
    status: 200,
    summary: 'Liveness check',
    tag: 'public',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operation: 'openapi',
    minRole: 'public',
    handler: 'public/openapi',
    status: 200,
    summary: 'This API as OpenAPI 3.1',
    tag: 'public',
  },
] as const satisfies readonly RouteDef[];
