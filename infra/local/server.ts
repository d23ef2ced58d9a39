import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { APIGatewayProxyStructuredResultV2, APIGatewayRequestAuthorizerEventV2, Context } from 'aws-lambda';
import type { RouteDef } from '../../shared/http/route.js';
import { routeKey } from '../../shared/http/route.js';
import { authorizerScope, routeScope, runInScope } from './partition-guard.js';

type Handler = (event: unknown, context: Context) => Promise<unknown>;
type AuthorizerResult = { isAuthorized: boolean; context?: Record<string, unknown> };

/** API Gateway HTTP API's own payload limit; the handlers apply the contract's 256 KiB limit themselves. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

/**
 * Serves the route table over HTTP the way API Gateway HTTP API does: each request becomes a payload v2
 * event, the REQUEST authorizer runs first for non-public routes (its context lands in
 * `requestContext.authorizer.lambda`), then the same handler module the stack deploys. Modules are imported
 * once, on first use, like a Lambda cold start. Each runs in its function's access scope (`partition-guard.ts`).
 */
export function createLocalApi(opts: {
  routes: readonly RouteDef[];
  loadHandler: (module: string) => Promise<Handler>;
  onRequest?: (line: string) => void;
  /** Serves what no route matches (the console's files); answers true when it did. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => boolean;
}): Server {
  const compiled = opts.routes
    .map((r) => {
      const names: string[] = [];
      const pattern = r.path.replace(/\{(\w+)\+?\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      const literalSegments = r.path.split('/').filter((s) => s && !s.startsWith('{')).length;
      return { route: r, regex: new RegExp(`^${pattern}$`), names, literalSegments };
    })
    // API Gateway prefers the most specific route: `/connectors/metrics` before `/connectors/{id}`.
    .sort((a, b) => b.literalSegments - a.literalSegments);
  const modules = new Map<string, Promise<Handler>>();
  const load = (m: string) => {
    let p = modules.get(m);
    if (!p) {
      p = opts.loadHandler(m);
      modules.set(m, p);
    }
    return p;
  };

  return createServer((req, res) => {
    void serve(req, res).catch((error: Error) => {
      console.error('local runtime error', error);
      if (!res.headersSent) send(res, { statusCode: 500, body: JSON.stringify({ message: 'Internal Server Error' }) });
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);
    if (body === undefined) return send(res, { statusCode: 413, body: JSON.stringify({ message: 'Request Entity Too Large' }) });

    let match: { route: RouteDef; params: Record<string, string> } | undefined;
    for (const c of compiled) {
      if (c.route.method !== method) continue;
      const m = c.regex.exec(url.pathname);
      if (m) {
        match = { route: c.route, params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
        break;
      }
    }
    if (!match && opts.fallback?.(req, res)) return;
    if (!match) return send(res, { statusCode: 404, body: JSON.stringify({ message: 'Not Found' }) });

    const headers: Record<string, string> = {};
    const cookies: string[] = [];
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      if (k === 'cookie') cookies.push(...String(v).split(/;\s*/));
      else headers[k] = Array.isArray(v) ? v.join(',') : v;
    }
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const now = Date.now();
    const key = routeKey(match.route);
    const requestContext: Record<string, unknown> = {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    };
    const event: Record<string, unknown> = {
      version: '2.0',
      routeKey: key,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      ...(cookies.length ? { cookies } : {}),
      headers,
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
      ...(Object.keys(match.params).length ? { pathParameters: match.params } : {}),
      requestContext,
      ...(body.length ? { body: body.toString('utf8'), isBase64Encoded: false } : { isBase64Encoded: false }),
    };

    if (match.route.minRole !== 'public') {
      const authorizer = (await load('authorizer')) as unknown as (
        e: APIGatewayRequestAuthorizerEventV2,
        c: Context,
      ) => Promise<AuthorizerResult>;
      const authEvent = {
        ...event,
        type: 'REQUEST',
        routeArn: `arn:aws:execute-api:local:000000000000:local/$default/${method}${url.pathname}`,
        identitySource: headers.authorization ? [headers.authorization] : [],
      } as unknown as APIGatewayRequestAuthorizerEventV2;
      const result = await runInScope(authorizerScope(), () => authorizer(authEvent, lambdaContext('authorizer')));
      if (!result.isAuthorized) return send(res, { statusCode: 403, body: JSON.stringify({ message: 'Forbidden' }) });
      requestContext.authorizer = { lambda: result.context ?? {} };
    }

    const handler = await load(match.route.handler);
    const route = match.route;
    const result = (await runInScope(routeScope(route), () =>
      handler(event, lambdaContext(route.operation)),
    )) as APIGatewayProxyStructuredResultV2;
    send(res, result);
    opts.onRequest?.(`${method} ${url.pathname} ${result.statusCode} ${Date.now() - started}ms`);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= GATEWAY_MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > GATEWAY_MAX_BODY ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2) {
  // Lambda results travel as JSON, so API Gateway never sees headers whose value is undefined.
  const headers: Record<string, string | string[]> = Object.fromEntries(
    Object.entries(result.headers ?? {})
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  );
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  if (result.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/json';
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
}

function lambdaContext(name: string): Context {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `botops-local-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:botops-local-${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/botops-local-${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
