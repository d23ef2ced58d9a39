import { getStoredBot } from '../../shared/domain/bots/bots.js';
import { toBot } from '../../shared/domain/bots/model.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

export const handler = api(route('getBot'), {}, async ({ principal, params }) => {
  const bot = await getStoredBot(principal.teamId, params.botId);
  return { body: toBot(bot), headers: { ETag: etagOf(bot.version) } };
});
