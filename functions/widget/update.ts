import { actorOf } from '../../shared/auth/principal.js';
import { WidgetSettingsInput } from '../../shared/domain/widget/schema.js';
import { updateWidgetSettings, widgetSettingsOf } from '../../shared/domain/widget/widget.js';
import { publicBaseUrl } from '../../shared/http/base-url.js';
import { etagOf, requiredVersion } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/** Seed 004 "Save settings": `{ enabled?, allowedDomains? }` -> `200` the settings; `If-Match` (the bot's ETag) -> `412` when stale. */
export const handler = api(route('updateWidget'), { body: WidgetSettingsInput }, async ({ event, principal, params, body, headers }) => {
  const bot = await updateWidgetSettings(principal.teamId, params.botId!, body, actorOf(principal), requiredVersion(headers['if-match']));
  return { statusCode: 200, body: widgetSettingsOf(bot, publicBaseUrl(event)), headers: { ETag: etagOf(bot.version) } };
});
