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
import type { RouteDef } from './route.js';
import { parseOr400 } from './validate.js';

/** Authorizer context as API Gateway hands it over: a principal, or nothing for an unusable key. */
export type AuthorizerContext = Partial<Principal>;
export type ApiEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<AuthorizerContext> & { idempotencyScope?: string };

export type ApiRequest<B> = {
  event: ApiEvent;
  principal: Principal;
  body: B;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
};

/** What a handler returns: status, a JSON-serialisable body, extra headers. */
export type ApiResult = { statusCode: number; body?: unknown; headers?: Record<string, string> };

export type ApiOptions<S extends z.ZodType | undefined> = {
  /** Request body schema; when set the body must be JSON and is validated into `req.body`. */
  body?: S;
  /** Adds `step` / `firstInvalidStep` style fields to validation errors. */
  decorateErrors?: Parameters<typeof parseOr400>[2];
  /**
   * `Idempotency-Key` support: pass `idempotent(route)` from `./idempotency.js`. Kept out of this module so
   * routes without it do not bundle Powertools idempotency.
   */
  idempotency?: MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2>[];
};

/** Largest accepted request body (spec: over 256 KiB answers 413). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Wraps a handler function in the middy stack every route shares (model: middy `events/api-gateway-http`,
 * `http-error-handler`): header normalisation -> authentication / team / role checks from the route row ->
 * body size and JSON parsing -> `Idempotency-Key` -> the function. Every error is answered with the problem
 * `toProblem` maps it to (domain errors with their own status); an unexpected one is logged and answered with a bare 500.
 */
export function api<S extends z.ZodType | undefined = undefined>(
  route: RouteDef,
  opts: ApiOptions<S>,
  fn: (req: ApiRequest<S extends z.ZodType ? z.infer<S> : undefined>) => Promise<ApiResult>,
) {
  const stack = middy<ApiEvent, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(httpErrorHandler({ logger: false }))
    .use(problemResponses())
    .use(httpSecurityHeaders())
    .use(httpHeaderNormalizer())
    .use(authenticate(route));
  if (opts.body) stack.use(bodyLimit()).use(httpJsonBodyParser());
  for (const m of opts.idempotency ?? []) stack.use(m);
  return stack.handler(async (event) => {
    const body = opts.body ? parseOr400(opts.body, event.body, opts.decorateErrors) : undefined;
    const result = await fn({
      event,
      principal: event.requestContext.authorizer?.lambda as Principal,
      body: body as never,
      params: (event.pathParameters ?? {}) as Record<string, string>,
      query: event.queryStringParameters ?? {},
      headers: event.headers ?? {},
    });
    return toResponse(result);
  });
}

/**
 * Serialises a result. Single-object 2xx bodies without an ETag of their own (versioned objects set one)
 * get a strong ETag from their representation (spec: "single-object responses carry an ETag").
 */
function toResponse(result: ApiResult): APIGatewayProxyStructuredResultV2 {
  const hasBody = result.body !== undefined;
  const json = hasBody ? JSON.stringify(result.body) : undefined;
  const headers: Record<string, string> = { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...result.headers };
  if (json !== undefined && isSingleObject(result) && !Object.keys(headers).some((h) => h.toLowerCase() === 'etag')) {
    headers.ETag = contentEtag(result.body);
  }
  return { statusCode: result.statusCode, headers, ...(json !== undefined ? { body: json } : {}) };
}

const isSingleObject = (r: ApiResult) =>
  r.statusCode >= 200 &&
  r.statusCode < 300 &&
  r.body !== null &&
  typeof r.body === 'object' &&
  !Array.isArray(r.body) &&
  !('items' in r.body);

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
