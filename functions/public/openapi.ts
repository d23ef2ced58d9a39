import { api } from '../../shared/http/handler.js';
import { buildOpenApiDocument } from '../../shared/openapi/document.js';
import { REQUESTS } from '../requests.js';
import { ROUTES, route } from '../routes.js';

let document: unknown;

/** This API as OpenAPI 3.1, built once per instance from the route table and the routes' own request schemas. */
export const handler = api(route('openapi'), {}, async () => {
  document ??= buildOpenApiDocument(ROUTES, REQUESTS);
  return { body: document, headers: { 'Cache-Control': 'public, max-age=300' } };
});
