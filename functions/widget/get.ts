import { getStoredBot } from '../../shared/domain/bots/bots.js';
import { widgetSettingsOf } from '../../shared/domain/widget/widget.js';
import { publicBaseUrl } from '../../shared/http/base-url.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** `{ enabled, allowedDomains, allowsAnyOrigin, apiKey (masked), embedCode (masked), ... }`. */
export const handler = api(route('getWidget'), {}, async ({ event, principal, params }) => {
  const bot = await getStoredBot(principal.teamId, params.botId);
  return { body: widgetSettingsOf(bot, publicBaseUrl(event)), headers: { ETag: etagOf(bot.version) } };
});
