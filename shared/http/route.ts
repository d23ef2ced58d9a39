import type { Role } from '../auth/roles.js';

/**
 * One row of the route table (`functions/routes.ts`): the CDK stack, the local runtime and the OpenAPI
 * document all loop over these rows. `minRole: 'public'` routes skip the authorizer. `OPTIONS` is for routes
 * that answer their own CORS preflight (API Gateway's CORS is not configured, so it forwards OPTIONS).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
export type RouteDef = {
  method: HttpMethod;
  /** API Gateway path template, e.g. `/api/teams/{teamId}/bots/{botId}`. */
  path: string;
  /** Unique operation id, also the OpenAPI operationId. */
  operation: string;
  minRole: Role | 'public';
  /** Handler module under `functions/`, without extension, exporting `handler`. */
  handler: string;
  summary: string;
  tag: string;
};

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method} ${r.path}`;
