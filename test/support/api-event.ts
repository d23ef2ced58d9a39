import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Principal } from '../../shared/auth/principal.js';

/**
 * An API Gateway HTTP API (payload 2.0) event as the authorizer hands it to a route function: `principal` in
 * `requestContext.authorizer.lambda`, headers lower-cased, a JSON `body` serialised. For calling handlers in-process.
 */
export function apiEvent(opts: {
  method: string;
  path: string;
  pathParameters?: Record<string, string>;
  principal?: Principal;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}) {
  const headers = {
    ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...Object.fromEntries(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  return {
    version: '2.0',
    routeKey: `${opts.method} ${opts.path}`,
    rawPath: opts.path,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers,
    ...(opts.query ? { queryStringParameters: opts.query } : {}),
    ...(opts.pathParameters ? { pathParameters: opts.pathParameters } : {}),
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    isBase64Encoded: false,
    requestContext: {
      http: { method: opts.method, path: opts.path },
      domainName: 'api.example.test',
      ...(opts.principal ? { authorizer: { lambda: opts.principal } } : {}),
    },
  };
}

export const lambdaContext = { getRemainingTimeInMillis: () => 10_000, functionName: 'test' };

/** What a route function answered, with a JSON body parsed (any other body as its text). */
export type Answer = { statusCode: number; headers: Record<string, string>; json: any };

export async function invoke(
  handler: (event: never, context: never) => Promise<unknown>,
  event: ReturnType<typeof apiEvent>,
): Promise<Answer> {
  const res = (await handler(event as never, lambdaContext as never)) as APIGatewayProxyStructuredResultV2;
  const headers = (res.headers ?? {}) as Record<string, string>;
  const json = Object.entries(headers).some(([k, v]) => k.toLowerCase() === 'content-type' && v.includes('json'));
  return { statusCode: res.statusCode ?? 200, headers, json: res.body && json ? JSON.parse(res.body) : res.body };
}
