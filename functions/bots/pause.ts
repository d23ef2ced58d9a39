import { actorOf } from '../../shared/auth/principal.js';
import { toBot } from '../../shared/domain/bots/model.js';
import { setBotActive } from '../../shared/domain/bots/lifecycle.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** The bot with `active: false`: it answers nobody until resumed. */
export const handler = api(route('pauseBot'), {}, async ({ principal, params }) => {
  const bot = await setBotActive(principal.teamId, params.botId, false, actorOf(principal));
  return { body: toBot(bot), headers: { ETag: etagOf(bot.version) } };
});
