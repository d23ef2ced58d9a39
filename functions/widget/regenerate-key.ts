import { actorOf } from '../../shared/auth/principal.js';
import { embedCode, regenerateWidgetKey } from '../../shared/domain/widget/widget.js';
import { publicBaseUrl } from '../../shared/http/base-url.js';
import { etagOf } from '../../shared/http/etag.js';
import { api } from '../../shared/http/handler.js';
import { route } from '../routes.js';

/**
 * A new key, in clear with its embed code; pages with the old embed code stop getting sessions at once. Not
 * idempotent on purpose: a retry makes another key, and replaying a stored answer could hand out a key that a
 * later regenerate already replaced.
 */
export const handler = api(route('regenerateWidgetKey'), {}, async ({ event, principal, params }) => {
  const bot = await regenerateWidgetKey(principal.teamId, params.botId, actorOf(principal));
  const { key, keyCreatedAt } = bot.widget;
  return {
    body: { apiKey: key, embedCode: embedCode(publicBaseUrl(event), bot.id, key), keyCreatedAt },
    headers: { 'Cache-Control': 'no-store', ETag: etagOf(bot.version) },
  };
});
