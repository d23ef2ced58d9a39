import { getStoredBot } from '../../shared/domain/bots/bots.js';
import { buildIntegration } from '../../shared/domain/calls/integration.js';
import { requestOrigin } from '../../shared/http/base-url.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** The Integration tab: variables by namespace, the dialout endpoint and three runnable snippets. */
export const handler = api(route('getBotIntegration'), {}, async ({ principal, params, event }) => {
  const bot = await getStoredBot(principal.teamId, params.botId);
  return { body: buildIntegration(bot, principal.teamId, requestOrigin(event)) };
});
