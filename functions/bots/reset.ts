import { actorOf } from '../../shared/auth/principal.js';
import { resetBot } from '../../shared/domain/bots/reset.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/**
 * The bot's data is gone from every read when this answers; it is purged in the background. 409 naming the
 * running campaigns that lock the bot.
 */
export const handler = api(route('resetBot'), {}, async ({ principal, params }) => {
  await resetBot(principal.teamId, params.botId, actorOf(principal));
  return { body: { message: 'Bot reset' } };
});
