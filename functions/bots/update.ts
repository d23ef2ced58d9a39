import { actorOf } from '../../shared/auth/principal.js';
import { updateBot } from '../../shared/domain/bots/bots.js';
import { toBot } from '../../shared/domain/bots/model.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './update.request.js';

/** Absent fields are unchanged; `If-Match` with the bot's ETag refuses a stale write (412). */
export const handler = api(route('updateBot'), request, async ({ principal, params, body, headers }) => {
  const bot = await updateBot(principal.teamId, params.botId, body, actorOf(principal), requiredVersion(headers['if-match']));
  return { body: toBot(bot), headers: { ETag: etagOf(bot.version) } };
});
