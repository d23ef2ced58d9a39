import { createWidgetSession } from '../../shared/domain/widget/sessions.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/**
 * Public (no API key): the widget key in `X-Widget-Key` authenticates, the browser's `Origin` is checked
 * against the bot's allowed domains. Rules and CORS in `createWidgetSession`.
 */
export const handler = api(route('createWidgetSession'), {}, async ({ headers }) => {
  const { session, headers: cors } = await createWidgetSession({ key: headers['x-widget-key'], origin: headers.origin });
  return { statusCode: 201, body: session, headers: { ...cors, 'Cache-Control': 'no-store' } };
});
