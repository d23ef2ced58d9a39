import middy, { type MiddlewareObj } from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2WithLambdaAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { roleAtLeast } from '../auth/roles.js';
import { logger } from '../logger.js';
import { contentEtag } from './etag.js';
import { Forbidden, NotFound } from '../domain/errors.js';
import { HttpProblem, toProblem } from './problem.js';
import type { PathParams, RouteDef } from './route.js';
import { parseOr400 } from './validate.js';

/** Authorizer context as API Gateway hands it over: a principal, or nothing for an unusable key. */
export type AuthorizerContext = Partial<Principal>;
export type ApiEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<AuthorizerContext> & { idempotencyScope?: string };

/**
 * The schemas a route validates its request with, declared in the route's own `<handler>.request.ts` module (light:
 * zod schemas only) so that `/openapi.json` documents exactly what the handler accepts without bundling it.
 * Each failure answers 400 naming every offending path.
 */
export type RequestSchemas = {
  /** The JSON body (then required: no body or another media type is refused). */
  body?: z.ZodType;
  /** The query string, values as sent (strings: coerce numbers). A `.strict()` schema refuses unknown parameters. */
  query?: z.ZodType;
  /** Path parameters with a format of their own (a contact id, an E.164 number); the others are plain strings. */
  params?: z.ZodType;
  /** Adds fields to the body's validation errors (the bot wizard's `step` and `firstInvalidStep`). */
  decorateErrors?: Parameters<typeof parseOr400>[2];
};

/** `Idempotency-Key` support for a row: `idempotent()` of `./idempotency.js`, given the row by `api()`. */
export type IdempotencyMiddleware = (row: RouteDef) => MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2>[];

/**
 * What `api()` takes besides the row: its request schemas, and `idempotency` exactly when the row says
 * `idempotency: true` (kept out of this module so that routes without it do not bundle Powertools idempotency).
 */
export type ApiOptions<R extends RouteDef> = RequestSchemas &
  (R extends { idempotency: true } ? { idempotency: IdempotencyMiddleware } : { idempotency?: undefined });

type Parsed<S, K extends keyof RequestSchemas, Else> = S extends { [P in K]: infer T extends z.ZodType } ? z.output<T> : Else;

/** What the handler function is given: the event, the caller, and the request as its schemas parsed it. */
export type ApiRequest<R extends RouteDef, S extends RequestSchemas> = {
  event: ApiEvent;
  principal: Principal;
  body: Parsed<S, 'body', undefined>;
  query: Parsed<S, 'query', undefined>;
  params: PathParams<R['path']> & Parsed<S, 'params', unknown>;
  headers: Record<string, string | undefined>;
};

/**
 * What a handler returns: a JSON-serialisable body and extra headers; the status is the row's. A 204 route
 * returns no body (or nothing at all).
 */
export type ApiResult<R extends RouteDef> = R['status'] extends 204
  ? // biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler may simply end, without a return statement
    { headers?: Record<string, string> } | void
  : { body: unknown; headers?: Record<string, string> };

/** Largest accepted request body (over 256 KiB answers 413). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Wraps a handler function in the middy stack every route shares (model: middy `events/api-gateway-http`,
 * `http-error-handler`): header normalisation -> authentication / team / role checks from the route row ->
 * body size and JSON parsing -> `Idempotency-Key` -> body, query and path parameters validated by `opts` -> the
 * function -> the row's success status. Every error is answered with the problem `toProblem` maps it to (domain
 * errors with their own status); an unexpected one is logged and answered with a bare 500. The returned handler
 * carries its `route` and `request` schemas (the OpenAPI document's tests compare them).
 */
