import { getStoredBot } from '../../shared/domain/bots/bots.js';
import { buildIntegration, publicBaseUrl } from '../../shared/domain/calls/integration.js';
import { isLocalMode } from '../../shared/env.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** The Integration tab (seed 004): variables by namespace, the dialout endpoint and three runnable snippets. */
export const handler = api(route('getBotIntegration'), {}, async ({ principal, params, headers, event }) => {
  const bot = await getStoredBot(principal.teamId, params.botId!);
  const baseUrl = publicBaseUrl(headers, event.requestContext.domainName, isLocalMode());
  return { statusCode: 200, body: buildIntegration(bot, principal.teamId, baseUrl) };
});
