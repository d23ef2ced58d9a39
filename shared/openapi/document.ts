import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { WIZARD_STEPS } from '../domain/bots/schema.js';
import type { RequestSchemas } from '../http/handler.js';
import type { RouteDef } from '../http/route.js';
import { RESPONSES } from './responses.js';

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), step: z.enum(WIZARD_STEPS).optional() })).optional(),
  firstInvalidStep: z.enum(WIZARD_STEPS).nullable().optional(),
});

/** The documented success of a route: the row's status (201 for creates, ...), body schema and headers. */
function successResponse(r: RouteDef) {
  const doc = RESPONSES[r.operation];
  if (!doc) throw new Error(`no response schema for operation ${r.operation} (shared/openapi/responses.ts)`);
  return {
    [r.status]: {
      description: r.summary,
      ...(doc.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(doc.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' as const } }]),
            ),
          }
        : {}),
      ...(doc.body ? { content: { [doc.contentType ?? 'application/json']: { schema: doc.body } } } : {}),
    },
  };
}

/** A route's path parameters: every one a string, those with a format of their own as `params` declares them. */
function pathParams(r: RouteDef, params: z.ZodType | undefined) {
  const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  if (!names.length) return undefined;
  const declared = params instanceof z.ZodObject ? (params.shape as Record<string, z.ZodType>) : {};
  return z.object(Object.fromEntries(names.map((p) => [p, declared[p] ?? z.string()])));
}

/**
 * The OpenAPI 3.1 document of every route in `routes` (zod-to-openapi): each success with the row's status and
 * the schema of `responses.ts`, each request with the schemas its handler validates with (`requests`, by
 * operation: the routes' own request modules). Errors are RFC 9457 problem details.
 */
export function buildOpenApiDocument(routes: readonly RouteDef[], requests: Partial<Record<string, RequestSchemas>>) {
  const registry = new OpenAPIRegistry();
  // Schemas are inlined rather than `register`ed: registering needs `.openapi()` on each schema, which zod 4
  // only adds to schemas built after `extendZodWithOpenApi`, and the handlers build theirs without it.
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'bo_<keyId>_<secret>',
  });
  const problem = { 'application/problem+json': { schema: Problem } };
  for (const r of routes) {
    const req = requests[r.operation] ?? {};
    const params = pathParams(r, req.params);
    registry.registerPath({
      method: r.method.toLowerCase() as 'get',
      path: r.path,
      operationId: r.operation,
      summary: r.summary,
      tags: [r.tag],
      ...(r.minRole === 'public' ? {} : { security: [{ [bearer.name]: [] }], description: `Minimum role: ${r.minRole}.` }),
      request: {
        ...(params ? { params } : {}),
        ...(req.query ? { query: req.query as z.ZodObject } : {}),
        ...(req.body ? { body: { content: { 'application/json': { schema: req.body } } } } : {}),
      },
      responses: {
        ...successResponse(r),
        ...(r.minRole === 'public'
          ? {}
          : {
              401: { description: 'Missing or invalid API key', content: problem },
              403: { description: 'Role too low', content: problem },
              404: { description: "Not found (or another team's id)", content: problem },
            }),
        ...(req.body || req.query || req.params ? { 400: { description: 'Malformed JSON or invalid fields', content: problem } } : {}),
        ...(req.body ? { 413: { description: 'Body over 256 KiB', content: problem } } : {}),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'botops API',
      version: '0.1.0',
      description: 'Control plane for conversational and voice bots. DocsBot Admin API compatible bot routes.',
    },
  });
}
