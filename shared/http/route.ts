import type { Role } from '../auth/roles.js';

/**
 * One row of the route table (`functions/routes.ts`): the CDK stack, the local runtime and the OpenAPI
 * document all loop over these rows. `minRole: 'public'` routes skip the authorizer. `OPTIONS` is for routes
 * that answer their own CORS preflight (API Gateway's CORS is not configured, so it forwards OPTIONS).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * The status of a route's success (RFC 9110 §15.3): 200 with the result, 201 when it created the object it
 * answers (`Location` names it when it has a URL of its own), 202 when it accepted work that goes on after the
 * answer, 204 when it answers no body.
 */
export type SuccessStatus = 200 | 201 | 202 | 204;

export type RouteDef = {
  method: HttpMethod;
  /** API Gateway path template, e.g. `/api/teams/{teamId}/bots/{botId}`. */
  path: string;
  /** Unique operation id, also the OpenAPI operationId. */
  operation: string;
  minRole: Role | 'public';
  /** Handler module under `functions/`, without extension, exporting `handler`. */
  handler: string;
  /** What the route answers when it succeeds; the handler's answer and the OpenAPI document both take it from here. */
  status: SuccessStatus;
  /**
   * `Idempotency-Key` accepted: a retry with the same key and body replays the first answer.
   * The handler then passes `idempotent()` (its type requires it), so only these routes bundle the idempotency store.
   */
  idempotency?: true;
  summary: string;
  tag: string;
};

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** The names of the `{parameters}` of a path template, as a union of string literals. */
export type PathParamName<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamName<Rest> : never;

/** The path parameters of a path template: every one present, as API Gateway hands them over. */
export type PathParams<P extends string> = { [K in PathParamName<P>]: string };