export function api<const R extends RouteDef, S extends ApiOptions<R>>(
  row: R,
  opts: S,
  fn: (req: ApiRequest<R, S>) => Promise<ApiResult<R>>,
) {
  if (Boolean(row.idempotency) !== Boolean(opts.idempotency)) {
    throw new Error(`${row.operation}: the row's idempotency (${Boolean(row.idempotency)}) and the handler's must agree`);
  }
  const stack = middy<ApiEvent, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(httpErrorHandler({ logger: false }))
    .use(problemResponses())
    .use(httpSecurityHeaders())
    .use(httpHeaderNormalizer())
    .use(authenticate(row));
  if (opts.body) stack.use(bodyLimit()).use(httpJsonBodyParser());
  for (const m of (opts.idempotency as IdempotencyMiddleware | undefined)?.(row) ?? []) stack.use(m);
  const handler = stack.handler(async (event) => {
    const body = opts.body ? parseOr400(opts.body, event.body, opts.decorateErrors) : undefined;
    const query = opts.query ? parseOr400(opts.query, event.queryStringParameters ?? {}) : undefined;
    const pathParameters = event.pathParameters ?? {};
    const params = opts.params ? { ...pathParameters, ...(parseOr400(opts.params, pathParameters) as object) } : pathParameters;
    const result = await fn({
      event,
      principal: event.requestContext.authorizer?.lambda as Principal,
      body: body as never,
      query: query as never,
      params: params as never,
      headers: event.headers ?? {},
    });
    return toResponse(row.status, result as { body?: unknown; headers?: Record<string, string> } | undefined);
  });
  const request: RequestSchemas = { body: opts.body, query: opts.query, params: opts.params, decorateErrors: opts.decorateErrors };
  return Object.assign(handler, { route: row, request });
}

/**
 * Serialises a result with the row's status. Single-object bodies without an ETag of their own (versioned objects
 * set one) get a strong ETag from their representation ("single-object responses carry an ETag").
 */
function toResponse(
  statusCode: number,
  result: { body?: unknown; headers?: Record<string, string> } | undefined,
): APIGatewayProxyStructuredResultV2 {
  const body = result?.body;
  const json = body !== undefined ? JSON.stringify(body) : undefined;
  const headers: Record<string, string> = { ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...result?.headers };
  if (json !== undefined && isSingleObject(body) && !Object.keys(headers).some((h) => h.toLowerCase() === 'etag')) {
    headers.ETag = contentEtag(body);
  }
  return { statusCode, headers, ...(json !== undefined ? { body: json } : {}) };
}

const isSingleObject = (body: unknown): body is object =>
  body !== null && typeof body === 'object' && !Array.isArray(body) && !('items' in body);

/** 401 without a principal; 404 for another team's id (no existence leak); 403 below the route's role. */
function authenticate(route: RouteDef): MiddlewareObj<ApiEvent> {
  return {
    before: (request) => {
      if (route.minRole === 'public') return;
      const p = request.event.requestContext.authorizer?.lambda;
      if (!p?.teamId || !p.role || !p.memberId) {
        throw new HttpProblem(
          401,
          'Unauthorized',
          'A valid API key is required: Authorization: Bearer <key>.',
          undefined,
          {},
          {
            'WWW-Authenticate': 'Bearer',
          },
        );
      }
      const teamId = request.event.pathParameters?.teamId;
      if (teamId !== undefined && teamId !== p.teamId) throw new NotFound('Team');
      if (!roleAtLeast(p.role, route.minRole)) throw new Forbidden(`This operation needs the ${route.minRole} role.`);
    },
  };
}

function bodyLimit(): MiddlewareObj<ApiEvent> {
  return {
    before: (request) => {
      const body = request.event.body ?? '';
      const bytes = request.event.isBase64Encoded ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body, 'utf8');
      if (bytes > MAX_BODY_BYTES) {
        throw new HttpProblem(413, 'Payload Too Large', `The body is ${bytes} bytes; the limit is ${MAX_BODY_BYTES}.`);
      }
    },
  };
}

const PROBLEM_HEADERS = { 'Content-Type': 'application/problem+json' };

/** Answers every error with its RFC 9457 problem (`toProblem`). Runs before `httpErrorHandler`, which only sees what is left. */
function problemResponses(): MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2> {
  return {
    onError: (request) => {
      const problem = toProblem(request.error);
      if (problem.statusCode >= 500) logger.error('unhandled error', { error: request.error as Error });
      request.response = {
        statusCode: problem.statusCode,
        headers: { ...PROBLEM_HEADERS, ...problem.headers },
        body: JSON.stringify(problem.toBody()),
      };
    },
  };
}
