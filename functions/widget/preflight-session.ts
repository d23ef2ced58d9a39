import { preflightAllows } from '../../shared/domain/widget/sessions.js';
import { corsHeaders, preflightHeaders } from '../../shared/http/cors.js';
import { api } from '../../shared/http/handler.js';
import { HttpProblem } from '../../shared/http/problem.js';
import { route } from '../routes.js';
import { request } from './preflight-session.request.js';

/** The request headers the widget sends; what a preflight allows. Browsers cache a preflight for `maxAgeSeconds`. */
const PREFLIGHT = { methods: ['POST'], headers: ['X-Widget-Key', 'Content-Type'], maxAgeSeconds: 600 };

/**
 * The CORS answer to a session preflight: the allowed methods and headers for an origin the bot allows; otherwise
 * a `403` without CORS headers, so the browser never sends the POST.
 */
export async function preflightWidgetSession(botId: string | undefined, origin: string | undefined): Promise<Record<string, string>> {
  if (!origin || !(await preflightAllows(botId, origin))) {
    throw new HttpProblem(
      403,
      'Forbidden',
      'This origin may not open sessions for this widget (or ?botId= names no bot).',
      undefined,
      {},
      corsHeaders(origin, false),
    );
  }
  return preflightHeaders(origin, PREFLIGHT.methods, PREFLIGHT.headers, PREFLIGHT.maxAgeSeconds);
}

/** CORS preflight of `POST /widget/v1/sessions`: `204` with the allowed origin, or `403` without CORS headers. */
export const handler = api(route('preflightWidgetSession'), request, async ({ headers, query }) => ({
  headers: await preflightWidgetSession(query.botId, headers.origin),
}));
