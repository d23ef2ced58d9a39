import { preflightWidgetSession } from '../../shared/domain/widget/sessions.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** CORS preflight of `POST /widget/v1/sessions`: `204` with the allowed origin, or `403` without CORS headers. */
export const handler = api(route('preflightWidgetSession'), {}, async ({ headers, query }) => ({
  statusCode: 204,
  headers: await preflightWidgetSession(query.botId, headers.origin),
}));
