import { actorOf } from '../../shared/auth/principal.js';
import { updateWidgetSettings, widgetSettingsOf } from '../../shared/domain/widget/widget.js';
import { publicBaseUrl } from '../../shared/http/base-url.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';
import { request } from './update.request.js';

/** The settings as saved; `If-Match` (the bot's ETag) refuses a stale write with 412. */
export const handler = api(route('updateWidget'), request, async ({ event, principal, params, body, headers }) => {
  const bot = await updateWidgetSettings(principal.teamId, params.botId, body, actorOf(principal), requiredVersion(headers['if-match']));
  return { body: widgetSettingsOf(bot, publicBaseUrl(event)), headers: { ETag: etagOf(bot.version) } };
});
