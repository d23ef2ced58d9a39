import { findWidgetVisit, openWidgetSession, type WidgetSession } from '../../shared/domain/widget/sessions.js';
import { corsHeaders } from '../../shared/http/cors.js';
import { api } from '../../shared/http/handler.js';
import { withHeaders } from '../../shared/http/problem.js';
import { route } from '../routes.js';

/**
 * A session for a visit, with its CORS headers: every answer carries `Vary: Origin`, and
 * `Access-Control-Allow-Origin: <origin>` exactly when the bot the key names allows that origin (so the widget can
 * read why a session was refused), never `*`, never credentials. A refusal is thrown as its problem with the
 * same headers (`401`, `403` with `reason`, `429` with `Retry-After`).
 */
export async function createWidgetSession(input: {
  key: string | undefined;
  origin: string | undefined;
  nowMs?: number;
}): Promise<{ session: WidgetSession; headers: Record<string, string> }> {
  const visit = await findWidgetVisit(input);
  const headers = corsHeaders(input.origin, visit.originAllowed, ['Retry-After']);
  try {
    return { session: await openWidgetSession(visit, input.nowMs), headers };
  } catch (error) {
    throw withHeaders(error, headers);
  }
}

/**
 * Public (no API key): the widget key in `X-Widget-Key` authenticates, the browser's `Origin` is checked
 * against the bot's allowed domains. Rules in `openWidgetSession`.
 */
export const handler = api(route('createWidgetSession'), {}, async ({ headers }) => {
  const { session, headers: cors } = await createWidgetSession({ key: headers['x-widget-key'], origin: headers.origin });
  return { body: session, headers: { ...cors, 'Cache-Control': 'no-store' } };
});
