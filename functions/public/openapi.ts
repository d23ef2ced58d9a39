import { api } from '../../shared/http/handler.js';
import { buildOpenApiDocument } from '../../shared/openapi/document.js';
import { ROUTES } from '../routes.js';

let document: unknown;

export const handler = api(ROUTES[1], {}, async () => {
  document ??= buildOpenApiDocument(ROUTES);
  return { statusCode: 200, body: document, headers: { 'Cache-Control': 'public, max-age=300' } };
});
