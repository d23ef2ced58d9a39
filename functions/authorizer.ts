import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import type { AuthorizerContext } from '../shared/http/handler.js';
import { resolvePrincipal } from '../shared/auth/authorize.js';

/**
 * HTTP API REQUEST authorizer (simple responses, no result caching so a revoked key fails at once).
 * API Gateway can only answer a denial with a bare 403, but the contract wants 401 problem+json for a bad key
 * and 404/403 for team and role; so every request is passed on, with the resolved principal or an empty
 * context, and the handlers' shared middleware (deny by default) answers. One GetItem per request.
 */
export const handler = async (
  event: APIGatewayRequestAuthorizerEventV2,
): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>> => {
  const authorization = event.headers?.authorization ?? event.headers?.Authorization;
  const principal = await resolvePrincipal(authorization);
  return { isAuthorized: true, context: principal ?? {} };
};
